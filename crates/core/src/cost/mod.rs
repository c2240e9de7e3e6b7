//! What people cost (see `docs/model.md`, "Cost"): a person's own annual `cost`, or their
//! level's band × fte; the run-rate on a day; each workstream's cost; budgets per team and
//! for the whole org; a cost diff between two views ([`CostDiff`]) and a month-by-month
//! projection over a fiscal year ([`projection`]).
//!
//! Every amount is [`Money`], an exact count of cents: a product (band × fte, cost ×
//! percent, pro-rating by days) is rounded to the cent once per person or allocation, and
//! sums are exact. A person whose cost is neither on file nor given by a band is
//! **unknown**: counted, and 0 in every sum.

mod diff;
mod projection;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::model::{Org, Person, TeamId, within};
use crate::money::{Currency, MAX_CENTS, Money};
use crate::snapshot::{PersonIx, Snapshot};

pub use diff::{CostDiff, PersonCostChange};
pub use projection::{MonthCost, Projection, fiscal_year_start, projection, projection_by_month};

/// The budget key that stands for the whole org (`*` in a budgets file).
pub const WHOLE_ORG: &str = "*";

/// A document's pay settings: its currency, bands, budgets and fiscal year.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct CostSettings {
    /// One ISO 4217 currency for every amount of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Level → annual cost of a full-time role, in the order given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub bands: Vec<Band>,
    /// Annual budgets of teams, and of the whole org under [`WHOLE_ORG`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub budgets: Vec<Budget>,
    /// The month (1–12) the fiscal year starts in; January when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year_start: Option<u32>,
}

/// The annual cost of a full-time role at a level.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct Band {
    pub level: String,
    pub annual_cost: Money,
}

/// The annual budget of a team, or of the whole org when `team` is [`WHOLE_ORG`].
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct Budget {
    pub team: TeamId,
    pub annual_budget: Money,
}

impl CostSettings {
    pub fn is_empty(&self) -> bool {
        *self == CostSettings::default()
    }

    /// The band of a level, matched ignoring case and surrounding spaces.
    pub fn band(&self, level: &str) -> Option<&Band> {
        self.band_index(level).map(|i| &self.bands[i])
    }

    /// Where the band of a level is in [`CostSettings::bands`].
    pub fn band_index(&self, level: &str) -> Option<usize> {
        let key = level_key(level);
        self.bands.iter().position(|b| level_key(&b.level) == key)
    }

    /// The budget of a team (or of the whole org, for [`WHOLE_ORG`]).
    pub fn budget(&self, team: &str) -> Option<Money> {
        self.budgets
            .iter()
            .find(|b| b.team.as_str() == team)
            .map(|b| b.annual_budget)
    }

    /// The first month of the fiscal year, 1–12.
    pub fn fiscal_start_month(&self) -> u32 {
        self.fiscal_year_start.unwrap_or(1)
    }

    /// Structural faults, reported through `bad(field, message)` (see [`Org::validate`]).
    pub(crate) fn validate(
        &self,
        teams: &rustc_hash::FxHashSet<&str>,
        bad: &mut impl FnMut(String, String),
    ) {
        let mut levels: FxHashMap<String, usize> = FxHashMap::default();
        for (i, b) in self.bands.iter().enumerate() {
            if b.level.trim().is_empty() {
                bad(
                    format!("cost.bands[{i}].level"),
                    "a band needs a level".into(),
                );
            } else if let Some(first) = levels.insert(level_key(&b.level), i) {
                bad(
                    format!("cost.bands[{i}].level"),
                    format!(
                        "level {:?} has a band already (cost.bands[{first}])",
                        b.level
                    ),
                );
            }
            if let Some(m) = check_amount(b.annual_cost) {
                bad(format!("cost.bands[{i}].annual_cost"), m);
            }
        }
        let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, b) in self.budgets.iter().enumerate() {
            let team = b.team.as_str();
            if team != WHOLE_ORG && !teams.contains(team) {
                bad(
                    format!("cost.budgets[{i}].team"),
                    format!("no team is named {team:?} (use {WHOLE_ORG:?} for the whole org)"),
                );
            } else if let Some(first) = seen.insert(team, i) {
                bad(
                    format!("cost.budgets[{i}].team"),
                    format!("team {team:?} has a budget already (cost.budgets[{first}])"),
                );
            }
            if let Some(m) = check_amount(b.annual_budget) {
                bad(format!("cost.budgets[{i}].annual_budget"), m);
            }
        }
        if let Some(m) = self.fiscal_year_start
            && !(1..=12).contains(&m)
        {
            bad(
                "cost.fiscal_year_start".into(),
                format!("must be a month from 1 to 12, found {m}"),
            );
        }
    }
}

/// Why an amount a user gave cannot be a cost, band or budget (`None`: it can).
pub fn check_amount(m: Money) -> Option<String> {
    if m.is_negative() {
        Some(format!("must be 0 or more, found {m}"))
    } else if m.cents() > MAX_CENTS {
        Some(format!(
            "must be at most {}, found {m}",
            Money::from_cents(MAX_CENTS)
        ))
    } else {
        None
    }
}

fn level_key(level: &str) -> String {
    level.trim().to_lowercase()
}

/// Whether an org carries any pay data: a person's cost, a band or a budget. Figures,
/// diffs and exports show cost only then.
pub fn has_cost(org: &Org) -> bool {
    !org.cost.bands.is_empty()
        || !org.cost.budgets.is_empty()
        || org.people.iter().any(|p| p.cost.is_some())
}

