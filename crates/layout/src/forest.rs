//! The input of a layout: a forest of boxes, independent of the org model so that it can be
//! built, tested and benchmarked directly.

use serde::Serialize;

use crate::LayoutError;

/// "No node".
pub(crate) const NONE: u32 = u32::MAX;

/// Width and height of a box as drawn (whatever the orientation).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

impl Size {
    pub const fn new(width: f64, height: f64) -> Size {
        Size { width, height }
    }
}

/// One node of a [`Forest`], as given to [`Forest::new`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ForestNode {
    /// Index of the parent node; `None` for a root.
    pub parent: Option<u32>,
    pub size: Size,
    /// Drawn beside its parent, unless it shows children of its own (then it is drawn as an
    /// ordinary report, so that its subtree has room).
    pub assistant: bool,
    /// The node is drawn; its descendants are not.
    pub collapsed: bool,
}

impl ForestNode {
    pub fn root(size: Size) -> ForestNode {
        ForestNode {
            parent: None,
            size,
            assistant: false,
            collapsed: false,
        }
    }

    pub fn child(parent: u32, size: Size) -> ForestNode {
        ForestNode {
            parent: Some(parent),
            size,
            assistant: false,
            collapsed: false,
        }
    }
}

/// A validated forest: parents exist, there are no cycles, sizes are finite and ≥ 0.
/// Children keep the order of their indices, and so do roots.
#[derive(Clone, Debug)]
pub struct Forest {
    pub(crate) parent: Vec<u32>,
    pub(crate) size: Vec<Size>,
    pub(crate) assistant: Vec<bool>,
    pub(crate) collapsed: Vec<bool>,
    /// Children as CSR: `children[child_start[i]..child_start[i + 1]]`.
    child_start: Vec<u32>,
    children: Vec<u32>,
    roots: Vec<u32>,
}

impl Forest {
    /// Checks and indexes the nodes in O(n).
    pub fn new(nodes: &[ForestNode]) -> Result<Forest, LayoutError> {
        let mut parent = Vec::with_capacity(nodes.len());
        for (i, node) in (0u32..).zip(nodes) {
            let s = node.size;
            if !(s.width.is_finite() && s.height.is_finite() && s.width >= 0.0 && s.height >= 0.0) {
                return Err(LayoutError::BadSize { node: i });
            }
            match node.parent {
                None => parent.push(NONE),
                Some(NONE) => {
                    return Err(LayoutError::NoSuchParent {
                        node: i,
                        parent: NONE,
                    });
                }
                Some(p) => parent.push(p),
            }
        }
        Forest::index(
            parent,
            nodes.iter().map(|node| node.size).collect(),
            nodes.iter().map(|node| node.assistant).collect(),
            nodes.iter().map(|node| node.collapsed).collect(),
        )
    }

    /// Checks parents (`NONE` for a root) and builds the children lists; sizes must already
    /// be valid and the four vectors of equal length.
    pub(crate) fn index(
        parent: Vec<u32>,
        size: Vec<Size>,
        assistant: Vec<bool>,
        collapsed: Vec<bool>,
    ) -> Result<Forest, LayoutError> {
        let len = parent.len();
        let n = match u32::try_from(len) {
            Ok(n) if n != NONE => n,
            _ => return Err(LayoutError::TooLarge { max: NONE - 1 }),
        };
        let mut child_start = vec![0u32; len + 1];
        for (i, &p) in (0..n).zip(&parent) {
            if p == NONE {
                continue;
            }
            if p >= n {
                return Err(LayoutError::NoSuchParent { node: i, parent: p });
            }
            child_start[p as usize + 1] += 1;
        }
        for i in 0..len {
            child_start[i + 1] += child_start[i];
        }
        // Counting sort: children land in index order under each parent.
        let mut fill = child_start.clone();
        let mut children = vec![0u32; child_start[len] as usize];
        for (i, &p) in (0..n).zip(&parent) {
            if p != NONE {
                children[fill[p as usize] as usize] = i;
                fill[p as usize] += 1;
            }
        }
        let roots: Vec<u32> = (0..n)
            .zip(&parent)
            .filter(|&(_, &p)| p == NONE)
            .map(|(i, _)| i)
            .collect();

        // Every node is reached from a root exactly when there is no cycle; `fill` is reused
        // as the breadth-first queue.
        fill.clear();
        fill.extend_from_slice(&roots);
        let mut head = 0;
        while let Some(&v) = fill.get(head) {
            head += 1;
            let (a, b) = (
                child_start[v as usize] as usize,
                child_start[v as usize + 1] as usize,
            );
            fill.extend_from_slice(&children[a..b]);
        }
        if fill.len() < len {
            let mut reached = vec![false; len];
            for &v in &fill {
                reached[v as usize] = true;
            }
            let node = (0..n)
                .zip(&reached)
                .find(|&(_, &r)| !r)
                .map_or(0, |(i, _)| i);
            return Err(LayoutError::Cycle { node });
        }

        Ok(Forest {
            parent,
            size,
            assistant,
            collapsed,
            child_start,
            children,
            roots,
        })
    }

    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// The roots, in index order.
    pub fn roots(&self) -> &[u32] {
        &self.roots
    }

    /// The parent of a node; `None` for a root or a node that does not exist.
    pub fn parent(&self, node: u32) -> Option<u32> {
        self.parent
            .get(node as usize)
            .copied()
            .filter(|&p| p != NONE)
    }

    /// The children of a node in index order (empty for a node that does not exist).
    pub fn children(&self, node: u32) -> &[u32] {
        let i = node as usize;
        match (self.child_start.get(i), self.child_start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.children[a as usize..b as usize],
            _ => &[],
        }
    }

    pub fn size(&self, node: u32) -> Option<Size> {
        self.size.get(node as usize).copied()
    }

    pub fn is_assistant(&self, node: u32) -> bool {
        self.assistant.get(node as usize).copied().unwrap_or(false)
    }

    pub fn is_collapsed(&self, node: u32) -> bool {
        self.collapsed.get(node as usize).copied().unwrap_or(false)
    }

    /// Whether a node's children are drawn: it has some and is not collapsed.
    pub fn shows_children(&self, node: u32) -> bool {
        !self.is_collapsed(node) && !self.children(node).is_empty()
    }

    /// Collapses or expands a node after construction (a no-op for a node that does not exist).
    pub fn set_collapsed(&mut self, node: u32, collapsed: bool) {
        if let Some(c) = self.collapsed.get_mut(node as usize) {
            *c = collapsed;
        }
    }
}
