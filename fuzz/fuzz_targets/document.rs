//! Fuzzes opening whole documents (RELIABILITY H2): any bytes in a `.pendulum` file are
//! refused with an error or opened, and an opened document gives every scenario's view,
//! without a panic or a hang. A refused file is left byte for byte as it was, with nothing
//! created beside it.
//!
//! Files live in a folder of their own on a RAM disk (`/dev/shm` when there is one).
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pendulum_store::Document;

fn folder() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = std::path::Path::new("/dev/shm");
        let base = if base.is_dir() {
            base.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("pendulum-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder for the fuzzed files");
        dir
    })
}

fn clear(dir: &std::path::Path) {
    for entry in std::fs::read_dir(dir).expect("the fuzz folder").flatten() {
        let _ = std::fs::remove_file(entry.path());
    }
}

fuzz_target!(|data: &[u8]| {
    let dir = folder();
    clear(dir);
    let path = dir.join("fuzzed.pendulum");
    std::fs::write(&path, data).expect("the fuzzed file");
    let mut opened = false;
    for read_only in [true, false] {
        let doc = if read_only {
            Document::open_read_only(&path)
        } else {
            Document::open(&path)
        };
        let Ok(mut doc) = doc else { continue };
        opened = true;
        if let Ok(scenarios) = doc.scenarios() {
            for s in scenarios {
                if let Ok(view) = doc.view(s.id, None) {
                    assert!(view.org.validate().is_empty(), "a view is a valid org");
                }
            }
        }
    }
    if !opened {
        assert_eq!(std::fs::read(&path).expect("the file"), data, "a refused file was written");
        let beside: Vec<_> = std::fs::read_dir(dir)
            .expect("the fuzz folder")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(beside.len(), 1, "files appeared beside a refused file: {beside:?}");
    }
});
