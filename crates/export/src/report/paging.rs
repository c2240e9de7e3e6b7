//! Splitting a chart over pages by subtree.
//!
//! A page draws one or more *regions*: a person as its root, some of their reports, and the
//! people under those down to a depth. A person whose reports are not on the page is *cut*:
//! a small "continued on page N" card hangs under them, and they are the root of a region
//! on a later page. Pages are planned breadth-first, so the pages of one subtree follow the
//! page that cuts it.
//!
//! Per region, the planner takes the most levels that still fit the page with names of at
//! least 6 pt; when even a person and their direct reports do not fit (50,000 reports under
//! one manager), the reports are split into consecutive chunks, a page each. Small regions
//! cut from the same page share a page, in rows, when none of them has to shrink. Every walk is
//! a queue: nothing recurses on the depth of the org.

use std::collections::VecDeque;
use std::ops::Range;

use pendulum_core::{PersonIx, Snapshot};
use pendulum_layout::{Forest, ForestNode, LayoutOptions, Placement, Size, StackOptions, layout};

use crate::ExportError;
use crate::card::{CARD_H, CARD_W, NAME_PT, STUB_H, STUB_W};

/// Smallest scale a page may print at: names at 6 pt.
pub(crate) const MIN_SCALE: f64 = 6.0 / NAME_PT;
/// Pages never enlarge the cards.
const MAX_SCALE: f64 = 1.0;
const NO_LIMIT: u32 = u32::MAX;

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
    Stub {
        target: Target,
        rect: (f64, f64, f64, f64),
        people: u32,
    },
}

/// One planned chart page.
#[derive(Clone, Debug)]
pub(crate) struct ChartPage {
    pub roots: Vec<PersonIx>,
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
}

/// What one region shows.
#[derive(Clone, Debug)]
struct Region {
    root: PersonIx,
    /// Which of the root's reports (indices into `children(root)`).
    reports: Range<usize>,
    /// Levels below the root; `NO_LIMIT` for all.
    depth: u32,
    /// People under the root's later reports, which are on the next page (0: none).
    after: u32,
    /// Depth over breadth of its stacked teams (see `StackOptions::aspect`).
    aspect: f64,
}

/// Stacked teams aim at blocks twice as deep as broad unless a region fits better otherwise.
const ASPECTS: [f64; 3] = [2.0, 1.0, 0.5];

enum Kind {
    Person(PersonIx, bool),
    Stub(Target, u32),
}

/// A laid-out page candidate.
struct Built {
    cards: Vec<Placed>,
    edges: Vec<Vec<[f64; 2]>>,
    width: f64,
    height: f64,
    /// Cut people, breadth-first, with the index of the region that cuts them.
    cuts: Vec<(PersonIx, usize)>,
    /// Some person at the region's depth limit has reports (more levels would show more).
    deeper: bool,
    people: usize,
}

/// The chart page being filled: its index, the page that cut its regions, and the regions.
struct OpenPage {
    at: usize,
    from: Option<usize>,
    parts: Vec<(Region, Built)>,
}

/// Regions placed in rows: the offset of each, and the size of the whole.
struct Shelves {
    offsets: Vec<(f64, f64)>,
    width: f64,
    height: f64,
}

pub(crate) struct Planner<'s, 'a> {
    snap: &'s Snapshot<'a>,
    rules: PagingRules,
}

impl<'s, 'a> Planner<'s, 'a> {
    pub(crate) fn new(snap: &'s Snapshot<'a>, rules: PagingRules) -> Planner<'s, 'a> {
        Planner { snap, rules }
    }

    fn scale(&self, w: f64, h: f64) -> f64 {
        let (aw, ah) = self.rules.area;
        let sx = if w > 0.0 { aw / w } else { MAX_SCALE };
        let sy = if h > 0.0 { ah / h } else { MAX_SCALE };
        sx.min(sy).min(MAX_SCALE)
    }

    fn subtree_people(&self, p: PersonIx) -> u32 {
        self.snap.total_under(p).saturating_add(1)
    }

    /// Plans the chart of `roots` (the trees of the scope, in order).
    pub(crate) fn plan(&self, roots: &[PersonIx]) -> Result<Vec<ChartPage>, ExportError> {
        let whole: Vec<Region> = roots.iter().map(|&r| self.full(r, NO_LIMIT)).collect();
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

        let mut pages: Vec<ChartPage> = Vec::new();
        // (region root, page that cut it)
        let mut queue: VecDeque<(PersonIx, Option<usize>)> =
            roots.iter().map(|&r| (r, None)).collect();
        // The page being filled with regions cut from one page: (its index, origin, regions).
        let mut open: Option<OpenPage> = None;
        while let Some((root, from)) = queue.pop_front() {
            let Some(region) = self.deepest(root)? else {
                open = None;
                self.chunk_pages(root, from, &mut pages, &mut queue)?;
                continue;
            };
            let built = self.build(std::slice::from_ref(&region), false)?;
            // Share the open page when the regions fit on it without shrinking any of them.
            if let Some(OpenPage {
                at,
                from: origin,
                parts,
            }) = &mut open
                && *origin == from
            {
                let mut all: Vec<&Built> = parts.iter().map(|(_, b)| b).collect();
                all.push(&built);
                if self.shelve(&all).is_some() {
                    let here = *at;
                    for &(c, _) in &built.cuts {
                        queue.push_back((c, Some(here)));
                    }
                    parts.push((region, built));
                    if let Some(page) = self.merge(parts, from) {
                        pages[here] = page;
                    }
                    continue;
                }
            }
            let here = pages.len();
            for &(c, _) in &built.cuts {
                queue.push_back((c, Some(here)));
            }
            let parts = vec![(region, built)];
            if let Some(page) = self.merge(&parts, from) {
                pages.push(page);
            }
            open = Some(OpenPage {
                at: here,
                from,
                parts,
            });
        }
        Ok(pages)
    }

