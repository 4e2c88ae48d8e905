//! The storage of bytes and bytearray. A bytes is a `BytesObj { len, data }` with its bytes inline
//! (immutable, allocated at its final size). A bytearray is a `ByteArrayObj` owning a Rust `Vec<u8>`
//! (so it can grow without the object moving) and an export counter: while a cffi buffer exports its
//! storage (`ffi.from_buffer`), resizing raises BufferError (`bytearray_check_resize`).
//!
//! GC contract: `bytes_of`/`bytearray` borrow `&Vm` and `bytearray_mut` borrows `&mut Vm`: no GC point
//! while the slice lives. Constructors take Rust data, never a `Value`.

use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;

impl Vm {
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
        let charged = b.capacity();
        self.heap.add_external_bytes(charged);
        // SAFETY: v was just allocated as a ByteArray with a zeroed payload (nothing to drop), and no GC
        // point occurs before the write.
        unsafe {
            std::ptr::write(
                self.payload::<ByteArrayObj>(v),
                ByteArrayObj {
                    data: b,
                    exports: Default::default(),
                    charged,
                    cls: Value::NULL,
                    attrs: Value::NULL,
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
        let o = unsafe { &mut *self.payload::<ByteArrayObj>(v) };
        &mut o.data
    }
    /// Counts the growth of a bytearray's buffer (since it was made or last counted) toward the heap's
    /// external bytes: the methods that can grow it call this after growing. Without it, a loop making
    /// and dropping megabyte bytearrays filled gigabytes before their small headers filled the nursery.
    pub fn bytearray_charge(&mut self, v: Value) {
        // SAFETY: v is a live ByteArray (caller's contract); no GC point while `o` is used
        // (add_external_bytes only sets a flag for the next allocation).
        let o = unsafe { &mut *self.payload::<ByteArrayObj>(v) };
        let cap = o.data.capacity();
        if cap > o.charged {
            let grown = cap - o.charged;
            o.charged = cap;
            self.heap.add_external_bytes(grown);
        }
    }
    /// Shared view of a bytearray's data; valid until the next GC point.
    pub fn bytearray(&self, v: Value) -> &Vec<u8> {
        &self.obj::<ByteArrayObj>(v).data
    }
}
