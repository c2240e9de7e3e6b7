//! A person's card and the small "continued on page N" card, as marks; `compact.rs` holds
//! the smaller card of dense charts.

mod compact;

use pendulum_core::{
    AbsentManager, Flag, Person, PersonIx, Role, Severity, Snapshot, Status, SubjectKind,
};
use rustc_hash::FxHashMap;

use crate::marks::{
    ACCENT, ACCENT_SOFT, Align, DOTTED, EDGE, INK, INK_2, INK_3, Mark, PAPER, RULE, SHADE, WARNING,
    WARNING_SOFT, severity_colour, team_colour,
};
use crate::report::long_date;
use crate::text::{Shaper, clean};

pub(crate) use compact::compact_card;

/// Name size at scale 1 on either card; a chart page is split rather than printed with names
/// under 6 pt.
pub(crate) const NAME_PT: f64 = 11.0;

/// The cards a PDF chart is laid out with, in points at scale 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Cards {
    /// A person's card.
    pub w: f64,
    pub h: f64,
    /// The "continued on page N" card.
    pub stub_w: f64,
    pub stub_h: f64,
    /// A placeholder's card (as wide as a person's).
    pub placeholder_h: f64,
    /// Between a cut person's card and the "continued" card under it.
    pub cut_gap: f64,
    /// Three short lines (name, title, role and headcount) instead of four rows.
    pub compact: bool,
}

/// The full card: name, title, role · team · level, then status, headcount, flags.
pub(crate) const FULL: Cards = Cards {
    w: 184.0,
    h: 70.0,
    stub_w: 140.0,
    stub_h: 34.0,
    placeholder_h: 54.0,
    cut_gap: 10.0,
    compact: false,
};

/// The card of dense charts (see `compact_card`): the same type sizes in about half the
/// area, so a page holds twice the people at the same name size.
pub(crate) const COMPACT: Cards = Cards {
    w: 156.0,
    h: 44.0,
    stub_w: 118.0,
    stub_h: 27.0,
    placeholder_h: 40.0,
    cut_gap: 6.0,
    compact: true,
};

/// Flag counts per person id, by severity (error, warning, info).
#[derive(Debug, Default)]
pub(crate) struct PersonFlags<'a>(FxHashMap<&'a str, [u32; 3]>);

impl<'a> PersonFlags<'a> {
    pub(crate) fn of(flags: &'a [Flag]) -> PersonFlags<'a> {
        let mut map: FxHashMap<&str, [u32; 3]> = FxHashMap::default();
        for f in flags
            .iter()
            .filter(|f| f.subject.kind == SubjectKind::Person)
        {
            map.entry(f.subject.id.as_str()).or_default()[f.severity as usize] += 1;
        }
        PersonFlags(map)
    }

    pub(super) fn get(&self, id: &str) -> [u32; 3] {
        self.0.get(id).copied().unwrap_or_default()
    }
}

pub(super) fn role_word(role: Role) -> &'static str {
    match role {
        Role::Ic => "IC",
        Role::Manager => "Manager",
        Role::Director => "Director",
        Role::Executive => "Executive",
    }
}

/// A dotted line whose other end is not on the card's page: the secondary manager's name and
/// the (0-based) page they are on, if they are printed at all.
#[derive(Clone, Debug)]
pub(crate) struct DottedNote {
    pub name: String,
    pub page: Option<usize>,
}

/// A card's body (paper, or shaded and dashed for an open role) and its team stripe on the
/// left, as both card sizes draw them.
pub(crate) fn frame(
    out: &mut Vec<Mark>,
    person: &Person,
    (x, y, w, h): (f64, f64, f64, f64),
    radius: f64,
    stroke: f64,
    stripe: f64,
) {
    let open = person.status == Status::Open;
    out.push(Mark::Rect {
        x,
        y,
        w,
        h,
        radius,
        fill: Some(if open { SHADE } else { PAPER }),
        stroke: Some((if open { EDGE } else { RULE }, stroke)),
        dashed: open,
    });
    out.push(Mark::Rect {
        x,
        y,
        w: stripe,
        h,
        radius: 0.0,
        fill: Some(team_colour(person.team.as_ref().map(|t| t.as_str()))),
        stroke: None,
        dashed: false,
    });
}

