//! Viewing and changing the open document: the view, edits, undo and redo, scenarios,
//! comparisons and swings. Every change answers with what the window shows next
//! ([`Shown`]), computed once.

use pendulum_core::edit::DatedEdit;
use pendulum_core::swing::{Swing, SwingReport, simulate};
use pendulum_core::{Diff, Projection, Snapshot, check, diff_checked};
use pendulum_store::ScenarioId;

use super::{Session, Shown};
use crate::cost::scenario_projection;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::pendulum::{HistoryReport, RoleLog, role_history};
use crate::view::{OrgView, PayShown, SkippedRow, ViewRequest, hide_pay_flags};

impl Session {
    /// The chart, cards, flags, figures and workload of the current scenario as of a day.
    /// A day given becomes the session's, so what is compared, simulated and exported next is
    /// what the user is looking at. `request.against` is left to [`Session::show`].
    pub fn view(&mut self, request: &ViewRequest) -> ApiResult<OrgView> {
        self.take_day(request);
        let scenario = self.info()?.scenario;
        let plain = ViewRequest {
            against: None,
            history_of: None,
            ..request.clone()
        };
        Ok(self.project(&plain, scenario, None)?.view)
    }

    /// What is open and what the window shows of it: the view `request` asks for, the
    /// comparison with the scenario it names (other than the current one) and the role
    /// history of the person it names.
    pub fn show(&mut self, request: &ViewRequest) -> ApiResult<Shown> {
        self.take_day(request);
        let info = self.info()?;
        let against = request.against.as_deref().filter(|name| {
            *name != info.scenario && info.scenarios.iter().any(|s| s.name == *name)
        });
        let Projected {
            view,
            diff,
            history,
            compare_projection,
        } = self.project(request, info.scenario.clone(), against)?;
        Ok(Shown {
            info,
            view,
            diff,
            history,
            compare_projection,
        })
    }

    fn take_day(&mut self, request: &ViewRequest) {
        if let Some(day) = request.as_of {
            self.as_of = day;
        }
    }

    /// The current scenario's view, its comparison with the scenario named `against` and the
    /// role history `request` asks for, from one snapshot of the org the document holds
    /// (borrowed, not copied).
    fn project(
        &mut self,
        request: &ViewRequest,
        scenario: String,
        against: Option<&str>,
    ) -> ApiResult<Projected> {
        let as_of = self.as_of;
        let open = self.open_mut()?;
        let show_pay = open.show_pay;
        // The other scenario is read first: the document keeps one scenario ready, and the
        // current one is the one the next edit needs.
        let (before, compare_projection) = match against {
            Some(name) => {
                let id = open.doc.scenario(name)?;
                let projection = if show_pay {
                    Some(scenario_projection(&mut open.doc, id, as_of)?)
                } else {
                    None
                };
                (
                    Some(open.doc.view(id, Some(as_of))?.into_owned()),
                    projection,
                )
            }
            None => (None, None),
        };
        let pay = if show_pay {
            Some(PayShown {
                projection: scenario_projection(&mut open.doc, open.scenario, as_of)?,
            })
        } else {
            None
        };
        let log = match request.history_of {
            Some(_) => Some(RoleLog::of(&open.doc, open.scenario)?),
            None => None,
        };
        let edit_days = open.doc.effective_dates(open.scenario)?;
        let after = open.doc.view(open.scenario, Some(as_of))?;
        let skipped = after.skipped.clone();
        let s = Snapshot::new(&after.org, as_of, &after.config);
        let mut view = OrgView::of(&s, &after.config, request, scenario, edit_days, pay)?;
        let diff = before.map(|b| {
            let sb = Snapshot::new(&b.org, as_of, &b.config);
            shown_diff(&sb, &b.config, &s, &view.flags, show_pay)
        });
        // Someone the change removed has no history to show: not an error of the change.
        let history = request
            .history_of
            .as_ref()
            .and_then(|person| role_history(&s, log, person.as_str()).ok());
        drop(s);
        drop(after);
        if !skipped.is_empty() {
            // Read only when there is something to name: a long log costs a parse per edit.
            let log = open.doc.log(open.scenario)?;
            view.skipped = skipped
                .iter()
                .map(|k| SkippedRow {
                    seq: k.seq.0,
                    op: log
                        .iter()
                        .find(|e| e.seq == k.seq)
                        .map(|e| crate::update::op_of(&e.edit))
                        .unwrap_or_default(),
                    reason: k.error.to_string(),
                })
                .collect();
        }
        Ok(Projected {
            view,
            diff,
            history,
            compare_projection,
        })
    }

    /// Turns "Show compensation" on or off for the open document (saved in it unless it is
    /// read-only, where it lasts the session) and answers with the view it changes.
    pub fn set_show_compensation(&mut self, on: bool, show: &ViewRequest) -> ApiResult<Shown> {
        let open = self.open_mut()?;
        if !open.doc.is_read_only() {
            open.doc.set_show_compensation(on)?;
        }
        open.show_pay = on;
        self.show(show)
    }

    /// Applies one edit to the current scenario and saves it; a refused edit (a move that
    /// would create a cycle, say) changes nothing and says why. Answers with what `show`
    /// asks to see of the result.
    pub fn apply_edit(&mut self, edit: DatedEdit, show: &ViewRequest) -> ApiResult<Shown> {
        let open = self.open_mut()?;
        open.doc.apply(open.scenario, edit)?;
        self.show(show)
    }

