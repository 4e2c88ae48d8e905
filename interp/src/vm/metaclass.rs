//! Metaclasses: `class A(B, metaclass=M, **kw)` through `__mro_entries__`, the most-derived
//! metaclass rule, `M.__prepare__` and a call of `M(name, bases, ns, **kw)`; `type` as a base class
//! (`class M(type)`); `type.__new__`'s three-argument form (which runs `__set_name__` and
//! `__init_subclass__`), `type.__call__`, `type.__prepare__`, `type.__instancecheck__`/
//! `__subclasscheck__`; and `meta_hook`, which the generic operations ask for a metaclass dunder
//! (`__call__`, `__repr__`, `__getitem__`, `__contains__`, `__instancecheck__`...).
//!
//! Invariants: a class's metaclass is `TypeObj::meta` (NULL means `type`, so builtin types and plain
//! classes pay nothing); a class made by a user metaclass keeps the metaclass alive through that
//! field. Every `Value` needed after a call or an allocation lives on the VM stack (slots noted).

use super::call::Prepared;
use super::{Args, PyResult, Vm};
use crate::obj::layout::*;
use crate::objects::args::pin_kwnames;
use gc::Value;

impl Vm {
    /// A Python-level (not native) attribute `name` of the metaclass of class `t`, when `t` is a class
    /// made by a user metaclass; None otherwise (the common, fast case).
    pub fn meta_hook(&mut self, t: Value, name: &str) -> Option<Value> {
        if !self.is(t, Kind::Type) {
            return None;
        }
        let m = self.obj::<TypeObj>(t).meta;
        if m.is_null() {
            return None;
        }
        let f = self.lookup_type_str(m, name)?;
        if self.is(f, Kind::Native) {
            None
        } else {
            Some(f)
        }
    }

    /// The most derived of `meta` and the metaclasses of `bases` (a tuple), or CPython's "metaclass
    /// conflict" TypeError. Never collects except to raise.
    pub fn calculate_meta(&mut self, meta: Value, bases: Value) -> PyResult<Value> {
        let mut winner = meta;
        for i in 0..self.tuple_items(bases).len() {
            let b = self.tuple_items(bases)[i];
            let bt = self.type_of(b);
            if self.is_subtype(winner, bt) {
                continue;
            }
            if self.is_subtype(bt, winner) {
                winner = bt;
                continue;
            }
            return Err(self.type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
                 subclass of the metaclasses of all its bases",
            ));
        }
        Ok(winner)
    }
}

/// Bootstrap: `type` becomes subclassable (its subclasses' instances are classes) and gets the
/// methods metaclasses call through `super()`.
pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("type");
    // SAFETY: `type` is a builtin type object in the old generation (never moves); no GC point here.
    unsafe {
        (*vm.payload::<TypeObj>(t)).flags |= TYPE_BASETYPE;
        (*vm.payload::<TypeObj>(t)).inst_kind = Kind::Type as u64;
    }
    vm.add_method("type", "__call__", type_call);
    vm.add_method("type", "__init__", type_init);
    vm.add_method("type", "__instancecheck__", type_instancecheck);
    vm.add_method("type", "__subclasscheck__", type_subclasscheck);
    crate::objects::args::add_classmethod(vm, "type", "__prepare__", type_prepare);
}

/// type.__call__(cls, *args, **kw): the default construction (__new__ then __init__), which a
/// metaclass's `__call__` reaches through `super()`.
fn type_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !vm.is(vm.arg(&a, 0), Kind::Type) {
        let tn = vm.type_name(vm.arg(&a, 0));
        return Err(vm.type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{tn}'"
        )));
    }
    let a = pin_kwnames(vm, a);
    vm.call_type(a.base, a.n - 1, a.kwnames)
}

/// type.__init__(cls, ...): nothing to do (the class was made by __new__).
fn type_init(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(vm.none())
}

/// type.__prepare__(name, bases, **kw): a new empty dict.
fn type_prepare(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    vm.new_dict()
}

fn type_instancecheck(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if vm.npos(&a) != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let r = vm.isinstance(vm.arg(&a, 1), vm.arg(&a, 0));
    Ok(vm.bool_val(r))
}

fn type_subclasscheck(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if vm.npos(&a) != 2 {
        return Err(vm.type_error("expected 1 argument"));
    }
    let c = vm.arg(&a, 1);
    if !vm.is(c, Kind::Type) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    let r = vm.is_subtype(c, vm.arg(&a, 0));
    Ok(vm.bool_val(r))
}