/// Draws person `p`'s card in the box (`x`, `y`, `w`, `h`); `s` scales type and padding.
/// `dotted` notes the card's dotted lines to people on other pages, in its bottom row.
/// Returns the size the name is printed at.
#[allow(clippy::too_many_arguments)]
pub(crate) fn person_card(
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
    let _open = person.status == Status::Open;
    frame(out, person, (x, y, w, h), 4.0 * s, 0.8 * s, 4.0 * s);
    let team = person.team.as_ref().map(|t| t.as_str());
    let left = x + 12.0 * s;
    let room = (w - 20.0 * s).max(0.0);
    let line = |k: f64| y + k * s;

    let name = clean(&person.name);
    // On a page too small for 9 pt names to step down to (they stop at 6 pt), a name still
    // too long takes the title's line rather than lose its end.
    let may_wrap = 9.0 * s < 6.0_f64.min(NAME_PT * s) && header.is_none() && h >= 40.0 * s;
    let (name_size, wrapped) = name_lines(
        out,
        sh,
        &name,
        (left, line(16.0), 11.5 * s),
        s,
        room,
        may_wrap,
    );

    if let Some(header) = header {
        out.push(Mark::text(
            left,
            line(28.5),
            7.5 * s,
            true,
            ACCENT,
            sh.fit(header, true, 7.5 * s, room),
        ));
        return name_size;
    }
    if h < 40.0 * s {
        return name_size;
    }
    let title = clean(&person.title);
    if !title.is_empty() && !wrapped {
        out.push(Mark::text(
            left,
            line(28.5),
            8.5 * s,
            false,
            INK_2,
            sh.fit(&title, false, 8.5 * s, room),
        ));
    }
    if h < 46.0 * s {
        return name_size;
    }
    let mut meta: Vec<String> = vec![if person.assistant {
        "Assistant".to_owned()
    } else {
        role_word(snap.role(p)).to_owned()
    }];
    meta.extend(team.map(clean));
    meta.extend(person.level.as_deref().map(clean));
    let meta = meta.join(" · ");
    out.push(Mark::text(
        left,
        line(40.0),
        7.5 * s,
        false,
        INK_3,
        sh.fit(&meta, false, 7.5 * s, room),
    ));
    if h < 60.0 * s {
        return name_size;
    }

    // Bottom row: status tag, headcount under, flag markers on the right.
    let base = y + h - 8.0 * s;
    let total = snap.total_under(p);
    let counts = flags.get(person.id.as_str());
    if person.status == Status::Active && total == 0 && counts == [0; 3] && dotted.is_empty() {
        return name_size;
    }
    out.push(Mark::hline(
        left,
        x + w - 8.0 * s,
        base - 10.0 * s,
        RULE,
        0.5 * s,
    ));
    let mut cursor = left;
    let tag = match person.status {
        Status::Open => Some(("OPEN ROLE", ACCENT)),
        Status::Leaving => Some(("LEAVING", WARNING)),
        Status::Active => None,
    };
    if let Some((word, colour)) = tag {
        let tw = sh.width(word, true, 6.0 * s) + 6.0 * s;
        out.push(Mark::Rect {
            x: cursor,
            y: base - 7.0 * s,
            w: tw,
            h: 9.5 * s,
            radius: 2.0 * s,
            fill: Some(if colour == ACCENT {
                ACCENT_SOFT
            } else {
                WARNING_SOFT
            }),
            stroke: None,
            dashed: false,
        });
        out.push(Mark::text(
            cursor + 3.0 * s,
            base,
            6.0 * s,
            true,
            colour,
            word,
        ));
        cursor += tw + 5.0 * s;
    }
    if total > 0 {
        let at = cursor;
        let direct = snap.direct_under(p);
        let under = if total == direct {
            format!("{total} under")
        } else {
            format!("{total} under · {direct} direct")
        };
        if !dotted.is_empty() {
            cursor += sh.width(&under, false, 7.5 * s) + 6.0 * s;
        }
        out.push(Mark::text(at, base, 7.5 * s, false, INK_2, under));
    }
    let mut right = x + w - 8.0 * s;
    let markers = counts.iter().filter(|&&n| n > 0).count() as f64;
    let room = right - markers * 14.0 * s - cursor;
    if let Some(first) = dotted.first() {
        dotted_note(out, sh, first, dotted.len() - 1, (cursor, base), room, s);
    }
    for sev in [Severity::Info, Severity::Warning, Severity::Error] {
        let n = counts[sev as usize];
        if n == 0 {
            continue;
        }
        let r = 5.5 * s;
        out.push(Mark::Circle {
            cx: right - r,
            cy: base - 2.5 * s,
            r,
            fill: severity_colour(sev),
        });
        out.push(Mark::text_aligned(
            right - r,
            base,
            6.5 * s,
            true,
            PAPER,
            Align::Middle,
            if n > 9 {
                "9+".to_owned()
            } else {
                n.to_string()
            },
        ));
        right -= 2.0 * r + 3.0 * s;
    }
    name_size
}

