//! minipy-gc: a generational, moving garbage collector that knows nothing of Python.
//!
//! Shape (PyPy's incminimark): a bump-allocated **nursery**, copied out (Cheney, worklist-driven) into a
//! **non-moving old generation** collected by **mark-sweep**; large objects are allocated one by one
//! and never move.
//! An object moves at most once: when it is promoted out of the nursery by a minor collection (in the
//! moving stress mode, up to K + 1 times).
//!
//! # Object layout
//! Every object is `[GcHeader (8 bytes: tid u32, flags u32)][payload]`. A [`Value`] is a tagged 64-bit word:
//! `0` = null, low bit `1` = small integer (63 bits), otherwise (8-aligned) the address of a `GcHeader`.
//! The client describes each object kind once with [`TypeInfo`] (payload size, offsets of its `Value`
//! fields, item size for variable-sized kinds, optional destructor) and gets a [`TypeId`] back.
//! Variable-sized objects start their payload with `len: usize`; items start at `fixed_size`.
//! Payloads are zero-filled at allocation; a zero `Value` is null and tracing skips it.
//!
//! # Rules for clients (a reference may move at every GC point)
//! - **R1. GC points.** Any call that takes `roots: &mut dyn Roots` (allocation, collection) may move every
//!   young object. A `Value` held in a Rust local across such a call is stale afterwards unless the caller
//!   re-reads it from a root slot that the `Roots` implementation visited (and so updated).
//! - **R2. Roots are precise.** [`Roots::trace`] must visit every slot that holds a `Value` the client will
//!   use again: VM value stack, frames, globals, temporaries. Slots are updated in place on moves.
//! - **R3. Barrier.** Every store of a `Value` into a heap object goes through [`Heap::write_barrier`] on
//!   the object written to (or [`Heap::set_field`], which does both). A raw store is allowed only into an
//!   object allocated in the nursery since the last GC point. Objects allocated with [`Heap::alloc_old`]
//!   are *not* young: they are born remembered, so the stores that fill them are safe until the next GC
//!   point, after which the barrier applies. Large objects (>= min(128 KiB, nursery/8)) returned by
//!   [`Heap::alloc`] never move and are young until the next minor collection (traced if reached, freed if
//!   not), so filling them before the next GC point needs no barrier either. When in doubt, call
//!   [`Heap::write_barrier`]: it costs a load and a test. A store of `v` into item `i` of an item array
//!   may instead use [`Heap::write_barrier_item`] (free when `v` is an int or null; a bulk store into
//!   items `a..b`: [`Heap::write_barrier_range`]; a memmove inside the array:
//!   [`Heap::write_barrier_moved`]): on a large array it marks one card, so the next minor collection
//!   scans `CARD_SLOTS` items, not the whole array. Stores into the fixed fields of a carded object
//!   still use [`Heap::write_barrier`].
//! - **R4. No Values in Rust containers** unless a `Roots` implementation visits them, or a GC object owns
//!   the container and its `custom_trace` visits it.
//! - **R5. Never key a table by an object address.** Use [`Heap::id_of`] (stable) instead.
//! - **R6. Raw pointers into payloads** (from [`Heap::payload`]) are invalid after a GC point. Re-derive them.
//! - **R7. Destructors** (`TypeInfo::drop_fn`) only release non-GC resources: they must not allocate, call
//!   client code, or dereference other GC objects (which may already be freed).
//! - **R8. Tracing accepts null.** A collection can happen between allocating an object and filling it.
//! - **R9. Promises are checked.** Code that relies on "no GC point from here to there" says so with a
//!   [`NoGcScope`]: a collection inside one panics (an allocation too, in debug builds).
//!
//! # Handles
//! [`Heap::new_handle`] gives a stable `u64` token for an object (the client's handle object, held *weakly*
//! by the table: when it dies the slot is freed). [`Heap::from_handle`] validates a token without
//! dereferencing anything and returns `None` for a token never issued, released, or whose object died.
//! Token = `((gen << 32) | (slot + 1)) << 4` (non-zero, 16-aligned); freed slots are reused FIFO with a new
//! 28-bit generation, so a stale token is rejected unless its slot was reused 2^28 times.
//!
//! # Destructors and finalizers
//! `drop_fn` runs exactly once for every object that dies (young ones at the minor collection that finds
//! them dead, old ones at the sweep of a major collection, survivors when the `Heap` is dropped). A
//! `drop_fn` releasing external memory counted with [`Heap::add_external_bytes`] reports it with
//! [`external_bytes_freed`] (it cannot reach the heap). Client finalizers ([`Heap::register_finalizer`]) are
//! queued by a major collection and popped by the client at a safe point, never run during a collection.
//!
//! # Environment ([`GcConfig::from_env`])
//! `MINIPY_GC_NURSERY` (e.g. `256k`, `4M`), `MINIPY_GC_MAJOR_COLLECT` (growth factor, default 1.82),
//! `MINIPY_GC_STRESS` (`1`: a minor collection before every allocation; `N`: every Nth),
//! `MINIPY_GC_VERIFY=1` (heap verifier after every collection), `MINIPY_GC_TRACE=FILE` (one JSON line per
//! collection; `-` for stderr), `MINIPY_GC_AGE=K` (the moving stress mode below).
//!
//! **Moving stress mode** (`GcConfig::age` = K): plain stress mode promotes an object at the first
//! collection after its birth, after which it never moves, so a client that holds a stale `Value` to an
//! object born a few allocations earlier goes unnoticed. With K > 0, allocation-triggered minor
//! collections copy every young survivor *within the nursery* (into the next buffer of the rotation; the
//! evacuated one is poisoned) until it has survived K collections; only then is it promoted. Explicit
//! [`Heap::minor_collect`] / [`Heap::major_collect`] still promote everything (a major collection needs an
//! empty nursery). Old objects that reference aging survivors stay in the remembered set.
//!
//! Stress mode costs O(roots + nursery used) per collection: the evacuated nursery is poisoned (`0xDB`)
//! and retired (3 buffers in rotation), every root slot is range-checked as the collection visits it, the
//! objects promoted by the collection are verified, and the full-heap verifier runs after every major
//! collection and after every max(1000, objects last verified)-th minor one ([`FULL_VERIFY_EVERY`]).
//! Debug builds always poison and rotate, and [`Heap::tid`]/[`Heap::payload`]/[`Heap::get_field`]/...
//! panic with "stale GC reference" on a reference into a retired nursery, the free part of the current
//! one, or a forwarded object.
//!
//! # Files
//! `heap.rs` (the `Heap` struct, allocation fast path, accessors, identity, handles API), `nursery.rs`,
//! `oldspace.rs` (size classes), `large.rs`, `minor.rs`, `major.rs`, `barrier.rs`, `handles.rs`,
//! `verify.rs`, `trace_log.rs`, `config.rs`, `types.rs`, `no_gc.rs`, `cards.rs` (card marking of large
//! Value arrays), `pin.rs` (pinned nursery objects and the gaps allocation fills around them); each
//! starts with the invariants it keeps.
//!
//! # Pinning
//! [`Heap::pin`] keeps a nursery object in place until [`Heap::unpin`] (nested; destructors use
//! [`unpin_deferred`]): minor collections trace it as a root without moving it, and allocation fills
//! the gaps around it. Old objects referencing it stay remembered. Pins are bounded ([`MAX_PINNED`]
//! objects, nursery / [`PIN_FRACTION`] bytes); `pin` returns false beyond, and the client copies.

