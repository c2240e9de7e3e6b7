//! Teams as of a snapshot's day: who leads each one and how many people are in it.

use rustc_hash::FxHashMap;

use crate::model::{PersonId, Team};
use crate::snapshot::Snapshot;

/// One team of the org on the snapshot's day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TeamFigures<'a> {
    pub team: &'a Team,
    /// The lead on file, else the team's highest member present that day (the first met
    /// breadth-first from the roots); `None` for a team with nobody in it.
    pub lead: Option<&'a PersonId>,
    /// Present people whose team it is.
    pub people: u32,
}

/// Every team of the org, in the org's order, in one pass over the present people
/// (O(people + teams)). People naming a team the org does not list are not counted.
pub fn teams<'a>(s: &Snapshot<'a>) -> Vec<TeamFigures<'a>> {
    let org = s.org();
    // Per team id: its present people and the first of them met breadth-first.
    let mut met: FxHashMap<&str, (u32, &'a PersonId)> = FxHashMap::default();
    for &i in s.breadth_first() {
        let p = s.person(i);
        if let Some(team) = &p.team {
            met.entry(team.as_str()).or_insert((0, &p.id)).0 += 1;
        }
    }
    org.teams
        .iter()
        .map(|team| {
            let found = met.get(team.id.as_str());
            TeamFigures {
                team,
                lead: team.lead.as_ref().or(found.map(|&(_, top)| top)),
                people: found.map_or(0, |&(n, _)| n),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Org, Person, TeamId};
    use crate::{Date, RuleConfig};

    fn person(id: &str, manager: Option<&str>, team: Option<&str>) -> Person {
        let mut p = Person::new(id, id);
        p.manager_id = manager.map(PersonId::from);
        p.team = team.map(TeamId::from);
        p
    }

    fn team(id: &str, lead: Option<&str>) -> Team {
        Team {
            id: TeamId::from(id),
            lead: lead.map(PersonId::from),
            kind: None,
        }
    }

    fn figures(org: &Org, day: &str) -> Vec<(String, Option<String>, u32)> {
        let as_of = Date::parse(day).expect("a date");
        let s = Snapshot::new(org, as_of, &RuleConfig::default());
        teams(&s)
            .into_iter()
            .map(|t| {
                (
                    t.team.id.as_str().to_owned(),
                    t.lead.map(|l| l.as_str().to_owned()),
                    t.people,
                )
            })
            .collect()
    }

    #[test]
    fn the_lead_on_file_wins_else_the_highest_member_leads() {
        // Cy (deeper) is listed before Bo: the highest member is met first breadth-first.
        let org = Org {
            people: vec![
                person("ada", None, None),
                person("cy", Some("bo"), Some("search")),
                person("bo", Some("ada"), Some("search")),
                person("di", Some("ada"), Some("data")),
                person("ed", Some("di"), Some("data")),
            ],
            teams: vec![
                team("search", None),
                team("data", Some("ed")),
                team("empty", None),
            ],
            ..Org::default()
        };
        assert_eq!(
            figures(&org, "2027-03-01"),
            [
                ("search".into(), Some("bo".into()), 2),
                ("data".into(), Some("ed".into()), 2),
                ("empty".into(), None, 0),
            ]
        );
    }

    #[test]
    fn people_not_present_on_the_day_neither_count_nor_lead() {
        let mut gone = person("bo", Some("ada"), Some("search"));
        gone.end_date = Some(Date::parse("2027-01-01").expect("a date"));
        let org = Org {
            people: vec![
                person("ada", None, None),
                gone,
                person("cy", Some("ada"), Some("search")),
                person("zed", Some("ada"), Some("unlisted")),
            ],
            teams: vec![team("search", None)],
            ..Org::default()
        };
        assert_eq!(
            figures(&org, "2027-03-01"),
            [("search".into(), Some("cy".into()), 1)]
        );
        assert_eq!(
            figures(&org, "2026-12-01"),
            [("search".into(), Some("bo".into()), 2)]
        );
    }
}
