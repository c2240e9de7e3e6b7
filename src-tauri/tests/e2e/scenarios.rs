//! Scenarios: a fork compared with the baseline, a swing simulated and applied as one.

use super::*;
use crate::flags::{READ_FLAGS_PANEL, assert_panel_shows, check, demo_document};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forked_scenario_compares_with_the_baseline_and_marks_the_moved_person() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    let c = &app.client;
    within(
        30,
        "the demo's chart",
        c.wait().for_element(Locator::Css(".card")),
    )
    .await
    .expect("chart");

    // Fork a scenario, move Ana from Rachel's team to Jonas's in it, and compare.
    let journey = r#"const done = arguments[arguments.length - 1];
        const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
        const until = async (test, what) => {
          for (let i = 0; i < 200; i++) { const v = test(); if (v) return v; await sleep(50); }
          throw new Error('timed out waiting for ' + what);
        };
        const button = (t) => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === t);
        (async () => {
          button('Scenarios').click();
          const name = await until(() => document.querySelector('input[aria-label="New scenario name"]'), 'the form');
          name.value = 'Split payments';
          name.dispatchEvent(new Event('input', { bubbles: true }));
          name.form.requestSubmit();
          await until(() => document.querySelector('.doc-meta')?.textContent.includes('Split payments'), 'the fork');
          const search = document.querySelector('input[type=search]');
          search.value = 'ana beatriz';
          search.dispatchEvent(new Event('input', { bubbles: true }));
          search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
          await until(() => document.querySelector('.card[data-person="p-jonas"]')
            && document.querySelector('.chart[data-moving=false]'), 'Ana and Jonas on screen');
          const chart = document.querySelector('.chart');
          const centre = (id) => {
            const r = document.querySelector(`.card[data-person="${id}"]`).getBoundingClientRect();
            return { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
          };
          const fire = (el, type, p) => el.dispatchEvent(new PointerEvent(type,
            { pointerId: 3, button: 0, buttons: 1, bubbles: true, ...p }));
          const a = centre('p-ana'), b = centre('p-jonas');
          fire(document.querySelector('.card[data-person="p-ana"] .name'), 'pointerdown', a);
          fire(chart, 'pointermove', { clientX: a.clientX + 20, clientY: a.clientY + 20 });
          fire(chart, 'pointermove', b);
          await sleep(50);
          fire(chart, 'pointerup', b);
          await until(() => document.querySelector('button[aria-label=Undo]:not([disabled])'), 'the move');
          button('Scenarios').click();
          (await until(() => button('Compare'), 'the compare button')).click();
          const panel = await until(() => {
            const t = document.querySelector('aside').textContent;
            return t.includes('Moved') ? t : null;
          }, 'the comparison');
          done({ panel, marked: [...document.querySelectorAll('.card.highlighted')].map((c) => c.dataset.person) });
        })().catch((e) => done({ error: String(e) }));"#;
    let out = within(
        60,
        "fork, move and compare",
        c.execute_async(journey, vec![]),
    )
    .await
    .expect("scenario journey");
    assert!(out.get("error").is_none(), "{out}");
    let panel = out["panel"].as_str().unwrap_or("");
    assert!(
        panel.contains("Ana Beatriz Costa") && panel.contains("Jonas Lindqvist"),
        "the comparison reads {panel:?}"
    );
    assert!(
        panel.contains("Largest span"),
        "no metric deltas in {panel:?}"
    );
    assert_eq!(out["marked"], json!(["p-ana"]));
    let shot = app.screenshot("scenario.png").await;
    eprintln!("e2e: screenshot {}", shot.display());
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_simulated_swing_shows_its_report_and_applies_as_the_current_scenario() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    // The demo's designed swing: Ana becomes a manager of Diego, Mei Lin and Arjun.
    let out = app
        .journey(
            90,
            "plan, simulate and apply Ana's swing",
            r#"await until(() => document.querySelector('.card'), 'the chart');
            await jumpTo('ana beatriz', 'p-ana');
            await until(() => text('aside h2').includes('Ana Beatriz Costa'), "Ana's inspector");
            (await until(() => button('Plan a swing to manager'), 'the plan button')).click();
            for (const id of ['p-diego', 'p-meilin', 'p-arjun']) {
              (await until(() => document.querySelector(`.pendulum input[type=checkbox][value="${id}"]`), id)).click();
            }
            button('Simulate', document.querySelector('.pendulum')).click();
            const report = await until(() => document.querySelector('.pendulum .report'), 'the swing report');
            const movesHead = [...report.querySelectorAll('h4')].find((h) => h.textContent.trim() === 'Moves');
            const moves = [...(movesHead?.nextElementSibling?.querySelectorAll('li') ?? [])].map((li) => li.textContent.trim());
            const metrics = [...report.querySelectorAll('table tr')].map((tr) => tr.textContent.replace(/\s+/g, ' ').trim());
            const reportText = report.textContent;
            const name = document.querySelector('.pendulum input[aria-label="Scenario name"]').value;
            button('Apply as scenario', report).click();
            await until(() => text('.doc-meta').includes(name), 'the scenario to become current');
            await until(() => !document.querySelector('.pendulum .report'), 'the applied plan to close');
            const reportsOfAna = await until(() => {
              const items = [...document.querySelectorAll('aside .reports .who')].map((w) => w.textContent.trim());
              return items.length > 0 ? items : null;
            }, "Ana's reports");
            // The chart: Diego's card now hangs under Ana's, and his inspector names her.
            await jumpTo('diego', 'p-diego');
            await until(() => card('p-ana'), "Ana's card beside Diego's");
            const manager = await until(() => {
              const h = [...document.querySelectorAll('aside h3')].find((h) => h.textContent.startsWith('Reports to'));
              return h?.nextElementSibling?.querySelector('.who')?.textContent.trim();
            }, "Diego's manager");
            button('Scenarios', document.querySelector('nav.tabs')).click();
            const current = await until(() => document.querySelector('aside ul.list li.current')?.textContent, 'the current scenario');
            return {
              moves, metrics, reportText, name, reportsOfAna, manager, current,
              meta: text('.doc-meta'),
              tops: { rachel: topOf('p-rachel'), ana: topOf('p-ana'), diego: topOf('p-diego') },
            };"#,
        )
        .await;
    eprintln!("e2e: swing: {out}");
    let moves: Vec<String> = serde_json::from_value(out["moves"].clone()).expect("moves");
    for who in ["Diego Fernández", "Mei Lin Tan", "Arjun Mehta"] {
        assert!(
            moves
                .iter()
                .any(|m| m.starts_with(who) && m.ends_with("Rachel Goldberg → Ana Beatriz Costa")),
            "no move of {who} from Rachel to Ana in {moves:?}"
        );
    }
    // The designed trade-off: Rachel's span flag resolves, the ledger workstream overloads.
    let report = out["reportText"].as_str().unwrap_or_default();
    assert!(
        report.contains("− Span too wide: Rachel Goldberg"),
        "the report does not resolve Rachel's span: {report:?}"
    );
    assert!(
        report.contains("+ Workstream overloaded"),
        "the report adds no overload: {report:?}"
    );
    let metrics: Vec<String> = serde_json::from_value(out["metrics"].clone()).expect("metrics");
    assert!(
        metrics
            .iter()
            .any(|m| m.starts_with("Managers") && m.ends_with("+1")),
        "the report shows no extra manager: {metrics:?}"
    );
    let name = out["name"].as_str().unwrap_or_default();
    assert!(!name.is_empty(), "the scenario has no name");
    assert!(
        out["meta"].as_str().unwrap_or_default().contains(name),
        "the title bar reads {}",
        out["meta"]
    );
    assert!(
        out["current"].as_str().unwrap_or_default().contains(name),
        "the current scenario is {}",
        out["current"]
    );
    let mut reports: Vec<String> =
        serde_json::from_value(out["reportsOfAna"].clone()).expect("Ana's reports");
    reports.sort();
    assert_eq!(reports, ["Arjun Mehta", "Diego Fernández", "Mei Lin Tan"]);
    assert_eq!(out["manager"], json!("Ana Beatriz Costa"));
    let top = |who: &str| out["tops"][who].as_f64().unwrap_or(f64::NAN);
    assert!(
        top("rachel") < top("ana") && top("ana") < top("diego"),
        "the chart does not draw Rachel → Ana → Diego: {}",
        out["tops"]
    );

    // Saved: the scenario in the document reads the same reporting lines.
    let demo = demo_document(&app.data);
    let as_of = pendulum_core::Date::parse("2027-03-01").expect("a date");
    let source = pendulum_api::OrgSource {
        path: demo.clone(),
        scenario: Some(name.to_string()),
        ..pendulum_api::OrgSource::default()
    };
    let loaded = pendulum_api::load(&source, as_of).expect("load the applied scenario");
    for id in ["p-diego", "p-meilin", "p-arjun"] {
        let person = loaded
            .org
            .people
            .iter()
            .find(|p| p.id.as_str() == id)
            .unwrap_or_else(|| panic!("{id} missing from the scenario"));
        assert_eq!(
            person.manager_id.as_ref().map(|m| m.as_str()),
            Some("p-ana"),
            "{id}'s manager in the saved scenario"
        );
    }

    // The flags changed with it: the panel shows the scenario's check, without Rachel's span.
    let shown = app
        .journey(30, "read the scenario's flags", READ_FLAGS_PANEL)
        .await;
    eprintln!("e2e: flags panel after the swing: {shown}");
    let report = check(&demo, Some(name), "2027-03-01");
    assert_panel_shows(&shown, &report);
    assert!(
        shown["rules"].get("span-too-wide").is_none(),
        "Rachel's span is still flagged: {shown}"
    );
    app.screenshot("swing-applied.png").await;
    app.close().await;
}
