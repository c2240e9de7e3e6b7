//! Writing an org out: lossless JSON and CSV, the PDF report and its preview, the chart as SVG
//! and PNG. Every file is written whole or not at all (temp file, fsync, rename), so
//! an interrupted export never leaves a torn file.
//!
//! Pay is private: an export leaves out every cost, band, budget and the flags and figures
//! made from them unless asked (`with_cost`), by exporting the org with its pay data
//! removed ([`pendulum_core::cost::strip_pay`]). The chart (SVG, PNG) never shows pay.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use pendulum_core::Projection;
use pendulum_core::{Date, PersonId, Snapshot, SwingReport, check, diff};
use pendulum_export::{
    CostSection, PageSize, PdfOptions, ReportInput, ScenarioSection, SvgOptions,
};
use pendulum_layout::{ChartOptions, layout_snapshot};

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::loaded::Loaded;
use crate::source::{FileKind, OrgFile, OrgSource, kind_of};

/// `loaded` as an export shows it: whole with `with_cost`, else without any pay data.
pub fn pay_as_asked(loaded: &Loaded, with_cost: bool) -> Cow<'_, Loaded> {
    if with_cost || (!pendulum_core::cost::has_cost(&loaded.org) && loaded.org.cost.is_empty()) {
        return Cow::Borrowed(loaded);
    }
    let mut stripped = loaded.clone();
    pendulum_core::cost::strip_pay(&mut stripped.org);
    Cow::Owned(stripped)
}

/// The JSON export of an org and its rules, as text; pay data only `with_cost`.
pub fn json_text(loaded: &Loaded, with_cost: bool) -> ApiResult<String> {
    let loaded = pay_as_asked(loaded, with_cost);
    let file = OrgFile::new(loaded.org.clone(), loaded.rules.clone());
    serde_json::to_string_pretty(&file)
        .map(|t| t + "\n")
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("JSON export: {e}")))
}

pub fn write_json(loaded: &Loaded, out: &Path, with_cost: bool) -> ApiResult<Vec<PathBuf>> {
    write_atomically(out, json_text(loaded, with_cost)?.as_bytes())?;
    Ok(vec![out.to_path_buf()])
}

/// The CSV files of an org: people, and when it has workstreams, workstreams, allocations
/// and the workload as of `as_of`; with cost, its bands and budgets when it has any.
#[derive(Debug)]
pub struct CsvFiles {
    pub people: String,
    pub workstreams: Option<String>,
    pub allocations: Option<String>,
    pub workload: Option<String>,
    pub bands: Option<String>,
    pub budgets: Option<String>,
}

/// The CSV files of `loaded`; pay data (people's cost and currency columns, the workload's
/// cost column, bands and budgets) only `with_cost`.
pub fn csv_files(loaded: &Loaded, as_of: Date, with_cost: bool) -> CsvFiles {
    let loaded = pay_as_asked(loaded, with_cost);
    let org = &loaded.org;
    let bands = (!org.cost.bands.is_empty()).then(|| pendulum_csv::bands_csv(org));
    let budgets = (!org.cost.budgets.is_empty()).then(|| pendulum_csv::budgets_csv(org));
    if org.workstreams.is_empty() && org.allocations.is_empty() {
        return CsvFiles {
            people: pendulum_csv::people_csv(org),
            workstreams: None,
            allocations: None,
            workload: None,
            bands,
            budgets,
        };
    }
    let snapshot = Snapshot::new(org, as_of, &loaded.rules);
    CsvFiles {
        people: pendulum_csv::people_csv(org),
        workstreams: Some(pendulum_csv::workstreams_csv(org)),
        allocations: Some(pendulum_csv::allocations_csv(org)),
        workload: Some(pendulum_csv::workload_csv(&snapshot)),
        bands,
        budgets,
    }
}

/// The files a CSV export to `out` writes: `out` (people) and, beside it,
/// `OUT-workstreams.csv`, `OUT-allocations.csv` and `OUT-workload.csv` when the org has
/// workstreams, and `OUT-bands.csv` and `OUT-budgets.csv` when asked for cost and the org
/// has them.
pub fn csv_paths(loaded: &Loaded, out: &Path, with_cost: bool) -> Vec<PathBuf> {
    let org = &loaded.org;
    let has_work = !(org.workstreams.is_empty() && org.allocations.is_empty());
    let mut paths = vec![out.to_path_buf()];
    for (suffix, present) in [
        ("workstreams", has_work),
        ("allocations", has_work),
        ("workload", has_work),
        ("bands", with_cost && !org.cost.bands.is_empty()),
        ("budgets", with_cost && !org.cost.budgets.is_empty()),
    ] {
        if present {
            paths.push(sibling(out, suffix));
        }
    }
    paths
}

