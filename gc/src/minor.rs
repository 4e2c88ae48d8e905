//! minor.rs: the minor collection (incminimark's `_minor_collection`).
//!
//! Order: (1) evacuate the client roots, the pending-finalizer queue and the young objects with a
//! registered finalizer (they always survive a minor collection), and the items of the dirty cards of
//! the `carded` arrays (cards.rs: O(dirty cards), not O(array)); (2) drain the worklist, which starts as
//! the remembered set and receives every copied object with GC pointers (LIFO: depth-first copying, no
//! recursion); (3) weak pass over the handle slots issued for young objects; (4) run `drop_fn` of the dead
//! young objects listed in `young_with_destructors` (their bytes are intact: the nursery is not reset yet)
//! and free/promote the young large objects; (5) free the shadows of dead objects; (6) reset the nursery.
//! Invariants after it: the nursery is empty, no object anywhere points into it, the remembered set is
//! empty, every old object has `TRACK_YOUNG_PTRS` set, `carded` is empty and every card clean. The cost
//! is O(roots + remembered + dirty cards + survivors + young lists + bytes of nursery used), never
//! O(old generation).
//!
//! Moving stress mode (`GcConfig::age` = K > 0, allocation-triggered collections only): a survivor whose
//! age (header bits `AGE_MASK`) is below K is copied into the *next nursery buffer* (the to-space, made
//! current by `Nursery::begin_flip`) instead of the old generation, and the evacuated buffer is poisoned.
//! So every young object moves at each of its first K collections, and a stale `Value` the client kept
//! across a GC point reads poison instead of a plausible old copy. Objects with a shadow (a stable id)
//! are promoted at once. The invariants above then become: the nursery holds exactly the aging survivors,
//! and an old object that still references one of them stays in the remembered set (flag clear) - the
//! drain notices it (`saw_young`) - a carded array keeps such a card dirty and stays in `carded`, as
//! do the handle slots, destructor and finalizer lists of survivors.
//!
//! Pinned objects (pin.rs): `copy` leaves a reached pinned object in place (marking it `VISITED` and
//! tracing it once), `visit` then reports it young, so its old referrers stay remembered (cards stay
//! dirty) like those of aging survivors; its handle slots, destructor entry, finalizer entry and
//! shadow are kept. Unreached pinned objects die with their pins. While anything is pinned the
//! collection promotes every other survivor (no moving-stress flip) and, instead of resetting or
//! rotating the nursery, clears it around the pinned objects, which become the barriers allocation
//! steps over.
use crate::cards::scan_dirty_cards;
use crate::oldspace::OldSpace;
use crate::trace_log::TraceRecord;
use crate::types::{take_external_freed, trace_fields, TypeFast};
use crate::*;
use std::collections::HashMap;
use std::time::Instant;

pub(crate) struct Evac<'a> {
    nstart: usize,
    nsize: usize,
    fast: &'a [TypeFast],
    types: &'a [TypeInfo],
    old: &'a mut OldSpace,
    worklist: &'a mut Vec<usize>,
    shadows: &'a mut HashMap<usize, usize>,
    check_large: bool,
    copied_bytes: usize,
    copied_objs: usize,
    record: bool,
    survivors: Vec<usize>,
    /// Moving stress mode: survivors younger than `max_age` go to `[to_start, to_free)`.
    max_age: u32,
    to_start: usize,
    to_free: usize,
    /// Set by `visit` when a slot ends up referencing a to-space survivor.
    saw_young: bool,
    /// Old objects that still reference to-space survivors after being traced (stay remembered).
    kept: Vec<usize>,
}

