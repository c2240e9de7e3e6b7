//! Deterministic, seedable synthetic orgs for benchmarks, property tests and demos.
//!
//! ```
//! use pendulum_synth::{SynthConfig, chain, generate, star};
//!
//! // exactly 1,000 people and 150 workstreams, from seed 7
//! let org = generate(&SynthConfig { workstreams: 150, ..SynthConfig::new(1_000, 7) });
//! assert_eq!((org.people.len(), org.workstreams.len()), (1_000, 150));
//! assert!(org.validate().is_empty());
//! assert_eq!(generate(&SynthConfig::new(1_000, 7)).people, org.people);
//!
//! assert_eq!(chain(5).people[4].manager_id.as_ref().map(|m| m.as_str()), Some("p4"));
//! assert_eq!(star(3).people.len(), 4);
//! ```
//!
//! The same [`SynthConfig`] always gives the same [`Org`], on every platform and with every
//! version of every dependency: the generator draws from its own [`SplitMix64`] and uses no
//! hash-map iteration order.
//!
//! # The realistic shape
//! - One chief executive at the top, executives ("VP of …", 3–8 reports each, as many layers
//!   as the size needs), directors over 2–5 managers, managers over 3–9 reports (6 on
//!   average). The CEO and about a quarter of the other executives have an assistant.
//! - Every manager leads a team of their own ("Payments 3"), holding the manager and their
//!   reports; each team has a discipline (engineering, design, data, product) that
//!   sets titles, and a Team Topologies type.
//! - About 3% of ICs are open roles (half with a planned start date, some of them still in
//!   the future); 1.5% are leaving (an end date within 60 days); fte is 1.0 for 94%, 0.8 or
//!   0.5 otherwise; 8% of people started within the last 90 days, so ramp applies; 80% of
//!   leaders have a `role_since`, some of them more than three years ago.
//! - Roles are written on every person, so no figure depends on inference.
//! - Workstreams belong to random teams: 55% feature, 20% operations, 15% migration, 10%
//!   other; `required_fte` from 0.5 to 6 in halves, skewed small; most are active on
//!   [`SynthConfig::as_of`], some have ended and some have not started.
//! - 90% of ICs work on one or two of their team's workstreams (another team's when theirs
//!   owns none), summing to at most 100%; 6% take on an extra 20–50%, so they are
//!   over-allocated; some open roles are already planned on a workstream; 20% of managers
//!   keep 10–20% of hands-on work.
//! - People are listed by id, and ids (`p` + a number zero-padded to one width) are dealt
//!   in random order over the hierarchy, as in an HR export sorted by employee id: the CEO
//!   can be anywhere in the list. Workstream ids are `w` + a number.
//!
//! [`chain`] and [`star`] build the degenerate shapes that stress depth and width.

mod changes;
mod hr;
mod rng;
mod words;

use pendulum_core::{
    Allocation, Date, Org, Person, PersonId, Role, Status, Team, TeamId, TeamKind, Workstream,
    WorkstreamKind,
};

pub use changes::year_of_changes;
pub use rng::SplitMix64;
use words::{DISCIPLINES, Discipline};

/// The form of the reporting forest.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Shape {
    /// Executives, directors, managers and ICs, as described in the crate docs.
    #[default]
    Realistic,
    /// A single reporting chain: person 1 is the root, each next person reports to the one
    /// before. Roles are left to inference.
    Chain,
    /// One manager and everyone else reporting to them. Roles are left to inference.
    Star,
    /// One department as an HR system exports it: about a third of the people report to a
    /// manager who is not in the file (some 140 distinct ones at 1,336 people), so the org
    /// is one big tree and hundreds of small ones; a few wide spans; leavers; odd titles.
    /// See `src/hr.rs`.
    HrExport,
}

/// What to generate. `people` and `workstreams` are exact counts.
#[derive(Clone, PartialEq, Debug)]
pub struct SynthConfig {
    pub people: usize,
    pub workstreams: usize,
    pub seed: u64,
    pub shape: Shape,
    /// The day the org is "as of": start dates, role histories and workstream dates are
    /// placed around it. Defaults to [`reference_date`].
    pub as_of: Date,
}

