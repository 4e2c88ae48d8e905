//! minipy-ffi: the C side of minipy's CFFI. It knows nothing of Python objects or of the GC;
//! `interp/` wraps it into the `cffi` module (ffi, lib, cdata and ctype objects).
//!
//! # API overview
//!
//! - [`Declarations`] (cdef.rs): the state of one `FFI()` object.
//!   `cdef(src, &CdefOptions{packed, pack, override_})` parses declarations;
//!   `parse_type("int[10]")` (typeof/new/cast; a raw function type is an error) and
//!   `parse_callback_type("int(void *, void *)")` give interned [`TypeId`]s (cached);
//!   `lookup(name)` gives a [`Decl`] (Function / Variable / IntConstant / FromCompiler) for
//!   `lib.name`; `integer_const`, `list_types`, `typedef`, `names()` (declaration order).
//!   `decls.types` is the [`TypeTable`].
//! - [`TypeTable`] (ctype.rs): `name(id)` (CFFI spelling: `char * *`, `int(*)[5]`),
//!   `kind(id)` ([`TypeKind`]), `kind_name` (`ctype.kind`), `size_of`/`align_of` (None if
//!   unknown), `require_size` and `check_usable` (CFFI's errors for opaque / `...` /
//!   `typedef int...` types), `fields`/`field` (flattened, with offset, bitshift, bitsize),
//!   `item`, `func`, `enum_info`, `enum_name_of`, `integer_repr`, `pointer(id)`,
//!   `array(id, len)`, `getctype(id, "a")`, `primitive("int")`.
//! - convert.rs: [`Scalar`] (Int / Float / Pointer); `load(tt, ty, p)`, checked
//!   `store(tt, ty, p, v)` (OverflowError/TypeError with CFFI's messages), `cast_value` and
//!   `store_cast` (`ffi.cast` semantics), `read_bitfield` / `write_bitfield`, `check_int`,
//!   long double <-> f64.
//! - [`CallInterface`] (call.rs): `new(tt, fn_type)`, `new_variadic(tt, fn_type, &extra)`
//!   (promote extra types with [`vararg_promote`] first), then
//!   `unsafe call(code, &[arg pointers], ret)` with a 16-byte aligned return buffer of
//!   `ret_buffer_size()` bytes. `errno()` / `set_errno()` for `ffi.errno`.
//! - [`Callback`] (closure.rs): `Callback::new(tt, fn_type, Box<dyn Fn(&[*const c_void],
//!   *mut c_void)>)` or `from_raw(tt, fn_type, extern fn, userdata)` returns a `Box<Callback>`;
//!   `code_ptr()` is the C function pointer, valid until the box is dropped.
//! - [`Library`] (library.rs): `open_cffi(Some(name) | None, flags)` (`ffi.dlopen`, with the
//!   find_library fallback), `open` (raw dlopen), `symbol(name)` (AttributeError message as
//!   CFFI's), `close()` (`ffi.dlclose`).
//! - apimode.rs (issue 5): `questions`, `generate_c(decls, &SourceConfig)` (apimode_c.rs),
//!   `compile(...)` -> `<tmpdir>/<module>.minipy.so` (VerificationError with the compiler
//!   output), `open_module(path, name)` (import: rebuilds the declarations from the metadata the
//!   module embeds, apimode_meta.rs, with every `...` answered, `typedef int...` included) and
//!   `load(decls, so)` = dlopen + `apply_answers`. A library put in API mode
//!   (`Library::set_api_module`) resolves `symbol(name)` to the function wrappers / global
//!   addresses; `extern_slot_symbol(name)` is where `@ffi.def_extern()` stores a closure.
//!   `Declarations::history` records every cdef, `include(other)` replays another FFI's.
//! - [`Error`] (error.rs): every failure carries an [`ErrorKind`] naming the Python exception
//!   CFFI raises (CDefError, FFIError, VerificationMissing, TypeError, OverflowError, ...) and
//!   CFFI's message.
//!
//! # Rules
//!
//! - Target: LP64 Linux (x86-64, aarch64), little-endian.
//! - Type ids are only meaningful for the `TypeTable` that made them; types are never freed.
//! - Nothing here allocates C memory for values: the interpreter owns all buffers (pinned,
//!   non-moving memory) and passes raw pointers; every raw-pointer function is `unsafe` and
//!   documents what it reads or writes.
//! - No function panics on user input; panics inside callback handlers never unwind into C.

pub mod apimode;
pub mod apimode_c;
pub mod apimode_embed;
pub mod apimode_meta;
pub mod call;
pub mod cdef;
pub mod closure;
pub mod convert;
pub mod ctype;
pub mod direct;
pub mod error;
pub mod lexer;
pub mod library;

#[cfg(test)]
mod tests;

pub use call::{vararg_promote, CallInterface};
pub use cdef::{CdefOptions, CdefRecord, Decl, Declarations, Typedef};
pub use closure::{Callback, Handler, RawHandler};
pub use convert::Scalar;
pub use ctype::{CType, Field, Layout, Member, Prim, PrimKind, TypeId, TypeKind, TypeTable};
pub use error::{Error, ErrorKind, Result};
pub use library::Library;
