//! Words and numbers as the report prints them: dates, counts, plurals and people's names.

use pendulum_core::{Date, PersonIx, Snapshot};

use crate::text::clean;

/// "1 March 2027".
pub(crate) fn long_date(d: Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (y, m, day) = d.ymd();
    let month = MONTHS
        .get(m.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("");
    format!("{day} {month} {y}")
}

/// Thousands separated by commas, for counts in prose.
pub(crate) fn count(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 person", "2,000 people".
pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", count(n), if n == 1 { one } else { many })
}

/// A person's name, cleaned of bidi controls.
pub(super) fn person_label(snap: &Snapshot<'_>, p: PersonIx) -> String {
    clean(&snap.person(p).name)
}

/// "Name (id)" from this view, else from the one compared with, else the bare id.
pub(super) fn name_of(snap: &Snapshot<'_>, before: Option<&Snapshot<'_>>, id: &str) -> String {
    let from = |s: &Snapshot<'_>| {
        s.person_ix(id)
            .map(|p| format!("{} ({id})", s.person(p).name))
    };
    from(snap)
        .or_else(|| before.and_then(from))
        .unwrap_or_else(|| id.to_owned())
}
