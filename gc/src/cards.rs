//! cards.rs: card marking for large objects whose items are `Value`s (a list's item array, a dict's
//! entry array, a big tuple), so that a minor collection after a few stores into a huge old array scans
//! the stored-to cards, not the whole array (gc.md §2: "Cards only for huge arrays").
//!
//! Layout: a carded object is a large object (large.rs) allocated with `card_prefix(len)` zeroed bytes
//! *before* its header. Card `c` covers items `c * CARD_SLOTS .. (c + 1) * CARD_SLOTS` and is the byte at
//! `obj - 1 - c` (PyPy's layout: finding a card needs neither the length nor a table lookup). A card byte
//! is 0 (clean) or 1 (dirty).
//!
//! Invariants:
//! - `HAS_CARDS` is set from birth, and only, on large objects of a type with `items_are_values`; it
//!   never changes (the object never moves, so its card bytes never move either).
//! - An old carded object with `TRACK_YOUNG_PTRS` set references young objects only from items whose
//!   card is dirty, and then it has `CARDS_SET` and is in `Heap::carded` exactly once. With
//!   `TRACK_YOUNG_PTRS` clear it is in `remembered` like any object (traced whole); its cards may be dirty
//!   as well.
//! - `write_barrier_item`/`write_barrier_range` mark cards only while `TRACK_YOUNG_PTRS` is set: a young
//!   object (nursery or young large) is traced whole when reached and never has a dirty card.
//! - A minor collection visits the items of every dirty card of every `carded` object, then clears the
//!   card and `CARDS_SET`. Moving stress mode: a card whose items still reference aging survivors stays
//!   dirty and its object stays listed. After a minor collection that promotes everything, `carded` is
//!   empty and every card clean, so a major collection (always right after one) never sees a dirty card.
//! - Fixed fields of a carded object are not covered by cards: storing into them uses the object-level
//!   `write_barrier`, which remembers the whole object.
use crate::*;

/// log2 of the items per card. 16 items = 128 bytes of Values (two cache lines) per card byte: the
/// table costs 1/128 of the array. PyPy uses 128 items; with random stores of references into a huge
/// array, most 128-item cards end up dirty between two minor collections and the scan is nearly whole
/// (bench/old_container.py: 31K of the 39K cards of a 5M list), while 16-item cards keep it to the
/// stored-to neighbourhoods.
pub const CARD_SHIFT: u32 = 4;
/// Items covered by one card.
pub const CARD_SLOTS: usize = 1 << CARD_SHIFT;

/// Number of cards of an object with `len` items.
#[inline]
pub(crate) fn card_count(len: usize) -> usize {
    len.div_ceil(CARD_SLOTS)
}

/// Bytes reserved before the header of a carded object with `len` items: the cards, rounded up to 16
/// so the object itself stays 16-aligned.
#[inline]
pub(crate) fn card_prefix(len: usize) -> usize {
    (card_count(len) + 15) & !15
}

impl Heap {
    /// The barrier for storing `v` into item `index` (< len) of `obj`, whose type has
    /// `items_are_values`. Call it before, or right after with no GC point in between, the store.
    /// Storing a small int or null creates no reference, so it costs nothing (unlike the object-level
    /// barrier, this one tests the value: an old array rewritten with ints is never rescanned). For a
    /// reference: on a carded (large) old object it marks the item's card; otherwise it is
    /// [`Heap::write_barrier`].
    #[inline(always)]
    pub fn write_barrier_item(&mut self, obj: Value, index: usize, v: Value) {
        if !v.is_ptr() {
            return;
        }
        if let Some(p) = self.carded_target(obj) {
            debug_assert!(
                index < self.len(obj),
                "write_barrier_item: index out of range"
            );
            self.mark_cards(p, index >> CARD_SHIFT, index >> CARD_SHIFT);
        }
    }

    /// The common part of the item barriers: None when nothing more is to do (obj is young, or
    /// a non-carded old object, now remembered whole); else obj's address, for marking its cards.
    #[inline(always)]
    fn carded_target(&mut self, obj: Value) -> Option<usize> {
        #[cfg(debug_assertions)]
        self.check_ref(obj);
        let p = obj.0 as usize;
        // SAFETY: obj is a live object (caller's contract, checked in debug builds).
        let fl = unsafe { (*(p as *const GcHeader)).flags };
        if fl & flags::TRACK_YOUNG_PTRS == 0 {
            return None;
        }
        if fl & flags::HAS_CARDS == 0 {
            self.remember(p);
            return None;
        }
        Some(p)
    }

    /// Marks cards `first..=last` of the carded old object at `p` and lists it once in `carded`.
    #[inline(always)]
    fn mark_cards(&mut self, p: usize, first: usize, last: usize) {
        for c in first..=last {
            // SAFETY: a carded object has card_count(len) card bytes just before its header, and
            // the callers' indices are < len, so c < card_count(len).
            unsafe { *((p - 1 - c) as *mut u8) = 1 };
        }
        // SAFETY: p is a live object (the callers' contract).
        if unsafe { (*(p as *const GcHeader)).flags } & flags::CARDS_SET == 0 {
            self.add_carded(p);
        }
    }

