//! What happens on the days the org changes, and how a problem ahead names its causes:
//! "Postgres 16 upgrade becomes unstaffed on 2027-05-01: Deepa Krishnan's allocation ends."

use super::Ahead;
use super::plan::Plan;
use crate::Date;
use crate::edit::{CostChange, Edit, PersonChange, WorkstreamChange};
use crate::model::{Org, Person, Role};
use crate::rules::{Flag, Rule, RuleConfig, Subject, SubjectKind, num};
use crate::snapshot::{PersonIx, Snapshot, ramp_factor};

/// Something that happens on a day and may change the flags.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Happening {
    /// A person (or an open role) reaches their start date.
    Starts(PersonIx),
    /// A person (or an open role) reaches their end date.
    Leaves(PersonIx),
    /// Allocation k of the org starts or ends.
    AllocationStarts(usize),
    AllocationEnds(usize),
    WorkstreamStarts(usize),
    WorkstreamEnds(usize),
    /// A leader passes `pendulum_years` in their role.
    Anniversary(PersonIx),
    /// A person who swung back to IC starts re-ramping.
    SwingsBack(PersonIx),
    /// Edit k of the plan takes effect.
    Edit(usize),
}

/// Everything that happens on the days `[first, last)` of an era that starts on `era_start`,
/// sorted by day.
pub(super) fn happenings(
    org: &Org,
    config: &RuleConfig,
    plan: &Plan<'_>,
    era_start: Date,
    first: Date,
    last: Date,
) -> Vec<(Date, Happening)> {
    let mut out = Vec::new();
    let mut add = |d: Option<Date>, h: Happening| {
        if let Some(d) = d
            && first <= d
            && d < last
        {
            out.push((d, h));
        }
    };
    let years = i32::try_from(config.pendulum_years).unwrap_or(i32::MAX);
    for (i, p) in org.people.iter().enumerate() {
        let i = i as PersonIx;
        add(p.start_date, Happening::Starts(i));
        add(p.end_date, Happening::Leaves(i));
        add(p.reramp_from, Happening::SwingsBack(i));
        if matches!(p.role, None | Some(Role::Manager | Role::Director)) {
            add(
                p.role_since.map(|s| s.add_years(years).add_days(1)),
                Happening::Anniversary(i),
            );
        }
    }
    for (k, a) in org.allocations.iter().enumerate() {
        add(a.start_date, Happening::AllocationStarts(k));
        add(a.end_date, Happening::AllocationEnds(k));
    }
    for (k, w) in org.workstreams.iter().enumerate() {
        add(w.start_date, Happening::WorkstreamStarts(k));
        add(w.end_date, Happening::WorkstreamEnds(k));
    }
    for k in plan.edits_on(era_start) {
        add(Some(era_start), Happening::Edit(k));
    }
    out.sort_by_key(|(d, _)| *d);
    out
}

/// Who works on what, in an era's org: (person id, workstream id) pairs, sorted.
pub(super) struct Works<'a> {
    pairs: Vec<(&'a str, &'a str)>,
}

