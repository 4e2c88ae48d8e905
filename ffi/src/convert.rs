//! Reading and writing C scalar values in raw memory, given their type.
//!
//! Two store flavours: [`store`] is CFFI's checked conversion (arguments, `ffi.new`
//! initializers, item/field assignment): integers out of range are an Overflow error with
//! CFFI's message, a float for an integer type is a TypeError. [`store_cast`] is `ffi.cast`:
//! integers wrap like C, floats truncate to integers, anything non-zero is true.
//! Invariants: all functions taking raw pointers are `unsafe`: the caller guarantees the memory
//! is valid for the type's size (no alignment is required: unaligned accesses are used).
//! Little-endian only (x86-64 and aarch64 Linux).

use crate::ctype::{Field, PrimKind, TypeId, TypeKind, TypeTable};
use crate::error::{Error, Result};
use std::ptr;

/// A scalar C value as the interpreter sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    /// Integers, enums, `_Bool` (0/1), `char` (the byte), `wchar_t`/`char16_t`/`char32_t` (the
    /// code point).
    Int(i128),
    /// `float`, `double`, `long double` (through f64).
    Float(f64),
    /// Pointers and function pointers (the address).
    Pointer(usize),
}

/// Inclusive value range of an integer of `size` bytes.
pub fn int_range(size: usize, signed: bool) -> (i128, i128) {
    let bits = 8 * size as u32;
    if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    }
}

/// Reduce `v` to an integer of `size` bytes as a C cast does (two's complement wrap).
pub fn wrap_int(v: i128, size: usize, signed: bool) -> i128 {
    let bits = 8 * size as u32;
    let mask = (1i128 << bits) - 1;
    let u = v & mask;
    if signed && u >> (bits - 1) & 1 == 1 {
        u - (1i128 << bits)
    } else {
        u
    }
}

/// Read a `size`-byte integer (1, 2, 4, 8 or 16).
///
/// # Safety
/// `p` must be valid for reading `size` bytes.
pub unsafe fn read_int(p: *const u8, size: usize, signed: bool) -> i128 {
    let mut buf = [0u8; 16];
    // SAFETY: `p` is readable for `size` bytes (caller's contract) and `size` <= 16 = buf's length.
    unsafe { ptr::copy_nonoverlapping(p, buf.as_mut_ptr(), size) };
    let u = u128::from_le_bytes(buf) as i128;
    if size == 16 {
        return u;
    }
    if signed {
        wrap_int(u, size, true)
    } else {
        u
    }
}

/// Write the low `size` bytes of `v`.
///
/// # Safety
/// `p` must be valid for writing `size` bytes.
pub unsafe fn write_int(p: *mut u8, size: usize, v: i128) {
    let buf = (v as u128).to_le_bytes();
    // SAFETY: `p` is writable for `size` bytes (caller's contract) and `size` <= 16 = buf's length.
    unsafe { ptr::copy_nonoverlapping(buf.as_ptr(), p, size) };
}

/// Read a pointer.
///
/// # Safety
/// `p` must be valid for reading 8 bytes.
pub unsafe fn read_pointer(p: *const u8) -> usize {
    // SAFETY: `p` is readable for 8 bytes (caller's contract); the read is unaligned.
    unsafe { ptr::read_unaligned(p as *const usize) }
}

/// Write a pointer.
///
/// # Safety
/// `p` must be valid for writing 8 bytes.
pub unsafe fn write_pointer(p: *mut u8, v: usize) {
    // SAFETY: `p` is writable for 8 bytes (caller's contract); the write is unaligned.
    unsafe { ptr::write_unaligned(p as *mut usize, v) }
}

/// The integer layout (size, signedness) of an integer-like type, with `char` read unsigned.
fn int_layout(tt: &TypeTable, ty: TypeId) -> Option<(usize, bool, PrimKind)> {
    let p = tt.integer_repr(ty)?;
    let kind = match tt.kind(ty) {
        TypeKind::Enum(_) => {
            if p.kind == PrimKind::Signed {
                PrimKind::Signed
            } else {
                PrimKind::Unsigned
            }
        }
        _ => p.kind,
    };
    Some((p.size, p.is_signed(), kind))
}

