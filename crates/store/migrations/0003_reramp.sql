-- Schema 3: the day a person swung back to IC work, from which their ramp restarts
-- (`docs/swings.md`). Empty for everyone an HR export brings in.
ALTER TABLE person ADD COLUMN reramp_from TEXT;
