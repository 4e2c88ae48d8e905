//! int's methods (bit_length, bit_count, to_bytes, from_bytes, conjugate, as_integer_ratio) and its
//! constructor `int(x)` / `int(s, base)`, with the str -> int parser (CPython's syntax and messages;
//! `text_of` and `ascii_digits` are shared with float's parser).
//!
//! GC: natives re-read their arguments with `vm.arg` after a GC point (see objects/args.rs).

use super::storage::index_bigint;
use crate::obj::layout::*;
use crate::objects::args::{
    add_classmethod, bind_params, check_method, check_self, index_arg, pin_kwnames, uarg, Arity,
};
use crate::objects::float::float_to_int;
use crate::vm::repr::str_repr;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

pub fn install(vm: &mut Vm) {
    vm.add_method("int", "__new__", |vm, a| {
        vm.finish_new(a, Kind::BigInt, int_new)
    });
    vm.add_method("int", "bit_length", int_bit_length);
    vm.add_method("int", "bit_count", int_bit_count);
    vm.add_method("int", "to_bytes", int_to_bytes);
    vm.add_method("int", "conjugate", int_conjugate);
    vm.add_method("int", "as_integer_ratio", int_as_integer_ratio);
    add_classmethod(vm, "int", "from_bytes", int_from_bytes);
}

fn int_self(vm: &mut Vm, a: &Args, name: &str) -> PyResult<BigInt> {
    check_method(vm, a, "int", name, &[Kind::BigInt], Arity::NoArgs)?;
    Ok(vm.to_bigint(vm.arg(a, 0)).unwrap_or_default())
}

fn int_bit_length(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = int_self(vm, &a, "bit_length")?;
    vm.new_int(n.bits() as i64)
}

fn int_bit_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = int_self(vm, &a, "bit_count")?;
    let ones: u32 = n
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones())
        .sum();
    vm.new_int(ones as i64)
}

fn int_conjugate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = int_self(vm, &a, "conjugate")?;
    vm.new_bigint(n)
}

fn int_as_integer_ratio(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = int_self(vm, &a, "as_integer_ratio")?;
    let v = vm.new_bigint(n)?;
    vm.push(v);
    vm.push(Value::from_int(1).unwrap());
    vm.new_tuple_from_stack(2)
}

/// The `byteorder` argument: true for little-endian.
fn byteorder_arg(vm: &mut Vm, slot: Option<usize>, fname: &str) -> PyResult<bool> {
    let Some(s) = slot else { return Ok(false) };
    let v = vm.at(s);
    if !vm.is(v, Kind::Str) {
        let tn = vm.arg_type_name(v);
        return Err(vm.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {tn}"
        )));
    }
    match vm.str_of(v) {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn signed_arg(vm: &mut Vm, slot: Option<usize>) -> PyResult<bool> {
    match slot {
        Some(s) => vm.truthy(vm.at(s)),
        None => Ok(false),
    }
}

/// int.to_bytes(length=1, byteorder='big', *, signed=False)
fn int_to_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, "int", "to_bytes", &[Kind::BigInt])?;
    let p = bind_params(vm, &a, "to_bytes", &["length", "byteorder", "signed"], 2)?;
    let length = match p[0] {
        Some(s) => index_arg(vm, vm.at(s))?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder_arg(vm, p[1], "to_bytes")?;
    let signed = signed_arg(vm, p[2])?;
    let n = vm.to_bigint(vm.arg(&a, 0)).unwrap_or_default();
    if n.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if n.is_zero() {
        vec![]
    } else if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if bytes.len() > length as usize {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    // A failed allocation aborts: reserve fallibly (CPython's MemoryError for huge lengths).
    if bytes
        .try_reserve_exact(length as usize - bytes.len())
        .is_err()
    {
        return Err(vm.memory_error());
    }
    bytes.resize(length as usize, fill);
    if !little {
        bytes.reverse();
    }
    vm.new_bytes(&bytes)
}

/// The bytes of a from_bytes() argument: bytes, bytearray, or an iterable of ints in 0..256.
fn bytes_like(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if vm.is(v, Kind::Bytes) {
        return Ok(vm.bytes_of(v).to_vec());
    }
    if vm.is(v, Kind::ByteArray) {
        return Ok(vm.bytearray_mut(v).clone());
    }
    if vm.is(v, Kind::Str) || !v.is_ptr() {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("cannot convert '{tn}' object to bytes")));
    }
    let l = vm.to_list(v)?;
    let items: Vec<Value> = vm.list_items(l).to_vec();
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        match vm.to_i64(x) {
            Some(b) if (0..256).contains(&b) => out.push(b as u8),
            Some(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
            None => {
                let tn = vm.type_name(x);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        }
    }
    Ok(out)
}

