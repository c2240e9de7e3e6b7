//! The IPC commands. Each is declared in build.rs and granted in capabilities/main.json.

use std::path::PathBuf;
use std::sync::MutexGuard;

use pendulum_api::export::PdfRequest;
use pendulum_api::pendulum::HistoryReport;
use pendulum_api::{
    ApiError, ApiResult, DocumentInfo, ErrorCode, ExportFormat, ImportFiles, Recent,
    RecentDocument, Session,
};
use pendulum_core::edit::DatedEdit;
use pendulum_core::swing::{Suggestion, Swing, SwingReport};
use pendulum_core::{Date, Diff, MAX_TEXT_BYTES};
use serde::de::DeserializeOwned;
use serde_json::Value;
use tauri::ipc::Response;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::AppState;
use crate::dialogs::Ask;

/// The shell is the one place that reads the clock (the local day): the api and core take
/// dates as inputs.
pub fn today() -> Date {
    pendulum_api::today::local_today()
}

fn session<'a>(state: &'a State<'_, AppState>) -> MutexGuard<'a, Session> {
    // A panic while holding the lock is a bug, but the session inside is still the last
    // consistent one (every api call either completes or changes nothing), so keep serving it.
    state
        .session
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What is open; `None` on first launch.
#[tauri::command]
pub async fn current(state: State<'_, AppState>) -> ApiResult<Option<DocumentInfo>> {
    session(&state).current()
}

/// The app's data folder: the demo document and the recent list live there.
fn data_dir<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> ApiResult<PathBuf> {
    match &state.data_dir {
        Some(dir) => Ok(dir.clone()),
        None => app.path().app_data_dir().map_err(|e| {
            ApiError::new(ErrorCode::Io, format!("no folder for the app's data: {e}"))
        }),
    }
}

/// Opens the demo document, created in the app's data folder on first use.
#[tauri::command]
pub async fn open_demo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ApiResult<DocumentInfo> {
    let dir = data_dir(&app, &state)?;
    session(&state).open_demo(&dir)
}

/// Starts the demo over from the org built into the app; its edits and scenarios are gone.
#[tauri::command]
pub async fn reset_demo<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ApiResult<DocumentInfo> {
    let dir = data_dir(&app, &state)?;
    session(&state).reset_demo(&dir)
}

/// A new document holding one person, saved where the user picks in a save dialog; `None`
/// when the user cancels.
#[tauri::command]
pub async fn new_document<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ApiResult<Option<DocumentInfo>> {
    let ask = Ask {
        title: "Save the new org as".into(),
        filter: PENDULUM_FILTER,
        file_name: Some("Untitled.pendulum".into()),
    };
    let Some(path) = state.dialogs.save(app.clone(), ask).await? else {
        return Ok(None);
    };
    let info = session(&state).new_document(&path)?;
    remember(&app, &state, &path);
    Ok(Some(info))
}

/// Shows the open dialog for a `.pendulum` document; `None` when the user cancels.
#[tauri::command]
pub async fn open_document<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ApiResult<Option<DocumentInfo>> {
    let ask = Ask {
        title: "Open a Pendulum document".into(),
        filter: PENDULUM_FILTER,
        file_name: None,
    };
    let Some(path) = state.dialogs.open(app.clone(), ask).await? else {
        return Ok(None);
    };
    let info = session(&state).open(&path)?;
    remember(&app, &state, &path);
    Ok(Some(info))
}

/// The recently opened documents, newest first: names and folders to show, no paths.
#[tauri::command]
pub async fn recent_documents<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ApiResult<Vec<RecentDocument>> {
    Ok(recent(&app, &state)?.list())
}

/// Opens the `index`th document of the recent list. One that has gone (moved, deleted) is
/// taken off the list and reported as not found.
#[tauri::command]
pub async fn open_recent<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    index: Option<Value>,
) -> ApiResult<DocumentInfo> {
    let index: usize = scalar("index", index)?;
    let mut list = recent(&app, &state)?;
    let path = list.path(index)?.to_path_buf();
    if !path.exists() {
        list.forget(&path)?;
        return Err(ApiError::new(
            ErrorCode::NotFound,
            format!(
                "{} is no longer there (moved or deleted); it is off the recent list now",
                path.display()
            ),
        ));
    }
    let info = session(&state).open(&path)?;
    remember(&app, &state, &path);
    Ok(info)
}

