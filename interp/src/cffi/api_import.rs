//! Importing compiled API-mode modules: `import _pwuid_cffi` finds `_pwuid_cffi.minipy.so` in
//! the script's directory or on `sys.path` (the live list, so `sys.path.insert(0, d)` works),
//! and builds a module with `ffi` (an FFI object whose declarations carry the compiler's answers)
//! and `lib` (a Lib object calling the module's C wrappers). Called by the import machinery
//! (vm/import.rs) after the builtin-module check.
//!
//! A file that is not a loadable minipy module (garbage, another minipy's format, a module built
//! for another name or from other declarations) gives an ImportError saying so; so does a CPython
//! extension (`name.cpython-*.so`, `name.abi3.so`, `name.so`) found where no minipy module or
//! `.py` file is.

use super::apimode::ApiState;
use super::ffi_obj::FfiData;
use super::lib_obj::LibData;
use super::module::module_set;
use super::{class, new_foreign, FfiShared};
use crate::vm::{PyResult, Vm};
use gc::Value;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// What one directory holds for a module.
enum Found {
    Minipy(PathBuf),
    Foreign(PathBuf),
    Python,
    Nothing,
}

/// The import hook: `Some(result)` when this module is (or pretends to be) a compiled cffi
/// module, `None` to let the normal `.py` search run.
pub fn import_hook(vm: &mut Vm, full: &str) -> Option<PyResult<Value>> {
    let rel = full.replace('.', "/");
    for dir in search_dirs(vm) {
        match look_in(Path::new(&dir), &rel) {
            Found::Minipy(p) => return Some(load(vm, &p, full)),
            Found::Foreign(p) => {
                return Some(Err(vm.raise(
                    "ImportError",
                    &format!(
                        "'{}' is not a minipy module (a CPython extension?): rebuild '{full}' with minipy's ffi.compile()",
                        p.display()
                    ),
                )))
            }
            Found::Python => return None,
            Found::Nothing => {}
        }
    }
    None
}

/// Where `.py` modules are searched (vm/import.rs), so that out-of-line modules (`_mod.py`
/// written by `ffi.compile()`) are found in the same places.
fn search_dirs(vm: &mut Vm) -> Vec<String> {
    vm.import_search_dirs()
}

fn look_in(dir: &Path, rel: &str) -> Found {
    let so = dir.join(ffi::apimode::module_file_name(
        rel.replace('/', ".").as_str(),
    ));
    if so.is_file() {
        return Found::Minipy(so);
    }
    if dir.join(format!("{rel}.py")).is_file() || dir.join(rel).join("__init__.py").is_file() {
        return Found::Python;
    }
    let target = dir.join(rel);
    let (Some(parent), Some(base)) = (target.parent(), target.file_name()) else {
        return Found::Nothing;
    };
    let base = base.to_string_lossy().to_string();
    let Ok(entries) = std::fs::read_dir(if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    }) else {
        return Found::Nothing;
    };
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().to_string();
        let foreign = n == format!("{base}.so")
            || n == format!("{base}.abi3.so")
            || (n.starts_with(&format!("{base}.cpython-")) && n.ends_with(".so"));
        if foreign {
            return Found::Foreign(parent.join(n));
        }
    }
    Found::Nothing
}

/// Load `path` as module `full`, register it in `sys.modules` and return it (the embedding
/// runtime, interp/src/embed/, loads its library this way too).
pub fn load(vm: &mut Vm, path: &Path, full: &str) -> PyResult<Value> {
    let abs = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let (decls, library) = match ffi::apimode::open_module(&abs, full) {
        Ok(x) => x,
        Err(msg) => return Err(vm.raise("ImportError", &msg)),
    };
    let library = Rc::new(RefCell::new(library));
    let sh = FfiShared::new();
    *sh.decls.borrow_mut() = decls;
    *sh.api.borrow_mut() = ApiState {
        source: None,
        out_of_line: false,
        lib: Some(library.clone()),
        embedding: None,
    };
    let base = vm.sp();
    let r = build_module(vm, base, sh, library, full, &path.to_string_lossy());
    vm.truncate(base);
    r
}

fn build_module(
    vm: &mut Vm,
    base: usize,
    sh: super::Shared,
    library: Rc<RefCell<ffi::Library>>,
    full: &str,
    file: &str,
) -> PyResult<Value> {
    // slots: base: ffi, base+1: lib, base+2: module
    let cls = class(vm, "_cffi_backend.FFI");
    let d = vm.new_dict()?;
    let ffi_obj = new_foreign(
        vm,
        cls,
        Box::new(FfiData {
            sh: sh.clone(),
            cache: d,
            attrs: Value::NULL,
        }),
    )?;
    vm.push(ffi_obj);
    let cls = class(vm, "_cffi_backend.Lib");
    let cache = vm.new_dict()?;
    let data = LibData {
        handle: super::lib_obj::LibHandle { sh, lib: library },
        attr_cache: cache,
        ffi_obj: vm.at(base),
    };
    let lib = new_foreign(vm, cls, Box::new(data))?;
    vm.push(lib);
    let m = vm.new_module(full)?;
    vm.push(m);
    module_set(vm, base + 2, "ffi", vm.at(base))?;
    module_set(vm, base + 2, "lib", vm.at(base + 1))?;
    let f = vm.new_str(file)?;
    module_set(vm, base + 2, "__file__", f)?;
    let key = vm.new_str(full)?;
    let mods = vm.roots.modules;
    vm.dict_set(mods, key, vm.at(base + 2))?;
    // As CFFI: `module.lib` is importable too (`from module.lib import f`).
    let key = vm.new_str(&format!("{full}.lib"))?;
    let mods = vm.roots.modules;
    vm.dict_set(mods, key, vm.at(base + 1))?;
    Ok(vm.at(base + 2))
}
