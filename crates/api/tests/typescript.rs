//! The TypeScript declarations of every type that crosses the desktop app's IPC boundary,
//! rendered from the Rust types (ts-rs, following their serde attributes) into one file the
//! web UI imports: `ui/src/lib/backend/generated.ts`.
//!
//! The test fails when the committed file is not what the Rust types render today, so a
//! renamed field or a changed shape shows up here and then as type errors in the UI, instead
//! of as `undefined` at run time. `PENDULUM_BLESS=1` rewrites the file.

use std::path::PathBuf;

use ts_rs::{Config, TS};

const HEADER: &str = "// generated from the Rust types by crates/api/tests/typescript.rs; do not edit \
— run `PENDULUM_BLESS=1 cargo test -p pendulum-api --test typescript`\n";

/// One declaration, with the names of the declared types it refers to.
struct Declaration {
    name: String,
    text: String,
    uses: Vec<String>,
}

fn declare<T: TS + 'static + ?Sized>(cfg: &Config) -> Declaration {
    let name = T::ident(cfg);
    // Date serialises by hand as text; its Rust docs describe the in-memory day count.
    let docs = match name.as_str() {
        "IsoDate" => {
            Some("/**\n * A calendar day, `YYYY-MM-DD` (core's `Date`).\n */\n".to_owned())
        }
        _ => T::docs(),
    };
    Declaration {
        uses: T::dependencies(cfg)
            .into_iter()
            .map(|d| d.ts_name)
            .collect(),
        text: format!(
            "{}export {}\n",
            docs.unwrap_or_default(),
            layout(&T::decl(cfg))
        ),
        name,
    }
}

/// Splits `text` where `at` occurs outside brackets, string literals and comments: ts-rs
/// writes a declaration on one line, with field docs inline, and this is how it gets one
/// member or variant per line. `None` when a bracket closes one that `text` did not open.
fn split_top_level<'a>(text: &'a str, at: &str) -> Option<Vec<&'a str>> {
    let mut pieces = Vec::new();
    let mut level = 0usize;
    let mut start = 0;
    // Byte offset up to which the text is inside a comment, a literal or a separator.
    let mut skip_to = 0;
    for (i, c) in text.char_indices() {
        if i < skip_to {
            continue;
        }
        let rest = &text[i..];
        if rest.starts_with("/*") {
            skip_to = i + rest.find("*/").map_or(rest.len(), |end| end + 2);
            continue;
        }
        match c {
            // ts-rs writes string literals of names and tags, without escapes.
            '"' => skip_to = i + 1 + rest[1..].find('"').map_or(rest.len() - 1, |end| end + 1),
            '{' | '[' | '(' | '<' => level += 1,
            '}' | ']' | ')' | '>' => level = level.checked_sub(1)?,
            _ if level == 0 && rest.starts_with(at) => {
                pieces.push(&text[start..i]);
                start = i + at.len();
                skip_to = start;
            }
            _ => {}
        }
    }
    pieces.push(&text[start..]);
    Some(pieces)
}

/// A member with its doc comment (if any), each line indented by two spaces.
fn member(text: &str, out: &mut String) {
    for line in text.trim().lines().map(str::trim) {
        let indent = if line.starts_with('*') { "   " } else { "  " };
        out.push_str(indent);
        out.push_str(line);
        out.push('\n');
    }
}

/// `type X = { a: A, b: B, };` as one member per line, and a long union one variant per line.
fn layout(decl: &str) -> String {
    let Some((head, body)) = decl.split_once(" = ") else {
        return decl.to_owned();
    };
    let body = body.trim_end_matches(';');
    let Some(variants) = split_top_level(body, " | ") else {
        return decl.to_owned();
    };
    if variants.len() > 1 {
        if decl.len() <= 100 {
            return decl.to_owned();
        }
        let mut out = format!("{head} =\n");
        for v in variants {
            out.push_str("  | ");
            out.push_str(v.trim());
            out.push('\n');
        }
        out.pop();
        out.push(';');
        return out;
    }
    // One object (not `{ a } & { b }`): its inside never closes a bracket it did not open.
    let fields = body
        .strip_prefix("{ ")
        .and_then(|b| b.strip_suffix(" }"))
        .and_then(|object| split_top_level(object, ","));
    let Some(fields) = fields else {
        return decl.to_owned();
    };
    let mut out = format!("{head} = {{\n");
    for field in fields {
        if field.trim().is_empty() {
            continue;
        }
        let mut field = field.trim().to_owned();
        field.push(';');
        member(&field, &mut out);
    }
    out.push_str("};");
    out
}