/// Writes the CSV files of [`csv_paths`] as one set (all or none); pay data only
/// `with_cost`. `out` was chosen by the user; the files beside it were not, so one that
/// exists is replaced only with `replace_beside`, and otherwise the export is refused
/// ([`ErrorCode::Exists`]), naming them.
pub fn write_csv(
    loaded: &Loaded,
    as_of: Date,
    out: &Path,
    with_cost: bool,
    replace_beside: bool,
) -> ApiResult<Vec<PathBuf>> {
    let paths = csv_paths(loaded, out, with_cost);
    if paths.iter().any(|p| p.is_dir()) {
        return Err(ApiError::usage(format!(
            "{}: is a directory; name a file to write",
            out.display()
        )));
    }
    let taken: Vec<String> = paths[1..]
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_ok())
        .map(|p| p.display().to_string())
        .collect();
    if !taken.is_empty() && !replace_beside {
        return Err(ApiError::new(
            ErrorCode::Exists,
            format!(
                "{} already {} beside {}: the CSV export writes it too and replaces such files only when asked",
                taken.join(", "),
                if taken.len() == 1 { "exists" } else { "exist" },
                out.display()
            ),
        ));
    }
    let files = csv_files(loaded, as_of, with_cost);
    let texts = [
        Some(files.people),
        files.workstreams,
        files.allocations,
        files.workload,
        files.bands,
        files.budgets,
    ];
    let texts: Vec<Vec<u8>> = texts
        .into_iter()
        .flatten()
        .map(String::into_bytes)
        .collect();
    if texts.len() != paths.len() {
        return Err(ApiError::new(
            ErrorCode::Internal,
            format!(
                "CSV export: {} files made for {} paths",
                texts.len(),
                paths.len()
            ),
        ));
    }
    let set: Vec<(PathBuf, Vec<u8>)> = paths.iter().cloned().zip(texts).collect();
    pendulum_store::write_all_atomically(&set).map_err(ApiError::from)?;
    Ok(paths)
}

/// The org as one `.xlsx` workbook: People, Teams (when the org has any),
/// Workstreams and Allocations, which import reads back, and the Workload and Flags as of
/// `as_of`; pay (cost columns, Bands and Budgets sheets) only `with_cost`.
pub fn xlsx_bytes(loaded: &Loaded, as_of: Date, with_cost: bool) -> ApiResult<Vec<u8>> {
    let loaded = pay_as_asked(loaded, with_cost);
    let snapshot = Snapshot::new(&loaded.org, as_of, &loaded.rules);
    let flags = check(&snapshot, &loaded.rules);
    pendulum_csv::org_xlsx(&loaded.org, &snapshot, &flags).map_err(|e| {
        use pendulum_csv::XlsxExportError as E;
        let code = match e {
            E::CellTooLong { .. } | E::TooManyRows { .. } => ErrorCode::Usage,
            E::Writer(_) => ErrorCode::Internal,
        };
        ApiError::new(code, format!("XLSX export: {e}"))
    })
}

pub fn write_xlsx(
    loaded: &Loaded,
    as_of: Date,
    out: &Path,
    with_cost: bool,
) -> ApiResult<Vec<PathBuf>> {
    write_atomically(out, &xlsx_bytes(loaded, as_of, with_cost)?)?;
    Ok(vec![out.to_path_buf()])
}

/// `people.csv` + "workload" → `people-workload.csv`.
fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(|| "org".into(), |s| s.to_string_lossy().into_owned());
    let ext = out
        .extension()
        .map_or_else(|| "csv".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}-{suffix}.{ext}"))
}

/// Writes the bytes whole or not at all (temp file beside the target, fsync, rename).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> ApiResult<()> {
    if path.is_dir() {
        return Err(ApiError::usage(format!(
            "{}: is a directory; name a file to write",
            path.display()
        )));
    }
    pendulum_store::write_atomically(path, bytes).map_err(ApiError::from)
}