impl SynthConfig {
    /// A realistic org of `people` with one workstream per five people, as of
    /// [`reference_date`].
    pub fn new(people: usize, seed: u64) -> SynthConfig {
        SynthConfig {
            people,
            workstreams: people / 5,
            seed,
            shape: Shape::Realistic,
            as_of: reference_date(),
        }
    }
}

/// 2026-01-01: a fixed "today" so that generated orgs never depend on the clock.
pub fn reference_date() -> Date {
    Date::from_days_since_epoch(20_454)
}

/// A reporting chain of `n` people, the first (`p1`, zero-padded) at the root and each next
/// one reporting to the one before; no workstreams.
pub fn chain(n: usize) -> Org {
    generate(&SynthConfig {
        shape: Shape::Chain,
        workstreams: 0,
        ..SynthConfig::new(n, 0)
    })
}

/// One manager (the first person) with `reports` direct reports; no workstreams.
pub fn star(reports: usize) -> Org {
    generate(&SynthConfig {
        shape: Shape::Star,
        workstreams: 0,
        ..SynthConfig::new(reports + 1, 0)
    })
}

/// Generates the org `config` describes. O(people + workstreams), no recursion.
pub fn generate(config: &SynthConfig) -> Org {
    let mut rng = SplitMix64::new(config.seed);
    let plan = match config.shape {
        Shape::Realistic => realistic_plan(config.people, &mut rng),
        Shape::Chain => Plan::chain(config.people),
        Shape::Star => Plan::star(config.people),
        Shape::HrExport => hr::hr_export_plan(config.people, &mut rng),
    };
    let mut order: Vec<u32> = (0..plan.seats.len() as u32).collect();
    if matches!(config.shape, Shape::Realistic | Shape::HrExport) {
        rng.shuffle(&mut order);
    }
    OrgBuilder::new(plan, order, config.as_of, rng).build(config.workstreams)
}

const NONE: u32 = u32::MAX;

/// A position in the org before it has a person's attributes.
#[derive(Clone, Debug)]
struct Seat {
    parent: u32,
    /// `None` leaves the role to inference.
    role: Option<Role>,
    assistant: bool,
    open: bool,
    team: u32,
    discipline: u8,
    /// Not in the file (an export of part of a company); others may still name them.
    outside: bool,
    /// Left before the org's day (an end date in the past).
    left: bool,
    /// Holds one of the odd titles real HR data has.
    odd_title: bool,
}

impl Seat {
    fn new(parent: u32, role: Option<Role>) -> Seat {
        Seat {
            parent,
            role,
            assistant: false,
            open: false,
            team: NONE,
            discipline: 0,
            outside: false,
            left: false,
            odd_title: false,
        }
    }
}

/// The reporting structure: seats in creation order, parents by seat index.
#[derive(Debug, Default)]
struct Plan {
    seats: Vec<Seat>,
    /// The lead seat of each team.
    teams: Vec<u32>,
}

impl Plan {
    fn chain(n: usize) -> Plan {
        let seats = (0..n)
            .map(|i| Seat::new(if i == 0 { NONE } else { i as u32 - 1 }, None))
            .collect();
        Plan {
            seats,
            teams: Vec::new(),
        }
    }

    fn star(n: usize) -> Plan {
        let mut seats: Vec<Seat> = (0..n)
            .map(|i| Seat::new(if i == 0 { NONE } else { 0 }, None))
            .collect();
        let teams = if n > 1 {
            for s in &mut seats {
                s.team = 0;
            }
            vec![0]
        } else {
            Vec::new()
        };
        Plan { seats, teams }
    }

    fn push(&mut self, seat: Seat) -> u32 {
        self.seats.push(seat);
        self.seats.len() as u32 - 1
    }

    /// A manager seat leading a new team of the given discipline.
    fn push_manager(&mut self, parent: u32, discipline: u8) -> u32 {
        let team = self.teams.len() as u32;
        let ix = self.push(Seat {
            team,
            discipline,
            ..Seat::new(parent, Some(Role::Manager))
        });
        self.teams.push(ix);
        ix
    }

