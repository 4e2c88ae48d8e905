//! SKELETON: the public methods of `Heap` the interpreter relies on. Bodies to be written.
#![allow(unused_variables, dead_code)]
use crate::*;

pub struct Heap {}

impl GcConfig {
    /// Defaults overridden by the MINIPY_GC_* environment variables. Bad values are reported as Err.
    pub fn from_env() -> Result<GcConfig, String> {
        todo!()
    }
}
impl Default for GcConfig {
    fn default() -> Self {
        todo!()
    }
}

impl Heap {
    pub fn new(cfg: GcConfig) -> Heap {
        todo!()
    }
    pub fn config(&self) -> &GcConfig {
        todo!()
    }
    pub fn register_type(&mut self, info: TypeInfo) -> TypeId {
        todo!()
    }
    pub fn type_info(&self, tid: TypeId) -> &TypeInfo {
        todo!()
    }

    // ---- allocation -------------------------------------------------------------------------
    /// Allocates a zero-filled object (`len` items for variable-sized kinds, else 0). GC point.
    /// Returns Err(()) when memory is exhausted (the client raises MemoryError).
    #[inline(always)]
    pub fn alloc(&mut self, tid: TypeId, len: usize, roots: &mut dyn Roots) -> Result<Value, ()> {
        todo!()
    }
    /// Allocates directly in the old generation (never moves). Not a GC point. Born remembered.
    pub fn alloc_old(&mut self, tid: TypeId, len: usize) -> Result<Value, ()> {
        todo!()
    }

    // ---- access -----------------------------------------------------------------------------
    #[inline(always)]
    pub fn tid(&self, v: Value) -> TypeId {
        todo!()
    }
    /// Payload address (valid until the next GC point, R6).
    #[inline(always)]
    pub fn payload(&self, v: Value) -> *mut u8 {
        todo!()
    }
    /// Item count of a variable-sized object.
    #[inline(always)]
    pub fn len(&self, v: Value) -> usize {
        todo!()
    }
    #[inline(always)]
    pub fn get_field(&self, obj: Value, offset: usize) -> Value {
        todo!()
    }
    /// Barrier + store.
    #[inline(always)]
    pub fn set_field(&mut self, obj: Value, offset: usize, v: Value) {
        todo!()
    }
    /// Must be called on `obj` before (or right after, with no GC point in between) storing a reference into it.
    #[inline(always)]
    pub fn write_barrier(&mut self, obj: Value) {
        todo!()
    }

    // ---- collection -------------------------------------------------------------------------
    pub fn minor_collect(&mut self, roots: &mut dyn Roots) {
        todo!()
    }
    /// A minor collection followed by a major (mark-sweep) one.
    pub fn major_collect(&mut self, roots: &mut dyn Roots) {
        todo!()
    }
    pub fn set_enabled(&mut self, on: bool) {
        todo!()
    }
    pub fn is_enabled(&self) -> bool {
        todo!()
    }

    // ---- introspection ----------------------------------------------------------------------
    pub fn generation(&self, v: Value) -> Generation {
        todo!()
    }
    pub fn in_nursery(&self, v: Value) -> bool {
        todo!()
    }
    /// Classifies an address by range checks, never dereferencing it unless it is a known object start.
    pub fn describe_addr(&self, addr: u64) -> String {
        todo!()
    }
    pub fn stats(&self) -> GcStats {
        todo!()
    }
    /// Runs the heap verifier; Err describes the first inconsistency.
    pub fn verify(&mut self, roots: &mut dyn Roots) -> Result<(), String> {
        todo!()
    }

    // ---- identity ---------------------------------------------------------------------------
    /// A stable identifier (the object's old-generation address, reserved now for a young object).
    pub fn id_of(&mut self, v: Value) -> u64 {
        todo!()
    }
    /// For objects without GC references (bytes): a payload address that never changes while the object
    /// lives (the object is given its old-generation copy now).
    pub fn stable_payload(&mut self, v: Value) -> *mut u8 {
        todo!()
    }

    // ---- handles ----------------------------------------------------------------------------
    /// A stable, non-zero, 16-aligned token for `obj`, held weakly: the slot is freed when `obj` dies.
    pub fn new_handle(&mut self, obj: Value) -> u64 {
        todo!()
    }
    /// The object behind a live token; None for tokens never issued, released or dead. Never dereferences `token`.
    pub fn from_handle(&self, token: u64) -> Option<Value> {
        todo!()
    }
    pub fn release_handle(&mut self, token: u64) {
        todo!()
    }

    // ---- external memory and finalizers -----------------------------------------------------
    /// Counts malloc'd memory owned by heap objects toward the major-collection trigger.
    pub fn add_external_bytes(&mut self, n: usize) {
        todo!()
    }
    pub fn sub_external_bytes(&mut self, n: usize) {
        todo!()
    }
    /// `obj` gets a client-level finalizer: when found dead by a major collection it is resurrected
    /// (with everything it references) and queued; the client pops it at a safe point.
    pub fn register_finalizer(&mut self, obj: Value) {
        todo!()
    }
    /// Next object whose finalizer should run. The queue is a strong root until popped; root the result at once.
    pub fn pop_finalizer(&mut self) -> Option<Value> {
        todo!()
    }
    #[inline(always)]
    pub fn has_pending_finalizers(&self) -> bool {
        todo!()
    }
}
