//! Spreadsheets in: `.xlsx`, `.xlsb`, `.xls` and `.ods` workbooks read with calamine, one
//! sheet at a time, as the same records a CSV file gives.
//!
//! The format is told from the bytes, never from the name. Before calamine sees a file, the
//! guards in [`guard`] and [`xls`] refuse what would make it use unbounded memory or time
//! (zip bombs, absurd declared counts, cyclic sector chains, sheets that would be
//! materialised as millions of cells); every call into calamine is also wrapped so that a
//! panic on a malformed file becomes an error. `.xlsx` and `.xlsb` sheets are streamed cell
//! by cell, so a 1,048,576-row sheet is read in bounded memory; `.ods` and `.xls` are
//! materialised by calamine, within the guard's cell budget.
//!
//! Cells become text as a CSV would hold it: numbers written out in full (`0.8`, `12`),
//! percent-formatted numbers as `80%` (`.xlsx`), date cells as `YYYY-MM-DD`, booleans as
//! `true`/`false`, formulas as their cached values. A plain number keeps its value, so a
//! date column reads it as an Excel date serial. Error values (`#N/A`) are problems of
//! their cell. Merged cells in the header row are refused (each column needs its own
//! header); merged cells below it read as their value in every cell they cover.

mod guard;
mod xls;

use std::borrow::Cow;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{
    Data, DataRef, ExcelDateTime, ExcelDateTimeType, Ods, Range, Reader, Xls, Xlsb, Xlsx,
};
use pendulum_core::Date;

use crate::parse::{Cell, CellProblem, MAX_CELL_BYTES, Record};

/// The workbook formats read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

impl Format {
    pub fn describe(self) -> &'static str {
        match self {
            Format::Xlsx => "Excel workbook (.xlsx)",
            Format::Xlsb => "Excel binary workbook (.xlsb)",
            Format::Xls => "Excel 97-2003 workbook (.xls)",
            Format::Ods => "OpenDocument spreadsheet (.ods)",
        }
    }
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Whether the bytes are a workbook: a zip (xlsx, xlsb, ods; which one is found when it is
/// opened) or an OLE compound file (xls). `None` for text.
pub(crate) fn sniff(bytes: &[u8]) -> Option<Format> {
    if bytes.starts_with(ZIP_MAGIC) {
        Some(Format::Xlsx)
    } else if bytes.starts_with(CFB_MAGIC) {
        Some(Format::Xls)
    } else {
        None
    }
}

type Bytes<'a> = Cursor<&'a [u8]>;

enum Inner<'a> {
    Xlsx(Box<Xlsx<Bytes<'a>>>),
    Xlsb(Box<Xlsb<Bytes<'a>>>),
    Xls(Box<Xls<Bytes<'a>>>),
    Ods(Box<Ods<Bytes<'a>>>, guard::OdsLayout),
}

/// An open workbook.
pub(crate) struct Book<'a> {
    inner: Inner<'a>,
    format: Format,
    names: Vec<String>,
}

impl std::fmt::Debug for Book<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Book")
            .field("format", &self.format)
            .field("names", &self.names)
            .finish()
    }
}

/// Runs a calamine call, turning a panic on a malformed file into an error.
fn guarded<T>(what: &str, f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(_) => Err(format!(
            "the workbook is damaged: reading {what} failed; open it in a spreadsheet and save it again"
        )),
    }
}

