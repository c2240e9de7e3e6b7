//! The report's pages as marks: title, chart, summary, flags, workload and scenario pages,
//! with footers, links and the outline.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;

use pendulum_core::rules::num;
use pendulum_core::{
    Date, Flag, PersonIx, Role, RuleConfig, Severity, Snapshot, Stats, SubjectKind,
};
use pendulum_layout::{NodeBox, dotted_route};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::card::{DottedNote, PersonFlags, person_card, stub_card};
use crate::marks::{
    ACCENT, ACCENT_SOFT, Align, DOTTED, EDGE, ERROR, ERROR_SOFT, INFO, INK, INK_2, INK_3, Mark,
    RULE, Rgb, SHADE, WARNING, WARNING_SOFT, severity_colour,
};
use crate::paging::{ChartPage, PagingRules, Placed, Planner, Target, chart_layout};
use crate::text::{Shaper, clean};
use crate::{ExportError, PdfOptions, ReportInput, ScenarioSection};

const MARGIN: f64 = 36.0;
/// Top of a page's body, below its header.
const HEADER: f64 = 58.0;
/// Bottom of a page's body, above its footer.
const FOOTER: f64 = 26.0;

/// One bookmark and the bookmarks under it.
#[derive(Clone, Debug)]
pub(crate) struct OutlineItem {
    pub title: String,
    pub page: usize,
    pub children: Vec<OutlineItem>,
}

/// The whole report, ready to render.
#[derive(Debug)]
pub(crate) struct Composed {
    pub size: (f64, f64),
    pub pages: Vec<Vec<Mark>>,
    pub outline: Vec<OutlineItem>,
    pub title: String,
}

/// "1 March 2027".
pub(crate) fn long_date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (y, m, day) = d.ymd();
    let month = MONTHS
        .get(m.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("");
    format!("{day} {month} {y}")
}

/// Thousands separated by commas, for counts in prose.
fn count(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", count(n), if n == 1 { one } else { many })
}

/// Who the report covers: the whole org or one subtree.
struct Scope {
    roots: Vec<PersonIx>,
    /// Breadth-first from the roots.
    people: Vec<PersonIx>,
    member: Vec<bool>,
    /// Depth of the scope's roots in the org, less one (layers count from the scope).
    depth_offset: u32,
    whole: bool,
}

impl Scope {
    fn of(snap: &Snapshot<'_>, opts: &PdfOptions) -> Result<Scope, ExportError> {
        let mut member = vec![false; snap.people_count()];
        let Some(id) = &opts.root else {
            for &p in snap.breadth_first() {
                member[p as usize] = true;
            }
            return Ok(Scope {
                roots: snap.roots().to_vec(),
                people: snap.breadth_first().to_vec(),
                member,
                depth_offset: 0,
                whole: true,
            });
        };
        let root = snap
            .person_ix(id.as_str())
            .ok_or_else(|| ExportError::UnknownRoot { id: id.0.clone() })?;
        if !snap.is_present(root) {
            return Err(ExportError::RootNotPresent {
                id: id.0.clone(),
                as_of: snap.as_of(),
            });
        }
        let mut people = vec![root];
        let mut head = 0;
        while let Some(&p) = people.get(head) {
            head += 1;
            member[p as usize] = true;
            people.extend_from_slice(snap.children(p));
        }
        Ok(Scope {
            roots: vec![root],
            people,
            member,
            depth_offset: snap.depth(root).saturating_sub(1),
            whole: false,
        })
    }

    fn has(&self, p: PersonIx) -> bool {
        self.member.get(p as usize).copied().unwrap_or(false)
    }
}

/// The figures of [`Stats`] over a scope, plus people per layer.
struct Figures {
    stats: Stats,
    per_layer: Vec<u32>,
}

