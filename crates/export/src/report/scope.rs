//! Who a report covers (the whole org, or one person and everyone under them) and which
//! flags, teams and workstreams that touches.

use pendulum_core::{Flag, PersonIx, Snapshot, SubjectKind, Top};
use rustc_hash::FxHashSet;

use crate::{ExportError, PdfOptions};

/// Who the report covers: the whole org or one subtree.
pub(super) struct Scope {
    pub roots: Vec<PersonIx>,
    /// The trees the chart draws: each root, or the placeholder it hangs under.
    pub tops: Vec<Top>,
    /// Breadth-first from the roots.
    pub people: Vec<PersonIx>,
    member: Vec<bool>,
    pub whole: bool,
}

impl Scope {
    pub(super) fn of(snap: &Snapshot<'_>, opts: &PdfOptions) -> Result<Scope, ExportError> {
        let mut member = vec![false; snap.people_count()];
        let Some(id) = &opts.root else {
            for &p in snap.breadth_first() {
                member[p as usize] = true;
            }
            return Ok(Scope {
                roots: snap.roots().to_vec(),
                tops: snap.tops().to_vec(),
                people: snap.breadth_first().to_vec(),
                member,
                whole: true,
            });
        };
        let root = snap
            .person_ix(id.as_str())
            .ok_or_else(|| ExportError::UnknownRoot { id: id.0.clone() })?;
        if !snap.is_present(root) {
            return Err(ExportError::RootNotPresent {
                id: id.0.clone(),
                as_of: snap.as_of(),
            });
        }
        let mut people = vec![root];
        let mut head = 0;
        while let Some(&p) = people.get(head) {
            head += 1;
            member[p as usize] = true;
            people.extend_from_slice(snap.children(p));
        }
        Ok(Scope {
            roots: vec![root],
            tops: vec![Top::Person(root)],
            people,
            member,
            whole: false,
        })
    }

    pub(super) fn has(&self, p: PersonIx) -> bool {
        self.member.get(p as usize).copied().unwrap_or(false)
    }

    /// The teams of the scope's people.
    pub(super) fn teams<'a>(&self, snap: &Snapshot<'a>) -> FxHashSet<&'a str> {
        self.people
            .iter()
            .filter_map(|&p| snap.person(p).team.as_ref().map(|t| t.as_str()))
            .collect()
    }
}

/// The flags about the scope: on its people, on its people's teams, and on the workstreams
/// those teams own or its people hold.
pub(super) fn scoped_flags<'f>(
    snap: &Snapshot<'_>,
    scope: &Scope,
    flags: &'f [Flag],
) -> Vec<&'f Flag> {
    if scope.whole {
        return flags.iter().collect();
    }
    let teams = scope.teams(snap);
    let workstreams = scoped_workstreams(snap, scope, &teams);
    flags
        .iter()
        .filter(|f| match f.subject.kind {
            SubjectKind::Person => snap.person_ix(&f.subject.id).is_some_and(|p| scope.has(p)),
            SubjectKind::Team => teams.contains(f.subject.id.as_str()),
            SubjectKind::Workstream => snap
                .workstream_ix(&f.subject.id)
                .is_some_and(|w| workstreams.get(w as usize).copied().unwrap_or(false)),
        })
        .collect()
}

/// For each workstream, whether the scope touches it: owned by one of `teams` (the scope's),
/// or held by one of its people.
pub(super) fn scoped_workstreams(
    snap: &Snapshot<'_>,
    scope: &Scope,
    teams: &FxHashSet<&str>,
) -> Vec<bool> {
    let org = snap.org();
    if scope.whole {
        return vec![true; org.workstreams.len()];
    }
    let mut touched: Vec<bool> = org
        .workstreams
        .iter()
        .map(|w| w.team.as_ref().is_some_and(|t| teams.contains(t.as_str())))
        .collect();
    for a in &org.allocations {
        if let (Some(p), Some(w)) = (
            snap.person_ix(a.person.as_str()),
            snap.workstream_ix(a.workstream.as_str()),
        ) && scope.has(p)
            && let Some(t) = touched.get_mut(w as usize)
        {
            *t = true;
        }
    }
    touched
}

#[cfg(test)]
mod tests {
    use pendulum_core::{
        Allocation, Date, Org, Person, PersonId, Rule, RuleConfig, Severity, Subject, TeamId,
        Workstream,
    };

    use super::*;

    fn person(id: &str, manager: Option<&str>, team: Option<&str>) -> Person {
        let mut p = Person::new(id, id.to_uppercase());
        p.manager_id = manager.map(PersonId::from);
        p.team = team.map(TeamId::from);
        p
    }

