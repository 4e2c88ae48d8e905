//! The FFI object: `FFI()`, `cdef`, `dlopen`/`dlclose`, `errno`, and the class attributes
//! (`NULL`, `CData`, `CType`, `buffer`, `RTLD_*`). [`FfiData::cache`] is the FFI's cache dict
//! (ctype objects by type id, so that ctypes are unique; `init_once` results; `def_extern`
//! callbacks).

use super::cdata::{self, CData, Flavor};
use super::lib_obj::LibData;
use super::{arity, class, foreign, fr, new_foreign, opt_arg, FfiShared, Shared};
use crate::obj::layout::{ForeignData, ForeignRefs, Kind, NativeFn};
use crate::vm::{Args, PyResult, Vm};
use ffi::{CdefOptions, Library};
use gc::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// An FFI object's data (`Kind::Foreign`).
pub struct FfiData {
    pub sh: Shared,
    /// The FFI's cache dict. Keys never collide: a type id (int) maps to the ctype object of this
    /// FFI, `(None, tag)` to an `init_once` result, `"extern:name"` to a `def_extern` callback
    /// cdata (kept alive here while C holds its code pointer). A GC reference, traced.
    pub cache: Value,
    /// Attributes assigned on the instance (`ffi.x = 1`, a subclass's `self.x`): a dict made on
    /// the first assignment (null before). A GC reference, traced (ffi_attrs.rs).
    pub attrs: Value,
}

impl ForeignData for FfiData {
    fn refs(&mut self) -> ForeignRefs<'_> {
        [
            Some(&mut self.cache),
            Some(&mut self.attrs),
            None,
            None,
            None,
        ]
    }
}

/// The cache dict of FFI object `ffi_obj` (null if it is not one).
pub fn cache_of(vm: &Vm, ffi_obj: Value) -> Value {
    foreign::<FfiData>(vm, ffi_obj).map_or(Value::NULL, |d| d.cache)
}

pub const RTLD_FLAGS: &[(&str, i32)] = &[
    ("RTLD_LAZY", ffi::library::RTLD_LAZY),
    ("RTLD_NOW", ffi::library::RTLD_NOW),
    ("RTLD_GLOBAL", ffi::library::RTLD_GLOBAL),
    ("RTLD_LOCAL", ffi::library::RTLD_LOCAL),
    ("RTLD_NODELETE", ffi::library::RTLD_NODELETE),
    ("RTLD_NOLOAD", ffi::library::RTLD_NOLOAD),
    ("RTLD_DEEPBIND", ffi::library::RTLD_DEEPBIND),
];

pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("_cffi_backend.FFI");
    let methods: &[(&str, NativeFn)] = &[
        ("__new__", ffi_new_obj),
        ("cdef", ffi_cdef),
        ("dlopen", ffi_dlopen),
        ("dlclose", ffi_dlclose),
    ];
    for (n, f) in methods {
        vm.add_native_method(t, n, *f);
    }
    for (n, v) in RTLD_FLAGS {
        let v = Value::from_int(*v as i64).unwrap_or(Value::NULL);
        vm.add_type_attr(t, n, v);
    }
    for n in ["CData", "CType", "buffer"] {
        let c = vm.builtin_type(&format!("_cffi_backend.{n}"));
        vm.add_type_attr(t, n, c);
    }
    // ffi.NULL: a 'void *' NULL of a private type table (pointers compare by address).
    let sh = FfiShared::new();
    let vp = sh.void_ptr();
    let cls = vm.builtin_type("_cffi_backend.CData");
    if let Ok(null) = new_foreign(
        vm,
        cls,
        Box::new(cdata::CDataObj::new(
            CData::new(&sh, vp, std::ptr::null_mut(), Flavor::Plain),
            Value::NULL,
        )),
    ) {
        vm.roots.types.push(null); // rooted forever
        let t = vm.builtin_type("_cffi_backend.FFI");
        let null = *vm.roots.types.last().unwrap_or(&Value::NULL);
        vm.add_type_attr(t, "NULL", null);
    }
    install_errno(vm, t);
}

