//! FFI methods about types and values: `typeof`, `sizeof`, `alignof`, `offsetof`, `getctype`,
//! `list_types`, `integer_const`, `string`, `unpack`, `init_once`; plus the registration of the
//! methods living in handles.rs, callback.rs and buffer.rs.

use super::cdata::{self, cdata_of, CData, CDataView, Flavor};
use super::conv::{self, Cls};
use super::ctype_obj::{type_arg, typeof_value};
use super::ffi_obj::cache_of;
use super::ffi_obj::{ctype_object, ffi_self};
use super::{arity, fr, opt_arg};
use crate::obj::layout::{Kind, NativeFn};
use crate::vm::{Args, PyResult, Vm};
use ffi::convert::{self, Scalar};
use ffi::TypeKind;
use gc::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("_cffi_backend.FFI");
    let methods: &[(&str, NativeFn)] = &[
        ("typeof", ffi_typeof),
        ("sizeof", ffi_sizeof),
        ("alignof", ffi_alignof),
        ("offsetof", ffi_offsetof),
        ("getctype", ffi_getctype),
        ("list_types", ffi_list_types),
        ("integer_const", ffi_integer_const),
        ("string", ffi_string),
        ("unpack", ffi_unpack),
        ("init_once", ffi_init_once),
        ("new_handle", super::handles::ffi_new_handle),
        ("from_handle", super::handles::ffi_from_handle),
        ("callback", super::callback::ffi_callback),
        ("from_buffer", super::buffer::ffi_from_buffer),
        ("memmove", super::buffer::ffi_memmove),
    ];
    for (n, f) in methods {
        vm.add_native_method(t, n, *f);
    }
}

fn ffi_typeof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "typeof", 2, 2)?;
    let sh = ffi_self(vm, &a)?;
    let ty = typeof_value(vm, vm.arg(&a, 0), &sh, vm.arg(&a, 1))?;
    ctype_object(vm, vm.arg(&a, 0), ty)
}

/// Size in bytes of a cdata's memory (arrays: allocated length).
fn cdata_size(cd: &CData) -> Option<usize> {
    let tt = cd.sh.tt();
    match tt.kind(cd.ty) {
        // a pointer slice may be longer than any memory: a size that would wrap is unknown
        TypeKind::Array { item, .. } => cd
            .len
            .checked_mul(tt.size_of(*item)?)
            .filter(|s| *s <= isize::MAX as usize),
        TypeKind::Struct(_) if matches!(cd.flavor, Flavor::Owning | Flavor::CoOwning) => {
            Some(cd.size.max(tt.size_of(cd.ty).unwrap_or(0)))
        }
        _ => tt.size_of(cd.ty),
    }
}

fn ffi_sizeof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "sizeof", 2, 2)?;
    let sh = ffi_self(vm, &a)?;
    let x = vm.arg(&a, 1);
    if let Some(cd) = cdata_of(vm, x) {
        return match cdata_size(cd) {
            Some(s) => vm.new_int(s as i64),
            None => {
                let n = cd.name();
                Err(vm.value_error(format!("ctype '{n}' is of unknown size")))
            }
        };
    }
    let ty = type_arg(vm, &sh, x)?;
    let r = sh.tt().require_size(ty);
    let s = fr(vm, r)?;
    vm.new_int(s as i64)
}

fn ffi_alignof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "alignof", 2, 2)?;
    let sh = ffi_self(vm, &a)?;
    let ty = typeof_value(vm, vm.arg(&a, 0), &sh, vm.arg(&a, 1))?;
    let r = sh.tt().check_usable(ty);
    fr(vm, r)?;
    let al = sh.tt().align_of(ty);
    match al {
        Some(x) => vm.new_int(x as i64),
        None => {
            let n = sh.name(ty);
            Err(vm.value_error(format!("ctype '{n}' is of unknown alignment")))
        }
    }
}

fn ffi_offsetof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "offsetof", 2, usize::MAX)?;
    let sh = ffi_self(vm, &a)?;
    let ty = type_arg(vm, &sh, vm.arg(&a, 1))?;
    let r = sh.tt().check_usable(ty);
    fr(vm, r)?;
    let (_, off) = super::ffi_new::walk_fields(vm, &sh, ty, &a, 2)?;
    vm.new_int(off as i64)
}

fn ffi_getctype(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "getctype", &["cdecl", "replace_with"])?;
    let sh = ffi_self(vm, &a)?;
    let Some(decl) = opt_arg(vm, &a, 1, "cdecl") else {
        return Err(vm.type_error("getctype() missing 1 required positional argument: 'cdecl'"));
    };
    let ty = type_arg(vm, &sh, decl)?;
    let rw = match opt_arg(vm, &a, 2, "replace_with") {
        Some(v) => super::str_arg(vm, v, "replace_with")?,
        None => String::new(),
    };
    let s = sh.tt().getctype(ty, &rw);
    vm.new_str(&s)
}

