-- Schema 1: the org as imported (`docs/model.md`) and the rule configuration (`docs/rules.md`).
-- `position` keeps the input order, which the drawing and the flags follow.
-- Dates are ISO text (YYYY-MM-DD). Managers are not foreign keys: an unknown manager is a
-- state of real HR data that the rules flag, not an error.

CREATE TABLE person (
    position   INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    title      TEXT NOT NULL,
    manager_id TEXT,
    role       TEXT CHECK (role IN ('ic', 'manager', 'director', 'executive')),
    team       TEXT,
    level      TEXT,
    status     TEXT NOT NULL CHECK (status IN ('active', 'open', 'leaving')),
    start_date TEXT,
    end_date   TEXT,
    fte        REAL NOT NULL CHECK (fte > 0 AND fte <= 1),
    location   TEXT,
    email      TEXT,
    role_since TEXT,
    assistant  INTEGER NOT NULL CHECK (assistant IN (0, 1))
) STRICT;

-- Secondary managers (drawn dotted, no effect on spans), in the order given.
CREATE TABLE dotted_line (
    person   TEXT NOT NULL REFERENCES person (id),
    position INTEGER NOT NULL,
    manager  TEXT NOT NULL,
    PRIMARY KEY (person, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE team (
    position INTEGER PRIMARY KEY,
    id       TEXT NOT NULL UNIQUE,
    lead     TEXT REFERENCES person (id),
    kind     TEXT CHECK (kind IN ('stream-aligned', 'platform', 'enabling', 'complicated-subsystem'))
) STRICT;

CREATE TABLE workstream (
    position     INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    team         TEXT,
    required_fte REAL NOT NULL CHECK (required_fte >= 0),
    kind         TEXT NOT NULL CHECK (kind IN ('feature', 'migration', 'operations', 'other')),
    start_date   TEXT,
    end_date     TEXT,
    priority     TEXT
) STRICT;

CREATE TABLE allocation (
    position   INTEGER PRIMARY KEY,
    person     TEXT NOT NULL REFERENCES person (id),
    workstream TEXT NOT NULL REFERENCES workstream (id),
    percent    REAL NOT NULL CHECK (percent > 0 AND percent <= 100),
    start_date TEXT,
    end_date   TEXT
) STRICT;

-- One row per threshold of the rule configuration; a threshold missing here has its default.
CREATE TABLE rule_setting (
    name  TEXT PRIMARY KEY,
    value ANY NOT NULL
) STRICT, WITHOUT ROWID;
