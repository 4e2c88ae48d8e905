//! The `cffi` and `_cffi_backend` module objects, the cffi classes (FFI, CData, CType, Lib,
//! buffer, CField) and the exception classes (CDefError, FFIError, VerificationError,
//! VerificationMissing, PkgConfigError). Classes are created once per VM and found again by their
//! registered names (`vm.builtin_type("_cffi_backend.CData")`).

use crate::obj::layout::{Kind, ModuleObj};
use crate::vm::{PyResult, Vm};
use gc::Value;

/// Native classes: (registered name suffix, Python name).
const CLASSES: &[&str] = &[
    "FFI",
    "CData",
    "CType",
    "Lib",
    "buffer",
    "CField",
    "__CData_iterator",
    "CLibrary",
];

/// Exception classes of `cffi` (direct subclasses of Exception).
const EXCEPTIONS: &[&str] = &[
    "CDefError",
    "FFIError",
    "VerificationError",
    "VerificationMissing",
    "PkgConfigError",
];

/// Creates the cffi classes if this VM does not have them yet.
pub fn ensure_types(vm: &mut Vm) {
    if vm.type_names.contains_key("_cffi_backend.CData") {
        return;
    }
    for name in CLASSES {
        vm.new_native_type(name, "_cffi_backend");
    }
    super::ffi_obj::install(vm);
    super::ffi_new::install(vm);
    super::ffi_misc::install(vm);
    super::cdata_ops::install(vm);
    super::ctype_obj::install(vm);
    super::lib_obj::install(vm);
    super::buffer::install(vm);
    super::apimode::install(vm);
    super::backend_lib::install(vm);
    super::dir_attrs::install(vm);
    // `ffi.error` (class `error` of module `ffi`, as _cffi_backend's) is the base of the two
    // errors FFI methods raise, so that `except ffi.error` catches them.
    if make_exception(vm, "ffi", "error", "Exception").is_err() {
        vm.take_exc();
    }
    for name in EXCEPTIONS {
        let base = match *name {
            "CDefError" | "FFIError" => "ffi.error",
            _ => "Exception",
        };
        if let Err(_e) = make_exception(vm, "cffi", name, base) {
            vm.take_exc();
        }
    }
    super::ffi_attrs::install(vm); // after the exceptions (FFI.error)
                                   // CFFI's cdata class is `_cffi_backend._CDataBase` (registered here as "CData")
    let t = vm.builtin_type("_cffi_backend.CData");
    let n = vm.intern("_CDataBase");
    // SAFETY: an old-generation, rooted type object and an interned (never moving) str; no GC
    // point while the fields are written.
    unsafe {
        let p = vm.payload::<crate::obj::layout::TypeObj>(t);
        (*p).name = n;
        (*p).qualname = n;
    }
    vm.heap.write_barrier(t);
    let m = vm.intern("_cffi_backend");
    vm.add_type_attr(t, "__module__", m);
}

/// `class <name>(<base>)` in module `module`, registered as `<module>.<name>`.
fn make_exception(vm: &mut Vm, module: &str, name: &str, base_cls: &str) -> PyResult<()> {
    let base = vm.sp();
    let n = vm.new_str(name)?;
    vm.push(n);
    let exc = vm.builtin_type(base_cls);
    let bases = vm.new_tuple(&[exc])?;
    vm.push(bases);
    let d = vm.new_dict()?;
    vm.push(d);
    let k = vm.intern("__module__");
    let m = vm.intern(module);
    vm.dict_set(vm.at(base + 2), k, m)?;
    let k = vm.intern("__qualname__");
    let q = vm.new_str(name)?;
    vm.dict_set(vm.at(base + 2), k, q)?;
    let t = vm.new_class(base, base + 1, base + 2);
    vm.truncate(base);
    let t = t?;
    vm.roots.types.push(t);
    let idx = vm.roots.types.len() - 1;
    vm.type_names.insert(format!("{module}.{name}"), idx);
    Ok(())
}

/// Sets `name = v` in the module at stack slot `slot`.
pub fn module_set(vm: &mut Vm, slot: usize, name: &str, v: Value) -> PyResult<()> {
    let base = vm.sp();
    vm.push(v);
    let k = vm.intern(name);
    let d = vm.obj::<ModuleObj>(vm.at(slot)).dict;
    let r = vm.dict_set(d, k, vm.at(base));
    vm.truncate(base);
    r
}

/// Builds the `cffi` or `_cffi_backend` module (None for other names).
pub fn make_module(vm: &mut Vm, name: &str) -> Option<PyResult<Value>> {
    if name != "cffi" && name != "_cffi_backend" {
        return None;
    }
    ensure_types(vm);
    Some(fill(vm, name))
}

fn fill(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = vm.new_module(name)?;
    let slot = vm.sp();
    vm.push(m);
    let r = fill_inner(vm, slot, name);
    let m = vm.at(slot);
    vm.truncate(slot);
    r.map(|_| m)
}

fn fill_inner(vm: &mut Vm, slot: usize, name: &str) -> PyResult<()> {
    let ffi = vm.builtin_type("_cffi_backend.FFI");
    module_set(vm, slot, "FFI", ffi)?;
    let v = vm.new_str("2.0.0")?;
    module_set(vm, slot, "__version__", v)?;
    if name == "cffi" {
        for e in EXCEPTIONS {
            let t = vm.builtin_type(&format!("cffi.{e}"));
            module_set(vm, slot, e, t)?;
        }
        for i in [2, 0, 0] {
            let v = vm.new_int(i)?;
            vm.push(v);
        }
        let t = vm.new_tuple_from_stack(3)?;
        module_set(vm, slot, "__version_info__", t)?;
    } else {
        for (n, cls) in [
            ("CData", "CData"),
            ("_CDataBase", "CData"),
            ("CType", "CType"),
            ("Lib", "Lib"),
            ("buffer", "buffer"),
            ("CField", "CField"),
        ] {
            let t = vm.builtin_type(&format!("_cffi_backend.{cls}"));
            module_set(vm, slot, n, t)?;
        }
        for (n, v) in super::ffi_obj::RTLD_FLAGS {
            let v = vm.new_int(*v as i64)?;
            module_set(vm, slot, n, v)?;
        }
        let t = vm.builtin_type("_cffi_backend.CLibrary");
        module_set(vm, slot, "CLibrary", t)?;
        super::backend_fns::fill(vm, slot)?;
    }
    let _ = Kind::Module;
    Ok(())
}
