//! `pendulum export --pdf --poster SIZE`: the whole chart on one page of that size with every
//! name in the PDF's text, and exit 2 naming the size it needs when names would print under
//! 6 pt.

// A failed unwrap is how a test fails.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use pendulum_synth::{Shape, SynthConfig, generate, reference_date};

struct Run {
    code: i32,
    stderr: String,
}

fn pendulum(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pendulum"))
        .args(args)
        .output()
        .expect("run pendulum");
    Run {
        code: out.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A synthetic org of `people` in the "one department of an HR export" shape, as a CSV.
fn hr_export(dir: &Path, people: usize) -> (String, pendulum_core::Org) {
    let org = generate(&SynthConfig {
        shape: Shape::HrExport,
        ..SynthConfig::new(people, 42)
    });
    let path = dir.join("people.csv");
    std::fs::write(&path, pendulum_csv::people_csv(&org)).unwrap();
    (path.display().to_string(), org)
}

fn export_poster(people: &str, size: &str, out: &str) -> Run {
    let as_of = reference_date().to_string();
    pendulum(&[
        "export",
        people,
        "--as-of",
        &as_of,
        "--pdf",
        "--poster",
        size,
        "-o",
        out,
        "--date",
        "2026-01-02",
    ])
}

#[test]
fn a_poster_is_one_page_of_its_size_with_every_name() {
    let dir = tempfile::tempdir().unwrap();
    let (people, org) = hr_export(dir.path(), 300);
    let out = dir.path().join("poster.pdf").display().to_string();
    let run = export_poster(&people, "a1", &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let info = poppler("pdfinfo", &[&out]);
    assert!(info.contains("Pages:           1\n"), "{info}");
    assert!(
        info.contains("1683.78 x 2383.94 pts (A1)") || info.contains("2383.94 x 1683.78 pts (A1)"),
        "{info}"
    );
    let text = poppler("pdftotext", &["-enc", "UTF-8", &out, "-"]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let snap = pendulum_core::Snapshot::new(&org, reference_date(), &Default::default());
    for &p in snap.breadth_first() {
        let name = &snap.person(p).name;
        assert!(flat.contains(name.as_str()), "{name} is not on the poster");
    }
}

#[test]
fn a_custom_poster_is_the_size_written() {
    let dir = tempfile::tempdir().unwrap();
    let (people, _) = hr_export(dir.path(), 120);
    let out = dir.path().join("poster.pdf").display().to_string();
    let run = export_poster(&people, "1000x700mm", &out);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let info = poppler("pdfinfo", &[&out]);
    // 1000 mm and 700 mm in points.
    assert!(
        info.contains("Page size:       2834.65 x 1984.25 pts"),
        "{info}"
    );
}

#[test]
fn a_poster_too_small_exits_2_naming_the_size_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let (people, _) = hr_export(dir.path(), 1_336);
    let out = dir.path().join("poster.pdf");
    let out_arg = out.display().to_string();
    let run = export_poster(&people, "a2", &out_arg);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("does not fit on A2 (420 × 594 mm) with names at 6 pt"),
        "{}",
        run.stderr
    );
    assert!(!out.exists(), "nothing is written");
    // The size it names fits.
    let needed = run
        .stderr
        .split("(--poster ")
        .nth(1)
        .and_then(|t| t.split(')').next())
        .unwrap_or_else(|| panic!("no size in {}", run.stderr));
    let run = export_poster(&people, needed, &out_arg);
    assert_eq!(run.code, 0, "--poster {needed}: {}", run.stderr);
    assert!(poppler("pdfinfo", &[&out_arg]).contains("Pages:           1\n"));
}

#[test]
fn a_bad_poster_size_or_option_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (people, _) = hr_export(dir.path(), 50);
    let out = dir.path().join("p.pdf").display().to_string();
    let run = export_poster(&people, "a7", &out);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("\"a7\" is not one of a2, a1, a0"),
        "{}",
        run.stderr
    );
    let run = pendulum(&[
        "export",
        &people,
        "--pdf",
        "--poster",
        "a1",
        "--one-page",
        "-o",
        &out,
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("does not apply to a poster"),
        "{}",
        run.stderr
    );
}
