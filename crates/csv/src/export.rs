//! Org to CSV, with canonical headers that the importer reads back, and the workload report.
//! Every cell goes through the formula escape (see the crate docs).

use std::fmt::Write as _;

use pendulum_core::cost::{has_cost, workstream_costs};
use pendulum_core::{Date, Money, Org, Snapshot};

use crate::value::escape_formula;

pub const PEOPLE_HEADERS: [&str; 17] = [
    "id",
    "name",
    "title",
    "manager_id",
    "role",
    "team",
    "level",
    "status",
    "start_date",
    "end_date",
    "fte",
    "location",
    "email",
    "role_since",
    "assistant",
    "dotted_managers",
    "reramp_from",
];
pub const TEAM_HEADERS: [&str; 3] = ["name", "lead", "type"];
pub const WORKSTREAM_HEADERS: [&str; 8] = [
    "id",
    "name",
    "team",
    "required_fte",
    "kind",
    "start_date",
    "end_date",
    "priority",
];
pub const ALLOCATION_HEADERS: [&str; 5] =
    ["person", "workstream", "percent", "start_date", "end_date"];
/// `load_ratio` is required / effective FTE (the measure of `workstream-overloaded`), empty
/// when nothing effective is allocated; `people` counts the distinct people on it.
pub const WORKLOAD_HEADERS: [&str; 9] = [
    "id",
    "name",
    "team",
    "kind",
    "required_fte",
    "effective_fte",
    "allocated_fte",
    "load_ratio",
    "people",
];

/// Pay columns of the people file, written after [`PEOPLE_HEADERS`] only when the org
/// carries pay data or a currency: a person's own cost, and the document's currency.
pub const PEOPLE_PAY_HEADERS: [&str; 2] = ["cost", "currency"];
pub const BAND_HEADERS: [&str; 2] = ["level", "annual_cost"];
pub const BUDGET_HEADERS: [&str; 2] = ["team", "annual_budget"];
/// The workload file's pay column, after [`WORKLOAD_HEADERS`] when the org carries pay data.
pub const WORKLOAD_PAY_HEADER: &str = "annual_cost";

/// One row per person, in org order; with pay columns when the org carries pay data.
pub fn people_csv(org: &Org) -> String {
    let pay = has_cost(org) || org.cost.currency.is_some();
    let headers: Vec<&str> = if pay {
        PEOPLE_HEADERS
            .iter()
            .chain(&PEOPLE_PAY_HEADERS)
            .copied()
            .collect()
    } else {
        PEOPLE_HEADERS.to_vec()
    };
    let currency = org.cost.currency.as_ref().map(|c| c.code()).unwrap_or("");
    let mut out = Table::new(&headers);
    for p in &org.people {
        let cost = p.cost.map(money).unwrap_or_default();
        let pay_cells = [cost.as_str(), currency];
        let pay_cells = if pay { &pay_cells[..] } else { &[] };
        out.row(
            [
                p.id.as_str(),
                &p.name,
                &p.title,
                opt(p.manager_id.as_ref().map(|m| m.as_str())),
                opt(p.role.map(|r| r.as_str())),
                opt(p.team.as_ref().map(|t| t.as_str())),
                opt(p.level.as_deref()),
                p.status.as_str(),
                &date(p.start_date),
                &date(p.end_date),
                &exact(p.fte),
                opt(p.location.as_deref()),
                opt(p.email.as_deref()),
                &date(p.role_since),
                if p.assistant { "true" } else { "false" },
                &p.dotted_managers
                    .iter()
                    .map(|d| d.as_str())
                    .collect::<Vec<_>>()
                    .join(";"),
                &date(p.reramp_from),
            ]
            .into_iter()
            .chain(pay_cells.iter().copied()),
        );
    }
    out.finish()
}

/// One row per band, in the document's order.
pub fn bands_csv(org: &Org) -> String {
    let mut out = Table::new(&BAND_HEADERS);
    for b in &org.cost.bands {
        out.row([b.level.as_str(), &money(b.annual_cost)]);
    }
    out.finish()
}

/// One row per budget, in the document's order; team `*` is the whole org.
pub fn budgets_csv(org: &Org) -> String {
    let mut out = Table::new(&BUDGET_HEADERS);
    for b in &org.cost.budgets {
        out.row([b.team.as_str(), &money(b.annual_budget)]);
    }
    out.finish()
}

/// One row per team, in org order.
pub fn teams_csv(org: &Org) -> String {
    let mut out = Table::new(&TEAM_HEADERS);
    for t in &org.teams {
        out.row([
            t.id.as_str(),
            opt(t.lead.as_ref().map(|l| l.as_str())),
            opt(t.kind.map(|k| k.as_str())),
        ]);
    }
    out.finish()
}

/// One row per workstream, in org order.
pub fn workstreams_csv(org: &Org) -> String {
    let mut out = Table::new(&WORKSTREAM_HEADERS);
    for w in &org.workstreams {
        out.row([
            w.id.as_str(),
            &w.name,
            opt(w.team.as_ref().map(|t| t.as_str())),
            &exact(w.required_fte),
            w.kind.as_str(),
            &date(w.start_date),
            &date(w.end_date),
            opt(w.priority.as_deref()),
        ]);
    }
    out.finish()
}

