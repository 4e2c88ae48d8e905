//! `module`: a `ModuleObj { name, dict }` namespace. Import machinery lives in vm/import.rs and
//! attribute access in the VM's generic getattr; this module holds the type's behaviour (repr, and
//! the constructor `types.ModuleType(name, doc=None)`).

use super::TypeSlots;
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "module",
    repr: Some(repr),
    install: Some(install),
    ..TypeSlots::EMPTY
};

fn install(vm: &mut Vm) {
    vm.add_method("module", "__new__", new);
}

/// module(name, doc=None): a new empty module with `__name__` and `__doc__` set. Argument 0 is
/// the type; the arguments are positional only (keywords are rejected as a count error).
fn new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = vm.npos(&a);
    if npos != a.n {
        return Err(vm.type_error("module() takes no keyword arguments"));
    }
    if a.n < 2 {
        return Err(vm.type_error("module() missing required argument 'name' (pos 1)"));
    }
    if a.n > 3 {
        let got = a.n - 1;
        return Err(vm.type_error(format!("module() takes at most 2 arguments ({got} given)")));
    }
    let name = vm.arg(&a, 1);
    if !vm.is(name, Kind::Str) {
        let tn = vm.type_name(name);
        return Err(vm.type_error(format!("module() argument 'name' must be str, not {tn}")));
    }
    let n = vm.str_of(name).to_string();
    let m = vm.new_module(&n)?;
    vm.push(m);
    let doc = if a.n == 3 { vm.arg(&a, 2) } else { vm.none() };
    let m = vm.at(vm.sp() - 1);
    let r = vm.module_set(m, "__doc__", doc);
    let m = vm.pop();
    r.map(|_| m)
}

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
