//! Pendulum's desktop shell. Every command is a one-line adapter over [`pendulum_api::Session`];
//! errors cross IPC as the api's `{code, message}`.
//!
//! Architecture Invariant: the web side never sees or sends a file path. Files are picked in
//! native dialogs opened here, and only the chosen path reaches the api.

mod commands;
mod session;

use std::path::PathBuf;
use std::sync::Mutex;

pub use session::Session;

/// The session every command works on: one per app, behind a lock because commands run on
/// Tauri's async worker threads.
pub struct AppState(pub Mutex<Session>);

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AppState")
    }
}

/// Adds the app's state and commands to a builder (any runtime, so tests can use the mock one).
pub fn with_commands<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    session: Session,
) -> tauri::Builder<R> {
    builder
        .manage(AppState(Mutex::new(session)))
        .invoke_handler(tauri::generate_handler![
            commands::current,
            commands::open_demo,
            commands::open_document,
            commands::view,
        ])
}

/// A session on today's date with `file` open when given (a path from the command line, never
/// from the web side).
pub fn session(file: Option<PathBuf>) -> Session {
    let mut session = Session::new(commands::today());
    if let Some(path) = file
        && let Err(e) = session.open(&path)
    {
        // The window still opens (on the demo), so the user is not left with nothing.
        eprintln!("pendulum: cannot open {}: {e}", path.display());
    }
    session
}

/// Builds and runs the app until its last window closes.
pub fn run(file: Option<PathBuf>) -> tauri::Result<()> {
    let builder = tauri::Builder::default().plugin(tauri_plugin_dialog::init());
    with_commands(builder, session(file)).run(tauri::generate_context!())
}
