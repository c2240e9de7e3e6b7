//! How well the PDF's chart pages are packed, on the synthetic "one department of an HR
//! export" shape (a third of the people under managers not in the file, hundreds of small
//! trees, a few wide spans) at 1,000, 1,336, 5,000 and 20,000 people.
//!
//! Before the timed part, it prints for each size and paper (A4, Letter and A3, landscape
//! and portrait) the report's pages, its chart pages, the people per chart page on average,
//! the smallest and median name size in points, and the title:
//! `cargo bench -p pendulum-export --bench packing`. The timed part plans and draws the
//! report's pages (no PDF writing) at 1,336 and 5,000 people.

use divan::Bencher;
use pendulum_core::{Date, Org, RuleConfig, Snapshot, check};
use pendulum_export::{PageSize, PdfOptions, ReportInput, chart_figures};
use pendulum_synth::{Shape, SynthConfig, generate, reference_date};

const SIZES: [usize; 4] = [1_000, 1_336, 5_000, 20_000];

fn main() {
    println!("people  paper             pages  chart  per page  min pt  median pt  title");
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
        for (page, landscape) in papers(people) {
            let opts = PdfOptions {
                page,
                landscape,
                ..options(&s)
            };
            let paper = format!(
                "{page:?} {}",
                if landscape { "landscape" } else { "portrait" }
            );
            match chart_figures(&input, &[], &opts) {
                Ok(f) => println!(
                    "{people:>6}  {paper:<16} {:>6} {:>6} {:>9.1} {:>7.2} {:>10.2}  {}",
                    f.pages,
                    f.people.len(),
                    f.people_per_page(),
                    f.name_pt.first().copied().unwrap_or(0.0),
                    f.median_name_pt(),
                    f.title
                ),
                Err(e) => println!("{people:>6}  {paper:<16} {e}"),
            }
        }
    }
    divan::main();
}

/// Every paper for the org of the size, A4 landscape for the others.
fn papers(people: usize) -> Vec<(PageSize, bool)> {
    if people != 1_336 {
        return vec![(PageSize::A4, true)];
    }
    [PageSize::A4, PageSize::Letter, PageSize::A3]
        .into_iter()
        .flat_map(|p| [(p, true), (p, false)])
        .collect()
}

fn org(people: usize) -> Org {
    generate(&SynthConfig {
        shape: Shape::HrExport,
        ..SynthConfig::new(people, 42)
    })
}

/// A4 landscape, titled as the CLI titles a file named `people.csv`.
fn options(s: &Snapshot<'_>) -> PdfOptions {
    PdfOptions::new(
        pendulum_export::default_title(s),
        Date::from_ymd(2026, 1, 2).unwrap_or(reference_date()),
    )
}

/// Plans and draws the report's pages.
#[divan::bench(args = [1_336, 5_000], sample_count = 5, sample_size = 1)]
fn compose(bencher: Bencher, people: usize) {
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
    let opts = options(&s);
    bencher.bench_local(|| chart_figures(divan::black_box(&input), &[], &opts));
}
