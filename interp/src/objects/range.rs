//! `range`: `RangeObj { start, stop, step }`, three int Values (small or big; the constructor
//! `range(...)`, at the end of this file, checks them). Arithmetic is done on machine integers
//! (`range_tuple`) when the bounds fit, else on big ints (`range_big`: CPython's "long" range paths:
//! indexing, slicing, `in`, ==, hash, index/count and iteration work at any size; only `len()` of a
//! range longer than i64 raises OverflowError, as CPython does for ssize_t). Here:
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
use crate::vm::containers::SeqKey;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub static SLOTS: TypeSlots = TypeSlots {
    name: "range",
    number_dunders: &["__bool__", "__reversed__"],
    len: Some(len),
    getitem: Some(getitem),
    contains: Some(contains),
    iter: Some(iter),
    repr: Some(repr),
    hash: Some(hash),
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
        match self.range_small(r) {
            Some(t) => Ok(t),
            None => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
        }
    }

    /// (start, stop, step, len) when the bounds fit in i64 (`&self`: no GC point), else None.
    pub fn range_small(&self, r: Value) -> Option<(i64, i64, i64, i64)> {
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
                Some((start, stop, step, len))
            }
            _ => None,
        }
    }

    pub fn range_len(&mut self, r: Value) -> PyResult<i64> {
        if let Some(t) = self.range_small(r) {
            return Ok(t.3);
        }
        match range_big(self, r).3.to_i64() {
            Some(n) => Ok(n),
            None => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
        }
    }
}

/// (start, stop, step, len) of any range, as big ints.
fn range_big(vm: &Vm, r: Value) -> (BigInt, BigInt, BigInt, BigInt) {
    let p = vm.obj::<RangeObj>(r);
    let big = |v: Value| vm.to_bigint(v).unwrap_or_default();
    let (start, stop, step) = (big(p.start), big(p.stop), big(p.step));
    let len = big_len(&start, &stop, &step);
    (start, stop, step, len)
}

/// The number of items of range(start, stop, step) (step is not zero).
fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        BigInt::zero()
    } else {
        (hi - lo - 1u32) / step + 1u32
    }
}

/// Position of `x` among the range's items, if it is one of them.
fn big_pos(r: &(BigInt, BigInt, BigInt, BigInt), x: &BigInt) -> Option<BigInt> {
    let (start, _, step, len) = r;
    let off = x - start;
    if !(&off % step).is_zero() {
        return None;
    }
    let k = off / step;
    (!k.is_negative() && &k < len).then_some(k)
}

/// A slice bound for a sequence of `len` items (CPython's slice.indices rules, on big ints).
fn clamp_bound(
    v: Option<BigInt>,
    default: &BigInt,
    lo: &BigInt,
    hi: &BigInt,
    len: &BigInt,
) -> BigInt {
    match v {
        None => default.clone(),
        Some(i) if i.is_negative() => (i + len).max(lo.clone()),
        Some(i) => i.min(hi.clone()),
    }
}

fn len(vm: &mut Vm, r: Value) -> PyResult<usize> {
    Ok(vm.range_len(r)? as usize)
}

fn truthy(vm: &mut Vm, r: Value) -> PyResult<bool> {
    Ok(!range_big(vm, r).3.is_zero())
}

fn iter(vm: &mut Vm, r: Value) -> PyResult<Value> {
    match vm.range_small(r) {
        Some((start, _stop, step, len)) => vm.new_range_iter(start, step, len),
        // Bounds beyond i64 (CPython's longrange_iterator): item by item through indexing.
        None => vm.new_seq_iter(Kind::SeqIter, r),
    }
}

/// reversed(range): the iterator of the range of the same items backwards (at any size).
pub fn reversed_range(vm: &mut Vm, r: Value) -> PyResult<Value> {
    let (start, _, step, len) = range_big(vm, r);
    let (first, stop, step) = if len.is_zero() {
        (BigInt::zero(), BigInt::zero(), BigInt::one())
    } else {
        (&start + (len - 1u32) * &step, &start - &step, -step)
    };
    let base = vm.sp();
    for x in [first, stop, step] {
        let v = vm.new_bigint(x)?;
        vm.push(v);
    }
    let rr = range_from_slots(vm, base);
    vm.truncate(base);
    let rr = rr?;
    iter(vm, rr)
}

/// hash(range) as CPython: hash((len, start, step)), with None for what does not matter (the
/// step of a range of one item, start and step of an empty one), so equal ranges hash equal.
fn hash(vm: &mut Vm, r: Value) -> PyResult<i64> {
    let (start, _, step, len) = range_big(vm, r);
    let base = vm.sp();
    let one = len.is_one();
    let empty = len.is_zero();
    let l = vm.new_bigint(len)?;
    vm.push(l);
    for (x, none) in [(start, empty), (step, empty || one)] {
        let v = if none { vm.none() } else { vm.new_bigint(x)? };
        vm.push(v);
    }
    let t = vm.new_tuple_from_stack(3);
    vm.truncate(base);
    let t = t?;
    vm.hash(t)
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
    let (x, y) = (range_big(vm, a), range_big(vm, b));
    // Equal as sequences: same length, and (when not empty) same first item and (beyond one item) step.
    let same = x.3 == y.3 && (x.3.is_zero() || (x.0 == y.0 && (x.3.is_one() || x.2 == y.2)));
    Ok(Some(vm.bool_val(same == (op == CmpOp::Eq))))
}

