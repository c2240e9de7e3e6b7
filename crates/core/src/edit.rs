//! Edits as values (SPEC §4): every change a user makes to an org is one [`Edit`], which
//! can be stored (as tagged JSON), sent from the desktop app, replayed and undone.
//!
//! [`apply`] either applies an edit whole or refuses it with an [`EditError`] that names the
//! problem, leaving the org and the rule configuration untouched. An edit may carry an
//! effective date ([`DatedEdit`]): views of the org as of a day D apply the edits whose date
//! is on or before D, and the undated ones always ([`replay`]).
//!
//! Choices where SPEC is silent:
//! - Removing a person moves their reports to the removed person's own manager (roots when
//!   they had none), clears them as a team lead, and drops their allocations and the dotted
//!   lines that point at them.
//! - Removing a team clears it from the people and workstreams that named it; renaming a
//!   team renames it there too.
//! - Removing a workstream drops its allocations.
//! - [`Edit::Allocate`] replaces an allocation of the same person to the same workstream
//!   over the same dates, and otherwise adds one; [`Edit::Deallocate`] removes every
//!   allocation of the person to the workstream.
//! - Edits are strict where imported data is lenient: a move or a new person must name a
//!   manager who exists, while an imported unknown manager is only flagged.

use std::fmt;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::model::{
    Allocation, Org, Person, PersonId, Role, Status, Team, TeamId, TeamKind, Workstream,
    WorkstreamId, WorkstreamKind,
};
use crate::{Date, RuleConfig};

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
    /// Several edits applied, undone and redone as one (an applied swing, a bulk change).
    Batch {
        label: String,
        edits: Vec<Edit>,
    },
    /// A swing between IC and manager (SPEC §3), planned on the org it is applied to. The
    /// log keeps the swing itself, so a report can show it again and history can date it.
    Swing {
        swing: crate::swing::Swing,
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
        }
    }
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

/// A new value for one threshold of [`RuleConfig`].
#[derive(Clone, Copy, PartialEq, Debug, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
#[derive(ts_rs::TS)]
pub enum RuleChange {
    ManagerMaxSpan(u32),
    DirectorMaxSpan(u32),
    MinSpan(u32),
    MaxLayers(u32),
    OverloadRatio(f64),
    MaxMigrations(u32),
    PendulumYears(u32),
    RampDays(u32),
    ManagerIcFraction(f64),
    IcRerampDays(u32),
    HorizonMonths(u32),
}

impl RuleChange {
    /// The field's name as in [`RuleConfig`].
    pub fn field(&self) -> &'static str {
        match self {
            RuleChange::ManagerMaxSpan(_) => "manager_max_span",
            RuleChange::DirectorMaxSpan(_) => "director_max_span",
            RuleChange::MinSpan(_) => "min_span",
            RuleChange::MaxLayers(_) => "max_layers",
            RuleChange::OverloadRatio(_) => "overload_ratio",
            RuleChange::MaxMigrations(_) => "max_migrations",
            RuleChange::PendulumYears(_) => "pendulum_years",
            RuleChange::RampDays(_) => "ramp_days",
            RuleChange::ManagerIcFraction(_) => "manager_ic_fraction",
            RuleChange::IcRerampDays(_) => "ic_reramp_days",
            RuleChange::HorizonMonths(_) => "horizon_months",
        }
    }

    fn set(self, c: &mut RuleConfig) {
        match self {
            RuleChange::ManagerMaxSpan(v) => c.manager_max_span = v,
            RuleChange::DirectorMaxSpan(v) => c.director_max_span = v,
            RuleChange::MinSpan(v) => c.min_span = v,
            RuleChange::MaxLayers(v) => c.max_layers = v,
            RuleChange::OverloadRatio(v) => c.overload_ratio = v,
            RuleChange::MaxMigrations(v) => c.max_migrations = v,
            RuleChange::PendulumYears(v) => c.pendulum_years = v,
            RuleChange::RampDays(v) => c.ramp_days = v,
            RuleChange::ManagerIcFraction(v) => c.manager_ic_fraction = v,
            RuleChange::IcRerampDays(v) => c.ic_reramp_days = v,
            RuleChange::HorizonMonths(v) => c.horizon_months = v,
        }
    }
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

