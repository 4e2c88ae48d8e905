//! nursery.rs: the nursery buffers (bump allocation itself is inlined in `Heap::alloc`).
//!
//! Invariants:
//! - the nursery is not kept zeroed: `Heap::alloc` zeroes each object as it hands it out (its cache
//!   lines are written then anyway; zeroing the whole used nursery after every minor collection was a
//!   second pass over memory, 7% of the instructions of an allocation-heavy script);
//! - after a minor collection the used part `[start, free)` is left as it is (normal mode) or, in debug /
//!   stress / verify mode, poisoned with `0xDB` and retired: the next buffer in the rotation becomes current.
//!   Resetting costs O(bytes used) at most, not O(nursery size), which keeps stress mode (a collection per
//!   allocation) cheap;
//! - buffers never move or get freed before the heap is dropped, so `is_retired` is a plain range check;
//! - moving stress mode (`GcConfig::age`) flips instead of resetting: `begin_flip` makes the next buffer
//!   current *before* the collection copies survivors into it, `end_flip` then
//!   poisons the evacuated one. Survivors fit: they are at most the evacuated buffer's used bytes.
//! - pinned objects (pin.rs) pin their buffer: `clear_except` clears around them without rotating;
//!   the poison it leaves in debug/stress mode is zeroed by the allocator object by object;
//! - buffers are anonymous mmap'd pages: zero without a memset and not resident until first touched
//!   (start-up does not pay for zeroing the whole nursery, and a small script's RSS stays small).
use crate::POISON_BYTE;
use std::alloc::Layout;

struct Buf {
    start: usize,
}

pub(crate) struct Nursery {
    bufs: Vec<Buf>,
    cur: usize,
    pub size: usize,
    pub poison: bool,
}

impl Nursery {
    /// `rotate` buffers (>= 1), each `size` bytes, zeroed.
    pub(crate) fn new(size: usize, rotate: usize, poison: bool) -> Nursery {
        let layout = Layout::from_size_align(size, 4096).expect("nursery layout");
        let bufs = (0..rotate.max(1))
            .map(|_| {
                // page-aligned and zero-filled by the kernel; unmapped only in Drop
                let Some(p) = crate::os_mem::map(size) else {
                    std::alloc::handle_alloc_error(layout);
                };
                Buf { start: p }
            })
            .collect();
        Nursery {
            bufs,
            cur: 0,
            size,
            poison,
        }
    }

    #[inline(always)]
    pub(crate) fn start(&self) -> usize {
        self.bufs[self.cur].start
    }

    /// Empties the current buffer, whose used part is `[start, free)`. Returns the new current start.
    pub(crate) fn reset(&mut self, free: usize) -> usize {
        let n = self.bufs.len();
        let b = &mut self.bufs[self.cur];
        let used = free - b.start;
        if self.poison {
            // SAFETY: [start, free) lies inside the buffer.
            unsafe { std::ptr::write_bytes(b.start as *mut u8, POISON_BYTE, used) };
            self.cur = (self.cur + 1) % n;
        }
        self.start()
    }

    /// Pinned objects stay in the current buffer (pin.rs): in debug/stress mode, poisons `[start, end)`
    /// except the `keep` ranges (sorted, disjoint), without rotating. (Normal mode leaves the dead
    /// objects as they are: allocation zeroes.)
    pub(crate) fn clear_except(&mut self, start: usize, end: usize, keep: &[(usize, usize)]) {
        if !self.poison {
            return;
        }
        let mut at = start;
        for &(s, e) in keep.iter().chain(std::iter::once(&(end, end))) {
            if s > at {
                // SAFETY: [at, s) lies inside the current buffer and holds no kept object.
                unsafe { std::ptr::write_bytes(at as *mut u8, POISON_BYTE, s - at) };
            }
            at = at.max(e);
        }
    }

    /// Moving stress mode: makes the next buffer in the rotation current (the to-space of a copying
    /// collection) and returns its start. The previous buffer stays readable until `end_flip`.
    pub(crate) fn begin_flip(&mut self) -> usize {
        debug_assert!(self.poison && self.bufs.len() >= 2);
        self.cur = (self.cur + 1) % self.bufs.len();
        self.bufs[self.cur].start
    }

    /// Moving stress mode: poisons the evacuated buffer, whose used part was `[from_start, from_free)`.
    pub(crate) fn end_flip(&mut self, from_start: usize, from_free: usize) {
        assert!(
            self.bufs.iter().any(|b| b.start == from_start),
            "end_flip: not a nursery buffer"
        );
        // SAFETY: [from_start, from_free) lies inside that buffer.
        unsafe {
            std::ptr::write_bytes(from_start as *mut u8, POISON_BYTE, from_free - from_start)
        };
    }

    /// Start addresses of the retired buffers.
    pub(crate) fn retired_starts(&self) -> Vec<usize> {
        self.bufs
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != self.cur)
            .map(|(_, b)| b.start)
            .collect()
    }

    /// True if `p` lies in a buffer that is not the current one (a stale reference).
    #[inline]
    pub(crate) fn is_retired(&self, p: usize) -> bool {
        self.bufs
            .iter()
            .enumerate()
            .any(|(i, b)| i != self.cur && p.wrapping_sub(b.start) < self.size)
    }
}

impl Drop for Nursery {
    fn drop(&mut self) {
        for b in &self.bufs {
            // SAFETY: mapped in `new` with this size; nothing points into it once the heap is dropped.
            unsafe { crate::os_mem::unmap(b.start, self.size) };
        }
    }
}
