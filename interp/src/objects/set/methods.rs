//! The constructors and methods of `set` and `frozenset`. Both share the non-mutating ones (copy, union, intersection,
//! difference, symmetric_difference, issubset, issuperset, isdisjoint); only `set` has the mutators
//! (add, remove, discard, pop, clear, update and the *_update forms), each built on the operations
//! in `mod.rs` and `table.rs` in CPython's order of steps (which decides the iteration order).
//!
//! Every operand is kept in a value-stack slot: iterating an argument may run Python code and collect.

use crate::obj::layout::Kind;
use crate::objects::args::{at_most, check_method, no_kwargs, scoped, uarg, Arity};
use crate::objects::native_subclass::{adopt_class, subclass_arg, uses_native_init};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_method("set", "__new__", set_new);
    vm.add_method("set", "__init__", set_init);
    vm.add_method("frozenset", "__new__", |vm, a| {
        vm.finish_new(a, Kind::FrozenSet, frozenset_new)
    });
    vm.add_method("set", "copy", copy::<false>);
    vm.add_method("frozenset", "copy", copy::<true>);
    vm.add_method("set", "union", union::<false>);
    vm.add_method("frozenset", "union", union::<true>);
    vm.add_method("set", "intersection", intersection::<false>);
    vm.add_method("frozenset", "intersection", intersection::<true>);
    vm.add_method("set", "difference", difference::<false>);
    vm.add_method("frozenset", "difference", difference::<true>);
    vm.add_method("set", "symmetric_difference", symmetric_difference::<false>);
    vm.add_method(
        "frozenset",
        "symmetric_difference",
        symmetric_difference::<true>,
    );
    vm.add_method("set", "issubset", issubset::<false>);
    vm.add_method("frozenset", "issubset", issubset::<true>);
    vm.add_method("set", "issuperset", issuperset::<false>);
    vm.add_method("frozenset", "issuperset", issuperset::<true>);
    vm.add_method("set", "isdisjoint", isdisjoint::<false>);
    vm.add_method("frozenset", "isdisjoint", isdisjoint::<true>);
    vm.add_method("set", "add", add);
    vm.add_method("set", "remove", remove);
    vm.add_method("set", "discard", discard);
    vm.add_method("set", "pop", pop);
    vm.add_method("set", "clear", clear);
    vm.add_method("set", "update", update);
    vm.add_method("set", "intersection_update", intersection_update);
    vm.add_method("set", "difference_update", difference_update);
    vm.add_method(
        "set",
        "symmetric_difference_update",
        symmetric_difference_update,
    );
}

/// Any number of arguments after self.
const ANY_COUNT: Arity = Arity::Range(0, usize::MAX);

/// Checks a method call: `frozen` is Some(true) for a frozenset method, Some(false) for a set
/// method shared with frozenset, None for a mutator (set only). Returns the argument count after self.
fn check(vm: &mut Vm, a: &Args, name: &str, arity: Arity, frozen: Option<bool>) -> PyResult<usize> {
    let (tname, kind) = if frozen == Some(true) {
        ("frozenset", Kind::FrozenSet)
    } else {
        ("set", Kind::Set)
    };
    check_method(vm, a, tname, name, &[kind], arity)
}

fn is_set(vm: &Vm, v: Value) -> bool {
    vm.is(v, Kind::Set) || vm.is(v, Kind::FrozenSet)
}

/// The value at stack slot `slot` if it is a set/frozenset, else a new set of its items (pushed
/// nowhere: the caller roots the result).
fn as_set(vm: &mut Vm, slot: usize) -> PyResult<Value> {
    let v = vm.at(slot);
    if is_set(vm, v) {
        return Ok(v);
    }
    let s = vm.new_dict_kind(Kind::Set)?;
    vm.push(s);
    let sslot = vm.sp() - 1;
    let r = vm.set_update(sslot, slot);
    let s = vm.at(sslot);
    vm.truncate(sslot);
    r.map(|_| s)
}

/// A shallow copy of the set at `slot` with the kind of self (set or frozenset).
fn copy_of(vm: &mut Vm, slot: usize) -> PyResult<Value> {
    let s = vm.at(slot);
    let kind = if vm.is(s, Kind::FrozenSet) {
        Kind::FrozenSet
    } else {
        Kind::Set
    };
    vm.dict_copy(s, kind)
}

