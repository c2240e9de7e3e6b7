//! Spreadsheets and CSV dialects in (RELIABILITY X1): the same org from CSV, `;`-CSV with
//! decimal commas, `.xlsx` with a title row and `.ods`; typed cells (dates, serials,
//! percent formats, formulas' cached values); malformed workbooks refused with the sheet and
//! cell named; hostile zips refused before anything is unpacked; a 1,048,576-row sheet read
//! to its end.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use std::io::Write;

use pendulum_core::Org;
use pendulum_csv::{ImportErrors, ImportRequest, Imported, Source, import, preview};
use rust_xlsxwriter::{Format, Formula, Workbook};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

#[path = "../../../../tests/support/workbooks.rs"]
mod workbooks;

use workbooks::{Table, ods, ods_content, ods_zip, semicolon_csv, xlsx};

fn demo(file: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../assets/demo")
        .join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn demo_tables() -> Vec<Table> {
    [
        ("People", "people.csv"),
        ("Workstreams", "workstreams.csv"),
        ("Allocations", "allocations.csv"),
    ]
    .iter()
    .map(|(sheet, file)| Table::from_csv(sheet, &demo(file)))
    .collect()
}

fn demo_org() -> Org {
    let (p, w, a) = (
        demo("people.csv"),
        demo("workstreams.csv"),
        demo("allocations.csv"),
    );
    let req = ImportRequest {
        people: Source::new("people.csv", &p),
        teams: None,
        workstreams: Some(Source::new("workstreams.csv", &w)),
        allocations: Some(Source::new("allocations.csv", &a)),
        bands: None,
        budgets: None,
    };
    import(&req)
        .map(|i| i.org)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// One workbook, its other sheets found by name.
fn workbook(name: &str, bytes: &[u8]) -> Result<Imported, ImportErrors> {
    import(&ImportRequest::people(Source::new(name, bytes)))
}

fn refused(name: &str, bytes: &[u8]) -> ImportErrors {
    match workbook(name, bytes) {
        Ok(i) => panic!(
            "{name} should be refused, imported {} people",
            i.org.people.len()
        ),
        Err(e) => e,
    }
}

#[test]
fn the_demo_reads_the_same_from_csv_semicolons_xlsx_and_ods() {
    let expected = demo_org();
    let tables = demo_tables();

    let book = xlsx(
        &tables,
        Some("Larkspur engineering — HR export of 1 March 2027"),
    );
    let got = workbook("larkspur.xlsx", &book).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.org, expected, "xlsx");
    let people = &got.mappings[0];
    assert_eq!(people.sheet.as_deref(), Some("People"));
    assert_eq!(
        people.header_row,
        Some(3),
        "the header is found below the title"
    );
    assert_eq!(people.sheets, ["People", "Workstreams", "Allocations"]);
    assert_eq!(got.mappings.len(), 3, "the other sheets are read by name");

    let book = ods(&tables);
    let got = workbook("larkspur.ods", &book).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.org, expected, "ods");

    let files: Vec<Vec<u8>> = tables.iter().map(semicolon_csv).collect();
    assert!(
        String::from_utf8_lossy(&files[0]).contains(";0,8;"),
        "the fixture has decimal commas"
    );
    let req = ImportRequest {
        people: Source::new("people.csv", &files[0]),
        teams: None,
        workstreams: Some(Source::new("workstreams.csv", &files[1])),
        allocations: Some(Source::new("allocations.csv", &files[2])),
        bands: None,
        budgets: None,
    };
    let got = import(&req).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.org, expected, ";-CSV");
    assert!(got.mappings[0].format.contains("semicolon"));
}

