//! CLI journeys for the pendulum (`docs/swings.md`; `simulate` and `history` in `docs/cli.md`) on an org the test
//! writes to a temporary directory: import, simulate, apply as a scenario, and read it back.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

const DAY: &str = "2026-03-16";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn pendulum(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pendulum"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn json_of(run: &Run) -> Value {
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// Bea manages r1, r10, r2, r3 and r4 under Dee, beside the managers Pat (2 reports) and
/// Quin (3 reports), the director Dan and the IC Ivy. Bea spends 20 % on ws-a.
fn write_org(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let people = dir.join("people.csv");
    let rows = [
        "Employee ID,Name,Job Title,Reports To,Role,Start Date,Role Since",
        "ceo,Cleo,CEO,,executive,2010-01-01,2018-01-01",
        "dee,Dee,Director,ceo,director,2012-01-01,2019-01-01",
        "bea,Bea,Engineering Manager,dee,manager,2015-01-01,2021-04-01",
        "r4,Rui,Engineer,bea,ic,2020-01-01,",
        "r10,Ria,Engineer,bea,ic,2020-01-01,",
        "r2,Rob,Engineer,bea,ic,2020-01-01,",
        "r1,Ren,Engineer,bea,ic,2020-01-01,",
        "r3,Ray,Engineer,bea,ic,2020-01-01,",
        "quin,Quin,Engineering Manager,dee,manager,2016-01-01,2022-01-01",
        "q1,Qa,Engineer,quin,ic,2020-01-01,",
        "q2,Qb,Engineer,quin,ic,2020-01-01,",
        "q3,Qc,Engineer,quin,ic,2020-01-01,",
        "pat,Pat,Engineering Manager,dee,manager,2016-01-01,2022-01-01",
        "p1,Pa,Engineer,pat,ic,2020-01-01,",
        "p2,Pb,Engineer,pat,ic,2020-01-01,",
        "dan,Dan,Director,dee,director,2014-01-01,2020-01-01",
        "ivy,Ivy,Staff Engineer,dee,ic,2014-01-01,",
    ];
    std::fs::write(&people, rows.join("\n") + "\n").unwrap();
    let workstreams = dir.join("workstreams.csv");
    std::fs::write(
        &workstreams,
        "id,name,required_fte,kind\nws-a,Alpha,2,feature\nws-b,Beta,1,operations\n",
    )
    .unwrap();
    let allocations = dir.join("allocations.csv");
    std::fs::write(
        &allocations,
        "person,workstream,percent\nbea,ws-a,20\nr1,ws-a,100\nq1,ws-b,100\n",
    )
    .unwrap();
    (people, workstreams, allocations)
}

/// A temporary directory holding the org as CSV and as an imported `.pendulum` document.
fn imported() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let (people, workstreams, allocations) = write_org(dir.path());
    let doc = dir.path().join("org.pendulum");
    let run = pendulum(&[
        "import",
        "--people",
        people.to_str().unwrap(),
        "--workstreams",
        workstreams.to_str().unwrap(),
        "--allocations",
        allocations.to_str().unwrap(),
        "-o",
        doc.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let doc = doc.to_str().unwrap().to_string();
    (dir, doc)
}

fn simulate_bea(doc: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "simulate", doc, "--person", "bea", "--to", "ic", "--as-of", DAY, "--format", "json",
    ];
    args.extend_from_slice(extra);
    pendulum(&args)
}

fn stats(doc: &str, scenario: Option<&str>) -> Value {
    let mut args = vec!["stats", doc, "--as-of", DAY, "--format", "json"];
    if let Some(s) = scenario {
        args.extend(["--scenario", s]);
    }
    let mut v = json_of(&pendulum(&args));
    assert_eq!(v["as_of"], DAY);
    v.as_object_mut().unwrap().remove("as_of");
    v
}

/// Taken in id string order (r1, r10, r2, r3, r4); Pat has 2 reports and Quin 3: Pat (2→3),
/// Pat on the 3–3 tie by id, Quin (3→4), Pat on 4–4, Quin (4→5). Dan and Ivy take none.
fn expected_moves() -> Value {
    json!([
        {"person": "r1", "from": "bea", "to": "pat"},
        {"person": "r10", "from": "bea", "to": "pat"},
        {"person": "r2", "from": "bea", "to": "quin"},
        {"person": "r3", "from": "bea", "to": "pat"},
        {"person": "r4", "from": "bea", "to": "quin"},
    ])
}

#[test]
fn simulate_spreads_the_reports_over_the_peer_managers() {
    let (_dir, doc) = imported();
    let report = json_of(&simulate_bea(&doc, &[]));
    assert_eq!(report["moves"], expected_moves());
    assert!(report.get("applied").is_none());
    for key in [
        "before",
        "after",
        "flags_added",
        "flags_resolved",
        "timeline",
    ] {
        assert!(report.get(key).is_some(), "{key} missing");
    }
    assert_eq!(report["before"], stats(&doc, None));
    assert_eq!(report["before"]["managers"], 6);
    assert_eq!(report["after"]["managers"], 5, "Bea is an IC now");
    // Cleo 1, Dee 5, Quin and Pat 5 each now, Dan 0.
    assert_eq!(
        report["after"]["span_histogram"],
        json!({"0": 1, "1": 1, "5": 3})
    );
    let months: Vec<&str> = report["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["month"].as_str().unwrap())
        .collect();
    assert_eq!(months.len(), 12);
    assert_eq!((months[0], months[11]), ("2026-03", "2027-02"));
    // Simulating never writes: the document has no scenario yet.
    let run = pendulum(&["stats", &doc, "--scenario", "swing", "--as-of", DAY]);
    assert_eq!(run.code, 2);
}

#[test]
fn an_applied_swing_is_a_scenario_whose_stats_are_the_reports_after() {
    let (_dir, doc) = imported();
    let join = ["--join", "ws-a=60"];
    let report = json_of(&simulate_bea(
        &doc,
        &[&join[..], &["--apply", "bea-to-ic"]].concat(),
    ));
    assert_eq!(
        report["applied"],
        json!({"scenario": "bea-to-ic", "created": true})
    );
    assert_eq!(report["moves"], expected_moves());
    // All fields, re-ramp included (Bea counts at 0.25 on the day).
    assert_eq!(stats(&doc, Some("bea-to-ic")), report["after"]);
    assert_eq!(
        stats(&doc, None),
        report["before"],
        "the baseline is untouched"
    );
    // r1 at 100 %, and Bea's 20 % and 60 % at a quarter while she re-ramps.
    assert_eq!(report["timeline"][0]["workstreams"]["ws-a"], json!(1.2));
    assert_eq!(report["timeline"][2]["workstreams"]["ws-a"], json!(1.8));

    let diff = json_of(&pendulum(&[
        "diff",
        &doc,
        "--scenario",
        "bea-to-ic",
        "--as-of",
        DAY,
        "--format",
        "json",
    ]));
    assert_eq!(diff["moved"], expected_moves());

    let history = json_of(&pendulum(&[
        "history",
        &doc,
        "--scenario",
        "bea-to-ic",
        "--person",
        "bea",
        "--as-of",
        DAY,
        "--format",
        "json",
    ]));
    assert_eq!(
        history["spells"],
        json!([
            {"role": "manager", "since": "2021-04-01", "until": DAY, "source": "import"},
            {"role": "ic", "since": DAY, "until": null, "source": "edit"},
        ])
    );
    assert_eq!(
        (&history["role"], &history["days_in_role"]),
        (&json!("ic"), &json!(0))
    );
    let text = pendulum(&[
        "history",
        &doc,
        "--scenario",
        "bea-to-ic",
        "--person",
        "bea",
        "--as-of",
        DAY,
    ]);
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert!(
        text.stdout.contains("manager") && text.stdout.contains("ic"),
        "{}",
        text.stdout
    );

    // Applying again from the baseline onto the same scenario is refused; onto the
    // scenario read as the current one, it goes on top.
    let again = simulate_bea(&doc, &["--apply", "bea-to-ic"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("bea-to-ic"), "{}", again.stderr);
    let next = json_of(&pendulum(&[
        "simulate",
        &doc,
        "--scenario",
        "bea-to-ic",
        "--person",
        "ivy",
        "--to",
        "manager",
        "--reports",
        "r1,r2",
        "--as-of",
        DAY,
        "--format",
        "json",
        "--apply",
        "bea-to-ic",
    ]));
    assert_eq!(next["applied"]["created"], false);
    assert_eq!(stats(&doc, Some("bea-to-ic")), next["after"]);
}

#[test]
fn bad_swings_exit_2_and_say_why() {
    let (dir, doc) = imported();
    let people = dir.path().join("people.csv");
    let csv = pendulum(&[
        "simulate",
        people.to_str().unwrap(),
        "--person",
        "bea",
        "--to",
        "ic",
        "--as-of",
        DAY,
        "--apply",
        "s",
    ]);
    assert_eq!(csv.code, 2);
    assert!(csv.stderr.contains(".pendulum"), "{}", csv.stderr);
    // Without --apply a CSV is fine.
    let plain = pendulum(&[
        "simulate",
        people.to_str().unwrap(),
        "--person",
        "bea",
        "--to",
        "ic",
        "--as-of",
        DAY,
        "--format",
        "json",
    ]);
    assert_eq!(json_of(&plain)["moves"], expected_moves());

    let ghost = pendulum(&[
        "simulate", &doc, "--person", "ghost-42", "--to", "ic", "--as-of", DAY,
    ]);
    assert_eq!(ghost.code, 2);
    assert!(ghost.stderr.contains("ghost-42"), "{}", ghost.stderr);
    assert!(ghost.stdout.is_empty());

    let over = simulate_bea(&doc, &["--join", "ws-a=150"]);
    assert_eq!(over.code, 2);
    assert!(over.stderr.contains("150"), "{}", over.stderr);
    let unknown_ws = simulate_bea(&doc, &["--join", "ws-z=50"]);
    assert_eq!(unknown_ws.code, 2);
    assert!(unknown_ws.stderr.contains("ws-z"), "{}", unknown_ws.stderr);
    let ic = pendulum(&[
        "simulate", &doc, "--person", "ivy", "--to", "ic", "--as-of", DAY,
    ]);
    assert_eq!(ic.code, 2);
    assert!(ic.stderr.contains("ivy"), "{}", ic.stderr);
    let cycle = pendulum(&[
        "simulate",
        &doc,
        "--person",
        "r1",
        "--to",
        "manager",
        "--reports",
        "dee",
        "--as-of",
        DAY,
    ]);
    assert_eq!(cycle.code, 2);
    assert!(cycle.stderr.contains("cycle"), "{}", cycle.stderr);
    // None of these wrote a scenario.
    assert_eq!(
        pendulum(&["stats", &doc, "--scenario", "s", "--as-of", DAY]).code,
        2
    );
}