/// type.__new__(mcls, name, bases, ns, **kw): makes the class with the most derived metaclass, then
/// runs `__set_name__` and `__init_subclass__(**kw)` as CPython's type_new does.
pub fn type_new3(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // class_created_hooks reads the keyword names after GC points
    let a = pin_kwnames(vm, a);
    for (i, k, tn) in [
        (1, Kind::Str, "str"),
        (2, Kind::Tuple, "tuple"),
        (3, Kind::Dict, "dict"),
    ] {
        let v = vm.arg(&a, i);
        if !vm.is(v, k) {
            let vn = vm.type_name(v);
            return Err(vm.type_error(format!(
                "type.__new__() argument {i} must be {tn}, not {vn}"
            )));
        }
    }
    let mcls = vm.arg(&a, 0);
    if !vm.is(mcls, Kind::Type) || !vm.is_subtype(mcls, vm.builtin_type("type")) {
        let tn = vm.arg_type_name(mcls);
        return Err(vm.type_error(format!("type.__new__(X): X is not a type object ({tn})")));
    }
    let winner = vm.calculate_meta(mcls, vm.arg(&a, 2))?;
    let base = vm.sp();
    vm.push(winner);
    let d = vm.arg(&a, 3);
    let nd = vm.dict_copy(d, Kind::Dict)?;
    vm.push(nd);
    let t = vm.new_class(a.base + 1, a.base + 2, base + 1)?;
    let winner = vm.at(base);
    if winner != vm.builtin_type("type") {
        // SAFETY: t was returned by new_class (the last GC point) and winner re-read from the stack; the
        // barrier follows the store.
        unsafe { (*vm.payload::<TypeObj>(t)).meta = winner };
        vm.heap.write_barrier(t);
    }
    vm.truncate(base);
    vm.push(t);
    super::builtins_setup::class_created_hooks(vm, base, &a)?;
    let t = vm.at(base);
    vm.truncate(base);
    Ok(t)
}

