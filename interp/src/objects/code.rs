//! `code` (a compiled code object: `CodeObj` pointing at its Rust `CodeData`, built by vm/code.rs
//! from the compiler's output) and `cell` (a closure variable's box). The VM owns how they are
//! built and run; this module holds the types' behaviour (repr).

use super::TypeSlots;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static CODE: TypeSlots = TypeSlots {
    name: "code",
    repr: Some(code_repr),
    ..TypeSlots::EMPTY
};

pub static CELL: TypeSlots = TypeSlots {
    name: "cell",
    repr: Some(cell_repr),
    ..TypeSlots::EMPTY
};

fn code_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let n = vm.code_data(v).name.clone();
    Ok(format!("<code object {n}>"))
}

fn cell_repr(_vm: &mut Vm, _v: Value) -> PyResult<String> {
    Ok("<cell>".into())
}
