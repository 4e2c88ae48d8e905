//! Methods of the builtin iterators (__next__, __iter__). (int, float, generator, tuple and range
//! methods live in their objects/ modules.)
//!
//! Also the argument-checking helpers shared by the method files (`check_method`, `bind_params`,
//! `index_arg`, `slice_bounds`, `same_or_eq`), which reproduce CPython's error messages.

use crate::obj::layout::*;
pub use crate::objects::args::{
    add_classmethod, bind_keywords, bind_params, check_method, check_self, count_error, index_arg,
    plural, same_or_eq, slice_bounds, Arity,
};
pub use crate::objects::generator::raise_stop_iteration;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_method("iterator", "__next__", iter_next);
    vm.add_method("iterator", "__iter__", iter_iter);
}

// ---- builtin iterators ---------------------------------------------------------------------------

fn iter_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "iterator", "__next__", &[Kind::Iter], Arity::NoArgs)?;
    let it = vm.arg(&a, 0);
    if vm.iter_kind(it) >= 100 {
        let tn = vm.type_name(it);
        return Err(vm.raise(
            "AttributeError",
            &format!("'{tn}' object has no attribute '__next__'"),
        ));
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => Err(raise_stop_iteration(vm, Value::NULL)),
    }
}

fn iter_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "iterator", "__iter__", &[Kind::Iter], Arity::NoArgs)?;
    let it = vm.arg(&a, 0);
    if vm.iter_kind(it) >= 100 {
        return vm.get_iter(it);
    }
    Ok(it)
}
