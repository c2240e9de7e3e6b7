//! The cost waterfall between two views of an org on the same day:
//! `before + joined − left + changed = after`, exact to the cent.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Pay, has_cost};
use crate::model::{Person, PersonId};
use crate::money::{Currency, Money};
use crate::snapshot::Snapshot;

/// How the run-rate moves from one view to another.
///
/// `joined` is the cost of the people present in the second view and not in the first,
/// `left` the reverse, `changed` the sum of after − before over everyone present in both
/// (a new level, fte, cost or band). Unknown costs are 0, so the identity
/// `before + joined − left + changed = after` always holds, in exact cents.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct CostDiff {
    /// The second view's currency (the first's when the second has none).
    pub currency: Option<Currency>,
    pub before: Money,
    pub after: Money,
    pub joined: Money,
    pub left: Money,
    pub changed: Money,
    /// Present people of unknown cost in each view.
    pub unknown_before: u32,
    pub unknown_after: u32,
    /// People present in both views whose cost differs, by id.
    pub people: Vec<PersonCostChange>,
}

/// One person's annual cost before and after (`None`: unknown).
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct PersonCostChange {
    pub person: PersonId,
    pub before: Option<Money>,
    pub after: Option<Money>,
}

impl CostDiff {
    /// The waterfall from `before` to `after`, or `None` when neither view carries pay
    /// data. People are matched by id, as [`crate::diff()`] matches them.
    /// O(n log n) in the people of both views.
    pub fn between(before: &Snapshot<'_>, after: &Snapshot<'_>) -> Option<CostDiff> {
        if !has_cost(before.org()) && !has_cost(after.org()) {
            return None;
        }
        let old = costs(before);
        let new = costs(after);
        let mut d = CostDiff {
            currency: after
                .org()
                .cost
                .currency
                .clone()
                .or_else(|| before.org().cost.currency.clone()),
            ..CostDiff::default()
        };
        for (id, b) in &old {
            d.before += b.unwrap_or_default();
            d.unknown_before += u32::from(b.is_none());
            match new.get(id) {
                None => d.left += b.unwrap_or_default(),
                Some(a) => {
                    d.changed += a.unwrap_or_default() - b.unwrap_or_default();
                    if a != b {
                        d.people.push(PersonCostChange {
                            person: PersonId::new(*id),
                            before: *b,
                            after: *a,
                        });
                    }
                }
            }
        }
        for (id, a) in &new {
            d.after += a.unwrap_or_default();
            d.unknown_after += u32::from(a.is_none());
            if !old.contains_key(id) {
                d.joined += a.unwrap_or_default();
            }
        }
        Some(d)
    }

    /// `before + joined − left + changed`, which equals `after`.
    pub fn waterfall_end(&self) -> Money {
        self.before + self.joined - self.left + self.changed
    }
}

/// Present people's costs by id (the first of duplicate ids, as the snapshot resolves them).
fn costs<'a>(s: &Snapshot<'a>) -> BTreeMap<&'a str, Option<Money>> {
    let pay = Pay::of(s.org());
    let mut out = BTreeMap::new();
    for &i in s.breadth_first() {
        let p: &Person = s.person(i);
        if s.person_ix(p.id.as_str()) == Some(i) {
            out.insert(p.id.as_str(), pay.person(p));
        }
    }
    out
}
