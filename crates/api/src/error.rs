//! Errors every front end sees: a stable `code` to branch on and a message for people.

use std::fmt;

use serde::Serialize;

/// What went wrong, as a stable machine-readable code. Front ends branch on this, never on
/// message text.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
#[derive(ts_rs::TS)]
pub enum ErrorCode {
    /// Arguments that make no sense together, or a value that cannot be parsed.
    Usage,
    /// A file's content is malformed (CSV, JSON, rule configuration); the message names file,
    /// row and column or field.
    BadInput,
    /// A file or directory that does not exist.
    NotFound,
    /// A file the action would write already exists and replacing it was not asked for.
    Exists,
    /// A file that is not a Pendulum document.
    NotPendulum,
    /// A document made by a newer Pendulum.
    NewerSchema,
    /// The document is open elsewhere.
    InUse,
    /// Reading or writing failed.
    Io,
    /// An edit or simulation was refused (it would create a cycle, names an unknown person…).
    Refused,
    /// A person, workstream or scenario that does not exist.
    Unknown,
    /// A bug: the message says what.
    Internal,
}

/// `{code, message}`, as it crosses IPC and as the CLI prints it.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, ts_rs::TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
        }
    }

    pub fn usage(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::Usage, message)
    }

    pub fn bad_input(message: impl Into<String>) -> ApiError {
        ApiError::new(ErrorCode::BadInput, message)
    }

    /// An I/O failure on `path`, classified (missing file vs other).
    pub fn io(path: &std::path::Path, action: &str, e: &std::io::Error) -> ApiError {
        let code = match e.kind() {
            std::io::ErrorKind::NotFound => ErrorCode::NotFound,
            _ => ErrorCode::Io,
        };
        ApiError::new(code, format!("{}: cannot {action}: {e}", path.display()))
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

pub type ApiResult<T> = Result<T, ApiError>;

impl From<pendulum_store::StoreError> for ApiError {
    fn from(e: pendulum_store::StoreError) -> ApiError {
        use pendulum_store::StoreError as S;
        let code = match &e {
            S::NotPendulum { .. } => ErrorCode::NotPendulum,
            S::NewerSchema { .. } => ErrorCode::NewerSchema,
            S::InUse { .. } => ErrorCode::InUse,
            S::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                ErrorCode::NotFound
            }
            S::ReadOnly { .. }
            | S::DiskFull { .. }
            | S::DiskError { .. }
            | S::Io { .. }
            | S::Database { .. }
            | S::Migration { .. } => ErrorCode::Io,
            S::Corrupt { .. } | S::SymbolicLink { .. } | S::InvalidOrg { .. } => {
                ErrorCode::BadInput
            }
            S::Exists { .. } => ErrorCode::Exists,
            S::DuplicateScenario { .. } | S::ScenarioName { .. } => ErrorCode::Usage,
            S::UnknownScenario { .. } | S::UnknownEdit { .. } => ErrorCode::Unknown,
            S::Baseline | S::Edit(_) => ErrorCode::Refused,
        };
        ApiError::new(code, e.to_string())
    }
}
