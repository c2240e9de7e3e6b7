//! Checkpoints of long edit logs: a document reopened, undone, redone and forked across many
//! checkpoints shows exactly what replaying its whole log from the imported org shows.

use pendulum_core::{DatedEdit, Edit, Org, PersonChange, PersonId, RuleConfig, replay};
use pendulum_store::{Document, ScenarioId, StoreError};
use pendulum_synth::SplitMix64;

use super::{small_org, temp_doc};

/// A retitle or a move of one of the leaves p40..p99 under one of p1..p39 (never a cycle),
/// some dated.
fn random_edit(rng: &mut SplitMix64) -> DatedEdit {
    let who = PersonId::new(format!("p{}", 40 + rng.next_u64() % 60));
    let edit = if rng.next_u64().is_multiple_of(2) {
        Edit::UpdatePerson {
            id: who,
            change: PersonChange::Title(format!("T{}", rng.next_u64() % 1000)),
        }
    } else {
        Edit::MovePerson {
            id: who,
            manager: Some(PersonId::new(format!("p{}", 1 + rng.next_u64() % 39))),
        }
    };
    if rng.next_u64().is_multiple_of(5) {
        let day = pendulum_core::Date::from_ymd(2026, 1 + (rng.next_u64() % 12) as u32, 1);
        DatedEdit {
            edit,
            effective: day,
        }
    } else {
        DatedEdit::always(edit)
    }
}

/// The org the model says: the imported org with `edits` replayed.
fn model(edits: &[DatedEdit], as_of: Option<pendulum_core::Date>) -> Org {
    let (mut org, mut config) = (small_org(100), RuleConfig::default());
    replay(&mut org, &mut config, edits, as_of);
    org
}

#[test]
fn long_logs_reopen_undo_redo_and_fork_across_checkpoints() {
    let (_dir, path) = temp_doc(100);
    let b = ScenarioId::BASELINE;
    let mut rng = SplitMix64::new(11);
    let mut applied: Vec<DatedEdit> = Vec::new();
    let mut doc = Document::open(&path).unwrap();
    for _ in 0..300 {
        let e = random_edit(&mut rng);
        doc.apply(b, e.clone()).unwrap();
        applied.push(e);
    }
    let day = pendulum_core::Date::from_ymd(2026, 6, 15);
    let check = |doc: &mut Document, applied: &[DatedEdit], what: &str| {
        assert_eq!(
            doc.view(b, None).unwrap().org,
            model(applied, None),
            "{what}: every edit"
        );
        assert_eq!(
            doc.view(b, day).unwrap().org,
            model(applied, day),
            "{what}: as of a day"
        );
    };
    check(&mut doc, &applied, "after 300 edits");
    drop(doc);
    let mut doc = Document::open(&path).unwrap();
    check(&mut doc, &applied, "reopened");
    // Undo back across four checkpoints, checking every step, then redo some.
    for i in 0..270 {
        doc.undo(b).unwrap();
        applied.pop();
        if i % 9 == 0 {
            check(&mut doc, &applied, &format!("undo {i}"));
        }
    }
    check(&mut doc, &applied, "after the undos");
    drop(doc);
    let mut doc = Document::open(&path).unwrap();
    check(&mut doc, &applied, "reopened after the undos");
    for _ in 0..100 {
        let e = random_edit(&mut rng);
        doc.apply(b, e.clone()).unwrap();
        applied.push(e);
    }
    let fork = doc.fork(b, "fork").unwrap();
    let extra = random_edit(&mut rng);
    doc.apply(fork, extra.clone()).unwrap();
    let mut forked = applied.clone();
    forked.push(extra);
    assert_eq!(doc.view(fork, None).unwrap().org, model(&forked, None));
    drop(doc);
    let mut doc = Document::open_read_only(&path).unwrap();
    check(&mut doc, &applied, "read-only");
    assert_eq!(doc.view(fork, None).unwrap().org, model(&forked, None));
}

#[test]
fn a_damaged_checkpoint_is_refused_not_trusted() {
    let (_dir, path) = temp_doc(100);
    let b = ScenarioId::BASELINE;
    let mut rng = SplitMix64::new(3);
    {
        let mut doc = Document::open(&path).unwrap();
        for _ in 0..70 {
            doc.apply(b, random_edit(&mut rng)).unwrap();
        }
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let parts: i64 = conn
        .query_row("SELECT count(*) FROM checkpoint", [], |r| r.get(0))
        .unwrap();
    assert!(parts > 0, "70 edits made a checkpoint");
    conn.execute("UPDATE checkpoint SET body = X'7B7D'", [])
        .unwrap();
    drop(conn);
    let err = Document::open(&path)
        .and_then(|mut d| d.view(b, None).map(drop))
        .unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("checkpoint"), "{err}");
}
