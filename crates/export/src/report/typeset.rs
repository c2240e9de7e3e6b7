//! The typesetter of the report's text pages: page headers, headings, notes and tables that
//! flow onto continuation pages (repeating the section header and the table's column titles),
//! and the footer every page but the title carries.

use std::borrow::Cow;

use pendulum_core::Date;

use crate::marks::{ACCENT, Align, INK, INK_2, INK_3, Mark, RULE, Rgb, SHADE};
use crate::text::{Shaper, clean};

use super::words::long_date;

/// Blank paper around every page's content.
pub(crate) const MARGIN: f64 = 36.0;
/// Top of a page's body, below its header.
pub(crate) const HEADER: f64 = 58.0;
/// Bottom of a page's body, above its footer.
pub(crate) const FOOTER: f64 = 26.0;
/// Top of a chart page's body, below its two-line header (the chart needs the room).
pub(crate) const CHART_HEADER: f64 = 36.0;
/// Baseline of a chart page's title line.
pub(crate) const CHART_TITLE_Y: f64 = MARGIN + 22.0;

/// A column of a table: share of the width, alignment, and whether text wraps.
pub(super) struct Col {
    pub title: Cow<'static, str>,
    pub share: f64,
    pub align: Align,
    pub wrap: bool,
}

pub(super) const fn col(title: &'static str, share: f64, align: Align, wrap: bool) -> Col {
    Col {
        title: Cow::Borrowed(title),
        share,
        align,
        wrap,
    }
}

pub(super) struct Cell {
    text: String,
    colour: Rgb,
    bold: bool,
    dot: Option<Rgb>,
    fill: Option<Rgb>,
}

pub(super) fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: clean(&text.into()),
        colour: INK,
        bold: false,
        dot: None,
        fill: None,
    }
}

impl Cell {
    pub(super) fn colour(mut self, c: Rgb) -> Cell {
        self.colour = c;
        self
    }
    pub(super) fn bold(mut self) -> Cell {
        self.bold = true;
        self
    }
    pub(super) fn dot(mut self, c: Rgb) -> Cell {
        self.dot = Some(c);
        self
    }
    /// Shades this cell alone, over the row's fill.
    pub(super) fn fill(mut self, c: Rgb) -> Cell {
        self.fill = Some(c);
        self
    }
}

pub(super) enum Row {
    /// A heading inside a table (a severity group), with a bookmark.
    Group {
        text: String,
        colour: Rgb,
    },
    Cells {
        cells: Vec<Cell>,
        fill: Option<Rgb>,
    },
}

const TABLE_PT: f64 = 8.0;
const TABLE_LEAD: f64 = 10.5;

/// Pages under construction.
pub(super) struct Doc {
    pub w: f64,
    pub h: f64,
    pub shaper: Shaper,
    pub pages: Vec<Vec<Mark>>,
    /// Where the next block goes on the last page.
    pub y: f64,
    /// The current section's header, repeated on pages a table flows onto.
    header: (String, String),
}

impl Doc {
    /// A document of `w` × `h` point pages whose first page (the title page) is drawn last.
    pub(super) fn new(w: f64, h: f64) -> Doc {
        Doc {
            w,
            h,
            shaper: Shaper::new(),
            pages: vec![Vec::new()],
            y: 0.0,
            header: Default::default(),
        }
    }

    pub(super) fn body_bottom(&self) -> f64 {
        self.h - MARGIN - FOOTER
    }

    pub(super) fn width(&self) -> f64 {
        self.w - 2.0 * MARGIN
    }

