//! A newer HR export held against a document (`pendulum update --dry-run`): who joined, who
//! left, who moved and which fields changed in the imported org, and which of each
//! scenario's edits would no longer apply on the new export, with why (`pendulum update
//! --dry-run`, which writes nothing); then applying it (the export becomes the imported org,
//! every scenario's edits replay on it, those that no longer apply are skipped and kept),
//! undoing the newest update, and the document's dated list of updates.

use std::collections::BTreeSet;
use std::path::Path;

use pendulum_core::apply::replay;
use pendulum_core::edit::{DatedEdit, EditError};
use pendulum_core::{Date, FieldChange, Move, Org, PersonId, RuleConfig, people_changes};
use pendulum_store::{Document, EditState};
use serde::Serialize;

use crate::error::{ApiError, ApiResult};
use crate::source::{FileKind, OrgSource, kind_of, load};

pub use pendulum_store::BaselineUpdate;

/// What updating a document from a newer export would change.
#[derive(Clone, PartialEq, Debug, Default, Serialize, ts_rs::TS)]
pub struct UpdatePreview {
    /// In the new export only, in id order.
    pub joined: Vec<PersonId>,
    /// In the document's imported org only, in id order.
    pub left: Vec<PersonId>,
    /// In both, with another manager.
    pub moved: Vec<Move>,
    /// In both, with fields of new value (the manager is in `moved`).
    pub changed: Vec<FieldChange>,
    /// Edits that apply to the current import but not to the new one.
    pub conflicts: Vec<Conflict>,
}

/// One scenario edit that would no longer apply.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, ts_rs::TS)]
pub struct Conflict {
    pub scenario: String,
    /// The edit's number in the document's log.
    pub edit: i64,
    /// The kind of edit (`move-person`, `swing`…).
    pub op: String,
    pub reason: String,
}

/// Holds the export `export` (a people CSV or workbook with its workstreams and
/// allocations, or a JSON export) against the document at `document`.
pub fn update_preview(
    document: &Path,
    export: &OrgSource,
    as_of: Date,
) -> ApiResult<UpdatePreview> {
    let doc = Document::open_read_only(document)?;
    preview_for(&doc, export, as_of)
}

/// [`update_preview`] on a document already open.
pub fn preview_for(doc: &Document, export: &OrgSource, as_of: Date) -> ApiResult<UpdatePreview> {
    refuse_document(export)?;
    let newer = load(export, as_of)?;
    preview_on(doc, &newer.org)
}

/// What replacing `doc`'s imported org by `newer` changes, and which scenario edits stop
/// applying.
fn preview_on(doc: &Document, newer: &Org) -> ApiResult<UpdatePreview> {
    let (imported, config) = doc.imported();
    let people = people_changes(&imported.people, &newer.people);
    let left: BTreeSet<&str> = people.removed.iter().map(PersonId::as_str).collect();

    let mut conflicts = Vec::new();
    for scenario in doc.scenarios()? {
        let entries: Vec<(i64, DatedEdit)> = doc
            .log(scenario.id)?
            .into_iter()
            .filter(|e| e.state == EditState::Applied)
            .map(|e| (e.seq.0, e.edit))
            .collect();
        let edits = || entries.iter().map(|(_, e)| e);
        let failing = |org: &Org, config: &RuleConfig| {
            let (mut org, mut config) = (org.clone(), config.clone());
            replay(&mut org, &mut config, edits(), None)
        };
        let before: BTreeSet<usize> = failing(imported, config)
            .into_iter()
            .map(|s| s.index)
            .collect();
        for skipped in failing(newer, config) {
            if before.contains(&skipped.index) {
                continue;
            }
            let Some((seq, edit)) = entries.get(skipped.index) else {
                continue;
            };
            conflicts.push(Conflict {
                scenario: scenario.name.clone(),
                edit: *seq,
                op: op_of(edit),
                reason: reason(&skipped.error, &left),
            });
        }
    }
    Ok(UpdatePreview {
        joined: people.added,
        left: people.removed,
        moved: people.moved,
        changed: people.changed,
        conflicts,
    })
}

