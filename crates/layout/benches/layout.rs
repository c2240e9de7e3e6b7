//! Layout of realistic synthetic orgs at 10k, 100k and 1M people (`docs/performance.md`: 100k people in
//! < 25 ms). Generating the org and building the forest happen outside the timed part.
//!
//! Before the benchmarks run, the widths of the 100k-person chart with and without stacking
//! are printed, for the "at least 3× narrower" comparison of `docs/performance.md`.

use divan::Bencher;
use pendulum_core::{Org, RuleConfig, Snapshot};
use pendulum_layout::{
    ChartOptions, Forest, LayoutOptions, layout, layout_snapshot, snapshot_forest,
};
use pendulum_synth::{SynthConfig, chain, generate, reference_date, star};

fn main() {
    let org = org(100_000);
    let s = Snapshot::new(&org, reference_date(), &RuleConfig::default());
    let f = forest(&s);
    let stacked = layout(&f, &LayoutOptions::default());
    let row = layout(
        &f,
        &LayoutOptions {
            stack: None,
            ..LayoutOptions::default()
        },
    );
    println!(
        "100k people: stacked {:.0} × {:.0}, unstacked {:.0} × {:.0} (width ratio {:.2})",
        stacked.width,
        stacked.height,
        row.width,
        row.height,
        row.width / stacked.width
    );
    divan::main();
}

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

fn org(people: usize) -> Org {
    generate(&SynthConfig {
        workstreams: 0,
        ..SynthConfig::new(people, 42)
    })
}

fn forest(s: &Snapshot<'_>) -> Forest {
    snapshot_forest(s, ChartOptions::default().card).expect("finite card")
}

/// The layout alone, stacking on (the default).
#[divan::bench(args = SIZES, sample_count = 20)]
fn stacked(bencher: Bencher, people: usize) {
    let org = org(people);
    let s = Snapshot::new(&org, reference_date(), &RuleConfig::default());
    let f = forest(&s);
    let options = LayoutOptions::default();
    bencher.bench_local(|| layout(divan::black_box(&f), &options));
}

/// The layout alone, every team in a row.
#[divan::bench(args = SIZES, sample_count = 20)]
fn unstacked(bencher: Bencher, people: usize) {
    let org = org(people);
    let s = Snapshot::new(&org, reference_date(), &RuleConfig::default());
    let f = forest(&s);
    let options = LayoutOptions {
        stack: None,
        ..LayoutOptions::default()
    };
    bencher.bench_local(|| layout(divan::black_box(&f), &options));
}

/// What `pendulum layout` pays after the snapshot: forest, layout and person ids.
#[divan::bench(args = SIZES, sample_count = 20)]
fn from_snapshot(bencher: Bencher, people: usize) {
    let org = org(people);
    let s = Snapshot::new(&org, reference_date(), &RuleConfig::default());
    let options = ChartOptions::default();
    bencher.bench_local(|| layout_snapshot(divan::black_box(&s), &options));
}

/// RELIABILITY G2: a 1,000,000-long reporting chain, from the snapshot.
#[divan::bench(sample_count = 10)]
fn g2_chain_1m(bencher: Bencher) {
    let org = chain(1_000_000);
    let s = Snapshot::new(&org, reference_date(), &RuleConfig::default());
    let options = ChartOptions::default();
    bencher.bench_local(|| layout_snapshot(divan::black_box(&s), &options));
}

/// RELIABILITY G3: 50,000 reports under one manager, stacked, from the snapshot.
#[divan::bench(sample_count = 20)]
fn g3_star_50k(bencher: Bencher) {
    let org = star(50_000);
    let s = Snapshot::new(&org, reference_date(), &RuleConfig::default());
    let options = ChartOptions::default();
    bencher.bench_local(|| layout_snapshot(divan::black_box(&s), &options));
}
