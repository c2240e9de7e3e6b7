//! Tidy-tree layout of an org chart: a forest of boxes and options in, box positions and
//! orthogonal edge routes out. Pure and deterministic: the same forest and options give the
//! same coordinates, bit for bit.
//!
//! # Algorithm
//!
//! The core is Walker's tidy-tree algorithm as made linear by Buchheim, Jünger and Leipert
//! ("Improving Walker's algorithm to run in linear time", Graph Drawing 2002), in the
//! variable-size form of van der Ploeg ("Drawing non-layered tidy trees in linear time",
//! Software: Practice and Experience 44(12), 2014): each box has its own width and height, a
//! child sits one `level_gap` below the bottom of its parent, and subtrees are pushed apart
//! along their contours, which are followed through threads so that every contour node is
//! visited a bounded number of times (details in `src/tidy.rs`).
//!
//! Around it, org-chart conventions are expressed as *units* of the tidy tree, so the tidy
//! algorithm itself never needs to know about them:
//! - a manager's **assistants** (leaves marked `assistant`) hang beside the manager's
//!   connector, alternating left and right, in rows between the manager and the reports; the
//!   manager and its assistants form one unit whose anchor is the manager's centre;
//! - a **wide team of leaves** (at least [`StackOptions::min_leaves`] reports, none of them
//!   with visible reports of their own) is stacked in columns filled top to bottom, each with
//!   a spine on its left; the column count aims at a block [`StackOptions::aspect`] times as
//!   deep as it is broad (by default twice, so a team of up to about ten is one column), and
//!   the whole block is one leaf unit under the manager;
//! - a **collapsed** node keeps its box and hides all its descendants;
//! - the trees of a **forest** are laid out one by one and set side by side, tops aligned,
//!   or in **rows**, biggest first, packed to come near a screen's or a page's proportions
//!   (details in `src/rows.rs`);
//! - **left-right** orientation lays the forest out top-down with widths and heights swapped,
//!   then transposes every coordinate.
//!
//! # Complexity
//!
//! O(n) time and memory in the number of nodes, and no recursion: walks are breadth-first
//! orders and their reversals, so a 1,000,000-long reporting chain lays out on the default
//! thread stack.
//!
//! # Output
//!
//! [`Layout::nodes`] lists every visible node once, in breadth-first order (roots in input
//! order, then each node's children in their given order); [`Layout::edges`] holds one route
//! per visible parent → child line, in the breadth-first order of the child. `x`, `y` is a
//! box's top-left corner, `y` grows downwards, and every coordinate is ≥ 0.
//!
//! **Dotted lines** (a secondary manager) are routed over a finished layout by
//! [`dotted_route`], in O(1) each, through the gaps the tidy layout leaves free (details in
//! `src/dotted.rs`); [`layout_snapshot`] routes every one whose two people are drawn.
//!
//! Architecture Invariant: layout never reads files, the clock or the environment, and it
//! depends on the org model only in [`layout_snapshot`].

mod arrange;
mod dotted;
mod forest;
mod org;
mod rows;
mod tidy;

pub use arrange::{layout, layout_subtree, layout_trees};
pub use dotted::dotted_route;
pub use forest::{Forest, ForestNode, Size};
pub use org::{
    CHART_ASPECT, ChartLayout, ChartOptions, DottedLine, PersonBox, PlaceholderBox,
    PlaceholderLine, ReportingLine, layout_snapshot, snapshot_forest,
};

use serde::Serialize;

/// Which way reporting lines run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Orientation {
    /// Managers above their reports.
    #[default]
    TopDown,
    /// Managers to the left of their reports.
    LeftRight,
}

/// When and how a manager's leaf reports are stacked in columns instead of a row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StackOptions {
    /// Stack when a manager has at least this many reports and none of them shows reports.
    pub min_leaves: usize,
    /// Fewest columns of a stack. Within these bounds, the count aims at a block `aspect`
    /// times as deep as it is broad.
    pub min_columns: usize,
    /// Most columns of a stack (`usize::MAX`: no limit).
    pub max_columns: usize,
    /// Gap between two boxes of one column.
    pub row_gap: f64,
    /// Room on the left of each column for its spine.
    pub indent: f64,
    /// Depth over breadth that a stack aims at (non-positive or non-finite: 1, a square).
    pub aspect: f64,
}

impl Default for StackOptions {
    fn default() -> StackOptions {
        StackOptions {
            min_leaves: 4,
            min_columns: 1,
            max_columns: usize::MAX,
            row_gap: 12.0,
            indent: 24.0,
            aspect: 2.0,
        }
    }
}

/// How the trees of a forest are set out.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Trees {
    /// Side by side in one row, tops aligned, in the order of their roots.
    #[default]
    Row,
    /// In rows, biggest first, so that the drawing's width over height comes near `aspect`
    /// (non-positive or non-finite: 1). One tree is drawn as in a single row.
    Rows { aspect: f64 },
}

/// Geometry of a layout; gaps are in the units of the box sizes. Negative or non-finite
/// gaps count as 0.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutOptions {
    pub orientation: Orientation,
    /// Between neighbouring boxes across the direction of the reporting lines.
    pub sibling_gap: f64,
    /// Between a manager (with its assistants) and its reports.
    pub level_gap: f64,
    /// Between the trees of a forest.
    pub tree_gap: f64,
    /// How the trees of a forest are set out.
    pub trees: Trees,
    /// `None`: never stack.
    pub stack: Option<StackOptions>,
}

impl Default for LayoutOptions {
    fn default() -> LayoutOptions {
        LayoutOptions {
            orientation: Orientation::TopDown,
            sibling_gap: 20.0,
            level_gap: 40.0,
            tree_gap: 60.0,
            trees: Trees::Row,
            stack: Some(StackOptions::default()),
        }
    }
}

/// How a box hangs off its parent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Placement {
    /// A root of the laid-out forest (or the chosen subtree root).
    Root,
    /// Below its parent, in a row with its siblings.
    Report,
    /// Beside its parent's connector.
    Assistant,
    /// In a column of a stacked team.
    Stacked,
}

/// One box, in output coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct NodeBox {
    /// The node's index in the [`Forest`].
    pub index: u32,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub placement: Placement,
}

/// An orthogonal polyline from a point on the parent's box to a point on the child's box.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EdgeRoute {
    pub from: u32,
    pub to: u32,
    pub points: Vec<[f64; 2]>,
}

/// A laid-out forest. `width` and `height` bound every box and route.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Layout {
    pub nodes: Vec<NodeBox>,
    pub edges: Vec<EdgeRoute>,
    pub width: f64,
    pub height: f64,
}

/// Why a forest cannot be laid out.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum LayoutError {
    #[error("node {node} names parent {parent}, which is not a node")]
    NoSuchParent { node: u32, parent: u32 },
    #[error("node {node} is its own ancestor")]
    Cycle { node: u32 },
    #[error("node {node} has a size that is not a finite number ≥ 0")]
    BadSize { node: u32 },
    #[error("a card's width and height must be finite numbers ≥ 0")]
    BadCard,
    #[error("a forest holds at most {max} nodes")]
    TooLarge { max: u32 },
    #[error("there is no node {node}")]
    NoSuchNode { node: u32 },
    #[error("no person has id {id:?}")]
    UnknownPerson { id: String },
    #[error("{id:?} is not present on {as_of}")]
    NotPresent {
        id: String,
        as_of: pendulum_core::Date,
    },
}
