//! The month-by-month cost of a fiscal year, each person pro-rated by the days they are
//! present.
//!
//! A person present on `k` of the fiscal year's `D` days costs `annual × k / D` over the
//! year. So that twelve rounded months add up to that exactly, each month is the
//! difference of two cumulative amounts: month m costs
//! `round(annual × days present up to m's end / D) − round(annual × days present before m / D)`.
//! Someone present all year therefore costs exactly their annual cost.

use serde::{Deserialize, Serialize};

use super::Pay;
use crate::Date;
use crate::model::Org;
use crate::money::{Currency, Money};

/// One month of a [`Projection`].
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct MonthCost {
    /// `YYYY-MM`.
    pub month: String,
    pub cost: Money,
    /// People present some day of the month whose cost is unknown.
    pub unknown: u32,
}

/// A fiscal year's cost, month by month.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct Projection {
    pub currency: Option<Currency>,
    /// The fiscal year's first day (the first of its start month).
    pub start: Date,
    /// The first day after it.
    pub end: Date,
    pub months: Vec<MonthCost>,
    /// Σ of the months.
    pub total: Money,
}

/// The first day of the fiscal year holding `day`, for a year starting in `start_month`
/// (1–12; out-of-range values are taken as January).
pub fn fiscal_year_start(day: Date, start_month: u32) -> Date {
    let start_month = if (1..=12).contains(&start_month) {
        start_month
    } else {
        1
    };
    let (y, m, _) = day.ymd();
    let year = if m >= start_month { y } else { y - 1 };
    Date::from_ymd(year, start_month, 1).unwrap_or_else(|| day.first_of_month())
}

/// The projection of one org over the fiscal year starting on `start`: people's own dates
/// decide when they cost.
pub fn projection(org: &Org, start: Date) -> Projection {
    projection_by_month(start, &[org; 12])
}

/// The projection over the fiscal year starting on `start`, month k computed on
/// `months[k]` (a scenario as of that month's first day, so dated edits count from their
/// month). Months beyond the slice use its last org; an empty slice gives zero months.
/// O(12 × people).
pub fn projection_by_month(start: Date, months: &[&Org]) -> Projection {
    let end = start.add_months(12);
    let year_days = end.days_since(start);
    let mut out = Projection {
        currency: months.last().and_then(|o| o.cost.currency.clone()),
        start,
        end,
        months: Vec::with_capacity(12),
        total: Money::ZERO,
    };
    let Some(&last) = months.last() else {
        return out;
    };
    for k in 0..12 {
        let org = months.get(k).copied().unwrap_or(last);
        let first = start.add_months(k as i32);
        let next = start.add_months(k as i32 + 1);
        let pay = Pay::of(org);
        let mut month = MonthCost {
            month: {
                let (y, m, _) = first.ymd();
                format!("{y:04}-{m:02}")
            },
            cost: Money::ZERO,
            unknown: 0,
        };
        for p in &org.people {
            let days_in = days_present(p.start_date, p.end_date, first, next);
            if days_in == 0 {
                continue;
            }
            let Some(annual) = pay.person(p) else {
                month.unknown += 1;
                continue;
            };
            let before = days_present(p.start_date, p.end_date, start, first);
            let through = before + days_in;
            month.cost += annual.pro_rata(through, year_days) - annual.pro_rata(before, year_days);
        }
        out.total += month.cost;
        out.months.push(month);
    }
    out
}

/// Days of `[from, to)` on which someone present from `start` until `end` (exclusive) is
/// present.
fn days_present(start: Option<Date>, end: Option<Date>, from: Date, to: Date) -> i64 {
    let a = start.map_or(from, |s| s.max(from));
    let b = end.map_or(to, |e| e.min(to));
    b.days_since(a).max(0)
}
