//! A person's card and the small "continued on page N" card, as marks.

use pendulum_core::{AbsentManager, Flag, PersonIx, Role, Severity, Snapshot, Status, SubjectKind};
use rustc_hash::FxHashMap;

use crate::marks::{
    ACCENT, ACCENT_SOFT, Align, DOTTED, EDGE, INK, INK_2, INK_3, Mark, PAPER, RULE, SHADE, WARNING,
    WARNING_SOFT, severity_colour, team_colour,
};
use crate::report::long_date;
use crate::text::{Shaper, clean};

/// The card size the PDF lays charts out with, in points at scale 1.
pub(crate) const CARD_W: f64 = 184.0;
pub(crate) const CARD_H: f64 = 70.0;
/// The "continued on page N" card.
pub(crate) const STUB_W: f64 = 140.0;
pub(crate) const STUB_H: f64 = 34.0;
/// Name size at scale 1; a chart page is split rather than printed with names under 6 pt.
pub(crate) const NAME_PT: f64 = 11.0;

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

    fn get(&self, id: &str) -> [u32; 3] {
        self.0.get(id).copied().unwrap_or_default()
    }
}

fn role_word(role: Role) -> &'static str {
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
    let open = person.status == Status::Open;
    out.push(Mark::Rect {
        x,
        y,
        w,
        h,
        radius: 4.0 * s,
        fill: Some(if open { SHADE } else { PAPER }),
        stroke: Some((if open { EDGE } else { RULE }, 0.8 * s)),
        dashed: open,
    });
    let team = person.team.as_ref().map(|t| t.as_str());
    out.push(Mark::Rect {
        x,
        y,
        w: 4.0 * s,
        h,
        radius: 0.0,
        fill: Some(team_colour(team)),
        stroke: None,
        dashed: false,
    });
    let left = x + 12.0 * s;
    let room = (w - 20.0 * s).max(0.0);
    let line = |k: f64| y + k * s;

    let name = clean(&person.name);
    let mut name_size = NAME_PT * s;
    // Long names step down to 9 pt (never under 6 pt) before they are cut, so pdftotext
    // still finds them whole.
    let legible = 6.0_f64.min(NAME_PT * s);
    let floor = (9.0 * s).max(legible);
    while !sh.fits(&name, true, name_size, room) && name_size > floor {
        name_size -= 0.5 * s;
    }
    let name_size = name_size.max(legible);
    // On a page too small for 9 pt names to step down to (they stop at 6 pt), a name still
    // too long takes the title's line rather than lose its end.
    let lines = if 9.0 * s >= legible
        || sh.fits(&name, true, name_size, room)
        || header.is_some()
        || h < 40.0 * s
    {
        Vec::new()
    } else {
        sh.wrap(&name, true, name_size, room)
    };
    let wrapped = lines.len() >= 2;
    if wrapped {
        for (k, part) in lines.iter().take(2).enumerate() {
            let text = if k == 1 {
                sh.fit(&lines[1..].join(" "), true, name_size, room)
            } else {
                sh.fit(part, true, name_size, room)
            };
            out.push(Mark::text(
                left,
                line(16.0 + 11.5 * k as f64),
                name_size,
                true,
                INK,
                text,
            ));
        }
    } else {
        let name = sh.fit(&name, true, name_size, room);
        out.push(Mark::text(left, line(16.0), name_size, true, INK, name));
    }

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

/// Draws placeholder `k`'s card: a dashed box standing for a manager who is named but not
/// drawn, "Not in this file" (with the id or e-mail as written) or "Not here on <day>" (with
/// their name), and how many report to them. It is no person, so it has no stripe, role or
/// flags.
pub(crate) fn placeholder_card(
    out: &mut Vec<Mark>,
    sh: &mut Shaper,
    snap: &Snapshot<'_>,
    k: u32,
    (x, y, w, h): (f64, f64, f64, f64),
    s: f64,
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
    let (kicker, main) = match placeholder.manager {
        AbsentManager::NotInFile(id) => ("Not in this file".to_owned(), clean(id)),
        AbsentManager::NotHere(m) => (
            format!("Not here on {}", long_date(snap.as_of())),
            clean(&snap.person(m).name),
        ),
    };
    out.push(Mark::text(
        left,
        y + 13.0 * s,
        7.0 * s,
        true,
        INK_3,
        sh.fit(&kicker.to_uppercase(), true, 7.0 * s, room),
    ));
    let mut size = NAME_PT * s;
    while !sh.fits(&main, true, size, room) && size > 9.0 * s {
        size -= 0.5 * s;
    }
    out.push(Mark::text(
        left,
        y + 29.0 * s,
        size,
        true,
        INK_2,
        sh.fit(&main, true, size, room),
    ));
    if h < 40.0 * s {
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
        y + 41.5 * s,
        7.5 * s,
        false,
        INK_3,
        sh.fit(&count, false, 7.5 * s, room),
    ));
}

/// Draws the card that stands for people drawn on another page.
pub(crate) fn stub_card(
    out: &mut Vec<Mark>,
    (x, y, w, h): (f64, f64, f64, f64),
    s: f64,
    page: usize,
    people: u32,
    link: bool,
) {
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
        y + 14.0 * s,
        8.0 * s,
        true,
        ACCENT,
        Align::Middle,
        format!("continued on page {} →", page + 1),
    ));
    let count = if people == 1 {
        "1 person".to_owned()
    } else {
        format!("{people} people")
    };
    out.push(Mark::text_aligned(
        cx,
        y + 26.0 * s,
        7.0 * s,
        false,
        INK_2,
        Align::Middle,
        count,
    ));
    if link {
        out.push(Mark::Link { x, y, w, h, page });
    }
}

/// A dashed mini-line, then "dotted line to Name, p. N" (or, short of room, "Name, p. N"),
/// linked to that page; `more` counts further notes ("+1").
fn dotted_note(
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
