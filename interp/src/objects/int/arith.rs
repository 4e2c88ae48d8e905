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
use num_traits::{Signed, ToPrimitive, Zero};

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
                    return Err(self.zero_div("integer division or modulo by zero"));
                }
                Some(x.mod_floor(&y))
            }
            BinOp::TrueDiv => {
                if y == 0 {
                    return Err(self.zero_div("division by zero"));
                }
                return self.new_float(x as f64 / y as f64).map(Some);
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
            Err(BigErr::ZeroDiv(m)) => Err(self.zero_div(m)),
            Err(BigErr::Overflow(m)) => Err(self.overflow_error(m)),
            Err(BigErr::Value(m)) => Err(self.value_error(m)),
            Err(BigErr::Type(m)) => Err(self.type_error(m)),
        }
    }
}

fn big_true_div(x: &BigInt, y: &BigInt) -> f64 {
    match (x.to_f64(), y.to_f64()) {
        (Some(a), Some(b)) if a.abs() < 9.0e15 && b.abs() < 9.0e15 => a / b,
        _ => {
            // scale to keep precision
            let q = x.div_floor(y);
            let r = x - &q * y;
            q.to_f64().unwrap_or(f64::INFINITY)
                + r.to_f64().unwrap_or(0.0) / y.to_f64().unwrap_or(f64::INFINITY)
        }
    }
}

pub enum BigOut {
    Int(BigInt),
    Float(f64),
    FloatOp(f64, f64, BinOp),
}

pub enum BigErr {
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
        BinOp::Mul => x * y,
        BinOp::FloorDiv | BinOp::Mod if y.is_zero() => {
            return Err(BigErr::ZeroDiv("integer division or modulo by zero"))
        }
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
            let Some(s) = y.to_i64() else {
                return Err(BigErr::Overflow("too many digits in integer"));
            };
            if s < 0 {
                return Err(BigErr::Value("negative shift count"));
            }
            x << (s as usize)
        }
        BinOp::RShift => {
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
            let Some(e) = y.to_u32() else {
                return Err(BigErr::Overflow("exponent too large"));
            };
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
