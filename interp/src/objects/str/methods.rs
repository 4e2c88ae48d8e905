//! The methods of str: searching (find/index/count/startswith), splitting and joining, stripping,
//! replace, partition, removeprefix/suffix. Case mapping, predicates and padding live in case.rs,
//! encode/translate/expandtabs in misc.rs, str.format in strformat.rs (the format-spec mini-language
//! behind `format()`/`__format__` stays in builtins/format.rs).
//!
//! These are thin wrappers: they check and convert the arguments, then call the algorithms shared
//! with bytes in `objects::stringlib` (flavor `Utf8`: the payload's UTF-8 bytes, char indices
//! converted to byte offsets only at the edges) and build the result objects.

use super::args::*;
use super::{case, misc, strformat};
use crate::obj::layout::{Kind, NativeFn};
use crate::objects::stringlib::{self, join, replace, search, split, strip, Utf8};
use crate::vm::{Args, PyResult, Vm};
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

/// A str as text of the `Utf8` flavor: its bytes.
fn text(vm: &Vm, v: Value) -> &[u8] {
    vm.str_of(v).as_bytes()
}

/// The result of a str method that changed nothing: self when an exact str, else an exact copy
/// (CPython's `unicode_result_unchanged`: `S("a").strip()` is a `str`).
pub(crate) fn unchanged(vm: &mut Vm, sv: Value) -> PyResult<Value> {
    let n = vm.str_of(sv).len();
    vm.str_substr(sv, 0..n)
}

/// A new str from bytes stringlib cut or built from str text.
pub(crate) fn new_text(vm: &mut Vm, b: &[u8]) -> PyResult<Value> {
    vm.new_str(stringlib::as_text(b))
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
    let (s, sub) = (text(vm, sv), text(vm, vm.at(sub_slot)));
    Ok(search::find::<Utf8>(
        s,
        vm.str_nchars(sv),
        sub,
        start,
        end,
        rev,
    ))
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
    let (s, sub) = (text(vm, sv), text(vm, vm.at(sub_slot)));
    let n = search::count::<Utf8>(s, vm.str_nchars(sv), sub, start, end);
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
    if vm.is(pv, Kind::Str) {
        // one prefix (the common call): no candidate list to build
        let sv = vm.arg(a, 0);
        let (s, n) = (text(vm, sv), vm.str_nchars(sv));
        let hit =
            search::tailmatch::<Utf8>(s, n, start, end, std::iter::once(text(vm, pv)), end_side);
        return Ok(vm.bool_val(hit));
    }
    if !vm.is(pv, Kind::Tuple) {
        let tn = vm.type_name(pv);
        return Err(vm.type_error(format!(
            "{fname} first arg must be str or a tuple of str, not {tn}"
        )));
    }
    // A tuple is tried item by item, as CPython: a match stops before a later bad item is seen.
    let sv = vm.arg(a, 0);
    for i in 0..vm.tuple_items(pv).len() {
        let c = vm.tuple_items(pv)[i];
        if !vm.is(c, Kind::Str) {
            let tn = vm.type_name(c);
            return Err(vm.type_error(format!("tuple for {fname} must only contain str, not {tn}")));
        }
        let (s, n) = (text(vm, sv), vm.str_nchars(sv));
        if search::tailmatch::<Utf8>(s, n, start, end, std::iter::once(text(vm, c)), end_side) {
            return Ok(vm.bool_val(true));
        }
    }
    Ok(vm.bool_val(false))
}

fn startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(vm, &a, "startswith", false)
}
fn endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(vm, &a, "endswith", true)
}

// ---- split / rsplit / splitlines / join ----------------------------------------------------------

/// split / rsplit (`rev`): parses (sep, maxsplit) and builds the piece list.
fn split_impl(vm: &mut Vm, a: &Args, fname: &str, rev: bool) -> PyResult<Value> {
    check_self(vm, a, "str", fname, &[Kind::Str])?;
    let p = mparams(vm, a, fname, &["sep", "maxsplit"], 0, Style::Kw)?;
    let maxsplit = match p[1] {
        Some(s) => ssize_arg(vm, s)?,
        None => -1,
    };
    let sep = if is_none(vm, p[0]) {
        None
    } else {
        let slot = p[0].unwrap_or(0);
        need_str(vm, slot, "must be str or None, not ")?;
        if vm.str_of(vm.at(slot)).is_empty() {
            return Err(vm.value_error("empty separator"));
        }
        Some(slot)
    };
    let sv = vm.arg(a, 0);
    let parts = split::split::<Utf8>(
        text(vm, sv),
        sep.map(|slot| text(vm, vm.at(slot))),
        maxsplit,
        rev,
    );
    str_pieces(vm, sv, &parts)
}

