//! CSV files in, one [`Org`] out: all of it, or with any error none of it.

use pendulum_core::{CostSettings, Org, Person, PersonId, Role, Status, Team, TeamId};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use crate::columns::FileKind;
use crate::columns::{
    P_ASSISTANT, P_COST, P_CURRENCY, P_DOTTED, P_EMAIL, P_END, P_FIRST, P_FTE, P_ID, P_LAST,
    P_LEVEL, P_LOCATION, P_MANAGER, P_NAME, P_RERAMP, P_ROLE, P_ROLE_SINCE, P_START, P_STATUS,
    P_TEAM, P_TITLE,
};
use crate::headers::FileMapping;
use crate::pay;
use crate::problem::{ImportErrors, ImportProblem, Problems};
use crate::sheet::{self, Book};
use crate::source::Source;
use crate::table::{Row, read_file};
use crate::value;
use crate::work::{Directory, Lookup, read_allocations, read_teams, read_workstreams};

/// The files of one import. Only the people file is required.
#[derive(Clone, Copy, Debug)]
pub struct ImportRequest<'a> {
    pub people: Source<'a>,
    /// Team name, lead and type; teams named only in the other files are created bare.
    pub teams: Option<Source<'a>>,
    pub workstreams: Option<Source<'a>>,
    pub allocations: Option<Source<'a>>,
    /// Bands: level → annual cost of a full-time role.
    pub bands: Option<Source<'a>>,
    /// Budgets: team (`*` for the whole org) → annual budget.
    pub budgets: Option<Source<'a>>,
}

impl<'a> ImportRequest<'a> {
    /// A request with only a people file.
    pub fn people(people: Source<'a>) -> ImportRequest<'a> {
        ImportRequest {
            people,
            teams: None,
            workstreams: None,
            allocations: None,
            bands: None,
            budgets: None,
        }
    }
}

/// A successful import.
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct Imported {
    pub org: Org,
    /// Things done on the user's behalf (an encoding guessed, bidi controls removed, …).
    pub warnings: Vec<ImportProblem>,
    /// Warnings beyond the first [`crate::MAX_LISTED`].
    pub more_warnings: usize,
    /// How each file's columns were read, in the order people, teams, workstreams, allocations.
    pub mappings: Vec<FileMapping>,
}

/// What an import would do, for the app's preview: never fails.
#[derive(Clone, PartialEq, Debug, Serialize, ts_rs::TS)]
pub struct ImportPreview {
    pub mappings: Vec<FileMapping>,
    pub errors: Vec<ImportProblem>,
    pub more_errors: usize,
    pub warnings: Vec<ImportProblem>,
    pub more_warnings: usize,
    /// What the org would hold: rows read, less those too broken to keep (no id or name, a
    /// repeated id; for allocations a missing or unknown person, workstream or percent).
    pub people: usize,
    pub teams: usize,
    pub workstreams: usize,
    pub allocations: usize,
    pub bands: usize,
    pub budgets: usize,
}

/// Reads the files into an org. Every problem is listed (up to [`crate::MAX_LISTED`]);
/// with any error, no org is returned.
pub fn import(req: &ImportRequest<'_>) -> Result<Imported, ImportErrors> {
    let run = run(req);
    let p = run.problems;
    if p.has_errors() {
        return Err(ImportErrors {
            errors: p.errors,
            more: p.more_errors,
            warnings: p.warnings,
            mappings: run.mappings,
        });
    }
    Ok(Imported {
        org: run.org,
        warnings: p.warnings,
        more_warnings: p.more_warnings,
        mappings: run.mappings,
    })
}

/// The mapping, every problem and the counts an import of these files would give.
pub fn preview(req: &ImportRequest<'_>) -> ImportPreview {
    let run = run(req);
    let p = run.problems;
    ImportPreview {
        mappings: run.mappings,
        errors: p.errors,
        more_errors: p.more_errors,
        warnings: p.warnings,
        more_warnings: p.more_warnings,
        people: run.org.people.len(),
        teams: run.org.teams.len(),
        workstreams: run.org.workstreams.len(),
        allocations: run.org.allocations.len(),
        bands: run.org.cost.bands.len(),
        budgets: run.org.cost.budgets.len(),
    }
}

#[derive(Debug)]
struct Run {
    org: Org,
    problems: Problems,
    mappings: Vec<FileMapping>,
}

/// Where each org entry came from, to place the safety net's findings.
#[derive(Debug, Default)]
struct Origins {
    people: Vec<u64>,
    teams: Vec<Option<u64>>,
    workstreams: Vec<u64>,
    allocations: Vec<u64>,
    bands: Vec<u64>,
    budgets: Vec<u64>,
}

/// The sheets of the people workbook, when it is one: the others are read from its
/// sheets named like them (Teams, Workstreams, Allocations) unless given as files.
fn sheets_of(people: Source<'_>) -> Vec<String> {
    if sheet::sniff(people.bytes).is_none() {
        return Vec::new();
    }
    Book::open(people.bytes)
        .map(|b| b.sheet_names().to_vec())
        .unwrap_or_default()
}

fn run(req: &ImportRequest<'_>) -> Run {
    let sheets = sheets_of(req.people);
    let beside = |given: Option<Source<'_>>, kind: FileKind| -> Option<String> {
        if given.is_some() {
            return None;
        }
        sheets
            .iter()
            .find(|s| kind.sheet_matches(s) && Some(s.as_str()) != req.people.sheet)
            .cloned()
    };
    let named = [
        beside(req.teams, FileKind::Teams),
        beside(req.workstreams, FileKind::Workstreams),
        beside(req.allocations, FileKind::Allocations),
        beside(req.bands, FileKind::Bands),
        beside(req.budgets, FileKind::Budgets),
    ];
    let from_book = |given, i: usize| {
        Option::or_else(given, || {
            named
                .get(i)
                .and_then(|n| n.as_deref())
                .map(|n| Source::new(req.people.name, req.people.bytes).sheet(n))
        })
    };
    let req = &ImportRequest {
        people: req.people,
        teams: from_book(req.teams, 0),
        workstreams: from_book(req.workstreams, 1),
        allocations: from_book(req.allocations, 2),
        bands: from_book(req.bands, 3),
        budgets: from_book(req.budgets, 4),
    };
    let mut problems = Problems::default();
    let mut mappings = Vec::new();
    let mut origins = Origins::default();

