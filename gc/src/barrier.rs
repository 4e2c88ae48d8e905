//! barrier.rs: the slow path of the write barrier (the fast path, one flag test, is inlined in
//! `Heap::write_barrier`).
//!
//! Invariant: an old object is in `remembered` iff its `TRACK_YOUNG_PTRS` flag is clear (young objects never
//! carry the flag and are never remembered). The first barrier on an old object clears the flag and
//! pushes the object; later barriers cost a load and a test until the next minor collection, which traces
//! every remembered object and sets the flag again. Stored values are not tested (PyPy's choice): the code
//! stays small and a remembered object costs nothing more. No card marking: a large remembered array is
//! rescanned whole at the next minor collection.
use crate::{flags, GcHeader, Heap};

impl Heap {
    #[cold]
    #[inline(never)]
    pub(crate) fn remember(&mut self, p: usize) {
        // SAFETY: p is a live old object (only old objects carry TRACK_YOUNG_PTRS).
        unsafe { (*(p as *mut GcHeader)).flags &= !flags::TRACK_YOUNG_PTRS };
        self.remembered.push(p);
        let n = self.remembered.len() as u64;
        if n > self.stats.remembered_peak {
            self.stats.remembered_peak = n;
        }
    }
}
