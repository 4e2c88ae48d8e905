//! `slice`: the `SliceObj { start, stop, step }` triple (any values; `None` for omitted bounds) and
//! everything that turns one into indices: `slice_unpack` (CPython's PySlice_Unpack: converts the
//! bounds with `__index__`, a GC point), `slice_adjust` (PySlice_AdjustIndices: fits them to a
//! length, no GC point), `slice_indices` (both), the constructors (from the stack, and
//! `slice(...)`), its slots (repr, hash: unhashable) and the `slice.indices` method.
//!
//! GC contract: `slice_unpack` roots the three bounds while converting them, and callers read the
//! sliced sequence's length only after it (CPython's order, which matters when `__index__` mutates
//! the sequence). `SliceRaw`/`SliceIdx` hold plain integers, so they survive any GC point.

use super::args::no_kwargs;
use super::TypeSlots;
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "slice",
    repr: Some(repr),
    hash: Some(hash),
    install: Some(install),
    ..TypeSlots::EMPTY
};

fn install(vm: &mut Vm) {
    vm.add_method("slice", "__new__", slice_new);
    vm.add_method("slice", "indices", indices);
}

fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    // The bounds may be any objects whose __repr__ runs Python (a GC point): they stay rooted and
    // are re-read one at a time.
    let (a, b, c) = {
        let p = vm.obj::<SliceObj>(v);
        (p.start, p.stop, p.step)
    };
    let base = vm.sp();
    vm.push(a);
    vm.push(b);
    vm.push(c);
    let mut parts = Vec::with_capacity(3);
    let mut r = Ok(());
    for i in 0..3 {
        match vm.repr_string(vm.at(base + i)) {
            Ok(s) => parts.push(s),
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    vm.truncate(base);
    r?;
    Ok(format!("slice({})", parts.join(", ")))
}

/// Slices are unhashable (CPython 3.11).
fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("unhashable type: '{tn}'")))
}

/// Normalised slice: start, stop, step, and the number of selected items.
#[derive(Clone, Copy, Debug)]
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

/// Slice bounds converted to integers but not yet fitted to a length (see `Vm::slice_unpack`).
#[derive(Clone, Copy, Debug)]
pub struct SliceRaw {
    pub start: Option<i64>,
    pub stop: Option<i64>,
    pub step: i64,
}

impl Vm {
    /// slice(start, stop, step) from the top three stack values (popped).
    pub fn new_slice_from_stack(&mut self) -> PyResult<Value> {
        let s = self.alloc(Kind::Slice, 0)?;
        let step = self.pop();
        let stop = self.pop();
        let start = self.pop();
        // SAFETY: s was just allocated as a Slice and its parts popped after that allocation; no GC point
        // before the stores.
        unsafe {
            let p = self.payload::<SliceObj>(s);
            (*p).start = start;
            (*p).stop = stop;
            (*p).step = step;
        }
        Ok(s)
    }

    /// slice.indices-style normalisation of slice `s` for a sequence of `len` items.
    pub fn slice_indices(&mut self, s: Value, len: usize) -> PyResult<SliceIdx> {
        let raw = self.slice_unpack(s)?;
        Ok(slice_adjust(raw, len))
    }

    /// Converts the start/stop/step of slice `s` to integers (CPython's PySlice_Unpack): runs
    /// `__index__` hooks, so it is a GC point; callers read the sequence's length only after it.
    pub fn slice_unpack(&mut self, s: Value) -> PyResult<SliceRaw> {
        let (a, b, c) = {
            let p = self.obj::<SliceObj>(s);
            (p.start, p.stop, p.step)
        };
        // The three fields are rooted: converting one may run Python and move the others.
        let base = self.sp();
        self.push(a);
        self.push(b);
        self.push(c);
        let r = self.slice_unpack_rooted(base);
        self.truncate(base);
        r
    }

