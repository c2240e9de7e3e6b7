//! The reports the CLI prints and the app shows: `check` and `stats` (shapes in `docs/cli.md`).

use pendulum_core::{AbsentManager, Date, Flag, FlagSummary, PersonId, Snapshot, Stats, check};
use pendulum_layout::{ChartOptions, Orientation, layout_snapshot};
use serde::Serialize;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::loaded::Loaded;

/// `{"as_of", "flags": [...], "summary": {...}}`.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct CheckReport {
    pub as_of: Date,
    pub flags: Vec<Flag>,
    pub summary: FlagSummary,
}

/// `Stats` with the day it describes.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct StatsReport {
    pub as_of: Date,
    #[serde(flatten)]
    pub stats: Stats,
}

pub fn check_report(loaded: &Loaded, as_of: Date) -> CheckReport {
    let snapshot = Snapshot::new(&loaded.org, as_of, &loaded.rules);
    let flags = check(&snapshot, &loaded.rules);
    let summary = FlagSummary::of(&flags);
    CheckReport {
        as_of,
        flags,
        summary,
    }
}

pub fn stats_report(loaded: &Loaded, as_of: Date) -> StatsReport {
    let snapshot = Snapshot::new(&loaded.org, as_of, &loaded.rules);
    StatsReport {
        as_of,
        stats: Stats::of(&snapshot),
    }
}

/// How the chart is laid out (`pendulum layout`, the app, the exports).
#[derive(Clone, Debug, Default)]
pub struct LayoutRequest {
    pub root: Option<PersonId>,
    pub left_right: bool,
    pub collapsed: Vec<PersonId>,
}

/// The `layout` JSON (`docs/cli.md`): one node per present person (top-left corner, y
/// downwards), one edge per reporting line from manager to report, and one dotted route per
/// dotted line whose two people are drawn, from the secondary manager to the person. People
/// whose manager is named but absent hang under a placeholder: an extra node, after the
/// people's, with `"placeholder": true` and the absent manager's id, and an edge from it to
/// each of them.
#[derive(Clone, Debug, serde::Serialize, ts_rs::TS)]
pub struct LayoutReport {
    pub as_of: Date,
    pub width: f64,
    pub height: f64,
    pub nodes: Vec<LayoutNode>,
    pub edges: Vec<LayoutEdge>,
    /// Dotted lines, in the order of the person's card; `from` is the secondary manager.
    pub dotted: Vec<LayoutEdge>,
}

#[derive(Clone, Debug, serde::Serialize, ts_rs::TS)]
pub struct LayoutNode {
    /// A person's id; for a placeholder, the absent manager's id (or e-mail) as written.
    pub id: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// A placeholder: the card of a manager who is named but not drawn (not in the file, or
    /// not here that day), standing over the people who report to them. Not a person: no
    /// figure counts it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub placeholder: bool,
    /// A placeholder of a manager who is in the file but not here that day: their name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub name: Option<String>,
    /// A placeholder: how many present people report to the absent manager.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub reports: Option<u32>,
}

#[derive(Clone, Debug, serde::Serialize, ts_rs::TS)]
pub struct LayoutEdge {
    pub from: String,
    pub to: String,
    pub points: Vec<[f64; 2]>,
}

pub fn layout_report(
    loaded: &Loaded,
    as_of: Date,
    request: &LayoutRequest,
) -> ApiResult<LayoutReport> {
    layout_of(&Snapshot::new(&loaded.org, as_of, &loaded.rules), request)
}

/// The layout of a snapshot already built (the app's view builds one for everything).
pub fn layout_of(snapshot: &Snapshot<'_>, request: &LayoutRequest) -> ApiResult<LayoutReport> {
    let mut options = ChartOptions {
        root: request.root.clone(),
        collapsed: request.collapsed.clone(),
        ..ChartOptions::default()
    };
    if request.left_right {
        options.layout.orientation = Orientation::LeftRight;
    }
    let chart = layout_snapshot(snapshot, &options)
        .map_err(|e| ApiError::new(ErrorCode::Unknown, e.to_string()))?;
    Ok(LayoutReport {
        as_of: snapshot.as_of(),
        width: chart.width,
        height: chart.height,
        nodes: chart
            .nodes
            .iter()
            .map(|n| LayoutNode {
                id: n.id.to_string(),
                x: n.x,
                y: n.y,
                width: n.width,
                height: n.height,
                placeholder: false,
                name: None,
                reports: None,
            })
            .chain(chart.placeholders.iter().map(|b| {
                let absent = snapshot.placeholders().get(b.placeholder as usize);
                LayoutNode {
                    id: b.id.to_string(),
                    x: b.x,
                    y: b.y,
                    width: b.width,
                    height: b.height,
                    placeholder: true,
                    name: absent.and_then(|p| match p.manager {
                        AbsentManager::NotHere(m) => Some(snapshot.person(m).name.clone()),
                        AbsentManager::NotInFile(_) => None,
                    }),
                    reports: absent.map(|p| p.reports.len() as u32),
                }
            }))
            .collect(),
        edges: chart
            .edges
            .iter()
            .map(|e| LayoutEdge {
                from: e.from.to_string(),
                to: e.to.to_string(),
                points: e.points.clone(),
            })
            .chain(chart.placeholder_lines.iter().map(|e| LayoutEdge {
                from: e.from.to_string(),
                to: e.to.to_string(),
                points: e.points.clone(),
            }))
            .collect(),
        dotted: chart
            .dotted
            .iter()
            .map(|d| LayoutEdge {
                from: d.from.to_string(),
                to: d.to.to_string(),
                points: d.points.clone(),
            })
            .collect(),
    })
}