impl<'a> Book<'a> {
    /// Opens a workbook whose bytes [`sniff`] recognised, after the guards.
    pub fn open(bytes: &'a [u8]) -> Result<Book<'a>, String> {
        let (inner, format) = if bytes.starts_with(CFB_MAGIC) {
            xls::check(bytes)?;
            let book = guarded("the workbook", || {
                Xls::new(Cursor::new(bytes)).map_err(|e| damaged(Format::Xls, &e))
            })?;
            (Inner::Xls(Box::new(book)), Format::Xls)
        } else {
            match guard::check_zip(bytes)? {
                guard::ZipKind::Xlsx => {
                    let book = guarded("the workbook", || {
                        Xlsx::new(Cursor::new(bytes)).map_err(|e| damaged(Format::Xlsx, &e))
                    })?;
                    (Inner::Xlsx(Box::new(book)), Format::Xlsx)
                }
                guard::ZipKind::Xlsb => {
                    let book = guarded("the workbook", || {
                        Xlsb::new(Cursor::new(bytes)).map_err(|e| damaged(Format::Xlsb, &e))
                    })?;
                    (Inner::Xlsb(Box::new(book)), Format::Xlsb)
                }
                guard::ZipKind::Ods(layout) => {
                    let book = guarded("the workbook", || {
                        Ods::new(Cursor::new(bytes)).map_err(|e| damaged(Format::Ods, &e))
                    })?;
                    (Inner::Ods(Box::new(book), layout), Format::Ods)
                }
            }
        };
        let names = match &inner {
            Inner::Xlsx(b) => b.sheet_names(),
            Inner::Xlsb(b) => b.sheet_names(),
            Inner::Xls(b) => b.sheet_names(),
            Inner::Ods(b, _) => b.sheet_names(),
        };
        Ok(Book {
            inner,
            format,
            names,
        })
    }

    pub fn format(&self) -> Format {
        self.format
    }

    /// The sheets, in workbook order.
    pub fn sheet_names(&self) -> &[String] {
        &self.names
    }

    /// Whether dates are counted from 1904 (old Mac Excel) rather than 1900.
    pub fn date1904(&self) -> bool {
        match &self.inner {
            Inner::Xlsx(b) => b.has_1904_epoch(),
            Inner::Xlsb(b) => b.has_1904_epoch(),
            Inner::Xls(b) => b.has_1904_epoch(),
            Inner::Ods(..) => false,
        }
    }

    /// The merged regions of a sheet (0-based, inclusive).
    pub fn merges(&mut self, sheet: &str) -> Result<Vec<Merge>, String> {
        let format = self.format;
        let dims = match &mut self.inner {
            Inner::Xlsx(b) => guarded("merged cells", || {
                b.merge_cells_by_sheet_name(sheet)
                    .map_err(|e| damaged(format, &e))
            })?,
            Inner::Xls(b) => guarded("merged cells", || {
                b.merge_cells_by_sheet_name(sheet)
                    .map_err(|e| damaged(format, &e))
            })?,
            Inner::Xlsb(_) => Vec::new(),
            Inner::Ods(_, layout) => {
                return Ok(layout.merges(sheet));
            }
        };
        Ok(dims
            .into_iter()
            .map(|d| Merge {
                first: d.start,
                last: d.end,
            })
            .collect())
    }

    /// The rows of a sheet, streamed where the format allows.
    pub fn rows(&mut self, sheet: &str) -> Result<SheetRows<'_>, String> {
        let format = self.format;
        let date1904 = self.date1904();
        let cells: Box<dyn FnMut() -> Next + '_> = match &mut self.inner {
            Inner::Xlsx(b) => {
                let mut reader = guarded("the sheet", || {
                    b.worksheet_cells_reader(sheet)
                        .map_err(|e| damaged(format, &e))
                })?;
                // Percent-formatted numbers hold fractions (0.5 shows as 50%).
                let percent: Vec<bool> = reader
                    .styles()
                    .iter()
                    .map(|s| {
                        s.number_format
                            .as_ref()
                            .is_some_and(|n| n.format_code.contains('%'))
                    })
                    .collect();
                Box::new(move || match reader.next_cell_with_style_id() {
                    Ok(Some((cell, style))) => {
                        let (row, column) = cell.get_position();
                        let percent = percent.get(style).copied().unwrap_or(false);
                        Next::Cell(row, column, owned(cell.get_value(), percent, date1904))
                    }
                    Ok(None) => Next::End,
                    Err(e) => Next::Failed(damaged(format, &e)),
                })
            }
            Inner::Xlsb(b) => {
                let mut reader = guarded("the sheet", || {
                    b.worksheet_cells_reader(sheet)
                        .map_err(|e| damaged(format, &e))
                })?;
                Box::new(move || match reader.next_cell() {
                    Ok(Some(cell)) => {
                        let (row, column) = cell.get_position();
                        Next::Cell(row, column, owned(cell.get_value(), false, date1904))
                    }
                    Ok(None) => Next::End,
                    Err(e) => Next::Failed(damaged(format, &e)),
                })
            }
            Inner::Xls(b) => {
                let range = guarded("the sheet", || {
                    b.worksheet_range(sheet).map_err(|e| damaged(format, &e))
                })?;
                range_cells(range, date1904)
            }
            Inner::Ods(b, _) => {
                let range = guarded("the sheet", || {
                    b.worksheet_range(sheet).map_err(|e| damaged(format, &e))
                })?;
                range_cells(range, date1904)
            }
        };
        Ok(SheetRows {
            cells,
            pending: None,
            done: false,
            error: None,
        })
    }
}

