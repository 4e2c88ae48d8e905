//! `__new__` constructors of the builtin types: int, float, str, bytes, bytearray, bool, tuple, list,
//! dict, set, frozenset, range, slice (object, type and friends live in vm/builtins_setup.rs).
//! `call_type` passes the type itself as argument 0, so user arguments start at index 1.
//! Also the str -> int / str -> float parsers with CPython's syntax and error messages.

use super::functions::{float_to_int, index_bigint, no_kwargs, pin_kwnames, scoped};
use super::str_methods::args::count_error;
use crate::obj::layout::*;
use crate::vm::repr::str_repr;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

pub fn install(vm: &mut Vm) {
    let ctors: &[(&str, NativeFn)] = &[
        ("int", int_new),
        ("float", float_new),
        ("str", str_new),
        ("bytes", bytes_new),
        ("bytearray", bytearray_new),
        ("bool", bool_new),
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

/// User positional arguments (after the type).
fn user_npos(vm: &Vm, a: &Args) -> usize {
    vm.npos(a).saturating_sub(1)
}

/// User positional argument i, else keyword `name` (empty name: positional only).
fn uarg(vm: &Vm, a: &Args, i: usize, name: &str) -> Option<Value> {
    if i < user_npos(vm, a) {
        Some(vm.arg(a, i + 1))
    } else if name.is_empty() {
        None
    } else {
        vm.kwarg(a, name)
    }
}

/// `T expected at most N argument(s), got n` for constructors taking at most `max` positionals.
fn at_most(vm: &mut Vm, a: &Args, tname: &str, max: usize) -> PyResult<()> {
    match count_error(tname, 0, max, user_npos(vm, a)) {
        Some(msg) => Err(vm.type_error(msg)),
        None => Ok(()),
    }
}

// ---- int -----------------------------------------------------------------------------------------

fn int_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    vm.check_kwargs(&a, "int", &["base"])?;
    if a.n - 1 > 2 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.n - 1
        )));
    }
    let base = uarg(vm, &a, 1, "base");
    let Some(x) = uarg(vm, &a, 0, "") else {
        if base.is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::from_int(0).unwrap());
    };
    match base {
        None => int_from_value(vm, x),
        Some(b) => {
            let b = index_bigint(vm, b)?;
            let b = b.to_u32().filter(|&b| b == 0 || (2..=36).contains(&b));
            let Some(b) = b else {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            };
            let x = uarg(vm, &a, 0, "").unwrap_or(Value::NULL);
            match text_of(vm, x) {
                Some(s) => parse_int_or_raise(vm, &s, b),
                None => Err(vm.type_error("int() can't convert non-string with explicit base")),
            }
        }
    }
}

/// The text of a str, bytes or bytearray (bytes decoded as Latin-1 so errors show the bytes).
fn text_of(vm: &Vm, v: Value) -> Option<String> {
    if vm.is(v, Kind::Str) {
        Some(vm.str_of(v).to_string())
    } else if vm.is(v, Kind::Bytes) {
        Some(vm.bytes_of(v).iter().map(|&b| b as char).collect())
    } else if vm.is(v, Kind::ByteArray) {
        Some(vm.bytearray(v).iter().map(|&b| b as char).collect())
    } else {
        None
    }
}

/// int(x) for one argument.
pub fn int_from_value(vm: &mut Vm, x: Value) -> PyResult<Value> {
    if x.is_int() {
        return Ok(x);
    }
    match vm.kind(x) {
        Kind::BigInt => return Ok(x),
        Kind::Bool => return Ok(Value::from_int(vm.to_i64(x).unwrap_or(0)).unwrap()),
        Kind::Float => return float_to_int(vm, vm.float_val(x).trunc()),
        Kind::Str | Kind::Bytes | Kind::ByteArray => {
            let s = text_of(vm, x).unwrap_or_default();
            if vm.is(x, Kind::Str) {
                return parse_int_or_raise(vm, &s, 10);
            }
            // CPython shows bytes in the message as their repr
            let shown = vm.repr_string(x)?;
            return match parse_int(&s, 10) {
                Some(n) => vm.new_bigint(n),
                None => {
                    Err(vm.value_error(format!("invalid literal for int() with base 10: {shown}")))
                }
            };
        }
        _ => {}
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(f) = vm.special(x, name) {
            let r = vm.call(f, &[x])?;
            if !vm.is_int(r) {
                let tn = vm.type_name(r);
                return Err(vm.type_error(format!("{name} returned non-int (type {tn})")));
            }
            return int_from_value(vm, r);
        }
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{tn}'"
    )))
}

fn parse_int_or_raise(vm: &mut Vm, s: &str, base: u32) -> PyResult<Value> {
    match parse_int(s, base) {
        Some(n) => vm.new_bigint(n),
        None => Err(vm.value_error(format!(
            "invalid literal for int() with base {base}: {}",
            str_repr(s)
        ))),
    }
}

