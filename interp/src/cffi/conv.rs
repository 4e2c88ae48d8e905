//! Conversions between Python values and C memory, with CFFI's rules and messages: [`load`]
//! (C -> Python: ints, floats, bytes of length 1, pointer cdata, array/struct views) and [`store`]
//! (Python -> C: checked integers, floats, `char`, pointers, and initializers for arrays and
//! structs from lists, tuples, dicts, bytes and cdata).
//!
//! GC rule: C memory never moves, so raw `*mut u8` destinations stay valid; Python values are
//! pushed on the value stack before any call that may run Python (`__int__`, `__float__`).

use super::cdata::{self, cdata_of, Flavor};
use super::{fr, Shared};
use crate::obj::layout::Kind;
use crate::vm::{PyResult, Vm};
use ffi::convert::{self, Scalar};
use ffi::{PrimKind, TypeId, TypeKind, TypeTable};
use gc::Value;
use num_traits::ToPrimitive;

/// What a C type is, for conversions (copied out of the type table so no borrow is held).
#[derive(Clone, Debug)]
pub enum Cls {
    Int,
    Char,
    UniChar(usize),
    Bool,
    Float(usize),
    LongDouble,
    Pointer(TypeId),
    Function,
    Array {
        item: TypeId,
        len: Option<usize>,
        isize: usize,
    },
    Struct {
        size: usize,
        union: bool,
    },
    Void,
    Other,
}

pub fn classify(tt: &TypeTable, ty: TypeId) -> Cls {
    match tt.kind(ty) {
        TypeKind::Void => Cls::Void,
        TypeKind::Primitive(p) => match p.kind {
            PrimKind::Signed | PrimKind::Unsigned => Cls::Int,
            PrimKind::Char => Cls::Char,
            PrimKind::UniChar => Cls::UniChar(p.size),
            PrimKind::Bool => Cls::Bool,
            PrimKind::Float => Cls::Float(p.size),
            PrimKind::LongDouble => Cls::LongDouble,
            PrimKind::Complex => Cls::Other,
        },
        TypeKind::Enum(e) if e.base.is_some() => Cls::Int,
        TypeKind::Pointer(t) => Cls::Pointer(*t),
        TypeKind::Function(_) => Cls::Function,
        TypeKind::Array { item, length } => Cls::Array {
            item: *item,
            len: *length,
            isize: tt.size_of(*item).unwrap_or(0),
        },
        TypeKind::Struct(s) if s.layout.is_some() => Cls::Struct {
            size: tt.size_of(ty).unwrap_or(0),
            union: s.is_union,
        },
        _ => Cls::Other,
    }
}

pub fn cls_of(sh: &Shared, ty: TypeId) -> Cls {
    classify(&sh.tt(), ty)
}

// ---- C -> Python ----------------------------------------------------------------------------

/// A Python int from an i128.
pub fn new_int128(vm: &mut Vm, i: i128) -> PyResult<Value> {
    match i64::try_from(i) {
        Ok(x) => vm.new_int(x),
        Err(_) => vm.new_bigint(num_bigint::BigInt::from(i)),
    }
}

/// Reads the value of type `ty` at `p` as a Python value. Arrays and structs give views keeping
/// `owner` alive.
///
/// # Safety
/// `p` must point to readable memory holding a value of type `ty` (for arrays and structs: memory
/// that stays valid while `owner`, or the memory's owner, lives).
pub unsafe fn load(
    vm: &mut Vm,
    sh: &Shared,
    ty: TypeId,
    p: *mut u8,
    owner: Value,
) -> PyResult<Value> {
    let cls = cls_of(sh, ty);
    match cls {
        Cls::Int | Cls::Bool | Cls::Char | Cls::UniChar(_) => {
            // SAFETY: p points to a value of type ty (caller's contract).
            let r = unsafe { convert::load(&sh.tt(), ty, p) };
            let i = match fr(vm, r)? {
                Scalar::Int(i) => i,
                _ => 0,
            };
            match cls {
                Cls::Bool => Ok(vm.bool_val(i != 0)),
                Cls::Char => vm.new_bytes(&[i as u8]),
                Cls::UniChar(_) => {
                    let c = unichar_char(vm, i)?;
                    vm.new_str(&c.to_string())
                }
                _ => new_int128(vm, i),
            }
        }
        Cls::Float(_) => {
            // SAFETY: as above.
            let r = unsafe { convert::load(&sh.tt(), ty, p) };
            match fr(vm, r)? {
                Scalar::Float(f) => vm.new_float(f),
                _ => vm.new_float(0.0),
            }
        }
        Cls::LongDouble => {
            let mut b = [0u8; 16];
            // SAFETY: a long double is 16 bytes.
            unsafe { std::ptr::copy_nonoverlapping(p, b.as_mut_ptr(), 16) };
            cdata::new_primitive(vm, sh, ty, &b)
        }
        Cls::Pointer(_) | Cls::Function => {
            // SAFETY: as above.
            let a = unsafe { convert::read_pointer(p) };
            cdata::new_pointer(vm, sh, ty, a)
        }
        Cls::Array { len, .. } => cdata::new_view(vm, sh, ty, p, len.unwrap_or(0), owner),
        Cls::Struct { .. } => cdata::new_view(vm, sh, ty, p, 0, owner),
        _ => {
            let n = sh.name(ty);
            Err(vm.type_error(format!("cdata of type '{n}' cannot be read")))
        }
    }
}

