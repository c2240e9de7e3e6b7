//! Applying [`Edit`]s to an org.
//!
//! [`apply`] either applies an edit whole or refuses it with an [`EditError`] that names the
//! problem, leaving the org and the rule configuration untouched. An edit may carry an
//! effective date ([`DatedEdit`]): views of the org as of a day D apply the edits whose date
//! is on or before D, and the undated ones always ([`replay`]).
//!
//! Choices made here (see `docs/edits.md`):
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

use serde::Serialize;

use crate::cost::{Band, Budget, WHOLE_ORG, check_amount};
use crate::edit::{
    CostChange, DatedEdit, Edit, EditError, PersonChange, RuleChange, TeamChange, WorkstreamChange,
};
use crate::model::{
    Allocation, MAX_DOTTED, MAX_ID_BYTES, MAX_TEXT_BYTES, Org, Person, PersonId, Team, TeamId,
    Workstream, WorkstreamId, too_long,
};
use crate::money::Money;
use crate::person_ids::Ids;
use crate::swing::{SwingError, draft};
use crate::{Date, RuleConfig};

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
    apply_within(org, config, edit, 0, &mut Ids::default())
}

/// Applies a sequence of edits to one org, keeping an index of the people's ids from one
/// edit to the next: replaying a long log then costs a lookup per id an edit names, not a
/// scan of every person (and a rebuilt index for each move's cycle check) per edit.
///
/// Give it the same org every time (as it was left by the previous call). It stays correct
/// when not (an index entry is checked against the person it points at, and rebuilt when
/// stale), only slower.
#[derive(Debug)]
pub struct Replayer {
    ids: Ids,
}

impl Default for Replayer {
    fn default() -> Self {
        Replayer { ids: Ids::kept() }
    }
}

impl Replayer {
    pub fn new() -> Self {
        Self::default()
    }

    /// As [`apply`], through the kept index.
    pub fn apply(
        &mut self,
        org: &mut Org,
        config: &mut RuleConfig,
        edit: &Edit,
    ) -> Result<(), EditError> {
        apply_within(org, config, edit, 0, &mut self.ids)
    }
}

/// The most edits one batch may hold, and how deep batches may nest: a hostile document or
/// IPC message cannot make one edit cost more than this many applications.
pub const MAX_BATCH_EDITS: usize = 10_000;
pub const MAX_BATCH_DEPTH: usize = 4;

fn apply_within(
    org: &mut Org,
    config: &mut RuleConfig,
    edit: &Edit,
    depth: usize,
    ids: &mut Ids,
) -> Result<(), EditError> {
    match edit {
        Edit::AddPerson { person } => add_person(org, ids, person),
        Edit::RemovePerson { id } => remove_person(org, ids, id),
        Edit::MovePerson { id, manager } => move_person(org, ids, id, manager.as_ref()),
        Edit::UpdatePerson { id, change } => update_person(org, ids, id, change),
        Edit::AddTeam { team } => add_team(org, ids, team),
        Edit::UpdateTeam { id, change } => update_team(org, ids, id, change),
        Edit::RemoveTeam { id } => remove_team(org, id),
        Edit::AddWorkstream { workstream } => add_workstream(org, workstream),
        Edit::UpdateWorkstream { id, change } => update_workstream(org, id, change),
        Edit::RemoveWorkstream { id } => remove_workstream(org, id),
        Edit::Allocate { allocation } => allocate(org, ids, allocation),
        Edit::Deallocate { person, workstream } => deallocate(org, person, workstream),
        Edit::SetRule { change } => set_rule(config, *change),
        Edit::SetCost { change } => set_cost(org, change),
        Edit::Batch { label, edits } => {
            text("label", label, MAX_TEXT_BYTES)?;
            if edits.len() > MAX_BATCH_EDITS {
                return Err(invalid(
                    "edits",
                    format!(
                        "a batch of {} edits is more than the {MAX_BATCH_EDITS} allowed",
                        edits.len()
                    ),
                ));
            }
            if depth >= MAX_BATCH_DEPTH {
                return Err(invalid(
                    "edits",
                    format!("batches nest more than {MAX_BATCH_DEPTH} deep"),
                ));
            }
            let (mut o, mut c) = (org.clone(), config.clone());
            let mut inner = Ids::kept();
            for (index, e) in edits.iter().enumerate() {
                apply_within(&mut o, &mut c, e, depth + 1, &mut inner).map_err(|source| {
                    EditError::InBatch {
                        label: label.clone(),
                        index,
                        total: edits.len(),
                        source: Box::new(source),
                    }
                })?;
            }
            *org = o;
            *config = c;
            ids.invalidate();
            Ok(())
        }
        Edit::Swing { swing } => {
            // The swing's batch is proven here, on the org it applies to, as `plan` would.
            let plan = draft(org, config, swing).map_err(|e| EditError::Swing {
                message: e.to_string(),
            })?;
            apply_within(org, config, &plan.edit, depth + 1, ids).map_err(|e| EditError::Swing {
                message: SwingError::Edit(e).to_string(),
            })
        }
    }
}

