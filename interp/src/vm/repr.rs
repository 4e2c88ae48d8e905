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
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !is_printable(c) => {
                // A stored lone surrogate shows as the surrogate (crate::unicode).
                let n = crate::unicode::code_of(c);
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// str.isprintable for one char (CPython's table, in the core's unicode.rs).
pub use crate::unicode::is_printable;

pub fn bytes_repr(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(q as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(q as char);
    out
}

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
                        let r = self.call(f, &[v])?;
                        if !self.is(r, Kind::Str) {
                            let tn = self.type_name(r);
                            return Err(self
                                .type_error(format!("__repr__ returned non-string (type {tn})")));
                        }
                        return Ok(self.str_of(r).to_string());
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
        if self.is(v, Kind::Str) {
            return Ok(v);
        }
        if let Some(f) = self.subclass_override(v, "__str__") {
            return self.call(f, &[v]);
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
                    _ if self.exc_matches(v, "OSError") && self.tuple_items(args)[0].is_int() => {
                        // OSError(errno, strerror, ...): "[Errno 28] No space left on device"
                        let items = self.tuple_items(args);
                        let (no, msg) = (items[0].as_int(), items[1]);
                        let m = self.str_string(msg)?;
                        self.new_str(&format!("[Errno {no}] {m}"))
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
