//! The chart pages: each page the planner (`paging.rs`) lays out, with its header, legend,
//! edges, dotted lines, cards and "continued on page N" cards linked to the pages they lead to.

use pendulum_core::{AbsentManager, Flag, PersonIx, Snapshot, Top};
use pendulum_layout::{NodeBox, dotted_route};
use rustc_hash::FxHashMap;

use crate::card::{
    COMPACT, DottedNote, FULL, PersonFlags, compact_card, person_card, placeholder_card, stub_card,
};
use crate::marks::{ACCENT, DOTTED, EDGE, ERROR, INFO, INK_2, INK_3, Mark, WARNING};
use crate::text::{Shaper, clean};
use crate::{ExportError, PdfOptions};

use super::outline::OutlineItem;
use super::paging::{ChartPage, PagingRules, Placed, Planner, Target, chart_layout};
use super::typeset::{CHART_HEADER, CHART_TITLE_Y, Doc, FOOTER, MARGIN};
use super::words::{count, long_date, person_label, plural};

/// What the chart pages hold: people per page and the size of every name printed.
#[derive(Clone, Debug, Default)]
pub(crate) struct ChartTally {
    pub people: Vec<usize>,
    pub name_pt: Vec<f64>,
}

/// Plans the chart of the trees under `roots` and draws its pages; returns the first page,
/// a bookmark per chart page and what the pages hold.
pub(super) fn chart_pages(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    flags: &[Flag],
    tops: &[Top],
    opts: &PdfOptions,
) -> Result<(usize, Vec<OutlineItem>, ChartTally), ExportError> {
    let area = chart_area(doc.w, doc.h);
    let rules = PagingRules {
        area,
        one_page: opts.one_page,
        every_levels: opts.break_every_levels,
        min_people: opts.break_min_people,
        cards: FULL,
    };
    let mut chart = Planner::new(snap, rules).plan(tops)?;
    // A chart that needs several pages of full cards takes compact ones when they need fewer.
    if chart.len() > 1 && !opts.one_page {
        let rules = PagingRules {
            cards: COMPACT,
            ..rules
        };
        let compact = Planner::new(snap, rules).plan(tops)?;
        if compact.len() < chart.len() {
            chart = compact;
        }
    }
    let first = doc.pages.len();
    let person_flags = PersonFlags::of(flags);
    let mut root_page: FxHashMap<PersonIx, usize> = FxHashMap::default();
    for (k, page) in chart.iter().enumerate() {
        for &r in &page.roots {
            if let Top::Person(p) = r {
                root_page.entry(p).or_insert(k);
            }
        }
    }
    let dotted_home = dotted_home(snap, &chart, &root_page);
    let mut items = Vec::new();
    let mut tally = ChartTally::default();
    if chart.is_empty() {
        doc.start_page("Org chart", "No one to draw", "");
        doc.note(&format!(
            "No one is in the org on {}.",
            long_date(snap.as_of())
        ));
    }
    for (k, page) in chart.iter().enumerate() {
        let label = chart_page(
            doc,
            snap,
            &person_flags,
            &root_page,
            dotted_home.as_ref(),
            page,
            (first, k, chart.len()),
            &mut tally.name_pt,
        );
        tally.people.push(page.people);
        items.push(OutlineItem::leaf(label, first + k));
    }
    Ok((first, items, tally))
}

/// The chart page each person is found on, for notes on dotted lines that leave a page: the
/// page their region starts on, else the first that draws them. `None` when no one has a
/// dotted line, so such reports stay as they were, byte for byte.
pub(super) fn dotted_home(
    snap: &Snapshot<'_>,
    chart: &[ChartPage],
    root_page: &FxHashMap<PersonIx, usize>,
) -> Option<FxHashMap<PersonIx, usize>> {
    if snap
        .org()
        .people
        .iter()
        .all(|p| p.dotted_managers.is_empty())
    {
        return None;
    }
    let mut home = root_page.clone();
    for (k, page) in chart.iter().enumerate() {
        for c in &page.cards {
            if let Placed::Person { person, .. } = c {
                home.entry(*person).or_insert(k);
            }
        }
    }
    Some(home)
}

