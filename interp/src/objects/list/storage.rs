//! A list's storage: a `ListObj { len, items }` whose items live in a separate `ValueArray` with
//! spare capacity, so the list object itself never changes size (and never moves because it grew).
//!
//! GC contract: `list_items` borrows `&Vm` (no GC point while the slice lives). Functions that
//! allocate (`list_reserve`, `new_list_from_stack`, `list_replace_from_stack`) take the list by stack
//! slot and re-read it after allocating; the others never collect. Every store of a `Value` into the
//! items array is followed by the item barrier on the array (`write_barrier_item`, or
//! `write_barrier_moved` after a memmove): on a big old array it marks a card, so the next minor
//! collection scans the stored-to cards, not the whole array (gc/src/cards.rs).

use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;

impl Vm {
    pub fn new_list_from_stack(&mut self, n: usize) -> PyResult<Value> {
        let l = self.alloc(Kind::List, 0)?;
        if n > 0 {
            self.push(l);
            let arr = self.alloc(Kind::ValueArray, n)?;
            let l = self.pop();
            let base = self.sp() - n;
            // SAFETY: arr was just allocated with n items and l re-read from the stack after that
            // allocation; no GC point before the stores, and the barrier on l follows.
            unsafe {
                let ap = self.payload::<ValueArrayObj>(arr);
                std::ptr::copy_nonoverlapping(
                    self.roots.stack.as_ptr().add(base),
                    (*ap).items.as_mut_ptr(),
                    n,
                );
                let lp = self.payload::<ListObj>(l);
                (*lp).len = n;
                (*lp).items = arr;
            }
            self.heap.write_barrier(l);
            self.truncate(base);
            Ok(l)
        } else {
            Ok(l)
        }
    }
    pub fn new_list(&mut self) -> PyResult<Value> {
        self.alloc(Kind::List, 0)
    }
    #[inline(always)]
    /// `a + b` for the lists `a` (second from the top of the value stack) and `b` (top), which
    /// stay there (rooted): a new list whose items are copied from both straight into its array.
    pub fn list_concat_top(&mut self) -> PyResult<Value> {
        let n = self.list_items(self.peek(1)).len() + self.list_items(self.peek(0)).len();
        let l = self.alloc(Kind::List, 0)?;
        if n == 0 {
            return Ok(l);
        }
        self.push(l);
        let arr = self.alloc(Kind::ValueArray, n);
        let l = self.pop();
        let arr = arr?;
        let (a, b) = (self.peek(1), self.peek(0));
        let (xa, xb) = (self.list_items(a), self.list_items(b));
        // SAFETY: arr is a fresh array of n = len(a) + len(b) items; l, a and b were re-read after
        // the last allocation; no GC point before the stores, and the barrier on l follows.
        unsafe {
            let items = (*self.payload::<ValueArrayObj>(arr)).items.as_mut_ptr();
            std::ptr::copy_nonoverlapping(xa.as_ptr(), items, xa.len());
            std::ptr::copy_nonoverlapping(xb.as_ptr(), items.add(xa.len()), xb.len());
            let lp = self.payload::<ListObj>(l);
            (*lp).len = n;
            (*lp).items = arr;
        }
        self.heap.write_barrier(l);
        Ok(l)
    }

