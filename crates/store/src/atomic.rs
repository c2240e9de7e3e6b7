//! Whole-file writes that leave either the old file or the new one, never a torn one
//! (RELIABILITY D8): write a temporary file beside the target, fsync it, rename it over the
//! target, fsync the directory.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::StoreError;

/// Writes `bytes` to `path` atomically: after a crash at any moment `path` holds its old
/// content or `bytes`, whole. A symlink at `path` is replaced, not followed. A file that
/// is replaced keeps its permissions; a new one is readable by all (0644 on Unix).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(bytes).map_err(StoreError::io(path))?;
    commit(tmp, path, Replace::Yes)
}

/// Writes several files as one set: every file is written to a temporary file beside its
/// target and synced before any target is touched, so a full disk or an I/O error leaves
/// every target as it was. Then each is renamed over its target; should a rename fail,
/// the targets already replaced get their old content back (kept under a temporary name
/// until the set is whole).
pub fn write_all_atomically(files: &[(PathBuf, Vec<u8>)]) -> Result<(), StoreError> {
    let mut written = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let mut tmp = temp_beside(path)?;
        tmp.write_all(bytes).map_err(StoreError::io(path))?;
        set_permissions(&tmp, path);
        tmp.as_file().sync_all().map_err(StoreError::io(path))?;
        written.push((path, tmp));
    }
    // The old content of each target, hard-linked aside before it is replaced.
    let mut replaced: Vec<(&PathBuf, Option<(PathBuf, fs::File)>)> =
        Vec::with_capacity(files.len());
    let mut failure = None;
    for (path, tmp) in written {
        let old = match keep_aside(path) {
            Ok(old) => old,
            Err(e) => {
                failure = Some(e);
                break;
            }
        };
        match tmp.persist(path) {
            Ok(_) => replaced.push((path, old)),
            Err(e) => {
                if let Some((old, _)) = old {
                    let _ = fs::remove_file(old);
                }
                failure = Some(StoreError::io(path)(e.error));
                break;
            }
        }
    }
    if let Some(e) = failure {
        // Best effort: put back what was there; a target that did not exist is removed.
        for (path, old) in replaced.into_iter().rev() {
            let _ = match old {
                Some((old, _)) => fs::rename(old, path),
                None => fs::remove_file(path),
            };
        }
        return Err(e);
    }
    for (path, old) in &replaced {
        if let Some((old, _)) = old {
            let _ = fs::remove_file(old);
        }
        sync_directory(path)?;
    }
    Ok(())
}

/// A hard link to the file at `path` under a hidden temporary name, or `None` when there is
/// no file there.
fn keep_aside(path: &Path) -> Result<Option<(PathBuf, fs::File)>, StoreError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_file() => {
            let aside = temp_beside(path)?.into_temp_path();
            let aside_path = aside.to_path_buf();
            // The link replaces the empty placeholder the name was reserved with.
            aside.close().map_err(StoreError::io(path))?;
            fs::hard_link(path, &aside_path).map_err(StoreError::io(path))?;
            // Locked like any temporary file in use, so a save beside it leaves it alone.
            let held = fs::File::open(&aside_path).map_err(StoreError::io(path))?;
            let _ = held.try_lock();
            Ok(Some((aside_path, held)))
        }
        Ok(_) => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path)(e)),
    }
}

/// Whether [`commit`] may replace an existing file.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Replace {
    Yes,
    No,
}

/// A temporary file in the target's directory (a rename is only atomic within one file
/// system, and the target's folder is the user's, never a shared system temp folder), hidden,
/// named after the target, private (0600) until committed, and locked (`flock`) while in use.
/// Temporary files of the same target left by a crash (unlocked) are deleted first.
pub(crate) fn temp_beside(path: &Path) -> Result<NamedTempFile, StoreError> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::IsADirectory, "it is a directory"),
        });
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (prefix, suffix) = (format!(".{name}."), ".tmp");
    remove_leftovers(&directory_of(path), &prefix, suffix);
    let tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(suffix)
        .tempfile_in(directory_of(path))
        .map_err(StoreError::io(path))?;
    // Held until the file is renamed or deleted: the mark of a temporary file in use.
    tmp.as_file().try_lock().map_err(|e| match e {
        fs::TryLockError::Error(e) => StoreError::io(path)(e),
        fs::TryLockError::WouldBlock => StoreError::InUse {
            path: path.to_path_buf(),
        },
    })?;
    Ok(tmp)
}

/// Deletes the temporary files named `prefix*suffix` in `dir` that no process holds locked:
/// what a crash during a save or an export left behind. Best effort: a file that cannot be
/// checked or deleted stays.
pub(crate) fn remove_leftovers(dir: &Path, prefix: &str, suffix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(prefix) && name.ends_with(suffix)) {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_file())
            && let Ok(file) = fs::OpenOptions::new().read(true).open(entry.path())
            && file.try_lock().is_ok()
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

pub(crate) fn directory_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes the temporary file durable and moves it to `path`.
pub(crate) fn commit(tmp: NamedTempFile, path: &Path, replace: Replace) -> Result<(), StoreError> {
    set_permissions(&tmp, path);
    tmp.as_file().sync_all().map_err(StoreError::io(path))?;
    match replace {
        Replace::Yes => tmp
            .persist(path)
            .map(drop)
            .map_err(|e| StoreError::io(path)(e.error))?,
        Replace::No => tmp.persist_noclobber(path).map(drop).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                StoreError::Exists {
                    path: path.to_path_buf(),
                }
            } else {
                StoreError::io(path)(e.error)
            }
        })?,
    }
    sync_directory(path)
}

#[cfg(unix)]
fn set_permissions(tmp: &NamedTempFile, path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(path)
        .map(|m| m.permissions().mode() & 0o7777)
        .unwrap_or(0o644);
    // A failure leaves the temporary file's private 0600, which is safe.
    let _ = tmp
        .as_file()
        .set_permissions(fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn set_permissions(_tmp: &NamedTempFile, _path: &Path) {}

/// Makes the rename itself durable.
#[cfg(unix)]
fn sync_directory(path: &Path) -> Result<(), StoreError> {
    fs::File::open(directory_of(path))
        .and_then(|d| d.sync_all())
        .map_err(StoreError::io(path))
}

#[cfg(not(unix))]
fn sync_directory(_path: &Path) -> Result<(), StoreError> {
    Ok(())
}
