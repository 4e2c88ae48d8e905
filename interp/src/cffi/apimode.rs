//! CFFI's API mode, builder side: `ffi.set_source(...)`, `ffi.compile(...)`,
//! `ffi.emit_c_code(f)`, `ffi.emit_python_code(f)` (out-of-line ABI mode, `set_source(name,
//! None)`) and `ffi.include(other)`. The C work is the `ffi` crate's (apimode.rs): the module is
//! built as `<tmpdir>/<module>.minipy.so`, which embeds its cdefs; importing it is
//! api_import.rs's job, `@ffi.def_extern()` extern_python.rs's, embedding (`embedding_api`,
//! `embedding_init_code`, `compile(target=...)` of a library that starts minipy) embedding.rs's.
//! Per-FFI API-mode state lives in [`ApiState`] (`FfiShared::api`): plain Rust data, no Value.

use super::ffi_obj::ffi_self;
use super::{arity, fr, opt_arg, str_arg};
use crate::obj::layout::{Kind, NativeFn};
use crate::vm::{Args, PyResult, Vm};
use ffi::apimode::SourceConfig;
use ffi::Library;
use gc::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// API-mode state of one FFI object.
#[derive(Default)]
pub struct ApiState {
    /// What `set_source` recorded (`c_source` is meaningless when `out_of_line`).
    pub source: Option<SourceConfig>,
    /// `set_source(name, None)`.
    pub out_of_line: bool,
    /// For the `ffi` of an imported compiled module: its library (extern "Python" slots).
    pub lib: Option<Rc<RefCell<Library>>>,
    /// Embedding (embedding.rs): the init code, `Some("")` once `embedding_api()` was called.
    pub embedding: Option<String>,
}

pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("_cffi_backend.FFI");
    let methods: &[(&str, NativeFn)] = &[
        ("set_source", ffi_set_source),
        ("compile", ffi_compile),
        ("emit_c_code", ffi_emit_c_code),
        ("emit_python_code", ffi_emit_python_code),
        ("include", ffi_include),
        ("def_extern", super::extern_python::ffi_def_extern),
        ("embedding_api", super::embedding::ffi_embedding_api),
        (
            "embedding_init_code",
            super::embedding::ffi_embedding_init_code,
        ),
    ];
    for (n, f) in methods {
        vm.add_native_method(t, n, *f);
    }
}

/// The strings of a list/tuple argument (`libraries=[...]`).
fn str_list(vm: &mut Vm, v: Value, what: &str) -> PyResult<Vec<String>> {
    if vm.is(v, Kind::Str) {
        return Err(vm.type_error(format!("'{what}' must be a list of strings, not a str")));
    }
    let t = vm.to_tuple(v)?;
    let items = vm.tuple_items(t).to_vec();
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        if !vm.is(it, Kind::Str) {
            let tn = vm.type_name(it);
            return Err(vm.type_error(format!("'{what}' must be a list of strings, not {tn}")));
        }
        out.push(vm.str_of(it).to_string());
    }
    Ok(out)
}

/// `define_macros=[("NAME", "value" or None), ...]`.
fn macro_list(vm: &mut Vm, v: Value) -> PyResult<Vec<(String, Option<String>)>> {
    let base = vm.sp();
    let t = vm.to_tuple(v)?;
    vm.push(t);
    let n = vm.tuple_items(t).len();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let item = vm.tuple_items(vm.at(base))[i];
        let pair = vm.to_tuple(item);
        let pair = match pair {
            Ok(p) if vm.tuple_items(p).len() == 2 => vm.tuple_items(p).to_vec(),
            Ok(_) | Err(_) => {
                vm.take_exc();
                vm.truncate(base);
                return Err(vm.type_error("'define_macros' items must be (name, value) tuples"));
            }
        };
        let value = if pair[1] == vm.none() {
            None
        } else if vm.is(pair[1], Kind::Str) {
            Some(vm.str_of(pair[1]).to_string())
        } else {
            vm.truncate(base);
            return Err(vm.type_error("'define_macros' values must be str or None"));
        };
        if !vm.is(pair[0], Kind::Str) {
            vm.truncate(base);
            return Err(vm.type_error("'define_macros' names must be str"));
        }
        out.push((vm.str_of(pair[0]).to_string(), value));
    }
    vm.truncate(base);
    Ok(out)
}

