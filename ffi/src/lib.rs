//! minipy-ffi: the C side of minipy's CFFI. Knows nothing of Python objects or of the GC.
//!
//! (API overview: see the end of this header once all modules exist.)

pub mod cdef;
pub mod ctype;
pub mod error;
pub mod lexer;

#[cfg(test)]
mod tests;

pub use cdef::{CdefOptions, Decl, Declarations, Typedef};
pub use ctype::{CType, Field, Layout, Member, Prim, PrimKind, TypeId, TypeKind, TypeTable};
pub use error::{Error, ErrorKind, Result};
