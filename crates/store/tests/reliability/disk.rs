//! RELIABILITY D3: a full disk (a small tmpfs), input/output errors (an ext4 image on a loop
//! device, shut down under the document with `FS_IOC_SHUTDOWN`) and a read-only folder (a
//! read-only mount), during an edit, an import and an export. Each fault gets a typed error,
//! the document stays at its last commit, nothing half-written remains, nothing panics.
//!
//! Mounting needs root: these tests run as root (as CI does on this project's machines) and
//! skip, saying why, only where mounting is impossible.

use std::path::{Path, PathBuf};
use std::process::Command;

use pendulum_core::{Org, RuleConfig};
use pendulum_store::{Document, ScenarioId, StoreError, write_all_atomically, write_atomically};

use super::{files_in, retitle, small_org};

/// A file system of its own, unmounted (and its loop device freed) when dropped.
pub struct Mounted {
    dir: tempfile::TempDir,
    image: Option<PathBuf>,
}

fn run(cmd: &str, args: &[&str]) -> Result<(), String> {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .map_err(|e| format!("{cmd}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{cmd} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

impl Mounted {
    /// `None`, saying why, where this process may not mount; a failure to mount as root
    /// fails the test.
    fn mount(kind: &str, bytes: u64) -> Option<Mounted> {
        if !is_root() {
            println!("skipped: mounting a {kind} needs root");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().display().to_string();
        let image = if kind == "tmpfs" {
            run(
                "mount",
                &[
                    "-t",
                    "tmpfs",
                    "-o",
                    &format!("size={bytes}"),
                    "tmpfs",
                    &target,
                ],
            )
            .unwrap();
            None
        } else {
            let image = tempfile::NamedTempFile::new().unwrap().into_temp_path();
            let image = image.keep().unwrap();
            std::fs::File::options()
                .write(true)
                .open(&image)
                .unwrap()
                .set_len(bytes)
                .unwrap();
            let name = image.display().to_string();
            run("mkfs.ext4", &["-q", "-F", &name]).unwrap();
            run("mount", &["-o", "loop", &name, &target]).unwrap();
            Some(image)
        };
        Some(Mounted { dir, image })
    }

    pub fn tmpfs(bytes: u64) -> Option<Mounted> {
        Mounted::mount("tmpfs", bytes)
    }

    pub fn ext4(bytes: u64) -> Option<Mounted> {
        Mounted::mount("ext4", bytes)
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn remount_read_only(&self) {
        let target = self.path().display().to_string();
        run("mount", &["-o", "remount,ro", &target]).unwrap();
    }

    /// Every later read and write on the file system fails with EIO (ext4 only).
    pub fn shut_down(&self) {
        let script = "import fcntl, os, struct, sys\n\
                      fd = os.open(sys.argv[1], os.O_RDONLY)\n\
                      fcntl.ioctl(fd, 0x8004587D, struct.pack('I', 2))\n";
        run(
            "python3",
            &["-c", script, &self.path().display().to_string()],
        )
        .unwrap();
    }

    /// Unmounts and mounts the image again, as after a reboot: a shut-down ext4 comes back
    /// with what it had committed.
    pub fn remount(&self) {
        let target = self.path().display().to_string();
        run("umount", &[&target]).unwrap();
        let image = self.image.as_ref().unwrap().display().to_string();
        run("mount", &["-o", "loop", &image, &target]).unwrap();
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = run("umount", &["-l", &self.path().display().to_string()]);
        if let Some(image) = &self.image {
            let _ = std::fs::remove_file(image);
        }
    }
}

fn title(doc: &mut Document, id: &str) -> String {
    let view = doc.view(ScenarioId::BASELINE, None).unwrap();
    view.org
        .people
        .iter()
        .find(|p| p.id.0 == id)
        .map(|p| p.title.clone())
        .unwrap()
}

/// Edits until the disk is full; returns how many were acknowledged and the error that
/// refused the next one, after checking that memory still holds the last commit.
fn edit_until_refused(doc: &mut Document) -> (usize, StoreError) {
    let long = "x".repeat(1_900);
    for i in 0..100_000 {
        let t = format!("{i} {long}");
        match doc.apply(ScenarioId::BASELINE, retitle("p1", &t)) {
            Ok(_) => {}
            Err(e) => {
                let last = if i == 0 {
                    String::new()
                } else {
                    format!("{} {long}", i - 1)
                };
                assert_eq!(title(doc, "p1"), last, "memory holds the last commit");
                return (i, e);
            }
        }
    }
    panic!("the disk never filled");
}

#[test]
fn a_full_disk_refuses_the_edit_and_keeps_the_last_commit() {
    let Some(disk) = Mounted::tmpfs(2 << 20) else {
        return;
    };
    let path = disk.path().join("plan.pendulum");
    Document::create(&path, &small_org(200), &RuleConfig::default()).unwrap();
    let mut doc = Document::open(&path).unwrap();
    let (acked, err) = edit_until_refused(&mut doc);
    assert!(acked > 10, "{acked} edits fitted");
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err}");
    assert!(err.to_string().contains("plan.pendulum"), "{err}");
    // Undo needs no new space once the log holds its edits; either way nothing is torn.
    let _ = doc.undo(ScenarioId::BASELINE);
    drop(doc);
    let doc = Document::open(&path).unwrap();
    doc.integrity_check().unwrap();
    let applied = doc
        .log(ScenarioId::BASELINE)
        .unwrap()
        .into_iter()
        .filter(|e| e.state == pendulum_store::EditState::Applied)
        .count();
    assert!(
        applied == acked || applied + 1 == acked,
        "{applied} of {acked}"
    );
    println!("D3: full disk during an edit: {acked} edits kept, 1 refused, 0 panics");
}

fn big_org() -> Org {
    let mut org = small_org(20_000);
    for p in &mut org.people {
        p.title = "Senior Staff Engineer, Platform Infrastructure".into();
    }
    org
}

#[test]
fn an_import_onto_a_full_disk_leaves_no_file() {
    let Some(disk) = Mounted::tmpfs(1 << 20) else {
        return;
    };
    let path = disk.path().join("imported.pendulum");
    let err = Document::create(&path, &big_org(), &RuleConfig::default()).unwrap_err();
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err}");
    assert_eq!(files_in(disk.path()), Vec::<String>::new());
    println!("D3: full disk during an import: refused, 0 files left, 0 panics");
}

#[test]
fn an_export_onto_a_full_disk_keeps_the_old_files() {
    let Some(disk) = Mounted::tmpfs(1 << 20) else {
        return;
    };
    let one = disk.path().join("chart.svg");
    std::fs::write(&one, "old chart").unwrap();
    let err = write_atomically(&one, &vec![b'x'; 2 << 20]).unwrap_err();
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err}");
    assert_eq!(std::fs::read_to_string(&one).unwrap(), "old chart");
    assert_eq!(files_in(disk.path()), ["chart.svg"]);

    // A set of files: the last one does not fit, so none is replaced.
    let set: Vec<(PathBuf, Vec<u8>)> = ["people.csv", "people-workload.csv"]
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let size = if i == 1 { 2 << 20 } else { 100 };
            (disk.path().join(n), vec![b'y'; size])
        })
        .collect();
    std::fs::write(&set[0].0, "old people").unwrap();
    let err = write_all_atomically(&set).unwrap_err();
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err}");
    assert_eq!(std::fs::read_to_string(&set[0].0).unwrap(), "old people");
    assert_eq!(files_in(disk.path()), ["chart.svg", "people.csv"]);
    println!("D3: full disk during exports: 2 refused, old files kept, 0 panics");
}

