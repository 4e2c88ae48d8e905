//! FFI objects as ordinary Python objects: attributes assigned on an instance (`ffi.x = 1`, a
//! subclass's `self.x = ...`) live in [`FfiData::attrs`] (a dict made on the first assignment),
//! `class MyFFI(FFI)` is allowed (instances are still FFI objects: every method finds its
//! `FfiData`), `ffi.error` is the base class of
//! cffi.FFIError and cffi.CDefError (module.rs), and `dir(ffi)` lists the instance attributes
//! with the class's.
//!
//! Lookup order matches a Python class with a `__dict__` for what CFFI code does: the class
//! (methods, properties such as `errno`) first, then the instance attributes through the
//! `__getattr__` fallback.

use super::ffi_obj::FfiData;
use super::{foreign, foreign_mut};
use crate::obj::layout::{NativeFn, TypeObj, TYPE_BASETYPE};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("_cffi_backend.FFI");
    // SAFETY: the FFI class is an old-generation, rooted type object; no GC point while the flag
    // is written.
    unsafe { (*vm.payload::<TypeObj>(t)).flags |= TYPE_BASETYPE };
    let methods: &[(&str, NativeFn)] = &[
        ("__getattr__", ffi_getattr),
        ("__setattr__", ffi_setattr),
        ("__delattr__", ffi_delattr),
        ("__dir__", ffi_dir),
    ];
    for (n, f) in methods {
        vm.add_native_method(t, n, *f);
    }
    let err = vm.builtin_type("ffi.error");
    vm.add_type_attr(t, "error", err);
}

fn attrs_of(vm: &Vm, v: Value) -> Value {
    foreign::<FfiData>(vm, v).map_or(Value::NULL, |d| d.attrs)
}

fn ffi_getattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (o, n) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let d = attrs_of(vm, o);
    if !d.is_null() {
        if let Some(v) = vm.dict_get_str(d, n) {
            return Ok(v);
        }
    }
    Err(vm.attr_error(o, n))
}

fn ffi_setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let o = vm.arg(&a, 0);
    if foreign::<FfiData>(vm, o).is_none() {
        return Err(vm.type_error("descriptor '__setattr__' requires a 'FFI' object"));
    }
    if attrs_of(vm, o).is_null() {
        let d = vm.new_dict()?;
        let o = vm.arg(&a, 0);
        if let Some(f) = foreign_mut::<FfiData>(vm, o) {
            f.attrs = d;
        }
        vm.heap.write_barrier(o);
    }
    let (o, n, v) = (vm.arg(&a, 0), vm.arg(&a, 1), vm.arg(&a, 2));
    let d = attrs_of(vm, o);
    vm.dict_set(d, n, v)?;
    Ok(vm.none())
}

fn ffi_delattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (o, n) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let d = attrs_of(vm, o);
    if !d.is_null() && vm.dict_del(d, n)?.is_some() {
        return Ok(vm.none());
    }
    let (o, n) = (vm.arg(&a, 0), vm.arg(&a, 1));
    Err(vm.attr_error(o, n))
}

/// `dir(ffi)`: the class's names (with its bases') and the instance attributes, sorted.
fn ffi_dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let o = vm.arg(&a, 0);
    let mut names = std::collections::BTreeSet::new();
    let t = vm.type_of(o);
    let mro = vm.obj::<TypeObj>(t).mro;
    for &c in vm.tuple_items(mro) {
        let d = vm.obj::<TypeObj>(c).dict;
        collect(vm, d, &mut names);
    }
    let d = attrs_of(vm, o);
    if !d.is_null() {
        collect(vm, d, &mut names);
    }
    let base = vm.sp();
    for n in &names {
        match vm.new_str(n) {
            Ok(s) => vm.push(s),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    let r = vm.new_list_from_stack(names.len());
    vm.truncate(base);
    r
}

fn collect(vm: &Vm, d: Value, out: &mut std::collections::BTreeSet<String>) {
    for i in 0..vm.dict_used(d) {
        if let Some((k, _)) = vm.dict_entry(d, i) {
            if vm.is(k, crate::obj::layout::Kind::Str) {
                out.insert(vm.str_of(k).to_string());
            }
        }
    }
}
