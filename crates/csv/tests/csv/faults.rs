//! RELIABILITY C2: one fixture per fault class, each decoded where possible and otherwise
//! refused with the exact row and column.

use pendulum_core::{Date, Org, RuleConfig, Snapshot, check_org};
use pendulum_csv::{ImportRequest, MAX_LISTED, Source, import, preview};

use crate::{cells, fixture, imported, places, refused};

fn names(org: &Org) -> Vec<&str> {
    org.people.iter().map(|p| p.name.as_str()).collect()
}

fn ids(org: &Org) -> Vec<&str> {
    org.people.iter().map(|p| p.id.as_str()).collect()
}

fn managers(org: &Org) -> Vec<Option<&str>> {
    org.people
        .iter()
        .map(|p| p.manager_id.as_ref().map(|m| m.as_str()))
        .collect()
}

/// (rule, subject id) of every flag as of a fixed day.
fn flags(org: &Org) -> Vec<(String, String)> {
    let day = Date::parse("2026-01-01").expect("a date");
    check_org(org, day, &RuleConfig::default())
        .into_iter()
        .map(|f| (f.rule.to_string(), f.subject.id))
        .collect()
}

#[test]
fn utf8_bom_is_skipped() {
    let got = imported("bom.csv");
    assert_eq!(names(&got.org), ["Zoë Ng", "Bob"]);
    assert_eq!(
        got.mappings[0].columns[0].field,
        Some("id"),
        "the BOM must not stick to the first header"
    );
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
}

#[test]
fn utf16_with_bom_is_decoded() {
    for name in ["utf16le.csv", "utf16be.csv"] {
        let got = imported(name);
        assert_eq!(names(&got.org), ["Zoë Ng", "Bob"], "{name}");
        assert_eq!(managers(&got.org), [None, Some("1")], "{name}");
    }
}

#[test]
fn latin1_is_read_as_windows_1252_with_a_warning() {
    let got = imported("latin1.csv");
    assert_eq!(names(&got.org), ["José Muñoz", "Zoë Ng"]);
    assert_eq!(got.org.people[1].title, "Café lead – “ops”");
    assert_eq!(places(&got.warnings), [(None, None)]);
    let w = &got.warnings[0].message;
    assert!(w.contains("Windows-1252") && w.contains("line 2"), "{w}");
}

#[test]
fn crlf_lf_and_cr_mix() {
    let got = imported("crlf-mix.csv");
    assert_eq!(ids(&got.org), ["1", "2", "3", "4"]);
    assert_eq!(
        got.org.people[1].title, "Staff\r\nEngineer",
        "a quoted line break is kept as written"
    );
    assert_eq!(managers(&got.org), [None, Some("1"), Some("1"), Some("2")]);
}

#[test]
fn unclosed_quote_is_placed_where_it_opens() {
    let e = refused("unclosed-quote.csv");
    assert_eq!(cells(&e.errors), [(3, 2)]);
    assert_eq!(e.errors[0].header.as_deref(), Some("name"));
    assert_eq!(
        e.errors[0].to_string().split(": ").next(),
        Some("unclosed-quote.csv:3:2 (name)")
    );
}

#[test]
fn ragged_rows_are_refused_at_the_first_missing_or_extra_cell() {
    let e = refused("ragged-rows.csv");
    assert_eq!(cells(&e.errors), [(3, 3), (4, 4)], "{e}");
    assert_eq!(e.errors[0].header.as_deref(), Some("manager_id"));
}

#[test]
fn empty_file_is_a_whole_file_error() {
    let e = refused("empty.csv");
    assert_eq!(places(&e.errors), [(None, None)]);
    assert!(e.errors[0].message.contains("empty"), "{e}");
    assert_eq!(e.mappings[0].header_row, None);
}

#[test]
fn header_only_has_no_people() {
    let e = refused("header-only.csv");
    assert_eq!(places(&e.errors), [(None, None)]);
    assert!(e.errors[0].message.contains("no people"), "{e}");
}

#[test]
fn missing_required_column_names_what_was_expected() {
    let e = refused("missing-column.csv");
    assert_eq!(places(&e.errors), [(None, None)]);
    let m = &e.errors[0].message;
    assert!(
        m.contains("no name column")
            && m.contains("First Name")
            && m.contains("id, title, manager_id"),
        "{m}"
    );
}