#[test]
fn typed_cells_read_as_a_csv_would_hold_them() {
    let mut book = Workbook::new();
    let percent = Format::new().set_num_format("0%");
    let people = book.add_worksheet();
    people.set_name("Employees").unwrap();
    for (c, h) in [
        "Employee ID",
        "First Name",
        "Last Name",
        "Hire Date",
        "Manager ID",
        "FTE",
    ]
    .iter()
    .enumerate()
    {
        people.write_string(0, c as u16, *h).unwrap();
    }
    // Ids typed as numbers, a hire date as a plain serial, a name from a formula, FTE as 80%.
    people.write_number(1, 0, 1001).unwrap();
    people.write_string(1, 1, "Ann").unwrap();
    people.write_string(1, 2, "Lee").unwrap();
    people.write_number(1, 3, 46082).unwrap();
    people.write_number(2, 0, 1002).unwrap();
    people
        .write_formula(2, 1, Formula::new("=UPPER(\"bo\")").set_result("BO"))
        .unwrap();
    people.write_string(2, 2, "Wu").unwrap();
    people.write_number(2, 4, 1001).unwrap();
    people
        .write_number_with_format(2, 5, 0.8, &percent)
        .unwrap();
    let alloc = book.add_worksheet();
    alloc.set_name("Assignments").unwrap();
    for (c, h) in ["Employee ID", "Project", "Allocation"].iter().enumerate() {
        alloc.write_string(0, c as u16, *h).unwrap();
    }
    alloc.write_number(1, 0, 1002).unwrap();
    alloc.write_string(1, 1, "ws-a").unwrap();
    alloc.write_number_with_format(1, 2, 0.5, &percent).unwrap();
    let ws = book.add_worksheet();
    ws.set_name("Projects").unwrap();
    ws.write_string(0, 0, "Project ID").unwrap();
    ws.write_string(1, 0, "ws-a").unwrap();
    let bytes = book.save_to_buffer().unwrap();

    let got = workbook("hr.xlsx", &bytes).unwrap_or_else(|e| panic!("{e}"));
    let org = got.org;
    let ann = &org.people[0];
    assert_eq!(ann.id.as_str(), "1001");
    assert_eq!(ann.name, "Ann Lee");
    assert_eq!(
        ann.start_date.map(|d| d.to_string()).as_deref(),
        Some("2026-03-01")
    );
    let bo = &org.people[1];
    assert_eq!(bo.name, "BO Wu", "a formula gives its cached value");
    assert_eq!(bo.manager_id.as_ref().map(|m| m.as_str()), Some("1001"));
    assert_eq!(bo.fte, 0.8, "80% is a fraction of a full week");
    assert_eq!(org.workstreams.len(), 1);
    assert_eq!(org.allocations[0].percent, 50.0, "a 50% cell is 50 percent");
}

#[test]
fn problems_name_the_sheet_cell_and_header() {
    let mut tables = demo_tables();
    let start = tables[0]
        .headers
        .iter()
        .position(|h| h == "start_date")
        .unwrap();
    tables[0].rows[2][start] = "next spring".into();
    tables[0].headers[start] = "Hire Date".into();
    // Written as text: a date column with text in it.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("People").unwrap();
    for (c, h) in tables[0].headers.iter().enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    for (r, row) in tables[0].rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, text).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let e = refused("hr.xlsx", &bytes);
    let first = e.errors[0].to_string();
    let column = pendulum_csv::column_letters(start as u64 + 1);
    assert_eq!(
        first,
        format!(
            "hr.xlsx: People!{column}4 (Hire Date): expected a date as YYYY-MM-DD (or an ISO timestamp), found \"next spring\""
        )
    );
    assert_eq!(e.errors[0].sheet.as_deref(), Some("People"));
}

#[test]
fn a_merged_header_is_refused() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("People").unwrap();
    sheet.write_string(0, 0, "id").unwrap();
    sheet
        .merge_range(0, 1, 0, 2, "Name", &Format::new())
        .unwrap();
    sheet.write_string(0, 3, "manager_id").unwrap();
    for (c, v) in ["1", "Ann", "Lee", ""].iter().enumerate() {
        sheet.write_string(1, c as u16, *v).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let e = refused("merged.xlsx", &bytes);
    assert_eq!(e.errors.len(), 1, "{e}");
    let message = e.errors[0].to_string();
    assert!(
        message.starts_with("merged.xlsx: People!B1 (Name): the header row has merged cells B1:C1"),
        "{message}"
    );
}

