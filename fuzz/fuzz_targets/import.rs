//! Fuzzes the CSV importer (RELIABILITY C1): no input may panic or hang, and every problem
//! names a cell (row and column, both ≥ 1) or is a whole-file problem.
//!
//! The input is split on `\n\x1e\n` (ASCII record separator) into the people, workstreams,
//! allocations and teams files, so the fuzzer also reaches references between files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pendulum_csv::{ImportProblem, ImportRequest, MAX_LISTED, Source, import, preview};

const FILE_BREAK: &[u8] = b"\n\x1e\n";

fn split(data: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while parts.len() < 3 {
        match rest.windows(FILE_BREAK.len()).position(|w| w == FILE_BREAK) {
            Some(i) => {
                parts.push(&rest[..i]);
                rest = &rest[i + FILE_BREAK.len()..];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts
}

fn placed(p: &ImportProblem) -> bool {
    match (p.row, p.column) {
        (Some(r), Some(c)) => r >= 1 && c >= 1,
        (None, None) => p.header.is_none(),
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let parts = split(data);
    let source = |i: usize, name| parts.get(i).map(|b| Source::new(name, b));
    let Some(people) = source(0, "people.csv") else { return };
    let req = ImportRequest {
        people,
        workstreams: source(1, "workstreams.csv"),
        allocations: source(2, "allocations.csv"),
        teams: source(3, "teams.csv"),
    };
    let preview = preview(&req);
    match import(&req) {
        Ok(got) => {
            assert!(preview.errors.is_empty());
            assert!(got.org.validate().is_empty(), "{:?}", got.org.validate());
            assert!(got.warnings.iter().all(placed), "{:?}", got.warnings);
        }
        Err(e) => {
            assert!(!e.errors.is_empty() && e.errors.len() <= MAX_LISTED);
            assert!(e.errors.iter().all(placed), "{:?}", e.errors);
            assert!(e.warnings.iter().all(placed), "{:?}", e.warnings);
            assert_eq!(preview.errors, e.errors);
            assert_eq!(preview.more_errors, e.more);
        }
    }
});
