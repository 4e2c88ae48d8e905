//! The methods of str: searching (find/index/count/startswith), splitting and joining, stripping,
//! replace, partition, removeprefix/suffix. Case mapping, predicates and padding live in str_case.rs,
//! encode/translate/expandtabs in str_misc.rs, str.format in str_format.rs.
//!
//! Text is handled by chars: the payload is UTF-8, so sub-string matches found on bytes are always at
//! char boundaries and only the start/end arguments and returned positions need converting.

#[path = "str_args.rs"]
pub mod args;
#[path = "str_case.rs"]
mod case;
#[path = "str_misc.rs"]
pub(crate) mod misc;
#[path = "str_format.rs"]
pub mod strformat;
#[path = "str_unicode.rs"]
pub mod unicode;

use crate::obj::layout::{Kind, NativeFn};
use crate::vm::{Args, PyResult, Vm};
use args::*;
use gc::Value;

pub fn install(vm: &mut Vm) {
    let methods: &[(&str, NativeFn)] = &[
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("join", join),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("partition", partition),
        ("rpartition", rpartition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
    ];
    for (name, f) in methods {
        vm.add_method("str", name, *f);
    }
    case::install(vm);
    misc::install(vm);
    strformat::install(vm);
    super::functions::install_dunder_format(vm);
}

/// Self as an owned String (after checking its type).
pub(crate) fn self_text(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<String> {
    check_self(vm, a, "str", fname, &[Kind::Str])?;
    Ok(vm.str_of(vm.arg(a, 0)).to_string())
}

/// Checks that the value in `slot` is a str; `msg` gets the type name appended.
fn need_str(vm: &mut Vm, slot: usize, msg: &str) -> PyResult<()> {
    let v = vm.at(slot);
    if vm.is(v, Kind::Str) {
        return Ok(());
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("{msg}{tn}")))
}

/// The byte range and starting char index of the window [start:end] of `s`, or None if empty-and-past.
fn window(
    s: &str,
    nchars: usize,
    start: Option<i64>,
    end: Option<i64>,
) -> Option<(usize, usize, usize)> {
    let ascii = nchars == s.len();
    let (c0, c1) = adjust(nchars, start, end)?;
    Some((byte_at(s, ascii, c0), byte_at(s, ascii, c1), c0))
}

// ---- find / index / count ------------------------------------------------------------------------

fn find_impl(vm: &mut Vm, a: &Args, fname: &str, rev: bool) -> PyResult<Option<usize>> {
    check_self(vm, a, "str", fname, &[Kind::Str])?;
    let p = window_params(vm, a, fname, "sub")?;
    let sub_slot = p[0].unwrap_or(0);
    need_str(vm, sub_slot, "must be str, not ")?;
    let start = opt_index(vm, p[1])?;
    let end = opt_index(vm, p[2])?;
    let sv = vm.arg(a, 0);
    let (s, sub) = (vm.str_of(sv), vm.str_of(vm.at(sub_slot)));
    let nchars = vm.str_nchars(sv);
    let (b0, b1, c0) = match window(s, nchars, start, end) {
        Some(w) => w,
        None => return Ok(None),
    };
    let hay = s.get(b0..b1).unwrap_or("");
    let pos = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(pos.map(|p| c0 + char_at(hay, nchars == s.len(), p)))
}

fn find_result(vm: &mut Vm, r: Option<usize>, raise: bool) -> PyResult<Value> {
    match r {
        Some(i) => vm.new_int(i as i64),
        None if raise => Err(vm.value_error("substring not found")),
        None => vm.new_int(-1),
    }
}

fn find(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = find_impl(vm, &a, "find", false)?;
    find_result(vm, r, false)
}
fn rfind(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = find_impl(vm, &a, "rfind", true)?;
    find_result(vm, r, false)
}
fn index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = find_impl(vm, &a, "index", false)?;
    find_result(vm, r, true)
}
fn rindex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = find_impl(vm, &a, "rindex", true)?;
    find_result(vm, r, true)
}

