//! minipy-ffi: the C side of minipy's CFFI. Knows nothing of Python objects or of the GC.
//!
//! (API overview: see the end of this header once all modules exist.)

pub mod call;
pub mod cdef;
pub mod closure;
pub mod convert;
pub mod ctype;
pub mod error;
pub mod lexer;
pub mod library;

#[cfg(test)]
mod tests;

pub use call::{vararg_promote, CallInterface};
pub use cdef::{CdefOptions, Decl, Declarations, Typedef};
pub use closure::{Callback, Handler, RawHandler};
pub use convert::Scalar;
pub use ctype::{CType, Field, Layout, Member, Prim, PrimKind, TypeId, TypeKind, TypeTable};
pub use error::{Error, ErrorKind, Result};
pub use library::Library;