/// Code points of the Unicode decimal digit zeros (category Nd) outside ASCII; each starts a run of 10.
const DIGIT_ZEROS: &[u32] = &[
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// Replaces non-ASCII Unicode decimal digits by ASCII ones (int() and float() accept them).
fn ascii_digits(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    let map = |c: char| -> char {
        let cp = c as u32;
        let i = DIGIT_ZEROS.partition_point(|&z| z <= cp);
        match i.checked_sub(1).map(|j| DIGIT_ZEROS[j]) {
            Some(z) if cp - z < 10 => char::from(b'0' + (cp - z) as u8),
            _ => c,
        }
    };
    std::borrow::Cow::Owned(s.chars().map(map).collect())
}

/// Parses an int literal like CPython's int(s, base): whitespace, sign, prefixes, underscores.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let s = ascii_digits(s);
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower.as_deref() {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let base0 = base == 0;
    let (base, digits, had_prefix) = match (base, prefix_base) {
        (0, Some(pb)) => (pb, &t[2..], true),
        (0, None) => (10, t, false),
        (b, Some(pb)) if b == pb => (b, &t[2..], true),
        (b, _) => (b, t, false),
    };
    let clean = strip_underscores(digits, had_prefix)?;
    if clean.is_empty() || !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    // base 0 without prefix: no leading zeros unless the value is zero
    if base0
        && !had_prefix
        && clean.len() > 1
        && clean.starts_with('0')
        && clean.chars().any(|c| c != '0')
    {
        return None;
    }
    let n = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -n } else { n })
}

/// Removes single underscores between digits (one may follow a base prefix); None if misplaced.
fn strip_underscores(d: &str, after_prefix: bool) -> Option<String> {
    let mut out = String::with_capacity(d.len());
    let mut prev_us = !after_prefix;
    let mut first = true;
    for c in d.chars() {
        if c == '_' {
            if prev_us || (first && !after_prefix) {
                return None;
            }
            prev_us = true;
        } else {
            prev_us = false;
            out.push(c);
        }
        first = false;
    }
    if prev_us && !d.is_empty() {
        return None;
    }
    Some(out)
}

// ---- float ---------------------------------------------------------------------------------------

fn float_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "float")?;
    at_most(vm, &a, "float", 1)?;
    let Some(x) = uarg(vm, &a, 0, "") else {
        return vm.new_float(0.0);
    };
    float_from_value(vm, x)
}

/// float(x) for one argument.
pub fn float_from_value(vm: &mut Vm, x: Value) -> PyResult<Value> {
    if vm.is(x, Kind::Float) {
        return Ok(x);
    }
    if let Some(n) = vm.to_bigint(x) {
        return match n.to_f64() {
            Some(f) if f.is_finite() => vm.new_float(f),
            _ => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    if let Some(s) = text_of(vm, x) {
        return match parse_float(&s) {
            Some(f) => vm.new_float(f),
            None => {
                let shown = if vm.is(x, Kind::Str) {
                    str_repr(&s)
                } else {
                    vm.repr_string(x)?
                };
                Err(vm.value_error(format!("could not convert string to float: {shown}")))
            }
        };
    }
    if let Some(f) = vm.special(x, "__float__") {
        let xt = vm.type_name(x);
        let r = vm.call(f, &[x])?;
        if !vm.is(r, Kind::Float) {
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!("{xt}.__float__ returned non-float (type {tn})")));
        }
        return Ok(r);
    }
    if vm.special(x, "__index__").is_some() {
        let n = index_bigint(vm, x)?;
        return match n.to_f64() {
            Some(f) if f.is_finite() => vm.new_float(f),
            _ => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{tn}'"
    )))
}

/// Parses a float literal like CPython's float(s): whitespace, sign, inf/nan, exponents, underscores.
pub fn parse_float(s: &str) -> Option<f64> {
    let s = ascii_digits(s);
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => parse_finite(body)?,
    };
    Some(if neg { -v } else { v })
}

/// digits [. digits] [e [sign] digits], with single underscores between digits.
fn parse_finite(b: &str) -> Option<f64> {
    let bytes = b.as_bytes();
    let mut clean = String::with_capacity(b.len());
    let mut i = 0;
    let take_digits = |i: &mut usize, out: &mut String| -> Option<usize> {
        let start = *i;
        let mut n = 0;
        while *i < bytes.len() {
            let c = bytes[*i];
            if c.is_ascii_digit() {
                out.push(c as char);
                n += 1;
            } else if c == b'_' {
                let ok = *i > start
                    && *i + 1 < bytes.len()
                    && bytes[*i - 1].is_ascii_digit()
                    && bytes[*i + 1].is_ascii_digit();
                if !ok {
                    return None;
                }
            } else {
                break;
            }
            *i += 1;
        }
        Some(n)
    };
    let int_digits = take_digits(&mut i, &mut clean)?;
    let mut frac_digits = 0;
    if i < bytes.len() && bytes[i] == b'.' {
        clean.push('.');
        i += 1;
        frac_digits = take_digits(&mut i, &mut clean)?;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        clean.push('e');
        i += 1;
        if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
            clean.push(bytes[i] as char);
            i += 1;
        }
        if take_digits(&mut i, &mut clean)? == 0 {
            return None;
        }
    }
    if i != bytes.len() {
        return None;
    }
    clean.parse::<f64>().ok()
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

// ---- bool and containers ---------------------------------------------------------------------------

fn bool_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "bool")?;
    at_most(vm, &a, "bool", 1)?;
    match uarg(vm, &a, 0, "") {
        None => Ok(vm.bool_val(false)),
        Some(x) => {
            let b = vm.truthy(x)?;
            Ok(vm.bool_val(b))
        }
    }
}

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
