//! A str's storage: a `StrObj { len, nchars, data }` holding UTF-8 bytes inline (the object is
//! allocated with room for them), with the char count cached so `len()` and char indexing of ASCII
//! text are O(1) (`nchars == len` means ASCII). Interned strs live in the old generation and never
//! move; `intern` caches them by the address of the Rust `&str`.
//!
//! GC contract: `str_of` borrows `&Vm` (no GC point while the `&str` lives); `new_str` allocates (a GC
//! point) and is given Rust text, never a `Value`, so nothing needs rooting.

use crate::obj::layout::*;
use crate::vm::ops::hash_bytes;
use crate::vm::{PyResult, Vm};
use gc::Value;

impl Vm {
    // ---- str ---------------------------------------------------------------------------------
    pub fn new_str(&mut self, s: &str) -> PyResult<Value> {
        if s.is_empty() {
            let e = self.named(crate::vm::Named::EmptyStr);
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

    /// The str's hash, computed once and cached in the object (0 means "not yet"; a computed 0
    /// is stored as 1). The dict code calls this directly as its fast path; the hash slot is this.
    #[inline]
    pub fn str_hash(&mut self, s: Value) -> i64 {
        let p = self.payload::<StrObj>(s);
        // SAFETY: s is a live Str (caller's contract); p is re-derived here and nothing allocates while it
        // is used.
        unsafe {
            if (*p).hash != 0 {
                return (*p).hash as i64;
            }
            let b = std::slice::from_raw_parts((*p).data.as_ptr(), (*p).len);
            let mut h = hash_bytes(b);
            if h == 0 {
                h = 1;
            }
            (*p).hash = h as u64;
            h
        }
    }
}
