//! The generator's promises: determinism, exact sizes, valid orgs, realistic proportions.

use std::collections::BTreeMap;

use pendulum_core::{
    FlagSummary, Org, Role, RuleConfig, Snapshot, Stats, Status, WorkstreamKind, check,
};
use pendulum_synth::{Shape, SynthConfig, chain, generate, reference_date, star};

fn org(people: usize, workstreams: usize, seed: u64) -> Org {
    generate(&SynthConfig {
        workstreams,
        ..SynthConfig::new(people, seed)
    })
}

/// FNV-1a over every field the generator sets, written out one by one so that a field
/// added to the model later does not change the fingerprint.
fn fingerprint(org: &Org) -> u64 {
    let mut text = String::new();
    for p in &org.people {
        let fields = (
            &p.id,
            &p.name,
            &p.title,
            &p.manager_id,
            p.role,
            &p.team,
            &p.level,
            p.status,
        );
        let more = (
            p.start_date,
            p.end_date,
            p.fte,
            &p.location,
            &p.email,
            p.role_since,
            p.assistant,
        );
        text += &format!("{fields:?}{more:?}\n");
    }
    for t in &org.teams {
        text += &format!("{:?}\n", (&t.id, &t.lead, t.kind));
    }
    for w in &org.workstreams {
        let fields = (
            &w.id,
            &w.name,
            &w.team,
            w.required_fte,
            w.kind,
            w.start_date,
            w.end_date,
            &w.priority,
        );
        text += &format!("{fields:?}\n");
    }
    for a in &org.allocations {
        text += &format!(
            "{:?}\n",
            (
                &a.person,
                &a.workstream,
                a.percent,
                a.start_date,
                a.end_date
            )
        );
    }
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

#[test]
fn same_seed_gives_the_same_org() {
    for shape in [Shape::Realistic, Shape::Chain, Shape::Star] {
        let config = SynthConfig {
            shape,
            ..SynthConfig::new(2_000, 99)
        };
        assert_eq!(generate(&config), generate(&config), "{shape:?}");
    }
}

#[test]
fn different_seeds_give_different_orgs() {
    let a = org(500, 100, 1);
    let b = org(500, 100, 2);
    assert_ne!(a.people, b.people);
    assert_ne!(a.allocations, b.allocations);
    let managers = |o: &Org| {
        o.people
            .iter()
            .map(|p| p.manager_id.clone())
            .collect::<Vec<_>>()
    };
    assert_ne!(
        managers(&a),
        managers(&b),
        "the reporting lines themselves differ"
    );
}

/// Pins the output of one seed, so a change to the generator (or to anything it depends on)
/// that would silently change every benchmark and property test is noticed. Update the
/// figure deliberately when the generator is meant to change.
#[test]
fn output_is_pinned_for_a_seed() {
    let o = org(300, 60, 2026);
    assert_eq!(o.people[0].id.as_str(), "p001");
    assert_eq!(fingerprint(&o), 15_152_371_729_730_152_908);
}

#[test]
fn counts_are_exact_and_orgs_are_valid() {
    for n in [0, 1, 2, 5, 10, 11, 12, 13, 20, 37, 100, 999, 5_000] {
        for w in [0, 1, n / 5, n] {
            for shape in [Shape::Realistic, Shape::Chain, Shape::Star] {
                let o = generate(&SynthConfig {
                    workstreams: w,
                    shape,
                    ..SynthConfig::new(n, n as u64)
                });
                assert_eq!(o.people.len(), n, "{shape:?} people={n}");
                assert_eq!(
                    o.workstreams.len(),
                    w,
                    "{shape:?} people={n} workstreams={w}"
                );
                assert_eq!(
                    o.org_problems(),
                    Vec::<String>::new(),
                    "{shape:?} people={n} workstreams={w}"
                );
            }
        }
    }
}

trait Problems {
    fn org_problems(&self) -> Vec<String>;
}

impl Problems for Org {
    /// `validate()`, plus the checks it leaves to the reporting graph: one root, no
    /// unknown managers, no cycles.
    fn org_problems(&self) -> Vec<String> {
        let mut out: Vec<String> = self.validate().iter().map(ToString::to_string).collect();
        let config = RuleConfig::default();
        let s = Snapshot::new(self, reference_date(), &config);
        if !s.unknown_manager().is_empty() || !s.cycles().is_empty() {
            out.push("unknown managers or cycles".into());
        }
        let roots = self
            .people
            .iter()
            .filter(|p| p.manager_id.is_none())
            .count();
        if !self.people.is_empty() && roots != 1 {
            out.push(format!("{roots} roots"));
        }
        out
    }
}

#[test]
fn realistic_orgs_have_a_realistic_shape() {
    let o = org(20_000, 4_000, 7);
    let config = RuleConfig::default();
    let s = Snapshot::new(&o, reference_date(), &config);
    let stats = Stats::of(&s);

    let mut by_role: BTreeMap<Role, Vec<u32>> = BTreeMap::new();
    for (i, p) in o.people.iter().enumerate() {
        assert!(p.role.is_some(), "roles are written on every person");
        if s.is_present(i as u32) && !p.assistant {
            by_role
                .entry(s.role(i as u32))
                .or_default()
                .push(s.span(i as u32));
        }
    }
    let mean = |v: &[u32]| v.iter().map(|&x| f64::from(x)).sum::<f64>() / v.len() as f64;
    let managers = &by_role[&Role::Manager];
    let directors = &by_role[&Role::Director];
    assert!(
        (3.0..=9.0).contains(&mean(managers)),
        "mean manager span {}",
        mean(managers)
    );
    assert!(
        (2.0..=5.0).contains(&mean(directors)),
        "mean director span {}",
        mean(directors)
    );
    assert_eq!(
        managers.iter().max(),
        Some(&9),
        "no manager has more than 9 reports"
    );
    assert_eq!(
        directors.iter().max(),
        Some(&5),
        "no director has more than 5 managers"
    );
    let ic_share = f64::from(stats.ics) / f64::from(stats.headcount);
    assert!(
        (0.7..0.9).contains(&ic_share),
        "ICs are {ic_share} of headcount"
    );
    assert!(by_role[&Role::Executive].len() >= 2, "a CEO and some VPs");
    assert!((5..=8).contains(&stats.layers), "layers {}", stats.layers);

    let open = o.people.iter().filter(|p| p.status == Status::Open).count();
    assert!((200..=1_000).contains(&open), "{open} open roles");
    assert!(o.people.iter().any(|p| p.assistant), "some assistants");
    let full_time = o.people.iter().filter(|p| p.fte == 1.0).count();
    assert!(full_time > 18_000, "{full_time} of 20000 full time");
    let ramping = (0..o.people.len() as u32)
        .filter(|&i| s.is_present(i) && s.ramp(i) < 1.0)
        .count();
    assert!(ramping > 500, "{ramping} people still ramping up");

    for kind in [
        WorkstreamKind::Feature,
        WorkstreamKind::Migration,
        WorkstreamKind::Operations,
        WorkstreamKind::Other,
    ] {
        assert!(o.workstreams.iter().any(|w| w.kind == kind), "{kind:?}");
    }
    assert!(
        o.workstreams
            .iter()
            .all(|w| (0.5..=6.0).contains(&w.required_fte))
    );

    // Most ICs are on one or two workstreams within their week; a few are over-allocated.
    let ics: Vec<u32> = (0..o.people.len() as u32)
        .filter(|&i| s.is_present(i) && s.role(i) == Role::Ic && !o.people[i as usize].assistant)
        .collect();
    let allocated = ics
        .iter()
        .filter(|&&i| s.allocated_percent(i) > 0.0)
        .count();
    let over = ics
        .iter()
        .filter(|&&i| s.allocated_percent(i) > 100.0)
        .count();
    assert!(
        allocated * 10 > ics.len() * 6,
        "{allocated} of {} ICs allocated",
        ics.len()
    );
    assert!(
        over > 0 && over * 10 < ics.len(),
        "{over} of {} ICs over 100%",
        ics.len()
    );

    let flags = FlagSummary::of(&check(&s, &config)).by_rule;
    for rule in [
        "migrations-in-flight",
        "person-overallocated",
        "workstream-overloaded",
        "pendulum-due",
    ] {
        assert!(
            flags.contains_key(rule),
            "{rule} fires somewhere: {flags:?}"
        );
    }
    for rule in ["cycle", "unknown-manager", "manager-without-reports"] {
        assert!(!flags.contains_key(rule), "{rule} never fires: {flags:?}");
    }
}

#[test]
fn people_are_listed_in_random_order_with_ids_in_list_order() {
    let o = org(1_000, 0, 3);
    let ids: Vec<&str> = o.people.iter().map(|p| p.id.as_str()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);
    let root = o.people.iter().position(|p| p.manager_id.is_none());
    assert_ne!(root, Some(0), "the CEO is not simply first");
}

#[test]
fn chain_is_one_line_of_n() {
    let o = chain(1_000);
    let config = RuleConfig::default();
    let s = Snapshot::new(&o, reference_date(), &config);
    assert_eq!(s.roots(), &[0]);
    assert_eq!(o.people[0].id.as_str(), "p0001");
    assert_eq!(Stats::of(&s).layers, 1_000);
    assert_eq!(s.role(0), Role::Director);
    assert_eq!(s.role(998), Role::Manager);
    assert_eq!(s.role(999), Role::Ic);
    assert!(o.people.iter().all(|p| p.role.is_none()));
    assert_eq!(o.people[0].title, "Director of Engineering");
    assert_eq!(chain(0).people.len(), 0);
}

#[test]
fn star_is_one_manager_with_n_reports() {
    let o = star(50_000);
    let config = RuleConfig::default();
    let s = Snapshot::new(&o, reference_date(), &config);
    assert_eq!(o.people.len(), 50_001);
    assert_eq!(s.span(0), 50_000);
    assert_eq!(s.role(0), Role::Manager);
    assert_eq!(Stats::of(&s).layers, 2);
    assert_eq!(star(0).people.len(), 1);
}

#[test]
fn the_reference_date_is_new_years_day_2026() {
    assert_eq!(reference_date().to_string(), "2026-01-01");
    assert_eq!(SynthConfig::new(10, 0).as_of, reference_date());
}
