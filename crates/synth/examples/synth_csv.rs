//! Writes a synthetic org as the CSV files Pendulum imports, to try the CLI and the app on it:
//! `cargo run -p pendulum-synth --example synth_csv -- SHAPE PEOPLE OUT_DIR [SEED]`, where
//! SHAPE is `realistic`, `hr-export`, `chain` or `star`. Writes `people.csv`, and
//! `workstreams.csv` and `allocations.csv` when the org has workstreams; prints the reference
//! date the org is drawn around (`--as-of` it).

use std::path::PathBuf;

use pendulum_synth::{Shape, SynthConfig, generate, reference_date};

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: synth_csv realistic|hr-export|chain|star PEOPLE OUT_DIR [SEED]";
    let shape = match args.first().map(String::as_str) {
        Some("realistic") => Shape::Realistic,
        Some("hr-export") => Shape::HrExport,
        Some("chain") => Shape::Chain,
        Some("star") => Shape::Star,
        _ => return Err(usage.into()),
    };
    let people: usize = args.get(1).and_then(|n| n.parse().ok()).ok_or(usage)?;
    let out = PathBuf::from(args.get(2).ok_or(usage)?);
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42);
    let org = generate(&SynthConfig {
        shape,
        ..SynthConfig::new(people, seed)
    });
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let write = |name: &str, text: String| {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    write("people.csv", pendulum_csv::people_csv(&org))?;
    if !org.workstreams.is_empty() {
        write("workstreams.csv", pendulum_csv::workstreams_csv(&org))?;
        write("allocations.csv", pendulum_csv::allocations_csv(&org))?;
    }
    println!("{}", reference_date());
    Ok(())
}
