//! heap.rs: the `Heap` struct and its public methods (allocation fast path, field access, identity,
//! handles, finalizer queue, introspection). The collector phases live in minor.rs / major.rs, the
//! barrier slow path in barrier.rs and the verifier in verify.rs.
//!
//! Invariants (see also each module's header):
//! - nursery objects occupy `[nstart, free)` back to back (with pinned objects left in place and
//!   filler blocks among them, pin.rs); `free <= top <= limit <= nstart + nsize`, `limit` being the end
//!   of the current gap (`nstart + nsize` when nothing is pinned); `top < limit` only to force the next
//!   allocation into the slow path (stress mode, pending major request, poisoned gaps);
//! - an object is young iff it is in the current nursery or has `YOUNG_LARGE`; young objects never have
//!   `TRACK_YOUNG_PTRS`; an old object without it is in `remembered` (exactly once); an old carded
//!   object with a dirty card is in `carded` (exactly once, cards.rs);
//! - `young_with_destructors` lists every nursery object whose type has a `drop_fn`;
//! - `shadows` maps a nursery object with `HAS_SHADOW` to its reserved old-space block;
//! - `young_finalizers`/`old_finalizers` list the objects with `FINALIZER_REGISTERED`;
//!   `pending_finalizers` is a strong root until popped.
use crate::config::{major_floor, DROP_OWNED_ESTIMATE, FULL_VERIFY_EVERY};
use crate::handles::HandleTable;
use crate::large::LargeSpace;
use crate::nursery::Nursery;
use crate::oldspace::OldSpace;
use crate::trace_log::TraceLog;
use crate::types::{TypeFast, BIG};
use crate::*;
use std::collections::{HashMap, VecDeque};
use std::time::Instant;

/// Number of nursery buffers used in rotation when poisoning (debug builds, stress, verify).
const ROTATION: usize = 3;

pub struct Heap {
    // ---- hot fields (allocation fast path, barrier) ----
    pub(crate) free: usize,
    pub(crate) top: usize,
    pub(crate) nstart: usize,
    pub(crate) nsize: usize,
    pub(crate) large_threshold: usize,
    pub(crate) fast: Vec<TypeFast>,
    pub(crate) young_with_destructors: Vec<usize>,
    /// A minor collection is requested once `young_with_destructors` holds this many objects
    /// (config.rs `DROP_OWNED_ESTIMATE`).
    pub(crate) drop_cap: usize,
    pub(crate) remembered: Vec<usize>,
    /// Old carded objects with a dirty card (`CARDS_SET`), each once (cards.rs).
    pub(crate) carded: Vec<usize>,
    // ---- the rest ----
    pub(crate) types: Vec<TypeInfo>,
    pub(crate) nursery: Nursery,
    pub(crate) old: OldSpace,
    pub(crate) large: LargeSpace,
    pub(crate) handles: HandleTable,
    pub(crate) shadows: HashMap<usize, usize>,
    pub(crate) young_finalizers: Vec<usize>,
    pub(crate) old_finalizers: Vec<usize>,
    pub(crate) pending_finalizers: VecDeque<Value>,
    pub(crate) enabled: bool,
    pub(crate) stress_count: u64,
    pub(crate) next_major: usize,
    pub(crate) major_requested: bool,
    /// External bytes charged since the last minor collection (`add_external_bytes`).
    pub(crate) external_since_minor: usize,
    /// Set when `external_since_minor` passed the nursery size, or `young_with_destructors` reached
    /// `drop_cap`: the next allocation collects.
    pub(crate) minor_requested: bool,
    pub(crate) stats: GcStats,
    pub(crate) cfg: GcConfig,
    pub(crate) trace: Option<TraceLog>,
    pub(crate) epoch: Instant,
    /// Collections of any kind so far (drives the periodic full verification in stress mode).
    pub(crate) collections: u64,
    /// Stress mode: the collection number at which the next full-heap verification runs.
    pub(crate) next_full_verify: u64,
    /// Moving stress mode: bytes of aging survivors at the start of the nursery (not new allocation).
    pub(crate) aged_bytes: usize,
    /// Finalizers popped by the client to run (cumulative), for the trace log.
    pub(crate) finalizers_popped: u64,
    // ---- pinning (pin.rs) ----
    /// End of the current nursery gap (allocation stops there and moves on to the next gap).
    pub(crate) limit: usize,
    /// Pinned nursery objects: address -> pin count.
    pub(crate) pins: HashMap<usize, u32>,
    pub(crate) pinned_bytes: usize,
    /// Objects the last minor collection left in place, sorted: (start, end).
    pub(crate) barriers: Vec<(usize, usize)>,
    /// The gaps after the current one, last first.
    pub(crate) gaps: Vec<(usize, usize)>,
    /// Nursery bytes lost to pins since the last minor collection.
    pub(crate) pin_lost_cycle: usize,
}

