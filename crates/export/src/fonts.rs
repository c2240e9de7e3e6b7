//! The fonts shipped in `assets/fonts` (sources and licences in its README), embedded in the
//! binary so an export never reads a file, and the per-character choice among them.

use std::sync::OnceLock;

/// Which embedded font. The discriminant indexes [`FONTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum FontId {
    Sans,
    SansBold,
    Arabic,
    ArabicBold,
    Hebrew,
    HebrewBold,
    Cjk,
    Devanagari,
    Bengali,
    Tamil,
    Thai,
    Armenian,
    Georgian,
    Emoji,
    Symbols,
    Math,
}

/// One embedded font file.
#[derive(Debug)]
pub struct FontFile {
    /// The family name as SVG exports name it.
    pub family: &'static str,
    pub bold: bool,
    /// The file's name in `assets/fonts`.
    pub file: &'static str,
    pub data: &'static [u8],
}

macro_rules! font {
    ($family:literal, $bold:literal, $file:literal) => {
        FontFile {
            family: $family,
            bold: $bold,
            file: $file,
            data: include_bytes!(concat!("../../../assets/fonts/", $file)),
        }
    };
}

pub(crate) const FONTS: [FontFile; 16] = [
    font!("Noto Sans", false, "NotoSans-Regular.ttf"),
    font!("Noto Sans", true, "NotoSans-Bold.ttf"),
    font!("Noto Sans Arabic", false, "NotoSansArabic-Regular.ttf"),
    font!("Noto Sans Arabic", true, "NotoSansArabic-Bold.ttf"),
    font!("Noto Sans Hebrew", false, "NotoSansHebrew-Regular.ttf"),
    font!("Noto Sans Hebrew", true, "NotoSansHebrew-Bold.ttf"),
    font!("Droid Sans Fallback", false, "DroidSansFallback.ttf"),
    font!(
        "Noto Sans Devanagari",
        false,
        "NotoSansDevanagari-Regular.ttf"
    ),
    font!("Noto Sans Bengali", false, "NotoSansBengali-Regular.ttf"),
    font!("Noto Sans Tamil", false, "NotoSansTamil-Regular.ttf"),
    font!("Noto Sans Thai", false, "NotoSansThai-Regular.ttf"),
    font!("Noto Sans Armenian", false, "NotoSansArmenian-Regular.ttf"),
    font!("Noto Sans Georgian", false, "NotoSansGeorgian-Regular.ttf"),
    font!("Noto Emoji", false, "NotoEmoji-Regular.ttf"),
    font!("Noto Sans Symbols 2", false, "NotoSansSymbols2-Regular.ttf"),
    font!("Noto Sans Math", false, "NotoSansMath-Regular.ttf"),
];

/// The CSS font stack SVG exports use, in fallback order.
pub(crate) const SVG_FAMILIES: &str = "'Noto Sans', 'Noto Sans Arabic', 'Noto Sans Hebrew', \
'Droid Sans Fallback', 'Noto Sans Devanagari', 'Noto Sans Bengali', 'Noto Sans Tamil', \
'Noto Sans Thai', 'Noto Sans Armenian', 'Noto Sans Georgian', 'Noto Emoji', \
'Noto Sans Symbols 2', 'Noto Sans Math', sans-serif";

/// Fonts after the Latin, Arabic and Hebrew ones, which come in two weights.
const SHARED_CHAIN: [FontId; 10] = [
    FontId::Cjk,
    FontId::Devanagari,
    FontId::Bengali,
    FontId::Tamil,
    FontId::Thai,
    FontId::Armenian,
    FontId::Georgian,
    FontId::Emoji,
    FontId::Symbols,
    FontId::Math,
];

const ALL_IDS: [FontId; 16] = [
    FontId::Sans,
    FontId::SansBold,
    FontId::Arabic,
    FontId::ArabicBold,
    FontId::Hebrew,
    FontId::HebrewBold,
    FontId::Cjk,
    FontId::Devanagari,
    FontId::Bengali,
    FontId::Tamil,
    FontId::Thai,
    FontId::Armenian,
    FontId::Georgian,
    FontId::Emoji,
    FontId::Symbols,
    FontId::Math,
];

