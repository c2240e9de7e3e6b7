//! The Graphviz comparison: writes a realistic synthetic org of PEOPLE as DOT
//! (what people feed `dot -Tpdf` today) and times Pendulum's PDF report of the same org.
//!
//! `cargo run --release -p pendulum-export --example graphviz -- PEOPLE OUT.dot OUT.pdf`
//! prints `pendulum_ms=<median of 5 runs>`; `scripts/bench-graphviz.sh` runs it and `dot`.

use std::fmt::Write as _;
use std::time::Instant;

use pendulum_core::{Date, RuleConfig, Snapshot, check};
use pendulum_export::{PdfOptions, ReportInput, pdf};
use pendulum_synth::{SynthConfig, generate, reference_date};

fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let people: usize = args.get(1).map_or(Ok(1_000), |a| a.parse())?;
    let dot_path = args.get(2).map_or("/tmp/org.dot", String::as_str);
    let pdf_path = args.get(3).map_or("/tmp/org.pdf", String::as_str);
    let org = generate(&SynthConfig::new(people, 42));
    let config = RuleConfig::default();
    let s = Snapshot::new(&org, reference_date(), &config);

    // The same cards as the report: name, title, role and team, in boxes, top-down.
    let mut dot = String::from(
        "digraph org {\n  rankdir=TB;\n  node [shape=box, style=rounded, fontname=\"Noto Sans\", fontsize=10];\n",
    );
    for &p in s.breadth_first() {
        let person = s.person(p);
        let team = person.team.as_ref().map_or("", |t| t.as_str());
        let label = format!(
            "{}\\n{}\\n{} · {}",
            person.name,
            person.title,
            s.role(p).as_str(),
            team
        );
        writeln!(
            dot,
            "  {} [label={}];",
            quoted(person.id.as_str()),
            quoted(&label).replace("\\\\n", "\\n")
        )?;
    }
    for &p in s.breadth_first() {
        if let Some(m) = s.parent(p) {
            writeln!(
                dot,
                "  {} -> {};",
                quoted(s.person(m).id.as_str()),
                quoted(s.person(p).id.as_str())
            )?;
        }
    }
    dot.push_str("}\n");
    std::fs::write(dot_path, dot)?;

    let flags = check(&s, &config);
    let input = ReportInput {
        timeline: None,
        snapshot: &s,
        config: &config,
        flags: &flags,
        cost: None,
        scenario: None,
    };
    let opts = PdfOptions::new(
        "Synthetic org",
        Date::from_ymd(2026, 1, 2).unwrap_or(reference_date()),
    );
    let mut times = Vec::new();
    let mut bytes = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        bytes = pdf(&input, &opts)?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    std::fs::write(pdf_path, &bytes)?;
    println!("pendulum_ms={:.1}", times[times.len() / 2]);
    Ok(())
}
