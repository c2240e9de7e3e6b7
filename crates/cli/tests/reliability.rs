//! Defects of the CLI pinned by name: nothing written beside a damaged document, `simulate
//! --date` reporting a day that exists, thresholds refused out of range, CSV exports that
//! replace only what was named, and "today" being the local day.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use pendulum_core::Date;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn pendulum_with(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pendulum"));
    cmd.args(args).env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run pendulum");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn pendulum(args: &[&str]) -> Run {
    pendulum_with(args, &[])
}

fn demo(file: &str) -> String {
    repo().join("assets/demo").join(file).display().to_string()
}

fn demo_import(dir: &Path) -> String {
    let out = dir.join("demo.pendulum").display().to_string();
    let run = pendulum(&[
        "import",
        "--people",
        &demo("people.csv"),
        "--workstreams",
        &demo("workstreams.csv"),
        "--allocations",
        &demo("allocations.csv"),
        "-o",
        &out,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    out
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// Issue: `head -c 3000 good.pendulum > trunc.pendulum; pendulum check trunc.pendulum` left
/// `trunc.pendulum-wal` and `-shm` beside it.
#[test]
fn a_damaged_document_gets_nothing_written_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let good = demo_import(dir.path());
    let bytes = std::fs::read(&good).unwrap();
    let trunc = dir.path().join("trunc.pendulum");
    std::fs::write(&trunc, &bytes[..3000]).unwrap();
    let trunc = trunc.display().to_string();
    for args in [
        vec!["check", &trunc],
        vec!["stats", &trunc],
        vec![
            "simulate", &trunc, "--person", "p-ana", "--to", "manager", "--apply", "x",
        ],
        vec!["diff", &trunc, "--scenario", "x"],
    ] {
        let run = pendulum(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains("trunc.pendulum"), "{}", run.stderr);
        assert_eq!(files_in(dir.path()), ["demo.pendulum", "trunc.pendulum"]);
    }
    assert_eq!(std::fs::read(&trunc).unwrap(), &bytes[..3000]);
    // A good document read by the CLI leaves nothing behind either.
    assert_eq!(pendulum(&["stats", &good]).code, 0);
    assert_eq!(files_in(dir.path()), ["demo.pendulum", "trunc.pendulum"]);
}

/// Issue: `simulate --date D` without `--as-of` reported before/after as of today with the
/// swing of day D already applied, a state that never exists; after `--apply S`, `stats
/// --scenario S` matched `after` on neither day.
#[test]
fn simulate_with_only_a_date_reports_the_swing_day_and_matches_the_applied_scenario() {
    let dir = tempfile::tempdir().unwrap();
    let doc = demo_import(dir.path());
    let day = "2027-03-01";
    let run = pendulum(&[
        "simulate",
        &doc,
        "--person",
        "p-henrik",
        "--to",
        "ic",
        "--successor",
        "p-ines",
        "--date",
        day,
        "--apply",
        "henrik-ic",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = json(&run.stdout);
    assert_eq!(report["as_of"], day, "the view follows the swing's day");
    let stats = pendulum(&[
        "stats",
        &doc,
        "--scenario",
        "henrik-ic",
        "--as-of",
        day,
        "--format",
        "json",
    ]);
    assert_eq!(stats.code, 0, "{}", stats.stderr);
    let mut stats = json(&stats.stdout);
    stats.as_object_mut().unwrap().remove("as_of");
    assert_eq!(
        report["after"], stats,
        "after = stats of the applied scenario"
    );
    let before = pendulum(&["stats", &doc, "--as-of", day, "--format", "json"]);
    let mut before = json(&before.stdout);
    before.as_object_mut().unwrap().remove("as_of");
    assert_eq!(report["before"], before, "before = stats of the baseline");
}

#[test]
fn simulate_refuses_a_view_day_before_the_swing() {
    let dir = tempfile::tempdir().unwrap();
    let doc = demo_import(dir.path());
    let run = pendulum(&[
        "simulate",
        &doc,
        "--person",
        "p-henrik",
        "--to",
        "ic",
        "--successor",
        "p-ines",
        "--as-of",
        "2027-03-01",
        "--date",
        "2027-06-01",
    ]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("has not happened yet as of 2027-03-01"),
        "{}",
        run.stderr
    );
}

/// Issue: `--rule-config {"pendulum_years": 3000000000}` flagged every manager as
/// pendulum-due (a release build's overflow; a debug build panicked).
#[test]
fn out_of_range_thresholds_are_refused_naming_field_and_range() {
    let dir = tempfile::tempdir().unwrap();
    let doc = demo_import(dir.path());
    let cases = [
        (
            r#"{"pendulum_years": 3000000000}"#,
            "pendulum_years",
            "from 0 to 100",
        ),
        (
            r#"{"manager_max_span": -1}"#,
            "manager_max_span",
            "from 1 to 1000",
        ),
        (
            r#"{"overload_ratio": 0}"#,
            "overload_ratio",
            "from 0.1 to 100",
        ),
        (r#"{"max_layers": 2.5}"#, "max_layers", "whole number"),
        (r#"{"horizon_months": "12"}"#, "horizon_months", "number"),
        (r#"{"max_spans": 3}"#, "max_spans", "manager_max_span"),
    ];
    let rules = dir.path().join("rules.json");
    for (text, field, range) in cases {
        std::fs::write(&rules, text).unwrap();
        let run = pendulum(&["check", &doc, "--rule-config", &rules.display().to_string()]);
        assert_eq!(run.code, 2, "{text}: {}", run.stdout);
        assert!(run.stderr.contains(field), "{text}: {}", run.stderr);
        assert!(run.stderr.contains(range), "{text}: {}", run.stderr);
        assert!(run.stderr.contains("rules.json"), "{text}: {}", run.stderr);
    }
    // A JSON export made elsewhere.
    let export = dir.path().join("org.json");
    let made = pendulum(&[
        "export",
        &doc,
        "--json",
        "-o",
        &export.display().to_string(),
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let mut file = json(&std::fs::read_to_string(&export).unwrap());
    file["rules"]["pendulum_years"] = serde_json::json!(3_000_000_000u64);
    std::fs::write(&export, file.to_string()).unwrap();
    let run = pendulum(&["check", &export.display().to_string()]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("pendulum_years"), "{}", run.stderr);
    assert!(run.stderr.contains("from 0 to 100"), "{}", run.stderr);
}

/// Issue: `export --csv -o people.csv` also replaced `people-workstreams.csv` and the other
/// files beside it without asking, and not as one set.
#[test]
fn csv_export_replaces_files_beside_the_output_only_when_forced() {
    let dir = tempfile::tempdir().unwrap();
    let doc = demo_import(dir.path());
    let out = dir.path().join("people.csv");
    let out_arg = out.display().to_string();
    let theirs = dir.path().join("people-allocations.csv");
    std::fs::write(&theirs, "somebody else's file\n").unwrap();
    let run = pendulum(&["export", &doc, "--csv", "-o", &out_arg]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("people-allocations.csv"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&theirs).unwrap(),
        "somebody else's file\n"
    );
    assert_eq!(
        files_in(dir.path()),
        ["demo.pendulum", "people-allocations.csv"]
    );

    let run = pendulum(&["export", &doc, "--csv", "-o", &out_arg, "--force"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        files_in(dir.path()),
        [
            "demo.pendulum",
            "people-allocations.csv",
            "people-workload.csv",
            "people-workstreams.csv",
            "people.csv"
        ]
    );
    assert!(
        std::fs::read_to_string(&theirs)
            .unwrap()
            .starts_with("person,")
    );
    // Replacing the files of an earlier export of the same name needs --force too; the
    // chosen output itself is replaced as any export's is.
    let run = pendulum(&["export", &doc, "--csv", "-o", &out_arg]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

/// The day `pendulum` takes as today in a time zone `offset_hours` east of UTC, computed
/// here from the clock.
fn local_day(offset_hours: i64) -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    Date::from_days_since_epoch(((secs + offset_hours * 3600) / 86_400) as i32)
}

/// Issue: "today" was the UTC day, so near midnight a user in Sydney or San Francisco saw
/// yesterday or tomorrow. At any moment one of UTC+14 and UTC−11 is on another day than UTC.
#[test]
fn today_is_the_local_day() {
    let people = repo().join("tests/fixtures/orgs/tiny/people.csv");
    let people = people.display().to_string();
    for (tz, offset) in [("<+14>-14", 14), ("<-11>11", -11), ("UTC", 0)] {
        let before = local_day(offset);
        let run = pendulum_with(&["stats", &people, "--format", "json"], &[("TZ", tz)]);
        let after = local_day(offset);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let shown = json(&run.stdout)["as_of"].as_str().unwrap().to_string();
        assert!(
            shown == before.to_string() || shown == after.to_string(),
            "TZ={tz}: today shown as {shown}, the local day is {before}"
        );
    }
}