// ---- Python -> C ----------------------------------------------------------------------------

/// The result of the dunder `name` of an instance `v`; Ok(None) (before any GC point) when `v` is
/// not an instance or has no such method. A GC point otherwise.
fn call_instance_hook(vm: &mut Vm, v: Value, name: &str) -> PyResult<Option<Value>> {
    if !vm.is(v, Kind::Instance) {
        return Ok(None);
    }
    let Some(f) = vm.special(v, name) else {
        return Ok(None);
    };
    vm.call(f, &[v]).map(Some)
}

/// CFFI's `nb_int` step for a non-int `v`: calls `__int__` of an instance. Ok(None) when `v` has
/// no `__int__`; a result that is not an int is CFFI's `integer conversion failed`. The hook is
/// a GC point: `v` is dead for the caller afterwards (re-read it from a root).
pub fn int_hook(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let Some(r) = call_instance_hook(vm, v, "__int__")? else {
        return Ok(None);
    };
    if vm.is_int(r) {
        Ok(Some(r))
    } else {
        Err(vm.type_error("integer conversion failed"))
    }
}

/// CPython's `operator.index(v)` for an instance: calls `__index__`. Ok(None) when `v` has no
/// `__index__`. A GC point: `v` is dead for the caller afterwards.
pub fn index_hook(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let Some(r) = call_instance_hook(vm, v, "__index__")? else {
        return Ok(None);
    };
    if vm.is_int(r) {
        Ok(Some(r))
    } else {
        let tn = vm.type_name(r);
        Err(vm.type_error(format!("__index__ returned non-int (type {tn})")))
    }
}

