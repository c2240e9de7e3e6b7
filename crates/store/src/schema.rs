//! The file format: the application id, the schema versions and their migrations, and the
//! checks a file must pass before Pendulum reads it (RELIABILITY H1, M1–M3).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::config::DbConfig;
use rusqlite::limits::Limit;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::StoreError;
use crate::lock::SharedFile;

/// `PRAGMA application_id` of every Pendulum document: "PNDL".
pub const APPLICATION_ID: i32 = 0x504E_444C;

/// The schema this build writes; `PRAGMA user_version` of an up-to-date document.
pub const SCHEMA_VERSION: u32 = 6;

/// Forward migrations: step `n` (1-based) turns a schema `n - 1` file into schema `n`.
/// Creating a document runs them all, so every step is exercised by every test.
pub(crate) const MIGRATIONS: [&str; SCHEMA_VERSION as usize] = [
    include_str!("../migrations/0001_org.sql"),
    include_str!("../migrations/0002_scenarios.sql"),
    include_str!("../migrations/0003_reramp.sql"),
    include_str!("../migrations/0004_cost.sql"),
    include_str!("../migrations/0005_checkpoints.sql"),
    include_str!("../migrations/0006_baseline_updates.sql"),
];

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What the first 100 bytes of a file say, before SQLite is allowed near it.
pub(crate) fn check_header(path: &Path, file: &SharedFile) -> Result<u32, StoreError> {
    let mut header = [0u8; 100];
    let filled = file.read_start(&mut header).map_err(StoreError::io(path))?;
    let head = &header[..filled];
    if filled == 0 {
        return Err(StoreError::not_pendulum(path, "the file is empty"));
    }
    if !head.starts_with(SQLITE_MAGIC) {
        let what = if head.starts_with(b"%PDF") {
            "it is a PDF file"
        } else if head.starts_with(b"PK\x03\x04") {
            "it is a ZIP archive"
        } else if filled < SQLITE_MAGIC.len() && SQLITE_MAGIC.starts_with(head) {
            "it is cut short"
        } else {
            "it is not an SQLite database"
        };
        return Err(StoreError::not_pendulum(path, what));
    }
    if filled < header.len() {
        return Err(StoreError::not_pendulum(path, "it is cut short"));
    }
    let be = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let (version, application) = (be(60), be(68) as i32);
    check_identity(path, application, version)?;
    Ok(version)
}

/// The application id and schema version, from the header or from SQLite's pragmas.
pub(crate) fn check_identity(
    path: &Path,
    application: i32,
    version: u32,
) -> Result<(), StoreError> {
    if application != APPLICATION_ID {
        return Err(StoreError::not_pendulum(
            path,
            if application == 0 {
                "it is an SQLite database without Pendulum's mark"
            } else {
                "it is another application's SQLite database"
            },
        ));
    }
    if version == 0 {
        return Err(StoreError::not_pendulum(path, "it was never initialised"));
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// The longest string or blob SQLite may hand us (a name, an edit's JSON, a checkpoint
/// chunk): a hostile 500 MB cell is refused as too big instead of read into memory.
pub(crate) const MAX_CELL_BYTES: i32 = 16 << 20;

/// `document.pendulum-wal` and the like: the files SQLite keeps beside a document.
pub(crate) fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut side = path.as_os_str().to_owned();
    side.push(suffix);
    PathBuf::from(side)
}

/// Opens an existing file through SQLite, never creating it and never following a symlink.
pub(crate) fn connect(path: &Path, read_only: bool) -> Result<Connection, StoreError> {
    let access = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    };
    let flags = access | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_NOFOLLOW;
    let conn = Connection::open_with_flags(path, flags).map_err(StoreError::db(path))?;
    harden(&conn).map_err(StoreError::db(path))?;
    Ok(conn)
}

