//! The org as of one day: who is present, the reporting graph, and every derived figure of
//! `docs/model.md` (span, depth, headcount under, role, ramp, allocated percent, effective FTE).
//!
//! Built once in O(people + lines + workstreams + allocations) with no recursion: the
//! forest is walked breadth-first from its roots, and cycles are found by colouring walks
//! up the manager chain (each person has at most one manager, so the reporting graph is a
//! functional graph and a cycle is exactly a non-trivial strongly connected component or a
//! self-loop).

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use crate::model::{Org, Person, Role, within};
use crate::{Date, RuleConfig};

/// Index of a person in [`Org::people`].
pub type PersonIx = u32;
/// Index of a workstream in [`Org::workstreams`].
pub type WorkstreamIx = u32;

/// "No such index".
pub const NONE: u32 = u32::MAX;

/// The kinds of edge in the org graph: manager → report.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Line {
    Reporting,
    Dotted,
}

/// Figures for one workstream on the snapshot's day.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WorkstreamLoad {
    /// The workstream itself is active (its own dates cover the day).
    pub active: bool,
    /// Allocations active on the day (their dates cover it and their person is present).
    pub active_allocations: u32,
    /// Distinct people holding those allocations.
    pub holders: u32,
    /// Σ percent / 100 × ramp factor.
    pub effective_fte: f64,
    /// Σ percent / 100, ignoring ramp.
    pub allocated_fte: f64,
}

/// A manager who is named but not drawn: the people who report to them hang under one
/// placeholder card standing for them. A placeholder is not a person, so no figure counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbsentManager<'a> {
    /// The `manager_id` (an id, or an e-mail the importer could not resolve) names no one in
    /// the file, as written.
    NotInFile(&'a str),
    /// The person is in the file but not present on the snapshot's day (left, or not
    /// started yet).
    NotHere(PersonIx),
}

/// One placeholder card: the absent manager and the present people drawn under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Placeholder<'a> {
    pub manager: AbsentManager<'a>,
    /// Roots of the person forest whose manager this is, in input order.
    pub reports: Vec<PersonIx>,
}

/// A tree of the drawn forest: a person at its top, or a placeholder with its reports'
/// trees under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Top {
    Person(PersonIx),
    Placeholder(u32),
}

/// The org as of one date.
#[derive(Debug)]
pub struct Snapshot<'a> {
    org: &'a Org,
    as_of: Date,
    ramp_days: u32,
    person_index: FxHashMap<&'a str, PersonIx>,
    workstream_index: FxHashMap<&'a str, WorkstreamIx>,
    /// Node i is person i; edges run manager → report, among people present on the day.
    /// Built on first use, as the rules and figures never need it.
    graph: OnceLock<DiGraph<(), Line, u32>>,
    present: Vec<bool>,
    /// The present manager each present person is drawn under; `NONE` for a root. Cycles are
    /// broken at the member first in input order, so this is always a forest.
    parent: Vec<PersonIx>,
    /// Present people whose `manager_id` names no person at all.
    unknown_manager: Vec<PersonIx>,
    in_cycle: Vec<bool>,
    /// The cycles, each listed from its first member in input order, following managers.
    cycles: Vec<Vec<PersonIx>>,
    /// (manager, report) for the reporting line each cycle's drawing breaks, by manager.
    cycle_reports: Vec<(PersonIx, PersonIx)>,
    /// Children in the forest, CSR: `children[child_start[i]..child_start[i + 1]]`, input order.
    child_start: Vec<u32>,
    children: Vec<PersonIx>,
    roots: Vec<PersonIx>,
    /// One per distinct absent manager of a root, in the order of their first report.
    placeholders: Vec<Placeholder<'a>>,
    /// For each person, the placeholder they hang under (roots only); `NONE` otherwise.
    placeholder_of: Vec<u32>,
    /// The trees as drawn: roots without a placeholder, and placeholders, in input order of
    /// the (first) root.
    tops: Vec<Top>,
    /// Present people in breadth-first order from the roots (every present person once).
    order: Vec<PersonIx>,
    span: Vec<u32>,
    role: Vec<Role>,
    depth: Vec<u32>,
    root_of: Vec<PersonIx>,
    total_under: Vec<u32>,
    ramp: Vec<f64>,
    allocated_percent: Vec<f64>,
    workstreams: Vec<WorkstreamLoad>,
    /// For each workstream with exactly one distinct holder, that person.
    sole_holder: Vec<PersonIx>,
    /// The allocations active on the day, as (index in [`Org::allocations`], person), in
    /// the org's order.
    active_allocations: Vec<(u32, PersonIx)>,
}

