//! Pay on the demo: "Show compensation" turned on, a person's cost revealed, a band edited in
//! a scenario and the scenario's waterfall against the baseline; every figure the window shows
//! equals what the api computes for the same document.

use pendulum_core::cost::Pay;
use pendulum_core::{Currency, Date, Money};

use super::*;
use crate::flags::demo_document;

/// An amount the page shows (its `data-amount`, whole units) as exact money.
fn shown_money(v: &Value, what: &str) -> Money {
    let units = v
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: no amount shown ({v})"));
    Money::from_units(units).unwrap_or_else(|| panic!("{what}: {units} is not an amount"))
}

/// How the UI writes an amount: whole units with the currency's symbol (`€1,234,568`).
fn whole(m: Money, currency: &Currency) -> String {
    let rounded = Money::from_cents((m.cents() as f64 / 100.0).round() as i64 * 100);
    let text = rounded.display(Some(currency));
    text.strip_suffix(".00").unwrap_or(&text).to_string()
}

pub(crate) fn loaded(document: &Path, scenario: Option<&str>, as_of: Date) -> pendulum_api::Loaded {
    let source = pendulum_api::OrgSource {
        path: document.to_path_buf(),
        scenario: scenario.map(str::to_string),
        ..pendulum_api::OrgSource::default()
    };
    pendulum_api::load(&source, as_of).expect("load the app's document")
}

