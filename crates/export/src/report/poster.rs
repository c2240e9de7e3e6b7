//! The poster: the whole chart (or the subtree under `--root`) on one large page for a
//! plotter, trees in rows near the paper's proportions, or cut into regions shelved side by
//! side when a tree is far wider than the page (a "team shown apart" card under each cut
//! person). Full cards when their names print at
//! 7.5 pt or more, else compact ones; an A size turns to whichever orientation prints larger,
//! a custom size is used as written. When names would print under 6 pt, nothing is drawn:
//! the error names the smallest standard size that fits, or a custom size in millimetres.

use std::collections::VecDeque;

use pendulum_core::{Snapshot, Top};
use rustc_hash::FxHashMap;

use crate::card::{COMPACT, Cards, FULL, NAME_PT, PersonFlags};
use crate::text::clean;
use crate::{ExportError, PdfOptions, PosterSize, ReportInput};

use super::Composed;
use super::chart::{ChartTally, Drawing, chart_area};
use super::outline::OutlineItem;
use super::paging::{ChartPage, PagingRules, Planner};
use super::scope::Scope;
use super::sheets::merge;
use super::typeset::{Doc, footer};
use super::words::{long_date, plural};

/// Smallest name size a poster prints.
const MIN_PT: f64 = 6.0;
/// Full cards are used when their names print at least this large.
const FULL_PT: f64 = 7.5;
/// A small org is not blown up past names at 3 × 11 pt.
const MAX_SCALE: f64 = 3.0;

/// The poster of `input` on `paper`.
pub(super) fn compose_poster(
    input: &ReportInput<'_>,
    opts: &PdfOptions,
    paper: PosterSize,
) -> Result<Composed, ExportError> {
    for (set, what) in [
        (opts.one_page, "--one-page"),
        (opts.break_every_levels.is_some(), "break_every_levels"),
        (opts.break_min_people.is_some(), "break_min_people"),
    ] {
        if set {
            return Err(ExportError::PosterOption { what });
        }
    }
    let snap = input.snapshot;
    let scope = Scope::of(snap, opts)?;
    let (page, (w, h)) = best_fit(snap, &scope.tops, paper)?;
    let name_pt = page.scale * NAME_PT;
    if name_pt < MIN_PT - 1e-9 {
        return Err(ExportError::PosterTooSmall {
            paper,
            name_pt,
            needed: needed(snap, &scope.tops, paper)?,
        });
    }
    let title = clean(&opts.title);
    let mut doc = Doc::new(w, h);
    // Doc starts with a title page; a poster is a single page.
    doc.pages.clear();
    let people = plural(scope.people.len() as u64, "person", "people");
    let subtitle = format!("{people} · as of {}", long_date(snap.as_of()));
    let (at, _) = doc.start_chart_page("Org chart · poster", &title, &subtitle);
    let person_flags = PersonFlags::of(input.flags);
    let root_page: FxHashMap<_, _> = page
        .roots
        .iter()
        .filter_map(|r| match *r {
            Top::Person(p) => Some((p, 0)),
            Top::Placeholder(_) => None,
        })
        .collect();
    let home = super::chart::dotted_home(snap, std::slice::from_ref(&page), &root_page);
    let mut tally = ChartTally::default();
    Drawing {
        snap,
        flags: &person_flags,
        root_page: &root_page,
        dotted_home: home.as_ref(),
        first: at,
    }
    .draw(&mut doc, at, &page, 0, &mut tally.name_pt);
    tally.people.push(page.people);
    footer(
        &mut doc.pages[at],
        &mut doc.shaper,
        w,
        h,
        &title,
        snap.as_of(),
        at,
        1,
    );
    Ok(Composed {
        size: (w, h),
        pages: doc.pages,
        outline: vec![OutlineItem::leaf("Org chart".to_owned(), at)],
        title,
        chart: tally,
    })
}

/// The whole chart on `paper` with the cards and orientation that print it best (see the
/// module docs), and the page's size in points.
fn best_fit(
    snap: &Snapshot<'_>,
    tops: &[Top],
    paper: PosterSize,
) -> Result<(ChartPage, (f64, f64)), ExportError> {
    let (pw, ph) = paper.points();
    let mut sizes = vec![(pw, ph)];
    if !matches!(paper, PosterSize::Mm { .. }) {
        sizes.push((ph, pw));
    }
    let fit = |cards: Cards| -> Result<(ChartPage, (f64, f64)), ExportError> {
        let mut best = (poster_page(snap, tops, sizes[0], cards)?, sizes[0]);
        for &size in &sizes[1..] {
            let page = poster_page(snap, tops, size, cards)?;
            if page.scale > best.0.scale {
                best = (page, size);
            }
        }
        Ok(best)
    };
    let full = fit(FULL)?;
    if full.0.scale * NAME_PT >= FULL_PT {
        return Ok(full);
    }
    let compact = fit(COMPACT)?;
    Ok(if compact.0.scale > full.0.scale {
        compact
    } else {
        full
    })
}

