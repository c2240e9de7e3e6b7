//! Non-layered tidy trees in linear time, without recursion.
//!
//! This is van der Ploeg's algorithm ("Drawing non-layered tidy trees in linear time",
//! Software: Practice and Experience 44(12), 2014), itself the variable-size form of Walker's
//! algorithm as made linear by Buchheim, Jünger and Leipert (Graph Drawing 2002):
//!
//! - The **first walk** visits nodes children-first. For each node it places the subtrees of
//!   its children from left to right, pushing each one right until it clears the right
//!   contour of its left siblings wherever their vertical extents overlap. Contours are
//!   followed down the first/last child and, where a subtree ends, along a *thread* to the
//!   next contour node of a deeper sibling; each node keeps its leftmost and rightmost
//!   deepest descendants (`el`, `er`) and their modifier sums so threads are set in O(1).
//!   When a subtree is pushed, the push is shared evenly by the smaller siblings between it
//!   and the sibling it collided with (`shift`/`change`, applied in the second walk), found
//!   through a stack of (lowest y, sibling) pairs. The node is then centred over its first and
//!   last child.
//! - The **second walk** visits nodes parents-first and turns relative positions
//!   (`prelim` + the sum of `modifier`s on the path from the root) into absolute ones.
//!
//! Each contour step in the first walk either ends at the shallower of the two subtrees or
//! moves below a node that will be hidden inside the combined subtree afterwards, so the total
//! work is O(n). Here both walks are loops over a breadth-first order (children-first is that
//! order reversed), so nothing recurses on the depth of the tree.
//!
//! The one extension is the *anchor*: a node is centred by the point where its connector
//! leaves it (its anchor, measured from its left side), which lets a unit that is wider than
//! its card on one side, like a manager with an assistant on the left, stay centred over its
//! children by its card.

use crate::forest::NONE;

/// One unit of the tidy tree. Units are listed breadth-first: roots first, the children of a
/// unit contiguous and after it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Unit {
    /// Index of the first child; meaningless when `child_count` is 0.
    pub first_child: u32,
    pub child_count: u32,
    pub breadth: f64,
    /// Depth coordinate of the unit's top.
    pub top: f64,
    pub depth: f64,
    /// Where the connector leaves the unit, from its left side.
    pub anchor: f64,
}

/// The units of a forest and the gaps kept right of and below each unit.
pub(crate) struct TidyForest<'a> {
    pub units: &'a [Unit],
    /// Units `0..root_count` are the roots.
    pub root_count: usize,
    pub sibling_gap: f64,
    pub level_gap: f64,
}

/// Working state of the walks for one unit, kept together because they are read together.
#[derive(Clone, Copy)]
struct Walk {
    prelim: f64,
    modifier: f64,
    shift: f64,
    change: f64,
    /// Sums of modifiers on the way down to the extreme nodes (this unit's own included); in
    /// the second walk, `modsum_left` is reused for the sum from the root.
    modsum_left: f64,
    modsum_right: f64,
    /// Threads to the next left and right contour nodes, set on leaves only.
    thread_left: u32,
    thread_right: u32,
    /// Leftmost and rightmost deepest nodes of the subtree.
    extreme_left: u32,
    extreme_right: u32,
}

