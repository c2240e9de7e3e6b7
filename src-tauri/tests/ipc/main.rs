//! RELIABILITY S2: every command called with wrong types, missing or unknown fields, huge
//! strings, unknown ids and raw bodies, through Tauri's real IPC path on the mock runtime and
//! the app's real capabilities. Each must answer — with data or a typed `{code, message}` —
//! and never panic.

use pendulum_app::{Dialogs, Session, with_commands};
use pendulum_core::Date;
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody, InvokeResponseBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

mod bounds;

const CODES: [&str; 11] = [
    "usage",
    "bad-input",
    "not-found",
    "exists",
    "not-pendulum",
    "newer-schema",
    "in-use",
    "io",
    "refused",
    "unknown",
    "internal",
];

/// An app on the mock runtime whose demo document lives in a fresh folder of its own.
fn app(name: &str) -> App<MockRuntime> {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("ipc-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    let today = Date::from_ymd(2027, 3, 1).expect("a date");
    let answers = dir.join("dialogs");
    with_commands(
        mock_builder(),
        Session::new(today),
        Some(dir),
        Dialogs::Answered(answers),
    )
    .build(tauri::generate_context!())
    .expect("the app builds on the mock runtime")
}

fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    WebviewWindowBuilder::new(app, label, WebviewUrl::App("index.html".into()))
        .build()
        .expect("a window")
}

fn invoke(w: &WebviewWindow<MockRuntime>, cmd: &str, body: InvokeBody) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body,
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(w, request).map(|body| match body {
        InvokeResponseBody::Json(text) => serde_json::from_str(&text).expect("JSON response"),
        InvokeResponseBody::Raw(bytes) => json!({ "raw_bytes": bytes.len() }),
    })
}

fn call(w: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke(w, cmd, InvokeBody::Json(args))
}

