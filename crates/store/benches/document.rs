//! `docs/performance.md`: open a 100k-person document in < 500 ms; one edit saved and re-checked in
//! < 10 ms at 10k people. Orgs come from pendulum-synth; documents are built before timing.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use divan::Bencher;
use pendulum_core::{DatedEdit, Edit, Org, PersonChange, PersonId, RuleConfig, check_org};
use pendulum_store::{Document, ScenarioId};
use pendulum_synth::{SynthConfig, generate, reference_date};

fn main() {
    divan::main();
}

fn document(dir: &Path, people: usize) -> (PathBuf, Org) {
    let org = generate(&SynthConfig::new(people, 42));
    let path = dir.join(format!("synth-{people}.pendulum"));
    if let Err(e) = Document::create(&path, &org, &RuleConfig::default()) {
        panic!("{e}");
    }
    (path, org)
}

/// Opening for editing: header and defensive checks, `quick_check`, schema comparison,
/// reading every table, and the baseline view ready to draw.
#[divan::bench(args = [10_000, 100_000], sample_count = 10, sample_size = 1)]
fn open(bencher: Bencher, people: usize) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (path, _) = document(dir.path(), people);
    bencher.bench_local(|| {
        let mut doc = Document::open(&path).unwrap_or_else(|e| panic!("{e}"));
        let n = doc
            .view(ScenarioId::BASELINE, None)
            .map(|v| v.org.people.len())
            .unwrap_or_default();
        assert_eq!(n, people);
        // Dropped inside the timing: the next open needs the lock back.
        drop(doc);
    });
}

/// One edit applied, committed (WAL, synchronous=FULL) and every rule re-run on the result.
#[divan::bench(args = [1_000, 10_000], sample_count = 50)]
fn edit_saved_and_rechecked(bencher: Bencher, people: usize) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (path, org) = document(dir.path(), people);
    let mut doc = Document::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let person = org
        .people
        .iter()
        .find(|p| p.manager_id.is_some())
        .map(|p| p.id.clone())
        .unwrap_or_default();
    let n = Cell::new(0u64);
    bencher.bench_local(|| {
        n.set(n.get() + 1);
        let edit = Edit::UpdatePerson {
            id: person.clone(),
            change: PersonChange::Title(format!("Title {}", n.get())),
        };
        doc.apply(ScenarioId::BASELINE, DatedEdit::always(edit))
            .unwrap_or_else(|e| panic!("{e}"));
        let view = doc
            .view(ScenarioId::BASELINE, None)
            .unwrap_or_else(|e| panic!("{e}"));
        check_org(&view.org, reference_date(), &view.config).len()
    });
}

/// A reporting-line move (walks the manager chain for cycles), saved and re-checked.
#[divan::bench(args = [10_000], sample_count = 50)]
fn move_saved_and_rechecked(bencher: Bencher, people: usize) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (path, org) = document(dir.path(), people);
    let mut doc = Document::open(&path).unwrap_or_else(|e| panic!("{e}"));
    // An IC moved back and forth between their manager and their manager's manager.
    let ic = org
        .people
        .iter()
        .find(|p| {
            p.manager_id.as_ref().is_some_and(|m| {
                org.people
                    .iter()
                    .any(|q| q.id == *m && q.manager_id.is_some())
                    && !org
                        .people
                        .iter()
                        .any(|r| r.manager_id.as_ref() == Some(&p.id))
            })
        })
        .unwrap_or_else(|| panic!("no IC two levels down"));
    let near = ic.manager_id.clone();
    let far: Option<PersonId> = org
        .people
        .iter()
        .find(|q| Some(&q.id) == near.as_ref())
        .and_then(|q| q.manager_id.clone());
    let flip = Cell::new(false);
    bencher.bench_local(|| {
        flip.set(!flip.get());
        let manager = if flip.get() {
            far.clone()
        } else {
            near.clone()
        };
        let edit = Edit::MovePerson {
            id: ic.id.clone(),
            manager,
        };
        doc.apply(ScenarioId::BASELINE, DatedEdit::always(edit))
            .unwrap_or_else(|e| panic!("{e}"));
        let view = doc
            .view(ScenarioId::BASELINE, None)
            .unwrap_or_else(|e| panic!("{e}"));
        check_org(&view.org, reference_date(), &view.config).len()
    });
}

/// Undo at 10k people after 100 edits: one transaction and a replay of the log.
#[divan::bench(args = [10_000], sample_count = 20, sample_size = 1)]
fn undo(bencher: Bencher, people: usize) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (path, org) = document(dir.path(), people);
    let mut doc = Document::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let person = org.people.first().map(|p| p.id.clone()).unwrap_or_default();
    for i in 0..100 {
        let edit = Edit::UpdatePerson {
            id: person.clone(),
            change: PersonChange::Title(format!("T{i}")),
        };
        doc.apply(ScenarioId::BASELINE, DatedEdit::always(edit))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    bencher.bench_local(|| {
        doc.undo(ScenarioId::BASELINE)
            .unwrap_or_else(|e| panic!("{e}"));
        doc.redo(ScenarioId::BASELINE)
            .unwrap_or_else(|e| panic!("{e}"))
    });
}
