//! Cost through the use cases: a scenario's waterfall from a document, and exports that
//! leave every amount out unless asked — searched for in the bytes written, in the PDF's
//! raw bytes and in the text `pdftotext` (poppler-utils) reads from it.

#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly on any unexpected error"
)]

use std::path::Path;

use pendulum_api::export::{PdfRequest, csv_files, json_text, pdf_bytes, xlsx_bytes};
use pendulum_api::{OrgSource, load};
use pendulum_core::{
    Allocation, Band, Budget, CostChange, Currency, Date, DatedEdit, Edit, Money, Org, Person,
    PersonChange, PersonId, RuleConfig, Status, Team, TeamId, Workstream,
};
use pendulum_store::Document;

fn day(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn units(u: f64) -> Money {
    Money::from_units(u).unwrap()
}

/// Amounts with cents and unusual digits, so that finding one in a file is never chance.
fn paid_org() -> Org {
    let mut org = Org::default();
    org.cost.currency = Currency::parse("EUR");
    org.cost.bands = vec![
        Band {
            level: "L4".into(),
            annual_cost: units(97_531.17),
        },
        Band {
            level: "L5".into(),
            annual_cost: units(124_680.33),
        },
    ];
    let mut boss = Person::new("boss", "Beatriz Okafor");
    boss.level = Some("M1".into());
    boss.cost = Some(units(187_654.32));
    boss.team = Some(TeamId::from("Core"));
    let mut people = vec![boss];
    for (i, level) in ["L4", "L5", "L5", "L4"].iter().enumerate() {
        let mut p = Person::new(format!("e{i}"), format!("Engineer {i}"));
        p.level = Some((*level).into());
        p.manager_id = Some(PersonId::from("boss"));
        p.team = Some(TeamId::from("Core"));
        people.push(p);
    }
    let mut open = Person::new("open", "Open role");
    open.status = Status::Open;
    open.level = Some("L5".into());
    open.start_date = Some(day("2027-02-01"));
    open.manager_id = Some(PersonId::from("boss"));
    open.team = Some(TeamId::from("Core"));
    people.push(open);
    let mut leaver = Person::new("leaver", "Leaving Soon");
    leaver.status = Status::Leaving;
    leaver.end_date = Some(day("2027-05-01"));
    leaver.cost = Some(units(111_222.33));
    leaver.manager_id = Some(PersonId::from("boss"));
    leaver.team = Some(TeamId::from("Core"));
    people.push(leaver);
    org.people = people;
    org.teams = vec![Team {
        id: TeamId::from("Core"),
        lead: Some(PersonId::from("boss")),
        kind: None,
    }];
    org.cost.budgets = vec![
        Budget {
            team: TeamId::from("Core"),
            annual_budget: units(654_321.09),
        },
        Budget {
            team: TeamId::from("*"),
            annual_budget: units(999_888.77),
        },
    ];
    org.workstreams = vec![Workstream::new("w", "Payments")];
    org.allocations = vec![Allocation::new("e1", "w", 50.0)];
    assert_eq!(org.validate(), vec![]);
    org
}

/// Every way an amount of the fixture may be written: grouped and plain, with cents.
fn amounts() -> Vec<String> {
    let mut out = Vec::new();
    for cents in [
        9_753_117i64,                                                          // L4 band
        12_468_033,                                                            // L5 band
        18_765_432,                                                            // boss's own cost
        11_122_233,                                                            // leaver's own cost
        65_432_109,                                                            // Core's budget
        99_988_877,                                                            // the org's budget
        6_234_017, // e1's half on the workstream (62,340.165 → .17)
        18_765_432 + 2 * 9_753_117 + 2 * 12_468_033 + 12_468_033 + 11_122_233, // run-rate
    ] {
        let m = Money::from_cents(cents);
        out.push(m.display(None)); // 97,531.17
        out.push(format!("{}.{:02}", cents / 100, cents % 100)); // 97531.17
        out.push(m.as_units().to_string()); // 97531.17 as JSON writes it
    }
    out.sort();
    out.dedup();
    out
}

fn found_in(haystack: &[u8]) -> Vec<String> {
    amounts()
        .into_iter()
        .filter(|a| haystack.windows(a.len()).any(|w| w == a.as_bytes()))
        .collect()
}

/// Every XML part of a workbook, one after another.
fn unzipped(book: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut text = String::new();
    for i in 0..zip.len() {
        zip.by_index(i).unwrap().read_to_string(&mut text).unwrap();
    }
    text
}

fn document(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("paid.pendulum");
    let mut doc = Document::create(&path, &paid_org(), &RuleConfig::default()).unwrap();
    let plan = doc
        .fork(pendulum_store::ScenarioId::BASELINE, "raise")
        .unwrap();
    for edit in [
        Edit::SetCost {
            change: CostChange::Band {
                level: "L5".into(),
                annual_cost: Some(units(130_000.0)),
            },
        },
        Edit::RemovePerson {
            id: PersonId::from("e3"),
        },
        Edit::AddPerson {
            person: {
                let mut p = Person::new("hire", "New Hire");
                p.level = Some("L4".into());
                p.fte = 0.5;
                p
            },
        },
        Edit::UpdatePerson {
            id: PersonId::from("boss"),
            change: PersonChange::Cost(Some(units(190_000.0))),
        },
    ] {
        doc.apply(plan, DatedEdit::always(edit)).unwrap();
    }
    path
}

#[test]
fn diff_gives_the_waterfall_to_the_cent() {
    let dir = tempfile::tempdir().unwrap();
    let path = document(dir.path());
    let d =
        pendulum_api::document::diff_scenarios(&path, "raise", None, day("2027-03-01")).unwrap();
    let c = d.cost.unwrap();
    // Before: boss 187,654.32 + e0 97,531.17 + e1, e2 124,680.33 each + e3 97,531.17 +
    // the open role (L5, started in February) 124,680.33 + the leaver 111,222.33.
    assert_eq!(c.before, units(867_979.98));
    assert_eq!(c.joined, units(48_765.59)); // the hire: 97,531.17 × 0.5 = 48,765.585
    assert_eq!(c.left, units(97_531.17)); // e3
    // e1, e2 and the open role: 3 × (130,000 − 124,680.33); boss +2,345.68.
    assert_eq!(c.changed, units(3.0 * 5_319.67 + 2_345.68));
    assert_eq!(c.before + c.joined - c.left + c.changed, c.after);
    assert_eq!(c.after, units(837_519.09));
    // After the leaver's last day the waterfall starts lower.
    let later = pendulum_api::document::diff_scenarios(&path, "raise", None, day("2027-06-01"))
        .unwrap()
        .cost
        .unwrap();
    assert_eq!(later.before, c.before - units(111_222.33));
    assert_eq!(
        later.before + later.joined - later.left + later.changed,
        later.after
    );
}

#[test]
fn exports_without_cost_hold_none_of_the_amounts() {
    let dir = tempfile::tempdir().unwrap();
    let path = document(dir.path());
    let as_of = day("2027-03-01");
    for scenario in [None, Some("raise")] {
        let source = OrgSource {
            path: path.clone(),
            scenario: scenario.map(String::from),
            ..OrgSource::default()
        };
        let loaded = load(&source, as_of).unwrap();
        assert!(
            pendulum_api::stats_report(&loaded, as_of)
                .stats
                .cost
                .is_some(),
            "the fixture has pay data"
        );

        let json = json_text(&loaded, false).unwrap();
        assert_eq!(found_in(json.as_bytes()), Vec::<String>::new(), "JSON");
        assert!(
            !json.contains("\"cost\"") && !json.contains("EUR"),
            "{json}"
        );

        let csv = csv_files(&loaded, as_of, false);
        assert!(csv.bands.is_none() && csv.budgets.is_none());
        for text in [
            Some(&csv.people),
            csv.workload.as_ref(),
            csv.workstreams.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            assert_eq!(found_in(text.as_bytes()), Vec::<String>::new(), "{text}");
            assert!(!text.contains("cost") && !text.contains("EUR"), "{text}");
        }

        let book = unzipped(&xlsx_bytes(&loaded, as_of, false).unwrap());
        assert_eq!(found_in(book.as_bytes()), Vec::<String>::new(), "XLSX");
        assert!(
            !book.contains(">cost<") && !book.contains("EUR") && !book.contains("Budgets"),
            "{book}"
        );

        let pdf = pdf_bytes(&source, &loaded, as_of, as_of, &PdfRequest::default()).unwrap();
        assert_eq!(found_in(&pdf), Vec::<String>::new(), "PDF bytes");
        let text = pdftotext(&pdf);
        assert!(
            text.contains("Beatriz Okafor"),
            "pdftotext reads the report"
        );
        assert_eq!(found_in(text.as_bytes()), Vec::<String>::new(), "PDF text");
        assert!(
            !text.contains("over-budget") && !text.contains("budget"),
            "{text}"
        );

        // Asked for, the amounts are there.
        let json = json_text(&loaded, true).unwrap();
        assert!(
            json.contains("97531.17") && json.contains("\"EUR\""),
            "{json}"
        );
        let csv = csv_files(&loaded, as_of, true);
        assert!(
            csv.people
                .lines()
                .next()
                .unwrap()
                .ends_with(",cost,currency")
        );
        assert!(csv.bands.unwrap().contains("L4,97531.17"));
        assert!(csv.budgets.unwrap().contains("*,999888.77"));
        assert!(csv.workload.unwrap().contains("annual_cost"));
        let book = unzipped(&xlsx_bytes(&loaded, as_of, true).unwrap());
        assert!(
            book.contains("<v>97531.17</v>") && book.contains(">EUR<"),
            "{book}"
        );
        assert!(book.contains("name=\"Bands\"") && book.contains("name=\"Budgets\""));
        let asked = PdfRequest {
            with_cost: true,
            ..PdfRequest::default()
        };
        let pdf = pdf_bytes(&source, &loaded, as_of, as_of, &asked).unwrap();
        let text = pdftotext(&pdf);
        assert!(
            text.contains("Run-rate and budgets"),
            "the cost page is there"
        );
        assert!(text.contains("€867,979.98"), "{text}");
        if scenario.is_some() {
            assert!(text.contains("how the run-rate moves"), "{text}");
        }
    }
}

#[test]
fn the_json_export_with_cost_reads_back_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = document(dir.path());
    let as_of = day("2027-03-01");
    let source = OrgSource {
        path,
        ..OrgSource::default()
    };
    let loaded = load(&source, as_of).unwrap();
    let json = json_text(&loaded, true).unwrap();
    let back = pendulum_api::source::load_json("paid.json", json.as_bytes()).unwrap();
    assert_eq!(back.org, loaded.org);
}

