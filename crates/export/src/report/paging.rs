//! Splitting a chart over pages by subtree.
//!
//! A page draws one or more *regions*: a tree's top (a person, or the placeholder of a
//! manager who is not drawn) as its root, some of its reports, and the people under those
//! down to a depth. A person whose reports are not on the page is *cut*: a small "continued
//! on page N" card hangs under their card, and they are the root of a region on a later page.
//! A cut person and their card form one leaf of the layout, so a team of cut managers stacks
//! in columns like a team of ICs.
//!
//! Per region, the planner takes the most levels that still fit the page with names of at
//! least the plan's smallest size; when even a root and their direct reports do not fit
//! (50,000 reports under one manager), the reports are split into consecutive chunks, a page
//! each. Regions are then packed into pages (`sheets.rs`): trees biggest first, each region
//! on the first page after the one that cuts it where it fits. The smallest name size is
//! 6 pt, raised to 7 or 8 pt when that keeps the median name at 7.5 pt or more. Every walk is
//! a queue: nothing recurses on the depth of the org.

use std::collections::VecDeque;
use std::ops::Range;

use pendulum_core::{PersonIx, Snapshot, Top};
use rustc_hash::FxHashSet;

use pendulum_layout::{
    Forest, ForestNode, LayoutOptions, Placement, Size, StackOptions, Trees, layout,
};

use super::sheets::{Sheet, Sheets};
use crate::ExportError;
use crate::card::{Cards, NAME_PT};

/// Smallest scale a page may print at: names at 6 pt.
pub(crate) const MIN_SCALE: f64 = 6.0 / NAME_PT;
/// Pages never enlarge the cards.
pub(super) const MAX_SCALE: f64 = 1.0;
const NO_LIMIT: u32 = u32::MAX;
/// The smallest name sizes a plan may use, tried in turn until half the names print at
/// `MEDIAN_PT` or more (a smaller floor packs more people on a page).
const FLOORS_PT: [f64; 7] = [6.0, 6.25, 6.5, 6.75, 7.0, 7.25, 7.5];
const MEDIAN_PT: f64 = 7.5;

/// How the planner may cut.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PagingRules {
    /// Printable chart area in points.
    pub area: (f64, f64),
    /// Everything on one page, whatever the scale.
    pub one_page: bool,
    /// A region spans at most this many levels below its root.
    pub every_levels: Option<u32>,
    /// A person with at least this many people in their subtree (themselves included) starts
    /// a region of their own.
    pub min_people: Option<u32>,
    /// The cards the chart is laid out with.
    pub cards: Cards,
}

/// Where a "continued" card leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// The page whose region is rooted at this person (their first chunk).
    Root(PersonIx),
    /// The next chunk of the same manager's reports: the page after this one.
    NextChunk,
}

/// A card on a chart page, in layout units (points at scale 1).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Placed {
    Person {
        person: PersonIx,
        rect: (f64, f64, f64, f64),
        /// A root that continues a chunked team.
        continued: bool,
        /// How the card hangs off its manager's (for routing dotted lines).
        placement: Placement,
    },
    /// The card of a manager who is named but not drawn (`Snapshot::placeholders`).
    Placeholder {
        placeholder: u32,
        rect: (f64, f64, f64, f64),
    },
    Stub {
        target: Target,
        rect: (f64, f64, f64, f64),
        people: u32,
    },
}

impl Placed {
    pub(super) fn moved(self, dx: f64, dy: f64) -> Placed {
        let at = |(x, y, w, h): (f64, f64, f64, f64)| (x + dx, y + dy, w, h);
        match self {
            Placed::Person {
                person,
                rect,
                continued,
                placement,
            } => Placed::Person {
                person,
                rect: at(rect),
                continued,
                placement,
            },
            Placed::Placeholder { placeholder, rect } => Placed::Placeholder {
                placeholder,
                rect: at(rect),
            },
            Placed::Stub {
                target,
                rect,
                people,
            } => Placed::Stub {
                target,
                rect: at(rect),
                people,
            },
        }
    }
}

