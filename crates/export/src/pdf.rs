//! Marks to PDF with krilla: shaped glyph runs with the embedded fonts (subset on write),
//! vector shapes, link annotations and the outline. Nothing here reads the clock: the
//! creation date is the report's date, and krilla derives the document id from the content.

use krilla::Document;
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::fonts::FontId;
use crate::marks::{Align, DASH, Mark, Rgb};
use crate::report::{Composed, OutlineItem};
use crate::text::Shaper;
use crate::{ExportError, PdfOptions};

/// The krilla fonts of one document, made once per export.
struct Fonts(Vec<Option<Font>>);

impl Fonts {
    fn new() -> Fonts {
        Fonts(
            FontId::all()
                .iter()
                .map(|id| Font::new(id.file().data.into(), 0))
                .collect(),
        )
    }

    fn get(&self, id: FontId) -> Option<Font> {
        self.0.get(id as usize).cloned().flatten()
    }
}

fn paint(c: Rgb) -> krilla::paint::Paint {
    rgb::Color::new(c.0, c.1, c.2).into()
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: paint(c),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

pub(crate) fn render(doc: &Composed, opts: &PdfOptions) -> Result<Vec<u8>, ExportError> {
    let fonts = Fonts::new();
    let mut shaper = Shaper::new();
    let mut pdf = Document::new();
    let (w, h) = (doc.size.0 as f32, doc.size.1 as f32);
    for marks in &doc.pages {
        let settings =
            PageSettings::from_wh(w, h).ok_or_else(|| ExportError::Pdf("bad page size".into()))?;
        let mut page = pdf.start_page_with(settings);
        let mut links = Vec::new();
        {
            let mut surface = page.surface();
            for mark in marks {
                if let Mark::Link { x, y, w, h, page } = mark {
                    links.push((*x, *y, *w, *h, *page));
                } else {
                    draw(&mut surface, &fonts, &mut shaper, mark);
                }
            }
            surface.finish();
        }
        for (x, y, lw, lh, to) in links {
            if to >= doc.pages.len() {
                continue;
            }
            let Some(rect) = Rect::from_xywh(x as f32, y as f32, lw as f32, lh as f32) else {
                continue;
            };
            let target = Target::Destination(Destination::Xyz(XyzDestination::new(
                to,
                Point::from_xy(0.0, 0.0),
            )));
            page.add_annotation(Annotation::new_link(
                LinkAnnotation::new(rect, target),
                None,
            ));
        }
        page.finish();
    }

    let mut outline = Outline::new();
    for item in &doc.outline {
        outline.push_child(outline_node(item, doc.pages.len()));
    }
    pdf.set_outline(outline);

    let (year, month, day) = opts.date.ymd();
    let mut date = DateTime::new(u16::try_from(year).unwrap_or(0))
        .month(month as u8)
        .day(day as u8);
    date = date
        .hour(0)
        .minute(0)
        .second(0)
        .utc_offset_hour(0)
        .utc_offset_minute(0);
    pdf.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .creator("Pendulum".to_owned())
            .producer("Pendulum (krilla)".to_owned())
            .language("en".to_owned())
            .creation_date(date),
    );
    pdf.finish().map_err(|e| ExportError::Pdf(format!("{e:?}")))
}

/// A bookmark and its children; outlines are two levels deep, so this recursion is bounded.
fn outline_node(item: &OutlineItem, pages: usize) -> OutlineNode {
    let page = item.page.min(pages.saturating_sub(1));
    let mut node = OutlineNode::new(
        item.title.clone(),
        XyzDestination::new(page, Point::from_xy(0.0, 0.0)),
    );
    for child in &item.children {
        let page = child.page.min(pages.saturating_sub(1));
        node.push_child(OutlineNode::new(
            child.title.clone(),
            XyzDestination::new(page, Point::from_xy(0.0, 0.0)),
        ));
    }
    node
}

