//! `ffi.new_handle(obj)` / `ffi.from_handle(p)`. The handle is a `void *` cdata whose pointer
//! value is a token of the heap's handle table (`vm.heap.new_handle(handle_cdata)`): the table
//! holds the handle cdata weakly, the cdata holds `obj` strongly (`keep`). The token never
//! changes while objects move; `from_handle` validates it without dereferencing anything, so a
//! dead or bogus pointer raises RuntimeError instead of crashing.

use super::cdata::{self, cdata_of, CData, Flavor};
use super::ffi_obj::ffi_self;
use super::{arity, keep_of};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

/// `ffi.new_handle(obj)`.
pub fn ffi_new_handle(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "new_handle", 2, 2)?;
    let d = ffi_self(vm, &a)?;
    let sh = d.sh.clone();
    let vp = sh.void_ptr();
    let h = cdata::wrap(
        vm,
        CData::new(&sh, vp, std::ptr::null_mut(), Flavor::Handle),
        vm.arg(&a, 1),
    )?;
    let token = vm.heap.new_handle(h);
    if let Some(cd) = cdata_of(vm, h) {
        cd.ptr = token as *mut u8;
        cd.token = token;
    }
    Ok(h)
}

/// The object of a live handle token, or None.
pub fn object_of_token(vm: &mut Vm, token: u64) -> Option<Value> {
    let h = vm.heap.from_handle(token)?;
    let cd = cdata_of(vm, h)?;
    if cd.flavor != Flavor::Handle && cd.flavor != Flavor::Callback {
        return None;
    }
    Some(keep_of(vm, h))
}

/// `ffi.from_handle(p)`.
pub fn ffi_from_handle(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "from_handle", 2, 2)?;
    let p = vm.arg(&a, 1);
    let Some(cd) = cdata_of(vm, p) else {
        let tn = vm.type_name(p);
        return Err(vm.type_error(format!(
            "expected a 'cdata' object with a 'void *' out of new_handle(), got '{tn}'"
        )));
    };
    let ok_type = {
        let tt = cd.sh.tt();
        match tt.kind(cd.ty) {
            ffi::TypeKind::Pointer(t) => {
                matches!(tt.kind(*t), ffi::TypeKind::Void) || tt.is_char(*t)
            }
            _ => false,
        }
    };
    if !ok_type || cd.flavor == Flavor::Primitive {
        let n = cd.name();
        return Err(vm.type_error(format!(
            "expected a 'cdata' object with a 'void *' out of new_handle(), got '{n}'"
        )));
    }
    if cd.ptr.is_null() {
        return Err(vm.raise("RuntimeError", "cannot use from_handle() on NULL pointer"));
    }
    let token = cd.ptr as u64;
    match vm.heap.from_handle(token) {
        Some(h) if cdata_of(vm, h).is_some_and(|c| c.flavor == Flavor::Handle) => {
            Ok(keep_of(vm, h))
        }
        _ => Err(vm.raise("RuntimeError", "ffi.from_handle(): dead or bogus handle")),
    }
}