    /// Puts `members` under new leaders of `role`, `lo..=hi` each; returns the leaders.
    fn group(
        &mut self,
        members: &[u32],
        lo: usize,
        hi: usize,
        role: Role,
        rng: &mut SplitMix64,
    ) -> Vec<u32> {
        let mut leaders = Vec::new();
        let mut rest = members;
        for size in partition(members.len(), lo, hi, rng) {
            let (group, tail) = rest.split_at(size);
            rest = tail;
            let discipline = group
                .first()
                .map_or(0, |&m| self.seats[m as usize].discipline);
            let leader = self.push(Seat {
                discipline,
                ..Seat::new(NONE, Some(role))
            });
            for &m in group {
                self.seats[m as usize].parent = leader;
            }
            leaders.push(leader);
        }
        leaders
    }
}

/// Sizes in `lo..=hi` that sum to `total` (the only group may be smaller when `total < lo`).
fn partition(total: usize, lo: usize, hi: usize, rng: &mut SplitMix64) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut rest = total;
    while rest > 0 {
        let mut size = rng.range(lo, hi);
        if size >= rest {
            size = rest;
        } else if rest - size < lo {
            // Never leave a remainder too small to be a group of its own.
            size = if rest <= hi { rest } else { rest - lo };
        }
        sizes.push(size);
        rest -= size;
    }
    sizes
}

/// Mean people per manager: 6 reports, plus the directors, executives and assistants above.
const PEOPLE_PER_MANAGER: f64 = 7.6;

fn realistic_plan(n: usize, rng: &mut SplitMix64) -> Plan {
    let mut plan = Plan::default();
    if n == 0 {
        return plan;
    }
    if n <= 10 {
        // Too small for layers: one team.
        if n == 1 {
            plan.push(Seat::new(NONE, Some(Role::Ic)));
            return plan;
        }
        let lead = plan.push_manager(NONE, 0);
        for _ in 1..n {
            plan.push(Seat {
                team: 0,
                ..Seat::new(lead, Some(Role::Ic))
            });
        }
        return plan;
    }
    let managers = ((n as f64 / PEOPLE_PER_MANAGER).round() as usize).max(2);
    let mut level: Vec<u32> = (0..managers)
        .map(|_| plan.push_manager(NONE, discipline(rng)))
        .collect();
    level = plan.group(&level, 2, 5, Role::Director, rng);
    while level.len() > 8 {
        level = plan.group(&level, 3, 8, Role::Executive, rng);
    }
    let ceo = plan.push(Seat::new(NONE, Some(Role::Executive)));
    for &l in &level {
        plan.seats[l as usize].parent = ceo;
    }
    let executives: Vec<u32> = (0..plan.seats.len() as u32)
        .filter(|&s| plan.seats[s as usize].role == Some(Role::Executive))
        .collect();
    for e in executives {
        if e == ceo || rng.chance(0.25) {
            plan.push(Seat {
                assistant: true,
                ..Seat::new(e, Some(Role::Ic))
            });
        }
    }

    // Reports per manager: 3–9, peaked at 6, adjusted to use exactly the seats left.
    let reports = n.saturating_sub(plan.seats.len());
    let lo = 3.min(reports / managers);
    let hi = 9.max(reports.div_ceil(managers));
    let mut spans: Vec<usize> = (0..managers)
        .map(|_| rng.range(1, 4) + rng.range(2, 5))
        .collect();
    let mut sum: usize = spans.iter().sum();
    let mut movable: Vec<usize> = (0..managers).collect();
    while sum != reports && !movable.is_empty() {
        let k = rng.below(movable.len());
        let m = movable[k];
        if sum < reports && spans[m] < hi {
            spans[m] += 1;
            sum += 1;
        } else if sum > reports && spans[m] > lo {
            spans[m] -= 1;
            sum -= 1;
        } else {
            movable.swap_remove(k);
        }
    }
    for (m, &span) in spans.iter().enumerate() {
        let discipline = plan.seats[m].discipline;
        for _ in 0..span {
            let open = rng.chance(0.03);
            plan.push(Seat {
                team: m as u32,
                discipline,
                open,
                ..Seat::new(m as u32, Some(Role::Ic))
            });
        }
    }
    plan
}

fn discipline(rng: &mut SplitMix64) -> u8 {
    match rng.below(20) {
        0..14 => 0,
        14..16 => 1,
        16..18 => 2,
        _ => 3,
    }
}