fn invalid(field: &str, message: impl Into<String>) -> EditError {
    EditError::Invalid {
        field: field.to_string(),
        message: message.into(),
    }
}

/// "Name (id)", or the id alone when the name is the id: how messages name a person.
fn label(p: &Person) -> String {
    if p.name == p.id.0 {
        p.name.clone()
    } else {
        format!("{} ({})", p.name, p.id)
    }
}

struct Labelled<'a>(&'a Org, &'a PersonId);

impl fmt::Display for Labelled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.people.iter().find(|p| p.id == *self.1) {
            Some(p) => f.write_str(&label(p)),
            None => f.write_str(self.1.as_str()),
        }
    }
}

/// Applies one edit. On error nothing has changed: every check runs before any mutation
/// (a batch is applied to a copy and swapped in).
///
/// O(people + allocations) per edit; a move walks up the new manager's chain iteratively
/// through an id index, so a 1,000,000-long chain costs one pass.
pub fn apply(org: &mut Org, config: &mut RuleConfig, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddPerson { person } => add_person(org, person),
        Edit::RemovePerson { id } => remove_person(org, id),
        Edit::MovePerson { id, manager } => move_person(org, id, manager.as_ref()),
        Edit::UpdatePerson { id, change } => update_person(org, id, change),
        Edit::AddTeam { team } => add_team(org, team),
        Edit::UpdateTeam { id, change } => update_team(org, id, change),
        Edit::RemoveTeam { id } => remove_team(org, id),
        Edit::AddWorkstream { workstream } => add_workstream(org, workstream),
        Edit::UpdateWorkstream { id, change } => update_workstream(org, id, change),
        Edit::RemoveWorkstream { id } => remove_workstream(org, id),
        Edit::Allocate { allocation } => allocate(org, allocation),
        Edit::Deallocate { person, workstream } => deallocate(org, person, workstream),
        Edit::SetRule { change } => set_rule(config, *change),
        Edit::Batch { label, edits } => {
            let (mut o, mut c) = (org.clone(), config.clone());
            for (index, e) in edits.iter().enumerate() {
                apply(&mut o, &mut c, e).map_err(|source| EditError::InBatch {
                    label: label.clone(),
                    index,
                    total: edits.len(),
                    source: Box::new(source),
                })?;
            }
            *org = o;
            *config = c;
            Ok(())
        }
        Edit::Swing { swing } => {
            let plan = crate::swing::plan(org, config, swing).map_err(|e| EditError::Swing {
                message: e.to_string(),
            })?;
            apply(org, config, &plan.edit)
        }
    }
}

/// An edit a view could not apply (it depended on an edit dated after the view's day).
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct Skipped {
    /// Position of the edit in the sequence given to [`replay`].
    pub index: usize,
    pub error: EditError,
}

/// Applies `edits` in order to build the view as of `as_of` (`None`: every edit). An edit
/// that does not apply in this view — it named a person added by an edit dated later, say —
/// is skipped and reported, so every view is a valid org.
pub fn replay<'a>(
    org: &mut Org,
    config: &mut RuleConfig,
    edits: impl IntoIterator<Item = &'a DatedEdit>,
    as_of: Option<Date>,
) -> Vec<Skipped> {
    let mut skipped = Vec::new();
    for (index, e) in edits.into_iter().enumerate() {
        if !e.applies_on(as_of) {
            continue;
        }
        if let Err(error) = apply(org, config, &e.edit) {
            skipped.push(Skipped { index, error });
        }
    }
    skipped
}

fn person_index(org: &Org, id: &PersonId) -> Result<usize, EditError> {
    org.people
        .iter()
        .position(|p| p.id == *id)
        .ok_or_else(|| EditError::UnknownPerson { id: id.clone() })
}