/// An error from one of our commands: `{code, message}` with a known code.
fn assert_typed(result: &Result<Value, Value>, code: &str, case: &str) {
    let err = result.as_ref().err().unwrap_or_else(|| {
        let got: String = format!("{result:?}").chars().take(200).collect();
        panic!("{case}: expected a {code} error, got {got}…")
    });
    assert_eq!(err["code"], code, "{case}: {err}");
    assert!(
        err["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{case}: {err}"
    );
}

#[test]
fn commands_answer_hostile_payloads_with_typed_errors() {
    let app = app("hostile");
    let main = window(&app, "main");
    let mut cases = 0;
    let mut case = |result: Result<Value, Value>| {
        cases += 1;
        result
    };

    // Nothing open yet.
    assert_eq!(case(call(&main, "current", json!({}))), Ok(Value::Null));
    assert_typed(
        &case(call(&main, "view", json!({}))),
        "usage",
        "view before open",
    );

    let doc = case(call(&main, "open_demo", json!({}))).expect("the demo opens");
    assert_eq!(doc["as_of"], "2027-03-01");
    // Extra arguments are ignored by Tauri; the command still works.
    assert!(case(call(&main, "open_demo", json!({ "path": "/etc/passwd" }))).is_ok());
    assert!(case(call(&main, "current", json!({ "x": [1, 2, 3] }))).is_ok());

    let shown = case(call(&main, "view", json!({}))).expect("a view");
    assert!(
        shown["view"]["people"]
            .as_array()
            .is_some_and(|p| p.len() > 80)
    );
    assert_eq!(shown["info"]["name"], "Larkspur demo");
    assert_eq!(shown["diff"], Value::Null);
    assert!(case(call(&main, "view", json!({ "request": null }))).is_ok());
    assert!(case(call(&main, "view", json!({ "request": {} }))).is_ok());

    let huge = "x".repeat(1 << 20);
    let wrong: [(&str, Value); 12] = [
        ("a number", json!({ "request": 5 })),
        ("a string", json!({ "request": "view" })),
        ("an array", json!({ "request": [] })),
        ("a huge string", json!({ "request": huge })),
        (
            "an impossible date",
            json!({ "request": { "as_of": "2027-02-30" } }),
        ),
        (
            "a date of the wrong type",
            json!({ "request": { "as_of": 20270301 } }),
        ),
        ("a huge date", json!({ "request": { "as_of": huge } })),
        (
            "ids of the wrong type",
            json!({ "request": { "collapsed": [1, 2] } }),
        ),
        (
            "ids as a string",
            json!({ "request": { "collapsed": "p-priya" } }),
        ),
        (
            "an unknown field",
            json!({ "request": { "surprise": true } }),
        ),
        (
            "a nested payload",
            json!({ "request": { "collapsed": [["p-priya"]] } }),
        ),
        (
            "a scenario of the wrong type",
            json!({ "request": { "against": 3 } }),
        ),
    ];
    for (what, args) in wrong {
        assert_typed(&case(call(&main, "view", args)), "usage", what);
    }

    // Unknown and huge ids are not errors: a remembered collapse may name anyone.
    let folded = case(call(
        &main,
        "view",
        json!({ "request": { "collapsed": ["nobody", huge, "p-priya"] } }),
    ))
    .expect("unknown ids are ignored");
    // Collapsing the root folds everyone under her, her assistant included.
    assert_eq!(
        folded["view"]["layout"]["nodes"].as_array().map(Vec::len),
        Some(1)
    );
    for far in ["0001-01-01", "9999-12-31"] {
        let v = case(call(&main, "view", json!({ "request": { "as_of": far } })));
        assert!(v.is_ok(), "as of {far}: {v:?}");
    }

    // Edits: malformed ones are usage errors, impossible ones are refused, and nothing is
    // half-applied.
    assert_typed(
        &case(call(&main, "apply_edit", json!({}))),
        "usage",
        "no edit",
    );
    assert_typed(
        &case(call(&main, "apply_edit", json!({ "edit": "move" }))),
        "usage",
        "a string edit",
    );
    let bad_edits: [(&str, Value); 4] = [
        ("an unknown op", json!({ "op": "delete-everything" })),
        (
            "a move without an id",
            json!({ "op": "move-person", "manager": "p-priya" }),
        ),
        (
            "a huge id",
            json!({ "op": "move-person", "id": huge, "manager": null }),
        ),
        (
            "a bad date",
            json!({ "op": "move-person", "id": "p-kenji", "manager": "p-priya", "effective": "soon" }),
        ),
    ];
    for (what, edit) in bad_edits {
        let edit = if what == "a bad date" {
            json!({ "edit": { "edit": { "op": "move-person", "id": "p-kenji", "manager": "p-priya" }, "effective": "soon" } })
        } else {
            json!({ "edit": { "edit": edit } })
        };
        let result = case(call(&main, "apply_edit", edit));
        let err = result.expect_err(what);
        assert!(
            CODES.contains(&err["code"].as_str().unwrap_or("")),
            "{what}: {err}"
        );
    }
    let cycle = json!({ "edit": { "edit": { "op": "move-person", "id": "p-priya", "manager": "p-rachel" } } });
    assert_typed(
        &case(call(&main, "apply_edit", cycle)),
        "refused",
        "a move that makes a cycle",
    );
    let stranger = json!({ "edit": { "edit": { "op": "move-person", "id": "p-kenji", "manager": "nobody" } } });
    let refused =
        case(call(&main, "apply_edit", stranger)).expect_err("a manager who does not exist");
    assert!(
        CODES.contains(&refused["code"].as_str().unwrap_or("")),
        "{refused}"
    );
    let info = case(call(&main, "current", json!({}))).expect("info");
    assert_eq!(
        info["can_undo"], false,
        "refused edits were not saved: {info}"
    );

    let manager_of = |shown: &Value, id: &str| {
        shown["view"]["people"]
            .as_array()
            .and_then(|p| p.iter().find(|p| p["id"] == id))
            .map(|p| p["manager_id"].clone())
    };
    let moved = json!({ "edit": { "edit": { "op": "move-person", "id": "p-kenji", "manager": "p-rachel" } } });
    // An edit, undo and redo each answer with the new view: one round trip.
    let after = case(call(&main, "apply_edit", moved)).expect("a move");
    assert_eq!(after["info"]["can_undo"], true);
    assert_eq!(manager_of(&after, "p-kenji"), Some(json!("p-rachel")));
    let undone = case(call(&main, "undo", json!({}))).expect("undo");
    assert_eq!(undone["info"]["can_redo"], true);
    assert_eq!(manager_of(&undone, "p-kenji"), Some(json!("p-mateus")));
    let folded = json!({ "collapsed": ["p-mateus"] });
    let redone = case(call(&main, "redo", json!({ "request": folded }))).expect("redo");
    assert_eq!(manager_of(&redone, "p-kenji"), Some(json!("p-rachel")));
    assert!(
        redone["view"]["layout"]["nodes"]
            .as_array()
            .is_some_and(|n| !n.iter().any(|n| n["id"] == "p-kenji")),
        "the answer is drawn as the request asks (Mateus folded)"
    );
    assert_typed(
        &case(call(&main, "undo", json!({ "request": "all" }))),
        "usage",
        "a request that is not an object",
    );
    assert_eq!(
        case(call(&main, "current", json!({}))).expect("info")["can_undo"],
        true,
        "a malformed request changes nothing"
    );
    assert!(case(call(&main, "redo", json!({}))).is_ok());
    assert!(case(call(&main, "undo", json!({}))).is_ok());
    // Undo with nothing left is a no-op or a typed error, never a panic.
    match case(call(&main, "undo", json!({}))) {
        Ok(shown) => assert_eq!(shown["info"]["can_undo"], false, "{}", shown["info"]),
        Err(err) => assert!(CODES.contains(&err["code"].as_str().unwrap_or("")), "{err}"),
    }

    // A rule threshold is an edit too: raising the manager span limit clears Rachel's flag.
    let rachel_flagged = |shown: &Value| {
        shown["view"]["flags"].as_array().is_some_and(|f| {
            f.iter()
                .any(|f| f["rule"] == "span-too-wide" && f["subject"]["id"] == "p-rachel")
        })
    };
    assert!(rachel_flagged(
        &case(call(&main, "view", json!({}))).expect("view")
    ));
    let wider = json!({ "edit": { "edit": { "op": "set-rule", "change": { "field": "manager_max_span", "value": 8 } } } });
    assert!(!rachel_flagged(
        &case(call(&main, "apply_edit", wider)).expect("a threshold")
    ));
    let negative = json!({ "edit": { "edit": { "op": "set-rule", "change": { "field": "manager_max_span", "value": -1 } } } });
    let err = case(call(&main, "apply_edit", negative)).expect_err("a negative span");
    assert!(CODES.contains(&err["code"].as_str().unwrap_or("")), "{err}");
    assert!(case(call(&main, "undo", json!({}))).is_ok());

    // Scenarios: fork, edit in the fork, compare with the baseline, rename, switch, delete.
    for (cmd, args) in [
        ("fork_scenario", json!({})),
        ("fork_scenario", json!({ "name": 7 })),
        ("switch_scenario", json!({ "name": ["baseline"] })),
        ("rename_scenario", json!({ "name": "baseline" })),
        ("compare", json!({ "against": { "name": "x" } })),
    ] {
        assert_typed(&case(call(&main, cmd, args)), "usage", cmd);
    }
    assert_typed(
        &case(call(
            &main,
            "switch_scenario",
            json!({ "name": "no such plan" }),
        )),
        "unknown",
        "an unknown scenario",
    );
    let shown = case(call(
        &main,
        "fork_scenario",
        json!({ "name": "Split payments" }),
    ))
    .expect("fork");
    assert_eq!(shown["info"]["scenario"], "Split payments");
    let moved = json!({
        "edit": { "edit": { "op": "move-person", "id": "p-ana", "manager": "p-jonas" } },
        "request": { "against": "baseline" },
    });
    let shown = case(call(&main, "apply_edit", moved)).expect("a move compared");
    assert_eq!(
        shown["diff"]["moved"][0]["person"], "p-ana",
        "{}",
        shown["diff"]
    );
    let diff = case(call(&main, "compare", json!({}))).expect("compare with the baseline");
    assert_eq!(diff, shown["diff"], "the edit's comparison is compare's");
    assert_eq!(diff["moved"][0]["person"], "p-ana", "{diff}");
    assert_eq!(diff["moved"][0]["to"], "p-jonas");
    assert!(diff["metrics"]["max_span"].is_array());
    let shown = case(call(
        &main,
        "rename_scenario",
        json!({ "name": "Split payments", "newName": "Payments split" }),
    ))
    .expect("rename");
    assert_eq!(shown["info"]["scenario"], "Payments split");
    let baseline = case(call(
        &main,
        "switch_scenario",
        json!({ "name": "baseline" }),
    ))
    .expect("switch");
    assert_eq!(baseline["info"]["scenario"], "baseline");
    assert_eq!(manager_of(&baseline, "p-ana"), Some(json!("p-rachel")));
    let shown = case(call(
        &main,
        "delete_scenario",
        json!({ "name": "Payments split" }),
    ))
    .expect("delete");
    assert_eq!(shown["info"]["scenarios"].as_array().map(Vec::len), Some(1));
    let err = case(call(
        &main,
        "delete_scenario",
        json!({ "name": "baseline" }),
    ))
    .expect_err("the baseline stays");
    assert!(CODES.contains(&err["code"].as_str().unwrap_or("")), "{err}");

    // The pendulum: simulate a swing (changes nothing), apply it as a scenario, read history.
    assert_typed(
        &case(call(&main, "simulate", json!({}))),
        "usage",
        "no swing",
    );
    let bad = json!({ "swing": { "person": "p-henrik", "to": "sideways", "date": "2027-03-01" } });
    assert_typed(
        &case(call(&main, "simulate", bad)),
        "usage",
        "an unknown direction",
    );
    let stranger = json!({ "swing": { "person": "nobody", "to": "ic", "date": "2027-03-01" } });
    assert_typed(
        &case(call(&main, "simulate", stranger)),
        "refused",
        "an unknown person",
    );
    let swing = json!({ "person": "p-henrik", "to": "ic", "date": "2027-03-01" });
    let report = case(call(&main, "simulate", json!({ "swing": swing }))).expect("a swing report");
    assert!(
        report["moves"].as_array().is_some_and(|m| !m.is_empty()),
        "{report}"
    );
    assert!(report["timeline"].as_array().is_some_and(|t| t.len() >= 12));
    let managers = |stats: &Value| stats["managers"].as_u64().unwrap_or(0);
    assert_eq!(
        managers(&report["before"]),
        managers(&report["after"]) + 1,
        "{report}"
    );
    let info = case(call(&main, "current", json!({}))).expect("info");
    assert_eq!(info["can_undo"], false, "simulate changed nothing");
    let shown = case(call(
        &main,
        "apply_swing",
        json!({ "swing": swing, "into": "Henrik back to IC" }),
    ))
    .expect("apply");
    assert_eq!(shown["info"]["scenario"], "Henrik back to IC");
    assert_eq!(shown["view"]["scenario"], "Henrik back to IC");
    let history = case(call(&main, "history", json!({ "person": "p-henrik" }))).expect("history");
    assert_eq!(history["role"], "ic", "{history}");
    assert_typed(
        &case(call(&main, "history", json!({ "person": "nobody" }))),
        "unknown",
        "history of nobody",
    );
    assert!(
        case(call(
            &main,
            "switch_scenario",
            json!({ "name": "baseline" })
        ))
        .is_ok()
    );

    // The timeline: the current scenario's, the one compared with alongside, bad requests typed.
    let plan = case(call(
        &main,
        "timeline",
        json!({ "request": { "from": "2027-03-01", "months": 3, "against": "Henrik back to IC" } }),
    ))
    .expect("a timeline");
    assert_eq!(plan["scenario"], "baseline");
    assert_eq!(
        plan["timeline"]["months"],
        json!(["2027-03-01", "2027-04-01", "2027-05-01"])
    );
    assert_eq!(plan["against"], "Henrik back to IC");
    assert_eq!(plan["compared"]["months"], plan["timeline"]["months"]);
    // By default from the day last viewed: 9999-12-31 above, whose 12 months dates cannot name.
    assert_typed(
        &case(call(&main, "timeline", json!({}))),
        "usage",
        "twelve months from 9999-12-31",
    );
    assert!(
        case(call(
            &main,
            "view",
            json!({ "request": { "as_of": "2027-03-01" } })
        ))
        .is_ok()
    );
    assert!(case(call(&main, "timeline", json!({ "request": null }))).is_ok());
    for (what, args) in [
        ("a string", json!({ "request": "soon" })),
        ("no months", json!({ "request": { "months": 0 } })),
        ("too many months", json!({ "request": { "months": 121 } })),
        ("negative months", json!({ "request": { "months": -1 } })),
        ("a bad day", json!({ "request": { "from": "2027-13-01" } })),
        (
            "past the last date",
            json!({ "request": { "from": "9999-12-31", "months": 2 } }),
        ),
        (
            "an unknown field",
            json!({ "request": { "to": "2028-01-01" } }),
        ),
    ] {
        assert_typed(&case(call(&main, "timeline", args)), "usage", what);
    }

    // Confirming an import before any preview is a usage error, not a dialog.
    assert_typed(
        &case(call(&main, "import_confirm", json!({}))),
        "usage",
        "nothing previewed",
    );

    // Export checks its arguments before it opens the save dialog.
    for args in [
        json!({}),
        json!({ "format": "gif" }),
        json!({ "format": 3 }),
        json!({ "format": "pdf", "pdf": { "page": 5 } }),
        json!({ "format": "pdf", "pdf": { "paper": "a4" } }),
        json!({ "format": "pdf", "pdf": "a4" }),
    ] {
        assert_typed(
            &case(call(&main, "export", args.clone())),
            "usage",
            &args.to_string(),
        );
    }

    // A raw (non-JSON) body and an unknown command are refused by Tauri itself.
    assert!(case(invoke(&main, "view", InvokeBody::Raw(vec![0xff; 64]))).is_err());
    assert!(
        case(call(
            &main,
            "plugin:shell|execute",
            json!({ "program": "sh" })
        ))
        .is_err()
    );
    assert!(case(call(&main, "delete_everything", json!({}))).is_err());

    eprintln!("S2: {cases} cases, 0 panics");
}

/// The file commands, with the dialogs answered from a folder (the same code path a real
/// dialog's answer takes): new, open, recent, reset the demo, export.
#[test]
fn file_commands_go_through_the_dialogs_and_keep_a_recent_list() {
    let app = app("files");
    let main = window(&app, "main");
    let data = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("ipc-files");
    let answers = data.join("dialogs");
    std::fs::create_dir_all(&answers).expect("the answers folder");

    assert_eq!(call(&main, "recent_documents", json!({})), Ok(json!([])));
    // No answer written: the open dialog was cancelled.
    assert_eq!(call(&main, "open_document", json!({})), Ok(Value::Null));

    let info = call(&main, "new_document", json!({})).expect("a new document");
    assert_eq!(info["name"], "Untitled");
    let shown = call(&main, "view", json!({})).expect("its view");
    let view = &shown["view"];
    let people = view["people"].as_array().expect("people");
    assert_eq!(people.len(), 1, "{view}");
    assert_eq!(people[0]["name"], "Head of the org");
    assert_eq!(view["key_dates"], json!([]));
    assert!(answers.join("Untitled.pendulum").is_file());
    let recent = call(&main, "recent_documents", json!({})).expect("the list");
    assert_eq!(recent[0]["name"], "Untitled", "{recent}");
    assert!(
        recent[0]["location"]
            .as_str()
            .is_some_and(|l| l.ends_with("ipc-files/dialogs")),
        "{recent}"
    );
    assert_eq!(recent.as_array().map(Vec::len), Some(1));

    // The demo is not a recent document; the new one opens again from the list.
    call(&main, "open_demo", json!({})).expect("the demo");
    let move_kenji = json!({ "edit": { "edit": { "op": "move-person", "id": "p-kenji", "manager": "p-priya" } } });
    let moved = call(&main, "apply_edit", move_kenji).expect("an edit");
    assert_eq!(moved["info"]["can_undo"], true);
    let reset = call(&main, "reset_demo", json!({})).expect("the demo starts over");
    assert_eq!(reset["can_undo"], false, "{reset}");
    assert_eq!(reset["as_of"], "2027-03-01");
    let reopened = call(&main, "open_recent", json!({ "index": 0 })).expect("open recent");
    assert_eq!(reopened["name"], "Untitled");
    assert_typed(
        &call(&main, "open_recent", json!({ "index": 7 })),
        "not-found",
        "past the list",
    );
    for bad in [json!({}), json!({ "index": "0" }), json!({ "index": -1 })] {
        assert_typed(
            &call(&main, "open_recent", bad.clone()),
            "usage",
            &bad.to_string(),
        );
    }

    // Opening through the dialog: the answered path goes through the same checks.
    let demo = data.join(pendulum_api::session::DEMO_FILE_NAME);
    std::fs::write(answers.join("open.txt"), format!("{}\n", demo.display())).expect("answer");
    let opened = call(&main, "open_document", json!({})).expect("open");
    assert_eq!(opened["name"], "Larkspur demo");
    assert!(!answers.join("open.txt").exists(), "an answer is used once");
    let names: Vec<Value> = call(&main, "recent_documents", json!({}))
        .expect("the list")
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| d["name"].clone())
        .collect();
    assert_eq!(names, [json!("Larkspur demo"), json!("Untitled")]);
    let notes = answers.join("notes.pendulum");
    std::fs::write(&notes, "not a document").expect("a text file");
    std::fs::write(answers.join("open.txt"), notes.display().to_string()).expect("answer");
    assert_typed(
        &call(&main, "open_document", json!({})),
        "not-pendulum",
        "a text file named .pendulum",
    );
    let still = call(&main, "current", json!({})).expect("current");
    assert_eq!(
        still["name"], "Larkspur demo",
        "a failed open keeps what was open"
    );

    // A document that has gone is taken off the list.
    std::fs::remove_file(answers.join("Untitled.pendulum")).expect("remove");
    assert_typed(
        &call(&main, "open_recent", json!({ "index": 1 })),
        "not-found",
        "a removed document",
    );
    assert_eq!(
        call(&main, "recent_documents", json!({})).map(|l| l.as_array().map(Vec::len)),
        Ok(Some(1))
    );

    // The preview counts the pages the export writes and draws the first ones.
    let preview = call(
        &main,
        "pdf_preview",
        json!({ "pdf": { "page": "a3", "landscape": true } }),
    )
    .expect("preview");
    let pages = preview["pages"].as_u64().expect("a page count");
    assert!(pages >= 3, "{}", preview["pages"]);
    let svgs = preview["svgs"].as_array().expect("pages as SVG");
    assert_eq!(svgs.len() as u64, pages.min(12));
    assert!(
        svgs.iter()
            .all(|s| s.as_str().is_some_and(|s| s.starts_with("<svg")))
    );
    assert_eq!(preview["width"], 1190.55, "A3 landscape");
    for bad in [
        json!({ "pdf": { "page": "a5" } }),
        json!({ "pdf": { "break_every_levels": 0 } }),
        json!({ "pdf": { "surprise": 1 } }),
        json!({ "pdf": [] }),
    ] {
        assert_typed(
            &call(&main, "pdf_preview", bad.clone()),
            "usage",
            &bad.to_string(),
        );
    }
    assert_typed(
        &call(&main, "pdf_preview", json!({ "pdf": { "root": "nobody" } })),
        "unknown",
        "an unknown root",
    );
    let png = call(&main, "export", json!({ "format": "png" })).expect("a PNG");
    assert_eq!(png, json!(["Larkspur demo.png"]));
    let png = std::fs::read(answers.join("Larkspur demo.png")).expect("the PNG");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));

    // Export writes where the save dialog answered.
    let written = call(&main, "export", json!({ "format": "pdf" })).expect("a PDF");
    assert_eq!(written, json!(["Larkspur demo.pdf"]));
    let pdf = std::fs::read(answers.join("Larkspur demo.pdf")).expect("the PDF");
    assert!(pdf.starts_with(b"%PDF-"));
}

/// Every command the app declares, read from build.rs's app manifest: tests that must reach
/// every command are generated from this list, not hand-kept.
fn app_commands() -> Vec<String> {
    let build =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs"))
            .expect("build.rs");
    let start = build.find(".commands(").expect("the command list");
    let rest = &build[start..];
    let open = rest.find('[').expect("[");
    let close = rest[open..].find(']').expect("]") + open;
    rest[open + 1..close]
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn only_the_main_window_may_call_the_commands() {
    let app = app("acl");
    let other = window(&app, "other");
    for cmd in app_commands() {
        let refused = call(&other, &cmd, json!({}));
        let err = refused.expect_err("a window without a capability is refused");
        assert!(
            !CODES.contains(&err["code"].as_str().unwrap_or("")),
            "{cmd} ran for a window without a capability: {err}"
        );
        assert!(
            err.as_str().is_some_and(|m| m.contains("not allowed")),
            "{cmd}: {err}"
        );
    }
}
