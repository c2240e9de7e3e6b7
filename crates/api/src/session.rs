//! A desktop window's session: one open `.pendulum` document, its current scenario and
//! as-of date. Every edit is saved (one transaction) before the call returns, so "saving is
//! automatic" and a crash loses nothing that was shown.
//!
//! The desktop shell's commands are one-line adapters over these methods. Paths reach here
//! only from native dialogs opened by the shell; the web UI never names a file.

use std::path::{Path, PathBuf};

use pendulum_core::edit::DatedEdit;
use pendulum_core::swing::{Swing, SwingReport, simulate};
use pendulum_core::{
    Date, Diff, Flag, PersonId, Role, RuleConfig, Snapshot, Stats, Status, TeamId, WorkstreamKind,
    check, diff,
};
use pendulum_store::{Document, ScenarioId};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::loaded::Loaded;
use crate::source::OrgSource;

/// The demo org, built into the binary so the app needs no files to show something.
const DEMO_PEOPLE: &str = include_str!("../../../assets/demo/people.csv");
const DEMO_WORKSTREAMS: &str = include_str!("../../../assets/demo/workstreams.csv");
const DEMO_ALLOCATIONS: &str = include_str!("../../../assets/demo/allocations.csv");
/// The day the demo's flags were designed around.
pub const DEMO_DATE: (i32, u32, u32) = (2027, 3, 1);
pub const DEMO_FILE_NAME: &str = "Larkspur demo.pendulum";
/// The one person a new document starts with (id, name), so its chart is never empty.
pub const NEW_DOCUMENT_HEAD: (&str, &str) = ("p-1", "Head of the org");

/// What is open.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct DocumentInfo {
    /// The file's name without its folder or extension.
    pub name: String,
    /// The current scenario; "baseline" for the imported org with its own edits.
    pub scenario: String,
    pub scenarios: Vec<ScenarioInfo>,
    /// The day compare, simulate and export work on: the last day viewed (the demo opens
    /// on its own day, other documents on today).
    pub as_of: Date,
    /// The calendar day, for "back to today" and the as-of slider's range.
    pub today: Date,
    pub can_undo: bool,
    pub can_redo: bool,
    pub read_only: bool,
}

#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct ScenarioInfo {
    pub id: i64,
    pub name: String,
    pub parent: Option<String>,
}

/// What the chart should show.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[derive(ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct ViewRequest {
    /// `None`: the session's as-of date.
    pub as_of: Option<Date>,
    /// People whose reports are hidden (the layout re-flows without them).
    #[ts(as = "Option<_>", optional)]
    pub collapsed: Vec<PersonId>,
    #[ts(as = "Option<_>", optional)]
    pub left_right: bool,
}

/// A person as a card and in the inspector: fields on file plus figures as of the view's day.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct PersonCard {
    pub id: PersonId,
    pub name: String,
    pub title: String,
    /// The effective role (on file, or inferred).
    pub role: Role,
    /// The role on file, `None` when inferred.
    pub role_on_file: Option<Role>,
    pub team: Option<TeamId>,
    pub level: Option<String>,
    pub status: Status,
    pub manager_id: Option<PersonId>,
    /// Secondary managers as on file (drawn as dotted lines; no effect on spans), present or
    /// not on the view's day.
    pub dotted_managers: Vec<PersonId>,
    pub fte: f64,
    pub location: Option<String>,
    pub email: Option<String>,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub role_since: Option<Date>,
    pub assistant: bool,
    pub span: u32,
    pub direct: u32,
    pub total: u32,
    pub depth: u32,
    pub ramp: f64,
    pub allocated_percent: f64,
}

#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct WorkstreamRow {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
    pub kind: WorkstreamKind,
    pub priority: Option<String>,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub active: bool,
    pub required_fte: f64,
    pub effective_fte: f64,
    pub allocated_fte: f64,
    /// required / effective; `None` when nothing effective is allocated.
    pub load: Option<f64>,
    pub people: u32,
}

