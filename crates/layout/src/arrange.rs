//! From a forest to boxes and routes: group visible nodes into units (a card with its
//! assistants, or a stacked team), place the units with the tidy algorithm, set the trees
//! side by side, then read off every box and route.
//!
//! Everything is computed in a top-down frame of *breadth* (across the reporting lines) and
//! *depth* (along them); left-right orientation swaps each card's sides on the way in and
//! transposes coordinates on the way out.

use crate::forest::{Forest, NONE};
use crate::rows::{TreeBox, arrange_trees};
use crate::tidy::{TidyForest, Unit};
use crate::{
    EdgeRoute, Layout, LayoutError, LayoutOptions, NodeBox, Orientation, Placement, Trees,
};

/// Lays out every tree of the forest, set out as `options.trees` says (in the order of their
/// roots, for a single row).
///
/// O(n) time and memory; no recursion.
pub fn layout(forest: &Forest, options: &LayoutOptions) -> Layout {
    arrange(forest, forest.roots(), options)
}

/// Lays out the subtree under `root` alone, as if `root` were a root of the forest. The
/// subtree has the same shape as in [`layout`], translated.
pub fn layout_subtree(
    forest: &Forest,
    root: u32,
    options: &LayoutOptions,
) -> Result<Layout, LayoutError> {
    layout_trees(forest, &[root], options)
}

/// Lays out the subtrees under `roots` (none under another) as the trees of a forest, in
/// that order for a single row.
pub fn layout_trees(
    forest: &Forest,
    roots: &[u32],
    options: &LayoutOptions,
) -> Result<Layout, LayoutError> {
    if let Some(&node) = roots.iter().find(|&&r| r as usize >= forest.len()) {
        return Err(LayoutError::NoSuchNode { node });
    }
    Ok(arrange(forest, roots, options))
}

/// Options made safe to compute with: gaps finite and ≥ 0, column bounds ordered and ≥ 1.
struct Geometry {
    lr: bool,
    sibling: f64,
    level: f64,
    tree: f64,
    trees: Trees,
    stack: Option<Stack>,
}

struct Stack {
    min_leaves: usize,
    min_columns: usize,
    max_columns: usize,
    row_gap: f64,
    indent: f64,
    aspect: f64,
}

fn gap(g: f64) -> f64 {
    if g.is_finite() && g > 0.0 { g } else { 0.0 }
}

impl Geometry {
    fn of(options: &LayoutOptions) -> Geometry {
        Geometry {
            lr: options.orientation == Orientation::LeftRight,
            sibling: gap(options.sibling_gap),
            level: gap(options.level_gap),
            tree: gap(options.tree_gap),
            trees: match options.trees {
                Trees::Rows { aspect } if aspect.is_finite() && aspect > 0.0 => {
                    Trees::Rows { aspect }
                }
                Trees::Rows { .. } => Trees::Rows { aspect: 1.0 },
                Trees::Row => Trees::Row,
            },
            stack: options.stack.map(|s| {
                let min_columns = s.min_columns.max(1);
                Stack {
                    min_leaves: s.min_leaves,
                    min_columns,
                    max_columns: s.max_columns.max(min_columns),
                    row_gap: gap(s.row_gap),
                    indent: gap(s.indent),
                    aspect: if s.aspect.is_finite() && s.aspect > 0.0 {
                        s.aspect
                    } else {
                        1.0
                    },
                }
            }),
        }
    }

    /// A node's card as (breadth, depth).
    fn card(&self, forest: &Forest, v: u32) -> (f64, f64) {
        let s = forest.size[v as usize];
        if self.lr {
            (s.height, s.width)
        } else {
            (s.width, s.height)
        }
    }

    /// A (breadth, depth) point in output coordinates.
    fn out(&self, b: f64, d: f64) -> [f64; 2] {
        if self.lr { [d, b] } else { [b, d] }
    }
}

#[derive(Clone, Copy)]
enum UnitKind {
    /// A card, with its assistants beside it.
    Person(u32),
    /// A stacked team: `team_members[start..start + len]`.
    Team { start: u32, len: u32 },
}

/// The units of the tidy tree, in breadth-first order.
#[derive(Default)]
struct Units {
    kind: Vec<UnitKind>,
    /// Which tree (position in the list of roots) the unit belongs to.
    tree: Vec<u32>,
    shape: Vec<Unit>,
}

