//! RELIABILITY C1 as a property test (the cargo-fuzz target in `fuzz/` runs the same check
//! for longer): arbitrary bytes and mutated valid files never panic, and every problem
//! names a cell (row and column) or is a whole-file problem.

use pendulum_csv::{ImportProblem, ImportRequest, MAX_LISTED, Source, import, preview};
use proptest::prelude::*;

use crate::fixture;

fn placed(p: &ImportProblem) -> bool {
    match (p.row, p.column) {
        (Some(r), Some(c)) => r >= 1 && c >= 1,
        (None, None) => p.header.is_none(),
        _ => false,
    }
}

/// Runs import and preview on the request and checks what they report.
fn check(req: &ImportRequest<'_>) -> Result<(), TestCaseError> {
    let preview = preview(req);
    match import(req) {
        Ok(got) => {
            prop_assert!(preview.errors.is_empty());
            prop_assert!(got.org.validate().is_empty(), "{:?}", got.org.validate());
            prop_assert!(got.warnings.iter().all(placed), "{:?}", got.warnings);
        }
        Err(e) => {
            prop_assert!(!e.errors.is_empty());
            prop_assert!(e.errors.len() <= MAX_LISTED);
            prop_assert!(e.errors.iter().all(placed), "{:?}", e.errors);
            prop_assert!(e.warnings.iter().all(placed), "{:?}", e.warnings);
            prop_assert_eq!(&preview.errors, &e.errors);
            prop_assert_eq!(preview.more_errors, e.more);
            prop_assert!(!e.to_string().is_empty());
        }
    }
    Ok(())
}

/// Bytes that matter to a CSV reader, to splice into valid files.
fn token() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::sample::select(vec![
            b"\"".to_vec(),
            b",".to_vec(),
            b"\n".to_vec(),
            b"\r".to_vec(),
            b"\0".to_vec(),
            b"\xEF\xBB\xBF".to_vec(),
            b"\xFF\xFE".to_vec(),
            b"\xFF".to_vec(),
            b"\xC3".to_vec(),
            "\u{202E}".as_bytes().to_vec(),
            b"=".to_vec(),
            b"'".to_vec(),
            b"%".to_vec(),
            b"-1".to_vec(),
            b"2024-02-30".to_vec(),
            b"\"\"".to_vec(),
        ]),
        proptest::collection::vec(any::<u8>(), 1..4),
    ]
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(prop::sample::Index, Vec<u8>),
    Delete(prop::sample::Index, usize),
    Replace(prop::sample::Index, Vec<u8>),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<prop::sample::Index>(), token()).prop_map(|(i, t)| Edit::Insert(i, t)),
        (any::<prop::sample::Index>(), 1usize..8).prop_map(|(i, n)| Edit::Delete(i, n)),
        (any::<prop::sample::Index>(), token()).prop_map(|(i, t)| Edit::Replace(i, t)),
    ]
}

