//! The rules of `docs/rules.md`: an org as of a day in, flags out. Rules never fail: a broken org is
//! a set of findings, not an error.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::load::{self, LoadIndex, ManagerLoad, has_load, load_parts, manager_loads_of};
use crate::model::{Person, Role, WorkstreamKind};
use crate::snapshot::{PersonIx, Snapshot};

pub use crate::thresholds::RuleConfig;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[derive(ts_rs::TS)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The rules, in the order `docs/rules.md` lists them (which is also the order flags are reported in
/// within a severity).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[derive(ts_rs::TS)]
pub enum Rule {
    Cycle,
    UnknownManager,
    SpanTooWide,
    SpanTooNarrow,
    ManagerWithoutReports,
    DirectorOverIcs,
    TooManyLayers,
    PersonOverallocated,
    WorkstreamUnstaffed,
    WorkstreamOverloaded,
    SinglePointOfFailure,
    MigrationsInFlight,
    PendulumDue,
    ManagerOverloaded,
    OverBudget,
}

impl Rule {
    pub const ALL: [Rule; 15] = [
        Rule::Cycle,
        Rule::UnknownManager,
        Rule::SpanTooWide,
        Rule::SpanTooNarrow,
        Rule::ManagerWithoutReports,
        Rule::DirectorOverIcs,
        Rule::TooManyLayers,
        Rule::PersonOverallocated,
        Rule::WorkstreamUnstaffed,
        Rule::WorkstreamOverloaded,
        Rule::SinglePointOfFailure,
        Rule::MigrationsInFlight,
        Rule::PendulumDue,
        Rule::ManagerOverloaded,
        Rule::OverBudget,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Cycle => "cycle",
            Rule::UnknownManager => "unknown-manager",
            Rule::SpanTooWide => "span-too-wide",
            Rule::SpanTooNarrow => "span-too-narrow",
            Rule::ManagerWithoutReports => "manager-without-reports",
            Rule::DirectorOverIcs => "director-over-ics",
            Rule::TooManyLayers => "too-many-layers",
            Rule::PersonOverallocated => "person-overallocated",
            Rule::WorkstreamUnstaffed => "workstream-unstaffed",
            Rule::WorkstreamOverloaded => "workstream-overloaded",
            Rule::SinglePointOfFailure => "single-point-of-failure",
            Rule::MigrationsInFlight => "migrations-in-flight",
            Rule::PendulumDue => "pendulum-due",
            Rule::ManagerOverloaded => "manager-overloaded",
            Rule::OverBudget => "over-budget",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::Cycle | Rule::UnknownManager | Rule::WorkstreamUnstaffed => Severity::Error,
            Rule::DirectorOverIcs | Rule::PendulumDue => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[derive(ts_rs::TS)]
pub enum SubjectKind {
    Person,
    Team,
    Workstream,
}

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct Subject {
    pub kind: SubjectKind,
    pub id: String,
}

/// One finding: `{rule, severity, subject {kind, id}, message}`.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct Flag {
    pub rule: Rule,
    pub severity: Severity,
    pub subject: Subject,
    pub message: String,
}

impl Flag {
    /// Flags are the same finding when rule and subject match (messages carry figures).
    pub fn key(&self) -> (Rule, &Subject) {
        (self.rule, &self.subject)
    }
}

/// Counts of flags by severity and by rule.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct FlagSummary {
    pub errors: u32,
    pub warnings: u32,
    pub info: u32,
    pub by_rule: BTreeMap<String, u32>,
}

impl FlagSummary {
    pub fn of(flags: &[Flag]) -> FlagSummary {
        let mut s = FlagSummary::default();
        for f in flags {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.info += 1,
            }
            *s.by_rule.entry(f.rule.as_str().to_string()).or_default() += 1;
        }
        s
    }
}

/// Runs every rule on the snapshot. Flags come sorted by severity, then rule (`docs/rules.md` order),
/// then subject, so the same org and date always give the same list.
pub fn check(s: &Snapshot<'_>, config: &RuleConfig) -> Vec<Flag> {
    let mut flags = Vec::new();
    person_rules(s, config, &mut flags);
    manager_rules(s, config, &mut flags);
    workstream_rules(s, config, &mut flags);
    team_rules(s, config, &mut flags);
    in_reporting_order(flags)
}

/// Sorts flags by severity, rule, subject and message (the message breaks ties only between
/// flags of one subject, which a valid org never has). Flags are first dealt into one bucket
/// per rule, in the order the rules emitted them; HR files usually list people by id, so each
/// bucket is then mostly sorted already and the stable sort only confirms it in linear time.
fn in_reporting_order(flags: Vec<Flag>) -> Vec<Flag> {
    let mut order = Rule::ALL;
    order.sort_by_key(|r| (r.severity(), *r));
    let mut buckets: Vec<Vec<Flag>> = order.iter().map(|_| Vec::new()).collect();
    let total = flags.len();
    for f in flags {
        let k = order.iter().position(|&r| r == f.rule).unwrap_or_default();
        buckets[k].push(f);
    }
    let mut out = Vec::with_capacity(total);
    for mut bucket in buckets {
        bucket.sort_by(|a, b| (&a.subject, &a.message).cmp(&(&b.subject, &b.message)));
        out.append(&mut bucket);
    }
    out
}

/// A person as messages name them: "Name (id)", or the id alone when it is the name.
struct Who<'a>(&'a Person);