fn figures(snap: &Snapshot<'_>, scope: &Scope) -> Figures {
    let mut st = Stats::default();
    let mut per_layer: Vec<u32> = Vec::new();
    let mut span_sum = 0u64;
    let mut capacity = 0.0;
    for &i in &scope.people {
        let layer = snap.depth(i).saturating_sub(scope.depth_offset);
        st.layers = st.layers.max(layer);
        let at = layer.saturating_sub(1) as usize;
        if per_layer.len() <= at {
            per_layer.resize(at + 1, 0);
        }
        per_layer[at] += 1;
        if snap.role(i) == Role::Ic {
            capacity += snap.person(i).fte * snap.ramp(i);
        }
        if snap.person(i).is_open_role() {
            st.open_roles += 1;
            continue;
        }
        st.headcount += 1;
        if snap.role(i).leads_people() {
            st.managers += 1;
            let span = snap.span(i);
            span_sum += u64::from(span);
            st.max_span = st.max_span.max(span);
            *st.span_histogram.entry(span).or_default() += 1;
        } else {
            st.ics += 1;
        }
    }
    st.ic_capacity = pendulum_core::stats::round4(capacity);
    st.mean_span = if st.managers == 0 {
        0.0
    } else {
        pendulum_core::stats::round4(span_sum as f64 / f64::from(st.managers))
    };
    Figures {
        stats: st,
        per_layer,
    }
}

/// Teams and workstreams a scope touches: the teams of its people, the workstreams those
/// teams own or its people hold.
fn scoped_flags<'f>(snap: &Snapshot<'_>, scope: &Scope, flags: &'f [Flag]) -> Vec<&'f Flag> {
    if scope.whole {
        return flags.iter().collect();
    }
    let org = snap.org();
    let teams: FxHashSet<&str> = scope
        .people
        .iter()
        .filter_map(|&p| snap.person(p).team.as_ref().map(|t| t.as_str()))
        .collect();
    let workstreams = scoped_workstreams(snap, scope, &teams);
    flags
        .iter()
        .filter(|f| match f.subject.kind {
            SubjectKind::Person => snap.person_ix(&f.subject.id).is_some_and(|p| scope.has(p)),
            SubjectKind::Team => teams.contains(f.subject.id.as_str()),
            SubjectKind::Workstream => org
                .workstreams
                .iter()
                .position(|w| w.id.as_str() == f.subject.id)
                .is_some_and(|w| workstreams.get(w).copied().unwrap_or(false)),
        })
        .collect()
}

/// For each workstream, whether the scope touches it.
fn scoped_workstreams(snap: &Snapshot<'_>, scope: &Scope, teams: &FxHashSet<&str>) -> Vec<bool> {
    let org = snap.org();
    if scope.whole {
        return vec![true; org.workstreams.len()];
    }
    let mut touched: Vec<bool> = org
        .workstreams
        .iter()
        .map(|w| w.team.as_ref().is_some_and(|t| teams.contains(t.as_str())))
        .collect();
    for a in &org.allocations {
        if let (Some(p), Some(w)) = (
            snap.person_ix(a.person.as_str()),
            snap.workstream_ix(a.workstream.as_str()),
        ) && scope.has(p)
            && let Some(t) = touched.get_mut(w as usize)
        {
            *t = true;
        }
    }
    touched
}

/// A column of a table: share of the width, alignment, and whether text wraps.
struct Col {
    title: Cow<'static, str>,
    share: f64,
    align: Align,
    wrap: bool,
}

const fn col(title: &'static str, share: f64, align: Align, wrap: bool) -> Col {
    Col {
        title: Cow::Borrowed(title),
        share,
        align,
        wrap,
    }
}

struct Cell {
    text: String,
    colour: Rgb,
    bold: bool,
    dot: Option<Rgb>,
}

fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: clean(&text.into()),
        colour: INK,
        bold: false,
        dot: None,
    }
}

impl Cell {
    fn colour(mut self, c: Rgb) -> Cell {
        self.colour = c;
        self
    }
    fn bold(mut self) -> Cell {
        self.bold = true;
        self
    }
    fn dot(mut self, c: Rgb) -> Cell {
        self.dot = Some(c);
        self
    }
}