fn pdftotext(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) must be installed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_scenarios_projection_counts_dated_edits_from_their_month() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("year.pendulum");
    let mut org = Org::default();
    // 73,000 a year over 365 days is 200.00 a day.
    org.cost.bands = vec![Band {
        level: "L".into(),
        annual_cost: units(73_000.0),
    }];
    let mut p = Person::new("p", "Pat");
    p.level = Some("L".into());
    org.people = vec![p];
    let mut doc = Document::create(&path, &org, &RuleConfig::default()).unwrap();
    let base = pendulum_store::ScenarioId::BASELINE;
    let plan = doc.fork(base, "raise").unwrap();
    // From July the band is 146,000 (400.00 a day).
    doc.apply(
        plan,
        DatedEdit::from(
            Edit::SetCost {
                change: CostChange::Band {
                    level: "L".into(),
                    annual_cost: Some(units(146_000.0)),
                },
            },
            day("2027-07-01"),
        ),
    )
    .unwrap();
    let on = day("2027-03-01");
    let flat = pendulum_api::cost::scenario_projection(&mut doc, base, on).unwrap();
    assert_eq!(flat.total, units(73_000.0));
    let raised = pendulum_api::cost::scenario_projection(&mut doc, plan, on).unwrap();
    let month = |m: &str| raised.months.iter().find(|x| x.month == m).unwrap().cost;
    assert_eq!(month("2027-06"), units(30.0 * 200.0));
    assert_eq!(month("2027-07"), units(31.0 * 400.0));
    // January to June at 200 a day (181 days), July to December at 400 (184 days).
    assert_eq!(raised.total, units(181.0 * 200.0 + 184.0 * 400.0));

    // The fiscal year follows the document's start month.
    doc.apply(
        base,
        DatedEdit::always(Edit::SetCost {
            change: CostChange::FiscalYearStart(4),
        }),
    )
    .unwrap();
    let april = pendulum_api::cost::scenario_projection(&mut doc, base, on).unwrap();
    assert_eq!(
        (april.start, april.end),
        (day("2026-04-01"), day("2027-04-01"))
    );
    assert_eq!(april.months[0].month, "2026-04");

    let compared = pendulum_api::cost::compare(&mut doc, base, plan, day("2027-08-01")).unwrap();
    let w = compared.waterfall.unwrap();
    assert_eq!(
        (w.before, w.after, w.changed),
        (units(73_000.0), units(146_000.0), units(73_000.0))
    );
    assert_eq!(compared.after.unwrap().total, raised.total);
}

