-- Schema 5: checkpoints of scenario logs. A checkpoint is a scenario's org and rules after
-- its applied edits up to `seq` (all of them applied, undated or not), as JSON split into
-- parts of at most 1 MiB, so opening a document or undoing an edit replays only the edits
-- after the newest checkpoint. A checkpoint whose `seq` is undone is deleted with the undo.

CREATE TABLE checkpoint (
    scenario INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    part     INTEGER NOT NULL,
    body     BLOB NOT NULL,
    PRIMARY KEY (scenario, seq, part)
) STRICT, WITHOUT ROWID;