impl Evac<'_> {
    #[inline(always)]
    fn visit(&mut self, slot: &mut Value) {
        let v = slot.0;
        if v == 0 || v & 1 != 0 {
            return;
        }
        let p = v as usize;
        if p.wrapping_sub(self.nstart) < self.nsize {
            let new = self.copy(p);
            slot.0 = new as u64;
            // Still young after the collection: a pinned object (left in place) or an aging one.
            if new == p || (self.max_age > 0 && self.in_to_space(new)) {
                self.saw_young = true;
            }
        } else if self.check_large {
            self.visit_large(p);
        }
    }

    #[inline(always)]
    fn in_to_space(&self, p: usize) -> bool {
        p.wrapping_sub(self.to_start) < self.nsize
    }

    #[inline]
    fn copy(&mut self, p: usize) -> usize {
        // SAFETY: p is a nursery object start (client contract, verified in stress/verify mode): its header
        // is valid, and a forwarded object keeps its new address in its first payload word.
        unsafe {
            let h = p as *mut GcHeader;
            let fl = (*h).flags;
            if fl & (flags::FORWARDED | flags::PINNED) != 0 {
                if fl & flags::FORWARDED != 0 {
                    return *((p + HEADER_SIZE) as *const usize);
                }
                // Pinned and reached: stays in place, traced once (VISITED until the reset, pin.rs).
                if fl & flags::VISITED == 0 {
                    (*h).flags = fl | flags::VISITED;
                    if self.fast.get_unchecked((*h).tid as usize).has_ptrs {
                        self.worklist.push(p);
                    }
                }
                return p;
            }
            let t = *self.fast.get_unchecked((*h).tid as usize);
            let size = t.size_of(h);
            let age = (fl & flags::AGE_MASK) >> flags::AGE_SHIFT;
            if age < self.max_age && fl & flags::HAS_SHADOW == 0 {
                // Moving stress mode: copy within the nursery, one year older; no barrier flag (young).
                let new = self.to_free;
                self.to_free += size;
                std::ptr::copy_nonoverlapping(p as *const u8, new as *mut u8, size);
                (*(new as *mut GcHeader)).flags =
                    (fl & !flags::AGE_MASK) | ((age + 1) << flags::AGE_SHIFT);
                if t.has_ptrs {
                    self.worklist.push(new);
                }
                (*h).flags = fl | flags::FORWARDED;
                *((p + HEADER_SIZE) as *mut usize) = new;
                if self.record {
                    self.survivors.push(new);
                }
                return new;
            }
            let new = if fl & flags::HAS_SHADOW != 0 {
                self.shadows
                    .remove(&p)
                    .expect("HAS_SHADOW object without a shadow")
            } else {
                match self.old.alloc(size) {
                    Some(n) => n,
                    None => {
                        eprintln!("minipy-gc: out of memory while promoting {size} bytes during a minor collection");
                        std::process::abort();
                    }
                }
            };
            std::ptr::copy_nonoverlapping(p as *const u8, new as *mut u8, size);
            let nh = new as *mut GcHeader;
            (*nh).flags = fl & !(flags::HAS_SHADOW | flags::AGE_MASK);
            if t.has_ptrs {
                self.worklist.push(new);
            } else {
                (*nh).flags |= flags::TRACK_YOUNG_PTRS;
            }
            (*h).flags = fl | flags::FORWARDED;
            *((p + HEADER_SIZE) as *mut usize) = new;
            self.copied_bytes += size;
            self.copied_objs += 1;
            if self.record {
                self.survivors.push(new);
            }
            new
        }
    }

    #[cold]
    fn visit_large(&mut self, p: usize) {
        // SAFETY: p is a live non-nursery object.
        unsafe {
            let h = p as *mut GcHeader;
            let fl = (*h).flags;
            if fl & flags::YOUNG_LARGE != 0 && fl & flags::VISITED == 0 {
                (*h).flags = fl | flags::VISITED;
                if self.fast[(*h).tid as usize].has_ptrs {
                    self.worklist.push(p);
                }
                if self.record {
                    self.survivors.push(p);
                }
            }
        }
    }

    fn drain(&mut self) {
        let types = self.types;
        while let Some(o) = self.worklist.pop() {
            let h = o as *mut GcHeader;
            self.saw_young = false;
            // SAFETY: worklist entries are live old, young large or (moving stress mode) to-space objects.
            unsafe {
                trace_fields(&types[(*h).tid as usize], h, &mut |s: &mut Value| {
                    self.visit(s)
                });
                if (self.max_age > 0 && self.in_to_space(o))
                    || o.wrapping_sub(self.nstart) < self.nsize
                {
                    continue; // a young survivor or a pinned object: never carries the barrier flag
                }
                if self.saw_young {
                    self.kept.push(o); // still references a young survivor: stays remembered
                } else {
                    (*h).flags |= flags::TRACK_YOUNG_PTRS;
                }
            }
        }
    }
}

impl Heap {
    /// Runs the destructor of a dead object, if its type has one.
    ///
    /// # Safety
    /// `h` must be an intact object that is dead and whose destructor has not run.
    #[inline]
    pub(crate) unsafe fn run_drop(&mut self, h: *mut GcHeader) {
        // SAFETY: the caller guarantees `h` is an intact object header.
        let tid = unsafe { (*h).tid } as usize;
        if self.fast[tid].has_drop {
            // SAFETY: `h` is an intact, dead object of type `tid` whose destructor has not run (caller's
            // contract), so its payload at HEADER_SIZE is what the type's drop_fn expects, dropped once.
            unsafe { (self.types[tid].drop_fn.unwrap())((h as *mut u8).add(HEADER_SIZE)) };
            self.stats.destructors_run += 1;
        }
    }