/// Prints a card's name from baseline `top` (`lead` to a second line): from 11 pt at scale 1
/// down to 9 pt (never under 6 pt) before it is cut, so pdftotext still finds it whole; with
/// `may_wrap`, a name still too long takes a second line instead. Returns the size and
/// whether it took two lines.
pub(super) fn name_lines(
    out: &mut Vec<Mark>,
    sh: &mut Shaper,
    name: &str,
    (left, top, lead): (f64, f64, f64),
    s: f64,
    room: f64,
    may_wrap: bool,
) -> (f64, bool) {
    let mut size = NAME_PT * s;
    let legible = 6.0_f64.min(NAME_PT * s);
    let floor = (9.0 * s).max(legible);
    while !sh.fits(name, true, size, room) && size > floor {
        size -= 0.5 * s;
    }
    let size = size.max(legible);
    let lines = if may_wrap && !sh.fits(name, true, size, room) {
        sh.wrap(name, true, size, room)
    } else {
        Vec::new()
    };
    if lines.len() < 2 {
        let name = sh.fit(name, true, size, room);
        out.push(Mark::text(left, top, size, true, INK, name));
        return (size, false);
    }
    for k in 0..2 {
        let text = if k == 1 {
            sh.fit(&lines[1..].join(" "), true, size, room)
        } else {
            sh.fit(&lines[0], true, size, room)
        };
        out.push(Mark::text(
            left,
            top + lead * k as f64,
            size,
            true,
            INK,
            text,
        ));
    }
    (size, true)
}

/// Draws placeholder `k`'s card: a dashed box standing for a manager who is named but not
/// drawn, "Not in this file" (with the id or e-mail as written) or "Not here on <day>" (with
/// their name), and how many report to them. It is no person, so it has no stripe, role or
/// flags. `compact` sets it in the 40 points of `COMPACT`.
pub(crate) fn placeholder_card(
    out: &mut Vec<Mark>,
    sh: &mut Shaper,
    snap: &Snapshot<'_>,
    k: u32,
    (x, y, w, h): (f64, f64, f64, f64),
    s: f64,
    compact: bool,
) {
    let Some(placeholder) = snap.placeholders().get(k as usize) else {
        return;
    };
    out.push(Mark::Rect {
        x,
        y,
        w,
        h,
        radius: 4.0 * s,
        fill: Some(SHADE),
        stroke: Some((EDGE, 0.8 * s)),
        dashed: true,
    });
    let left = x + 10.0 * s;
    let room = (w - 18.0 * s).max(0.0);
    // Baselines of the kicker, the id or name and the count, and the id's largest size.
    let (top, mid, low, main_pt) = if compact {
        (11.0, 24.0, 34.5, 10.0)
    } else {
        (13.0, 29.0, 41.5, NAME_PT)
    };
    let (kicker, main) = match placeholder.manager {
        AbsentManager::NotInFile(id) => ("Not in this file".to_owned(), clean(id)),
        AbsentManager::NotHere(m) => (
            format!("Not here on {}", long_date(snap.as_of())),
            clean(&snap.person(m).name),
        ),
    };
    out.push(Mark::text(
        left,
        y + top * s,
        7.0 * s,
        true,
        INK_3,
        sh.fit(&kicker.to_uppercase(), true, 7.0 * s, room),
    ));
    let mut size = main_pt * s;
    while !sh.fits(&main, true, size, room) && size > 9.0 * s {
        size -= 0.5 * s;
    }
    out.push(Mark::text(
        left,
        y + mid * s,
        size,
        true,
        INK_2,
        sh.fit(&main, true, size, room),
    ));
    if h < (low - 1.5) * s {
        return;
    }
    let reports = placeholder.reports.len();
    let people = snap.placeholder_people(k);
    let mut count = match reports {
        1 => "1 report".to_owned(),
        n => format!("{n} reports"),
    };
    if people as usize > reports {
        count.push_str(&format!(" · {people} people"));
    }
    if let AbsentManager::NotHere(m) = placeholder.manager {
        count = format!("{} · {count}", clean(snap.person(m).id.as_str()));
    }
    out.push(Mark::text(
        left,
        y + low * s,
        7.5 * s,
        false,
        INK_3,
        sh.fit(&count, false, 7.5 * s, room),
    ));
}

