//! A swing's page: who swings which way, the figures before and after, the lines it moves, the
//! flags it adds and resolves, and its month-by-month timeline.

use std::borrow::Cow;
use std::collections::BTreeMap;

use pendulum_core::rules::num;
use pendulum_core::stats::round4;
use pendulum_core::{Flag, Snapshot, SwingReport, SwingTo};

use crate::marks::Align;
use crate::text::clean;

use super::diff::{METRIC_COLS, MOVE_COLS, metric_row, move_rows};
use super::flags::{FLAG_COLS, flag_rows};
use super::typeset::{Col, Doc, Row, cell, col};
use super::words::{count, long_date, name_of, plural};

/// A swing report: who swings which way, the figures before and after, the lines it moves,
/// the flags it adds and resolves, and its timeline. Returns its bookmark and page.
pub(super) fn swing_page(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    before: Option<&Snapshot<'_>>,
    r: &SwingReport,
) -> (String, usize) {
    let sw = &r.swing;
    let who = name_of(snap, before, sw.person.as_str());
    let to = match sw.to {
        SwingTo::Manager => "manager",
        SwingTo::Ic => "IC",
    };
    let title = format!("{who} swings to {to}");
    let mut details = vec![format!("on {}", long_date(sw.date))];
    if !sw.reports.is_empty() {
        details.push(format!(
            "taking {}",
            plural(sw.reports.len() as u64, "report", "reports")
        ));
    }
    if let Some(s) = &sw.successor {
        details.push(format!(
            "{} takes the team",
            name_of(snap, before, s.as_str())
        ));
    }
    details.push(format!("figures as of {}", long_date(r.as_of)));
    let at = doc.start_page("Swing", &title, &details.join(" · "));

    doc.heading("Figures before and after");
    let (b, a) = (&r.before, &r.after);
    let figures: [(&str, f64, f64); 7] = [
        ("Headcount", f64::from(b.headcount), f64::from(a.headcount)),
        ("Managers", f64::from(b.managers), f64::from(a.managers)),
        ("ICs", f64::from(b.ics), f64::from(a.ics)),
        ("IC capacity (FTE)", b.ic_capacity, a.ic_capacity),
        ("Mean span", b.mean_span, a.mean_span),
        ("Widest span", f64::from(b.max_span), f64::from(a.max_span)),
        ("Layers", f64::from(b.layers), f64::from(a.layers)),
    ];
    let rows = figures
        .iter()
        .map(|&(label, x, y)| metric_row(label, x, y))
        .collect();
    doc.table(&METRIC_COLS, rows);

    if !r.moves.is_empty() {
        doc.heading(&format!(
            "Reporting lines moved ({})",
            count(r.moves.len() as u64)
        ));
        doc.table(&MOVE_COLS, move_rows(snap, before, &r.moves));
    }
    for (what, list) in [
        ("Flags added", &r.flags_added),
        ("Flags resolved", &r.flags_resolved),
    ] {
        if list.is_empty() {
            continue;
        }
        doc.heading(&format!("{what} ({})", count(list.len() as u64)));
        let refs: Vec<&Flag> = list.iter().collect();
        doc.table(&FLAG_COLS, flag_rows(snap, &refs, false));
    }
    if !r.timeline.is_empty() {
        doc.heading("Timeline: IC capacity and effective FTE by month, without → with the swing");
        let mut names: Vec<&str> = r
            .timeline
            .iter()
            .flat_map(|p| p.workstreams.keys().chain(p.workstreams_before.keys()))
            .map(String::as_str)
            .collect();
        names.sort_unstable();
        names.dedup();
        // Up to four workstreams fit beside the month and IC capacity.
        let shown: Vec<&str> = names.iter().copied().take(4).collect();
        let share = 0.84 / (1 + shown.len()) as f64;
        let mut cols = vec![
            col("Month", 0.16, Align::Start, false),
            col("IC capacity", share, Align::End, false),
        ];
        for w in &shown {
            let name = snap
                .workstream_ix(w)
                .and_then(|i| snap.org().workstreams.get(i as usize))
                .map_or_else(|| (*w).to_owned(), |ws| ws.name.clone());
            cols.push(Col {
                title: Cow::Owned(clean(&name)),
                share,
                align: Align::End,
                wrap: false,
            });
        }
        let change = |x: f64, y: f64| format!("{} → {}", num(round4(x)), num(round4(y)));
        let rows = r
            .timeline
            .iter()
            .map(|p| {
                let mut cells = vec![
                    cell(p.month.as_str()),
                    cell(change(p.ic_capacity_before, p.ic_capacity)),
                ];
                for w in &shown {
                    let get = |m: &BTreeMap<String, f64>| m.get(*w).copied().unwrap_or(0.0);
                    cells.push(cell(change(
                        get(&p.workstreams_before),
                        get(&p.workstreams),
                    )));
                }
                Row::Cells { cells, fill: None }
            })
            .collect();
        doc.table(&cols, rows);
        if names.len() > shown.len() {
            doc.note(&format!(
                "{} more affected workstreams are not shown.",
                count((names.len() - shown.len()) as u64)
            ));
        }
    }
    (title, at)
}
