//! RELIABILITY S1: a static audit of what the web side may reach — the CSP, the capabilities,
//! the commands and the UI sources. Needs no display and no WebKit at run time.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The quoted names in the first `[...]` after `marker` in `text`.
fn quoted_list(text: &str, marker: &str) -> Vec<String> {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not found"));
    let rest = &text[start..];
    let open = rest.find('[').expect("[");
    let close = rest[open..].find(']').expect("]") + open;
    rest[open + 1..close]
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn app_commands() -> Vec<String> {
    let build = std::fs::read_to_string(root().join("build.rs")).expect("build.rs");
    quoted_list(&build, ".commands(")
}

#[test]
fn csp_is_strict_and_the_global_tauri_object_is_off() {
    let conf = json(&root().join("tauri.conf.json"));
    assert_eq!(conf["app"]["withGlobalTauri"], Value::Bool(false));
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("a CSP is set");
    let text: String = csp
        .iter()
        .map(|(k, v)| format!("{k} {};", v.as_str().unwrap_or("")))
        .collect();
    for banned in [
        "unsafe-eval",
        "unsafe-inline",
        "wasm-unsafe-eval",
        "https:",
        "http:",
        "*",
    ] {
        let hit = text
            .split([' ', ';'])
            .any(|token| token.trim_matches('\'') == banned.trim_matches('\''));
        assert!(!hit, "CSP allows {banned}: {text}");
    }
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    // The only non-'self' source is Tauri's IPC channel.
    assert_eq!(csp["connect-src"], "ipc: http://ipc.localhost");
    assert!(
        conf["build"]["devUrl"].is_null(),
        "a devUrl would load the UI from a server"
    );
}

#[test]
fn one_capability_grants_exactly_the_app_commands_to_the_main_window() {
    let dir = root().join("capabilities");
    let files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("capabilities/")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(files.len(), 1, "one capability file, found {files:?}");
    let cap = json(&files[0]);
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(
        cap.get("remote").is_none(),
        "no remote URL may use the app's commands"
    );
    assert!(cap.get("webviews").is_none());
    let granted: Vec<&str> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("a plain permission"))
        .collect();
    let expected: Vec<String> = app_commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert_eq!(
        granted, expected,
        "the capability grants exactly the declared commands"
    );
    eprintln!("S1: commands exposed: {}", expected.len());
}

#[test]
fn every_handled_command_is_declared_in_the_app_manifest() {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).expect("lib.rs");
    let handled: Vec<String> = quoted_list(&lib, "generate_handler!")
        .into_iter()
        .map(|c| c.trim_start_matches("commands::").to_string())
        .collect();
    assert_eq!(handled, app_commands());
}

#[test]
fn no_shell_or_file_system_plugin() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    for plugin in [
        "tauri-plugin-shell",
        "tauri-plugin-fs",
        "tauri-plugin-http",
        "tauri-plugin-opener",
    ] {
        assert!(
            !manifest.contains(plugin),
            "{plugin} must not be a dependency"
        );
    }
}

#[test]
fn the_ui_renders_no_html_from_data_and_only_its_backend_talks_to_tauri() {
    let src = root().join("../ui/src");
    let mut stack = vec![src.clone()];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("ui/src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let is_source = path.extension().is_some_and(|e| e == "ts" || e == "svelte");
            if !is_source || path.to_string_lossy().ends_with(".test.ts") {
                continue;
            }
            files += 1;
            let text = std::fs::read_to_string(&path).expect("source");
            let shown = path
                .strip_prefix(&src)
                .unwrap_or(&path)
                .display()
                .to_string();
            for banned in [
                "{@html",
                "innerHTML",
                "outerHTML",
                "insertAdjacentHTML",
                "eval(",
                "new Function",
            ] {
                assert!(!text.contains(banned), "{shown} uses {banned}");
            }
            if !shown.starts_with("lib/backend") {
                assert!(
                    !text.contains("@tauri-apps/"),
                    "{shown} imports Tauri outside lib/backend"
                );
            }
        }
    }
    assert!(
        files > 10,
        "only {files} UI sources found under {}",
        src.display()
    );
}
