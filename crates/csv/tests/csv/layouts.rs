//! The HR-tool layouts accepted out of the box (README's import section), and the public Oracle HR sample as it is.

use pendulum_core::{Date, RuleConfig, Snapshot, Status, TeamKind, WorkstreamKind};
use pendulum_csv::{ImportRequest, Source, import, preview};

use crate::{fixture, imported};

fn day(s: &str) -> Date {
    Date::parse(s).expect("a date")
}

#[test]
fn oracle_hr_sample_imports_as_it_is() {
    let got = imported("d3-org-chart-oracle-hr.csv");
    let org = &got.org;
    assert_eq!(org.people.len(), 107);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    assert!(org.validate().is_empty());

    let king = &org.people[0];
    assert_eq!(
        (king.id.as_str(), king.name.as_str()),
        ("100", "Steven King")
    );
    assert_eq!(king.title, "Chief Operating Officer");
    assert_eq!(king.start_date, Some(day("2003-07-16")));
    assert_eq!(king.team.as_ref().map(|t| t.as_str()), Some("Executive"));
    assert_eq!(org.people[2].name, "Lex De Haan");
    assert!(
        org.people.iter().all(|p| p.start_date.is_some()),
        "every hire date parses"
    );

    let snapshot = Snapshot::new(org, day("2026-01-01"), &RuleConfig::default());
    assert_eq!(snapshot.roots(), [0], "one root, id 100");
    let depth = (0..107).map(|i| snapshot.depth(i)).max();
    assert_eq!(depth, Some(4));
    let widest = (0..107).map(|i| snapshot.span(i)).max();
    assert_eq!(widest, Some(14));

    let mapping = &got.mappings[0];
    let field = |header: &str| {
        mapping
            .columns
            .iter()
            .find(|c| c.header == header)
            .and_then(|c| c.field)
    };
    assert_eq!(field("parentId"), Some("manager_id"));
    assert_eq!(field("lastName"), Some("last_name"));
    assert_eq!(field("hire_date"), Some("start_date"));
    assert_eq!(field("department_name"), Some("team"));
    assert_eq!(field("image"), None);
    // The sample's salaries are costs: hidden in the app until "Show compensation" is on.
    assert_eq!(field("salary"), Some("cost"));
    assert_eq!(king.cost, Some(pendulum_core::Money::from_cents(2_400_000)));
    assert!(
        org.people.iter().all(|p| p.cost.is_some()),
        "every salary parses"
    );
    assert_eq!(field("job_min_salary"), None);
    let name = mapping.columns.iter().find(|c| c.header == "name").unwrap();
    assert!(
        name.note
            .as_deref()
            .is_some_and(|n| n.contains("first name")),
        "{name:?}"
    );
}

#[test]
fn visio_person_and_supervisor_ids() {
    let org = imported("visio.csv").org;
    let lines: Vec<(&str, Option<&str>)> = org
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.manager_id.as_ref().map(|m| m.as_str())))
        .collect();
    assert_eq!(
        lines,
        [("A1", None), ("B2", Some("A1")), ("C3", Some("B2"))]
    );
    assert_eq!(
        org.teams.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        ["Exec", "Eng"]
    );
}

