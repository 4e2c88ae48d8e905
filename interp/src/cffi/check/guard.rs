//! Check-mode memory for `ffi.new`: one anonymous mapping per allocation, laid out as
//! `[slack][object][PROT_NONE guard page]` so that the object's last byte touches the guard page (a
//! write one byte past the end of a `char[]` faults). When the owning cdata dies the mapping is not
//! unmapped but mprotect'ed PROT_NONE and kept in a quarantine (capped at [`QUARANTINE_BYTES`] /
//! [`QUARANTINE_MAPS`]; past the cap the oldest is unmapped), so a late access faults too.
//!
//! The registry is a fixed table of [`Entry`] in one mapping made at the first checked allocation
//! and never freed: the signal handler (signal.rs) reads it without locking or allocating. Entries
//! are written in normal context under [`STATE`]'s lock; `state` is stored last (Release) and read
//! first (Acquire), so the handler never trusts a half-written entry's addresses. Text fields are
//! fixed-size byte arrays (truncated), never pointers to Rust heap memory.
//!
//! GC invariants: no `Value` anywhere; [`retire`] runs inside the collector (a cdata destructor, R7)
//! and only does syscalls and plain bookkeeping.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicPtr, AtomicU32, AtomicUsize, Ordering};
use std::sync::Mutex;

/// Registry capacity: checked allocations alive or quarantined at once (past it, ffi.new falls
/// back to unchecked memory).
pub(super) const SLOTS: usize = 1 << 15;
/// Quarantine caps: mapped bytes, and mappings (each is a kernel VMA; `vm.max_map_count` is ~65k).
const QUARANTINE_BYTES: usize = 64 << 20;
const QUARANTINE_MAPS: usize = 16 << 10;
const NAME_CAP: usize = 64;
const FILE_CAP: usize = 200;

pub(super) const FREE: u32 = 0;
pub(super) const LIVE: u32 = 1;
pub(super) const DEAD: u32 = 2;

/// One checked allocation, as the signal handler sees it.
#[repr(C)]
pub(super) struct Entry {
    pub state: AtomicU32,
    pub line: u32,
    pub map_base: usize,
    pub map_len: usize,
    /// The object's first byte and its size (the guard page starts at `user + rounded size`).
    pub user: usize,
    pub size: usize,
    pub guard: usize,
    /// Collection number (gc::collections_started) when the owner died.
    pub died_at: u64,
    pub name_len: usize,
    pub name: [u8; NAME_CAP],
    pub file_len: usize,
    pub file: [u8; FILE_CAP],
}

/// The entry table (null until the first checked allocation), and how many entries were ever used.
pub(super) static TABLE: AtomicPtr<Entry> = AtomicPtr::new(std::ptr::null_mut());
pub(super) static USED: AtomicUsize = AtomicUsize::new(0);

#[derive(Default)]
struct State {
    free: Vec<usize>,
    quarantine: VecDeque<usize>,
    quarantined_bytes: usize,
    failed: bool,
}

static STATE: Mutex<Option<State>> = Mutex::new(None);

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 {
        p as usize
    } else {
        4096
    }
}

/// Maps the table and installs the signal handler, once. False if that failed.
fn init(st: &mut State) -> bool {
    if !TABLE.load(Ordering::Acquire).is_null() {
        return true;
    }
    if st.failed {
        return false;
    }
    let bytes = SLOTS * std::mem::size_of::<Entry>();
    // SAFETY: a fresh anonymous mapping; zero-filled, so every entry starts FREE.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            bytes,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED || !super::signal::install() {
        st.failed = true;
        eprintln!(
            "minipy: MINIPY_FFI_CHECK: cannot set up the checker; ffi.new memory is unchecked"
        );
        return false;
    }
    TABLE.store(p as *mut Entry, Ordering::Release);
    true
}

/// A free entry index: a recycled one, a never used one, or the oldest quarantined one.
fn take_slot(st: &mut State) -> Option<usize> {
    if let Some(i) = st.free.pop() {
        return Some(i);
    }
    let used = USED.load(Ordering::Relaxed);
    if used < SLOTS {
        USED.store(used + 1, Ordering::Release);
        return Some(used);
    }
    evict_oldest(st)?;
    st.free.pop()
}

