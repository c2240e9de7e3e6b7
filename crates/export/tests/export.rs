//! Export tests: the golden SVG of a small org; PDFs read back with poppler (`pdfinfo` for
//! page count and size, `pdftotext` for every name and flag); determinism; RELIABILITY E2
//! (scripts, emoji, U+202E), G2 (a 1,000,000-long chain) and G3 (50,000 reports); the PDF
//! preview against the PDF it previews; the chart as PNG, read back pixel by pixel.
//!
//! `PENDULUM_BLESS=1 cargo test -p pendulum-export` rewrites the golden files.

// A failed unwrap is how a test fails.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use pendulum_core::swing::simulate;
use pendulum_core::{
    Allocation, Date, Flag, Org, Person, PersonId, Role, RuleConfig, Snapshot, Status, Swing,
    SwingTo, Workstream, check, diff,
};
use pendulum_csv::{ImportRequest, Source, import};
use pendulum_export::{
    ExportError, PNG_MAX_PIXELS, PNG_MAX_SIDE, PageSize, PdfOptions, PdfPreview, ReportInput,
    ScenarioSection, SvgOptions, pdf, pdf_preview, pdf_with_swings, png, svg, write_svg,
};
use pendulum_layout::{ChartOptions, layout_snapshot};
use resvg::tiny_skia::Pixmap;

fn day(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn demo() -> Org {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo");
    let read = |f: &str| std::fs::read(dir.join(f)).unwrap();
    let (people, workstreams, allocations) = (
        read("people.csv"),
        read("workstreams.csv"),
        read("allocations.csv"),
    );
    let mut req = ImportRequest::people(Source::new("people.csv", &people));
    req.workstreams = Some(Source::new("workstreams.csv", &workstreams));
    req.allocations = Some(Source::new("allocations.csv", &allocations));
    import(&req).unwrap().org
}

fn person(id: &str, name: &str, title: &str, manager: Option<&str>) -> Person {
    let mut p = Person::new(id, name);
    p.title = title.to_owned();
    p.manager_id = manager.map(PersonId::from);
    p
}

/// Six people: a manager with an assistant, two ICs (one in Arabic), an open role and a
/// person with an overlong title; one workstream with no one on it.
fn small_org() -> Org {
    let mut ceo = person("ceo", "Ada Lovelace", "Chief Executive", None);
    ceo.role = Some(Role::Executive);
    ceo.team = Some("Leadership".into());
    let mut asst = person("asst", "Grace Hopper", "Executive Assistant", Some("ceo"));
    asst.assistant = true;
    let mut em = person(
        "em",
        "Linus <Torvalds> & Co",
        "Engineering Manager",
        Some("ceo"),
    );
    em.team = Some("Kernel".into());
    em.level = Some("M1".into());
    let mut ic = person("ic", "فاطمة الزهراء", "Software Engineer", Some("em"));
    ic.team = Some("Kernel".into());
    let mut open = person("open", "Open role", "Senior Engineer", Some("em"));
    open.status = Status::Open;
    open.team = Some("Kernel".into());
    let mut long = person(
        "long",
        "Maximiliane Wilhelmina von Hohenzollern-Sigmaringen",
        "Principal Distinguished Staff Site Reliability Engineer, Infrastructure Platform",
        Some("em"),
    );
    long.team = Some("Kernel".into());
    let mut ws = Workstream::new("ws1", "Scheduler rewrite");
    ws.required_fte = 2.0;
    ws.team = Some("Kernel".into());
    Org {
        people: vec![ceo, asst, em, ic, open, long],
        workstreams: vec![ws],
        ..Org::default()
    }
}

fn as_of() -> Date {
    day("2027-03-01")
}

fn options() -> PdfOptions {
    PdfOptions::new("Larkspur Engineering", day("2027-02-26"))
}

/// Compares `actual` with the golden file, or rewrites it under `PENDULUM_BLESS=1`.
fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("PENDULUM_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with PENDULUM_BLESS=1", path.display()));
    if expected == actual {
        return;
    }
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let first = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let from = first.saturating_sub(2);
    let mut report = format!("{name} differs from line {}:\n", first + 1);
    for i in from..(first + 3) {
        if let Some(l) = e.get(i) {
            report.push_str(&format!("- {:>4} {l}\n", i + 1));
        }
        if let Some(l) = a.get(i) {
            report.push_str(&format!("+ {:>4} {l}\n", i + 1));
        }
    }
    report.push_str(&format!(
        "({} lines expected, {} actual; PENDULUM_BLESS=1 rewrites the file)",
        e.len(),
        a.len()
    ));
    panic!("{report}");
}

