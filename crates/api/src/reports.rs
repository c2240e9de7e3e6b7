//! The reports the CLI prints and the app shows: `check` and `stats` (SPEC §6).

use pendulum_core::{Date, Flag, FlagSummary, Snapshot, Stats, check};
use serde::Serialize;

use crate::source::Loaded;

/// `{"as_of", "flags": [...], "summary": {...}}`.
#[derive(Clone, Debug, Serialize)]
pub struct CheckReport {
    pub as_of: Date,
    pub flags: Vec<Flag>,
    pub summary: FlagSummary,
}

/// `Stats` with the day it describes.
#[derive(Clone, Debug, Serialize)]
pub struct StatsReport {
    pub as_of: Date,
    #[serde(flatten)]
    pub stats: Stats,
}

pub fn check_report(loaded: &Loaded, as_of: Date) -> CheckReport {
    let snapshot = Snapshot::new(&loaded.org, as_of, &loaded.rules);
    let flags = check(&snapshot, &loaded.rules);
    let summary = FlagSummary::of(&flags);
    CheckReport {
        as_of,
        flags,
        summary,
    }
}

pub fn stats_report(loaded: &Loaded, as_of: Date) -> StatsReport {
    let snapshot = Snapshot::new(&loaded.org, as_of, &loaded.rules);
    StatsReport {
        as_of,
        stats: Stats::of(&snapshot),
    }
}
