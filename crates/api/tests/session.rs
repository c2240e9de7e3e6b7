//! The desktop session end to end on the demo org: open, view, edit, undo, scenarios,
//! swing, compare, export.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use pendulum_api::export::PdfRequest;
use pendulum_api::{ErrorCode, ExportFormat, Session, ViewRequest};
use pendulum_core::edit::{DatedEdit, Edit};
use pendulum_core::{Date, PersonId, Swing, SwingTo};

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// What a window shows after a change when nothing is collapsed or compared.
fn plain() -> ViewRequest {
    ViewRequest::default()
}

fn move_edit(id: &str, to: &str) -> DatedEdit {
    DatedEdit::always(Edit::MovePerson {
        id: PersonId::from(id),
        manager: Some(PersonId::from(to)),
    })
}

#[test]
fn a_director_reorganises_the_demo_org() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(day("2026-11-24"));
    let info = session.open_demo(dir.path()).unwrap();
    assert_eq!(info.as_of, day("2027-03-01"));
    assert_eq!(info.scenario, "baseline");
    assert!(!info.can_undo);

    let view = session.view(&ViewRequest::default()).unwrap();
    assert_eq!(view.people.len(), 88);
    assert_eq!(view.layout.nodes.len(), 88);
    let wide = |v: &pendulum_api::OrgView| {
        v.flags
            .iter()
            .any(|f| f.rule.as_str() == "span-too-wide" && f.subject.id == "p-rachel")
    };
    assert!(wide(&view));

    // Drag two of Rachel's reports to a peer manager: the flag clears, and undo brings it back.
    let rachel_peer = "p-lukas";
    session
        .apply_edit(move_edit("p-diego", rachel_peer), &plain())
        .unwrap();
    let info = session
        .apply_edit(move_edit("p-meilin", rachel_peer), &plain())
        .unwrap();
    assert!(info.info.can_undo);
    assert!(!wide(&info.view), "the edit answers with the new view");
    session.undo(&plain()).unwrap();
    assert!(
        wide(&session.view(&ViewRequest::default()).unwrap()),
        "back to 6 reports"
    );
    let info = session.redo(&plain()).unwrap();
    assert!(!info.info.can_redo);

    // A move that would create a cycle is refused with its reason, and changes nothing.
    let err = session
        .apply_edit(move_edit("p-priya", "p-rachel"), &plain())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Refused);
    assert!(err.message.contains("own report"), "{}", err.message);

    // Fork a scenario, swing Ana to manager in it, compare with the baseline.
    session.fork("ana-leads", &plain()).unwrap();
    let swing = Swing {
        person: PersonId::from("p-ana"),
        to: SwingTo::Manager,
        date: day("2027-03-01"),
        reports: vec![PersonId::from("p-arjun")],
        successor: None,
        join: Vec::new(),
    };
    let report = session.simulate(&swing).unwrap();
    assert_eq!(report.moves.len(), 1);
    let info = session.apply_swing(&swing, "ana-leads", &plain()).unwrap();
    assert_eq!(info.info.scenario, "ana-leads");
    assert_eq!(info.view.scenario, "ana-leads");
    let d = session.compare(None).unwrap();
    assert!(d.moved.iter().any(|m| m.person.as_str() == "p-arjun"));
    assert!(
        d.changed
            .iter()
            .any(|c| c.person.as_str() == "p-ana" && c.field == "role")
    );
    let history = session.history("p-ana").unwrap();
    assert_eq!(
        history.spells.last().map(|s| s.role.as_str()),
        Some("manager")
    );

    // Export the scenario's PDF.
    let pdf = dir.path().join("review.pdf");
    let written = session
        .export(ExportFormat::Pdf, &PdfRequest::default(), &pdf, false)
        .unwrap();
    assert_eq!(written, vec![pdf.clone()]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

    // Everything survives closing and reopening.
    drop(session);
    let mut again = Session::new(day("2026-11-24"));
    let info = again.open_demo(dir.path()).unwrap();
    assert_eq!(info.scenarios.len(), 2);
    assert!(info.can_undo, "the baseline's edits are still undoable");
    assert!(!wide(&again.view(&ViewRequest::default()).unwrap()));
}