enum Row {
    /// A heading inside a table (a severity group), with a bookmark.
    Group {
        text: String,
        colour: Rgb,
    },
    Cells {
        cells: Vec<Cell>,
        fill: Option<Rgb>,
    },
}

const TABLE_PT: f64 = 8.0;
const TABLE_LEAD: f64 = 10.5;

/// Pages under construction.
struct Doc {
    w: f64,
    h: f64,
    shaper: Shaper,
    pages: Vec<Vec<Mark>>,
    /// Where the next block goes on the last page.
    y: f64,
    /// The current section's header, repeated on pages a table flows onto.
    header: (String, String),
}

impl Doc {
    fn body_bottom(&self) -> f64 {
        self.h - MARGIN - FOOTER
    }

    fn width(&self) -> f64 {
        self.w - 2.0 * MARGIN
    }

    fn last(&mut self) -> &mut Vec<Mark> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let at = self.pages.len() - 1;
        &mut self.pages[at]
    }

    /// Starts a page with a section header; returns its index.
    fn start_page(&mut self, kicker: &str, title: &str, subtitle: &str) -> usize {
        self.header = (kicker.to_owned(), title.to_owned());
        self.new_page(kicker, title, subtitle)
    }

    fn new_page(&mut self, kicker: &str, title: &str, subtitle: &str) -> usize {
        let room = self.width();
        let title = self.shaper.fit(&clean(title), true, 15.0, room);
        let subtitle = self.shaper.fit(&clean(subtitle), false, 8.5, room);
        let marks = vec![
            Mark::text(
                MARGIN,
                MARGIN + 6.0,
                7.5,
                true,
                ACCENT,
                kicker.to_uppercase(),
            ),
            Mark::text(MARGIN, MARGIN + 25.0, 15.0, true, INK, title),
            Mark::text(MARGIN, MARGIN + 39.0, 8.5, false, INK_2, subtitle),
            Mark::hline(MARGIN, self.w - MARGIN, MARGIN + HEADER - 10.0, RULE, 0.6),
        ];
        self.pages.push(marks);
        self.y = MARGIN + HEADER;
        self.pages.len() - 1
    }

    /// Room for `height` more points on this page, or a continuation page.
    fn ensure(&mut self, height: f64) {
        if self.y + height > self.body_bottom() {
            let (kicker, title) = self.header.clone();
            self.new_page(&kicker, &format!("{title} (continued)"), "");
        }
    }

    fn heading(&mut self, text: &str) {
        self.ensure(44.0);
        let y = self.y + 12.0;
        self.last()
            .push(Mark::text(MARGIN, y, 10.5, true, INK, clean(text)));
        self.y += 20.0;
    }

    fn note(&mut self, text: &str) {
        let lines = self.shaper.wrap(&clean(text), false, 8.5, self.width());
        for line in lines {
            self.ensure(13.0);
            let y = self.y + 9.0;
            self.last()
                .push(Mark::text(MARGIN, y, 8.5, false, INK_2, line));
            self.y += 12.0;
        }
        self.y += 4.0;
    }

    fn table_header(&mut self, cols: &[Col]) {
        let total = self.width();
        let y = self.y;
        let mut marks = vec![Mark::fill(MARGIN, y, total, 17.0, SHADE)];
        let mut x = MARGIN;
        for c in cols {
            let w = c.share * total;
            let (tx, align) = match c.align {
                Align::End => (x + w - 5.0, Align::End),
                _ => (x + 5.0, Align::Start),
            };
            marks.push(Mark::text_aligned(
                tx,
                y + 11.5,
                7.0,
                true,
                INK_2,
                align,
                self.shaper
                    .fit(&c.title.to_uppercase(), true, 7.0, w - 10.0),
            ));
            x += w;
        }
        self.last().extend(marks);
        self.y += 17.0;
    }

    /// Flows a table from the cursor; returns the page of each group row.
    fn table(&mut self, cols: &[Col], rows: Vec<Row>) -> Vec<(String, usize)> {
        let total = self.width();
        let mut groups = Vec::new();
        self.ensure(17.0 + 30.0);
        self.table_header(cols);
        for row in rows {
            match row {
                Row::Group { text, colour } => {
                    if self.y + 20.0 + 24.0 > self.body_bottom() {
                        self.ensure(self.body_bottom());
                        self.table_header(cols);
                    }
                    let y = self.y;
                    self.last().push(Mark::Circle {
                        cx: MARGIN + 8.0,
                        cy: y + 10.0,
                        r: 3.5,
                        fill: colour,
                    });
                    self.last().push(Mark::text(
                        MARGIN + 16.0,
                        y + 13.5,
                        9.0,
                        true,
                        INK,
                        text.clone(),
                    ));
                    self.last()
                        .push(Mark::hline(MARGIN, MARGIN + total, y + 19.5, RULE, 0.6));
                    groups.push((text, self.pages.len() - 1));
                    self.y += 20.0;
                }
                Row::Cells { cells, fill } => {
                    let mut laid: Vec<Vec<String>> = Vec::with_capacity(cells.len());
                    for (c, spec) in cells.iter().zip(cols) {
                        let room =
                            spec.share * total - 10.0 - if c.dot.is_some() { 9.0 } else { 0.0 };
                        laid.push(if spec.wrap {
                            self.shaper.wrap(&c.text, c.bold, TABLE_PT, room)
                        } else {
                            vec![self.shaper.fit(&c.text, c.bold, TABLE_PT, room)]
                        });
                    }
                    let lines = laid.iter().map(Vec::len).max().unwrap_or(1).max(1);
                    let height = lines as f64 * TABLE_LEAD + 7.0;
                    if self.y + height > self.body_bottom() {
                        self.ensure(self.body_bottom());
                        self.table_header(cols);
                    }
                    let y = self.y;
                    let mut marks = Vec::new();
                    if let Some(fill) = fill {
                        marks.push(Mark::fill(MARGIN, y, total, height, fill));
                    }
                    let mut x = MARGIN;
                    for ((c, spec), text) in cells.iter().zip(cols).zip(laid) {
                        let w = spec.share * total;
                        let mut tx = x + 5.0;
                        if let Some(dot) = c.dot {
                            marks.push(Mark::Circle {
                                cx: tx + 3.0,
                                cy: y + 7.5,
                                r: 3.0,
                                fill: dot,
                            });
                            tx += 9.0;
                        }
                        for (k, line) in text.into_iter().enumerate() {
                            let base = y + 11.0 + k as f64 * TABLE_LEAD;
                            marks.push(match spec.align {
                                Align::End => Mark::text_aligned(
                                    x + w - 5.0,
                                    base,
                                    TABLE_PT,
                                    c.bold,
                                    c.colour,
                                    Align::End,
                                    line,
                                ),
                                _ => Mark::text(tx, base, TABLE_PT, c.bold, c.colour, line),
                            });
                        }
                        x += w;
                    }
                    marks.push(Mark::hline(MARGIN, MARGIN + total, y + height, RULE, 0.4));
                    self.last().extend(marks);
                    self.y += height;
                }
            }
        }
        self.y += 14.0;
        groups
    }
}

