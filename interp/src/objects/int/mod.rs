//! `int`: Python's arbitrary-precision integer. Everything about it lives in this folder: its storage
//! (`storage.rs`: immediates and `BigIntObj`, `to_i64`/`to_bigint`, the `__index__` conversion), its
//! arithmetic (`arith.rs`), its methods and constructor (`methods.rs`), and here its slots: repr,
//! hash, truth, and the numeric comparison and binary operators shared by `bool` and `float`.
//!
//! Numbers compare and combine across int/bool/float (CPython's numeric tower): the slots here accept
//! any mix, so the slot of the left operand's kind answers for mixed operands. They return `None`
//! (no answer: the VM tries the reflected operation and the dunders) only when an operand is not a
//! number, and then before any GC point, as the VM's `binary_op`/`builtin_compare` rely on.
//!
//! Hot paths stay inline in the VM: two small ints in the eval loop (`fast_arith`, COMPARE_OP) and at
//! the top of `Vm::binary_op`/`compare`/`hash`/`truthy`/`repr_string`; the slots are the complete
//! answer behind them (they accept small ints too).

pub mod arith;
pub mod limbs;
pub mod methods;
pub mod storage;

use super::TypeSlots;
use crate::bytecode::{BinOp, CmpOp};
use crate::obj::layout::*;
use crate::objects::float::cmp_big_float;
use crate::vm::ops::cmp_ord;
use crate::vm::{PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::cmp::Ordering;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "int",
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
        "__lshift__",
        "__rlshift__",
        "__rshift__",
        "__rrshift__",
        "__and__",
        "__rand__",
        "__or__",
        "__ror__",
        "__xor__",
        "__rxor__",
        "__divmod__",
        "__rdivmod__",
        "__neg__",
        "__pos__",
        "__abs__",
        "__invert__",
        "__bool__",
        "__int__",
        "__float__",
        "__index__",
        "__round__",
        "__trunc__",
        "__floor__",
        "__ceil__",
    ],
    repr: Some(repr),
    hash: Some(hash),
    truthy: Some(truthy),
    richcompare: Some(richcompare),
    binop: Some(binop),
    install: Some(methods::install),
    ..TypeSlots::EMPTY
};

pub(crate) const MODULUS: u64 = (1u64 << 61) - 1;

pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(n: &BigInt) -> i64 {
    let m = (n.abs() % BigInt::from(MODULUS)).to_i64().unwrap();
    let h = if n.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v.is_int() {
        return Ok(v.as_int().to_string());
    }
    let n = vm.to_bigint(v).unwrap_or_default();
    let sign = if n.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    match decimal_digits(&n) {
        Ok(d) => Ok(format!("{sign}{d}")),
        Err(m) => Err(vm.value_error(m)),
    }
}

/// CPython 3.11's limit on conversions between ints and decimal strings (`sys.int_info`'s default
/// 4300 digits; `sys.set_int_max_str_digits`, 0 = no limit): such conversions are quadratic, so a
/// huge one is refused with ValueError instead of running for minutes. Process-wide, as CPython's.
static MAX_STR_DIGITS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(4300);

pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn set_max_str_digits(n: usize) {
    MAX_STR_DIGITS.store(n, std::sync::atomic::Ordering::Relaxed);
}

/// The decimal digits of |n| (no sign), or the ValueError message when there are more than the limit.
pub fn decimal_digits(n: &num_bigint::BigInt) -> Result<String, String> {
    let limit = max_str_digits();
    let too_many = || {
        format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use \
             sys.set_int_max_str_digits() to increase the limit"
        )
    };
    // |n| >= 2**(bits-1) has at least (bits-1)*log10(2) + 1 digits: refused without converting
    if limit > 0
        && n.bits().saturating_sub(1) as f64 * std::f64::consts::LOG10_2 >= limit as f64 + 1.0
    {
        return Err(too_many());
    }
    let d = n.magnitude().to_str_radix(10);
    if limit > 0 && d.len() > limit {
        return Err(too_many());
    }
    Ok(d)
}