impl<'a> Snapshot<'a> {
    /// Derives everything for `as_of`. Never fails: unknown managers and cycles are states
    /// of the org, reported by the rules. Allocations that name unknown people or
    /// workstreams are ignored here (see [`Org::validate`]).
    pub fn new(org: &'a Org, as_of: Date, config: &RuleConfig) -> Snapshot<'a> {
        let n = org.people.len();
        // One pass reads from each person everything but their manager, into compact arrays:
        // a person's record spans several cache lines, and at scale every pass over the
        // people costs a trip to memory per person.
        let mut person_index = FxHashMap::with_capacity_and_hasher(n, rustc_hash::FxBuildHasher);
        let mut present = Vec::with_capacity(n);
        let mut assistant = Vec::with_capacity(n);
        let mut role_on_file = Vec::with_capacity(n);
        let mut ramp = Vec::with_capacity(n);
        for (i, p) in org.people.iter().enumerate() {
            person_index.entry(p.id.as_str()).or_insert(i as u32);
            present.push(p.is_present(as_of));
            assistant.push(p.assistant);
            role_on_file.push(p.role);
            ramp.push(ramp_factor(p, as_of, config));
        }

        // Reporting lines among present people.
        let mut manager = vec![NONE; n];
        let mut unknown_manager = Vec::new();
        for (i, p) in org.people.iter().enumerate() {
            if !present[i] {
                continue;
            }
            if let Some(m) = &p.manager_id {
                match person_index.get(m.as_str()) {
                    Some(&mi) if present[mi as usize] => manager[i] = mi,
                    Some(_) => {} // the manager is not present that day: drawn as a root
                    None => unknown_manager.push(i as u32),
                }
            }
        }

        let (in_cycle, cycles) = find_cycles(&manager, &present);
        let mut parent = manager;
        let mut cycle_reports = Vec::new();
        for c in &cycles {
            parent[c[0] as usize] = NONE;
            // the first member reports to the second (a self-loop is no report of anyone's)
            if let Some(&m) = c.get(1) {
                cycle_reports.push((m, c[0]));
            }
        }
        cycle_reports.sort_unstable();

        // Forest children as CSR, by counting sort (keeps input order within each parent).
        let mut child_start = vec![0u32; n + 1];
        for &p in &parent {
            if p != NONE {
                child_start[p as usize + 1] += 1;
            }
        }
        for i in 0..n {
            child_start[i + 1] += child_start[i];
        }
        let mut fill = child_start.clone();
        let mut children = vec![0u32; child_start[n] as usize];
        for (i, &p) in parent.iter().enumerate() {
            if p != NONE {
                children[fill[p as usize] as usize] = i as u32;
                fill[p as usize] += 1;
            }
        }
        let roots: Vec<u32> = (0..n as u32)
            .filter(|&i| present[i as usize] && parent[i as usize] == NONE)
            .collect();
        let (placeholders, placeholder_of, tops) =
            placeholders(org, &person_index, &present, &in_cycle, &roots);

        // Breadth-first order, depth and tree root.
        let mut order = Vec::with_capacity(n);
        let mut depth = vec![0u32; n];
        let mut root_of = vec![NONE; n];
        for &r in &roots {
            depth[r as usize] = 1;
            root_of[r as usize] = r;
            order.push(r);
        }
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            for &c in &children[child_start[v] as usize..child_start[v + 1] as usize] {
                depth[c as usize] = depth[v] + 1;
                root_of[c as usize] = root_of[v];
                order.push(c);
            }
        }

        // Spans count present, non-assistant direct reports (open roles included). A cycle's
        // broken edge still counts: the manager does have that report.
        let mut span = vec![0u32; n];
        for (i, &m) in parent.iter().enumerate() {
            if m != NONE && !assistant[i] {
                span[m as usize] += 1;
            }
        }
        for &(m, r) in &cycle_reports {
            if !assistant[r as usize] {
                span[m as usize] += 1;
            }
        }
        let mut total_under = vec![0u32; n];
        for &v in order.iter().rev() {
            let p = parent[v as usize];
            if p != NONE {
                total_under[p as usize] += total_under[v as usize] + 1;
            }
        }

        let role: Vec<Role> = (0..n)
            .map(|i| {
                if let Some(r) = role_on_file[i] {
                    return r;
                }
                if span[i] == 0 {
                    return Role::Ic;
                }
                let reports = children[child_start[i] as usize..child_start[i + 1] as usize]
                    .iter()
                    .copied()
                    .chain(cycle_report(&cycle_reports, i as u32));
                let leads_managers = reports
                    .into_iter()
                    .any(|c| !assistant[c as usize] && span[c as usize] > 0);
                if leads_managers {
                    Role::Director
                } else {
                    Role::Manager
                }
            })
            .collect();

        let mut workstream_index =
            FxHashMap::with_capacity_and_hasher(org.workstreams.len(), rustc_hash::FxBuildHasher);
        for (i, w) in org.workstreams.iter().enumerate() {
            workstream_index.entry(w.id.as_str()).or_insert(i as u32);
        }
        let mut workstreams: Vec<WorkstreamLoad> = org
            .workstreams
            .iter()
            .map(|w| WorkstreamLoad {
                active: w.is_active(as_of),
                ..WorkstreamLoad::default()
            })
            .collect();
        let mut allocated_percent = vec![0.0f64; n];
        // (workstream, person) of each active allocation, to count distinct holders below.
        let mut holders: Vec<(u32, u32)> = Vec::new();
        let mut active_allocations: Vec<(u32, PersonIx)> = Vec::new();
        // Allocation files usually list one person's (or one workstream's) rows together, so
        // the previous row's lookup is often the answer and spares a cache miss.
        let mut last_person: Option<(&str, Option<u32>)> = None;
        let mut last_workstream: Option<(&str, Option<u32>)> = None;
        for (k, a) in org.allocations.iter().enumerate() {
            // Cheapest test first: the person lookup is the costly one, so it comes last.
            if !within(a.start_date, a.end_date, as_of) {
                continue;
            }
            let Some(wi) = remembered(&mut last_workstream, a.workstream.as_str(), |id| {
                workstream_index.get(id).copied()
            })
            .filter(|&wi| workstreams[wi as usize].active) else {
                continue;
            };
            let Some(pi) = remembered(&mut last_person, a.person.as_str(), |id| {
                person_index.get(id).copied()
            })
            .filter(|&pi| present[pi as usize]) else {
                continue;
            };
            allocated_percent[pi as usize] += a.percent;
            let load = &mut workstreams[wi as usize];
            load.active_allocations += 1;
            load.allocated_fte += a.percent / 100.0;
            load.effective_fte += a.percent / 100.0 * ramp[pi as usize];
            holders.push((wi, pi));
            active_allocations.push((k as u32, pi));
        }
        // Distinct holders in O(allocations): bucket the holders by workstream (a counting
        // sort), then count each person once per bucket by stamping them with the workstream.
        let mut start = Vec::with_capacity(workstreams.len() + 1);
        start.push(0u32);
        for load in &workstreams {
            start.push(start[start.len() - 1] + load.active_allocations);
        }
        let mut fill = start.clone();
        let mut bucketed = vec![0u32; holders.len()];
        for &(wi, pi) in &holders {
            bucketed[fill[wi as usize] as usize] = pi;
            fill[wi as usize] += 1;
        }
        let mut stamp = vec![NONE; n];
        let mut sole_holder = vec![NONE; workstreams.len()];
        for (wi, load) in workstreams.iter_mut().enumerate() {
            for &pi in &bucketed[start[wi] as usize..start[wi + 1] as usize] {
                if stamp[pi as usize] != wi as u32 {
                    stamp[pi as usize] = wi as u32;
                    load.holders += 1;
                    sole_holder[wi] = pi;
                }
            }
        }

        Snapshot {
            org,
            as_of,
            ramp_days: config.ramp_days,
            person_index,
            workstream_index,
            graph: OnceLock::new(),
            present,
            parent,
            unknown_manager,
            in_cycle,
            cycles,
            cycle_reports,
            child_start,
            children,
            roots,
            placeholders,
            placeholder_of,
            tops,
            order,
            span,
            role,
            depth,
            root_of,
            total_under,
            ramp,
            allocated_percent,
            workstreams,
            sole_holder,
            active_allocations,
        }
    }

