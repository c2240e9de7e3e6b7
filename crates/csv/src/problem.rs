//! Problems found while importing, each naming the file and, where it has one, the row,
//! column and header of the cell.

use std::fmt;

use serde::Serialize;

use crate::headers::FileMapping;

/// At most this many errors (and, separately, warnings) are listed; the rest are counted.
pub const MAX_LISTED: usize = 100;

/// One error or warning. Either `row` and `column` are both set (a cell) or both `None`
/// (a problem of the whole file or sheet: its encoding, an empty file, a missing column).
#[derive(Clone, PartialEq, Eq, Debug, Serialize, ts_rs::TS)]
pub struct ImportProblem {
    /// The file name as the caller gave it.
    pub file: String,
    /// The sheet, for a spreadsheet.
    pub sheet: Option<String>,
    /// 1-based row; the header is row 1 and blank rows count, as in a spreadsheet.
    pub row: Option<u64>,
    /// 1-based column.
    pub column: Option<u64>,
    /// The header of that column as written in the file, when it has one.
    pub header: Option<String>,
    pub message: String,
}

impl ImportProblem {
    /// A problem of a whole file or sheet.
    pub(crate) fn whole(file: &str, sheet: Option<&str>, message: String) -> ImportProblem {
        ImportProblem {
            file: file.to_string(),
            sheet: sheet.map(str::to_string),
            row: None,
            column: None,
            header: None,
            message,
        }
    }

    /// Where the problem is, as a spreadsheet names it (`People!D14`, or the sheet name
    /// alone), for a problem in a sheet.
    pub fn cell_reference(&self) -> Option<String> {
        let sheet = self.sheet.as_deref()?;
        Some(match (self.row, self.column) {
            (Some(row), Some(column)) => cell_reference(sheet, row, column),
            _ => quoted_sheet(sheet),
        })
    }
}

/// `People!D14`: a cell as spreadsheets name it (1-based row and column).
pub fn cell_reference(sheet: &str, row: u64, column: u64) -> String {
    format!("{}!{}{row}", quoted_sheet(sheet), column_letters(column))
}

/// A sheet name as a formula writes it: quoted when it is more than letters, digits and `_`.
fn quoted_sheet(sheet: &str) -> String {
    let plain = !sheet.is_empty()
        && !sheet.starts_with(|c: char| c.is_ascii_digit())
        && sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
    if plain {
        sheet.to_string()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}

/// Spreadsheet column letters of a 1-based column (1 → A, 27 → AA).
pub fn column_letters(column: u64) -> String {
    let mut n = column;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(reference) = self.cell_reference() {
            write!(f, ": {reference}")?;
            if let Some(header) = &self.header {
                write!(f, " ({header})")?;
            }
            return write!(f, ": {}", self.message);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cells_as_spreadsheets_do() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(16_384), "XFD");
        assert_eq!(cell_reference("People", 14, 4), "People!D14");
        assert_eq!(cell_reference("My staff", 2, 1), "'My staff'!A2");
        assert_eq!(cell_reference("Bob's", 2, 1), "'Bob''s'!A2");
        let p = ImportProblem {
            file: "org.xlsx".into(),
            sheet: Some("People".into()),
            row: Some(14),
            column: Some(4),
            header: Some("Start Date".into()),
            message: "bad".into(),
        };
        assert_eq!(p.to_string(), "org.xlsx: People!D14 (Start Date): bad");
    }
}
