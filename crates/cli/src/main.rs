//! `pendulum`: the command-line twin of the desktop app (`docs/cli.md`).
//!
//! Exit codes: 0 = fine; 1 = `check` found error flags (or warnings with `--deny warnings`);
//! 2 = bad input or usage.

mod output;
mod suggest;
mod timeline;
mod update;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use pendulum_api::{ApiError, ApiResult, Loaded, OrgSource};
use pendulum_core::Date;

#[derive(Parser, Debug)]
#[command(
    name = "pendulum",
    version,
    about = "Plan org charts and team workloads; check them against span, layer and staffing rules.",
    after_help = "ORG is a .pendulum document, a JSON export, or a people CSV or workbook (.xlsx, .xls, \
                  .xlsb, .ods) with --workstreams/--allocations beside it or its other sheets."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check the org against every rule and list the flags (exit 1 when there are errors).
    Check {
        #[command(flatten)]
        org: OrgArgs,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also fail (exit 1) on warnings.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
    },
    /// Print headcount, managers, ICs, IC capacity, spans and layers.
    Stats {
        #[command(flatten)]
        org: OrgArgs,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the org as JSON, CSV or an XLSX workbook, the PDF report, or the chart as SVG or PNG.
    Export {
        #[command(flatten)]
        org: OrgArgs,
        #[command(flatten)]
        kind: ExportKind,
        #[command(flatten)]
        pdf: PdfArgs,
        /// Put pay into the export: people's cost and the currency, bands and budgets (CSV,
        /// XLSX and JSON), workstream cost (CSV, XLSX), a "Cost" page (PDF). Left out without it.
        #[arg(long)]
        with_cost: bool,
        /// Output file. For --csv, the people file; the others are written beside it.
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
        /// --csv: replace OUT-workstreams.csv, OUT-allocations.csv and OUT-workload.csv when
        /// they exist (without it the export refuses, naming them).
        #[arg(long)]
        force: bool,
    },
    /// Lay out the chart: every card's box and every reporting line's route, as drawn.
    Layout {
        #[command(flatten)]
        org: OrgArgs,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Lay out only this person and the people under them.
        #[arg(long, value_name = "ID")]
        root: Option<String>,
        /// Left to right instead of top down.
        #[arg(long)]
        left_right: bool,
    },
    /// Simulate a swing between IC and manager: spans, flags, moves and a capacity timeline.
    Simulate {
        #[command(flatten)]
        org: OrgArgs,
        /// The person who swings.
        #[arg(long, value_name = "ID")]
        person: String,
        /// Which way.
        #[arg(long, value_enum)]
        to: SwingDirection,
        /// To manager: the people who will report to them (comma-separated ids).
        #[arg(long, value_name = "ID,ID", value_delimiter = ',')]
        reports: Vec<String>,
        /// To IC: who takes their reports (default: spread over peer managers).
        #[arg(long, value_name = "ID")]
        successor: Option<String>,
        /// To IC: workstreams to join, as WS=PERCENT pairs.
        #[arg(long, value_name = "WS=PCT,...", value_delimiter = ',', value_parser = parse_join)]
        join: Vec<(String, f64)>,
        /// The day of the swing (default: --as-of, else today). Without --as-of the org is
        /// viewed on this day; --as-of before it is refused (the swing has not happened yet).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        date: Option<Date>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also apply the swing to this scenario of the .pendulum document (forked if new).
        #[arg(long, value_name = "SCENARIO")]
        apply: Option<String>,
    },
    /// Suggest swings for the flags a swing can answer (pendulum-due, span-too-wide,
    /// span-too-narrow, manager-overloaded), ranked; `simulate` reports the same effect.
    Suggest {
        #[command(flatten)]
        org: OrgArgs,
        /// Only this flag: RULE:SUBJECT, e.g. pendulum-due:p-henrik.
        #[arg(long = "for", value_name = "RULE:SUBJECT")]
        for_flag: Option<String>,
        /// Suggestions per flag, best first (1 to 100).
        #[arg(long, value_name = "N", default_value_t = pendulum_api::suggest::DEFAULT_LIMIT)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// A person's role history: every swing, and how long they have been in the current role.
    History {
        #[command(flatten)]
        org: OrgArgs,
        #[arg(long, value_name = "ID")]
        person: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Staffing month by month (workstreams' required and effective FTE, teams' headcount and
    /// IC capacity) and the problems ahead: each flag that starts or ends, with its first day.
    Timeline {
        #[command(flatten)]
        org: OrgArgs,
        /// The viewed day the months start from (default --as-of, else today); the first
        /// month is the one it falls in.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        from: Option<Date>,
        /// How many months (1 to 120; default the org's horizon_months, 12).
        #[arg(long, value_name = "N")]
        months: Option<u32>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Import CSVs or workbooks (or a JSON export) into a new .pendulum document.
    Import {
        /// People CSV or workbook (its Workstreams and Allocations sheets are read too).
        #[arg(long, value_name = "FILE")]
        people: PathBuf,
        /// Workstreams CSV or workbook.
        #[arg(long, value_name = "FILE")]
        workstreams: Option<PathBuf>,
        /// Allocations CSV or workbook.
        #[arg(long, value_name = "FILE")]
        allocations: Option<PathBuf>,
        /// Bands: level,annual_cost — the annual cost of a full-time role.
        #[arg(long, value_name = "FILE")]
        bands: Option<PathBuf>,
        /// Budgets: team,annual_budget; team * is the whole org.
        #[arg(long, value_name = "FILE")]
        budgets: Option<PathBuf>,
        /// The sheet of the people workbook to read (default: one named like People).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// The document to create.
        #[arg(short = 'o', long = "output", value_name = "ORG.pendulum")]
        output: PathBuf,
        /// Replace the document if it exists (its scenarios and edits are lost).
        #[arg(long)]
        force: bool,
    },
    /// What a newer HR export would change in a document: who joined, left, moved and
    /// changed, and each scenario's edits that would no longer apply (with why). This
    /// version previews only: --dry-run is required, and nothing is written.
    Update {
        /// The .pendulum document.
        #[arg(value_name = "ORG.pendulum")]
        path: PathBuf,
        /// The newer people CSV or workbook (its Workstreams and Allocations sheets are read too).
        #[arg(long, value_name = "FILE", required_unless_present_any = ["undo", "history"])]
        people: Option<PathBuf>,
        /// The newer workstreams CSV or workbook.
        #[arg(long, value_name = "FILE")]
        workstreams: Option<PathBuf>,
        /// The newer allocations CSV or workbook.
        #[arg(long, value_name = "FILE")]
        allocations: Option<PathBuf>,
        /// The sheet of the people workbook to read (default: one named like People).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Show what would change and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Undo the document's newest update: the org it replaced is the baseline again.
        #[arg(long, conflicts_with_all = ["people", "dry_run", "history"])]
        undo: bool,
        /// List the document's updates (day, export, what changed), oldest first.
        #[arg(long, conflicts_with_all = ["people", "dry_run"])]
        history: bool,
        /// The day the export is read as of, and the day the update is recorded under
        /// (default today).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<Date>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Compare a scenario with the baseline (or with another scenario).
    Diff {
        /// A .pendulum document.
        #[arg(value_name = "ORG")]
        path: PathBuf,
        /// The scenario to compare.
        #[arg(long, value_name = "A")]
        scenario: String,
        /// The scenario to compare it against (default the baseline).
        #[arg(long, value_name = "B")]
        against: Option<String>,
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        as_of: Option<Date>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Args, Debug)]
#[group(required = true, multiple = false)]
struct ExportKind {
    /// The whole org and its rules as JSON; `pendulum check` reads it back.
    #[arg(long)]
    json: bool,
    /// People as CSV, plus OUT-workstreams.csv, OUT-allocations.csv and OUT-workload.csv.
    #[arg(long)]
    csv: bool,
    /// One workbook: People, Teams, Workstreams and Allocations sheets (which import reads
    /// back), Workload and Flags; header frozen, filters on, dates as dates.
    #[arg(long)]
    xlsx: bool,
    /// The report for a leadership review: title, chart, summary, flags, workload (and a
    /// scenario's diff).
    #[arg(long)]
    pdf: bool,
    /// The chart as SVG.
    #[arg(long)]
    svg: bool,
    /// The chart as PNG at twice its size (crisp on high-density screens); a chart over
    /// 16,384 pixels a side or 64 million pixels is scaled down to fit.
    #[arg(long)]
    png: bool,
}

#[derive(Args, Debug)]
struct PdfArgs {
    /// Page size: a4, letter or a3.
    #[arg(long, value_name = "SIZE", default_value = "a4")]
    page: String,
    /// Landscape pages (default portrait).
    #[arg(long)]
    landscape: bool,
    /// Print (or draw) only this person and the people under them.
    #[arg(long, value_name = "ID")]
    root: Option<String>,
    /// The date printed on the report (default today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<Date>,
    /// PDF: start a new chart page every N levels.
    #[arg(long, value_name = "N")]
    break_every: Option<u32>,
    /// PDF: give every subtree of at least M people a page of its own.
    #[arg(long, value_name = "M")]
    break_min_people: Option<u32>,
    /// PDF: fit the whole chart on one page, however small.
    #[arg(long)]
    one_page: bool,
    /// PDF: the title (default the file's name).
    #[arg(long)]
    title: Option<String>,
    /// PDF: instead of the report, the whole chart on one page of SIZE (a2, a1, a0, or WxH
    /// in mm, e.g. 900x1200), names at 6 pt or more; exits 2 naming the size it needs when
    /// it does not fit.
    #[arg(long, value_name = "SIZE")]
    poster: Option<String>,
    /// PDF: add the "Staffing over time" and "Problems ahead" pages, over the org's
    /// horizon_months from --as-of, as `pendulum timeline` computes them.
    #[arg(long)]
    timeline: bool,
}

#[derive(Args, Debug)]
struct OrgArgs {
    /// The org: a .pendulum document, a JSON export, or a people CSV or workbook.
    #[arg(value_name = "ORG")]
    path: PathBuf,
    /// Workstreams CSV or workbook (with a people file).
    #[arg(long, value_name = "FILE")]
    workstreams: Option<PathBuf>,
    /// Allocations CSV or workbook (with a people file).
    #[arg(long, value_name = "FILE")]
    allocations: Option<PathBuf>,
    /// Bands: level,annual_cost — the annual cost of a full-time role (with a people file).
    #[arg(long, value_name = "FILE")]
    bands: Option<PathBuf>,
    /// Budgets: team,annual_budget; team * is the whole org (with a people file).
    #[arg(long, value_name = "FILE")]
    budgets: Option<PathBuf>,
    /// The sheet of a people workbook to read (default: one named like People, else the
    /// first whose header fits).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// The day to look at the org as of (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    as_of: Option<Date>,
    /// JSON object of rule thresholds that override the org's (e.g. {"manager_max_span": 7}).
    #[arg(long, value_name = "FILE")]
    rule_config: Option<PathBuf>,
    /// For a .pendulum document: the scenario to read (default the baseline).
    #[arg(long, value_name = "NAME")]
    scenario: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Deny {
    Warnings,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SwingDirection {
    Manager,
    Ic,
}

fn parse_join(s: &str) -> Result<(String, f64), String> {
    let (ws, pct) = s
        .split_once('=')
        .ok_or_else(|| format!("expected WS=PERCENT, found {s:?}"))?;
    let pct = pct.trim().trim_end_matches('%');
    let value: f64 = pct
        .parse()
        .map_err(|_| format!("{pct:?} is not a percent (in {s:?})"))?;
    if !(value > 0.0 && value <= 100.0) {
        return Err(format!(
            "percent must be in (0, 100], found {value} (in {s:?})"
        ));
    }
    Ok((ws.trim().to_string(), value))
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).map_err(|e| e.to_string())
}

/// The org's timeline as `pendulum timeline` computes it: a document scenario's dated edits
/// on their days, a --rule-config winning over them.
fn dated_timeline(
    org: &OrgArgs,
    from: Date,
    months: Option<u32>,
) -> ApiResult<pendulum_core::Timeline> {
    let mut dated = pendulum_api::timeline::load_dated(&org.source())?;
    if let Some(path) = &org.rule_config {
        dated.override_rules(path)?;
    }
    let months = months.unwrap_or(dated.rules.horizon_months);
    pendulum_api::timeline::timeline_of(&dated, from, months)
}

/// Today's local date: the one place the CLI reads the clock.
fn today() -> Date {
    pendulum_api::today::local_today()
}

impl OrgArgs {
    fn source(&self) -> OrgSource {
        OrgSource {
            path: self.path.clone(),
            workstreams: self.workstreams.clone(),
            allocations: self.allocations.clone(),
            bands: self.bands.clone(),
            budgets: self.budgets.clone(),
            sheet: self.sheet.clone(),
            scenario: self.scenario.clone(),
        }
    }

    fn load(&self) -> ApiResult<Loaded> {
        self.load_as_of(self.as_of())
    }

    fn load_as_of(&self, as_of: Date) -> ApiResult<Loaded> {
        let mut loaded = pendulum_api::load(&self.source(), as_of)?;
        if let Some(path) = &self.rule_config {
            loaded.rules = pendulum_api::override_rules(&loaded.rules, path)?;
        }
        for w in &loaded.warnings {
            eprintln!("warning: {w}");
        }
        Ok(loaded)
    }

    fn as_of(&self) -> Date {
        self.as_of.unwrap_or_else(today)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let paint = output::Paint::stderr();
            eprintln!("{} {}", paint.error("error:"), e.message);
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> ApiResult<ExitCode> {
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Check { org, format, deny } => {
            let loaded = org.load()?;
            let report = pendulum_api::check_report(&loaded, org.as_of());
            match format {
                Format::Json => write_json(&mut out, &report)?,
                Format::Text => {
                    let paint = output::Paint::stdout();
                    let text = output::check_text(&report, &loaded, &org.path, &paint);
                    write_text(&mut out, &text)?;
                }
            }
            let failing = report.summary.errors > 0
                || (deny == Some(Deny::Warnings) && report.summary.warnings > 0);
            Ok(if failing {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Stats { org, format } => {
            let loaded = org.load()?;
            let report = pendulum_api::stats_report(&loaded, org.as_of());
            match format {
                Format::Json => write_json(&mut out, &report)?,
                Format::Text => {
                    let paint = output::Paint::stdout();
                    write_text(&mut out, &output::stats_text(&report, &org.path, &paint))?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            org,
            kind,
            pdf,
            with_cost,
            output,
            force,
        } => {
            let loaded = org.load()?;
            if pdf.timeline && (kind.json || kind.csv || kind.xlsx || kind.svg || kind.png) {
                return Err(ApiError::usage(
                    "--timeline goes with --pdf: it adds the report's staffing-over-time pages",
                ));
            }
            if pdf.poster.is_some()
                && (pdf.timeline || kind.json || kind.csv || kind.xlsx || kind.svg || kind.png)
            {
                return Err(ApiError::usage(
                    "--poster goes with --pdf alone: it prints the chart on one page, without the \
                     report's other pages",
                ));
            }
            if with_cost && (kind.svg || kind.png) {
                return Err(ApiError::usage(
                    "--with-cost goes with --pdf, --csv, --xlsx or --json; the chart never shows pay",
                ));
            }
            let written = if kind.json {
                pendulum_api::export::write_json(&loaded, &output, with_cost)?
            } else if kind.csv {
                pendulum_api::export::write_csv(&loaded, org.as_of(), &output, with_cost, force)
                    .map_err(|mut e| {
                        if e.code == pendulum_api::ErrorCode::Exists {
                            e.message.push_str(" (pass --force to replace them)");
                        }
                        e
                    })?
            } else if kind.xlsx {
                pendulum_api::export::write_xlsx(&loaded, org.as_of(), &output, with_cost)?
            } else if kind.svg {
                let root = pdf.root.map(pendulum_core::PersonId::new);
                let text = pendulum_api::export::svg_text(&loaded, org.as_of(), root)?;
                pendulum_api::export::write_atomically(&output, text.as_bytes())?;
                vec![output.clone()]
            } else if kind.png {
                let root = pdf.root.map(pendulum_core::PersonId::new);
                let bytes = pendulum_api::export::png_bytes(&loaded, org.as_of(), root)?;
                pendulum_api::export::write_atomically(&output, &bytes)?;
                vec![output.clone()]
            } else {
                let request = pendulum_api::export::PdfRequest {
                    page: Some(pdf.page),
                    landscape: pdf.landscape,
                    root: pdf.root.map(pendulum_core::PersonId::new),
                    break_every_levels: pdf.break_every,
                    break_min_people: pdf.break_min_people,
                    one_page: pdf.one_page,
                    title: pdf.title,
                    with_cost,
                    poster: pdf.poster,
                };
                let timeline = if pdf.timeline {
                    Some(dated_timeline(&org, org.as_of(), None)?)
                } else {
                    None
                };
                let progress = output::Progress::start("Writing the PDF report");
                let bytes = pendulum_api::export::pdf_bytes_with_timeline(
                    &org.source(),
                    &loaded,
                    org.as_of(),
                    pdf.date.unwrap_or_else(today),
                    &request,
                    timeline.as_ref(),
                )?;
                pendulum_api::export::write_atomically(&output, &bytes)?;
                progress.finish();
                vec![output.clone()]
            };
            for path in written {
                eprintln!("wrote {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Layout {
            org,
            format,
            root,
            left_right,
        } => {
            let loaded = org.load()?;
            let request = pendulum_api::LayoutRequest {
                root: root.map(pendulum_core::PersonId::new),
                left_right,
                collapsed: Vec::new(),
            };
            let report = pendulum_api::layout_report(&loaded, org.as_of(), &request)?;
            match format {
                Format::Json => write_json(&mut out, &report)?,
                Format::Text => write_text(
                    &mut out,
                    &format!(
                        "{} cards, {} reporting lines, drawing {:.0} × {:.0}\n",
                        report.nodes.len(),
                        report.edges.len(),
                        report.width,
                        report.height
                    ),
                )?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Simulate {
            org,
            person,
            to,
            reports,
            successor,
            join,
            date,
            format,
            apply,
        } => {
            // The org is viewed on the swing's day unless --as-of says otherwise; a view
            // before the swing is refused by the simulation itself.
            let as_of = org.as_of.or(date).unwrap_or_else(today);
            let swing = pendulum_core::Swing {
                person: pendulum_core::PersonId::new(person),
                to: match to {
                    SwingDirection::Manager => pendulum_core::SwingTo::Manager,
                    SwingDirection::Ic => pendulum_core::SwingTo::Ic,
                },
                date: date.unwrap_or(as_of),
                reports: reports
                    .into_iter()
                    .map(pendulum_core::PersonId::new)
                    .collect(),
                successor: successor.map(pendulum_core::PersonId::new),
                join: join
                    .into_iter()
                    .map(|(w, p)| (pendulum_core::WorkstreamId::new(w), p))
                    .collect(),
            };
            if org.rule_config.is_some() && apply.is_some() {
                return Err(ApiError::usage(
                    "--rule-config and --apply together would apply a swing judged by other rules than the document's",
                ));
            }
            let loaded = org.load_as_of(as_of)?;
            let report = pendulum_api::pendulum::simulate_swing(
                &org.source(),
                &loaded,
                &swing,
                as_of,
                apply.as_deref(),
            )?;
            match format {
                Format::Json => write_json(&mut out, &report)?,
                Format::Text => {
                    let paint = output::Paint::stdout();
                    write_text(&mut out, &output::simulate_text(&report, &loaded, &paint))?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Suggest {
            org,
            for_flag,
            limit,
            format,
        } => suggest::run(&mut out, &org, for_flag.as_deref(), limit, format),
        Command::History {
            org,
            person,
            format,
        } => {
            let report = pendulum_api::pendulum::history(&org.source(), &person, org.as_of())?;
            match format {
                Format::Json => write_json(&mut out, &report)?,
                Format::Text => {
                    let paint = output::Paint::stdout();
                    write_text(&mut out, &output::history_text(&report, &paint))?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Timeline {
            org,
            from,
            months,
            format,
        } => {
            let from = from.or(org.as_of).unwrap_or_else(today);
            let report = dated_timeline(&org, from, months)?;
            match format {
                Format::Json => write_json(&mut out, &report)?,
                Format::Text => {
                    let paint = output::Paint::stdout();
                    write_text(
                        &mut out,
                        &timeline::timeline_text(&report, &org.path, &paint),
                    )?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            people,
            workstreams,
            allocations,
            bands,
            budgets,
            sheet,
            output,
            force,
        } => {
            let source = OrgSource {
                path: people,
                workstreams,
                allocations,
                bands,
                budgets,
                sheet,
                scenario: None,
            };
            let progress = output::Progress::start("Importing");
            let summary = pendulum_api::document::import_document(&source, &output, force)?;
            progress.finish();
            for w in &summary.warnings {
                eprintln!("warning: {w}");
            }
            let pay = match (summary.bands, summary.budgets) {
                (0, 0) => String::new(),
                (bands, budgets) => format!(", {bands} bands, {budgets} budgets"),
            };
            eprintln!(
                "wrote {}: {} people, {} teams, {} workstreams, {} allocations{pay}",
                output.display(),
                summary.people,
                summary.teams,
                summary.workstreams,
                summary.allocations
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Update {
            path,
            people,
            workstreams,
            allocations,
            sheet,
            dry_run,
            undo,
            history,
            as_of,
            format,
        } => {
            let what = if undo {
                update::What::Undo
            } else if history {
                update::What::History
            } else {
                let Some(people) = people else {
                    return Err(ApiError::usage(
                        "update needs --people FILE (or --undo, or --history)",
                    ));
                };
                let export = OrgSource {
                    path: people,
                    workstreams,
                    allocations,
                    sheet,
                    ..OrgSource::default()
                };
                if dry_run {
                    update::What::Preview(export)
                } else {
                    update::What::Apply(export)
                }
            };
            let text = update::run(&path, what, as_of.unwrap_or_else(today))?;
            match format {
                Format::Json => write_json(&mut out, &text.json)?,
                Format::Text => write_text(&mut out, &text.text)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff {
            path,
            scenario,
            against,
            as_of,
            format,
        } => {
            let as_of = as_of.unwrap_or_else(today);
            let d = pendulum_api::document::diff_scenarios(
                &path,
                &scenario,
                against.as_deref(),
                as_of,
            )?;
            match format {
                Format::Json => write_json(&mut out, &d)?,
                Format::Text => {
                    let paint = output::Paint::stdout();
                    let before = against.as_deref().unwrap_or("baseline");
                    write_text(
                        &mut out,
                        &output::diff_text(&d, &scenario, before, as_of, &paint),
                    )?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> ApiResult<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| ApiError::new(pendulum_api::ErrorCode::Internal, e.to_string()))?;
    write_text(out, &(text + "\n"))
}

fn write_text(out: &mut impl Write, text: &str) -> ApiResult<()> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`pendulum check … | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(ApiError::new(
            pendulum_api::ErrorCode::Io,
            format!("stdout: {e}"),
        )),
    }
}
