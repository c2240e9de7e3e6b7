//! Every threshold of the rules and of the pendulum simulation: its default, its documented
//! range and the label the app shows, declared once in the `thresholds!` table below.
//!
//! A value outside its range is refused wherever it comes from — a rule-configuration file,
//! an edit sent over IPC, a JSON export, a document made elsewhere — with a message naming
//! the field and the range (`pendulum_years must be a whole number from 0 to 100, found
//! 3000000000`). Deserialising a [`RuleConfig`] or a [`RuleChange`] checks ranges, so no
//! out-of-range value gets past serde. `docs/rules.md` lists the same table (a test keeps
//! them equal).
//!
//! Adding a threshold is one line of the table: field, edit variant, type (`u32` or `f64`),
//! default, range, label and meaning.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

/// One threshold as documented: name, range, default, label and meaning.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Threshold {
    /// The field's name in [`RuleConfig`] and in rule-configuration files.
    pub name: &'static str,
    /// Whole numbers only.
    pub whole: bool,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    /// How the app's thresholds panel names it.
    pub label: &'static str,
    /// What it governs.
    pub doc: &'static str,
}

impl Threshold {
    /// The threshold named `name`, if there is one.
    pub fn named(name: &str) -> Option<&'static Threshold> {
        THRESHOLDS.iter().find(|t| t.name == name)
    }

    /// "a whole number from 1 to 1000" / "a number from 0.1 to 100".
    pub fn range_text(&self) -> String {
        let kind = if self.whole {
            "a whole number"
        } else {
            "a number"
        };
        format!("{kind} from {} to {}", self.min, self.max)
    }

    /// Whether `value` is allowed.
    pub fn admits(&self, value: f64) -> bool {
        value.is_finite()
            && (self.min..=self.max).contains(&value)
            && (!self.whole || value.fract() == 0.0)
    }

    /// `Ok(value)` when allowed, else the error naming the field and its range.
    pub fn check(&self, value: f64) -> Result<f64, OutOfRange> {
        if self.admits(value) {
            Ok(value)
        } else {
            Err(OutOfRange {
                field: self.name,
                message: format!("must be {}, found {value}", self.range_text()),
            })
        }
    }
}

/// A threshold value outside its documented range (or of the wrong kind).
#[derive(Clone, PartialEq, Eq, Debug, thiserror::Error)]
#[error("{field} {message}")]
pub struct OutOfRange {
    pub field: &'static str,
    /// "must be a whole number from 1 to 1000, found -1".
    pub message: String,
}

/// How a threshold's value converts from the number a user gave.
trait ThresholdValue: Copy {
    fn from_checked(v: f64) -> Self;
    fn to_f64(self) -> f64;
}

impl ThresholdValue for u32 {
    fn from_checked(v: f64) -> Self {
        // Only called on values within a range that lies inside u32, whole.
        v as u32
    }
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
}

impl ThresholdValue for f64 {
    fn from_checked(v: f64) -> Self {
        v
    }
    fn to_f64(self) -> f64 {
        self
    }
}

