//! Cell values: cleaning (bidi controls, the formula escape) and parsing of numbers,
//! percentages and yes/no words.

use std::borrow::Cow;

/// First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
pub const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Unicode bidirectional controls: invisible, and able to reorder the text around them.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The formula escape the exporter applies: a cell that is, after any leading apostrophes,
/// a formula trigger gets one more apostrophe. Import undoes it with [`unescape_formula`],
/// and the two are exact inverses, so every string survives export and import.
pub fn escape_formula(cell: &str) -> Cow<'_, str> {
    if cell.trim_start_matches('\'').starts_with(FORMULA_TRIGGERS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Undoes [`escape_formula`]: one apostrophe is removed from a cell made of one or more
/// apostrophes followed by a formula trigger (`'=1` → `=1`, `''=1` → `'=1`).
pub fn unescape_formula(cell: &str) -> &str {
    let rest = cell.trim_start_matches('\'');
    if rest.len() < cell.len() && rest.starts_with(FORMULA_TRIGGERS) {
        cell.get(1..).unwrap_or(cell)
    } else {
        cell
    }
}

/// The text of Excel's `="…"` idiom, which HR exports use to keep leading zeros in ids
/// (`="00123"` → `00123`); `None` for any other cell.
pub(crate) fn excel_text(cell: &str) -> Option<String> {
    let inner = cell.strip_prefix("=\"")?.strip_suffix('"')?;
    // Inside, a quote is written twice; a lone one means the formula is more than a literal.
    let mut rest = inner;
    let mut out = String::with_capacity(inner.len());
    while let Some(i) = rest.find('"') {
        out.push_str(rest.get(..i)?);
        rest = rest.get(i..)?.strip_prefix("\"\"")?;
        out.push('"');
    }
    out.push_str(rest);
    Some(out)
}

/// A number as written (`0.8`, `12`, `1e3`), finite; `None` for anything else.
pub(crate) fn number(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return None;
    }
    // `+ 0.0` turns -0 into 0, so "-0" never prints as a formula-looking "-0".
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| v + 0.0)
}

/// A fraction written as a number (`0.8`) or a percentage (`80%` → 0.8). The percentage
/// is read by moving the decimal point, so `33.3%` is exactly the number `0.333`.
pub(crate) fn fraction(text: &str) -> Option<f64> {
    match text.trim().strip_suffix('%') {
        Some(p) => {
            let p = p.trim();
            if p.contains(['e', 'E']) {
                number(p).map(|v| v / 100.0)
            } else {
                number(p)?;
                number(&format!("{p}e-2"))
            }
        }
        None => number(text),
    }
}

/// A percentage written with or without its sign (`50`, `50%` → 50).
pub(crate) fn percent(text: &str) -> Option<f64> {
    let t = text.trim();
    number(t.strip_suffix('%').unwrap_or(t))
}

/// Yes/no words; `None` when the word is neither.
pub(crate) fn yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "x" => Some(true),
        "false" | "no" | "n" | "0" | "" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_unescape_are_inverses() {
        for s in [
            "=1+1", "+1", "-", "@SUM(A1)", "\tx", "\rx", "'=1", "''+1", "'", "''", "plain", "",
            "'plain", "a=1",
        ] {
            assert_eq!(unescape_formula(&escape_formula(s)), s, "{s:?}");
        }
        assert_eq!(escape_formula("=1"), "'=1");
        assert_eq!(escape_formula("'=1"), "''=1");
        assert_eq!(escape_formula("'x"), "'x");
        assert_eq!(unescape_formula("'x"), "'x");
    }

    #[test]
    fn reads_excel_text_literals() {
        assert_eq!(excel_text("=\"00123\"").as_deref(), Some("00123"));
        assert_eq!(
            excel_text("=\"say \"\"hi\"\"\"").as_deref(),
            Some("say \"hi\"")
        );
        assert_eq!(excel_text("=\"\"").as_deref(), Some(""));
        assert_eq!(excel_text("=\"a\"&\"b\""), None);
        assert_eq!(excel_text("=\""), None);
        assert_eq!(excel_text("=A1"), None);
    }

    #[test]
    fn parses_numbers_and_percentages() {
        assert_eq!(fraction("80%"), Some(0.8));
        assert_eq!(fraction("33.3%"), Some(0.333));
        assert_eq!(fraction(" 0.5 "), Some(0.5));
        assert_eq!(fraction("1e2%"), Some(1.0));
        assert_eq!(fraction("abc%"), None);
        assert_eq!(number("inf"), None);
        assert_eq!(number("NaN"), None);
        assert_eq!(number("1e400"), None);
        assert_eq!(number("-0").map(|v| v.to_string()), Some("0".into()));
        assert_eq!(percent("50%"), Some(50.0));
        assert_eq!(percent("12.5"), Some(12.5));
        assert_eq!(yes_no("Yes"), Some(true));
        assert_eq!(yes_no("maybe"), None);
    }
}
