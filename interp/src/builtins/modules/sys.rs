//! The `sys` module (the rest is in sys_extra.rs): argv, path, modules, builtin_module_names (the registry's native modules), exit,
//! recursion limit, version info, maxsize, byteorder, exc_info, intern, and `stdout`/`stderr` objects (instances of a small `TextIOWrapper` class whose
//! native `write`/`flush` methods write to the process's streams).

use super::{add_fns, set_attr};
use crate::builtins::functions::{index_bigint, npos_range, raise_system_exit};
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::io::Write;

pub fn fill(vm: &mut Vm, m: usize) -> PyResult<()> {
    add_fns(
        vm,
        m,
        &[
            ("exit", exit),
            ("getrecursionlimit", getrecursionlimit),
            ("setrecursionlimit", setrecursionlimit),
            ("get_int_max_str_digits", get_int_max_str_digits),
            ("set_int_max_str_digits", set_int_max_str_digits),
            ("exc_info", exc_info),
            ("_getframe", super::sys_frames::getframe),
            ("intern", intern),
            ("getdefaultencoding", getdefaultencoding),
        ],
    )?;
    let argv = vm.argv.clone();
    set_attr(vm, m, "argv", |vm| {
        super::super::functions::str_list(vm, argv.iter().map(|s| s.as_str()))
    })?;
    let mut path = vec![vm.script_dir.clone()];
    path.extend(vm.sys_path.iter().cloned());
    set_attr(vm, m, "path", |vm| {
        super::super::functions::str_list(vm, path.iter().map(|s| s.as_str()))
    })?;
    let mods = vm.roots.modules;
    vm.module_set(vm.at(m), "modules", mods)?;
    // The registry's native modules (sorted, like CPython's tuple).
    let mut names: Vec<&str> = vm.registry.native_module_names().collect();
    names.sort_unstable();
    set_attr(vm, m, "builtin_module_names", |vm| {
        let l = super::super::functions::str_list(vm, names.iter().copied())?;
        vm.to_tuple(l)
    })?;
    set_attr(vm, m, "version", |vm| vm.new_str("3.11.0 (minipy)"))?;
    set_attr(vm, m, "platform", |vm| vm.new_str("linux"))?;
    set_attr(vm, m, "byteorder", |vm| {
        vm.new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        })
    })?;
    set_attr(vm, m, "maxsize", |vm| vm.new_bigint(BigInt::from(i64::MAX)))?;
    set_attr(vm, m, "executable", |vm| {
        let exe = std::env::current_exe()
            .map(|p| p.to_string_lossy().to_string())
            .unwrap_or_default();
        vm.new_str(&exe)
    })?;
    set_attr(vm, m, "implementation", implementation)?;
    let cls = stream_class(vm)?;
    vm.push(cls);
    let cslot = vm.sp() - 1;
    set_attr(vm, m, "stdout", |vm| new_stream(vm, cslot, 1, "<stdout>"))?;
    set_attr(vm, m, "stderr", |vm| new_stream(vm, cslot, 2, "<stderr>"))?;
    vm.truncate(cslot);
    super::sys_extra::fill(vm, m)
}

fn version_info(vm: &mut Vm) -> PyResult<Value> {
    let fin = vm.new_str("final")?;
    let i = |n: i64| Value::from_int(n).unwrap();
    vm.new_tuple(&[i(3), i(11), i(0), fin, i(0)])
}

/// sys.implementation: a module-like namespace with `name` and `version`.
fn implementation(vm: &mut Vm) -> PyResult<Value> {
    let ns = vm.new_module("implementation")?;
    let slot = vm.sp();
    vm.push(ns);
    set_attr(vm, slot, "name", |vm| vm.new_str("minipy"))?;
    set_attr(vm, slot, "version", version_info)?;
    set_attr(vm, slot, "cache_tag", |vm| Ok(vm.none()))?;
    Ok(vm.pop())
}

fn exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "exit", 0, 1)?;
    let code = if a.n == 1 { Some(vm.arg(&a, 0)) } else { None };
    raise_system_exit(vm, code)
}

fn getrecursionlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "getrecursionlimit", 0, 0)?;
    vm.new_int(vm.recursion_limit as i64)
}

fn setrecursionlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "setrecursionlimit", 1, 1)?;
    let v = vm.arg(&a, 0);
    if vm.is(v, Kind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = index_bigint(vm, v)?;
    let Some(n) = n.to_i64().filter(|&n| n <= i32::MAX as i64) else {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.roots.frames.len() as i64;
    if n <= depth {
        let msg = format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low");
        return Err(vm.raise("RecursionError", &msg));
    }
    vm.recursion_limit = n as usize;
    Ok(vm.none())
}

fn get_int_max_str_digits(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "get_int_max_str_digits", 0, 0)?;
    vm.new_int(crate::objects::int::max_str_digits() as i64)
}

