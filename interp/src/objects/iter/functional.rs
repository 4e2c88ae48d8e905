//! The iterators built by builtins over other iterators: enumerate (`EnumerateObj { iter, count }`),
//! zip (`ZipObj { iters }`), map (`MapObj { func, iters }`), filter (`FilterObj { func, iter }`),
//! reversed (`ReversedObj { seq, index }`) and iter(func, sentinel) (`CallableIterObj`). The builtins
//! that make them (with their argument checking) are in builtins/functions.rs.
//!
//! GC: every `next` here runs Python (a nested `next`, a call, `==`): the iterator is rooted on the
//! value stack for the whole step and its fields re-read after each GC point.

use super::{alloc_with, iterator_slots, payload_mut};
use crate::obj::layout::{
    CallableIterObj, EnumerateObj, FilterObj, Kind, MapObj, ReversedObj, ZipObj,
};
use crate::objects::TypeSlots;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static ENUMERATE: TypeSlots = iterator_slots("enumerate", enumerate_next);
pub static ZIP: TypeSlots = iterator_slots("zip", zip_next);
pub static MAP: TypeSlots = iterator_slots("map", map_next);
pub static FILTER: TypeSlots = iterator_slots("filter", filter_next);
pub static REVERSED: TypeSlots = iterator_slots("reversed", reversed_next);
pub static LIST_REV_ITER: TypeSlots = iterator_slots("list_reverseiterator", reversed_next);
pub static DICT_REV_KEY_ITER: TypeSlots = iterator_slots("dict_reversekeyiterator", reversed_next);
pub static DICT_REV_VALUE_ITER: TypeSlots =
    iterator_slots("dict_reversevalueiterator", reversed_next);
pub static DICT_REV_ITEM_ITER: TypeSlots =
    iterator_slots("dict_reverseitemiterator", reversed_next);
pub static CALLABLE_ITER: TypeSlots = iterator_slots("callable_iterator", callable_next);

impl Vm {
    /// enumerate(iterator, start): `count` is an int (small or big).
    pub fn new_enumerate(&mut self, iter: Value, count: Value) -> PyResult<Value> {
        alloc_with::<EnumerateObj>(self, Kind::Enumerate, &[iter, count], |p, v| {
            p.iter = v[0];
            p.count = v[1];
        })
    }

    /// zip over the tuple of iterators `iters`.
    pub fn new_zip(&mut self, iters: Value, strict: bool) -> PyResult<Value> {
        alloc_with::<ZipObj>(self, Kind::Zip, &[iters], |p, v| {
            p.iters = v[0];
            p.strict = strict as u64;
        })
    }

    /// map(func, ...) over the tuple of iterators `iters`.
    pub fn new_map(&mut self, func: Value, iters: Value) -> PyResult<Value> {
        alloc_with::<MapObj>(self, Kind::Map, &[func, iters], |p, v| {
            p.func = v[0];
            p.iters = v[1];
        })
    }

    /// filter(func or None, iterator).
    pub fn new_filter(&mut self, func: Value, iter: Value) -> PyResult<Value> {
        alloc_with::<FilterObj>(self, Kind::Filter, &[func, iter], |p, v| {
            p.func = v[0];
            p.iter = v[1];
        })
    }

    /// reversed(seq): produces seq[last], seq[last - 1], ..., seq[0]. `kind`: Reversed, or the
    /// kind whose type name CPython gives that iterator (ListRevIter, DictRev*Iter).
    pub fn new_reversed(&mut self, kind: Kind, seq: Value, last: i64) -> PyResult<Value> {
        alloc_with::<ReversedObj>(self, kind, &[seq], |p, v| {
            p.seq = v[0];
            p.index = last;
        })
    }

    /// iter(func, sentinel).
    pub fn new_callable_iter(&mut self, func: Value, sentinel: Value) -> PyResult<Value> {
        alloc_with::<CallableIterObj>(self, Kind::CallableIter, &[func, sentinel], |p, v| {
            p.func = v[0];
            p.sentinel = v[1];
        })
    }
}

fn enumerate_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let base = vm.sp();
    vm.push(it);
    let sub = vm.obj::<EnumerateObj>(it).iter;
    let r = vm.next_raw(sub);
    let out = match r {
        Ok(Some(v)) => {
            vm.push(v);
            let it = vm.at(base);
            let idx = vm.obj::<EnumerateObj>(it).count;
            vm.push(idx);
            let nidx = vm.binary_op(
                idx,
                Value::from_int(1).unwrap(),
                crate::bytecode::BinOp::Add,
            );
            match nidx {
                Ok(nv) => {
                    let it = vm.at(base);
                    payload_mut::<EnumerateObj>(vm, it).count = nv;
                    vm.heap.write_barrier(it);
                    let (v, idx) = (vm.at(base + 1), vm.at(base + 2));
                    vm.new_tuple(&[idx, v]).map(Some)
                }
                Err(e) => Err(e),
            }
        }
        other => other,
    };
    vm.truncate(base);
    out
}