fn mutate(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        let len = bytes.len() + 1;
        match e {
            Edit::Insert(i, t) => {
                let at = i.index(len);
                bytes.splice(at..at, t.iter().copied());
            }
            Edit::Delete(i, n) => {
                let at = i.index(len).min(bytes.len());
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Edit::Replace(i, t) => {
                let at = i.index(len).min(bytes.len());
                let end = (at + t.len()).min(bytes.len());
                bytes.splice(at..end, t.iter().copied());
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check(&ImportRequest::people(Source::new("people.csv", &bytes)))?;
    }

    #[test]
    fn random_text_never_panics(text in "[a-z0-9,\"\r\n ;%'=@-]{0,300}") {
        let header = format!("id,name,manager_id,fte,start_date\n{text}");
        check(&ImportRequest::people(Source::new("people.csv", header.as_bytes())))?;
    }

    #[test]
    fn mutated_valid_files_never_panic(
        people_edits in proptest::collection::vec(edit(), 0..6),
        teams_edits in proptest::collection::vec(edit(), 0..3),
        workstream_edits in proptest::collection::vec(edit(), 0..3),
        allocation_edits in proptest::collection::vec(edit(), 0..4),
    ) {
        let people = mutate(fixture("org-people.csv"), &people_edits);
        let teams = mutate(fixture("org-teams.csv"), &teams_edits);
        let workstreams = mutate(fixture("org-workstreams.csv"), &workstream_edits);
        let allocations = mutate(fixture("org-allocations.csv"), &allocation_edits);
        check(&ImportRequest {
            people: Source::new("people.csv", &people),
            teams: Some(Source::new("teams.csv", &teams)),
            workstreams: Some(Source::new("workstreams.csv", &workstreams)),
            allocations: Some(Source::new("allocations.csv", &allocations)),
            bands: None,
            budgets: None,
        })?;
    }
}

proptest! {
    // The 107-row sample is slower to read: fewer cases keep the suite at a few seconds.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn mutated_oracle_sample_never_panics(edits in proptest::collection::vec(edit(), 1..8)) {
        let people = mutate(fixture("d3-org-chart-oracle-hr.csv"), &edits);
        check(&ImportRequest::people(Source::new("oracle.csv", &people)))?;
    }
}

// ---------------------------------------------------------------------------------------
// RELIABILITY X1: bytes given as a workbook.

fn sheet_fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/sheets")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The workbook re-zipped with every part stored, so that edits land in its XML rather
/// than in compressed bytes (which the zip's checksum would catch first).
fn stored(zipped: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut source = zip::ZipArchive::new(std::io::Cursor::new(zipped)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..source.len() {
        let mut part = source.by_index(i).expect("a part");
        let name = part.name().expect("a name").into_owned();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).expect("a part");
        out.start_file(name, options).expect("zip");
        out.write_all(&bytes).expect("zip");
    }
    out.finish().expect("zip").into_inner()
}

/// Bytes that matter inside a workbook's XML or BIFF records.
fn workbook_token() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::sample::select(vec![
            b"<".to_vec(),
            b">".to_vec(),
            b"\"".to_vec(),
            b"9999999999".to_vec(),
            b"-1".to_vec(),
            b"XFD1048576".to_vec(),
            b"\xFF\xFF\xFF\xFF".to_vec(),
            b"\x00\x00".to_vec(),
            b"\x00\x02\x0E\x00".to_vec(),
            b"\xFE\xFF\xFF\xFF".to_vec(),
        ]),
        proptest::collection::vec(any::<u8>(), 1..6),
    ]
}

fn workbook_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<prop::sample::Index>(), workbook_token()).prop_map(|(i, t)| Edit::Replace(i, t)),
        (any::<prop::sample::Index>(), workbook_token()).prop_map(|(i, t)| Edit::Insert(i, t)),
        (any::<prop::sample::Index>(), 1usize..64).prop_map(|(i, n)| Edit::Delete(i, n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_as_a_workbook_never_panic(
        cfb in any::<bool>(),
        bytes in proptest::collection::vec(any::<u8>(), 0..2048),
    ) {
        let magic: &[u8] = if cfb { b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" } else { b"PK\x03\x04" };
        let file = [magic, &bytes].concat();
        check(&ImportRequest::people(Source::new("org.xlsx", &file)))?;
    }

    #[test]
    fn mutated_workbooks_never_panic(
        which in 0usize..3,
        edits in proptest::collection::vec(workbook_edit(), 1..6),
    ) {
        let (name, bytes) = match which {
            0 => ("larkspur.xls", sheet_fixture("larkspur.xls")),
            1 => ("larkspur.ods", stored(&sheet_fixture("larkspur.ods"))),
            _ => ("larkspur.xlsx", stored(&sheet_fixture("larkspur.xlsx"))),
        };
        let file = mutate(bytes, &edits);
        check(&ImportRequest::people(Source::new(name, &file)))?;
    }
}
