//! `__new__` constructors of the builtin types: str, bytes, bytearray, tuple, list, dict, set,
//! frozenset, range, slice (object, type and friends live in vm/builtins_setup.rs; int, float and bool
//! in their objects/ modules).
//! `call_type` passes the type itself as argument 0, so user arguments start at index 1.

use super::functions::{index_bigint, no_kwargs, scoped};
use crate::obj::layout::*;
use crate::objects::args::{at_most, pin_kwnames, uarg};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_traits::{ToPrimitive, Zero};

pub fn install(vm: &mut Vm) {
    let ctors: &[(&str, NativeFn)] = &[
        ("str", str_new),
        ("bytes", bytes_new),
        ("bytearray", bytearray_new),
        ("tuple", tuple_new),
        ("list", list_new),
        ("dict", dict_new),
        ("set", set_new),
        ("frozenset", frozenset_new),
        ("range", range_new),
        ("slice", slice_new),
    ];
    for (t, f) in ctors {
        vm.add_method(t, "__new__", *f);
    }
}

// ---- str, bytes, bytearray -------------------------------------------------------------------------

fn str_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    vm.check_kwargs(&a, "str", &["object", "encoding", "errors"])?;
    if a.n - 1 > 3 {
        return Err(vm.type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            a.n - 1
        )));
    }
    let enc = uarg(vm, &a, 1, "encoding");
    let errors = uarg(vm, &a, 2, "errors");
    let Some(x) = uarg(vm, &a, 0, "object") else {
        return vm.new_str("");
    };
    if enc.is_none() && errors.is_none() {
        return vm.str_value(x);
    }
    let enc = str_param(vm, enc, "str", "encoding", "utf-8")?;
    let errors = str_param(vm, errors, "str", "errors", "strict")?;
    let x = uarg(vm, &a, 0, "object").unwrap_or(Value::NULL);
    let data = if vm.is(x, Kind::Bytes) {
        vm.bytes_of(x).to_vec()
    } else if vm.is(x, Kind::ByteArray) {
        vm.bytearray_mut(x).clone()
    } else {
        let tn = vm.type_name(x);
        let msg = if vm.is(x, Kind::Str) {
            "decoding str is not supported".to_string()
        } else {
            format!("decoding to str: need a bytes-like object, {tn} found")
        };
        return Err(vm.type_error(msg));
    };
    let s = decode(vm, &data, &enc, &errors)?;
    vm.new_str(&s)
}

/// An optional str parameter (encoding/errors) with its default.
fn str_param(
    vm: &mut Vm,
    v: Option<Value>,
    fname: &str,
    what: &str,
    dflt: &str,
) -> PyResult<String> {
    match v {
        None => Ok(dflt.to_string()),
        Some(v) if vm.is(v, Kind::Str) => Ok(vm.str_of(v).to_string()),
        Some(v) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{fname}() argument '{what}' must be str, not {tn}")))
        }
    }
}

/// Canonical codec name, or None if unknown.
fn codec(enc: &str) -> Option<&'static str> {
    match enc.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" | "u8" => Some("utf-8"),
        "ascii" | "us-ascii" => Some("ascii"),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => Some("latin-1"),
        _ => None,
    }
}

fn unknown_codec(vm: &mut Vm, enc: &str) -> crate::vm::Exc {
    vm.raise("LookupError", &format!("unknown encoding: {enc}"))
}

/// Decodes bytes with utf-8/ascii/latin-1 and errors strict/replace/ignore.
pub fn decode(vm: &mut Vm, data: &[u8], enc: &str, errors: &str) -> PyResult<String> {
    let Some(c) = codec(enc) else {
        return Err(unknown_codec(vm, enc));
    };
    match c {
        "latin-1" => Ok(data.iter().map(|&b| b as char).collect()),
        "ascii" => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    match errors {
                        "replace" => out.push('\u{fffd}'),
                        "ignore" => {}
                        _ => {
                            let msg = format!("'ascii' codec can't decode byte {b:#04x} in position {i}: ordinal not in range(128)");
                            return Err(vm.raise("UnicodeDecodeError", &msg));
                        }
                    }
                }
            }
            Ok(out)
        }
        _ => decode_utf8(vm, data, errors),
    }
}

