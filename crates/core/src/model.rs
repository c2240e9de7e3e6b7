//! The org as the user wrote it: people, teams, workstreams and allocations (`docs/model.md`).
//!
//! These are plain values. Everything that depends on a date (who is present, spans,
//! depths, ramp, effective FTE) is derived in [`crate::Snapshot`].

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Date;
use crate::cost::CostSettings;
use crate::money::Money;

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        #[derive(ts_rs::TS)]
        pub struct $name(pub String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_string())
            }
        }
    };
}

string_id!(
    /// A person's stable key from the HR system.
    PersonId
);
string_id!(
    /// A team's id is its name as written in the people and workstreams files.
    TeamId
);
string_id!(
    /// A workstream's key.
    WorkstreamId
);

/// The role a person holds. When a person has none on file it is inferred (see
/// [`crate::Snapshot::role`]).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[derive(ts_rs::TS)]
pub enum Role {
    Ic,
    Manager,
    Director,
    Executive,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Ic, Role::Manager, Role::Director, Role::Executive];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Ic => "ic",
            Role::Manager => "manager",
            Role::Director => "director",
            Role::Executive => "executive",
        }
    }

    /// Parses the spec's words and the common spellings HR exports use.
    pub fn parse(text: &str) -> Option<Role> {
        match normalise_word(text).as_str() {
            "ic" | "individualcontributor" | "engineer" => Some(Role::Ic),
            "manager" | "mgr" | "em" | "engineeringmanager" => Some(Role::Manager),
            "director" | "dir" => Some(Role::Director),
            "executive" | "exec" | "vp" | "cto" | "ceo" => Some(Role::Executive),
            _ => None,
        }
    }

    /// Manager, director or executive: someone expected to lead people.
    pub fn leads_people(self) -> bool {
        self != Role::Ic
    }
}

/// Whether a seat is filled.
#[derive(
    Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[derive(ts_rs::TS)]
pub enum Status {
    #[default]
    Active,
    /// An open role or planned hire: no one in the seat yet.
    Open,
    Leaving,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Open => "open",
            Status::Leaving => "leaving",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        match normalise_word(text).as_str() {
            "active" | "employed" | "current" | "filled" => Some(Status::Active),
            "open" | "openrole" | "vacant" | "vacancy" | "planned" | "hire" | "tbh" => {
                Some(Status::Open)
            }
            "leaving" | "departing" | "notice" => Some(Status::Leaving),
            _ => None,
        }
    }
}

/// Team Topologies' four team types.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[derive(ts_rs::TS)]
pub enum TeamKind {
    StreamAligned,
    Platform,
    Enabling,
    ComplicatedSubsystem,
}

impl TeamKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TeamKind::StreamAligned => "stream-aligned",
            TeamKind::Platform => "platform",
            TeamKind::Enabling => "enabling",
            TeamKind::ComplicatedSubsystem => "complicated-subsystem",
        }
    }

    pub fn parse(text: &str) -> Option<TeamKind> {
        match normalise_word(text).as_str() {
            "streamaligned" | "stream" => Some(TeamKind::StreamAligned),
            "platform" => Some(TeamKind::Platform),
            "enabling" => Some(TeamKind::Enabling),
            "complicatedsubsystem" | "subsystem" => Some(TeamKind::ComplicatedSubsystem),
            _ => None,
        }
    }
}

#[derive(
    Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[derive(ts_rs::TS)]
pub enum WorkstreamKind {
    #[default]
    Feature,
    Migration,
    Operations,
    Other,
}