#[test]
fn merged_cells_below_the_header_read_as_their_value() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("People").unwrap();
    for (c, h) in ["id", "name", "team"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (id, name)) in [("1", "Ann"), ("2", "Bo"), ("3", "Cy")].iter().enumerate() {
        sheet.write_string(r as u32 + 1, 0, *id).unwrap();
        sheet.write_string(r as u32 + 1, 1, *name).unwrap();
    }
    sheet
        .merge_range(1, 2, 3, 2, "Payments", &Format::new())
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let org = workbook("teams.xlsx", &bytes)
        .unwrap_or_else(|e| panic!("{e}"))
        .org;
    let teams: Vec<Option<&str>> = org
        .people
        .iter()
        .map(|p| p.team.as_ref().map(|t| t.0.as_str()))
        .collect();
    assert_eq!(teams, [Some("Payments"); 3]);
}

#[test]
fn the_wrong_sheet_is_explained() {
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "Budget").unwrap();
    notes.write_string(0, 1, "Owner").unwrap();
    notes.write_string(1, 0, "12").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let e = refused("notes.xlsx", &bytes);
    let text = e.to_string();
    assert!(
        text.contains("notes.xlsx: Notes: no id column") && text.contains("found Budget, Owner"),
        "{text}"
    );

    let e = import(&ImportRequest::people(
        Source::new("notes.xlsx", &bytes).sheet("Staff"),
    ))
    .unwrap_err();
    assert_eq!(
        e.errors[0].to_string(),
        "notes.xlsx: the workbook has no sheet \"Staff\"; its sheets are \"Notes\""
    );

    // Asked by name, matched like a header.
    let tables = demo_tables();
    let book = xlsx(&tables[..1], None);
    let got = import(&ImportRequest::people(
        Source::new("x.xlsx", &book).sheet("people"),
    ));
    assert!(got.is_ok());
}

#[test]
fn the_people_sheet_is_found_by_its_header() {
    let mut tables = demo_tables();
    tables[0].name = "Sheet1".into();
    let mut notes = Table {
        name: "Read me".into(),
        headers: vec!["About".into()],
        rows: vec![vec!["exported by HR".into()]],
    };
    notes.rows.push(vec!["monthly".into()]);
    let book = xlsx(&[notes, tables[0].clone()], None);
    let got = workbook("hr.xlsx", &book).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.mappings[0].sheet.as_deref(), Some("Sheet1"));
    assert_eq!(got.org.people.len(), demo_org().people.len());
}

// ---------------------------------------------------------------------------------------
// Hand-made xlsx, for sizes and damage no spreadsheet writer would produce.

/// A minimal xlsx whose one sheet, "People", has the XML `rows` writes.
fn raw_xlsx(rows: impl FnOnce(&mut dyn Write)) -> Vec<u8> {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(false);
    let parts: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#)
        .unwrap();
    rows(&mut zip);
    zip.write_all(b"</sheetData></worksheet>").unwrap();
    zip.finish().unwrap().into_inner()
}

fn text_cell(out: &mut dyn Write, reference: &str, text: &str) {
    write!(
        out,
        r#"<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>"#
    )
    .unwrap();
}

/// Excel's last row.
const LAST_ROW: u32 = 1_048_576;

#[test]
fn a_sheet_to_the_last_row_is_read_to_its_end() {
    // Every row has an id and no name: each is an error, listed up to the cap and counted.
    let bytes = raw_xlsx(|out| {
        out.write_all(b"<row r=\"1\">").unwrap();
        text_cell(out, "A1", "id");
        text_cell(out, "B1", "name");
        out.write_all(b"</row>").unwrap();
        for r in 2..=LAST_ROW {
            write!(out, "<row r=\"{r}\">").unwrap();
            text_cell(out, &format!("A{r}"), &format!("p{r}"));
            out.write_all(b"</row>").unwrap();
        }
    });
    let e = refused("huge.xlsx", &bytes);
    assert_eq!(e.errors.len() + e.more, (LAST_ROW - 1) as usize);
    assert_eq!(
        e.errors[0].to_string(),
        "huge.xlsx: People!B2 (name): the name is empty; every person needs one"
    );
    assert_eq!(e.mappings[0].records, u64::from(LAST_ROW - 1));
}