/// Builds every page of the report.
pub(crate) fn compose(
    input: &ReportInput<'_>,
    swings: &[pendulum_core::SwingReport],
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
    let snap = input.snapshot;
    let (pw, ph) = opts.page.points();
    let (w, h) = if opts.landscape {
        (ph.max(pw), pw.min(ph))
    } else {
        (pw.min(ph), ph.max(pw))
    };
    let scope = Scope::of(snap, opts)?;
    let figures = figures(snap, &scope);
    let flags = scoped_flags(snap, &scope, input.flags);
    let title = clean(&opts.title);
    let mut doc = Doc {
        w,
        h,
        shaper: Shaper::new(),
        pages: vec![Vec::new()],
        y: 0.0,
        header: Default::default(),
    };
    let mut outline = vec![OutlineItem {
        title: "Title page".into(),
        page: 0,
        children: Vec::new(),
    }];
    let mut contents: Vec<(String, usize)> = Vec::new();

    // The chart.
    let area = (w - 2.0 * MARGIN, h - 2.0 * MARGIN - HEADER - FOOTER);
    let planner = Planner::new(
        snap,
        PagingRules {
            area,
            one_page: opts.one_page,
            every_levels: opts.break_every_levels,
            min_people: opts.break_min_people,
        },
    );
    let chart = planner.plan(&scope.roots)?;
    let first = doc.pages.len();
    let person_flags = PersonFlags::of(input.flags);
    let mut root_page: FxHashMap<PersonIx, usize> = FxHashMap::default();
    for (k, page) in chart.iter().enumerate() {
        for &r in &page.roots {
            root_page.entry(r).or_insert(k);
        }
    }
    let dotted_home = dotted_home(snap, &chart, &root_page);
    let mut chart_items = Vec::new();
    if chart.is_empty() {
        doc.start_page("Org chart", "No one to draw", "");
        doc.note(&format!(
            "No one is in the org on {}.",
            long_date(snap.as_of())
        ));
    }
    for (k, page) in chart.iter().enumerate() {
        let label = chart_page(
            &mut doc,
            snap,
            &person_flags,
            &root_page,
            dotted_home.as_ref(),
            page,
            (first, k, chart.len()),
        );
        chart_items.push(OutlineItem {
            title: label,
            page: first + k,
            children: Vec::new(),
        });
    }
    contents.push(("Org chart".into(), first));
    outline.push(OutlineItem {
        title: "Org chart".into(),
        page: first,
        children: chart_items,
    });

    // Summary.
    let summary = summary_page(&mut doc, snap, input.config, &scope, &figures, &flags);
    contents.push(("Summary".into(), summary));
    outline.push(OutlineItem {
        title: "Summary".into(),
        page: summary,
        children: Vec::new(),
    });

    // Flags.
    let (flags_page, groups) = flags_pages(&mut doc, snap, &flags);
    contents.push(("Flags".into(), flags_page));
    outline.push(OutlineItem {
        title: "Flags".into(),
        page: flags_page,
        children: groups
            .into_iter()
            .map(|(title, page)| OutlineItem {
                title,
                page,
                children: Vec::new(),
            })
            .collect(),
    });

    // Workload.
    let workload = workload_pages(&mut doc, snap, input.config, &scope);
    contents.push(("Workload".into(), workload));
    outline.push(OutlineItem {
        title: "Workload".into(),
        page: workload,
        children: Vec::new(),
    });

    // Scenario.
    let before = input.scenario.as_ref().and_then(|sc| sc.before);
    let mut swing_items = Vec::new();
    let mut scenario_page = None;
    if let Some(sc) = &input.scenario {
        scenario_page = Some(scenario_pages(&mut doc, snap, sc));
    }
    for swing in swings {
        let (title, page) = swing_page(&mut doc, snap, before, swing);
        swing_items.push(OutlineItem {
            title,
            page,
            children: Vec::new(),
        });
    }
    match (&input.scenario, scenario_page) {
        (Some(sc), Some(page)) => {
            let label = format!("Scenario: {}", clean(sc.name));
            contents.push((label.clone(), page));
            if let Some(first) = swing_items.first() {
                contents.push(("Swings".into(), first.page));
            }
            outline.push(OutlineItem {
                title: label,
                page,
                children: swing_items,
            });
        }
        _ => {
            if let Some(first) = swing_items.first() {
                let page = first.page;
                contents.push(("Swings".into(), page));
                outline.push(OutlineItem {
                    title: "Swings".into(),
                    page,
                    children: swing_items,
                });
            }
        }
    }

    let total = doc.pages.len();
    title_page(
        &mut doc, input, opts, &scope, &figures, &flags, &contents, &title,
    );
    for (i, page) in doc.pages.iter_mut().enumerate().skip(1) {
        footer(page, &mut doc.shaper, w, h, &title, snap.as_of(), i, total);
    }
    Ok(Composed {
        size: (w, h),
        pages: doc.pages,
        outline,
        title,
    })
}