impl Units {
    fn push(&mut self, kind: UnitKind, tree: u32, top: f64) {
        self.kind.push(kind);
        self.tree.push(tree);
        self.shape.push(Unit {
            top,
            ..Unit::default()
        });
    }

    fn len(&self) -> usize {
        self.kind.len()
    }
}

/// Where each visible node sits inside its unit.
struct Seats {
    unit: Vec<u32>,
    /// (breadth, depth) offset of the card from the unit's top-left corner; once the units
    /// are placed, the card's own top-left corner.
    offset: Vec<[f64; 2]>,
    placement: Vec<Placement>,
}

fn arrange(forest: &Forest, roots: &[u32], options: &LayoutOptions) -> Layout {
    let geo = Geometry::of(options);
    let n = forest.len();
    let mut seats = Seats {
        unit: vec![NONE; n],
        offset: vec![[0.0; 2]; n],
        placement: vec![Placement::Root; n],
    };
    let mut units = Units::default();
    let mut team_members: Vec<u32> = Vec::new();
    for (tree, &r) in (0u32..).zip(roots) {
        units.push(UnitKind::Person(r), tree, 0.0);
    }
    // Visible nodes per tree, to set the biggest trees first.
    let mut tree_nodes = vec![0usize; roots.len()];

    let (mut beside, mut regular) = (Vec::new(), Vec::new());
    let mut u = 0;
    while u < units.len() {
        let first_child = units.len() as u32;
        match units.kind[u] {
            UnitKind::Person(v) => {
                beside.clear();
                regular.clear();
                if forest.shows_children(v) {
                    for &c in forest.children(v) {
                        if forest.assistant[c as usize] && !forest.shows_children(c) {
                            beside.push(c);
                        } else {
                            regular.push(c);
                        }
                    }
                }
                tree_nodes[units.tree[u] as usize] += 1 + beside.len();
                let (breadth, depth, anchor) =
                    hang_assistants(forest, &geo, v, &beside, u as u32, &mut seats);
                units.shape[u].breadth = breadth;
                units.shape[u].depth = depth;
                units.shape[u].anchor = anchor;
                if !regular.is_empty() {
                    let top = units.shape[u].top + depth + geo.level;
                    let tree = units.tree[u];
                    let stacks = geo.stack.as_ref().is_some_and(|s| {
                        regular.len() >= s.min_leaves
                            && regular.iter().all(|&c| !forest.shows_children(c))
                    });
                    if stacks {
                        let start = team_members.len() as u32;
                        team_members.extend_from_slice(&regular);
                        for &c in &regular {
                            seats.placement[c as usize] = Placement::Stacked;
                        }
                        units.push(
                            UnitKind::Team {
                                start,
                                len: regular.len() as u32,
                            },
                            tree,
                            top,
                        );
                    } else {
                        for &c in &regular {
                            seats.placement[c as usize] = Placement::Report;
                            units.push(UnitKind::Person(c), tree, top);
                        }
                    }
                }
            }
            UnitKind::Team { start, len } => {
                tree_nodes[units.tree[u] as usize] += len as usize;
                let members = &team_members[start as usize..(start + len) as usize];
                let (breadth, depth) = stack_team(forest, &geo, members, u as u32, &mut seats);
                units.shape[u].breadth = breadth;
                units.shape[u].depth = depth;
                units.shape[u].anchor = breadth / 2.0;
            }
        }
        units.shape[u].first_child = first_child;
        units.shape[u].child_count = units.len() as u32 - first_child;
        u += 1;
    }

    let unit_left = place_units(&mut units, &geo, &tree_nodes);
    let order = visible_order(forest, roots);

    // Boxes; each seat's offset becomes the card's (breadth, depth) corner, for the routes.
    let mut nodes = Vec::with_capacity(order.len());
    let (mut width, mut height) = (0.0f64, 0.0f64);
    for &v in &order {
        let i = v as usize;
        let unit = seats.unit[i] as usize;
        let b = unit_left[unit] + seats.offset[i][0];
        let d = units.shape[unit].top + seats.offset[i][1];
        seats.offset[i] = [b, d];
        let [x, y] = geo.out(b, d);
        let s = forest.size[i];
        width = width.max(x + s.width);
        height = height.max(y + s.height);
        nodes.push(NodeBox {
            index: v,
            x,
            y,
            width: s.width,
            height: s.height,
            placement: seats.placement[i],
        });
    }

    let mut edges = Vec::with_capacity(order.len().saturating_sub(roots.len()));
    for &v in &order {
        let i = v as usize;
        let p = forest.parent[i];
        if seats.placement[i] == Placement::Root || p == NONE {
            continue;
        }
        let (pb, pd) = geo.card(forest, p);
        let [pl, pt] = seats.offset[p as usize];
        let (cb, cd) = geo.card(forest, v);
        let [cl, ct] = seats.offset[i];
        let spine = pl + pb / 2.0;
        let start = (spine, pt + pd);
        let parent_unit = seats.unit[p as usize] as usize;
        let bus = units.shape[parent_unit].top + units.shape[parent_unit].depth + geo.level / 2.0;
        let route: &[(f64, f64)] = match seats.placement[i] {
            Placement::Report => &[
                start,
                (spine, bus),
                (cl + cb / 2.0, bus),
                (cl + cb / 2.0, ct),
            ],
            Placement::Stacked => {
                let column_spine = cl - geo.stack.as_ref().map_or(0.0, |s| s.indent) / 2.0;
                let middle = ct + cd / 2.0;
                &[
                    start,
                    (spine, bus),
                    (column_spine, bus),
                    (column_spine, middle),
                    (cl, middle),
                ]
            }
            Placement::Assistant => {
                let middle = ct + cd / 2.0;
                let near = if cl + cb / 2.0 < spine { cl + cb } else { cl };
                &[start, (spine, middle), (near, middle)]
            }
            Placement::Root => &[],
        };
        let mut points = Vec::with_capacity(route.len());
        for &(b, d) in route {
            push_orthogonal(&mut points, geo.out(b, d));
        }
        // Boxes that touch still get a (zero-length) line, so every route has two ends.
        if let [only] = points[..] {
            points.push(only);
        }
        edges.push(EdgeRoute {
            from: p,
            to: v,
            points,
        });
    }

    Layout {
        nodes,
        edges,
        width,
        height,
    }
}

