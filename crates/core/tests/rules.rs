//! Every rule of `docs/rules.md` and every derived figure of `docs/model.md`, at each threshold edge.
//!
//! Each case is an org in a small text format and the expected output of one helper,
//! [`check`]: the flags as `rule subject`, in the order `check` reports them, then any
//! figures the fixture asks for with `show`. The format, one item per line:
//!
//! ```text
//! as-of 2026-01-01                 the day (this is the default)
//! config manager_max_span=3        RuleConfig overrides (its field names)
//! m role=manager                   a person; `> id` names the manager
//! r1..6 > m                        six people r1 … r6, all reporting to m
//! x > m open start=+10d            attributes: role= status words (open, leaving), assistant,
//!                                  start= end= since= (role_since) as ISO dates or ±Nd from
//!                                  as-of, fte= team= dotted= name=
//! ws w required=2 kind=migration team=t start= end=
//! x -> w 50 start= end=            an allocation of 50%
//! show ramp x                      a figure: ramp span role depth allocated present of a
//!                                  person; effective holders of a workstream; capacity; stats
//! ```

// A malformed fixture is a bug in the test, and panicking on it is the right report.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;

use pendulum_core::rules::num;
use pendulum_core::{
    Allocation, Date, Org, Person, PersonId, Role, RuleConfig, Snapshot, Stats, Status, TeamId,
    Workstream, WorkstreamKind, check as run_rules,
};

/// Runs the rules on the fixture and compares `rule subject` lines and shown figures.
#[track_caller]
fn check(fixture: &str, expect: &[&str]) {
    let f = Fixture::parse(fixture);
    assert_eq!(
        f.org.validate(),
        vec![],
        "the fixture itself is a valid org"
    );
    let s = Snapshot::new(&f.org, f.as_of, &f.config);
    let mut got: Vec<String> = run_rules(&s, &f.config)
        .iter()
        .map(|fl| format!("{} {}", fl.rule, fl.subject.id))
        .collect();
    for (figure, subject) in &f.show {
        got.push(f.figure(&s, figure, subject));
    }
    let expect: Vec<String> = expect.iter().map(|e| e.to_string()).collect();
    if got != expect {
        panic!(
            "\nfixture:{fixture}\nexpected:\n    {}\ngot:\n    {}\n",
            expect.join("\n    "),
            got.join("\n    ")
        );
    }
}

struct Fixture {
    org: Org,
    as_of: Date,
    config: RuleConfig,
    show: Vec<(String, String)>,
}

