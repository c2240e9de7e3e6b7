//! Cost figures against hand-computed examples (part-time, an open role starting mid-year,
//! a leaver, an unknown cost, a band change), the `over-budget` rule, cost edits, and the
//! waterfall identity `before + joined − left + changed = after` on random scenarios.

// A malformed fixture is a bug in the test, and panicking on it is the right report.
#![allow(clippy::unwrap_used)]

use pendulum_core::cost::{WHOLE_ORG, projection, workstream_costs};
use pendulum_core::{
    Allocation, Band, Budget, CostChange, CostDiff, Currency, Date, Edit, Money, Org, Person,
    PersonChange, PersonId, Rule, RuleConfig, Snapshot, Stats, Status, Team, TeamChange, TeamId,
    Workstream, apply, check,
};

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn eur(units: f64) -> Money {
    Money::from_units(units).unwrap()
}

fn person(id: &str, level: &str, team: Option<&str>) -> Person {
    let mut p = Person::new(id, id.to_uppercase());
    p.level = Some(level.into());
    p.team = team.map(TeamId::from);
    p
}

fn team(id: &str) -> Team {
    Team {
        id: TeamId::from(id),
        lead: None,
        kind: None,
    }
}

/// The worked example of `docs/model.md`: bands L4 90,000, L5 120,000, M1 150,000 (EUR).
fn example() -> Org {
    let mut org = Org::default();
    org.cost.currency = Currency::parse("EUR");
    org.cost.bands = vec![
        Band {
            level: "L4".into(),
            annual_cost: eur(90_000.0),
        },
        Band {
            level: "L5".into(),
            annual_cost: eur(120_000.0),
        },
        Band {
            level: "M1".into(),
            annual_cost: eur(150_000.0),
        },
    ];
    let mut a = person("a", "M1", Some("Core"));
    a.cost = Some(eur(160_000.50)); // their own cost wins over the band
    let mut b = person("b", "L5", Some("Core"));
    b.fte = 0.8; // part-time: 120,000 × 0.8
    b.manager_id = Some(PersonId::from("a"));
    let mut c = person("c", "l4", Some("Core")); // levels match ignoring case
    c.fte = 0.6;
    c.manager_id = Some(PersonId::from("a"));
    let mut d = person("d", "L5", Some("Infra"));
    d.status = Status::Leaving;
    d.end_date = Some(day("2027-06-01"));
    let mut e = person("e", "L4", Some("Infra"));
    e.status = Status::Open;
    e.start_date = Some(day("2027-07-01"));
    e.manager_id = Some(PersonId::from("d"));
    let f = person("f", "L9", Some("Infra")); // no band for L9: unknown
    let mut g = person("g", "L4", None);
    g.fte = 0.5;
    g.cost = Some(eur(47_000.0)); // not band × fte (45,000): their own cost is as paid
    org.people = vec![a, b, c, d, e, f, g];
    org.teams = vec![team("Core"), team("Infra")];
    org.cost.budgets = vec![
        Budget {
            team: TeamId::from("Core"),
            annual_budget: eur(300_000.0),
        },
        Budget {
            team: TeamId::from("Infra"),
            annual_budget: eur(250_000.0),
        },
        Budget {
            team: TeamId::from(WHOLE_ORG),
            annual_budget: eur(500_000.0),
        },
    ];
    assert_eq!(org.validate(), vec![]);
    org
}

fn stats(org: &Org, on: &str) -> pendulum_core::CostStats {
    let s = Snapshot::new(org, day(on), &RuleConfig::default());
    Stats::of(&s).cost.unwrap()
}

#[test]
fn run_rate_counts_own_costs_bands_times_fte_and_unknowns() {
    let org = example();
    let st = stats(&org, "2027-03-01");
    // a 160,000.50 + b 96,000 + c 54,000 + d 120,000 (leaving, still here) + g 47,000;
    // e (open from July) is not present yet; f is unknown.
    assert_eq!(st.annual, eur(477_000.50));
    assert_eq!(st.unknown, 1);
    assert_eq!(st.by_team["Core"], eur(310_000.50));
    assert_eq!(st.by_team["Infra"], eur(120_000.0));
    assert_eq!(st.unknown_by_team["Infra"], 1);
    assert_eq!(st.budgets["*"], eur(500_000.0));
    assert_eq!(st.currency.as_ref().map(Currency::code), Some("EUR"));

    // In August the leaver is gone and the open role costs its band from its start.
    let st = stats(&org, "2027-08-01");
    assert_eq!(st.annual, eur(447_000.50));
    assert_eq!(st.by_team["Infra"], eur(90_000.0));
}

