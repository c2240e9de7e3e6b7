//! End-to-end journeys: the real app binary, driven through `tauri-driver` in front of
//! WebKitWebDriver, on an Xvfb display started here when there is none.
//!
//! Every step has a timeout, every child process is stopped with SIGTERM by a guard (SIGKILL
//! would leave WebKitWebDriver holding its port), and each run uses fresh ports.

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const APP: &str = env!("CARGO_BIN_EXE_pendulum-app");
/// The demo org's root (assets/demo/people.csv).
const ROOT_ID: &str = "p-priya";
const ROOT_NAME: &str = "Priya Raman";

/// A child process stopped with SIGTERM when dropped, then SIGKILL if it has not gone in 5 s.
struct Stopping(Child, &'static str);

impl Drop for Stopping {
    fn drop(&mut self) {
        let pid = self.0.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(self.0.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("e2e: {} ignored SIGTERM; killing it", self.1);
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

fn which(program: &str) -> Option<PathBuf> {
    let home_bin = std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin"));
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(home_bin)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
}

/// The display to use: the caller's, or a fresh Xvfb (its number chosen by Xvfb itself).
fn display() -> (String, Option<Stopping>) {
    if let Some(d) = std::env::var("DISPLAY").ok().filter(|d| !d.is_empty()) {
        return (d, None);
    }
    let mut child = Command::new("Xvfb")
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x800x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start Xvfb (scripts/setup.sh installs it)");
    let stdout = child.stdout.take().expect("Xvfb stdout");
    let guard = Stopping(child, "Xvfb");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read Xvfb's display number");
    let number = line.trim();
    assert!(!number.is_empty(), "Xvfb printed no display number");
    (format!(":{number}"), Some(guard))
}

fn wait_for_port(port: u16, within: Duration) {
    let deadline = Instant::now() + within;
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "tauri-driver did not listen on port {port} within {within:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Runs `step` with a deadline, naming the step when it is missed.
async fn within<T>(secs: u64, what: &str, step: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(secs), step)
        .await
        .unwrap_or_else(|_| panic!("e2e: timed out after {secs} s: {what}"))
}

/// What every journey shares: the display, tauri-driver and one WebDriver session on the app.
struct Driven {
    client: Client,
    // Dropped after the client, in this order: driver before display.
    _driver: Stopping,
    _display: Option<Stopping>,
}

/// One journey at a time: each drives a whole app on a 2-core machine.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn start(args: &[&str]) -> Driven {
    let tauri_driver = which("tauri-driver").expect("tauri-driver not found: run scripts/setup.sh");
    let (display, display_guard) = display();
    let port = free_port();
    let native_port = free_port();
    // The app keeps its demo document in its data folder: a fresh one per run keeps runs apart.
    let data = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("e2e-data-{port}"));
    let _ = std::fs::remove_dir_all(&data);
    let driver = Command::new(tauri_driver)
        .env("XDG_DATA_HOME", &data)
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
        .env("DISPLAY", &display)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start tauri-driver");
    let driver = Stopping(driver, "tauri-driver");
    wait_for_port(port, Duration::from_secs(20));

    let mut caps = serde_json::Map::new();
    caps.insert(
        "tauri:options".into(),
        json!({ "application": APP, "args": args }),
    );
    let url = format!("http://127.0.0.1:{port}");
    // WebKitWebDriver is started by the first session request and can refuse it while it is
    // still coming up on a loaded machine: retry a few times, each attempt under its own deadline.
    let mut attempt = 1;
    let client = loop {
        let mut builder = ClientBuilder::native();
        builder.capabilities(caps.clone());
        match within(
            60,
            "open a WebDriver session on the app",
            builder.connect(&url),
        )
        .await
        {
            Ok(client) => break client,
            Err(e) if attempt < 3 => {
                eprintln!("e2e: WebDriver session attempt {attempt} failed: {e}; retrying");
                attempt += 1;
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => panic!("e2e: no WebDriver session after {attempt} attempts: {e}"),
        }
    };
    Driven {
        client,
        _driver: driver,
        _display: display_guard,
    }
}

impl Driven {
    async fn close(self) {
        let Driven {
            client,
            _driver,
            _display,
        } = self;
        let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
    }

    /// Waits until the page has painted what the DOM holds (a screenshot right after a DOM
    /// change can show the previous frame).
    async fn two_frames(&self) {
        within(
            10,
            "two animation frames",
            self.client.execute_async(
                "const done = arguments[arguments.length - 1];\
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            ),
        )
        .await
        .expect("animation frames");
    }

    /// Waits until the chart's camera has stopped gliding.
    async fn settled(&self) {
        within(30, "the chart to settle", async {
            while self
                .client
                .find(Locator::Css(".chart[data-moving=true]"))
                .await
                .is_ok()
            {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
        .await;
    }

    async fn screenshot(&self, name: &str) -> PathBuf {
        self.settled().await;
        self.two_frames().await;
        let png = within(20, "screenshot", self.client.screenshot())
            .await
            .expect("screenshot");
        assert!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("e2e");
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        let path = dir.join(name);
        std::fs::write(&path, &png).expect("write screenshot");
        path
    }
}

fn card(id: &str) -> String {
    format!(".card[data-person=\"{id}\"]")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_chart_opens_and_search_jumps_to_a_person() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    let c = &app.client;

    // First launch: the demo org opens and its root is drawn as a card.
    let root = within(
        30,
        "the demo's root card",
        c.wait().for_element(Locator::Css(&card(ROOT_ID))),
    )
    .await
    .expect("root card");
    // textContent, not WebDriver's "visible text": its visibility heuristics drop text inside
    // overflow-clipped boxes under a CSS scale; the screenshot shows what a person sees.
    let text = within(5, "root card text", root.prop("textContent"))
        .await
        .expect("card text");
    assert!(
        text.as_deref().unwrap_or("").contains(ROOT_NAME),
        "the root card reads {text:?}"
    );
    assert!(
        within(5, "root displayed", root.is_displayed())
            .await
            .expect("displayed")
    );
    let cards = within(5, "all cards", c.find_all(Locator::Css(".card")))
        .await
        .expect("cards");
    assert!(cards.len() > 10, "only {} cards drawn", cards.len());
    let shot = app.screenshot("chart.png").await;
    eprintln!("e2e: screenshot {}", shot.display());

    // Search: type part of a name, press Enter, and the person is selected and inspected,
    // with the flag the demo raises on them (seven reports: span-too-wide).
    let search = within(5, "search box", c.find(Locator::Css("input[type=search]")))
        .await
        .expect("search");
    within(5, "type a query", search.send_keys("rachel"))
        .await
        .expect("type");
    within(5, "press Enter", search.send_keys("\u{E007}"))
        .await
        .expect("enter");
    let selected = within(
        10,
        "selected card",
        c.wait().for_element(Locator::Css(".card.selected")),
    )
    .await
    .expect("a selected card");
    let selected_text = within(5, "selected text", selected.prop("textContent"))
        .await
        .expect("text");
    let selected_text = selected_text.unwrap_or_default();
    assert!(
        selected_text.contains("Rachel Goldberg"),
        "selected card reads {selected_text:?}"
    );
    let heading = within(
        10,
        "inspector heading",
        c.wait().for_element(Locator::Css("aside h2")),
    )
    .await
    .expect("inspector");
    let heading = within(5, "heading text", heading.prop("textContent"))
        .await
        .expect("text")
        .unwrap_or_default();
    assert!(
        heading.contains("Rachel Goldberg"),
        "inspector shows {heading:?}"
    );
    let flags = within(5, "inspector flags", c.find(Locator::Css("aside .flags")))
        .await
        .expect("the inspector lists the person's flags");
    let flags = within(5, "flags text", flags.prop("textContent"))
        .await
        .expect("text")
        .unwrap_or_default();
    assert!(
        flags.contains("Span too wide"),
        "inspector flags read {flags:?}"
    );
    app.screenshot("search.png").await;

    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_a_card_on_another_moves_the_person_and_undo_puts_them_back() {
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
    // Bring Kenji and Rachel (neighbours under Mateus) on screen through the search.
    let search = within(5, "search box", c.find(Locator::Css("input[type=search]")))
        .await
        .expect("search");
    within(5, "type", search.send_keys("kenji\u{E007}"))
        .await
        .expect("type");
    within(
        10,
        "Rachel's card",
        c.wait().for_element(Locator::Css(&card("p-rachel"))),
    )
    .await
    .expect("Rachel on screen");
    app.settled().await;

    // Drag Kenji's card onto Rachel's with real pointer events at their on-screen centres.
    let drag = r#"const done = arguments[arguments.length - 1];
        const [from, onto] = [arguments[0], arguments[1]];
        const chart = document.querySelector('.chart');
        const centre = (id) => {
          const r = document.querySelector(`.card[data-person="${id}"]`).getBoundingClientRect();
          return { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
        };
        const a = centre(from), b = centre(onto);
        const fire = (el, type, p) => el.dispatchEvent(new PointerEvent(type,
          { pointerId: 3, button: 0, buttons: 1, bubbles: true, ...p }));
        fire(document.querySelector(`.card[data-person="${from}"] .name`), 'pointerdown', a);
        fire(chart, 'pointermove', { clientX: a.clientX + 20, clientY: a.clientY + 20 });
        fire(chart, 'pointermove', b);
        requestAnimationFrame(() => {
          const hint = document.querySelector('.carry')?.textContent ?? '';
          fire(chart, 'pointerup', b);
          done(hint);
        });"#;
    let hint = within(
        20,
        "drag Kenji onto Rachel",
        c.execute_async(drag, vec![json!("p-kenji"), json!("p-rachel")]),
    )
    .await
    .expect("drag script");
    assert!(
        hint.as_str()
            .is_some_and(|h| h.contains("Kenji Watanabe") && h.contains("Rachel Goldberg")),
        "the drag hint read {hint}"
    );

    // The move is saved and drawn: Kenji's card now hangs under Rachel's.
    let manager_of_kenji = r#"const done = arguments[arguments.length - 1];
        const wait = () => {
          const k = document.querySelector('.card[data-person="p-kenji"]');
          const r = document.querySelector('.card[data-person="p-rachel"]');
          if (k && r && parseFloat(k.style.top) > parseFloat(r.style.top)) done('p-rachel');
          else if (k && r && parseFloat(k.style.top) === parseFloat(r.style.top)) setTimeout(wait, 50);
          else setTimeout(wait, 50);
        };
        wait();"#;
    let moved = within(
        20,
        "Kenji drawn under Rachel",
        c.execute_async(manager_of_kenji, vec![]),
    )
    .await
    .expect("moved");
    assert_eq!(moved, json!("p-rachel"));
    let undo = within(
        5,
        "undo button",
        c.find(Locator::Css("button[aria-label=Undo]")),
    )
    .await
    .expect("undo");
    assert_eq!(
        within(5, "undo enabled", undo.attr("disabled"))
            .await
            .expect("attr"),
        None
    );
    app.screenshot("moved.png").await;

    // Undo puts Kenji back beside Rachel (same row under Mateus).
    within(5, "click undo", undo.click()).await.expect("click");
    let back = r#"const done = arguments[arguments.length - 1];
        const wait = () => {
          const k = document.querySelector('.card[data-person="p-kenji"]');
          const r = document.querySelector('.card[data-person="p-rachel"]');
          if (k && r && parseFloat(k.style.top) === parseFloat(r.style.top)) done(true);
          else setTimeout(wait, 50);
        };
        wait();"#;
    within(
        20,
        "Kenji back beside Rachel",
        c.execute_async(back, vec![]),
    )
    .await
    .expect("undone");
    app.close().await;
}

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

/// A deterministic org of `n` people: managers of up to 8, teams by subtree, names from lists.
fn write_org_csv(path: &Path, n: usize) {
    const FIRST: [&str; 12] = [
        "Ada", "Bela", "Chen", "Dana", "Emeka", "Farah", "Goran", "Hana", "Ines", "Jonas", "Kiri",
        "Lena",
    ];
    const LAST: [&str; 10] = [
        "Okafor",
        "Lindqvist",
        "Tanaka",
        "Moreau",
        "Haddad",
        "Novak",
        "Silva",
        "Mensah",
        "Rossi",
        "Costa",
    ];
    let mut csv = String::from("id,name,title,manager_id,team\n");
    for i in 0..n {
        let manager = if i == 0 {
            String::new()
        } else {
            format!("p{}", (i - 1) / 8)
        };
        let title = if i < 73 {
            "Engineering Manager"
        } else {
            "Software Engineer"
        };
        let name = format!(
            "{} {}",
            FIRST[i % FIRST.len()],
            LAST[(i / FIRST.len()) % LAST.len()]
        );
        csv.push_str(&format!(
            "p{i},{name} {i},{title},{manager},Team {}\n",
            (i % 64) / 8
        ));
    }
    std::fs::write(path, csv).expect("write the 10k org");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_people_pan_with_only_visible_cards_in_the_dom() {
    let _serial = SERIAL.lock().await;
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("e2e");
    std::fs::create_dir_all(&dir).expect("e2e dir");
    let csv = dir.join("org-10k.csv");
    write_org_csv(&csv, 10_000);
    // The app opens documents; the api's import makes one from the CSV.
    let org = dir.join("org-10k.pendulum");
    let source = pendulum_api::OrgSource {
        path: csv,
        ..pendulum_api::OrgSource::default()
    };
    pendulum_api::document::import_document(&source, &org, true).expect("import the 10k org");
    let org_arg = org.to_str().expect("a UTF-8 temp path");
    let app = start(&[org_arg]).await;
    let c = &app.client;

    within(
        60,
        "the 10k org's root card",
        c.wait().for_element(Locator::Css(&card("p0"))),
    )
    .await
    .expect("root card");

    // Drag the chart 60 steps of 25 px, one step per frame, counting the DOM cards each time.
    let pan = within(
        120,
        "pan across the 10k chart",
        c.execute_async(
            r#"const done = arguments[arguments.length - 1];
            const chart = document.querySelector('.chart');
            const r = chart.getBoundingClientRect();
            const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
            const fire = (type, x, y) => chart.dispatchEvent(new PointerEvent(type,
              { pointerId: 7, button: 0, buttons: 1, clientX: x, clientY: y, bubbles: true }));
            (async () => {
              let x = r.left + r.width / 2;
              const y = r.top + r.height / 2;
              fire('pointerdown', x, y);
              await frame();
              let most = 0, fewest = Infinity;
              const t0 = performance.now();
              for (let i = 0; i < 60; i++) {
                x -= 25;
                fire('pointermove', x, y);
                await frame();
                const n = Number(chart.dataset.cards);
                most = Math.max(most, n);
                fewest = Math.min(fewest, n);
              }
              const ms = performance.now() - t0;
              fire('pointerup', x, y);
              done({ ms, steps: 60, most, fewest, people: document.querySelectorAll('.card').length });
            })();"#,
            vec![],
        ),
    )
    .await
    .expect("pan script");
    eprintln!("e2e: 10k pan: {pan}");
    let most = pan["most"].as_u64().expect("most");
    let fewest = pan["fewest"].as_u64().expect("fewest");
    assert!(fewest > 0, "the pan left the screen empty: {pan}");
    assert!(
        most <= 300,
        "culling failed: {most} cards in the DOM for a 10k org"
    );
    app.screenshot("pan-10k.png").await;

    // The whole chart at once: too many cards for the DOM, so the canvas draws them.
    let fit = within(5, "Fit button", c.find(Locator::Css(".controls .fit")))
        .await
        .expect("fit");
    within(5, "click Fit", fit.click()).await.expect("click");
    within(30, "canvas mode", async {
        loop {
            let chart = c.find(Locator::Css(".chart")).await.expect("chart");
            let cards = chart
                .attr("data-cards")
                .await
                .expect("attr")
                .unwrap_or_default();
            let visible = chart
                .attr("data-visible")
                .await
                .expect("attr")
                .unwrap_or_default();
            if cards == "0" && visible.parse::<u32>().unwrap_or(0) > 300 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    })
    .await;
    app.screenshot("fit-10k.png").await;
    app.close().await;
}
