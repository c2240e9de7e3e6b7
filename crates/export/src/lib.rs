//! The org chart as SVG and PNG, and the PDF report for a leadership review with a preview of
//! its pages as SVG.
//!
//! The PDF holds a title page (title, as-of date, scope, key figures, contents), the chart
//! (fitted to one page, or split over pages by subtree with linked "continued on page N"
//! cards), a summary page (headcount, managers to ICs, span histogram, layers, flag counts),
//! the flags table, the workload table, when asked the staffing month by month and the
//! problems ahead, and, for a scenario, its diff and swing reports.
//! Every page but the
//! title has page numbers; every section has a bookmark. A poster is instead the whole chart
//! on one large page.
//!
//! Dotted lines (a secondary manager) are dashed, muted lines drawn under the cards, on the
//! chart SVG and PNG and on a PDF chart page that holds both people; when the secondary
//! manager is on another page (or not printed), the person's card says so in its bottom row
//! ("dotted line to Name, p. N", linked), and the page's legend explains the dashes. A report
//! with no dotted line to draw is the same, byte for byte, as before they were drawn.
//!
//! Text is vector text: each line is cleaned of bidi controls (so a U+202E in one name can
//! reorder nothing), split into bidi runs ordered with `unicode-bidi`, split again by
//! per-character font fallback over the fonts shipped in `assets/fonts` (Latin, Cyrillic,
//! Greek, Arabic, Hebrew, CJK, emoji, symbols) and shaped with rustybuzz; krilla embeds the
//! subset fonts with their text, so the PDF can be searched and copied.
//!
//! Architecture Invariant: export reads no file, clock or environment. Fonts are compiled
//! in, the date printed is an input, and the same input and options give the same bytes.
//! Nothing recurses on the depth of the org.

mod card;
mod fonts;
mod marks;
mod pdf;
mod png;
mod report;
mod svg;
mod text;

use pendulum_core::{Date, Diff, Flag, PersonId, RuleConfig, Snapshot, SwingReport};
use pendulum_layout::LayoutError;

pub use fonts::FontFile;
pub use png::{PNG_MAX_PIXELS, PNG_MAX_SIDE, png};
pub use svg::{SvgOptions, svg, write_svg};

/// Every font the exports use, in fallback order (regular and bold of each family), for a
/// renderer that turns an SVG export into pixels.
pub fn fonts() -> &'static [FontFile] {
    &fonts::FONTS
}

/// Paper sizes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PageSize {
    #[default]
    A4,
    Letter,
    A3,
}

impl PageSize {
    /// Portrait width and height in points.
    pub fn points(self) -> (f64, f64) {
        match self {
            PageSize::A4 => (595.28, 841.89),
            PageSize::Letter => (612.0, 792.0),
            PageSize::A3 => (841.89, 1190.55),
        }
    }

    /// Parses `a4`, `letter` or `a3`, in any case.
    pub fn parse(text: &str) -> Option<PageSize> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Some(PageSize::A4),
            "letter" | "us-letter" => Some(PageSize::Letter),
            "a3" => Some(PageSize::A3),
            _ => None,
        }
    }
}

/// A poster's paper: an ISO A size, or a custom size in millimetres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PosterSize {
    A2,
    A1,
    A0,
    /// Width × height in millimetres, each from [`PosterSize::MIN_MM`] to
    /// [`PosterSize::MAX_MM`].
    Mm {
        width: f64,
        height: f64,
    },
}

impl PosterSize {
    /// The standard sizes, smallest first.
    pub const STANDARD: [PosterSize; 3] = [PosterSize::A2, PosterSize::A1, PosterSize::A0];
    /// The smallest side of a custom poster.
    pub const MIN_MM: f64 = 100.0;
    /// The largest side of a custom poster: a PDF page is at most 14,400 points a side.
    pub const MAX_MM: f64 = 5_080.0;

    /// Width and height in millimetres (portrait for the A sizes).
    pub fn mm(self) -> (f64, f64) {
        match self {
            PosterSize::A2 => (420.0, 594.0),
            PosterSize::A1 => (594.0, 841.0),
            PosterSize::A0 => (841.0, 1189.0),
            PosterSize::Mm { width, height } => (width, height),
        }
    }

    /// Width and height in points.
    pub fn points(self) -> (f64, f64) {
        let (w, h) = self.mm();
        (w * MM, h * MM)
    }

