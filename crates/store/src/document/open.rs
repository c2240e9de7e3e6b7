//! Opening and creating documents: the checks a file passes before it is used, and the
//! atomic build of a new one.

use std::fs;
use std::path::Path;

use pendulum_core::{Invalid, Org, RuleConfig};
use rusqlite::{Connection, OpenFlags};

use super::{Document, Mode};
use crate::StoreError;
use crate::atomic::{self, Replace};
use crate::lock::{EditLock, SharedFile};
use crate::schema::{self, MIGRATIONS, SCHEMA_VERSION};
use crate::tables::{self, ReadError};

fn read<T>(path: &Path, result: Result<T, ReadError>) -> Result<T, StoreError> {
    result.map_err(|e| match e {
        ReadError::Sqlite(e) => StoreError::db(path)(e),
        ReadError::Content(detail) => StoreError::corrupt(path, detail),
    })
}

pub(crate) fn open_with(path: &Path, mode: Mode) -> Result<Document, StoreError> {
    let meta = fs::symlink_metadata(path).map_err(StoreError::io(path))?;
    if meta.file_type().is_symlink() {
        return Err(StoreError::SymbolicLink {
            path: path.to_path_buf(),
        });
    }
    if meta.is_dir() {
        return Err(StoreError::not_pendulum(path, "it is a directory"));
    }
    if !meta.is_file() {
        return Err(StoreError::not_pendulum(path, "it is not a regular file"));
    }
    let file = SharedFile::open(path)?;
    let read_only_reason = match mode {
        Mode::Read => Some("it was opened for reading only"),
        // SQLite keeps its write-ahead log beside the file, so the folder must be writable too.
        Mode::Edit if !folder_is_writable(path) => Some("its folder is read-only"),
        Mode::Edit if !file.is_writable() => Some("the file is read-only"),
        Mode::Edit => None,
    };
    let edit_lock = match read_only_reason {
        None => Some(EditLock::take(&file, path)?),
        Some(_) => None,
    };
    let header_version = schema::check_header(path, &file)?;
    let read_only = edit_lock.is_none();

    // Every check and every read of the org runs on a connection that can neither write to
    // the file nor create anything beside it: a file that fails leaves no trace.
    let mut checked = schema::connect_for_checks(path)?;
    let version = schema::verify(&mut checked, path, meta.len())?;
    let mut upgraded = if version < SCHEMA_VERSION {
        Some(schema::upgraded_copy(&checked, path, version)?)
    } else {
        None
    };
    let source = match upgraded.as_mut() {
        Some(copy) => copy,
        None => &mut checked,
    };
    let (imported, imported_config) =
        schema::within_deadline(source, path, schema::read_budget(meta.len()), |c| {
            Ok((
                read(path, tables::read_org(c))?,
                read(path, tables::read_rules(c))?,
            ))
        })?;

    let conn = if read_only {
        // An older schema is read from its upgraded in-memory copy, never from a temp file.
        upgraded.unwrap_or(checked)
    } else {
        drop(upgraded);
        drop(checked);
        let mut conn = schema::connect(path, false)?;
        set_durability(&conn).map_err(StoreError::db(path))?;
        if version < SCHEMA_VERSION {
            schema::migrate(&mut conn, version, SCHEMA_VERSION).map_err(|e| {
                StoreError::Migration {
                    path: path.to_path_buf(),
                    from: version.max(header_version),
                    to: SCHEMA_VERSION,
                    message: e.to_string(),
                }
            })?;
        }
        conn
    };
    Ok(Document::from_parts(
        conn,
        edit_lock,
        read_only_reason,
        file,
        path,
        imported,
        imported_config,
    ))
}

/// Whether files can be created in the document's folder (false on a read-only mount): an
/// anonymous temporary file is made there and dropped at once.
fn folder_is_writable(path: &Path) -> bool {
    tempfile::tempfile_in(atomic::directory_of(path)).is_ok()
}

/// WAL with `synchronous=FULL`; see "Durability" in the crate docs.
fn set_durability(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
            Some(format!(
                "write-ahead logging is not available here (journal mode {mode})"
            )),
        ));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "fullfsync", true)?;
    conn.pragma_update(None, "checkpoint_fullfsync", true)?;
    conn.pragma_update(None, "journal_size_limit", 8 * 1024 * 1024)?;
    Ok(())
}

pub(crate) fn build(
    path: &Path,
    org: &Org,
    config: &RuleConfig,
    replace: Replace,
) -> Result<Document, StoreError> {
    let mut problems = org.validate();
    problems.extend(
        config
            .validate()
            .into_iter()
            .map(|(field, message)| Invalid {
                field: format!("rules.{field}"),
                message,
            }),
    );
    if !problems.is_empty() {
        return Err(StoreError::InvalidOrg { problems });
    }
    match fs::symlink_metadata(path) {
        Ok(_) if replace == Replace::No => {
            return Err(StoreError::Exists {
                path: path.to_path_buf(),
            });
        }
        Ok(m) if m.is_file() => {
            // Replacing a document another Pendulum is editing would lose its work.
            let file = SharedFile::open(path)?;
            if file.is_writable() {
                EditLock::take(&file, path)?;
            }
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(StoreError::io(path)(e)),
    }
    let tmp = atomic::temp_beside(path)?;
    fill(tmp.path(), org, config).map_err(StoreError::db(path))?;
    remove_sidecars(path)?;
    atomic::commit(tmp, path, replace)?;
    Document::open(path)
}

/// Writes a whole new document into the (empty) temporary file. No journal: on failure the
/// temporary file is deleted, so there is nothing to roll back.
fn fill(tmp: &Path, org: &Org, config: &RuleConfig) -> rusqlite::Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_NOFOLLOW;
    let mut conn = Connection::open_with_flags(tmp, flags)?;
    conn.pragma_update_and_check(None, "journal_mode", "off", |r| r.get::<_, String>(0))?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    let tx = conn.transaction()?;
    schema::run_steps(&tx, &MIGRATIONS, 0, SCHEMA_VERSION)?;
    tables::write_org(&tx, org)?;
    tables::write_rules(&tx, config).map_err(|m| {
        rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_MISUSE),
            Some(m),
        )
    })?;
    tx.commit()?;
    conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get::<_, String>(0))?;
    conn.close().map_err(|(_, e)| e)
}

/// Deletes the journal files of a previous document at `path`: SQLite would otherwise
/// replay a stale write-ahead log into the new file.
fn remove_sidecars(path: &Path) -> Result<(), StoreError> {
    for suffix in ["-wal", "-shm", "-journal"] {
        match fs::remove_file(schema::sidecar(path, suffix)) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io(path)(e)),
        }
    }
    Ok(())
}
