//! RELIABILITY S4: export paths with `..`, symlinks and read-only folders. Nothing is written
//! outside the chosen target, and what cannot be written is a clear error.

use pendulum_store::{StoreError, write_all_atomically, write_atomically};

use super::disk::Mounted;
use super::files_in;

#[cfg(unix)]
#[test]
fn exports_write_only_the_chosen_target() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    std::fs::create_dir(dir.path().join("a")).unwrap();
    let mut tried = 0;

    // `..` in the chosen path names the folder it resolves to, nothing else.
    write_atomically(&dir.path().join("a/../chart.svg"), b"<svg/>").unwrap();
    assert_eq!(files_in(dir.path()), ["a", "chart.svg"]);
    tried += 1;

    // A symlink at the target is replaced by the export, not followed to the file it names.
    let link = dir.path().join("people.csv");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    write_atomically(&link, b"id,name\n").unwrap();
    assert!(!std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    tried += 1;

    // The same for every file of a set.
    let link2 = dir.path().join("people-workload.csv");
    std::os::unix::fs::symlink(&victim, &link2).unwrap();
    write_all_atomically(&[
        (link.clone(), b"a\n".to_vec()),
        (link2.clone(), b"b\n".to_vec()),
    ])
    .unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert_eq!(std::fs::read_to_string(&link2).unwrap(), "b\n");
    tried += 1;

    // A folder is not a file to write.
    let err = write_atomically(&dir.path().join("a"), b"x").unwrap_err();
    assert!(err.to_string().contains("directory"), "{err}");
    tried += 1;

    assert_eq!(files_in(outside.path()), ["victim.txt"], "nothing escaped");
    println!(
        "S4: {tried} paths tried (.., symlinked file, symlinked set member, folder), 0 escapes"
    );
}

#[test]
fn a_read_only_folder_is_a_clear_error_and_nothing_is_written() {
    let Some(disk) = Mounted::tmpfs(1 << 20) else {
        return;
    };
    std::fs::write(disk.path().join("chart.svg"), "old").unwrap();
    disk.remount_read_only();
    let err = write_atomically(&disk.path().join("chart.svg"), b"new").unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert!(err.to_string().contains("read-only"), "{err}");
    assert_eq!(files_in(disk.path()), ["chart.svg"]);
    println!("S4: read-only folder: refused with its reason, 0 writes");
}
