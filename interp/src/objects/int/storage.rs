//! An int's storage: small ints are immediates (`Value::from_int`, 62 bits); larger ones are
//! `BigIntObj { n }` heap objects. A bool is an int too (`BoolObj { value }`) for every accessor here.
//!
//! Invariant: an int that fits in a small int is never boxed (`new_bigint` normalizes), so two equal
//! small ints are the same `Value`. Accessors borrow `&Vm` (no GC point); `new_bigint` allocates.

use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

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
        let v = self.alloc(Kind::BigInt, 0)?;
        // Its digits are malloc'd: without counting them, a loop making big ints (`a + b` on 40000-bit
        // Fibonacci numbers) filled hundreds of MB before the tiny headers filled the nursery.
        self.heap.add_external_bytes(BigIntObj::external_bytes(&n));
        // SAFETY: v was just allocated as a BigInt with a zeroed payload (nothing to drop), and no GC point
        // occurs before the write.
        unsafe { std::ptr::write(self.payload::<BigIntObj>(v), BigIntObj { n }) };
        Ok(v)
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
            Some(self.obj::<BigIntObj>(v).n.clone())
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
            self.obj::<BigIntObj>(v).n.to_i64()
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