#[test]
fn nothing_open_and_bad_files_are_typed_errors() {
    let mut session = Session::new(day("2026-11-24"));
    assert_eq!(
        session.view(&ViewRequest::default()).unwrap_err().code,
        ErrorCode::Usage
    );
    assert_eq!(session.undo(&plain()).unwrap_err().code, ErrorCode::Usage);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("people.csv");
    std::fs::write(&csv, "id,name\n1,Ann\n").unwrap();
    assert_eq!(session.open(&csv).unwrap_err().code, ErrorCode::Usage);
    let fake = dir.path().join("fake.pendulum");
    std::fs::write(&fake, "not sqlite").unwrap();
    assert_eq!(
        session.open(&fake).unwrap_err().code,
        ErrorCode::NotPendulum
    );
}

#[test]
fn a_failed_open_keeps_the_open_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(day("2026-11-24"));
    session.open_demo(dir.path()).unwrap();
    let fake = dir.path().join("fake.pendulum");
    std::fs::write(&fake, "not sqlite").unwrap();
    assert_eq!(
        session.open(&fake).unwrap_err().code,
        ErrorCode::NotPendulum
    );
    assert_eq!(session.current().unwrap().unwrap().name, "Larkspur demo");
    assert!(session.view(&ViewRequest::default()).is_ok());
}

#[test]
fn a_new_document_starts_with_one_person_on_today() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(day("2026-11-24"));
    session.open_demo(dir.path()).unwrap();
    let path = dir.path().join("Platform plan.pendulum");
    let info = session.new_document(&path).unwrap();
    assert_eq!(info.name, "Platform plan");
    assert_eq!(info.as_of, day("2026-11-24"));
    assert!(!info.can_undo);
    let view = session.view(&ViewRequest::default()).unwrap();
    assert_eq!(view.people.len(), 1);
    assert_eq!(view.people[0].name, "Head of the org");
    assert!(view.key_dates.is_empty());
    assert_eq!(session.path(), Some(path.as_path()));
    // Building from it is an ordinary edit, saved at once.
    let mut ana = pendulum_core::Person::new("p-2", "Ana");
    ana.manager_id = Some(PersonId::from("p-1"));
    session
        .apply_edit(DatedEdit::always(Edit::AddPerson { person: ana }), &plain())
        .unwrap();
    drop(session);
    let mut again = Session::new(day("2026-11-24"));
    again.open(&path).unwrap();
    assert_eq!(again.view(&ViewRequest::default()).unwrap().people.len(), 2);
    // Replacing it (the save dialog asked) starts over.
    again.new_document(&path).unwrap();
    assert_eq!(again.view(&ViewRequest::default()).unwrap().people.len(), 1);
}

#[test]
fn resetting_the_demo_drops_its_edits_and_scenarios() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(day("2026-11-24"));
    session.open_demo(dir.path()).unwrap();
    session
        .apply_edit(move_edit("p-kenji", "p-priya"), &plain())
        .unwrap();
    session.fork("Plan B", &plain()).unwrap();
    let info = session.reset_demo(dir.path()).unwrap();
    assert!(!info.can_undo);
    assert_eq!(info.scenarios.len(), 1, "{:?}", info.scenarios);
    assert_eq!(info.as_of, day("2027-03-01"));
    // Opening the demo again finds the fresh one, not the edited one.
    let reopened = session.open_demo(dir.path()).unwrap();
    assert!(!reopened.can_undo);
}

#[test]
fn the_view_names_the_days_the_org_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(day("2026-11-24"));
    session.open_demo(dir.path()).unwrap();
    let view = session.view(&ViewRequest::default()).unwrap();
    assert!(view.key_dates.len() > 5, "{:?}", view.key_dates);
    assert!(
        view.key_dates.windows(2).all(|w| w[0] < w[1]),
        "sorted, distinct"
    );
    for p in &view.people {
        if let Some(start) = p.start_date {
            assert!(view.key_dates.contains(&start), "{start}");
        }
    }
    // A dated edit's day is a key date too.
    let moved = DatedEdit {
        edit: move_edit("p-kenji", "p-priya").edit,
        effective: Some(day("2031-07-01")),
    };
    session.apply_edit(moved, &plain()).unwrap();
    let view = session.view(&ViewRequest::default()).unwrap();
    assert_eq!(view.key_dates.last(), Some(&day("2031-07-01")));
    // Teams with their leads, for flags that focus a team.
    assert!(!view.teams.is_empty());
    assert!(
        view.teams.iter().any(|t| t.lead.is_some() && t.people > 1),
        "{:?}",
        view.teams
    );
}