fn check_fte(fte: f64) -> Result<(), EditError> {
    if fte > 0.0 && fte <= 1.0 {
        Ok(())
    } else {
        Err(invalid("fte", format!("must be in (0, 1], found {fte}")))
    }
}

fn check_dates(field: &str, start: Option<Date>, end: Option<Date>) -> Result<(), EditError> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => Err(invalid(
            field,
            format!("end date {e} is before start date {s}"),
        )),
        _ => Ok(()),
    }
}

fn check_name(field: &str, name: &str) -> Result<(), EditError> {
    if name.trim().is_empty() {
        Err(invalid(field, "must not be empty"))
    } else {
        Ok(())
    }
}

fn check_dotted(org: &Org, person: &PersonId, dotted: &[PersonId]) -> Result<(), EditError> {
    for (i, d) in dotted.iter().enumerate() {
        if d == person {
            return Err(invalid(
                "dotted_managers",
                format!("{person:?} cannot have a dotted line to themselves"),
            ));
        }
        if dotted[..i].contains(d) {
            return Err(invalid("dotted_managers", format!("{d:?} is listed twice")));
        }
        person_index(org, d)?;
    }
    Ok(())
}

fn add_person(org: &mut Org, p: &Person) -> Result<(), EditError> {
    if p.id.0.trim().is_empty() {
        return Err(invalid("id", "a person needs a non-empty id"));
    }
    if org.people.iter().any(|q| q.id == p.id) {
        return Err(EditError::DuplicatePerson { id: p.id.clone() });
    }
    check_name("name", &p.name)?;
    check_fte(p.fte)?;
    check_dates("end_date", p.start_date, p.end_date)?;
    if let Some(m) = &p.manager_id {
        if *m == p.id {
            return Err(EditError::SelfManager {
                person: p.id.clone(),
                label: label(p),
            });
        }
        person_index(org, m)?;
    }
    check_dotted(org, &p.id, &p.dotted_managers)?;
    org.people.push(p.clone());
    Ok(())
}

fn remove_person(org: &mut Org, id: &PersonId) -> Result<(), EditError> {
    let i = person_index(org, id)?;
    let removed = org.people.remove(i);
    let successor = removed.manager_id.filter(|m| m != id);
    for p in &mut org.people {
        if p.manager_id.as_ref() == Some(id) {
            // A report of a removed manager on a pre-existing cycle could otherwise land on itself.
            p.manager_id = successor.clone().filter(|m| *m != p.id);
        }
        p.dotted_managers.retain(|d| d != id);
    }
    for t in &mut org.teams {
        if t.lead.as_ref() == Some(id) {
            t.lead = None;
        }
    }
    org.allocations.retain(|a| a.person != *id);
    Ok(())
}

fn move_person(org: &mut Org, id: &PersonId, manager: Option<&PersonId>) -> Result<(), EditError> {
    let i = person_index(org, id)?;
    if let Some(m) = manager {
        if m == id {
            return Err(EditError::SelfManager {
                person: id.clone(),
                label: label(&org.people[i]),
            });
        }
        person_index(org, m)?;
        if manages_through_chain(org, id, m) {
            return Err(EditError::Cycle {
                person: id.clone(),
                manager: m.clone(),
                person_label: Labelled(org, id).to_string(),
                manager_label: Labelled(org, m).to_string(),
            });
        }
    }
    org.people[i].manager_id = manager.cloned();
    Ok(())
}

/// Whether `person` is on `start`'s chain of managers (so `start` reports to `person`).
/// Iterative; stops after one step per person, so a pre-existing cycle cannot trap it.
fn manages_through_chain(org: &Org, person: &PersonId, start: &PersonId) -> bool {
    let mut manager_of: FxHashMap<&str, Option<&str>> =
        FxHashMap::with_capacity_and_hasher(org.people.len(), rustc_hash::FxBuildHasher);
    for p in &org.people {
        manager_of
            .entry(p.id.as_str())
            .or_insert(p.manager_id.as_ref().map(|m| m.as_str()));
    }
    let mut current = Some(start.as_str());
    for _ in 0..=org.people.len() {
        let Some(c) = current else { return false };
        if c == person.as_str() {
            return true;
        }
        current = manager_of.get(c).copied().flatten();
    }
    false
}

