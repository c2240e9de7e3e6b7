//! The pendulum: simulate an engineer swinging between IC and manager, and see
//! what it does to spans, capacity, flags and workstreams before anyone is told.
//!
//! A swing is planned as ordinary [`Edit`](crate::Edit)s (one
//! [`Edit::Batch`](crate::Edit::Batch)), so simulating it is "apply the batch to a copy and
//! compare", and applying it to a scenario is "append the batch to the scenario's log" — the
//! same edit, undone and compared like any other.
//!
//! Choices made here (see `docs/swings.md`):
//! - A swing to manager needs the person to be an IC now; a swing to IC needs them to lead
//!   people now (manager, director or executive).
//! - A successor who is one of the person's own reports takes the person's seat: they move
//!   to the person's manager and the other reports move under them. A successor deeper in
//!   the person's subtree is refused (their own chain would run through a moved report).
//! - A successor who becomes a manager has their allocations scaled by
//!   `manager_ic_fraction`, like anyone who swings to manager.
//! - The person who swings to IC keeps their own manager.
//! - Without a successor and with neither a peer manager nor a manager of their own, the
//!   reports have nowhere to go: refused, asking for a successor.
//! - Allocations that scale to 0 % (`manager_ic_fraction` = 0) are removed.
//!
//! Files: `request.rs` is the swing as a user asks for it (also carried by [`crate::Edit`]);
//! `plan.rs` turns it into edits; `simulate.rs` proves the plan and reports its effect;
//! `lab.rs` judges many swings of one day on one snapshot, as `simulate` would; `suggest.rs`
//! proposes and ranks swings for the flags a swing can answer.

mod lab;
mod plan;
mod request;
mod simulate;
mod suggest;

pub use lab::{SwingEffect, SwingLab};
pub(crate) use plan::draft;
pub use plan::{SwingError, SwingPlan};
pub use request::{Swing, SwingTo};
pub use simulate::{SwingCost, SwingLoad, SwingReport, TimelinePoint, plan, simulate};
pub use suggest::{MAX_PEOPLE, SUGGESTED_RULES, SuggestedSwing, Suggestion};
