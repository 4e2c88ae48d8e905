//! `@ffi.def_extern(name=None, error=None, onerror=None)`: attach Python code to an
//! `extern "Python"` function of a compiled module.
//!
//! The generated C function (ffi/src/apimode_c.rs) calls whatever code pointer is in its slot
//! (`_cffi_xslot_<name>()` gives the slot's address). def_extern builds an ordinary callback
//! cdata (callback.rs: a libffi closure whose userdata is a handle token, never a heap address)
//! for the function, keeps it alive in the FFI object's cache dict (`FfiData::cache`) under the key
//! `"extern:<name>"`, and stores its code pointer in the slot. Attaching again replaces it.

use super::callback::make_callback;
use super::ffi_obj::{ffi_self, FfiData};
use super::{cdata::cdata_of, fr, opt_arg};
use crate::vm::{Args, PyResult, Vm};
use ffi::Decl;
use gc::Value;

/// `ffi.def_extern(name=None, error=None, onerror=None)`: returns the decorator.
pub fn ffi_def_extern(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "def_extern", &["name", "error", "onerror"])?;
    super::arity(vm, &a, "def_extern", 1, 4)?;
    ffi_self(vm, &a)?;
    let none = vm.none();
    let name = opt_arg(vm, &a, 1, "name").unwrap_or(none);
    let error = opt_arg(vm, &a, 2, "error").unwrap_or(none);
    let onerror = opt_arg(vm, &a, 3, "onerror").unwrap_or(none);
    let t = vm.new_tuple(&[vm.arg(&a, 0), name, error, onerror])?;
    vm.new_native("def_extern_decorator", decorator, t)
}

/// The decorator: `(ffi, name, error, onerror)` is bound as argument 0, the function is 1.
fn decorator(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 2 {
        return Err(vm.type_error("def_extern decorator expects one function"));
    }
    let st = vm.arg(&a, 0);
    let items = vm.tuple_items(st).to_vec();
    let f = vm.arg(&a, 1);
    let name = if items[1] == vm.none() {
        let n = vm.getattr_str(f, "__name__")?;
        super::str_arg(vm, n, "__name__")?
    } else {
        super::str_arg(vm, items[1], "name")?
    };
    let st = vm.arg(&a, 0);
    let ffi_obj = vm.tuple_items(st)[0];
    let Some(d) = super::foreign::<FfiData>(vm, ffi_obj) else {
        return Err(vm.type_error("def_extern: not an FFI object"));
    };
    let sh = d.sh.clone();
    let fty = match sh.decls.borrow().lookup(&name) {
        Some(Decl::Function {
            ty,
            extern_python: true,
        }) => Some(*ty),
        _ => None,
    };
    let Some(fty) = fty else {
        let msg =
            format!("ffi.def_extern('{name}'): no 'extern \"Python\"' function with this name");
        return Err(raise_ffi_error(vm, &msg));
    };
    let lib = sh.api.borrow().lib.clone();
    let Some(lib) = lib else {
        let e = ffi::Error::ffi(format!(
            "ffi.def_extern('{name}'): only the ffi of a compiled module (from _mod import ffi) can attach code"
        ));
        return Err(super::raise_ffi(vm, e));
    };
    let slot = {
        let l = lib.borrow();
        l.raw_symbol(&ffi::apimode::extern_slot_symbol(&name))
    };
    let slot = fr(vm, slot)?;
    let st = vm.arg(&a, 0);
    let items = vm.tuple_items(st).to_vec();
    let cb = make_callback(vm, &sh, fty, vm.arg(&a, 1), items[2], items[3])?;
    let base = vm.sp();
    vm.push(cb);
    let key = vm.new_str(&format!("extern:{name}"))?;
    let st = vm.arg(&a, 0);
    let ffi_obj = vm.tuple_items(st)[0];
    let cache = super::ffi_obj::cache_of(vm, ffi_obj);
    let r = vm.dict_set(cache, key, vm.at(base));
    let cb = vm.at(base);
    vm.truncate(base);
    r?;
    let code = cdata_of(vm, cb).map_or(std::ptr::null_mut(), |c| c.ptr);
    // SAFETY: the generated `_cffi_xslot_<name>` takes nothing and returns its slot's address;
    // the callback cdata that owns `code` is kept alive by the FFI object (above).
    unsafe {
        let get: extern "C" fn() -> *mut *mut u8 = std::mem::transmute(slot);
        *get() = code;
    }
    Ok(vm.arg(&a, 1))
}

/// Raises `ffi.error` (the exception class of compiled FFI objects, `<class 'ffi.error'>`).
fn raise_ffi_error(vm: &mut Vm, msg: &str) -> crate::vm::Exc {
    if !vm.type_names.contains_key("ffi.error") && make_error_class(vm).is_err() {
        return crate::vm::Exc;
    }
    vm.raise("ffi.error", msg)
}

/// `class error(Exception)` with `__module__ = 'ffi'`, registered as `ffi.error`.
fn make_error_class(vm: &mut Vm) -> PyResult<()> {
    let base = vm.sp();
    let r = (|| {
        let n = vm.new_str("error")?;
        vm.push(n);
        let exc = vm.builtin_type("Exception");
        let bases = vm.new_tuple(&[exc])?;
        vm.push(bases);
        let d = vm.new_dict()?;
        vm.push(d);
        let k = vm.intern("__module__");
        let m = vm.intern("ffi");
        vm.dict_set(vm.at(base + 2), k, m)?;
        let k = vm.intern("__qualname__");
        let q = vm.new_str("error")?;
        vm.dict_set(vm.at(base + 2), k, q)?;
        vm.new_class(base, base + 1, base + 2)
    })();
    vm.truncate(base);
    let t = r?;
    vm.roots.types.push(t);
    let idx = vm.roots.types.len() - 1;
    vm.type_names.insert("ffi.error".to_string(), idx);
    Ok(())
}