#[test]
fn stats_leave_cost_out_when_the_org_has_no_pay_data() {
    let mut org = example();
    org.cost = Default::default();
    for p in &mut org.people {
        p.cost = None;
    }
    let s = Snapshot::new(&org, day("2027-03-01"), &RuleConfig::default());
    assert_eq!(Stats::of(&s).cost, None);
    let json = serde_json::to_string(&Stats::of(&s)).unwrap();
    assert!(!json.contains("cost"), "{json}");
}

#[test]
fn over_budget_fires_above_the_budget_plus_tolerance() {
    let org = example();
    let on = day("2027-03-01");
    let flags = |tolerance: f64| {
        let config = RuleConfig {
            budget_tolerance: tolerance,
            ..RuleConfig::default()
        };
        check(&Snapshot::new(&org, on, &config), &config)
            .into_iter()
            .filter(|f| f.rule == Rule::OverBudget)
            .collect::<Vec<_>>()
    };
    // Core runs 310,000.50 against 300,000: 3.33% over.
    let over = flags(0.0);
    assert_eq!(over.len(), 1);
    assert_eq!(over[0].subject.id, "Core");
    assert_eq!(
        over[0].message,
        "Team Core runs 3.33% over its annual budget (tolerance 0%). Defer or re-level an open role, move people to another team, or raise the budget."
    );
    assert!(
        !over[0].message.contains("310"),
        "messages carry no amounts"
    );
    assert!(flags(3.34).is_empty(), "within a 3.34% tolerance");
    assert_eq!(flags(3.33).len(), 1);
    // The whole org: 477,000.50 against 500,000 is under; cut the budget and it fires.
    let mut tight = org.clone();
    tight.cost.budgets[2].annual_budget = eur(477_000.49);
    let config = RuleConfig::default();
    let whole: Vec<_> = check(&Snapshot::new(&tight, on, &config), &config)
        .into_iter()
        .filter(|f| f.rule == Rule::OverBudget && f.subject.id == "*")
        .collect();
    assert_eq!(whole.len(), 1);
    assert!(whole[0].message.starts_with("The whole org runs 0% over"));
}

#[test]
fn budget_tolerance_is_validated() {
    for bad in [-1.0, 1000.5, f64::NAN] {
        let config = RuleConfig {
            budget_tolerance: bad,
            ..RuleConfig::default()
        };
        assert_eq!(config.validate()[0].0, "budget_tolerance");
    }
}

/// Baseline → scenario: a 5% raise of the L5 band, c leaves, h joins at L5, g's own cost
/// goes up 3,000, and f gets a level with a band (unknown → 90,000).
fn scenario(base: &Org) -> Org {
    let mut org = base.clone();
    let mut c = RuleConfig::default();
    let edits = [
        Edit::SetCost {
            change: CostChange::Band {
                level: "L5".into(),
                annual_cost: Some(eur(126_000.0)),
            },
        },
        Edit::RemovePerson {
            id: PersonId::from("c"),
        },
        Edit::AddPerson {
            person: {
                let mut h = person("h", "L5", Some("Core"));
                h.start_date = Some(day("2027-01-01"));
                h
            },
        },
        Edit::UpdatePerson {
            id: PersonId::from("g"),
            change: PersonChange::Cost(Some(eur(50_000.0))),
        },
        Edit::UpdatePerson {
            id: PersonId::from("f"),
            change: PersonChange::Level(Some("L4".into())),
        },
    ];
    for e in &edits {
        apply(&mut org, &mut c, e).unwrap();
    }
    org
}