/// One planned chart page.
#[derive(Clone, Debug)]
pub(crate) struct ChartPage {
    pub roots: Vec<Top>,
    pub cards: Vec<Placed>,
    pub edges: Vec<Vec<[f64; 2]>>,
    pub width: f64,
    pub height: f64,
    pub scale: f64,
    /// For a chunk of a split team: (first report shown, one past the last, all reports).
    pub chunk: Option<(usize, usize, usize)>,
    /// Chart page that cuts this page's first root (its manager's page), if any.
    pub from: Option<usize>,
    /// People drawn as cards on this page.
    pub people: usize,
    /// The cards it is laid out with.
    pub card_set: Cards,
}

/// What one region shows.
#[derive(Clone, Debug)]
pub(super) struct Region {
    pub root: Top,
    /// Which of the root's reports (indices into the root's children).
    reports: Range<usize>,
    /// Levels below the root; `NO_LIMIT` for all.
    depth: u32,
    /// People under the root's later reports, which are on the next page (0: none).
    after: u32,
    /// Depth over breadth of its stacked teams (see `StackOptions::aspect`).
    aspect: f64,
    /// The people below the root whose reports are shown too (`None`: everyone's, down to
    /// `depth`).
    open: Option<FxHashSet<PersonIx>>,
}

/// Stacked teams aim at blocks twice as deep as broad unless a region fits better otherwise.
const ASPECTS: [f64; 3] = [2.0, 1.0, 0.5];

enum Kind {
    Person(PersonIx, bool),
    Placeholder(u32),
    /// A person whose reports are on another page, with the "continued" card under them.
    Cut(PersonIx),
    Stub(Target, u32),
}

/// A laid-out region (or page of regions).
pub(super) struct Built {
    pub cards: Vec<Placed>,
    pub edges: Vec<Vec<[f64; 2]>>,
    pub width: f64,
    pub height: f64,
    /// Cut people, breadth-first.
    pub cuts: Vec<PersonIx>,
    pub people: usize,
}

pub(crate) struct Planner<'s, 'a> {
    snap: &'s Snapshot<'a>,
    rules: PagingRules,
    /// The smallest scale the plan being made prints at.
    floor: f64,
    /// The largest scale a page prints at.
    max_scale: f64,
    /// Trees in rows near this width over height, instead of side by side.
    rows: Option<f64>,
}

impl<'s, 'a> Planner<'s, 'a> {
    pub(crate) fn new(snap: &'s Snapshot<'a>, rules: PagingRules) -> Planner<'s, 'a> {
        Planner {
            snap,
            rules,
            floor: MIN_SCALE,
            max_scale: MAX_SCALE,
            rows: None,
        }
    }

    /// The whole chart of `tops` on one page of the planner's area, as large as it fits up to
    /// `max_scale`: trees in rows near the area's proportions, stacked teams in the shape
    /// that prints largest.
    pub(crate) fn poster(
        &mut self,
        tops: &[Top],
        max_scale: f64,
    ) -> Result<ChartPage, ExportError> {
        let (aw, ah) = self.rules.area;
        self.max_scale = max_scale;
        self.rows = Some(aw / ah.max(1.0));
        let shaped = |aspect: f64| -> Vec<Region> {
            tops.iter()
                .map(|&r| Region {
                    aspect,
                    ..self.full(r, NO_LIMIT)
                })
                .collect()
        };
        let mut whole = shaped(ASPECTS[0]);
        let mut built = self.build(&whole, false)?;
        for aspect in &ASPECTS[1..] {
            let other = shaped(*aspect);
            let b = self.build(&other, false)?;
            if self.scale(b.width, b.height) > self.scale(built.width, built.height) {
                (whole, built) = (other, b);
            }
        }
        let page = self.finish(built, &whole, None, None);
        self.max_scale = MAX_SCALE;
        self.rows = None;
        Ok(page)
    }

    /// The planner with pages printing at most at `max_scale`.
    pub(super) fn max_scale(mut self, max_scale: f64) -> Planner<'s, 'a> {
        self.max_scale = max_scale;
        self
    }

    /// The smallest scale the plan being made prints at.
    pub(super) fn floor(&self) -> f64 {
        self.floor
    }