/// A chart page's dotted lines.
#[derive(Default)]
struct PageDotted {
    /// In layout units, one per line whose two people are on the page.
    routes: Vec<Vec<[f64; 2]>>,
    /// By card index: the secondary managers who are not on the page.
    notes: FxHashMap<usize, Vec<DottedNote>>,
}

/// A page's dotted lines: a route for each whose two people are on the page, and for each
/// card whose secondary manager is not, a note naming them and their page (a document page).
/// In card order, then in the order of each person's `dotted_managers`.
fn page_dotted(
    snap: &Snapshot<'_>,
    page: &ChartPage,
    home: &FxHashMap<PersonIx, usize>,
    first: usize,
) -> PageDotted {
    let boxes: FxHashMap<PersonIx, NodeBox> = page
        .cards
        .iter()
        .filter_map(|c| match *c {
            Placed::Person {
                person,
                rect: (x, y, width, height),
                placement,
                ..
            } => Some((
                person,
                NodeBox {
                    index: 0,
                    x,
                    y,
                    width,
                    height,
                    placement,
                },
            )),
            Placed::Stub { .. } | Placed::Placeholder { .. } => None,
        })
        .collect();
    let options = chart_layout(None, 1.0, &page.card_set);
    let mut routes = Vec::new();
    let mut notes: FxHashMap<usize, Vec<DottedNote>> = FxHashMap::default();
    for (i, c) in page.cards.iter().enumerate() {
        let Placed::Person { person, .. } = *c else {
            continue;
        };
        let Some(to) = boxes.get(&person) else {
            continue;
        };
        let listed = &snap.person(person).dotted_managers;
        for (j, d) in listed.iter().enumerate() {
            if listed[..j].contains(d) {
                continue;
            }
            let Some(m) = snap
                .person_ix(d.as_str())
                .filter(|&m| m != person && snap.is_present(m))
            else {
                continue;
            };
            match boxes.get(&m) {
                Some(from) => routes.push(dotted_route(from, to, &options)),
                None => notes.entry(i).or_default().push(DottedNote {
                    name: person_label(snap, m),
                    page: home.get(&m).map(|k| first + k),
                }),
            }
        }
    }
    PageDotted { routes, notes }
}

/// Draws chart page `k` of `pages` (document page `first + k`); returns its bookmark title.
#[allow(clippy::too_many_arguments)]
fn chart_page(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    flags: &PersonFlags<'_>,
    root_page: &FxHashMap<PersonIx, usize>,
    dotted_home: Option<&FxHashMap<PersonIx, usize>>,
    page: &ChartPage,
    (first, k, pages): (usize, usize, usize),
    name_pt: &mut Vec<f64>,
) -> String {
    let names: Vec<String> = page.roots.iter().map(|&r| top_label(snap, r)).collect();
    let title = match (names.as_slice(), page.roots.first()) {
        ([one], Some(&Top::Person(p))) => match snap.person(p).title.trim() {
            "" => one.clone(),
            t => format!("{one} · {}", clean(t)),
        },
        (names, _) => list_names(names),
    };
    let mut subtitle = vec![plural(page.people as u64, "person", "people") + " on this page"];
    if let Some((start, end, total)) = page.chunk {
        subtitle.push(format!(
            "reports {}–{} of {}",
            count(start as u64 + 1),
            count(end as u64),
            count(total as u64)
        ));
    }
    let back = page.from.map(|f| first + f);
    let back_text = back.map(|b| {
        let manager = match page.roots.first() {
            Some(&Top::Person(r)) => snap.parent(r).map(|m| person_label(snap, m)),
            _ => None,
        };
        match (page.chunk, manager) {
            (Some((start, ..)), _) if start > 0 => format!("continued from page {}", b + 1),
            (_, Some(m)) => format!("reports to {m}, page {}", b + 1),
            (_, None) => format!("continued from page {}", b + 1),
        }
    });
    let kicker = if pages > 1 {
        format!("Org chart · {} of {}", k + 1, pages)
    } else {
        "Org chart".to_owned()
    };
    let (at, end) = doc.start_chart_page(&kicker, &title, &subtitle.join(" · "));
    if let (Some(b), Some(text)) = (back, back_text) {
        let x = end + 12.0;
        let text = format!("← {text}");
        let text = doc
            .shaper
            .fit(&text, false, 8.5, (doc.w - MARGIN - x).max(0.0));
        let tw = doc.shaper.width(&text, false, 8.5);
        doc.pages[at].push(Mark::text(x, CHART_TITLE_Y, 8.5, false, ACCENT, text));
        doc.pages[at].push(Mark::Link {
            x,
            y: CHART_TITLE_Y - 9.0,
            w: tw,
            h: 12.0,
            page: b,
        });
    }
    let drawing = Drawing {
        snap,
        flags,
        root_page,
        dotted_home,
        first,
    };
    drawing.draw(doc, at, page, k, name_pt);
    title
}