impl<'a> Works<'a> {
    pub(super) fn of(org: &'a Org) -> Works<'a> {
        let mut pairs: Vec<(&str, &str)> = org
            .allocations
            .iter()
            .map(|a| (a.person.as_str(), a.workstream.as_str()))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        Works { pairs }
    }

    /// Whether the person holds any allocation (on file) to the workstream.
    fn on(&self, person: &str, workstream: &str) -> bool {
        self.pairs.binary_search(&(person, workstream)).is_ok()
    }
}

/// What a change day offers to explain its changes.
pub(super) struct Day<'x, 'a> {
    pub(super) config: &'x RuleConfig,
    pub(super) happenings: &'x [(Date, Happening)],
    pub(super) works: &'x Works<'a>,
    pub(super) plan: &'x Plan<'x>,
}

/// A flag that first shows on the snapshot's day.
pub(super) fn starts(s: &Snapshot<'_>, f: &Flag, today: &Day<'_, '_>) -> Ahead {
    let what = phrase(s, f.rule, &f.subject, true);
    Ahead {
        rule: f.rule,
        severity: f.severity,
        subject: f.subject.clone(),
        starts: Some(s.as_of()),
        ends: None,
        message: sentence(&what, s.as_of(), &causes(s, &f.subject, today)),
        detail: f.message.clone(),
    }
}

/// A flag shown the day before the snapshot's day and no longer on it.
pub(super) fn ends(s: &Snapshot<'_>, f: &Flag, today: &Day<'_, '_>) -> Ahead {
    let what = phrase(s, f.rule, &f.subject, false);
    let mut why = causes(s, &f.subject, today);
    // An overload can end on a change day for a reason of its own: a ramp rising.
    if why.is_empty()
        && matches!(f.rule, Rule::WorkstreamOverloaded | Rule::ManagerOverloaded)
        && let Some(ramp) = ramping_up(s, today.config, &f.subject, s.as_of())
    {
        why.push(ramp);
    }
    Ahead {
        rule: f.rule,
        severity: f.severity,
        subject: f.subject.clone(),
        starts: None,
        ends: Some(s.as_of()),
        message: sentence(&what, s.as_of(), &why),
        detail: f.message.clone(),
    }
}

/// An overload (shown on the snapshot's day) that ends on day `t` as ramps rise.
pub(super) fn ramp_ends(s: &Snapshot<'_>, c: &RuleConfig, f: &Flag, t: Date) -> Ahead {
    let what = phrase(s, f.rule, &f.subject, false);
    let cause: Vec<String> = ramping_up(s, c, &f.subject, t).into_iter().collect();
    Ahead {
        rule: f.rule,
        severity: f.severity,
        subject: f.subject.clone(),
        starts: None,
        ends: Some(t),
        message: sentence(&what, t, &cause),
        detail: f.message.clone(),
    }
}

/// "Nia ramps up", "Nia and Bo ramp up": the people whose rising ramp lowers the subject's
/// load (a workstream's holders, a manager's reports) on day `t`, if any.
fn ramping_up(s: &Snapshot<'_>, c: &RuleConfig, subject: &Subject, t: Date) -> Option<String> {
    let before = t.add_days(-1);
    let ramping = |p: PersonIx| ramp_factor(s.person(p), before, c) < 1.0;
    let mut names: Vec<&str> = Vec::new();
    match subject.kind {
        SubjectKind::Workstream => {
            for a in s
                .org()
                .allocations
                .iter()
                .filter(|a| a.workstream.as_str() == subject.id)
            {
                if let Some(p) = s.person_ix(a.person.as_str())
                    && s.is_present(p)
                    && ramping(p)
                    && !names.contains(&s.person(p).name.as_str())
                {
                    names.push(&s.person(p).name);
                }
            }
        }
        SubjectKind::Person => {
            if let Some(m) = s.person_ix(&subject.id) {
                for r in s.reports(m) {
                    if !s.person(r).is_open_role() && ramping(r) {
                        names.push(&s.person(r).name);
                    }
                }
            }
        }
        SubjectKind::Team => {}
    }
    match names.len() {
        0 => None,
        1 => Some(format!("{} ramps up", names[0])),
        _ => Some(format!("{} ramp up", listed(&names, 3))),
    }
}

/// "A, B and C", or "A, B, C and 2 more" past `most` names.
fn listed(names: &[&str], most: usize) -> String {
    if names.len() > most {
        return format!(
            "{} and {} more",
            names[..most].join(", "),
            names.len() - most
        );
    }
    match names.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, first)) => format!("{} and {last}", first.join(", ")),
        None => String::new(),
    }
}

