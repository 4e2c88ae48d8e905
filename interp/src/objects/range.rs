//! `range`: `RangeObj { start, stop, step }`, three int Values (small or big; the constructor
//! `range(...)`, at the end of this file, checks them). Arithmetic is done on machine integers
//! (`range_tuple`), raising OverflowError for bounds beyond i64 as CPython does for ssize_t. Here:
//! storage (`new_range`, `range_tuple`, `range_len`, moved from vm/containers.rs), slots (len,
//! subscription, `in`, iteration, repr, truth, ==), the methods `index` and `count`, and the
//! constructor.
//!
//! GC contract: the bounds are ints, which never run Python; `new_range` roots the three new ints
//! across the allocation of the range. `in` for a non-int item iterates (`Vm::contains_iter`), as
//! CPython, because the item's `__eq__` decides.

use super::args::{check_method, no_kwargs, scoped, Arity};
use super::TypeSlots;
use crate::bytecode::CmpOp;
use crate::obj::layout::*;
use crate::objects::int::storage::index_bigint;
use crate::vm::containers::{slice_adjust, SeqKey};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

pub static SLOTS: TypeSlots = TypeSlots {
    name: "range",
    len: Some(len),
    getitem: Some(getitem),
    contains: Some(contains),
    iter: Some(iter),
    repr: Some(repr),
    truthy: Some(truthy),
    richcompare: Some(richcompare),
    install: Some(install),
    ..TypeSlots::EMPTY
};

fn install(vm: &mut Vm) {
    vm.add_method("range", "__new__", range_new);
    vm.add_method("range", "index", range_index);
    vm.add_method("range", "count", range_count);
}

impl Vm {
    pub fn new_range(&mut self, start: i64, stop: i64, step: i64) -> PyResult<Value> {
        let base = self.sp();
        for i in [start, stop, step] {
            let v = self.new_int(i)?;
            self.push(v);
        }
        let r = self.alloc(Kind::Range, 0)?;
        // SAFETY: r was just allocated as a Range and the three ints are re-read from the stack after that
        // allocation; no GC point before the stores.
        unsafe {
            let p = self.payload::<RangeObj>(r);
            (*p).start = self.at(base);
            (*p).stop = self.at(base + 1);
            (*p).step = self.at(base + 2);
        }
        self.truncate(base);
        Ok(r)
    }

    /// (start, stop, step, len) of a range with machine-sized bounds.
    pub fn range_tuple(&mut self, r: Value) -> PyResult<(i64, i64, i64, i64)> {
        let p = self.obj::<RangeObj>(r);
        let (a, b, c) = (p.start, p.stop, p.step);
        match (self.to_i64(a), self.to_i64(b), self.to_i64(c)) {
            (Some(start), Some(stop), Some(step)) => {
                let len = if step > 0 {
                    if stop > start {
                        ((stop as i128 - start as i128 + step as i128 - 1) / step as i128) as i64
                    } else {
                        0
                    }
                } else if start > stop {
                    ((start as i128 - stop as i128 - step as i128 - 1) / (-(step as i128))) as i64
                } else {
                    0
                };
                Ok((start, stop, step, len))
            }
            _ => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
        }
    }

    pub fn range_len(&mut self, r: Value) -> PyResult<i64> {
        Ok(self.range_tuple(r)?.3)
    }
}

fn len(vm: &mut Vm, r: Value) -> PyResult<usize> {
    Ok(vm.range_len(r)? as usize)
}

fn truthy(vm: &mut Vm, r: Value) -> PyResult<bool> {
    Ok(vm.range_len(r)? != 0)
}

fn iter(vm: &mut Vm, r: Value) -> PyResult<Value> {
    let (start, _stop, step, len) = vm.range_tuple(r)?;
    vm.new_range_iter(start, step, len)
}

fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    // The bounds are ints: their repr runs no Python, so they need no rooting.
    let p = vm.obj::<RangeObj>(v);
    let (a, b, c) = (p.start, p.stop, p.step);
    let (sa, sb) = (vm.repr_string(a)?, vm.repr_string(b)?);
    if c == Value::from_int(1).unwrap() {
        Ok(format!("range({sa}, {sb})"))
    } else {
        let sc = vm.repr_string(c)?;
        Ok(format!("range({sa}, {sb}, {sc})"))
    }
}

/// range == range compares the sequences (all empty ranges are equal); no ordering.
fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    if !(b.is_ptr() && vm.kind(b) == Kind::Range && matches!(op, CmpOp::Eq | CmpOp::Ne)) {
        return Ok(None);
    }
    let (x, y) = (vm.range_tuple(a)?, vm.range_tuple(b)?);
    let same = if x.3 == 0 && y.3 == 0 { true } else { x == y };
    Ok(Some(vm.bool_val(same == (op == CmpOp::Eq))))
}

fn getitem(vm: &mut Vm, o: Value, k: Value) -> PyResult<Value> {
    let (o, key) = vm.seq_key(o, k, "range")?;
    let (start, _, step, len) = vm.range_tuple(o)?;
    match key {
        SeqKey::Slice(raw) => {
            let s = slice_adjust(raw, len as usize);
            let a = start + s.start * step;
            let b = start + s.stop * step;
            let c = step * s.step;
            vm.new_range(a, b, c)
        }
        SeqKey::Index(i) => {
            let i = vm.seq_pos(i, len as usize, "range object")?;
            vm.new_int(start + i as i64 * step)
        }
    }
}

fn contains(vm: &mut Vm, r: Value, item: Value) -> PyResult<bool> {
    if let Some(i) = vm.to_i64(item) {
        let (start, _, step, len) = vm.range_tuple(r)?;
        // In i128: `i - start` overflows i64 for ranges spanning more than 2**63.
        let (off, step) = (i as i128 - start as i128, step as i128);
        return Ok(off % step == 0 && off / step >= 0 && off / step < len as i128);
    }
    vm.contains_iter(r, item)
}

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

// ---- the constructor: `call_type` passes the type as argument 0 ------------------------------

/// A range object from three int values on the stack at `base..base+3` (not popped).
fn range_from_slots(vm: &mut Vm, base: usize) -> PyResult<Value> {
    let r = vm.alloc(Kind::Range, 0)?;
    // SAFETY: r was just allocated as a Range and the three ints are read from the stack after that
    // allocation; no GC point before the stores.
    unsafe {
        let p = vm.payload::<RangeObj>(r);
        (*p).start = vm.at(base);
        (*p).stop = vm.at(base + 1);
        (*p).step = vm.at(base + 2);
    }
    Ok(r)
}

fn range_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "range")?;
    let n = a.n - 1;
    if n == 0 || n > 3 {
        let msg = if n == 0 {
            "range expected at least 1 argument, got 0".to_string()
        } else {
            format!("range expected at most 3 arguments, got {n}")
        };
        return Err(vm.type_error(msg));
    }
    scoped(vm, |vm, base| {
        for i in 0..n {
            let v = index_bigint(vm, vm.arg(&a, i + 1))?;
            let v = vm.new_bigint(v)?;
            vm.push(v);
        }
        if n == 1 {
            let stop = vm.at(base);
            vm.set_at(base, Value::from_int(0).unwrap());
            vm.push(stop);
        }
        if n < 3 {
            vm.push(Value::from_int(1).unwrap());
        }
        let step = vm.at(base + 2);
        if step == Value::from_int(0).unwrap() || vm.to_bigint(step).is_some_and(|s| s.is_zero()) {
            return Err(vm.value_error("range() arg 3 must not be zero"));
        }
        range_from_slots(vm, base)
    })
}
