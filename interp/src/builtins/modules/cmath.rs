//! The `cmath` module: constants, and the complex functions sqrt, exp, log, log10, phase, polar,
//! rect, sin/cos/tan, sinh/cosh/tanh, isfinite/isinf/isnan and isclose, written after CPython's
//! cmathmodule.c so finite results match bit for bit (the same libm calls in the same order). CPython's
//! errno protocol is a `Flag` returned beside each result: EDOM is ValueError("math domain error"),
//! ERANGE OverflowError("math range error"). Non-finite inputs follow C99 Annex G (CPython's
//! special-value tables) for sqrt, exp, log and rect; the trigonometric and hyperbolic functions
//! compute them directly (the common cases agree; some signs of NaN/zero parts may differ).
//!
//! Arguments convert as `PyComplex_AsCComplex`: complex, `__complex__`, then any real number
//! (`__float__`/`__index__`). GC: arguments are re-read with `vm.arg` after a hook ran.

use super::{add_fns, set_attr};
use crate::builtins::functions::float_of;
use crate::obj::layout::*;
use crate::objects::args::{bind_keywords_from, count_error};
use crate::objects::complex::{c_abs, c_quot, call_dunder_complex, C};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, LN_10, LN_2, PI};

pub fn fill(vm: &mut Vm, m: usize) -> PyResult<()> {
    let consts = [
        ("pi", PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, v) in consts {
        set_attr(vm, m, name, |vm| vm.new_float(v))?;
    }
    set_attr(vm, m, "infj", |vm| vm.new_complex(0.0, f64::INFINITY))?;
    set_attr(vm, m, "nanj", |vm| vm.new_complex(0.0, f64::NAN))?;
    add_fns(vm, m, FNS)
}

const FNS: &[(&str, NativeFn)] = &[
    ("sqrt", sqrt),
    ("exp", exp),
    ("log", log),
    ("log10", log10),
    ("phase", phase),
    ("polar", polar),
    ("rect", rect),
    ("sin", sin),
    ("cos", cos),
    ("tan", tan),
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("isclose", isclose),
];

/// CPython's errno after a cmath computation.
#[derive(Clone, Copy, PartialEq)]
enum Flag {
    Ok,
    Dom,
    Range,
}

const LARGE: f64 = f64::MAX / 4.0;
/// log(LARGE): beyond it exp/cosh/sinh scale down by e first.
fn log_large() -> f64 {
    LARGE.ln()
}

// ---- arguments and results ----------------------------------------------------------------------

/// The argument at stack slot `slot` as a complex (`PyComplex_AsCComplex`). A GC point when a hook
/// runs.
fn carg(vm: &mut Vm, slot: usize) -> PyResult<C> {
    let v = vm.at(slot);
    if vm.is(v, Kind::Complex) {
        return Ok(vm.complex_val(v));
    }
    if let Some(c) = call_dunder_complex(vm, v)? {
        return Ok(c);
    }
    let v = vm.at(slot);
    if vm.is(v, Kind::Float) || vm.is_int(v) {
        return Ok((float_of(vm, v)?, 0.0));
    }
    if v.is_ptr() && matches!(vm.kind(v), Kind::Instance | Kind::Foreign) {
        let f = crate::objects::float::methods::float_from_value(vm, v)?;
        return Ok((vm.float_val(f), 0.0));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {tn}")))
}

/// The float argument at stack slot `slot` (`rect`'s, isclose's tolerances): ints, floats,
/// `__float__`/`__index__` objects.
fn farg(vm: &mut Vm, slot: usize) -> PyResult<f64> {
    let v = vm.at(slot);
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

/// The one argument of a METH_O function (`cmath.sqrt() takes exactly one argument (2 given)`).
fn one(vm: &mut Vm, a: &Args, name: &str) -> PyResult<C> {
    if vm.npos(a) != a.n {
        return Err(vm.type_error(format!("cmath.{name}() takes no keyword arguments")));
    }
    if a.n != 1 {
        return Err(vm.type_error(format!(
            "cmath.{name}() takes exactly one argument ({} given)",
            a.n
        )));
    }
    carg(vm, a.base)
}

fn finish(vm: &mut Vm, (r, flag): (C, Flag)) -> PyResult<Value> {
    match flag {
        Flag::Dom => Err(vm.value_error("math domain error")),
        Flag::Range => Err(vm.overflow_error("math range error")),
        Flag::Ok => vm.new_complex(r.0, r.1),
    }
}

/// A complex function of one argument.
fn unary(vm: &mut Vm, a: &Args, name: &str, f: fn(C) -> (C, Flag)) -> PyResult<Value> {
    let z = one(vm, a, name)?;
    finish(vm, f(z))
}

/// ERANGE when a part came out infinite (exp, cosh, sinh).
fn range_check(r: C) -> (C, Flag) {
    let f = if r.0.is_infinite() || r.1.is_infinite() {
        Flag::Range
    } else {
        Flag::Ok
    };
    (r, f)
}

// ---- sqrt, exp, log ------------------------------------------------------------------------------

fn c_sqrt(z: C) -> (C, Flag) {
    let (x, y) = z;
    if !x.is_finite() || !y.is_finite() {
        // C99 csqrt
        let r = if y.is_infinite() {
            (f64::INFINITY, y)
        } else if x == f64::NEG_INFINITY {
            if y.is_nan() {
                (f64::NAN, f64::INFINITY)
            } else {
                (0.0, f64::INFINITY.copysign(y))
            }
        } else if x == f64::INFINITY {
            if y.is_nan() {
                (f64::INFINITY, f64::NAN)
            } else {
                (f64::INFINITY, 0.0f64.copysign(y))
            }
        } else {
            (f64::NAN, f64::NAN)
        };
        return (r, Flag::Ok);
    }
    if x == 0.0 && y == 0.0 {
        return ((0.0, y), Flag::Ok);
    }
    let (mut ax, ay) = (x.abs(), y.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot(ax, ay) would be subnormal: scale up by 2**53, then down by 2**27
        ax *= 2f64.powi(53);
        (ax + ax.hypot(ay * 2f64.powi(53))).sqrt() * 2f64.powi(-27)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    let r = if x >= 0.0 {
        (s, d.copysign(y))
    } else {
        (d, s.copysign(y))
    };
    (r, Flag::Ok)
}

fn c_exp(z: C) -> (C, Flag) {
    let (x, y) = z;
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_infinite() && y.is_finite() && y != 0.0 {
            if x > 0.0 {
                (
                    f64::INFINITY.copysign(y.cos()),
                    f64::INFINITY.copysign(y.sin()),
                )
            } else {
                (0.0f64.copysign(y.cos()), 0.0f64.copysign(y.sin()))
            }
        } else if x.is_nan() {
            (f64::NAN, if y == 0.0 { y } else { f64::NAN })
        } else if x == f64::INFINITY {
            if y == 0.0 {
                (f64::INFINITY, y)
            } else {
                (f64::INFINITY, f64::NAN)
            }
        } else if x == f64::NEG_INFINITY {
            (
                0.0,
                if y.is_finite() {
                    0.0f64.copysign(y)
                } else {
                    0.0
                },
            )
        } else {
            (f64::NAN, f64::NAN)
        };
        let dom = y.is_infinite() && (x.is_finite() || x == f64::INFINITY);
        return (r, if dom { Flag::Dom } else { Flag::Ok });
    }
    let r = if x > log_large() {
        let l = (x - 1.0).exp();
        (
            l * y.cos() * std::f64::consts::E,
            l * y.sin() * std::f64::consts::E,
        )
    } else {
        let l = x.exp();
        (l * y.cos(), l * y.sin())
    };
    range_check(r)
}

fn c_log(z: C) -> (C, Flag) {
    let (x, y) = z;
    if !x.is_finite() || !y.is_finite() {
        // C99 clog
        let r = if x.is_infinite() && y.is_infinite() {
            let im = if x > 0.0 { FRAC_PI_4 } else { 3.0 * FRAC_PI_4 };
            (f64::INFINITY, im.copysign(y))
        } else if x.is_infinite() {
            let im = if y.is_nan() {
                f64::NAN
            } else if x > 0.0 {
                0.0f64.copysign(y)
            } else {
                PI.copysign(y)
            };
            (f64::INFINITY, im)
        } else if y.is_infinite() {
            let im = if x.is_nan() {
                f64::NAN
            } else {
                FRAC_PI_2.copysign(y)
            };
            (f64::INFINITY, im)
        } else {
            (f64::NAN, f64::NAN)
        };
        return (r, Flag::Ok);
    }
    let (ax, ay) = (x.abs(), y.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let k = 2f64.powi(53);
            (ax * k).hypot(ay * k).ln() - 53.0 * LN_2
        } else {
            return ((f64::NEG_INFINITY, y.atan2(x)), Flag::Dom);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    ((re, y.atan2(x)), Flag::Ok)
}

fn sqrt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, &a, "sqrt", c_sqrt)
}

fn exp(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, &a, "exp", c_exp)
}

fn log10(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, &a, "log10", |z| {
        let ((re, im), f) = c_log(z);
        ((re / LN_10, im / LN_10), f)
    })
}