fn count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, "str", "count", &[Kind::Str])?;
    let p = window_params(vm, &a, "count", "sub")?;
    let sub_slot = p[0].unwrap_or(0);
    need_str(vm, sub_slot, "must be str, not ")?;
    let start = opt_index(vm, p[1])?;
    let end = opt_index(vm, p[2])?;
    let sv = vm.arg(&a, 0);
    let (s, sub) = (vm.str_of(sv), vm.str_of(vm.at(sub_slot)));
    let nchars = vm.str_nchars(sv);
    let n = match window(s, nchars, start, end) {
        None => 0,
        Some((b0, b1, c0)) => {
            let hay = s.get(b0..b1).unwrap_or("");
            if sub.is_empty() {
                char_at(hay, nchars == s.len(), hay.len()) + 1
            } else {
                let _ = c0;
                hay.matches(sub).count()
            }
        }
    };
    vm.new_int(n as i64)
}

// ---- startswith / endswith -----------------------------------------------------------------------

fn affix_impl(vm: &mut Vm, a: &Args, fname: &str, end_side: bool) -> PyResult<Value> {
    check_self(vm, a, "str", fname, &[Kind::Str])?;
    let p = window_params(vm, a, fname, "prefix")?;
    let pslot = p[0].unwrap_or(0);
    let start = opt_index(vm, p[1])?;
    let end = opt_index(vm, p[2])?;
    let pv = vm.at(pslot);
    let cands: Vec<Value> = if vm.is(pv, Kind::Tuple) {
        vm.tuple_items(pv).to_vec()
    } else {
        vec![pv]
    };
    for c in &cands {
        if !vm.is(*c, Kind::Str) {
            let tn = vm.type_name(*c);
            let msg = if vm.is(pv, Kind::Tuple) {
                format!("tuple for {fname} must only contain str, not {tn}")
            } else {
                format!("{fname} first arg must be str or a tuple of str, not {tn}")
            };
            return Err(vm.type_error(msg));
        }
    }
    let sv = vm.arg(a, 0);
    let s = vm.str_of(sv);
    let hit = match window(s, vm.str_nchars(sv), start, end) {
        None => false,
        Some((b0, b1, _)) => {
            let hay = s.get(b0..b1).unwrap_or("");
            cands.iter().any(|c| {
                let t = vm.str_of(*c);
                if end_side {
                    hay.ends_with(t)
                } else {
                    hay.starts_with(t)
                }
            })
        }
    };
    Ok(vm.bool_val(hit))
}

fn startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(vm, &a, "startswith", false)
}
fn endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(vm, &a, "endswith", true)
}

// ---- split / rsplit / splitlines / join ----------------------------------------------------------

/// The (sep, maxsplit) arguments of split/rsplit: sep None means whitespace.
fn split_args(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<(String, Option<String>, i64)> {
    check_self(vm, a, "str", fname, &[Kind::Str])?;
    let p = params(
        vm,
        a,
        &qual(vm, a, fname),
        &["sep", "maxsplit"],
        0,
        Style::Kw,
    )?;
    let maxsplit = match p[1] {
        Some(s) => int_arg(vm, s)?,
        None => -1,
    };
    let sep = if is_none(vm, p[0]) {
        None
    } else {
        let slot = p[0].unwrap_or(0);
        need_str(vm, slot, "must be str or None, not ")?;
        let sep = vm.str_of(vm.at(slot)).to_string();
        if sep.is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        Some(sep)
    };
    Ok((vm.str_of(vm.arg(a, 0)).to_string(), sep, maxsplit))
}

/// str.split() without a separator: runs of whitespace separate, no empty strings.
pub(crate) fn split_ws(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(py_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(rest);
            break;
        }
        let end = rest.find(py_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(py_space);
    }
    out
}

/// str.rsplit() without a separator.
fn rsplit_ws(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(py_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 >= maxsplit {
            out.push(rest);
            break;
        }
        match rest.char_indices().rev().find(|(_, c)| py_space(*c)) {
            Some((i, c)) => {
                out.push(&rest[i + c.len_utf8()..]);
                rest = rest[..i].trim_end_matches(py_space);
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.reverse();
    out
}

fn split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, sep, maxsplit) = split_args(vm, &a, "split")?;
    let parts: Vec<&str> = match &sep {
        None => split_ws(&s, maxsplit),
        Some(sep) if maxsplit < 0 => s.split(sep.as_str()).collect(),
        Some(sep) => s
            .splitn(maxsplit.saturating_add(1) as usize, sep.as_str())
            .collect(),
    };
    str_list(vm, &parts)
}

fn rsplit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, sep, maxsplit) = split_args(vm, &a, "rsplit")?;
    let parts: Vec<&str> = match &sep {
        None => rsplit_ws(&s, maxsplit),
        Some(sep) if maxsplit < 0 => s.split(sep.as_str()).collect(),
        Some(sep) => {
            let mut v: Vec<&str> = s
                .rsplitn(maxsplit.saturating_add(1) as usize, sep.as_str())
                .collect();
            v.reverse();
            v
        }
    };
    str_list(vm, &parts)
}

