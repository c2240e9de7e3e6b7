//! Baseline updates (schema 6): a newer HR export replaces the imported org, every
//! scenario's edits are replayed on it (those that no longer apply are skipped and reported,
//! never deleted), and the replaced org is kept in the file so the newest update can be
//! undone, also after a restart. The document keeps the dated list of updates, and the user
//! can drop an edit that no longer applies.

use pendulum_core::{Date, Org};
use rusqlite::{Connection, TransactionBehavior, params};
use serde::Serialize;

use super::{Document, EditSeq, ScenarioId};
use crate::StoreError;
use crate::checkpoint;
use crate::parts;
use crate::tables;

/// One replacement of the imported org by a newer export, as the document lists it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct BaselineUpdate {
    pub id: i64,
    /// The day it was applied.
    pub day: Date,
    /// The export's file name.
    pub source: String,
    /// What changed ("12 joined, 3 left, 5 moved, 4 fields changed").
    pub summary: String,
    /// Undone since: the org it replaced is the imported org again.
    pub undone: bool,
}

impl Document {
    /// Replaces the imported org with `org` (a newer export of the same people), recording
    /// the update as of `day` from `source` with `summary`, in one transaction: the file then
    /// holds either the old org or the new one with its history row. Scenario edits stay as
    /// they are; views replay them on the new org.
    pub fn update_baseline(
        &mut self,
        org: &Org,
        day: Date,
        source: &str,
        summary: &str,
    ) -> Result<BaselineUpdate, StoreError> {
        self.writable()?;
        let problems = org.validate();
        if !problems.is_empty() {
            return Err(StoreError::InvalidOrg { problems });
        }
        let previous = serde_json::to_vec(&self.imported).map_err(|e| StoreError::Database {
            path: self.path.clone(),
            message: format!("the imported org could not be kept for undo: {e}"),
        })?;
        let db = StoreError::db(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&db)?;
        tx.execute(
            "INSERT INTO baseline_update (day, source, summary) VALUES (?1, ?2, ?3)",
            params![day.to_string(), source, summary],
        )
        .map_err(&db)?;
        let id = tx.last_insert_rowid();
        let mut insert = tx
            .prepare("INSERT INTO baseline_previous (update_id, part, body) VALUES (?1, ?2, ?3)")
            .map_err(&db)?;
        for (part, chunk) in parts::split(&previous) {
            insert.execute(params![id, part, chunk]).map_err(&db)?;
        }
        drop(insert);
        replace_org(&tx, org).map_err(&db)?;
        tx.commit().map_err(&db)?;
        self.imported = org.clone();
        self.cache = None;
        Ok(BaselineUpdate {
            id,
            day,
            source: source.to_string(),
            summary: summary.to_string(),
            undone: false,
        })
    }

    /// Undoes the newest baseline update not yet undone: the org it replaced is the imported
    /// org again. `None` when there is none.
    pub fn undo_baseline_update(&mut self) -> Result<Option<BaselineUpdate>, StoreError> {
        self.writable()?;
        let Some(update) = self
            .baseline_updates()?
            .into_iter()
            .rev()
            .find(|u| !u.undone)
        else {
            return Ok(None);
        };
        let previous = self.previous_org(update.id)?;
        let db = StoreError::db(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&db)?;
        replace_org(&tx, &previous).map_err(&db)?;
        tx.execute(
            "UPDATE baseline_update SET undone = 1 WHERE id = ?1",
            [update.id],
        )
        .map_err(&db)?;
        // Its kept org is the imported one again: no need to hold a second copy.
        tx.execute(
            "DELETE FROM baseline_previous WHERE update_id = ?1",
            [update.id],
        )
        .map_err(&db)?;
        tx.commit().map_err(&db)?;
        self.imported = previous;
        self.cache = None;
        Ok(Some(BaselineUpdate {
            undone: true,
            ..update
        }))
    }

    /// Every baseline update, oldest first.
    pub fn baseline_updates(&self) -> Result<Vec<BaselineUpdate>, StoreError> {
        let db = StoreError::db(&self.path);
        let mut stmt = self
            .conn
            .prepare("SELECT id, day, source, summary, undone FROM baseline_update ORDER BY id")
            .map_err(&db)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                ))
            })
            .map_err(&db)?;
        let mut out = Vec::new();
        for row in rows {
            let (id, day, source, summary, undone) = row.map_err(&db)?;
            let day = Date::parse(&day).map_err(|e| {
                StoreError::corrupt(
                    &self.path,
                    format!("baseline update {id}: day {day:?}: {e}"),
                )
            })?;
            out.push(BaselineUpdate {
                id,
                day,
                source,
                summary,
                undone: undone != 0,
            });
        }
        Ok(out)
    }

    /// Drops the scenario's applied edit `seq` from what its views replay (kept in the log as
    /// discarded, like an undone edit overwritten): how the user clears an edit that no longer
    /// applies after an update. Checkpoints that include it are deleted.
    pub fn drop_edit(&mut self, scenario: ScenarioId, seq: EditSeq) -> Result<(), StoreError> {
        self.writable()?;
        self.check_scenario(scenario)?;
        let db = StoreError::db(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&db)?;
        let changed = tx
            .execute(
                "UPDATE edit SET state = 2 WHERE seq = ?1 AND scenario = ?2 AND state = 0",
                params![seq.0, scenario.0],
            )
            .map_err(&db)?;
        if changed == 0 {
            return Err(StoreError::UnknownEdit {
                path: self.path.clone(),
                scenario: scenario.to_string(),
                seq: seq.0,
            });
        }
        checkpoint::forget_from(&tx, scenario, seq).map_err(&db)?;
        tx.commit().map_err(&db)?;
        self.cache = None;
        Ok(())
    }

    /// The imported org that update `id` replaced, read back and checked like any content.
    fn previous_org(&self, id: i64) -> Result<Org, StoreError> {
        let db = StoreError::db(&self.path);
        let mut stmt = self
            .conn
            .prepare("SELECT part, body FROM baseline_previous WHERE update_id = ?1 ORDER BY part")
            .map_err(&db)?;
        let mut rows = stmt.query([id]).map_err(&db)?;
        let body = parts::join(&mut rows).map_err(&db)?.map_err(|missing| {
            StoreError::corrupt(
                &self.path,
                format!("baseline update {id}: the org it replaced misses part {missing}"),
            )
        })?;
        let org: Org = serde_json::from_slice(&body).map_err(|e| {
            StoreError::corrupt(
                &self.path,
                format!("baseline update {id}: the org it replaced: {e}"),
            )
        })?;
        if let Some(problem) = org.validate().into_iter().next() {
            return Err(StoreError::corrupt(
                &self.path,
                format!("baseline update {id}: the org it replaced: {problem}"),
            ));
        }
        Ok(org)
    }
}

/// Rewrites the org's tables (not the rule settings) and drops every checkpoint, which were
/// taken on the org being replaced.
fn replace_org(conn: &Connection, org: &Org) -> rusqlite::Result<()> {
    conn.execute_batch(
        "DELETE FROM allocation; DELETE FROM dotted_line; DELETE FROM team; \
         DELETE FROM workstream; DELETE FROM person; DELETE FROM band; DELETE FROM budget; \
         DELETE FROM org_setting; DELETE FROM checkpoint;",
    )?;
    tables::write_org(conn, org)
}
