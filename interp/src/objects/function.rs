//! The callables: `function` (a Python function: `FunctionObj` with its code, globals, defaults and
//! closure), `builtin_function_or_method` (a Rust native: `NativeObj`, optionally bound to `self`)
//! and `method` (a bound method: `BoundMethodObj { func, slf }`). Calling them is the VM's business
//! (vm/call.rs: frames, argument binding); this module holds their type behaviour (repr).
//!
//! GC: the repr of a bound method runs `repr(self)`, which may run Python: the method's fields are
//! read before it.

use super::TypeSlots;
use crate::bytecode::CmpOp;
use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static FUNCTION: TypeSlots = TypeSlots {
    name: "function",
    repr: Some(function_repr),
    getattr: Some(super::function_attrs::getattr),
    install: Some(super::function_attrs::install),
    ..TypeSlots::EMPTY
};

pub static NATIVE: TypeSlots = TypeSlots {
    name: "builtin_function_or_method",
    repr: Some(native_repr),
    ..TypeSlots::EMPTY
};

pub static BOUND_METHOD: TypeSlots = TypeSlots {
    name: "method",
    repr: Some(bound_method_repr),
    richcompare: Some(bound_method_compare),
    hash: Some(bound_method_hash),
    install: Some(install_method),
    ..TypeSlots::EMPTY
};

fn install_method(vm: &mut Vm) {
    vm.add_method("method", "__new__", method_new);
}

/// `method(function, instance)` (types.MethodType): `function` bound to `instance`.
fn method_new(vm: &mut Vm, a: crate::vm::Args) -> PyResult<Value> {
    if a.n - vm.npos(&a) > 0 {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if a.n != 3 {
        return Err(vm.type_error(format!("method expected 2 arguments, got {}", a.n - 1)));
    }
    let (f, obj) = (vm.arg(&a, 1), vm.arg(&a, 2));
    if !vm.is_callable(f) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if obj == vm.none() {
        return Err(vm.type_error("instance must not be None"));
    }
    vm.new_bound_method(f, obj)
}

fn function_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let q = vm.obj::<FunctionObj>(v).qualname;
    let id = vm.heap.id_of(v);
    Ok(format!("<function {} at {:#x}>", vm.str_of(q), id))
}

fn native_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let p = vm.obj::<NativeObj>(v);
    let name = vm.str_of(p.name).to_string();
    if p.bound.is_null() {
        Ok(format!("<built-in function {name}>"))
    } else {
        let tn = vm.type_name(p.bound);
        let id = vm.heap.id_of(p.bound);
        Ok(format!(
            "<built-in method {name} of {tn} object at {:#x}>",
            id
        ))
    }
}

/// Two bound methods are equal when they bind the same object (identity, as CPython 3.8+) to the
/// same function; only == and != are defined.
fn bound_method_compare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    if !(vm.is(b, Kind::BoundMethod) && matches!(op, CmpOp::Eq | CmpOp::Ne)) {
        return Ok(None);
    }
    let (x, y) = (vm.obj::<BoundMethodObj>(a), vm.obj::<BoundMethodObj>(b));
    let same = x.slf == y.slf && x.func == y.func;
    Ok(Some(vm.bool_val(same == (op == CmpOp::Eq))))
}

/// Consistent with the equality above: the identities of self and of the function.
fn bound_method_hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let (f, s) = {
        let p = vm.obj::<BoundMethodObj>(v);
        (p.func, p.slf)
    };
    let (hs, hf) = (vm.identity_hash(s), vm.identity_hash(f));
    Ok((hs ^ hf) & ((1 << 61) - 1))
}

fn bound_method_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let (f, s) = {
        let p = vm.obj::<BoundMethodObj>(v);
        (p.func, p.slf)
    };
    let fname = if vm.is(f, Kind::Function) {
        vm.str_of(vm.obj::<FunctionObj>(f).qualname).to_string()
    } else {
        vm.repr_string(f)?
    };
    let sr = vm.repr_string(s)?;
    Ok(format!("<bound method {fname} of {sr}>"))
}