#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct AllocationRow {
    pub person: String,
    pub workstream: String,
    pub percent: f64,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    /// Counts on the view's day.
    pub active: bool,
}

/// Everything the app's screens show for one scenario and day.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct OrgView {
    pub as_of: Date,
    pub scenario: String,
    pub people: Vec<PersonCard>,
    pub layout: crate::reports::LayoutReport,
    pub flags: Vec<Flag>,
    pub stats: Stats,
    pub rules: RuleConfig,
    pub workstreams: Vec<WorkstreamRow>,
    pub allocations: Vec<AllocationRow>,
    pub teams: Vec<TeamRow>,
    /// The days on which the org changes (people start or leave, workstreams and allocations
    /// begin or end, dated edits take effect), sorted: the as-of slider's ticks.
    pub key_dates: Vec<Date>,
}

/// A team as the flags panel and chart need it: who leads it and how many are in it.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct TeamRow {
    pub id: String,
    /// The lead on file, else the team's highest member on the view's day (the first met
    /// breadth-first); `None` for a team with nobody in it.
    pub lead: Option<String>,
    pub kind: Option<pendulum_core::TeamKind>,
    /// Present people in the team on the view's day.
    pub people: u32,
}

/// The CSV files of an import, as picked in dialogs.
#[derive(Clone, Debug, Default)]
pub struct ImportFiles {
    pub people: PathBuf,
    pub workstreams: Option<PathBuf>,
    pub allocations: Option<PathBuf>,
}

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
#[derive(ts_rs::TS)]
pub enum ExportFormat {
    Pdf,
    Svg,
    Png,
    Csv,
    Json,
}

#[derive(Debug)]
struct Open {
    doc: Document,
    path: PathBuf,
    scenario: ScenarioId,
}

/// One window's open document, scenario and day.
#[derive(Debug)]
pub struct Session {
    today: Date,
    as_of: Date,
    open: Option<Open>,
}

fn nothing_open() -> ApiError {
    ApiError::usage("no document is open")
}

impl Session {
    /// A session with nothing open; `today` is the default as-of date.
    pub fn new(today: Date) -> Session {
        Session {
            today,
            as_of: today,
            open: None,
        }
    }

    /// Opens the demo org, creating its document in `dir` the first time (an existing one
    /// keeps the user's edits). The as-of date becomes the demo's own.
    pub fn open_demo(&mut self, dir: &Path) -> ApiResult<DocumentInfo> {
        let path = dir.join(DEMO_FILE_NAME);
        if !path.exists() {
            std::fs::create_dir_all(dir).map_err(|e| ApiError::io(dir, "create it", &e))?;
            let loaded = demo_org()?;
            drop(Document::create(&path, &loaded.org, &loaded.rules)?);
        }
        let info = self.open(&path)?;
        let (y, m, d) = DEMO_DATE;
        self.as_of = Date::from_ymd(y, m, d).unwrap_or(self.today);
        Ok(DocumentInfo {
            as_of: self.as_of,
            ..info
        })
    }

    /// Starts the demo over: its document in `dir` is replaced by a fresh import of the
    /// demo org (the user's edits and scenarios in it are gone), then opened.
    pub fn reset_demo(&mut self, dir: &Path) -> ApiResult<DocumentInfo> {
        let path = dir.join(DEMO_FILE_NAME);
        if self.open.as_ref().is_some_and(|o| o.path == path) {
            self.open = None;
        }
        std::fs::create_dir_all(dir).map_err(|e| ApiError::io(dir, "create it", &e))?;
        let loaded = demo_org()?;
        drop(Document::create_or_replace(
            &path,
            &loaded.org,
            &loaded.rules,
        )?);
        self.open_demo(dir)
    }