/// Turns a plan into people, teams, workstreams and allocations.
struct OrgBuilder {
    plan: Plan,
    /// Output position → seat, and seat → output position.
    order: Vec<u32>,
    position: Vec<u32>,
    children: Vec<u32>,
    /// The role each seat is drawn with: on file, or inferred as `docs/model.md` says (for titles).
    roles: Vec<Role>,
    as_of: Date,
    rng: SplitMix64,
    id_width: usize,
}

impl OrgBuilder {
    fn new(plan: Plan, order: Vec<u32>, as_of: Date, rng: SplitMix64) -> OrgBuilder {
        let mut position = vec![0u32; order.len()];
        for (j, &s) in order.iter().enumerate() {
            position[s as usize] = j as u32;
        }
        let mut children = vec![0u32; plan.seats.len()];
        for s in &plan.seats {
            if s.parent != NONE && !s.assistant {
                children[s.parent as usize] += 1;
            }
        }
        let mut leads_managers = vec![false; plan.seats.len()];
        for (i, s) in plan.seats.iter().enumerate() {
            if s.parent != NONE && children[i] > 0 {
                leads_managers[s.parent as usize] = true;
            }
        }
        let roles = (0..plan.seats.len())
            .map(|i| match plan.seats[i].role {
                Some(r) => r,
                None if children[i] == 0 => Role::Ic,
                None if leads_managers[i] => Role::Director,
                None => Role::Manager,
            })
            .collect();
        let id_width = plan.seats.len().to_string().len();
        OrgBuilder {
            plan,
            order,
            position,
            children,
            roles,
            as_of,
            rng,
            id_width,
        }
    }

    fn person_id(&self, seat: u32) -> String {
        format!(
            "p{:0w$}",
            self.position[seat as usize] + 1,
            w = self.id_width
        )
    }

    fn team_name(&self, team: u32) -> String {
        let nouns = words::TEAM_NOUNS;
        let t = team as usize;
        format!("{} {}", nouns[t % nouns.len()], t / nouns.len() + 1)
    }

    fn build(mut self, workstreams: usize) -> Org {
        // Seats outside the file keep their ids (others name them as managers) but no row.
        let mut people = Vec::with_capacity(self.order.len());
        for j in 0..self.order.len() {
            let seat = self.order[j];
            if !self.plan.seats[seat as usize].outside {
                people.push(self.person(seat));
            }
        }
        let teams: Vec<Team> = (0..self.plan.teams.len() as u32)
            .map(|t| {
                let lead = self.plan.teams[t as usize];
                Team {
                    id: TeamId(self.team_name(t)),
                    lead: (!self.plan.seats[lead as usize].outside)
                        .then(|| PersonId(self.person_id(lead))),
                    kind: Some(self.team_kind()),
                }
            })
            .collect();
        let (workstreams, owned) = self.workstreams(workstreams);
        let allocations = self.allocations(&workstreams, &owned);
        Org {
            people,
            teams,
            workstreams,
            allocations,
            ..Org::default()
        }
    }

    fn days(&self, offset: i64) -> Date {
        self.as_of.add_days(offset as i32)
    }