    /// ceo → {a → {a1, a2}, b → {b1}}; a later starter under b; teams A and B; workstream
    /// wa owned by A, wb by B, and wx owned by no one but held by b1.
    fn org() -> Org {
        let mut late = person("late", Some("b"), Some("B"));
        late.start_date = Some(day("2030-01-01"));
        let mut wa = Workstream::new("wa", "A's work");
        wa.team = Some(TeamId::from("A"));
        let mut wb = Workstream::new("wb", "B's work");
        wb.team = Some(TeamId::from("B"));
        Org {
            people: vec![
                person("ceo", None, None),
                person("a", Some("ceo"), Some("A")),
                person("b", Some("ceo"), Some("B")),
                person("a1", Some("a"), Some("A")),
                person("a2", Some("a"), Some("A")),
                person("b1", Some("b"), Some("B")),
                late,
            ],
            workstreams: vec![wa, wb, Workstream::new("wx", "Loose ends")],
            allocations: vec![Allocation::new("b1", "wx", 50.0)],
            ..Org::default()
        }
    }

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn scope(org: &Org, root: Option<&str>) -> Result<(Vec<String>, Vec<String>, bool), String> {
        let snap = Snapshot::new(org, day("2027-03-01"), &RuleConfig::default());
        let mut opts = PdfOptions::new("Test", day("2027-03-01"));
        opts.root = root.map(PersonId::from);
        let s = Scope::of(&snap, &opts).map_err(|e| e.to_string())?;
        let ids = |v: &[PersonIx]| v.iter().map(|&p| snap.person(p).id.0.clone()).collect();
        Ok((ids(&s.roots), ids(&s.people), s.whole))
    }

    #[test]
    fn the_whole_org_is_every_present_person_breadth_first() {
        let (roots, people, whole) = scope(&org(), None).unwrap_or_default();
        assert!(whole);
        assert_eq!(roots, ["ceo"]);
        assert_eq!(
            people,
            ["ceo", "a", "b", "a1", "a2", "b1"],
            "late is not here yet"
        );
    }

    #[test]
    fn a_subtree_is_its_root_and_everyone_under_them() {
        let (roots, people, whole) = scope(&org(), Some("a")).unwrap_or_default();
        assert!(!whole);
        assert_eq!(roots, ["a"]);
        assert_eq!(people, ["a", "a1", "a2"]);
    }

    #[test]
    fn an_unknown_or_absent_root_is_refused_by_name() {
        let unknown = scope(&org(), Some("nobody")).unwrap_err();
        assert!(unknown.contains("\"nobody\""), "{unknown}");
        let absent = scope(&org(), Some("late")).unwrap_err();
        assert!(
            absent.contains("\"late\"") && absent.contains("2027-03-01"),
            "{absent}"
        );
    }

    fn flag(kind: SubjectKind, id: &str) -> Flag {
        Flag {
            rule: Rule::SpanTooNarrow,
            severity: Severity::Warning,
            subject: Subject {
                kind,
                id: id.to_owned(),
            },
            message: String::new(),
        }
    }

    #[test]
    fn a_subtree_keeps_the_flags_of_its_people_teams_and_their_workstreams() {
        let org = org();
        let snap = Snapshot::new(&org, day("2027-03-01"), &RuleConfig::default());
        let flags = [
            flag(SubjectKind::Person, "a1"),
            flag(SubjectKind::Person, "b1"),
            flag(SubjectKind::Team, "A"),
            flag(SubjectKind::Team, "B"),
            flag(SubjectKind::Workstream, "wa"),
            flag(SubjectKind::Workstream, "wb"),
            flag(SubjectKind::Workstream, "wx"),
            flag(SubjectKind::Person, "ghost"),
        ];
        let kept = |root: &str| -> Vec<String> {
            let mut opts = PdfOptions::new("Test", day("2027-03-01"));
            opts.root = Some(PersonId::from(root));
            match Scope::of(&snap, &opts) {
                Ok(s) => scoped_flags(&snap, &s, &flags)
                    .iter()
                    .map(|f| f.subject.id.clone())
                    .collect(),
                Err(e) => vec![e.to_string()],
            }
        };
        assert_eq!(kept("a"), ["a1", "A", "wa"]);
        assert_eq!(kept("b"), ["b1", "B", "wb", "wx"], "b1 holds wx");
        let whole = Scope::of(&snap, &PdfOptions::new("Test", day("2027-03-01")));
        assert_eq!(
            whole.map(|s| scoped_flags(&snap, &s, &flags).len()).ok(),
            Some(flags.len()),
            "the whole org keeps every flag"
        );
    }
}