/// log(x[, base]): log(x) / log(base); the errno is the last one set (CPython clears log(x)'s EDOM
/// when it computes log(base), so log(0, 2) is (-inf+nanj)).
fn log(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if vm.npos(&a) != a.n {
        return Err(vm.type_error("log() takes no keyword arguments"));
    }
    if let Some(m) = count_error("log", 1, 2, a.n) {
        return Err(vm.type_error(m));
    }
    let x = carg(vm, a.base)?;
    let base = if a.n == 2 {
        Some(carg(vm, a.base + 1)?)
    } else {
        None
    };
    let (mut r, mut flag) = c_log(x);
    if let Some(b) = base {
        let (lb, fb) = c_log(b);
        flag = fb;
        match c_quot(r, lb) {
            Some(q) => r = q,
            None => {
                r = (0.0, 0.0);
                flag = Flag::Dom;
            }
        }
    }
    finish(vm, (r, flag))
}

// ---- phase, polar, rect --------------------------------------------------------------------------

fn phase(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = one(vm, &a, "phase")?;
    vm.new_float(y.atan2(x))
}

fn polar(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = one(vm, &a, "polar")?;
    let r = c_abs(x, y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    let p = y.atan2(x);
    let rv = vm.new_float(r)?;
    vm.push(rv);
    let pv = vm.new_float(p)?;
    vm.push(pv);
    vm.new_tuple_from_stack(2)
}

fn rect(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if vm.npos(&a) != a.n {
        return Err(vm.type_error("rect() takes no keyword arguments"));
    }
    if a.n != 2 {
        return Err(vm.type_error(format!("rect expected 2 arguments, got {}", a.n)));
    }
    let r = farg(vm, a.base)?;
    let phi = farg(vm, a.base + 1)?;
    let z = if !r.is_finite() || !phi.is_finite() {
        if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let (c, s) = (
                f64::INFINITY.copysign(phi.cos()),
                f64::INFINITY.copysign(phi.sin()),
            );
            if r > 0.0 {
                (c, s)
            } else {
                (-c, -s)
            }
        } else if r.is_infinite() && phi == 0.0 {
            (r, phi * r.signum())
        } else if r == 0.0 && !phi.is_nan() {
            (0.0, 0.0)
        } else if r.is_infinite() {
            (f64::INFINITY, f64::NAN)
        } else {
            (f64::NAN, f64::NAN)
        }
    } else if phi == 0.0 {
        (r, r * phi)
    } else {
        (r * phi.cos(), r * phi.sin())
    };
    if r != 0.0 && !r.is_nan() && phi.is_infinite() {
        return Err(vm.value_error("math domain error"));
    }
    vm.new_complex(z.0, z.1)
}