impl Heap {
    pub fn new(cfg: GcConfig) -> Heap {
        let cfg = cfg.normalized();
        let debugging = cfg!(debug_assertions) || cfg.stress > 0 || cfg.verify || cfg.age > 0;
        let nursery = Nursery::new(
            cfg.nursery_size,
            if debugging { ROTATION } else { 1 },
            debugging,
        );
        let nstart = nursery.start();
        let nsize = cfg.nursery_size;
        let trace = cfg.trace_file.as_deref().map(TraceLog::open);
        let mut h = Heap {
            free: nstart,
            top: nstart + nsize,
            nstart,
            nsize,
            large_threshold: (128 << 10).min(nsize / 8),
            fast: Vec::new(),
            young_with_destructors: Vec::new(),
            drop_cap: (nsize / DROP_OWNED_ESTIMATE).max(1),
            remembered: Vec::new(),
            carded: Vec::new(),
            types: Vec::new(),
            nursery,
            old: OldSpace::new(),
            large: LargeSpace::default(),
            handles: HandleTable::default(),
            shadows: HashMap::new(),
            young_finalizers: Vec::new(),
            old_finalizers: Vec::new(),
            pending_finalizers: VecDeque::new(),
            enabled: true,
            stress_count: 0,
            next_major: major_floor(nsize),
            major_requested: false,
            external_since_minor: 0,
            minor_requested: false,
            stats: GcStats::default(),
            cfg,
            trace,
            epoch: Instant::now(),
            collections: 0,
            next_full_verify: FULL_VERIFY_EVERY,
            aged_bytes: 0,
            finalizers_popped: 0,
            limit: nstart + nsize,
            pins: HashMap::new(),
            pinned_bytes: 0,
            barriers: Vec::new(),
            gaps: Vec::new(),
            pin_lost_cycle: 0,
        };
        h.reset_top();
        h
    }

    pub fn config(&self) -> &GcConfig {
        &self.cfg
    }

    pub fn register_type(&mut self, info: TypeInfo) -> TypeId {
        assert!(
            info.item_size == 0 || info.fixed_size >= 8,
            "type {}: variable-sized kinds start their payload with `len: usize` (fixed_size >= 8)",
            info.name
        );
        assert!(
            !info.items_are_values || info.item_size == 8,
            "type {}: Value items are 8 bytes",
            info.name
        );
        for &o in &info.value_offsets {
            assert!(
                o.is_multiple_of(8) && (o as usize) + 8 <= info.fixed_size,
                "type {}: Value field at offset {o} is misaligned or outside the fixed payload",
                info.name
            );
        }
        self.fast.push(TypeFast::new(&info, self.large_threshold));
        self.types.push(info);
        (self.types.len() - 1) as TypeId
    }

    pub fn type_info(&self, tid: TypeId) -> &TypeInfo {
        &self.types[tid as usize]
    }

    /// Recomputes `top` after the nursery or the stress state changed.
    #[inline]
    pub(crate) fn reset_top(&mut self) {
        self.top = if self.cfg.stress > 0
            || ((self.major_requested || self.minor_requested) && self.enabled)
        {
            self.free
        } else {
            self.limit
        };
    }

