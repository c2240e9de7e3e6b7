//! Checks on an `.xls` (BIFF in an OLE compound file) before calamine opens it
//! (RELIABILITY X1).
//!
//! calamine reads the whole workbook when it opens one: it follows sector chains until they
//! end, reserves room for the cells a sheet's DIMENSIONS record declares, and lays every
//! sheet out as a full grid from its first to its last cell. A hostile file could make any
//! of these unbounded (a chain that loops, a declared size of billions of cells, two cells at
//! opposite corners of every sheet). This module walks the file the way calamine will, with
//! loops detected and every size added up, and refuses the file before calamine sees it.

use std::collections::HashSet;

use super::guard::MAX_MATERIALISED_CELLS;

const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
const RESERVED_SECTORS: u32 = 0xFFFF_FFFA;
const DIFSECT: u32 = 0xFFFF_FFFC;
const MINI_SECTOR: usize = 64;
/// Streams shorter than this live in the mini stream.
const MINI_CUTOFF: usize = 4096;

fn damaged(why: &str) -> String {
    format!(
        "not a readable Excel 97-2003 workbook (.xls): {why}; open it in a spreadsheet and save it again"
    )
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// The sectors of the file after its header, as calamine reads them.
struct Sectors<'a> {
    data: &'a [u8],
    size: usize,
    maxid: usize,
}

impl<'a> Sectors<'a> {
    fn get(&self, id: u32) -> Result<&'a [u8], String> {
        let id = id as usize;
        if id > self.maxid {
            return Err(damaged("a sector lies beyond the end of the file"));
        }
        let start = id * self.size;
        let end = (start + self.size).min(self.data.len());
        self.data
            .get(start..end)
            .filter(|s| s.len() % 4 == 0)
            .ok_or_else(|| damaged("a sector is cut short"))
    }

    /// The bytes of a chain, up to `len`; a chain that loops, or leaves the table, is refused
    /// (calamine would follow it forever).
    fn chain(&self, start: u32, fat: &[u32], len: usize) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        let mut id = start;
        while id != ENDOFCHAIN {
            if !seen.insert(id) {
                return Err(damaged("a sector chain loops"));
            }
            let sector = self.get(id)?;
            let take = sector.len().min(len - out.len());
            out.extend_from_slice(sector.get(..take).unwrap_or(sector));
            if out.len() >= len {
                break;
            }
            id = *fat
                .get(id as usize)
                .ok_or_else(|| damaged("a sector chain leaves the allocation table"))?;
        }
        Ok(out)
    }
}

