//! `_re`: the native core of the `re` module (interp/lib/re.py builds the API on it). A pattern is
//! parsed (parser.rs -> ast.rs), compiled (program.rs) and run by the backtracking matcher
//! (matcher.rs) over code points (chars.rs: classes and case folding; subject.rs: decoding and
//! slicing subjects).
//!
//! Compiled programs are plain Rust data kept in a per-thread table (table.rs) and named by an int
//! id, so no heap object holds Rust data; the table is keyed by (pattern, flags), so recompiling a
//! pattern reuses its id, and reference-counted (`release`, from Pattern.__del__).
//!
//! GC: every native reads its arguments into Rust data (pattern/subject code points, ints) before
//! matching, matches with no heap access, then allocates the result from plain Rust ints (small
//! ints are immediates: nothing to root).
//!
//! Functions (all called by re.py with checked arguments; bad ones still raise TypeError):
//! - `compile(pattern, flags)` -> `(id, ngroups, [(name, index)...], flags)`, or `(msg, pos,
//!   kind)` when the pattern is invalid (re.py raises `re.error` / `OverflowError` /
//!   `RecursionError` for kind 0 / 1 / 2; pos -1 for none).
//! - `match(id, string, pos, endpos, mode)` (mode 0 match, 1 fullmatch, 2 search; + 4: an empty
//!   match at `pos` is not allowed, for Pattern.scanner) -> `None` or
//!   `[start0, end0, start1, end1, ..., lastindex]` (-1 for an unset group, lastindex 0 if none).
//! - `release(id)`: drops the reference `compile` took.
//! - `slices(string, positions)`: the substrings for pairs of char indexes, in one call.
//! - `findall(id, string, pos, endpos)`: Pattern.findall's list, built natively.
//! - `sub_literal(id, string, repl, count)`: `(new, n)` for a replacement without group
//!   references.
//! - `scan(id, string, pos, endpos, limit)` -> the same records concatenated, for the successive
//!   non-overlapping matches of a search (an empty match may not follow at the end of another
//!   match only at the same position: CPython's "must advance" rule); `limit` 0 = all.

mod ast;
mod chars;
mod escapes;
mod matcher;
mod parser;
mod program;
mod slicing;
mod subject;
mod table;

use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use matcher::{Matcher, Mode, Subject, UNSET};
use program::Prog;
use std::rc::Rc;

pub fn fill(vm: &mut Vm, m: usize) -> PyResult<()> {
    let fns: &[(&str, NativeFn)] = &[
        ("compile", compile),
        ("match", do_match),
        ("scan", scan),
        ("release", release),
        ("slices", slicing::slices),
        ("findall", slicing::findall),
        ("sub_literal", slicing::sub_literal),
    ];
    super::add_fns(vm, m, fns)
}

pub(super) fn int_arg(vm: &mut Vm, a: &Args, i: usize, f: &str) -> PyResult<i64> {
    let v = vm.arg(a, i);
    if v.is_int() {
        Ok(v.as_int())
    } else {
        Err(vm.type_error(format!("_re.{}() argument {} must be int", f, i + 1)))
    }
}

pub(super) fn nargs(vm: &mut Vm, a: &Args, f: &str, n: usize) -> PyResult<()> {
    if vm.npos(a) != n || a.n != n {
        return Err(vm.type_error(format!(
            "_re.{}() takes exactly {} arguments ({} given)",
            f, n, a.n
        )));
    }
    Ok(())
}

/// The code points of a str or bytes value; `None` for other types.
fn text_of(vm: &Vm, v: Value) -> Option<(Vec<u32>, bool)> {
    if vm.is(v, Kind::Str) {
        Some((
            vm.str_of(v).chars().map(crate::unicode::code_of).collect(),
            true,
        ))
    } else if vm.is(v, Kind::Bytes) {
        Some((vm.bytes_of(v).iter().map(|&b| b as u32).collect(), false))
    } else {
        None
    }
}

fn compile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "compile", 2)?;
    let flags = int_arg(vm, &a, 1, "compile")? as u32;
    let Some((pat, istext)) = text_of(vm, vm.arg(&a, 0)) else {
        return Err(vm.type_error("_re.compile() argument 1 must be str or bytes"));
    };
    let made = table::acquire((pat, istext, flags), |key| {
        let p = parser::parse(&key.0, key.2, key.1)?;
        Ok((
            program::compile(&p.node, p.ngroups),
            (p.ngroups, p.names, p.flags),
        ))
    });
    let (id, (ngroups, names, flags)) = match made {
        Ok(r) => r,
        Err(e) => {
            let msg = vm.new_str(&e.msg)?;
            vm.push(msg);
            let pos = Value::from_int(e.pos.map_or(-1, |p| p as i64)).unwrap();
            vm.push(pos);
            vm.push(Value::from_int(e.kind as i64).unwrap());
            return vm.new_tuple_from_stack(3);
        }
    };
    let base = vm.sp();
    vm.push(Value::from_int(id as i64).unwrap());
    vm.push(Value::from_int(ngroups as i64).unwrap());
    let r = (|| {
        for (name, g) in &names {
            let s = vm.new_str(name)?;
            vm.push(s);
            vm.push(Value::from_int(*g as i64).unwrap());
            let t = vm.new_tuple_from_stack(2)?;
            vm.push(t);
        }
        let l = vm.new_list_from_stack(names.len())?;
        vm.push(l);
        vm.push(Value::from_int(flags as i64).unwrap());
        vm.new_tuple_from_stack(4)
    })();
    if r.is_err() {
        vm.truncate(base);
    }
    r
}

