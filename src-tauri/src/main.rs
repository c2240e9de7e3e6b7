// No console window on Windows release builds; Linux and macOS ignore this.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // `pendulum-app FILE` opens FILE, as a file manager's "Open with" does.
    let file = std::env::args_os().nth(1).map(std::path::PathBuf::from);
    if let Err(e) = pendulum_app::run(file) {
        eprintln!("pendulum: {e}");
        std::process::exit(1);
    }
}
