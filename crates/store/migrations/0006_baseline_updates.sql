-- Schema 6: the dated history of baseline updates (`pendulum update`): each time a newer HR
-- export replaced the imported org, the day, the export's file name and what changed, and the
-- imported org it replaced (as JSON in parts of at most 1 MiB, like a checkpoint), so the
-- newest update can be undone, also after a restart. Scenario edits are never rewritten by
-- an update: they are replayed on the new org, and those that no longer apply are skipped.

CREATE TABLE baseline_update (
    id      INTEGER PRIMARY KEY,
    day     TEXT NOT NULL,
    source  TEXT NOT NULL,
    summary TEXT NOT NULL,
    undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
) STRICT;

CREATE TABLE baseline_previous (
    update_id INTEGER NOT NULL REFERENCES baseline_update (id) ON DELETE CASCADE,
    part      INTEGER NOT NULL,
    body      BLOB NOT NULL,
    PRIMARY KEY (update_id, part)
) STRICT, WITHOUT ROWID;