#[test]
fn charthop_work_email_is_the_id_and_managers_match_ignoring_case() {
    let got = imported("charthop.csv");
    let org = &got.org;
    let lines: Vec<(&str, &str, Option<&str>)> = org
        .people
        .iter()
        .map(|p| {
            (
                p.id.as_str(),
                p.name.as_str(),
                p.manager_id.as_ref().map(|m| m.as_str()),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("ann@example.org", "Ann Lee", None),
            ("Bob@Example.org", "Bob Ray", Some("ann@example.org")),
            ("cy@example.org", "Cy Ito", Some("Bob@Example.org")),
        ]
    );
    let email = got.mappings[0]
        .columns
        .iter()
        .find(|c| c.header == "Work Email")
        .unwrap();
    assert_eq!(email.field, Some("email"));
    assert!(
        email.note.as_deref().is_some_and(|n| n.contains("id")),
        "{email:?}"
    );
}

#[test]
fn employee_id_and_reports_to() {
    let org = imported("employee-id-reports-to.csv").org;
    assert_eq!(
        org.people[1].manager_id.as_ref().map(|m| m.as_str()),
        Some("100")
    );
    assert_eq!(org.people[2].status, Status::Open);
    assert_eq!(org.people[2].start_date, Some(day("2026-09-01")));
    assert_eq!(org.people[0].title, "CEO");
}

#[test]
fn a_whole_org_with_teams_workstreams_and_allocations() {
    let (people, teams, workstreams, allocations) = (
        fixture("org-people.csv"),
        fixture("org-teams.csv"),
        fixture("org-workstreams.csv"),
        fixture("org-allocations.csv"),
    );
    let req = ImportRequest {
        people: Source::new("org-people.csv", &people),
        teams: Some(Source::new("org-teams.csv", &teams)),
        workstreams: Some(Source::new("org-workstreams.csv", &workstreams)),
        allocations: Some(Source::new("org-allocations.csv", &allocations)),
        bands: None,
        budgets: None,
    };
    let got = import(&req).unwrap_or_else(|e| panic!("{e}"));
    let org = &got.org;
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);

    assert_eq!(org.people[0].name, "Ann Lee");
    assert_eq!(
        org.people[1].manager_id.as_ref().map(|m| m.as_str()),
        Some("1"),
        "ANN@example.org is Ann"
    );
    assert_eq!(org.people[2].fte, 0.8);
    assert_eq!(org.people[3].fte, 1.0, "100% is a full week");
    assert_eq!(org.people[3].status, Status::Open);
    assert_eq!(org.people[0].role.map(|r| r.as_str()), Some("executive"));

    let teams: Vec<(&str, Option<&str>, Option<TeamKind>)> = org
        .teams
        .iter()
        .map(|t| (t.id.as_str(), t.lead.as_ref().map(|l| l.as_str()), t.kind))
        .collect();
    assert_eq!(
        teams,
        [
            ("Search", None, Some(TeamKind::StreamAligned)),
            ("Platform", Some("2"), Some(TeamKind::Platform)),
            ("Enablement", None, Some(TeamKind::Enabling)),
        ]
    );

    assert_eq!(org.workstreams.len(), 3);
    let w2 = &org.workstreams[1];
    assert_eq!(
        (w2.name.as_str(), w2.required_fte, w2.kind),
        ("Postgres 17", 1.5, WorkstreamKind::Migration)
    );
    assert_eq!(
        (w2.start_date, w2.end_date),
        (Some(day("2025-03-01")), Some(day("2026-06-30")))
    );
    assert_eq!(w2.priority.as_deref(), Some("P2"));
    assert_eq!(org.workstreams[2].kind, WorkstreamKind::Operations);

    let allocations: Vec<(&str, &str, f64)> = org
        .allocations
        .iter()
        .map(|a| (a.person.as_str(), a.workstream.as_str(), a.percent))
        .collect();
    assert_eq!(
        allocations,
        [("3", "w2", 50.0), ("3", "w3", 30.0), ("4", "w1", 100.0)]
    );
    assert_eq!(org.allocations[2].start_date, Some(day("2026-01-05")));

    let p = preview(&req);
    assert_eq!(
        (p.people, p.teams, p.workstreams, p.allocations),
        (4, 3, 3, 3)
    );
    assert!(p.errors.is_empty());
    let records: Vec<u64> = p.mappings.iter().map(|m| m.records).collect();
    assert_eq!(records, [4, 3, 3, 3]);
}

#[test]
fn teams_without_a_teams_file_come_in_first_seen_order() {
    let people = b"id,name,team\n1,Ann,Core\n2,Bob,Apps\n3,Cy,Core\n";
    let workstreams = b"id,name,team\nw1,Search,Data\nw2,Login,Apps\n";
    let req = ImportRequest {
        workstreams: Some(Source::new("w.csv", workstreams)),
        ..ImportRequest::people(Source::new("p.csv", people))
    };
    let org = import(&req).unwrap_or_else(|e| panic!("{e}")).org;
    let teams: Vec<&str> = org.teams.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(teams, ["Core", "Apps", "Data"]);
    assert!(
        org.teams
            .iter()
            .all(|t| t.lead.is_none() && t.kind.is_none())
    );
}

#[test]
fn headers_ignore_case_spaces_underscores_and_hyphens() {
    let csv = b"EMPLOYEE_ID, full-name ,Job Title,reports to,Start Date,Termination Date,F.T.E.,Office,E-mail\n\
                7,Ann Lee,CTO,,2020-01-01,2030-01-01,0.5,Oslo,ann@x.org\n";
    let got =
        import(&ImportRequest::people(Source::new("p.csv", csv))).unwrap_or_else(|e| panic!("{e}"));
    let fields: Vec<Option<&str>> = got.mappings[0].columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some("id"),
            Some("name"),
            Some("title"),
            Some("manager_id"),
            Some("start_date"),
            Some("end_date"),
            Some("fte"),
            Some("location"),
            Some("email")
        ]
    );
    let p = &got.org.people[0];
    assert_eq!(
        (p.name.as_str(), p.fte, p.end_date),
        ("Ann Lee", 0.5, Some(day("2030-01-01")))
    );
}

#[test]
fn a_file_without_managers_is_all_roots_with_a_warning() {
    let got = import(&ImportRequest::people(Source::new(
        "p.csv",
        b"id,name\n1,Ann\n2,Bob\n",
    )))
    .unwrap();
    assert!(got.org.people.iter().all(|p| p.manager_id.is_none()));
    assert_eq!(got.warnings.len(), 1);
    assert!(got.warnings[0].message.contains("no manager column"));
}

#[test]
fn excel_text_idiom_keeps_leading_zeros() {
    let csv = b"Employee ID,Name,Manager ID\n=\"00100\",Ann,\n\"=\"\"00200\"\"\",Bob,=\"00100\"\n";
    let got =
        import(&ImportRequest::people(Source::new("p.csv", csv))).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<(&str, Option<&str>)> = got
        .org
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.manager_id.as_ref().map(|m| m.as_str())))
        .collect();
    assert_eq!(ids, [("00100", None), ("00200", Some("00100"))]);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
}

