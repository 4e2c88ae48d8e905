//! An int's storage: small ints are immediates (`Value::from_int`, 62 bits); larger ones are
//! `BigIntObj { len, neg, limbs }` heap objects holding their 64-bit limbs inline. A bool is an int
//! too (`BoolObj { value }`) for every accessor here.
//!
//! Invariant: an int that fits in a small int is never boxed (`new_int_from_limbs` normalizes), so two
//! equal small ints are the same `Value`. Accessors borrow `&Vm` (no GC point); the constructors
//! allocate. `IntRef` is the view the arithmetic reads operands through: a borrowed limb slice for a
//! big int, a one-limb copy for a small one (so small operands cost no allocation).

use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::ToPrimitive;

/// An int operand as sign and magnitude: `mag` borrows the object's limbs or `small`.
pub struct IntRef<'a> {
    pub neg: bool,
    small: [u64; 1],
    big: &'a [u64],
    is_small: bool,
}

impl<'a> IntRef<'a> {
    #[inline]
    pub fn from_i64(i: i64) -> IntRef<'static> {
        IntRef {
            neg: i < 0,
            small: [i.unsigned_abs()],
            big: &[],
            is_small: true,
        }
    }
    /// The magnitude (trimmed: empty for zero).
    #[inline]
    pub fn mag(&self) -> &[u64] {
        if self.is_small {
            if self.small[0] == 0 {
                &[]
            } else {
                &self.small
            }
        } else {
            self.big
        }
    }
    pub fn to_bigint(&self) -> BigInt {
        limbs_to_bigint(self.neg, self.mag())
    }
}

/// A `BigInt` from sign and magnitude limbs.
pub fn limbs_to_bigint(neg: bool, mag: &[u64]) -> BigInt {
    let mut digits = Vec::with_capacity(mag.len() * 2);
    for &x in mag {
        digits.push(x as u32);
        digits.push((x >> 32) as u32);
    }
    let sign = if neg { Sign::Minus } else { Sign::Plus };
    BigInt::from_biguint(sign, BigUint::new(digits))
}