fn date(text: &str, as_of: Date) -> Date {
    if let Some(days) = text.strip_suffix('d') {
        return as_of.add_days(
            days.parse()
                .unwrap_or_else(|_| panic!("bad relative date {text:?}")),
        );
    }
    Date::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

/// `r1..6` → r1, r2, …, r6; anything else → itself.
fn expand(ids: &str) -> Vec<String> {
    match ids.split_once("..") {
        Some((head, last)) => {
            let prefix = head.trim_end_matches(|c: char| c.is_ascii_digit());
            let digits = &head[prefix.len()..];
            let (a, b): (u32, u32) = (digits.parse().unwrap(), last.parse().unwrap());
            (a..=b).map(|k| format!("{prefix}{k}")).collect()
        }
        None => vec![ids.to_string()],
    }
}

impl Fixture {
    fn parse(text: &str) -> Fixture {
        let mut f = Fixture {
            org: Org::default(),
            as_of: Date::parse("2026-01-01").unwrap(),
            config: RuleConfig::default(),
            show: Vec::new(),
        };
        let mut config = serde_json::Map::new();
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let words: Vec<&str> = line.split_whitespace().collect();
            let attrs = |from: usize| {
                words[from..]
                    .iter()
                    .map(|w| w.split_once('=').unwrap_or((w, "")))
                    .collect::<Vec<_>>()
            };
            match words[0] {
                "as-of" => f.as_of = date(words[1], f.as_of),
                "config" => {
                    for (k, v) in attrs(1) {
                        config.insert(k.into(), serde_json::from_str(v).unwrap());
                    }
                }
                "show" => f
                    .show
                    .push((words[1].into(), words.get(2).unwrap_or(&"").to_string())),
                "ws" => {
                    let mut w = Workstream::new(words[1], words[1]);
                    for (k, v) in attrs(2) {
                        match k {
                            "required" => w.required_fte = v.parse().unwrap(),
                            "kind" => w.kind = WorkstreamKind::parse(v).unwrap(),
                            "team" => w.team = Some(TeamId::from(v)),
                            "start" => w.start_date = Some(date(v, f.as_of)),
                            "end" => w.end_date = Some(date(v, f.as_of)),
                            _ => panic!("unknown workstream attribute {k:?}"),
                        }
                    }
                    f.org.workstreams.push(w);
                }
                _ if words.get(1) == Some(&"->") => {
                    let mut a = Allocation::new(words[0], words[2], words[3].parse().unwrap());
                    for (k, v) in attrs(4) {
                        match k {
                            "start" => a.start_date = Some(date(v, f.as_of)),
                            "end" => a.end_date = Some(date(v, f.as_of)),
                            _ => panic!("unknown allocation attribute {k:?}"),
                        }
                    }
                    f.org.allocations.push(a);
                }
                ids => {
                    let (manager, rest) = match words.get(1) {
                        Some(&">") => (Some(PersonId::from(words[2])), 3),
                        _ => (None, 1),
                    };
                    for id in expand(ids) {
                        let mut p = Person::new(id.clone(), id);
                        p.manager_id = manager.clone();
                        for &(k, v) in &attrs(rest) {
                            match k {
                                "role" => p.role = Some(Role::parse(v).unwrap()),
                                "open" => p.status = Status::Open,
                                "leaving" => p.status = Status::Leaving,
                                "assistant" => p.assistant = true,
                                "start" => p.start_date = Some(date(v, f.as_of)),
                                "end" => p.end_date = Some(date(v, f.as_of)),
                                "since" => p.role_since = Some(date(v, f.as_of)),
                                "fte" => p.fte = v.parse().unwrap(),
                                "team" => p.team = Some(TeamId::from(v)),
                                "dotted" => p.dotted_managers.push(PersonId::from(v)),
                                "name" => p.name = v.into(),
                                _ => panic!("unknown person attribute {k:?}"),
                            }
                        }
                        f.org.people.push(p);
                    }
                }
            }
        }
        f.config = serde_json::from_value(serde_json::Value::Object(config)).unwrap();
        f
    }

    fn figure(&self, s: &Snapshot<'_>, figure: &str, id: &str) -> String {
        let person = || s.person_ix(id).unwrap_or_else(|| panic!("no person {id}"));
        let load = || {
            s.workstream_load(
                s.workstream_ix(id)
                    .unwrap_or_else(|| panic!("no workstream {id}")),
            )
        };
        let value = match figure {
            "ramp" => s.ramp(person()).to_string(),
            "span" => s.span(person()).to_string(),
            "role" => s.role(person()).as_str().to_string(),
            "depth" => s.depth(person()).to_string(),
            "allocated" => s.allocated_percent(person()).to_string(),
            "present" => s.is_present(person()).to_string(),
            "effective" => load().effective_fte.to_string(),
            "holders" => load().holders.to_string(),
            "capacity" => s.ic_capacity().to_string(),
            "load" => match pendulum_core::manager_load(s, &self.config, id) {
                Some(l) => format!(
                    "{} of {} ({} reports, {} ramping, {} open, {} dotted)",
                    num(l.load),
                    num(l.capacity),
                    l.reports,
                    l.ramping,
                    l.open_roles,
                    l.dotted
                ),
                None => "none".into(),
            },
            "stats" => {
                let st = if id.is_empty() {
                    Stats::of(s)
                } else {
                    Stats::of_people(s, &subtree(s, person()))
                };
                let mut out = format!(
                    "headcount {} managers {} ics {} open {} capacity {} mean_span {} max_span {} layers {} histogram",
                    st.headcount,
                    st.managers,
                    st.ics,
                    st.open_roles,
                    st.ic_capacity,
                    st.mean_span,
                    st.max_span,
                    st.layers
                );
                for (span, count) in &st.span_histogram {
                    write!(out, " {span}:{count}").unwrap();
                }
                out
            }
            "per-layer" => {
                let people = if id.is_empty() {
                    s.breadth_first().to_vec()
                } else {
                    subtree(s, person())
                };
                format!("{:?}", pendulum_core::stats::people_per_layer(s, &people))
            }
            _ => panic!("unknown figure {figure:?}"),
        };
        if id.is_empty() {
            format!("{figure} = {value}")
        } else {
            format!("{figure} {id} = {value}")
        }
    }
}

/// `root` and everyone under them in the drawn forest, breadth-first.
fn subtree(s: &Snapshot<'_>, root: u32) -> Vec<u32> {
    let mut people = vec![root];
    let mut head = 0;
    while let Some(&p) = people.get(head) {
        head += 1;
        people.extend_from_slice(s.children(p));
    }
    people
}

// ---------------------------------------------------------------- cycle, unknown-manager

#[test]
fn a_self_loop_is_a_cycle_of_one() {
    check(
        "a > a
         b > a",
        &["cycle a", "span-too-narrow a"],
    );
    check("a > a\nshow span a", &["cycle a", "span a = 0"]);
}

#[test]
fn every_member_of_a_cycle_is_flagged_and_no_one_hanging_below_it() {
    check(
        "a > c role=manager
         b > a role=manager
         c > b role=manager
         x1..2 > a
         y1..2 > b
         z1..2 > c
         t1..2 > x1",
        &["cycle a", "cycle b", "cycle c"],
    );
}

#[test]
fn two_cycles_and_a_tree_beside_them() {
    check(
        "a > b role=ic
         b > a role=ic
         c > d role=ic
         d > e role=ic
         e > c role=ic
         root role=manager
         k1..2 > root",
        &["cycle a", "cycle b", "cycle c", "cycle d", "cycle e"],
    );
}

#[test]
fn a_cycle_member_is_a_report_of_the_next_one() {
    // The drawing breaks the cycle at one line, but every line on it is a reporting line:
    // a reports to b and b reports to a, so each has a report who has reports.
    check(
        "a > b
         b > a
         show role a
         show role b
         show span a
         show span b",
        &[
            "cycle a",
            "cycle b",
            "span-too-narrow a",
            "span-too-narrow b",
            "role a = director",
            "role b = director",
            "span a = 1",
            "span b = 1",
        ],
    );
    // b's direct reports are a (a director) and x (an IC): exactly half are ICs.
    check(
        "a > b role=director
         b > a role=director
         x > b",
        &["cycle a", "cycle b", "span-too-narrow a"],
    );
}

