//! The plan over time (`docs/model.md`, "Timeline"): month by month over a horizon, each
//! workstream's required and effective FTE and each team's headcount and IC capacity; and
//! the problems ahead, every flag that starts or stops within the horizon with the exact
//! first day.
//!
//! The months are the first day of the month the horizon starts in and of each month after.
//! The problems ahead cover the days after the viewed day up to the end of the last month:
//! a flag "starts" on the first day `check` shows it and "ends" on the first day it no longer
//! does.
//!
//! Finding them checks the org on every day it changes rather than on every day. Between
//! two such days nobody joins or leaves, no allocation, workstream or edit starts or ends,
//! and no role anniversary passes, so only ramp factors move, and they only rise: effective
//! FTE and IC capacity grow and manager loads shrink. The only flags that can change between
//! change days are therefore `workstream-overloaded` and `manager-overloaded`, and only by
//! ending; the day each ends is found by bisection on that one subject's figure, computed
//! with the very sums `check` uses. Cost: one snapshot and check per change day, plus
//! O(log days) small sums per such flag — O(change days × (people + allocations)) in all.

mod ahead;
mod cause;
mod plan;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use plan::{Plan, Walk};

use crate::model::{Org, TeamId, WorkstreamId};
use crate::rules::{Rule, RuleConfig, Severity, Subject};
use crate::snapshot::Snapshot;
use crate::stats::round4;
use crate::{Date, Role};

/// Everything the timeline shows (`pendulum timeline --format json`).
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct Timeline {
    /// The viewed day the horizon starts from.
    pub from: Date,
    /// The first day of each month shown.
    pub months: Vec<Date>,
    /// Every workstream of the org at any point of the horizon, by id.
    pub workstreams: Vec<WorkstreamSeries>,
    /// Every team of the org at any point of the horizon, by id.
    pub teams: Vec<TeamSeries>,
    /// Each flag that starts or ends after `from` and before the horizon's end, by day,
    /// then as `check` orders flags.
    pub ahead: Vec<Ahead>,
}

/// One workstream, month by month.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct WorkstreamSeries {
    pub id: WorkstreamId,
    pub name: String,
    pub team: Option<TeamId>,
    /// Required FTE while the workstream is active that day, else 0.
    pub required: Vec<f64>,
    /// Σ percent / 100 × ramp factor over its active allocations.
    pub effective: Vec<f64>,
    pub staffing: Vec<Staffing>,
}

/// How a month's effective FTE meets what the workstream requires.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Staffing {
    /// Nothing required and nobody on it (inactive, or paused).
    None,
    /// The rules flag it: required / effective FTE above `overload_ratio`, or nobody on it.
    Gap,
    /// Below what it requires, within `overload_ratio`.
    Tight,
    /// At least what it requires, up to `overload_ratio` times that.
    Fine,
    /// More than `overload_ratio` times what it requires (or people on work needing none).
    Over,
}

impl Staffing {
    /// How `effective` FTE meets `required`, with the `workstream-overloaded` threshold.
    pub fn of(required: f64, effective: f64, overload_ratio: f64) -> Staffing {
        if required <= 0.0 {
            return if effective > 0.0 {
                Staffing::Over
            } else {
                Staffing::None
            };
        }
        let ratio = if effective > 0.0 {
            required / effective
        } else {
            f64::INFINITY
        };
        if ratio > overload_ratio {
            Staffing::Gap
        } else if effective < required {
            Staffing::Tight
        } else if effective > required * overload_ratio {
            Staffing::Over
        } else {
            Staffing::Fine
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Staffing::None => "none",
            Staffing::Gap => "gap",
            Staffing::Tight => "tight",
            Staffing::Fine => "fine",
            Staffing::Over => "over",
        }
    }
}

/// One team, month by month.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct TeamSeries {
    pub id: TeamId,
    /// Present people in the team who are not open roles.
    pub headcount: Vec<u32>,
    /// Σ fte × ramp factor over the team's present people with role `ic`.
    pub ic_capacity: Vec<f64>,
    /// Σ required FTE of the team's active workstreams.
    pub required: Vec<f64>,
}

/// A flag that starts or ends within the horizon.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct Ahead {
    pub rule: Rule,
    pub severity: Severity,
    pub subject: Subject,
    /// The first day the flag shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts: Option<Date>,
    /// The first day the flag no longer shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<Date>,
    /// What happens and why: "Postgres 16 upgrade becomes unstaffed on 2027-05-01: Deepa
    /// Krishnan's allocation ends."
    pub message: String,
    /// The flag's own message (on the day it starts, or the last day it shows).
    pub detail: String,
}

