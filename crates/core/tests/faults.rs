//! RELIABILITY G1: random valid forests with injected faults; exactly the injected faults are
//! flagged. RELIABILITY G2: a 1,000,000-long reporting chain through snapshot, check, stats.
//!
//! The base forest is built to be clean for every rule: managers (by role) have 2–5 reports
//! plus an optional assistant, nobody is deeper than 5, ICs hold at most one 50% allocation,
//! and every workstream is held by two people at 50% with a required FTE the two of them
//! cover. Each injected fault then implies an exact set of `(rule, subject)` flags, and the
//! org's flags must be that set, no more and no less.

// A malformed case is a bug in the test, and panicking on it is the right report.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use pendulum_core::{
    Allocation, Date, Org, Person, PersonId, Role, RuleConfig, Snapshot, Stats, TeamId, Workstream,
    WorkstreamKind, check,
};
use pendulum_synth::{SplitMix64, SynthConfig, chain, generate, reference_date};
use proptest::prelude::*;

fn as_of() -> Date {
    reference_date()
}

/// A forest: for each tree, the number of reports of its internal people in breadth-first
/// order (each 2..=5); people past the end of the list, or at depth 5, are ICs.
fn forest() -> impl Strategy<Value = Vec<Vec<usize>>> {
    prop::collection::vec(prop::collection::vec(2usize..=5, 0..12), 1..4)
}

/// What is built on top of the base forest.
#[derive(Clone, Debug)]
struct Faults {
    /// Lengths of new reporting cycles (1 = someone who is their own manager).
    cycles: Vec<usize>,
    /// New people whose manager id names no one.
    unknown_managers: usize,
    /// Extra percent above capacity for some allocated people (0 = exactly at capacity).
    overallocations: Vec<f64>,
    /// Base managers given this many extra reports (a span of 6 or more is too wide).
    widened: Vec<usize>,
    /// Base workstreams whose allocations are all removed.
    stripped: usize,
    /// Base workstreams given a required FTE of 1.25 + this over their effective 1.0.
    overloaded: Vec<f64>,
    /// Base workstreams whose second holder's share moves to the first (one person left).
    single_holder: usize,
    /// New workstreams with this required FTE and no one on them (0 is not a fault).
    unstaffed: Vec<f64>,
    /// New teams with this many active migrations (and one finished one).
    migrations: Vec<usize>,
    /// Base managers given hands-on work this many points above (or, when negative, below)
    /// the percent at which their load meets their capacity.
    hands_on: Vec<f64>,
    /// Decoys that must not be flagged: an absent cycle, an absent manager, a tail under a cycle.
    decoys: bool,
    /// Which base people and workstreams the faults land on.
    seed: u64,
}

fn faults() -> impl Strategy<Value = Faults> {
    (
        prop::collection::vec(1usize..=4, 0..3),
        0usize..3,
        prop::collection::vec(prop::sample::select(vec![0.0, 0.5, 1.0, 25.0, 50.0]), 0..4),
        prop::collection::vec(0usize..=4, 0..3),
        0usize..3,
        prop::collection::vec(prop::sample::select(vec![0.0, 0.01, 0.5, 3.0]), 0..3),
        0usize..3,
        prop::collection::vec(prop::sample::select(vec![0.0, 0.01, 1.0, 3.0]), 0..3),
        prop::collection::vec(1usize..=3, 0..3),
        prop::collection::vec(
            prop::sample::select(vec![-1.0, -0.01, 0.01, 1.0, 20.0]),
            0..3,
        ),
        any::<bool>(),
        any::<u64>(),
    )
        .prop_map(
            |(
                cycles,
                unknown_managers,
                overallocations,
                widened,
                stripped,
                overloaded,
                single_holder,
                unstaffed,
                migrations,
                hands_on,
                decoys,
                seed,
            )| Faults {
                cycles,
                unknown_managers,
                overallocations,
                widened,
                stripped,
                overloaded,
                single_holder,
                unstaffed,
                migrations,
                hands_on,
                decoys,
                seed,
            },
        )
}

type Expected = BTreeSet<(String, String)>;

fn person(id: &str, manager: Option<&str>, role: Role) -> Person {
    let mut p = Person::new(id, format!("Name {id}"));
    p.manager_id = manager.map(PersonId::from);
    p.role = Some(role);
    p
}

/// The clean base org, and for each base workstream the two people on it.
struct Base {
    org: Org,
    managers: Vec<String>,
    pairs: Vec<(String, String, String)>,
}

