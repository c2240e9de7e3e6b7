//! The Timeline screen against `pendulum timeline` on the same document, and the as-of slider
//! below the screens whose tables scroll (never over their last rows).

use super::*;

/// Opens the Timeline screen and reads it: the months, every workstream's cells, the teams'
/// cells, the problems ahead, and where the slider sits against the scrolling content.
const READ_TIMELINE: &str = r#"await until(() => document.querySelector('.card'), 'the chart');
    button('Timeline', document.querySelector('.screens')).click();
    await until(() => document.querySelector('table.heat'), 'the heat map');
    await frames(2);
    const cells = (row) => [...row.querySelectorAll('td')].map((td) => ({
      month: td.dataset.month,
      staffing: td.dataset.staffing,
      effective: Number(td.dataset.effective),
      required: Number(td.dataset.required),
      text: td.querySelector('.fig').textContent.trim(),
      class: [...td.classList].find((c) => ['gap', 'tight', 'fine', 'over', 'none'].includes(c)),
    }));
    const workstreams = {};
    for (const tr of document.querySelectorAll('table.heat tbody tr')) workstreams[tr.dataset.workstream] = cells(tr);
    const teams = {};
    for (const tr of document.querySelectorAll('tr[data-team]')) {
      teams[tr.dataset.team] = [...tr.querySelectorAll('td')].map((td) => ({
        headcount: Number(td.dataset.headcount),
        capacity: Number(td.dataset.capacity),
        text: td.querySelector('.fig').textContent.trim(),
      }));
    }
    const ahead = [...document.querySelectorAll('ol.ahead li')].map((li) => li.querySelector('.text').firstChild.textContent.trim());
    const below = (scroller) => {
      const s = document.querySelector('.as-of-slider').getBoundingClientRect();
      const c = document.querySelector(scroller).getBoundingClientRect();
      const tabs = document.querySelector('.screens').getBoundingClientRect();
      return { slider_top: s.top, content_bottom: c.bottom, tabs_bottom: tabs.bottom, content_top: c.top };
    };
    return {
      as_of: document.querySelector('input.as-of').value,
      months: [...document.querySelectorAll('table.heat th.month')].length,
      workstreams,
      teams,
      ahead,
      slider: below('.timeline'),
    };"#;

/// Chooses the first problem ahead and reads the day the window then views and the screen.
const CHOOSE_FIRST_PROBLEM: &str = r#"const first = document.querySelector('ol.ahead li button');
    const day = first.querySelector('.day').textContent;
    first.click();
    await until(() => document.querySelector('input.as-of').value !== '2027-03-01', 'the day to move');
    await frames(2);
    const tab = [...document.querySelectorAll('.screens button')].find((b) => b.getAttribute('aria-selected') === 'true');
    return { as_of: document.querySelector('input.as-of').value, day, screen: tab.textContent.trim() };"#;

/// Reads where the slider sits on the Workload screen.
const WORKLOAD_SLIDER: &str = r#"button('Workload', document.querySelector('.screens')).click();
    await until(() => document.querySelector('.workload table'), 'the workload tables');
    await frames(2);
    const w = document.querySelector('.workload');
    w.scrollTop = w.scrollHeight;
    await frames(2);
    const s = document.querySelector('.as-of-slider').getBoundingClientRect();
    const c = w.getBoundingClientRect();
    const rows = [...w.querySelectorAll('tr')];
    const last = rows[rows.length - 1].getBoundingClientRect();
    const tabs = document.querySelector('.screens').getBoundingClientRect();
    return { slider_top: s.top, content_bottom: c.bottom, last_row_bottom: last.bottom, tabs_bottom: tabs.bottom, content_top: c.top };"#;

