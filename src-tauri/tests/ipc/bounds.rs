//! RELIABILITY S2, bounds: every command given oversized and deeply nested arguments.

use serde_json::{Value, json};
use tauri::ipc::InvokeBody;

use super::{CODES, app, app_commands, call, invoke, window};

/// The files in the app's data folder with their contents, except SQLite's shared-memory
/// index (`-shm`), which every open of a document rebuilds without writing anything in it.
fn folder_state(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| !name.ends_with("-shm"))
                .map(|name| {
                    let bytes = std::fs::read(dir.join(&name)).unwrap_or_default();
                    (name, bytes)
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Each command's arguments as the web UI names them (camelCase), read from the
/// `#[tauri::command]` functions of `src/commands.rs`: the JSON arguments are those of type
/// `Option<Value>`, so a new command or argument is covered without editing this test.
fn command_arguments() -> std::collections::BTreeMap<String, Vec<String>> {
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands.rs"),
    )
    .expect("commands.rs");
    let mut out = std::collections::BTreeMap::new();
    for item in source.split("#[tauri::command]").skip(1) {
        let Some(rest) = item.trim_start().strip_prefix("pub async fn ") else {
            continue;
        };
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let open = rest.find('(').expect("(");
        let close = rest.find(") ->").expect(") ->");
        let arguments = rest[open + 1..close]
            .split(',')
            .filter_map(|param| {
                let (arg, ty) = param.split_once(':')?;
                (ty.trim() == "Option<Value>").then(|| camel_case(arg.trim()))
            })
            .collect();
        out.insert(name, arguments);
    }
    out
}

/// `new_name` → `newName`, as Tauri names command arguments on the JavaScript side.
fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// JSON text nested `depth` deep: arrays and `{"edit": …}` objects in turn, built without
/// recursion.
fn nested_text(depth: usize) -> String {
    let mut text = String::with_capacity(depth * 10);
    for level in 0..depth {
        text.push_str(if level % 2 == 0 { "[" } else { "{\"edit\":" });
    }
    text.push_str("\"bottom\"");
    for level in (0..depth).rev() {
        text.push(if level % 2 == 0 { ']' } else { '}' });
    }
    text
}

/// The IPC layer's own reading of a body: Tauri parses every JSON request body with
/// `serde_json::from_slice` (its `ipc/protocol.rs`) before any command runs.
fn ipc_parse(body: &str) -> Result<Value, serde_json::Error> {
    serde_json::from_slice::<Value>(body.as_bytes())
}

/// The error of a call given hostile arguments: typed, and short enough to read (it says
/// what is wrong instead of repeating the payload).
fn assert_refused_clearly(err: &Value, case: &str) {
    let code = err["code"].as_str().unwrap_or("");
    assert!(CODES.contains(&code), "{case}: untyped {err:.200}");
    let message = err["message"].as_str().unwrap_or("");
    assert!(
        !message.is_empty() && message.len() <= 1_000,
        "{case}: a message of {} bytes: {:.200}",
        message.len(),
        message
    );
}

/// RELIABILITY S2, bounds: every command (from the manifest) gets all of its JSON arguments
/// (from its signature) set at once to a 10 MB string, a batch of 20,000 edits, batches
/// nested as deep as a body may be, or the deepest JSON the IPC layer lets through, so a
/// refusal can only come from the hostile value; a command without arguments gets the value
/// under a name it does not read. Then a raw 10 MB body. Every call answers; an oversized
/// argument is refused with a typed, short error; nothing in the data folder is written (the
/// demo reset, which writes by design, is called last). A body nested 10,000 deep never
/// reaches a command: the IPC layer refuses it while parsing, checked once.
#[test]
fn every_command_refuses_huge_and_deep_arguments_clearly_without_writing() {
    let app = app("bounds");
    let main = window(&app, "main");
    call(&main, "open_demo", json!({})).expect("the demo opens");
    let data = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ipc-bounds");
    let before = folder_state(&data);

    // The deepest body serde_json parses (its limit is 128 levels), and one far deeper.
    let deepest = (1..=1_000)
        .take_while(|d| ipc_parse(&nested_text(*d)).is_ok())
        .last()
        .expect("some depth parses");
    let refused_deep = ipc_parse(&nested_text(10_000)).expect_err("10,000 levels are refused");
    assert!(
        refused_deep.to_string().contains("recursion limit"),
        "{refused_deep}"
    );
    // One level less than the deepest, as the body wraps it in `{"argument": …}`.
    let deep = ipc_parse(&nested_text(deepest - 1)).expect("parses");
    let leaf = json!({ "op": "update-person", "id": "p-kenji", "change": { "field": "title", "value": "T" } });
    let huge_batch =
        json!({ "edit": { "op": "batch", "label": "huge", "edits": vec![leaf.clone(); 20_000] } });
    // Each batch level is three JSON levels: {"op": "batch", "edits": [ … ]}.
    let mut nested_batch = leaf;
    for _ in 0..(deepest - 4) / 3 {
        nested_batch = json!({ "op": "batch", "label": "deep", "edits": [nested_batch] });
    }
    let nested_batch = json!({ "edit": nested_batch });
    let big = Value::String("x".repeat(10 << 20));
    let raw = vec![b'x'; 10 << 20];
    // Whether every argument must refuse it: an object holding a batch is an edit only to
    // `apply_edit`; a command reading a request object ignores its unknown `edit` field.
    let payloads: [(&str, &Value, bool); 4] = [
        ("a 10 MB string", &big, true),
        ("a 20,000-edit batch", &huge_batch, false),
        ("nested batches", &nested_batch, false),
        ("the deepest JSON a body may hold", &deep, true),
    ];

    let arguments = command_arguments();
    let mut commands = app_commands();
    commands.retain(|c| c != "reset_demo");
    commands.push("reset_demo".into());
    let (mut cases, mut refused) = (0, 0);
    let mut slowest = (std::time::Duration::ZERO, String::new());
    for cmd in &commands {
        let names = arguments
            .get(cmd)
            .unwrap_or_else(|| panic!("{cmd} is declared in build.rs but not in commands.rs"));
        if cmd == "reset_demo" {
            assert!(folder_state(&data) == before, "nothing was written");
        }
        for (what, value, hostile_to_all) in payloads {
            let mut body = serde_json::Map::new();
            for name in names.iter().map(String::as_str) {
                body.insert(name.to_string(), value.clone());
            }
            if names.is_empty() {
                body.insert("unused".into(), value.clone());
            }
            cases += 1;
            let started = std::time::Instant::now();
            let result = call(&main, cmd, Value::Object(body));
            if started.elapsed() > slowest.0 {
                slowest = (started.elapsed(), format!("{cmd} with {what}"));
            }
            match result {
                Err(err) => {
                    refused += 1;
                    assert_refused_clearly(&err, &format!("{cmd} with {what}"));
                }
                Ok(_) => assert!(
                    names.is_empty() || !hostile_to_all,
                    "{cmd} accepted {what} as {names:?}"
                ),
            }
        }
        // A bytes body: Tauri itself refuses it for a command that reads arguments; one
        // without arguments runs as usual.
        cases += 1;
        if let Err(err) = invoke(&main, cmd, InvokeBody::Raw(raw.clone())) {
            refused += 1;
            if names.is_empty() {
                assert_refused_clearly(&err, &format!("{cmd} with a raw body"));
            } else {
                assert!(
                    err.as_str().is_some_and(|e| e.contains("bytes payload")),
                    "{cmd} with a raw body: {err:.200}"
                );
            }
        }
    }
    let info = call(&main, "current", json!({})).expect("still answering");
    assert_eq!(info["can_undo"], false, "no edit was saved: {info}");
    eprintln!(
        "S2 bounds: {} commands, {cases} calls, {refused} refused, 0 panics, 0 writes; JSON \
         deeper than {deepest} levels refused by the IPC layer; slowest call {:.1?} ({})",
        commands.len(),
        slowest.0,
        slowest.1,
    );
}
