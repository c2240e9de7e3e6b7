//! Text as drawn: cleaned of controls, split into bidi runs in visual order, each run split
//! by font fallback and shaped with rustybuzz. Widths are in ems, so one shaping serves
//! every size.

use std::ops::Range;
use std::rc::Rc;

use rustc_hash::FxHashMap;
use unicode_bidi::BidiInfo;

use crate::fonts::{FontId, face, font_for, replacement_font};

/// Removes what must never reach a drawing: bidi embedding, override and isolate controls
/// and marks (so U+202E in one name cannot reorder anything, not even within that name),
/// and other control characters (line breaks and tabs become spaces).
pub(crate) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => {}
            '\t' | '\n' | '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One glyph of a run, in ems.
#[derive(Clone, Debug)]
pub(crate) struct Glyph {
    pub id: u32,
    pub advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
    /// The bytes of the run's text this glyph stands for.
    pub text: Range<usize>,
}

/// A run of glyphs from one font, in visual order.
#[derive(Clone, Debug)]
pub(crate) struct Run {
    pub font: FontId,
    /// The characters the glyphs stand for, in logical order (what a PDF reader extracts).
    pub text: String,
    pub glyphs: Vec<Glyph>,
    pub width: f32,
}

/// A line of text shaped for drawing: runs left to right.
#[derive(Clone, Debug, Default)]
pub(crate) struct Line {
    pub runs: Vec<Run>,
    /// Advance width in ems.
    pub width: f32,
}

/// Shapes lines and remembers them, as the same titles and team names recur on many cards.
#[derive(Debug, Default)]
pub(crate) struct Shaper {
    cache: FxHashMap<(bool, String), Rc<Line>>,
}

impl Shaper {
    pub(crate) fn new() -> Shaper {
        Shaper::default()
    }

    /// The shaped line of already-cleaned text.
    pub(crate) fn line(&mut self, text: &str, bold: bool) -> Rc<Line> {
        if let Some(l) = self.cache.get(&(bold, text.to_owned())) {
            return Rc::clone(l);
        }
        let line = Rc::new(shape_line(text, bold));
        // Bound the cache: long reports repeat few strings, and tables are mostly unique.
        if self.cache.len() > 200_000 {
            self.cache.clear();
        }
        self.cache.insert((bold, text.to_owned()), Rc::clone(&line));
        line
    }

    /// Width in points at `size`.
    pub(crate) fn width(&mut self, text: &str, bold: bool, size: f64) -> f64 {
        f64::from(self.line(text, bold).width) * size
    }

    /// Whether `text` is at most `max` points wide at `size`. Short Latin-1 text is answered
    /// without shaping, from the widest advance of those characters.
    pub(crate) fn fits(&mut self, text: &str, bold: bool, size: f64, max: f64) -> bool {
        let latin1 = text
            .chars()
            .all(|c| matches!(c as u32, 0x20..=0x7E | 0xA0..=0xFF));
        (latin1 && text.chars().count() as f64 * crate::fonts::latin1_max_advance() * size <= max)
            || self.width(text, bold, size) <= max
    }

    /// `text`, cut at the end with "…" so it is at most `max` points wide at `size`.
    pub(crate) fn fit(&mut self, text: &str, bold: bool, size: f64, max: f64) -> String {
        if self.fits(text, bold, size, max) {
            return text.to_owned();
        }
        let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let cut = |k: usize| format!("{}…", text[..ends.get(k).copied().unwrap_or(0)].trim_end());
        // The longest prefix whose cut fits, by bisection over character boundaries; k = 0
        // leaves the ellipsis alone.
        let (mut lo, mut hi) = (0usize, ends.len().saturating_sub(1));
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if self.width(&cut(mid), bold, size) <= max {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        cut(lo)
    }

    /// Greedy word wrap to lines at most `max` points wide at `size`; a word wider than a
    /// line is broken between characters. Words are measured one by one (they recur, so the
    /// cache serves most), and a line's width is the sum of its words and spaces.
    pub(crate) fn wrap(&mut self, text: &str, bold: bool, size: f64, max: f64) -> Vec<String> {
        let space = self.width(" ", bold, size);
        let mut lines = Vec::new();
        let mut current = String::new();
        let mut used = 0.0;
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let w = self.width(word, bold, size);
            if current.is_empty() && w <= max {
                current.push_str(word);
                used = w;
                continue;
            }
            if !current.is_empty() && used + space + w <= max {
                current.push(' ');
                current.push_str(word);
                used += space + w;
                continue;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            if w <= max {
                current.push_str(word);
                used = w;
                continue;
            }
            for c in word.chars() {
                let mut next = current.clone();
                next.push(c);
                if !current.is_empty() && self.width(&next, bold, size) > max {
                    lines.push(std::mem::take(&mut current));
                    current.push(c);
                } else {
                    current = next;
                }
            }
            used = self.width(&current, bold, size);
        }
        if !current.is_empty() || lines.is_empty() {
            lines.push(current);
        }
        lines
    }
}

/// One stretch of a bidi run that a single font draws.
struct Segment {
    font: FontId,
    range: Range<usize>,
    /// No font has these characters: draw U+FFFD in their place.
    missing: bool,
}

/// Splits `text[range]` into segments by font, in logical order.
fn segments(text: &str, range: Range<usize>, bold: bool) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let part = &text[range.clone()];
    let mut chars = part.char_indices().peekable();
    let mut current: Option<FontId> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let start = range.start + i;
        let end = start + c.len_utf8();
        match font_for(c, next, bold, current) {
            Some(font) => {
                match out.last_mut() {
                    Some(s) if s.font == font && !s.missing => s.range.end = end,
                    _ => out.push(Segment {
                        font,
                        range: start..end,
                        missing: false,
                    }),
                }
                current = Some(font);
            }
            None => {
                out.push(Segment {
                    font: replacement_font(bold),
                    range: start..end,
                    missing: true,
                });
                current = None;
            }
        }
    }
    out
}