#[test]
fn the_day_viewed_is_the_day_compared_simulated_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(day("2026-11-24"));
    let info = session.open_demo(dir.path()).unwrap();
    assert_eq!(
        (info.as_of, info.today),
        (day("2027-03-01"), day("2026-11-24"))
    );
    let later = ViewRequest {
        as_of: Some(day("2027-09-01")),
        ..ViewRequest::default()
    };
    assert_eq!(session.view(&later).unwrap().as_of, day("2027-09-01"));
    assert_eq!(session.current().unwrap().unwrap().as_of, day("2027-09-01"));
    // A view without a day keeps the one last viewed.
    assert_eq!(
        session.view(&ViewRequest::default()).unwrap().as_of,
        day("2027-09-01")
    );
    // Another document opens on today.
    let path = dir.path().join("Plan.pendulum");
    assert_eq!(
        session.new_document(&path).unwrap().as_of,
        day("2026-11-24")
    );
    session.open_demo(dir.path()).unwrap();
    assert_eq!(session.open(&path).unwrap().as_of, day("2026-11-24"));
}

#[test]
fn a_csv_opened_with_pendulum_is_imported_beside_earlier_imports() {
    let dir = tempfile::tempdir().unwrap();
    let hr = dir.path().join("hr");
    std::fs::create_dir_all(&hr).unwrap();
    let people = hr.join("people.csv");
    std::fs::write(&people, "Employee ID,Name,Reports To\n1,Ann,\n2,Bo,1\n").unwrap();
    let imports = dir.path().join("imports");
    let mut session = Session::new(day("2026-11-24"));
    let info = session.open_or_import(&people, &imports).unwrap();
    assert_eq!(info.name, "people");
    assert_eq!(
        session.view(&ViewRequest::default()).unwrap().people.len(),
        2
    );
    session
        .apply_edit(move_edit("1", "2"), &plain())
        .unwrap_err();
    // Opening it again imports afresh without replacing the first import.
    let again = session.open_or_import(&people, &imports).unwrap();
    assert_eq!(again.name, "people (2)");
    assert!(imports.join("people.pendulum").is_file());
    // A document opens as it is.
    let doc = imports.join("people.pendulum");
    assert_eq!(
        session.open_or_import(&doc, &imports).unwrap().name,
        "people"
    );
    // A broken CSV is an error naming row and column, and nothing is written.
    let broken = hr.join("broken.csv");
    std::fs::write(&broken, "id,name,fte\n1,Ann,lots\n").unwrap();
    let e = session.open_or_import(&broken, &imports).unwrap_err();
    assert_eq!(e.code, ErrorCode::BadInput, "{}", e.message);
    assert!(e.message.contains("broken.csv:2:3 (fte)"), "{}", e.message);
    assert!(!imports.join("broken.pendulum").exists());
}

#[test]
fn dotted_lines_are_in_the_view_and_edited_like_any_field() {
    use pendulum_core::edit::PersonChange;
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(day("2026-11-24"));
    session.open_demo(dir.path()).unwrap();
    let view = session.view(&ViewRequest::default()).unwrap();
    let lines = |v: &pendulum_api::OrgView| -> Vec<(String, String)> {
        v.layout
            .dotted
            .iter()
            .map(|d| (d.from.clone(), d.to.clone()))
            .collect()
    };
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        lines(&view),
        [pair("p-segun", "p-zoe"), pair("p-mateus", "p-viktor")]
    );
    let zoe = view
        .people
        .iter()
        .find(|p| p.id.as_str() == "p-zoe")
        .unwrap();
    assert_eq!(zoe.dotted_managers, [PersonId::from("p-segun")]);

    let set = |ids: &[&str]| {
        DatedEdit::always(Edit::UpdatePerson {
            id: PersonId::from("p-zoe"),
            change: PersonChange::DottedManagers(ids.iter().map(|&i| PersonId::from(i)).collect()),
        })
    };
    session
        .apply_edit(set(&["p-segun", "p-sofia"]), &plain())
        .unwrap();
    let view = session.view(&ViewRequest::default()).unwrap();
    assert!(lines(&view).contains(&pair("p-sofia", "p-zoe")));
    // Spans ignore dotted lines.
    let sofia = view
        .people
        .iter()
        .find(|p| p.id.as_str() == "p-sofia")
        .unwrap();
    assert_eq!(sofia.span, 3);

    for refused in [&["p-zoe"][..], &["p-segun", "p-segun"], &["nobody"]] {
        let err = session.apply_edit(set(refused), &plain()).unwrap_err();
        assert_eq!(err.code, ErrorCode::Refused, "{refused:?}: {}", err.message);
    }
    session.undo(&plain()).unwrap();
    let view = session.view(&ViewRequest::default()).unwrap();
    assert_eq!(
        lines(&view),
        [pair("p-segun", "p-zoe"), pair("p-mateus", "p-viktor")]
    );
}

