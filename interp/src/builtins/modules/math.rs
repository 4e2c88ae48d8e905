//! The `math` module: constants, float functions with CPython's domain/range errors, and the integer
//! functions (factorial, gcd, lcm, comb, perm, isqrt) on big ints; fsum is exact (Shewchuk).

use super::{add_fns, set_attr};
use crate::builtins::functions::{
    float_of, float_to_int, index_bigint, is_none, npos_range, pin_kwnames,
};
use crate::bytecode::BinOp;
use crate::obj::layout::*;
use crate::objects::int::methods::int_from_value;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub fn fill(vm: &mut Vm, m: usize) -> PyResult<()> {
    let consts = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, v) in consts {
        set_attr(vm, m, name, |vm| vm.new_float(v))?;
    }
    add_fns(vm, m, FNS)
}

const FNS: &[(&str, NativeFn)] = &[
    ("sqrt", sqrt),
    ("exp", exp),
    ("exp2", exp2),
    ("cbrt", cbrt),
    ("expm1", expm1),
    ("log", log),
    ("log2", log2),
    ("log10", log10),
    ("log1p", log1p),
    ("pow", pow),
    ("sin", sin),
    ("cos", cos),
    ("tan", tan),
    ("asin", asin),
    ("acos", acos),
    ("atan", atan),
    ("atan2", atan2),
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("asinh", asinh),
    ("acosh", acosh),
    ("atanh", atanh),
    ("erf", erf),
    ("erfc", erfc),
    ("hypot", hypot),
    ("dist", dist),
    ("degrees", degrees),
    ("radians", radians),
    ("fabs", fabs),
    ("floor", floor),
    ("ceil", ceil),
    ("trunc", trunc),
    ("isnan", isnan),
    ("isinf", isinf),
    ("isfinite", isfinite),
    ("isclose", isclose),
    ("copysign", copysign),
    ("fmod", fmod),
    ("modf", modf),
    ("frexp", frexp),
    ("ldexp", ldexp),
    ("factorial", factorial),
    ("gcd", gcd),
    ("lcm", lcm),
    ("comb", comb),
    ("perm", perm),
    ("isqrt", isqrt),
    ("prod", prod),
    ("fsum", fsum),
    ("gamma", gamma),
    ("lgamma", lgamma),
    ("remainder", remainder),
    ("nextafter", nextafter),
    ("ulp", ulp),
];

// ---- libm functions that Rust's std implements differently from C (CPython uses libm) ----
mod libm {
    extern "C" {
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn cbrt(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn remainder(x: f64, y: f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
    }
}
fn libm_asinh(x: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::asinh(x) }
}
fn libm_acosh(x: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::acosh(x) }
}
fn libm_atanh(x: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::atanh(x) }
}
fn libm_cbrt(x: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::cbrt(x) }
}
fn libm_exp2(x: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::exp2(x) }
}
fn libm_erf(x: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::erf(x) }
}
fn libm_erfc(x: f64) -> f64 {
    // SAFETY: pure libm function.
    unsafe { libm::erfc(x) }
}

/// degrees/radians: plain scaling, no range check (like CPython).
fn degrees(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "degrees", 1, 1)?;
    let x = farg(vm, &a, 0)?;
    vm.new_float(x * (180.0 / std::f64::consts::PI))
}
fn radians(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "radians", 1, 1)?;
    let x = farg(vm, &a, 0)?;
    vm.new_float(x * (std::f64::consts::PI / 180.0))
}

// ---- helpers ----------------------------------------------------------------------------------------

/// A float argument (ints converted, __float__/__index__ objects accepted).
fn farg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<f64> {
    let v = vm.arg(a, i);
    real_of(vm, v)
}

/// A float from an int, a float or an object with `__float__` (may call Python).
fn real_of(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if vm.is(v, Kind::Float) || vm.is_int(v) {
        return float_of(vm, v);
    }
    if v.is_ptr() && matches!(vm.kind(v), Kind::Instance | Kind::Foreign) {
        let f = crate::objects::float::methods::float_from_value(vm, v)?;
        return Ok(vm.float_val(f));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {tn}")))
}

fn domain_error(vm: &mut Vm) -> crate::vm::Exc {
    vm.value_error("math domain error")
}

fn range_error(vm: &mut Vm) -> crate::vm::Exc {
    vm.overflow_error("math range error")
}

/// A one-argument float function: NaN from a non-NaN input is a domain error, an infinite result
/// from a finite input is a range error (or a domain error when `inf_is_domain`, e.g. log(0)).
fn unary(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    f: fn(f64) -> f64,
    inf_is_domain: bool,
) -> PyResult<Value> {
    npos_range(vm, a, name, 1, 1)?;
    let x = farg(vm, a, 0)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if inf_is_domain {
            domain_error(vm)
        } else {
            range_error(vm)
        });
    }
    vm.new_float(r)
}

