//! `pendulum update`: a newer HR export held against a document lists exactly who joined,
//! left, moved and changed, and each scenario's edits that would no longer apply (`--dry-run`
//! changes nothing); applied, it becomes the baseline with every scenario edit kept, is listed
//! in the document's history, and can be undone.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn demo(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../assets/demo")
        .join(file)
}

fn pendulum(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pendulum"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The demo as a document with two scenarios of swings, and a newer export of its people in
/// which Inês left, Diego moved to Ana with a new title, and Noor joined.
fn setup(dir: &Path) -> (PathBuf, PathBuf) {
    let doc = dir.join("larkspur.pendulum");
    let (people, ws, al) = (
        demo("people.csv"),
        demo("workstreams.csv"),
        demo("allocations.csv"),
    );
    let (code, _, err) = pendulum(&[
        "import",
        "--people",
        path(&people),
        "--workstreams",
        path(&ws),
        "--allocations",
        path(&al),
        "-o",
        path(&doc),
    ]);
    assert_eq!(code, 0, "{err}");
    for args in [
        &[
            "--person",
            "p-ana",
            "--to",
            "manager",
            "--reports",
            "p-diego,p-meilin,p-arjun",
            "--apply",
            "ana-lead",
        ][..],
        &[
            "--person",
            "p-henrik",
            "--to",
            "ic",
            "--successor",
            "p-ines",
            "--join",
            "ws-pg16-upgrade=100",
            "--apply",
            "henrik-ic",
        ][..],
    ] {
        let mut all = vec!["simulate", path(&doc), "--as-of", "2027-03-01"];
        all.extend_from_slice(args);
        let (code, _, err) = pendulum(&all);
        assert_eq!(code, 0, "{err}");
    }
    let text = std::fs::read_to_string(&people).unwrap();
    let mut newer: String = text
        .lines()
        .filter(|l| !l.starts_with("p-ines,"))
        .map(|l| {
            l.replace(
                "p-diego,Diego Fernández,Software Engineer II,p-rachel",
                "p-diego,Diego Fernández,Senior Software Engineer,p-ana",
            ) + "\n"
        })
        .collect();
    // The demo's columns end with dotted_managers and cost.
    newer += "p-noor,Noor Haddad,Software Engineer,p-rachel,,Payments,L3,active,2027-03-01,,1,Lisbon,,,false,,\n";
    let export = dir.join("people-2027-03.csv");
    std::fs::write(&export, newer).unwrap();
    let allocations: String = std::fs::read_to_string(&al)
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("p-ines,"))
        .map(|l| l.to_string() + "\n")
        .collect();
    std::fs::write(dir.join("allocations-2027-03.csv"), allocations).unwrap();
    (doc, export)
}

