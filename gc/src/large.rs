//! large.rs: large objects (>= min(128 KiB, nursery/8)), allocated one by one, never moved.
//! Blocks of at least `MMAP_MIN` bytes are mmap'd and munmap'd by us, not left to malloc: glibc raises
//! its mmap threshold to the size of every mmap'd block it frees, so the next large blocks land in the
//! arena and stay resident there after they die (dict_str: several 2.3 MB strings, 3 MB of peak RSS).
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

/// Blocks (card table included) of this size or more are mapped directly.
pub(crate) const MMAP_MIN: usize = 64 << 10;

/// glibc's malloc serves blocks of this size or more with their own mapping (`M_MMAP_THRESHOLD`).
pub const MALLOC_MMAP_THRESHOLD: usize = 256 << 10;

/// Fixes glibc's mmap threshold for the whole process (idempotent). Its default is adaptive: every
/// freed mmap'd block raises the threshold to its size, after which the client's big temporary buffers
/// (a 2.3 MB string built in Rust, then copied into the heap) land in the arena and keep it resident
/// after they are freed (dict_str: 0.8 MB of peak RSS). Measured neutral on the bench/ times. A
/// process-wide setting: the `minipy` binary calls it at start-up; `Heap::new` does not, so a program
/// embedding the heap keeps its own malloc tuning.
pub fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: mallopt only changes a malloc parameter; called before this heap allocates.
        ONCE.call_once(|| unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MALLOC_MMAP_THRESHOLD as libc::c_int);
        });
    }
}

/// A zeroed block of `total` bytes (16-aligned); 0 when out of memory.
fn block_alloc(total: usize) -> usize {
    if total >= MMAP_MIN {
        // page-aligned and zero-filled by the kernel
        return crate::os_mem::map(total).unwrap_or(0);
    }
    match Layout::from_size_align(total, 16) {
        // SAFETY: non-zero size.
        Ok(l) => unsafe { alloc_zeroed(l) as usize },
        Err(_) => 0,
    }
}

/// Frees a block made by `block_alloc(total)`.
///
/// # Safety
/// `b` came from `block_alloc(total)` and is not used afterwards.
unsafe fn block_free(b: usize, total: usize) {
    if total >= MMAP_MIN {
        // SAFETY: the caller's contract: a mapping of `total` bytes made by block_alloc.
        unsafe { crate::os_mem::unmap(b, total) };
    } else {
        // SAFETY: the caller's contract: allocated with this layout.
        unsafe { dealloc(b as *mut u8, layout(total)) };
    }
}

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
        let b = block_alloc(size.checked_add(prefix)?);
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
        unsafe { block_free(p - prefix, size + prefix) };
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
            unsafe { block_free(p - prefix, size + prefix) };
        }
    }
}
