//! repr() and str() of every kind, CPython's float repr, and the stdout writer.
//!
//! Recursive containers print `[...]`: the guard is a list of `id()`s (stable across moves, R5).

use super::{PyResult, Vm};
use crate::obj::layout::*;
use crate::objects;
use gc::Value;
use std::io::Write;

/// CPython's repr of a float: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let s = format!("{:e}", f); // shortest round-trip digits: d.ddddde[-]x
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        if exp >= 0 {
            if n <= exp + 1 {
                format!("{sign}{}{}.0", digits, "0".repeat((exp + 1 - n) as usize))
            } else {
                format!(
                    "{sign}{}.{}",
                    &digits[..(exp + 1) as usize],
                    &digits[(exp + 1) as usize..]
                )
            }
        } else {
            format!("{sign}0.{}{}", "0".repeat((-exp - 1) as usize), digits)
        }
    } else {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        format!(
            "{sign}{m}e{}{:02}",
            if exp < 0 { "-" } else { "+" },
            exp.abs()
        )
    }
}

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
                let n = c as u32;
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

/// str.isprintable for one char (CPython's tables, generated into builtins/str_unicode.rs).
pub fn is_printable(c: char) -> bool {
    crate::builtins::str_methods::args::py_printable(c)
}

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
            Kind::Str => Ok(str_repr(self.str_of(v))),
            Kind::NoneType => Ok("None".into()),
            Kind::Bool => Ok(if self.obj::<BoolObj>(v).value != 0 {
                "True".into()
            } else {
                "False".into()
            }),
            Kind::BigInt => Ok(self.obj::<BigIntObj>(v).n.to_string()),
            Kind::Float => Ok(float_repr(self.float_val(v))),
            Kind::Bytes => Ok(bytes_repr(self.bytes_of(v))),
            Kind::ByteArray => Ok(format!(
                "bytearray({})",
                bytes_repr(&self.bytearray_mut(v).clone())
            )),
            Kind::Ellipsis => Ok("Ellipsis".into()),
            Kind::NotImplemented => Ok("NotImplemented".into()),
            Kind::Dict if self.subclass_override(v, "__repr__").is_some() => {
                let f = self.subclass_override(v, "__repr__").unwrap();
                let r = self.call(f, &[v])?;
                if !self.is(r, Kind::Str) {
                    return Err(self.type_error("__repr__ returned non-string"));
                }
                Ok(self.str_of(r).to_string())
            }
            Kind::Tuple | Kind::Dict | Kind::Set | Kind::FrozenSet => self.container_repr(v),
            Kind::Range => {
                let p = self.obj::<RangeObj>(v);
                let (a, b, c) = (p.start, p.stop, p.step);
                let (sa, sb) = (self.repr_string(a)?, self.repr_string(b)?);
                if c == Value::from_int(1).unwrap() {
                    Ok(format!("range({sa}, {sb})"))
                } else {
                    let sc = self.repr_string(c)?;
                    Ok(format!("range({sa}, {sb}, {sc})"))
                }
            }
            Kind::Slice => {
                let p = self.obj::<SliceObj>(v);
                let (a, b, c) = (p.start, p.stop, p.step);
                let (sa, sb, sc) = (
                    self.repr_string(a)?,
                    self.repr_string(b)?,
                    self.repr_string(c)?,
                );
                Ok(format!("slice({sa}, {sb}, {sc})"))
            }
            Kind::Function => {
                let q = self.obj::<FunctionObj>(v).qualname;
                let id = self.heap.id_of(v);
                Ok(format!("<function {} at {:#x}>", self.str_of(q), id))
            }
            Kind::Native => {
                let p = self.obj::<NativeObj>(v);
                let name = self.str_of(p.name).to_string();
                if p.bound.is_null() {
                    Ok(format!("<built-in function {name}>"))
                } else {
                    let tn = self.type_name(p.bound);
                    let id = self.heap.id_of(p.bound);
                    Ok(format!(
                        "<built-in method {name} of {tn} object at {:#x}>",
                        id
                    ))
                }
            }
            Kind::BoundMethod => {
                let (f, s) = {
                    let p = self.obj::<BoundMethodObj>(v);
                    (p.func, p.slf)
                };
                let fname = if self.is(f, Kind::Function) {
                    self.str_of(self.obj::<FunctionObj>(f).qualname).to_string()
                } else {
                    self.repr_string(f)?
                };
                let sr = self.repr_string(s)?;
                Ok(format!("<bound method {fname} of {sr}>"))
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
            Kind::Module => {
                let n = self.obj::<ModuleObj>(v).name;
                Ok(format!("<module '{}'>", self.str_of(n)))
            }
            Kind::Cell => Ok("<cell>".into()),
            Kind::Code => {
                let n = self.code_data(v).name.clone();
                Ok(format!("<code object {n}>"))
            }
            Kind::Generator => {
                let g = self.obj::<GeneratorObj>(v);
                let q = self.code_data(g.code).qualname.clone();
                let id = self.heap.id_of(v);
                Ok(format!("<generator object {q} at {:#x}>", id))
            }
            Kind::Instance | Kind::Foreign => {
                if let Some(f) = self.special(v, "__repr__") {
                    if !self.is(f, Kind::Native) || self.is(v, Kind::Foreign) {
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

    pub fn container_repr(&mut self, v: Value) -> PyResult<String> {
        let id = self.heap.id_of(v);
        let k = self.kind(v);
        if self.repr_guard.contains(&id) {
            return Ok(match k {
                Kind::List => "[...]",
                Kind::Dict => "{...}",
                _ => "(...)",
            }
            .into());
        }
        if self.repr_guard.len() > self.recursion_limit {
            return Err(self.raise(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.repr_guard.push(id);
        let base = self.sp();
        self.push(v);
        let r = self.container_repr_inner(base, k);
        self.truncate(base);
        self.repr_guard.pop();
        r
    }

    fn container_repr_inner(&mut self, slot: usize, k: Kind) -> PyResult<String> {
        let mut out = String::new();
        match k {
            Kind::List | Kind::Tuple => {
                out.push(if k == Kind::List { '[' } else { '(' });
                let mut i = 0;
                loop {
                    let v = self.at(slot);
                    let items = if k == Kind::List {
                        self.list_items(v)
                    } else {
                        self.tuple_items(v)
                    };
                    if i >= items.len() {
                        break;
                    }
                    let x = items[i];
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.repr_string(x)?);
                    i += 1;
                }
                if k == Kind::Tuple && i == 1 {
                    out.push(',');
                }
                out.push(if k == Kind::List { ']' } else { ')' });
            }
            Kind::Dict => {
                out.push('{');
                let mut first = true;
                let mut i = 0;
                while i < self.dict_used(self.at(slot)) {
                    if let Some((key, val)) = self.dict_entry(self.at(slot), i) {
                        if !first {
                            out.push_str(", ");
                        }
                        first = false;
                        self.push(val);
                        out.push_str(&self.repr_string(key)?);
                        out.push_str(": ");
                        let val = self.pop();
                        out.push_str(&self.repr_string(val)?);
                    }
                    i += 1;
                }
                out.push('}');
            }
            _ => {
                let n = self.dict_len(self.at(slot));
                let fs = k == Kind::FrozenSet;
                if n == 0 {
                    return Ok(if fs {
                        "frozenset()".into()
                    } else {
                        "set()".into()
                    });
                }
                if fs {
                    out.push_str("frozenset(");
                }
                out.push('{');
                let mut first = true;
                let mut i = 0;
                while i < self.dict_used(self.at(slot)) {
                    if let Some((key, _)) = self.dict_entry(self.at(slot), i) {
                        if !first {
                            out.push_str(", ");
                        }
                        first = false;
                        out.push_str(&self.repr_string(key)?);
                    }
                    i += 1;
                }
                out.push('}');
                if fs {
                    out.push(')');
                }
            }
        }
        Ok(out)
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
            let n = c as u32;
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
                if !self.is(f, Kind::Native) || self.is(v, Kind::Foreign) {
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
