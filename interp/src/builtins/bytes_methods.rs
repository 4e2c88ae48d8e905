//! (being written)
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let _ = vm;
}
