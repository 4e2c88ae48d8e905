//! Python int arithmetic: the small-int operations with overflow into big ints (`small_int_op`, the
//! shortcut `Vm::binary_op` takes first for two immediates) and the big-int operations.
//!
//! Big ints go first through `limb_arith`, which works on the operands' limbs in place (`IntRef`)
//! with the kernels of `limbs.rs` and leaves the result in a reused scratch buffer: add, sub, mul
//! (schoolbook sizes), floor division and modulo, shifts, and bitwise ops of non-negative ints. The
//! rest (pow, true division, bitwise ops of negative ints, Karatsuba-sized products, every error
//! case) converts the operands to num-bigint and goes through `big_arith`, whose outcome
//! (`BigOut`/`BigErr`) the caller turns into a value or error.
//!
//! GC: `limb_arith` and `big_arith` are pure; `bigint_op_values` borrows both operands' payloads only
//! while computing into the scratch buffers (outside the heap), then allocates the result, so its
//! operands need no rooting.

use super::limbs;
use super::storage::IntRef;
use crate::bytecode::BinOp;
use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

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
                let (x, y) = (IntRef::from_i64(x), IntRef::from_i64(y));
                self.int_op_refs(&x, &y, op).map(Some)
            }
        }
    }

    /// `x OP y` for two ints given by reference: the limb kernels when they apply, else num-bigint.
    fn int_op_refs(&mut self, x: &IntRef, y: &IntRef, op: BinOp) -> PyResult<Value> {
        let fast = SCRATCH.with_borrow_mut(|s| {
            limb_arith(x.neg, x.mag(), y.neg, y.mag(), op, s).map(|neg| (neg, s.out.len()))
        });
        match fast {
            Some((neg, len)) => self.new_int_from_scratch(neg, len),
            None => {
                let r = big_arith(&x.to_bigint(), &y.to_bigint(), op);
                self.big_result(r)
            }
        }
    }

    /// Int arithmetic on the operands' limbs in place (no copy of a big operand).
    pub(crate) fn bigint_op_values(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        let fast = match (self.int_ref(a), self.int_ref(b)) {
            (Some(x), Some(y)) => SCRATCH.with_borrow_mut(|s| {
                limb_arith(x.neg, x.mag(), y.neg, y.mag(), op, s).map(|neg| (neg, s.out.len()))
            }),
            _ => None,
        };
        match fast {
            Some((neg, len)) => self.new_int_from_scratch(neg, len),
            None => {
                let r = match (self.to_bigint(a), self.to_bigint(b)) {
                    (Some(x), Some(y)) => big_arith(&x, &y, op),
                    _ => Err(BigErr::Type(
                        "unsupported operand type(s) for an int operation",
                    )),
                };
                self.big_result(r)
            }
        }
    }

    /// The int whose magnitude `limb_arith` left in the scratch buffer (`len` limbs) and sign `neg`.
    /// The allocation happens between two short uses of the buffer, outside them: an allocation
    /// runs no Python code (collections take only the roots), so nothing can overwrite it meanwhile.
    fn new_int_from_scratch(&mut self, neg: bool, len: usize) -> PyResult<Value> {
        if len <= 1 {
            let m = SCRATCH.with_borrow_mut(|s| {
                let m = s.out.first().copied().unwrap_or(0);
                s.trim_capacity();
                m
            });
            let one = [m];
            return self.new_int_from_limbs(neg, if m == 0 { &[] } else { &one });
        }
        let v = self.alloc(Kind::BigInt, len)?;
        let p = self.payload::<BigIntObj>(v);
        SCRATCH.with_borrow_mut(|s| {
            assert_eq!(s.out.len(), len);
            // SAFETY: v was just allocated as a BigInt of len limbs; no GC point until the end.
            unsafe {
                (*p).neg = neg as u64;
                std::ptr::copy_nonoverlapping(s.out.as_ptr(), (*p).limbs.as_mut_ptr(), len);
            }
            s.trim_capacity();
        });
        Ok(v)
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

/// The kernels' reusable buffers, one set per thread. Borrowed only by pure code (`limb_arith`, the
/// copy into the result object), never across an allocation or a call.
#[derive(Default)]
struct Scratch {
    out: Vec<u64>,
    q: Vec<u64>,
    r: Vec<u64>,
    u: Vec<u64>,
    v: Vec<u64>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = const {
        std::cell::RefCell::new(Scratch {
            out: Vec::new(),
            q: Vec::new(),
            r: Vec::new(),
            u: Vec::new(),
            v: Vec::new(),
        })
    };
}

impl Scratch {
    /// A buffer grown by a huge operation is not kept for the rest of the run.
    #[inline]
    fn trim_capacity(&mut self) {
        const KEEP: usize = 4096;
        if self.out.capacity() > KEEP || self.u.capacity() > KEEP || self.q.capacity() > KEEP {
            *self = Scratch::default();
        }
    }
}

/// `x + y` on signed magnitudes into `out`; returns the sign of the result.
fn signed_add(xn: bool, x: &[u64], yn: bool, y: &[u64], out: &mut Vec<u64>) -> bool {
    if xn == yn {
        limbs::add(x, y, out);
        return xn && !out.is_empty();
    }
    match limbs::cmp(x, y) {
        Ordering::Less => {
            limbs::sub(y, x, out);
            yn
        }
        Ordering::Equal => {
            out.clear();
            false
        }
        Ordering::Greater => {
            limbs::sub(x, y, out);
            xn
        }
    }
}

/// Python's `x OP y` on sign-magnitude operands with the limb kernels: the result's magnitude is left
/// in `s.out` and its sign returned. `None`: not handled here (the num-bigint path answers, errors
/// included).
fn limb_arith(
    xn: bool,
    x: &[u64],
    yn: bool,
    y: &[u64],
    op: BinOp,
    s: &mut Scratch,
) -> Option<bool> {
    let neg = match op {
        BinOp::Add => signed_add(xn, x, yn, y, &mut s.out),
        BinOp::Sub => signed_add(xn, x, !yn, y, &mut s.out),
        BinOp::Mul => {
            if x.len().min(y.len()) > limbs::KARATSUBA_LIMBS {
                return None;
            }
            limbs::mul(x, y, &mut s.out);
            xn != yn && !s.out.is_empty()
        }
        BinOp::FloorDiv | BinOp::Mod => {
            if y.is_empty() {
                return None; // ZeroDivisionError
            }
            limbs::divrem(x, y, &mut s.q, &mut s.r, &mut s.u, &mut s.v);
            // truncated -> floored: with the signs differing and a remainder, the quotient's
            // magnitude grows by one and the remainder becomes |y| - r (with y's sign)
            let adjust = xn != yn && !s.r.is_empty();
            if op == BinOp::FloorDiv {
                if adjust {
                    limbs::incr(&mut s.q);
                }
                std::mem::swap(&mut s.out, &mut s.q);
                xn != yn && !s.out.is_empty()
            } else {
                if adjust {
                    limbs::sub(y, &s.r, &mut s.out);
                } else {
                    std::mem::swap(&mut s.out, &mut s.r);
                }
                yn && !s.out.is_empty()
            }
        }
        BinOp::LShift => {
            if yn || y.len() > 1 {
                return None; // negative count (ValueError) or a huge one (Memory/OverflowError)
            }
            let count = y.first().copied().unwrap_or(0);
            if (x.len() as u64 * 64).saturating_add(count) > MAX_INT_BITS {
                return None;
            }
            limbs::shl(x, count as usize, &mut s.out);
            xn && !s.out.is_empty()
        }
        BinOp::RShift => {
            if yn {
                return None; // ValueError
            }
            // a count beyond one limb shifts every bit out
            let count = match y {
                [] => 0,
                [c] => usize::try_from(*c).unwrap_or(usize::MAX),
                _ => usize::MAX,
            };
            let lost = limbs::shr(x, count, &mut s.out);
            // floor for negatives: -|x| >> n is -(|x| >> n) - 1 when 1 bits were shifted out
            if xn && lost {
                limbs::incr(&mut s.out);
            }
            xn && !s.out.is_empty()
        }
        BinOp::And | BinOp::Or | BinOp::Xor if !xn && !yn => {
            let (long, short) = if x.len() >= y.len() { (x, y) } else { (y, x) };
            let pairs = short.iter().zip(long);
            s.out.clear();
            match op {
                BinOp::And => s.out.extend(pairs.map(|(a, b)| a & b)),
                BinOp::Or => {
                    s.out.extend(pairs.map(|(a, b)| a | b));
                    s.out.extend_from_slice(&long[short.len()..]);
                }
                _ => {
                    s.out.extend(pairs.map(|(a, b)| a ^ b));
                    s.out.extend_from_slice(&long[short.len()..]);
                }
            }
            limbs::trim(&mut s.out);
            false
        }
        _ => return None,
    };
    Some(neg)
}