#[test]
fn formulas_filled_down_to_the_last_row_are_blank_rows() {
    let bytes = raw_xlsx(|out| {
        out.write_all(b"<row r=\"1\">").unwrap();
        text_cell(out, "A1", "id");
        text_cell(out, "B1", "name");
        out.write_all(b"</row>").unwrap();
        for r in 2..=LAST_ROW {
            write!(out, "<row r=\"{r}\">").unwrap();
            if r <= 4 {
                text_cell(out, &format!("A{r}"), &format!("p{r}"));
                text_cell(out, &format!("B{r}"), "Someone");
            }
            write!(
                out,
                r#"<c r="C{r}" t="str"><f>IF(A{r}="","",1)</f><v></v></c>"#
            )
            .unwrap();
            out.write_all(b"</row>").unwrap();
        }
    });
    let got = workbook("filled.xlsx", &bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(got.org.people.len(), 3);
}

/// Sets the declared unpacked size of a part in both zip headers.
fn declare_size(mut zip: Vec<u8>, part: &str, size: u32) -> Vec<u8> {
    let name = part.as_bytes();
    let mut at = 0;
    while let Some(i) = zip
        .get(at..)
        .and_then(|rest| rest.windows(name.len()).position(|w| w == name))
    {
        let name_at = at + i;
        // Local header: name at 30, size at 22; central header: name at 46, size at 24.
        for (name_offset, size_offset) in [(30usize, 22usize), (46, 24)] {
            if let Some(start) = name_at.checked_sub(name_offset) {
                let magic: &[u8] = if name_offset == 30 {
                    b"PK\x03\x04"
                } else {
                    b"PK\x01\x02"
                };
                if zip.get(start..start + 4) == Some(magic) {
                    zip[start + size_offset..start + size_offset + 4]
                        .copy_from_slice(&size.to_le_bytes());
                }
            }
        }
        at = name_at + name.len();
    }
    zip
}

#[test]
fn zip_bombs_are_refused_before_unpacking() {
    let book = xlsx(&demo_tables()[..1], None);
    let bomb = declare_size(book.clone(), "xl/worksheets/sheet1.xml", 0xF000_0000);
    let e = refused("bomb.xlsx", &bomb);
    assert!(
        e.errors[0]
            .to_string()
            .contains("would unpack to 4026531840 bytes"),
        "{e}"
    );
    // A part that unpacks past what it declares is stopped at the declared size.
    let liar = declare_size(book, "xl/worksheets/sheet1.xml", 100);
    let e = refused("liar.xlsx", &liar);
    assert!(e.errors[0].to_string().starts_with("liar.xlsx: "), "{e}");
}

#[test]
fn an_absurd_shared_string_count_is_refused() {
    let book = xlsx(&demo_tables()[..1], None);
    // rust_xlsxwriter declares the count in the first bytes of the part, stored compressed;
    // rewrite the part with an absurd count instead.
    let mut source = zip::ZipArchive::new(std::io::Cursor::new(&book)).unwrap();
    let mut out = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..source.len() {
        let mut part = source.by_index(i).unwrap();
        let name = part.name().unwrap().into_owned();
        let mut text = Vec::new();
        std::io::Read::read_to_end(&mut part, &mut text).unwrap();
        if name == "xl/sharedStrings.xml" {
            let s = String::from_utf8(text).unwrap();
            let at = s.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
            let end = at + s[at..].find('"').unwrap();
            text = format!("{}99999999999{}", &s[..at], &s[end..]).into_bytes();
        }
        out.start_file(name, SimpleFileOptions::default()).unwrap();
        out.write_all(&text).unwrap();
    }
    let bytes = out.finish().unwrap().into_inner();
    let e = refused("strings.xlsx", &bytes);
    assert!(
        e.to_string()
            .contains("declares 99999999999 shared strings"),
        "{e}"
    );
}

#[test]
fn an_ods_of_millions_of_repeated_cells_is_refused() {
    let table = format!(
        r#"<table:table table:name="People"><table:table-row><table:table-cell office:value-type="string"><text:p>id</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>name</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="{LAST_ROW}"><table:table-cell table:number-columns-repeated="100" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#
    );
    let bytes = ods_zip(&ods_content(&[table]));
    let e = refused("repeated.ods", &bytes);
    assert!(
        e.to_string()
            .contains("sheet \"People\" spans more than 5000000 cells"),
        "{e}"
    );
}

#[test]
fn not_a_workbook_is_said_so() {
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("word/document.xml", SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"<doc/>").unwrap();
    let docx = zip.finish().unwrap().into_inner();
    let e = refused("letter.xlsx", &docx);
    assert!(e.to_string().contains("not a workbook"), "{e}");
    let e = refused("trunc.xlsx", b"PK\x03\x04 not really a zip");
    assert!(e.to_string().contains("zip container is damaged"), "{e}");
    let mut cfb = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    cfb.resize(700, 0);
    let e = refused("old.xls", &cfb);
    assert!(
        e.to_string()
            .contains("not a readable Excel 97-2003 workbook"),
        "{e}"
    );
}

#[test]
fn the_preview_lists_the_sheets() {
    let book = xlsx(&demo_tables(), None);
    let p = preview(&ImportRequest::people(Source::new("org.xlsx", &book)));
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(
        p.mappings[0].sheets,
        ["People", "Workstreams", "Allocations"]
    );
    assert_eq!(p.mappings[0].format, "Excel workbook (.xlsx)");
    assert_eq!(p.allocations, demo_org().allocations.len());
}

/// A workbook of `tests/fixtures/sheets`: the demo org as LibreOffice saved it from the
/// `.xlsx` above (title row included).
fn saved_by_libreoffice(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/sheets")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn workbooks_saved_by_libreoffice_read_the_same() {
    // The fixtures were saved before the demo carried pay.
    let mut expected = demo_org();
    for person in &mut expected.people {
        person.cost = None;
    }
    for name in ["larkspur.ods", "larkspur.xls"] {
        let bytes = saved_by_libreoffice(name);
        let got = workbook(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got.org, expected, "{name}");
        assert_eq!(got.mappings[0].header_row, Some(3), "{name}");
    }
}

#[test]
fn an_xls_declaring_billions_of_cells_is_refused() {
    let mut bytes = saved_by_libreoffice("larkspur.xls");
    // DIMENSIONS (0x0200, 14 bytes): first row, last row + 1 (u32), first column, last + 1.
    let at = bytes
        .windows(4)
        .position(|w| w == [0x00, 0x02, 0x0E, 0x00])
        .expect("a DIMENSIONS record");
    bytes[at + 8..at + 12].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    let e = refused("dims.xls", &bytes);
    assert!(
        e.to_string().contains("spans more than 5000000 cells"),
        "{e}"
    );
    // A last row before the first: calamine would count rows backwards.
    bytes[at + 4..at + 8].copy_from_slice(&0x10u32.to_le_bytes());
    bytes[at + 8..at + 12].copy_from_slice(&0x02u32.to_le_bytes());
    let e = refused("dims.xls", &bytes);
    assert!(
        e.to_string().contains("dimensions end before they start"),
        "{e}"
    );
}

#[test]
fn a_workbook_brings_its_bands_and_budgets_sheets() {
    let tables = [
        ("People", demo("people.csv")),
        ("Pay bands", demo("bands.csv")),
        ("Budgets", demo("budgets.csv")),
    ]
    .map(|(sheet, bytes)| Table::from_csv(sheet, &bytes));
    let got = workbook("pay.xlsx", &xlsx(&tables, None)).unwrap_or_else(|e| panic!("{e}"));
    let cost = &got.org.cost;
    assert_eq!(cost.bands.len(), 9);
    assert_eq!(cost.budgets.len(), 2);
    assert_eq!(
        cost.currency.as_ref().map(ToString::to_string),
        Some("EUR".into())
    );
    let zoe = got
        .org
        .people
        .iter()
        .find(|p| p.id.as_str() == "p-zoe")
        .unwrap();
    assert_eq!(zoe.cost.map(|c| c.cents()), Some(14_980_050));
}
