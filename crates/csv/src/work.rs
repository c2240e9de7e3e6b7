//! The teams, workstreams and allocations files of an import, and the directory that finds
//! the people they name (by id, or by e-mail).

use pendulum_core::{
    Allocation, PersonId, Team, TeamId, TeamKind, Workstream, WorkstreamId, WorkstreamKind,
};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::columns::FileKind;
use crate::columns::{
    A_END, A_PERCENT, A_PERSON, A_START, A_WORKSTREAM, T_LEAD, T_NAME, T_TYPE, W_END, W_ID, W_KIND,
    W_NAME, W_PRIORITY, W_REQUIRED, W_START, W_TEAM,
};
use crate::headers::FileMapping;
use crate::import::{PeopleFile, words};
use crate::problem::Problems;
use crate::source::Source;
use crate::table::read_file;
use crate::value;

/// Finds people by id, or by e-mail (ignoring case) when the people file has e-mails.
#[derive(Debug, Default)]
pub(crate) struct Directory {
    /// Id → row.
    ids: FxHashMap<String, u64>,
    /// Lower-cased e-mail → (id, row) of the first person with it, and the row of a second.
    emails: FxHashMap<String, (String, u64, Option<u64>)>,
}

#[derive(Debug)]
pub(crate) enum Lookup {
    Found(PersonId),
    Ambiguous(String, u64, u64),
    Unknown,
}

impl Directory {
    /// `ids` maps each id to its row (the people file's duplicate check builds it).
    pub(crate) fn new(people: &PeopleFile, ids: FxHashMap<String, u64>) -> Directory {
        let mut emails: FxHashMap<String, (String, u64, Option<u64>)> = FxHashMap::default();
        if people.has_email {
            for (p, &row) in people.people.iter().zip(&people.rows) {
                if let Some(e) = &p.email {
                    emails
                        .entry(e.to_lowercase())
                        .and_modify(|entry| {
                            entry.2.get_or_insert(row);
                        })
                        .or_insert((p.id.0.clone(), row, None));
                }
            }
        }
        Directory { ids, emails }
    }

    pub(crate) fn resolve(&self, text: &str) -> Lookup {
        if self.ids.contains_key(text) {
            return Lookup::Found(PersonId::from(text));
        }
        match self.emails.get(&text.to_lowercase()) {
            Some((_, first, Some(second))) => Lookup::Ambiguous(text.to_string(), *first, *second),
            Some((id, _, None)) => Lookup::Found(PersonId::from(id.as_str())),
            None => Lookup::Unknown,
        }
    }

