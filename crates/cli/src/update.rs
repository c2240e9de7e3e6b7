//! `pendulum update`'s text: what a newer HR export would change in a document.

use pendulum_api::update::UpdatePreview;
use pendulum_core::Move;

use crate::output::Paint;

fn or_root(m: Option<&pendulum_core::PersonId>) -> &str {
    m.map_or("(no manager)", |m| m.as_str())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The preview, grouped: joined, left, moved, changed, then each scenario's conflicts.
pub fn preview_text(p: &UpdatePreview, export: &str, paint: &Paint) -> String {
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
            paint.bold("Scenario edits that would no longer apply")
        );
        for c in &p.conflicts {
            out += &format!(
                "  {} edit {} ({}): {}\n",
                c.scenario, c.edit, c.op, c.reason
            );
        }
    }
    out += &paint.dim("\nNothing was written (--dry-run).\n");
    out
}