impl Ahead {
    /// The day it starts or ends.
    pub fn day(&self) -> Date {
        self.starts
            .or(self.ends)
            .unwrap_or(Date::from_days_since_epoch(0))
    }
}

/// The timeline of `plan` over `months` months from the viewed day `from`.
pub fn timeline(plan: &Plan<'_>, from: Date, months: u32) -> Timeline {
    let start = from.first_of_month();
    let end = start.add_months(months as i32);
    let month_days: Vec<Date> = (0..months as i32).map(|k| start.add_months(k)).collect();
    let mut series = Series::new(month_days.len());
    let mut ahead = ahead::Walker::new(from, end);

    let mut era_days = vec![start];
    era_days.extend(plan.edit_days(start, end));
    let mut walk = Walk::start(*plan, start);
    for (k, &a) in era_days.iter().enumerate() {
        let b = era_days.get(k + 1).copied().unwrap_or(end);
        walk.advance(a);
        let (org, config) = (walk.org(), walk.config());
        series.names(org);
        for (m, &day) in month_days.iter().enumerate() {
            if a <= day && day < b {
                series.month(m, &Snapshot::new(org, day, config), config);
            }
        }
        ahead.era(org, config, plan, a, b);
    }
    Timeline {
        from,
        months: month_days,
        workstreams: series.workstreams.into_values().collect(),
        teams: series.teams.into_values().collect(),
        ahead: ahead.finish(),
    }
}

/// The series being filled, month by month.
struct Series {
    months: usize,
    workstreams: BTreeMap<WorkstreamId, WorkstreamSeries>,
    teams: BTreeMap<TeamId, TeamSeries>,
}

impl Series {
    fn new(months: usize) -> Series {
        Series {
            months,
            workstreams: BTreeMap::new(),
            teams: BTreeMap::new(),
        }
    }

    /// Every workstream and team of `org` gets a row (named as this era names it).
    fn names(&mut self, org: &Org) {
        let n = self.months;
        for w in &org.workstreams {
            let row = self
                .workstreams
                .entry(w.id.clone())
                .or_insert_with(|| WorkstreamSeries {
                    id: w.id.clone(),
                    name: String::new(),
                    team: None,
                    required: vec![0.0; n],
                    effective: vec![0.0; n],
                    staffing: vec![Staffing::None; n],
                });
            row.name = w.name.clone();
            row.team = w.team.clone();
        }
        // Each team id once (people name their team over and over), then into the map.
        let mut named: rustc_hash::FxHashSet<&TeamId> = rustc_hash::FxHashSet::default();
        named.extend(org.teams.iter().map(|t| &t.id));
        named.extend(org.people.iter().filter_map(|p| p.team.as_ref()));
        named.extend(org.workstreams.iter().filter_map(|w| w.team.as_ref()));
        for id in named {
            if !self.teams.contains_key(id) {
                self.teams.insert(
                    id.clone(),
                    TeamSeries {
                        id: id.clone(),
                        headcount: vec![0; n],
                        ic_capacity: vec![0.0; n],
                        required: vec![0.0; n],
                    },
                );
            }
        }
    }

    fn month(&mut self, m: usize, s: &Snapshot<'_>, config: &RuleConfig) {
        let org = s.org();
        let mut teams: rustc_hash::FxHashMap<&TeamId, (u32, f64, f64)> =
            rustc_hash::FxHashMap::default();
        for &i in s.breadth_first() {
            let p = s.person(i);
            let Some(team) = &p.team else { continue };
            let t = teams.entry(team).or_default();
            if !p.is_open_role() {
                t.0 += 1;
            }
            if s.role(i) == Role::Ic {
                t.1 += p.fte * s.ramp(i);
            }
        }
        for (wi, w) in org.workstreams.iter().enumerate() {
            let load = s.workstream_load(wi as u32);
            // Duplicate ids are refused on import; the first one is the one figures name.
            if s.workstream_ix(w.id.as_str()) != Some(wi as u32) {
                continue;
            }
            let required = if load.active { w.required_fte } else { 0.0 };
            if let Some(team) = &w.team {
                teams.entry(team).or_default().2 += required;
            }
            if let Some(row) = self.workstreams.get_mut(&w.id) {
                row.required[m] = round4(required);
                row.effective[m] = round4(load.effective_fte);
                row.staffing[m] = Staffing::of(required, load.effective_fte, config.overload_ratio);
            }
        }
        for (id, (headcount, capacity, required)) in teams {
            if let Some(row) = self.teams.get_mut(id) {
                row.headcount[m] = headcount;
                row.ic_capacity[m] = round4(capacity);
                row.required[m] = round4(required);
            }
        }
    }
}
