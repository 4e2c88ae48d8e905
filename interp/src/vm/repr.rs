//! repr() and str() of every kind, CPython's float repr, and the stdout writer.
//!
//! Recursive containers print `[...]`: their guard is in `objects/container_repr.rs`.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use crate::objects;
use gc::Value;
use std::io::Write;

pub use crate::objects::float::float_repr;

/// Python's repr of a str.
pub fn str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    str_repr_into(s, &mut |piece| out.push_str(piece));
    out
}

/// Python's repr of a str, or None when its memory cannot be reserved (the caller raises
/// MemoryError: a repr can be four to ten times its string, and a failed growth would abort).
pub fn str_repr_checked(s: &str) -> Option<String> {
    sized_repr(s.len(), |emit| str_repr_into(s, emit))
}

/// Python's repr of bytes (`b'...'`), for the short byte strings of constants and cdata chars only:
/// user objects go through `bytes_repr_checked`, whose None becomes MemoryError.
pub fn bytes_repr(b: &[u8]) -> String {
    bytes_repr_checked(b, false).unwrap_or_default()
}

/// bytes_repr, or None when its memory cannot be reserved (see str_repr_checked). A bytearray's
/// repr escapes every `'`, whichever quote it uses (CPython's bytearray_repr). Written byte by
/// byte into an exactly sized buffer: a 2 GB bytes of zeros is two passes, no per-byte calls.
pub fn bytes_repr_checked(b: &[u8], bytearray: bool) -> Option<String> {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let escaped = |c: u8| -> usize {
        match c {
            b'\\' | b'\n' | b'\r' | b'\t' => 2,
            b'\'' if bytearray => 2,
            c if c == q => 2,
            0x20..=0x7e => 1,
            _ => 4,
        }
    };
    let size = b.iter().map(|&c| escaped(c)).sum::<usize>() + 3;
    let mut out: Vec<u8> = Vec::new();
    out.try_reserve_exact(size).ok()?;
    out.push(b'b');
    out.push(q);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for &c in b {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            c if c == q || (bytearray && c == b'\'') => out.extend_from_slice(&[b'\\', c]),
            0x20..=0x7e => out.push(c),
            c => out.extend_from_slice(&[
                b'\\',
                b'x',
                HEX[(c >> 4) as usize],
                HEX[(c & 15) as usize],
            ]),
        }
    }
    out.push(q);
    // Only ASCII was written.
    String::from_utf8(out).ok()
}

/// Runs `produce` once to count the bytes (only for big inputs), reserves exactly that
/// fallibly, then runs it again to fill.
fn sized_repr(input_len: usize, produce: impl Fn(&mut dyn FnMut(&str))) -> Option<String> {
    let mut size = input_len + 3;
    if input_len > 1 << 20 {
        size = 0;
        produce(&mut |piece| size += piece.len());
    }
    let mut out = String::new();
    out.try_reserve_exact(size).ok()?;
    produce(&mut |piece| out.push_str(piece));
    Some(out)
}

fn str_repr_into(s: &str, emit: &mut dyn FnMut(&str)) {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut buf = [0u8; 4];
    let mut esc = [0u8; 10];
    emit(q.encode_utf8(&mut buf));
    // Runs of printable ASCII other than the quote and the backslash go out whole: a long
    // plain string's repr is one copy, not a push per character.
    let plain = |b: u8| (0x20..0x7f).contains(&b) && b != b'\\' && b != q as u8;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        while i < bytes.len() && plain(bytes[i]) {
            i += 1;
        }
        if i > start {
            emit(&s[start..i]);
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        match c {
            '\\' => emit("\\\\"),
            '\n' => emit("\\n"),
            '\r' => emit("\\r"),
            '\t' => emit("\\t"),
            c if c == q => {
                emit("\\");
                emit(c.encode_utf8(&mut buf));
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                emit(hex_escape(&mut esc, b'x', c as u32, 2))
            }
            c if !is_printable(c) => {
                // A stored lone surrogate shows as the surrogate (crate::unicode).
                let n = crate::unicode::code_of(c);
                if n < 0x100 {
                    emit(hex_escape(&mut esc, b'x', n, 2));
                } else if n < 0x10000 {
                    emit(hex_escape(&mut esc, b'u', n, 4));
                } else {
                    emit(hex_escape(&mut esc, b'U', n, 8));
                }
            }
            c => emit(c.encode_utf8(&mut buf)),
        }
    }
    emit(q.encode_utf8(&mut buf));
}

/// `\\<kind><digits hex digits of n>` in `buf` (no allocation: a string of control characters
/// has one escape per character).
fn hex_escape(buf: &mut [u8; 10], kind: u8, n: u32, digits: usize) -> &str {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    buf[0] = b'\\';
    buf[1] = kind;
    for i in 0..digits {
        buf[2 + i] = HEX[((n >> (4 * (digits - 1 - i))) & 15) as usize];
    }
    std::str::from_utf8(&buf[..2 + digits]).unwrap_or_default()
}

