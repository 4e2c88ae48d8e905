//! Constructors and accessors for the basic value kinds (int, float, str, bytes, cell...); tuple, list,
//! range and slice storage lives in their `objects/` modules.
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

    // ---- str ---------------------------------------------------------------------------------
    pub fn new_str(&mut self, s: &str) -> PyResult<Value> {
        if s.is_empty() {
            let e = self.named(super::Named::EmptyStr);
            if !e.is_null() {
                return Ok(e);
            }
        }
        let v = self.alloc(Kind::Str, s.len())?;
        self.fill_str(v, s);
        Ok(v)
    }
    pub fn fill_str_text(&mut self, v: Value, s: &str) {
        self.fill_str(v, s)
    }
    fn fill_str(&mut self, v: Value, s: &str) {
        // SAFETY: callers pass a Str object just allocated with room for s.len() bytes, and nothing
        // allocates before the copy.
        unsafe {
            let p = self.payload::<StrObj>(v);
            (*p).nchars = if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            };
            std::ptr::copy_nonoverlapping(s.as_ptr(), (*p).data.as_mut_ptr(), s.len());
        }
    }
    /// The text of a str object, valid until the next GC point.
    #[inline(always)]
    pub fn str_of(&self, v: Value) -> &str {
        // SAFETY: v is a live Str (caller's contract); str payloads are only filled from a &str
        // (fill_str), so the bytes are UTF-8; the &self borrow keeps GC points out while the &str lives.
        unsafe {
            let p = self.payload::<StrObj>(v);
            let bytes = std::slice::from_raw_parts((*p).data.as_ptr(), (*p).len);
            std::str::from_utf8_unchecked(bytes)
        }
    }
    pub fn str_nchars(&self, v: Value) -> usize {
        self.obj::<StrObj>(v).nchars
    }
    /// An interned str, allocated in the old generation (never moves).
    pub fn intern(&mut self, s: &str) -> Value {
        let addr = s.as_ptr() as usize;
        let slot = (addr >> 3 ^ s.len()) & 255;
        let (a, v) = self.intern_cache[slot];
        if a == addr && !v.is_null() && self.str_of(v) == s {
            return v;
        }
        if let Some(v) = self.roots.interned.get(s) {
            let v = *v;
            self.intern_cache[slot] = (addr, v);
            return v;
        }
        let v = self.alloc_old(Kind::Str, s.len());
        self.fill_str(v, s);
        self.roots.interned.insert(s.to_string(), v);
        v
    }

    // ---- bytes -------------------------------------------------------------------------------
    pub fn new_bytes(&mut self, b: &[u8]) -> PyResult<Value> {
        let v = self.alloc(Kind::Bytes, b.len())?;
        // SAFETY: v was just allocated as Bytes with room for b.len() bytes and no GC point occurs before
        // the copy.
        unsafe {
            let p = self.payload::<BytesObj>(v);
            std::ptr::copy_nonoverlapping(b.as_ptr(), (*p).data.as_mut_ptr(), b.len());
        }
        Ok(v)
    }
    #[inline(always)]
    pub fn bytes_of(&self, v: Value) -> &[u8] {
        // SAFETY: v is a live Bytes object (caller's contract) of len bytes; the &self borrow keeps GC
        // points out while the slice lives.
        unsafe {
            let p = self.payload::<BytesObj>(v);
            std::slice::from_raw_parts((*p).data.as_ptr(), (*p).len)
        }
    }
    /// Raises BufferError if the bytearray's storage is exported (ffi.from_buffer) and so must not
    /// move: call before any operation that may resize it.
    pub fn bytearray_check_resize(&mut self, v: Value) -> PyResult<()> {
        if self.obj::<ByteArrayObj>(v).exports.get() > 0 {
            return Err(self.raise(
                "BufferError",
                "Existing exports of data: object cannot be re-sized",
            ));
        }
        Ok(())
    }

    /// The export counter of a bytearray (shared with the exporting cdata).
    pub fn bytearray_exports(&self, v: Value) -> std::rc::Rc<std::cell::Cell<usize>> {
        self.obj::<ByteArrayObj>(v).exports.clone()
    }

    pub fn new_bytearray(&mut self, b: Vec<u8>) -> PyResult<Value> {
        let v = self.alloc(Kind::ByteArray, 0)?;
        // SAFETY: v was just allocated as a ByteArray with a zeroed payload (nothing to drop), and no GC
        // point occurs before the write.
        unsafe {
            std::ptr::write(
                self.payload::<ByteArrayObj>(v),
                ByteArrayObj {
                    data: b,
                    exports: Default::default(),
                },
            )
        };
        Ok(v)
    }
    // `&mut self`: while the returned reference lives no other reference into the heap (from `obj`,
    // `str_of`...) and no GC point can occur.
    pub fn bytearray_mut(&mut self, v: Value) -> &mut Vec<u8> {
        // SAFETY: v is a live ByteArray (caller's contract); &mut self keeps every other heap reference and
        // every GC point out while the &mut Vec lives.
        unsafe { &mut (*self.payload::<ByteArrayObj>(v)).data }
    }
    /// Shared view of a bytearray's data; valid until the next GC point.
    pub fn bytearray(&self, v: Value) -> &Vec<u8> {
        &self.obj::<ByteArrayObj>(v).data
    }

    // ---- cells ---------------------------------------------------------------------------------
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
