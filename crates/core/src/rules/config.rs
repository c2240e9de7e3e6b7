//! The thresholds every rule and the pendulum simulation read, their defaults and their
//! ranges (`docs/rules.md`, "Thresholds").

use serde::{Deserialize, Serialize};

/// Every threshold of the rules and of the pendulum simulation, with the defaults of `docs/rules.md`.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[derive(ts_rs::TS)]
pub struct RuleConfig {
    /// `span-too-wide` for role manager: span above this.
    pub manager_max_span: u32,
    /// `span-too-wide` for role director or executive: span above this.
    pub director_max_span: u32,
    /// `span-too-narrow`: a manager or director with 1 ≤ span below this.
    pub min_span: u32,
    /// `too-many-layers`: a tree deeper than this.
    pub max_layers: u32,
    /// `workstream-overloaded`: required / effective FTE above this.
    pub overload_ratio: f64,
    /// `migrations-in-flight`: a team owning more active migrations than this.
    pub max_migrations: u32,
    /// `pendulum-due`: a manager or director in the role for more than this many years.
    pub pendulum_years: u32,
    /// Days for a new person to reach full productivity.
    pub ramp_days: u32,
    /// A swing to manager keeps this fraction of the person's allocations.
    pub manager_ic_fraction: f64,
    /// A swing back to IC re-ramps over this many days.
    pub ic_reramp_days: u32,
    /// Months in a swing report's timeline.
    pub horizon_months: u32,
    /// `manager-overloaded`: the load, in report-equivalents, a manager with no hands-on
    /// work can carry.
    pub manager_capacity: f64,
    /// Manager load: report-equivalents per open role a manager hires for.
    pub hiring_weight: f64,
    /// Manager load: report-equivalents per dotted-line report.
    pub dotted_weight: f64,
    /// `over-budget`: percent a team's run-rate may exceed its budget by.
    pub budget_tolerance: f64,
}

impl Default for RuleConfig {
    fn default() -> Self {
        RuleConfig {
            manager_max_span: 5,
            director_max_span: 5,
            min_span: 2,
            max_layers: 6,
            overload_ratio: 1.25,
            max_migrations: 1,
            pendulum_years: 3,
            ramp_days: 90,
            manager_ic_fraction: 0.2,
            ic_reramp_days: 60,
            horizon_months: 12,
            budget_tolerance: 0.0,
            manager_capacity: 6.0,
            hiring_weight: 1.0,
            dotted_weight: 0.5,
        }
    }
}

impl RuleConfig {
    /// Fields whose values make no sense, as (field, message); empty when usable.
    pub fn validate(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if !(self.overload_ratio.is_finite() && self.overload_ratio > 0.0) {
            out.push((
                "overload_ratio".into(),
                format!("must be a number > 0, found {}", self.overload_ratio),
            ));
        }
        if !(0.0..=1.0).contains(&self.manager_ic_fraction) {
            out.push((
                "manager_ic_fraction".into(),
                format!(
                    "must be between 0 and 1, found {}",
                    self.manager_ic_fraction
                ),
            ));
        }
        if self.max_layers == 0 {
            out.push(("max_layers".into(), "must be at least 1".into()));
        }
        if !(self.budget_tolerance.is_finite() && (0.0..=1000.0).contains(&self.budget_tolerance)) {
            out.push((
                "budget_tolerance".into(),
                format!(
                    "must be a number from 0 to 1000, found {}",
                    self.budget_tolerance
                ),
            ));
        }
        for (field, value, min, max) in [
            ("manager_capacity", self.manager_capacity, 1.0, 100.0),
            ("hiring_weight", self.hiring_weight, 0.0, 10.0),
            ("dotted_weight", self.dotted_weight, 0.0, 10.0),
        ] {
            if !(value.is_finite() && (min..=max).contains(&value)) {
                out.push((
                    field.into(),
                    format!("must be a number from {min} to {max}, found {value}"),
                ));
            }
        }
        if self.horizon_months > 600 {
            out.push((
                "horizon_months".into(),
                format!("must be at most 600, found {}", self.horizon_months),
            ));
        }
        out
    }
}
