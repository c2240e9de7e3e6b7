//! What changed between two views of an org (scenario compare; the `diff` JSON of `docs/cli.md`): people added,
//! removed, moved and changed, every figure of [`Stats`] and the flag counts before and
//! after, and the flags added and resolved.
//!
//! Used to compare scenarios and by the pendulum simulation. People are compared as they
//! are on each snapshot's day: someone not present on that day is neither added nor kept.
//! Ids are listed in string order, flags in the order [`check`] reports them, so the same
//! two views always give the same diff.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::cost::CostDiff;
use crate::model::{Person, PersonId};
use crate::rules::{Flag, FlagSummary, RuleConfig, check};
use crate::snapshot::Snapshot;
use crate::stats::Stats;

/// A reporting line that changed: `person` reported to `from` and now reports to `to`
/// (`None`: a root).
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct Move {
    pub person: PersonId,
    pub from: Option<PersonId>,
    pub to: Option<PersonId>,
}

/// A field of a person that has a new value.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct FieldChange {
    pub person: PersonId,
    /// The field's name as in [`Person`] (`title`, `role`, `fte`…).
    pub field: String,
    pub old: FieldValue,
    pub new: FieldValue,
}

/// A field's value in a [`FieldChange`]: JSON null, a boolean, a number, a string or a list
/// of ids.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
#[serde(untagged)]
#[derive(ts_rs::TS)]
pub enum FieldValue {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<String>),
}

impl fmt::Display for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Null => Ok(()),
            FieldValue::Bool(b) => write!(f, "{}", if *b { "yes" } else { "no" }),
            FieldValue::Number(n) => f.write_str(&crate::rules::num(*n)),
            FieldValue::Text(t) => f.write_str(t),
            FieldValue::List(l) => f.write_str(&l.join(", ")),
        }
    }
}

fn text(v: Option<impl ToString>) -> FieldValue {
    v.map_or(FieldValue::Null, |v| FieldValue::Text(v.to_string()))
}

/// Every compared field of a person, in a fixed order. The id is the key, the manager is
/// compared as a move, and `cost` in [`CostDiff`].
fn fields(p: &Person) -> [(&'static str, FieldValue); 15] {
    [
        ("name", FieldValue::Text(p.name.clone())),
        ("title", FieldValue::Text(p.title.clone())),
        ("role", text(p.role.map(|r| r.as_str()))),
        ("team", text(p.team.as_ref())),
        ("level", text(p.level.as_ref())),
        ("status", FieldValue::Text(p.status.as_str().to_string())),
        ("start_date", text(p.start_date)),
        ("end_date", text(p.end_date)),
        ("fte", FieldValue::Number(p.fte)),
        ("location", text(p.location.as_ref())),
        ("email", text(p.email.as_ref())),
        ("role_since", text(p.role_since)),
        ("assistant", FieldValue::Bool(p.assistant)),
        (
            "dotted_managers",
            FieldValue::List(p.dotted_managers.iter().map(|d| d.0.clone()).collect()),
        ),
        ("reramp_from", text(p.reramp_from)),
    ]
}

/// The difference between two views of an org. JSON: the `diff` shape of `docs/cli.md` plus
/// `flags_added` and `flags_resolved`.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct Diff {
    pub added: Vec<PersonId>,
    pub removed: Vec<PersonId>,
    pub moved: Vec<Move>,
    pub changed: Vec<FieldChange>,
    /// Every figure of [`Stats::metrics`], plus `errors`, `warnings` and `info` (flag counts),
    /// as `[before, after]`.
    pub metrics: BTreeMap<String, [f64; 2]>,
    pub flags_added: Vec<Flag>,
    pub flags_resolved: Vec<Flag>,
    /// The cost waterfall, when either view carries pay data. A person's `cost` is
    /// compared here, never in `changed`, so pay stays out of views that leave it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cost: Option<CostDiff>,
}

impl Diff {
    /// No person, reporting line, figure or flag differs.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.moved.is_empty()
            && self.changed.is_empty()
            && self.flags_added.is_empty()
            && self.flags_resolved.is_empty()
            && self.metrics.values().all(|[b, a]| b == a)
            && self
                .cost
                .as_ref()
                .is_none_or(|c| c.before == c.after && c.people.is_empty())
    }
}

