//! major.rs: the major collection: non-moving mark-sweep of the old generation and the large objects,
//! always right after a minor collection (so the nursery, the remembered set and the young large list are
//! empty and no reference points into the nursery - except pinned objects (pin.rs): they stay in the
//! nursery, are marked as roots, lose their mark after the sweep, and the old objects referencing them
//! stay remembered; remembered/carded entries found dead are dropped before the sweep frees them).
//!
//! Order: (1) mark from the client roots and the pending-finalizer queue with an explicit mark stack;
//! (2) every registered finalizer object still unmarked is queued (strong root until popped) and loses its
//! registration; then all of them are marked with everything they reach (resurrection for this cycle,
//! gc.md §4), so the memory their finalizers may read is not freed; (3) free the handle slots of unmarked objects (weak);
//! (4) sweep: `drop_fn` then free for every unmarked object, clear `VISITED` on survivors;
//! (5) next trigger = max(major_floor, major_factor x (live + external bytes)); free old-space pages
//! beyond a nursery's worth go back to the kernel (pages.rs).
use crate::config::major_floor;
use crate::trace_log::TraceRecord;
use crate::types::{take_external_freed, trace_fields, TypeFast};
use crate::*;
use std::time::Instant;

struct Marker<'a> {
    fast: &'a [TypeFast],
    types: &'a [TypeInfo],
    stack: Vec<usize>,
}

impl Marker<'_> {
    #[inline]
    fn mark(&mut self, v: Value) {
        if !v.is_ptr() {
            return;
        }
        let h = v.0 as *mut GcHeader;
        // SAFETY: after a minor collection every reachable reference is a live old or large object.
        unsafe {
            let fl = (*h).flags;
            if fl & flags::VISITED == 0 {
                (*h).flags = fl | flags::VISITED;
                if self.fast[(*h).tid as usize].has_ptrs {
                    self.stack.push(v.0 as usize);
                }
            }
        }
    }

    fn drain(&mut self) {
        let types = self.types;
        while let Some(o) = self.stack.pop() {
            let h = o as *mut GcHeader;
            // SAFETY: marked objects are live.
            unsafe {
                trace_fields(&types[(*h).tid as usize], h, &mut |s: &mut Value| {
                    self.mark(*s)
                })
            };
        }
    }
}

