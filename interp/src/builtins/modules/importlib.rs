//! The `importlib` module: `import_module(name, package=None)` (relative names resolved against
//! `package`) and `reload(module)` (re-runs a source module's file in its own dict). The import
//! machinery itself is vm/import.rs.

use super::add_fns;
use crate::obj::layout::*;
use crate::objects::args::{bind_keywords_from, count_error};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn fill(vm: &mut Vm, m: usize) -> PyResult<()> {
    let fns: &[(&str, NativeFn)] = &[("import_module", import_module), ("reload", reload)];
    add_fns(vm, m, fns)
}

fn import_module(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if let Some(msg) = count_error("import_module", 1, 2, vm.npos(&a)) {
        return Err(vm.type_error(msg));
    }
    let slots = bind_keywords_from(vm, &a, 0, "import_module", &["name", "package"])?;
    let Some(ns) = slots[0] else {
        return Err(vm.type_error("import_module() missing 1 required positional argument: 'name'"));
    };
    let name = vm.at(ns);
    if !vm.is(name, Kind::Str) {
        let t = vm.type_name(name);
        return Err(vm.raise(
            "AttributeError",
            &format!("'{t}' object has no attribute 'startswith'"),
        ));
    }
    let name = vm.str_of(name).to_string();
    let package = match slots[1].map(|s| vm.at(s)) {
        Some(p) if p != vm.none() => {
            if !vm.is(p, Kind::Str) {
                return Err(vm.type_error("__package__ not set to a string"));
            }
            Some(vm.str_of(p).to_string())
        }
        _ => None,
    };
    let level = name.len() - name.trim_start_matches('.').len();
    if level == 0 {
        return vm.import_module(&name, true);
    }
    let Some(package) = package else {
        return Err(vm.type_error(format!(
            "the 'package' argument is required to perform a relative import for '{name}'"
        )));
    };
    let abs = vm.resolve_relative(&name[level..], Some(&package), level)?;
    vm.import_module(&abs, true)
}

fn reload(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if let Some(msg) = count_error("reload", 1, 1, vm.npos(&a)) {
        return Err(vm.type_error(msg));
    }
    let m = vm.arg(&a, 0);
    if !vm.is(m, Kind::Module) {
        return Err(vm.type_error("reload() argument must be a module"));
    }
    let d = vm.obj::<ModuleObj>(m).dict;
    let name = match vm.dict_get_str_rust(d, "__name__") {
        Some(n) if vm.is(n, Kind::Str) => vm.str_of(n).to_string(),
        _ => return Err(vm.type_error("reload() argument must be a module")),
    };
    let file = match vm.dict_get_str_rust(d, "__file__") {
        Some(f) if vm.is(f, Kind::Str) => Some(vm.str_of(f).to_string()),
        _ => None,
    };
    match vm.sys_module(&name)? {
        Some(x) if x == vm.arg(&a, 0) => {}
        _ => {
            return Err(vm.raise_import_error(
                "ImportError",
                &format!("module {name} not in sys.modules"),
                Some(&name),
            ))
        }
    }
    let Some(file) = file.filter(|f| f.ends_with(".py")) else {
        return Ok(vm.arg(&a, 0)); // a native module: nothing to re-run
    };
    let src = vm.read_source_file(std::path::Path::new(&file))?;
    let code = vm.compile_source(&src, &file, false)?;
    vm.exec_module_code(code, vm.arg(&a, 0))?;
    Ok(vm.arg(&a, 0))
}
