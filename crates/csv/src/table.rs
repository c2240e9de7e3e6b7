//! Reading one file or sheet: find its header (below any title rows), map the header's
//! columns to fields, and hand each data row, its cells cleaned, to the reader of that kind
//! of file. CSV text and spreadsheet sheets give the same records, so everything after the
//! split into cells is shared.

use std::borrow::Cow;

use pendulum_core::Date;

use crate::columns::{FileKind, Shape};
use crate::decode::decode;
use crate::dialect;
use crate::headers::{FileMapping, match_headers, normalise};
use crate::parse::{Cell, CellProblem, Reader, Record};
use crate::problem::{ImportProblem, Problems};
use crate::sheet::{self, Book, MAX_FILLED_MERGES, Merge};
use crate::source::Source;
use crate::value::{self, FORMULA_TRIGGERS, is_bidi_control, unescape_formula};

/// How many non-blank rows are searched for the header (title rows may sit above it).
pub(crate) const HEADER_SEARCH_ROWS: usize = 20;

/// A mapped cell of a data row, cleaned.
#[derive(Debug)]
pub(crate) struct Value<'a> {
    text: Cow<'a, str>,
    /// 0-based column.
    column: usize,
    /// A problem was already reported for this cell.
    bad: bool,
    /// A spreadsheet's number cell.
    number: Option<f64>,
}

/// One data row, as the file's fields (not its columns).
#[derive(Debug)]
pub(crate) struct Row<'a> {
    file: &'a str,
    sheet: Option<&'a str>,
    pub row: u64,
    headers: &'a [String],
    /// Per field: `None` when the file has no column for it.
    values: Vec<Option<Value<'a>>>,
    /// The workbook counts date serials from 1904.
    date1904: bool,
}

impl Row<'_> {
    pub fn has(&self, field: usize) -> bool {
        matches!(self.values.get(field), Some(Some(_)))
    }

    /// The cell's text; `None` when there is no such column or the cell is known bad.
    pub fn text(&self, field: usize) -> Option<&str> {
        match self.values.get(field) {
            Some(Some(v)) if !v.bad => Some(&v.text),
            _ => None,
        }
    }

    /// Non-empty text.
    pub fn filled(&self, field: usize) -> Option<&str> {
        self.text(field).filter(|t| !t.is_empty())
    }

    pub fn is_bad(&self, field: usize) -> bool {
        matches!(self.values.get(field), Some(Some(v)) if v.bad)
    }

    pub fn column_of(&self, field: usize) -> usize {
        match self.values.get(field) {
            Some(Some(v)) => v.column,
            _ => 0,
        }
    }

    pub fn problem(&self, field: usize, message: String) -> ImportProblem {
        let column = self.column_of(field);
        ImportProblem {
            file: self.file.to_string(),
            sheet: self.sheet.map(str::to_string),
            row: Some(self.row),
            column: Some(column as u64 + 1),
            header: self.headers.get(column).filter(|h| !h.is_empty()).cloned(),
            message,
        }
    }

    /// Parses a non-empty cell; an error names the cell. `None` for empty or absent.
    pub fn parse<T>(
        &self,
        field: usize,
        problems: &mut Problems,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        let text = self.filled(field)?;
        match parse(text) {
            Ok(v) => Some(v),
            Err(message) => {
                problems.error(self.problem(field, message));
                None
            }
        }
    }

    pub fn date(&self, field: usize, problems: &mut Problems) -> Option<Date> {
        let number = match self.values.get(field) {
            Some(Some(v)) if !v.bad => v.number,
            _ => None,
        };
        let date1904 = self.date1904;
        self.parse(field, problems, |t| match number {
            Some(n) => sheet::number_as_date(n, date1904),
            None => Date::parse(t).map_err(|e| e.to_string()),
        })
    }

    /// Start and end dates, refusing an end before the start.
    pub fn dates(
        &self,
        start: usize,
        end: usize,
        problems: &mut Problems,
    ) -> (Option<Date>, Option<Date>) {
        let s = self.date(start, problems);
        let e = self.date(end, problems);
        if let (Some(s), Some(e)) = (s, e)
            && e < s
        {
            problems.error(self.problem(end, format!("end date {e} is before start date {s}")));
        }
        (s, e)
    }
}