    /// Creates a document at `path` (replacing a file there: the save dialog asked) holding
    /// one person to build the org from, and opens it on today's date.
    pub fn new_document(&mut self, path: &Path) -> ApiResult<DocumentInfo> {
        if self.open.as_ref().is_some_and(|o| o.path == path) {
            self.open = None;
        }
        let mut head = pendulum_core::Person::new(NEW_DOCUMENT_HEAD.0, NEW_DOCUMENT_HEAD.1);
        head.title = "Director".into();
        head.role = Some(Role::Director);
        let org = pendulum_core::Org {
            people: vec![head],
            ..pendulum_core::Org::default()
        };
        drop(Document::create_or_replace(
            path,
            &org,
            &RuleConfig::default(),
        )?);
        let info = self.open(path)?;
        self.as_of = self.today;
        Ok(DocumentInfo {
            as_of: self.as_of,
            ..info
        })
    }

    /// The file of the open document; for the shell's recent list, never for the web side.
    pub fn path(&self) -> Option<&Path> {
        self.open.as_ref().map(|o| o.path.as_path())
    }

    /// Opens a `.pendulum` document for editing (read-only when the file is).
    pub fn open(&mut self, path: &Path) -> ApiResult<DocumentInfo> {
        if crate::source::kind_of(path)? != crate::source::FileKind::Document {
            return Err(ApiError::usage(format!(
                "{} is not a .pendulum document; import it instead",
                path.display()
            )));
        }
        // Reopening the same file must not find it in use, so release it first; any other
        // document stays open until the new one has opened (a failed open changes nothing).
        if self.open.as_ref().is_some_and(|o| o.path == path) {
            self.open = None;
        }
        let doc = Document::open(path)?;
        self.as_of = self.today;
        self.open = Some(Open {
            doc,
            path: path.to_path_buf(),
            scenario: ScenarioId::BASELINE,
        });
        self.info()
    }

    /// Opens `path` as "Open with Pendulum" does: a `.pendulum` document as it is; a people
    /// CSV (with `workstreams.csv` and `allocations.csv` beside it, when there) or a JSON export
    /// is imported into a new document in `imports_dir`, named after the file and never
    /// replacing an earlier import (`people (2).pendulum`), so edits made there are kept.
    pub fn open_or_import(&mut self, path: &Path, imports_dir: &Path) -> ApiResult<DocumentInfo> {
        if crate::source::kind_of(path)? == crate::source::FileKind::Document {
            return self.open(path);
        }
        let beside = |name: &str| {
            let p = path.with_file_name(name);
            (p != path && p.is_file()).then_some(p)
        };
        let source = OrgSource {
            path: path.to_path_buf(),
            workstreams: beside("workstreams.csv"),
            allocations: beside("allocations.csv"),
            scenario: None,
        };
        std::fs::create_dir_all(imports_dir)
            .map_err(|e| ApiError::io(imports_dir, "create it", &e))?;
        let stem = path
            .file_stem()
            .map_or_else(|| "import".into(), |s| s.to_string_lossy().into_owned());
        let out = (1..=999)
            .map(|n| match n {
                1 => imports_dir.join(format!("{stem}.pendulum")),
                n => imports_dir.join(format!("{stem} ({n}).pendulum")),
            })
            .find(|p| !p.exists())
            .ok_or_else(|| {
                ApiError::usage(format!(
                    "{} already holds 999 imports of {stem}; remove some",
                    imports_dir.display()
                ))
            })?;
        crate::document::import_document(&source, &out, false)?;
        self.open(&out)
    }

