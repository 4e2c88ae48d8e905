//! The `open` builtin: io.open (interp/lib/io.py), imported on first use. The first call imports
//! `io` and rebinds `builtins.open` to `io.open` itself, so later calls go straight to Python;
//! this native only forwards its arguments (keywords included) once.
//!
//! GC: kwnames are pinned (`pin_kwnames`) before the import, which runs Python; the arguments are
//! re-read from the stack when they are copied for the forwarded call.

use crate::objects::args::pin_kwnames;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_builtin("open", open);
}

fn open(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    let io = vm.import_module("io", true)?;
    let f = vm.getattr_str(io, "open")?;
    vm.push(f);
    let k = vm.intern("open");
    let f = vm.top();
    vm.dict_set(vm.roots.builtins, k, f)?;
    let fslot = vm.sp() - 1;
    for i in 0..a.n {
        let v = vm.at(a.base + i);
        vm.push(v);
    }
    vm.call_slot(fslot, a.n, a.kwnames)
}
