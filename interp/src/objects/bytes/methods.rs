//! The methods shared by bytes and bytearray: searching (find/index/count/startswith), split/join,
//! strip, replace, partition, ASCII case mapping and predicates, padding. Results have the type of
//! `self`. decode/hex/fromhex and the bytearray mutators live in bytearray.rs.

use super::bytearray;
use crate::obj::layout::{Kind, NativeFn};
use crate::objects::str::args::*;
use crate::objects::stringlib::{
    join, pad, replace, search, split, strip, Bytes, Flavor, SizeError,
};
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
        ("upper", upper),
        ("lower", lower),
        ("swapcase", swapcase),
        ("capitalize", capitalize),
        ("title", title),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("isascii", isascii),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("expandtabs", expandtabs),
    ];
    for t in ["bytes", "bytearray"] {
        for (name, f) in methods {
            vm.add_method(t, name, *f);
        }
    }
    bytearray::install(vm);
}

// ---- helpers ---------------------------------------------------------------------------------------

/// A copy of the data of a bytes or bytearray value.
pub(crate) fn bytes_like(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    // a Python subclass of bytes boxes its value (vm/boxed.rs)
    let v = vm.unboxed(v);
    if vm.is(v, Kind::Bytes) {
        Some(vm.bytes_of(v).to_vec())
    } else if vm.is(v, Kind::ByteArray) {
        Some(vm.bytearray(v).clone())
    } else {
        crate::objects::memoryview_fmt::exported_bytes(vm, v)
    }
}

/// Self's data and whether self is a bytearray.
pub(crate) fn self_data(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<(Vec<u8>, bool)> {
    if a.n == 0 {
        return Err(vm.type_error(format!("unbound method bytes.{fname}() needs an argument")));
    }
    let v = vm.arg(a, 0);
    match bytes_like(vm, v) {
        Some(d) => Ok((d, vm.is(v, Kind::ByteArray))),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{fname}' for 'bytes' objects doesn't apply to a '{tn}' object"
            )))
        }
    }
}

/// A new bytes or bytearray.
pub(crate) fn new_same(vm: &mut Vm, bytearray: bool, data: Vec<u8>) -> PyResult<Value> {
    if bytearray {
        vm.new_bytearray(data)
    } else {
        vm.new_bytes(&data)
    }
}

