//! CSV dialects: which character separates the cells, and whether numbers use a decimal
//! comma.
//!
//! Spreadsheets write "CSV" with the list separator of the user's locale: `;` in much of
//! Europe (where the comma is the decimal mark), tab for "Text (Tab delimited)", `|` from
//! some HR exports. The delimiter is the candidate that splits the first lines into the same
//! number of cells most often (quotes respected), so a title row or a comma inside names
//! does not mislead it.

/// The delimiters tried, in order of preference when two fit equally well.
const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many non-blank lines are looked at.
const SAMPLE_LINES: usize = 50;

/// How the cells of a CSV file are separated.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Dialect {
    pub delimiter: u8,
}

impl Dialect {
    /// In `;` files the comma is the decimal mark (`0,8`).
    pub fn decimal_comma(self) -> bool {
        self.delimiter == b';'
    }

    /// What the import preview shows for the file's format.
    pub fn describe(self) -> &'static str {
        match self.delimiter {
            b';' => "CSV, semicolon-separated (decimal commas read in numbers)",
            b'\t' => "CSV, tab-separated",
            b'|' => "CSV, pipe-separated",
            _ => "CSV, comma-separated",
        }
    }
}

/// Detects the delimiter from the start of the text; `,` when nothing else fits better.
pub(crate) fn detect(text: &str) -> Dialect {
    // counts[line][candidate]: delimiters outside quotes on each sampled line.
    let mut counts: Vec<[usize; CANDIDATES.len()]> = Vec::new();
    let mut current = [0usize; CANDIDATES.len()];
    let mut blank = true;
    let mut quoted = false;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if quoted {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        match b {
            b'"' => {
                quoted = true;
                blank = false;
            }
            b'\r' | b'\n' => {
                if !blank {
                    counts.push(current);
                    if counts.len() == SAMPLE_LINES {
                        break;
                    }
                }
                current = [0; CANDIDATES.len()];
                blank = true;
            }
            _ => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == b) {
                    if let Some(n) = current.get_mut(i) {
                        *n += 1;
                    }
                } else if !b.is_ascii_whitespace() {
                    blank = false;
                }
            }
        }
    }
    if !blank && counts.len() < SAMPLE_LINES {
        counts.push(current);
    }
    // Per candidate: (lines with its most common non-zero count, that count).
    let mut best: Option<(usize, usize, u8)> = None;
    for (i, &delimiter) in CANDIDATES.iter().enumerate() {
        let mut tally: Vec<(usize, usize)> = Vec::new();
        for line in &counts {
            let n = line.get(i).copied().unwrap_or(0);
            if n == 0 {
                continue;
            }
            match tally.iter_mut().find(|(count, _)| *count == n) {
                Some((_, lines)) => *lines += 1,
                None => tally.push((n, 1)),
            }
        }
        let Some(&(mode, lines)) = tally
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)))
        else {
            continue;
        };
        if best.is_none_or(|(l, m, _)| (lines, mode) > (l, m)) {
            best = Some((lines, mode, delimiter));
        }
    }
    Dialect {
        delimiter: best.map_or(b',', |(_, _, d)| d),
    }
}

/// A number written with a decimal comma (`0,8`, `-1,5`, `80,5%`) with a point instead;
/// `None` when the text is not such a number.
pub(crate) fn decimal_point(text: &str) -> Option<String> {
    let t = text.trim();
    let body = t.strip_suffix('%').unwrap_or(t).trim_end();
    let digits = body.strip_prefix(['-', '+']).unwrap_or(body);
    let (whole, fraction) = digits.split_once(',')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (all_digits(whole) && all_digits(fraction)).then(|| t.replacen(',', ".", 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delimiter(text: &str) -> char {
        char::from(detect(text).delimiter)
    }

    #[test]
    fn detects_each_delimiter() {
        assert_eq!(delimiter("id,name\n1,Ann\n"), ',');
        assert_eq!(delimiter("id;name;fte\n1;Ann;0,8\n2;Bob;1\n"), ';');
        assert_eq!(delimiter("id\tname\n1\tSmith, Ann\n"), '\t');
        assert_eq!(delimiter("id|name\n1|Ann\n"), '|');
        assert_eq!(delimiter("id\n1\n"), ',');
        assert_eq!(delimiter(""), ',');
    }

    #[test]
    fn is_not_misled_by_quotes_titles_or_decimal_commas() {
        assert_eq!(
            delimiter("\"Smith; Ann\",1\n\"Lee; Bo\",2\n\"Wu; Al\",3\n"),
            ','
        );
        assert_eq!(
            delimiter("Export of 2027-03-01, all staff\nid;name;fte\n1;Ann;0,8\n2;Bob;0,5\n"),
            ';'
        );
        assert_eq!(
            delimiter("id;name;fte;x\n1;Ann;0,8;1,5\n2;Bob;1;2\n3;Cy;0,5;3\n"),
            ';'
        );
    }

    #[test]
    fn reads_decimal_commas() {
        assert_eq!(decimal_point("0,8").as_deref(), Some("0.8"));
        assert_eq!(decimal_point(" -1,5 ").as_deref(), Some("-1.5"));
        assert_eq!(decimal_point("80,5%").as_deref(), Some("80.5%"));
        assert_eq!(decimal_point("1,000,5"), None);
        assert_eq!(decimal_point("0.8"), None);
        assert_eq!(decimal_point(",5"), None);
        assert_eq!(decimal_point("a,b"), None);
    }
}
