//! What "today" is for the person at the keyboard: the calendar day in their time zone, not
//! UTC's (in Sydney or San Francisco the two differ for hours every day).
//!
//! Only the front ends call this, once per command or session, and pass the day on as a
//! date: the api's use cases and core never read a clock.

use chrono::Datelike;
use pendulum_core::Date;

/// Today's date in the local time zone (the `TZ` variable, else the system's zone).
pub fn local_today() -> Date {
    let now = chrono::Local::now().date_naive();
    Date::from_ymd(now.year(), now.month(), now.day()).unwrap_or_else(utc_today)
}

/// The UTC day, for a local date outside the calendar Pendulum knows (years 1–9999).
fn utc_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch(i32::try_from(secs / 86_400).unwrap_or(0))
}
