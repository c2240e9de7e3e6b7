//! A newer HR export held against a document (`pendulum update --dry-run`): who joined, who
//! left, who moved and which fields changed in the imported org, and which of each
//! scenario's edits would no longer apply on the new export, with why. Reads the document
//! and the export; writes nothing.

use std::collections::BTreeSet;
use std::path::Path;

use pendulum_core::apply::replay;
use pendulum_core::edit::{DatedEdit, EditError};
use pendulum_core::{Date, FieldChange, Move, Org, PersonId, RuleConfig, people_changes};
use pendulum_store::{Document, EditState};
use serde::Serialize;

use crate::error::{ApiError, ApiResult};
use crate::source::{FileKind, OrgSource, kind_of, load};

/// What updating a document from a newer export would change.
#[derive(Clone, PartialEq, Debug, Default, Serialize)]
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
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
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
    if kind_of(&export.path)? == FileKind::Document {
        return Err(ApiError::usage(format!(
            "{}: is a Pendulum document; update takes the HR export (a people CSV or workbook, \
             or a JSON export)",
            export.path.display()
        )));
    }
    let doc = Document::open_read_only(document)?;
    let newer = load(export, as_of)?;
    let (imported, config) = doc.imported();
    let people = people_changes(&imported.people, &newer.org.people);
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
        for skipped in failing(&newer.org, config) {
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

/// The edit's kind as it is stored (`"op"` of its JSON).
fn op_of(edit: &DatedEdit) -> String {
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