impl WorkstreamKind {
    pub fn as_str(self) -> &'static str {
        match self {
            WorkstreamKind::Feature => "feature",
            WorkstreamKind::Migration => "migration",
            WorkstreamKind::Operations => "operations",
            WorkstreamKind::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<WorkstreamKind> {
        match normalise_word(text).as_str() {
            "feature" | "product" => Some(WorkstreamKind::Feature),
            "migration" => Some(WorkstreamKind::Migration),
            "operations" | "ops" | "keepthelightson" | "ktlo" => Some(WorkstreamKind::Operations),
            "other" => Some(WorkstreamKind::Other),
            _ => None,
        }
    }
}

fn normalise_word(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// One person, or one open seat (`docs/model.md`).
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct Person {
    pub id: PersonId,
    pub name: String,
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub title: String,
    #[serde(default)]
    pub manager_id: Option<PersonId>,
    /// The role on file; `None` means "infer it from the reporting lines".
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default)]
    pub team: Option<TeamId>,
    #[serde(default)]
    pub level: Option<String>,
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub status: Status,
    #[serde(default)]
    pub start_date: Option<Date>,
    #[serde(default)]
    pub end_date: Option<Date>,
    #[serde(default = "one")]
    #[ts(as = "Option<_>", optional)]
    pub fte: f64,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub role_since: Option<Date>,
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub assistant: bool,
    /// Secondary managers: drawn as dotted lines, no effect on spans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<_>", optional)]
    pub dotted_managers: Vec<PersonId>,
    /// The day this person last swung back to IC work (`docs/swings.md`): from it their ramp factor
    /// restarts over `ic_reramp_days`. Set by an applied swing; empty in HR exports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reramp_from: Option<Date>,
    /// Annual, fully loaded cost as paid (already reflecting part-time). Without it, the
    /// person costs their level's band × fte (see [`crate::cost`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
}

fn one() -> f64 {
    1.0
}

impl Person {
    /// A filled, full-time seat with only an id and a name; the other fields at their defaults.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Person {
        Person {
            id: PersonId(id.into()),
            name: name.into(),
            title: String::new(),
            manager_id: None,
            role: None,
            team: None,
            level: None,
            status: Status::Active,
            start_date: None,
            end_date: None,
            fte: 1.0,
            location: None,
            email: None,
            role_since: None,
            assistant: false,
            dotted_managers: Vec::new(),
            reramp_from: None,
            cost: None,
        }
    }

    /// Present on day `d`: start ≤ d and (no end or d < end).
    pub fn is_present(&self, d: Date) -> bool {
        within(self.start_date, self.end_date, d)
    }

    pub fn is_open_role(&self) -> bool {
        self.status == Status::Open
    }
}

/// `start ≤ d < end`, an absent bound being open.
pub fn within(start: Option<Date>, end: Option<Date>, d: Date) -> bool {
    start.is_none_or(|s| s <= d) && end.is_none_or(|e| d < e)
}

#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct Team {
    pub id: TeamId,
    #[serde(default)]
    pub lead: Option<PersonId>,
    #[serde(default)]
    pub kind: Option<TeamKind>,
}

#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct Workstream {
    pub id: WorkstreamId,
    pub name: String,
    #[serde(default)]
    pub team: Option<TeamId>,
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub required_fte: f64,
    #[serde(default)]
    #[ts(as = "Option<_>", optional)]
    pub kind: WorkstreamKind,
    #[serde(default)]
    pub start_date: Option<Date>,
    #[serde(default)]
    pub end_date: Option<Date>,
    #[serde(default)]
    pub priority: Option<String>,
}

impl Workstream {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Workstream {
        Workstream {
            id: WorkstreamId(id.into()),
            name: name.into(),
            team: None,
            required_fte: 0.0,
            kind: WorkstreamKind::Feature,
            start_date: None,
            end_date: None,
            priority: None,
        }
    }

    pub fn is_active(&self, d: Date) -> bool {
        within(self.start_date, self.end_date, d)
    }
}

#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct Allocation {
    pub person: PersonId,
    pub workstream: WorkstreamId,
    /// Percent of a full-time week, in (0, 100].
    pub percent: f64,
    #[serde(default)]
    pub start_date: Option<Date>,
    #[serde(default)]
    pub end_date: Option<Date>,
}

