//! Writes the PDF report of a synthetic org, to look at how its chart pages are packed:
//! `cargo run -p pendulum-export --example synth_pdf -- SHAPE PEOPLE OUT.pdf [a4|letter|a3]
//! [portrait]`, where SHAPE is `realistic` or `hr-export`. Prints the pages, the people per
//! chart page and the smallest and median name size.

use pendulum_core::{RuleConfig, Snapshot, check};
use pendulum_export::{PageSize, PdfOptions, ReportInput, chart_figures, default_title, pdf};
use pendulum_synth::{Shape, SynthConfig, generate, reference_date};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: synth_pdf realistic|hr-export PEOPLE OUT.pdf [a4|letter|a3] [portrait]";
    let shape = match args.first().map(String::as_str) {
        Some("realistic") => Shape::Realistic,
        Some("hr-export") => Shape::HrExport,
        _ => return Err(usage.into()),
    };
    let people: usize = args.get(1).and_then(|n| n.parse().ok()).ok_or(usage)?;
    let out = args.get(2).ok_or(usage)?;
    let page = match args.get(3) {
        Some(p) => PageSize::parse(p).ok_or(usage)?,
        None => PageSize::A4,
    };
    let landscape = args.get(4).map(String::as_str) != Some("portrait");
    let org = generate(&SynthConfig {
        shape,
        ..SynthConfig::new(people, 42)
    });
    let config = RuleConfig::default();
    let s = Snapshot::new(&org, reference_date(), &config);
    let flags = check(&s, &config);
    let input = ReportInput {
        timeline: None,
        snapshot: &s,
        config: &config,
        flags: &flags,
        cost: None,
        scenario: None,
    };
    let opts = PdfOptions {
        page,
        landscape,
        ..PdfOptions::new(default_title(&s), reference_date())
    };
    let f = chart_figures(&input, &[], &opts).map_err(|e| e.to_string())?;
    println!(
        "{} pages, {} chart pages, {:.1} people per chart page, names {:.2} pt smallest, {:.2} pt median: {}",
        f.pages,
        f.people.len(),
        f.people_per_page(),
        f.name_pt.first().copied().unwrap_or(0.0),
        f.median_name_pt(),
        f.title
    );
    let bytes = pdf(&input, &opts).map_err(|e| e.to_string())?;
    std::fs::write(out, bytes).map_err(|e| format!("{out}: {e}"))
}
