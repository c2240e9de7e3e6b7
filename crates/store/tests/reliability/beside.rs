//! A file that fails its checks (damaged, foreign, newer) is left exactly as it was, with
//! nothing created beside it, whether it was opened for reading or for editing.

use pendulum_store::{Document, ScenarioId, StoreError};

use super::{files_in, retitle, temp_doc};

/// The folder's files and their bytes; SQLite's shared-memory index (`-shm`, a cache that
/// reading a write-ahead log rebuilds) by name only.
fn snapshot(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    files_in(dir)
        .into_iter()
        .map(|n| {
            let bytes = if n.ends_with("-shm") {
                Vec::new()
            } else {
                std::fs::read(dir.join(&n)).unwrap()
            };
            (n, bytes)
        })
        .collect()
}

/// Opens `path` both ways; both must fail, and the folder must hold what it held before,
/// byte for byte.
fn refused_without_a_trace(path: &std::path::Path) -> Vec<StoreError> {
    let dir = path.parent().unwrap();
    let before = snapshot(dir);
    let errors = vec![
        Document::open_read_only(path).unwrap_err(),
        Document::open(path).unwrap_err(),
    ];
    let after = snapshot(dir);
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&after), names(&before), "files appeared or vanished");
    assert!(after == before, "a file was changed: {errors:?}");
    errors
}

#[test]
fn a_truncated_document_gets_no_wal_or_shm_beside_it() {
    let (dir, path) = temp_doc(300);
    let bytes = std::fs::read(&path).unwrap();
    let cut = dir.path().join("trunc.pendulum");
    std::fs::write(&cut, &bytes[..3000]).unwrap();
    std::fs::remove_file(&path).unwrap();
    for e in refused_without_a_trace(&cut) {
        assert!(
            matches!(
                e,
                StoreError::Corrupt { .. } | StoreError::NotPendulum { .. }
            ),
            "{e}"
        );
    }
    assert_eq!(files_in(dir.path()), ["trunc.pendulum"]);
}

#[test]
fn damaged_values_leave_no_trace() {
    let (dir, path) = temp_doc(20);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("UPDATE person SET start_date = '2026-02-30' WHERE id = 'p1';")
            .unwrap();
    }
    assert_eq!(files_in(dir.path()), ["plan.pendulum"]);
    for e in refused_without_a_trace(&path) {
        assert!(matches!(e, StoreError::Corrupt { .. }), "{e}");
    }
}

/// A write-ahead log that makes the document newer (another Pendulum crashed while
/// upgrading it, say) is neither checkpointed into the file nor removed.
#[test]
fn a_newer_schema_in_the_wal_is_not_checkpointed_into_the_file() {
    let (dir, path) = temp_doc(20);
    {
        let mut doc = Document::open(&path).unwrap();
        doc.apply(ScenarioId::BASELINE, retitle("p1", "kept"))
            .unwrap();
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )
    .unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    assert!(
        files_in(dir.path()).contains(&"plan.pendulum-wal".to_string()),
        "{:?}",
        files_in(dir.path())
    );
    for e in refused_without_a_trace(&path) {
        assert!(
            matches!(e, StoreError::NewerSchema { found: 99, .. }),
            "{e}"
        );
    }
}

/// A document that opens reads without leaving files behind once it is closed.
#[test]
fn a_good_document_opened_read_only_leaves_nothing_beside_it() {
    let (dir, path) = temp_doc(20);
    let mut doc = Document::open_read_only(&path).unwrap();
    doc.view(ScenarioId::BASELINE, None).unwrap();
    drop(doc);
    assert_eq!(files_in(dir.path()), ["plan.pendulum"]);
}
