//! The pendulum (`docs/swings.md`): one data-driven case per path of the swing rules, then property
//! tests over random orgs and random swings that `plan` accepts.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use std::cell::Cell;
use std::collections::BTreeSet;

use pendulum_core::swing::{SwingPlan, plan, simulate};
use pendulum_core::{
    Allocation, Date, Flag, Org, Person, PersonId, Role, RuleConfig, Snapshot, Stats, Status,
    Swing, SwingError, SwingReport, SwingTo, Workstream, WorkstreamId, apply, check,
};
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};

const D: &str = "2026-03-15";

fn day(s: &str) -> Date {
    Date::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// Reads a compact org, one line each:
/// - a person: `ID [^MANAGER] [ROLE] [open] [assistant] [start=D] [end=D] [since=D]`;
/// - a workstream: `ws ID [req=FTE]`;
/// - an allocation: `alloc PERSON WS PERCENT [start=D] [end=D]`;
/// - thresholds: `rules {JSON}` (RuleConfig fields).
fn org_from(text: &str) -> (Org, RuleConfig) {
    let mut org = Org::default();
    let mut config = RuleConfig::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut words = line.split_whitespace();
        let first = words.next().unwrap();
        let date_of = |w: &str, key: &str| w.strip_prefix(key).map(day);
        match first {
            "rules" => config = serde_json::from_str(line.trim_start_matches("rules")).unwrap(),
            "ws" => {
                let mut w = Workstream::new(words.next().unwrap(), "Workstream");
                for word in words {
                    w.required_fte = word.strip_prefix("req=").unwrap().parse().unwrap();
                }
                org.workstreams.push(w);
            }
            "alloc" => {
                let (p, w) = (words.next().unwrap(), words.next().unwrap());
                let mut a = Allocation::new(p, w, words.next().unwrap().parse().unwrap());
                for word in words {
                    if let Some(d) = date_of(word, "start=") {
                        a.start_date = Some(d);
                    } else {
                        a.end_date = Some(date_of(word, "end=").unwrap());
                    }
                }
                org.allocations.push(a);
            }
            id => {
                let mut p = Person::new(id, format!("Name {id}"));
                for word in words {
                    if let Some(m) = word.strip_prefix('^') {
                        p.manager_id = Some(PersonId::from(m));
                    } else if let Some(r) = Role::parse(word) {
                        p.role = Some(r);
                    } else if word == "open" {
                        p.status = Status::Open;
                    } else if word == "assistant" {
                        p.assistant = true;
                    } else if let Some(d) = date_of(word, "start=") {
                        p.start_date = Some(d);
                    } else if let Some(d) = date_of(word, "end=") {
                        p.end_date = Some(d);
                    } else {
                        p.role_since = Some(date_of(word, "since=").unwrap());
                    }
                }
                org.people.push(p);
            }
        }
    }
    assert!(org.validate().is_empty(), "{:?}", org.validate());
    (org, config)
}

fn to_ic(id: &str) -> Swing {
    Swing {
        person: PersonId::from(id),
        to: SwingTo::Ic,
        date: day(D),
        reports: Vec::new(),
        successor: None,
        join: Vec::new(),
    }
}

fn to_manager(id: &str, reports: &[&str]) -> Swing {
    Swing {
        to: SwingTo::Manager,
        reports: reports.iter().map(|r| PersonId::from(*r)).collect(),
        ..to_ic(id)
    }
}

trait SwingOptions {
    fn successor(self, id: &str) -> Swing;
    fn join(self, ws: &str, percent: f64) -> Swing;
    fn on(self, date: &str) -> Swing;
}

impl SwingOptions for Swing {
    fn successor(self, id: &str) -> Swing {
        Swing {
            successor: Some(PersonId::from(id)),
            ..self
        }
    }
    fn join(mut self, ws: &str, percent: f64) -> Swing {
        self.join.push((WorkstreamId::from(ws), percent));
        self
    }
    fn on(self, date: &str) -> Swing {
        Swing {
            date: day(date),
            ..self
        }
    }
}

enum Expect<'a> {
    /// Accepted, moving these people, in this order, under these managers (`None`: a root).
    Moves(&'a [(&'a str, Option<&'a str>)]),
    Refused(SwingError),
}
use Expect::{Moves, Refused};

/// An accepted swing: the org before, the org with its edit applied, and the report.
struct Outcome {
    config: RuleConfig,
    after: Org,
    report: SwingReport,
}

impl Outcome {
    fn person(&self, id: &str) -> &Person {
        self.after.people.iter().find(|p| p.id.0 == id).unwrap()
    }
    fn allocations_of(&self, id: &str) -> Vec<(String, f64)> {
        self.after
            .allocations
            .iter()
            .filter(|a| a.person.0 == id)
            .map(|a| (a.workstream.0.clone(), a.percent))
            .collect()
    }
}

