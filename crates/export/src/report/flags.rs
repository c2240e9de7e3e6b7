//! The flags table, grouped by severity, and the flag rows the scenario and swing pages reuse.

use pendulum_core::{Flag, Severity, Snapshot, SubjectKind};

use crate::marks::{Align, INK_2, severity_colour};

use super::typeset::{Col, Doc, Row, cell, col};
use super::words::{count, long_date, plural};

/// A flag's subject as people read it: "Name (id)", "team T", "Workstream (id)".
fn subject_text(snap: &Snapshot<'_>, f: &Flag) -> String {
    match f.subject.kind {
        SubjectKind::Person => match snap.person_ix(&f.subject.id) {
            Some(p) => format!("{} ({})", snap.person(p).name, f.subject.id),
            None => f.subject.id.clone(),
        },
        SubjectKind::Team => format!("team {}", f.subject.id),
        SubjectKind::Workstream => match snap.workstream_ix(&f.subject.id) {
            Some(w) => snap.org().workstreams.get(w as usize).map_or_else(
                || f.subject.id.clone(),
                |ws| format!("{} ({})", ws.name, ws.id),
            ),
            None => f.subject.id.clone(),
        },
    }
}

/// One row per flag, errors first; with `grouped`, a heading row before each severity.
pub(super) fn flag_rows(snap: &Snapshot<'_>, flags: &[&Flag], grouped: bool) -> Vec<Row> {
    let mut rows = Vec::new();
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        let of: Vec<&&Flag> = flags.iter().filter(|f| f.severity == sev).collect();
        if of.is_empty() {
            continue;
        }
        if grouped {
            let word = match sev {
                Severity::Error => "Errors",
                Severity::Warning => "Warnings",
                Severity::Info => "Info",
            };
            rows.push(Row::Group {
                text: format!("{word} ({})", count(of.len() as u64)),
                colour: severity_colour(sev),
            });
        }
        for f in of {
            rows.push(Row::Cells {
                cells: vec![
                    cell(f.severity.as_str())
                        .dot(severity_colour(f.severity))
                        .colour(INK_2),
                    cell(f.rule.as_str()),
                    cell(subject_text(snap, f)),
                    cell(f.message.as_str()).colour(INK_2),
                ],
                fill: None,
            });
        }
    }
    rows
}

pub(super) const FLAG_COLS: [Col; 4] = [
    col("Severity", 0.1, Align::Start, false),
    col("Rule", 0.21, Align::Start, true),
    col("Subject", 0.21, Align::Start, true),
    col("Message", 0.48, Align::Start, true),
];

/// The flags section; returns its first page and the page of each severity heading.
pub(super) fn flags_pages(
    doc: &mut Doc,
    snap: &Snapshot<'_>,
    flags: &[&Flag],
) -> (usize, Vec<(String, usize)>) {
    let at = doc.start_page(
        "Flags",
        "What the rules found",
        &format!(
            "{} as of {}, by severity",
            plural(flags.len() as u64, "flag", "flags"),
            long_date(snap.as_of())
        ),
    );
    if flags.is_empty() {
        doc.note("No rule fires: nothing to fix.");
        return (at, Vec::new());
    }
    let groups = doc.table(&FLAG_COLS, flag_rows(snap, flags, true));
    (at, groups)
}