    /// A reference that must name someone; the error message when it does not.
    fn person(&self, text: &str) -> Result<PersonId, String> {
        match self.resolve(text) {
            Lookup::Found(id) => Ok(id),
            Lookup::Ambiguous(t, a, b) => Err(format!(
                "{t:?} is the e-mail of two people (people rows {a} and {b}); use their id instead"
            )),
            Lookup::Unknown => Err(format!("no person has the id (or e-mail) {text:?}")),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Teams, workstreams, allocations.

pub(crate) fn read_teams(
    source: Source<'_>,
    directory: &Directory,
    problems: &mut Problems,
    mappings: &mut Vec<FileMapping>,
) -> (Vec<Team>, Vec<u64>) {
    let mut teams = Vec::new();
    let mut rows = Vec::new();
    let mut first_row: FxHashMap<String, u64> = FxHashMap::default();
    let (mapping, _) = read_file(
        source,
        FileKind::Teams,
        &[&[T_NAME]],
        problems,
        |row, problems| {
            if row.is_bad(T_NAME) {
                return;
            }
            let Some(name) = row.filled(T_NAME) else {
                problems.error(row.problem(T_NAME, "the team name is empty".into()));
                return;
            };
            if let Some(&first) = first_row.get(name) {
                problems.error(row.problem(
                    T_NAME,
                    format!("duplicate team {name:?}: row {first} has it too"),
                ));
                return;
            }
            first_row.insert(name.to_string(), row.row);
            let lead = row.parse(T_LEAD, problems, |t| directory.person(t));
            let kind = row.parse(T_TYPE, problems, |t| {
                TeamKind::parse(t).ok_or_else(|| {
                    format!(
                        "unknown team type {t:?}: expected one of {}",
                        words(
                            &[
                                TeamKind::StreamAligned,
                                TeamKind::Platform,
                                TeamKind::Enabling,
                                TeamKind::ComplicatedSubsystem
                            ],
                            TeamKind::as_str
                        )
                    )
                })
            });
            teams.push(Team {
                id: TeamId::from(name),
                lead,
                kind,
            });
            rows.push(row.row);
        },
    );
    mappings.push(mapping);
    (teams, rows)
}

pub(crate) fn read_workstreams(
    source: Source<'_>,
    problems: &mut Problems,
    mappings: &mut Vec<FileMapping>,
) -> (Vec<Workstream>, Vec<u64>) {
    let mut workstreams = Vec::new();
    let mut rows = Vec::new();
    let mut first_row: FxHashMap<String, u64> = FxHashMap::default();
    let (mapping, _) = read_file(
        source,
        FileKind::Workstreams,
        &[&[W_ID]],
        problems,
        |row, problems| {
            if row.is_bad(W_ID) {
                return;
            }
            let Some(id) = row.filled(W_ID) else {
                problems.error(row.problem(W_ID, "the workstream id is empty".into()));
                return;
            };
            if let Some(&first) = first_row.get(id) {
                problems.error(row.problem(
                    W_ID,
                    format!("duplicate workstream id {id:?}: row {first} has it too"),
                ));
                return;
            }
            first_row.insert(id.to_string(), row.row);
            let name = if row.has(W_NAME) {
                row.text(W_NAME).unwrap_or("")
            } else {
                id
            };
            let mut w = Workstream::new(id, name);
            w.team = row.filled(W_TEAM).map(TeamId::from);
            w.required_fte = row
                .parse(W_REQUIRED, problems, |t| match value::fraction(t) {
                    Some(v) if v >= 0.0 => Ok(v),
                    Some(v) => Err(format!("required_fte must be 0 or more, found {v}")),
                    None => Err(format!(
                        "required_fte must be a number such as 2 or 1.5, found {t:?}"
                    )),
                })
                .unwrap_or(0.0);
            w.kind = row
            .parse(W_KIND, problems, |t| {
                WorkstreamKind::parse(t).ok_or_else(|| {
                    format!(
                        "unknown workstream kind {t:?}: expected one of {} (empty means feature)",
                        words(
                            &[WorkstreamKind::Feature, WorkstreamKind::Migration, WorkstreamKind::Operations, WorkstreamKind::Other],
                            WorkstreamKind::as_str
                        )
                    )
                })
            })
            .unwrap_or_default();
            (w.start_date, w.end_date) = row.dates(W_START, W_END, problems);
            w.priority = row.filled(W_PRIORITY).map(str::to_string);
            workstreams.push(w);
            rows.push(row.row);
        },
    );
    mappings.push(mapping);
    (workstreams, rows)
}

pub(crate) fn read_allocations(
    source: Source<'_>,
    directory: &Directory,
    workstreams: &[Workstream],
    had_workstreams_file: bool,
    problems: &mut Problems,
    mappings: &mut Vec<FileMapping>,
) -> (Vec<Allocation>, Vec<u64>) {
    let ids: FxHashSet<&str> = workstreams.iter().map(|w| w.id.as_str()).collect();
    let mut allocations = Vec::new();
    let mut rows = Vec::new();
    let required: &[&[usize]] = &[&[A_PERSON], &[A_WORKSTREAM], &[A_PERCENT]];
    let (mapping, _) = read_file(
        source,
        FileKind::Allocations,
        required,
        problems,
        |row, problems| {
            let mut complete = true;
            for (field, what) in [
                (A_PERSON, "person"),
                (A_WORKSTREAM, "workstream"),
                (A_PERCENT, "percent"),
            ] {
                if row.is_bad(field) {
                    complete = false;
                } else if row.filled(field).is_none() {
                    problems.error(row.problem(field, format!("the {what} is empty")));
                    complete = false;
                }
            }
            let person = row.parse(A_PERSON, problems, |t| directory.person(t));
            let workstream = row.parse(A_WORKSTREAM, problems, |t| {
                if ids.contains(t) {
                    Ok(WorkstreamId::from(t))
                } else if had_workstreams_file {
                    Err(format!("no workstream has the id {t:?}"))
                } else {
                    Err(format!(
                        "no workstream has the id {t:?} (no workstreams file was given)"
                    ))
                }
            });
            let percent = row.parse(A_PERCENT, problems, |t| match value::percent(t) {
                Some(v) if v > 0.0 && v <= 100.0 => Ok(v),
                Some(v) => Err(format!(
                    "percent must be in (0, 100] of a full-time week, found {v}"
                )),
                None => Err(format!(
                    "percent must be a number such as 50 or 50%, found {t:?}"
                )),
            });
            let (start_date, end_date) = row.dates(A_START, A_END, problems);
            if let (true, Some(person), Some(workstream), Some(percent)) =
                (complete, person, workstream, percent)
            {
                allocations.push(Allocation {
                    person,
                    workstream,
                    percent,
                    start_date,
                    end_date,
                });
                rows.push(row.row);
            }
        },
    );
    mappings.push(mapping);
    (allocations, rows)
}
