//! The IPC commands. Each is declared in build.rs and granted in capabilities/main.json.

use std::path::PathBuf;
use std::sync::MutexGuard;

use pendulum_api::{ApiError, ApiResult, ErrorCode};
use pendulum_core::Date;
use serde::de::DeserializeOwned;
use serde_json::Value;
use tauri::ipc::Response;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::AppState;
use crate::session::{DocumentInfo, OrgView, Session, ViewRequest};

/// The shell is the one place that reads the clock: the api and core take dates as inputs.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days_since_epoch(i32::try_from(secs / 86_400).unwrap_or(0))
}

fn session<'a>(state: &'a State<'_, AppState>) -> ApiResult<MutexGuard<'a, Session>> {
    // A panic while holding the lock is a bug, but the session inside is still the last
    // consistent one (the api never leaves it half-changed), so keep serving it.
    Ok(state
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner))
}

#[tauri::command]
pub async fn current(state: State<'_, AppState>) -> ApiResult<Option<DocumentInfo>> {
    Ok(session(&state)?.current())
}

#[tauri::command]
pub async fn open_demo(state: State<'_, AppState>) -> ApiResult<DocumentInfo> {
    session(&state)?.open_demo()
}

/// Shows the native open dialog; `None` when the user cancels.
#[tauri::command]
pub async fn open_document<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> ApiResult<Option<DocumentInfo>> {
    let Some(path) = pick_file(app).await? else {
        return Ok(None);
    };
    session(&state)?.open(&path).map(Some)
}

/// The view as JSON text: serialised once, under the lock, because it borrows the session's org.
#[tauri::command]
pub async fn view(state: State<'_, AppState>, request: Option<Value>) -> ApiResult<Response> {
    let request: ViewRequest = argument("request", request)?;
    let session = session(&state)?;
    let view: OrgView<'_> = session.view(&request)?;
    let json = serde_json::to_string(&view)
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("cannot encode the view: {e}")))?;
    Ok(Response::new(json))
}

/// Reads a request argument, so that a malformed one is a `usage` error like any other rather
/// than Tauri's untyped message; an absent one is the default. Requests are JSON objects (serde
/// would also take an array as a struct).
fn argument<T: DeserializeOwned + Default>(name: &str, value: Option<Value>) -> ApiResult<T> {
    match value {
        None | Some(Value::Null) => Ok(T::default()),
        Some(v @ Value::Object(_)) => serde_json::from_value(v)
            .map_err(|e| ApiError::usage(format!("argument {name:?}: {e}"))),
        Some(_) => Err(ApiError::usage(format!(
            "argument {name:?} must be an object"
        ))),
    }
}

async fn pick_file<R: Runtime>(app: AppHandle<R>) -> ApiResult<Option<PathBuf>> {
    // The blocking picker runs off the async workers; the dialog itself lives on the main thread.
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title("Open an org")
            .add_filter(
                "Pendulum documents, JSON exports, people CSV",
                &["pendulum", "json", "csv"],
            )
            .blocking_pick_file()
    })
    .await
    .map_err(|e| ApiError::new(ErrorCode::Internal, format!("the open dialog failed: {e}")))?;
    picked
        .map(|p| {
            p.into_path().map_err(|e| {
                ApiError::new(ErrorCode::Io, format!("cannot use the picked file: {e}"))
            })
        })
        .transpose()
}
