//! The pendulum use cases (`docs/swings.md`): simulate a swing, apply it as a scenario, and read a
//! person's role history.

use pendulum_core::Replayer;
use pendulum_core::edit::{DatedEdit, Edit};
use pendulum_core::swing::{Swing, SwingError, SwingReport, simulate};
use pendulum_core::{Date, Org, PersonId, Role, RuleConfig, Snapshot};
use pendulum_store::{Document, EditState, LoggedEdit, ScenarioId};
use serde::Serialize;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::loaded::Loaded;
use crate::scenario::scenario_id;
use crate::source::{FileKind, OrgSource, load};

/// Where an applied swing went.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct Applied {
    pub scenario: String,
    /// Whether the scenario was forked for this swing.
    pub created: bool,
}

/// A swing's report, and where it was applied when asked.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct SimulateReport {
    #[serde(flatten)]
    pub report: SwingReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub applied: Option<Applied>,
}

/// A swing naming no such person or workstream is `Unknown`, like any other lookup; the rest
/// are refusals of the swing itself.
pub(crate) fn refused(e: SwingError) -> ApiError {
    let code = match e {
        SwingError::UnknownPerson { .. } | SwingError::UnknownWorkstream { .. } => {
            ErrorCode::Unknown
        }
        SwingError::OptionForOtherDirection { .. } | SwingError::DuplicateJoin { .. } => {
            ErrorCode::Usage
        }
        _ => ErrorCode::Refused,
    };
    ApiError::new(code, e.to_string())
}

/// Simulates `swing` on `loaded` (the org `source` names, as of `as_of`). With `apply_to`,
/// the swing's edits are also appended (dated on the swing's day) to that scenario of the
/// document, forking it from the source scenario (default the baseline) when it does not
/// exist; an existing scenario must be the source itself (applying onto the current one).
pub fn simulate_swing(
    source: &OrgSource,
    loaded: &Loaded,
    swing: &Swing,
    as_of: Date,
    apply_to: Option<&str>,
) -> ApiResult<SimulateReport> {
    if apply_to.is_some() && crate::source::kind_of(&source.path)? != FileKind::Document {
        return Err(ApiError::usage(format!(
            "{}: --apply needs a .pendulum document (create one with `pendulum import`)",
            source.path.display()
        )));
    }
    let report = simulate(&loaded.org, &loaded.rules, swing, as_of).map_err(refused)?;
    let applied = match apply_to {
        None => None,
        Some(name) => Some(apply_swing(source, name, report.edit.clone(), swing.date)?),
    };
    Ok(SimulateReport { report, applied })
}

fn apply_swing(source: &OrgSource, name: &str, edit: Edit, date: Date) -> ApiResult<Applied> {
    let mut doc = Document::open(&source.path)?;
    if doc.is_read_only() {
        return Err(ApiError::new(
            ErrorCode::Io,
            format!(
                "{} is read-only: the swing cannot be applied",
                source.path.display()
            ),
        ));
    }
    let (target, created) = match doc.scenario(name) {
        Ok(id) => {
            // The swing was planned on the source scenario: on any other it would not do
            // what the report says.
            if id != scenario_id(&doc, source.scenario.as_deref())? {
                return Err(ApiError::usage(format!(
                    "scenario {name:?} already exists and the swing was simulated on {}; simulate with --scenario {name:?} to apply onto it, or name a new scenario",
                    source
                        .scenario
                        .as_deref()
                        .map_or_else(|| "the baseline".to_string(), |s| format!("{s:?}"))
                )));
            }
            (id, false)
        }
        Err(pendulum_store::StoreError::UnknownScenario { .. }) => {
            let from = scenario_id(&doc, source.scenario.as_deref())?;
            (doc.fork(from, name)?, true)
        }
        Err(e) => return Err(e.into()),
    };
    doc.apply(target, DatedEdit::from(edit, date))?;
    Ok(Applied {
        scenario: name.to_string(),
        created,
    })
}

/// One stretch of time in a role.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
pub struct RoleSpell {
    pub role: Role,
    /// When it began, when known.
    pub since: Option<Date>,
    /// When it ended (the next spell's start); `None` for the current role.
    pub until: Option<Date>,
    /// "import" for the role on file, "edit" for a change made in Pendulum (a swing, an edit).
    pub source: &'static str,
}

/// A person's pendulum: every role they held, and how long they have been in the current one.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct HistoryReport {
    pub person: PersonId,
    pub name: String,
    pub as_of: Date,
    pub role: Role,
    pub since: Option<Date>,
    pub days_in_role: Option<i64>,
    pub years_in_role: Option<f64>,
    /// Oldest first; the last one is the current role.
    pub spells: Vec<RoleSpell>,
    /// Their manager load on the day, when they lead anyone, hire or hold a leader's role
    /// (`docs/model.md`, "Manager load").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub load: Option<pendulum_core::ManagerLoad>,
}