    pub fn org(&self) -> &'a Org {
        self.org
    }
    pub fn as_of(&self) -> Date {
        self.as_of
    }
    pub fn ramp_days(&self) -> u32 {
        self.ramp_days
    }
    pub fn person(&self, i: PersonIx) -> &'a Person {
        &self.org.people[i as usize]
    }
    pub fn person_ix(&self, id: &str) -> Option<PersonIx> {
        self.person_index.get(id).copied()
    }
    pub fn workstream_ix(&self, id: &str) -> Option<WorkstreamIx> {
        self.workstream_index.get(id).copied()
    }
    /// Reporting and dotted lines among present people; node i is person i.
    pub fn graph(&self) -> &DiGraph<(), Line, u32> {
        self.graph.get_or_init(|| self.build_graph())
    }

    fn build_graph(&self) -> DiGraph<(), Line, u32> {
        let n = self.present.len();
        let mut graph = DiGraph::with_capacity(n, n);
        for _ in 0..n {
            graph.add_node(());
        }
        // petgraph yields neighbours newest first; adding in reverse keeps input order.
        for i in (0..n as u32).rev() {
            if let Some(m) = self.manager_line(i) {
                graph.add_edge(
                    NodeIndex::new(m as usize),
                    NodeIndex::new(i as usize),
                    Line::Reporting,
                );
            }
            if self.present[i as usize] {
                for d in self.person(i).dotted_managers.iter().rev() {
                    if let Some(di) = self.person_ix(d.as_str())
                        && self.present[di as usize]
                        && di != i
                    {
                        graph.add_edge(
                            NodeIndex::new(di as usize),
                            NodeIndex::new(i as usize),
                            Line::Dotted,
                        );
                    }
                }
            }
        }
        graph
    }

    /// The present manager a present person's `manager_id` names, self-loops included.
    fn manager_line(&self, i: PersonIx) -> Option<PersonIx> {
        if let Some(p) = self.parent(i) {
            return Some(p);
        }
        if !self.in_cycle[i as usize] {
            return None;
        }
        let k = self.cycles.binary_search_by_key(&i, |c| c[0]).ok()?;
        Some(self.cycles[k].get(1).copied().unwrap_or(i))
    }
    pub fn is_present(&self, i: PersonIx) -> bool {
        self.present[i as usize]
    }
    /// The manager a present person is drawn under, if any (cycles broken, see type docs).
    pub fn parent(&self, i: PersonIx) -> Option<PersonIx> {
        let p = self.parent[i as usize];
        (p != NONE).then_some(p)
    }
    /// Direct reports in the drawn forest, in input order (assistants included).
    pub fn children(&self, i: PersonIx) -> &[PersonIx] {
        &self.children
            [self.child_start[i as usize] as usize..self.child_start[i as usize + 1] as usize]
    }
    /// Present direct reports: the children in the drawn forest and, for a person on a
    /// reporting cycle, the report whose line the drawing breaks (assistants included).
    pub fn reports(&self, i: PersonIx) -> impl Iterator<Item = PersonIx> + '_ {
        self.children(i)
            .iter()
            .copied()
            .chain(cycle_report(&self.cycle_reports, i))
    }
    /// Dotted-line managers of a present person.
    pub fn dotted_managers(&self, i: PersonIx) -> impl Iterator<Item = PersonIx> + '_ {
        self.graph()
            .edges_directed(NodeIndex::new(i as usize), Direction::Incoming)
            .filter(|e| *e.weight() == Line::Dotted)
            .map(|e| petgraph::visit::EdgeRef::source(&e).index() as u32)
    }
    /// Roots of the drawn forest, in input order.
    pub fn roots(&self) -> &[PersonIx] {
        &self.roots
    }
    /// The managers of roots who are named but not drawn, one placeholder each, in the order
    /// of their first report. Cycle members whose line the drawing breaks have none.
    pub fn placeholders(&self) -> &[Placeholder<'a>] {
        &self.placeholders
    }
    /// The placeholder a root hangs under, if any.
    pub fn placeholder_of(&self, i: PersonIx) -> Option<u32> {
        let k = *self.placeholder_of.get(i as usize)?;
        (k != NONE).then_some(k)
    }
    /// The id placeholder `k` shows: the missing manager id (or e-mail) as written, or the
    /// id of the manager who is not here that day.
    pub fn placeholder_id(&self, k: u32) -> &'a str {
        match self.placeholders.get(k as usize).map(|p| p.manager) {
            Some(AbsentManager::NotInFile(id)) => id,
            Some(AbsentManager::NotHere(m)) => self.person(m).id.as_str(),
            None => "",
        }
    }
    /// People drawn under placeholder `k`: its reports and everyone under them.
    pub fn placeholder_people(&self, k: u32) -> u32 {
        self.placeholders.get(k as usize).map_or(0, |p| {
            p.reports
                .iter()
                .map(|&r| self.total_under(r).saturating_add(1))
                .fold(0u32, u32::saturating_add)
        })
    }
    /// The trees of the drawn forest: each root, or the placeholder it hangs under (once,
    /// where its first report is), in input order.
    pub fn tops(&self) -> &[Top] {
        &self.tops
    }
    /// Every present person once, breadth-first from the roots.
    pub fn breadth_first(&self) -> &[PersonIx] {
        &self.order
    }
    pub fn unknown_manager(&self) -> &[PersonIx] {
        &self.unknown_manager
    }
    pub fn in_cycle(&self, i: PersonIx) -> bool {
        self.in_cycle[i as usize]
    }
    pub fn cycles(&self) -> &[Vec<PersonIx>] {
        &self.cycles
    }
    /// Present direct reports, open roles included, assistants not.
    pub fn span(&self, i: PersonIx) -> u32 {
        self.span[i as usize]
    }
    /// The role on file, or the inferred one: no reports → ic; reports but none of them has
    /// reports → manager; otherwise director.
    pub fn role(&self, i: PersonIx) -> Role {
        self.role[i as usize]
    }
    /// 1 for a root; 0 for someone not present.
    pub fn depth(&self, i: PersonIx) -> u32 {
        self.depth[i as usize]
    }
    /// The root of the tree a present person is in.
    pub fn root_of(&self, i: PersonIx) -> PersonIx {
        self.root_of[i as usize]
    }
    /// Present people under this one (all descendants, open roles and assistants included).
    pub fn total_under(&self, i: PersonIx) -> u32 {
        self.total_under[i as usize]
    }
    /// Present direct reports in the drawn forest (assistants included).
    pub fn direct_under(&self, i: PersonIx) -> u32 {
        self.child_start[i as usize + 1] - self.child_start[i as usize]
    }
    pub fn ramp(&self, i: PersonIx) -> f64 {
        self.ramp[i as usize]
    }
    pub fn allocated_percent(&self, i: PersonIx) -> f64 {
        self.allocated_percent[i as usize]
    }
    pub fn workstream_load(&self, w: WorkstreamIx) -> WorkstreamLoad {
        self.workstreams[w as usize]
    }
    /// The one person who holds a workstream's active allocations, when there is exactly one.
    pub fn sole_holder(&self, w: WorkstreamIx) -> Option<PersonIx> {
        (self.workstreams[w as usize].holders == 1).then(|| self.sole_holder[w as usize])
    }
    /// The allocations active on the day (their dates cover it, their person is present and
    /// their workstream active), as (index in [`Org::allocations`], person), in the org's
    /// order.
    pub fn active_allocations(&self) -> &[(u32, PersonIx)] {
        &self.active_allocations
    }
    pub fn people_count(&self) -> usize {
        self.present.len()
    }
    /// Σ over present people with role `ic` of `fte × ramp factor`.
    pub fn ic_capacity(&self) -> f64 {
        self.order
            .iter()
            .filter(|&&i| self.role[i as usize] == Role::Ic)
            .map(|&i| self.org.people[i as usize].fte * self.ramp[i as usize])
            .sum()
    }
}

