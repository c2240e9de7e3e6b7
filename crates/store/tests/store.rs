//! The `.pendulum` document: behaviour, and the RELIABILITY plan's D, M, H and G4 tests.
//! One module per plan id. Crash tests re-run this binary as the child process (the same
//! test, with an environment variable telling it to act as the child).

// Clippy's allow-unwrap-in-tests covers #[test] functions, not this file's shared helpers.
#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use pendulum_core::{
    Allocation, Date, DatedEdit, Edit, Org, Person, PersonChange, PersonId, RuleChange, RuleConfig,
    Workstream, check_org,
};
use pendulum_store::{Document, EditState, ScenarioId, StoreError, write_atomically};
use pendulum_synth::{SplitMix64, SynthConfig, generate};

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// p0 is the root, p1..p(n-1) report to p((i-1)/3): a small tree; two workstreams.
fn small_org(n: usize) -> Org {
    let mut org = Org::default();
    for i in 0..n {
        let mut p = Person::new(format!("p{i}"), format!("Person {i}"));
        if i > 0 {
            p.manager_id = Some(PersonId::new(format!("p{}", (i - 1) / 3)));
        }
        org.people.push(p);
    }
    org.workstreams = vec![
        Workstream::new("w0", "Payments"),
        Workstream::new("w1", "Search"),
    ];
    if n > 1 {
        org.allocations.push(Allocation::new("p1", "w0", 50.0));
    }
    org
}

fn move_to(id: &str, manager: Option<&str>) -> DatedEdit {
    DatedEdit::always(Edit::MovePerson {
        id: id.into(),
        manager: manager.map(PersonId::from),
    })
}

fn retitle(id: &str, title: &str) -> DatedEdit {
    DatedEdit::always(Edit::UpdatePerson {
        id: id.into(),
        change: PersonChange::Title(title.into()),
    })
}

fn manager_of<'a>(org: &'a Org, id: &str) -> Option<&'a str> {
    org.people
        .iter()
        .find(|p| p.id.0 == id)
        .and_then(|p| p.manager_id.as_ref())
        .map(|m| m.as_str())
}

fn title_of<'a>(org: &'a Org, id: &str) -> Option<&'a str> {
    org.people
        .iter()
        .find(|p| p.id.0 == id)
        .map(|p| p.title.as_str())
}

fn full_org(doc: &mut Document, s: ScenarioId) -> Org {
    doc.view(s, None).unwrap().org.clone()
}

fn temp_doc(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pendulum");
    Document::create(&path, &small_org(n), &RuleConfig::default()).unwrap();
    (dir, path)
}

/// Files in a directory other than the given ones (temporary files left behind, sidecars).
fn other_files(dir: &Path, keep: &[&Path]) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !keep.contains(&p.as_path()))
        .map(|p| p.display().to_string())
        .collect();
    out.sort();
    out
}

/// Re-runs this test binary as the child of a crash test: it runs `test` with `env` set.
fn spawn_child(test: &str, env: &[(&str, String)]) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([test, "--exact", "--nocapture", "--test-threads=1"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Forwards the child's stdout lines; the parent waits for "ready" before the clock starts.
fn lines_of(child: &mut Child) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn wait_ready(rx: &mpsc::Receiver<String>) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) if line.trim() == "ready" => return,
            Ok(_) => {}
            Err(e) => panic!("the child never became ready: {e}"),
        }
    }
}

/// Prints a line for the parent and flushes it: the acknowledgement is what counts.
fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "\n{line}").unwrap();
    out.flush().unwrap();
}

/// A child of a crash test stops on its own after this long, in case its parent died.
const CHILD_LIFETIME: Duration = Duration::from_secs(60);

mod document {
    use super::*;

    #[test]
    fn a_document_can_move_to_another_thread() {
        fn sendable<T: Send>(_: &T) {}
        let (_dir, path) = temp_doc(2);
        let doc = Document::open(&path).unwrap();
        sendable(&doc);
        let people = std::thread::spawn(move || doc.imported().0.people.len())
            .join()
            .unwrap();
        assert_eq!(people, 2);
    }

