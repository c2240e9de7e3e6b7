//! Checks on a zipped workbook (`.xlsx`, `.xlsb`, `.ods`) before calamine opens it, so a
//! hostile file is refused instead of exhausting memory (RELIABILITY X1).
//!
//! - Every part's declared unpacked size is bounded, and so is their sum; the zip reader
//!   stops any part that unpacks past its declared size, so these bounds hold for the bytes
//!   actually produced (a zip bomb is refused before anything is unpacked).
//! - `.xlsx`: calamine reserves room for the shared-string count the file declares; a count
//!   the part is too small to hold is refused.
//! - `.ods`: calamine holds every sheet in memory, cell by cell, with repeated rows and
//!   columns expanded. `content.xml` is streamed once here to count the cells that would be,
//!   and a workbook over [`MAX_MATERIALISED_CELLS`] is refused; the same pass records merged
//!   cells, which calamine does not report for `.ods`.

use std::io::Cursor;

use quick_xml::Reader as XmlReader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use super::Merge;

/// Parts in one workbook.
const MAX_PARTS: usize = 10_000;
/// Unpacked size of one part (a 1,048,576-row sheet of an HR export is a few hundred MB).
const MAX_PART_BYTES: u64 = 1 << 30;
/// Unpacked size of all parts together.
const MAX_TOTAL_BYTES: u64 = 2 << 30;
/// Cells that calamine may hold in memory for an `.ods` or `.xls` workbook (about 100 bytes
/// each at worst, values and formulas together).
pub(crate) const MAX_MATERIALISED_CELLS: u64 = 5_000_000;
/// calamine's own caps on an `.ods` sheet.
const ODS_MAX_ROWS: u64 = 1_048_576;
const ODS_MAX_COLUMNS: u64 = 16_384;

/// Which workbook a zip holds.
#[derive(Debug)]
pub(crate) enum ZipKind {
    Xlsx,
    Xlsb,
    Ods(OdsLayout),
}

/// What the `.ods` pass learnt: the merged regions of each sheet.
#[derive(Debug, Default)]
pub(crate) struct OdsLayout {
    merges: Vec<(String, Merge)>,
}

impl OdsLayout {
    pub fn merges(&self, sheet: &str) -> Vec<Merge> {
        self.merges
            .iter()
            .filter(|(s, _)| s == sheet)
            .map(|(_, m)| *m)
            .collect()
    }
}

fn bomb(part: &str, size: u64, limit: u64) -> String {
    format!(
        "the workbook's part {part} would unpack to {size} bytes, more than the {limit} bytes Pendulum reads \
         (a damaged file or a zip bomb); save the sheets you need as a new workbook or as CSV"
    )
}

/// Checks a zip and tells which workbook it holds.
pub(crate) fn check_zip(bytes: &[u8]) -> Result<ZipKind, String> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        format!(
            "not a readable workbook: its zip container is damaged ({e}); open it in a spreadsheet and save it again"
        )
    })?;
    if zip.len() > MAX_PARTS {
        return Err(format!(
            "the workbook has {} parts, more than the {MAX_PARTS} Pendulum reads (a damaged file?)",
            zip.len()
        ));
    }
    let mut total = 0u64;
    let mut names = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let entry = zip
            .by_index_data(i)
            .map_err(|e| format!("not a readable workbook: {e}"))?;
        let name = entry
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_default()
            .to_lowercase();
        let size = entry.size();
        if size > MAX_PART_BYTES {
            return Err(bomb(&name, size, MAX_PART_BYTES));
        }
        total = total.saturating_add(size);
        names.push((name, i, size));
    }
    if total > MAX_TOTAL_BYTES {
        return Err(format!(
            "the workbook would unpack to {total} bytes, more than the {MAX_TOTAL_BYTES} bytes Pendulum reads \
             (a damaged file or a zip bomb); save the sheets you need as a new workbook or as CSV"
        ));
    }
    let has = |suffix: &str| names.iter().find(|(n, ..)| n.ends_with(suffix));
    if has("mimetype").is_some()
        && let Some(&(_, content, _)) = has("content.xml")
    {
        return ods_layout(&mut zip, content).map(ZipKind::Ods);
    }
    if has("workbook.bin").is_some() {
        return Ok(ZipKind::Xlsb);
    }
    if has("workbook.xml").is_some() {
        for (name, index, size) in names
            .iter()
            .filter(|(n, ..)| n.ends_with("sharedstrings.xml"))
        {
            shared_string_count(&mut zip, *index, name, *size)?;
        }
        return Ok(ZipKind::Xlsx);
    }
    Err(
        "a zip file, but not a workbook: it holds no spreadsheet (.xlsx, .xlsb or .ods); \
         export the sheet as .xlsx or CSV"
            .into(),
    )
}

fn xml<R: std::io::BufRead>(reader: R) -> XmlReader<R> {
    let mut xml = XmlReader::from_reader(reader);
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = false;
    xml
}

/// Refuses a shared-string table whose declared count its size cannot hold: calamine
/// reserves room for that many strings before reading one.
fn shared_string_count(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    index: usize,
    name: &str,
    size: u64,
) -> Result<(), String> {
    let part = zip
        .by_index(index)
        .map_err(|e| format!("not a readable workbook: {e}"))?;
    let mut reader = xml(std::io::BufReader::new(part));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sst" => {
                let Some(count) = attribute(&e, "uniqueCount") else {
                    return Ok(());
                };
                let digits = count.trim_start_matches(['+', '0']);
                // Each shared string takes at least `<si/>`, five bytes.
                let fits =
                    digits.len() <= 12 && digits.parse::<u64>().map_or(true, |n| n <= size / 5 + 1);
                return if fits {
                    Ok(())
                } else {
                    Err(format!(
                        "the workbook's part {name} declares {count} shared strings but holds {size} bytes \
                         (a damaged file); open it in a spreadsheet and save it again"
                    ))
                };
            }
            // calamine stops at the first error too.
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value.into_owned())
}