/// int.from_bytes(bytes, byteorder='big', *, signed=False) (a classmethod: argument 0 is the class)
fn int_from_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind_params(vm, &a, "from_bytes", &["bytes", "byteorder", "signed"], 2)?;
    let Some(bslot) = p[0] else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder_arg(vm, p[1], "from_bytes")?;
    let signed = signed_arg(vm, p[2])?;
    let mut bytes = bytes_like(vm, vm.at(bslot))?;
    if !little {
        bytes.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &bytes)
    };
    let v = vm.new_bigint(n)?;
    let cls = vm.arg(&a, 0);
    if cls == vm.builtin_type("int") {
        return Ok(v);
    }
    vm.call(cls, &[v])
}

// ---- the constructor -----------------------------------------------------------------------------

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
pub(crate) fn text_of(vm: &Vm, v: Value) -> Option<String> {
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
        Kind::MemoryView => {
            // CPython parses any buffer through a bytes copy of its data (so errors show b'...')
            let b = crate::objects::memoryview::view_bytes(vm, x)?;
            let bytes = vm.new_bytes(&b)?;
            return int_from_value(vm, bytes);
        }
        Kind::Str | Kind::Bytes | Kind::ByteArray => {
            let s = text_of(vm, x).unwrap_or_default();
            if vm.is(x, Kind::Str) {
                return parse_int_or_raise(vm, &s, 10);
            }
            // CPython shows the data as a bytes repr (a bytearray's too)
            let shown: Vec<u8> = s.chars().map(|c| c as u8).collect();
            let shown: String = crate::vm::repr::bytes_repr(&shown)
                .chars()
                .take(200)
                .collect();
            return match parse_int_limited(vm, &s, 10)? {
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
    match parse_int_limited(vm, s, base)? {
        Some(n) => vm.new_bigint(n),
        // CPython formats the literal with %.200R: its repr cut to 200 characters
        None => Err(vm.value_error(format!(
            "invalid literal for int() with base {base}: {}",
            str_repr(s).chars().take(200).collect::<String>()
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
pub(crate) fn ascii_digits(s: &str) -> std::borrow::Cow<'_, str> {
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
    parse_int_within(s, base, 0).ok().flatten()
}

/// `parse_int` with a limit on the digits of a valid literal in a base that is not a power of two
/// (0: none): Err(count) when it has more.
fn parse_int_within(s: &str, base: u32, limit: usize) -> Result<Option<BigInt>, usize> {
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
    let Some(clean) = strip_underscores(digits, had_prefix) else {
        return Ok(None);
    };
    if clean.is_empty() || !clean.chars().all(|c| c.is_digit(base)) {
        return Ok(None);
    }
    // base 0 without prefix: no leading zeros unless the value is zero
    if base0
        && !had_prefix
        && clean.len() > 1
        && clean.starts_with('0')
        && clean.chars().any(|c| c != '0')
    {
        return Ok(None);
    }
    if limit > 0 && !base.is_power_of_two() && clean.len() > limit {
        return Err(clean.len());
    }
    let Some(n) = BigInt::parse_bytes(clean.as_bytes(), base) else {
        return Ok(None);
    };
    Ok(Some(if neg { -n } else { n }))
}

/// `parse_int`, refusing (ValueError) more digits than `sys.get_int_max_str_digits()` in a base
/// that is not a power of two, before converting them (the conversion is quadratic).
fn parse_int_limited(vm: &mut Vm, s: &str, base: u32) -> PyResult<Option<BigInt>> {
    match parse_int_within(s, base, crate::objects::int::max_str_digits()) {
        Ok(n) => Ok(n),
        Err(digits) => match crate::objects::int::check_str_digits(digits) {
            Err(m) => Err(vm.value_error(m)),
            Ok(()) => Ok(None),
        },
    }
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