/// One row per allocation, in org order.
pub fn allocations_csv(org: &Org) -> String {
    let mut out = Table::new(&ALLOCATION_HEADERS);
    for a in &org.allocations {
        out.row([
            a.person.as_str(),
            a.workstream.as_str(),
            &exact(a.percent),
            &date(a.start_date),
            &date(a.end_date),
        ]);
    }
    out.finish()
}

/// The workload report as of the snapshot's day: one row per workstream, in org order.
pub fn workload_csv(snapshot: &Snapshot<'_>) -> String {
    let costs = has_cost(snapshot.org()).then(|| workstream_costs(snapshot));
    let headers: Vec<&str> = WORKLOAD_HEADERS
        .iter()
        .copied()
        .chain(costs.is_some().then_some(WORKLOAD_PAY_HEADER))
        .collect();
    let mut out = Table::new(&headers);
    for (i, w) in snapshot.org().workstreams.iter().enumerate() {
        let cost = costs
            .as_ref()
            .and_then(|c| c.get(i))
            .map(|c| money(c.annual));
        let load = u32::try_from(i)
            .map(|i| snapshot.workstream_load(i))
            .unwrap_or_default();
        let ratio = if load.effective_fte > 0.0 {
            fixed(w.required_fte / load.effective_fte)
        } else {
            String::new()
        };
        out.row(
            [
                w.id.as_str(),
                &w.name,
                opt(w.team.as_ref().map(|t| t.as_str())),
                w.kind.as_str(),
                &exact(w.required_fte),
                &fixed(load.effective_fte),
                &fixed(load.allocated_fte),
                &ratio,
                &load.holders.to_string(),
            ]
            .into_iter()
            .chain(cost.as_deref()),
        );
    }
    out.finish()
}

/// An amount as the importer reads it back: whole units, and cents when there are any
/// (`95000`, `95000.50`).
fn money(m: Money) -> String {
    let (sign, abs) = if m.is_negative() {
        ("-", m.cents().unsigned_abs())
    } else {
        ("", m.cents().unsigned_abs())
    };
    match abs % 100 {
        0 => format!("{sign}{}", abs / 100),
        c => format!("{sign}{}.{c:02}", abs / 100),
    }
}

fn opt(v: Option<&str>) -> &str {
    v.unwrap_or("")
}

fn date(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// A stored number in its shortest form that reads back exactly (`0.8`, `1`, never `1e-7`).
fn exact(v: f64) -> String {
    if v == 0.0 {
        "0".to_string()
    } else {
        v.to_string()
    }
}

/// A derived figure to three decimals, trailing zeros dropped (`1.25`, `0.333`, `2`).
fn fixed(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A CSV being written: `\n` line ends, RFC 4180 quoting, the formula escape on every cell.
#[derive(Debug)]
struct Table {
    buf: String,
}

impl Table {
    fn new(headers: &[&str]) -> Table {
        let mut t = Table { buf: String::new() };
        t.row(headers.iter().copied());
        t
    }

    fn row<'c>(&mut self, cells: impl IntoIterator<Item = &'c str>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.buf.push(',');
            }
            write_cell(&mut self.buf, &escape_formula(cell));
        }
        self.buf.push('\n');
    }

    fn finish(self) -> String {
        self.buf
    }
}

/// Quotes a cell when it holds a delimiter, quote or line break, or when the importer would
/// otherwise trim whitespace at its ends.
fn write_cell(buf: &mut String, cell: &str) {
    let needs_quotes = cell.contains([',', '"', '\n', '\r'])
        || cell.starts_with(char::is_whitespace)
        || cell.ends_with(char::is_whitespace);
    if needs_quotes {
        buf.push('"');
        for part in cell.split_inclusive('"') {
            buf.push_str(part);
            if part.ends_with('"') {
                buf.push('"');
            }
        }
        buf.push('"');
    } else {
        let _ = write!(buf, "{cell}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_without_noise() {
        assert_eq!(exact(0.8), "0.8");
        assert_eq!(exact(1.0), "1");
        assert_eq!(exact(-0.0), "0");
        assert_eq!(exact(1e-7), "0.0000001");
        assert_eq!(fixed(0.1 + 0.2), "0.3");
        assert_eq!(fixed(1.0 / 3.0), "0.333");
        assert_eq!(fixed(2.0), "2");
        assert_eq!(fixed(-0.0001), "0");
    }

    #[test]
    fn quotes_what_needs_it() {
        let mut buf = String::new();
        for cell in ["plain", "a,b", "say \"hi\"", " pad", "line\nbreak", ""] {
            write_cell(&mut buf, cell);
            buf.push('|');
        }
        assert_eq!(
            buf,
            "plain|\"a,b\"|\"say \"\"hi\"\"\"|\" pad\"|\"line\nbreak\"||"
        );
    }
}
