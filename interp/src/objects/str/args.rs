//! Argument helpers of the str, bytes and formatting natives: start/end windows, char/byte offset
//! conversion, Python's whitespace and line-break classes, padding. The generic argument binding and
//! checks (`params`, `bind_keywords`, `check_self`, `count_error`...) live in `objects::args` and are
//! re-exported here for the str/bytes files.
//!
//! Parameters are returned as stack slots (not `Value`s) so that they stay valid across GC points.

pub use crate::objects::args::*;
use crate::vm::{Args, PyResult, Vm};

/// Parameters (`first`, start, end) of find/count/startswith and friends (PyArg_ParseTuple
/// style errors), as stack slots.
pub fn window_params(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    first: &str,
) -> PyResult<Vec<Option<usize>>> {
    let qname = qual(vm, a, fname);
    params(vm, a, &qname, &[first, "start", "end"], 1, Style::Old)
}

/// CPython's ADJUST_INDICES: the (start, end) window in a sequence of `len` units, None if empty-and-past
/// (start > end), used by find/count/startswith.
pub fn adjust(len: usize, start: Option<i64>, end: Option<i64>) -> Option<(usize, usize)> {
    let len = len as i64;
    let mut e = end.unwrap_or(len);
    let mut s = start.unwrap_or(0);
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if s < 0 {
        s = (s + len).max(0);
    }
    if s > e {
        return None;
    }
    Some((s as usize, e as usize))
}

/// Byte offset of char index `ci` in `s` (clamped to the end).
pub fn byte_at(s: &str, ascii: bool, ci: usize) -> usize {
    if ascii {
        return ci.min(s.len());
    }
    s.char_indices().nth(ci).map(|(b, _)| b).unwrap_or(s.len())
}

/// Char index of byte offset `bi` in `s`.
pub fn char_at(s: &str, ascii: bool, bi: usize) -> usize {
    if ascii {
        return bi;
    }
    let b = s.as_bytes();
    b[..bi.min(b.len())]
        .iter()
        .filter(|&&c| (c as i8) >= -0x40)
        .count()
}

/// Python's str.isspace for one char.
pub fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Python's str.isprintable for one char (repr escapes the other chars).
pub fn py_printable(c: char) -> bool {
    crate::unicode::is_printable(c)
}

/// Line boundaries of str.splitlines (besides "\r\n").
pub fn py_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// (left, right) fill counts of center/ljust/rjust (`fname`) for `marg` fill chars up to `width`
/// (CPython's center puts the odd one on the left when both are odd).
pub fn pad_split(fname: &str, marg: usize, width: usize) -> (usize, usize) {
    match fname {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let l = marg / 2 + (marg & width & 1);
            (l, marg - l)
        }
    }
}

pub use crate::format::spec::padded;