/// A bytes-like argument, with "a bytes-like object is required, not 'X'".
fn need_bytes(vm: &mut Vm, slot: usize) -> PyResult<Vec<u8>> {
    let v = vm.at(slot);
    match bytes_like(vm, v) {
        Some(d) => Ok(d),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// A sub-sequence argument of find/count/index: bytes-like or an int byte value.
fn sub_arg(vm: &mut Vm, slot: usize) -> PyResult<Vec<u8>> {
    let v = vm.at(slot);
    if let Some(d) = bytes_like(vm, v) {
        return Ok(d);
    }
    if vm.is_int(v) {
        return match vm.to_i64(v) {
            Some(b @ 0..=255) => Ok(vec![b as u8]),
            _ => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{tn}'"
    )))
}

// ---- find / count / startswith ----------------------------------------------------------------------

fn find_impl(vm: &mut Vm, a: &Args, fname: &str, rev: bool) -> PyResult<Option<usize>> {
    let (s, _) = self_data(vm, a, fname)?;
    let p = window_params(vm, a, fname, "sub")?;
    let sub = sub_arg(vm, p[0].unwrap_or(0))?;
    let start = opt_index(vm, p[1])?;
    let end = opt_index(vm, p[2])?;
    Ok(search::find::<Bytes>(&s, s.len(), &sub, start, end, rev))
}

fn find_result(vm: &mut Vm, r: Option<usize>, raise: bool) -> PyResult<Value> {
    match r {
        Some(i) => vm.new_int(i as i64),
        None if raise => Err(vm.value_error("subsection not found")),
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
    let (s, _) = self_data(vm, &a, "count")?;
    let p = window_params(vm, &a, "count", "sub")?;
    let sub = sub_arg(vm, p[0].unwrap_or(0))?;
    let start = opt_index(vm, p[1])?;
    let end = opt_index(vm, p[2])?;
    let n = search::count::<Bytes>(&s, s.len(), &sub, start, end);
    vm.new_int(n as i64)
}

fn affix_impl(vm: &mut Vm, a: &Args, fname: &str, end_side: bool) -> PyResult<Value> {
    let (s, _) = self_data(vm, a, fname)?;
    let p = window_params(vm, a, fname, "prefix")?;
    let pv = vm.at(p[0].unwrap_or(0));
    let vals: Vec<Value> = if vm.is(pv, Kind::Tuple) {
        vm.tuple_items(pv).to_vec()
    } else {
        vec![pv]
    };
    let mut cands = Vec::new();
    for v in vals {
        match bytes_like(vm, v) {
            Some(d) => cands.push(d),
            None => {
                let tn = vm.type_name(v);
                let msg = if vm.is(pv, Kind::Tuple) {
                    format!("a bytes-like object is required, not '{tn}'")
                } else {
                    format!("{fname} first arg must be bytes or a tuple of bytes, not {tn}")
                };
                return Err(vm.type_error(msg));
            }
        }
    }
    let start = opt_index(vm, p[1])?;
    let end = opt_index(vm, p[2])?;
    let cands = cands.iter().map(|c| c.as_slice());
    let hit = search::tailmatch::<Bytes>(&s, s.len(), start, end, cands, end_side);
    Ok(vm.bool_val(hit))
}

fn startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(vm, &a, "startswith", false)
}
fn endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(vm, &a, "endswith", true)
}

// ---- split / join ----------------------------------------------------------------------------------

/// The constructor of pieces of the type of self.
fn maker(ba: bool) -> &'static dyn Fn(&mut Vm, &[u8]) -> PyResult<Value> {
    if ba {
        &|vm, b| vm.new_bytearray(b.to_vec())
    } else {
        &|vm, b| vm.new_bytes(b)
    }
}

/// bytes.split / bytes.rsplit (`rev`): parses (sep, maxsplit) and builds the piece list.
fn split_impl(vm: &mut Vm, a: &Args, fname: &str, rev: bool) -> PyResult<Value> {
    let (s, ba) = self_data(vm, a, fname)?;
    let p = mparams(vm, a, fname, &["sep", "maxsplit"], 0, Style::Kw)?;
    let maxsplit = match p[1] {
        Some(slot) => ssize_arg(vm, slot)?,
        None => -1,
    };
    let sep = if is_none(vm, p[0]) {
        None
    } else {
        Some(need_bytes(vm, p[0].unwrap_or(0))?)
    };
    if sep.as_ref().is_some_and(|s| s.is_empty()) {
        return Err(vm.value_error("empty separator"));
    }
    let parts = split::split::<Bytes>(&s, sep.as_deref(), maxsplit, rev);
    pieces(vm, &s, &parts, false, maker(ba))
}

fn split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    split_impl(vm, &a, "split", false)
}

fn rsplit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    split_impl(vm, &a, "rsplit", true)
}

fn splitlines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, ba) = self_data(vm, &a, "splitlines")?;
    let p = mparams(vm, &a, "splitlines", &["keepends"], 0, Style::Kw)?;
    let keep = match p[0] {
        Some(slot) => vm.truthy(vm.at(slot))?,
        None => false,
    };
    let parts = split::splitlines::<Bytes>(&s, keep);
    pieces(vm, &s, &parts, false, maker(ba))
}