#[test]
fn duplicate_column_is_refused_at_the_repeat() {
    let e = refused("duplicate-column.csv");
    assert_eq!(cells(&e.errors), [(1, 4)]);
    assert_eq!(e.errors[0].header.as_deref(), Some("Manager ID"));
    assert!(e.errors[0].message.contains("column 3"), "{e}");
}

#[test]
fn huge_field_is_refused() {
    let e = refused("huge-field.csv");
    assert_eq!(cells(&e.errors), [(2, 3)]);
    assert!(e.errors[0].message.contains("65536"), "{e}");
}

#[test]
fn nul_bytes_are_refused() {
    let e = refused("nul-bytes.csv");
    assert_eq!(cells(&e.errors), [(2, 2)]);
}

#[test]
fn formula_looking_cells_import_as_text_with_warnings() {
    let got = imported("formula-cells.csv");
    assert_eq!(
        names(&got.org),
        [
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+1+1",
            "-2+3",
            "=already escaped"
        ]
    );
    assert_eq!(got.org.people[1].title, "@SUM(A1)");
    assert_eq!(got.org.people[2].title, "\tpayload");
    // The apostrophe-escaped cell is the exporter's own form: no warning for it.
    assert_eq!(
        cells(&got.warnings),
        [(2, 2), (3, 2), (3, 3), (4, 2), (4, 3)]
    );
}

#[test]
fn bidi_controls_are_stripped_with_a_warning() {
    let got = imported("bidi-controls.csv");
    assert_eq!(ids(&got.org), ["1", "2"]);
    assert_eq!(names(&got.org), ["Ann evil", "Bob"]);
    assert_eq!(managers(&got.org), [None, Some("1")]);
    assert_eq!(cells(&got.warnings), [(2, 1), (2, 2), (3, 3)]);
}

#[test]
fn duplicate_ids_name_both_rows() {
    let e = refused("duplicate-ids.csv");
    assert_eq!(cells(&e.errors), [(4, 1)]);
    assert!(e.errors[0].message.contains("row 3"), "{e}");
}

#[test]
fn dangling_manager_imports_and_is_flagged() {
    let got = imported("dangling-manager.csv");
    assert_eq!(managers(&got.org), [None, Some("99")]);
    assert_eq!(
        flags(&got.org),
        [("unknown-manager".to_string(), "2".to_string())]
    );
}

#[test]
fn self_manager_imports_and_is_flagged_as_a_cycle() {
    let got = imported("self-manager.csv");
    assert_eq!(managers(&got.org), [Some("1"), Some("1")]);
    assert!(flags(&got.org).contains(&("cycle".to_string(), "1".to_string())));
}

#[test]
fn cycles_import_and_are_flagged() {
    let got = imported("cycles.csv");
    let cycle: Vec<String> = flags(&got.org)
        .into_iter()
        .filter(|(r, _)| r == "cycle")
        .map(|(_, id)| id)
        .collect();
    assert_eq!(cycle, ["1", "2", "3"]);
}

#[test]
fn several_roots_import() {
    let got = imported("several-roots.csv");
    let snapshot = Snapshot::new(
        &got.org,
        Date::parse("2026-01-01").expect("a date"),
        &RuleConfig::default(),
    );
    assert_eq!(snapshot.roots(), [0, 1, 2]);
}

