//! oldspace.rs: the non-moving old generation (minimarkpage-style size classes).
//!
//! Objects of at most `SMALL_MAX` bytes live in `PAGE_SIZE` pages (from the chunk allocator, pages.rs),
//! each page cut into blocks of one size class (8-byte steps). Bigger objects are malloc'd one by one
//! ("medium", kept in a map for sweeping).
//! Invariants:
//! - every block of a page is either an object (valid header) or free (`tid == FREE_TID`, next free block
//!   address in its second word); free lists hold only free blocks of pages of their class;
//! - `alloc` does not zero (promotion overwrites the whole block); `alloc_zeroed` does;
//! - `bytes` is the sum of the sizes of the allocated blocks (small) and medium objects;
//! - `sweep` frees exactly the allocated objects without `VISITED`, after calling `on_dead` on each (while
//!   its bytes are intact), clears `VISITED` on the survivors, rebuilds the free lists in address order and
//!   returns entirely free pages to the page allocator (any size class may reuse them); `release_pages`
//!   (after the major collection computed its next trigger) gives the surplus back to the kernel.
use crate::pages::PageAlloc;
use crate::{flags, GcHeader, FREE_TID};
use std::alloc::{alloc, dealloc, Layout};
use std::collections::HashMap;

pub(crate) const PAGE_SIZE: usize = 16 << 10;
pub(crate) const SMALL_MAX: usize = 256;
const NCLASSES: usize = SMALL_MAX / 8 + 1;

pub(crate) struct OldSpace {
    free_lists: [usize; NCLASSES],
    pub(crate) pages: PageAlloc,
    /// medium object address -> size
    medium: HashMap<usize, usize>,
    pub bytes: usize,
}

#[inline(always)]
unsafe fn hdr(p: usize) -> *mut GcHeader {
    p as *mut GcHeader
}

impl OldSpace {
    pub(crate) fn new() -> OldSpace {
        OldSpace {
            free_lists: [0; NCLASSES],
            pages: PageAlloc::default(),
            medium: HashMap::new(),
            bytes: 0,
        }
    }

    fn medium_layout(size: usize) -> Layout {
        Layout::from_size_align(size, 16).unwrap()
    }

    #[cold]
    fn new_page(&mut self, class: usize) -> bool {
        let block = class * 8;
        let Some(p) = self.pages.alloc(block) else {
            return false;
        };
        let n = PAGE_SIZE / block;
        // Chain the blocks in address order onto the (empty) free list.
        let mut next = self.free_lists[class];
        for i in (0..n).rev() {
            let b = p + i * block;
            // SAFETY: b..b+block lies in the fresh page.
            unsafe {
                (*hdr(b)).tid = FREE_TID;
                (*hdr(b)).flags = 0;
                *((b + 8) as *mut usize) = next;
            }
            next = b;
        }
        self.free_lists[class] = next;
        true
    }

    /// A block of `size` bytes (a multiple of 8, >= 16), contents unspecified. None when out of memory.
    #[inline]
    pub(crate) fn alloc(&mut self, size: usize) -> Option<usize> {
        if size > SMALL_MAX {
            return self.alloc_medium(size);
        }
        let class = size / 8;
        if self.free_lists[class] == 0 && !self.new_page(class) {
            return None;
        }
        let b = self.free_lists[class];
        // SAFETY: free blocks hold their successor in their second word.
        self.free_lists[class] = unsafe { *((b + 8) as *const usize) };
        self.bytes += size;
        Some(b)
    }

    pub(crate) fn alloc_zeroed(&mut self, size: usize) -> Option<usize> {
        let b = self.alloc(size)?;
        // SAFETY: the block is `size` bytes long.
        unsafe { std::ptr::write_bytes(b as *mut u8, 0, size) };
        Some(b)
    }

    fn alloc_medium(&mut self, size: usize) -> Option<usize> {
        // SAFETY: non-zero size.
        let p = unsafe { alloc(Self::medium_layout(size)) } as usize;
        if p == 0 {
            return None;
        }
        self.medium.insert(p, size);
        self.bytes += size;
        Some(p)
    }

    /// Frees one block now (an unused shadow). `size` is the size it was allocated with.
    pub(crate) fn free(&mut self, p: usize, size: usize) {
        if size > SMALL_MAX {
            if self.medium.remove(&p).is_some() {
                // SAFETY: allocated by alloc_medium with this size.
                unsafe { dealloc(p as *mut u8, Self::medium_layout(size)) };
                self.bytes -= size;
            }
            return;
        }
        let class = size / 8;
        // SAFETY: p is an allocated block of this class.
        unsafe {
            (*hdr(p)).tid = FREE_TID;
            (*hdr(p)).flags = 0;
            *((p + 8) as *mut usize) = self.free_lists[class];
        }
        self.free_lists[class] = p;
        self.bytes -= size;
    }

