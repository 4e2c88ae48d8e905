//! The library object returned by `ffi.dlopen`: `lib.f` is a function-pointer cdata (dlsym on
//! first use, then cached in [`LibData::attr_cache`]), `lib.X` an integer constant, `lib.g` a
//! global variable read or written through its address. Missing symbols raise AttributeError
//! when first used. The lib keeps its FFI object alive ([`LibData::ffi_obj`]).

use super::cdata;
use super::{fr, Shared};
use crate::obj::layout::{ForeignData, ForeignRefs, NativeFn};
use crate::vm::{Args, PyResult, Vm};
use ffi::{Decl, Library};
use gc::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// The C side of a library object: plain Rust data (no GC references), cheap to clone out of the
/// object so that no borrow of the object lives across a call into the VM.
#[derive(Clone)]
pub struct LibHandle {
    pub sh: Shared,
    pub lib: Rc<RefCell<Library>>,
}

/// A library object's data (`Kind::Foreign`).
pub struct LibData {
    pub handle: LibHandle,
    /// Dict from attribute name to the value already looked up (function cdata...). A GC
    /// reference, traced.
    pub attr_cache: Value,
    /// The FFI object the library was opened by (kept alive). A GC reference, traced.
    pub ffi_obj: Value,
}

impl ForeignData for LibData {
    fn refs(&mut self) -> ForeignRefs<'_> {
        [
            Some(&mut self.attr_cache),
            Some(&mut self.ffi_obj),
            None,
            None,
            None,
        ]
    }
}

/// The attribute cache of library object `lib` (null if it is not one).
pub fn attr_cache_of(vm: &Vm, lib: Value) -> Value {
    super::foreign::<LibData>(vm, lib).map_or(Value::NULL, |l| l.attr_cache)
}

pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("_cffi_backend.Lib");
    let methods: &[(&str, NativeFn)] = &[
        ("__getattr__", lib_getattr),
        ("__setattr__", lib_setattr),
        ("__repr__", lib_repr),
        ("__dir__", lib_dir),
    ];
    for (n, f) in methods {
        vm.add_native_method(t, n, *f);
    }
}

fn lib_self(vm: &mut Vm, a: &Args) -> PyResult<LibHandle> {
    let v = vm.arg(a, 0);
    match super::foreign::<LibData>(vm, v) {
        Some(l) => Ok(l.handle.clone()),
        None => Err(vm.type_error("expected a Lib object")),
    }
}

fn symbol(vm: &mut Vm, ld: &LibHandle, name: &str) -> PyResult<*mut u8> {
    let r = ld.lib.borrow().symbol(name);
    fr(vm, r).map(|p| p as *mut u8)
}

fn lib_getattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let ld = lib_self(vm, &a)?;
    if ld.lib.borrow().is_closed() {
        let n = ld.lib.borrow().name().to_string();
        return Err(vm.value_error(format!("library '{n}' has already been closed")));
    }
    let (lib, key) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let cache = attr_cache_of(vm, lib);
    if let Some(v) = vm.dict_get_str(cache, key) {
        return Ok(v);
    }
    let name = vm.str_of(key).to_string();
    if let Some(r) = super::lib_meta::special(vm, &ld, a.base, &name, getattr_slot) {
        return r;
    }
    let decl = ld.sh.decls.borrow().lookup(&name).cloned();
    let v = match decl {
        None => return Err(super::lib_meta::missing(vm, &ld, &name)),
        Some(Decl::Function { ty, .. }) => {
            let r = ld.sh.tt().check_usable(ty);
            fr(vm, r)?;
            let p = symbol(vm, &ld, &name)?;
            cdata::new_pointer(vm, &ld.sh, ty, p as usize)?
        }
        Some(Decl::IntConstant { value, .. }) => super::conv::new_int128(vm, value)?,
        Some(Decl::Variable { ty }) => {
            let r = ld.sh.tt().check_usable(ty);
            fr(vm, r)?;
            let p = symbol(vm, &ld, &name)?;
            // As CFFI's API mode: a global `T name[]` of unknown length reads as a `T *`.
            let open_item = match ld.sh.tt().kind(ty) {
                ffi::TypeKind::Array { item, length: None } => Some(*item),
                _ => None,
            };
            if let Some(item) = open_item.filter(|_| ld.sh.api.borrow().lib.is_some()) {
                let pty = ld.sh.pointer_to(item);
                return cdata::new_pointer(vm, &ld.sh, pty, p as usize);
            }
            // SAFETY: p is the address of the global variable, of type ty.
            return unsafe { super::conv::load(vm, &ld.sh, ty, p, Value::NULL) };
        }
        Some(Decl::FromCompiler { ty: None }) => return Err(vm.raise("AttributeError", &name)),
        Some(Decl::FromCompiler { .. }) => {
            return Err(vm.raise(
                "NotImplementedError",
                &format!(
                    "non-integer constant '{name}' cannot be accessed from a dlopen() library"
                ),
            ));
        }
    };
    let base = vm.sp();
    vm.push(v);
    let (lib, key) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let cache = attr_cache_of(vm, lib);
    let r = vm.dict_set(cache, key, v);
    let v = vm.at(base);
    vm.truncate(base);
    r.map(|_| v)
}

