//! A swing proven on a copy of the org and reported: before and after, flags, moves, and a
//! month-by-month timeline.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Date;
use crate::apply::apply;
use crate::cost::{CostDiff, WorkstreamCost, workstream_costs};
use crate::diff::{Move, diff_checked};
use crate::edit::Edit;
use crate::load::{ManagerLoad, manager_load};
use crate::model::{Org, PersonId, WorkstreamId, within};
use crate::money::Money;
use crate::rules::{Flag, RuleConfig, check};
use crate::snapshot::Snapshot;
use crate::stats::{Stats, round4};
use crate::swing::plan::{SwingError, SwingPlan, draft};
use crate::swing::{Swing, SwingTo};

/// One month of the timeline: IC capacity and each affected workstream's effective FTE,
/// after the swing and (for comparison) without it.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct TimelinePoint {
    /// `YYYY-MM`.
    pub month: String,
    /// The day the figures are computed for (the swing's day of the month, clamped).
    pub date: Date,
    pub ic_capacity: f64,
    pub workstreams: BTreeMap<String, f64>,
    pub ic_capacity_before: f64,
    pub workstreams_before: BTreeMap<String, f64>,
}

/// One person's manager load before and after a swing (`None`: they carry none).
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct SwingLoad {
    pub person: PersonId,
    pub before: Option<ManagerLoad>,
    pub after: Option<ManagerLoad>,
}

/// Everything a swing does (the `simulate` JSON of `docs/cli.md`).
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct SwingReport {
    pub swing: Swing,
    pub as_of: Date,
    pub before: Stats,
    pub after: Stats,
    pub flags_added: Vec<Flag>,
    pub flags_resolved: Vec<Flag>,
    pub moves: Vec<Move>,
    pub timeline: Vec<TimelinePoint>,
    /// The manager load of whoever the swing gives reports to (the person, on a swing to
    /// manager; the successor, or each peer or manager who takes reports, on a swing to IC),
    /// before and after, as of `as_of`.
    #[serde(default)]
    pub loads: Vec<SwingLoad>,
    /// The edit that applies the swing to a scenario ([`Edit::Swing`]).
    pub edit: Edit,
    /// What the swing does to cost, when the org carries pay data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cost: Option<SwingCost>,
}

/// A swing's cost effect. A swing keeps everyone's level, so the run-rate does not move
/// (management is not a promotion); the swinging people's cost moves between workstreams
/// with their allocations.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct SwingCost {
    pub run_rate: CostDiff,
    /// Each affected workstream's annual cost `[before, after]`, by id.
    pub workstreams: BTreeMap<String, [Money; 2]>,
}

/// Plans a swing on the org as of the swing's date, and proves that its edits apply before
/// anyone sees them. Never changes `org`.
pub fn plan(org: &Org, config: &RuleConfig, swing: &Swing) -> Result<SwingPlan, SwingError> {
    let plan = draft(org, config, swing)?;
    let (mut o, mut c) = (org.clone(), config.clone());
    apply(&mut o, &mut c, &plan.edit)?;
    Ok(plan)
}

/// Simulates a swing: the org before and after as of `as_of`, the flags it adds and
/// resolves, the lines it moves, and the month-by-month timeline. Never changes `org`.
pub fn simulate(
    org: &Org,
    config: &RuleConfig,
    swing: &Swing,
    as_of: Date,
) -> Result<SwingReport, SwingError> {
    // Before the swing's day the org has not changed yet: an "after" would be a state that
    // never exists.
    if swing.date > as_of {
        return Err(SwingError::NotYet {
            date: swing.date,
            as_of,
        });
    }
    let plan = plan(org, config, swing)?;
    let (mut after_org, mut after_config) = (org.clone(), config.clone());
    apply(&mut after_org, &mut after_config, &plan.edit)?;

    let before_snap = Snapshot::new(org, as_of, config);
    let after_snap = Snapshot::new(&after_org, as_of, &after_config);
    let before_flags = check(&before_snap, config);
    let after_flags = check(&after_snap, &after_config);
    let d = diff_checked(&before_snap, &before_flags, &after_snap, &after_flags);

    let affected = affected_workstreams(org, &after_org, swing);
    let mut timeline = Vec::with_capacity(config.horizon_months as usize);
    for k in 0..config.horizon_months {
        let day = swing.date.add_months(k as i32);
        let (y, m, _) = day.ymd();
        let b = Snapshot::new(org, day, config);
        let a = Snapshot::new(&after_org, day, &after_config);
        let fte = |s: &Snapshot<'_>| -> BTreeMap<String, f64> {
            affected
                .iter()
                .filter_map(|w| {
                    s.workstream_ix(w.as_str())
                        .map(|i| (w.0.clone(), round4(s.workstream_load(i).effective_fte)))
                })
                .collect()
        };
        timeline.push(TimelinePoint {
            month: format!("{y:04}-{m:02}"),
            date: day,
            ic_capacity: round4(a.ic_capacity()),
            workstreams: fte(&a),
            ic_capacity_before: round4(b.ic_capacity()),
            workstreams_before: fte(&b),
        });
    }
    let cost = CostDiff::between(&before_snap, &after_snap).map(|run_rate| SwingCost {
        run_rate,
        workstreams: workstream_cost_pairs(&affected, &before_snap, &after_snap),
    });
    let mut leaders: Vec<&PersonId> = Vec::new();
    match swing.to {
        SwingTo::Manager => leaders.push(&swing.person),
        SwingTo::Ic => {
            for m in &plan.moves {
                if let Some(to) = &m.to
                    && !leaders.contains(&to)
                {
                    leaders.push(to);
                }
            }
        }
    }
    let loads = leaders
        .into_iter()
        .map(|id| SwingLoad {
            person: id.clone(),
            before: manager_load(&before_snap, config, id.as_str()),
            after: manager_load(&after_snap, &after_config, id.as_str()),
        })
        .collect();
    Ok(SwingReport {
        cost,
        swing: swing.clone(),
        as_of,
        before: Stats::of(&before_snap),
        after: Stats::of(&after_snap),
        flags_added: d.flags_added,
        flags_resolved: d.flags_resolved,
        moves: plan.moves,
        timeline,
        loads,
        edit: Edit::Swing {
            swing: swing.clone(),
        },
    })
}

/// Each workstream's annual cost before and after, for the affected ones.
fn workstream_cost_pairs(
    affected: &[WorkstreamId],
    before: &Snapshot<'_>,
    after: &Snapshot<'_>,
) -> BTreeMap<String, [Money; 2]> {
    let (wb, wa) = (workstream_costs(before), workstream_costs(after));
    let annual = |s: &Snapshot<'_>, costs: &[WorkstreamCost], w: &WorkstreamId| {
        s.workstream_ix(w.as_str())
            .and_then(|i| costs.get(i as usize))
            .map_or(Money::ZERO, |c| c.annual)
    };
    affected
        .iter()
        .map(|w| (w.0.clone(), [annual(before, &wb, w), annual(after, &wa, w)]))
        .collect()
}

/// Workstreams whose staffing the swing touches: those of the person and of anyone whose
/// role changes, before or after, in id order.
fn affected_workstreams(before: &Org, after: &Org, swing: &Swing) -> Vec<WorkstreamId> {
    let mut people = vec![&swing.person];
    if let Some(s) = &swing.successor {
        people.push(s);
    }
    let mut out: Vec<WorkstreamId> = before
        .allocations
        .iter()
        .chain(after.allocations.iter())
        .filter(|a| people.contains(&&a.person) && within(None, a.end_date, swing.date))
        .map(|a| a.workstream.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}
