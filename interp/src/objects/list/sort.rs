//! The stable sort behind `list.sort()` and `sorted()`.
//!
//! Lists shorter than 64 are sorted exactly as CPython's timsort sorts them (it never merges
//! there): with `reverse` the items are reversed first and the result reversed back (stability),
//! the first run is found (a strictly descending run is reversed), and the rest is inserted by
//! binary insertion. So the same comparisons run in the same order: user `__lt__` side effects, the
//! error a mixed list raises, and the partially sorted state an error leaves are CPython's. Longer
//! lists use a stable merge sort (same result, other comparison order).
//!
//! The values (and their keys) stay on the VM value stack for the whole sort, so they are rooted and
//! re-read after every comparison (a comparison may call Python and collect). Only a permutation of
//! indices is sorted in Rust; the comparator is `vm.compare(a, b, CmpOp::Lt)` + `vm.truthy`, and the
//! first error stops the sort. No std sort with a user comparator is used (it may panic on
//! inconsistent orderings).

use crate::bytecode::CmpOp;
use crate::obj::layout::Kind;
use crate::vm::{Exc, PyResult, Vm};
use gc::Value;

/// Below this run length the merge sort switches to a binary insertion sort.
const SMALL_RUN: usize = 16;

/// Sorts in place the `n` values at stack slots `base..base + n` (stable).
///
/// `key` is a callable applied once to every value, or None / `Value::NULL` for no key (it need not
/// be rooted by the caller). With `reverse`, the order is descending and equal elements keep their
/// original order (like CPython). On error the values are left in their original order. The stack is
/// cut back to `base + n` before returning.
pub fn sort_values(vm: &mut Vm, base: usize, n: usize, key: Value, reverse: bool) -> PyResult<()> {
    let has_key = !key.is_null() && key != vm.none();
    vm.truncate(base + n);
    // Slots: items at base.., the key function at base+n, the keys at base+n+1...
    vm.push(key);
    let kbase = if has_key { base + n + 1 } else { base };
    let r = (|| -> PyResult<()> {
        if has_key {
            compute_keys(vm, base, n)?;
        }
        let (perm, err) = match fast_sort(vm, kbase, n, reverse) {
            Some(p) => (p, None),
            None if n < MIN_MERGE => small_sort(vm, kbase, n, reverse),
            None => (merge_sort(vm, kbase, n, reverse)?, None),
        };
        // Applied even after an error: CPython leaves the partially sorted state.
        let sorted: Vec<Value> = perm.iter().map(|&i| vm.at(base + i)).collect();
        for (j, v) in sorted.into_iter().enumerate() {
            vm.set_at(base + j, v);
        }
        match err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    })();
    vm.truncate(base + n);
    r
}

/// Sorts the list at stack slot `lslot` in place: `list.sort(key=key, reverse=reverse)`.
/// The list looks empty while it is sorted; ValueError "list modified during sort" if the key
/// function or a comparison changed it.
pub fn sort_list_slot(vm: &mut Vm, lslot: usize, key: Value, reverse: bool) -> PyResult<()> {
    let base = vm.sp();
    vm.push(key);
    let items: Vec<Value> = vm.list_items(vm.at(lslot)).to_vec();
    let n = items.len();
    vm.roots.stack.extend_from_slice(&items);
    let l = vm.at(lslot);
    vm.list_set_len(l, 0);
    let key = vm.at(base);
    let r = sort_values(vm, base + 1, n, key, reverse);
    let modified = vm.list_len(vm.at(lslot)) != 0;
    let out = vm.list_replace_from_stack(lslot, n);
    vm.truncate(base);
    r?;
    out?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(())
}

/// Pushes key(item) for every item at `base..base+n`; the key function is at `base + n`.
fn compute_keys(vm: &mut Vm, base: usize, n: usize) -> PyResult<()> {
    for i in 0..n {
        let (f, v) = (vm.at(base + n), vm.at(base + i));
        let k = vm.call(f, &[v])?;
        vm.push(k);
    }
    Ok(())
}

/// The sorted permutation when every key is a small int, or every key is a str: these orders are
/// total and need no Python call, so std's stable sort is safe. None otherwise.
fn fast_sort(vm: &Vm, kbase: usize, n: usize, reverse: bool) -> Option<Vec<usize>> {
    let keys: Vec<Value> = (0..n).map(|i| vm.at(kbase + i)).collect();
    let mut perm: Vec<usize> = (0..n).collect();
    if keys.iter().all(|k| k.is_int()) {
        let ints: Vec<i64> = keys.iter().map(|k| k.as_int()).collect();
        if reverse {
            perm.sort_by(|&a, &b| ints[b].cmp(&ints[a]));
        } else {
            perm.sort_by_key(|&i| ints[i]);
        }
        return Some(perm);
    }
    if keys.iter().all(|k| vm.is(*k, Kind::Str)) {
        let strs: Vec<&str> = keys.iter().map(|k| vm.str_of(*k)).collect();
        if reverse {
            perm.sort_by(|&a, &b| crate::unicode::cmp_str(strs[b], strs[a]));
        } else {
            perm.sort_by(|&a, &b| crate::unicode::cmp_str(strs[a], strs[b]));
        }
        return Some(perm);
    }
    None
}