/// "Show compensation": off on a new document, so the app's view holds no amount, budget
/// or over-budget flag; on, everything; saved with the document.
#[test]
fn the_apps_view_shows_pay_only_once_turned_on() {
    use pendulum_api::{Session, ViewRequest};
    let dir = tempfile::tempdir().unwrap();
    let path = document(dir.path());
    let mut session = Session::new(day("2027-03-01"));
    let info = session.open(&path).unwrap();
    assert!(!info.show_compensation);
    let compared = ViewRequest {
        against: Some("raise".into()),
        ..ViewRequest::default()
    };
    let hidden = session.show(&compared).unwrap();
    let bytes = serde_json::to_vec(&hidden).unwrap();
    assert_eq!(found_in(&bytes), Vec::<String>::new(), "the hidden view");
    assert!(hidden.view.cost.is_none() && hidden.view.stats.cost.is_none());
    assert!(hidden.view.people.iter().all(|p| p.cost.is_none()));
    assert!(
        hidden
            .view
            .flags
            .iter()
            .all(|f| f.rule != pendulum_core::Rule::OverBudget)
    );
    assert!(hidden.diff.as_ref().unwrap().cost.is_none());
    assert!(hidden.compare_projection.is_none());
    assert!(session.compare(Some("raise")).unwrap().cost.is_none());

    let shown = session.set_show_compensation(true, &compared).unwrap();
    assert!(shown.info.show_compensation);
    assert_eq!(
        shown.view.stats.cost.as_ref().unwrap().annual,
        units(867_979.98)
    );
    let boss = shown
        .view
        .people
        .iter()
        .find(|p| p.id.as_str() == "boss")
        .unwrap();
    assert_eq!(boss.cost, Some(units(187_654.32)));
    let e0 = shown
        .view
        .people
        .iter()
        .find(|p| p.id.as_str() == "e0")
        .unwrap();
    assert_eq!((e0.cost, e0.cost_on_file), (Some(units(97_531.17)), None));
    let w = &shown.view.workstreams[0];
    assert_eq!(w.cost.unwrap().annual, Money::from_cents(6_234_017));
    assert!(
        shown
            .view
            .flags
            .iter()
            .any(|f| f.rule == pendulum_core::Rule::OverBudget)
    );
    let cost = shown.view.cost.as_ref().unwrap();
    assert_eq!(cost.settings.bands.len(), 2);
    assert_eq!(cost.projection.months.len(), 12);
    // The comparison's waterfall runs from the scenario compared with to the current one.
    let waterfall = shown.diff.as_ref().unwrap().cost.as_ref().unwrap();
    assert_eq!(
        waterfall.before + waterfall.joined - waterfall.left + waterfall.changed,
        waterfall.after
    );
    assert!(shown.compare_projection.is_some());
    drop(session);

    let mut session = Session::new(day("2027-03-01"));
    assert!(
        session.open(&path).unwrap().show_compensation,
        "saved with the document"
    );
}