/// Groups the roots whose manager is named but absent (not in the file, or not present that
/// day) by that manager, in the order of their first report; returns the placeholders, the
/// placeholder of each person, and the drawn forest's tops. O(people).
#[allow(clippy::type_complexity)]
fn placeholders<'a>(
    org: &'a Org,
    person_index: &FxHashMap<&'a str, PersonIx>,
    present: &[bool],
    in_cycle: &[bool],
    roots: &[PersonIx],
) -> (Vec<Placeholder<'a>>, Vec<u32>, Vec<Top>) {
    let mut placeholders: Vec<Placeholder<'a>> = Vec::new();
    let mut placeholder_of = vec![NONE; present.len()];
    let mut tops = Vec::with_capacity(roots.len());
    let mut by_id: FxHashMap<&'a str, u32> = FxHashMap::default();
    let mut by_person: FxHashMap<PersonIx, u32> = FxHashMap::default();
    for &r in roots {
        let named = org.people[r as usize].manager_id.as_ref();
        let absent = match named {
            // A cycle's broken line names someone present: that root stays a root.
            Some(_) if in_cycle[r as usize] => None,
            Some(m) => match person_index.get(m.as_str()) {
                None => Some(AbsentManager::NotInFile(m.as_str())),
                Some(&mi) if !present[mi as usize] => Some(AbsentManager::NotHere(mi)),
                Some(_) => None,
            },
            None => None,
        };
        let Some(absent) = absent else {
            tops.push(Top::Person(r));
            continue;
        };
        let next = placeholders.len() as u32;
        let k = match absent {
            AbsentManager::NotInFile(id) => *by_id.entry(id).or_insert(next),
            AbsentManager::NotHere(m) => *by_person.entry(m).or_insert(next),
        };
        if k == next {
            placeholders.push(Placeholder {
                manager: absent,
                reports: Vec::new(),
            });
            tops.push(Top::Placeholder(k));
        }
        placeholders[k as usize].reports.push(r);
        placeholder_of[r as usize] = k;
    }
    (placeholders, placeholder_of, tops)
}

