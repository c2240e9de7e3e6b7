//! Many swings judged on one org as of one day: the org is snapshotted and checked once, and
//! each swing is drafted on that snapshot, applied to a copy, and the copy checked whole. The
//! effect is exactly what [`super::simulate`] reports for the same swing (its flags added and
//! resolved, moves and IC capacity), without the timeline and cost a report also computes.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::Date;
use crate::apply::apply;
use crate::diff::Move;
use crate::model::Org;
use crate::rules::{Flag, RuleConfig, check};
use crate::snapshot::Snapshot;
use crate::stats::{Stats, round4};
use crate::swing::Swing;
use crate::swing::plan::{SwingError, draft, draft_on};

/// What a swing does on the lab's day, as [`super::simulate`] reports it.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct SwingEffect {
    pub resolves: Vec<Flag>,
    pub adds: Vec<Flag>,
    pub moves: Vec<Move>,
    /// IC capacity after minus before, as the report's (rounded) figures give it.
    pub ic_capacity_delta: f64,
}

/// One org as of one day, ready to judge many swings.
#[derive(Debug)]
pub struct SwingLab<'a> {
    org: &'a Org,
    config: &'a RuleConfig,
    s: Snapshot<'a>,
    flags: Vec<Flag>,
    ic_capacity: f64,
}

impl<'a> SwingLab<'a> {
    /// Snapshots and checks the org as of `as_of`: O(people + allocations).
    pub fn new(org: &'a Org, config: &'a RuleConfig, as_of: Date) -> SwingLab<'a> {
        let s = Snapshot::new(org, as_of, config);
        let flags = check(&s, config);
        let ic_capacity = Stats::of(&s).ic_capacity;
        SwingLab {
            org,
            config,
            s,
            flags,
            ic_capacity,
        }
    }

    /// The snapshot every swing is judged against.
    pub fn snapshot(&self) -> &Snapshot<'a> {
        &self.s
    }

    /// The org's flags on the day, in reporting order.
    pub fn flags(&self) -> &[Flag] {
        &self.flags
    }

    pub fn org(&self) -> &'a Org {
        self.org
    }

    pub fn config(&self) -> &'a RuleConfig {
        self.config
    }

    /// What `swing` (dated on or before the lab's day) would do as of the lab's day, as
    /// [`super::simulate`] reports it, or the error it reports. Never changes the org.
    pub fn effect(&self, swing: &Swing) -> Result<SwingEffect, SwingError> {
        let as_of = self.s.as_of();
        if swing.date > as_of {
            return Err(SwingError::NotYet {
                date: swing.date,
                as_of,
            });
        }
        let plan = if swing.date == as_of {
            draft_on(self.org, &self.s, self.config, swing)?
        } else {
            draft(self.org, self.config, swing)?
        };
        let (mut org, mut config) = (self.org.clone(), self.config.clone());
        apply(&mut org, &mut config, &plan.edit)?;
        let after = Snapshot::new(&org, as_of, &config);
        let after_flags = check(&after, &config);
        // Flags are the same finding when rule and subject match, as `diff` compares them.
        let before_keys: BTreeSet<_> = self.flags.iter().map(Flag::key).collect();
        let after_keys: BTreeSet<_> = after_flags.iter().map(Flag::key).collect();
        let resolves = self
            .flags
            .iter()
            .filter(|f| !after_keys.contains(&f.key()))
            .cloned()
            .collect();
        let adds = after_flags
            .iter()
            .filter(|f| !before_keys.contains(&f.key()))
            .cloned()
            .collect();
        Ok(SwingEffect {
            resolves,
            adds,
            moves: plan.moves,
            ic_capacity_delta: round4(Stats::of(&after).ic_capacity - self.ic_capacity),
        })
    }
}
