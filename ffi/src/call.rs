//! Calling C functions through libffi.
//!
//! A [`CallInterface`] is a prepared libffi `ffi_cif` for one function type (plus, for
//! variadic functions, the types of the arguments passed in the `...` part of one call). Build
//! it once per function and reuse it for every call; for variadic functions build one per
//! distinct list of variadic argument types.
//! Invariants:
//! - The cif and every `ffi_type` it points to (struct descriptions) are owned by the
//!   `CallInterface` and live in boxes, so moving a `CallInterface` never invalidates them.
//! - Arguments are passed as pointers to buffers holding the C value of each (already converted
//!   with [`crate::convert`]); the return buffer must be at least
//!   [`CallInterface::ret_buffer_size`] bytes, 16-byte aligned. Integer results narrower than
//!   8 bytes are widened by libffi: read them at offset 0 (little-endian).
//! - Unions, structs with bitfields, anonymous members or packed layouts cannot be passed or
//!   returned by value (NotImplementedError, as CFFI in ABI mode).

use crate::ctype::{PrimKind, TypeId, TypeKind, TypeTable};
use crate::error::{Error, Result};
use libffi::low::CodePtr;
use libffi::raw::{self, ffi_cif, ffi_type};
use std::ffi::c_void;
use std::ptr;

/// Owner of the `ffi_type` descriptions built for struct types.
#[derive(Default)]
pub(crate) struct FfiTypes {
    cache: std::collections::HashMap<TypeId, *mut ffi_type>,
    // Boxed: the addresses are handed to libffi and must survive the Vec growing.
    #[allow(clippy::vec_box)]
    structs: Vec<Box<ffi_type>>,
    elements: Vec<Box<[*mut ffi_type]>>,
}

impl FfiTypes {
    /// The libffi description of `ty` as an argument or result (`place` is "argument" or
    /// "return value", for error messages).
    pub(crate) fn get(&mut self, tt: &TypeTable, ty: TypeId, place: &str) -> Result<*mut ffi_type> {
        // SAFETY: only the addresses of libffi's static type descriptions are taken.
        unsafe {
            Ok(match tt.kind(ty) {
                TypeKind::Void => ptr::addr_of_mut!(raw::ffi_type_void),
                TypeKind::Pointer(_) | TypeKind::Function(_) | TypeKind::Array { .. } => {
                    ptr::addr_of_mut!(raw::ffi_type_pointer)
                }
                TypeKind::Primitive(p) => match p.kind {
                    PrimKind::Float if p.size == 4 => ptr::addr_of_mut!(raw::ffi_type_float),
                    PrimKind::Float => ptr::addr_of_mut!(raw::ffi_type_double),
                    PrimKind::LongDouble => long_double_type(tt, ty, place)?,
                    PrimKind::Complex => {
                        return Err(unsupported(
                            tt,
                            ty,
                            place,
                            "complex numbers are not supported",
                        ))
                    }
                    _ => int_type(p.size, p.is_signed()),
                },
                TypeKind::Enum(_) => {
                    tt.check_usable(ty)?;
                    let p = tt.integer_repr(ty).unwrap();
                    int_type(p.size, p.is_signed())
                }
                TypeKind::UnknownNumber { .. } => {
                    tt.check_usable(ty)?;
                    unreachable!()
                }
                TypeKind::Struct(_) if self.cache.contains_key(&ty) => self.cache[&ty],
                TypeKind::Struct(s) => {
                    tt.check_usable(ty)?;
                    let layout = match &s.layout {
                        Some(l) => l,
                        None => {
                            return Err(Error::type_error(format!(
                                "ctype '{}' has incomplete type",
                                tt.name(ty)
                            )))
                        }
                    };
                    if s.is_union {
                        return Err(unsupported(
                            tt,
                            ty,
                            place,
                            "It is a union, which libffi does not support",
                        ));
                    }
                    if layout.has_bitfields {
                        return Err(unsupported(
                            tt,
                            ty,
                            place,
                            "It is a struct with bit fields, which libffi does not support",
                        ));
                    }
                    if layout.custom_field_pos || s.partial {
                        return Err(unsupported(tt, ty, place, "It is a struct declared with \"...;\", but the C calling convention may depend on the missing fields; or, it contains anonymous struct/unions"));
                    }
                    if layout.var_sized {
                        return Err(unsupported(
                            tt,
                            ty,
                            place,
                            "It is a struct with a variable-sized array",
                        ));
                    }
                    let packed_change = layout
                        .fields
                        .iter()
                        .any(|f| f.offset % tt.align_of(f.ty).unwrap_or(1) != 0)
                        || tt.align_of(ty)
                            != layout
                                .fields
                                .iter()
                                .map(|f| tt.align_of(f.ty).unwrap_or(1))
                                .max()
                                .or(Some(1));
                    if packed_change {
                        return Err(unsupported(tt, ty, place, "It is a 'packed' structure, with a different layout than expected by libffi"));
                    }
                    let mut elems: Vec<*mut ffi_type> = Vec::new();
                    for f in &layout.fields {
                        let (item, count) = flatten_array(tt, f.ty);
                        let et = self.get(tt, item, place)?;
                        for _ in 0..count {
                            elems.push(et);
                        }
                    }
                    elems.push(ptr::null_mut());
                    let mut elems = elems.into_boxed_slice();
                    let st = Box::new(ffi_type {
                        size: 0,
                        alignment: 0,
                        type_: raw::FFI_TYPE_STRUCT as u16,
                        elements: elems.as_mut_ptr(),
                    });
                    self.elements.push(elems);
                    self.structs.push(st);
                    let t = &mut **self.structs.last_mut().unwrap() as *mut ffi_type;
                    self.cache.insert(ty, t);
                    t
                }
            })
        }
    }
}

