//! `float`: an IEEE double in a `FloatObj { f }` heap object. Everything about it lives in this folder:
//! its storage accessors and arithmetic (here: `new_float`, `float_val`, `float_op` with CPython's
//! floor division and modulo), its hash (equal to the hash of an equal int), its repr (shortest
//! round-trip digits, as CPython), the conversion to int (`to_int.rs`), and its methods and
//! constructor (`methods.rs`).
//!
//! A negative base to a fractional power gives a complex (`objects/complex.rs`), as in CPython.
//!
//! Slots: the numeric comparison and binary operators are int's (`objects/int`), which accept any mix
//! of int, bool and float. Floats are boxed: every result allocates (a GC point); the eval loop keeps
//! its float fast path inline (`fast_arith`) before these slots.

pub mod methods;
pub mod to_int;

pub use to_int::{decompose, float_to_int};

use super::int::{hash_i64, MODULUS};
use super::TypeSlots;
use crate::bytecode::BinOp;
use crate::obj::layout::*;
use crate::vm::ops::binop_symbol;
use crate::vm::{PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "float",
    number_dunders: &[
        "__add__",
        "__radd__",
        "__sub__",
        "__rsub__",
        "__mul__",
        "__rmul__",
        "__truediv__",
        "__rtruediv__",
        "__floordiv__",
        "__rfloordiv__",
        "__mod__",
        "__rmod__",
        "__pow__",
        "__rpow__",
        "__divmod__",
        "__rdivmod__",
        "__neg__",
        "__pos__",
        "__abs__",
        "__bool__",
        "__int__",
        "__float__",
        "__round__",
        "__trunc__",
        "__floor__",
        "__ceil__",
    ],
    repr: Some(repr),
    hash: Some(hash),
    truthy: Some(truthy),
    richcompare: Some(super::int::richcompare),
    binop: Some(super::int::binop),
    install: Some(methods::install),
    ..TypeSlots::EMPTY
};

fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    Ok(float_repr(vm.float_val(v)))
}

fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let f = vm.float_val(v);
    if f.is_nan() {
        // as CPython 3.10+: a NaN hashes by identity (distinct NaNs do not collide in sets/dicts)
        return Ok(vm.identity_hash(v));
    }
    Ok(hash_f64(f))
}

fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(vm.float_val(v) != 0.0)
}

impl Vm {
    #[inline(always)]
    pub fn new_float(&mut self, f: f64) -> PyResult<Value> {
        let v = self.alloc(Kind::Float, 0)?;
        // SAFETY: v was just allocated as a Float and no GC point occurs before the store.
        unsafe { (*self.payload::<FloatObj>(v)).f = f };
        Ok(v)
    }
    #[inline(always)]
    pub fn float_val(&self, v: Value) -> f64 {
        self.obj::<FloatObj>(v).f
    }

    pub fn float_op(&mut self, x: f64, y: f64, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 {
                    return Err(self.zero_div("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_div("float floor division by zero"));
                }
                f64_floor_div(x, y)
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_div("float modulo"));
                }
                py_fmod(x, y)
            }
            BinOp::Pow => {
                // 0.0 ** -inf is inf (CPython checks infinite exponents first)
                if x == 0.0 && y < 0.0 && y.is_finite() {
                    return Err(self.zero_div("0.0 cannot be raised to a negative power"));
                }
                // A negative finite base to a finite fractional power is complex (CPython hands
                // it to complex's power); infinite operands keep their float special cases.
                if x < 0.0 && x.is_finite() && y.is_finite() && y != y.floor() {
                    let (re, im) = super::complex::c_pow(self, (x, 0.0), (y, 0.0))?;
                    return self.new_complex(re, im);
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => {
                let s = binop_symbol(op);
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {s}: 'float' and 'float'"
                )));
            }
        };
        self.new_float(r)
    }

    pub fn num_as_f64(&self, v: Value) -> Option<f64> {
        if v.is_int() {
            return Some(v.as_int() as f64);
        }
        match self.kind(v) {
            Kind::Float => Some(self.float_val(v)),
            Kind::Bool => Some(self.obj::<BoolObj>(v).value as f64),
            Kind::BigInt => self.to_bigint(v).and_then(|n| n.to_f64()),
            _ => None,
        }
    }
}

/// CPython's repr of a float: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // The shortest round-trip digit count, then the exact value correctly rounded to that many
    // digits: when two shortest strings round-trip (1e15 + 0.25), CPython prints the nearer one,
    // ties to even, which the precision formatter gives and the shortest formatter may not.
    let short = format!("{:e}", f);
    let ndigits = short
        .split('e')
        .next()
        .map_or(1, |m| m.chars().filter(|c| c.is_ascii_digit()).count());
    let mut s = format!("{:.*e}", ndigits.saturating_sub(1), f); // d.ddddde[-]x
                                                                 // A tie at a power of two (2**-24): the lower neighbour is nearer, so the even candidate may
                                                                 // read back as the float below; then only the shortest formatter's digits round-trip.
    if s.parse::<f64>().ok() != Some(f) {
        s = short;
    }
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        if exp >= 0 {
            if n <= exp + 1 {
                format!("{sign}{}{}.0", digits, "0".repeat((exp + 1 - n) as usize))
            } else {
                format!(
                    "{sign}{}.{}",
                    &digits[..(exp + 1) as usize],
                    &digits[(exp + 1) as usize..]
                )
            }
        } else {
            format!("{sign}0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        }
    } else {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        format!(
            "{sign}{m}e{}{:02}",
            if exp < 0 { "-" } else { "+" },
            exp.abs()
        )
    }
}

pub fn hash_f64(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.0e18 {
        return hash_i64(f as i64);
    }
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let h = if f < 0.0 { -(x as i64) } else { x as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (0.0, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// CPython's float floor division (float_floor_div in floatobject.c).
fn f64_floor_div(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 && ((wx < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(vx / wx)
    }
}

fn py_fmod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        m + b
    } else if m == 0.0 {
        0.0f64.copysign(b)
    } else {
        m
    }
}

pub(crate) fn float_eq_int(f: f64, i: &BigInt) -> bool {
    f.fract() == 0.0 && BigInt::from_f64_exact(f).is_some_and(|x| &x == i)
}

trait FromF64Exact {
    fn from_f64_exact(f: f64) -> Option<BigInt>;
}

impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> Option<BigInt> {
        num_traits::FromPrimitive::from_f64(f)
    }
}

pub(crate) fn cmp_big_float(i: &BigInt, f: f64) -> std::cmp::Ordering {
    if f.is_infinite() {
        return if f > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        };
    }
    let fl = BigInt::from_f64_exact(f.floor()).unwrap();
    match i.cmp(&fl) {
        std::cmp::Ordering::Equal if f.fract() != 0.0 => std::cmp::Ordering::Less,
        o => o,
    }
}
