//! Matching a file's header row to its fields (the tables of `columns.rs`): normalised
//! headers, the better alias winning, and the mapping the import preview shows.

use serde::Serialize;

use crate::columns::FileKind;

/// Letters and digits of a header, lower-cased; `#` reads as "number" (BambooHR's
/// `Employee #` is `employeenumber`).
pub(crate) fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.chars() {
        if c == '#' {
            out.push_str("number");
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// How one column of a file was read.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, ts_rs::TS)]
pub struct ColumnMapping {
    /// 1-based column number.
    pub column: u64,
    /// The header as written in the file.
    pub header: String,
    /// The field it fills (the canonical header, e.g. `manager_id`), or `None` when ignored.
    pub field: Option<&'static str>,
    /// Why a column is ignored or read in a special way, when that is not obvious.
    pub note: Option<String>,
}

/// How one file's columns were read: what the import preview shows.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, ts_rs::TS)]
pub struct FileMapping {
    /// The file name as the caller gave it.
    pub file: String,
    pub kind: FileKind,
    /// How the file was read: "CSV, comma-separated", "Excel workbook (.xlsx)", …
    pub format: String,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// Every sheet of the workbook, in order (empty for CSV), to pick another one.
    pub sheets: Vec<String>,
    /// The row holding the header (below any title rows and blank lines); `None` for an
    /// empty file.
    pub header_row: Option<u64>,
    /// Data rows read (blank rows not counted).
    pub records: u64,
    pub columns: Vec<ColumnMapping>,
}

/// The result of matching a header row against a file's fields.
#[derive(Debug)]
pub(crate) struct Matched {
    /// For each field of the file, the 0-based column that fills it.
    pub field_column: Vec<Option<usize>>,
    pub columns: Vec<ColumnMapping>,
    /// (column index, message) for headers that name a field twice.
    pub duplicates: Vec<(usize, String)>,
}

/// Matches headers to fields. Pure: problems come back as data.
pub(crate) fn match_headers(kind: FileKind, headers: &[&str]) -> Matched {
    let fields = kind.fields();
    // (alias rank, column) of the best column per field so far
    let mut best: Vec<Option<(usize, usize)>> = vec![None; fields.len()];
    let mut column_field: Vec<Option<usize>> = vec![None; headers.len()];
    let mut notes: Vec<Option<String>> = vec![None; headers.len()];
    let mut duplicates = Vec::new();
    for (c, header) in headers.iter().enumerate() {
        let norm = normalise(header);
        if norm.is_empty() {
            continue;
        }
        let found = fields
            .iter()
            .enumerate()
            .filter_map(|(f, spec)| {
                spec.aliases
                    .iter()
                    .position(|a| *a == norm)
                    .map(|rank| (f, rank))
            })
            .min_by_key(|&(_, rank)| rank);
        let Some((f, rank)) = found else { continue };
        let Some(slot) = best.get_mut(f) else {
            continue;
        };
        let key = fields.get(f).map_or("", |s| s.key);
        match *slot {
            None => {
                *slot = Some((rank, c));
                if let Some(cf) = column_field.get_mut(c) {
                    *cf = Some(f);
                }
            }
            Some((old_rank, old_c)) if old_rank == rank => {
                duplicates.push((
                    c,
                    format!(
                        "column {} repeats the header of column {} ({key}); which one holds {key}? \
                         rename or remove one of them",
                        c + 1,
                        old_c + 1
                    ),
                ));
                if let Some(n) = notes.get_mut(c) {
                    *n = Some(format!("repeats column {}", old_c + 1));
                }
            }
            Some((old_rank, old_c)) if rank < old_rank => {
                *slot = Some((rank, c));
                if let Some(cf) = column_field.get_mut(c) {
                    *cf = Some(f);
                }
                if let Some(cf) = column_field.get_mut(old_c) {
                    *cf = None;
                }
                if let Some(n) = notes.get_mut(old_c) {
                    *n = Some(format!("also matches {key}; column {} is used", c + 1));
                }
            }
            Some((_, old_c)) => {
                if let Some(n) = notes.get_mut(c) {
                    *n = Some(format!("also matches {key}; column {} is used", old_c + 1));
                }
            }
        }
    }
    let columns = headers
        .iter()
        .enumerate()
        .map(|(c, header)| ColumnMapping {
            column: c as u64 + 1,
            header: header.to_string(),
            field: column_field
                .get(c)
                .copied()
                .flatten()
                .and_then(|f| fields.get(f))
                .map(|s| s.key),
            note: notes.get(c).cloned().flatten(),
        })
        .collect();
    Matched {
        field_column: best.into_iter().map(|b| b.map(|(_, c)| c)).collect(),
        columns,
        duplicates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::columns::P_MANAGER;

    fn fields_of(kind: FileKind, headers: &[&str]) -> Vec<Option<&'static str>> {
        match_headers(kind, headers)
            .columns
            .into_iter()
            .map(|c| c.field)
            .collect()
    }

    #[test]
    fn matches_the_layouts_of_hr_tools() {
        assert_eq!(
            fields_of(FileKind::People, &["id", "parentId", "name", "lastName"]),
            vec![
                Some("id"),
                Some("manager_id"),
                Some("name"),
                Some("last_name")
            ]
        );
        assert_eq!(
            fields_of(FileKind::People, &["PersonID", "SupervisorID", "Job Title"]),
            vec![Some("id"), Some("manager_id"), Some("title")]
        );
        assert_eq!(
            fields_of(
                FileKind::People,
                &["Work Email", "Manager Email", "First_Name", "LAST-NAME"]
            ),
            vec![
                Some("email"),
                Some("manager_id"),
                Some("first_name"),
                Some("last_name")
            ]
        );
        assert_eq!(
            fields_of(
                FileKind::People,
                &["Employee ID", "Reports To", "Hire Date", "Phone"]
            ),
            vec![Some("id"), Some("manager_id"), Some("start_date"), None]
        );
    }

    #[test]
    fn better_alias_wins_and_repeats_are_reported() {
        let m = match_headers(FileKind::People, &["Manager Email", "id", "Manager ID"]);
        assert_eq!(m.field_column.get(P_MANAGER).copied().flatten(), Some(2));
        assert_eq!(m.columns.first().and_then(|c| c.field), None);
        assert!(m.duplicates.is_empty());
        let m = match_headers(FileKind::People, &["id", "Name", "name "]);
        assert_eq!(
            m.duplicates.iter().map(|d| d.0).collect::<Vec<_>>(),
            vec![2]
        );
    }
}
