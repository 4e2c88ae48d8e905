//! format() with the format-spec mini-language, and printf-style `%` formatting.

use crate::vm::{PyResult, Vm};
use gc::Value;

impl Vm {
    /// format(v, spec); `spec` may be null or a str.
    pub fn format(&mut self, v: Value, spec: Value) -> PyResult<Value> {
        if spec.is_null() || self.str_of(spec).is_empty() {
            return self.str_value(v);
        }
        Err(self.raise("NotImplementedError", "format specs are not implemented yet"))
    }

    /// `fmt % args`
    pub fn percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        let _ = (fmt, args);
        Err(self.raise("NotImplementedError", "% formatting is not implemented yet"))
    }
}
