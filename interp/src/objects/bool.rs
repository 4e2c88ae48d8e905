//! `bool`: the two singletons `True` and `False` (`BoolObj { value }`, allocated once at bootstrap
//! and reached through `Vm::bool_val`, so they never need rooting). A bool is an int: it compares,
//! hashes and combines as 0 or 1 (int's slots accept bools), except `&`, `|` and `^` of two bools,
//! which stay bools. `bool(x)` is the truth of x.

use super::TypeSlots;
use crate::bytecode::{BinOp, CmpOp};
use crate::obj::layout::*;
use crate::objects::args::{at_most, no_kwargs, uarg};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "bool",
    number_dunders: &[
        "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__",
    ],
    repr: Some(repr),
    hash: Some(hash),
    truthy: Some(truthy),
    richcompare: Some(richcompare),
    binop: Some(binop),
    install: Some(install),
    ..TypeSlots::EMPTY
};

fn install(vm: &mut Vm) {
    vm.add_method("bool", "__new__", bool_new);
}

fn bool_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "bool")?;
    at_most(vm, &a, "bool", 1)?;
    match uarg(vm, &a, 0, "") {
        None => Ok(vm.bool_val(false)),
        Some(x) => {
            let b = vm.truthy(x)?;
            Ok(vm.bool_val(b))
        }
    }
}

fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    Ok(if vm.obj::<BoolObj>(v).value != 0 {
        "True".into()
    } else {
        "False".into()
    })
}

fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    Ok(vm.obj::<BoolObj>(v).value as i64)
}

fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(vm.obj::<BoolObj>(v).value != 0)
}

fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    super::int::richcompare(vm, a, b, op)
}

/// `True & False` stays a bool; any other operation is int arithmetic on 0/1.
fn binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    let (ka, kb) = (vm.kind_or_int(a), vm.kind_or_int(b));
    if ka == Kind::Bool && kb == Kind::Bool && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
        let (x, y) = (
            vm.obj::<BoolObj>(a).value != 0,
            vm.obj::<BoolObj>(b).value != 0,
        );
        let r = match op {
            BinOp::And => x & y,
            BinOp::Or => x | y,
            _ => x ^ y,
        };
        return Ok(Some(vm.bool_val(r)));
    }
    super::int::binop(vm, a, b, op)
}
