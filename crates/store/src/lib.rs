//! The `.pendulum` document (`docs/document.md`): one SQLite file holding the imported org, the rule
//! configuration, the scenarios and their edit logs.
//!
//! Architecture Invariant: this is the only crate that names rusqlite; its public types
//! carry no SQLite type.
//!
//! ```no_run
//! use pendulum_core::{DatedEdit, Edit, Org, RuleConfig};
//! use pendulum_store::{Document, ScenarioId};
//!
//! # fn main() -> Result<(), pendulum_store::StoreError> {
//! let mut doc = Document::create("plan.pendulum", &Org::default(), &RuleConfig::default())?;
//! let plan = doc.fork(ScenarioId::BASELINE, "Q3 reorg")?;
//! doc.apply(plan, DatedEdit::always(Edit::RemovePerson { id: "p7".into() }))?;
//! doc.undo(plan)?;
//! # Ok(()) }
//! ```
//!
//! # The file
//! - `PRAGMA application_id` is [`APPLICATION_ID`] ("PNDL"); `PRAGMA user_version` is the
//!   schema version, [`SCHEMA_VERSION`] for files this build writes.
//! - Schema 1 (`migrations/0001_org.sql`): the org as imported, in real tables (`person`,
//!   `dotted_line`, `team`, `workstream`, `allocation`, with their input order kept in a
//!   `position` column) and `rule_setting`, one row per threshold. Schema 2
//!   (`migrations/0002_scenarios.sql`): `scenario` and the `edit` log. Schema 3
//!   (`migrations/0003_reramp.sql`): `person.reramp_from`, the day a swing back to IC
//!   restarts someone's ramp. The SQL files are
//!   embedded in the binary and run in order; opening an older file for editing runs the
//!   missing steps in one transaction (the file ends upgraded or unchanged), opening it
//!   read-only upgrades a private copy in memory instead.
//! - A scenario is a named branch of edits on top of the imported org. "baseline" (id 1)
//!   is built in: its edits are the changes made to the org itself, and it can be neither
//!   renamed nor deleted. Forking copies the parent's applied edits into the fork (marked
//!   inherited), so scenarios never depend on each other afterwards and undo in a fork
//!   stops where it began.
//! - Each edit is a row: its scenario, its order (`seq`), the [`pendulum_core::Edit`] as
//!   tagged JSON, its effective date, and its state (applied, undone, or discarded when a
//!   new edit replaced the redo history). Undo and redo change the state in one small
//!   transaction, so they survive closing and reopening. A view of a scenario replays its
//!   applied edits on the imported org ([`pendulum_core::replay`]); the view with every
//!   edit is cached for the scenario last used, so an edit costs one in-memory apply and
//!   one transaction.
//!
//! # Durability
//! Documents use **WAL** (`journal_mode=WAL`) with **`synchronous=FULL`**.
//! - Every edit is one transaction, committed before [`Document::apply`] returns, so an
//!   edit shown as saved survives a crash of the app (SQLite's atomic commit holds in every
//!   journal mode) and, with `synchronous=FULL`, a power loss too: FULL syncs the WAL at
//!   every commit, where `NORMAL` may lose the last commits on power loss in WAL mode.
//! - WAL appends each commit to one file and syncs once, where the rollback journal syncs
//!   the journal and the database at every commit: fewer, sequential writes keep one
//!   saved edit within the 10 ms target of `docs/performance.md`.
//! - Readers do not block the writer nor the writer them, so `pendulum check` can read a
//!   document the app has open.
//! - `fullfsync` and `checkpoint_fullfsync` are on: on macOS a plain fsync does not reach
//!   the disk's platters. The WAL is capped with `journal_size_limit`; closing the last
//!   connection checkpoints it and deletes it, so a closed document is a single file.
//! - The cost: WAL needs the `-wal` and `-shm` files beside the document while it is open
//!   and does not work on network file systems.
//! - A new document is built in a temporary file beside the target, synced and renamed
//!   over it ([`Document::create`]); exports use the same steps ([`write_atomically`]).
//!
//! # Files from elsewhere
//! A `.pendulum` file may come from anyone (RELIABILITY H1, M2, M3). Before reading a
//! table, [`Document::open`]:
//! 1. refuses symlinks, directories and other non-files, and opens the file with
//!    `O_NOFOLLOW` (SQLite with `SQLITE_OPEN_NOFOLLOW`), never creating it;
//! 2. reads the 100-byte header itself: SQLite's magic, the application id and the schema
//!    version, so an empty file, a PDF, another application's database or a newer
//!    document is refused before SQLite parses it, and never initialised;
//! 3. opens it with `SQLITE_DBCONFIG_DEFENSIVE`, `trusted_schema=OFF`, triggers and views
//!    disabled, `cell_size_check=ON` and memory-mapped I/O off;
//! 4. under a progress-handler deadline (1.5 s plus 1 s per 50 MB), runs `quick_check`,
//!    rechecks the application id and version through SQLite (a committed WAL may hold a
//!    newer header), and compares the whole `sqlite_schema` with the one the migrations
//!    produce for that version: an extra trigger, a view in place of a table or a changed
//!    column is refused;
//! 5. parses every value it reads and validates the org; anything that does not make
//!    sense is [`StoreError::Corrupt`].
//!
//! Nothing is written to a file that fails any step, and nothing is created beside it:
//! steps 3–5 run on a connection that cannot write — `immutable` when no `-wal` is beside
//! the file, else read-only, which reads a write-ahead log without checkpointing it. Only a
//! file that passed is opened for editing. Strings and blobs longer than 16 MiB are refused
//! by SQLite itself (`SQLITE_LIMIT_LENGTH`), and reading the tables runs under the same
//! deadline as the checks.
//!
//! # Locking
//! A document open for editing holds an exclusive advisory lock (`flock`) on its file;
//! a second writer, in this process or another, gets [`StoreError::InUse`]. Read-only
//! opens take no lock. Closing any descriptor of a file drops the process's POSIX locks on
//! it, SQLite's included, so each file has one shared descriptor per process, closed after
//! the last connection to it.

mod atomic;
mod checkpoint;
mod document;
mod error;
mod ids;
mod lock;
mod parts;
mod schema;
mod tables;
mod watch;

pub use atomic::{write_all_atomically, write_atomically};
pub use document::{
    BaselineUpdate, Document, EditSeq, EditState, LoggedEdit, Scenario, ScenarioId, SkippedEdit,
    View,
};
pub use error::StoreError;
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};
pub use watch::ExternalChange;
