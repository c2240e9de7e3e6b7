//! Someone else changes an open document's file: the document notices how, and can keep a
//! copy of its own version so that a reload loses nothing.

use pendulum_core::RuleConfig;
use pendulum_store::{Document, ExternalChange, ScenarioId};

use super::{retitle, small_org, temp_doc};

fn title(doc: &mut Document, id: &str) -> String {
    let view = doc.view(ScenarioId::BASELINE, None).unwrap();
    let p = view.org.people.iter().find(|p| p.id.0 == id).unwrap();
    p.title.clone()
}

#[test]
fn a_commit_by_another_program_is_noticed() {
    let (_dir, path) = temp_doc(10);
    let mut doc = Document::open(&path).unwrap();
    doc.apply(ScenarioId::BASELINE, retitle("p1", "mine"))
        .unwrap();
    assert_eq!(
        doc.external_change().unwrap(),
        None,
        "our own edits are not a change"
    );
    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute("UPDATE scenario SET name = 'theirs' WHERE id = 1", [])
        .unwrap();
    drop(other);
    assert_eq!(
        doc.external_change().unwrap(),
        Some(ExternalChange::Modified)
    );
}

#[test]
fn a_replaced_file_is_noticed_and_our_version_can_be_kept() {
    let (dir, path) = temp_doc(10);
    let mut doc = Document::open(&path).unwrap();
    doc.apply(ScenarioId::BASELINE, retitle("p1", "mine"))
        .unwrap();
    // A sync tool writes its version beside the file and renames it over it.
    let theirs = dir.path().join("incoming.pendulum");
    drop(Document::create(&theirs, &small_org(12), &RuleConfig::default()).unwrap());
    std::fs::rename(&theirs, &path).unwrap();
    assert_eq!(
        doc.external_change().unwrap(),
        Some(ExternalChange::Replaced)
    );
    // Edits made now still go to our (replaced) file; the copy keeps them all.
    doc.apply(ScenarioId::BASELINE, retitle("p2", "mine too"))
        .unwrap();
    let kept = dir.path().join("plan (my version).pendulum");
    doc.save_copy(&kept).unwrap();
    drop(doc);
    let mut copy = Document::open(&kept).unwrap();
    assert_eq!(title(&mut copy, "p1"), "mine");
    assert_eq!(title(&mut copy, "p2"), "mine too");
    let mut now = Document::open(&path).unwrap();
    assert_eq!(
        now.view(ScenarioId::BASELINE, None)
            .unwrap()
            .org
            .people
            .len(),
        12
    );
    assert!(doc_saves_no_copy_over(&kept));
}

/// `save_copy` never replaces an existing file.
fn doc_saves_no_copy_over(existing: &std::path::Path) -> bool {
    let (_dir, path) = temp_doc(3);
    let doc = Document::open(&path).unwrap();
    doc.save_copy(existing).is_err()
}

#[test]
fn a_removed_file_is_noticed() {
    let (_dir, path) = temp_doc(10);
    let doc = Document::open(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        doc.external_change().unwrap(),
        Some(ExternalChange::Removed)
    );
}
