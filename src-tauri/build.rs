// Declaring the commands in the app manifest makes each one need an explicit permission
// (capabilities/main.json); without it every command is open to every window.
fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "current",
            "open_demo",
            "reset_demo",
            "new_document",
            "open_document",
            "recent_documents",
            "open_recent",
            "import_preview",
            "import_confirm",
            "view",
            "apply_edit",
            "undo",
            "redo",
            "show_compensation",
            "switch_scenario",
            "fork_scenario",
            "rename_scenario",
            "delete_scenario",
            "compare",
            "simulate",
            "apply_swing",
            "history",
            "export",
            "pdf_preview",
            "reload_document",
            "update_preview",
            "update_apply",
            "undo_update",
            "drop_edit",
            "timeline",
            "suggest",
        ]),
    ))
    .unwrap_or_else(|e| panic!("tauri-build: {e:#}"));
}