    pub fn list_items(&self, v: Value) -> &[Value] {
        // SAFETY: v is a live List (caller's contract); its items array holds at least len items when len >
        // 0; the &self borrow keeps GC points out while the slice lives.
        unsafe {
            let p = self.payload::<ListObj>(v);
            if (*p).len == 0 {
                return &[];
            }
            let a = self.payload::<ValueArrayObj>((*p).items);
            std::slice::from_raw_parts((*a).items.as_ptr(), (*p).len)
        }
    }
    pub fn list_len(&self, v: Value) -> usize {
        self.obj::<ListObj>(v).len
    }
    pub fn list_cap(&self, l: Value) -> usize {
        let items = self.obj::<ListObj>(l).items;
        if items.is_null() {
            0
        } else {
            self.obj::<ValueArrayObj>(items).len
        }
    }
    /// Ensures room for `extra` more items. The list is at stack slot `slot` (GC point).
    pub fn list_reserve(&mut self, slot: usize, extra: usize) -> PyResult<()> {
        let l = self.at(slot);
        let len = self.list_len(l);
        let cap = self.list_cap(l);
        if len + extra <= cap {
            return Ok(());
        }
        let newcap = std::cmp::max(len + extra, std::cmp::max(4, cap + cap / 2 + 1));
        let arr = self.alloc(Kind::ValueArray, newcap)?;
        let l = self.at(slot);
        // SAFETY: l was re-read from the stack after allocating arr (newcap >= len items); no GC point
        // before the stores, and the barrier on l follows.
        unsafe {
            let lp = self.payload::<ListObj>(l);
            if (*lp).len > 0 {
                let old = self.payload::<ValueArrayObj>((*lp).items);
                let np = self.payload::<ValueArrayObj>(arr);
                std::ptr::copy_nonoverlapping(
                    (*old).items.as_ptr(),
                    (*np).items.as_mut_ptr(),
                    (*lp).len,
                );
            }
            (*lp).items = arr;
        }
        self.heap.write_barrier(l);
        Ok(())
    }
    /// Appends the top of the stack to the list at stack slot `slot`; pops the value.
    pub fn list_append_from_stack(&mut self, slot: usize) -> PyResult<()> {
        self.list_reserve(slot, 1)?;
        let v = self.pop();
        let l = self.at(slot);
        self.list_push_reserved(l, v);
        Ok(())
    }
    /// Appends with capacity already reserved (no GC point).
    #[inline(always)]
    pub fn list_push_reserved(&mut self, l: Value, v: Value) {
        // SAFETY: l is a live List whose capacity was reserved (caller's contract, debug-checked), so item
        // len is in bounds; no GC point here, and the barrier on the items array follows the store.
        unsafe {
            let lp = self.payload::<ListObj>(l);
            let a = self.payload::<ValueArrayObj>((*lp).items);
            debug_assert!((*lp).len < (*a).len);
            let i = (*lp).len;
            *(*a).items.as_mut_ptr().add(i) = v;
            (*lp).len = i + 1;
            self.heap.write_barrier_item((*lp).items, i, v);
        }
    }
    /// Stores item i (in range) with the barrier.
    #[inline(always)]
    pub fn list_set(&mut self, l: Value, i: usize, v: Value) {
        // SAFETY: l is a live List and i < len (caller's contract); no GC point here, and the barrier on
        // the items array follows the store.
        unsafe {
            let lp = self.payload::<ListObj>(l);
            let a = (*lp).items;
            let ap = self.payload::<ValueArrayObj>(a);
            *(*ap).items.as_mut_ptr().add(i) = v;
            self.heap.write_barrier_item(a, i, v);
        }
    }
    pub fn list_set_len(&mut self, l: Value, n: usize) {
        // SAFETY: l is a live List and n <= len (debug-checked); the stores are nulls (no barrier needed)
        // within the items array, and nothing allocates.
        unsafe {
            let lp = self.payload::<ListObj>(l);
            debug_assert!(n <= (*lp).len);
            if n < (*lp).len && !(*lp).items.is_null() {
                let ap = self.payload::<ValueArrayObj>((*lp).items);
                for i in n..(*lp).len {
                    *(*ap).items.as_mut_ptr().add(i) = Value::NULL;
                }
            }
            (*lp).len = n;
        }
    }
    /// Replaces a list's contents with the top `n` stack values (popped). List at stack slot `slot`.
    pub fn list_replace_from_stack(&mut self, slot: usize, n: usize) -> PyResult<()> {
        let l = self.at(slot);
        self.list_set_len(l, 0);
        self.list_reserve(slot, n)?;
        let base = self.sp() - n;
        let l = self.at(slot);
        for i in 0..n {
            let v = self.at(base + i);
            self.list_push_reserved(l, v);
        }
        self.truncate(base);
        Ok(())
    }

    /// Inserts `v` at `at` (<= len), capacity already reserved: the tail moves up by one with a
    /// memmove (no GC point).
    pub fn list_insert_reserved(&mut self, l: Value, at: usize, v: Value) {
        // SAFETY: l is a live List with capacity > len (caller's contract, debug-checked) and at <= len;
        // the tail copy stays inside the items array; no GC point, and the barrier follows the stores.
        unsafe {
            let lp = self.payload::<ListObj>(l);
            let a = self.payload::<ValueArrayObj>((*lp).items);
            let n = (*lp).len;
            debug_assert!(n < (*a).len && at <= n);
            let base = (*a).items.as_mut_ptr();
            std::ptr::copy(base.add(at), base.add(at + 1), n - at);
            *base.add(at) = v;
            (*lp).len = n + 1;
            // The moved tail may carry young references into cards that were clean.
            self.heap.write_barrier_item((*lp).items, at, v);
            self.heap.write_barrier_moved((*lp).items, at + 1, n + 1);
        }
    }

    /// Removes items `at..at + count` (in range): the tail moves down with a memmove, the freed slots
    /// are nulled so the collector does not keep their old values alive (no GC point).
    pub fn list_delete_range(&mut self, l: Value, at: usize, count: usize) {
        if count == 0 {
            return;
        }
        // SAFETY: l is a live List and at + count <= len (caller's contract, debug-checked); the copy
        // stays inside the items array and nothing allocates. Only values already in the array (or
        // nulls) are stored: the object-level barrier is not needed, but a young reference may move
        // from a dirty card into a clean one, so `write_barrier_moved` card-marks the moved range.
        unsafe {
            let lp = self.payload::<ListObj>(l);
            let a = self.payload::<ValueArrayObj>((*lp).items);
            let n = (*lp).len;
            debug_assert!(at + count <= n);
            let base = (*a).items.as_mut_ptr();
            std::ptr::copy(base.add(at + count), base.add(at), n - at - count);
            for i in n - count..n {
                *base.add(i) = Value::NULL;
            }
            (*lp).len = n - count;
            self.heap.write_barrier_moved((*lp).items, at, n - count);
        }
    }
}