fn rounded(x: f32, y: f32, w: f32, h: f32, r: f32) -> Option<krilla::geom::Path> {
    let mut pb = PathBuilder::new();
    let r = r.min(w / 2.0).min(h / 2.0).max(0.0);
    if r <= 0.0 {
        pb.push_rect(Rect::from_xywh(x, y, w, h)?);
        return pb.finish();
    }
    // Cubic arcs: 0.5523 is the circle constant for a quarter.
    let k = r * (1.0 - 0.552_284_8);
    pb.move_to(x + r, y);
    pb.line_to(x + w - r, y);
    pb.cubic_to(x + w - k, y, x + w, y + k, x + w, y + r);
    pb.line_to(x + w, y + h - r);
    pb.cubic_to(x + w, y + h - k, x + w - k, y + h, x + w - r, y + h);
    pb.line_to(x + r, y + h);
    pb.cubic_to(x + k, y + h, x, y + h - k, x, y + h - r);
    pb.line_to(x, y + r);
    pb.cubic_to(x, y + k, x + k, y, x + r, y);
    pb.close();
    pb.finish()
}

fn draw(surface: &mut Surface<'_>, fonts: &Fonts, shaper: &mut Shaper, mark: &Mark) {
    match mark {
        Mark::Rect {
            x,
            y,
            w,
            h,
            radius,
            fill: f,
            stroke,
            dashed,
        } => {
            let Some(path) = rounded(*x as f32, *y as f32, *w as f32, *h as f32, *radius as f32)
            else {
                return;
            };
            surface.set_fill(f.map(fill));
            surface.set_stroke(stroke.map(|(c, width)| Stroke {
                paint: paint(c),
                width: width as f32,
                dash: dashed.then(|| StrokeDash {
                    array: DASH.iter().map(|d| *d as f32 * width as f32).collect(),
                    offset: 0.0,
                }),
                ..Stroke::default()
            }));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
        Mark::Polyline {
            points,
            colour,
            width,
            dashed,
        } => {
            let mut pb = PathBuilder::new();
            for (i, [x, y]) in points.iter().enumerate() {
                if i == 0 {
                    pb.move_to(*x as f32, *y as f32);
                } else {
                    pb.line_to(*x as f32, *y as f32);
                }
            }
            let Some(path) = pb.finish() else { return };
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: paint(*colour),
                width: *width as f32,
                dash: dashed.then(|| StrokeDash {
                    array: DASH.iter().map(|d| *d as f32 * *width as f32).collect(),
                    offset: 0.0,
                }),
                ..Stroke::default()
            }));
            surface.draw_path(&path);
            surface.set_stroke(None);
        }
        Mark::Circle { cx, cy, r, fill: f } => {
            let Some(path) = rounded(
                (cx - r) as f32,
                (cy - r) as f32,
                (2.0 * r) as f32,
                (2.0 * r) as f32,
                *r as f32,
            ) else {
                return;
            };
            surface.set_fill(Some(fill(*f)));
            surface.set_stroke(None);
            surface.draw_path(&path);
        }
        Mark::Text {
            x,
            y,
            size,
            bold,
            colour,
            align,
            text,
        } => {
            if text.is_empty() {
                return;
            }
            let line = shaper.line(text, *bold);
            let width = f64::from(line.width) * size;
            let mut cursor = match align {
                Align::Start => *x,
                Align::Middle => x - width / 2.0,
                Align::End => x - width,
            } as f32;
            surface.set_fill(Some(fill(*colour)));
            surface.set_stroke(None);
            let size = *size as f32;
            for run in &line.runs {
                let Some(font) = fonts.get(run.font) else {
                    continue;
                };
                let glyphs: Vec<KrillaGlyph> = run
                    .glyphs
                    .iter()
                    .map(|g| {
                        KrillaGlyph::new(
                            GlyphId::new(g.id),
                            g.advance,
                            g.x_offset,
                            g.y_offset,
                            0.0,
                            g.text.clone(),
                            None,
                        )
                    })
                    .collect();
                surface.draw_glyphs(
                    Point::from_xy(cursor, *y as f32),
                    &glyphs,
                    font,
                    &run.text,
                    size,
                    false,
                );
                cursor += run.width * size;
            }
        }
        Mark::Link { .. } => {}
    }
}
