//! The timeline: months and first days computed by hand (a leaver mid-month, an allocation
//! ending on the 1st, an open role starting between months, a ramping hire, a dated edit),
//! and "ahead" against its slow oracle — `check` run on every day of the horizon — over
//! small random orgs with dated data and dated edits.

// A malformed case is a bug in the test, and panicking on it is the right report.
#![allow(clippy::unwrap_used)]

use pendulum_core::cost::Budget;
use pendulum_core::edit::{DatedEdit, Edit, PersonChange, RuleChange, WorkstreamChange};
use pendulum_core::money::Money;
use pendulum_core::{
    Allocation, Date, Org, Person, PersonId, Plan, Role, RuleConfig, Snapshot, Staffing, Status,
    Team, TeamId, Workstream, WorkstreamKind, check, timeline,
};
use pendulum_synth::SplitMix64;

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn person(id: &str, name: &str, manager: Option<&str>) -> Person {
    let mut p = Person::new(id, name);
    p.manager_id = manager.map(PersonId::from);
    p.team = Some(TeamId::from("Core"));
    p
}

fn workstream(id: &str, name: &str, required: f64) -> Workstream {
    let mut w = Workstream::new(id, name);
    w.required_fte = required;
    w.team = Some(TeamId::from("Core"));
    w
}

/// The ahead list as `day rule subject starts|ends: message`.
fn ahead_lines(t: &pendulum_core::Timeline) -> Vec<String> {
    t.ahead
        .iter()
        .map(|a| {
            let (word, d) = match (a.starts, a.ends) {
                (Some(d), None) => ("starts", d),
                (None, Some(d)) => ("ends", d),
                other => panic!("one of starts and ends: {other:?}"),
            };
            format!("{d} {} {} {word}: {}", a.rule, a.subject.id, a.message)
        })
        .collect()
}

/// A team of four and an open role; three workstreams that lose or gain people mid-horizon.
fn staffing_org() -> Org {
    let mut m = person("m", "Mo", None);
    m.role = Some(Role::Manager);
    let mut leaver = person("l", "Lee", Some("m"));
    leaver.end_date = Some(day("2027-05-15"));
    let mut open = person("o", "Open role — SRE", Some("m"));
    open.status = Status::Open;
    open.start_date = Some(day("2027-04-10"));
    let mut until_june = Allocation::new("a", "w2", 100.0);
    until_june.end_date = Some(day("2027-06-01"));
    Org {
        people: vec![
            m,
            person("a", "Ann", Some("m")),
            person("b", "Bo", Some("m")),
            leaver,
            open,
        ],
        teams: Vec::new(),
        workstreams: vec![
            workstream("w1", "Billing", 1.0),
            workstream("w2", "Search", 1.0),
            workstream("w3", "Uptime", 0.9),
        ],
        allocations: vec![
            Allocation::new("l", "w1", 100.0),
            until_june,
            Allocation::new("o", "w3", 100.0),
        ],
        ..Org::default()
    }
}

#[test]
fn months_start_on_the_first_of_the_viewed_month() {
    let org = staffing_org();
    let config = RuleConfig::default();
    let t = timeline(&Plan::of(&org, &config), day("2027-03-10"), 4);
    let months: Vec<String> = t.months.iter().map(Date::to_string).collect();
    assert_eq!(
        months,
        ["2027-03-01", "2027-04-01", "2027-05-01", "2027-06-01"]
    );
    let series = |id: &str| t.workstreams.iter().find(|w| w.id.as_str() == id).unwrap();
    // The leaver is gone from 2027-05-15 (end dates are exclusive): June has no one.
    assert_eq!(series("w1").effective, [1.0, 1.0, 1.0, 0.0]);
    assert_eq!(series("w1").required, [1.0, 1.0, 1.0, 1.0]);
    use Staffing::{Fine, Gap};
    assert_eq!(series("w1").staffing, [Fine, Fine, Fine, Gap]);
    // An allocation ending on 2027-06-01 no longer counts on that day.
    assert_eq!(series("w2").effective, [1.0, 1.0, 1.0, 0.0]);
    // The open role starts on 2027-04-10: nothing on 04-01; 21 days in on 05-01 it ramps at
    // 0.25 + 0.75 × 21 / 90 = 0.425; 52 days in on 06-01 at 0.6833.
    assert_eq!(series("w3").effective, [0.0, 0.0, 0.425, 0.6833]);
    assert_eq!(series("w3").staffing, [Gap, Gap, Gap, Gap]);
    let core = &t.teams[0];
    assert_eq!(core.id.as_str(), "Core");
    // Mo, Ann, Bo, Lee; the open role is no headcount; Lee gone in June.
    assert_eq!(core.headcount, [4, 4, 4, 3]);
    assert_eq!(core.ic_capacity, [3.0, 3.0, 3.425, 2.6833]);
    assert_eq!(core.required, [2.9, 2.9, 2.9, 2.9]);
}

