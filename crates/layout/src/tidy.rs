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

/// A forest of units, in breadth-first order: roots first, the children of a unit contiguous
/// and after it. Breadths and heights already include the sibling and level gaps.
#[derive(Debug, Default)]
pub(crate) struct TidyForest {
    /// Units `0..root_count` are the roots.
    pub root_count: usize,
    /// Index of the first child; meaningless when `child_count` is 0.
    pub first_child: Vec<u32>,
    pub child_count: Vec<u32>,
    /// Breadth of the unit plus the gap kept on its right.
    pub breadth: Vec<f64>,
    /// Depth coordinate of the unit's bottom plus the gap kept below it.
    pub bottom: Vec<f64>,
    /// Where the connector leaves the unit, from its left side.
    pub anchor: Vec<f64>,
}

/// Working state of the first walk, one entry per unit.
struct Walk {
    prelim: Vec<f64>,
    modifier: Vec<f64>,
    shift: Vec<f64>,
    change: Vec<f64>,
    /// Threads to the next left and right contour nodes, set on leaves only.
    thread_left: Vec<u32>,
    thread_right: Vec<u32>,
    /// Leftmost and rightmost deepest nodes of the subtree, and the sums of modifiers on the
    /// way down to them (this unit's own modifier included).
    extreme_left: Vec<u32>,
    extreme_right: Vec<u32>,
    modsum_left: Vec<f64>,
    modsum_right: Vec<f64>,
}

impl TidyForest {
    pub fn len(&self) -> usize {
        self.breadth.len()
    }

    fn next_left(&self, w: &Walk, v: u32) -> u32 {
        if self.child_count[v as usize] == 0 {
            w.thread_left[v as usize]
        } else {
            self.first_child[v as usize]
        }
    }

    fn next_right(&self, w: &Walk, v: u32) -> u32 {
        let i = v as usize;
        if self.child_count[i] == 0 {
            w.thread_right[i]
        } else {
            self.first_child[i] + self.child_count[i] - 1
        }
    }

    /// The left side of every unit, relative to the left side of its tree's root unit.
    pub fn place(&self) -> Vec<f64> {
        let n = self.len();
        let mut w = Walk {
            prelim: vec![0.0; n],
            modifier: vec![0.0; n],
            shift: vec![0.0; n],
            change: vec![0.0; n],
            thread_left: vec![NONE; n],
            thread_right: vec![NONE; n],
            extreme_left: vec![NONE; n],
            extreme_right: vec![NONE; n],
            modsum_left: vec![0.0; n],
            modsum_right: vec![0.0; n],
        };
        // (lowest bottom, sibling number) of the left siblings still visible on the right
        // contour, deepest at the bottom of the stack.
        let mut lowest: Vec<(f64, u32)> = Vec::new();
        for v in (0..n).rev() {
            let count = self.child_count[v];
            if count == 0 {
                w.extreme_left[v] = v as u32;
                w.extreme_right[v] = v as u32;
                w.modsum_left[v] = 0.0;
                w.modsum_right[v] = 0.0;
                continue;
            }
            let first = self.first_child[v];
            lowest.clear();
            lowest.push((self.bottom[w.extreme_left[first as usize] as usize], 0));
            for i in 1..count {
                let low = self.bottom[w.extreme_right[(first + i) as usize] as usize];
                self.separate(&mut w, first, i, &lowest);
                while lowest.last().is_some_and(|&(y, _)| low >= y) {
                    lowest.pop();
                }
                lowest.push((low, i));
            }
            let last = (first + count - 1) as usize;
            let first = first as usize;
            let left_anchor = w.prelim[first] + w.modifier[first] + self.anchor[first];
            let right_anchor = w.prelim[last] + w.modifier[last] + self.anchor[last];
            w.prelim[v] = (left_anchor + right_anchor) / 2.0 - self.anchor[v];
            w.extreme_left[v] = w.extreme_left[first];
            w.modsum_left[v] = w.modsum_left[first];
            w.extreme_right[v] = w.extreme_right[last];
            w.modsum_right[v] = w.modsum_right[last];
        }

        // Second walk, parents first: spread the pending shifts, then sum modifiers downwards.
        let mut modsum = vec![0.0; n];
        let mut x = vec![0.0; n];
        for v in 0..n {
            if v < self.root_count {
                modsum[v] = w.modifier[v];
            }
            x[v] = w.prelim[v] + modsum[v];
            let first = self.first_child[v] as usize;
            let count = self.child_count[v] as usize;
            let (mut step, mut delta) = (0.0, 0.0);
            for c in first..first + count {
                step += w.shift[c];
                delta += step + w.change[c];
                w.modifier[c] += delta;
                modsum[c] = modsum[v] + w.modifier[c];
            }
        }
        x
    }

