//! Calendar dates as a day count, so comparisons and differences are integer operations.
//!
//! Core never reads the clock: every "as of" date is passed in by the caller.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A proleptic-Gregorian calendar date, stored as days since 1970-01-01.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ts_rs::TS)]
#[ts(type = "string", rename = "IsoDate")]
pub struct Date(i32);

/// Why a string is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("expected a date as YYYY-MM-DD (or an ISO timestamp), found {0:?}")]
    Format(String),
    #[error("{0:?} is not a day of the calendar")]
    NoSuchDay(String),
}

const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;

impl Date {
    /// Builds a date from year, month (1–12) and day (1–31); `None` if no such day exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
    }

    /// Year, month and day of this date.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The day count since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i32 {
        self.0
    }

    pub fn from_days_since_epoch(days: i32) -> Date {
        Date(days)
    }

    /// Whole days from `earlier` to `self` (negative when `earlier` is later).
    pub fn days_since(self, earlier: Date) -> i64 {
        i64::from(self.0) - i64::from(earlier.0)
    }

    pub fn add_days(self, days: i32) -> Date {
        Date(self.0.saturating_add(days))
    }

    /// The same day `months` months later; the last day of the month when it does not exist
    /// (Jan 31 + 1 month = Feb 28 or 29). Saturates at the calendar's first and last months
    /// (January 1 and December 9999), so a later month is never an earlier day.
    pub fn add_months(self, months: i32) -> Date {
        let (y, m, d) = self.ymd();
        // In i64 so that any number of months saturates instead of overflowing; the month
        // index is clamped whole, not its year alone (which wrapped 9999-12 + 1 to 9999-01).
        let total = (i64::from(y) * 12 + i64::from(m) - 1 + i64::from(months))
            .clamp(i64::from(MIN_YEAR) * 12, i64::from(MAX_YEAR) * 12 + 11);
        let ny = total.div_euclid(12) as i32;
        let nm = (total.rem_euclid(12) + 1) as u32;
        let nd = d.min(days_in_month(ny, nm));
        Date(days_from_civil(ny, nm, nd))
    }

    pub fn add_years(self, years: i32) -> Date {
        self.add_months(years.saturating_mul(12))
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        let (y, m, _) = self.ymd();
        Date(days_from_civil(y, m, 1))
    }

    /// Parses `YYYY-MM-DD`, or an ISO-8601 timestamp whose date part is that
    /// (`2003-07-16T19:00:00.000Z`, `2003-07-16 19:00`): the date is taken as written,
    /// without converting time zones.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let s = text.trim();
        let date_part = match s.find(['T', 't', ' ']) {
            Some(i) if i == 10 => {
                let rest = &s[i + 1..];
                if rest.is_empty() || !rest.as_bytes()[0].is_ascii_digit() {
                    return Err(DateError::Format(text.to_string()));
                }
                &s[..i]
            }
            Some(_) => return Err(DateError::Format(text.to_string())),
            None => s,
        };
        let b = date_part.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format(text.to_string()));
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let mut v = 0u32;
            for &c in &b[r] {
                if !c.is_ascii_digit() {
                    return None;
                }
                v = v * 10 + u32::from(c - b'0');
            }
            Some(v)
        };
        let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
            return Err(DateError::Format(text.to_string()));
        };
        Date::from_ymd(y as i32, m, d).ok_or_else(|| DateError::NoSuchDay(text.to_string()))
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain), in i32.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_timestamps() {
        assert_eq!(
            Date::parse("2027-03-01").map(|d| d.to_string()),
            Ok("2027-03-01".into())
        );
        assert_eq!(
            Date::parse("2003-07-16T19:00:00.000Z").map(|d| d.to_string()),
            Ok("2003-07-16".into())
        );
        assert_eq!(
            Date::parse("2003-07-16 19:00").map(|d| d.ymd()),
            Ok((2003, 7, 16))
        );
        assert!(matches!(
            Date::parse("2023-02-29"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(
            Date::parse("03/01/2027"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(Date::parse("2027-3-1"), Err(DateError::Format(_))));
        assert!(matches!(
            Date::parse("2027-03-01T"),
            Err(DateError::Format(_))
        ));
        assert!(matches!(Date::parse(""), Err(DateError::Format(_))));
        assert!(matches!(
            Date::parse("２０２７-03-01"),
            Err(DateError::Format(_))
        ));
    }

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        let start = Date::from_ymd(1900, 1, 1).map(|d| d.0).unwrap_or_default();
        for z in start..start + 146_097 {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        let d = Date::parse("2024-01-31").unwrap_or(Date(0));
        assert_eq!(d.add_months(1).to_string(), "2024-02-29");
        assert_eq!(d.add_months(13).to_string(), "2025-02-28");
        assert_eq!(d.add_months(-2).to_string(), "2023-11-30");
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.add_years(3).to_string()),
            Ok("2027-02-28".into())
        );
    }

    #[test]
    fn month_arithmetic_saturates_at_the_calendars_ends_without_wrapping() {
        let last = Date::parse("9999-12-15").unwrap_or(Date(0));
        assert_eq!(last.add_months(1).to_string(), "9999-12-15");
        assert_eq!(last.add_months(i32::MAX).to_string(), "9999-12-15");
        let near = Date::parse("9999-10-31").unwrap_or(Date(0));
        assert_eq!(near.add_months(1).to_string(), "9999-11-30");
        assert_eq!(near.add_months(5).to_string(), "9999-12-31");
        let first = Date::parse("0001-02-20").unwrap_or(Date(0));
        assert_eq!(first.add_months(-1).to_string(), "0001-01-20");
        assert_eq!(first.add_months(-13).to_string(), "0001-01-20");
        assert_eq!(first.add_months(i32::MIN).to_string(), "0001-01-20");
        // Never earlier for more months: every month count from -30 to 30 on both ends.
        for d in [last, near, first] {
            for k in -30..30 {
                assert!(d.add_months(k) <= d.add_months(k + 1), "{d} + {k}");
            }
        }
    }
}
