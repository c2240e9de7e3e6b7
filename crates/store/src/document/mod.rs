//! [`Document`]: one open `.pendulum` file, its scenarios and their edit logs.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use pendulum_core::{Date, DatedEdit, Diff, Edit, EditError, Org, RuleConfig, Snapshot, diff};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use crate::StoreError;
use crate::atomic::Replace;
use crate::checkpoint;
use crate::lock::{EditLock, SharedFile};

mod baseline;
mod open;
mod scenarios;

pub use crate::ids::{EditSeq, ScenarioId};
pub use baseline::BaselineUpdate;
use open::{build, open_with};

/// A named branch of edits on top of the imported org.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct Scenario {
    pub id: ScenarioId,
    pub name: String,
    /// The scenario it was forked from, while that one exists.
    pub parent: Option<ScenarioId>,
}

/// Where an edit stands in its scenario's undo history.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EditState {
    Applied,
    /// Undone; redo applies it again.
    Undone,
    /// Undone and then superseded by a new edit: history only.
    Discarded,
}

/// One entry of a scenario's edit log.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct LoggedEdit {
    pub seq: EditSeq,
    pub edit: DatedEdit,
    pub state: EditState,
    /// Copied from the parent when the scenario was forked; undo stops before these.
    pub inherited: bool,
}

/// A scenario's org and rules as of a day.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct View {
    pub org: Org,
    pub config: RuleConfig,
    /// Edits this view could not apply, because they depend on an edit dated after its day.
    pub skipped: Vec<SkippedEdit>,
}

#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct SkippedEdit {
    pub seq: EditSeq,
    pub error: EditError,
}

/// An applied edit of the cached scenario.
#[derive(Clone, Debug)]
struct Applied {
    seq: EditSeq,
    edit: DatedEdit,
    inherited: bool,
}

/// The scenario last worked on, with every applied edit replayed, so that an edit costs an
/// in-memory apply plus one small transaction.
#[derive(Debug)]
struct Cached {
    scenario: ScenarioId,
    edits: Vec<Applied>,
    view: View,
    /// The view after the first `covered` edits (the newest checkpoint): undo and dated
    /// views replay from here rather than from the imported org.
    base: Option<Base>,
}

#[derive(Debug)]
struct Base {
    covered: usize,
    org: Org,
    config: RuleConfig,
}

/// The most applied edits one scenario may hold: a hostile document cannot make Pendulum
/// hold millions of edits in memory.
pub const MAX_APPLIED_EDITS: usize = 200_000;

/// How long building a scenario's view from its log may take before the document is refused
/// (a checkpoint keeps a real document's replay far shorter).
const REPLAY_BUDGET: Duration = Duration::from_secs(10);

/// An open `.pendulum` document.
///
/// Opened for editing, it holds an exclusive lock on the file until dropped: a second
/// writer gets [`StoreError::InUse`]. Every edit is one SQLite transaction, committed
/// before [`Document::apply`] returns.
pub struct Document {
    // Field order is drop order: the connection closes (and checkpoints) before the lock
    // is released.
    pub(crate) conn: Connection,
    /// The exclusive right to edit (RELIABILITY D5); `None` when read-only.
    edit_lock: Option<EditLock>,
    read_only_reason: Option<&'static str>,
    /// `PRAGMA data_version` when opened: it moves when another connection commits.
    pub(crate) seen_data_version: i64,
    pub(crate) file: Arc<SharedFile>,
    path: PathBuf,
    imported: Org,
    imported_config: RuleConfig,
    cache: Option<Cached>,
}

impl fmt::Debug for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Document")
            .field("path", &self.path)
            .field("read_only", &self.is_read_only())
            .field("people", &self.imported.people.len())
            .finish_non_exhaustive()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Edit,
    Read,
}

impl Document {
    /// A document over a connection to a file that passed every check.
    pub(crate) fn from_parts(
        conn: Connection,
        edit_lock: Option<EditLock>,
        read_only_reason: Option<&'static str>,
        file: Arc<SharedFile>,
        path: &Path,
        imported: Org,
        imported_config: RuleConfig,
    ) -> Document {
        let seen_data_version = conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .unwrap_or(0);
        Document {
            conn,
            edit_lock,
            read_only_reason,
            seen_data_version,
            file,
            path: path.to_path_buf(),
            imported,
            imported_config,
            cache: None,
        }
    }