    /// What an import would read: the column mapping, every problem with row and column,
    /// and the counts. Never fails on bad content (only on unreadable files).
    pub fn import_preview(&self, files: &ImportFiles) -> ApiResult<pendulum_csv::ImportPreview> {
        let people = crate::source::read_file(&files.people)?;
        let ws = files
            .workstreams
            .as_deref()
            .map(crate::source::read_file)
            .transpose()?;
        let al = files
            .allocations
            .as_deref()
            .map(crate::source::read_file)
            .transpose()?;
        let names = [
            file_name(&files.people),
            files
                .workstreams
                .as_deref()
                .map(file_name)
                .unwrap_or_default(),
            files
                .allocations
                .as_deref()
                .map(file_name)
                .unwrap_or_default(),
        ];
        let request = pendulum_csv::ImportRequest {
            people: pendulum_csv::Source {
                name: &names[0],
                bytes: &people,
            },
            teams: None,
            workstreams: ws.as_deref().map(|b| pendulum_csv::Source {
                name: &names[1],
                bytes: b,
            }),
            allocations: al.as_deref().map(|b| pendulum_csv::Source {
                name: &names[2],
                bytes: b,
            }),
        };
        Ok(pendulum_csv::preview(&request))
    }

    /// Imports CSVs into a new document at `out` (replacing it: the save dialog asked) and
    /// opens it.
    pub fn import(&mut self, files: &ImportFiles, out: &Path) -> ApiResult<DocumentInfo> {
        let source = OrgSource {
            path: files.people.clone(),
            workstreams: files.workstreams.clone(),
            allocations: files.allocations.clone(),
            scenario: None,
        };
        if self.open.as_ref().is_some_and(|o| o.path == out) {
            self.open = None;
        }
        crate::document::import_document(&source, out, true)?;
        self.open(out)
    }

    fn open_ref(&self) -> ApiResult<&Open> {
        self.open.as_ref().ok_or_else(nothing_open)
    }

    fn open_mut(&mut self) -> ApiResult<&mut Open> {
        self.open.as_mut().ok_or_else(nothing_open)
    }

    /// What is open, or `None` when nothing is.
    pub fn current(&self) -> ApiResult<Option<DocumentInfo>> {
        if self.open.is_none() {
            return Ok(None);
        }
        self.info().map(Some)
    }

