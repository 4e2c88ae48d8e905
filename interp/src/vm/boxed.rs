//! Instances of Python subclasses of the immutable builtins int, float, complex, tuple, bytes and
//! frozenset ("boxed" instances): an ordinary `Instance` (its class, its `__dict__`) whose `base`
//! field holds the plain builtin value it stands for.
//!
//! Why a box and not the builtin's own layout with a class field (as str/list/dict do): those kinds
//! are the VM's hot immediates and fast paths (small ints, floats, tuples), which would all have to
//! learn to defer to a subclass's overrides. A box is an `Instance`, so every operator already goes
//! through the class's dunders; the builtin's methods (slot wrappers and natives, which a subclass
//! inherits) receive the plain `base` instead of the box (`unbox_self` in the method-call check),
//! and so do the other operand of a builtin binary or comparison wrapper.
//!
//! Invariants: `base` is set once, when the box is made (`box_value`), and is never a box itself.
//! Results of the builtin's methods are plain values (`MyInt(1) + 1` is an int), as on CPython.

use super::{Args, PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

/// The builtin kinds a Python class may derive from through a box: the immutable values, and the
/// iterator types `enumerate`, `zip`, `map`, `filter`, `reversed` (whose state only their `next`
/// touches).
const BOXABLE: [Kind; 11] = [
    Kind::BigInt,
    Kind::Float,
    Kind::Complex,
    Kind::Tuple,
    Kind::Bytes,
    Kind::FrozenSet,
    Kind::Enumerate,
    Kind::Zip,
    Kind::Map,
    Kind::Filter,
    Kind::Reversed,
];

impl Vm {
    /// The plain builtin value a boxed instance stands for (None for anything else).
    #[inline]
    pub fn boxed_base(&self, v: Value) -> Option<Value> {
        if v.is_ptr() && self.kind(v) == Kind::Instance {
            let b = self.obj::<InstanceObj>(v).base;
            if !b.is_null() {
                return Some(b);
            }
        }
        None
    }

    /// `v` itself, or the builtin value inside it if it is a box.
    #[inline]
    pub fn unboxed(&self, v: Value) -> Value {
        self.boxed_base(v).unwrap_or(v)
    }

    /// Replaces a box at stack slot `i` by its builtin value (the receiver or the other operand of a
    /// builtin method).
    pub fn unbox_slot(&mut self, i: usize) {
        if let Some(b) = self.boxed_base(self.at(i)) {
            self.set_at(i, b);
        }
    }

    /// The builtin types whose instances are boxed in a subclass (marked as acceptable bases).
    pub fn boxable_types(&self) -> Vec<Value> {
        BOXABLE.iter().map(|&k| self.type_of_kind(k)).collect()
    }

    /// Is `t` a builtin type whose Python subclasses box their instances?
    pub fn is_boxable_type(&self, t: Value) -> bool {
        BOXABLE.iter().any(|&k| self.type_of_kind(k) == t)
    }

    /// The builtin whose native `__new__(cls, ...)` makes the instances of class `cls`, if any (the
    /// first one in its MRO): a boxable builtin (it returns a box), or set/bytearray (their
    /// `__new__` returns an object of the builtin's own kind whose class field is `cls`, as
    /// list/dict instances of a subclass are).
    pub fn boxed_builtin_of(&self, cls: Value) -> Option<Value> {
        let mro = self.obj::<TypeObj>(cls).mro;
        if mro.is_null() {
            return None;
        }
        let (set, ba) = (
            self.type_of_kind(Kind::Set),
            self.type_of_kind(Kind::ByteArray),
        );
        self.tuple_items(mro)
            .iter()
            .copied()
            .find(|&t| self.is_boxable_type(t) || t == set || t == ba)
    }

    /// Wraps the fresh builtin value `v` in a new instance of `cls` (a Python subclass of its type).
    pub fn box_value(&mut self, cls: Value, v: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(cls);
        self.push(v);
        let inst = self.alloc(Kind::Instance, 0)?;
        self.push(inst);
        let d = self.new_dict()?;
        let (cls, v, inst) = (self.at(base), self.at(base + 1), self.at(base + 2));
        self.truncate(base);
        // SAFETY: inst, cls and v were re-read from the stack after the last GC point (new_dict); the
        // barrier on inst follows the stores.
        unsafe {
            let p = self.payload::<InstanceObj>(inst);
            (*p).cls = cls;
            (*p).dict = d;
            (*p).base = v;
        }
        self.heap.write_barrier(inst);
        self.note_finalizable(inst, cls);
        Ok(inst)
    }

    /// The end of a boxable builtin's `__new__(cls, ...)`: `r` (computed by the builtin as for the
    /// builtin type itself) boxed when `cls` (argument 0) is a Python subclass; the errors CPython
    /// gives when `cls` is not a type or not a subtype (`tuple.__new__(int)`).
    pub fn finish_new(
        &mut self,
        a: Args,
        kind: Kind,
        f: fn(&mut Vm, Args) -> PyResult<Value>,
    ) -> PyResult<Value> {
        // by kind, not by name: `tuple()`, `set()`... run this on every call
        let tname = super::builtins_setup::kind_type_name(kind as usize);
        if a.n == 0 {
            return Err(self.type_error(format!("{tname}.__new__(): not enough arguments")));
        }
        let cls = self.arg(&a, 0);
        let builtin = self.type_of_kind(kind);
        if cls != builtin {
            if !self.is(cls, Kind::Type) {
                let tn = self.type_name(cls);
                return Err(
                    self.type_error(format!("{tname}.__new__(X): X is not a type object ({tn})"))
                );
            }
            if !self.is_subtype(cls, builtin) {
                let n = self.str_of(self.obj::<TypeObj>(cls).name).to_string();
                return Err(self.type_error(format!(
                    "{tname}.__new__({n}): {n} is not a subtype of {tname}"
                )));
            }
        }
        let r = f(self, a)?;
        let cls = self.arg(&a, 0);
        if cls == self.type_of_kind(kind) || self.boxed_base(r).is_some() {
            return Ok(r);
        }
        self.box_value(cls, r)
    }
}
