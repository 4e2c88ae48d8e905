//! The embedding runtime (CFFI's embedding, issue 13 part 4): what `libminipy.so` (this crate
//! built as a cdylib) offers a shared library made by `ffi.embedding_api()` +
//! `ffi.embedding_init_code()` + `ffi.compile()` (C side: ffi/src/apimode_embed.rs).
//!
//! - abi.rs: the C ABI, one function `minipy_embed_call(module, thunk, ctx)`.
//! - runtime.rs: the interpreter thread that owns the one VM of the process, and the once per
//!   library initialisation (import the library as its cffi module, run its init code).
//!
//! Invariants: the VM lives on its own thread (a large stack, as the `minipy` binary's) and is
//! only ever used there: calls from other threads are handed over and waited for, calls made on
//! that thread (Python -> C -> an exported function) run inline. So every thread-local of the
//! VM, the GC and cffi is always the interpreter thread's, and calls from several C threads are
//! serialised (CFFI's GIL does the same).

pub mod abi;
pub mod runtime;