fn damaged(format: Format, e: &dyn std::fmt::Display) -> String {
    format!(
        "not a readable {}: {e}; open it in a spreadsheet and save it again",
        format.describe()
    )
}

/// A merged region, 0-based (row, column), inclusive.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Merge {
    pub first: (u32, u32),
    pub last: (u32, u32),
}

impl Merge {
    /// `B1:D1`.
    pub fn reference(&self) -> String {
        let cell = |(r, c): (u32, u32)| {
            format!(
                "{}{}",
                crate::problem::column_letters(u64::from(c) + 1),
                u64::from(r) + 1
            )
        };
        format!("{}:{}", cell(self.first), cell(self.last))
    }
}

/// A cell's value as the importer reads it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Text(String),
    /// A number; its text is the number written out.
    Number(f64),
    /// A problem that makes the cell unreadable.
    Problem(String),
}

enum Next {
    Cell(u32, u32, Option<Value>),
    End,
    Failed(String),
}

/// A sheet calamine already holds in memory, as a stream of cells in row order.
fn range_cells<'b>(range: Range<Data>, date1904: bool) -> Box<dyn FnMut() -> Next + 'b> {
    let (start_row, start_column) = range.start().unwrap_or((0, 0));
    let width = range.width();
    let height = range.height();
    let mut at = 0usize;
    Box::new(move || {
        while at < width.saturating_mul(height) {
            let (r, c) = (at / width.max(1), at % width.max(1));
            at += 1;
            let Some(value) = range.get((r, c)) else {
                continue;
            };
            if matches!(value, Data::Empty) {
                continue;
            }
            let row = start_row.saturating_add(u32::try_from(r).unwrap_or(u32::MAX));
            let column = start_column.saturating_add(u32::try_from(c).unwrap_or(u32::MAX));
            return Next::Cell(row, column, owned(&data_ref(value), false, date1904));
        }
        Next::End
    })
}