#[test]
fn a_change_answers_with_the_view_and_the_comparison_shown() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(day("2026-11-24"));
    session.open_demo(dir.path()).unwrap();
    let compared = ViewRequest {
        collapsed: vec![PersonId::from("p-rachel")],
        against: Some("baseline".into()),
        history_of: Some(PersonId::from("p-ana")),
        ..ViewRequest::default()
    };
    let manager_of = |v: &pendulum_api::OrgView, id: &str| {
        v.people
            .iter()
            .find(|p| p.id.as_str() == id)
            .and_then(|p| p.manager_id.clone())
    };

    // On the baseline itself there is nothing to compare with.
    let shown = session.show(&compared).unwrap();
    assert!(shown.diff.is_none());
    assert_eq!(shown.info.scenario, "baseline");

    // A fork shows itself against the baseline, drawn as asked (Rachel's team folded).
    let forked = session.fork("Plan B", &compared).unwrap();
    assert_eq!(forked.info.scenario, "Plan B");
    assert!(forked.diff.as_ref().is_some_and(|d| d.moved.is_empty()));
    let drawn = |v: &pendulum_api::OrgView, id: &str| v.layout.nodes.iter().any(|n| n.id == id);
    assert!(drawn(&forked.view, "p-rachel") && !drawn(&forked.view, "p-ana"));

    // An edit answers with everything the window shows next: no second call needed.
    let moved = session
        .apply_edit(move_edit("p-ana", "p-jonas"), &compared)
        .unwrap();
    assert!(moved.info.can_undo && !moved.info.can_redo);
    assert_eq!(
        manager_of(&moved.view, "p-ana"),
        Some(PersonId::from("p-jonas"))
    );
    let diff = moved.diff.unwrap();
    assert_eq!(diff.moved.len(), 1);
    assert_eq!(diff.moved[0].person.as_str(), "p-ana");
    assert_eq!(
        session.compare(Some("baseline")).unwrap().moved,
        diff.moved,
        "the same comparison as asked on its own"
    );

    let undone = session.undo(&compared).unwrap();
    assert!(undone.info.can_redo);
    assert_eq!(
        manager_of(&undone.view, "p-ana"),
        Some(PersonId::from("p-rachel"))
    );
    assert!(undone.diff.is_some_and(|d| d.moved.is_empty()));
    let redone = session.redo(&compared).unwrap();
    assert_eq!(redone.diff.map(|d| d.moved.len()), Some(1));

    // The inspector's person comes with their role history, as `history` reads it.
    let history = redone.history.unwrap();
    assert_eq!(history.person.as_str(), "p-ana");
    assert_eq!(
        history.spells,
        session.history("p-ana").unwrap().spells,
        "the same history as asked on its own"
    );
    let gone = session
        .apply_edit(
            DatedEdit::always(Edit::RemovePerson {
                id: PersonId::from("p-ana"),
            }),
            &compared,
        )
        .unwrap();
    assert!(gone.history.is_none(), "no history of someone removed");
    session.undo(&compared).unwrap();

    // A scenario that has gone, or the current one, is not compared.
    let back = session.switch_scenario("baseline", &compared).unwrap();
    assert!(back.diff.is_none());
    let gone = session.delete_scenario("Plan B", &compared).unwrap();
    assert_eq!(gone.info.scenarios.len(), 1);
    assert!(gone.diff.is_none());
    let elsewhere = ViewRequest {
        against: Some("Plan B".into()),
        ..ViewRequest::default()
    };
    assert!(session.show(&elsewhere).unwrap().diff.is_none());
}