impl fmt::Display for Who<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.0;
        if p.name == p.id.0 {
            f.write_str(&p.name)
        } else {
            write!(f, "{} ({})", p.name, p.id)
        }
    }
}

fn who<'a>(s: &Snapshot<'a>, i: PersonIx) -> Who<'a> {
    Who(s.person(i))
}

fn person_flag(s: &Snapshot<'_>, rule: Rule, i: PersonIx, message: String) -> Flag {
    Flag {
        rule,
        severity: rule.severity(),
        subject: Subject {
            kind: SubjectKind::Person,
            id: s.person(i).id.0.clone(),
        },
        message,
    }
}

/// "1 report", "2 reports".
struct Plural(u32, &'static str, &'static str);

impl fmt::Display for Plural {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}",
            self.0,
            if self.0 == 1 { self.1 } else { self.2 }
        )
    }
}

fn plural(n: u32, one: &'static str, many: &'static str) -> Plural {
    Plural(n, one, many)
}

fn person_rules(s: &Snapshot<'_>, c: &RuleConfig, out: &mut Vec<Flag>) {
    for cycle in s.cycles() {
        let mut path: Vec<&str> = cycle.iter().map(|&m| s.person(m).id.as_str()).collect();
        path.push(s.person(cycle[0]).id.as_str());
        let path = path.join(" → ");
        for &m in cycle {
            let msg = if cycle.len() == 1 {
                format!(
                    "{} is listed as their own manager. Set a manager outside themselves, or leave it empty to make them a root.",
                    who(s, m)
                )
            } else {
                format!(
                    "{} is on a reporting cycle ({path}). Point one person on it at a manager outside the cycle.",
                    who(s, m)
                )
            };
            out.push(person_flag(s, Rule::Cycle, m, msg));
        }
    }
    for &i in s.unknown_manager() {
        let m = s
            .person(i)
            .manager_id
            .as_ref()
            .map(|m| m.as_str())
            .unwrap_or_default();
        out.push(person_flag(
            s,
            Rule::UnknownManager,
            i,
            format!("{} reports to {m:?}, who is not in the org. Correct the manager id, add {m:?}, or clear it to make them a root.", who(s, i)),
        ));
    }

    // tree depth per root, for too-many-layers
    let present = || (0..s.people_count() as PersonIx).filter(|&i| s.is_present(i));
    let mut deepest = vec![0u32; s.people_count()];
    for i in present() {
        let d = &mut deepest[s.root_of(i) as usize];
        *d = (*d).max(s.depth(i));
    }
    for &r in s.roots() {
        let d = deepest[r as usize];
        if d > c.max_layers {
            out.push(person_flag(
                s,
                Rule::TooManyLayers,
                r,
                format!(
                    "The org under {} is {d} layers deep (max {}). Remove a layer: merge managers of small teams or have a level report one step higher.",
                    who(s, r),
                    c.max_layers
                ),
            ));
        }
    }

    // The per-person rules read one person at a time: on a large org, two threads each take
    // half of the people (the flags are sorted afterwards, so the split never shows).
    let n = s.people_count() as PersonIx;
    if n < PARALLEL_FROM {
        person_range(s, c, 0..n, out);
    } else {
        let mid = n / 2;
        let second = std::thread::scope(|scope| {
            let worker = scope.spawn(|| {
                let mut flags = Vec::new();
                person_range(s, c, mid..n, &mut flags);
                flags
            });
            person_range(s, c, 0..mid, out);
            worker.join()
        });
        match second {
            Ok(mut flags) => out.append(&mut flags),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

/// Orgs at least this large check their people on two threads.
const PARALLEL_FROM: PersonIx = 20_000;

/// The rules that look at one person, for the present people with index in `range`, in
/// index order (which reads people and figures sequentially).
fn person_range(
    s: &Snapshot<'_>,
    c: &RuleConfig,
    range: std::ops::Range<PersonIx>,
    out: &mut Vec<Flag>,
) {
    for i in range.filter(|&i| s.is_present(i)) {
        let role = s.role(i);
        let span = s.span(i);
        let p = s.person(i);
        match role {
            Role::Manager if span > c.manager_max_span => out.push(person_flag(
                s,
                Rule::SpanTooWide,
                i,
                format!(
                    "{} is a manager with {} (max {}). Split the team under a second manager or move {} elsewhere.",
                    who(s, i),
                    plural(span, "direct report", "direct reports"),
                    c.manager_max_span,
                    plural(span - c.manager_max_span, "report", "reports")
                ),
            )),
            Role::Director | Role::Executive if span > c.director_max_span => out.push(person_flag(
                s,
                Rule::SpanTooWide,
                i,
                format!(
                    "{} is a{} {} with {} (max {}). Group reports under managers or move {} elsewhere.",
                    who(s, i),
                    if role == Role::Executive { "n" } else { "" },
                    role.as_str(),
                    plural(span, "direct report", "direct reports"),
                    c.director_max_span,
                    plural(span - c.director_max_span, "report", "reports")
                ),
            )),
            _ => {}
        }
        if matches!(role, Role::Manager | Role::Director) && span >= 1 && span < c.min_span {
            out.push(person_flag(
                s,
                Rule::SpanTooNarrow,
                i,
                format!(
                    "{} is a {} of {} (min {}). Merge the team with a peer's, add reports, or have them swing back to IC.",
                    who(s, i),
                    role.as_str(),
                    plural(span, "person", "people"),
                    c.min_span
                ),
            ));
        }
        if role.leads_people() && span == 0 {
            out.push(person_flag(
                s,
                Rule::ManagerWithoutReports,
                i,
                format!(
                    "{} has the role {} but no direct reports. Give them reports, or change their role to ic.",
                    who(s, i),
                    role.as_str()
                ),
            ));
        }
        if role == Role::Director {
            let (mut counted, mut ics) = (0u32, 0u32);
            for r in s.reports(i) {
                if s.person(r).assistant {
                    continue;
                }
                counted += 1;
                if s.role(r) == Role::Ic {
                    ics += 1;
                }
            }
            if counted > 0 && 2 * ics > counted {
                out.push(person_flag(
                    s,
                    Rule::DirectorOverIcs,
                    i,
                    format!(
                        "{} is a director, but {ics} of {counted} direct reports are ICs. Put the ICs under a manager, or change the role to manager.",
                        who(s, i)
                    ),
                ));
            }
        }
        let capacity = p.fte * 100.0;
        let allocated = s.allocated_percent(i);
        if allocated > capacity + 1e-9 {
            out.push(person_flag(
                s,
                Rule::PersonOverallocated,
                i,
                format!(
                    "{} is allocated {}% against a capacity of {}%. Reduce their allocations by {} points.",
                    who(s, i),
                    Num(allocated),
                    Num(capacity),
                    Num(allocated - capacity)
                ),
            ));
        }
        if matches!(role, Role::Manager | Role::Director)
            && let Some(since) = s.person(i).role_since
            && since.add_years(i32::try_from(c.pendulum_years).unwrap_or(i32::MAX)) < s.as_of()
        {
            let years = s.as_of().days_since(since) as f64 / 365.25;
            out.push(person_flag(
                s,
                Rule::PendulumDue,
                i,
                format!(
                    "{} has been a {} since {since} ({years:.1} years, more than {}). Consider a swing back to hands-on IC work before those skills fade.",
                    who(s, i),
                    role.as_str(),
                    c.pendulum_years
                ),
            ));
        }
    }
}

/// `manager-overloaded`: every present person whose manager load exceeds their capacity.
fn manager_rules(s: &Snapshot<'_>, c: &RuleConfig, out: &mut Vec<Flag>) {
    let index = LoadIndex::of(s);
    let overloaded: Vec<PersonIx> = (0..s.people_count() as PersonIx)
        .filter(|&i| {
            has_load(s, &index, i) && {
                let parts = load_parts(s, c, &index, i, |r| s.ramp(r));
                load::overloaded(parts.load, parts.capacity)
            }
        })
        .collect();
    for (load, &i) in manager_loads_of(s, c, &index, &overloaded)
        .iter()
        .zip(&overloaded)
    {
        out.push(person_flag(
            s,
            Rule::ManagerOverloaded,
            i,
            format!(
                "{} is overloaded as a manager: {}: load {} against capacity {}. Move some reports to another manager, spread the hiring, or hand off hands-on work.",
                who(s, i),
                LoadParts(load, c),
                Num(load.load),
                Num(load.capacity)
            ),
        ));
    }
}

/// The parts of a manager load, as a message lists them: "7 reports, 2 of them ramping
/// (+1.1), 1 open role (+1), 40% on Ledger v2".
struct LoadParts<'a>(&'a ManagerLoad, &'a RuleConfig);

impl fmt::Display for LoadParts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (l, c) = (self.0, self.1);
        let mut parts: Vec<String> = Vec::new();
        if l.reports > 0 {
            let mut text = plural(l.reports, "report", "reports").to_string();
            if l.ramping > 0 {
                let which = if l.ramping == l.reports && l.reports == 1 {
                    "ramping".to_string()
                } else {
                    format!("{} of them ramping", l.ramping)
                };
                text = format!("{text}, {which} (+{})", Num(l.ramping_extra));
            }
            parts.push(text);
        }
        if l.open_roles > 0 {
            parts.push(format!(
                "{} (+{})",
                plural(l.open_roles, "open role", "open roles"),
                Num(c.hiring_weight * f64::from(l.open_roles))
            ));
        }
        if l.dotted > 0 {
            parts.push(format!(
                "{} (+{})",
                plural(l.dotted, "dotted-line report", "dotted-line reports"),
                Num(c.dotted_weight * f64::from(l.dotted))
            ));
        }
        const NAMED: usize = 3;
        let named: Vec<String> = l
            .allocations
            .iter()
            .take(NAMED)
            .map(|a| format!("{}% on {}", Num(a.percent), a.name))
            .collect();
        if l.allocations.len() > NAMED {
            parts.push(format!(
                "{} and {} more ({}% in all)",
                named.join(", "),
                l.allocations.len() - NAMED,
                Num(l.allocated_percent)
            ));
        } else if let Some((last, first)) = named.split_last() {
            parts.push(if first.is_empty() {
                last.clone()
            } else {
                format!("{} and {last}", first.join(", "))
            });
        }
        if parts.is_empty() {
            parts.push("no reports".into());
        }
        f.write_str(&parts.join(", "))
    }
}

/// A figure with at most two decimals and no trailing zeros.
pub fn num(x: f64) -> String {
    Num(x).to_string()
}

/// [`num`] as a `Display`, so messages format it without an intermediate string.
struct Num(f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cents = (self.0 * 100.0).round();
        // Far below 2^53 cents, `{:.2}` of cents / 100 prints exactly the digits of cents.
        if cents.abs() < 1e12 {
            let c = cents as i64;
            let (whole, frac) = (c.unsigned_abs() / 100, c.unsigned_abs() % 100);
            let sign = if c < 0 { "-" } else { "" };
            return match frac {
                0 => write!(f, "{sign}{whole}"),
                _ if frac % 10 == 0 => write!(f, "{sign}{whole}.{}", frac / 10),
                _ => write!(f, "{sign}{whole}.{frac:02}"),
            };
        }
        let t = format!("{:.2}", cents / 100.0);
        f.write_str(t.trim_end_matches('0').trim_end_matches('.'))
    }
}

