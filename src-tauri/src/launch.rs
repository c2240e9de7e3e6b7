//! Files handed to the app on its command line (a file manager's "Open with", `xdg-open`, the
//! desktop entry's `%F`), and the single instance: a second launch hands its file to the
//! window already running instead of opening a second app that would find the document locked.

use std::path::{Path, PathBuf};

use pendulum_api::ApiError;
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

use crate::{AppState, commands};

/// The file a launch asks to open: the first argument after the program's name, resolved
/// against the launching process's working directory. Further files (`%F` passes every one
/// selected) are named on stderr and left closed: the window shows one document.
pub fn file_argument(args: &[String], cwd: &Path) -> Option<PathBuf> {
    let mut files = args.iter().skip(1).filter(|a| !a.is_empty());
    let first = files.next().map(|f| cwd.join(f));
    for extra in files {
        eprintln!("pendulum: one document at a time; not opening {extra}");
    }
    first
}

/// Opens `file` (a path from a command line, never from the web side): a document as it is, a
/// CSV or spreadsheet imported into the app's data folder first. On failure the current
/// document stays open and the user is told why in a message box.
pub fn open_file<R: Runtime>(app: &AppHandle<R>, file: &Path) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let opened = app
        .path()
        .app_data_dir()
        .map_err(|e| ApiError::usage(format!("no folder for the app's data: {e}")))
        .and_then(|dir| {
            let mut session = state
                .session
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            session.open_or_import(file, &dir.join("imports"))?;
            Ok(session.path().map(Path::to_path_buf))
        });
    match opened {
        Ok(Some(path)) => commands::remember(app, &state, &path),
        Ok(None) => {}
        Err(e) => {
            eprintln!("pendulum: cannot open {}: {e}", file.display());
            app.dialog()
                .message(format!("Pendulum cannot open {}.\n\n{e}", file.display()))
                .title("Cannot open the file")
                .kind(MessageDialogKind::Error)
                .show(|_| {});
        }
    }
}

/// What the running app does when Pendulum is launched again: opens the launch's file, has
/// the page load again (it asks the session for the open document on load), and brings the
/// window to the front.
fn second_launch<R: Runtime>(app: &AppHandle<R>, args: Vec<String>, cwd: String) {
    let window = app.get_webview_window("main");
    if let Some(file) = file_argument(&args, Path::new(&cwd)) {
        open_file(app, &file);
        if let Some(w) = &window
            && let Err(e) = w.reload()
        {
            eprintln!("pendulum: cannot reload the window: {e}");
        }
    }
    if let Some(w) = window {
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}

/// The single-instance plugin, one instance per data folder: the app's documents, recent list
/// and locks live there, so two launches with different `XDG_DATA_HOME` (as the end-to-end
/// tests make) are different apps, and two with the same one are the same app.
pub fn single_instance<R: Runtime>(identifier: &str) -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(bus_name(identifier, &data_home()))
        .callback(second_launch)
        .build()
}

/// Where the platform keeps app data (Tauri's `app_data_dir` is this joined with the app's
/// identifier), following the XDG base directory rules.
fn data_home() -> PathBuf {
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .unwrap_or_else(|| {
            std::env::var_os("HOME")
                .map(PathBuf::from)
                .unwrap_or_default()
                .join(".local/share")
        })
}

/// A D-Bus well-known name for the app in `data_home`: the identifier, then `h` and a 64-bit
/// FNV-1a hash of the folder (name elements may not start with a digit).
pub fn bus_name(identifier: &str, data_home: &Path) -> String {
    let hash = data_home
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    format!("{identifier}.h{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_file_is_resolved_against_the_launching_directory() {
        let args = ["pendulum-app", "plan.pendulum", "other.csv"].map(String::from);
        assert_eq!(
            file_argument(&args, Path::new("/home/d")),
            Some(PathBuf::from("/home/d/plan.pendulum"))
        );
        let absolute = ["pendulum-app", "/tmp/x.csv"].map(String::from);
        assert_eq!(
            file_argument(&absolute, Path::new("/home/d")),
            Some(PathBuf::from("/tmp/x.csv"))
        );
        assert_eq!(
            file_argument(&["pendulum-app".into()], Path::new("/")),
            None
        );
    }

    #[test]
    fn bus_names_differ_by_data_folder_and_are_valid_d_bus_names() {
        let a = bus_name("app.pendulum.desktop", Path::new("/home/d/.local/share"));
        let b = bus_name("app.pendulum.desktop", Path::new("/tmp/e2e-data-4711"));
        assert_ne!(a, b);
        assert_eq!(
            a,
            bus_name("app.pendulum.desktop", Path::new("/home/d/.local/share"))
        );
        for name in [a, b] {
            let last = name.rsplit('.').next().unwrap_or_default();
            assert!(last.starts_with('h') && last.len() == 17, "{name}");
            assert!(name.len() < 255 - ".SingleInstance".len());
        }
    }
}