const PENDULUM_FILTER: (&str, &[&str]) = ("Pendulum documents", &["pendulum"]);

fn recent<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> ApiResult<Recent> {
    Ok(Recent::load(&data_dir(app, state)?.join("recent.json")))
}

/// Puts an opened document first on the recent list. Failing to save the list must not fail
/// the open that succeeded, so the problem is only logged.
pub fn remember<R: Runtime>(app: &AppHandle<R>, state: &AppState, path: &std::path::Path) {
    if let Err(e) = recent(app, state).and_then(|mut r| r.remember(path)) {
        eprintln!("pendulum: cannot update the recent list: {e}");
    }
}

/// Step one of an import: the people CSV (with, optionally, the workstreams and allocations
/// CSVs) picked in one open dialog, and what importing them would do — the column mapping,
/// every problem with row and column, the counts. The picked files wait in the app's state for
/// [`import_confirm`]; `None` when the user cancels.
#[tauri::command]
pub async fn import_preview<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ApiResult<Option<Value>> {
    let title =
        "Import: the people CSV or workbook, and the workstreams and allocations files if any";
    let Some(files) = pick_hr_files(app, &state, title).await? else {
        return Ok(None);
    };
    // As JSON here so that the shell need not name the CSV crate's types.
    let preview = encoded(session(&state).import_preview(&files)?)?;
    *pending(&state) = Some(files);
    Ok(Some(preview))
}

/// Step two: where to save the new document (a save dialog), then the import of the files
/// previewed. `None` when the user cancels the dialog; the files stay pending.
#[tauri::command]
pub async fn import_confirm<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ApiResult<Option<DocumentInfo>> {
    let files = pending(&state)
        .clone()
        .ok_or_else(|| ApiError::usage("no import is waiting: pick the files first"))?;
    let stem = files
        .people
        .file_stem()
        .map_or_else(|| "org".into(), |s| s.to_string_lossy().into_owned());
    let ask = Ask {
        title: "Save the imported org as".into(),
        filter: PENDULUM_FILTER,
        file_name: Some(format!("{stem}.pendulum")),
    };
    let Some(out) = state.dialogs.save(app.clone(), ask).await? else {
        return Ok(None);
    };
    let info = session(&state).import(&files, &out)?;
    *pending(&state) = None;
    remember(&app, &state, &out);
    Ok(Some(info))
}

/// Updating the open document from a newer HR export, step one: pick the export's files (a
/// people CSV or workbook, and its workstreams and allocations files if any) and see what
/// would change: who joined, left, moved, which fields changed, and each scenario's edits
/// that would no longer apply. `None` when the user cancels. Nothing is written.
#[tauri::command]
pub async fn update_preview<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ApiResult<Option<Value>> {
    let title = "Update from HR export: the newer people CSV or workbook, and its workstreams and allocations files if any";
    let Some(files) = pick_hr_files(app, &state, title).await? else {
        return Ok(None);
    };
    let preview = encoded(session(&state).update_preview(&files)?)?;
    *pending_update(&state) = Some(files);
    Ok(Some(preview))
}

