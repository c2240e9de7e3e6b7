//! The swing as a user asks for it: who, which way, from which day, with which options.

use serde::{Deserialize, Serialize};

use crate::Date;
use crate::model::{PersonId, WorkstreamId};

/// Which way the person swings.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[derive(ts_rs::TS)]
pub enum SwingTo {
    Manager,
    Ic,
}

/// A swing to simulate: who, which way, from which day, and its options.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct Swing {
    pub person: PersonId,
    pub to: SwingTo,
    /// The day the swing takes effect.
    pub date: Date,
    /// To manager: the people who will report to them.
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub reports: Vec<PersonId>,
    /// To IC: who takes the reports (becoming a manager if an IC).
    #[serde(default)]
    pub successor: Option<PersonId>,
    /// To IC: workstreams the new IC joins, with the percent of a week on each.
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub join: Vec<(WorkstreamId, f64)>,
}