#[test]
fn small_org_svg_matches_golden() {
    let org = small_org();
    let config = RuleConfig::default();
    let s = Snapshot::new(&org, as_of(), &config);
    let flags = check(&s, &config);
    let layout = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    let text = svg(
        &s,
        &layout,
        &SvgOptions {
            flags: &flags,
            ..SvgOptions::default()
        },
    );
    assert!(
        text.contains("Linus &lt;Torvalds&gt; &amp; Co"),
        "names are escaped"
    );
    assert!(text.contains("فاطمة الزهراء"));
    assert!(
        text.contains('…'),
        "an overlong title is cut with an ellipsis"
    );
    golden("small.svg", &text);
}

/// Runs a poppler tool on PDF bytes written to a temp file.
fn poppler(tool: &str, args: &[&str], bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, bytes).unwrap();
    run(tool, args, &path)
}

fn run(tool: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

struct Info {
    pages: usize,
    size: String,
}

fn info(bytes: &[u8]) -> Info {
    let text = poppler("pdfinfo", &[], bytes);
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_owned())
            .unwrap_or_else(|| panic!("no {name} in pdfinfo output:\n{text}"))
    };
    Info {
        pages: field("Pages:").parse().unwrap(),
        size: field("Page size:"),
    }
}

/// The PDF's text with runs of whitespace made single spaces.
fn text_of(bytes: &[u8]) -> String {
    squash(&poppler("pdftotext", &["-enc", "UTF-8"], bytes))
}

/// The PDF's text in the order it is drawn (`pdftotext -raw`), whitespace squashed.
fn raw_text_of(bytes: &[u8]) -> String {
    squash(&poppler("pdftotext", &["-enc", "UTF-8", "-raw"], bytes))
}