#[allow(clippy::too_many_arguments)]
fn footer(
    marks: &mut Vec<Mark>,
    sh: &mut Shaper,
    w: f64,
    h: f64,
    title: &str,
    as_of: Date,
    i: usize,
    total: usize,
) {
    let y = h - MARGIN;
    marks.push(Mark::hline(MARGIN, w - MARGIN, y - 12.0, RULE, 0.6));
    let left = sh.fit(
        &format!("{title} · as of {}", long_date(as_of)),
        false,
        7.5,
        w / 2.0,
    );
    marks.push(Mark::text(MARGIN, y, 7.5, false, INK_3, left));
    marks.push(Mark::text_aligned(
        w - MARGIN,
        y,
        7.5,
        false,
        INK_3,
        Align::End,
        format!("Page {} of {}", i + 1, total),
    ));
}

fn person_label(snap: &Snapshot<'_>, p: PersonIx) -> String {
    clean(&snap.person(p).name)
}

/// The chart page each person is found on, for notes on dotted lines that leave a page: the
/// page their region starts on, else the first that draws them. `None` when no one has a
/// dotted line, so such reports stay as they were, byte for byte.
fn dotted_home(
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
            Placed::Stub { .. } => None,
        })
        .collect();
    let options = chart_layout(None, 1.0);
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
) -> String {
    let names: Vec<String> = page.roots.iter().map(|&r| person_label(snap, r)).collect();
    let title = match names.as_slice() {
        [] => "Org chart".to_owned(),
        [one] => match snap.person(page.roots[0]).title.trim() {
            "" => one.clone(),
            t => format!("{one} · {}", clean(t)),
        },
        [a, b] => format!("{a} and {b}"),
        [a, b, c] => format!("{a}, {b} and {c}"),
        [a, b, rest @ ..] => format!("{a}, {b} and {} more", rest.len()),
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
        let manager = page
            .roots
            .first()
            .and_then(|&r| snap.parent(r))
            .map(|m| person_label(snap, m));
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
    let at = doc.start_page(&kicker, &title, &subtitle.join(" · "));
    if let (Some(b), Some(text)) = (back, back_text) {
        let lead = doc.shaper.width(&clean(&subtitle.join(" · ")), false, 8.5);
        let x = MARGIN + lead + 12.0;
        let text = format!("← {text}");
        let tw = doc.shaper.width(&text, false, 8.5);
        doc.pages[at].push(Mark::text(x, MARGIN + 39.0, 8.5, false, ACCENT, text));
        doc.pages[at].push(Mark::Link {
            x,
            y: MARGIN + 30.0,
            w: tw,
            h: 12.0,
            page: b,
        });
    }
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

    let (aw, ah) = (doc.width(), doc.h - 2.0 * MARGIN - HEADER - FOOTER);
    let s = page.scale;
    let ox = MARGIN + ((aw - page.width * s) / 2.0).max(0.0);
    let oy = MARGIN + HEADER + ((ah - page.height * s) / 2.0).clamp(0.0, 24.0);
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
                person_card(
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
                stub_card(&mut marks, at_page(rect), s, first + to, people, true);
            }
        }
    }
    doc.pages[at].extend(marks);
    title
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

