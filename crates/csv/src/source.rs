//! One input file as the importers read it: its name, its bytes and, for a workbook, the sheet.

/// One file: its name (used in every message), its bytes (CSV text or a workbook), and for
/// a workbook the sheet to read.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// The sheet of a workbook; `None` picks one by its name or its header.
    pub sheet: Option<&'a str>,
}

impl<'a> Source<'a> {
    pub fn new(name: &'a str, bytes: &'a [u8]) -> Source<'a> {
        Source {
            name,
            bytes,
            sheet: None,
        }
    }

    /// The same file, reading `sheet` of a workbook.
    pub fn sheet(self, sheet: &'a str) -> Source<'a> {
        Source {
            sheet: Some(sheet),
            ..self
        }
    }
}
