//! RELIABILITY T1: every threshold has a documented range, and a value outside it is refused
//! naming the field and the range, however it arrives (a configuration object, an edit).

#![allow(clippy::unwrap_used)]

use pendulum_core::{
    Date, Edit, EditError, Org, Person, PersonId, Role, RuleChange, RuleConfig, THRESHOLDS,
    Threshold, apply, check_org,
};

fn parse_config(json: &str) -> Result<RuleConfig, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// Values just outside each range, of the wrong kind, and absurd.
fn bad_values(t: &Threshold) -> Vec<serde_json::Value> {
    let mut out = vec![
        serde_json::json!(t.min - 1.0),
        serde_json::json!(t.max + 1.0),
        serde_json::json!(3_000_000_000u64),
        serde_json::json!(-1),
        serde_json::json!(1e300),
        serde_json::json!("5"),
        serde_json::json!(null),
        serde_json::json!([1]),
    ];
    if t.whole {
        out.push(serde_json::json!(t.min + 0.5));
    } else {
        out.push(serde_json::json!(t.min - 0.01));
    }
    out
}

#[test]
fn every_out_of_range_value_is_refused_naming_field_and_range() {
    let mut tried = 0;
    for t in THRESHOLDS {
        for v in bad_values(t) {
            let json = format!("{{\"{}\": {v}}}", t.name);
            let err = parse_config(&json).unwrap_err();
            assert!(err.contains(t.name), "{json}: {err}");
            if v.is_number() {
                assert!(err.contains(&t.range_text()), "{json}: {err}");
            }
            let edit = format!(
                "{{\"op\": \"set-rule\", \"change\": {{\"field\": \"{}\", \"value\": {v}}}}}",
                t.name
            );
            let err = serde_json::from_str::<Edit>(&edit).unwrap_err().to_string();
            assert!(err.contains(t.name), "{edit}: {err}");
            tried += 2;
        }
        // The ends of the range are allowed, through both doors.
        for v in [t.min, t.max, t.default] {
            let json = format!("{{\"{}\": {v}}}", t.name);
            let config = parse_config(&json).unwrap();
            assert_eq!(config.get(t.name), Some(v), "{json}");
            let change = RuleChange::new(t.name, v).unwrap();
            let mut c = RuleConfig::default();
            apply(&mut Org::default(), &mut c, &Edit::SetRule { change }).unwrap();
            assert_eq!(c.get(t.name), Some(v));
        }
        assert_eq!(RuleConfig::default().get(t.name), Some(t.default));
        assert!(t.admits(t.default), "{} default outside its range", t.name);
    }
    println!("T1: {tried} out-of-range values tried, 0 wrong answers");
}

#[test]
fn unknown_fields_are_refused_listing_the_known_ones() {
    let err = parse_config(r#"{"manager_max_spam": 7}"#).unwrap_err();
    assert!(err.contains("manager_max_spam"), "{err}");
    assert!(err.contains("manager_max_span"), "{err}");
}

#[test]
fn a_change_built_in_code_is_range_checked_when_applied() {
    let mut c = RuleConfig::default();
    let err = apply(
        &mut Org::default(),
        &mut c,
        &Edit::SetRule {
            change: RuleChange::PendulumYears(3_000_000_000),
        },
    )
    .unwrap_err();
    match err {
        EditError::Invalid { field, message } => {
            assert_eq!(field, "pendulum_years");
            assert!(message.contains("from 0 to 100"), "{message}");
        }
        other => panic!("{other}"),
    }
    assert_eq!(c, RuleConfig::default(), "a refused change changed nothing");
}

/// The defect behind T1: a huge `pendulum_years` overflowed the date arithmetic and flagged
/// every manager. A config assembled in code is not range-checked, so the rule itself must
/// not overflow either.
#[test]
fn a_huge_pendulum_years_flags_no_one() {
    let mut m = Person::new("m", "M");
    m.role = Some(Role::Manager);
    m.role_since = Date::parse("2020-01-01").ok();
    let mut r = Person::new("r", "R");
    r.manager_id = Some(PersonId::new("m"));
    let mut r2 = Person::new("r2", "R2");
    r2.manager_id = Some(PersonId::new("m"));
    let org = Org {
        people: vec![m, r, r2],
        ..Org::default()
    };
    let config = RuleConfig {
        pendulum_years: 3_000_000_000,
        ..RuleConfig::default()
    };
    let flags = check_org(&org, Date::parse("2026-01-01").unwrap(), &config);
    assert!(
        flags.iter().all(|f| f.rule.as_str() != "pendulum-due"),
        "{flags:?}"
    );
    assert_eq!(config.validate().len(), 1);
}

/// The "Thresholds" section of docs/rules.md lists exactly this table; `PENDULUM_BLESS=1`
/// rewrites it.
#[test]
fn docs_list_every_threshold_with_its_range() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (begin, end) = (
        "<!-- thresholds: begin (generated from crates/core/src/thresholds.rs) -->\n",
        "<!-- thresholds: end -->",
    );
    let start = text.find(begin).expect("the begin marker") + begin.len();
    let stop = text.find(end).expect("the end marker");
    let mut table = String::from(
        "| threshold | default | range | in the app | what it governs |\n|---|---|---|---|---|\n",
    );
    for t in THRESHOLDS {
        table.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            t.name,
            t.default,
            t.range_text(),
            t.label,
            t.doc
        ));
    }
    if std::env::var_os("PENDULUM_BLESS").is_some() {
        let updated = format!("{}{table}{}", &text[..start], &text[stop..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        &text[start..stop],
        table,
        "docs/rules.md is stale: PENDULUM_BLESS=1 cargo test -p pendulum-core --test thresholds"
    );
}