/// Key-figure tiles in rows of `per_row` across `width`, from `y`; returns the height used.
fn tile_grid<V: AsRef<str>>(
    marks: &mut Vec<Mark>,
    y: f64,
    width: f64,
    per_row: usize,
    tiles: &[(V, &str, Rgb)],
) -> f64 {
    let tile_w = (width - 8.0 * (per_row as f64 - 1.0)) / per_row as f64;
    for (i, (value, label, colour)) in tiles.iter().enumerate() {
        let (r, c) = (i / per_row, i % per_row);
        tile(
            marks,
            MARGIN + c as f64 * (tile_w + 8.0),
            y + r as f64 * 56.0,
            tile_w,
            value.as_ref(),
            label,
            *colour,
        );
    }
    56.0 * tiles.len().div_ceil(per_row) as f64
}

fn tile(marks: &mut Vec<Mark>, x: f64, y: f64, w: f64, value: &str, label: &str, colour: Rgb) {
    marks.push(Mark::Rect {
        x,
        y,
        w,
        h: 48.0,
        radius: 4.0,
        fill: Some(SHADE),
        stroke: None,
        dashed: false,
    });
    marks.push(Mark::text(x + 10.0, y + 24.0, 17.0, true, colour, value));
    marks.push(Mark::text(x + 10.0, y + 38.0, 7.5, false, INK_2, label));
}