fn workstream_rules(s: &Snapshot<'_>, c: &RuleConfig, out: &mut Vec<Flag>) {
    let org = s.org();
    for (wi, w) in org.workstreams.iter().enumerate() {
        let load = s.workstream_load(wi as u32);
        if !load.active || w.required_fte <= 0.0 {
            continue;
        }
        let name = if w.name == w.id.0 {
            w.name.clone()
        } else {
            format!("{} ({})", w.name, w.id)
        };
        let flag = |rule: Rule, message: String| Flag {
            rule,
            severity: rule.severity(),
            subject: Subject {
                kind: SubjectKind::Workstream,
                id: w.id.0.clone(),
            },
            message,
        };
        if load.active_allocations == 0 {
            out.push(flag(
                Rule::WorkstreamUnstaffed,
                format!(
                    "Workstream {name} needs {} FTE and no one is allocated to it. Allocate people, or lower its required FTE to 0 if it is paused.",
                    Num(w.required_fte)
                ),
            ));
            continue;
        }
        let ratio = if load.effective_fte > 0.0 {
            w.required_fte / load.effective_fte
        } else {
            f64::INFINITY
        };
        if ratio > c.overload_ratio {
            let missing = w.required_fte / c.overload_ratio - load.effective_fte;
            out.push(flag(
                Rule::WorkstreamOverloaded,
                if load.effective_fte > 0.0 {
                    format!(
                        "Workstream {name} needs {} FTE but has {} effective FTE (ratio {:.2}, max {}). Add at least {} effective FTE or lower its scope.",
                        Num(w.required_fte),
                        Num(load.effective_fte),
                        ratio,
                        Num(c.overload_ratio),
                        Num(missing.max(0.01))
                    )
                } else {
                    format!(
                        "Workstream {name} needs {} FTE but its allocations give 0 effective FTE (open roles or people not yet started). Add at least {} effective FTE.",
                        Num(w.required_fte),
                        Num(missing.max(0.01))
                    )
                },
            ));
        }
        if w.required_fte >= 1.0 && load.holders == 1 {
            let holder = s
                .sole_holder(wi as u32)
                .map(|p| who(s, p).to_string())
                .unwrap_or_default();
            out.push(flag(
                Rule::SinglePointOfFailure,
                format!(
                    "Workstream {name} needs {} FTE and only {holder} works on it. Pair a second person on it so the work survives an absence.",
                    Num(w.required_fte)
                ),
            ));
        }
    }
}

