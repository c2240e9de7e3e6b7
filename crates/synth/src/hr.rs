//! The "one department exported" shape: what an HR system gives when asked for one division
//! of a larger company, as real exports look (a third of the people report to a manager who
//! is not in the file).
//!
//! A realistic company somewhat larger than the file is planned, then cut:
//! - the chief executive and every executive and director outside one division are not in
//!   the file, so the managers under them become roots of small trees, a handful under each
//!   missing director;
//! - one division (an executive's org of about a tenth of the file) is exported whole, under
//!   its head, whose own manager is missing: the one big tree;
//! - about a sixth of the managers outside that division are not in the file either, so
//!   their reports are roots of their own (single people under a missing manager);
//! - about one person in ten outside the division reports across to a manager in another
//!   department (one to four people each), who is not in the file;
//! - a few desks (support, operations) have 12 to 35 reports, the wide spans;
//! - then people are dropped or added at random until the file holds exactly the count asked.
//!
//! Of the people in the file, 2% left before the reference date (their reports hang under a
//! manager who is "not here" that day), and 6% have odd titles (interim, acting, contractor,
//! intern, abbreviations). Missing managers are named by ids of the same form as everyone's.

use pendulum_core::Role;

use crate::{NONE, Plan, Seat, SplitMix64, realistic_plan};

/// Below this many people the file is the realistic org, uncut.
const SMALLEST_CUT: usize = 40;

/// The plan of an export of `n` people; seats not in the file are marked `outside`.
pub(crate) fn hr_export_plan(n: usize, rng: &mut SplitMix64) -> Plan {
    if n < SMALLEST_CUT {
        return realistic_plan(n, rng);
    }
    let mut plan = realistic_plan(n + n / 8 + 40, rng);
    widen_desks(&mut plan, n, rng);
    let division = pick_division(&plan, n);
    let inside = subtree(&plan, division);
    for s in 0..plan.seats.len() {
        let seat = &plan.seats[s];
        let leader = matches!(seat.role, Some(Role::Executive | Role::Director));
        let outside = if inside[s] {
            false
        } else if leader || (seat.assistant && seat.parent != NONE && !inside[seat.parent as usize])
        {
            // Executives, directors and their assistants belong to other exports.
            true
        } else {
            seat.role == Some(Role::Manager) && rng.chance(0.18)
        };
        plan.seats[s].outside = outside;
    }
    report_across(&mut plan, &inside, n, rng);
    fit_count(&mut plan, &inside, n, rng);
    for seat in plan.seats.iter_mut().filter(|s| !s.outside && !s.open) {
        let leads = seat.role.is_some_and(|r| r.leads_people());
        seat.left = rng.chance(if leads { 0.05 } else { 0.02 });
        seat.odd_title = rng.chance(0.06);
    }
    plan
}

/// Gives a few managers a desk of 12 to 35 reports (about one per 500 people).
fn widen_desks(plan: &mut Plan, n: usize, rng: &mut SplitMix64) {
    let managers: Vec<u32> = (0..plan.seats.len() as u32)
        .filter(|&s| plan.seats[s as usize].role == Some(Role::Manager))
        .collect();
    for _ in 0..(n / 500).max(1) + 1 {
        let Some(&m) = rng.pick(&managers) else {
            return;
        };
        let (team, discipline) = {
            let seat = &plan.seats[m as usize];
            (seat.team, seat.discipline)
        };
        for _ in 0..rng.range(12, 35) {
            plan.push(Seat {
                team,
                discipline,
                ..Seat::new(m, Some(Role::Ic))
            });
        }
    }
}