fn data_ref(value: &Data) -> DataRef<'_> {
    match value {
        Data::Int(v) => DataRef::Int(*v),
        Data::Float(v) => DataRef::Float(*v),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// A cell's value; `None` for an empty cell.
fn owned(value: &DataRef<'_>, percent: bool, date1904: bool) -> Option<Value> {
    Some(match value {
        DataRef::Empty => return None,
        DataRef::String(s) => Value::Text(s.clone()),
        DataRef::SharedString(s) => Value::Text((*s).to_string()),
        DataRef::Int(v) => Value::Number(*v as f64),
        DataRef::Float(v) if percent => Value::Text(format!("{}%", number_text(*v * 100.0))),
        DataRef::Float(v) => Value::Number(*v),
        DataRef::Bool(b) => Value::Text(b.to_string()),
        DataRef::DateTime(d) if d.is_duration() => Value::Text(number_text(d.as_f64())),
        DataRef::DateTime(d) => match serial_date(d.as_f64(), date1904) {
            Ok(date) => Value::Text(date.to_string()),
            Err(message) => Value::Problem(message),
        },
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Text(s.clone()),
        DataRef::Error(e) => Value::Problem(format!(
            "the cell shows the error {e} (a formula that failed?); correct it, or paste the values"
        )),
    })
}

/// A number written out as briefly as it round-trips, with binary noise of arithmetic on
/// it (`0.1 * 3`) rounded away and without a `-0`.
pub(crate) fn number_text(v: f64) -> String {
    let rounded = (v * 1e9).round() / 1e9;
    let v = if rounded.is_finite() && (rounded - v).abs() < 1e-9 {
        rounded
    } else {
        v
    };
    format!("{}", v + 0.0)
}

/// Excel's last day, 9999-12-31, as a serial.
const LAST_SERIAL: f64 = 2_958_466.0;

/// The day of an Excel date serial (the time of day is dropped).
pub(crate) fn serial_date(serial: f64, date1904: bool) -> Result<Date, String> {
    if !(1.0..LAST_SERIAL).contains(&serial) {
        return Err(format!(
            "{} is not a date Excel can show (date serials run from 1 to {LAST_SERIAL})",
            number_text(serial)
        ));
    }
    let (y, m, d, ..) =
        ExcelDateTime::new(serial, ExcelDateTimeType::DateTime, date1904).to_ymd_hms_milli();
    Date::from_ymd(i32::from(y), u32::from(m), u32::from(d)).ok_or_else(|| {
        format!(
            "{} is Excel's day {y}-{m:02}-{d:02}, which is not a day of the calendar",
            number_text(serial)
        )
    })
}

/// A number cell in a date column: an Excel date serial, except numbers that look like a
/// year, which are refused rather than read as a day in 1905.
pub(crate) fn number_as_date(number: f64, date1904: bool) -> Result<Date, String> {
    if number.fract() == 0.0 && (1900.0..=2200.0).contains(&number) {
        return Err(format!(
            "{} looks like a year, not a date; write the whole date, such as {}-01-31",
            number_text(number),
            number_text(number)
        ));
    }
    serial_date(number, date1904)
}

/// A sheet's cells as records, one per row that has a cell.
pub(crate) struct SheetRows<'b> {
    cells: Box<dyn FnMut() -> Next + 'b>,
    /// A cell read past the end of the previous row.
    pending: Option<(u32, u32, Option<Value>)>,
    done: bool,
    /// Why the sheet could not be read to its end.
    pub error: Option<String>,
}

impl std::fmt::Debug for SheetRows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SheetRows")
            .field("done", &self.done)
            .field("error", &self.error)
            .finish()
    }
}

impl SheetRows<'_> {
    fn next_cell(&mut self) -> Option<(u32, u32, Option<Value>)> {
        if let Some(p) = self.pending.take() {
            return Some(p);
        }
        if self.done {
            return None;
        }
        let cells = &mut self.cells;
        match catch_unwind(AssertUnwindSafe(cells)) {
            Ok(Next::Cell(r, c, v)) => Some((r, c, v)),
            Ok(Next::End) => {
                self.done = true;
                None
            }
            Ok(Next::Failed(e)) => {
                self.done = true;
                self.error = Some(e);
                None
            }
            Err(_) => {
                self.done = true;
                self.error = Some(
                    "the sheet is damaged and could not be read to its end; open it in a spreadsheet and save it again"
                        .into(),
                );
                None
            }
        }
    }

    /// The next row with at least one non-empty cell, as a record whose row is the sheet's
    /// 1-based row and whose cells carry their 0-based columns.
    pub fn next_record(&mut self, problems: &mut Vec<CellProblem>) -> Option<Record<'static>> {
        let mut cells: Vec<Cell<'static>> = Vec::new();
        let mut row = None;
        while let Some((r, c, value)) = self.next_cell() {
            match row {
                None => row = Some(r),
                Some(current) if current != r => {
                    self.pending = Some((r, c, value));
                    break;
                }
                Some(_) => {}
            }
            let Some(value) = value else { continue };
            let row_number = u64::from(r) + 1;
            let column_number = u64::from(c) + 1;
            let mut cell = match value {
                Value::Text(text) => Cell::text(c, Cow::Owned(text)),
                Value::Number(n) => Cell {
                    number: Some(n),
                    ..Cell::text(c, Cow::Owned(number_text(n)))
                },
                Value::Problem(message) => {
                    problems.push(CellProblem {
                        row: row_number,
                        column: column_number,
                        message,
                    });
                    Cell {
                        bad: true,
                        ..Cell::text(c, Cow::Borrowed(""))
                    }
                }
            };
            if cell.text.len() > MAX_CELL_BYTES {
                problems.push(CellProblem {
                    row: row_number,
                    column: column_number,
                    message: format!(
                        "the cell is {} bytes long; cells are limited to {MAX_CELL_BYTES} bytes",
                        cell.text.len()
                    ),
                });
                cell = Cell {
                    bad: true,
                    ..Cell::text(c, Cow::Borrowed(""))
                };
            }
            // Cells come in column order within a row; a file that says otherwise is sorted.
            if cells.last().is_some_and(|last| last.column >= c) {
                cells.retain(|k| k.column != c);
                let at = cells.partition_point(|k| k.column < c);
                cells.insert(at, cell);
            } else {
                cells.push(cell);
            }
        }
        let row = row?;
        Some(Record {
            row: u64::from(row) + 1,
            cells,
        })
    }
}