macro_rules! unary_fns {
    ($($name:ident => $f:expr, $dom:expr;)*) => {
        $(fn $name(vm: &mut Vm, a: Args) -> PyResult<Value> {
            unary(vm, &a, stringify!($name), $f, $dom)
        })*
    };
}

unary_fns! {
    sqrt => f64::sqrt, false;
    exp => f64::exp, false;
    exp2 => libm_exp2, false;
    cbrt => libm_cbrt, false;
    expm1 => f64::exp_m1, false;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, false;
    cosh => f64::cosh, false;
    tanh => f64::tanh, false;
    asinh => libm_asinh, false;
    acosh => libm_acosh, false;
    atanh => libm_atanh, true;
    erf => libm_erf, false;
    erfc => libm_erfc, false;
    fabs => f64::abs, false;
    log1p => f64::ln_1p, true;
}

/// `func` (ln, log2 or log10) of a positive int of any size, like CPython's loghelper.
fn big_log(n: &BigInt, func: fn(f64) -> f64) -> f64 {
    if let Some(f) = n.to_f64().filter(|f| f.is_finite()) {
        return func(f);
    }
    let e = n.bits();
    let m = (n >> (e - 64) as usize).to_f64().unwrap_or(1.0) / 18446744073709551616.0;
    func(m) + func(2.0) * e as f64
}

/// `func` of argument i, with CPython's domain errors (ints of any size accepted).
fn log_arg(vm: &mut Vm, a: &Args, i: usize, func: fn(f64) -> f64) -> PyResult<f64> {
    let v = vm.arg(a, i);
    if let Some(n) = vm.to_bigint(v) {
        if !n.is_positive() {
            return Err(domain_error(vm));
        }
        return Ok(big_log(&n, func));
    }
    let x = farg(vm, a, i)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(func(x))
}

fn log(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = npos_range(vm, &a, "log", 1, 2)?;
    let x = log_arg(vm, &a, 0, f64::ln)?;
    if n == 1 {
        return vm.new_float(x);
    }
    let b = log_arg(vm, &a, 1, f64::ln)?;
    if b == 0.0 {
        return Err(vm.zero_div("float division by zero"));
    }
    vm.new_float(x / b)
}

fn log_base(vm: &mut Vm, a: &Args, name: &str, func: fn(f64) -> f64) -> PyResult<Value> {
    npos_range(vm, a, name, 1, 1)?;
    let r = log_arg(vm, a, 0, func)?;
    vm.new_float(r)
}

fn log2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    log_base(vm, &a, "log2", f64::log2)
}
fn log10(vm: &mut Vm, a: Args) -> PyResult<Value> {
    log_base(vm, &a, "log10", f64::log10)
}

fn pow(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "pow", 2, 2)?;
    let x = farg(vm, &a, 0)?;
    let y = farg(vm, &a, 1)?;
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain_error(vm));
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(domain_error(vm));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    vm.new_float(r)
}

fn atan2(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "atan2", 2, 2)?;
    let (y, x) = (farg(vm, &a, 0)?, farg(vm, &a, 1)?);
    vm.new_float(y.atan2(x))
}

/// Floats of every positional argument.
fn all_floats(vm: &mut Vm, a: &Args) -> PyResult<Vec<f64>> {
    (0..vm.npos(a)).map(|i| farg(vm, a, i)).collect()
}

fn hypot_of(v: &[f64]) -> f64 {
    if v.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if v.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let m = v.iter().fold(0.0f64, |m, x| m.max(x.abs()));
    if m == 0.0 {
        return 0.0;
    }
    if v.len() == 2 {
        return v[0].hypot(v[1]);
    }
    let s: f64 = v.iter().map(|x| (x / m) * (x / m)).sum();
    m * s.sqrt()
}

