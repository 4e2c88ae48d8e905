//! pages.rs: the old space's page allocator. `PAGE_SIZE` pages are carved out of `CHUNK_SIZE` chunks
//! mmap'd at `CHUNK_SIZE` alignment (over-mapped once and trimmed), instead of one aligned malloc per
//! page: glibc's memalign leaves a free fragment on each side of every aligned block, and those fragments
//! kept the malloc arena about 1.5x the size of the pages in it (float_ops: 50 MB resident for 34 MB of
//! objects).
//!
//! Invariants:
//! - `chunks` is sorted by start address; every chunk is a live mapping of `CHUNK_SIZE` bytes;
//! - a page is in use iff its `block` entry is non-zero (the block size of its size class); in-use pages
//!   are never released or unmapped;
//! - `free` holds exactly the free pages of all chunks, sorted so that `pop` gives the lowest address
//!   (live pages gather in the low chunks and the high ones can empty and go back to the kernel);
//! - a page whose `touched` bit is clear is not resident (never written since it was mapped or since
//!   `release` gave it back with `MADV_DONTNEED`): it reads as zeros;
//! - nothing here dereferences an address outside the chunks (`block_of` is a binary search on the chunk
//!   list and a table read).
use crate::oldspace::PAGE_SIZE;

/// 1 MiB: 64 pages, one `u64` bitmap per chunk. Untouched pages are not resident, so a small heap pays
/// for the pages it uses, not for the chunk.
pub(crate) const CHUNK_SIZE: usize = 1 << 20;
pub(crate) const PAGES_PER_CHUNK: usize = CHUNK_SIZE / PAGE_SIZE;
const _: () = assert!(PAGES_PER_CHUNK == 64);

struct Chunk {
    start: usize,
    /// Block size of each page in use, 0 for a free page.
    block: [u16; PAGES_PER_CHUNK],
    /// Pages in use.
    used: u64,
    /// Pages that may be resident (written since they were mapped or last released).
    touched: u64,
}

#[derive(Default)]
pub(crate) struct PageAlloc {
    chunks: Vec<Chunk>,
    free: Vec<usize>,
    /// Pages given back to the kernel so far (MADV_DONTNEED or munmap of a free chunk), for tests/stats.
    pub released_pages: u64,
}

/// Maps `CHUNK_SIZE` bytes at a `CHUNK_SIZE`-aligned address; None when out of address space.
fn map_chunk() -> Option<usize> {
    let len = 2 * CHUNK_SIZE;
    let p = crate::os_mem::map(len)?;
    let start = (p + CHUNK_SIZE - 1) & !(CHUNK_SIZE - 1);
    // SAFETY: both pieces lie in the mapping just made and hold nothing (trimming the over-mapping).
    unsafe {
        if start > p {
            crate::os_mem::unmap(p, start - p);
        }
        let end = start + CHUNK_SIZE;
        if p + len > end {
            crate::os_mem::unmap(end, p + len - end);
        }
    }
    Some(start)
}

impl PageAlloc {
    fn chunk_index(&self, p: usize) -> Option<usize> {
        let start = p & !(CHUNK_SIZE - 1);
        self.chunks.binary_search_by_key(&start, |c| c.start).ok()
    }

    /// A free page for blocks of `block` bytes (its contents: zeros or garbage). None when out of memory.
    pub(crate) fn alloc(&mut self, block: usize) -> Option<usize> {
        debug_assert!(block > 0 && block <= u16::MAX as usize);
        if self.free.is_empty() {
            let start = map_chunk()?;
            let at = self.chunks.partition_point(|c| c.start < start);
            self.chunks.insert(
                at,
                Chunk {
                    start,
                    block: [0; PAGES_PER_CHUNK],
                    used: 0,
                    touched: 0,
                },
            );
            self.free
                .extend((0..PAGES_PER_CHUNK).rev().map(|i| start + i * PAGE_SIZE));
        }
        let p = self.free.pop()?;
        let ci = self.chunk_index(p).expect("free page outside the chunks");
        let c = &mut self.chunks[ci];
        let i = (p - c.start) / PAGE_SIZE;
        c.block[i] = block as u16;
        c.used |= 1 << i;
        c.touched |= 1 << i;
        Some(p)
    }

    /// Returns an in-use page to the free set. Call `finish_frees` after a batch (the free list is
    /// re-sorted there).
    pub(crate) fn free_page(&mut self, p: usize) {
        let ci = self.chunk_index(p).expect("free_page: not a heap page");
        let c = &mut self.chunks[ci];
        let i = (p - c.start) / PAGE_SIZE;
        debug_assert!(c.used & (1 << i) != 0, "free_page: page not in use");
        c.block[i] = 0;
        c.used &= !(1 << i);
        self.free.push(p);
    }

