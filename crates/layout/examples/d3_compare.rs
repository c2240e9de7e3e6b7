//! Pendulum's half of the side-by-side benchmark against d3-hierarchy's `tree()` (`docs/performance.md`);
//! `bench/d3/compare.mjs` is the other half and `scripts/bench-layout-vs-d3.sh` runs both.
//!
//! ```text
//! cargo run --release -p pendulum-layout --example d3_compare -- \
//!     --people 100000 --seed 42 --out target/d3-bench/org-100000.json [--runs 11]
//! ```
//!
//! Generates the realistic synthetic org, takes its forest of present people as drawn (node
//! `k` is the `k`-th person breadth-first, so every parent comes before its children and each
//! manager's reports keep their order), and times, as the median of `--runs` runs after one
//! warm-up run (generation, snapshot and forest building are not timed):
//! - `layout(&Forest)` with the default options (wide teams stacked) and with stacking off;
//! - `layout_snapshot`, the full path from a snapshot to cards with person ids, both ways.
//!
//! It then writes one JSON file holding the forest (`parent`, `-1` for a root), the card
//! size and gaps d3 must use, and Pendulum's figures, and prints the figures.

use std::error::Error;
use std::fs::File;
use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use pendulum_core::{RuleConfig, Snapshot};
use pendulum_layout::{
    ChartOptions, Forest, Layout, LayoutOptions, layout, layout_snapshot, snapshot_forest,
};
use pendulum_synth::{SynthConfig, generate, reference_date};
use serde::Serialize;

/// What the command line asks for.
struct Request {
    people: usize,
    seed: u64,
    runs: usize,
    out: PathBuf,
}

const USAGE: &str = "usage: d3_compare --people N --seed S --out FILE.json [--runs R (default 11)]";

fn request() -> Result<Request, Box<dyn Error>> {
    let mut people = None;
    let mut seed = 42;
    let mut runs = 11;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--people" => people = Some(value.parse()?),
            "--seed" => seed = value.parse()?,
            "--runs" => runs = value.parse()?,
            "--out" => out = Some(PathBuf::from(value)),
            _ => return Err(format!("unknown argument {flag}\n{USAGE}").into()),
        }
    }
    if runs == 0 {
        return Err(format!("--runs must be at least 1\n{USAGE}").into());
    }
    Ok(Request {
        people: people.ok_or(USAGE)?,
        seed,
        runs,
        out: out.ok_or(USAGE)?,
    })
}

/// The median wall-clock time of `runs` calls of `work`, after one untimed warm-up call.
fn median_ms<T>(runs: usize, mut work: impl FnMut() -> T) -> f64 {
    black_box(work());
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(work());
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    // Even counts take the upper middle, so the figure is always one measured run.
    times
        .get(times.len() / 2)
        .map_or(f64::NAN, |t| t.as_secs_f64() * 1e3)
}

/// Pendulum's figures, as written into the JSON file for the comparison script.
#[derive(Serialize)]
struct PendulumFigures {
    runs: usize,
    layout_stacked_ms: f64,
    layout_unstacked_ms: f64,
    snapshot_stacked_ms: f64,
    snapshot_unstacked_ms: f64,
    width_stacked: f64,
    width_unstacked: f64,
    height_stacked: f64,
    height_unstacked: f64,
}

/// The file `bench/d3/compare.mjs` reads.
#[derive(Serialize)]
struct ComparisonFile {
    people: usize,
    seed: u64,
    /// Nodes in the forest: the people present on the reference date.
    nodes: usize,
    roots: usize,
    card: [f64; 2],
    sibling_gap: f64,
    level_gap: f64,
    tree_gap: f64,
    /// `parent[k]` is node `k`'s parent, `-1` for a root; parents come before children.
    parent: Vec<i64>,
    pendulum: PendulumFigures,
}

fn parents(forest: &Forest) -> Vec<i64> {
    (0..forest.len() as u32)
        .map(|k| forest.parent(k).map_or(-1, i64::from))
        .collect()
}

fn main() -> Result<(), Box<dyn Error>> {
    let request = request()?;
    let org = generate(&SynthConfig::new(request.people, request.seed));
    let snapshot = Snapshot::new(&org, reference_date(), &RuleConfig::default());
    let stacked_chart = ChartOptions::default();
    let unstacked_chart = ChartOptions {
        layout: LayoutOptions {
            stack: None,
            ..stacked_chart.layout
        },
        ..ChartOptions::default()
    };
    let forest = snapshot_forest(&snapshot, stacked_chart.card)?;

    let runs = request.runs;
    let stacked: Layout = layout(&forest, &stacked_chart.layout);
    let unstacked: Layout = layout(&forest, &unstacked_chart.layout);
    let figures = PendulumFigures {
        runs,
        layout_stacked_ms: median_ms(runs, || layout(&forest, &stacked_chart.layout)),
        layout_unstacked_ms: median_ms(runs, || layout(&forest, &unstacked_chart.layout)),
        snapshot_stacked_ms: median_ms(runs, || layout_snapshot(&snapshot, &stacked_chart)),
        snapshot_unstacked_ms: median_ms(runs, || layout_snapshot(&snapshot, &unstacked_chart)),
        width_stacked: stacked.width,
        width_unstacked: unstacked.width,
        height_stacked: stacked.height,
        height_unstacked: unstacked.height,
    };

    println!(
        "pendulum: {} people (seed {}), {} drawn in {} tree(s); median of {runs} runs",
        request.people,
        request.seed,
        forest.len(),
        forest.roots().len(),
    );
    println!(
        "  layout(&Forest)   stacked {:>9.3} ms   unstacked {:>9.3} ms",
        figures.layout_stacked_ms, figures.layout_unstacked_ms
    );
    println!(
        "  layout_snapshot   stacked {:>9.3} ms   unstacked {:>9.3} ms",
        figures.snapshot_stacked_ms, figures.snapshot_unstacked_ms
    );
    println!(
        "  drawing           stacked {:.0} × {:.0}   unstacked {:.0} × {:.0}",
        figures.width_stacked,
        figures.height_stacked,
        figures.width_unstacked,
        figures.height_unstacked
    );

    let file = ComparisonFile {
        people: request.people,
        seed: request.seed,
        nodes: forest.len(),
        roots: forest.roots().len(),
        card: [stacked_chart.card.width, stacked_chart.card.height],
        sibling_gap: stacked_chart.layout.sibling_gap,
        level_gap: stacked_chart.layout.level_gap,
        tree_gap: stacked_chart.layout.tree_gap,
        parent: parents(&forest),
        pendulum: figures,
    };
    if let Some(dir) = request.out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut out = BufWriter::new(File::create(&request.out)?);
    serde_json::to_writer(&mut out, &file)?;
    out.write_all(b"\n")?;
    out.flush()?;
    println!("  wrote {}", request.out.display());
    Ok(())
}
