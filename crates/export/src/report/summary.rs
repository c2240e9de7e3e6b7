//! The summary page: key figures, managers to ICs, spans, layers and flag counts.

use std::collections::BTreeMap;

use pendulum_core::rules::num;
use pendulum_core::stats::round4;
use pendulum_core::{Flag, Rule, RuleConfig, Severity, Snapshot, Stats};

use crate::marks::{
    ACCENT, ACCENT_SOFT, Align, INK, INK_2, INK_3, Mark, RULE, Rgb, WARNING, severity_colour,
};

use super::scope::Scope;
use super::tiles::{bars, tile_grid};
use super::typeset::{Doc, MARGIN};
use super::words::{count, long_date, person_label, plural};

/// "1 : 4.5" ICs per leader, or a dash without leaders.
fn ratio(managers: u32, ics: u32) -> String {
    if managers == 0 {
        "—".to_owned()
    } else {
        format!("1 : {}", num(round4(f64::from(ics) / f64::from(managers))))
    }
}

/// The span histogram as bars: one per span up to 15 reports, then in ranges.
fn span_rows(hist: &BTreeMap<u32, u32>, config: &RuleConfig) -> Vec<(String, u64, Rgb)> {
    let colour = |lo: u32, hi: u32| {
        if hi == 0 {
            INK_3
        } else if lo > config.manager_max_span.min(config.director_max_span) || hi < config.min_span
        {
            WARNING
        } else {
            ACCENT
        }
    };
    let max = hist.keys().next_back().copied().unwrap_or(0);
    let total = |lo: u32, hi: u32| -> u64 { hist.range(lo..=hi).map(|(_, &n)| u64::from(n)).sum() };
    let word = |lo: u32, hi: u32| match (lo, hi) {
        (1, 1) => "1 report".to_owned(),
        (l, h) if l == h => format!("{l} reports"),
        (l, h) => format!("{}–{} reports", count(l), count(h)),
    };
    if max <= 15 {
        return (0..=max)
            .map(|s| (word(s, s), total(s, s), colour(s, s)))
            .collect();
    }
    let mut edges: Vec<(u32, u32)> = (0..=10).map(|s| (s, s)).collect();
    for (lo, hi) in [
        (11, 15),
        (16, 20),
        (21, 50),
        (51, 100),
        (101, 1_000),
        (1_001, 10_000),
        (10_001, u32::MAX),
    ] {
        if lo <= max {
            edges.push((lo, hi.min(max)));
        }
    }
    edges
        .into_iter()
        .map(|(lo, hi)| (word(lo, hi), total(lo, hi), colour(lo, hi)))
        .collect()
}

/// People per layer as bars: the first 15 layers, then the rest together.
fn layer_rows(per_layer: &[u32], config: &RuleConfig) -> Vec<(String, u64, Rgb)> {
    let colour = |layer: usize| {
        if layer as u32 > config.max_layers {
            WARNING
        } else {
            ACCENT
        }
    };
    let mut rows: Vec<(String, u64, Rgb)> = per_layer
        .iter()
        .take(15)
        .enumerate()
        .map(|(i, &n)| (format!("layer {}", i + 1), u64::from(n), colour(i + 1)))
        .collect();
    if per_layer.len() > 15 {
        let rest: u64 = per_layer.iter().skip(15).map(|&n| u64::from(n)).sum();
        rows.push((
            format!("layers 16–{}", count(per_layer.len() as u64)),
            rest,
            WARNING,
        ));
    }
    rows
}