    let people = read_people(req.people, &mut problems, &mut mappings);
    origins.people = people.rows.clone();
    let directory = &people.directory;

    let mut teams: Vec<Team> = Vec::new();
    // Without readable people, every person a teams or allocations file names would be
    // reported unknown: those files wait until the people file is fixed.
    let people_read = people.readable;
    if let Some(source) = req.teams.filter(|_| people_read) {
        let (t, rows) = read_teams(source, directory, &mut problems, &mut mappings);
        teams = t;
        origins.teams = rows.into_iter().map(Some).collect();
    }
    let (workstreams, ws_rows) = match req.workstreams {
        Some(source) => read_workstreams(source, &mut problems, &mut mappings),
        None => (Vec::new(), Vec::new()),
    };
    origins.workstreams = ws_rows;
    let (allocations, alloc_rows) = match req.allocations.filter(|_| people_read) {
        Some(source) => read_allocations(
            source,
            directory,
            &workstreams,
            req.workstreams.is_some(),
            &mut problems,
            &mut mappings,
        ),
        None => (Vec::new(), Vec::new()),
    };
    origins.allocations = alloc_rows;

    // Teams named only in people and workstreams, first-seen order, after the teams file's.
    let mut known: FxHashSet<String> = teams.iter().map(|t| t.id.0.clone()).collect();
    let named = people
        .people
        .iter()
        .filter_map(|p| p.team.as_ref())
        .chain(workstreams.iter().filter_map(|w| w.team.as_ref()));
    for team in named {
        if known.insert(team.0.clone()) {
            teams.push(Team {
                id: team.clone(),
                lead: None,
                kind: None,
            });
            origins.teams.push(None);
        }
    }

    let cost = read_pay(
        req,
        &people,
        &teams,
        &mut origins,
        &mut problems,
        &mut mappings,
    );
    let org = Org {
        people: people.people,
        teams,
        workstreams,
        allocations,
        cost,
    };
    if !problems.has_errors() {
        safety_net(&org, req, &origins, &mappings, &mut problems);
    }
    Run {
        org,
        problems,
        mappings,
    }
}

