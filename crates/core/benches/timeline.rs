//! `timeline` (months and problems ahead) over 12 months of a synthetic org with a year of
//! dated changes (`pendulum_synth::year_of_changes`: hires, leavers, allocations ending and
//! starting, a dated move a week). Generation happens outside the timed part.

use divan::Bencher;
use pendulum_core::{Plan, RuleConfig, timeline};
use pendulum_synth::{SynthConfig, generate, reference_date, year_of_changes};

fn main() {
    divan::main();
}

/// (people, workstreams)
const SIZES: [(usize, usize); 2] = [(1_000, 200), (10_000, 2_000)];

#[divan::bench(args = SIZES, sample_count = 10)]
fn twelve_months_with_a_year_of_changes(bencher: Bencher, (people, workstreams): (usize, usize)) {
    let base = generate(&SynthConfig {
        workstreams,
        ..SynthConfig::new(people, 42)
    });
    let (org, edits) = year_of_changes(&base, reference_date(), 7);
    let config = RuleConfig::default();
    let plan = Plan {
        org: &org,
        config: &config,
        edits: &edits,
    };
    bencher.bench_local(|| timeline(divan::black_box(&plan), reference_date(), 12));
}