/// CPython's `PyNumber_AsSsize_t(v, OverflowError)` (argument parsing with the `n` format):
/// ints and objects with `__index__`. A GC point when `v` has `__index__`.
// gc-safe: `v` is only read again when index_hook returned None, i.e. before calling any Python
pub fn ssize_value(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let tn = vm.type_name(v);
    let r = match index_hook(vm, v)? {
        Some(r) => r,
        None if vm.is_int(v) => v,
        None => {
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    };
    match vm.to_i64(r) {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// CPython's `PyNumber_AsSsize_t(v, OverflowError)` (CFFI's pointer arithmetic `p + n`): ints
/// and `__index__`, TypeError for anything else, OverflowError naming `v`'s type when the integer
/// does not fit. A GC point when `v` has `__index__`.
// gc-safe: `v` is only read again when index_hook returned None, i.e. before calling any Python
pub fn index_ssize(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let tn = vm.type_name(v);
    let r = match index_hook(vm, v)? {
        Some(r) => r,
        None if vm.is_int(v) => v,
        None => {
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
    };
    match vm.to_i64(r) {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error(format!("cannot fit '{tn}' into an index-sized integer"))),
    }
}

/// The index `k` of `x[k]` on a cdata or buffer (`what`): ints, or `__index__` with CPython's
/// messages. `k` is dead after the hook (the VM's `index_value` names the type of a stale `k`
/// when `__index__` returns a non-int, so instances are handled here).
// gc-safe: `k` reaches index_value only when index_hook returned None without calling Python
pub fn item_index(vm: &mut Vm, k: Value, what: &str) -> PyResult<i64> {
    if vm.is(k, Kind::Instance) {
        let tn = vm.type_name(k);
        if let Some(r) = index_hook(vm, k)? {
            return match vm.to_i64(r) {
                Some(i) => Ok(i),
                None => Err(vm.raise(
                    "IndexError",
                    &format!("cannot fit '{tn}' into an index-sized integer"),
                )),
            };
        }
    }
    vm.index_value(k, what)
}

/// An integer from a Python value for a store into `ty` (TypeError for floats and others).
/// `Err(Some(text))` inside Ok means an int too big for i128 (overflow with that text).
/// A GC point when `v` has `__int__`: callers must not use `v` afterwards.
fn int_value(vm: &mut Vm, v: Value, sh: &Shared, ty: TypeId) -> PyResult<i128> {
    if let Some(i) = vm.to_i64(v) {
        return Ok(i as i128);
    }
    if vm.is(v, Kind::BigInt) {
        let n = vm.to_bigint(v).unwrap_or_default();
        return match n.to_i128() {
            Some(i) => Ok(i),
            None => match sh.tt().integer_repr(ty).map(|p| p.kind) {
                Some(PrimKind::Unsigned) if n.sign() == num_bigint::Sign::Minus => {
                    Err(vm.overflow_error("can't convert negative number to unsigned"))
                }
                Some(PrimKind::Signed | PrimKind::Unsigned) => {
                    Err(vm.overflow_error("int too big to convert"))
                }
                _ => {
                    let tn = sh.name(ty);
                    Err(vm.overflow_error(format!("integer {n} does not fit '{tn}'")))
                }
            },
        };
    }
    if let Some(cd) = cdata_of(vm, v) {
        if cd.flavor == Flavor::Primitive {
            let tt = cd.sh.tt();
            if tt.integer_repr(cd.ty).is_some() {
                // SAFETY: a primitive cdata's buffer holds its value.
                if let Ok(Scalar::Int(i)) = unsafe { convert::load(&tt, cd.ty, cd.ptr) } {
                    return Ok(i);
                }
            }
        }
        return Err(vm.type_error("an integer is required"));
    }
    if vm.is(v, Kind::Float) {
        return Err(vm.type_error("an integer is required"));
    }
    // `v` is dead after the hook: only its fresh result is used
    match int_hook(vm, v)? {
        Some(r) => int_value(vm, r, sh, ty),
        None => Err(vm.type_error("an integer is required")),
    }
}

/// Rewrites CFFI's overflow message `<prefix><i> ...` to name `str(orig)` instead of the
/// converted value `i`, as CFFI does when the value came from a hook (`integer X(300) does not
/// fit 'char'`). `orig` is re-read from the value stack slot `slot` (str() runs Python).
fn overflow_with_str(
    vm: &mut Vm,
    e: ffi::Error,
    prefix: &str,
    i: i128,
    slot: usize,
) -> PyResult<ffi::Error> {
    let num = format!("{prefix}{i} ");
    if e.kind != ffi::ErrorKind::Overflow || !e.message.starts_with(&num) || vm.is_int(vm.at(slot))
    {
        return Ok(e);
    }
    let s = vm.str_string(vm.at(slot))?;
    let rest = &e.message[num.len()..];
    Ok(ffi::Error::new(
        ffi::ErrorKind::Overflow,
        format!("{prefix}{s} {rest}"),
    ))
}

/// A float from a Python value, as CPython's `PyFloat_AsDouble` (`__float__`, then `__index__`;
/// `must be real number, not str`). A GC point when `v` has a hook: callers must not use `v`
/// afterwards.
pub fn float_value(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if vm.is(v, Kind::Float) {
        return Ok(vm.float_val(v));
    }
    if let Some(i) = vm.to_i64(v) {
        return Ok(i as f64);
    }
    if vm.is(v, Kind::BigInt) {
        return bigint_to_f64(vm, v);
    }
    if let Some(cd) = cdata_of(vm, v) {
        if cd.flavor == Flavor::Primitive {
            let tt = cd.sh.tt();
            // SAFETY: a primitive cdata's buffer holds its value.
            match unsafe { convert::load(&tt, cd.ty, cd.ptr) } {
                Ok(Scalar::Float(f)) => return Ok(f),
                Ok(Scalar::Int(i)) => return Ok(i as f64),
                _ => {}
            }
        }
    }
    // the type name is taken before the hooks run: `v` may move (or die) during them
    let tn = vm.type_name(v);
    if vm.is(v, Kind::Instance) {
        if let Some(f) = vm.special(v, "__float__") {
            let r = vm.call(f, &[v])?;
            if vm.is(r, Kind::Float) {
                return Ok(vm.float_val(r));
            }
            let rn = vm.type_name(r);
            return Err(vm.type_error(format!("{tn}.__float__ returned non-float (type {rn})")));
        }
        if let Some(r) = index_hook(vm, v)? {
            if let Some(i) = vm.to_i64(r) {
                return Ok(i as f64);
            }
            return bigint_to_f64(vm, r);
        }
    }
    Err(vm.type_error(format!("must be real number, not {tn}")))
}

fn bigint_to_f64(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.to_bigint(v).and_then(|n| n.to_f64()) {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.overflow_error("int too large to convert to float")),
    }
}

/// The name used in "not X" parts of messages: `int`, or `cdata 'int *'` for cdata.
pub fn what_is(vm: &Vm, v: Value) -> String {
    match cdata_of(vm, v) {
        Some(cd) => format!("cdata '{}'", cd.name()),
        None => vm.type_name(v),
    }
}

/// The address a cdata gives when converted to the pointer type `ty` (CFFI's compatibility
/// rules); `arg` selects the message used for function arguments.
pub fn pointer_value(vm: &mut Vm, sh: &Shared, ty: TypeId, v: Value, arg: bool) -> PyResult<usize> {
    let tn = sh.name(ty);
    let Some(cd) = cdata_of(vm, v) else {
        let w = vm.type_name(v);
        return Err(vm.type_error(format!(
            "initializer for ctype '{tn}' must be a cdata pointer, not {w}"
        )));
    };
    let ok = {
        let tt = sh.tt();
        let stt = cd.sh.tt();
        let same_table = std::rc::Rc::ptr_eq(&cd.sh, sh);
        let src_name = stt.name(cd.ty);
        let target_item = tt.item(ty);
        let is_void = |t: &TypeTable, x: TypeId| matches!(t.kind(x), TypeKind::Void);
        match stt.kind(cd.ty) {
            _ if cd.flavor == Flavor::Primitive => false,
            // Within one table equal types are equal ids (two distinct structs may share a
            // name: `_cffi_backend.new_struct_type`); across tables the C spelling decides.
            TypeKind::Pointer(sitem) => {
                (same_table && cd.ty == ty)
                    || (!same_table && src_name == tn)
                    || target_item.is_some_and(|t| is_void(&tt, t))
                    || is_void(&stt, *sitem)
            }
            TypeKind::Array { item, .. } => {
                (same_table && target_item == Some(*item))
                    || target_item.is_some_and(|t| {
                        (!same_table && tt.name(t) == stt.name(*item)) || is_void(&tt, t)
                    })
            }
            TypeKind::Function(_) => {
                (same_table && cd.ty == ty)
                    || (!same_table && src_name == tn)
                    || target_item.is_some_and(|t| is_void(&tt, t))
            }
            _ => false,
        }
    };
    if ok {
        return Ok(cd.ptr as usize);
    }
    let src = cd.name();
    let charp = sh.tt().item(ty).is_some_and(|t| {
        sh.tt()
            .prim(t)
            .is_some_and(|p| p.size == 1 && p.is_integer())
    });
    if cd.flavor != Flavor::Primitive && charp && arg {
        return Err(vm.type_error(format!("implicit cast to '{tn}' from a different pointer type.(check that the types are as you expect; use an explicit ffi.cast() if they are correct)")));
    }
    if cd.flavor == Flavor::Primitive
        || !cd.is_pointer_kind() && !matches!(cd.sh.tt().kind(cd.ty), TypeKind::Array { .. })
    {
        return Err(vm.type_error(format!(
            "initializer for ctype '{tn}' must be a cdata pointer, not cdata '{src}'"
        )));
    }
    if src == tn {
        return Err(vm.type_error(format!(
            "initializer for ctype '{tn}' appears indeed to be '{src}', but the types are different (check that you are not e.g. mixing up different ffi instances)"
        )));
    }
    Err(vm.type_error(format!(
        "initializer for ctype '{tn}' must be a pointer to same type, not cdata '{src}'"
    )))
}

/// Writes the Python value `v` as a `ty` at `p` (checked conversion, initializers included).
///
/// # Safety
/// `p` must be valid for writing a value of type `ty` (for open arrays: as many items as the
/// initializer gives).
pub unsafe fn store(vm: &mut Vm, sh: &Shared, ty: TypeId, p: *mut u8, v: Value) -> PyResult<()> {
    let cls = cls_of(sh, ty);
    match cls {
        Cls::Int | Cls::Bool => {
            if vm.is(v, Kind::Float) {
                return Err(vm.type_error("an integer is required"));
            }
            // rooted: the overflow message names str(v) after `__int__` ran
            let base = vm.sp();
            vm.push(v);
            // SAFETY: as this function's contract.
            let r = unsafe { store_int(vm, sh, ty, p, base) };
            vm.truncate(base);
            r
        }
        Cls::Char => {
            let b = char_value(vm, sh, ty, v)?;
            // SAFETY: as above.
            unsafe { *p = b };
            Ok(())
        }
        Cls::UniChar(size) => {
            let c = unichar_value(vm, sh, ty, v, size)?;
            // SAFETY: as above.
            unsafe { convert::write_int(p, size, c as i128) };
            Ok(())
        }
        Cls::Float(_) | Cls::LongDouble => {
            let f = float_value(vm, v)?;
            // SAFETY: as above.
            let r = unsafe { convert::store(&sh.tt(), ty, p, Scalar::Float(f)) };
            fr(vm, r)
        }
        Cls::Pointer(_) | Cls::Function => {
            let a = pointer_value(vm, sh, ty, v, false)?;
            // SAFETY: as above.
            unsafe { convert::write_pointer(p, a) };
            Ok(())
        }
        // SAFETY: our contract: p is valid for writing a `ty`, this array type.
        Cls::Array { item, len, isize } => unsafe {
            store_array(vm, sh, ty, p, v, item, len, isize)
        },
        // SAFETY: our contract: p is valid for writing a `ty`, this struct type.
        Cls::Struct { .. } => unsafe { store_struct(vm, sh, ty, p, v) },
        _ => {
            let n = sh.name(ty);
            let r = sh.tt().check_usable(ty);
            fr(vm, r)?;
            Err(vm.type_error(format!("cannot store into ctype '{n}'")))
        }
    }
}

/// The integer part of [`store`]: the value is at value stack slot `slot`.
///
/// # Safety
/// As [`store`].
unsafe fn store_int(vm: &mut Vm, sh: &Shared, ty: TypeId, p: *mut u8, slot: usize) -> PyResult<()> {
    let i = int_value(vm, vm.at(slot), sh, ty)?;
    let kind = sh.tt().integer_repr(ty).map(|p| p.kind);
    // CFFI reads a _Bool initializer as an unsigned long long too
    if i < 0 && matches!(kind, Some(PrimKind::Unsigned | PrimKind::Bool)) {
        return Err(vm.overflow_error("can't convert negative number to unsigned"));
    }
    // CFFI reads the int as a C long long / unsigned long long first
    let too_big = match kind {
        Some(PrimKind::Signed) => i64::try_from(i).is_err(),
        Some(PrimKind::Unsigned | PrimKind::Bool) => u64::try_from(i).is_err(),
        _ => false,
    };
    if too_big {
        return Err(vm.overflow_error("int too big to convert"));
    }
    // SAFETY: p is valid for the type's size (caller's contract).
    let r = unsafe { convert::store(&sh.tt(), ty, p, Scalar::Int(i)) };
    match r {
        Ok(()) => Ok(()),
        Err(e) => {
            let e = overflow_with_str(vm, e, "integer ", i, slot)?;
            Err(super::raise_ffi(vm, e))
        }
    }
}

fn char_value(vm: &mut Vm, sh: &Shared, ty: TypeId, v: Value) -> PyResult<u8> {
    if vm.is(v, Kind::Bytes) && vm.bytes_of(v).len() == 1 {
        return Ok(vm.bytes_of(v)[0]);
    }
    if let Some(cd) = cdata_of(vm, v) {
        if cd.flavor == Flavor::Primitive && cd.sh.tt().is_char(cd.ty) {
            // SAFETY: the primitive buffer holds the char.
            return Ok(unsafe { *cd.ptr });
        }
    }
    let tn = sh.name(ty);
    let w = what_is(vm, v);
    Err(vm.type_error(format!(
        "initializer for ctype '{tn}' must be a bytes of length 1, not {w}"
    )))
}

/// The code unit a wchar_t/char16_t/char32_t (of `size` bytes) takes from `v`: a str of one
/// character (a char16_t cannot hold one above U+FFFF) or a primitive cdata of the same type.
/// The messages are CFFI's, which names the type by its size ('char32_t' for wchar_t too).
fn unichar_value(vm: &mut Vm, sh: &Shared, ty: TypeId, v: Value, size: usize) -> PyResult<u32> {
    let w = if vm.is(v, Kind::Str) {
        let s = vm.str_of(v);
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (Some(c), None) if size == 2 && crate::unicode::code_of(c) > 0xffff => {
                "larger-than-0xFFFF character".to_string()
            }
            (Some(c), None) => return Ok(crate::unicode::code_of(c)),
            _ => format!("unicode string of length {}", s.chars().count()),
        }
    } else if let Some(cd) = cdata_of(vm, v) {
        if cd.flavor == Flavor::Primitive && cd.ty == ty && std::rc::Rc::ptr_eq(&cd.sh, sh) {
            // SAFETY: the primitive buffer holds a value of this type.
            return Ok(unsafe { convert::read_int(cd.ptr, size, false) } as u32);
        }
        "_cffi_backend._CDataBase".to_string()
    } else {
        vm.type_name(v)
    };
    let tn = if size == 2 { "char16_t" } else { "char32_t" };
    Err(vm.type_error(format!(
        "initializer for ctype '{tn}' must be a unicode string of length 1, not {w}"
    )))
}

/// The character of a wchar_t/char16_t/char32_t value read from C, as CFFI builds it: a value
/// beyond U+10FFFF (or a negative wchar_t) is the SystemError CPython's PyUnicode_New raises.
/// A surrogate (U+D800..U+DFFF) is stored as crate::unicode describes; a code point of that store
/// (which minipy cannot represent) reads as U+FFFD.
pub fn unichar_char(vm: &mut Vm, i: i128) -> PyResult<char> {
    if !(0..=0x10ffff).contains(&i) {
        return Err(vm.raise(
            "SystemError",
            "invalid maximum character passed to PyUnicode_New",
        ));
    }
    Ok(crate::unicode::char_of(i as u32).unwrap_or('\u{fffd}'))
}

/// The code units of `s` in a wchar_t/char16_t/char32_t array of `size`-byte items: UTF-16
/// (astral characters as surrogate pairs) for char16_t, code points otherwise.
pub fn unichar_units(s: &str, size: usize) -> Vec<u32> {
    let cps = s.chars().map(crate::unicode::code_of);
    if size == 2 {
        let mut out = Vec::with_capacity(s.len());
        for c in cps {
            if c >= 0x10000 {
                out.push(0xD800 + ((c - 0x10000) >> 10));
                out.push(0xDC00 + ((c - 0x10000) & 0x3FF));
            } else {
                out.push(c);
            }
        }
        out
    } else {
        cps.collect()
    }
}

/// The text of `units` read from a wchar_t/char16_t/char32_t array: char16_t surrogate pairs
/// are joined into one character and an unpaired surrogate stays one (as CFFI); a value beyond
/// U+10FFFF becomes U+FFFD (CPython builds strings minipy cannot represent there).
pub fn unichar_text(units: &[u32], size: usize) -> String {
    let ch = |u: u32| crate::unicode::char_of(u).unwrap_or('\u{fffd}');
    if size == 2 {
        char::decode_utf16(units.iter().map(|u| *u as u16))
            .map(|c| c.unwrap_or_else(|e| ch(e.unpaired_surrogate() as u32)))
            .collect()
    } else {
        units.iter().map(|&u| ch(u)).collect()
    }
}

/// The items of a list or tuple argument, rooted at `slot` (re-read them with `seq_item`).
pub fn seq_len(vm: &Vm, v: Value) -> Option<usize> {
    if vm.is(v, Kind::List) {
        Some(vm.list_len(v))
    } else if vm.is(v, Kind::Tuple) {
        Some(vm.tuple_items(v).len())
    } else {
        None
    }
}

pub fn seq_item(vm: &Vm, v: Value, i: usize) -> Option<Value> {
    if vm.is(v, Kind::List) {
        vm.list_items(v).get(i).copied()
    } else if vm.is(v, Kind::Tuple) {
        vm.tuple_items(v).get(i).copied()
    } else {
        None
    }
}

/// Stores an array initializer at `p`.
///
/// # Safety
/// As [`store`].
#[allow(clippy::too_many_arguments)]
unsafe fn store_array(
    vm: &mut Vm,
    sh: &Shared,
    ty: TypeId,
    p: *mut u8,
    v: Value,
    item: TypeId,
    len: Option<usize>,
    isize: usize,
) -> PyResult<()> {
    if len.is_none() && vm.is_int(v) {
        return Ok(()); // the length of a var-sized struct's last field: nothing to store
    }
    if len.is_none() && vm.is(v, Kind::Instance) && vm.special(v, "__index__").is_some() {
        // a length through `__index__` (CFFI calls it again here); `v` is dead after it
        ssize_value(vm, v)?;
        return Ok(());
    }
    let tn = sh.name(ty);
    let item_cls = cls_of(sh, item);
    if let Some(n) = seq_len(vm, v) {
        if let Some(l) = len {
            if n > l {
                return Err(vm.index_error(format!("too many initializers for '{tn}' (got {n})")));
            }
        }
        let base = vm.sp();
        vm.push(v);
        for i in 0..n {
            let Some(x) = seq_item(vm, vm.at(base), i) else {
                break;
            };
            // SAFETY: i < the array's length; p is valid for len * isize bytes.
            let q = unsafe { p.add(i * isize) };
            // SAFETY: q is item i of the array at p, valid for an `item` (our contract).
            if let Err(e) = unsafe { store(vm, sh, item, q, x) } {
                vm.truncate(base);
                return Err(e);
            }
        }
        vm.truncate(base);
        return Ok(());
    }
    if (matches!(item_cls, Cls::Char) || matches!(item_cls, Cls::Int) && isize == 1)
        && vm.is(v, Kind::Bytes)
    {
        let n = vm.bytes_of(v).len();
        if let Some(l) = len {
            if n > l {
                return Err(vm.index_error(format!(
                    "initializer bytes is too long for '{tn}' (got {n} characters)"
                )));
            }
        }
        let b = vm.bytes_of(v);
        // SAFETY: the array holds at least n bytes (checked, or sized from b by the caller).
        unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), p, n) };
        if len.is_none_or(|l| n < l) {
            // SAFETY: room for the terminating NUL (checked above).
            unsafe { *p.add(n) = 0 };
        }
        return Ok(());
    }
    if let Cls::UniChar(size) = item_cls {
        if vm.is(v, Kind::Str) {
            let cs = unichar_units(vm.str_of(v), size);
            if let Some(l) = len {
                if cs.len() > l {
                    return Err(vm.index_error(format!(
                        "initializer unicode is too long for '{tn}' (got {} characters)",
                        cs.len()
                    )));
                }
            }
            for (i, c) in cs.iter().enumerate() {
                // SAFETY: within the array (checked above).
                unsafe { convert::write_int(p.add(i * size), size, *c as i128) };
            }
            return Ok(());
        }
    }
    if let Some(cd) = cdata_of(vm, v) {
        if cd.ty == ty && std::rc::Rc::ptr_eq(&cd.sh, sh) && len.is_some() {
            // SAFETY: same array type: same size; memmove tolerates overlap.
            unsafe { std::ptr::copy(cd.ptr, p, len.unwrap_or(0) * isize) };
            return Ok(());
        }
    }
    let w = what_is(vm, v);
    let kinds = if matches!(item_cls, Cls::Char) {
        "bytes or list or tuple"
    } else if matches!(item_cls, Cls::UniChar(_)) {
        "str or list or tuple"
    } else {
        "list or tuple"
    };
    Err(vm.type_error(format!(
        "initializer for ctype '{tn}' must be a {kinds}, not {w}"
    )))
}

