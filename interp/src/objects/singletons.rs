//! The payload-less singletons: `None` (`NoneType`), `...` (`ellipsis`) and `NotImplemented`
//! (`NotImplementedType`). Each is allocated once at bootstrap in the old generation (reached through
//! `Vm::none()`/`Vm::named`), so none of them ever moves or needs rooting. Identity is equality for
//! them (the VM's generic comparison); hashing `...`/`NotImplemented` is by identity.

use super::TypeSlots;
use crate::bytecode::CmpOp;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static NONE: TypeSlots = TypeSlots {
    name: "NoneType",
    repr: Some(none_repr),
    hash: Some(none_hash),
    truthy: Some(none_truthy),
    richcompare: Some(none_richcompare),
    ..TypeSlots::EMPTY
};

pub static ELLIPSIS: TypeSlots = TypeSlots {
    name: "ellipsis",
    repr: Some(ellipsis_repr),
    ..TypeSlots::EMPTY
};

pub static NOT_IMPLEMENTED: TypeSlots = TypeSlots {
    name: "NotImplementedType",
    repr: Some(not_implemented_repr),
    ..TypeSlots::EMPTY
};

fn none_repr(_vm: &mut Vm, _v: Value) -> PyResult<String> {
    Ok("None".into())
}

/// CPython 3.11's constant hash of None.
fn none_hash(_vm: &mut Vm, _v: Value) -> PyResult<i64> {
    Ok(0xFCA86 >> 4)
}

fn none_truthy(_vm: &mut Vm, _v: Value) -> PyResult<bool> {
    Ok(false)
}

/// `None == None`; anything else is the generic protocol (identity for ==, TypeError for <).
fn none_richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    if b == a && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Some(vm.bool_val(op == CmpOp::Eq)));
    }
    Ok(None)
}

fn ellipsis_repr(_vm: &mut Vm, _v: Value) -> PyResult<String> {
    Ok("Ellipsis".into())
}

fn not_implemented_repr(_vm: &mut Vm, _v: Value) -> PyResult<String> {
    Ok("NotImplemented".into())
}
