//! Scalar conversions: range checks with CFFI's messages, cast wrapping, bitfields, floats and
//! long double.

use super::{decls, ty};
use crate::convert::*;
use crate::error::ErrorKind;

#[test]
fn checked_integer_stores() {
    let mut d = decls("enum e { A = -1, B = 1 };");
    let mut buf = [0u8; 16];
    let p = buf.as_mut_ptr();
    let cases: &[(&str, i128, Option<&str>)] = &[
        ("unsigned char", 255, None),
        (
            "unsigned char",
            256,
            Some("integer 256 does not fit 'unsigned char'"),
        ),
        (
            "int",
            -2147483649,
            Some("integer -2147483649 does not fit 'int'"),
        ),
        ("int", -2147483648, None),
        ("_Bool", 2, Some("integer 2 does not fit '_Bool'")),
        ("_Bool", 1, None),
        ("uint64_t", (1 << 64) - 1, None),
        ("uint64_t", -1, Some("integer -1 does not fit 'uint64_t'")),
        ("int8_t", -128, None),
        ("char", 255, None),
        ("enum e", -1, None),
        (
            "enum e",
            1 << 31,
            Some("integer 2147483648 does not fit 'enum e'"),
        ),
    ];
    for (t, v, err) in cases {
        let id = ty(&mut d, t);
        // SAFETY: p points to a 16-byte buffer, at least the size of every type tested.
        let r = unsafe { store(&d.types, id, p, Scalar::Int(*v)) };
        match err {
            None => {
                r.unwrap();
                assert_eq!(
                    // SAFETY: p points to a 16-byte buffer, at least the size of every type tested.
                    unsafe { load(&d.types, id, p) }.unwrap(),
                    Scalar::Int(*v),
                    "{}",
                    t
                );
            }
            Some(m) => {
                let e = r.unwrap_err();
                assert_eq!((e.kind, e.message.as_str()), (ErrorKind::Overflow, *m));
            }
        }
    }
    let int = d.types.int();
    // SAFETY: p points to a 16-byte buffer, at least the size of int.
    let e = unsafe { store(&d.types, int, p, Scalar::Float(1.0)) }.unwrap_err();
    assert_eq!(
        (e.kind, e.message.as_str()),
        (ErrorKind::Type, "an integer is required")
    );
    // char reads back unsigned
    let ch = ty(&mut d, "char");
    buf[0] = 0xff;
    assert_eq!(
        // SAFETY: buf is at least one byte, the size of char.
        unsafe { load(&d.types, ch, buf.as_ptr()) }.unwrap(),
        Scalar::Int(255)
    );
}

#[test]
fn casts_wrap_like_c() {
    let mut d = decls("");
    let mut c = |t: &str, v: Scalar| {
        let id = ty(&mut d, t);
        cast_value(&d.types, id, v).unwrap()
    };
    assert_eq!(c("unsigned char", Scalar::Int(300)), Scalar::Int(44));
    assert_eq!(c("_Bool", Scalar::Int(2)), Scalar::Int(1));
    assert_eq!(c("int", Scalar::Int(1 << 70)), Scalar::Int(0));
    assert_eq!(c("int", Scalar::Int(0xffff_ffff)), Scalar::Int(-1));
    assert_eq!(c("int", Scalar::Float(-1.9)), Scalar::Int(-1));
    assert_eq!(
        c("float", Scalar::Float(1e300)),
        Scalar::Float(f64::INFINITY)
    );
    assert_eq!(c("float", Scalar::Float(0.1)), Scalar::Float(0.1f32 as f64));
    assert_eq!(c("double", Scalar::Int(3)), Scalar::Float(3.0));
    assert_eq!(c("void *", Scalar::Int(-1)), Scalar::Pointer(usize::MAX));
    assert_eq!(c("char", Scalar::Int(321)), Scalar::Int(65));
    assert_eq!(wrap_int(-1, 2, false), 65535);
    assert_eq!(int_range(4, true), (-(1 << 31), (1 << 31) - 1));
}

#[test]
fn casts_of_bools_floats_and_characters() {
    let mut d = decls("");
    let mut c = |t: &str, v: Scalar| {
        let id = ty(&mut d, t);
        cast_value(&d.types, id, v).map_err(|e| (e.kind, e.message))
    };
    // (_Bool)x is x != 0, floats included
    assert_eq!(c("_Bool", Scalar::Float(0.1)), Ok(Scalar::Int(1)));
    assert_eq!(c("_Bool", Scalar::Float(f64::NAN)), Ok(Scalar::Int(1)));
    assert_eq!(c("_Bool", Scalar::Float(-0.0)), Ok(Scalar::Int(0)));
    assert_eq!(c("_Bool", Scalar::Int(-1)), Ok(Scalar::Int(1)));
    assert_eq!(
        c("int", Scalar::Float(f64::NAN)),
        Err((
            ErrorKind::Value,
            "cannot convert float NaN to integer".into()
        ))
    );
    assert_eq!(
        c("wchar_t", Scalar::Float(f64::INFINITY)),
        Err((
            ErrorKind::Overflow,
            "cannot convert float infinity to integer".into()
        ))
    );
    // character types wrap like integers: wchar_t is signed, char32_t unsigned
    assert_eq!(c("wchar_t", Scalar::Int(-1)), Ok(Scalar::Int(-1)));
    assert_eq!(
        c("wchar_t", Scalar::Int(1 << 31)),
        Ok(Scalar::Int(-(1 << 31)))
    );
    assert_eq!(c("char32_t", Scalar::Int(-1)), Ok(Scalar::Int(0xffff_ffff)));
    assert_eq!(c("char16_t", Scalar::Int(0x1f600)), Ok(Scalar::Int(0xf600)));
}