fn str_list(vm: &mut Vm, items: &[String]) -> PyResult<Value> {
    let base = vm.sp();
    for s in items {
        match vm.new_str(s) {
            Ok(v) => vm.push(v),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    let r = vm.new_list_from_stack(items.len());
    vm.truncate(base);
    r
}

fn ffi_list_types(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let sh = ffi_self(vm, &a)?;
    let (t, s, u) = sh.decls.borrow().list_types();
    let base = vm.sp();
    let r = (|| -> PyResult<Value> {
        for l in [&t, &s, &u] {
            let v = str_list(vm, l)?;
            vm.push(v);
        }
        vm.new_tuple_from_stack(3)
    })();
    vm.truncate(base);
    r
}

fn ffi_integer_const(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "integer_const", 2, 2)?;
    let sh = ffi_self(vm, &a)?;
    let name = super::str_arg(vm, vm.arg(&a, 1), "integer_const() name")?;
    let v = sh.decls.borrow().integer_const(&name);
    match v {
        Some(v) => conv::new_int128(vm, v),
        None => Err(vm.raise("cffi.FFIError", &format!("no integer constant '{name}'"))),
    }
}

/// Bytes of a NUL-terminated char string at `p`, at most `max` bytes.
fn c_string(p: *const u8, max: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < max {
        // SAFETY: C semantics: the caller passes a NUL-terminated string or a bounded array.
        let b = unsafe { *p.add(i) };
        if b == 0 {
            break;
        }
        out.push(b);
        i += 1;
    }
    out
}

/// Text of a NUL-terminated wide string of `size`-byte units at `p`.
fn c_wstring(p: *const u8, size: usize, max: usize) -> String {
    let mut units = Vec::new();
    let mut i = 0;
    while i < max {
        // SAFETY: as c_string.
        let c = unsafe { convert::read_int(p.add(i * size), size, false) } as u32;
        if c == 0 {
            break;
        }
        units.push(c);
        i += 1;
    }
    conv::unichar_text(&units, size)
}

/// `ffi.string(cdata, maxlen=-1)`.
fn ffi_string(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "string", &["cdata", "maxlen"])?;
    let Some(_) = opt_arg(vm, &a, 1, "cdata") else {
        return Err(vm.type_error("string() missing 1 required positional argument: 'cdata'"));
    };
    let maxlen = match opt_arg(vm, &a, 2, "maxlen") {
        Some(m) => conv::ssize_value(vm, m)?,
        None => -1,
    };
    // re-read: `__index__` of maxlen may have moved the cdata object
    let c = opt_arg(vm, &a, 1, "cdata").expect("cdata was given (checked above)");
    let Some(cd) = cdata::view_of(vm, c) else {
        let tn = vm.type_name(c);
        return Err(vm.type_error(format!("expected a cdata object, got '{tn}'")));
    };
    let sh = cd.sh.clone();
    let cls = conv::cls_of(&sh, cd.ty);
    let (item, bound) = match cls {
        Cls::Pointer(t) => (t, None),
        Cls::Array { item, .. } => (item, Some(cd.len)),
        _ if cd.flavor == Flavor::Primitive => return primitive_string(vm, &cd),
        _ => {
            let n = cd.name();
            return Err(vm.type_error(format!("string(): unexpected cdata '{n}' argument")));
        }
    };
    let mut max = bound.unwrap_or(usize::MAX);
    if maxlen >= 0 {
        max = max.min(maxlen as usize);
    }
    match conv::cls_of(&sh, item) {
        Cls::Char | Cls::Int if sh.tt().size_of(item) == Some(1) => {
            if cd.ptr.is_null() {
                let r = super::cdata::repr(vm, c)?;
                return Err(vm.raise("RuntimeError", &format!("cannot use string() on {r}")));
            }
            let b = c_string(cd.ptr, max);
            vm.new_bytes(&b)
        }
        Cls::UniChar(size) => {
            if cd.ptr.is_null() {
                let r = super::cdata::repr(vm, c)?;
                return Err(vm.raise("RuntimeError", &format!("cannot use string() on {r}")));
            }
            let s = c_wstring(cd.ptr, size, max);
            vm.new_str(&s)
        }
        _ => {
            let n = cd.name();
            Err(vm.type_error(format!("string(): unexpected cdata '{n}' argument")))
        }
    }
}

/// `ffi.string` of a primitive cdata: char -> bytes, enum -> name, wchar -> str.
fn primitive_string(vm: &mut Vm, cd: &CDataView) -> PyResult<Value> {
    let tt = cd.sh.tt();
    // SAFETY: a primitive cdata's buffer holds its value.
    let v = unsafe { convert::load(&tt, cd.ty, cd.ptr) };
    let is_enum = matches!(tt.kind(cd.ty), TypeKind::Enum(_));
    let cls = conv::classify(&tt, cd.ty);
    let i = match v {
        Ok(Scalar::Int(i)) => i,
        _ => 0,
    };
    if is_enum {
        let s = tt
            .enum_name_of(cd.ty, i)
            .map(|s| s.to_string())
            .unwrap_or_else(|| i.to_string());
        drop(tt);
        return vm.new_str(&s);
    }
    // as CFFI: any one-byte integer (signed/unsigned char, int8_t...) gives one byte too
    let byte_int = matches!(cls, Cls::Int) && tt.size_of(cd.ty) == Some(1);
    drop(tt);
    if byte_int {
        return vm.new_bytes(&[i as u8]);
    }
    match cls {
        Cls::Char => vm.new_bytes(&[i as u8]),
        Cls::UniChar(_) => {
            let c = conv::unichar_char(vm, i)?;
            vm.new_str(&c.to_string())
        }
        _ => {
            let n = cd.name();
            Err(vm.type_error(format!("string(): unexpected cdata '{n}' argument")))
        }
    }
}

