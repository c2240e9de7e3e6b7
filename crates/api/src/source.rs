//! Where an org comes from: a people CSV or workbook (with workstreams and allocations
//! beside it, or in the workbook's other sheets), a JSON export, or a `.pendulum` document.

use std::path::{Path, PathBuf};

use pendulum_core::{Date, Org, RuleConfig};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::loaded::Loaded;

/// Files larger than this are refused before reading (a people CSV of 1M rows is ~150 MB).
const MAX_INPUT_BYTES: u64 = 2 << 30;

/// What to load. `path` is a `.pendulum` document, a JSON export, or a people CSV or
/// workbook (`.xlsx`, `.xls`, `.xlsb`, `.ods`).
#[derive(Clone, Debug, Default)]
pub struct OrgSource {
    pub path: PathBuf,
    /// Workstreams CSV or workbook, when `path` is a people file.
    pub workstreams: Option<PathBuf>,
    /// Allocations CSV or workbook, when `path` is a people file.
    pub allocations: Option<PathBuf>,
    /// Bands (`level,annual_cost`), when `path` is a people file.
    pub bands: Option<PathBuf>,
    /// Budgets (`team,annual_budget`; team `*` is the whole org), when `path` is a people
    /// file.
    pub budgets: Option<PathBuf>,
    /// The sheet of a people workbook to read (default: the one named like People, or the
    /// first whose header fits).
    pub sheet: Option<String>,
    /// For a `.pendulum` document: the scenario to read (default the baseline).
    pub scenario: Option<String>,
}

impl OrgSource {
    /// Whether files come with the people file (workstreams, allocations, bands, budgets).
    pub fn has_files_beside(&self) -> bool {
        self.workstreams.is_some()
            || self.allocations.is_some()
            || self.bands.is_some()
            || self.budgets.is_some()
    }
}

/// The lossless JSON form of an org and its rules (`pendulum export --json`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgFile {
    /// Always "pendulum-org": tells a Pendulum JSON export from any other JSON.
    pub format: String,
    /// Format version; this build reads 1.
    pub version: u32,
    pub org: Org,
    #[serde(default)]
    pub rules: RuleConfig,
}

pub const ORG_FILE_FORMAT: &str = "pendulum-org";
pub const ORG_FILE_VERSION: u32 = 1;

impl OrgFile {
    pub fn new(org: Org, rules: RuleConfig) -> OrgFile {
        OrgFile {
            format: ORG_FILE_FORMAT.into(),
            version: ORG_FILE_VERSION,
            org,
            rules,
        }
    }
}

/// Reads a whole file, refusing directories and absurd sizes with a clear message.
pub fn read_file(path: &Path) -> ApiResult<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| ApiError::io(path, "read it", &e))?;
    if meta.is_dir() {
        return Err(ApiError::bad_input(format!(
            "{}: is a directory, not a file",
            path.display()
        )));
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(ApiError::bad_input(format!(
            "{}: {} bytes is larger than the {} bytes Pendulum reads",
            path.display(),
            meta.len(),
            MAX_INPUT_BYTES
        )));
    }
    std::fs::read(path).map_err(|e| ApiError::io(path, "read it", &e))
}

/// The kinds of file `load` tells apart by their first bytes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FileKind {
    Document,
    Json,
    /// A people CSV or workbook: `pendulum-csv` reads both.
    Csv,
}

pub fn sniff(bytes: &[u8]) -> FileKind {
    if bytes.starts_with(b"SQLite format 3\0") {
        return FileKind::Document;
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => FileKind::Json,
        _ => FileKind::Csv,
    }
}

/// What kind of org file `path` is, from its extension or its first bytes.
pub fn kind_of(path: &Path) -> ApiResult<FileKind> {
    use std::io::Read;
    if path.extension().is_some_and(|e| e == "pendulum") && !path.is_dir() {
        return Ok(FileKind::Document);
    }
    let mut head = [0u8; 64];
    let mut file = std::fs::File::open(path).map_err(|e| ApiError::io(path, "read it", &e))?;
    let n = file
        .read(&mut head)
        .map_err(|e| ApiError::io(path, "read it", &e))?;
    Ok(sniff(&head[..n]))
}

/// Loads the org a source names, as of `as_of` (which decides the dated edits of a
/// document's scenario). Malformed input is an error naming file, row and column (CSV) or
/// field (JSON); nothing is half-loaded.
pub fn load(source: &OrgSource, as_of: Date) -> ApiResult<Loaded> {
    let name = source.path.display().to_string();
    let is_document = source.path.extension().is_some_and(|e| e == "pendulum");
    let kind = if is_document && !source.path.is_dir() {
        FileKind::Document
    } else {
        let bytes = read_file(&source.path)?;
        let kind = sniff(&bytes);
        if kind != FileKind::Document {
            return load_bytes(source, &name, &bytes, kind);
        }
        kind
    };
    if kind == FileKind::Document && source.has_files_beside() {
        return Err(ApiError::usage(
            "--workstreams, --allocations, --bands and --budgets go with a people CSV; a .pendulum document already holds the whole org",
        ));
    }
    crate::scenario::load_scenario(&source.path, source.scenario.as_deref(), as_of)
}