    fn person(&mut self, seat: u32) -> Person {
        let s = self.plan.seats[seat as usize].clone();
        let role = self.roles[seat as usize];
        let d: &Discipline = &DISCIPLINES[usize::from(s.discipline) % DISCIPLINES.len()];
        let mut p = Person::new(self.person_id(seat), "");
        p.manager_id = (s.parent != NONE).then(|| PersonId(self.person_id(s.parent)));
        p.team = (s.team != NONE).then(|| TeamId(self.team_name(s.team)));
        let as_of = self.as_of;
        let rng = &mut self.rng;
        let (title, level) = if s.assistant {
            ("Executive Assistant".to_string(), "A2".to_string())
        } else {
            match role {
                Role::Ic => {
                    let l = match rng.below(100) {
                        0..30 => 0,
                        30..70 => 1,
                        70..92 => 2,
                        _ => 3,
                    };
                    (d.ic_titles[l].to_string(), format!("L{}", l + 3))
                }
                Role::Manager if rng.chance(0.5) => {
                    (format!("Senior {}", d.manager_title), "M2".into())
                }
                Role::Manager => (d.manager_title.to_string(), "M1".into()),
                Role::Director if rng.chance(0.3) => {
                    (format!("Senior Director of {}", d.area), "M4".into())
                }
                Role::Director => (format!("Director of {}", d.area), "M3".into()),
                Role::Executive if s.parent == NONE => {
                    ("Chief Executive Officer".into(), "M6".into())
                }
                Role::Executive => (format!("VP of {}", d.area), "M5".into()),
            }
        };
        let leads = role.leads_people();
        if s.open {
            p.name = "Open role".into();
            p.status = Status::Open;
            p.start_date = rng
                .chance(0.5)
                .then(|| as_of.add_days(rng.range(0, 150) as i32 - 30));
        } else {
            let first = rng.pick(words::FIRST_NAMES).copied().unwrap_or("Ada");
            let last = rng.pick(words::LAST_NAMES).copied().unwrap_or("Okafor");
            p.name = format!("{first} {last}");
            let days_ago = if rng.chance(0.08) {
                rng.range(0, 89)
            } else if leads {
                rng.range(365, 365 * 15)
            } else {
                rng.range(90, 365 * 12).min(rng.range(90, 365 * 12))
            };
            p.start_date = (!rng.chance(0.03)).then(|| as_of.add_days(-(days_ago as i32)));
            if rng.chance(0.015) {
                p.status = Status::Leaving;
                p.end_date = Some(as_of.add_days(rng.range(1, 60) as i32));
            }
            p.fte = match rng.below(100) {
                0..94 => 1.0,
                94..97 => 0.8,
                _ => 0.5,
            };
            p.location = rng.pick(words::LOCATIONS).map(|l| l.to_string());
            p.email = Some(format!("{}@example.com", p.id));
            if leads && rng.chance(0.8) {
                let tenure = p
                    .start_date
                    .map_or(365 * 15, |st| as_of.days_since(st).max(0) as usize);
                p.role_since = Some(as_of.add_days(-(rng.below(tenure + 1) as i32)));
            }
        }
        p.title = title;
        if s.odd_title {
            p.title = pick(&mut self.rng, hr::ODD_TITLES).to_owned();
        }
        if s.left {
            // Gone before the org's day: their reports' manager is not here that day.
            let end = self.rng.range(1, 200) as i32;
            p.end_date = Some(as_of.add_days(-end));
            p.start_date = p.start_date.map(|st| st.min(as_of.add_days(-end - 30)));
            p.status = Status::Active;
        }
        p.level = Some(level);
        p.role = s.role;
        p.assistant = s.assistant;
        p
    }

    fn team_kind(&mut self) -> TeamKind {
        match self.rng.below(100) {
            0..70 => TeamKind::StreamAligned,
            70..85 => TeamKind::Platform,
            85..93 => TeamKind::Enabling,
            _ => TeamKind::ComplicatedSubsystem,
        }
    }

    /// The workstreams, and for each team the workstreams it owns.
    fn workstreams(&mut self, count: usize) -> (Vec<Workstream>, Vec<Vec<u32>>) {
        let mut owned = vec![Vec::new(); self.plan.teams.len()];
        let width = count.to_string().len();
        let mut out = Vec::with_capacity(count);
        for k in 0..count {
            let team =
                (!self.plan.teams.is_empty()).then(|| self.rng.below(self.plan.teams.len()) as u32);
            let rng = &mut self.rng;
            let noun = match team {
                Some(t) => words::TEAM_NOUNS[t as usize % words::TEAM_NOUNS.len()],
                None => rng.pick(words::TEAM_NOUNS).copied().unwrap_or("Platform"),
            };
            let (kind, name) = match rng.below(100) {
                0..55 => (
                    WorkstreamKind::Feature,
                    format!("{noun} {}", pick(rng, words::FEATURES)),
                ),
                55..75 => (
                    WorkstreamKind::Operations,
                    format!("{noun} {}", pick(rng, words::OPERATIONS)),
                ),
                75..90 => (
                    WorkstreamKind::Migration,
                    format!("{noun}: migrate to {}", pick(rng, words::MIGRATION_TARGETS)),
                ),
                _ => (
                    WorkstreamKind::Other,
                    format!("{noun} {}", pick(rng, words::OTHER)),
                ),
            };
            let mut w = Workstream::new(format!("w{:0width$}", k + 1), name);
            w.kind = kind;
            w.required_fte = 0.5 * (1 + rng.below(12).min(rng.below(12))) as f64;
            w.priority = Some(format!("P{}", rng.below(4)));
            let (start, end): (i64, Option<i64>) = match rng.below(100) {
                0..60 => (-(rng.range(0, 700) as i64), None),
                60..70 => (-(rng.range(0, 700) as i64), Some(rng.range(30, 365) as i64)),
                70..80 => (
                    -(rng.range(400, 900) as i64),
                    Some(-(rng.range(1, 300) as i64)),
                ),
                80..88 => (rng.range(1, 180) as i64, None),
                _ => (i64::MIN, None),
            };
            if start != i64::MIN {
                w.start_date = Some(self.days(start));
                w.end_date = end.map(|e| self.days(e));
            }
            if let Some(t) = team {
                w.team = Some(TeamId(self.team_name(t)));
                owned[t as usize].push(k as u32);
            }
            out.push(w);
        }
        (out, owned)
    }

