// No console window on Windows release builds; Linux and macOS ignore this.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = pendulum_app::run() {
        eprintln!("pendulum: {e}");
        std::process::exit(1);
    }
}
