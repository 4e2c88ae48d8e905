//! types.rs: the per-type facts the hot paths need (sizes, "has GC pointers", "has a destructor") and the
//! one field-tracing routine every collector phase uses.
//!
//! Invariants: object sizes include the 8-byte header, are multiples of 8 and at least 16 (so a forwarded
//! nursery object has room for its forwarding word); a variable-sized object's payload starts with its item
//! count (`len: usize`), written by the allocator; tracing visits `value_offsets`, then the items when
//! `items_are_values`, then `custom_trace`, and never recurses.
use crate::{GcHeader, TypeInfo, Value, HEADER_SIZE};
use std::cell::Cell;

/// Allocation size that never fits the nursery: forces the slow path (large objects).
pub(crate) const BIG: usize = 1 << 60;

#[derive(Clone, Copy, Debug)]
pub(crate) struct TypeFast {
    /// Fixed-size kinds: the rounded object size, or `BIG` when it is a large object. Unused for var kinds.
    pub alloc_size: usize,
    /// Header + fixed payload.
    pub base: usize,
    /// Bytes per item (0 for fixed-size kinds).
    pub item: usize,
    pub has_ptrs: bool,
    pub has_drop: bool,
    /// Large objects of this type get a card table (cards.rs): the items are Values.
    pub cards: bool,
}

#[inline(always)]
pub(crate) fn round_size(n: usize) -> usize {
    let r = (n + 7) & !7;
    if r < 16 {
        16
    } else {
        r
    }
}

impl TypeFast {
    pub(crate) fn new(info: &TypeInfo, large_threshold: usize) -> TypeFast {
        let base = HEADER_SIZE + info.fixed_size;
        let size = round_size(base);
        TypeFast {
            alloc_size: if info.item_size == 0 && size < large_threshold {
                size
            } else {
                BIG
            },
            base,
            item: info.item_size,
            has_ptrs: !info.value_offsets.is_empty()
                || info.items_are_values
                || info.custom_trace.is_some(),
            has_drop: info.drop_fn.is_some(),
            cards: info.items_are_values,
        }
    }
    /// Total object size for `len` items; None on overflow.
    #[inline(always)]
    pub(crate) fn total_size(&self, len: usize) -> Option<usize> {
        let n = len.checked_mul(self.item)?.checked_add(self.base + 7)?;
        Some(round_size(n & !7))
    }
    /// Size of an existing object.
    ///
    /// # Safety
    /// `h` must be a valid object header of this type.
    #[inline(always)]
    pub(crate) unsafe fn size_of(&self, h: *const GcHeader) -> usize {
        if self.item == 0 {
            round_size(self.base)
        } else {
            // SAFETY: `h` is a valid header of this variable-sized type (caller's contract), whose
            // payload starts with its item count, written by the allocator.
            let len = unsafe { *((h as *const u8).add(HEADER_SIZE) as *const usize) };
            round_size(self.base + len * self.item)
        }
    }
}

/// Visits every `Value` slot of the object at `h`.
///
/// # Safety
/// `h` must be a valid, initialized object of type `info`.
#[inline]
pub(crate) unsafe fn trace_fields<F: FnMut(&mut Value)>(
    info: &TypeInfo,
    h: *mut GcHeader,
    f: &mut F,
) {
    // SAFETY: `h` is a valid object (caller's contract); its payload follows the header.
    let pl = unsafe { (h as *mut u8).add(HEADER_SIZE) };
    // SAFETY: the object is initialized and of type `info` (caller's contract): every `value_offsets`
    // entry is an aligned Value slot inside the fixed part, and when `items_are_values` the payload
    // starts with `len` and `len` Values follow the fixed part.
    unsafe {
        for &off in info.value_offsets.iter() {
            f(&mut *(pl.add(off as usize) as *mut Value));
        }
        if info.items_are_values {
            let len = *(pl as *const usize);
            let items = pl.add(info.fixed_size) as *mut Value;
            // Immediates (small ints, null) need no visit: skipping them here keeps a big table of
            // ints (a set or list of 10**4 ints) from costing a visitor call per slot.
            for i in 0..len {
                let s = &mut *items.add(i);
                if s.is_ptr() {
                    f(s);
                }
            }
        }
    }
    if let Some(ct) = info.custom_trace {
        ct(pl, f as &mut dyn FnMut(&mut Value));
    }
}

thread_local! {
    static EXTERNAL_FREED: Cell<usize> = const { Cell::new(0) };
}

/// For destructors (`drop_fn`), which cannot reach the heap: reports `n` bytes of external memory (counted
/// earlier with `Heap::add_external_bytes`) as released. The heap of this thread subtracts them at the end
/// of its next collection.
pub fn external_bytes_freed(n: usize) {
    EXTERNAL_FREED.with(|c| c.set(c.get() + n));
}

pub(crate) fn take_external_freed() -> usize {
    EXTERNAL_FREED.with(|c| c.replace(0))
}

thread_local! {
    static COLLECTIONS_STARTED: Cell<u64> = const { Cell::new(0) };
}

/// How many collections (minor or major) this thread's heap has started: during a collection, its
/// number. For destructors, which cannot reach the heap, to say *when* an object died (the FFI
/// lifetime checker reports it).
pub fn collections_started() -> u64 {
    COLLECTIONS_STARTED.with(|c| c.get())
}

pub(crate) fn note_collection_start() {
    COLLECTIONS_STARTED.with(|c| c.set(c.get() + 1));
}
