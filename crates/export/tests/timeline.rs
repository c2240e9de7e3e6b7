//! The report's "Staffing over time" and "Problems ahead" pages: printed only when a
//! timeline is given, with the months, each month's effective FTE and the problems ahead as
//! core's timeline computes them, the same bytes for the same input (read back with
//! `pdftotext`, poppler-utils).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use pendulum_core::{
    Allocation, Date, Org, Person, PersonId, Plan, RuleConfig, Snapshot, TeamId, Timeline,
    Workstream, check, timeline,
};
use pendulum_export::{PdfOptions, ReportInput, pdf};

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// Two people on a migration needing 2 FTE; Kwame's allocation ends on 2027-04-30, so from
/// that day the migration runs on one person (a gap: 2 / 1 > 1.25).
fn org() -> Org {
    let mut org = Org::default();
    let mut lead = Person::new("lead", "Ines Duarte");
    lead.team = Some(TeamId::from("Platform"));
    let mut dev = Person::new("dev", "Kwame Mensah");
    dev.manager_id = Some(PersonId::from("lead"));
    dev.team = Some(TeamId::from("Platform"));
    let mut ops = Person::new("ops", "Deepa Krishnan");
    ops.manager_id = Some(PersonId::from("lead"));
    ops.team = Some(TeamId::from("Platform"));
    org.people = vec![lead, dev, ops];
    let mut ws = Workstream::new("ws-pg", "Postgres 16 upgrade");
    ws.team = Some(TeamId::from("Platform"));
    ws.required_fte = 2.0;
    org.workstreams = vec![ws];
    let mut until_may = Allocation::new("dev", "ws-pg", 100.0);
    until_may.end_date = Some(day("2027-04-30"));
    org.allocations = vec![until_may, Allocation::new("ops", "ws-pg", 100.0)];
    org
}

fn report(org: &Org, t: Option<&Timeline>) -> Vec<u8> {
    let config = RuleConfig::default();
    let s = Snapshot::new(org, day("2027-03-01"), &config);
    let flags = check(&s, &config);
    let input = ReportInput {
        snapshot: &s,
        config: &config,
        flags: &flags,
        cost: None,
        scenario: None,
        timeline: t,
    };
    pdf(&input, &PdfOptions::new("Platform", day("2027-03-01"))).unwrap()
}

fn text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_staffing_pages_print_the_timeline_only_when_given() {
    let org = org();
    let config = RuleConfig::default();
    let plan = Plan {
        org: &org,
        config: &config,
        edits: &[],
    };
    let t = timeline(&plan, day("2027-03-15"), 12);
    assert_eq!(t.months.len(), 12);
    assert!(!t.ahead.is_empty(), "the allocation's end starts a flag");

    let with = report(&org, Some(&t));
    assert_eq!(with, report(&org, Some(&t)), "same input, same bytes");
    let all = text(&with);
    let pages: Vec<&str> = all.split('\u{c}').collect();
    let staffing = pages
        .iter()
        .find(|p| p.contains("Staffing over the next 12 months"))
        .unwrap_or_else(|| panic!("no staffing page in {all}"));
    assert!(
        staffing.contains("March 2027 to February 2028"),
        "{staffing}"
    );
    for label in ["MAR 27", "APR 27", "MAY 27", "DEC 27", "JAN 28", "FEB 28"] {
        assert!(staffing.contains(label), "{label} in {staffing}");
    }
    // Postgres 16 upgrade: 2 FTE in March and April, 1 from May (Kwame's allocation ended).
    let row = staffing
        .lines()
        .find(|l| l.contains("Postgres 16 upgrade"))
        .unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    let months = &cells[cells.len() - 12..];
    assert_eq!(months[..2], ["2", "2"], "{row}");
    assert!(months[2..].iter().all(|c| *c == "1"), "{row}");
    // The team: three people every month, none of them ramping or part-time.
    let team = staffing
        .lines()
        .map(|l| l.replace(' ', ""))
        .find(|l| l.starts_with("Platform") && l.contains('/'))
        .unwrap();
    assert_eq!(team.matches("3/").count(), 12, "{team}");

    let ahead = pages
        .iter()
        .find(|p| p.contains("What changes in the months ahead"))
        .unwrap_or_else(|| panic!("no problems-ahead page in {all}"));
    for a in &t.ahead {
        assert!(
            ahead.contains(&a.day().to_string()),
            "{} in {ahead}",
            a.day()
        );
        assert!(
            ahead.contains(a.rule.as_str()),
            "{} in {ahead}",
            a.rule.as_str()
        );
    }
    // An end date is the first day without the allocation.
    assert!(ahead.contains("2027-04-30"), "{ahead}");

    let without = text(&report(&org, None));
    assert!(!without.contains("Staffing over the next"), "{without}");
    assert!(
        !without.contains("What changes in the months ahead"),
        "{without}"
    );
    assert_eq!(
        all.matches('\u{c}').count(),
        without.matches('\u{c}').count() + 2,
        "two pages more"
    );
}
