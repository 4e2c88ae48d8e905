//! Methods of the smaller builtin types: tuple (index, count), range (index, count) and builtin
//! iterators (__next__, __iter__). (int, float and generator methods live in their objects/ modules.)
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
use num_bigint::BigInt;
use num_traits::ToPrimitive;

pub fn install(vm: &mut Vm) {
    vm.add_method("tuple", "index", tuple_index);
    vm.add_method("tuple", "count", tuple_count);
    vm.add_method("range", "index", range_index);
    vm.add_method("range", "count", range_count);
    vm.add_method("iterator", "__next__", iter_next);
    vm.add_method("iterator", "__iter__", iter_iter);
}

// ---- tuple ---------------------------------------------------------------------------------------

/// Position of the first item of the tuple (argument 0) equal to argument 1 in `lo..hi`.
fn tuple_find(vm: &mut Vm, a: &Args, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let n = vm.tuple_items(vm.arg(a, 0)).len();
    for i in lo..hi.min(n) {
        let item = vm.tuple_items(vm.arg(a, 0))[i];
        let x = vm.arg(a, 1);
        if same_or_eq(vm, item, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn tuple_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check_method(vm, &a, "tuple", "index", &[Kind::Tuple], Arity::Range(1, 3))?;
    let n = vm.tuple_items(vm.arg(&a, 0)).len();
    let (lo, hi) = slice_bounds(vm, &a, 2, nargs - 1, n)?;
    match tuple_find(vm, &a, lo, hi)? {
        Some(i) => vm.new_int(i as i64),
        None => Err(vm.value_error("tuple.index(x): x not in tuple")),
    }
}

fn tuple_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "tuple", "count", &[Kind::Tuple], Arity::One)?;
    let (mut c, mut i) = (0, 0);
    while let Some(j) = tuple_find(vm, &a, i, usize::MAX)? {
        c += 1;
        i = j + 1;
    }
    vm.new_int(c)
}

// ---- range ---------------------------------------------------------------------------------------

/// Position of an int in a range, if it is one of its values.
fn range_pos(vm: &mut Vm, r: Value, x: &BigInt) -> PyResult<Option<i64>> {
    let (start, _, step, len) = vm.range_tuple(r)?;
    let Some(x) = x.to_i128() else {
        return Ok(None);
    };
    let off = x - start as i128;
    if off % step as i128 != 0 {
        return Ok(None);
    }
    let k = off / step as i128;
    Ok(if k >= 0 && k < len as i128 {
        Some(k as i64)
    } else {
        None
    })
}

/// Positions (scanning by equality) of the range items equal to argument 1: the first, and how many.
fn range_scan(vm: &mut Vm, a: &Args, first_only: bool) -> PyResult<(Option<i64>, i64)> {
    let (start, _, step, len) = vm.range_tuple(vm.arg(a, 0))?;
    let (mut first, mut count) = (None, 0);
    for k in 0..len {
        let v = vm.new_int(start + k * step)?;
        let x = vm.arg(a, 1);
        if vm.eq(v, x)? {
            first = first.or(Some(k));
            count += 1;
            if first_only {
                break;
            }
        }
    }
    Ok((first, count))
}

/// Is `v` an int for range arithmetic (int or bool, not a subclass with its own __eq__)?
fn exact_int(vm: &Vm, v: Value) -> Option<BigInt> {
    if v.is_int() || vm.is(v, Kind::BigInt) || vm.is(v, Kind::Bool) {
        vm.to_bigint(v)
    } else {
        None
    }
}

fn range_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "range", "index", &[Kind::Range], Arity::One)?;
    let pos = match exact_int(vm, vm.arg(&a, 1)) {
        Some(x) => range_pos(vm, vm.arg(&a, 0), &x)?.ok_or(true),
        None => range_scan(vm, &a, true)?.0.ok_or(false),
    };
    match pos {
        Ok(k) => vm.new_int(k),
        Err(true) => {
            let r = vm.repr_string(vm.arg(&a, 1))?;
            Err(vm.value_error(format!("{r} is not in range")))
        }
        Err(false) => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "range", "count", &[Kind::Range], Arity::One)?;
    let c = match exact_int(vm, vm.arg(&a, 1)) {
        Some(x) => range_pos(vm, vm.arg(&a, 0), &x)?.is_some() as i64,
        None => range_scan(vm, &a, false)?.1,
    };
    vm.new_int(c)
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