    // ---- allocation -------------------------------------------------------------------------
    /// Allocates a zero-filled object (`len` items for variable-sized kinds, else 0). GC point.
    /// Returns Err(()) when memory is exhausted (the client raises MemoryError).
    #[allow(clippy::result_unit_err)]
    #[inline(always)]
    pub fn alloc(&mut self, tid: TypeId, len: usize, roots: &mut dyn Roots) -> Result<Value, ()> {
        debug_assert!(
            (tid as usize) < self.fast.len(),
            "alloc: unknown type id {tid}"
        );
        #[cfg(debug_assertions)]
        crate::no_gc::check_gc_allowed("allocation");
        // SAFETY: tid was returned by register_type (checked in debug builds).
        let t = unsafe { *self.fast.get_unchecked(tid as usize) };
        let size = if t.item == 0 {
            t.alloc_size
        } else {
            match t.total_size(len) {
                Some(s) if s < self.large_threshold => s,
                _ => BIG,
            }
        };
        let p = self.free;
        let new = p.wrapping_add(size);
        if new > self.top {
            return self.alloc_slow(tid, len, roots);
        }
        self.free = new;
        // SAFETY: [p, new) is free nursery memory, zeroed here (nursery.rs: the nursery is not
        // zeroed ahead: the object's cache lines are written now anyway).
        unsafe {
            zero_object(p, size);
            std::ptr::write(p as *mut GcHeader, GcHeader { tid, flags: 0 });
            if t.item != 0 {
                *((p + HEADER_SIZE) as *mut usize) = len;
            }
        }
        if t.has_drop {
            self.note_young_destructor(p);
        }
        Ok(Value(p as u64))
    }

    /// Lists a new nursery object whose type has a destructor; past `drop_cap` of them, requests a
    /// minor collection. Out of line: such objects are rare, and the allocation fast path is inlined
    /// at every call site of the client.
    #[inline(never)]
    fn note_young_destructor(&mut self, p: usize) {
        self.young_with_destructors.push(p);
        if self.young_with_destructors.len() >= self.drop_cap {
            self.request_minor();
        }
    }

    /// The next allocation takes the slow path and runs a minor collection. Not a GC point.
    #[cold]
    #[inline(never)]
    fn request_minor(&mut self) {
        if !self.minor_requested {
            self.minor_requested = true;
            self.top = self.free;
        }
    }

    /// Allocates directly in the old generation (never moves). Not a GC point. Born remembered.
    #[allow(clippy::result_unit_err)]
    pub fn alloc_old(&mut self, tid: TypeId, len: usize) -> Result<Value, ()> {
        let t = self.fast[tid as usize];
        let size = t.total_size(len).ok_or(())?;
        self.alloc_old_sized(tid, len, size)
    }

    /// Old-generation allocation of a known size: born with `TRACK_YOUNG_PTRS` clear and remembered, so the
    /// stores that fill it need no barrier until the next GC point.
    pub(crate) fn alloc_old_sized(
        &mut self,
        tid: TypeId,
        len: usize,
        size: usize,
    ) -> Result<Value, ()> {
        let t = self.fast[tid as usize];
        let (p, fl) = if size >= self.large_threshold {
            let (prefix, cards) = large_cards(&t, len);
            (
                self.large.alloc(size, false, prefix).ok_or(())?,
                flags::LARGE | cards,
            )
        } else {
            (self.old.alloc_zeroed(size).ok_or(())?, 0)
        };
        // SAFETY: p is a fresh zeroed block of `size` bytes.
        unsafe {
            std::ptr::write(p as *mut GcHeader, GcHeader { tid, flags: fl });
            if t.item != 0 {
                *((p + HEADER_SIZE) as *mut usize) = len;
            }
        }
        self.remembered.push(p);
        self.stats.bytes_allocated += size as u64;
        Ok(Value(p as u64))
    }

