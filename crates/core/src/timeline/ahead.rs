//! The problems ahead: the flags `check` shows on each day the org changes, compared day to
//! day, and the `workstream-overloaded` and `manager-overloaded` flags that end between
//! those days as ramps rise (see the module docs of `timeline`).

use super::Ahead;
use super::cause::{self, Happening};
use super::plan::Plan;
use crate::Date;
use crate::load::{LoadIndex, load_parts, overloaded};
use crate::model::{Org, within};
use crate::rules::{Flag, Rule, RuleConfig, Subject, SubjectKind, check};
use crate::snapshot::{PersonIx, Snapshot, ramp_factor};

/// Walks the horizon era by era (an era is a stretch of days with one org), carrying the
/// flags of the day before.
pub(super) struct Walker {
    from: Date,
    end: Date,
    /// The flags shown on the day before the next change day, in `check`'s order (so two
    /// days compare in one merge); `None` before `from`.
    shown: Option<Vec<Flag>>,
    out: Vec<Ahead>,
}

/// Orgs at least this large check two change days at once.
const PAIRS_FROM: usize = 2_000;

/// What every change day of an era reads.
struct Context<'x, 'a> {
    config: &'x RuleConfig,
    plan: &'x Plan<'x>,
    happenings: &'x [(Date, Happening)],
    by_workstream: AllocationsByWorkstream,
    works: cause::Works<'a>,
}

/// A flag's identity, ordered as `check` orders flags.
fn key(f: &Flag) -> (crate::rules::Severity, Rule, &Subject) {
    (f.severity, f.rule, &f.subject)
}

impl Walker {
    pub(super) fn new(from: Date, end: Date) -> Walker {
        Walker {
            from,
            end,
            shown: None,
            out: Vec::new(),
        }
    }

