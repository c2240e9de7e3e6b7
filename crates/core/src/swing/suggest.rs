//! Suggested swings (`docs/swings.md`, "Suggestions"): for each flag a swing can answer, the
//! candidate swings, each judged by the [`SwingLab`] as `simulate` would judge it, ranked.
//!
//! Candidates, dated on the lab's day, among people present that day:
//! - `pendulum-due`: the manager swings to IC with each of their [`MAX_PEOPLE`] longest-serving
//!   eligible IC reports as successor (any eligible report when none is an IC), and with no
//!   successor (reports spread over peers, as the simulation does);
//! - `span-too-narrow`: the manager swings to IC with no successor (their reports go to the
//!   peer with the smallest span), and with each of their [`MAX_PEOPLE`] peer managers of
//!   smallest span as successor;
//! - `span-too-wide`: each of the [`MAX_PEOPLE`] longest-serving eligible IC reports swings to
//!   manager and takes the fewest other reports that bring both spans within the thresholds,
//!   those who share the most workstreams with them first;
//! - `manager-overloaded`: each of those reports swings to manager and takes the fewest other
//!   reports whose weight (2 − ramp, as the load counts them) brings the manager's load within
//!   capacity (at least `min_span`, at most `manager_max_span`).
//!
//! To-IC candidates are also tried joining the workstream with the largest gap among theirs,
//! their reports' and their team's, with the part of their week not yet allocated; the
//! better of the two is kept.
//!
//! Eligible to lead: present, an IC, not an assistant, not an open role, not leaving, ramped.
//! A suggestion must resolve its own flag; two candidates that make the same edits are one.
//! Ranking: errors resolved (most first), warnings resolved, fewest flags added, least IC
//! capacity lost, fewest moves; ties by the swing's ids.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Date;
use crate::edit::Edit;
use crate::load::manager_load;
use crate::model::{PersonId, Role, Status, WorkstreamId, within};
use crate::rules::{Flag, Rule, Severity, SubjectKind};
use crate::snapshot::{PersonIx, Snapshot};
use crate::swing::lab::{SwingEffect, SwingLab};
use crate::swing::plan::draft_on;
use crate::swing::{Swing, SwingTo};

/// People tried per flag as successor or new manager: the longest-serving few, which bounds
/// the work a 500-wide team asks for.
pub const MAX_PEOPLE: usize = 3;

/// The rules a swing can answer.
pub const SUGGESTED_RULES: [Rule; 4] = [
    Rule::SpanTooWide,
    Rule::SpanTooNarrow,
    Rule::PendulumDue,
    Rule::ManagerOverloaded,
];

/// A swing as a suggestion names it: `join` as workstream → percent.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct SuggestedSwing {
    pub person: PersonId,
    pub to: SwingTo,
    /// The day it takes effect: the day suggestions were asked for.
    pub date: Date,
    pub reports: Vec<PersonId>,
    pub successor: Option<PersonId>,
    pub join: BTreeMap<String, f64>,
}

impl SuggestedSwing {
    /// The swing to simulate or apply.
    pub fn swing(&self) -> Swing {
        Swing {
            person: self.person.clone(),
            to: self.to,
            date: self.date,
            reports: self.reports.clone(),
            successor: self.successor.clone(),
            join: self
                .join
                .iter()
                .map(|(w, p)| (WorkstreamId::new(w.as_str()), *p))
                .collect(),
        }
    }

    fn of(swing: &Swing) -> SuggestedSwing {
        SuggestedSwing {
            person: swing.person.clone(),
            to: swing.to,
            date: swing.date,
            reports: swing.reports.clone(),
            successor: swing.successor.clone(),
            join: swing.join.iter().map(|(w, p)| (w.0.clone(), *p)).collect(),
        }
    }
}

/// One suggested swing for one flag, with what simulating it reports.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct Suggestion {
    /// The flag it answers.
    #[serde(rename = "for")]
    #[ts(rename = "for")]
    pub for_flag: Flag,
    pub swing: SuggestedSwing,
    pub resolves: Vec<Flag>,
    pub adds: Vec<Flag>,
    /// Reporting lines it moves.
    pub moves: u32,
    pub ic_capacity_delta: f64,
}