    #[cold]
    #[inline(never)]
    fn alloc_slow(&mut self, tid: TypeId, len: usize, roots: &mut dyn Roots) -> Result<Value, ()> {
        let t = self.fast[tid as usize];
        let size = t.total_size(len).ok_or(())?;
        let large = size >= self.large_threshold;
        if self.enabled {
            let mut collect = self.major_requested || self.minor_requested;
            if self.cfg.stress > 0 {
                self.stress_count += 1;
                if self.stress_count >= self.cfg.stress {
                    self.stress_count = 0;
                    collect = true;
                }
            }
            if large {
                collect |= self.large.young_bytes + size > self.nsize;
            } else if !collect {
                // The current gap is full: the next gap that fits, else collect.
                collect = !self.fit_gap(size);
            }
            collect |= self.heap_bytes() > self.next_major;
            if collect {
                self.collect_for_alloc(roots);
            }
        }
        if large {
            let (prefix, cards) = large_cards(&t, len);
            let p = self.large.alloc(size, true, prefix).ok_or(())?;
            // SAFETY: p is a fresh zeroed block of `size` bytes.
            unsafe {
                std::ptr::write(
                    p as *mut GcHeader,
                    GcHeader {
                        tid,
                        flags: flags::LARGE | flags::YOUNG_LARGE | cards,
                    },
                );
                if t.item != 0 {
                    *((p + HEADER_SIZE) as *mut usize) = len;
                }
            }
            self.stats.bytes_allocated += size as u64;
            self.reset_top();
            return Ok(Value(p as u64));
        }
        if self.fit_gap(size) {
            let p = self.free;
            self.free = p + size;
            // SAFETY: [p, p+size) is free nursery memory (poison in a pinned buffer's gaps).
            unsafe { zero_object(p, size) };
            // SAFETY: [p, p+size) is free, zeroed nursery memory.
            unsafe {
                std::ptr::write(p as *mut GcHeader, GcHeader { tid, flags: 0 });
                if t.item != 0 {
                    *((p + HEADER_SIZE) as *mut usize) = len;
                }
            }
            if t.has_drop {
                self.young_with_destructors.push(p);
                if self.young_with_destructors.len() >= self.drop_cap {
                    self.minor_requested = true;
                }
            }
            self.reset_top();
            return Ok(Value(p as u64));
        }
        // The nursery is full and collections are disabled: overflow into the old generation.
        self.reset_top();
        self.alloc_old_sized(tid, len, size)
    }

    /// Old + large + external bytes: what the major-collection trigger compares with `next_major`.
    #[inline]
    pub fn heap_bytes(&self) -> usize {
        self.old.bytes
            + self.large.old_bytes
            + self.large.young_bytes
            + self.stats.external_bytes as usize
    }

    /// A collection requested by the allocator: minor (which keeps young objects moving in the moving
    /// stress mode), then major if the old generation passed its threshold.
    /// A GC point that allocates nothing: runs the collection an earlier `add_external_bytes` asked
    /// for, if any. For clients whose loops only allocate outside the nursery (code objects from
    /// `compile()` are old-generation with malloc'd bodies): the request otherwise waits for a
    /// nursery allocation that may never come.
    /// In stress mode it collects every time, like an allocation, so that callers holding stale
    /// references across it get caught.
    pub fn poll(&mut self, roots: &mut dyn Roots) {
        let wanted =
            self.major_requested || self.minor_requested || self.heap_bytes() > self.next_major;
        if self.enabled && (wanted || self.cfg.stress > 0) {
            self.collect_for_alloc(roots);
        }
    }

    fn collect_for_alloc(&mut self, roots: &mut dyn Roots) {
        self.minor_collect_aging(roots, self.cfg.age);
        if self.barriers.is_empty() && self.free - self.nstart > self.nsize / 2 {
            // Moving stress mode: aging survivors fill the nursery; promote them rather than overflow.
            self.minor_collect_aging(roots, 0);
        }
        if self.major_requested || self.heap_bytes() > self.next_major {
            if self.free != self.nstart && self.barriers.is_empty() {
                // Survivors still aging in the nursery: the major collection expects an empty nursery.
                self.minor_collect_aging(roots, 0);
            }
            self.major_after_minor(roots);
        }
    }

