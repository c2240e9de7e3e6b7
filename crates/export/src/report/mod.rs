//! The report's pages as marks: the title page, the chart, the summary, flags and workload
//! pages, the staffing-over-time and problems-ahead pages when a timeline is given, the cost
//! page when pay was asked for and, for a scenario, its diff and swing pages; with footers,
//! links and the outline.
//!
//! `typeset.rs` flows headings, notes and tables over pages; `scope.rs` says who the report
//! covers; `paging.rs` splits the chart over pages by subtree; each page kind has its own
//! file; `poster.rs` makes the one-page poster instead of the report. Figures (headcount, spans, layers) come from core's `Stats`, never computed here.

mod chart;
mod cost;
mod diff;
mod flags;
mod outline;
#[cfg(test)]
mod packing_tests;
mod paging;
mod poster;
mod scope;
mod sheets;
mod summary;
mod swing;
mod tiles;
mod timeline;
mod title;
mod typeset;
mod words;
mod workload;

use pendulum_core::stats::people_per_layer;
use pendulum_core::{Stats, SwingReport};

use crate::marks::Mark;
use crate::text::clean;
use crate::{ExportError, PdfOptions, ReportInput};

pub(crate) use chart::ChartTally;
pub(crate) use outline::OutlineItem;
use outline::Sections;
use scope::{Scope, scoped_flags};
use typeset::{Doc, footer};
pub(crate) use words::{count, long_date, plural};

/// The whole report, ready to render.
#[derive(Debug)]
pub(crate) struct Composed {
    pub size: (f64, f64),
    pub pages: Vec<Vec<Mark>>,
    pub outline: Vec<OutlineItem>,
    pub title: String,
    /// What the chart pages hold.
    pub chart: ChartTally,
}

/// Builds every page of the report.
pub(crate) fn compose(
    input: &ReportInput<'_>,
    swings: &[SwingReport],
    opts: &PdfOptions,
) -> Result<Composed, ExportError> {
    if opts.break_every_levels == Some(0) {
        return Err(ExportError::ZeroOption {
            field: "break_every_levels",
        });
    }
    if opts.break_min_people == Some(0) {
        return Err(ExportError::ZeroOption {
            field: "break_min_people",
        });
    }
    if let Some(paper) = opts.poster {
        return poster::compose_poster(input, opts, paper);
    }
    let snap = input.snapshot;
    let (pw, ph) = opts.page.points();
    let (w, h) = if opts.landscape {
        (ph.max(pw), pw.min(ph))
    } else {
        (pw.min(ph), ph.max(pw))
    };
    let scope = Scope::of(snap, opts)?;
    let stats = Stats::of_people(snap, &scope.people);
    let flags = scoped_flags(snap, &scope, input.flags);
    let title = clean(&opts.title);
    let mut doc = Doc::new(w, h);
    let mut sections = Sections::new();

    let (first, chart_items, tally) =
        chart::chart_pages(&mut doc, snap, input.flags, &scope.tops, opts)?;
    sections.add("Org chart", first, chart_items);

    let per_layer = people_per_layer(snap, &scope.people);
    let summary = summary::summary_page(
        &mut doc,
        snap,
        input.config,
        &scope,
        &stats,
        &per_layer,
        &flags,
    );
    sections.add("Summary", summary, Vec::new());

    let (flags_page, groups) = flags::flags_pages(&mut doc, snap, &flags);
    let groups = groups
        .into_iter()
        .map(|(title, page)| OutlineItem::leaf(title, page))
        .collect();
    sections.add("Flags", flags_page, groups);

    let workload = workload::workload_pages(&mut doc, snap, input.config, &scope);
    sections.add("Workload", workload, Vec::new());

    if let Some(t) = input.timeline {
        let overload = input.config.overload_ratio;
        let staffing = timeline::staffing_pages(&mut doc, snap, overload, &scope, t);
        sections.add("Staffing over time", staffing, Vec::new());
        let ahead = timeline::ahead_pages(&mut doc, snap, &scope, t);
        sections.add("Problems ahead", ahead, Vec::new());
    }

    if let Some(section) = &input.cost {
        let waterfall = input.scenario.as_ref().and_then(|sc| {
            sc.diff
                .cost
                .as_ref()
                .map(|d| (sc.name, sc.compared_with, d))
        });
        if let Some(page) =
            cost::cost_pages(&mut doc, snap, input.config, &scope, section, waterfall)
        {
            sections.add("Cost", page, Vec::new());
        }
    }

    // A scenario's diff, then its swings under it; swings alone get a section of their own.
    let before = input.scenario.as_ref().and_then(|sc| sc.before);
    let scenario_page = input
        .scenario
        .as_ref()
        .map(|sc| (sc, diff::scenario_pages(&mut doc, snap, sc)));
    let swing_items: Vec<OutlineItem> = swings
        .iter()
        .map(|swing| {
            let (title, page) = swing::swing_page(&mut doc, snap, before, swing);
            OutlineItem::leaf(title, page)
        })
        .collect();
    let first_swing = swing_items.first().map(|s| s.page);
    match scenario_page {
        Some((sc, page)) => {
            let label = format!("Scenario: {}", clean(sc.name));
            sections.list(&label, page);
            if let Some(first) = first_swing {
                sections.list("Swings", first);
            }
            sections.outline.push(OutlineItem {
                title: label,
                page,
                children: swing_items,
            });
        }
        None => {
            if let Some(first) = first_swing {
                sections.add("Swings", first, swing_items);
            }
        }
    }

    let total = doc.pages.len();
    title::title_page(
        &mut doc,
        input,
        opts,
        &scope,
        &stats,
        &flags,
        &sections.contents,
        &title,
    );
    for (i, page) in doc.pages.iter_mut().enumerate().skip(1) {
        footer(page, &mut doc.shaper, w, h, &title, snap.as_of(), i, total);
    }
    Ok(Composed {
        size: (w, h),
        pages: doc.pages,
        outline: sections.outline,
        title,
        chart: tally,
    })
}