    #[test]
    fn a_synthetic_org_round_trips_through_the_file() {
        let org = generate(&SynthConfig::new(2_000, 11));
        let config = RuleConfig {
            overload_ratio: 1.5,
            min_span: 3,
            ..RuleConfig::default()
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("synth.pendulum");
        drop(Document::create(&path, &org, &config).unwrap());
        let doc = Document::open(&path).unwrap();
        let (o, c) = doc.imported();
        assert_eq!(*o, org);
        assert_eq!(*c, config);
        assert!(!doc.is_read_only());
        doc.integrity_check().unwrap();
        drop(doc);
        assert_eq!(
            other_files(dir.path(), &[&path]),
            Vec::<String>::new(),
            "a closed document is one file"
        );
    }

    #[test]
    fn create_refuses_to_replace_unless_asked() {
        let (dir, path) = temp_doc(4);
        let before = std::fs::read(&path).unwrap();
        let err = Document::create(&path, &small_org(9), &RuleConfig::default()).unwrap_err();
        assert!(matches!(err, StoreError::Exists { .. }), "{err}");
        assert!(err.to_string().contains("plan.pendulum"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let doc =
            Document::create_or_replace(&path, &small_org(9), &RuleConfig::default()).unwrap();
        assert_eq!(doc.imported().0.people.len(), 9);
        drop(doc);
        assert_eq!(other_files(dir.path(), &[&path]), Vec::<String>::new());
    }

    #[test]
    fn an_invalid_org_is_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.pendulum");
        let mut org = small_org(3);
        org.people[2].id = PersonId::from("p1");
        org.allocations.push(Allocation::new("p0", "nope", 10.0));
        let err = Document::create(&path, &org, &RuleConfig::default()).unwrap_err();
        let StoreError::InvalidOrg { problems } = &err else {
            panic!("{err}")
        };
        assert_eq!(problems.len(), 2, "{err}");
        assert!(err.to_string().contains("duplicate id \"p1\""), "{err}");
        assert_eq!(other_files(dir.path(), &[]), Vec::<String>::new());
    }

    #[test]
    fn edits_undo_and_redo_survive_reopening() {
        let (_dir, path) = temp_doc(7);
        let b = ScenarioId::BASELINE;
        {
            let mut doc = Document::open(&path).unwrap();
            assert!(!doc.can_undo(b).unwrap());
            doc.apply(b, move_to("p6", Some("p0"))).unwrap();
            doc.apply(b, retitle("p6", "Staff Engineer")).unwrap();
            doc.apply(b, retitle("p5", "Designer")).unwrap();
            assert_eq!(doc.undo(b).unwrap().map(|s| s.0), Some(3));
            assert!(doc.can_redo(b).unwrap());
        }
        let mut doc = Document::open(&path).unwrap();
        let org = full_org(&mut doc, b);
        assert_eq!(
            (
                manager_of(&org, "p6"),
                title_of(&org, "p6"),
                title_of(&org, "p5")
            ),
            (Some("p0"), Some("Staff Engineer"), Some(""))
        );
        assert!(doc.can_redo(b).unwrap());
        doc.redo(b).unwrap();
        assert_eq!(title_of(&full_org(&mut doc, b), "p5"), Some("Designer"));
        assert_eq!(doc.redo(b).unwrap(), None);
        doc.undo(b).unwrap();
        doc.undo(b).unwrap();
        // A new edit replaces the redo history, which stays in the log as discarded.
        doc.apply(b, retitle("p4", "PM")).unwrap();
        assert!(!doc.can_redo(b).unwrap());
        let states: Vec<EditState> = doc.log(b).unwrap().iter().map(|e| e.state).collect();
        assert_eq!(
            states,
            [
                EditState::Applied,
                EditState::Discarded,
                EditState::Discarded,
                EditState::Applied
            ]
        );
        drop(doc);
        let mut doc = Document::open(&path).unwrap();
        let org = full_org(&mut doc, b);
        assert_eq!(
            (
                title_of(&org, "p6"),
                title_of(&org, "p4"),
                manager_of(&org, "p6")
            ),
            (Some(""), Some("PM"), Some("p0"))
        );
        assert_eq!(doc.undo(b).unwrap().map(|s| s.0), Some(4));
        assert_eq!(doc.undo(b).unwrap().map(|s| s.0), Some(1));
        assert_eq!(doc.undo(b).unwrap(), None);
        assert_eq!(full_org(&mut doc, b), *doc.imported().0);
    }

    #[test]
    fn a_refused_edit_changes_nothing() {
        let (_dir, path) = temp_doc(7);
        let mut doc = Document::open(&path).unwrap();
        let b = ScenarioId::BASELINE;
        let before = full_org(&mut doc, b);
        let err = doc.apply(b, move_to("p0", Some("p6"))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "moving Person 0 (p0) under Person 6 (p6) would make Person 0 (p0) report to their own report"
        );
        assert!(matches!(err, StoreError::Edit(_)));
        assert_eq!(full_org(&mut doc, b), before);
        assert!(doc.log(b).unwrap().is_empty());
    }

    #[test]
    fn scenarios_fork_rename_and_delete() {
        let (_dir, path) = temp_doc(7);
        let mut doc = Document::open(&path).unwrap();
        let b = ScenarioId::BASELINE;
        doc.apply(b, retitle("p1", "EM")).unwrap();
        let a = doc.fork(b, "  Plan A ").unwrap();
        assert_eq!(doc.scenario("plan a").unwrap(), a);
        assert!(
            !doc.can_undo(a).unwrap(),
            "undo in a fork stops where it began"
        );
        doc.apply(a, move_to("p4", Some("p2"))).unwrap();
        // The baseline moves on without the fork seeing it, and the other way round.
        doc.apply(b, retitle("p2", "Director")).unwrap();
        let (org_a, org_b) = (full_org(&mut doc, a), full_org(&mut doc, b));
        assert_eq!(
            (
                title_of(&org_a, "p1"),
                title_of(&org_a, "p2"),
                manager_of(&org_a, "p4")
            ),
            (Some("EM"), Some(""), Some("p2"))
        );
        assert_eq!(
            (title_of(&org_b, "p2"), manager_of(&org_b, "p4")),
            (Some("Director"), Some("p1"))
        );
        // Fork of a fork; deleting the parent leaves the child whole.
        let a2 = doc.fork(a, "Plan A2").unwrap();
        doc.undo(b).unwrap();
        doc.undo(b).unwrap();
        doc.delete(a).unwrap();
        assert_eq!(manager_of(&full_org(&mut doc, a2), "p4"), Some("p2"));
        assert_eq!(title_of(&full_org(&mut doc, a2), "p1"), Some("EM"));
        assert!(matches!(
            doc.view(a, None).unwrap_err(),
            StoreError::UnknownScenario { .. }
        ));

        assert!(matches!(
            doc.fork(b, "plan a2").unwrap_err(),
            StoreError::DuplicateScenario { .. }
        ));
        assert!(matches!(
            doc.fork(b, " ").unwrap_err(),
            StoreError::ScenarioName { .. }
        ));
        assert!(matches!(
            doc.fork(b, "a\u{7}b").unwrap_err(),
            StoreError::ScenarioName { .. }
        ));
        assert!(matches!(
            doc.rename(b, "x").unwrap_err(),
            StoreError::Baseline
        ));
        assert!(matches!(doc.delete(b).unwrap_err(), StoreError::Baseline));
        doc.rename(a2, "PLAN A2").unwrap();
        doc.rename(a2, "Final").unwrap();
        let names: Vec<(i64, String, Option<i64>)> = doc
            .scenarios()
            .unwrap()
            .into_iter()
            .map(|s| (s.id.0, s.name, s.parent.map(|p| p.0)))
            .collect();
        assert_eq!(
            names,
            [
                (1, "baseline".to_string(), None),
                (a2.0, "Final".to_string(), None)
            ]
        );
        assert!(matches!(
            doc.scenario("Plan A").unwrap_err(),
            StoreError::UnknownScenario { .. }
        ));
        assert!(matches!(
            doc.apply(ScenarioId(99), retitle("p1", "x")).unwrap_err(),
            StoreError::UnknownScenario { .. }
        ));
    }

    #[test]
    fn views_as_of_a_date() {
        let (_dir, path) = temp_doc(7);
        let mut doc = Document::open(&path).unwrap();
        let b = ScenarioId::BASELINE;
        let mut hire = Person::new("n1", "New Lead");
        hire.manager_id = Some(PersonId::from("p0"));
        doc.apply(
            b,
            DatedEdit::from(Edit::AddPerson { person: hire }, day("2026-04-01")),
        )
        .unwrap();
        doc.apply(
            b,
            DatedEdit::from(
                Edit::MovePerson {
                    id: "p4".into(),
                    manager: Some("n1".into()),
                },
                day("2026-05-01"),
            ),
        )
        .unwrap();
        doc.apply(b, move_to("p5", Some("n1"))).unwrap();
        doc.apply(
            b,
            DatedEdit::from(
                Edit::SetRule {
                    change: RuleChange::ManagerMaxSpan(9),
                },
                day("2026-06-01"),
            ),
        )
        .unwrap();
        let jan = doc.view(b, Some(day("2026-01-01"))).unwrap().into_owned();
        assert_eq!(jan.org.people.len(), 7);
        assert_eq!(manager_of(&jan.org, "p5"), Some("p1"));
        assert_eq!(
            jan.skipped.len(),
            1,
            "moving p5 under n1 needs n1, hired in April"
        );
        assert_eq!(jan.skipped[0].seq.0, 3);
        let may = doc.view(b, Some(day("2026-05-01"))).unwrap().into_owned();
        assert_eq!(
            (manager_of(&may.org, "p4"), manager_of(&may.org, "p5")),
            (Some("n1"), Some("n1"))
        );
        assert_eq!(may.config.manager_max_span, 5);
        let july = doc.view(b, Some(day("2026-07-01"))).unwrap().into_owned();
        assert_eq!(july.config.manager_max_span, 9);
        assert!(july.skipped.is_empty());
        assert_eq!(july.org, full_org(&mut doc, b));
        // Flags follow the view.
        let flags = check_org(&jan.org, day("2026-01-01"), &jan.config);
        assert!(flags.iter().all(|f| f.subject.id != "n1"));
    }

    #[test]
    fn two_scenarios_compare_as_spec_diff_json() {
        let (_dir, path) = temp_doc(7);
        let mut doc = Document::open(&path).unwrap();
        let b = ScenarioId::BASELINE;
        let a = doc.fork(b, "A").unwrap();
        doc.apply(a, DatedEdit::always(Edit::RemovePerson { id: "p1".into() }))
            .unwrap();
        doc.apply(
            a,
            DatedEdit::always(Edit::AddPerson {
                person: Person::new("x", "X"),
            }),
        )
        .unwrap();
        doc.apply(a, retitle("p2", "Lead")).unwrap();
        let d = doc.compare(b, a, day("2026-01-01")).unwrap();
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["added"], serde_json::json!(["x"]));
        assert_eq!(json["removed"], serde_json::json!(["p1"]));
        assert_eq!(
            json["moved"],
            serde_json::json!([
                {"person": "p4", "from": "p1", "to": "p0"},
                {"person": "p5", "from": "p1", "to": "p0"},
                {"person": "p6", "from": "p1", "to": "p0"},
            ])
        );
        assert_eq!(
            json["changed"],
            serde_json::json!([{"person": "p2", "field": "title", "old": "", "new": "Lead"}])
        );
        assert_eq!(json["metrics"]["headcount"], serde_json::json!([7.0, 7.0]));
        assert!(json["flags_added"].is_array() && json["flags_resolved"].is_array());
        assert!(doc.compare(a, a, day("2026-01-01")).unwrap().is_empty());
    }

    #[test]
    fn a_batch_is_one_edit_and_one_undo() {
        let (_dir, path) = temp_doc(7);
        let mut doc = Document::open(&path).unwrap();
        let b = ScenarioId::BASELINE;
        let swing = Edit::Batch {
            label: "swing p1 to ic".into(),
            edits: vec![
                move_to("p4", Some("p0")).edit,
                move_to("p5", Some("p0")).edit,
                retitle("p1", "Engineer").edit,
            ],
        };
        doc.apply(b, DatedEdit::always(swing)).unwrap();
        let org = full_org(&mut doc, b);
        assert_eq!(
            (
                manager_of(&org, "p4"),
                manager_of(&org, "p5"),
                title_of(&org, "p1")
            ),
            (Some("p0"), Some("p0"), Some("Engineer"))
        );
        doc.undo(b).unwrap();
        assert_eq!(full_org(&mut doc, b), *doc.imported().0);
    }

    #[test]
    fn a_view_with_every_edit_is_borrowed_from_the_cache() {
        let (_dir, path) = temp_doc(4);
        let mut doc = Document::open(&path).unwrap();
        doc.apply(ScenarioId::BASELINE, retitle("p1", "EM"))
            .unwrap();
        assert!(matches!(
            doc.view(ScenarioId::BASELINE, None).unwrap(),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(
            doc.view(ScenarioId::BASELINE, Some(day("2026-01-01")))
                .unwrap(),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

/// RELIABILITY D1: a child applies random edits, one transaction each, and acknowledges
/// each commit; the parent kills it with SIGKILL at a random moment, reopens and compares.
mod d1 {
    use super::*;

    const ENV_DOC: &str = "PENDULUM_D1_DOC";
    const ENV_SEED: &str = "PENDULUM_D1_SEED";
    const PEOPLE: u64 = 30;

    fn random_edit(rng: &mut SplitMix64, n: u64) -> DatedEdit {
        let pid = |rng: &mut SplitMix64| PersonId::new(format!("p{}", rng.next_u64() % PEOPLE));
        let edit = match rng.next_u64() % 7 {
            0 | 1 => Edit::MovePerson {
                id: pid(rng),
                manager: Some(pid(rng)),
            },
            2 => Edit::UpdatePerson {
                id: pid(rng),
                change: PersonChange::Title(format!("title {n}")),
            },
            3 => Edit::UpdatePerson {
                id: pid(rng),
                change: PersonChange::Fte(0.5),
            },
            4 => Edit::AddPerson {
                person: Person::new(format!("n{}-{n}", rng.next_u64() % 1000), "new"),
            },
            5 => Edit::Allocate {
                allocation: Allocation::new(pid(rng).as_str(), "w1", 10.0 + (n % 90) as f64),
            },
            _ => Edit::Batch {
                label: format!("batch {n}"),
                edits: vec![
                    Edit::UpdatePerson {
                        id: pid(rng),
                        change: PersonChange::Title(format!("batch {n}")),
                    },
                    Edit::MovePerson {
                        id: pid(rng),
                        manager: Some(pid(rng)),
                    },
                ],
            },
        };
        DatedEdit::always(edit)
    }

    /// Applies random edits forever (as a child) or 60 times (as a test of its own), and
    /// acknowledges each commit with its seq and JSON.
    #[test]
    fn writer() {
        let (_dir, path, child) = match std::env::var(ENV_DOC) {
            Ok(p) => (None, PathBuf::from(p), true),
            Err(_) => {
                let (dir, path) = temp_doc(PEOPLE as usize);
                (Some(dir), path, false)
            }
        };
        let seed = std::env::var(ENV_SEED)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(7);
        let mut rng = SplitMix64::new(seed);
        let mut doc = Document::open(&path).unwrap();
        let mut acked = Vec::new();
        say("ready");
        let started = Instant::now();
        for n in 0.. {
            if (!child && n == 60) || started.elapsed() > CHILD_LIFETIME {
                break;
            }
            let edit = random_edit(&mut rng, n);
            if let Ok(seq) = doc.apply(ScenarioId::BASELINE, edit.clone()) {
                let json = serde_json::to_string(&edit.edit).unwrap();
                if child {
                    say(&format!("ack {} {json}", seq.0));
                }
                acked.push((seq.0, json));
            }
        }
        drop(doc);
        let (lost, applied) = verify(&path, &acked);
        assert_eq!(lost, 0);
        assert_eq!(applied, acked.len());
    }

    /// Returns (acknowledged edits missing from the file, applied edits in the file).
    fn verify(path: &Path, acked: &[(i64, String)]) -> (usize, usize) {
        let mut doc = Document::open(path).unwrap();
        doc.integrity_check().unwrap();
        let log = doc.log(ScenarioId::BASELINE).unwrap();
        let applied: Vec<(i64, String)> = log
            .iter()
            .filter(|e| e.state == EditState::Applied)
            .map(|e| (e.seq.0, serde_json::to_string(&e.edit.edit).unwrap()))
            .collect();
        let lost = acked.iter().filter(|a| !applied.contains(a)).count();
        let view = doc.view(ScenarioId::BASELINE, None).unwrap();
        assert!(
            view.skipped.is_empty(),
            "every logged edit applies whole: {:?}",
            view.skipped
        );
        assert!(view.org.validate().is_empty());
        (lost, applied.len())
    }

    #[test]
    fn acknowledged_edits_survive_sigkill() {
        let (_dir, path) = temp_doc(PEOPLE as usize);
        let mut rng = SplitMix64::new(2026);
        let (cycles, mut lost, mut unacked_commits, mut total_acked) = (200, 0, 0, 0usize);
        let mut acked: Vec<(i64, String)> = Vec::new();
        let mut before = 0;
        for cycle in 0..cycles {
            let mut child = spawn_child(
                "d1::writer",
                &[
                    (ENV_DOC, path.display().to_string()),
                    (ENV_SEED, (cycle + 1).to_string()),
                ],
            );
            let rx = lines_of(&mut child);
            wait_ready(&rx);
            std::thread::sleep(Duration::from_micros(rng.next_u64() % 50_000));
            child.kill().unwrap();
            child.wait().unwrap();
            for line in rx.iter() {
                let Some(rest) = line.trim().strip_prefix("ack ") else {
                    continue;
                };
                let (seq, json) = rest.split_once(' ').unwrap();
                acked.push((seq.parse().unwrap(), json.to_string()));
                total_acked += 1;
            }
            let (l, applied) = verify(&path, &acked);
            lost += l;
            // At most one edit may be committed but not yet acknowledged when the kill lands.
            let extra = applied - acked.len();
            assert!(
                extra <= 1,
                "cycle {cycle}: {extra} unacknowledged edits committed"
            );
            unacked_commits += extra;
            acked = {
                let doc = Document::open(&path).unwrap();
                doc.log(ScenarioId::BASELINE)
                    .unwrap()
                    .into_iter()
                    .filter(|e| e.state == EditState::Applied)
                    .map(|e| (e.seq.0, serde_json::to_string(&e.edit.edit).unwrap()))
                    .collect()
            };
            assert!(acked.len() >= before);
            before = acked.len();
        }
        println!(
            "D1: {cycles} SIGKILL cycles, {total_acked} acknowledged edits, lost {lost}, committed-but-unacknowledged {unacked_commits}"
        );
        assert_eq!(lost, 0);
        assert!(
            total_acked > cycles,
            "the kills should land while edits are being made"
        );
    }
}

/// RELIABILITY D3: a read-only file, or a save that fails: a typed error, the in-memory
/// state is the last commit, no panic.
mod d3 {
    use super::*;

    fn assert_refused_changes_nothing(
        doc: &mut Document,
        expect: fn(&StoreError) -> bool,
    ) -> usize {
        let b = ScenarioId::BASELINE;
        let before = full_org(doc, b);
        let attempts: Vec<Result<(), StoreError>> = vec![
            doc.apply(b, retitle("p2", "never saved")).map(drop),
            doc.undo(b).map(drop),
            doc.redo(b).map(drop),
            doc.fork(b, "never").map(drop),
        ];
        let mut faults = 0;
        for a in attempts {
            let err = a.unwrap_err();
            assert!(expect(&err), "{err}");
            assert!(err.to_string().contains("plan.pendulum"), "{err}");
            faults += 1;
        }
        assert_eq!(
            full_org(doc, b),
            before,
            "in-memory state is the last commit"
        );
        faults
    }

    #[test]
    fn a_read_only_document_refuses_every_change() {
        let (_dir, path) = temp_doc(5);
        {
            let mut doc = Document::open(&path).unwrap();
            doc.apply(ScenarioId::BASELINE, retitle("p1", "saved"))
                .unwrap();
            doc.apply(ScenarioId::BASELINE, retitle("p1", "undone"))
                .unwrap();
            doc.undo(ScenarioId::BASELINE).unwrap();
        }
        let bytes = std::fs::read(&path).unwrap();
        let mut doc = Document::open_read_only(&path).unwrap();
        assert!(doc.is_read_only());
        let faults =
            assert_refused_changes_nothing(&mut doc, |e| matches!(e, StoreError::ReadOnly { .. }));
        assert_eq!(
            title_of(&full_org(&mut doc, ScenarioId::BASELINE), "p1"),
            Some("saved")
        );
        drop(doc);
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
        println!("D3: read-only document, {faults} faults, 0 panics");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_without_write_permission_opens_read_only() {
        use std::os::unix::fs::PermissionsExt;
        let (_dir, path) = temp_doc(5);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        // Root may write to any file; then the permission is no fault and the file is
        // opened as the read-only document it is asked to be.
        let writable_anyway = std::fs::OpenOptions::new().write(true).open(&path).is_ok();
        let mut doc = if writable_anyway {
            Document::open_read_only(&path)
        } else {
            Document::open(&path)
        }
        .unwrap();
        assert!(doc.is_read_only());
        assert_refused_changes_nothing(&mut doc, |e| matches!(e, StoreError::ReadOnly { .. }));
    }

    #[test]
    fn a_save_blocked_by_another_program_fails_cleanly_and_can_be_retried() {
        let (_dir, path) = temp_doc(5);
        let mut doc = Document::open(&path).unwrap();
        let b = ScenarioId::BASELINE;
        doc.apply(b, retitle("p1", "first")).unwrap();
        doc.apply(b, retitle("p3", "undone")).unwrap();
        doc.undo(b).unwrap();
        // Another program (the sqlite3 shell, say) holds the write lock.
        let other = rusqlite::Connection::open(&path).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        let faults =
            assert_refused_changes_nothing(&mut doc, |e| matches!(e, StoreError::InUse { .. }));
        other.execute_batch("ROLLBACK").unwrap();
        drop(other);
        doc.apply(b, retitle("p2", "second")).unwrap();
        drop(doc);
        let mut doc = Document::open(&path).unwrap();
        let org = full_org(&mut doc, b);
        assert_eq!(
            (
                title_of(&org, "p1"),
                title_of(&org, "p2"),
                title_of(&org, "p3")
            ),
            (Some("first"), Some("second"), Some(""))
        );
        assert_eq!(
            doc.log(b).unwrap().len(),
            3,
            "the failed saves left no trace"
        );
        println!("D3: blocked save, {faults} faults, 0 panics");
    }
}

/// RELIABILITY D4: creating (importing) a document that fails or is killed halfway leaves
/// all rows or none.
mod d4 {
    use super::*;

    const ENV_DOC: &str = "PENDULUM_D4_DOC";

    fn sizes(n: usize) -> usize {
        if n.is_multiple_of(2) { 3_000 } else { 4_000 }
    }

    /// Re-creates the document over and over with alternating sizes (as a child), or twice.
    #[test]
    fn creator() {
        let (_dir, path, child) = match std::env::var(ENV_DOC) {
            Ok(p) => (None, PathBuf::from(p), true),
            Err(_) => {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("plan.pendulum");
                (Some(dir), path, false)
            }
        };
        let orgs = [small_org(sizes(0)), small_org(sizes(1))];
        say("ready");
        let started = Instant::now();
        for n in 0.. {
            if (!child && n == 2) || started.elapsed() > CHILD_LIFETIME {
                break;
            }
            drop(Document::create_or_replace(&path, &orgs[n % 2], &RuleConfig::default()).unwrap());
            if child {
                say(&format!("created {}", sizes(n)));
            }
        }
        assert_eq!(
            Document::open(&path).unwrap().imported().0.people.len(),
            sizes(1)
        );
    }

    #[test]
    fn a_killed_import_leaves_the_old_document_or_the_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.pendulum");
        let mut rng = SplitMix64::new(4);
        let (mut absent, mut whole) = (0, 0);
        for _ in 0..40 {
            let mut child = spawn_child("d4::creator", &[(ENV_DOC, path.display().to_string())]);
            let rx = lines_of(&mut child);
            wait_ready(&rx);
            std::thread::sleep(Duration::from_micros(rng.next_u64() % 120_000));
            child.kill().unwrap();
            child.wait().unwrap();
            match Document::open(&path) {
                Ok(doc) => {
                    let n = doc.imported().0.people.len();
                    assert!(n == 3_000 || n == 4_000, "partial import: {n} people");
                    assert_eq!(doc.imported().0.allocations.len(), 1);
                    doc.integrity_check().unwrap();
                    whole += 1;
                }
                Err(StoreError::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::NotFound =>
                {
                    absent += 1
                }
                Err(e) => panic!("torn document: {e}"),
            }
        }
        println!(
            "D4: 40 kills during import, {whole} whole documents, {absent} before the first, partial 0"
        );
    }

    #[test]
    fn a_failing_import_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no such folder").join("plan.pendulum");
        let err = Document::create(&missing, &small_org(3), &RuleConfig::default()).unwrap_err();
        assert!(matches!(err, StoreError::Io { .. }), "{err}");
        assert!(err.to_string().contains("plan.pendulum"), "{err}");
        let config = RuleConfig {
            overload_ratio: -1.0,
            ..RuleConfig::default()
        };
        let path = dir.path().join("plan.pendulum");
        let err = Document::create(&path, &small_org(3), &config).unwrap_err();
        assert!(err.to_string().contains("rules.overload_ratio"), "{err}");
        assert_eq!(other_files(dir.path(), &[]), Vec::<String>::new());
    }
}

/// RELIABILITY D5: the same file opened twice: the second writer gets a clear "in use".
mod d5 {
    use super::*;

    const ENV_DOC: &str = "PENDULUM_D5_DOC";

    #[test]
    fn a_second_writer_in_the_same_process_is_refused() {
        let (_dir, path) = temp_doc(5);
        let mut first = Document::open(&path).unwrap();
        let err = Document::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::InUse { .. }), "{err}");
        assert!(err.to_string().contains("plan.pendulum is in use"), "{err}");
        assert!(matches!(
            Document::create_or_replace(&path, &small_org(2), &RuleConfig::default()).unwrap_err(),
            StoreError::InUse { .. }
        ));
        // A reader is welcome and sees what the writer committed.
        first
            .apply(ScenarioId::BASELINE, retitle("p1", "seen"))
            .unwrap();
        let mut reader = Document::open_read_only(&path).unwrap();
        assert_eq!(
            title_of(&full_org(&mut reader, ScenarioId::BASELINE), "p1"),
            Some("seen")
        );
        drop(reader);
        // The refused opens closed nothing the writer needs.
        first
            .apply(ScenarioId::BASELINE, retitle("p2", "still fine"))
            .unwrap();
        first.integrity_check().unwrap();
        drop(first);
        let mut again = Document::open(&path).unwrap();
        assert_eq!(
            title_of(&full_org(&mut again, ScenarioId::BASELINE), "p2"),
            Some("still fine")
        );
    }

    /// Holds the document open for editing until killed (as a child).
    #[test]
    fn holder() {
        let (_dir, path) = match std::env::var(ENV_DOC) {
            Ok(p) => (None, PathBuf::from(p)),
            Err(_) => {
                let (dir, path) = temp_doc(3);
                (Some(dir), path)
            }
        };
        let doc = Document::open(&path).unwrap();
        assert!(!doc.is_read_only());
        say("ready");
        if std::env::var(ENV_DOC).is_ok() {
            std::thread::sleep(CHILD_LIFETIME);
        }
    }

    #[test]
    fn a_second_writer_in_another_process_is_refused_until_it_exits() {
        let (_dir, path) = temp_doc(5);
        let mut child = spawn_child("d5::holder", &[(ENV_DOC, path.display().to_string())]);
        let rx = lines_of(&mut child);
        wait_ready(&rx);
        let err = Document::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::InUse { .. }), "{err}");
        assert!(Document::open_read_only(&path).is_ok());
        child.kill().unwrap();
        child.wait().unwrap();
        let doc = Document::open(&path).unwrap();
        assert!(!doc.is_read_only());
    }
}

/// RELIABILITY D8: an export over an existing file leaves the old file or the new one.
mod d8 {
    use super::*;

    const ENV_OUT: &str = "PENDULUM_D8_OUT";

    fn content(n: usize) -> Vec<u8> {
        let byte = if n.is_multiple_of(2) { b'a' } else { b'b' };
        vec![byte; 2 * 1024 * 1024 + n % 2]
    }

    /// Exports alternating contents over the same file (as a child), or twice.
    #[test]
    fn exporter() {
        let (_dir, out, child) = match std::env::var(ENV_OUT) {
            Ok(p) => (None, PathBuf::from(p), true),
            Err(_) => {
                let dir = tempfile::tempdir().unwrap();
                let out = dir.path().join("report.pdf");
                (Some(dir), out, false)
            }
        };
        let contents = [content(0), content(1)];
        say("ready");
        let started = Instant::now();
        for n in 0.. {
            if (!child && n == 2) || started.elapsed() > CHILD_LIFETIME {
                break;
            }
            write_atomically(&out, &contents[n % 2]).unwrap();
        }
        assert_eq!(std::fs::read(&out).unwrap(), contents[1]);
    }

    #[test]
    fn a_killed_export_leaves_a_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("report.pdf");
        write_atomically(&out, &content(0)).unwrap();
        let (a, b) = (content(0), content(1));
        let mut rng = SplitMix64::new(8);
        let mut torn = 0;
        for _ in 0..60 {
            let mut child = spawn_child("d8::exporter", &[(ENV_OUT, out.display().to_string())]);
            let rx = lines_of(&mut child);
            wait_ready(&rx);
            std::thread::sleep(Duration::from_micros(rng.next_u64() % 40_000));
            child.kill().unwrap();
            child.wait().unwrap();
            let found = std::fs::read(&out).unwrap();
            if found != a && found != b {
                torn += 1;
            }
        }
        println!("D8: 60 kills during export, torn outputs {torn}");
        assert_eq!(torn, 0);
    }

    #[cfg(unix)]
    #[test]
    fn replacing_keeps_permissions_and_never_follows_a_symlink() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("people.csv");
        write_atomically(&out, b"one").unwrap();
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o644
        );
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomically(&out, b"two").unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"two");
        assert_eq!(
            std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
            0o600
        );

        let elsewhere = dir.path().join("elsewhere.txt");
        std::fs::write(&elsewhere, b"keep me").unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert_eq!(std::fs::read(&elsewhere).unwrap(), b"keep me");
        assert!(
            !std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );

        let err = write_atomically(dir.path(), b"x").unwrap_err();
        assert!(matches!(err, StoreError::Io { .. }), "{err}");
        let mut left = other_files(dir.path(), &[&out, &elsewhere, &link]);
        left.retain(|f| f.ends_with(".tmp"));
        assert_eq!(left, Vec::<String>::new());
    }
}

