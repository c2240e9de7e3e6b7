//! `pendulum timeline` (`docs/cli.md`): the JSON shape, each problem ahead starting or
//! ending on exactly the first day `pendulum check --as-of` shows (or stops showing) it — on
//! a document whose scenario holds a dated swing — the text grid, and its usage errors.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use std::path::Path;
use std::process::Command;

use pendulum_core::Date;
use serde_json::Value;

mod support;
use support::{demo, json_of, pendulum};

/// The demo as a document, with a scenario in which Henrik swings back to IC on 2027-05-03
/// (a dated edit) and Inês takes his team.
fn demo_document(dir: &Path) -> String {
    let doc = dir.join("larkspur.pendulum").display().to_string();
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
    let run = pendulum(&[
        "simulate",
        &doc,
        "--person",
        "p-henrik",
        "--to",
        "ic",
        "--successor",
        "p-ines",
        "--join",
        "ws-pg16-upgrade=100",
        "--date",
        "2027-05-03",
        "--as-of",
        "2027-05-03",
        "--apply",
        "henrik-ic",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    doc
}

/// `(rule, subject id)` of every flag `check` shows on `day`.
fn flags_on(doc: &str, scenario: &str, day: Date) -> Vec<(String, String)> {
    let day = day.to_string();
    let v = json_of(&pendulum(&[
        "check",
        doc,
        "--scenario",
        scenario,
        "--as-of",
        &day,
        "--format",
        "json",
    ]));
    v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["subject"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn each_day_ahead_is_the_first_day_check_shows_or_stops_showing_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let doc = demo_document(dir.path());
    let run = pendulum(&[
        "timeline",
        &doc,
        "--scenario",
        "henrik-ic",
        "--from",
        "2027-03-01",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let t: Value = serde_json::from_str(&run.stdout).unwrap();

    assert_eq!(t["from"], "2027-03-01");
    let months: Vec<&str> = t["months"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    assert_eq!(months.len(), 12);
    assert_eq!((months[0], months[11]), ("2027-03-01", "2028-02-01"));
    for w in t["workstreams"].as_array().unwrap() {
        assert!(w["id"].is_string());
        assert_eq!(w["required"].as_array().unwrap().len(), 12);
        assert_eq!(w["effective"].as_array().unwrap().len(), 12);
    }
    let lakehouse = t["workstreams"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["id"] == "ws-lakehouse")
        .unwrap();
    // Data Platform rolls off on 2027-07-01; the migration ends on 2027-09-30.
    assert_eq!(lakehouse["effective"][4], 0.0);
    assert_eq!(lakehouse["required"][4], 5.0);
    assert_eq!(lakehouse["required"][7], 0.0);
    for team in t["teams"].as_array().unwrap() {
        assert!(team["id"].is_string());
        assert_eq!(team["headcount"].as_array().unwrap().len(), 12);
        assert_eq!(team["ic_capacity"].as_array().unwrap().len(), 12);
    }

    let ahead = t["ahead"].as_array().unwrap();
    assert!(ahead.len() > 10, "{ahead:#?}");
    let mut from_the_swing = false;
    for a in ahead {
        let key = (
            a["rule"].as_str().unwrap().to_string(),
            a["subject"]["id"].as_str().unwrap().to_string(),
        );
        assert!(a["subject"]["kind"].is_string() && a["message"].is_string());
        let (day, starts) = match (a.get("starts"), a.get("ends")) {
            (Some(d), None) => (d, true),
            (None, Some(d)) => (d, false),
            other => panic!("one of starts and ends: {other:?}"),
        };
        let day = Date::parse(day.as_str().unwrap()).unwrap();
        let on = flags_on(&doc, "henrik-ic", day).contains(&key);
        let before = flags_on(&doc, "henrik-ic", day.add_days(-1)).contains(&key);
        assert_eq!(
            (before, on),
            (!starts, starts),
            "{key:?} {} on {day}",
            if starts { "starts" } else { "ends" }
        );
        from_the_swing |= key.0 == "pendulum-due" && key.1 == "p-henrik";
    }
    assert!(from_the_swing, "the dated swing ends Henrik's pendulum-due");
}

#[test]
fn the_text_form_is_a_month_grid_with_gaps_marked() {
    let run = pendulum(&[
        "timeline",
        &demo("people.csv"),
        "--workstreams",
        &demo("workstreams.csv"),
        "--allocations",
        &demo("allocations.csv"),
        "--from",
        "2027-03-01",
        "--months",
        "6",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = &run.stdout;
    assert!(
        text.contains("Mar'27    Apr    May    Jun    Jul    Aug"),
        "{text}"
    );
    // Passkeys has no one on it: a gap every month until it ends in August.
    let passkeys = text.lines().find(|l| l.starts_with("ws-passkeys")).unwrap();
    assert_eq!(passkeys.matches("0!").count(), 6, "{passkeys}");
    let lakehouse = text
        .lines()
        .find(|l| l.starts_with("ws-lakehouse"))
        .unwrap();
    assert!(lakehouse.ends_with("0!     0!"), "{lakehouse}");
    assert!(text.contains(
        "2027-07-01 + workstream-unstaffed  Warehouse to lakehouse migration becomes unstaffed on 2027-07-01: the allocations of"
    ));
    assert!(!text.contains('\u{1b}'), "plain when piped");
}

#[test]
fn months_out_of_range_exit_2_naming_the_range() {
    for bad in ["0", "121"] {
        let run = pendulum(&[
            "timeline",
            &demo("people.csv"),
            "--months",
            bad,
            "--from",
            "2027-03-01",
        ]);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr.contains(&format!(
                "months must be a whole number from 1 to 120, found {bad}"
            )),
            "{}",
            run.stderr
        );
    }
}

/// `pdftotext -layout` of a PDF file.
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_pdf_prints_the_timeline_with_timeline_and_only_then() {
    let dir = tempfile::tempdir().unwrap();
    let doc = demo_document(dir.path());
    let args = |out: &str, timeline: bool| {
        let mut a = vec![
            "export".to_string(),
            doc.clone(),
            "--scenario".into(),
            "henrik-ic".into(),
            "--as-of".into(),
            "2027-03-01".into(),
            "--date".into(),
            "2027-03-01".into(),
            "--pdf".into(),
            "-o".into(),
            out.into(),
        ];
        if timeline {
            a.push("--timeline".into());
        }
        a
    };
    let with = dir.path().join("with.pdf").display().to_string();
    let without = dir.path().join("without.pdf").display().to_string();
    for (out, t) in [(&with, true), (&without, false)] {
        let a = args(out, t);
        let run = pendulum(&a.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let text = pdf_text(Path::new(&with));
    assert!(text.contains("Staffing over the next 12 months"), "{text}");
    assert!(text.contains("March 2027 to February 2028"), "{text}");
    assert!(text.contains("Warehouse to lakehouse migration"), "{text}");
    // Every problem ahead `pendulum timeline` finds is on the page, on its day.
    let run = pendulum(&[
        "timeline",
        &doc,
        "--scenario",
        "henrik-ic",
        "--from",
        "2027-03-01",
        "--format",
        "json",
    ]);
    let t = json_of(&run);
    let ahead = t["ahead"].as_array().unwrap();
    assert!(!ahead.is_empty());
    // The list may run over several pages, each headed "(continued)".
    let page: String = text
        .split('\u{c}')
        .filter(|p| p.contains("What changes in the months ahead"))
        .collect();
    for a in ahead {
        let day = a["starts"].as_str().or(a["ends"].as_str()).unwrap();
        let rule = a["rule"].as_str().unwrap();
        assert!(
            page.lines().any(|l| l.contains(day) && l.contains(rule)),
            "{rule} on {day} in {page}"
        );
    }
    let plain = pdf_text(Path::new(&without));
    assert!(!plain.contains("Staffing over the next"), "{plain}");

    let run = pendulum(&[
        "export",
        &doc,
        "--svg",
        "--timeline",
        "-o",
        &dir.path().join("c.svg").display().to_string(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("--timeline goes with --pdf"),
        "{}",
        run.stderr
    );
}
