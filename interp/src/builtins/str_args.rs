//! Argument helpers shared by the str, bytes and formatting natives: parameter slots, index
//! arguments (start/end), char/byte offset conversion, Python's whitespace and line-break classes.
//! Also the argument-count and self checks used by every builtins file (`plural`, `count_error`,
//! `bind_keywords`, `check_self`).
//!
//! Parameters are returned as stack slots (not `Value`s) so that they stay valid across GC points.

use crate::obj::layout::{Kind, NativeFn, WrapperObj};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

/// How a method parses its arguments in CPython, which decides the wording of its errors.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    /// Argument Clinic, positional only: "center expected at least 1 argument, got 0".
    Clinic,
    /// PyArg_ParseTuple: "find() takes at least 1 argument (0 given)".
    Old,
    /// Argument Clinic with keywords: "'x' is an invalid keyword argument for split()".
    Kw,
    /// METH_O, one argument: "str.join() takes exactly one argument (0 given)".
    One,
}

/// Stack slots of the parameters `names` of a method (after `self`), `None` when not given.
/// `qname` is the qualified name ("str.find").
pub fn params(
    vm: &mut Vm,
    a: &Args,
    qname: &str,
    names: &[&str],
    required: usize,
    style: Style,
) -> PyResult<Vec<Option<usize>>> {
    let fname = qname.rsplit('.').next().unwrap_or(qname);
    let npos = vm.npos(a).saturating_sub(1);
    let nkw = a.n - vm.npos(a);
    if nkw > 0 && style != Style::Kw {
        let n = if style == Style::Old { fname } else { qname };
        return Err(vm.type_error(format!("{n}() takes no keyword arguments")));
    }
    if style == Style::One && npos != 1 {
        return Err(vm.type_error(format!(
            "{qname}() takes exactly one argument ({npos} given)"
        )));
    }
    let (ms, rs) = (plural(names.len()), plural(required));
    if npos > names.len() {
        let m = names.len();
        return Err(vm.type_error(match style {
            Style::Clinic => format!("{fname} expected at most {m} argument{ms}, got {npos}"),
            _ if m == 0 => format!("{qname}() takes no arguments ({npos} given)"),
            _ => format!("{fname}() takes at most {m} argument{ms} ({npos} given)"),
        }));
    }
    let slots = bind_keywords(vm, a, fname, names)?;
    if let Some(i) = slots.iter().take(required).position(|s| s.is_none()) {
        return Err(vm.type_error(match style {
            Style::Kw => format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            ),
            Style::Old => {
                format!("{fname}() takes at least {required} argument{rs} ({npos} given)")
            }
            _ => format!("{fname} expected at least {required} argument{rs}, got {npos}"),
        }));
    }
    Ok(slots)
}

