//! (being written) The native modules: sys, math, time, gc, __minipy__.
use crate::vm::{PyResult, Vm};
use gc::Value;

/// Creates the native module `name`, if there is one.
pub fn make(vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
    let _ = (vm, name);
    None
}