impl Vm {
    #[inline(always)]
    pub fn new_int(&mut self, i: i64) -> PyResult<Value> {
        match Value::from_int(i) {
            Some(v) => Ok(v),
            None => self.new_bigint(BigInt::from(i)),
        }
    }
    pub fn new_bigint(&mut self, n: BigInt) -> PyResult<Value> {
        if let Some(i) = n.to_i64() {
            if let Some(v) = Value::from_int(i) {
                return Ok(v);
            }
        }
        let len = n.magnitude().iter_u64_digits().len();
        let v = self.alloc(Kind::BigInt, len)?;
        self.fill_bigint(v, &n);
        Ok(v)
    }
    /// Writes `n` into `v`, a BigInt object just allocated with exactly n's number of limbs.
    pub(crate) fn fill_bigint(&mut self, v: Value, n: &BigInt) {
        let p = self.payload::<BigIntObj>(v);
        // SAFETY: v is a BigInt object of len limbs, len being the count of n's u64 digits (checked).
        unsafe {
            assert_eq!((*p).len, n.magnitude().iter_u64_digits().len());
            (*p).neg = (n.sign() == Sign::Minus) as u64;
            let dst = (*p).limbs.as_mut_ptr();
            for (i, x) in n.magnitude().iter_u64_digits().enumerate() {
                *dst.add(i) = x;
            }
        }
    }
    /// The int of sign `neg` and magnitude `mag` (trimmed). `mag` must not point into the GC heap: the
    /// allocation may move objects.
    pub fn new_int_from_limbs(&mut self, neg: bool, mag: &[u64]) -> PyResult<Value> {
        debug_assert!(mag.last() != Some(&0));
        match mag.len() {
            0 => return Ok(Value::from_int(0).unwrap()),
            1 if mag[0] <= Value::SMALL_MAX as u64 + neg as u64 => {
                let i = if neg {
                    (mag[0] as i64).wrapping_neg()
                } else {
                    mag[0] as i64
                };
                return Ok(Value::from_int(i).unwrap());
            }
            _ => {}
        }
        let v = self.alloc(Kind::BigInt, mag.len())?;
        // SAFETY: v was just allocated as a BigInt of mag.len() limbs; mag is outside the heap; no GC
        // point before the writes.
        unsafe {
            let p = self.payload::<BigIntObj>(v);
            (*p).neg = neg as u64;
            std::ptr::copy_nonoverlapping(mag.as_ptr(), (*p).limbs.as_mut_ptr(), mag.len());
        }
        Ok(v)
    }
    /// Sign and limbs of a big int object `v` (Kind::BigInt), borrowed until the next GC point.
    #[inline]
    pub fn big_limbs(&self, v: Value) -> (bool, &[u64]) {
        let p = self.payload::<BigIntObj>(v);
        // SAFETY: v is a BigInt object, whose payload holds len limbs after the fixed part; the borrow of
        // self keeps any GC point (which needs &mut Vm) from moving it meanwhile.
        unsafe {
            (
                (*p).neg != 0,
                std::slice::from_raw_parts((*p).limbs.as_ptr(), (*p).len),
            )
        }
    }
    /// An int-like value (small, big or bool) as an `IntRef`.
    #[inline]
    pub fn int_ref(&self, v: Value) -> Option<IntRef<'_>> {
        if v.is_int() {
            Some(IntRef::from_i64(v.as_int()))
        } else if self.is(v, Kind::BigInt) {
            let (neg, big) = self.big_limbs(v);
            Some(IntRef {
                neg,
                small: [0],
                big,
                is_small: false,
            })
        } else if self.is(v, Kind::Bool) {
            Some(IntRef::from_i64(self.obj::<BoolObj>(v).value as i64))
        } else {
            None
        }
    }
    pub fn new_int_from_u64(&mut self, u: u64) -> PyResult<Value> {
        if u <= Value::SMALL_MAX as u64 {
            Ok(Value::from_int(u as i64).unwrap())
        } else {
            self.new_bigint(BigInt::from(u))
        }
    }
    /// Is `v` an int (small, big, or bool)?
    #[inline(always)]
    pub fn is_int(&self, v: Value) -> bool {
        v.is_int() || self.is(v, Kind::BigInt) || self.is(v, Kind::Bool)
    }
    /// The BigInt value of an int-like value (small, big or bool).
    pub fn to_bigint(&self, v: Value) -> Option<BigInt> {
        if v.is_int() {
            Some(BigInt::from(v.as_int()))
        } else if self.is(v, Kind::BigInt) {
            let (neg, mag) = self.big_limbs(v);
            Some(limbs_to_bigint(neg, mag))
        } else if self.is(v, Kind::Bool) {
            Some(BigInt::from(self.obj::<BoolObj>(v).value as i64))
        } else {
            None
        }
    }
    /// i64 value of an int-like value, None if not an int or out of range.
    #[inline]
    pub fn to_i64(&self, v: Value) -> Option<i64> {
        if v.is_int() {
            Some(v.as_int())
        } else if self.is(v, Kind::Bool) {
            Some(self.obj::<BoolObj>(v).value as i64)
        } else if self.is(v, Kind::BigInt) {
            // boxed ints never fit a small int; those of one limb may still fit an i64
            match self.big_limbs(v) {
                (false, [m]) => i64::try_from(*m).ok(),
                (true, [m]) if *m <= 1 << 63 => Some((*m as i64).wrapping_neg()),
                _ => None,
            }
        } else {
            None
        }
    }
}

/// An integer operand via the `__index__` protocol (ints and bools directly).
pub fn index_bigint(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if let Some(n) = vm.to_bigint(v) {
        return Ok(n);
    }
    if v.is_ptr() && matches!(vm.kind(v), Kind::Instance | Kind::Foreign) {
        if let Some(f) = vm.special(v, "__index__") {
            let r = vm.call(f, &[v])?;
            if let Some(n) = vm.to_bigint(r) {
                return Ok(n);
            }
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!("__index__ returned non-int (type {tn})")));
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
}