/// Writes a schema 1 document the way schema 1 code did, with raw SQL.
fn write_v1(path: &Path, people: usize) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "journal_mode", "wal").unwrap();
    conn.execute_batch("BEGIN").unwrap();
    conn.execute_batch(include_str!("../migrations/0001_org.sql"))
        .unwrap();
    conn.pragma_update(None, "application_id", pendulum_store::APPLICATION_ID)
        .unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    for i in 0..people {
        let manager = (i > 0).then(|| format!("p{}", (i - 1) / 4));
        conn.execute(
            "INSERT INTO person (position, id, name, title, manager_id, status, start_date, fte, assistant) \
             VALUES (?1, ?2, ?3, 'Engineer', ?4, 'active', '2024-02-29', 0.8, 0)",
            rusqlite::params![i as i64, format!("p{i}"), format!("Person {i}"), manager],
        )
        .unwrap();
    }
    conn.execute("INSERT INTO workstream (position, id, name, required_fte, kind) VALUES (0, 'w', 'W', 1.5, 'migration')", [])
        .unwrap();
    if people > 0 {
        conn.execute("INSERT INTO allocation (position, person, workstream, percent) VALUES (0, 'p0', 'w', 25)", []).unwrap();
    }
    conn.execute(
        "INSERT INTO rule_setting (name, value) VALUES ('min_span', 3)",
        [],
    )
    .unwrap();
    conn.execute_batch("COMMIT").unwrap();
}