/// The demo brings its pay (bands, budgets, four people's own cost) hidden; turned on, the
/// run-rate and Mobile's over-budget flag appear (figures in `assets/demo/README.md`).
#[test]
fn the_demo_carries_pay_hidden_until_turned_on() {
    use pendulum_api::{Session, ViewRequest};
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(day("2027-03-01"));
    assert!(!session.open_demo(dir.path()).unwrap().show_compensation);
    let hidden = session.show(&ViewRequest::default()).unwrap();
    assert!(hidden.view.stats.cost.is_none());
    assert!(hidden.view.people.iter().all(|p| p.cost.is_none()));
    let over_budget = |flags: &[pendulum_core::Flag]| -> Vec<String> {
        flags
            .iter()
            .filter(|f| f.rule == pendulum_core::Rule::OverBudget)
            .map(|f| f.subject.id.clone())
            .collect()
    };
    assert!(over_budget(&hidden.view.flags).is_empty());

    let shown = session
        .set_show_compensation(true, &ViewRequest::default())
        .unwrap();
    let stats = shown.view.stats.cost.as_ref().unwrap();
    assert_eq!(stats.annual, units(8_698_350.50));
    assert_eq!(stats.unknown, 1);
    assert_eq!(over_budget(&shown.view.flags), ["Mobile"]);
    let cost = shown.view.cost.as_ref().unwrap();
    assert_eq!(
        (cost.settings.bands.len(), cost.settings.budgets.len()),
        (9, 2)
    );
}

/// "Open with Pendulum" on a people CSV picks up `bands.csv` and `budgets.csv` beside it.
#[test]
fn a_people_file_is_opened_with_the_pay_files_beside_it() {
    use pendulum_api::{Session, ViewRequest};
    let dir = tempfile::tempdir().unwrap();
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo");
    for f in ["people.csv", "bands.csv", "budgets.csv"] {
        std::fs::copy(demo.join(f), dir.path().join(f)).unwrap();
    }
    let imports = dir.path().join("imports");
    std::fs::create_dir(&imports).unwrap();
    let mut session = Session::new(day("2027-03-01"));
    session
        .open_or_import(&dir.path().join("people.csv"), &imports)
        .unwrap();
    let shown = session
        .set_show_compensation(true, &ViewRequest::default())
        .unwrap();
    let cost = shown.view.cost.as_ref().unwrap();
    assert_eq!(
        (cost.settings.bands.len(), cost.settings.budgets.len()),
        (9, 2)
    );
}