#[test]
fn unknown_manager_names_no_person() {
    check(
        "a > nobody
         b > a",
        &["unknown-manager a", "span-too-narrow a"],
    );
}

#[test]
fn a_manager_who_is_not_present_is_not_unknown() {
    // b's manager has left: b is drawn as a root, and nothing is flagged.
    check(
        "a end=-1d
         b > a
         show depth b",
        &["depth b = 1"],
    );
}

#[test]
fn an_absent_person_is_never_flagged() {
    check(
        "a > nobody start=+1d
         b > b end=-1d",
        &[],
    );
}

// ---------------------------------------------------------------- spans

#[test]
fn span_too_wide_for_a_manager_is_above_five() {
    check("m role=manager\nr1..5 > m", &[]);
    check("m role=manager\nr1..6 > m", &["span-too-wide m"]);
}

#[test]
fn span_too_wide_for_a_director_or_executive_is_above_five() {
    let org = |boss: &str, reports: u32| {
        let mut f = format!("d role={boss}\n");
        for k in 1..=reports {
            write!(f, "m{k} > d role=manager\nm{k}a > m{k}\nm{k}b > m{k}\n").unwrap();
        }
        f
    };
    check(&org("director", 5), &[]);
    check(&org("director", 6), &["span-too-wide d"]);
    check(&org("executive", 5), &[]);
    check(&org("executive", 6), &["span-too-wide d"]);
}

#[test]
fn manager_and_director_limits_are_separate_settings() {
    let org = "config manager_max_span=2 director_max_span=3
               d role=director
               m1..3 > d role=manager
               a1..3 > m1
               b1..2 > m2
               c1..2 > m3";
    check(org, &["span-too-wide m1"]);
    let org = org.replace("director_max_span=3", "director_max_span=2");
    check(&org, &["span-too-wide d", "span-too-wide m1"]);
}

#[test]
fn span_too_narrow_is_a_manager_or_director_of_one() {
    check("m role=manager\nr > m", &["span-too-narrow m"]);
    check("m role=manager\nr1..2 > m", &[]);
    check(
        "d role=director
         m > d role=manager
         r1..2 > m",
        &["span-too-narrow d"],
    );
    // an executive of one is not flagged: a CEO with one deputy is a normal shape
    check("e role=executive\nr > e", &[]);
}

#[test]
fn min_span_can_be_raised() {
    check(
        "config min_span=3\nm role=manager\nr1..2 > m",
        &["span-too-narrow m"],
    );
    check("config min_span=3\nm role=manager\nr1..3 > m", &[]);
}

#[test]
fn manager_without_reports() {
    check("m role=manager", &["manager-without-reports m"]);
    check("d role=director", &["manager-without-reports d"]);
    check("e role=executive", &["manager-without-reports e"]);
    check("i role=ic", &[]);
    // an inferred role never lacks reports
    check("i", &[]);
}

#[test]
fn assistants_are_not_in_spans() {
    check(
        "e role=executive
         ea > e assistant
         show span e",
        &["manager-without-reports e", "span e = 0"],
    );
    check(
        "m role=manager
         r1..5 > m
         pa > m assistant
         show span m",
        &["span m = 5"],
    );
    // someone whose only report is an assistant leads no one, so is inferred an IC
    check("m\npa > m assistant\nshow role m", &["role m = ic"]);
}

#[test]
fn open_roles_count_in_spans_from_their_start_date() {
    let org = "m role=manager
               r1..5 > m
               hire > m open start=2026-02-01
               show span m";
    check(&format!("as-of 2026-01-31\n{org}"), &["span m = 5"]);
    check(
        &format!("as-of 2026-02-01\n{org}"),
        &["span-too-wide m", "span m = 6"],
    );
    // an open role without a date is a seat to fill now
    check(
        "m role=manager\nr1..5 > m\nhire > m open\nshow span m",
        &["span-too-wide m", "span m = 6"],
    );
}

#[test]
fn reports_count_while_present_start_inclusive_end_exclusive() {
    let org = "m role=manager
               r1..5 > m
               new > m start=2026-03-01
               gone > m end=2026-01-01
               show span m
               show present new
               show present gone";
    check(
        &format!("as-of 2025-12-31\n{org}"),
        &[
            "span-too-wide m",
            "span m = 6",
            "present new = false",
            "present gone = true",
        ],
    );
    check(
        &format!("as-of 2026-01-01\n{org}"),
        &["span m = 5", "present new = false", "present gone = false"],
    );
    check(
        &format!("as-of 2026-03-01\n{org}"),
        &[
            "span-too-wide m",
            // new is ramping: 5 + (2 − 0.25) = 6.75 against 6
            "manager-overloaded m",
            "span m = 6",
            "present new = true",
            "present gone = false",
        ],
    );
}

#[test]
fn dotted_lines_do_not_count_in_spans() {
    check(
        "m role=manager
         r1..5 > m
         other role=manager
         o1..2 > other
         x > other dotted=m
         show span m",
        &["span m = 5"],
    );
}

// ---------------------------------------------------------------- director-over-ics

#[test]
fn director_over_ics_is_more_than_half() {
    let director = "d role=director
                    m1 > d role=manager
                    m1r1..2 > m1
                    m2 > d role=manager
                    m2r1..2 > m2";
    // 2 of 4 direct reports are ICs: exactly half
    check(&format!("{director}\ni1..2 > d"), &[]);
    // 3 of 5
    check(&format!("{director}\ni1..3 > d"), &["director-over-ics d"]);
    // assistants are not among the reports weighed
    check(&format!("{director}\ni1..2 > d\nea > d assistant"), &[]);
    // only directors: a manager of ICs is the normal case
    check("m role=manager\ni1..3 > m", &[]);
}

