//! Suggested swings (`docs/performance.md`: every flag's suggestions for the demo in < 100 ms
//! and for a 10k-person org in < 2 s). Loading and generation happen outside the timed part;
//! the lab (snapshot and check) is built inside it, as `pendulum suggest` builds it.

#![allow(
    clippy::unwrap_used,
    reason = "the demo files are part of the repository"
)]

use std::path::PathBuf;

use divan::Bencher;
use pendulum_core::{Date, Org, RuleConfig, SwingLab};
use pendulum_csv::{ImportRequest, Source, import};
use pendulum_synth::{SynthConfig, generate, reference_date};

fn main() {
    divan::main();
}

fn demo() -> Org {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo");
    let read = |f: &str| std::fs::read(dir.join(f)).unwrap();
    let (people, workstreams, allocations) = (
        read("people.csv"),
        read("workstreams.csv"),
        read("allocations.csv"),
    );
    let mut req = ImportRequest::people(Source::new("people.csv", &people));
    req.workstreams = Some(Source::new("workstreams.csv", &workstreams));
    req.allocations = Some(Source::new("allocations.csv", &allocations));
    import(&req).unwrap().org
}

/// The suggestions of every flag a swing answers, three each, as `pendulum suggest` lists them.
fn suggest_all(bencher: Bencher, org: &Org, as_of: Date) {
    let config = RuleConfig::default();
    let lab = SwingLab::new(org, &config, as_of);
    let answered = lab
        .flags()
        .iter()
        .filter(|f| pendulum_core::swing::SUGGESTED_RULES.contains(&f.rule))
        .count();
    eprintln!(
        "\n{} people: {} flags, {answered} of them a swing answers",
        org.people.len(),
        lab.flags().len(),
    );
    bencher.bench_local(|| SwingLab::new(divan::black_box(org), &config, as_of).suggest_all(3));
}

#[divan::bench(sample_count = 10)]
fn demo_all(bencher: Bencher) {
    suggest_all(bencher, &demo(), Date::parse("2027-03-01").unwrap());
}

#[divan::bench(args = [1_000], sample_count = 5)]
fn synthetic_all(bencher: Bencher, people: usize) {
    suggest_all(
        bencher,
        &generate(&SynthConfig::new(people, 42)),
        reference_date(),
    );
}

/// 10k people once: every flag's suggestions take minutes while each candidate is judged on a
/// whole copy of the org.
#[divan::bench(args = [10_000], sample_count = 1, sample_size = 1)]
fn synthetic_all_once(bencher: Bencher, people: usize) {
    suggest_all(
        bencher,
        &generate(&SynthConfig::new(people, 42)),
        reference_date(),
    );
}

/// One flag's suggestions, as the app asks for them (the lab built each time).
#[divan::bench(args = [1_000, 10_000], sample_count = 10)]
fn synthetic_one_flag(bencher: Bencher, people: usize) {
    let org = generate(&SynthConfig::new(people, 42));
    let config = RuleConfig::default();
    let lab = SwingLab::new(&org, &config, reference_date());
    let flag = lab
        .flags()
        .iter()
        .find(|f| pendulum_core::swing::SUGGESTED_RULES.contains(&f.rule))
        .cloned();
    bencher.bench_local(|| {
        let lab = SwingLab::new(divan::black_box(&org), &config, reference_date());
        flag.as_ref().map(|f| lab.suggest(f, 3))
    });
}