fn manager_of(org: &Org, id: &str) -> Option<PersonId> {
    org.people
        .iter()
        .find(|p| p.id.0 == id)
        .and_then(|p| p.manager_id.clone())
}

/// Simulates `swing` on the org `text` describes (as of the swing's day) and checks the
/// expectation, and for every case: `simulate` and `plan` leave the org untouched and agree;
/// a refusal is the same from both; an accepted swing's moves are exactly the reporting lines
/// its edit changes, and its `after` is the applied org's stats.
fn case(text: &str, swing: Swing, expect: Expect<'_>) -> Option<Outcome> {
    let (org, config) = org_from(text);
    let pristine = org.clone();
    let simulated = simulate(&org, &config, &swing, swing.date);
    let planned = plan(&org, &config, &swing);
    assert_eq!(org, pristine, "simulate or plan changed the org");
    match expect {
        Refused(expected) => {
            let err = simulated
                .err()
                .unwrap_or_else(|| panic!("{swing:?} accepted"));
            assert_eq!(err, expected, "{err}");
            assert_eq!(planned, Err(expected));
            None
        }
        Moves(moves) => {
            let report = simulated.unwrap_or_else(|e| panic!("{swing:?} refused: {e}"));
            let SwingPlan {
                edit,
                moves: plan_moves,
            } = planned.unwrap();
            assert_eq!(report.moves, plan_moves);
            // The report's edit is the swing itself; applied, it does what the plan's batch does.
            assert_eq!(
                report.edit,
                pendulum_core::Edit::Swing {
                    swing: swing.clone()
                }
            );
            let (mut via_swing, mut via_swing_config) = (org.clone(), config.clone());
            apply(&mut via_swing, &mut via_swing_config, &report.edit).unwrap();
            let (mut via_batch, mut via_batch_config) = (org.clone(), config.clone());
            apply(&mut via_batch, &mut via_batch_config, &edit).unwrap();
            assert_eq!(via_swing, via_batch);
            let got: Vec<(&str, Option<&str>)> = report
                .moves
                .iter()
                .map(|m| (m.person.as_str(), m.to.as_ref().map(PersonId::as_str)))
                .collect();
            assert_eq!(got, moves, "moves");
            let (mut after, mut after_config) = (org.clone(), config.clone());
            apply(&mut after, &mut after_config, &edit).unwrap();
            let mut changed: Vec<&str> = Vec::new();
            for m in &report.moves {
                assert_eq!(m.from, manager_of(&org, m.person.as_str()), "from");
                assert_eq!(m.to, manager_of(&after, m.person.as_str()), "to");
                changed.push(m.person.as_str());
            }
            for p in &org.people {
                if manager_of(&after, p.id.as_str()) != p.manager_id {
                    assert!(changed.contains(&p.id.as_str()), "{} moved unlisted", p.id);
                }
            }
            let stats = Stats::of(&Snapshot::new(&after, swing.date, &after_config));
            assert_eq!(report.after, stats);
            let target = match swing.to {
                SwingTo::Manager => Role::Manager,
                SwingTo::Ic => Role::Ic,
            };
            let person = after.people.iter().find(|p| p.id == swing.person).unwrap();
            assert_eq!(
                (person.role, person.role_since),
                (Some(target), Some(swing.date))
            );
            Some(Outcome {
                config: after_config,
                after,
                report,
            })
        }
    }
}

// ---------------------------------------------------------------- IC → manager

const TO_MANAGER: &str = "
    a executive
    b ^a manager
    c ^a manager
    x ^b ic since=2020-01-01
    r10 ^b
    r9 ^c
    r8 ^c
    ws w
    ws v
    ws u
    alloc x w 50
    alloc x v 100 end=2026-01-01
    alloc x u 30 start=2026-06-01
    alloc r10 w 40
";

#[test]
fn to_manager_moves_the_reports_under_them_and_scales_their_allocations() {
    let out = case(
        TO_MANAGER,
        to_manager("x", &["r9", "r10"]),
        Moves(&[("r9", Some("x")), ("r10", Some("x"))]),
    )
    .unwrap();
    // 0.2 of each allocation still running on the day; the one that ended is left as it was.
    assert_eq!(
        out.allocations_of("x"),
        [("w".into(), 10.0), ("v".into(), 100.0), ("u".into(), 6.0)]
    );
    assert_eq!(out.allocations_of("r10"), [("w".into(), 40.0)]);
    assert_eq!(out.report.after.managers, out.report.before.managers + 1);
    assert_eq!(out.report.after.ics, out.report.before.ics - 1);
}

#[test]
fn to_manager_with_no_fraction_left_removes_the_allocation() {
    let text = format!("{TO_MANAGER}\nrules {{\"manager_ic_fraction\": 0}}");
    let out = case(&text, to_manager("x", &["r9"]), Moves(&[("r9", Some("x"))])).unwrap();
    // w is dropped (0 %); v had ended and u is dropped too (0 % of 30).
    assert_eq!(out.allocations_of("x"), [("v".into(), 100.0)]);
}