/// Stores a struct initializer at `p`.
///
/// # Safety
/// As [`store`].
unsafe fn store_struct(vm: &mut Vm, sh: &Shared, ty: TypeId, p: *mut u8, v: Value) -> PyResult<()> {
    let tn = sh.name(ty);
    if let Some(cd) = cdata_of(vm, v) {
        if cd.sh.name(cd.ty) == tn && !cd.is_pointer_kind() {
            let size = sh.tt().size_of(ty).unwrap_or(0);
            // SAFETY: same struct type; copy (may overlap).
            unsafe { std::ptr::copy(cd.ptr, p, size) };
            return Ok(());
        }
    }
    let fields: Vec<ffi::Field> = sh.tt().fields(ty).map(|f| f.to_vec()).unwrap_or_default();
    let is_union = matches!(cls_of(sh, ty), Cls::Struct { union: true, .. });
    if let Some(n) = seq_len(vm, v) {
        let limit = if is_union {
            1.min(fields.len())
        } else {
            fields.len()
        };
        if n > limit {
            return Err(vm.value_error(format!("too many initializers for '{tn}' (got {n})")));
        }
        let base = vm.sp();
        vm.push(v);
        for (i, f) in fields.iter().enumerate().take(n) {
            let Some(x) = seq_item(vm, vm.at(base), i) else {
                break;
            };
            // SAFETY: p holds a struct of type ty (our contract), which has field f.
            if let Err(e) = unsafe { store_field(vm, sh, p, f, x) } {
                vm.truncate(base);
                return Err(e);
            }
        }
        vm.truncate(base);
        return Ok(());
    }
    if vm.is(v, Kind::Dict) {
        let base = vm.sp();
        vm.push(v);
        let used = vm.dict_used(v);
        for i in 0..used {
            let Some((k, x)) = vm.dict_entry(vm.at(base), i) else {
                continue;
            };
            let name = if vm.is(k, Kind::Str) {
                vm.str_of(k).to_string()
            } else {
                String::new()
            };
            let Some(f) = fields.iter().find(|f| f.name == name && !name.is_empty()) else {
                vm.truncate(base);
                return Err(vm.key_error(k));
            };
            // SAFETY: p holds a struct of type ty (our contract), which has field f.
            if let Err(e) = unsafe { store_field(vm, sh, p, f, x) } {
                vm.truncate(base);
                return Err(e);
            }
        }
        vm.truncate(base);
        return Ok(());
    }
    let w = what_is(vm, v);
    Err(vm.type_error(format!(
        "initializer for ctype '{tn}' must be a list or tuple or dict or struct-cdata, not {w}"
    )))
}

