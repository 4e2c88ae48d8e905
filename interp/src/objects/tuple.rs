//! `tuple`: an immutable sequence, stored inline (`TupleObj { len, items: [Value] }`, one allocation).
//! Everything about it lives here: storage (`new_tuple_from_stack`, `new_tuple`, `tuple_items`, moved
//! from vm/new.rs), slots (len, subscription, `in`, iteration, repr, hash, truth, comparison), the
//! methods `index` and `count`, and the constructor `tuple(...)`. The lexicographic comparison itself (`Vm::seq_compare`) stays in
//! vm/ops.rs, shared with list.
//!
//! GC contract: `tuple_items` borrows `&Vm` (no GC point while the slice lives). The empty tuple is a
//! singleton (`Named::EmptyTuple`). Slots that compare or hash items (which may run Python) keep the
//! tuple rooted on the value stack and re-read it after each item.

use super::args::{at_most, check_method, no_kwargs, same_or_eq, slice_bounds, uarg, Arity};
use super::TypeSlots;
use crate::bytecode::CmpOp;
use crate::obj::layout::*;
use crate::vm::containers::{slice_adjust, SeqKey};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "tuple",
    number_dunders: &["__add__", "__mul__", "__rmul__"],
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
    vm.add_method("tuple", "__new__", |vm, a| {
        vm.finish_new(a, Kind::Tuple, tuple_new)
    });
    vm.add_method("tuple", "index", tuple_index);
    vm.add_method("tuple", "count", tuple_count);
}

impl Vm {
    /// A tuple of the top `n` stack values (popped).
    pub fn new_tuple_from_stack(&mut self, n: usize) -> PyResult<Value> {
        if n == 0 {
            return Ok(self.named(crate::vm::Named::EmptyTuple));
        }
        let t = self.alloc(Kind::Tuple, n)?;
        let base = self.sp() - n;
        // SAFETY: t was just allocated as a tuple of n items and the n values are on the stack above base;
        // no GC point before the copy (a fresh young object needs no barrier).
        unsafe {
            let p = self.payload::<TupleObj>(t);
            let items = (*p).items.as_mut_ptr();
            std::ptr::copy_nonoverlapping(self.roots.stack.as_ptr().add(base), items, n);
        }
        self.truncate(base);
        Ok(t)
    }
    /// `a + b` for the tuples `a` (second from the top of the value stack) and `b` (top), which
    /// stay there (rooted): one allocation, the items copied from both straight into it. As
    /// CPython, an empty operand gives the other one back.
    pub fn tuple_concat_top(&mut self) -> PyResult<Value> {
        let (a, b) = (self.peek(1), self.peek(0));
        let (la, lb) = (self.tuple_items(a).len(), self.tuple_items(b).len());
        if la == 0 {
            return Ok(b);
        }
        if lb == 0 {
            return Ok(a);
        }
        let t = self.alloc(Kind::Tuple, la + lb)?;
        let (a, b) = (self.peek(1), self.peek(0));
        // SAFETY: t is a fresh tuple of la + lb items, a and b (re-read after the allocation) live
        // tuples of la and lb items; no GC point during the copies (a young object needs no barrier).
        unsafe {
            let items = (*self.payload::<TupleObj>(t)).items.as_mut_ptr();
            std::ptr::copy_nonoverlapping(self.tuple_items(a).as_ptr(), items, la);
            std::ptr::copy_nonoverlapping(self.tuple_items(b).as_ptr(), items.add(la), lb);
        }
        Ok(t)
    }

    /// A tuple of values that are immediates or old objects, or that the caller re-reads: use only
    /// with values that cannot move (small ints, interned strs) or right after computing them without a GC point.
    pub fn new_tuple(&mut self, vals: &[Value]) -> PyResult<Value> {
        for v in vals {
            self.push(*v);
        }
        self.new_tuple_from_stack(vals.len())
    }
    #[inline(always)]
    pub fn tuple_items(&self, v: Value) -> &[Value] {
        // SAFETY: v is a live Tuple (caller's contract) of len items; the &self borrow keeps GC points out
        // while the slice lives.
        unsafe {
            let p = self.payload::<TupleObj>(v);
            std::slice::from_raw_parts((*p).items.as_ptr(), (*p).len)
        }
    }