fn getitem(vm: &mut Vm, o: Value, k: Value) -> PyResult<Value> {
    if k.is_ptr() && vm.is(k, Kind::Slice) {
        return getitem_slice(vm, o, k);
    }
    if !k.is_int() && (vm.is_int(k) || vm.special(k, "__index__").is_some()) {
        let base = vm.sp();
        vm.push(o);
        let i = index_bigint(vm, k);
        let o = vm.at(base);
        vm.truncate(base);
        return getitem_big(vm, o, i?);
    }
    let (o, key) = vm.seq_key(o, k, "range")?;
    let SeqKey::Index(i) = key else {
        unreachable!("slices are handled above")
    };
    match vm.range_small(o) {
        Some((start, _, step, len)) => {
            let i = vm.seq_pos(i, len as usize, "range object")?;
            vm.new_int(start + i as i64 * step)
        }
        None => getitem_big(vm, o, BigInt::from(i)),
    }
}

/// r[i] for any range and index.
fn getitem_big(vm: &mut Vm, o: Value, i: BigInt) -> PyResult<Value> {
    let (start, _, step, len) = range_big(vm, o);
    let i = if i.is_negative() { i + &len } else { i };
    if i.is_negative() || i >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    vm.new_bigint(start + i * step)
}

/// r[slice]: a range again, computed on big ints (steps beyond 64 bits are exact).
fn getitem_slice(vm: &mut Vm, o: Value, k: Value) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(o);
    let (a, b, c) = {
        let p = vm.obj::<SliceObj>(k);
        (p.start, p.stop, p.step)
    };
    let mut raw = [None, None, None];
    for v in [a, b, c] {
        vm.push(v); // rooted: __index__ hooks run Python
    }
    for (i, slot) in raw.iter_mut().enumerate() {
        let v = vm.at(base + 1 + i);
        if v != vm.none() && !v.is_null() {
            match index_bigint(vm, v) {
                Ok(x) => *slot = Some(x),
                Err(_) => {
                    vm.take_exc();
                    vm.truncate(base);
                    return Err(vm.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ));
                }
            }
        }
    }
    let o = vm.at(base);
    vm.truncate(base);
    let [sa, sb, sc] = raw;
    let sc = sc.unwrap_or_else(BigInt::one);
    if sc.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (start, _, step, len) = range_big(vm, o);
    let (lo, hi) = if sc.is_negative() {
        (BigInt::from(-1), &len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    let (dstart, dstop) = if sc.is_negative() {
        (&hi, &lo)
    } else {
        (&lo, &hi)
    };
    let i = clamp_bound(sa, dstart, &lo, &hi, &len);
    let j = clamp_bound(sb, dstop, &lo, &hi, &len);
    let base = vm.sp();
    for x in [&start + i * &step, &start + j * &step, step * sc] {
        let v = vm.new_bigint(x)?;
        vm.push(v);
    }
    let r = range_from_slots(vm, base);
    vm.truncate(base);
    r
}

fn contains(vm: &mut Vm, r: Value, item: Value) -> PyResult<bool> {
    if let Some(i) = vm.to_i64(item) {
        if let Some((start, _, step, len)) = vm.range_small(r) {
            // In i128: `i - start` overflows i64 for ranges spanning more than 2**63.
            let (off, step) = (i as i128 - start as i128, step as i128);
            return Ok(off % step == 0 && off / step >= 0 && off / step < len as i128);
        }
    }
    if let Some(x) = exact_int(vm, item) {
        return Ok(big_pos(&range_big(vm, r), &x).is_some());
    }
    vm.contains_iter(r, item)
}

/// Position of an int in a range, if it is one of its values.
fn range_pos(vm: &mut Vm, r: Value, x: &BigInt) -> PyResult<Option<BigInt>> {
    Ok(big_pos(&range_big(vm, r), x))
}

/// Positions (scanning by equality) of the range items equal to argument 1: the first, and how many.
fn range_scan(vm: &mut Vm, a: &Args, first_only: bool) -> PyResult<(Option<i64>, i64)> {
    let (start, _, step, len) = vm.range_tuple(vm.arg(a, 0))?; // by equality: only small ranges end
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
        None => range_scan(vm, &a, true)?.0.map(BigInt::from).ok_or(false),
    };
    match pos {
        Ok(k) => vm.new_bigint(k),
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
            let v = vm.arg(&a, i + 1);
            if v.is_int() {
                // a small int is its own index (the common `range(i + 1, n)`): no BigInt round trip
                vm.push(v);
                continue;
            }
            let v = index_bigint(vm, v)?;
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