/// The class statement when it needs more than the plain path of `__build_class__`: a `metaclass=`
/// keyword, a base made by a user metaclass, or a base that is not a class (`__mro_entries__`).
/// None: the plain path applies.
pub fn build_class_general(vm: &mut Vm, a: &Args) -> PyResult<Option<Value>> {
    let a = &pin_kwnames(vm, *a);
    let npos = vm.npos(a);
    let nkw = a.n - npos;
    let kwnames = a.kwnames;
    let meta_kw = (0..nkw).find(|&j| vm.str_of(vm.tuple_items(kwnames)[j]) == "metaclass");
    let plain_bases = (2..npos).all(|i| {
        let b = vm.arg(a, i);
        vm.is(b, Kind::Type) && vm.obj::<TypeObj>(b).meta.is_null()
    });
    if meta_kw.is_none() && plain_bases {
        return Ok(None);
    }
    let base = vm.sp();
    let nb = npos - 2;
    // slot base: the bases as written
    for i in 0..nb {
        vm.push(vm.arg(a, 2 + i));
    }
    let orig = vm.new_tuple_from_stack(nb)?;
    vm.push(orig);
    // slot base+1: the bases after __mro_entries__
    let mut changed = false;
    let list_base = vm.sp();
    for i in 0..nb {
        let b = vm.arg(a, 2 + i);
        if vm.is(b, Kind::Type) {
            vm.push(b);
            continue;
        }
        let k = vm.intern("__mro_entries__");
        let Some(me) = vm.getattr_opt(b, k)? else {
            vm.push(vm.arg(a, 2 + i)); // re-read: getattr_opt may have collected
            continue;
        };
        changed = true;
        let r = vm.call(me, &[vm.at(base)])?;
        if !vm.is(r, Kind::Tuple) {
            return Err(vm.type_error("__mro_entries__ must return a tuple"));
        }
        for j in 0..vm.tuple_items(r).len() {
            let e = vm.tuple_items(r)[j];
            vm.push(e);
        }
    }
    let bases = vm.new_tuple_from_stack(vm.sp() - list_base)?;
    vm.push(bases);
    // slot base+2: the metaclass
    let meta = match meta_kw {
        Some(j) => vm.at(a.base + npos + j),
        None if nb > 0 && !vm.tuple_items(bases).is_empty() => {
            let b0 = vm.tuple_items(bases)[0];
            vm.type_of(b0)
        }
        None => vm.builtin_type("type"),
    };
    let meta = if vm.is(meta, Kind::Type) {
        vm.calculate_meta(meta, vm.at(base + 1))?
    } else {
        meta
    };
    vm.push(meta);
    // slot base+3: the keyword names other than metaclass (or None); their values are pushed for each
    // call from the argument slots.
    let kw_idx: Vec<usize> = (0..nkw).filter(|&j| Some(j) != meta_kw).collect();
    if kw_idx.is_empty() {
        vm.push(vm.none());
    } else {
        // an old-space tuple of interned names: callees read kwnames after GC points
        let names: Vec<String> = kw_idx
            .iter()
            .map(|&j| vm.str_of(vm.tuple_items(a.kwnames)[j]).to_string())
            .collect();
        let interned: Vec<Value> = names.iter().map(|n| vm.intern(n)).collect();
        let t = vm.old_tuple(&interned);
        vm.push(t);
    }
    // slot base+4: the namespace from __prepare__
    let k = vm.intern("__prepare__");
    let ns = match vm.getattr_opt(vm.at(base + 2), k)? {
        Some(p) => {
            let fs = vm.sp();
            vm.push(p);
            vm.push(vm.arg(a, 1));
            vm.push(vm.at(base + 1));
            let n = push_kw(vm, a, &kw_idx);
            let r = vm.call_slot(fs, 2 + n, kw_tuple(vm, base + 3))?;
            vm.truncate(fs);
            r
        }
        None => vm.new_dict()?,
    };
    if !vm.is(ns, Kind::Dict) {
        let m = vm.at(base + 2);
        let mn = if vm.is(m, Kind::Type) {
            vm.str_of(vm.obj::<TypeObj>(m).name).to_string()
        } else {
            "<metaclass>".to_string()
        };
        let tn = vm.type_name(ns);
        return Err(vm.type_error(format!(
            "{mn}.__prepare__() must return a mapping, not {tn}"
        )));
    }
    vm.push(ns);
    let ns_slot = base + 4;
    let func = vm.arg(a, 0);
    let globals = vm.obj::<FunctionObj>(func).globals;
    let k = vm.intern("__name__");
    if let Some(m) = vm.dict_get_str(globals, k) {
        let k = vm.intern("__module__");
        vm.dict_set(vm.at(ns_slot), k, m)?;
    }
    let func = vm.arg(a, 0);
    let code = vm.obj::<FunctionObj>(func).code;
    let qual = vm.code_data(code).qualname.clone();
    let qv = vm.new_str(&qual)?;
    let k = vm.intern("__qualname__");
    vm.dict_set(vm.at(ns_slot), k, qv)?;
    if changed {
        let k = vm.intern("__orig_bases__");
        vm.dict_set(vm.at(ns_slot), k, vm.at(base))?;
    }
    // run the body with ns as its locals; slot base+5: the __class__ cell (or None)
    let fslot = vm.sp();
    vm.push(vm.arg(a, 0));
    match vm.prepare_call(fslot, 0, Value::NULL, true)? {
        Prepared::Frame => {
            vm.roots.frames.last_mut().unwrap().locals = vm.at(ns_slot);
            vm.native_depth += 1;
            let r = vm.run_frames();
            vm.native_depth -= 1;
            let cell = r?;
            vm.push(cell);
        }
        Prepared::Done(v) => vm.push(v),
    }
    // meta(name, bases, ns, **kw)
    let fs = vm.sp();
    vm.push(vm.at(base + 2));
    vm.push(vm.arg(a, 1));
    vm.push(vm.at(base + 1));
    vm.push(vm.at(ns_slot));
    let n = push_kw(vm, a, &kw_idx);
    let t = vm.call_slot(fs, 3 + n, kw_tuple(vm, base + 3))?;
    vm.truncate(fs);
    let cell = vm.at(base + 5);
    if vm.is(cell, Kind::Cell) {
        // SAFETY: cell was re-read from the stack after the call (the last GC point) and checked to be a
        // Cell; the barrier follows the store.
        unsafe { (*vm.payload::<CellObj>(cell)).value = t };
        vm.heap.write_barrier(cell);
    }
    vm.truncate(base);
    Ok(Some(t))
}

/// Pushes the values of the class statement's keywords listed in `idx`; returns how many.
fn push_kw(vm: &mut Vm, a: &Args, idx: &[usize]) -> usize {
    let npos = vm.npos(a);
    for &j in idx {
        vm.push(vm.at(a.base + npos + j));
    }
    idx.len()
}

/// The kwnames tuple kept at `slot`, or NULL when the statement had no keywords to pass.
fn kw_tuple(vm: &Vm, slot: usize) -> Value {
    let t = vm.at(slot);
    if vm.is(t, Kind::Tuple) {
        t
    } else {
        Value::NULL
    }
}
