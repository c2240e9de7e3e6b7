//! The workload table: active workstreams the scope touches, unstaffed first, then by load.

use pendulum_core::rules::num;
use pendulum_core::stats::round4;
use pendulum_core::{RuleConfig, Snapshot, Workstream, WorkstreamLoad};

use crate::marks::{Align, ERROR, ERROR_SOFT, INK_2, INK_3, WARNING, WARNING_SOFT};

use super::scope::{Scope, scoped_workstreams};
use super::typeset::{Doc, Row, cell, col};
use super::words::{count, long_date, plural};

/// The workload section; returns its first page.
pub(super) fn workload_pages(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    config: &RuleConfig,
    scope: &Scope,
) -> usize {
    let org = snap.org();
    let teams = scope.teams(snap);
    let touched = scoped_workstreams(snap, scope, &teams);
    // (workstream, load): unstaffed first, then heaviest load, then by team and name.
    let mut shown = Vec::new();
    let mut inactive = 0u64;
    for (w, ws) in org.workstreams.iter().enumerate() {
        if !touched.get(w).copied().unwrap_or(false) {
            continue;
        }
        let load = snap.workstream_load(w as u32);
        if !load.active {
            inactive += 1;
            continue;
        }
        shown.push((ws, load));
    }
    let key = |ws: &Workstream, l: &WorkstreamLoad| -> (u8, f64) {
        if ws.required_fte > 0.0 && l.active_allocations == 0 {
            (0, 0.0)
        } else if ws.required_fte > 0.0 && l.effective_fte > 0.0 {
            (1, -(ws.required_fte / l.effective_fte))
        } else {
            (2, 0.0)
        }
    };
    shown.sort_by(|(a, la), (b, lb)| {
        let (ka, kb) = (key(a, la), key(b, lb));
        ka.0.cmp(&kb.0)
            .then(ka.1.total_cmp(&kb.1))
            .then_with(|| a.team.cmp(&b.team))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    let at = doc.start_page(
        "Workload",
        "Workstreams and their staffing",
        &format!(
            "{} active on {}; load is required FTE over effective FTE (ramp included)",
            plural(shown.len() as u64, "workstream", "workstreams"),
            long_date(snap.as_of())
        ),
    );
    if shown.is_empty() {
        doc.note("No workstream is active on this date.");
        return at;
    }
    let rows = shown
        .iter()
        .map(|(ws, l)| {
            let unstaffed = ws.required_fte > 0.0 && l.active_allocations == 0;
            let ratio = (ws.required_fte > 0.0 && l.effective_fte > 0.0)
                .then(|| ws.required_fte / l.effective_fte);
            let over = ratio.is_some_and(|r| r > config.overload_ratio);
            let load = if unstaffed {
                cell("unstaffed").colour(ERROR).bold()
            } else if let Some(r) = ratio {
                let c = cell(format!("{r:.2}×"));
                if over { c.colour(WARNING).bold() } else { c }
            } else if ws.required_fte > 0.0 {
                cell("no effective FTE yet").colour(WARNING).bold()
            } else {
                cell("—").colour(INK_3)
            };
            Row::Cells {
                cells: vec![
                    cell(ws.name.as_str()).bold(),
                    cell(ws.team.as_ref().map_or("—", |t| t.as_str())),
                    cell(ws.kind.as_str()).colour(INK_2),
                    cell(ws.priority.as_deref().unwrap_or("—")).colour(INK_2),
                    cell(num(ws.required_fte)),
                    cell(num(round4(l.effective_fte))),
                    load,
                    cell(count(l.holders)),
                ],
                fill: if unstaffed {
                    Some(ERROR_SOFT)
                } else if over {
                    Some(WARNING_SOFT)
                } else {
                    None
                },
            }
        })
        .collect();
    doc.table(
        &[
            col("Workstream", 0.27, Align::Start, true),
            col("Team", 0.16, Align::Start, true),
            col("Kind", 0.1, Align::Start, false),
            col("Priority", 0.08, Align::Start, false),
            col("Required", 0.1, Align::End, false),
            col("Effective", 0.1, Align::End, false),
            col("Load", 0.12, Align::End, false),
            col("People", 0.07, Align::End, false),
        ],
        rows,
    );
    doc.note(&format!(
        "Red: required FTE but no active allocation. Amber: load above {}× (the overload ratio).{}",
        num(config.overload_ratio),
        if inactive > 0 {
            format!(
                " {} not active on this date are not listed.",
                plural(inactive, "workstream is", "workstreams are")
            )
        } else {
            String::new()
        }
    ));
    at
}
