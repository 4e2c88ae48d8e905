//! Constructors and accessors for the basic value kinds (str, bytes, tuple, list, cell...; int and
//! float are in objects/int and objects/float).
//!
//! Constructors taking `Value` arguments take them from the value stack (`*_from_stack`), or are given
//! values they re-read after allocating, so no argument is held in a Rust local across the allocation.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

impl Vm {
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

    // ---- tuple -------------------------------------------------------------------------------
    /// A tuple of the top `n` stack values (popped).
    pub fn new_tuple_from_stack(&mut self, n: usize) -> PyResult<Value> {
        if n == 0 {
            return Ok(self.named(super::Named::EmptyTuple));
        }
        let t = self.alloc(Kind::Tuple, n)?;
        let base = self.sp() - n;
        // SAFETY: t was just allocated as a tuple of n items and the n values are on the stack above base;
        // no GC point before the copy (a fresh young object needs no barrier).
        unsafe {
            let p = self.payload::<TupleObj>(t);
            let items = (*p).items.as_mut_ptr();
            std::ptr::copy_nonoverlapping(self.roots.stack.as_ptr().add(base), items, n);
        }
        self.truncate(base);
        Ok(t)
    }
    /// A tuple of values that are immediates or old objects, or that the caller re-reads: use only
    /// with values that cannot move (small ints, interned strs) or right after computing them without a GC point.
    pub fn new_tuple(&mut self, vals: &[Value]) -> PyResult<Value> {
        for v in vals {
            self.push(*v);
        }
        self.new_tuple_from_stack(vals.len())
    }
    #[inline(always)]
    pub fn tuple_items(&self, v: Value) -> &[Value] {
        // SAFETY: v is a live Tuple (caller's contract) of len items; the &self borrow keeps GC points out
        // while the slice lives.
        unsafe {
            let p = self.payload::<TupleObj>(v);
            std::slice::from_raw_parts((*p).items.as_ptr(), (*p).len)
        }
    }

    // ---- cells, slices, ranges -----------------------------------------------------------------
    pub fn new_cell(&mut self, v: Value) -> PyResult<Value> {
        self.push(v);
        let c = self.alloc(Kind::Cell, 0)?;
        let v = self.pop();
        // SAFETY: c was just allocated as a Cell and v re-read from the stack after it; no GC point before
        // the store.
        unsafe { (*self.payload::<CellObj>(c)).value = v };
        Ok(c)
    }
    /// slice(start, stop, step) from the top three stack values (popped).
    pub fn new_slice_from_stack(&mut self) -> PyResult<Value> {
        let s = self.alloc(Kind::Slice, 0)?;
        let step = self.pop();
        let stop = self.pop();
        let start = self.pop();
        // SAFETY: s was just allocated as a Slice and its parts popped after that allocation; no GC point
        // before the stores.
        unsafe {
            let p = self.payload::<SliceObj>(s);
            (*p).start = start;
            (*p).stop = stop;
            (*p).step = step;
        }
        Ok(s)
    }
}
