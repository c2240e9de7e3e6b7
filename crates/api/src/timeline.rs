//! The timeline use case (`pendulum timeline`): an org's staffing month by month and the
//! problems ahead, with a document's dated edits taking effect on their days.

use std::path::Path;

use pendulum_core::edit::{DatedEdit, Edit};
use pendulum_core::{Date, Org, Plan, RuleConfig, Timeline, timeline};
use pendulum_store::{Document, EditState, ScenarioId};

use crate::error::{ApiError, ApiResult};
use crate::scenario::scenario_id;
use crate::source::{FileKind, OrgSource, kind_of, load, override_rules, read_file};

/// The most months a timeline covers (ten years).
pub const MAX_MONTHS: u32 = 120;

/// `months` when it is within 1..=[`MAX_MONTHS`], else the error naming the range.
pub fn check_months(months: u32) -> ApiResult<u32> {
    if (1..=MAX_MONTHS).contains(&months) {
        Ok(months)
    } else {
        Err(ApiError::usage(format!(
            "months must be a whole number from 1 to {MAX_MONTHS}, found {months}"
        )))
    }
}

/// An org with the edits that take effect over time: a document scenario's imported org and
/// applied edits, or a CSV or JSON org without edits.
#[derive(Clone, Debug)]
pub struct Dated {
    pub org: Org,
    pub rules: RuleConfig,
    pub edits: Vec<DatedEdit>,
}

impl Dated {
    pub fn plan(&self) -> Plan<'_> {
        Plan {
            org: &self.org,
            config: &self.rules,
            edits: &self.edits,
        }
    }

    /// Replaces the thresholds a rule-configuration file names, on every day: the file's
    /// values win over the document's, and over its dated threshold edits, as they do for
    /// `check --rule-config` on any one day.
    pub fn override_rules(&mut self, path: &Path) -> ApiResult<()> {
        self.rules = override_rules(&self.rules, path)?;
        // The file was just read and checked as an object of thresholds.
        let named: Vec<String> = serde_json::from_slice::<serde_json::Value>(&read_file(path)?)
            .ok()
            .and_then(|v| v.as_object().map(|m| m.keys().cloned().collect()))
            .unwrap_or_default();
        self.edits = self
            .edits
            .iter()
            .filter_map(|e| {
                without_rules(&e.edit, &named).map(|edit| DatedEdit {
                    edit,
                    effective: e.effective,
                })
            })
            .collect();
        Ok(())
    }
}

/// The edit without its changes to the thresholds in `fields` (`None` when nothing is left).
fn without_rules(edit: &Edit, fields: &[String]) -> Option<Edit> {
    match edit {
        Edit::SetRule { change } if fields.iter().any(|f| f == change.field()) => None,
        Edit::Batch { label, edits } => Some(Edit::Batch {
            label: label.clone(),
            edits: edits
                .iter()
                .filter_map(|e| without_rules(e, fields))
                .collect(),
        }),
        other => Some(other.clone()),
    }
}

/// The org `source` names, with a document scenario's applied edits (dated or not).
pub fn load_dated(source: &OrgSource) -> ApiResult<Dated> {
    if kind_of(&source.path)? == FileKind::Document
        && source.workstreams.is_none()
        && source.allocations.is_none()
    {
        let doc = Document::open_read_only(&source.path)?;
        let id = scenario_id(&doc, source.scenario.as_deref())?;
        return dated_scenario(&doc, id);
    }
    // CSV and JSON orgs hold no edits: any day will do.
    let loaded = load(source, Date::from_days_since_epoch(0))?;
    Ok(Dated {
        org: loaded.org,
        rules: loaded.rules,
        edits: Vec::new(),
    })
}

/// A document scenario's imported org with its applied edits, each on its day.
pub fn dated_scenario(doc: &Document, id: ScenarioId) -> ApiResult<Dated> {
    let edits = doc
        .log(id)?
        .into_iter()
        .filter(|e| e.state == EditState::Applied)
        .map(|e| e.edit)
        .collect();
    let (org, rules) = doc.imported();
    Ok(Dated {
        org: org.clone(),
        rules: rules.clone(),
        edits,
    })
}

/// The last month a horizon may cover: dates end with 9999.
const LAST_YEAR: i32 = 9999;

/// The timeline of `dated` over `months` months from `from`.
pub fn timeline_of(dated: &Dated, from: Date, months: u32) -> ApiResult<Timeline> {
    let months = check_months(months)?;
    // Past December 9999 the months could not be written as dates.
    let (year, month, _) = from.ymd();
    if year * 12 + month as i32 - 1 + months as i32 > LAST_YEAR * 12 + 12 {
        return Err(ApiError::usage(format!(
            "{months} months from {from} run past December {LAST_YEAR}; start earlier or cover fewer months"
        )));
    }
    Ok(timeline(&dated.plan(), from, months))
}