use std::fmt;

/// A tagged word: null, a 63-bit small integer, or the address of an object header.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Default)]
#[repr(transparent)]
pub struct Value(pub u64);

impl Value {
    pub const NULL: Value = Value(0);
    pub const SMALL_MAX: i64 = (1i64 << 62) - 1;
    pub const SMALL_MIN: i64 = -(1i64 << 62);

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self.0 == 0
    }
    #[inline(always)]
    pub fn is_int(self) -> bool {
        self.0 & 1 == 1
    }
    #[inline(always)]
    pub fn is_ptr(self) -> bool {
        self.0 != 0 && self.0 & 1 == 0
    }
    /// A small integer, if `i` fits in 63 bits.
    #[inline(always)]
    pub fn from_int(i: i64) -> Option<Value> {
        if (Self::SMALL_MIN..=Self::SMALL_MAX).contains(&i) {
            Some(Value(((i as u64) << 1) | 1))
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn as_int(self) -> i64 {
        debug_assert!(self.is_int());
        (self.0 as i64) >> 1
    }
    #[inline(always)]
    pub fn from_ptr(p: *mut GcHeader) -> Value {
        Value(p as u64)
    }
    #[inline(always)]
    pub fn as_ptr(self) -> *mut GcHeader {
        debug_assert!(self.is_ptr());
        self.0 as *mut GcHeader
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_null() {
            write!(f, "NULL")
        } else if self.is_int() {
            write!(f, "int({})", self.as_int())
        } else {
            write!(f, "ptr({:#x})", self.0)
        }
    }
}

/// The one-word object header.
#[repr(C)]
pub struct GcHeader {
    pub tid: u32,
    pub flags: u32,
}

/// Index into the heap's type table.
pub type TypeId = u32;

/// Visits one `Value` slot; the collector updates the slot in place when its referent moves.
pub type Visitor<'a> = dyn FnMut(&mut Value) + 'a;

/// How the collector sees one object kind.
pub struct TypeInfo {
    pub name: &'static str,
    /// Payload bytes (excluding the header). For variable-sized kinds this includes the leading
    /// `len: usize` word; items start at this offset.
    pub fixed_size: usize,
    /// Bytes per item for variable-sized kinds; 0 for fixed-size kinds.
    pub item_size: usize,
    /// Payload offsets of `Value` fields.
    pub value_offsets: Vec<u32>,
    /// Items are `Value`s (item_size must be 8) and must be traced.
    pub items_are_values: bool,
    /// Extra tracing for fields the offsets cannot describe (e.g. a `Vec<Value>` owned by the object).
    /// Receives the payload pointer.
    pub custom_trace: Option<fn(*mut u8, &mut Visitor<'_>)>,
    /// Releases non-GC resources when the object dies (R7). Receives the payload pointer.
    pub drop_fn: Option<unsafe fn(*mut u8)>,
}

/// Where an object currently lives.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Generation {
    Immediate,
    Young,
    Old,
    Large,
}

/// The client's root set. Called at every collection.
pub trait Roots {
    fn trace(&mut self, visit: &mut Visitor<'_>);
}

/// No roots: for tests and for allocation when the client knows nothing is live.
pub struct NoRoots;
impl Roots for NoRoots {
    fn trace(&mut self, _visit: &mut Visitor<'_>) {}
}

/// A simple LIFO root stack, usable as `Roots`.
#[derive(Default)]
pub struct RootStack {
    pub slots: Vec<Value>,
}
impl Roots for RootStack {
    fn trace(&mut self, visit: &mut Visitor<'_>) {
        for s in self.slots.iter_mut() {
            visit(s);
        }
    }
}

/// Heap configuration; see the crate docs for the environment variables.
#[derive(Clone, Debug)]
pub struct GcConfig {
    pub nursery_size: usize,
    pub major_factor: f64,
    /// 0 = off; N = a minor collection before every Nth allocation.
    pub stress: u64,
    pub verify: bool,
    pub trace_file: Option<String>,
    /// Moving stress: a young object stays in the nursery for its first `age` minor collections and is
    /// copied at each of them (the evacuated space poisoned), so a stale reference to it cannot go
    /// unnoticed. 0 = off (promote at the first minor collection, the normal policy); at most [`MAX_AGE`].
    pub age: u32,
}

/// Counters, readable at any time.
#[derive(Clone, Debug, Default)]
pub struct GcStats {
    pub minor_collections: u64,
    pub major_collections: u64,
    pub bytes_allocated: u64,
    pub bytes_copied: u64,
    pub objects_promoted: u64,
    pub old_bytes: u64,
    pub large_bytes: u64,
    pub external_bytes: u64,
    pub pinned_objects: u64,
    pub live_handles: u64,
    pub finalizers_queued: u64,
    pub total_pause_ns: u64,
    pub max_pause_ns: u64,
    pub last_minor_ns: u64,
    pub remembered_peak: u64,
    // ---- added by the implementation ----
    pub nursery_size: u64,
    /// Bytes allocated in the nursery since the last minor collection.
    pub nursery_used: u64,
    pub last_major_ns: u64,
    /// Large objects currently allocated (young and old).
    pub large_objects: u64,
    /// Objects whose `drop_fn` ran.
    pub destructors_run: u64,
    /// Objects queued for their client finalizer and not yet popped.
    pub pending_finalizers: u64,
    /// Heap size (old + large + external bytes) above which the next allocation slow path runs a major collection.
    pub next_major_bytes: u64,
    /// Collections after which the full-heap verifier ran.
    pub full_verifications: u64,
    /// Time spent in minor collections (all of them, `last_minor_ns` summed).
    pub total_minor_ns: u64,
    /// Dirty cards scanned by minor collections (each covers up to `CARD_SLOTS` items).
    pub cards_scanned: u64,
    /// Carded objects with dirty cards visited by minor collections (once per object and collection).
    pub carded_objects_scanned: u64,
    /// Time minor collections spent visiting dirty cards, including copying the young objects found
    /// there (but not what those reference): part of `total_minor_ns`.
    pub total_card_scan_ns: u64,
    /// `Heap::pin` calls that pinned (nested pins count each time; old objects are not counted).
    pub pins_total: u64,
    /// `Heap::pin` calls refused (too many objects or bytes pinned): the client copied instead.
    pub pins_refused: u64,
    /// Bytes of the nursery objects pinned now.
    pub pinned_bytes: u64,
    /// Nursery bytes lost to pins in the cycle that ended with the last minor collection: the pinned
    /// objects left in place by the collection before it, plus the gap tails allocation skipped.
    pub pinned_lost_last: u64,
    /// `pinned_lost_last` summed over all minor collections.
    pub pinned_lost_total: u64,
    /// Objects a minor collection left in place because they were pinned (summed over collections).
    pub pinned_kept_total: u64,
    /// Old-space pages (16 KiB) holding small objects now (pages.rs).
    pub old_pages: u64,
    /// Free old-space pages given back to the kernel after major collections (summed).
    pub old_pages_released: u64,
}

mod barrier;
mod cards;
#[cfg(test)]
mod cards_tests;
mod config;
mod handles;
mod heap;
mod large;
mod major;
mod minor;
mod no_gc;
mod nursery;
mod oldspace;
mod os_mem;
mod pages;
mod pin;
#[cfg(test)]
mod pin_tests;
#[cfg(test)]
mod test_types;
mod trace_log;
mod types;
mod verify;

pub use cards::{CARD_SHIFT, CARD_SLOTS};
pub use config::{
    parse_size, DEFAULT_MAJOR_FACTOR, DEFAULT_NURSERY, DROP_OWNED_ESTIMATE, FULL_VERIFY_EVERY,
    MIN_NURSERY,
};
pub use handles::release_handle_deferred;
pub use heap::Heap;
pub use large::tune_malloc;
pub use no_gc::{in_no_gc_scope, NoGcScope};
pub use pin::{unpin_deferred, FILLER_TID, MAX_PINNED, PIN_FRACTION};
pub use types::{collections_started, external_bytes_freed};

/// Header flag bits (`GcHeader::flags`). Old/young is decided by address, not by a flag.
pub mod flags {
    /// Set on every old object that is *not* in the remembered set; the write barrier clears it.
    pub const TRACK_YOUNG_PTRS: u32 = 1 << 0;
    /// A nursery object already copied out; the payload's first word holds the new address.
    pub const FORWARDED: u32 = 1 << 1;
    /// Mark bit of the major collection; during a minor collection, marks surviving young large objects.
    pub const VISITED: u32 = 1 << 2;
    /// A young object whose old-generation address (its "shadow") is already reserved (id / stable payload).
    pub const HAS_SHADOW: u32 = 1 << 3;
    /// The object has a client-level finalizer (see `Heap::register_finalizer`).
    pub const FINALIZER_REGISTERED: u32 = 1 << 4;
    /// A large object allocated since the last minor collection (freed by it if unreachable).
    pub const YOUNG_LARGE: u32 = 1 << 5;
    /// A large object: allocated on its own (mmap'd from 64 KiB), never moves.
    pub const LARGE: u32 = 1 << 6;
    /// A nursery object pinned in place (`Heap::pin`, pin.rs): minor collections do not move it.
    pub const PINNED: u32 = 1 << 7;
    /// Moving stress mode (`GcConfig::age`): minor collections this nursery object has survived (4 bits).
    pub const AGE_MASK: u32 = 0xF << AGE_SHIFT;
    pub const AGE_SHIFT: u32 = 8;
    /// A large object whose items are Values, with a card table (one byte per `CARD_SLOTS` items)
    /// just before its header: `write_barrier_item` marks a card instead of remembering the object.
    pub const HAS_CARDS: u32 = 1 << 12;
    /// Some card of this object is dirty; the object is (once) in the heap's `carded` list.
    pub const CARDS_SET: u32 = 1 << 13;
}

/// Largest accepted `GcConfig::age` (the age field has 4 bits).
pub const MAX_AGE: u32 = 15;

/// `tid` of a free old-space block.
pub const FREE_TID: u32 = u32::MAX;
/// Byte pattern written over an evacuated nursery in stress / debug / verify mode.
pub const POISON_BYTE: u8 = 0xDB;
/// Header size in bytes.
pub const HEADER_SIZE: usize = 8;