    /// The days `[a, b)`, on which the org is `org` with `config`.
    pub(super) fn era(
        &mut self,
        org: &Org,
        config: &RuleConfig,
        plan: &Plan<'_>,
        a: Date,
        b: Date,
    ) {
        let first = a.max(self.from);
        let last = b.min(self.end);
        if first >= last {
            return;
        }
        let happenings = cause::happenings(org, config, plan, a, first, last);
        let mut days: Vec<Date> = vec![first];
        days.extend(happenings.iter().map(|(d, _)| *d).filter(|&d| d > first));
        days.dedup();
        let context = Context {
            config,
            plan,
            happenings: &happenings,
            by_workstream: AllocationsByWorkstream::of(org),
            works: cause::Works::of(org),
        };
        let flags_on = |d: Date| {
            let s = Snapshot::new(org, d, config);
            let mut flags = check(&s, config);
            flags.dedup_by(|x, y| key(x) == key(y));
            (s, flags)
        };
        // Each day's snapshot and check is independent of the others: on a large org, two
        // days are checked at once, one on each thread, then compared in order.
        let mut k = 0;
        while k < days.len() {
            let checked = if org.people.len() >= PAIRS_FROM && k + 1 < days.len() {
                let (first, second) = std::thread::scope(|scope| {
                    let worker = scope.spawn(|| flags_on(days[k + 1]));
                    (flags_on(days[k]), worker.join())
                });
                match second {
                    Ok(second) => vec![first, second],
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            } else {
                vec![flags_on(days[k])]
            };
            for (s, now) in checked {
                let next = days.get(k + 1).copied().unwrap_or(last);
                self.day(&context, &s, now, next);
                k += 1;
            }
        }
    }

    /// Compares the flags of change day `s.as_of()` with those of the day before, then
    /// follows the overloads they show through the days before `next`, the next change day.
    fn day(&mut self, c: &Context<'_, '_>, s: &Snapshot<'_>, mut now: Vec<Flag>, next: Date) {
        let d = s.as_of();
        if let Some(before) = self.shown.take() {
            let today = cause::Day {
                config: c.config,
                happenings: day_slice(c.happenings, d),
                works: &c.works,
                plan: c.plan,
            };
            let (mut i, mut j) = (0, 0);
            while i < before.len() || j < now.len() {
                let order = match (before.get(i), now.get(j)) {
                    (Some(x), Some(y)) => key(x).cmp(&key(y)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    _ => std::cmp::Ordering::Greater,
                };
                match order {
                    std::cmp::Ordering::Less => {
                        self.out.push(cause::ends(s, &before[i], &today));
                        i += 1;
                    }
                    std::cmp::Ordering::Greater => {
                        self.out.push(cause::starts(s, &now[j], &today));
                        j += 1;
                    }
                    std::cmp::Ordering::Equal => {
                        i += 1;
                        j += 1;
                    }
                }
            }
        }
        if next > d.add_days(1) {
            let index = LoadIndex::of(s);
            let mut ended = vec![false; now.len()];
            for (f, gone) in now.iter().zip(ended.iter_mut()) {
                let end = match f.rule {
                    Rule::WorkstreamOverloaded => ramp_end(d, next, |t| {
                        workstream_overloaded(s, c.config, &c.by_workstream, &f.subject, t)
                    }),
                    Rule::ManagerOverloaded => ramp_end(d, next, |t| {
                        manager_overloaded(s, c.config, &index, &f.subject, t)
                    }),
                    _ => None,
                };
                if let Some(t) = end {
                    self.out.push(cause::ramp_ends(s, c.config, f, t));
                    *gone = true;
                }
            }
            let mut ended = ended.into_iter();
            now.retain(|_| !ended.next().unwrap_or(false));
        }
        self.shown = Some(now);
    }

    /// Every change found, by day, then as `check` orders flags.
    pub(super) fn finish(mut self) -> Vec<Ahead> {
        self.out.sort_by(|x, y| {
            (x.day(), x.severity, x.rule, &x.subject).cmp(&(
                y.day(),
                y.severity,
                y.rule,
                &y.subject,
            ))
        });
        self.out
    }
}

/// The happenings of day `d` (the list is sorted by day).
fn day_slice(happenings: &[(Date, Happening)], d: Date) -> &[(Date, Happening)] {
    let lo = happenings.partition_point(|(x, _)| *x < d);
    let hi = happenings.partition_point(|(x, _)| *x <= d);
    &happenings[lo..hi]
}

/// The first day in `(d, next)` on which a flag shown on `d` no longer holds, when
/// `holds` only ever turns from true to false as days pass (bisection, O(log days) calls).
fn ramp_end(d: Date, next: Date, holds: impl Fn(Date) -> bool) -> Option<Date> {
    let last = next.add_days(-1);
    if last <= d || holds(last) {
        return None;
    }
    // holds(lo) and !holds(hi)
    let (mut lo, mut hi) = (d.days_since_epoch(), last.days_since_epoch());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if holds(Date::from_days_since_epoch(mid)) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(Date::from_days_since_epoch(hi))
}

/// Per workstream, the indices of its allocations in the org's order (CSR), so a
/// workstream's effective FTE can be summed again, in the order the snapshot sums it.
struct AllocationsByWorkstream {
    start: Vec<u32>,
    allocations: Vec<u32>,
}

impl AllocationsByWorkstream {
    fn of(org: &Org) -> AllocationsByWorkstream {
        let index: rustc_hash::FxHashMap<&str, usize> = org
            .workstreams
            .iter()
            .enumerate()
            .rev()
            .map(|(i, w)| (w.id.as_str(), i))
            .collect();
        let n = org.workstreams.len();
        let of: Vec<Option<usize>> = org
            .allocations
            .iter()
            .map(|a| index.get(a.workstream.as_str()).copied())
            .collect();
        let mut start = vec![0u32; n + 1];
        for w in of.iter().flatten() {
            start[w + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut allocations = vec![0u32; start[n] as usize];
        for (k, w) in of.iter().enumerate() {
            if let Some(w) = *w {
                allocations[fill[w] as usize] = k as u32;
                fill[w] += 1;
            }
        }
        AllocationsByWorkstream { start, allocations }
    }

    fn of_workstream(&self, w: u32) -> &[u32] {
        let w = w as usize;
        match (self.start.get(w), self.start.get(w + 1)) {
            (Some(&a), Some(&b)) => &self.allocations[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// Whether the workstream the flag names is still overloaded on day `t`, with the
/// allocations active on the snapshot's day and each holder's ramp on `t`.
fn workstream_overloaded(
    s: &Snapshot<'_>,
    c: &RuleConfig,
    by_workstream: &AllocationsByWorkstream,
    subject: &Subject,
    t: Date,
) -> bool {
    let org = s.org();
    let Some(w) = s.workstream_ix(&subject.id) else {
        return false;
    };
    let d = s.as_of();
    // The same terms, in the same order, as the snapshot's sum.
    let mut effective = 0.0;
    for &k in by_workstream.of_workstream(w) {
        let a = &org.allocations[k as usize];
        if !within(a.start_date, a.end_date, d) {
            continue;
        }
        let Some(p) = s.person_ix(a.person.as_str()).filter(|&p| s.is_present(p)) else {
            continue;
        };
        effective += a.percent / 100.0 * ramp_factor(s.person(p), t, c);
    }
    let required = org.workstreams[w as usize].required_fte;
    let ratio = if effective > 0.0 {
        required / effective
    } else {
        f64::INFINITY
    };
    ratio > c.overload_ratio
}

/// Whether the person the flag names is still overloaded as a manager on day `t`, with the
/// snapshot's reports and each report's ramp on `t`.
fn manager_overloaded(
    s: &Snapshot<'_>,
    c: &RuleConfig,
    index: &LoadIndex,
    subject: &Subject,
    t: Date,
) -> bool {
    if subject.kind != SubjectKind::Person {
        return false;
    }
    let Some(i) = s.person_ix(&subject.id) else {
        return false;
    };
    let parts = load_parts(s, c, index, i, |r: PersonIx| ramp_factor(s.person(r), t, c));
    overloaded(parts.load, parts.capacity)
}