#[test]
fn director_over_ics_uses_inferred_roles() {
    // d leads m (who has reports), so d is an inferred director, and 2 of 3 are ICs
    check(
        "d
         m > d
         m1..2 > m
         i1..2 > d
         show role d
         show role m",
        &[
            "director-over-ics d",
            "role d = director",
            "role m = manager",
        ],
    );
}

// ---------------------------------------------------------------- role inference

#[test]
fn roles_are_inferred_from_the_reporting_lines() {
    check(
        "top
         mid > top
         leaf1..2 > mid
         solo
         show role top
         show role mid
         show role leaf1
         show role solo",
        &[
            "span-too-narrow top",
            "role top = director",
            "role mid = manager",
            "role leaf1 = ic",
            "role solo = ic",
        ],
    );
}

#[test]
fn a_role_on_file_wins_over_inference() {
    check(
        "top role=manager
         mid > top role=ic
         leaf1..2 > mid
         show role top
         show role mid",
        &["span-too-narrow top", "role top = manager", "role mid = ic"],
    );
}

#[test]
fn inference_looks_only_at_present_reports() {
    check(
        "m
         r > m start=+1d
         show role m",
        &["role m = ic"],
    );
    check(
        "d
         m > d
         r > m end=-1d
         show role d
         show role m",
        &["span-too-narrow d", "role d = manager", "role m = ic"],
    );
}

// ---------------------------------------------------------------- too-many-layers

/// A reporting chain `{p}1` (root) … `{p}{levels}`, all ICs by role so no span rule fires.
fn chain(p: &str, levels: usize) -> String {
    let mut f = format!("{p}1 role=ic\n");
    for k in 2..=levels {
        writeln!(f, "{p}{k} > {p}{} role=ic", k - 1).unwrap();
    }
    f
}

#[test]
fn too_many_layers_is_a_depth_above_six() {
    check(
        &format!("{}show depth l6", chain("l", 6)),
        &["depth l6 = 6"],
    );
    check(
        &format!("{}show depth l7", chain("l", 7)),
        &["too-many-layers l1", "depth l7 = 7"],
    );
}

#[test]
fn too_many_layers_names_the_root_of_each_deep_tree() {
    let deep = |p: &str| chain(p, 7);
    let shallow = "s1 role=ic\ns2 > s1 role=ic";
    check(
        &format!("{}{}{shallow}", deep("a"), deep("b")),
        &["too-many-layers a1", "too-many-layers b1"],
    );
    check(&format!("config max_layers=7\n{}", deep("a")), &[]);
    check(
        &format!("config max_layers=1\n{shallow}"),
        &["too-many-layers s1"],
    );
}

// ---------------------------------------------------------------- allocations

#[test]
fn person_overallocated_is_above_fte_times_100() {
    let ws = "ws w1\nws w2\n";
    check(
        &format!("{ws}p\np -> w1 60\np -> w2 40\nshow allocated p"),
        &["allocated p = 100"],
    );
    check(
        &format!("{ws}p\np -> w1 60\np -> w2 40.5"),
        &["person-overallocated p"],
    );
    check(&format!("{ws}p fte=0.5\np -> w1 50"), &[]);
    check(
        &format!("{ws}p fte=0.5\np -> w1 50.5"),
        &["person-overallocated p"],
    );
    // a third of a week each, three times, is a full week (no floating-point false alarm)
    check(
        &format!("{ws}ws w3\np\np -> w1 33.3\np -> w2 33.3\np -> w3 33.4"),
        &[],
    );
    check(&format!("{ws}p fte=0.7\np -> w1 70"), &[]);
}

#[test]
fn only_allocations_active_on_the_day_count() {
    let org = "ws w1
               ws w2
               p
               p -> w1 100
               p -> w2 50 start=2026-02-01 end=2026-03-01
               show allocated p";
    check(&format!("as-of 2026-01-31\n{org}"), &["allocated p = 100"]);
    check(
        &format!("as-of 2026-02-01\n{org}"),
        &["person-overallocated p", "allocated p = 150"],
    );
    check(&format!("as-of 2026-03-01\n{org}"), &["allocated p = 100"]);
}

#[test]
fn allocations_to_a_workstream_that_is_not_active_do_not_count() {
    check(
        "ws w1
         ws old end=-1d
         p
         p -> w1 100
         p -> old 50
         show allocated p",
        &["allocated p = 100"],
    );
}

// ---------------------------------------------------------------- workstreams

#[test]
fn workstream_unstaffed_needs_required_fte_and_no_active_allocation() {
    check("ws w required=0.5", &["workstream-unstaffed w"]);
    check("ws w required=0", &[]);
    check("ws w required=1 end=-1d", &[]);
    check("ws w required=1 start=+1d", &[]);
    // an allocation that has ended, or whose person has left, staffs nothing
    check(
        "ws w required=1\np\np -> w 100 end=-1d",
        &["workstream-unstaffed w"],
    );
    check(
        "ws w required=1\np end=-1d\np -> w 100",
        &["workstream-unstaffed w"],
    );
}