fn decode_utf8(vm: &mut Vm, data: &[u8], errors: &str) -> PyResult<String> {
    match std::str::from_utf8(data) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => match errors {
            "replace" => Ok(String::from_utf8_lossy(data).into_owned()),
            "ignore" => Ok(String::from_utf8_lossy(data).replace('\u{fffd}', "")),
            _ => {
                let pos = e.valid_up_to();
                let b = data[pos];
                let why = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0x80..0xc0).contains(&b) || b >= 0xf8 => "invalid start byte",
                    Some(_) => "invalid continuation byte",
                };
                let msg =
                    format!("'utf-8' codec can't decode byte {b:#04x} in position {pos}: {why}");
                Err(vm.raise("UnicodeDecodeError", &msg))
            }
        },
    }
}

/// Encodes a str with utf-8/ascii/latin-1 and errors strict/replace/ignore.
pub fn encode(vm: &mut Vm, s: &str, enc: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(c) = codec(enc) else {
        return Err(unknown_codec(vm, enc));
    };
    let limit = match c {
        "utf-8" => return Ok(s.as_bytes().to_vec()),
        "ascii" => 0x80u32,
        _ => 0x100u32,
    };
    let mut out = Vec::with_capacity(s.len());
    for (i, ch) in s.chars().enumerate() {
        if (ch as u32) < limit {
            out.push(ch as u32 as u8);
        } else {
            match errors {
                "replace" => out.push(b'?'),
                "ignore" => {}
                _ => {
                    let shown = match ch as u32 {
                        n if n < 0x100 => format!("\\x{n:02x}"),
                        n if n < 0x10000 => format!("\\u{n:04x}"),
                        n => format!("\\U{n:08x}"),
                    };
                    let msg = format!("'{c}' codec can't encode character '{shown}' in position {i}: ordinal not in range({limit})");
                    return Err(vm.raise("UnicodeEncodeError", &msg));
                }
            }
        }
    }
    Ok(out)
}

/// The byte contents for bytes(...)/bytearray(...) arguments.
fn bytes_data(vm: &mut Vm, a: &Args, tname: &str) -> PyResult<Vec<u8>> {
    vm.check_kwargs(a, tname, &["source", "encoding", "errors"])?;
    if a.n - 1 > 3 {
        return Err(vm.type_error(format!(
            "{tname}() takes at most 3 arguments ({} given)",
            a.n - 1
        )));
    }
    let enc = uarg(vm, a, 1, "encoding");
    let errors = uarg(vm, a, 2, "errors");
    let Some(x) = uarg(vm, a, 0, "source") else {
        if enc.is_some() || errors.is_some() {
            let what = if enc.is_some() { "encoding" } else { "errors" };
            return Err(vm.type_error(format!("{what} without a string argument")));
        }
        return Ok(Vec::new());
    };
    if vm.is(x, Kind::Str) {
        let Some(e) = enc else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let enc = str_param(vm, Some(e), tname, "encoding", "utf-8")?;
        let errors = str_param(vm, errors, tname, "errors", "strict")?;
        let s = vm.str_of(uarg(vm, a, 0, "source").unwrap_or(x)).to_string();
        return encode(vm, &s, &enc, &errors);
    }
    if enc.is_some() || errors.is_some() {
        let what = if enc.is_some() { "encoding" } else { "errors" };
        return Err(vm.type_error(format!("{what} without a string argument")));
    }
    bytes_from_object(vm, x)
}