/// Draws the summary page of the scope's figures `st` (with `per_layer`, people per layer,
/// both from core) and `flags`; returns its page.
pub(super) fn summary_page(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    config: &RuleConfig,
    scope: &Scope,
    st: &Stats,
    per_layer: &[u32],
    flags: &[&Flag],
) -> usize {
    let subtitle = format!(
        "{} as of {}",
        if scope.whole {
            "The whole org".to_owned()
        } else {
            format!("Everyone under {}", person_label(snap, scope.roots[0]))
        },
        long_date(snap.as_of())
    );
    let at = doc.start_page("Summary", "Headcount, spans and layers", &subtitle);
    let width = doc.width();
    let mut marks = Vec::new();
    let tiles: [(String, &str, Rgb); 9] = [
        (count(st.headcount), "headcount", INK),
        (count(st.managers), "managers", INK),
        (count(st.ics), "ICs", INK),
        (ratio(st.managers, st.ics), "managers to ICs", INK),
        (count(st.open_roles), "open roles", INK),
        (num(st.ic_capacity), "IC capacity (FTE)", INK),
        (num(st.mean_span), "mean span", INK),
        (
            count(st.max_span),
            "widest span",
            if st.max_span > config.manager_max_span.max(config.director_max_span) {
                WARNING
            } else {
                INK
            },
        ),
        (
            count(st.layers),
            "layers",
            if st.layers > config.max_layers {
                WARNING
            } else {
                INK
            },
        ),
    ];
    let per_row = if width > 600.0 { 9 } else { 5 };
    let mut y = doc.y + 4.0;
    y += tile_grid(&mut marks, y, width, per_row, &tiles) + 14.0;

    // Managers to ICs as one split bar.
    let total = f64::from(st.managers + st.ics).max(1.0);
    let mw = width * f64::from(st.managers) / total;
    marks.push(Mark::text(
        MARGIN,
        y + 9.0,
        10.0,
        true,
        INK,
        "Managers to ICs",
    ));
    y += 16.0;
    marks.push(Mark::fill(MARGIN, y, width, 12.0, ACCENT_SOFT));
    marks.push(Mark::fill(MARGIN, y, mw, 12.0, ACCENT));
    y += 22.0;
    marks.push(Mark::text(
        MARGIN,
        y,
        8.0,
        false,
        INK_2,
        format!(
            "{} lead people (managers, directors, executives) and {} are ICs: {} ICs per leader.",
            plural(u64::from(st.managers), "person", "people"),
            count(st.ics),
            if st.managers == 0 {
                "no".to_owned()
            } else {
                num(round4(f64::from(st.ics) / f64::from(st.managers)))
            }
        ),
    ));
    y += 18.0;

    // Spans, layers and flags side by side (stacked on narrow pages).
    let mut by_rule: BTreeMap<(Severity, Rule), u64> = BTreeMap::new();
    for fl in flags {
        *by_rule.entry((fl.severity, fl.rule)).or_default() += 1;
    }
    let sev_count = |s: Severity| flags.iter().filter(|f| f.severity == s).count() as u64;
    let columns = if width > 600.0 { 3 } else { 1 };
    let gap = 26.0;
    let colw = (width - gap * (columns as f64 - 1.0)) / columns as f64;
    let blocks: [(&str, String); 3] = [
        (
            "Span of control",
            format!(
                "Direct reports per leader; amber: too narrow (under {}) or too wide (over {}).",
                config.min_span, config.manager_max_span
            ),
        ),
        (
            "Layers",
            format!(
                "People at each depth, open roles included; amber: deeper than {}.",
                config.max_layers
            ),
        ),
        (
            "Flags",
            format!(
                "{}, {}, {}.",
                plural(sev_count(Severity::Error), "error", "errors"),
                plural(sev_count(Severity::Warning), "warning", "warnings"),
                plural(sev_count(Severity::Info), "note", "notes"),
            ),
        ),
    ];
    let mut bottom = y;
    let mut top = y;
    for (k, (heading, caption)) in blocks.iter().enumerate() {
        let (bx, by) = if columns == 3 {
            (MARGIN + k as f64 * (colw + gap), y)
        } else {
            (MARGIN, top)
        };
        marks.push(Mark::text(bx, by + 9.0, 10.0, true, INK, *heading));
        let lines = doc.shaper.wrap(caption, false, 7.0, colw);
        for (i, line) in lines.iter().take(2).enumerate() {
            marks.push(Mark::text(
                bx,
                by + 21.0 + 9.0 * i as f64,
                7.0,
                false,
                INK_3,
                line.clone(),
            ));
        }
        let by = by + 9.0;
        let used = match k {
            0 => bars(
                &mut marks,
                &mut doc.shaper,
                bx,
                by + 30.0,
                colw,
                &span_rows(&st.span_histogram, config),
            ),
            1 => bars(
                &mut marks,
                &mut doc.shaper,
                bx,
                by + 30.0,
                colw,
                &layer_rows(per_layer, config),
            ),
            _ => {
                let mut yy = by + 30.0;
                for (&(sev, rule), &n) in &by_rule {
                    marks.push(Mark::Circle {
                        cx: bx + 3.0,
                        cy: yy + 6.0,
                        r: 3.0,
                        fill: severity_colour(sev),
                    });
                    marks.push(Mark::text(
                        bx + 11.0,
                        yy + 9.0,
                        8.0,
                        false,
                        INK_2,
                        rule.as_str(),
                    ));
                    marks.push(Mark::text_aligned(
                        bx + colw,
                        yy + 9.0,
                        8.0,
                        true,
                        INK,
                        Align::End,
                        count(n),
                    ));
                    marks.push(Mark::hline(bx, bx + colw, yy + 13.0, RULE, 0.4));
                    yy += 14.0;
                }
                if by_rule.is_empty() {
                    marks.push(Mark::text(
                        bx,
                        yy + 9.0,
                        8.0,
                        false,
                        INK_2,
                        "No rule fires.",
                    ));
                    yy += 14.0;
                }
                yy - by - 30.0
            }
        };
        bottom = bottom.max(by + 30.0 + used);
        top = by + 30.0 + used + 16.0;
    }
    doc.pages[at].extend(marks);
    doc.y = bottom + 14.0;
    at
}