fn copy<const FROZEN: bool>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "copy", Arity::NoArgs, Some(FROZEN))?;
    if vm.is(vm.arg(&a, 0), Kind::FrozenSet) {
        return Ok(vm.arg(&a, 0));
    }
    copy_of(vm, a.base)
}

fn union<const FROZEN: bool>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check(vm, &a, "union", ANY_COUNT, Some(FROZEN))?;
    let r = copy_of(vm, a.base)?;
    vm.push(r);
    let rslot = vm.sp() - 1;
    for i in 1..=n {
        vm.set_update(rslot, a.base + i)?;
    }
    Ok(vm.pop())
}

/// CPython's intersection of self with every argument in turn (self copied when none); pushes the
/// result and returns its slot.
fn intersection_multi(vm: &mut Vm, a: &Args, n: usize) -> PyResult<usize> {
    if n == 0 {
        let r = copy_of(vm, a.base)?;
        vm.push(r);
        return Ok(vm.sp() - 1);
    }
    vm.push(vm.arg(a, 0));
    let rslot = vm.sp() - 1;
    for i in 1..=n {
        let r = vm.set_intersection(rslot, a.base + i)?;
        vm.set_at(rslot, r);
    }
    Ok(rslot)
}

fn intersection<const FROZEN: bool>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check(vm, &a, "intersection", ANY_COUNT, Some(FROZEN))?;
    intersection_multi(vm, &a, n)?;
    Ok(vm.pop())
}

fn difference<const FROZEN: bool>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check(vm, &a, "difference", ANY_COUNT, Some(FROZEN))?;
    if n == 0 {
        return copy_of(vm, a.base);
    }
    let r = vm.set_difference(a.base, a.base + 1)?;
    vm.push(r);
    let rslot = vm.sp() - 1;
    for i in 2..=n {
        vm.set_difference_update(rslot, a.base + i)?;
    }
    Ok(vm.pop())
}

fn symmetric_difference<const FROZEN: bool>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "symmetric_difference", Arity::One, Some(FROZEN))?;
    let kind = vm.kind(vm.arg(&a, 0));
    let r = vm.set_from(a.base + 1, kind)?;
    vm.push(r);
    let rslot = vm.sp() - 1;
    vm.set_symmetric_difference_update(rslot, a.base)?;
    Ok(vm.pop())
}

fn issubset<const FROZEN: bool>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "issubset", Arity::One, Some(FROZEN))?;
    let o = as_set(vm, a.base + 1)?;
    vm.push(o);
    let oslot = vm.sp() - 1;
    let r = vm.set_issubset(a.base, oslot)?;
    vm.truncate(oslot);
    Ok(vm.bool_val(r))
}

/// Does `pred(item in self)` hold for every item of the iterable argument 1? Stops at the first
/// item where it fails.
fn all_items(vm: &mut Vm, a: &Args, want_in: bool) -> PyResult<bool> {
    let it = vm.get_iter(vm.arg(a, 1))?;
    vm.push(it);
    let islot = vm.sp() - 1;
    let r = (|| -> PyResult<bool> {
        loop {
            let it = vm.at(islot);
            let Some(x) = vm.next(it)? else {
                return Ok(true);
            };
            let s = vm.arg(a, 0);
            if vm.dict_get(s, x)?.is_some() != want_in {
                return Ok(false);
            }
        }
    })();
    vm.truncate(islot);
    r
}

fn issuperset<const FROZEN: bool>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "issuperset", Arity::One, Some(FROZEN))?;
    let r = all_items(vm, &a, true)?;
    Ok(vm.bool_val(r))
}

fn isdisjoint<const FROZEN: bool>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "isdisjoint", Arity::One, Some(FROZEN))?;
    let r = all_items(vm, &a, false)?;
    Ok(vm.bool_val(r))
}

// ---- mutators (set only) ----------------------------------------------------------------------

fn add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "add", Arity::One, None)?;
    let (s, x) = (vm.arg(&a, 0), vm.arg(&a, 1));
    vm.set_add(s, x)?;
    Ok(vm.none())
}

/// The lookup key for argument 1: a (mutable, unhashable) set is looked up as a frozenset.
fn lookup_key(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let x = vm.arg(a, 1);
    if vm.is(x, Kind::Set) {
        return vm.dict_copy(x, Kind::FrozenSet);
    }
    Ok(x)
}

fn remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "remove", Arity::One, None)?;
    let x = lookup_key(vm, &a)?;
    let s = vm.arg(&a, 0);
    if vm.dict_del(s, x)?.is_none() {
        let x = vm.arg(&a, 1);
        return Err(vm.key_error(x));
    }
    Ok(vm.none())
}

