//! `Snapshot::new` + `check` on synthetic orgs (`docs/performance.md`: 100k people + 20k workstreams in
//! < 50 ms, 1M people in < 1 s). Generation happens outside the timed part.

use divan::Bencher;
use pendulum_core::{RuleConfig, Snapshot, Stats, check};
use pendulum_synth::{SynthConfig, generate, reference_date};

fn main() {
    divan::main();
}

/// (people, workstreams)
const SIZES: [(usize, usize); 3] = [(10_000, 2_000), (100_000, 20_000), (1_000_000, 200_000)];

fn org(people: usize, workstreams: usize) -> pendulum_core::Org {
    generate(&SynthConfig {
        workstreams,
        ..SynthConfig::new(people, 42)
    })
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn snapshot_and_check(bencher: Bencher, (people, workstreams): (usize, usize)) {
    let org = org(people, workstreams);
    let config = RuleConfig::default();
    bencher.bench_local(|| {
        let s = Snapshot::new(divan::black_box(&org), reference_date(), &config);
        check(&s, &config)
    });
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn snapshot_only(bencher: Bencher, (people, workstreams): (usize, usize)) {
    let org = org(people, workstreams);
    let config = RuleConfig::default();
    bencher.bench_local(|| Snapshot::new(divan::black_box(&org), reference_date(), &config));
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn check_only(bencher: Bencher, (people, workstreams): (usize, usize)) {
    let org = org(people, workstreams);
    let config = RuleConfig::default();
    let s = Snapshot::new(&org, reference_date(), &config);
    bencher.bench_local(|| check(divan::black_box(&s), &config));
}

#[divan::bench(args = SIZES, sample_count = 20)]
fn stats(bencher: Bencher, (people, workstreams): (usize, usize)) {
    let org = org(people, workstreams);
    let config = RuleConfig::default();
    let s = Snapshot::new(&org, reference_date(), &config);
    bencher.bench_local(|| Stats::of(divan::black_box(&s)));
}