/// The list of the pieces `parts` (byte ranges on char boundaries) of str `sv`, each copied
/// straight from `sv` (rooted here) into its new str.
fn str_pieces(vm: &mut Vm, sv: Value, parts: &[std::ops::Range<usize>]) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(sv);
    for r in parts {
        match vm.str_copy_mapped(vm.at(base), r.clone(), |b| b) {
            Ok(v) => vm.push(v),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    let l = vm.new_list_from_stack(parts.len());
    vm.truncate(base);
    l
}

fn split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    split_impl(vm, &a, "split", false)
}

fn rsplit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    split_impl(vm, &a, "rsplit", true)
}

fn splitlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, "str", "splitlines", &[Kind::Str])?;
    let p = mparams(vm, &a, "splitlines", &["keepends"], 0, Style::Kw)?;
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
    let sv = vm.arg(&a, 0);
    let parts = split::splitlines::<Utf8>(text(vm, sv), keep);
    str_pieces(vm, sv, &parts)
}

fn join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, "str", "join", &[Kind::Str])?;
    let p = mparams(vm, &a, "join", &["iterable"], 1, Style::One)?;
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
    new_text(vm, &s)
}

/// Concatenates the str items of a list or tuple with separator `sepv` (no GC point).
fn join_items(vm: &mut Vm, sepv: Value, seq: Value) -> PyResult<Vec<u8>> {
    let items = if vm.is(seq, Kind::List) {
        vm.list_items(seq)
    } else {
        vm.tuple_items(seq)
    };
    let mut parts = Vec::with_capacity(items.len());
    for (i, &x) in items.iter().enumerate() {
        if !vm.is(x, Kind::Str) {
            let tn = vm.type_name(x);
            return Err(vm.type_error(format!(
                "sequence item {i}: expected str instance, {tn} found"
            )));
        }
        parts.push(text(vm, x));
    }
    let r = join::join(
        text(vm, sepv),
        &parts,
        "join() result is too long for a Python string",
    );
    r.map_err(|e| e.raise(vm))
}

// ---- strip / replace / partition / removeprefix --------------------------------------------------

fn strip_impl(vm: &mut Vm, a: &Args, fname: &str, left: bool, right: bool) -> PyResult<Value> {
    check_self(vm, a, "str", fname, &[Kind::Str])?;
    let p = mparams(vm, a, fname, &["chars"], 0, Style::Clinic)?;
    let set = if is_none(vm, p[0]) {
        None
    } else {
        let v = vm.at(p[0].unwrap_or(0));
        if !vm.is(v, Kind::Str) {
            return Err(vm.type_error(format!("{fname} arg must be None or str")));
        }
        Some(v)
    };
    let sv = vm.arg(a, 0);
    let r = strip::strip::<Utf8>(text(vm, sv), set.map(|v| text(vm, v)), left, right);
    vm.str_substr(sv, r)
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

fn replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, "str", "replace", &[Kind::Str])?;
    let p = mparams(
        vm,
        &a,
        "replace",
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
        Some(s) => ssize_arg(vm, s)?,
        None => -1,
    };
    let sv = vm.arg(&a, 0);
    let (s, old, new) = (
        text(vm, sv),
        text(vm, vm.at(p[0].unwrap_or(0))),
        text(vm, vm.at(p[1].unwrap_or(0))),
    );
    match replace::replace::<Utf8>(s, old, new, count, "replace string is too long") {
        Ok(None) => unchanged(vm, sv),
        Ok(Some(r)) => new_text(vm, &r),
        Err(e) => Err(e.raise(vm)),
    }
}

fn partition_impl(vm: &mut Vm, a: &Args, fname: &str, rev: bool) -> PyResult<Value> {
    check_self(vm, a, "str", fname, &[Kind::Str])?;
    let p = mparams(vm, a, fname, &["sep"], 1, Style::One)?;
    need_str(vm, p[0].unwrap_or(0), "must be str, not ")?;
    if vm.str_of(vm.at(p[0].unwrap_or(0))).is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let s = text(vm, vm.arg(a, 0)).to_vec();
    let parts = split::partition(&s, text(vm, vm.at(p[0].unwrap_or(0))), rev);
    pieces(vm, &s, &parts, true, &new_text)
}

fn partition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, &a, "partition", false)
}
fn rpartition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, &a, "rpartition", true)
}

fn remove_affix(vm: &mut Vm, a: &Args, fname: &str, suffix: bool) -> PyResult<Value> {
    check_self(vm, a, "str", fname, &[Kind::Str])?;
    let p = mparams(vm, a, fname, &["affix"], 1, Style::One)?;
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
        _ => unchanged(vm, sv),
    }
}

fn removeprefix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, &a, "removeprefix", false)
}
fn removesuffix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, &a, "removesuffix", true)
}
