//! `complex`: a pair of IEEE doubles in a `ComplexObj { re, im }` heap object (immutable), with
//! CPython 3.11's semantics: its arithmetic (`c_prod`, `c_quot`, `c_pow`/`c_powi`, written after
//! complexobject.c so results match bit for bit: Smith's division, repeated multiplication for
//! integral exponents up to 100), the mixed-operand conversion (`operand`: int, bool, float and
//! complex; an int too large for a float is an OverflowError), equality with ints (exact) and floats,
//! its hash (`hash(re) + 1000003 * hash(im)`, so `hash(complex(x, 0)) == hash(x)`), its repr (shortest
//! digits, no `.0`), the string parser and the constructor `complex(real, imag)`.
//!
//! Slots: repr, hash, truthy, richcompare (== and != only: ordering answers None so the VM raises
//! CPython's "'<' not supported" TypeError), binop (+ - * / ** with any number on the other side;
//! None for the rest, so `//`, `%` and the bitwise operators get the VM's "unsupported operand"
//! error), getattr (`real`, `imag`). `-z`, `+z` and `abs(z)` are the `__neg__`/`__pos__`/`__abs__`
//! methods the VM's generic unary path finds.
//!
//! GC: the slots read both parts into f64 locals before allocating the result; `binop` and
//! `richcompare` answer None before any GC point. The constructor keeps its arguments in their stack
//! slots across `__complex__`/`__float__`/`__index__` calls (`vm.at(slot)`), never in locals.

use super::args::{bind_keywords, check_method, Arity};
use super::float::methods::float_from_value;
use super::float::{float_eq_int, float_repr, hash_f64};
use super::int::methods::ascii_digits;
use super::TypeSlots;
use crate::bytecode::{BinOp, CmpOp};
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_traits::ToPrimitive;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "complex",
    number_dunders: &[
        "__add__",
        "__radd__",
        "__sub__",
        "__rsub__",
        "__mul__",
        "__rmul__",
        "__truediv__",
        "__rtruediv__",
        "__pow__",
        "__rpow__",
        "__bool__",
    ],
    repr: Some(repr),
    hash: Some(hash),
    truthy: Some(truthy),
    richcompare: Some(richcompare),
    binop: Some(binop),
    getattr: Some(getattr),
    install: Some(install),
    ..TypeSlots::EMPTY
};

fn install(vm: &mut Vm) {
    vm.add_method("complex", "__new__", |vm, a| {
        vm.finish_new(a, Kind::Complex, new)
    });
    for (name, f) in [
        ("conjugate", conjugate as NativeFn),
        ("__complex__", dunder_complex),
        ("__getnewargs__", getnewargs),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__abs__", abs),
    ] {
        vm.add_method("complex", name, f);
    }
}

/// A complex number as its (real, imaginary) parts.
pub type C = (f64, f64);

impl Vm {
    pub fn new_complex(&mut self, re: f64, im: f64) -> PyResult<Value> {
        let v = self.alloc(Kind::Complex, 0)?;
        // SAFETY: v was just allocated as a Complex and no GC point occurs before the stores.
        unsafe {
            let p = self.payload::<ComplexObj>(v);
            (*p).re = re;
            (*p).im = im;
        }
        Ok(v)
    }

    /// The parts of a complex object.
    pub fn complex_val(&self, v: Value) -> C {
        let p = self.obj::<ComplexObj>(v);
        (p.re, p.im)
    }
}

// ---- arithmetic (complexobject.c) ----------------------------------------------------------------

pub fn c_prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// a / b by Smith's algorithm (dividing through by the larger part of b), as `_Py_c_quot`; None when
/// b is zero (CPython's EDOM).
pub fn c_quot(a: C, b: C) -> Option<C> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // a NaN part in b
        Some((f64::NAN, f64::NAN))
    }
}

