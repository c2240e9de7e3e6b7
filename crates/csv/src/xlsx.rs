//! Spreadsheets out: the org as an `.xlsx` workbook (rust_xlsxwriter) whose People, Teams,
//! Workstreams and Allocations sheets the importer reads back into the same org, plus the
//! Workload and Flags reports as of a day.
//!
//! Pay is written only when the org carries it (the caller strips it unless asked): people's
//! cost and the currency, the workload's annual cost, and Bands and Budgets sheets.
//!
//! Each sheet has its header row in bold and frozen, and a filter over its columns. Dates are
//! date cells, FTE and percents are numbers, booleans are booleans, and text is always
//! written as text, never as a formula, so a name such as `=HYPERLINK(…)` stays a name
//! (no escape is needed, unlike CSV). The same org, day and flags give the same bytes: the
//! document's creation time is the report's day, not the clock.

use pendulum_core::cost::{has_cost, workstream_costs};
use pendulum_core::{Date, Flag, Money, Org, Snapshot, SubjectKind};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::export::{
    ALLOCATION_HEADERS, BAND_HEADERS, BUDGET_HEADERS, PEOPLE_HEADERS, PEOPLE_PAY_HEADERS,
    TEAM_HEADERS, WORKLOAD_HEADERS, WORKLOAD_PAY_HEADER, WORKSTREAM_HEADERS,
};

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum XlsxExportError {
    /// Excel holds at most 32,767 characters in a cell.
    #[error(
        "{sheet}!{cell}: {what} is {chars} characters long; a spreadsheet cell holds at most 32767"
    )]
    CellTooLong {
        sheet: &'static str,
        cell: String,
        what: String,
        chars: usize,
    },
    #[error("{sheet}: more than 1,048,575 rows, the most a spreadsheet holds")]
    TooManyRows { sheet: &'static str },
    #[error("the workbook could not be written: {0}")]
    Writer(String),
}

impl From<XlsxError> for XlsxExportError {
    fn from(e: XlsxError) -> XlsxExportError {
        XlsxExportError::Writer(e.to_string())
    }
}

/// The flag sheet's columns.
pub const FLAG_HEADERS: [&str; 5] = ["rule", "severity", "subject_kind", "subject", "message"];

/// Excel's cell limit, in characters.
const MAX_CELL_CHARS: usize = 32_767;
/// Excel's last row, less the header.
const MAX_DATA_ROWS: usize = 1_048_575;

/// One value of a row.
enum Value<'a> {
    Text(&'a str),
    Number(f64),
    Date(Option<Date>),
    Bool(bool),
    /// An amount, written as a number of currency units with two decimals shown.
    Amount(Option<Money>),
}

use Value::{Bool, Number, Text};

fn text_opt(v: Option<&str>) -> Value<'_> {
    Text(v.unwrap_or(""))
}

/// A sheet being written.
struct Sheet<'w> {
    sheet: &'w mut Worksheet,
    name: &'static str,
    columns: u16,
    rows: u32,
    date: &'w Format,
    money: &'w Format,
}