#[test]
fn the_waterfall_adds_up_to_the_cent() {
    let base = example();
    let after = scenario(&base);
    let on = day("2027-03-01");
    let config = RuleConfig::default();
    let d = CostDiff::between(
        &Snapshot::new(&base, on, &config),
        &Snapshot::new(&after, on, &config),
    )
    .unwrap();
    assert_eq!(d.before, eur(477_000.50));
    assert_eq!(d.joined, eur(126_000.0)); // h
    assert_eq!(d.left, eur(54_000.0)); // c
    // b 96,000 → 100,800; d 120,000 → 126,000; g 47,000 → 50,000; f unknown → 90,000.
    assert_eq!(d.changed, eur(4_800.0 + 6_000.0 + 3_000.0 + 90_000.0));
    assert_eq!(d.after, eur(652_800.50));
    assert_eq!(d.before + d.joined - d.left + d.changed, d.after);
    assert_eq!((d.unknown_before, d.unknown_after), (1, 0));
    let changed: Vec<&str> = d.people.iter().map(|p| p.person.as_str()).collect();
    assert_eq!(changed, ["b", "d", "f", "g"]);
    assert_eq!(d.people[2].before, None);
    assert_eq!(d.people[2].after, Some(eur(90_000.0)));

    // The general diff carries the waterfall, and keeps cost out of its `changed` list.
    let full = pendulum_core::diff(
        &Snapshot::new(&base, on, &config),
        &Snapshot::new(&after, on, &config),
        &config,
        &config,
    );
    assert_eq!(full.cost.as_ref(), Some(&d));
    assert!(full.changed.iter().all(|c| c.field != "cost"));
}

#[test]
fn workstream_cost_is_the_share_of_each_allocated_persons_cost() {
    let mut org = example();
    org.workstreams = vec![Workstream::new("w", "Payments")];
    org.allocations = vec![
        Allocation::new("b", "w", 50.0),  // 50% of 96,000
        Allocation::new("g", "w", 25.0),  // 25% of 47,000
        Allocation::new("f", "w", 100.0), // unknown
        Allocation::new("e", "w", 100.0), // not present until July
    ];
    let s = Snapshot::new(&org, day("2027-03-01"), &RuleConfig::default());
    let w = workstream_costs(&s)[0];
    assert_eq!(w.annual, eur(48_000.0 + 11_750.0));
    assert_eq!(w.unknown, 1);
    let s = Snapshot::new(&org, day("2027-07-01"), &RuleConfig::default());
    assert_eq!(
        workstream_costs(&s)[0].annual,
        eur(48_000.0 + 11_750.0 + 90_000.0)
    );
}

#[test]
fn the_projection_pro_rates_by_days_present() {
    // 73,000 a year over a 365-day fiscal year is exactly 200.00 a day.
    let mut org = Org::default();
    org.cost.bands = vec![Band {
        level: "L".into(),
        annual_cost: eur(73_000.0),
    }];
    let all_year = person("y", "L", None);
    let mut mid_march = person("m", "L", None);
    mid_march.status = Status::Open;
    mid_march.start_date = Some(day("2027-03-16"));
    let mut leaver = person("l", "L", None);
    leaver.end_date = Some(day("2027-06-01"));
    let unknown = person("u", "none", None);
    org.people = vec![all_year, mid_march, leaver, unknown];

    let p = projection(&org, day("2027-01-01"));
    assert_eq!((p.start, p.end), (day("2027-01-01"), day("2028-01-01")));
    let month = |m: &str| p.months.iter().find(|x| x.month == m).unwrap();
    // January: y and l, 31 days each.
    assert_eq!(month("2027-01").cost, eur(2.0 * 31.0 * 200.0));
    // March: y and l 31 days, m 16 days (16th to 31st).
    assert_eq!(month("2027-03").cost, eur((31.0 + 31.0 + 16.0) * 200.0));
    // June: l has left (end date exclusive).
    assert_eq!(month("2027-06").cost, eur(2.0 * 30.0 * 200.0));
    assert_eq!(month("2027-06").unknown, 1);
    // The year: y all of it, l 151 days (Jan-May), m 291 days (16 Mar - 31 Dec).
    assert_eq!(p.total, eur(73_000.0 + (151.0 + 291.0) * 200.0));
    let sum: Money = p.months.iter().map(|m| m.cost).sum();
    assert_eq!(sum, p.total);
}

#[test]
fn twelve_rounded_months_add_up_to_the_annual_cost() {
    let mut org = Org::default();
    let mut p = Person::new("p", "P");
    p.cost = Some(Money::from_cents(10_000_001)); // not a multiple of anything handy
    org.people = vec![p];
    for start in ["2027-04-01", "2028-01-01", "2027-10-01"] {
        let pr = projection(&org, day(start));
        assert_eq!(pr.total, Money::from_cents(10_000_001), "{start}");
    }
    assert_eq!(
        pendulum_core::cost::fiscal_year_start(day("2027-03-01"), 4),
        day("2026-04-01")
    );
    assert_eq!(
        pendulum_core::cost::fiscal_year_start(day("2027-04-01"), 4),
        day("2027-04-01")
    );
}

