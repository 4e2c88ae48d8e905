//! Natives that turn match positions into str/bytes objects: `slices` (the pieces for pairs of
//! char indexes) and `findall` (Pattern.findall's whole list, with no Python loop over matches).
//!
//! GC: positions are copied into Rust first; each piece is copied out of the subject, re-read
//! from the argument slot after every allocation, and the new objects are rooted on the value
//! stack until the list (or tuple) that holds them is built.

use super::{int_arg, nargs, prog_of, subject, with_subject};
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

/// Pushes `subject[x:y]` for each pair of `pos` (None where x is -1); with `group` > 1, every
/// `group` consecutive pieces become one tuple. The subject is argument `arg` of `a`.
fn push_slices(vm: &mut Vm, a: &Args, arg: usize, pos: &[i64], group: usize) -> PyResult<usize> {
    let s = vm.arg(a, arg);
    let (is_str, n) = if vm.is(s, Kind::Str) {
        (true, vm.str_nchars(s))
    } else if vm.is(s, Kind::Bytes) {
        (false, vm.bytes_of(s).len())
    } else {
        return Err(vm.type_error("_re: the subject must be str or bytes"));
    };
    let decoded = if is_str && n != vm.str_of(s).len() {
        Some(subject::decode(vm.str_of(s)))
    } else {
        None
    };
    let base = vm.sp();
    let mut pushed = 0;
    let mut in_group = 0;
    for p in pos.chunks(2) {
        let (x, y) = (p[0], p[1]);
        let r = if x < 0 {
            Ok(vm.none())
        } else {
            let (x, y) = ((x as usize).min(n), (y.max(0) as usize).min(n));
            let y = y.max(x);
            let s = vm.arg(a, arg);
            if !is_str {
                let piece = vm.bytes_of(s)[x..y].to_vec();
                vm.new_bytes(&piece)
            } else {
                let (bx, by) = match &decoded {
                    Some(d) => (d.byte_of(x), d.byte_of(y)),
                    None => (x, y),
                };
                let piece = vm.str_of(s)[bx..by].to_string();
                vm.new_str(&piece)
            }
        };
        let r = r.and_then(|v| {
            vm.push(v);
            in_group += 1;
            if group > 1 && in_group == group {
                in_group = 0;
                let t = vm.new_tuple_from_stack(group)?;
                vm.push(t);
            }
            Ok(())
        });
        if let Err(e) = r {
            vm.truncate(base);
            return Err(e);
        }
        if group <= 1 || in_group == 0 {
            pushed += 1;
        }
    }
    Ok(pushed)
}

/// `slices(string, [a0, b0, a1, b1, ...])`: `[string[a0:b0], string[a1:b1], ...]` (None where a
/// start is -1), by char index.
pub fn slices(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "slices", 2)?;
    let l = vm.arg(&a, 1);
    if !vm.is(l, Kind::List) {
        return Err(vm.type_error("_re.slices() argument 2 must be list"));
    }
    let mut pos = Vec::with_capacity(vm.list_len(l));
    for &x in vm.list_items(l) {
        if !x.is_int() {
            return Err(vm.type_error("_re.slices() positions must be ints"));
        }
        pos.push(x.as_int());
    }
    if pos.len() % 2 != 0 {
        return Err(vm.value_error("_re.slices() needs pairs of positions"));
    }
    let n = push_slices(vm, &a, 0, &pos, 1)?;
    vm.new_list_from_stack(n)
}

/// `findall(id, string, pos, endpos)`: the whole matches (no groups), group 1's text (one
/// group) or tuples of every group's text ('' for an unmatched group).
pub fn findall(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "findall", 4)?;
    let id = int_arg(vm, &a, 0, "findall")?;
    let (pos, endpos) = (
        int_arg(vm, &a, 2, "findall")?,
        int_arg(vm, &a, 3, "findall")?,
    );
    let prog = prog_of(vm, id)?;
    let mut flat = Vec::new();
    with_subject(vm, &a, 1, |s| {
        s.search_into(&prog, pos, endpos, -1, 0, &mut flat)
    })?;
    let ng = prog.ngroups;
    let w = 2 * ng + 3;
    let (lo, hi) = if ng == 0 { (0, 2) } else { (2, 2 * ng + 2) };
    let mut spans = Vec::with_capacity(flat.len() / w * (hi - lo));
    for rec in flat.chunks(w) {
        for k in (lo..hi).step_by(2) {
            if rec[k] < 0 {
                spans.extend([0, 0]);
            } else {
                spans.extend([rec[k], rec[k + 1]]);
            }
        }
    }
    let n = push_slices(vm, &a, 1, &spans, ng)?;
    vm.new_list_from_stack(n)
}

/// `sub_literal(id, string, repl, count)` -> `(new_string, n)`: re.sub with a replacement that
/// has no group references, `repl` of the subject's type (re.py checks both), built in one buffer.
pub fn sub_literal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "sub_literal", 4)?;
    let id = int_arg(vm, &a, 0, "sub_literal")?;
    let count = int_arg(vm, &a, 3, "sub_literal")?;
    let prog = prog_of(vm, id)?;
    let mut flat = Vec::new();
    with_subject(vm, &a, 1, |s| {
        s.search_into(&prog, 0, i64::MAX >> 2, -1, count, &mut flat)
    })?;
    let w = 2 * prog.ngroups + 3;
    let nsub = flat.len() / w;
    let (s, r) = (vm.arg(&a, 1), vm.arg(&a, 2));
    let out = if vm.is(s, Kind::Str) && vm.is(r, Kind::Str) {
        let text = vm.str_of(s);
        let decoded = if vm.str_nchars(s) != text.len() {
            Some(subject::decode(text))
        } else {
            None
        };
        let at = |i: i64| match &decoded {
            Some(d) => d.byte_of(i as usize),
            None => i as usize,
        };
        let repl = vm.str_of(r);
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for rec in flat.chunks(w) {
            let (x, y) = (at(rec[0]), at(rec[1]));
            out.push_str(&text[last..x]);
            out.push_str(repl);
            last = y;
        }
        out.push_str(&text[last..]);
        vm.new_str(&out)?
    } else if vm.is(s, Kind::Bytes) && vm.is(r, Kind::Bytes) {
        let (text, repl) = (vm.bytes_of(s), vm.bytes_of(r));
        let mut out = Vec::with_capacity(text.len());
        let mut last = 0;
        for rec in flat.chunks(w) {
            out.extend_from_slice(&text[last..rec[0] as usize]);
            out.extend_from_slice(repl);
            last = rec[1] as usize;
        }
        out.extend_from_slice(&text[last..]);
        vm.new_bytes(&out)?
    } else {
        return Err(vm.type_error("_re.sub_literal() needs a subject and replacement of one type"));
    };
    vm.push(out);
    vm.push(Value::from_int(nsub as i64).unwrap());
    vm.new_tuple_from_stack(2)
}