/// "X becomes unstaffed on 2027-05-01: A and B."
fn sentence(what: &str, day: Date, causes: &[String]) -> String {
    let mut out = capitalised(what);
    out.push_str(&format!(" on {day}"));
    if !causes.is_empty() {
        let names: Vec<&str> = causes.iter().map(String::as_str).collect();
        out.push_str(": ");
        out.push_str(&listed(&names, 3));
    }
    out.push('.');
    out
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// How the subject is named in a sentence: a person or workstream by name, a team as "team X".
fn subject_name(s: &Snapshot<'_>, subject: &Subject) -> String {
    match subject.kind {
        SubjectKind::Person => s
            .person_ix(&subject.id)
            .map_or_else(|| subject.id.clone(), |i| s.person(i).name.clone()),
        SubjectKind::Workstream => s.workstream_ix(&subject.id).map_or_else(
            || subject.id.clone(),
            |w| s.org().workstreams[w as usize].name.clone(),
        ),
        SubjectKind::Team if subject.id == crate::cost::WHOLE_ORG => "the whole org".to_string(),
        SubjectKind::Team => format!("team {}", subject.id),
    }
}

/// What starting or ending the flag means, with the subject named.
fn phrase(s: &Snapshot<'_>, rule: Rule, subject: &Subject, starts: bool) -> String {
    let x = subject_name(s, subject);
    let (on, off) = match rule {
        Rule::Cycle => (
            "comes onto a reporting cycle",
            "is no longer on a reporting cycle",
        ),
        Rule::UnknownManager => (
            "reports to someone not in the org",
            "no longer reports to someone not in the org",
        ),
        Rule::SpanTooWide => ("has too wide a span", "no longer has too wide a span"),
        Rule::SpanTooNarrow => ("manages too few people", "no longer manages too few people"),
        Rule::ManagerWithoutReports => ("is left without reports", "has reports again"),
        Rule::DirectorOverIcs => (
            "becomes a director mostly over ICs",
            "is no longer a director mostly over ICs",
        ),
        Rule::TooManyLayers => {
            return if starts {
                format!("the org under {x} becomes too deep")
            } else {
                format!("the org under {x} is no longer too deep")
            };
        }
        Rule::PersonOverallocated => ("becomes over-allocated", "is no longer over-allocated"),
        Rule::WorkstreamUnstaffed => ("becomes unstaffed", "is no longer unstaffed"),
        Rule::WorkstreamOverloaded => ("becomes overloaded", "is no longer overloaded"),
        Rule::SinglePointOfFailure => (
            "comes to rest on one person",
            "no longer rests on one person",
        ),
        Rule::MigrationsInFlight => (
            "has too many migrations in flight",
            "no longer has too many migrations in flight",
        ),
        Rule::PendulumDue => ("becomes due for a swing", "is no longer due for a swing"),
        Rule::ManagerOverloaded => (
            "becomes overloaded as a manager",
            "is no longer overloaded as a manager",
        ),
        Rule::OverBudget => ("goes over budget", "is back within budget"),
    };
    format!("{x} {}", if starts { on } else { off })
}

/// The day's happenings that bear on the subject, described; when none does, the edits
/// that take effect that day (they may reach it in ways not traced here).
fn causes(s: &Snapshot<'_>, subject: &Subject, today: &Day<'_, '_>) -> Vec<String> {
    let org = s.org();
    let related: Vec<Happening> = today
        .happenings
        .iter()
        .map(|(_, h)| *h)
        .filter(|&h| bears_on(s, today, subject, h))
        .collect();
    // A dated edit that names the subject is the cause; what it changed (a start, an
    // allocation) would only repeat it.
    let edits: Vec<String> = related
        .iter()
        .filter(|h| matches!(h, Happening::Edit(_)))
        .map(|&h| describe(s, today, subject, h))
        .collect();
    if !edits.is_empty() {
        return edits;
    }
    let person_of = |k: usize| s.person_ix(org.allocations[k].person.as_str());
    // An allocation that starts or ends with its person says nothing more.
    let with_person = |k: usize, starts: bool| {
        person_of(k).is_some_and(|p| {
            related.contains(&if starts {
                Happening::Starts(p)
            } else {
                Happening::Leaves(p)
            })
        })
    };
    let mut out: Vec<String> = Vec::new();
    let (mut joining, mut leaving): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    for &h in &related {
        let on_subject = |k: usize| {
            subject.kind == SubjectKind::Workstream
                && org.allocations[k].workstream.as_str() == subject.id
        };
        match h {
            Happening::AllocationStarts(k) if with_person(k, true) => {}
            Happening::AllocationEnds(k) if with_person(k, false) => {}
            Happening::AllocationStarts(k) if on_subject(k) => joining.push(format!(
                "{} ({}%)",
                name_of(s, org.allocations[k].person.as_str()),
                num(org.allocations[k].percent)
            )),
            Happening::AllocationEnds(k) if on_subject(k) => {
                leaving.push(name_of(s, org.allocations[k].person.as_str()));
            }
            _ => {
                let text = describe(s, today, subject, h);
                if !out.contains(&text) {
                    out.push(text);
                }
            }
        }
    }
    let names = |list: &[String]| {
        let list: Vec<&str> = list.iter().map(String::as_str).collect();
        listed(&list, 3)
    };
    match leaving.len() {
        0 => {}
        1 => out.push(format!("{}'s allocation ends", leaving[0])),
        _ => out.push(format!("the allocations of {} end", names(&leaving))),
    }
    match joining.len() {
        0 => {}
        1 => out.push(format!("{}'s allocation starts", joining[0])),
        _ => out.push(format!("the allocations of {} start", names(&joining))),
    }
    if out.is_empty() {
        for (_, h) in today.happenings {
            if let Happening::Edit(_) = h {
                out.push(describe(s, today, subject, *h));
            }
        }
    }
    out
}

fn person<'a>(s: &Snapshot<'a>, i: PersonIx) -> &'a Person {
    s.person(i)
}