#[test]
fn cost_edits_check_their_values_and_follow_team_renames() {
    let mut org = example();
    let mut c = RuleConfig::default();
    let refused = |org: &Org, e: Edit| {
        let (mut o, mut cc) = (org.clone(), RuleConfig::default());
        let err = apply(&mut o, &mut cc, &e).unwrap_err().to_string();
        assert_eq!(&o, org, "a refused edit changed nothing");
        err
    };
    assert!(
        refused(
            &org,
            Edit::UpdatePerson {
                id: PersonId::from("a"),
                change: PersonChange::Cost(Some(Money::from_cents(-1))),
            }
        )
        .starts_with("cost: must be 0 or more")
    );
    assert_eq!(
        refused(
            &org,
            Edit::SetCost {
                change: CostChange::Budget {
                    team: TeamId::from("Nope"),
                    annual_budget: Some(eur(1.0)),
                },
            }
        ),
        "no team is named \"Nope\""
    );
    assert!(
        refused(
            &org,
            Edit::SetCost {
                change: CostChange::FiscalYearStart(13)
            }
        )
        .contains("from 1 to 12")
    );
    assert!(
        refused(
            &org,
            Edit::SetCost {
                change: CostChange::Band {
                    level: "L7".into(),
                    annual_cost: None
                }
            }
        )
        .contains("no band for level")
    );

    apply(
        &mut org,
        &mut c,
        &Edit::UpdateTeam {
            id: TeamId::from("Core"),
            change: TeamChange::Name(TeamId::from("Platform")),
        },
    )
    .unwrap();
    assert_eq!(org.cost.budget("Platform"), Some(eur(300_000.0)));
    apply(
        &mut org,
        &mut c,
        &Edit::RemoveTeam {
            id: TeamId::from("Platform"),
        },
    )
    .unwrap();
    assert_eq!(org.cost.budget("Platform"), None);
    assert_eq!(org.validate(), vec![]);

    // A band is set in place, added at the end, and removed; levels match ignoring case.
    for (level, cost) in [
        ("l5", Some(130_000.0)),
        ("L8", Some(200_000.0)),
        ("M1", None),
    ] {
        apply(
            &mut org,
            &mut c,
            &Edit::SetCost {
                change: CostChange::Band {
                    level: level.into(),
                    annual_cost: cost.map(eur),
                },
            },
        )
        .unwrap();
    }
    let bands: Vec<(&str, Money)> = org
        .cost
        .bands
        .iter()
        .map(|b| (b.level.as_str(), b.annual_cost))
        .collect();
    assert_eq!(
        bands,
        [
            ("L4", eur(90_000.0)),
            ("L5", eur(130_000.0)),
            ("L8", eur(200_000.0))
        ]
    );
}

#[test]
fn validation_names_bad_pay_settings() {
    let mut org = example();
    org.people[1].cost = Some(Money::from_cents(-5));
    org.cost.bands.push(Band {
        level: " l5 ".into(),
        annual_cost: eur(1.0),
    });
    org.cost.budgets.push(Budget {
        team: TeamId::from("Ghost"),
        annual_budget: eur(1.0),
    });
    org.cost.fiscal_year_start = Some(0);
    let fields: Vec<String> = org.validate().into_iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [
            "people[1].cost",
            "cost.bands[3].level",
            "cost.budgets[3].team",
            "cost.fiscal_year_start"
        ]
    );
}

