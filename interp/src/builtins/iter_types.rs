//! `enumerate`, `zip`, `map`, `filter` and `reversed` are types, as on CPython (`isinstance(m, map)`,
//! `class M(map)`): here are their constructors, registered as each type's `__new__` (the type is
//! argument 0), and the builtins names bound to the types. The iterator objects and their `next`
//! live in `objects/iter/functional.rs`.
//!
//! A Python subclass's instances are boxes (vm/boxed.rs) around the builtin iterator, made by
//! `finish_new`; `reversed` boxes only its own `reversed` objects: for a sequence with
//! `__reversed__` CPython's `reversed.__new__` returns what that gives, whatever the class asked.

use super::functions::{
    index_bigint, invalid_kwargs, no_kwargs, npos_range, opt_arg, pin_kwnames, scoped,
};
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_method("enumerate", "__new__", |vm, a| {
        vm.finish_new(a, Kind::Enumerate, |vm, a| enumerate(vm, user_args(a)))
    });
    vm.add_method("zip", "__new__", |vm, a| {
        vm.finish_new(a, Kind::Zip, |vm, a| zip(vm, user_args(a)))
    });
    vm.add_method("map", "__new__", |vm, a| {
        vm.finish_new(a, Kind::Map, |vm, a| map(vm, user_args(a)))
    });
    vm.add_method("filter", "__new__", |vm, a| {
        vm.finish_new(a, Kind::Filter, |vm, a| filter(vm, user_args(a)))
    });
    vm.add_method("reversed", "__new__", reversed_new);
    for name in ["enumerate", "zip", "map", "filter", "reversed"] {
        vm.add_builtin_type(name);
    }
}

/// The arguments after the type.
fn user_args(a: Args) -> Args {
    Args {
        base: a.base + 1,
        n: a.n - 1,
        kwnames: a.kwnames,
    }
}

fn reversed_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if crate::objects::native_subclass::subclass_arg(vm, &a, Kind::Reversed)?.is_none() {
        return reversed(vm, user_args(a));
    }
    let r = reversed(vm, user_args(a))?;
    if vm.is(r, Kind::Reversed) {
        let cls = vm.arg(&a, 0);
        return vm.box_value(cls, r);
    }
    Ok(r)
}

fn enumerate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    vm.check_kwargs(&a, "enumerate", &["iterable", "start"])?;
    if opt_arg(vm, &a, 0, "iterable").is_none() {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    }
    if vm.npos(&a) > 2 {
        let msg = format!("enumerate() takes at most 2 arguments ({} given)", a.n);
        return Err(vm.type_error(msg));
    }
    // the start count: an int (objects with __index__ are converted)
    let start = match opt_arg(vm, &a, 1, "start") {
        Some(s) if vm.is_int(s) && !vm.is(s, Kind::Bool) => s,
        Some(s) => {
            let n = index_bigint(vm, s)?;
            vm.new_bigint(n)?
        }
        None => Value::from_int(0).unwrap(),
    };
    scoped(vm, |vm, base| {
        vm.push(start);
        let src = opt_arg(vm, &a, 0, "iterable").unwrap_or(Value::NULL);
        let it = vm.get_iter(src)?;
        vm.new_enumerate(it, vm.at(base))
    })
}

/// Pushes iter(arg i) for every positional argument from `first`; returns their count.
fn push_iters(vm: &mut Vm, a: &Args, first: usize) -> PyResult<usize> {
    let n = vm.npos(a);
    for i in first..n {
        let it = vm.get_iter(vm.arg(a, i))?;
        vm.push(it);
    }
    Ok(n - first)
}

fn zip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    invalid_kwargs(vm, &a, "zip", &["strict"])?;
    let strict = match vm.kwarg(&a, "strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    scoped(vm, |vm, _| {
        let k = push_iters(vm, &a, 0)?;
        let t = vm.new_tuple_from_stack(k)?;
        vm.new_zip(t, strict)
    })
}

fn map(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "map")?;
    if a.n < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    scoped(vm, |vm, _| {
        let k = push_iters(vm, &a, 1)?;
        let t = vm.new_tuple_from_stack(k)?;
        vm.new_map(vm.arg(&a, 0), t)
    })
}

fn filter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "filter")?;
    if a.n != 2 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", a.n)));
    }
    let it = vm.get_iter(vm.arg(&a, 1))?;
    vm.new_filter(vm.arg(&a, 0), it)
}

fn reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "reversed", 1, 1)?;
    let v = vm.arg(&a, 0);
    if v.is_ptr() {
        match vm.kind(v) {
            Kind::List | Kind::Tuple | Kind::Str | Kind::Bytes | Kind::ByteArray => {
                let kind = if vm.kind(v) == Kind::List {
                    Kind::ListRevIter
                } else {
                    Kind::Reversed
                };
                let n = vm.len(v)? as i64; // may run a subclass's __len__: re-read the argument
                let v = vm.arg(&a, 0);
                return vm.new_reversed(kind, v, n - 1);
            }
            Kind::Range => return crate::objects::range::reversed_range(vm, v),
            Kind::Dict | Kind::DictKeys | Kind::DictValues | Kind::DictItems => {
                let kind = match vm.kind(v) {
                    Kind::DictValues => Kind::DictRevValueIter,
                    Kind::DictItems => Kind::DictRevItemIter,
                    _ => Kind::DictRevKeyIter,
                };
                let l = vm.to_list(v)?;
                let n = vm.list_len(l) as i64;
                return vm.new_reversed(kind, l, n - 1);
            }
            Kind::Instance | Kind::Foreign => {
                if let Some(f) = vm.special(v, "__reversed__") {
                    return vm.call(f, &[v]);
                }
                if vm.special(v, "__getitem__").is_some() && vm.special(v, "__len__").is_some() {
                    let n = vm.len(v)? as i64;
                    return vm.new_reversed(Kind::Reversed, vm.arg(&a, 0), n - 1);
                }
            }
            Kind::Type => {
                if let Some(f) = vm.meta_hook(v, "__reversed__") {
                    return vm.call(f, &[v]);
                }
            }
            _ => {}
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("'{tn}' object is not reversible")))
}
