//! Suggested swings (`docs/swings.md`, "Suggestions"): the candidates of each flag on small
//! orgs and on the demo, then properties over random orgs — every suggestion's claimed effect
//! is what `simulate` reports, the lab judges any swing as `simulate` does, and the same org
//! gives the same suggestions.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use std::path::PathBuf;

use pendulum_core::stats::round4;
use pendulum_core::swing::{SwingLab, simulate};
use pendulum_core::{
    Allocation, Date, Flag, Org, Person, PersonId, Role, Rule, RuleConfig, Status, Subject,
    SubjectKind, Suggestion, Swing, SwingTo, Workstream,
};
use pendulum_csv::{ImportRequest, Source, import};
use pendulum_synth::{SplitMix64, SynthConfig, generate, reference_date};
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};

const D: &str = "2027-03-01";

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// A compact org, one person a line: `ID [^MANAGER] [ROLE] [open] [assistant] [leaving]
/// [start=D] [end=D] [since=D]`; `ws ID [req=FTE]`; `alloc PERSON WS PERCENT`.
fn org_from(text: &str) -> Org {
    let mut org = Org::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let mut words = line.split_whitespace();
        match words.next().unwrap() {
            "ws" => {
                let mut w = Workstream::new(words.next().unwrap(), "Work");
                for word in words {
                    w.required_fte = word.strip_prefix("req=").unwrap().parse().unwrap();
                }
                org.workstreams.push(w);
            }
            "alloc" => {
                let (p, w) = (words.next().unwrap(), words.next().unwrap());
                org.allocations.push(Allocation::new(
                    p,
                    w,
                    words.next().unwrap().parse().unwrap(),
                ));
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
                    } else if word == "leaving" {
                        p.status = Status::Leaving;
                    } else if word == "assistant" {
                        p.assistant = true;
                    } else if let Some(d) = word.strip_prefix("start=") {
                        p.start_date = Some(day(d));
                    } else if let Some(d) = word.strip_prefix("end=") {
                        p.end_date = Some(day(d));
                    } else {
                        p.role_since = Some(day(word.strip_prefix("since=").unwrap()));
                    }
                }
                org.people.push(p);
            }
        }
    }
    assert!(org.validate().is_empty(), "{:?}", org.validate());
    org
}

fn flag_on(lab: &SwingLab<'_>, rule: Rule, id: &str) -> Flag {
    lab.flags()
        .iter()
        .find(|f| f.rule == rule && f.subject.id == id)
        .unwrap_or_else(|| panic!("no {rule} flag on {id}: {:?}", lab.flags()))
        .clone()
}

/// Each suggestion as "person→to successor [reports] join".
fn shapes(suggestions: &[Suggestion]) -> Vec<String> {
    suggestions
        .iter()
        .map(|s| {
            let w = &s.swing;
            let mut text = format!("{}→{:?}", w.person, w.to).to_lowercase();
            if let Some(succ) = &w.successor {
                text += &format!(" succ={succ}");
            }
            if !w.reports.is_empty() {
                let r: Vec<&str> = w.reports.iter().map(|r| r.as_str()).collect();
                text += &format!(" reports={}", r.join(","));
            }
            for (ws, pct) in &w.join {
                text += &format!(" join={ws}:{pct}");
            }
            text
        })
        .collect()
}

/// Every suggestion agrees with `simulate` on its flags, moves and capacity.
fn assert_agrees(org: &Org, config: &RuleConfig, suggestions: &[Suggestion]) {
    for s in suggestions {
        let report = simulate(org, config, &s.swing.swing(), s.swing.date).unwrap();
        assert_eq!(s.resolves, report.flags_resolved, "{:?}", s.swing);
        assert_eq!(s.adds, report.flags_added, "{:?}", s.swing);
        assert_eq!(s.moves as usize, report.moves.len());
        assert_eq!(
            s.ic_capacity_delta,
            round4(report.after.ic_capacity - report.before.ic_capacity)
        );
    }
}

// ---------------------------------------------------------------- candidates

