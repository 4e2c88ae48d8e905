//! Constructors and accessors for the basic value kinds (int, float, cell...). The storage of
//! the kinds with their own module lives there (`objects/list/storage.rs`, `objects/str/storage.rs`,
//! `objects/bytes/storage.rs`, `objects/tuple.rs`, `objects/slice.rs`).
//!
//! Constructors taking `Value` arguments take them from the value stack (`*_from_stack`), or are given
//! values they re-read after allocating, so no argument is held in a Rust local across the allocation.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

impl Vm {
    // ---- int ---------------------------------------------------------------------------------
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

    // ---- float -------------------------------------------------------------------------------
    #[inline(always)]
    pub fn new_float(&mut self, f: f64) -> PyResult<Value> {
        let v = self.alloc(Kind::Float, 0)?;
        // SAFETY: v was just allocated as a Float and no GC point occurs before the store.
        unsafe { (*self.payload::<FloatObj>(v)).f = f };
        Ok(v)
    }
    #[inline(always)]
    pub fn float_val(&self, v: Value) -> f64 {
        self.obj::<FloatObj>(v).f
    }

    pub fn new_cell(&mut self, v: Value) -> PyResult<Value> {
        self.push(v);
        let c = self.alloc(Kind::Cell, 0)?;
        let v = self.pop();
        // SAFETY: c was just allocated as a Cell and v re-read from the stack after it; no GC point before
        // the store.
        unsafe { (*self.payload::<CellObj>(c)).value = v };
        Ok(c)
    }
}
