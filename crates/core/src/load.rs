//! Manager load: how much leading a person carries on a day, in report-equivalents, against
//! the time their hands-on work leaves them (`docs/model.md`, "Manager load").
//!
//! ```text
//! load     = Σ over present direct reports (not assistants, not open roles) of (2 − ramp)
//!          + hiring_weight × open roles they manage (started or not, not ended)
//!          + dotted_weight × present dotted-line reports
//! capacity = manager_capacity × max(0, 1 − allocated percent / 100)
//! ```
//!
//! A ramping report counts for more than one (a new hire at ramp 0.25 is 1.75 reports), an
//! open role for `hiring_weight` (interviews, then onboarding), a dotted-line report for
//! `dotted_weight`. The `manager-overloaded` rule fires when load > capacity.
//!
//! [`LoadIndex`] takes one pass over the people; each person's load then costs their direct
//! reports only, and naming the allocations of any number of people one pass over the
//! allocations, so every load of a snapshot is O(people + allocations).

use serde::{Deserialize, Serialize};

use crate::model::{PersonId, WorkstreamId, within};
use crate::snapshot::{PersonIx, Snapshot};
use crate::thresholds::RuleConfig;

/// Loads closer than this to their capacity are within it (sums of ramps and percents are
/// not exact in binary).
pub const LOAD_TOLERANCE: f64 = 1e-9;

/// One person's manager load on a day, with its parts.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct ManagerLoad {
    pub person: PersonId,
    /// Present direct reports counted: not assistants, not open roles.
    pub reports: u32,
    /// Of them, those still ramping (ramp factor below 1).
    pub ramping: u32,
    /// Σ (1 − ramp) over the reports: what ramping adds above one per report.
    pub ramping_extra: f64,
    /// Open roles whose manager they are, started or not, not ended.
    pub open_roles: u32,
    /// Present dotted-line reports.
    pub dotted: u32,
    /// The person's allocated percent on the day (hands-on work).
    pub allocated_percent: f64,
    /// Their active allocations, largest first: (workstream, its name, percent).
    pub allocations: Vec<LoadAllocation>,
    pub load: f64,
    pub capacity: f64,
}

/// One allocation that takes from a manager's capacity.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct LoadAllocation {
    pub workstream: WorkstreamId,
    pub name: String,
    pub percent: f64,
}

impl ManagerLoad {
    /// Load above capacity (by more than [`LOAD_TOLERANCE`]).
    pub fn is_overloaded(&self) -> bool {
        overloaded(self.load, self.capacity)
    }
}

/// `load > capacity`, up to [`LOAD_TOLERANCE`].
pub fn overloaded(load: f64, capacity: f64) -> bool {
    load > capacity + LOAD_TOLERANCE
}

/// What a load needs beyond the snapshot, gathered in one pass over the people: per person,
/// the open roles they manage that have not ended on the snapshot's day (started or not: an
/// open role is hiring work before its start date) and their present dotted-line reports.
#[derive(Clone, Debug)]
pub struct LoadIndex {
    open_roles: Vec<u32>,
    dotted: Vec<u32>,
    /// Whether a person counts as a report (neither an assistant nor an open role), kept
    /// here so a load reads small arrays rather than every report's record.
    counted: Vec<bool>,
}

impl LoadIndex {
    pub fn of(s: &Snapshot<'_>) -> LoadIndex {
        let n = s.people_count();
        let mut open_roles = vec![0u32; n];
        let mut dotted = vec![0u32; n];
        let mut counted = vec![false; n];
        let d = s.as_of();
        for (i, p) in s.org().people.iter().enumerate() {
            counted[i] = !p.assistant && !p.is_open_role();
            if p.is_open_role()
                && within(None, p.end_date, d)
                && let Some(m) = p.manager_id.as_ref().and_then(|m| s.person_ix(m.as_str()))
                && m as usize != i
            {
                open_roles[m as usize] += 1;
            }
            if !s.is_present(i as PersonIx) {
                continue;
            }
            for (k, m) in p.dotted_managers.iter().enumerate() {
                // A secondary manager named twice is still one dotted line.
                if p.dotted_managers[..k].contains(m) {
                    continue;
                }
                if let Some(m) = s.person_ix(m.as_str())
                    && m as usize != i
                    && s.is_present(m)
                {
                    dotted[m as usize] += 1;
                }
            }
        }
        LoadIndex {
            open_roles,
            dotted,
            counted,
        }
    }

    pub fn open_roles(&self, i: PersonIx) -> u32 {
        self.open_roles.get(i as usize).copied().unwrap_or(0)
    }

    pub fn dotted_reports(&self, i: PersonIx) -> u32 {
        self.dotted.get(i as usize).copied().unwrap_or(0)
    }
}

/// The figures a load is made of, before it is named and itemised.
#[derive(Clone, Copy, PartialEq, Debug, Default)]
pub struct LoadParts {
    pub reports: u32,
    pub ramping: u32,
    pub ramping_extra: f64,
    pub open_roles: u32,
    pub dotted: u32,
    pub load: f64,
    pub capacity: f64,
}