impl Allocation {
    pub fn new(person: &str, workstream: &str, percent: f64) -> Allocation {
        Allocation {
            person: PersonId::from(person),
            workstream: WorkstreamId::from(workstream),
            percent,
            start_date: None,
            end_date: None,
        }
    }
}

/// A whole org as entered: the input to every derived figure and rule.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize)]
pub struct Org {
    pub people: Vec<Person>,
    #[serde(default)]
    pub teams: Vec<Team>,
    #[serde(default)]
    pub workstreams: Vec<Workstream>,
    #[serde(default)]
    pub allocations: Vec<Allocation>,
    /// Currency, bands, budgets and fiscal year: what pay figures are computed with.
    #[serde(default, skip_serializing_if = "CostSettings::is_empty")]
    pub cost: CostSettings,
}

/// A structural fault that makes an org unusable ("malformed input" in `docs/rules.md`): not a flag,
/// an error. Importers report these with file, row and column; this is the check for
/// orgs built by other means (JSON, the API).
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
pub struct Invalid {
    /// Where: `people[3].fte`, `allocations[0].percent`…
    pub field: String,
    pub message: String,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// The longest id (a person's, team's or workstream's), in bytes: HR ids and e-mail
/// addresses are far shorter, and a cap keeps a hostile file from costing memory per lookup.
pub const MAX_ID_BYTES: usize = 256;
/// The longest free text (a name, title, level, location, e-mail, priority), in bytes.
pub const MAX_TEXT_BYTES: usize = 2_000;
/// The most dotted-line managers one person may have.
pub const MAX_DOTTED: usize = 100;

/// `Some(message)` when `value` is longer than `max` bytes. Applied alike to imports, edits
/// (IPC) and documents, through [`Org::validate`] and the edit checks.
pub fn too_long(value: &str, max: usize) -> Option<String> {
    (value.len() > max).then(|| format!("{} bytes is longer than the {max} allowed", value.len()))
}

impl Org {
    /// Every structural fault, in document order (empty when the org is usable).
    pub fn validate(&self) -> Vec<Invalid> {
        let mut out = Vec::new();
        let mut bad = |field: String, message: String| out.push(Invalid { field, message });
        self.lengths(&mut bad);
        let mut people = rustc_hash::FxHashMap::default();
        for (i, p) in self.people.iter().enumerate() {
            if p.id.0.trim().is_empty() {
                bad(
                    format!("people[{i}].id"),
                    "a person needs a non-empty id".into(),
                );
            } else if let Some(first) = people.insert(p.id.as_str(), i) {
                bad(
                    format!("people[{i}].id"),
                    format!("duplicate id {:?} (first at people[{first}])", p.id.0),
                );
            }
            if p.name.trim().is_empty() {
                bad(
                    format!("people[{i}].name"),
                    format!("person {:?} needs a name", p.id.0),
                );
            }
            if !(p.fte > 0.0 && p.fte <= 1.0) {
                bad(
                    format!("people[{i}].fte"),
                    format!("fte must be in (0, 1], found {}", p.fte),
                );
            }
            if let (Some(s), Some(e)) = (p.start_date, p.end_date)
                && e < s
            {
                bad(
                    format!("people[{i}].end_date"),
                    format!("end date {e} is before start date {s}"),
                );
            }
            if let Some(message) = p.cost.and_then(crate::cost::check_amount) {
                bad(format!("people[{i}].cost"), message);
            }
        }
        let mut teams = rustc_hash::FxHashSet::default();
        for (i, t) in self.teams.iter().enumerate() {
            if t.id.0.trim().is_empty() {
                bad(format!("teams[{i}].id"), "a team needs a name".into());
            } else if !teams.insert(t.id.as_str()) {
                bad(
                    format!("teams[{i}].id"),
                    format!("duplicate team {:?}", t.id.0),
                );
            }
            if let Some(lead) = &t.lead
                && !people.contains_key(lead.as_str())
            {
                bad(
                    format!("teams[{i}].lead"),
                    format!("no person has id {:?}", lead.0),
                );
            }
        }
        let mut workstreams = rustc_hash::FxHashSet::default();
        for (i, w) in self.workstreams.iter().enumerate() {
            if w.id.0.trim().is_empty() {
                bad(
                    format!("workstreams[{i}].id"),
                    "a workstream needs a non-empty id".into(),
                );
            } else if !workstreams.insert(w.id.as_str()) {
                bad(
                    format!("workstreams[{i}].id"),
                    format!("duplicate workstream id {:?}", w.id.0),
                );
            }
            if !(w.required_fte >= 0.0 && w.required_fte.is_finite()) {
                bad(
                    format!("workstreams[{i}].required_fte"),
                    format!(
                        "required_fte must be a number ≥ 0, found {}",
                        w.required_fte
                    ),
                );
            }
        }
        for (i, a) in self.allocations.iter().enumerate() {
            if !people.contains_key(a.person.as_str()) {
                bad(
                    format!("allocations[{i}].person"),
                    format!("no person has id {:?}", a.person.0),
                );
            }
            if !workstreams.contains(a.workstream.as_str()) {
                bad(
                    format!("allocations[{i}].workstream"),
                    format!("no workstream has id {:?}", a.workstream.0),
                );
            }
            if !(a.percent > 0.0 && a.percent <= 100.0) {
                bad(
                    format!("allocations[{i}].percent"),
                    format!("percent must be in (0, 100], found {}", a.percent),
                );
            }
        }
        self.cost.validate(&teams, &mut bad);
        out
    }