    // ---- access -----------------------------------------------------------------------------
    #[inline(always)]
    pub fn tid(&self, v: Value) -> TypeId {
        #[cfg(debug_assertions)]
        self.check_ref(v);
        // SAFETY: v is a live object (R1; checked in debug builds).
        unsafe { (*(v.0 as *const GcHeader)).tid }
    }
    /// Payload address (valid until the next GC point, R6).
    #[inline(always)]
    pub fn payload(&self, v: Value) -> *mut u8 {
        #[cfg(debug_assertions)]
        self.check_ref(v);
        (v.0 as usize + HEADER_SIZE) as *mut u8
    }
    /// Item count of a variable-sized object.
    #[inline(always)]
    pub fn len(&self, v: Value) -> usize {
        // SAFETY: variable-sized payloads start with their length.
        unsafe { *(self.payload(v) as *const usize) }
    }
    #[inline(always)]
    pub fn get_field(&self, obj: Value, offset: usize) -> Value {
        // SAFETY: offset is a Value field of obj (client contract).
        unsafe { *(self.payload(obj).add(offset) as *const Value) }
    }
    /// Barrier + store.
    #[inline(always)]
    pub fn set_field(&mut self, obj: Value, offset: usize, v: Value) {
        self.write_barrier(obj);
        // SAFETY: offset is a Value field of obj (client contract).
        unsafe { *(self.payload(obj).add(offset) as *mut Value) = v }
    }
    /// Must be called on `obj` before (or right after, with no GC point in between) storing a reference into it.
    #[inline(always)]
    pub fn write_barrier(&mut self, obj: Value) {
        #[cfg(debug_assertions)]
        self.check_ref(obj);
        // SAFETY: obj is a live object.
        if unsafe { (*(obj.0 as *const GcHeader)).flags } & flags::TRACK_YOUNG_PTRS != 0 {
            self.remember(obj.0 as usize);
        }
    }

    /// Debug builds: panics with "stale GC reference" if `v` is not a reference to a live object
    /// (a retired/poisoned nursery, nursery free space, a forwarded or freed object).
    #[cfg(debug_assertions)]
    #[inline(never)]
    pub(crate) fn check_ref(&self, v: Value) {
        assert!(
            v.is_ptr() && v.0 & 7 == 0,
            "GC reference expected, got {v:?}"
        );
        let p = v.0 as usize;
        if p.wrapping_sub(self.nstart) < self.nsize {
            assert!(
                p < self.free || self.is_barrier(p),
                "stale GC reference {p:#x}: points into the free part of the nursery"
            );
        } else if self.nursery.is_retired(p) {
            panic!("stale GC reference {p:#x}: points into a retired (poisoned) nursery");
        }
        // SAFETY: p is a heap address (or the checks above would have fired for nursery garbage).
        let h = unsafe { &*(p as *const GcHeader) };
        assert!(
            h.flags & flags::FORWARDED == 0,
            "stale GC reference {p:#x}: object was moved (forwarded)"
        );
        assert!(
            (h.tid as usize) < self.types.len(),
            "stale GC reference {p:#x}: bad type id {:#x} (freed or poisoned memory)",
            h.tid
        );
    }