    pub(super) fn area(&self) -> (f64, f64) {
        self.rules.area
    }

    pub(super) fn scale(&self, w: f64, h: f64) -> f64 {
        let (aw, ah) = self.rules.area;
        let sx = if w > 0.0 { aw / w } else { MAX_SCALE };
        let sy = if h > 0.0 { ah / h } else { MAX_SCALE };
        sx.min(sy).min(self.max_scale)
    }

    fn legible(&self, b: &Built) -> bool {
        self.scale(b.width, b.height) >= self.floor
    }

    fn children(&self, t: Top) -> &'s [PersonIx] {
        match t {
            Top::Person(p) => self.snap.children(p),
            Top::Placeholder(k) => self
                .snap
                .placeholders()
                .get(k as usize)
                .map_or(&[], |p| p.reports.as_slice()),
        }
    }

    fn subtree_people(&self, p: PersonIx) -> u32 {
        self.snap.total_under(p).saturating_add(1)
    }

    fn top_people(&self, t: Top) -> u32 {
        match t {
            Top::Person(p) => self.subtree_people(p),
            Top::Placeholder(k) => self.snap.placeholder_people(k),
        }
    }

    /// Plans the chart of `tops` (the trees of the scope, in order).
    pub(crate) fn plan(&mut self, tops: &[Top]) -> Result<Vec<ChartPage>, ExportError> {
        let whole: Vec<Region> = tops.iter().map(|&r| self.full(r, NO_LIMIT)).collect();
        if self.rules.one_page {
            let built = self.build(&whole, false)?;
            return Ok(vec![self.finish(built, &whole, None, None)]);
        }
        let forced = self.rules.every_levels.is_some() || self.rules.min_people.is_some();
        if !forced && !whole.is_empty() {
            let built = self.build(&whole, false)?;
            if self.scale(built.width, built.height) >= MIN_SCALE {
                return Ok(vec![self.finish(built, &whole, None, None)]);
            }
        }
        // Biggest trees first; the sort is stable, so equal trees keep their order.
        let mut order = tops.to_vec();
        order.sort_by_key(|&t| std::cmp::Reverse(self.top_people(t)));
        let mut plan = Vec::new();
        for pt in FLOORS_PT {
            self.floor = pt / NAME_PT;
            plan = self.pack(&order)?;
            if median_name_pt(&plan) >= MEDIAN_PT {
                break;
            }
        }
        self.floor = MIN_SCALE;
        Ok(plan)
    }

    /// Regions breadth-first from `tops`: each that cuts people is packed on the first page
    /// after the one that cuts it where it fits; the others (whole trees and subtrees) are
    /// then packed into the gaps, biggest first.
    fn pack(&self, tops: &[Top]) -> Result<Vec<ChartPage>, ExportError> {
        let mut sheets = Sheets::default();
        let mut fillers = Vec::new();
        // (region root, page that cut it)
        let mut queue: VecDeque<(Top, Option<usize>)> = tops.iter().map(|&r| (r, None)).collect();
        while let Some((root, from)) = queue.pop_front() {
            let Some(region) = self.deepest(root)? else {
                self.chunk_pages(root, from, &mut sheets, &mut queue)?;
                continue;
            };
            let built = self.build(std::slice::from_ref(&region), false)?;
            if built.cuts.is_empty() {
                fillers.push((region, built, from));
                continue;
            }
            let cuts = built.cuts.clone();
            let here = sheets.place(self, region, built, from);
            queue.extend(cuts.into_iter().map(|c| (Top::Person(c), Some(here))));
        }
        // Biggest first; the sort is stable, so equal ones keep their order.
        fillers.sort_by(|a, b| (b.1.width * b.1.height).total_cmp(&(a.1.width * a.1.height)));
        for (region, built, from) in fillers {
            sheets.place(self, region, built, from);
        }
        Ok(sheets.pages(self))
    }

    /// `root` with all their reports down to `depth` levels.
    fn full(&self, root: Top, depth: u32) -> Region {
        Region {
            root,
            reports: 0..self.children(root).len(),
            depth,
            after: 0,
            aspect: ASPECTS[0],
            open: None,
        }
    }

    /// The region of `root` that fills a page: the whole tree when it fits, else the root,
    /// their reports and, breadth-first, the reports of each person shown whose team still
    /// fits (a team is shown whole or not at all); `None` when not even the root and their
    /// direct reports fit.
    pub(super) fn deepest(&self, root: Top) -> Result<Option<Region>, ExportError> {
        let limit = self.rules.every_levels.map_or(NO_LIMIT, |n| n.max(1));
        let whole = self.full(root, limit);
        // Cards never overlap, so a tree of more people than the page has room for cards is
        // not laid out whole (which keeps a long chain linear).
        let (aw, ah) = self.rules.area;
        let card = self.rules.cards;
        let room = aw * ah / (self.floor * self.floor * card.w * card.h);
        if f64::from(self.top_people(root)) <= room
            && self.legible(&self.build(std::slice::from_ref(&whole), false)?)
        {
            return Ok(Some(whole));
        }
        if self.children(root).is_empty() {
            // A leaf always fits, so a root without reports is never refused.
            return Ok(Some(whole));
        }
        // The first stack shape that prints the root's team legibly, if any does.
        let mut region = None;
        for aspect in ASPECTS {
            let r = Region {
                aspect,
                open: Some(FxHashSet::default()),
                ..self.full(root, limit)
            };
            if self.legible(&self.build(std::slice::from_ref(&r), false)?) {
                region = Some(r);
                break;
            }
        }
        let Some(mut region) = region else {
            return Ok(None);
        };
        // (person shown, their level below the root)
        let mut queue: VecDeque<(PersonIx, u32)> = self
            .children(root)
            .iter()
            .map(|&c| (c, 1))
            .filter(|&(c, l)| self.cut(&region, c, l))
            .collect();
        while let Some((p, level)) = queue.pop_front() {
            let own_page = self
                .rules
                .min_people
                .is_some_and(|m| self.subtree_people(p) >= m);
            if level >= limit || own_page {
                continue;
            }
            if let Some(open) = region.open.as_mut() {
                open.insert(p);
            }
            let mut fits = false;
            // Stacks may take another shape to make room for the team.
            for aspect in std::iter::once(region.aspect).chain(ASPECTS) {
                let tried = Region {
                    aspect,
                    ..region.clone()
                };
                if self.legible(&self.build(std::slice::from_ref(&tried), false)?) {
                    region.aspect = aspect;
                    fits = true;
                    break;
                }
            }
            if fits {
                let next = level + 1;
                queue.extend(
                    self.snap
                        .children(p)
                        .iter()
                        .map(|&c| (c, next))
                        .filter(|&(c, l)| self.cut(&region, c, l)),
                );
            } else if let Some(open) = region.open.as_mut() {
                open.remove(&p);
            }
        }
        Ok(Some(region))
    }

    /// Pages for a root whose reports do not fit one page: consecutive chunks of reports,
    /// each as many as fit.
    fn chunk_pages(
        &self,
        root: Top,
        from: Option<usize>,
        sheets: &mut Sheets,
        queue: &mut VecDeque<(Top, Option<usize>)>,
    ) -> Result<(), ExportError> {
        let reports = self.children(root);
        let total = reports.len();
        // people_after[i]: people under reports i.. (each report and their subtree)
        let mut people_after = vec![0u32; total + 1];
        for i in (0..total).rev() {
            people_after[i] = people_after[i + 1].saturating_add(self.subtree_people(reports[i]));
        }
        let chunk = |range: Range<usize>| Region {
            root,
            after: people_after.get(range.end).copied().unwrap_or(0),
            reports: range,
            depth: 1,
            aspect: ASPECTS[0],
            open: None,
        };
        let mut start = 0;
        while start < total {
            let fits = |end: usize| -> Result<bool, ExportError> {
                let region = chunk(start..end);
                let built = self.build(std::slice::from_ref(&region), true)?;
                Ok(self.legible(&built))
            };
            // Grow by doubling, then bisect between the last fit and the first misfit.
            let (mut good, mut step) = (start + 1, 1usize);
            let mut bad = None;
            while good < total {
                let next = (start + step * 2).min(total);
                if fits(next)? {
                    good = next;
                    step *= 2;
                } else {
                    bad = Some(next);
                    break;
                }
            }
            if let Some(mut hi) = bad {
                while hi - good > 1 {
                    let mid = good + (hi - good) / 2;
                    if fits(mid)? {
                        good = mid;
                    } else {
                        hi = mid;
                    }
                }
            }
            // Spread what is left evenly over the pages it needs, so no page holds a stray few.
            let (left, most) = (total - start, (good - start).max(1));
            let end = start + left.div_ceil(left.div_ceil(most));
            let good = end.min(good).max(start + 1);
            let region = chunk(start..good);
            let built = self.build(std::slice::from_ref(&region), true)?;
            let here = sheets.len();
            queue.extend(built.cuts.iter().map(|&c| (Top::Person(c), Some(here))));
            let chunk = Some((start, good, total));
            let origin = if start == 0 {
                from
            } else {
                here.checked_sub(1)
            };
            let page = self.finish(built, std::slice::from_ref(&region), origin, chunk);
            sheets.push(Sheet::Fixed(page));
            start = good;
        }
        Ok(())
    }

    pub(super) fn finish(
        &self,
        built: Built,
        regions: &[Region],
        from: Option<usize>,
        chunk: Option<(usize, usize, usize)>,
    ) -> ChartPage {
        ChartPage {
            roots: regions.iter().map(|r| r.root).collect(),
            scale: self.scale(built.width, built.height),
            cards: built.cards,
            edges: built.edges,
            width: built.width,
            height: built.height,
            chunk,
            from,
            people: built.people,
            card_set: self.rules.cards,
        }
    }

    /// Whether `p`, shown `level` levels below a root of `region`, is cut there.
    fn cut(&self, region: &Region, p: PersonIx, level: u32) -> bool {
        !self.snap.children(p).is_empty()
            && (level >= region.depth
                || region.open.as_ref().is_some_and(|open| !open.contains(&p))
                || self
                    .rules
                    .min_people
                    .is_some_and(|m| self.subtree_people(p) >= m))
    }

    /// Lays out regions side by side. `fill` shapes stacked teams like the page, as a chunk
    /// of a huge team is nothing but one stack.
    pub(super) fn build(&self, regions: &[Region], fill: bool) -> Result<Built, ExportError> {
        let snap = self.snap;
        let c = self.rules.cards;
        let card = Size::new(c.w, c.h);
        let stub = Size::new(c.stub_w, c.stub_h);
        let cut_card = Size::new(c.w, c.h + c.cut_gap + c.stub_h);
        let mut nodes: Vec<ForestNode> = Vec::new();
        let mut kinds: Vec<Kind> = Vec::new();
        let mut cuts = Vec::new();
        let mut people = 0usize;
        // (forest node, top, levels below the region root, region)
        let mut queue: VecDeque<(u32, Top, u32, usize)> = VecDeque::new();
        for (k, region) in regions.iter().enumerate() {
            let at = nodes.len() as u32;
            match region.root {
                Top::Person(p) => {
                    nodes.push(ForestNode::root(card));
                    kinds.push(Kind::Person(p, region.reports.start > 0));
                    people += 1;
                }
                Top::Placeholder(h) => {
                    nodes.push(ForestNode::root(Size::new(c.w, c.placeholder_h)));
                    kinds.push(Kind::Placeholder(h));
                }
            }
            queue.push_back((at, region.root, 0, k));
        }
        while let Some((at, t, level, k)) = queue.pop_front() {
            let region = &regions[k];
            let all = self.children(t);
            let shown: &[PersonIx] = if level == 0 {
                all.get(region.reports.clone()).unwrap_or(&[])
            } else {
                all
            };
            for &c in shown {
                let child = nodes.len() as u32;
                people += 1;
                if self.cut(region, c, level + 1) {
                    cuts.push(c);
                    let mut node = ForestNode::child(at, cut_card);
                    node.assistant = snap.person(c).assistant;
                    nodes.push(node);
                    kinds.push(Kind::Cut(c));
                    continue;
                }
                let mut node = ForestNode::child(at, card);
                node.assistant = snap.person(c).assistant;
                nodes.push(node);
                kinds.push(Kind::Person(c, false));
                queue.push_back((child, Top::Person(c), level + 1, k));
            }
            if level == 0 && region.after > 0 {
                nodes.push(ForestNode::child(at, stub));
                kinds.push(Kind::Stub(Target::NextChunk, region.after));
            }
        }
        let forest = Forest::new(&nodes)?;
        let aspect = regions.first().map_or(ASPECTS[0], |r| r.aspect);
        let mut options = chart_layout(fill.then_some(self.rules.area), aspect, &c);
        if let Some(aspect) = self.rows {
            options.trees = Trees::Rows { aspect };
        }
        let laid = layout(&forest, &options);
        let mut cards = Vec::with_capacity(laid.nodes.len());
        let mut edges: Vec<Vec<[f64; 2]>> = laid.edges.into_iter().map(|e| e.points).collect();
        for b in &laid.nodes {
            let rect = (b.x, b.y, b.width, b.height);
            match kinds.get(b.index as usize) {
                Some(Kind::Person(p, continued)) => cards.push(Placed::Person {
                    person: *p,
                    rect,
                    continued: *continued,
                    placement: b.placement,
                }),
                Some(Kind::Placeholder(h)) => cards.push(Placed::Placeholder {
                    placeholder: *h,
                    rect,
                }),
                Some(Kind::Cut(p)) => {
                    let (x, y, w, _) = rect;
                    cards.push(Placed::Person {
                        person: *p,
                        rect: (x, y, w, c.h),
                        continued: false,
                        placement: b.placement,
                    });
                    let top = y + c.h + c.cut_gap;
                    edges.push(vec![[x + w / 2.0, y + c.h], [x + w / 2.0, top]]);
                    cards.push(Placed::Stub {
                        target: Target::Root(*p),
                        rect: (x + (w - c.stub_w) / 2.0, top, c.stub_w, c.stub_h),
                        people: snap.total_under(*p),
                    });
                }
                Some(Kind::Stub(target, people)) => cards.push(Placed::Stub {
                    target: *target,
                    rect,
                    people: *people,
                }),
                None => {}
            }
        }
        Ok(Built {
            cards,
            edges,
            width: laid.width,
            height: laid.height,
            cuts,
            people,
        })
    }
}