    /// Parses `a2`, `a1`, `a0` (any case) or `WxH` in millimetres (`900x1200`, `900x1200mm`,
    /// `900×1200`); `None` for anything else or a side outside `MIN_MM..=MAX_MM`.
    pub fn parse(text: &str) -> Option<PosterSize> {
        let text = text.trim().to_ascii_lowercase();
        match text.as_str() {
            "a2" => return Some(PosterSize::A2),
            "a1" => return Some(PosterSize::A1),
            "a0" => return Some(PosterSize::A0),
            _ => {}
        }
        let text = text.strip_suffix("mm").unwrap_or(&text);
        let (w, h) = text.split_once(['x', '×'])?;
        let side = |t: &str| {
            t.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| (Self::MIN_MM..=Self::MAX_MM).contains(v))
        };
        Some(PosterSize::Mm {
            width: side(w)?,
            height: side(h)?,
        })
    }
}

impl std::fmt::Display for PosterSize {
    /// "A1 (594 × 841 mm)" or "900 × 1200 mm".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (w, h) = self.mm();
        match self {
            PosterSize::A2 => write!(f, "A2 ({w} × {h} mm)"),
            PosterSize::A1 => write!(f, "A1 ({w} × {h} mm)"),
            PosterSize::A0 => write!(f, "A0 ({w} × {h} mm)"),
            PosterSize::Mm { .. } => write!(f, "{w} × {h} mm"),
        }
    }
}

/// Points per millimetre.
const MM: f64 = 72.0 / 25.4;

/// How to print the report.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfOptions {
    pub page: PageSize,
    pub landscape: bool,
    /// Print only this person and the people under them (chart, summary, flags, workload).
    pub root: Option<PersonId>,
    /// Start a new chart page every this many levels.
    pub break_every_levels: Option<u32>,
    /// Give every subtree of at least this many people (its root included) a page of its own.
    pub break_min_people: Option<u32>,
    /// Fit the whole chart on one page however small it gets (otherwise a chart whose names
    /// would print under 6 pt is split by subtree).
    pub one_page: bool,
    /// The date printed as "prepared" and written as the PDF's creation date.
    pub date: Date,
    /// The org's or the scenario's name, on the title page and in every footer.
    pub title: String,
    /// Instead of the report, the whole chart on one page of this size, names at 6 pt or
    /// more (else [`ExportError::PosterTooSmall`]); `page`, `landscape` and the breaks do
    /// not apply.
    pub poster: Option<PosterSize>,
}

impl PdfOptions {
    /// A4 landscape, the whole org, split where needed.
    pub fn new(title: impl Into<String>, date: Date) -> PdfOptions {
        PdfOptions {
            page: PageSize::A4,
            landscape: true,
            root: None,
            break_every_levels: None,
            break_min_people: None,
            one_page: false,
            date,
            title: title.into(),
            poster: None,
        }
    }
}

/// What the report is about. The as-of date is the snapshot's.
#[derive(Clone, Copy, Debug)]
pub struct ReportInput<'a> {
    pub snapshot: &'a Snapshot<'a>,
    pub config: &'a RuleConfig,
    /// The flags of `snapshot` under `config`, as [`pendulum_core::check`] gives them.
    pub flags: &'a [Flag],
    /// For a scenario: its comparison with what it was branched from.
    pub scenario: Option<ScenarioSection<'a>>,
    /// The "Cost" page, only when the user asked for pay; `None` prints no amount.
    pub cost: Option<CostSection<'a>>,
    /// The "Staffing over time" and "Problems ahead" pages, from this timeline of the org
    /// ([`pendulum_core::timeline()`]); `None` prints neither.
    pub timeline: Option<&'a pendulum_core::Timeline>,
}

/// What the "Cost" page prints besides the view's own figures (which come from its org):
/// the fiscal year month by month, and for a scenario the one it is compared with. The
/// scenario's waterfall comes from its diff.
#[derive(Clone, Copy, Debug, Default)]
pub struct CostSection<'a> {
    pub projection: Option<&'a pendulum_core::Projection>,
    pub projection_before: Option<&'a pendulum_core::Projection>,
}

/// The scenario pages of a report.
#[derive(Clone, Copy, Debug)]
pub struct ScenarioSection<'a> {
    /// The scenario's name.
    pub name: &'a str,
    /// What it is compared with ("baseline", another scenario's name).
    pub compared_with: &'a str,
    pub diff: &'a Diff,
    /// The view compared with, to name people the scenario removed; without it they are
    /// named by id.
    pub before: Option<&'a Snapshot<'a>>,
}