/// The role history of one person: the role on file (since `role_since`), then every change
/// of role made by an edit of the scenario, dated by the edit's `role_since` or its effective
/// day. For a CSV or JSON org, only the role on file is known.
pub fn history(source: &OrgSource, person: &str, as_of: Date) -> ApiResult<HistoryReport> {
    let loaded = load(source, as_of)?;
    let log = if crate::source::kind_of(&source.path)? == FileKind::Document {
        let doc = Document::open_read_only(&source.path)?;
        let id = scenario_id(&doc, source.scenario.as_deref())?;
        Some(RoleLog::of(&doc, id)?)
    } else {
        None
    };
    role_history(
        &Snapshot::new(&loaded.org, as_of, &loaded.rules),
        &loaded.rules,
        log,
        person,
    )
}

/// What role changes are read from: the org as imported and a scenario's edit log.
#[derive(Debug)]
pub(crate) struct RoleLog {
    imported: Org,
    config: RuleConfig,
    log: Vec<LoggedEdit>,
}

impl RoleLog {
    pub(crate) fn of(doc: &Document, scenario: ScenarioId) -> ApiResult<RoleLog> {
        let (imported, config) = doc.imported();
        Ok(RoleLog {
            imported: imported.clone(),
            config: config.clone(),
            log: doc.log(scenario)?,
        })
    }
}

/// [`history`] of a person of `snapshot` (the scenario as of its day), the changes read from
/// `log` when the org comes from a document.
pub(crate) fn role_history(
    snapshot: &Snapshot<'_>,
    rules: &RuleConfig,
    log: Option<RoleLog>,
    person: &str,
) -> ApiResult<HistoryReport> {
    let as_of = snapshot.as_of();
    let unknown = || ApiError::new(ErrorCode::Unknown, format!("no person has id {person:?}"));
    let ix = snapshot.person_ix(person).ok_or_else(unknown)?;
    let current = snapshot.person(ix);
    let role_now = if snapshot.is_present(ix) {
        snapshot.role(ix)
    } else {
        current.role.unwrap_or(Role::Ic)
    };

    let mut spells: Vec<RoleSpell> = Vec::new();
    if let Some(RoleLog {
        imported: mut org,
        mut config,
        log,
    }) = log
    {
        let state = |org: &Org| {
            org.people
                .iter()
                .find(|p| p.id.as_str() == person)
                .map(|p| (p.role, p.role_since))
        };
        // A role not on file is the one the reporting lines give at that point of the log
        // (the current role would misname the spells before a swing).
        let resolve = |org: &Org, config: &RuleConfig, role: Option<Role>| {
            role.unwrap_or_else(|| {
                let s = Snapshot::new(org, as_of, config);
                s.person_ix(person).map_or(Role::Ic, |i| s.role(i))
            })
        };
        let mut last = state(&org);
        let mut last_role = None;
        if let Some((role, since)) = last {
            let role = resolve(&org, &config, role);
            last_role = Some(role);
            spells.push(RoleSpell {
                role,
                since,
                until: None,
                source: "import",
            });
        }
        let mut replayer = Replayer::new();
        for entry in log {
            if entry.state != EditState::Applied || !entry.edit.applies_on(Some(as_of)) {
                continue;
            }
            if replayer
                .apply(&mut org, &mut config, &entry.edit.edit)
                .is_err()
            {
                continue; // skipped in this view, as the document's own view skips it
            }
            let now = state(&org);
            if now != last
                && let Some((role, since)) = now
            {
                let role = resolve(&org, &config, role);
                if last_role != Some(role) {
                    let since = since.or(entry.edit.effective);
                    if let Some(prev) = spells.last_mut() {
                        prev.until = since;
                    }
                    spells.push(RoleSpell {
                        role,
                        since,
                        until: None,
                        source: "edit",
                    });
                    last_role = Some(role);
                }
            }
            last = now;
        }
    } else {
        spells.push(RoleSpell {
            role: role_now,
            since: current.role_since,
            until: None,
            source: "import",
        });
    }
    let since = current.role_since;
    let days = since.map(|s| as_of.days_since(s));
    Ok(HistoryReport {
        person: current.id.clone(),
        name: current.name.clone(),
        as_of,
        role: role_now,
        since,
        days_in_role: days,
        years_in_role: days.map(|d| pendulum_core::stats::round4(d as f64 / 365.25)),
        spells,
        load: pendulum_core::manager_load(snapshot, rules, person),
    })
}
