//! The plan over time as the window's Timeline view shows it: the current scenario's
//! staffing month by month and its problems ahead, computed as `pendulum timeline` computes
//! them for a document scenario (its applied edits on their days), and the same for a
//! scenario compared with.

use pendulum_core::{Date, Timeline};
use serde::{Deserialize, Serialize};

use super::Session;
use crate::error::ApiResult;
use crate::timeline::{MAX_MONTHS, check_months, dated_scenario, timeline_of};

/// What the Timeline view asks for.
#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct TimelineRequest {
    /// The day the horizon starts from; `None`: the session's as-of day.
    pub from: Option<Date>,
    /// How many months (1 to 120); `None`: the scenario's `horizon_months` on `from`.
    pub months: Option<u32>,
    /// A scenario whose timeline comes along over the same months, to compare with.
    pub against: Option<String>,
}

/// The current scenario's timeline, and the one it is compared with.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct TimelineShown {
    /// The current scenario.
    pub scenario: String,
    pub timeline: Timeline,
    /// The scenario compared with; `None` when the request named none, the current one, or
    /// one that no longer exists.
    pub against: Option<String>,
    /// Its timeline over the same months.
    pub compared: Option<Timeline>,
}

impl Session {
    /// The current scenario's timeline from `request.from` (default the viewed day), and the
    /// compared scenario's over the same months. Changes nothing, not even the viewed day.
    pub fn timeline(&mut self, request: &TimelineRequest) -> ApiResult<TimelineShown> {
        let from = request.from.unwrap_or(self.as_of);
        let info = self.info()?;
        let against = request.against.as_deref().filter(|name| {
            *name != info.scenario && info.scenarios.iter().any(|s| s.name == *name)
        });
        let open = self.open_mut()?;
        let months = match request.months {
            Some(n) => check_months(n)?,
            // The threshold allows 0 and up to 600; the view always shows at least a month.
            None => open
                .doc
                .view(open.scenario, Some(from))?
                .config
                .horizon_months
                .clamp(1, MAX_MONTHS),
        };
        let timeline = timeline_of(&dated_scenario(&open.doc, open.scenario)?, from, months)?;
        let compared = match against {
            Some(name) => {
                let id = open.doc.scenario(name)?;
                Some(timeline_of(&dated_scenario(&open.doc, id)?, from, months)?)
            }
            None => None,
        };
        Ok(TimelineShown {
            scenario: info.scenario,
            timeline,
            against: compared.as_ref().and(against.map(str::to_owned)),
            compared,
        })
    }
}
