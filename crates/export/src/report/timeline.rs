//! The "Staffing over time" page (each workstream's effective FTE on the first day of each
//! month, coloured by how it meets what it requires; each team's headcount and IC capacity)
//! and the "Problems ahead" page (every flag that starts or ends within the horizon, by day).

use std::borrow::Cow;

use pendulum_core::rules::num;
use pendulum_core::stats::round4;
use pendulum_core::{Ahead, Date, Snapshot, Staffing, SubjectKind, Timeline};
use rustc_hash::FxHashSet;

use crate::marks::{
    ACCENT_SOFT, Align, ERROR, ERROR_SOFT, INK_2, INK_3, WARNING, WARNING_SOFT, severity_colour,
};

use super::scope::{Scope, scoped_workstreams};
use super::typeset::{Col, Doc, Row, cell, col};
use super::words::{long_date, plural};

/// Months side by side in one table on a landscape page (half as many on a portrait one); a
/// longer horizon continues in another table below.
const MONTHS_PER_TABLE: usize = 12;

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Mar 27".
fn month_label(d: Date) -> String {
    let (y, m, _) = d.ymd();
    let name = MONTH_NAMES
        .get(m.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("");
    format!("{name} {:02}", y.rem_euclid(100))
}

/// "March 2027".
fn month_year(d: Date) -> String {
    long_date(d)
        .split_once(' ')
        .map_or_else(String::new, |(_, rest)| rest.to_owned())
}

/// What of the timeline the report's scope covers: workstreams its teams own or its people
/// hold on the viewed day, its teams, and the problems ahead about those or its people.
struct Covered<'t> {
    workstreams: Vec<&'t pendulum_core::WorkstreamSeries>,
    teams: Vec<&'t pendulum_core::TeamSeries>,
    ahead: Vec<&'t Ahead>,
}

fn covered<'t>(snap: &Snapshot<'_>, scope: &Scope, t: &'t Timeline) -> Covered<'t> {
    // A workstream nothing is asked of and nobody works on over the whole horizon says nothing.
    let busy =
        |w: &&pendulum_core::WorkstreamSeries| w.staffing.iter().any(|s| *s != Staffing::None);
    if scope.whole {
        return Covered {
            workstreams: t.workstreams.iter().filter(busy).collect(),
            teams: t.teams.iter().collect(),
            ahead: t.ahead.iter().collect(),
        };
    }
    let teams = scope.teams(snap);
    let touched = scoped_workstreams(snap, scope, &teams);
    let workstreams: FxHashSet<&str> = snap
        .org()
        .workstreams
        .iter()
        .enumerate()
        .filter(|(w, _)| touched.get(*w).copied().unwrap_or(false))
        .map(|(_, ws)| ws.id.as_str())
        .collect();
    let person = |id: &str| snap.person_ix(id).is_some_and(|p| scope.has(p));
    Covered {
        workstreams: t
            .workstreams
            .iter()
            .filter(|w| {
                workstreams.contains(w.id.as_str())
                    || w.team
                        .as_ref()
                        .is_some_and(|team| teams.contains(team.as_str()))
            })
            .filter(busy)
            .collect(),
        teams: t
            .teams
            .iter()
            .filter(|s| teams.contains(s.id.as_str()))
            .collect(),
        ahead: t
            .ahead
            .iter()
            .filter(|a| match a.subject.kind {
                SubjectKind::Person => person(&a.subject.id),
                SubjectKind::Team => teams.contains(a.subject.id.as_str()),
                SubjectKind::Workstream => workstreams.contains(a.subject.id.as_str()),
            })
            .collect(),
    }
}

/// The month columns of one table, after `lead` columns sharing `lead_share` of the width.
fn month_cols(months: &[Date], lead_share: f64, per_table: usize) -> Vec<Col> {
    let share = (1.0 - lead_share) / per_table as f64;
    months
        .iter()
        .map(|&m| Col {
            title: Cow::Owned(month_label(m)),
            share,
            align: Align::End,
            wrap: false,
        })
        .collect()
}

/// "2" when the workstream requires the same every month it is active, else "1–2".
fn required_range(required: &[f64]) -> String {
    let active: Vec<f64> = required.iter().copied().filter(|r| *r > 0.0).collect();
    let lo = active.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = active.iter().copied().fold(0.0, f64::max);
    if active.is_empty() {
        "—".to_owned()
    } else if lo == hi {
        num(hi)
    } else {
        format!("{}–{}", num(lo), num(hi))
    }
}

fn staffing_cell(effective: f64, staffing: Staffing) -> super::typeset::Cell {
    match staffing {
        Staffing::None => cell("·").colour(INK_3),
        Staffing::Gap => cell(num(round4(effective)))
            .colour(ERROR)
            .bold()
            .fill(ERROR_SOFT),
        Staffing::Tight => cell(num(round4(effective)))
            .colour(WARNING)
            .bold()
            .fill(WARNING_SOFT),
        Staffing::Fine => cell(num(round4(effective))),
        Staffing::Over => cell(num(round4(effective))).colour(INK_2).fill(ACCENT_SOFT),
    }
}