#[test]
fn problems_ahead_have_their_first_day_and_their_cause() {
    let org = staffing_org();
    let config = RuleConfig::default();
    let t = timeline(&Plan::of(&org, &config), day("2027-03-10"), 4);
    assert_eq!(
        ahead_lines(&t),
        [
            "2027-04-10 workstream-unstaffed w3 ends: Uptime is no longer unstaffed on 2027-04-10: Open role — SRE starts.",
            "2027-04-10 workstream-overloaded w3 starts: Uptime becomes overloaded on 2027-04-10: Open role — SRE starts.",
            "2027-05-15 workstream-unstaffed w1 starts: Billing becomes unstaffed on 2027-05-15: Lee leaves.",
            "2027-05-15 single-point-of-failure w1 ends: Billing no longer rests on one person on 2027-05-15: Lee leaves.",
            "2027-06-01 workstream-unstaffed w2 starts: Search becomes unstaffed on 2027-06-01: Ann's allocation ends.",
            "2027-06-01 single-point-of-failure w2 ends: Search no longer rests on one person on 2027-06-01: Ann's allocation ends.",
            // 0.9 / (0.25 + 0.75 × 57 / 90) = 1.241 ≤ 1.25; 56 days in it was 1.256.
            "2027-06-06 workstream-overloaded w3 ends: Uptime is no longer overloaded on 2027-06-06: Open role — SRE ramps up.",
        ]
    );
    let first = &t.ahead[0];
    assert!(
        first
            .detail
            .contains("needs 0.9 FTE and no one is allocated")
    );
}

#[test]
fn a_hire_ramping_in_overloads_their_manager_until_settled() {
    let mut lead = person("m", "Mo", None);
    lead.role = Some(Role::Manager);
    let mut org = Org {
        people: vec![lead],
        ..Org::default()
    };
    for k in 0..5 {
        org.people
            .push(person(&format!("r{k}"), &format!("R{k}"), Some("m")));
    }
    let mut hire = person("new", "Nia", Some("m"));
    hire.start_date = Some(day("2027-04-20"));
    org.people.push(hire);
    let config = RuleConfig {
        ramp_days: 30,
        manager_max_span: 9,
        ..RuleConfig::default()
    };
    let t = timeline(&Plan::of(&org, &config), day("2027-04-01"), 3);
    // 5 + (2 − 0.25) = 6.75 against 6 on her first day, until her ramp reaches 1, 30 days in.
    assert_eq!(
        ahead_lines(&t),
        [
            "2027-04-20 manager-overloaded m starts: Mo becomes overloaded as a manager on 2027-04-20: Nia starts.",
            "2027-05-20 manager-overloaded m ends: Mo is no longer overloaded as a manager on 2027-05-20: Nia ramps up.",
        ]
    );
    assert!(
        t.ahead[0]
            .detail
            .contains("6 reports, 1 of them ramping (+0.75): load 6.75 against capacity 6"),
        "{}",
        t.ahead[0].detail
    );
    assert_eq!(t.teams[0].headcount, [6, 7, 7]);
}