/// Lines of `s` split at Python's line boundaries, with or without their ends.
fn lines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !py_linebreak(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' {
            if let Some((_, '\n')) = it.peek() {
                it.next();
                eol += 1;
            }
        }
        out.push(&s[start..if keepends { eol } else { i }]);
        start = eol;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn splitlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, "str", "splitlines", &[Kind::Str])?;
    let p = params(
        vm,
        &a,
        &qual(vm, &a, "splitlines"),
        &["keepends"],
        0,
        Style::Kw,
    )?;
    let keep = match p[0] {
        Some(s) => {
            let v = vm.at(s);
            if vm.is(v, Kind::Float) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.truthy(v)?
        }
        None => false,
    };
    let s = vm.str_of(vm.arg(&a, 0)).to_string();
    str_list(vm, &lines(&s, keep))
}

fn join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, "str", "join", &[Kind::Str])?;
    let p = params(vm, &a, &qual(vm, &a, "join"), &["iterable"], 1, Style::One)?;
    let it = vm.at(p[0].unwrap_or(0));
    let base = vm.sp();
    let seq = if vm.is(it, Kind::List) || vm.is(it, Kind::Tuple) {
        it
    } else {
        match vm.to_list(it) {
            Ok(l) => l,
            Err(e) => {
                if vm.exc_matches(vm.roots.exc, "TypeError")
                    && vm.special(vm.at(p[0].unwrap_or(0)), "__iter__").is_none()
                {
                    vm.take_exc();
                    return Err(vm.type_error("can only join an iterable"));
                }
                return Err(e);
            }
        }
    };
    vm.push(seq);
    let r = join_items(vm, vm.arg(&a, 0), seq);
    vm.truncate(base);
    let s = r?;
    vm.new_str(&s)
}

/// Concatenates the str items of a list or tuple with separator `sepv` (no GC point).
fn join_items(vm: &mut Vm, sepv: Value, seq: Value) -> PyResult<String> {
    let items = if vm.is(seq, Kind::List) {
        vm.list_items(seq)
    } else {
        vm.tuple_items(seq)
    };
    let sep = vm.str_of(sepv);
    let mut out = String::new();
    for (i, &x) in items.iter().enumerate() {
        if !vm.is(x, Kind::Str) {
            let tn = vm.type_name(x);
            return Err(vm.type_error(format!(
                "sequence item {i}: expected str instance, {tn} found"
            )));
        }
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(vm.str_of(x));
    }
    Ok(out)
}

// ---- strip / replace / partition / removeprefix --------------------------------------------------

fn strip_impl(vm: &mut Vm, a: &Args, fname: &str, left: bool, right: bool) -> PyResult<Value> {
    check_self(vm, a, "str", fname, &[Kind::Str])?;
    let p = params(vm, a, &qual(vm, a, fname), &["chars"], 0, Style::Clinic)?;
    let set: Option<Vec<char>> = if is_none(vm, p[0]) {
        None
    } else {
        let v = vm.at(p[0].unwrap_or(0));
        if !vm.is(v, Kind::Str) {
            return Err(vm.type_error(format!("{fname} arg must be None or str")));
        }
        Some(vm.str_of(v).chars().collect())
    };
    let sv = vm.arg(a, 0);
    let s = vm.str_of(sv);
    let pred = |c: char| match &set {
        None => py_space(c),
        Some(v) => v.contains(&c),
    };
    let mut t = s;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    if t.len() == s.len() {
        return Ok(sv);
    }
    let t = t.to_string();
    vm.new_str(&t)
}