    // ---- collection -------------------------------------------------------------------------
    /// A minor collection followed by a major (mark-sweep) one.
    pub fn major_collect(&mut self, roots: &mut dyn Roots) {
        self.minor_collect(roots);
        self.major_after_minor(roots);
    }
    /// A full collection that returns how many objects it found dead (young and old; objects queued
    /// for their finalizer count as found, as CPython's `gc.collect()` counts them). Counting walks
    /// the nursery and the old space, so this is for explicit requests, not for the allocator.
    /// `major`: false for a minor collection only.
    pub fn collect_counting(&mut self, roots: &mut dyn Roots, major: bool) -> usize {
        let queued_before = self.stats.finalizers_queued;
        let before = self.count_objects();
        if major {
            self.major_collect(roots);
        } else {
            self.minor_collect(roots);
        }
        let after = self.count_objects();
        let queued = (self.stats.finalizers_queued - queued_before) as usize;
        before.saturating_sub(after) + queued
    }
    fn count_objects(&self) -> usize {
        let mut n = 0usize;
        self.for_each_nursery_object(|_, _| n += 1);
        self.old.for_each_object(|_| n += 1);
        n + self.large.young.len() + self.large.old.len()
    }
    pub fn set_enabled(&mut self, on: bool) {
        self.enabled = on;
        self.reset_top();
    }
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    // ---- introspection ----------------------------------------------------------------------
    pub fn generation(&self, v: Value) -> Generation {
        if !v.is_ptr() {
            return Generation::Immediate;
        }
        if self.in_nursery(v) {
            return Generation::Young;
        }
        // SAFETY: v is a live object.
        if unsafe { (*(v.0 as *const GcHeader)).flags } & flags::LARGE != 0 {
            Generation::Large
        } else {
            Generation::Old
        }
    }
    #[inline]
    pub fn in_nursery(&self, v: Value) -> bool {
        v.is_ptr() && (v.0 as usize).wrapping_sub(self.nstart) < self.nsize
    }
    /// True for nursery objects and large objects allocated since the last minor collection.
    pub fn is_young(&self, v: Value) -> bool {
        // SAFETY: a non-nursery pointer is a live object.
        self.in_nursery(v)
            || (v.is_ptr()
                && unsafe { (*(v.0 as *const GcHeader)).flags } & flags::YOUNG_LARGE != 0)
    }
    /// Size in bytes of an object (header included).
    pub fn object_size(&self, v: Value) -> usize {
        let h = v.0 as *const GcHeader;
        // SAFETY: v is a live object.
        unsafe { self.fast[(*h).tid as usize].size_of(h) }
    }
    /// Classifies an address by range checks, never dereferencing it unless it is a known object start.
    pub fn describe_addr(&self, addr: u64) -> String {
        let p = addr as usize;
        if p.wrapping_sub(self.nstart) < self.nsize {
            let mut found = None;
            self.for_each_nursery_object(|o, tid| {
                if found.is_none() && (tid as usize) < self.types.len() {
                    // SAFETY: o is a nursery object with a valid header.
                    let size = unsafe { self.fast[tid as usize].size_of(o as *const GcHeader) };
                    let name = self.types[tid as usize].name;
                    if p == o {
                        found = Some(format!("current nursery, live object <{name}>"));
                    } else if p > o && p < o + size {
                        found = Some(format!("current nursery, inside object <{name}>"));
                    }
                }
            });
            if let Some(f) = found {
                return f;
            }
            if p >= self.free {
                return "current nursery, free space".into();
            }
            return "current nursery".into();
        }
        if self.nursery.is_retired(p) {
            return "retired nursery (stale)".into();
        }
        if let Some((b, is_free)) = self.old.find_block(p) {
            if is_free {
                return "old space free block".into();
            }
            // SAFETY: b is an allocated old-space block.
            let tid = unsafe { (*(b as *const GcHeader)).tid };
            let name = self.types.get(tid as usize).map_or("?", |t| t.name);
            return if b == p {
                format!("old space object <{name}>")
            } else {
                format!("old space, inside object <{name}>")
            };
        }
        if let Some(b) = self.large.find(p) {
            // SAFETY: b is a live large object.
            let tid = unsafe { (*(b as *const GcHeader)).tid };
            let name = self.types.get(tid as usize).map_or("?", |t| t.name);
            return if b == p {
                format!("large object <{name}>")
            } else {
                format!("inside large object <{name}>")
            };
        }
        "unknown".into()
    }
    pub fn stats(&self) -> GcStats {
        let mut s = self.stats.clone();
        s.old_bytes = self.old.bytes as u64;
        s.large_bytes = (self.large.old_bytes + self.large.young_bytes) as u64;
        s.live_handles = self.handles.live as u64;
        s.nursery_size = self.nsize as u64;
        s.nursery_used = (self.free - self.nstart) as u64;
        s.large_objects = self.large.sizes.len() as u64;
        s.pending_finalizers = self.pending_finalizers.len() as u64;
        s.next_major_bytes = self.next_major as u64;
        s.pinned_objects = self.pins.len() as u64;
        s.pinned_bytes = self.pinned_bytes as u64;
        s.old_pages = self.old.pages.pages_in_use() as u64;
        s.old_pages_released = self.old.pages.released_pages;
        s
    }
    /// Runs the heap verifier; Err describes the first inconsistency.
    pub fn verify(&mut self, roots: &mut dyn Roots) -> Result<(), String> {
        self.verify_full(roots)
    }