fn page_text(bytes: &[u8], page: usize) -> String {
    let p = page.to_string();
    squash(&poppler(
        "pdftotext",
        &["-enc", "UTF-8", "-f", &p, "-l", &p],
        bytes,
    ))
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Report {
    org: Org,
    config: RuleConfig,
}

impl Report {
    fn new(org: Org) -> Report {
        Report {
            org,
            config: RuleConfig::default(),
        }
    }

    fn pdf(&self, opts: &PdfOptions) -> Result<Vec<u8>, ExportError> {
        let s = Snapshot::new(&self.org, as_of(), &self.config);
        let flags = check(&s, &self.config);
        pdf(
            &ReportInput {
                timeline: None,
                snapshot: &s,
                config: &self.config,
                flags: &flags,
                cost: None,
                scenario: None,
            },
            opts,
        )
    }

    fn flags(&self) -> Vec<Flag> {
        check(
            &Snapshot::new(&self.org, as_of(), &self.config),
            &self.config,
        )
    }
}

#[test]
fn demo_report_has_every_name_and_every_flag() {
    let report = Report::new(demo());
    let bytes = report.pdf(&options()).unwrap();
    let i = info(&bytes);
    assert_eq!(i.size, "841.89 x 595.28 pts (A4)");
    assert!(
        i.pages >= 6,
        "title, chart, summary, flags, workload: {} pages",
        i.pages
    );
    let text = text_of(&bytes);
    let s = Snapshot::new(&report.org, as_of(), &report.config);
    for &p in s.breadth_first() {
        let name = squash(&s.person(p).name);
        assert!(text.contains(&name), "{name:?} is not in the PDF's text");
    }
    let flags = report.flags();
    assert!(!flags.is_empty());
    for f in &flags {
        assert!(
            text.contains(f.rule.as_str()),
            "flag {} is not in the PDF's text",
            f.rule
        );
    }
    for section in [
        "ORG REVIEW",
        "SUMMARY",
        "FLAGS",
        "WORKLOAD",
        "Larkspur Engineering",
        "1 March 2027",
        "26 February 2027",
    ] {
        assert!(text.contains(section), "{section:?} is missing");
    }
    assert!(text.contains(&format!("Page {} of {}", i.pages, i.pages)));
}

#[test]
fn the_same_input_and_date_give_the_same_bytes() {
    let report = Report::new(demo());
    let a = report.pdf(&options()).unwrap();
    let b = report.pdf(&options()).unwrap();
    assert!(a == b, "two exports differ");
    let mut later = options();
    later.date = day("2027-02-27");
    let c = report.pdf(&later).unwrap();
    assert!(a != c, "the date is printed, so it changes the bytes");
    let org = small_org();
    let s = Snapshot::new(&org, as_of(), &RuleConfig::default());
    let layout = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    assert_eq!(
        svg(&s, &layout, &SvgOptions::default()),
        svg(&s, &layout, &SvgOptions::default())
    );
}

#[test]
fn page_sizes_and_orientations() {
    let report = Report::new(demo());
    for (page, landscape, size) in [
        (PageSize::A4, false, "595.28 x 841.89 pts (A4)"),
        (PageSize::Letter, true, "792 x 612 pts (letter)"),
        (PageSize::Letter, false, "612 x 792 pts (letter)"),
        (PageSize::A3, true, "1190.55 x 841.89 pts (A3)"),
    ] {
        let bytes = report
            .pdf(&PdfOptions {
                page,
                landscape,
                ..options()
            })
            .unwrap();
        assert_eq!(info(&bytes).size, size);
    }
}

#[test]
fn a_subtree_prints_only_its_people() {
    let report = Report::new(demo());
    let bytes = report
        .pdf(&PdfOptions {
            root: Some(PersonId::from("p-mateus")),
            ..options()
        })
        .unwrap();
    let text = text_of(&bytes);
    let s = Snapshot::new(&report.org, as_of(), &report.config);
    let mateus = s.person_ix("p-mateus").unwrap();
    let mut inside = vec![mateus];
    let mut head = 0;
    while let Some(&p) = inside.get(head) {
        head += 1;
        inside.extend_from_slice(s.children(p));
    }
    for &p in &inside {
        assert!(
            text.contains(&squash(&s.person(p).name)),
            "{} is missing",
            s.person(p).name
        );
    }
    // Her directors' peers and their people are outside the subtree.
    for outside in ["Priya Raman", "王芳", "Olusegun Adeyemi"] {
        assert!(!text.contains(outside), "{outside} is outside the subtree");
    }
    assert!(
        text.contains("Mateus Oliveira and everyone under them: 26 people"),
        "{text}"
    );

    assert!(matches!(
        report.pdf(&PdfOptions {
            root: Some(PersonId::from("nobody")),
            ..options()
        }),
        Err(ExportError::UnknownRoot { .. })
    ));
    assert!(matches!(
        report.pdf(&PdfOptions {
            break_every_levels: Some(0),
            ..options()
        }),
        Err(ExportError::ZeroOption { .. })
    ));
}

/// Every "continued on page N" leads to a page whose chart includes that subtree's root.
fn check_continuations(bytes: &[u8]) -> usize {
    let pages = info(bytes).pages;
    let mut links = 0;
    for page in 1..=pages {
        let text = page_text(bytes, page);
        for (i, _) in text.match_indices("continued on page ") {
            let n: usize = text[i + 18..]
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert!(
                n > page && n <= pages,
                "page {page} points to page {n} of {pages}"
            );
            assert!(
                page_text(bytes, n).contains("ORG CHART"),
                "page {n} is not a chart page"
            );
            links += 1;
        }
    }
    links
}

#[test]
fn breaks_every_n_levels_and_per_subtree_of_m_people() {
    let report = Report::new(demo());
    let auto = info(&report.pdf(&options()).unwrap()).pages;
    let every = report
        .pdf(&PdfOptions {
            break_every_levels: Some(1),
            ..options()
        })
        .unwrap();
    assert!(
        info(&every).pages > auto,
        "a page per level needs more pages"
    );
    assert!(check_continuations(&every) > 5);
    let min = report
        .pdf(&PdfOptions {
            break_min_people: Some(20),
            ..options()
        })
        .unwrap();
    let text = text_of(&min);
    // Each director leads 20 or more people, so each gets a page of their own.
    for director in [
        "Mateus Oliveira · Director",
        "王芳 · Director",
        "Olusegun Adeyemi · Director",
    ] {
        assert!(
            text.contains(director),
            "{director} has no page of their own"
        );
    }
    check_continuations(&min);
    let one = report
        .pdf(&PdfOptions {
            one_page: true,
            ..options()
        })
        .unwrap();
    let chart_pages = text_of(&one).matches("ORG CHART").count();
    assert_eq!(chart_pages, 1, "one_page fits the chart on one page");
}

#[test]
fn continued_cards_link_to_their_pages() {
    let report = Report::new(demo());
    let bytes = report.pdf(&options()).unwrap();
    assert!(
        check_continuations(&bytes) >= 4,
        "the demo org is split under the VP"
    );
    // The PDF holds a link annotation per continued card and per contents entry.
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.matches("/Subtype /Link").count() + raw.matches("/Subtype/Link").count() >= 4);
    assert!(raw.contains("/Outlines"), "bookmarks");
}