    /// Creates a new document holding `org` and `config`, then opens it for editing.
    /// Refuses to replace an existing file ([`StoreError::Exists`]). Atomic: the document is
    /// built in a temporary file beside `path`, synced and renamed, so after a crash `path`
    /// either does not exist or holds the whole org.
    pub fn create(
        path: impl AsRef<Path>,
        org: &Org,
        config: &RuleConfig,
    ) -> Result<Document, StoreError> {
        build(path.as_ref(), org, config, Replace::No)
    }

    /// [`Document::create`], replacing a file already at `path` (unless it is open in
    /// another Pendulum: [`StoreError::InUse`]).
    pub fn create_or_replace(
        path: impl AsRef<Path>,
        org: &Org,
        config: &RuleConfig,
    ) -> Result<Document, StoreError> {
        build(path.as_ref(), org, config, Replace::Yes)
    }

    /// Opens a document for editing, upgrading an older schema in place. A file that is
    /// not writable opens read-only ([`Document::is_read_only`]). Files from elsewhere are
    /// checked before they are read (see the crate docs); a file that fails is left
    /// untouched.
    pub fn open(path: impl AsRef<Path>) -> Result<Document, StoreError> {
        open_with(path.as_ref(), Mode::Edit)
    }

    /// Opens a document for reading only: no lock, no writes, and an older schema is
    /// upgraded in a private copy in memory.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Document, StoreError> {
        open_with(path.as_ref(), Mode::Read)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_read_only(&self) -> bool {
        self.edit_lock.is_none()
    }