impl SwingLab<'_> {
    /// The best `limit` swings for every flag a swing can answer, flag by flag in reporting
    /// order.
    pub fn suggest_all(&self, limit: usize) -> Vec<Suggestion> {
        self.flags()
            .iter()
            .flat_map(|f| self.suggest(f, limit))
            .collect()
    }

    /// The best `limit` swings that resolve `flag` (none for a flag no swing answers).
    pub fn suggest(&self, flag: &Flag, limit: usize) -> Vec<Suggestion> {
        if limit == 0 || flag.subject.kind != SubjectKind::Person {
            return Vec::new();
        }
        let s = self.snapshot();
        let Some(x) = s.person_ix(&flag.subject.id).filter(|&i| s.is_present(i)) else {
            return Vec::new();
        };
        let candidates: Vec<Swing> = match flag.rule {
            Rule::PendulumDue => {
                let mut leaders = longest_first(s, eligible_reports(s, x, true));
                if leaders.is_empty() {
                    leaders = longest_first(s, eligible_reports(s, x, false));
                }
                leaders.truncate(MAX_PEOPLE);
                let mut successors: Vec<Option<PersonIx>> = leaders.into_iter().map(Some).collect();
                successors.push(None);
                self.to_ic(x, &successors)
            }
            Rule::SpanTooNarrow => {
                let mut successors: Vec<Option<PersonIx>> = vec![None];
                successors.extend(peer_managers(s, x).into_iter().map(Some));
                self.to_ic(x, &successors)
            }
            Rule::SpanTooWide => self.split(x, |lab, others| lab.take_for_span(x, others)),
            Rule::ManagerOverloaded => self.split(x, |lab, others| lab.take_for_load(x, others)),
            _ => Vec::new(),
        };
        let mut judged: Vec<(Swing, SwingEffect)> = candidates
            .into_iter()
            .filter_map(|swing| {
                let effect = self.effect(&swing).ok()?;
                let answers = effect.resolves.iter().any(|f| f.key() == flag.key());
                answers.then_some((swing, effect))
            })
            .collect();
        judged.sort_by(rank);
        // Of a swing tried without and with a join, only the better ranked is kept; and a
        // peer named as successor and the spread that picks that peer make the same edits:
        // one suggestion, the better ranked.
        let mut found: Vec<(Swing, SwingEffect, Option<Edit>)> = Vec::new();
        for (swing, effect) in judged {
            if found.iter().any(|(w, _, _)| {
                (&w.person, &w.successor, &w.reports)
                    == (&swing.person, &swing.successor, &swing.reports)
            }) {
                continue;
            }
            let edit = draft_on(self.org(), s, self.config(), &swing)
                .ok()
                .map(|p| p.edit);
            if !found
                .iter()
                .any(|(_, _, e)| e.is_some() && strip_label(e) == strip_label(&edit))
            {
                found.push((swing, effect, edit));
            }
            if found.len() == limit {
                break;
            }
        }
        found
            .into_iter()
            .map(|(swing, effect, _)| Suggestion {
                for_flag: flag.clone(),
                swing: SuggestedSwing::of(&swing),
                moves: u32::try_from(effect.moves.len()).unwrap_or(u32::MAX),
                resolves: effect.resolves,
                adds: effect.adds,
                ic_capacity_delta: effect.ic_capacity_delta,
            })
            .collect()
    }

    /// `x` swings to IC with each successor (`None`: the spread), each without and with
    /// joining the workstream with the largest gap.
    fn to_ic(&self, x: PersonIx, successors: &[Option<PersonIx>]) -> Vec<Swing> {
        let s = self.snapshot();
        let join = self.gap_to_join(x);
        let mut out = Vec::new();
        for succ in successors {
            let base = Swing {
                person: s.person(x).id.clone(),
                to: SwingTo::Ic,
                date: s.as_of(),
                reports: Vec::new(),
                successor: succ.map(|p| s.person(p).id.clone()),
                join: Vec::new(),
            };
            if let Some(j) = &join {
                out.push(Swing {
                    join: vec![j.clone()],
                    ..base.clone()
                });
            }
            out.push(base);
        }
        out
    }

    /// The active workstream with the largest gap (required − effective FTE) among those `x`
    /// or their reports work on and those their team owns, with the whole percents of `x`'s
    /// week not yet allocated (at least 10).
    fn gap_to_join(&self, x: PersonIx) -> Option<(WorkstreamId, f64)> {
        let s = self.snapshot();
        let org = self.org();
        let free = (s.person(x).fte * 100.0 - s.allocated_percent(x))
            .min(100.0)
            .floor();
        if free < 10.0 {
            return None;
        }
        let mut people: Vec<&PersonId> = vec![&s.person(x).id];
        people.extend(s.children(x).iter().map(|&r| &s.person(r).id));
        let mut workstreams: Vec<u32> = org
            .allocations
            .iter()
            .filter(|a| people.contains(&&a.person) && within(a.start_date, a.end_date, s.as_of()))
            .filter_map(|a| s.workstream_ix(a.workstream.as_str()))
            .collect();
        if let Some(team) = &s.person(x).team {
            for (w, ws) in org.workstreams.iter().enumerate() {
                if ws.team.as_ref() == Some(team) {
                    workstreams.extend(u32::try_from(w).ok());
                }
            }
        }
        workstreams.sort_unstable();
        workstreams.dedup();
        workstreams
            .into_iter()
            .filter_map(|w| {
                let load = s.workstream_load(w);
                let ws = org.workstreams.get(w as usize)?;
                let gap = ws.required_fte - load.effective_fte;
                (load.active && gap > 0.0).then_some((ws, gap))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.id.cmp(&a.0.id)))
            .map(|(ws, _)| (ws.id.clone(), free))
    }

    /// Each of `m`'s longest-serving eligible IC reports swings to manager and takes the
    /// reports `take` picks from the others (most shared workstreams first, then ICs, then
    /// by id).
    fn split(&self, m: PersonIx, take: impl Fn(&Self, &[PersonIx]) -> Option<usize>) -> Vec<Swing> {
        let s = self.snapshot();
        let mut leaders = longest_first(s, eligible_reports(s, m, true));
        leaders.truncate(MAX_PEOPLE);
        let mut out = Vec::new();
        for p in leaders {
            let mine = self.workstreams_of(p);
            let mut others: Vec<(usize, bool, PersonIx)> = s
                .children(m)
                .iter()
                .copied()
                .filter(|&r| r != p && !s.person(r).assistant)
                .map(|r| {
                    let shared = self
                        .workstreams_of(r)
                        .iter()
                        .filter(|w| mine.contains(w))
                        .count();
                    (shared, s.role(r) == Role::Ic, r)
                })
                .collect();
            others.sort_by(|a, b| {
                b.0.cmp(&a.0)
                    .then(b.1.cmp(&a.1))
                    .then_with(|| s.person(a.2).id.cmp(&s.person(b.2).id))
            });
            let order: Vec<PersonIx> = others.iter().map(|o| o.2).collect();
            let Some(n) = take(self, &order) else {
                continue;
            };
            let mut reports: Vec<PersonId> =
                order[..n].iter().map(|&r| s.person(r).id.clone()).collect();
            reports.sort();
            out.push(Swing {
                person: s.person(p).id.clone(),
                to: SwingTo::Manager,
                date: s.as_of(),
                reports,
                successor: None,
                join: Vec::new(),
            });
        }
        out
    }

    /// How many of `others` the new manager takes so both spans are within the thresholds:
    /// the excess over `m`'s maximum, at least `min_span`; none when one swing cannot do it.
    fn take_for_span(&self, m: PersonIx, others: &[PersonIx]) -> Option<usize> {
        let (s, c) = (self.snapshot(), self.config());
        let max_m = match s.role(m) {
            Role::Manager => c.manager_max_span,
            Role::Director | Role::Executive => c.director_max_span,
            Role::Ic => return None,
        };
        let take = s.span(m).saturating_sub(max_m).max(c.min_span).max(1) as usize;
        (take <= c.manager_max_span as usize && take <= others.len()).then_some(take)
    }

    /// How many of `others` the new manager takes so `m`'s load falls within their capacity:
    /// the fewest whose weights (2 − ramp) cover the excess, at least `min_span`, at most
    /// `manager_max_span`.
    fn take_for_load(&self, m: PersonIx, others: &[PersonIx]) -> Option<usize> {
        let (s, c) = (self.snapshot(), self.config());
        let load = manager_load(s, c, s.person(m).id.as_str())?;
        let mut excess = load.load - load.capacity;
        let mut take = 0;
        for &r in others {
            if excess <= 0.0 && take >= c.min_span as usize {
                break;
            }
            if !s.person(r).is_open_role() {
                excess -= 2.0 - s.ramp(r);
            }
            take += 1;
        }
        (excess <= 0.0 && take >= 1 && take <= c.manager_max_span as usize).then_some(take)
    }

    /// The workstreams a person is allocated to on the day, by index, sorted.
    fn workstreams_of(&self, p: PersonIx) -> Vec<u32> {
        let s = self.snapshot();
        let mut w: Vec<u32> = s
            .active_allocations()
            .iter()
            .filter(|&&(_, who)| who == p)
            .filter_map(|&(k, _)| {
                let a = self.org().allocations.get(k as usize)?;
                s.workstream_ix(a.workstream.as_str())
            })
            .collect();
        w.sort_unstable();
        w.dedup();
        w
    }
}

