//! Sizes that would overflow: array byte sizes, struct layouts and constant expressions must raise
//! CFFI's OverflowError (or CDefError for constant arithmetic) instead of wrapping to a small size
//! or panicking.

use super::{decls, tname};
use crate::cdef::{CdefOptions, Declarations};
use crate::error::ErrorKind;

fn cdef_err(src: &str) -> (ErrorKind, String) {
    let mut d = Declarations::new();
    match d.cdef(src, &CdefOptions::default()) {
        Ok(()) => panic!("cdef {src:?} succeeded"),
        Err(e) => (e.kind, e.message),
    }
}

const TOO_BIG: &str = "Overflow: array size would overflow a Py_ssize_t";

#[test]
fn array_byte_size_overflow() {
    let mut d = decls("");
    assert_eq!(tname(&mut d, "char[9223372036854775807][2]"), TOO_BIG);
    assert_eq!(tname(&mut d, "int[4611686018427387904]"), TOO_BIG);
    assert_eq!(tname(&mut d, "int[2305843009213693952]"), TOO_BIG);
    assert_eq!(tname(&mut d, "char[4611686018427387904][2]"), TOO_BIG);
    assert_eq!(
        tname(&mut d, "char[9223372036854775808]"),
        "Overflow: cannot fit 'int' into an index-sized integer"
    );
    // the largest sizes that fit are fine, and zero-sized items never overflow
    assert_eq!(
        tname(&mut d, "char[9223372036854775807]"),
        "char[9223372036854775807]"
    );
    assert_eq!(
        tname(&mut d, "char[9223372036854775807][0]"),
        "char[9223372036854775807][0]"
    );
    let t = super::ty(&mut d, "int[2305843009213693951]");
    assert_eq!(d.types.size_of(t), Some(9223372036854775804));
}

#[test]
fn cdef_array_overflow() {
    let (k, m) = cdef_err("extern char a[9223372036854775807][2];");
    assert_eq!(
        (k, m.as_str()),
        (
            ErrorKind::Overflow,
            "array size would overflow a Py_ssize_t"
        )
    );
    let (k, _) = cdef_err("typedef int T[9223372036854775807];");
    assert_eq!(k, ErrorKind::Overflow);
    let (k, _) = cdef_err("typedef int T[1 << 70];");
    assert_eq!(k, ErrorKind::Overflow);
}

#[test]
fn struct_size_overflow() {
    let mut d = Declarations::new();
    let r = d.cdef(
        "struct s { char x[9223372036854775807]; char y[2]; };",
        &CdefOptions::default(),
    );
    // the struct may be laid out lazily: either cdef or the first use must raise
    let r = r.and_then(|_| d.parse_type("struct s").map(|_| ()));
    let t = d.parse_type("struct s");
    let laid_out = t.ok().and_then(|t| d.types.size_of(t));
    assert!(
        r.is_err() || laid_out.is_none(),
        "struct size wrapped: {laid_out:?}"
    );
    let mut d = Declarations::new();
    let r = d.cdef(
        "struct s7 { char a[2]; long b[1152921504606846975]; };",
        &CdefOptions::default(),
    );
    let t = d.parse_type("struct s7");
    let laid_out = t.ok().and_then(|t| d.types.size_of(t));
    assert!(
        r.is_err() || laid_out.is_none(),
        "struct size wrapped: {laid_out:?}"
    );
    // the largest layout that fits keeps its exact size
    let d = decls("struct ok { char x[9223372036854775806]; char y; };");
    let mut d = d;
    let t = super::ty(&mut d, "struct ok");
    assert_eq!(d.types.size_of(t), Some(9223372036854775807));
}

#[test]
fn constant_expression_overflow_is_an_error() {
    for src in [
        "typedef int T[170141183460469231731687303715884105727 + 1];",
        "typedef int T[-170141183460469231731687303715884105727 - 2];",
        "typedef int T[(-170141183460469231731687303715884105727 - 1) / -1];",
        "typedef int T[(-170141183460469231731687303715884105727 - 1) % -1];",
    ] {
        let mut d = Declarations::new();
        // must not panic; an error (the constant does not fit) or a rejected length
        assert!(d.cdef(src, &CdefOptions::default()).is_err(), "{src}");
    }
}