fn strip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, &a, "strip", true, true)
}
fn lstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, &a, "lstrip", true, false)
}
fn rstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, &a, "rstrip", false, true)
}

/// Python's replace: an empty `old` inserts `new` before every char and at the end.
pub(crate) fn replace_str(s: &str, old: &str, new: &str, count: i64) -> String {
    if count == 0 {
        return s.to_string();
    }
    if !old.is_empty() {
        return if count < 0 {
            s.replace(old, new)
        } else {
            s.replacen(old, new, count as usize)
        };
    }
    let mut out = String::with_capacity(s.len() + new.len() * (s.len() + 1));
    let mut n = 0i64;
    for c in s.chars() {
        if count < 0 || n < count {
            out.push_str(new);
            n += 1;
        }
        out.push(c);
    }
    if count < 0 || n < count {
        out.push_str(new);
    }
    out
}

fn replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, "str", "replace", &[Kind::Str])?;
    let p = params(
        vm,
        &a,
        &qual(vm, &a, "replace"),
        &["old", "new", "count"],
        2,
        Style::Clinic,
    )?;
    need_str(
        vm,
        p[0].unwrap_or(0),
        "replace() argument 1 must be str, not ",
    )?;
    need_str(
        vm,
        p[1].unwrap_or(0),
        "replace() argument 2 must be str, not ",
    )?;
    let count = match p[2] {
        Some(s) => int_arg(vm, s)?,
        None => -1,
    };
    let sv = vm.arg(&a, 0);
    let (s, old, new) = (
        vm.str_of(sv),
        vm.str_of(vm.at(p[0].unwrap_or(0))),
        vm.str_of(vm.at(p[1].unwrap_or(0))),
    );
    if count == 0 || (!old.is_empty() && !s.contains(old)) {
        return Ok(sv);
    }
    let r = replace_str(s, old, new, count);
    vm.new_str(&r)
}

fn partition_impl(vm: &mut Vm, a: &Args, fname: &str, rev: bool) -> PyResult<Value> {
    check_self(vm, a, "str", fname, &[Kind::Str])?;
    let p = params(vm, a, &qual(vm, a, fname), &["sep"], 1, Style::One)?;
    need_str(vm, p[0].unwrap_or(0), "must be str, not ")?;
    let s = vm.str_of(vm.arg(a, 0)).to_string();
    let sep = vm.str_of(vm.at(p[0].unwrap_or(0))).to_string();
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let pos = if rev {
        s.rfind(sep.as_str())
    } else {
        s.find(sep.as_str())
    };
    match pos {
        Some(i) => str_tuple(vm, &[&s[..i], &sep, &s[i + sep.len()..]]),
        None if rev => str_tuple(vm, &["", "", &s]),
        None => str_tuple(vm, &[&s, "", ""]),
    }
}

fn partition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, &a, "partition", false)
}
fn rpartition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, &a, "rpartition", true)
}

fn remove_affix(vm: &mut Vm, a: &Args, fname: &str, suffix: bool) -> PyResult<Value> {
    check_self(vm, a, "str", fname, &[Kind::Str])?;
    let p = params(vm, a, &qual(vm, a, fname), &["affix"], 1, Style::One)?;
    need_str(
        vm,
        p[0].unwrap_or(0),
        &format!("{fname}() argument must be str, not "),
    )?;
    let sv = vm.arg(a, 0);
    let (s, x) = (vm.str_of(sv), vm.str_of(vm.at(p[0].unwrap_or(0))));
    let r = if suffix {
        s.strip_suffix(x)
    } else {
        s.strip_prefix(x)
    };
    match r {
        Some(t) if !x.is_empty() => {
            let t = t.to_string();
            vm.new_str(&t)
        }
        _ => Ok(sv),
    }
}

fn removeprefix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, &a, "removeprefix", false)
}
fn removesuffix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, &a, "removesuffix", true)
}