#[test]
fn cast_stores_out_of_range_characters_and_bad_bools_do_not_load() {
    let mut d = decls("");
    let mut buf = [0u8; 16];
    let w = ty(&mut d, "char32_t");
    // SAFETY: buf is 16 bytes, at least the size of char32_t.
    unsafe { store_cast(&d.types, w, buf.as_mut_ptr(), Scalar::Int(0x110000)).unwrap() };
    // SAFETY: as above.
    let v = unsafe { load(&d.types, w, buf.as_ptr()) }.unwrap();
    assert_eq!(v, Scalar::Int(0x110000));
    // a checked store still refuses it
    // SAFETY: as above.
    assert!(unsafe { store(&d.types, w, buf.as_mut_ptr(), Scalar::Int(0x110000)) }.is_err());
    let b = ty(&mut d, "_Bool");
    buf[0] = 2;
    // SAFETY: buf holds at least one byte.
    let e = unsafe { load(&d.types, b, buf.as_ptr()) }.unwrap_err();
    assert_eq!(e.message, "got a _Bool of value 2, expected 0 or 1");
}

#[test]
fn floats_and_long_double() {
    let mut d = decls("");
    let mut buf = [0u8; 16];
    let f = ty(&mut d, "float");
    // SAFETY: buf is 16 bytes, at least the size of float.
    unsafe { store(&d.types, f, buf.as_mut_ptr(), Scalar::Float(0.1)).unwrap() };
    assert_eq!(
        // SAFETY: buf is 16 bytes, at least the size of float.
        unsafe { load(&d.types, f, buf.as_ptr()) }.unwrap(),
        Scalar::Float(0.10000000149011612)
    );
    let ld = ty(&mut d, "long double");
    for v in [
        0.0,
        -0.0,
        1.5,
        -3.25e-300,
        1e308,
        5e-324,
        f64::INFINITY,
        f64::MIN_POSITIVE,
        123456789.125,
    ] {
        // SAFETY: buf is 16 bytes, the size of long double.
        unsafe { store(&d.types, ld, buf.as_mut_ptr(), Scalar::Float(v)).unwrap() };
        // SAFETY: buf is 16 bytes, the size of long double.
        let back = unsafe { load(&d.types, ld, buf.as_ptr()) }.unwrap();
        assert_eq!(back, Scalar::Float(v), "long double roundtrip of {}", v);
    }
    let nan = long_double_to_f64(&f64_to_long_double(f64::NAN));
    assert!(nan.is_nan());
    #[cfg(target_arch = "x86_64")]
    {
        // 1.5 as x87: mantissa 0xC000..., exponent 0x3FFF
        let b = f64_to_long_double(1.5);
        assert_eq!(&b[..10], &[0, 0, 0, 0, 0, 0, 0, 0xc0, 0xff, 0x3f]);
    }
}

#[test]
fn bitfields() {
    let mut d = decls("struct b { int x:3; unsigned y:2; char c; long long z:40; };");
    let s = ty(&mut d, "struct b");
    let fx = d.types.field(s, "x").unwrap().clone();
    let fy = d.types.field(s, "y").unwrap().clone();
    let fz = d.types.field(s, "z").unwrap().clone();
    let mut buf = vec![0u8; d.types.size_of(s).unwrap()];
    let p = buf.as_mut_ptr();
    // SAFETY: buf has the size of the struct that holds the bitfields.
    unsafe {
        write_bitfield(&d.types, p, &fx, -4).unwrap();
        write_bitfield(&d.types, p, &fy, 3).unwrap();
        write_bitfield(&d.types, p, &fz, -(1 << 39)).unwrap();
        assert_eq!(read_bitfield(&d.types, p, &fx), -4);
        assert_eq!(read_bitfield(&d.types, p, &fy), 3);
        assert_eq!(read_bitfield(&d.types, p, &fz), -(1 << 39));
        let e = write_bitfield(&d.types, p, &fx, 4).unwrap_err();
        assert_eq!(
            (e.kind, e.message.as_str()),
            (
                ErrorKind::Overflow,
                "value 4 outside the range allowed by the bit field width: -4 <= x <= 3"
            )
        );
        let e = write_bitfield(&d.types, p, &fy, 4).unwrap_err();
        assert_eq!(
            e.message,
            "value 4 outside the range allowed by the bit field width: 0 <= x <= 3"
        );
        write_bitfield(&d.types, p, &fx, 1).unwrap();
        assert_eq!(read_bitfield(&d.types, p, &fy), 3, "neighbours untouched");
    }
}