fn bears_on(s: &Snapshot<'_>, day: &Day<'_, '_>, subject: &Subject, h: Happening) -> bool {
    let org = s.org();
    let plan = day.plan;
    let works_on = |_: &Org, p: &Person, w: &str| day.works.on(p.id.as_str(), w);
    let id = subject.id.as_str();
    match subject.kind {
        SubjectKind::Workstream => match h {
            Happening::AllocationStarts(k) | Happening::AllocationEnds(k) => {
                org.allocations[k].workstream.as_str() == id
            }
            Happening::WorkstreamStarts(k) | Happening::WorkstreamEnds(k) => {
                org.workstreams[k].id.as_str() == id
            }
            Happening::Starts(p) | Happening::Leaves(p) | Happening::SwingsBack(p) => {
                works_on(org, person(s, p), id)
            }
            Happening::Anniversary(_) => false,
            Happening::Edit(k) => mentions(&plan.edits[k].edit, id),
        },
        SubjectKind::Person => match h {
            Happening::Starts(p) | Happening::Leaves(p) | Happening::SwingsBack(p) => {
                let q = person(s, p);
                q.id.as_str() == id
                    || q.manager_id.as_ref().is_some_and(|m| m.as_str() == id)
                    || q.dotted_managers.iter().any(|m| m.as_str() == id)
            }
            Happening::AllocationStarts(k) | Happening::AllocationEnds(k) => {
                org.allocations[k].person.as_str() == id
            }
            Happening::WorkstreamStarts(k) | Happening::WorkstreamEnds(k) => s
                .person_ix(id)
                .is_some_and(|p| works_on(org, person(s, p), org.workstreams[k].id.as_str())),
            Happening::Anniversary(p) => person(s, p).id.as_str() == id,
            Happening::Edit(k) => mentions(&plan.edits[k].edit, id),
        },
        SubjectKind::Team => match h {
            Happening::WorkstreamStarts(k) | Happening::WorkstreamEnds(k) => org.workstreams[k]
                .team
                .as_ref()
                .is_some_and(|t| t.as_str() == id),
            Happening::Starts(p) | Happening::Leaves(p) => {
                id == crate::cost::WHOLE_ORG
                    || person(s, p).team.as_ref().is_some_and(|t| t.as_str() == id)
            }
            Happening::Edit(k) => mentions(&plan.edits[k].edit, id),
            _ => false,
        },
    }
}

