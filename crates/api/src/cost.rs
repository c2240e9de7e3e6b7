//! Cost use cases that need more than one view of an org: the fiscal-year projection of a
//! document's scenario (each month as that scenario stands on the month's first day) and a
//! scenario compared with the baseline (waterfall and both projections).

use pendulum_core::cost::{fiscal_year_start, projection, projection_by_month};
use pendulum_core::{CostDiff, Date, Org, Projection, Snapshot};
use pendulum_store::{Document, ScenarioId};
use serde::Serialize;

use crate::error::ApiResult;

/// A scenario's cost against another's on one day: the waterfall, and both fiscal years
/// month by month. `None` parts when neither side carries pay data.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct CostCompare {
    pub waterfall: Option<CostDiff>,
    pub before: Option<Projection>,
    pub after: Option<Projection>,
}

/// The first day of the fiscal year holding `as_of`, by the org's own fiscal year setting.
pub fn fiscal_start_of(org: &Org, as_of: Date) -> Date {
    fiscal_year_start(as_of, org.cost.fiscal_start_month())
}

/// The fiscal year holding `as_of`, month by month, for a scenario of an open document:
/// month m is computed on the scenario as of m's first day, so a dated edit counts from the
/// first month that starts on or after its date.
pub fn scenario_projection(
    doc: &mut Document,
    scenario: ScenarioId,
    as_of: Date,
) -> ApiResult<Projection> {
    let current = doc
        .view(scenario, Some(as_of))?
        .org
        .cost
        .fiscal_start_month();
    let start = fiscal_year_start(as_of, current);
    let mut dates = doc.effective_dates(scenario)?;
    dates.sort_unstable();
    // Months that see the same dated edits share one org; most plans have none in a year.
    let mut orgs: Vec<Org> = Vec::new();
    let mut month_org: Vec<usize> = Vec::with_capacity(12);
    let mut last_key = None;
    for k in 0..12 {
        let first = start.add_months(k);
        let key = dates.partition_point(|d| *d <= first);
        if last_key != Some(key) {
            orgs.push(doc.view(scenario, Some(first))?.org.clone());
            last_key = Some(key);
        }
        month_org.push(orgs.len() - 1);
    }
    let months: Vec<&Org> = month_org.iter().map(|&i| &orgs[i]).collect();
    Ok(projection_by_month(start, &months))
}

/// The projection of an org without dated edits (a CSV or JSON source): people's own dates
/// decide when they cost.
pub fn org_projection(org: &Org, as_of: Date) -> Projection {
    projection(org, fiscal_start_of(org, as_of))
}

/// Scenario `after` against `before` on `as_of`: the waterfall and both projections, each
/// only when its side carries pay data.
pub fn compare(
    doc: &mut Document,
    before: ScenarioId,
    after: ScenarioId,
    as_of: Date,
) -> ApiResult<CostCompare> {
    let b = doc.view(before, Some(as_of))?.into_owned();
    let a = doc.view(after, Some(as_of))?.into_owned();
    let waterfall = CostDiff::between(
        &Snapshot::new(&b.org, as_of, &b.config),
        &Snapshot::new(&a.org, as_of, &a.config),
    );
    let paid = |org: &Org| pendulum_core::cost::has_cost(org);
    Ok(CostCompare {
        before: if paid(&b.org) {
            Some(scenario_projection(doc, before, as_of)?)
        } else {
            None
        },
        after: if paid(&a.org) {
            Some(scenario_projection(doc, after, as_of)?)
        } else {
            None
        },
        waterfall,
    })
}