/// Lays out a manager's card with its assistants in rows below it, alternately left and right
/// of the connector; returns the unit's (breadth, depth, anchor).
fn hang_assistants(
    forest: &Forest,
    geo: &Geometry,
    v: u32,
    assistants: &[u32],
    unit: u32,
    seats: &mut Seats,
) -> (f64, f64, f64) {
    let (mb, md) = geo.card(forest, v);
    let (mut left, mut right) = (mb / 2.0, mb / 2.0);
    for (k, &a) in assistants.iter().enumerate() {
        let reach = geo.card(forest, a).0 + geo.sibling;
        if k % 2 == 0 {
            left = left.max(reach);
        } else {
            right = right.max(reach);
        }
    }
    seats.unit[v as usize] = unit;
    seats.offset[v as usize] = [left - mb / 2.0, 0.0];
    let mut depth = md;
    for row in assistants.chunks(2) {
        depth += geo.level / 2.0;
        let mut row_depth = 0.0f64;
        for (k, &a) in row.iter().enumerate() {
            let (ab, ad) = geo.card(forest, a);
            let b = if k == 0 {
                left - geo.sibling - ab
            } else {
                left + geo.sibling
            };
            seats.unit[a as usize] = unit;
            seats.offset[a as usize] = [b, depth];
            seats.placement[a as usize] = Placement::Assistant;
            row_depth = row_depth.max(ad);
        }
        depth += row_depth;
    }
    (left + right, depth, left)
}

/// Stacks a team of leaves in columns filled top to bottom, left to right, aiming at a block
/// `aspect` times as deep as it is broad; returns its (breadth, depth).
fn stack_team(
    forest: &Forest,
    geo: &Geometry,
    members: &[u32],
    unit: u32,
    seats: &mut Seats,
) -> (f64, f64) {
    let Some(stack) = &geo.stack else {
        return (0.0, 0.0);
    };
    let k = members.len().max(1);
    let (sum_b, sum_d) = members.iter().fold((0.0, 0.0), |(b, d), &m| {
        let (mb, md) = geo.card(forest, m);
        (b + mb, d + md)
    });
    let column_pitch = sum_b / k as f64 + stack.indent + geo.sibling;
    let row_pitch = sum_d / k as f64 + stack.row_gap;
    // depth ≈ rows × row_pitch and breadth ≈ columns × column_pitch, with rows = k / columns
    let target = if column_pitch > 0.0 {
        (k as f64 * row_pitch / (stack.aspect * column_pitch))
            .sqrt()
            .round() as usize
    } else {
        k
    };
    let columns = target.clamp(stack.min_columns, stack.max_columns).min(k);
    let rows = k.div_ceil(columns);

    let (mut column_left, mut depth) = (0.0f64, 0.0f64);
    for column in members.chunks(rows) {
        let (mut d, mut column_breadth) = (0.0f64, 0.0f64);
        for (j, &m) in column.iter().enumerate() {
            let (mb, md) = geo.card(forest, m);
            if j > 0 {
                d += stack.row_gap;
            }
            seats.unit[m as usize] = unit;
            seats.offset[m as usize] = [column_left + stack.indent, d];
            d += md;
            column_breadth = column_breadth.max(mb);
        }
        depth = depth.max(d);
        column_left += stack.indent + column_breadth + geo.sibling;
    }
    ((column_left - geo.sibling).max(0.0), depth)
}