/// str.isprintable for one char (CPython's table, in the core's unicode.rs).
pub use crate::unicode::is_printable;

impl Vm {
    pub fn write_stdout(&mut self, s: &str) {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(s.as_bytes());
    }

    /// Writes to stdout (line-buffered); a failed write (a full disk, a closed pipe) raises
    /// OSError / BrokenPipeError in the script as CPython's print does.
    pub fn write_stdout_checked(&mut self, s: &str) -> super::PyResult<()> {
        if crate::unicode::has_surrogates(s) {
            // UTF-8 with CPython's stdout error handler: a lone surrogate is an error (nothing
            // written), or under the C locale a surrogateescape'd byte.
            let codec = crate::objects::str::codecs::Codec::Utf8;
            let errors = crate::unicode::stdout_errors();
            let b = crate::objects::str::codecs::encode(self, s, codec, errors)?;
            let r = std::io::stdout().lock().write_all(&b);
            return r.map_err(|e| self.raise_io_error(&e));
        }
        let r = std::io::stdout().lock().write_all(s.as_bytes());
        r.map_err(|e| self.raise_io_error(&e))
    }

    /// Flushes stdout; a failure raises as [`Vm::write_stdout_checked`].
    pub fn flush_stdout_checked(&mut self) -> super::PyResult<()> {
        let r = std::io::stdout().flush();
        r.map_err(|e| self.raise_io_error(&e))
    }

    /// repr(v) as a Rust String.
    pub fn repr_string(&mut self, v: Value) -> PyResult<String> {
        if v.is_int() {
            return Ok(v.as_int().to_string());
        }
        if let Some(f) = self.subclass_override(v, "__repr__") {
            let r = self.call(f, &[v])?;
            if !self.is(r, Kind::Str) {
                return Err(self.type_error("__repr__ returned non-string"));
            }
            return Ok(self.str_of(r).to_string());
        }
        let kind = self.kind(v);
        if let Some(f) = objects::slots(kind).repr {
            return f(self, v);
        }
        match kind {
            Kind::Type if self.meta_hook(v, "__repr__").is_some() => {
                let f = self.meta_hook(v, "__repr__").unwrap_or(v);
                let r = self.call(f, &[v])?;
                if !self.is(r, Kind::Str) {
                    let tn = self.type_name(r);
                    return Err(
                        self.type_error(format!("__repr__ returned non-string (type {tn})"))
                    );
                }
                Ok(self.str_of(r).to_string())
            }
            Kind::Super => {
                let (t, o) = {
                    let s = self.obj::<SuperObj>(v);
                    (s.typ, s.obj)
                };
                // CPython prints the types' plain names (tp_name), never their modules
                let tr = format!("<class '{}'>", self.str_of(self.obj::<TypeObj>(t).name));
                if o.is_null() {
                    return Ok(format!("<super: {tr}, NULL>"));
                }
                let on = self.type_name(o);
                Ok(format!("<super: {tr}, <{on} object>>"))
            }
            Kind::Type => {
                let p = self.obj::<TypeObj>(v);
                let name = self.str_of(p.qualname).to_string();
                let m = p.module;
                if m.is_null() || !self.is(m, Kind::Str) || self.str_of(m) == "builtins" {
                    Ok(format!("<class '{name}'>"))
                } else {
                    Ok(format!("<class '{}.{name}'>", self.str_of(m)))
                }
            }
            Kind::Instance | Kind::Foreign => {
                if let Some(f) = self.special(v, "__repr__") {
                    // a box (vm/boxed.rs) answers through its builtin's __repr__
                    if !self.is(f, Kind::Native)
                        || self.is(v, Kind::Foreign)
                        || self.boxed_base(v).is_some()
                    {
                        // frozenset's repr names the subclass, as CPython's: `F({1})` (decided
                        // before the call, after which v is stale)
                        let fs_box = self.is(f, Kind::Native)
                            && self
                                .boxed_base(v)
                                .is_some_and(|b| self.is(b, Kind::FrozenSet));
                        let tname = if fs_box {
                            self.type_name(v)
                        } else {
                            String::new()
                        };
                        let r = self.call(f, &[v])?;
                        if !self.is(r, Kind::Str) {
                            let tn = self.type_name(r);
                            return Err(self
                                .type_error(format!("__repr__ returned non-string (type {tn})")));
                        }
                        let text = self.str_of(r).to_string();
                        if let Some(rest) = text.strip_prefix("frozenset").filter(|_| fs_box) {
                            return Ok(format!("{tname}{rest}"));
                        }
                        return Ok(text);
                    }
                }
                let t = self.type_of(v);
                if self.is_exception_class(t) {
                    return self.exception_repr(v);
                }
                self.default_repr(v)
            }
            _ => self.default_repr(v),
        }
    }