    /// Places laid-out regions in rows (shelves), left to right, at the smallest scale any of
    /// them needs alone; `None` when they do not all fit the page at that scale. Returns the
    /// offset of each and the size of the whole.
    fn shelve(&self, parts: &[&Built]) -> Option<Shelves> {
        const GAP: f64 = 40.0;
        let s = parts
            .iter()
            .map(|b| self.scale(b.width, b.height))
            .fold(MAX_SCALE, f64::min);
        let (aw, ah) = (self.rules.area.0 / s, self.rules.area.1 / s);
        let mut offsets = Vec::with_capacity(parts.len());
        let (mut x, mut y, mut row, mut width) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        for b in parts {
            if x > 0.0 && x + b.width > aw {
                y += row + GAP;
                (x, row) = (0.0, 0.0);
            }
            offsets.push((x, y));
            width = width.max(x + b.width);
            row = row.max(b.height);
            x += b.width + GAP;
        }
        let height = y + row;
        // A hair of slack for rounding: a region alone always fits at its own scale.
        (width <= aw * 1.000_001 && height <= ah * 1.000_001).then_some(Shelves {
            offsets,
            width,
            height,
        })
    }

    /// One page of shelved regions.
    fn merge(&self, parts: &[(Region, Built)], from: Option<usize>) -> Option<ChartPage> {
        let all: Vec<&Built> = parts.iter().map(|(_, b)| b).collect();
        let Shelves {
            offsets,
            width,
            height,
        } = self.shelve(&all)?;
        let mut merged = Built {
            cards: Vec::new(),
            edges: Vec::new(),
            width,
            height,
            cuts: Vec::new(),
            deeper: false,
            people: 0,
        };
        for ((_, b), &(dx, dy)) in parts.iter().zip(&offsets) {
            merged.cards.extend(b.cards.iter().map(|c| match *c {
                Placed::Person {
                    person,
                    rect: (x, y, w, h),
                    continued,
                    placement,
                } => Placed::Person {
                    person,
                    rect: (x + dx, y + dy, w, h),
                    continued,
                    placement,
                },
                Placed::Stub {
                    target,
                    rect: (x, y, w, h),
                    people,
                } => Placed::Stub {
                    target,
                    rect: (x + dx, y + dy, w, h),
                    people,
                },
            }));
            merged.edges.extend(
                b.edges
                    .iter()
                    .map(|e| e.iter().map(|[x, y]| [x + dx, y + dy]).collect()),
            );
            merged.people += b.people;
        }
        let regions: Vec<Region> = parts.iter().map(|(r, _)| r.clone()).collect();
        Some(self.finish(merged, &regions, from, None))
    }

    /// `root` with all their reports down to `depth` levels.
    fn full(&self, root: PersonIx, depth: u32) -> Region {
        Region {
            root,
            reports: 0..self.snap.children(root).len(),
            depth,
            after: 0,
            aspect: ASPECTS[0],
        }
    }

    /// The region of `root` with the most levels that fits a page; `None` when not even the
    /// root and their direct reports fit.
    fn deepest(&self, root: PersonIx) -> Result<Option<Region>, ExportError> {
        let limit = self.rules.every_levels.map_or(NO_LIMIT, |n| n.max(1));
        let mut best = None;
        let mut depth = 1;
        loop {
            // The first stack shape that prints this depth legibly, if any does.
            let mut found: Option<(Region, bool)> = None;
            for aspect in ASPECTS {
                let region = Region {
                    aspect,
                    ..self.full(root, depth)
                };
                let built = self.build(std::slice::from_ref(&region), false)?;
                if self.scale(built.width, built.height) >= MIN_SCALE {
                    found = Some((region, built.deeper));
                    break;
                }
            }
            let Some((region, deeper)) = found else {
                // A leaf always fits, so a root without reports is never refused.
                if self.snap.children(root).is_empty() {
                    return Ok(Some(self.full(root, depth)));
                }
                break;
            };
            best = Some(region);
            if !deeper || depth >= limit {
                break;
            }
            depth += 1;
        }
        Ok(best)
    }

