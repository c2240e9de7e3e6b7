//! Setting the trees of a forest out in rows, so that an export of one department (hundreds
//! of small trees under missing managers, one big one) draws near the proportions of a screen
//! or a page instead of as a strip a hundred times wider than tall.
//!
//! The trees' bounding boxes are packed biggest first (most visible nodes; ties in input
//! order) with the skyline bottom-left rule: each box goes as high as it fits, then as far
//! left, within a strip of some width, so small trees fill the room beside and under the big
//! ones' rows. The strip's width is chosen among widths from the widest tree to the single
//! row, as the one whose drawing comes nearest the aimed width over height (any within a
//! factor of 1.25 counts as near), the smallest drawing among those.
//!
//! O(t² · w) for t trees and w candidate widths with the skyline, which only runs up to
//! [`SKYLINE_MAX`] trees; beyond, plain shelves (rows filled left to right) keep it O(t · w).

/// One tree's drawing, in output coordinates.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TreeBox {
    pub width: f64,
    pub height: f64,
    /// How much the tree holds (its visible nodes): bigger trees come first.
    pub weight: usize,
}

/// Candidate strip widths tried.
const CANDIDATES: usize = 24;
/// Above this many trees, rows are plain shelves.
const SKYLINE_MAX: usize = 2_000;
/// Drawings whose width over height is within this factor of the aim are all near enough.
const NEAR: f64 = 1.25;

/// The top-left corner of each tree (in the order given) when set out in rows aiming at a
/// drawing `aspect` times as wide as tall, `gap` apart.
pub(crate) fn arrange_trees(trees: &[TreeBox], gap: f64, aspect: f64) -> Vec<[f64; 2]> {
    if trees.len() <= 1 {
        return vec![[0.0, 0.0]; trees.len()];
    }
    let mut order: Vec<usize> = (0..trees.len()).collect();
    order.sort_by(|&a, &b| trees[b].weight.cmp(&trees[a].weight).then(a.cmp(&b)));
    let widest = trees.iter().map(|t| t.width).fold(0.0, f64::max);
    let row: f64 = trees.iter().map(|t| t.width + gap).sum::<f64>() - gap;
    let mut best: Option<(bool, f64, f64, Vec<[f64; 2]>)> = None;
    for k in 0..CANDIDATES {
        // Widths spread geometrically from the widest tree to one row.
        let t = k as f64 / (CANDIDATES - 1) as f64;
        let strip = if widest > 0.0 && row > widest {
            widest * (row / widest).powf(t)
        } else {
            row.max(widest)
        };
        let (at, width, height) = if trees.len() <= SKYLINE_MAX {
            skyline(trees, &order, strip, gap)
        } else {
            shelves(trees, &order, strip, gap)
        };
        let ratio = if height > 0.0 {
            width / height
        } else {
            f64::MAX
        };
        let off = (ratio / aspect).ln().abs();
        let near = off <= NEAR.ln();
        let area = width * height;
        let better = match &best {
            None => true,
            Some((was_near, was_off, was_area, _)) => match (near, *was_near) {
                (true, false) => true,
                (false, true) => false,
                (true, true) => area < *was_area,
                (false, false) => off < *was_off,
            },
        };
        if better {
            best = Some((near, off, area, at));
        }
    }
    best.map_or_else(|| vec![[0.0, 0.0]; trees.len()], |b| b.3)
}

/// Skyline bottom-left packing in `order` within `strip`: each box at the smallest y where it
/// fits, then the smallest x. Returns each tree's corner and the drawing's size.
fn skyline(trees: &[TreeBox], order: &[usize], strip: f64, gap: f64) -> (Vec<[f64; 2]>, f64, f64) {
    // (x where the segment starts, y of its top); segments run to the next one's x.
    let mut sky: Vec<(f64, f64)> = vec![(0.0, 0.0)];
    let mut at = vec![[0.0, 0.0]; trees.len()];
    let (mut width, mut height) = (0.0f64, 0.0f64);
    for &i in order {
        let t = trees[i];
        // The lowest place whose span [x, x + width) fits the strip (a box wider than the
        // strip goes at x = 0).
        let mut best: Option<(f64, f64)> = None;
        for s in 0..sky.len() {
            let x = sky[s].0;
            if s > 0 && x + t.width > strip {
                break;
            }
            let mut y = 0.0f64;
            for &(sx, sy) in &sky[s..] {
                if sx >= x + t.width {
                    break;
                }
                y = y.max(sy);
            }
            if best.is_none_or(|(by, bx)| y < by || (y == by && x < bx)) {
                best = Some((y, x));
            }
        }
        let (y, x) = best.unwrap_or((0.0, 0.0));
        at[i] = [x, y];
        width = width.max(x + t.width);
        height = height.max(y + t.height);
        raise(&mut sky, x, x + t.width + gap, y + t.height + gap);
    }
    (at, width, height)
}

