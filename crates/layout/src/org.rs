//! The org chart: a [`Snapshot`]'s present people as a forest of cards, laid out, with
//! person ids in the output (the `layout` JSON of `docs/cli.md`). People whose manager is
//! named but absent (not in the file, or not here that day) hang under one placeholder card
//! per absent manager, which is drawn but is not a person.

use pendulum_core::{PersonId, PersonIx, Snapshot, Top};
use serde::Serialize;

use crate::forest::NONE;
use crate::{
    Forest, LayoutError, LayoutOptions, NodeBox, Placement, Size, Trees, dotted_route,
    layout_subtree, layout_trees,
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

/// The proportions a chart's forest aims at: a laptop screen's, less the side panel.
pub const CHART_ASPECT: f64 = 1.6;

impl Default for ChartOptions {
    /// The app's cards; a forest in rows near a screen's proportions.
    fn default() -> ChartOptions {
        ChartOptions {
            layout: LayoutOptions {
                trees: Trees::Rows {
                    aspect: CHART_ASPECT,
                },
                ..LayoutOptions::default()
            },
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

/// A placeholder's card: it stands for an absent manager (see
/// [`pendulum_core::Snapshot::placeholders`]), and is no person.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PlaceholderBox<'a> {
    /// The placeholder's index in [`Snapshot::placeholders`].
    #[serde(skip)]
    pub placeholder: u32,
    /// The missing manager id (or e-mail) as written, or the id of the manager not here.
    pub id: &'a str,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// The route from a placeholder's card to one of the people under it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceholderLine<'a> {
    #[serde(skip)]
    pub placeholder: u32,
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
    /// One card per drawn placeholder, in breadth-first order.
    pub placeholders: Vec<PlaceholderBox<'a>>,
    /// One route per line from a placeholder to a person under it, in the order of the
    /// person's card.
    pub placeholder_lines: Vec<PlaceholderLine<'a>>,
    /// Bounds every card and every route.
    pub width: f64,
    pub height: f64,
}

/// Lays out the people present on the snapshot's day, as drawn: cycles are already broken
/// by the snapshot, people whose manager is named but absent hang under that manager's
/// placeholder card, and the trees are set out as [`LayoutOptions::trees`] says, in the
/// order of [`Snapshot::tops`].
///
/// O(people) time and memory; no recursion.
pub fn layout_snapshot<'a>(
    s: &Snapshot<'a>,
    options: &ChartOptions,
) -> Result<ChartLayout<'a>, LayoutError> {
    let (mut forest, node_of, ids) = indexed_forest(s, options.card)?;
    let order = s.breadth_first();
    let people = order.len() as u32;
    for id in &options.collapsed {
        if let Some(p) = s.person_ix(id.as_str()) {
            forest.set_collapsed(node_of[p as usize], true);
        } else if let Some(k) =
            (0..s.placeholders().len() as u32).find(|&k| s.placeholder_id(k) == id.as_str())
        {
            forest.set_collapsed(people + k, true);
        }
    }
    let laid_out = match &options.root {
        None => {
            let tops: Vec<u32> = s
                .tops()
                .iter()
                .map(|t| match *t {
                    Top::Person(p) => node_of[p as usize],
                    Top::Placeholder(k) => people + k,
                })
                .collect();
            layout_trees(&forest, &tops, &options.layout)?
        }
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
    let mut chart = ChartLayout {
        dotted,
        width,
        height,
        ..ChartLayout::default()
    };
    for b in &laid_out.nodes {
        if b.index < people {
            chart.nodes.push(PersonBox {
                person: person(b.index),
                id: id(b.index),
                x: b.x,
                y: b.y,
                width: b.width,
                height: b.height,
                placement: b.placement,
            });
        } else {
            chart.placeholders.push(PlaceholderBox {
                placeholder: b.index - people,
                id: id(b.index),
                x: b.x,
                y: b.y,
                width: b.width,
                height: b.height,
            });
        }
    }
    for e in laid_out.edges {
        if e.from < people {
            chart.edges.push(ReportingLine {
                manager: person(e.from),
                report: person(e.to),
                from: id(e.from),
                to: id(e.to),
                points: e.points,
            });
        } else {
            chart.placeholder_lines.push(PlaceholderLine {
                placeholder: e.from - people,
                report: person(e.to),
                from: id(e.from),
                to: id(e.to),
                points: e.points,
            });
        }
    }
    Ok(chart)
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
        // Placeholders (nodes past the people) have no dotted lines.
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

/// The present people of a snapshot as a forest of `card`-sized boxes, as drawn: node `k` is
/// person `s.breadth_first()[k]`, and after the people, node `people + j` is placeholder `j`
/// with the roots it stands over as its children; assistants are marked, nothing is collapsed.
pub fn snapshot_forest(s: &Snapshot<'_>, card: Size) -> Result<Forest, LayoutError> {
    indexed_forest(s, card).map(|(forest, ..)| forest)
}

/// [`snapshot_forest`], the node of each person (`NONE` for people not present) and the id of
/// each node (a placeholder's is the absent manager's id).
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
    let people = order.len();
    let nodes = people + s.placeholders().len();
    let mut node_of = vec![NONE; s.people_count()];
    for (k, &p) in (0u32..).zip(order) {
        node_of[p as usize] = k;
    }
    // Node k is order[k]: breadth-first order keeps each manager's reports in input order, as
    // the forest needs. People are read in input order, which is the order they sit in memory.
    let mut ids = vec![""; nodes];
    let mut parent = vec![NONE; nodes];
    let mut assistant = vec![false; nodes];
    for ((p, person), &k) in (0u32..).zip(&s.org().people).zip(&node_of) {
        if k == NONE {
            continue;
        }
        let k = k as usize;
        ids[k] = person.id.as_str();
        parent[k] = match (s.parent(p), s.placeholder_of(p)) {
            (Some(m), _) => node_of[m as usize],
            (None, Some(j)) => (people as u32).saturating_add(j),
            (None, None) => NONE,
        };
        assistant[k] = person.assistant;
    }
    for (j, id) in (0u32..).zip(&mut ids[people..]) {
        *id = s.placeholder_id(j);
    }
    let forest = Forest::index(parent, vec![card; nodes], assistant, vec![false; nodes])?;
    Ok((forest, node_of, ids))
}
