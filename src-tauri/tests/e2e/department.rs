//! One department of an HR export (`pendulum_synth::Shape::HrExport`) at 5k and 50k people: the
//! app opens it, searches, pans and fits; people whose manager is absent hang under one
//! placeholder card per missing manager. Prints first paint, pan frame and Fit figures.

use std::collections::{BTreeMap, BTreeSet};

use pendulum_core::{Date, Org};
use pendulum_synth::{Shape, SynthConfig, generate};

use super::*;

/// A `.pendulum` document of a synthetic department export of `n` people, and its org.
fn department_document(name: &str, n: usize) -> (PathBuf, Org) {
    let org = generate(&SynthConfig {
        shape: Shape::HrExport,
        ..SynthConfig::new(n, 42)
    });
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("e2e");
    std::fs::create_dir_all(&dir).expect("e2e dir");
    let csv = dir.join(format!("{name}.csv"));
    std::fs::write(&csv, pendulum_csv::people_csv(&org)).expect("write the department's CSV");
    let document = dir.join(format!("{name}.pendulum"));
    let source = pendulum_api::OrgSource {
        path: csv,
        ..pendulum_api::OrgSource::default()
    };
    pendulum_api::document::import_document(&source, &document, true)
        .expect("import the department");
    (document, org)
}

/// Who is drawn on `day` and the managers they name who are not: each missing manager's id
/// with how many present people report to them (worked out from the rows, not the layout).
struct Expected {
    present: usize,
    missing: BTreeMap<String, usize>,
}

fn expected(org: &Org, day: Date) -> Expected {
    let here: BTreeSet<&str> = org
        .people
        .iter()
        .filter(|p| p.is_present(day))
        .map(|p| p.id.as_str())
        .collect();
    let mut missing = BTreeMap::new();
    for p in org.people.iter().filter(|p| p.is_present(day)) {
        if let Some(m) = &p.manager_id
            && !here.contains(m.as_str())
        {
            *missing.entry(m.as_str().to_owned()).or_insert(0) += 1;
        }
    }
    Expected {
        present: here.len(),
        missing,
    }
}

/// A present person under a missing manager, and what to type to find them: their name when
/// no one else has it (ASCII only, so that the search's accent folding cannot make two names
/// one), else their id (a 50k org has no unique name).
fn searchable(org: &Org, day: Date, missing: &BTreeMap<String, usize>) -> (String, String) {
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for p in org.people.iter().filter(|p| p.is_present(day)) {
        *names.entry(p.name.to_lowercase()).or_insert(0) += 1;
    }
    let under: Vec<&pendulum_core::Person> = org
        .people
        .iter()
        .filter(|p| p.is_present(day) && p.status != pendulum_core::Status::Open)
        .filter(|p| {
            p.manager_id
                .as_ref()
                .is_some_and(|m| missing.contains_key(m.as_str()))
        })
        .collect();
    let unique = under
        .iter()
        .find(|p| p.name.is_ascii() && names.get(&p.name.to_lowercase()) == Some(&1));
    match unique {
        Some(p) => (p.id.to_string(), p.name.clone()),
        None => {
            let p = under.first().expect("someone under a missing manager");
            (p.id.to_string(), p.id.to_string())
        }
    }
}

/// Placeholder cards in the DOM right now: their ids and texts.
const READ_PLACEHOLDERS: &str = r#"return [...document.querySelectorAll('.placeholder')]
      .map((p) => ({ id: p.dataset.placeholder, text: p.textContent.replace(/\s+/g, ' ').trim() }));"#;

/// Every placeholder shown is one missing manager's, once, counting the people who report to
/// them; returns how many were shown.
fn check_placeholders(shown: &Value, want: &Expected, when: &str) -> usize {
    let shown = shown.as_array().expect("placeholders");
    let mut seen = BTreeSet::new();
    for p in shown {
        let id = p["id"].as_str().expect("a placeholder's id");
        let text = p["text"].as_str().unwrap_or_default();
        assert!(seen.insert(id), "{when}: two placeholder cards for {id}");
        let reports = want.missing.get(id).unwrap_or_else(|| {
            panic!("{when}: a placeholder for {id}, who is not a missing manager")
        });
        let count = if *reports == 1 {
            "1 report".to_owned()
        } else {
            format!("{reports} reports")
        };
        // The count ends the card, so "12 reports" does not pass for 2.
        assert!(
            text.ends_with(&format!(" {count}")),
            "{when}: {id}'s card says {text:?}, not {count}"
        );
    }
    shown.len()
}

/// Drags the chart 60 steps of 25 px, one per frame: the frame times, and the fewest and most
/// cards (and placeholders) in the DOM on the way.
const PAN: &str = r#"await settled();
    const chart = document.querySelector('.chart');
    const r = chart.getBoundingClientRect();
    const move = (type, x, y) => chart.dispatchEvent(new PointerEvent(type,
      { pointerId: 7, button: 0, buttons: 1, clientX: x, clientY: y, bubbles: true }));
    const frame = () => new Promise((res) => requestAnimationFrame(res));
    let x = r.left + r.width / 2;
    const y = r.top + r.height - 30;
    move('pointerdown', x, y);
    let last = await frame();
    const frames = [];
    let most = 0, fewest = Infinity, placeholders = 0;
    for (let i = 0; i < 60; i++) {
      x -= 25;
      move('pointermove', x, y);
      const now = await frame();
      frames.push(now - last);
      last = now;
      const n = Number(chart.dataset.cards);
      most = Math.max(most, n);
      fewest = Math.min(fewest, n);
      placeholders = Math.max(placeholders, Number(chart.dataset.placeholders));
    }
    move('pointerup', x, y);
    return { frames, most, fewest, placeholders };"#;