/// Where a file's records come from and how to read their cells.
#[derive(Debug)]
struct Context<'a> {
    file: &'a str,
    sheet: Option<&'a str>,
    /// `;` files: a decimal comma in number columns.
    decimal_comma: bool,
    /// A spreadsheet: no CSV escapes to undo, no formula warnings, no column-count check.
    spreadsheet: bool,
    date1904: bool,
    merges: Vec<Merge>,
}

impl Context<'_> {
    fn whole(&self, message: String) -> ImportProblem {
        ImportProblem::whole(self.file, self.sheet, message)
    }

    fn at(&self, row: u64, column: u64, headers: &[String], message: String) -> ImportProblem {
        let header = usize::try_from(column)
            .ok()
            .and_then(|c| c.checked_sub(1))
            .and_then(|c| headers.get(c))
            .filter(|h| !h.is_empty())
            .cloned();
        ImportProblem {
            file: self.file.to_string(),
            sheet: self.sheet.map(str::to_string),
            row: Some(row),
            column: Some(column),
            header,
            message,
        }
    }

    fn cell_problem(&self, headers: &[String], p: CellProblem) -> ImportProblem {
        self.at(p.row, p.column, headers, p.message)
    }
}

/// Reads one file's rows through `on_row`. `required` lists groups of fields of which one
/// must have a column. Returns how the columns were read and, when the rows could be read
/// at all, the column of each field.
pub(crate) fn read_file(
    source: Source<'_>,
    kind: FileKind,
    required: &[&[usize]],
    problems: &mut Problems,
    on_row: impl FnMut(&Row<'_>, &mut Problems),
) -> (FileMapping, Option<Vec<Option<usize>>>) {
    let mut mapping = FileMapping {
        file: source.name.to_string(),
        kind,
        format: String::new(),
        sheet: None,
        sheets: Vec::new(),
        header_row: None,
        records: 0,
        columns: Vec::new(),
    };
    if sheet::sniff(source.bytes).is_some() {
        let columns = read_workbook(source, kind, required, problems, &mut mapping, on_row);
        return (mapping, columns);
    }
    let decoded = match decode(source.bytes) {
        Ok(d) => d,
        Err(message) => {
            problems.error(ImportProblem::whole(source.name, None, message));
            return (mapping, None);
        }
    };
    if let Some(w) = decoded.warning {
        problems.warning(ImportProblem::whole(source.name, None, w));
    }
    let dialect = dialect::detect(&decoded.text);
    mapping.format = dialect.describe().to_string();
    let mut reader = Reader::new(&decoded.text, dialect.delimiter);
    let context = Context {
        file: source.name,
        sheet: None,
        decimal_comma: dialect.decimal_comma(),
        spreadsheet: false,
        date1904: false,
        merges: Vec::new(),
    };
    let columns = read_records(
        &context,
        kind,
        required,
        problems,
        &mut mapping,
        &mut |spare, p| reader.next_record_in(spare, p),
        on_row,
    );
    (mapping, columns)
}

fn read_workbook(
    source: Source<'_>,
    kind: FileKind,
    required: &[&[usize]],
    problems: &mut Problems,
    mapping: &mut FileMapping,
    on_row: impl FnMut(&Row<'_>, &mut Problems),
) -> Option<Vec<Option<usize>>> {
    let mut book = match Book::open(source.bytes) {
        Ok(book) => book,
        Err(message) => {
            mapping.format = "workbook".into();
            problems.error(ImportProblem::whole(source.name, None, message));
            return None;
        }
    };
    mapping.format = book.format().describe().to_string();
    mapping.sheets = book.sheet_names().to_vec();
    let sheet = match choose_sheet(&mut book, source.sheet, kind, required) {
        Ok(sheet) => sheet,
        Err(message) => {
            problems.error(ImportProblem::whole(source.name, None, message));
            return None;
        }
    };
    mapping.sheet = Some(sheet.clone());
    let merges = match book.merges(&sheet) {
        Ok(m) => m,
        Err(message) => {
            problems.error(ImportProblem::whole(source.name, Some(&sheet), message));
            return None;
        }
    };
    let date1904 = book.date1904();
    let mut rows = match book.rows(&sheet) {
        Ok(rows) => rows,
        Err(message) => {
            problems.error(ImportProblem::whole(source.name, Some(&sheet), message));
            return None;
        }
    };
    let context = Context {
        file: source.name,
        sheet: Some(&sheet),
        decimal_comma: false,
        spreadsheet: true,
        date1904,
        merges,
    };
    let columns = read_records(
        &context,
        kind,
        required,
        problems,
        mapping,
        &mut |_, p| rows.next_record(p),
        on_row,
    );
    if let Some(message) = rows.error.take() {
        problems.error(context.whole(message));
    }
    columns
}

/// Whether a record's cells, as headers, name a column for each required group.
fn header_fits(kind: FileKind, required: &[&[usize]], record: &Record<'_>) -> bool {
    let headers = headers_of(record);
    let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let matched = match_headers(kind, &refs);
    required.iter().all(|group| {
        group
            .iter()
            .any(|&f| matched.field_column.get(f).copied().flatten().is_some())
    })
}

/// A header record's cells as one text per column (empty where it has no cell).
fn headers_of(record: &Record<'_>) -> Vec<String> {
    let mut headers = vec![String::new(); record.width()];
    for cell in &record.cells {
        if let Some(h) = headers.get_mut(cell.column as usize) {
            *h = cell.text.trim().to_string();
        }
    }
    headers
}

/// The sheet to read: the one asked for; else one named like the kind of file ("People",
/// "Employees", …); else the first sheet whose header fits; else the first sheet not named
/// for another kind of file.
fn choose_sheet(
    book: &mut Book<'_>,
    wanted: Option<&str>,
    kind: FileKind,
    required: &[&[usize]],
) -> Result<String, String> {
    let names = book.sheet_names().to_vec();
    let list = || {
        names
            .iter()
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if names.is_empty() {
        return Err("the workbook has no sheets".into());
    }
    if let Some(wanted) = wanted {
        return names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| names.iter().find(|n| normalise(n) == normalise(wanted)))
            .cloned()
            .ok_or_else(|| {
                format!(
                    "the workbook has no sheet {wanted:?}; its sheets are {}",
                    list()
                )
            });
    }
    if let Some(name) = names.iter().find(|n| kind.sheet_matches(n)) {
        return Ok(name.clone());
    }
    let others: Vec<&String> = names
        .iter()
        .filter(|n| {
            !FileKind::ALL
                .iter()
                .any(|k| *k != kind && k.sheet_matches(n))
        })
        .collect();
    for name in &others {
        let Ok(mut rows) = book.rows(name) else {
            continue;
        };
        let mut scratch = Vec::new();
        let mut seen = 0;
        while seen < HEADER_SEARCH_ROWS {
            let Some(record) = rows.next_record(&mut scratch) else {
                break;
            };
            if record.is_blank() {
                continue;
            }
            seen += 1;
            if header_fits(kind, required, &record) {
                return Ok((*name).clone());
            }
        }
    }
    Ok(others
        .first()
        .map_or_else(|| names[0].clone(), |n| (*n).clone()))
}

/// The next record of a file, into the storage of a spent one, with the problems found
/// splitting it.
type NextRecord<'n, 'r> =
    dyn FnMut(Vec<Cell<'r>>, &mut Vec<CellProblem>) -> Option<Record<'r>> + 'n;

/// The records of one file: header search, mapping, then each data row.
fn read_records<'r>(
    context: &Context<'_>,
    kind: FileKind,
    required: &[&[usize]],
    problems: &mut Problems,
    mapping: &mut FileMapping,
    next: &mut NextRecord<'_, 'r>,
    mut on_row: impl FnMut(&Row<'_>, &mut Problems),
) -> Option<Vec<Option<usize>>> {
    let fields = kind.fields();
    // The first non-blank records, each with the problems found splitting it.
    let mut head: Vec<(Record<'r>, Vec<CellProblem>)> = Vec::new();
    let mut header_at = None;
    while head.len() < HEADER_SEARCH_ROWS {
        let mut found = Vec::new();
        let Some(record) = next(Vec::new(), &mut found) else {
            for p in found {
                problems.error(context.cell_problem(&[], p));
            }
            break;
        };
        if record.is_blank() && found.is_empty() {
            continue;
        }
        let fits = header_fits(kind, required, &record);
        head.push((record, found));
        if fits {
            header_at = Some(head.len() - 1);
            break;
        }
    }
    let header_at = header_at.unwrap_or(0);
    let mut head = head.into_iter();
    // Title rows above the header are not read; their splitting problems still count.
    for _ in 0..header_at {
        if let Some((_, found)) = head.next() {
            for p in found {
                problems.error(context.cell_problem(&[], p));
            }
        }
    }
    let Some((header, found)) = head.next() else {
        problems.error(context.whole(format!(
            "the {} is empty: expected a header row naming the columns, such as {}",
            if context.spreadsheet { "sheet" } else { "file" },
            example_header(kind)
        )));
        return None;
    };
    for p in found {
        problems.error(context.cell_problem(&[], p));
    }
    let headers = headers_of(&header);
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let matched = match_headers(kind, &header_refs);
    mapping.header_row = Some(header.row);
    mapping.columns = matched.columns;
    for (c, message) in matched.duplicates {
        problems.error(context.at(header.row, c as u64 + 1, &headers, message));
    }
    let header_row0 = u32::try_from(header.row.saturating_sub(1)).unwrap_or(u32::MAX);
    let mut merged_header = false;
    for m in &context.merges {
        if (m.first.0..=m.last.0).contains(&header_row0) && m.first != m.last {
            merged_header = true;
            problems.error(context.at(
                header.row,
                u64::from(m.first.1) + 1,
                &headers,
                format!(
                    "the header row has merged cells {}: each column needs its own header; unmerge them \
                     and name every column",
                    m.reference()
                ),
            ));
        }
    }
    let mut missing = merged_header;
    for group in required {
        if group
            .iter()
            .all(|&f| matched.field_column.get(f).copied().flatten().is_none())
            && !merged_header
        {
            missing = true;
            let spec = group.first().and_then(|&f| fields.get(f));
            let (key, examples) = spec.map_or(("?", ""), |s| (s.key, s.examples));
            let found: Vec<&str> = headers
                .iter()
                .map(String::as_str)
                .filter(|h| !context.spreadsheet || !h.is_empty())
                .collect();
            let mut message = format!(
                "no {key} column: expected a header such as {examples}; found {}",
                if found.is_empty() {
                    "no headers".to_string()
                } else {
                    found.join(", ")
                }
            );
            if context.spreadsheet {
                message.push_str(&format!(
                    " (in row {}, the first row that has a cell)",
                    header.row
                ));
            }
            problems.error(context.whole(message));
        }
    }
    if missing {
        return None;
    }
    // Merged regions below the header are filled; the rest of the file is read as is.
    let fill: Vec<Merge> = context
        .merges
        .iter()
        .filter(|m| m.first.0 > header_row0)
        .take(MAX_FILLED_MERGES)
        .copied()
        .collect();
    let mut fill_values: Vec<Option<Cow<'static, str>>> = vec![None; fill.len()];

    let width = headers.len();
    let mut row = Row {
        file: context.file,
        sheet: context.sheet,
        row: 0,
        headers: &headers,
        values: Vec::with_capacity(fields.len()),
        date1904: context.date1904,
    };
    let mut spare = Vec::new();
    let mut buffered = head;
    loop {
        let mut found = Vec::new();
        let record = match buffered.next() {
            Some((record, f)) => {
                found = f;
                record
            }
            None => match next(std::mem::take(&mut spare), &mut found) {
                Some(record) => record,
                None => {
                    for p in found {
                        problems.error(context.cell_problem(&headers, p));
                    }
                    break;
                }
            },
        };
        let mut record = record;
        if !fill.is_empty() {
            fill_merged_into(&mut record, &fill, &mut fill_values);
        }
        let (errors_before, warnings_before) = (problems.errors.len(), problems.warnings.len());
        for p in found {
            problems.error(context.cell_problem(&headers, p));
        }
        if !record.is_blank() {
            mapping.records += 1;
            if context.spreadsheet || fits(&record, width, context, &headers, problems) {
                row.row = record.row;
                row.values.clear();
                row.values.extend(
                    matched
                        .field_column
                        .iter()
                        .zip(fields)
                        .map(|(column, spec)| {
                            let column = (*column)?;
                            let Some(cell) = record.cell(column) else {
                                return Some(Value {
                                    text: Cow::Borrowed(""),
                                    column,
                                    bad: false,
                                    number: None,
                                });
                            };
                            Some(clean(
                                cell, column, spec.shape, record.row, context, &headers, problems,
                            ))
                        }),
                );
                on_row(&row, problems);
            }
        }
        // A row's problems read left to right, whatever order its fields were checked in.
        if let Some(row_errors) = problems.errors.get_mut(errors_before..) {
            row_errors.sort_by_key(|p| p.column);
        }
        if let Some(row_warnings) = problems.warnings.get_mut(warnings_before..) {
            row_warnings.sort_by_key(|p| p.column);
        }
        spare = record.cells;
    }
    Some(matched.field_column)
}

/// [`sheet::fill_merged`] for a record of any lifetime: filled cells are owned text.
fn fill_merged_into<'r>(
    record: &mut Record<'r>,
    merges: &[Merge],
    values: &mut [Option<Cow<'static, str>>],
) {
    let mut owned = Record {
        row: record.row,
        cells: std::mem::take(&mut record.cells)
            .into_iter()
            .map(|c| Cell {
                text: Cow::Owned(c.text.into_owned()),
                ..c
            })
            .collect(),
    };
    sheet::fill_merged(&mut owned, merges, values);
    record.cells = owned.cells;
}

/// Checks that a CSV record has as many cells as the header has columns. Extra empty
/// cells (trailing commas) are fine; anything else means the columns are shifted, so the
/// row is reported and not read.
fn fits(
    record: &Record<'_>,
    width: usize,
    context: &Context<'_>,
    headers: &[String],
    problems: &mut Problems,
) -> bool {
    let n = record.cells.len();
    if n < width {
        problems.error(context.at(
            record.row,
            n as u64 + 1,
            headers,
            format!(
                "this row has {n} cell{} but the header has {width} columns (a missing delimiter, or a cell with \
                 an unquoted line break?)",
                if n == 1 { "" } else { "s" }
            ),
        ));
        return false;
    }
    if let Some(extra) = record
        .cells
        .iter()
        .skip(width)
        .position(|c| !c.text.is_empty() || c.quoted)
    {
        let mut problem = context.at(
            record.row,
            (width + extra) as u64 + 1,
            headers,
            format!(
                "this row has {n} cells but the header has {width} columns (a cell with an unquoted delimiter?)"
            ),
        );
        problem.header = None;
        problems.error(problem);
        return false;
    }
    true
}

/// Cleans a mapped cell: removes bidi controls (with a warning), reads a decimal comma,
/// and for CSV undoes the exporter's formula escape and warns about text a spreadsheet
/// would run as a formula.
fn clean<'a>(
    cell: &Cell<'a>,
    column: usize,
    shape: Shape,
    row: u64,
    context: &Context<'_>,
    headers: &[String],
    problems: &mut Problems,
) -> Value<'a> {
    if cell.bad {
        return Value {
            text: Cow::Borrowed(""),
            column,
            bad: true,
            number: None,
        };
    }
    let at = |message: String| context.at(row, column as u64 + 1, headers, message);
    let mut text: Cow<'a, str> = cell.text.clone();
    if text.contains(is_bidi_control) {
        let stripped: String = text.chars().filter(|&c| !is_bidi_control(c)).collect();
        problems.warning(at(
            "removed invisible bidirectional control characters (they can make text display differently \
             from what it is)"
                .into(),
        ));
        text = Cow::Owned(stripped.trim().to_string());
    }
    if context.spreadsheet {
        // A text cell is text: no CSV escape to undo, and a spreadsheet never runs it.
        if cell.number.is_none() && text.trim().len() < text.len() {
            text = Cow::Owned(text.trim().to_string());
        }
    } else {
        let unescaped = unescape_formula(&text);
        if unescaped.len() < text.len() {
            text = Cow::Owned(unescaped.to_string());
        } else if let Some(literal) = value::excel_text(&text) {
            text = Cow::Owned(literal);
        } else if shape == Shape::Text && text.starts_with(FORMULA_TRIGGERS) {
            let first = text
                .chars()
                .next()
                .map(|c| c.escape_debug().to_string())
                .unwrap_or_default();
            problems.warning(at(format!(
                "begins with '{first}', so a spreadsheet would run it as a formula; imported as text, and \
                 exports will escape it with a leading apostrophe"
            )));
        }
    }
    if shape == Shape::Number
        && context.decimal_comma
        && let Some(point) = dialect::decimal_point(&text)
    {
        text = Cow::Owned(point);
    }
    Value {
        text,
        column,
        bad: false,
        number: cell.number.filter(|_| shape == Shape::Date),
    }
}

fn example_header(kind: FileKind) -> &'static str {
    match kind {
        FileKind::People => "id,name,title,manager_id",
        FileKind::Teams => "name,lead,type",
        FileKind::Workstreams => "id,name,team,required_fte,kind",
        FileKind::Allocations => "person,workstream,percent",
        FileKind::Bands => "level,annual_cost",
        FileKind::Budgets => "team,annual_budget",
    }
}
