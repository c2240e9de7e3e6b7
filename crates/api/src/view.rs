//! What the app's screens show of one scenario on one day: [`OrgView`], projected from an
//! org in one pass over a snapshot built once, borrowing the org rather than copying it.

use pendulum_core::cost::{Pay, workstream_costs};
use pendulum_core::model::within;
use pendulum_core::stats::round4;
use pendulum_core::{
    CostSettings, Date, Flag, Money, Org, PersonId, PersonIx, Projection, Role, Rule, RuleConfig,
    Snapshot, Stats, Status, TeamId, TeamKind, WorkstreamCost, WorkstreamKind, check,
};
use serde::{Deserialize, Serialize};

use crate::error::ApiResult;
use crate::reports::{LayoutReport, LayoutRequest, layout_of};

/// What the chart should show.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[derive(ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct ViewRequest {
    /// `None`: the session's as-of date.
    pub as_of: Option<Date>,
    /// People whose reports are hidden (the layout re-flows without them).
    #[ts(as = "Option<_>", optional)]
    pub collapsed: Vec<PersonId>,
    #[ts(as = "Option<_>", optional)]
    pub left_right: bool,
    /// The scenario the current one is compared with: its comparison comes with the view.
    pub against: Option<String>,
    /// A person whose role history comes with the view (the one the inspector shows).
    pub history_of: Option<PersonId>,
}

/// A person as a card and in the inspector: fields on file plus figures as of the view's day.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct PersonCard {
    pub id: PersonId,
    pub name: String,
    pub title: String,
    /// The effective role (on file, or inferred).
    pub role: Role,
    /// The role on file, `None` when inferred.
    pub role_on_file: Option<Role>,
    pub team: Option<TeamId>,
    pub level: Option<String>,
    pub status: Status,
    pub manager_id: Option<PersonId>,
    /// Secondary managers as on file (drawn as dotted lines; no effect on spans), present or
    /// not on the view's day.
    pub dotted_managers: Vec<PersonId>,
    pub fte: f64,
    pub location: Option<String>,
    pub email: Option<String>,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub role_since: Option<Date>,
    pub assistant: bool,
    pub span: u32,
    pub direct: u32,
    pub total: u32,
    pub depth: u32,
    pub ramp: f64,
    pub allocated_percent: f64,
    /// Their annual cost (own, else band × fte); `None` when unknown or pay is hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cost: Option<Money>,
    /// Their own cost on file; `None` when they have none or pay is hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cost_on_file: Option<Money>,
}

#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct WorkstreamRow {
    pub id: String,
    pub name: String,
    pub team: Option<String>,
    pub kind: WorkstreamKind,
    pub priority: Option<String>,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub active: bool,
    pub required_fte: f64,
    pub effective_fte: f64,
    pub allocated_fte: f64,
    /// required / effective; `None` when nothing effective is allocated.
    pub load: Option<f64>,
    pub people: u32,
    /// What it costs on the view's day; `None` when pay is hidden.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cost: Option<WorkstreamCost>,
}

#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct AllocationRow {
    pub person: String,
    pub workstream: String,
    pub percent: f64,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    /// Counts on the view's day.
    pub active: bool,
}

/// A team as the flags panel and chart need it: who leads it and how many are in it.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct TeamRow {
    pub id: String,
    /// The lead on file, else the team's highest member on the view's day (the first met
    /// breadth-first); `None` for a team with nobody in it.
    pub lead: Option<String>,
    pub kind: Option<TeamKind>,
    /// Present people in the team on the view's day.
    pub people: u32,
}

/// Everything the app's screens show for one scenario and day.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct OrgView {
    pub as_of: Date,
    pub scenario: String,
    pub people: Vec<PersonCard>,
    pub layout: LayoutReport,
    pub flags: Vec<Flag>,
    pub stats: Stats,
    pub rules: RuleConfig,
    pub workstreams: Vec<WorkstreamRow>,
    pub allocations: Vec<AllocationRow>,
    pub teams: Vec<TeamRow>,
    /// The days on which the org changes (people start or leave, workstreams and allocations
    /// begin or end, dated edits take effect), sorted: the as-of slider's ticks.
    pub key_dates: Vec<Date>,
    /// The scenario's applied edits this view could not apply (after a baseline update, or a
    /// dated edit that depends on a later one), in log order: the scenario panel marks them
    /// for the user to drop or redo by hand.
    pub skipped: Vec<SkippedRow>,
    /// Pay settings and the fiscal year, only while "Show compensation" is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub cost: Option<CostView>,
}

/// One edit of the scenario's log that does not apply to this view.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct SkippedRow {
    /// The edit's number in the document's log.
    pub seq: i64,
    /// Its kind (`move-person`, `swing`…).
    pub op: String,
    /// Why it does not apply.
    pub reason: String,
}

/// What the app shows of pay once the user turned it on: the settings to edit (currency,
/// bands, budgets, fiscal year) and the fiscal year month by month. The run-rate is in
/// `stats.cost`, people's and workstreams' costs on their rows.
#[derive(Clone, Debug, Serialize, ts_rs::TS)]
pub struct CostView {
    pub settings: CostSettings,
    pub projection: Projection,
}

/// Whether the view shows pay, and what it needs to: `Some` only while the user shows it.
#[derive(Debug)]
pub struct PayShown {
    pub projection: Projection,
}

