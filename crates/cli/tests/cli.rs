//! CLI journeys: the real `pendulum` binary on fixture orgs, compared with committed golden
//! outputs (`PENDULUM_BLESS=1 cargo test -p pendulum-cli` rewrites them after a deliberate
//! change; review the diff).

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(rel: &str) -> String {
    repo()
        .join("tests/fixtures")
        .join(rel)
        .display()
        .to_string()
}

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

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("PENDULUM_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing golden file {}; run with PENDULUM_BLESS=1",
            path.display()
        )
    });
    if expected != actual {
        let mut report = String::new();
        for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
            if e != a {
                report = format!(
                    "first difference at line {}:\n  expected: {e}\n  actual:   {a}",
                    i + 1
                );
                break;
            }
        }
        if report.is_empty() {
            report = format!(
                "expected {} lines, got {}",
                expected.lines().count(),
                actual.lines().count()
            );
        }
        panic!("{name} differs from its golden file\n{report}\n--- actual ---\n{actual}");
    }
}

fn tiny(cmd: &str, extra: &[&str]) -> Run {
    let people = fixture("orgs/tiny/people.csv");
    let ws = fixture("orgs/tiny/workstreams.csv");
    let al = fixture("orgs/tiny/allocations.csv");
    let mut args = vec![
        cmd,
        &people,
        "--workstreams",
        &ws,
        "--allocations",
        &al,
        "--as-of",
        "2027-03-01",
    ];
    args.extend_from_slice(extra);
    pendulum(&args)
}

#[test]
fn check_json_lists_exactly_the_flags_of_the_tiny_org() {
    let run = tiny("check", &["--format", "json"]);
    assert_eq!(
        run.code, 1,
        "errors present → exit 1; stderr: {}",
        run.stderr
    );
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let got: Vec<String> = v["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["rule"].as_str().unwrap(),
                f["subject"]["id"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "unknown-manager e8",
            "workstream-unstaffed ws-docs",
            "span-too-narrow e5",
            "person-overallocated e4",
            "person-overallocated e6",
            "workstream-overloaded ws-jit",
            "single-point-of-failure ws-gc",
            "single-point-of-failure ws-jit",
            "migrations-in-flight Runtime",
            "pendulum-due e2",
        ]
    );
    assert_eq!(v["as_of"], "2027-03-01");
    assert_eq!(v["summary"]["errors"], 2);
    assert_eq!(v["summary"]["warnings"], 7);
    assert_eq!(v["summary"]["info"], 1);
    for f in v["flags"].as_array().unwrap() {
        for key in ["rule", "severity", "message"] {
            assert!(f[key].is_string(), "flag lacks {key}: {f}");
        }
        assert!(f["subject"]["kind"].is_string());
    }
    golden("check-tiny.json", &run.stdout);
}

#[test]
fn check_text_is_grouped_and_plain_when_piped() {
    let run = tiny("check", &[]);
    assert_eq!(run.code, 1);
    assert!(!run.stdout.contains('\x1b'), "no colour codes when piped");
    golden("check-tiny.txt", &run.stdout);
}

