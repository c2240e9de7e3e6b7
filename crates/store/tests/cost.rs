//! Pay data in the document: person costs, bands, budgets and settings round trip; cost
//! edits are logged like any edit; "Show compensation" is a document preference, off until
//! turned on; a schema 3 document gains empty pay tables; hostile pay rows are refused.

// A failing fixture is a bug in the test, and panicking on it is the right report.
#![allow(clippy::unwrap_used)]

use pendulum_core::{
    Band, Budget, CostChange, Currency, DatedEdit, Edit, Money, Org, Person, PersonChange,
    PersonId, RuleConfig, Team, TeamId,
};
use pendulum_store::{Document, ScenarioId, StoreError};

fn paid_org() -> Org {
    let mut org = Org::default();
    let mut a = Person::new("a", "Ada");
    a.level = Some("L5".into());
    a.team = Some(TeamId::from("Core"));
    let mut b = Person::new("b", "Ben");
    b.cost = Some(Money::from_cents(9_500_050));
    b.team = Some(TeamId::from("Core"));
    org.people = vec![a, b];
    org.teams = vec![Team {
        id: TeamId::from("Core"),
        lead: None,
        kind: None,
    }];
    org.cost.currency = Currency::parse("GBP");
    org.cost.bands = vec![Band {
        level: "L5".into(),
        annual_cost: Money::from_cents(12_000_000),
    }];
    org.cost.budgets = vec![
        Budget {
            team: TeamId::from("Core"),
            annual_budget: Money::from_cents(20_000_000),
        },
        Budget {
            team: TeamId::from("*"),
            annual_budget: Money::from_cents(50_000_000),
        },
    ];
    org.cost.fiscal_year_start = Some(4);
    org
}

#[test]
fn pay_data_round_trips_through_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paid.pendulum");
    let org = paid_org();
    drop(Document::create(&path, &org, &RuleConfig::default()).unwrap());
    let doc = Document::open_read_only(&path).unwrap();
    assert_eq!(doc.imported().0, &org);
}

#[test]
fn cost_edits_are_logged_undone_and_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paid.pendulum");
    let mut doc = Document::create(&path, &paid_org(), &RuleConfig::default()).unwrap();
    let base = ScenarioId::BASELINE;
    for edit in [
        Edit::SetCost {
            change: CostChange::Band {
                level: "L5".into(),
                annual_cost: Some(Money::from_cents(12_600_000)),
            },
        },
        Edit::UpdatePerson {
            id: PersonId::from("a"),
            change: PersonChange::Cost(Some(Money::from_cents(1))),
        },
    ] {
        doc.apply(base, DatedEdit::always(edit)).unwrap();
    }
    doc.undo(base).unwrap();
    drop(doc);
    let mut doc = Document::open(&path).unwrap();
    let view = doc.view(base, None).unwrap();
    assert_eq!(
        view.org.cost.bands[0].annual_cost,
        Money::from_cents(12_600_000)
    );
    assert_eq!(
        view.org.people[0].cost, None,
        "the undone edit stays undone"
    );
}

#[test]
fn show_compensation_is_off_until_turned_on_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paid.pendulum");
    let mut doc = Document::create(&path, &paid_org(), &RuleConfig::default()).unwrap();
    assert!(!doc.show_compensation().unwrap());
    doc.set_show_compensation(true).unwrap();
    // Not an edit: undo has nothing to undo, and the preference stays.
    assert_eq!(doc.undo(ScenarioId::BASELINE).unwrap(), None);
    assert!(doc.show_compensation().unwrap());
    drop(doc);
    let mut doc = Document::open(&path).unwrap();
    assert!(doc.show_compensation().unwrap());
    doc.set_show_compensation(false).unwrap();
    drop(doc);
    let reader = Document::open_read_only(&path).unwrap();
    assert!(!reader.show_compensation().unwrap());

    let mut reader = reader;
    assert!(matches!(
        reader.set_show_compensation(true),
        Err(StoreError::ReadOnly { .. })
    ));
}

/// RELIABILITY M1: a document from before pay data migrates, with no costs and pay hidden.
#[test]
fn a_schema_3_document_gains_empty_pay_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.pendulum");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "wal").unwrap();
        for sql in [
            include_str!("../migrations/0001_org.sql"),
            include_str!("../migrations/0002_scenarios.sql"),
            include_str!("../migrations/0003_reramp.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute(
            "INSERT INTO person (position, id, name, title, status, fte, assistant, level) \
             VALUES (0, 'a', 'Ada', '', 'active', 1.0, 0, 'L5')",
            [],
        )
        .unwrap();
        conn.pragma_update(None, "application_id", pendulum_store::APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 3).unwrap();
    }
    let mut doc = Document::open(&path).unwrap();
    let org = doc.view(ScenarioId::BASELINE, None).unwrap().org.clone();
    assert_eq!(org.people[0].cost, None);
    assert!(org.cost.is_empty());
    assert!(!doc.show_compensation().unwrap());
    doc.set_show_compensation(true).unwrap();
}

/// RELIABILITY H1: pay rows written by another tool are read as untrusted input.
#[test]
fn hostile_pay_rows_are_refused_as_corrupt() {
    let cases = [
        "UPDATE org_setting SET value = 'ZZZ' WHERE name = 'currency'",
        "INSERT INTO org_setting (name, value) VALUES ('salary_visible', 1)",
        "UPDATE org_setting SET value = 13 WHERE name = 'fiscal_year_start'",
        "INSERT INTO budget (position, team, annual_budget) VALUES (9, 'Nowhere', 5)",
        "UPDATE band SET annual_cost = 9000000000000000",
        "INSERT INTO band (position, level, annual_cost) VALUES (9, 'l5', 1)",
    ];
    for sql in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("paid.pendulum");
        drop(Document::create(&path, &paid_org(), &RuleConfig::default()).unwrap());
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute(sql, []).unwrap();
        }
        let err = Document::open_read_only(&path).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{sql}: {err}");
    }
}
