//! Suggested swings in the real app: a flagged manager's inspector offers the swings the api
//! suggests for the same document and day, in the same order; picking the first fills the plan
//! and simulates it, and "Apply as scenario" makes its moves the current scenario's.

use pendulum_core::swing::SUGGESTED_RULES;
use pendulum_core::{Date, SubjectKind, check_org};

use super::*;
use crate::cost::loaded;
use crate::flags::demo_document;

const HENRIK: &str = "p-henrik";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suggested_swing_is_offered_picked_simulated_and_applied() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    let out = app
        .journey(
            90,
            "pick Henrik's first suggested swing and apply it",
            r#"await until(() => document.querySelector('.card'), 'the chart');
            await jumpTo('henrik', 'p-henrik');
            (await until(() => document.querySelector('aside button.ask'), 'the Suggest swings button')).click();
            const offered = await until(() => {
              const b = [...document.querySelectorAll('aside .suggestions button.suggestion')];
              return b.length > 0 ? b : null;
            }, 'the suggested swings');
            const lines = offered.map((b) => ({ person: b.dataset.person, text: b.textContent.replace(/\s+/g, ' ').trim() }));
            const asOf = document.querySelector('input.as-of').value;
            return { lines, asOf };"#,
        )
        .await;
    let shot = app.screenshot("suggestions.png").await;
    eprintln!("e2e: screenshot {}", shot.display());
    let chart = app
        .journey(
            90,
            "pick the first",
            r#"const offered = [...document.querySelectorAll('aside .suggestions button.suggestion')];
            offered[0].click();
            const report = await until(() => document.querySelector('.pendulum .report'), 'the swing report');
            report.scrollIntoView({ block: 'start' });
            await frames(2);
            return {
              axes: [...report.querySelectorAll('svg text.tick.month')].map((t) => t.textContent),
              ends: [...report.querySelectorAll('svg text.end')].map((t) => t.textContent),
            };"#,
        )
        .await;
    let shot = app.screenshot("suggestion-simulated.png").await;
    eprintln!("e2e: screenshot {} ({chart})", shot.display());
    let picked = app
        .journey(
            60,
            "apply it",
            r#"const report = document.querySelector('.pendulum .report');
            const reportText = report.textContent.replace(/\s+/g, ' ');
            const name = document.querySelector('.pendulum input[aria-label="Scenario name"]').value;
            button('Apply as scenario', report).click();
            await until(() => text('.doc-meta').includes(name), 'the scenario to become current');
            return { reportText, name };"#,
        )
        .await;
    eprintln!("e2e: suggest: {out} then {picked}");
    let as_of = Date::parse(out["asOf"].as_str().unwrap_or_default()).expect("as-of day");
    let document = demo_document(&app.data);
    let base = loaded(&document, None, as_of);

    // What the api suggests for each of Henrik's flags a swing answers, in reporting order.
    let mut expected = Vec::new();
    for flag in check_org(&base.org, as_of, &base.rules) {
        if flag.subject.kind == SubjectKind::Person
            && flag.subject.id == HENRIK
            && SUGGESTED_RULES.contains(&flag.rule)
        {
            let target = pendulum_api::suggest::FlagRef {
                rule: flag.rule,
                subject: HENRIK.to_string(),
            };
            expected.extend(
                pendulum_api::suggest::suggest(&base.org, &base.rules, as_of, Some(&target), 3)
                    .expect("the api's suggestions"),
            );
        }
    }
    assert!(
        !expected.is_empty(),
        "Henrik has no flag a swing answers on {as_of}"
    );
    let lines = out["lines"].as_array().expect("the offered lines");
    assert_eq!(lines.len(), expected.len(), "offered {lines:?}");
    for (line, s) in lines.iter().zip(&expected) {
        assert_eq!(line["person"], s.swing.person.as_str(), "{line}");
        let text = line["text"].as_str().unwrap_or_default();
        let effect = format!("resolves {} · ", s.resolves.len());
        let moves = format!("{} move", s.moves);
        assert!(
            text.contains(&effect) && text.contains(&moves),
            "{text:?} for {s:?}"
        );
    }

    // The picked swing's report resolves its flag, and the scenario holds its moves.
    let first = &expected[0];
    // The capacity chart is labelled: three months on its axis, its end values.
    assert_eq!(chart["axes"].as_array().map(Vec::len), Some(3), "{chart}");
    assert!(
        chart["ends"].as_array().is_some_and(|e| !e.is_empty()),
        "{chart}"
    );
    let report = picked["reportText"].as_str().unwrap_or_default();
    assert!(
        report.contains("Moves"),
        "no moves in the report: {report:?}"
    );
    let name = picked["name"].as_str().expect("the scenario's name");
    let applied = loaded(&document, Some(name), as_of);
    let manager_of = |org: &pendulum_core::Org, id: &str| {
        org.people
            .iter()
            .find(|p| p.id.as_str() == id)
            .and_then(|p| p.manager_id.as_ref().map(|m| m.as_str().to_string()))
    };
    if let Some(successor) = &first.swing.successor {
        for p in base.org.people.iter().filter(|p| {
            p.manager_id.as_ref().is_some_and(|m| m.as_str() == HENRIK) && p.id != *successor
        }) {
            assert_eq!(
                manager_of(&applied.org, p.id.as_str()).as_deref(),
                Some(successor.as_str()),
                "{} should report to the successor in {name}",
                p.id.as_str()
            );
        }
    }
    let still = check_org(&applied.org, as_of, &applied.rules);
    assert!(
        !still
            .iter()
            .any(|f| f.rule == first.for_flag.rule && f.subject == first.for_flag.subject),
        "the applied scenario still has {:?}",
        first.for_flag
    );
    app.close().await;
}