#[test]
fn stats_json_has_the_spec_fields() {
    let run = tiny("stats", &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    for key in [
        "headcount",
        "managers",
        "ics",
        "open_roles",
        "ic_capacity",
        "mean_span",
        "max_span",
        "layers",
        "span_histogram",
    ] {
        assert!(!v[key].is_null(), "stats lacks {key}");
    }
    // e7 is an open role starting after the date: not present, so no open role yet.
    assert_eq!(v["headcount"], 8 - 1);
    assert_eq!(v["managers"], 3);
    assert_eq!(v["ics"], 4);
    assert_eq!(v["open_roles"], 0);
    assert_eq!(v["max_span"], 2);
    assert_eq!(v["layers"], 3);
    assert_eq!(v["span_histogram"]["2"], 2);
    assert_eq!(v["span_histogram"]["1"], 1);
    golden("stats-tiny.json", &run.stdout);
    golden("stats-tiny.txt", &tiny("stats", &[]).stdout);
}

#[test]
fn the_oracle_hr_sample_imports_as_it_is() {
    let path = fixture("csv/d3-org-chart-oracle-hr.csv");
    let run = pendulum(&["stats", &path, "--as-of", "2027-03-01", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["headcount"], 107);
    assert_eq!(v["layers"], 4);
    assert_eq!(v["max_span"], 14);
    let check = pendulum(&["check", &path, "--as-of", "2027-03-01", "--format", "json"]);
    assert_eq!(
        check.code, 0,
        "no error flags in the sample: {}",
        check.stdout
    );
    assert!(check.stdout.contains("\"span-too-wide\""));
    let denied = pendulum(&[
        "check",
        &path,
        "--as-of",
        "2027-03-01",
        "--deny",
        "warnings",
    ]);
    assert_eq!(denied.code, 1, "warnings fail with --deny warnings");
}

#[test]
fn rule_config_overrides_thresholds() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("rules.json");
    std::fs::write(&cfg, r#"{"min_span": 1, "max_migrations": 2}"#).unwrap();
    let cfg_arg = cfg.display().to_string();
    let run = tiny("check", &["--format", "json", "--rule-config", &cfg_arg]);
    assert!(!run.stdout.contains("span-too-narrow"), "{}", run.stdout);
    assert!(!run.stdout.contains("migrations-in-flight"));
    assert!(run.stdout.contains("unknown-manager"));

    std::fs::write(&cfg, r#"{"min_spam": 1}"#).unwrap();
    let bad = tiny("check", &["--rule-config", &cfg_arg]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("rules.json") && bad.stderr.contains("min_spam"),
        "{}",
        bad.stderr
    );

    std::fs::write(&cfg, r#"{"overload_ratio": -1}"#).unwrap();
    let bad = tiny("check", &["--rule-config", &cfg_arg]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("overload_ratio"), "{}", bad.stderr);
}

#[test]
fn malformed_csv_exits_2_naming_file_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let people = dir.path().join("people.csv");
    std::fs::write(
        &people,
        "id,name,manager_id,start_date\na,Ann,,2024-01-01\nb,Bob,a,2024-13-01\n",
    )
    .unwrap();
    let run = pendulum(&["check", &people.display().to_string()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("people.csv:3:4"),
        "row 3, column 4: {}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(pendulum(&["check"]).code, 2);
    assert_eq!(pendulum(&["frobnicate"]).code, 2);
    let run = pendulum(&[
        "check",
        &fixture("orgs/tiny/people.csv"),
        "--as-of",
        "2027-02-30",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("2027-02-30"), "{}", run.stderr);
    let missing = pendulum(&["check", "/nonexistent/people.csv"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("/nonexistent/people.csv"),
        "{}",
        missing.stderr
    );
}

#[test]
fn json_export_round_trips_through_check() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("org.json");
    let out_arg = out.display().to_string();
    let export = tiny("export", &["--json", "-o", &out_arg]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    let direct = tiny("check", &["--format", "json"]).stdout;
    let again = pendulum(&[
        "check",
        &out_arg,
        "--as-of",
        "2027-03-01",
        "--format",
        "json",
    ]);
    assert_eq!(again.stdout, direct);
    // Exporting the export gives the same bytes.
    let out2 = dir.path().join("org2.json");
    let out2_arg = out2.display().to_string();
    assert_eq!(
        pendulum(&["export", &out_arg, "--json", "-o", &out2_arg]).code,
        0
    );
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&out2).unwrap());
}

#[test]
fn csv_export_round_trips_through_check() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("people.csv");
    let out_arg = out.display().to_string();
    let export = tiny("export", &["--csv", "-o", &out_arg]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    for name in [
        "people-workstreams.csv",
        "people-allocations.csv",
        "people-workload.csv",
    ] {
        assert!(dir.path().join(name).exists(), "{name} written");
    }
    let ws = dir
        .path()
        .join("people-workstreams.csv")
        .display()
        .to_string();
    let al = dir
        .path()
        .join("people-allocations.csv")
        .display()
        .to_string();
    let again = pendulum(&[
        "check",
        &out_arg,
        "--workstreams",
        &ws,
        "--allocations",
        &al,
        "--as-of",
        "2027-03-01",
        "--format",
        "json",
    ]);
    assert_eq!(again.stdout, tiny("check", &["--format", "json"]).stdout);
}

#[test]
fn bad_json_names_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("org.json");
    std::fs::write(
        &path,
        r#"{"format":"pendulum-org","version":1,"org":{"people":[{"id":"a","name":"A","fte":2}]}}"#,
    )
    .unwrap();
    let run = pendulum(&["check", &path.display().to_string()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("people[0].fte"), "{}", run.stderr);
}

fn demo_import(dir: &Path) -> String {
    let out = dir.join("demo.pendulum").display().to_string();
    let run = pendulum(&[
        "import",
        "--people",
        &repo().join("assets/demo/people.csv").display().to_string(),
        "--workstreams",
        &repo()
            .join("assets/demo/workstreams.csv")
            .display()
            .to_string(),
        "--allocations",
        &repo()
            .join("assets/demo/allocations.csv")
            .display()
            .to_string(),
        "-o",
        &out,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    out
}

#[test]
fn an_imported_document_checks_like_its_csvs() {
    let dir = tempfile::tempdir().unwrap();
    let doc = demo_import(dir.path());
    let from_doc = pendulum(&["check", &doc, "--as-of", "2027-03-01", "--format", "json"]);
    let demo = |f: &str| repo().join("assets/demo").join(f).display().to_string();
    let from_csv = pendulum(&[
        "check",
        &demo("people.csv"),
        "--workstreams",
        &demo("workstreams.csv"),
        "--allocations",
        &demo("allocations.csv"),
        "--as-of",
        "2027-03-01",
        "--format",
        "json",
    ]);
    assert_eq!(from_doc.code, from_csv.code);
    assert_eq!(from_doc.stdout, from_csv.stdout);
    let stats_doc = pendulum(&["stats", &doc, "--as-of", "2027-03-01", "--format", "json"]);
    assert_eq!(stats_doc.code, 0);
    assert!(
        stats_doc.stdout.contains("\"headcount\": 87"),
        "{}",
        stats_doc.stdout
    );
    // Importing over an existing document is refused unless forced, and leaves it intact.
    let before = std::fs::read(&doc).unwrap();
    let again = pendulum(&["import", "--people", &demo("people.csv"), "-o", &doc]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    assert_eq!(std::fs::read(&doc).unwrap(), before);
    assert_eq!(pendulum(&["check", &doc, "--scenario", "nope"]).code, 2);
}

#[test]
fn the_demo_imports_its_pay_and_exports_none_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let demo = |f: &str| repo().join("assets/demo").join(f).display().to_string();
    let doc = dir.path().join("pay.pendulum").display().to_string();
    let run = pendulum(&[
        "import",
        "--people",
        &demo("people.csv"),
        "--workstreams",
        &demo("workstreams.csv"),
        "--allocations",
        &demo("allocations.csv"),
        "--bands",
        &demo("bands.csv"),
        "--budgets",
        &demo("budgets.csv"),
        "-o",
        &doc,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("83 allocations, 9 bands, 2 budgets"),
        "{}",
        run.stderr
    );
    let stats = pendulum(&["stats", &doc, "--as-of", "2027-03-01", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stats.stdout).unwrap();
    assert_eq!(json["cost"]["currency"], "EUR", "{}", stats.stdout);
    assert_eq!(json["cost"]["annual"], 8_698_350.5);
    assert_eq!(json["cost"]["unknown"], 1);
    assert_eq!(json["cost"]["by_team"]["Mobile"], 1_197_800.5);
    let check = pendulum(&["check", &doc, "--as-of", "2027-03-01"]);
    assert!(
        check.stdout.contains("Team Mobile runs 4.16% over"),
        "{}",
        check.stdout
    );

    // The people's own costs and the bands, as a CSV or JSON export would write them.
    let amounts = [
        "231500", "182250", "89200", "149800", "118000", "1150000", "820000",
    ];
    for (flag, file) in [("--csv", "people.csv"), ("--json", "org.json")] {
        let out = dir.path().join(file);
        let run = pendulum(&["export", &doc, flag, "-o", &out.display().to_string()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let text = std::fs::read_to_string(&out).unwrap();
        for a in amounts {
            assert!(!text.contains(a), "{file} holds {a} without --with-cost");
        }
        let with = dir.path().join(format!("with-{file}"));
        let run = pendulum(&[
            "export",
            &doc,
            flag,
            "--with-cost",
            "-o",
            &with.display().to_string(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let text = std::fs::read_to_string(&with).unwrap();
        assert!(
            text.contains("231500"),
            "{file} with --with-cost lacks Priya's cost"
        );
    }
}

#[test]
fn bad_pay_files_exit_2_naming_file_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let people = dir.path().join("people.csv");
    std::fs::write(&people, "id,name,team,level,cost\np1,Ada,Core,L3,12O000\n").unwrap();
    let bands = dir.path().join("bands.csv");
    std::fs::write(
        &bands,
        "level,annual_cost,currency\nL3,68000,EUR\nL4,84000,USD\n",
    )
    .unwrap();
    let budgets = dir.path().join("budgets.csv");
    std::fs::write(&budgets, "team,annual_budget\nCore,100000\nNowhere,5\n").unwrap();
    let run = pendulum(&[
        "stats",
        &people.display().to_string(),
        "--bands",
        &bands.display().to_string(),
        "--budgets",
        &budgets.display().to_string(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    for expected in [
        "people.csv:2:5 (cost): \"12O000\" is not an amount of money",
        "bands.csv: the currency column mixes currencies: EUR in row 2; USD in row 3",
        "budgets.csv:3:1 (team): no person or workstream is in team \"Nowhere\"",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    // With a document, the pay files have nowhere to go.
    let doc = demo_import(dir.path());
    let run = pendulum(&["stats", &doc, "--bands", &bands.display().to_string()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("--bands and --budgets go with a people CSV"),
        "{}",
        run.stderr
    );
}

#[test]
fn foreign_truncated_and_newer_files_exit_2_and_stay_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let doc = demo_import(dir.path());
    let bytes = std::fs::read(&doc).unwrap();

    let truncated = dir.path().join("truncated.pendulum");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();

    let newer = dir.path().join("newer.pendulum");
    let mut newer_bytes = bytes.clone();
    // SQLite keeps user_version (our schema version) big-endian at byte offset 60.
    newer_bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(&newer, &newer_bytes).unwrap();

    let foreign = dir.path().join("other.pendulum");
    std::fs::write(&foreign, &bytes[..100]).unwrap();
    let mut other = bytes.clone();
    other[68..72].copy_from_slice(&0x1234_5678u32.to_be_bytes()); // application_id
    std::fs::write(&foreign, &other).unwrap();

    for (path, needle) in [
        (&truncated, "truncated.pendulum"),
        (&newer, "newer Pendulum"),
        (&foreign, "not a Pendulum document"),
    ] {
        let before = std::fs::read(path).unwrap();
        let run = pendulum(&["check", &path.display().to_string()]);
        assert_eq!(run.code, 2, "{}: {}", path.display(), run.stderr);
        assert!(
            run.stderr.contains(needle),
            "{}: {}",
            path.display(),
            run.stderr
        );
        assert_eq!(
            std::fs::read(path).unwrap(),
            before,
            "{} unchanged",
            path.display()
        );
    }
}

#[test]
fn layout_json_has_one_box_per_present_person_and_no_overlaps() {
    let demo = repo().join("assets/demo/people.csv").display().to_string();
    let run = pendulum(&["layout", &demo, "--as-of", "2027-03-01", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let nodes = v["nodes"].as_array().unwrap();
    let edges = v["edges"].as_array().unwrap();
    // 89 rows, one open role starting after the date.
    assert_eq!(nodes.len(), 88);
    assert_eq!(edges.len(), 87, "one root, so one line per other person");
    let boxes: Vec<[f64; 4]> = nodes
        .iter()
        .map(|n| ["x", "y", "width", "height"].map(|k| n[k].as_f64().unwrap()))
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        assert!(a[0] >= 0.0 && a[1] >= 0.0);
        for b in &boxes[i + 1..] {
            let apart = a[0] + a[2] <= b[0]
                || b[0] + b[2] <= a[0]
                || a[1] + a[3] <= b[1]
                || b[1] + b[3] <= a[1];
            assert!(apart, "boxes overlap: {a:?} {b:?}");
        }
    }
    for e in edges {
        assert!(e["points"].as_array().unwrap().len() >= 2);
    }
    // The demo's two dotted lines, from the secondary manager to the person; spans ignore them.
    let dotted: Vec<(&str, &str)> = v["dotted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["from"].as_str().unwrap(), d["to"].as_str().unwrap()))
        .collect();
    assert_eq!(dotted, [("p-segun", "p-zoe"), ("p-mateus", "p-viktor")]);
    for d in v["dotted"].as_array().unwrap() {
        assert!(d["points"].as_array().unwrap().len() >= 2);
    }
    let sub = pendulum(&[
        "layout",
        &demo,
        "--as-of",
        "2027-03-01",
        "--root",
        "p-rachel",
    ]);
    let v: serde_json::Value = serde_json::from_str(&sub.stdout).unwrap();
    assert_eq!(
        v["nodes"].as_array().unwrap().len(),
        8,
        "Rachel and her 7 reports"
    );
    assert_eq!(
        v["dotted"],
        serde_json::json!([]),
        "no dotted line within her team"
    );
    let missing = pendulum(&["layout", &demo, "--root", "nobody"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nobody"), "{}", missing.stderr);
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e} (install poppler-utils)"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Issue 5's done-when: a 500-person org that is not in the repo gives a legible, complete,
/// paged PDF (every name in `pdftotext`), and its layout has no overlapping boxes.
#[test]
fn a_500_person_org_exports_a_complete_paged_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let org = pendulum_synth::generate(&pendulum_synth::SynthConfig::new(500, 2027));
    let people = dir.path().join("acme.csv");
    std::fs::write(&people, pendulum_csv::people_csv(&org)).unwrap();
    let people_arg = people.display().to_string();
    let as_of = pendulum_synth::reference_date().to_string();
    let pdf = dir.path().join("acme.pdf");
    let pdf_arg = pdf.display().to_string();
    let run = pendulum(&[
        "export",
        &people_arg,
        "--as-of",
        &as_of,
        "--pdf",
        "-o",
        &pdf_arg,
        "--date",
        "2027-03-01",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let info = poppler("pdfinfo", &[&pdf_arg]);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!(pages > 3, "paged: {info}");
    assert!(
        info.contains("595.28 x 841.89 pts (A4)"),
        "A4 portrait by default: {info}"
    );
    let text = poppler("pdftotext", &["-layout", &pdf_arg, "-"]);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let snapshot =
        pendulum_core::Snapshot::new(&org, pendulum_synth::reference_date(), &Default::default());
    let mut missing = Vec::new();
    for &i in snapshot.breadth_first() {
        let name = &snapshot.person(i).name;
        if !flat.contains(name.as_str()) {
            missing.push(name.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "{} names missing from the PDF text, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
    // Same input and date give the same bytes.
    let again = dir.path().join("again.pdf");
    let again_arg = again.display().to_string();
    assert_eq!(
        pendulum(&[
            "export",
            &people_arg,
            "--as-of",
            &as_of,
            "--pdf",
            "-o",
            &again_arg,
            "--date",
            "2027-03-01"
        ])
        .code,
        0
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&again).unwrap());

    let layout = pendulum(&["layout", &people_arg, "--as-of", &as_of]);
    let v: serde_json::Value = serde_json::from_str(&layout.stdout).unwrap();
    let mut boxes: Vec<[f64; 4]> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| ["x", "y", "width", "height"].map(|k| n[k].as_f64().unwrap()))
        .collect();
    assert_eq!(boxes.len(), snapshot.breadth_first().len());
    boxes.sort_by(|a, b| a[0].total_cmp(&b[0]));
    for (i, a) in boxes.iter().enumerate() {
        for b in boxes[i + 1..].iter().take_while(|b| b[0] < a[0] + a[2]) {
            let apart = a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
            assert!(apart, "boxes overlap: {a:?} {b:?}");
        }
    }
}

#[test]
fn svg_and_pdf_options_work_and_bad_ones_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let demo = repo().join("assets/demo/people.csv").display().to_string();
    let svg = dir.path().join("chart.svg").display().to_string();
    let run = pendulum(&[
        "export",
        &demo,
        "--as-of",
        "2027-03-01",
        "--svg",
        "-o",
        &svg,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg") && text.contains("Priya Raman"));

    let pdf = dir.path().join("r.pdf").display().to_string();
    let run = pendulum(&[
        "export",
        &demo,
        "--as-of",
        "2027-03-01",
        "--pdf",
        "-o",
        &pdf,
        "--page",
        "letter",
        "--landscape",
        "--root",
        "p-rachel",
        "--date",
        "2027-03-01",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let info = poppler("pdfinfo", &[&pdf]);
    assert!(info.contains("792 x 612 pts (letter)"), "{info}");
    let text = poppler("pdftotext", &[&pdf, "-"]);
    assert!(text.contains("Rachel Goldberg") && text.contains("Diego Fernández"));
    assert!(
        !text.contains("Papadopoulou") && !text.contains("Σοφία"),
        "only Rachel's subtree is printed"
    );

    for bad in [
        &["--page", "a5"][..],
        &["--root", "nobody"],
        &["--break-every", "0"],
    ] {
        let mut args = vec!["export", &demo, "--pdf", "-o", &pdf];
        args.extend_from_slice(bad);
        let run = pendulum(&args);
        assert_eq!(run.code, 2, "{bad:?}: {}", run.stderr);
    }
}

/// The width and height a PNG's header gives.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "not a PNG"
    );
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn png_is_the_chart_at_twice_its_size_and_the_same_bytes_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let demo = repo().join("assets/demo/people.csv").display().to_string();
    let export = |flag: &str, out: &str, root: Option<&str>| {
        let mut args = vec!["export", &demo, "--as-of", "2027-03-01", flag, "-o", out];
        if let Some(root) = root {
            args.extend(["--root", root]);
        }
        let run = pendulum(&args);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!("wrote {out}")),
            "{}",
            run.stderr
        );
        std::fs::read(out).unwrap()
    };
    let path = |name: &str| dir.path().join(name).display().to_string();
    let svg = String::from_utf8(export("--svg", &path("chart.svg"), Some("p-rachel"))).unwrap();
    let attr = |name: &str| -> f64 {
        let from = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[from..].split('"').next().unwrap().parse().unwrap()
    };
    let png = export("--png", &path("a.png"), Some("p-rachel"));
    assert_eq!(
        png_size(&png),
        (
            (attr("width") * 2.0).ceil() as u32,
            (attr("height") * 2.0).ceil() as u32
        )
    );
    assert_eq!(export("--png", &path("b.png"), Some("p-rachel")), png);
    let whole = export("--png", &path("whole.png"), None);
    assert!(png_size(&whole).0 > png_size(&png).0);

    let run = pendulum(&[
        "export",
        &demo,
        "--png",
        "-o",
        &path("c.png"),
        "--root",
        "nobody",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = pendulum(&["export", &demo, "--png", "--svg", "-o", &path("d.png")]);
    assert_eq!(run.code, 2, "one format at a time: {}", run.stderr);
}

#[test]
fn a_scenario_pdf_carries_its_diff_and_its_swings() {
    let dir = tempfile::tempdir().unwrap();
    let doc = demo_import(dir.path());
    let apply = pendulum(&[
        "simulate",
        &doc,
        "--as-of",
        "2027-03-01",
        "--person",
        "p-ana",
        "--to",
        "manager",
        "--reports",
        "p-diego,p-meilin,p-arjun",
        "--apply",
        "ana-leads",
    ]);
    assert_eq!(apply.code, 0, "{}", apply.stderr);
    let pdf = dir.path().join("ana.pdf").display().to_string();
    let run = pendulum(&[
        "export",
        &doc,
        "--scenario",
        "ana-leads",
        "--as-of",
        "2027-03-01",
        "--pdf",
        "-o",
        &pdf,
        "--date",
        "2027-03-01",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = poppler("pdftotext", &[&pdf, "-"]);
    assert!(text.contains("compared with baseline"), "the diff pages");
    assert!(text.contains("swings to manager"), "the swing report");
    // The history dates the swing from the log's own swing edit.
    let history = pendulum(&[
        "history",
        &doc,
        "--scenario",
        "ana-leads",
        "--person",
        "p-ana",
        "--as-of",
        "2027-03-01",
    ]);
    assert!(
        history.stdout.contains("2027-03-01 – now") && history.stdout.contains("manager"),
        "{}",
        history.stdout
    );
}