/// Step two: applies the previewed export; the answer is what the window shows next.
#[tauri::command]
pub async fn update_apply(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> ApiResult<Response> {
    let files = pending_update(&state)
        .clone()
        .ok_or_else(|| ApiError::usage("no update is waiting: pick the newer export first"))?;
    let shown = session(&state).update_apply(&files, &argument("request", request)?)?;
    *pending_update(&state) = None;
    json(&shown)
}

/// Undoes the document's newest baseline update.
#[tauri::command]
pub async fn undo_update(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> ApiResult<Response> {
    json(&session(&state).undo_update(&argument("request", request)?)?)
}

/// Drops an edit of the current scenario (one that no longer applies after an update).
#[tauri::command]
pub async fn drop_edit(
    state: State<'_, AppState>,
    seq: Option<Value>,
    request: Option<Value>,
) -> ApiResult<Response> {
    let seq = match seq {
        Some(Value::Number(n)) => n.as_i64(),
        _ => None,
    }
    .ok_or_else(|| ApiError::usage("argument \"seq\" must be the number of an edit in the log"))?;
    json(&session(&state).drop_edit(seq, &argument("request", request)?)?)
}

/// The files of an HR export picked in an open dialog titled `title` (a people CSV or
/// workbook, and its workstreams and allocations files if any); `None` when cancelled.
async fn pick_hr_files<R: Runtime>(
    app: AppHandle<R>,
    state: &State<'_, AppState>,
    title: &str,
) -> ApiResult<Option<ImportFiles>> {
    let ask = Ask {
        title: title.into(),
        filter: (
            "CSV files and spreadsheets",
            &["csv", "txt", "xlsx", "xls", "xlsb", "ods"],
        ),
        file_name: None,
    };
    import_files(state.dialogs.open_many(app, ask).await?)
}

/// A preview as JSON for the window.
fn encoded(preview: impl serde::Serialize) -> ApiResult<Value> {
    serde_json::to_value(preview).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("cannot encode the preview: {e}"),
        )
    })
}