fn zip_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let base = vm.sp();
    vm.push(it);
    let iters = |vm: &Vm| vm.obj::<ZipObj>(vm.at(base)).iters;
    if vm.tuple_items(iters(vm)).is_empty() {
        vm.truncate(base);
        return Ok(None);
    }
    // zip(strict=True) swallows a source's StopIteration to check the others (CPython)
    let raw = vm.obj::<ZipObj>(vm.at(base)).strict == 0;
    let out = match push_next_of_each(vm, iters, raw) {
        Ok(Ok(k)) => vm.new_tuple_from_stack(k).map(Some),
        Ok(Err(j)) if vm.obj::<ZipObj>(vm.at(base)).strict != 0 => zip_strict_end(vm, base, j),
        other => other.map(|_| None),
    };
    vm.truncate(base);
    out
}

/// zip(strict=True) when iterator `j` is exhausted: an error unless every iterator is.
fn zip_strict_end(vm: &mut Vm, base: usize, j: usize) -> PyResult<Option<Value>> {
    let plural = |n: usize| {
        if n == 1 {
            "argument 1".to_string()
        } else {
            format!("arguments 1-{n}")
        }
    };
    if j > 0 {
        return Err(vm.value_error(format!(
            "zip() argument {} is shorter than {}",
            j + 1,
            plural(j)
        )));
    }
    let k = vm.tuple_items(vm.obj::<ZipObj>(vm.at(base)).iters).len();
    for i in 1..k {
        let sub = vm.tuple_items(vm.obj::<ZipObj>(vm.at(base)).iters)[i];
        if vm.next(sub)?.is_some() {
            return Err(vm.value_error(format!(
                "zip() argument {} is longer than {}",
                i + 1,
                plural(i)
            )));
        }
    }
    Ok(None)
}

fn map_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let base = vm.sp();
    vm.push(it);
    let func = vm.obj::<MapObj>(it).func;
    vm.push(func);
    let iters = |vm: &Vm| vm.obj::<MapObj>(vm.at(base)).iters;
    let out = match push_next_of_each(vm, iters, true) {
        Ok(Ok(k)) => vm.call_slot(base + 1, k, Value::NULL).map(Some),
        other => other.map(|_| None),
    };
    vm.truncate(base);
    out
}

/// zip/map: pushes the next value of each iterator of the tuple `iters(vm)` (read from the rooted
/// zip/map object). Ok(count) when all produced a value, Err(j) as soon as iterator j is exhausted. The
/// tuple is re-read after every `next`, which may collect. With `raw`, a source's StopIteration
/// propagates with its value (`Vm::next_raw`).
fn push_next_of_each(
    vm: &mut Vm,
    iters: impl Fn(&Vm) -> Value,
    raw: bool,
) -> PyResult<Result<usize, usize>> {
    let k = vm.tuple_items(iters(vm)).len();
    for j in 0..k {
        let sub = vm.tuple_items(iters(vm))[j];
        let r = if raw { vm.next_raw(sub) } else { vm.next(sub) };
        match r? {
            Some(v) => vm.push(v),
            None => return Ok(Err(j)),
        }
    }
    Ok(Ok(k))
}

fn filter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let base = vm.sp();
    vm.push(it);
    loop {
        let sub = vm.obj::<FilterObj>(vm.at(base)).iter;
        let v = match vm.next_raw(sub) {
            Ok(Some(v)) => v,
            other => {
                vm.truncate(base);
                return other;
            }
        };
        vm.push(v);
        // re-read the predicate: next() was a GC point
        let f = vm.obj::<FilterObj>(vm.at(base)).func;
        let keep = if f == vm.none() {
            vm.truthy(v)
        } else {
            match vm.call(f, &[v]) {
                Ok(r) => vm.truthy(r),
                Err(e) => Err(e),
            }
        };
        let v = vm.pop();
        match keep {
            Ok(true) => {
                vm.truncate(base);
                return Ok(Some(v));
            }
            Ok(false) => {}
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
}

fn reversed_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let p = vm.obj::<ReversedObj>(it);
    let (a, i) = (p.seq, p.index);
    if i < 0 {
        return Ok(None);
    }
    payload_mut::<ReversedObj>(vm, it).index -= 1;
    let idx = Value::from_int(i).unwrap();
    if vm.is(a, Kind::List) {
        if (i as usize) < vm.list_len(a) {
            return Ok(Some(vm.list_items(a)[i as usize]));
        }
        return Ok(None);
    }
    vm.push(it);
    let r = vm.getitem(a, idx);
    let it = vm.pop();
    match r {
        Ok(v) => Ok(Some(v)),
        // IndexError or StopIteration from __getitem__ ends the iteration, for good (CPython)
        Err(e) => {
            let exc = vm.roots.exc;
            if vm.exc_matches(exc, "IndexError") || vm.exc_matches(exc, "StopIteration") {
                vm.take_exc();
                payload_mut::<ReversedObj>(vm, it).index = -1;
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}

fn callable_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let base = vm.sp();
    vm.push(it);
    let f = vm.obj::<CallableIterObj>(it).func;
    let r = vm.call(f, &[]);
    let out = match r {
        Ok(v) => {
            vm.push(v);
            let sentinel = vm.obj::<CallableIterObj>(vm.at(base)).sentinel;
            match vm.eq(v, sentinel) {
                Ok(true) => Ok(None),
                Ok(false) => Ok(Some(vm.at(base + 1))),
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    };
    vm.truncate(base);
    out
}