#[test]
fn workstream_overloaded_is_a_ratio_above_1_25() {
    // 2.5 required / 2.0 effective = 1.25 exactly
    check(
        "ws w required=2.5\na\nb\na -> w 100\nb -> w 100\nshow effective w",
        &["effective w = 2"],
    );
    check(
        "ws w required=2.51\na\nb\na -> w 100\nb -> w 100",
        &["workstream-overloaded w"],
    );
    check(
        "config overload_ratio=2\nws w required=4\na\nb\na -> w 100\nb -> w 100",
        &[],
    );
    check(
        "config overload_ratio=2\nws w required=4.01\na\nb\na -> w 100\nb -> w 100",
        &["workstream-overloaded w"],
    );
}

#[test]
fn effective_fte_includes_ramp() {
    // 45 days in: 0.25 + 0.75 × 45/90 = 0.625; 0.625 × 1.25 = 0.78125
    check(
        "ws w required=0.78125
         p start=-45d
         p -> w 100
         show effective w",
        &["effective w = 0.625"],
    );
    check(
        "ws w required=0.79\np start=-45d\np -> w 100",
        &["workstream-overloaded w"],
    );
    // half-time on it: 0.5 × 0.625
    check(
        "ws w\np start=-45d\np -> w 50\nshow effective w",
        &["effective w = 0.3125"],
    );
}

#[test]
fn an_open_role_gives_no_effective_fte_until_it_starts() {
    check(
        "ws w required=0.5
         hire open
         hire -> w 100
         show effective w
         show ramp hire",
        &[
            "workstream-overloaded w",
            "effective w = 0",
            "ramp hire = 0",
        ],
    );
    check(
        "ws w required=0.5
         hire open start=-90d
         hire -> w 100
         show effective w",
        &["effective w = 1"],
    );
}

#[test]
fn single_point_of_failure_is_one_person_on_a_workstream_of_at_least_one_fte() {
    check("ws w required=0.99\np\np -> w 100", &[]);
    check(
        "ws w required=1\np\np -> w 100",
        &["single-point-of-failure w"],
    );
    // the same person twice is still one person
    check(
        "ws w required=1\np\np -> w 50\np -> w 50\nshow holders w",
        &["single-point-of-failure w", "holders w = 1"],
    );
    check(
        "ws w required=1\np\nq\np -> w 50\nq -> w 50\nshow holders w",
        &["holders w = 2"],
    );
    // a second person whose allocation has ended does not help
    check(
        "ws w required=1\np\nq\np -> w 100\nq -> w 50 end=-1d",
        &["single-point-of-failure w"],
    );
}

#[test]
fn overloaded_and_single_point_of_failure_together() {
    check(
        "ws w required=2\np\np -> w 100",
        &["workstream-overloaded w", "single-point-of-failure w"],
    );
}

// ---------------------------------------------------------------- migrations

#[test]
fn migrations_in_flight_is_more_than_one_active_migration_per_team() {
    check("ws a kind=migration team=t\nws b kind=feature team=t", &[]);
    check(
        "ws a kind=migration team=t\nws b kind=migration team=t",
        &["migrations-in-flight t"],
    );
    check(
        "ws a kind=migration team=t\nws b kind=migration team=u",
        &[],
    );
    // finished and future migrations are not in flight
    check(
        "ws a kind=migration team=t\nws b kind=migration team=t end=-1d",
        &[],
    );
    check(
        "ws a kind=migration team=t\nws b kind=migration team=t start=+1d",
        &[],
    );
    check(
        "ws a kind=migration team=t\nws b kind=migration team=t start=0d",
        &["migrations-in-flight t"],
    );
    check(
        "config max_migrations=2\nws a kind=migration team=t\nws b kind=migration team=t\nws c kind=migration team=t",
        &["migrations-in-flight t"],
    );
    check(
        "config max_migrations=2\nws a kind=migration team=t\nws b kind=migration team=t",
        &[],
    );
}

// ---------------------------------------------------------------- pendulum-due

#[test]
fn pendulum_due_is_more_than_three_years_in_the_role() {
    let org = |since: &str, role: &str| {
        format!("as-of 2026-01-01\nm role={role} since={since}\nr1..2 > m")
    };
    check(&org("2023-01-01", "manager"), &[]);
    check(&org("2022-12-31", "manager"), &["pendulum-due m"]);
    check(
        &org("2022-12-31", "director"),
        &["director-over-ics m", "pendulum-due m"],
    );
    // executives and ICs are not on the pendulum
    check(&org("2000-01-01", "executive"), &[]);
    check("i role=ic since=2000-01-01", &[]);
    // an unknown start of the role proves nothing
    check("m role=manager\nr1..2 > m", &[]);
    check(
        &format!("config pendulum_years=1\n{}", org("2024-12-31", "manager")),
        &["pendulum-due m"],
    );
    check(
        &format!("config pendulum_years=1\n{}", org("2025-01-01", "manager")),
        &[],
    );
}

#[test]
fn pendulum_due_from_a_leap_day() {
    // three years after 2020-02-29 is 2023-02-28
    check(
        "as-of 2023-02-28\nm role=manager since=2020-02-29\nr1..2 > m",
        &[],
    );
    check(
        "as-of 2023-03-01\nm role=manager since=2020-02-29\nr1..2 > m",
        &["pendulum-due m"],
    );
}

// ---------------------------------------------------------------- manager-overloaded