/// Removes every piece of pay data from an org: people's own costs, bands, budgets, the
/// currency and the fiscal year. What an export that was not asked for cost starts from, so
/// no amount, budget flag or waterfall can reach it.
pub fn strip_pay(org: &mut Org) {
    for p in &mut org.people {
        p.cost = None;
    }
    org.cost = CostSettings::default();
}

/// Looks up what each person costs: built once per org, then O(1) per person.
#[derive(Debug)]
pub struct Pay {
    bands: FxHashMap<String, Money>,
}

impl Pay {
    pub fn of(org: &Org) -> Pay {
        let mut bands = FxHashMap::default();
        for b in &org.cost.bands {
            bands.entry(level_key(&b.level)).or_insert(b.annual_cost);
        }
        Pay { bands }
    }

    /// A person's annual cost: their own `cost`, else their level's band × fte; `None` when
    /// unknown. An open role costs the same, counted from its start date by presence.
    pub fn person(&self, p: &Person) -> Option<Money> {
        if p.cost.is_some() {
            return p.cost;
        }
        if self.bands.is_empty() {
            return None;
        }
        let band = self.bands.get(&level_key(p.level.as_deref()?))?;
        Some(band.times(p.fte))
    }
}

/// The cost figures of a view on its day, in `stats`.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct CostStats {
    pub currency: Option<Currency>,
    /// The run-rate: Σ annual cost of the people present (open roles from their start).
    pub annual: Money,
    /// Present people and open roles whose cost is unknown (0 in every sum).
    pub unknown: u32,
    /// Run-rate by team, for every team with someone present or a budget.
    pub by_team: BTreeMap<String, Money>,
    /// Present people of unknown cost, by team (teams with none are left out).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub unknown_by_team: BTreeMap<String, u32>,
    /// Annual budgets by team, `*` for the whole org.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub budgets: BTreeMap<String, Money>,
}

impl CostStats {
    /// The figures of a view, or `None` when its org carries no pay data ([`has_cost`]).
    pub fn of(s: &Snapshot<'_>) -> Option<CostStats> {
        CostStats::of_people(s, s.breadth_first())
    }

    /// The figures over some present people, each listed once (a subtree, say): run-rate
    /// and unknowns over them, by their teams; budgets are the org's.
    pub fn of_people(s: &Snapshot<'_>, people: &[PersonIx]) -> Option<CostStats> {
        let org = s.org();
        if !has_cost(org) {
            return None;
        }
        let pay = Pay::of(org);
        let mut st = CostStats {
            currency: org.cost.currency.clone(),
            budgets: org
                .cost
                .budgets
                .iter()
                .map(|b| (b.team.0.clone(), b.annual_budget))
                .collect(),
            ..CostStats::default()
        };
        for b in &org.cost.budgets {
            if b.team.as_str() != WHOLE_ORG {
                st.by_team.entry(b.team.0.clone()).or_default();
            }
        }
        for &i in people {
            let p = s.person(i);
            let cost = pay.person(p);
            if cost.is_none() {
                st.unknown += 1;
            }
            st.annual += cost.unwrap_or_default();
            if let Some(team) = &p.team {
                *st.by_team.entry(team.0.clone()).or_default() += cost.unwrap_or_default();
                if cost.is_none() {
                    *st.unknown_by_team.entry(team.0.clone()).or_default() += 1;
                }
            }
        }
        Some(st)
    }
}

/// Run-rate of every team with a budget, and of the whole org when it has one, as
/// (team, run-rate, budget) in budget order. Empty when no budget is set.
pub fn budget_lines<'a>(s: &Snapshot<'a>) -> Vec<(&'a str, Money, Money)> {
    let org = s.org();
    if org.cost.budgets.is_empty() {
        return Vec::new();
    }
    let pay = Pay::of(org);
    let mut by_team: FxHashMap<&str, Money> = FxHashMap::default();
    let mut total = Money::ZERO;
    for &i in s.breadth_first() {
        let p = s.person(i);
        let cost = pay.person(p).unwrap_or_default();
        total += cost;
        if let Some(team) = &p.team {
            *by_team.entry(team.as_str()).or_default() += cost;
        }
    }
    org.cost
        .budgets
        .iter()
        .map(|b| {
            let team = b.team.as_str();
            let run_rate = if team == WHOLE_ORG {
                total
            } else {
                by_team.get(team).copied().unwrap_or_default()
            };
            (team, run_rate, b.annual_budget)
        })
        .collect()
}

/// What a workstream costs on the view's day.
#[derive(Clone, Copy, PartialEq, Debug, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct WorkstreamCost {
    /// Σ over its active allocations of percent / 100 × the person's annual cost.
    pub annual: Money,
    /// Active allocations whose person's cost is unknown.
    pub unknown: u32,
}

/// The cost of every workstream, in [`Org::workstreams`] order. An allocation counts when
/// it is active as for effective FTE: its dates and its workstream's cover the day and its
/// person is present.
pub fn workstream_costs(s: &Snapshot<'_>) -> Vec<WorkstreamCost> {
    let org = s.org();
    let pay = Pay::of(org);
    let mut out = vec![WorkstreamCost::default(); org.workstreams.len()];
    for a in &org.allocations {
        if !within(a.start_date, a.end_date, s.as_of()) {
            continue;
        }
        let Some(wi) = s.workstream_ix(a.workstream.as_str()) else {
            continue;
        };
        if !s.workstream_load(wi).active {
            continue;
        }
        let Some(pi) = s.person_ix(a.person.as_str()).filter(|&i| s.is_present(i)) else {
            continue;
        };
        let w = &mut out[wi as usize];
        match pay.person(s.person(pi)) {
            Some(cost) => w.annual += cost.times(a.percent / 100.0),
            None => w.unknown += 1,
        }
    }
    out
}
