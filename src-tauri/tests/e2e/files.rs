//! Files: a malformed CSV's import preview, the demo exported as a PDF.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_csv_import_names_the_row_and_column_in_the_preview() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    // Row 4 (the header is row 1) has an fte that is not a number; fte is column 5.
    let csv = app.dialogs.join("bad-people.csv");
    std::fs::write(
        &csv,
        "id,name,title,manager_id,fte\n\
         p1,Ada Okafor,Director,,1\n\
         p2,Bela Tanaka,Engineer,p1,0.8\n\
         p3,Chen Moreau,Engineer,p1,lots\n\
         p4,Dana Haddad,Engineer,p1,1\n",
    )
    .expect("write the CSV");
    std::fs::write(
        app.dialogs.join("open.txt"),
        format!("{}\n", csv.to_str().expect("a UTF-8 temp path")),
    )
    .expect("answer the open dialog");
    let out = app
        .journey(
            60,
            "preview the malformed import",
            r#"await until(() => document.querySelector('.card'), 'the chart');
            await fileMenu('Import CSV');
            const dialog = await until(() => document.querySelector('[role=dialog][aria-labelledby=import-title]'), 'the import preview');
            const problems = await until(() => {
              const items = [...dialog.querySelectorAll('.problems.errors li')];
              return items.length > 0 ? items.map((li) => li.textContent.trim()) : null;
            }, 'the problems');
            const confirm = [...dialog.querySelectorAll('button')].find((b) => b.classList.contains('primary'));
            return {
              title: dialog.querySelector('h2').textContent,
              problems,
              confirm: confirm?.textContent.trim(),
              blocked: confirm?.disabled,
            };"#,
        )
        .await;
    eprintln!("e2e: import preview: {out}");
    let problems: Vec<String> = serde_json::from_value(out["problems"].clone()).expect("problems");
    assert!(
        problems.iter().any(|p| p.contains("bad-people.csv")
            && p.contains("row 4")
            && p.contains("column 5 (fte)")
            && p.contains("lots")),
        "no problem at row 4, column 5 (fte) in {problems:?}"
    );
    assert_eq!(problems.len(), 1, "only the one bad cell: {problems:?}");
    assert_eq!(
        out["blocked"],
        json!(true),
        "the import is not blocked: {out}"
    );
    // The open dialog's answer was used up and nothing was written.
    assert!(
        !app.dialogs.join("open.txt").exists(),
        "open.txt was not read"
    );
    assert!(
        documents_under(&app.dialogs).is_empty(),
        "a refused import wrote a document"
    );
    app.screenshot("import-malformed.png").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exporting_the_demo_as_pdf_writes_a_report_pdfinfo_reads() {
    let _serial = SERIAL.lock().await;
    let app = start(&[]).await;
    let out = app
        .journey(
            90,
            "export a PDF",
            r#"await until(() => document.querySelector('.card'), 'the chart');
            const name = text('.doc-name').trim();
            (await until(() => {
              const b = button('Export…');
              return b && !b.disabled ? b : null;
            }, 'the Export button')).click();
            const dialog = await until(() => document.querySelector('[role=dialog][aria-labelledby=export-title]'), 'the export dialog');
            const pdf = dialog.querySelector('input[name=export-format][value=pdf]');
            if (!pdf.checked) pdf.click();
            // The live preview's page count, once it is current.
            const pages = await until(() => {
              const p = dialog.querySelector('.preview .pages strong');
              return p && dialog.querySelector('.preview[aria-busy=false]') ? p.textContent.trim() : null;
            }, () => `the PDF preview (it reads ${JSON.stringify(dialog.querySelector('.preview')?.outerHTML?.slice(0, 600))})`, 60000);
            (await until(() => {
              const b = dialog.querySelector('.buttons button.primary');
              return b && !b.disabled ? b : null;
            }, 'the Export button of the dialog')).click();
            const notice = await until(() => {
              const saved = document.querySelector('[role=status]')?.textContent;
              return saved?.includes('Saved') ? saved : null;
            }, 'the export to be saved', 60000);
            return { name, pages, notice };"#,
        )
        .await;
    eprintln!("e2e: export: {out}");
    let name = out["name"].as_str().unwrap_or_default();
    assert!(!name.is_empty(), "no document name shown");
    let pdf = app.dialogs.join(format!("{name}.pdf"));
    assert!(pdf.is_file(), "no PDF at {}", pdf.display());
    assert!(
        out["notice"]
            .as_str()
            .is_some_and(|n| n.contains(&format!("{name}.pdf"))),
        "the notice reads {}",
        out["notice"]
    );

    let info = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("run pdfinfo (poppler-utils)");
    assert!(info.status.success(), "pdfinfo failed on {}", pdf.display());
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo printed no page count:\n{info}"));
    eprintln!("e2e: {} has {pages} pages", pdf.display());
    assert!(pages >= 3, "the report has {pages} pages");
    assert_eq!(
        out["pages"],
        json!(format!("{pages} pages")),
        "the dialog's preview promised another page count"
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    assert!(text.status.success(), "pdftotext failed");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(ROOT_NAME),
        "the PDF's text does not name {ROOT_NAME}"
    );
    app.close().await;
}
