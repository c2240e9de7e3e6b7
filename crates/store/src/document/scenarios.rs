//! A document's scenarios: listing and finding them, forking, renaming and deleting.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::{Document, EditSeq, Scenario, ScenarioId};
use crate::StoreError;
use crate::checkpoint;

impl Document {
    /// Every scenario, the baseline first, then in creation order.
    pub fn scenarios(&self) -> Result<Vec<Scenario>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, parent FROM scenario ORDER BY id")
            .map_err(self.db())?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Scenario {
                    id: ScenarioId(r.get(0)?),
                    name: r.get(1)?,
                    parent: r.get::<_, Option<i64>>(2)?.map(ScenarioId),
                })
            })
            .map_err(self.db())?;
        rows.collect::<Result<_, _>>().map_err(self.db())
    }

    /// The scenario with this name (compared without regard to case).
    pub fn scenario(&self, name: &str) -> Result<ScenarioId, StoreError> {
        self.conn
            .query_row("SELECT id FROM scenario WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.db())?
            .map(ScenarioId)
            .ok_or_else(|| StoreError::UnknownScenario {
                path: self.path.clone(),
                scenario: format!("{name:?}"),
            })
    }

    /// A new scenario holding `from`'s org as it is now; undo in the fork stops there.
    pub fn fork(&mut self, from: ScenarioId, name: &str) -> Result<ScenarioId, StoreError> {
        self.writable()?;
        self.check_scenario(from)?;
        let name = scenario_name(name)?;
        self.check_unique(&name, None)?;
        let db = StoreError::db(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&db)?;
        tx.execute(
            "INSERT INTO scenario (name, parent) VALUES (?1, ?2)",
            params![name, from.0],
        )
        .map_err(&db)?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO edit (scenario, body, effective, state, inherited) \
             SELECT ?1, body, effective, 0, 1 FROM edit WHERE scenario = ?2 AND state = 0 ORDER BY seq",
            params![id, from.0],
        )
        .map_err(&db)?;
        // The parent's view is the fork's: a checkpoint spares the fork replaying its log.
        if let Some(c) = self.cache.as_ref().filter(|c| c.scenario == from)
            && c.edits.len() >= checkpoint::CHECKPOINT_EVERY
            && c.view.skipped.is_empty()
        {
            let last: i64 = tx
                .query_row("SELECT max(seq) FROM edit WHERE scenario = ?1", [id], |r| {
                    r.get(0)
                })
                .map_err(&db)?;
            checkpoint::write(
                &tx,
                ScenarioId(id),
                EditSeq(last),
                &c.view.org,
                &c.view.config,
            )
            .map_err(&db)?;
        }
        tx.commit().map_err(&db)?;
        Ok(ScenarioId(id))
    }

    pub fn rename(&mut self, scenario: ScenarioId, name: &str) -> Result<(), StoreError> {
        self.writable()?;
        if scenario == ScenarioId::BASELINE {
            return Err(StoreError::Baseline);
        }
        self.check_scenario(scenario)?;
        let name = scenario_name(name)?;
        self.check_unique(&name, Some(scenario))?;
        self.conn
            .execute(
                "UPDATE scenario SET name = ?1 WHERE id = ?2",
                params![name, scenario.0],
            )
            .map_err(self.db())?;
        Ok(())
    }

    /// Deletes a scenario and its edits. Forks of it keep their own copies of its edits.
    pub fn delete(&mut self, scenario: ScenarioId) -> Result<(), StoreError> {
        self.writable()?;
        if scenario == ScenarioId::BASELINE {
            return Err(StoreError::Baseline);
        }
        self.check_scenario(scenario)?;
        self.conn
            .execute("DELETE FROM scenario WHERE id = ?1", [scenario.0])
            .map_err(self.db())?;
        if self.cache.as_ref().is_some_and(|c| c.scenario == scenario) {
            self.cache = None;
        }
        Ok(())
    }

    fn check_unique(&self, name: &str, except: Option<ScenarioId>) -> Result<(), StoreError> {
        let taken: bool = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM scenario WHERE name = ?1 AND id IS NOT ?2)",
                params![name, except.map(|s| s.0)],
                |r| r.get(0),
            )
            .map_err(self.db())?;
        if taken {
            Err(StoreError::DuplicateScenario {
                path: self.path.clone(),
                name: name.to_string(),
            })
        } else {
            Ok(())
        }
    }
}

/// A scenario name, trimmed; refused when empty, too long or holding control characters.
fn scenario_name(name: &str) -> Result<String, StoreError> {
    let trimmed = name.trim();
    let reason = if trimmed.is_empty() {
        "a scenario needs a name"
    } else if trimmed.chars().count() > 200 {
        "it is longer than 200 characters"
    } else if trimmed.chars().any(char::is_control) {
        "it contains control characters"
    } else {
        return Ok(trimmed.to_string());
    };
    Err(StoreError::ScenarioName {
        name: name.to_string(),
        reason: reason.to_string(),
    })
}