    /// A minor collection that promotes every survivor: afterwards the nursery is empty (whatever the
    /// moving stress mode says; `gc.collect(0)` and the collections before a major one use this).
    pub fn minor_collect(&mut self, roots: &mut dyn Roots) {
        self.minor_collect_aging(roots, 0);
    }

    /// A minor collection; survivors younger than `max_age` stay in the nursery (moving stress mode).
    pub(crate) fn minor_collect_aging(&mut self, roots: &mut dyn Roots, max_age: u32) {
        crate::no_gc::check_gc_allowed("minor collection");
        crate::types::note_collection_start();
        let t0 = Instant::now();
        self.apply_deferred_unpins();
        // Pinned objects stay in this buffer: no flip to the next one (moving stress mode promotes
        // the other survivors at once while something is pinned).
        let pinning = !self.pins.is_empty();
        let max_age = if pinning { 0 } else { max_age };
        let used_end = self.nursery_used_end();
        let used = self.free - self.nstart;
        let lost = self.pin_lost_cycle;
        let old_before = self.heap_bytes();
        let remembered = self.remembered.len();
        let record = self.cfg.stress > 0 || self.cfg.verify;
        let mut worklist = std::mem::take(&mut self.remembered);
        let mut young_fin = std::mem::take(&mut self.young_finalizers);
        // Retired buffers as they were before a flip (the from-space is not retired during this collection).
        let retired = if record {
            self.nursery.retired_starts()
        } else {
            Vec::new()
        };
        let from_start = self.nstart;
        let to_start = if max_age > 0 {
            self.nursery.begin_flip()
        } else {
            usize::MAX - self.nsize // an empty range nothing points into
        };
        let mut ev = Evac {
            nstart: self.nstart,
            nsize: self.nsize,
            fast: &self.fast,
            types: &self.types,
            old: &mut self.old,
            worklist: &mut worklist,
            shadows: &mut self.shadows,
            check_large: !self.large.young.is_empty(),
            copied_bytes: 0,
            copied_objs: 0,
            record,
            survivors: Vec::new(),
            max_age,
            to_start,
            to_free: to_start,
            saw_young: false,
            kept: Vec::new(),
        };
        // Stress / verify mode: check each root slot as it is visited (no second pass over the roots):
        // no reference into a retired nursery or into the free part of the current one.
        let mut bad_root: Option<String> = None;
        if record {
            let (nstart, nsize, free) = (self.nstart, self.nsize, self.free);
            let barriers = &self.barriers;
            let is_barrier = |p: usize| barriers.binary_search_by(|b| b.0.cmp(&p)).is_ok();
            let mut i = 0usize;
            roots.trace(&mut |s: &mut Value| {
                let p = s.0 as usize;
                if s.is_ptr() && bad_root.is_none() {
                    if p.wrapping_sub(nstart) < nsize && p >= free && !is_barrier(p) {
                        bad_root = Some(format!(
                            "root #{i} ({p:#x}) points into the free part of the nursery"
                        ));
                    } else if retired.iter().any(|&b| p.wrapping_sub(b) < nsize) {
                        bad_root = Some(format!(
                            "root #{i} ({p:#x}) is a stale reference into a retired nursery"
                        ));
                    }
                }
                i += 1;
                if bad_root.is_none() {
                    ev.visit(s);
                }
            });
        } else {
            roots.trace(&mut |s: &mut Value| ev.visit(s));
        }
        if let Some(e) = bad_root {
            panic!(
                "minipy-gc: stale GC reference found by minor collection #{}: {e}",
                self.stats.minor_collections + 1
            );
        }
        for v in self.pending_finalizers.iter_mut() {
            ev.visit(v);
        }
        let mut still_young_fin = Vec::new();
        for p in young_fin.drain(..) {
            let mut v = Value(p as u64);
            ev.visit(&mut v);
            if ev.in_to_space(v.0 as usize) || v.0 as usize == p {
                still_young_fin.push(v.0 as usize);
            } else {
                self.old_finalizers.push(v.0 as usize);
            }
        }
        // Dirty cards of old carded arrays (cards.rs): only their items, not the whole arrays.
        let t_cards = Instant::now();
        let mut carded = std::mem::take(&mut self.carded);
        let (mut cards_scanned, mut carded_scanned) = (0u64, 0u64);
        let types = ev.types;
        carded.retain(|&p| {
            let h = p as *mut GcHeader;
            // SAFETY: `carded` holds live old objects with HAS_CARDS and CARDS_SET (cards.rs).
            unsafe {
                let (n, kept) = scan_dirty_cards(p, &types[(*h).tid as usize], |items| {
                    ev.saw_young = false;
                    for s in items.iter_mut() {
                        ev.visit(s);
                    }
                    ev.saw_young
                });
                cards_scanned += n as u64;
                carded_scanned += 1;
                if !kept {
                    (*h).flags &= !flags::CARDS_SET;
                }
                kept
            }
        });
        let card_scan_ns = if carded_scanned > 0 {
            t_cards.elapsed().as_nanos() as u64
        } else {
            0
        };
        ev.drain();
        let (copied_bytes, copied_objs, survivors, to_free, kept) = (
            ev.copied_bytes,
            ev.copied_objs,
            ev.survivors,
            ev.to_free,
            ev.kept,
        );
        worklist.extend_from_slice(&kept);
        self.carded = carded;
        self.stats.cards_scanned += cards_scanned;
        self.stats.carded_objects_scanned += carded_scanned;
        self.stats.total_card_scan_ns += card_scan_ns;
        young_fin.extend_from_slice(&still_young_fin);
        self.young_finalizers = young_fin;
        self.remembered = worklist;
        let nsize = self.nsize;
        let in_to = move |p: usize| p.wrapping_sub(to_start) < nsize;

        // Weak pass: handle slots issued for young objects.
        let young_slots = std::mem::take(&mut self.handles.young);
        let mut still_young_slots = Vec::new();
        for &i in &young_slots {
            let obj = self.handles.slots[i as usize].obj;
            if obj.is_null() {
                continue;
            }
            let p = obj.0 as usize;
            // SAFETY: slot objects are nursery or heap objects whose bytes are still intact.
            unsafe {
                let fl = (*(p as *const GcHeader)).flags;
                if p.wrapping_sub(self.nstart) < self.nsize {
                    if fl & flags::FORWARDED != 0 {
                        let new = *((p + HEADER_SIZE) as *const usize);
                        self.handles.slots[i as usize].obj = Value(new as u64);
                        if in_to(new) {
                            still_young_slots.push(i);
                        }
                    } else if fl & (flags::PINNED | flags::VISITED)
                        == flags::PINNED | flags::VISITED
                    {
                        still_young_slots.push(i);
                    } else {
                        self.handles.free_slot(i as usize);
                    }
                } else if fl & flags::YOUNG_LARGE != 0 && fl & flags::VISITED == 0 {
                    self.handles.free_slot(i as usize);
                }
            }
        }
        let mut young_slots = young_slots;
        young_slots.clear();
        young_slots.extend_from_slice(&still_young_slots);
        self.handles.young = young_slots;

        // Destructors of dead young objects.
        let ywd = std::mem::take(&mut self.young_with_destructors);
        let mut still_young_ywd = Vec::new();
        for &p in &ywd {
            // SAFETY: listed objects are nursery objects, intact until the reset below.
            unsafe {
                let fl = (*(p as *const GcHeader)).flags;
                if fl & (flags::PINNED | flags::VISITED) == flags::PINNED | flags::VISITED {
                    still_young_ywd.push(p);
                } else if fl & flags::FORWARDED == 0 {
                    self.run_drop(p as *mut GcHeader);
                } else {
                    let new = *((p + HEADER_SIZE) as *const usize);
                    if in_to(new) {
                        still_young_ywd.push(new);
                    }
                }
            }
        }
        let mut ywd = ywd;
        ywd.clear();
        ywd.extend_from_slice(&still_young_ywd);
        self.young_with_destructors = ywd;

        // Young large objects: promote the reached ones, free the others.
        let mut large_freed = 0;
        let yl = std::mem::take(&mut self.large.young);
        for &p in &yl {
            let h = p as *mut GcHeader;
            // SAFETY: young large objects are live allocations.
            unsafe {
                let fl = (*h).flags;
                let size = self.large.sizes[&p];
                self.large.young_bytes -= size;
                if fl & flags::VISITED != 0 {
                    // Traced ones got the flag from the drain unless they still reference a young
                    // survivor (moving stress mode: kept remembered).
                    let track = if self.fast[(*h).tid as usize].has_ptrs {
                        fl & flags::TRACK_YOUNG_PTRS
                    } else {
                        flags::TRACK_YOUNG_PTRS
                    };
                    (*h).flags = (fl & !(flags::VISITED | flags::YOUNG_LARGE)) | track;
                    self.large.old.push(p);
                    self.large.old_bytes += size;
                } else {
                    self.run_drop(h);
                    self.large.release(p);
                    large_freed += size;
                }
            }
        }
        let mut yl = yl;
        yl.clear();
        self.large.young = yl;

        // Shadows of objects that died young (a pinned object keeps its shadow).
        for (p, s) in std::mem::take(&mut self.shadows) {
            // SAFETY: shadow keys are nursery objects, intact until the reset below.
            let fl = unsafe { (*(p as *const GcHeader)).flags };
            if fl & (flags::PINNED | flags::VISITED) == flags::PINNED | flags::VISITED {
                self.shadows.insert(p, s);
                continue;
            }
            let h = s as *const GcHeader;
            // SAFETY: the shadow holds the header (and length) written by id_of.
            let size = unsafe { self.fast[(*h).tid as usize].size_of(h) };
            self.old.free(s, size);
        }

        // Reset the nursery (moving stress mode: poison the from-space; the survivors are the new start).
        self.stats.bytes_allocated += used.saturating_sub(self.aged_bytes) as u64;
        let mut kept_bytes = 0;
        // Pinned objects the collection reached stay in place (even if a destructor just unpinned
        // them: references to them were left as they are); unreached ones died (pin.rs).
        let keep = if pinning {
            self.settle_pins_after_minor()
        } else {
            Vec::new()
        };
        if !keep.is_empty() {
            // Clear everything around them, in this buffer.
            self.nursery.clear_except(self.nstart, used_end, &keep);
            self.stats.pinned_kept_total += keep.len() as u64;
            kept_bytes = self.set_barriers(keep);
            self.aged_bytes = self.free - self.nstart;
        } else {
            debug_assert!(!pinning || max_age == 0);
            if max_age > 0 {
                self.nursery.end_flip(from_start, used_end);
                self.nstart = to_start;
                self.free = to_free;
            } else {
                self.nstart = self.nursery.reset(used_end);
                self.free = self.nstart;
            }
            self.clear_barriers();
            self.aged_bytes = self.free - self.nstart;
        }
        self.stats.pinned_lost_last = lost as u64;
        self.stats.pinned_lost_total += lost as u64;
        self.pin_lost_cycle = kept_bytes;
        self.external_since_minor = 0;
        self.minor_requested = false;
        self.reset_top();
        self.handles.release_deferred();
        self.stats.external_bytes = self
            .stats
            .external_bytes
            .saturating_sub(take_external_freed() as u64);

        self.stats.minor_collections += 1;
        self.stats.bytes_copied += copied_bytes as u64;
        self.stats.objects_promoted += copied_objs as u64;
        self.collections += 1;
        let ns = t0.elapsed().as_nanos() as u64;
        self.stats.last_minor_ns = ns;
        self.stats.total_minor_ns += ns;
        self.stats.total_pause_ns += ns;
        self.stats.max_pause_ns = self.stats.max_pause_ns.max(ns);

        if self.cfg.verify || (self.cfg.stress > 0 && self.collections >= self.next_full_verify) {
            if let Err(e) = self.verify_full(roots) {
                panic!(
                    "minipy-gc: heap verification failed after minor collection #{}: {e}",
                    self.stats.minor_collections
                );
            }
        } else if self.cfg.stress > 0 {
            if let Err(e) = self.verify_after_minor(&survivors, max_age > 0) {
                panic!(
                    "minipy-gc: heap verification failed after minor collection #{}: {e}",
                    self.stats.minor_collections
                );
            }
        }
        if self.trace.is_some() {
            let rec = TraceRecord {
                kind: "minor",
                number: self.stats.minor_collections,
                start_us: (t0 - self.epoch).as_secs_f64() * 1e6,
                duration_us: ns as f64 / 1e3,
                nursery_used: used,
                survivors: copied_objs,
                survivor_bytes: copied_bytes,
                old_before,
                old_after: self.heap_bytes(),
                large_freed,
                handles: self.handles.live,
                pinned: self.pins.len(),
                pinned_lost: lost,
                remembered,
                finalizers_queued: 0,
                nursery_size: self.nsize,
                old_bytes: self.old.bytes + self.large.old_bytes + self.large.young_bytes,
                external_bytes: self.stats.external_bytes as usize,
                finalizers_run: self.finalizers_popped,
                cards: cards_scanned,
            };
            if let Some(tr) = self.trace.as_mut() {
                tr.write(&rec);
            }
        }
    }
}
