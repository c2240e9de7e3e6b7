//! A year of dated changes on top of a generated org, for the timeline's benchmark: hires
//! joining and ramping, leavers, allocations ending and new ones starting, and a dated reorg
//! move every week.

use pendulum_core::edit::{DatedEdit, Edit, WorkstreamChange};
use pendulum_core::{Allocation, Date, Org, Person, PersonId, Role, Status};

use crate::SplitMix64;

/// What [`year_of_changes`] adds over the 365 days from `from`, as shares of the org.
///
/// - 12% of the people leave (an end date), 15% more join (new people under a random
///   manager, each allocated full time to a workstream from their start date);
/// - 25% of the allocations end, and half of those people move to another workstream the
///   same day;
/// - 52 dated edits move an IC under another manager (one a week) and 12 change a
///   workstream's required FTE (one a month).
///
/// Deterministic in `seed`; the org stays valid.
pub fn year_of_changes(org: &Org, from: Date, seed: u64) -> (Org, Vec<DatedEdit>) {
    let mut rng = SplitMix64::new(seed);
    let mut org = org.clone();
    let day = |rng: &mut SplitMix64| from.add_days(rng.below(365) as i32);
    let n = org.people.len();
    let managers: Vec<usize> = (0..n)
        .filter(|&i| {
            org.people[i].role.is_some_and(Role::leads_people) && org.people[i].is_present(from)
        })
        .collect();
    let ics: Vec<usize> = (0..n)
        .filter(|&i| org.people[i].role == Some(Role::Ic) && !org.people[i].is_open_role())
        .collect();
    if managers.is_empty() || org.workstreams.is_empty() {
        return (org, Vec::new());
    }

    for p in &mut org.people {
        if p.end_date.is_none() && p.manager_id.is_some() && rng.chance(0.12) {
            let end = day(&mut rng).max(p.start_date.unwrap_or(from).add_days(1));
            p.end_date = Some(end);
        }
    }
    let hires = n * 15 / 100;
    for k in 0..hires {
        let m = managers[rng.below(managers.len())];
        let manager = &org.people[m];
        let mut p = Person::new(format!("h{k:06}"), format!("New hire {k}"));
        p.manager_id = Some(manager.id.clone());
        p.team = manager.team.clone();
        p.role = Some(Role::Ic);
        p.status = Status::Active;
        p.start_date = Some(day(&mut rng));
        let w = &org.workstreams[rng.below(org.workstreams.len())];
        let mut a = Allocation::new(p.id.as_str(), w.id.as_str(), 100.0);
        a.start_date = p.start_date;
        org.allocations.push(a);
        org.people.push(p);
    }
    let existing = org.allocations.len() - hires;
    for k in 0..existing {
        if org.allocations[k].end_date.is_some() || !rng.chance(0.25) {
            continue;
        }
        let end = day(&mut rng).max(org.allocations[k].start_date.unwrap_or(from).add_days(1));
        org.allocations[k].end_date = Some(end);
        if rng.chance(0.5) {
            let w = &org.workstreams[rng.below(org.workstreams.len())];
            let mut next = Allocation::new(
                org.allocations[k].person.as_str(),
                w.id.as_str(),
                org.allocations[k].percent,
            );
            next.start_date = Some(end);
            org.allocations.push(next);
        }
    }

    let mut edits = Vec::new();
    for week in 0..52 {
        let (Some(&ic), Some(&m)) = (rng.pick(&ics), rng.pick(&managers)) else {
            break;
        };
        edits.push(DatedEdit::from(
            Edit::MovePerson {
                id: org.people[ic].id.clone(),
                manager: Some(PersonId(org.people[m].id.0.clone())),
            },
            from.add_days(7 * week + 3),
        ));
    }
    for month in 0..12 {
        let w = &org.workstreams[rng.below(org.workstreams.len())];
        edits.push(DatedEdit::from(
            Edit::UpdateWorkstream {
                id: w.id.clone(),
                change: WorkstreamChange::RequiredFte((w.required_fte + 1.0).min(8.0)),
            },
            from.add_months(month).add_days(14),
        ));
    }
    (org, edits)
}