    /// Gives free pages back to the kernel until at most `keep` bytes of free pages stay resident:
    /// entirely free chunks first (unmapped, highest first), then single pages from the top (runs of
    /// them in one `madvise`). Re-sorts the free list.
    pub(crate) fn release(&mut self, keep: usize) {
        let keep_pages = keep / PAGE_SIZE;
        let mut resident: usize = self
            .chunks
            .iter()
            .map(|c| (c.touched & !c.used).count_ones() as usize)
            .sum();
        let mut ci = self.chunks.len();
        while resident > keep_pages && ci > 0 {
            ci -= 1;
            let c = &self.chunks[ci];
            if c.used == 0 {
                resident -= c.touched.count_ones() as usize;
                self.released_pages += c.touched.count_ones() as u64;
                // SAFETY: the chunk holds no page in use: nothing points into it.
                unsafe { crate::os_mem::unmap(c.start, CHUNK_SIZE) };
                self.chunks.remove(ci);
            }
        }
        let mut ci = self.chunks.len();
        while resident > keep_pages && ci > 0 {
            ci -= 1;
            let c = &mut self.chunks[ci];
            let mut i = PAGES_PER_CHUNK;
            while resident > keep_pages && i > 0 {
                i -= 1;
                let bit = 1u64 << i;
                if c.touched & !c.used & bit == 0 {
                    continue;
                }
                // A run of resident free pages ending at page i.
                let end = i + 1;
                let mut j = i;
                c.touched &= !bit;
                resident -= 1;
                while resident > keep_pages && j > 0 && c.touched & !c.used & (1 << (j - 1)) != 0 {
                    j -= 1;
                    c.touched &= !(1 << j);
                    resident -= 1;
                }
                self.released_pages += (end - j) as u64;
                // SAFETY: pages j..end of the chunk are free (no object in them); their contents are
                // dropped and they read as zeros afterwards.
                unsafe {
                    libc::madvise(
                        (c.start + j * PAGE_SIZE) as *mut libc::c_void,
                        (end - j) * PAGE_SIZE,
                        libc::MADV_DONTNEED,
                    )
                };
                i = j;
            }
        }
        self.finish_frees();
    }

    /// Rebuilds the free list from the chunk bitmaps (highest address first, so `pop` takes the lowest).
    pub(crate) fn finish_frees(&mut self) {
        self.free.clear();
        for c in self.chunks.iter().rev() {
            for i in (0..PAGES_PER_CHUNK).rev() {
                if c.used & (1 << i) == 0 {
                    self.free.push(c.start + i * PAGE_SIZE);
                }
            }
        }
    }

    /// The block size of the in-use page holding `p`, if any. Reads only the chunk table.
    pub(crate) fn block_of(&self, p: usize) -> Option<usize> {
        let c = &self.chunks[self.chunk_index(p)?];
        match c.block[(p - c.start) / PAGE_SIZE] {
            0 => None,
            b => Some(b as usize),
        }
    }

    /// Calls `f(page start, block size)` for every page in use, in address order.
    pub(crate) fn for_each_page(&self, mut f: impl FnMut(usize, usize)) {
        for c in &self.chunks {
            let mut used = c.used;
            while used != 0 {
                let i = used.trailing_zeros() as usize;
                used &= used - 1;
                f(c.start + i * PAGE_SIZE, c.block[i] as usize);
            }
        }
    }

    /// Pages in use.
    pub(crate) fn pages_in_use(&self) -> usize {
        self.chunks
            .iter()
            .map(|c| c.used.count_ones() as usize)
            .sum()
    }

    /// Free pages that may be resident.
    #[cfg(test)]
    pub(crate) fn resident_free_pages(&self) -> usize {
        self.chunks
            .iter()
            .map(|c| (c.touched & !c.used).count_ones() as usize)
            .sum()
    }

    /// Chunks mapped.
    #[cfg(test)]
    pub(crate) fn chunks(&self) -> usize {
        self.chunks.len()
    }
}