/// The fonts of a weight in fallback order.
fn chain(bold: bool) -> impl Iterator<Item = FontId> {
    let first = if bold {
        [FontId::SansBold, FontId::ArabicBold, FontId::HebrewBold]
    } else {
        [FontId::Sans, FontId::Arabic, FontId::Hebrew]
    };
    first.into_iter().chain(SHARED_CHAIN)
}

impl FontId {
    pub(crate) fn file(self) -> &'static FontFile {
        &FONTS[self as usize]
    }

    pub(crate) fn all() -> [FontId; 16] {
        ALL_IDS
    }
}

/// The embedded fonts, parsed once per process (parsing reads only the embedded bytes).
pub(crate) fn faces() -> &'static [rustybuzz::Face<'static>] {
    static FACES: OnceLock<Vec<rustybuzz::Face<'static>>> = OnceLock::new();
    FACES.get_or_init(|| {
        FONTS
            .iter()
            .filter_map(|f| rustybuzz::Face::from_slice(f.data, 0))
            .collect()
    })
}

pub(crate) fn face(id: FontId) -> Option<&'static rustybuzz::Face<'static>> {
    faces().get(id as usize)
}

pub(crate) fn has_glyph(id: FontId, c: char) -> bool {
    face(id).is_some_and(|f| f.glyph_index(c).is_some_and(|g| g.0 != 0))
}

/// Characters that belong to the character before them (marks, joiners, selectors, emoji
/// modifiers and tags), so they are shaped in the same run as it.
pub(crate) fn is_continuation(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F
        | 0xE0100..=0xE01EF)
}

/// Pictographs that should come from the emoji font even when a text font has them.
fn wants_emoji(c: char, next: Option<char>) -> bool {
    let u = c as u32;
    matches!(u, 0x1F000..=0x1FAFF)
        || (matches!(
            u,
            0x2190..=0x2BFF | 0x00A9 | 0x00AE | 0x203C | 0x2049 | 0x2122 | 0x2139
        ) && next == Some('\u{FE0F}'))
        || (matches!(c, '0'..='9' | '#' | '*') && next == Some('\u{FE0F}'))
}

/// The font a character is drawn with: the first font of the weight's chain that has it,
/// keeping neutral characters (spaces, digits, punctuation) in `current` when it has them.
/// `None` when no embedded font has the character.
pub(crate) fn font_for(
    c: char,
    next: Option<char>,
    bold: bool,
    current: Option<FontId>,
) -> Option<FontId> {
    if let Some(cur) = current
        && (is_continuation(c) || (!c.is_alphabetic() && has_glyph(cur, c)))
        && !(cur != FontId::Emoji && wants_emoji(c, next))
    {
        return Some(cur);
    }
    if wants_emoji(c, next) && has_glyph(FontId::Emoji, c) {
        return Some(FontId::Emoji);
    }
    chain(bold).find(|&f| has_glyph(f, c))
}

/// The font that draws U+FFFD for characters no font has.
pub(crate) fn replacement_font(bold: bool) -> FontId {
    chain(bold)
        .find(|&f| has_glyph(f, '\u{FFFD}'))
        .unwrap_or(if bold { FontId::SansBold } else { FontId::Sans })
}

/// The widest advance, in ems, of any Latin-1 character in Noto Sans (either weight), with
/// room for positive kerning: a bound for measuring short Latin text without shaping it.
pub(crate) fn latin1_max_advance() -> f64 {
    static MAX: OnceLock<f64> = OnceLock::new();
    *MAX.get_or_init(|| {
        let mut max: f64 = 0.0;
        for id in [FontId::Sans, FontId::SansBold] {
            let Some(f) = face(id) else { continue };
            let upem = f64::from(f.units_per_em());
            for c in (0x20u8..=0x7E).chain(0xA0..=0xFF).map(char::from) {
                if let Some(g) = f.glyph_index(c)
                    && let Some(adv) = f.glyph_hor_advance(g)
                {
                    max = max.max(f64::from(adv) / upem);
                }
            }
        }
        // Unknown fonts or glyphs give no bound: every text is then shaped.
        if max > 0.0 { max + 0.1 } else { f64::INFINITY }
    })
}
