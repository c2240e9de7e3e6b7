//! End-to-end journeys: the real app binary, driven through `tauri-driver` in front of
//! WebKitWebDriver, on an Xvfb display started here when there is none.
//!
//! Every step has a timeout, every child process is stopped with SIGTERM by a guard (SIGKILL
//! would leave WebKitWebDriver holding its port), and each run uses fresh ports. One module per
//! kind of journey (the chart, scenarios, flags, files, cost, the timeline, updates from an HR
//! export, a 10k org, one department of an HR export at 5k and 50k); what they share is here.

#[path = "../harness/mod.rs"]
mod harness;

mod chart;
mod cost;
mod department;
mod files;
mod flags;
mod scenarios;
mod suggest;
mod ten_thousand;
mod timeline;
mod update;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use harness::*;
use serde_json::{Value, json};

/// The demo org's root (assets/demo/people.csv).
const ROOT_ID: &str = "p-priya";
const ROOT_NAME: &str = "Priya Raman";

/// Shared by the in-page journeys: waits, buttons by text, cards, synthetic pointer drags and
/// the search's jump. Every wait has its own deadline, shorter than the Rust step's, so a
/// missed one comes back as `{ error }` naming what was awaited.
const PRELUDE: &str = r#"const done = arguments[arguments.length - 1];
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const frames = (n) => new Promise((r) => {
      const step = (k) => (k === 0 ? r() : requestAnimationFrame(() => step(k - 1)));
      step(n);
    });
    const until = async (test, what, ms = 15000) => {
      const end = performance.now() + ms;
      for (;;) {
        const v = test();
        if (v) return v;
        if (performance.now() > end) {
          throw new Error('timed out waiting for ' + (typeof what === 'function' ? what() : what));
        }
        await sleep(25);
      }
    };
    const text = (sel) => document.querySelector(sel)?.textContent ?? '';
    const button = (t, root = document) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(t));
    const card = (id) => document.querySelector(`.card[data-person="${id}"]`);
    const settled = async () => {
      await frames(2);
      await until(() => document.querySelector('.chart[data-moving=false]'), 'the chart to settle');
    };
    const jumpTo = async (query, id) => {
      const search = document.querySelector('input[type=search]');
      search.value = query;
      search.dispatchEvent(new Event('input', { bubbles: true }));
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await until(() => card(id)?.classList.contains('selected'), `${id} selected`);
      await settled();
    };
    const centre = (id) => {
      const r = card(id).getBoundingClientRect();
      return { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
    };
    const fire = (el, type, p) => el.dispatchEvent(new PointerEvent(type,
      { pointerId: 3, button: 0, buttons: 1, bubbles: true, ...p }));
    const dragOnto = async (from, onto) => {
      const chart = document.querySelector('.chart');
      const a = centre(from), b = centre(onto);
      fire(card(from).querySelector('.name'), 'pointerdown', a);
      fire(chart, 'pointermove', { clientX: a.clientX + 20, clientY: a.clientY + 20 });
      fire(chart, 'pointermove', b);
      await frames(1);
      const hint = text('.carry');
      fire(chart, 'pointerup', b);
      return hint;
    };
    const topOf = (id) => parseFloat(card(id).style.top);
    const fileMenu = async (item) => {
      (await until(() => {
        const b = button('File');
        return b && !b.disabled ? b : null;
      }, 'the File menu')).click();
      (await until(() => [...document.querySelectorAll('[role=menuitem]')]
        .find((b) => b.textContent.trim().startsWith(item)), `the ${item} item`)).click();
    };
"#;

/// What the machine was doing while a figure was measured: the 1-minute load average over
/// the cores (figures from a busy 2-core machine are not a quiet machine's).
fn machine() -> String {
    let load = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("load average {load} on {cores} cores")
}

/// Nearest-rank percentile of figures already sorted.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// The `.pendulum` documents under `dir`, found without recursion.
fn documents_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else if path.extension().is_some_and(|e| e == "pendulum") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

impl Driven {
    /// Runs `body` (an async function body that may use the PRELUDE's helpers) in the page;
    /// its return value comes back, and a thrown error fails the journey.
    async fn journey(&self, secs: u64, what: &str, body: &str) -> Value {
        let script = format!(
            "{PRELUDE}\n(async () => {{\n{body}\n}})().then(done, (e) => done({{ error: String(e) }}));"
        );
        let out = within(secs, what, self.client.execute_async(&script, vec![]))
            .await
            .unwrap_or_else(|e| panic!("e2e: {what}: {e}"));
        if let Some(error) = out.get("error") {
            panic!("e2e: {what}: {error}");
        }
        out
    }

    /// Waits for the chart's first painted frame (`performance.mark('pendulum:first-chart')`
    /// in Chart.svelte) and prints how long it took: from the WebDriver session request
    /// (which launches the app) and from the page's navigation start.
    async fn first_chart(&self, org: &str) {
        let deadline = Instant::now() + Duration::from_secs(90);
        let mark = loop {
            let read = within(
                10,
                "read the first-chart mark",
                self.client.execute(
                    "const m = performance.getEntriesByName('pendulum:first-chart')[0];\
                     return m ? m.startTime : null;",
                    vec![],
                ),
            )
            .await;
            // Before the page has loaded the script can fail; that is "not yet".
            if let Ok(Value::Number(ms)) = read {
                break ms.as_f64().unwrap_or(f64::NAN);
            }
            assert!(
                Instant::now() < deadline,
                "e2e: the chart never marked its first painted frame ({org})"
            );
            tokio::time::sleep(Duration::from_millis(10)).await;
        };
        let wall = self.requested.elapsed();
        assert!(mark.is_finite() && mark >= 0.0, "mark at {mark} ms");
        eprintln!(
            "figure: first painted chart, {org}: {} ms from the WebDriver session request (app launch) to the mark; mark at {mark:.0} ms after navigation start ({})",
            wall.as_millis(),
            machine()
        );
    }
}

fn card(id: &str) -> String {
    format!(".card[data-person=\"{id}\"]")
}