    /// Pages for a manager whose reports do not fit one page: consecutive chunks of reports,
    /// each as many as fit.
    fn chunk_pages(
        &self,
        root: PersonIx,
        from: Option<usize>,
        pages: &mut Vec<ChartPage>,
        queue: &mut VecDeque<(PersonIx, Option<usize>)>,
    ) -> Result<(), ExportError> {
        let reports = self.snap.children(root);
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
        };
        let mut start = 0;
        while start < total {
            let fits = |end: usize| -> Result<bool, ExportError> {
                let region = chunk(start..end);
                let built = self.build(std::slice::from_ref(&region), true)?;
                Ok(self.scale(built.width, built.height) >= MIN_SCALE)
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
            let here = pages.len();
            for &(c, _) in &built.cuts {
                queue.push_back((c, Some(here)));
            }
            let chunk = Some((start, good, total));
            let origin = if start == 0 { from } else { Some(here - 1) };
            pages.push(self.finish(built, std::slice::from_ref(&region), origin, chunk));
            start = good;
        }
        Ok(())
    }

    fn finish(
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
        }
    }

    /// Lays out regions side by side. `fill` shapes stacked teams like the page, as a chunk
    /// of a huge team is nothing but one stack.
    fn build(&self, regions: &[Region], fill: bool) -> Result<Built, ExportError> {
        let snap = self.snap;
        let card = Size::new(CARD_W, CARD_H);
        let stub = Size::new(STUB_W, STUB_H);
        let mut nodes: Vec<ForestNode> = Vec::new();
        let mut kinds: Vec<Kind> = Vec::new();
        let mut cuts = Vec::new();
        let mut deeper = false;
        let mut people = 0usize;
        // (forest node, person, levels below the region root, region)
        let mut queue: VecDeque<(u32, PersonIx, u32, usize)> = VecDeque::new();
        for (k, region) in regions.iter().enumerate() {
            let at = nodes.len() as u32;
            nodes.push(ForestNode::root(card));
            kinds.push(Kind::Person(region.root, region.reports.start > 0));
            people += 1;
            queue.push_back((at, region.root, 0, k));
        }
        while let Some((at, p, level, k)) = queue.pop_front() {
            let region = &regions[k];
            let all = snap.children(p);
            let shown: &[PersonIx] = if level == 0 {
                all.get(region.reports.clone()).unwrap_or(&[])
            } else {
                all
            };
            if all.is_empty() {
                continue;
            }
            let cut_here = level > 0
                && (level >= region.depth
                    || self
                        .rules
                        .min_people
                        .is_some_and(|m| self.subtree_people(p) >= m));
            if cut_here {
                if level >= region.depth {
                    deeper = true;
                }
                cuts.push((p, k));
                nodes.push(ForestNode::child(at, stub));
                kinds.push(Kind::Stub(Target::Root(p), snap.total_under(p)));
                continue;
            }
            for &c in shown {
                let child = nodes.len() as u32;
                let mut node = ForestNode::child(at, card);
                node.assistant = snap.person(c).assistant;
                nodes.push(node);
                kinds.push(Kind::Person(c, false));
                people += 1;
                queue.push_back((child, c, level + 1, k));
            }
            if level == 0 && region.after > 0 {
                nodes.push(ForestNode::child(at, stub));
                kinds.push(Kind::Stub(Target::NextChunk, region.after));
            }
        }
        let forest = Forest::new(&nodes)?;
        let aspect = regions.first().map_or(ASPECTS[0], |r| r.aspect);
        let laid = layout(
            &forest,
            &chart_layout(fill.then_some(self.rules.area), aspect),
        );
        let mut cards = Vec::with_capacity(laid.nodes.len());
        for b in &laid.nodes {
            let rect = (b.x, b.y, b.width, b.height);
            cards.push(match kinds.get(b.index as usize) {
                Some(Kind::Person(p, continued)) => Placed::Person {
                    person: *p,
                    rect,
                    continued: *continued,
                    placement: b.placement,
                },
                Some(Kind::Stub(target, people)) => Placed::Stub {
                    target: *target,
                    rect,
                    people: *people,
                },
                None => continue,
            });
        }
        Ok(Built {
            cards,
            edges: laid.edges.into_iter().map(|e| e.points).collect(),
            width: laid.width,
            height: laid.height,
            cuts,
            deeper,
            people,
        })
    }
}

/// The chart's geometry on paper; with `fill`, stacked teams take the shape of that area.
pub(crate) fn chart_layout(fill: Option<(f64, f64)>, aspect: f64) -> LayoutOptions {
    let base = LayoutOptions {
        sibling_gap: 16.0,
        level_gap: 32.0,
        tree_gap: 40.0,
        ..LayoutOptions::default()
    };
    let stack = StackOptions {
        row_gap: 10.0,
        indent: 20.0,
        ..StackOptions::default()
    };
    let aspect = match fill {
        Some((aw, ah)) => ((ah - CARD_H - base.level_gap).max(CARD_H) / aw.max(1.0)).max(0.1),
        None => aspect,
    };
    LayoutOptions {
        stack: Some(StackOptions { aspect, ..stack }),
        ..base
    }
}
