//! What a session answers with: what is open ([`DocumentInfo`]) and, after a change, what
//! the window shows of it ([`Shown`]).

use pendulum_core::{Date, Diff, Projection};
use pendulum_store::{ExternalChange, ScenarioId};
use serde::Serialize;

use super::Session;
use crate::error::ApiResult;
use crate::pendulum::HistoryReport;
use crate::view::OrgView;

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
    /// "Show compensation" is on for this document: views carry pay.
    pub show_compensation: bool,
    /// Why it is read-only ("its folder is read-only"…), for the notice.
    pub read_only_reason: Option<String>,
    /// Someone else changed the file since it was opened: offer to reload ([`Session::reload`]).
    pub changed_elsewhere: Option<FileChange>,
    /// The baseline updates from newer HR exports, oldest first (the newest not undone can
    /// be undone).
    pub updates: Vec<super::UpdateInfo>,
}

/// How another program changed the open document's file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum FileChange {
    /// It committed edits to the same file; this window's edits are in it too.
    Modified,
    /// It put another file in its place; this window's edits went to the replaced one.
    Replaced,
    /// The file is gone; this window's edits live only in the open file.
    Removed,
}

#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct ScenarioInfo {
    pub id: i64,
    pub name: String,
    pub parent: Option<String>,
}

/// The open document as a window shows it, answered by every call that changes it (an edit,
/// undo, redo, a swing applied, a scenario switched) so that a front end needs no second
/// round trip to learn what happened.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct Shown {
    pub info: DocumentInfo,
    pub view: OrgView,
    /// The current scenario against the one the request named in `against`; `None` when it
    /// named none, the current one, or one that no longer exists.
    pub diff: Option<Diff>,
    /// The role history of the person the request named in `history_of`; `None` when it named
    /// none or someone not in the scenario.
    pub history: Option<HistoryReport>,
    /// The fiscal year of the scenario compared with, month by month, while pay is shown
    /// and a comparison was asked for (`view.cost` holds the current scenario's).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub compare_projection: Option<Projection>,
}

impl Session {
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
            show_compensation: open.show_pay,
            read_only_reason: open.doc.read_only_reason().map(str::to_owned),
            changed_elsewhere: open.doc.external_change()?.map(|c| match c {
                ExternalChange::Modified => FileChange::Modified,
                ExternalChange::Replaced => FileChange::Replaced,
                ExternalChange::Removed => FileChange::Removed,
            }),
            updates: open
                .doc
                .baseline_updates()?
                .into_iter()
                .map(super::UpdateInfo::from)
                .collect(),
        })
    }
}