fn pending_update<'a>(state: &'a State<'_, AppState>) -> MutexGuard<'a, Option<ImportFiles>> {
    state
        .pending_update
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn pending<'a>(state: &'a State<'_, AppState>) -> MutexGuard<'a, Option<ImportFiles>> {
    state
        .pending_import
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What is open and what the window shows of it: the view `request` asks for (its day,
/// folded people, orientation) and the comparison it names in `against`.
#[tauri::command]
pub async fn view(state: State<'_, AppState>, request: Option<Value>) -> ApiResult<Response> {
    json(&session(&state).show(&argument("request", request)?)?)
}

/// Applies one edit to the current scenario and saves it; a refused edit changes nothing.
/// Like every change below, it answers with what the window shows next (`request`), so an
/// edit is one round trip.
#[tauri::command]
pub async fn apply_edit(
    state: State<'_, AppState>,
    edit: Option<Value>,
    request: Option<Value>,
) -> ApiResult<Response> {
    let edit: DatedEdit = required("edit", edit)?;
    json(&session(&state).apply_edit(edit, &argument("request", request)?)?)
}

#[tauri::command]
pub async fn undo(state: State<'_, AppState>, request: Option<Value>) -> ApiResult<Response> {
    json(&session(&state).undo(&argument("request", request)?)?)
}

#[tauri::command]
pub async fn redo(state: State<'_, AppState>, request: Option<Value>) -> ApiResult<Response> {
    json(&session(&state).redo(&argument("request", request)?)?)
}

/// Turns "Show compensation" on or off for the open document: pay is in views only while on.
#[tauri::command]
pub async fn show_compensation(
    state: State<'_, AppState>,
    on: Option<Value>,
    request: Option<Value>,
) -> ApiResult<Response> {
    let on = match on {
        Some(Value::Bool(on)) => on,
        None | Some(Value::Null) => return Err(ApiError::usage("argument \"on\" is missing")),
        Some(_) => return Err(ApiError::usage("argument \"on\" must be true or false")),
    };
    json(&session(&state).set_show_compensation(on, &argument("request", request)?)?)
}

/// Makes the named scenario current.
#[tauri::command]
pub async fn switch_scenario(
    state: State<'_, AppState>,
    name: Option<Value>,
    request: Option<Value>,
) -> ApiResult<Response> {
    let name = text("name", name)?;
    json(&session(&state).switch_scenario(&name, &argument("request", request)?)?)
}

/// Forks the current scenario under a new name and makes the fork current.
#[tauri::command]
pub async fn fork_scenario(
    state: State<'_, AppState>,
    name: Option<Value>,
    request: Option<Value>,
) -> ApiResult<Response> {
    let name = text("name", name)?;
    json(&session(&state).fork(&name, &argument("request", request)?)?)
}

#[tauri::command]
pub async fn rename_scenario(
    state: State<'_, AppState>,
    name: Option<Value>,
    new_name: Option<Value>,
    request: Option<Value>,
) -> ApiResult<Response> {
    let (name, new_name) = (text("name", name)?, text("newName", new_name)?);
    json(&session(&state).rename_scenario(&name, &new_name, &argument("request", request)?)?)
}

#[tauri::command]
pub async fn delete_scenario(
    state: State<'_, AppState>,
    name: Option<Value>,
    request: Option<Value>,
) -> ApiResult<Response> {
    let name = text("name", name)?;
    json(&session(&state).delete_scenario(&name, &argument("request", request)?)?)
}

/// The current scenario against another (default the baseline): people added, removed,
/// moved and changed, and every figure and flag before and after.
#[tauri::command]
pub async fn compare(state: State<'_, AppState>, against: Option<Value>) -> ApiResult<Diff> {
    let against = match against {
        None | Some(Value::Null) => None,
        some => Some(text("against", some)?),
    };
    session(&state).compare(against.as_deref())
}

/// What a swing would do (before/after figures, flags, moves, capacity timeline). Changes nothing.
#[tauri::command]
pub async fn simulate(state: State<'_, AppState>, swing: Option<Value>) -> ApiResult<SwingReport> {
    session(&state).simulate(&required("swing", swing)?)
}

/// Applies a swing as the scenario `into` (forked from the current one when new) and makes it current.
#[tauri::command]
pub async fn apply_swing(
    state: State<'_, AppState>,
    swing: Option<Value>,
    into: Option<Value>,
    request: Option<Value>,
) -> ApiResult<Response> {
    let (swing, into): (Swing, String) = (required("swing", swing)?, text("into", into)?);
    json(&session(&state).apply_swing(&swing, &into, &argument("request", request)?)?)
}

/// A person's role history in the current scenario: their pendulum.
#[tauri::command]
pub async fn history(
    state: State<'_, AppState>,
    person: Option<Value>,
) -> ApiResult<HistoryReport> {
    session(&state).history(&text("person", person)?)
}

/// An export the user picked a file for, refused because a CSV export would replace files
/// beside it; `replace: true` on the next [`export`] call writes it.
#[derive(Debug)]
pub struct PendingExport {
    format: ExportFormat,
    pdf: PdfRequest,
    out: PathBuf,
}

fn file_names(written: &[PathBuf]) -> Vec<String> {
    written
        .iter()
        .map(|p| {
            p.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        })
        .collect()
}

/// Exports the current scenario (PDF report, SVG chart, CSV files, an XLSX workbook or JSON)
/// to a file picked in a save dialog; the names of the files written, or `None` when the user cancels. A CSV
/// export that would replace files beside the chosen one is refused with code `exists`,
/// naming them; calling again with `replace: true` writes that export, replacing them.
#[tauri::command]
pub async fn export<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    format: Option<Value>,
    pdf: Option<Value>,
    replace: Option<Value>,
) -> ApiResult<Option<Vec<String>>> {
    if let Some(Value::Bool(true)) = replace {
        let pending = state
            .pending_export
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
            .ok_or_else(|| ApiError::usage("no export is waiting to replace files"))?;
        let written = session(&state).export(pending.format, &pending.pdf, &pending.out, true)?;
        return Ok(Some(file_names(&written)));
    }
    let format: ExportFormat = scalar("format", format)?;
    let pdf: PdfRequest = argument("pdf", pdf)?;
    let (extensions, kind): (&'static [&'static str], &'static str) = match format {
        ExportFormat::Pdf => (&["pdf"], "PDF report"),
        ExportFormat::Svg => (&["svg"], "SVG chart"),
        ExportFormat::Png => (&["png"], "PNG image"),
        ExportFormat::Csv => (&["csv"], "CSV files"),
        ExportFormat::Xlsx => (&["xlsx"], "Excel workbook"),
        ExportFormat::Json => (&["json"], "Pendulum JSON"),
    };
    let name = session(&state).info()?.name;
    let extension = extensions.first().copied().unwrap_or_default();
    let ask = Ask {
        title: format!("Export the {kind}"),
        filter: (kind, extensions),
        file_name: Some(format!("{name}.{extension}")),
    };
    let Some(out) = state.dialogs.save(app, ask).await? else {
        return Ok(None);
    };
    let written = session(&state).export(format, &pdf, &out, false);
    match written {
        Ok(written) => Ok(Some(file_names(&written))),
        Err(e) => {
            if e.code == ErrorCode::Exists {
                *state
                    .pending_export
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) =
                    Some(PendingExport { format, pdf, out });
            }
            Err(e)
        }
    }
}

