//! `compile`, `exec` and `eval`: source (str, bytes or a code object) compiled by the same compiler
//! as modules (`compiler::compile_mode`) and run as a module-level frame whose globals are the given
//! dict and whose names resolve through the given locals mapping (`Vm::run_code_with`).
//!
//! GC: the code object, globals and locals live on the value stack for the whole run (the frame and
//! the compiler are GC points); nothing is held in a Rust local across them.

use super::functions::npos_range;
use crate::compiler::CompileMode;
use crate::obj::layout::*;
use crate::objects::args::bind_keywords_from;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_builtin("compile", compile);
    vm.add_builtin("exec", exec);
    vm.add_builtin("eval", eval);
}

/// The text of a str or bytes source argument; None if it is neither.
fn source_text(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    let text = if vm.is(v, Kind::Str) {
        vm.str_of(v).to_string()
    } else if vm.is(v, Kind::Bytes) || vm.is(v, Kind::ByteArray) || vm.is(v, Kind::MemoryView) {
        // any bytes-like source: bytes, bytearray or a memoryview's bytes
        let b = if vm.is(v, Kind::Bytes) {
            vm.bytes_of(v).to_vec()
        } else if vm.is(v, Kind::ByteArray) {
            vm.bytearray(v).clone()
        } else {
            crate::objects::memoryview::view_bytes(vm, v)?
        };
        // PEP 263: a coding declaration or a BOM in the bytes decides their codec.
        match crate::compiler::encoding::decode_source(&b) {
            Ok(s) => s,
            Err(e) => return Err(vm.raise("SyntaxError", &e.codec_message())),
        }
    } else {
        return Ok(None);
    };
    if text.contains('\0') {
        return Err(vm.raise(
            "SyntaxError",
            "source code string cannot contain null bytes",
        ));
    }
    Ok(Some(text))
}

/// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)
fn compile(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // `_feature_version` is accepted by keyword and ignored (the parser has one grammar).
    const NAMES: [&str; 7] = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
        "_feature_version",
    ];
    let npos = vm.npos(&a);
    if npos > 6 {
        return Err(vm.type_error(format!(
            "compile() takes at most 6 arguments ({npos} given)"
        )));
    }
    let slots = bind_keywords_from(vm, &a, 0, "compile", &NAMES)?;
    if let Some(i) = slots.iter().take(3).position(|s| s.is_none()) {
        return Err(vm.type_error(format!(
            "compile() missing required argument '{}' (pos {})",
            NAMES[i],
            i + 1
        )));
    }
    let (src, fname, mode) = (
        vm.at(slots[0].unwrap()),
        vm.at(slots[1].unwrap()),
        vm.at(slots[2].unwrap()),
    );
    let filename = if vm.is(fname, Kind::Str) {
        vm.str_of(fname).to_string()
    } else if vm.is(fname, Kind::Bytes) {
        String::from_utf8_lossy(vm.bytes_of(fname)).into_owned()
    } else {
        let tn = vm.type_name(fname);
        return Err(vm.type_error(format!(
            "compile() argument 'filename' must be str, bytes or os.PathLike, not {tn}"
        )));
    };
    if !vm.is(mode, Kind::Str) {
        let tn = vm.type_name(mode);
        return Err(vm.type_error(format!("compile() argument 'mode' must be str, not {tn}")));
    }
    let mode = match vm.str_of(mode) {
        "exec" => CompileMode::Exec,
        "eval" => CompileMode::Eval,
        "single" => CompileMode::Single,
        _ => {
            return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'"));
        }
    };
    if vm.is(src, Kind::Code) {
        return Ok(src);
    }
    let Some(text) = source_text(vm, src)? else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    // A loop of compile() calls allocates only old-generation code: let a requested collection run
    // (no Value is held here past this point).
    vm.gc_poll();
    vm.compile_source_mode(&text, &filename, mode)
}

fn exec(vm: &mut Vm, a: Args) -> PyResult<Value> {
    run(vm, a, "exec")?;
    Ok(vm.none())
}

fn eval(vm: &mut Vm, a: Args) -> PyResult<Value> {
    run(vm, a, "eval")
}

/// exec/eval(source, globals=None, locals=None): compiles a str/bytes source in the function's mode
/// and runs it; returns the code's value.
fn run(vm: &mut Vm, a: Args, fname: &str) -> PyResult<Value> {
    let n = npos_range(vm, &a, fname, 1, 3)?;
    let none = vm.none();
    let (g, l) = (
        if n > 1 { vm.arg(&a, 1) } else { none },
        if n > 2 { vm.arg(&a, 2) } else { none },
    );
    if g != none && !vm.is(g, Kind::Dict) {
        let msg = if fname == "exec" {
            let tn = vm.type_name(g);
            format!("exec() globals must be a dict, not {tn}")
        } else {
            "globals must be a dict".to_string()
        };
        return Err(vm.type_error(msg));
    }
    if l != none && !is_mapping(vm, l) {
        let msg = if fname == "exec" {
            let tn = vm.type_name(l);
            format!("locals must be a mapping or None, not {tn}")
        } else {
            "locals must be a mapping".to_string()
        };
        return Err(vm.type_error(msg));
    }
    // [code, globals, locals]
    let base = vm.sp();
    let src = vm.arg(&a, 0);
    if vm.is(src, Kind::Code) {
        vm.push(src);
    } else {
        let Some(mut text) = source_text(vm, src)? else {
            return Err(vm.type_error(format!(
                "{fname}() arg 1 must be a string, bytes or code object"
            )));
        };
        let mode = if fname == "eval" {
            // eval ignores leading blanks (CPython strips spaces and tabs before parsing).
            text = text.trim_start_matches([' ', '\t']).to_string();
            CompileMode::Eval
        } else {
            CompileMode::Exec
        };
        vm.gc_poll(); // as in compile(): g and l are re-read from the arguments below
        let code = vm.compile_source_mode(&text, "<string>", mode)?;
        vm.push(code);
    }
    let (g, l) = (
        if n > 1 { vm.arg(&a, 1) } else { none },
        if n > 2 { vm.arg(&a, 2) } else { none },
    );
    let (g, l) = if g == none {
        // The caller's namespaces: its globals, and its locals (a module body's are its globals).
        if vm.roots.frames.is_empty() {
            return Err(vm.raise("SystemError", &format!("{fname}(): no current frame")));
        }
        let locals = if l != none {
            l
        } else {
            super::functions::current_locals(vm)?
        };
        (vm.roots.frames.last().unwrap().globals, locals)
    } else if l == none {
        (g, g)
    } else {
        (g, l)
    };
    vm.push(g);
    vm.push(l);
    // CPython records the builtins in a globals dict that has none.
    let k = vm.intern("__builtins__");
    if vm.dict_get_str(vm.at(base + 1), k).is_none() {
        let b = vm.roots.builtins;
        vm.dict_set(vm.at(base + 1), k, b)?;
    }
    let same = vm.at(base + 1) == vm.at(base + 2);
    let r = vm.run_code_with(base, base + 1, if same { base + 1 } else { base + 2 });
    vm.truncate(base);
    r
}

/// Does `v` pass CPython's PyMapping_Check (a dict, a builtin sequence, or an object with
/// `__getitem__`)? A list passes too: storing a name into it then fails with the list's TypeError.
fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    if vm.is(v, Kind::Dict) {
        return true;
    }
    v.is_ptr()
        && (matches!(
            vm.kind(v),
            Kind::List | Kind::Tuple | Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::Range
        ) || vm.special(v, "__getitem__").is_some())
}
