//! `_cffi_backend.load_library(name=None, flags=0)`: the low-level library object (CFFI's
//! `CLibrary`, `<clibrary 'name'>`) whose symbols are read with an explicit ctype:
//! `load_function(BFunc, "strlen")`, `read_variable(BType, "name")`,
//! `write_variable(BType, "name", value)`, `close_lib()`. Types are the backend FFI's
//! (backend_fns.rs). The object holds no GC references.

use super::backend_fns::{backend, ctype_arg};
use super::{cdata, class, conv, foreign, fr, new_foreign, opt_arg, str_arg};
use crate::obj::layout::{ForeignData, ForeignRefs, Kind, NativeFn};
use crate::vm::{Args, PyResult, Vm};
use ffi::{Library, TypeKind};
use gc::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// A CLibrary object's data (`Kind::Foreign`).
pub struct CLibData {
    pub lib: Rc<RefCell<Library>>,
}

impl ForeignData for CLibData {
    fn refs(&mut self) -> ForeignRefs<'_> {
        [None, None, None, None, None]
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("_cffi_backend.CLibrary");
    let methods: &[(&str, NativeFn)] = &[
        ("load_function", load_function),
        ("read_variable", read_variable),
        ("write_variable", write_variable),
        ("close_lib", close_lib),
        ("__repr__", clib_repr),
    ];
    for (n, f) in methods {
        vm.add_native_method(t, n, *f);
    }
}

pub fn load_library(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = match opt_arg(vm, &a, 0, "filename") {
        None => None,
        Some(v) if v == vm.none() => None,
        Some(v) if vm.is(v, Kind::Bytes) => {
            Some(String::from_utf8_lossy(vm.bytes_of(v)).into_owned())
        }
        Some(v) => Some(str_arg(vm, v, "load_library() argument 1")?),
    };
    let flags = match opt_arg(vm, &a, 1, "flags") {
        Some(v) => vm.index_value(v, "flags")? as i32,
        None => 0,
    };
    let lib = fr(vm, Library::open_cffi(name.as_deref(), flags))?;
    let cls = class(vm, "_cffi_backend.CLibrary");
    new_foreign(
        vm,
        cls,
        Box::new(CLibData {
            lib: Rc::new(RefCell::new(lib)),
        }),
    )
}

fn lib_of(vm: &mut Vm, a: &Args) -> PyResult<Rc<RefCell<Library>>> {
    let v = vm.arg(a, 0);
    let l = match foreign::<CLibData>(vm, v) {
        Some(d) => d.lib.clone(),
        None => return Err(vm.type_error("expected a CLibrary object")),
    };
    if l.borrow().is_closed() {
        return Err(vm.value_error("library has been closed"));
    }
    Ok(l)
}

/// Argument 2 (the symbol name) and its address.
fn symbol(vm: &mut Vm, a: &Args, lib: &Rc<RefCell<Library>>, what: &str) -> PyResult<*mut u8> {
    let v = vm.arg(a, 2);
    let name = str_arg(vm, v, "symbol name")?;
    let r = lib.borrow().symbol(&name);
    match r {
        Ok(p) => Ok(p as *mut u8),
        Err(e) => {
            let ln = lib.borrow().name().to_string();
            Err(vm.raise(
                "AttributeError",
                &format!("{what} '{name}' not found in library '{ln}': {}", e.message),
            ))
        }
    }
}

fn check_n(vm: &mut Vm, a: &Args, fname: &str, n: usize) -> PyResult<()> {
    if vm.npos(a) != n + 1 {
        let g = vm.npos(a).saturating_sub(1);
        return Err(vm.type_error(format!("{fname}() takes exactly {n} arguments ({g} given)")));
    }
    Ok(())
}

fn load_function(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_n(vm, &a, "load_function", 2)?;
    let lib = lib_of(vm, &a)?;
    let sh = backend(vm)?;
    let t = ctype_arg(vm, &sh, &a, 1, "load_function")?;
    let ok = matches!(
        sh.tt().kind(t),
        TypeKind::Function(_) | TypeKind::Pointer(_)
    );
    if !ok {
        let n = sh.name(t);
        return Err(vm.type_error(format!(
            "function or pointer or array cdata expected, got '{n}'"
        )));
    }
    let p = symbol(vm, &a, &lib, "function/symbol")?;
    cdata::new_pointer(vm, &sh, t, p as usize)
}

fn read_variable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_n(vm, &a, "read_variable", 2)?;
    let lib = lib_of(vm, &a)?;
    let sh = backend(vm)?;
    let t = ctype_arg(vm, &sh, &a, 1, "read_variable")?;
    let r = sh.tt().check_usable(t);
    fr(vm, r)?;
    let p = symbol(vm, &a, &lib, "variable")?;
    // SAFETY: p is the address of a global of type t (the caller's declaration, as in CFFI).
    unsafe { conv::load(vm, &sh, t, p, Value::NULL) }
}

fn write_variable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_n(vm, &a, "write_variable", 3)?;
    let lib = lib_of(vm, &a)?;
    let sh = backend(vm)?;
    let t = ctype_arg(vm, &sh, &a, 1, "write_variable")?;
    let r = sh.tt().check_usable(t);
    fr(vm, r)?;
    let p = symbol(vm, &a, &lib, "variable")?;
    let v = vm.arg(&a, 3);
    // SAFETY: p is the address of a writable global of type t (the caller's declaration).
    unsafe { conv::store(vm, &sh, t, p, v) }?;
    Ok(vm.none())
}

fn close_lib(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    let l = foreign::<CLibData>(vm, v).map(|d| d.lib.clone());
    if let Some(l) = l {
        if !l.borrow().is_closed() {
            let r = l.borrow_mut().close();
            fr(vm, r)?;
        }
    }
    Ok(vm.none())
}

fn clib_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    let n = foreign::<CLibData>(vm, v).map(|d| d.lib.borrow().name().to_string());
    let s = format!("<clibrary '{}'>", n.unwrap_or_default());
    vm.new_str(&s)
}
