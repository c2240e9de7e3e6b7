//! Text output a person enjoys reading: grouped, aligned, coloured on a terminal, plain when
//! piped (or when NO_COLOR is set).

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::Path;

use pendulum_api::{CheckReport, Loaded, StatsReport};
use pendulum_core::{Money, Rule, Severity};

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
    pub fn severity(&self, s: Severity, t: &str) -> String {
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
    if let Some(cost) = &st.cost {
        cost_text(&mut s, cost, paint);
    }
    s
}

/// The run-rate, unknowns and each team against its budget.
fn cost_text(s: &mut String, cost: &pendulum_core::CostStats, paint: &Paint) {
    let cur = cost.currency.as_ref();
    let money = |m: Money| m.display(cur);
    let _ = writeln!(
        s,
        "\n  {} {}",
        paint.bold("cost"),
        paint.dim(&format!(
            "(annual run-rate{})",
            cur.map_or_else(String::new, |c| format!(", {c}"))
        ))
    );
    let _ = writeln!(
        s,
        "  {:<18} {}",
        "run-rate",
        paint.bold(&money(cost.annual))
    );
    if cost.unknown > 0 {
        let _ = writeln!(
            s,
            "  {:<18} {} (0 in the sums)",
            "unknown cost",
            count(cost.unknown, "person", "people")
        );
    }
    let mut rows: Vec<(String, Money, Option<Money>)> = cost
        .by_team
        .iter()
        .map(|(team, annual)| (team.clone(), *annual, cost.budgets.get(team).copied()))
        .collect();
    if let Some(b) = cost.budgets.get(pendulum_core::cost::WHOLE_ORG) {
        rows.push(("whole org (*)".into(), cost.annual, Some(*b)));
    }
    if rows.is_empty() {
        return;
    }
    let width = rows
        .iter()
        .map(|r| r.0.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(4, 28);
    let amounts: Vec<(String, String)> = rows
        .iter()
        .map(|(_, a, b)| (money(*a), b.map(money).unwrap_or_default()))
        .collect();
    let aw = amounts
        .iter()
        .map(|a| a.0.chars().count())
        .max()
        .unwrap_or(0)
        .max(8);
    let bw = amounts
        .iter()
        .map(|a| a.1.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    let _ = writeln!(
        s,
        "\n  {}",
        paint.dim(&format!(
            "{:<width$}  {:>aw$}  {:>bw$}",
            "team", "run-rate", "budget"
        ))
    );
    for ((team, annual, budget), (a, b)) in rows.iter().zip(&amounts) {
        let over = match budget {
            Some(b) if annual > b && b.cents() > 0 => paint.error(&format!(
                "{}% over",
                pendulum_core::rules::num(
                    (annual.cents() - b.cents()) as f64 * 100.0 / b.cents() as f64
                )
            )),
            Some(b) if annual > b => paint.error("over"),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "  {:<width$}  {a:>aw$}  {b:>bw$}  {over}",
            truncate(team, width)
        );
    }
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
    if let Some(c) = &d.cost {
        let cur = c.currency.as_ref();
        let rows = [
            ("before", "", c.before),
            ("joined", "+", c.joined),
            ("left", "−", c.left),
            ("changed", "+", c.changed),
            ("after", "=", c.after),
        ];
        let texts: Vec<String> = rows.iter().map(|r| r.2.display(cur)).collect();
        let w = texts.iter().map(|t| t.chars().count()).max().unwrap_or(0);
        let _ = writeln!(
            s,
            "\n{} {}",
            paint.bold("Cost"),
            paint.dim("(annual run-rate: before + joined − left + changed = after)")
        );
        for ((label, sign, _), text) in rows.iter().zip(&texts) {
            let _ = writeln!(s, "  {sign:>1} {label:<8} {text:>w$}");
        }
        if c.unknown_before > 0 || c.unknown_after > 0 {
            let _ = writeln!(
                s,
                "  {}",
                paint.dim(&format!(
                    "unknown cost: {} before, {} after (0 in the sums)",
                    c.unknown_before, c.unknown_after
                ))
            );
        }
        if !c.people.is_empty() {
            let _ = writeln!(s, "\n  {} ({})", paint.bold("cost changed"), c.people.len());
            let unknown = |m: Option<Money>| m.map_or_else(|| "unknown".into(), |m| m.display(cur));
            for p in &c.people {
                let _ = writeln!(
                    s,
                    "    {}  {} → {}",
                    p.person,
                    unknown(p.before),
                    unknown(p.after)
                );
            }
        }
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

fn signed_delta(before: f64, after: f64) -> String {
    let d = after - before;
    if d.abs() < 1e-9 {
        String::new()
    } else if d > 0.0 {
        format!("+{}", pendulum_core::rules::num(d))
    } else {
        format!("−{}", pendulum_core::rules::num(-d))
    }
}

pub fn person_label(loaded: &Loaded, id: &str) -> String {
    match loaded.org.people.iter().find(|p| p.id.as_str() == id) {
        Some(p) if p.name != id => format!("{} ({id})", p.name),
        _ => id.to_string(),
    }
}

fn manager_name(loaded: &Loaded, id: Option<&pendulum_core::PersonId>) -> String {
    match id {
        None => "(no manager)".into(),
        Some(m) => loaded
            .org
            .people
            .iter()
            .find(|p| p.id == *m)
            .map_or_else(|| m.0.clone(), |p| p.name.clone()),
    }
}

pub fn simulate_text(
    r: &pendulum_api::pendulum::SimulateReport,
    loaded: &Loaded,
    paint: &Paint,
) -> String {
    use pendulum_core::SwingTo;
    let rep = &r.report;
    let mut s = String::new();
    let direction = match rep.swing.to {
        SwingTo::Manager => "swings to manager",
        SwingTo::Ic => "swings back to IC",
    };
    let _ = writeln!(
        s,
        "{} {} {} {direction} on {} {}",
        paint.bold("Pendulum simulate"),
        paint.dim("·"),
        paint.bold(&person_label(loaded, rep.swing.person.as_str())),
        rep.swing.date,
        paint.dim(&format!("· figures as of {}", rep.as_of))
    );
    if let Some(a) = &r.applied {
        let how = if a.created {
            "applied to new scenario"
        } else {
            "applied to scenario"
        };
        let _ = writeln!(
            s,
            "{} {how} {:?}",
            paint.severity(Severity::Info, "✓"),
            a.scenario
        );
    }

    let _ = writeln!(
        s,
        "\n{} ({})",
        paint.bold("Reporting lines that move"),
        rep.moves.len()
    );
    if rep.moves.is_empty() {
        let _ = writeln!(s, "  none");
    }
    let width = rep
        .moves
        .iter()
        .map(|m| person_label(loaded, m.person.as_str()).chars().count())
        .max()
        .unwrap_or(0);
    for m in &rep.moves {
        let who = person_label(loaded, m.person.as_str());
        let pad = width - who.chars().count();
        let _ = writeln!(
            s,
            "  {who}{}  {} → {}",
            " ".repeat(pad),
            manager_name(loaded, m.from.as_ref()),
            manager_name(loaded, m.to.as_ref())
        );
    }

    let _ = writeln!(
        s,
        "\n{}{:>12}{:>10}",
        paint.bold(&format!("{:<20}", "Figures")),
        "before",
        "after"
    );
    let (b, a) = (&rep.before, &rep.after);
    let rows: [(&str, f64, f64); 8] = [
        ("headcount", f64::from(b.headcount), f64::from(a.headcount)),
        ("managers", f64::from(b.managers), f64::from(a.managers)),
        ("ICs", f64::from(b.ics), f64::from(a.ics)),
        (
            "open roles",
            f64::from(b.open_roles),
            f64::from(a.open_roles),
        ),
        ("IC capacity (FTE)", b.ic_capacity, a.ic_capacity),
        ("mean span", b.mean_span, a.mean_span),
        ("max span", f64::from(b.max_span), f64::from(a.max_span)),
        ("layers", f64::from(b.layers), f64::from(a.layers)),
    ];
    for (label, before, after) in rows {
        let fmt = |x: f64| pendulum_core::rules::num(x);
        let delta = signed_delta(before, after);
        let _ = writeln!(
            s,
            "  {label:<18}{:>12}{:>10}  {}",
            fmt(before),
            fmt(after),
            paint.bold(&delta)
        );
    }

    if !rep.loads.is_empty() {
        let _ = writeln!(
            s,
            "\n{} {}",
            paint.bold("Manager load"),
            paint.dim("(report-equivalents against capacity, before → after)")
        );
        let show = |l: &Option<pendulum_core::ManagerLoad>| match l {
            Some(l) => {
                let text = format!(
                    "{} of {}",
                    pendulum_core::rules::num(l.load),
                    pendulum_core::rules::num(l.capacity)
                );
                if l.is_overloaded() {
                    paint.severity(Severity::Warning, &format!("{text} (overloaded)"))
                } else {
                    text
                }
            }
            None => "none".to_string(),
        };
        for l in &rep.loads {
            let _ = writeln!(
                s,
                "  {}  {} → {}",
                person_label(loaded, l.person.as_str()),
                show(&l.before),
                show(&l.after)
            );
        }
    }

    for (label, flags) in [
        ("Flags resolved", &rep.flags_resolved),
        ("Flags added", &rep.flags_added),
    ] {
        let _ = writeln!(s, "\n{} ({})", paint.bold(label), flags.len());
        if flags.is_empty() {
            let _ = writeln!(s, "  none");
        }
        for f in flags {
            let _ = writeln!(
                s,
                "  {} {} {}\n      {}",
                paint.severity(f.severity, &format!("{:<7}", f.severity.as_str())),
                f.rule,
                paint.dim(&f.subject.id),
                f.message
            );
        }
    }

    if let Some(cost) = &rep.cost {
        let cur = cost.run_rate.currency.as_ref();
        let _ = writeln!(s, "\n{}", paint.bold("Cost"));
        let rr = &cost.run_rate;
        if rr.before == rr.after {
            let _ = writeln!(
                s,
                "  run-rate unchanged at {} (levels are kept: management is not a promotion)",
                rr.after.display(cur)
            );
        } else {
            let _ = writeln!(
                s,
                "  run-rate {} → {}",
                rr.before.display(cur),
                rr.after.display(cur)
            );
        }
        for (w, [before, after]) in &cost.workstreams {
            if before != after {
                let _ = writeln!(
                    s,
                    "  {w}  {} → {} a year",
                    before.display(cur),
                    after.display(cur)
                );
            }
        }
    }

    if let Some(first) = rep.timeline.first() {
        let ws: Vec<&String> = first.workstreams.keys().collect();
        let _ = writeln!(
            s,
            "\n{} {}",
            paint.bold("Month by month"),
            paint.dim("(with the swing, and without it in brackets; workstreams in effective FTE)")
        );
        let mut header = format!("  {:<9}{:>18}", "month", "IC capacity");
        for w in &ws {
            header.push_str(&format!("{:>22}", truncate(w, 20)));
        }
        let _ = writeln!(s, "{}", paint.dim(&header));
        for p in &rep.timeline {
            let cell = |after: f64, before: f64| {
                format!(
                    "{} ({})",
                    pendulum_core::rules::num(after),
                    pendulum_core::rules::num(before)
                )
            };
            let mut line = format!(
                "  {:<9}{:>18}",
                p.month,
                cell(p.ic_capacity, p.ic_capacity_before)
            );
            for w in &ws {
                let after = p.workstreams.get(*w).copied().unwrap_or(0.0);
                let before = p.workstreams_before.get(*w).copied().unwrap_or(0.0);
                line.push_str(&format!("{:>22}", cell(after, before)));
            }
            let _ = writeln!(s, "{line}");
        }
    }
    s
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut t: String = text.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

pub fn history_text(r: &pendulum_api::pendulum::HistoryReport, paint: &Paint) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} {} {}",
        paint.bold("Pendulum history"),
        paint.dim("·"),
        paint.bold(&format!("{} ({})", r.name, r.person)),
        paint.dim(&format!("· as of {}", r.as_of))
    );
    let now = match (r.since, r.years_in_role) {
        (Some(since), Some(years)) => {
            format!("{} since {since} ({years:.1} years)", r.role.as_str())
        }
        _ => format!("{} (since an unknown date)", r.role.as_str()),
    };
    let _ = writeln!(s, "\n  now: {}", paint.bold(&now));
    let _ = writeln!(s, "\n  {}", paint.bold("the pendulum"));
    for spell in &r.spells {
        let since = spell
            .since
            .map_or_else(|| "?".to_string(), |d| d.to_string());
        let until = spell
            .until
            .map_or_else(|| "now".to_string(), |d| d.to_string());
        let _ = writeln!(
            s,
            "  {since:>10} – {until:<10}  {:<9} {}",
            spell.role.as_str(),
            paint.dim(&format!("({})", spell.source))
        );
    }
    s
}

/// A one-line "working…" indicator on stderr for long work, shown only on a terminal.
#[derive(Debug)]
pub struct Progress {
    label: &'static str,
    started: std::time::Instant,
    on: bool,
}

impl Progress {
    pub fn start(label: &'static str) -> Progress {
        let on = std::io::stderr().is_terminal();
        if on {
            eprint!("{label}…");
        }
        Progress {
            label,
            started: std::time::Instant::now(),
            on,
        }
    }

    pub fn finish(self) {
        if self.on {
            eprintln!(
                "\r{} in {:.1} s",
                self.label,
                self.started.elapsed().as_secs_f64()
            );
        }
    }
}