fn hypot(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = all_floats(vm, &a)?;
    vm.new_float(hypot_of(&v))
}

fn dist(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "dist", 2, 2)?;
    let p = vm.to_tuple(vm.arg(&a, 0))?;
    vm.push(p);
    let q = vm.to_tuple(vm.arg(&a, 1));
    let p = vm.pop();
    let q = q?;
    let (pi, qi) = (vm.tuple_items(p).to_vec(), vm.tuple_items(q).to_vec());
    if pi.len() != qi.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut d = Vec::with_capacity(pi.len());
    for (x, y) in pi.iter().zip(qi.iter()) {
        d.push(float_of(vm, *x)? - float_of(vm, *y)?);
    }
    vm.new_float(hypot_of(&d))
}

/// floor/ceil/trunc: ints unchanged, floats rounded to an int, else the `__floor__`-style method.
fn to_integral(
    vm: &mut Vm,
    a: &Args,
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    npos_range(vm, a, name, 1, 1)?;
    let v = vm.arg(a, 0);
    if vm.is_int(v) {
        return int_from_value(vm, v);
    }
    if vm.is(v, Kind::Float) {
        return float_to_int(vm, f(vm.float_val(v)));
    }
    if let Some(m) = vm.special(v, dunder) {
        return vm.call(m, &[v]);
    }
    if dunder == "__trunc__" {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("type {tn} doesn't define __trunc__ method")));
    }
    let x = farg(vm, a, 0)?;
    float_to_int(vm, f(x))
}

fn floor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    to_integral(vm, &a, "floor", "__floor__", f64::floor)
}
fn ceil(vm: &mut Vm, a: Args) -> PyResult<Value> {
    to_integral(vm, &a, "ceil", "__ceil__", f64::ceil)
}
fn trunc(vm: &mut Vm, a: Args) -> PyResult<Value> {
    to_integral(vm, &a, "trunc", "__trunc__", f64::trunc)
}

fn predicate(vm: &mut Vm, a: &Args, name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    npos_range(vm, a, name, 1, 1)?;
    let v = vm.arg(a, 0);
    if vm.is_int(v) {
        return Ok(vm.bool_val(f(1.0)));
    }
    let x = farg(vm, a, 0)?;
    Ok(vm.bool_val(f(x)))
}

fn isnan(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, &a, "isnan", f64::is_nan)
}
fn isinf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, &a, "isinf", f64::is_infinite)
}
fn isfinite(vm: &mut Vm, a: Args) -> PyResult<Value> {
    predicate(vm, &a, "isfinite", f64::is_finite)
}

fn isclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    vm.check_kwargs(&a, "isclose", &["rel_tol", "abs_tol"])?;
    if vm.npos(&a) != 2 {
        let n = vm.npos(&a);
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({n} given)"
        )));
    }
    let (x, y) = (farg(vm, &a, 0)?, farg(vm, &a, 1)?);
    let rel = match vm.kwarg(&a, "rel_tol") {
        Some(v) => float_of(vm, v)?,
        None => 1e-9,
    };
    let abs = match vm.kwarg(&a, "abs_tol") {
        Some(v) => float_of(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    let r = if x == y {
        true
    } else if x.is_infinite() || y.is_infinite() {
        false
    } else {
        let d = (y - x).abs();
        (d <= (rel * y).abs()) || (d <= (rel * x).abs()) || d <= abs
    };
    Ok(vm.bool_val(r))
}

fn copysign(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "copysign", 2, 2)?;
    let (x, y) = (farg(vm, &a, 0)?, farg(vm, &a, 1)?);
    vm.new_float(x.copysign(y))
}

fn fmod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "fmod", 2, 2)?;
    let (x, y) = (farg(vm, &a, 0)?, farg(vm, &a, 1)?);
    if (y == 0.0 || x.is_infinite()) && !x.is_nan() && !y.is_nan() {
        return Err(domain_error(vm));
    }
    vm.new_float(x % y)
}

fn modf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "modf", 1, 1)?;
    let x = farg(vm, &a, 0)?;
    let (fr, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else {
        // the fractional part keeps x's sign: modf(-1.0) == (-0.0, -1.0)
        (x.fract().copysign(x), x.trunc())
    };
    float_pair(vm, fr, int)
}

