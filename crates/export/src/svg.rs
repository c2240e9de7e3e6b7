//! The chart as SVG, and the PDF report's pages as SVG for its preview: the same marks as the
//! PDF, with text left to the viewer's shaper (the fonts are named, not embedded;
//! [`crate::fonts`] hands them to a renderer).

use std::fmt::{self, Write};

use pendulum_core::{Flag, Snapshot};
use pendulum_layout::ChartLayout;

use crate::card::{PersonFlags, person_card, placeholder_card};
use crate::fonts::SVG_FAMILIES;
use crate::marks::{Align, DASH, DOTTED, EDGE, Mark, PAPER};
use crate::text::Shaper;

/// The stroke of a dotted line on the chart, in layout units.
const DOTTED_WIDTH: f64 = 1.25;

/// How to draw an SVG chart.
#[derive(Clone, Copy, Debug)]
pub struct SvgOptions<'a> {
    /// Flags whose subject is a person are marked on that person's card.
    pub flags: &'a [Flag],
    /// Blank space around the chart, in layout units.
    pub margin: f64,
}

impl Default for SvgOptions<'_> {
    fn default() -> Self {
        SvgOptions {
            flags: &[],
            margin: 16.0,
        }
    }
}

/// The chart of `layout` (laid out from `snapshot`) as an SVG document.
pub fn svg(snapshot: &Snapshot<'_>, layout: &ChartLayout<'_>, opts: &SvgOptions<'_>) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_svg(&mut out, snapshot, layout, opts);
    out
}

/// A polyline's points as SVG path data, shifted by the margin `m`.
fn path_data(out: &mut dyn Write, points: &[[f64; 2]], m: f64) -> fmt::Result {
    for (i, [x, y]) in points.iter().enumerate() {
        let step = if i == 0 { "M" } else { " L" };
        write!(out, "{step}{} {}", num(x + m), num(y + m))?;
    }
    Ok(())
}

/// [`svg`] written to any sink, card by card, so a huge chart needs no huge string.
pub fn write_svg(
    out: &mut dyn Write,
    snapshot: &Snapshot<'_>,
    layout: &ChartLayout<'_>,
    opts: &SvgOptions<'_>,
) -> fmt::Result {
    let m = if opts.margin.is_finite() && opts.margin > 0.0 {
        opts.margin
    } else {
        0.0
    };
    open_document(out, layout.width + 2.0 * m, layout.height + 2.0 * m)?;
    writeln!(
        out,
        r#"<g fill="none" stroke="{}" stroke-width="1">"#,
        EDGE.hex()
    )?;
    for points in layout
        .edges
        .iter()
        .map(|e| &e.points)
        .chain(layout.placeholder_lines.iter().map(|e| &e.points))
    {
        out.write_str("<path d=\"")?;
        path_data(out, points, m)?;
        writeln!(out, "\"/>")?;
    }
    writeln!(out, "</g>")?;
    // Dotted lines go under the cards too, so a route that must pass a card hides behind it.
    if !layout.dotted.is_empty() {
        writeln!(
            out,
            r#"<g fill="none" stroke="{}" stroke-width="{}" stroke-dasharray="{} {}">"#,
            DOTTED.hex(),
            num(DOTTED_WIDTH),
            num(DASH[0] * DOTTED_WIDTH),
            num(DASH[1] * DOTTED_WIDTH)
        )?;
        for d in &layout.dotted {
            write!(
                out,
                r#"<path data-from="{}" data-to="{}" d=""#,
                escape(d.from),
                escape(d.to)
            )?;
            path_data(out, &d.points, m)?;
            writeln!(out, "\"/>")?;
        }
        writeln!(out, "</g>")?;
    }
    let flags = PersonFlags::of(opts.flags);
    let mut shaper = Shaper::new();
    let mut marks = Vec::new();
    for b in &layout.nodes {
        marks.clear();
        person_card(
            &mut marks,
            &mut shaper,
            snapshot,
            &flags,
            b.person,
            (b.x + m, b.y + m, b.width, b.height),
            1.0,
            None,
            &[],
        );
        writeln!(out, r#"<g data-id="{}">"#, escape(b.id))?;
        for mark in &marks {
            write_mark(out, mark)?;
        }
        writeln!(out, "</g>")?;
    }
    for b in &layout.placeholders {
        marks.clear();
        placeholder_card(
            &mut marks,
            &mut shaper,
            snapshot,
            b.placeholder,
            (b.x + m, b.y + m, b.width, b.height),
            1.0,
            false,
        );
        writeln!(out, r#"<g data-placeholder="{}">"#, escape(b.id))?;
        for mark in &marks {
            write_mark(out, mark)?;
        }
        writeln!(out, "</g>")?;
    }
    writeln!(out, "</svg>")
}

/// One page of the PDF report as a standalone SVG document: the page's marks on white paper
/// of `size` (width, height) points (links are the PDF's alone).
pub(crate) fn page(size: (f64, f64), marks: &[Mark]) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_page(&mut out, size, marks);
    out
}

fn write_page(out: &mut dyn Write, (w, h): (f64, f64), marks: &[Mark]) -> fmt::Result {
    open_document(out, w, h)?;
    for mark in marks {
        write_mark(out, mark)?;
    }
    writeln!(out, "</svg>")
}

/// The root element, naming the embedded fonts' families, and the white paper.
fn open_document(out: &mut dyn Write, w: f64, h: f64) -> fmt::Result {
    writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{f}">"#,
        w = num(w),
        h = num(h),
        f = SVG_FAMILIES,
    )?;
    writeln!(
        out,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        PAPER.hex()
    )
}