/// x ** n for n >= 0 by binary powering (`c_powu`).
fn c_powu(x: C, n: i64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// x ** n for an integral exponent (`c_powi`); the flag is CPython's EDOM (0 to a negative power).
fn c_powi(x: C, n: i64) -> (C, bool) {
    if n > 0 {
        (c_powu(x, n), false)
    } else {
        match c_quot((1.0, 0.0), c_powu(x, -n)) {
            Some(r) => (r, false),
            None => ((0.0, 0.0), true),
        }
    }
}

/// a ** b by polar form (`_Py_c_pow`); the flag is EDOM: zero to a negative or complex power, or
/// libm's domain error for the cosine/sine of an infinite phase.
fn c_pow_polar(a: C, b: C) -> (C, bool) {
    if b.0 == 0.0 && b.1 == 0.0 {
        return ((1.0, 0.0), false);
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        return ((0.0, 0.0), b.1 != 0.0 || b.0 < 0.0);
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    ((len * phase.cos(), len * phase.sin()), phase.is_infinite())
}

/// a ** b with CPython's `complex_pow` errors (ZeroDivisionError, OverflowError for an infinite
/// part).
pub fn c_pow(vm: &mut Vm, a: C, b: C) -> PyResult<C> {
    let (r, edom) = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        c_powi(a, b.0 as i64)
    } else {
        c_pow_polar(a, b)
    };
    if edom {
        return Err(vm.zero_div("0.0 to a negative or complex power"));
    }
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(vm.overflow_error("complex exponentiation"));
    }
    Ok(r)
}

/// A number operand as a complex (CPython's `to_complex`): Ok(None) for a non-number (before any GC
/// point), OverflowError for an int too large for a float.
pub fn operand(vm: &mut Vm, v: Value) -> PyResult<Option<C>> {
    if v.is_int() {
        return Ok(Some((v.as_int() as f64, 0.0)));
    }
    match vm.kind(v) {
        Kind::Complex => Ok(Some(vm.complex_val(v))),
        Kind::Float => Ok(Some((vm.float_val(v), 0.0))),
        Kind::Bool => Ok(Some((vm.obj::<BoolObj>(v).value as f64, 0.0))),
        Kind::BigInt => match vm.to_bigint(v).and_then(|n| n.to_f64()) {
            Some(f) if f.is_finite() => Ok(Some((f, 0.0))),
            _ => Err(vm.overflow_error("int too large to convert to float")),
        },
        _ => Ok(None),
    }
}

fn binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    if !matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::Pow
    ) {
        return Ok(None);
    }
    let is_num = |vm: &Vm, v: Value| {
        v.is_int()
            || matches!(
                vm.kind(v),
                Kind::Complex | Kind::Float | Kind::Bool | Kind::BigInt
            )
    };
    if !is_num(vm, a) || !is_num(vm, b) {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else {
        return Ok(None);
    };
    let r = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => c_prod(x, y),
        BinOp::TrueDiv => match c_quot(x, y) {
            Some(r) => r,
            None => return Err(vm.zero_div("complex division by zero")),
        },
        _ => c_pow(vm, x, y)?,
    };
    vm.new_complex(r.0, r.1).map(Some)
}

/// == and != with an int (exact: no rounding of a big int), a float or a complex; None otherwise.
fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || !vm.is(a, Kind::Complex) {
        return Ok(None);
    }
    let (re, im) = vm.complex_val(a);
    let equal = if b.is_int() || matches!(vm.kind(b), Kind::BigInt | Kind::Bool) {
        im == 0.0 && vm.to_bigint(b).is_some_and(|n| float_eq_int(re, &n))
    } else if vm.is(b, Kind::Float) {
        re == vm.float_val(b) && im == 0.0
    } else if vm.is(b, Kind::Complex) {
        let (r2, i2) = vm.complex_val(b);
        re == r2 && im == i2
    } else {
        return Ok(None);
    };
    Ok(Some(vm.bool_val(equal == (op == CmpOp::Eq))))
}

fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let (re, im) = vm.complex_val(v);
    // a NaN part hashes by the complex object's identity, as CPython's
    let part = |vm: &mut Vm, f: f64| {
        if f.is_nan() {
            vm.identity_hash(v)
        } else {
            hash_f64(f)
        }
    };
    let (hr, hi) = (part(vm, re), part(vm, im));
    let h = (hr as u64).wrapping_add(1000003u64.wrapping_mul(hi as u64)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    let (re, im) = vm.complex_val(v);
    Ok(re != 0.0 || im != 0.0)
}

fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let (re, im) = vm.complex_val(v);
    Ok(complex_repr(re, im))
}

/// One part as complex's repr writes it: float's shortest digits without a trailing `.0`.
fn part_repr(f: f64) -> String {
    let s = float_repr(f);
    match s.strip_suffix(".0") {
        Some(t) => t.to_string(),
        None => s,
    }
}

/// CPython's complex repr: `1j`, `(1+2j)`, `(-0-1j)`; the real part is left out when it is +0.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part_repr(im));
    }
    let i = part_repr(im);
    let sign = if i.starts_with('-') { "" } else { "+" };
    format!("({}{sign}{i}j)", part_repr(re))
}

fn getattr(vm: &mut Vm, v: Value, name: Value) -> PyResult<Option<Value>> {
    let (re, im) = vm.complex_val(v);
    let part = match vm.str_of(name) {
        "real" => re,
        "imag" => im,
        _ => return Ok(None),
    };
    vm.new_float(part).map(Some)
}

// ---- methods -----------------------------------------------------------------------------------

fn self_val(vm: &mut Vm, a: &Args, name: &str) -> PyResult<C> {
    check_method(vm, a, "complex", name, &[Kind::Complex], Arity::NoArgs)?;
    Ok(vm.complex_val(vm.arg(a, 0)))
}

fn conjugate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = self_val(vm, &a, "conjugate")?;
    vm.new_complex(re, -im)
}

fn dunder_complex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    self_val(vm, &a, "__complex__")?;
    Ok(vm.arg(&a, 0))
}

fn getnewargs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = self_val(vm, &a, "__getnewargs__")?;
    let r = vm.new_float(re)?;
    vm.push(r);
    let i = vm.new_float(im)?;
    vm.push(i);
    vm.new_tuple_from_stack(2)
}

fn neg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = self_val(vm, &a, "__neg__")?;
    vm.new_complex(-re, -im)
}

fn pos(vm: &mut Vm, a: Args) -> PyResult<Value> {
    self_val(vm, &a, "__pos__")?;
    Ok(vm.arg(&a, 0))
}

/// abs(z): hypot, OverflowError when finite parts give an infinite modulus.
fn abs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (re, im) = self_val(vm, &a, "__abs__")?;
    let r = c_abs(re, im);
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    vm.new_float(r)
}

/// |z| (`_Py_c_abs` without its error: an infinite part gives inf even with a NaN beside it).
pub fn c_abs(re: f64, im: f64) -> f64 {
    if re.is_infinite() || im.is_infinite() {
        return f64::INFINITY;
    }
    re.hypot(im)
}

// ---- the constructor ---------------------------------------------------------------------------

/// `v.__complex__()` for an object whose type defines it (not complex itself): Some(parts), with
/// CPython's error for a result that is not a complex.
pub fn call_dunder_complex(vm: &mut Vm, v: Value) -> PyResult<Option<C>> {
    if !v.is_ptr() || !matches!(vm.kind(v), Kind::Instance | Kind::Foreign) {
        return Ok(None);
    }
    let Some(f) = vm.special(v, "__complex__") else {
        return Ok(None);
    };
    let r = vm.call(f, &[v])?;
    if !vm.is(r, Kind::Complex) {
        let tn = vm.type_name(r);
        return Err(vm.type_error(format!("__complex__ returned non-complex (type {tn})")));
    }
    Ok(Some(vm.complex_val(r)))
}

/// Is `v` a number complex() accepts (int, bool, float, complex, or an object with `__float__` or
/// `__index__`)?
fn is_number_like(vm: &mut Vm, v: Value) -> bool {
    if v.is_int() {
        return true;
    }
    match vm.kind(v) {
        Kind::Complex | Kind::Float | Kind::Bool | Kind::BigInt => true,
        Kind::Instance | Kind::Foreign => {
            vm.special(v, "__float__").is_some() || vm.special(v, "__index__").is_some()
        }
        _ => false,
    }
}

