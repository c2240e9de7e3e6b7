-- Schema 4: pay data (docs/model.md, "Cost"). Amounts are whole numbers of hundredths of the
-- document's currency ("cents"), so every sum is exact.

-- A person's own annual, fully loaded cost; empty leaves them to their level's band.
ALTER TABLE person ADD COLUMN cost INTEGER CHECK (cost >= 0);

-- Level -> annual cost of a full-time role, in the order given.
CREATE TABLE band (
    position    INTEGER PRIMARY KEY,
    level       TEXT NOT NULL UNIQUE,
    annual_cost INTEGER NOT NULL CHECK (annual_cost >= 0)
) STRICT;

-- Annual budgets: `team` is a team's id, or '*' for the whole org.
CREATE TABLE budget (
    position      INTEGER PRIMARY KEY,
    team          TEXT NOT NULL UNIQUE,
    annual_budget INTEGER NOT NULL CHECK (annual_budget >= 0)
) STRICT;

-- The org's single-valued pay settings: `currency` (ISO 4217) and `fiscal_year_start` (1-12).
CREATE TABLE org_setting (
    name  TEXT PRIMARY KEY,
    value ANY NOT NULL
) STRICT, WITHOUT ROWID;

-- The document's own choices, which are neither the org nor edits (not undone, not in
-- scenarios): `show_compensation` (0 or 1), off until the user turns it on.
CREATE TABLE preference (
    name  TEXT PRIMARY KEY,
    value ANY NOT NULL
) STRICT, WITHOUT ROWID;