#[test]
fn bad_people_values_are_each_placed() {
    let e = refused("bad-values.csv");
    assert_eq!(
        cells(&e.errors),
        [(2, 4), (3, 4), (3, 5), (3, 6), (3, 7), (3, 8), (4, 5)],
        "{e}"
    );
    let text = e.to_string();
    for expected in [
        "bad-values.csv:2:4 (start_date): \"2024-02-30\" is not a day of the calendar",
        "bad-values.csv:3:4 (start_date): expected a date as YYYY-MM-DD",
        "bad-values.csv:3:5 (fte): fte must be in (0, 1]",
        "unknown role \"boss\": expected one of ic, manager, director, executive",
        "unknown status \"gone\": expected one of active, open, leaving",
        "expected yes or no",
        "bad-values.csv:4:5 (fte): fte must be in (0, 1]",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn bad_workstream_values_are_each_placed() {
    let people = fixture("org-people.csv");
    let workstreams = fixture("workstreams-bad.csv");
    let req = ImportRequest {
        workstreams: Some(Source::new("workstreams-bad.csv", &workstreams)),
        ..ImportRequest::people(Source::new("org-people.csv", &people))
    };
    let e = import(&req).unwrap_err();
    assert!(
        e.errors.iter().all(|p| p.file == "workstreams-bad.csv"),
        "{e}"
    );
    assert_eq!(cells(&e.errors), [(3, 4), (4, 5), (5, 1)], "{e}");
    assert!(e.errors[0].message.contains("0 or more"), "{e}");
    assert!(
        e.errors[1]
            .message
            .contains("feature, migration, operations, other"),
        "{e}"
    );
    assert!(e.errors[2].message.contains("row 2"), "{e}");
}

#[test]
fn bad_allocations_are_each_placed() {
    let people = fixture("org-people.csv");
    let workstreams = fixture("org-workstreams.csv");
    let allocations = fixture("allocations-bad.csv");
    let req = ImportRequest {
        workstreams: Some(Source::new("org-workstreams.csv", &workstreams)),
        allocations: Some(Source::new("allocations-bad.csv", &allocations)),
        ..ImportRequest::people(Source::new("org-people.csv", &people))
    };
    let e = import(&req).unwrap_err();
    assert_eq!(cells(&e.errors), [(3, 1), (4, 2), (5, 3), (6, 3)], "{e}");
    assert!(
        e.errors[0]
            .message
            .contains("no person has the id (or e-mail) \"99\""),
        "{e}"
    );
    assert!(
        e.errors[1]
            .message
            .contains("no workstream has the id \"nope\""),
        "{e}"
    );
}

#[test]
fn errors_of_every_file_are_listed_together() {
    let people = fixture("bad-values.csv");
    let workstreams = fixture("workstreams-bad.csv");
    let req = ImportRequest {
        workstreams: Some(Source::new("workstreams-bad.csv", &workstreams)),
        ..ImportRequest::people(Source::new("bad-values.csv", &people))
    };
    let e = import(&req).unwrap_err();
    let files: Vec<&str> = e.errors.iter().map(|p| p.file.as_str()).collect();
    assert_eq!(files.iter().filter(|f| **f == "bad-values.csv").count(), 7);
    assert_eq!(
        files
            .iter()
            .filter(|f| **f == "workstreams-bad.csv")
            .count(),
        3
    );
    let p = preview(&req);
    assert_eq!(p.errors, e.errors, "the preview shows the same errors");
    assert_eq!(
        p.people, 3,
        "rows with bad values are still read, to show their other problems"
    );
}

#[test]
fn errors_are_capped_and_counted() {
    let mut csv = String::from("id,name,fte\n");
    for i in 0..150 {
        csv.push_str(&format!("{i},P{i},2\n"));
    }
    let e = import(&ImportRequest::people(Source::new(
        "many.csv",
        csv.as_bytes(),
    )))
    .unwrap_err();
    assert_eq!(e.errors.len(), MAX_LISTED);
    assert_eq!(e.more, 150 - MAX_LISTED);
    assert!(
        e.to_string()
            .starts_with("150 import errors; nothing was imported\nmany.csv:2:3 (fte): "),
        "{e}"
    );
    assert!(e.to_string().ends_with("… and 50 more"), "{e}");
}

#[test]
fn an_email_shared_by_two_people_cannot_name_a_manager() {
    let csv = b"id,name,email,manager,dotted line\n1,Ann,a@x.org,,\n2,Ann B,A@X.org,,\n3,Cy,c@x.org,a@x.org,2; a@X.org\n";
    let e = import(&ImportRequest::people(Source::new("p.csv", csv))).unwrap_err();
    assert_eq!(cells(&e.errors), [(4, 4), (4, 5)], "{e}");
    assert!(e.errors[0].message.contains("rows 2 and 3"), "{e}");
    assert_eq!(e.errors[1].header.as_deref(), Some("dotted line"));
}

#[test]
fn dotted_line_managers_by_id_or_email() {
    let csv = b"id,name,email,manager_id,Dotted Line Manager\n1,Ann,ann@x.org,,\n2,Bob,bob@x.org,1, ANN@x.org ;2;;nobody\n";
    let org = import(&ImportRequest::people(Source::new("p.csv", csv)))
        .unwrap_or_else(|e| panic!("{e}"))
        .org;
    let dotted: Vec<&str> = org.people[1]
        .dotted_managers
        .iter()
        .map(|d| d.as_str())
        .collect();
    assert_eq!(dotted, ["1", "2", "nobody"]);
}