/// The PDF report's options, as a front end gives them.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
#[derive(ts_rs::TS)]
#[ts(optional_fields = nullable)]
pub struct PdfRequest {
    /// "a4" (default), "letter" or "a3".
    pub page: Option<String>,
    #[ts(as = "Option<_>", optional)]
    pub landscape: bool,
    /// Print only this person and the people under them.
    pub root: Option<PersonId>,
    pub break_every_levels: Option<u32>,
    pub break_min_people: Option<u32>,
    #[ts(as = "Option<_>", optional)]
    pub one_page: bool,
    /// The title; default the file's name (and the scenario's).
    pub title: Option<String>,
    /// Put pay into the export: a "Cost" page in the report, cost columns and the bands and
    /// budgets in CSV and JSON. Without it no amount, budget flag or waterfall is written.
    #[ts(as = "Option<_>", optional)]
    pub with_cost: bool,
}

fn export_error(e: pendulum_export::ExportError) -> ApiError {
    use pendulum_export::ExportError as E;
    let code = match &e {
        E::UnknownRoot { .. } | E::RootNotPresent { .. } => ErrorCode::Unknown,
        E::ZeroOption { .. } | E::Scale { .. } => ErrorCode::Usage,
        E::Layout(_) | E::Pdf(_) | E::Svg(_) | E::Png(_) => ErrorCode::Internal,
    };
    ApiError::new(code, e.to_string())
}

/// The file's name, unless it is a generic export name ("people.csv"), in which case the org
/// is named after the root of its largest tree; a scenario's name follows.
fn default_title(source: &OrgSource, snapshot: &Snapshot<'_>) -> String {
    let stem = source
        .path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let generic = [
        "",
        "people",
        "org",
        "orgchart",
        "employees",
        "export",
        "data",
        "staff",
    ];
    let name = if generic.contains(
        &stem
            .to_ascii_lowercase()
            .replace(['-', '_', ' '], "")
            .as_str(),
    ) {
        pendulum_export::default_title(snapshot)
    } else {
        stem
    };
    match &source.scenario {
        Some(s) => format!("{name} — {s}"),
        None => name,
    }
}

/// The PDF report of `loaded` (the org `source` names) as of `as_of`, dated `date`. For a
/// scenario of a document, the report adds the scenario's diff against the baseline.
pub fn pdf_bytes(
    source: &OrgSource,
    loaded: &Loaded,
    as_of: Date,
    date: Date,
    request: &PdfRequest,
) -> ApiResult<Vec<u8>> {
    pdf_bytes_with_timeline(source, loaded, as_of, date, request, None)
}

/// [`pdf_bytes`] with the "Staffing over time" and "Problems ahead" pages drawn from
/// `timeline` (as [`crate::timeline::timeline_of`] gives it for the same org from `as_of`).
pub fn pdf_bytes_with_timeline(
    source: &OrgSource,
    loaded: &Loaded,
    as_of: Date,
    date: Date,
    request: &PdfRequest,
    timeline: Option<&pendulum_core::Timeline>,
) -> ApiResult<Vec<u8>> {
    with_report(
        source,
        loaded,
        as_of,
        date,
        request,
        timeline,
        pendulum_export::pdf_with_swings,
    )
}

/// What [`pdf_bytes`] would print: its page count, its page size in points and its first
/// pages as SVG documents.
#[derive(Clone, Debug, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct PdfPreview {
    /// How many pages the PDF has.
    pub pages: usize,
    /// The page width in points, landscape already applied.
    pub width: f64,
    /// The page height in points.
    pub height: f64,
    /// The first pages (at most `max_pages`), each a standalone SVG document of the page.
    pub svgs: Vec<String>,
}

impl From<pendulum_export::PdfPreview> for PdfPreview {
    fn from(p: pendulum_export::PdfPreview) -> PdfPreview {
        PdfPreview {
            pages: p.pages,
            width: p.width,
            height: p.height,
            svgs: p.svgs,
        }
    }
}

/// The preview of the report [`pdf_bytes`] makes from the same inputs: the same page count
/// and the first `max_pages` pages drawn from the same marks.
pub fn pdf_preview(
    source: &OrgSource,
    loaded: &Loaded,
    as_of: Date,
    date: Date,
    request: &PdfRequest,
    max_pages: usize,
) -> ApiResult<PdfPreview> {
    with_report(
        source,
        loaded,
        as_of,
        date,
        request,
        None,
        |input, swings, options| pendulum_export::pdf_preview(input, swings, options, max_pages),
    )
    .map(PdfPreview::from)
}