    // ---- identity ---------------------------------------------------------------------------
    /// A stable identifier (the object's old-generation address, reserved now for a young object).
    pub fn id_of(&mut self, v: Value) -> u64 {
        if !v.is_ptr() || !self.in_nursery(v) {
            return v.0;
        }
        let p = v.0 as usize;
        let h = p as *mut GcHeader;
        // SAFETY: v is a live nursery object.
        unsafe {
            if (*h).flags & flags::HAS_SHADOW != 0 {
                return self.shadows[&p] as u64;
            }
            let t = self.fast[(*h).tid as usize];
            let size = t.size_of(h);
            let s = match self.old.alloc(size) {
                Some(s) => s,
                None => std::alloc::handle_alloc_error(
                    std::alloc::Layout::from_size_align(size, 8).unwrap(),
                ),
            };
            // A valid header (and length) so the block describes itself until it is filled or freed.
            std::ptr::write(
                s as *mut GcHeader,
                GcHeader {
                    tid: (*h).tid,
                    flags: 0,
                },
            );
            if t.item != 0 {
                *((s + HEADER_SIZE) as *mut usize) = *((p + HEADER_SIZE) as *const usize);
            }
            (*h).flags |= flags::HAS_SHADOW;
            self.shadows.insert(p, s);
            s as u64
        }
    }
    /// For objects without GC references (bytes): a payload address that never changes while the object
    /// lives (the object is given its old-generation copy now).
    pub fn stable_payload(&mut self, v: Value) -> *mut u8 {
        if !self.in_nursery(v) {
            return self.payload(v);
        }
        let s = self.id_of(v) as usize;
        let size = self.object_size(v);
        // SAFETY: the shadow has the object's size; nursery and old space do not overlap.
        unsafe {
            std::ptr::copy_nonoverlapping(
                (v.0 as usize + HEADER_SIZE) as *const u8,
                (s + HEADER_SIZE) as *mut u8,
                size - HEADER_SIZE,
            );
        }
        (s + HEADER_SIZE) as *mut u8
    }

    // ---- handles ----------------------------------------------------------------------------
    /// A stable, non-zero, 16-aligned token for `obj`, held weakly: the slot is freed when `obj` dies.
    pub fn new_handle(&mut self, obj: Value) -> u64 {
        assert!(obj.is_ptr(), "new_handle: an object is required");
        let young = self.is_young(obj);
        self.handles.new_handle(obj, young)
    }
    /// The object behind a live token; None for tokens never issued, released or dead. Never dereferences `token`.
    pub fn from_handle(&self, token: u64) -> Option<Value> {
        self.handles.get(token)
    }
    pub fn release_handle(&mut self, token: u64) {
        self.handles.release(token)
    }
    /// A weak reference's token: as [`Heap::new_handle`], and with `notify` the collection that
    /// frees the slot because `obj` died reports the token in [`Heap::take_dead_weak`] (a weak
    /// reference with a callback to run).
    pub fn new_weak(&mut self, obj: Value, notify: bool) -> u64 {
        assert!(obj.is_ptr(), "new_weak: an object is required");
        let young = self.is_young(obj);
        self.handles.new_slot(obj, young, notify)
    }
    /// The tokens of notify weak references whose object died since the last call.
    pub fn take_dead_weak(&mut self) -> Vec<u64> {
        std::mem::take(&mut self.handles.dead_notify)
    }
    /// Are there dead notify weak references to report?
    pub fn has_dead_weak(&self) -> bool {
        !self.handles.dead_notify.is_empty()
    }