    /// The barrier for stores into items `start..end` of `obj` (a memmove inside the item array, a bulk
    /// fill): marks every card the range touches on a carded old object, else [`Heap::write_barrier`].
    pub fn write_barrier_range(&mut self, obj: Value, start: usize, end: usize) {
        if start >= end {
            return;
        }
        if let Some(p) = self.carded_target(obj) {
            debug_assert!(
                end <= self.len(obj),
                "write_barrier_range: range out of bounds"
            );
            self.mark_cards(p, start >> CARD_SHIFT, (end - 1) >> CARD_SHIFT);
        }
    }

    /// The barrier after a memmove of items already in `obj` to positions `start..end` (list.insert,
    /// del, pop(0)): nothing new is stored, so an object-level barrier is not needed, but on a carded
    /// array with dirty cards a young reference may move from a dirty card into a clean one. Marks
    /// the range only then: moving items inside an array with clean cards costs no rescan.
    pub fn write_barrier_moved(&mut self, obj: Value, start: usize, end: usize) {
        const ALL: u32 = flags::TRACK_YOUNG_PTRS | flags::HAS_CARDS | flags::CARDS_SET;
        // SAFETY: obj is a live object (caller's contract).
        if unsafe { (*obj.as_ptr()).flags } & ALL == ALL {
            self.write_barrier_range(obj, start, end);
        }
    }

    #[cold]
    #[inline(never)]
    fn add_carded(&mut self, p: usize) {
        // SAFETY: p is a live old carded object.
        unsafe { (*(p as *mut GcHeader)).flags |= flags::CARDS_SET };
        self.carded.push(p);
    }

    /// Does `obj` have a card table (a large object whose items are Values)?
    pub fn has_cards(&self, obj: Value) -> bool {
        // SAFETY: obj is a live object.
        obj.is_ptr() && unsafe { (*obj.as_ptr()).flags } & flags::HAS_CARDS != 0
    }

    /// Number of dirty cards of `obj` (0 without a card table). For tests and introspection: O(cards).
    pub fn dirty_cards(&self, obj: Value) -> usize {
        if !self.has_cards(obj) {
            return 0;
        }
        let p = obj.0 as usize;
        let n = card_count(self.len(obj));
        // SAFETY: a carded object has n card bytes just before its header.
        unsafe { std::slice::from_raw_parts((p - n) as *const u8, n) }
            .iter()
            .filter(|&&b| b != 0)
            .count()
    }
}

/// Is item `index` of the carded object `p` in a dirty card?
///
/// # Safety
/// `p` must be a live object with `HAS_CARDS` and `index` < its length.
#[inline]
pub(crate) unsafe fn item_card_dirty(p: usize, index: usize) -> bool {
    // SAFETY: caller's contract: the card byte exists.
    unsafe { *((p - 1 - (index >> CARD_SHIFT)) as *const u8) != 0 }
}

/// Dirty cards gathered before visiting them: their items are prefetched first, so the cache misses
/// of a batch of scattered cards overlap instead of stalling one after the other.
const BATCH: usize = 32;

/// Asks the CPU to start loading the cache line at `p` (a hint: no effect on other targets).
#[inline(always)]
fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch never faults, whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Calls `visit` on the items of each dirty card of the carded object `p` (of type `info`) and cleans
/// the card, unless `visit` returns true (its items still reference young objects: moving stress mode).
/// Returns (dirty cards visited, some card stayed dirty). The card bytes are read 8 at a time, so a
/// mostly clean table costs about len / (8 * CARD_SLOTS) loads; dirty cards are visited in batches
/// whose items are prefetched first.
///
/// # Safety
/// `p` must be a live object with `HAS_CARDS` whose type is `info`.
pub(crate) unsafe fn scan_dirty_cards(
    p: usize,
    info: &TypeInfo,
    mut visit: impl FnMut(&mut [Value]) -> bool,
) -> (usize, bool) {
    // SAFETY: caller's contract: a carded object starts its payload with its length, has its items at
    // `fixed_size` and card_count(len) card bytes just before the header.
    unsafe {
        let len = *((p + HEADER_SIZE) as *const usize);
        let items = (p + HEADER_SIZE + info.fixed_size) as *mut Value;
        let n = card_count(len);
        let cards = (p - n) as *mut u8;
        let (mut scanned, mut kept) = (0usize, false);
        let mut batch = [0usize; BATCH];
        let mut nb = 0;
        let mut flush = |batch: &[usize]| {
            for &j in batch {
                let lo = (n - 1 - j) << CARD_SHIFT; // byte j is card n - 1 - j
                let mut a = items.add(lo) as *const u8;
                let end = items.add((lo + CARD_SLOTS).min(len)) as *const u8;
                while a < end {
                    prefetch(a);
                    a = a.add(64);
                }
            }
            for &j in batch {
                let lo = (n - 1 - j) << CARD_SHIFT;
                let hi = (lo + CARD_SLOTS).min(len);
                if visit(std::slice::from_raw_parts_mut(items.add(lo), hi - lo)) {
                    kept = true;
                } else {
                    *cards.add(j) = 0;
                }
            }
        };
        let mut j = 0;
        while j < n {
            if j + 8 <= n && std::ptr::read_unaligned(cards.add(j) as *const u64) == 0 {
                j += 8;
                continue;
            }
            if *cards.add(j) != 0 {
                batch[nb] = j;
                nb += 1;
                scanned += 1;
                if nb == BATCH {
                    flush(&batch);
                    nb = 0;
                }
            }
            j += 1;
        }
        flush(&batch[..nb]);
        (scanned, kept)
    }
}
