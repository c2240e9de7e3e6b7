//! A swing turned into one [`Edit::Batch`] of ordinary edits, and the reporting lines it moves.

use serde::Serialize;

use crate::Date;
use crate::diff::Move;
use crate::edit::{Edit, EditError, PersonChange};
use crate::model::{Allocation, Org, PersonId, Role, WorkstreamId};
use crate::rules::RuleConfig;
use crate::snapshot::{PersonIx, Snapshot};
use crate::stats::round4;
use crate::swing::{Swing, SwingTo};

/// Why a swing cannot be simulated.
#[derive(Clone, PartialEq, Debug, thiserror::Error, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SwingError {
    #[error("no person has id {id:?}")]
    UnknownPerson { id: PersonId },
    #[error("no workstream has id {id:?}")]
    UnknownWorkstream { id: WorkstreamId },
    #[error("{id:?} is not in the org on {date} (not started yet, or left)")]
    NotPresent { id: PersonId, date: Date },
    #[error("{id:?} is already a {role}; a swing to manager starts from an IC")]
    NotAnIc { id: PersonId, role: &'static str },
    #[error("{id:?} is an IC; a swing to IC starts from a manager, director or executive")]
    NotALeader { id: PersonId },
    #[error("{id:?} cannot be their own report or successor")]
    SelfReference { id: PersonId },
    #[error("{id:?} is listed twice in the reports")]
    DuplicateReport { id: PersonId },
    #[error(
        "moving {report:?} under {manager:?} would create a reporting cycle: {manager:?} already reports up through {report:?}"
    )]
    WouldCreateCycle { report: PersonId, manager: PersonId },
    #[error("{id:?} has no manager and no peer managers to take their reports; name a successor")]
    NowhereForReports { id: PersonId },
    #[error("join percent for {workstream:?} must be in (0, 100], found {percent}")]
    BadPercent {
        workstream: WorkstreamId,
        percent: f64,
    },
    #[error("{option} does not apply to a swing to {to}")]
    OptionForOtherDirection {
        option: &'static str,
        to: &'static str,
    },
    #[error("workstream {id:?} is named twice in join")]
    DuplicateJoin { id: WorkstreamId },
    #[error(
        "the swing on {date} has not happened yet as of {as_of}: look at the org as of {date} or later to see what it does"
    )]
    NotYet { date: Date, as_of: Date },
    #[error("the swing's edits were refused: {0}")]
    Edit(#[from] EditError),
}

/// The swing as edits, and the reporting lines it moves.
#[derive(Clone, PartialEq, Debug)]
pub struct SwingPlan {
    pub edit: Edit,
    pub moves: Vec<Move>,
}

/// Drafts a swing as edits on the org as of the swing's date, without proving that they
/// apply ([`super::plan`] proves them; applying an [`Edit::Swing`] proves them on the spot).
/// Never changes `org`.
pub(crate) fn draft(
    org: &Org,
    config: &RuleConfig,
    swing: &Swing,
) -> Result<SwingPlan, SwingError> {
    draft_on(org, &Snapshot::new(org, swing.date, config), config, swing)
}

