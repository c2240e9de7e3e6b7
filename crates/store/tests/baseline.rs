//! Baseline updates: a newer export replaces the imported org, scenario edits replay on it
//! (those that no longer apply are skipped, not lost), and the newest update can be undone,
//! also after the document is closed and opened again.

#![allow(clippy::unwrap_used)]

use pendulum_core::{Date, DatedEdit, Edit, Org, Person, PersonChange, PersonId};
use pendulum_store::{Document, EditSeq, EditState, ScenarioId, StoreError};

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// p0 is the root, p1..p(n-1) report to p((i-1)/3).
fn org_of(n: usize) -> Org {
    let mut org = Org::default();
    for i in 0..n {
        let mut p = Person::new(format!("p{i}"), format!("Person {i}"));
        if i > 0 {
            p.manager_id = Some(PersonId::new(format!("p{}", (i - 1) / 3)));
        }
        org.people.push(p);
    }
    org
}

fn retitle(id: &str, title: &str) -> DatedEdit {
    DatedEdit::always(Edit::UpdatePerson {
        id: id.into(),
        change: PersonChange::Title(title.into()),
    })
}

fn move_to(id: &str, manager: &str) -> DatedEdit {
    DatedEdit::always(Edit::MovePerson {
        id: id.into(),
        manager: Some(PersonId::from(manager)),
    })
}

fn person<'a>(org: &'a Org, id: &str) -> Option<&'a Person> {
    org.people.iter().find(|p| p.id.as_str() == id)
}

/// The newer export: p9 left, p3 has a new title, p10 joined under p2.
fn newer() -> Org {
    let mut org = org_of(10);
    org.people.retain(|p| p.id.as_str() != "p9");
    org.people[3].title = "Staff Engineer".into();
    let mut joined = Person::new("p10", "Person 10");
    joined.manager_id = Some(PersonId::new("p2"));
    org.people.push(joined);
    org
}

/// A document with a scenario "plan" holding a move (p5 under p1) and a retitle of p9.
fn planned() -> (tempfile::TempDir, std::path::PathBuf, ScenarioId) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pendulum");
    let mut doc = Document::create(&path, &org_of(10), &Default::default()).unwrap();
    let plan = doc.fork(ScenarioId::BASELINE, "plan").unwrap();
    doc.apply(plan, move_to("p5", "p1")).unwrap();
    doc.apply(plan, retitle("p9", "Tech Lead")).unwrap();
    (dir, path, plan)
}

#[test]
fn an_update_replaces_the_imported_org_and_replays_every_scenario_on_it() {
    let (_dir, path, plan) = planned();
    let mut doc = Document::open(&path).unwrap();
    let update = doc
        .update_baseline(
            &newer(),
            day("2027-03-08"),
            "people-2027-03.xlsx",
            "1 joined, 1 left",
        )
        .unwrap();
    assert_eq!(update.day, day("2027-03-08"));
    assert!(!update.undone);
    assert_eq!(doc.imported().0, &newer());

    let view = doc.view(plan, None).unwrap();
    assert_eq!(
        person(&view.org, "p5").unwrap().manager_id,
        Some(PersonId::new("p1")),
        "the move still applies on the new export"
    );
    assert_eq!(person(&view.org, "p3").unwrap().title, "Staff Engineer");
    assert!(person(&view.org, "p10").is_some());
    assert!(person(&view.org, "p9").is_none());
    assert_eq!(
        view.skipped.len(),
        1,
        "the retitle of p9, who left, is skipped"
    );
    assert_eq!(doc.log(plan).unwrap().len(), 2, "no edit is lost");
    drop(doc);

    // After a restart: the new org, the history, and the undo.
    let mut doc = Document::open(&path).unwrap();
    assert_eq!(doc.imported().0, &newer());
    let history = doc.baseline_updates().unwrap();
    assert_eq!(history, vec![update.clone()]);
    assert_eq!(history[0].source, "people-2027-03.xlsx");
    assert_eq!(history[0].summary, "1 joined, 1 left");

    let undone = doc.undo_baseline_update().unwrap().unwrap();
    assert_eq!(undone.id, update.id);
    assert!(undone.undone);
    assert_eq!(doc.imported().0, &org_of(10));
    let view = doc.view(plan, None).unwrap();
    assert!(view.skipped.is_empty());
    assert_eq!(person(&view.org, "p9").unwrap().title, "Tech Lead");
    assert_eq!(
        doc.undo_baseline_update().unwrap(),
        None,
        "nothing left to undo"
    );
    drop(doc);

    let doc = Document::open(&path).unwrap();
    assert_eq!(doc.imported().0, &org_of(10));
    assert!(doc.baseline_updates().unwrap()[0].undone);
    doc.integrity_check().unwrap();
}

