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
    Ok(format!("<module '{}'>", vm.str_of(n)))
}