const TEAM: &str = "
    v director
    m ^v manager since=2020-01-06
    peer ^v manager since=2025-01-06
    q1 ^peer
    q2 ^peer
    a ^m start=2015-03-02
    b ^m start=2018-03-05
    c ^m start=2012-01-02 open
    d ^m start=2010-01-04 assistant
    e ^m start=2011-01-03 leaving
    f ^m start=2030-01-07
";

#[test]
fn pendulum_due_tries_each_ic_report_longest_first_and_the_spread() {
    let org = org_from(TEAM);
    let config = RuleConfig::default();
    let lab = SwingLab::new(&org, &config, day(D));
    let flag = flag_on(&lab, Rule::PendulumDue, "m");
    let all = lab.suggest(&flag, 10);
    let mut got = shapes(&all);
    got.sort();
    // An open role, an assistant, someone leaving and someone not yet started never lead.
    assert_eq!(got, ["m→ic", "m→ic succ=a", "m→ic succ=b"]);
    for s in &all {
        assert!(
            s.resolves
                .iter()
                .any(|f| f.rule == Rule::PendulumDue && f.subject.id == "m")
        );
        assert_eq!(s.for_flag, flag);
    }
    assert_agrees(&org, &config, &all);
    assert_eq!(lab.suggest(&flag, 1), all[..1]);
    assert!(lab.suggest(&flag, 0).is_empty());
}

#[test]
fn the_ranking_puts_errors_then_warnings_resolved_first_then_fewest_added() {
    let org = org_from(TEAM);
    let config = RuleConfig::default();
    let lab = SwingLab::new(&org, &config, day(D));
    let all = lab.suggest(&flag_on(&lab, Rule::PendulumDue, "m"), 10);
    // a, the longest-serving IC, takes the seat: m's team keeps a manager; the spread gives
    // m's reports to peer (span 6: too wide) and a successor from the team adds nothing.
    let key = |s: &Suggestion| {
        let count = |sev| s.resolves.iter().filter(|f| f.severity == sev).count();
        (
            std::cmp::Reverse(count(pendulum_core::Severity::Error)),
            std::cmp::Reverse(count(pendulum_core::Severity::Warning)),
            s.adds.len(),
        )
    };
    for pair in all.windows(2) {
        assert!(key(&pair[0]) <= key(&pair[1]), "{:?}", shapes(&all));
    }
    assert_eq!(shapes(&all)[0], "m→ic succ=a");
}

#[test]
fn span_too_wide_takes_the_reports_who_share_work_first() {
    let org = org_from(
        "
        m manager
        p ^m start=2016-01-04
        r1 ^m
        r2 ^m
        r3 ^m
        r4 ^m
        r5 ^m
        r6 ^m
        ws w1 req=1
        ws w2 req=1
        alloc p w1 50
        alloc p w2 50
        alloc r4 w1 100
        alloc r6 w2 100
        ",
    );
    let config = RuleConfig::default();
    let lab = SwingLab::new(&org, &config, day(D));
    let flag = flag_on(&lab, Rule::SpanTooWide, "m");
    let all = lab.suggest(&flag, 10);
    let got = shapes(&all);
    // Span 7, max 5: the new manager takes 2 (the minimum span), those sharing work first.
    assert!(
        got.contains(&"p→manager reports=r4,r6".to_string()),
        "{got:?}"
    );
    for s in &all {
        assert_eq!(s.swing.reports.len(), 2);
    }
    assert_agrees(&org, &config, &all);
}

#[test]
fn span_too_narrow_hands_the_report_to_a_peer() {
    let org = org_from(
        "
        v director
        y ^v manager
        n ^y
        z1 ^v manager
        z2 ^v manager
        a1 ^z1
        a2 ^z1
        a3 ^z1
        b1 ^z2
        b2 ^z2
        ",
    );
    let config = RuleConfig::default();
    let lab = SwingLab::new(&org, &config, day(D));
    let all = lab.suggest(&flag_on(&lab, Rule::SpanTooNarrow, "y"), 10);
    let got = shapes(&all);
    // The spread and naming z2 (the smallest span) make the same edits: one suggestion.
    assert_eq!(got, ["y→ic", "y→ic succ=z1"], "{got:?}");
    assert_eq!(all[0].moves, 1);
    assert_agrees(&org, &config, &all);
}