#[test]
fn a_dated_edit_starts_an_era_and_names_itself_as_the_cause() {
    let mut org = staffing_org();
    org.allocations.clear();
    let config = RuleConfig::default();
    let edits = [DatedEdit::from(
        Edit::Allocate {
            allocation: Allocation::new("b", "w2", 100.0),
        },
        day("2027-05-01"),
    )];
    let plan = Plan {
        org: &org,
        config: &config,
        edits: &edits,
    };
    let t = timeline(&plan, day("2027-03-01"), 3);
    let search = t
        .workstreams
        .iter()
        .find(|w| w.id.as_str() == "w2")
        .unwrap();
    assert_eq!(search.effective, [0.0, 0.0, 1.0]);
    let lines = ahead_lines(&t);
    assert!(
        lines.contains(&"2027-05-01 workstream-unstaffed w2 ends: Search is no longer unstaffed on 2027-05-01: Bo is allocated 100% to Search (a dated edit).".to_string()),
        "{lines:#?}"
    );
}

#[test]
fn no_months_is_an_empty_timeline() {
    let org = staffing_org();
    let config = RuleConfig::default();
    let t = timeline(&Plan::of(&org, &config), day("2027-03-10"), 0);
    assert!(t.months.is_empty() && t.ahead.is_empty());
    assert!(t.workstreams.iter().all(|w| w.effective.is_empty()));
}

// ---------------------------------------------------------------- the slow oracle