/// Runs the tidy algorithm, then sets the trees out from breadth and depth 0: side by side,
/// or in rows (see `src/rows.rs`), moving each unit's top with its tree; returns the left
/// side of every unit. `tree_nodes` counts the visible nodes of each tree.
fn place_units(units: &mut Units, geo: &Geometry, tree_nodes: &[usize]) -> Vec<f64> {
    let tree_count = tree_nodes.len();
    let tidy = TidyForest {
        units: &units.shape,
        root_count: tree_count,
        sibling_gap: geo.sibling,
        level_gap: geo.level,
    };
    let mut left = tidy.place();
    let mut low = vec![f64::INFINITY; tree_count];
    let mut high = vec![f64::NEG_INFINITY; tree_count];
    let mut deep = vec![0.0f64; tree_count];
    for ((&x, unit), &t) in left.iter().zip(&units.shape).zip(&units.tree) {
        let t = t as usize;
        low[t] = low[t].min(x);
        high[t] = high[t].max(x + unit.breadth);
        deep[t] = deep[t].max(unit.top + unit.depth);
    }
    // (breadth, depth) shift of each tree.
    let mut shift = vec![(0.0, 0.0); tree_count];
    match geo.trees {
        Trees::Row => {
            let mut cursor = 0.0;
            for t in 0..tree_count {
                shift[t] = (cursor - low[t], 0.0);
                cursor += high[t] - low[t] + geo.tree;
            }
        }
        Trees::Rows { aspect } => {
            // Rows run across the page, so they are packed in output coordinates.
            let boxes: Vec<TreeBox> = (0..tree_count)
                .map(|t| {
                    let (b, d) = (high[t] - low[t], deep[t]);
                    let (width, height) = if geo.lr { (d, b) } else { (b, d) };
                    TreeBox {
                        width,
                        height,
                        weight: tree_nodes[t],
                    }
                })
                .collect();
            for (t, [x, y]) in arrange_trees(&boxes, geo.tree, aspect)
                .into_iter()
                .enumerate()
            {
                let (b, d) = if geo.lr { (y, x) } else { (x, y) };
                shift[t] = (b - low[t], d);
            }
        }
    }
    for (x, &t) in left.iter_mut().zip(&units.tree) {
        *x += shift[t as usize].0;
    }
    for (unit, &t) in units.shape.iter_mut().zip(&units.tree) {
        unit.top += shift[t as usize].1;
    }
    left
}

/// Visible nodes breadth-first: roots in order, then children in order, skipping what lies
/// under a collapsed node.
fn visible_order(forest: &Forest, roots: &[u32]) -> Vec<u32> {
    let mut order = roots.to_vec();
    let mut head = 0;
    while let Some(&v) = order.get(head) {
        head += 1;
        if forest.shows_children(v) {
            order.extend_from_slice(forest.children(v));
        }
    }
    order
}

/// Appends a point to an orthogonal route, dropping repeats and points in the middle of a
/// straight run so that every point is a real corner.
pub(crate) fn push_orthogonal(points: &mut Vec<[f64; 2]>, p: [f64; 2]) {
    const EPS: f64 = 1e-6;
    let near = |a: f64, b: f64| (a - b).abs() <= EPS;
    if let Some(&last) = points.last()
        && near(last[0], p[0])
        && near(last[1], p[1])
    {
        return;
    }
    if let [.., a, b] = points.as_slice()
        && ((near(a[0], b[0]) && near(b[0], p[0])) || (near(a[1], b[1]) && near(b[1], p[1])))
    {
        points.pop();
    }
    points.push(p);
}