    fn allocations(&mut self, workstreams: &[Workstream], owned: &[Vec<u32>]) -> Vec<Allocation> {
        let mut out = Vec::new();
        if workstreams.is_empty() {
            return out;
        }
        for j in 0..self.order.len() {
            let seat = self.order[j];
            let s = &self.plan.seats[seat as usize];
            if s.assistant || s.outside {
                continue;
            }
            let (open, team) = (s.open, s.team);
            let mine: &[u32] = owned.get(team as usize).map_or(&[], Vec::as_slice);
            let rng = &mut self.rng;
            let pick_ws = |rng: &mut SplitMix64, avoid: u32| -> u32 {
                let own = rng.pick(mine).copied().filter(|&w| w != avoid);
                own.unwrap_or_else(|| rng.below(workstreams.len()) as u32)
            };
            let mut shares: Vec<(u32, f64)> = Vec::new();
            if self.children[seat as usize] > 0 {
                if self.roles[seat as usize] == Role::Manager && self.rng.chance(0.2) {
                    let w = pick_ws(&mut self.rng, NONE);
                    shares.push((w, if self.rng.chance(0.5) { 10.0 } else { 20.0 }));
                }
            } else if open {
                if rng.chance(0.4) {
                    shares.push((pick_ws(rng, NONE), 100.0));
                }
            } else if rng.chance(0.9) {
                let first = pick_ws(rng, NONE);
                if rng.chance(0.35) {
                    let second = pick_ws(rng, first);
                    let split = [(50.0, 50.0), (60.0, 40.0), (70.0, 30.0), (80.0, 20.0)];
                    let (a, b) = *rng.pick(&split).unwrap_or(&(50.0, 50.0));
                    if second == first {
                        shares.push((first, 100.0));
                    } else {
                        shares.push((first, a));
                        shares.push((second, b));
                    }
                } else {
                    shares.push((
                        first,
                        *rng.pick(&[100.0, 100.0, 100.0, 80.0, 50.0])
                            .unwrap_or(&100.0),
                    ));
                }
                if rng.chance(0.06) {
                    // Someone who said yes to one more thing.
                    let extra = rng.below(workstreams.len()) as u32;
                    if shares.iter().all(|&(w, _)| w != extra) {
                        shares.push((extra, 10.0 * rng.range(2, 5) as f64));
                    }
                }
            }
            let person = PersonId(self.person_id(seat));
            for (w, percent) in shares {
                let mut a = Allocation {
                    person: person.clone(),
                    workstream: workstreams[w as usize].id.clone(),
                    percent,
                    start_date: None,
                    end_date: None,
                };
                if self.rng.chance(0.05) {
                    // A finished stint: history that must not count today.
                    let end = -(self.rng.range(1, 100) as i64);
                    let start = end - self.rng.range(30, 500) as i64;
                    a.start_date = Some(self.days(start));
                    a.end_date = Some(self.days(end));
                }
                out.push(a);
            }
        }
        out
    }
}

fn pick(rng: &mut SplitMix64, items: &[&'static str]) -> &'static str {
    rng.pick(items).copied().unwrap_or_default()
}