/// Gathers what the report of `loaded` prints (options, snapshot, flags and, for a scenario of
/// a document, its diff and applied swings) and hands it to `make`.
fn with_report<T>(
    source: &OrgSource,
    loaded: &Loaded,
    as_of: Date,
    date: Date,
    request: &PdfRequest,
    timeline: Option<&pendulum_core::Timeline>,
    make: impl FnOnce(
        &ReportInput<'_>,
        &[SwingReport],
        &PdfOptions,
    ) -> Result<T, pendulum_export::ExportError>,
) -> ApiResult<T> {
    let page = match request.page.as_deref() {
        None => PageSize::A4,
        Some(p) => PageSize::parse(p).ok_or_else(|| {
            ApiError::usage(format!("page size {p:?} is not one of a4, letter, a3"))
        })?,
    };
    let options = PdfOptions {
        page,
        landscape: request.landscape,
        root: request.root.clone(),
        break_every_levels: request.break_every_levels,
        break_min_people: request.break_min_people,
        one_page: request.one_page,
        date,
        title: String::new(),
    };
    let loaded = pay_as_asked(loaded, request.with_cost);
    let loaded = loaded.as_ref();
    let snapshot = Snapshot::new(&loaded.org, as_of, &loaded.rules);
    let options = PdfOptions {
        title: request
            .title
            .clone()
            .unwrap_or_else(|| default_title(source, &snapshot)),
        ..options
    };
    let flags = check(&snapshot, &loaded.rules);
    let scenario_name = source
        .scenario
        .clone()
        .filter(|s| !s.eq_ignore_ascii_case("baseline"));
    let baseline = match &scenario_name {
        Some(_) if kind_of(&source.path)? == FileKind::Document => {
            let base = crate::scenario::load_scenario(&source.path, None, as_of)?;
            Some(pay_as_asked(&base, request.with_cost).into_owned())
        }
        _ => None,
    };
    let before = baseline
        .as_ref()
        .map(|b| Snapshot::new(&b.org, as_of, &b.rules));
    let scenario_diff = match (&before, &baseline) {
        (Some(b), Some(base)) => Some(diff(b, &snapshot, &base.rules, &loaded.rules)),
        _ => None,
    };
    let scenario = match (&scenario_name, &scenario_diff) {
        (Some(name), Some(d)) => Some(ScenarioSection {
            name,
            compared_with: "baseline",
            diff: d,
            before: before.as_ref(),
        }),
        _ => None,
    };
    let swings = match &scenario_name {
        Some(name) if baseline.is_some() => {
            let mut swings = crate::document::applied_swings(&source.path, Some(name), as_of)?;
            if !request.with_cost {
                for s in &mut swings {
                    s.cost = None;
                    s.before.cost = None;
                    s.after.cost = None;
                    s.flags_added
                        .retain(|f| f.rule != pendulum_core::Rule::OverBudget);
                    s.flags_resolved
                        .retain(|f| f.rule != pendulum_core::Rule::OverBudget);
                }
            }
            swings
        }
        _ => Vec::new(),
    };
    let projections = if request.with_cost && pendulum_core::cost::has_cost(&loaded.org) {
        Some(report_projections(
            source,
            loaded,
            as_of,
            scenario_name.is_some(),
        )?)
    } else {
        None
    };
    let input = ReportInput {
        snapshot: &snapshot,
        config: &loaded.rules,
        flags: &flags,
        cost: projections.as_ref().map(|(p, before)| CostSection {
            projection: Some(p),
            projection_before: before.as_ref(),
        }),
        scenario,
        timeline,
    };
    make(&input, &swings, &options).map_err(export_error)
}

/// The fiscal year of the report's view and, for a scenario of a document, of the baseline
/// it is compared with.
fn report_projections(
    source: &OrgSource,
    loaded: &Loaded,
    as_of: Date,
    scenario: bool,
) -> ApiResult<(Projection, Option<Projection>)> {
    if kind_of(&source.path)? != FileKind::Document {
        return Ok((crate::cost::org_projection(&loaded.org, as_of), None));
    }
    let mut doc = pendulum_store::Document::open_read_only(&source.path)?;
    let id = crate::scenario::scenario_id(&doc, source.scenario.as_deref())?;
    let view = crate::cost::scenario_projection(&mut doc, id, as_of)?;
    let before = if scenario {
        let base = pendulum_store::ScenarioId::BASELINE;
        Some(crate::cost::scenario_projection(&mut doc, base, as_of)?)
    } else {
        None
    };
    Ok((view, before))
}

/// The pixels per chart unit of a PNG export: crisp on a laptop's high-density screen.
pub const PNG_SCALE: f64 = 2.0;

/// The chart as PNG: [`svg_text`]'s drawing at [`PNG_SCALE`] with the embedded fonts, scaled
/// down when it would exceed 16,384 pixels a side or 64 million pixels in all.
pub fn png_bytes(loaded: &Loaded, as_of: Date, root: Option<PersonId>) -> ApiResult<Vec<u8>> {
    let svg = svg_text(loaded, as_of, root)?;
    pendulum_export::png(&svg, PNG_SCALE).map_err(export_error)
}

