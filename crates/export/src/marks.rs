//! What a page or a chart is drawn from: a list of simple marks in points (y down), which
//! the SVG and PDF writers each turn into their own format.

use pendulum_core::Severity;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub(crate) fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

pub(crate) const INK: Rgb = Rgb(0x1f, 0x29, 0x33);
pub(crate) const INK_2: Rgb = Rgb(0x4a, 0x55, 0x63);
pub(crate) const INK_3: Rgb = Rgb(0x7b, 0x87, 0x94);
pub(crate) const RULE: Rgb = Rgb(0xd5, 0xdb, 0xe1);
pub(crate) const EDGE: Rgb = Rgb(0x9a, 0xa5, 0xb1);
/// Dotted lines (a secondary manager): a muted violet, told apart from the grey reporting lines.
pub(crate) const DOTTED: Rgb = Rgb(0x8c, 0x7a, 0xb0);
pub(crate) const PAPER: Rgb = Rgb(0xff, 0xff, 0xff);
pub(crate) const SHADE: Rgb = Rgb(0xf3, 0xf5, 0xf7);
pub(crate) const ACCENT: Rgb = Rgb(0x0f, 0x4c, 0x5c);
pub(crate) const ACCENT_SOFT: Rgb = Rgb(0xe3, 0xf0, 0xf2);
pub(crate) const ERROR: Rgb = Rgb(0xc6, 0x28, 0x28);
pub(crate) const WARNING: Rgb = Rgb(0xd9, 0x7a, 0x00);
pub(crate) const INFO: Rgb = Rgb(0x1e, 0x6f, 0xd9);
pub(crate) const ERROR_SOFT: Rgb = Rgb(0xfd, 0xec, 0xea);
pub(crate) const WARNING_SOFT: Rgb = Rgb(0xfd, 0xf3, 0xe1);

pub(crate) fn severity_colour(s: Severity) -> Rgb {
    match s {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
        Severity::Info => INFO,
    }
}

/// Muted colours for team stripes, told apart on paper and in greyscale prints.
const TEAM_PALETTE: [Rgb; 12] = [
    Rgb(0x2f, 0x6f, 0xb0),
    Rgb(0x3a, 0x9a, 0x6b),
    Rgb(0xc0, 0x6c, 0x2e),
    Rgb(0x8a, 0x5a, 0xb5),
    Rgb(0xb8, 0x3b, 0x5e),
    Rgb(0x2a, 0x95, 0x9b),
    Rgb(0x7a, 0x8b, 0x2f),
    Rgb(0x5b, 0x6b, 0xc8),
    Rgb(0xa8, 0x7b, 0x1e),
    Rgb(0x4b, 0x7f, 0x52),
    Rgb(0x9c, 0x4f, 0x9a),
    Rgb(0x55, 0x6b, 0x7d),
];

/// A team's stripe colour: a fixed hash (FNV-1a) of its name, so it never depends on order.
pub(crate) fn team_colour(team: Option<&str>) -> Rgb {
    let Some(team) = team else {
        return Rgb(0xc4, 0xcb, 0xd3);
    };
    let mut h: u32 = 0x811c_9dc5;
    for b in team.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    TEAM_PALETTE[(h % TEAM_PALETTE.len() as u32) as usize]
}

/// A dashed stroke's dash and gap, in multiples of its width (the PDF and every SVG alike).
pub(crate) const DASH: [f64; 2] = [6.0, 4.0];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Start,
    Middle,
    End,
}

#[derive(Clone, Debug)]
pub(crate) enum Mark {
    Rect {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        radius: f64,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f64)>,
        dashed: bool,
    },
    Polyline {
        points: Vec<[f64; 2]>,
        colour: Rgb,
        width: f64,
        /// Stroked with [`DASH`].
        dashed: bool,
    },
    Circle {
        cx: f64,
        cy: f64,
        r: f64,
        fill: Rgb,
    },
    /// One line of cleaned text; `y` is the baseline.
    Text {
        x: f64,
        y: f64,
        size: f64,
        bold: bool,
        colour: Rgb,
        align: Align,
        text: String,
    },
    /// A link to a page (0-based) of the same document; drawn by PDF only.
    Link {
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        page: usize,
    },
}

impl Mark {
    pub(crate) fn fill(x: f64, y: f64, w: f64, h: f64, colour: Rgb) -> Mark {
        Mark::Rect {
            x,
            y,
            w,
            h,
            radius: 0.0,
            fill: Some(colour),
            stroke: None,
            dashed: false,
        }
    }

    pub(crate) fn text(
        x: f64,
        y: f64,
        size: f64,
        bold: bool,
        colour: Rgb,
        text: impl Into<String>,
    ) -> Mark {
        Mark::Text {
            x,
            y,
            size,
            bold,
            colour,
            align: Align::Start,
            text: text.into(),
        }
    }

    pub(crate) fn text_aligned(
        x: f64,
        y: f64,
        size: f64,
        bold: bool,
        colour: Rgb,
        align: Align,
        text: impl Into<String>,
    ) -> Mark {
        Mark::Text {
            x,
            y,
            size,
            bold,
            colour,
            align,
            text: text.into(),
        }
    }

    pub(crate) fn hline(x0: f64, x1: f64, y: f64, colour: Rgb, width: f64) -> Mark {
        Mark::Polyline {
            points: vec![[x0, y], [x1, y]],
            colour,
            width,
            dashed: false,
        }
    }
}
