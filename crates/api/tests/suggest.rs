//! `Session::suggest`, what the app calls for a flag's suggestions, on the demo: each
//! suggestion's resolves and adds are what `Session::simulate` reports for its swing, one
//! flag's come alone, and bad requests carry their codes.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use pendulum_api::suggest::{FlagRef, SuggestRequest};
use pendulum_api::{ErrorCode, Session};
use pendulum_core::{Date, Rule};

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

#[test]
fn the_demo_sessions_suggestions_are_what_simulate_reports() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(day("2026-11-24"));
    session.open_demo(dir.path()).unwrap();
    let all = session.suggest(&SuggestRequest::default()).unwrap();
    assert!(all.iter().any(|s| s.for_flag.rule == Rule::PendulumDue));
    assert!(all.iter().any(|s| s.for_flag.rule == Rule::SpanTooWide));
    for s in &all {
        assert_eq!(
            s.swing.date,
            day("2027-03-01"),
            "dated on the session's day"
        );
        let report = session.simulate(&s.swing.swing()).unwrap();
        assert_eq!(report.flags_resolved, s.resolves, "{:?}", s.swing);
        assert_eq!(report.flags_added, s.adds, "{:?}", s.swing);
        assert_eq!(report.moves.len(), s.moves as usize);
    }

    let henrik = SuggestRequest {
        for_flag: Some(FlagRef {
            rule: Rule::PendulumDue,
            subject: "p-henrik".into(),
        }),
        limit: Some(1),
    };
    let one = session.suggest(&henrik).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(
        Some(&one[0]),
        all.iter().find(|s| s.for_flag.subject.id == "p-henrik")
    );

    let none = SuggestRequest {
        limit: Some(0),
        ..SuggestRequest::default()
    };
    assert_eq!(session.suggest(&none).unwrap_err().code, ErrorCode::Usage);
    let absent = SuggestRequest {
        for_flag: Some(FlagRef {
            rule: Rule::PendulumDue,
            subject: "p-nobody".into(),
        }),
        limit: None,
    };
    assert_eq!(
        session.suggest(&absent).unwrap_err().code,
        ErrorCode::Unknown
    );
}

#[test]
fn suggesting_with_nothing_open_is_an_error() {
    let mut session = Session::new(day("2026-11-24"));
    assert!(session.suggest(&SuggestRequest::default()).is_err());
}
