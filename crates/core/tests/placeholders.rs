//! Managers who are named but not drawn: one placeholder per missing id (or per manager not
//! here that day), hanging every root whose manager it is; never a person, so no figure and
//! no flag counts it, while `unknown-manager` still flags each person.

// A failed unwrap is how a test fails.
#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};

use pendulum_core::{
    AbsentManager, Date, Org, Person, PersonId, RuleConfig, Snapshot, Stats, Top, check,
};
use pendulum_synth::{Shape, SplitMix64, SynthConfig, generate, reference_date};
use proptest::prelude::*;

fn person(id: &str, manager: Option<&str>) -> Person {
    let mut p = Person::new(id, id.to_uppercase());
    p.manager_id = manager.map(PersonId::from);
    p
}

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

#[test]
fn roots_hang_under_one_placeholder_per_absent_manager_in_order_of_first_report() {
    let mut gone = person("gone", None);
    gone.end_date = Some(day("2026-06-01"));
    let mut later = person("later", None);
    later.start_date = Some(day("2027-01-01"));
    let org = Org {
        people: vec![
            person("a", Some("m-1")),
            person("b", Some("gone")),
            person("root", None),
            person("c", Some("m-1")),
            person("d", Some("later")),
            person("e", Some("a")),
            person("f", Some("f")),
            gone,
            later,
        ],
        ..Org::default()
    };
    let s = Snapshot::new(&org, day("2026-07-01"), &RuleConfig::default());
    let ix = |id: &str| s.person_ix(id).unwrap();
    let shown: Vec<(AbsentManager<'_>, Vec<u32>)> = s
        .placeholders()
        .iter()
        .map(|p| (p.manager, p.reports.clone()))
        .collect();
    assert_eq!(
        shown,
        [
            (AbsentManager::NotInFile("m-1"), vec![ix("a"), ix("c")]),
            (AbsentManager::NotHere(ix("gone")), vec![ix("b")]),
            (AbsentManager::NotHere(ix("later")), vec![ix("d")]),
        ]
    );
    assert_eq!(
        s.tops(),
        [
            Top::Placeholder(0),
            Top::Placeholder(1),
            Top::Person(ix("root")),
            Top::Placeholder(2),
            Top::Person(ix("f")),
        ],
        "a self-loop is a cycle, drawn as a root"
    );
    assert_eq!(s.placeholder_id(0), "m-1");
    assert_eq!(s.placeholder_id(1), "gone");
    assert_eq!(s.placeholder_people(0), 3, "a, c and e under a");
    assert_eq!(s.placeholder_of(ix("c")), Some(0));
    assert_eq!(s.placeholder_of(ix("e")), None, "only roots hang under one");
    // Not people: depth, headcount and layers are the people's alone.
    assert_eq!(s.depth(ix("a")), 1);
    let stats = Stats::of(&s);
    assert_eq!((stats.headcount, stats.layers), (7, 2));
    let flagged: Vec<String> = check(&s, &RuleConfig::default())
        .into_iter()
        .filter(|f| f.rule.as_str() == "unknown-manager")
        .map(|f| f.subject.id)
        .collect();
    assert_eq!(flagged, ["a", "c"]);
}

/// The placeholders a snapshot should have, worked out from the org directly: for each
/// present person not on a cycle whose manager is named, the manager's id when no one has it,
/// or the manager when they are not present; first-report order.
fn expected(org: &Org, s: &Snapshot<'_>) -> Vec<(String, Vec<String>)> {
    let ids: BTreeMap<&str, u32> = org
        .people
        .iter()
        .enumerate()
        .rev()
        .map(|(i, p)| (p.id.as_str(), i as u32))
        .collect();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (i, p) in org.people.iter().enumerate() {
        let i = i as u32;
        if !s.is_present(i) || s.in_cycle(i) {
            continue;
        }
        let Some(m) = &p.manager_id else { continue };
        let absent = match ids.get(m.as_str()) {
            None => true,
            Some(&mi) => !s.is_present(mi),
        };
        if !absent {
            continue;
        }
        match out.iter_mut().find(|(id, _)| id == m.as_str()) {
            Some((_, reports)) => reports.push(p.id.0.clone()),
            None => out.push((m.0.clone(), vec![p.id.0.clone()])),
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// On department exports with managers removed at random: placeholders are exactly the
    /// distinct absent managers, each over exactly its people, every root under at most one;
    /// figures and unknown-manager flags are those of the people alone.
    #[test]
    fn placeholders_are_the_distinct_absent_managers(
        people in 40usize..1_500,
        seed in any::<u64>(),
        cut in 0usize..20,
        pick in any::<u64>(),
    ) {
        let mut org = generate(&SynthConfig {
            shape: Shape::HrExport,
            workstreams: 0,
            ..SynthConfig::new(people, seed)
        });
        // Remove a few more people: whoever named them now names no one.
        let mut rng = SplitMix64::new(pick);
        for _ in 0..cut.min(org.people.len() / 2) {
            let k = rng.below(org.people.len());
            org.people.remove(k);
        }
        let config = RuleConfig::default();
        let s = Snapshot::new(&org, reference_date(), &config);
        let got: Vec<(String, Vec<String>)> = (0..s.placeholders().len() as u32)
            .map(|k| {
                let reports = s.placeholders()[k as usize]
                    .reports
                    .iter()
                    .map(|&r| s.person(r).id.0.clone())
                    .collect();
                (s.placeholder_id(k).to_owned(), reports)
            })
            .collect();
        prop_assert_eq!(&got, &expected(&org, &s));
        let distinct: BTreeSet<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
        prop_assert_eq!(distinct.len(), got.len(), "one placeholder per absent manager");

        // Every root is a top or under exactly one placeholder; tops list each once.
        let mut under = 0;
        for &r in s.roots() {
            match s.placeholder_of(r) {
                Some(k) => {
                    prop_assert!(s.placeholders()[k as usize].reports.contains(&r));
                    under += 1;
                }
                None => prop_assert!(s.tops().contains(&Top::Person(r))),
            }
        }
        let reports: usize = s.placeholders().iter().map(|p| p.reports.len()).sum();
        prop_assert_eq!(under, reports);
        prop_assert_eq!(s.tops().len(), s.roots().len() - under + s.placeholders().len());

        // Figures are the people's: headcount and open roles cover exactly the present.
        let st = Stats::of(&s);
        prop_assert_eq!((st.headcount + st.open_roles) as usize, s.breadth_first().len());
        let unknown: usize = check(&s, &config)
            .iter()
            .filter(|f| f.rule.as_str() == "unknown-manager")
            .count();
        let not_in_file: usize = s
            .placeholders()
            .iter()
            .filter(|p| matches!(p.manager, AbsentManager::NotInFile(_)))
            .map(|p| p.reports.len())
            .sum();
        prop_assert_eq!(unknown, not_in_file, "unknown-manager still flags each person");
    }
}