macro_rules! thresholds {
    ($(
        $field:ident, $variant:ident, $ty:ident, $default:literal, $min:literal ..= $max:literal,
        $label:literal, $doc:literal;
    )*) => {
        /// Every threshold of the rules and of the pendulum simulation, with SPEC's defaults.
        /// Deserialising checks each value against its range; missing fields take their
        /// default and unknown ones are refused.
        #[derive(Clone, PartialEq, Debug, Serialize, ts_rs::TS)]
        pub struct RuleConfig {
            $(#[doc = concat!(" ", $doc)] pub $field: $ty,)*
        }

        impl Default for RuleConfig {
            fn default() -> Self {
                RuleConfig { $($field: $default,)* }
            }
        }

        /// The documented thresholds, in the order of [`RuleConfig`]'s fields.
        pub const THRESHOLDS: &[Threshold] = &[$(Threshold {
            name: stringify!($field),
            whole: stringify!($ty).as_bytes()[0] == b'u',
            default: $default as f64,
            min: $min as f64,
            max: $max as f64,
            label: $label,
            doc: $doc,
        },)*];

        impl RuleConfig {
            /// The value of the threshold `name`, as a number.
            pub fn get(&self, name: &str) -> Option<f64> {
                match name {
                    $(stringify!($field) => Some(ThresholdValue::to_f64(self.$field)),)*
                    _ => None,
                }
            }

            /// Sets the threshold `name`, refusing a value outside its range (and a name that
            /// is no threshold).
            pub fn set(&mut self, name: &str, value: f64) -> Result<(), OutOfRange> {
                let Some(t) = Threshold::named(name) else {
                    return Err(unknown(name));
                };
                let value = t.check(value)?;
                match name {
                    $(stringify!($field) => self.$field = <$ty as ThresholdValue>::from_checked(value),)*
                    _ => return Err(unknown(name)),
                }
                Ok(())
            }
        }

        /// A new value for one threshold of [`RuleConfig`], as an edit carries it:
        /// `{"field": "manager_max_span", "value": 7}`. Deserialising checks the range.
        #[derive(Clone, Copy, PartialEq, Debug, Serialize)]
        #[serde(tag = "field", content = "value", rename_all = "snake_case")]
        #[derive(ts_rs::TS)]
        pub enum RuleChange {
            $($variant($ty),)*
        }

        impl RuleChange {
            /// The field's name as in [`RuleConfig`].
            pub fn field(&self) -> &'static str {
                match self {
                    $(RuleChange::$variant(_) => stringify!($field),)*
                }
            }

            /// The new value, as a number.
            pub fn value(&self) -> f64 {
                match self {
                    $(RuleChange::$variant(v) => ThresholdValue::to_f64(*v),)*
                }
            }

            /// The change of `field` to `value`, when `value` is within the field's range.
            pub fn new(field: &str, value: f64) -> Result<RuleChange, OutOfRange> {
                let Some(t) = Threshold::named(field) else {
                    return Err(unknown(field));
                };
                let value = t.check(value)?;
                match field {
                    $(stringify!($field) => Ok(RuleChange::$variant(
                        <$ty as ThresholdValue>::from_checked(value),
                    )),)*
                    _ => Err(unknown(field)),
                }
            }
        }
    };
}

// field, edit variant, type, default, range, label in the app, meaning.
thresholds! {
    manager_max_span, ManagerMaxSpan, u32, 5, 1..=1000, "Manager span, most", "`span-too-wide` for role manager: a span above this.";
    director_max_span, DirectorMaxSpan, u32, 5, 1..=1000, "Director span, most", "`span-too-wide` for role director or executive: a span above this.";
    min_span, MinSpan, u32, 2, 1..=100, "Span, fewest", "`span-too-narrow`: a manager or director with 1 ≤ span below this.";
    max_layers, MaxLayers, u32, 6, 1..=1000, "Layers, most", "`too-many-layers`: a tree deeper than this.";
    overload_ratio, OverloadRatio, f64, 1.25, 0.1..=100, "Overload ratio", "`workstream-overloaded`: required / effective FTE above this.";
    max_migrations, MaxMigrations, u32, 1, 0..=1000, "Migrations per team", "`migrations-in-flight`: a team owning more active migrations than this.";
    pendulum_years, PendulumYears, u32, 3, 0..=100, "Years before a swing", "`pendulum-due`: a manager or director in the role for more than this many years.";
    ramp_days, RampDays, u32, 90, 0..=3650, "Ramp-up days", "Days for a new person to reach full productivity.";
    manager_ic_fraction, ManagerIcFraction, f64, 0.2, 0..=1, "IC work kept by a new manager", "A swing to manager keeps this fraction of the person's allocations.";
    ic_reramp_days, IcRerampDays, u32, 60, 0..=3650, "Re-ramp days after a swing to IC", "A swing back to IC re-ramps over this many days.";
    horizon_months, HorizonMonths, u32, 12, 1..=120, "Timeline months", "Months in a swing report's timeline, and the months pendulum timeline covers unless told.";
    manager_capacity, ManagerCapacity, f64, 6.0, 1..=100, "Manager capacity, reports", "`manager-overloaded`: the load, in report-equivalents, a manager with no hands-on work can carry.";
    hiring_weight, HiringWeight, f64, 1.0, 0..=10, "Load per open role", "Manager load: report-equivalents per open role a manager hires for.";
    dotted_weight, DottedWeight, f64, 0.5, 0..=10, "Load per dotted-line report", "Manager load: report-equivalents per dotted-line report.";
    budget_tolerance, BudgetTolerance, f64, 0.0, 0..=1000, "Budget tolerance, percent", "`over-budget`: the percent a team's run-rate may exceed its budget by.";
}

