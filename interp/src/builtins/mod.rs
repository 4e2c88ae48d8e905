//! Builtin functions, the methods of the builtin types, formatting, and the native modules.
//!
//! Every native has the signature `fn(&mut Vm, Args) -> PyResult<Value>` and follows the VM's GC rules
//! (vm/mod.rs): arguments are re-read with `vm.arg(&a, i)` after any allocation; temporaries that must
//! survive an allocation are pushed on the value stack.

pub mod bytes_methods;
pub mod constructors;
pub mod dict_methods;
pub mod format;
pub mod functions;
pub mod list_methods;
pub mod misc_methods;
pub mod modules;
pub mod set_methods;
pub mod sort;
pub mod str_methods;

use crate::vm::{PyResult, Vm};
use gc::Value;

/// Registers every builtin function and method (called once by the bootstrap).
pub fn install(vm: &mut Vm) {
    functions::install(vm);
    constructors::install(vm);
    str_methods::install(vm);
    bytes_methods::install(vm);
    list_methods::install(vm);
    dict_methods::install(vm);
    set_methods::install(vm);
    misc_methods::install(vm);
}

/// Creates the native module `name` if there is one.
pub fn make_builtin_module(vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
    if name == "cffi" || name == "_cffi_backend" {
        return crate::cffi::make_module(vm, name);
    }
    modules::make(vm, name)
}