/// RELIABILITY E2: names in many scripts, emoji and a bidi override.
#[test]
fn e2_scripts_emoji_and_bidi_controls() {
    let names = [
        ("lat", "Zoë Ångström-Núñez"),
        ("cyr", "Дмитрий Иванов"),
        ("grc", "Σοφία Παπαδοπούλου"),
        ("zho", "王芳"),
        ("jpn", "佐藤さくら"),
        ("kor", "김민준"),
        ("ara", "فاطمة الزهراء"),
        ("heb", "דוד לוי"),
        ("hin", "अनन्या शर्मा"),
        ("tha", "สมชาย ใจดี"),
        ("emo", "Sam 🚀 Rivera 👩🏽‍💻"),
        ("rlo", "Eve\u{202E}Mallory"),
        ("nbr", "Bob Neighbour"),
    ];
    let mut people = vec![person("root", "Root Person", "Chief", None)];
    for (id, name) in names {
        people.push(person(id, name, "Engineer", Some("root")));
    }
    let report = Report::new(Org {
        people,
        ..Org::default()
    });
    let bytes = report.pdf(&options()).unwrap();
    // poppler's layout order (the default) gives Arabic and Hebrew in logical order, wrapped
    // in U+202B … U+202C, but sets an emoji's tall glyph box on a line of its own, which
    // splits "Sam 🚀 Rivera 👩🏽‍💻". Its drawing order (`-raw`) keeps every name whole but
    // lists right-to-left words in visual order. Each name must be whole in one of them.
    let layout = text_of(&bytes);
    let text = raw_text_of(&bytes);
    for (id, name) in names {
        let expected = squash(&name.replace('\u{202E}', ""));
        assert!(
            layout.contains(&expected) || text.contains(&expected),
            "{id}: {expected:?} is not in the PDF's text:\n{layout}\n{text}"
        );
    }
    assert!(
        !text.contains('\u{202E}'),
        "the override never reaches the PDF"
    );
    assert!(
        text.contains("EveMallory Engineer"),
        "U+202E reorders nothing: {text}"
    );
    assert!(text.contains("Bob Neighbour Engineer"));
    assert!(!text.contains('\u{FFFD}'), "no replacement glyphs");
}

#[test]
fn a_scenario_prints_its_diff() {
    let before = demo();
    let mut after = before.clone();
    let config = RuleConfig::default();
    // Move one engineer, remove another and add a new hire.
    if let Some(p) = after.people.iter_mut().find(|p| p.id.as_str() == "p-lukas") {
        p.manager_id = Some(PersonId::from("p-segun"));
    }
    after.people.retain(|p| p.id.as_str() != "p-ana");
    after.allocations.retain(|a| a.person.as_str() != "p-ana");
    let mut hire = person("p-new", "Noor Haddad", "Staff Engineer", Some("p-mateus"));
    hire.team = Some("Payments".into());
    after.people.push(hire);
    after
        .allocations
        .push(Allocation::new("p-new", "ws-ledger-v2", 50.0));
    let (sb, sa) = (
        Snapshot::new(&before, as_of(), &config),
        Snapshot::new(&after, as_of(), &config),
    );
    let d = diff(&sb, &sa, &config, &config);
    let flags = check(&sa, &config);
    let input = ReportInput {
        timeline: None,
        snapshot: &sa,
        config: &config,
        flags: &flags,
        cost: None,
        scenario: Some(ScenarioSection {
            name: "Platform growth",
            compared_with: "baseline",
            diff: &d,
            before: Some(&sb),
        }),
    };
    let bytes = pdf(&input, &options()).unwrap();
    let text = text_of(&bytes);
    for needle in [
        "Scenario “Platform growth” compared with baseline",
        "People added (1)",
        "Noor Haddad (p-new)",
        "People removed (1)",
        "Ana Beatriz Costa (p-ana)",
        "Reporting lines moved (1)",
        "Lukas Novák (p-lukas)",
        "Olusegun Adeyemi (p-segun)",
        "Figures before and after",
    ] {
        assert!(text.contains(needle), "{needle:?} is missing");
    }
}

#[test]
fn an_org_with_no_one_present_still_has_a_report() {
    let mut p = person("a", "Ada", "Engineer", None);
    p.start_date = Some(day("2030-01-01"));
    let report = Report::new(Org {
        people: vec![p],
        ..Org::default()
    });
    let text = text_of(&report.pdf(&options()).unwrap());
    assert!(text.contains("No one is in the org on 1 March 2027."));
}

/// A sink that only counts, so the test never holds a huge SVG.
struct Counter {
    bytes: usize,
    cards: usize,
}

impl std::fmt::Write for Counter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.bytes += s.len();
        self.cards += s.matches("<g data-id=").count();
        Ok(())
    }
}

/// RELIABILITY G2: a 1,000,000-long chain exports to SVG on the default test thread, and a
/// 10,000-long one to a paged PDF (a page per few levels), with no recursion on the depth.
#[test]
fn g2_a_million_long_chain_exports() {
    let org = pendulum_synth::chain(1_000_000);
    let config = RuleConfig::default();
    let s = Snapshot::new(&org, pendulum_synth::reference_date(), &config);
    let layout = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    let mut sink = Counter { bytes: 0, cards: 0 };
    write_svg(&mut sink, &s, &layout, &SvgOptions::default()).unwrap();
    assert_eq!(sink.cards, 1_000_000);

    let org = pendulum_synth::chain(10_000);
    let s = Snapshot::new(&org, pendulum_synth::reference_date(), &config);
    let flags = check(&s, &config);
    let bytes = pdf(
        &ReportInput {
            timeline: None,
            snapshot: &s,
            config: &config,
            flags: &flags,
            cost: None,
            scenario: None,
        },
        &options(),
    )
    .unwrap();
    let pages = info(&bytes).pages;
    assert!(pages > 10_000 / 10, "{pages} pages for a 10,000-long chain");
}

