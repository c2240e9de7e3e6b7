//! The packed chart pages of orgs shaped like one department of an HR export, read back with
//! poppler: every present person's name and every placeholder (dashed "Not in this file" or
//! "Not here on <day>" card) is in `pdftotext`'s output, and names print at 6 pt or more.

use std::process::Command;

use pendulum_core::{AbsentManager, RuleConfig, Snapshot, check};
use pendulum_export::{PageSize, PdfOptions, ReportInput, chart_figures, default_title, pdf};
use pendulum_synth::{Shape, SynthConfig, generate, reference_date};
use proptest::prelude::*;

fn pdftotext(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_report(
    people: usize,
    seed: u64,
    page: PageSize,
    landscape: bool,
) -> Result<(), TestCaseError> {
    let org = generate(&SynthConfig {
        shape: Shape::HrExport,
        ..SynthConfig::new(people, seed)
    });
    let config = RuleConfig::default();
    let snap = Snapshot::new(&org, reference_date(), &config);
    let flags = check(&snap, &config);
    let input = ReportInput {
        timeline: None,
        snapshot: &snap,
        config: &config,
        flags: &flags,
        cost: None,
        scenario: None,
    };
    let opts = PdfOptions {
        page,
        landscape,
        ..PdfOptions::new(default_title(&snap), reference_date())
    };
    let bytes = pdf(&input, &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let text = pdftotext(&bytes);
    for &p in snap.breadth_first() {
        let name = snap
            .person(p)
            .name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        prop_assert!(text.contains(&name), "{name} is not in the PDF's text");
    }
    if !snap.placeholders().is_empty() {
        prop_assert!(
            text.contains("NOT IN THIS FILE") || text.contains("NOT HERE ON"),
            "no placeholder card in the PDF's text"
        );
    }
    for (k, h) in snap.placeholders().iter().enumerate() {
        let shown = match h.manager {
            AbsentManager::NotInFile(id) => id.to_owned(),
            AbsentManager::NotHere(m) => snap.person(m).name.clone(),
        };
        prop_assert!(
            text.contains(&shown),
            "placeholder {k} ({shown}) is not in the PDF's text"
        );
    }
    let figures =
        chart_figures(&input, &[], &opts).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let smallest = figures.name_pt.first().copied().unwrap_or(6.0);
    prop_assert!(smallest >= 6.0 - 1e-9, "a name prints at {smallest} pt");
    if snap.tops().len() > 1 {
        prop_assert!(
            figures
                .title
                .ends_with(&format!("in {} trees", snap.tops().len())),
            "{}",
            figures.title
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    #[test]
    fn every_name_and_placeholder_is_in_the_pdf_text(
        people in 40usize..160,
        seed in 0u64..1_000,
        page in prop_oneof![Just(PageSize::A4), Just(PageSize::Letter), Just(PageSize::A3)],
        landscape in any::<bool>(),
    ) {
        check_report(people, seed, page, landscape)?;
    }
}

/// The bar for the 1,336-person export shape: every name in the text, at least 30
/// people per chart page on average, names at 6 pt or more with the median at 7.5 pt or more,
/// on A4 landscape and portrait, Letter and A3.
#[test]
fn the_issue_sized_export_packs_30_people_a_page() {
    let org = generate(&SynthConfig {
        shape: Shape::HrExport,
        ..SynthConfig::new(1_336, 42)
    });
    let config = RuleConfig::default();
    let snap = Snapshot::new(&org, reference_date(), &config);
    let flags = check(&snap, &config);
    let input = ReportInput {
        timeline: None,
        snapshot: &snap,
        config: &config,
        flags: &flags,
        cost: None,
        scenario: None,
    };
    for page in [PageSize::A4, PageSize::Letter, PageSize::A3] {
        for landscape in [true, false] {
            let opts = PdfOptions {
                page,
                landscape,
                ..PdfOptions::new(default_title(&snap), reference_date())
            };
            let f = chart_figures(&input, &[], &opts).unwrap_or_else(|e| panic!("{e}"));
            let paper = format!("{page:?}, landscape {landscape}");
            assert!(f.people_per_page() >= 30.0, "{paper}: {f:?}");
            assert!(f.name_pt.first().is_some_and(|&pt| pt >= 6.0), "{paper}");
            assert!(f.median_name_pt() >= 7.5, "{paper}: {}", f.median_name_pt());
        }
    }
    check_report(1_336, 42, PageSize::A4, true).unwrap_or_else(|e| panic!("{e}"));
}