/// Whether an edit names `id` (a person, team or workstream).
fn mentions(edit: &Edit, id: &str) -> bool {
    match edit {
        Edit::AddPerson { person } => {
            person.id.as_str() == id
                || person.manager_id.as_ref().is_some_and(|m| m.as_str() == id)
                || person.team.as_ref().is_some_and(|t| t.as_str() == id)
        }
        Edit::RemovePerson { id: p } | Edit::UpdatePerson { id: p, .. } => p.as_str() == id,
        Edit::MovePerson { id: p, manager } => {
            p.as_str() == id || manager.as_ref().is_some_and(|m| m.as_str() == id)
        }
        Edit::AddTeam { team } => team.id.as_str() == id,
        Edit::UpdateTeam { id: t, .. } | Edit::RemoveTeam { id: t } => t.as_str() == id,
        Edit::AddWorkstream { workstream } => {
            workstream.id.as_str() == id
                || workstream.team.as_ref().is_some_and(|t| t.as_str() == id)
        }
        Edit::UpdateWorkstream { id: w, .. } | Edit::RemoveWorkstream { id: w } => w.as_str() == id,
        Edit::Allocate { allocation } => {
            allocation.person.as_str() == id || allocation.workstream.as_str() == id
        }
        Edit::Deallocate { person, workstream } => {
            person.as_str() == id || workstream.as_str() == id
        }
        Edit::SetRule { .. } => false,
        Edit::SetCost { change } => match change {
            CostChange::Budget { team, .. } => team.as_str() == id,
            _ => false,
        },
        Edit::Batch { edits, .. } => edits.iter().any(|e| mentions(e, id)),
        Edit::Swing { swing } => {
            swing.person.as_str() == id
                || swing.successor.as_ref().is_some_and(|p| p.as_str() == id)
                || swing.reports.iter().any(|p| p.as_str() == id)
                || swing.join.iter().any(|(w, _)| w.as_str() == id)
        }
    }
}

/// A person's name in the org of the snapshot, or the id when they are not in it.
fn name_of(s: &Snapshot<'_>, id: &str) -> String {
    s.person_ix(id)
        .map_or_else(|| id.to_string(), |i| s.person(i).name.clone())
}

fn workstream_name(s: &Snapshot<'_>, id: &str) -> String {
    s.workstream_ix(id).map_or_else(
        || id.to_string(),
        |w| s.org().workstreams[w as usize].name.clone(),
    )
}

/// An open role's name usually says it is one ("Open role — Senior Engineer").
fn seat(p: &Person) -> String {
    if p.is_open_role() && !p.name.to_lowercase().starts_with("open role") {
        format!("the open role {}", p.name)
    } else {
        p.name.clone()
    }
}

fn describe(s: &Snapshot<'_>, today: &Day<'_, '_>, subject: &Subject, h: Happening) -> String {
    let org = s.org();
    let plan = today.plan;
    let about_workstream = |w: &str| subject.kind == SubjectKind::Workstream && subject.id == w;
    match h {
        Happening::Starts(p) => format!("{} starts", seat(person(s, p))),
        Happening::Leaves(p) if person(s, p).is_open_role() => {
            format!("{} closes", seat(person(s, p)))
        }
        Happening::Leaves(p) => format!("{} leaves", person(s, p).name),
        Happening::AllocationStarts(k) => {
            let a = &org.allocations[k];
            let who = name_of(s, a.person.as_str());
            if about_workstream(a.workstream.as_str()) {
                format!("{who}'s allocation starts ({}%)", num(a.percent))
            } else {
                format!(
                    "{who} joins {} ({}%)",
                    workstream_name(s, a.workstream.as_str()),
                    num(a.percent)
                )
            }
        }
        Happening::AllocationEnds(k) => {
            let a = &org.allocations[k];
            let who = name_of(s, a.person.as_str());
            if about_workstream(a.workstream.as_str()) {
                format!("{who}'s allocation ends")
            } else {
                format!(
                    "{who}'s allocation to {} ends",
                    workstream_name(s, a.workstream.as_str())
                )
            }
        }
        Happening::WorkstreamStarts(k) => format!("{} starts", org.workstreams[k].name),
        Happening::WorkstreamEnds(k) => format!("{} ends", org.workstreams[k].name),
        Happening::Anniversary(p) => {
            let q = person(s, p);
            let since = q.role_since.map(|d| d.to_string()).unwrap_or_default();
            format!(
                "{} has been a {} for more than {} (since {since})",
                q.name,
                s.role(p).as_str(),
                match today.config.pendulum_years {
                    1 => "a year".to_string(),
                    y => format!("{y} years"),
                }
            )
        }
        Happening::SwingsBack(p) => format!("{} swings back to IC work", person(s, p).name),
        Happening::Edit(k) => format!("{} (a dated edit)", edit_text(s, &plan.edits[k].edit)),
    }
}