const SCENARIO: &str = "Raise L5";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compensation_revealed_a_band_edited_and_the_waterfall_equal_the_api() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;

    // Off by default: no amount anywhere. Then on, in one click.
    let first = app
        .journey(
            60,
            "show compensation and reveal a person's cost",
            r#"await until(() => document.querySelector('.card'), 'the chart');
            const toggle = document.querySelector('button[role=switch]');
            const hiddenBefore = !document.body.textContent.includes('€') && toggle.getAttribute('aria-checked') === 'false';
            toggle.click();
            const tile = await until(() => document.querySelector('[data-testid=run-rate] strong'), 'the run-rate tile');
            const runRate = Number(tile.dataset.amount);
            const runRateText = tile.textContent;
            await jumpTo('lukas', 'p-lukas');
            const masked = await until(() => document.querySelector('button[aria-label^="Reveal"]'), 'the masked cost');
            const maskedText = document.querySelector('[data-testid=person-cost]').textContent;
            masked.click();
            const cost = await until(() => document.querySelector('[data-testid=person-cost] strong'), 'the revealed cost');
            return {
              as_of: document.querySelector('input.as-of').value,
              hiddenBefore,
              maskedShowsNoAmount: !maskedText.includes('€'),
              runRate,
              runRateText,
              lukas: Number(cost.dataset.amount),
              lukasText: cost.textContent,
              lukasSource: document.querySelector('[data-testid=person-cost] .source').textContent.trim(),
            };"#,
        )
        .await;
    eprintln!("e2e: compensation shown: {first}");
    let shot = app.screenshot("cost-person.png").await;
    eprintln!("e2e: screenshot {}", shot.display());

    // A scenario in which L5 costs more: forked, then its band edited in the Cost tab.
    let edited = app
        .journey(
            60,
            "fork a scenario and edit band L5 in it",
            &format!(
                r#"const nav = document.querySelector('nav.tabs');
            button('Scenarios', nav).click();
            const name = await until(() => document.querySelector('input[aria-label="New scenario name"]'), 'the form');
            name.value = '{SCENARIO}';
            name.dispatchEvent(new Event('input', {{ bubbles: true }}));
            name.form.requestSubmit();
            await until(() => document.querySelector('.doc-meta')?.textContent.includes('{SCENARIO}'), 'the fork');
            button('Cost', nav).click();
            const band = await until(() => document.querySelector('input[aria-label="Band L5"]'), 'the bands');
            const before = Number(band.dataset.amount);
            const raised = String(before + 8000);
            band.dispatchEvent(new FocusEvent('focus'));
            band.value = raised;
            band.dispatchEvent(new Event('input', {{ bubbles: true }}));
            band.dispatchEvent(new FocusEvent('blur'));
            await until(() => document.querySelector('input[aria-label="Band L5"]')?.dataset.amount === raised, 'the band saved');
            await until(() => Number(document.querySelector('[data-testid=run-rate] strong').dataset.amount) !== {run_rate}, 'the run-rate to follow');
            const teams = {{}};
            for (const row of document.querySelectorAll('tr[data-team]')) {{
              teams[row.dataset.team] = {{
                run: Number(row.querySelector('.run').dataset.amount),
                text: row.querySelector('.run').textContent,
                over: row.classList.contains('over'),
              }};
            }}
            return {{
              band_before: before,
              band_after: Number(raised),
              runRate: Number(document.querySelector('[data-testid=run-rate] strong').dataset.amount),
              teams,
            }};"#,
                run_rate = first["runRate"]
            ),
        )
        .await;
    eprintln!("e2e: band edited: {edited}");
    let shot = app.screenshot("cost-panel.png").await;
    eprintln!("e2e: screenshot {}", shot.display());

    let compared = app
        .journey(
            60,
            "compare the scenario with the baseline",
            r#"const nav = document.querySelector('nav.tabs');
            button('Scenarios', nav).click();
            (await until(() => button('Compare'), 'the compare button')).click();
            await until(() => document.querySelector('[data-testid=waterfall]') && document.querySelector('.projection tfoot'), 'the waterfall');
            const steps = {};
            for (const row of document.querySelectorAll('tr[data-step]')) {
              const cell = row.querySelector('td.num');
              steps[row.dataset.step] = { amount: Number(cell.dataset.amount), text: cell.textContent };
            }
            const totals = [...document.querySelectorAll('.projection tfoot td.num[data-amount]')].map((td) => Number(td.dataset.amount));
            return { steps, bars: document.querySelectorAll('[data-testid=waterfall] rect.bar').length, totals };"#,
        )
        .await;
    eprintln!("e2e: comparison: {compared}");
    let shot = app.screenshot("cost-compare.png").await;
    eprintln!("e2e: screenshot {}", shot.display());

    // The same figures from the api, on the document the app saved.
    let document = demo_document(&app.data);
    let as_of = Date::parse(first["as_of"].as_str().unwrap_or_default()).expect("as-of day");
    assert!(
        first["hiddenBefore"].as_bool() == Some(true),
        "pay shows before it is asked for"
    );
    assert!(
        first["maskedShowsNoAmount"].as_bool() == Some(true),
        "a masked cost shows an amount"
    );
    let base = loaded(&document, None, as_of);
    let eur = base.org.cost.currency.clone().expect("the demo's currency");
    let base_cost = pendulum_api::stats_report(&base, as_of)
        .stats
        .cost
        .expect("the demo has pay");
    assert_eq!(
        shown_money(&first["runRate"], "run-rate"),
        base_cost.annual,
        "the run-rate tile"
    );
    assert_eq!(
        first["runRateText"].as_str(),
        Some(whole(base_cost.annual, &eur).as_str())
    );
    let lukas = base
        .org
        .people
        .iter()
        .find(|p| p.id.as_str() == "p-lukas")
        .expect("Lukas");
    let lukas_cost = Pay::of(&base.org).person(lukas).expect("Lukas has a band");
    assert_eq!(shown_money(&first["lukas"], "Lukas"), lukas_cost);
    assert_eq!(
        first["lukasText"].as_str(),
        Some(whole(lukas_cost, &eur).as_str())
    );
    assert!(
        first["lukasSource"]
            .as_str()
            .is_some_and(|s| s.starts_with("band L5")),
        "{first}"
    );

    let raised = loaded(&document, Some(SCENARIO), as_of);
    let band = raised.org.cost.band("L5").expect("band L5");
    assert_eq!(band.annual_cost, shown_money(&edited["band_after"], "band"));
    assert_eq!(
        base.org.cost.band("L5").map(|b| b.annual_cost),
        Some(shown_money(&edited["band_before"], "band before")),
        "the baseline keeps its band"
    );
    let raised_cost = pendulum_api::stats_report(&raised, as_of)
        .stats
        .cost
        .expect("pay in the scenario");
    assert_eq!(
        shown_money(&edited["runRate"], "run-rate after"),
        raised_cost.annual
    );
    for (team, annual) in &raised_cost.by_team {
        let row = &edited["teams"][team.as_str()];
        assert_eq!(shown_money(&row["run"], team), *annual, "team {team}");
        assert_eq!(row["text"].as_str(), Some(whole(*annual, &eur).as_str()));
        let over = raised_cost.budgets.get(team).is_some_and(|b| annual > b);
        assert_eq!(row["over"].as_bool(), Some(over), "team {team} over budget");
    }
    assert!(
        edited["teams"]
            .as_object()
            .is_some_and(|t| t.values().any(|row| row["over"] == json!(true))),
        "the demo shows a team over budget: {edited}"
    );

    let diff = pendulum_api::document::diff_scenarios(&document, SCENARIO, None, as_of)
        .expect("diff the scenario with the baseline");
    let waterfall = diff.cost.expect("a waterfall");
    for (key, want) in [
        ("before", waterfall.before),
        ("joined", waterfall.joined),
        ("left", waterfall.left),
        ("changed", waterfall.changed),
        ("after", waterfall.after),
    ] {
        assert_eq!(
            shown_money(&compared["steps"][key]["amount"], key),
            want,
            "waterfall {key}"
        );
    }
    assert!(
        waterfall.changed > Money::ZERO,
        "raising a band raises the run-rate"
    );
    assert_eq!(
        waterfall.before + waterfall.joined - waterfall.left + waterfall.changed,
        waterfall.after
    );
    assert_eq!(compared["bars"].as_u64(), Some(5), "five bars");
    assert_eq!(
        compared["steps"]["changed"]["text"].as_str(),
        Some(format!("+{}", whole(waterfall.changed, &eur)).as_str())
    );
    // Both fiscal years: the baseline's total, then the scenario's.
    let totals: Vec<Money> = compared["totals"]
        .as_array()
        .expect("totals")
        .iter()
        .map(|v| shown_money(v, "fiscal-year total"))
        .collect();
    assert_eq!(
        totals,
        vec![
            pendulum_api::cost::org_projection(&base.org, as_of).total,
            pendulum_api::cost::org_projection(&raised.org, as_of).total,
        ],
        "the fiscal years"
    );
    app.close().await;
}