    fn slice_unpack_rooted(&mut self, base: usize) -> PyResult<SliceRaw> {
        let get = |vm: &mut Vm, i: usize| -> PyResult<Option<i64>> {
            let v = vm.at(base + i);
            if v == vm.none() || v.is_null() {
                Ok(None)
            } else if let Some(i) = vm.to_i64(v) {
                Ok(Some(i))
            } else if vm.is(v, Kind::BigInt) {
                Ok(Some(bigint_clamp(vm, v)))
            } else if let Some(f) = vm.special(v, "__index__") {
                let r = vm.call(f, &[v])?;
                if let Some(i) = vm.to_i64(r) {
                    Ok(Some(i))
                } else if vm.is(r, Kind::BigInt) {
                    Ok(Some(bigint_clamp(vm, r)))
                } else {
                    let tn = vm.type_name(r);
                    Err(vm.type_error(format!("__index__ returned non-int (type {tn})")))
                }
            } else {
                Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        };
        let step = get(self, 2)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let start = get(self, 0)?;
        let stop = get(self, 1)?;
        Ok(SliceRaw { start, stop, step })
    }
}

fn bigint_clamp(vm: &Vm, v: Value) -> i64 {
    if vm.to_bigint(v).unwrap() > num_bigint::BigInt::from(0) {
        i64::MAX
    } else {
        i64::MIN + 1
    }
}

/// Fits converted slice bounds to a sequence of `len` items (CPython's PySlice_AdjustIndices).
pub fn slice_adjust(raw: SliceRaw, len: usize) -> SliceIdx {
    let step = raw.step;
    let len = len as i64;
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let norm = |x: Option<i64>, default: i64| -> i64 {
        match x {
            None => default,
            Some(i) if i < 0 => (i.saturating_add(len)).max(lo),
            Some(i) => i.min(hi),
        }
    };
    let start = norm(raw.start, if step < 0 { hi } else { lo });
    let stop = norm(raw.stop, if step < 0 { lo } else { hi });
    // Written so that no intermediate overflows, whatever the step (a step beyond 64 bits is clamped
    // to +-i64::MAX by slice_unpack; -i64::MIN itself does not exist).
    let n = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / step.checked_neg().unwrap_or(i64::MAX) + 1
    } else {
        0
    };
    SliceIdx {
        start,
        stop,
        step,
        len: n as usize,
    }
}

/// slice.indices(length) -> (start, stop, step)
fn indices(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 2 {
        return Err(vm.type_error(format!(
            "indices() takes exactly one argument ({} given)",
            a.n - 1
        )));
    }
    let n = vm.index_value(vm.arg(&a, 1), "slice")?;
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let s = vm.slice_indices(vm.arg(&a, 0), n as usize)?;
    let base = vm.sp();
    for x in [s.start, s.stop] {
        let v = vm.new_int(x)?;
        vm.push(v);
    }
    // CPython answers the step as given (not clamped to 64 bits) when it is an int.
    let given = vm.obj::<SliceObj>(vm.arg(&a, 0)).step;
    let given = if vm.is_int(given) && !vm.is(given, Kind::Bool) {
        given
    } else {
        vm.new_int(s.step)?
    };
    vm.push(given);
    let r = vm.new_tuple_from_stack(3);
    vm.truncate(base);
    r
}

// ---- the constructor: `call_type` passes the type as argument 0 ------------------------------

fn slice_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "slice")?;
    let n = a.n - 1;
    if n == 0 || n > 3 {
        let msg = if n == 0 {
            "slice expected at least 1 argument, got 0".to_string()
        } else {
            format!("slice expected at most 3 arguments, got {n}")
        };
        return Err(vm.type_error(msg));
    }
    let none = vm.none();
    let (start, stop, step) = match n {
        1 => (none, vm.arg(&a, 1), none),
        2 => (vm.arg(&a, 1), vm.arg(&a, 2), none),
        _ => (vm.arg(&a, 1), vm.arg(&a, 2), vm.arg(&a, 3)),
    };
    vm.push(start);
    vm.push(stop);
    vm.push(step);
    vm.new_slice_from_stack()
}
