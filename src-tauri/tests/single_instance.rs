//! One app per data folder: launching Pendulum with a file while it runs hands the file to
//! the running window and exits, on a D-Bus session bus started here (as a desktop has one).

mod harness;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use harness::*;

/// A private session bus; its address.
fn session_bus() -> (String, Stopping) {
    let mut child = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start dbus-daemon (scripts/setup.sh installs it)");
    let stdout = child.stdout.take().expect("dbus-daemon stdout");
    let guard = Stopping(child, "dbus-daemon");
    let mut address = String::new();
    BufReader::new(stdout)
        .read_line(&mut address)
        .expect("read the bus address");
    let address = address.trim().to_string();
    assert!(!address.is_empty(), "dbus-daemon printed no address");
    (address, guard)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_launch_with_a_file_opens_it_in_the_running_window_and_exits() {
    let _serial = SERIAL.lock().await;
    let (bus, _bus) = session_bus();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("single-instance");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("test dir");
    std::fs::write(
        dir.join("team.csv"),
        "id,name,title,manager_id\n\
         t-rosa,Rosa Diaz,Engineering Manager,\n\
         t-ken,Ken Ito,Software Engineer,t-rosa\n\
         t-ida,Ida Berg,Software Engineer,t-rosa\n",
    )
    .expect("write team.csv");

    let app = start_with(&[], &[("DBUS_SESSION_BUS_ADDRESS", &bus)]).await;
    let c = &app.client;
    within(
        60,
        "the demo chart in the first window",
        c.wait()
            .for_element(fantoccini::Locator::Css(".card[data-person=\"p-priya\"]")),
    )
    .await
    .expect("the demo's root card");

    // What a file manager does: the program and a file name relative to the folder shown.
    let launched = Instant::now();
    let mut second = Command::new(app_binary())
        .arg("team.csv")
        .current_dir(&dir)
        .env("DISPLAY", &app.display)
        .env("XDG_DATA_HOME", &app.data)
        .env("DBUS_SESSION_BUS_ADDRESS", &bus)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("launch a second instance");
    let status = loop {
        if let Some(status) = second.try_wait().expect("wait for the second instance") {
            break status;
        }
        if launched.elapsed() > Duration::from_secs(60) {
            let _ = second.kill();
            panic!("the second instance was still running after 60 s");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "the second instance exited with {status}");
    eprintln!(
        "single-instance: the second launch exited in {} ms",
        launched.elapsed().as_millis()
    );

    // The running window reloads on the imported team: its root card replaces the demo's.
    let shown = within(
        60,
        "the team in the first window",
        c.wait()
            .for_element(fantoccini::Locator::Css(".card[data-person=\"t-rosa\"]")),
    )
    .await;
    assert!(shown.is_ok(), "the first window never showed the team");
    let demo_gone = c
        .find(fantoccini::Locator::Css(".card[data-person=\"p-priya\"]"))
        .await
        .is_err();
    assert!(demo_gone, "the demo is still shown beside the team");
    let imported = app.data.join("app.pendulum.desktop/imports/team.pendulum");
    assert!(
        imported.is_file(),
        "no import at {} (the running app imports into its data folder)",
        imported.display()
    );
    app.screenshot("single-instance.png").await;
    app.close().await;
}