    /// What is open, its scenarios and what undo/redo can do.
    pub fn info(&self) -> ApiResult<DocumentInfo> {
        let open = self.open_ref()?;
        let scenarios = open.doc.scenarios()?;
        let name_of = |id: ScenarioId| {
            scenarios
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.name.clone())
        };
        Ok(DocumentInfo {
            name: open
                .path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
            scenario: name_of(open.scenario).unwrap_or_else(|| "baseline".into()),
            scenarios: scenarios
                .iter()
                .map(|s| ScenarioInfo {
                    id: s.id.0,
                    name: s.name.clone(),
                    parent: s.parent.and_then(name_of),
                })
                .collect(),
            as_of: self.as_of,
            today: self.today,
            can_undo: open.doc.can_undo(open.scenario)?,
            can_redo: open.doc.can_redo(open.scenario)?,
            read_only: open.doc.is_read_only(),
        })
    }

    pub fn set_as_of(&mut self, as_of: Date) -> ApiResult<DocumentInfo> {
        self.as_of = as_of;
        self.info()
    }

    fn loaded(&mut self, as_of: Date) -> ApiResult<Loaded> {
        let open = self.open_mut()?;
        let view = open.doc.view(open.scenario, Some(as_of))?;
        Ok(Loaded {
            org: view.org.clone(),
            rules: view.config.clone(),
            warnings: Vec::new(),
        })
    }

    /// The chart, cards, flags, figures and workload of the current scenario as of a day.
    /// A day given becomes the session's, so what is compared, simulated and exported next is
    /// what the user is looking at.
    pub fn view(&mut self, request: &ViewRequest) -> ApiResult<OrgView> {
        let scenario = self.info()?.scenario;
        if let Some(day) = request.as_of {
            self.as_of = day;
        }
        let as_of = self.as_of;
        let edit_days = {
            let open = self.open_mut()?;
            open.doc.effective_dates(open.scenario)?
        };
        let loaded = self.loaded(as_of)?;
        let (org, rules) = (&loaded.org, &loaded.rules);
        let s = Snapshot::new(org, as_of, rules);
        let flags = check(&s, rules);
        let layout = crate::reports::layout_of(
            &s,
            &crate::reports::LayoutRequest {
                root: None,
                left_right: request.left_right,
                collapsed: request.collapsed.clone(),
            },
        )?;
        let mut team_sizes: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        // The first member met breadth-first is the team's highest: its lead when none is on file.
        let mut team_top: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
        for &i in s.breadth_first() {
            let p = s.person(i);
            if let Some(t) = &p.team {
                *team_sizes.entry(t.as_str()).or_default() += 1;
                team_top.entry(t.as_str()).or_insert(p.id.as_str());
            }
        }
        let people = s
            .breadth_first()
            .iter()
            .map(|&i| {
                let p = s.person(i);
                PersonCard {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    title: p.title.clone(),
                    role: s.role(i),
                    role_on_file: p.role,
                    team: p.team.clone(),
                    level: p.level.clone(),
                    status: p.status,
                    manager_id: p.manager_id.clone(),
                    dotted_managers: p.dotted_managers.clone(),
                    fte: p.fte,
                    location: p.location.clone(),
                    email: p.email.clone(),
                    start_date: p.start_date,
                    end_date: p.end_date,
                    role_since: p.role_since,
                    assistant: p.assistant,
                    span: s.span(i),
                    direct: s.direct_under(i),
                    total: s.total_under(i),
                    depth: s.depth(i),
                    ramp: pendulum_core::stats::round4(s.ramp(i)),
                    allocated_percent: pendulum_core::stats::round4(s.allocated_percent(i)),
                }
            })
            .collect();
        let workstreams = org
            .workstreams
            .iter()
            .enumerate()
            .map(|(wi, w)| {
                let load = s.workstream_load(wi as u32);
                WorkstreamRow {
                    id: w.id.0.clone(),
                    name: w.name.clone(),
                    team: w.team.as_ref().map(|t| t.0.clone()),
                    kind: w.kind,
                    priority: w.priority.clone(),
                    start_date: w.start_date,
                    end_date: w.end_date,
                    active: load.active,
                    required_fte: w.required_fte,
                    effective_fte: pendulum_core::stats::round4(load.effective_fte),
                    allocated_fte: pendulum_core::stats::round4(load.allocated_fte),
                    load: (load.effective_fte > 0.0)
                        .then(|| pendulum_core::stats::round4(w.required_fte / load.effective_fte)),
                    people: load.holders,
                }
            })
            .collect();
        let allocations = org
            .allocations
            .iter()
            .map(|a| {
                let present = s
                    .person_ix(a.person.as_str())
                    .is_some_and(|p| s.is_present(p));
                let ws_active = s
                    .workstream_ix(a.workstream.as_str())
                    .is_some_and(|w| s.workstream_load(w).active);
                AllocationRow {
                    person: a.person.0.clone(),
                    workstream: a.workstream.0.clone(),
                    percent: a.percent,
                    start_date: a.start_date,
                    end_date: a.end_date,
                    active: present
                        && ws_active
                        && pendulum_core::model::within(a.start_date, a.end_date, as_of),
                }
            })
            .collect();
        Ok(OrgView {
            as_of,
            scenario,
            people,
            layout,
            stats: Stats::of(&s),
            flags,
            rules: rules.clone(),
            workstreams,
            allocations,
            teams: org
                .teams
                .iter()
                .map(|t| TeamRow {
                    id: t.id.0.clone(),
                    lead: t
                        .lead
                        .as_ref()
                        .map(|l| l.0.clone())
                        .or_else(|| team_top.get(t.id.as_str()).map(|&id| id.to_owned())),
                    kind: t.kind,
                    people: team_sizes.get(t.id.as_str()).copied().unwrap_or(0),
                })
                .collect(),
            key_dates: key_dates(org, edit_days),
        })
    }

    /// Applies one edit to the current scenario and saves it; a refused edit (a move that
    /// would create a cycle, say) changes nothing and says why.
    pub fn apply_edit(&mut self, edit: DatedEdit) -> ApiResult<DocumentInfo> {
        let open = self.open_mut()?;
        open.doc.apply(open.scenario, edit)?;
        self.info()
    }

    pub fn undo(&mut self) -> ApiResult<DocumentInfo> {
        let open = self.open_mut()?;
        open.doc.undo(open.scenario)?;
        self.info()
    }

    pub fn redo(&mut self) -> ApiResult<DocumentInfo> {
        let open = self.open_mut()?;
        open.doc.redo(open.scenario)?;
        self.info()
    }

    /// Makes the scenario with this name current.
    pub fn switch_scenario(&mut self, name: &str) -> ApiResult<DocumentInfo> {
        let open = self.open_mut()?;
        open.scenario = open.doc.scenario(name)?;
        self.info()
    }

    /// Forks the current scenario under a new name and makes the fork current.
    pub fn fork(&mut self, name: &str) -> ApiResult<DocumentInfo> {
        let open = self.open_mut()?;
        open.scenario = open.doc.fork(open.scenario, name)?;
        self.info()
    }

    pub fn rename_scenario(&mut self, name: &str, new_name: &str) -> ApiResult<DocumentInfo> {
        let open = self.open_mut()?;
        let id = open.doc.scenario(name)?;
        open.doc.rename(id, new_name)?;
        self.info()
    }

    /// Deletes a scenario; deleting the current one makes the baseline current.
    pub fn delete_scenario(&mut self, name: &str) -> ApiResult<DocumentInfo> {
        let open = self.open_mut()?;
        let id = open.doc.scenario(name)?;
        open.doc.delete(id)?;
        if open.scenario == id {
            open.scenario = ScenarioId::BASELINE;
        }
        self.info()
    }

    /// The current scenario compared with `against` (default the baseline), as of the
    /// session's day.
    pub fn compare(&mut self, against: Option<&str>) -> ApiResult<Diff> {
        let as_of = self.as_of;
        let open = self.open_mut()?;
        let other = match against {
            Some(n) => open.doc.scenario(n)?,
            None => ScenarioId::BASELINE,
        };
        let b = open.doc.view(other, Some(as_of))?.into_owned();
        let a = open.doc.view(open.scenario, Some(as_of))?.into_owned();
        let sb = Snapshot::new(&b.org, as_of, &b.config);
        let sa = Snapshot::new(&a.org, as_of, &a.config);
        Ok(diff(&sb, &sa, &b.config, &a.config))
    }

    /// Simulates a swing on the current scenario, as of the session's day. Changes nothing.
    pub fn simulate(&mut self, swing: &Swing) -> ApiResult<SwingReport> {
        let as_of = self.as_of;
        let loaded = self.loaded(as_of)?;
        simulate(&loaded.org, &loaded.rules, swing, as_of)
            .map_err(|e| ApiError::new(ErrorCode::Refused, e.to_string()))
    }

    /// Applies a swing as edits to the scenario `into` (forked from the current one when it
    /// does not exist) and makes that scenario current.
    pub fn apply_swing(&mut self, swing: &Swing, into: &str) -> ApiResult<DocumentInfo> {
        let report = self.simulate(swing)?;
        let open = self.open_mut()?;
        let target = match open.doc.scenario(into) {
            Ok(id) => id,
            Err(pendulum_store::StoreError::UnknownScenario { .. }) => {
                open.doc.fork(open.scenario, into)?
            }
            Err(e) => return Err(e.into()),
        };
        open.doc
            .apply(target, DatedEdit::from(report.edit, swing.date))?;
        open.scenario = target;
        self.info()
    }

    /// A person's role history in the current scenario.
    pub fn history(&mut self, person: &str) -> ApiResult<crate::pendulum::HistoryReport> {
        let scenario = self.info()?.scenario;
        let open = self.open_ref()?;
        let source = OrgSource {
            path: open.path.clone(),
            scenario: Some(scenario),
            ..OrgSource::default()
        };
        crate::pendulum::history(&source, person, self.as_of)
    }

    /// Writes the current scenario as of the session's day to `out` (picked in a save
    /// dialog). PDF reports are dated `today`.
    pub fn export(
        &mut self,
        format: ExportFormat,
        pdf: &crate::export::PdfRequest,
        out: &Path,
    ) -> ApiResult<Vec<PathBuf>> {
        let (as_of, today) = (self.as_of, self.today);
        let scenario = self.info()?.scenario;
        let loaded = self.loaded(as_of)?;
        let open = self.open_ref()?;
        match format {
            ExportFormat::Json => crate::export::write_json(&loaded, out),
            ExportFormat::Csv => crate::export::write_csv(&loaded, as_of, out),
            ExportFormat::Svg => {
                let text = crate::export::svg_text(&loaded, as_of, pdf.root.clone())?;
                crate::export::write_atomically(out, text.as_bytes())?;
                Ok(vec![out.to_path_buf()])
            }
            ExportFormat::Png => {
                let bytes = crate::export::png_bytes(&loaded, as_of, pdf.root.clone())?;
                crate::export::write_atomically(out, &bytes)?;
                Ok(vec![out.to_path_buf()])
            }
            ExportFormat::Pdf => {
                let source = report_source(open, scenario);
                let bytes = crate::export::pdf_bytes(&source, &loaded, as_of, today, pdf)?;
                crate::export::write_atomically(out, &bytes)?;
                Ok(vec![out.to_path_buf()])
            }
        }
    }

    /// What [`Session::export`] would print as a PDF with these options: its page count, page
    /// size and the first `max_pages` pages as SVG, drawn from the same marks.
    pub fn pdf_preview(
        &mut self,
        pdf: &crate::export::PdfRequest,
        max_pages: usize,
    ) -> ApiResult<crate::export::PdfPreview> {
        let (as_of, today) = (self.as_of, self.today);
        let scenario = self.info()?.scenario;
        let loaded = self.loaded(as_of)?;
        let source = report_source(self.open_ref()?, scenario);
        crate::export::pdf_preview(&source, &loaded, as_of, today, pdf, max_pages)
    }
}

