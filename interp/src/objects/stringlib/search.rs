//! find/rfind/index/count/startswith/endswith/`in` over the window [start:end] of a string (memchr's
//! memmem: vectorised Two-Way search on bytes, shared by str's UTF-8 text and bytes). Results are
//! element indices (chars for str, converted once from the byte offset of the match).

use super::{window, Flavor};
use memchr::memmem;

/// First byte offset of `n` in `h` (0 for an empty `n`).
#[inline]
pub fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    match n.len() {
        0 => Some(0),
        1 => memchr::memchr(n[0], h),
        _ => memmem::find(h, n),
    }
}

/// Last byte offset of `n` in `h` (h.len() for an empty `n`).
#[inline]
pub fn rfind_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    match n.len() {
        0 => Some(h.len()),
        1 => memchr::memrchr(n[0], h),
        _ => memmem::rfind(h, n),
    }
}

/// Element index of the first (or, `rev`, last) occurrence of `sub` in s[start:end].
pub fn find<F: Flavor>(
    s: &[u8],
    nunits: usize,
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
    rev: bool,
) -> Option<usize> {
    let (b0, b1, e0) = window::<F>(s, nunits, start, end)?;
    let hay = &s[b0..b1];
    let pos = if rev {
        rfind_bytes(hay, sub)
    } else {
        find_bytes(hay, sub)
    }?;
    Some(e0 + F::index(hay, nunits == s.len(), pos))
}

/// Non-overlapping occurrences of `sub` in s[start:end] (elements + 1 for an empty `sub`).
pub fn count<F: Flavor>(
    s: &[u8],
    nunits: usize,
    sub: &[u8],
    start: Option<i64>,
    end: Option<i64>,
) -> usize {
    let Some((b0, b1, e0)) = window::<F>(s, nunits, start, end) else {
        return 0;
    };
    let hay = &s[b0..b1];
    if sub.is_empty() {
        let _ = e0;
        return F::index(hay, nunits == s.len(), hay.len()) + 1;
    }
    count_bytes(hay, sub, usize::MAX)
}

/// Non-overlapping occurrences of non-empty `n` in `h`, at most `max`.
pub fn count_bytes(h: &[u8], n: &[u8], max: usize) -> usize {
    if n.len() == 1 {
        return memchr::memchr_iter(n[0], h).take(max).count();
    }
    memmem::find_iter(h, n).take(max).count()
}

/// startswith/endswith (`end_side`): does s[start:end] begin (end) with one of `cands`?
pub fn tailmatch<'a, F: Flavor>(
    s: &[u8],
    nunits: usize,
    start: Option<i64>,
    end: Option<i64>,
    mut cands: impl Iterator<Item = &'a [u8]>,
    end_side: bool,
) -> bool {
    let Some((b0, b1, _)) = window::<F>(s, nunits, start, end) else {
        return false;
    };
    let hay = &s[b0..b1];
    cands.any(|c| {
        if end_side {
            hay.ends_with(c)
        } else {
            hay.starts_with(c)
        }
    })
}

/// `sub in s`.
pub fn contains(s: &[u8], sub: &[u8]) -> bool {
    find_bytes(s, sub).is_some()
}
