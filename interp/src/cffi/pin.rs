//! pin.rs: `bytes` data handed to C in place. A young (nursery) bytes object is pinned (gc's
//! `Heap::pin`) so minor collections leave it where C sees it; an old or large one never moves; when
//! the heap refuses a pin (too many pinned objects or bytes), a call argument's data is copied to the
//! object's old-generation shadow (`stable_payload`), where the object will live once promoted
//! (`ffi.from_buffer` copies into its cdata instead: buffer.rs).
//!
//! Invariants: a `PinGuard` holds exactly one pin of a nursery object, so that object does not move
//! while the guard lives - which is why the guard may keep its `Value` untraced (R4 is about moving
//! objects). Dropping the guard (a cdata's destructor, at a GC point) unpins through
//! `gc::unpin_deferred`; code that can reach the heap calls `release` instead.
use crate::obj::layout::BytesObj;
use crate::vm::Vm;
use gc::Value;

/// One pin of a nursery object, ended when the guard is released or dropped.
pub struct PinGuard(Value);

impl PinGuard {
    /// Takes over one pin of `v` (already taken with `heap.pin`).
    pub fn adopt(v: Value) -> PinGuard {
        PinGuard(v)
    }

    /// The pinned object (stays at this address while the guard lives).
    pub fn value(&self) -> Value {
        self.0
    }

    /// Ends the pin now.
    pub fn release(self, vm: &mut Vm) {
        vm.heap.unpin(self.0);
        std::mem::forget(self);
    }
}

impl Drop for PinGuard {
    fn drop(&mut self) {
        // May run inside a collection (a cdata's destructor): no heap access (R7).
        gc::unpin_deferred(self.0);
    }
}

/// The data of bytes object `v` at an address that stays valid: `(pointer, pin)`. With a pin, the
/// pointer is valid while the pin lasts (the caller ends it); without one, while `v` lives.
pub fn bytes_data(vm: &mut Vm, v: Value) -> (*mut u8, Option<PinGuard>) {
    let (p, guard) = if vm.heap.in_nursery(v) && vm.heap.pin(v) {
        (vm.heap.payload(v), Some(PinGuard(v)))
    } else {
        (vm.heap.stable_payload(v), None)
    };
    // SAFETY: the payload is a BytesObj; its data follows the fixed fields.
    (unsafe { (*(p as *mut BytesObj)).data.as_mut_ptr() }, guard)
}
