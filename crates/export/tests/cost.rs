//! The report's "Cost" page: printed only when asked and only for an org with pay data,
//! the same bytes for the same input, amounts as core computes them (read back with
//! `pdftotext`, poppler-utils).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use pendulum_core::cost::projection;
use pendulum_core::{
    Band, Budget, Currency, Date, Money, Org, Person, PersonId, RuleConfig, Snapshot, TeamId, check,
};
use pendulum_export::{CostSection, PdfOptions, ReportInput, pdf};

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn org() -> Org {
    let mut org = Org::default();
    org.cost.currency = Currency::parse("GBP");
    org.cost.bands = vec![Band {
        level: "L5".into(),
        annual_cost: Money::from_cents(8_123_456),
    }];
    let mut lead = Person::new("lead", "Ines Duarte");
    lead.cost = Some(Money::from_cents(10_987_654));
    lead.team = Some(TeamId::from("Search"));
    let mut dev = Person::new("dev", "Kwame Mensah");
    dev.level = Some("L5".into());
    dev.manager_id = Some(PersonId::from("lead"));
    dev.team = Some(TeamId::from("Search"));
    org.people = vec![lead, dev];
    org.teams = vec![pendulum_core::Team {
        id: TeamId::from("Search"),
        lead: None,
        kind: None,
    }];
    org.cost.budgets = vec![Budget {
        team: TeamId::from("Search"),
        annual_budget: Money::from_cents(15_000_000),
    }];
    org
}

fn report(org: &Org, cost: bool) -> Vec<u8> {
    let config = RuleConfig::default();
    let s = Snapshot::new(org, day("2027-03-01"), &config);
    let flags = check(&s, &config);
    let year = projection(org, day("2027-01-01"));
    let input = ReportInput {
        timeline: None,
        snapshot: &s,
        config: &config,
        flags: &flags,
        cost: cost.then_some(CostSection {
            projection: Some(&year),
            projection_before: None,
        }),
        scenario: None,
    };
    let opts = PdfOptions {
        landscape: false,
        ..PdfOptions::new("Search", day("2027-03-01"))
    };
    pdf(&input, &opts).unwrap()
}

fn text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_cost_page_is_printed_only_when_asked() {
    let org = org();
    let with = report(&org, true);
    assert_eq!(with, report(&org, true), "same input, same bytes");
    let t = text(&with);
    // 109,876.54 + 81,234.56 against a budget of 150,000.00.
    assert!(t.contains("£191,111.10"), "{t}");
    assert!(t.contains("£150,000.00"), "{t}");
    assert!(t.contains("27.41% over"), "{t}");
    assert!(
        t.contains("Fiscal year 1 January 2027 to 31 December 2027"),
        "{t}"
    );

    let without = text(&report(&org, false));
    assert!(!without.contains("Run-rate and budgets"), "{without}");
    assert!(!without.contains('£'), "{without}");

    // Asked for, but the org carries no pay: no page.
    let mut plain = org.clone();
    pendulum_core::cost::strip_pay(&mut plain);
    let t = text(&report(&plain, true));
    assert!(!t.contains("Run-rate and budgets"), "{t}");
}