/// [`draft`] on `s`, the snapshot of `org` as of the swing's date, so many swings of one day
/// share one snapshot.
pub(crate) fn draft_on(
    org: &Org,
    s: &Snapshot<'_>,
    config: &RuleConfig,
    swing: &Swing,
) -> Result<SwingPlan, SwingError> {
    let wrong = |option, to| Err(SwingError::OptionForOtherDirection { option, to });
    match swing.to {
        SwingTo::Manager if swing.successor.is_some() => return wrong("a successor", "manager"),
        SwingTo::Manager if !swing.join.is_empty() => return wrong("join", "manager"),
        SwingTo::Ic if !swing.reports.is_empty() => return wrong("reports", "IC"),
        _ => {}
    }
    for (k, (ws, _)) in swing.join.iter().enumerate() {
        if swing.join[..k].iter().any(|(w, _)| w == ws) {
            return Err(SwingError::DuplicateJoin { id: ws.clone() });
        }
    }
    let person = present(s, &swing.person, swing.date)?;
    let mut edits = Vec::new();
    let mut moves = Vec::new();
    let mut move_to = |edits: &mut Vec<Edit>, r: PersonIx, to: Option<PersonIx>| {
        // The manager on file, as `diff` names it, even when they are absent on the day.
        let from = s.person(r).manager_id.clone();
        let to_id = to.map(|m| s.person(m).id.clone());
        edits.push(Edit::MovePerson {
            id: s.person(r).id.clone(),
            manager: to_id.clone(),
        });
        moves.push(Move {
            person: s.person(r).id.clone(),
            from,
            to: to_id,
        });
    };
    let label = match swing.to {
        SwingTo::Manager => {
            let role = s.role(person);
            if role != Role::Ic {
                return Err(SwingError::NotAnIc {
                    id: swing.person.clone(),
                    role: role.as_str(),
                });
            }
            let mut seen = Vec::with_capacity(swing.reports.len());
            for id in &swing.reports {
                let r = present(s, id, swing.date)?;
                if r == person {
                    return Err(SwingError::SelfReference { id: id.clone() });
                }
                if seen.contains(&r) {
                    return Err(SwingError::DuplicateReport { id: id.clone() });
                }
                seen.push(r);
                if is_ancestor(s, r, person) {
                    return Err(SwingError::WouldCreateCycle {
                        report: id.clone(),
                        manager: swing.person.clone(),
                    });
                }
                if s.parent(r) != Some(person) {
                    move_to(&mut edits, r, Some(person));
                }
            }
            become_manager(&mut edits, org, config, &swing.person, swing.date);
            format!("{} swings to manager", swing.person)
        }
        SwingTo::Ic => {
            if !s.role(person).leads_people() {
                return Err(SwingError::NotALeader {
                    id: swing.person.clone(),
                });
            }
            let reports: Vec<PersonIx> = s.children(person).to_vec();
            if let Some(succ_id) = &swing.successor {
                let succ = present(s, succ_id, swing.date)?;
                if succ == person {
                    return Err(SwingError::SelfReference {
                        id: succ_id.clone(),
                    });
                }
                if s.parent(succ) == Some(person) {
                    // The successor takes the seat: up to the person's manager, the rest under them.
                    move_to(&mut edits, succ, s.parent(person));
                } else if let Some(via) = ancestor_below(s, succ, person) {
                    return Err(SwingError::WouldCreateCycle {
                        report: s.person(via).id.clone(),
                        manager: succ_id.clone(),
                    });
                }
                for &r in reports.iter().filter(|&&r| r != succ) {
                    move_to(&mut edits, r, Some(succ));
                }
                if s.role(succ) == Role::Ic {
                    become_manager(&mut edits, org, config, succ_id, swing.date);
                }
            } else {
                let manager = s.parent(person);
                let mut peers: Vec<(PersonIx, u32)> = match manager {
                    Some(m) => s
                        .children(m)
                        .iter()
                        .filter(|&&p| p != person && s.role(p) == Role::Manager)
                        .map(|&p| (p, s.span(p)))
                        .collect(),
                    None => Vec::new(),
                };
                if peers.is_empty() && manager.is_none() && !reports.is_empty() {
                    return Err(SwingError::NowhereForReports {
                        id: swing.person.clone(),
                    });
                }
                let mut by_id = reports.clone();
                by_id.sort_by(|&a, &b| s.person(a).id.cmp(&s.person(b).id));
                for r in by_id {
                    let to = if peers.is_empty() {
                        manager
                    } else {
                        let k = (0..peers.len())
                            .min_by(|&a, &b| {
                                peers[a].1.cmp(&peers[b].1).then_with(|| {
                                    s.person(peers[a].0).id.cmp(&s.person(peers[b].0).id)
                                })
                            })
                            .unwrap_or(0);
                        if !s.person(r).assistant {
                            peers[k].1 += 1;
                        }
                        Some(peers[k].0)
                    };
                    move_to(&mut edits, r, to);
                }
            }
            let id = swing.person.clone();
            let change = |change| Edit::UpdatePerson {
                id: id.clone(),
                change,
            };
            edits.push(change(PersonChange::Role(Some(Role::Ic))));
            edits.push(change(PersonChange::RoleSince(Some(swing.date))));
            edits.push(change(PersonChange::RerampFrom(Some(swing.date))));
            for (ws, percent) in &swing.join {
                if s.workstream_ix(ws.as_str()).is_none() {
                    return Err(SwingError::UnknownWorkstream { id: ws.clone() });
                }
                if !(*percent > 0.0 && *percent <= 100.0) {
                    return Err(SwingError::BadPercent {
                        workstream: ws.clone(),
                        percent: *percent,
                    });
                }
                edits.push(Edit::Allocate {
                    allocation: Allocation {
                        person: id.clone(),
                        workstream: ws.clone(),
                        percent: *percent,
                        start_date: Some(swing.date),
                        end_date: None,
                    },
                });
            }
            format!("{} swings to IC", swing.person)
        }
    };
    let edit = Edit::Batch { label, edits };
    Ok(SwingPlan { edit, moves })
}

