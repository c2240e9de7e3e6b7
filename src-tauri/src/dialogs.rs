//! The file dialogs, opened on the Rust side so the web UI never handles a path.
//!
//! End-to-end tests cannot drive GTK's native dialogs through WebDriver, so a debug build
//! started with `PENDULUM_E2E_DIALOGS=<dir>` answers them from that folder instead (a save
//! dialog answers `<dir>/<suggested name>`; an open dialog answers the paths listed in
//! `<dir>/open.txt`, which it then deletes). Everything after the answer is the code a real
//! dialog's answer goes through. Release builds never read the variable.

use std::path::{Path, PathBuf};

use pendulum_api::{ApiError, ApiResult, ErrorCode};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder, FilePath};

/// The environment variable a debug build reads (see the module docs).
pub const ANSWERS_VAR: &str = "PENDULUM_E2E_DIALOGS";

/// Who answers the file dialogs.
#[derive(Clone, Debug)]
pub enum Dialogs {
    /// The platform's own dialogs.
    Native,
    /// Answers from a folder, for tests.
    Answered(PathBuf),
}

impl Dialogs {
    /// Native, unless this is a debug build started with [`ANSWERS_VAR`] set.
    pub fn from_env() -> Dialogs {
        #[cfg(debug_assertions)]
        if let Some(dir) = std::env::var_os(ANSWERS_VAR).filter(|d| !d.is_empty()) {
            eprintln!(
                "pendulum: {ANSWERS_VAR} is set: file dialogs are answered from {}",
                Path::new(&dir).display()
            );
            return Dialogs::Answered(PathBuf::from(dir));
        }
        Dialogs::Native
    }
}

/// What a dialog asks for.
#[derive(Clone, Debug)]
pub struct Ask {
    pub title: String,
    /// The filter's name and its extensions.
    pub filter: (&'static str, &'static [&'static str]),
    /// A save dialog's suggested file name.
    pub file_name: Option<String>,
}

impl Dialogs {
    /// A save dialog; `None` when the user cancels.
    pub async fn save<R: Runtime>(
        &self,
        app: AppHandle<R>,
        ask: Ask,
    ) -> ApiResult<Option<PathBuf>> {
        match self {
            Dialogs::Answered(dir) => Ok(Some(
                dir.join(ask.file_name.as_deref().unwrap_or("Untitled")),
            )),
            Dialogs::Native => {
                let picked = blocking(move || native(&app, ask).blocking_save_file()).await?;
                picked.map(into_path).transpose()
            }
        }
    }

    /// An open dialog for one file; `None` when the user cancels.
    pub async fn open<R: Runtime>(
        &self,
        app: AppHandle<R>,
        ask: Ask,
    ) -> ApiResult<Option<PathBuf>> {
        match self {
            Dialogs::Answered(dir) => Ok(answers(dir)?.into_iter().next()),
            Dialogs::Native => {
                let picked = blocking(move || native(&app, ask).blocking_pick_file()).await?;
                picked.map(into_path).transpose()
            }
        }
    }

    /// An open dialog for several files; `None` when the user cancels.
    pub async fn open_many<R: Runtime>(
        &self,
        app: AppHandle<R>,
        ask: Ask,
    ) -> ApiResult<Option<Vec<PathBuf>>> {
        match self {
            Dialogs::Answered(dir) => {
                let picked = answers(dir)?;
                Ok((!picked.is_empty()).then_some(picked))
            }
            Dialogs::Native => {
                let picked = blocking(move || native(&app, ask).blocking_pick_files()).await?;
                picked
                    .map(|paths| paths.into_iter().map(into_path).collect())
                    .transpose()
            }
        }
    }
}

/// The platform's dialog, titled and filtered as asked.
fn native<R: Runtime>(app: &AppHandle<R>, ask: Ask) -> FileDialogBuilder<R> {
    let dialog = app
        .dialog()
        .file()
        .set_title(ask.title)
        .add_filter(ask.filter.0, ask.filter.1);
    match ask.file_name {
        Some(name) => dialog.set_file_name(name),
        None => dialog,
    }
}

/// The paths a test wrote into `<dir>/open.txt`, one per line; the file is used up.
fn answers(dir: &Path) -> ApiResult<Vec<PathBuf>> {
    let file = dir.join("open.txt");
    let text = match std::fs::read_to_string(&file) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ApiError::io(&file, "read it", &e)),
    };
    std::fs::remove_file(&file).map_err(|e| ApiError::io(&file, "remove it", &e))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(PathBuf::from)
        .collect())
}

/// Runs a blocking native dialog off the async workers (the dialog itself lives on the main
/// thread).
async fn blocking<T: Send + 'static>(show: impl FnOnce() -> T + Send + 'static) -> ApiResult<T> {
    tauri::async_runtime::spawn_blocking(show)
        .await
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("the dialog failed: {e}")))
}

fn into_path(p: FilePath) -> ApiResult<PathBuf> {
    p.into_path()
        .map_err(|e| ApiError::new(ErrorCode::Io, format!("cannot use the picked file: {e}")))
}
