//! large.rs: large objects (>= min(128 KiB, nursery/8)), malloc'd one by one, never moved.
//!
//! Invariants:
//! - every large object has the `LARGE` flag; those allocated by `Heap::alloc` since the last minor
//!   collection are in `young` with `YOUNG_LARGE` set and `TRACK_YOUNG_PTRS` clear (they are traced when a
//!   minor collection reaches them, like nursery objects, and freed by it when it does not);
//! - `old` holds the others; `sizes` maps every large object (young or old) to its size;
//! - `young_bytes`/`old_bytes` are the sums of the sizes in each list.
use std::alloc::{alloc_zeroed, dealloc, Layout};
use std::collections::HashMap;

#[derive(Default)]
pub(crate) struct LargeSpace {
    pub young: Vec<usize>,
    pub old: Vec<usize>,
    pub sizes: HashMap<usize, usize>,
    pub young_bytes: usize,
    pub old_bytes: usize,
}

fn layout(size: usize) -> Layout {
    Layout::from_size_align(size, 16).unwrap()
}

impl LargeSpace {
    /// A zeroed block of `size` bytes; None when out of memory.
    pub(crate) fn alloc(&mut self, size: usize, young: bool) -> Option<usize> {
        let l = Layout::from_size_align(size, 16).ok()?;
        // SAFETY: non-zero size.
        let p = unsafe { alloc_zeroed(l) } as usize;
        if p == 0 {
            return None;
        }
        self.sizes.insert(p, size);
        if young {
            self.young.push(p);
            self.young_bytes += size;
        } else {
            self.old.push(p);
            self.old_bytes += size;
        }
        Some(p)
    }

    /// Releases a block (already removed from `young`/`old` by the caller); returns its size.
    pub(crate) fn release(&mut self, p: usize) -> usize {
        let size = self.sizes.remove(&p).expect("large object not registered");
        // SAFETY: allocated by `alloc` with this size.
        unsafe { dealloc(p as *mut u8, layout(size)) };
        size
    }

    #[inline]
    pub(crate) fn contains(&self, p: usize) -> bool {
        self.sizes.contains_key(&p)
    }

    pub(crate) fn find(&self, p: usize) -> Option<usize> {
        self.sizes
            .iter()
            .find(|(&s, &n)| p >= s && p < s + n)
            .map(|(&s, _)| s)
    }
}

impl Drop for LargeSpace {
    fn drop(&mut self) {
        for (&p, &size) in &self.sizes {
            // SAFETY: allocated by `alloc` with this size.
            unsafe { dealloc(p as *mut u8, layout(size)) };
        }
    }
}