fn join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (sep, ba) = self_data(vm, &a, "join")?;
    let p = mparams(vm, &a, "join", &["iterable_of_bytes"], 1, Style::One)?;
    let l = vm.to_list(vm.at(p[0].unwrap_or(0)))?;
    let mut parts = Vec::new();
    for (i, &x) in vm.list_items(l).iter().enumerate() {
        if let Some(b) = vm.boxed_base(x).filter(|&b| vm.is(b, Kind::Bytes)) {
            parts.push(vm.bytes_of(b));
        } else if vm.is(x, Kind::Bytes) {
            parts.push(vm.bytes_of(x));
        } else if vm.is(x, Kind::ByteArray) {
            parts.push(vm.bytearray(x).as_slice());
        } else {
            let tn = vm.type_name(x);
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {tn} found"
            )));
        }
    }
    match join::join(&sep, &parts, "join() result is too long") {
        Ok(out) => new_same(vm, ba, out),
        Err(e) => Err(e.raise(vm)),
    }
}

// ---- strip / replace / partition -------------------------------------------------------------------

fn strip_impl(vm: &mut Vm, a: &Args, fname: &str, left: bool, right: bool) -> PyResult<Value> {
    let (s, ba) = self_data(vm, a, fname)?;
    let p = mparams(vm, a, fname, &["bytes"], 0, Style::Clinic)?;
    let set = if is_none(vm, p[0]) {
        None
    } else {
        Some(need_bytes(vm, p[0].unwrap_or(0))?)
    };
    let t = &s[strip::strip::<Bytes>(&s, set.as_deref(), left, right)];
    if t.len() == s.len() && !ba {
        return Ok(vm.arg(a, 0));
    }
    new_same(vm, ba, t.to_vec())
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
    let (s, ba) = self_data(vm, &a, "replace")?;
    let p = mparams(
        vm,
        &a,
        "replace",
        &["old", "new", "count"],
        2,
        Style::Clinic,
    )?;
    let old = need_bytes(vm, p[0].unwrap_or(0))?;
    let new = need_bytes(vm, p[1].unwrap_or(0))?;
    let count = match p[2] {
        Some(slot) => ssize_arg(vm, slot)?,
        None => -1,
    };
    match replace::replace::<Bytes>(&s, &old, &new, count, "replace bytes is too long") {
        Ok(r) => new_same(vm, ba, r.unwrap_or(s)),
        Err(e) => Err(e.raise(vm)),
    }
}

fn partition_impl(vm: &mut Vm, a: &Args, fname: &str, rev: bool) -> PyResult<Value> {
    let (s, ba) = self_data(vm, a, fname)?;
    let p = mparams(vm, a, fname, &["sep"], 1, Style::One)?;
    let sep = need_bytes(vm, p[0].unwrap_or(0))?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let parts = split::partition(&s, &sep, rev);
    pieces(vm, &s, &parts, true, maker(ba))
}

fn partition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, &a, "partition", false)
}
fn rpartition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, &a, "rpartition", true)
}

fn remove_affix(vm: &mut Vm, a: &Args, fname: &str, suffix: bool) -> PyResult<Value> {
    let (s, ba) = self_data(vm, a, fname)?;
    let p = mparams(vm, a, fname, &["affix"], 1, Style::One)?;
    let x = need_bytes(vm, p[0].unwrap_or(0))?;
    let r = if suffix {
        s.strip_suffix(x.as_slice())
    } else {
        s.strip_prefix(x.as_slice())
    };
    match r {
        Some(t) => new_same(vm, ba, t.to_vec()),
        None => new_same(vm, ba, s.clone()),
    }
}

fn removeprefix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, &a, "removeprefix", false)
}
fn removesuffix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    remove_affix(vm, &a, "removesuffix", true)
}

// ---- ASCII case mapping and predicates -------------------------------------------------------------

fn map_bytes(vm: &mut Vm, a: &Args, fname: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (s, ba) = self_data(vm, a, fname)?;
    if a.n > 1 {
        return Err(vm.type_error(format!(
            "bytes.{fname}() takes no arguments ({} given)",
            a.n - 1
        )));
    }
    new_same(vm, ba, f(&s))
}