/// RELIABILITY M1: documents from every schema version migrate forward.
mod m1 {
    use super::*;

    #[test]
    fn schema_1_documents_of_every_size_open_and_upgrade() {
        for people in [0, 1, 1_000] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("old.pendulum");
            write_v1(&path, people);
            let bytes = std::fs::read(&path).unwrap();
            // Reading does not upgrade the file.
            let mut reader = Document::open_read_only(&path).unwrap();
            assert_eq!(reader.imported().0.people.len(), people);
            assert_eq!(reader.imported().1.min_span, 3);
            assert_eq!(reader.scenarios().unwrap().len(), 1);
            assert_eq!(
                full_org(&mut reader, ScenarioId::BASELINE).people.len(),
                people
            );
            drop(reader);
            assert_eq!(
                std::fs::read(&path).unwrap(),
                bytes,
                "a read-only open wrote to the file"
            );

            let mut doc = Document::open(&path).unwrap();
            let org = doc.imported().0.clone();
            assert_eq!(org.people.len(), people);
            if people > 0 {
                assert_eq!(
                    (org.people[0].fte, org.people[0].start_date),
                    (0.8, Some(day("2024-02-29")))
                );
                doc.apply(ScenarioId::BASELINE, retitle("p0", "CEO"))
                    .unwrap();
            }
            drop(doc);
            let conn = rusqlite::Connection::open(&path).unwrap();
            let v: u32 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(v, pendulum_store::SCHEMA_VERSION);
            drop(conn);
            let doc = Document::open(&path).unwrap();
            assert_eq!(
                doc.log(ScenarioId::BASELINE).unwrap().len(),
                usize::from(people > 0)
            );
        }
    }
}