    /// Ids and texts over their caps ([`MAX_ID_BYTES`], [`MAX_TEXT_BYTES`], [`MAX_DOTTED`]).
    fn lengths(&self, bad: &mut impl FnMut(String, String)) {
        fn check(bad: &mut impl FnMut(String, String), at: String, value: &str, max: usize) {
            if let Some(m) = too_long(value, max) {
                bad(at, m);
            }
        }
        let (id, text) = (MAX_ID_BYTES, MAX_TEXT_BYTES);
        for (i, p) in self.people.iter().enumerate() {
            let at = |f: &str| format!("people[{i}].{f}");
            check(bad, at("id"), p.id.as_str(), id);
            check(bad, at("name"), &p.name, text);
            check(bad, at("title"), &p.title, text);
            check(
                bad,
                at("manager_id"),
                p.manager_id.as_ref().map_or("", |m| m.as_str()),
                id,
            );
            check(
                bad,
                at("team"),
                p.team.as_ref().map_or("", |t| t.as_str()),
                id,
            );
            check(bad, at("level"), p.level.as_deref().unwrap_or(""), text);
            check(
                bad,
                at("location"),
                p.location.as_deref().unwrap_or(""),
                text,
            );
            check(bad, at("email"), p.email.as_deref().unwrap_or(""), text);
            if p.dotted_managers.len() > MAX_DOTTED {
                bad(
                    at("dotted_managers"),
                    format!(
                        "{} dotted lines is more than the {MAX_DOTTED} allowed",
                        p.dotted_managers.len()
                    ),
                );
            }
        }
        for (i, t) in self.teams.iter().enumerate() {
            check(bad, format!("teams[{i}].id"), t.id.as_str(), id);
        }
        for (i, w) in self.workstreams.iter().enumerate() {
            let at = |f: &str| format!("workstreams[{i}].{f}");
            check(bad, at("id"), w.id.as_str(), id);
            check(bad, at("name"), &w.name, text);
            check(
                bad,
                at("team"),
                w.team.as_ref().map_or("", |t| t.as_str()),
                id,
            );
            check(
                bad,
                at("priority"),
                w.priority.as_deref().unwrap_or(""),
                text,
            );
        }
        for (i, b) in self.cost.bands.iter().enumerate() {
            check(bad, format!("bands[{i}].level"), &b.level, text);
        }
        for (i, b) in self.cost.budgets.iter().enumerate() {
            check(bad, format!("budgets[{i}].team"), b.team.as_str(), id);
        }
    }
}
