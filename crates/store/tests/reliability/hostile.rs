//! RELIABILITY H2: documents that pass the schema check but hold 10⁶ edits, a 500 MB name,
//! 10⁶ people or deeply nested batches are opened or refused within seconds, in bounded
//! memory, without a write. Each case prints its time and peak memory (Linux `VmHWM`, reset
//! before the case through `/proc/self/clear_refs`).

use std::path::Path;
use std::time::{Duration, Instant};

use pendulum_core::{Edit, PersonChange};
use pendulum_store::{Document, ScenarioId, StoreError};

use super::temp_doc;

/// Peak resident memory of this process since the last reset, in MiB (0 where unknown).
fn peak_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Opens `path` both ways (and every view), within `limit` each; the file must be unchanged
/// when refused. Returns the outcome of the read-only open, the worst time and peak memory.
fn open_both_ways(path: &Path, limit: Duration) -> (Result<(), StoreError>, Duration, u64) {
    let before_len = std::fs::metadata(path).unwrap().len();
    reset_peak();
    let mut worst = Duration::ZERO;
    let mut outcome = Ok(());
    for read_only in [true, false] {
        let started = Instant::now();
        let result = if read_only {
            Document::open_read_only(path)
        } else {
            Document::open(path)
        }
        .and_then(|mut doc| {
            for s in doc.scenarios()? {
                doc.view(s.id, None)?;
            }
            Ok(())
        });
        let took = started.elapsed();
        assert!(took < limit, "{} took {took:?}", path.display());
        worst = worst.max(took);
        if read_only {
            outcome = result;
        }
    }
    if outcome.is_err() {
        assert_eq!(std::fs::metadata(path).unwrap().len(), before_len);
    }
    (outcome, worst, peak_mib())
}

fn report(case: &str, outcome: &Result<(), StoreError>, took: Duration, peak: u64) {
    let what = match outcome {
        Ok(()) => "opened".to_string(),
        Err(e) => format!("refused ({e})"),
    };
    let what: String = what.chars().take(160).collect();
    println!("H2: {case}: {what} in {took:?}, peak {peak} MiB");
}

/// Under nextest every test is a process of its own, so the peak is this case's.
fn assert_bounded(peak: u64) {
    if std::env::var_os("NEXTEST").is_some() {
        assert!(peak <= 256, "peak memory {peak} MiB");
    }
}

#[test]
fn a_million_edits_are_refused_quickly_in_bounded_memory() {
    let (_dir, path) = temp_doc(89);
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        let body = serde_json::to_string(&Edit::UpdatePerson {
            id: "p1".into(),
            change: PersonChange::Title("again".into()),
        })
        .unwrap();
        tx.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) \
             INSERT INTO edit (scenario, body) SELECT 1, ?1 FROM n",
            [&body],
        )
        .unwrap();
        tx.commit().unwrap();
    }
    let (outcome, took, peak) = open_both_ways(&path, Duration::from_secs(30));
    report("10^6 edits on 89 people", &outcome, took, peak);
    let err = outcome.unwrap_err();
    assert!(err.to_string().contains("1000000 edits"), "{err}");
    assert_bounded(peak);
}

#[test]
fn a_500_mb_name_is_refused_in_bounded_memory() {
    let (_dir, path) = temp_doc(89);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE person SET name = printf('%.*c', 500000000, 'x') WHERE id = 'p1'",
            [],
        )
        .unwrap();
    }
    let (outcome, took, peak) = open_both_ways(&path, Duration::from_secs(60));
    report("a 500 MB name", &outcome, took, peak);
    let err = outcome.unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert_bounded(peak);
}

#[test]
fn a_million_people_open_within_seconds() {
    let (_dir, path) = temp_doc(1);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DELETE FROM person; \
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) \
             INSERT INTO person (position, id, name, title, manager_id, status, fte, assistant) \
             SELECT i, 'q' || i, 'Person ' || i, 'Engineer', \
                    CASE WHEN i > 1 THEN 'q' || (i / 8) END, 'active', 1.0, 0 FROM n;",
        )
        .unwrap();
    }
    let (outcome, took, peak) = open_both_ways(&path, Duration::from_secs(120));
    report("10^6 people", &outcome, took, peak);
    // Opened, or on a slow machine refused as taking too long: either way within seconds.
    if let Err(e) = outcome {
        assert!(e.to_string().contains("took too long"), "{e}");
    }
}

#[test]
fn nested_batches_and_deep_json_are_refused_or_skipped() {
    let (_dir, path) = temp_doc(89);
    let leaf = serde_json::json!({"op": "update-person", "id": "p1", "change": {"field": "title", "value": "deep"}});
    let mut nested = leaf.clone();
    for _ in 0..6 {
        nested = serde_json::json!({"op": "batch", "label": "nest", "edits": [nested]});
    }
    let huge_batch =
        serde_json::json!({"op": "batch", "label": "huge", "edits": vec![leaf; 20_000]});
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for body in [nested.to_string(), huge_batch.to_string()] {
            conn.execute("INSERT INTO edit (scenario, body) VALUES (1, ?1)", [body])
                .unwrap();
        }
    }
    let started = Instant::now();
    let mut doc = Document::open_read_only(&path).unwrap();
    let view = doc.view(ScenarioId::BASELINE, None).unwrap();
    assert_eq!(
        view.skipped.len(),
        2,
        "both edits are refused as they replay"
    );
    let messages: Vec<String> = view.skipped.iter().map(|s| s.error.to_string()).collect();
    assert!(
        messages[0].contains("nest more than 4 deep"),
        "{messages:?}"
    );
    assert!(messages[1].contains("20000 edits"), "{messages:?}");
    drop(doc);
    println!(
        "H2: nested batches (6 deep, 20,000 wide): opened, both skipped, in {:?}",
        started.elapsed()
    );

    // JSON nested 10,000 deep is unreadable: refused, never recursed into.
    let (_dir2, path2) = temp_doc(89);
    {
        let conn = rusqlite::Connection::open(&path2).unwrap();
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        conn.execute("INSERT INTO edit (scenario, body) VALUES (1, ?1)", [deep])
            .unwrap();
    }
    let (outcome, took, peak) = open_both_ways(&path2, Duration::from_secs(10));
    report("JSON nested 10,000 deep", &outcome, took, peak);
    assert!(
        matches!(outcome, Err(StoreError::Corrupt { .. })),
        "{outcome:?}"
    );
}
