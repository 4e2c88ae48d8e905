//! The FFI lifetime checker (`MINIPY_FFI_CHECK=1`): catches C-level use of `ffi.new` memory after its
//! owning cdata died, writes past its end, and `ffi.from_handle` of a dead handle.
//!
//! - guard.rs: check-mode allocations (one mmap each, the object's end touching a PROT_NONE guard
//!   page), the async-signal-safe registry describing them, and the quarantine that keeps dead
//!   memory mapped PROT_NONE instead of freeing it;
//! - signal.rs: the SIGSEGV/SIGBUS handler that turns a fault inside a checked mapping into a report;
//! - handles.rs: where each handle was made and when it died, for `ffi.from_handle`'s error.
//!
//! GC invariants: nothing here holds a `Value`. The checked memory is raw (never moved by the GC);
//! its owner's destructor (`Mem::drop`, run by the collector, R7) only mprotects it and updates
//! plain Rust tables (no GC allocation, no Python code).

pub mod guard;
pub mod handles;
mod signal;

use crate::vm::Vm;
use std::sync::OnceLock;

/// Whether `MINIPY_FFI_CHECK` is set to something other than `0`/empty (read once).
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var("MINIPY_FFI_CHECK").is_ok_and(|v| !v.is_empty() && v != "0"))
}

/// `file:line` of the Python code running now (the `ffi.new` / `ffi.new_handle` call site).
pub fn call_site(vm: &Vm) -> (String, u32) {
    match vm.roots.frames.last() {
        Some(f) => {
            let cd = vm.code_data(f.code);
            // the frame's ip is one past the instruction being executed (the call)
            (cd.filename.clone(), cd.line_at(f.ip.saturating_sub(1)))
        }
        None => ("<unknown>".to_string(), 0),
    }
}