fn words(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

/// The workbook stream, read as calamine reads it.
fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let header = bytes
        .get(..512)
        .ok_or_else(|| damaged("the file is shorter than its header"))?;
    let size = match u16_at(header, 30) {
        Some(9) => 512,
        Some(12) => 4096,
        _ => return Err(damaged("unknown sector size")),
    };
    let header_len = if size == 4096 { 4096 } else { 512 };
    let data = bytes
        .get(header_len..)
        .ok_or_else(|| damaged("the file is shorter than its header"))?;
    let sectors = Sectors {
        data,
        size,
        maxid: bytes.len() / size,
    };
    let version = u16_at(header, 26).unwrap_or(0);
    let dir_start = u32_at(header, 48).unwrap_or(ENDOFCHAIN);
    let mini_fat_start = u32_at(header, 60).unwrap_or(ENDOFCHAIN);
    let mini_fat_len = u32_at(header, 64).unwrap_or(0) as usize;
    let mut difat: Vec<u32> = words(header.get(76..512).unwrap_or(&[])).collect();
    let mut id = u32_at(header, 68).unwrap_or(ENDOFCHAIN);
    let mut difat_sectors = 0usize;
    while id < RESERVED_SECTORS {
        difat_sectors += 1;
        if difat_sectors > sectors.maxid + 1 {
            return Err(damaged("the sector table's index loops"));
        }
        difat.extend(words(sectors.get(id)?));
        id = difat
            .pop()
            .ok_or_else(|| damaged("the sector table's index is empty"))?;
    }
    // A table larger than the file it describes can only come from repeated sectors.
    let fat_sectors = difat.iter().filter(|&&id| id < DIFSECT).count();
    if fat_sectors.saturating_mul(size) > bytes.len().saturating_mul(2) + 65_536 {
        return Err(damaged("its sector table is larger than the file"));
    }
    let mut fat = Vec::new();
    for &id in difat.iter().filter(|&&id| id < DIFSECT) {
        fat.extend(words(sectors.get(id)?));
    }
    let dirs = sectors.chain(dir_start, &fat, usize::MAX)?;
    let dirs: Vec<(String, u32, usize)> = dirs
        .chunks_exact(128)
        .map(|d| {
            let name: Vec<u16> = d
                .get(..64)
                .unwrap_or(&[])
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .take_while(|&c| c != 0)
                .collect();
            let start = u32_at(d, 116).unwrap_or(ENDOFCHAIN);
            let len = if size == 512 {
                u32_at(d, 120).map_or(0, |l| l as usize)
            } else {
                u64_at(d, 120).map_or(usize::MAX, |l| usize::try_from(l).unwrap_or(usize::MAX))
            };
            (String::from_utf16_lossy(&name), start, len)
        })
        .collect();
    let root = dirs.first().ok_or_else(|| damaged("it has no directory"))?;
    if version != 3 && root.1 == ENDOFCHAIN {
        return Err(damaged("its root directory is empty"));
    }
    let (mini_fat, mini_stream) = if mini_fat_len > 0 {
        let stream = sectors.chain(root.1, &fat, root.2)?;
        let table = sectors.chain(mini_fat_start, &fat, mini_fat_len.saturating_mul(size))?;
        (words(&table).collect::<Vec<_>>(), stream)
    } else {
        (Vec::new(), Vec::new())
    };
    let stream = |name: &str| -> Result<Vec<u8>, String> {
        let (_, start, len) = dirs
            .iter()
            .find(|d| d.0.eq_ignore_ascii_case(name))
            .ok_or_else(|| damaged("it holds no workbook stream"))?;
        if *len < MINI_CUTOFF {
            let mut out = Vec::new();
            let mut seen = HashSet::new();
            let mut id = *start;
            while id != ENDOFCHAIN && out.len() < *len {
                if !seen.insert(id) {
                    return Err(damaged("a sector chain loops"));
                }
                let at = id as usize * MINI_SECTOR;
                let sector = mini_stream
                    .get(at..at + MINI_SECTOR)
                    .ok_or_else(|| damaged("a small sector lies beyond the mini stream"))?;
                out.extend_from_slice(
                    sector
                        .get(..(*len - out.len()).min(MINI_SECTOR))
                        .unwrap_or(sector),
                );
                id = *mini_fat
                    .get(id as usize)
                    .ok_or_else(|| damaged("a sector chain leaves the allocation table"))?;
            }
            Ok(out)
        } else {
            sectors.chain(*start, &fat, *len)
        }
    };
    stream("Workbook").or_else(|_| stream("Book"))
}

/// One BIFF record: type and data (CONTINUE records are not needed for counting cells).
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16_at(rest, 0)?;
        let len = usize::from(u16_at(rest, 2)?);
        let data = rest.get(4..4 + len)?;
        rest = rest.get(4 + len..)?;
        Some((typ, data))
    })
}