/// A figure as the UI prints it (`figure` in ui/src/lib/format.ts): at most two decimals.
fn figure(x: f64) -> String {
    format!("{}", (x * 100.0).round() / 100.0)
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timeline_screen_shows_what_pendulum_timeline_computes() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    let shown = app.journey(90, "read the timeline", READ_TIMELINE).await;
    let shot = app.screenshot("timeline.png").await;
    eprintln!("e2e: screenshot {}", shot.display());
    app.journey(
        20,
        "scroll to the problems ahead",
        "document.querySelector('ol.ahead').scrollIntoView({ block: 'start' });\nawait frames(2);\nreturn true;",
    )
    .await;
    app.screenshot("timeline-ahead.png").await;

    // What `pendulum timeline <document> --from <as-of> --format json` computes: the same
    // api calls the CLI makes, on the document the app has open.
    let as_of = shown["as_of"].as_str().unwrap_or_default();
    assert_eq!(as_of, "2027-03-01", "the demo opens on its own day");
    let source = pendulum_api::OrgSource {
        path: flags::demo_document(&app.data),
        ..pendulum_api::OrgSource::default()
    };
    let dated = pendulum_api::timeline::load_dated(&source).expect("the app's document");
    let from = pendulum_core::Date::parse(as_of).expect("a day");
    let want = pendulum_api::timeline::timeline_of(&dated, from, dated.rules.horizon_months)
        .expect("the timeline");
    assert_eq!(shown["months"], want.months.len(), "months: {shown}");

    let rows = shown["workstreams"]
        .as_object()
        .expect("rows by workstream");
    assert_eq!(rows.len(), want.workstreams.len(), "one row per workstream");
    let mut cells = 0;
    for w in &want.workstreams {
        let row = rows[w.id.as_str()]
            .as_array()
            .expect("the workstream's row");
        assert_eq!(row.len(), want.months.len(), "{}", w.id);
        for (m, cell) in row.iter().enumerate() {
            let at = format!("{} in {}", w.id, want.months[m]);
            assert_eq!(cell["month"], want.months[m].to_string(), "{at}");
            assert_eq!(number(&cell["effective"]), w.effective[m], "{at}");
            assert_eq!(number(&cell["required"]), w.required[m], "{at}");
            let staffing = w.staffing[m].as_str();
            assert_eq!(cell["staffing"], staffing, "{at}");
            assert_eq!(
                cell["class"], staffing,
                "{at}: the cell is shaded as it is staffed"
            );
            let text = if staffing == "none" {
                "–".to_owned()
            } else {
                format!("{}/{}", figure(w.effective[m]), figure(w.required[m]))
            };
            assert_eq!(cell["text"], text, "{at}");
            cells += 1;
        }
    }
    let gaps = want
        .workstreams
        .iter()
        .flat_map(|w| &w.staffing)
        .filter(|s| s.as_str() == "gap")
        .count();
    assert!(gaps > 0, "the demo is designed to run into gaps");

    let teams = shown["teams"].as_object().expect("rows by team");
    let listed: Vec<_> = want
        .teams
        .iter()
        .filter(|t| t.headcount.iter().any(|&h| h > 0) || t.required.iter().any(|&r| r > 0.0))
        .collect();
    assert_eq!(teams.len(), listed.len(), "one row per team: {shown}");
    for t in listed {
        let row = teams[t.id.as_str()].as_array().expect("the team's row");
        for (m, cell) in row.iter().enumerate() {
            let at = format!("team {} in {}", t.id, want.months[m]);
            assert_eq!(
                number(&cell["headcount"]),
                f64::from(t.headcount[m]),
                "{at}"
            );
            assert_eq!(number(&cell["capacity"]), t.ic_capacity[m], "{at}");
            let text = format!("{} · {}", t.headcount[m], figure(t.ic_capacity[m]));
            assert_eq!(cell["text"], text, "{at}");
        }
    }

    let ahead: Vec<String> = want.ahead.iter().map(|a| a.message.clone()).collect();
    assert!(!ahead.is_empty(), "the demo has problems ahead");
    assert_eq!(shown["ahead"], json!(ahead), "the problems ahead, in order");
    eprintln!(
        "e2e: timeline: {} workstreams × {} months ({cells} cells, {gaps} gap), {} teams, {} problems ahead equal pendulum timeline",
        want.workstreams.len(),
        want.months.len(),
        teams.len(),
        ahead.len()
    );

    // The slider sits below the scrolling tables and the screen tabs above them, on this
    // screen and on the workload's.
    let slider = &shown["slider"];
    assert!(
        number(&slider["slider_top"]) >= number(&slider["content_bottom"]) - 0.5
            && number(&slider["content_top"]) >= number(&slider["tabs_bottom"]) - 0.5,
        "the slider or the tabs cover the timeline: {slider}"
    );
    let workload = app
        .journey(60, "the workload's slider", WORKLOAD_SLIDER)
        .await;
    assert!(
        number(&workload["slider_top"]) >= number(&workload["content_bottom"]) - 0.5
            && number(&workload["last_row_bottom"]) <= number(&workload["slider_top"])
            && number(&workload["content_top"]) >= number(&workload["tabs_bottom"]) - 0.5,
        "the slider or the tabs cover the workload: {workload}"
    );

    // Choosing a problem views its day and focuses its subject.
    let chosen = app
        .journey(
            60,
            "choose a problem ahead",
            &format!(
                "button('Timeline', document.querySelector('.screens')).click();\n\
                 await until(() => document.querySelector('ol.ahead li button'), 'the problems ahead');\n\
                 {CHOOSE_FIRST_PROBLEM}"
            ),
        )
        .await;
    let first = &want.ahead[0];
    assert_eq!(chosen["as_of"], first.day().to_string(), "{chosen}");
    let screen = match first.subject.kind {
        pendulum_core::SubjectKind::Workstream => "Workload",
        _ => "Chart",
    };
    assert_eq!(chosen["screen"], screen, "{chosen}");
    app.close().await;
}