/// RELIABILITY G3: 50,000 reports under one manager are split into chunks, a page each,
/// linked in order.
#[test]
fn g3_fifty_thousand_reports_paginate() {
    let report = Report::new(pendulum_synth::star(50_000));
    let s = Snapshot::new(&report.org, as_of(), &report.config);
    let reports = s.children(s.roots()[0]).len();
    assert!(reports > 45_000, "{reports} present reports");
    let bytes = report.pdf(&options()).unwrap();
    let i = info(&bytes);
    assert!(i.pages > 100, "{} pages", i.pages);
    let first = page_text(&bytes, 2);
    assert!(first.contains("reports 1–"), "{first}");
    assert!(first.contains("continued on page 3"), "{first}");
    let last_chart = (2..=i.pages)
        .rev()
        .find(|&p| page_text(&bytes, p).contains("ORG CHART"))
        .unwrap();
    let last = page_text(&bytes, last_chart);
    let all = format!("of {},{:03}", reports / 1000, reports % 1000);
    assert!(
        last.contains(&all),
        "{all:?} is not on the last chart page: {last}"
    );
}

/// The demo's first swing (its README): Ana Beatriz Costa becomes a manager of three.
#[test]
fn a_scenario_prints_its_swing_reports() {
    let org = demo();
    let config = RuleConfig::default();
    let swing = Swing {
        person: PersonId::from("p-ana"),
        to: SwingTo::Manager,
        date: as_of(),
        reports: ["p-diego", "p-meilin", "p-arjun"]
            .map(PersonId::from)
            .to_vec(),
        successor: None,
        join: Vec::new(),
    };
    let report = simulate(&org, &config, &swing, as_of()).unwrap();
    let s = Snapshot::new(&org, as_of(), &config);
    let flags = check(&s, &config);
    let d = diff(&s, &s, &config, &config);
    let input = ReportInput {
        timeline: None,
        snapshot: &s,
        config: &config,
        flags: &flags,
        cost: None,
        scenario: Some(ScenarioSection {
            name: "Ana leads",
            compared_with: "baseline",
            diff: &d,
            before: None,
        }),
    };
    let bytes = pdf_with_swings(&input, std::slice::from_ref(&report), &options()).unwrap();
    let text = text_of(&bytes);
    for needle in [
        "Ana Beatriz Costa (p-ana) swings to manager",
        "taking 3 reports",
        "Reporting lines moved (3)",
        "Diego Fernández (p-diego)",
        "Flags resolved (2)",
        "span-too-wide",
        "manager-overloaded",
        "Flags added (1)",
        "workstream-overloaded",
        "65.47 64.47",
        "Timeline",
        "The scenario changes nothing.",
    ] {
        assert!(text.contains(needle), "{needle:?} is missing");
    }
}

impl Report {
    fn preview(&self, opts: &PdfOptions, max_pages: usize) -> Result<PdfPreview, ExportError> {
        let s = Snapshot::new(&self.org, as_of(), &self.config);
        let flags = check(&s, &self.config);
        pdf_preview(
            &ReportInput {
                timeline: None,
                snapshot: &s,
                config: &self.config,
                flags: &flags,
                cost: None,
                scenario: None,
            },
            &[],
            opts,
            max_pages,
        )
    }
}

