//! Updating the open document from a newer HR export, as `pendulum update` does: the preview,
//! applying it (the export becomes the imported org; every scenario's edits replay on it),
//! undoing the newest update, and dropping an edit that no longer applies.

use pendulum_store::EditSeq;
use serde::Serialize;

use super::{ImportFiles, Session, Shown};
use crate::error::{ApiError, ApiResult};
use crate::update::{UpdatePreview, apply_to, preview_for};
use crate::view::ViewRequest;

/// One baseline update in the document's dated history.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, ts_rs::TS)]
pub struct UpdateInfo {
    pub id: i64,
    /// The day it was applied.
    pub day: pendulum_core::Date,
    /// The export's file name.
    pub source: String,
    /// "12 joined, 3 left, 5 moved, 4 fields changed".
    pub summary: String,
    /// Undone since.
    pub undone: bool,
}

impl From<pendulum_store::BaselineUpdate> for UpdateInfo {
    fn from(u: pendulum_store::BaselineUpdate) -> UpdateInfo {
        UpdateInfo {
            id: u.id,
            day: u.day,
            source: u.source,
            summary: u.summary,
            undone: u.undone,
        }
    }
}

impl Session {
    /// What updating the open document from these files would change; writes nothing.
    pub fn update_preview(&self, files: &ImportFiles) -> ApiResult<UpdatePreview> {
        let open = self.open_ref()?;
        preview_for(&open.doc, &files.source(), self.today)
    }

    /// Applies the update (recorded under today's date) and answers with what `show` asks to
    /// see of the result.
    pub fn update_apply(&mut self, files: &ImportFiles, show: &ViewRequest) -> ApiResult<Shown> {
        let today = self.today;
        let open = self.open_mut()?;
        apply_to(&mut open.doc, &files.source(), today)?;
        self.show(show)
    }

    /// Undoes the document's newest baseline update.
    pub fn undo_update(&mut self, show: &ViewRequest) -> ApiResult<Shown> {
        let open = self.open_mut()?;
        if open.doc.undo_baseline_update()?.is_none() {
            return Err(ApiError::usage(
                "this document's baseline was not updated from a newer export: there is no update to undo",
            ));
        }
        self.show(show)
    }

    /// Drops the current scenario's edit `seq` (one that no longer applies, typically).
    pub fn drop_edit(&mut self, seq: i64, show: &ViewRequest) -> ApiResult<Shown> {
        let open = self.open_mut()?;
        open.doc.drop_edit(open.scenario, EditSeq(seq))?;
        self.show(show)
    }
}
