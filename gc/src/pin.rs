//! pin.rs: pinning nursery objects in place (PyPy incminimark's pinned objects), and the nursery gaps
//! that allocation fills around them.
//!
//! A pinned nursery object that a minor collection reaches is not copied: it stays at its address
//! (its fields are traced and updated in place; `VISITED` marks it during the collection), and keeps
//! its handle slots, destructor, finalizer and shadow entries. Pinning does not keep an object alive:
//! whoever pins it holds it (the VM stack during a call, the cdata owning a `from_buffer`); an
//! unreached pinned object is dead, and its pin is dropped with it. Pins nest (`pins`: address -> count; the header flag `PINNED` is set
//! while the count is non-zero). Old and large objects never move: pinning them records nothing.
//!
//! Invariants:
//! - every key of `pins` is a live nursery object with `PINNED` set, and no other object has the flag;
//!   `pinned_bytes` is the sum of their sizes; at most `MAX_PINNED` objects and `nsize / PIN_FRACTION`
//!   bytes are pinned (`pin` refuses beyond: the client falls back to copying);
//! - `barriers` lists, sorted by address, the objects a minor collection left in place (pinned and
//!   reached by it; some may have been unpinned since, even by that collection's destructors: they
//!   stay where they are until the next one);
//!   the nursery's free space is the complement of the barriers, the *gaps*; `[free, limit)` is the
//!   current gap, `gaps` holds the later ones in reverse order (next gap = `gaps.pop()`);
//! - the nursery from `nstart` to `free` is a sequence of objects, barrier objects and filler blocks
//!   (tid `FILLER_TID`, flags = byte size): leaving a gap fills its unused tail, so walkers can step
//!   over it; barrier objects at or beyond `free` are walked separately (`for_each_nursery_object`);
//! - the gaps may hold poison (debug/stress modes poison the space a collection freed but cannot rotate
//!   away from a buffer holding pinned objects): harmless, every allocation zeroes its object.
//! - a destructor (R7: no heap access) unpins through `unpin_deferred`; the queue is applied at the
//!   next `pin` or collection, so the object stays pinned (and alive) until then.
use crate::*;
use std::cell::RefCell;

/// At most this many objects pinned at once (PyPy: `max_number_of_pinned_objects`).
pub const MAX_PINNED: usize = 100;
/// At most `nursery size / PIN_FRACTION` bytes pinned at once.
pub const PIN_FRACTION: usize = 4;
/// `tid` of a filler block in the nursery (the unused tail of a gap); its flags hold its byte size.
pub const FILLER_TID: u32 = u32::MAX - 1;