/// Draws the card that stands for people drawn on another page (`page`), or elsewhere on the
/// same one (`None`: a poster); `compact` sets it in the height of `COMPACT`'s.
pub(crate) fn stub_card(
    out: &mut Vec<Mark>,
    (x, y, w, h): (f64, f64, f64, f64),
    s: f64,
    page: Option<usize>,
    people: u32,
    (link, compact): (bool, bool),
) {
    let (top, low) = if compact { (11.5, 21.5) } else { (14.0, 26.0) };
    out.push(Mark::Rect {
        x,
        y,
        w,
        h,
        radius: 4.0 * s,
        fill: Some(ACCENT_SOFT),
        stroke: Some((ACCENT, 0.6 * s)),
        dashed: true,
    });
    let cx = x + w / 2.0;
    out.push(Mark::text_aligned(
        cx,
        y + top * s,
        8.0 * s,
        true,
        ACCENT,
        Align::Middle,
        match page {
            Some(page) => format!("continued on page {} →", page + 1),
            None => "team shown apart".to_owned(),
        },
    ));
    let count = if people == 1 {
        "1 person".to_owned()
    } else {
        format!("{people} people")
    };
    out.push(Mark::text_aligned(
        cx,
        y + low * s,
        7.0 * s,
        false,
        INK_2,
        Align::Middle,
        count,
    ));
    if let (true, Some(page)) = (link, page) {
        out.push(Mark::Link { x, y, w, h, page });
    }
}

/// A dashed mini-line, then "dotted line to Name, p. N" (or, short of room, "Name, p. N"),
/// linked to that page; `more` counts further notes ("+1").
pub(super) fn dotted_note(
    out: &mut Vec<Mark>,
    sh: &mut Shaper,
    note: &DottedNote,
    more: usize,
    (x, base): (f64, f64),
    room: f64,
    s: f64,
) {
    let size = 7.0 * s;
    let icon = 10.0 * s;
    if room < icon + 24.0 * s {
        return;
    }
    out.push(Mark::Polyline {
        points: vec![[x, base - 2.5 * s], [x + icon, base - 2.5 * s]],
        colour: DOTTED,
        width: 0.8 * s,
        dashed: true,
    });
    let left = x + icon + 3.0 * s;
    let room = room - icon - 3.0 * s;
    let mut tail = note
        .page
        .map(|k| format!(", p. {}", k + 1))
        .unwrap_or_default();
    if more > 0 {
        tail.push_str(&format!(" +{more}"));
    }
    let tail_w = sh.width(&tail, false, size);
    let name_w = sh.width(&note.name, false, size);
    let lead = "dotted line to ";
    let lead = if sh.width(lead, false, size) + name_w.min(40.0 * s) + tail_w <= room {
        lead
    } else {
        ""
    };
    let lead_w = sh.width(lead, false, size);
    let name = sh.fit(&note.name, false, size, (room - lead_w - tail_w).max(0.0));
    let text = format!("{lead}{name}{tail}");
    let text_w = sh.width(&text, false, size);
    out.push(Mark::text(left, base, size, false, ACCENT, text));
    if let Some(page) = note.page {
        out.push(Mark::Link {
            x: left,
            y: base - size,
            w: text_w,
            h: size * 1.4,
            page,
        });
    }
}