/// The median size names print at on `pages`, from each page's scale (0 with no one).
fn median_name_pt(pages: &[ChartPage]) -> f64 {
    let mut sizes: Vec<(f64, usize)> = pages.iter().map(|p| (p.scale, p.people)).collect();
    sizes.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: usize = sizes.iter().map(|s| s.1).sum();
    let mut seen = 0;
    for (scale, people) in sizes {
        seen += people;
        if 2 * seen > total {
            return scale * NAME_PT;
        }
    }
    0.0
}

/// The chart's geometry on paper with `cards` (compact cards sit closer); with `fill`,
/// stacked teams take the shape of that area.
pub(crate) fn chart_layout(fill: Option<(f64, f64)>, aspect: f64, cards: &Cards) -> LayoutOptions {
    let (sibling_gap, level_gap, tree_gap, row_gap, indent) = if cards.compact {
        (10.0, 22.0, 24.0, 6.0, 14.0)
    } else {
        (16.0, 32.0, 40.0, 10.0, 20.0)
    };
    let base = LayoutOptions {
        sibling_gap,
        level_gap,
        tree_gap,
        ..LayoutOptions::default()
    };
    let stack = StackOptions {
        row_gap,
        indent,
        ..StackOptions::default()
    };
    let card_h = cards.h;
    let aspect = match fill {
        Some((aw, ah)) => ((ah - card_h - base.level_gap).max(card_h) / aw.max(1.0)).max(0.1),
        None => aspect,
    };
    LayoutOptions {
        stack: Some(StackOptions { aspect, ..stack }),
        ..base
    }
}