/// Stores `v` into field `f` of the struct at `base` (bitfields range-checked).
///
/// # Safety
/// `base` must point to writable memory holding a struct that has field `f`.
pub unsafe fn store_field(
    vm: &mut Vm,
    sh: &Shared,
    base: *mut u8,
    f: &ffi::Field,
    v: Value,
) -> PyResult<()> {
    if f.is_bitfield() {
        if vm.is(v, Kind::Float) {
            return Err(vm.type_error("an integer is required"));
        }
        // rooted: the overflow message names str(v) after `__index__` ran
        let slot = vm.sp();
        vm.push(v);
        let r = store_bitfield(vm, sh, base, f, slot);
        vm.truncate(slot);
        return r;
    }
    // SAFETY: base holds a struct with field f (our contract), so the field lies inside it and is
    // valid for writing an f.ty.
    unsafe { store(vm, sh, f.ty, base.add(f.offset), v) }
}

/// Stores the value at value stack slot `slot` into bitfield `f` (ints and `__index__`, as CFFI).
fn store_bitfield(
    vm: &mut Vm,
    sh: &Shared,
    base: *mut u8,
    f: &ffi::Field,
    slot: usize,
) -> PyResult<()> {
    let v = vm.at(slot);
    let i = if vm.is(v, Kind::Instance) {
        let tn = vm.type_name(v);
        match index_hook(vm, v)? {
            Some(r) => int_value(vm, r, sh, f.ty)?,
            None => {
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                )
            }
        }
    } else {
        int_value(vm, v, sh, f.ty)?
    };
    // SAFETY: base points to the struct holding f (store_field's contract).
    let r = unsafe { convert::write_bitfield(&sh.tt(), base, f, i) };
    match r {
        Ok(()) => Ok(()),
        Err(e) => {
            let e = overflow_with_str(vm, e, "value ", i, slot)?;
            Err(super::raise_ffi(vm, e))
        }
    }
}

