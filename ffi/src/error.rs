//! The crate's single error type.
//!
//! Every fallible operation returns [`Error`]: a [`ErrorKind`] saying which Python exception the
//! interpreter should raise (CFFI's choice for the same situation) and the exact message CFFI
//! prints. The crate never formats Python-specific text beyond these messages.

use std::fmt;

/// Which exception CFFI raises for this error; the interpreter maps each kind to a Python class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `cffi.CDefError`: cdef / type-string parse errors, duplicate declarations of structs.
    CDef,
    /// `cffi.FFIError`: unsupported types, conflicting declarations.
    Ffi,
    /// `cffi.VerificationMissing`: a `...` struct/enum used in ABI mode.
    VerificationMissing,
    /// `cffi.VerificationError`: C compiler failure in API mode.
    Verification,
    /// `NotImplementedError`: `typedef int... t` used before compilation, long double calls, ...
    NotImplemented,
    /// `TypeError`.
    Type,
    /// `ValueError`.
    Value,
    /// `OverflowError`: integer out of range on a checked store.
    Overflow,
    /// `IndexError`.
    Index,
    /// `AttributeError`: missing symbol in a library.
    Attribute,
    /// `OSError`: dlopen failures.
    Os,
    /// `MemoryError`: closure allocation failure.
    Memory,
}

/// An error with its CFFI exception kind and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }
    pub fn cdef(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::CDef, message)
    }
    pub fn ffi(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Ffi, message)
    }
    pub fn type_error(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Type, message)
    }
    pub fn value(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Value, message)
    }
    pub fn overflow(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Overflow, message)
    }
    pub fn not_implemented(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::NotImplemented, message)
    }
    pub fn missing(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::VerificationMissing, message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
