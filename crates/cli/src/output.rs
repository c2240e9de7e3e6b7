//! Text output a person enjoys reading: grouped, aligned, coloured on a terminal, plain when
//! piped (or when NO_COLOR is set).

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::Path;

use pendulum_api::{CheckReport, Loaded, StatsReport};
use pendulum_core::{Rule, Severity};

/// ANSI styling, on only for a terminal without NO_COLOR.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    on: bool,
}

impl Paint {
    pub fn stdout() -> Paint {
        Paint {
            on: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }
    pub fn stderr() -> Paint {
        Paint {
            on: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        }
    }
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    pub fn bold(&self, t: &str) -> String {
        self.wrap("1", t)
    }
    pub fn dim(&self, t: &str) -> String {
        self.wrap("2", t)
    }
    pub fn error(&self, t: &str) -> String {
        self.wrap("1;31", t)
    }
    fn severity(&self, s: Severity, t: &str) -> String {
        match s {
            Severity::Error => self.wrap("1;31", t),
            Severity::Warning => self.wrap("1;33", t),
            Severity::Info => self.wrap("1;36", t),
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn count(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn check_text(report: &CheckReport, loaded: &Loaded, path: &Path, paint: &Paint) -> String {
    let mut s = String::new();
    let (mut people, mut open) = (0u32, 0u32);
    for p in loaded
        .org
        .people
        .iter()
        .filter(|p| p.is_present(report.as_of))
    {
        if p.is_open_role() {
            open += 1
        } else {
            people += 1
        }
    }
    let mut counts = count(people, "person", "people");
    if open > 0 {
        counts = format!("{counts} · {}", count(open, "open role", "open roles"));
    }
    let _ = writeln!(
        s,
        "{} {} {}",
        paint.bold("Pendulum check"),
        paint.dim("·"),
        paint.dim(&format!(
            "{} · as of {} · {counts}",
            file_name(path),
            report.as_of
        ))
    );
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let of_severity: Vec<_> = report
            .flags
            .iter()
            .filter(|f| f.severity == severity)
            .collect();
        if of_severity.is_empty() {
            continue;
        }
        let heading = match severity {
            Severity::Error => "Errors",
            Severity::Warning => "Warnings",
            Severity::Info => "Info",
        };
        let _ = writeln!(
            s,
            "\n{} ({})",
            paint.severity(severity, heading),
            of_severity.len()
        );
        for rule in Rule::ALL {
            let flags: Vec<_> = of_severity.iter().filter(|f| f.rule == rule).collect();
            if flags.is_empty() {
                continue;
            }
            let _ = writeln!(
                s,
                "  {} {}",
                paint.bold(rule.as_str()),
                paint.dim(&format!("({})", flags.len()))
            );
            let width = flags
                .iter()
                .map(|f| f.subject.id.chars().count())
                .max()
                .unwrap_or(0)
                .min(24);
            for f in flags {
                let id = &f.subject.id;
                let pad = width.saturating_sub(id.chars().count());
                let _ = writeln!(s, "    {}{}  {}", paint.dim(id), " ".repeat(pad), f.message);
            }
        }
    }
    let sum = &report.summary;
    let verdict = if sum.errors > 0 {
        paint.error("✗")
    } else {
        paint.severity(Severity::Info, "✓")
    };
    let _ = writeln!(
        s,
        "\n{verdict} {} · {} · {}",
        count(sum.errors, "error", "errors"),
        count(sum.warnings, "warning", "warnings"),
        count(sum.info, "info", "info")
    );
    s
}

pub fn stats_text(report: &StatsReport, path: &Path, paint: &Paint) -> String {
    let st = &report.stats;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} {}",
        paint.bold("Pendulum stats"),
        paint.dim("·"),
        paint.dim(&format!("{} · as of {}", file_name(path), report.as_of))
    );
    let rows: [(&str, String); 8] = [
        ("headcount", st.headcount.to_string()),
        ("managers", st.managers.to_string()),
        ("ICs", st.ics.to_string()),
        ("open roles", st.open_roles.to_string()),
        ("IC capacity (FTE)", format!("{:.2}", st.ic_capacity)),
        ("mean span", format!("{:.2}", st.mean_span)),
        ("max span", st.max_span.to_string()),
        ("layers", st.layers.to_string()),
    ];
    s.push('\n');
    for (label, value) in rows {
        let _ = writeln!(s, "  {label:<18} {}", paint.bold(&format!("{value:>8}")));
    }
    if !st.span_histogram.is_empty() {
        let _ = writeln!(s, "\n  {}", paint.bold("span of managers"));
        let most = st
            .span_histogram
            .values()
            .copied()
            .max()
            .unwrap_or(1)
            .max(1);
        for (span, n) in &st.span_histogram {
            let bar = "█".repeat(((n * 30).div_ceil(most)) as usize);
            let _ = writeln!(s, "  {span:>4} │ {bar} {n}");
        }
    }
    s
}

pub fn diff_text(
    d: &pendulum_core::Diff,
    after: &str,
    before: &str,
    as_of: pendulum_core::Date,
    paint: &Paint,
) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} {}",
        paint.bold("Pendulum diff"),
        paint.dim("·"),
        paint.dim(&format!("{after} against {before} · as of {as_of}"))
    );
    if d.is_empty() {
        let _ = writeln!(s, "\nNo differences.");
        return s;
    }
    let id = |p: &Option<pendulum_core::PersonId>| {
        p.as_ref()
            .map_or_else(|| "(root)".to_string(), |p| p.0.clone())
    };
    if !d.added.is_empty() {
        let ids: Vec<&str> = d.added.iter().map(|p| p.as_str()).collect();
        let _ = writeln!(
            s,
            "\n{} ({}): {}",
            paint.bold("Added"),
            ids.len(),
            ids.join(", ")
        );
    }
    if !d.removed.is_empty() {
        let ids: Vec<&str> = d.removed.iter().map(|p| p.as_str()).collect();
        let _ = writeln!(
            s,
            "\n{} ({}): {}",
            paint.bold("Removed"),
            ids.len(),
            ids.join(", ")
        );
    }
    if !d.moved.is_empty() {
        let _ = writeln!(s, "\n{} ({})", paint.bold("Moved"), d.moved.len());
        for m in &d.moved {
            let _ = writeln!(s, "  {}  {} → {}", m.person, id(&m.from), id(&m.to));
        }
    }
    if !d.changed.is_empty() {
        let _ = writeln!(s, "\n{} ({})", paint.bold("Changed"), d.changed.len());
        for c in &d.changed {
            let _ = writeln!(s, "  {}  {}: {} → {}", c.person, c.field, c.old, c.new);
        }
    }
    let _ = writeln!(s, "\n{}", paint.bold("Figures"));
    for (name, [b, a]) in &d.metrics {
        let mark = if a == b {
            " ".to_string()
        } else {
            paint.bold("*")
        };
        let _ = writeln!(
            s,
            "  {mark} {name:<12} {:>10} → {}",
            pendulum_core::rules::num(*b),
            pendulum_core::rules::num(*a)
        );
    }
    for (label, flags) in [
        ("Flags added", &d.flags_added),
        ("Flags resolved", &d.flags_resolved),
    ] {
        if !flags.is_empty() {
            let _ = writeln!(s, "\n{} ({})", paint.bold(label), flags.len());
            for f in flags {
                let _ = writeln!(
                    s,
                    "  {} {} {}  {}",
                    paint.severity(f.severity, f.severity.as_str()),
                    f.rule,
                    f.subject.id,
                    f.message
                );
            }
        }
    }
    s
}
