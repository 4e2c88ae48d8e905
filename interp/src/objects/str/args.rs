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
) -> PyResult<[Option<usize>; 3]> {
    mparams(vm, a, fname, &[first, "start", "end"], 1, Style::Old)
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

pub use crate::format::spec::padded;

/// A list (or, `tuple`, a tuple) of new objects made by `new` from the byte ranges `parts` of `data`
/// (the pieces of split/partition of str and bytes). On error the stack is cut back.
pub fn pieces(
    vm: &mut Vm,
    data: &[u8],
    parts: &[std::ops::Range<usize>],
    tuple: bool,
    new: &dyn Fn(&mut Vm, &[u8]) -> PyResult<gc::Value>,
) -> PyResult<gc::Value> {
    let base = vm.sp();
    for r in parts {
        match new(vm, &data[r.clone()]) {
            Ok(v) => vm.push(v),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    if tuple {
        vm.new_tuple_from_stack(parts.len())
    } else {
        vm.new_list_from_stack(parts.len())
    }
}

/// A `Py_ssize_t` argument: like `int_arg`, but an int beyond 64 bits is CPython's OverflowError
/// instead of being clamped (a width or count that large can never be honoured).
pub fn ssize_arg(vm: &mut Vm, slot: usize) -> PyResult<i64> {
    let v = vm.at(slot);
    if vm.to_bigint(v).is_some() && vm.to_i64(v).is_none() {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    int_arg(vm, slot)
}

/// A C `int` argument (expandtabs' tabsize), with CPython's OverflowError outside 32 bits.
pub fn c_int_arg(vm: &mut Vm, slot: usize) -> PyResult<i64> {
    let v = vm.at(slot);
    let too_big = vm.to_bigint(v).is_some() && vm.to_i64(v).is_none();
    let n = if too_big { 0 } else { int_arg(vm, slot)? };
    if too_big || i32::try_from(n).is_err() {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    Ok(n)
}

/// The `tabsize` argument of str/bytes/bytearray.expandtabs (a C int, default 8).
pub fn tabsize_arg(vm: &mut Vm, a: &Args) -> PyResult<i64> {
    let p = mparams(vm, a, "expandtabs", &["tabsize"], 0, Style::Kw)?;
    match p[0] {
        Some(slot) => c_int_arg(vm, slot),
        None => Ok(8),
    }
}
