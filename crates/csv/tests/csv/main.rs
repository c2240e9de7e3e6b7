//! pendulum-csv's integration tests: one binary, one module per promise of RELIABILITY.md.

mod faults; // C2: one fixture per fault class
mod formula; // E1: exported cells never start a formula
mod layouts; // HR-tool layouts and the public Oracle HR sample
mod pay; // pay columns, bands and budgets in
mod robustness; // C1: arbitrary bytes never panic, every error is placed
mod round_trip; // C3: org → CSV → org
mod sheets; // X1: spreadsheets and CSV dialects in
mod xlsx; // X1: spreadsheets out, read back

use pendulum_csv::{ImportErrors, ImportProblem, ImportRequest, Imported, Source, import};

/// The bytes of `tests/fixtures/csv/<name>` at the repository root.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/csv")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Imports a fixture as the people file.
pub fn import_people(name: &str) -> Result<Imported, ImportErrors> {
    let bytes = fixture(name);
    import(&ImportRequest::people(Source::new(name, &bytes)))
}

/// Imports a fixture that must succeed.
pub fn imported(name: &str) -> Imported {
    import_people(name).unwrap_or_else(|e| panic!("{name} should import:\n{e}"))
}

/// The errors of a fixture that must fail.
pub fn refused(name: &str) -> ImportErrors {
    match import_people(name) {
        Ok(i) => panic!(
            "{name} should be refused, but imported {} people",
            i.org.people.len()
        ),
        Err(e) => e,
    }
}

/// (row, column) of each problem, in order.
pub fn places(problems: &[ImportProblem]) -> Vec<(Option<u64>, Option<u64>)> {
    problems.iter().map(|p| (p.row, p.column)).collect()
}

/// (row, column) of problems that name a cell, in order; panics on a whole-file problem.
pub fn cells(problems: &[ImportProblem]) -> Vec<(u64, u64)> {
    problems
        .iter()
        .map(|p| match (p.row, p.column) {
            (Some(r), Some(c)) => (r, c),
            _ => panic!("expected a cell, got a whole-file problem: {p}"),
        })
        .collect()
}