fn float_pair(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let a = vm.new_float(x)?;
        vm.push(a);
        let b = vm.new_float(y)?;
        vm.push(b);
        vm.new_tuple_from_stack(2)
    })();
    vm.truncate(base);
    r
}

fn frexp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "frexp", 1, 1)?;
    let x = farg(vm, &a, 0)?;
    let (m, e) = frexp_f64(x);
    let mv = vm.new_float(m)?;
    vm.new_tuple(&[mv, Value::from_int(e as i64).unwrap()])
}

/// x == m * 2^e with 0.5 <= |m| < 1 (m = x for 0, inf, nan).
pub fn frexp_f64(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp_f64(x * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

fn ldexp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "ldexp", 2, 2)?;
    let x = farg(vm, &a, 0)?;
    let e = vm.arg(&a, 1);
    if !vm.is_int(e) {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    }
    let e = vm
        .to_bigint(e)
        .unwrap_or_default()
        .to_i64()
        .unwrap_or(0)
        .clamp(-10000, 10000) as i32;
    let mut r = x;
    // scale in steps to stay exact across the subnormal range
    let mut k = e;
    while k != 0 {
        let step = k.clamp(-1000, 1000);
        r *= 2f64.powi(step);
        k -= step;
    }
    if r.is_infinite() && x.is_finite() {
        return Err(range_error(vm));
    }
    vm.new_float(r)
}

// ---- integer functions ---------------------------------------------------------------------------------

/// An int argument for the integer functions (floats rejected like CPython).
fn iarg(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if vm.is(v, Kind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    index_bigint(vm, v)
}

fn factorial(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "factorial", 1, 1)?;
    let n = iarg(vm, vm.arg(&a, 0))?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64().filter(|&n| n <= 1_000_000) else {
        return Err(vm.overflow_error("factorial() argument should not exceed 9223372036854775807"));
    };
    vm.new_bigint(product_range(1, n))
}

/// lo * (lo+1) * ... * hi by binary splitting (1 if empty).
fn product_range(lo: u64, hi: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::one();
        for i in lo..=hi {
            p *= i;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    product_range(lo, mid) * product_range(mid + 1, hi)
}

fn gcd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for i in 0..vm.npos(&a) {
        let n = iarg(vm, vm.arg(&a, i))?;
        g = g.gcd(&n);
    }
    vm.new_bigint(g)
}

fn lcm(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let mut l = BigInt::one();
    for i in 0..vm.npos(&a) {
        let n = iarg(vm, vm.arg(&a, i))?;
        l = if l.is_zero() || n.is_zero() {
            BigInt::zero()
        } else {
            l.lcm(&n)
        };
    }
    vm.new_bigint(l)
}

/// (n, k) for comb/perm: both non-negative ints.
fn n_k(vm: &mut Vm, n: Value, k: Value) -> PyResult<(BigInt, BigInt)> {
    let base = vm.sp();
    vm.push(k); // rooted across n's __index__
    let n = iarg(vm, n);
    let k = vm.at(base);
    vm.truncate(base);
    let n = n?;
    let k = iarg(vm, k)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// n * (n-1) * ... * (n-k+1) for k <= n.
fn falling(n: &BigInt, k: u64) -> BigInt {
    let mut p = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        p *= &f;
        f -= 1;
    }
    p
}

fn comb(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "comb", 2, 2)?;
    let (n, k) = n_k(vm, vm.arg(&a, 0), vm.arg(&a, 1))?;
    if k > n {
        return Ok(Value::from_int(0).unwrap());
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|&k| k <= 10_000_000) else {
        return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    let r = falling(&n, k) / product_range(1, k);
    vm.new_bigint(r)
}

fn perm(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let np = npos_range(vm, &a, "perm", 1, 2)?;
    let k = if np == 2 && !is_none(vm, vm.arg(&a, 1)) {
        vm.arg(&a, 1)
    } else {
        vm.arg(&a, 0)
    };
    let (n, k) = n_k(vm, vm.arg(&a, 0), k)?;
    if k > n {
        return Ok(Value::from_int(0).unwrap());
    }
    let Some(k) = k.to_u64().filter(|&k| k <= 10_000_000) else {
        return Err(vm.overflow_error("k must not exceed 9223372036854775807"));
    };
    vm.new_bigint(falling(&n, k))
}

fn isqrt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "isqrt", 1, 1)?;
    let n = iarg(vm, vm.arg(&a, 0))?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    vm.new_bigint(n.sqrt())
}