/// Looks `id` up, unless it is the id looked up last time.
fn remembered<'a>(
    last: &mut Option<(&'a str, Option<u32>)>,
    id: &'a str,
    look_up: impl FnOnce(&str) -> Option<u32>,
) -> Option<u32> {
    match *last {
        Some((prev, ix)) if prev == id => ix,
        _ => {
            let ix = look_up(id);
            *last = Some((id, ix));
            ix
        }
    }
}

/// The report of `manager` whose line a cycle's drawing breaks, if any.
fn cycle_report(cycle_reports: &[(PersonIx, PersonIx)], manager: PersonIx) -> Option<PersonIx> {
    cycle_reports
        .binary_search_by_key(&manager, |&(m, _)| m)
        .ok()
        .map(|k| cycle_reports[k].1)
}

/// `docs/model.md`: 0 before start_date; `min(1, 0.25 + 0.75 × days_since_start / ramp_days)`;
/// 1 when start_date is unknown. An open role has no one in the seat, so its factor is 0
/// until its start_date, and 0 when it has none. Someone who swung back to IC (`docs/swings.md`)
/// re-ramps from that day over `ic_reramp_days`: the smaller of the two factors counts.
pub fn ramp_factor(p: &Person, d: Date, config: &RuleConfig) -> f64 {
    let base = match p.start_date {
        None if p.is_open_role() => 0.0,
        None => 1.0,
        Some(s) if d < s => 0.0,
        Some(s) => ramp_since(s, d, config.ramp_days),
    };
    match p.reramp_from {
        Some(r) if d >= r => base.min(ramp_since(r, d, config.ic_reramp_days)),
        _ => base,
    }
}