/// Compares two views, running the rules on each with its own configuration.
/// O(n log n) in the people of both views, plus two rule checks.
pub fn diff(
    before: &Snapshot<'_>,
    after: &Snapshot<'_>,
    before_config: &RuleConfig,
    after_config: &RuleConfig,
) -> Diff {
    let before_flags = check(before, before_config);
    let after_flags = check(after, after_config);
    diff_checked(before, &before_flags, after, &after_flags)
}

/// [`diff`] for callers that have already checked both views.
pub fn diff_checked(
    before: &Snapshot<'_>,
    before_flags: &[Flag],
    after: &Snapshot<'_>,
    after_flags: &[Flag],
) -> Diff {
    let people = compare_people(&present_people(before), &present_people(after));
    let mut d = Diff {
        added: people.added,
        removed: people.removed,
        moved: people.moved,
        changed: people.changed,
        ..Diff::default()
    };

    d.cost = CostDiff::between(before, after);
    let (sb, sa) = (Stats::of(before), Stats::of(after));
    let ma = sa.metrics();
    for (name, b) in sb.metrics() {
        d.metrics.insert(
            name.to_string(),
            [b, ma.get(name).copied().unwrap_or_default()],
        );
    }
    let (fb, fa) = (FlagSummary::of(before_flags), FlagSummary::of(after_flags));
    d.metrics.insert(
        "errors".into(),
        [f64::from(fb.errors), f64::from(fa.errors)],
    );
    d.metrics.insert(
        "warnings".into(),
        [f64::from(fb.warnings), f64::from(fa.warnings)],
    );
    d.metrics
        .insert("info".into(), [f64::from(fb.info), f64::from(fa.info)]);

    let keys_before: BTreeSet<_> = before_flags.iter().map(Flag::key).collect();
    let keys_after: BTreeSet<_> = after_flags.iter().map(Flag::key).collect();
    d.flags_added = after_flags
        .iter()
        .filter(|f| !keys_before.contains(&f.key()))
        .cloned()
        .collect();
    d.flags_resolved = before_flags
        .iter()
        .filter(|f| !keys_after.contains(&f.key()))
        .cloned()
        .collect();
    d
}

/// Who is only in one list, whose manager changed and which fields changed, by id.
#[derive(Clone, PartialEq, Debug, Default, Serialize)]
pub struct PeopleChanges {
    /// Ids only in the second list, in string order.
    pub added: Vec<PersonId>,
    /// Ids only in the first list, in string order.
    pub removed: Vec<PersonId>,
    pub moved: Vec<Move>,
    pub changed: Vec<FieldChange>,
}

/// Two lists of people compared by id whatever their dates (the first of duplicate ids
/// counts): what a newer HR export changes in an org. O(n log n).
pub fn people_changes(before: &[Person], after: &[Person]) -> PeopleChanges {
    compare_people(&by_id(before), &by_id(after))
}

/// People by id, the first of duplicate ids.
fn by_id(people: &[Person]) -> BTreeMap<&str, &Person> {
    let mut out = BTreeMap::new();
    for p in people {
        out.entry(p.id.as_str()).or_insert(p);
    }
    out
}

fn compare_people(old: &BTreeMap<&str, &Person>, new: &BTreeMap<&str, &Person>) -> PeopleChanges {
    let mut c = PeopleChanges {
        added: new
            .keys()
            .filter(|id| !old.contains_key(*id))
            .map(|id| PersonId::new(*id))
            .collect(),
        removed: old
            .keys()
            .filter(|id| !new.contains_key(*id))
            .map(|id| PersonId::new(*id))
            .collect(),
        ..PeopleChanges::default()
    };
    for (id, o) in old {
        let Some(n) = new.get(id) else { continue };
        if o.manager_id != n.manager_id {
            c.moved.push(Move {
                person: o.id.clone(),
                from: o.manager_id.clone(),
                to: n.manager_id.clone(),
            });
        }
        for ((field, ov), (_, nv)) in fields(o).into_iter().zip(fields(n)) {
            if ov != nv {
                c.changed.push(FieldChange {
                    person: o.id.clone(),
                    field: field.to_string(),
                    old: ov,
                    new: nv,
                });
            }
        }
    }
    c
}

/// Present people by id (the first of duplicate ids, as [`Snapshot`] resolves them).
fn present_people<'a>(s: &Snapshot<'a>) -> BTreeMap<&'a str, &'a Person> {
    let mut out = BTreeMap::new();
    for &i in s.breadth_first() {
        let p = s.person(i);
        if s.person_ix(p.id.as_str()) == Some(i) {
            out.insert(p.id.as_str(), p);
        }
    }
    out
}