fn load_bytes(source: &OrgSource, name: &str, bytes: &[u8], kind: FileKind) -> ApiResult<Loaded> {
    if source.sheet.is_some() && !(kind == FileKind::Csv && pendulum_csv::is_workbook(bytes)) {
        return Err(ApiError::usage(format!(
            "{name}: --sheet picks a sheet of a workbook; this file is not one"
        )));
    }
    if kind != FileKind::Csv && source.has_files_beside() {
        return Err(ApiError::usage(
            "--workstreams, --allocations, --bands and --budgets go with a people CSV; this file already holds the whole org",
        ));
    }
    if source.scenario.is_some() {
        return Err(ApiError::usage(format!(
            "{name}: --scenario needs a .pendulum document (see `pendulum import`)"
        )));
    }
    match kind {
        FileKind::Document => Err(ApiError::new(
            ErrorCode::Internal,
            "documents are loaded by path",
        )),
        FileKind::Json => load_json(name, bytes),
        FileKind::Csv => {
            let read = |p: &Option<PathBuf>| p.as_deref().map(read_named).transpose();
            let (workstreams, allocations) =
                (read(&source.workstreams)?, read(&source.allocations)?);
            let (bands, budgets) = (read(&source.bands)?, read(&source.budgets)?);
            fn named(f: &Option<(String, Vec<u8>)>) -> Option<(&str, &[u8])> {
                f.as_ref().map(|(n, b)| (n.as_str(), b.as_slice()))
            }
            crate::import::import_csv(
                (name, bytes),
                source.sheet.as_deref(),
                crate::import::Beside {
                    workstreams: named(&workstreams),
                    allocations: named(&allocations),
                    bands: named(&bands),
                    budgets: named(&budgets),
                },
            )
        }
    }
}

fn read_named(path: &Path) -> ApiResult<(String, Vec<u8>)> {
    Ok((path.display().to_string(), read_file(path)?))
}

/// Parses a JSON export, then checks the org's structure (duplicate ids, ranges).
pub fn load_json(name: &str, bytes: &[u8]) -> ApiResult<Loaded> {
    let file: OrgFile = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_input(format!("{name}:{}:{}: {e}", e.line(), e.column())))?;
    if file.format != ORG_FILE_FORMAT {
        return Err(ApiError::bad_input(format!(
            "{name}: field \"format\" is {:?}, expected {ORG_FILE_FORMAT:?}",
            file.format
        )));
    }
    if file.version > ORG_FILE_VERSION {
        return Err(ApiError::new(
            ErrorCode::NewerSchema,
            format!(
                "{name}: made by a newer Pendulum (format version {} > {ORG_FILE_VERSION})",
                file.version
            ),
        ));
    }
    validated(name, file.org, file.rules)
}

fn validated(name: &str, org: Org, rules: RuleConfig) -> ApiResult<Loaded> {
    let mut problems: Vec<String> = org
        .validate()
        .iter()
        .map(|p| format!("{name}: org.{}: {}", p.field, p.message))
        .collect();
    problems.extend(
        rules
            .validate()
            .into_iter()
            .map(|(f, m)| format!("{name}: rules.{f}: {m}")),
    );
    if !problems.is_empty() {
        return Err(ApiError::bad_input(problems.join("\n")));
    }
    Ok(Loaded {
        org,
        rules,
        warnings: Vec::new(),
    })
}

/// Applies a rule-configuration file (JSON object with any subset of [`RuleConfig`]'s
/// fields) over `base`: fields it names replace the base's, the others are kept.
pub fn override_rules(base: &RuleConfig, path: &Path) -> ApiResult<RuleConfig> {
    let bytes = read_file(path)?;
    let name = path.display();
    let overlay: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::bad_input(format!("{name}:{}:{}: {e}", e.line(), e.column())))?;
    let serde_json::Value::Object(overlay) = overlay else {
        return Err(ApiError::bad_input(format!(
            "{name}: a rule configuration is a JSON object such as {{\"manager_max_span\": 6}}"
        )));
    };
    let mut merged = serde_json::to_value(base)
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("rule configuration: {e}")))?;
    if let serde_json::Value::Object(m) = &mut merged {
        for (k, v) in overlay {
            if !m.contains_key(&k) {
                let known: Vec<&str> = m.keys().map(String::as_str).collect();
                return Err(ApiError::bad_input(format!(
                    "{name}: field {k:?} is not a rule threshold (known: {})",
                    known.join(", ")
                )));
            }
            m.insert(k, v);
        }
    }
    let rules: RuleConfig =
        serde_json::from_value(merged).map_err(|e| ApiError::bad_input(format!("{name}: {e}")))?;
    let problems = rules.validate();
    if !problems.is_empty() {
        let lines: Vec<String> = problems
            .into_iter()
            .map(|(f, m)| format!("{name}: {f}: {m}"))
            .collect();
        return Err(ApiError::bad_input(lines.join("\n")));
    }
    Ok(rules)
}