impl<'w> Sheet<'w> {
    fn new(
        book: &'w mut Workbook,
        name: &'static str,
        headers: &[&str],
        formats: &'w Formats,
    ) -> Result<Sheet<'w>, XlsxExportError> {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, col(c), *h, &formats.header)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(Sheet {
            sheet,
            name,
            columns: col(headers.len()),
            rows: 0,
            date: &formats.date,
            money: &formats.money,
        })
    }

    fn row(&mut self, what: &str, values: &[Value<'_>]) -> Result<(), XlsxExportError> {
        if self.rows as usize >= MAX_DATA_ROWS {
            return Err(XlsxExportError::TooManyRows { sheet: self.name });
        }
        self.rows += 1;
        let r = self.rows;
        for (c, v) in values.iter().enumerate() {
            let c = col(c);
            match v {
                Text("") | Value::Date(None) | Value::Amount(None) => {}
                Value::Amount(Some(m)) => {
                    // Cents are exact in an f64 up to 2^53, far beyond any salary.
                    let units = m.cents() as f64 / 100.0;
                    self.sheet
                        .write_number_with_format(r, c, units, self.money)?;
                }
                Text(t) => {
                    let chars = t.chars().count();
                    if chars > MAX_CELL_CHARS {
                        return Err(XlsxExportError::CellTooLong {
                            sheet: self.name,
                            cell: format!(
                                "{}{}",
                                crate::problem::column_letters(u64::from(c) + 1),
                                r + 1
                            ),
                            what: what.to_string(),
                            chars,
                        });
                    }
                    self.sheet.write_string(r, c, *t)?;
                }
                Number(n) => {
                    self.sheet.write_number(r, c, *n)?;
                }
                Bool(b) => {
                    self.sheet.write_boolean(r, c, *b)?;
                }
                Value::Date(Some(d)) => {
                    let (y, m, day) = d.ymd();
                    let cell = u16::try_from(y)
                        .ok()
                        .and_then(|y| ExcelDateTime::from_ymd(y, m as u8, day as u8).ok());
                    match cell {
                        Some(cell) => {
                            self.sheet
                                .write_datetime_with_format(r, c, &cell, self.date)?;
                        }
                        // Excel has no days before 1900: such a date is written as its text.
                        None => {
                            self.sheet.write_string(r, c, d.to_string())?;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<(), XlsxExportError> {
        let last = self.columns.saturating_sub(1);
        self.sheet.autofilter(0, 0, self.rows, last)?;
        self.sheet.autofit();
        Ok(())
    }
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

struct Formats {
    header: Format,
    date: Format,
    money: Format,
}

/// The org as a workbook; the Workload and Flags sheets as of `snapshot`'s day.
pub fn org_xlsx(
    org: &Org,
    snapshot: &Snapshot<'_>,
    flags: &[Flag],
) -> Result<Vec<u8>, XlsxExportError> {
    let mut book = Workbook::new();
    let formats = Formats {
        header: Format::new().set_bold(),
        date: Format::new().set_num_format("yyyy-mm-dd"),
        money: Format::new().set_num_format("#,##0.00"),
    };
    let day = snapshot.as_of();
    let (y, m, d) = day.ymd();
    if let Ok(created) = ExcelDateTime::from_ymd(u16::try_from(y).unwrap_or(2000), m as u8, d as u8)
    {
        book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    }

    let pay = has_cost(org) || org.cost.currency.is_some();
    let currency = org.cost.currency.as_ref().map_or("", |c| c.code());
    let headers: Vec<&str> = if pay {
        PEOPLE_HEADERS
            .iter()
            .chain(&PEOPLE_PAY_HEADERS)
            .copied()
            .collect()
    } else {
        PEOPLE_HEADERS.to_vec()
    };
    let mut people = Sheet::new(&mut book, "People", &headers, &formats)?;
    for p in &org.people {
        let dotted = p
            .dotted_managers
            .iter()
            .map(|d| d.as_str())
            .collect::<Vec<_>>()
            .join(";");
        people.row(
            &format!("a field of person {}", p.id.as_str()),
            &[
                Text(p.id.as_str()),
                Text(&p.name),
                Text(&p.title),
                text_opt(p.manager_id.as_ref().map(|m| m.as_str())),
                text_opt(p.role.map(|r| r.as_str())),
                text_opt(p.team.as_ref().map(|t| t.as_str())),
                text_opt(p.level.as_deref()),
                Text(p.status.as_str()),
                Value::Date(p.start_date),
                Value::Date(p.end_date),
                Number(p.fte),
                text_opt(p.location.as_deref()),
                text_opt(p.email.as_deref()),
                Value::Date(p.role_since),
                Bool(p.assistant),
                Text(&dotted),
                Value::Date(p.reramp_from),
                Value::Amount(p.cost.filter(|_| pay)),
                Text(if pay { currency } else { "" }),
            ],
        )?;
    }
    people.finish()?;

    // Teams have their own sheet, as they have their own CSV, so that a team nobody is in
    // yet comes back too.
    if !org.teams.is_empty() {
        let mut teams = Sheet::new(&mut book, "Teams", &TEAM_HEADERS, &formats)?;
        for t in &org.teams {
            teams.row(
                &format!("team {}", t.id.as_str()),
                &[
                    Text(t.id.as_str()),
                    text_opt(t.lead.as_ref().map(|l| l.as_str())),
                    text_opt(t.kind.map(|k| k.as_str())),
                ],
            )?;
        }
        teams.finish()?;
    }

    let mut workstreams = Sheet::new(&mut book, "Workstreams", &WORKSTREAM_HEADERS, &formats)?;
    for w in &org.workstreams {
        workstreams.row(
            &format!("a field of workstream {}", w.id.as_str()),
            &[
                Text(w.id.as_str()),
                Text(&w.name),
                text_opt(w.team.as_ref().map(|t| t.as_str())),
                Number(w.required_fte),
                Text(w.kind.as_str()),
                Value::Date(w.start_date),
                Value::Date(w.end_date),
                text_opt(w.priority.as_deref()),
            ],
        )?;
    }
    workstreams.finish()?;

    let mut allocations = Sheet::new(&mut book, "Allocations", &ALLOCATION_HEADERS, &formats)?;
    for a in &org.allocations {
        allocations.row(
            "an allocation",
            &[
                Text(a.person.as_str()),
                Text(a.workstream.as_str()),
                Number(a.percent),
                Value::Date(a.start_date),
                Value::Date(a.end_date),
            ],
        )?;
    }
    allocations.finish()?;

    let costs = has_cost(org).then(|| workstream_costs(snapshot));
    let headers: Vec<&str> = WORKLOAD_HEADERS
        .iter()
        .copied()
        .chain(costs.is_some().then_some(WORKLOAD_PAY_HEADER))
        .collect();
    let mut workload = Sheet::new(&mut book, "Workload", &headers, &formats)?;
    for (i, w) in org.workstreams.iter().enumerate() {
        let cost = costs.as_ref().and_then(|c| c.get(i)).map(|c| c.annual);
        let load = u32::try_from(i)
            .map(|i| snapshot.workstream_load(i))
            .unwrap_or_default();
        let ratio = (load.effective_fte > 0.0).then(|| round3(w.required_fte / load.effective_fte));
        workload.row(
            "a workload row",
            &[
                Text(w.id.as_str()),
                Text(&w.name),
                text_opt(w.team.as_ref().map(|t| t.as_str())),
                Text(w.kind.as_str()),
                Number(w.required_fte),
                Number(round3(load.effective_fte)),
                Number(round3(load.allocated_fte)),
                ratio.map_or(Text(""), Number),
                Number(f64::from(load.holders)),
                Value::Amount(cost),
            ],
        )?;
    }
    workload.finish()?;

    if !org.cost.bands.is_empty() {
        let mut bands = Sheet::new(&mut book, "Bands", &BAND_HEADERS, &formats)?;
        for b in &org.cost.bands {
            bands.row(
                "a band",
                &[Text(&b.level), Value::Amount(Some(b.annual_cost))],
            )?;
        }
        bands.finish()?;
    }
    if !org.cost.budgets.is_empty() {
        let mut budgets = Sheet::new(&mut book, "Budgets", &BUDGET_HEADERS, &formats)?;
        for b in &org.cost.budgets {
            budgets.row(
                "a budget",
                &[Text(b.team.as_str()), Value::Amount(Some(b.annual_budget))],
            )?;
        }
        budgets.finish()?;
    }

    let mut sheet = Sheet::new(&mut book, "Flags", &FLAG_HEADERS, &formats)?;
    for f in flags {
        let kind = match f.subject.kind {
            SubjectKind::Person => "person",
            SubjectKind::Team => "team",
            SubjectKind::Workstream => "workstream",
        };
        sheet.row(
            "a flag",
            &[
                Text(f.rule.as_str()),
                Text(f.severity.as_str()),
                Text(kind),
                Text(&f.subject.id),
                Text(&f.message),
            ],
        )?;
    }
    sheet.finish()?;

    Ok(book.save_to_buffer()?)
}

/// A derived figure to three decimals, as the CSV workload report prints it.
fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0 + 0.0
}
