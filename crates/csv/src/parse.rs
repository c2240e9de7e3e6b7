//! An RFC 4180 record reader over decoded text that knows where every cell is.
//!
//! Rows are counted like a spreadsheet's: every record is one row, blank ones included, so
//! the header is row 1 and a row number matches the line number unless a quoted cell spans
//! lines. Columns are 1-based cell positions.
//!
//! Leniencies, each a habit of hand-made or HR-tool files: CR, LF and CRLF all end a record;
//! unquoted cells are trimmed; spaces before an opening quote are skipped; a quote inside an
//! unquoted cell is kept as a character. Refused: a quote that is never closed (fatal: the
//! rest of the file would be one cell), text after a closing quote, NUL characters, and
//! cells longer than [`MAX_CELL_BYTES`].

use std::borrow::Cow;

/// The longest cell accepted, in bytes of UTF-8.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

#[derive(Debug)]
pub(crate) struct Cell<'a> {
    /// 0-based column. A CSV record holds every cell, so this is the cell's index; a
    /// spreadsheet row holds only the cells that are there.
    pub column: u32,
    pub text: Cow<'a, str>,
    pub quoted: bool,
    /// A problem was reported for this cell; its text is empty and must not be read.
    pub bad: bool,
    /// A spreadsheet's number cell (its text is the number written out), which a date
    /// column reads as a date serial.
    pub number: Option<f64>,
}

impl<'a> Cell<'a> {
    pub fn text(column: u32, text: Cow<'a, str>) -> Cell<'a> {
        Cell {
            column,
            text,
            quoted: false,
            bad: false,
            number: None,
        }
    }
}

#[derive(Debug)]
pub(crate) struct Record<'a> {
    pub row: u64,
    /// In column order.
    pub cells: Vec<Cell<'a>>,
}

impl<'a> Record<'a> {
    /// A record with no text at all (an empty line, or only delimiters).
    pub fn is_blank(&self) -> bool {
        self.cells
            .iter()
            .all(|c| c.text.is_empty() && !c.quoted && !c.bad)
    }

    /// The cell in a 0-based column, if the record has one there.
    pub fn cell(&self, column: usize) -> Option<&Cell<'a>> {
        match self.cells.get(column) {
            Some(c) if c.column as usize == column => Some(c),
            _ => self
                .cells
                .binary_search_by_key(&column, |c| c.column as usize)
                .ok()
                .and_then(|i| self.cells.get(i)),
        }
    }

    /// One past the column of the last cell.
    pub fn width(&self) -> usize {
        self.cells.last().map_or(0, |c| c.column as usize + 1)
    }
}

/// A problem at a row and column found while splitting the text into cells.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct CellProblem {
    pub row: u64,
    pub column: u64,
    pub message: String,
}

#[derive(Debug)]
pub(crate) struct Reader<'a> {
    text: &'a str,
    pos: usize,
    row: u64,
    done: bool,
    delimiter: u8,
}

impl<'a> Reader<'a> {
    /// A reader splitting cells on `delimiter` (one of `,` `;` tab `|`).
    pub fn new(text: &'a str, delimiter: u8) -> Reader<'a> {
        // A BOM that survived decoding (a doubled one) is not part of the first header.
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        Reader {
            text,
            pos: 0,
            row: 0,
            done: false,
            delimiter,
        }
    }

    /// Whether `c` ends an unquoted cell.
    fn ends_cell(&self, c: char) -> bool {
        c == char::from(self.delimiter) || c == '\r' || c == '\n'
    }

    /// Blanks skipped around quoted cells: spaces, and tabs unless tab is the delimiter.
    fn blank(&self) -> &'static [char] {
        if self.delimiter == b'\t' {
            &[' ']
        } else {
            &[' ', '\t']
        }
    }

