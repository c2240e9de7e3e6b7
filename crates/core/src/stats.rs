//! The figures of `pendulum stats` and of the PDF report's summary (`docs/model.md`,
//! `docs/cli.md`): over the whole org, or over some of its people (a subtree).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::cost::CostStats;
use crate::model::Role;
use crate::snapshot::{PersonIx, Snapshot};

/// Org-wide figures as of the snapshot's day.
///
/// `headcount` counts present people who are not open roles; `managers` are those of them
/// with role manager, director or executive, `ics` the rest; spans, their mean, max and
/// histogram are over managers; `layers` is the greatest depth. Fractional figures are
/// rounded to 4 decimals so equal orgs print equal numbers. `cost` is kept out of
/// [`Stats::metrics`]: pay is shown only where asked for.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct Stats {
    pub headcount: u32,
    pub managers: u32,
    pub ics: u32,
    pub open_roles: u32,
    pub ic_capacity: f64,
    pub mean_span: f64,
    pub max_span: u32,
    pub layers: u32,
    pub span_histogram: BTreeMap<u32, u32>,
    /// Pay figures, when the org carries any cost, band or budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cost: Option<CostStats>,
}

impl Stats {
    /// The figures of the whole org on the snapshot's day.
    pub fn of(s: &Snapshot<'_>) -> Stats {
        Stats::of_people(s, s.breadth_first())
    }

    /// The figures over some present people, each listed once (a subtree a report is scoped
    /// to, say): spans are still each manager's whole span, and layers count from the
    /// shallowest of them, so a subtree's root is layer 1. O(people).
    pub fn of_people(s: &Snapshot<'_>, people: &[PersonIx]) -> Stats {
        let mut st = Stats::default();
        let mut span_sum = 0u64;
        let mut capacity = 0.0;
        let offset = layer_offset(s, people);
        for &i in people {
            st.layers = st.layers.max(s.depth(i).saturating_sub(offset));
            if s.role(i) == Role::Ic {
                capacity += s.person(i).fte * s.ramp(i);
            }
            if s.person(i).is_open_role() {
                st.open_roles += 1;
                continue;
            }
            st.headcount += 1;
            if s.role(i).leads_people() {
                st.managers += 1;
                let span = s.span(i);
                span_sum += u64::from(span);
                st.max_span = st.max_span.max(span);
                *st.span_histogram.entry(span).or_default() += 1;
            } else {
                st.ics += 1;
            }
        }
        st.ic_capacity = round4(capacity);
        st.cost = CostStats::of_people(s, people);
        st.mean_span = if st.managers == 0 {
            0.0
        } else {
            round4(span_sum as f64 / f64::from(st.managers))
        };
        st
    }

    /// Named figures, for before/after comparisons (`diff`, `simulate`).
    pub fn metrics(&self) -> BTreeMap<&'static str, f64> {
        BTreeMap::from([
            ("headcount", f64::from(self.headcount)),
            ("managers", f64::from(self.managers)),
            ("ics", f64::from(self.ics)),
            ("open_roles", f64::from(self.open_roles)),
            ("ic_capacity", self.ic_capacity),
            ("mean_span", self.mean_span),
            ("max_span", f64::from(self.max_span)),
            ("layers", f64::from(self.layers)),
        ])
    }
}

/// How many of `people` (present, each listed once) sit at each layer, open roles included:
/// index 0 is the layer of the shallowest of them, as in [`Stats::of_people`]. O(people).
pub fn people_per_layer(s: &Snapshot<'_>, people: &[PersonIx]) -> Vec<u32> {
    let offset = layer_offset(s, people);
    let mut per_layer: Vec<u32> = Vec::new();
    for &i in people {
        let at = s.depth(i).saturating_sub(offset).saturating_sub(1) as usize;
        if per_layer.len() <= at {
            per_layer.resize(at + 1, 0);
        }
        per_layer[at] += 1;
    }
    per_layer
}

/// The depth of the layer above the shallowest of `people`, so that it becomes layer 1.
fn layer_offset(s: &Snapshot<'_>, people: &[PersonIx]) -> u32 {
    people
        .iter()
        .map(|&i| s.depth(i))
        .min()
        .unwrap_or(1)
        .saturating_sub(1)
}

/// Rounds to 4 decimals (and turns -0 into 0).
pub fn round4(x: f64) -> f64 {
    let r = (x * 10_000.0).round() / 10_000.0;
    if r == 0.0 { 0.0 } else { r }
}
