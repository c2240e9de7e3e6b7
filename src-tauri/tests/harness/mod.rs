//! What the end-to-end tests share: the real app binary started through `tauri-driver` in
//! front of WebKitWebDriver, on an Xvfb display started here when there is none.
//!
//! Every step has a timeout, every child process is stopped with SIGTERM by a guard (SIGKILL
//! would leave WebKitWebDriver holding its port), and each run uses fresh ports.

// Each test binary that includes this module uses a different part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// The app under test: this package's build, or the binary `PENDULUM_E2E_APP` names (how
/// `scripts/app-figures.sh --release` measures the release build with these journeys).
pub fn app_binary() -> String {
    std::env::var("PENDULUM_E2E_APP")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_pendulum-app").to_string())
}

/// A child process stopped with SIGTERM when dropped, then SIGKILL if it has not gone in 5 s.
pub struct Stopping(pub Child, pub &'static str);

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

pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local address").port()
}

pub fn which(program: &str) -> Option<PathBuf> {
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
pub fn display() -> (String, Option<Stopping>) {
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

pub fn wait_for_port(port: u16, within: Duration) {
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
pub async fn within<T>(secs: u64, what: &str, step: impl Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(secs), step)
        .await
        .unwrap_or_else(|_| panic!("e2e: timed out after {secs} s: {what}"))
}

/// What every journey shares: the display, tauri-driver and one WebDriver session on the app.
pub struct Driven {
    pub client: Client,
    /// When the WebDriver session that launched the app was requested.
    pub requested: Instant,
    /// The app's XDG_DATA_HOME for this run (the demo document is created under it).
    pub data: PathBuf,
    /// Where the app's test-only dialogs read and write (`PENDULUM_E2E_DIALOGS`).
    pub dialogs: PathBuf,
    /// The X display the app is on.
    pub display: String,
    // Dropped after the client, in this order: driver before display.
    _driver: Stopping,
    _display: Option<Stopping>,
}

/// One journey at a time: each drives a whole app on a 2-core machine.
pub static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub async fn start(args: &[&str]) -> Driven {
    start_with(args, &[]).await
}

/// As [`start`], with more environment for the app (tauri-driver passes its own on).
pub async fn start_with(args: &[&str], env: &[(&str, &str)]) -> Driven {
    let tauri_driver = which("tauri-driver").expect("tauri-driver not found: run scripts/setup.sh");
    let (display, display_guard) = display();
    let port = free_port();
    let native_port = free_port();
    // The app keeps its demo document in its data folder: a fresh one per run keeps runs apart.
    let data = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("e2e-data-{port}"));
    let _ = std::fs::remove_dir_all(&data);
    // Debug builds answer their file dialogs from here instead of showing them.
    let dialogs = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("e2e-dialogs-{port}"));
    let _ = std::fs::remove_dir_all(&dialogs);
    std::fs::create_dir_all(&dialogs).expect("dialogs dir");
    let driver = Command::new(tauri_driver)
        .env("XDG_DATA_HOME", &data)
        .env("PENDULUM_E2E_DIALOGS", &dialogs)
        .envs(env.iter().copied())
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
        json!({ "application": app_binary(), "args": args }),
    );
    let url = format!("http://127.0.0.1:{port}");
    // WebKitWebDriver is started by the first session request and can refuse it while it is
    // still coming up on a loaded machine: retry a few times, each attempt under its own deadline.
    let mut attempt = 1;
    let (client, requested) = loop {
        let asked = Instant::now();
        let mut builder = ClientBuilder::native();
        builder.capabilities(caps.clone());
        match within(
            60,
            "open a WebDriver session on the app",
            builder.connect(&url),
        )
        .await
        {
            Ok(client) => break (client, asked),
            Err(e) if attempt < 3 => {
                eprintln!("e2e: WebDriver session attempt {attempt} failed: {e}; retrying");
                attempt += 1;
                tokio::time::sleep(Duration::from_secs(2)).await;
            }
            Err(e) => panic!("e2e: no WebDriver session after {attempt} attempts: {e}"),
        }
    };
    // The journeys' own deadlines (`within` and the in-page waits) govern, not WebDriver's 30 s.
    within(
        10,
        "set the script timeout",
        client.update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
            Some(Duration::from_secs(300)),
            None,
            None,
        )),
    )
    .await
    .expect("set the WebDriver timeouts");
    Driven {
        client,
        requested,
        data,
        dialogs,
        display,
        _driver: driver,
        _display: display_guard,
    }
}

impl Driven {
    pub async fn close(self) {
        let Driven {
            client,
            _driver,
            _display,
            ..
        } = self;
        let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
    }

    /// Waits until the page has painted what the DOM holds (a screenshot right after a DOM
    /// change can show the previous frame).
    pub async fn two_frames(&self) {
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
    pub async fn settled(&self) {
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

    pub async fn screenshot(&self, name: &str) -> PathBuf {
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