fn lib_setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let ld = lib_self(vm, &a)?;
    let name = vm.str_of(vm.arg(&a, 1)).to_string();
    let decl = ld.sh.decls.borrow().lookup(&name).cloned();
    match decl {
        Some(Decl::Variable { ty }) => {
            let p = symbol(vm, &ld, &name)?;
            // SAFETY: p is the address of the global variable, of type ty.
            unsafe { super::conv::store(vm, &ld.sh, ty, p, vm.arg(&a, 2))? };
            Ok(vm.none())
        }
        Some(_) => Err(vm.raise(
            "AttributeError",
            &format!("cannot write to function or constant '{name}'"),
        )),
        None => Err(vm.raise(
            "AttributeError",
            &format!("cannot set attribute '{name}': no such global variable"),
        )),
    }
}

/// `getattr(lib, name)` for the Lib object at stack slot `slot` (lib_meta.rs's `__dict__`).
fn getattr_slot(vm: &mut Vm, slot: usize, name: &str) -> PyResult<Value> {
    let lib = vm.at(slot);
    vm.getattr_str(lib, name)
}

fn lib_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let ld = lib_self(vm, &a)?;
    let n = ld.lib.borrow().name().to_string();
    vm.new_str(&format!("<Lib object for '{n}'>"))
}

fn lib_dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let ld = lib_self(vm, &a)?;
    let mut names: Vec<String> = ld
        .sh
        .decls
        .borrow()
        .names()
        .map(|(n, _)| n.to_string())
        .collect();
    names.sort();
    let base = vm.sp();
    for n in &names {
        let s = match vm.new_str(n) {
            Ok(s) => s,
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        };
        vm.push(s);
    }
    let r = vm.new_list_from_stack(names.len());
    vm.truncate(base);
    r
}

/// `ffi.addressof(lib, "name")`: a function cdata, or a pointer to a global variable.
pub fn address_of_symbol(vm: &mut Vm, ld: &LibHandle, a: &Args) -> PyResult<Value> {
    let k = vm.arg(a, 2);
    let name = super::str_arg(vm, k, "addressof() name")?;
    let decl = ld.sh.decls.borrow().lookup(&name).cloned();
    match decl {
        Some(Decl::Function { ty, .. }) => {
            let p = symbol(vm, ld, &name)?;
            cdata::new_pointer(vm, &ld.sh, ty, p as usize)
        }
        Some(Decl::Variable { ty }) => {
            let p = symbol(vm, ld, &name)?;
            let pty = ld.sh.pointer_to(ty);
            cdata::new_pointer(vm, &ld.sh, pty, p as usize)
        }
        _ => Err(vm.raise(
            "AttributeError",
            &format!("cannot take the address of the constant '{name}'"),
        )),
    }
}