#[test]
fn a_manager_load_is_one_per_settled_report_against_a_capacity_of_six() {
    check(
        "m role=manager\nr1..6 > m\nshow load m",
        &[
            "span-too-wide m",
            "load m = 6 of 6 (6 reports, 0 ramping, 0 open, 0 dotted)",
        ],
    );
    check(
        "m role=manager\nr1..7 > m\nshow load m",
        &[
            "span-too-wide m",
            "manager-overloaded m",
            "load m = 7 of 6 (7 reports, 0 ramping, 0 open, 0 dotted)",
        ],
    );
}

#[test]
fn manager_overloaded_at_its_boundary_to_a_hundredth() {
    // 6 settled reports and a dotted-line report weighing 0.01: 6.01 against 6.
    let org = "m role=manager\nr1..5 > m\nx > m\nd > boss dotted=m\nboss role=manager\nshow load m";
    check(
        &format!("config dotted_weight=0.01 manager_max_span=9\n{org}"),
        &[
            "span-too-narrow boss",
            "manager-overloaded m",
            "load m = 6.01 of 6 (6 reports, 0 ramping, 0 open, 1 dotted)",
        ],
    );
    check(
        &format!("config dotted_weight=0.01 manager_max_span=9 manager_capacity=6.01\n{org}"),
        &[
            "span-too-narrow boss",
            "load m = 6.01 of 6.01 (6 reports, 0 ramping, 0 open, 1 dotted)",
        ],
    );
    // A report 84 days in ramps at 0.95 and counts 1.05: 4 + 1.05 = 5.05. Hands-on work of
    // 16% leaves 6 × 0.84 = 5.04 (overloaded); 15.8% leaves 5.052 (not).
    let ramping = "m role=manager
                   r1..4 > m
                   new > m start=-84d
                   ws side
                   show load m";
    check(
        &format!("{ramping}\nm -> side 16"),
        &[
            "manager-overloaded m",
            "load m = 5.05 of 5.04 (5 reports, 1 ramping, 0 open, 0 dotted)",
        ],
    );
    check(
        &format!("{ramping}\nm -> side 15.8"),
        &["load m = 5.05 of 5.05 (5 reports, 1 ramping, 0 open, 0 dotted)"],
    );
}

#[test]
fn open_roles_weigh_hiring_from_before_they_start_until_they_end() {
    // 5 reports and an open role starting in a month: 5 + 1 = 6, at capacity; with 1%
    // hands-on work the capacity is 5.94.
    let org = "m role=manager
               r1..5 > m
               o > m open start=+30d
               done > m open end=-1d
               ws side
               show load m";
    check(
        org,
        &["load m = 6 of 6 (5 reports, 0 ramping, 1 open, 0 dotted)"],
    );
    check(
        &format!("{org}\nm -> side 1"),
        &[
            "manager-overloaded m",
            "load m = 6 of 5.94 (5 reports, 0 ramping, 1 open, 0 dotted)",
        ],
    );
    check(
        &format!("config hiring_weight=0\n{org}\nm -> side 1"),
        &["load m = 5 of 5.94 (5 reports, 0 ramping, 1 open, 0 dotted)"],
    );
    // A started open role is a report in the span, but it counts as hiring, not as a report.
    check(
        "m role=manager\nr1..2 > m\no > m open start=-10d\nshow load m",
        &["load m = 3 of 6 (2 reports, 0 ramping, 1 open, 0 dotted)"],
    );
}

#[test]
fn assistants_do_not_load_a_manager_and_full_hands_on_work_leaves_no_capacity() {
    check(
        "m role=manager\nr1..2 > m\na > m assistant\nws side\nm -> side 50\nshow load m",
        &["load m = 2 of 3 (2 reports, 0 ramping, 0 open, 0 dotted)"],
    );
    check(
        "m role=manager\nr1..2 > m\nws side\nm -> side 100\nshow load m",
        &[
            "manager-overloaded m",
            "load m = 2 of 0 (2 reports, 0 ramping, 0 open, 0 dotted)",
        ],
    );
    // Over-allocated: capacity stays at 0, never below.
    check(
        "m role=manager\nr1..2 > m\nws side\nws more\nm -> side 100\nm -> more 20\nshow load m",
        &[
            "person-overallocated m",
            "manager-overloaded m",
            "load m = 2 of 0 (2 reports, 0 ramping, 0 open, 0 dotted)",
        ],
    );
}

#[test]
fn an_ic_who_hires_carries_a_load_and_a_manager_without_reports_carries_none_over_zero() {
    // Only an open role, not started: role inferred ic, yet hiring is work.
    check(
        "lead\no > lead open start=+40d\nws side\nlead -> side 100\nshow load lead\nshow role lead",
        &[
            "manager-overloaded lead",
            "load lead = 1 of 0 (0 reports, 0 ramping, 1 open, 0 dotted)",
            "role lead = ic",
        ],
    );
    check("x\nshow load x", &["load x = none"]);
    check(
        "m role=manager\nshow load m",
        &[
            "manager-without-reports m",
            "load m = 0 of 6 (0 reports, 0 ramping, 0 open, 0 dotted)",
        ],
    );
}

