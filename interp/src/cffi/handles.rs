//! `ffi.new_handle(obj)` / `ffi.from_handle(p)`. The handle is a `void *` cdata whose pointer
//! value is a token of the heap's handle table (`vm.heap.new_handle(handle_cdata)`): the table
//! holds the handle cdata weakly, the cdata holds `obj` strongly (`CDataObj::owner`). The
//! token never changes while objects move; `from_handle` validates it without dereferencing anything, so a
//! dead or bogus pointer raises RuntimeError instead of crashing (in check mode, naming the
//! `new_handle` call site of a dead handle: check/handles.rs).

use super::arity;
use super::cdata::{self, cdata_mut, cdata_of, CData, CDataObj, Flavor};
use super::check;
use super::ffi_obj::ffi_self;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

/// `ffi.new_handle(obj)`.
pub fn ffi_new_handle(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "new_handle", 2, 2)?;
    let sh = ffi_self(vm, &a)?;
    let vp = sh.void_ptr();
    let obj = CDataObj::new(
        CData::new(&sh, vp, std::ptr::null_mut(), Flavor::Handle),
        vm.arg(&a, 1),
    );
    let h = cdata::wrap_obj(vm, obj.boxed())?;
    let token = vm.heap.new_handle(h);
    let tag = check::enabled().then(|| check::handles::note_new_handle(vm, token));
    if let Some(cd) = cdata_mut(vm, h) {
        cd.ptr = token as *mut u8;
        if tag.is_some() {
            cd.extra_mut().handle_tag = tag;
        }
    }
    Ok(h)
}

/// The object of a live handle token (a handle's object, a callback's callable), or None.
pub fn object_of_token(vm: &mut Vm, token: u64) -> Option<Value> {
    let h = vm.heap.from_handle(token)?;
    let o = cdata::cdata_obj(vm, h)?;
    match o.cd.flavor {
        Flavor::Handle => Some(o.owner),
        Flavor::Callback => Some(o.callable()),
        _ => None,
    }
}

/// `ffi.from_handle(p)`.
pub fn ffi_from_handle(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "from_handle", 2, 2)?;
    let p = vm.arg(&a, 1);
    // The usual case: `p` is the handle cdata itself, alive (we hold it), so its token is valid
    // and its object is the answer, without the table lookup.
    if let Some(o) = cdata::cdata_obj(vm, p) {
        if o.cd.flavor == Flavor::Handle {
            return Ok(o.owner);
        }
    }
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
    if let Some(h) = vm.heap.from_handle(token) {
        if let Some(o) = cdata::cdata_obj(vm, h) {
            if o.cd.flavor == Flavor::Handle {
                return Ok(o.owner);
            }
        }
    }
    // check mode knows where a dead handle was made
    let msg = check::enabled()
        .then(|| check::handles::describe_dead(token))
        .flatten()
        .unwrap_or_else(|| "ffi.from_handle(): dead or bogus handle".to_string());
    Err(vm.raise("RuntimeError", &msg))
}