#[test]
fn io_errors_refuse_edits_imports_and_exports_and_keep_the_last_commit() {
    let Some(disk) = Mounted::ext4(16 << 20) else {
        return;
    };
    let path = disk.path().join("plan.pendulum");
    let export = disk.path().join("chart.svg");
    // Durably, as an earlier export would have written it.
    write_atomically(&export, b"old chart").unwrap();
    Document::create(&path, &small_org(50), &RuleConfig::default()).unwrap();
    let mut doc = Document::open(&path).unwrap();
    for i in 0..3 {
        doc.apply(ScenarioId::BASELINE, retitle("p1", &format!("t{i}")))
            .unwrap();
    }
    disk.shut_down();
    let mut faults = 0;
    let err = doc
        .apply(ScenarioId::BASELINE, retitle("p1", "lost"))
        .unwrap_err();
    assert!(
        matches!(err, StoreError::DiskError { .. } | StoreError::Io { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("plan.pendulum"), "{err}");
    assert_eq!(title(&mut doc, "p1"), "t2", "memory holds the last commit");
    faults += 1;
    let err = Document::create(
        disk.path().join("imported.pendulum"),
        &small_org(50),
        &RuleConfig::default(),
    )
    .unwrap_err();
    assert!(
        matches!(err, StoreError::DiskError { .. } | StoreError::Io { .. }),
        "{err}"
    );
    faults += 1;
    let err = write_atomically(&export, b"new chart").unwrap_err();
    assert!(
        matches!(err, StoreError::DiskError { .. } | StoreError::Io { .. }),
        "{err}"
    );
    faults += 1;
    drop(doc);
    disk.remount();
    // The write-ahead log of the open document stays, as after a crash; nothing else does.
    let mut files = files_in(disk.path());
    files.retain(|f| f != "lost+found" && !f.ends_with("-wal") && !f.ends_with("-shm"));
    assert_eq!(
        files,
        ["chart.svg", "plan.pendulum"],
        "nothing half-written"
    );
    assert_eq!(std::fs::read_to_string(&export).unwrap(), "old chart");
    let mut doc = Document::open(&path).unwrap();
    doc.integrity_check().unwrap();
    assert_eq!(title(&mut doc, "p1"), "t2");
    println!("D3: I/O errors: {faults} faults (edit, import, export), 0 panics");
}

#[test]
fn a_read_only_folder_opens_the_document_read_only_with_its_reason() {
    let Some(disk) = Mounted::tmpfs(4 << 20) else {
        return;
    };
    let path = disk.path().join("plan.pendulum");
    {
        let mut doc = Document::create(&path, &small_org(20), &RuleConfig::default()).unwrap();
        doc.apply(ScenarioId::BASELINE, retitle("p1", "saved"))
            .unwrap();
    }
    disk.remount_read_only();
    let mut doc = Document::open(&path).unwrap();
    assert!(doc.is_read_only());
    assert_eq!(doc.read_only_reason(), Some("its folder is read-only"));
    assert_eq!(title(&mut doc, "p1"), "saved");
    let err = doc
        .apply(ScenarioId::BASELINE, retitle("p1", "no"))
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    println!("D3: read-only folder: opened read-only with a notice, 0 panics");
}