#[test]
fn the_overload_message_lists_the_parts() {
    // 7 reports, two of them ramping at 0.4 (18 days) and 0.5 (30 days): +0.6 +0.5; an open
    // role (+1); 40% on Ledger v2: load 9.1 against capacity 6 × 0.6 = 3.6.
    let f = Fixture::parse(
        "m role=manager name=Rachel
         r1..5 > m
         n1 > m start=-18d
         n2 > m start=-30d
         o > m open
         ws ledger
         m -> ledger 40
         config manager_max_span=9",
    );
    let mut org = f.org.clone();
    org.workstreams[0].name = "Ledger v2".into();
    let s = Snapshot::new(&org, f.as_of, &f.config);
    let flags = run_rules(&s, &f.config);
    let overloaded: Vec<&str> = flags
        .iter()
        .filter(|fl| fl.rule.as_str() == "manager-overloaded")
        .map(|fl| fl.message.as_str())
        .collect();
    assert_eq!(
        overloaded,
        [
            "Rachel (m) is overloaded as a manager: 7 reports, 2 of them ramping (+1.1), 1 open role (+1), 40% on Ledger v2: load 9.1 against capacity 3.6. Move some reports to another manager, spread the hiring, or hand off hands-on work."
        ]
    );
}

#[test]
fn manager_load_thresholds_have_ranges() {
    for (field, bad) in [
        ("manager_capacity", 0.5),
        ("manager_capacity", 100.5),
        ("hiring_weight", -0.1),
        ("hiring_weight", 10.5),
        ("dotted_weight", -1.0),
        ("dotted_weight", f64::NAN),
    ] {
        let mut c = RuleConfig::default();
        match field {
            "manager_capacity" => c.manager_capacity = bad,
            "hiring_weight" => c.hiring_weight = bad,
            _ => c.dotted_weight = bad,
        }
        let problems = c.validate();
        assert_eq!(problems.len(), 1, "{field} = {bad}: {problems:?}");
        assert_eq!(problems[0].0, field);
    }
    let c = RuleConfig {
        manager_capacity: 1.0,
        hiring_weight: 0.0,
        dotted_weight: 10.0,
        ..RuleConfig::default()
    };
    assert_eq!(c.validate(), vec![]);
}

// ---------------------------------------------------------------- ramp and capacity

#[test]
fn ramp_factor_over_90_days() {
    check(
        "d0 start=0d
         d45 start=-45d
         d90 start=-90d
         d200 start=-200d
         later start=+1d
         unknown
         show ramp d0
         show ramp d45
         show ramp d90
         show ramp d200
         show ramp later
         show ramp unknown",
        &[
            "ramp d0 = 0.25",
            "ramp d45 = 0.625",
            "ramp d90 = 1",
            "ramp d200 = 1",
            "ramp later = 0",
            "ramp unknown = 1",
        ],
    );
    check(
        "config ramp_days=30\nd15 start=-15d\nshow ramp d15",
        &["ramp d15 = 0.625"],
    );
}

#[test]
fn ic_capacity_is_fte_times_ramp_over_present_ics() {
    check(
        "m role=manager
         a > m
         b > m fte=0.5
         c > m fte=0.8 start=-45d
         hire > m open
         gone > m end=-1d
         show capacity",
        // 1 + 0.5 + 0.8 × 0.625; the manager, the open seat and the leaver add nothing
        &["capacity = 2"],
    );
}

// ---------------------------------------------------------------- stats

#[test]
fn stats_count_managers_ics_spans_and_layers() {
    check(
        "ceo role=executive
         ea > ceo assistant
         d > ceo role=director
         m1 > d role=manager
         m2 > d role=manager
         a1..3 > m1
         b1..2 > m2
         hire > m2 open
         show stats",
        &[
            "stats = headcount 10 managers 4 ics 6 open 1 capacity 6 mean_span 2.25 max_span 3 layers 4 histogram 1:1 2:1 3:2",
        ],
    );
}

#[test]
fn stats_of_a_subtree_count_its_people_from_its_root_as_layer_one() {
    check(
        "ceo role=executive
         ea > ceo assistant
         d > ceo role=director
         m1 > d role=manager
         m2 > d role=manager
         a1..3 > m1
         b1..2 > m2
         hire > m2 open
         other > ceo
         show stats d
         show per-layer d
         show stats m1
         show per-layer m1
         show per-layer",
        &[
            // The director's span counts both managers; m2's open role is not headcount.
            "stats d = headcount 8 managers 3 ics 5 open 1 capacity 5 mean_span 2.6667 max_span 3 layers 3 histogram 2:1 3:2",
            "per-layer d = [1, 2, 6]",
            "stats m1 = headcount 4 managers 1 ics 3 open 0 capacity 3 mean_span 3 max_span 3 layers 2 histogram 3:1",
            "per-layer m1 = [1, 3]",
            "per-layer = [1, 3, 2, 6]",
        ],
    );
}

#[test]
fn stats_of_an_empty_org() {
    check(
        "show stats",
        &[
            "stats = headcount 0 managers 0 ics 0 open 0 capacity 0 mean_span 0 max_span 0 layers 0 histogram",
        ],
    );
}

// ---------------------------------------------------------------- message figures

/// The definition of `num`: round to cents, print with two decimals, drop trailing zeros.
fn num_reference(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    let t = format!("{r:.2}");
    let t = t.trim_end_matches('0').trim_end_matches('.');
    if t == "-0" { "0".into() } else { t.to_string() }
}

#[test]
fn num_prints_at_most_two_decimals() {
    for (x, text) in [
        (1.0, "1"),
        (0.5, "0.5"),
        (0.625, "0.63"),
        (100.0 / 3.0, "33.33"),
        (-0.001, "0"),
        (-1.5, "-1.5"),
        (1.005, "1"),
    ] {
        assert_eq!(num(x), text, "{x}");
    }
    assert_eq!(num(f64::INFINITY), "inf");
    assert_eq!(num(f64::NAN), "NaN");
}