const EXT_KWARGS: &[&str] = &[
    "module_name",
    "source",
    "source_extension",
    "libraries",
    "library_dirs",
    "include_dirs",
    "extra_compile_args",
    "extra_link_args",
    "define_macros",
    "sources",
    "runtime_library_dirs",
    "extra_objects",
    "depends",
    "language",
    "py_limited_api",
    "undef_macros",
    "export_symbols",
];

/// `ffi.set_source(module_name, source, source_extension='.c', **kwds)`.
fn ffi_set_source(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "set_source", EXT_KWARGS)?;
    arity(vm, &a, "set_source", 1, 4)?;
    let sh = ffi_self(vm, &a)?;
    let Some(name) = opt_arg(vm, &a, 1, "module_name") else {
        return Err(
            vm.type_error("set_source() missing 1 required positional argument: 'module_name'")
        );
    };
    if !vm.is(name, Kind::Str) {
        return Err(vm.type_error("'module_name' must be a string"));
    }
    let name = vm.str_of(name).to_string();
    if sh.api.borrow().source.is_some() {
        return Err(vm.value_error("set_source() cannot be called several times per ffi object"));
    }
    let src = match opt_arg(vm, &a, 2, "source") {
        None => {
            return Err(
                vm.type_error("set_source() missing 1 required positional argument: 'source'")
            )
        }
        Some(v) if v == vm.none() => None,
        Some(v) => Some(str_arg(vm, v, "source")?),
    };
    let mut cfg = SourceConfig {
        module_name: name,
        c_source: src.clone().unwrap_or_default(),
        source_extension: ".c".into(),
        ..Default::default()
    };
    if let Some(v) = opt_arg(vm, &a, 3, "source_extension") {
        cfg.source_extension = str_arg(vm, v, "source_extension")?;
    }
    read_ext_kwargs(vm, &a, &mut cfg)?;
    let mut api = sh.api.borrow_mut();
    api.out_of_line = src.is_none();
    api.source = Some(cfg);
    Ok(vm.none())
}

fn read_ext_kwargs(vm: &mut Vm, a: &Args, cfg: &mut SourceConfig) -> PyResult<()> {
    let lists: [(&str, &mut Vec<String>); 6] = [
        ("libraries", &mut cfg.libraries),
        ("library_dirs", &mut cfg.library_dirs),
        ("include_dirs", &mut cfg.include_dirs),
        ("extra_compile_args", &mut cfg.extra_compile_args),
        ("extra_link_args", &mut cfg.extra_link_args),
        ("sources", &mut cfg.sources),
    ];
    for (k, dst) in lists {
        if let Some(v) = vm.kwarg(a, k) {
            *dst = str_list(vm, v, k)?;
        }
    }
    if let Some(v) = vm.kwarg(a, "extra_objects") {
        let objs = str_list(vm, v, "extra_objects")?;
        cfg.sources.extend(objs);
    }
    if let Some(v) = vm.kwarg(a, "runtime_library_dirs") {
        for d in str_list(vm, v, "runtime_library_dirs")? {
            cfg.extra_link_args.push(format!("-Wl,-rpath,{d}"));
        }
    }
    if let Some(v) = vm.kwarg(a, "define_macros") {
        cfg.define_macros = macro_list(vm, v)?;
    }
    if let Some(v) = vm.kwarg(a, "undef_macros") {
        for m in str_list(vm, v, "undef_macros")? {
            cfg.extra_compile_args.push(format!("-U{m}"));
        }
    }
    Ok(())
}