/// Core's own validation: a finding here means a check above is missing, so it is reported
/// as an import error rather than returned as an org that core would refuse.
fn safety_net(
    org: &Org,
    req: &ImportRequest<'_>,
    origins: &Origins,
    mappings: &[FileMapping],
    problems: &mut Problems,
) {
    for invalid in org.validate() {
        let (collection, rest) = invalid
            .field
            .split_once('[')
            .unwrap_or((invalid.field.as_str(), ""));
        let (index, field) = rest.split_once("].").unwrap_or(("", ""));
        let index: Option<usize> = index.parse().ok();
        let (source, kind, row) = match collection {
            "people" => (
                Some(req.people),
                FileKind::People,
                index.and_then(|i| origins.people.get(i).copied()),
            ),
            "teams" => (
                req.teams,
                FileKind::Teams,
                index.and_then(|i| origins.teams.get(i).copied().flatten()),
            ),
            "workstreams" => (
                req.workstreams,
                FileKind::Workstreams,
                index.and_then(|i| origins.workstreams.get(i).copied()),
            ),
            "cost.bands" => (
                req.bands,
                FileKind::Bands,
                index.and_then(|i| origins.bands.get(i).copied()),
            ),
            "cost.budgets" => (
                req.budgets,
                FileKind::Budgets,
                index.and_then(|i| origins.budgets.get(i).copied()),
            ),
            _ => (
                req.allocations,
                FileKind::Allocations,
                index.and_then(|i| origins.allocations.get(i).copied()),
            ),
        };
        let field = if kind == FileKind::Teams && field == "id" {
            "name"
        } else {
            field
        };
        let column = mappings
            .iter()
            .find(|m| m.kind == kind)
            .and_then(|m| m.columns.iter().find(|c| c.field == Some(field)));
        let file = source.map_or(req.people.name, |s| s.name).to_string();
        let sheet = mappings
            .iter()
            .find(|m| m.kind == kind)
            .and_then(|m| m.sheet.clone());
        let problem = match (row, column) {
            (Some(row), Some(c)) => ImportProblem {
                file,
                sheet,
                row: Some(row),
                column: Some(c.column),
                header: Some(c.header.clone()),
                message: invalid.message,
            },
            _ => ImportProblem {
                file,
                sheet,
                row: None,
                column: None,
                header: None,
                message: invalid.to_string(),
            },
        };
        problems.error(problem);
    }
}

/// The org's pay settings: bands and budgets (when given), and the one currency all the
/// files' `currency` columns agree on.
fn read_pay(
    req: &ImportRequest<'_>,
    people: &PeopleFile,
    teams: &[Team],
    origins: &mut Origins,
    problems: &mut Problems,
    mappings: &mut Vec<FileMapping>,
) -> CostSettings {
    let mut cost = CostSettings::default();
    let mut found = vec![(
        req.people,
        people.sheet.clone(),
        pay::one_currency(
            req.people,
            people.sheet.as_deref(),
            &people.currencies,
            problems,
        ),
    )];
    if let Some(source) = req.bands {
        let (bands, rows, currencies) = pay::read_bands(source, problems, mappings);
        let sheet = mappings.last().and_then(|m| m.sheet.clone());
        let c = pay::one_currency(source, sheet.as_deref(), &currencies, problems);
        found.push((source, sheet, c));
        cost.bands = bands;
        origins.bands = rows;
    }
    if let Some(source) = req.budgets.filter(|_| people.readable) {
        let names: FxHashSet<String> = teams.iter().map(|t| t.id.0.clone()).collect();
        let (budgets, rows, currencies) = pay::read_budgets(source, &names, problems, mappings);
        let sheet = mappings.last().and_then(|m| m.sheet.clone());
        let c = pay::one_currency(source, sheet.as_deref(), &currencies, problems);
        found.push((source, sheet, c));
        cost.budgets = budgets;
        origins.budgets = rows;
    }
    let found: Vec<_> = found
        .iter()
        .map(|(s, sheet, c)| (*s, sheet.as_deref(), c.clone()))
        .collect();
    cost.currency = pay::agree(&found, problems);
    cost
}

pub(crate) fn words<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str) -> String {
    all.iter().map(|&v| name(v)).collect::<Vec<_>>().join(", ")
}

// ---------------------------------------------------------------------------------------
// People.

#[derive(Debug, Default)]
pub(crate) struct PeopleFile {
    /// The file's rows could be read (it has a header naming an id and a name).
    readable: bool,
    pub(crate) people: Vec<Person>,
    /// Row of each person.
    pub(crate) rows: Vec<u64>,
    /// Whether the file had an e-mail column (managers may then be named by e-mail).
    pub(crate) has_email: bool,
    /// The `currency` cells, with their rows.
    currencies: pay::Currencies,
    /// The sheet read, for a workbook.
    sheet: Option<String>,
    directory: Directory,
}

/// A person's manager and dotted-line references, waiting for every id to be known.
#[derive(Debug)]
struct PendingRefs {
    person: usize,
    row: u64,
    /// 0-based columns of the manager and dotted-line cells.
    manager_column: usize,
    dotted_column: usize,
}

