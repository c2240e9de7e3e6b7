//! The org chart: a [`Snapshot`]'s present people as a forest of cards, laid out, with
//! person ids in the output (the `layout` JSON of `docs/cli.md`).

use pendulum_core::{PersonId, PersonIx, Snapshot};
use serde::Serialize;

use crate::forest::NONE;
use crate::{
    Forest, LayoutError, LayoutOptions, NodeBox, Placement, Size, dotted_route, layout,
    layout_subtree,
};

/// How to draw an org chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    pub layout: LayoutOptions,
    /// Every person's card.
    pub card: Size,
    /// People whose reports are hidden. Ids of people who are not present are ignored, so a
    /// remembered set of collapsed cards survives a change of date.
    pub collapsed: Vec<PersonId>,
    /// Draw only this person and the people under them.
    pub root: Option<PersonId>,
}

impl Default for ChartOptions {
    fn default() -> ChartOptions {
        ChartOptions {
            layout: LayoutOptions::default(),
            card: Size::new(220.0, 88.0),
            collapsed: Vec::new(),
            root: None,
        }
    }
}

/// A person's card.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PersonBox<'a> {
    #[serde(skip)]
    pub person: PersonIx,
    pub id: &'a str,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub placement: Placement,
}

/// The route of one reporting line, from the manager's card to the report's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportingLine<'a> {
    #[serde(skip)]
    pub manager: PersonIx,
    #[serde(skip)]
    pub report: PersonIx,
    pub from: &'a str,
    pub to: &'a str,
    pub points: Vec<[f64; 2]>,
}

/// The route of one dotted line, from the secondary manager's card to the person's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DottedLine<'a> {
    #[serde(skip)]
    pub manager: PersonIx,
    #[serde(skip)]
    pub person: PersonIx,
    pub from: &'a str,
    pub to: &'a str,
    pub points: Vec<[f64; 2]>,
}

/// A laid-out org chart; serialises to the `layout` JSON of `docs/cli.md` (plus `dotted`, `placement`,
/// `width` and `height`).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ChartLayout<'a> {
    /// One card per drawn person, breadth-first from the roots.
    pub nodes: Vec<PersonBox<'a>>,
    /// One route per drawn reporting line, in the order of the report's card.
    pub edges: Vec<ReportingLine<'a>>,
    /// One route per dotted line whose two people are drawn, in the order of the person's
    /// card, then of their `dotted_managers`.
    pub dotted: Vec<DottedLine<'a>>,
    /// Bounds every card and every route.
    pub width: f64,
    pub height: f64,
}

/// Lays out the people present on the snapshot's day, as drawn: cycles are already broken
/// by the snapshot, people whose manager is unknown or absent are roots, and trees stand side
/// by side in the order of their roots.
///
/// O(people) time and memory; no recursion.
pub fn layout_snapshot<'a>(
    s: &Snapshot<'a>,
    options: &ChartOptions,
) -> Result<ChartLayout<'a>, LayoutError> {
    let (mut forest, node_of, ids) = indexed_forest(s, options.card)?;
    let order = s.breadth_first();
    for id in &options.collapsed {
        if let Some(p) = s.person_ix(id.as_str()) {
            forest.set_collapsed(node_of[p as usize], true);
        }
    }
    let laid_out = match &options.root {
        None => layout(&forest, &options.layout),
        Some(id) => {
            let p = s
                .person_ix(id.as_str())
                .ok_or_else(|| LayoutError::UnknownPerson { id: id.0.clone() })?;
            let k = node_of[p as usize];
            if k == NONE {
                return Err(LayoutError::NotPresent {
                    id: id.0.clone(),
                    as_of: s.as_of(),
                });
            }
            layout_subtree(&forest, k, &options.layout)?
        }
    };

    let person = |k: u32| order[k as usize];
    let id = |k: u32| ids[k as usize];
    let dotted = dotted_lines(s, &laid_out.nodes, &node_of, &ids, &options.layout);
    let (mut width, mut height) = (laid_out.width, laid_out.height);
    for line in &dotted {
        for &[x, y] in &line.points {
            width = width.max(x);
            height = height.max(y);
        }
    }
    Ok(ChartLayout {
        nodes: laid_out
            .nodes
            .iter()
            .map(|b| PersonBox {
                person: person(b.index),
                id: id(b.index),
                x: b.x,
                y: b.y,
                width: b.width,
                height: b.height,
                placement: b.placement,
            })
            .collect(),
        edges: laid_out
            .edges
            .into_iter()
            .map(|e| ReportingLine {
                manager: person(e.from),
                report: person(e.to),
                from: id(e.from),
                to: id(e.to),
                points: e.points,
            })
            .collect(),
        dotted,
        width,
        height,
    })
}

