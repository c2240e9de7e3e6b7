//! Stand-in for `pendulum_api::Session` until the api crate has it (see
//! /work/notes/api-requests.md): the same names and shapes, built from the api's `load`, the
//! core snapshot and `pendulum-layout`. When the api's Session lands, this file is deleted and
//! `lib.rs` imports the api's instead; the commands do not change.

use std::path::{Path, PathBuf};

use pendulum_api::{ApiError, ApiResult, ErrorCode, Loaded, OrgSource};
use pendulum_core::{Date, Flag, PersonId, Role, Snapshot, Stats, Status, TeamId, check};
use pendulum_layout::{
    ChartLayout, ChartOptions, LayoutOptions, Orientation, Size, layout_snapshot,
};
use serde::{Deserialize, Serialize};

/// The demo's own date: its flags were designed around it (assets/demo/README.md).
const DEMO_AS_OF: (i32, u32, u32) = (2027, 3, 1);

#[derive(Clone, Debug, Serialize)]
pub struct DocumentInfo {
    pub name: String,
    pub scenario: Option<String>,
    pub as_of: Date,
    pub can_undo: bool,
    pub can_redo: bool,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ViewRequest {
    pub as_of: Option<Date>,
    pub collapsed: Vec<PersonId>,
    pub orientation: ChartOrientation,
}

/// Which way the chart grows: managers above their reports, or to their left.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChartOrientation {
    #[default]
    TopDown,
    LeftRight,
}

#[derive(Clone, Debug, Serialize)]
pub struct PersonCard {
    pub id: PersonId,
    pub name: String,
    pub title: String,
    pub role: Role,
    pub team: Option<TeamId>,
    pub level: Option<String>,
    pub status: Status,
    pub manager_id: Option<PersonId>,
    pub fte: f64,
    pub location: Option<String>,
    pub email: Option<String>,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub role_since: Option<Date>,
    pub span: u32,
    pub direct: u32,
    pub total: u32,
    pub depth: u32,
}

#[derive(Debug, Serialize)]
pub struct OrgView<'a> {
    pub as_of: Date,
    pub scenario: Option<String>,
    pub people: Vec<PersonCard>,
    pub layout: ChartLayout<'a>,
    pub flags: Vec<Flag>,
    pub stats: Stats,
}

#[derive(Debug)]
struct Open {
    name: String,
    loaded: Loaded,
    as_of: Date,
}

#[derive(Debug)]
pub struct Session {
    today: Date,
    open: Option<Open>,
}

impl Session {
    pub fn new(today: Date) -> Session {
        Session { today, open: None }
    }

    pub fn current(&self) -> Option<DocumentInfo> {
        self.open.as_ref().map(info)
    }

    pub fn open_demo(&mut self) -> ApiResult<DocumentInfo> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/demo");
        let (y, m, d) = DEMO_AS_OF;
        let as_of = Date::from_ymd(y, m, d).unwrap_or(self.today);
        let source = OrgSource {
            path: dir.join("people.csv"),
            workstreams: Some(dir.join("workstreams.csv")),
            allocations: Some(dir.join("allocations.csv")),
            scenario: None,
        };
        let loaded = pendulum_api::load(&source, as_of)?;
        Ok(self.replace(Open {
            name: "Larkspur engineering (demo)".into(),
            loaded,
            as_of,
        }))
    }

    pub fn open(&mut self, path: &Path) -> ApiResult<DocumentInfo> {
        let source = OrgSource {
            path: PathBuf::from(path),
            ..OrgSource::default()
        };
        let loaded = pendulum_api::load(&source, self.today)?;
        let name = path
            .file_stem()
            .map_or_else(|| "Untitled".into(), |s| s.to_string_lossy().into_owned());
        Ok(self.replace(Open {
            name,
            loaded,
            as_of: self.today,
        }))
    }

    pub fn view(&self, request: &ViewRequest) -> ApiResult<OrgView<'_>> {
        let open = self
            .open
            .as_ref()
            .ok_or_else(|| ApiError::usage("no document is open"))?;
        let as_of = request.as_of.unwrap_or(open.as_of);
        let org = &open.loaded.org;
        let snapshot = Snapshot::new(org, as_of, &open.loaded.rules);
        let options = ChartOptions {
            layout: LayoutOptions {
                level_gap: 52.0,
                orientation: match request.orientation {
                    ChartOrientation::TopDown => Orientation::TopDown,
                    ChartOrientation::LeftRight => Orientation::LeftRight,
                },
                ..LayoutOptions::default()
            },
            card: Size::new(232.0, 92.0),
            collapsed: request.collapsed.clone(),
            root: None,
        };
        let layout = layout_snapshot(&snapshot, &options)
            .map_err(|e| ApiError::new(ErrorCode::Internal, format!("layout failed: {e}")))?;
        let people = snapshot
            .breadth_first()
            .iter()
            .map(|&i| {
                let p = snapshot.person(i);
                PersonCard {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    title: p.title.clone(),
                    role: snapshot.role(i),
                    team: p.team.clone(),
                    level: p.level.clone(),
                    status: p.status,
                    manager_id: p.manager_id.clone(),
                    fte: p.fte,
                    location: p.location.clone(),
                    email: p.email.clone(),
                    start_date: p.start_date,
                    end_date: p.end_date,
                    role_since: p.role_since,
                    span: snapshot.span(i),
                    direct: snapshot.direct_under(i),
                    total: snapshot.total_under(i),
                    depth: snapshot.depth(i),
                }
            })
            .collect();
        let flags = check(&snapshot, &open.loaded.rules);
        let stats = Stats::of(&snapshot);
        Ok(OrgView {
            as_of,
            scenario: None,
            people,
            layout,
            flags,
            stats,
        })
    }

    fn replace(&mut self, open: Open) -> DocumentInfo {
        let doc = info(&open);
        self.open = Some(open);
        doc
    }
}

fn info(open: &Open) -> DocumentInfo {
    DocumentInfo {
        name: open.name.clone(),
        scenario: None,
        as_of: open.as_of,
        can_undo: false,
        can_redo: false,
    }
}