fn base(trees: &[Vec<usize>], seed: u64) -> Base {
    let mut rng = SplitMix64::new(seed);
    let mut org = Org::default();
    let mut managers = Vec::new();
    let mut ics = Vec::new();
    for (t, spans) in trees.iter().enumerate() {
        // breadth-first: (id, depth); people past the span list become ICs
        let root = format!("t{t}p0");
        let mut queue = vec![(root.clone(), None::<String>, 1usize)];
        let mut head = 0;
        let mut next = 1;
        while head < queue.len() {
            let (id, manager, depth) = queue[head].clone();
            let reports = spans.get(head).copied().filter(|_| depth < 5).unwrap_or(0);
            head += 1;
            let role = if reports > 0 { Role::Manager } else { Role::Ic };
            let mut p = person(&id, manager.as_deref(), role);
            if role == Role::Ic {
                p.fte = if rng.chance(0.2) { 0.5 } else { 1.0 };
                ics.push(id.clone());
            } else {
                managers.push(id.clone());
            }
            if rng.chance(0.3) {
                p.start_date = Some(as_of().add_days(-(rng.range(90, 3000) as i32)));
            }
            org.people.push(p);
            for _ in 0..reports {
                queue.push((format!("t{t}p{next}"), Some(id.clone()), depth + 1));
                next += 1;
            }
            if reports > 0 && rng.chance(0.2) {
                let mut a = person(&format!("t{t}a{next}"), Some(&id), Role::Ic);
                a.assistant = true;
                org.people.push(a);
                next += 1;
            }
        }
    }
    // Pairs of ICs share a workstream at 50% each; its required FTE is one they cover.
    let mut pairs = Vec::new();
    for (k, pair) in ics.chunks_exact(2).enumerate() {
        let w = format!("w{k}");
        let mut ws = Workstream::new(w.clone(), w.clone());
        ws.required_fte = [0.5, 1.0, 1.25][rng.below(3)];
        ws.team = Some(TeamId(format!("team{k}")));
        ws.kind = if rng.chance(0.3) {
            WorkstreamKind::Migration
        } else {
            WorkstreamKind::Feature
        };
        org.workstreams.push(ws);
        org.allocations.push(Allocation::new(&pair[0], &w, 50.0));
        org.allocations.push(Allocation::new(&pair[1], &w, 50.0));
        pairs.push((w, pair[0].clone(), pair[1].clone()));
    }
    Base {
        org,
        managers,
        pairs,
    }
}

fn flag(expected: &mut Expected, rule: &str, id: &str) {
    expected.insert((rule.to_string(), id.to_string()));
}

