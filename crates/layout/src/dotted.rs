//! Routes for dotted lines (a secondary manager): an orthogonal polyline between two boxes
//! already laid out, kept in the gaps a tidy layout leaves free.
//!
//! In the top-down frame (breadth across, depth along the reporting lines), a line leaves
//! the upper box's bottom a quarter of its breadth off-centre (the reporting connector holds
//! the centre), runs along the channel just below it (above any assistants' row and the
//! reports' bus; a little higher when it heads right than when it heads left, so lines in
//! opposite directions stay apart), then reaches the lower box where no reporting line
//! touches it:
//! - a **stacked** card from its right side, down the gap between its column and the next
//!   (the spine is on the left);
//! - an **assistant** from the top, down its middle (its connector comes in from the side);
//! - any other card from the side facing the upper box, down the sibling gap beside it.
//!
//! Boxes whose depths overlap (one row) are joined below both, from bottom to bottom. Each
//! route is O(1) and depends on nothing but the two boxes and the gaps, so it is
//! deterministic and every caller (the chart, each PDF page) routes alike.

use crate::arrange::push_orthogonal;
use crate::{LayoutOptions, NodeBox, Orientation, Placement};

/// A box in the top-down frame.
struct Frame {
    left: f64,
    breadth: f64,
    top: f64,
    depth: f64,
    placement: Placement,
}

impl Frame {
    fn of(b: &NodeBox, lr: bool) -> Frame {
        let (left, breadth, top, depth) = if lr {
            (b.y, b.height, b.x, b.width)
        } else {
            (b.x, b.width, b.y, b.height)
        };
        Frame {
            left,
            breadth,
            top,
            depth,
            placement: b.placement,
        }
    }

    fn right(&self) -> f64 {
        self.left + self.breadth
    }

    fn bottom(&self) -> f64 {
        self.top + self.depth
    }

    fn centre(&self) -> f64 {
        self.left + self.breadth / 2.0
    }

    fn middle(&self) -> f64 {
        self.top + self.depth / 2.0
    }

    /// A point on the bottom side, a quarter of the breadth from the centre towards `toward`.
    fn bottom_exit(&self, toward: f64) -> f64 {
        let side = if toward < self.centre() { -1.0 } else { 1.0 };
        self.centre() + side * self.breadth / 4.0
    }
}

/// Where in the channel below a box a line runs: higher when it heads right, lower when it
/// heads left, so two lines between the same rows in opposite directions do not merge.
fn channel_at(bottom: f64, below: f64, rightwards: bool) -> f64 {
    bottom + below * if rightwards { 0.6 } else { 1.4 }
}

fn gap(g: f64) -> f64 {
    if g.is_finite() && g > 0.0 { g } else { 0.0 }
}

/// The route of a dotted line from `manager`'s box to `person`'s box, both laid out under
/// `options`: an orthogonal polyline of two to five points (first on the manager's box, last
/// on the person's), with coordinates ≥ 0 wherever the boxes' are. O(1).
pub fn dotted_route(manager: &NodeBox, person: &NodeBox, options: &LayoutOptions) -> Vec<[f64; 2]> {
    let lr = options.orientation == Orientation::LeftRight;
    let level = gap(options.level_gap);
    let sibling = gap(options.sibling_gap);
    let row = options.stack.map_or(level, |s| gap(s.row_gap));
    // Room below a box that no reporting line uses: above the bus and any assistants (both
    // half a level gap down), within the gap to the next card of a stack.
    let below = |f: &Frame| {
        if f.placement == Placement::Stacked {
            (level / 4.0).min(row / 2.0)
        } else {
            level / 4.0
        }
    };
    let (m, p) = (Frame::of(manager, lr), Frame::of(person, lr));

    let frame_points: Vec<(f64, f64)> = if p.top >= m.bottom() {
        lower(&m, &p, below(&m), sibling / 2.0)
    } else if m.top >= p.bottom() {
        let mut route = lower(&p, &m, below(&p), sibling / 2.0);
        route.reverse();
        route
    } else {
        let mx = m.bottom_exit(p.centre());
        let px = p.bottom_exit(m.centre());
        let rightwards = px >= mx;
        let channel = channel_at(m.bottom(), below(&m), rightwards).max(channel_at(
            p.bottom(),
            below(&p),
            rightwards,
        ));
        vec![
            (mx, m.bottom()),
            (mx, channel),
            (px, channel),
            (px, p.bottom()),
        ]
    };

    let mut points = Vec::with_capacity(frame_points.len());
    for (b, d) in frame_points {
        push_orthogonal(&mut points, if lr { [d, b] } else { [b, d] });
    }
    // Boxes that touch still get a (zero-length) line, so every route has two ends.
    if let [only] = points[..] {
        points.push(only);
    }
    points
}

/// From the bottom of `upper` to the free side (or top) of `lower`, which lies wholly below
/// it; `below` is the channel under `upper`, `beside` half the gap between siblings.
fn lower(upper: &Frame, lower: &Frame, below: f64, beside: f64) -> Vec<(f64, f64)> {
    let start = upper.bottom();
    let channel =
        |ux: f64, lane: f64| channel_at(start, below, lane >= ux).min((start + lower.top) / 2.0);
    if lower.placement == Placement::Assistant {
        let x = lower.centre();
        let ux = upper.bottom_exit(x);
        let channel = channel(ux, x);
        return vec![(ux, start), (ux, channel), (x, channel), (x, lower.top)];
    }
    let right = match lower.placement {
        Placement::Stacked => true,
        _ => upper.centre() >= lower.centre(),
    };
    let (side, lane) = if right {
        (lower.right(), lower.right() + beside)
    } else {
        (lower.left, (lower.left - beside).max(0.0))
    };
    let ux = upper.bottom_exit(lane);
    let channel = channel(ux, lane);
    let mid = lower.middle();
    vec![
        (ux, start),
        (ux, channel),
        (lane, channel),
        (lane, mid),
        (side, mid),
    ]
}
