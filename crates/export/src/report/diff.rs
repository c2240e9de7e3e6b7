//! A scenario's pages: its figures before and after, the people it adds and removes, the
//! reporting lines it moves, the fields it changes and the flags it adds and resolves; and the
//! tables the swing pages share with them.

use std::cmp::Ordering;

use pendulum_core::rules::num;
use pendulum_core::stats::round4;
use pendulum_core::{Flag, Move, PersonId, Snapshot};

use crate::ScenarioSection;
use crate::marks::{Align, INK_2, INK_3};
use crate::text::clean;

use super::flags::{FLAG_COLS, flag_rows};
use super::typeset::{Col, Doc, Row, cell, col};
use super::words::{count, name_of, plural};

/// A figure's name, from its key in [`pendulum_core::Stats::metrics`] or a flag count.
fn metric_label(key: &str) -> String {
    match key {
        "headcount" => "Headcount".into(),
        "managers" => "Managers".into(),
        "ics" => "ICs".into(),
        "open_roles" => "Open roles".into(),
        "ic_capacity" => "IC capacity (FTE)".into(),
        "mean_span" => "Mean span".into(),
        "max_span" => "Widest span".into(),
        "layers" => "Layers".into(),
        "errors" => "Errors".into(),
        "warnings" => "Warnings".into(),
        "info" => "Info flags".into(),
        other => other.replace('_', " "),
    }
}

pub(super) const METRIC_COLS: [Col; 4] = [
    col("Figure", 0.4, Align::Start, false),
    col("Before", 0.2, Align::End, false),
    col("After", 0.2, Align::End, false),
    col("Change", 0.2, Align::End, false),
];

/// A figure before and after, with its change.
pub(super) fn metric_row(label: &str, b: f64, a: f64) -> Row {
    let delta = round4(a - b);
    let change = match delta.partial_cmp(&0.0) {
        Some(Ordering::Greater) => cell(format!("+{}", num(delta))).bold(),
        Some(Ordering::Less) => cell(num(delta)).bold(),
        _ => cell("no change").colour(INK_3),
    };
    Row::Cells {
        cells: vec![cell(label), cell(num(b)), cell(num(a)), change],
        fill: None,
    }
}

pub(super) const MOVE_COLS: [Col; 3] = [
    col("Person", 0.34, Align::Start, true),
    col("Reported to", 0.33, Align::Start, true),
    col("Now reports to", 0.33, Align::Start, true),
];

/// One row per moved reporting line, people named from either view.
pub(super) fn move_rows(
    snap: &Snapshot<'_>,
    before: Option<&Snapshot<'_>>,
    moves: &[Move],
) -> Vec<Row> {
    let who = |id: &Option<PersonId>| {
        id.as_ref().map_or_else(
            || "nobody (a root)".to_owned(),
            |m| name_of(snap, before, m.as_str()),
        )
    };
    moves
        .iter()
        .map(|m| Row::Cells {
            cells: vec![
                cell(name_of(snap, before, m.person.as_str())).bold(),
                cell(who(&m.from)),
                cell(who(&m.to)),
            ],
            fill: None,
        })
        .collect()
}

/// The scenario section; returns its first page.
pub(super) fn scenario_pages(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    sc: &ScenarioSection<'_>,
) -> usize {
    let d = sc.diff;
    let at = doc.start_page(
        "Scenario",
        &format!(
            "Scenario “{}” compared with {}",
            clean(sc.name),
            clean(sc.compared_with)
        ),
        &format!(
            "{} added, {} removed, {} moved, {} changed; {} new, {} resolved",
            count(d.added.len() as u64),
            count(d.removed.len() as u64),
            count(d.moved.len() as u64),
            plural(d.changed.len() as u64, "field", "fields"),
            plural(d.flags_added.len() as u64, "flag", "flags"),
            count(d.flags_resolved.len() as u64),
        ),
    );
    doc.heading("Figures before and after");
    let rows = d
        .metrics
        .iter()
        .map(|(k, &[b, a])| metric_row(&metric_label(k), b, a))
        .collect();
    doc.table(&METRIC_COLS, rows);
    let people_cols = [
        col("Person", 0.5, Align::Start, true),
        col("Title", 0.5, Align::Start, true),
    ];
    let title_of = |s: &Snapshot<'_>, id: &str| {
        s.person_ix(id)
            .map(|p| s.person(p).title.clone())
            .unwrap_or_default()
    };
    if !d.added.is_empty() {
        doc.heading(&format!("People added ({})", count(d.added.len() as u64)));
        let rows = d
            .added
            .iter()
            .map(|id| Row::Cells {
                cells: vec![
                    cell(name_of(snap, None, id.as_str())).bold(),
                    cell(title_of(snap, id.as_str())),
                ],
                fill: None,
            })
            .collect();
        doc.table(&people_cols, rows);
    }
    if !d.removed.is_empty() {
        doc.heading(&format!(
            "People removed ({})",
            count(d.removed.len() as u64)
        ));
        let rows = d
            .removed
            .iter()
            .map(|id| Row::Cells {
                cells: vec![
                    cell(name_of(snap, sc.before, id.as_str())).bold(),
                    cell(
                        sc.before
                            .map(|b| title_of(b, id.as_str()))
                            .unwrap_or_default(),
                    ),
                ],
                fill: None,
            })
            .collect();
        doc.table(&people_cols, rows);
    }
    if !d.moved.is_empty() {
        doc.heading(&format!(
            "Reporting lines moved ({})",
            count(d.moved.len() as u64)
        ));
        doc.table(&MOVE_COLS, move_rows(snap, sc.before, &d.moved));
    }
    if !d.changed.is_empty() {
        doc.heading(&format!(
            "Fields changed ({})",
            count(d.changed.len() as u64)
        ));
        let rows = d
            .changed
            .iter()
            .map(|c| Row::Cells {
                cells: vec![
                    cell(name_of(snap, sc.before, c.person.as_str())).bold(),
                    cell(c.field.replace('_', " ")),
                    cell(c.old.to_string()).colour(INK_2),
                    cell(c.new.to_string()),
                ],
                fill: None,
            })
            .collect();
        doc.table(
            &[
                col("Person", 0.3, Align::Start, true),
                col("Field", 0.14, Align::Start, false),
                col("Was", 0.28, Align::Start, true),
                col("Now", 0.28, Align::Start, true),
            ],
            rows,
        );
    }
    for (what, list) in [
        ("Flags added", &d.flags_added),
        ("Flags resolved", &d.flags_resolved),
    ] {
        if list.is_empty() {
            continue;
        }
        doc.heading(&format!("{what} ({})", count(list.len() as u64)));
        let refs: Vec<&Flag> = list.iter().collect();
        doc.table(&FLAG_COLS, flag_rows(snap, &refs, false));
    }
    if d.is_empty() {
        doc.note("The scenario changes nothing.");
    }
    at
}
