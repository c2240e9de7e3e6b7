//! A desktop window's session: one open `.pendulum` document, its current scenario and
//! as-of date. Every edit is saved (one transaction) before the call returns, so "saving is
//! automatic" and a crash loses nothing that was shown.
//!
//! The desktop shell's commands are one-line adapters over these methods. Paths reach here
//! only from native dialogs opened by the shell; the web UI never names a file. Opening and
//! importing are here; what a window shows after a change is in `change`, what is open in
//! `info`, the plan over time in `timeline`, and exports in `export`.

use std::path::{Path, PathBuf};

use pendulum_core::{Date, Role, RuleConfig};
use pendulum_store::{Document, ScenarioId};

use crate::Loaded;
use crate::error::{ApiError, ApiResult};
use crate::source::OrgSource;

mod change;
mod export;
mod info;
mod reload;
mod suggest;
mod timeline;
mod update;

pub use export::ExportFormat;
pub use info::{DocumentInfo, FileChange, ScenarioInfo, Shown};
pub use reload::Reloaded;
pub use timeline::{TimelineRequest, TimelineShown};
pub use update::UpdateInfo;

/// The demo org, built into the binary so the app needs no files to show something.
const DEMO_PEOPLE: &str = include_str!("../../../assets/demo/people.csv");
const DEMO_WORKSTREAMS: &str = include_str!("../../../assets/demo/workstreams.csv");
const DEMO_ALLOCATIONS: &str = include_str!("../../../assets/demo/allocations.csv");
const DEMO_BANDS: &str = include_str!("../../../assets/demo/bands.csv");
const DEMO_BUDGETS: &str = include_str!("../../../assets/demo/budgets.csv");
/// The day the demo's flags were designed around.
pub const DEMO_DATE: (i32, u32, u32) = (2027, 3, 1);
pub const DEMO_FILE_NAME: &str = "Larkspur demo.pendulum";
/// The one person a new document starts with (id, name), so its chart is never empty.
pub const NEW_DOCUMENT_HEAD: (&str, &str) = ("p-1", "Head of the org");

/// The files of an import (CSVs or workbooks), as picked in dialogs.
#[derive(Clone, Debug, Default)]
pub struct ImportFiles {
    pub people: PathBuf,
    pub workstreams: Option<PathBuf>,
    pub allocations: Option<PathBuf>,
    /// Bands (`level,annual_cost`) and budgets (`team,annual_budget`).
    pub bands: Option<PathBuf>,
    pub budgets: Option<PathBuf>,
    /// The sheet of a people workbook, when the user picked one.
    pub sheet: Option<String>,
}

impl ImportFiles {
    /// The files as a source to load.
    fn source(&self) -> OrgSource {
        OrgSource {
            path: self.people.clone(),
            workstreams: self.workstreams.clone(),
            allocations: self.allocations.clone(),
            bands: self.bands.clone(),
            budgets: self.budgets.clone(),
            sheet: self.sheet.clone(),
            ..OrgSource::default()
        }
    }
}

#[derive(Debug)]
struct Open {
    doc: Document,
    path: PathBuf,
    scenario: ScenarioId,
    /// "Show compensation": pay is in views only while on. Read from the document; kept
    /// here too, so a read-only document can show pay for the session without saving it.
    show_pay: bool,
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
        let show_pay = doc.show_compensation()?;
        self.as_of = self.today;
        self.open = Some(Open {
            doc,
            path: path.to_path_buf(),
            scenario: ScenarioId::BASELINE,
            show_pay,
        });
        self.info()
    }

    /// Opens `path` as "Open with Pendulum" does: a `.pendulum` document as it is; a people
    /// CSV (with `workstreams.csv`, `allocations.csv`, `bands.csv` and `budgets.csv` beside it,
    /// when there) or a JSON export
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
            bands: beside("bands.csv"),
            budgets: beside("budgets.csv"),
            sheet: None,
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
        let read = |p: &Option<PathBuf>| -> ApiResult<Option<(String, Vec<u8>)>> {
            p.as_deref()
                .map(|p| Ok((file_name(p), crate::source::read_file(p)?)))
                .transpose()
        };
        let others = [
            read(&files.workstreams)?,
            read(&files.allocations)?,
            read(&files.bands)?,
            read(&files.budgets)?,
        ];
        let source = |k: usize| {
            others[k]
                .as_ref()
                .map(|(n, b)| pendulum_csv::Source::new(n, b))
        };
        let name = file_name(&files.people);
        let mut people = pendulum_csv::Source::new(&name, &people);
        people.sheet = files.sheet.as_deref();
        let request = pendulum_csv::ImportRequest {
            people,
            teams: None,
            workstreams: source(0),
            allocations: source(1),
            bands: source(2),
            budgets: source(3),
        };
        Ok(pendulum_csv::preview(&request))
    }

    /// Imports CSVs into a new document at `out` (replacing it: the save dialog asked) and
    /// opens it.
    pub fn import(&mut self, files: &ImportFiles, out: &Path) -> ApiResult<DocumentInfo> {
        let source = files.source();
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

    pub fn set_as_of(&mut self, as_of: Date) -> ApiResult<DocumentInfo> {
        self.as_of = as_of;
        self.info()
    }
}

/// The demo org, read from the CSVs built into the binary.
fn demo_org() -> ApiResult<Loaded> {
    crate::import::import_csv(
        ("people.csv", DEMO_PEOPLE.as_bytes()),
        None,
        crate::import::Beside {
            workstreams: Some(("workstreams.csv", DEMO_WORKSTREAMS.as_bytes())),
            allocations: Some(("allocations.csv", DEMO_ALLOCATIONS.as_bytes())),
            bands: Some(("bands.csv", DEMO_BANDS.as_bytes())),
            budgets: Some(("budgets.csv", DEMO_BUDGETS.as_bytes())),
        },
    )
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