    fn last(&mut self) -> &mut Vec<Mark> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let at = self.pages.len() - 1;
        &mut self.pages[at]
    }

    /// Starts a page with a section header; returns its index.
    pub(super) fn start_page(&mut self, kicker: &str, title: &str, subtitle: &str) -> usize {
        self.header = (kicker.to_owned(), title.to_owned());
        self.new_page(kicker, title, subtitle)
    }

    fn new_page(&mut self, kicker: &str, title: &str, subtitle: &str) -> usize {
        let room = self.width();
        let title = self.shaper.fit(&clean(title), true, 15.0, room);
        let subtitle = self.shaper.fit(&clean(subtitle), false, 8.5, room);
        let marks = vec![
            Mark::text(
                MARGIN,
                MARGIN + 6.0,
                7.5,
                true,
                ACCENT,
                kicker.to_uppercase(),
            ),
            Mark::text(MARGIN, MARGIN + 25.0, 15.0, true, INK, title),
            Mark::text(MARGIN, MARGIN + 39.0, 8.5, false, INK_2, subtitle),
            Mark::hline(MARGIN, self.w - MARGIN, MARGIN + HEADER - 10.0, RULE, 0.6),
        ];
        self.pages.push(marks);
        self.y = MARGIN + HEADER;
        self.pages.len() - 1
    }

    /// Starts a chart page: the kicker, then the title (13 pt) and the subtitle on one line.
    /// Returns the page's index and where the subtitle ends.
    pub(super) fn start_chart_page(
        &mut self,
        kicker: &str,
        title: &str,
        subtitle: &str,
    ) -> (usize, f64) {
        let room = self.width();
        let title = self.shaper.fit(&clean(title), true, 13.0, room * 0.7);
        let title_w = self.shaper.width(&title, true, 13.0);
        let x = MARGIN + title_w + 10.0;
        let subtitle = self
            .shaper
            .fit(&clean(subtitle), false, 8.5, (MARGIN + room - x).max(0.0));
        let end = x + self.shaper.width(&subtitle, false, 8.5);
        let marks = vec![
            Mark::text(
                MARGIN,
                MARGIN + 6.0,
                7.5,
                true,
                ACCENT,
                kicker.to_uppercase(),
            ),
            Mark::text(MARGIN, CHART_TITLE_Y, 13.0, true, INK, title),
            Mark::text(x, CHART_TITLE_Y, 8.5, false, INK_2, subtitle),
            Mark::hline(
                MARGIN,
                self.w - MARGIN,
                MARGIN + CHART_HEADER - 8.0,
                RULE,
                0.6,
            ),
        ];
        self.header = (kicker.to_owned(), String::new());
        self.pages.push(marks);
        self.y = MARGIN + CHART_HEADER;
        (self.pages.len() - 1, end)
    }

    /// Room for `height` more points on this page, or a continuation page.
    pub(super) fn ensure(&mut self, height: f64) {
        if self.y + height > self.body_bottom() {
            let (kicker, title) = self.header.clone();
            self.new_page(&kicker, &format!("{title} (continued)"), "");
        }
    }

    pub(super) fn heading(&mut self, text: &str) {
        self.ensure(44.0);
        let y = self.y + 12.0;
        self.last()
            .push(Mark::text(MARGIN, y, 10.5, true, INK, clean(text)));
        self.y += 20.0;
    }

    pub(super) fn note(&mut self, text: &str) {
        let lines = self.shaper.wrap(&clean(text), false, 8.5, self.width());
        for line in lines {
            self.ensure(13.0);
            let y = self.y + 9.0;
            self.last()
                .push(Mark::text(MARGIN, y, 8.5, false, INK_2, line));
            self.y += 12.0;
        }
        self.y += 4.0;
    }

    fn table_header(&mut self, cols: &[Col]) {
        let total = self.width();
        let y = self.y;
        let mut marks = vec![Mark::fill(MARGIN, y, total, 17.0, SHADE)];
        let mut x = MARGIN;
        for c in cols {
            let w = c.share * total;
            let (tx, align) = match c.align {
                Align::End => (x + w - 5.0, Align::End),
                _ => (x + 5.0, Align::Start),
            };
            marks.push(Mark::text_aligned(
                tx,
                y + 11.5,
                7.0,
                true,
                INK_2,
                align,
                self.shaper
                    .fit(&c.title.to_uppercase(), true, 7.0, w - 10.0),
            ));
            x += w;
        }
        self.last().extend(marks);
        self.y += 17.0;
    }

    /// Flows a table from the cursor; returns the page of each group row.
    pub(super) fn table(&mut self, cols: &[Col], rows: Vec<Row>) -> Vec<(String, usize)> {
        let total = self.width();
        let mut groups = Vec::new();
        self.ensure(17.0 + 30.0);
        self.table_header(cols);
        for row in rows {
            match row {
                Row::Group { text, colour } => {
                    if self.y + 20.0 + 24.0 > self.body_bottom() {
                        self.ensure(self.body_bottom());
                        self.table_header(cols);
                    }
                    let y = self.y;
                    self.last().push(Mark::Circle {
                        cx: MARGIN + 8.0,
                        cy: y + 10.0,
                        r: 3.5,
                        fill: colour,
                    });
                    self.last().push(Mark::text(
                        MARGIN + 16.0,
                        y + 13.5,
                        9.0,
                        true,
                        INK,
                        text.clone(),
                    ));
                    self.last()
                        .push(Mark::hline(MARGIN, MARGIN + total, y + 19.5, RULE, 0.6));
                    groups.push((text, self.pages.len() - 1));
                    self.y += 20.0;
                }
                Row::Cells { cells, fill } => {
                    let mut laid: Vec<Vec<String>> = Vec::with_capacity(cells.len());
                    for (c, spec) in cells.iter().zip(cols) {
                        let room =
                            spec.share * total - 10.0 - if c.dot.is_some() { 9.0 } else { 0.0 };
                        laid.push(if spec.wrap {
                            self.shaper.wrap(&c.text, c.bold, TABLE_PT, room)
                        } else {
                            vec![self.shaper.fit(&c.text, c.bold, TABLE_PT, room)]
                        });
                    }
                    let lines = laid.iter().map(Vec::len).max().unwrap_or(1).max(1);
                    let height = lines as f64 * TABLE_LEAD + 7.0;
                    if self.y + height > self.body_bottom() {
                        self.ensure(self.body_bottom());
                        self.table_header(cols);
                    }
                    let y = self.y;
                    let mut marks = Vec::new();
                    if let Some(fill) = fill {
                        marks.push(Mark::fill(MARGIN, y, total, height, fill));
                    }
                    let mut x = MARGIN;
                    for ((c, spec), text) in cells.iter().zip(cols).zip(laid) {
                        let w = spec.share * total;
                        if let Some(fill) = c.fill {
                            marks.push(Mark::fill(x + 1.0, y + 1.0, w - 2.0, height - 2.0, fill));
                        }
                        let mut tx = x + 5.0;
                        if let Some(dot) = c.dot {
                            marks.push(Mark::Circle {
                                cx: tx + 3.0,
                                cy: y + 7.5,
                                r: 3.0,
                                fill: dot,
                            });
                            tx += 9.0;
                        }
                        for (k, line) in text.into_iter().enumerate() {
                            let base = y + 11.0 + k as f64 * TABLE_LEAD;
                            marks.push(match spec.align {
                                Align::End => Mark::text_aligned(
                                    x + w - 5.0,
                                    base,
                                    TABLE_PT,
                                    c.bold,
                                    c.colour,
                                    Align::End,
                                    line,
                                ),
                                _ => Mark::text(tx, base, TABLE_PT, c.bold, c.colour, line),
                            });
                        }
                        x += w;
                    }
                    marks.push(Mark::hline(MARGIN, MARGIN + total, y + height, RULE, 0.4));
                    self.last().extend(marks);
                    self.y += height;
                }
            }
        }
        self.y += 14.0;
        groups
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn footer(
    marks: &mut Vec<Mark>,
    sh: &mut Shaper,
    w: f64,
    h: f64,
    title: &str,
    as_of: Date,
    i: usize,
    total: usize,
) {
    let y = h - MARGIN;
    marks.push(Mark::hline(MARGIN, w - MARGIN, y - 12.0, RULE, 0.6));
    let left = sh.fit(
        &format!("{title} · as of {}", long_date(as_of)),
        false,
        7.5,
        w / 2.0,
    );
    marks.push(Mark::text(MARGIN, y, 7.5, false, INK_3, left));
    marks.push(Mark::text_aligned(
        w - MARGIN,
        y,
        7.5,
        false,
        INK_3,
        Align::End,
        format!("Page {} of {}", i + 1, total),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A4 landscape, its first section started on page 1 (page 0 is the title page's).
    fn doc() -> Doc {
        let mut d = Doc::new(841.89, 595.28);
        d.start_page("Flags", "What the rules found", "a subtitle");
        d
    }

    /// The text of every mark on page `k`, in drawing order.
    fn texts(d: &Doc, k: usize) -> Vec<&str> {
        d.pages[k]
            .iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    fn baselines(d: &Doc, k: usize) -> Vec<f64> {
        d.pages[k]
            .iter()
            .filter_map(|m| match m {
                Mark::Text { y, .. } => Some(*y),
                _ => None,
            })
            .collect()
    }

    const COLS: [Col; 2] = [
        col("Person", 0.4, Align::Start, true),
        col("Note", 0.6, Align::Start, true),
    ];

    fn rows(n: usize) -> Vec<Row> {
        (0..n)
            .map(|i| Row::Cells {
                cells: vec![cell(format!("row {i}")), cell("a note")],
                fill: None,
            })
            .collect()
    }

    #[test]
    fn a_long_table_flows_onto_continuation_pages_with_its_headers_repeated() {
        let mut d = doc();
        d.table(&COLS, rows(120));
        assert!(d.pages.len() > 3, "{} pages", d.pages.len());
        assert_eq!(texts(&d, 1)[1], "What the rules found");
        for k in 2..d.pages.len() {
            let t = texts(&d, k);
            assert_eq!(t[0], "FLAGS", "page {k} repeats the kicker");
            assert_eq!(t[1], "What the rules found (continued)", "page {k}");
            assert!(
                t.contains(&"PERSON") && t.contains(&"NOTE"),
                "page {k}: {t:?}"
            );
        }
        // Every row once, in order, and nothing below the body.
        let all: Vec<&str> = (0..d.pages.len())
            .flat_map(|k| texts(&d, k))
            .filter(|t| t.starts_with("row "))
            .collect();
        let expected: Vec<String> = (0..120).map(|i| format!("row {i}")).collect();
        assert_eq!(all, expected);
        for k in 0..d.pages.len() {
            for y in baselines(&d, k) {
                assert!(y <= d.body_bottom(), "page {k}: a baseline at {y}");
            }
        }
    }

    #[test]
    fn a_group_heading_is_never_the_last_row_of_a_page() {
        // Fill the page until a heading would land at its foot, for every offset.
        for filler in 0..30 {
            let mut d = doc();
            let mut all = rows(filler);
            all.push(Row::Group {
                text: "Warnings (3)".into(),
                colour: INK,
            });
            all.extend(rows(3));
            let groups = d.table(&COLS, all);
            let (_, page) = groups[0].clone();
            let t = texts(&d, page);
            let at = t.iter().position(|x| *x == "Warnings (3)");
            assert!(
                at.is_some(),
                "{filler} rows before: the heading is on page {page}"
            );
            let after = &t[at.unwrap_or(0)..];
            assert!(
                after.contains(&"row 0"),
                "{filler} rows before: the first row under the heading is not on its page"
            );
        }
    }

    #[test]
    fn a_note_wraps_within_the_page_and_a_heading_takes_the_next_page_when_full() {
        let mut d = doc();
        let long = "Wrapped words ".repeat(80);
        d.note(&long);
        let width = d.width();
        let mut lines = 0;
        for m in &d.pages[1] {
            if let Mark::Text { text, size, .. } = m
                && text.starts_with("Wrapped")
            {
                let w = d.shaper.width(text, false, *size);
                assert!(w <= width + 0.01, "{w} > {width}: {text}");
                lines += 1;
            }
        }
        assert!(lines > 2, "{lines} lines");
        d.y = d.body_bottom() - 10.0;
        d.heading("Next section");
        assert_eq!(
            d.pages.len(),
            3,
            "no room for a heading and a line under it"
        );
        assert!(texts(&d, 2).contains(&"Next section"));
    }
}
