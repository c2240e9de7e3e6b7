//! Bytes to text: UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or recognised by
//! its zero bytes), and Windows-1252 for files that are not UTF-8.

use std::borrow::Cow;

/// Decoded text, with a note when the encoding had to be guessed.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// Borrowed when the bytes are already UTF-8, so the common case copies nothing.
    pub text: Cow<'a, str>,
    pub warning: Option<String>,
}

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Decodes a whole file. Errors are whole-file messages (an encoding is a property of the file).
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, String> {
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok(Decoded {
                text: Cow::Borrowed(text),
                warning: None,
            }),
            Err(e) => Err(format!(
                "the file starts with a UTF-8 byte-order mark but is not valid UTF-8 (first bad byte on line {}); \
                 save it again as UTF-8",
                line_of(rest, e.valid_up_to())
            )),
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes, "UTF-16 LE").map(|text| Decoded {
            text: Cow::Owned(text),
            warning: None,
        });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes, "UTF-16 BE").map(|text| Decoded {
            text: Cow::Owned(text),
            warning: None,
        });
    }
    if let Some(little_endian) = bomless_utf16(bytes) {
        let (text, name) = if little_endian {
            (utf16(bytes, u16::from_le_bytes, "UTF-16 LE")?, "UTF-16 LE")
        } else {
            (utf16(bytes, u16::from_be_bytes, "UTF-16 BE")?, "UTF-16 BE")
        };
        return Ok(Decoded {
            text: Cow::Owned(text),
            warning: Some(format!(
                "read as {name}: the file has no byte-order mark but every other byte is zero"
            )),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            warning: None,
        }),
        Err(e) => Ok(Decoded {
            text: Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()),
            warning: Some(format!(
                "not valid UTF-8 (first bad byte on line {}): read as Windows-1252 (Latin-1); \
                 check accented names, or save the file as UTF-8",
                line_of(bytes, e.valid_up_to())
            )),
        }),
    }
}

/// 1-based line of a byte offset, for messages about bytes that are not yet text.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes
        .get(..offset)
        .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
        + 1
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &str) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(format!(
            "{name} text must have an even number of bytes; the file is {} bytes long after its byte-order mark (truncated?)",
            bytes.len()
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut line = 1usize;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                if c == '\n' {
                    line += 1;
                }
                text.push(c);
            }
            Err(e) => {
                return Err(format!(
                    "not valid {name}: unpaired surrogate 0x{:04X} on line {line}",
                    e.unpaired_surrogate()
                ));
            }
        }
    }
    Ok(text)
}

/// Recognises UTF-16 without a BOM by its ASCII pattern: in the first bytes, every byte
/// at one parity is zero and none at the other. `Some(true)` for little-endian.
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let head = bytes.get(..bytes.len().min(256))?;
    if head.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zero_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let pairs = head.len() / 2;
    if zero_odd == pairs && zero_even == 0 {
        Some(true)
    } else if zero_even == pairs && zero_odd == 0 {
        Some(false)
    } else {
        None
    }
}

/// Windows-1252 as the WHATWG Encoding Standard defines it (its five holes map to C1 controls).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}',
        '\u{017D}', '\u{008F}', '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}',
        '\u{2022}', '\u{2013}', '\u{2014}', '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}',
        '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
    ];
    match b {
        0x80..=0x9F => HIGH
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_encoding() {
        let plain = decode(b"id,name\n1,Ann\n").map(|d| d.text);
        assert_eq!(plain.as_deref(), Ok("id,name\n1,Ann\n"));
        let bom = decode(b"\xEF\xBB\xBFid\n").map(|d| d.text);
        assert_eq!(bom.as_deref(), Ok("id\n"));
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("id,é\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).map(|d| d.text).as_deref(), Ok("id,é\n"));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("id,é\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).map(|d| d.text).as_deref(), Ok("id,é\n"));
        let bare: Vec<u8> = "id,name\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode(&bare).map_err(|e| e.to_string());
        assert!(
            matches!(&d, Ok(d) if d.text == "id,name\n" && d.warning.is_some()),
            "{d:?}"
        );
        let latin = decode(b"id,name\n1,Jos\xE9 \x80\n").map_err(|e| e.to_string());
        assert!(
            matches!(&latin, Ok(d) if d.text == "id,name\n1,José €\n"
            && d.warning.as_deref().is_some_and(|w| w.contains("line 2"))),
            "{latin:?}"
        );
    }

    #[test]
    fn refuses_broken_utf16() {
        assert!(decode(&[0xFF, 0xFE, 0x41]).is_err());
        assert!(decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]).is_err());
        assert!(decode(b"\xEF\xBB\xBFok\xFF").is_err());
    }
}
