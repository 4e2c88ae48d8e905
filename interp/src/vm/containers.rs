//! The generic subscription, `in` and `len()` operations: a subclass's override, then the kind's slot
//! (`objects/`), then the legacy arms of kinds not yet moved, then the `__getitem__`/`__setitem__`/
//! `__delitem__`/`__contains__`/`__len__` fallbacks for Python classes. Also the subscript conversion
//! shared by the builtin sequences (`seq_key`, `seq_pos`); slices themselves live in `objects/slice.rs`.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use crate::objects;
pub use crate::objects::slice::{slice_adjust, SliceIdx, SliceRaw};
use gc::Value;

impl Vm {
    /// len(v)
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        if let Some(f) = self.subclass_override(v, "__len__") {
            let r = self.call(f, &[v])?;
            return match self.to_i64(r) {
                Some(n) if n >= 0 => Ok(n as usize),
                _ => Err(self.type_error("__len__() should return a non-negative integer")),
            };
        }
        if v.is_ptr() {
            let kind = self.kind(v);
            if let Some(f) = objects::slots(kind).len {
                return f(self, v);
            }
            if let Some(f) = self.special(v, "__len__") {
                let r = self.call(f, &[v])?;
                return match self.to_i64(r) {
                    Some(n) if n >= 0 => Ok(n as usize),
                    Some(_) => Err(self.value_error("__len__() should return >= 0")),
                    None => {
                        let tn = self.type_name(r);
                        Err(self.type_error(format!(
                            "'{tn}' object cannot be interpreted as an integer"
                        )))
                    }
                };
            }
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("object of type '{tn}' has no len()")))
    }

    /// An index operand as i64 (ints, bools, or objects with __index__).
    pub fn index_value(&mut self, k: Value, what: &str) -> PyResult<i64> {
        if let Some(i) = self.to_i64(k) {
            return Ok(i);
        }
        if self.is(k, Kind::BigInt) {
            return Err(self.raise("IndexError", "cannot fit 'int' into an index-sized integer"));
        }
        if let Some(f) = self.special(k, "__index__") {
            // `k` is stale after the call (GC point): only `r` is read.
            let r = self.call(f, &[k])?;
            if let Some(i) = self.to_i64(r) {
                return Ok(i);
            }
            if self.is(r, Kind::BigInt) {
                return Err(
                    self.raise("IndexError", "cannot fit 'int' into an index-sized integer")
                );
            }
            let tn = self.type_name(r);
            return Err(self.type_error(format!("__index__ returned non-int (type {tn})")));
        }
        let tn = self.type_name(k);
        if what == "string" {
            // str's own wording (3.11)
            return Err(self.type_error(format!("string indices must be integers, not '{tn}'")));
        }
        Err(self.type_error(format!(
            "{what} indices must be integers or slices, not {tn}"
        )))
    }

    /// Converts an index or slice subscript of a builtin sequence (may run `__index__`: a GC
    /// point) before the sequence is read, as CPython does; `o` stays rooted meanwhile and is
    /// returned re-read. `what` names the sequence in the TypeError for a bad index.
    pub(crate) fn seq_key(&mut self, o: Value, k: Value, what: &str) -> PyResult<(Value, SeqKey)> {
        if k.is_int() {
            return Ok((o, SeqKey::Index(k.as_int())));
        }
        let base = self.sp();
        self.push(o);
        let r = if self.is(k, Kind::Slice) {
            self.slice_unpack(k).map(SeqKey::Slice)
        } else {
            self.index_value(k, what).map(SeqKey::Index)
        };
        let o = self.at(base);
        self.truncate(base);
        Ok((o, r?))
    }

    /// A converted index checked against `len` (negative counts from the end).
    pub(crate) fn seq_pos(&mut self, i: i64, len: usize, what: &str) -> PyResult<usize> {
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            // bytes says only "index out of range" (`what` empty).
            let sep = if what.is_empty() { "" } else { " " };
            return Err(self.index_error(format!("{what}{sep}index out of range")));
        }
        Ok(j as usize)
    }

    /// o[k]
    pub fn getitem(&mut self, o: Value, k: Value) -> PyResult<Value> {
        if !o.is_ptr() {
            let tn = self.type_name(o);
            return Err(self.type_error(format!("'{tn}' object is not subscriptable")));
        }
        if let Some(f) = self.subclass_override(o, "__getitem__") {
            return self.call(f, &[o, k]);
        }
        self.getitem_builtin(o, k)
    }

    /// o[k] by o's builtin type, ignoring a subclass's override (`list.__getitem__(self, k)`).
    // gc-safe: the foreign getitem hook answers None before any GC point (its contract): o, k intact
    pub fn getitem_builtin(&mut self, o: Value, k: Value) -> PyResult<Value> {
        let kind = self.kind(o);
        if let Some(f) = objects::slots(kind).getitem {
            return f(self, o, k);
        }
        match kind {
            Kind::Type => {
                if let Some(f) = self.meta_hook(o, "__getitem__") {
                    return self.call(f, &[o, k]);
                }
                // list[int] and friends: typing generics are accepted and ignored.
                if let Some(f) = self.lookup_type_str(o, "__class_getitem__") {
                    return self.call(f, &[o, k]);
                }
                Ok(o)
            }
            _ => {
                if let (Kind::Foreign, Some(fast)) = (kind, self.registry.foreign.getitem) {
                    if let Some(r) = fast(self, o, k) {
                        return r;
                    }
                }
                if let Some(f) = self.special(o, "__getitem__") {
                    return self.call_special(f, &[o, k]);
                }
                let tn = self.type_name(o);
                Err(self.type_error(format!("'{tn}' object is not subscriptable")))
            }
        }
    }

    /// o[k] = v
    pub fn setitem(&mut self, o: Value, k: Value, v: Value) -> PyResult<()> {
        if !o.is_ptr() {
            let tn = self.type_name(o);
            return Err(self.type_error(format!("'{tn}' object does not support item assignment")));
        }
        if let Some(f) = self.subclass_override(o, "__setitem__") {
            self.call(f, &[o, k, v])?;
            return Ok(());
        }
        self.setitem_builtin(o, k, v)
    }

    /// o[k] = v by o's builtin type, ignoring a subclass's override.
    // gc-safe: the foreign setitem hook answers false before any GC point (its contract): o, k, v intact
    pub fn setitem_builtin(&mut self, o: Value, k: Value, v: Value) -> PyResult<()> {
        let kind = self.kind(o);
        if let Some(f) = objects::slots(kind).setitem {
            return f(self, o, k, v);
        }
        if let (Kind::Foreign, Some(fast)) = (kind, self.registry.foreign.setitem) {
            if fast(self, o, k, v) {
                return Ok(());
            }
        }
        if let Some(f) = self.special(o, "__setitem__") {
            self.call_special(f, &[o, k, v])?;
            return Ok(());
        }
        let tn = self.type_name(o);
        Err(self.type_error(format!("'{tn}' object does not support item assignment")))
    }

    /// del o[k]
    pub fn delitem(&mut self, o: Value, k: Value) -> PyResult<()> {
        if !o.is_ptr() {
            let tn = self.type_name(o);
            return Err(self.type_error(format!("'{tn}' object doesn't support item deletion")));
        }
        if let Some(f) = self.subclass_override(o, "__delitem__") {
            self.call(f, &[o, k])?;
            return Ok(());
        }
        self.delitem_builtin(o, k)
    }

    /// del o[k] by o's builtin type, ignoring a subclass's override.
    pub fn delitem_builtin(&mut self, o: Value, k: Value) -> PyResult<()> {
        let kind = self.kind(o);
        if let Some(f) = objects::slots(kind).delitem {
            return f(self, o, k);
        }
        if let Some(f) = self.special(o, "__delitem__") {
            self.call_special(f, &[o, k])?;
            return Ok(());
        }
        let tn = self.type_name(o);
        Err(self.type_error(format!("'{tn}' object doesn't support item deletion")))
    }

    /// item in container
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if let Some(f) = self.subclass_override(container, "__contains__") {
            let r = self.call(f, &[container, item])?;
            return self.truthy(r);
        }
        if container.is_ptr() {
            let kind = self.kind(container);
            if let Some(f) = objects::slots(kind).contains {
                return f(self, container, item);
            }
            if kind == Kind::Instance || self.meta_hook(container, "__contains__").is_some() {
                if let Some(f) = self.special(container, "__contains__") {
                    let r = self.call(f, &[container, item])?;
                    return self.truthy(r);
                }
            }
        }
        // Not iterable at all: CPython names the container as the argument of `in`.
        let iterable = container.is_ptr() && {
            let k = self.kind(container);
            objects::slots(k).iter.is_some()
                || k == Kind::Generator
                || self.special(container, "__iter__").is_some()
                || self.special(container, "__getitem__").is_some()
        };
        if !iterable {
            let tn = self.type_name(container);
            return Err(self.type_error(format!("argument of type '{tn}' is not iterable")));
        }
        self.contains_iter(container, item)
    }

    /// `item in container` by iterating the container (the protocol's fallback; also range's answer
    /// for non-int items).
    pub fn contains_iter(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let base = self.sp();
        self.push(item);
        let it = self.get_iter(container)?;
        self.push(it);
        let r = loop {
            let it = self.at(base + 1);
            match self.next(it) {
                Ok(Some(v)) => match self.eq(v, self.at(base)) {
                    Ok(true) => break Ok(true),
                    Ok(false) => {}
                    Err(e) => break Err(e),
                },
                Ok(None) => break Ok(false),
                Err(e) => break Err(e),
            }
        };
        self.truncate(base);
        r
    }
}

/// A converted subscript of a builtin sequence.
#[derive(Clone, Copy, Debug)]
pub(crate) enum SeqKey {
    Index(i64),
    Slice(SliceRaw),
}