/// Role, role-since and the allocation scaling of someone who becomes a manager.
fn become_manager(
    edits: &mut Vec<Edit>,
    org: &Org,
    config: &RuleConfig,
    id: &PersonId,
    date: Date,
) {
    let change = |change| Edit::UpdatePerson {
        id: id.clone(),
        change,
    };
    edits.push(change(PersonChange::Role(Some(Role::Manager))));
    edits.push(change(PersonChange::RoleSince(Some(date))));
    // Deallocate removes every spell on a workstream, so a second one would find none left.
    let mut removed: Vec<&WorkstreamId> = Vec::new();
    for a in org.allocations.iter().filter(|a| a.person == *id) {
        if a.end_date.is_some_and(|e| e <= date) {
            continue; // already over: nothing to scale
        }
        let percent = round4(a.percent * config.manager_ic_fraction);
        if percent > 0.0 {
            edits.push(Edit::Allocate {
                allocation: Allocation {
                    percent,
                    ..a.clone()
                },
            });
        } else if !removed.contains(&&a.workstream) {
            removed.push(&a.workstream);
            edits.push(Edit::Deallocate {
                person: id.clone(),
                workstream: a.workstream.clone(),
            });
        }
    }
}

fn present(s: &Snapshot<'_>, id: &PersonId, date: Date) -> Result<PersonIx, SwingError> {
    let i = s
        .person_ix(id.as_str())
        .ok_or_else(|| SwingError::UnknownPerson { id: id.clone() })?;
    if !s.is_present(i) {
        return Err(SwingError::NotPresent {
            id: id.clone(),
            date,
        });
    }
    Ok(i)
}

/// Whether `a` is `b` or above `b` in the drawn forest (walks up from `b`; O(depth)).
fn is_ancestor(s: &Snapshot<'_>, a: PersonIx, b: PersonIx) -> bool {
    let mut v = Some(b);
    while let Some(x) = v {
        if x == a {
            return true;
        }
        v = s.parent(x);
    }
    false
}

/// When `top` is strictly above `v`, the child of `top` on the way down to `v`.
fn ancestor_below(s: &Snapshot<'_>, v: PersonIx, top: PersonIx) -> Option<PersonIx> {
    let mut child = v;
    let mut up = s.parent(v);
    while let Some(x) = up {
        if x == top {
            return Some(child);
        }
        child = x;
        up = s.parent(x);
    }
    None
}
