//! Opening, creating and migrating a document file: the connection, its durability, the
//! copy a migration or a new document is built in, and the files SQLite keeps beside it.

use super::*;

fn read<T>(path: &Path, result: Result<T, ReadError>) -> Result<T, StoreError> {
    result.map_err(|e| match e {
        ReadError::Sqlite(e) => StoreError::db(path)(e),
        ReadError::Content(detail) => StoreError::corrupt(path, detail),
    })
}

pub(super) fn open_with(path: &Path, mode: Mode) -> Result<Document, StoreError> {
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
    let edit_lock = if mode == Mode::Edit && file.is_writable() {
        Some(EditLock::take(&file, path)?)
    } else {
        None
    };
    let header_version = schema::check_header(path, &file)?;
    let read_only = edit_lock.is_none();

    let mut conn = schema::connect(path, read_only)?;
    let version = schema::verify(&mut conn, path, meta.len())?;
    let mut copy = None;
    if read_only {
        if version < SCHEMA_VERSION {
            let (migrated, tmp) = migrated_copy(conn, path, version)?;
            conn = migrated;
            copy = Some(tmp);
        }
    } else {
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
    }
    let imported = read(path, tables::read_org(&conn))?;
    let imported_config = read(path, tables::read_rules(&conn))?;
    Ok(Document {
        conn,
        edit_lock,
        _file: file,
        _copy: copy,
        path: path.to_path_buf(),
        imported,
        imported_config,
        cache: None,
    })
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

/// For a read-only open of an older schema: a private copy, upgraded, deleted on close.
fn migrated_copy(
    conn: Connection,
    path: &Path,
    version: u32,
) -> Result<(Connection, TempPath), StoreError> {
    let tmp = tempfile::Builder::new()
        .prefix("pendulum-")
        .suffix(".pendulum")
        .tempfile()
        .map_err(StoreError::io(path))?
        .into_temp_path();
    let target = tmp.to_str().ok_or_else(|| StoreError::Io {
        path: tmp.to_path_buf(),
        source: std::io::Error::other("the temporary directory's path is not UTF-8"),
    })?;
    conn.execute("VACUUM INTO ?1", [target])
        .map_err(StoreError::db(path))?;
    drop(conn);
    let mut copy = schema::connect(&tmp, false)?;
    schema::migrate(&mut copy, version, SCHEMA_VERSION).map_err(|e| StoreError::Migration {
        path: path.to_path_buf(),
        from: version,
        to: SCHEMA_VERSION,
        message: e.to_string(),
    })?;
    Ok((copy, tmp))
}

pub(super) fn build(
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
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        match fs::remove_file(&side) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io(path)(e)),
        }
    }
    Ok(())
}
