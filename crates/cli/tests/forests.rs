//! Real HR exports at scale: people whose manager is missing hang under one placeholder per
//! missing id in `pendulum layout`, and a forest of many trees is set out in rows.

// A failed unwrap is how a test fails.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use pendulum_synth::{Shape, SynthConfig, generate, reference_date};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn pendulum(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pendulum"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run pendulum");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn layout_lists_one_placeholder_node_per_absent_manager() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "people.csv",
        "id,name,manager_id,end_date\n\
         a,Ana,m-1,\n\
         b,Bo,m-1,\n\
         c,Cy,,\n\
         d,Di,x@example.com,\n\
         e,Ed,gone,\n\
         gone,Gus,c,2026-06-01\n",
    );
    let run = pendulum(&["layout", &file, "--as-of", "2026-07-01", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    let people: Vec<&str> = nodes
        .iter()
        .filter(|n| n.get("placeholder").is_none())
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(people.len(), 5, "one node per present person: {people:?}");
    let placeholders: Vec<(&str, u64, Option<&str>)> = nodes
        .iter()
        .filter(|n| n["placeholder"] == true)
        .map(|n| {
            (
                n["id"].as_str().unwrap(),
                n["reports"].as_u64().unwrap(),
                n["name"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        placeholders,
        [
            ("m-1", 2, None),
            ("x@example.com", 1, None),
            ("gone", 1, Some("Gus"))
        ]
    );
    let mut lines: Vec<(&str, &str)> = v["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["from"].as_str().unwrap(), e["to"].as_str().unwrap()))
        .collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        [
            ("gone", "e"),
            ("m-1", "a"),
            ("m-1", "b"),
            ("x@example.com", "d")
        ]
    );
    // unknown-manager still flags each person, not the placeholder.
    let check = pendulum(&["check", &file, "--as-of", "2026-07-01", "--format", "json"]);
    let flags: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let mut unknown: Vec<&str> = flags["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "unknown-manager")
        .map(|f| f["subject"]["id"].as_str().unwrap())
        .collect();
    unknown.sort_unstable();
    assert_eq!(unknown, ["a", "b", "d"]);
    let stats = pendulum(&["stats", &file, "--as-of", "2026-07-01", "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_str(&stats.stdout).unwrap();
    assert_eq!(stats["headcount"], 5, "placeholders are not people");
}

/// Issue 12's shape: 1,336 people, a third under ~140 missing managers.
#[test]
fn a_department_export_lays_out_one_tree_per_missing_manager_in_rows() {
    let dir = tempfile::tempdir().unwrap();
    let org = generate(&SynthConfig {
        shape: Shape::HrExport,
        ..SynthConfig::new(1_336, 42)
    });
    let people = write(dir.path(), "people.csv", &pendulum_csv::people_csv(&org));
    let as_of = reference_date().to_string();
    let run = pendulum(&["layout", &people, "--as-of", &as_of, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    let placeholders = nodes.iter().filter(|n| n["placeholder"] == true).count();
    assert!(
        (120..=160).contains(&placeholders),
        "{placeholders} placeholders"
    );
    let (w, h) = (v["width"].as_f64().unwrap(), v["height"].as_f64().unwrap());
    assert!(w <= 4.0 * h, "the drawing is {w} × {h}");
}