fn ratio(managers: u32, ics: u32) -> String {
    if managers == 0 {
        "—".to_owned()
    } else {
        format!(
            "1 : {}",
            num(pendulum_core::stats::round4(
                f64::from(ics) / f64::from(managers)
            ))
        )
    }
}

/// Horizontal bars: (label, value, colour) rows in a box at (x, y) of width `w`; returns
/// the height used.
fn bars(
    marks: &mut Vec<Mark>,
    sh: &mut Shaper,
    x: f64,
    y: f64,
    w: f64,
    rows: &[(String, u64, Rgb)],
) -> f64 {
    let label_w = 74.0;
    let value_w = 48.0;
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let track = (w - label_w - value_w).max(10.0);
    let mut yy = y;
    for (label, value, colour) in rows {
        marks.push(Mark::text(
            x,
            yy + 9.0,
            8.0,
            false,
            INK_2,
            sh.fit(label, false, 8.0, label_w - 6.0),
        ));
        let len = track * (*value as f64) / (max as f64);
        marks.push(Mark::fill(x + label_w, yy + 1.5, track, 9.0, SHADE));
        if *value > 0 {
            marks.push(Mark::fill(
                x + label_w,
                yy + 1.5,
                len.max(1.5),
                9.0,
                *colour,
            ));
        }
        marks.push(Mark::text(
            x + label_w + track + 6.0,
            yy + 9.0,
            8.0,
            true,
            INK,
            count(*value),
        ));
        yy += 14.0;
    }
    yy - y
}

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

fn summary_page(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    config: &RuleConfig,
    scope: &Scope,
    f: &Figures,
    flags: &[&Flag],
) -> usize {
    let st = &f.stats;
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
                num(pendulum_core::stats::round4(
                    f64::from(st.ics) / f64::from(st.managers),
                ))
            }
        ),
    ));
    y += 18.0;

    // Spans, layers and flags side by side (stacked on narrow pages).
    let mut by_rule: BTreeMap<(Severity, pendulum_core::Rule), u64> = BTreeMap::new();
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
                &layer_rows(&f.per_layer, config),
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

fn subject_text(snap: &Snapshot<'_>, f: &Flag) -> String {
    match f.subject.kind {
        SubjectKind::Person => match snap.person_ix(&f.subject.id) {
            Some(p) => format!("{} ({})", snap.person(p).name, f.subject.id),
            None => f.subject.id.clone(),
        },
        SubjectKind::Team => format!("team {}", f.subject.id),
        SubjectKind::Workstream => match snap.workstream_ix(&f.subject.id) {
            Some(w) => snap.org().workstreams.get(w as usize).map_or_else(
                || f.subject.id.clone(),
                |ws| format!("{} ({})", ws.name, ws.id),
            ),
            None => f.subject.id.clone(),
        },
    }
}

fn flag_rows(snap: &Snapshot<'_>, flags: &[&Flag], grouped: bool) -> Vec<Row> {
    let mut rows = Vec::new();
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let of: Vec<&&Flag> = flags.iter().filter(|f| f.severity == sev).collect();
        if of.is_empty() {
            continue;
        }
        if grouped {
            let word = match sev {
                Severity::Error => "Errors",
                Severity::Warning => "Warnings",
                Severity::Info => "Info",
            };
            rows.push(Row::Group {
                text: format!("{word} ({})", count(of.len() as u64)),
                colour: severity_colour(sev),
            });
        }
        for f in of {
            rows.push(Row::Cells {
                cells: vec![
                    cell(f.severity.as_str())
                        .dot(severity_colour(f.severity))
                        .colour(INK_2),
                    cell(f.rule.as_str()),
                    cell(subject_text(snap, f)),
                    cell(f.message.as_str()).colour(INK_2),
                ],
                fill: None,
            });
        }
    }
    rows
}