fn unknown(name: &str) -> OutOfRange {
    let known: Vec<&str> = THRESHOLDS.iter().map(|t| t.name).collect();
    OutOfRange {
        field: "rules",
        message: format!("has no threshold {name:?} (known: {})", known.join(", ")),
    }
}

impl RuleConfig {
    /// Fields whose values are out of range, as (field, message); empty when usable. A
    /// config deserialised or built through [`RuleConfig::set`] is always usable; this
    /// catches one assembled field by field in code.
    pub fn validate(&self) -> Vec<(String, String)> {
        THRESHOLDS
            .iter()
            .filter_map(|t| {
                let v = self.get(t.name)?;
                t.check(v).err().map(|e| (e.field.to_string(), e.message))
            })
            .collect()
    }
}

/// A threshold's value as given: a number, or what else was found in its place (so the
/// error can name the field and its range either way).
enum Given {
    Number(f64),
    Other(&'static str),
}

impl Given {
    fn check(self, name: &str) -> Result<f64, OutOfRange> {
        let t = Threshold::named(name).ok_or_else(|| unknown(name))?;
        match self {
            Given::Number(v) => t.check(v),
            Given::Other(found) => Err(OutOfRange {
                field: t.name,
                message: format!("must be {}, found {found}", t.range_text()),
            }),
        }
    }
}

impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Given, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Given;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Given, E> {
                Ok(Given::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Given, E> {
                Ok(Given::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Given, E> {
                Ok(Given::Number(v))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Given, E> {
                Ok(Given::Other("text"))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Given, E> {
                Ok(Given::Other("true or false"))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Given, E> {
                Ok(Given::Other("null"))
            }
            fn visit_none<E: de::Error>(self) -> Result<Given, E> {
                Ok(Given::Other("null"))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Given, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Given::Other("a list"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Given, A::Error> {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Given::Other("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RuleConfig {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RuleConfig, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RuleConfig;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of rule thresholds, such as {\"manager_max_span\": 7}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RuleConfig, A::Error> {
                let mut config = RuleConfig::default();
                while let Some(name) = map.next_key::<String>()? {
                    if Threshold::named(&name).is_none() {
                        return Err(de::Error::custom(unknown(&name)));
                    }
                    let value = map
                        .next_value::<Given>()?
                        .check(&name)
                        .map_err(de::Error::custom)?;
                    config.set(&name, value).map_err(de::Error::custom)?;
                }
                Ok(config)
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for RuleChange {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RuleChange, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            field: String,
            value: Given,
        }
        let raw = Raw::deserialize(d)?;
        let value = raw.value.check(&raw.field).map_err(de::Error::custom)?;
        RuleChange::new(&raw.field, value).map_err(de::Error::custom)
    }
}

impl RuleChange {
    /// Applies the change to `config` (its value was range-checked when it was made).
    pub(crate) fn set(self, config: &mut RuleConfig) -> Result<(), OutOfRange> {
        config.set(self.field(), self.value())
    }
}
