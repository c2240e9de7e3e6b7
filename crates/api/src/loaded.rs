//! An org loaded from any source, ready for the reports: the one type every use case reads.

use pendulum_core::{Org, RuleConfig};

/// An org ready to check, with the rules it is checked against.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub org: Org,
    pub rules: RuleConfig,
    /// Import warnings (e.g. characters removed), as `file:row:column: message`.
    pub warnings: Vec<String>,
}
