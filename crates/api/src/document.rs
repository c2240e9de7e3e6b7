//! Use cases on `.pendulum` documents: import CSVs into one, read a scenario as of a day,
//! compare two scenarios.

use std::path::Path;

use pendulum_core::Replayer;
use pendulum_core::edit::Edit;
use pendulum_core::swing::{SwingReport, simulate};
use pendulum_core::{Date, Diff, Snapshot, diff};
use pendulum_store::{Document, EditState};
use serde::Serialize;

use crate::error::ApiResult;
use crate::scenario::{load_scenario, scenario_id};
use crate::source::{OrgSource, load};

/// What `import` wrote.
#[derive(Clone, Debug, Serialize)]
pub struct ImportSummary {
    pub people: usize,
    pub teams: usize,
    pub workstreams: usize,
    pub allocations: usize,
    pub bands: usize,
    pub budgets: usize,
    pub warnings: Vec<String>,
}

/// Imports CSVs (or a JSON export) into a new `.pendulum` document, atomically: after a
/// failure or a crash, `out` does not exist (or, with `replace`, still holds its old
/// content).
pub fn import_document(source: &OrgSource, out: &Path, replace: bool) -> ApiResult<ImportSummary> {
    // The import date does not matter for CSV or JSON; documents are refused as sources.
    let loaded = load(source, Date::from_days_since_epoch(0))?;
    let created = if replace {
        Document::create_or_replace(out, &loaded.org, &loaded.rules)?
    } else {
        Document::create(out, &loaded.org, &loaded.rules)?
    };
    drop(created);
    Ok(ImportSummary {
        people: loaded.org.people.len(),
        teams: loaded.org.teams.len(),
        workstreams: loaded.org.workstreams.len(),
        allocations: loaded.org.allocations.len(),
        bands: loaded.org.cost.bands.len(),
        budgets: loaded.org.cost.budgets.len(),
        warnings: loaded.warnings,
    })
}

/// Compares scenario `after` with `before` (default: the baseline) as of a day.
pub fn diff_scenarios(
    path: &Path,
    after: &str,
    before: Option<&str>,
    as_of: Date,
) -> ApiResult<Diff> {
    let b = load_scenario(path, before, as_of)?;
    let a = load_scenario(path, Some(after), as_of)?;
    let sb = Snapshot::new(&b.org, as_of, &b.rules);
    let sa = Snapshot::new(&a.org, as_of, &a.rules);
    Ok(diff(&sb, &sa, &b.rules, &a.rules))
}

/// The swings applied in a scenario, each reported as it was simulated: on the org just
/// before it, as of `as_of`. In log order; swings dated after `as_of` are left out.
pub fn applied_swings(
    path: &Path,
    scenario: Option<&str>,
    as_of: Date,
) -> ApiResult<Vec<SwingReport>> {
    let doc = Document::open_read_only(path)?;
    let id = scenario_id(&doc, scenario)?;
    let (imported, config) = doc.imported();
    let (mut org, mut config) = (imported.clone(), config.clone());
    let mut reports = Vec::new();
    let mut replayer = Replayer::new();
    for entry in doc.log(id)? {
        if entry.state != EditState::Applied || !entry.edit.applies_on(Some(as_of)) {
            continue;
        }
        if let Edit::Swing { swing } = &entry.edit.edit
            && let Ok(report) = simulate(&org, &config, swing, as_of)
        {
            reports.push(report);
        }
        // An edit this view cannot apply is skipped, as the document's own view skips it.
        let _ = replayer.apply(&mut org, &mut config, &entry.edit.edit);
    }
    Ok(reports)
}
