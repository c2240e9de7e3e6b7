//! RELIABILITY C3: a random org, exported to the four CSVs and imported, is the same org.
//! The formula escape is exactly undone on import, so equality is exact.
//!
//! Generated orgs are valid (`Org::validate` is empty) and avoid what import documents it
//! changes: bidi controls (removed), NUL (refused), `Some("")` (read as absent), ids with
//! surrounding whitespace or `;` in dotted-line lists, and dangling manager ids that equal
//! someone's e-mail (read as that person).

use pendulum_core::{
    Allocation, Date, Org, Person, PersonId, Role, Status, Team, TeamId, TeamKind, Workstream,
    WorkstreamId, WorkstreamKind,
};
use pendulum_csv::{
    ImportRequest, Source, allocations_csv, import, people_csv, teams_csv, workstreams_csv,
};
use proptest::prelude::*;
use proptest::sample::Index;

/// Characters that stress quoting, trimming, the formula escape and UTF-8.
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('A', 'Z'),
        1 => proptest::char::range('0', '9'),
        4 => proptest::sample::select(vec![
            ' ', ',', '"', '\'', '=', '+', '-', '@', '\t', '\n', '\r', ';', '%', 'é', '中', '😀', '\u{a0}', '\u{feff}',
            '\u{2028}',
        ]),
    ]
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(text_char(), 0..max).prop_map(|c| c.into_iter().collect())
}

/// Text with something visible in it.
fn shown(max: usize) -> impl Strategy<Value = String> {
    text(max).prop_filter("needs a visible character", |s| !s.trim().is_empty())
}

fn optional(max: usize) -> impl Strategy<Value = Option<String>> {
    proptest::option::of(shown(max))
}

/// A key made unique by its index after the only `#`: the random prefix goes through every
/// escape, and the final digit keeps it apart from e-mails (which end in a letter).
fn key(prefix: String, i: usize) -> String {
    format!("{}#{i}", prefix.replace([';', '#'], ":").trim_start())
}

fn date() -> impl Strategy<Value = Date> {
    (-25_000i32..40_000).prop_map(Date::from_days_since_epoch)
}

fn dates() -> impl Strategy<Value = (Option<Date>, Option<Date>)> {
    (
        proptest::option::of(date()),
        proptest::option::of(0i32..5000),
        any::<bool>(),
    )
        .prop_map(|(start, span, open_start)| match (start, span) {
            (Some(s), Some(d)) => (Some(s), Some(s.add_days(d))),
            (None, Some(d)) if !open_start => (None, Some(Date::from_days_since_epoch(d))),
            (s, _) => (s, None),
        })
}

fn fte() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(1.0),
        (1u32..=100).prop_map(|n| f64::from(n) / 100.0),
        (0.0f64..=1.0).prop_filter("fte > 0", |v| *v > 0.0),
    ]
}

fn percent() -> impl Strategy<Value = f64> {
    prop_oneof![
        (1u32..=100).prop_map(f64::from),
        (0.0f64..=100.0).prop_filter("percent > 0", |v| *v > 0.0)
    ]
}

fn required_fte() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        (0u32..1000).prop_map(|n| f64::from(n) / 100.0),
        0.0f64..1e6
    ]
}

fn role() -> impl Strategy<Value = Option<Role>> {
    proptest::option::of(proptest::sample::select(Role::ALL.to_vec()))
}

fn status() -> impl Strategy<Value = Status> {
    proptest::sample::select(vec![Status::Active, Status::Open, Status::Leaving])
}

fn team_kind() -> impl Strategy<Value = Option<TeamKind>> {
    proptest::option::of(proptest::sample::select(vec![
        TeamKind::StreamAligned,
        TeamKind::Platform,
        TeamKind::Enabling,
        TeamKind::ComplicatedSubsystem,
    ]))
}