/// Fills merged regions below the header: every cell a region covers reads as its first
/// cell. At most this many regions are filled; more are left as the file has them.
pub(crate) const MAX_FILLED_MERGES: usize = 10_000;

/// Copies the first cell of each merged region into the cells it covers in `record`.
/// `values` keeps the first cells seen, by region.
pub(crate) fn fill_merged(
    record: &mut Record<'static>,
    merges: &[Merge],
    values: &mut [Option<Cow<'static, str>>],
) {
    let Ok(row) = u32::try_from(record.row.saturating_sub(1)) else {
        return;
    };
    for (merge, value) in merges.iter().zip(values.iter_mut()) {
        if !(merge.first.0..=merge.last.0).contains(&row) {
            continue;
        }
        if row == merge.first.0 {
            *value = record
                .cell(merge.first.1 as usize)
                .filter(|c| !c.bad)
                .map(|c| c.text.clone());
        }
        let Some(text) = value.clone() else { continue };
        for column in merge.first.1..=merge.last.1 {
            if record.cell(column as usize).is_some() {
                continue;
            }
            let at = record.cells.partition_point(|k| k.column < column);
            record.cells.insert(at, Cell::text(column, text.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_date_serials() {
        let day = |s: f64, m1904: bool| serial_date(s, m1904).map(|d| d.to_string());
        assert_eq!(day(46082.0, false).as_deref(), Ok("2026-03-01"));
        assert_eq!(day(46082.75, false).as_deref(), Ok("2026-03-01"));
        assert_eq!(day(1.0, false).as_deref(), Ok("1900-01-01"));
        assert_eq!(day(61.0, false).as_deref(), Ok("1900-03-01"));
        assert!(day(60.0, false).is_err(), "Excel's 1900-02-29 is no day");
        assert_eq!(day(44620.0, true).as_deref(), Ok("2026-03-01"));
        assert!(day(0.0, false).is_err());
        assert!(day(-3.0, false).is_err());
        assert!(day(3e6, false).is_err());
        assert!(number_as_date(2027.0, false).is_err());
        assert!(number_as_date(46082.0, false).is_ok());
    }

    #[test]
    fn writes_numbers_briefly() {
        assert_eq!(number_text(0.8), "0.8");
        assert_eq!(number_text(100.0), "100");
        assert_eq!(number_text(0.1 * 3.0), "0.3");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(12345678.5), "12345678.5");
    }

    #[test]
    fn sniffs_workbooks_by_their_bytes() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Some(Format::Xlsx));
        assert_eq!(sniff(CFB_MAGIC), Some(Format::Xls));
        assert_eq!(sniff(b"id,name\n"), None);
    }
}
