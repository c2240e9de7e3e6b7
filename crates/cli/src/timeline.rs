//! `pendulum timeline` as text: a compact month grid (effective FTE per workstream with gaps
//! marked; headcount and IC capacity per team) and the problems ahead.

use std::fmt::Write as _;
use std::path::Path;

use pendulum_core::rules::num;
use pendulum_core::{Staffing, Timeline};

use crate::output::Paint;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Width of one month's column.
const CELL: usize = 7;

fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n >= width {
        text.chars().take(width).collect()
    } else {
        format!("{text}{}", " ".repeat(width - n))
    }
}

fn right(text: &str, width: usize) -> String {
    let n = text.chars().count();
    format!("{}{text}", " ".repeat(width.saturating_sub(n)))
}

/// The grid's header: "Mar'27", then "Apr", …, with the year again in each January.
fn header(t: &Timeline, label: usize) -> String {
    let mut s = " ".repeat(label);
    for (k, m) in t.months.iter().enumerate() {
        let (y, mo, _) = m.ymd();
        let name = MONTHS[(mo as usize).saturating_sub(1) % 12];
        let cell = if k == 0 || mo == 1 {
            format!("{name}'{:02}", y.rem_euclid(100))
        } else {
            name.to_string()
        };
        s.push_str(&right(&cell, CELL));
    }
    s
}

/// A month's effective FTE and its mark: `!` a gap, `~` tight, `+` over; `·` for a month
/// that requires nothing and has nobody.
fn cell(effective: f64, staffing: Staffing, paint: &Paint) -> String {
    let (text, mark) = match staffing {
        Staffing::None => ("·".to_string(), ""),
        Staffing::Gap => (num(effective), "!"),
        Staffing::Tight => (num(effective), "~"),
        Staffing::Fine => (num(effective), " "),
        Staffing::Over => (num(effective), "+"),
    };
    let plain = right(&format!("{text}{mark}"), CELL);
    match staffing {
        Staffing::Gap => paint.error(&plain),
        Staffing::None => paint.dim(&plain),
        _ => plain,
    }
}

pub fn timeline_text(t: &Timeline, path: &Path, paint: &Paint) -> String {
    let mut s = String::new();
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let _ = writeln!(
        s,
        "{} {} {}",
        paint.bold("Pendulum timeline"),
        paint.dim("·"),
        paint.dim(&format!(
            "{name} · from {} · {} months",
            t.from,
            t.months.len()
        ))
    );

    let label = t
        .workstreams
        .iter()
        .map(|w| w.id.as_str().chars().count() + 6)
        .chain(t.teams.iter().map(|x| x.id.as_str().chars().count()))
        .max()
        .unwrap_or(10)
        .clamp(14, 34)
        + 2;
    let _ = writeln!(
        s,
        "\n{} {}",
        paint.bold("Workstreams"),
        paint.dim(
            "effective FTE on the 1st of each month (! gap, ~ tight, + over, · nothing needed)"
        )
    );
    let _ = writeln!(s, "{}", paint.dim(&header(t, label)));
    for w in &t.workstreams {
        let needs = w.required.iter().copied().fold(0.0, f64::max);
        let head = format!("{} {}", w.id, paint.dim(&format!("({})", num(needs))));
        let shown = format!("{} ({})", w.id, num(needs));
        let mut line = head;
        line.push_str(&" ".repeat(label.saturating_sub(shown.chars().count())));
        for (e, st) in w.effective.iter().zip(&w.staffing) {
            line.push_str(&cell(*e, *st, paint));
        }
        let _ = writeln!(s, "{}", line.trim_end());
    }
    if t.workstreams.is_empty() {
        let _ = writeln!(s, "  {}", paint.dim("none"));
    }

    let _ = writeln!(
        s,
        "\n{} {}",
        paint.bold("Teams"),
        paint.dim("people (not open roles), then IC capacity in FTE")
    );
    let _ = writeln!(s, "{}", paint.dim(&header(t, label)));
    for team in &t.teams {
        let mut people = pad(team.id.as_str(), label);
        for h in &team.headcount {
            people.push_str(&right(&h.to_string(), CELL));
        }
        let _ = writeln!(s, "{}", people.trim_end());
        let mut capacity = paint.dim(&pad("  IC capacity", label));
        for c in &team.ic_capacity {
            capacity.push_str(&right(&num(*c), CELL));
        }
        let _ = writeln!(s, "{}", capacity.trim_end());
    }
    if t.teams.is_empty() {
        let _ = writeln!(s, "  {}", paint.dim("none"));
    }

    let _ = writeln!(s, "\n{} ({})", paint.bold("Problems ahead"), t.ahead.len());
    for a in &t.ahead {
        let (sign, day) = match (a.starts, a.ends) {
            (Some(d), _) => ("+", d),
            (None, Some(d)) => ("−", d),
            (None, None) => (" ", t.from),
        };
        let rule = paint.severity(a.severity, a.rule.as_str());
        let _ = writeln!(s, "  {day} {sign} {rule}  {}", a.message);
    }
    if t.ahead.is_empty() {
        let _ = writeln!(
            s,
            "  {}",
            paint.dim("no flag starts or ends in these months")
        );
    }
    s
}
