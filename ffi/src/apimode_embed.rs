//! Embedding (CFFI's `ffi.embedding_api()` / `ffi.embedding_init_code()`): the C parts of a
//! shared library that starts minipy on first use.
//!
//! [`prelude`] (before the user's `set_source` text) defines `CFFI_DLLEXPORT`, declares the
//! runtime's entry point `minipy_embed_call` (exported by `libminipy.so`, interp/src/embed/) and
//! embeds the init code and module name in a `_minipy_embed_self` descriptor; it also defines
//! CFFI's `cffi_start_python()` (start the runtime and the library now: 0, or -1 on failure).
//! [`write_function`] writes, for every `extern "Python"` function of the library, the usual
//! slot-calling function (apimode_c.rs, renamed `_minipy_xpc_<name>`), a struct holding its
//! arguments and result, a thunk calling it on such a struct, and the function itself under its
//! own name: exported for `embedding_api()` functions, static for plain `extern "Python"` ones.
//! That function hands the thunk to `minipy_embed_call`, which runs it on the interpreter's
//! thread after initialising the runtime and this library's module once.
//!
//! Invariants: the descriptor layout is the one `EmbedModule` (interp/src/embed/abi.rs) reads,
//! version [`ABI_VERSION`]; C's `stdout` is flushed before Python runs and the runtime flushes
//! Python's after, so C and Python output keep their order; `errno` is preserved across the call
//! as CFFI does; when the init code failed, the function prints CFFI's message and returns 0.

use crate::apimode_c::{c_decl, extern_param_decls, returns_void, write_extern_python};
use crate::cdef::Declarations;
use crate::ctype::{FuncType, TypeId};
use std::fmt::Write;

/// Version of the descriptor passed to `minipy_embed_call` (checked by the runtime).
pub const ABI_VERSION: u32 = 1;

/// Name of the runtime library the embedding library links with (`-lminipy`).
pub const RUNTIME_LIB: &str = "minipy";

/// The C text before the user's source (see the module docs).
pub fn prelude(module: &str, init_code: &str) -> String {
    let mut c = String::from(
        "#include <errno.h>\n\
         #define CFFI_DLLEXPORT _MINIPY_EXPORT __attribute__((visibility(\"default\")))\n\
         struct _minipy_embed_module { unsigned int version; const char *module_name; const unsigned char *init_code; };\n\
         _MINIPY_EXPORT int minipy_embed_call(const struct _minipy_embed_module *m, void (*thunk)(void *), void *ctx);\n\
         static const unsigned char _minipy_embed_code[] = {",
    );
    for (i, b) in init_code.bytes().enumerate() {
        if i % 24 == 0 {
            c.push_str("\n  ");
        }
        let _ = write!(c, "{},", b);
    }
    c.push_str("\n  0 };\n");
    let _ = writeln!(
        c,
        "static const struct _minipy_embed_module _minipy_embed_self = {{ {ABI_VERSION}, \"{}\", _minipy_embed_code }};",
        c_string_body(module)
    );
    // CFFI's `cffi_start_python()` for the user's C code: start now; 0, or -1 if init failed
    c.push_str(
        "static void _minipy_embed_nothing(void *p) { (void)p; }\n\
         static __attribute__((unused)) int cffi_start_python(void) { return minipy_embed_call(&_minipy_embed_self, _minipy_embed_nothing, NULL); }\n",
    );
    c
}

/// `s` escaped for a C string literal.
fn c_string_body(s: &str) -> String {
    let mut o = String::new();
    for b in s.bytes() {
        match b {
            b'"' | b'\\' => {
                o.push('\\');
                o.push(b as char);
            }
            0x20..=0x7e => o.push(b as char),
            _ => {
                let _ = write!(o, "\\{:03o}", b);
            }
        }
    }
    o
}

/// The entry point of extern "Python" function `name` in an embedding library (module docs).
pub fn write_function(
    c: &mut String,
    d: &Declarations,
    module: &str,
    name: &str,
    fty: TypeId,
    f: &FuncType,
) {
    let inner = format!("_minipy_xpc_{name}");
    write_extern_python(c, d, module, name, &inner, fty, f);
    let decls = extern_param_decls(d, name, f);
    let void = returns_void(d, f);
    // the argument struct: the arguments in order (initialised at once, so `const`-qualified
    // parameter types are fine), then the result
    let st = format!("_minipy_xa_{name}");
    let mut fields: Vec<String> = decls.clone();
    if !void {
        fields.push(c_decl(d, f.result, "r"));
    }
    if fields.is_empty() {
        fields.push("char unused".into());
    }
    let _ = writeln!(c, "struct {st} {{ {}; }};", fields.join("; "));
    let args: Vec<String> = (0..f.args.len()).map(|i| format!("x->a{i}")).collect();
    let call = format!("{inner}({})", args.join(", "));
    let body = if void { call } else { format!("x->r = {call}") };
    let _ = writeln!(
        c,
        "static void _minipy_xt_{name}(void *p) {{ struct {st} *x = (struct {st} *)p; {body}; }}"
    );
    let params = if decls.is_empty() {
        "void".to_string()
    } else {
        decls.join(", ")
    };
    let head = c_decl(d, f.result, &format!("{name}({params})"));
    let linkage = if d.exported.contains(name) {
        "CFFI_DLLEXPORT"
    } else {
        "static"
    };
    let init: Vec<String> = (0..f.args.len()).map(|i| format!("a{i}")).collect();
    let init = if init.is_empty() {
        "0".to_string()
    } else {
        init.join(", ")
    };
    let zero = if void {
        ""
    } else {
        " memset(&x.r, 0, sizeof(x.r));"
    };
    let ret = if void { "" } else { "\n  return x.r;" };
    let _ = writeln!(
        c,
        "{linkage} {head} {{\n  struct {st} x = {{ {init} }};\n  int e = errno;\n  fflush(stdout);\n  \
         if (minipy_embed_call(&_minipy_embed_self, _minipy_xt_{name}, &x) != 0) {{\n    \
         fprintf(stderr, \"function %s() called, but initialization code failed.  Returning 0.\\n\", \"{m}.{name}\");{zero}\n  }}\n  \
         errno = e;{ret}\n}}",
        m = c_string_body(module)
    );
}
