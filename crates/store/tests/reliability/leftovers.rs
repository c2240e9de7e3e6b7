//! RELIABILITY: temporary files never outlive a crash. A save or an export writes a locked
//! temporary file beside its target; one left unlocked by a crash is deleted by the next
//! save of that target, and one still in use is not.

use pendulum_store::write_atomically;

use super::files_in;

#[test]
fn a_crashed_exports_temporary_file_is_removed_by_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("chart.svg");
    // What a killed export leaves: a hidden temporary file named after the target.
    std::fs::write(dir.path().join(".chart.svg.AbC123.tmp"), "half an export").unwrap();
    // One held by another process's export in progress, and another target's.
    let busy = dir.path().join(".chart.svg.Busy99.tmp");
    let held = std::fs::File::create(&busy).unwrap();
    held.try_lock().unwrap();
    std::fs::write(dir.path().join(".people.csv.Zz9.tmp"), "other").unwrap();
    write_atomically(&target, b"<svg/>").unwrap();
    assert_eq!(
        files_in(dir.path()),
        [".chart.svg.Busy99.tmp", ".people.csv.Zz9.tmp", "chart.svg"]
    );
    drop(held);
    write_atomically(&target, b"<svg/>").unwrap();
    assert_eq!(files_in(dir.path()), [".people.csv.Zz9.tmp", "chart.svg"]);
}