/// Load a scalar of type `ty` from `p`. Structs, arrays, void and unsupported types are errors.
///
/// # Safety
/// `p` must be valid for reading the type's size.
pub unsafe fn load(tt: &TypeTable, ty: TypeId, p: *const u8) -> Result<Scalar> {
    if let Some((size, signed, kind)) = int_layout(tt, ty) {
        // SAFETY: `p` is readable for the type's size (caller's contract), which is `size`.
        let v = unsafe { read_int(p, size, signed) };
        if kind == PrimKind::Bool && !(0..=1).contains(&v) {
            // C memory holding a byte other than 0 or 1 is not a valid _Bool: CFFI refuses it
            return Err(Error::value(format!(
                "got a _Bool of value {v}, expected 0 or 1"
            )));
        }
        return Ok(Scalar::Int(v));
    }
    match tt.kind(ty) {
        TypeKind::Primitive(prim) => match prim.kind {
            PrimKind::Float if prim.size == 4 => {
                // SAFETY: `p` is readable for the type's size (caller's contract): 4 bytes here.
                let f = unsafe { ptr::read_unaligned(p as *const f32) };
                Ok(Scalar::Float(f as f64))
            }
            // SAFETY: `p` is readable for the type's size (caller's contract): 8 bytes here.
            PrimKind::Float => Ok(Scalar::Float(unsafe {
                ptr::read_unaligned(p as *const f64)
            })),
            PrimKind::LongDouble => {
                let mut b = [0u8; 16];
                // SAFETY: `p` is readable for the type's size (caller's contract): 16 bytes here.
                unsafe { ptr::copy_nonoverlapping(p, b.as_mut_ptr(), 16) };
                Ok(Scalar::Float(long_double_to_f64(&b)))
            }
            _ => Err(unsupported(tt, ty)),
        },
        TypeKind::Pointer(_) | TypeKind::Function(_) => {
            // SAFETY: `p` is readable for the type's size (caller's contract): a pointer's 8 bytes.
            Ok(Scalar::Pointer(unsafe { read_pointer(p) }))
        }
        _ => Err(unsupported(tt, ty)),
    }
}

fn unsupported(tt: &TypeTable, ty: TypeId) -> Error {
    Error::type_error(format!(
        "cannot convert ctype '{}' to a scalar value",
        tt.name(ty)
    ))
}

/// CFFI's OverflowError for integers.
pub fn overflow_error(tt: &TypeTable, ty: TypeId, v: i128) -> Error {
    Error::overflow(format!("integer {} does not fit '{}'", v, tt.name(ty)))
}

/// Check that `v` fits the integer-like type `ty` (what [`store`] checks).
pub fn check_int(tt: &TypeTable, ty: TypeId, v: i128) -> Result<()> {
    let (size, signed, kind) = int_layout(tt, ty).ok_or_else(|| unsupported(tt, ty))?;
    let (lo, hi) = match kind {
        PrimKind::Bool => (0, 1),
        PrimKind::Char => (0, 255),
        PrimKind::UniChar if size == 4 => (0, 0x10ffff),
        _ => int_range(size, signed),
    };
    if v < lo || v > hi {
        return Err(overflow_error(tt, ty, v));
    }
    Ok(())
}

