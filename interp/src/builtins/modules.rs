//! The native modules: `sys` (mod_sys.rs), `math` (mod_math.rs), `time` (mod_time.rs), `gc` and
//! `__minipy__` (mod_gc.rs). `make` builds a fresh module object; the importer caches it in
//! sys.modules.

#[path = "mod_gc.rs"]
mod mod_gc;
#[path = "mod_math.rs"]
mod mod_math;
#[path = "mod_sys.rs"]
mod mod_sys;
#[path = "mod_time.rs"]
mod mod_time;

use crate::obj::layout::NativeFn;
use crate::vm::{PyResult, Vm};
use gc::Value;

/// Creates the native module `name`, if there is one.
pub fn make(vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
    let build: fn(&mut Vm, usize) -> PyResult<()> = match name {
        "sys" => mod_sys::fill,
        "math" => mod_math::fill,
        "time" => mod_time::fill,
        "gc" => mod_gc::fill_gc,
        "__minipy__" => mod_gc::fill_minipy,
        _ => return None,
    };
    Some(new_filled(vm, name, build))
}

fn new_filled(
    vm: &mut Vm,
    name: &str,
    build: fn(&mut Vm, usize) -> PyResult<()>,
) -> PyResult<Value> {
    let m = vm.new_module(name)?;
    let slot = vm.sp();
    vm.push(m);
    let r = build(vm, slot);
    let m = vm.at(slot);
    vm.truncate(slot);
    r.map(|_| m)
}

/// Adds native functions to the module at stack slot `slot`.
fn add_fns(vm: &mut Vm, slot: usize, fns: &[(&str, NativeFn)]) -> PyResult<()> {
    for (name, f) in fns {
        vm.module_add_fn(vm.at(slot), name, *f)?;
    }
    Ok(())
}

/// Sets `name` on the module at `slot` to a value computed by `make` (which may allocate).
fn set_attr(
    vm: &mut Vm,
    slot: usize,
    name: &str,
    make: impl FnOnce(&mut Vm) -> PyResult<Value>,
) -> PyResult<()> {
    let v = make(vm)?;
    vm.module_set(vm.at(slot), name, v)
}

/// A dict of (name, u64) counters.
fn counters_dict(vm: &mut Vm, items: &[(&str, u64)]) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let d = vm.new_dict()?;
        vm.push(d);
        for (k, v) in items {
            let v = vm.new_int_from_u64(*v)?;
            vm.push(v);
            let k = vm.new_str(k)?;
            let v = vm.pop();
            vm.dict_set(vm.at(base), k, v)?;
        }
        Ok(vm.at(base))
    })();
    vm.truncate(base);
    r
}