fn count_attribute(e: &BytesStart<'_>, name: &str) -> u64 {
    attribute(e, name)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

/// One `.ods` sheet being counted.
#[derive(Debug, Default)]
struct TableCount {
    name: String,
    /// Next row, with repeats.
    row: u64,
    /// Cells calamine pushes while reading the rows (repeated rows once).
    raw: u64,
    /// First and last rows (with repeats) and columns holding a value.
    rows: Option<(u64, u64)>,
    columns: Option<(u64, u64)>,
}

impl TableCount {
    /// The cells calamine's range of this sheet holds once repeats are expanded.
    fn expanded(&self) -> u64 {
        match (self.rows, self.columns) {
            (Some((r0, r1)), Some((c0, c1))) => (r1 - r0 + 1).saturating_mul(c1 - c0 + 1),
            _ => 0,
        }
    }
}

/// One `.ods` row being counted.
#[derive(Debug, Default)]
struct RowCount {
    repeats: u64,
    column: u64,
    /// One past the last column holding a value.
    width: u64,
    first: Option<u64>,
}

/// Streams `content.xml`: counts the cells calamine would hold and records merged cells.
fn ods_layout(zip: &mut ZipArchive<Cursor<&[u8]>>, index: usize) -> Result<OdsLayout, String> {
    let part = zip
        .by_index(index)
        .map_err(|e| format!("not a readable workbook: {e}"))?;
    let mut reader = xml(std::io::BufReader::new(part));
    let mut layout = OdsLayout::default();
    let mut buf = Vec::new();
    let mut table: Option<TableCount> = None;
    let mut row: Option<RowCount> = None;
    let mut budget = 0u64;
    let mut largest = 0u64;
    loop {
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            // calamine refuses the file on the same error.
            Err(e) => return Err(format!("not a readable OpenDocument spreadsheet: {e}")),
        };
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.name().as_ref() {
                "table:table" if !empty => {
                    table = Some(TableCount {
                        name: attribute(e, "table:name").unwrap_or_default(),
                        ..TableCount::default()
                    });
                }
                "table:table-row" if table.is_some() => {
                    let rows_so_far = table.as_ref().map_or(0, |t| t.row);
                    let repeats = count_attribute(e, "table:number-rows-repeated")
                        .min(ODS_MAX_ROWS.saturating_sub(rows_so_far));
                    let counted = RowCount {
                        repeats,
                        ..RowCount::default()
                    };
                    if empty {
                        if let Some(t) = table.as_mut() {
                            t.row = t.row.saturating_add(repeats);
                        }
                    } else {
                        row = Some(counted);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    if let (Some(t), Some(r)) = (table.as_mut(), row.as_mut()) {
                        let repeats = count_attribute(e, "table:number-columns-repeated")
                            .min(ODS_MAX_COLUMNS.saturating_sub(r.column));
                        let spans = (
                            count_attribute(e, "table:number-rows-spanned"),
                            count_attribute(e, "table:number-columns-spanned"),
                        );
                        if spans != (1, 1)
                            && let (Ok(r0), Ok(c0)) =
                                (u32::try_from(t.row), u32::try_from(r.column))
                        {
                            let last = |start: u32, span: u64| {
                                start.saturating_add(u32::try_from(span - 1).unwrap_or(u32::MAX))
                            };
                            layout.merges.push((
                                t.name.clone(),
                                Merge {
                                    first: (r0, c0),
                                    last: (last(r0, spans.0), last(c0, spans.1)),
                                },
                            ));
                        }
                        let valued = !empty
                            || attribute(e, "office:value-type").is_some()
                            || attribute(e, "table:formula").is_some();
                        if valued && repeats > 0 {
                            r.first.get_or_insert(r.column);
                            r.width = r.column + repeats;
                        }
                        r.column = r.column.saturating_add(repeats);
                    }
                }
                _ => {}
            }
        }
        match &event {
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if let (Some(t), Some(r)) = (table.as_mut(), row.take()) {
                    t.raw = t.raw.saturating_add(r.width);
                    if let Some(first) = r.first {
                        let last_row = t.row + r.repeats.max(1) - 1;
                        t.rows = Some(t.rows.map_or((t.row, last_row), |(a, _)| (a, last_row)));
                        t.columns = Some(t.columns.map_or((first, r.width - 1), |(a, b)| {
                            (a.min(first), b.max(r.width - 1))
                        }));
                    }
                    t.row = t.row.saturating_add(r.repeats);
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table" => {
                if let Some(t) = table.take() {
                    let expanded = t.expanded();
                    budget = budget
                        .saturating_add(t.raw)
                        .saturating_add(expanded.saturating_mul(2));
                    largest = largest.max(expanded);
                    if budget.saturating_add(largest) > MAX_MATERIALISED_CELLS {
                        return Err(too_many_cells(&t.name));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        // A sheet still open counts too, so one huge sheet is refused before its end.
        if let Some(t) = &table {
            let running = budget
                .saturating_add(t.raw)
                .saturating_add(t.expanded().saturating_mul(3));
            if running > MAX_MATERIALISED_CELLS {
                return Err(too_many_cells(&t.name));
            }
        }
    }
    Ok(layout)
}

pub(crate) fn too_many_cells(sheet: &str) -> String {
    format!(
        "sheet {sheet:?} spans more than {MAX_MATERIALISED_CELLS} cells (rows × columns, repeated rows included), \
         more than Pendulum reads from this format; delete the unused rows and columns, or save the sheet as \
         .xlsx or CSV, which are read row by row"
    )
}