#[test]
fn updates_stack_and_undo_newest_first() {
    let (_dir, path, _plan) = planned();
    let mut doc = Document::open(&path).unwrap();
    let mut second = newer();
    second.people[1].title = "Director".into();
    doc.update_baseline(&newer(), day("2027-03-01"), "march.csv", "first")
        .unwrap();
    doc.update_baseline(&second, day("2027-04-01"), "april.csv", "second")
        .unwrap();
    assert_eq!(doc.imported().0, &second);
    assert_eq!(
        doc.undo_baseline_update().unwrap().unwrap().source,
        "april.csv"
    );
    assert_eq!(doc.imported().0, &newer());
    assert_eq!(
        doc.undo_baseline_update().unwrap().unwrap().source,
        "march.csv"
    );
    assert_eq!(doc.imported().0, &org_of(10));
    let days: Vec<(Date, bool)> = doc
        .baseline_updates()
        .unwrap()
        .iter()
        .map(|u| (u.day, u.undone))
        .collect();
    assert_eq!(
        days,
        vec![(day("2027-03-01"), true), (day("2027-04-01"), true)]
    );
}

#[test]
fn a_long_log_replays_on_the_new_org_not_on_a_checkpoint_of_the_old_one() {
    let (_dir, path, plan) = planned();
    let mut doc = Document::open(&path).unwrap();
    // Enough edits for checkpoints of the old org to be stored.
    for i in 0..150 {
        doc.apply(plan, retitle("p4", &format!("Title {i}")))
            .unwrap();
    }
    let mut next = newer();
    next.people[2].name = "Renamed in HR".into();
    doc.update_baseline(&next, day("2027-03-08"), "hr.csv", "renamed")
        .unwrap();
    let view = doc.view(plan, None).unwrap();
    assert_eq!(person(&view.org, "p2").unwrap().name, "Renamed in HR");
    assert_eq!(person(&view.org, "p4").unwrap().title, "Title 149");
    drop(doc);
    let mut doc = Document::open(&path).unwrap();
    let view = doc.view(plan, None).unwrap();
    assert_eq!(person(&view.org, "p2").unwrap().name, "Renamed in HR");
}

#[test]
fn an_invalid_org_or_a_read_only_document_is_refused_and_the_file_is_unchanged() {
    let (_dir, path, _plan) = planned();
    let before = std::fs::read(&path).unwrap();
    let mut doc = Document::open(&path).unwrap();
    let mut twice = newer();
    twice.people.push(Person::new("p1", "Duplicate"));
    let refused = doc
        .update_baseline(&twice, day("2027-03-08"), "bad.csv", "")
        .unwrap_err();
    assert!(
        matches!(refused, StoreError::InvalidOrg { .. }),
        "{refused}"
    );
    assert_eq!(doc.imported().0, &org_of(10));
    assert!(doc.baseline_updates().unwrap().is_empty());
    drop(doc);
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let mut read_only = Document::open_read_only(&path).unwrap();
    let refused = read_only
        .update_baseline(&newer(), day("2027-03-08"), "hr.csv", "")
        .unwrap_err();
    assert!(matches!(refused, StoreError::ReadOnly { .. }), "{refused}");
    assert!(matches!(
        read_only.undo_baseline_update().unwrap_err(),
        StoreError::ReadOnly { .. }
    ));
}

#[test]
fn an_edit_that_no_longer_applies_can_be_dropped_and_stays_dropped() {
    let (_dir, path, plan) = planned();
    let mut doc = Document::open(&path).unwrap();
    doc.update_baseline(&newer(), day("2027-03-08"), "hr.csv", "p9 left")
        .unwrap();
    let skipped = doc.view(plan, None).unwrap().skipped[0].seq;
    doc.drop_edit(plan, skipped).unwrap();
    let view = doc.view(plan, None).unwrap();
    assert!(view.skipped.is_empty());
    assert_eq!(
        person(&view.org, "p5").unwrap().manager_id,
        Some(PersonId::new("p1")),
        "the other edit still applies"
    );
    let states: Vec<EditState> = doc.log(plan).unwrap().iter().map(|e| e.state).collect();
    assert_eq!(states, vec![EditState::Applied, EditState::Discarded]);
    let refused = doc.drop_edit(plan, skipped).unwrap_err();
    assert!(
        matches!(refused, StoreError::UnknownEdit { .. }),
        "{refused}"
    );
    assert!(matches!(
        doc.drop_edit(ScenarioId::BASELINE, EditSeq(1)).unwrap_err(),
        StoreError::UnknownEdit { .. }
    ));
    drop(doc);
    let mut doc = Document::open(&path).unwrap();
    assert!(doc.view(plan, None).unwrap().skipped.is_empty());
    // Undoing the update brings nothing dropped back.
    doc.undo_baseline_update().unwrap();
    let view = doc.view(plan, None).unwrap();
    assert_ne!(person(&view.org, "p9").unwrap().title, "Tech Lead");
    assert!(view.skipped.is_empty());
}