/// Reopens the document after another program changed its file (`changed_elsewhere` in
/// [`DocumentInfo`]); this window's own version is kept when theirs replaced it.
#[tauri::command]
pub async fn reload_document(state: State<'_, AppState>) -> ApiResult<pendulum_api::Reloaded> {
    session(&state).reload()
}

/// How many pages a preview draws; the rest are counted.
const PREVIEW_PAGES: usize = 12;

/// The PDF [`export`] would write with these options: page count, page size and the first
/// pages as SVG documents (shown as images, never as HTML).
#[tauri::command]
pub async fn pdf_preview(
    state: State<'_, AppState>,
    pdf: Option<Value>,
) -> ApiResult<pendulum_api::export::PdfPreview> {
    let pdf: PdfRequest = argument("pdf", pdf)?;
    session(&state).pdf_preview(&pdf, PREVIEW_PAGES)
}

/// The current scenario's staffing month by month and its problems ahead (from
/// `request.from`, default the viewed day), and the compared scenario's over the same months.
#[tauri::command]
pub async fn timeline(state: State<'_, AppState>, request: Option<Value>) -> ApiResult<Response> {
    json(&session(&state).timeline(&argument("request", request)?)?)
}

/// The best suggested swings for the flag `request.for` names (or every flag a swing answers),
/// `request.limit` each, on the current scenario as of the viewed day. Changes nothing.
#[tauri::command]
pub async fn suggest(
    state: State<'_, AppState>,
    request: Option<Value>,
) -> ApiResult<Vec<Suggestion>> {
    session(&state).suggest(&argument("request", request)?)
}

/// An answer as JSON text: one serialisation, not a `Value` tree, for a 10k-person view.
fn json<T: serde::Serialize>(answer: &T) -> ApiResult<Response> {
    let text = serde_json::to_string(answer).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("cannot encode the answer: {e}"),
        )
    })?;
    Ok(Response::new(text))
}

/// A `usage` error for an argument serde could not read. Serde quotes the value it met, so
/// each quoted value is cut to 40 characters: a 10 MB argument gets a message saying what
/// is wrong instead of one repeating it.
fn malformed(name: &str, error: &serde_json::Error) -> ApiError {
    const KEEP: usize = 40;
    let mut message = format!("argument {name:?}: ");
    // The quote being read, how many characters of it were seen, and whether the last one
    // was a backslash (serde escapes quotes inside what it quotes).
    let mut quoted: Option<(char, usize, bool)> = None;
    for c in error.to_string().chars() {
        quoted = match quoted {
            None => {
                message.push(c);
                matches!(c, '"' | '`').then_some((c, 0, false))
            }
            Some((q, _, false)) if c == q => {
                message.push(c);
                None
            }
            Some((q, seen, escaped)) => {
                if seen < KEEP {
                    message.push(c);
                } else if seen == KEEP {
                    message.push('…');
                }
                Some((q, seen + 1, !escaped && c == '\\'))
            }
        };
    }
    ApiError::usage(message)
}

/// Reads a plain (non-object) argument, such as an enum's name, into a typed `usage` error.
fn scalar<T: DeserializeOwned>(name: &str, value: Option<Value>) -> ApiResult<T> {
    match value {
        None | Some(Value::Null) => Err(ApiError::usage(format!("argument {name:?} is missing"))),
        Some(v) => serde_json::from_value(v).map_err(|e| malformed(name, &e)),
    }
}