/// bytes(x) for a non-str x: size, buffer, __bytes__ or iterable of ints.
pub fn bytes_from_object(vm: &mut Vm, x: Value) -> PyResult<Vec<u8>> {
    if vm.is(x, Kind::Bytes) {
        return Ok(vm.bytes_of(x).to_vec());
    }
    if vm.is(x, Kind::ByteArray) {
        return Ok(vm.bytearray_mut(x).clone());
    }
    if vm.is_int(x) {
        let n = vm.to_i64(x);
        return match n {
            Some(n) if n < 0 => Err(vm.value_error("negative count")),
            Some(n) if n <= (1 << 40) => Ok(vec![0u8; n as usize]),
            _ => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
    }
    if x.is_ptr() && matches!(vm.kind(x), Kind::Instance | Kind::Foreign) {
        if let Some(f) = vm.special(x, "__bytes__") {
            let r = vm.call(f, &[x])?;
            if !vm.is(r, Kind::Bytes) {
                let tn = vm.type_name(r);
                return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")));
            }
            return Ok(vm.bytes_of(r).to_vec());
        }
        if vm.special(x, "__index__").is_some() {
            let n = index_bigint(vm, x)?;
            return match n.to_i64() {
                Some(n) if n < 0 => Err(vm.value_error("negative count")),
                Some(n) if n <= (1 << 40) => Ok(vec![0u8; n as usize]),
                _ => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
            };
        }
    }
    let is_iterable = x.is_ptr()
        && (matches!(
            vm.kind(x),
            Kind::List
                | Kind::Tuple
                | Kind::Dict
                | Kind::Set
                | Kind::FrozenSet
                | Kind::Range
                | Kind::Generator
        ) || vm.special(x, "__iter__").is_some()
            || vm.special(x, "__getitem__").is_some());
    if !is_iterable {
        let tn = vm.type_name(x);
        return Err(vm.type_error(format!("cannot convert '{tn}' object to bytes")));
    }
    let it = vm.get_iter(x)?;
    scoped(vm, |vm, base| {
        vm.push(it);
        let mut out = Vec::new();
        while let Some(v) = vm.next(vm.at(base))? {
            let n = index_bigint(vm, v)?;
            match n.to_u8() {
                Some(b) => out.push(b),
                None => return Err(vm.value_error("bytes must be in range(0, 256)")),
            }
        }
        Ok(out)
    })
}

fn bytes_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    if a.n == 2 && vm.is(vm.arg(&a, 1), Kind::Bytes) && vm.npos(&a) == 2 {
        return Ok(vm.arg(&a, 1));
    }
    let d = bytes_data(vm, &a, "bytes")?;
    vm.new_bytes(&d)
}

fn bytearray_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    let d = bytes_data(vm, &a, "bytearray")?;
    vm.new_bytearray(d)
}

// ---- containers ---------------------------------------------------------------------------------------

fn tuple_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "tuple")?;
    at_most(vm, &a, "tuple", 1)?;
    match uarg(vm, &a, 0, "") {
        None => Ok(vm.named(crate::vm::Named::EmptyTuple)),
        Some(x) => vm.to_tuple(x),
    }
}

fn list_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "list")?;
    at_most(vm, &a, "list", 1)?;
    match uarg(vm, &a, 0, "") {
        None => vm.new_list(),
        Some(x) => vm.to_list(x),
    }
}

fn dict_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    at_most(vm, &a, "dict", 1)?;
    scoped(vm, |vm, base| {
        let d = vm.new_dict()?;
        vm.push(d);
        if let Some(src) = uarg(vm, &a, 0, "") {
            vm.push(src);
            dict_update(vm, base, base + 1)?;
        }
        let npos = vm.npos(&a);
        for j in 0..a.n - npos {
            let k = vm.tuple_items(a.kwnames)[j];
            let v = vm.arg(&a, npos + j);
            vm.dict_set(vm.at(base), k, v)?;
        }
        Ok(vm.at(base))
    })
}

