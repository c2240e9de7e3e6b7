//! `pendulum update`: what a newer HR export would change in a document (`--dry-run`),
//! applying it, undoing the newest update (`--undo`) and the list of updates (`--history`).

use std::path::Path;

use pendulum_api::update::{
    BaselineUpdate, UpdatePreview, update_apply, update_history, update_preview, update_undo,
};
use pendulum_api::{ApiResult, OrgSource};
use pendulum_core::{Date, Move};

use crate::output::Paint;

/// What `pendulum update` was asked to do.
pub enum What {
    Preview(OrgSource),
    Apply(OrgSource),
    Undo,
    History,
}

/// The answer in both formats.
pub struct Answer {
    pub json: serde_json::Value,
    pub text: String,
}

fn json(value: &impl serde::Serialize) -> ApiResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| {
        pendulum_api::ApiError::new(
            pendulum_api::ErrorCode::Io,
            format!("could not write JSON: {e}"),
        )
    })
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Runs the update command on the document at `path`; `day` reads the export and dates the
/// update.
pub fn run(path: &Path, what: What, day: Date) -> ApiResult<Answer> {
    let paint = Paint::stdout();
    let doc = file_name(path);
    Ok(match what {
        What::Preview(export) => {
            let p = update_preview(path, &export, day)?;
            let mut text = preview_text(&p, &file_name(&export.path), &paint);
            text += &paint.dim("\nNothing was written (--dry-run).\n");
            Answer {
                json: json(&p)?,
                text,
            }
        }
        What::Apply(export) => {
            let applied = update_apply(path, &export, day)?;
            let mut text = preview_text(&applied.preview, &file_name(&export.path), &paint);
            text += &format!(
                "\n{} {doc} from {} on {} (update {}).",
                paint.bold("Baseline updated:"),
                applied.update.source,
                applied.update.day,
                applied.update.id
            );
            if !applied.preview.conflicts.is_empty() {
                text += " The scenario edits that no longer apply stay in the log, skipped by every view until dropped or fixed.";
            }
            text += &format!("\nUndo with: pendulum update {} --undo\n", path.display());
            Answer {
                json: json(&applied)?,
                text,
            }
        }
        What::Undo => {
            let undone = update_undo(path)?;
            let text = match &undone {
                Some(u) => format!(
                    "{} the update of {} from {} ({}): the org it replaced is {doc}'s baseline again.\n",
                    paint.bold("Undone:"),
                    u.day,
                    u.source,
                    u.summary
                ),
                None => format!("{doc} has no baseline update to undo.\n"),
            };
            Answer {
                json: json(&undone)?,
                text,
            }
        }
        What::History => {
            let updates = update_history(path)?;
            Answer {
                json: json(&updates)?,
                text: history_text(&updates, &doc),
            }
        }
    })
}

/// One line per update, oldest first.
fn history_text(updates: &[BaselineUpdate], doc: &str) -> String {
    if updates.is_empty() {
        return format!("{doc}: its baseline was never updated from a newer export.\n");
    }
    let mut out = String::new();
    for u in updates {
        out += &format!(
            "{}  {}  update {}: baseline updated from {}: {}\n",
            u.day,
            if u.undone { "undone" } else { "      " },
            u.id,
            u.source,
            u.summary
        );
    }
    out
}

fn or_root(m: Option<&pendulum_core::PersonId>) -> &str {
    m.map_or("(no manager)", |m| m.as_str())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The preview, grouped: joined, left, moved, changed, then each scenario's conflicts.
fn preview_text(p: &UpdatePreview, export: &str, paint: &Paint) -> String {
    let mut out = format!(
        "{} {export}: {} joined, {} left, {} moved, {}; {}\n",
        paint.bold("Update from"),
        p.joined.len(),
        p.left.len(),
        p.moved.len(),
        plural(p.changed.len(), "field changed", "fields changed"),
        plural(
            p.conflicts.len(),
            "scenario edit no longer applies",
            "scenario edits no longer apply"
        ),
    );
    let ids = |ids: &[pendulum_core::PersonId]| {
        ids.iter()
            .map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !p.joined.is_empty() {
        out += &format!("\n{}\n  {}\n", paint.bold("Joined"), ids(&p.joined));
    }
    if !p.left.is_empty() {
        out += &format!("\n{}\n  {}\n", paint.bold("Left"), ids(&p.left));
    }
    if !p.moved.is_empty() {
        out += &format!("\n{}\n", paint.bold("Moved"));
        for Move { person, from, to } in &p.moved {
            out += &format!(
                "  {}: {} -> {}\n",
                person.as_str(),
                or_root(from.as_ref()),
                or_root(to.as_ref())
            );
        }
    }
    if !p.changed.is_empty() {
        out += &format!("\n{}\n", paint.bold("Changed"));
        for c in &p.changed {
            out += &format!(
                "  {} {}: {:?} -> {:?}\n",
                c.person.as_str(),
                c.field,
                c.old.to_string(),
                c.new.to_string()
            );
        }
    }
    if !p.conflicts.is_empty() {
        out += &format!(
            "\n{}\n",
            paint.bold("Scenario edits that no longer apply on the new export")
        );
        for c in &p.conflicts {
            out += &format!(
                "  {} edit {} ({}): {}\n",
                c.scenario, c.edit, c.op, c.reason
            );
        }
    }
    out
}