fn read_people(
    source: Source<'_>,
    problems: &mut Problems,
    mappings: &mut Vec<FileMapping>,
) -> PeopleFile {
    let mut out = PeopleFile::default();
    let mut first_row: FxHashMap<String, u64> = FxHashMap::default();
    let mut pending: Vec<PendingRefs> = Vec::new();
    let (mut mapping, field_column) = read_file(
        source,
        FileKind::People,
        &[&[P_ID, P_EMAIL], &[P_NAME, P_FIRST, P_LAST]],
        problems,
        |row, problems| {
            let id_field = if row.has(P_ID) { P_ID } else { P_EMAIL };
            if row.is_bad(id_field) {
                return;
            }
            let Some(id) = row.filled(id_field) else {
                let message = if id_field == P_ID {
                    "the id is empty; every person needs one".to_string()
                } else {
                    "the e-mail is empty; without an id column the e-mail is each person's id"
                        .to_string()
                };
                problems.error(row.problem(id_field, message));
                return;
            };
            if let Some(&first) = first_row.get(id) {
                problems.error(row.problem(
                    id_field,
                    format!("duplicate id {id:?}: row {first} has it too"),
                ));
                return;
            }
            first_row.insert(id.to_string(), row.row);
            let Some(name) = person_name(row, problems) else {
                return;
            };
            let mut person = Person::new(id, name);
            person.title = row.text(P_TITLE).unwrap_or("").to_string();
            person.manager_id = row.filled(P_MANAGER).map(PersonId::from);
            person.role = row.parse(P_ROLE, problems, |t| {
                Role::parse(t).ok_or_else(|| {
                    format!(
                        "unknown role {t:?}: expected one of {} (or leave it empty to infer it)",
                        words(&Role::ALL, Role::as_str)
                    )
                })
            });
            person.team = row.filled(P_TEAM).map(TeamId::from);
            person.level = row.filled(P_LEVEL).map(str::to_string);
            person.status = row
                .parse(P_STATUS, problems, |t| {
                    Status::parse(t).ok_or_else(|| {
                        format!("unknown status {t:?}: expected one of active, open, leaving (empty means active)")
                    })
                })
                .unwrap_or_default();
            (person.start_date, person.end_date) = row.dates(P_START, P_END, problems);
            person.fte = row
                .parse(P_FTE, problems, |t| match value::fraction(t) {
                    Some(v) if v > 0.0 && v <= 1.0 => Ok(v),
                    Some(v) => Err(format!(
                        "fte must be in (0, 1] (a fraction of a full-time week; \"80%\" reads as 0.8), found {v}"
                    )),
                    None => Err(format!("fte must be a number in (0, 1] such as 0.8 or 80%, found {t:?}")),
                })
                .unwrap_or(1.0);
            person.location = row.filled(P_LOCATION).map(str::to_string);
            person.email = row.filled(P_EMAIL).map(str::to_string);
            person.role_since = row.date(P_ROLE_SINCE, problems);
            person.reramp_from = row.date(P_RERAMP, problems);
            person.cost = row.parse(P_COST, problems, pay::amount);
            if let Some(c) = row.parse(P_CURRENCY, problems, pay::currency) {
                out.currencies.push((c, row.row));
            }
            person.assistant = row
                .parse(P_ASSISTANT, problems, |t| {
                    value::yes_no(t).ok_or_else(|| {
                        format!("expected yes or no (true/false, y/n, 1/0), found {t:?}")
                    })
                })
                .unwrap_or(false);
            person.dotted_managers = row
                .filled(P_DOTTED)
                .map(|t| {
                    t.split(';')
                        .map(|id| id.trim_matches(' '))
                        .filter(|id| !id.is_empty())
                        .map(PersonId::from)
                        .collect()
                })
                .unwrap_or_default();
            if person.manager_id.is_some() || !person.dotted_managers.is_empty() {
                pending.push(PendingRefs {
                    person: out.people.len(),
                    row: row.row,
                    manager_column: row.column_of(P_MANAGER),
                    dotted_column: row.column_of(P_DOTTED),
                });
            }
            out.people.push(person);
            out.rows.push(row.row);
        },
    );
    let readable = field_column.is_some();
    out.readable = readable;
    let column = |f: usize| {
        field_column
            .as_ref()
            .and_then(|fc| fc.get(f).copied().flatten())
    };
    out.has_email = column(P_EMAIL).is_some();
    out.sheet = mapping.sheet.clone();
    if column(P_ID).is_none()
        && let Some(c) = column(P_EMAIL).and_then(|c| mapping.columns.get_mut(c))
    {
        c.note = Some("also the id: the file has no id column".into());
    }
    if column(P_FIRST).is_none()
        && column(P_LAST).is_some()
        && let Some(c) = column(P_NAME).and_then(|c| mapping.columns.get_mut(c))
    {
        c.note = Some("first name: joined with the last-name column".into());
    }
    if readable && mapping.records == 0 {
        problems.error(ImportProblem::whole(
            source.name,
            mapping.sheet.as_deref(),
            "the file has a header but no people".into(),
        ));
    }
    if mapping.records > 0 && column(P_MANAGER).is_none() {
        problems.warning(ImportProblem::whole(
            source.name,
            mapping.sheet.as_deref(),
            "no manager column (such as manager_id, parentId, SupervisorID, Reports To or Manager Email): \
             everyone is a root"
                .into(),
        ));
    }
    // Managers and dotted lines named by e-mail become ids; unknown ones stay as written.
    out.directory = Directory::new(&out, first_row);
    let directory = &out.directory;
    let ambiguous = |p: &PendingRefs, column: usize, what: &str, lookup: &Lookup| {
        let Lookup::Ambiguous(text, a, b) = lookup else {
            return None;
        };
        Some(ImportProblem {
            file: source.name.to_string(),
            sheet: mapping.sheet.clone(),
            row: Some(p.row),
            column: Some(column as u64 + 1),
            header: mapping
                .columns
                .get(column)
                .map(|c| c.header.clone())
                .filter(|h| !h.is_empty()),
            message: format!(
                "{what} {text:?} is the e-mail of two people (rows {a} and {b}); use their id instead"
            ),
        })
    };
    for p in &pending {
        let Some(person) = out.people.get_mut(p.person) else {
            continue;
        };
        if let Some(m) = &person.manager_id {
            match directory.resolve(m.as_str()) {
                Lookup::Found(id) => person.manager_id = Some(id),
                other => problems.extend_error(ambiguous(p, p.manager_column, "manager", &other)),
            }
        }
        for slot in &mut person.dotted_managers {
            match directory.resolve(slot.as_str()) {
                Lookup::Found(id) => *slot = id,
                other => problems.extend_error(ambiguous(
                    p,
                    p.dotted_column,
                    "dotted-line manager",
                    &other,
                )),
            }
        }
    }
    mappings.push(mapping);
    out
}

