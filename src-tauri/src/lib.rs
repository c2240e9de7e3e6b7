//! Pendulum's desktop shell. Every command is a one-line adapter over [`pendulum_api::Session`];
//! errors cross IPC as the api's `{code, message}`.
//!
//! Architecture Invariant: the web side never sees or sends a file path. Files are picked in
//! native dialogs opened here, and only the chosen path reaches the api.

mod commands;
pub mod dialogs;
pub mod launch;

use std::path::PathBuf;
use std::sync::Mutex;

pub use dialogs::Dialogs;
pub use pendulum_api::Session;

/// The session every command works on: one per app, behind a lock because commands run on
/// Tauri's async worker threads.
pub struct AppState {
    pub session: Mutex<Session>,
    /// CSV files previewed and waiting for the user to confirm the import.
    pub pending_import: Mutex<Option<pendulum_api::ImportFiles>>,
    /// A newer HR export previewed against the open document, waiting for the user to
    /// apply it.
    pub pending_update: Mutex<Option<pendulum_api::ImportFiles>>,
    /// An export refused because files it writes beside the chosen one exist, waiting for
    /// the user to confirm replacing them.
    pub pending_export: Mutex<Option<commands::PendingExport>>,
    /// Where the demo document and the recent list live; `None`: the platform's app data
    /// folder.
    pub data_dir: Option<PathBuf>,
    /// Who answers the file dialogs.
    pub dialogs: Dialogs,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("data_dir", &self.data_dir)
            .field("dialogs", &self.dialogs)
            .finish_non_exhaustive()
    }
}

/// Adds the app's state and commands to a builder (any runtime, so tests can use the mock one).
pub fn with_commands<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    session: Session,
    data_dir: Option<PathBuf>,
    dialogs: Dialogs,
) -> tauri::Builder<R> {
    builder
        .manage(AppState {
            session: Mutex::new(session),
            pending_import: Mutex::new(None),
            pending_update: Mutex::new(None),
            pending_export: Mutex::new(None),
            data_dir,
            dialogs,
        })
        .invoke_handler(tauri::generate_handler![
            commands::current,
            commands::open_demo,
            commands::reset_demo,
            commands::new_document,
            commands::open_document,
            commands::recent_documents,
            commands::open_recent,
            commands::import_preview,
            commands::import_confirm,
            commands::view,
            commands::apply_edit,
            commands::undo,
            commands::redo,
            commands::show_compensation,
            commands::switch_scenario,
            commands::fork_scenario,
            commands::rename_scenario,
            commands::delete_scenario,
            commands::compare,
            commands::simulate,
            commands::apply_swing,
            commands::history,
            commands::export,
            commands::pdf_preview,
            commands::reload_document,
            commands::update_preview,
            commands::update_apply,
            commands::undo_update,
            commands::drop_edit,
            commands::timeline,
            commands::suggest,
        ])
}

/// A session on today's date with nothing open yet.
pub fn session() -> Session {
    Session::new(commands::today())
}

/// Builds and runs the app until its last window closes.
pub fn run(file: Option<PathBuf>) -> tauri::Result<()> {
    let context = tauri::generate_context!();
    // First, so a second launch hands over its file and exits before anything else starts.
    let single = launch::single_instance(&context.config().identifier);
    let builder = tauri::Builder::default()
        .plugin(single)
        .plugin(tauri_plugin_dialog::init())
        .setup(move |app| {
            if let Some(file) = &file {
                launch::open_file(app.handle(), file);
            }
            Ok(())
        });
    with_commands(builder, session(), None, Dialogs::from_env()).run(context)
}
