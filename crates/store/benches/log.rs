//! A long edit log: opening a document and undoing an edit when a scenario holds 10,000 edits
//! on a 100,000-person org. Checkpoints (every 64 edits) bound the replay; without them both
//! replayed the whole log, as the first open of a document without checkpoints still does.
//! Run with `cargo bench -p pendulum-store --bench log`.

use std::path::{Path, PathBuf};

use divan::Bencher;
use pendulum_core::{Edit, Org, PersonChange, PersonId, RuleConfig};
use pendulum_store::{Document, ScenarioId};
use pendulum_synth::{SynthConfig, generate};

fn main() {
    divan::main();
}

const PEOPLE: usize = 100_000;
const EDITS: usize = 10_000;

/// Retitles and moves of people without reports, alternating: every move is cycle-free.
fn edits(org: &Org) -> Vec<Edit> {
    let managers: std::collections::HashSet<&PersonId> = org
        .people
        .iter()
        .filter_map(|p| p.manager_id.as_ref())
        .collect();
    let leaves: Vec<&PersonId> = org
        .people
        .iter()
        .map(|p| &p.id)
        .filter(|id| !managers.contains(id))
        .collect();
    let bosses: Vec<&PersonId> = managers.into_iter().collect();
    let mut bosses = bosses;
    bosses.sort();
    (0..EDITS)
        .map(|i| {
            let who = leaves[(i * 7919) % leaves.len()].clone();
            if i % 2 == 0 {
                Edit::UpdatePerson {
                    id: who,
                    change: PersonChange::Title(format!("Title {i}")),
                }
            } else {
                Edit::MovePerson {
                    id: who,
                    manager: Some(bosses[(i * 104_729) % bosses.len()].clone()),
                }
            }
        })
        .collect()
}

/// A document with the org and the edit log written straight into its tables, as a long-used
/// document from before checkpoints holds them: nothing but the imported org to start from.
fn unchecked_document(dir: &Path) -> PathBuf {
    let org = generate(&SynthConfig::new(PEOPLE, 42));
    let path = dir.join("long-log.pendulum");
    drop(Document::create(&path, &org, &RuleConfig::default()).unwrap_or_else(|e| panic!("{e}")));
    let mut conn = rusqlite::Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let tx = conn.transaction().unwrap_or_else(|e| panic!("{e}"));
    for e in edits(&org) {
        let body = serde_json::to_string(&e).unwrap_or_else(|e| panic!("{e}"));
        tx.execute("INSERT INTO edit (scenario, body) VALUES (1, ?1)", [body])
            .unwrap_or_else(|e| panic!("{e}"));
    }
    tx.commit().unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    path
}

/// The same document opened once: the open writes the checkpoints the long log lacked.
fn document(dir: &Path) -> PathBuf {
    let path = unchecked_document(dir);
    let mut doc = Document::open(&path).unwrap_or_else(|e| panic!("{e}"));
    doc.view(ScenarioId::BASELINE, None)
        .unwrap_or_else(|e| panic!("{e}"));
    path
}

/// The first open of a document without checkpoints: the whole log is replayed (10,000 edits
/// on 100,000 people) and the checkpoints written. Each sample opens a fresh copy.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn first_open_without_checkpoints(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let original = unchecked_document(dir.path());
    let copy = dir.path().join("copy.pendulum");
    bencher
        .with_inputs(|| {
            std::fs::copy(&original, &copy).unwrap_or_else(|e| panic!("{e}"));
        })
        .bench_local_values(|()| {
            let mut doc = Document::open(&copy).unwrap_or_else(|e| panic!("{e}"));
            let n = doc
                .view(ScenarioId::BASELINE, None)
                .map(|v| v.org.people.len())
                .unwrap_or_default();
            assert_eq!(n, PEOPLE);
        });
}

/// Open for editing and build the view with every edit.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn open_100k_people_10k_edits(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = document(dir.path());
    bencher.bench_local(|| {
        let mut doc = Document::open(&path).unwrap_or_else(|e| panic!("{e}"));
        let n = doc
            .view(ScenarioId::BASELINE, None)
            .map(|v| v.org.people.len())
            .unwrap_or_default();
        assert_eq!(n, PEOPLE);
        drop(doc);
    });
}

/// Undo the newest edit (and redo it, so every sample undoes the same one).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn undo_100k_people_10k_edits(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = document(dir.path());
    let mut doc = Document::open(&path).unwrap_or_else(|e| panic!("{e}"));
    doc.view(ScenarioId::BASELINE, None)
        .unwrap_or_else(|e| panic!("{e}"));
    bencher.bench_local(|| {
        doc.undo(ScenarioId::BASELINE)
            .unwrap_or_else(|e| panic!("{e}"));
        doc.redo(ScenarioId::BASELINE)
            .unwrap_or_else(|e| panic!("{e}"))
    });
}