/// An array field of a by-value struct is passed as `count` copies of its innermost item.
fn flatten_array(tt: &TypeTable, mut ty: TypeId) -> (TypeId, usize) {
    let mut count = 1;
    while let TypeKind::Array { item, length } = tt.kind(ty) {
        count *= length.unwrap_or(0);
        ty = *item;
    }
    (ty, count)
}

fn unsupported(tt: &TypeTable, ty: TypeId, place: &str, detail: &str) -> Error {
    Error::not_implemented(format!(
        "ctype '{}' not supported as {}.  {}.  Such structs are only supported as {} if the function is 'API mode' and non-variadic (i.e. declared inside ffibuilder.cdef()+ffibuilder.set_source() and not taking a final '...' argument)",
        tt.name(ty), place, detail, place
    ))
}

unsafe fn int_type(size: usize, signed: bool) -> *mut ffi_type {
    match (size, signed) {
        (1, true) => ptr::addr_of_mut!(raw::ffi_type_sint8),
        (1, false) => ptr::addr_of_mut!(raw::ffi_type_uint8),
        (2, true) => ptr::addr_of_mut!(raw::ffi_type_sint16),
        (2, false) => ptr::addr_of_mut!(raw::ffi_type_uint16),
        (4, true) => ptr::addr_of_mut!(raw::ffi_type_sint32),
        (4, false) => ptr::addr_of_mut!(raw::ffi_type_uint32),
        (_, true) => ptr::addr_of_mut!(raw::ffi_type_sint64),
        (_, false) => ptr::addr_of_mut!(raw::ffi_type_uint64),
    }
}

#[cfg(target_arch = "x86_64")]
unsafe fn long_double_type(_tt: &TypeTable, _ty: TypeId, _place: &str) -> Result<*mut ffi_type> {
    Ok(ptr::addr_of_mut!(raw::ffi_type_longdouble))
}

#[cfg(not(target_arch = "x86_64"))]
unsafe fn long_double_type(tt: &TypeTable, ty: TypeId, place: &str) -> Result<*mut ffi_type> {
    Err(unsupported(
        tt,
        ty,
        place,
        "long double is not supported by this build",
    ))
}

/// A prepared call interface for one function type (and one list of variadic argument types).
pub struct CallInterface {
    cif: Box<ffi_cif>,
    _atypes: Box<[*mut ffi_type]>,
    _types: FfiTypes,
    fn_type: TypeId,
    args: Vec<TypeId>,
    result: TypeId,
    nfixed: usize,
    ret_size: usize,
    /// Set for the common register-only signatures: called without ffi_call (see direct.rs).
    direct: Option<crate::direct::Direct>,
}

impl CallInterface {
    /// Prepare the call interface of function type `fn_type` (no variadic arguments).
    pub fn new(tt: &TypeTable, fn_type: TypeId) -> Result<CallInterface> {
        Self::new_variadic(tt, fn_type, &[])
    }

