//! `weakref.ref` (type `weakref.ReferenceType`, Kind::WeakRef): a reference that does not keep
//! its referent alive. `WeakRefObj { callback, target, hash, hashed }`.
//!
//! GC: the referent is held through a weak slot of the heap's handle table (`heap.new_weak`),
//! never as a traced field: collections move the slot's object with it and clear the slot when
//! the referent dies, so `r()` answers the moved object or None without the VM doing anything.
//! A weakref with a callback registers `target token -> weak token of the weakref` in
//! `vm.weak_callbacks`; the collection that finds the referent dead reports its token
//! (`heap.take_dead_weak`), and `run_weak_callbacks` (at the finalizers' safe points) calls the
//! callback with the weakref if the weakref itself is still alive (CPython's rule). The weakref's
//! destructor releases its slot (deferred: destructors cannot reach the heap).
//! Left out: CPython returns the same callback-less weakref for the same referent
//! (`ref(o) is ref(o)`); minipy makes a new one each time (they compare and hash equal).

use super::args::{check_method, Arity};
use super::TypeSlots;
use crate::bytecode::CmpOp;
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "ReferenceType",
    repr: Some(repr),
    hash: Some(hash),
    richcompare: Some(richcompare),
    call: Some(call),
    getattr: Some(getattr),
    install: Some(install),
    ..TypeSlots::EMPTY
};

fn install(vm: &mut Vm) {
    vm.add_method("ReferenceType", "__new__", new);
    vm.add_method("ReferenceType", "__call__", dunder_call);
}

/// Can `o` be weakly referenced? (CPython: objects whose type has a weaklist slot: instances of
/// classes, functions, types, sets, generators, modules, methods, cdata; not int, str, tuple, list,
/// dict, None...)
fn weakrefable(vm: &Vm, o: Value) -> bool {
    // instances of Python subclasses of list, dict and bytearray have a weaklist slot too
    if o.is_ptr() && matches!(vm.kind(o), Kind::List | Kind::Dict | Kind::ByteArray) {
        return vm.is_py_subclass(o);
    }
    o.is_ptr()
        && matches!(
            vm.kind(o),
            Kind::Instance
                | Kind::Function
                | Kind::Type
                | Kind::Set
                | Kind::FrozenSet
                | Kind::Generator
                | Kind::Module
                | Kind::BoundMethod
                | Kind::Native
                | Kind::Code
                | Kind::Property
                | Kind::WeakRef
                | Kind::Foreign
        )
}

fn new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n - vm.npos(&a) > 0 {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    let n = a.n - 1;
    if !(1..=2).contains(&n) {
        let msg = if n == 0 {
            "__new__ expected at least 1 argument, got 0".to_string()
        } else {
            format!("__new__ expected at most 2 arguments, got {n}")
        };
        return Err(vm.type_error(msg));
    }
    let o = vm.arg(&a, 1);
    if !weakrefable(vm, o) {
        let tn = vm.type_name(o);
        return Err(vm.type_error(format!("cannot create weak reference to '{tn}' object")));
    }
    let cb = if n == 2 { vm.arg(&a, 2) } else { vm.none() };
    let notify = cb != vm.none();
    let token = vm.heap.new_weak(o, notify);
    let w = match vm.alloc(Kind::WeakRef, 0) {
        Ok(w) => w,
        Err(e) => {
            vm.heap.release_handle(token);
            return Err(e);
        }
    };
    let cb = if n == 2 { vm.arg(&a, 2) } else { vm.none() };
    // SAFETY: w was just allocated as a WeakRef; cb re-read from the arguments after the
    // allocation; no GC point before the stores (a fresh young object needs no barrier).
    unsafe {
        let p = vm.payload::<WeakRefObj>(w);
        (*p).callback = cb;
        (*p).target = token;
        (*p).hash = 0;
        (*p).hashed = 0;
    }
    if notify {
        let me = vm.heap.new_weak(w, false);
        vm.weak_callbacks.insert(token, me);
        sweep_callbacks(vm);
    }
    // for getweakrefcount/getweakrefs; o re-read after the allocation
    let o = vm.arg(&a, 1);
    vm.note_weakref(o, w);
    Ok(w)
}

/// Drops the map entries of weakrefs that died before their referent (when the map has doubled
/// since the last sweep: amortized O(1) per weakref).
fn sweep_callbacks(vm: &mut Vm) {
    if vm.weak_callbacks.len() <= 2 * vm.weak_callbacks_swept.max(64) {
        return;
    }
    let heap = &vm.heap;
    vm.weak_callbacks
        .retain(|_, me| heap.from_handle(*me).is_some());
    vm.weak_callbacks_swept = vm.weak_callbacks.len();
}