#[test]
fn to_manager_with_no_fraction_left_removes_two_spells_on_one_workstream() {
    let text = "
        a executive
        x ^a ic
        ws w
        alloc x w 50 end=2026-06-01
        alloc x w 30 start=2026-06-01
        rules {\"manager_ic_fraction\": 0}
    ";
    let out = case(text, to_manager("x", &[]), Moves(&[])).unwrap();
    assert_eq!(out.allocations_of("x"), []);
}

#[test]
fn to_manager_of_a_report_already_under_them_moves_no_one() {
    let text = format!("{TO_MANAGER}\ny ^x");
    let out = case(&text, to_manager("x", &["y"]), Moves(&[])).unwrap();
    assert_eq!(out.person("x").role, Some(Role::Manager));
    assert_eq!(out.report.after.managers, out.report.before.managers + 1);
}

#[test]
fn to_manager_without_reports_is_a_manager_of_none() {
    let out = case(TO_MANAGER, to_manager("x", &[]), Moves(&[])).unwrap();
    let added: Vec<(String, &str)> = out
        .report
        .flags_added
        .iter()
        .map(|f| (f.rule.to_string(), f.subject.id.as_str()))
        .collect();
    assert!(
        added.contains(&("manager-without-reports".into(), "x")),
        "{added:?}"
    );
}

#[test]
fn a_move_names_the_manager_on_file_even_when_they_are_absent_on_the_day() {
    // r's manager starts later, so r is drawn as a root today; the line that moves is still
    // late → x, as `diff` of the applied scenario lists it.
    let text = "
        a executive
        x ^a ic
        late ^a manager start=2027-01-01
        r ^late
    ";
    let out = case(text, to_manager("x", &["r"]), Moves(&[("r", Some("x"))])).unwrap();
    assert_eq!(out.report.moves[0].from, Some(PersonId::from("late")));
}

// ---------------------------------------------------------------- manager → IC, successor

const TEAM: &str = "
    a executive
    m ^a manager start=2015-01-01 since=2021-01-01
    r1 ^m
    r2 ^m
    q ^r1
    p ^a manager
    s ^p ic
    p2 ^p
    ws w req=1
    alloc s w 40
";

#[test]
fn an_ic_successor_takes_the_reports_and_becomes_a_manager() {
    let out = case(
        TEAM,
        to_ic("m").successor("s"),
        Moves(&[("r1", Some("s")), ("r2", Some("s"))]),
    )
    .unwrap();
    let s = out.person("s");
    assert_eq!((s.role, s.role_since), (Some(Role::Manager), Some(day(D))));
    assert_eq!(
        s.manager_id,
        Some(PersonId::from("p")),
        "the successor stays put"
    );
    assert_eq!(out.allocations_of("s"), [("w".into(), 8.0)]);
    let m = out.person("m");
    assert_eq!(
        m.manager_id,
        Some(PersonId::from("a")),
        "the person keeps their manager"
    );
    assert_eq!(m.reramp_from, Some(day(D)));
}

#[test]
fn a_manager_successor_keeps_their_role_and_allocations() {
    let text = format!("{TEAM}\nalloc p w 20");
    let out = case(
        &text,
        to_ic("m").successor("p"),
        Moves(&[("r1", Some("p")), ("r2", Some("p"))]),
    )
    .unwrap();
    let p = out.person("p");
    assert_eq!((p.role, p.role_since), (Some(Role::Manager), None));
    assert_eq!(out.allocations_of("p"), [("w".into(), 20.0)]);
}

#[test]
fn a_successor_who_is_a_direct_report_takes_the_seat() {
    let out = case(
        TEAM,
        to_ic("m").successor("r2"),
        Moves(&[("r2", Some("a")), ("r1", Some("r2"))]),
    )
    .unwrap();
    assert_eq!(out.person("r2").role, Some(Role::Manager));
    assert_eq!(manager_of(&out.after, "q"), Some(PersonId::from("r1")));
}

#[test]
fn a_successor_deeper_in_the_subtree_is_refused_as_a_cycle() {
    case(
        TEAM,
        to_ic("m").successor("q"),
        Refused(SwingError::WouldCreateCycle {
            report: "r1".into(),
            manager: "q".into(),
        }),
    );
}

#[test]
fn a_successor_must_be_someone_else_who_is_present() {
    case(
        TEAM,
        to_ic("m").successor("m"),
        Refused(SwingError::SelfReference { id: "m".into() }),
    );
    case(
        TEAM,
        to_ic("m").successor("nobody"),
        Refused(SwingError::UnknownPerson {
            id: "nobody".into(),
        }),
    );
    case(
        &format!("{TEAM}\nlate ^p start=2027-01-01"),
        to_ic("m").successor("late"),
        Refused(SwingError::NotPresent {
            id: "late".into(),
            date: day(D),
        }),
    );
}

// ---------------------------------------------------------------- manager → IC, spread

#[test]
fn reports_spread_over_peers_by_the_smallest_span_at_each_step() {
    // Taken in id string order (r10, r2, r30, r9); p9 has span 2, p10 span 3: p9 (2→3),
    // then p10 wins the 3–3 tie by id ("p10" < "p9"), then p9 (3→4), then p10 on 4–4.
    let out = case(
        "
        a director
        m ^a manager
        r9 ^m
        r10 ^m
        r30 ^m
        r2 ^m
        p9 ^a manager
        x1 ^p9
        x2 ^p9
        p10 ^a manager
        y1 ^p10
        y2 ^p10
        y3 ^p10
        ",
        to_ic("m"),
        Moves(&[
            ("r10", Some("p9")),
            ("r2", Some("p10")),
            ("r30", Some("p9")),
            ("r9", Some("p10")),
        ]),
    )
    .unwrap();
    assert_eq!(out.report.after.max_span, 5);
    assert_eq!(out.report.after.span_histogram.get(&4), Some(&1));
    assert_eq!(out.person("m").manager_id, Some(PersonId::from("a")));
}

/// `person: load of capacity` before and after, for each load the report shows.
fn loads(report: &SwingReport) -> Vec<String> {
    let show = |l: &Option<pendulum_core::ManagerLoad>| match l {
        Some(l) => format!(
            "{} of {}",
            pendulum_core::rules::num(l.load),
            pendulum_core::rules::num(l.capacity)
        ),
        None => "none".into(),
    };
    report
        .loads
        .iter()
        .map(|l| format!("{}: {} → {}", l.person, show(&l.before), show(&l.after)))
        .collect()
}

#[test]
fn a_swing_shows_the_load_of_whoever_takes_reports() {
    // To manager: the new manager's own load, with the 20% of hands-on work they keep.
    let out = case(
        "
        m manager
        ana ^m
        r1 ^m
        r2 ^m
        ws w req=1
        alloc ana w 100
        ",
        to_manager("ana", &["r1", "r2"]),
        Moves(&[("r1", Some("ana")), ("r2", Some("ana"))]),
    )
    .unwrap();
    assert_eq!(loads(&out.report), ["ana: none → 2 of 4.8"]);
    // To IC with a successor: the successor's load.
    let out = case(
        "
        a director
        m ^a manager
        r1 ^m
        r2 ^m
        s ^a
        ",
        to_ic("m").successor("s"),
        Moves(&[("r1", Some("s")), ("r2", Some("s"))]),
    )
    .unwrap();
    assert_eq!(loads(&out.report), ["s: none → 2 of 6"]);
}

#[test]
fn a_swing_to_ic_without_a_successor_shows_each_peers_load() {
    let out = case(
        "
        a director
        m ^a manager
        r1 ^m
        r2 ^m
        r3 ^m
        p ^a manager
        x1 ^p
        q ^a manager
        y1 ^q
        y2 ^q
        ",
        to_ic("m"),
        Moves(&[("r1", Some("p")), ("r2", Some("p")), ("r3", Some("q"))]),
    )
    .unwrap();
    assert_eq!(
        loads(&out.report),
        ["p: 1 of 6 → 3 of 6", "q: 2 of 6 → 3 of 6"]
    );
}

#[test]
fn only_peers_in_the_manager_role_take_reports() {
    // d, e and i have smaller spans but are a director, an executive and an IC; n is
    // absent on the day; the inferred manager k (one report, no role on file) counts:
    // k (1→2), k wins the 2–2 tie with p by id, then p (2 < 3).
    case(
        "
        a executive
        m ^a manager
        r1 ^m
        r2 ^m
        r3 ^m
        d ^a director
        e ^a executive
        i ^a ic
        n ^a manager start=2027-01-01
        p ^a manager
        p1 ^p
        p2 ^p
        k ^a
        k1 ^k
        ",
        to_ic("m"),
        Moves(&[("r1", Some("k")), ("r2", Some("k")), ("r3", Some("p"))]),
    );
}

#[test]
fn an_assistant_moves_but_adds_nothing_to_a_span() {
    // "aa" goes first to p1 (tie by id) and leaves p1's span at 1, so r1 goes to p1 too.
    case(
        "
        a director
        m ^a manager
        r1 ^m
        r2 ^m
        aa ^m assistant
        p1 ^a manager
        x ^p1
        p2 ^a manager
        y ^p2
        ",
        to_ic("m"),
        Moves(&[("aa", Some("p1")), ("r1", Some("p1")), ("r2", Some("p2"))]),
    );
}

#[test]
fn without_peer_managers_the_reports_go_to_the_persons_manager() {
    let out = case(
        "
        a director
        m ^a manager
        r2 ^m
        r1 ^m
        i ^a ic
        ",
        to_ic("m"),
        Moves(&[("r1", Some("a")), ("r2", Some("a"))]),
    )
    .unwrap();
    assert_eq!(out.report.before.layers, 3);
    assert_eq!(out.report.after.layers, 2);
}

#[test]
fn a_root_without_peers_cannot_hand_its_reports_on() {
    case(
        "
        m manager
        r1 ^m
        other manager
        o1 ^other
        ",
        to_ic("m"),
        Refused(SwingError::NowhereForReports { id: "m".into() }),
    );
    // With no reports there is nothing to hand on.
    case("m manager\nother", to_ic("m"), Moves(&[]));
}

// ---------------------------------------------------------------- join and re-ramp

#[test]
fn joining_a_workstream_starts_on_the_swing_day_and_re_ramps_over_60_days() {
    let text = "
        a executive
        m ^a manager start=2015-01-01
        r1 ^m
        ws w req=1
    ";
    let out = case(
        text,
        to_ic("m").join("w", 50.0),
        Moves(&[("r1", Some("a"))]),
    )
    .unwrap();
    let joined: Vec<&Allocation> = out
        .after
        .allocations
        .iter()
        .filter(|a| a.person.0 == "m")
        .collect();
    assert_eq!(joined.len(), 1);
    assert_eq!(
        (joined[0].percent, joined[0].start_date, joined[0].end_date),
        (50.0, Some(day(D)), None)
    );
    let fte_on = |offset: i32| {
        let s = Snapshot::new(&out.after, day(D).add_days(offset), &out.config);
        s.workstream_load(s.workstream_ix("w").unwrap())
            .effective_fte
    };
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert_eq!(fte_on(-1), 0.0, "nothing before the swing");
    assert!(close(fte_on(0), 0.5 * 0.25), "{}", fte_on(0));
    assert!(close(fte_on(30), 0.5 * 0.625), "{}", fte_on(30));
    assert!(close(fte_on(60), 0.5), "{}", fte_on(60));
    assert!(close(fte_on(400), 0.5), "{}", fte_on(400));
    let first = &out.report.timeline[0];
    assert_eq!(first.workstreams.get("w"), Some(&0.125));
    assert_eq!(first.workstreams_before.get("w"), Some(&0.0));
    // m is an IC again, at a quarter of their capacity on the first day.
    assert_eq!(first.ic_capacity - first.ic_capacity_before, 0.25);
    assert_eq!(out.report.timeline[3].workstreams.get("w"), Some(&0.5));
}

#[test]
fn a_recent_starter_re_ramps_at_the_slower_of_the_two_ramps() {
    // Started 10 days before the swing: their own 90-day ramp is behind on day 30.
    let text = "
        a executive
        m ^a manager start=2026-03-05
        ws w
    ";
    let out = case(text, to_ic("m").join("w", 100.0), Moves(&[])).unwrap();
    let s = Snapshot::new(&out.after, day(D).add_days(30), &out.config);
    let ramp = s.ramp(s.person_ix("m").unwrap());
    assert!((ramp - (0.25 + 0.75 * 40.0 / 90.0)).abs() < 1e-9, "{ramp}");
}

// ---------------------------------------------------------------- refusals

const SMALL: &str = "
    a executive
    b ^a manager
    x ^b ic
    y ^b ic
    gone ^b end=2026-01-01
    late ^b start=2026-06-01
    ws w
";

#[test]
fn refusals_name_the_problem() {
    let cases: Vec<(Swing, SwingError)> = vec![
        (to_ic("zz"), SwingError::UnknownPerson { id: "zz".into() }),
        (
            to_manager("x", &["y", "zz"]),
            SwingError::UnknownPerson { id: "zz".into() },
        ),
        (
            to_ic("gone"),
            SwingError::NotPresent {
                id: "gone".into(),
                date: day(D),
            },
        ),
        (
            to_manager("late", &[]),
            SwingError::NotPresent {
                id: "late".into(),
                date: day(D),
            },
        ),
        (
            to_manager("x", &["late"]),
            SwingError::NotPresent {
                id: "late".into(),
                date: day(D),
            },
        ),
        (
            to_manager("b", &["x"]),
            SwingError::NotAnIc {
                id: "b".into(),
                role: "manager",
            },
        ),
        (to_ic("x"), SwingError::NotALeader { id: "x".into() }),
        (
            to_manager("x", &["y", "y"]),
            SwingError::DuplicateReport { id: "y".into() },
        ),
        (
            to_manager("x", &["x"]),
            SwingError::SelfReference { id: "x".into() },
        ),
        (
            to_manager("x", &["b"]),
            SwingError::WouldCreateCycle {
                report: "b".into(),
                manager: "x".into(),
            },
        ),
        (
            to_manager("x", &["y", "a"]),
            SwingError::WouldCreateCycle {
                report: "a".into(),
                manager: "x".into(),
            },
        ),
        (
            to_ic("b").join("nope", 50.0),
            SwingError::UnknownWorkstream { id: "nope".into() },
        ),
    ];
    for (swing, expected) in cases {
        let message = expected.to_string();
        case(SMALL, swing, Refused(expected));
        assert!(!message.is_empty());
    }
    for percent in [0.0, -5.0, 100.5, 150.0, f64::INFINITY] {
        case(
            SMALL,
            to_ic("b").join("w", percent),
            Refused(SwingError::BadPercent {
                workstream: "w".into(),
                percent,
            }),
        );
    }
    let (org, config) = org_from(SMALL);
    let nan = simulate(&org, &config, &to_ic("b").join("w", f64::NAN), day(D));
    assert!(matches!(nan, Err(SwingError::BadPercent { .. })), "{nan:?}");
    case(
        SMALL,
        to_ic("b").join("w", 100.0),
        Moves(&[("x", Some("a")), ("y", Some("a"))]),
    );
}

#[test]
fn refusal_messages_name_the_people() {
    let (org, config) = org_from(SMALL);
    let cycle = plan(&org, &config, &to_manager("x", &["b"])).unwrap_err();
    let text = cycle.to_string();
    assert!(
        text.contains("\"b\"") && text.contains("\"x\"") && text.contains("cycle"),
        "{text}"
    );
    let twice = plan(&org, &config, &to_manager("x", &["y", "y"])).unwrap_err();
    assert!(twice.to_string().contains("\"y\""), "{twice}");
}

// ---------------------------------------------------------------- the timeline

#[test]
fn the_timeline_has_one_point_per_month_from_the_swing_month() {
    let text = "
        a executive
        m ^a manager
        r ^a manager
        r1 ^r
        ws w
        alloc m w 20
    ";
    let out = case(text, to_ic("m").on("2026-01-31"), Moves(&[])).unwrap();
    let months: Vec<&str> = out
        .report
        .timeline
        .iter()
        .map(|t| t.month.as_str())
        .collect();
    let expected: Vec<String> = (1..=12).map(|m| format!("2026-{m:02}")).collect();
    assert_eq!(months, expected);
    assert_eq!(
        out.report.timeline[1].date,
        day("2026-02-28"),
        "clamped to the month"
    );
    assert_eq!(out.report.timeline[11].date, day("2026-12-31"));
    assert!(
        out.report
            .timeline
            .iter()
            .all(|t| t.workstreams.contains_key("w"))
    );

    let short = format!("{text}\nrules {{\"horizon_months\": 3}}");
    let out = case(&short, to_ic("m").on("2026-11-02"), Moves(&[])).unwrap();
    let months: Vec<&str> = out
        .report
        .timeline
        .iter()
        .map(|t| t.month.as_str())
        .collect();
    assert_eq!(months, ["2026-11", "2026-12", "2027-01"]);
}

#[test]
fn the_report_serialises_to_the_spec_shape() {
    let out = case(
        TEAM,
        to_ic("m").successor("s"),
        Moves(&[("r1", Some("s")), ("r2", Some("s"))]),
    )
    .unwrap();
    let json = serde_json::to_value(&out.report).unwrap();
    for key in [
        "before",
        "after",
        "flags_added",
        "flags_resolved",
        "moves",
        "timeline",
    ] {
        assert!(json.get(key).is_some(), "{key} missing");
    }
    for key in [
        "headcount",
        "managers",
        "ics",
        "open_roles",
        "ic_capacity",
        "mean_span",
        "max_span",
        "layers",
        "span_histogram",
    ] {
        assert!(json["after"].get(key).is_some(), "after.{key} missing");
    }
    assert_eq!(
        json["moves"][0],
        serde_json::json!({"person": "r1", "from": "m", "to": "s"})
    );
    assert_eq!(json["timeline"][0]["month"], "2026-03");
    assert!(json["timeline"][0]["workstreams"]["w"].is_number());
}

// ---------------------------------------------------------------- properties

/// A swing chosen from raw numbers: the person, and (by their role on the day) a swing to
/// manager with some reports, or to IC with or without a successor and joining workstreams.
#[derive(Clone, Debug)]
struct RawSwing {
    seed: u64,
    people: usize,
    day_offset: i32,
    as_of_offset: i32,
    person: usize,
    picks: Vec<usize>,
    successor: Option<usize>,
    join: Vec<(usize, u8)>,
}

fn raw_swing() -> impl Strategy<Value = RawSwing> {
    (
        any::<u64>(),
        6usize..70,
        -200i32..200,
        0i32..120,
        any::<usize>(),
        prop::collection::vec(any::<usize>(), 0..5),
        prop::option::of(any::<usize>()),
        prop::collection::vec((any::<usize>(), 1u8..=100), 0..3),
    )
        .prop_map(
            |(seed, people, day_offset, as_of_offset, person, picks, successor, join)| RawSwing {
                seed,
                people,
                day_offset,
                as_of_offset,
                person,
                picks,
                successor,
                join,
            },
        )
}

/// The org and the swing `raw` names.
fn realise(raw: &RawSwing) -> (Org, Swing) {
    let config = pendulum_synth::SynthConfig {
        workstreams: raw.people / 4,
        ..pendulum_synth::SynthConfig::new(raw.people, raw.seed)
    };
    let org = pendulum_synth::generate(&config);
    let date = pendulum_synth::reference_date().add_days(raw.day_offset);
    let s = Snapshot::new(&org, date, &RuleConfig::default());
    let n = org.people.len();
    let id = |k: usize| org.people[k % n].id.clone();
    let person = id(raw.person);
    let ix = s.person_ix(person.as_str()).unwrap();
    let swing = if s.role(ix) == Role::Ic {
        Swing {
            person,
            to: SwingTo::Manager,
            date,
            reports: raw.picks.iter().map(|&k| id(k)).collect(),
            successor: None,
            join: Vec::new(),
        }
    } else {
        let w = org.workstreams.len().max(1);
        Swing {
            person,
            to: SwingTo::Ic,
            date,
            reports: Vec::new(),
            successor: raw.successor.map(id),
            join: raw
                .join
                .iter()
                .filter(|_| !org.workstreams.is_empty())
                .map(|&(k, pct)| (org.workstreams[k % w].id.clone(), f64::from(pct)))
                .collect(),
        }
    };
    (org, swing)
}

type FlagKey = (String, String, String);

fn keys(flags: &[Flag]) -> BTreeSet<FlagKey> {
    flags
        .iter()
        .map(|f| {
            (
                f.rule.to_string(),
                format!("{:?}", f.subject.kind),
                f.subject.id.clone(),
            )
        })
        .collect()
}

/// The spread rule, written again from `docs/swings.md` for comparison: reports by id, each to the
/// peer manager with the smallest span at that moment (ties by id), else the manager.
fn spread_by_the_rule(s: &Snapshot<'_>, person: &str) -> Vec<(String, Option<String>)> {
    let p = s.person_ix(person).unwrap();
    let manager = s.parent(p);
    let mut peers: Vec<(String, u32)> = manager
        .map(|m| {
            s.reports(m)
                .filter(|&q| q != p && s.role(q) == Role::Manager)
                .map(|q| (s.person(q).id.0.clone(), s.span(q)))
                .collect()
        })
        .unwrap_or_default();
    let mut reports: Vec<u32> = s.reports(p).collect();
    reports.sort_by(|&a, &b| s.person(a).id.cmp(&s.person(b).id));
    reports
        .into_iter()
        .map(|r| {
            let to = peers
                .iter_mut()
                .min_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)))
                .map(|peer| {
                    peer.1 += u32::from(!s.person(r).assistant);
                    peer.0.clone()
                })
                .or_else(|| manager.map(|m| s.person(m).id.0.clone()));
            (s.person(r).id.0.clone(), to)
        })
        .collect()
}