    /// True if `p` is the start of an allocated (non-free) old-space object. Never dereferences an
    /// address outside the heap's own pages and medium objects.
    pub(crate) fn is_object(&self, p: usize) -> bool {
        if self.medium.contains_key(&p) {
            return true;
        }
        let page = p & !(PAGE_SIZE - 1);
        match self.pages.block_of(p) {
            Some(block) => {
                (p - page).is_multiple_of(block)
                    && (p - page) / block < PAGE_SIZE / block
                    // SAFETY: p is a block start inside one of our pages.
                    && unsafe { (*hdr(p)).tid != FREE_TID }
            }
            None => false,
        }
    }

    /// Classifies an address: Some((block start, is_free)) when it falls in an old-space block or medium object.
    pub(crate) fn find_block(&self, p: usize) -> Option<(usize, bool)> {
        let page = p & !(PAGE_SIZE - 1);
        if let Some(block) = self.pages.block_of(p) {
            let i = (p - page) / block;
            if i < PAGE_SIZE / block {
                let b = page + i * block;
                // SAFETY: b is a block start inside one of our pages.
                return Some((b, unsafe { (*hdr(b)).tid == FREE_TID }));
            }
            return None;
        }
        self.medium
            .iter()
            .find(|(&s, &n)| p >= s && p < s + n)
            .map(|(&s, _)| (s, false))
    }

    /// Calls `f` on every allocated object.
    pub(crate) fn for_each_object(&self, mut f: impl FnMut(usize)) {
        self.pages.for_each_page(|page, block| {
            for i in 0..PAGE_SIZE / block {
                let b = page + i * block;
                // SAFETY: block start inside our page.
                if unsafe { (*hdr(b)).tid } != FREE_TID {
                    f(b);
                }
            }
        });
        for &m in self.medium.keys() {
            f(m);
        }
    }

    /// Gives free pages back to the kernel beyond `keep` bytes of resident free pages.
    pub(crate) fn release_pages(&mut self, keep: usize) {
        self.pages.release(keep);
    }

    pub(crate) fn sweep(&mut self, mut on_dead: impl FnMut(*mut GcHeader)) -> usize {
        let before = self.bytes;
        self.free_lists = [0; NCLASSES];
        let mut empty = Vec::new();
        let mut tails = [0usize; NCLASSES];
        let mut pages: Vec<(usize, usize)> = Vec::with_capacity(self.pages.pages_in_use());
        self.pages.for_each_page(|p, b| pages.push((p, b)));
        for (page, block) in pages {
            let class = block / 8;
            let n = PAGE_SIZE / block;
            let (mut head, mut tail, mut live) = (0usize, 0usize, 0usize);
            for i in 0..n {
                let b = page + i * block;
                // SAFETY: block start inside our page; allocated blocks hold valid headers.
                unsafe {
                    let h = hdr(b);
                    if (*h).tid != FREE_TID {
                        if (*h).flags & flags::VISITED != 0 {
                            (*h).flags &= !flags::VISITED;
                            live += 1;
                            continue;
                        }
                        on_dead(h);
                        (*h).tid = FREE_TID;
                        (*h).flags = 0;
                        self.bytes -= block;
                    }
                    *((b + 8) as *mut usize) = 0;
                    if tail == 0 {
                        head = b;
                    } else {
                        *((tail + 8) as *mut usize) = b;
                    }
                    tail = b;
                }
            }
            if live == 0 {
                empty.push(page);
                continue;
            }
            if head != 0 {
                if tails[class] == 0 {
                    self.free_lists[class] = head;
                } else {
                    // SAFETY: tails[class] is a free block.
                    unsafe { *((tails[class] + 8) as *mut usize) = head };
                }
                tails[class] = tail;
            }
        }
        for page in empty {
            self.pages.free_page(page);
        }
        self.pages.finish_frees();
        let mut dead = Vec::new();
        for (&m, &size) in &self.medium {
            // SAFETY: medium objects hold valid headers.
            unsafe {
                let h = hdr(m);
                if (*h).flags & flags::VISITED != 0 {
                    (*h).flags &= !flags::VISITED;
                } else {
                    on_dead(h);
                    dead.push((m, size));
                }
            }
        }
        for (m, size) in dead {
            self.medium.remove(&m);
            // SAFETY: allocated by alloc_medium with this size.
            unsafe { dealloc(m as *mut u8, Self::medium_layout(size)) };
            self.bytes -= size;
        }
        before - self.bytes
    }
}