const FLAG_COLS: [Col; 4] = [
    col("Severity", 0.1, Align::Start, false),
    col("Rule", 0.21, Align::Start, true),
    col("Subject", 0.21, Align::Start, true),
    col("Message", 0.48, Align::Start, true),
];

fn flags_pages(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    flags: &[&Flag],
) -> (usize, Vec<(String, usize)>) {
    let at = doc.start_page(
        "Flags",
        "What the rules found",
        &format!(
            "{} as of {}, by severity",
            plural(flags.len() as u64, "flag", "flags"),
            long_date(snap.as_of())
        ),
    );
    if flags.is_empty() {
        doc.note("No rule fires: nothing to fix.");
        return (at, Vec::new());
    }
    let groups = doc.table(&FLAG_COLS, flag_rows(snap, flags, true));
    (at, groups)
}

fn workload_pages(doc: &mut Doc, snap: &Snapshot<'_>, config: &RuleConfig, scope: &Scope) -> usize {
    let org = snap.org();
    let teams: FxHashSet<&str> = scope
        .people
        .iter()
        .filter_map(|&p| snap.person(p).team.as_ref().map(|t| t.as_str()))
        .collect();
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
    let key = |ws: &pendulum_core::Workstream, l: &pendulum_core::WorkstreamLoad| -> (u8, f64) {
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
                    cell(num(pendulum_core::stats::round4(l.effective_fte))),
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

fn name_of(snap: &Snapshot<'_>, before: Option<&Snapshot<'_>>, id: &str) -> String {
    let from = |s: &Snapshot<'_>| {
        s.person_ix(id)
            .map(|p| format!("{} ({id})", s.person(p).name))
    };
    from(snap)
        .or_else(|| before.and_then(from))
        .unwrap_or_else(|| id.to_owned())
}

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

const METRIC_COLS: [Col; 4] = [
    col("Figure", 0.4, Align::Start, false),
    col("Before", 0.2, Align::End, false),
    col("After", 0.2, Align::End, false),
    col("Change", 0.2, Align::End, false),
];

fn metric_row(label: &str, b: f64, a: f64) -> Row {
    let delta = pendulum_core::stats::round4(a - b);
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

const MOVE_COLS: [Col; 3] = [
    col("Person", 0.34, Align::Start, true),
    col("Reported to", 0.33, Align::Start, true),
    col("Now reports to", 0.33, Align::Start, true),
];

fn move_rows(
    snap: &Snapshot<'_>,
    before: Option<&Snapshot<'_>>,
    moves: &[pendulum_core::Move],
) -> Vec<Row> {
    let who = |id: &Option<pendulum_core::PersonId>| {
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

/// A swing report: who swings which way, the figures before and after, the lines it moves,
/// the flags it adds and resolves, and its timeline. Returns its bookmark and page.
fn swing_page(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    before: Option<&Snapshot<'_>>,
    r: &pendulum_core::SwingReport,
) -> (String, usize) {
    let sw = &r.swing;
    let who = name_of(snap, before, sw.person.as_str());
    let to = match sw.to {
        pendulum_core::SwingTo::Manager => "manager",
        pendulum_core::SwingTo::Ic => "IC",
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
        let change = |x: f64, y: f64| {
            format!(
                "{} → {}",
                num(pendulum_core::stats::round4(x)),
                num(pendulum_core::stats::round4(y))
            )
        };
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

fn scenario_pages(doc: &mut Doc, snap: &Snapshot<'_>, sc: &ScenarioSection<'_>) -> usize {
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

#[allow(clippy::too_many_arguments)]
fn title_page(
    doc: &mut Doc,
    input: &ReportInput<'_>,
    opts: &PdfOptions,
    scope: &Scope,
    f: &Figures,
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

    let st = &f.stats;
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