/// CPython's timsort sorts shorter lists as one run (no merging).
const MIN_MERGE: usize = 64;

/// CPython's sort of a list shorter than MIN_MERGE: the permutation reached (complete, or partial
/// at the first error) and the error.
fn small_sort(vm: &mut Vm, kbase: usize, n: usize, reverse: bool) -> (Vec<usize>, Option<Exc>) {
    let mut cmp = Cmp {
        kbase,
        reverse: false,
        err: None,
    };
    let mut perm: Vec<usize> = if reverse {
        (0..n).rev().collect()
    } else {
        (0..n).collect()
    };
    if n > 1 {
        // count_run: the longest ascending (non-descending) or strictly descending prefix
        let mut run = 2;
        if cmp.before(vm, perm[1], perm[0]) {
            while run < n && cmp.before(vm, perm[run], perm[run - 1]) {
                run += 1;
            }
            if cmp.err.is_none() {
                perm[..run].reverse();
            }
        } else {
            while run < n && cmp.err.is_none() && !cmp.before(vm, perm[run], perm[run - 1]) {
                run += 1;
            }
        }
        if cmp.err.is_none() {
            binary_insertion(vm, &mut cmp, &mut perm, run);
        }
    }
    if reverse {
        perm.reverse();
    }
    (perm, cmp.err)
}

/// Inserts perm[start..] one by one into the sorted prefix (CPython's binarysort: the pivot goes
/// after the elements it is not less than).
fn binary_insertion(vm: &mut Vm, cmp: &mut Cmp, perm: &mut [usize], start: usize) {
    for i in start..perm.len() {
        let pivot = perm[i];
        let (mut l, mut r) = (0, i);
        while l < r {
            let p = l + ((r - l) >> 1);
            if cmp.before(vm, pivot, perm[p]) {
                r = p;
            } else {
                l = p + 1;
            }
            if cmp.err.is_some() {
                return;
            }
        }
        perm.copy_within(l..i, l + 1);
        perm[l] = pivot;
    }
}

/// Comparison state: where the keys live, the direction, and the first error.
struct Cmp {
    kbase: usize,
    reverse: bool,
    err: Option<Exc>,
}

impl Cmp {
    /// Must the element with index `j` come before the one with index `i`? (`key[j] < key[i]`,
    /// or `key[i] < key[j]` when reversed.) False once an error happened.
    fn before(&mut self, vm: &mut Vm, j: usize, i: usize) -> bool {
        if self.err.is_some() {
            return false;
        }
        let (x, y) = if self.reverse { (i, j) } else { (j, i) };
        let (a, b) = (vm.at(self.kbase + x), vm.at(self.kbase + y));
        let r = match vm.compare(a, b, CmpOp::Lt) {
            Ok(v) if vm.is(v, Kind::Bool) => Ok(v == vm.bool_val(true)),
            Ok(v) => vm.truthy(v),
            Err(e) => Err(e),
        };
        match r {
            Ok(b) => b,
            Err(e) => {
                self.err = Some(e);
                false
            }
        }
    }
}

/// Returns the sorted permutation of `0..n` for the keys at `kbase..kbase+n`.
fn merge_sort(vm: &mut Vm, kbase: usize, n: usize, reverse: bool) -> PyResult<Vec<usize>> {
    let mut cmp = Cmp {
        kbase,
        reverse,
        err: None,
    };
    let mut perm: Vec<usize> = (0..n).collect();
    let mut tmp: Vec<usize> = vec![0; n];
    // Sort small runs, then merge runs of doubling width.
    let mut start = 0;
    while start < n {
        let end = (start + SMALL_RUN).min(n);
        insertion_sort(vm, &mut cmp, &mut perm[start..end]);
        start = end;
    }
    let mut width = SMALL_RUN;
    while width < n && cmp.err.is_none() {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            merge(
                vm,
                &mut cmp,
                &perm[lo..mid],
                &perm[mid..hi],
                &mut tmp[lo..hi],
            );
            lo = hi;
        }
        std::mem::swap(&mut perm, &mut tmp);
        width *= 2;
    }
    match cmp.err {
        Some(e) => Err(e),
        None => Ok(perm),
    }
}

/// Stable binary insertion sort of a short run.
fn insertion_sort(vm: &mut Vm, cmp: &mut Cmp, run: &mut [usize]) {
    for i in 1..run.len() {
        let x = run[i];
        // first position p in run[..i] with x before run[p]
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if cmp.before(vm, x, run[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if cmp.err.is_some() {
            return;
        }
        run.copy_within(lo..i, lo + 1);
        run[lo] = x;
    }
}

/// Stable merge of two sorted runs into `out` (a right element goes first only if strictly before).
fn merge(vm: &mut Vm, cmp: &mut Cmp, left: &[usize], right: &[usize], out: &mut [usize]) {
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if cmp.before(vm, right[j], left[i]) {
            out[k] = right[j];
            j += 1;
        } else {
            out[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    out[k..k + left.len() - i].copy_from_slice(&left[i..]);
    k += left.len() - i;
    out[k..].copy_from_slice(&right[j..]);
}