#[test]
fn manager_overloaded_hands_part_of_the_team_to_a_report() {
    let org = org_from(
        "
        m manager
        p ^m start=2016-01-04
        r1 ^m
        r2 ^m
        r3 ^m
        r4 ^m
        ws w1 req=1
        alloc m w1 50
        alloc p w1 40
        alloc r3 w1 20
        ",
    );
    let config = RuleConfig::default();
    let lab = SwingLab::new(&org, &config, day(D));
    // Load 5 reports against 6 × (1 − 50%) = 3: two reports (weight 1 each) must go.
    let flag = flag_on(&lab, Rule::ManagerOverloaded, "m");
    let all = lab.suggest(&flag, 10);
    let got = shapes(&all);
    // p shares w1 with r3 only; r1 and r2 share nothing, so take the first by id after p.
    assert!(
        got.contains(&"p→manager reports=r1,r3".to_string()),
        "{got:?}"
    );
    assert!(
        got.contains(&"r1→manager reports=p,r2".to_string()),
        "{got:?}"
    );
    for s in &all {
        assert_eq!(s.swing.reports.len(), 2, "{got:?}");
    }
    assert_agrees(&org, &config, &all);
}

fn demo() -> Org {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo");
    let read = |f: &str| std::fs::read(dir.join(f)).unwrap();
    let (people, workstreams, allocations) = (
        read("people.csv"),
        read("workstreams.csv"),
        read("allocations.csv"),
    );
    let mut req = ImportRequest::people(Source::new("people.csv", &people));
    req.workstreams = Some(Source::new("workstreams.csv", &workstreams));
    req.allocations = Some(Source::new("allocations.csv", &allocations));
    import(&req).unwrap().org
}

/// Every pendulum-due manager and every too-wide team with at least two IC reports in the
/// demo has a suggestion that resolves its flag, and `simulate` agrees with all of them.
#[test]
fn every_pendulum_due_and_wide_team_of_the_demo_has_an_answer() {
    let org = demo();
    let config = RuleConfig::default();
    let lab = SwingLab::new(&org, &config, day("2027-03-01"));
    let s = lab.snapshot();
    let mut asked = Vec::new();
    for flag in lab.flags() {
        let Some(i) = s.person_ix(&flag.subject.id) else {
            continue; // a workstream's or a team's flag
        };
        let ics = s
            .children(i)
            .iter()
            .filter(|&&r| s.role(r) == Role::Ic)
            .count();
        let answerable = match flag.rule {
            Rule::PendulumDue => true,
            Rule::SpanTooWide => ics >= 2,
            _ => false,
        };
        if !answerable {
            continue;
        }
        asked.push(format!("{}:{}", flag.rule, flag.subject.id));
        let found = lab.suggest(flag, 3);
        assert!(!found.is_empty(), "no suggestion for {flag:?}");
        for sug in &found {
            assert!(sug.resolves.iter().any(|f| f.key() == flag.key()));
        }
        assert_agrees(&org, &config, &found);
    }
    let due = asked
        .iter()
        .filter(|a| a.starts_with("pendulum-due"))
        .count();
    let wide = asked
        .iter()
        .filter(|a| a.starts_with("span-too-wide"))
        .count();
    assert!(due >= 1 && wide >= 1, "the demo lost its flags: {asked:?}");
}

#[test]
fn flags_no_swing_answers_get_no_suggestion() {
    let org = org_from("m manager\n r ^m\n ws w req=2\n alloc r w 10");
    let config = RuleConfig::default();
    let lab = SwingLab::new(&org, &config, day(D));
    let overloaded = flag_on(&lab, Rule::WorkstreamOverloaded, "w");
    assert!(lab.suggest(&overloaded, 3).is_empty());
    let nobody = Flag {
        subject: Subject {
            kind: SubjectKind::Person,
            id: "ghost".into(),
        },
        ..flag_on(&lab, Rule::SpanTooNarrow, "m")
    };
    assert!(lab.suggest(&nobody, 3).is_empty());
}

