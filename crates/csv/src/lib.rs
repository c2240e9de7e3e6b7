//! CSV and spreadsheet import, and CSV export, of an org.
//!
//! # Import
//! [`import`] turns a people file and, optionally, teams, workstreams and allocations files
//! (bytes plus a name for messages) into a [`pendulum_core::Org`]; [`preview`] reports what
//! it would do without failing. Nothing here touches the file system.
//!
//! - **Spreadsheets.** A file whose bytes are a workbook (`.xlsx`, `.xlsb`, `.ods`: a zip;
//!   `.xls`: an OLE compound file) is read with calamine, one sheet per file: the sheet the
//!   [`Source`] names, else one named like the file's kind (People, Employees, Staff, …;
//!   Workstreams, Projects; Allocations, Assignments; Teams), else the first whose header
//!   fits. A people workbook's Teams, Workstreams and Allocations sheets are read when those
//!   files are not given. Cells are read as a CSV would hold them (see the `sheet` module);
//!   problems name the sheet and cell (`People!D14`). Hostile workbooks (zip bombs, absurd
//!   declared sizes) are refused before calamine opens them, and `.xlsx`/`.xlsb` sheets are
//!   streamed, so a 1,048,576-row sheet is read in bounded memory.
//! - **Dialects.** The delimiter is detected among `,` `;` tab and `|` (the one that splits
//!   the first lines most consistently, quotes respected); in `;` files a decimal comma is
//!   read in number columns (`0,8`).
//! - **Header row.** The first of the first 20 non-blank rows that names the required
//!   columns, so title rows above it are skipped; else the first non-blank row.
//!
//! - **Encodings.** UTF-8 with or without BOM; UTF-16 LE/BE with a BOM, or without one when
//!   every other byte of the start is zero (warning). A file that is not valid UTF-8 is read
//!   as Windows-1252, the usual encoding of spreadsheet "CSV" on Windows, with a warning
//!   naming the line of the first non-UTF-8 byte. Broken UTF-16 and a UTF-8 BOM followed by
//!   invalid UTF-8 are whole-file errors.
//! - **Syntax.** RFC 4180, with CR, LF and CRLF line ends in any mix. Unquoted cells are
//!   trimmed; quoted cells are kept exactly. A quote never closed, text after a closing
//!   quote, a NUL character, or a cell over 64 KiB ([`MAX_CELL_BYTES`]) is an error at that
//!   row and column. A row with fewer cells than the header, or with text beyond the last
//!   header column, is an error (its cells are not read); empty trailing cells are fine.
//! - **Rows and columns.** Both 1-based; blank rows count, as in a spreadsheet, so a row
//!   number is a line number unless a quoted cell spans lines.
//! - **Headers.** Matched on their letters and digits only, ignoring case (so spaces,
//!   underscores and hyphens never matter), against aliases: `id,parentId` (d3-org-chart),
//!   `PersonID,SupervisorID` (Visio, TheOrgChart), `Work Email,Manager Email` (ChartHop,
//!   Pingboard: without an id column the e-mail is the id), `Employee ID,Reports To`, and
//!   aliases for every field. Unknown columns are ignored and shown so in the mapping. When a
//!   last-name column exists the name is first + " " + last (d3's `name` counts as first).
//! - **References.** A manager, dotted-line manager, team lead or allocation person may be an
//!   id or, when the people file has an e-mail column, an e-mail (ignoring case). An unknown
//!   manager is kept as written (core flags `unknown-manager`), and self-managers, cycles and
//!   several roots import as they are: they are states of the org, flagged, never refused. An
//!   unknown team lead or allocation person or workstream is an error. Dotted-line managers
//!   are one cell, ids separated by `;` (spaces around each are ignored).
//! - **Teams.** A teams file (name, lead, type) defines teams in its order; every other team
//!   named by people or workstreams follows, bare, in first-seen order.
//! - **Hostile text.** Bidirectional control characters (U+061C, U+200E/F, U+202A–E,
//!   U+2066–9) are removed from every read cell, with a warning: they can make an id or name
//!   display as something it is not. Formula-looking text is kept as text, with a warning;
//!   Excel's `="00123"` idiom for keeping leading zeros is read as its text, `00123`.
//! - **Errors.** Every problem is listed with file, row, column and header (or as a
//!   whole-file problem), up to [`MAX_LISTED`] and then counted; with any error no org is
//!   returned. Core's `Org::validate` runs last as a safety net.
//!
//! # Export
//! [`people_csv`], [`teams_csv`], [`workstreams_csv`] and [`allocations_csv`] write canonical
//! headers that [`import`] reads back; [`workload_csv`] writes the workload report. Output is
//! deterministic: org order, `\n` line ends, stored numbers in their shortest exact form and
//! derived figures to three decimals.
//!
//! [`org_xlsx`] writes the same tables as one `.xlsx` workbook (People, Teams, Workstreams,
//! Allocations, which [`import`] reads back, plus Workload and Flags): header bold, frozen
//! and filtered, dates as date cells, numbers as numbers, text never a formula.
//!
//! **Formula escape (OWASP CSV injection).** A cell that begins with `=`, `+`, `-`, `@`, tab
//! or carriage return, after any leading apostrophes, is written with one more leading `'`
//! ([`escape_formula`]); quoting alone does not stop a spreadsheet from running it. Import
//! removes one `'` from exactly such cells ([`unescape_formula`]). The two are inverses, so
//! export then import gives back every string as it was; the cost is that a hand-written
//! `'=x` imports as `=x`, which is also what a spreadsheet shows for it.

mod columns;
mod decode;
mod dialect;
mod export;
mod headers;
mod import;
mod parse;
mod pay;
mod problem;
mod sheet;
mod source;
mod table;
mod value;
mod work;
mod xlsx;

pub use columns::FileKind;
pub use export::{
    ALLOCATION_HEADERS, BAND_HEADERS, BUDGET_HEADERS, PEOPLE_HEADERS, PEOPLE_PAY_HEADERS,
    TEAM_HEADERS, WORKLOAD_HEADERS, WORKLOAD_PAY_HEADER, WORKSTREAM_HEADERS, allocations_csv,
    bands_csv, budgets_csv, people_csv, teams_csv, workload_csv, workstreams_csv,
};
pub use headers::{ColumnMapping, FileMapping};
pub use import::{ImportPreview, ImportRequest, Imported, import, preview};
pub use parse::MAX_CELL_BYTES;
pub use source::Source;
pub use xlsx::{FLAG_HEADERS, XlsxExportError, org_xlsx};

/// Whether the bytes are a workbook (`.xlsx`, `.xlsb`, `.ods`: a zip; `.xls`: an OLE
/// compound file) rather than CSV text.
pub fn is_workbook(bytes: &[u8]) -> bool {
    sheet::sniff(bytes).is_some()
}
pub use problem::{ImportErrors, ImportProblem, MAX_LISTED, cell_reference, column_letters};
pub use value::{FORMULA_TRIGGERS, escape_formula, unescape_formula};
