//! The id index edits find people by (`crate::apply`): a scan for a single edit, a hash index
//! kept across the edits of a replay or a batch, checked against the person it points at.

use rustc_hash::FxHashMap;

use crate::model::{Org, PersonId};

/// Where each person sits in `org.people`, built on first use and kept up to date by the
/// edits that add people; dropped by those that remove or reorder them. A one-edit `Ids`
/// (`apply`) finds people by a scan and builds the index only for a move's chain walk, so a
/// single edit costs no more than it did before the index existed.
#[derive(Default, Debug)]
pub(crate) struct Ids {
    map: Option<FxHashMap<PersonId, usize>>,
    /// Kept across edits (a replay, a batch): worth building on the first lookup.
    kept: bool,
}

impl Ids {
    pub(crate) fn kept() -> Ids {
        Ids {
            map: None,
            kept: true,
        }
    }

    /// As [`Ids::find`], building the index first if there is none (a chain walk looks up
    /// one person per step).
    pub(crate) fn find_indexed(&mut self, org: &Org, id: &PersonId) -> Option<usize> {
        if self.map.is_none() {
            self.map = Some(Self::build(org));
        }
        self.find(org, id)
    }

    fn build(org: &Org) -> FxHashMap<PersonId, usize> {
        let mut map =
            FxHashMap::with_capacity_and_hasher(org.people.len(), rustc_hash::FxBuildHasher);
        for (i, p) in org.people.iter().enumerate() {
            // The first of two equal ids wins, as a scan would find it.
            map.entry(p.id.clone()).or_insert(i);
        }
        map
    }

    pub(crate) fn find(&mut self, org: &Org, id: &PersonId) -> Option<usize> {
        if !self.kept && self.map.is_none() {
            return org.people.iter().position(|p| p.id == *id);
        }
        let fits = |map: &FxHashMap<PersonId, usize>| map.len() <= org.people.len();
        if !self.map.as_ref().is_some_and(fits) {
            self.map = Some(Self::build(org));
        }
        let hit = |map: &FxHashMap<PersonId, usize>| {
            map.get(id)
                .copied()
                .filter(|&i| org.people.get(i).is_some_and(|p| p.id == *id))
        };
        match self.map.as_ref().and_then(hit) {
            Some(i) => Some(i),
            // A stale index (the org changed under it): rebuild once and look again.
            None if self.map.as_ref().is_some_and(|m| m.contains_key(id)) => {
                self.map = Some(Self::build(org));
                self.map.as_ref().and_then(hit)
            }
            None if self
                .map
                .as_ref()
                .is_some_and(|m| m.len() == org.people.len()) =>
            {
                None
            }
            None => {
                self.map = Some(Self::build(org));
                self.map.as_ref().and_then(hit)
            }
        }
    }

    /// The org's last person was just added.
    pub(crate) fn pushed(&mut self, org: &Org) {
        if let (Some(map), Some(p)) = (self.map.as_mut(), org.people.last()) {
            map.entry(p.id.clone()).or_insert(org.people.len() - 1);
        }
    }

    pub(crate) fn invalidate(&mut self) {
        self.map = None;
    }
}