impl OrgView {
    /// The view of `snapshot` (its org as of its day) drawn as `request` asks, for the
    /// scenario named `scenario`; `edit_days` are the days its dated edits take effect.
    /// With `pay` `None`, nothing about pay is in it: no cost, band, budget or
    /// `over-budget` flag.
    pub fn of(
        snapshot: &Snapshot<'_>,
        rules: &RuleConfig,
        request: &ViewRequest,
        scenario: String,
        edit_days: Vec<Date>,
        pay: Option<PayShown>,
    ) -> ApiResult<OrgView> {
        let s = snapshot;
        let org = s.org();
        let people_pay = pay.as_ref().map(|_| Pay::of(org));
        let mut stats = Stats::of(s);
        let mut flags = check(s, rules);
        if pay.is_none() {
            stats.cost = None;
            hide_pay_flags(&mut flags);
        }
        let layout = layout_of(
            s,
            &LayoutRequest {
                root: None,
                left_right: request.left_right,
                collapsed: request.collapsed.clone(),
            },
        )?;
        Ok(OrgView {
            as_of: s.as_of(),
            scenario,
            people: s
                .breadth_first()
                .iter()
                .map(|&i| card(s, i, people_pay.as_ref()))
                .collect(),
            layout,
            flags,
            stats,
            rules: rules.clone(),
            workstreams: workstream_rows(s, pay.is_some()),
            allocations: allocation_rows(s),
            teams: pendulum_core::team::teams(s)
                .into_iter()
                .map(|t| TeamRow {
                    id: t.team.id.0.clone(),
                    lead: t.lead.map(|l| l.0.clone()),
                    kind: t.team.kind,
                    people: t.people,
                })
                .collect(),
            key_dates: key_dates(org, edit_days),
            skipped: Vec::new(),
            cost: pay.map(|p| CostView {
                settings: org.cost.clone(),
                projection: p.projection,
            }),
        })
    }
}

/// Drops the flags made from pay (`over-budget`): while pay is hidden, not even how far a
/// team is over its budget shows.
pub fn hide_pay_flags(flags: &mut Vec<Flag>) {
    flags.retain(|f| f.rule != Rule::OverBudget);
}

fn card(s: &Snapshot<'_>, i: PersonIx, pay: Option<&Pay>) -> PersonCard {
    let p = s.person(i);
    PersonCard {
        id: p.id.clone(),
        name: p.name.clone(),
        title: p.title.clone(),
        role: s.role(i),
        role_on_file: p.role,
        team: p.team.clone(),
        level: p.level.clone(),
        status: p.status,
        manager_id: p.manager_id.clone(),
        dotted_managers: p.dotted_managers.clone(),
        fte: p.fte,
        location: p.location.clone(),
        email: p.email.clone(),
        start_date: p.start_date,
        end_date: p.end_date,
        role_since: p.role_since,
        assistant: p.assistant,
        span: s.span(i),
        direct: s.direct_under(i),
        total: s.total_under(i),
        depth: s.depth(i),
        ramp: round4(s.ramp(i)),
        allocated_percent: round4(s.allocated_percent(i)),
        cost: pay.and_then(|pay| pay.person(p)),
        cost_on_file: pay.and(p.cost),
    }
}

fn workstream_rows(s: &Snapshot<'_>, pay: bool) -> Vec<WorkstreamRow> {
    let costs = if pay { workstream_costs(s) } else { Vec::new() };
    s.org()
        .workstreams
        .iter()
        .zip(0u32..)
        .map(|(w, wi)| {
            let load = s.workstream_load(wi);
            WorkstreamRow {
                id: w.id.0.clone(),
                name: w.name.clone(),
                team: w.team.as_ref().map(|t| t.0.clone()),
                kind: w.kind,
                priority: w.priority.clone(),
                start_date: w.start_date,
                end_date: w.end_date,
                active: load.active,
                required_fte: w.required_fte,
                effective_fte: round4(load.effective_fte),
                allocated_fte: round4(load.allocated_fte),
                load: (load.effective_fte > 0.0)
                    .then(|| round4(w.required_fte / load.effective_fte)),
                people: load.holders,
                cost: costs.get(wi as usize).copied(),
            }
        })
        .collect()
}

fn allocation_rows(s: &Snapshot<'_>) -> Vec<AllocationRow> {
    s.org()
        .allocations
        .iter()
        .map(|a| {
            let present = s
                .person_ix(a.person.as_str())
                .is_some_and(|p| s.is_present(p));
            let ws_active = s
                .workstream_ix(a.workstream.as_str())
                .is_some_and(|w| s.workstream_load(w).active);
            AllocationRow {
                person: a.person.0.clone(),
                workstream: a.workstream.0.clone(),
                percent: a.percent,
                start_date: a.start_date,
                end_date: a.end_date,
                active: present && ws_active && within(a.start_date, a.end_date, s.as_of()),
            }
        })
        .collect()
}

/// Every day on which something in `org` starts or ends, or a dated edit takes effect, sorted
/// and distinct. (The day a role began is history, not a change a view shows: left out.)
fn key_dates(org: &Org, edit_days: Vec<Date>) -> Vec<Date> {
    let mut days: std::collections::BTreeSet<Date> = edit_days.into_iter().collect();
    for p in &org.people {
        days.extend([p.start_date, p.end_date].into_iter().flatten());
    }
    for w in &org.workstreams {
        days.extend([w.start_date, w.end_date].into_iter().flatten());
    }
    for a in &org.allocations {
        days.extend([a.start_date, a.end_date].into_iter().flatten());
    }
    days.into_iter().collect()
}