#[test]
fn the_swing_of_a_suggestion_is_a_swing_simulate_takes() {
    let org = org_from(TEAM);
    let config = RuleConfig::default();
    let lab = SwingLab::new(&org, &config, day(D));
    let s = &lab.suggest_all(1)[0];
    let json = serde_json::to_value(s).unwrap();
    for key in [
        "for",
        "swing",
        "resolves",
        "adds",
        "moves",
        "ic_capacity_delta",
    ] {
        assert!(json.get(key).is_some(), "{key} missing in {json}");
    }
    for key in ["person", "to", "reports", "successor", "join"] {
        assert!(json["swing"].get(key).is_some(), "swing.{key} missing");
    }
    assert!(json["swing"]["join"].is_object());
    let swing: Swing = s.swing.swing();
    assert_eq!(swing.to, SwingTo::Ic);
    assert_eq!(swing.date, day(D));
}

// ---------------------------------------------------------------- properties

/// A random org: a realistic synthetic one, with some roles left to inference, and some of an
/// unknown manager, an absent manager, a reporting cycle and unusual thresholds.
fn random_org(seed: u64, people: usize) -> (Org, RuleConfig, Date) {
    let mut org = generate(&SynthConfig {
        workstreams: people / 4,
        ..SynthConfig::new(people, seed)
    });
    let mut rng = SplitMix64::new(seed ^ 0x5u64.rotate_right(3));
    let n = org.people.len();
    for p in &mut org.people {
        if rng.chance(0.3) {
            p.role = None;
        }
    }
    if rng.chance(0.3) {
        let k = rng.below(n);
        org.people[k].manager_id = Some(PersonId::from("nobody"));
    }
    let as_of = reference_date().add_days(rng.range(0, 400) as i32 - 200);
    if rng.chance(0.3) {
        let k = rng.below(n);
        org.people[k].end_date = Some(as_of.add_days(-10));
        org.people[k].start_date = None;
    }
    if rng.chance(0.25) {
        let (a, b) = (rng.below(n), rng.below(n));
        let (ida, idb) = (org.people[a].id.clone(), org.people[b].id.clone());
        org.people[a].manager_id = Some(idb);
        org.people[b].manager_id = Some(ida);
    }
    let mut config = RuleConfig::default();
    if rng.chance(0.3) {
        config.manager_max_span = rng.range(2, 6) as u32;
        config.director_max_span = rng.range(2, 6) as u32;
        config.min_span = rng.range(1, 3) as u32;
        config.max_layers = rng.range(3, 6) as u32;
        config.manager_ic_fraction = *rng.pick(&[0.0, 0.2, 0.5]).unwrap();
    }
    (org, config, as_of)
}

fn agrees(
    org: &Org,
    config: &RuleConfig,
    as_of: Date,
    effect: &pendulum_core::swing::SwingEffect,
    swing: &Swing,
) -> Result<(), TestCaseError> {
    let report = simulate(org, config, swing, as_of).unwrap();
    prop_assert_eq!(&effect.resolves, &report.flags_resolved, "{:?}", swing);
    prop_assert_eq!(&effect.adds, &report.flags_added, "{:?}", swing);
    prop_assert_eq!(&effect.moves, &report.moves);
    prop_assert_eq!(
        effect.ic_capacity_delta,
        round4(report.after.ic_capacity - report.before.ic_capacity)
    );
    Ok(())
}

