//! The chart SVG as PNG pixels, drawn by resvg with the embedded fonts and nothing else: no
//! system font and no file an SVG names is ever read, so every machine writes the same bytes.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::fontdb::{Database, ID, Source};
use resvg::usvg::{self, FontResolver, ImageHrefResolver};

use crate::ExportError;
use crate::fonts::{FONTS, font_for};

/// The longest side of a PNG, in pixels; a larger drawing is scaled down to fit.
pub const PNG_MAX_SIDE: u32 = 16_384;

/// The most pixels a PNG has (256 MB of RGBA while it is drawn); a larger drawing is scaled
/// down to fit.
pub const PNG_MAX_PIXELS: u64 = 64_000_000;

/// The embedded fonts as resvg's font database, built once per process, with each font's id
/// in it (indexed like [`FONTS`]).
fn embedded() -> &'static (Arc<Database>, Vec<Option<ID>>) {
    static EMBEDDED: OnceLock<(Arc<Database>, Vec<Option<ID>>)> = OnceLock::new();
    EMBEDDED.get_or_init(|| {
        let mut db = Database::new();
        let ids = FONTS
            .iter()
            .map(|font| {
                db.load_font_source(Source::Binary(Arc::new(font.data)))
                    .first()
                    .copied()
            })
            .collect();
        // The SVG font stack ends in the generic family, which must name an embedded font.
        db.set_sans_serif_family("Noto Sans");
        (Arc::new(db), ids)
    })
}

/// The font for a character the text's font lacks: the one the PDF draws it with (the same
/// fallback chain, so a bold Arabic name stays bold).
fn fallback(c: char, used: &[ID], db: &mut Arc<Database>) -> Option<ID> {
    let bold = used
        .first()
        .and_then(|id| db.face(*id))
        .is_some_and(|f| f.weight.0 >= 600);
    let font = font_for(c, None, bold, None)?;
    let id = embedded().1.get(font as usize).copied().flatten()?;
    (!used.contains(&id)).then_some(id)
}

/// The pixel size and the scale a drawing of `w` × `h` units is rendered at: `scale`, or
/// less so that neither side exceeds [`PNG_MAX_SIDE`] and the area [`PNG_MAX_PIXELS`].
pub(crate) fn raster_size(w: f64, h: f64, scale: f64) -> (u32, u32, f64) {
    let side = f64::from(PNG_MAX_SIDE);
    let fit = (side / w)
        .min(side / h)
        .min((PNG_MAX_PIXELS as f64 / (w * h)).sqrt());
    // A millionth of a pixel absorbs float error (100.0 × 2.0 must not round up to 201).
    let (s, px): (f64, fn(f64) -> f64) = if scale <= fit {
        (scale, |v| (v - 1e-6).ceil())
    } else {
        // Rounding down keeps a capped drawing within both limits.
        (fit, |v| (v + 1e-6).floor())
    };
    let pixels = |units: f64| px(units * s).clamp(1.0, side) as u32;
    let (pw, mut ph) = (pixels(w), pixels(h));
    // Rounding up an uncapped drawing that only just fits may cross the area limit by a row.
    if u64::from(pw) * u64::from(ph) > PNG_MAX_PIXELS {
        ph = (PNG_MAX_PIXELS / u64::from(pw)) as u32;
    }
    (pw, ph, s)
}

/// An SVG document (such as [`crate::svg`]'s chart) as PNG bytes, `scale` pixels per SVG
/// unit, on the embedded fonts alone. Capped at [`PNG_MAX_SIDE`] pixels a side and
/// [`PNG_MAX_PIXELS`] in all, so a 10,000-person chart cannot allocate gigabytes: a larger
/// drawing is scaled down, keeping its proportions. The same SVG and scale give the same
/// bytes on every machine.
pub fn png(svg: &str, scale: f64) -> Result<Vec<u8>, ExportError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(ExportError::Scale { scale });
    }
    let options = usvg::Options {
        font_family: "Noto Sans".to_owned(),
        fontdb: Arc::clone(&embedded().0),
        image_href_resolver: ImageHrefResolver {
            resolve_data: ImageHrefResolver::default_data_resolver(),
            // An image named by path would be a file read: export reads none.
            resolve_string: Box::new(|_, _| None),
        },
        font_resolver: FontResolver {
            select_font: FontResolver::default_font_selector(),
            select_fallback: Box::new(fallback),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| ExportError::Svg(e.to_string()))?;
    let size = tree.size();
    let (w, h) = (f64::from(size.width()), f64::from(size.height()));
    let (pw, ph, s) = raster_size(w, h, scale);
    let mut pixmap = Pixmap::new(pw, ph)
        .ok_or_else(|| ExportError::Png(format!("no {pw} × {ph} pixel canvas")))?;
    resvg::render(
        &tree,
        Transform::from_scale(s as f32, s as f32),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Png(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::{PNG_MAX_PIXELS, PNG_MAX_SIDE, raster_size};

    #[test]
    fn raster_sizes_scale_then_cap() {
        assert_eq!(raster_size(100.0, 50.0, 2.0), (200, 100, 2.0));
        assert_eq!(raster_size(100.5, 50.25, 2.0), (201, 101, 2.0));
        // One side too long: the longest side is the cap, proportions kept.
        let (w, h, s) = raster_size(100_000.0, 500.0, 2.0);
        assert_eq!((w, h), (PNG_MAX_SIDE, 81));
        assert!((s - 0.16384).abs() < 1e-9);
        // Too many pixels in all: the area is the cap.
        let (w, h, _) = raster_size(10_000.0, 10_000.0, 2.0);
        assert_eq!((w, h), (8_000, 8_000));
        for (a, b) in [
            (1e9, 1.0),
            (1.0, 1e9),
            (9_000.0, 8_000.0),
            (16_384.0, 3_906.3),
        ] {
            let (w, h, _) = raster_size(a, b, 1.0);
            assert!(w <= PNG_MAX_SIDE && h <= PNG_MAX_SIDE && w >= 1 && h >= 1);
            assert!(u64::from(w) * u64::from(h) <= PNG_MAX_PIXELS, "{a} × {b}");
        }
    }
}