fn write_mark(out: &mut dyn Write, mark: &Mark) -> fmt::Result {
    match mark {
        Mark::Rect {
            x,
            y,
            w,
            h,
            radius,
            fill,
            stroke,
            dashed,
        } => {
            write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}""#,
                num(*x),
                num(*y),
                num(*w),
                num(*h)
            )?;
            if *radius > 0.0 {
                write!(out, r#" rx="{}""#, num(*radius))?;
            }
            match fill {
                Some(c) => write!(out, r#" fill="{}""#, c.hex())?,
                None => write!(out, r#" fill="none""#)?,
            }
            if let Some((c, width)) = stroke {
                write!(
                    out,
                    r#" stroke="{}" stroke-width="{}""#,
                    c.hex(),
                    num(*width)
                )?;
                if *dashed {
                    write!(
                        out,
                        r#" stroke-dasharray="{} {}""#,
                        num(DASH[0] * width),
                        num(DASH[1] * width)
                    )?;
                }
            }
            writeln!(out, "/>")
        }
        Mark::Polyline {
            points,
            colour,
            width,
            dashed,
        } => {
            out.write_str(r#"<path d=""#)?;
            for (i, [x, y]) in points.iter().enumerate() {
                write!(
                    out,
                    "{}{} {}",
                    if i == 0 { "M" } else { " L" },
                    num(*x),
                    num(*y)
                )?;
            }
            write!(
                out,
                r#"" fill="none" stroke="{}" stroke-width="{}""#,
                colour.hex(),
                num(*width)
            )?;
            if *dashed {
                write!(
                    out,
                    r#" stroke-dasharray="{} {}""#,
                    num(DASH[0] * width),
                    num(DASH[1] * width)
                )?;
            }
            writeln!(out, "/>")
        }
        Mark::Circle { cx, cy, r, fill } => writeln!(
            out,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{}"/>"#,
            num(*cx),
            num(*cy),
            num(*r),
            fill.hex()
        ),
        Mark::Text {
            x,
            y,
            size,
            bold,
            colour,
            align,
            text,
        } => {
            write!(
                out,
                r#"<text x="{}" y="{}" font-size="{}""#,
                num(*x),
                num(*y),
                num(*size)
            )?;
            if *bold {
                out.write_str(r#" font-weight="700""#)?;
            }
            match align {
                Align::Start => {}
                Align::Middle => out.write_str(r#" text-anchor="middle""#)?,
                Align::End => out.write_str(r#" text-anchor="end""#)?,
            }
            writeln!(out, r#" fill="{}">{}</text>"#, colour.hex(), escape(text))
        }
        Mark::Link { .. } => Ok(()),
    }
}

/// A coordinate with at most two decimals and no trailing zeros, the same on every platform
/// (integer arithmetic on hundredths: float formatting dominated a 1M-card export).
pub(crate) fn num(v: f64) -> String {
    let cents = (v * 100.0).round();
    if !cents.is_finite() || cents.abs() >= 9.0e15 {
        return "0".to_owned();
    }
    let cents = cents as i64;
    let (whole, frac) = (cents.unsigned_abs() / 100, cents.unsigned_abs() % 100);
    let sign = if cents < 0 { "-" } else { "" };
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// XML text and attribute escaping.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_have_at_most_two_decimals_and_no_trailing_zeros() {
        for (v, s) in [
            (0.0, "0"),
            (-0.001, "0"),
            (1.5, "1.5"),
            (2.25, "2.25"),
            (-3.1, "-3.1"),
            (10.0, "10"),
            (0.07, "0.07"),
            (1234.567, "1234.57"),
            (f64::NAN, "0"),
        ] {
            assert_eq!(num(v), s, "{v}");
        }
    }
}