impl Heap {
    pub(crate) fn major_after_minor(&mut self, roots: &mut dyn Roots) {
        crate::types::note_collection_start();
        let pinning = !self.barriers.is_empty();
        debug_assert!(self.free == self.nstart || pinning);
        debug_assert!((self.remembered.is_empty() || pinning) && self.large.young.is_empty());
        debug_assert!(
            self.carded.is_empty() || pinning,
            "dirty cards left by the minor collection"
        );
        let t0 = Instant::now();
        let old_before = self.heap_bytes();

        let mut m = Marker {
            fast: &self.fast,
            types: &self.types,
            stack: Vec::new(),
        };
        roots.trace(&mut |s: &mut Value| m.mark(*s));
        for &v in &self.pending_finalizers {
            m.mark(v);
        }
        for &(p, _) in &self.barriers {
            m.mark(Value(p as u64));
        }
        m.drain();

        let mut queued = 0;
        let mut keep = Vec::with_capacity(self.old_finalizers.len());
        for p in std::mem::take(&mut self.old_finalizers) {
            let h = p as *mut GcHeader;
            // SAFETY: registered objects are live until swept.
            unsafe {
                if (*h).flags & flags::VISITED != 0 {
                    keep.push(p);
                } else {
                    (*h).flags &= !flags::FINALIZER_REGISTERED;
                    self.pending_finalizers.push_back(Value(p as u64));
                    queued += 1;
                }
            }
        }
        // Resurrect only after every dead finalizable object is known: objects in a dead cycle are all
        // queued by this collection (as CPython's PEP 442 finalizes a cyclic isolate at once), not one
        // per collection.
        let n = self.pending_finalizers.len();
        for &v in self.pending_finalizers.range(n - queued..) {
            m.mark(v);
        }
        m.drain();
        drop(m);
        self.old_finalizers = keep;
        self.stats.finalizers_queued += queued as u64;

        for i in 0..self.handles.slots.len() {
            let obj = self.handles.slots[i].obj;
            // SAFETY: slot objects are live until swept.
            if !obj.is_null() && unsafe { (*obj.as_ptr()).flags } & flags::VISITED == 0 {
                self.handles.free_slot(i);
            }
        }

        if pinning {
            // Old objects referencing pinned ones are remembered; the dead among them are swept now.
            let marked = |p: &usize| {
                // SAFETY: remembered and carded entries are live until swept.
                unsafe { (*(*p as *const GcHeader)).flags & flags::VISITED != 0 }
            };
            self.remembered.retain(marked);
            self.carded.retain(marked);
        }
        let mut destructors = 0u64;
        {
            let types = &self.types;
            let fast = &self.fast;
            let mut on_dead = |h: *mut GcHeader| {
                // SAFETY: h is a dead, intact object.
                unsafe {
                    let tid = (*h).tid as usize;
                    if fast[tid].has_drop {
                        (types[tid].drop_fn.unwrap())((h as *mut u8).add(HEADER_SIZE));
                        destructors += 1;
                    }
                }
            };
            self.old.sweep(&mut on_dead);
            let mut live = Vec::with_capacity(self.large.old.len());
            for p in std::mem::take(&mut self.large.old) {
                let h = p as *mut GcHeader;
                // SAFETY: old large objects are live allocations.
                unsafe {
                    if (*h).flags & flags::VISITED != 0 {
                        (*h).flags &= !flags::VISITED;
                        live.push(p);
                    } else {
                        on_dead(h);
                        self.large.old_bytes -= self.large.release(p);
                    }
                }
            }
            self.large.old = live;
        }
        for &(p, _) in &self.barriers {
            // SAFETY: barrier objects are intact nursery objects (marked above).
            unsafe { (*(p as *mut GcHeader)).flags &= !flags::VISITED };
        }
        self.stats.destructors_run += destructors;
        self.handles.release_deferred();
        self.stats.external_bytes = self
            .stats
            .external_bytes
            .saturating_sub(take_external_freed() as u64);

        let live = self.heap_bytes();
        self.next_major =
            ((live as f64 * self.cfg.major_factor) as usize).max(major_floor(self.nsize));
        // Free pages stay resident for what the next minor collection may promote (a nursery); the
        // rest go back to the kernel: the heap's growth until the next major collection may well be
        // large objects or malloc'd memory (dict_str), which would not reuse them.
        self.old.release_pages(self.nsize);
        self.major_requested = false;
        self.reset_top();

        self.stats.major_collections += 1;
        self.collections += 1;
        let ns = t0.elapsed().as_nanos() as u64;
        self.stats.last_major_ns = ns;
        self.stats.total_pause_ns += ns;
        self.stats.max_pause_ns = self.stats.max_pause_ns.max(ns);

        if self.cfg.verify || self.cfg.stress > 0 {
            if let Err(e) = self.verify_full(roots) {
                panic!(
                    "minipy-gc: heap verification failed after major collection #{}: {e}",
                    self.stats.major_collections
                );
            }
        }
        if self.trace.is_some() {
            let rec = TraceRecord {
                kind: "major",
                number: self.stats.major_collections,
                start_us: (t0 - self.epoch).as_secs_f64() * 1e6,
                duration_us: ns as f64 / 1e3,
                nursery_used: 0,
                survivors: 0,
                survivor_bytes: live,
                old_before,
                old_after: live,
                large_freed: 0,
                handles: self.handles.live,
                pinned: self.pins.len(),
                pinned_lost: 0,
                remembered: self.remembered.len(),
                finalizers_queued: queued,
                nursery_size: self.nsize,
                old_bytes: self.old.bytes + self.large.old_bytes + self.large.young_bytes,
                external_bytes: self.stats.external_bytes as usize,
                finalizers_run: self.finalizers_popped,
                cards: 0,
            };
            if let Some(tr) = self.trace.as_mut() {
                tr.write(&rec);
            }
        }
    }
}