/// Why a report cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("no person has id {id:?}")]
    UnknownRoot { id: String },
    #[error("{id:?} is not in the org on {as_of}, so there is no subtree to print")]
    RootNotPresent { id: String, as_of: Date },
    #[error("{field} must be at least 1")]
    ZeroOption { field: &'static str },
    #[error("laying out the chart failed: {0}")]
    Layout(#[from] LayoutError),
    #[error("writing the PDF failed: {0}")]
    Pdf(String),
    #[error("the PNG scale must be a positive number, not {scale}")]
    Scale { scale: f64 },
    #[error("reading the SVG failed: {0}")]
    Svg(String),
    #[error("writing the PNG failed: {0}")]
    Png(String),
    #[error(
        "the chart does not fit on {paper} with names at 6 pt or more (they would print at \
         {name_pt:.1} pt); it needs {needed}"
    )]
    PosterTooSmall {
        paper: PosterSize,
        name_pt: f64,
        /// The smallest standard size that fits, or a custom size in millimetres.
        needed: String,
    },
    #[error("{what} does not apply to a poster, which prints the whole chart on one page")]
    PosterOption { what: &'static str },
}

/// The title of a report on an org whose file has no telling name ("people.csv"): the org
/// named after the root of its one tree, or "N people in M trees" when it has several (a
/// placeholder's people are one tree).
pub fn default_title(snap: &Snapshot<'_>) -> String {
    let trees = snap.tops().len();
    if trees > 1 {
        let people = snap.breadth_first().len() as u64;
        return format!(
            "{} in {} trees",
            report::plural(people, "person", "people"),
            report::count(trees as u64)
        );
    }
    snap.roots()
        .iter()
        .copied()
        .max_by_key(|&r| (snap.total_under(r), std::cmp::Reverse(r)))
        .map_or_else(
            || "Org".to_string(),
            |r| format!("{}'s org", snap.person(r).name),
        )
}

/// The report as PDF bytes.
pub fn pdf(input: &ReportInput<'_>, opts: &PdfOptions) -> Result<Vec<u8>, ExportError> {
    pdf_with_swings(input, &[], opts)
}

/// [`pdf`] with simulated swings ([`pendulum_core::swing`]), each on a page of its own after
/// the scenario's diff (or in a section of their own when the report is not a scenario's).
pub fn pdf_with_swings(
    input: &ReportInput<'_>,
    swings: &[SwingReport],
    opts: &PdfOptions,
) -> Result<Vec<u8>, ExportError> {
    let document = report::compose(input, swings, opts)?;
    pdf::render(&document, opts)
}

/// The report's pages as the PDF of the same input, swings and options prints them, for a
/// preview before it is saved.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfPreview {
    /// How many pages the PDF has.
    pub pages: usize,
    /// The page width in points, orientation applied.
    pub width: f64,
    /// The page height in points, orientation applied.
    pub height: f64,
    /// The first pages, each a standalone SVG document drawn from the same marks as the PDF
    /// page (its text in the fonts [`fonts`] names, its links left out).
    pub svgs: Vec<String>,
}

/// [`pdf_with_swings`]'s report as its page count, its page size and its first `max_pages`
/// pages as SVG.
pub fn pdf_preview(
    input: &ReportInput<'_>,
    swings: &[SwingReport],
    opts: &PdfOptions,
    max_pages: usize,
) -> Result<PdfPreview, ExportError> {
    let document = report::compose(input, swings, opts)?;
    let svgs = document
        .pages
        .iter()
        .take(max_pages)
        .map(|marks| svg::page(document.size, marks))
        .collect();
    Ok(PdfPreview {
        pages: document.pages.len(),
        width: document.size.0,
        height: document.size.1,
        svgs,
    })
}

/// How a report's chart is spread over its pages, to measure how well the pages are packed.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartFigures {
    /// Pages of the whole report.
    pub pages: usize,
    /// People drawn as cards on each chart page (placeholders and "continued" cards are not
    /// people).
    pub people: Vec<usize>,
    /// The size in points of every name printed on the chart pages, smallest first.
    pub name_pt: Vec<f64>,
    /// The report's title.
    pub title: String,
}

impl ChartFigures {
    /// People per chart page, on average.
    pub fn people_per_page(&self) -> f64 {
        let people: usize = self.people.iter().sum();
        people as f64 / self.people.len().max(1) as f64
    }

    /// The median name size in points (0 with no name).
    pub fn median_name_pt(&self) -> f64 {
        match self.name_pt.len() {
            0 => 0.0,
            n if n % 2 == 1 => self.name_pt[n / 2],
            n => (self.name_pt[n / 2 - 1] + self.name_pt[n / 2]) / 2.0,
        }
    }
}

/// The figures of the report [`pdf_with_swings`] makes of the same input, without writing it.
pub fn chart_figures(
    input: &ReportInput<'_>,
    swings: &[SwingReport],
    opts: &PdfOptions,
) -> Result<ChartFigures, ExportError> {
    let document = report::compose(input, swings, opts)?;
    let mut name_pt = document.chart.name_pt;
    name_pt.sort_by(f64::total_cmp);
    Ok(ChartFigures {
        pages: document.pages.len(),
        people: document.chart.people,
        name_pt,
        title: document.title,
    })
}
