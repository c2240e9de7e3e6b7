//! A `.pendulum` document's scenario, by name, as of a day.

use std::path::Path;

use pendulum_core::Date;
use pendulum_store::{Document, ScenarioId};

use crate::error::ApiResult;
use crate::loaded::Loaded;

/// The scenario a name picks: the baseline when `None`.
pub fn scenario_id(doc: &Document, name: Option<&str>) -> ApiResult<ScenarioId> {
    match name {
        None => Ok(ScenarioId::BASELINE),
        Some(n) => Ok(doc.scenario(n)?),
    }
}

/// A scenario of a document as of a day. Edits that cannot apply on that day (they depend
/// on a later-dated edit) are skipped and reported as warnings.
pub fn load_scenario(path: &Path, scenario: Option<&str>, as_of: Date) -> ApiResult<Loaded> {
    let mut doc = Document::open_read_only(path)?;
    let id = scenario_id(&doc, scenario)?;
    let view = doc.view(id, Some(as_of))?;
    let warnings = view
        .skipped
        .iter()
        .map(|s| {
            format!(
                "{}: edit {} does not apply as of {as_of}: {}",
                path.display(),
                s.seq.0,
                s.error
            )
        })
        .collect();
    Ok(Loaded {
        org: view.org.clone(),
        rules: view.config.clone(),
        warnings,
    })
}
