//! Writing an org out: lossless JSON and CSV (SPEC §5). Every file is written whole or not
//! at all (temp file, fsync, rename), so an interrupted export never leaves a torn file.

use std::path::{Path, PathBuf};

use pendulum_core::{Date, Snapshot};

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::source::{Loaded, OrgFile};

/// The JSON export of an org and its rules, as text.
pub fn json_text(loaded: &Loaded) -> ApiResult<String> {
    let file = OrgFile::new(loaded.org.clone(), loaded.rules.clone());
    serde_json::to_string_pretty(&file)
        .map(|t| t + "\n")
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("JSON export: {e}")))
}

pub fn write_json(loaded: &Loaded, out: &Path) -> ApiResult<Vec<PathBuf>> {
    write_atomically(out, json_text(loaded)?.as_bytes())?;
    Ok(vec![out.to_path_buf()])
}

/// The CSV files of an org: people, and when it has workstreams, workstreams, allocations
/// and the workload as of `as_of`.
#[derive(Debug)]
pub struct CsvFiles {
    pub people: String,
    pub workstreams: Option<String>,
    pub allocations: Option<String>,
    pub workload: Option<String>,
}

pub fn csv_files(loaded: &Loaded, as_of: Date) -> CsvFiles {
    let org = &loaded.org;
    if org.workstreams.is_empty() && org.allocations.is_empty() {
        return CsvFiles {
            people: pendulum_csv::people_csv(org),
            workstreams: None,
            allocations: None,
            workload: None,
        };
    }
    let snapshot = Snapshot::new(org, as_of, &loaded.rules);
    CsvFiles {
        people: pendulum_csv::people_csv(org),
        workstreams: Some(pendulum_csv::workstreams_csv(org)),
        allocations: Some(pendulum_csv::allocations_csv(org)),
        workload: Some(pendulum_csv::workload_csv(&snapshot)),
    }
}

/// Writes `OUT` (people) and, beside it, `OUT-workstreams.csv`, `OUT-allocations.csv` and
/// `OUT-workload.csv` when the org has workstreams.
pub fn write_csv(loaded: &Loaded, as_of: Date, out: &Path) -> ApiResult<Vec<PathBuf>> {
    let files = csv_files(loaded, as_of);
    let mut written = vec![out.to_path_buf()];
    let mut pending = vec![(out.to_path_buf(), files.people)];
    for (suffix, text) in [
        ("workstreams", files.workstreams),
        ("allocations", files.allocations),
        ("workload", files.workload),
    ] {
        if let Some(text) = text {
            let path = sibling(out, suffix);
            written.push(path.clone());
            pending.push((path, text));
        }
    }
    for (path, text) in pending {
        write_atomically(&path, text.as_bytes())?;
    }
    Ok(written)
}

/// `people.csv` + "workload" → `people-workload.csv`.
fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(|| "org".into(), |s| s.to_string_lossy().into_owned());
    let ext = out
        .extension()
        .map_or_else(|| "csv".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}-{suffix}.{ext}"))
}

/// Writes the bytes to a temp file in the target's directory, fsyncs it, then renames it
/// over the target: readers see the old file or the new one, never a torn one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> ApiResult<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if path.is_dir() {
        return Err(ApiError::usage(format!(
            "{}: is a directory; name a file to write",
            path.display()
        )));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".pendulum-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| ApiError::io(&dir, "create a file in it", &e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| ApiError::io(path, "write it", &e))?;
    tmp.persist(path)
        .map_err(|e| ApiError::io(path, "replace it", &e.error))?;
    if let Ok(d) = std::fs::File::open(&dir) {
        // fsync the directory so the rename itself survives a power cut
        let _ = d.sync_all();
    }
    Ok(())
}
