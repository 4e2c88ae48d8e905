//! handles.rs: the handle table (stable tokens for moving objects, as `ffi.new_handle` needs).
//!
//! token = ((gen << 32) | (index + 1)) << 4: non-zero, 16-aligned, unique per `new_handle` until `gen`
//! wraps (28 bits: a stale token is accepted again only after 2^28 reuses of its slot).
//! Invariants:
//! - a slot is free iff its `obj` is NULL; free slots are in `free` exactly once (FIFO, delaying reuse);
//! - freeing a slot bumps its `gen`, so every token issued for it before is rejected afterwards;
//! - slots hold their object *weakly*: collections update moved objects and free the slots of dead ones
//!   (minor: only the slots listed in `young`, those issued for a young object; major: all of them);
//! - `get` never dereferences the token or the object;
//! - a `notify` slot (a weak reference with a callback) that a collection frees because its object
//!   died records its token in `dead_notify` for the client to act on (`Heap::take_dead_weak`);
//!   a slot released by its owner (`release`) never does.
use crate::Value;
use std::collections::VecDeque;

const GEN_MASK: u32 = (1 << 28) - 1;

pub(crate) struct Slot {
    pub obj: Value,
    pub gen: u32,
    pub notify: bool,
}

#[derive(Default)]
pub(crate) struct HandleTable {
    pub slots: Vec<Slot>,
    free: VecDeque<u32>,
    /// Slots issued for young objects since the last minor collection.
    pub young: Vec<u32>,
    pub live: usize,
    /// Tokens of `notify` slots freed because their object died.
    pub dead_notify: Vec<u64>,
}

impl HandleTable {
    pub(crate) fn new_handle(&mut self, obj: Value, young: bool) -> u64 {
        self.new_slot(obj, young, false)
    }

    pub(crate) fn new_slot(&mut self, obj: Value, young: bool, notify: bool) -> u64 {
        let idx = match self.free.pop_front() {
            Some(i) => i,
            None => {
                self.slots.push(Slot {
                    obj: Value::NULL,
                    gen: 0,
                    notify: false,
                });
                (self.slots.len() - 1) as u32
            }
        };
        let s = &mut self.slots[idx as usize];
        s.obj = obj;
        s.notify = notify;
        self.live += 1;
        if young {
            self.young.push(idx);
        }
        (((s.gen as u64) << 32) | (idx as u64 + 1)) << 4
    }

    /// The slot index a token designates, if it is live and of the current generation.
    pub(crate) fn decode(&self, token: u64) -> Option<usize> {
        if token & 0xF != 0 {
            return None;
        }
        let t = token >> 4;
        let low = (t & 0xFFFF_FFFF) as usize;
        let gen = t >> 32;
        if low == 0 || low > self.slots.len() || gen > GEN_MASK as u64 {
            return None;
        }
        let s = &self.slots[low - 1];
        if s.obj.is_null() || s.gen as u64 != gen {
            return None;
        }
        Some(low - 1)
    }

    #[inline]
    pub(crate) fn get(&self, token: u64) -> Option<Value> {
        self.decode(token).map(|i| self.slots[i].obj)
    }

    /// Frees the slot of an object that died (a collection's weak pass).
    pub(crate) fn free_slot(&mut self, idx: usize) {
        let s = &self.slots[idx];
        if !s.obj.is_null() && s.notify {
            let token = (((s.gen as u64) << 32) | (idx as u64 + 1)) << 4;
            self.dead_notify.push(token);
        }
        self.free_slot_quietly(idx)
    }

    fn free_slot_quietly(&mut self, idx: usize) {
        let s = &mut self.slots[idx];
        if s.obj.is_null() {
            return;
        }
        s.notify = false;
        s.obj = Value::NULL;
        s.gen = (s.gen + 1) & GEN_MASK;
        self.live -= 1;
        self.free.push_back(idx as u32);
    }

    pub(crate) fn release(&mut self, token: u64) {
        if let Some(i) = self.decode(token) {
            self.free_slot_quietly(i);
        }
    }

    /// Releases the slots that destructors asked to release ([`crate::release_handle_deferred`]).
    pub(crate) fn release_deferred(&mut self) {
        for t in take_deferred() {
            self.release(t);
        }
    }
}

thread_local! {
    static DEFERRED: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// For destructors (`drop_fn`), which cannot reach the heap: releases handle `token` at the end of
/// this thread's heap's current (or next) collection. A token whose object died first is already
/// free and is ignored (its generation no longer matches).
pub fn release_handle_deferred(token: u64) {
    DEFERRED.with(|d| d.borrow_mut().push(token));
}

fn take_deferred() -> Vec<u64> {
    DEFERRED.with(|d| std::mem::take(&mut *d.borrow_mut()))
}