/// Checked store of a scalar (arguments, initializers, assignments).
///
/// # Safety
/// `p` must be valid for writing the type's size.
pub unsafe fn store(tt: &TypeTable, ty: TypeId, p: *mut u8, v: Scalar) -> Result<()> {
    if let Some((size, _, _)) = int_layout(tt, ty) {
        return match v {
            Scalar::Int(i) => {
                check_int(tt, ty, i)?;
                // SAFETY: `p` is writable for the type's size (caller's contract), which is `size`.
                unsafe { write_int(p, size, i) };
                Ok(())
            }
            Scalar::Float(_) => Err(Error::type_error("an integer is required")),
            Scalar::Pointer(_) => Err(Error::type_error(format!(
                "initializer for ctype '{}' must be an int, not a pointer",
                tt.name(ty)
            ))),
        };
    }
    match tt.kind(ty) {
        TypeKind::Primitive(prim)
            if matches!(prim.kind, PrimKind::Float | PrimKind::LongDouble) =>
        {
            let f = match v {
                Scalar::Float(f) => f,
                Scalar::Int(i) => i as f64,
                Scalar::Pointer(_) => {
                    return Err(Error::type_error(format!(
                        "initializer for ctype '{}' must be a float, not a pointer",
                        tt.name(ty)
                    )))
                }
            };
            // SAFETY: `p` is writable for the type's size (caller's contract), `prim.size`.
            unsafe { write_float(p, prim.kind, prim.size, f) };
            Ok(())
        }
        TypeKind::Pointer(_) | TypeKind::Function(_) => match v {
            Scalar::Pointer(a) => {
                // SAFETY: `p` is writable for the type's size (caller's contract): 8 bytes.
                unsafe { write_pointer(p, a) };
                Ok(())
            }
            _ => Err(Error::type_error(format!(
                "initializer for ctype '{}' must be a cdata pointer, not a number",
                tt.name(ty)
            ))),
        },
        _ => Err(unsupported(tt, ty)),
    }
}

/// # Safety
/// `p` must be valid for writing `size` bytes (4, 8, or 16 for a long double).
unsafe fn write_float(p: *mut u8, kind: PrimKind, size: usize, f: f64) {
    // SAFETY: `p` is writable for `size` bytes (caller's contract), the size each arm writes.
    unsafe {
        match (kind, size) {
            (PrimKind::Float, 4) => ptr::write_unaligned(p as *mut f32, f as f32),
            (PrimKind::Float, _) => ptr::write_unaligned(p as *mut f64, f),
            _ => {
                let b = f64_to_long_double(f);
                ptr::copy_nonoverlapping(b.as_ptr(), p, 16);
            }
        }
    }
}

/// Convert a scalar to the value `ffi.cast(ty, v)` holds, C style: integers wrap, floats
/// truncate toward zero (saturating), `_Bool` is `v != 0`, pointers take the integer's low
/// 64 bits. The result is the value [`load`] would give back after [`store_cast`].
pub fn cast_value(tt: &TypeTable, ty: TypeId, v: Scalar) -> Result<Scalar> {
    if let Some((size, signed, kind)) = int_layout(tt, ty) {
        let i = match v {
            Scalar::Int(i) => i,
            // `(_Bool)x` is `x != 0` for floats too (0.1 and NaN are true), not a truncation
            Scalar::Float(f) if kind == PrimKind::Bool => (f != 0.0) as i128,
            // CFFI goes through a Python int: NaN and infinities have none
            Scalar::Float(f) if f.is_nan() => {
                return Err(Error::value("cannot convert float NaN to integer"))
            }
            Scalar::Float(f) if f.is_infinite() => {
                return Err(Error::overflow("cannot convert float infinity to integer"))
            }
            Scalar::Float(f) => f.trunc().clamp(i128::MIN as f64, i128::MAX as f64) as i128,
            Scalar::Pointer(a) => a as i128,
        };
        return Ok(Scalar::Int(match kind {
            PrimKind::Bool => (i != 0) as i128,
            PrimKind::Char => wrap_int(i, 1, false),
            _ => wrap_int(i, size, signed),
        }));
    }
    match tt.kind(ty) {
        TypeKind::Primitive(prim)
            if matches!(prim.kind, PrimKind::Float | PrimKind::LongDouble) =>
        {
            let f = match v {
                Scalar::Int(i) => i as f64,
                Scalar::Float(f) => f,
                Scalar::Pointer(_) => {
                    return Err(Error::type_error(format!(
                        "cannot cast a pointer to ctype '{}'",
                        tt.name(ty)
                    )))
                }
            };
            Ok(Scalar::Float(if prim.size == 4 {
                f as f32 as f64
            } else {
                f
            }))
        }
        TypeKind::Pointer(_) | TypeKind::Function(_) => match v {
            Scalar::Int(i) => Ok(Scalar::Pointer(wrap_int(i, 8, false) as usize)),
            Scalar::Pointer(a) => Ok(Scalar::Pointer(a)),
            Scalar::Float(f) if f.is_nan() => {
                Err(Error::value("cannot convert float NaN to integer"))
            }
            Scalar::Float(_) => Err(Error::type_error(format!(
                "cannot cast a float to ctype '{}'",
                tt.name(ty)
            ))),
        },
        _ => Err(Error::type_error(format!(
            "cannot cast to ctype '{}'",
            tt.name(ty)
        ))),
    }
}