pub(super) fn prog_of(vm: &mut Vm, id: i64) -> PyResult<Rc<Prog>> {
    table::get(id).ok_or_else(|| vm.value_error("_re: unknown pattern id"))
}

/// `release(id)`: drops the reference a `compile` took (Pattern.__del__).
fn release(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "release", 1)?;
    let id = int_arg(vm, &a, 0, "release")?;
    if !table::release(id) {
        return Err(vm.value_error("_re: unknown pattern id"));
    }
    Ok(vm.none())
}

/// Runs `f` over the subject (argument `i`) without copying bytes or ASCII text.
pub(super) fn with_subject<R>(
    vm: &mut Vm,
    a: &Args,
    i: usize,
    f: impl FnOnce(&dyn SubjectRun) -> R,
) -> PyResult<R> {
    let v = vm.arg(a, i);
    if vm.is(v, Kind::Str) {
        if vm.str_nchars(v) == vm.str_of(v).len() {
            return Ok(f(&vm.str_of(v).as_bytes()));
        }
        let d = subject::decode(vm.str_of(v));
        return Ok(f(&d.codes.as_slice()));
    }
    if vm.is(v, Kind::Bytes) {
        return Ok(f(&vm.bytes_of(v)));
    }
    Err(vm.type_error("_re: the subject must be str or bytes"))
}

/// The subject, type-erased so one closure serves both representations.
pub(super) trait SubjectRun {
    fn search_into(
        &self,
        prog: &Prog,
        pos: i64,
        endpos: i64,
        mode: i64,
        limit: i64,
        out: &mut Vec<i64>,
    );
}

impl<S: Subject + ?Sized> SubjectRun for &S {
    fn search_into(
        &self,
        prog: &Prog,
        pos: i64,
        endpos: i64,
        mode: i64,
        limit: i64,
        out: &mut Vec<i64>,
    ) {
        let len = self.code_len() as i64;
        let end = endpos.clamp(0, len) as usize;
        let mut pos = pos.clamp(0, len) as usize;
        if pos > end {
            return;
        }
        let mut m = Matcher::new(prog, *self, end);
        let record = |m: &Matcher<S>, out: &mut Vec<i64>| {
            out.extend(
                m.caps
                    .iter()
                    .map(|&c| if c == UNSET { -1 } else { c as i64 }),
            );
            out.push(m.lastindex as i64);
        };
        if mode >= 0 {
            let md = match mode & 3 {
                0 => Mode::Match,
                1 => Mode::Full,
                _ => Mode::Search,
            };
            if m.find_from(pos, md, mode & 4 != 0) {
                record(&m, out);
            }
            return;
        }
        // Scan: successive matches.
        let mut must_advance = false;
        let mut n = 0;
        while pos <= end && (limit <= 0 || n < limit) {
            if !m.find_from(pos, Mode::Search, must_advance) {
                break;
            }
            record(&m, out);
            n += 1;
            let (s, e) = (m.caps[0], m.caps[1]);
            must_advance = s == e;
            pos = e;
        }
    }
}

fn results(vm: &mut Vm, out: &[i64]) -> PyResult<Value> {
    for &x in out {
        vm.push(Value::from_int(x).unwrap());
    }
    vm.new_list_from_stack(out.len())
}

fn do_match(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "match", 5)?;
    let id = int_arg(vm, &a, 0, "match")?;
    let (pos, endpos, mode) = (
        int_arg(vm, &a, 2, "match")?,
        int_arg(vm, &a, 3, "match")?,
        int_arg(vm, &a, 4, "match")?,
    );
    let prog = prog_of(vm, id)?;
    let mut out = Vec::new();
    with_subject(vm, &a, 1, |s| {
        s.search_into(&prog, pos, endpos, mode & 7, 0, &mut out)
    })?;
    if out.is_empty() {
        return Ok(vm.none());
    }
    results(vm, &out)
}

fn scan(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "scan", 5)?;
    let id = int_arg(vm, &a, 0, "scan")?;
    let (pos, endpos, limit) = (
        int_arg(vm, &a, 2, "scan")?,
        int_arg(vm, &a, 3, "scan")?,
        int_arg(vm, &a, 4, "scan")?,
    );
    let prog = prog_of(vm, id)?;
    let mut out = Vec::new();
    with_subject(vm, &a, 1, |s| {
        s.search_into(&prog, pos, endpos, -1, limit, &mut out)
    })?;
    results(vm, &out)
}
