//! Python int arithmetic: the small-int operations with overflow into big ints (`small_int_op`, the
//! shortcut `Vm::binary_op` takes first for two immediates) and the big-int operations on borrowed
//! payloads (`big_arith`), whose outcome (`BigOut`/`BigErr`) the caller turns into a value or error.
//!
//! GC: `big_arith` is pure; `bigint_op_values` borrows both operands' payloads only while computing,
//! then allocates the result, so its operands need no rooting.

use crate::bytecode::BinOp;
use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

impl Vm {
    #[inline]
    pub(crate) fn small_int_op(&mut self, x: i64, y: i64, op: BinOp) -> PyResult<Option<Value>> {
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(self.zero_div("integer division or modulo by zero"));
                }
                Some(Integer::div_floor(&x, &y))
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(self.zero_div("integer modulo by zero"));
                }
                Some(x.mod_floor(&y))
            }
            BinOp::TrueDiv => {
                if y == 0 {
                    return Err(self.zero_div("division by zero"));
                }
                // Exact operands give a correctly rounded quotient; wider ones need the big path.
                const EXACT: i64 = 1 << 53;
                if x.abs() <= EXACT && y.abs() <= EXACT {
                    return self.new_float(x as f64 / y as f64).map(Some);
                }
                let f = big_true_div(&BigInt::from(x), &BigInt::from(y));
                return self.new_float(f).map(Some);
            }
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            BinOp::LShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if y < 62 && (x.abs() < (1i64 << (62 - y))) {
                    Some(x << y)
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(x >> y.min(63))
            }
            BinOp::Pow => {
                if y < 0 {
                    return self.float_op(x as f64, y as f64, op).map(Some);
                }
                if y > u32::MAX as i64 {
                    None
                } else {
                    x.checked_pow(y as u32)
                }
            }
            BinOp::MatMul => return Ok(None),
        };
        match r {
            Some(i) => self.new_int(i).map(Some),
            None => {
                if op == BinOp::MatMul {
                    return Ok(None);
                }
                self.bigint_op(BigInt::from(x), BigInt::from(y), op)
                    .map(Some)
            }
        }
    }

    fn bigint_op(&mut self, x: BigInt, y: BigInt, op: BinOp) -> PyResult<Value> {
        let r = big_arith(&x, &y, op);
        self.big_result(r)
    }

    /// Big-int arithmetic on the operands' payloads in place (no clone of a big operand).
    pub(crate) fn bigint_op_values(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        let small = |vm: &Vm, v: Value| -> Option<BigInt> {
            if vm.is(v, Kind::BigInt) {
                None
            } else {
                vm.to_bigint(v)
            }
        };
        let (sa, sb) = (small(self, a), small(self, b));
        let r = {
            let x = sa.as_ref().unwrap_or_else(|| &self.obj::<BigIntObj>(a).n);
            let y = sb.as_ref().unwrap_or_else(|| &self.obj::<BigIntObj>(b).n);
            big_arith(x, y, op)
        };
        self.big_result(r)
    }

    pub(crate) fn big_result(&mut self, r: Result<BigOut, BigErr>) -> PyResult<Value> {
        match r {
            Ok(BigOut::Int(n)) => self.new_bigint(n),
            Ok(BigOut::Float(f)) => self.new_float(f),
            Ok(BigOut::FloatOp(x, y, op)) => self.float_op(x, y, op),
            Err(BigErr::Memory) => Err(self.memory_error()),
            Err(BigErr::ZeroDiv(m)) => Err(self.zero_div(m)),
            Err(BigErr::Overflow(m)) => Err(self.overflow_error(m)),
            Err(BigErr::Value(m)) => Err(self.value_error(m)),
            Err(BigErr::Type(m)) => Err(self.type_error(m)),
        }
    }
}

