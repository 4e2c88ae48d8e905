//! The data attributes of `function` objects that are not stored in the function's `__dict__`:
//! `__kwdefaults__`, `__globals__`, `__builtins__`, `__closure__` (a tuple of cells or None),
//! `__annotations__` (the dict of evaluated parameter and return annotations MakeFunction got, or
//! an empty one made on first read), and the descriptor method `__get__` (binding).
//! `__name__`, `__qualname__`, `__doc__`, `__defaults__`, `__code__`, `__module__` and `__dict__`
//! are answered earlier (`__dict__` here only when the function has none yet) by the VM's generic attribute lookup (vm/types.rs special_attr).

use super::args::{check_method, Arity};
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_method("function", "__get__", function_get);
    super::function_new::install(vm);
}

pub fn getattr(vm: &mut Vm, v: Value, name: Value) -> PyResult<Option<Value>> {
    let n = vm.str_of(name).to_string();
    let null_none = |vm: &Vm, x: Value| if x.is_null() { vm.none() } else { x };
    match n.as_str() {
        "__kwdefaults__" => {
            let d = vm.obj::<FunctionObj>(v).kwdefaults;
            Ok(Some(null_none(vm, d)))
        }
        "__globals__" => Ok(Some(vm.obj::<FunctionObj>(v).globals)),
        "__builtins__" => Ok(Some(vm.roots.builtins)),
        "__closure__" => {
            let c = vm.obj::<FunctionObj>(v).closure;
            Ok(Some(null_none(vm, c)))
        }
        "__annotations__" => {
            let a = vm.obj::<FunctionObj>(v).annotations;
            if !a.is_null() {
                return Ok(Some(a));
            }
            // made empty on first read and kept, as CPython does
            let base = vm.sp();
            vm.push(v);
            let d = vm.new_dict();
            let f = vm.at(base);
            vm.truncate(base);
            let d = d?;
            // SAFETY: f is a live Function, re-read after the allocation; the barrier follows the
            // store.
            unsafe { (*vm.payload::<FunctionObj>(f)).annotations = d };
            vm.heap.write_barrier(f);
            Ok(Some(d))
        }
        "__dict__" => {
            // the generic lookup answered nothing: the function has no dict yet
            let base = vm.sp();
            vm.push(v);
            let d = vm.new_dict();
            let f = vm.at(base);
            vm.truncate(base);
            let d = d?;
            // SAFETY: f is a live Function, re-read after the allocation; the barrier follows the
            // store.
            unsafe { (*vm.payload::<FunctionObj>(f)).dict = d };
            vm.heap.write_barrier(f);
            Ok(Some(d))
        }
        _ => Ok(None),
    }
}

/// `function.__get__(instance, owner=None)`: the function itself for a None instance, else a
/// method bound to the instance.
fn function_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check_method(
        vm,
        &a,
        "function",
        "__get__",
        &[Kind::Function],
        Arity::Range(1, 2),
    )?;
    let (f, obj) = (vm.arg(&a, 0), vm.arg(&a, 1));
    if obj == vm.none() {
        if n == 1 || vm.arg(&a, 2) == vm.none() {
            return Err(vm.type_error("__get__(None, None) is invalid"));
        }
        return Ok(f);
    }
    vm.new_bound_method(f, obj)
}