/// `ffi.errno` as a property (get/set the errno saved around C calls).
fn install_errno(vm: &mut Vm, t: Value) {
    let base = vm.sp();
    vm.push(t);
    let r = (|| -> PyResult<()> {
        let g = vm.new_native("errno", errno_get, Value::NULL)?;
        vm.push(g);
        let s = vm.new_native("errno", errno_set, Value::NULL)?;
        vm.push(s);
        let prop = vm.builtin_type("property");
        let p = vm.call(prop, &[vm.at(base + 1), vm.at(base + 2)])?;
        vm.add_type_attr(vm.at(base), "errno", p);
        Ok(())
    })();
    if r.is_err() {
        vm.take_exc();
    }
    vm.truncate(base);
}

fn errno_get(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    vm.new_int(super::call::saved_errno() as i64)
}

fn errno_set(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, a.n - 1);
    let i = super::conv::ssize_value(vm, v)?;
    super::call::set_saved_errno(i as i32);
    Ok(vm.none())
}

/// The shared state of the FFI object `self` (argument 0).
pub fn ffi_self(vm: &mut Vm, a: &Args) -> PyResult<Shared> {
    let v = vm.arg(a, 0);
    match foreign::<FfiData>(vm, v) {
        Some(d) => Ok(d.sh.clone()),
        None => Err(vm.type_error("descriptor requires a 'FFI' object")),
    }
}

fn ffi_new_obj(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cls = vm.arg(&a, 0);
    let base = vm.sp();
    vm.push(cls);
    let d = vm.new_dict()?;
    let cls = vm.at(base);
    vm.truncate(base);
    new_foreign(
        vm,
        cls,
        Box::new(FfiData {
            sh: FfiShared::new(),
            cache: d,
            attrs: Value::NULL,
        }),
    )
}

fn bool_kw(vm: &mut Vm, a: &Args, i: usize, name: &str) -> PyResult<bool> {
    match opt_arg(vm, a, i, name) {
        Some(v) => vm.truthy(v),
        None => Ok(false),
    }
}

fn ffi_cdef(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "cdef", &["csource", "override", "packed", "pack"])?;
    let sh = ffi_self(vm, &a)?;
    let Some(src) = opt_arg(vm, &a, 1, "csource") else {
        return Err(vm.type_error("cdef() missing 1 required positional argument: 'csource'"));
    };
    let src = if vm.is(src, Kind::Str) {
        vm.str_of(src).to_string()
    } else {
        let tn = vm.type_name(src);
        return Err(vm.type_error(format!("cdef() argument must be a string, not {tn}")));
    };
    let override_ = bool_kw(vm, &a, 2, "override")?;
    let packed = bool_kw(vm, &a, 3, "packed")?;
    let pack = match opt_arg(vm, &a, 4, "pack") {
        Some(v) if v != vm.none() => vm.to_i64(v).map(|n| n.max(1) as usize),
        _ => None,
    };
    let opts = CdefOptions {
        packed,
        pack,
        override_,
        dllexport: false,
    };
    cdef_with(vm, &sh, &src, &opts)
}

/// Parses `src` into the FFI's declarations (`cdef()`, `embedding_api()`).
pub(super) fn cdef_with(
    vm: &mut Vm,
    sh: &Shared,
    src: &str,
    opts: &CdefOptions,
) -> PyResult<Value> {
    let r = sh.with_decls(|decls| decls.cdef(src, opts));
    fr(vm, r)?;
    sh.decls_changed();
    Ok(vm.none())
}

