//! `pendulum suggest`: per flag a swing can answer, its suggestions best first, each with its
//! effect and the `simulate` options that reproduce it.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use pendulum_api::suggest::{FlagRef, check_limit, suggest};
use pendulum_api::{ApiResult, Loaded};
use pendulum_core::rules::num;
use pendulum_core::{Date, Flag, Suggestion, SwingTo};

use crate::output::{Paint, person_label};
use crate::{Format, OrgArgs, write_json, write_text};

/// Runs `pendulum suggest`: a bad --for or --limit is refused before the org is read.
pub fn run(
    out: &mut impl std::io::Write,
    org: &OrgArgs,
    for_flag: Option<&str>,
    limit: usize,
    format: Format,
) -> ApiResult<ExitCode> {
    let target = for_flag.map(FlagRef::parse).transpose()?;
    let limit = check_limit(limit)?;
    let loaded = org.load()?;
    // Every candidate is judged on a whole copy of the org: minutes for every flag at 10k.
    let progress = crate::output::Progress::start("Judging suggested swings");
    let found = suggest(
        &loaded.org,
        &loaded.rules,
        org.as_of(),
        target.as_ref(),
        limit,
    )?;
    progress.finish();
    match format {
        Format::Json => write_json(out, &found)?,
        Format::Text => {
            let paint = Paint::stdout();
            write_text(
                out,
                &suggest_text(&found, &loaded, &org.path, org.as_of(), &paint),
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn suggest_text(
    suggestions: &[Suggestion],
    loaded: &Loaded,
    path: &Path,
    as_of: Date,
    paint: &Paint,
) -> String {
    let mut s = String::new();
    let mut flags: Vec<&Flag> = suggestions.iter().map(|x| &x.for_flag).collect();
    flags.dedup();
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    let _ = writeln!(
        s,
        "{} {} {file} {} as of {as_of} {} {} with suggestions",
        paint.bold("Pendulum suggest"),
        paint.dim("·"),
        paint.dim("·"),
        paint.dim("·"),
        plural(flags.len(), "flag", "flags")
    );
    if suggestions.is_empty() {
        let _ = writeln!(
            s,
            "\nNo swing resolves a span-too-wide, span-too-narrow, pendulum-due or \
             manager-overloaded flag on this day."
        );
        return s;
    }
    let mut rank = 0;
    for (k, x) in suggestions.iter().enumerate() {
        let f = &x.for_flag;
        if k == 0 || suggestions[k - 1].for_flag != *f {
            rank = 0;
            let _ = writeln!(
                s,
                "\n{} {} {}",
                paint.severity(f.severity, f.rule.as_str()),
                paint.dim("·"),
                paint.bold(&person_label(loaded, &f.subject.id))
            );
        }
        rank += 1;
        let _ = writeln!(s, "  {rank}. {}", swing_sentence(x, loaded));
        let _ = writeln!(s, "     {}", effect_line(x));
        for (label, list) in [("resolves", &x.resolves), ("adds", &x.adds)] {
            for f in list {
                let _ = writeln!(
                    s,
                    "       {} {label} {} {}",
                    paint.dim("·"),
                    f.rule,
                    paint.dim(&f.subject.id)
                );
            }
        }
        let _ = writeln!(s, "     {}", paint.dim(&simulate_options(x)));
    }
    s
}

/// "Henrik Johansson (p-henrik) swings to IC; Deepa Krishnan (p-deepa) takes the team; joins
/// ws-pg16-upgrade at 100%".
fn swing_sentence(x: &Suggestion, loaded: &Loaded) -> String {
    let w = &x.swing;
    let who = person_label(loaded, w.person.as_str());
    let mut text = match w.to {
        SwingTo::Manager => {
            let names: Vec<String> = w
                .reports
                .iter()
                .map(|r| person_label(loaded, r.as_str()))
                .collect();
            format!("{who} swings to manager of {}", names.join(", "))
        }
        SwingTo::Ic => match &w.successor {
            Some(succ) => format!(
                "{who} swings to IC; {} takes the team",
                person_label(loaded, succ.as_str())
            ),
            None => format!("{who} swings to IC; the team goes to peer managers"),
        },
    };
    for (ws, pct) in &w.join {
        let _ = write!(text, "; joins {ws} at {}%", num(*pct));
    }
    text
}

/// "resolves 2 · adds 1 · 3 moves · IC capacity −0.75".
fn effect_line(x: &Suggestion) -> String {
    let capacity = if x.ic_capacity_delta.abs() < 1e-9 {
        "IC capacity unchanged".to_owned()
    } else if x.ic_capacity_delta > 0.0 {
        format!("IC capacity +{}", num(x.ic_capacity_delta))
    } else {
        format!("IC capacity −{}", num(-x.ic_capacity_delta))
    };
    format!(
        "resolves {} · adds {} · {} · {capacity}",
        x.resolves.len(),
        x.adds.len(),
        plural(x.moves as usize, "move", "moves")
    )
}

/// The `pendulum simulate` options of the same swing.
fn simulate_options(x: &Suggestion) -> String {
    let w = &x.swing;
    let mut text = format!(
        "simulate: --as-of {} --person {} --to {}",
        w.date,
        w.person,
        match w.to {
            SwingTo::Manager => "manager",
            SwingTo::Ic => "ic",
        }
    );
    if !w.reports.is_empty() {
        let r: Vec<&str> = w.reports.iter().map(|p| p.as_str()).collect();
        let _ = write!(text, " --reports {}", r.join(","));
    }
    if let Some(succ) = &w.successor {
        let _ = write!(text, " --successor {succ}");
    }
    if !w.join.is_empty() {
        let j: Vec<String> = w
            .join
            .iter()
            .map(|(ws, p)| format!("{ws}={}", num(*p)))
            .collect();
        let _ = write!(text, " --join {}", j.join(","));
    }
    text
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
