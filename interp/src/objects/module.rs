//! `module`: a `ModuleObj { name, dict }` namespace. Import machinery lives in vm/import.rs and
//! attribute access in the VM's generic getattr; this module holds the type's behaviour (repr).

use super::TypeSlots;
use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "module",
    repr: Some(repr),
    ..TypeSlots::EMPTY
};

fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let n = vm.obj::<ModuleObj>(v).name;
    let name = vm.str_of(n);
    if vm.registry.native_module(name).is_some() {
        return Ok(format!("<module '{name}' (built-in)>"));
    }
    Ok(format!("<module '{name}'>"))
}

impl Vm {
    /// A module named `name` whose namespace is the existing dict `d` (the `builtins` module shares
    /// the interpreter's builtins dict, so `builtins.x = ...` is seen by every name lookup).
    pub fn new_module_over(&mut self, name: &str, d: Value) -> PyResult<Value> {
        self.push(d);
        let m = self.new_module(name);
        let d = self.pop();
        let m = m?;
        // SAFETY: m is a Module just returned by new_module and d re-read from the stack after it;
        // no GC point between the read and the store, and the barrier follows it.
        unsafe { (*self.payload::<ModuleObj>(m)).dict = d };
        self.heap.write_barrier(m);
        Ok(m)
    }
}
