//! What the CLI journeys share: the repository's paths and a run of the real `pendulum` binary.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file of the demo org (`assets/demo`).
pub fn demo(file: &str) -> String {
    repo().join("assets/demo").join(file).display().to_string()
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// `pendulum ARGS` without colour.
pub fn pendulum(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pendulum"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run pendulum");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The JSON a run printed; it must have exited 0 (clean) or 1 (flags found).
pub fn json_of(run: &Run) -> Value {
    assert!(run.code == 0 || run.code == 1, "stderr: {}", run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON on stdout")
}
