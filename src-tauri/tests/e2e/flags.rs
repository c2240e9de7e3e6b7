//! The flags panel against `pendulum check` on the same document.

use super::*;

/// Opens the Flags tab and reads its counts: per severity, per rule, the flags listed, the
/// tab's pills and the as-of day.
pub(crate) const READ_FLAGS_PANEL: &str = r#"button('Flags', document.querySelector('nav.tabs')).click();
    await until(() => document.querySelector('section.severity, .panel .empty'), 'the flags panel');
    const count = (s) => {
      const n = document.querySelector(`section.severity.${s} h3 .n`);
      return n ? Number(n.textContent) : 0;
    };
    const rules = {};
    for (const r of document.querySelectorAll('[data-testid^="flag-rule-"]')) {
      const id = r.dataset.testid.slice('flag-rule-'.length);
      rules[id] = (rules[id] ?? 0) + Number(r.querySelector('.rule-head .n').textContent);
    }
    const pills = {};
    for (const p of document.querySelectorAll('nav.tabs .pill')) {
      const s = ['error', 'warning', 'info'].find((k) => p.classList.contains(k));
      pills[s] = Number(p.textContent);
    }
    return {
      as_of: document.querySelector('input.as-of').value,
      errors: count('error'),
      warnings: count('warning'),
      info: count('info'),
      listed: document.querySelectorAll('section.severity li').length,
      rules,
      pills,
    };"#;

/// The one document the app keeps under its data folder: the demo.
pub(crate) fn demo_document(data: &Path) -> PathBuf {
    let docs = documents_under(data);
    let [demo] = docs.as_slice() else {
        panic!("expected one document under the app's data folder, found {docs:?}");
    };
    demo.clone()
}

/// What `pendulum check <document> [--scenario <name>] --as-of <as_of>` computes: the same
/// pendulum_api::load and check_report the CLI calls.
pub(crate) fn check(
    document: &Path,
    scenario: Option<&str>,
    as_of: &str,
) -> pendulum_api::CheckReport {
    let as_of = pendulum_core::Date::parse(as_of).expect("the as-of field holds a date");
    let source = pendulum_api::OrgSource {
        path: document.to_path_buf(),
        scenario: scenario.map(str::to_string),
        ..pendulum_api::OrgSource::default()
    };
    let loaded = pendulum_api::load(&source, as_of).expect("load the app's document");
    let mut report = pendulum_api::check_report(&loaded, as_of);
    // The app's documents keep "Show compensation" off, so its panel holds no over-budget flag.
    report
        .flags
        .retain(|f| f.rule != pendulum_core::Rule::OverBudget);
    report.summary = pendulum_core::FlagSummary::of(&report.flags);
    let summary = &report.summary;
    eprintln!(
        "e2e: pendulum check {} (scenario {}) as of {as_of}: {} errors, {} warnings, {} info",
        document.display(),
        scenario.unwrap_or("baseline"),
        summary.errors,
        summary.warnings,
        summary.info
    );
    report
}

/// The flags panel (read by READ_FLAGS_PANEL) shows exactly the check's counts.
pub(crate) fn assert_panel_shows(shown: &Value, report: &pendulum_api::CheckReport) {
    let summary = &report.summary;
    let count = |key: &str| shown[key].as_u64().unwrap_or(u64::MAX);
    assert_eq!(
        count("errors"),
        u64::from(summary.errors),
        "errors: {shown}"
    );
    assert_eq!(
        count("warnings"),
        u64::from(summary.warnings),
        "warnings: {shown}"
    );
    assert_eq!(count("info"), u64::from(summary.info), "info: {shown}");
    assert_eq!(
        count("errors") + count("warnings") + count("info"),
        report.flags.len() as u64,
        "total: {shown}"
    );
    // Every flag is listed, one `li` each: the demo raises fewer than the panel's per-rule
    // limit, and no unknown-manager flag (those are listed once their missing manager's group
    // is opened).
    assert_eq!(
        count("listed"),
        report.flags.len() as u64,
        "listed: {shown}"
    );
    let rules: std::collections::BTreeMap<String, u32> =
        serde_json::from_value(shown["rules"].clone()).expect("per-rule counts");
    assert_eq!(rules, summary.by_rule, "per-rule counts");
    // The tab's pills show the non-zero severities.
    for (key, n) in [
        ("error", summary.errors),
        ("warning", summary.warnings),
        ("info", summary.info),
    ] {
        let pill = shown["pills"][key].as_u64();
        let want = (n > 0).then_some(u64::from(n));
        assert_eq!(pill, want, "the Flags tab's {key} pill: {shown}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_flags_panel_counts_equal_pendulum_check_on_the_same_document() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    let shown = app
        .journey(
            60,
            "read the flags panel",
            &format!(
                "await until(() => document.querySelector('.card'), 'the chart');\n{READ_FLAGS_PANEL}"
            ),
        )
        .await;
    eprintln!("e2e: flags panel: {shown}");
    let as_of = shown["as_of"].as_str().unwrap_or_default();
    assert_eq!(as_of, "2027-03-01", "the demo opens on its own day");
    let report = check(&demo_document(&app.data), None, as_of);
    assert!(
        !report.flags.is_empty(),
        "the demo is designed to raise flags"
    );
    assert_panel_shows(&shown, &report);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_inspector_shows_a_managers_load_as_core_computes_it() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    let shown = app
        .journey(
            60,
            "inspect Rachel's manager load",
            r#"await until(() => document.querySelector('.card'), 'the chart');
            const box = document.querySelector('input[type=search]');
            box.value = 'Rachel Goldberg';
            box.dispatchEvent(new Event('input', { bubbles: true }));
            await until(() => document.querySelector('.hits [role=option]'), 'the search hit');
            box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            const parts = await until(() => document.querySelector('.manager-load'), 'the manager load');
            const head = [...document.querySelectorAll('h3')].find((h) => h.textContent.trim().startsWith('Manager load'));
            const figure = head.querySelector('.load');
            return {
              as_of: document.querySelector('input.as-of').value,
              headline: figure.textContent.trim(),
              over: figure.classList.contains('over'),
              parts: parts.textContent.trim(),
            };"#,
        )
        .await;
    eprintln!("e2e: manager load in the inspector: {shown}");
    let as_of = pendulum_core::Date::parse(shown["as_of"].as_str().unwrap_or_default())
        .expect("the as-of field holds a date");
    let source = pendulum_api::OrgSource {
        path: demo_document(&app.data),
        ..pendulum_api::OrgSource::default()
    };
    let loaded = pendulum_api::load(&source, as_of).expect("load the app's document");
    let s = pendulum_core::Snapshot::new(&loaded.org, as_of, &loaded.rules);
    let load = pendulum_core::manager_load(&s, &loaded.rules, "p-rachel").expect("Rachel leads");
    let two = |x: f64| (x * 100.0).round() / 100.0;
    assert_eq!(
        shown["headline"],
        json!(format!("{} of {}", two(load.load), two(load.capacity))),
        "{shown}"
    );
    assert_eq!(shown["over"], json!(load.is_overloaded()), "{shown}");
    assert!(
        shown["parts"]
            .as_str()
            .is_some_and(|p| p.starts_with(&format!("{} reports", load.reports))),
        "{shown}"
    );
    app.close().await;
}
