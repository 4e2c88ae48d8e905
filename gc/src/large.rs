//! large.rs: large objects (>= min(128 KiB, nursery/8)), malloc'd one by one, never moved.
//!
//! Invariants:
//! - every large object has the `LARGE` flag; those allocated by `Heap::alloc` since the last minor
//!   collection are in `young` with `YOUNG_LARGE` set and `TRACK_YOUNG_PTRS` clear (they are traced when a
//!   minor collection reaches them, like nursery objects, and freed by it when it does not);
//! - `old` holds the others; `sizes` maps every large object (young or old) to its size;
//! - `young_bytes`/`old_bytes` are the sums of the sizes in each list;
//! - a carded object (cards.rs) has `prefixes[p]` bytes of card table before `p`: its block starts at
//!   `p - prefix` and is `prefix + size` bytes long (other objects are absent from `prefixes`).
use std::alloc::{alloc_zeroed, dealloc, Layout};
use std::collections::HashMap;

#[derive(Default)]
pub(crate) struct LargeSpace {
    pub young: Vec<usize>,
    pub old: Vec<usize>,
    pub sizes: HashMap<usize, usize>,
    pub prefixes: HashMap<usize, usize>,
    pub young_bytes: usize,
    pub old_bytes: usize,
}

fn layout(size: usize) -> Layout {
    Layout::from_size_align(size, 16).unwrap()
}

impl LargeSpace {
    /// A zeroed object of `size` bytes after `prefix` zeroed bytes (a card table, a multiple of 16);
    /// returns the object's address; None when out of memory.
    pub(crate) fn alloc(&mut self, size: usize, young: bool, prefix: usize) -> Option<usize> {
        let l = Layout::from_size_align(size.checked_add(prefix)?, 16).ok()?;
        // SAFETY: non-zero size.
        let b = unsafe { alloc_zeroed(l) } as usize;
        if b == 0 {
            return None;
        }
        let p = b + prefix;
        self.sizes.insert(p, size);
        if prefix != 0 {
            self.prefixes.insert(p, prefix);
        }
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
        let prefix = self.prefixes.remove(&p).unwrap_or(0);
        // SAFETY: allocated by `alloc` with this size and prefix.
        unsafe { dealloc((p - prefix) as *mut u8, layout(size + prefix)) };
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
            let prefix = self.prefixes.get(&p).copied().unwrap_or(0);
            // SAFETY: allocated by `alloc` with this size and prefix.
            unsafe { dealloc((p - prefix) as *mut u8, layout(size + prefix)) };
        }
    }
}