/// The string-to-int direction: `digits` decimal (non power-of-two base) digits are too many.
pub fn check_str_digits(digits: usize) -> Result<(), String> {
    let limit = max_str_digits();
    if limit > 0 && digits > limit {
        return Err(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        ));
    }
    Ok(())
}

fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_int() {
        return Ok(hash_i64(v.as_int()));
    }
    let (neg, mag) = vm.big_limbs(v);
    let m = limbs::hash_mod(mag) as i64;
    let h = if neg { -m } else { m };
    Ok(if h == -1 { -2 } else { h })
}

fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    if v.is_int() {
        return Ok(v.as_int() != 0);
    }
    Ok(!vm.big_limbs(v).1.is_empty())
}

/// Is `k` a number kind (int, bool, float)? Small ints report `Kind::BigInt` (`Vm::kind_or_int`).
fn is_number(k: Kind) -> bool {
    matches!(k, Kind::BigInt | Kind::Bool | Kind::Float)
}

/// `a OP b` for two numbers in any mix of int, bool and float (exact: a big int is not rounded to a
/// float to compare with one); `None` when either operand is not a number. No GC point.
pub(crate) fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    let (ka, kb) = (vm.kind_or_int(a), vm.kind_or_int(b));
    if is_number(ka) && is_number(kb) {
        let ord = if ka == Kind::Float || kb == Kind::Float {
            let (x, y) = (
                vm.num_as_f64(a).unwrap_or(f64::NAN),
                vm.num_as_f64(b).unwrap_or(f64::NAN),
            );
            if x.is_nan() || y.is_nan() {
                return Ok(Some(vm.bool_val(op == CmpOp::Ne)));
            }
            match (vm.to_bigint(a), vm.to_bigint(b)) {
                (Some(ia), None) if x == y => cmp_big_float(&ia, y),
                (None, Some(ib)) if x == y => cmp_big_float(&ib, x).reverse(),
                _ => x.partial_cmp(&y).unwrap(),
            }
        } else if let (Some(x), Some(y)) = (vm.to_i64(a), vm.to_i64(b)) {
            x.cmp(&y)
        } else {
            match (vm.int_ref(a), vm.int_ref(b)) {
                (Some(x), Some(y)) => match (x.neg, y.neg) {
                    (false, true) => Ordering::Greater,
                    (true, false) => Ordering::Less,
                    (false, false) => limbs::cmp(x.mag(), y.mag()),
                    (true, true) => limbs::cmp(y.mag(), x.mag()),
                },
                _ => return Ok(None),
            }
        };
        return Ok(Some(vm.bool_val(cmp_ord(ord, op))));
    }
    Ok(None)
}

/// `a OP b` for two numbers: int (or bool) with int stays exact, any float makes it float arithmetic;
/// `None` when either operand is not a number (before any GC point).
pub(crate) fn binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    let (ka, kb) = (vm.kind_or_int(a), vm.kind_or_int(b));
    let intk = |k: Kind| matches!(k, Kind::BigInt | Kind::Bool);
    if intk(ka) && intk(kb) {
        return vm.bigint_op_values(a, b, op).map(Some);
    }
    if (ka == Kind::Float || intk(ka)) && (kb == Kind::Float || intk(kb)) {
        if matches!(
            op,
            BinOp::And | BinOp::Or | BinOp::Xor | BinOp::LShift | BinOp::RShift | BinOp::MatMul
        ) {
            // no float form: the generic rules name both operand types in the TypeError
            return Ok(None);
        }
        let x = vm.num_as_f64(a);
        let y = vm.num_as_f64(b);
        // A big int beyond the float range converts to inf: CPython refuses it instead.
        let (Some(x), Some(y)) = (x, y) else {
            return Err(vm.overflow_error("int too large to convert to float"));
        };
        if (intk(ka) && x.is_infinite()) || (intk(kb) && y.is_infinite()) {
            return Err(vm.overflow_error("int too large to convert to float"));
        }
        return vm.float_op(x, y, op).map(Some);
    }
    Ok(None)
}