/// `ffi.cast` store: [`cast_value`] then an unchecked write.
///
/// # Safety
/// `p` must be valid for writing the type's size.
pub unsafe fn store_cast(tt: &TypeTable, ty: TypeId, p: *mut u8, v: Scalar) -> Result<()> {
    let c = cast_value(tt, ty, v)?;
    if let (Some((size, _, _)), Scalar::Int(i)) = (int_layout(tt, ty), c) {
        // a cast wraps, it never range-checks: `(wchar_t)-1` and `(char32_t)0x110000` are
        // values C can hold (reading them back as characters is what fails)
        // SAFETY: `p` is writable for the type's size (caller's contract), which is `size`.
        unsafe { write_int(p, size, i) };
        return Ok(());
    }
    // SAFETY: `p` is writable for the type's size (caller's contract); `c` is of type `ty`.
    unsafe { store(tt, ty, p, c) }
}

/// Read a bitfield of the struct at `base`.
///
/// # Safety
/// `base` must point to a valid instance of the struct holding `field`.
pub unsafe fn read_bitfield(tt: &TypeTable, base: *const u8, field: &Field) -> i128 {
    let signed = tt
        .integer_repr(field.ty)
        .map(|p| p.is_signed())
        .unwrap_or(false);
    let shift = field.bitshift as u32;
    let bits = field.bitsize as u32;
    let nbytes = (shift + bits).div_ceil(8) as usize;
    // SAFETY: `base` points to a valid struct holding `field` (caller's contract); the field's storage
    // unit of `nbytes` bytes starts at `field.offset` inside it.
    let raw = unsafe { read_int(base.add(field.offset), nbytes, false) } as u128;
    let v = (raw >> shift) & ((1u128 << bits) - 1);
    if signed && bits > 0 && (v >> (bits - 1)) & 1 == 1 {
        v as i128 - (1i128 << bits)
    } else {
        v as i128
    }
}

/// The value range of a bitfield.
pub fn bitfield_range(tt: &TypeTable, field: &Field) -> (i128, i128) {
    let signed = tt
        .integer_repr(field.ty)
        .map(|p| p.is_signed())
        .unwrap_or(false);
    int_range_bits(field.bitsize as u32, signed)
}

fn int_range_bits(bits: u32, signed: bool) -> (i128, i128) {
    if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    }
}

/// Write a bitfield of the struct at `base`, range-checked (CFFI's OverflowError message).
///
/// # Safety
/// `base` must point to a valid instance of the struct holding `field`.
pub unsafe fn write_bitfield(tt: &TypeTable, base: *mut u8, field: &Field, v: i128) -> Result<()> {
    let (lo, hi) = bitfield_range(tt, field);
    if v < lo || v > hi {
        return Err(Error::overflow(format!(
            "value {} outside the range allowed by the bit field width: {} <= x <= {}",
            v, lo, hi
        )));
    }
    // SAFETY: same contract as ours: `base` points to a valid struct holding `field`.
    unsafe { write_bitfield_wrapping(base, field, v) };
    Ok(())
}

/// Write a bitfield keeping only the low bits of `v`.
///
/// # Safety
/// `base` must point to a valid instance of the struct holding `field`.
pub unsafe fn write_bitfield_wrapping(base: *mut u8, field: &Field, v: i128) {
    let shift = field.bitshift as u32;
    let bits = field.bitsize as u32;
    let nbytes = (shift + bits).div_ceil(8) as usize;
    // SAFETY: `base` points to a valid struct holding `field` (caller's contract); the field's storage
    // unit of `nbytes` bytes starts at `field.offset` inside it.
    unsafe {
        let p = base.add(field.offset);
        let raw = read_int(p, nbytes, false) as u128;
        let mask = ((1u128 << bits) - 1) << shift;
        let new = (raw & !mask) | (((v as u128) << shift) & mask);
        write_int(p, nbytes, new as i128);
    }
}