/// Stack slots of the parameters `names` (after self): the positionals in order, then the keyword
/// arguments by name, with CPython's "invalid keyword argument" and "given by name and position"
/// errors. The caller has checked the positional count.
pub fn bind_keywords(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    names: &[&str],
) -> PyResult<Vec<Option<usize>>> {
    let npos = vm.npos(a).saturating_sub(1);
    let mut slots: Vec<Option<usize>> = (0..names.len())
        .map(|i| if i < npos { Some(a.base + 1 + i) } else { None })
        .collect();
    if a.kwnames.is_null() {
        return Ok(slots);
    }
    let kwn: Vec<String> = vm
        .tuple_items(a.kwnames)
        .iter()
        .map(|k| vm.str_of(*k).to_string())
        .collect();
    let kbase = a.base + a.n - kwn.len();
    for (j, k) in kwn.iter().enumerate() {
        match names.iter().position(|n| n == k) {
            Some(i) if slots[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => slots[i] = Some(kbase + j),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    Ok(slots)
}

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

/// "" for one, "s" otherwise.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Argument Clinic's message when `n` positional arguments are not within `lo..=hi`:
/// "f expected 2 arguments, got 1", "f expected at least 1 argument, got 0", "f expected at most
/// 3 arguments, got 4". None when `n` is in range.
pub fn count_error(fname: &str, lo: usize, hi: usize, n: usize) -> Option<String> {
    if lo == hi && n != lo {
        Some(format!(
            "{fname} expected {lo} argument{}, got {n}",
            plural(lo)
        ))
    } else if n < lo {
        Some(format!(
            "{fname} expected at least {lo} argument{}, got {n}",
            plural(lo)
        ))
    } else if n > hi {
        Some(format!(
            "{fname} expected at most {hi} argument{}, got {n}",
            plural(hi)
        ))
    } else {
        None
    }
}

/// Is `v` of one of `kinds`? (A small int counts as BigInt, a bool as an int.)
fn kind_ok(vm: &Vm, v: Value, kinds: &[Kind]) -> bool {
    if v.is_int() {
        return kinds.contains(&Kind::BigInt);
    }
    if !v.is_ptr() {
        return false;
    }
    let k = vm.kind(v);
    kinds.contains(&k) || (k == Kind::Bool && kinds.contains(&Kind::BigInt))
}

/// Checks that argument 0 (self) of `tname.mname` is present and of one of `kinds`, with CPython's
/// "unbound method" and descriptor messages.
pub fn check_self(vm: &mut Vm, a: &Args, tname: &str, mname: &str, kinds: &[Kind]) -> PyResult<()> {
    if vm.npos(a) == 0 {
        return Err(vm.type_error(format!(
            "unbound method {tname}.{mname}() needs an argument"
        )));
    }
    let s = vm.arg(a, 0);
    if !kind_ok(vm, s, kinds) {
        let tn = vm.type_name(s);
        return Err(vm.type_error(format!(
            "descriptor '{mname}' for '{tname}' objects doesn't apply to a '{tn}' object"
        )));
    }
    Ok(())
}

/// Is the slot absent or None?
pub fn is_none(vm: &Vm, slot: Option<usize>) -> bool {
    match slot {
        None => true,
        Some(s) => vm.at(s) == vm.none(),
    }
}

/// A start/end argument: None, an int (big ints clamp), or an object with `__index__`.
pub fn opt_index(vm: &mut Vm, slot: Option<usize>) -> PyResult<Option<i64>> {
    if is_none(vm, slot) {
        return Ok(None);
    }
    let v = vm.at(slot.unwrap_or(0));
    index_of(
        vm,
        v,
        "slice indices must be integers or None or have an __index__ method",
    )
    .map(Some)
}

/// An integer argument (ints, bools, `__index__`); big ints clamp to i64. `msg` is the TypeError text.
pub fn index_of(vm: &mut Vm, v: Value, msg: &str) -> PyResult<i64> {
    if let Some(i) = vm.to_i64(v) {
        return Ok(i);
    }
    if let Some(b) = vm.to_bigint(v) {
        return Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        });
    }
    if v.is_ptr() && vm.is(v, Kind::Instance) {
        if let Some(f) = vm.special(v, "__index__") {
            let r = vm.call(f, &[v])?;
            if let Some(i) = vm.to_i64(r) {
                return Ok(i);
            }
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!("__index__ returned non-int (type {tn})")));
        }
    }
    Err(vm.type_error(msg))
}

/// An integer argument with CPython's "'X' object cannot be interpreted as an integer" message.
pub fn int_arg(vm: &mut Vm, slot: usize) -> PyResult<i64> {
    let v = vm.at(slot);
    if vm.is(v, Kind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let tn = vm.type_name(v);
    index_of(
        vm,
        v,
        &format!("'{tn}' object cannot be interpreted as an integer"),
    )
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

/// Registers `f` as a staticmethod `name` of builtin type `tname` (str.maketrans, bytes.fromhex).
pub fn add_static(vm: &mut Vm, tname: &str, name: &str, f: NativeFn) {
    let n = vm
        .new_native(name, f, Value::NULL)
        .expect("out of memory at startup");
    vm.push(n);
    let w = vm
        .alloc(Kind::StaticMethod, 0)
        .expect("out of memory at startup");
    let n = vm.pop();
    // SAFETY: w was just allocated as a StaticMethod (WrapperObj layout) and n popped after that
    // allocation; the barrier follows the store.
    unsafe { (*vm.payload::<WrapperObj>(w)).func = n };
    vm.heap.write_barrier(w);
    let t = vm.builtin_type(tname);
    vm.add_type_attr(t, name, w);
}

/// Builds a list from Rust strings.
pub fn str_list(vm: &mut Vm, parts: &[&str]) -> PyResult<Value> {
    push_strs(vm, parts)?;
    vm.new_list_from_stack(parts.len())
}

/// Builds a tuple from Rust strings.
pub fn str_tuple(vm: &mut Vm, parts: &[&str]) -> PyResult<Value> {
    push_strs(vm, parts)?;
    vm.new_tuple_from_stack(parts.len())
}

/// Pushes a new str for every part; on error the stack is cut back to where it was.
fn push_strs(vm: &mut Vm, parts: &[&str]) -> PyResult<()> {
    let base = vm.sp();
    for p in parts {
        match vm.new_str(p) {
            Ok(s) => vm.push(s),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    Ok(())
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

/// `s` with `left` and `right` fill chars around it (the format layer's, shared by str.center etc.).
pub use crate::format::spec::padded;

/// The qualified method name "type.fname" for self's type (argument 0).
pub fn qual(vm: &Vm, a: &Args, fname: &str) -> String {
    if a.n == 0 {
        return fname.to_string();
    }
    format!("{}.{fname}", vm.type_name(vm.arg(a, 0)))
}
