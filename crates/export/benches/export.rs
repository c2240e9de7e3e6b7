//! PDF reports of realistic synthetic orgs at 1k and 10k people, split over pages (the aim:
//! 1k in < 0.3 s, 10k in < 3 s), the SVG chart at 10k and the PNG chart at 1k. Generating the org, the snapshot
//! and the flags happen outside the timed part; each timed run plans, draws, shapes, subsets
//! the fonts and writes the PDF.
//!
//! Before the benchmarks run, the page count of each report is printed. The Graphviz
//! comparison is `scripts/bench-graphviz.sh`, which times `dot -Tpdf` on the same orgs.

use divan::Bencher;
use pendulum_core::{Date, Org, RuleConfig, Snapshot, check};
use pendulum_export::{PdfOptions, ReportInput, SvgOptions, pdf, png, svg};
use pendulum_layout::{ChartOptions, layout_snapshot};
use pendulum_synth::{SynthConfig, generate, reference_date};

fn main() {
    for people in SIZES {
        let org = org(people);
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
        match pdf(&input, &options()) {
            Ok(bytes) => println!(
                "{people} people: {} bytes, {} flags",
                bytes.len(),
                flags.len()
            ),
            Err(e) => println!("{people} people: {e}"),
        }
    }
    divan::main();
}

const SIZES: [usize; 2] = [1_000, 10_000];

fn org(people: usize) -> Org {
    generate(&SynthConfig::new(people, 42))
}

fn options() -> PdfOptions {
    PdfOptions::new(
        "Synthetic org",
        Date::from_ymd(2026, 1, 2).unwrap_or(reference_date()),
    )
}

/// The whole report: title, chart pages, summary, flags, workload.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn report(bencher: Bencher, people: usize) {
    let org = org(people);
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
    let opts = options();
    bencher.bench_local(|| pdf(divan::black_box(&input), &opts));
}

/// The SVG chart of the whole org, layout included.
#[divan::bench(args = [10_000], sample_count = 10, sample_size = 1)]
fn chart_svg(bencher: Bencher, people: usize) {
    let org = org(people);
    let config = RuleConfig::default();
    let s = Snapshot::new(&org, reference_date(), &config);
    let flags = check(&s, &config);
    bencher.bench_local(|| {
        layout_snapshot(&s, &ChartOptions::default()).map(|l| {
            svg(
                &s,
                &l,
                &SvgOptions {
                    flags: &flags,
                    ..SvgOptions::default()
                },
            )
            .len()
        })
    });
}

/// The chart as PNG at scale 2 (the app's and the CLI's), from its SVG: parsing, text layout
/// with the embedded fonts, rasterising and PNG encoding.
#[divan::bench(args = [1_000], sample_count = 10, sample_size = 1)]
fn chart_png(bencher: Bencher, people: usize) {
    let org = org(people);
    let config = RuleConfig::default();
    let s = Snapshot::new(&org, reference_date(), &config);
    let flags = check(&s, &config);
    let text = layout_snapshot(&s, &ChartOptions::default()).map(|l| {
        svg(
            &s,
            &l,
            &SvgOptions {
                flags: &flags,
                ..SvgOptions::default()
            },
        )
    });
    let Ok(text) = text else { return };
    bencher.bench_local(|| png(divan::black_box(&text), 2.0).map(|b| b.len()));
}