fn shape_line(text: &str, bold: bool) -> Line {
    let mut line = Line::default();
    if text.is_empty() {
        return line;
    }
    // Lines sit in an English, left-to-right document: a name in Arabic or Hebrew is a
    // right-to-left run inside it, and never turns the punctuation of a message around.
    let info = BidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
    for para in &info.paragraphs {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
            let mut segs = segments(text, run, bold);
            if rtl {
                segs.reverse();
            }
            for seg in segs {
                let shaped = shape_segment(text, &seg, rtl);
                line.width += shaped.width;
                line.runs.push(shaped);
            }
        }
    }
    line
}

fn shape_segment(text: &str, seg: &Segment, rtl: bool) -> Run {
    let original = &text[seg.range.clone()];
    let Some(face) = face(seg.font) else {
        return Run {
            font: seg.font,
            text: original.to_owned(),
            glyphs: Vec::new(),
            width: 0.0,
        };
    };
    let upem = face.units_per_em() as f32;
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    if seg.missing {
        buffer.push_str("\u{FFFD}");
    } else {
        buffer.push_str(original);
    }
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    let output = rustybuzz::shape(face, &[], buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    // A glyph stands for the bytes from its cluster to the next larger cluster.
    let mut starts: Vec<usize> = infos.iter().map(|g| g.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut glyphs = Vec::with_capacity(infos.len());
    let mut width = 0.0;
    for (g, p) in infos.iter().zip(positions) {
        let range = if seg.missing {
            0..original.len()
        } else {
            let start = g.cluster as usize;
            let next = starts.partition_point(|&s| s <= start);
            let end = starts.get(next).copied().unwrap_or(original.len());
            start.min(original.len())..end.min(original.len())
        };
        let advance = p.x_advance as f32 / upem;
        width += advance;
        glyphs.push(Glyph {
            id: g.glyph_id,
            advance,
            x_offset: p.x_offset as f32 / upem,
            y_offset: p.y_offset as f32 / upem,
            text: range,
        });
    }
    Run {
        font: seg.font,
        text: original.to_owned(),
        glyphs,
        width,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_removed_and_breaks_become_spaces() {
        assert_eq!(clean("a\u{202E}b\u{2066}c\nd\u{0007}"), "abc d");
    }

    #[test]
    fn every_script_has_glyphs() {
        let mut s = Shaper::new();
        for name in [
            "Zoë Ångström",
            "Дмитрий",
            "Σοφία",
            "王芳",
            "さくら",
            "김민준",
            "فاطمة الزهراء",
            "דוד לוי",
            "Ana 👩🏽‍💻 🎉",
            "≈ ✓ ★",
        ] {
            let line = s.line(name, false);
            assert!(line.width > 0.0, "{name}");
            for run in &line.runs {
                assert!(
                    run.glyphs.iter().all(|g| g.id != 0),
                    "{name}: a .notdef glyph in {:?}",
                    run.font
                );
            }
        }
    }

    #[test]
    fn arabic_is_one_right_to_left_run_of_joined_forms() {
        let mut s = Shaper::new();
        let line = s.line("فاطمة", false);
        assert_eq!(line.runs.len(), 1);
        let run = &line.runs[0];
        assert_eq!(run.font, FontId::Arabic);
        // Visual order runs right to left, so the first glyph drawn is the last letter.
        assert!(run.glyphs[0].text.start > run.glyphs[run.glyphs.len() - 1].text.start);
    }

    #[test]
    fn the_unshaped_measure_never_accepts_text_that_is_too_wide() {
        let mut s = Shaper::new();
        let bound = crate::fonts::latin1_max_advance();
        assert!(bound < 1.3, "{bound}");
        let samples = [
            "WWWWWWWWWW",
            "MMMMmmmm@@",
            "Ångström ÆØ",
            "llllllllll",
            "Wo Wo Wo Wo",
            "ÀÁÂÃÄÅÆÇÈÉ",
        ];
        for text in samples {
            for bold in [false, true] {
                for max in [20.0, 40.0, 60.0, 80.0, 100.0, 140.0] {
                    if s.fits(text, bold, 10.0, max) {
                        assert!(s.width(text, bold, 10.0) <= max, "{text:?} at {max}");
                    }
                }
            }
        }
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_and_wrap_keeps_every_word() {
        let mut s = Shaper::new();
        let fitted = s.fit(
            "Director of Engineering, Commerce and Payments",
            false,
            10.0,
            80.0,
        );
        assert!(
            fitted.ends_with('…') && s.width(&fitted, false, 10.0) <= 80.0,
            "{fitted}"
        );
        let lines = s.wrap("one two three four five six seven", false, 10.0, 50.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), "one two three four five six seven");
    }
}
