//! File → "Update from HR export…" in the real app: the preview equals what `pendulum update
//! --dry-run` computes for the same document and export; applying makes the export the
//! baseline; undoing puts the demo back, as the document's history on disk says.

use super::flags::demo_document;
use super::*;

/// The demo's people a month later: Tom Brennan (p-tom) has left, Diego Fernández has a new
/// title, and Noor Haddad joined under Rachel Goldberg. Returns the people, workstreams and
/// allocations files.
fn newer_export(dir: &Path) -> [PathBuf; 3] {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/demo");
    let people = std::fs::read_to_string(demo.join("people.csv")).expect("the demo's people");
    let header = people.lines().next().expect("a header").to_string();
    let columns = header.split(',').count();
    let mut newer: Vec<String> = people
        .lines()
        .filter(|l| !l.starts_with("p-tom,"))
        .map(|l| {
            l.replace(
                "p-diego,Diego Fernández,Software Engineer II,",
                "p-diego,Diego Fernández,Senior Software Engineer,",
            )
        })
        .collect();
    // id,name,title,manager_id,role,team,level,status,start_date, then empty to the end.
    let mut noor = vec![
        "p-noor",
        "Noor Haddad",
        "Software Engineer",
        "p-rachel",
        "",
        "Payments",
        "L3",
        "active",
        "2027-02-01",
    ];
    noor.resize(columns, "");
    newer.push(noor.join(","));
    let allocations: String = std::fs::read_to_string(demo.join("allocations.csv"))
        .expect("the demo's allocations")
        .lines()
        .filter(|l| !l.starts_with("p-tom,"))
        .map(|l| format!("{l}\n"))
        .collect();
    let files = [
        dir.join("people-2027-03.csv"),
        dir.join("workstreams-2027-03.csv"),
        dir.join("allocations-2027-03.csv"),
    ];
    std::fs::write(&files[0], newer.join("\n") + "\n").expect("write people");
    std::fs::copy(demo.join("workstreams.csv"), &files[1]).expect("write workstreams");
    std::fs::write(&files[2], allocations).expect("write allocations");
    files
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_update_from_an_hr_export_is_previewed_applied_and_undone() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    let files = newer_export(&app.dialogs);
    let answer: String = files
        .iter()
        .map(|f| format!("{}\n", f.to_str().expect("a UTF-8 temp path")))
        .collect();
    std::fs::write(app.dialogs.join("open.txt"), answer).expect("answer the open dialog");

    let out = app
        .journey(
            60,
            "preview the update",
            r#"await until(() => document.querySelector('.card'), 'the chart');
            await fileMenu('Update from HR export');
            const dialog = await until(() => document.querySelector('[role=dialog][aria-labelledby=update-title]'), 'the update preview');
            return {
              counts: dialog.querySelector('.counts').textContent.replace(/\s+/g, ' ').trim(),
              conflicts: dialog.querySelectorAll('.conflicts li').length,
              changed: [...dialog.querySelectorAll('.changed li')].map((li) => li.textContent.trim()),
            };"#,
        )
        .await;
    eprintln!("e2e: update preview: {out}");

    // The same preview through the API the CLI uses, on the same document and files.
    let document = demo_document(&app.data);
    let export = pendulum_api::OrgSource {
        path: files[0].clone(),
        workstreams: Some(files[1].clone()),
        allocations: Some(files[2].clone()),
        ..pendulum_api::OrgSource::default()
    };
    let today = pendulum_api::today::local_today();
    let expected = pendulum_api::update::update_preview(&document, &export, today)
        .expect("pendulum update --dry-run on the app's document");
    assert_eq!(expected.joined.len(), 1);
    assert_eq!(expected.left.len(), 1);
    assert_eq!(
        out["counts"],
        json!(format!(
            "{} joined · {} left · {} moved · {} field{} changed",
            expected.joined.len(),
            expected.left.len(),
            expected.moved.len(),
            expected.changed.len(),
            if expected.changed.len() == 1 { "" } else { "s" }
        )),
        "the dialog's counts differ from pendulum update --dry-run: {out}"
    );
    assert_eq!(out["conflicts"], json!(expected.conflicts.len()));
    assert!(
        out["changed"]
            .to_string()
            .contains("Senior Software Engineer"),
        "{out}"
    );

    let out = app
        .journey(
            60,
            "apply the update, then undo it",
            r#"// The chart draws only the cards on screen: who is in the org is asked of the search.
            const finds = async (name) => {
              const box = document.querySelector('input[type=search]');
              box.value = name;
              box.dispatchEvent(new Event('input', { bubbles: true }));
              await until(() => document.querySelector('.hits'), `the search for ${name}`);
              const names = [...document.querySelectorAll('.hits [role=option] .name')].map((n) => n.textContent.trim());
              box.value = '';
              box.dispatchEvent(new Event('input', { bubbles: true }));
              return names.includes(name);
            };
            const before = { noor: await finds('Noor Haddad'), tom: await finds('Tom Brennan') };
            const dialog = document.querySelector('[role=dialog][aria-labelledby=update-title]');
            [...dialog.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Apply update').click();
            await until(() => !document.querySelector('[role=dialog][aria-labelledby=update-title]'), 'the preview to close');
            button('Scenarios', document.querySelector('nav.tabs')).click();
            const last = await until(() => document.querySelector('.baseline-updates .last'), 'the update in the scenarios panel');
            const said = last.textContent.replace(/\s+/g, ' ').trim();
            const applied = { noor: await finds('Noor Haddad'), tom: await finds('Tom Brennan') };
            [...document.querySelectorAll('.baseline-updates button')].find((b) => b.textContent.trim() === 'Undo update').click();
            await until(() => !document.querySelector('.baseline-updates .last'), 'the update undone');
            const undone = { noor: await finds('Noor Haddad'), tom: await finds('Tom Brennan') };
            return { before, applied, said, undone };"#,
        )
        .await;
    eprintln!("e2e: update applied and undone: {out}");
    assert_eq!(out["before"], json!({"noor": false, "tom": true}), "{out}");
    assert_eq!(out["applied"], json!({"noor": true, "tom": false}), "{out}");
    assert_eq!(out["undone"], json!({"noor": false, "tom": true}), "{out}");
    assert!(
        out["said"]
            .as_str()
            .is_some_and(|s| s.starts_with("Updated from people-2027-03.csv on ")),
        "{out}"
    );
    app.screenshot("update-undone.png").await;
    app.close().await;

    // On disk: one update, undone.
    let history = pendulum_api::update::update_history(&document).expect("the document's updates");
    assert_eq!(history.len(), 1, "{history:?}");
    assert!(history[0].undone);
    assert_eq!(history[0].source, "people-2027-03.csv");
}