/// A short account of an edit, in the org it took effect in.
fn edit_text(s: &Snapshot<'_>, edit: &Edit) -> String {
    match edit {
        Edit::AddPerson { person } => format!("{} is added", person.name),
        Edit::RemovePerson { id } => format!("{id} is removed"),
        Edit::MovePerson {
            id,
            manager: Some(m),
        } => format!(
            "{} moves under {}",
            name_of(s, id.as_str()),
            name_of(s, m.as_str())
        ),
        Edit::MovePerson { id, manager: None } => {
            format!("{} no longer reports to anyone", name_of(s, id.as_str()))
        }
        Edit::UpdatePerson {
            id,
            change: PersonChange::Role(Some(role)),
        } => format!(
            "{} becomes {}",
            name_of(s, id.as_str()),
            match role {
                Role::Ic => "an IC",
                Role::Manager => "a manager",
                Role::Director => "a director",
                Role::Executive => "an executive",
            }
        ),
        Edit::UpdatePerson { id, change } => {
            format!(
                "{}'s {} changes",
                name_of(s, id.as_str()),
                change.field().replace('_', " ")
            )
        }
        Edit::AddTeam { team } => format!("team {} is added", team.id),
        Edit::UpdateTeam { id, .. } => format!("team {id} changes"),
        Edit::RemoveTeam { id } => format!("team {id} is removed"),
        Edit::AddWorkstream { workstream } => format!("{} is added", workstream.name),
        Edit::UpdateWorkstream { id, change } => format!(
            "{}'s {} changes",
            workstream_name(s, id.as_str()),
            workstream_field(change)
        ),
        Edit::RemoveWorkstream { id } => format!("{id} is removed"),
        Edit::Allocate { allocation } => format!(
            "{} is allocated {}% to {}",
            name_of(s, allocation.person.as_str()),
            num(allocation.percent),
            workstream_name(s, allocation.workstream.as_str())
        ),
        Edit::Deallocate { person, workstream } => format!(
            "{} comes off {}",
            name_of(s, person.as_str()),
            workstream_name(s, workstream.as_str())
        ),
        Edit::SetRule { change } => format!("{} changes", change.field()),
        Edit::SetCost { change } => match change {
            CostChange::Currency(_) => "the currency changes".to_string(),
            CostChange::Band { level, .. } => format!("the pay band of level {level} changes"),
            CostChange::Budget { team, .. } if team.as_str() == crate::cost::WHOLE_ORG => {
                "the whole org's budget changes".to_string()
            }
            CostChange::Budget { team, .. } => format!("team {team}'s budget changes"),
            CostChange::FiscalYearStart(_) => "the fiscal year's first month changes".to_string(),
        },
        Edit::Batch { label, .. } => label.clone(),
        Edit::Swing { swing } => format!(
            "{} swings to {}",
            name_of(s, swing.person.as_str()),
            match swing.to {
                crate::swing::SwingTo::Manager => "manager",
                crate::swing::SwingTo::Ic => "IC",
            }
        ),
    }
}

fn workstream_field(change: &WorkstreamChange) -> &'static str {
    match change {
        WorkstreamChange::Name(_) => "name",
        WorkstreamChange::Team(_) => "team",
        WorkstreamChange::RequiredFte(_) => "required FTE",
        WorkstreamChange::Kind(_) => "kind",
        WorkstreamChange::StartDate(_) => "start date",
        WorkstreamChange::EndDate(_) => "end date",
        WorkstreamChange::Priority(_) => "priority",
    }
}