/// Refuses a text longer than `max` bytes, naming the field.
fn text(field: &str, value: &str, max: usize) -> Result<(), EditError> {
    match too_long(value, max) {
        Some(message) => Err(invalid(field, message)),
        None => Ok(()),
    }
}

fn id_text(field: &str, value: &str) -> Result<(), EditError> {
    text(field, value, MAX_ID_BYTES)
}

/// Every id and text of a new person within its cap.
fn check_person_texts(p: &Person) -> Result<(), EditError> {
    let one = Org {
        people: vec![p.clone()],
        ..Org::default()
    };
    match one
        .validate()
        .into_iter()
        .find(|i| i.message.contains("allowed"))
    {
        Some(i) => Err(invalid(i.field.trim_start_matches("people[0]."), i.message)),
        None => Ok(()),
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
    let mut replayer = Replayer::new();
    for (index, e) in edits.into_iter().enumerate() {
        if !e.applies_on(as_of) {
            continue;
        }
        if let Err(error) = replayer.apply(org, config, &e.edit) {
            skipped.push(Skipped { index, error });
        }
    }
    skipped
}

fn person_index(org: &Org, ids: &mut Ids, id: &PersonId) -> Result<usize, EditError> {
    ids.find(org, id)
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

fn check_dotted(
    org: &Org,
    ids: &mut Ids,
    person: &PersonId,
    dotted: &[PersonId],
) -> Result<(), EditError> {
    if dotted.len() > MAX_DOTTED {
        return Err(invalid(
            "dotted_managers",
            format!(
                "{} dotted lines is more than the {MAX_DOTTED} allowed",
                dotted.len()
            ),
        ));
    }
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
        person_index(org, ids, d)?;
    }
    Ok(())
}

fn add_person(org: &mut Org, ids: &mut Ids, p: &Person) -> Result<(), EditError> {
    if p.id.0.trim().is_empty() {
        return Err(invalid("id", "a person needs a non-empty id"));
    }
    check_person_texts(p)?;
    if ids.find(org, &p.id).is_some() {
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
        person_index(org, ids, m)?;
    }
    check_dotted(org, ids, &p.id, &p.dotted_managers)?;
    if let Some(c) = p.cost {
        check_money("cost", c)?;
    }
    org.people.push(p.clone());
    ids.pushed(org);
    Ok(())
}

fn remove_person(org: &mut Org, ids: &mut Ids, id: &PersonId) -> Result<(), EditError> {
    let i = person_index(org, ids, id)?;
    let removed = org.people.remove(i);
    ids.invalidate();
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

fn move_person(
    org: &mut Org,
    ids: &mut Ids,
    id: &PersonId,
    manager: Option<&PersonId>,
) -> Result<(), EditError> {
    let i = person_index(org, ids, id)?;
    if let Some(m) = manager {
        if m == id {
            return Err(EditError::SelfManager {
                person: id.clone(),
                label: label(&org.people[i]),
            });
        }
        person_index(org, ids, m)?;
        if manages_through_chain(org, ids, id, m) {
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
/// Iterative, one index lookup per step; stops after one step per person, so a pre-existing
/// cycle cannot trap it.
fn manages_through_chain(org: &Org, ids: &mut Ids, person: &PersonId, start: &PersonId) -> bool {
    let mut current = Some(start);
    for _ in 0..=org.people.len() {
        let Some(c) = current else { return false };
        if c == person {
            return true;
        }
        current = ids
            .find_indexed(org, c)
            .and_then(|i| org.people[i].manager_id.as_ref());
    }
    false
}

fn update_person(
    org: &mut Org,
    ids: &mut Ids,
    id: &PersonId,
    change: &PersonChange,
) -> Result<(), EditError> {
    let i = person_index(org, ids, id)?;
    match change {
        PersonChange::Name(n) => {
            check_name("name", n)?;
            text("name", n, MAX_TEXT_BYTES)?;
        }
        PersonChange::Title(t) => text("title", t, MAX_TEXT_BYTES)?,
        PersonChange::Team(Some(t)) => id_text("team", t.as_str())?,
        PersonChange::Level(Some(v)) => text("level", v, MAX_TEXT_BYTES)?,
        PersonChange::Location(Some(v)) => text("location", v, MAX_TEXT_BYTES)?,
        PersonChange::Email(Some(v)) => text("email", v, MAX_TEXT_BYTES)?,
        PersonChange::Fte(f) => check_fte(*f)?,
        PersonChange::StartDate(s) => check_dates("start_date", *s, org.people[i].end_date)?,
        PersonChange::EndDate(e) => check_dates("end_date", org.people[i].start_date, *e)?,
        PersonChange::DottedManagers(d) => check_dotted(org, ids, id, d)?,
        PersonChange::Cost(Some(c)) => check_money("cost", *c)?,
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
        PersonChange::Cost(v) => p.cost = v,
    }
    Ok(())
}

fn team_index(org: &Org, id: &TeamId) -> Result<usize, EditError> {
    org.teams
        .iter()
        .position(|t| t.id == *id)
        .ok_or_else(|| EditError::UnknownTeam { id: id.clone() })
}

fn add_team(org: &mut Org, ids: &mut Ids, team: &Team) -> Result<(), EditError> {
    if team.id.0.trim().is_empty() {
        return Err(invalid("team.id", "a team needs a name"));
    }
    id_text("team.id", team.id.as_str())?;
    if org.teams.iter().any(|t| t.id == team.id) {
        return Err(EditError::DuplicateTeam {
            id: team.id.clone(),
        });
    }
    if let Some(lead) = &team.lead {
        person_index(org, ids, lead)?;
    }
    org.teams.push(team.clone());
    Ok(())
}

fn update_team(
    org: &mut Org,
    ids: &mut Ids,
    id: &TeamId,
    change: &TeamChange,
) -> Result<(), EditError> {
    let i = team_index(org, id)?;
    match change {
        TeamChange::Name(new) => {
            if new.0.trim().is_empty() {
                return Err(invalid("team.id", "a team needs a name"));
            }
            id_text("team.id", new.as_str())?;
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
            for b in &mut org.cost.budgets {
                if b.team == *id {
                    b.team = new.clone();
                }
            }
        }
        TeamChange::Lead(lead) => {
            if let Some(l) = lead {
                person_index(org, ids, l)?;
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
    org.cost.budgets.retain(|b| b.team != *id);
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
    id_text("workstream.id", w.id.as_str())?;
    text("workstream.name", &w.name, MAX_TEXT_BYTES)?;
    id_text(
        "workstream.team",
        w.team.as_ref().map_or("", |t| t.as_str()),
    )?;
    text(
        "workstream.priority",
        w.priority.as_deref().unwrap_or(""),
        MAX_TEXT_BYTES,
    )?;
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
        WorkstreamChange::Name(n) => {
            check_name("workstream.name", n)?;
            text("workstream.name", n, MAX_TEXT_BYTES)?;
        }
        WorkstreamChange::Team(Some(t)) => id_text("workstream.team", t.as_str())?,
        WorkstreamChange::Priority(Some(p)) => text("workstream.priority", p, MAX_TEXT_BYTES)?,
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

fn allocate(org: &mut Org, ids: &mut Ids, a: &Allocation) -> Result<(), EditError> {
    person_index(org, ids, &a.person)?;
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
    change.set(config).map_err(|e| invalid(e.field, e.message))
}

fn check_money(field: &str, m: Money) -> Result<(), EditError> {
    match check_amount(m) {
        Some(message) => Err(invalid(field, message)),
        None => Ok(()),
    }
}

/// Sets or removes a band or budget, the currency or the fiscal year's start. A band is
/// matched by level ignoring case; a budget must name a team of the org or `*`.
fn set_cost(org: &mut Org, change: &CostChange) -> Result<(), EditError> {
    let cost = &mut org.cost;
    match change {
        CostChange::Currency(c) => cost.currency = c.clone(),
        CostChange::Band { level, annual_cost } => {
            let level = level.trim();
            if level.is_empty() {
                return Err(invalid("band.level", "a band needs a level"));
            }
            text("band.level", level, MAX_TEXT_BYTES)?;
            let at = cost.band_index(level);
            if let Some(m) = annual_cost {
                check_money("band.annual_cost", *m)?;
            }
            match (annual_cost, at) {
                (Some(m), Some(i)) => cost.bands[i].annual_cost = *m,
                (Some(m), None) => cost.bands.push(Band {
                    level: level.to_string(),
                    annual_cost: *m,
                }),
                (None, Some(i)) => {
                    cost.bands.remove(i);
                }
                (None, None) => {
                    return Err(invalid(
                        "band.level",
                        format!("no band for level {level:?}"),
                    ));
                }
            }
        }
        CostChange::Budget {
            team,
            annual_budget,
        } => {
            id_text("budget.team", team.as_str())?;
            if team.as_str() != WHOLE_ORG && !org.teams.iter().any(|t| t.id == *team) {
                return Err(EditError::UnknownTeam { id: team.clone() });
            }
            if let Some(m) = annual_budget {
                check_money("budget.annual_budget", *m)?;
            }
            let at = cost.budgets.iter().position(|b| b.team == *team);
            match (annual_budget, at) {
                (Some(m), Some(i)) => cost.budgets[i].annual_budget = *m,
                (Some(m), None) => cost.budgets.push(Budget {
                    team: team.clone(),
                    annual_budget: *m,
                }),
                (None, Some(i)) => {
                    cost.budgets.remove(i);
                }
                (None, None) => {
                    return Err(invalid(
                        "budget.team",
                        format!("team {team:?} has no budget to remove"),
                    ));
                }
            }
        }
        CostChange::FiscalYearStart(m) => {
            if !(1..=12).contains(m) {
                return Err(invalid(
                    "fiscal_year_start",
                    format!("must be a month from 1 to 12, found {m}"),
                ));
            }
            cost.fiscal_year_start = (*m != 1).then_some(*m);
        }
    }
    Ok(())
}