/// The referent, or None once it died.
pub fn referent(vm: &Vm, w: Value) -> Option<Value> {
    vm.heap.from_handle(vm.obj::<WeakRefObj>(w).target)
}

fn call(vm: &mut Vm, w: Value, a: Args) -> PyResult<Value> {
    if a.n != 0 {
        let msg = if a.n - vm.npos(&a) > 0 {
            "weakref() takes no keyword arguments".to_string()
        } else {
            format!("weakref() takes exactly 0 arguments ({} given)", a.n)
        };
        return Err(vm.type_error(msg));
    }
    Ok(referent(vm, w).unwrap_or(vm.none()))
}

fn dunder_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(
        vm,
        &a,
        "weakref",
        "__call__",
        &[Kind::WeakRef],
        Arity::NoArgs,
    )?;
    let w = vm.arg(&a, 0);
    Ok(referent(vm, w).unwrap_or(vm.none()))
}

fn repr(vm: &mut Vm, w: Value) -> PyResult<String> {
    let id = vm.heap.id_of(w);
    let Some(o) = referent(vm, w) else {
        return Ok(format!("<weakref at {id:#x}; dead>"));
    };
    let base = vm.sp();
    vm.push(o);
    let tn = vm.type_name(o);
    let oid = vm.heap.id_of(vm.at(base));
    // `(name)` when the referent has a str __name__ (functions, classes).
    let name = match vm.getattr_str(vm.at(base), "__name__") {
        Ok(n) if vm.is(n, Kind::Str) => format!(" ({})", vm.str_of(n)),
        Ok(_) => String::new(),
        Err(_) => {
            vm.take_exc();
            String::new()
        }
    };
    vm.truncate(base);
    Ok(format!("<weakref at {id:#x}; to '{tn}' at {oid:#x}{name}>"))
}

fn hash(vm: &mut Vm, w: Value) -> PyResult<i64> {
    let p = vm.obj::<WeakRefObj>(w);
    if p.hashed != 0 {
        return Ok(p.hash);
    }
    let Some(o) = referent(vm, w) else {
        return Err(vm.type_error("weak object has gone away"));
    };
    let base = vm.sp();
    vm.push(w);
    let h = vm.hash(o);
    let w = vm.at(base);
    vm.truncate(base);
    let h = h?;
    // SAFETY: w (re-read from the stack after the hash, a GC point) is a live WeakRef; plain
    // integer stores need no barrier.
    unsafe {
        let p = vm.payload::<WeakRefObj>(w);
        (*p).hash = h;
        (*p).hashed = 1;
    }
    Ok(h)
}

/// `==`/`!=`: two live weakrefs compare their referents, otherwise identity.
fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) || !vm.is(b, Kind::WeakRef) {
        return Ok(None);
    }
    let eq = match (referent(vm, a), referent(vm, b)) {
        (Some(x), Some(y)) => vm.eq(x, y)?,
        _ => a == b,
    };
    Ok(Some(vm.bool_val(eq == (op == CmpOp::Eq))))
}

fn getattr(vm: &mut Vm, w: Value, name: Value) -> PyResult<Option<Value>> {
    if vm.str_of(name) == "__callback__" {
        let cb = vm.obj::<WeakRefObj>(w).callback;
        let alive = referent(vm, w).is_some();
        return Ok(Some(if alive { cb } else { vm.none() }));
    }
    Ok(None)
}

impl Vm {
    /// Calls the callbacks of weakrefs whose referent a collection found dead (the heap reports
    /// their tokens), each with its weakref, if the weakref is alive. Errors are reported as
    /// CPython's "Exception ignored in: <callback>" and never propagate. Called with the
    /// finalizers, at their safe points.
    pub fn run_weak_callbacks(&mut self) {
        while self.heap.has_dead_weak() {
            for token in self.heap.take_dead_weak() {
                let Some(me) = self.weak_callbacks.remove(&token) else {
                    continue;
                };
                let w = self.heap.from_handle(me);
                self.heap.release_handle(me);
                let Some(w) = w else { continue };
                let cb = self.obj::<WeakRefObj>(w).callback;
                if cb == self.none() {
                    continue;
                }
                let base = self.sp();
                self.push(cb);
                self.push(w);
                if self.call(cb, &[w]).is_err() {
                    self.report_ignored(base);
                }
                self.truncate(base);
            }
        }
    }
}