/// Larger than any address space (47-bit user space on x86-64 and aarch64 Linux): an unpack this
/// big is a MemoryError before anything is read.
const MAX_UNPACK_BYTES: usize = 1 << 47;

/// `ffi.unpack(cdata, length)`.
fn ffi_unpack(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "unpack", &["cdata", "length"])?;
    let (Some(_), Some(n)) = (opt_arg(vm, &a, 1, "cdata"), opt_arg(vm, &a, 2, "length")) else {
        return Err(vm.type_error("unpack() missing required arguments"));
    };
    let n = conv::ssize_value(vm, n)?;
    if n < 0 {
        return Err(vm.value_error("'length' cannot be negative"));
    }
    let n = n as usize;
    // re-read: `__index__` of the length may have moved the cdata object
    let c = opt_arg(vm, &a, 1, "cdata").expect("cdata was given (checked above)");
    let Some(cd) = cdata_of(vm, c) else {
        let tn = vm.type_name(c);
        return Err(vm.type_error(format!("expected a cdata object, got '{tn}'")));
    };
    let sh = cd.sh.clone();
    let item = match conv::cls_of(&sh, cd.ty) {
        Cls::Pointer(t) => t,
        Cls::Array { item, .. } => item,
        _ => {
            let tn = cd.name();
            return Err(vm.type_error(format!("expected a pointer or array, got a cdata '{tn}'")));
        }
    };
    if cd.ptr.is_null() && n > 0 {
        let r = super::cdata::repr(vm, c)?;
        return Err(vm.raise("RuntimeError", &format!("cannot use unpack() on {r}")));
    }
    let isz = sh.tt().size_of(item).unwrap_or(0);
    let p = cd.ptr;
    // The result is allocated before C memory is read, as CFFI does: a length no memory can
    // hold is CPython's error (bytes: OverflowError past PY_SSIZE_T_MAX, else MemoryError).
    let cls = conv::cls_of(&sh, item);
    if matches!(cls, Cls::Char) && n > isize::MAX as usize - 33 {
        return Err(vm.overflow_error("byte string is too large"));
    }
    if n.checked_mul(isz.max(8))
        .is_none_or(|b| b > MAX_UNPACK_BYTES)
    {
        return Err(vm.memory_error());
    }
    match cls {
        Cls::Char => {
            // SAFETY: C semantics: the caller says n items are there.
            let b = unsafe { std::slice::from_raw_parts(p, n).to_vec() };
            vm.new_bytes(&b)
        }
        Cls::UniChar(size) => {
            let units: Vec<u32> = (0..n)
                // SAFETY: C semantics, as for Cls::Char above: the caller says n items of size bytes are at
                // p.
                .map(|i| unsafe { convert::read_int(p.add(i * size), size, false) } as u32)
                .collect();
            vm.new_str(&conv::unichar_text(&units, size))
        }
        _ => {
            let base = vm.sp();
            vm.push(c);
            for i in 0..n {
                // SAFETY: as above.
                let r = unsafe { conv::load(vm, &sh, item, p.add(i * isz), Value::NULL) };
                match r {
                    Ok(v) => vm.push(v),
                    Err(e) => {
                        vm.truncate(base);
                        return Err(e);
                    }
                }
            }
            let r = vm.new_list_from_stack(n);
            vm.truncate(base);
            r
        }
    }
}

/// `ffi.init_once(func, tag)`: runs func() once per tag; the results live in the FFI's cache dict.
fn ffi_init_once(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "init_once", 3, 3)?;
    let base = vm.sp();
    let k = vm.new_tuple(&[vm.none(), vm.arg(&a, 2)])?;
    vm.push(k);
    let cache = cache_of(vm, vm.arg(&a, 0));
    if let Some(v) = vm.dict_get(cache, k)? {
        vm.truncate(base);
        return Ok(v);
    }
    let r = vm.call(vm.arg(&a, 1), &[]);
    let v = match r {
        Ok(v) => v,
        Err(e) => {
            vm.truncate(base);
            return Err(e);
        }
    };
    vm.push(v);
    let cache = cache_of(vm, vm.arg(&a, 0));
    let r = vm.dict_set(cache, vm.at(base), v);
    let v = vm.at(base + 1);
    vm.truncate(base);
    r.map(|_| v)
}

#[allow(dead_code)]
fn is_str(vm: &Vm, v: Value) -> bool {
    vm.is(v, Kind::Str)
}
