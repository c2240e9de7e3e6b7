-- Schema 2: scenarios and the edit log (`docs/document.md`).
-- A scenario is a named branch of edits on top of the imported org; "baseline" (id 1) is
-- built in. Forking copies the parent's active edits into the fork, marked inherited, so a
-- fork never depends on its parent's later undo, redo or deletion.

CREATE TABLE scenario (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    parent INTEGER REFERENCES scenario (id) ON DELETE SET NULL
) STRICT;

INSERT INTO scenario (id, name, parent) VALUES (1, 'baseline', NULL);

-- `seq` orders every edit of the document. `state`: 0 applied, 1 undone (can be redone),
-- 2 discarded (undone, then a new edit was made; kept as history, never replayed).
CREATE TABLE edit (
    seq       INTEGER PRIMARY KEY,
    scenario  INTEGER NOT NULL REFERENCES scenario (id) ON DELETE CASCADE,
    body      TEXT NOT NULL,
    effective TEXT,
    state     INTEGER NOT NULL DEFAULT 0 CHECK (state IN (0, 1, 2)),
    inherited INTEGER NOT NULL DEFAULT 0 CHECK (inherited IN (0, 1))
) STRICT;

CREATE INDEX edit_by_scenario ON edit (scenario, state, seq);
