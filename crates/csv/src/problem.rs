//! Problems found while importing, each naming the file and, where it has one, the row,
//! column and header of the cell.

use std::fmt;

use serde::Serialize;

use crate::columns::FileMapping;

/// At most this many errors (and, separately, warnings) are listed; the rest are counted.
pub const MAX_LISTED: usize = 100;

/// One error or warning. Either `row` and `column` are both set (a cell) or both `None`
/// (a problem of the whole file: its encoding, an empty file, a missing column).
#[derive(Clone, PartialEq, Eq, Debug, Serialize, ts_rs::TS)]
pub struct ImportProblem {
    /// The file name as the caller gave it.
    pub file: String,
    /// 1-based row; the header is row 1 and blank rows count, as in a spreadsheet.
    pub row: Option<u64>,
    /// 1-based column.
    pub column: Option<u64>,
    /// The header of that column as written in the file, when it has one.
    pub header: Option<String>,
    pub message: String,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(row) = self.row {
            write!(f, ":{row}")?;
        }
        if let Some(column) = self.column {
            write!(f, ":{column}")?;
        }
        if let Some(header) = &self.header {
            write!(f, " ({header})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why an import produced no org: every error (up to [`MAX_LISTED`], then a count).
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct ImportErrors {
    pub errors: Vec<ImportProblem>,
    /// Errors found beyond the first [`MAX_LISTED`].
    pub more: usize,
    pub warnings: Vec<ImportProblem>,
    pub mappings: Vec<FileMapping>,
}

impl fmt::Display for ImportErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.errors.len() + self.more;
        write!(
            f,
            "{total} import error{}; nothing was imported",
            if total == 1 { "" } else { "s" }
        )?;
        for e in &self.errors {
            write!(f, "\n{e}")?;
        }
        if self.more > 0 {
            write!(f, "\n… and {} more", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportErrors {}

/// The errors and warnings of one import, capped as they arrive so memory stays bounded.
#[derive(Debug, Default)]
pub(crate) struct Problems {
    pub errors: Vec<ImportProblem>,
    pub more_errors: usize,
    pub warnings: Vec<ImportProblem>,
    pub more_warnings: usize,
}

impl Problems {
    pub fn error(&mut self, p: ImportProblem) {
        if self.errors.len() < MAX_LISTED {
            self.errors.push(p);
        } else {
            self.more_errors += 1;
        }
    }

    pub fn extend_error(&mut self, p: Option<ImportProblem>) {
        if let Some(p) = p {
            self.error(p);
        }
    }

    pub fn warning(&mut self, p: ImportProblem) {
        if self.warnings.len() < MAX_LISTED {
            self.warnings.push(p);
        } else {
            self.more_warnings += 1;
        }
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.more_errors > 0
    }
}
