//! The RELIABILITY plan's promises about files from elsewhere and failing disks, one module
//! each: nothing written beside a refused file, hostile documents (H2), full disks and I/O
//! errors (D3), and temporary files that never outlive a crash.

// Clippy's allow-unwrap-in-tests covers #[test] functions, not this file's shared helpers.
#![allow(clippy::unwrap_used)]

mod beside;
mod disk;
mod hostile;
mod leftovers;
mod log;
mod paths;
mod watch;

use std::path::{Path, PathBuf};

use pendulum_core::{DatedEdit, Edit, Org, Person, PersonChange, PersonId, RuleConfig};
use pendulum_store::Document;

/// p0 is the root, p1..p(n-1) report to p((i-1)/3).
pub fn small_org(n: usize) -> Org {
    let mut org = Org::default();
    for i in 0..n {
        let mut p = Person::new(format!("p{i}"), format!("Person {i}"));
        if i > 0 {
            p.manager_id = Some(PersonId::new(format!("p{}", (i - 1) / 3)));
        }
        org.people.push(p);
    }
    org
}

pub fn retitle(id: &str, title: &str) -> DatedEdit {
    DatedEdit::always(Edit::UpdatePerson {
        id: id.into(),
        change: PersonChange::Title(title.into()),
    })
}

/// A folder holding one valid document of `n` people, `plan.pendulum`.
pub fn temp_doc(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pendulum");
    Document::create(&path, &small_org(n), &RuleConfig::default()).unwrap();
    (dir, path)
}

/// The names of the files in `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}
