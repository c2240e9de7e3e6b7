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
    let mut replaced: Vec<(&PathBuf, Option<PathBuf>)> = Vec::with_capacity(files.len());
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
                if let Some(old) = old {
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
                Some(old) => fs::rename(old, path),
                None => fs::remove_file(path),
            };
        }
        return Err(e);
    }
    for (path, old) in &replaced {
        if let Some(old) = old {
            let _ = fs::remove_file(old);
        }
        sync_directory(path)?;
    }
    Ok(())
}

/// A hard link to the file at `path` under a hidden temporary name, or `None` when there is
/// no file there.
fn keep_aside(path: &Path) -> Result<Option<PathBuf>, StoreError> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_file() => {
            let aside = temp_beside(path)?.into_temp_path();
            let aside_path = aside.to_path_buf();
            // The link replaces the empty placeholder the name was reserved with.
            aside.close().map_err(StoreError::io(path))?;
            fs::hard_link(path, &aside_path).map_err(StoreError::io(path))?;
            Ok(Some(aside_path))
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
/// system), hidden and named after the target.
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
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(directory_of(path))
        .map_err(StoreError::io(path))
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
