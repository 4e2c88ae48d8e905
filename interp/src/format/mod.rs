//! Formatting, a core service of str, int, float and complex: `format()` / `__format__` with the format-spec
//! mini-language (spec.rs), printf-style `%` for str and bytes (percent.rs), and float digits for both
//! (float.rs). The VM calls it for f-strings (FormatValue), `str % x` and `bytes % x`; the builtins
//! layer calls it for format(), str.format and the `__format__` natives. Like the rest of the core it
//! never names the builtins or cffi layers (interp/tests/layering.rs).

pub mod float;
pub mod percent;
pub mod spec;

use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_traits::Zero;
use spec::{format_bigint, format_f64, format_text, parse_spec};

impl Vm {
    /// format(v, spec); `spec` may be null or a str.
    pub fn format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(v);
        self.push(spec);
        let r = self.format_inner(base);
        self.truncate(base);
        r
    }

    fn format_inner(&mut self, base: usize) -> PyResult<Value> {
        let v = self.at(base);
        // a str/list/dict subclass's own __format__
        if let Some(f) = self.subclass_override(v, "__format__") {
            return self.call_format(f, base);
        }
        if v.is_ptr() && matches!(self.kind(v), Kind::Instance | Kind::Foreign) {
            if let Some(f) = self.special(v, "__format__") {
                if !self.is(f, Kind::Native) {
                    return self.call_format(f, base);
                }
            }
        }
        let spec = self.at(base + 1);
        let text = if spec.is_null() {
            String::new()
        } else {
            self.str_of(spec).to_string()
        };
        let v = self.at(base);
        // a boxed int/float... (vm/boxed.rs) formats as its builtin value ("" is str(v), below)
        let v = if text.is_empty() { v } else { self.unboxed(v) };
        self.format_builtin(v, &text)
    }

    /// Calls a user `__format__(v, spec)` and checks that it returned a str.
    fn call_format(&mut self, f: Value, base: usize) -> PyResult<Value> {
        self.push(f);
        if self.at(base + 1).is_null() {
            let e = self.new_str("")?;
            self.set_at(base + 1, e);
        }
        let (f, v, spec) = (self.at(base + 2), self.at(base), self.at(base + 1));
        let r = self.call(f, &[v, spec])?;
        if !self.is(r, Kind::Str) {
            let tn = self.type_name(r);
            return Err(self.type_error(format!("__format__ must return a str, not {tn}")));
        }
        Ok(r)
    }

    /// The builtin formatting of ints, bools, floats and strs; other objects accept only "".
    pub fn format_builtin(&mut self, v: Value, spec: &str) -> PyResult<Value> {
        if spec.is_empty() {
            return self.str_value(v);
        }
        let tname = self.type_name(v);
        let is_num = self.is_int(v) || self.is(v, Kind::Float) || self.is(v, Kind::Complex);
        if !is_num && !self.is(v, Kind::Str) {
            return Err(self.type_error(format!(
                "unsupported format string passed to {tname}.__format__"
            )));
        }
        let default_align = if self.is(v, Kind::Str) { '<' } else { '>' };
        let s = match parse_spec(spec, &tname, default_align) {
            Ok(s) => s,
            Err(m) => return Err(self.value_error(m)),
        };
        let r = if self.is(v, Kind::Complex) {
            let (re, im) = self.complex_val(v);
            spec::format_complex(re, im, &s).map_err(|m| ("ValueError", m))
        } else if self.is(v, Kind::Str) {
            format_text(self.str_of(v), &s).map_err(|m| ("ValueError", m))
        } else if self.is(v, Kind::Float) {
            format_f64(self.float_val(v), &s, &tname).map_err(|m| ("ValueError", m))
        } else {
            let n = self.to_bigint(v).unwrap_or_else(BigInt::zero);
            format_bigint(&n, &s, &tname)
        };
        match r {
            Ok(out) => self.new_str(&out),
            Err((e, m)) => Err(self.raise(e, &m)),
        }
    }
}
