//! Check mode's SIGSEGV/SIGBUS handler (installed by guard.rs at the first checked allocation, on
//! an alternate signal stack so a fault on a full stack still reports). On a fault inside a checked
//! mapping it writes a report to stderr, then restores the default action and re-raises, so the
//! process still dies by the signal. Any other fault goes to the handler that was there before
//! (Rust's stack-overflow detector, or the default action).
//!
//! Async-signal safety: the handler allocates nothing, takes no lock, formats into a stack buffer
//! and writes it with `write(2)`; it reads the registry only through guard.rs's published table
//! (entries whose `state` says LIVE or DEAD). No `Value`s, no GC interaction.

use super::guard::{Entry, DEAD, FREE, LIVE, TABLE, USED};
use std::cell::UnsafeCell;
use std::mem::MaybeUninit;
use std::sync::atomic::Ordering;

const ALT_STACK: usize = 64 << 10;

/// The actions replaced for SIGSEGV and SIGBUS, written once by `install` before the handler can run.
struct Saved(UnsafeCell<[MaybeUninit<libc::sigaction>; 2]>);
// SAFETY: written once before our handler is installed, only read afterwards.
unsafe impl Sync for Saved {}
static OLD: Saved = Saved(UnsafeCell::new([MaybeUninit::uninit(); 2]));

const SIGNALS: [libc::c_int; 2] = [libc::SIGSEGV, libc::SIGBUS];

/// Installs the handler (with an alternate stack for this thread). False on failure.
pub(super) fn install() -> bool {
    // SAFETY: plain syscalls on fresh, owned memory; OLD is written before the handler exists.
    unsafe {
        let stack = libc::mmap(
            std::ptr::null_mut(),
            ALT_STACK,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
            -1,
            0,
        );
        if stack == libc::MAP_FAILED {
            return false;
        }
        let ss = libc::stack_t {
            ss_sp: stack,
            ss_flags: 0,
            ss_size: ALT_STACK,
        };
        if libc::sigaltstack(&ss, std::ptr::null_mut()) != 0 {
            return false;
        }
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler as *const () as usize;
        sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
        libc::sigemptyset(&mut sa.sa_mask);
        let old = &mut *OLD.0.get();
        for (i, sig) in SIGNALS.iter().enumerate() {
            if libc::sigaction(*sig, &sa, old[i].as_mut_ptr()) != 0 {
                return false;
            }
        }
    }
    true
}

/// A fixed buffer the report is formatted into (no allocation).
struct Buf {
    b: [u8; 1024],
    n: usize,
}

impl Buf {
    fn s(&mut self, s: &[u8]) -> &mut Self {
        let k = s.len().min(self.b.len() - self.n);
        self.b[self.n..self.n + k].copy_from_slice(&s[..k]);
        self.n += k;
        self
    }
    fn dec(&mut self, mut v: u64) -> &mut Self {
        let mut d = [0u8; 20];
        let mut i = d.len();
        loop {
            i -= 1;
            d[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.s(&d[i..])
    }
    fn hex(&mut self, mut v: u64) -> &mut Self {
        let mut d = [0u8; 16];
        let mut i = d.len();
        loop {
            i -= 1;
            d[i] = b"0123456789abcdef"[(v & 15) as usize];
            v >>= 4;
            if v == 0 {
                break;
            }
        }
        self.s(b"0x").s(&d[i..])
    }
}

/// The registry entry whose mapping contains `addr`.
fn lookup(addr: usize) -> Option<&'static Entry> {
    let t = TABLE.load(Ordering::Acquire);
    if t.is_null() {
        return None;
    }
    let used = USED.load(Ordering::Acquire);
    (0..used).find_map(|i| {
        // SAFETY: the table holds SLOTS entries and used <= SLOTS; it is never unmapped.
        let e = unsafe { &*t.add(i) };
        let st = e.state.load(Ordering::Acquire);
        (st != FREE && addr >= e.map_base && addr - e.map_base < e.map_len).then_some(e)
    })
}

fn report(sig: libc::c_int, addr: usize, e: &Entry) {
    let mut b = Buf { b: [0; 1024], n: 0 };
    let dead = e.state.load(Ordering::Acquire) == DEAD;
    let signame: &[u8] = if sig == libc::SIGBUS {
        b"SIGBUS"
    } else {
        b"SIGSEGV"
    };
    b.s(b"\n==minipy FFI check== ")
        .s(signame)
        .s(b": invalid access at ")
        .hex(addr as u64)
        .s(b"\n  ");
    let end = e.user + e.size;
    let what: &[u8] = match (dead, addr >= end, addr < e.user) {
        (true, _, _) => b"use after free: the memory's owner died",
        (false, true, _) => b"buffer overflow: access past the end of the object",
        (false, _, true) => b"buffer underflow: access before the start of the object",
        _ => b"access to live checked memory", // not expected: the object's pages are accessible
    };
    b.s(what).s(b"\n  ").hex(addr as u64).s(b" is at offset ");
    if addr < e.user {
        b.s(b"-").dec((e.user - addr) as u64);
    } else {
        b.dec((addr - e.user) as u64);
    }
    b.s(b" of the ");
    b.dec(e.size as u64).s(b" bytes owned by cdata '");
    b.s(&e.name[..e.name_len.min(e.name.len())])
        .s(b"' at ")
        .hex(e.user as u64)
        .s(b"\n");
    if addr < e.user && e.user - addr < 64 {
        b.s(b"  (C string and memory functions read in aligned blocks that may start before the object)\n");
    }
    b.s(b"  allocated by ffi.new() at ");
    b.s(&e.file[..e.file_len.min(e.file.len())])
        .s(b":")
        .dec(e.line as u64)
        .s(b"\n");
    if dead {
        b.s(b"  freed: its owner died at GC collection #")
            .dec(e.died_at)
            .s(b" (the memory is quarantined, PROT_NONE)\n");
    } else {
        b.s(b"  the owner is still alive\n");
    }
    // SAFETY: writing an initialized buffer to fd 2 (async-signal-safe).
    unsafe { libc::write(2, b.b.as_ptr() as *const libc::c_void, b.n) };
}

extern "C" fn handler(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo for SA_SIGINFO handlers.
    let addr = unsafe { (*info).si_addr() } as usize;
    let idx = if sig == libc::SIGBUS { 1 } else { 0 };
    match lookup(addr) {
        Some(e) if matches!(e.state.load(Ordering::Acquire), LIVE | DEAD) => {
            report(sig, addr, e);
            // SAFETY: async-signal-safe calls; the raised signal is delivered when the handler
            // returns (it is blocked meanwhile) and, with the default action, ends the process.
            unsafe {
                libc::signal(sig, libc::SIG_DFL);
                libc::raise(sig);
            }
        }
        _ => {
            // Not ours: give the fault to the previous handler (the faulting access re-runs).
            // SAFETY: OLD[idx] was filled by `install` before this handler was installed.
            unsafe {
                let old = (*OLD.0.get())[idx].assume_init_ref();
                libc::sigaction(sig, old, std::ptr::null_mut());
            }
            let _ = ctx;
        }
    }
}