fn upper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, &a, "upper", |s| s.to_ascii_uppercase())
}
fn lower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, &a, "lower", |s| s.to_ascii_lowercase())
}
fn swapcase(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, &a, "swapcase", |s| {
        s.iter()
            .map(|&b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            })
            .collect()
    })
}
fn capitalize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, &a, "capitalize", |s| {
        s.iter()
            .enumerate()
            .map(|(i, &b)| {
                if i == 0 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn title(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, &a, "title", |s| {
        let mut prev = false;
        s.iter()
            .map(|&b| {
                let r = if prev {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev = b.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred_bytes(vm: &mut Vm, a: &Args, fname: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (s, _) = self_data(vm, a, fname)?;
    Ok(vm.bool_val(f(&s)))
}

fn isdigit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred_bytes(vm, &a, "isdigit", |s| {
        !s.is_empty() && s.iter().all(|b| b.is_ascii_digit())
    })
}
fn isalpha(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred_bytes(vm, &a, "isalpha", |s| {
        !s.is_empty() && s.iter().all(|b| b.is_ascii_alphabetic())
    })
}
fn isalnum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred_bytes(vm, &a, "isalnum", |s| {
        !s.is_empty() && s.iter().all(|b| b.is_ascii_alphanumeric())
    })
}
fn isspace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred_bytes(vm, &a, "isspace", |s| {
        !s.is_empty() && s.iter().all(|&b| Bytes::is_space(b as u32))
    })
}
fn isupper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred_bytes(vm, &a, "isupper", |s| {
        s.iter().any(|b| b.is_ascii_uppercase()) && !s.iter().any(|b| b.is_ascii_lowercase())
    })
}
fn islower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred_bytes(vm, &a, "islower", |s| {
        s.iter().any(|b| b.is_ascii_lowercase()) && !s.iter().any(|b| b.is_ascii_uppercase())
    })
}
fn isascii(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred_bytes(vm, &a, "isascii", |s| s.is_ascii())
}

// ---- padding ---------------------------------------------------------------------------------------

fn pad_impl(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Value> {
    let (s, ba) = self_data(vm, a, fname)?;
    let p = mparams(vm, a, fname, &["width", "fillchar"], 1, Style::Clinic)?;
    let width = ssize_arg(vm, p[0].unwrap_or(0))?;
    let fill = match p[1] {
        None => b' ',
        Some(slot) => match bytes_like(vm, vm.at(slot)) {
            Some(d) if d.len() == 1 => d[0],
            _ => {
                let tn = vm.type_name(vm.at(slot));
                return Err(vm.type_error(format!(
                    "{fname}() argument 2 must be a byte string of length 1, not {tn}"
                )));
            }
        },
    };
    let r = pad::pad(&s, s.len(), width, &[fill], pad::Align::of(fname));
    sized(vm, ba, s, r)
}

/// The result of a stringlib call that returns a new buffer or None (unchanged: a copy of `s`).
fn sized(
    vm: &mut Vm,
    ba: bool,
    s: Vec<u8>,
    r: Result<Option<Vec<u8>>, SizeError>,
) -> PyResult<Value> {
    match r {
        Ok(out) => new_same(vm, ba, out.unwrap_or(s)),
        Err(e) => Err(e.raise(vm)),
    }
}

fn zfill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, ba) = self_data(vm, &a, "zfill")?;
    let p = mparams(vm, &a, "zfill", &["width"], 1, Style::One)?;
    let width = ssize_arg(vm, p[0].unwrap_or(0))?;
    let r = pad::zfill(&s, s.len(), width);
    sized(vm, ba, s, r)
}

fn expandtabs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, ba) = self_data(vm, &a, "expandtabs")?;
    let tab = tabsize_arg(vm, &a)?;
    let r = pad::expandtabs::<Bytes>(&s, tab, "result too long").map(Some);
    sized(vm, ba, Vec::new(), r)
}

fn center(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, &a, "center")
}
fn ljust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, &a, "ljust")
}
fn rjust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, &a, "rjust")
}