fn workstream_kind() -> impl Strategy<Value = WorkstreamKind> {
    proptest::sample::select(vec![
        WorkstreamKind::Feature,
        WorkstreamKind::Migration,
        WorkstreamKind::Operations,
        WorkstreamKind::Other,
    ])
}

/// A reference to one of `n` things, or (`None`) to something that does not exist.
fn pick(index: &Option<Index>, n: usize) -> Option<usize> {
    index.as_ref().filter(|_| n > 0).map(|i| i.index(n))
}

#[derive(Debug, Clone)]
struct PersonDraft {
    id: String,
    name: String,
    title: String,
    manager: Option<Option<Index>>,
    role: Option<Role>,
    team: Index,
    has_team: bool,
    level: Option<String>,
    status: Status,
    dates: (Option<Date>, Option<Date>),
    fte: f64,
    location: Option<String>,
    email: Option<(String, bool)>,
    role_since: Option<Date>,
    assistant: bool,
    dotted: Vec<Option<Index>>,
}

fn person_draft() -> impl Strategy<Value = PersonDraft> {
    (
        (
            text(6),
            shown(10),
            text(10),
            proptest::option::of(proptest::option::of(any::<Index>())),
            role(),
        ),
        (
            any::<Index>(),
            any::<bool>(),
            optional(5),
            status(),
            dates(),
            fte(),
        ),
        (
            optional(8),
            proptest::option::of((text(5), any::<bool>())),
            proptest::option::of(date()),
            any::<bool>(),
            proptest::collection::vec(proptest::option::of(any::<Index>()), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, name, title, manager, role),
                (team, has_team, level, status, dates, fte),
                rest,
            )| {
                let (location, email, role_since, assistant, dotted) = rest;
                PersonDraft {
                    id,
                    name,
                    title,
                    manager,
                    role,
                    team,
                    has_team,
                    level,
                    status,
                    dates,
                    fte,
                    location,
                    email,
                    role_since,
                    assistant,
                    dotted,
                }
            },
        )
}

/// A valid org that exercises every column of every export.
pub fn arb_org() -> impl Strategy<Value = Org> {
    (
        proptest::collection::vec(person_draft(), 1..12),
        proptest::collection::vec(
            (text(6), proptest::option::of(any::<Index>()), team_kind()),
            0..4,
        ),
        proptest::collection::vec(
            (
                text(6),
                text(8),
                proptest::option::of(any::<Index>()),
                required_fte(),
                workstream_kind(),
                dates(),
                optional(4),
            ),
            0..5,
        ),
        proptest::collection::vec((any::<Index>(), any::<Index>(), percent(), dates()), 0..10),
    )
        .prop_map(|(drafts, team_drafts, ws_drafts, alloc_drafts)| {
            let n = drafts.len();
            let ids: Vec<String> = drafts
                .iter()
                .enumerate()
                .map(|(i, d)| key(d.id.clone(), i))
                .collect();
            let person = |i: usize| PersonId::new(ids[i].clone());
            let teams: Vec<Team> = team_drafts
                .iter()
                .enumerate()
                .map(|(i, (name, lead, kind))| Team {
                    id: TeamId::new(key(name.clone(), i)),
                    lead: pick(lead, n).map(person),
                    kind: *kind,
                })
                .collect();
            let team = |index: &Index| {
                (!teams.is_empty()).then(|| teams[index.index(teams.len())].id.clone())
            };
            let people = drafts
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let reference = |r: &Option<Index>| match pick(r, n) {
                        Some(j) => person(j),
                        None => PersonId::new(format!("gone {i}")),
                    };
                    Person {
                        id: person(i),
                        name: d.name.clone(),
                        title: d.title.clone(),
                        manager_id: d.manager.as_ref().map(reference),
                        role: d.role,
                        team: if d.has_team { team(&d.team) } else { None },
                        level: d.level.clone(),
                        status: d.status,
                        start_date: d.dates.0,
                        end_date: d.dates.1,
                        fte: d.fte,
                        location: d.location.clone(),
                        email: d.email.as_ref().map(|(local, upper)| {
                            let e = format!("{local}{i}@example.org");
                            if *upper { e.to_uppercase() } else { e }
                        }),
                        role_since: d.role_since,
                        assistant: d.assistant,
                        dotted_managers: d.dotted.iter().map(reference).collect(),
                        reramp_from: d.role_since.and(d.dates.1),
                        cost: None,
                    }
                })
                .collect();
            let workstreams: Vec<Workstream> = ws_drafts
                .iter()
                .enumerate()
                .map(
                    |(i, (id, name, t, required_fte, kind, (start_date, end_date), priority))| {
                        Workstream {
                            id: WorkstreamId::new(key(id.clone(), i)),
                            name: name.clone(),
                            team: t.as_ref().and_then(team),
                            required_fte: *required_fte,
                            kind: *kind,
                            start_date: *start_date,
                            end_date: *end_date,
                            priority: priority.clone(),
                        }
                    },
                )
                .collect();
            let allocations = if workstreams.is_empty() {
                Vec::new()
            } else {
                alloc_drafts
                    .iter()
                    .map(|(p, w, percent, (start_date, end_date))| Allocation {
                        person: person(p.index(n)),
                        workstream: workstreams[w.index(workstreams.len())].id.clone(),
                        percent: *percent,
                        start_date: *start_date,
                        end_date: *end_date,
                    })
                    .collect()
            };
            Org {
                people,
                teams,
                workstreams,
                allocations,
                ..Org::default()
            }
        })
}

