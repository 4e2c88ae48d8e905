//! Embedding, builder side (CFFI's `ffi.embedding_api(csource, packed=False, pack=None)` and
//! `ffi.embedding_init_code(pysource)`): the declarations of the functions a shared library
//! exports, and the Python code it runs when one of them is first called. `ffi.compile()`
//! (apimode.rs) then builds the library (C in ffi/src/apimode_embed.rs), linked with the runtime
//! `libminipy.so` ([`runtime_dir`]) that starts minipy (interp/src/embed/).
//! State: `ApiState::embedding` (plain Rust data): `Some(code)` once either method was called.

use super::ffi_obj::{cdef_with, ffi_self};
use super::{arity, opt_arg};
use crate::obj::layout::Kind;
use crate::vm::{Args, PyResult, Vm};
use ffi::CdefOptions;
use gc::Value;
use std::path::PathBuf;

/// `ffi.embedding_api(csource, packed=False, pack=None)`: a cdef whose functions are exported
/// `extern "Python"` functions.
pub fn ffi_embedding_api(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "embedding_api", &["csource", "packed", "pack"])?;
    arity(vm, &a, "embedding_api", 1, 4)?;
    let sh = ffi_self(vm, &a)?;
    let src = required(vm, &a, "embedding_api", "csource")?;
    if !vm.is(src, Kind::Str) {
        return Err(vm.type_error("cdef() argument must be a string"));
    }
    let src = vm.str_of(src).to_string();
    let packed = match opt_arg(vm, &a, 2, "packed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let pack = match opt_arg(vm, &a, 3, "pack") {
        Some(v) if v != vm.none() => vm.to_i64(v).map(|n| n.max(1) as usize),
        _ => None,
    };
    let opts = CdefOptions {
        packed,
        pack,
        override_: false,
        dllexport: true,
    };
    cdef_with(vm, &sh, &src, &opts)?;
    let mut api = sh.api.borrow_mut();
    if api.embedding.is_none() {
        api.embedding = Some(String::new());
    }
    Ok(vm.none())
}

/// `ffi.embedding_init_code(pysource)`: checked for syntax errors now (as CFFI, with the file
/// name "cffi_init"), stored dedented with leading blank lines removed so it starts at line 1.
pub fn ffi_embedding_init_code(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "embedding_init_code", &["pysource"])?;
    arity(vm, &a, "embedding_init_code", 1, 2)?;
    let sh = ffi_self(vm, &a)?;
    let src = required(vm, &a, "embedding_init_code", "pysource")?;
    if sh
        .api
        .borrow()
        .embedding
        .as_ref()
        .is_some_and(|c| !c.is_empty())
    {
        return Err(vm.value_error("embedding_init_code() can only be called once"));
    }
    if vm.is(src, Kind::Bytes) {
        // CFFI's first step is a regular expression on the source
        return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
    }
    if !vm.is(src, Kind::Str) {
        let tn = vm.type_name(src);
        return Err(vm.type_error(format!("expected string or bytes-like object, got '{tn}'")));
    }
    let code = normalise(vm.str_of(src));
    check_syntax(vm, &code)?;
    sh.api.borrow_mut().embedding = Some(code);
    Ok(vm.none())
}

/// Argument 1 (`name`, positional or keyword), or the TypeError of a missing one.
fn required(vm: &mut Vm, a: &Args, method: &str, name: &str) -> PyResult<Value> {
    match opt_arg(vm, a, 1, name) {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!(
            "FFI.{method}() missing 1 required positional argument: '{name}'"
        ))),
    }
}

/// CFFI's fix-up: drop the leading blank lines, remove the indentation common to the first line
/// and every non-blank line, end every line with a newline.
fn normalise(src: &str) -> String {
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c');
    // `\s*\n` at the start: everything up to the last newline of the leading whitespace
    let lead = src.len() - src.trim_start_matches(is_ws).len();
    let src = match src[..lead].rfind('\n') {
        Some(i) => &src[i + 1..],
        None => src,
    };
    let lines: Vec<&str> = if src.is_empty() {
        vec![""]
    } else {
        split_lines(src)
    };
    let first = lines[0];
    let mut prefix = &first[..first.len() - first.trim_start_matches(is_ws).len()];
    for line in &lines[1..] {
        if !line.trim_end_matches(is_ws).is_empty() {
            while !line.starts_with(prefix) {
                let mut cut = prefix.len() - 1;
                while !prefix.is_char_boundary(cut) {
                    cut -= 1;
                }
                prefix = &prefix[..cut];
            }
        }
    }
    let n = prefix.len();
    lines
        .iter()
        .map(|l| format!("{}\n", l.get(n..).unwrap_or("")))
        .collect()
}

/// `str.splitlines()` for the line breaks source code has.
fn split_lines(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        match rest.find(['\n', '\r']) {
            Some(i) => {
                out.push(&rest[..i]);
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

/// `compile(code, "cffi_init", "exec")` through the builtin, so the SyntaxError is Python's.
fn check_syntax(vm: &mut Vm, code: &str) -> PyResult<()> {
    let k = vm.intern("compile");
    let Some(compile) = vm.dict_get_str(vm.roots.builtins, k) else {
        return Ok(());
    };
    let base = vm.sp();
    vm.push(compile);
    let r = (|| {
        let s = vm.new_str(code)?;
        vm.push(s);
        let f = vm.new_str("cffi_init")?;
        vm.push(f);
        let m = vm.new_str("exec")?;
        vm.call(vm.at(base), &[vm.at(base + 1), vm.at(base + 2), m])
    })();
    vm.truncate(base);
    r.map(|_| ())
}

/// Where the embedding runtime `libminipy.so` is: `$MINIPY_EMBED_LIBDIR`, else the directory
/// of the running executable (`cargo build` puts the library next to the `minipy` binary), or its
/// `deps/` (where `cargo test` rebuilds it without copying it up): the newer of the two. An
/// error saying how to get it when it is missing.
pub fn runtime_dir(vm: &mut Vm) -> PyResult<PathBuf> {
    let lib = format!("lib{}.so", ffi::apimode_embed::RUNTIME_LIB);
    let dir = match std::env::var_os("MINIPY_EMBED_LIBDIR") {
        Some(d) => PathBuf::from(d),
        None => {
            let exe_dir = std::env::current_exe()
                .ok()
                .and_then(|p| p.parent().map(|d| d.to_path_buf()))
                .unwrap_or_else(|| PathBuf::from("."));
            let modified = |d: &PathBuf| {
                std::fs::metadata(d.join(&lib))
                    .and_then(|m| m.modified())
                    .ok()
            };
            let deps = exe_dir.join("deps");
            match (modified(&exe_dir), modified(&deps)) {
                (Some(a), Some(b)) if b > a => deps,
                (None, Some(_)) => deps,
                _ => exe_dir,
            }
        }
    };
    if dir.join(&lib).is_file() {
        return Ok(dir);
    }
    let e = ffi::Error::new(
        ffi::ErrorKind::Verification,
        format!(
            "cannot find {lib} (minipy's embedding runtime) in '{}': build it with `cargo build --release`, or set MINIPY_EMBED_LIBDIR to its directory",
            dir.display()
        ),
    );
    Err(super::raise_ffi(vm, e))
}
