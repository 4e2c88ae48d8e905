//! float -> int: the exact integer value of an integral float (`int(f)`, `round`, `math.floor`...),
//! and `decompose`, a float's exact binary value (shared with `round(x, n)`).

use crate::vm::{PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;

/// An integral float as an int (OverflowError for infinities, ValueError for NaN).
pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if f.abs() < 4.0e18 {
        return vm.new_int(f as i64);
    }
    let n = num_bigint::BigInt::from_f64_exact(f);
    vm.new_bigint(n)
}

trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}

impl FromF64Exact for BigInt {
    /// The exact integer value of an integral, finite f64.
    fn from_f64_exact(f: f64) -> BigInt {
        let (m, e) = decompose(f);
        if e >= 0 {
            m << e as usize
        } else {
            m >> (-e) as usize
        }
    }
}

/// f == m * 2^e exactly (m signed, 53 bits at most).
pub fn decompose(f: f64) -> (BigInt, i32) {
    let bits = f.to_bits();
    let sign = if bits >> 63 != 0 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    (BigInt::from(m) * sign, e)
}
