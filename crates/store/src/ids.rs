//! The keys of a document's scenarios and edits, shared by the document and its checkpoints.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A scenario's key in its document. Ids are never reused while the scenario exists.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ScenarioId(pub i64);

impl ScenarioId {
    /// The built-in scenario holding the edits made to the imported org itself.
    pub const BASELINE: ScenarioId = ScenarioId(1);
}

impl fmt::Display for ScenarioId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// An edit's place in its document's log: later edits have greater numbers.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EditSeq(pub i64);