/// The recorded source, or CFFI's error when `set_source` was not called.
fn source_of(vm: &mut Vm, a: &Args, what: &str) -> PyResult<(SourceConfig, bool)> {
    let sh = ffi_self(vm, a)?;
    let api = sh.api.borrow();
    match &api.source {
        Some(cfg) => Ok((cfg.clone(), api.out_of_line)),
        None => {
            drop(api);
            Err(vm.value_error(format!("set_source() must be called before {what}()")))
        }
    }
}

/// `ffi.compile(tmpdir='.', verbose=0, target=None, debug=None)`: the path of what it built.
fn ffi_compile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "compile", &["tmpdir", "verbose", "target", "debug"])?;
    arity(vm, &a, "compile", 1, 5)?;
    let (cfg, out_of_line) = source_of(vm, &a, "compile")?;
    let tmpdir = match opt_arg(vm, &a, 1, "tmpdir") {
        Some(v) => str_arg(vm, v, "tmpdir")?,
        None => ".".to_string(),
    };
    let verbose = match opt_arg(vm, &a, 2, "verbose") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let sh = ffi_self(vm, &a)?;
    if out_of_line {
        let rel = format!("{}.py", cfg.module_name.replace('.', "/"));
        let path = std::path::Path::new(&tmpdir).join(rel);
        let text = python_source(&sh.decls.borrow(), &cfg);
        write_file(vm, &path, &text)?;
        if verbose {
            eprintln!("generating {}", path.display());
        }
        return vm.new_str(&path.to_string_lossy());
    }
    let target = match opt_arg(vm, &a, 3, "target") {
        Some(v) if v != vm.none() => Some(str_arg(vm, v, "target")?),
        _ => None,
    };
    let mut cfg = cfg;
    cfg.embedding = sh.api.borrow().embedding.clone();
    if cfg.embedding.is_some() {
        cfg.runtime_dir = Some(super::embedding::runtime_dir(vm)?);
    }
    let r = {
        let decls = sh.decls.borrow();
        let dir = std::path::Path::new(&tmpdir);
        ffi::apimode::compile_to(&decls, &cfg, dir, target.as_deref(), verbose)
    };
    let path = fr(vm, r)?;
    vm.new_str(&path.to_string_lossy())
}

fn write_file(vm: &mut Vm, path: &std::path::Path, text: &str) -> PyResult<()> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            let _ = std::fs::create_dir_all(dir);
        }
    }
    // write then rename: concurrent writers of the same module never expose a partial file
    let tmp = path.with_extension(format!("{}.tmp", std::process::id()));
    let r = std::fs::write(&tmp, text).and_then(|_| std::fs::rename(&tmp, path));
    r.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        vm.raise(
            "OSError",
            &format!("cannot write '{}': {e}", path.display()),
        )
    })
}

/// emit_c_code / emit_python_code: write `text` to `f`, saying so on stdout as CFFI does.
fn emit(vm: &mut Vm, f: &str, text: &str) -> PyResult<Value> {
    vm.write_stdout(&format!("generating {f}\n"));
    if std::fs::read_to_string(f).is_ok_and(|old| old == text) {
        vm.write_stdout("(already up-to-date)\n");
        return Ok(vm.none());
    }
    write_file(vm, std::path::Path::new(f), text)?;
    Ok(vm.none())
}

/// The file name argument of emit_c_code / emit_python_code (None: a file object, anything
/// with a `write` method, which `emit_to_object` writes to).
fn file_arg(vm: &mut Vm, a: &Args, name: &str) -> PyResult<Option<String>> {
    arity(vm, a, name, 2, 2)?;
    let v = vm.arg(a, 1);
    if !vm.is(v, Kind::Str) {
        match vm.getattr_str(v, "write") {
            Ok(_) => return Ok(None),
            Err(_) => {
                vm.take_exc();
            }
        }
    }
    let v = vm.arg(a, 1);
    str_arg(vm, v, "filename").map(Some)
}