/// The cells calamine will hold for one sheet: reserved from DIMENSIONS, plus the grid of
/// values and the grid of formulas, each from its first to its last cell.
fn sheet_cells(stream: &[u8], pos: usize) -> Result<u64, String> {
    let sheet = stream
        .get(pos..)
        .ok_or_else(|| damaged("a sheet starts beyond the end of the workbook"))?;
    let mut reserved = 0u64;
    let mut values: Option<(u16, u16, u16, u16)> = None;
    let mut formulas: Option<(u16, u16, u16, u16)> = None;
    let mut raw = 0u64;
    let grow = |b: &mut Option<(u16, u16, u16, u16)>, r: u16, c0: u16, c1: u16| {
        *b = Some(match *b {
            None => (r, r, c0, c1),
            Some((r0, r1, a, z)) => (r0.min(r), r1.max(r), a.min(c0), z.max(c1)),
        });
    };
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (typ, data) in records(sheet) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let (row, col) = (u16_at(data, 0), u16_at(data, 2));
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => {
                let (rf, rl, cf, cl) = match data.len() {
                    10 => (
                        u64::from(u16_at(data, 0).unwrap_or(0)),
                        u64::from(u16_at(data, 2).unwrap_or(0)),
                        u64::from(u16_at(data, 4).unwrap_or(0)),
                        u64::from(u16_at(data, 6).unwrap_or(0)),
                    ),
                    14 | 16 => (
                        u64::from(u32_at(data, 0).unwrap_or(0)),
                        u64::from(u32_at(data, 4).unwrap_or(0)),
                        u64::from(u16_at(data, 8).unwrap_or(0)),
                        u64::from(u16_at(data, 10).unwrap_or(0)),
                    ),
                    _ => continue,
                };
                let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                let (rows, cols) = if rl >= 1 && cl >= 1 {
                    let rows = (rl - 1)
                        .checked_sub(rf)
                        .ok_or_else(|| damaged("a sheet's dimensions end before they start"))?;
                    let cols = (cl - 1)
                        .checked_sub(cf)
                        .ok_or_else(|| damaged("a sheet's dimensions end before they start"))?;
                    (rows + 1, cols + 1)
                } else {
                    (1, 1)
                };
                reserved = reserved.max(rows.saturating_mul(cols));
            }
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD => {
                if let (Some(r), Some(c)) = (row, col) {
                    grow(&mut values, r, c, c);
                    raw += 1;
                }
            }
            0x00BD => {
                let last = data.len().checked_sub(2).and_then(|at| u16_at(data, at));
                if let (Some(r), Some(c0), Some(c1)) = (row, col, last)
                    && c1 >= c0
                {
                    grow(&mut values, r, c0, c1);
                    raw += u64::from(c1 - c0) + 1;
                }
            }
            0x0006 => {
                if let (Some(r), Some(c)) = (row, col) {
                    grow(&mut values, r, c, c);
                    grow(&mut formulas, r, c, c);
                    raw += 2;
                }
            }
            _ => {}
        }
    }
    let area = |b: Option<(u16, u16, u16, u16)>| {
        b.map_or(0, |(r0, r1, c0, c1)| {
            (u64::from(r1 - r0) + 1) * (u64::from(c1 - c0) + 1)
        })
    };
    Ok(reserved
        .saturating_add(raw)
        .saturating_add(area(values))
        .saturating_add(area(formulas)))
}

/// Refuses an `.xls` that calamine could not read in bounded memory and time.
pub(crate) fn check(bytes: &[u8]) -> Result<(), String> {
    let stream = workbook_stream(bytes)?;
    let mut sheets = Vec::new();
    for (typ, data) in records(&stream) {
        match typ {
            // BoundSheet8: where a sheet's records start, and its name.
            0x0085 => {
                let pos = u32_at(data, 0).map_or(usize::MAX, |p| p as usize);
                let name_len = usize::from(data.get(6).copied().unwrap_or(0));
                let name = data
                    .get(8..8 + name_len)
                    .map(|n| String::from_utf8_lossy(n).into_owned())
                    .unwrap_or_default();
                sheets.push((pos, name));
            }
            0x000A => break,
            _ => {}
        }
    }
    let mut total = 0u64;
    for (pos, name) in sheets {
        total = total.saturating_add(sheet_cells(&stream, pos)?);
        if total > MAX_MATERIALISED_CELLS {
            return Err(super::guard::too_many_cells(&name));
        }
    }
    Ok(())
}
