//! Reloading the open document after another program changed its file, so that no edit of
//! either is lost: their commits are read back in; when the file was replaced or removed,
//! this window's own version is saved first (beside theirs, or back in its place).

use std::path::{Path, PathBuf};

use pendulum_store::{Document, ExternalChange, ScenarioId};
use serde::Serialize;

use super::{DocumentInfo, Open, Session};
use crate::error::ApiResult;

/// What a reload did.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct Reloaded {
    pub info: DocumentInfo,
    /// The file name this window's own version was saved under, when another file had
    /// replaced the one it was editing.
    pub kept_copy: Option<String>,
}

/// `plan (my version).pendulum`, `plan (my version 2).pendulum`, … : the first free name.
fn copy_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned());
    (1..)
        .map(|n| match n {
            1 => path.with_file_name(format!("{stem} (my version).pendulum")),
            n => path.with_file_name(format!("{stem} (my version {n}).pendulum")),
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| path.with_extension("mine.pendulum"))
}

impl Session {
    /// Reopens the document from its file, keeping the scenario (by name, when it is still
    /// there) and the day. A file another program replaced is read as it is now, after this
    /// window's version is saved beside it; a file that was removed is written back from this
    /// window's version.
    pub fn reload(&mut self) -> ApiResult<Reloaded> {
        let scenario = self.info()?.scenario;
        let as_of = self.as_of;
        let open = self.open_ref()?;
        let path = open.path.clone();
        let shown = open.show_pay;
        let mut kept_copy = None;
        let doc = match open.doc.external_change()? {
            None | Some(ExternalChange::Modified) => {
                // The same file: this window's lock must go before it can be opened again.
                self.open = None;
                Document::open(&path)?
            }
            Some(ExternalChange::Replaced) => {
                let copy = copy_path(&path);
                open.doc.save_copy(&copy)?;
                kept_copy = copy.file_name().map(|n| n.to_string_lossy().into_owned());
                Document::open(&path)?
            }
            Some(ExternalChange::Removed) => {
                open.doc.save_copy(&path)?;
                Document::open(&path)?
            }
        };
        let scenario = doc.scenario(&scenario).unwrap_or(ScenarioId::BASELINE);
        // The file's choice, unless it is read-only: then this session's stands.
        let show_pay = if doc.is_read_only() {
            shown
        } else {
            doc.show_compensation()?
        };
        self.open = Some(Open {
            doc,
            path,
            scenario,
            show_pay,
        });
        self.as_of = as_of;
        Ok(Reloaded {
            info: self.info()?,
            kept_copy,
        })
    }
}