/// Reads a text argument into a typed `usage` error when it is missing, not text, or longer
/// than any name or id a document may hold (which the error would otherwise repeat).
fn text(name: &str, value: Option<Value>) -> ApiResult<String> {
    match value {
        Some(Value::String(s)) if s.len() > MAX_TEXT_BYTES => Err(ApiError::usage(format!(
            "argument {name:?} is {} bytes long, more than the {MAX_TEXT_BYTES} allowed",
            s.len()
        ))),
        Some(Value::String(s)) => Ok(s),
        None | Some(Value::Null) => Err(ApiError::usage(format!("argument {name:?} is missing"))),
        Some(_) => Err(ApiError::usage(format!("argument {name:?} must be text"))),
    }
}

/// Reads an optional request argument, so that a malformed one is a `usage` error like any
/// other rather than Tauri's untyped message; an absent one is the default. Requests are JSON
/// objects (serde would also take an array as a struct).
fn argument<T: DeserializeOwned + Default>(name: &str, value: Option<Value>) -> ApiResult<T> {
    match value {
        None | Some(Value::Null) => Ok(T::default()),
        some => required(name, some),
    }
}

/// Reads a required object argument into a typed `usage` error when it is missing or malformed.
fn required<T: DeserializeOwned>(name: &str, value: Option<Value>) -> ApiResult<T> {
    match value {
        Some(v @ Value::Object(_)) => serde_json::from_value(v).map_err(|e| malformed(name, &e)),
        None | Some(Value::Null) => Err(ApiError::usage(format!("argument {name:?} is missing"))),
        Some(_) => Err(ApiError::usage(format!(
            "argument {name:?} must be an object"
        ))),
    }
}

/// Sorts picked CSVs by what their names say they hold; the first other file is the people
/// file. `None` when nothing was picked.
fn import_files(picked: Option<Vec<PathBuf>>) -> ApiResult<Option<ImportFiles>> {
    let Some(picked) = picked.filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let mut files = ImportFiles::default();
    let mut people = None;
    for path in picked {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        if name.contains("workstream") && files.workstreams.is_none() {
            files.workstreams = Some(path);
        } else if name.contains("allocation") && files.allocations.is_none() {
            files.allocations = Some(path);
        } else if name.contains("band") && files.bands.is_none() {
            files.bands = Some(path);
        } else if name.contains("budget") && files.budgets.is_none() {
            files.budgets = Some(path);
        } else if people.is_none() {
            people = Some(path);
        } else {
            return Err(ApiError::usage(
                "pick one people CSV, plus at most one file named like each of *workstreams*.csv, *allocations*.csv, *bands*.csv and *budgets*.csv",
            ));
        }
    }
    files.people =
        people.ok_or_else(|| ApiError::usage("the people CSV is missing from the picked files"))?;
    Ok(Some(files))
}

#[cfg(test)]
mod tests {
    use super::import_files;
    use std::path::PathBuf;

    #[test]
    fn picked_files_are_sorted_by_their_names() {
        let picked = [
            "Budgets 2027.csv",
            "hr.csv",
            "pay-bands.csv",
            "allocations.csv",
        ]
        .map(PathBuf::from)
        .to_vec();
        let files = import_files(Some(picked))
            .ok()
            .flatten()
            .expect("a people file was picked");
        assert_eq!(files.people, PathBuf::from("hr.csv"));
        assert_eq!(files.bands, Some(PathBuf::from("pay-bands.csv")));
        assert_eq!(files.budgets, Some(PathBuf::from("Budgets 2027.csv")));
        assert_eq!(files.allocations, Some(PathBuf::from("allocations.csv")));
        assert_eq!(files.workstreams, None);
        let two_people = ["a.csv", "b.csv"].map(PathBuf::from).to_vec();
        assert!(import_files(Some(two_people)).is_err());
    }
}