fn team_rules(s: &Snapshot<'_>, c: &RuleConfig, out: &mut Vec<Flag>) {
    budget_rule(s, c, out);
    let mut migrations: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (wi, w) in s.org().workstreams.iter().enumerate() {
        if w.kind == WorkstreamKind::Migration
            && s.workstream_load(wi as u32).active
            && let Some(team) = &w.team
        {
            migrations
                .entry(team.as_str())
                .or_default()
                .push(w.id.as_str());
        }
    }
    for (team, ids) in migrations {
        if ids.len() as u64 > u64::from(c.max_migrations) {
            out.push(Flag {
                rule: Rule::MigrationsInFlight,
                severity: Rule::MigrationsInFlight.severity(),
                subject: Subject { kind: SubjectKind::Team, id: team.to_string() },
                message: format!(
                    "Team {team} owns {} active migrations ({}; max {}). Finish or pause some before starting others.",
                    ids.len(),
                    ids.join(", "),
                    c.max_migrations
                ),
            });
        }
    }
}

/// `over-budget`: a team's (or the whole org's) run-rate above its budget by more than
/// `budget_tolerance` percent. Messages give percents, never amounts: flags reach exports
/// that leave pay out.
fn budget_rule(s: &Snapshot<'_>, c: &RuleConfig, out: &mut Vec<Flag>) {
    for (team, run_rate, budget) in crate::cost::budget_lines(s) {
        let limit = budget.cents() as f64 * (1.0 + c.budget_tolerance / 100.0);
        if run_rate.cents() as f64 <= limit {
            continue;
        }
        let whom = if team == crate::cost::WHOLE_ORG {
            "The whole org".to_string()
        } else {
            format!("Team {team}")
        };
        let over = if budget.cents() > 0 {
            format!(
                "{}% over its annual budget",
                Num((run_rate.cents() - budget.cents()) as f64 * 100.0 / budget.cents() as f64)
            )
        } else {
            "over its annual budget of 0".to_string()
        };
        out.push(Flag {
            rule: Rule::OverBudget,
            severity: Rule::OverBudget.severity(),
            subject: Subject {
                kind: SubjectKind::Team,
                id: team.to_string(),
            },
            message: format!(
                "{whom} runs {over} (tolerance {}%). Defer or re-level an open role, move people to another team, or raise the budget.",
                Num(c.budget_tolerance)
            ),
        });
    }
}