/// The display name: one name column, or first and last name joined (d3-org-chart's
/// `name` + `lastName` counts as first and last).
fn person_name(row: &Row<'_>, problems: &mut Problems) -> Option<String> {
    let join = |first: Option<&str>, last: Option<&str>| -> String {
        [first.unwrap_or(""), last.unwrap_or("")]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (name, field) = if row.has(P_NAME) && row.has(P_FIRST) {
        let name = row
            .filled(P_NAME)
            .map(str::to_string)
            .unwrap_or_else(|| join(row.text(P_FIRST), row.text(P_LAST)));
        (name, P_NAME)
    } else if row.has(P_NAME) {
        (join(row.text(P_NAME), row.text(P_LAST)), P_NAME)
    } else {
        (
            join(row.text(P_FIRST), row.text(P_LAST)),
            if row.has(P_FIRST) { P_FIRST } else { P_LAST },
        )
    };
    if name.trim().is_empty() {
        if ![P_NAME, P_FIRST, P_LAST].iter().any(|&f| row.is_bad(f)) {
            problems.error(row.problem(field, "the name is empty; every person needs one".into()));
        }
        return None;
    }
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(csv: &str) -> Result<Imported, ImportErrors> {
        import(&ImportRequest::people(Source::new(
            "people.csv",
            csv.as_bytes(),
        )))
    }

    #[test]
    fn reads_a_small_org() {
        let got = people("id,name,manager_id,fte\n1,Ann,,\n2,Bob,1,80%\n");
        let org = got.map(|i| i.org).map_err(|e| e.to_string());
        assert!(
            matches!(&org, Ok(o) if o.people.len() == 2 && o.people.get(1).is_some_and(|p| p.fte == 0.8
            && p.manager_id.as_ref().is_some_and(|m| m.as_str() == "1"))),
            "{org:?}"
        );
    }

    #[test]
    fn names_managers_by_email() {
        let got =
            people("Work Email,Manager Email,Name\nann@x.org,,Ann\nbob@x.org,ANN@X.org,Bob\n");
        let org = got.map(|i| i.org).map_err(|e| e.to_string());
        assert!(
            matches!(&org, Ok(o) if o.people.get(1).and_then(|p| p.manager_id.as_ref()).is_some_and(|m| m.as_str() == "ann@x.org")),
            "{org:?}"
        );
    }
}
