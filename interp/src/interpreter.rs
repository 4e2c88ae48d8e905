//! The standard interpreter: the registry of native modules, bootstrap installers and import hooks
//! that the `minipy` binary (run.rs, repl.rs) and every test build their VM with. This is the one
//! place that wires the upper layers (builtins, cffi) into the core, like CPython's
//! Modules/config.c inittab; the core itself (vm/ and the other directories checked by
//! interp/tests/layering.rs) never names them.

use crate::vm::registry::{ForeignFastPaths, Registry};
use crate::vm::{PyResult, Vm};
use gc::{GcConfig, Value};

/// The registry of a full minipy: the builtin functions and methods, the builtins layer's native
/// modules (sys, math, time, gc, __minipy__), cffi's `cffi` / `_cffi_backend` modules, and the
/// import hook that loads cffi API-mode modules (compiled by `ffi.compile()`).
pub fn standard_registry() -> Registry {
    Registry::new()
        .add_installer(crate::builtins::install)
        .add_native_modules(crate::builtins::modules::MODULES)
        .add_native_module("cffi", make_cffi)
        .add_native_module("_cffi_backend", make_cffi_backend)
        .add_import_hook(crate::cffi::api_import::import_hook)
        .set_foreign_fast_paths(ForeignFastPaths {
            call: Some(crate::cffi::call::fast_call),
            getitem: Some(crate::cffi::cdata_ops::fast_getitem),
            setitem: Some(crate::cffi::cdata_ops::fast_setitem),
            getattr: Some(crate::cffi::cdata_ops::fast_getattr),
            setattr: Some(crate::cffi::cdata_ops::fast_setattr),
        })
}

/// A VM with the standard registry.
pub fn standard_vm(cfg: GcConfig) -> Vm {
    Vm::new(cfg, standard_registry())
}

// cffi makes both modules with one function keyed by name; `None` cannot happen for these names.
fn make_cffi(vm: &mut Vm) -> PyResult<Value> {
    crate::cffi::make_module(vm, "cffi").expect("cffi makes the 'cffi' module")
}
fn make_cffi_backend(vm: &mut Vm) -> PyResult<Value> {
    crate::cffi::make_module(vm, "_cffi_backend").expect("cffi makes the '_cffi_backend' module")
}