fn ffi_dlopen(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "dlopen", &["name", "flags"])?;
    arity(vm, &a, "dlopen", 1, 3)?;
    let sh = ffi_self(vm, &a)?;
    let name = match opt_arg(vm, &a, 1, "name") {
        None => {
            return Err(vm.type_error("dlopen() missing 1 required positional argument: 'name'"))
        }
        Some(v) if v == vm.none() => None,
        Some(v) if vm.is(v, Kind::Str) => Some(vm.str_of(v).to_string()),
        Some(v) if vm.is(v, Kind::Bytes) => {
            Some(String::from_utf8_lossy(vm.bytes_of(v)).into_owned())
        }
        Some(v) => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("dlopen() argument must be a str or None, not {tn}")));
        }
    };
    let flags = match opt_arg(vm, &a, 2, "flags") {
        Some(v) => vm.to_i64(v).unwrap_or(0) as i32,
        None => 0,
    };
    let lib = fr(vm, Library::open_cffi(name.as_deref(), flags))?;
    let ffi_obj = vm.arg(&a, 0);
    let base = vm.sp();
    vm.push(ffi_obj);
    let cls = class(vm, "_cffi_backend.Lib");
    let cache = vm.new_dict()?;
    let ffi_obj = vm.at(base);
    vm.truncate(base);
    let data = LibData {
        handle: super::lib_obj::LibHandle {
            sh,
            lib: Rc::new(RefCell::new(lib)),
        },
        attr_cache: cache,
        ffi_obj,
    };
    new_foreign(vm, cls, Box::new(data))
}

fn ffi_dlclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "dlclose", 2, 2)?;
    let l = vm.arg(&a, 1);
    let Some(ld) = foreign::<LibData>(vm, l) else {
        let tn = vm.type_name(l);
        return Err(vm.type_error(format!("dlclose() expects a library object, not {tn}")));
    };
    let ld = ld.handle.lib.clone();
    if ld.borrow().is_closed() {
        return Ok(vm.none());
    }
    let r = ld.borrow_mut().close();
    fr(vm, r)?;
    Ok(vm.none())
}

/// The ctype object for `ty` of the FFI object `ffi_obj` (unique per type: cached in its
/// `cache`).
pub fn ctype_object(vm: &mut Vm, ffi_obj: Value, ty: ffi::TypeId) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(ffi_obj);
    let cache = cache_of(vm, ffi_obj);
    let key = Value::from_int(ty.0 as i64).unwrap_or(Value::NULL);
    if let Some(c) = vm.dict_get(cache, key)? {
        vm.truncate(base);
        return Ok(c);
    }
    let ffi_obj = vm.at(base);
    let sh = match foreign::<FfiData>(vm, ffi_obj) {
        Some(d) => d.sh.clone(),
        None => {
            vm.truncate(base);
            return Err(vm.type_error("expected an FFI object"));
        }
    };
    let shared_key = super::typecache::key_of(&sh, ty);
    if let Some(k) = &shared_key {
        match super::typecache::lookup(vm, k) {
            Ok(Some(c)) => {
                // Also this FFI's own entry, so that the next lookup is one dict probe.
                vm.push(c);
                let cache = cache_of(vm, vm.at(base));
                let r = vm.dict_set(cache, key, c);
                let c = vm.at(base + 1);
                vm.truncate(base);
                return r.map(|_| c);
            }
            Ok(None) => {}
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    let cls = class(vm, "_cffi_backend.CType");
    let r = new_foreign(
        vm,
        cls,
        Box::new(super::ctype_obj::CTypeData {
            sh,
            ty,
            ffi_obj: vm.at(base),
        }),
    );
    let c = match r {
        Ok(c) => c,
        Err(e) => {
            vm.truncate(base);
            return Err(e);
        }
    };
    vm.push(c);
    let cache = cache_of(vm, vm.at(base));
    let r = vm.dict_set(cache, key, c);
    let r = match (r, &shared_key) {
        (Ok(()), Some(k)) => super::typecache::remember(vm, k, vm.at(base + 1)),
        (r, _) => r,
    };
    let c = vm.at(base + 1);
    vm.truncate(base);
    r.map(|_| c)
}

/// A cdata NULL pointer of type `ty`.
pub fn null_of(vm: &mut Vm, sh: &Shared, ty: ffi::TypeId) -> PyResult<Value> {
    cdata::new_pointer(vm, sh, ty, 0)
}
