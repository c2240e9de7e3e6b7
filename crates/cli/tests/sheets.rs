//! `pendulum` on spreadsheets and CSV dialects: the demo org as CSV, as `;`-CSV with decimal
//! commas, as `.xlsx` with a title row above the header, and as `.ods` and `.xls` saved by
//! LibreOffice gives the same `pendulum check --format json`; bad workbooks are refused
//! with the sheet and cell named.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "../../../tests/support/workbooks.rs"]
mod workbooks;

use workbooks::{Table, ods, semicolon_csv, xlsx};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn pendulum(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pendulum"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run pendulum");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn demo(file: &str) -> PathBuf {
    repo().join("assets/demo").join(file)
}

fn demo_tables() -> Vec<Table> {
    [
        ("People", "people.csv"),
        ("Workstreams", "workstreams.csv"),
        ("Allocations", "allocations.csv"),
    ]
    .iter()
    .map(|(sheet, file)| Table::from_csv(sheet, &std::fs::read(demo(file)).unwrap()))
    .collect()
}

const AS_OF: &str = "2027-03-01";

fn check_json(org: &[&str]) -> String {
    let mut args = vec!["check"];
    args.extend_from_slice(org);
    args.extend_from_slice(&["--as-of", AS_OF, "--format", "json"]);
    let run = pendulum(&args);
    assert_eq!(run.code, 1, "the demo has one error flag: {}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run.stdout
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn check_is_the_same_for_csv_semicolons_xlsx_ods_and_xls() {
    let (p, w, a) = (
        demo("people.csv"),
        demo("workstreams.csv"),
        demo("allocations.csv"),
    );
    let csv = check_json(&[
        path(&p),
        "--workstreams",
        path(&w),
        "--allocations",
        path(&a),
    ]);
    assert!(csv.contains("\"workstream-unstaffed\""));

    let dir = tempfile::tempdir().unwrap();
    let tables = demo_tables();
    let semi: Vec<PathBuf> = tables
        .iter()
        .map(|t| {
            let out = dir.path().join(format!("{}.csv", t.name.to_lowercase()));
            std::fs::write(&out, semicolon_csv(t)).unwrap();
            out
        })
        .collect();
    assert!(std::fs::read_to_string(&semi[0]).unwrap().contains(";0,8;"));
    let semicolons = check_json(&[
        path(&semi[0]),
        "--workstreams",
        path(&semi[1]),
        "--allocations",
        path(&semi[2]),
    ]);
    assert_eq!(semicolons, csv, ";-CSV with decimal commas");

    let book = dir.path().join("larkspur.xlsx");
    std::fs::write(&book, xlsx(&tables, Some("HR export, 1 March 2027"))).unwrap();
    assert_eq!(check_json(&[path(&book)]), csv, "xlsx with a title row");

    let book = dir.path().join("larkspur.ods");
    std::fs::write(&book, ods(&tables)).unwrap();
    assert_eq!(check_json(&[path(&book)]), csv, "ods");

    for saved in ["larkspur.ods", "larkspur.xls"] {
        let book = repo().join("tests/fixtures/sheets").join(saved);
        assert_eq!(
            check_json(&[path(&book)]),
            csv,
            "{saved} saved by LibreOffice"
        );
    }
}

#[test]
fn import_reads_a_workbook_into_a_document() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("larkspur.pendulum");
    let book = repo().join("tests/fixtures/sheets/larkspur.xlsx");
    let run = pendulum(&["import", "--people", path(&book), "-o", path(&doc)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(": 90 people, 14 teams, 19 workstreams, 83 allocations"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_bad_workbook_is_refused_naming_sheet_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut tables = demo_tables();
    let start = tables[0]
        .headers
        .iter()
        .position(|h| h == "start_date")
        .unwrap();
    // A text date: the typed writer would refuse it, so the column is written as text.
    tables[0].headers[start] = "Hire Date".into();
    let hire = tables[0].rows[4][start].clone();
    tables[0].rows[4][start] = format!("{hire} (approx.)");
    let book = dir.path().join("bad.xlsx");
    std::fs::write(&book, xlsx(&tables[..1], None)).unwrap();
    let run = pendulum(&["check", path(&book), "--as-of", AS_OF]);
    assert_eq!(run.code, 2);
    let column = pendulum_csv::column_letters(start as u64 + 1);
    assert!(
        run.stderr.contains(&format!(
            "bad.xlsx: People!{column}6 (Hire Date): expected a date as YYYY-MM-DD"
        )),
        "{}",
        run.stderr
    );

    let run = pendulum(&["check", path(&book), "--sheet", "Staff"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("the workbook has no sheet \"Staff\"; its sheets are \"People\""),
        "{}",
        run.stderr
    );

    let run = pendulum(&["check", path(&demo("people.csv")), "--sheet", "People"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("this file is not one"),
        "{}",
        run.stderr
    );
}

/// One part of a workbook (a zip of XML files), as text.
fn part(book: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn an_xlsx_export_imports_back_as_the_same_org() {
    let dir = tempfile::tempdir().unwrap();
    let (p, w, a) = (
        demo("people.csv"),
        demo("workstreams.csv"),
        demo("allocations.csv"),
    );
    let demo_org = [
        path(&p),
        "--workstreams",
        path(&w),
        "--allocations",
        path(&a),
    ];
    let export = |out: &Path| {
        let mut args = vec!["export"];
        args.extend_from_slice(&demo_org);
        args.extend_from_slice(&["--as-of", AS_OF, "--xlsx", "-o", path(out)]);
        pendulum(&args)
    };
    let book = dir.path().join("plan.xlsx");
    let run = export(&book);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = std::fs::read(&book).unwrap();

    // Read back: the same org (lossless JSON) and the same flags.
    let json = |org: &[&str]| {
        let out = dir.path().join("org.json");
        let mut args = vec!["export"];
        args.extend_from_slice(org);
        args.extend_from_slice(&["--json", "-o", path(&out)]);
        let run = pendulum(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        std::fs::read_to_string(&out).unwrap()
    };
    assert_eq!(
        json(&[path(&book)]),
        json(&demo_org),
        "the org survives the round trip"
    );
    assert_eq!(check_json(&[path(&book)]), check_json(&demo_org));

    // The same org and day give the same bytes.
    let again = dir.path().join("again.xlsx");
    let run = export(&again);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read(&again).unwrap() == bytes, "deterministic");

    // Sheets by name; header frozen and filtered; dates as date cells.
    let workbook = part(&bytes, "xl/workbook.xml");
    let names: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(
        names,
        [
            "People",
            "Teams",
            "Workstreams",
            "Allocations",
            "Workload",
            "Flags"
        ],
        "{workbook}"
    );
    let people = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(people.contains("state=\"frozen\""), "{people}");
    assert!(people.contains("<autoFilter ref=\"A1:"), "{people}");
    assert!(
        part(&bytes, "xl/styles.xml").contains("formatCode=\"yyyy-mm-dd\""),
        "a date format"
    );
    // The Flags sheet lists the demo's flags, one row each below the header.
    let flags: serde_json::Value = serde_json::from_str(&check_json(&demo_org)).unwrap();
    let count = flags["flags"].as_array().unwrap().len();
    let sheet = part(&bytes, "xl/worksheets/sheet6.xml");
    assert_eq!(sheet.matches("<row ").count(), count + 1, "{sheet}");
}

#[test]
fn an_xlsx_export_writes_a_name_that_looks_like_a_formula_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let people = dir.path().join("people.csv");
    std::fs::write(
        &people,
        "id,name,title,manager_id\nboss,=HYPERLINK(\"http://x\"),Director,\n",
    )
    .unwrap();
    let book = dir.path().join("out.xlsx");
    let run = pendulum(&["export", path(&people), "--xlsx", "-o", path(&book)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let bytes = std::fs::read(&book).unwrap();
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "no formula: {sheet}");
    let strings = part(&bytes, "xl/sharedStrings.xml");
    assert!(
        strings.contains("<t>=HYPERLINK(\"http://x\")</t>"),
        "the name is kept as text: {strings}"
    );
}