impl TidyForest<'_> {
    /// Breadth plus the gap kept on the unit's right.
    fn reach(&self, v: u32) -> f64 {
        self.units[v as usize].breadth + self.sibling_gap
    }

    /// Bottom plus the gap kept below the unit.
    fn bottom(&self, v: u32) -> f64 {
        let u = &self.units[v as usize];
        u.top + u.depth + self.level_gap
    }

    fn next_left(&self, w: &[Walk], v: u32) -> u32 {
        let u = &self.units[v as usize];
        if u.child_count == 0 {
            w[v as usize].thread_left
        } else {
            u.first_child
        }
    }

    fn next_right(&self, w: &[Walk], v: u32) -> u32 {
        let u = &self.units[v as usize];
        if u.child_count == 0 {
            w[v as usize].thread_right
        } else {
            u.first_child + u.child_count - 1
        }
    }

    /// The left side of every unit, relative to the left side of its tree's root unit.
    pub fn place(&self) -> Vec<f64> {
        let n = self.units.len();
        let mut w = vec![
            Walk {
                prelim: 0.0,
                modifier: 0.0,
                shift: 0.0,
                change: 0.0,
                modsum_left: 0.0,
                modsum_right: 0.0,
                thread_left: NONE,
                thread_right: NONE,
                extreme_left: NONE,
                extreme_right: NONE,
            };
            n
        ];
        // (lowest bottom, sibling number) of the left siblings still visible on the right
        // contour, deepest at the bottom of the stack.
        let mut lowest: Vec<(f64, u32)> = Vec::new();
        for v in (0..n).rev() {
            let Unit {
                first_child: first,
                child_count: count,
                ..
            } = self.units[v];
            if count == 0 {
                w[v].extreme_left = v as u32;
                w[v].extreme_right = v as u32;
                continue;
            }
            lowest.clear();
            lowest.push((self.bottom(w[first as usize].extreme_left), 0));
            for i in 1..count {
                let low = self.bottom(w[(first + i) as usize].extreme_right);
                self.separate(&mut w, first, i, &lowest);
                while lowest.last().is_some_and(|&(y, _)| low >= y) {
                    lowest.pop();
                }
                lowest.push((low, i));
            }
            let (f, l) = (first as usize, (first + count - 1) as usize);
            let left_anchor = w[f].prelim + w[f].modifier + self.units[f].anchor;
            let right_anchor = w[l].prelim + w[l].modifier + self.units[l].anchor;
            w[v].prelim = (left_anchor + right_anchor) / 2.0 - self.units[v].anchor;
            w[v].extreme_left = w[f].extreme_left;
            w[v].modsum_left = w[f].modsum_left;
            w[v].extreme_right = w[l].extreme_right;
            w[v].modsum_right = w[l].modsum_right;
        }

        // Second walk, parents first: spread the pending shifts, then sum modifiers downwards.
        let mut x = vec![0.0; n];
        for v in 0..n {
            if v < self.root_count {
                w[v].modsum_left = w[v].modifier;
            }
            let modsum = w[v].modsum_left;
            x[v] = w[v].prelim + modsum;
            let Unit {
                first_child: first,
                child_count: count,
                ..
            } = self.units[v];
            let (mut step, mut delta) = (0.0, 0.0);
            for c in &mut w[first as usize..(first + count) as usize] {
                step += c.shift;
                delta += step + c.change;
                c.modifier += delta;
                c.modsum_left = modsum + c.modifier;
            }
        }
        x
    }

    /// Pushes child `i` of the children starting at `first` right until it clears its left
    /// siblings, then threads the shallower side onto the deeper one.
    fn separate(&self, w: &mut [Walk], first: u32, i: u32, lowest: &[(f64, u32)]) {
        let current = first + i;
        let mut sr = current - 1;
        let mut mssr = w[sr as usize].modifier;
        let mut cl = current;
        let mut mscl = w[cl as usize].modifier;
        let mut cursor = lowest.len() - 1;
        while sr != NONE && cl != NONE {
            let sy = self.bottom(sr);
            // The paper steps once per contour node; stepping until the owner of `sr` is found
            // is still linear, since each sibling passed owns a stretch of the contour.
            while cursor > 0 && sy > lowest[cursor].0 {
                cursor -= 1;
            }
            let dist =
                (mssr + w[sr as usize].prelim + self.reach(sr)) - (mscl + w[cl as usize].prelim);
            if dist > 0.0 {
                mscl += dist;
                move_subtree(w, first, i, lowest[cursor].1, dist);
            }
            let cy = self.bottom(cl);
            if sy <= cy {
                sr = self.next_right(w, sr);
                if sr != NONE {
                    mssr += w[sr as usize].modifier;
                }
            }
            if sy >= cy {
                cl = self.next_left(w, cl);
                if cl != NONE {
                    mscl += w[cl as usize].modifier;
                }
            }
        }
        if sr == NONE && cl != NONE {
            // The new subtree is deeper: thread the left siblings' leftmost deepest node to it.
            let f = first as usize;
            let li = w[f].extreme_left as usize;
            w[li].thread_left = cl;
            let diff = (mscl - w[cl as usize].modifier) - w[f].modsum_left;
            w[li].modifier += diff;
            w[li].prelim -= diff;
            w[f].extreme_left = w[current as usize].extreme_left;
            w[f].modsum_left = w[current as usize].modsum_left;
        } else if sr != NONE && cl == NONE {
            // The left siblings are deeper: thread the new subtree's rightmost deepest node on.
            let c = current as usize;
            let ri = w[c].extreme_right as usize;
            w[ri].thread_right = sr;
            let diff = (mssr - w[sr as usize].modifier) - w[c].modsum_right;
            w[ri].modifier += diff;
            w[ri].prelim -= diff;
            w[c].extreme_right = w[c - 1].extreme_right;
            w[c].modsum_right = w[c - 1].modsum_right;
        }
    }
}

/// Moves child `i` right by `dist`, and records that the siblings strictly between it and
/// sibling `si` are to move by evenly growing fractions of `dist`.
fn move_subtree(w: &mut [Walk], first: u32, i: u32, si: u32, dist: f64) {
    let c = (first + i) as usize;
    w[c].modifier += dist;
    w[c].modsum_left += dist;
    w[c].modsum_right += dist;
    if si + 1 != i {
        let between = f64::from(i - si);
        w[(first + si + 1) as usize].shift += dist / between;
        w[c].shift -= dist / between;
        w[c].change -= dist - dist / between;
    }
}