/// Checks one random swing; `Ok(false)` when `plan` refused it (and `simulate` agreed).
fn accepted_swing_keeps_the_org_whole(raw: &RawSwing) -> Result<bool, TestCaseError> {
    let (org, swing) = realise(raw);
    let config = RuleConfig::default();
    let as_of = swing.date.add_days(raw.as_of_offset);
    let pristine = org.clone();
    let planned = plan(&org, &config, &swing);
    let simulated = simulate(&org, &config, &swing, as_of);
    prop_assert_eq!(&org, &pristine);
    let (planned, report) = match (planned, simulated) {
        (Ok(p), Ok(r)) => (p, r),
        (Err(a), Err(b)) => {
            prop_assert_eq!(a, b);
            return Ok(false);
        }
        (p, r) => {
            return Err(TestCaseError::fail(format!(
                "plan and simulate disagree: {:?} / {:?}",
                p.err(),
                r.err()
            )));
        }
    };
    let (mut after, mut after_config) = (org.clone(), config.clone());
    apply(&mut after, &mut after_config, &planned.edit).unwrap();
    // The report's edit (the swing itself) does exactly what the plan's batch does.
    let (mut again, mut again_config) = (org.clone(), config.clone());
    apply(&mut again, &mut again_config, &report.edit).unwrap();
    prop_assert_eq!(&again, &after);
    for d in [swing.date, as_of] {
        let b = Snapshot::new(&org, d, &config);
        let a = Snapshot::new(&after, d, &after_config);
        prop_assert!(b.cycles().is_empty());
        prop_assert!(a.cycles().is_empty(), "a cycle after {:?}", swing);
        let (sb, sa) = (Stats::of(&b), Stats::of(&a));
        prop_assert_eq!((sb.headcount, sb.open_roles), (sa.headcount, sa.open_roles));
        prop_assert!(a.unknown_manager().is_empty());
    }

    // Every present person drawn under a manager before is drawn under one after (a person
    // who exists and is present); only a successor taking a root's seat becomes a root.
    let s_before = Snapshot::new(&org, swing.date, &config);
    let s_after = Snapshot::new(&after, swing.date, &after_config);
    let person_ix = s_before.person_ix(swing.person.as_str()).unwrap();
    let seat_taker = swing.successor.as_ref().filter(|succ| {
        s_before
            .person_ix(succ.as_str())
            .and_then(|i| s_before.parent(i))
            == Some(person_ix)
            && s_before.parent(person_ix).is_none()
    });
    for m in &report.moves {
        if let Some(to) = &m.to {
            let ix = s_after.person_ix(to.as_str());
            prop_assert!(
                ix.is_some_and(|i| s_after.is_present(i)),
                "{} → {}",
                m.person,
                to
            );
        }
    }
    for &i in s_after.breadth_first() {
        let p = s_after.person(i);
        let before_ix = s_before.person_ix(p.id.as_str()).unwrap();
        if s_before.parent(before_ix).is_some() && s_after.parent(i).is_none() {
            prop_assert_eq!(Some(&p.id), seat_taker, "{} became a root", p.id);
        }
    }
    // (A root moved under the new manager stops being one.)
    prop_assert!(
        s_after.roots().len() <= s_before.roots().len() + usize::from(seat_taker.is_some())
    );

    // The moves are exactly the reporting lines that changed.
    let mut moved = BTreeSet::new();
    for m in &report.moves {
        prop_assert_eq!(&m.from, &manager_of(&org, m.person.as_str()));
        prop_assert_eq!(&m.to, &manager_of(&after, m.person.as_str()));
        prop_assert!(moved.insert(m.person.clone()), "{} moved twice", m.person);
    }
    for p in &org.people {
        if manager_of(&after, p.id.as_str()) != p.manager_id {
            prop_assert!(moved.contains(&p.id), "{} moved unlisted", p.id);
        }
    }
    if swing.to == SwingTo::Ic && swing.successor.is_none() {
        let got: Vec<(String, Option<String>)> = report
            .moves
            .iter()
            .map(|m| (m.person.0.clone(), m.to.as_ref().map(|t| t.0.clone())))
            .collect();
        prop_assert_eq!(got, spread_by_the_rule(&s_before, swing.person.as_str()));
    }

    // Figures and flags of the report are those of the applied org.
    let b = Snapshot::new(&org, as_of, &config);
    let a = Snapshot::new(&after, as_of, &after_config);
    prop_assert_eq!(&report.before, &Stats::of(&b));
    prop_assert_eq!(&report.after, &Stats::of(&a));
    let (kb, ka) = (keys(&check(&b, &config)), keys(&check(&a, &after_config)));
    let added: BTreeSet<FlagKey> = ka.difference(&kb).cloned().collect();
    let resolved: BTreeSet<FlagKey> = kb.difference(&ka).cloned().collect();
    prop_assert_eq!(keys(&report.flags_added), added);
    prop_assert_eq!(keys(&report.flags_resolved), resolved);
    prop_assert_eq!(report.flags_added.len(), keys(&report.flags_added).len());
    prop_assert_eq!(report.timeline.len(), config.horizon_months as usize);
    Ok(true)
}