    /// Prepare the call interface for a call of the variadic function `fn_type` passing `extra`
    /// in the `...` part (already promoted: see [`vararg_promote`]).
    pub fn new_variadic(
        tt: &TypeTable,
        fn_type: TypeId,
        extra: &[TypeId],
    ) -> Result<CallInterface> {
        let f = tt
            .func(fn_type)
            .ok_or_else(|| {
                Error::type_error(format!(
                    "expected a function ctype, got '{}'",
                    tt.name(fn_type)
                ))
            })?
            .clone();
        if !f.variadic && !extra.is_empty() {
            return Err(Error::type_error(format!(
                "'{}' expects {} arguments, got {}",
                tt.name(fn_type),
                f.args.len(),
                f.args.len() + extra.len()
            )));
        }
        let mut types = FfiTypes::default();
        let mut args = f.args.clone();
        args.extend_from_slice(extra);
        let mut atypes = Vec::with_capacity(args.len());
        for &a in &args {
            atypes.push(types.get(tt, a, "argument")?);
        }
        let rtype = types.get(tt, f.result, "return value")?;
        let mut atypes = atypes.into_boxed_slice();
        let mut cif: Box<ffi_cif> = Box::default();
        // SAFETY: cif, rtype and atypes are owned by the returned value and never move.
        let status = unsafe {
            if f.variadic {
                raw::ffi_prep_cif_var(
                    &mut *cif,
                    raw::ffi_abi_FFI_DEFAULT_ABI,
                    f.args.len() as u32,
                    args.len() as u32,
                    rtype,
                    atypes.as_mut_ptr(),
                )
            } else {
                raw::ffi_prep_cif(
                    &mut *cif,
                    raw::ffi_abi_FFI_DEFAULT_ABI,
                    args.len() as u32,
                    rtype,
                    atypes.as_mut_ptr(),
                )
            }
        };
        if status != raw::ffi_status_FFI_OK {
            return Err(Error::not_implemented(format!(
                "libffi could not prepare a call interface for '{}' (status {})",
                tt.name(fn_type),
                status
            )));
        }
        // libffi computed the struct layouts: they must agree with ours.
        for (&sid, &t) in types.cache.iter() {
            // SAFETY: `t` is owned by `types`; libffi filled in its size during preparation.
            let size = unsafe { (*t).size };
            if size != 0 && Some(size) != tt.size_of(sid) {
                return Err(unsupported(
                    tt,
                    sid,
                    "argument",
                    "Its layout differs from the one libffi computes",
                ));
            }
        }
        let ret_size = tt.size_of(f.result).unwrap_or(0).max(8).next_multiple_of(8);
        Ok(CallInterface {
            cif,
            _atypes: atypes,
            _types: types,
            fn_type,
            args,
            result: f.result,
            nfixed: f.args.len(),
            ret_size,
            direct: if extra.is_empty() {
                crate::direct::Direct::of(tt, fn_type)
            } else {
                None
            },
        })
    }

    /// The function type this interface calls.
    pub fn fn_type(&self) -> TypeId {
        self.fn_type
    }
    /// All argument types (fixed then variadic).
    pub fn arg_types(&self) -> &[TypeId] {
        &self.args
    }
    /// Number of declared (non-variadic) arguments.
    pub fn nfixed(&self) -> usize {
        self.nfixed
    }
    /// The result type.
    pub fn result(&self) -> TypeId {
        self.result
    }
    /// Minimum size of the return buffer (at least 8: libffi widens small integer results).
    pub fn ret_buffer_size(&self) -> usize {
        self.ret_size
    }

    pub(crate) fn cif_ptr(&self) -> *mut ffi_cif {
        &*self.cif as *const ffi_cif as *mut ffi_cif
    }

    /// Call `code` with `args[i]` pointing to the value of argument i and `ret` to a buffer of
    /// at least [`CallInterface::ret_buffer_size`] bytes (ignored for void results).
    ///
    /// # Safety
    /// `code` must be a function of this type; each `args[i]` must point to a valid value of
    /// `arg_types()[i]`; `ret` must be a writable, 16-byte aligned buffer of the required size.
    pub unsafe fn call(&self, code: *const c_void, args: &[*mut c_void], ret: *mut c_void) {
        assert_eq!(args.len(), self.args.len(), "wrong number of arguments");
        if let Some(d) = &self.direct {
            // SAFETY: `direct` was built from this interface's function type (same contract).
            return unsafe { d.call(code, args, ret) };
        }
        let fun = CodePtr::from_ptr(code);
        // SAFETY: the cif describes `code`'s type, args has one valid pointer per argument type and
        // `ret` is a large enough aligned buffer (caller's contract); cif lives as long as self.
        unsafe {
            raw::ffi_call(
                self.cif_ptr(),
                Some(*fun.as_safe_fun()),
                ret,
                args.as_ptr() as *mut *mut c_void,
            )
        };
    }
}

/// The type a value in the variadic part of a call is passed as, after C's default argument
/// promotions (as CFFI does): small integers/chars/bools/enums become `int`, `float` becomes
/// `double`, arrays and functions become pointers.
pub fn vararg_promote(tt: &mut TypeTable, ty: TypeId) -> TypeId {
    match *tt.kind(ty) {
        TypeKind::Array { item, .. } => tt.pointer(item),
        TypeKind::Primitive(p) => match p.kind {
            PrimKind::Float if p.size == 4 => tt.primitive("double").unwrap(),
            PrimKind::Float | PrimKind::LongDouble | PrimKind::Complex => ty,
            _ if p.size < 4 => tt.int(),
            _ => ty,
        },
        TypeKind::Enum(_) => match tt.integer_repr(ty) {
            Some(p) if p.size < 4 => tt.int(),
            _ => ty,
        },
        _ => ty,
    }
}

/// The calling thread's `errno`.
pub fn errno() -> i32 {
    // SAFETY: __errno_location returns the thread's errno slot.
    unsafe { *libc::__errno_location() }
}

/// Set the calling thread's `errno` (CFFI restores `ffi.errno` before each call).
pub fn set_errno(v: i32) {
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = v }
}