/// Imports a three-person export whose header is `header` (`{a}` ids), and checks that
/// every person, manager, title, team and start date was read.
fn named_export(system: &str, header: &str, rows: [&str; 3]) {
    let text = format!("{header}\n{}\n", rows.join("\n"));
    let got = import(&ImportRequest::people(Source::new(system, text.as_bytes())))
        .unwrap_or_else(|e| panic!("{system}: {e}"));
    let org = &got.org;
    assert_eq!(org.people.len(), 3, "{system}");
    let managers: Vec<Option<&str>> = org
        .people
        .iter()
        .map(|p| p.manager_id.as_ref().map(|m| m.as_str()))
        .collect();
    let ids: Vec<&str> = org.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        managers,
        [None, Some(ids[0]), Some(ids[0])],
        "{system}: managers"
    );
    for p in &org.people {
        assert!(!p.name.is_empty() && !p.title.is_empty(), "{system}: {p:?}");
        assert_eq!(
            p.team.as_ref().map(|t| t.as_str()),
            Some("Payments"),
            "{system}"
        );
        assert_eq!(p.start_date, Some(day("2024-03-04")), "{system}");
    }
    let mapping = &got.mappings[0];
    let ignored: Vec<&str> = mapping
        .columns
        .iter()
        .filter(|c| c.field.is_none())
        .map(|c| c.header.as_str())
        .collect();
    assert!(ignored.is_empty(), "{system}: ignored {ignored:?}");
}

#[test]
fn named_hr_exports_import_as_their_systems_write_them() {
    named_export(
        "workday.csv",
        "Employee ID,Full Name,Business Title,Manager ID,Supervisory Organization,Hire Date,Primary Work Email",
        [
            "W1,Ann Lee,VP Engineering,,Payments,2024-03-04,ann@x.org",
            "W2,Bo Wu,Engineer,W1,Payments,2024-03-04,bo@x.org",
            "W3,Cy Ng,Engineer,W1,Payments,2024-03-04,cy@x.org",
        ],
    );
    named_export(
        "bamboohr.csv",
        "Employee #,Display Name,Job Title,Supervisor EID,Department,Hire Date,Work Email",
        [
            "101,Ann Lee,VP Engineering,,Payments,2024-03-04,ann@x.org",
            "102,Bo Wu,Engineer,101,Payments,2024-03-04,bo@x.org",
            "103,Cy Ng,Engineer,101,Payments,2024-03-04,cy@x.org",
        ],
    );
    named_export(
        "hibob.csv",
        "Employee ID in company,Display name,work.title,Reports to ID in company,work.department,work.startDate,work.site",
        [
            "7,Ann Lee,VP Engineering,,Payments,2024-03-04,London",
            "8,Bo Wu,Engineer,7,Payments,2024-03-04,London",
            "9,Cy Ng,Engineer,7,Payments,2024-03-04,Berlin",
        ],
    );
    named_export(
        "personio.csv",
        "ID,First name,Last name,Position,Supervisor ID,Department,Hire date,Office,Contract end date",
        [
            "1,Ann,Lee,VP Engineering,,Payments,2024-03-04,Munich,",
            "2,Bo,Wu,Engineer,1,Payments,2024-03-04,Munich,",
            "3,Cy,Ng,Engineer,1,Payments,2024-03-04,Madrid,2027-12-31",
        ],
    );
    named_export(
        "rippling.csv",
        "Employee Number,Legal Name,Title,Manager ID,Department,Start Date,Work Email,Work Location",
        [
            "R1,Ann Lee,VP Engineering,,Payments,2024-03-04,ann@x.org,NYC",
            "R2,Bo Wu,Engineer,R1,Payments,2024-03-04,bo@x.org,NYC",
            "R3,Cy Ng,Engineer,R1,Payments,2024-03-04,cy@x.org,Remote",
        ],
    );
    named_export(
        "gusto.csv",
        "Employee ID,First Name,Last Name,Job Title,Manager Email,Department,Hire Date,Work Email,Work Address",
        [
            "G1,Ann,Lee,VP Engineering,,Payments,2024-03-04,ann@x.org,Denver",
            "G2,Bo,Wu,Engineer,ann@x.org,Payments,2024-03-04,bo@x.org,Denver",
            "G3,Cy,Ng,Engineer,ANN@x.org,Payments,2024-03-04,cy@x.org,Austin",
        ],
    );
    named_export(
        "charthop.csv",
        "Work Email,Name,Title,Manager Email,Department,Start Date,Location",
        [
            "ann@x.org,Ann Lee,VP Engineering,,Payments,2024-03-04,London",
            "bo@x.org,Bo Wu,Engineer,ann@x.org,Payments,2024-03-04,London",
            "cy@x.org,Cy Ng,Engineer,ann@x.org,Payments,2024-03-04,Berlin",
        ],
    );
}
