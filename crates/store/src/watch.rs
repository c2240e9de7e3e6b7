//! Noticing that someone else changed an open document — another program committed to it,
//! a sync tool put another file in its place, or it was deleted — and keeping a copy of this
//! session's version so that reloading loses no edit of either.

use std::path::Path;

use rusqlite::OpenFlags;

use crate::StoreError;
use crate::atomic::{self, Replace};
use crate::document::Document;

/// How the file behind an open document changed since it was opened.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExternalChange {
    /// Another program committed to the same file (its edits are in it, and so are ours).
    Modified,
    /// The path now names another file; this document's edits went to the one it replaced.
    Replaced,
    /// Nothing is at the path any more; this document's edits live only in the open file.
    Removed,
}

impl Document {
    /// How the file changed since it was opened, if it did: one `stat` and one pragma.
    pub fn external_change(&self) -> Result<Option<ExternalChange>, StoreError> {
        match self.file.is_at(self.path()) {
            None => return Ok(Some(ExternalChange::Removed)),
            Some(false) => return Ok(Some(ExternalChange::Replaced)),
            Some(true) => {}
        }
        let now: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .map_err(StoreError::db(self.path()))?;
        Ok((now != self.seen_data_version).then_some(ExternalChange::Modified))
    }

    /// Writes this document, as committed, to a new file at `to` (never replacing one):
    /// SQLite's backup into a temporary file beside it, synced and renamed.
    pub fn save_copy(&self, to: &Path) -> Result<(), StoreError> {
        let tmp = atomic::temp_beside(to)?;
        {
            let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_NOFOLLOW;
            let mut copy = rusqlite::Connection::open_with_flags(tmp.path(), flags)
                .map_err(StoreError::db(to))?;
            rusqlite::backup::Backup::new(&self.conn, &mut copy)
                .and_then(|b| b.step(-1).map(drop))
                .map_err(StoreError::db(to))?;
            copy.pragma_update_and_check(None, "journal_mode", "delete", |r| r.get::<_, String>(0))
                .map_err(StoreError::db(to))?;
        }
        atomic::commit(tmp, to, Replace::No)
    }
}