    /// Why the document is read-only ("the file is read-only", "its folder is read-only",
    /// "it was opened for reading only"), for the notice a front end shows.
    pub fn read_only_reason(&self) -> Option<&'static str> {
        self.read_only_reason
    }

    /// The org and rules as imported, before any edit of any scenario.
    pub fn imported(&self) -> (&Org, &RuleConfig) {
        (&self.imported, &self.imported_config)
    }

    /// The scenario's org and rules as of `as_of` (`None`: with every edit applied). The
    /// view with every edit is cached and borrowed; a dated view is replayed.
    pub fn view(
        &mut self,
        scenario: ScenarioId,
        as_of: Option<Date>,
    ) -> Result<Cow<'_, View>, StoreError> {
        self.load(scenario)?;
        let cached = self.cached(scenario)?;
        if cached.edits.iter().all(|a| a.edit.applies_on(as_of)) {
            return Ok(Cow::Borrowed(&cached.view));
        }
        Ok(Cow::Owned(self.replay(cached, as_of)))
    }

    /// The effective dates of the scenario's applied edits, oldest edit first, read from the
    /// edits already in memory (no query): the days a dated view can differ.
    pub fn effective_dates(&mut self, scenario: ScenarioId) -> Result<Vec<Date>, StoreError> {
        self.load(scenario)?;
        Ok(self
            .cached(scenario)?
            .edits
            .iter()
            .filter_map(|a| a.edit.effective)
            .collect())
    }

    /// Validates `edit` against the scenario's org with every edit applied, applies it and
    /// commits it as one transaction. A refused edit ([`StoreError::Edit`]) or a failed save
    /// changes nothing, in the file or in memory.
    pub fn apply(&mut self, scenario: ScenarioId, edit: DatedEdit) -> Result<EditSeq, StoreError> {
        self.writable()?;
        let mut cached = self.take_loaded(scenario)?;
        if let Err(e) =
            pendulum_core::apply(&mut cached.view.org, &mut cached.view.config, &edit.edit)
        {
            self.cache = Some(cached);
            return Err(e.into());
        }
        let saved = self.append(scenario, &edit);
        match saved {
            Ok(seq) => {
                cached.edits.push(Applied {
                    seq,
                    edit,
                    inherited: false,
                });
                self.checkpoint_if_due(&mut cached, None);
            }
            Err(_) => cached.view = self.replay(&cached, None),
        }
        self.cache = Some(cached);
        saved
    }

    /// Moves the scenario's checkpoint up to the last multiple of
    /// [`checkpoint::CHECKPOINT_EVERY`] edits, when that is past the current one, and stores
    /// it. Checkpoints sit at multiples so that undoing the newest edit rarely crosses one. A
    /// checkpoint that cannot be saved (a full disk) is only a missed shortcut: the edits
    /// themselves are committed.
    fn checkpoint_if_due(&mut self, cached: &mut Cached, deadline: Option<Instant>) {
        let every = checkpoint::CHECKPOINT_EVERY;
        let covered = cached.base.as_ref().map_or(0, |b| b.covered);
        let target = cached.edits.len() / every * every;
        if target <= covered || self.is_read_only() {
            return;
        }
        let Some(seq) = cached.edits.get(target - 1).map(|a| a.seq) else {
            return;
        };
        let (org, config) = if target == cached.edits.len() {
            if !cached.view.skipped.is_empty() {
                return;
            }
            (cached.view.org.clone(), cached.view.config.clone())
        } else {
            let (mut org, mut config) = match &cached.base {
                Some(b) => (b.org.clone(), b.config.clone()),
                None => (self.imported.clone(), self.imported_config.clone()),
            };
            let mut replayer = pendulum_core::Replayer::new();
            for a in &cached.edits[covered..target] {
                if deadline.is_some_and(|d| Instant::now() > d)
                    || replayer.apply(&mut org, &mut config, &a.edit.edit).is_err()
                {
                    return; // a log whose edits do not all apply gets no shortcut
                }
            }
            (org, config)
        };
        let saved = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .and_then(|tx| {
                checkpoint::write(&tx, cached.scenario, seq, &org, &config)?;
                tx.commit()
            });
        if saved.is_ok() {
            cached.base = Some(Base {
                covered: target,
                org,
                config,
            });
        }
    }

    fn append(&mut self, scenario: ScenarioId, edit: &DatedEdit) -> Result<EditSeq, StoreError> {
        let body = serde_json::to_string(&edit.edit).map_err(|e| StoreError::Database {
            path: self.path.clone(),
            message: e.to_string(),
        })?;
        let db = StoreError::db(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(&db)?;
        tx.execute(
            "UPDATE edit SET state = 2 WHERE scenario = ?1 AND state = 1",
            [scenario.0],
        )
        .map_err(&db)?;
        tx.execute(
            "INSERT INTO edit (scenario, body, effective) VALUES (?1, ?2, ?3)",
            params![scenario.0, body, edit.effective.map(|d| d.to_string())],
        )
        .map_err(&db)?;
        let seq = EditSeq(tx.last_insert_rowid());
        tx.commit().map_err(&db)?;
        Ok(seq)
    }

    /// Undoes the scenario's newest applied edit (not one inherited from its parent).
    /// Returns it, or `None` when there is nothing to undo.
    pub fn undo(&mut self, scenario: ScenarioId) -> Result<Option<EditSeq>, StoreError> {
        self.writable()?;
        let mut cached = self.take_loaded(scenario)?;
        let last = match cached.edits.last() {
            Some(a) if !a.inherited => a.seq,
            _ => {
                self.cache = Some(cached);
                return Ok(None);
            }
        };
        let crosses_base = cached
            .base
            .as_ref()
            .is_some_and(|b| b.covered >= cached.edits.len());
        let saved = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .and_then(|tx| {
                tx.execute(
                    "UPDATE edit SET state = 1 WHERE seq = ?1 AND state = 0",
                    [last.0],
                )?;
                checkpoint::forget_from(&tx, scenario, last)?;
                tx.commit()
            })
            .map_err(StoreError::db(&self.path));
        if saved.is_ok() {
            cached.edits.pop();
            if crosses_base {
                // The checkpoint included the undone edit: start from the one before it.
                let seqs: Vec<EditSeq> = cached.edits.iter().map(|a| a.seq).collect();
                cached.base = checkpoint::newest(&self.conn, &self.path, scenario, &seqs)
                    .ok()
                    .flatten()
                    .map(|(covered, org, config)| Base {
                        covered,
                        org,
                        config,
                    });
            }
            cached.view = self.replay(&cached, None);
        }
        self.cache = Some(cached);
        saved.map(|_| Some(last))
    }

    /// Applies the scenario's oldest undone edit again. Returns it, or `None` when there is
    /// nothing to redo.
    pub fn redo(&mut self, scenario: ScenarioId) -> Result<Option<EditSeq>, StoreError> {
        self.writable()?;
        let mut cached = self.take_loaded(scenario)?;
        let next = self
            .conn
            .query_row(
                "SELECT seq, body, effective FROM edit WHERE scenario = ?1 AND state = 1 ORDER BY seq LIMIT 1",
                [scenario.0],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)),
            )
            .optional()
            .map_err(StoreError::db(&self.path));
        let (seq, edit) = match next.and_then(|row| {
            row.map(|(s, b, e)| parse_edit(&self.path, s, &b, e))
                .transpose()
        }) {
            Ok(Some(found)) => found,
            Ok(None) => {
                self.cache = Some(cached);
                return Ok(None);
            }
            Err(e) => {
                self.cache = Some(cached);
                return Err(e);
            }
        };
        if let Err(e) =
            pendulum_core::apply(&mut cached.view.org, &mut cached.view.config, &edit.edit)
        {
            self.cache = Some(cached);
            return Err(e.into());
        }
        let saved = self
            .conn
            .execute(
                "UPDATE edit SET state = 0 WHERE seq = ?1 AND state = 1",
                [seq.0],
            )
            .map_err(StoreError::db(&self.path));
        match saved {
            Ok(_) => {
                cached.edits.push(Applied {
                    seq,
                    edit,
                    inherited: false,
                });
                self.checkpoint_if_due(&mut cached, None);
            }
            Err(_) => cached.view = self.replay(&cached, None),
        }
        self.cache = Some(cached);
        saved.map(|_| Some(seq))
    }

    /// Whether [`Document::undo`] would undo something.
    pub fn can_undo(&self, scenario: ScenarioId) -> Result<bool, StoreError> {
        self.exists("SELECT EXISTS (SELECT 1 FROM edit WHERE scenario = ?1 AND state = 0 AND inherited = 0)", scenario)
    }

    /// Whether [`Document::redo`] would redo something.
    pub fn can_redo(&self, scenario: ScenarioId) -> Result<bool, StoreError> {
        self.exists(
            "SELECT EXISTS (SELECT 1 FROM edit WHERE scenario = ?1 AND state = 1)",
            scenario,
        )
    }

    fn exists(&self, sql: &str, scenario: ScenarioId) -> Result<bool, StoreError> {
        self.check_scenario(scenario)?;
        self.conn
            .query_row(sql, [scenario.0], |r| r.get(0))
            .map_err(self.db())
    }

    /// The scenario's whole edit log, oldest first, with undone and discarded edits.
    pub fn log(&self, scenario: ScenarioId) -> Result<Vec<LoggedEdit>, StoreError> {
        self.check_scenario(scenario)?;
        self.edit_rows(scenario, false)
    }

    /// The scenario's edits in log order; with `applied_only`, only those in the applied state.
    fn edit_rows(
        &self,
        scenario: ScenarioId,
        applied_only: bool,
    ) -> Result<Vec<LoggedEdit>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT seq, body, effective, state, inherited FROM edit \
                 WHERE scenario = ?1 AND (?2 = 0 OR state = 0) ORDER BY seq",
            )
            .map_err(self.db())?;
        let rows = stmt
            .query_map(params![scenario.0, applied_only], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, bool>(4)?,
                ))
            })
            .map_err(self.db())?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, body, effective, state, inherited) = row.map_err(self.db())?;
            let (seq, edit) = parse_edit(&self.path, seq, &body, effective)?;
            let state = match state {
                0 => EditState::Applied,
                1 => EditState::Undone,
                _ => EditState::Discarded,
            };
            out.push(LoggedEdit {
                seq,
                edit,
                state,
                inherited,
            });
        }
        Ok(out)
    }

    /// What changed from scenario `before` to scenario `after`, both as of `as_of`.
    pub fn compare(
        &mut self,
        before: ScenarioId,
        after: ScenarioId,
        as_of: Date,
    ) -> Result<Diff, StoreError> {
        let b = self.view(before, Some(as_of))?.into_owned();
        let a = self.view(after, Some(as_of))?.into_owned();
        let sb = Snapshot::new(&b.org, as_of, &b.config);
        let sa = Snapshot::new(&a.org, as_of, &a.config);
        Ok(diff(&sb, &sa, &b.config, &a.config))
    }

    /// Whether the user has turned on "Show compensation" for this document: pay is hidden
    /// until they do. A preference of the document, not an edit (undo does not touch it).
    pub fn show_compensation(&self) -> Result<bool, StoreError> {
        // Anything but the integer 1 (a value written elsewhere, say) keeps pay hidden.
        let on: Option<rusqlite::types::Value> = self
            .conn
            .query_row(
                "SELECT value FROM preference WHERE name = 'show_compensation'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.db())?;
        Ok(on == Some(rusqlite::types::Value::Integer(1)))
    }

    /// Turns "Show compensation" on or off, committed at once.
    pub fn set_show_compensation(&mut self, on: bool) -> Result<(), StoreError> {
        self.writable()?;
        self.conn
            .execute(
                "INSERT OR REPLACE INTO preference (name, value) VALUES ('show_compensation', ?1)",
                [i64::from(on)],
            )
            .map_err(self.db())?;
        Ok(())
    }

    /// SQLite's full `integrity_check` of the file.
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check(10)")
            .map_err(self.db())?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(self.db())?;
        let found: Vec<String> = rows.collect::<Result<_, _>>().map_err(self.db())?;
        if found.first().map(String::as_str) == Some("ok") {
            Ok(())
        } else {
            Err(StoreError::corrupt(&self.path, found.join("; ")))
        }
    }

    fn db(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        StoreError::db(&self.path)
    }

    fn writable(&self) -> Result<(), StoreError> {
        if self.is_read_only() {
            Err(StoreError::ReadOnly {
                path: self.path.clone(),
            })
        } else {
            Ok(())
        }
    }

    fn check_scenario(&self, scenario: ScenarioId) -> Result<(), StoreError> {
        let found: bool = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM scenario WHERE id = ?1)",
                [scenario.0],
                |r| r.get(0),
            )
            .map_err(self.db())?;
        if found {
            Ok(())
        } else {
            Err(StoreError::UnknownScenario {
                path: self.path.clone(),
                scenario: scenario.to_string(),
            })
        }
    }

    /// The cache for `scenario`, built from the log when it holds another one.
    fn load(&mut self, scenario: ScenarioId) -> Result<&mut Cached, StoreError> {
        let cached = self.take_loaded(scenario)?;
        Ok(self.cache.insert(cached))
    }

    fn cached(&self, scenario: ScenarioId) -> Result<&Cached, StoreError> {
        match &self.cache {
            Some(c) if c.scenario == scenario => Ok(c),
            _ => Err(StoreError::UnknownScenario {
                path: self.path.clone(),
                scenario: scenario.to_string(),
            }),
        }
    }

    /// Takes the cache out (so the connection can be used alongside it); the caller puts it
    /// back.
    fn take_loaded(&mut self, scenario: ScenarioId) -> Result<Cached, StoreError> {
        match self.cache.take() {
            Some(c) if c.scenario == scenario => Ok(c),
            _ => {
                self.check_scenario(scenario)?;
                let started = Instant::now();
                let count: i64 = self
                    .conn
                    .query_row(
                        "SELECT count(*) FROM edit WHERE scenario = ?1 AND state = 0",
                        [scenario.0],
                        |r| r.get(0),
                    )
                    .map_err(self.db())?;
                if count > MAX_APPLIED_EDITS as i64 {
                    return Err(StoreError::corrupt(
                        &self.path,
                        format!(
                            "scenario {scenario} holds {count} edits, more than the {MAX_APPLIED_EDITS} Pendulum opens"
                        ),
                    ));
                }
                let edits = self.applied_edits(scenario)?;
                let seqs: Vec<EditSeq> = edits.iter().map(|a| a.seq).collect();
                let base = checkpoint::newest(&self.conn, &self.path, scenario, &seqs)?.map(
                    |(covered, org, config)| Base {
                        covered,
                        org,
                        config,
                    },
                );
                let mut cached = Cached {
                    scenario,
                    edits,
                    view: View {
                        org: Org::default(),
                        config: RuleConfig::default(),
                        skipped: Vec::new(),
                    },
                    base,
                };
                // A log longer than a checkpoint's worth (one kept by an older Pendulum, say)
                // gets one now, so this replay and the next open start from it.
                self.checkpoint_if_due(&mut cached, Some(started + REPLAY_BUDGET));
                cached.view = self
                    .replay_until(&cached, None, Some(started + REPLAY_BUDGET))
                    .ok_or_else(|| {
                        StoreError::corrupt(
                            &self.path,
                            format!(
                                "replaying the {} edits of scenario {scenario} took too long (over {} s)",
                                cached.edits.len(),
                                REPLAY_BUDGET.as_secs()
                            ),
                        )
                    })?;
                Ok(cached)
            }
        }
    }

    fn applied_edits(&self, scenario: ScenarioId) -> Result<Vec<Applied>, StoreError> {
        Ok(self
            .edit_rows(scenario, true)?
            .into_iter()
            .map(|e| Applied {
                seq: e.seq,
                edit: e.edit,
                inherited: e.inherited,
            })
            .collect())
    }

    /// The cached scenario's org as of `as_of`: from its checkpoint when every edit the
    /// checkpoint covers applies on that day, else from the imported org.
    fn replay(&self, cached: &Cached, as_of: Option<Date>) -> View {
        // Without a deadline the replay always finishes; the imported org is only a type-level
        // fallback.
        self.replay_until(cached, as_of, None)
            .unwrap_or_else(|| View {
                org: self.imported.clone(),
                config: self.imported_config.clone(),
                skipped: Vec::new(),
            })
    }

    /// [`Document::replay`], giving up (`None`) once `deadline` has passed.
    fn replay_until(
        &self,
        cached: &Cached,
        as_of: Option<Date>,
        deadline: Option<Instant>,
    ) -> Option<View> {
        let edits = &cached.edits;
        let (start, mut org, mut config) = match &cached.base {
            Some(b)
                if b.covered <= edits.len()
                    && edits[..b.covered].iter().all(|a| a.edit.applies_on(as_of)) =>
            {
                (b.covered, b.org.clone(), b.config.clone())
            }
            _ => (0, self.imported.clone(), self.imported_config.clone()),
        };
        let mut skipped = Vec::new();
        let mut replayer = pendulum_core::Replayer::new();
        for a in &edits[start..] {
            if deadline.is_some_and(|d| Instant::now() > d) {
                return None;
            }
            // As pendulum_core::replay: an edit this view cannot apply is skipped, reported.
            if a.edit.applies_on(as_of)
                && let Err(error) = replayer.apply(&mut org, &mut config, &a.edit.edit)
            {
                skipped.push(SkippedEdit { seq: a.seq, error });
            }
        }
        Some(View {
            org,
            config,
            skipped,
        })
    }
}

fn parse_edit(
    path: &Path,
    seq: i64,
    body: &str,
    effective: Option<String>,
) -> Result<(EditSeq, DatedEdit), StoreError> {
    let edit: Edit = serde_json::from_str(body)
        .map_err(|e| StoreError::corrupt(path, format!("edit {seq} is unreadable: {e}")))?;
    let effective = effective
        .map(|d| Date::parse(&d))
        .transpose()
        .map_err(|e| {
            StoreError::corrupt(path, format!("edit {seq} has a bad effective date: {e}"))
        })?;
    Ok((EditSeq(seq), DatedEdit { edit, effective }))
}