fn update_person(org: &mut Org, id: &PersonId, change: &PersonChange) -> Result<(), EditError> {
    let i = person_index(org, id)?;
    match change {
        PersonChange::Name(n) => check_name("name", n)?,
        PersonChange::Fte(f) => check_fte(*f)?,
        PersonChange::StartDate(s) => check_dates("start_date", *s, org.people[i].end_date)?,
        PersonChange::EndDate(e) => check_dates("end_date", org.people[i].start_date, *e)?,
        PersonChange::DottedManagers(d) => check_dotted(org, id, d)?,
        _ => {}
    }
    let p = &mut org.people[i];
    match change.clone() {
        PersonChange::Name(v) => p.name = v,
        PersonChange::Title(v) => p.title = v,
        PersonChange::Role(v) => p.role = v,
        PersonChange::Team(v) => p.team = v,
        PersonChange::Level(v) => p.level = v,
        PersonChange::Status(v) => p.status = v,
        PersonChange::StartDate(v) => p.start_date = v,
        PersonChange::EndDate(v) => p.end_date = v,
        PersonChange::Fte(v) => p.fte = v,
        PersonChange::Location(v) => p.location = v,
        PersonChange::Email(v) => p.email = v,
        PersonChange::RoleSince(v) => p.role_since = v,
        PersonChange::Assistant(v) => p.assistant = v,
        PersonChange::DottedManagers(v) => p.dotted_managers = v,
        PersonChange::RerampFrom(v) => p.reramp_from = v,
    }
    Ok(())
}

fn team_index(org: &Org, id: &TeamId) -> Result<usize, EditError> {
    org.teams
        .iter()
        .position(|t| t.id == *id)
        .ok_or_else(|| EditError::UnknownTeam { id: id.clone() })
}

fn add_team(org: &mut Org, team: &Team) -> Result<(), EditError> {
    if team.id.0.trim().is_empty() {
        return Err(invalid("team.id", "a team needs a name"));
    }
    if org.teams.iter().any(|t| t.id == team.id) {
        return Err(EditError::DuplicateTeam {
            id: team.id.clone(),
        });
    }
    if let Some(lead) = &team.lead {
        person_index(org, lead)?;
    }
    org.teams.push(team.clone());
    Ok(())
}

fn update_team(org: &mut Org, id: &TeamId, change: &TeamChange) -> Result<(), EditError> {
    let i = team_index(org, id)?;
    match change {
        TeamChange::Name(new) => {
            if new.0.trim().is_empty() {
                return Err(invalid("team.id", "a team needs a name"));
            }
            if new != id && org.teams.iter().any(|t| t.id == *new) {
                return Err(EditError::DuplicateTeam { id: new.clone() });
            }
            org.teams[i].id = new.clone();
            for p in &mut org.people {
                if p.team.as_ref() == Some(id) {
                    p.team = Some(new.clone());
                }
            }
            for w in &mut org.workstreams {
                if w.team.as_ref() == Some(id) {
                    w.team = Some(new.clone());
                }
            }
        }
        TeamChange::Lead(lead) => {
            if let Some(l) = lead {
                person_index(org, l)?;
            }
            org.teams[i].lead = lead.clone();
        }
        TeamChange::Kind(kind) => org.teams[i].kind = *kind,
    }
    Ok(())
}

fn remove_team(org: &mut Org, id: &TeamId) -> Result<(), EditError> {
    let i = team_index(org, id)?;
    org.teams.remove(i);
    for p in &mut org.people {
        if p.team.as_ref() == Some(id) {
            p.team = None;
        }
    }
    for w in &mut org.workstreams {
        if w.team.as_ref() == Some(id) {
            w.team = None;
        }
    }
    Ok(())
}

fn workstream_index(org: &Org, id: &WorkstreamId) -> Result<usize, EditError> {
    org.workstreams
        .iter()
        .position(|w| w.id == *id)
        .ok_or_else(|| EditError::UnknownWorkstream { id: id.clone() })
}

