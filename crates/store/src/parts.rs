//! Large values (an org and its rules as JSON) stored as numbered rows of at most 1 MiB each,
//! far below the length cap on cells: checkpoints (schema 5) and the orgs that baseline updates
//! replaced (schema 6).

use rusqlite::Rows;

/// The most bytes one part holds.
pub(crate) const PART_BYTES: usize = 1 << 20;

/// `body` cut into parts, numbered from 0.
pub(crate) fn split(body: &[u8]) -> impl Iterator<Item = (i64, &[u8])> {
    body.chunks(PART_BYTES)
        .enumerate()
        .map(|(i, chunk)| (i as i64, chunk))
}

/// The value whose parts are `rows` of (part, body), in part order; `Ok(Err(n))` when part
/// `n` is missing.
pub(crate) fn join(rows: &mut Rows<'_>) -> rusqlite::Result<Result<Vec<u8>, i64>> {
    let mut body = Vec::new();
    let mut expected = 0i64;
    while let Some(row) = rows.next()? {
        let part: i64 = row.get(0)?;
        if part != expected {
            return Ok(Err(expected));
        }
        expected += 1;
        body.extend_from_slice(&row.get::<_, Vec<u8>>(1)?);
    }
    Ok(Ok(body))
}
