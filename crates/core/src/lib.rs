//! Pendulum's core: the org model (`docs/model.md`), the org as of a day ([`Snapshot`]), the rules
//! (`docs/rules.md`) and the org-wide figures.
//!
//! Architecture Invariant: core is pure. It reads no files, no clock and no environment;
//! dates are passed in, and the same org, configuration and date always give the same
//! flags in the same order.
//!
//! Architecture Invariant: nothing here recurses on the depth of the org.

pub mod apply;
pub mod cost;
mod date;
pub mod diff;
pub mod edit;
pub mod load;
pub mod model;
pub mod money;
mod person_ids;
pub mod rules;
pub mod snapshot;
pub mod stats;
pub mod swing;
pub mod team;
pub mod thresholds;
pub mod timeline;

pub use apply::{Replayer, Skipped, apply, replay};
pub use cost::{
    Band, Budget, CostDiff, CostSettings, CostStats, MonthCost, Pay, PersonCostChange, Projection,
    WorkstreamCost,
};
pub use date::{Date, DateError};
pub use diff::{
    Diff, FieldChange, FieldValue, Move, PeopleChanges, diff, diff_checked, people_changes,
};
pub use edit::{
    CostChange, DatedEdit, Edit, EditError, PersonChange, TeamChange, WorkstreamChange,
};
pub use load::{ManagerLoad, manager_load, manager_loads};
pub use model::{
    Allocation, Invalid, MAX_DOTTED, MAX_ID_BYTES, MAX_TEXT_BYTES, Org, Person, PersonId, Role,
    Status, Team, TeamId, TeamKind, Workstream, WorkstreamId, WorkstreamKind,
};
pub use money::{Currency, Money};
pub use rules::{Flag, FlagSummary, Rule, RuleConfig, Severity, Subject, SubjectKind, check};
pub use snapshot::{AbsentManager, Line, PersonIx, Placeholder, Snapshot, Top, WorkstreamLoad};
pub use stats::Stats;
pub use swing::{
    SuggestedSwing, Suggestion, Swing, SwingCost, SwingEffect, SwingError, SwingLab, SwingLoad,
    SwingReport, SwingTo, TimelinePoint,
};
pub use team::TeamFigures;
pub use thresholds::{OutOfRange, RuleChange, THRESHOLDS, Threshold};
pub use timeline::{Ahead, Plan, Staffing, TeamSeries, Timeline, WorkstreamSeries, timeline};

/// Checks an org as of a day: the flags of every rule, in their reporting order.
pub fn check_org(org: &Org, as_of: Date, config: &RuleConfig) -> Vec<Flag> {
    check(&Snapshot::new(org, as_of, config), config)
}
