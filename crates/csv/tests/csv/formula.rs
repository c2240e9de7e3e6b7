//! RELIABILITY E1: no exported cell begins with a formula trigger, whatever the org holds.
//! The exports are read back with the `csv` crate, an independent RFC 4180 reader.

use pendulum_core::{
    Allocation, Date, Org, Person, PersonId, RuleConfig, Snapshot, Team, TeamId, Workstream,
    WorkstreamId,
};
use pendulum_csv::{
    FORMULA_TRIGGERS, allocations_csv, people_csv, teams_csv, workload_csv, workstreams_csv,
};
use proptest::prelude::*;

use crate::round_trip::{arb_org, through_csv};

/// Every cell of a CSV, as an independent reader sees it; panics on malformed CSV or
/// rows of differing widths.
fn read_cells(csv: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("{e}\n{csv}"))
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

fn every_export(org: &Org) -> Vec<(&'static str, String)> {
    let snapshot = Snapshot::new(
        org,
        Date::parse("2026-01-01").expect("a date"),
        &RuleConfig::default(),
    );
    vec![
        ("people", people_csv(org)),
        ("teams", teams_csv(org)),
        ("workstreams", workstreams_csv(org)),
        ("allocations", allocations_csv(org)),
        ("workload", workload_csv(&snapshot)),
    ]
}

/// An org whose every text field is `payload` (ids made unique by a suffix).
fn org_of(payload: &str) -> Org {
    let id = |n: &str| format!("{payload}{n}");
    let mut boss = Person::new(id("1"), payload);
    boss.title = payload.into();
    boss.manager_id = Some(PersonId::new(id("gone")));
    boss.team = Some(TeamId::new(id("team")));
    boss.level = Some(payload.into());
    boss.location = Some(payload.into());
    boss.email = Some(id("@example.org"));
    boss.dotted_managers = vec![PersonId::new(id("2"))];
    let mut report = Person::new(id("2"), payload);
    report.manager_id = Some(boss.id.clone());
    let mut w = Workstream::new(id("w"), payload);
    w.team = boss.team.clone();
    w.priority = Some(payload.into());
    w.required_fte = 1.0;
    Org {
        teams: vec![Team {
            id: TeamId::new(id("team")),
            lead: Some(boss.id.clone()),
            kind: None,
        }],
        allocations: vec![Allocation::new(&id("2"), &id("w"), 50.0)],
        people: vec![boss, report],
        workstreams: vec![w],
        ..Org::default()
    }
}

#[test]
fn every_trigger_is_escaped_in_every_export() {
    let mut payloads: Vec<String> = FORMULA_TRIGGERS
        .iter()
        .map(|t| format!("{t}cmd|' /C calc'!A0"))
        .collect();
    payloads.extend(
        [
            "=HYPERLINK(\"http://evil.example\",\"x\")",
            "'=already",
            "''+twice",
            "@SUM(1+1)*cmd",
        ]
        .map(String::from),
    );
    let mut checked = 0;
    for payload in &payloads {
        let org = org_of(payload);
        for (name, csv) in every_export(&org) {
            let cells: Vec<String> = read_cells(&csv).into_iter().flatten().collect();
            let hits: Vec<&String> = cells
                .iter()
                .filter(|c| c.contains(payload.trim_start_matches('\'')))
                .collect();
            assert!(
                !hits.is_empty() || name == "allocations",
                "{name} should hold {payload:?}:\n{csv}"
            );
            for cell in hits {
                assert!(cell.starts_with('\''), "{name}: {cell:?} is not escaped");
                checked += 1;
            }
            for cell in &cells {
                assert!(
                    !cell.starts_with(FORMULA_TRIGGERS),
                    "{name}: {cell:?} starts a formula"
                );
            }
        }
        let back = through_csv(&org).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.org, org, "the escape is undone on import");
    }
    assert!(
        checked >= payloads.len() * 10,
        "only {checked} cells checked"
    );
}

#[test]
fn escaped_cells_gain_one_apostrophe() {
    let org = org_of("=1+1");
    let people = people_csv(&org);
    assert!(people.contains("'=1+11,'=1+1,'=1+1,'=1+1gone"), "{people}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_export_cell_starts_a_formula(org in arb_org()) {
        for (name, csv) in every_export(&org) {
            for cell in read_cells(&csv).into_iter().flatten() {
                prop_assert!(!cell.starts_with(FORMULA_TRIGGERS), "{}: {:?}", name, cell);
            }
        }
    }
}

#[test]
fn workload_figures_are_fixed_precision() {
    let mut org = org_of("x");
    org.workstreams[0].required_fte = 1.0;
    org.allocations = vec![Allocation {
        person: PersonId::from("x2"),
        workstream: WorkstreamId::from("xw"),
        percent: 30.0,
        start_date: None,
        end_date: None,
    }];
    let snapshot = Snapshot::new(
        &org,
        Date::parse("2026-01-01").expect("a date"),
        &RuleConfig::default(),
    );
    assert_eq!(
        workload_csv(&snapshot),
        "id,name,team,kind,required_fte,effective_fte,allocated_fte,load_ratio,people\n\
         xw,x,xteam,feature,1,0.3,0.3,3.333,1\n"
    );
}
