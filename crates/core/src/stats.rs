//! The figures of `pendulum stats` (`docs/model.md`, `docs/cli.md`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::snapshot::Snapshot;

/// Org-wide figures as of the snapshot's day.
///
/// `headcount` counts present people who are not open roles; `managers` are those of them
/// with role manager, director or executive, `ics` the rest; spans, their mean, max and
/// histogram are over managers; `layers` is the greatest depth. Fractional figures are
/// rounded to 4 decimals so equal orgs print equal numbers.
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
}

impl Stats {
    pub fn of(s: &Snapshot<'_>) -> Stats {
        let mut st = Stats::default();
        let mut span_sum = 0u64;
        for &i in s.breadth_first() {
            st.layers = st.layers.max(s.depth(i));
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
        st.ic_capacity = round4(s.ic_capacity());
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

/// Rounds to 4 decimals (and turns -0 into 0).
pub fn round4(x: f64) -> f64 {
    let r = (x * 10_000.0).round() / 10_000.0;
    if r == 0.0 { 0.0 } else { r }
}