/// What drawing a chart page needs besides the page.
pub(super) struct Drawing<'d, 's, 'a> {
    pub snap: &'d Snapshot<'a>,
    pub flags: &'d PersonFlags<'s>,
    /// The chart page each region's root starts on.
    pub root_page: &'d FxHashMap<PersonIx, usize>,
    /// See `dotted_home`.
    pub dotted_home: Option<&'d FxHashMap<PersonIx, usize>>,
    /// The document page of the first chart page.
    pub first: usize,
}

impl Drawing<'_, '_, '_> {
    /// Draws chart page `k`'s legend, lines and cards on document page `at`; pushes the size
    /// of every name printed to `name_pt`.
    pub(super) fn draw(
        &self,
        doc: &mut Doc,
        at: usize,
        page: &ChartPage,
        k: usize,
        name_pt: &mut Vec<f64>,
    ) {
        let Drawing {
            snap,
            flags,
            root_page,
            dotted_home,
            first,
        } = *self;
        let PageDotted {
            routes: dotted,
            notes,
        } = match dotted_home {
            Some(home) => page_dotted(snap, page, home, first),
            None => PageDotted::default(),
        };
        legend(
            &mut doc.pages[at],
            &mut doc.shaper,
            doc.w,
            !(dotted.is_empty() && notes.is_empty()),
        );

        let (aw, ah) = chart_area(doc.w, doc.h);
        let s = page.scale;
        let ox = MARGIN + ((aw - page.width * s) / 2.0).max(0.0);
        let oy = MARGIN + CHART_HEADER + ((ah - page.height * s) / 2.0).clamp(0.0, 24.0);
        let at_page = |(x, y, w, h): (f64, f64, f64, f64)| (ox + x * s, oy + y * s, w * s, h * s);
        let mut marks = Vec::with_capacity(page.cards.len() * 8 + page.edges.len());
        for e in &page.edges {
            marks.push(Mark::Polyline {
                points: e.iter().map(|[x, y]| [ox + x * s, oy + y * s]).collect(),
                colour: EDGE,
                width: (1.0 * s).max(0.4),
                dashed: false,
            });
        }
        for route in &dotted {
            marks.push(Mark::Polyline {
                points: route
                    .iter()
                    .map(|[x, y]| [ox + x * s, oy + y * s])
                    .collect(),
                colour: DOTTED,
                width: (1.0 * s).max(0.4),
                dashed: true,
            });
        }
        for (i, c) in page.cards.iter().enumerate() {
            match *c {
                Placed::Person {
                    person,
                    rect,
                    continued,
                    ..
                } => {
                    let header = continued.then_some("reports continued");
                    let draw = if page.card_set.compact {
                        compact_card
                    } else {
                        person_card
                    };
                    let pt = draw(
                        &mut marks,
                        &mut doc.shaper,
                        snap,
                        flags,
                        person,
                        at_page(rect),
                        s,
                        header,
                        notes.get(&i).map_or(&[], Vec::as_slice),
                    );
                    name_pt.push(pt);
                }
                Placed::Placeholder { placeholder, rect } => {
                    placeholder_card(
                        &mut marks,
                        &mut doc.shaper,
                        snap,
                        placeholder,
                        at_page(rect),
                        s,
                        page.card_set.compact,
                    );
                }
                Placed::Stub {
                    target,
                    rect,
                    people,
                } => {
                    let to = match target {
                        Target::Root(p) => root_page.get(&p).copied(),
                        Target::NextChunk => Some(k + 1),
                    };
                    // Every cut person roots a later page, so `to` is always known.
                    let to = to.unwrap_or(k + 1);
                    // On a poster the team is on the same page.
                    let to = (to != k).then_some(first + to);
                    let how = (true, page.card_set.compact);
                    stub_card(&mut marks, at_page(rect), s, to, people, how);
                }
            }
        }
        doc.pages[at].extend(marks);
    }
}