#[test]
fn every_suggestions_claimed_effect_is_what_simulate_reports() {
    let mut runner = TestRunner::new(ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let seen = std::cell::Cell::new(0usize);
    let result = runner.run(&(any::<u64>(), 8usize..120), |(seed, people)| {
        let (org, config, as_of) = random_org(seed, people);
        let lab = SwingLab::new(&org, &config, as_of);
        for s in lab.suggest_all(usize::MAX) {
            let swing = s.swing.swing();
            let effect = pendulum_core::swing::SwingEffect {
                resolves: s.resolves.clone(),
                adds: s.adds.clone(),
                moves: simulate(&org, &config, &swing, as_of).unwrap().moves,
                ic_capacity_delta: s.ic_capacity_delta,
            };
            prop_assert_eq!(effect.moves.len(), s.moves as usize);
            prop_assert!(
                s.resolves
                    .iter()
                    .any(|f| f.rule == s.for_flag.rule && f.subject == s.for_flag.subject)
            );
            agrees(&org, &config, as_of, &effect, &swing)?;
            seen.set(seen.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(seen.get() >= 100, "only {} suggestions checked", seen.get());
}

/// Any swing the lab judges (not only suggestions) gets the answer `simulate` gives.
#[test]
fn the_lab_judges_any_swing_as_simulate_does() {
    let mut runner = TestRunner::new(ProptestConfig {
        cases: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let strategy = (
        any::<u64>(),
        6usize..90,
        any::<usize>(),
        prop::collection::vec(any::<usize>(), 0..6),
        prop::option::of(any::<usize>()),
        prop::collection::vec((any::<usize>(), 1u8..=100), 0..3),
    );
    let accepted = std::cell::Cell::new(0u32);
    let result = runner.run(&strategy, |(seed, people, who, picks, successor, join)| {
        let (org, config, as_of) = random_org(seed, people);
        let lab = SwingLab::new(&org, &config, as_of);
        let n = org.people.len();
        let id = |k: usize| org.people[k % n].id.clone();
        let s = lab.snapshot();
        let person = id(who);
        let is_ic = s
            .person_ix(person.as_str())
            .is_some_and(|i| s.role(i) == Role::Ic);
        let w = org.workstreams.len().max(1);
        let swing = Swing {
            person,
            to: if is_ic { SwingTo::Manager } else { SwingTo::Ic },
            date: as_of,
            reports: if is_ic {
                picks.iter().map(|&k| id(k)).collect()
            } else {
                Vec::new()
            },
            successor: if is_ic { None } else { successor.map(id) },
            join: if is_ic || org.workstreams.is_empty() {
                Vec::new()
            } else {
                let mut j: Vec<_> = join
                    .iter()
                    .map(|&(k, p)| (org.workstreams[k % w].id.clone(), f64::from(p)))
                    .collect();
                j.dedup_by(|a, b| a.0 == b.0);
                j
            },
        };
        match (lab.effect(&swing), simulate(&org, &config, &swing, as_of)) {
            (Ok(effect), Ok(_)) => {
                accepted.set(accepted.get() + 1);
                agrees(&org, &config, as_of, &effect, &swing)?;
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => {
                return Err(TestCaseError::fail(format!(
                    "lab and simulate disagree on {swing:?}: {:?} / {:?}",
                    a.err(),
                    b.err()
                )));
            }
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(
        accepted.get() >= 100,
        "only {} of 300 accepted",
        accepted.get()
    );
}

#[test]
fn the_same_org_and_day_give_the_same_suggestions() {
    for seed in 0..6 {
        let (org, config, as_of) = random_org(seed, 120);
        let first = SwingLab::new(&org, &config, as_of).suggest_all(3);
        let again = SwingLab::new(&org.clone(), &config, as_of).suggest_all(3);
        assert_eq!(first, again);
        assert_eq!(
            serde_json::to_string(&first).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
    }
}

/// Suggestions never name a person who is unknown or absent that day, and never make a cycle.
#[test]
fn suggestions_name_only_people_present_that_day() {
    for seed in 0..12 {
        let (org, config, as_of) = random_org(seed, 150);
        let lab = SwingLab::new(&org, &config, as_of);
        let s = lab.snapshot();
        for sug in lab.suggest_all(usize::MAX) {
            let w = &sug.swing;
            let named = std::iter::once(&w.person)
                .chain(&w.reports)
                .chain(w.successor.as_ref());
            for id in named {
                let i = s.person_ix(id.as_str()).unwrap();
                assert!(s.is_present(i), "{id} is absent on {as_of}");
            }
            assert!(
                sug.adds.iter().all(|f| f.rule != Rule::Cycle),
                "{:?}",
                sug.adds
            );
        }
    }
}
