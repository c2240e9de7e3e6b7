//! The replayer (one id index kept across a log's edits) answers exactly as `apply` does edit
//! by edit: the same org after each edit, the same error for each refused edit.

use pendulum_core::{Edit, Org, Person, PersonChange, PersonId, Replayer, RuleConfig, apply};
use proptest::prelude::*;

fn person(id: &str, manager: Option<&str>) -> Person {
    let mut p = Person::new(id, format!("Name {id}"));
    p.manager_id = manager.map(PersonId::from);
    p
}

/// A chain p0 ← p1 ← … and a few more people under p0.
fn org(n: usize) -> Org {
    let people = (0..n)
        .map(|i| {
            let manager = match i {
                0 => None,
                _ if i % 3 == 0 => Some("p0".to_string()),
                _ => Some(format!("p{}", i - 1)),
            };
            person(&format!("p{i}"), manager.as_deref())
        })
        .collect();
    Org {
        people,
        ..Org::default()
    }
}

fn id(i: u8) -> PersonId {
    // Some ids name nobody: the edit must be refused alike.
    PersonId::from(format!("p{}", i % 24).as_str())
}

fn edit() -> impl Strategy<Value = Edit> {
    let one = prop_oneof![
        4 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Edit::MovePerson { id: id(a), manager: Some(id(b)) }),
        1 => any::<u8>().prop_map(|a| Edit::MovePerson { id: id(a), manager: None }),
        1 => any::<u8>().prop_map(|a| Edit::RemovePerson { id: id(a) }),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Edit::AddPerson {
            person: person(id(a).as_str(), Some(id(b).as_str())),
        }),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Edit::UpdatePerson {
            id: id(a),
            change: PersonChange::DottedManagers(vec![id(b)]),
        }),
        1 => any::<u8>().prop_map(|a| Edit::UpdatePerson {
            id: id(a),
            change: PersonChange::Title(format!("Title {a}")),
        }),
    ];
    one.prop_recursive(2, 12, 4, |inner| {
        prop::collection::vec(inner, 1..4).prop_map(|edits| Edit::Batch {
            label: "batch".into(),
            edits,
        })
    })
}

proptest! {
    #[test]
    fn replayer_answers_as_apply(n in 2usize..20, edits in prop::collection::vec(edit(), 1..40)) {
        let (mut a, mut ac) = (org(n), RuleConfig::default());
        let (mut b, mut bc) = (org(n), RuleConfig::default());
        let mut replayer = Replayer::new();
        for (i, e) in edits.iter().enumerate() {
            let by_apply = apply(&mut a, &mut ac, e);
            let by_replayer = replayer.apply(&mut b, &mut bc, e);
            prop_assert_eq!(&by_apply, &by_replayer, "edit {} ({:?})", i, e);
            prop_assert_eq!(&a, &b, "org after edit {}", i);
        }
    }
}

/// A replayer handed another org than the one it indexed still finds the right people.
#[test]
fn a_replayer_given_another_org_stays_correct() {
    let mut replayer = Replayer::new();
    let config = &mut RuleConfig::default();
    let mut first = org(10);
    let mv = |who: &str, to: &str| Edit::MovePerson {
        id: who.into(),
        manager: Some(to.into()),
    };
    replayer
        .apply(&mut first, config, &mv("p5", "p0"))
        .unwrap_or_else(|e| panic!("{e}"));
    // The other org has the same ids in another order.
    let mut other = org(10);
    other.people.reverse();
    let expected = {
        let mut o = other.clone();
        apply(&mut o, &mut RuleConfig::default(), &mv("p9", "p2")).map(|()| o)
    };
    let got = replayer
        .apply(&mut other, config, &mv("p9", "p2"))
        .map(|()| other.clone());
    assert_eq!(got, expected);
    // A cycle through the reordered org is still seen: p1 manages p2.
    let refused = replayer.apply(&mut other, config, &mv("p1", "p2"));
    assert!(
        matches!(refused, Err(pendulum_core::EditError::Cycle { .. })),
        "{refused:?}"
    );
}

/// A move at the bottom of a 1,000,000-long chain walks it once, through the index.
#[test]
fn a_long_chain_is_walked_once_per_move() {
    let n = 1_000_000;
    let people = (0..n)
        .map(|i| {
            let manager = (i > 0).then(|| format!("c{}", i - 1));
            person(&format!("c{i}"), manager.as_deref())
        })
        .collect();
    let mut org = Org {
        people,
        ..Org::default()
    };
    let config = &mut RuleConfig::default();
    let mut replayer = Replayer::new();
    let top_under_bottom = Edit::MovePerson {
        id: "c0".into(),
        manager: Some(format!("c{}", n - 1).as_str().into()),
    };
    assert!(matches!(
        replayer.apply(&mut org, config, &top_under_bottom),
        Err(pendulum_core::EditError::Cycle { .. })
    ));
    let bottom_to_top = Edit::MovePerson {
        id: format!("c{}", n - 1).as_str().into(),
        manager: Some("c0".into()),
    };
    replayer
        .apply(&mut org, config, &bottom_to_top)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        org.people[n - 1].manager_id.as_ref().map(|m| m.as_str()),
        Some("c0")
    );
}