/// Exports the four files and imports them back.
pub fn through_csv(org: &Org) -> Result<pendulum_csv::Imported, pendulum_csv::ImportErrors> {
    let (people, teams, workstreams, allocations) = (
        people_csv(org),
        teams_csv(org),
        workstreams_csv(org),
        allocations_csv(org),
    );
    import(&ImportRequest {
        people: Source::new("people.csv", people.as_bytes()),
        teams: Some(Source::new("teams.csv", teams.as_bytes())),
        workstreams: Some(Source::new("workstreams.csv", workstreams.as_bytes())),
        allocations: Some(Source::new("allocations.csv", allocations.as_bytes())),
        bands: None,
        budgets: None,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn export_then_import_gives_the_same_org(org in arb_org()) {
        prop_assert!(org.validate().is_empty(), "generator made an invalid org: {:?}", org.validate());
        let back = through_csv(&org).map_err(|e| TestCaseError::fail(format!("{e}\n{}", people_csv(&org))))?;
        prop_assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        prop_assert_eq!(back.org, org);
    }
}

#[test]
fn teams_come_back_from_people_and_workstreams_without_a_teams_file() {
    let mut org = Org::default();
    let mut p = Person::new("1", "Ann");
    p.team = Some(TeamId::from("Core"));
    org.people.push(p);
    let mut w = Workstream::new("w", "Search");
    w.team = Some(TeamId::from("Data"));
    org.workstreams.push(w);
    org.teams = vec![
        Team {
            id: TeamId::from("Core"),
            lead: None,
            kind: None,
        },
        Team {
            id: TeamId::from("Data"),
            lead: None,
            kind: None,
        },
    ];
    let (people, workstreams) = (people_csv(&org), workstreams_csv(&org));
    let back = import(&ImportRequest {
        workstreams: Some(Source::new("w.csv", workstreams.as_bytes())),
        ..ImportRequest::people(Source::new("p.csv", people.as_bytes()))
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.org, org);
}

#[test]
fn canonical_people_header() {
    let org = Org {
        people: vec![Person::new("1", "Ann")],
        ..Org::default()
    };
    assert_eq!(
        people_csv(&org),
        "id,name,title,manager_id,role,team,level,status,start_date,end_date,fte,location,email,role_since,assistant,dotted_managers,reramp_from\n\
         1,Ann,,,,,,active,,,1,,,,false,,\n"
    );
}
