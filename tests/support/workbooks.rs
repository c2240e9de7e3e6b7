//! Workbooks built for tests from CSV tables: an `.xlsx` with typed cells (rust_xlsxwriter),
//! an `.ods` written as the OpenDocument zip it is, and a `;`-separated CSV with decimal
//! commas. Included by path from the crates that test spreadsheet import.

#![allow(dead_code)]

use std::io::Write;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

/// One sheet: its name, header and rows of text as a CSV holds them.
#[derive(Clone, Debug)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// How a column's cells are written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cell {
    Text,
    Number,
    Date,
    Bool,
}

impl Table {
    /// Reads a comma-separated file.
    pub fn from_csv(name: &str, bytes: &[u8]) -> Table {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(bytes);
        let headers = reader
            .headers()
            .expect("a header row")
            .iter()
            .map(str::to_string)
            .collect();
        let rows = reader
            .records()
            .map(|r| {
                r.expect("a CSV record")
                    .iter()
                    .map(str::to_string)
                    .collect()
            })
            .collect();
        Table {
            name: name.to_string(),
            headers,
            rows,
        }
    }

    /// Dates and figures by their canonical headers; everything else is text.
    pub fn kind(&self, column: usize) -> Cell {
        match self.headers.get(column).map(String::as_str) {
            Some("start_date" | "end_date" | "role_since" | "reramp_from") => Cell::Date,
            Some("fte" | "required_fte" | "percent") => Cell::Number,
            Some("assistant") => Cell::Bool,
            _ => Cell::Text,
        }
    }
}

/// An `.xlsx` with one sheet per table: dates as date cells, figures as numbers, and
/// `title` (when given) in a row above the header, with a blank row under it.
pub fn xlsx(tables: &[Table], title: Option<&str>) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(&table.name).expect("a sheet name");
        let first: u32 = if let Some(title) = title {
            sheet.write_string(0, 0, title).expect("title");
            2
        } else {
            0
        };
        for (c, h) in table.headers.iter().enumerate() {
            sheet.write_string(first, c as u16, h).expect("header");
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = first + 1 + r as u32;
            for (c, text) in row.iter().enumerate() {
                if text.is_empty() {
                    continue;
                }
                let c16 = c as u16;
                match table.kind(c) {
                    Cell::Date => {
                        let d = ExcelDateTime::parse_from_str(text).expect("an ISO date");
                        sheet
                            .write_datetime_with_format(r, c16, &d, &date)
                            .expect("date");
                    }
                    Cell::Number => {
                        let v: f64 = text.trim_end_matches('%').parse().expect("a number");
                        sheet.write_number(r, c16, v).expect("number");
                    }
                    Cell::Bool => {
                        sheet.write_boolean(r, c16, text == "true").expect("bool");
                    }
                    Cell::Text => {
                        sheet.write_string(r, c16, text).expect("text");
                    }
                }
            }
        }
    }
    book.save_to_buffer().expect("an xlsx")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Zips OpenDocument parts: `mimetype` first and stored, as the format requires.
pub fn ods_zip(content: &str) -> Vec<u8> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).expect("zip");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .expect("zip");
    zip.start_file("META-INF/manifest.xml", deflated)
        .expect("zip");
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#,
    )
    .expect("zip");
    zip.start_file("content.xml", deflated).expect("zip");
    zip.write_all(content.as_bytes()).expect("zip");
    zip.finish().expect("zip").into_inner()
}

/// The `content.xml` of a spreadsheet whose tables are given as their `<table:table>` XML.
pub fn ods_content(tables: &[String]) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{}</office:spreadsheet></office:body></office:document-content>"#,
        tables.concat()
    )
}

/// An `.ods` with one sheet per table, typed like [`xlsx`]; each row ends with a run of
/// repeated empty cells, as LibreOffice writes them.
pub fn ods(tables: &[Table]) -> Vec<u8> {
    let xml: Vec<String> = tables
        .iter()
        .map(|table| {
            let mut out = format!(r#"<table:table table:name="{}">"#, escape(&table.name));
            let header: Vec<String> = table
                .headers
                .iter()
                .map(|h| {
                    format!(
                        r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                        escape(h)
                    )
                })
                .collect();
            out.push_str(&format!("<table:table-row>{}</table:table-row>", header.concat()));
            for row in &table.rows {
                out.push_str("<table:table-row>");
                for (c, text) in row.iter().enumerate() {
                    let cell = if text.is_empty() {
                        "<table:table-cell/>".to_string()
                    } else {
                        match table.kind(c) {
                            Cell::Date => format!(
                                r#"<table:table-cell office:value-type="date" office:date-value="{t}"><text:p>{t}</text:p></table:table-cell>"#,
                                t = escape(text)
                            ),
                            Cell::Number => format!(
                                r#"<table:table-cell office:value-type="float" office:value="{t}"><text:p>{t}</text:p></table:table-cell>"#,
                                t = escape(text)
                            ),
                            Cell::Bool => format!(
                                r#"<table:table-cell office:value-type="boolean" office:boolean-value="{t}"><text:p>{t}</text:p></table:table-cell>"#,
                                t = escape(text)
                            ),
                            Cell::Text => format!(
                                r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                                escape(text)
                            ),
                        }
                    };
                    out.push_str(&cell);
                }
                out.push_str(r#"<table:table-cell table:number-columns-repeated="1000"/>"#);
                out.push_str("</table:table-row>");
            }
            out.push_str(r#"<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#);
            out.push_str("</table:table>");
            out
        })
        .collect();
    ods_zip(&ods_content(&xml))
}

/// A `;`-separated CSV with decimal commas in the figures, as Excel writes in much of Europe.
pub fn semicolon_csv(table: &Table) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    writer.write_record(&table.headers).expect("csv");
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, text)| match table.kind(c) {
                Cell::Number => text.replace('.', ","),
                _ => text.clone(),
            })
            .collect();
        writer.write_record(&cells).expect("csv");
    }
    writer.into_inner().expect("csv")
}