/// The staffing page; returns its first page.
pub(super) fn staffing_pages(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    overload_ratio: f64,
    scope: &Scope,
    t: &Timeline,
) -> usize {
    let c = covered(snap, scope, t);
    let (first, last) = (t.months.first().copied(), t.months.last().copied());
    let span = match (first, last) {
        (Some(a), Some(b)) if a != b => format!("{} to {}", month_year(a), month_year(b)),
        (Some(a), _) => month_year(a),
        _ => String::new(),
    };
    let at = doc.start_page(
        "Staffing over time",
        &format!(
            "Staffing over the next {}",
            plural(t.months.len() as u64, "month", "months")
        ),
        &format!(
            "{span}, on the first day of each month, dated changes included; viewed from {}",
            long_date(t.from)
        ),
    );
    let per_table = if doc.w > doc.h {
        MONTHS_PER_TABLE
    } else {
        MONTHS_PER_TABLE / 2
    };
    for (k, months) in t.months.chunks(per_table).enumerate() {
        let from = k * per_table;
        let range = from..from + months.len();
        doc.heading("Workstreams: effective FTE");
        if c.workstreams.is_empty() {
            doc.note("No workstream requires anything or has anyone on it over these months.");
        } else {
            let mut cols = vec![
                col("Workstream", 0.19, Align::Start, true),
                col("Team", 0.09, Align::Start, true),
                col("Requires", 0.06, Align::End, false),
            ];
            cols.extend(month_cols(months, 0.34, per_table));
            let rows = c
                .workstreams
                .iter()
                .map(|w| {
                    let mut cells = vec![
                        cell(w.name.as_str()).bold(),
                        cell(w.team.as_ref().map_or("—", |t| t.as_str())).colour(INK_2),
                        cell(required_range(
                            w.required.get(range.clone()).unwrap_or_default(),
                        )),
                    ];
                    for m in range.clone() {
                        let e = w.effective.get(m).copied().unwrap_or(0.0);
                        let s = w.staffing.get(m).copied().unwrap_or(Staffing::None);
                        cells.push(staffing_cell(e, s));
                    }
                    Row::Cells { cells, fill: None }
                })
                .collect();
            doc.table(&cols, rows);
        }
        if !c.teams.is_empty() {
            doc.heading("Teams: headcount / IC capacity");
            let mut cols = vec![col("Team", 0.2, Align::Start, true)];
            cols.extend(month_cols(months, 0.2, per_table));
            let rows = c
                .teams
                .iter()
                .map(|s| {
                    let mut cells = vec![cell(s.id.as_str()).bold()];
                    for m in range.clone() {
                        let h = s.headcount.get(m).copied().unwrap_or(0);
                        let ic = s.ic_capacity.get(m).copied().unwrap_or(0.0);
                        cells.push(cell(format!("{h} / {}", num(round4(ic)))));
                    }
                    Row::Cells { cells, fill: None }
                })
                .collect();
            doc.table(&cols, rows);
        }
    }
    doc.note(&format!(
        "Effective FTE is Σ percent × ramp over a workstream's active allocations. Red: a gap \
         (required over effective above {}×, the overload ratio, or nobody on it). Amber: \
         tight (below what it requires). Blue: over (more than {}× what it requires, or people \
         on work that requires none). A dot: nothing required and nobody on it. Teams: present \
         people who are not open roles / Σ fte × ramp over their ICs.",
        num(overload_ratio),
        num(overload_ratio),
    ));
    at
}

/// The problems-ahead page; returns its first page.
pub(super) fn ahead_pages(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    scope: &Scope,
    t: &Timeline,
) -> usize {
    let c = covered(snap, scope, t);
    let end = t.months.last().map_or_else(String::new, |m| month_year(*m));
    let at = doc.start_page(
        "Problems ahead",
        "What changes in the months ahead",
        &format!(
            "{} from {} to the end of {end}, each on the first day the rules show or stop \
             showing it",
            plural(
                c.ahead.len() as u64,
                "flag starts or ends",
                "flags start or end"
            ),
            long_date(t.from)
        ),
    );
    if c.ahead.is_empty() {
        doc.note("No flag starts or ends over these months.");
        return at;
    }
    let rows = c
        .ahead
        .iter()
        .map(|a| {
            let (word, colour) = if a.starts.is_some() {
                ("starts", severity_colour(a.severity))
            } else {
                ("ends", INK_3)
            };
            Row::Cells {
                cells: vec![
                    cell(a.day().to_string()).bold(),
                    cell(word).dot(colour).colour(INK_2),
                    cell(a.rule.as_str()),
                    cell(a.message.as_str()),
                    cell(a.detail.as_str()).colour(INK_2),
                ],
                fill: None,
            }
        })
        .collect();
    doc.table(
        &[
            col("Day", 0.11, Align::Start, false),
            col("", 0.07, Align::Start, false),
            col("Rule", 0.22, Align::Start, true),
            col("What and why", 0.32, Align::Start, true),
            col("The flag", 0.28, Align::Start, true),
        ],
        rows,
    );
    doc.note(
        "Found by running the rules on every day the org changes over these months; each cause \
         is that day's changes bearing on the subject. \"The flag\" is its own message, on the \
         day it starts or the last day it shows.",
    );
    at
}
