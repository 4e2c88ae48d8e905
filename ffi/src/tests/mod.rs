//! Unit tests of the crate, one file per area. Helpers shared by them live here.

mod apimode_tests;
mod call_tests;
mod cdef_tests;
mod convert_tests;
mod layout_tests;
mod overflow_tests;

use crate::cdef::{CdefOptions, Declarations};
use crate::ctype::TypeId;

/// A `Declarations` after `cdef(src)`, panicking on errors.
pub fn decls(src: &str) -> Declarations {
    let mut d = Declarations::new();
    d.cdef(src, &CdefOptions::default()).unwrap();
    d
}

/// `ffi.typeof(s)` name, or the error message.
pub fn tname(d: &mut Declarations, s: &str) -> String {
    match d.parse_type(s) {
        Ok(id) => d.types.name(id).to_string(),
        Err(e) => format!("{:?}: {}", e.kind, e.message),
    }
}

pub fn ty(d: &mut Declarations, s: &str) -> TypeId {
    d.parse_type(s).unwrap()
}