#[test]
fn a_dry_run_lists_who_joined_left_moved_and_changed_and_each_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, export) = setup(dir.path());
    let before = std::fs::read(&doc).unwrap();
    let ws = demo("workstreams.csv");
    let al = dir.path().join("allocations-2027-03.csv");
    let (code, out, err) = pendulum(&[
        "update",
        path(&doc),
        "--people",
        path(&export),
        "--workstreams",
        path(&ws),
        "--allocations",
        path(&al),
        "--dry-run",
        "--as-of",
        "2027-03-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["joined"], serde_json::json!(["p-noor"]));
    assert_eq!(v["left"], serde_json::json!(["p-ines"]));
    assert_eq!(
        v["moved"],
        serde_json::json!([{"person": "p-diego", "from": "p-rachel", "to": "p-ana"}])
    );
    assert_eq!(
        v["changed"],
        serde_json::json!([{"person": "p-diego", "field": "title",
            "old": "Software Engineer II", "new": "Senior Software Engineer"}])
    );
    let conflicts = v["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 2, "{out}");
    // Ana already leads Diego in the export, so the swing that made her his manager no
    // longer applies; Henrik's successor left.
    assert_eq!(conflicts[0]["scenario"], "ana-lead");
    assert_eq!(conflicts[0]["op"], "swing");
    assert!(
        conflicts[0]["reason"]
            .as_str()
            .unwrap()
            .contains("\"p-ana\" is already a manager"),
        "{out}"
    );
    assert_eq!(conflicts[1]["scenario"], "henrik-ic");
    assert!(
        conflicts[1]["reason"]
            .as_str()
            .unwrap()
            .ends_with("(p-ines left: not in the new export)"),
        "{out}"
    );

    // The text names the same, and nothing was written.
    let (code, text, err) = pendulum(&[
        "update",
        path(&doc),
        "--people",
        path(&export),
        "--workstreams",
        path(&ws),
        "--allocations",
        path(&al),
        "--dry-run",
        "--as-of",
        "2027-03-01",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.starts_with(
            "Update from people-2027-03.csv: 1 joined, 1 left, 1 moved, 1 field changed; \
             2 scenario edits no longer apply\n"
        ),
        "{text}"
    );
    assert!(text.contains("  p-diego: p-rachel -> p-ana\n"), "{text}");
    assert!(text.contains("Nothing was written (--dry-run)."), "{text}");
    assert!(
        std::fs::read(&doc).unwrap() == before,
        "the document is unchanged"
    );
}

/// The baseline as a JSON export as of the demo's day.
fn baseline_json(doc: &Path, dir: &Path) -> serde_json::Value {
    let out = dir.join("baseline.json");
    let (code, _, err) = pendulum(&[
        "export",
        path(doc),
        "--json",
        "--as-of",
        "2027-03-01",
        "-o",
        path(&out),
    ]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap()
}

fn manager_of(export: &serde_json::Value, id: &str) -> Option<String> {
    export["org"]["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .map(|p| p["manager_id"].as_str().unwrap_or("").to_string())
}

#[test]
fn update_applies_the_export_keeps_every_edit_lists_its_history_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, export) = setup(dir.path());
    let ws = demo("workstreams.csv");
    let al = dir.path().join("allocations-2027-03.csv");
    let before = baseline_json(&doc, dir.path());
    let update = |format: &str| {
        pendulum(&[
            "update",
            path(&doc),
            "--people",
            path(&export),
            "--workstreams",
            path(&ws),
            "--allocations",
            path(&al),
            "--as-of",
            "2027-03-01",
            "--format",
            format,
        ])
    };
    let (code, out, err) = update("json");
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["joined"], serde_json::json!(["p-noor"]));
    assert_eq!(v["left"], serde_json::json!(["p-ines"]));
    assert_eq!(v["conflicts"].as_array().unwrap().len(), 2, "{out}");
    assert_eq!(
        v["update"],
        serde_json::json!({"id": 1, "day": "2027-03-01", "source": "people-2027-03.csv",
            "summary": "1 joined, 1 left, 1 moved, 1 field changed; 2 scenario edits no longer apply",
            "undone": false})
    );

    // The export is the baseline now.
    let after = baseline_json(&doc, dir.path());
    assert_eq!(manager_of(&after, "p-noor").as_deref(), Some("p-rachel"));
    assert_eq!(manager_of(&after, "p-ines"), None);
    assert_eq!(manager_of(&after, "p-diego").as_deref(), Some("p-ana"));
    // The scenarios keep their edits; the one that no longer applies is skipped and said so.
    let conflict = v["conflicts"][1]["edit"].as_i64().unwrap();
    let (code, _, err) = pendulum(&[
        "check",
        path(&doc),
        "--scenario",
        "henrik-ic",
        "--as-of",
        "2027-03-01",
    ]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(
        err.contains(&format!("edit {conflict} does not apply as of 2027-03-01")),
        "{err}"
    );

    // The dated history, in text and JSON.
    let (code, text, err) = pendulum(&["update", path(&doc), "--history"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        text,
        "2027-03-01          update 1: baseline updated from people-2027-03.csv: 1 joined, 1 left, \
         1 moved, 1 field changed; 2 scenario edits no longer apply\n"
    );

    // Undo, after the process that applied it has ended: the old baseline is back, whole.
    let (code, text, err) = pendulum(&["update", path(&doc), "--undo"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.starts_with("Undone: the update of 2027-03-01 from people-2027-03.csv"),
        "{text}"
    );
    assert_eq!(baseline_json(&doc, dir.path()), before);
    let (_, _, err) = pendulum(&[
        "check",
        path(&doc),
        "--scenario",
        "henrik-ic",
        "--as-of",
        "2027-03-01",
    ]);
    assert!(!err.contains("does not apply"), "{err}");
    let (code, history, _) = pendulum(&["update", path(&doc), "--history", "--format", "json"]);
    assert_eq!(code, 0);
    let history: serde_json::Value = serde_json::from_str(&history).unwrap();
    assert_eq!(history[0]["undone"], true);
    let (code, text, _) = pendulum(&["update", path(&doc), "--undo"]);
    assert_eq!(code, 0);
    assert_eq!(text, "larkspur.pendulum has no baseline update to undo.\n");

    // Applied again, the text says what happened and how to undo it.
    let (code, text, err) = update("text");
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains(
            "Baseline updated: larkspur.pendulum from people-2027-03.csv on 2027-03-01 (update 2)."
        ),
        "{text}"
    );
    assert!(text.contains("--undo"), "{text}");
}

#[test]
fn update_refuses_a_document_as_the_export_and_a_missing_people_file() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, _) = setup(dir.path());
    let before = std::fs::read(&doc).unwrap();
    let (code, _, err) = pendulum(&["update", path(&doc), "--people", path(&doc), "--dry-run"]);
    assert_eq!(code, 2);
    assert!(err.contains("is a Pendulum document"), "{err}");
    let (code, _, err) = pendulum(&["update", path(&doc), "--people", path(&doc)]);
    assert_eq!(code, 2);
    assert!(err.contains("is a Pendulum document"), "{err}");
    let (code, _, err) = pendulum(&["update", path(&doc)]);
    assert_eq!(code, 2);
    assert!(err.contains("--people"), "{err}");
    assert!(
        std::fs::read(&doc).unwrap() == before,
        "the document is unchanged"
    );
}