    // ---- external memory and finalizers -----------------------------------------------------
    /// Counts malloc'd memory owned by heap objects toward the major-collection trigger.
    ///
    /// Memory charged since the last minor collection mostly belongs to young objects (a fresh big
    /// int's digits, a cdata's C block) that the next minor collection frees: once it passes the
    /// nursery's size the next allocation runs a minor collection, so a loop making short-lived
    /// owners of large buffers peaks at about twice the nursery, not at the major trigger.
    pub fn add_external_bytes(&mut self, n: usize) {
        self.stats.external_bytes += n as u64;
        self.external_since_minor += n;
        if self.heap_bytes() > self.next_major && !self.major_requested {
            // Not a GC point: ask the next allocation to take the slow path and collect.
            self.major_requested = true;
            self.top = self.free;
        }
        if self.external_since_minor > self.nsize {
            self.request_minor();
        }
    }
    /// External memory released outside a collection (a finalizer freed it). The trigger drops to at
    /// most `major_factor x` the heap that is left, as if the memory had been freed by the last major
    /// collection: else memory held by objects that collection queued for finalization would inflate
    /// the next trigger, and a loop allocating such objects would double its trigger at every major.
    pub fn sub_external_bytes(&mut self, n: usize) {
        self.stats.external_bytes = self.stats.external_bytes.saturating_sub(n as u64);
        let cap = ((self.heap_bytes() as f64 * self.cfg.major_factor) as usize)
            .max(major_floor(self.nsize));
        self.next_major = self.next_major.min(cap);
    }
    /// `obj` gets a client-level finalizer: when found dead by a major collection it is resurrected
    /// (with everything it references) and queued; the client pops it at a safe point.
    pub fn register_finalizer(&mut self, obj: Value) {
        let h = obj.as_ptr();
        // SAFETY: obj is a live object.
        unsafe {
            if (*h).flags & flags::FINALIZER_REGISTERED != 0 {
                return;
            }
            (*h).flags |= flags::FINALIZER_REGISTERED;
        }
        if self.is_young(obj) {
            self.young_finalizers.push(obj.0 as usize);
        } else {
            self.old_finalizers.push(obj.0 as usize);
        }
    }
    /// Next object whose finalizer should run. The queue is a strong root until popped; root the result at once.
    pub fn pop_finalizer(&mut self) -> Option<Value> {
        let v = self.pending_finalizers.pop_front();
        self.finalizers_popped += v.is_some() as u64;
        v
    }
    /// Objects with a registered finalizer that no collection has found dead yet.
    pub fn finalizers_registered(&self) -> usize {
        self.young_finalizers.len() + self.old_finalizers.len()
    }
    #[inline(always)]
    /// Is there client work from the last collections: finalizers to run, or dead notify weak
    /// references ([`Heap::take_dead_weak`]) whose callbacks to call?
    pub fn has_pending_finalizers(&self) -> bool {
        !self.pending_finalizers.is_empty() || self.has_dead_weak()
    }
}

/// Card-table bytes and flag for a large object of type `t` with `len` items (cards.rs).
fn large_cards(t: &TypeFast, len: usize) -> (usize, u32) {
    if t.cards && len > 0 {
        (crate::cards::card_prefix(len), flags::HAS_CARDS)
    } else {
        (0, 0)
    }
}

impl Drop for Heap {
    /// Runs the destructors of every object still alive, then frees all memory.
    fn drop(&mut self) {
        let ywd = std::mem::take(&mut self.young_with_destructors);
        for p in ywd {
            // SAFETY: listed nursery objects are intact (the nursery was not reset since).
            unsafe { self.run_drop(p as *mut GcHeader) };
        }
        let types = &self.types;
        let fast = &self.fast;
        let run = |h: *mut GcHeader| {
            // SAFETY: h is a live object with a valid header.
            unsafe {
                if fast[(*h).tid as usize].has_drop {
                    (types[(*h).tid as usize].drop_fn.unwrap())((h as *mut u8).add(HEADER_SIZE));
                }
            }
        };
        let shadows: std::collections::HashSet<usize> = self.shadows.values().copied().collect();
        self.old.for_each_object(|p| {
            if !shadows.contains(&p) {
                run(p as *mut GcHeader)
            }
        });
        for &p in self.large.young.iter().chain(self.large.old.iter()) {
            run(p as *mut GcHeader);
        }
    }
}

/// Zeroes the `size` bytes (a multiple of 8) of a fresh nursery object after its header. Small
/// objects (most) with word stores, no memset call.
///
/// # Safety
/// `[p, p + size)` is writable memory owned by the allocator.
#[inline(always)]
unsafe fn zero_object(p: usize, size: usize) {
    if size <= 128 {
        let mut o = HEADER_SIZE;
        while o < size {
            // SAFETY: p + o < p + size (caller's contract), 8-aligned.
            unsafe { *((p + o) as *mut u64) = 0 };
            o += 8;
        }
    } else {
        // SAFETY: as above.
        unsafe { std::ptr::write_bytes((p + HEADER_SIZE) as *mut u8, 0, size - HEADER_SIZE) };
    }
}
