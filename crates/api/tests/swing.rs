//! The pendulum through the api and a real `.pendulum` document: a swing applied as a
//! scenario, undone and redone; role history; refusals and their error codes.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use std::path::{Path, PathBuf};

use pendulum_api::pendulum::{history, simulate_swing};
use pendulum_api::{ErrorCode, OrgSource, load};
use pendulum_core::{
    Allocation, Date, Org, Person, PersonId, Role, RuleConfig, Snapshot, Stats, Swing, SwingTo,
    Workstream, WorkstreamId, apply,
};
use pendulum_store::{Document, ScenarioId, View};
use proptest::prelude::*;

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

const D: &str = "2026-03-15";

fn person(id: &str, manager: Option<&str>, role: Option<Role>) -> Person {
    let mut p = Person::new(id, format!("Name {id}"));
    p.manager_id = manager.map(PersonId::from);
    p.role = role;
    p
}

/// a (executive) over m (manager of r1–r3, on w at 30 %), p1 (manager of x) and p2 (manager
/// of y and z); m has been a manager since 2021.
fn team() -> Org {
    let mut m = person("m", Some("a"), Some(Role::Manager));
    m.role_since = Some(day("2021-01-01"));
    m.start_date = Some(day("2015-01-01"));
    let mut w = Workstream::new("w", "Payments");
    w.required_fte = 1.0;
    Org {
        people: vec![
            person("a", None, Some(Role::Executive)),
            m,
            person("r1", Some("m"), None),
            person("r2", Some("m"), None),
            person("r3", Some("m"), None),
            person("p1", Some("a"), Some(Role::Manager)),
            person("x", Some("p1"), None),
            person("p2", Some("a"), Some(Role::Manager)),
            person("y", Some("p2"), None),
            person("z", Some("p2"), None),
        ],
        teams: Vec::new(),
        workstreams: vec![w],
        allocations: vec![Allocation::new("m", "w", 30.0)],
        ..Org::default()
    }
}

fn to_ic(id: &str) -> Swing {
    Swing {
        person: PersonId::from(id),
        to: SwingTo::Ic,
        date: day(D),
        reports: Vec::new(),
        successor: None,
        join: vec![(WorkstreamId::from("w"), 50.0)],
    }
}

fn document(dir: &Path, org: &Org) -> OrgSource {
    let path = dir.join("org.pendulum");
    drop(Document::create(&path, org, &RuleConfig::default()).unwrap());
    OrgSource {
        path,
        ..OrgSource::default()
    }
}

fn view(path: &PathBuf, scenario: &str, as_of: Option<Date>) -> View {
    let mut doc = Document::open_read_only(path).unwrap();
    let id = if scenario == "baseline" {
        ScenarioId::BASELINE
    } else {
        doc.scenario(scenario).unwrap()
    };
    doc.view(id, as_of).unwrap().into_owned()
}

/// Applies `swing` to scenario `name` through the api; returns the org the report's edit
/// makes of the simulated one.
fn apply_through_api(source: &OrgSource, swing: &Swing, name: &str) -> Org {
    let loaded = load(source, swing.date).unwrap();
    let report = simulate_swing(source, &loaded, swing, swing.date, Some(name)).unwrap();
    let applied = report.applied.as_ref().unwrap();
    assert_eq!(applied.scenario, name);
    let (mut org, mut config) = (loaded.org.clone(), loaded.rules.clone());
    apply(&mut org, &mut config, &report.report.edit).unwrap();
    let after = Stats::of(&Snapshot::new(&org, swing.date, &config));
    assert_eq!(report.report.after, after);
    org
}

#[test]
fn an_applied_swing_undoes_and_redoes_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let source = document(dir.path(), &team());
    let before = view(&source.path, "baseline", None);

    let applied = apply_through_api(&source, &to_ic("m"), "m-to-ic");
    let scenario = view(&source.path, "m-to-ic", None);
    assert_eq!(scenario.org, applied);
    assert!(scenario.skipped.is_empty());
    assert_eq!(
        view(&source.path, "baseline", None),
        before,
        "baseline untouched"
    );
    // Dated on the swing's day: the scenario the day before is the baseline.
    let eve = view(&source.path, "m-to-ic", Some(day("2026-03-14")));
    assert_eq!(eve.org, before.org);

    let mut doc = Document::open(&source.path).unwrap();
    let id = doc.scenario("m-to-ic").unwrap();
    assert!(doc.undo(id).unwrap().is_some());
    assert_eq!(
        *doc.view(id, None).unwrap(),
        before,
        "undo restores the view exactly"
    );
    assert!(doc.redo(id).unwrap().is_some());
    assert_eq!(
        doc.view(id, None).unwrap().org,
        applied,
        "redo applies it again"
    );
    drop(doc);
    // The same after a restart.
    assert_eq!(view(&source.path, "m-to-ic", None).org, applied);
}

