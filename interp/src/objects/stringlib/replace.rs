//! replace: the new buffer, its size counted and checked before it is allocated.

use super::search::count_bytes;
use super::{add_size, buffer, mul_size, Flavor, SizeError};
use memchr::memmem;

/// `s` with the first `count` (negative: all) occurrences of `old` replaced by `new`; an empty `old`
/// inserts `new` before every element and at the end. None when nothing is replaced (the caller may
/// return `s` itself). `too_long` is the error for a size beyond a Py_ssize_t.
pub fn replace<F: Flavor>(
    s: &[u8],
    old: &[u8],
    new: &[u8],
    count: i64,
    too_long: &'static str,
) -> Result<Option<Vec<u8>>, SizeError> {
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let n = if old.is_empty() {
        (F::count(s) + 1).min(max)
    } else {
        count_bytes(s, old, max)
    };
    if n == 0 {
        return Ok(None);
    }
    let overflow = SizeError::Overflow(too_long);
    let size = add_size(
        s.len() - n * old.len(),
        mul_size(n, new.len(), overflow)?,
        overflow,
    )?;
    let mut out = buffer(size)?;
    if old.is_empty() {
        let mut i = 0;
        for _ in 0..n {
            out.extend_from_slice(new);
            if i < s.len() {
                let (_, len) = F::next(s, i);
                out.extend_from_slice(&s[i..i + len]);
                i += len;
            }
        }
        out.extend_from_slice(&s[i..]);
        return Ok(Some(out));
    }
    let mut start = 0;
    for i in memmem::find_iter(s, old).take(n) {
        out.extend_from_slice(&s[start..i]);
        out.extend_from_slice(new);
        start = i + old.len();
    }
    out.extend_from_slice(&s[start..]);
    Ok(Some(out))
}