/// The text an SVG draws: its `<text>` elements' contents, unescaped, one per line.
fn svg_text(svg: &str) -> String {
    let mut out = String::new();
    for piece in svg.split("<text ").skip(1) {
        let Some((_, rest)) = piece.split_once('>') else {
            continue;
        };
        let content = rest.split("</text>").next().unwrap();
        assert!(
            !content.contains('<'),
            "markup inside a text element: {content}"
        );
        out.push_str(
            &content
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
        out.push('\n');
    }
    out
}

#[test]
fn the_pdf_preview_has_the_pdfs_pages_drawn_from_the_same_marks() {
    let report = Report::new(demo());
    let bytes = report.pdf(&options()).unwrap();
    let pages = info(&bytes).pages;
    assert!(pages > 3, "{pages} pages");
    let preview = report.preview(&options(), 12).unwrap();
    assert_eq!(preview.pages, pages);
    assert_eq!(preview.svgs.len(), pages.min(12));
    assert_eq!((preview.width, preview.height), (841.89, 595.28));
    for (i, page) in preview.svgs.iter().enumerate() {
        assert!(
            page.starts_with(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="841.89" height="595.28" viewBox="0 0 841.89 595.28""#
            ),
            "page {}",
            i + 1
        );
        assert!(page.contains(r##"<rect width="100%" height="100%" fill="#ffffff"/>"##));
        assert!(page.ends_with("</svg>\n"));
        // Every word the PDF page prints (in Latin letters and digits) is drawn on the SVG page.
        let drawn = svg_text(page);
        let printed = page_text(&bytes, i + 1);
        for word in printed
            .split(' ')
            .filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            assert!(
                drawn.contains(word),
                "page {}: {word:?} is not drawn",
                i + 1
            );
        }
    }
    // Page 2 is the top of the chart; Mateus Oliveira's team continues on page 3.
    assert!(page_text(&bytes, 2).contains("Mateus Oliveira"));
    assert!(svg_text(&preview.svgs[1]).contains("Mateus Oliveira"));
    assert!(svg_text(&preview.svgs[1]).contains("continued on page 3 →"));
    assert!(
        preview.svgs[2..]
            .iter()
            .any(|page| svg_text(page).contains("Ana Beatriz Costa"))
    );
    assert!(!svg_text(&preview.svgs[1]).contains("Ana Beatriz Costa"));
    // Continued cards (page 2) and an open role's card (page 3) are dashed as in the PDF:
    // dashes of 6 and gaps of 4 stroke widths.
    for page in &preview.svgs[1..3] {
        let (_, rest) = page.split_once(r#"" stroke-dasharray=""#).unwrap();
        let width: f64 = page[..page.len() - rest.len() - 20]
            .rsplit('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let dash: Vec<f64> = rest
            .split('"')
            .next()
            .unwrap()
            .split(' ')
            .map(|d| d.parse().unwrap())
            .collect();
        assert!(
            (dash[0] / width - 6.0).abs() < 0.1 && (dash[1] / width - 4.0).abs() < 0.1,
            "{width} {dash:?}"
        );
    }

    let two = report.preview(&options(), 2).unwrap();
    assert_eq!((two.pages, two.svgs.len()), (pages, 2));
    assert_eq!(two.svgs[..], preview.svgs[..2]);
    let none = report.preview(&options(), 0).unwrap();
    assert_eq!((none.pages, none.svgs.len()), (pages, 0));

    let portrait = PdfOptions {
        page: PageSize::Letter,
        landscape: false,
        ..options()
    };
    let letter = report.preview(&portrait, 1).unwrap();
    assert_eq!(letter.pages, info(&report.pdf(&portrait).unwrap()).pages);
    assert_eq!((letter.width, letter.height), (612.0, 792.0));
    assert!(letter.svgs[0].contains(r#"width="612" height="792""#));

    let zero = PdfOptions {
        break_every_levels: Some(0),
        ..options()
    };
    assert!(matches!(
        report.preview(&zero, 12),
        Err(ExportError::ZeroOption { .. })
    ));
}

#[test]
fn the_pdf_preview_escapes_text_and_is_deterministic() {
    let mut org = small_org();
    org.people[3].name = "<img src=x onerror=alert(1)>".into();
    org.people[4].title = "Tom & \"Jerry\" 'n' <b>".into();
    let report = Report::new(org);
    let preview = report.preview(&options(), 12).unwrap();
    let all = preview.svgs.concat();
    assert!(
        !all.contains("<img") && !all.contains("<b>"),
        "markup leaked"
    );
    assert!(all.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(all.contains("Linus &lt;Torvalds&gt; &amp; Co"));
    assert!(svg_text(&all).contains("<img src=x onerror=alert(1)>"));
    assert!(svg_text(&all).contains("Tom & \"Jerry\" 'n' <b>"));
    // Each page is well-formed XML that a renderer draws.
    for page in &preview.svgs {
        let bytes = png(page, 0.5).unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    }
    assert_eq!(report.preview(&options(), 12).unwrap(), preview);
}

/// The width and height a PNG's header gives.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "not a PNG"
    );
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

/// The width and height attributes of an SVG's root element.
fn svg_size(svg: &str) -> (f64, f64) {
    let attr = |name: &str| -> f64 {
        let from = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[from..].split('"').next().unwrap().parse().unwrap()
    };
    (attr("width"), attr("height"))
}

fn chart(org: &Org) -> (String, Vec<(String, [f64; 4])>) {
    let config = RuleConfig::default();
    let s = Snapshot::new(org, as_of(), &config);
    let flags = check(&s, &config);
    let layout = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    let opts = SvgOptions {
        flags: &flags,
        ..SvgOptions::default()
    };
    let m = opts.margin;
    let boxes = layout
        .nodes
        .iter()
        .map(|b| (b.id.to_owned(), [b.x + m, b.y + m, b.width, b.height]))
        .collect();
    (svg(&s, &layout, &opts), boxes)
}

/// Pixels darker than the page in a rectangle (in SVG units at `scale`).
fn dark_pixels(image: &Pixmap, scale: f64, [x, y, w, h]: [f64; 4]) -> usize {
    let mut dark = 0;
    for py in (y * scale) as u32..((y + h) * scale) as u32 {
        for px in (x * scale) as u32..((x + w) * scale) as u32 {
            let p = image.pixel(px, py).unwrap();
            if u32::from(p.red()) + u32::from(p.green()) + u32::from(p.blue()) < 3 * 128 {
                dark += 1;
            }
        }
    }
    dark
}

#[test]
fn the_chart_as_png_draws_names_with_the_embedded_fonts() {
    let (text, boxes) = chart(&small_org());
    let (w, h) = svg_size(&text);
    let bytes = png(&text, 2.0).unwrap();
    assert_eq!(
        png_size(&bytes),
        ((w * 2.0).ceil() as u32, (h * 2.0).ceil() as u32)
    );
    assert_eq!(png(&text, 2.0).unwrap(), bytes, "the same bytes twice");
    let one = png(&text, 1.0).unwrap();
    assert_eq!(png_size(&one), (w.ceil() as u32, h.ceil() as u32));

    let image = Pixmap::decode_png(&bytes).unwrap();
    // The name line of each card (left of the flag dots, above the title): ink there is text.
    for id in ["ceo", "em", "ic", "long"] {
        let [x, y, _, _] = boxes.iter().find(|(b, _)| b == id).unwrap().1;
        let name = [x + 12.0, y + 5.0, 100.0, 14.0];
        let dark = dark_pixels(&image, 2.0, name);
        assert!(dark > 40, "{id}'s name draws {dark} dark pixels");
    }
    // The margin is white paper.
    assert_eq!(dark_pixels(&image, 2.0, [0.0, 0.0, w, 10.0]), 0);
}

#[test]
fn a_huge_chart_is_capped_and_bad_input_is_refused() {
    // The demo at scale 4 is 19,296 × 4,848: over the side and the pixel limits.
    let (text, _) = chart(&demo());
    let (w, h) = svg_size(&text);
    let (pw, ph) = png_size(&png(&text, 4.0).unwrap());
    assert!(pw <= PNG_MAX_SIDE && ph <= PNG_MAX_SIDE);
    assert!(u64::from(pw) * u64::from(ph) <= PNG_MAX_PIXELS);
    assert!(
        u64::from(pw) * u64::from(ph) > PNG_MAX_PIXELS * 99 / 100,
        "{pw} × {ph}"
    );
    let ratio = f64::from(pw) / f64::from(ph);
    assert!(
        (ratio - w / h).abs() < 0.01,
        "proportions kept: {ratio} vs {}",
        w / h
    );

    // A chart far wider than the side limit at scale 1.
    let org = pendulum_synth::generate(&pendulum_synth::SynthConfig::new(10_000, 7));
    let (text, _) = chart(&org);
    let (w, h) = svg_size(&text);
    assert!(w > f64::from(PNG_MAX_SIDE), "{w} wide");
    let (pw, ph) = png_size(&png(&text, 1.0).unwrap());
    assert_eq!(pw, PNG_MAX_SIDE, "{w} × {h}");
    assert_eq!(
        ph,
        (h * f64::from(PNG_MAX_SIDE) / w).floor() as u32,
        "{w} × {h}"
    );
    assert!(u64::from(pw) * u64::from(ph) <= PNG_MAX_PIXELS);

    for scale in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert!(matches!(png(&text, scale), Err(ExportError::Scale { .. })));
    }
    assert!(matches!(png("<svg", 1.0), Err(ExportError::Svg(_))));
    assert!(matches!(
        png("not svg at all", 1.0),
        Err(ExportError::Svg(_))
    ));
}

// ---------------------------------------------------------------- dotted lines

/// The demo's two dotted lines: Zoë Lefèvre (Mobile) to Olusegun Adeyemi (Platform) and
/// Viktor Andersson (Security) to Mateus Oliveira (Commerce).
const DEMO_DOTTED: [(&str, &str); 2] = [("p-segun", "p-zoe"), ("p-mateus", "p-viktor")];

#[test]
fn dotted_lines_are_dashed_muted_paths_under_the_cards_of_the_chart() {
    let org = demo();
    let s = Snapshot::new(&org, as_of(), &RuleConfig::default());
    let layout = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    let lines: Vec<(&str, &str)> = layout.dotted.iter().map(|d| (d.from, d.to)).collect();
    assert_eq!(lines, DEMO_DOTTED);
    let text = svg(&s, &layout, &SvgOptions::default());
    let group = text
        .find(r##"<g fill="none" stroke="#8c7ab0" stroke-width="1.25" stroke-dasharray="7.5 5">"##)
        .expect("a group of dashed dotted lines");
    let first_card = text.find("<g data-id=").unwrap();
    assert!(
        text.find(r##"<g fill="none" stroke="#9aa5b1""##).unwrap() < group && group < first_card,
        "dotted lines come after the reporting lines and before (under) the cards"
    );
    for (from, to) in DEMO_DOTTED {
        assert!(
            text[group..first_card]
                .contains(&format!(r#"<path data-from="{from}" data-to="{to}" d="M"#)),
            "{from} → {to}"
        );
    }
    // An org without dotted lines draws no such group (the golden small.svg shows the rest).
    let small = small_org();
    let s = Snapshot::new(&small, as_of(), &RuleConfig::default());
    let layout = layout_snapshot(&s, &ChartOptions::default()).unwrap();
    assert!(!svg(&s, &layout, &SvgOptions::default()).contains("stroke-dasharray=\"7.5 5\""));
}

#[test]
fn a_dotted_line_across_pdf_pages_is_noted_on_the_persons_card_with_the_managers_page() {
    let report = Report::new(demo());
    let bytes = report.pdf(&options()).unwrap();
    let pages = info(&bytes).pages;
    let text_of_page: Vec<String> = (1..=pages).map(|p| squash(&page_text(&bytes, p))).collect();
    for (person, manager, title) in [
        (
            "Zoë Lefèvre",
            "Olusegun Adeyemi",
            "Director of Engineering, Platform",
        ),
        (
            "Viktor Andersson",
            "Mateus Oliveira",
            "Director of Engineering, Commerce",
        ),
    ] {
        let note = format!("dotted line to {manager}, p. ");
        let (k, page) = text_of_page
            .iter()
            .enumerate()
            .find(|(_, t)| t.contains(person) && t.contains(&note))
            .unwrap_or_else(|| panic!("no page notes {person}'s dotted line"));
        assert!(
            page.contains("dotted line (secondary manager)"),
            "the legend explains it"
        );
        let n: usize = page
            .split(&note)
            .nth(1)
            .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|d| d.parse().ok())
            .unwrap();
        assert_ne!(n, k + 1, "the manager is on another page");
        // Pages are shared by regions, so the manager's page names them among others.
        assert!(
            text_of_page[n - 1].contains(manager) && text_of_page[n - 1].contains(title),
            "page {n} holds {manager}'s card: {}",
            text_of_page[n - 1]
        );
    }
    // Pages with neither end of a dotted line carry no key for one.
    let keyed = text_of_page
        .iter()
        .filter(|t| t.contains("dotted line (secondary manager)"))
        .count();
    assert_eq!(keyed, 2);
}

#[test]
fn a_dotted_line_within_a_pdf_page_is_drawn_dashed_under_the_cards() {
    let report = Report::new(demo());
    let one_page = PdfOptions {
        one_page: true,
        ..options()
    };
    let preview = report.preview(&one_page, 2).unwrap();
    let chart = &preview.svgs[1];
    let dashed: Vec<&str> = chart
        .lines()
        .filter(|l| {
            l.starts_with("<path")
                && l.contains(r##"stroke="#8c7ab0""##)
                && l.contains("stroke-dasharray")
        })
        .collect();
    // The two lines and the legend's key.
    assert_eq!(dashed.len(), 3, "{dashed:#?}");
    assert!(
        !svg_text(chart).contains("dotted line to"),
        "both ends are on the page"
    );
    // The legend's key first, then the lines, then (over them) the cards.
    let first_card = chart.find(">Hannah Becker<").unwrap();
    assert!(
        chart.rfind(dashed[2]).unwrap() < first_card,
        "lines are drawn before the cards"
    );
    let bytes = report.pdf(&one_page).unwrap();
    assert_eq!(
        report.pdf(&one_page).unwrap(),
        bytes,
        "the same bytes every time"
    );
}

#[test]
fn dotted_lines_that_draw_nothing_change_no_byte_of_the_pdf() {
    let mut plain = demo();
    for p in &mut plain.people {
        p.dotted_managers.clear();
    }
    let cleared = Report::new(plain.clone()).pdf(&options()).unwrap();
    let with = Report::new(demo()).pdf(&options()).unwrap();
    assert!(with != cleared, "the demo's dotted lines are printed");
    let mut unseen = plain.clone();
    // A dotted line to someone who has left: not drawn, not noted.
    let gone = unseen
        .people
        .iter()
        .position(|p| p.id.as_str() == "p-tom")
        .unwrap();
    unseen.people[gone].end_date = Some(day("2027-01-01"));
    unseen.people[0]
        .dotted_managers
        .push(PersonId::from("p-tom"));
    plain.people[gone].end_date = Some(day("2027-01-01"));
    let (a, b) = (
        Report::new(plain).pdf(&options()).unwrap(),
        Report::new(unseen).pdf(&options()).unwrap(),
    );
    assert!(
        a == b,
        "a line that is not drawn must not change the report"
    );
}