/// sys.set_int_max_str_digits(maxdigits): 0 (no limit) or at least 640, as CPython.
fn set_int_max_str_digits(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "set_int_max_str_digits", &["maxdigits"])?;
    let v = match (vm.npos(&a), vm.kwarg(&a, "maxdigits")) {
        (1, None) => vm.arg(&a, 0),
        (0, Some(v)) => v,
        (0, None) => {
            return Err(vm.type_error(
                "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
            ))
        }
        _ => {
            let n = a.n;
            return Err(vm.type_error(format!(
                "set_int_max_str_digits() takes at most 1 argument ({n} given)"
            )));
        }
    };
    let n = index_bigint(vm, v)?;
    let Some(n) = n.to_i64().filter(|&n| n <= i32::MAX as i64) else {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    };
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::objects::int::set_max_str_digits(n.max(0) as usize);
    Ok(vm.none())
}

/// sys.exc_info(): (type, value, traceback) of the exception being handled, or (None, None, None).
fn exc_info(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "exc_info", 0, 0)?;
    let e = vm
        .roots
        .handled
        .iter()
        .rev()
        .copied()
        .find(|e| !e.is_null() && *e != vm.none());
    let none = vm.none();
    match e {
        Some(e) => {
            vm.push(e);
            let tb = vm.traceback_of(e);
            let e = vm.pop();
            let tb = tb?;
            let t = vm.type_of(e);
            vm.new_tuple(&[t, e, tb])
        }
        None => vm.new_tuple(&[none, none, none]),
    }
}

fn intern(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "intern", 1, 1)?;
    let v = vm.arg(&a, 0);
    if !vm.is(v, Kind::Str) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("intern() argument must be str, not {tn}")));
    }
    let s = vm.str_of(v).to_string();
    Ok(vm.intern(&s))
}

fn getdefaultencoding(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "getdefaultencoding", 0, 0)?;
    vm.new_str("utf-8")
}

// ---- stdout / stderr ---------------------------------------------------------------------------------

/// The `TextIOWrapper` class with native write/flush methods.
fn stream_class(vm: &mut Vm) -> PyResult<Value> {
    let base = vm.sp();
    let r = (|| {
        let name = vm.new_str("TextIOWrapper")?;
        vm.push(name);
        let bases = vm.new_tuple(&[])?;
        vm.push(bases);
        let d = vm.new_dict()?;
        vm.push(d);
        let methods: [(&str, NativeFn); 4] = [
            ("write", stream_write),
            ("flush", stream_flush),
            ("fileno", stream_fileno),
            ("isatty", stream_isatty),
        ];
        for (mname, f) in methods {
            let nf = vm.new_native(mname, f, Value::NULL)?;
            let k = vm.intern(mname);
            vm.dict_set(vm.at(base + 2), k, nf)?;
        }
        let k = vm.intern("__module__");
        let mv = vm.new_str("io")?;
        vm.dict_set(vm.at(base + 2), k, mv)?;
        vm.new_class(base, base + 1, base + 2)
    })();
    vm.truncate(base);
    r
}

/// An instance of the stream class at `cslot` writing to file descriptor `fd`.
fn new_stream(vm: &mut Vm, cslot: usize, fd: i64, name: &str) -> PyResult<Value> {
    let inst = vm.object_new(vm.at(cslot))?;
    let slot = vm.sp();
    vm.push(inst);
    // a real dict: stream_fd and print read `_fd` from it
    let d = vm.materialize_dict(slot)?;
    let k = vm.intern("_fd");
    vm.dict_set(d, k, Value::from_int(fd).unwrap())?;
    let n = vm.new_str(name)?;
    let d = vm.obj::<InstanceObj>(vm.at(slot)).dict;
    let k = vm.intern("name");
    vm.dict_set(d, k, n)?;
    Ok(vm.pop())
}

/// The file descriptor stored on a stream instance (1 if missing).
fn stream_fd(vm: &mut Vm, s: Value) -> i64 {
    let Some(d) = vm.instance_dict(s) else {
        return 1;
    };
    let k = vm.intern("_fd");
    vm.dict_get_str(d, k)
        .and_then(|v| vm.to_i64(v))
        .unwrap_or(1)
}

fn stream_write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "write", 2, 2)?;
    let s = vm.arg(&a, 1);
    if !vm.is(s, Kind::Str) {
        let tn = vm.type_name(s);
        return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
    }
    let n = vm.str_nchars(s);
    let text = vm.str_of(s).to_string();
    if stream_fd(vm, vm.arg(&a, 0)) == 2 {
        vm.flush_stdout();
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(crate::unicode::for_stderr(&text).as_bytes());
        let _ = e.flush();
    } else {
        vm.write_stdout_checked(&text)?;
    }
    vm.new_int(n as i64)
}

fn stream_flush(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "flush", 1, 1)?;
    if stream_fd(vm, vm.arg(&a, 0)) == 2 {
        let _ = std::io::stderr().flush();
    } else {
        vm.flush_stdout_checked()?;
    }
    Ok(vm.none())
}

fn stream_fileno(vm: &mut Vm, a: Args) -> PyResult<Value> {
    npos_range(vm, &a, "fileno", 1, 1)?;
    let fd = stream_fd(vm, vm.arg(&a, 0));
    vm.new_int(fd)
}

fn stream_isatty(vm: &mut Vm, a: Args) -> PyResult<Value> {
    use std::io::IsTerminal;
    npos_range(vm, &a, "isatty", 1, 1)?;
    let fd = stream_fd(vm, vm.arg(&a, 0));
    let tty = if fd == 2 {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    Ok(vm.bool_val(tty))
}
