//! The compact card of dense charts: the full card's type sizes in three lines (name; title;
//! status, role and headcount or team, or a dotted line to someone on another page, with the
//! flag markers on the right), so a page of a large org holds twice the people with names as
//! large.

use pendulum_core::{PersonIx, Severity, Snapshot, Status};

use super::{DottedNote, PersonFlags, dotted_note, name_lines, role_word};
use crate::marks::{
    ACCENT, ACCENT_SOFT, Align, INK_2, INK_3, Mark, PAPER, WARNING, WARNING_SOFT, severity_colour,
};
use crate::text::{Shaper, clean};

/// Draws person `p`'s compact card in the box (`x`, `y`, `w`, `h`) at scale `s`, as
/// `super::person_card` draws the full one; returns the size the name is printed at.
#[allow(clippy::too_many_arguments)]
pub(crate) fn compact_card(
    out: &mut Vec<Mark>,
    sh: &mut Shaper,
    snap: &Snapshot<'_>,
    flags: &PersonFlags<'_>,
    p: PersonIx,
    (x, y, w, h): (f64, f64, f64, f64),
    s: f64,
    header: Option<&str>,
    dotted: &[DottedNote],
) -> f64 {
    let person = snap.person(p);
    super::frame(out, person, (x, y, w, h), 3.0 * s, 0.7 * s, 3.0 * s);
    let left = x + 9.0 * s;
    let room = (w - 15.0 * s).max(0.0);
    let name = clean(&person.name);
    // A name too long for one line at 9 pt takes the title's line rather than lose its end.
    let (name_size, wrapped) = name_lines(
        out,
        sh,
        &name,
        (left, y + 14.0 * s, 11.0 * s),
        s,
        room,
        header.is_none(),
    );
    let second = y + 25.5 * s;
    if let Some(header) = header {
        let text = sh.fit(header, true, 7.5 * s, room);
        out.push(Mark::text(left, second, 7.5 * s, true, ACCENT, text));
    } else if !wrapped {
        let title = clean(&person.title);
        if !title.is_empty() {
            // The narrower card steps a long title down to 7.5 pt before it is cut.
            let mut size = 8.5 * s;
            while !sh.fits(&title, false, size, room) && size > 7.5 * s {
                size -= 0.5 * s;
            }
            let text = sh.fit(&title, false, size, room);
            out.push(Mark::text(left, second, size, false, INK_2, text));
        }
    }
    bottom_row(
        out,
        sh,
        snap,
        flags,
        p,
        (left, y + h - 7.0 * s, x + w - 6.0 * s),
        s,
        dotted,
    );
    name_size
}

/// The last line: a status tag, the role and "N under" (the team for an IC) or the first
/// dotted-line note, and the flag markers flush right (`right`).
#[allow(clippy::too_many_arguments)]
fn bottom_row(
    out: &mut Vec<Mark>,
    sh: &mut Shaper,
    snap: &Snapshot<'_>,
    flags: &PersonFlags<'_>,
    p: PersonIx,
    (left, base, right): (f64, f64, f64),
    s: f64,
    dotted: &[DottedNote],
) {
    let person = snap.person(p);
    let counts = flags.get(person.id.as_str());
    let mut right = right;
    for sev in [Severity::Info, Severity::Warning, Severity::Error] {
        let n = counts[sev as usize];
        if n == 0 {
            continue;
        }
        let r = 4.5 * s;
        out.push(Mark::Circle {
            cx: right - r,
            cy: base - 2.5 * s,
            r,
            fill: severity_colour(sev),
        });
        let label = if n > 9 {
            "9+".to_owned()
        } else {
            n.to_string()
        };
        out.push(Mark::text_aligned(
            right - r,
            base - 0.5 * s,
            5.5 * s,
            true,
            PAPER,
            Align::Middle,
            label,
        ));
        right -= 2.0 * r + 2.0 * s;
    }
    let mut cursor = left;
    let tag = match person.status {
        Status::Open => Some(("OPEN ROLE", ACCENT, ACCENT_SOFT)),
        Status::Leaving => Some(("LEAVING", WARNING, WARNING_SOFT)),
        Status::Active => None,
    };
    if let Some((word, colour, soft)) = tag {
        let tw = sh.width(word, true, 5.5 * s) + 5.0 * s;
        out.push(Mark::Rect {
            x: cursor,
            y: base - 6.5 * s,
            w: tw,
            h: 8.5 * s,
            radius: 1.5 * s,
            fill: Some(soft),
            stroke: None,
            dashed: false,
        });
        out.push(Mark::text(
            cursor + 2.5 * s,
            base,
            5.5 * s,
            true,
            colour,
            word,
        ));
        cursor += tw + 4.0 * s;
    }
    let room = (right - 3.0 * s - cursor).max(0.0);
    // A dotted line to someone on another page says more than the role, so it takes the row.
    if let Some(first) = dotted.first() {
        dotted_note(out, sh, first, dotted.len() - 1, (cursor, base), room, s);
        return;
    }
    let role = if person.assistant {
        "Assistant"
    } else {
        role_word(snap.role(p))
    };
    let total = snap.total_under(p);
    let what = if total > 0 {
        format!("{role} · {total} under")
    } else {
        match &person.team {
            Some(t) => format!("{role} · {}", clean(t.as_str())),
            None => role.to_owned(),
        }
    };
    let text = sh.fit(&what, false, 7.0 * s, room);
    out.push(Mark::text(cursor, base, 7.0 * s, false, INK_3, text));
}