/// A small random org whose dates all fall around `base`, and dated edits on top of it.
fn random_plan(seed: u64, base: Date) -> (Org, RuleConfig, Vec<DatedEdit>) {
    let mut rng = SplitMix64::new(seed);
    let around = |rng: &mut SplitMix64, lo: i32, hi: i32| -> Date {
        base.add_days(lo + rng.below((hi - lo) as usize) as i32)
    };
    let config = RuleConfig {
        ramp_days: *rng.pick(&[0, 7, 20, 45]).unwrap(),
        ic_reramp_days: *rng.pick(&[0, 10, 30]).unwrap(),
        pendulum_years: *rng.pick(&[0, 1]).unwrap(),
        max_layers: *rng.pick(&[2, 3]).unwrap(),
        manager_max_span: *rng.pick(&[2, 3]).unwrap(),
        director_max_span: *rng.pick(&[2, 4]).unwrap(),
        overload_ratio: *rng.pick(&[1.0, 1.25]).unwrap(),
        max_migrations: *rng.pick(&[0, 1]).unwrap(),
        manager_capacity: *rng.pick(&[1.0, 2.0, 3.5]).unwrap(),
        hiring_weight: *rng.pick(&[0.0, 1.0]).unwrap(),
        dotted_weight: *rng.pick(&[0.0, 0.5]).unwrap(),
        ..RuleConfig::default()
    };
    let n = rng.range(2, 12);
    let id = |k: usize| format!("p{k}");
    let mut org = Org::default();
    for k in 0..n {
        let mut p = Person::new(id(k), format!("Person {k}"));
        p.manager_id = match rng.below(20) {
            0 => Some(PersonId::from("ghost")),
            1 => Some(PersonId(id(k))),
            2..=4 => None,
            _ => Some(PersonId(id(rng.below(n)))),
        };
        p.role = match rng.below(8) {
            0 => Some(Role::Manager),
            1 => Some(Role::Director),
            2 => Some(Role::Ic),
            _ => None,
        };
        if rng.chance(0.15) {
            p.status = Status::Open;
        }
        p.assistant = rng.chance(0.1);
        if rng.chance(0.6) {
            p.start_date = Some(around(&mut rng, -60, 150));
        }
        if rng.chance(0.4) {
            let from = p.start_date.unwrap_or(base);
            p.end_date = Some(from.add_days(1 + rng.below(150) as i32));
        }
        p.fte = *rng.pick(&[1.0, 1.0, 0.5]).unwrap();
        if rng.chance(0.3) {
            p.role_since = Some(around(&mut rng, -800, 100));
        }
        if rng.chance(0.1) {
            p.reramp_from = Some(around(&mut rng, -20, 120));
        }
        if rng.chance(0.2) {
            p.dotted_managers.push(PersonId(id(rng.below(n))));
        }
        p.team = rng
            .pick(&[None, Some("t1"), Some("t2")])
            .unwrap()
            .map(TeamId::from);
        org.people.push(p);
    }
    for k in 0..rng.below(5) {
        let mut w = Workstream::new(format!("w{k}"), format!("Work {k}"));
        w.required_fte = *rng.pick(&[0.0, 0.5, 1.0, 2.0]).unwrap();
        if rng.chance(0.4) {
            w.kind = WorkstreamKind::Migration;
        }
        w.team = rng
            .pick(&[None, Some("t1"), Some("t2")])
            .unwrap()
            .map(TeamId::from);
        if rng.chance(0.3) {
            w.start_date = Some(around(&mut rng, -30, 120));
        }
        if rng.chance(0.3) {
            w.end_date = Some(around(&mut rng, 0, 150));
        }
        org.workstreams.push(w);
    }
    if !org.workstreams.is_empty() {
        for _ in 0..rng.below(10) {
            let w = org.workstreams[rng.below(org.workstreams.len())].id.clone();
            let mut a = Allocation::new(&id(rng.below(n)), w.as_str(), 0.0);
            a.percent = *rng.pick(&[20.0, 50.0, 100.0]).unwrap();
            if rng.chance(0.4) {
                a.start_date = Some(around(&mut rng, -30, 120));
            }
            if rng.chance(0.4) {
                a.end_date = Some(around(&mut rng, 0, 150));
            }
            org.allocations.push(a);
        }
    }
    // Pay and budgets, so over-budget starts and ends as people come and go.
    for t in ["t1", "t2"] {
        org.teams.push(Team {
            id: TeamId::from(t),
            lead: None,
            kind: None,
        });
    }
    for p in &mut org.people {
        if rng.chance(0.7) {
            p.cost = Some(Money::from_cents(100_000 * (1 + rng.below(3)) as i64));
        }
    }
    for team in ["t1", "t2", "*"] {
        if rng.chance(0.5) {
            org.cost.budgets.push(Budget {
                team: TeamId::from(team),
                annual_budget: Money::from_cents(100_000 * rng.below(8) as i64),
            });
        }
    }
    let mut edits = Vec::new();
    for _ in 0..rng.below(5) {
        let who = PersonId(id(rng.below(n)));
        let edit = match rng.below(7) {
            0 => Edit::MovePerson {
                id: who,
                manager: Some(PersonId(id(rng.below(n)))),
            },
            1 if !org.workstreams.is_empty() => Edit::Allocate {
                allocation: Allocation::new(
                    who.as_str(),
                    org.workstreams[rng.below(org.workstreams.len())]
                        .id
                        .as_str(),
                    50.0,
                ),
            },
            2 => Edit::UpdatePerson {
                id: who,
                change: PersonChange::EndDate(Some(around(&mut rng, 10, 150))),
            },
            3 if !org.workstreams.is_empty() => Edit::UpdateWorkstream {
                id: org.workstreams[rng.below(org.workstreams.len())].id.clone(),
                change: WorkstreamChange::RequiredFte(3.0),
            },
            4 => Edit::SetRule {
                change: RuleChange::ManagerMaxSpan(1),
            },
            5 => Edit::AddPerson {
                person: {
                    let mut p = Person::new(format!("new{}", rng.below(3)), "Newcomer");
                    p.manager_id = Some(PersonId(id(rng.below(n))));
                    p
                },
            },
            _ => Edit::RemovePerson { id: who },
        };
        edits.push(if rng.chance(0.25) {
            DatedEdit::always(edit)
        } else {
            DatedEdit::from(edit, around(&mut rng, -10, 130))
        });
    }
    assert_eq!(
        org.validate(),
        vec![],
        "seed {seed}: the generated org is valid"
    );
    (org, config, edits)
}