#[test]
fn the_timeline_is_the_scenarios_plan_over_time_and_its_comparison() {
    use pendulum_api::timeline::{load_dated, timeline_of};
    use pendulum_api::{OrgSource, TimelineRequest};
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(day("2026-11-24"));
    session.open_demo(dir.path()).unwrap();
    let path = session.path().unwrap().to_path_buf();
    let cli = |scenario: Option<&str>, from: &str, months: u32| {
        let dated = load_dated(&OrgSource {
            path: path.clone(),
            scenario: scenario.map(str::to_owned),
            ..OrgSource::default()
        })
        .unwrap();
        timeline_of(&dated, day(from), months).unwrap()
    };

    // By default: from the viewed day, over the scenario's horizon_months, as the CLI has it.
    let shown = session.timeline(&TimelineRequest::default()).unwrap();
    assert_eq!(shown.scenario, "baseline");
    assert_eq!(shown.timeline.months.len(), 12);
    assert_eq!(shown.timeline.from, day("2027-03-01"));
    assert_eq!(shown.timeline, cli(None, "2027-03-01", 12));
    assert!((shown.against, shown.compared) == (None, None));

    // A scenario where Mohammed leaves the Postgres upgrade on 2027-06-01 (a dated edit).
    session.fork("mohammed-moves", &plain()).unwrap();
    session
        .apply_edit(
            DatedEdit::from(
                Edit::Deallocate {
                    person: PersonId::from("p-mohammed"),
                    workstream: "ws-pg16-upgrade".into(),
                },
                day("2027-06-01"),
            ),
            &plain(),
        )
        .unwrap();
    let request = TimelineRequest {
        from: Some(day("2027-04-15")),
        months: Some(6),
        against: Some("baseline".into()),
    };
    let shown = session.timeline(&request).unwrap();
    assert_eq!(shown.timeline, cli(Some("mohammed-moves"), "2027-04-15", 6));
    assert_eq!(shown.against.as_deref(), Some("baseline"));
    assert_eq!(shown.compared, Some(cli(None, "2027-04-15", 6)));
    let pg16 = |t: &pendulum_core::Timeline| {
        let row = t
            .workstreams
            .iter()
            .find(|w| w.id.as_str() == "ws-pg16-upgrade");
        row.unwrap().effective.clone()
    };
    let (after, before) = (pg16(&shown.timeline), pg16(&shown.compared.unwrap()));
    // April and May as in the baseline; June to August one person less on it; the upgrade
    // ends on 2027-08-31, so September is empty in both.
    assert_eq!(after[..2], before[..2]);
    for m in 2..5 {
        assert!(
            (before[m] - after[m] - 1.0).abs() < 1e-9,
            "month {m}: {before:?} {after:?}"
        );
    }
    assert_eq!((after[5], before[5]), (0.0, 0.0));
    // The timeline moves no day: the session still views what it viewed.
    assert_eq!(session.info().unwrap().as_of, day("2027-03-01"));

    // Compared with itself or with a scenario that is gone: no comparison, as `show` has it.
    for name in ["mohammed-moves", "gone"] {
        let shown = session
            .timeline(&TimelineRequest {
                against: Some(name.into()),
                ..TimelineRequest::default()
            })
            .unwrap();
        assert!(
            shown.compared.is_none() && shown.against.is_none(),
            "{name}"
        );
    }
    let err = session
        .timeline(&TimelineRequest {
            months: Some(0),
            ..TimelineRequest::default()
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Usage);
    assert!(err.message.contains("from 1 to 120"), "{}", err.message);
    // The last months dates can name, and no further.
    let mut last = |from: &str, months: u32| {
        session.timeline(&TimelineRequest {
            from: Some(day(from)),
            months: Some(months),
            against: None,
        })
    };
    let months = last("9999-10-31", 3).unwrap().timeline.months;
    assert_eq!(months.last(), Some(&day("9999-12-01")));
    let err = last("9999-12-31", 2).unwrap_err();
    assert_eq!(err.code, ErrorCode::Usage);
    assert!(
        err.message.contains("run past December 9999"),
        "{}",
        err.message
    );
    assert_eq!(
        Session::new(day("2026-11-24"))
            .timeline(&TimelineRequest::default())
            .unwrap_err()
            .code,
        ErrorCode::Usage
    );
}
