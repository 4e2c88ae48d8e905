//! The module-like attributes of an API-mode `lib` (a compiled module's Lib object), as
//! CFFI's lib_obj.c answers them: `__name__` (`"<module>.lib"`), `__all__` (the declared names
//! without the global variables: what `from module.lib import *` binds), `__dict__` (every
//! declared name with its current value), `__loader__`/`__spec__` (None); and the
//! AttributeError message for a missing name. dlopen() libraries have none of these.

use super::lib_obj::LibHandle;
use crate::vm::{PyResult, Vm};
use ffi::Decl;
use gc::Value;

/// True for the lib of a compiled (API-mode) module.
pub fn is_api(ld: &LibHandle) -> bool {
    ld.sh.api.borrow().lib.is_some()
}

/// The module name of an API-mode lib (the library's file stem without `.minipy`).
fn module_name(ld: &LibHandle) -> String {
    let n = ld.lib.borrow().name().to_string();
    let base = n.rsplit('/').next().unwrap_or(&n).to_string();
    base.split('.').next().unwrap_or(&base).to_string()
}

/// The AttributeError for a name the lib does not declare.
pub fn missing(vm: &mut Vm, ld: &LibHandle, name: &str) -> crate::vm::Exc {
    if !is_api(ld) {
        return vm.raise("AttributeError", name);
    }
    let m = module_name(ld);
    vm.raise(
        "AttributeError",
        &format!("cffi library '{m}' has no function, constant or global variable named '{name}'"),
    )
}

/// `lib.<name>` for the special names of an API-mode lib (None: not one of them).
/// `lib` is the Lib object at stack slot `slot`; `getattr` reads one declared name.
pub fn special(
    vm: &mut Vm,
    ld: &LibHandle,
    slot: usize,
    name: &str,
    getattr: fn(&mut Vm, usize, &str) -> PyResult<Value>,
) -> Option<PyResult<Value>> {
    if !is_api(ld) || !name.starts_with("__") {
        return None;
    }
    Some(match name {
        "__name__" => {
            let m = module_name(ld);
            vm.new_str(&format!("{m}.lib"))
        }
        "__loader__" | "__spec__" => Ok(vm.none()),
        "__all__" => {
            let names = names(ld, false);
            str_list(vm, &names)
        }
        "__dict__" => dict(vm, ld, slot, getattr),
        _ => return None,
    })
}

/// The declared names, sorted (without global variables unless `vars`).
fn names(ld: &LibHandle, vars: bool) -> Vec<String> {
    let d = ld.sh.decls.borrow();
    let mut v: Vec<String> = d
        .names()
        .filter(|(_, decl)| vars || !matches!(decl, Decl::Variable { .. }))
        .map(|(n, _)| n.to_string())
        .collect();
    v.sort();
    v
}

fn str_list(vm: &mut Vm, names: &[String]) -> PyResult<Value> {
    let base = vm.sp();
    for n in names {
        match vm.new_str(n) {
            Ok(s) => vm.push(s),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    let r = vm.new_list_from_stack(names.len());
    vm.truncate(base);
    r
}

fn dict(
    vm: &mut Vm,
    ld: &LibHandle,
    slot: usize,
    getattr: fn(&mut Vm, usize, &str) -> PyResult<Value>,
) -> PyResult<Value> {
    let d = vm.new_dict()?;
    let base = vm.sp();
    vm.push(d);
    let r = (|| -> PyResult<()> {
        for n in names(ld, true) {
            let v = getattr(vm, slot, &n)?;
            vm.push(v);
            let k = vm.new_str(&n)?;
            vm.dict_set(vm.at(base), k, vm.at(base + 1))?;
            vm.truncate(base + 1);
        }
        Ok(())
    })();
    let d = vm.at(base);
    vm.truncate(base);
    r.map(|_| d)
}