/// Whether a present person carries a manager load: they lead people by role, have a
/// present direct report of any kind, or manage an open role that has not ended.
pub fn has_load(s: &Snapshot<'_>, index: &LoadIndex, i: PersonIx) -> bool {
    s.is_present(i)
        && (s.role(i).leads_people() || s.reports(i).next().is_some() || index.open_roles(i) > 0)
}

/// The load of present person `i`, with each report's ramp factor read from `ramp`.
///
/// The snapshot fixes who reports to whom; `ramp` is usually [`Snapshot::ramp`], and on
/// another day of the same org (nobody joins or leaves in between) the ramp on that day, so
/// a load can be followed day by day without a new snapshot. The sum runs in one fixed
/// order, so the same ramps always give the same bits.
pub fn load_parts(
    s: &Snapshot<'_>,
    c: &RuleConfig,
    index: &LoadIndex,
    i: PersonIx,
    ramp: impl Fn(PersonIx) -> f64,
) -> LoadParts {
    let mut parts = LoadParts::default();
    let mut load = 0.0;
    for r in s.reports(i) {
        if !index.counted.get(r as usize).copied().unwrap_or(false) {
            continue;
        }
        let f = ramp(r);
        parts.reports += 1;
        if f < 1.0 {
            parts.ramping += 1;
            parts.ramping_extra += 1.0 - f;
        }
        load += 2.0 - f;
    }
    parts.open_roles = index.open_roles(i);
    load += c.hiring_weight * f64::from(parts.open_roles);
    parts.dotted = index.dotted_reports(i);
    load += c.dotted_weight * f64::from(parts.dotted);
    parts.load = load;
    parts.capacity = c.manager_capacity * (1.0 - s.allocated_percent(i) / 100.0).max(0.0);
    parts
}

/// The loads of the given present people on the snapshot's day, with their parts named and
/// their allocations listed (one pass over the allocations for all of them); people who
/// carry no load (see [`has_load`]) are left out. In the order given.
pub fn manager_loads_of(
    s: &Snapshot<'_>,
    c: &RuleConfig,
    index: &LoadIndex,
    people: &[PersonIx],
) -> Vec<ManagerLoad> {
    let people: Vec<PersonIx> = people
        .iter()
        .copied()
        .filter(|&i| has_load(s, index, i))
        .collect();
    let mut allocations = active_allocations(s, &people);
    people
        .iter()
        .zip(allocations.iter_mut())
        .map(|(&i, allocations)| {
            let parts = load_parts(s, c, index, i, |r| s.ramp(r));
            ManagerLoad {
                person: s.person(i).id.clone(),
                reports: parts.reports,
                ramping: parts.ramping,
                ramping_extra: parts.ramping_extra,
                open_roles: parts.open_roles,
                dotted: parts.dotted,
                allocated_percent: s.allocated_percent(i),
                allocations: std::mem::take(allocations),
                load: parts.load,
                capacity: parts.capacity,
            }
        })
        .collect()
}

/// Every load of the snapshot, in people order.
pub fn manager_loads(s: &Snapshot<'_>, c: &RuleConfig) -> Vec<ManagerLoad> {
    let index = LoadIndex::of(s);
    let everyone: Vec<PersonIx> = (0..s.people_count() as PersonIx).collect();
    manager_loads_of(s, c, &index, &everyone)
}

/// The load of the person with id `id`, when present and carrying one.
pub fn manager_load(s: &Snapshot<'_>, c: &RuleConfig, id: &str) -> Option<ManagerLoad> {
    let i = s.person_ix(id)?;
    manager_loads_of(s, c, &LoadIndex::of(s), &[i]).pop()
}

/// Each person's allocations active on the snapshot's day (as
/// [`Snapshot::allocated_percent`] counts them: person present, workstream active), merged
/// per workstream, largest first, then by workstream id.
fn active_allocations(s: &Snapshot<'_>, people: &[PersonIx]) -> Vec<Vec<LoadAllocation>> {
    let mut out: Vec<Vec<LoadAllocation>> = vec![Vec::new(); people.len()];
    if people.is_empty() {
        return out;
    }
    let mut slot = vec![u32::MAX; s.people_count()];
    for (k, &i) in people.iter().enumerate() {
        if let Some(x) = slot.get_mut(i as usize) {
            *x = k as u32;
        }
    }
    let org = s.org();
    for &(k, p) in s.active_allocations() {
        let Some(&at) = slot.get(p as usize).filter(|&&x| x != u32::MAX) else {
            continue;
        };
        let a = &org.allocations[k as usize];
        let Some(w) = s.workstream_ix(a.workstream.as_str()) else {
            continue;
        };
        let ws = &org.workstreams[w as usize];
        let list = &mut out[at as usize];
        match list.iter_mut().find(|x| x.workstream == ws.id) {
            Some(x) => x.percent += a.percent,
            None => list.push(LoadAllocation {
                workstream: ws.id.clone(),
                name: ws.name.clone(),
                percent: a.percent,
            }),
        }
    }
    for list in &mut out {
        list.sort_by(|a, b| {
            b.percent
                .total_cmp(&a.percent)
                .then_with(|| a.workstream.cmp(&b.workstream))
        });
    }
    out
}