/// Multiply by 2^k without intermediate overflow.
fn ldexp(mut x: f64, mut k: i32) -> f64 {
    while k > 1000 {
        x *= f64::from_bits(((1023 + 1000) as u64) << 52);
        k -= 1000;
    }
    while k < -1000 {
        x *= f64::from_bits(((1023 - 1000) as u64) << 52);
        k += 1000;
    }
    if k < -1022 {
        x *= f64::from_bits(1u64 << 52); // 2^-1022
        k += 1022;
        return x * f64::from_bits(((1023 + k) as u64) << 52);
    }
    x * f64::from_bits(((1023 + k) as u64) << 52)
}

/// Split an f64 into (sign, unbiased exponent e, 64-bit mantissa m with the top bit set) such
/// that |v| = m * 2^(e - 63). `None` for zero, inf and nan.
fn split_f64(v: f64) -> Option<(bool, i32, u64)> {
    if v == 0.0 || !v.is_finite() {
        return None;
    }
    let bits = v.to_bits();
    let neg = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        let lz = frac.leading_zeros() as i32;
        Some((neg, -1074 + 63 - lz, frac << lz))
    } else {
        Some((neg, exp - 1023, (1u64 << 63) | (frac << 11)))
    }
}

/// Convert `long double` bytes (x87 80-bit on x86-64, IEEE binary128 on aarch64) to f64.
pub fn long_double_to_f64(b: &[u8; 16]) -> f64 {
    if cfg!(target_arch = "x86_64") {
        let mant = u64::from_le_bytes(b[0..8].try_into().unwrap());
        let se = u16::from_le_bytes([b[8], b[9]]);
        let neg = se >> 15 == 1;
        let e = (se & 0x7fff) as i32;
        let v = if e == 0x7fff {
            if mant << 1 == 0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        } else if mant == 0 {
            0.0
        } else {
            ldexp(mant as f64, e.max(1) - 16383 - 63)
        };
        if neg {
            -v
        } else {
            v
        }
    } else {
        let q = u128::from_le_bytes(*b);
        let neg = q >> 127 == 1;
        let e = ((q >> 112) & 0x7fff) as i32;
        let frac = q & ((1u128 << 112) - 1);
        let v = if e == 0x7fff {
            if frac == 0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        } else if e == 0 {
            ldexp(frac as f64, 1 - 16383 - 112)
        } else {
            ldexp(((1u128 << 112) | frac) as f64, e - 16383 - 112)
        };
        if neg {
            -v
        } else {
            v
        }
    }
}

/// Convert an f64 to `long double` bytes (exact: f64 values are representable).
pub fn f64_to_long_double(v: f64) -> [u8; 16] {
    let neg = v.is_sign_negative();
    let mut out = [0u8; 16];
    if cfg!(target_arch = "x86_64") {
        let (e, mant) = if v.is_nan() {
            (0x7fffu16, 0xc000_0000_0000_0000u64)
        } else if v.is_infinite() {
            (0x7fff, 1u64 << 63)
        } else {
            match split_f64(v) {
                None => (0, 0),
                Some((_, e, m)) => ((e + 16383) as u16, m),
            }
        };
        out[0..8].copy_from_slice(&mant.to_le_bytes());
        out[8..10].copy_from_slice(&(e | if neg { 0x8000 } else { 0 }).to_le_bytes());
    } else {
        let (e, frac) = if v.is_nan() {
            (0x7fffu128, 1u128 << 111)
        } else if v.is_infinite() {
            (0x7fff, 0)
        } else {
            match split_f64(v) {
                None => (0, 0),
                Some((_, e, m)) => (
                    (e + 16383) as u128,
                    ((m as u128) << 49) & ((1u128 << 112) - 1),
                ),
            }
        };
        let q = ((neg as u128) << 127) | (e << 112) | frac;
        out = q.to_le_bytes();
    }
    out
}