/// Children lists of the plan, as CSR: `children[start[s]..start[s + 1]]`.
fn children(plan: &Plan) -> (Vec<u32>, Vec<u32>) {
    let n = plan.seats.len();
    let mut start = vec![0u32; n + 1];
    for s in &plan.seats {
        if s.parent != NONE {
            start[s.parent as usize + 1] += 1;
        }
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut list = vec![0u32; start[n] as usize];
    for (i, s) in plan.seats.iter().enumerate() {
        if s.parent != NONE {
            list[fill[s.parent as usize] as usize] = i as u32;
            fill[s.parent as usize] += 1;
        }
    }
    (start, list)
}

/// Whether each seat is `root` or under it.
fn subtree(plan: &Plan, root: u32) -> Vec<bool> {
    let mut inside = vec![false; plan.seats.len()];
    if root == NONE {
        return inside;
    }
    let (start, list) = children(plan);
    let mut queue = vec![root];
    while let Some(s) = queue.pop() {
        inside[s as usize] = true;
        queue.extend_from_slice(&list[start[s as usize] as usize..start[s as usize + 1] as usize]);
    }
    inside
}

/// The executive or director whose org is closest to a tenth of `n` people.
fn pick_division(plan: &Plan, n: usize) -> u32 {
    let (start, list) = children(plan);
    // Seats under each seat, from the leaves up: a breadth-first order, reversed.
    let roots = (0..plan.seats.len() as u32).filter(|&s| plan.seats[s as usize].parent == NONE);
    let mut order: Vec<u32> = roots.collect();
    let mut head = 0;
    while let Some(&s) = order.get(head) {
        head += 1;
        order.extend_from_slice(&list[start[s as usize] as usize..start[s as usize + 1] as usize]);
    }
    let mut size = vec![1usize; plan.seats.len()];
    for &s in order.iter().rev() {
        let p = plan.seats[s as usize].parent;
        if p != NONE {
            size[p as usize] += size[s as usize];
        }
    }
    let aim = n / 10;
    (0..plan.seats.len() as u32)
        .filter(|&s| {
            let seat = &plan.seats[s as usize];
            seat.parent != NONE && matches!(seat.role, Some(Role::Executive | Role::Director))
        })
        .min_by_key(|&s| (size[s as usize].abs_diff(aim), s))
        .unwrap_or(NONE)
}

/// Moves about one person in ten outside the division under managers of other departments
/// (one to four each), who are not in the file.
fn report_across(plan: &mut Plan, inside: &[bool], n: usize, rng: &mut SplitMix64) {
    let mut movable: Vec<u32> = (0..plan.seats.len() as u32)
        .filter(|&s| {
            let seat = &plan.seats[s as usize];
            !seat.outside && !inside[s as usize] && !seat.assistant && seat.parent != NONE
        })
        .collect();
    rng.shuffle(&mut movable);
    let mut movable = movable.into_iter();
    for _ in 0..n / 22 {
        let elsewhere = plan.push(Seat {
            outside: true,
            ..Seat::new(NONE, Some(Role::Manager))
        });
        for _ in 0..rng.range(1, 4) {
            if let Some(s) = movable.next() {
                plan.seats[s as usize].parent = elsewhere;
            }
        }
    }
}

/// Drops random ICs outside the division, or adds ICs under random managers in the file,
/// until exactly `n` seats are in the file.
fn fit_count(plan: &mut Plan, inside: &[bool], n: usize, rng: &mut SplitMix64) {
    let kept = plan.seats.iter().filter(|s| !s.outside).count();
    if kept > n {
        let mut ics: Vec<u32> = (0..plan.seats.len() as u32)
            .filter(|&s| {
                let seat = &plan.seats[s as usize];
                !seat.outside
                    && !inside[s as usize]
                    && !seat.assistant
                    && seat.role == Some(Role::Ic)
            })
            .collect();
        rng.shuffle(&mut ics);
        for &s in ics.iter().take(kept - n) {
            plan.seats[s as usize].outside = true;
        }
    }
    let kept = plan.seats.iter().filter(|s| !s.outside).count();
    let managers: Vec<u32> = (0..plan.seats.len() as u32)
        .filter(|&s| {
            let seat = &plan.seats[s as usize];
            !seat.outside && seat.role == Some(Role::Manager)
        })
        .collect();
    for _ in kept..n {
        // Without a manager in the file, the newcomers are roots of their own.
        let m = rng.pick(&managers).copied().unwrap_or(NONE);
        let (team, discipline) = plan
            .seats
            .get(m as usize)
            .map_or((NONE, 0), |s| (s.team, s.discipline));
        plan.push(Seat {
            team,
            discipline,
            ..Seat::new(m, Some(Role::Ic))
        });
    }
}

/// Titles HR systems hold besides the tidy ones.
pub(crate) const ODD_TITLES: &[&str] = &[
    "Interim Engineering Manager",
    "Acting Director, Platform",
    "Contractor",
    "Intern",
    "Working Student",
    "Sr. SW Eng. II",
    "Software Engineer (Temp)",
    "TBD",
    "Consultant - External",
    "Head of ??? (interim)",
    "Team Lead / Scrum Master",
    "VP Eng (acting) & Chief of Staff to the CTO, EMEA and APAC",
];
