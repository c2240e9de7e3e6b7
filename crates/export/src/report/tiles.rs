//! Figures drawn as pictures: key-figure tiles and horizontal bars.

use crate::marks::{INK, INK_2, Mark, Rgb, SHADE};
use crate::text::Shaper;

use super::typeset::MARGIN;
use super::words::count;

/// Key-figure tiles in rows of `per_row` across `width`, from `y`; returns the height used.
pub(super) fn tile_grid<V: AsRef<str>>(
    marks: &mut Vec<Mark>,
    y: f64,
    width: f64,
    per_row: usize,
    tiles: &[(V, &str, Rgb)],
) -> f64 {
    let tile_w = (width - 8.0 * (per_row as f64 - 1.0)) / per_row as f64;
    for (i, (value, label, colour)) in tiles.iter().enumerate() {
        let (r, c) = (i / per_row, i % per_row);
        tile(
            marks,
            MARGIN + c as f64 * (tile_w + 8.0),
            y + r as f64 * 56.0,
            tile_w,
            value.as_ref(),
            label,
            *colour,
        );
    }
    56.0 * tiles.len().div_ceil(per_row) as f64
}

fn tile(marks: &mut Vec<Mark>, x: f64, y: f64, w: f64, value: &str, label: &str, colour: Rgb) {
    marks.push(Mark::Rect {
        x,
        y,
        w,
        h: 48.0,
        radius: 4.0,
        fill: Some(SHADE),
        stroke: None,
        dashed: false,
    });
    marks.push(Mark::text(x + 10.0, y + 24.0, 17.0, true, colour, value));
    marks.push(Mark::text(x + 10.0, y + 38.0, 7.5, false, INK_2, label));
}

/// Horizontal bars: (label, value, colour) rows in a box at (x, y) of width `w`; returns
/// the height used.
pub(super) fn bars(
    marks: &mut Vec<Mark>,
    sh: &mut Shaper,
    x: f64,
    y: f64,
    w: f64,
    rows: &[(String, u64, Rgb)],
) -> f64 {
    let label_w = 74.0;
    let value_w = 48.0;
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let track = (w - label_w - value_w).max(10.0);
    let mut yy = y;
    for (label, value, colour) in rows {
        marks.push(Mark::text(
            x,
            yy + 9.0,
            8.0,
            false,
            INK_2,
            sh.fit(label, false, 8.0, label_w - 6.0),
        ));
        let len = track * (*value as f64) / (max as f64);
        marks.push(Mark::fill(x + label_w, yy + 1.5, track, 9.0, SHADE));
        if *value > 0 {
            marks.push(Mark::fill(
                x + label_w,
                yy + 1.5,
                len.max(1.5),
                9.0,
                *colour,
            ));
        }
        marks.push(Mark::text(
            x + label_w + track + 6.0,
            yy + 9.0,
            8.0,
            true,
            INK,
            count(*value),
        ));
        yy += 14.0;
    }
    yy - y
}
