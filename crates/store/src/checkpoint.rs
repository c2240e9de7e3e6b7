//! Checkpoints of scenario logs (schema 5): a scenario's org and rules after its applied
//! edits up to one of them, stored every [`CHECKPOINT_EVERY`] edits, so that opening a
//! document, switching scenario and undoing replay at most that many edits rather than the
//! whole log (10,000 edits on a 100,000-person org took seconds to replay).
//!
//! A checkpoint is content like the imported org: read back, it is parsed and validated, and
//! one that makes no sense is [`StoreError::Corrupt`]. The two newest checkpoints of each
//! scenario are kept, so an undo past the newest starts from the one before. Whatever
//! replaces the imported org or rewrites applied edits must delete the checkpoints.

use std::path::Path;

use pendulum_core::{Org, RuleConfig};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::StoreError;
use crate::ids::{EditSeq, ScenarioId};
use crate::parts;

/// How many edits a scenario's log grows by between checkpoints.
pub(crate) const CHECKPOINT_EVERY: usize = 64;

#[derive(Serialize, Deserialize)]
struct Body {
    org: Org,
    config: RuleConfig,
}

/// Stores the scenario's org and rules after its applied edit `seq`, and drops its
/// checkpoints older than the one before.
pub(crate) fn write(
    conn: &Connection,
    scenario: ScenarioId,
    seq: EditSeq,
    org: &Org,
    config: &RuleConfig,
) -> rusqlite::Result<()> {
    let body = serde_json::to_vec(&Body {
        org: org.clone(),
        config: config.clone(),
    })
    .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let mut insert = conn.prepare(
        "INSERT OR REPLACE INTO checkpoint (scenario, seq, part, body) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (part, chunk) in parts::split(&body) {
        insert.execute(params![scenario.0, seq.0, part, chunk])?;
    }
    conn.execute(
        "DELETE FROM checkpoint WHERE scenario = ?1 AND seq < (SELECT min(seq) FROM \
         (SELECT DISTINCT seq FROM checkpoint WHERE scenario = ?1 ORDER BY seq DESC LIMIT 2))",
        [scenario.0],
    )?;
    Ok(())
}

/// Deletes the scenario's checkpoints that include edit `seq` (it is being undone).
pub(crate) fn forget_from(
    conn: &Connection,
    scenario: ScenarioId,
    seq: EditSeq,
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM checkpoint WHERE scenario = ?1 AND seq >= ?2",
        params![scenario.0, seq.0],
    )
    .map(drop)
}

/// The newest checkpoint of `scenario` taken at one of `applied` (its applied edits, in
/// order): how many of them it covers, and the org and rules after them.
pub(crate) fn newest(
    conn: &Connection,
    path: &Path,
    scenario: ScenarioId,
    applied: &[EditSeq],
) -> Result<Option<(usize, Org, RuleConfig)>, StoreError> {
    let db = StoreError::db(path);
    let mut stmt = conn
        .prepare("SELECT DISTINCT seq FROM checkpoint WHERE scenario = ?1 ORDER BY seq DESC")
        .map_err(&db)?;
    let seqs: Vec<i64> = stmt
        .query_map([scenario.0], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(&db)?;
    let Some((covered, seq)) = seqs.into_iter().find_map(|seq| {
        applied
            .binary_search(&EditSeq(seq))
            .ok()
            .map(|i| (i + 1, seq))
    }) else {
        return Ok(None);
    };
    let mut stmt = conn
        .prepare("SELECT part, body FROM checkpoint WHERE scenario = ?1 AND seq = ?2 ORDER BY part")
        .map_err(&db)?;
    let mut rows = stmt.query(params![scenario.0, seq]).map_err(&db)?;
    let body = parts::join(&mut rows).map_err(&db)?.map_err(|missing| {
        StoreError::corrupt(
            path,
            format!("checkpoint {seq} of scenario {scenario} misses part {missing}"),
        )
    })?;
    let Body { org, config } = serde_json::from_slice(&body).map_err(|e| {
        StoreError::corrupt(
            path,
            format!("checkpoint {seq} of scenario {scenario}: {e}"),
        )
    })?;
    if let Some(problem) = org.validate().into_iter().next() {
        return Err(StoreError::corrupt(
            path,
            format!("checkpoint {seq} of scenario {scenario}: {problem}"),
        ));
    }
    Ok(Some((covered, org, config)))
}
