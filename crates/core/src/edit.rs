//! Edits as values: every change a user makes to an org is one [`Edit`], which can be
//! stored (as tagged JSON), sent from the desktop app, replayed and undone. An edit may carry
//! an effective date ([`DatedEdit`]). How edits are applied is in `apply.rs`.

use serde::{Deserialize, Serialize};

use crate::Date;
use crate::model::{
    Allocation, Person, PersonId, Role, Status, Team, TeamId, TeamKind, Workstream, WorkstreamId,
    WorkstreamKind,
};
use crate::money::{Currency, Money};
use crate::swing::Swing;
pub use crate::thresholds::RuleChange;

/// One change to an org or its rule configuration. One edit is one transaction in the
/// document and one step of undo.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
#[derive(ts_rs::TS)]
pub enum Edit {
    AddPerson {
        person: Person,
    },
    /// Removes a person; their reports move to the removed person's manager.
    RemovePerson {
        id: PersonId,
    },
    /// Changes a person's manager (`None` makes them a root).
    MovePerson {
        id: PersonId,
        manager: Option<PersonId>,
    },
    UpdatePerson {
        id: PersonId,
        change: PersonChange,
    },
    AddTeam {
        team: Team,
    },
    UpdateTeam {
        id: TeamId,
        change: TeamChange,
    },
    RemoveTeam {
        id: TeamId,
    },
    AddWorkstream {
        workstream: Workstream,
    },
    UpdateWorkstream {
        id: WorkstreamId,
        change: WorkstreamChange,
    },
    RemoveWorkstream {
        id: WorkstreamId,
    },
    Allocate {
        allocation: Allocation,
    },
    Deallocate {
        person: PersonId,
        workstream: WorkstreamId,
    },
    SetRule {
        change: RuleChange,
    },
    /// Changes the document's currency, a band, a budget or the fiscal year's start.
    SetCost {
        change: CostChange,
    },
    /// Several edits applied, undone and redone as one (an applied swing, a bulk change).
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
    /// A swing between IC and manager (`docs/swings.md`), planned on the org it is applied to. The
    /// log keeps the swing itself, so a report can show it again and history can date it.
    Swing {
        swing: Swing,
    },
}

/// A new value for one field of a person. The manager changes through
/// [`Edit::MovePerson`], the id never.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[derive(ts_rs::TS)]
pub enum PersonChange {
    Name(String),
    Title(String),
    Role(Option<Role>),
    Team(Option<TeamId>),
    Level(Option<String>),
    Status(Status),
    StartDate(Option<Date>),
    EndDate(Option<Date>),
    Fte(f64),
    Location(Option<String>),
    Email(Option<String>),
    RoleSince(Option<Date>),
    Assistant(bool),
    DottedManagers(Vec<PersonId>),
    /// The day the person swung back to IC work (their ramp restarts from it).
    RerampFrom(Option<Date>),
    /// Their own annual cost; `None` leaves them to their level's band.
    Cost(Option<Money>),
}

impl PersonChange {
    /// The field's name as in [`Person`] (and in a diff's `changed` list).
    pub fn field(&self) -> &'static str {
        match self {
            PersonChange::Name(_) => "name",
            PersonChange::Title(_) => "title",
            PersonChange::Role(_) => "role",
            PersonChange::Team(_) => "team",
            PersonChange::Level(_) => "level",
            PersonChange::Status(_) => "status",
            PersonChange::StartDate(_) => "start_date",
            PersonChange::EndDate(_) => "end_date",
            PersonChange::Fte(_) => "fte",
            PersonChange::Location(_) => "location",
            PersonChange::Email(_) => "email",
            PersonChange::RoleSince(_) => "role_since",
            PersonChange::Assistant(_) => "assistant",
            PersonChange::DottedManagers(_) => "dotted_managers",
            PersonChange::RerampFrom(_) => "reramp_from",
            PersonChange::Cost(_) => "cost",
        }
    }
}

/// A change to a document's pay settings ([`crate::CostSettings`]).
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[derive(ts_rs::TS)]
pub enum CostChange {
    Currency(Option<Currency>),
    /// Sets a level's band (added at the end when new); `None` removes it.
    Band {
        level: String,
        annual_cost: Option<Money>,
    },
    /// Sets a team's budget (`*`: the whole org's); `None` removes it.
    Budget {
        team: TeamId,
        annual_budget: Option<Money>,
    },
    /// The month (1–12) the fiscal year starts in.
    FiscalYearStart(u32),
}

/// A new value for one field of a team. `Name` renames the team everywhere it is named.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[derive(ts_rs::TS)]
pub enum TeamChange {
    Name(TeamId),
    Lead(Option<PersonId>),
    Kind(Option<TeamKind>),
}

/// A new value for one field of a workstream (its id never changes).
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[derive(ts_rs::TS)]
pub enum WorkstreamChange {
    Name(String),
    Team(Option<TeamId>),
    RequiredFte(f64),
    Kind(WorkstreamKind),
    StartDate(Option<Date>),
    EndDate(Option<Date>),
    Priority(Option<String>),
}

/// An edit and the day it takes effect: views as of a day D apply it when D ≥ `effective`;
/// an undated edit applies to every view.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct DatedEdit {
    pub edit: Edit,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
}

impl DatedEdit {
    /// An edit that applies to every view.
    pub fn always(edit: Edit) -> DatedEdit {
        DatedEdit {
            edit,
            effective: None,
        }
    }

    pub fn from(edit: Edit, effective: Date) -> DatedEdit {
        DatedEdit {
            edit,
            effective: Some(effective),
        }
    }

    /// Whether a view as of `as_of` includes this edit (`None`: the view with every edit).
    pub fn applies_on(&self, as_of: Option<Date>) -> bool {
        match (self.effective, as_of) {
            (Some(e), Some(d)) => e <= d,
            _ => true,
        }
    }
}

/// Why an edit was refused. Messages name the problem in the user's terms.
#[derive(Clone, PartialEq, Debug, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum EditError {
    #[error("no person has id {id:?}")]
    UnknownPerson { id: PersonId },
    #[error("no team is named {id:?}")]
    UnknownTeam { id: TeamId },
    #[error("no workstream has id {id:?}")]
    UnknownWorkstream { id: WorkstreamId },
    #[error("{person:?} has no allocation to workstream {workstream:?}")]
    UnknownAllocation {
        person: PersonId,
        workstream: WorkstreamId,
    },
    #[error("a person with id {id:?} already exists")]
    DuplicatePerson { id: PersonId },
    #[error("a team named {id:?} already exists")]
    DuplicateTeam { id: TeamId },
    #[error("a workstream with id {id:?} already exists")]
    DuplicateWorkstream { id: WorkstreamId },
    #[error("{label} cannot report to themselves")]
    SelfManager { person: PersonId, label: String },
    #[error(
        "moving {person_label} under {manager_label} would make {person_label} report to their own report"
    )]
    Cycle {
        person: PersonId,
        manager: PersonId,
        person_label: String,
        manager_label: String,
    },
    /// A value out of its range or a missing required value; `field` says where
    /// (`fte`, `allocation.percent`, `overload_ratio`…).
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    #[error("the swing cannot be applied: {message}")]
    Swing { message: String },
    #[error("{label}: step {} of {total}: {source}", .index + 1)]
    InBatch {
        label: String,
        index: usize,
        total: usize,
        source: Box<EditError>,
    },
}