/// `(day, rule, subject, starts)` for every change of `check`'s flags from one day to the
/// next over `(from, end)`, each day's org replayed from scratch.
fn oracle(plan: &Plan<'_>, from: Date, end: Date) -> Vec<(Date, String, String, bool)> {
    let flags_on = |d: Date| -> std::collections::BTreeSet<(String, String)> {
        let (org, config) = plan.at(d);
        let s = Snapshot::new(&org, d, &config);
        check(&s, &config)
            .into_iter()
            .map(|f| (f.rule.as_str().to_string(), f.subject.id))
            .collect()
    };
    let mut out = Vec::new();
    let mut before = flags_on(from);
    let mut d = from.add_days(1);
    while d < end {
        let now = flags_on(d);
        for k in now.difference(&before) {
            out.push((d, k.0.clone(), k.1.clone(), true));
        }
        for k in before.difference(&now) {
            out.push((d, k.0.clone(), k.1.clone(), false));
        }
        before = now;
        d = d.add_days(1);
    }
    out.sort();
    out
}

#[test]
fn ahead_equals_check_run_on_every_day_of_the_horizon() {
    let base = day("2027-01-01");
    let mut changes = 0;
    let mut ramp_ends = 0;
    let mut rules_seen = std::collections::BTreeSet::new();
    for seed in 0..400u64 {
        let (org, config, edits) = random_plan(seed, base);
        let plan = Plan {
            org: &org,
            config: &config,
            edits: &edits,
        };
        let mut rng = SplitMix64::new(seed ^ 0x5eed);
        let from = base.add_days(rng.below(45) as i32);
        let months = 1 + rng.below(4) as u32;
        let t = timeline(&plan, from, months);
        let end = from.first_of_month().add_months(months as i32);
        let mut got: Vec<(Date, String, String, bool)> = t
            .ahead
            .iter()
            .map(|a| {
                (
                    a.day(),
                    a.rule.as_str().to_string(),
                    a.subject.id.clone(),
                    a.starts.is_some(),
                )
            })
            .collect();
        got.sort();
        let want = oracle(&plan, from, end);
        assert_eq!(got, want, "seed {seed}: from {from}, {months} months");
        changes += want.len();
        rules_seen.extend(want.iter().map(|w| w.1.clone()));
        ramp_ends += t
            .ahead
            .iter()
            .filter(|a| a.ends.is_some() && a.message.contains("ramp"))
            .count();

        // The monthly figures are those of a snapshot on each month's first day.
        for (k, &m) in t.months.iter().enumerate() {
            let (o, c) = plan.at(m);
            let s = Snapshot::new(&o, m, &c);
            for (wi, w) in o.workstreams.iter().enumerate() {
                let row = t.workstreams.iter().find(|r| r.id == w.id).unwrap();
                let load = s.workstream_load(wi as u32);
                let expected = (load.effective_fte * 1e4).round() / 1e4;
                assert_eq!(row.effective[k], expected, "seed {seed}: {} on {m}", w.id);
            }
        }
    }
    // The generator reaches the cases that matter (figures printed with --nocapture).
    println!("{changes} changes, {ramp_ends} ended by ramps, rules {rules_seen:?}");
    // Every rule starts or ends somewhere in these orgs.
    for rule in pendulum_core::Rule::ALL {
        assert!(rules_seen.contains(rule.as_str()), "no change of {rule}");
    }
    assert!(changes > 1_000, "{changes} changes");
    assert!(ramp_ends > 20, "{ramp_ends} ramp ends");
}

#[test]
fn ahead_on_a_synthetic_org_checked_two_days_at_a_time_equals_the_oracle() {
    // Large enough that change days are checked in pairs, one on each thread.
    let base = pendulum_synth::generate(&pendulum_synth::SynthConfig {
        workstreams: 300,
        ..pendulum_synth::SynthConfig::new(2_100, 3)
    });
    let from = pendulum_synth::reference_date();
    let (org, edits) = pendulum_synth::year_of_changes(&base, from, 11);
    let config = RuleConfig::default();
    let plan = Plan {
        org: &org,
        config: &config,
        edits: &edits,
    };
    let t = timeline(&plan, from, 2);
    let mut got: Vec<(Date, String, String, bool)> = t
        .ahead
        .iter()
        .map(|a| {
            (
                a.day(),
                a.rule.as_str().to_string(),
                a.subject.id.clone(),
                a.starts.is_some(),
            )
        })
        .collect();
    got.sort();
    let want = oracle(&plan, from, from.first_of_month().add_months(2));
    assert!(want.len() > 100, "{} changes", want.len());
    assert_eq!(got, want);
}