    pub fn default_repr(&mut self, v: Value) -> PyResult<String> {
        let t = self.type_of(v);
        let p = self.obj::<TypeObj>(t);
        let name = self.str_of(p.qualname).to_string();
        let m = p.module;
        let full = if m.is_null() || !self.is(m, Kind::Str) || self.str_of(m) == "builtins" {
            name
        } else {
            format!("{}.{name}", self.str_of(m))
        };
        let id = self.heap.id_of(v);
        Ok(format!("<{full} object at {:#x}>", id))
    }

    fn exception_repr(&mut self, v: Value) -> PyResult<String> {
        let tn = self.type_name(v);
        let args = self.exc_args(v);
        let base = self.sp();
        self.push(args);
        let inner = if self.is(args, Kind::Tuple) {
            let n = self.tuple_items(args).len();
            let mut parts = Vec::new();
            for i in 0..n {
                let a = self.tuple_items(self.at(base))[i];
                parts.push(self.repr_string(a)?);
            }
            parts.join(", ")
        } else {
            String::new()
        };
        self.truncate(base);
        Ok(format!("{tn}({inner})"))
    }

    /// The args tuple of an exception instance.
    pub fn exc_args(&mut self, e: Value) -> Value {
        if self.is(e, Kind::Instance) {
            let d = self.obj::<InstanceObj>(e).dict;
            let k = self.intern("args");
            if let Some(a) = self.dict_get_str(d, k) {
                return a;
            }
        }
        self.named(super::Named::EmptyTuple)
    }

    /// repr(v) as a str object.
    pub fn repr(&mut self, v: Value) -> PyResult<Value> {
        if let Some(f) = self.subclass_override(v, "__repr__") {
            return self.call(f, &[v]);
        }
        if self.is(v, Kind::Instance) || self.is(v, Kind::Foreign) {
            if let Some(f) = self.special(v, "__repr__") {
                if !self.is(f, Kind::Native) || self.is(v, Kind::Foreign) {
                    let r = self.call(f, &[v])?;
                    if !self.is(r, Kind::Str) {
                        let tn = self.type_name(r);
                        return Err(
                            self.type_error(format!("__repr__ returned non-string (type {tn})"))
                        );
                    }
                    return Ok(r);
                }
            }
        }
        let s = self.repr_string(v)?;
        self.new_str(&s)
    }

    /// ascii(v)
    pub fn ascii(&mut self, v: Value) -> PyResult<Value> {
        let s = self.repr_string(v)?;
        let mut out = String::new();
        for c in s.chars() {
            let n = crate::unicode::code_of(c);
            if n < 0x80 {
                out.push(c);
            } else if n < 0x100 {
                out.push_str(&format!("\\x{n:02x}"));
            } else if n < 0x10000 {
                out.push_str(&format!("\\u{n:04x}"));
            } else {
                out.push_str(&format!("\\U{n:08x}"));
            }
        }
        self.new_str(&out)
    }

    /// str(v) as a str object.
    pub fn str_value(&mut self, v: Value) -> PyResult<Value> {
        if let Some(f) = self.subclass_override(v, "__str__") {
            return self.call(f, &[v]);
        }
        if self.is(v, Kind::Str) {
            // an exact str is its own str(); a subclass instance without a __str__ of its own
            // gives an exact copy (str(S('a')) is a str, as CPython)
            let n = self.str_of(v).len();
            return self.str_substr(v, 0..n);
        }
        if v.is_ptr() {
            // a type's own str slot (bytearray's), which a subclass's __repr__ does not change
            if let Some(f) = objects::slots(self.kind(v)).str {
                let s = f(self, v)?;
                return self.new_str(&s);
            }
        }
        if v.is_ptr() && matches!(self.kind(v), Kind::Instance | Kind::Foreign) {
            if let Some(f) = self.special(v, "__str__") {
                if !self.is(f, Kind::Native)
                    || self.is(v, Kind::Foreign)
                    || self.boxed_base(v).is_some()
                {
                    let r = self.call(f, &[v])?;
                    if !self.is(r, Kind::Str) {
                        let tn = self.type_name(r);
                        return Err(
                            self.type_error(format!("__str__ returned non-string (type {tn})"))
                        );
                    }
                    return Ok(r);
                }
            }
            let t = self.type_of(v);
            if self.is_exception_class(t) {
                let args = self.exc_args(v);
                let n = if self.is(args, Kind::Tuple) {
                    self.tuple_items(args).len()
                } else {
                    0
                };
                return match n {
                    0 => self.new_str(""),
                    1 => {
                        let a = self.tuple_items(args)[0];
                        if self.exc_matches(v, "KeyError") {
                            return self.repr(a);
                        }
                        self.str_value(a)
                    }
                    2 if self.exc_matches(v, "OSError") => {
                        // OSError(errno, strerror, ...): "[Errno 2] No such file or directory: 'x'"
                        self.os_error_str(v)
                    }
                    _ => self.repr(args),
                };
            }
        }
        self.repr(v)
    }

    pub fn str_string(&mut self, v: Value) -> PyResult<String> {
        let s = self.str_value(v)?;
        Ok(self.str_of(s).to_string())
    }
}
