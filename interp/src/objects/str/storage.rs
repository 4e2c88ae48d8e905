//! A str's storage: a `StrObj { len, nchars, data }` holding UTF-8 bytes inline (the object is
//! allocated with room for them), with the char count cached so `len()` and char indexing of ASCII
//! text are O(1) (`nchars == len` means ASCII). Interned strs live in the old generation and never
//! move; `intern` caches them by the address of the Rust `&str`.
//!
//! GC contract: `str_of` borrows `&Vm` (no GC point while the `&str` lives); `new_str` allocates (a GC
//! point) and is given Rust text, never a `Value`, so nothing needs rooting. The builders from other
//! strs (`new_str_filled`, `str_copy_mapped`, `str_substr`, `str_concat`: the results of slicing,
//! strip, split, the ASCII case maps, `+`, f-strings) root their sources on the value stack, allocate,
//! then copy from the re-read sources straight into the new object (no intermediate Rust String).

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
    /// Is `v` a str and not an instance of a Python subclass of str? Only an exact str may be
    /// returned as the result of a str method that changed nothing (CPython's
    /// `unicode_result_unchanged`); a subclass instance gets an exact copy.
    #[inline]
    pub fn is_exact_str(&self, v: Value) -> bool {
        self.is(v, Kind::Str) && self.obj::<StrObj>(v).cls.is_null()
    }

    /// A new str of `len` bytes holding `nchars` chars, its bytes written by `fill` after the
    /// allocation (so `fill` reads its sources from `&Vm` there, re-read after this GC point: the
    /// caller roots them). `fill` must write all `len` bytes as valid UTF-8 of `nchars` chars.
    /// Building the object directly saves the Rust `String` and the copy (and the char count) that
    /// `new_str` costs: the str methods' common results are made this way.
    #[inline]
    pub fn new_str_filled(
        &mut self,
        len: usize,
        nchars: usize,
        fill: impl FnOnce(&Vm, &mut [u8]),
    ) -> PyResult<Value> {
        if len == 0 {
            return self.new_str("");
        }
        // gc-safe: `fill` gets `&Vm`, so it cannot allocate or call Python (no GC point)
        let v = self.alloc(Kind::Str, len)?;
        // SAFETY: v was just allocated as a Str with room for len bytes; nothing allocates until
        // fill returns, and fill writes only those bytes (the slice does not borrow self).
        unsafe {
            let p = self.payload::<StrObj>(v);
            (*p).nchars = nchars;
            let bytes = std::slice::from_raw_parts_mut((*p).data.as_mut_ptr(), len);
            fill(self, bytes);
        }
        debug_assert!(std::str::from_utf8(self.str_of(v).as_bytes()).is_ok());
        debug_assert_eq!(self.str_of(v).chars().count(), nchars);
        Ok(v)
    }

    /// A new str of the bytes `range` of str `src` (on char boundaries), each byte of the copy then
    /// passed through `map` (identity, or an ASCII case mapping of ASCII text: it must keep the
    /// text valid UTF-8 with the same char count). `src` is rooted across the allocation.
    pub fn str_copy_mapped(
        &mut self,
        src: Value,
        range: std::ops::Range<usize>,
        map: impl Fn(u8) -> u8,
    ) -> PyResult<Value> {
        let s = self.str_of(src);
        let nchars = if self.str_nchars(src) == s.len() {
            range.len()
        } else {
            s[range.clone()].chars().count()
        };
        let base = self.sp();
        self.push(src);
        let r = self.new_str_filled(range.len(), nchars, |vm, out| {
            let from = &vm.str_of(vm.at(base)).as_bytes()[range];
            for (o, &b) in out.iter_mut().zip(from) {
                *o = map(b);
            }
        });
        self.truncate(base);
        r
    }

    /// The str bytes `range` of `src` (char boundaries): `src` itself when that is all of an exact
    /// str, else a new str.
    pub fn str_substr(&mut self, src: Value, range: std::ops::Range<usize>) -> PyResult<Value> {
        if range.start == 0 && range.end == self.str_of(src).len() && self.is_exact_str(src) {
            return Ok(src);
        }
        self.str_copy_mapped(src, range, |b| b)
    }

    /// `a + b` for two strs (either may be a subclass instance: the result is an exact str; an
    /// empty operand gives the other one back when that is an exact str, as CPython).
    pub fn str_concat(&mut self, a: Value, b: Value) -> PyResult<Value> {
        let (la, lb) = (self.str_of(a).len(), self.str_of(b).len());
        if lb == 0 && self.is_exact_str(a) {
            return Ok(a);
        }
        if la == 0 && self.is_exact_str(b) {
            return Ok(b);
        }
        let Some(len) = la.checked_add(lb).filter(|&n| n <= isize::MAX as usize) else {
            return Err(self.overflow_error("strings are too large to concat"));
        };
        let nchars = self.str_nchars(a) + self.str_nchars(b);
        let base = self.sp();
        self.push(a);
        self.push(b);
        let r = self.new_str_filled(len, nchars, |vm, out| {
            out[..la].copy_from_slice(vm.str_of(vm.at(base)).as_bytes());
            out[la..].copy_from_slice(vm.str_of(vm.at(base + 1)).as_bytes());
        });
        self.truncate(base);
        r
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
