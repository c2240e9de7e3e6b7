//! An org with dated edits, walked forward in time: the org as of each day an edit takes
//! effect, as [`crate::replay`] builds it, without replaying the whole log each time.

use crate::apply::{apply, replay};
use crate::edit::DatedEdit;
use crate::model::Org;
use crate::{Date, RuleConfig};

/// An org, its rules and the edits made to it, some dated: the org as of any day is the org
/// with the edits dated on or before that day (and the undated ones) applied in log order.
#[derive(Clone, Copy, Debug)]
pub struct Plan<'a> {
    pub org: &'a Org,
    pub config: &'a RuleConfig,
    /// Applied edits, oldest first.
    pub edits: &'a [DatedEdit],
}

impl<'a> Plan<'a> {
    /// An org without edits.
    pub fn of(org: &'a Org, config: &'a RuleConfig) -> Plan<'a> {
        Plan {
            org,
            config,
            edits: &[],
        }
    }

    /// The org and rules as of `day`, replayed from the start (as a document's view is).
    pub fn at(&self, day: Date) -> (Org, RuleConfig) {
        let (mut org, mut config) = (self.org.clone(), self.config.clone());
        replay(&mut org, &mut config, self.edits, Some(day));
        (org, config)
    }

    /// The days in `(after, before)` on which a dated edit takes effect, ascending.
    pub fn edit_days(&self, after: Date, before: Date) -> Vec<Date> {
        let mut days: Vec<Date> = self
            .edits
            .iter()
            .filter_map(|e| e.effective)
            .filter(|&d| after < d && d < before)
            .collect();
        days.sort_unstable();
        days.dedup();
        days
    }

    /// Indices of the edits that take effect on `day` (dated that day), in log order.
    pub fn edits_on(&self, day: Date) -> Vec<usize> {
        (0..self.edits.len())
            .filter(|&k| self.edits[k].effective == Some(day))
            .collect()
    }
}

/// The org as of a day, moved forward one edit day at a time.
///
/// Moving from day a to day b adds the edits dated in (a, b]. When they all come after, in
/// the log, every edit already applied, applying them in order to the current org gives what
/// a replay would (the same edits meet the same states, so the same ones are skipped).
/// Otherwise the org is rebuilt from a kept prefix: the org after the longest run of edits
/// at the start of the log that all apply (those apply on every later day too, so every
/// later replay begins with them), plus the rest of the edits that apply on b. Either way
/// the result is [`Plan::at`]'s, without replaying the whole log on every edit day.
#[derive(Debug)]
pub struct Walk<'a> {
    plan: Plan<'a>,
    day: Date,
    org: Org,
    config: RuleConfig,
    /// The highest log index among the edits that apply on `day` (applied or skipped).
    last_applied: Option<usize>,
    /// The org after `edits[..prefix_len]`, all of which apply on `day`.
    prefix: (Org, RuleConfig),
    prefix_len: usize,
}

impl<'a> Walk<'a> {
    pub fn start(plan: Plan<'a>, day: Date) -> Walk<'a> {
        let prefix = (plan.org.clone(), plan.config.clone());
        let mut walk = Walk {
            plan,
            day,
            org: Org::default(),
            config: RuleConfig::default(),
            last_applied: None,
            prefix,
            prefix_len: 0,
        };
        walk.rebuild();
        walk
    }

    pub fn org(&self) -> &Org {
        &self.org
    }

    pub fn config(&self) -> &RuleConfig {
        &self.config
    }

    /// Moves to a later day.
    pub fn advance(&mut self, day: Date) {
        if day <= self.day {
            return;
        }
        let from = self.day;
        let new: Vec<usize> = (0..self.plan.edits.len())
            .filter(|&k| {
                self.plan.edits[k]
                    .effective
                    .is_some_and(|e| from < e && e <= day)
            })
            .collect();
        self.day = day;
        let Some(&first) = new.first() else {
            return;
        };
        if self.last_applied.is_none_or(|m| m < first) {
            for &k in &new {
                // An edit that does not apply is skipped, as replay skips it.
                let _ = apply(&mut self.org, &mut self.config, &self.plan.edits[k].edit);
            }
            self.last_applied = new.last().copied();
        } else {
            self.rebuild();
        }
    }

    /// The org as of `self.day` from the kept prefix, which first grows over the edits at
    /// the start of the log that now apply.
    fn rebuild(&mut self) {
        let edits = self.plan.edits;
        let day = Some(self.day);
        let (org, config) = &mut self.prefix;
        while let Some(e) = edits.get(self.prefix_len).filter(|e| e.applies_on(day)) {
            let _ = apply(org, config, &e.edit);
            self.prefix_len += 1;
        }
        (self.org, self.config) = self.prefix.clone();
        self.last_applied = self.prefix_len.checked_sub(1);
        for (k, e) in edits.iter().enumerate().skip(self.prefix_len) {
            if e.applies_on(day) {
                let _ = apply(&mut self.org, &mut self.config, &e.edit);
                self.last_applied = Some(k);
            }
        }
    }
}