/// The real value of a number (`PyNumber_Float`: `__float__`, `__index__`, OverflowError for a huge
/// int). A GC point.
fn real_of(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_int() {
        return Ok(v.as_int() as f64);
    }
    if vm.is(v, Kind::Float) {
        return Ok(vm.float_val(v));
    }
    let f = float_from_value(vm, v)?;
    Ok(vm.float_val(f))
}

/// complex(real=0, imag=0), complex(string)
fn new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n > 3 {
        return Err(vm.type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            a.n - 1
        )));
    }
    let slots = bind_keywords(vm, &a, "complex", &["real", "imag"])?;
    let (rs, is) = (slots[0], slots[1]);
    let Some(rs) = rs else {
        // complex() or complex(imag=x): the real part is the int 0
        let im = match is {
            None => (0.0, 0.0),
            Some(s) => {
                let i = vm.at(s);
                if vm.is(i, Kind::Str) {
                    return Err(vm.type_error("complex() second arg can't be a string"));
                }
                if !is_number_like(vm, i) {
                    let tn = vm.type_name(i);
                    return Err(vm.type_error(format!(
                        "complex() second argument must be a number, not '{tn}'"
                    )));
                }
                if vm.is(i, Kind::Complex) {
                    let (r, i) = vm.complex_val(i);
                    (0.0 - i, r)
                } else {
                    (0.0, real_of(vm, i)?)
                }
            }
        };
        return vm.new_complex(im.0, im.1);
    };
    let r = vm.at(rs);
    if vm.is(r, Kind::Str) {
        if is.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let s = vm.str_of(r).to_string();
        return match parse_complex(&s) {
            Ok((re, im)) => vm.new_complex(re, im),
            Err(Malformed::Underscore) => {
                let shown = crate::vm::repr::str_repr(&s);
                Err(vm.value_error(format!("could not convert string to complex: {shown}")))
            }
            Err(Malformed::Syntax) => Err(vm.value_error("complex() arg is a malformed string")),
        };
    }
    if let Some(s) = is {
        if vm.is(vm.at(s), Kind::Str) {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    // complex(z) of an exact complex is z itself
    if is.is_none() && vm.is(r, Kind::Complex) {
        return Ok(r);
    }
    let special = call_dunder_complex(vm, r)?;
    if special.is_none() && !is_number_like(vm, vm.at(rs)) {
        let tn = vm.type_name(vm.at(rs));
        return Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{tn}'"
        )));
    }
    if let Some(s) = is {
        if !is_number_like(vm, vm.at(s)) {
            let tn = vm.type_name(vm.at(s));
            return Err(vm.type_error(format!(
                "complex() second argument must be a number, not '{tn}'"
            )));
        }
    }
    // (cr, cr is complex), (ci, ci is complex), as complex_new combines them
    let (cr, cr_complex) = match special {
        Some(c) => (c, true),
        None if vm.is(vm.at(rs), Kind::Complex) => (vm.complex_val(vm.at(rs)), true),
        None => ((real_of(vm, vm.at(rs))?, 0.0), false),
    };
    let (mut re, mut im) = (cr.0, cr.1);
    match is {
        None => {}
        Some(s) => {
            let (ci, ci_complex) = if vm.is(vm.at(s), Kind::Complex) {
                (vm.complex_val(vm.at(s)), true)
            } else {
                ((real_of(vm, vm.at(s))?, 0.0), false)
            };
            if ci_complex {
                re -= ci.1;
            }
            im = if cr_complex { ci.0 + cr.1 } else { ci.0 };
        }
    }
    vm.new_complex(re, im)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// The longest prefix of `b` that is a float literal (`_PyOS_ascii_strtod`: sign, inf/infinity/nan,
/// or digits with an optional fraction and exponent): its value and length, None if there is none.
fn float_prefix(b: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let rest = &b[i..];
    let starts =
        |w: &str| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes());
    let sgn = if neg { -1.0 } else { 1.0 };
    if starts("infinity") {
        return Some((sgn * f64::INFINITY, i + 8));
    }
    if starts("inf") {
        return Some((sgn * f64::INFINITY, i + 3));
    }
    if starts("nan") {
        return Some((sgn * f64::NAN, i + 3));
    }
    let start = i;
    let mut ndig = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
        ndig += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
            ndig += 1;
        }
    }
    if ndig == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    let text = std::str::from_utf8(&b[start..i]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((sgn * v, i))
}