/// Every exported type, in the order of the file: core's model, edits, rules, figures, diff
/// and swing; the CSV import preview; the api's requests and responses.
fn declarations() -> Vec<Declaration> {
    use pendulum_api::export::{PdfPreview, PdfRequest};
    use pendulum_api::pendulum::{Applied, HistoryReport, RoleSpell, SimulateReport};
    use pendulum_api::reports::{LayoutEdge, LayoutNode};
    use pendulum_api::session::{FileChange, Reloaded, UpdateInfo};
    use pendulum_api::suggest::{FlagRef, SuggestRequest};
    use pendulum_api::update::{Conflict, UpdatePreview};
    use pendulum_api::view::{
        AllocationRow, CostView, PersonCard, SkippedRow, TeamRow, WorkstreamRow,
    };
    use pendulum_api::{
        ApiError, CheckReport, DocumentInfo, ErrorCode, ExportFormat, LayoutReport, OrgView,
        RecentDocument, ScenarioInfo, Shown, StatsReport, TimelineRequest, TimelineShown,
        ViewRequest,
    };
    use pendulum_core::load::LoadAllocation;
    use pendulum_core::{
        Ahead, ManagerLoad, Staffing, SuggestedSwing, Suggestion, SwingLoad, TeamSeries, Timeline,
        WorkstreamSeries,
    };
    use pendulum_core::{
        Allocation, Date, DatedEdit, Diff, Edit, FieldChange, FieldValue, Flag, FlagSummary, Move,
        Person, PersonChange, PersonId, Role, Rule, RuleChange, RuleConfig, Severity, Stats,
        Status, Subject, SubjectKind, Swing, SwingReport, SwingTo, Team, TeamChange, TeamId,
        TeamKind, TimelinePoint, Workstream, WorkstreamChange, WorkstreamId, WorkstreamKind,
    };
    use pendulum_core::{
        Band, Budget, CostChange, CostDiff, CostSettings, CostStats, Currency, Money, MonthCost,
        PersonCostChange, Projection, SwingCost, WorkstreamCost,
    };
    use pendulum_csv::{ColumnMapping, FileKind, FileMapping, ImportPreview, ImportProblem};

    // JSON.parse gives numbers, never bigints, whatever the integer's width in Rust.
    let cfg = Config::new().with_large_int("number");
    let cfg = &cfg;
    vec![
        // core: the model
        declare::<Date>(cfg),
        declare::<PersonId>(cfg),
        declare::<TeamId>(cfg),
        declare::<WorkstreamId>(cfg),
        declare::<Role>(cfg),
        declare::<Status>(cfg),
        declare::<TeamKind>(cfg),
        declare::<WorkstreamKind>(cfg),
        declare::<Person>(cfg),
        declare::<Team>(cfg),
        declare::<Workstream>(cfg),
        declare::<Allocation>(cfg),
        // core: pay
        declare::<Money>(cfg),
        declare::<Currency>(cfg),
        declare::<Band>(cfg),
        declare::<Budget>(cfg),
        declare::<CostSettings>(cfg),
        declare::<CostStats>(cfg),
        declare::<CostDiff>(cfg),
        declare::<PersonCostChange>(cfg),
        declare::<MonthCost>(cfg),
        declare::<Projection>(cfg),
        declare::<WorkstreamCost>(cfg),
        // core: edits
        declare::<Edit>(cfg),
        declare::<PersonChange>(cfg),
        declare::<TeamChange>(cfg),
        declare::<WorkstreamChange>(cfg),
        declare::<RuleChange>(cfg),
        declare::<CostChange>(cfg),
        declare::<DatedEdit>(cfg),
        // core: rules and figures
        declare::<RuleConfig>(cfg),
        declare::<Severity>(cfg),
        declare::<Rule>(cfg),
        declare::<SubjectKind>(cfg),
        declare::<Subject>(cfg),
        declare::<Flag>(cfg),
        declare::<FlagSummary>(cfg),
        declare::<Stats>(cfg),
        // core: scenarios compared, swings simulated
        declare::<Move>(cfg),
        declare::<FieldValue>(cfg),
        declare::<FieldChange>(cfg),
        declare::<Diff>(cfg),
        declare::<SwingTo>(cfg),
        declare::<Swing>(cfg),
        declare::<TimelinePoint>(cfg),
        declare::<SwingCost>(cfg),
        declare::<LoadAllocation>(cfg),
        declare::<ManagerLoad>(cfg),
        declare::<SwingLoad>(cfg),
        declare::<SwingReport>(cfg),
        declare::<SuggestedSwing>(cfg),
        declare::<Suggestion>(cfg),
        // core: the plan over time
        declare::<Staffing>(cfg),
        declare::<WorkstreamSeries>(cfg),
        declare::<TeamSeries>(cfg),
        declare::<Ahead>(cfg),
        declare::<Timeline>(cfg),
        // csv: the import preview
        declare::<FileKind>(cfg),
        declare::<ColumnMapping>(cfg),
        declare::<FileMapping>(cfg),
        declare::<ImportProblem>(cfg),
        declare::<ImportPreview>(cfg),
        // api: errors
        declare::<ErrorCode>(cfg),
        declare::<ApiError>(cfg),
        // api: the session
        declare::<ScenarioInfo>(cfg),
        declare::<FileChange>(cfg),
        declare::<UpdateInfo>(cfg),
        declare::<DocumentInfo>(cfg),
        declare::<Reloaded>(cfg),
        declare::<Conflict>(cfg),
        declare::<UpdatePreview>(cfg),
        declare::<RecentDocument>(cfg),
        declare::<ViewRequest>(cfg),
        declare::<PersonCard>(cfg),
        declare::<LayoutNode>(cfg),
        declare::<LayoutEdge>(cfg),
        declare::<LayoutReport>(cfg),
        declare::<WorkstreamRow>(cfg),
        declare::<TeamRow>(cfg),
        declare::<AllocationRow>(cfg),
        declare::<SkippedRow>(cfg),
        declare::<CostView>(cfg),
        declare::<OrgView>(cfg),
        declare::<Shown>(cfg),
        declare::<TimelineRequest>(cfg),
        declare::<TimelineShown>(cfg),
        declare::<FlagRef>(cfg),
        declare::<SuggestRequest>(cfg),
        declare::<ExportFormat>(cfg),
        declare::<PdfRequest>(cfg),
        declare::<PdfPreview>(cfg),
        // api: reports
        declare::<CheckReport>(cfg),
        declare::<StatsReport>(cfg),
        declare::<RoleSpell>(cfg),
        declare::<HistoryReport>(cfg),
        declare::<Applied>(cfg),
        declare::<SimulateReport>(cfg),
    ]
}