/// The ramp formula from a start day: 0.25 on the first day, 1 after `ramp_days`.
pub fn ramp_since(start: Date, d: Date, ramp_days: u32) -> f64 {
    if d < start {
        return 0.0;
    }
    if ramp_days == 0 {
        return 1.0;
    }
    (0.25 + 0.75 * d.days_since(start) as f64 / f64::from(ramp_days)).min(1.0)
}

/// Finds every cycle of the manager function among present people, in O(n): each walk up
/// the chain is coloured with its start; meeting the current colour again closes a cycle.
fn find_cycles(manager: &[u32], present: &[bool]) -> (Vec<bool>, Vec<Vec<u32>>) {
    let n = manager.len();
    let mut walk = vec![NONE; n]; // which walk first visited the node
    let mut in_cycle = vec![false; n];
    let mut cycles = Vec::new();
    for start in 0..n {
        if !present[start] || walk[start] != NONE {
            continue;
        }
        let mut v = start as u32;
        while v != NONE && walk[v as usize] == NONE {
            walk[v as usize] = start as u32;
            v = manager[v as usize];
        }
        if v != NONE && walk[v as usize] == start as u32 {
            // v is on a new cycle: collect it, then rotate it to begin at its lowest index.
            let mut members = vec![v];
            let mut u = manager[v as usize];
            while u != v {
                members.push(u);
                u = manager[u as usize];
            }
            let lowest = members
                .iter()
                .enumerate()
                .min_by_key(|(_, m)| **m)
                .map_or(0, |(k, _)| k);
            members.rotate_left(lowest);
            for &m in &members {
                in_cycle[m as usize] = true;
            }
            cycles.push(members);
        }
    }
    cycles.sort_unstable_by_key(|c| c[0]);
    (in_cycle, cycles)
}
