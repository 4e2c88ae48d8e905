//! float's methods (is_integer, as_integer_ratio, hex, fromhex, conjugate) and its constructor
//! `float(x)`, with the str -> float parser (CPython's syntax and messages).
//!
//! GC: natives re-read their arguments with `vm.arg` after a GC point (see objects/args.rs).

use crate::obj::layout::*;
use crate::objects::args::{add_classmethod, at_most, check_method, no_kwargs, uarg, Arity};
use crate::objects::int::methods::{ascii_digits, text_of};
use crate::objects::int::storage::index_bigint;
use crate::vm::repr::str_repr;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

pub fn install(vm: &mut Vm) {
    vm.add_method("float", "__new__", |vm, a| {
        vm.finish_new(a, Kind::Float, float_new)
    });
    vm.add_method("float", "is_integer", float_is_integer);
    vm.add_method("float", "as_integer_ratio", float_as_integer_ratio);
    vm.add_method("float", "hex", float_hex);
    vm.add_method("float", "conjugate", float_conjugate);
    add_classmethod(vm, "float", "fromhex", float_fromhex);
}

fn float_self(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    check_method(vm, a, "float", name, &[Kind::Float], Arity::NoArgs)?;
    Ok(vm.float_val(vm.arg(a, 0)))
}

fn float_is_integer(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = float_self(vm, &a, "is_integer")?;
    Ok(vm.bool_val(f.is_finite() && f.fract() == 0.0))
}

fn float_conjugate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = float_self(vm, &a, "conjugate")?;
    vm.new_float(f)
}

/// (mantissa, exponent) with f == mantissa * 2**exponent exactly, mantissa odd or zero.
fn float_parts(f: f64) -> (i64, i64) {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    let (mut m, mut e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1i64 << 52), exp - 1075)
    };
    if m == 0 {
        return (0, 0);
    }
    while m & 1 == 0 {
        m >>= 1;
        e += 1;
    }
    (if f < 0.0 { -m } else { m }, e)
}

fn float_as_integer_ratio(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = float_self(vm, &a, "as_integer_ratio")?;
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (m, e) = float_parts(f);
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << e as usize, BigInt::from(1))
    } else {
        (BigInt::from(m), BigInt::from(1) << (-e) as usize)
    };
    let n = vm.new_bigint(num)?;
    vm.push(n);
    let d = vm.new_bigint(den)?;
    vm.push(d);
    vm.new_tuple_from_stack(2)
}

/// float.hex() text, as CPython formats it.
pub fn float_hex_string(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf".into() } else { "inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        format!("{sign}0x1.{frac:013x}p{:+}", exp - 1023)
    }
}

fn float_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = float_self(vm, &a, "hex")?;
    vm.new_str(&float_hex_string(f))
}

/// Parses CPython's hexadecimal float syntax ([sign] [0x] hexdigits [. hexdigits] [p [sign] digits],
/// or inf/infinity/nan). None if malformed; Some(Err) text for overflow.
fn parse_hex_float(s: &str) -> Option<Result<f64, &'static str>> {
    let s = s.trim();
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let sgn = if neg { -1.0 } else { 1.0 };
    if lower == "inf" || lower == "infinity" {
        return Some(Ok(sgn * f64::INFINITY));
    }
    if lower == "nan" {
        return Some(Ok(f64::NAN));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.find('p') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return None;
    }
    let mut digits = Vec::new();
    for c in ip.chars().chain(fp.chars()) {
        digits.push(c.to_digit(16)? as u64);
    }
    let e: i64 = match exp {
        Some(t) => {
            let t = t.strip_prefix('+').unwrap_or(t);
            let (eneg, digs) = match t.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, t),
            };
            if digs.is_empty() || !digs.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let v = digs.parse::<i64>().unwrap_or(1_000_000).min(1_000_000);
            if eneg {
                -v
            } else {
                v
            }
        }
        None => 0,
    };
    // value = sum(d * 16**-k) * 2**(e + 4*len(ip)); accumulate exactly as a big int then scale.
    let mut n = BigInt::zero();
    for d in &digits {
        n = (n << 4) + BigInt::from(*d);
    }
    let scale = e.saturating_sub(4 * fp.len() as i64);
    Some(bigint_times_pow2(&n, scale).map(|v| sgn * v))
}

/// n * 2**e rounded to the nearest double (ties to even); Err on overflow.
fn bigint_times_pow2(n: &BigInt, e: i64) -> Result<f64, &'static str> {
    if n.is_zero() {
        return Ok(0.0);
    }
    let bits = n.bits() as i64;
    // keep 55 significant bits (plus a sticky bit) and let the hardware round once
    let top = bits + e; // value in [2**(top-1), 2**top)
    if top > 1024 {
        return Err("hexadecimal value too large to represent as a float");
    }
    let shift = (bits - 55).max(0);
    let lost = shift > 0 && (n & ((BigInt::from(1) << shift as usize) - 1)) != BigInt::zero();
    let m = (n >> shift as usize).to_u64().unwrap_or(0) | lost as u64;
    let mut exp = e + shift;
    // subnormal result: round once at the 2**-1074 bit (the hardware would round twice)
    let min_exp = -1074;
    let m_bits = 64 - m.leading_zeros() as i64;
    let mut m = m;
    if exp < min_exp && exp + m_bits - 53 < min_exp {
        let drop = (min_exp - exp).min(70) as u32;
        let mm = m as u128;
        let (keep, rem, half) = (mm >> drop, mm & ((1u128 << drop) - 1), 1u128 << (drop - 1));
        let round_up = rem > half || (rem == half && keep & 1 == 1);
        m = (keep + round_up as u128) as u64;
        exp += drop as i64;
    }
    let v = (m as f64)
        * 2f64.powi(exp.clamp(-1100, 1100) as i32 / 2)
        * 2f64.powi((exp.clamp(-1100, 1100) - exp.clamp(-1100, 1100) / 2) as i32);
    if v.is_infinite() {
        return Err("hexadecimal value too large to represent as a float");
    }
    Ok(v)
}

/// float.fromhex(s) (a classmethod: argument 0 is the class)
fn float_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 2 || !a.kwnames.is_null() {
        return Err(vm.type_error(format!(
            "float.fromhex() takes exactly one argument ({} given)",
            a.n.saturating_sub(1)
        )));
    }
    let s = vm.arg(&a, 1);
    if !vm.is(s, Kind::Str) {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let text = vm.str_of(s).to_string();
    let f = match parse_hex_float(&text) {
        Some(Ok(f)) => f,
        Some(Err(m)) => return Err(vm.overflow_error(m)),
        None => return Err(vm.value_error("invalid hexadecimal floating-point string")),
    };
    let v = vm.new_float(f)?;
    let cls = vm.arg(&a, 0);
    if cls == vm.builtin_type("float") {
        return Ok(v);
    }
    vm.call(cls, &[v])
}

// ---- the constructor -----------------------------------------------------------------------------

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_roundtrip() {
        for f in [
            1.5,
            0.1,
            -2.0,
            1e300,
            5e-324,
            2.2250738585072014e-308,
            123456.789,
        ] {
            let h = float_hex_string(f);
            assert_eq!(parse_hex_float(&h), Some(Ok(f)), "{h}");
        }
        assert_eq!(float_hex_string(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex_string(-0.0), "-0x0.0p+0");
        assert_eq!(parse_hex_float("0x1p-1075"), Some(Ok(0.0)));
        assert_eq!(parse_hex_float("0x3p-1075"), Some(Ok(1e-323)));
    }
}
