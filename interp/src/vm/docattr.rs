//! `__doc__` of builtins and of objects without one of their own: a native function's doc comes
//! from the table in objects/docs.rs (keyed "len", "list.append"); a type's is its own dict's
//! `__doc__`, else the table's (builtin types), else None (not inherited, as in CPython); an
//! instance's is its own dict's, else its type's.
//!
//! GC: each answer allocates at most one str, after every read.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use crate::objects::docs::builtin_doc;
use gc::Value;

impl Vm {
    fn doc_str(&mut self, key: &str) -> PyResult<Value> {
        match builtin_doc(key) {
            Some(d) => self.new_str(d),
            None => Ok(self.none()),
        }
    }

    /// `t.__doc__` for a type object `t`.
    pub fn type_doc(&mut self, t: Value) -> PyResult<Value> {
        let k = self.intern("__doc__");
        let tp = self.obj::<TypeObj>(t);
        let (d, builtin, name) = (tp.dict, tp.flags & TYPE_BUILTIN != 0, tp.name);
        if let Some(v) = self.dict_get_str(d, k) {
            return Ok(v);
        }
        if !builtin {
            return Ok(self.none());
        }
        let name = self.str_of(name).to_string();
        self.doc_str(&name)
    }

    /// `obj.__doc__` for a builtin function or method.
    pub fn native_doc(&mut self, f: Value) -> PyResult<Value> {
        let p = self.obj::<NativeObj>(f);
        let (name, owner, bound) = (p.name, p.owner, p.bound);
        let name = self.str_of(name).to_string();
        let key = if !owner.is_null() {
            format!("{}.{}", self.str_of(self.obj::<TypeObj>(owner).name), name)
        } else if !bound.is_null() && !self.is(bound, Kind::Module) {
            format!("{}.{}", self.type_name(bound), name)
        } else {
            name
        };
        self.doc_str(&key)
    }

    /// `obj.__doc__` for an object that is not a type, function or module.
    pub fn instance_doc(&mut self, obj: Value) -> PyResult<Value> {
        let k = self.intern("__doc__");
        if let Some(v) = self.map_get_attr(obj, k) {
            return Ok(v);
        }
        if let Some(d) = self.instance_dict(obj) {
            if let Some(v) = self.dict_get_str(d, k) {
                return Ok(v);
            }
        }
        let t = self.type_of(obj);
        self.type_doc(t)
    }
}