thread_local! {
    static DEFERRED_UNPINS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// For destructors (`drop_fn`), which cannot reach the heap: unpins `v` at this thread's heap's next
/// `pin` or collection. `v` must be what was pinned (a pinned object does not move, so its address is
/// still right); an old object is ignored, as `Heap::unpin` ignores it.
pub fn unpin_deferred(v: Value) {
    DEFERRED_UNPINS.with(|d| d.borrow_mut().push(v.0 as usize));
}

impl Heap {
    /// Pins `v` in place until the matching [`Heap::unpin`]: a nursery object is not moved by minor
    /// collections meanwhile (an old or large one never moves: true, nothing recorded). False when it
    /// cannot be pinned (not an object, or too many objects/bytes pinned): copy instead. Not a GC point.
    pub fn pin(&mut self, v: Value) -> bool {
        if !v.is_ptr() {
            return false;
        }
        if !self.in_nursery(v) {
            return true;
        }
        self.apply_deferred_unpins();
        let p = v.0 as usize;
        if let Some(c) = self.pins.get_mut(&p) {
            *c += 1;
            self.stats.pins_total += 1;
            return true;
        }
        let size = self.object_size(v);
        if self.pins.len() >= MAX_PINNED || self.pinned_bytes + size > self.nsize / PIN_FRACTION {
            self.stats.pins_refused += 1;
            return false;
        }
        self.pins.insert(p, 1);
        self.pinned_bytes += size;
        // SAFETY: v is a live nursery object.
        unsafe { (*(p as *mut GcHeader)).flags |= flags::PINNED };
        self.stats.pins_total += 1;
        true
    }

    /// Ends one [`Heap::pin`] of `v` (the object moves again at the next minor collection once its
    /// last pin ends). Ignores old objects and objects that are not pinned. Not a GC point.
    pub fn unpin(&mut self, v: Value) {
        if !self.in_nursery(v) {
            return;
        }
        self.unpin_addr(v.0 as usize);
    }

    fn unpin_addr(&mut self, p: usize) {
        let Some(c) = self.pins.get_mut(&p) else {
            return;
        };
        *c -= 1;
        if *c == 0 {
            self.pins.remove(&p);
            self.pinned_bytes -= self.object_size(Value(p as u64));
            // SAFETY: a pinned object is a live nursery object (it has not moved).
            unsafe { (*(p as *mut GcHeader)).flags &= !flags::PINNED };
        }
    }

    /// Is `v` a pinned nursery object now?
    pub fn is_pinned(&self, v: Value) -> bool {
        v.is_ptr() && self.pins.contains_key(&(v.0 as usize))
    }

    /// Applies the unpins queued by destructors (`unpin_deferred`).
    pub(crate) fn apply_deferred_unpins(&mut self) {
        let q = DEFERRED_UNPINS.with(|d| {
            let mut d = d.borrow_mut();
            if d.is_empty() {
                Vec::new()
            } else {
                std::mem::take(&mut *d)
            }
        });
        for p in q {
            if p.wrapping_sub(self.nstart) < self.nsize {
                self.unpin_addr(p);
            }
        }
    }

    /// Makes `[free, limit)` a gap that holds `size` more bytes, moving on to later gaps (their
    /// skipped tails become fillers). False when no gap left is large enough.
    pub(crate) fn fit_gap(&mut self, size: usize) -> bool {
        while self.free + size > self.limit {
            let Some((start, end)) = self.gaps.pop() else {
                return false;
            };
            self.write_filler(self.free, self.limit);
            // The tail and the barrier objects up to the next gap are not new allocation.
            self.aged_bytes += start - self.free;
            self.pin_lost_cycle += self.limit - self.free;
            self.free = start;
            self.limit = end;
        }
        true
    }

    fn write_filler(&mut self, from: usize, to: usize) {
        if to > from {
            // SAFETY: [from, to) is the free tail of the current gap, inside the nursery.
            unsafe {
                std::ptr::write(
                    from as *mut GcHeader,
                    GcHeader {
                        tid: FILLER_TID,
                        flags: (to - from) as u32,
                    },
                )
            };
        }
    }

    /// End of a minor collection that found pins (after the destructors ran): the reached pinned
    /// objects (`VISITED`, flag cleared here) are returned as (start, end), sorted, to stay in place;
    /// then the unpins queued by the destructors apply, and pinned objects the collection did not
    /// reach are dead: their pins are dropped (every holder of a pin keeps the object reachable, so
    /// their holders died in this collection too).
    pub(crate) fn settle_pins_after_minor(&mut self) -> Vec<(usize, usize)> {
        let mut keep = Vec::new();
        for &p in self.pins.keys() {
            let h = p as *mut GcHeader;
            // SAFETY: pinned objects are intact nursery objects (the nursery is not reset yet).
            unsafe {
                if (*h).flags & flags::VISITED != 0 {
                    (*h).flags &= !flags::VISITED;
                    keep.push((p, p + self.fast[(*h).tid as usize].size_of(h)));
                }
            }
        }
        keep.sort_unstable();
        self.apply_deferred_unpins();
        let dead: Vec<usize> = self
            .pins
            .keys()
            .copied()
            .filter(|p| keep.binary_search_by(|k| k.0.cmp(p)).is_err())
            .collect();
        for p in dead {
            self.pins.remove(&p);
            self.pinned_bytes -= self.object_size(Value(p as u64));
        }
        keep
    }

    /// After a minor collection that left the objects `b` (sorted) in place: the barriers and the
    /// gaps around them; `free`/`limit` become the first gap. Returns the bytes of the barriers.
    pub(crate) fn set_barriers(&mut self, b: Vec<(usize, usize)>) -> usize {
        let (mut gaps, mut at, end) = (Vec::new(), self.nstart, self.nstart + self.nsize);
        let mut bytes = 0;
        for &(s, e) in &b {
            if s > at {
                gaps.push((at, s));
            }
            bytes += e - s;
            at = e;
        }
        if end > at {
            gaps.push((at, end));
        }
        gaps.reverse();
        let (s, e) = gaps.pop().unwrap_or((end, end));
        self.free = s;
        self.limit = e;
        self.gaps = gaps;
        self.barriers = b;
        bytes
    }

    /// Forgets the barriers: the whole nursery is one gap again.
    pub(crate) fn clear_barriers(&mut self) {
        self.barriers.clear();
        self.gaps.clear();
        self.limit = self.nstart + self.nsize;
    }

    /// The end of the used part of the nursery: `free`, or the end of a barrier beyond it.
    pub(crate) fn nursery_used_end(&self) -> usize {
        self.barriers
            .last()
            .map_or(self.free, |b| b.1.max(self.free))
    }

    /// Is `p` the start of a barrier object (left in place by the last minor collection)?
    pub(crate) fn is_barrier(&self, p: usize) -> bool {
        self.barriers.binary_search_by(|b| b.0.cmp(&p)).is_ok()
    }

    /// Calls `f(address, tid)` for every object in the nursery (fillers skipped), in address order.
    pub(crate) fn for_each_nursery_object(&self, mut f: impl FnMut(usize, u32)) {
        let mut o = self.nstart;
        while o < self.free {
            let h = o as *const GcHeader;
            // SAFETY: [nstart, free) is objects and fillers back to back (invariant above).
            let (tid, size) = unsafe {
                let tid = (*h).tid;
                if tid == FILLER_TID {
                    (tid, (*h).flags as usize)
                } else if (tid as usize) < self.fast.len() {
                    (tid, self.fast[tid as usize].size_of(h))
                } else {
                    // Corrupt header: report it to the caller (the verifier) and stop.
                    f(o, tid);
                    return;
                }
            };
            if tid != FILLER_TID {
                f(o, tid);
            }
            o += size.max(8);
        }
        for &(s, _) in &self.barriers {
            if s >= self.free {
                // SAFETY: barrier objects are intact objects.
                f(s, unsafe { (*(s as *const GcHeader)).tid });
            }
        }
    }
}