/// Loads field `f` of the struct at `base`; views keep `owner` alive.
///
/// # Safety
/// `base` must point to readable memory holding a struct that has field `f`.
pub unsafe fn load_field(
    vm: &mut Vm,
    sh: &Shared,
    base: *mut u8,
    f: &ffi::Field,
    owner: Value,
) -> PyResult<Value> {
    if f.is_bitfield() {
        // SAFETY: base points to the struct holding f.
        let i = unsafe { convert::read_bitfield(&sh.tt(), base, f) };
        if matches!(cls_of(sh, f.ty), Cls::Bool) {
            return Ok(vm.bool_val(i != 0));
        }
        return new_int128(vm, i);
    }
    // SAFETY: base holds a struct with field f (our contract), so the field lies inside it and is
    // valid for reading an f.ty.
    unsafe { load(vm, sh, f.ty, base.add(f.offset), owner) }
}

/// Size in bytes needed for `ffi.new(ty, init)` of an open array given its initializer, and the
/// item count: list/tuple length, bytes length + 1, or an int count.
pub fn open_array_len(vm: &mut Vm, item_cls: &Cls, init: Value) -> PyResult<usize> {
    if let Some(n) = seq_len(vm, init) {
        return Ok(n);
    }
    if vm.is(init, Kind::Bytes) && matches!(item_cls, Cls::Char | Cls::Int) {
        return Ok(vm.bytes_of(init).len() + 1);
    }
    if let (true, Cls::UniChar(size)) = (vm.is(init, Kind::Str), item_cls) {
        return Ok(unichar_units(vm.str_of(init), *size).len() + 1);
    }
    if let Some(n) = vm.to_i64(init) {
        if n < 0 {
            return Err(vm.value_error("negative array length"));
        }
        return Ok(n as usize);
    }
    if vm.is_int(init) {
        // PyNumber_AsSsize_t(init, OverflowError)'s message
        return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
    }
    let w = what_is(vm, init);
    if vm.is(init, Kind::Instance) {
        let tn = vm.type_name(init);
        // PyNumber_AsSsize_t: `init` is dead after the hook (the message was made before it)
        let r = match index_hook(vm, init) {
            Ok(Some(r)) => r,
            Ok(None) => Value::NULL,
            Err(_) if vm.exc_matches(vm.roots.exc, "TypeError") => {
                vm.take_exc(); // replaced by CFFI's message below
                Value::NULL
            }
            Err(e) => return Err(e),
        };
        if !r.is_null() {
            return match vm.to_i64(r) {
                Some(n) if n < 0 => Err(vm.value_error("negative array length")),
                Some(n) => Ok(n as usize),
                None => {
                    Err(vm.overflow_error(format!("cannot fit '{tn}' into an index-sized integer")))
                }
            };
        }
    }
    Err(vm.type_error(format!(
        "expected new array length or list/tuple/str, not {w}"
    )))
}

/// A cdata copy of a struct value at `p` (struct results): an owning struct cdata.
///
/// # Safety
/// `p` must be valid for reading `size` bytes.
pub unsafe fn owning_copy(
    vm: &mut Vm,
    sh: &Shared,
    ty: TypeId,
    p: *const u8,
    size: usize,
) -> PyResult<Value> {
    let v = cdata::new_owning(vm, sh, ty, size, 0)?;
    if let Some(cd) = cdata_of(vm, v) {
        // SAFETY: both buffers hold `size` bytes.
        unsafe { std::ptr::copy_nonoverlapping(p, cd.ptr, size) };
    }
    Ok(v)
}