impl Drop for PageAlloc {
    fn drop(&mut self) {
        for c in &self.chunks {
            // SAFETY: mapped by map_chunk; the heap (and every object in it) is gone.
            unsafe { crate::os_mem::unmap(c.start, CHUNK_SIZE) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resident 4 KiB pages of `[p, p + len)` (mincore).
    fn resident(p: usize, len: usize) -> usize {
        let n = len.div_ceil(4096);
        let mut v = vec![0u8; n];
        // SAFETY: [p, p + len) is mapped; v has one byte per 4 KiB page.
        let r = unsafe { libc::mincore(p as *mut libc::c_void, len, v.as_mut_ptr()) };
        assert_eq!(r, 0);
        v.iter().filter(|&&b| b & 1 != 0).count()
    }

    fn touch(p: usize) {
        // SAFETY: p is a page of ours.
        unsafe { std::ptr::write_bytes(p as *mut u8, 0xAB, PAGE_SIZE) };
    }

    #[test]
    fn alloc_alignment_and_lookup() {
        let mut a = PageAlloc::default();
        let p = a.alloc(24).unwrap();
        assert_eq!(p % PAGE_SIZE, 0);
        assert_eq!(
            p % CHUNK_SIZE,
            0,
            "the first page is the lowest of its chunk"
        );
        let q = a.alloc(32).unwrap();
        assert_eq!(q, p + PAGE_SIZE, "lowest free page first");
        assert_eq!(a.block_of(p), Some(24));
        assert_eq!(a.block_of(p + PAGE_SIZE - 8), Some(24));
        assert_eq!(a.block_of(q), Some(32));
        // A free page of the chunk, and addresses just outside it.
        assert_eq!(a.block_of(p + 2 * PAGE_SIZE), None);
        assert_eq!(a.block_of(p.wrapping_sub(8)), None);
        assert_eq!(a.block_of(p + CHUNK_SIZE), None);
        assert_eq!(a.block_of(0), None);
        assert_eq!(a.block_of(usize::MAX & !7), None);
        assert_eq!(a.pages_in_use(), 2);
    }

    #[test]
    fn many_chunks_reuse_and_order() {
        let mut a = PageAlloc::default();
        let pages: Vec<usize> = (0..3 * PAGES_PER_CHUNK)
            .map(|_| a.alloc(16).unwrap())
            .collect();
        assert_eq!(a.chunks(), 3);
        let mut seen = pages.clone();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), pages.len(), "no page handed out twice");
        let mut order = Vec::new();
        a.for_each_page(|p, b| {
            assert_eq!(b, 16);
            order.push(p)
        });
        assert_eq!(order, seen, "for_each_page walks in address order");
        // Free every other page; they come back lowest first.
        for &p in pages.iter().step_by(2) {
            a.free_page(p);
        }
        a.finish_frees();
        let mut freed: Vec<usize> = pages.iter().step_by(2).copied().collect();
        freed.sort_unstable();
        for &want in &freed[..5] {
            assert_eq!(a.alloc(40).unwrap(), want);
            assert_eq!(
                a.block_of(want),
                Some(40),
                "a freed page serves another class"
            );
        }
        assert_eq!(a.chunks(), 3, "reuse maps nothing new");
    }

    #[test]
    fn release_gives_pages_back() {
        let mut a = PageAlloc::default();
        let pages: Vec<usize> = (0..2 * PAGES_PER_CHUNK)
            .map(|_| a.alloc(16).unwrap())
            .collect();
        for &p in &pages {
            touch(p);
        }
        let (first, second) = (pages[0], pages[PAGES_PER_CHUNK]);
        assert_eq!(first % CHUNK_SIZE, 0);
        assert_eq!(second % CHUNK_SIZE, 0);
        // Free the whole second chunk and half of the first one.
        for &p in &pages[PAGES_PER_CHUNK / 2..] {
            a.free_page(p);
        }
        a.finish_frees();
        assert_eq!(
            a.resident_free_pages(),
            PAGES_PER_CHUNK + PAGES_PER_CHUNK / 2
        );
        // Keep 4 pages resident: the free chunk is unmapped, then the top pages of the other one go.
        a.release(4 * PAGE_SIZE);
        assert_eq!(a.chunks(), 1, "the entirely free chunk is unmapped");
        assert_eq!(a.resident_free_pages(), 4);
        assert_eq!(a.block_of(second), None);
        let kept = PAGES_PER_CHUNK / 2 + 4;
        assert_eq!(
            resident(first, kept * PAGE_SIZE),
            kept * PAGE_SIZE / 4096,
            "pages in use and the kept free pages stay"
        );
        assert_eq!(
            resident(first + kept * PAGE_SIZE, CHUNK_SIZE - kept * PAGE_SIZE),
            0,
            "released pages are not resident"
        );
        // A released page reads as zeros and is handed out again (lowest first).
        let p = a.alloc(16).unwrap();
        assert_eq!(p, first + PAGES_PER_CHUNK / 2 * PAGE_SIZE);
        assert_eq!(a.chunks(), 1);
        a.release(0);
        assert_eq!(a.resident_free_pages(), 0);
        let q = a.alloc(16).unwrap();
        // SAFETY: q is a page of ours, PAGE_SIZE bytes long.
        let bytes = unsafe { std::slice::from_raw_parts(q as *const u8, PAGE_SIZE) };
        assert!(
            bytes.iter().all(|&b| b == 0),
            "a released page reads as zeros"
        );
        assert!(a.released_pages >= PAGES_PER_CHUNK as u64);
    }
}