/// An update reads an HR export, never another document.
fn refuse_document(export: &OrgSource) -> ApiResult<()> {
    if kind_of(&export.path)? == FileKind::Document {
        return Err(ApiError::usage(format!(
            "{}: is a Pendulum document; update takes the HR export (a people CSV or workbook, \
             or a JSON export)",
            export.path.display()
        )));
    }
    Ok(())
}

/// The edit's kind as it is stored (`"op"` of its JSON).
pub(crate) fn op_of(edit: &DatedEdit) -> String {
    serde_json::to_value(&edit.edit)
        .ok()
        .and_then(|v| v.get("op").and_then(|o| o.as_str()).map(String::from))
        .unwrap_or_default()
}

/// Why an edit no longer applies, naming a person who left the export as such.
fn reason(error: &EditError, left: &BTreeSet<&str>) -> String {
    if let EditError::UnknownPerson { id } = error
        && left.contains(id.as_str())
    {
        return format!("{} is not in the new export (left)", id.as_str());
    }
    let message = error.to_string();
    // A swing's error quotes the person it could not find.
    match left.iter().find(|id| message.contains(&format!("{id:?}"))) {
        Some(id) => format!("{message} ({id} left: not in the new export)"),
        None => message,
    }
}

/// An update applied: what it changed, and its entry in the document's history.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct UpdateApplied {
    #[serde(flatten)]
    pub preview: UpdatePreview,
    pub update: BaselineUpdate,
}

/// Replaces the document's imported org by the export, recorded as of `day` under the
/// export's file name. Scenario edits are kept; those listed as conflicts are skipped by
/// every view until the user drops or fixes them. Pay settings (currency, bands, budgets)
/// the export does not bring are kept from the document.
pub fn update_apply(document: &Path, export: &OrgSource, day: Date) -> ApiResult<UpdateApplied> {
    refuse_document(export)?;
    apply_to(&mut Document::open(document)?, export, day)
}

/// [`update_apply`] on a document already open for editing.
pub fn apply_to(doc: &mut Document, export: &OrgSource, day: Date) -> ApiResult<UpdateApplied> {
    refuse_document(export)?;
    let newer = load(export, day)?;
    let mut org = newer.org;
    let (imported, _) = doc.imported();
    let kept = &imported.cost;
    if org.cost.currency.is_none() {
        org.cost.currency = kept.currency.clone();
    }
    if org.cost.bands.is_empty() {
        org.cost.bands = kept.bands.clone();
    }
    if org.cost.budgets.is_empty() {
        org.cost.budgets = kept.budgets.clone();
    }
    if org.cost.fiscal_year_start.is_none() {
        org.cost.fiscal_year_start = kept.fiscal_year_start;
    }
    let preview = preview_on(doc, &org)?;
    let source = export.path.file_name().map_or_else(
        || export.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let update = doc.update_baseline(&org, day, &source, &summary(&preview))?;
    Ok(UpdateApplied { preview, update })
}

/// Undoes the document's newest baseline update; `None` when there is none to undo.
pub fn update_undo(document: &Path) -> ApiResult<Option<BaselineUpdate>> {
    Ok(Document::open(document)?.undo_baseline_update()?)
}

/// The document's baseline updates, oldest first.
pub fn update_history(document: &Path) -> ApiResult<Vec<BaselineUpdate>> {
    Ok(Document::open_read_only(document)?.baseline_updates()?)
}

/// "12 joined, 3 left, 5 moved, 4 fields changed; 2 scenario edits no longer apply".
pub fn summary(p: &UpdatePreview) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut out = format!(
        "{} joined, {} left, {} moved, {}",
        p.joined.len(),
        p.left.len(),
        p.moved.len(),
        plural(p.changed.len(), "field changed", "fields changed")
    );
    if !p.conflicts.is_empty() {
        out += &format!(
            "; {}",
            plural(
                p.conflicts.len(),
                "scenario edit no longer applies",
                "scenario edits no longer apply"
            )
        );
    }
    out
}