fn prod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    vm.check_kwargs(&a, "prod", &["start"])?;
    if vm.npos(&a) != 1 {
        let n = vm.npos(&a);
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({n} given)"
        )));
    }
    let it = vm.get_iter(vm.arg(&a, 0))?;
    let base = vm.sp();
    vm.push(it);
    vm.push(vm.kwarg(&a, "start").unwrap_or(Value::from_int(1).unwrap()));
    let r = (|| {
        while let Some(x) = vm.next(vm.at(base))? {
            let acc = vm.at(base + 1);
            let p = match (acc.is_int(), x.is_int()) {
                (true, true) => acc
                    .as_int()
                    .checked_mul(x.as_int())
                    .and_then(Value::from_int),
                _ => None,
            };
            let p = match p {
                Some(p) => p,
                None => vm.binary_op(acc, x, BinOp::Mul)?,
            };
            vm.set_at(base + 1, p);
        }
        Ok(vm.at(base + 1))
    })();
    vm.truncate(base);
    r
}

fn fsum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "fsum", 1, 1)?;
    let it = vm.get_iter(vm.arg(&a, 0))?;
    let base = vm.sp();
    vm.push(it);
    let mut xs = Vec::new();
    let r = (|| {
        while let Some(x) = vm.next(vm.at(base))? {
            xs.push(real_of(vm, x)?);
        }
        Ok(())
    })();
    vm.truncate(base);
    r?;
    match exact_sum(&xs) {
        Ok(s) => vm.new_float(s),
        Err(msg) if msg.starts_with("intermediate") => Err(vm.overflow_error(msg)),
        Err(msg) => Err(vm.value_error(msg)),
    }
}

/// CPython's math.fsum: Shewchuk's exact partials with correct final rounding.
pub fn exact_sum(xs: &[f64]) -> Result<f64, &'static str> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut inf_sum) = (0.0f64, 0.0f64);
    for &x0 in xs {
        let mut x = x0;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                return Err("intermediate overflow in fsum");
            }
            partials.push(x);
        }
    }
    if special != 0.0 {
        if inf_sum.is_nan() {
            return Err("-inf + inf in fsum");
        }
        return Ok(special);
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

// ---- gamma, lgamma (math_gamma.rs), remainder, nextafter, ulp (libm, CPython's error rules) ----

fn gamma(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "gamma", 1, 1)?;
    let x = farg(vm, &a, 0)?;
    gamma_result(vm, super::math_gamma::tgamma(x))
}

fn lgamma(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "lgamma", 1, 1)?;
    let x = farg(vm, &a, 0)?;
    gamma_result(vm, super::math_gamma::lgamma(x))
}

fn gamma_result(vm: &mut Vm, r: Result<f64, super::math_gamma::GammaError>) -> PyResult<Value> {
    match r {
        Ok(v) => vm.new_float(v),
        Err(super::math_gamma::GammaError::Domain) => Err(domain_error(vm)),
        Err(super::math_gamma::GammaError::Range) => Err(range_error(vm)),
    }
}

fn remainder(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "remainder", 2, 2)?;
    let x = farg(vm, &a, 0)?;
    let y = farg(vm, &a, 1)?;
    if x.is_nan() || y.is_nan() {
        return vm.new_float(f64::NAN);
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error(vm));
    }
    if y.is_infinite() {
        return vm.new_float(x);
    }
    // SAFETY: pure libm function.
    vm.new_float(unsafe { libm::remainder(x, y) })
}

fn nextafter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "nextafter", 2, 2)?;
    let x = farg(vm, &a, 0)?;
    let y = farg(vm, &a, 1)?;
    // SAFETY: pure libm function.
    vm.new_float(unsafe { libm::nextafter(x, y) })
}

fn ulp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "ulp", 1, 1)?;
    let x = farg(vm, &a, 0)?.abs();
    if x.is_nan() || x.is_infinite() {
        return vm.new_float(x);
    }
    // SAFETY: pure libm function.
    let up = unsafe { libm::nextafter(x, f64::INFINITY) };
    if up.is_infinite() {
        // x is the largest finite float: the gap below it.
        // SAFETY: pure libm function.
        return vm.new_float(x - unsafe { libm::nextafter(x, 0.0) });
    }
    vm.new_float(up - x)
}
