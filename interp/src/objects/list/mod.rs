//! `list`: a mutable sequence of Values. Everything about it lives in this folder: its storage
//! (`storage.rs`: the `ListObj` + `ValueArray` items, capacity, barriers), its slots (here: len,
//! subscription, slice assignment and deletion, `in`, iteration, truth, repr), its methods
//! (`methods.rs`) and the merge sort behind `list.sort`/`sorted` (`sort.rs`).
//!
//! GC contract of the slots: arguments arrive unrooted; a subscript is converted first (`__index__`
//! may run Python and collect), with the list rooted on the value stack and re-read after it, as
//! CPython converts keys before reading the list. A fast path (small-int index) reads the list only
//! when no GC point can happen.

pub mod methods;
pub mod sort;
pub mod storage;

use super::TypeSlots;
use crate::obj::layout::Kind;
use crate::vm::containers::{slice_adjust, SeqKey, SliceRaw};
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "list",
    number_dunders: &[
        "__add__",
        "__mul__",
        "__rmul__",
        "__iadd__",
        "__imul__",
        "__reversed__",
    ],
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(setitem),
    delitem: Some(delitem),
    contains: Some(contains),
    iter: Some(iter),
    repr: Some(repr),
    truthy: Some(truthy),
    install: Some(methods::install),
    ..TypeSlots::EMPTY
};

fn len(vm: &mut Vm, l: Value) -> PyResult<usize> {
    Ok(vm.list_len(l))
}

fn truthy(vm: &mut Vm, l: Value) -> PyResult<bool> {
    Ok(vm.list_len(l) != 0)
}

fn iter(vm: &mut Vm, l: Value) -> PyResult<Value> {
    vm.new_seq_iter(Kind::ListIter, l)
}

fn repr(vm: &mut Vm, l: Value) -> PyResult<String> {
    vm.container_repr(l)
}

fn getitem(vm: &mut Vm, l: Value, k: Value) -> PyResult<Value> {
    if k.is_int() {
        let (i, n) = (k.as_int(), vm.list_len(l) as i64);
        let j = if i < 0 { i + n } else { i };
        if j >= 0 && j < n {
            return Ok(vm.list_items(l)[j as usize]);
        }
    }
    // The key is converted first (GC point); `l` is the re-read list.
    let (l, key) = vm.seq_key(l, k, "list")?;
    let n = vm.list_len(l);
    match key {
        SeqKey::Index(i) => {
            let i = vm.seq_pos(i, n, "list")?;
            Ok(vm.list_items(l)[i])
        }
        SeqKey::Slice(raw) => {
            let s = slice_adjust(raw, n);
            // Pushing the selected items roots them for the allocation of the new list.
            for j in 0..s.len {
                let v = vm.list_items(l)[(s.start + j as i64 * s.step) as usize];
                vm.push(v);
            }
            vm.new_list_from_stack(s.len)
        }
    }
}

fn setitem(vm: &mut Vm, l: Value, k: Value, v: Value) -> PyResult<()> {
    // l and v are rooted while the key is converted (GC point), then re-read.
    let base = vm.sp();
    vm.push(l);
    vm.push(v);
    let r = vm.seq_key(l, k, "list");
    let (l, v) = (vm.at(base), vm.at(base + 1));
    vm.truncate(base);
    match r?.1 {
        SeqKey::Slice(raw) => set_slice(vm, l, raw, v),
        SeqKey::Index(i) => {
            let n = vm.list_len(l);
            let i = vm.seq_pos(i, n, "list assignment")?;
            vm.list_set(l, i, v);
            Ok(())
        }
    }
}

/// l[slice] = v, the slice already converted (CPython converts it before reading v).
fn set_slice(vm: &mut Vm, l: Value, raw: SliceRaw, v: Value) -> PyResult<()> {
    let base = vm.sp();
    vm.push(l);
    // Another plain list is read as is; anything else (the list itself included: `a[::-1] = a`
    // must read the old items) is first copied into a new list (running Python: a GC point).
    let newl = if v != l && vm.is(v, Kind::List) && vm.subclass_override(v, "__iter__").is_none() {
        v
    } else {
        vm.to_list(v)?
    };
    vm.push(newl);
    // The length is read after to_list, which may have run Python that resized the list.
    let n = vm.list_len(vm.at(base));
    let s = slice_adjust(raw, n);
    let m = vm.list_len(vm.at(base + 1));
    if s.len == m {
        // Same size (a[i:j] = b with len(b) == j - i, or an extended slice): stores in place, no
        // GC point, so the items are read straight from the (rooted) source list.
        let (l, src) = (vm.at(base), vm.at(base + 1));
        for j in 0..m {
            let v = vm.list_items(src)[j];
            vm.list_set(l, (s.start + j as i64 * s.step) as usize, v);
        }
        vm.truncate(base);
        return Ok(());
    }
    let new_items: Vec<Value> = vm.list_items(vm.at(base + 1)).to_vec();
    let old: Vec<Value> = vm.list_items(vm.at(base)).to_vec();
    if s.step == 1 {
        let (st, en) = (s.start as usize, (s.start as usize + s.len));
        let mut out = Vec::with_capacity(old.len() - s.len + new_items.len());
        out.extend_from_slice(&old[..st]);
        out.extend_from_slice(&new_items);
        out.extend_from_slice(&old[en..]);
        let cnt = out.len();
        vm.truncate(base + 1);
        vm.roots.stack.extend_from_slice(&out);
        let r = vm.list_replace_from_stack(base, cnt);
        vm.truncate(base);
        return r;
    }
    if new_items.len() != s.len {
        vm.truncate(base);
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            s.len
        )));
    }
    let l = vm.at(base);
    for (j, v) in new_items.iter().enumerate() {
        vm.list_set(l, (s.start + j as i64 * s.step) as usize, *v);
    }
    vm.truncate(base);
    Ok(())
}

fn delitem(vm: &mut Vm, l: Value, k: Value) -> PyResult<()> {
    // Convert the key first (GC point), then edit the list in place (no GC point below).
    let (l, key) = vm.seq_key(l, k, "list")?;
    let n = vm.list_len(l);
    match key {
        SeqKey::Index(i) => {
            let i = vm.seq_pos(i, n, "list assignment")?;
            vm.list_delete_range(l, i, 1);
        }
        SeqKey::Slice(raw) => {
            let s = slice_adjust(raw, n);
            if s.step == 1 || s.len <= 1 {
                vm.list_delete_range(l, s.start.max(0) as usize, s.len);
            } else {
                // Extended slice: compact the kept items in one pass.
                let step = s.step.unsigned_abs() as usize;
                let lo = if s.step > 0 {
                    s.start
                } else {
                    s.start + (s.len as i64 - 1) * s.step
                } as usize;
                let items: Vec<Value> = vm.list_items(l).to_vec();
                let mut w = lo;
                for (r, &v) in items.iter().enumerate().skip(lo) {
                    let deleted = r < lo + step * s.len && (r - lo).is_multiple_of(step);
                    if !deleted {
                        vm.list_set(l, w, v);
                        w += 1;
                    }
                }
                vm.list_set_len(l, w);
            }
        }
    }
    Ok(())
}

fn contains(vm: &mut Vm, l: Value, item: Value) -> PyResult<bool> {
    // The list and the item stay rooted: each comparison may run Python and mutate the list.
    let base = vm.sp();
    vm.push(l);
    vm.push(item);
    let mut i = 0;
    let r = loop {
        let l = vm.at(base);
        if i >= vm.list_len(l) {
            break Ok(false);
        }
        let x = vm.list_items(l)[i];
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