    pub fn undo(&mut self, show: &ViewRequest) -> ApiResult<Shown> {
        let open = self.open_mut()?;
        open.doc.undo(open.scenario)?;
        self.show(show)
    }

    pub fn redo(&mut self, show: &ViewRequest) -> ApiResult<Shown> {
        let open = self.open_mut()?;
        open.doc.redo(open.scenario)?;
        self.show(show)
    }

    /// Makes the scenario with this name current.
    pub fn switch_scenario(&mut self, name: &str, show: &ViewRequest) -> ApiResult<Shown> {
        let open = self.open_mut()?;
        open.scenario = open.doc.scenario(name)?;
        self.show(show)
    }

    /// Forks the current scenario under a new name and makes the fork current.
    pub fn fork(&mut self, name: &str, show: &ViewRequest) -> ApiResult<Shown> {
        let open = self.open_mut()?;
        open.scenario = open.doc.fork(open.scenario, name)?;
        self.show(show)
    }

    pub fn rename_scenario(
        &mut self,
        name: &str,
        new_name: &str,
        show: &ViewRequest,
    ) -> ApiResult<Shown> {
        let open = self.open_mut()?;
        let id = open.doc.scenario(name)?;
        open.doc.rename(id, new_name)?;
        self.show(show)
    }

    /// Deletes a scenario; deleting the current one makes the baseline current.
    pub fn delete_scenario(&mut self, name: &str, show: &ViewRequest) -> ApiResult<Shown> {
        let open = self.open_mut()?;
        let id = open.doc.scenario(name)?;
        open.doc.delete(id)?;
        if open.scenario == id {
            open.scenario = ScenarioId::BASELINE;
        }
        self.show(show)
    }

    /// The current scenario compared with `against` (default the baseline), as of the
    /// session's day.
    pub fn compare(&mut self, against: Option<&str>) -> ApiResult<Diff> {
        let as_of = self.as_of;
        let open = self.open_mut()?;
        let other = match against {
            Some(n) => open.doc.scenario(n)?,
            None => ScenarioId::BASELINE,
        };
        let show_pay = open.show_pay;
        let b = open.doc.view(other, Some(as_of))?.into_owned();
        let a = open.doc.view(open.scenario, Some(as_of))?;
        let (sb, sa) = (
            Snapshot::new(&b.org, as_of, &b.config),
            Snapshot::new(&a.org, as_of, &a.config),
        );
        let mut after_flags = check(&sa, &a.config);
        if !show_pay {
            hide_pay_flags(&mut after_flags);
        }
        Ok(shown_diff(&sb, &b.config, &sa, &after_flags, show_pay))
    }

    /// Simulates a swing on the current scenario, as of the session's day. Changes nothing.
    pub fn simulate(&mut self, swing: &Swing) -> ApiResult<SwingReport> {
        let as_of = self.as_of;
        let open = self.open_mut()?;
        let show_pay = open.show_pay;
        let view = open.doc.view(open.scenario, Some(as_of))?;
        let mut report = simulate(&view.org, &view.config, swing, as_of)
            .map_err(|e| ApiError::new(ErrorCode::Refused, e.to_string()))?;
        if !show_pay {
            report.cost = None;
            report.before.cost = None;
            report.after.cost = None;
            hide_pay_flags(&mut report.flags_added);
            hide_pay_flags(&mut report.flags_resolved);
        }
        Ok(report)
    }

    /// Applies a swing as edits to the scenario `into` (forked from the current one when it
    /// does not exist) and makes that scenario current.
    pub fn apply_swing(
        &mut self,
        swing: &Swing,
        into: &str,
        show: &ViewRequest,
    ) -> ApiResult<Shown> {
        let report = self.simulate(swing)?;
        let open = self.open_mut()?;
        let target = match open.doc.scenario(into) {
            Ok(id) => id,
            Err(pendulum_store::StoreError::UnknownScenario { .. }) => {
                open.doc.fork(open.scenario, into)?
            }
            Err(e) => return Err(e.into()),
        };
        open.doc
            .apply(target, DatedEdit::from(report.edit, swing.date))?;
        open.scenario = target;
        self.show(show)
    }

    /// A person's role history in the current scenario, as of the session's day.
    pub fn history(&mut self, person: &str) -> ApiResult<HistoryReport> {
        let as_of = self.as_of;
        let open = self.open_mut()?;
        let log = RoleLog::of(&open.doc, open.scenario)?;
        let view = open.doc.view(open.scenario, Some(as_of))?;
        role_history(
            &Snapshot::new(&view.org, as_of, &view.config),
            Some(log),
            person,
        )
    }
}

/// What [`Session::show`] adds to the document info.
struct Projected {
    view: OrgView,
    diff: Option<Diff>,
    history: Option<HistoryReport>,
    compare_projection: Option<Projection>,
}

/// `after` (whose flags, as shown, are given) against `before`. While pay is hidden the
/// comparison holds no waterfall and no `over-budget` flag, not even in its flag counts.
fn shown_diff(
    before: &Snapshot<'_>,
    before_config: &pendulum_core::RuleConfig,
    after: &Snapshot<'_>,
    after_flags: &[pendulum_core::Flag],
    show_pay: bool,
) -> Diff {
    let mut before_flags = check(before, before_config);
    if !show_pay {
        hide_pay_flags(&mut before_flags);
    }
    let mut d = diff_checked(before, &before_flags, after, after_flags);
    if !show_pay {
        d.cost = None;
    }
    d
}