/// `x / y` correctly rounded (CPython's long_true_divide): both exact in a double divide directly;
/// otherwise the quotient is computed to 55+ bits with a sticky bit for the remainder, rounded once
/// to a double and scaled. Infinite when the result is beyond the float range (the caller raises).
fn big_true_div(x: &BigInt, y: &BigInt) -> f64 {
    const EXACT: f64 = 9007199254740992.0; // 2**53
    if let (Some(a), Some(b)) = (x.to_f64(), y.to_f64()) {
        if a.abs() <= EXACT && b.abs() <= EXACT {
            return a / b;
        }
    }
    let neg = x.is_negative() != y.is_negative();
    let (a, b) = (x.magnitude(), y.magnitude());
    if a.is_zero() {
        return if neg { -0.0 } else { 0.0 };
    }
    // Scale so that the integer quotient has 55 or 56 bits.
    let shift = a.bits() as i64 - b.bits() as i64 - 55;
    let (num, den) = if shift >= 0 {
        (a.clone(), b << (shift as usize))
    } else {
        (a << ((-shift) as usize), b.clone())
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1; // sticky: the rounding below sees that the quotient was inexact
    }
    let bits = 64 - q.leading_zeros() as i64;
    if bits + shift > 1024 {
        return if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    // Round to 53 bits (ties to even) by hand when the result is normal, then scale exactly.
    let f = ldexp(q as f64, shift);
    if neg {
        -f
    } else {
        f
    }
}

/// `m * 2**e` computed in steps that never overflow or underflow before the end.
fn ldexp(mut m: f64, mut e: i64) -> f64 {
    while e > 1000 {
        m *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        m *= 2f64.powi(-1000);
        e += 1000;
    }
    m * 2f64.powi(e as i32)
}

/// The largest int result computed (2**35 bits, 4 GiB): beyond it CPython's allocation would fail
/// on any ordinary machine, and a failed Rust allocation aborts, so the size is checked first.
const MAX_INT_BITS: u64 = 1 << 35;

pub enum BigOut {
    Int(BigInt),
    Float(f64),
    FloatOp(f64, f64, BinOp),
}

pub enum BigErr {
    /// The result would not fit in memory (CPython's MemoryError for `1 << 10**12`).
    Memory,
    ZeroDiv(&'static str),
    Overflow(&'static str),
    Value(&'static str),
    Type(&'static str),
}

/// Python int arithmetic on borrowed big ints; the caller turns the outcome into a value or an error.
fn big_arith(x: &BigInt, y: &BigInt, op: BinOp) -> Result<BigOut, BigErr> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => {
            if x.bits() + y.bits() > MAX_INT_BITS {
                return Err(BigErr::Memory);
            }
            x * y
        }
        BinOp::FloorDiv if y.is_zero() => {
            return Err(BigErr::ZeroDiv("integer division or modulo by zero"))
        }
        BinOp::Mod if y.is_zero() => return Err(BigErr::ZeroDiv("integer modulo by zero")),
        BinOp::FloorDiv => x.div_floor(y),
        BinOp::Mod => x.mod_floor(y),
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(BigErr::ZeroDiv("division by zero"));
            }
            let f = big_true_div(x, y);
            if f.is_infinite() {
                return Err(BigErr::Overflow(
                    "integer division result too large for a float",
                ));
            }
            return Ok(BigOut::Float(f));
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::LShift => {
            if y.is_negative() {
                return Err(BigErr::Value("negative shift count"));
            }
            if x.is_zero() {
                return Ok(BigOut::Int(BigInt::zero()));
            }
            let Some(s) = y.to_i64() else {
                // CPython: a result of more than ~2**61 30-bit digits cannot even be sized
                // (OverflowError); a smaller one fails to allocate (MemoryError)
                if y / 30u32 > BigInt::from(1u64 << 61) {
                    return Err(BigErr::Overflow("too many digits in integer"));
                }
                return Err(BigErr::Memory);
            };
            if x.is_zero() {
                BigInt::zero()
            } else if x.bits().saturating_add(s as u64) > MAX_INT_BITS {
                return Err(BigErr::Memory);
            } else {
                x << (s as usize)
            }
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(BigErr::Value("negative shift count"));
            }
            let s = y.to_i64().unwrap_or(i64::MAX);
            if s < 0 {
                return Err(BigErr::Value("negative shift count"));
            }
            if s > 1 << 32 {
                if x.is_negative() {
                    BigInt::from(-1)
                } else {
                    BigInt::zero()
                }
            } else {
                x >> (s as usize)
            }
        }
        BinOp::Pow => {
            if y.is_negative() {
                let (Some(a), Some(b)) = (x.to_f64(), y.to_f64()) else {
                    return Err(BigErr::Overflow("int too large to convert to float"));
                };
                return Ok(BigOut::FloatOp(a, b, op));
            }
            // 0, 1 and -1 stay small whatever the exponent.
            if x.is_zero() || x.magnitude().is_one() {
                let one = y.is_zero() || (x.is_negative() && !y.is_odd());
                return Ok(BigOut::Int(if one { BigInt::one() } else { x.clone() }));
            }
            let e = y.to_u64().unwrap_or(u64::MAX);
            if (x.bits() - 1).saturating_mul(e) > MAX_INT_BITS {
                return Err(BigErr::Memory);
            }
            num_traits::pow::Pow::pow(x, e)
        }
        BinOp::MatMul => {
            return Err(BigErr::Type(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ))
        }
    };
    Ok(BigOut::Int(r))
}
