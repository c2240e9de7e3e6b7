//! The org and the rule configuration as rows of real tables, so a document is an ordinary
//! SQLite file that other tools can query.
//!
//! Reading trusts nothing: every value is parsed and the org is validated, and any
//! surprise is reported as a detail for [`crate::StoreError::Corrupt`].

use std::collections::BTreeMap;

use pendulum_core::{
    Allocation, Band, Budget, Currency, Date, Money, Org, Person, PersonId, Role, RuleConfig,
    Status, Team, TeamId, TeamKind, Workstream, WorkstreamId, WorkstreamKind,
};
use rusqlite::types::Value;
use rusqlite::{Connection, Row, params};

/// Writes the org into empty tables.
pub(crate) fn write_org(conn: &Connection, org: &Org) -> rusqlite::Result<()> {
    let mut person = conn.prepare(
        "INSERT INTO person (position, id, name, title, manager_id, role, team, level, status, \
         start_date, end_date, fte, location, email, role_since, assistant, reramp_from, cost) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    let mut dotted =
        conn.prepare("INSERT INTO dotted_line (person, position, manager) VALUES (?1, ?2, ?3)")?;
    for (i, p) in org.people.iter().enumerate() {
        person.execute(params![
            i as i64,
            p.id.as_str(),
            p.name,
            p.title,
            p.manager_id.as_ref().map(PersonId::as_str),
            p.role.map(Role::as_str),
            p.team.as_ref().map(TeamId::as_str),
            p.level,
            p.status.as_str(),
            p.start_date.map(|d| d.to_string()),
            p.end_date.map(|d| d.to_string()),
            p.fte,
            p.location,
            p.email,
            p.role_since.map(|d| d.to_string()),
            p.assistant,
            p.reramp_from.map(|d| d.to_string()),
            p.cost.map(Money::cents),
        ])?;
        for (k, m) in p.dotted_managers.iter().enumerate() {
            dotted.execute(params![p.id.as_str(), k as i64, m.as_str()])?;
        }
    }
    let mut team =
        conn.prepare("INSERT INTO team (position, id, lead, kind) VALUES (?1, ?2, ?3, ?4)")?;
    for (i, t) in org.teams.iter().enumerate() {
        team.execute(params![
            i as i64,
            t.id.as_str(),
            t.lead.as_ref().map(PersonId::as_str),
            t.kind.map(TeamKind::as_str)
        ])?;
    }
    let mut workstream = conn.prepare(
        "INSERT INTO workstream (position, id, name, team, required_fte, kind, start_date, end_date, priority) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, w) in org.workstreams.iter().enumerate() {
        workstream.execute(params![
            i as i64,
            w.id.as_str(),
            w.name,
            w.team.as_ref().map(TeamId::as_str),
            w.required_fte,
            w.kind.as_str(),
            w.start_date.map(|d| d.to_string()),
            w.end_date.map(|d| d.to_string()),
            w.priority,
        ])?;
    }
    let mut allocation = conn.prepare(
        "INSERT INTO allocation (position, person, workstream, percent, start_date, end_date) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, a) in org.allocations.iter().enumerate() {
        allocation.execute(params![
            i as i64,
            a.person.as_str(),
            a.workstream.as_str(),
            a.percent,
            a.start_date.map(|d| d.to_string()),
            a.end_date.map(|d| d.to_string()),
        ])?;
    }
    write_cost(conn, org)
}

/// Writes the org's bands, budgets and pay settings.
fn write_cost(conn: &Connection, org: &Org) -> rusqlite::Result<()> {
    let mut band =
        conn.prepare("INSERT INTO band (position, level, annual_cost) VALUES (?1, ?2, ?3)")?;
    for (i, b) in org.cost.bands.iter().enumerate() {
        band.execute(params![i as i64, b.level, b.annual_cost.cents()])?;
    }
    let mut budget =
        conn.prepare("INSERT INTO budget (position, team, annual_budget) VALUES (?1, ?2, ?3)")?;
    for (i, b) in org.cost.budgets.iter().enumerate() {
        budget.execute(params![i as i64, b.team.as_str(), b.annual_budget.cents()])?;
    }
    let mut setting = conn.prepare("INSERT INTO org_setting (name, value) VALUES (?1, ?2)")?;
    if let Some(c) = &org.cost.currency {
        setting.execute(params!["currency", c.code()])?;
    }
    if let Some(m) = org.cost.fiscal_year_start {
        setting.execute(params!["fiscal_year_start", m])?;
    }
    Ok(())
}

/// Writes every threshold, one row each.
pub(crate) fn write_rules(conn: &Connection, config: &RuleConfig) -> Result<(), String> {
    let value = serde_json::to_value(config).map_err(|e| e.to_string())?;
    let Some(fields) = value.as_object() else {
        return Err("the rule configuration is not a set of fields".into());
    };
    let mut stmt = conn
        .prepare("INSERT OR REPLACE INTO rule_setting (name, value) VALUES (?1, ?2)")
        .map_err(|e| e.to_string())?;
    for (name, v) in fields {
        let cell = if let Some(i) = v.as_i64() {
            Value::Integer(i)
        } else if let Some(f) = v.as_f64() {
            Value::Real(f)
        } else {
            return Err(format!("rule setting {name} is not a number"));
        };
        stmt.execute(params![name, cell])
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// A read failure: either SQLite's or a value that makes no sense.
pub(crate) enum ReadError {
    Sqlite(rusqlite::Error),
    Content(String),
}

impl From<rusqlite::Error> for ReadError {
    fn from(e: rusqlite::Error) -> Self {
        ReadError::Sqlite(e)
    }
}

fn content(what: impl Into<String>) -> ReadError {
    ReadError::Content(what.into())
}

fn date(row: &Row<'_>, col: usize, what: &str) -> Result<Option<Date>, ReadError> {
    match row.get::<_, Option<String>>(col)? {
        None => Ok(None),
        Some(s) => Date::parse(&s)
            .map(Some)
            .map_err(|e| content(format!("{what}: {e}"))),
    }
}

fn role(s: &str) -> Option<Role> {
    Role::ALL.into_iter().find(|r| r.as_str() == s)
}

fn status(s: &str) -> Option<Status> {
    [Status::Active, Status::Open, Status::Leaving]
        .into_iter()
        .find(|x| x.as_str() == s)
}

fn team_kind(s: &str) -> Option<TeamKind> {
    [
        TeamKind::StreamAligned,
        TeamKind::Platform,
        TeamKind::Enabling,
        TeamKind::ComplicatedSubsystem,
    ]
    .into_iter()
    .find(|x| x.as_str() == s)
}

fn workstream_kind(s: &str) -> Option<WorkstreamKind> {
    [
        WorkstreamKind::Feature,
        WorkstreamKind::Migration,
        WorkstreamKind::Operations,
        WorkstreamKind::Other,
    ]
    .into_iter()
    .find(|x| x.as_str() == s)
}

fn word<T>(
    value: Option<String>,
    parse: fn(&str) -> Option<T>,
    what: &str,
) -> Result<Option<T>, ReadError> {
    match value {
        None => Ok(None),
        Some(s) => parse(&s)
            .map(Some)
            .ok_or_else(|| content(format!("{what}: unknown value {s:?}"))),
    }
}

/// Reads the org back in input order and validates it.
pub(crate) fn read_org(conn: &Connection) -> Result<Org, ReadError> {
    let mut org = Org::default();
    let mut stmt = conn.prepare(
        "SELECT id, name, title, manager_id, role, team, level, status, start_date, end_date, fte, \
         location, email, role_since, assistant, reramp_from, cost FROM person ORDER BY position",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let what = |field: &str| format!("person {id:?} {field}");
        let assistant: i64 = r.get(14)?;
        org.people.push(Person {
            name: r.get(1)?,
            title: r.get(2)?,
            manager_id: r.get::<_, Option<String>>(3)?.map(PersonId),
            role: word(r.get(4)?, role, &what("role"))?,
            team: r.get::<_, Option<String>>(5)?.map(TeamId),
            level: r.get(6)?,
            status: word(Some(r.get(7)?), status, &what("status"))?.unwrap_or_default(),
            start_date: date(r, 8, &what("start_date"))?,
            end_date: date(r, 9, &what("end_date"))?,
            fte: r.get(10)?,
            location: r.get(11)?,
            email: r.get(12)?,
            role_since: date(r, 13, &what("role_since"))?,
            assistant: match assistant {
                0 => false,
                1 => true,
                other => {
                    return Err(content(format!(
                        "{}: {other} is not 0 or 1",
                        what("assistant")
                    )));
                }
            },
            dotted_managers: Vec::new(),
            reramp_from: date(r, 15, &what("reramp_from"))?,
            cost: r.get::<_, Option<i64>>(16)?.map(Money::from_cents),
            id: PersonId(id),
        });
    }
    let mut lines: Vec<(String, String)> = Vec::new();
    let mut stmt =
        conn.prepare("SELECT person, manager FROM dotted_line ORDER BY person, position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        lines.push((r.get(0)?, r.get(1)?));
    }
    if !lines.is_empty() {
        let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
        for (i, p) in org.people.iter().enumerate() {
            by_id.entry(p.id.0.clone()).or_insert(i);
        }
        for (person, manager) in lines {
            let Some(p) = by_id.get(&person).and_then(|&i| org.people.get_mut(i)) else {
                return Err(content(format!(
                    "a dotted line names an unknown person {person:?}"
                )));
            };
            p.dotted_managers.push(PersonId(manager));
        }
    }

    let mut stmt = conn.prepare("SELECT id, lead, kind FROM team ORDER BY position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let kind = word(r.get(2)?, team_kind, &format!("team {id:?} kind"))?;
        org.teams.push(Team {
            id: TeamId(id),
            lead: r.get::<_, Option<String>>(1)?.map(PersonId),
            kind,
        });
    }

    let mut stmt = conn.prepare(
        "SELECT id, name, team, required_fte, kind, start_date, end_date, priority FROM workstream ORDER BY position",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: String = r.get(0)?;
        let what = |field: &str| format!("workstream {id:?} {field}");
        org.workstreams.push(Workstream {
            name: r.get(1)?,
            team: r.get::<_, Option<String>>(2)?.map(TeamId),
            required_fte: r.get(3)?,
            kind: word(Some(r.get(4)?), workstream_kind, &what("kind"))?.unwrap_or_default(),
            start_date: date(r, 5, &what("start_date"))?,
            end_date: date(r, 6, &what("end_date"))?,
            priority: r.get(7)?,
            id: WorkstreamId(id),
        });
    }

    let mut stmt = conn.prepare(
        "SELECT person, workstream, percent, start_date, end_date FROM allocation ORDER BY position",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        org.allocations.push(Allocation {
            person: PersonId(r.get(0)?),
            workstream: WorkstreamId(r.get(1)?),
            percent: r.get(2)?,
            start_date: date(r, 3, "allocation start_date")?,
            end_date: date(r, 4, "allocation end_date")?,
        });
    }

    read_cost(conn, &mut org)?;
    if let Some(problem) = org.validate().into_iter().next() {
        return Err(content(problem.to_string()));
    }
    Ok(org)
}

fn read_cost(conn: &Connection, org: &mut Org) -> Result<(), ReadError> {
    let mut stmt = conn.prepare("SELECT level, annual_cost FROM band ORDER BY position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        org.cost.bands.push(Band {
            level: r.get(0)?,
            annual_cost: Money::from_cents(r.get(1)?),
        });
    }
    let mut stmt = conn.prepare("SELECT team, annual_budget FROM budget ORDER BY position")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        org.cost.budgets.push(Budget {
            team: TeamId(r.get(0)?),
            annual_budget: Money::from_cents(r.get(1)?),
        });
    }
    let mut stmt = conn.prepare("SELECT name, value FROM org_setting ORDER BY name")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let name: String = r.get(0)?;
        match (name.as_str(), r.get::<_, Value>(1)?) {
            ("currency", Value::Text(code)) => {
                org.cost.currency = Some(Currency::parse(&code).ok_or_else(|| {
                    content(format!("currency {code:?} is not an ISO 4217 code"))
                })?);
            }
            ("fiscal_year_start", Value::Integer(m)) => {
                org.cost.fiscal_year_start = Some(
                    u32::try_from(m)
                        .map_err(|_| content(format!("fiscal_year_start {m} is not a month")))?,
                );
            }
            (other, _) => return Err(content(format!("unknown org setting {other:?}"))),
        }
    }
    Ok(())
}

/// Reads the thresholds; one missing has its default, one unknown is an error.
pub(crate) fn read_rules(conn: &Connection) -> Result<RuleConfig, ReadError> {
    let mut fields = serde_json::Map::new();
    let mut stmt = conn.prepare("SELECT name, value FROM rule_setting ORDER BY name")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let name: String = r.get(0)?;
        let value = match r.get::<_, Value>(1)? {
            Value::Integer(i) => serde_json::Value::from(i),
            Value::Real(f) => serde_json::Number::from_f64(f)
                .map(serde_json::Value::Number)
                .ok_or_else(|| content(format!("rule setting {name} is not a number")))?,
            _ => return Err(content(format!("rule setting {name} is not a number"))),
        };
        fields.insert(name, value);
    }
    let config: RuleConfig = serde_json::from_value(serde_json::Value::Object(fields))
        .map_err(|e| content(format!("rule settings: {e}")))?;
    if let Some((field, message)) = config.validate().into_iter().next() {
        return Err(content(format!("rule setting {field}: {message}")));
    }
    Ok(config)
}
