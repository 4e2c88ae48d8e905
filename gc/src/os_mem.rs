//! os_mem.rs: the heap's memory straight from the kernel (the nursery buffers, old-space chunks, big
//! large objects): private anonymous mappings, which are page-aligned, read as zeros and are not
//! resident until written.
//!
//! Invariant: every address returned by `map` is unmapped at most once, with `unmap` and a range
//! inside what `map` returned (trimming an over-mapping unmaps its unused ends).

/// Maps `len` bytes (a non-zero multiple of the page size); None when out of address space.
pub(crate) fn map(len: usize) -> Option<usize> {
    // SAFETY: a fresh private anonymous mapping (no file, no fixed address): it aliases nothing.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    (p != libc::MAP_FAILED).then_some(p as usize)
}

/// Unmaps `[p, p + len)`.
///
/// # Safety
/// The range lies in a mapping made by `map` that was not unmapped, and nothing uses it afterwards.
pub(crate) unsafe fn unmap(p: usize, len: usize) {
    // SAFETY: the caller's contract.
    unsafe { libc::munmap(p as *mut libc::c_void, len) };
}