// ---- hyperbolic and trigonometric ----------------------------------------------------------------

fn c_cosh(z: C) -> (C, Flag) {
    let (x, y) = z;
    if !x.is_finite() || !y.is_finite() {
        if x.is_infinite() && y.is_finite() && y != 0.0 {
            let r = if x > 0.0 {
                (
                    f64::INFINITY.copysign(y.cos()),
                    f64::INFINITY.copysign(y.sin()),
                )
            } else {
                (
                    f64::INFINITY.copysign(y.cos()),
                    -f64::INFINITY.copysign(y.sin()),
                )
            };
            return (r, Flag::Ok);
        }
        let r = (x.cosh() * y.cos(), x.sinh() * y.sin());
        let dom = y.is_infinite() && !x.is_nan();
        return (r, if dom { Flag::Dom } else { Flag::Ok });
    }
    let r = if x.abs() > log_large() {
        let xm1 = x - 1.0f64.copysign(x);
        (
            y.cos() * xm1.cosh() * std::f64::consts::E,
            y.sin() * xm1.sinh() * std::f64::consts::E,
        )
    } else {
        (y.cos() * x.cosh(), y.sin() * x.sinh())
    };
    range_check(r)
}

fn c_sinh(z: C) -> (C, Flag) {
    let (x, y) = z;
    if !x.is_finite() || !y.is_finite() {
        if x.is_infinite() && y.is_finite() && y != 0.0 {
            let r = if x > 0.0 {
                (
                    f64::INFINITY.copysign(y.cos()),
                    f64::INFINITY.copysign(y.sin()),
                )
            } else {
                (
                    -f64::INFINITY.copysign(y.cos()),
                    f64::INFINITY.copysign(y.sin()),
                )
            };
            return (r, Flag::Ok);
        }
        let r = (x.sinh() * y.cos(), x.cosh() * y.sin());
        let dom = y.is_infinite() && !x.is_nan();
        return (r, if dom { Flag::Dom } else { Flag::Ok });
    }
    let r = if x.abs() > log_large() {
        let xm1 = x - 1.0f64.copysign(x);
        (
            y.cos() * xm1.sinh() * std::f64::consts::E,
            y.sin() * xm1.cosh() * std::f64::consts::E,
        )
    } else {
        (y.cos() * x.sinh(), y.sin() * x.cosh())
    };
    range_check(r)
}