/// Present reports who could lead (ICs only when `ics`): not an assistant, not an open
/// role, not leaving, and past their ramp (a new hire is not asked to lead).
fn eligible_reports(s: &Snapshot<'_>, m: PersonIx, ics: bool) -> Vec<PersonIx> {
    s.children(m)
        .iter()
        .copied()
        .filter(|&r| {
            let p = s.person(r);
            s.is_present(r)
                && (!ics || s.role(r) == Role::Ic)
                && !p.assistant
                && p.status == Status::Active
                && s.ramp(r) >= 1.0
        })
        .collect()
}

/// Longest in the org first (earliest start date; unknown start dates last), then by id.
fn longest_first(s: &Snapshot<'_>, mut people: Vec<PersonIx>) -> Vec<PersonIx> {
    people.sort_by(|&a, &b| {
        let (pa, pb) = (s.person(a), s.person(b));
        by_tenure(pa.start_date, pb.start_date).then_with(|| pa.id.cmp(&pb.id))
    });
    people
}

fn by_tenure(a: Option<Date>, b: Option<Date>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The person's peers in the manager role (same manager), smallest span first, then by id.
fn peer_managers(s: &Snapshot<'_>, x: PersonIx) -> Vec<PersonIx> {
    let Some(m) = s.parent(x) else {
        return Vec::new();
    };
    let mut peers: Vec<PersonIx> = s
        .children(m)
        .iter()
        .copied()
        .filter(|&p| p != x && s.role(p) == Role::Manager)
        .collect();
    peers.sort_by(|&a, &b| {
        s.span(a)
            .cmp(&s.span(b))
            .then_with(|| s.person(a).id.cmp(&s.person(b).id))
    });
    peers.truncate(MAX_PEOPLE);
    peers
}

/// The ranking, better first.
fn rank(a: &(Swing, SwingEffect), b: &(Swing, SwingEffect)) -> Ordering {
    let resolved =
        |e: &SwingEffect, sev: Severity| e.resolves.iter().filter(|f| f.severity == sev).count();
    let (ea, eb) = (&a.1, &b.1);
    resolved(eb, Severity::Error)
        .cmp(&resolved(ea, Severity::Error))
        .then_with(|| resolved(eb, Severity::Warning).cmp(&resolved(ea, Severity::Warning)))
        .then_with(|| ea.adds.len().cmp(&eb.adds.len()))
        .then_with(|| eb.ic_capacity_delta.total_cmp(&ea.ic_capacity_delta))
        .then_with(|| ea.moves.len().cmp(&eb.moves.len()))
        .then_with(|| ids(&a.0).cmp(&ids(&b.0)))
}

/// A swing's ids in a fixed order, for ties: person, successor (none first), reports, joins.
fn ids(s: &Swing) -> (&str, Option<&str>, Vec<&str>, Vec<&str>) {
    (
        s.person.as_str(),
        s.successor.as_ref().map(|p| p.as_str()),
        s.reports.iter().map(|p| p.as_str()).collect(),
        s.join.iter().map(|(w, _)| w.as_str()).collect(),
    )
}

/// A batch's edits without its label (which names the successor, or not).
fn strip_label(edit: &Option<Edit>) -> Option<&[Edit]> {
    match edit {
        Some(Edit::Batch { edits, .. }) => Some(edits),
        _ => None,
    }
}