/// Values the UI needs from Rust as well as shapes: the rule thresholds' defaults, so that no
/// TypeScript re-types them.
fn constants() -> String {
    let defaults = serde_json::to_value(pendulum_core::RuleConfig::default())
        .expect("the rule defaults serialise");
    let mut out = String::from(
        "/**\n * Every rule threshold's default: core's `RuleConfig::default()`.\n */\n\
         export const RULE_DEFAULTS: RuleConfig = {\n",
    );
    for (field, value) in defaults.as_object().expect("an object") {
        out.push_str(&format!("  {field}: {value},\n"));
    }
    out.push_str("};\n");
    out
}

fn render(declarations: &[Declaration]) -> String {
    let mut out = String::from(HEADER);
    for d in declarations {
        out.push('\n');
        out.push_str(&d.text);
    }
    out.push('\n');
    out.push_str(&constants());
    out.push_str(&thresholds());
    out
}

/// Core's table of thresholds (docs/rules.md), so the app's panel shows every threshold with
/// its label and checks its range before sending it.
fn thresholds() -> String {
    let mut out = String::from(
        "\n/**\n * Every rule threshold with its label and documented range (core's `THRESHOLDS`).\n */\n\
         export const THRESHOLDS: readonly {\n  field: RuleChange[\"field\"];\n  label: string;\n  \
         whole: boolean;\n  min: number;\n  max: number;\n}[] = [\n",
    );
    for t in pendulum_core::THRESHOLDS {
        out.push_str(&format!(
            "  {{ field: {:?}, label: {:?}, whole: {}, min: {}, max: {} }},\n",
            t.name, t.label, t.whole, t.min, t.max
        ));
    }
    out.push_str("];\n");
    out
}

/// The file, relative to the workspace root.
const GENERATED: &str = "ui/src/lib/backend/generated.ts";

fn generated_ts() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(GENERATED)
}

/// The first line where two texts differ (1-based), with both versions of it.
fn first_difference<'a>(committed: &'a str, generated: &'a str) -> (usize, &'a str, &'a str) {
    let mut a = committed.lines();
    let mut b = generated.lines();
    let mut line = 1;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (x, y) => {
                return (
                    line,
                    x.unwrap_or("<end of file>"),
                    y.unwrap_or("<end of file>"),
                );
            }
        }
    }
}

#[test]
fn generated_typescript_is_fresh() {
    let generated = render(&declarations());
    let path = generated_ts();
    if std::env::var_os("PENDULUM_BLESS").is_some_and(|v| v == "1") {
        if let Err(e) = std::fs::write(&path, &generated) {
            panic!("cannot write {}: {e}", path.display());
        }
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        let (line, was, now) = first_difference(&committed, &generated);
        panic!(
            "{} is not what the Rust types render today (an IPC type changed).\n\
             first difference, line {line}:\n  file:     {was}\n  rendered: {now}\n\
             Check that the UI still matches the new shape, then run \
             `PENDULUM_BLESS=1 cargo test -p pendulum-api --test typescript` and commit the file.",
            GENERATED
        );
    }
}

#[test]
fn every_type_a_declaration_refers_to_is_declared_once() {
    let declarations = declarations();
    let mut names: Vec<&str> = declarations.iter().map(|d| d.name.as_str()).collect();
    names.sort_unstable();
    let repeated: Vec<&&str> = names
        .windows(2)
        .filter_map(|w| (w[0] == w[1]).then_some(&w[0]))
        .collect();
    assert!(
        repeated.is_empty(),
        "two Rust types render as {repeated:?}: rename one with #[ts(rename)]"
    );
    let missing: Vec<String> = declarations
        .iter()
        .flat_map(|d| {
            d.uses
                .iter()
                .filter(|u| names.binary_search(&u.as_str()).is_err())
                .map(move |u| format!("{} (used by {})", u, d.name))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "types used but not declared in generated.ts (add them to declarations()): {missing:?}"
    );
}