#[test]
fn a_swing_onto_the_current_scenario_goes_on_top_of_its_edits() {
    let dir = tempfile::tempdir().unwrap();
    let source = document(dir.path(), &team());
    let first = apply_through_api(&source, &to_ic("m"), "plan");
    // Then x swings to manager in the same scenario, read as the current one.
    let current = OrgSource {
        scenario: Some("plan".into()),
        ..source.clone()
    };
    let swing = Swing {
        to: SwingTo::Manager,
        reports: vec![PersonId::from("r1")],
        join: Vec::new(),
        ..to_ic("x")
    };
    let loaded = load(&current, swing.date).unwrap();
    assert_eq!(loaded.org, first);
    let report = simulate_swing(&current, &loaded, &swing, swing.date, Some("plan")).unwrap();
    assert!(!report.applied.as_ref().unwrap().created);
    let (mut second, mut config) = (first.clone(), loaded.rules.clone());
    apply(&mut second, &mut config, &report.report.edit).unwrap();
    assert_eq!(view(&source.path, "plan", None).org, second);

    let mut doc = Document::open(&source.path).unwrap();
    let id = doc.scenario("plan").unwrap();
    doc.undo(id).unwrap();
    assert_eq!(doc.view(id, None).unwrap().org, first);
}

#[test]
fn a_swing_is_not_applied_onto_another_existing_scenario() {
    // The report describes the org it was simulated on; appended to a different scenario it
    // would describe something else.
    let dir = tempfile::tempdir().unwrap();
    let source = document(dir.path(), &team());
    apply_through_api(&source, &to_ic("m"), "plan");
    let loaded = load(&source, day(D)).unwrap();
    let swing = Swing {
        successor: Some(PersonId::from("x")),
        join: Vec::new(),
        ..to_ic("p2")
    };
    let err = simulate_swing(&source, &loaded, &swing, day(D), Some("plan")).unwrap_err();
    assert_eq!(err.code, ErrorCode::Usage, "{}", err.message);
    assert!(err.message.contains("plan"), "{}", err.message);
    let log = Document::open_read_only(&source.path)
        .and_then(|d| d.scenario("plan").and_then(|id| d.log(id)))
        .unwrap();
    assert_eq!(log.len(), 1, "nothing appended");
}

#[test]
fn history_shows_the_swing_as_a_second_spell() {
    let dir = tempfile::tempdir().unwrap();
    let source = document(dir.path(), &team());
    apply_through_api(&source, &to_ic("m"), "m-to-ic");
    let scenario = OrgSource {
        scenario: Some("m-to-ic".into()),
        ..source.clone()
    };
    let h = history(&scenario, "m", day("2026-09-15")).unwrap();
    let spells: Vec<(Role, Option<Date>, Option<Date>, &str)> = h
        .spells
        .iter()
        .map(|s| (s.role, s.since, s.until, s.source))
        .collect();
    assert_eq!(
        spells,
        [
            (
                Role::Manager,
                Some(day("2021-01-01")),
                Some(day(D)),
                "import"
            ),
            (Role::Ic, Some(day(D)), None, "edit"),
        ]
    );
    assert_eq!(
        (h.role, h.since, h.days_in_role),
        (Role::Ic, Some(day(D)), Some(184))
    );
    // The baseline has only the role on file.
    let h = history(&source, "m", day("2026-09-15")).unwrap();
    assert_eq!(h.spells.len(), 1);
    assert_eq!(h.role, Role::Manager);
}

#[test]
fn history_of_an_inferred_manager_starts_with_the_inferred_role() {
    // HR files rarely carry a role: r1 leads q by the reporting lines alone.
    let mut org = team();
    org.people.push(person("q", Some("r1"), None));
    let dir = tempfile::tempdir().unwrap();
    let source = document(dir.path(), &org);
    let swing = Swing {
        join: Vec::new(),
        ..to_ic("r1")
    };
    apply_through_api(&source, &swing, "r1-to-ic");
    let scenario = OrgSource {
        scenario: Some("r1-to-ic".into()),
        ..source.clone()
    };
    let h = history(&scenario, "r1", day(D)).unwrap();
    let roles: Vec<(Role, &str)> = h.spells.iter().map(|s| (s.role, s.source)).collect();
    assert_eq!(roles, [(Role::Manager, "import"), (Role::Ic, "edit")]);
}