/// Applies the faults; returns the org and exactly the flags they imply.
fn inject(base: Base, f: &Faults) -> (Org, Expected) {
    let Base {
        mut org,
        mut managers,
        mut pairs,
    } = base;
    let mut rng = SplitMix64::new(f.seed);
    rng.shuffle(&mut managers);
    rng.shuffle(&mut pairs);
    let mut expected = Expected::new();

    for (k, &len) in f.cycles.iter().enumerate() {
        for j in 0..len {
            let id = format!("cyc{k}-{j}");
            org.people.push(person(
                &id,
                Some(&format!("cyc{k}-{}", (j + 1) % len)),
                Role::Ic,
            ));
            flag(&mut expected, "cycle", &id);
        }
    }
    for k in 0..f.unknown_managers {
        let id = format!("lost{k}");
        org.people
            .push(person(&id, Some(&format!("ghost{k}")), Role::Ic));
        flag(&mut expected, "unknown-manager", &id);
    }
    for (k, &extra) in f.widened.iter().enumerate() {
        let Some(m) = managers.get(k) else { break };
        let span = org
            .people
            .iter()
            .filter(|p| p.manager_id.as_ref().is_some_and(|x| x.0 == *m) && !p.assistant)
            .count();
        // bring the span to 5 + extra: 5 is still fine, 6 and more are too wide
        for j in span..5 + extra {
            org.people
                .push(person(&format!("{m}-new{j}"), Some(m), Role::Ic));
        }
        if 5 + extra > 5 {
            flag(&mut expected, "span-too-wide", m);
        }
        // a load of one per settled report, against a capacity of 6
        if 5 + extra > 6 {
            flag(&mut expected, "manager-overloaded", m);
        }
    }
    // Managers from the other end of the list, so none of them was widened.
    for (k, &extra) in f.hands_on.iter().enumerate() {
        if k + f.widened.len() >= managers.len() {
            break;
        }
        let m = &managers[managers.len() - 1 - k];
        let span = org
            .people
            .iter()
            .filter(|p| p.manager_id.as_ref().is_some_and(|x| x.0 == *m) && !p.assistant)
            .count() as f64;
        // load = span; capacity = 6 × (1 − percent / 100)
        let percent = 100.0 * (1.0 - span / 6.0) + extra;
        let side = format!("hands-on{k}");
        org.workstreams
            .push(Workstream::new(side.clone(), side.clone()));
        org.allocations.push(Allocation::new(m, &side, percent));
        if extra > 0.0 {
            flag(&mut expected, "manager-overloaded", m);
        }
    }

    // Each base workstream (and its two holders) takes at most one fault.
    let mut pairs = pairs.into_iter();
    for (k, &extra) in f.overallocations.iter().enumerate() {
        let Some((_, a, _)) = pairs.next() else { break };
        let fte = org
            .people
            .iter()
            .find(|p| p.id.0 == a)
            .map_or(1.0, |p| p.fte);
        let side = format!("side{k}");
        org.workstreams
            .push(Workstream::new(side.clone(), side.clone()));
        let percent = fte * 100.0 - 50.0 + extra;
        if percent > 0.0 {
            org.allocations.push(Allocation::new(&a, &side, percent));
        }
        if extra > 0.0 {
            flag(&mut expected, "person-overallocated", &a);
        }
    }
    for _ in 0..f.stripped {
        let Some((w, _, _)) = pairs.next() else { break };
        org.allocations.retain(|a| a.workstream.0 != w);
        flag(&mut expected, "workstream-unstaffed", &w);
    }
    for &over in &f.overloaded {
        let Some((w, _, _)) = pairs.next() else { break };
        let ws = org.workstreams.iter_mut().find(|x| x.id.0 == w).unwrap();
        ws.required_fte = 1.25 + over;
        if over > 0.0 {
            flag(&mut expected, "workstream-overloaded", &w);
        }
    }
    for _ in 0..f.single_holder {
        let Some((w, a, b)) = pairs.next() else { break };
        let fte_a = org
            .people
            .iter()
            .find(|p| p.id.0 == a)
            .map_or(1.0, |p| p.fte);
        for alloc in &mut org.allocations {
            if alloc.person.0 == b && alloc.workstream.0 == w {
                alloc.person = PersonId(a.clone());
            }
        }
        org.workstreams
            .iter_mut()
            .find(|x| x.id.0 == w)
            .unwrap()
            .required_fte = 1.0;
        flag(&mut expected, "single-point-of-failure", &w);
        // the one holder now carries 100%, over the capacity of a half-time person
        if fte_a < 1.0 {
            flag(&mut expected, "person-overallocated", &a);
        }
    }

    for (k, &required) in f.unstaffed.iter().enumerate() {
        let id = format!("empty{k}");
        let mut ws = Workstream::new(id.clone(), id.clone());
        ws.required_fte = required;
        org.workstreams.push(ws);
        if required > 0.0 {
            flag(&mut expected, "workstream-unstaffed", &id);
        }
    }
    for (k, &count) in f.migrations.iter().enumerate() {
        let team = format!("movers{k}");
        for j in 0..=count {
            let mut ws = Workstream::new(format!("{team}-m{j}"), "migration");
            ws.kind = WorkstreamKind::Migration;
            ws.team = Some(TeamId(team.clone()));
            if j == count {
                ws.end_date = Some(as_of().add_days(-1)); // finished: not in flight
            }
            org.workstreams.push(ws);
        }
        if count > 1 {
            flag(&mut expected, "migrations-in-flight", &team);
        }
    }

    if f.decoys {
        for j in 0..3 {
            let mut p = person(
                &format!("gone{j}"),
                Some(&format!("gone{}", (j + 1) % 3)),
                Role::Ic,
            );
            p.end_date = Some(as_of().add_days(-1));
            org.people.push(p);
        }
        org.people.push(person("orphan", Some("gone0"), Role::Ic));
        if !f.cycles.is_empty() {
            org.people.push(person("tail", Some("cyc0-0"), Role::Ic));
        }
    }
    (org, expected)
}