/// The chart as SVG, as drawn (top-down, teams of leaves stacked), with flag markers.
pub fn svg_text(loaded: &Loaded, as_of: Date, root: Option<PersonId>) -> ApiResult<String> {
    let loaded = pay_as_asked(loaded, false);
    let snapshot = Snapshot::new(&loaded.org, as_of, &loaded.rules);
    let flags = check(&snapshot, &loaded.rules);
    let options = ChartOptions {
        root,
        ..ChartOptions::default()
    };
    let chart = layout_snapshot(&snapshot, &options)
        .map_err(|e| ApiError::new(ErrorCode::Unknown, e.to_string()))?;
    Ok(pendulum_export::svg(
        &snapshot,
        &chart,
        &SvgOptions {
            flags: &flags,
            ..SvgOptions::default()
        },
    ))
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        reason = "a test fails loudly on any unexpected error"
    )]

    use std::path::PathBuf;

    use super::*;

    fn demo() -> (OrgSource, Loaded) {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo");
        let source = OrgSource {
            path: dir.join("people.csv"),
            workstreams: Some(dir.join("workstreams.csv")),
            allocations: Some(dir.join("allocations.csv")),
            ..OrgSource::default()
        };
        let loaded = crate::source::load(&source, as_of()).unwrap();
        (source, loaded)
    }

    fn as_of() -> Date {
        Date::parse("2027-03-01").unwrap()
    }

    /// The page count `pdfinfo` (poppler-utils) reads from PDF bytes.
    fn pdf_pages(bytes: &[u8]) -> usize {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.pdf");
        std::fs::write(&path, bytes).unwrap();
        let out = std::process::Command::new("pdfinfo")
            .arg(&path)
            .output()
            .expect("pdfinfo (poppler-utils) must be installed");
        let text = String::from_utf8(out.stdout).unwrap();
        text.lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    }

    fn png_size(bytes: &[u8]) -> (u32, u32) {
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            "not a PNG"
        );
        let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
        (be(16), be(20))
    }

    #[test]
    fn the_preview_counts_the_pdfs_pages_and_serialises_for_the_app() {
        let (source, loaded) = demo();
        let date = as_of();
        let request = PdfRequest {
            page: Some("letter".into()),
            landscape: true,
            ..PdfRequest::default()
        };
        let bytes = pdf_bytes(&source, &loaded, as_of(), date, &request).unwrap();
        let preview = pdf_preview(&source, &loaded, as_of(), date, &request, 3).unwrap();
        assert_eq!(preview.pages, pdf_pages(&bytes));
        assert_eq!(preview.svgs.len(), 3);
        assert_eq!((preview.width, preview.height), (792.0, 612.0));
        assert!(preview.svgs[1].contains("Priya Raman"));

        let json = serde_json::to_value(&preview).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["height", "pages", "svgs", "width"]);
        assert_eq!(json["pages"], preview.pages);
        assert_eq!(json["width"], 792.0);

        let bad = PdfRequest {
            page: Some("a5".into()),
            ..PdfRequest::default()
        };
        let e = pdf_preview(&source, &loaded, as_of(), date, &bad, 3).unwrap_err();
        assert_eq!(e.code, ErrorCode::Usage);
    }

    #[test]
    fn the_chart_png_is_the_svg_at_twice_its_size() {
        let (_, loaded) = demo();
        let root = Some(PersonId::from("p-rachel"));
        let svg = svg_text(&loaded, as_of(), root.clone()).unwrap();
        let attr = |name: &str| -> f64 {
            let from = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            svg[from..].split('"').next().unwrap().parse().unwrap()
        };
        let bytes = png_bytes(&loaded, as_of(), root.clone()).unwrap();
        assert_eq!(
            png_size(&bytes),
            (
                (attr("width") * PNG_SCALE).ceil() as u32,
                (attr("height") * PNG_SCALE).ceil() as u32
            )
        );
        assert_eq!(png_bytes(&loaded, as_of(), root).unwrap(), bytes);
        let whole = png_bytes(&loaded, as_of(), None).unwrap();
        assert!(png_size(&whole).0 > png_size(&bytes).0);

        let e = png_bytes(&loaded, as_of(), Some(PersonId::from("nobody"))).unwrap_err();
        assert_eq!(e.code, ErrorCode::Unknown);
    }
}