    /// Pushes child `i` of the children starting at `first` right until it clears its left
    /// siblings, then threads the shallower side onto the deeper one.
    fn separate(&self, w: &mut Walk, first: u32, i: u32, lowest: &[(f64, u32)]) {
        let current = first + i;
        let mut sr = current - 1;
        let mut mssr = w.modifier[sr as usize];
        let mut cl = current;
        let mut mscl = w.modifier[cl as usize];
        let mut cursor = lowest.len() - 1;
        while sr != NONE && cl != NONE {
            let sy = self.bottom[sr as usize];
            while cursor > 0 && sy > lowest[cursor].0 {
                cursor -= 1;
            }
            let dist = (mssr + w.prelim[sr as usize] + self.breadth[sr as usize])
                - (mscl + w.prelim[cl as usize]);
            if dist > 0.0 {
                mscl += dist;
                move_subtree(w, first, i, lowest[cursor].1, dist);
            }
            let cy = self.bottom[cl as usize];
            if sy <= cy {
                sr = self.next_right(w, sr);
                if sr != NONE {
                    mssr += w.modifier[sr as usize];
                }
            }
            if sy >= cy {
                cl = self.next_left(w, cl);
                if cl != NONE {
                    mscl += w.modifier[cl as usize];
                }
            }
        }
        if sr == NONE && cl != NONE {
            // The new subtree is deeper: thread the left siblings' leftmost deepest node to it.
            let f = first as usize;
            let li = w.extreme_left[f] as usize;
            w.thread_left[li] = cl;
            let diff = (mscl - w.modifier[cl as usize]) - w.modsum_left[f];
            w.modifier[li] += diff;
            w.prelim[li] -= diff;
            w.extreme_left[f] = w.extreme_left[current as usize];
            w.modsum_left[f] = w.modsum_left[current as usize];
        } else if sr != NONE && cl == NONE {
            // The left siblings are deeper: thread the new subtree's rightmost deepest node on.
            let c = current as usize;
            let ri = w.extreme_right[c] as usize;
            w.thread_right[ri] = sr;
            let diff = (mssr - w.modifier[sr as usize]) - w.modsum_right[c];
            w.modifier[ri] += diff;
            w.prelim[ri] -= diff;
            w.extreme_right[c] = w.extreme_right[c - 1];
            w.modsum_right[c] = w.modsum_right[c - 1];
        }
    }
}

/// Moves child `i` right by `dist`, and records that the siblings strictly between it and
/// sibling `si` are to move by evenly growing fractions of `dist`.
fn move_subtree(w: &mut Walk, first: u32, i: u32, si: u32, dist: f64) {
    let c = (first + i) as usize;
    w.modifier[c] += dist;
    w.modsum_left[c] += dist;
    w.modsum_right[c] += dist;
    if si + 1 != i {
        let between = f64::from(i - si);
        w.shift[(first + si + 1) as usize] += dist / between;
        w.shift[c] -= dist / between;
        w.change[c] -= dist - dist / between;
    }
}