impl Drop for OldSpace {
    fn drop(&mut self) {
        for (&m, &size) in &self.medium {
            // SAFETY: allocated by alloc_medium.
            unsafe { dealloc(m as *mut u8, Self::medium_layout(size)) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::CHUNK_SIZE;

    fn new_obj(o: &mut OldSpace, size: usize) -> usize {
        let p = o.alloc(size).unwrap();
        // SAFETY: p is a fresh block of `size` bytes.
        unsafe {
            (*hdr(p)).tid = 1;
            (*hdr(p)).flags = 0;
        }
        p
    }

    #[test]
    fn is_object_on_page_and_chunk_boundaries() {
        let mut o = OldSpace::new();
        // 24-byte blocks: 682 per page (16 bytes left over at the end of each), three chunks' worth.
        let per_page = PAGE_SIZE / 24;
        let n = 3 * (CHUNK_SIZE / PAGE_SIZE) * per_page;
        let objs: Vec<usize> = (0..n).map(|_| new_obj(&mut o, 24)).collect();
        assert_eq!(o.bytes, n * 24);
        let chunk_starts: Vec<usize> = objs
            .iter()
            .copied()
            .filter(|p| p % CHUNK_SIZE == 0)
            .collect();
        assert_eq!(
            chunk_starts.len(),
            3,
            "each chunk's first block is an object"
        );
        for &c in &chunk_starts {
            assert!(o.is_object(c));
            assert_eq!(o.find_block(c + 8), Some((c, false)));
            // The last block of the chunk's last page, and the unused tail after it.
            let last_page = c + CHUNK_SIZE - PAGE_SIZE;
            let last = last_page + (per_page - 1) * 24;
            assert!(o.is_object(last));
            assert!(
                !o.is_object(last + 24),
                "the page's leftover tail is not a block"
            );
            assert_eq!(o.find_block(last + 24), None);
            // Just before the chunk (the leftover tail of a page of ours, or not ours) and just inside
            // the next one (not a block start): neither is an object.
            assert!(!o.is_object(c.wrapping_sub(8)));
            assert!(!o.is_object(c + CHUNK_SIZE + 8));
        }
        assert!(!o.is_object(0));
        assert!(!o.is_object(usize::MAX & !7));
        assert!(!o.is_object(objs[5] + 8), "inside an object");
        o.free(objs[7], 24);
        assert!(!o.is_object(objs[7]), "a free block");
        assert_eq!(o.find_block(objs[7]), Some((objs[7], true)));
    }

    #[test]
    fn sweep_returns_pages_for_reuse_and_to_the_kernel() {
        let mut o = OldSpace::new();
        let n = 2 * (CHUNK_SIZE / PAGE_SIZE) * (PAGE_SIZE / 32);
        let objs: Vec<usize> = (0..n).map(|_| new_obj(&mut o, 32)).collect();
        let pages_before = o.pages.pages_in_use();
        assert_eq!(pages_before, 2 * CHUNK_SIZE / PAGE_SIZE);
        // Keep the first tenth alive.
        let keep = n / 10;
        for &p in &objs[..keep] {
            // SAFETY: live block with a header.
            unsafe { (*hdr(p)).flags |= flags::VISITED };
        }
        let mut dead = 0;
        let freed = o.sweep(|_| dead += 1);
        assert_eq!(dead, n - keep);
        assert_eq!(freed, (n - keep) * 32);
        assert_eq!(o.bytes, keep * 32);
        let in_use = o.pages.pages_in_use();
        assert!(
            in_use <= keep.div_ceil(PAGE_SIZE / 32) + 1,
            "{in_use} pages in use"
        );
        for &p in &objs[..keep] {
            assert!(o.is_object(p));
            // SAFETY: live block.
            assert_eq!(unsafe { (*hdr(p)).flags } & flags::VISITED, 0);
        }
        assert!(!o.is_object(objs[n - 1]), "its page is free");
        assert_eq!(o.find_block(objs[n - 1]), None);
        // Everything beyond a page or two goes back to the kernel.
        o.release_pages(2 * PAGE_SIZE);
        assert!(o.pages.resident_free_pages() <= 2);
        assert!(o.pages.released_pages > 0);
        // The freed pages serve another size class, and no more chunks are mapped than before.
        let chunks = o.pages.chunks();
        let more: Vec<usize> = (0..n / 4).map(|_| new_obj(&mut o, 48)).collect();
        assert!(o.pages.chunks() <= chunks.max(2));
        for &p in &more {
            assert!(o.is_object(p));
            assert_eq!(p % 16, 0);
        }
    }
}