    /// The next record, or `None` at the end of the text or after a fatal problem.
    #[cfg(test)]
    pub fn next_record(&mut self, problems: &mut Vec<CellProblem>) -> Option<Record<'a>> {
        self.next_record_in(Vec::new(), problems)
    }

    /// [`Reader::next_record`] into the storage of a spent record, to save an allocation
    /// per row.
    pub fn next_record_in(
        &mut self,
        mut cells: Vec<Cell<'a>>,
        problems: &mut Vec<CellProblem>,
    ) -> Option<Record<'a>> {
        if self.done || self.pos >= self.text.len() {
            return None;
        }
        self.row += 1;
        let row = self.row;
        cells.clear();
        loop {
            let column = cells.len() as u64 + 1;
            let Some(mut cell) = self.read_cell(row, column, problems) else {
                self.done = true;
                return None;
            };
            cell.column = u32::try_from(cells.len()).unwrap_or(u32::MAX);
            cells.push(cell);
            match self.text.as_bytes().get(self.pos) {
                Some(&b) if b == self.delimiter => self.pos += 1,
                Some(b'\r') => {
                    self.pos += 1;
                    if self.text.as_bytes().get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    break;
                }
                Some(b'\n') => {
                    self.pos += 1;
                    break;
                }
                _ => break,
            }
        }
        Some(Record { row, cells })
    }

    /// Reads one cell starting at `pos`, leaving `pos` on its delimiter (or the end).
    /// `None` when a quote is never closed.
    fn read_cell(
        &mut self,
        row: u64,
        column: u64,
        problems: &mut Vec<CellProblem>,
    ) -> Option<Cell<'a>> {
        let text = self.text;
        let rest = text.get(self.pos..).unwrap_or("");
        let after_spaces = rest.trim_start_matches(self.blank());
        if !after_spaces.starts_with('"') {
            let end = rest.find(|c| self.ends_cell(c)).unwrap_or(rest.len());
            self.pos += end;
            let raw = rest.get(..end).unwrap_or("");
            return Some(checked(
                Cow::Borrowed(raw.trim()),
                false,
                row,
                column,
                problems,
            ));
        }
        let open = self.pos + (rest.len() - after_spaces.len());
        let start = open + 1;
        let mut owned: Option<String> = None;
        let mut segment = start;
        let mut at = start;
        let close = loop {
            let Some(offset) = text.get(at..).and_then(|r| r.find('"')) else {
                problems.push(CellProblem {
                    row,
                    column,
                    message: "a quote opened in this cell is never closed, so the rest of the file would be one cell; \
                              close it, or double any quote inside the cell (\"\")"
                        .into(),
                });
                self.pos = text.len();
                return None;
            };
            let quote = at + offset;
            if text.as_bytes().get(quote + 1) == Some(&b'"') {
                owned
                    .get_or_insert_with(String::new)
                    .push_str(text.get(segment..=quote).unwrap_or(""));
                at = quote + 2;
                segment = at;
            } else {
                break quote;
            }
        };
        let value = match owned {
            None => Cow::Borrowed(text.get(start..close).unwrap_or("")),
            Some(mut s) => {
                s.push_str(text.get(segment..close).unwrap_or(""));
                Cow::Owned(s)
            }
        };
        self.pos = close + 1;
        let tail = text.get(self.pos..).unwrap_or("");
        let after = tail.trim_start_matches(self.blank());
        match after.as_bytes().first() {
            None => {
                self.pos += tail.len() - after.len();
                Some(checked(value, true, row, column, problems))
            }
            Some(&b) if b == b'\r' || b == b'\n' || b == self.delimiter => {
                self.pos += tail.len() - after.len();
                Some(checked(value, true, row, column, problems))
            }
            Some(_) => {
                problems.push(CellProblem {
                    row,
                    column,
                    message: "text after the closing quote of a quoted cell; quote the whole cell and double \
                              the quotes inside it (\"\")"
                        .into(),
                });
                let skip = tail.find(|c| self.ends_cell(c)).unwrap_or(tail.len());
                self.pos += skip;
                Some(Cell {
                    quoted: true,
                    bad: true,
                    ..Cell::text(0, Cow::Borrowed(""))
                })
            }
        }
    }
}

fn checked<'a>(
    text: Cow<'a, str>,
    quoted: bool,
    row: u64,
    column: u64,
    problems: &mut Vec<CellProblem>,
) -> Cell<'a> {
    let problem = if text.len() > MAX_CELL_BYTES {
        Some(format!(
            "the cell is {} bytes long; cells are limited to {MAX_CELL_BYTES} bytes",
            text.len()
        ))
    } else if text.contains('\0') {
        Some(
            "the cell holds a NUL character (is the file UTF-16 or binary? save it as UTF-8 text)"
                .to_string(),
        )
    } else {
        None
    };
    match problem {
        Some(message) => {
            problems.push(CellProblem {
                row,
                column,
                message,
            });
            Cell {
                quoted,
                bad: true,
                ..Cell::text(0, Cow::Borrowed(""))
            }
        }
        None => Cell {
            quoted,
            ..Cell::text(0, text)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<(u64, Vec<String>)>, Vec<CellProblem>) {
        let mut reader = Reader::new(text, b',');
        let mut problems = Vec::new();
        let mut out = Vec::new();
        while let Some(r) = reader.next_record(&mut problems) {
            out.push((r.row, r.cells.iter().map(|c| c.text.to_string()).collect()));
        }
        (out, problems)
    }

    fn rows(text: &str) -> Vec<Vec<String>> {
        read(text).0.into_iter().map(|(_, cells)| cells).collect()
    }

    #[test]
    fn splits_rfc_4180_records() {
        assert_eq!(
            rows("a,b\r\n1,2\n3,\"x,\"\"y\"\"\r\nz\"\r4,5"),
            vec![
                vec!["a", "b"],
                vec!["1", "2"],
                vec!["3", "x,\"y\"\r\nz"],
                vec!["4", "5"]
            ]
        );
        assert_eq!(rows("a, \"b c\" ,d \n"), vec![vec!["a", "b c", "d"]]);
        assert_eq!(
            rows("5'10\",x\n,\n"),
            vec![vec!["5'10\"", "x"], vec!["", ""]]
        );
        assert_eq!(rows(""), Vec::<Vec<String>>::new());
        assert_eq!(rows("\"\""), vec![vec![""]]);
    }

    #[test]
    fn counts_blank_rows() {
        let (records, _) = read("a\n\nb\n");
        assert_eq!(
            records.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
    }

    #[test]
    fn reports_unclosed_quote_where_it_opens() {
        let (records, problems) = read("a,b\n1,\"open\n2,3\n");
        assert_eq!(records.len(), 1);
        assert_eq!(
            problems
                .iter()
                .map(|p| (p.row, p.column))
                .collect::<Vec<_>>(),
            vec![(2, 2)]
        );
    }

    #[test]
    fn reports_text_after_closing_quote_and_goes_on() {
        let (records, problems) = read("\"a\"b,c\nd,e\n");
        assert_eq!(records.len(), 2);
        assert_eq!(
            problems
                .iter()
                .map(|p| (p.row, p.column))
                .collect::<Vec<_>>(),
            vec![(1, 1)]
        );
    }
}