#[test]
fn accepted_swings_keep_the_org_whole() {
    let mut runner = TestRunner::new(ProptestConfig {
        cases: 160,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let accepted = Cell::new(0u32);
    let result = runner.run(&raw_swing(), |raw| {
        if accepted_swing_keeps_the_org_whole(&raw)? {
            accepted.set(accepted.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // Most random swings are accepted, so the properties above are really exercised.
    assert!(
        accepted.get() >= 60,
        "only {} of 160 accepted",
        accepted.get()
    );
}

#[test]
fn options_for_the_other_direction_and_duplicate_joins_are_refused() {
    use pendulum_core::swing::{SwingError, plan};
    use pendulum_core::{Date, Org, Person, Role, RuleConfig, Swing, SwingTo, Workstream};
    let mut org = Org::default();
    let mut m = Person::new("m", "Manager");
    m.role = Some(Role::Manager);
    let mut r = Person::new("r", "Report");
    r.manager_id = Some("m".into());
    org.people = vec![m, r];
    org.workstreams.push(Workstream::new("w", "Work"));
    let date = Date::parse("2027-03-01").unwrap();
    let base = Swing {
        person: "r".into(),
        to: SwingTo::Manager,
        date,
        reports: Vec::new(),
        successor: Some("m".into()),
        join: Vec::new(),
    };
    let config = RuleConfig::default();
    assert!(matches!(
        plan(&org, &config, &base),
        Err(SwingError::OptionForOtherDirection { .. })
    ));
    let to_ic = Swing {
        person: "m".into(),
        to: SwingTo::Ic,
        successor: None,
        reports: vec!["r".into()],
        ..base.clone()
    };
    assert!(matches!(
        plan(&org, &config, &to_ic),
        Err(SwingError::OptionForOtherDirection { .. })
    ));
    let twice = Swing {
        reports: Vec::new(),
        join: vec![("w".into(), 50.0), ("w".into(), 20.0)],
        ..to_ic
    };
    assert!(matches!(
        plan(&org, &config, &twice),
        Err(SwingError::DuplicateJoin { .. })
    ));
}
