//! Why a document could not be opened, read or saved. Every message names the file.

use std::io;
use std::path::{Path, PathBuf};

use pendulum_core::{EditError, Invalid};
use rusqlite::ErrorCode;

/// What went wrong with a `.pendulum` document. Front ends map each variant to an error code.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Not a file Pendulum wrote: empty, truncated, another format, another application's
    /// SQLite database, a directory. Nothing was written to it.
    #[error("{} is not a Pendulum document: {reason}", .path.display())]
    NotPendulum { path: PathBuf, reason: String },
    #[error(
        "{} was made by a newer Pendulum (schema {found} > {supported}); update Pendulum to open it",
        .path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{} is in use by another Pendulum window or program; close it there and try again", .path.display())]
    InUse { path: PathBuf },
    #[error("{} is read-only: changes cannot be saved (save a copy elsewhere, or make the file writable)", .path.display())]
    ReadOnly { path: PathBuf },
    #[error("there is no space left on the disk to save {}; nothing was written and the last saved change is kept", .path.display())]
    DiskFull { path: PathBuf },
    #[error("{} could not be read or written: the disk reported an input/output error; the last saved change is kept", .path.display())]
    DiskError { path: PathBuf },
    /// A Pendulum document whose content is damaged or does not make sense.
    #[error("{} is damaged and cannot be used as a Pendulum document: {detail}", .path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("{} already exists; choose another name or replace it", .path.display())]
    Exists { path: PathBuf },
    #[error("{} is a symbolic link; open the file it points to", .path.display())]
    SymbolicLink { path: PathBuf },
    #[error("{}: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("{}: {message}", .path.display())]
    Database { path: PathBuf, message: String },
    #[error(
        "{} could not be upgraded from schema {from} to {to} ({message}); the file is unchanged",
        .path.display()
    )]
    Migration {
        path: PathBuf,
        from: u32,
        to: u32,
        message: String,
    },
    /// The org given to `create` has structural faults (duplicate ids, fte out of range…).
    #[error("the org cannot be saved: {}", join(problems))]
    InvalidOrg { problems: Vec<Invalid> },
    #[error("{} has no scenario {scenario}", .path.display())]
    UnknownScenario { path: PathBuf, scenario: String },
    #[error("{} already has a scenario named {name:?}", .path.display())]
    DuplicateScenario { path: PathBuf, name: String },
    #[error("{name:?} cannot name a scenario: {reason}")]
    ScenarioName { name: String, reason: String },
    #[error("the baseline scenario cannot be renamed or deleted")]
    Baseline,
    #[error("{} has no applied edit {seq} in scenario {scenario}", .path.display())]
    UnknownEdit {
        path: PathBuf,
        scenario: String,
        seq: i64,
    },
    /// The edit was refused; nothing was saved.
    #[error(transparent)]
    Edit(#[from] EditError),
}

fn join(problems: &[Invalid]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// POSIX's "input/output error" (5 on Linux, the BSDs and macOS).
const EIO: i32 = 5;

impl StoreError {
    pub(crate) fn io(path: &Path) -> impl Fn(io::Error) -> StoreError + '_ {
        move |source| match source.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => StoreError::DiskFull {
                path: path.to_path_buf(),
            },
            io::ErrorKind::ReadOnlyFilesystem => StoreError::ReadOnly {
                path: path.to_path_buf(),
            },
            _ if source.raw_os_error() == Some(EIO) => StoreError::DiskError {
                path: path.to_path_buf(),
            },
            _ => StoreError::Io {
                path: path.to_path_buf(),
                source,
            },
        }
    }

    pub(crate) fn corrupt(path: &Path, detail: impl Into<String>) -> StoreError {
        StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: detail.into(),
        }
    }

    pub(crate) fn not_pendulum(path: &Path, reason: impl Into<String>) -> StoreError {
        StoreError::NotPendulum {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }

    /// Maps an SQLite failure to what it means for the user.
    pub(crate) fn db(path: &Path) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |e| {
            let path = path.to_path_buf();
            match e.sqlite_error_code() {
                Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                    StoreError::InUse { path }
                }
                Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
                Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
                Some(ErrorCode::SystemIoFailure) => StoreError::DiskError { path },
                Some(ErrorCode::NotADatabase) => StoreError::NotPendulum {
                    path,
                    reason: "it is not a database".into(),
                },
                Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
                    path,
                    detail: e.to_string(),
                },
                Some(ErrorCode::OperationInterrupted) => StoreError::Corrupt {
                    path,
                    detail: "checking or reading it took too long".into(),
                },
                Some(ErrorCode::TooBig) => StoreError::Corrupt {
                    path,
                    detail: "it holds a value longer than the 16 MiB Pendulum reads".into(),
                },
                _ => StoreError::Database {
                    path,
                    message: e.to_string(),
                },
            }
        }
    }
}