/// Raises the skyline to at least `y` over `[from, to)`.
fn raise(sky: &mut Vec<(f64, f64)>, from: f64, to: f64, y: f64) {
    let mut next = Vec::with_capacity(sky.len() + 2);
    for (i, &(start, top)) in sky.iter().enumerate() {
        let end = sky.get(i + 1).map_or(f64::INFINITY, |s| s.0);
        if start < from {
            next.push((start, top));
        }
        let (a, b) = (start.max(from), end.min(to));
        if a < b {
            next.push((a, top.max(y)));
        }
        if end > to {
            next.push((start.max(to), top));
        }
    }
    next.dedup_by(|later, earlier| later.1 == earlier.1);
    *sky = next;
}

/// Rows filled left to right in `order`, a new row when the next box would cross `strip`.
fn shelves(trees: &[TreeBox], order: &[usize], strip: f64, gap: f64) -> (Vec<[f64; 2]>, f64, f64) {
    let mut at = vec![[0.0, 0.0]; trees.len()];
    let (mut x, mut y, mut row, mut width) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for &i in order {
        let t = trees[i];
        if x > 0.0 && x + t.width > strip {
            y += row + gap;
            (x, row) = (0.0, 0.0);
        }
        at[i] = [x, y];
        width = width.max(x + t.width);
        row = row.max(t.height);
        x += t.width + gap;
    }
    (at, width, y + row)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(width: f64, height: f64, weight: usize) -> TreeBox {
        TreeBox {
            width,
            height,
            weight,
        }
    }

    fn overlap(a: ([f64; 2], TreeBox), b: ([f64; 2], TreeBox)) -> bool {
        let ((pa, ta), (pb, tb)) = (a, b);
        pa[0] < pb[0] + tb.width
            && pb[0] < pa[0] + ta.width
            && pa[1] < pb[1] + tb.height
            && pb[1] < pa[1] + ta.height
    }

    #[test]
    fn the_biggest_tree_comes_first_and_no_two_overlap() {
        let mut trees = vec![tree(400.0, 300.0, 3); 40];
        trees.push(tree(3_000.0, 900.0, 200));
        let at = arrange_trees(&trees, 60.0, 1.6);
        assert_eq!(at[40], [0.0, 0.0], "the big tree at the top left");
        for i in 0..trees.len() {
            for j in i + 1..trees.len() {
                assert!(
                    !overlap((at[i], trees[i]), (at[j], trees[j])),
                    "{i} {:?} and {j} {:?}",
                    at[i],
                    at[j]
                );
            }
        }
        let width = (0..trees.len())
            .map(|i| at[i][0] + trees[i].width)
            .fold(0.0, f64::max);
        let height = (0..trees.len())
            .map(|i| at[i][1] + trees[i].height)
            .fold(0.0, f64::max);
        let ratio = width / height;
        assert!((1.0..=2.6).contains(&ratio), "{width} × {height}");
    }

    #[test]
    fn one_tree_stays_where_it_is() {
        assert_eq!(
            arrange_trees(&[tree(10.0, 5.0, 1)], 60.0, 1.6),
            [[0.0, 0.0]]
        );
        assert!(arrange_trees(&[], 60.0, 1.6).is_empty());
    }

    #[test]
    fn the_skyline_keeps_its_segments_ordered_and_merged() {
        let mut sky = vec![(0.0, 0.0)];
        raise(&mut sky, 0.0, 100.0, 50.0);
        assert_eq!(sky, [(0.0, 50.0), (100.0, 0.0)]);
        raise(&mut sky, 100.0, 200.0, 50.0);
        assert_eq!(sky, [(0.0, 50.0), (200.0, 0.0)]);
        raise(&mut sky, 50.0, 120.0, 80.0);
        assert_eq!(
            sky,
            [(0.0, 50.0), (50.0, 80.0), (120.0, 50.0), (200.0, 0.0)]
        );
        // A lower box never lowers what is already there.
        raise(&mut sky, 40.0, 130.0, 60.0);
        assert_eq!(
            sky,
            [
                (0.0, 50.0),
                (40.0, 60.0),
                (50.0, 80.0),
                (120.0, 60.0),
                (130.0, 50.0),
                (200.0, 0.0)
            ]
        );
    }
}