fn c_tanh(z: C) -> (C, Flag) {
    let (x, y) = z;
    if !x.is_finite() || !y.is_finite() {
        if x.is_infinite() && y.is_finite() && y != 0.0 {
            let r = (1.0f64.copysign(x), 0.0f64.copysign(2.0 * y.sin() * y.cos()));
            return (r, Flag::Ok);
        }
        if x.is_infinite() {
            return ((1.0f64.copysign(x), 0.0f64.copysign(y)), Flag::Ok);
        }
        let dom = y.is_infinite() && x.is_finite();
        return ((f64::NAN, f64::NAN), if dom { Flag::Dom } else { Flag::Ok });
    }
    let r = if x.abs() > log_large() {
        (
            1.0f64.copysign(x),
            4.0 * y.sin() * y.cos() * (-2.0 * x.abs()).exp(),
        )
    } else {
        let tx = x.tanh();
        let ty = y.tan();
        let cx = 1.0 / x.cosh();
        let txty = tx * ty;
        let denom = 1.0 + txty * txty;
        (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
    };
    (r, Flag::Ok)
}

fn sinh(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, &a, "sinh", c_sinh)
}

fn cosh(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, &a, "cosh", c_cosh)
}

fn tanh(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, &a, "tanh", c_tanh)
}

/// cos(z) = cosh(iz)
fn cos(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, &a, "cos", |(x, y)| c_cosh((-y, x)))
}

/// sin(z) = -i sinh(iz)
fn sin(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, &a, "sin", |(x, y)| {
        let ((sr, si), f) = c_sinh((-y, x));
        ((si, -sr), f)
    })
}

/// tan(z) = -i tanh(iz)
fn tan(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, &a, "tan", |(x, y)| {
        let ((tr, ti), f) = c_tanh((-y, x));
        ((ti, -tr), f)
    })
}

// ---- classification ------------------------------------------------------------------------------

fn isfinite(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = one(vm, &a, "isfinite")?;
    Ok(vm.bool_val(x.is_finite() && y.is_finite()))
}

fn isinf(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = one(vm, &a, "isinf")?;
    Ok(vm.bool_val(x.is_infinite() || y.is_infinite()))
}

fn isnan(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (x, y) = one(vm, &a, "isnan")?;
    Ok(vm.bool_val(x.is_nan() || y.is_nan()))
}

/// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
fn isclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = vm.npos(&a);
    if npos > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let slots = bind_keywords_from(vm, &a, 0, "isclose", &["a", "b", "rel_tol", "abs_tol"])?;
    let mut ab = [(0.0, 0.0); 2];
    for (i, name) in ["a", "b"].into_iter().enumerate() {
        let Some(slot) = slots[i] else {
            return Err(vm.type_error(format!(
                "isclose() missing required argument '{name}' (pos {})",
                i + 1
            )));
        };
        ab[i] = carg(vm, slot)?;
    }
    let rel = match slots[2] {
        Some(s) => farg(vm, s)?,
        None => 1e-9,
    };
    let abs = match slots[3] {
        Some(s) => farg(vm, s)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    let [x, y] = ab;
    let r = if x.0 == y.0 && x.1 == y.1 {
        true
    } else if x.0.is_infinite() || x.1.is_infinite() || y.0.is_infinite() || y.1.is_infinite() {
        false
    } else {
        let diff = c_abs(x.0 - y.0, x.1 - y.1);
        diff <= rel * c_abs(y.0, y.1) || diff <= rel * c_abs(x.0, x.1) || diff <= abs
    };
    Ok(vm.bool_val(r))
}