fn check_required_fte(v: f64) -> Result<(), EditError> {
    if v >= 0.0 && v.is_finite() {
        Ok(())
    } else {
        Err(invalid(
            "required_fte",
            format!("must be a number ≥ 0, found {v}"),
        ))
    }
}

fn add_workstream(org: &mut Org, w: &Workstream) -> Result<(), EditError> {
    if w.id.0.trim().is_empty() {
        return Err(invalid(
            "workstream.id",
            "a workstream needs a non-empty id",
        ));
    }
    if org.workstreams.iter().any(|x| x.id == w.id) {
        return Err(EditError::DuplicateWorkstream { id: w.id.clone() });
    }
    check_name("workstream.name", &w.name)?;
    check_required_fte(w.required_fte)?;
    check_dates("workstream.end_date", w.start_date, w.end_date)?;
    org.workstreams.push(w.clone());
    Ok(())
}

fn update_workstream(
    org: &mut Org,
    id: &WorkstreamId,
    change: &WorkstreamChange,
) -> Result<(), EditError> {
    let i = workstream_index(org, id)?;
    match change {
        WorkstreamChange::Name(n) => check_name("workstream.name", n)?,
        WorkstreamChange::RequiredFte(v) => check_required_fte(*v)?,
        WorkstreamChange::StartDate(s) => {
            check_dates("workstream.start_date", *s, org.workstreams[i].end_date)?
        }
        WorkstreamChange::EndDate(e) => {
            check_dates("workstream.end_date", org.workstreams[i].start_date, *e)?
        }
        _ => {}
    }
    let w = &mut org.workstreams[i];
    match change.clone() {
        WorkstreamChange::Name(v) => w.name = v,
        WorkstreamChange::Team(v) => w.team = v,
        WorkstreamChange::RequiredFte(v) => w.required_fte = v,
        WorkstreamChange::Kind(v) => w.kind = v,
        WorkstreamChange::StartDate(v) => w.start_date = v,
        WorkstreamChange::EndDate(v) => w.end_date = v,
        WorkstreamChange::Priority(v) => w.priority = v,
    }
    Ok(())
}

fn remove_workstream(org: &mut Org, id: &WorkstreamId) -> Result<(), EditError> {
    let i = workstream_index(org, id)?;
    org.workstreams.remove(i);
    org.allocations.retain(|a| a.workstream != *id);
    Ok(())
}

fn allocate(org: &mut Org, a: &Allocation) -> Result<(), EditError> {
    person_index(org, &a.person)?;
    workstream_index(org, &a.workstream)?;
    if !(a.percent > 0.0 && a.percent <= 100.0) {
        return Err(invalid(
            "allocation.percent",
            format!("must be in (0, 100], found {}", a.percent),
        ));
    }
    check_dates("allocation.end_date", a.start_date, a.end_date)?;
    let same = |x: &Allocation| {
        x.person == a.person
            && x.workstream == a.workstream
            && x.start_date == a.start_date
            && x.end_date == a.end_date
    };
    match org.allocations.iter_mut().find(|x| same(x)) {
        Some(existing) => existing.percent = a.percent,
        None => org.allocations.push(a.clone()),
    }
    Ok(())
}

fn deallocate(
    org: &mut Org,
    person: &PersonId,
    workstream: &WorkstreamId,
) -> Result<(), EditError> {
    let before = org.allocations.len();
    org.allocations
        .retain(|a| !(a.person == *person && a.workstream == *workstream));
    if org.allocations.len() == before {
        return Err(EditError::UnknownAllocation {
            person: person.clone(),
            workstream: workstream.clone(),
        });
    }
    Ok(())
}

fn set_rule(config: &mut RuleConfig, change: RuleChange) -> Result<(), EditError> {
    let mut next = config.clone();
    change.set(&mut next);
    if let Some((field, message)) = next.validate().into_iter().next() {
        return Err(EditError::Invalid { field, message });
    }
    *config = next;
    Ok(())
}
