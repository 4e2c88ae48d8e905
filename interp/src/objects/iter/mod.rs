//! The builtin iterators and the dict views: one kind (and one Python type) each, with a typed payload
//! (obj/layout.rs) and its slots. One file per family:
//! - `seq.rs`: list_iterator, tuple_iterator, str_ascii_iterator, bytes_iterator and the generic
//!   `iterator` over any object with `__getitem__` (`SeqIterObj { seq, index }`);
//! - `range.rs`: range_iterator (`RangeIterObj`, plain machine ints);
//! - `dict.rs`: dict_keyiterator/dict_valueiterator/dict_itemiterator/set_iterator (`DictIterObj`) and
//!   the views dict_keys/dict_values/dict_items (`DictViewObj`, iterables, not iterators);
//! - `functional.rs`: enumerate, zip, map, filter, reversed, callable_iterator.
//!
//! Here: what every iterator shares: its `iter` slot (returns itself), its `repr`, the Python-visible
//! `__iter__`/`__next__` methods, and the test "is this a builtin iterator" (its kind has a `next`
//! slot). `Vm::next` (vm/iter.rs) dispatches through the `next` slot; the eval loop's `for` over a
//! list or a range inlines `seq::list_next`/`range::range_next`, the same functions the slots hold.
//!
//! Invariant: an iterator keeps (container, position), never a pointer into an item array, so it
//! survives the container moving or being resized by the loop body. GC: constructors root their
//! `Value` arguments across the allocation (`alloc_with`); a `next` slot re-reads its payload after
//! every GC point (a nested `next`, a call, an allocation).

pub mod dict;
pub mod functional;
pub mod range;
pub mod seq;

use super::{NextFn, TypeSlots};
use crate::obj::layout::{Kind, Payload};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

/// The slots every iterator kind has: `iter` returns the iterator, `next` is the kind's own.
pub(crate) const fn iterator_slots(name: &'static str, next: NextFn) -> TypeSlots {
    TypeSlots {
        name,
        iter: Some(iter_self),
        next: Some(next),
        repr: Some(repr),
        ..TypeSlots::EMPTY
    }
}

fn iter_self(_vm: &mut Vm, it: Value) -> PyResult<Value> {
    Ok(it)
}

/// `<list_iterator object at 0x...>`
fn repr(vm: &mut Vm, it: Value) -> PyResult<String> {
    vm.default_repr(it)
}

/// Allocates an object of `kind` (payload `T`) with `vals` rooted across the allocation, then lets
/// `init` fill the payload from the re-read values. `init` runs with no GC point possible.
pub(crate) fn alloc_with<T: Payload>(
    vm: &mut Vm,
    kind: Kind,
    vals: &[Value],
    init: impl FnOnce(&mut T, &[Value]),
) -> PyResult<Value> {
    let base = vm.sp();
    for &v in vals {
        vm.push(v);
    }
    // gc-safe: `init` only stores into the fresh payload, it cannot reach a GC point
    let r = vm.alloc(kind, 0);
    if let Ok(o) = r {
        // SAFETY: o was just allocated as a `kind` object, whose payload is T (the caller's
        // contract, checked in debug builds by `payload`); the values are re-read from the stack
        // after the allocation and `init` cannot reach a GC point. A fresh object is young: no
        // write barrier is needed.
        let p = unsafe { &mut *vm.payload::<T>(o) };
        init(p, &vm.roots.stack[base..base + vals.len()]);
    }
    vm.truncate(base);
    r
}

/// The payload of `it` for writing. `&mut Vm`: while the reference lives, no other reference into
/// the heap can be taken and no GC point can occur.
pub(crate) fn payload_mut<T: Payload>(vm: &mut Vm, it: Value) -> &mut T {
    // SAFETY: it is a live object of a kind laid out as T (caller's contract, checked in debug
    // builds); &mut Vm keeps every other heap reference and every GC point out while the &mut lives.
    unsafe { &mut *vm.payload::<T>(it) }
}

impl Vm {
    /// Is `v` one of the builtin iterators (its kind has a `next` slot)?
    pub fn is_builtin_iterator(&self, v: Value) -> bool {
        v.is_ptr() && super::slots(self.kind(v)).next.is_some()
    }
}

/// The iterator kinds: every one gets the Python methods `__iter__` and `__next__`.
const ITERATOR_KINDS: [Kind; 22] = [
    Kind::ListIter,
    Kind::TupleIter,
    Kind::StrIter,
    Kind::StrUIter,
    Kind::BytesIter,
    Kind::ByteArrayIter,
    Kind::SeqIter,
    Kind::RangeIter,
    Kind::DictKeyIter,
    Kind::DictValueIter,
    Kind::DictItemIter,
    Kind::SetIter,
    Kind::Enumerate,
    Kind::Zip,
    Kind::Map,
    Kind::Filter,
    Kind::Reversed,
    Kind::ListRevIter,
    Kind::DictRevKeyIter,
    Kind::DictRevValueIter,
    Kind::DictRevItemIter,
    Kind::CallableIter,
];

/// Registers `__iter__`/`__next__` on every iterator type and `__iter__` on the views (bootstrap;
/// hooked on the list_iterator's slots, run once).
pub(crate) fn install(vm: &mut Vm) {
    for k in ITERATOR_KINDS.iter().chain(dict::VIEW_KINDS.iter()) {
        let name = super::slots(*k).name;
        vm.add_method(name, "__iter__", iter_native);
    }
    for k in ITERATOR_KINDS {
        vm.add_method(super::slots(k).name, "__next__", next_native);
    }
}

/// `it.__iter__()`: the iterator itself; a view's new iterator.
fn iter_native(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = check_self(vm, &a, "__iter__", true)?;
    vm.get_iter(s)
}

/// `it.__next__()`: the next item, or StopIteration.
fn next_native(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let it = check_self(vm, &a, "__next__", false)?;
    match vm.next_raw(it)? {
        Some(v) => Ok(v),
        None => Err(raise_stop_iteration(vm, Value::NULL)),
    }
}

/// Self (argument 0) of an iterator's (or, with `views`, a view's) method, without other arguments.
fn check_self(vm: &mut Vm, a: &Args, mname: &str, views: bool) -> PyResult<Value> {
    let kinds: Vec<Kind> = if views {
        ITERATOR_KINDS
            .iter()
            .chain(dict::VIEW_KINDS.iter())
            .copied()
            .collect()
    } else {
        ITERATOR_KINDS.to_vec()
    };
    super::args::check_method(vm, a, "iterator", mname, &kinds, super::args::Arity::NoArgs)?;
    Ok(vm.arg(a, 0))
}

pub use crate::objects::generator::raise_stop_iteration;