#[test]
fn refusals_carry_their_codes() {
    let dir = tempfile::tempdir().unwrap();
    let source = document(dir.path(), &team());
    let loaded = load(&source, day(D)).unwrap();

    let err = simulate_swing(&source, &loaded, &to_ic("nobody"), day(D), None).unwrap_err();
    assert_eq!(err.code, ErrorCode::Unknown, "{}", err.message);
    assert!(err.message.contains("nobody"), "{}", err.message);
    let swing = Swing {
        join: vec![(WorkstreamId::from("nope"), 50.0)],
        ..to_ic("m")
    };
    let err = simulate_swing(&source, &loaded, &swing, day(D), None).unwrap_err();
    assert_eq!(err.code, ErrorCode::Unknown, "{}", err.message);
    assert!(err.message.contains("nope"), "{}", err.message);
    let err = simulate_swing(&source, &loaded, &to_ic("x"), day(D), None).unwrap_err();
    assert_eq!(err.code, ErrorCode::Refused, "{}", err.message);

    // --apply needs a document; nothing is written beside a CSV.
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "id,name,manager_id\na,Ann,\nm,Mo,a\nr,Ray,m\n").unwrap();
    let csv_source = OrgSource {
        path: csv,
        ..OrgSource::default()
    };
    let loaded = load(&csv_source, day(D)).unwrap();
    let files = || {
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let listed = files();
    let err = simulate_swing(&csv_source, &loaded, &to_ic("m"), day(D), Some("s")).unwrap_err();
    assert_eq!(err.code, ErrorCode::Usage, "{}", err.message);
    assert_eq!(files(), listed);
}

// ---------------------------------------------------------------- property

/// A random forest of `parents.len()` people (each reporting to someone earlier, or a root),
/// some with a role on file, a few on workstream w.
fn random_org(parents: &[(usize, u8)]) -> Org {
    let mut org = Org {
        workstreams: vec![Workstream::new("w", "W"), Workstream::new("v", "V")],
        ..Org::default()
    };
    for (i, &(parent, kind)) in parents.iter().enumerate() {
        let manager = (i > 0 && parent % 5 != 0).then(|| format!("p{}", parent % i));
        let role = match kind % 6 {
            0 => Some(Role::Manager),
            1 => Some(Role::Ic),
            _ => None,
        };
        org.people
            .push(person(&format!("p{i}"), manager.as_deref(), role));
        if kind % 3 == 0 {
            let w = if kind % 2 == 0 { "w" } else { "v" };
            org.allocations.push(Allocation::new(
                &format!("p{i}"),
                w,
                f64::from(kind % 50 + 10),
            ));
        }
    }
    org
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// Applying a swing as a scenario, then undoing it, restores the scenario's view exactly;
    /// redo brings back the applied org.
    #[test]
    fn apply_then_undo_restores_the_document(
        parents in prop::collection::vec((any::<usize>(), any::<u8>()), 3..25),
        who in any::<usize>(),
        picks in prop::collection::vec(any::<usize>(), 0..4),
        successor in prop::option::of(any::<usize>()),
    ) {
        let org = random_org(&parents);
        let n = org.people.len();
        let s = Snapshot::new(&org, day(D), &RuleConfig::default());
        let id = |k: usize| org.people[k % n].id.clone();
        let person = who % n;
        let swing = if s.role(person as u32) == Role::Ic {
            Swing {
                to: SwingTo::Manager,
                reports: picks.iter().map(|&k| id(k)).collect(),
                join: Vec::new(),
                ..to_ic(id(person).as_str())
            }
        } else {
            Swing { successor: successor.map(id), ..to_ic(id(person).as_str()) }
        };
        if pendulum_core::swing::plan(&org, &RuleConfig::default(), &swing).is_err() {
            return Ok(());
        }
        let dir = tempfile::tempdir().unwrap();
        let source = document(dir.path(), &org);
        let before = view(&source.path, "baseline", None);
        let applied = apply_through_api(&source, &swing, "s");
        prop_assert_eq!(&view(&source.path, "s", None).org, &applied);
        let mut doc = Document::open(&source.path).unwrap();
        let sid = doc.scenario("s").unwrap();
        prop_assert!(doc.undo(sid).unwrap().is_some());
        prop_assert_eq!(&*doc.view(sid, None).unwrap(), &before);
        prop_assert!(doc.redo(sid).unwrap().is_some());
        prop_assert_eq!(&doc.view(sid, None).unwrap().org, &applied);
    }
}
