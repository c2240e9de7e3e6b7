//! X1 out: a random org written as an `.xlsx` workbook and imported back is the same org
//! (as import reads a workbook: text trimmed, as a workbook has no quotes to keep
//! surrounding spaces, and numbers to nine decimals, rounding away the binary noise of
//! spreadsheet arithmetic), and what a workbook cannot hold is refused with the sheet and
//! cell named.

use pendulum_core::{Date, Org, Person, RuleConfig, Snapshot};
use pendulum_csv::{ImportRequest, Source, import, org_xlsx};
use proptest::prelude::*;

use crate::round_trip::arb_org;

fn march() -> Date {
    Date::from_ymd(2027, 3, 1).unwrap_or_else(|| panic!("2027-03-01 is a day"))
}

fn workbook(org: &Org) -> Vec<u8> {
    let rules = RuleConfig::default();
    let snapshot = Snapshot::new(org, march(), &rules);
    org_xlsx(org, &snapshot, &[]).unwrap_or_else(|e| panic!("{e}"))
}

/// A number cell as import reads it: to nine decimals when that is within 1e-9.
fn nine_decimals(v: f64) -> f64 {
    let rounded = (v * 1e9).round() / 1e9;
    if rounded.is_finite() && (rounded - v).abs() < 1e-9 {
        rounded + 0.0
    } else {
        v
    }
}

/// The org as import reads it from a workbook: surrounding whitespace trimmed from text,
/// text left empty by that read as absent, numbers to nine decimals.
fn as_read(org: &Org) -> Org {
    let text = |s: &String| s.trim().to_string();
    let optional = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    let mut org = org.clone();
    for p in &mut org.people {
        p.name = text(&p.name);
        p.title = text(&p.title);
        p.level = optional(&p.level);
        p.location = optional(&p.location);
        p.email = optional(&p.email);
        p.fte = nine_decimals(p.fte);
    }
    for a in &mut org.allocations {
        a.percent = nine_decimals(a.percent);
    }
    for w in &mut org.workstreams {
        w.name = text(&w.name);
        w.priority = optional(&w.priority);
        w.required_fte = nine_decimals(w.required_fte);
    }
    org
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn xlsx_export_then_import_gives_the_same_org(org in arb_org()) {
        let bytes = workbook(&org);
        prop_assert!(bytes == workbook(&org), "the same org gives the same bytes");
        let back = import(&ImportRequest::people(Source::new("org.xlsx", &bytes)))
            .map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        prop_assert_eq!(back.org, as_read(&org));
    }
}

#[test]
fn a_cell_longer_than_a_spreadsheet_holds_is_named() {
    let org = Org {
        people: vec![
            Person::new("1", "Ann"),
            Person::new("2", "x".repeat(40_000)),
        ],
        ..Org::default()
    };
    let rules = RuleConfig::default();
    let snapshot = Snapshot::new(&org, march(), &rules);
    let Err(error) = org_xlsx(&org, &snapshot, &[]) else {
        panic!("a 40,000-character name does not fit a cell");
    };
    assert_eq!(
        error.to_string(),
        "People!B3: a field of person 2 is 40000 characters long; a spreadsheet cell holds at most 32767"
    );
}