/// RELIABILITY M2: a document from a newer Pendulum is refused and left unchanged.
mod m2 {
    use super::*;

    #[test]
    fn a_newer_schema_is_refused_with_both_versions() {
        let (_dir, path) = temp_doc(3);
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", 9).unwrap();
        }
        let bytes = std::fs::read(&path).unwrap();
        for result in [Document::open(&path), Document::open_read_only(&path)] {
            let err = result.unwrap_err();
            assert!(
                matches!(
                    err,
                    StoreError::NewerSchema {
                        found: 9,
                        supported: pendulum_store::SCHEMA_VERSION,
                        ..
                    }
                ),
                "{err}"
            );
            assert!(
                err.to_string().contains(&format!(
                    "plan.pendulum was made by a newer Pendulum (schema 9 > {})",
                    pendulum_store::SCHEMA_VERSION
                )),
                "{err}"
            );
        }
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }
}

/// RELIABILITY M3: files that are not Pendulum documents are refused, never initialised.
mod m3 {
    use super::*;

    fn refused(path: &Path) -> StoreError {
        let before = std::fs::read(path).ok();
        let err = Document::open(path).unwrap_err();
        let err2 = Document::open_read_only(path).unwrap_err();
        assert_eq!(
            std::mem::discriminant(&err),
            std::mem::discriminant(&err2),
            "{err} / {err2}"
        );
        assert_eq!(
            std::fs::read(path).ok(),
            before,
            "{} changed",
            path.display()
        );
        err
    }