/// The source a report names: the document, and the scenario unless it is the baseline.
fn report_source(open: &Open, scenario: String) -> OrgSource {
    OrgSource {
        path: open.path.clone(),
        scenario: (scenario != "baseline").then_some(scenario),
        ..OrgSource::default()
    }
}

/// The demo org, read from the CSVs built into the binary.
fn demo_org() -> ApiResult<Loaded> {
    crate::import::import_csv(
        ("people.csv", DEMO_PEOPLE.as_bytes()),
        Some(("workstreams.csv", DEMO_WORKSTREAMS.as_bytes())),
        Some(("allocations.csv", DEMO_ALLOCATIONS.as_bytes())),
    )
}

/// Every day on which something in `org` starts or ends, or a dated edit takes effect, sorted
/// and distinct. (The day a role began is history, not a change a view shows: left out.)
fn key_dates(org: &pendulum_core::Org, edit_days: Vec<Date>) -> Vec<Date> {
    let mut days: std::collections::BTreeSet<Date> = edit_days.into_iter().collect();
    for p in &org.people {
        days.extend([p.start_date, p.end_date].into_iter().flatten());
    }
    for w in &org.workstreams {
        days.extend([w.start_date, w.end_date].into_iter().flatten());
    }
    for a in &org.allocations {
        days.extend([a.start_date, a.end_date].into_iter().flatten());
    }
    days.into_iter().collect()
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
