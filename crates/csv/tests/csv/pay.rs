//! Pay in (`docs/model.md`, "Cost"): a person's cost and currency columns, bands and budgets
//! files; every bad amount or currency refused with its file, row and column.

use pendulum_core::{Currency, Money};
use pendulum_csv::{ImportErrors, ImportRequest, Imported, Source, import};

const PEOPLE: &str = "\
id,name,manager_id,team,level,fte,Salary,Currency
p1,Ada,,Core,M1,1,\"120,000\",EUR
p2,Bo,p1,Core,L4,0.5,,EUR
p3,Cy,p1,Apps,L5,1,\"€95.500,50\",eur
";
const BANDS: &str = "level,annual_cost,currency\nM1,118000,EUR\nL4,84000,EUR\n";
const BUDGETS: &str = "team,annual_budget\nCore,150000\n*,400000\n";

fn request<'a>(
    people: &'a str,
    bands: Option<&'a str>,
    budgets: Option<&'a str>,
) -> ImportRequest<'a> {
    let mut req = ImportRequest::people(Source::new("people.csv", people.as_bytes()));
    req.bands = bands.map(|b| Source::new("bands.csv", b.as_bytes()));
    req.budgets = budgets.map(|b| Source::new("budgets.csv", b.as_bytes()));
    req
}

fn imported(req: &ImportRequest<'_>) -> Imported {
    import(req).unwrap_or_else(|e| panic!("should import:\n{e}"))
}

fn refused(req: &ImportRequest<'_>) -> ImportErrors {
    match import(req) {
        Ok(i) => panic!("should be refused, imported {} people", i.org.people.len()),
        Err(e) => e,
    }
}

fn euros(cents: i64) -> Option<Money> {
    Some(Money::from_cents(cents))
}

#[test]
fn costs_bands_budgets_and_the_currency_are_read() {
    let got = imported(&request(PEOPLE, Some(BANDS), Some(BUDGETS)));
    let org = &got.org;
    let costs: Vec<Option<Money>> = org.people.iter().map(|p| p.cost).collect();
    assert_eq!(costs, [euros(12_000_000), None, euros(9_550_050)]);
    assert_eq!(org.cost.currency, Currency::parse("EUR"));
    let bands: Vec<(&str, i64)> = org
        .cost
        .bands
        .iter()
        .map(|b| (b.level.as_str(), b.annual_cost.cents()))
        .collect();
    assert_eq!(bands, [("M1", 11_800_000), ("L4", 8_400_000)]);
    let budgets: Vec<(&str, i64)> = org
        .cost
        .budgets
        .iter()
        .map(|b| (b.team.as_str(), b.annual_budget.cents()))
        .collect();
    assert_eq!(budgets, [("Core", 15_000_000), ("*", 40_000_000)]);
    let field = |header: &str| {
        got.mappings[0]
            .columns
            .iter()
            .find(|c| c.header == header)
            .and_then(|c| c.field)
    };
    assert_eq!(field("Salary"), Some("cost"));
    assert_eq!(field("Currency"), Some("currency"));
    assert!(org.validate().is_empty(), "{:?}", org.validate());
}

#[test]
fn a_file_without_pay_holds_none() {
    let got = imported(&request("id,name\np1,Ada\n", None, None));
    assert_eq!(got.org.people[0].cost, None);
    assert_eq!(got.org.cost, Default::default());
}

#[test]
fn bad_amounts_are_refused_with_file_row_and_column() {
    let people = "id,name,cost\np1,Ada,lots\np2,Bo,-5000\np3,Cy,90000\n";
    let e = refused(&request(people, None, None));
    let shown: Vec<String> = e.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "people.csv:2:3 (cost): \"lots\" is not an amount of money",
            "people.csv:3:3 (cost): \"-5000\" is negative; amounts are 0 or more",
        ]
    );
}

#[test]
fn a_bad_currency_code_is_refused_in_its_cell() {
    let people = "id,name,cost,currency\np1,Ada,90000,EUR\np2,Bo,80000,Euro\n";
    let e = refused(&request(people, None, None));
    assert_eq!(e.errors.len(), 1, "{e}");
    let p = &e.errors[0];
    assert_eq!(
        (p.file.as_str(), p.row, p.column),
        ("people.csv", Some(3), Some(4))
    );
    assert!(p.message.contains("not an ISO 4217 currency code"), "{p}");
}

#[test]
fn mixed_currencies_are_refused_with_the_rows_of_each() {
    let people = "id,name,cost,currency\n\
        a,A,1,EUR\nb,B,1,EUR\nc,C,1,USD\nd,D,1,EUR\ne,E,1,usd\n";
    let e = refused(&request(people, None, None));
    assert_eq!(e.errors.len(), 1, "{e}");
    let p = &e.errors[0];
    assert_eq!((p.file.as_str(), p.row), ("people.csv", None));
    assert!(
        p.message
            .contains("mixes currencies: EUR in rows 2–3, 5; USD in rows 4, 6"),
        "{p}"
    );
}

#[test]
fn files_in_different_currencies_are_refused() {
    let bands = BANDS.replace("EUR", "USD");
    let e = refused(&request(PEOPLE, Some(&bands), None));
    assert_eq!(e.errors.len(), 1, "{e}");
    let p = &e.errors[0];
    assert_eq!(p.file, "bands.csv");
    assert!(
        p.message.contains("in USD but people.csv's are in EUR"),
        "{p}"
    );
}

#[test]
fn bad_bands_are_refused_with_row_and_column() {
    let bands = "level,annual_cost\nL3,68000\nl3,70000\n,50000\nL5,\nL6,a lot\n";
    let e = refused(&request("id,name\np1,Ada\n", Some(bands), None));
    let shown: Vec<String> = e.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "bands.csv:3:1 (level): level \"l3\" has a band already in row 2 (levels match ignoring case)",
            "bands.csv:4:1 (level): the level is empty",
            "bands.csv:5:2 (annual_cost): the annual cost is empty",
            "bands.csv:6:2 (annual_cost): \"a lot\" is not an amount of money",
        ]
    );
}

#[test]
fn bad_budgets_are_refused_with_row_and_column() {
    let people = "id,name,team\np1,Ada,Core\n";
    let budgets = "team,annual_budget\nCore,1000\nNowhere,1000\nCore,2000\n*,x\n";
    let e = refused(&request(people, None, Some(budgets)));
    let shown: Vec<String> = e.errors.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(
        shown[0]
            .starts_with("budgets.csv:3:1 (team): no person or workstream is in team \"Nowhere\""),
        "{shown:?}"
    );
    assert_eq!(
        shown[1],
        "budgets.csv:4:1 (team): team \"Core\" has a budget already in row 2"
    );
    assert_eq!(
        shown[2],
        "budgets.csv:5:2 (annual_budget): \"x\" is not an amount of money"
    );
}

#[test]
fn semicolon_files_read_decimal_comma_amounts() {
    let people = "id;name;cost\np1;Ada;95.000,50\np2;Bo;80000,5\n";
    let got = imported(&request(people, None, None));
    let costs: Vec<Option<Money>> = got.org.people.iter().map(|p| p.cost).collect();
    assert_eq!(costs, [euros(9_500_050), euros(8_000_050)]);
}