    /// The tuple's hash folded into the dict table's small-int range (see `Vm::hash_full`).
    pub fn hash_tuple(&mut self, v: Value) -> PyResult<i64> {
        Ok(crate::vm::ops::small_hash(self.hash_tuple_full(v)?))
    }

    /// CPython's tuple hash (xxHash-style lanes over the items' full hashes).
    pub fn hash_tuple_full(&mut self, v: Value) -> PyResult<i64> {
        {
            {
                let base = self.sp();
                self.push(v);
                let n = self.tuple_items(v).len();
                let mut acc: u64 = 0x27D4EB2F165667C5;
                for i in 0..n {
                    let item = self.tuple_items(self.at(base))[i];
                    let h = match self.hash_full(item) {
                        Ok(h) => h,
                        Err(e) => {
                            self.truncate(base);
                            return Err(e);
                        }
                    };
                    acc = acc.wrapping_add((h as u64).wrapping_mul(0xC2B2AE3D27D4EB4F));
                    acc = acc.rotate_left(31).wrapping_mul(0x9E3779B185EBCA87);
                }
                self.truncate(base);
                acc = acc.wrapping_add(n as u64 ^ 0x27D4EB2F165667C5 ^ 3527539);
                if acc == u64::MAX {
                    return Ok(1546275796);
                }
                Ok(acc as i64)
            }
        }
    }
}

fn len(vm: &mut Vm, t: Value) -> PyResult<usize> {
    Ok(vm.tuple_items(t).len())
}

fn truthy(vm: &mut Vm, t: Value) -> PyResult<bool> {
    Ok(vm.obj::<TupleObj>(t).len != 0)
}

fn iter(vm: &mut Vm, t: Value) -> PyResult<Value> {
    vm.new_seq_iter(Kind::TupleIter, t)
}

fn repr(vm: &mut Vm, t: Value) -> PyResult<String> {
    vm.container_repr(t)
}

fn hash(vm: &mut Vm, t: Value) -> PyResult<i64> {
    // Nested tuples recurse in Rust: counted against the recursion limit.
    vm.enter_native()?;
    let r = vm.hash_tuple(t);
    vm.native_depth -= 1;
    r
}

/// tuple OP tuple: lexicographic (shared with list); other operands are left to the generic rules.
fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    if b.is_ptr() && vm.kind(b) == Kind::Tuple {
        return vm.seq_compare(a, b, op).map(Some);
    }
    Ok(None)
}

fn getitem(vm: &mut Vm, o: Value, k: Value) -> PyResult<Value> {
    let (o, key) = vm.seq_key(o, k, "tuple")?;
    let n = vm.tuple_items(o).len();
    match key {
        SeqKey::Index(i) => {
            let i = vm.seq_pos(i, n, "tuple")?;
            Ok(vm.tuple_items(o)[i])
        }
        SeqKey::Slice(raw) => {
            let s = slice_adjust(raw, n);
            let items = vm.tuple_items(o).to_vec();
            for j in 0..s.len {
                vm.push(items[(s.start + j as i64 * s.step) as usize]);
            }
            vm.new_tuple_from_stack(s.len)
        }
    }
}

fn contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    let base = vm.sp();
    vm.push(container);
    vm.push(item);
    let mut i = 0;
    let r = loop {
        let c = vm.at(base);
        let items = vm.tuple_items(c);
        if i >= items.len() {
            break Ok(false);
        }
        let x = items[i];
        match vm.eq(x, vm.at(base + 1)) {
            Ok(true) => break Ok(true),
            Ok(false) => {}
            Err(e) => break Err(e),
        }
        i += 1;
    };
    vm.truncate(base);
    r
}

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

// ---- the constructor: `call_type` passes the type as argument 0 ------------------------------

fn tuple_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "tuple")?;
    at_most(vm, &a, "tuple", 1)?;
    match uarg(vm, &a, 0, "") {
        None => Ok(vm.named(crate::vm::Named::EmptyTuple)),
        Some(x) => vm.to_tuple(x),
    }
}
