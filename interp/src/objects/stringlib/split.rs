//! split/rsplit (at a separator or at runs of whitespace), splitlines and partition/rpartition. The
//! results are byte ranges of the input, in order; the caller builds one object per range.

use super::search::{find_bytes, rfind_bytes};
use super::Flavor;
use memchr::memmem;
use std::ops::Range;

/// The pieces of split (`rev` false) or rsplit of `s` at `sep` (None: runs of whitespace, no empty
/// pieces) with at most `maxsplit` splits (negative: no limit). `sep` must not be empty.
pub fn split<F: Flavor>(
    s: &[u8],
    sep: Option<&[u8]>,
    maxsplit: i64,
    rev: bool,
) -> Vec<Range<usize>> {
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match (sep, rev) {
        (None, false) => split_ws::<F>(s, max),
        (None, true) => rsplit_ws::<F>(s, max),
        (Some(sep), false) => split_sep(s, sep, max),
        (Some(sep), true) => rsplit_sep(s, sep, max),
    }
}

fn split_sep(s: &[u8], sep: &[u8], max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memmem::find_iter(s, sep) {
        if out.len() >= max {
            break;
        }
        out.push(start..i);
        start = i + sep.len();
    }
    out.push(start..s.len());
    out
}

fn rsplit_sep(s: &[u8], sep: &[u8], max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut end = s.len();
    while out.len() < max {
        match rfind_bytes(&s[..end], sep) {
            Some(i) => {
                out.push(i + sep.len()..end);
                end = i;
            }
            None => break,
        }
    }
    out.push(0..end);
    out.reverse();
    out
}

/// First byte at or after `i` that is not whitespace (`want_space` false) or that is (true).
fn skip<F: Flavor>(s: &[u8], mut i: usize, want_space: bool) -> usize {
    while i < s.len() {
        let (c, n) = F::next(s, i);
        if F::is_space(c) == want_space {
            break;
        }
        i += n;
    }
    i
}

/// Byte just after the last byte before `end` that is not whitespace (`want_space` false) or is.
fn skip_back<F: Flavor>(s: &[u8], mut end: usize, want_space: bool) -> usize {
    while end > 0 {
        let (c, n) = F::prev(s, end);
        if F::is_space(c) == want_space {
            break;
        }
        end -= n;
    }
    end
}

fn split_ws<F: Flavor>(s: &[u8], max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = skip::<F>(s, 0, false);
    while i < s.len() {
        if out.len() >= max {
            out.push(i..s.len());
            break;
        }
        let end = skip::<F>(s, i, true);
        out.push(i..end);
        i = skip::<F>(s, end, false);
    }
    out
}

fn rsplit_ws<F: Flavor>(s: &[u8], max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut end = skip_back::<F>(s, s.len(), false);
    while end > 0 {
        if out.len() >= max {
            out.push(0..end);
            break;
        }
        let start = skip_back::<F>(s, end, true);
        out.push(start..end);
        end = skip_back::<F>(s, start, false);
    }
    out.reverse();
    out
}

/// The lines of `s` at the flavor's line boundaries ("\r\n" counts as one), with or without their
/// ends.
pub fn splitlines<F: Flavor>(s: &[u8], keepends: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < s.len() {
        let (c, n) = F::next(s, i);
        if !F::is_linebreak(c) {
            i += n;
            continue;
        }
        let mut eol = i + n;
        if c == u32::from(b'\r') && s.get(eol) == Some(&b'\n') {
            eol += 1;
        }
        out.push(start..if keepends { eol } else { i });
        start = eol;
        i = eol;
    }
    if start < s.len() {
        out.push(start..s.len());
    }
    out
}

/// partition (`rev` false) / rpartition of `s` at non-empty `sep`: (before, sep, after) as byte ranges.
pub fn partition(s: &[u8], sep: &[u8], rev: bool) -> [Range<usize>; 3] {
    let n = s.len();
    let pos = if rev {
        rfind_bytes(s, sep)
    } else {
        find_bytes(s, sep)
    };
    match pos {
        Some(i) => [0..i, i..i + sep.len(), i + sep.len()..n],
        None if rev => [0..0, 0..0, 0..n],
        None => [0..n, n..n, n..n],
    }
}