/// Why complex(s) refused a string (CPython words the two errors differently).
#[derive(Debug, PartialEq)]
pub enum Malformed {
    /// An underscore not between two digits.
    Underscore,
    /// Anything else.
    Syntax,
}

/// Parses complex(s) as CPython: `<float>`, `<float>j`, `<float><signed-float>j`, and the older
/// `<float><sign>j`, `<sign>j`, `j`, optionally in parentheses, with surrounding whitespace,
/// single underscores between digits, and non-ASCII decimal digits and spaces.
pub fn parse_complex(s: &str) -> Result<C, Malformed> {
    let s = ascii_digits(s);
    let t: String = s
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let raw = t.as_bytes();
    let mut b = Vec::with_capacity(raw.len());
    for (k, &c) in raw.iter().enumerate() {
        if c == b'_' {
            let ok = k > 0
                && k + 1 < raw.len()
                && raw[k - 1].is_ascii_digit()
                && raw[k + 1].is_ascii_digit();
            if !ok {
                return Err(Malformed::Underscore);
            }
        } else {
            b.push(c);
        }
    }
    let mut i = 0;
    let skip = |i: &mut usize| {
        while *i < b.len() && is_space(b[*i]) {
            *i += 1;
        }
    };
    skip(&mut i);
    let bracket = b.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip(&mut i);
    }
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let (x, y);
    if let Some((z, n)) = float_prefix(&b[i..]) {
        i += n;
        match b.get(i) {
            Some(&c @ (b'+' | b'-')) => {
                x = z;
                match float_prefix(&b[i..]) {
                    Some((w, n2)) => {
                        y = w;
                        i += n2;
                    }
                    None => {
                        y = if c == b'+' { 1.0 } else { -1.0 };
                        i += 1;
                    }
                }
                if !is_j(b.get(i)) {
                    return Err(Malformed::Syntax);
                }
                i += 1;
            }
            c if is_j(c) => {
                x = 0.0;
                y = z;
                i += 1;
            }
            _ => {
                x = z;
                y = 0.0;
            }
        }
    } else {
        y = match b.get(i) {
            Some(b'+') => {
                i += 1;
                1.0
            }
            Some(b'-') => {
                i += 1;
                -1.0
            }
            _ => 1.0,
        };
        x = 0.0;
        if !is_j(b.get(i)) {
            return Err(Malformed::Syntax);
        }
        i += 1;
    }
    skip(&mut i);
    if bracket {
        if b.get(i) != Some(&b')') {
            return Err(Malformed::Syntax);
        }
        i += 1;
        skip(&mut i);
    }
    if i == b.len() {
        Ok((x, y))
    } else {
        Err(Malformed::Syntax)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr(0.0, -0.0), "-0j");
        assert_eq!(complex_repr(1.5, 0.0), "(1.5+0j)");
        assert_eq!(complex_repr(f64::NAN, f64::INFINITY), "(nan+infj)");
        assert_eq!(complex_repr(1e300, 1e-300), "(1e+300+1e-300j)");
    }

    #[test]
    fn parses() {
        assert_eq!(parse_complex("1+2j"), Ok((1.0, 2.0)));
        assert_eq!(parse_complex(" (1-2j) "), Ok((1.0, -2.0)));
        assert_eq!(parse_complex("j"), Ok((0.0, 1.0)));
        assert_eq!(parse_complex("-J"), Ok((0.0, -1.0)));
        assert_eq!(parse_complex("1e3"), Ok((1000.0, 0.0)));
        assert_eq!(parse_complex("1_0j"), Ok((0.0, 10.0)));
        for bad in ["", "1+", "(1+2j", "1 + 2j", "1jj", "1e", "0x1"] {
            assert_eq!(parse_complex(bad), Err(Malformed::Syntax), "{bad}");
        }
        for bad in ["1__0", "_1", "1_j"] {
            assert_eq!(parse_complex(bad), Err(Malformed::Underscore), "{bad}");
        }
    }
}