fn flags_of(org: &Org) -> Expected {
    let config = RuleConfig::default();
    let s = Snapshot::new(org, as_of(), &config);
    check(&s, &config)
        .into_iter()
        .map(|f| (f.rule.as_str().to_string(), f.subject.id))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// G1: the base is clean, and with faults injected exactly those faults are flagged.
    #[test]
    fn exactly_the_injected_faults_are_flagged(trees in forest(), seed in any::<u64>(), f in faults()) {
        let b = base(&trees, seed);
        prop_assert_eq!(b.org.validate(), vec![]);
        prop_assert_eq!(flags_of(&b.org), Expected::new(), "the base org is clean");
        let (org, expected) = inject(b, &f);
        prop_assert_eq!(org.validate(), vec![]);
        prop_assert_eq!(flags_of(&org), expected);
    }

    /// G1 on synthetic orgs: cycles through existing people and unknown managers are flagged
    /// exactly, whatever else the org has, and the drawn forest stays a forest.
    #[test]
    fn cycles_through_a_synthetic_org_are_flagged_exactly(
        people in 20usize..400,
        seed in any::<u64>(),
        cycles in prop::collection::vec(1usize..=4, 0..4),
        unknown in 0usize..3,
        pick in any::<u64>(),
    ) {
        let mut org = generate(&SynthConfig { workstreams: people / 5, ..SynthConfig::new(people, seed) });
        let config = RuleConfig::default();
        let present: Vec<usize> = {
            let s = Snapshot::new(&org, as_of(), &config);
            (0..org.people.len()).filter(|&i| s.is_present(i as u32)).collect()
        };
        let mut rng = SplitMix64::new(pick);
        let mut chosen = present.clone();
        rng.shuffle(&mut chosen);
        let mut chosen = chosen.into_iter();
        let mut expected = Expected::new();
        for len in cycles {
            let members: Vec<usize> = chosen.by_ref().take(len).collect();
            for (j, &m) in members.iter().enumerate() {
                let next = org.people[members[(j + 1) % members.len()]].id.clone();
                org.people[m].manager_id = Some(next);
                expected.insert(("cycle".into(), org.people[m].id.0.clone()));
            }
        }
        for (k, m) in chosen.by_ref().take(unknown).enumerate() {
            org.people[m].manager_id = Some(PersonId(format!("ghost{k}")));
            expected.insert(("unknown-manager".into(), org.people[m].id.0.clone()));
        }
        let s = Snapshot::new(&org, as_of(), &config);
        let got: Expected = check(&s, &config)
            .into_iter()
            .filter(|f| matches!(f.rule.as_str(), "cycle" | "unknown-manager"))
            .map(|f| (f.rule.as_str().to_string(), f.subject.id))
            .collect();
        prop_assert_eq!(got, expected);
        // every present person is drawn exactly once, under a manager drawn before them
        let mut seen = vec![false; org.people.len()];
        for &i in s.breadth_first() {
            prop_assert!(!seen[i as usize]);
            if let Some(p) = s.parent(i) {
                prop_assert!(seen[p as usize]);
            }
            seen[i as usize] = true;
        }
        prop_assert_eq!(seen.iter().filter(|&&x| x).count(), present.len());
    }
}

/// G2: a 1,000,000-long reporting chain, in a normal test thread.
#[test]
fn a_million_long_chain_is_checked_without_recursion() {
    const N: usize = 1_000_000;
    let org = chain(N);
    let config = RuleConfig::default();
    let s = Snapshot::new(&org, as_of(), &config);
    assert_eq!(s.depth(N as u32 - 1), N as u32);
    assert_eq!(s.total_under(0), N as u32 - 1);
    assert_eq!(s.role(0), Role::Director);
    let flags = check(&s, &config);
    let layers: Vec<&str> = flags
        .iter()
        .filter(|f| f.rule.as_str() == "too-many-layers")
        .map(|f| f.subject.id.as_str())
        .collect();
    assert_eq!(layers, [org.people[0].id.as_str()]);
    // everyone above the last IC leads exactly one person
    let narrow = flags
        .iter()
        .filter(|f| f.rule.as_str() == "span-too-narrow")
        .count();
    assert_eq!(narrow, N - 1);
    let stats = Stats::of(&s);
    assert_eq!(
        (stats.layers, stats.max_span, stats.managers, stats.ics),
        (N as u32, 1, N as u32 - 1, 1)
    );
    assert_eq!(s.graph().edge_count(), N - 1);
}