/// The chart of `tops` on one poster page of `size` points with `cards`: the whole forest
/// in rows, or, when that prints smaller (a tree far wider than tall), the trees cut into
/// regions of a fraction of the page each, shelved side by side, each cut person's team
/// apart under them.
fn poster_page(
    snap: &Snapshot<'_>,
    tops: &[Top],
    (w, h): (f64, f64),
    cards: Cards,
) -> Result<ChartPage, ExportError> {
    let rules = PagingRules {
        area: chart_area(w, h),
        one_page: true,
        every_levels: None,
        min_people: None,
        cards,
    };
    let mut best = Planner::new(snap, rules).poster(tops, MAX_SCALE)?;
    for parts in REGION_PARTS {
        if let Some(page) = regions_page(snap, tops, rules, parts)?
            && page.scale > best.scale
        {
            best = page;
        }
    }
    Ok(best)
}

/// Regions of at most 1/n of the page each, tried in turn.
const REGION_PARTS: [f64; 5] = [1.0, 2.0, 4.0, 8.0, 16.0];

/// The trees cut into regions that each fit `1/parts` of the page with names at 6 pt, all
/// shelved on one page; `None` when they do not fit it together.
fn regions_page(
    snap: &Snapshot<'_>,
    tops: &[Top],
    rules: PagingRules,
    parts: f64,
) -> Result<Option<ChartPage>, ExportError> {
    let (aw, ah) = rules.area;
    let k = parts.sqrt();
    let part = Planner::new(
        snap,
        PagingRules {
            area: (aw / k, ah / k),
            one_page: false,
            ..rules
        },
    );
    let mut regions = Vec::new();
    let mut queue: VecDeque<Top> = tops.iter().copied().collect();
    while let Some(root) = queue.pop_front() {
        // A team too wide for a part of the page is left to the whole forest's layout.
        let Some(region) = part.deepest(root)? else {
            return Ok(None);
        };
        let built = part.build(std::slice::from_ref(&region), false)?;
        queue.extend(built.cuts.iter().map(|&c| Top::Person(c)));
        regions.push((region, built, None));
    }
    let page = Planner::new(snap, rules).max_scale(MAX_SCALE);
    Ok(merge(&page, regions))
}

/// The smallest standard size the chart fits with names at 6 pt or more, else the custom size
/// in millimetres it needs (in `paper`'s proportions when custom, else A-series ones).
fn needed(snap: &Snapshot<'_>, tops: &[Top], paper: PosterSize) -> Result<String, ExportError> {
    for size in PosterSize::STANDARD.into_iter().filter(|&s| s != paper) {
        let (page, _) = best_fit(snap, tops, size)?;
        if page.scale * NAME_PT >= MIN_PT {
            return Ok(format!("{size} (--poster {})", short(size)));
        }
    }
    // Grow the paper (in its own proportions) until the chart fits; the layout of rows
    // follows the paper's shape, so each size is tried rather than computed once.
    let (w0, h0) = paper.mm();
    let (w0, h0) = if matches!(paper, PosterSize::Mm { .. }) {
        (w0, h0)
    } else {
        PosterSize::A0.mm()
    };
    let mut k = 1.0f64;
    for _ in 0..40 {
        let (w, h) = ((w0 * k / 10.0).ceil() * 10.0, (h0 * k / 10.0).ceil() * 10.0);
        if w.max(h) > PosterSize::MAX_MM {
            break;
        }
        let size = PosterSize::Mm {
            width: w,
            height: h,
        };
        let (page, _) = best_fit(snap, tops, size)?;
        let pt = page.scale * NAME_PT;
        if pt >= MIN_PT {
            return Ok(format!("a custom size of {w} × {h} mm (--poster {w}x{h})"));
        }
        // Names grow with the paper's side: jump most of the way, then creep.
        k *= (MIN_PT / pt.max(0.1) * 1.01).clamp(1.02, 3.0);
    }
    Ok(format!(
        "more than {} mm a side, the largest page a PDF can have: print it over pages instead, \
         or a part of it with --root",
        PosterSize::MAX_MM
    ))
}

/// How `--poster` names a standard size.
fn short(size: PosterSize) -> &'static str {
    match size {
        PosterSize::A2 => "a2",
        PosterSize::A1 => "a1",
        PosterSize::A0 => "a0",
        PosterSize::Mm { .. } => "",
    }
}

#[cfg(test)]
#[path = "poster_tests.rs"]
mod tests;