/// Routes the dotted lines whose two people have a box in `boxes`: each person's
/// `dotted_managers` in order, skipping themselves, repeats and people not drawn.
///
/// O(boxes + dotted lines); nothing is allocated when no one has a dotted line.
fn dotted_lines<'a>(
    s: &Snapshot<'a>,
    boxes: &[NodeBox],
    node_of: &[u32],
    ids: &[&'a str],
    options: &LayoutOptions,
) -> Vec<DottedLine<'a>> {
    let org = s.org();
    if org.people.iter().all(|p| p.dotted_managers.is_empty()) {
        return Vec::new();
    }
    // The position in `boxes` of each forest node that is drawn.
    let mut drawn = vec![NONE; ids.len()];
    for (k, b) in (0u32..).zip(boxes) {
        if let Some(slot) = drawn.get_mut(b.index as usize) {
            *slot = k;
        }
    }
    let box_of = |p: PersonIx| -> Option<&NodeBox> {
        let node = *node_of.get(p as usize)?;
        let k = *drawn.get(node as usize)?;
        boxes.get(k as usize)
    };
    let order = s.breadth_first();
    let mut lines = Vec::new();
    for b in boxes {
        let Some(&p) = order.get(b.index as usize) else {
            continue;
        };
        let listed = &s.person(p).dotted_managers;
        for (i, d) in listed.iter().enumerate() {
            if listed[..i].contains(d) {
                continue;
            }
            let Some(m) = s.person_ix(d.as_str()).filter(|&m| m != p) else {
                continue;
            };
            let Some(mb) = box_of(m) else {
                continue;
            };
            lines.push(DottedLine {
                manager: m,
                person: p,
                from: ids[mb.index as usize],
                to: ids[b.index as usize],
                points: dotted_route(mb, b, options),
            });
        }
    }
    lines
}

/// The present people of a snapshot as a forest of `card`-sized boxes: node `k` is person
/// `s.breadth_first()[k]`, assistants are marked, nothing is collapsed.
pub fn snapshot_forest(s: &Snapshot<'_>, card: Size) -> Result<Forest, LayoutError> {
    indexed_forest(s, card).map(|(forest, ..)| forest)
}

/// [`snapshot_forest`], the node of each person (`NONE` for people not present) and the id of
/// each node.
#[allow(clippy::type_complexity)]
fn indexed_forest<'a>(
    s: &Snapshot<'a>,
    card: Size,
) -> Result<(Forest, Vec<u32>, Vec<&'a str>), LayoutError> {
    if !(card.width.is_finite()
        && card.height.is_finite()
        && card.width >= 0.0
        && card.height >= 0.0)
    {
        return Err(LayoutError::BadCard);
    }
    let order = s.breadth_first();
    let mut node_of = vec![NONE; s.people_count()];
    for (k, &p) in (0u32..).zip(order) {
        node_of[p as usize] = k;
    }
    // Node k is order[k]: breadth-first order keeps each manager's reports in input order, as
    // the forest needs. People are read in input order, which is the order they sit in memory.
    let mut ids = vec![""; order.len()];
    let mut parent = vec![NONE; order.len()];
    let mut assistant = vec![false; order.len()];
    for ((p, person), &k) in (0u32..).zip(&s.org().people).zip(&node_of) {
        if k == NONE {
            continue;
        }
        let k = k as usize;
        ids[k] = person.id.as_str();
        parent[k] = s.parent(p).map_or(NONE, |m| node_of[m as usize]);
        assistant[k] = person.assistant;
    }
    let forest = Forest::index(
        parent,
        vec![card; order.len()],
        assistant,
        vec![false; order.len()],
    )?;
    Ok((forest, node_of, ids))
}
