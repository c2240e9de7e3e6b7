//! The title page: the report's title, what it covers, key figures and the contents, linked
//! to their pages. It is drawn last, once every section's page is known.

use pendulum_core::{Flag, Severity, Stats};

use crate::marks::{ACCENT, Align, ERROR, INK, INK_2, INK_3, Mark, RULE, WARNING};
use crate::text::clean;
use crate::{PdfOptions, ReportInput};

use super::scope::Scope;
use super::tiles::tile_grid;
use super::typeset::{Doc, MARGIN};
use super::words::{count, long_date, person_label, plural};

/// Draws the title page of `title` over page 0, with the scope's figures `st` and the
/// `contents` (section, page).
#[allow(clippy::too_many_arguments)]
pub(super) fn title_page(
    doc: &mut Doc,
    input: &ReportInput<'_>,
    opts: &PdfOptions,
    scope: &Scope,
    st: &Stats,
    flags: &[&Flag],
    contents: &[(String, usize)],
    title: &str,
) {
    let snap = input.snapshot;
    let (w, h) = (doc.w, doc.h);
    let width = doc.width();
    let sh = &mut doc.shaper;
    let mut m = vec![Mark::fill(0.0, 0.0, w, 8.0, ACCENT)];
    let mut y = MARGIN + 40.0;
    m.push(Mark::text(MARGIN, y, 9.0, true, ACCENT, "ORG REVIEW"));
    y += 36.0;
    let lines = sh.wrap(title, true, 28.0, width);
    for line in lines.iter().take(3) {
        m.push(Mark::text(
            MARGIN,
            y,
            28.0,
            true,
            INK,
            sh.fit(line, true, 28.0, width),
        ));
        y += 34.0;
    }
    m.push(Mark::text(
        MARGIN,
        y,
        12.0,
        false,
        INK_2,
        format!(
            "Org chart, spans, flags and workload as of {}",
            long_date(snap.as_of())
        ),
    ));
    y += 20.0;
    let people = scope.people.len() as u64;
    let scope_line = if scope.whole {
        format!(
            "The whole org: {} in {}",
            plural(people, "person", "people"),
            plural(scope.roots.len() as u64, "tree", "trees")
        )
    } else {
        format!(
            "{} and everyone under them: {}",
            person_label(snap, scope.roots[0]),
            plural(people, "person", "people")
        )
    };
    m.push(Mark::text(
        MARGIN,
        y,
        10.0,
        false,
        INK_2,
        sh.fit(&scope_line, false, 10.0, width),
    ));
    y += 16.0;
    if let Some(sc) = &input.scenario {
        let line = format!(
            "Scenario “{}” compared with {}",
            clean(sc.name),
            clean(sc.compared_with)
        );
        m.push(Mark::text(
            MARGIN,
            y,
            10.0,
            false,
            INK_2,
            sh.fit(&line, false, 10.0, width),
        ));
        y += 16.0;
    }
    y += 14.0;

    let sev = |s: Severity| flags.iter().filter(|f| f.severity == s).count() as u64;
    let tiles = [
        (count(st.headcount), "headcount", INK),
        (count(st.managers), "managers", INK),
        (count(st.ics), "ICs", INK),
        (count(st.open_roles), "open roles", INK),
        (count(st.layers), "layers", INK),
        (
            count(sev(Severity::Error)),
            "errors",
            if sev(Severity::Error) > 0 { ERROR } else { INK },
        ),
        (
            count(sev(Severity::Warning)),
            "warnings",
            if sev(Severity::Warning) > 0 {
                WARNING
            } else {
                INK
            },
        ),
    ];
    let per_row = if width > 600.0 { 7 } else { 4 };
    y += tile_grid(&mut m, y, width, per_row, &tiles) + 22.0;

    m.push(Mark::text(MARGIN, y, 10.5, true, INK, "Contents"));
    y += 8.0;
    let cw = width.min(360.0);
    for (label, page) in contents {
        y += 16.0;
        m.push(Mark::text(
            MARGIN,
            y,
            9.5,
            false,
            INK,
            sh.fit(label, false, 9.5, cw - 50.0),
        ));
        m.push(Mark::text_aligned(
            MARGIN + cw,
            y,
            9.5,
            false,
            INK_2,
            Align::End,
            (page + 1).to_string(),
        ));
        m.push(Mark::hline(MARGIN, MARGIN + cw, y + 4.0, RULE, 0.4));
        m.push(Mark::Link {
            x: MARGIN,
            y: y - 11.0,
            w: cw,
            h: 15.0,
            page: *page,
        });
    }

    m.push(Mark::hline(
        MARGIN,
        w - MARGIN,
        h - MARGIN - 12.0,
        RULE,
        0.6,
    ));
    m.push(Mark::text(
        MARGIN,
        h - MARGIN,
        8.0,
        false,
        INK_3,
        format!("Prepared {} with Pendulum", long_date(opts.date)),
    ));
    if let Some(first) = doc.pages.first_mut() {
        *first = m;
    }
}