/// The chart area of a `w` × `h` page, in points: inside the margins, under the chart
/// header and over the footer.
pub(super) fn chart_area(w: f64, h: f64) -> (f64, f64) {
    (w - 2.0 * MARGIN, h - 2.0 * MARGIN - CHART_HEADER - FOOTER)
}

/// A tree's top as a page title names it: a person, or the manager a placeholder stands for.
fn top_label(snap: &Snapshot<'_>, top: Top) -> String {
    match top {
        Top::Person(p) => person_label(snap, p),
        Top::Placeholder(k) => match snap.placeholders().get(k as usize).map(|h| h.manager) {
            Some(AbsentManager::NotHere(m)) => format!("{} (not here)", person_label(snap, m)),
            _ => format!("{} (not in this file)", clean(snap.placeholder_id(k))),
        },
    }
}

/// "A", "A and B", "A, B and C", "A, B and 3 more".
fn list_names(names: &[String]) -> String {
    match names {
        [] => "Org chart".to_owned(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b} and {c}"),
        [a, b, rest @ ..] => format!("{a}, {b} and {} more", rest.len()),
    }
}

/// The legend of a chart page, top right; with `dotted`, a key to dotted lines too.
fn legend(marks: &mut Vec<Mark>, sh: &mut Shaper, w: f64, dotted: bool) {
    let y = MARGIN + 6.0;
    let mut x = w - MARGIN;
    for (text, colour) in [("info", INFO), ("warning", WARNING), ("error", ERROR)] {
        let tw = sh.width(text, false, 7.0);
        x -= tw;
        marks.push(Mark::text(x, y, 7.0, false, INK_2, text));
        marks.push(Mark::Circle {
            cx: x - 6.0,
            cy: y - 2.5,
            r: 3.0,
            fill: colour,
        });
        x -= 16.0;
    }
    let lead = "flags on cards:";
    let tw = sh.width(lead, false, 7.0);
    marks.push(Mark::text(x - tw + 4.0, y, 7.0, false, INK_3, lead));
    if dotted {
        let key = "dotted line (secondary manager)";
        let kw = sh.width(key, false, 7.0);
        let right = x - tw - 12.0;
        marks.push(Mark::text(right - kw, y, 7.0, false, INK_2, key));
        let line_y = y - 2.5;
        marks.push(Mark::Polyline {
            points: vec![[right - kw - 22.0, line_y], [right - kw - 4.0, line_y]],
            colour: DOTTED,
            width: 1.0,
            dashed: true,
        });
    }
}