/// dict at `dslot` updated from the mapping or iterable of pairs at `srcslot` (CPython's messages).
pub fn dict_update(vm: &mut Vm, dslot: usize, srcslot: usize) -> PyResult<()> {
    let src = vm.at(srcslot);
    if vm.is(src, Kind::Dict)
        || (src.is_ptr() && vm.is(src, Kind::Instance) && vm.special(src, "keys").is_some())
    {
        return vm.dict_update_from(dslot, srcslot);
    }
    let it = vm.get_iter(src)?;
    scoped(vm, |vm, base| {
        vm.push(it);
        let mut i = 0usize;
        while let Some(item) = vm.next(vm.at(base))? {
            vm.push(item);
            let iterable = item.is_ptr()
                && (matches!(
                    vm.kind(item),
                    Kind::List
                        | Kind::Tuple
                        | Kind::Str
                        | Kind::Bytes
                        | Kind::Dict
                        | Kind::Set
                        | Kind::FrozenSet
                        | Kind::Generator
                        | Kind::Range
                ) || vm.special(item, "__iter__").is_some());
            if !iterable {
                return Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )));
            }
            let l = vm.to_list(item)?;
            let n = vm.list_len(l);
            if n != 2 {
                return Err(vm.value_error(format!(
                    "dictionary update sequence element #{i} has length {n}; 2 is required"
                )));
            }
            let (k, v) = (vm.list_items(l)[0], vm.list_items(l)[1]);
            vm.dict_set(vm.at(dslot), k, v)?;
            vm.truncate(base + 1);
            i += 1;
        }
        Ok(())
    })
}

fn set_like(vm: &mut Vm, a: Args, kind: Kind, tname: &str) -> PyResult<Value> {
    no_kwargs(vm, &a, tname)?;
    at_most(vm, &a, tname, 1)?;
    if kind == Kind::FrozenSet {
        if let Some(x) = uarg(vm, &a, 0, "") {
            if vm.is(x, Kind::FrozenSet) {
                return Ok(x);
            }
        }
    }
    scoped(vm, |vm, base| {
        let s = vm.new_dict_kind(kind)?;
        vm.push(s);
        if let Some(x) = uarg(vm, &a, 0, "") {
            vm.push(x);
            vm.set_update(base, base + 1)?;
        }
        Ok(vm.at(base))
    })
}

fn set_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_like(vm, a, Kind::Set, "set")
}
fn frozenset_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_like(vm, a, Kind::FrozenSet, "frozenset")
}

// ---- range and slice ------------------------------------------------------------------------------

/// A range object from three int values on the stack at `base..base+3` (not popped).
fn range_from_slots(vm: &mut Vm, base: usize) -> PyResult<Value> {
    let r = vm.alloc(Kind::Range, 0)?;
    // SAFETY: r was just allocated as a Range and the three ints are read from the stack after that
    // allocation; no GC point before the stores.
    unsafe {
        let p = vm.payload::<RangeObj>(r);
        (*p).start = vm.at(base);
        (*p).stop = vm.at(base + 1);
        (*p).step = vm.at(base + 2);
    }
    Ok(r)
}

fn range_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "range")?;
    let n = a.n - 1;
    if n == 0 || n > 3 {
        let msg = if n == 0 {
            "range expected at least 1 argument, got 0".to_string()
        } else {
            format!("range expected at most 3 arguments, got {n}")
        };
        return Err(vm.type_error(msg));
    }
    scoped(vm, |vm, base| {
        for i in 0..n {
            let v = index_bigint(vm, vm.arg(&a, i + 1))?;
            let v = vm.new_bigint(v)?;
            vm.push(v);
        }
        if n == 1 {
            let stop = vm.at(base);
            vm.set_at(base, Value::from_int(0).unwrap());
            vm.push(stop);
        }
        if n < 3 {
            vm.push(Value::from_int(1).unwrap());
        }
        let step = vm.at(base + 2);
        if step == Value::from_int(0).unwrap() || vm.to_bigint(step).is_some_and(|s| s.is_zero()) {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        range_from_slots(vm, base)
    })
}

fn slice_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "slice")?;
    let n = a.n - 1;
    if n == 0 || n > 3 {
        let msg = if n == 0 {
            "slice expected at least 1 argument, got 0".to_string()
        } else {
            format!("slice expected at most 3 arguments, got {n}")
        };
        return Err(vm.type_error(msg));
    }
    let none = vm.none();
    let (start, stop, step) = match n {
        1 => (none, vm.arg(&a, 1), none),
        2 => (vm.arg(&a, 1), vm.arg(&a, 2), none),
        _ => (vm.arg(&a, 1), vm.arg(&a, 2), vm.arg(&a, 3)),
    };
    vm.push(start);
    vm.push(stop);
    vm.push(step);
    vm.new_slice_from_stack()
}
