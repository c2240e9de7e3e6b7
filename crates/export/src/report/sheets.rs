//! Packing regions into chart pages.
//!
//! A region goes on the first page after the one that cuts it (any page for a tree's top)
//! where it fits with the regions already there; otherwise on a new page. A page's regions are set in
//! rows (shelves), tallest first, all at one scale: the largest at which they fit, never
//! under the plan's smallest.

use super::paging::{Built, ChartPage, MAX_SCALE, Planner, Region};

/// Between regions on a page, in layout units.
const GAP: f64 = 24.0;

/// A chart page being planned.
pub(super) enum Sheet {
    /// Regions packed so far, each with the page that cut it.
    Parts(Vec<(Region, Built, Option<usize>)>),
    /// A chunk of a team too wide for a page: a page of its own, in sequence with the others.
    Fixed(ChartPage),
}

/// The pages of a plan, in order.
#[derive(Default)]
pub(super) struct Sheets(Vec<Sheet>);

/// Regions placed in rows: the offset of each, and the size of the whole.
struct Shelves {
    offsets: Vec<(f64, f64)>,
    width: f64,
    height: f64,
}

impl Sheets {
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    pub(super) fn push(&mut self, sheet: Sheet) {
        self.0.push(sheet);
    }

    /// Puts `region` on the first page that takes it after `from` (see the module docs);
    /// returns that page's index.
    pub(super) fn place(
        &mut self,
        planner: &Planner<'_, '_>,
        region: Region,
        built: Built,
        from: Option<usize>,
    ) -> usize {
        let first = from.map_or(0, |f| f + 1);
        for at in first..self.0.len() {
            if let Some(Sheet::Parts(parts)) = self.0.get_mut(at) {
                let mut all: Vec<&Built> = parts.iter().map(|(_, b, _)| b).collect();
                all.push(&built);
                if shelve(planner, &all, planner.floor()).is_some() {
                    parts.push((region, built, from));
                    return at;
                }
            }
        }
        self.0.push(Sheet::Parts(vec![(region, built, from)]));
        self.0.len() - 1
    }

    /// The finished pages.
    pub(super) fn pages(self, planner: &Planner<'_, '_>) -> Vec<ChartPage> {
        self.0
            .into_iter()
            .filter_map(|sheet| match sheet {
                Sheet::Fixed(page) => Some(page),
                Sheet::Parts(parts) => merge(planner, parts),
            })
            .collect()
    }
}

/// The largest scale, at most the smallest any part needs alone and at least the plan's
/// floor, at which the parts fit the page in shelves (found by bisection); with the shelves.
fn best_shelves(planner: &Planner<'_, '_>, parts: &[&Built]) -> Option<Shelves> {
    let top = parts
        .iter()
        .map(|b| planner.scale(b.width, b.height))
        .fold(MAX_SCALE, f64::min);
    if let Some(shelves) = shelve(planner, parts, top) {
        return Some(shelves);
    }
    let (mut lo, mut hi) = (planner.floor().min(top), top);
    let mut best = shelve(planner, parts, lo)?;
    for _ in 0..12 {
        let mid = (lo + hi) / 2.0;
        match shelve(planner, parts, mid) {
            Some(shelves) => {
                best = shelves;
                lo = mid;
            }
            None => hi = mid,
        }
    }
    Some(best)
}

/// Places laid-out regions in rows (shelves), tallest first, left to right, in the page's
/// area at scale `s`; `None` when they do not all fit.
fn shelve(planner: &Planner<'_, '_>, parts: &[&Built], s: f64) -> Option<Shelves> {
    let (aw, ah) = planner.area();
    let (aw, ah) = (aw / s, ah / s);
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| parts[b].height.total_cmp(&parts[a].height));
    let mut offsets = vec![(0.0, 0.0); parts.len()];
    let (mut x, mut y, mut row, mut width) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for i in order {
        let b = parts[i];
        if x > 0.0 && x + b.width > aw {
            y += row + GAP;
            (x, row) = (0.0, 0.0);
        }
        offsets[i] = (x, y);
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

/// One page of shelved regions; `None` when they do not fit at the planner's floor.
pub(super) fn merge(
    planner: &Planner<'_, '_>,
    parts: Vec<(Region, Built, Option<usize>)>,
) -> Option<ChartPage> {
    let all: Vec<&Built> = parts.iter().map(|(_, b, _)| b).collect();
    let Shelves {
        offsets,
        width,
        height,
    } = best_shelves(planner, &all)?;
    let mut merged = Built {
        cards: Vec::new(),
        edges: Vec::new(),
        width,
        height,
        cuts: Vec::new(),
        people: 0,
    };
    let from = parts.first().and_then(|p| p.2);
    let mut regions = Vec::with_capacity(parts.len());
    for ((region, b, _), &(dx, dy)) in parts.into_iter().zip(&offsets) {
        merged.cards.extend(b.cards.iter().map(|c| c.moved(dx, dy)));
        merged.edges.extend(
            b.edges
                .iter()
                .map(|e| e.iter().map(|[x, y]| [x + dx, y + dy]).collect()),
        );
        merged.people += b.people;
        regions.push(region);
    }
    Some(planner.finish(merged, &regions, from, None))
}