async fn department_journey(people: usize, label: &str) {
    let (document, org) = department_document(&format!("department-{people}"), people);
    let app = start(&[document.to_str().expect("a UTF-8 temp path")]).await;
    app.first_chart(&format!("{label} department export ({people} people)"))
        .await;
    let secs = 60 + people as u64 / 200;

    let opened = app
        .journey(
            secs,
            "the department's first chart",
            &format!(
                "await until(() => document.querySelector('.card'), 'a card', {ms});\n\
                 await settled();\n\
                 const placeholders = (() => {{ {READ_PLACEHOLDERS} }})();\n\
                 return {{ as_of: document.querySelector('input.as-of').value, placeholders }};",
                ms = secs * 900
            ),
        )
        .await;
    let day = Date::parse(opened["as_of"].as_str().unwrap_or_default()).expect("the as-of day");
    let want = expected(&org, day);
    eprintln!(
        "e2e: {label} department as of {day}: {} present, {} missing managers",
        want.present,
        want.missing.len()
    );
    let first = check_placeholders(&opened["placeholders"], &want, "first chart");
    assert!(
        first > 0,
        "the chart opens on the top of the forest, placeholders and all"
    );
    app.screenshot(&format!("department-{people}-open.png"))
        .await;

    // Search finds a person who hangs under a placeholder, selects and centres them.
    let (id, query) = searchable(&org, day, &want.missing);
    let name = org
        .people
        .iter()
        .find(|p| p.id.as_str() == id)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    let found = app
        .journey(
            secs,
            "search the department",
            &format!(
                "await jumpTo({query}, {id});\n\
                 const c = card({id}).getBoundingClientRect();\n\
                 const r = document.querySelector('.chart').getBoundingClientRect();\n\
                 return {{ dx: c.left + c.width / 2 - (r.left + r.width / 2),\n\
                   dy: c.top + c.height / 2 - (r.top + r.height / 2),\n\
                   inspector: text('aside h2') }};",
                query = json!(query),
                id = json!(id)
            ),
        )
        .await;
    eprintln!("e2e: {label} department: searched {query:?}, found {name} ({id}): {found}");
    let off = found["dx"]
        .as_f64()
        .unwrap_or(f64::MAX)
        .hypot(found["dy"].as_f64().unwrap_or(f64::MAX));
    assert!(
        off < 4.0,
        "{name} is {off:.0} px from the chart's centre: {found}"
    );
    assert_eq!(
        found["inspector"],
        json!(name),
        "the inspector shows who was found"
    );

    let pan = app.journey(secs, "pan the department", PAN).await;
    let mut frames: Vec<f64> = serde_json::from_value(pan["frames"].clone()).expect("frame times");
    assert_eq!(frames.len(), 60, "one frame per pan step");
    frames.sort_by(f64::total_cmp);
    eprintln!(
        "figure: pan frame times, {label} department export: median {:.1} ms, p95 {:.1} ms, max {:.1} ms over {} frames (one 25 px step per frame; {})",
        percentile(&frames, 0.5),
        percentile(&frames, 0.95),
        frames[frames.len() - 1],
        frames.len(),
        machine()
    );
    assert!(
        pan["fewest"].as_u64().unwrap_or(0) > 0,
        "the pan left the screen empty: {pan}"
    );
    assert!(
        pan["most"].as_u64().unwrap_or(u64::MAX) <= 300,
        "culling failed: {pan}"
    );
    let panned = app
        .journey(
            secs,
            "placeholders after the pan",
            &format!("await settled();\n{READ_PLACEHOLDERS}"),
        )
        .await;
    check_placeholders(&panned, &want, "after the pan");

    // Fit shows the whole forest: every person and one placeholder per missing manager.
    let fitted = app
        .journey(
            secs,
            "fit the department",
            r#"const t0 = performance.now();
            document.querySelector('.controls .fit').click();
            await frames(2);
            await settled();
            await frames(2);
            const ms = performance.now() - t0;
            const chart = document.querySelector('.chart');
            // The last canvas draw (Chart.svelte keeps only that one).
            const draws = (name) => performance.getEntriesByName(name).map((m) => Math.round(m.duration));
            return { visible: Number(chart.dataset.visible), cards: Number(chart.dataset.cards), ms,
              edges: draws('pendulum:draw-edges'), boxes: draws('pendulum:draw-boxes') };"#,
        )
        .await;
    eprintln!("e2e: {label} department, Fit: {fitted}");
    eprintln!(
        "figure: Fit, {label} department export: {:.0} ms from the click to the whole forest painted ({} boxes on the canvas; {})",
        fitted["ms"].as_f64().unwrap_or(f64::NAN),
        fitted["visible"],
        machine()
    );
    assert_eq!(
        fitted["visible"].as_u64(),
        Some((want.present + want.missing.len()) as u64),
        "Fit shows {} people and {} placeholders: {fitted}",
        want.present,
        want.missing.len()
    );
    app.screenshot(&format!("department-{people}-fit.png"))
        .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_five_thousand_person_department_export_opens_searches_and_pans() {
    let _serial = SERIAL.lock().await;
    department_journey(5_000, "5k").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fifty_thousand_person_department_export_opens_searches_and_pans() {
    let _serial = SERIAL.lock().await;
    department_journey(50_000, "50k").await;
}