fn discard(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "discard", Arity::One, None)?;
    let x = lookup_key(vm, &a)?;
    let s = vm.arg(&a, 0);
    vm.dict_del(s, x)?;
    Ok(vm.none())
}

/// Removes and returns the first element at or after where the last pop stopped (CPython's finger).
fn pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "pop", Arity::NoArgs, None)?;
    let s = vm.arg(&a, 0);
    match vm.set_pop(s) {
        Some(k) => Ok(k),
        None => {
            let msg = vm.new_str("pop from an empty set")?;
            Err(vm.key_error(msg))
        }
    }
}

fn clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "clear", Arity::NoArgs, None)?;
    let s = vm.arg(&a, 0);
    vm.dict_clear(s);
    Ok(vm.none())
}

fn update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check(vm, &a, "update", ANY_COUNT, None)?;
    for i in 1..=n {
        vm.set_update(a.base, a.base + i)?;
    }
    Ok(vm.none())
}

fn intersection_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check(vm, &a, "intersection_update", ANY_COUNT, None)?;
    let rslot = intersection_multi(vm, &a, n)?;
    let (s, r) = (vm.arg(&a, 0), vm.at(rslot));
    if s != r {
        vm.set_take_body(s, r);
    }
    Ok(vm.none())
}

fn difference_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = check(vm, &a, "difference_update", ANY_COUNT, None)?;
    for i in 1..=n {
        vm.set_difference_update(a.base, a.base + i)?;
    }
    Ok(vm.none())
}

fn symmetric_difference_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "symmetric_difference_update", Arity::One, None)?;
    vm.set_symmetric_difference_update(a.base, a.base + 1)?;
    Ok(vm.none())
}

// ---- the constructors: `call_type` passes the type as argument 0 -----------------------------

fn set_like(vm: &mut Vm, a: Args, kind: Kind, tname: &str) -> PyResult<Value> {
    no_kwargs(vm, &a, tname)?;
    at_most(vm, &a, tname, 1)?;
    if kind == Kind::FrozenSet {
        if let Some(x) = uarg(vm, &a, 0, "") {
            if vm.is(x, Kind::FrozenSet) {
                return Ok(x);
            }
        }
    }
    scoped(vm, |vm, base| {
        let s = vm.new_dict_kind(kind)?;
        vm.push(s);
        if let Some(x) = uarg(vm, &a, 0, "") {
            vm.push(x);
            vm.set_update_fresh(base, base + 1)?;
        }
        Ok(vm.at(base))
    })
}

/// `set(...)`, and `set.__new__(Sub, ...)` for a Python subclass (`objects/native_subclass.rs`): an
/// empty Sub, filled here only when Sub has no Python `__init__` (which CPython's `set.__init__`
/// would fill).
fn set_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let Some(cls) = subclass_arg(vm, &a, Kind::Set)? else {
        return set_like(vm, a, Kind::Set, "set");
    };
    scoped(vm, |vm, base| {
        vm.push(cls);
        let s = vm.new_dict_kind(Kind::Set)?;
        vm.push(s);
        adopt_class(vm, base + 1, base)?;
        if uses_native_init(vm, vm.at(base)) {
            set_fill(vm, &a, base + 1)?;
        }
        Ok(vm.at(base + 1))
    })
}

/// `set.__init__(self[, iterable])`: empties the set, then adds the iterable's items.
fn set_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    scoped(vm, |vm, base| {
        vm.push(vm.arg(&a, 0));
        set_fill(vm, &a, base)?;
        Ok(vm.none())
    })
}

/// CPython's `set_init` on the set at `sslot` with the arguments after argument 0 of `a`.
fn set_fill(vm: &mut Vm, a: &Args, sslot: usize) -> PyResult<()> {
    no_kwargs(vm, a, "set")?;
    let tname = vm.type_name(vm.at(sslot));
    at_most(vm, a, &tname, 1)?;
    if vm.dict_len(vm.at(sslot)) > 0 {
        vm.set_clear(vm.at(sslot));
    }
    if let Some(x) = uarg(vm, a, 0, "") {
        vm.push(x);
        let xslot = vm.sp() - 1;
        vm.set_update(sslot, xslot)?;
    }
    Ok(())
}

fn frozenset_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    set_like(vm, a, Kind::FrozenSet, "frozenset")
}
