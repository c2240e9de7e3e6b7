//! `pendulum suggest` (`docs/cli.md`, `docs/swings.md` "Suggestions") on the demo: every
//! pendulum-due manager and wide team gets a swing that resolves its flag, `pendulum simulate`
//! with each suggested swing reports exactly its resolves and adds, a document gives what its
//! CSVs give, the text form, and the usage errors.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use serde_json::Value;

const DAY: &str = "2027-03-01";

mod support;
use support::{Run, demo, json_of, pendulum};

/// `pendulum COMMAND <the demo as CSVs> --as-of DAY EXTRA...`.
fn on_demo(command: &str, extra: &[&str]) -> Run {
    let (people, ws, al) = (
        demo("people.csv"),
        demo("workstreams.csv"),
        demo("allocations.csv"),
    );
    let mut args = vec![
        command,
        &people,
        "--workstreams",
        &ws,
        "--allocations",
        &al,
        "--as-of",
        DAY,
    ];
    args.extend_from_slice(extra);
    pendulum(&args)
}

/// The `simulate` options of a suggested swing.
fn simulate_args(swing: &Value) -> Vec<String> {
    let mut args = vec![
        "--person".to_owned(),
        swing["person"].as_str().unwrap().to_owned(),
        "--to".to_owned(),
        swing["to"].as_str().unwrap().to_owned(),
        "--date".to_owned(),
        swing["date"].as_str().unwrap().to_owned(),
    ];
    let reports: Vec<&str> = swing["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    if !reports.is_empty() {
        args.extend(["--reports".to_owned(), reports.join(",")]);
    }
    if let Some(succ) = swing["successor"].as_str() {
        args.extend(["--successor".to_owned(), succ.to_owned()]);
    }
    let join: Vec<String> = swing["join"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(ws, pct)| format!("{ws}={}", pct.as_f64().unwrap()))
        .collect();
    if !join.is_empty() {
        args.extend(["--join".to_owned(), join.join(",")]);
    }
    args
}

fn key(flag: &Value) -> (String, String) {
    (
        flag["rule"].as_str().unwrap().to_owned(),
        flag["subject"]["id"].as_str().unwrap().to_owned(),
    )
}

#[test]
fn every_due_manager_and_wide_team_gets_a_swing_simulate_agrees_with() {
    let all = json_of(&on_demo("suggest", &["--format", "json"]));
    let all = all.as_array().unwrap();
    let check = json_of(&on_demo("check", &["--format", "json"]));
    let mut asked = Vec::new();
    for flag in check["flags"].as_array().unwrap() {
        let (rule, id) = key(flag);
        // The demo's wide team has IC reports; the core tests cover teams without.
        if rule != "pendulum-due" && rule != "span-too-wide" {
            continue;
        }
        asked.push(format!("{rule}:{id}"));
        let mine: Vec<&Value> = all.iter().filter(|s| key(&s["for"]) == key(flag)).collect();
        assert!(!mine.is_empty(), "no suggestion for {rule} on {id}");
        assert!(mine.len() <= 3);
        for s in mine {
            assert!(
                s["resolves"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|f| key(f) == key(flag)),
                "{s}"
            );
        }
    }
    assert_eq!(asked, ["span-too-wide:p-rachel", "pendulum-due:p-henrik"]);
    // `simulate` with each suggested swing reports exactly its resolves and adds.
    for s in all {
        let args = simulate_args(&s["swing"]);
        let mut extra: Vec<&str> = args.iter().map(String::as_str).collect();
        extra.extend(["--format", "json"]);
        let report = json_of(&on_demo("simulate", &extra));
        assert_eq!(report["flags_resolved"], s["resolves"], "{}", s["swing"]);
        assert_eq!(report["flags_added"], s["adds"], "{}", s["swing"]);
        assert_eq!(
            report["moves"].as_array().unwrap().len() as u64,
            s["moves"].as_u64().unwrap()
        );
    }
}

#[test]
fn for_one_flag_and_a_limit_and_a_document_gives_what_its_csvs_give() {
    let all = json_of(&on_demo("suggest", &["--format", "json"]));
    let first = &all[0];
    let (rule, id) = key(&first["for"]);
    let target = format!("{rule}:{id}");
    let one = json_of(&on_demo(
        "suggest",
        &["--for", &target, "--limit", "1", "--format", "json"],
    ));
    assert_eq!(one.as_array().unwrap().len(), 1);
    assert_eq!(one[0], *first);

    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("demo.pendulum").display().to_string();
    let (people, ws, al) = (
        demo("people.csv"),
        demo("workstreams.csv"),
        demo("allocations.csv"),
    );
    let run = pendulum(&[
        "import",
        "--people",
        &people,
        "--workstreams",
        &ws,
        "--allocations",
        &al,
        "-o",
        &doc,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let from_doc = json_of(&pendulum(&[
        "suggest", &doc, "--as-of", DAY, "--format", "json",
    ]));
    assert_eq!(from_doc, all);
    let again = json_of(&on_demo("suggest", &["--format", "json"]));
    assert_eq!(again, all, "the same org and day give the same suggestions");
}

#[test]
fn the_text_names_each_flag_its_swings_and_the_simulate_options() {
    let run = on_demo("suggest", &["--limit", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let all = json_of(&on_demo("suggest", &["--limit", "1", "--format", "json"]));
    let text = &run.stdout;
    assert!(text.starts_with("Pendulum suggest"), "{text}");
    assert_eq!(
        text.matches("  1. ").count(),
        all.as_array().unwrap().len(),
        "{text}"
    );
    assert!(text.contains("pendulum-due ·"), "{text}");
    assert!(
        text.contains("simulate: --as-of 2027-03-01 --person "),
        "{text}"
    );
    assert!(text.contains(" swings to IC"), "{text}");
}

#[test]
fn bad_for_and_limit_exit_2_with_a_clear_message() {
    for (args, says) in [
        (vec!["--for", "pendulum-due"], "RULE:SUBJECT"),
        (vec!["--for", "no-such-rule:p-x"], "no rule is named"),
        (vec!["--for", "cycle:p-priya"], "no swing answers cycle"),
        (vec!["--for", "pendulum-due:"], "names no subject"),
        (
            vec!["--for", "pendulum-due:p-nobody"],
            "p-nobody has no pendulum-due flag",
        ),
        (vec!["--limit", "0"], "--limit must be 1 to 100"),
        (vec!["--limit", "101"], "--limit must be 1 to 100"),
    ] {
        let run = on_demo("suggest", &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
    let run = on_demo("suggest", &["--limit", "-1"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}
