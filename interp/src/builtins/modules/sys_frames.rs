//! `sys._getframe([depth])`: snapshots of the running frames (vm/tbobj.rs `live_frames`; the
//! snapshot semantics are documented in interp/lib/_tb.py).

use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn getframe(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if !a.kwnames.is_null() && !vm.tuple_items(a.kwnames).is_empty() {
        return Err(vm.type_error("_getframe() takes no keyword arguments"));
    }
    if a.n > 1 {
        return Err(vm.type_error(format!(
            "_getframe expected at most 1 argument, got {}",
            a.n
        )));
    }
    let depth = if a.n == 1 {
        let d = vm.arg(&a, 0);
        if !d.is_int() {
            let tn = vm.type_name(d);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
        d.as_int().max(0) as usize
    } else {
        0
    };
    vm.live_frames(depth)
}