/// Entry `i` of the table. Callers pass an index from `take_slot` (< SLOTS) after `init` mapped it.
fn entry(i: usize) -> *mut Entry {
    // wrapping_add: plain address arithmetic; the callers' contract makes it in bounds
    TABLE.load(Ordering::Acquire).wrapping_add(i)
}

fn copy_text(dst: &mut [u8], src: &str) -> usize {
    let n = src.len().min(dst.len());
    dst[..n].copy_from_slice(&src.as_bytes()[..n]);
    n
}

/// Zeroed checked memory for `size` bytes aligned to `align`, owned by a cdata of C type `name`
/// made at `file:line`. Returns the object's address and the registry slot, or None (the caller
/// falls back to unchecked memory).
pub fn alloc(
    size: usize,
    align: usize,
    name: &str,
    file: &str,
    line: u32,
) -> Option<(*mut u8, usize)> {
    let mut g = STATE.lock().unwrap_or_else(|e| e.into_inner());
    let st = g.get_or_insert_with(State::default);
    if !init(st) {
        return None;
    }
    let page = page_size();
    let align = align.clamp(1, page);
    let rounded = size.max(1).checked_add(align - 1)? / align * align;
    let data_pages = rounded.div_ceil(page);
    let map_len = (data_pages + 1) * page;
    let slot = take_slot(st)?;
    // SAFETY: a fresh anonymous mapping (zero-filled); its last page becomes the guard.
    let base = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            map_len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if base == libc::MAP_FAILED {
        st.free.push(slot);
        return None;
    }
    let base = base as usize;
    let guard = base + data_pages * page;
    // SAFETY: the guard page lies inside the mapping just made.
    if unsafe { libc::mprotect(guard as *mut libc::c_void, page, libc::PROT_NONE) } != 0 {
        // SAFETY: unmapping what was just mapped.
        unsafe { libc::munmap(base as *mut libc::c_void, map_len) };
        st.free.push(slot);
        return None;
    }
    let user = guard - rounded;
    // SAFETY: slot < SLOTS; the entry is FREE, so the signal handler ignores it while it is filled.
    unsafe {
        let e = &mut *entry(slot);
        e.line = line;
        e.map_base = base;
        e.map_len = map_len;
        e.user = user;
        e.size = size;
        e.guard = guard;
        e.died_at = 0;
        e.name_len = copy_text(&mut e.name, name);
        e.file_len = copy_text(&mut e.file, file);
        e.state.store(LIVE, Ordering::Release);
    }
    Some((user as *mut u8, slot))
}

/// The owner of checked slot `slot` died: make its memory inaccessible and quarantine it.
pub fn retire(slot: usize) {
    let mut g = STATE.lock().unwrap_or_else(|e| e.into_inner());
    let Some(st) = g.as_mut() else {
        return;
    };
    // SAFETY: slot came from `alloc` (so the table is mapped) and is LIVE: only its owner retires it.
    let (base, len) = unsafe {
        let e = &mut *entry(slot);
        e.died_at = gc::collections_started();
        (e.map_base, e.map_len)
    };
    // SAFETY: the whole mapping belongs to this slot; nothing may use it any more.
    unsafe { libc::mprotect(base as *mut libc::c_void, len, libc::PROT_NONE) };
    // SAFETY: as above.
    unsafe { (*entry(slot)).state.store(DEAD, Ordering::Release) };
    st.quarantine.push_back(slot);
    st.quarantined_bytes += len;
    while st.quarantined_bytes > QUARANTINE_BYTES || st.quarantine.len() > QUARANTINE_MAPS {
        if evict_oldest(st).is_none() {
            break;
        }
    }
}

/// Unmaps the oldest quarantined allocation and frees its entry.
fn evict_oldest(st: &mut State) -> Option<()> {
    let slot = st.quarantine.pop_front()?;
    // SAFETY: quarantined slots are DEAD entries of the mapped table.
    let (base, len) = unsafe {
        let e = &*entry(slot);
        e.state.store(FREE, Ordering::Release);
        (e.map_base, e.map_len)
    };
    // SAFETY: the mapping was made by `alloc` and is no longer registered.
    unsafe { libc::munmap(base as *mut libc::c_void, len) };
    st.quarantined_bytes -= len;
    st.free.push(slot);
    Some(())
}