    #[test]
    fn empty_text_pdf_zip_and_directories() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&str, &[u8], &str); 5] = [
            ("empty.pendulum", b"", "the file is empty"),
            (
                "notes.pendulum",
                b"name,manager\nAda,\n",
                "it is not an SQLite database",
            ),
            (
                "report.pendulum",
                b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
                "it is a PDF file",
            ),
            (
                "archive.pendulum",
                b"PK\x03\x04\x14\x00\x00\x00",
                "it is a ZIP archive",
            ),
            ("short.pendulum", b"SQLite form", "it is cut short"),
        ];
        for (name, bytes, reason) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let err = refused(&path);
            assert!(matches!(err, StoreError::NotPendulum { .. }), "{err}");
            assert_eq!(
                err.to_string(),
                format!("{} is not a Pendulum document: {reason}", path.display())
            );
        }
        let err = refused(dir.path());
        assert!(
            err.to_string()
                .ends_with("is not a Pendulum document: it is a directory"),
            "{err}"
        );
        let names: Vec<String> = cases
            .iter()
            .map(|c| dir.path().join(c.0).display().to_string())
            .collect();
        assert_eq!(
            other_files(dir.path(), &[]),
            names
                .iter()
                .cloned()
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn other_sqlite_databases() {
        let dir = tempfile::tempdir().unwrap();
        let cases = [
            ("plain.db", 0, 0, "without Pendulum's mark"),
            (
                "other.db",
                0x1234_5678,
                3,
                "another application's SQLite database",
            ),
            (
                "blank.db",
                pendulum_store::APPLICATION_ID,
                0,
                "never initialised",
            ),
        ];
        for (name, app, version, reason) in cases {
            let path = dir.path().join(name);
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE person (id TEXT)").unwrap();
            conn.pragma_update(None, "application_id", app).unwrap();
            conn.pragma_update(None, "user_version", version).unwrap();
            drop(conn);
            let err = refused(&path);
            assert!(err.to_string().contains(reason), "{err}");
        }
    }

    #[test]
    fn truncated_documents() {
        let (dir, path) = temp_doc(300);
        let whole = std::fs::read(&path).unwrap();
        for len in [1, 50, 99, 100, 512, 4096, whole.len() / 2, whole.len() - 1] {
            let cut = dir.path().join(format!("cut-{len}.pendulum"));
            std::fs::write(&cut, &whole[..len]).unwrap();
            let err = refused(&cut);
            assert!(
                matches!(
                    err,
                    StoreError::NotPendulum { .. } | StoreError::Corrupt { .. }
                ),
                "{len}: {err}"
            );
            assert!(
                err.to_string().contains(&format!("cut-{len}.pendulum")),
                "{err}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_not_followed() {
        let (dir, path) = temp_doc(3);
        let link = dir.path().join("link.pendulum");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert!(matches!(
            Document::open(&link).unwrap_err(),
            StoreError::SymbolicLink { .. }
        ));
        assert!(matches!(
            Document::open_read_only(&link).unwrap_err(),
            StoreError::SymbolicLink { .. }
        ));
    }
}

/// RELIABILITY H1: hostile SQLite files are rejected or opened safely within 2 s, with no
/// writes and no crash.
mod h1 {
    use super::*;

    /// Opens both ways, within 2 s each; the file must be unchanged afterwards. Returns
    /// whether it opened.
    fn open_safely(path: &Path) -> bool {
        let before = std::fs::read(path).unwrap();
        let mut opened = false;
        for read_only in [false, true] {
            let started = Instant::now();
            let result = if read_only {
                Document::open_read_only(path)
            } else {
                Document::open(path)
            };
            if let Ok(mut doc) = result {
                // A file that opens must be usable without a panic.
                let view = doc.view(ScenarioId::BASELINE, None).map(|v| v.into_owned());
                if let Ok(v) = view {
                    check_org(&v.org, day("2026-01-01"), &v.config);
                }
                let _ = doc.scenarios();
                opened = true;
            }
            let took = started.elapsed();
            assert!(
                took < Duration::from_secs(2),
                "{} took {took:?}",
                path.display()
            );
        }
        assert_eq!(
            std::fs::read(path).unwrap(),
            before,
            "{} was written to",
            path.display()
        );
        opened
    }

    fn tampered(sql: &str) -> (tempfile::TempDir, PathBuf) {
        let (dir, path) = temp_doc(20);
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(sql).unwrap();
        drop(conn);
        (dir, path)
    }

    #[test]
    fn schema_tampering_is_refused() {
        let cases = [
            "CREATE TRIGGER wipe AFTER INSERT ON edit BEGIN DELETE FROM person; END;",
            "DROP TABLE allocation; CREATE VIEW allocation AS SELECT id AS person, id AS workstream, 50.0 AS percent, NULL AS start_date, NULL AS end_date, position FROM person;",
            "CREATE TABLE extra (x);",
            "CREATE INDEX person_by_name ON person (name);",
            "ALTER TABLE person ADD COLUMN salary INTEGER;",
            "CREATE VIEW v AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r;",
        ];
        for sql in cases {
            let (_dir, path) = tampered(sql);
            assert!(!open_safely(&path), "accepted: {sql}");
            let err = Document::open(&path).unwrap_err();
            assert!(
                err.to_string().contains(&format!(
                    "tables are not those of a schema {} Pendulum document",
                    pendulum_store::SCHEMA_VERSION
                )),
                "{err}"
            );
        }
    }

    #[test]
    fn nonsense_values_are_refused() {
        let cases = [
            "UPDATE person SET start_date = '2026-02-30' WHERE id = 'p1';",
            "PRAGMA ignore_check_constraints = ON; UPDATE person SET fte = 7 WHERE id = 'p1';",
            "PRAGMA ignore_check_constraints = ON; UPDATE person SET role = 'pirate' WHERE id = 'p1';",
            "INSERT INTO edit (scenario, body) VALUES (1, '{\"op\":\"fly\"}');",
            "UPDATE rule_setting SET value = 'many' WHERE name = 'max_layers';",
            "INSERT INTO rule_setting (name, value) VALUES ('self_destruct', 1);",
        ];
        for sql in cases {
            let (_dir, path) = tampered(sql);
            let opened = Document::open(&path)
                .and_then(|mut d| d.view(ScenarioId::BASELINE, None).map(drop));
            let err = opened.unwrap_err();
            assert!(matches!(err, StoreError::Corrupt { .. }), "{sql}: {err}");
        }
    }

    #[test]
    fn a_header_claiming_a_huge_page_count_is_handled_quickly() {
        let (_dir, path) = temp_doc(20);
        let mut bytes = std::fs::read(&path).unwrap();
        // In-header database size (offset 28), made valid by matching "version-valid-for"
        // (offset 92) to the change counter (offset 24).
        bytes[28..32].copy_from_slice(&0x7fff_fff0u32.to_be_bytes());
        let counter: [u8; 4] = bytes[24..28].try_into().unwrap();
        bytes[92..96].copy_from_slice(&counter);
        std::fs::write(&path, &bytes).unwrap();
        assert!(!open_safely(&path));
        // A document padded to 64 MiB of zeros.
        let (_dir2, path2) = temp_doc(20);
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path2)
            .unwrap()
            .set_len(64 << 20)
            .unwrap();
        open_safely(&path2);
    }

    #[test]
    fn random_byte_flips_are_rejected_or_opened_safely() {
        let (dir, path) = temp_doc(200);
        {
            let mut doc = Document::open(&path).unwrap();
            let a = doc.fork(ScenarioId::BASELINE, "A").unwrap();
            for i in 1..40 {
                doc.apply(a, retitle(&format!("p{i}"), "Senior")).unwrap();
            }
        }
        let valid = std::fs::read(&path).unwrap();
        let mut rng = SplitMix64::new(1);
        let (mut files, mut opened) = (0, 0);
        for i in 0..300 {
            let mut bytes = valid.clone();
            let flips = 1 + rng.next_u64() % 8;
            for _ in 0..flips {
                // Half the flips land in the first pages, where the header and schema live.
                let span = if rng.next_u64().is_multiple_of(2) {
                    4096.min(bytes.len())
                } else {
                    bytes.len()
                };
                let at = (rng.next_u64() % span as u64) as usize;
                bytes[at] ^= 1 << (rng.next_u64() % 8);
            }
            let case = dir.path().join(format!("flip-{i}.pendulum"));
            std::fs::write(&case, &bytes).unwrap();
            files += 1;
            if open_safely(&case) {
                opened += 1;
            }
            std::fs::remove_file(&case).unwrap();
        }
        println!(
            "H1: {files} byte-flipped files, {opened} opened safely, {} rejected, 0 crashes",
            files - opened
        );
    }
}

/// RELIABILITY G4: random sequences of edit, undo, redo, fork and reopen against a simple
/// reference model (whole states on an undo stack); the state equals the model after every
/// step.
mod g4 {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::*;

    /// person → (manager, title)
    type State = BTreeMap<String, (Option<String>, String)>;

    #[derive(Clone, Debug)]
    enum Step {
        Add(u8, Option<u8>),
        Remove(u8),
        Move(u8, Option<u8>),
        Retitle(u8, u8),
        Undo,
        Redo,
        Fork,
        Switch(u8),
        Delete,
        Reopen,
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            3 => (0u8..10, proptest::option::of(0u8..10)).prop_map(|(p, m)| Step::Add(p, m)),
            2 => (0u8..10).prop_map(Step::Remove),
            4 => (0u8..10, proptest::option::of(0u8..10)).prop_map(|(p, m)| Step::Move(p, m)),
            3 => (0u8..10, 0u8..3).prop_map(|(p, t)| Step::Retitle(p, t)),
            3 => Just(Step::Undo),
            2 => Just(Step::Redo),
            1 => Just(Step::Fork),
            1 => (0u8..4).prop_map(Step::Switch),
            1 => Just(Step::Delete),
            1 => Just(Step::Reopen),
        ]
    }

    fn id(p: u8) -> String {
        format!("p{p}")
    }

    /// One scenario of the model: every state it has been in, and where it is now.
    #[derive(Clone, Debug)]
    struct Branch {
        id: ScenarioId,
        states: Vec<State>,
        at: usize,
    }

    impl Branch {
        fn now(&self) -> &State {
            &self.states[self.at]
        }

        /// The model's own reading of each edit.
        fn edit(&self, s: &Step) -> Option<State> {
            let mut next = self.now().clone();
            match s {
                Step::Add(p, m) => {
                    if next.contains_key(&id(*p))
                        || m.is_some_and(|m| m == *p || !next.contains_key(&id(m)))
                    {
                        return None;
                    }
                    next.insert(id(*p), (m.map(id), String::new()));
                }
                Step::Remove(p) => {
                    let (manager, _) = next.remove(&id(*p))?;
                    for (report, (m, _)) in next.iter_mut() {
                        if m.as_deref() == Some(id(*p).as_str()) {
                            *m = manager.clone().filter(|x| x != report);
                        }
                    }
                }
                Step::Move(p, m) => {
                    next.get(&id(*p))?;
                    if let Some(m) = m {
                        next.get(&id(*m))?;
                        let mut up = Some(id(*m));
                        while let Some(u) = up {
                            if u == id(*p) {
                                return None;
                            }
                            up = next.get(&u).and_then(|(x, _)| x.clone());
                        }
                    }
                    next.get_mut(&id(*p))?.0 = m.map(id);
                }
                Step::Retitle(p, t) => next.get_mut(&id(*p))?.1 = format!("t{t}"),
                _ => return None,
            }
            Some(next)
        }
    }

    fn as_edit(s: &Step) -> Option<DatedEdit> {
        Some(match s {
            Step::Add(p, m) => {
                let mut person = Person::new(id(*p), "x");
                person.manager_id = m.map(|m| PersonId::new(id(m)));
                DatedEdit::always(Edit::AddPerson { person })
            }
            Step::Remove(p) => DatedEdit::always(Edit::RemovePerson {
                id: PersonId::new(id(*p)),
            }),
            Step::Move(p, m) => move_to(&id(*p), m.map(id).as_deref()),
            Step::Retitle(p, t) => retitle(&id(*p), &format!("t{t}")),
            _ => return None,
        })
    }

    fn state_of(org: &Org) -> State {
        org.people
            .iter()
            .map(|p| {
                (
                    p.id.0.clone(),
                    (p.manager_id.as_ref().map(|m| m.0.clone()), p.title.clone()),
                )
            })
            .collect()
    }

    fn run(steps: &[Step]) -> Result<(), TestCaseError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g4.pendulum");
        let start = small_org(4);
        let mut doc = Some(
            Document::create(
                &path,
                &Org {
                    workstreams: vec![],
                    allocations: vec![],
                    ..start.clone()
                },
                &RuleConfig::default(),
            )
            .unwrap(),
        );
        let mut branches = vec![Branch {
            id: ScenarioId::BASELINE,
            states: vec![state_of(&start)],
            at: 0,
        }];
        let mut current = 0usize;
        let mut forks = 0;
        for (n, s) in steps.iter().enumerate() {
            let d = doc.as_mut().unwrap();
            let b = &mut branches[current];
            match s {
                Step::Undo => {
                    let undone = d.undo(b.id).unwrap();
                    prop_assert_eq!(undone.is_some(), b.at > 0, "step {}: undo", n);
                    b.at = b.at.saturating_sub(1);
                }
                Step::Redo => {
                    let redone = d.redo(b.id).unwrap();
                    prop_assert_eq!(
                        redone.is_some(),
                        b.at + 1 < b.states.len(),
                        "step {}: redo",
                        n
                    );
                    if b.at + 1 < b.states.len() {
                        b.at += 1;
                    }
                }
                Step::Fork => {
                    forks += 1;
                    let fid = d.fork(b.id, &format!("fork {forks}")).unwrap();
                    let now = b.now().clone();
                    branches.push(Branch {
                        id: fid,
                        states: vec![now],
                        at: 0,
                    });
                    current = branches.len() - 1;
                }
                Step::Switch(k) => current = *k as usize % branches.len(),
                Step::Delete => {
                    if b.id != ScenarioId::BASELINE {
                        d.delete(b.id).unwrap();
                        branches.remove(current);
                        current = 0;
                    }
                }
                Step::Reopen => {
                    // The old document closes (and releases its lock) before the new one opens.
                    drop(doc.take());
                    doc = Some(Document::open(&path).unwrap());
                }
                edit => {
                    let expected = b.edit(edit);
                    let result = d.apply(b.id, as_edit(edit).unwrap());
                    prop_assert_eq!(
                        result.is_ok(),
                        expected.is_some(),
                        "step {}: {:?} gave {:?}",
                        n,
                        edit,
                        result.err()
                    );
                    if let Some(next) = expected {
                        b.states.truncate(b.at + 1);
                        b.states.push(next);
                        b.at += 1;
                    }
                }
            }
            let d = doc.as_mut().unwrap();
            let b = &branches[current];
            let org = d.view(b.id, None).unwrap().org.clone();
            prop_assert_eq!(&state_of(&org), b.now(), "step {}: {:?}", n, s);
            prop_assert_eq!(d.can_undo(b.id).unwrap(), b.at > 0);
            prop_assert_eq!(d.can_redo(b.id).unwrap(), b.at + 1 < b.states.len());
        }
        // Every branch, not only the current one, matches after a final reopen.
        drop(doc);
        let mut d = Document::open(&path).unwrap();
        prop_assert_eq!(d.scenarios().unwrap().len(), branches.len());
        for b in &branches {
            prop_assert_eq!(&state_of(&d.view(b.id, None).unwrap().org), b.now());
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn the_document_follows_the_model(steps in proptest::collection::vec(step(), 1..40)) {
            run(&steps)?;
        }
    }
}