/// A connection for checking a file that can neither write to it nor create anything beside
/// it. With no write-ahead log beside the file (nobody has it open), SQLite opens it
/// `immutable`: no `-wal` or `-shm` is made. With one, an ordinary read-only connection
/// reads the log and never checkpoints it into the file.
pub(crate) fn connect_for_checks(path: &Path) -> Result<Connection, StoreError> {
    if sidecar(path, "-wal").exists() {
        return connect(path, true);
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_NOFOLLOW;
    let uri = format!("file:{}?immutable=1", uri_path(path));
    let conn = Connection::open_with_flags(uri, flags).map_err(StoreError::db(path))?;
    harden(&conn).map_err(StoreError::db(path))?;
    Ok(conn)
}

/// A path as the path part of an SQLite URI: every byte but the unreserved ones and `/`
/// percent-encoded, so `?`, `#` and `%` in a file name stay part of it.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// "Defense against the dark arts": a file from elsewhere may be hostile, so its schema is
/// not trusted, triggers and views are switched off (documents have none), cells are
/// bounds-checked as they are read and capped in length, and memory-mapped I/O is off.
fn harden(conn: &Connection) -> rusqlite::Result<()> {
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false)?;
    conn.set_limit(Limit::SQLITE_LIMIT_LENGTH, MAX_CELL_BYTES)?;
    conn.set_limit(Limit::SQLITE_LIMIT_SQL_LENGTH, 1 << 20)?;
    conn.pragma_update(None, "trusted_schema", false)?;
    conn.pragma_update(None, "cell_size_check", true)?;
    conn.pragma_update(None, "mmap_size", 0)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.busy_timeout(Duration::from_millis(1_000))?;
    Ok(())
}

/// How long checking a file of `file_len` bytes may take: 1.5 s for a small file, plus time
/// to read a big one at a slow 50 MB/s.
pub(crate) fn budget(file_len: u64) -> Duration {
    Duration::from_millis(1_500) + Duration::from_millis(file_len / 50_000)
}

/// How long reading the org out of a checked file may take: parsing every row costs more
/// than checking its page, so 5 s plus 1 s per 10 MB.
pub(crate) fn read_budget(file_len: u64) -> Duration {
    Duration::from_secs(5) + Duration::from_millis(file_len / 10_000)
}

