//! The rest of `sys` (sys.rs builds the core): constants (maxunicode, hexversion, prefixes...),
//! sys.exception(), the filesystem-encoding queries, `__stdout__`/`__stderr__`/`__stdin__`, and the
//! Python-level objects of interp/lib/_sysinfo.py (version_info, flags, float_info, int_info,
//! hash_info, thread_info, getsizeof, stdin, the streams' `buffer`), imported while sys is built.
//!
//! GC: the module stays at stack slot `m`; values are fetched from _sysinfo one at a time and
//! stored at once.

use super::{add_fns, set_attr};
use crate::builtins::functions::npos_range;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn fill(vm: &mut Vm, m: usize) -> PyResult<()> {
    add_fns(
        vm,
        m,
        &[
            ("exception", exception),
            ("getfilesystemencoding", getfilesystemencoding),
            ("getfilesystemencodeerrors", getfilesystemencodeerrors),
        ],
    )?;
    let ints: [(&str, i64); 3] = [
        ("maxunicode", 0x10FFFF),
        ("hexversion", 0x030B00F0),
        ("api_version", 1013),
    ];
    for (name, v) in ints {
        vm.module_set(vm.at(m), name, Value::from_int(v).unwrap())?;
    }
    let strs: [(&str, &str); 9] = [
        ("prefix", "/usr/local"),
        ("base_prefix", "/usr/local"),
        ("exec_prefix", "/usr/local"),
        ("base_exec_prefix", "/usr/local"),
        ("platlibdir", "lib"),
        ("float_repr_style", "short"),
        ("abiflags", ""),
        ("pycache_prefix", ""),
        ("copyright", "Copyright (c) minipy authors."),
    ];
    for (name, v) in strs {
        set_attr(vm, m, name, |vm| vm.new_str(v))?;
    }
    set_attr(vm, m, "pycache_prefix", |vm| Ok(vm.none()))?;
    set_attr(vm, m, "dont_write_bytecode", |vm| Ok(vm.bool_val(true)))?;
    for name in ["warnoptions", "path_hooks", "meta_path"] {
        set_attr(vm, m, name, |vm| vm.new_list())?;
    }
    for name in ["_xoptions", "path_importer_cache"] {
        set_attr(vm, m, name, |vm| vm.new_dict())?;
    }
    let argv = vm.argv.clone();
    set_attr(vm, m, "orig_argv", |vm| {
        crate::builtins::functions::str_list(vm, argv.iter().map(|s| s.as_str()))
    })?;
    for (alias, name) in [("__stdout__", "stdout"), ("__stderr__", "stderr")] {
        let v = vm.getattr_str(vm.at(m), name)?;
        vm.module_set(vm.at(m), alias, v)?;
    }
    let info = vm.import_module("_sysinfo", true)?;
    vm.push(info);
    let islot = vm.sp() - 1;
    for name in [
        "version_info",
        "flags",
        "float_info",
        "int_info",
        "hash_info",
        "thread_info",
        "implementation",
        "getsizeof",
        "stdin",
    ] {
        let v = vm.getattr_str(vm.at(islot), name)?;
        vm.module_set(vm.at(m), name, v)?;
    }
    let v = vm.getattr_str(vm.at(islot), "stdin")?;
    vm.module_set(vm.at(m), "__stdin__", v)?;
    // the text-stream attributes programs read (sys.stdout.encoding...)
    for (stream, errors) in [("stdout", "strict"), ("stderr", "backslashreplace")] {
        for (name, v) in [("encoding", "utf-8"), ("errors", errors), ("mode", "w")] {
            let val = vm.new_str(v)?;
            vm.push(val);
            let s = vm.getattr_str(vm.at(m), stream)?;
            let k = vm.intern(name);
            let val = vm.top();
            vm.setattr(s, k, val)?;
            vm.pop();
        }
    }
    for (stream, buf) in [("stdout", "stdout_buffer"), ("stderr", "stderr_buffer")] {
        let b = vm.getattr_str(vm.at(islot), buf)?;
        vm.push(b);
        let s = vm.getattr_str(vm.at(m), stream)?;
        let k = vm.intern("buffer");
        let b = vm.top();
        vm.setattr(s, k, b)?;
        vm.pop();
    }
    vm.truncate(islot);
    Ok(())
}

/// sys.exception(): the exception being handled, or None.
fn exception(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "exception", 0, 0)?;
    let e = vm
        .roots
        .handled
        .iter()
        .rev()
        .copied()
        .find(|e| !e.is_null() && *e != vm.none());
    Ok(e.unwrap_or(vm.none()))
}

fn getfilesystemencoding(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "getfilesystemencoding", 0, 0)?;
    vm.new_str("utf-8")
}

fn getfilesystemencodeerrors(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "getfilesystemencodeerrors", 0, 0)?;
    vm.new_str("surrogateescape")
}
