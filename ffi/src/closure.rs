//! Callbacks: C function pointers that run Rust code, built as libffi closures with the
//! low-level API (`closure_alloc` / `ffi_prep_closure_loc` / `closure_free`).
//!
//! A [`Callback`] is an owned, boxed object (stable address) holding the closure, its call
//! interface and the handler. The interpreter keeps the `Box<Callback>` inside the cdata object
//! that owns it (GC-managed, possibly moving: only the box pointer moves, never the callback)
//! and drops it when that cdata dies; dropping frees the closure, after which the code pointer
//! must not be called any more.
//! Invariants:
//! - The handler receives one pointer per argument (to the C value, convert with
//!   [`crate::convert`]) and a return buffer of the result type's size (at least 8 bytes),
//!   zero-filled before the call; small integer results are widened to a full register for
//!   libffi after the handler returns.
//! - A panic in the handler never unwinds into C: it is caught, reported on stderr, and C gets a
//!   zero result.
//! - Variadic function types cannot be callbacks (as in CFFI).

use crate::call::CallInterface;
use crate::ctype::{TypeId, TypeTable};
use crate::error::{Error, Result};
use libffi::low;
use libffi::raw::{self, ffi_cif, ffi_closure};
use std::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The Rust side of a callback: `(args, ret)`, see the module documentation.
pub type Handler = dyn Fn(&[*const c_void], *mut c_void) + 'static;

/// A plain-function handler with a user data word (for callers that prefer no closure).
pub type RawHandler =
    unsafe extern "C" fn(userdata: *mut c_void, args: *const *const c_void, ret: *mut c_void);

/// A C-callable function pointer running a Rust handler. Always used through a `Box`.
pub struct Callback {
    closure: *mut ffi_closure,
    code: *const c_void,
    cif: CallInterface,
    handler: Box<Handler>,
    /// `Some((size, signed))` when the result is an integer narrower than a register.
    widen: Option<(usize, bool)>,
    ret_size: usize,
}

impl Callback {
    /// Create a callback of function type `fn_type` running `handler`.
    pub fn new(tt: &TypeTable, fn_type: TypeId, handler: Box<Handler>) -> Result<Box<Callback>> {
        let f = tt.func(fn_type).ok_or_else(|| {
            Error::type_error(format!(
                "expected a function ctype, got '{}'",
                tt.name(fn_type)
            ))
        })?;
        if f.variadic {
            return Err(Error::not_implemented(format!(
                "{}: callback with unsupported argument or return type or with '...'",
                tt.name(fn_type)
            )));
        }
        let cif = CallInterface::new(tt, fn_type)?;
        let widen = tt
            .integer_repr(f.result)
            .filter(|p| p.size < 8)
            .map(|p| (p.size, p.is_signed()));
        let ret_size = cif.ret_buffer_size();
        let (closure, code) = low::closure_alloc();
        if closure.is_null() {
            return Err(Error::new(
                crate::error::ErrorKind::Memory,
                "Cannot allocate write+execute memory for ffi.callback(). You might be running on a system that prevents this.",
            ));
        }
        let mut cb = Box::new(Callback {
            closure,
            code: code.as_ptr(),
            cif,
            handler,
            widen,
            ret_size,
        });
        let user = &mut *cb as *mut Callback as *mut c_void;
        // SAFETY: the closure, the cif and the userdata (the boxed Callback) all live until
        // `Drop` frees the closure.
        let status = unsafe {
            raw::ffi_prep_closure_loc(
                cb.closure,
                cb.cif.cif_ptr(),
                Some(trampoline),
                user,
                code.as_mut_ptr(),
            )
        };
        if status != raw::ffi_status_FFI_OK {
            return Err(Error::not_implemented(format!(
                "libffi could not prepare a closure for '{}'",
                tt.name(fn_type)
            )));
        }
        Ok(cb)
    }

    /// Create a callback calling `f(userdata, args, ret)`.
    pub fn from_raw(
        tt: &TypeTable,
        fn_type: TypeId,
        f: RawHandler,
        userdata: *mut c_void,
    ) -> Result<Box<Callback>> {
        let ud = userdata as usize;
        Self::new(
            tt,
            fn_type,
            Box::new(move |args: &[*const c_void], ret: *mut c_void| {
                // SAFETY: the caller of from_raw promised `f` handles these arguments.
                unsafe { f(ud as *mut c_void, args.as_ptr(), ret) }
            }),
        )
    }

    /// The C function pointer (valid while this `Callback` lives).
    pub fn code_ptr(&self) -> *const c_void {
        self.code
    }

    /// The callback's function type.
    pub fn fn_type(&self) -> TypeId {
        self.cif.fn_type()
    }
}

impl Drop for Callback {
    fn drop(&mut self) {
        // SAFETY: allocated by closure_alloc, freed once.
        unsafe { low::closure_free(self.closure) }
    }
}

unsafe extern "C" fn trampoline(
    cif: *mut ffi_cif,
    result: *mut c_void,
    args: *mut *mut c_void,
    user: *mut c_void,
) {
    // SAFETY: libffi calls this with `user` = the Callback registered with the closure (alive while the
    // closure is, Callback's Drop frees it), a valid cif of `nargs` arguments, `args` pointing to
    // `nargs` argument pointers, and `result` a buffer of at least the cif's result size.
    unsafe {
        let cb = &*(user as *const Callback);
        let nargs = (*cif).nargs as usize;
        let argv: &[*const c_void] = if nargs == 0 {
            &[]
        } else {
            std::slice::from_raw_parts(args as *const *const c_void, nargs)
        };
        let mut tmp = [0u64; 2];
        let out: *mut c_void = if cb.widen.is_some() {
            tmp.as_mut_ptr() as *mut c_void
        } else {
            std::ptr::write_bytes(result as *mut u8, 0, cb.ret_size.min(raw_result_size(cif)));
            result
        };
        let r = catch_unwind(AssertUnwindSafe(|| (cb.handler)(argv, out)));
        if r.is_err() {
            eprintln!("minipy-ffi: panic in a callback handler; returning 0 to C");
            tmp = [0, 0];
            if cb.widen.is_none() {
                std::ptr::write_bytes(result as *mut u8, 0, raw_result_size(cif));
            }
        }
        if let Some((size, signed)) = cb.widen {
            let v = crate::convert::read_int(tmp.as_ptr() as *const u8, size, signed);
            *(result as *mut u64) = v as i64 as u64;
        }
    }
}

/// # Safety
/// `cif` must point to a prepared ffi_cif.
unsafe fn raw_result_size(cif: *mut ffi_cif) -> usize {
    // SAFETY: `cif` is a prepared cif (caller's contract), whose rtype is null or a valid ffi_type.
    unsafe {
        let r = (*cif).rtype;
        if r.is_null() {
            0
        } else {
            (*r).size
        }
    }
}
