//! The C ABI of `libminipy.so`, called by the code ffi/src/apimode_embed.rs generates.
//!
//! `int minipy_embed_call(const struct _minipy_embed_module *m, void (*thunk)(void *), void *ctx)`:
//! make sure the runtime is started and library `m` initialised, then run `thunk(ctx)` on the
//! interpreter thread as a call into C made by the VM (so the `extern "Python"` closure the thunk
//! calls finds the VM). Returns 0, or -1 when the library's initialisation failed (the caller
//! then prints CFFI's "initialization code failed" message and returns 0).
//! Invariant: no panic crosses this boundary (caught, then -1).

use super::runtime;
use std::ffi::{c_char, c_int, c_uchar, c_uint, c_void};

/// `struct _minipy_embed_module`: the descriptor each embedding library holds (static data).
#[repr(C)]
pub struct EmbedModule {
    /// ffi::apimode_embed::ABI_VERSION of the generator.
    pub version: c_uint,
    /// The cffi module name (`set_source`'s), NUL-terminated.
    pub module_name: *const c_char,
    /// The init code (UTF-8), NUL-terminated.
    pub init_code: *const c_uchar,
}

/// What a library asks the runtime to run: `thunk(ctx)` calls one `extern "Python"` function
/// on the arguments and result slot in `ctx`.
pub type Thunk = unsafe extern "C" fn(*mut c_void);

/// See the module docs.
///
/// # Safety
/// `m` points to a descriptor with static lifetime inside a loaded shared library, `thunk` is a
/// function of that library and `ctx` is what it expects; the caller waits for the return.
#[no_mangle]
pub unsafe extern "C" fn minipy_embed_call(
    m: *const EmbedModule,
    thunk: Thunk,
    ctx: *mut c_void,
) -> c_int {
    if m.is_null() {
        return -1;
    }
    let req = runtime::Request {
        module: m,
        thunk,
        ctx,
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || runtime::call(req))).unwrap_or(-1)
}