/// Runs `work` with SQLite interrupted once `budget` has passed, so a hostile file cannot
/// hang us in a query; an interrupted query is reported as [`StoreError::Corrupt`].
pub(crate) fn within_deadline<T>(
    conn: &mut Connection,
    path: &Path,
    budget: Duration,
    work: impl FnOnce(&Connection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let deadline = Instant::now() + budget;
    conn.progress_handler(1_000, Some(move || Instant::now() > deadline))
        .map_err(StoreError::db(path))?;
    let done = work(conn);
    conn.progress_handler(0, None::<fn() -> bool>)
        .map_err(StoreError::db(path))?;
    done
}

/// A private in-memory copy of a checked file, upgraded to [`SCHEMA_VERSION`]: how an older
/// document is read without writing to it or to any temporary file.
pub(crate) fn upgraded_copy(
    conn: &Connection,
    path: &Path,
    version: u32,
) -> Result<Connection, StoreError> {
    let db = StoreError::db(path);
    let mut copy = Connection::open_in_memory().map_err(&db)?;
    rusqlite::backup::Backup::new(conn, &mut copy)
        .and_then(|b| b.step(-1).map(drop))
        .map_err(&db)?;
    harden(&copy).map_err(&db)?;
    migrate(&mut copy, version, SCHEMA_VERSION).map_err(|e| StoreError::Migration {
        path: path.to_path_buf(),
        from: version,
        to: SCHEMA_VERSION,
        message: e.to_string(),
    })?;
    Ok(copy)
}

/// Checks an opened file before anything is read from its tables: integrity
/// (`quick_check`), identity (the pragmas, which see a committed WAL, unlike the header) and
/// the exact schema of its version. Runs under a deadline so a hostile file cannot hang us.
/// Returns the schema version.
pub(crate) fn verify(conn: &mut Connection, path: &Path, file_len: u64) -> Result<u32, StoreError> {
    within_deadline(conn, path, budget(file_len), |conn| {
        verify_within_deadline(conn, path)
    })
}

fn verify_within_deadline(conn: &Connection, path: &Path) -> Result<u32, StoreError> {
    let db = StoreError::db(path);
    // CHECK constraints are re-verified value by value when the tables are read, and
    // evaluating them here would triple the time quick_check takes on a large org.
    conn.pragma_update(None, "ignore_check_constraints", true)
        .map_err(&db)?;
    let problems: Result<Vec<String>, rusqlite::Error> = conn
        .prepare("PRAGMA quick_check(5)")
        .and_then(|mut stmt| stmt.query_map([], |r| r.get::<_, String>(0))?.collect());
    conn.pragma_update(None, "ignore_check_constraints", false)
        .map_err(&db)?;
    let problems = problems.map_err(&db)?;
    if problems.first().map(String::as_str) != Some("ok") {
        return Err(StoreError::corrupt(path, problems.join("; ")));
    }
    let application: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(&db)?;
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(&db)?;
    check_identity(path, application, version)?;
    let found = schema_of(conn).map_err(&db)?;
    if found != expected_schema(version).map_err(&db)? {
        return Err(StoreError::not_pendulum(
            path,
            format!("its tables are not those of a schema {version} Pendulum document"),
        ));
    }
    Ok(version)
}

type SchemaRow = (String, String, String, Option<String>);

/// Every object of the file's schema as SQLite stores it, including the CREATE text.
fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<SchemaRow>> {
    let mut stmt =
        conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

/// The schema that the migrations up to `version` produce: a file must match it exactly
/// (no extra table, trigger or view, no table replaced by a view, no changed column).
fn expected_schema(version: u32) -> rusqlite::Result<Vec<SchemaRow>> {
    let mut conn = Connection::open_in_memory()?;
    migrate(&mut conn, 0, version)?;
    schema_of(&conn)
}

/// Runs the migrations from `from` to `to` in one transaction: the file ends at `to` or is
/// left as it was.
pub(crate) fn migrate(conn: &mut Connection, from: u32, to: u32) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    run_steps(&tx, &MIGRATIONS, from, to)?;
    tx.commit()
}

/// Applies steps `from + 1 ..= to` of `steps` and records the version, inside the caller's
/// transaction.
pub(crate) fn run_steps(
    conn: &Connection,
    steps: &[&str],
    from: u32,
    to: u32,
) -> rusqlite::Result<()> {
    for sql in steps.iter().take(to as usize).skip(from as usize) {
        conn.execute_batch(sql)?;
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    conn.pragma_update(None, "user_version", to)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RELIABILITY M1: a migration that fails part-way leaves the file byte for byte as it was.
    #[test]
    fn a_failing_migration_leaves_the_file_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.pendulum");
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "journal_mode", "wal").unwrap();
            migrate(&mut conn, 0, 1).unwrap();
            conn.execute("INSERT INTO person (position, id, name, title, status, fte, assistant) VALUES (0, 'a', 'A', '', 'active', 1.0, 0)", []).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let steps = [
            MIGRATIONS[0],
            "CREATE TABLE later (x INTEGER); INSERT INTO person (id) VALUES (NULL);",
        ];
        {
            let mut conn = Connection::open(&path).unwrap();
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .unwrap();
            assert!(run_steps(&tx, &steps, 1, 2).is_err());
            drop(tx);
            let version: u32 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(version, 1);
            let later: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sqlite_schema WHERE name = 'later'",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(
                later, 0,
                "the first statement of the failed step was rolled back"
            );
        }
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn every_version_has_a_distinct_schema() {
        let schemas: Vec<_> = (1..=SCHEMA_VERSION)
            .map(|v| expected_schema(v).unwrap())
            .collect();
        for pair in schemas.windows(2) {
            assert_ne!(pair[0], pair[1]);
        }
        assert!(
            schemas
                .iter()
                .flatten()
                .all(|(kind, ..)| kind == "table" || kind == "index")
        );
    }
}