/// Forks "Tolerant", raises its overload ratio to 2 in the Rules panel, compares it with the
/// baseline and reads the Timeline screen's changed cells.
const COMPARE_TOLERANT: &str = r#"await until(() => document.querySelector('.card'), 'the chart');
    button('Scenarios', document.querySelector('nav.tabs')).click();
    const name = await until(() => document.querySelector('input[aria-label="New scenario name"]'), 'the fork form');
    name.value = 'Tolerant';
    name.dispatchEvent(new Event('input', { bubbles: true }));
    name.form.requestSubmit();
    await until(() => document.querySelector('.doc-meta')?.textContent.includes('Tolerant'), 'the fork');
    button('Flags', document.querySelector('nav.tabs')).click();
    (await until(() => button('▾ Rule thresholds') ?? button('Rule thresholds'), 'the thresholds')).click();
    const field = await until(() => [...document.querySelectorAll('.rules label.field')]
      .find((l) => l.textContent.includes('Overload ratio'))?.querySelector('input'), 'the overload ratio');
    field.focus();
    field.value = '2';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    // The field commits on blur; an unfocused test window may not move focus, so say it.
    field.dispatchEvent(new FocusEvent('blur'));
    await until(() => document.querySelector('button[aria-label=Undo]:not([disabled])'), 'the threshold edit');
    button('Scenarios', document.querySelector('nav.tabs')).click();
    (await until(() => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Compare'), 'Compare')).click();
    button('Timeline', document.querySelector('.screens')).click();
    await until(() => document.querySelector('.timeline h2')?.textContent.includes('compared with baseline'), 'the comparison');
    await until(() => document.querySelector('td.cell.changed'), 'a changed cell');
    await frames(2);
    return {
      changed: [...document.querySelectorAll('td.cell.changed')]
        .map((td) => `${td.closest('tr').dataset.workstream} ${td.dataset.month} ${td.dataset.staffing}`),
      title: document.querySelector('.timeline h2').textContent.replace(/\s+/g, ' ').trim(),
    };"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_compared_scenario_marks_the_cells_it_changes() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    let shown = app
        .journey(90, "compare a scenario's timeline", COMPARE_TOLERANT)
        .await;
    app.screenshot("timeline-compare.png").await;
    let document = flags::demo_document(&app.data);
    let timeline = |scenario: Option<&str>| {
        let source = pendulum_api::OrgSource {
            path: document.clone(),
            scenario: scenario.map(str::to_owned),
            ..pendulum_api::OrgSource::default()
        };
        let dated = pendulum_api::timeline::load_dated(&source).expect("the app's document");
        let from = pendulum_core::Date::parse("2027-03-01").expect("a day");
        pendulum_api::timeline::timeline_of(&dated, from, 12).expect("the timeline")
    };
    let (tolerant, baseline) = (timeline(Some("Tolerant")), timeline(None));
    let mut want = Vec::new();
    for (w, b) in tolerant.workstreams.iter().zip(&baseline.workstreams) {
        assert_eq!(w.id, b.id);
        for (m, day) in tolerant.months.iter().enumerate() {
            if w.staffing[m] != b.staffing[m] || w.effective[m] != b.effective[m] {
                want.push(format!("{} {day} {}", w.id, w.staffing[m].as_str()));
            }
        }
    }
    want.sort();
    let mut changed: Vec<String> =
        serde_json::from_value(shown["changed"].clone()).expect("the changed cells");
    changed.sort();
    assert!(!want.is_empty(), "a ratio of 2 turns some gaps tight");
    assert_eq!(changed, want, "{}", shown["title"]);
    eprintln!(
        "e2e: timeline compare: {} cells changed by an overload ratio of 2, as pendulum timeline --scenario Tolerant differs from the baseline",
        changed.len()
    );
    app.close().await;
}