#[test]
fn org_json_round_trips_pay_settings_and_omits_them_when_absent() {
    let org = example();
    let text = serde_json::to_string(&org).unwrap();
    let back: Org = serde_json::from_str(&text).unwrap();
    assert_eq!(back, org);
    assert!(text.contains(r#""annual_cost":90000"#), "{text}");
    assert!(text.contains(r#""cost":160000.5"#), "{text}");
    let plain = serde_json::to_string(&Org::default()).unwrap();
    assert!(!plain.contains("cost"), "{plain}");
}

mod waterfall {
    use super::*;
    use pendulum_core::{Edit, Role};
    use pendulum_synth::{SynthConfig, generate, reference_date};
    use proptest::prelude::*;

    /// A random change a scenario may make to pay or to who is there.
    #[derive(Clone, Debug)]
    enum Change {
        Remove(usize),
        Add(u8, f64),
        Level(usize, u8),
        Fte(usize, f64),
        Cost(usize, Option<u32>),
        Band(u8, Option<u32>),
        End(usize, i32),
    }

    fn change() -> impl Strategy<Value = Change> {
        let level = 0u8..8;
        prop_oneof![
            (0usize..400).prop_map(Change::Remove),
            (level.clone(), 0.1f64..=1.0).prop_map(|(l, f)| Change::Add(l, f)),
            (0usize..400, level.clone()).prop_map(|(p, l)| Change::Level(p, l)),
            (0usize..400, 0.05f64..=1.0).prop_map(|(p, f)| Change::Fte(p, f)),
            (0usize..400, proptest::option::of(0u32..50_000_000))
                .prop_map(|(p, c)| Change::Cost(p, c)),
            (level, proptest::option::of(0u32..40_000_000)).prop_map(|(l, c)| Change::Band(l, c)),
            (0usize..400, -60i32..60).prop_map(|(p, d)| Change::End(p, d)),
        ]
    }

    fn edit(org: &Org, k: usize, c: &Change) -> Option<Edit> {
        let id = |i: usize| {
            org.people
                .get(i % org.people.len().max(1))
                .map(|p| p.id.clone())
        };
        let level = |l: u8| format!("L{}", l % 6 + 2);
        Some(match c {
            Change::Remove(i) => Edit::RemovePerson { id: id(*i)? },
            Change::Add(l, fte) => Edit::AddPerson {
                person: {
                    let mut p = Person::new(format!("new{k}"), "New");
                    p.level = Some(level(*l));
                    p.fte = *fte;
                    p.role = Some(Role::Ic);
                    p
                },
            },
            Change::Level(i, l) => Edit::UpdatePerson {
                id: id(*i)?,
                change: PersonChange::Level(Some(level(*l))),
            },
            Change::Fte(i, f) => Edit::UpdatePerson {
                id: id(*i)?,
                change: PersonChange::Fte(*f),
            },
            Change::Cost(i, c) => Edit::UpdatePerson {
                id: id(*i)?,
                change: PersonChange::Cost(c.map(|c| Money::from_cents(i64::from(c) * 7))),
            },
            Change::Band(l, c) => Edit::SetCost {
                change: CostChange::Band {
                    level: level(*l),
                    annual_cost: c.map(|c| Money::from_cents(i64::from(c) * 13 + 1)),
                },
            },
            Change::End(i, d) => Edit::UpdatePerson {
                id: id(*i)?,
                change: PersonChange::EndDate(Some(reference_date().add_days(*d))),
            },
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

        /// RELIABILITY G4's spirit for money: whatever a scenario changes, the waterfall
        /// adds up to the cent, and its ends are the two views' run-rates.
        #[test]
        fn before_plus_joined_minus_left_plus_changed_is_after(
            seed in 0u64..1_000,
            people in 5usize..120,
            bands in proptest::collection::vec(proptest::option::of(1u32..30_000_000), 6),
            changes in proptest::collection::vec(change(), 0..30),
            offset in -90i32..200,
        ) {
            let mut base = generate(&SynthConfig::new(people, seed));
            for (k, b) in bands.iter().enumerate() {
                if let Some(c) = b {
                    base.cost.bands.push(Band {
                        level: format!("L{}", k + 2),
                        annual_cost: Money::from_cents(i64::from(*c) * 3 + 1),
                    });
                }
            }
            for (k, p) in base.people.iter_mut().enumerate() {
                if k % 7 == 3 {
                    p.cost = Some(Money::from_cents(k as i64 * 100_003 + 99));
                }
            }
            let mut after = base.clone();
            let mut config = RuleConfig::default();
            for (k, c) in changes.iter().enumerate() {
                if let Some(e) = edit(&after, k, c) {
                    // A change this scenario cannot take (an end before a start) is skipped.
                    let _ = apply(&mut after, &mut config, &e);
                }
            }
            let on = reference_date().add_days(offset);
            let (sb, sa) = (
                Snapshot::new(&base, on, &config),
                Snapshot::new(&after, on, &config),
            );
            let d = CostDiff::between(&sb, &sa).unwrap();
            prop_assert_eq!(d.before + d.joined - d.left + d.changed, d.after);
            prop_assert_eq!(d.waterfall_end(), d.after);
            let run_rate = |s: &Snapshot<'_>| Stats::of(s).cost.map(|c| c.annual);
            prop_assert_eq!(Some(d.before), run_rate(&sb));
            prop_assert_eq!(Some(d.after), run_rate(&sa));
        }
    }
}
