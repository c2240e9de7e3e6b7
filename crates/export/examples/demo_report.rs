//! Writes the demo org's report and chart: `cargo run -p pendulum-export --example
//! demo_report -- OUT_DIR [a4|letter|a3] [portrait|landscape] [swing]`; with `swing`, the
//! report is a scenario holding the demo's first swing (Ana Beatriz Costa to manager).
//! Beside demo.pdf and demo.svg it writes demo.png (the chart at scale 2) and the PDF
//! preview's pages as preview-N.svg, each also drawn as preview-N.png to look at.

use std::path::PathBuf;

use pendulum_core::{Date, RuleConfig, Snapshot, check};
use pendulum_csv::{ImportRequest, Source, import};
use pendulum_export::{
    PageSize, PdfOptions, ReportInput, SvgOptions, pdf_preview, pdf_with_swings, png, svg,
};
use pendulum_layout::{ChartOptions, layout_snapshot};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let out = PathBuf::from(args.get(1).map_or("/tmp", String::as_str));
    let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo");
    let people = std::fs::read(demo.join("people.csv"))?;
    let workstreams = std::fs::read(demo.join("workstreams.csv"))?;
    let allocations = std::fs::read(demo.join("allocations.csv"))?;
    let mut req = ImportRequest::people(Source::new("people.csv", &people));
    req.workstreams = Some(Source::new("workstreams.csv", &workstreams));
    req.allocations = Some(Source::new("allocations.csv", &allocations));
    let org = import(&req).map_err(|e| format!("{e:?}"))?.org;
    let config = RuleConfig::default();
    let as_of = Date::parse("2027-03-01")?;
    let snapshot = Snapshot::new(&org, as_of, &config);
    let flags = check(&snapshot, &config);
    let mut opts = PdfOptions::new("Larkspur Engineering", Date::parse("2027-02-26")?);
    if let Some(p) = args.get(2).and_then(|p| PageSize::parse(p)) {
        opts.page = p;
    }
    opts.landscape = args.get(3).map(String::as_str) != Some("portrait");
    let swing = pendulum_core::Swing {
        person: "p-ana".into(),
        to: pendulum_core::SwingTo::Manager,
        date: as_of,
        reports: vec!["p-diego".into(), "p-meilin".into(), "p-arjun".into()],
        successor: None,
        join: Vec::new(),
    };
    let report = pendulum_core::swing::simulate(&org, &config, &swing, as_of)?;
    let diff = pendulum_core::diff(&snapshot, &snapshot, &config, &config);
    let scenario = (args.get(4).map(String::as_str) == Some("swing")).then_some(
        pendulum_export::ScenarioSection {
            name: "Ana leads",
            compared_with: "baseline",
            diff: &diff,
            before: None,
        },
    );
    let input = ReportInput {
        timeline: None,
        snapshot: &snapshot,
        config: &config,
        flags: &flags,
        cost: None,
        scenario,
    };
    let swings = if input.scenario.is_some() {
        std::slice::from_ref(&report)
    } else {
        &[]
    };
    let bytes = pdf_with_swings(&input, swings, &opts)?;
    std::fs::write(out.join("demo.pdf"), bytes)?;
    let layout = layout_snapshot(&snapshot, &ChartOptions::default())?;
    let text = svg(
        &snapshot,
        &layout,
        &SvgOptions {
            flags: &flags,
            ..SvgOptions::default()
        },
    );
    std::fs::write(out.join("demo.png"), png(&text, 2.0)?)?;
    std::fs::write(out.join("demo.svg"), text)?;
    let preview = pdf_preview(&input, swings, &opts, 12)?;
    println!(
        "{} pages of {} x {} pt",
        preview.pages, preview.width, preview.height
    );
    for (i, page) in preview.svgs.iter().enumerate() {
        std::fs::write(out.join(format!("preview-{}.svg", i + 1)), page)?;
        std::fs::write(out.join(format!("preview-{}.png", i + 1)), png(page, 1.5)?)?;
    }
    Ok(())
}