proptest::proptest! {
    #[test]
    fn num_matches_its_definition(x in proptest::num::f64::ANY) {
        proptest::prop_assert_eq!(num(x), num_reference(x));
    }

    #[test]
    fn num_matches_its_definition_for_everyday_figures(cents in -10_000_000i64..10_000_000, noise in -0.6f64..0.6) {
        let x = (cents as f64 + noise) / 100.0;
        proptest::prop_assert_eq!(num(x), num_reference(x));
    }
}

// ---------------------------------------------------------------- the org graph

#[test]
fn the_org_graph_holds_every_reporting_line_and_dotted_line_of_present_people() {
    use pendulum_core::Line;
    use petgraph::visit::EdgeRef;
    let f = Fixture::parse(
        "ceo
         a > ceo
         b > ceo dotted=a
         self > self
         x > y
         y > x dotted=ceo
         gone > ceo end=-1d
         ghost > nobody dotted=nobody",
    );
    let s = Snapshot::new(&f.org, f.as_of, &f.config);
    let id = |i: u32| s.person(i).id.as_str().to_string();
    let mut edges: Vec<String> = s
        .graph()
        .edge_references()
        .map(|e| {
            let dotted = if *e.weight() == Line::Dotted {
                " dotted"
            } else {
                ""
            };
            format!(
                "{} -> {}{dotted}",
                id(e.source().index() as u32),
                id(e.target().index() as u32)
            )
        })
        .collect();
    edges.sort();
    assert_eq!(
        edges,
        [
            "a -> b dotted",
            "ceo -> a",
            "ceo -> b",
            "ceo -> y dotted",
            "self -> self",
            "x -> y",
            "y -> x"
        ]
    );
    let b = s.person_ix("b").unwrap();
    assert_eq!(s.dotted_managers(b).map(id).collect::<Vec<_>>(), ["a"]);
    // neighbours come in input order
    let ceo = s.person_ix("ceo").unwrap();
    let reports: Vec<String> = s
        .graph()
        .edges_directed(
            petgraph::graph::NodeIndex::new(ceo as usize),
            petgraph::Direction::Outgoing,
        )
        .filter(|e| *e.weight() == Line::Reporting)
        .map(|e| id(e.target().index() as u32))
        .collect();
    assert_eq!(reports, ["a", "b"]);
}

// ---------------------------------------------------------------- flag shape

#[test]
fn every_rule_fires_with_its_severity_and_subject_kind_and_a_message() {
    let f = Fixture::parse(
        "self > self
         lost > ghost
         wide role=manager
         w1..6 > wide
         narrow role=manager
         n1 > narrow
         idle role=manager
         dir role=director since=2020-01-01
         i1..2 > dir
         ws busy
         ws sole required=1
         ws empty required=1
         ws a kind=migration team=t
         ws b kind=migration team=t
         w1 -> busy 100
         w1 -> sole 10
         lead role=manager
         x1..2 > lead
         lead -> busy 100
         l1 role=ic
         l2 > l1 role=ic
         l3 > l2 role=ic
         l4 > l3 role=ic
         l5 > l4 role=ic
         l6 > l5 role=ic
         l7 > l6 role=ic",
    );
    let s = Snapshot::new(&f.org, f.as_of, &f.config);
    let got: Vec<String> = run_rules(&s, &f.config)
        .iter()
        .map(|fl| {
            assert!(
                fl.message.len() > 40,
                "{} explains itself: {:?}",
                fl.rule,
                fl.message
            );
            let kind = serde_json::to_value(fl.subject.kind).unwrap();
            format!(
                "{} {} {}:{}",
                fl.severity.as_str(),
                fl.rule,
                kind.as_str().unwrap(),
                fl.subject.id
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "error cycle person:self",
            "error unknown-manager person:lost",
            "error workstream-unstaffed workstream:empty",
            "warning span-too-wide person:wide",
            "warning span-too-narrow person:narrow",
            "warning manager-without-reports person:idle",
            "warning too-many-layers person:l1",
            "warning person-overallocated person:w1",
            "warning workstream-overloaded workstream:sole",
            "warning single-point-of-failure workstream:sole",
            "warning migrations-in-flight team:t",
            "warning manager-overloaded person:lead",
            "info director-over-ics person:dir",
            "info pendulum-due person:dir",
        ]
    );
}

// ---------------------------------------------------------------- ids

#[test]
fn a_repeated_id_names_its_first_person() {
    // A repeated id is malformed input (Org::validate reports it); the snapshot still
    // answers, always with the first person of that id.
    let mut org = Fixture::parse("m role=manager\nr1..2 > m").org;
    let mut twin = Person::new("m", "Second m");
    twin.role = Some(Role::Ic);
    org.people.push(twin);
    let config = RuleConfig::default();
    let s = Snapshot::new(&org, Date::parse("2026-01-01").unwrap(), &config);
    assert_eq!(s.person_ix("m"), Some(0));
    assert_eq!(s.person_ix("r2"), Some(2));
    assert_eq!(s.person_ix("nobody"), None);
    assert_eq!(s.person_ix(""), None);
    assert_eq!(s.span(0), 2);
    assert_eq!(s.span(3), 0);
}