/// Writes `text` with `a[1].write(text)`, saying "generating <repr>" on stdout as CFFI does.
fn emit_to_object(vm: &mut Vm, a: &Args, text: &str) -> PyResult<Value> {
    let f = vm.arg(a, 1);
    let r = vm.repr_string(f)?;
    vm.write_stdout(&format!("generating {r}\n"));
    let s = vm.new_str(text)?;
    let base = vm.sp();
    vm.push(s);
    let f = vm.arg(a, 1);
    let r = vm
        .getattr_str(f, "write")
        .and_then(|w| vm.call(w, &[vm.at(base)]));
    vm.truncate(base);
    r.map(|_| vm.none())
}

/// `ffi.emit_c_code(filename)`.
fn ffi_emit_c_code(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = file_arg(vm, &a, "emit_c_code")?;
    let (cfg, out_of_line) = source_of(vm, &a, "emit_c_code")?;
    if out_of_line {
        return Err(vm.type_error(
            "emit_c_code() is only for C extension modules, not for dlopen()-style pure Python modules",
        ));
    }
    let sh = ffi_self(vm, &a)?;
    let mut cfg = cfg;
    cfg.embedding = sh.api.borrow().embedding.clone();
    let text = ffi::apimode::generate_c(&sh.decls.borrow(), &cfg);
    match f {
        Some(f) => emit(vm, &f, &text),
        None => emit_to_object(vm, &a, &text),
    }
}

/// `ffi.emit_python_code(filename)` (out-of-line ABI mode).
fn ffi_emit_python_code(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = file_arg(vm, &a, "emit_python_code")?;
    // CFFI's message names emit_c_code here too
    let (cfg, out_of_line) = source_of(vm, &a, "emit_c_code")?;
    if !out_of_line {
        return Err(vm.type_error(
            "emit_python_code() is only for dlopen()-style pure Python modules, not for C extension modules",
        ));
    }
    let sh = ffi_self(vm, &a)?;
    let text = python_source(&sh.decls.borrow(), &cfg);
    match f {
        Some(f) => emit(vm, &f, &text),
        None => emit_to_object(vm, &a, &text),
    }
}

/// A Python string literal for `s`.
fn py_literal(s: &str) -> String {
    let mut o = String::from("'");
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '\'' => o.push_str("\\'"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                o.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => o.push(c),
        }
    }
    o.push('\'');
    o
}

/// The `.py` module of out-of-line ABI mode: an FFI replaying this FFI's cdefs.
fn python_source(d: &ffi::Declarations, cfg: &SourceConfig) -> String {
    let mut s = format!(
        "# auto-generated file (minipy cffi, out-of-line ABI mode) for module {}\nimport _cffi_backend\n\nffi = _cffi_backend.FFI()\n",
        cfg.module_name
    );
    for r in &d.history {
        let pack = r.pack.map_or("None".to_string(), |p| p.to_string());
        s.push_str(&format!(
            "ffi.cdef({}, packed={}, pack={}, override={})\n",
            py_literal(&r.source),
            if r.packed { "True" } else { "False" },
            pack,
            if r.override_ { "True" } else { "False" }
        ));
    }
    s
}

/// `ffi.include(other_ffi)`: the other FFI's declarations become usable here.
fn ffi_include(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "include", 2, 2)?;
    let sh = ffi_self(vm, &a)?;
    let o = vm.arg(&a, 1);
    let Some(other) = super::foreign::<super::ffi_obj::FfiData>(vm, o) else {
        let tn = vm.type_name(o);
        return Err(vm.type_error(format!(
            "ffi.include() expects an argument that is an ffi object, not {tn}"
        )));
    };
    if Rc::ptr_eq(&sh, &other.sh) {
        return Err(vm.value_error("self.include(self)"));
    }
    let theirs = other.sh.decls.borrow().clone();
    let r = sh.with_decls(|decls| decls.include(&theirs));
    fr(vm, r)?;
    sh.decls_changed();
    Ok(vm.none())
}
