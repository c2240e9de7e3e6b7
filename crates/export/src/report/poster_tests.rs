//! The poster: one page of the paper asked for, every present person drawn once with names at
//! 6 pt or more, and a refusal that names a size which then fits.

use pendulum_core::{RuleConfig, Snapshot, check};
use pendulum_synth::{Shape, SynthConfig, generate, reference_date};

use crate::{ExportError, PdfOptions, PosterSize, ReportInput};

fn org(people: usize, shape: Shape) -> pendulum_core::Org {
    generate(&SynthConfig {
        shape,
        ..SynthConfig::new(people, 7)
    })
}

fn compose(
    org: &pendulum_core::Org,
    paper: PosterSize,
) -> Result<crate::report::Composed, ExportError> {
    let config = RuleConfig::default();
    let snap = Snapshot::new(org, reference_date(), &config);
    let flags = check(&snap, &config);
    let input = ReportInput {
        snapshot: &snap,
        config: &config,
        flags: &flags,
        scenario: None,
        cost: None,
        timeline: None,
    };
    let opts = PdfOptions {
        poster: Some(paper),
        ..PdfOptions::new("Poster", reference_date())
    };
    crate::report::compose(&input, &[], &opts)
}

#[test]
fn sizes_parse_as_written() {
    assert_eq!(PosterSize::parse("A1"), Some(PosterSize::A1));
    assert_eq!(PosterSize::parse(" a0 "), Some(PosterSize::A0));
    assert_eq!(
        PosterSize::parse("900x1200mm"),
        Some(PosterSize::Mm {
            width: 900.0,
            height: 1200.0
        })
    );
    assert_eq!(
        PosterSize::parse("610×914.4"),
        Some(PosterSize::Mm {
            width: 610.0,
            height: 914.4
        })
    );
    for bad in [
        "a5", "", "x", "900", "900x", "0x100", "99x500", "6000x900", "axb", "nanxnan",
    ] {
        assert_eq!(PosterSize::parse(bad), None, "{bad:?}");
    }
    assert_eq!(PosterSize::A1.to_string(), "A1 (594 × 841 mm)");
}

#[test]
fn a_poster_is_one_page_of_its_paper_with_everyone_legible() -> Result<(), ExportError> {
    let org = org(400, Shape::HrExport);
    let doc = compose(&org, PosterSize::A0)?;
    assert_eq!(doc.pages.len(), 1);
    let (w, h) = doc.size;
    let (pw, ph) = PosterSize::A0.points();
    assert!(
        (w - pw).abs() < 0.01 && (h - ph).abs() < 0.01
            || (w - ph).abs() < 0.01 && (h - pw).abs() < 0.01,
        "{w} x {h}"
    );
    let config = RuleConfig::default();
    let snap = Snapshot::new(&org, reference_date(), &config);
    assert_eq!(doc.chart.people, vec![snap.breadth_first().len()]);
    assert_eq!(doc.chart.name_pt.len(), snap.breadth_first().len());
    assert!(doc.chart.name_pt.iter().all(|&pt| pt >= 6.0 - 1e-9));
    Ok(())
}

#[test]
fn a_custom_poster_keeps_its_orientation() -> Result<(), ExportError> {
    let org = org(60, Shape::Realistic);
    let paper = PosterSize::Mm {
        width: 1200.0,
        height: 500.0,
    };
    let doc = compose(&org, paper)?;
    let (pw, ph) = paper.points();
    assert!((doc.size.0 - pw).abs() < 0.01 && (doc.size.1 - ph).abs() < 0.01);
    Ok(())
}

#[test]
fn a_poster_too_small_names_a_size_that_fits() -> Result<(), ExportError> {
    let org = org(1_336, Shape::HrExport);
    let Err(ExportError::PosterTooSmall {
        needed, name_pt, ..
    }) = compose(&org, PosterSize::A2)
    else {
        panic!("1,336 people fit on A2 with names at 6 pt");
    };
    assert!(name_pt < 6.0, "{name_pt}");
    let size = needed
        .split("--poster ")
        .nth(1)
        .and_then(|t| PosterSize::parse(t.trim_end_matches(')')))
        .unwrap_or_else(|| panic!("no size in {needed:?}"));
    let doc = compose(&org, size)?;
    assert_eq!(doc.pages.len(), 1);
    assert!(doc.chart.name_pt.iter().all(|&pt| pt >= 6.0 - 1e-9));
    Ok(())
}
