//! API mode (issue 5), the "cheap route" of cffi.md §5: everything a `...` stands for is asked
//! from the C compiler.
//!
//! [`generate_c`] writes one C file: the user's `set_source` text, then for each question an
//! exported query function filling a `long long` array (sizes, signedness, offsets, constant
//! values), plus `_cffi_d_<name>` wrappers for every declared function (so macros and `static
//! inline` functions can be called) and `_cffi_var_<name>` accessors returning the address of
//! every global. [`compile`] builds it with `$CC` (else `cc`) into a shared library; compiler
//! failures are VerificationErrors carrying the compiler's output. [`load`] opens the result and
//! [`apply_answers`] installs the answers into the `Declarations` (typedef sizes, partial struct
//! layouts, array lengths, constant values).
//! A compiled module is `<module>.minipy.so` (dots in the module name become directories). It
//! embeds its cdefs (apimode_meta.rs); [`open_module`] rebuilds the declarations at import time:
//! it replays the cdefs once to ask the `typedef int...` questions, then replays them again with
//! those typedefs known ([`Declarations::known_numbers`]), so that every type built on them
//! (function arguments, pointers, complete structs) is an ordinary type; then the other answers
//! are applied.
//! With `SourceConfig::embedding` set, the library is an embedding library instead
//! (apimode_embed.rs): named by `compile(target=...)` ([`target_file_name`]), linked with
//! `libminipy.so`, exporting the `embedding_api()` functions.
//! Invariants: query functions are named by [`Question::symbol`], which depends only on what is
//! asked (never on the position of the question), so both replays find the same functions.

use crate::apimode_meta;
use crate::cdef::{Decl, Declarations};
use crate::ctype::{Field, Layout, TypeId, TypeKind};
use crate::error::{Error, ErrorKind, Result};
use crate::library::Library;
use std::path::{Path, PathBuf};

/// What `ffi.set_source(...)` recorded.
#[derive(Clone, Debug, Default)]
pub struct SourceConfig {
    pub module_name: String,
    pub c_source: String,
    pub libraries: Vec<String>,
    pub library_dirs: Vec<String>,
    pub include_dirs: Vec<String>,
    pub extra_compile_args: Vec<String>,
    pub extra_link_args: Vec<String>,
    pub define_macros: Vec<(String, Option<String>)>,
    pub sources: Vec<String>,
    /// `.c` (default) or `.cpp`.
    pub source_extension: String,
    /// Embedding (`ffi.embedding_api()` / `embedding_init_code()`): the init code (empty when
    /// only `embedding_api` was called). The library then starts minipy on first use
    /// (apimode_embed.rs) and links with the runtime library found in `runtime_dir`.
    pub embedding: Option<String>,
    /// Where `libminipy.so` is (embedding only).
    pub runtime_dir: Option<PathBuf>,
}

/// Suffix of compiled modules (never one CPython would load: no collision with its builds).
pub const MODULE_SUFFIX: &str = ".minipy.so";

/// `pkg._mod` -> `pkg/_mod.minipy.so` (relative to the build directory).
pub fn module_file_name(module_name: &str) -> String {
    format!("{}{}", module_name.replace('.', "/"), MODULE_SUFFIX)
}

/// One thing only the compiler knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Question {
    /// `typedef int... name;`: size and signedness (or float-ness).
    NumberType { name: String },
    /// A `{ ...; }` struct: size, alignment, offset and size of each named member.
    StructLayout { ty: TypeId },
    /// An integer constant (`#define X ...`, `static const int X;`, enum `A = ...`).
    IntConstant { name: String },
    /// A global array declared `T name[...]`: its length.
    VarLength { name: String },
}

impl Question {
    /// The exported query function answering this question.
    pub fn symbol(&self, d: &Declarations) -> String {
        match self {
            Question::NumberType { name } => format!("_cffi_q_type_{}", name),
            Question::StructLayout { ty } => {
                let mangled: String = d
                    .types
                    .name(*ty)
                    .chars()
                    .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                    .collect();
                format!("_cffi_q_struct_{}", mangled)
            }
            Question::IntConstant { name } => format!("_cffi_q_const_{}", name),
            Question::VarLength { name } => format!("_cffi_q_len_{}", name),
        }
    }
}

/// The questions for these declarations, in a deterministic order.
pub fn questions(d: &Declarations) -> Vec<Question> {
    let mut q = Vec::new();
    for name in d.typedef_names() {
        if let Some(td) = d.typedef(name) {
            if matches!(d.types.kind(td.ty), TypeKind::UnknownNumber { .. }) {
                q.push(Question::NumberType { name: name.clone() });
            }
        }
    }
    for i in 0..d.types.len() {
        let id = TypeId(i as u32);
        if let Some(s) = d.types.struct_type(id) {
            if s.partial && s.members.is_some() && !d.types.name(id).contains('$') {
                q.push(Question::StructLayout { ty: id });
            }
        }
    }
    for (name, decl) in d.names() {
        if d.included_names.contains(name) {
            continue;
        }
        if let Decl::FromCompiler { ty } = decl {
            if value_constant_type(d, *ty).is_none() {
                q.push(Question::IntConstant {
                    name: name.to_string(),
                });
            }
        }
        if let Decl::Variable { ty } = decl {
            let open = matches!(d.types.kind(*ty), TypeKind::Array { length: None, .. });
            if open && d.var_lengths.contains(name) {
                q.push(Question::VarLength {
                    name: name.to_string(),
                });
            }
        }
    }
    q
}

pub use crate::apimode_c::{extern_slot_symbol, generate_c};

/// Name of the wrapper to call for function `name` in a compiled module.
pub fn wrapper_symbol(name: &str) -> String {
    format!("_cffi_d_{}", name)
}

/// Name of the accessor returning the address of global `name` in a compiled module.
pub fn variable_symbol(name: &str) -> String {
    format!("_cffi_var_{}", name)
}

/// The file `ffi.compile(target=...)` builds, relative to the build directory, as CFFI names it:
/// no target (or `"*"`) is `<module>.minipy.so` (dots make directories), or `<module>.so` for an
/// embedding library; a target ending in `.*` gets the platform's `.so`; any other is used as is.
pub fn target_file_name(cfg: &SourceConfig, target: Option<&str>) -> String {
    match target {
        Some(t) if t != "*" => match t.strip_suffix(".*") {
            Some(stem) => format!("{stem}.so"),
            None => t.to_string(),
        },
        _ if cfg.embedding.is_some() => format!("{}.so", cfg.module_name),
        _ => module_file_name(&cfg.module_name),
    }
}

/// Write the C file and build `<tmpdir>/<module>.minipy.so`; returns its path.
pub fn compile(
    d: &Declarations,
    cfg: &SourceConfig,
    tmpdir: &Path,
    verbose: bool,
) -> Result<PathBuf> {
    compile_to(d, cfg, tmpdir, None, verbose)
}

/// Write the C file and build `<tmpdir>/<target>` ([`target_file_name`]); returns its path.
///
/// Both files are written under temporary names and renamed into place, so that concurrent
/// builds of the same module (and importers) never see a half-written file.
pub fn compile_to(
    d: &Declarations,
    cfg: &SourceConfig,
    tmpdir: &Path,
    target: Option<&str>,
    verbose: bool,
) -> Result<PathBuf> {
    let verr = |m: String| Error::new(ErrorKind::Verification, m);
    let tmpdir = if tmpdir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        tmpdir
    };
    let so_path = tmpdir.join(target_file_name(cfg, target));
    let dir = so_path.parent().unwrap_or(tmpdir).to_path_buf();
    std::fs::create_dir_all(&dir)
        .map_err(|e| verr(format!("cannot create {}: {}", dir.display(), e)))?;
    let base = cfg.module_name.rsplit('.').next().unwrap_or("_module");
    let ext = if cfg.source_extension.is_empty() {
        ".c"
    } else {
        cfg.source_extension.as_str()
    };
    let pid = std::process::id();
    let c_tmp = dir.join(format!("{}.{}.tmp{}", base, pid, ext));
    let so_tmp = dir.join(format!("{}.{}.tmp.so", base, pid));
    std::fs::write(&c_tmp, generate_c(d, cfg))
        .map_err(|e| verr(format!("cannot write {}: {}", c_tmp.display(), e)))?;
    let r = run_compiler(cfg, tmpdir, &c_tmp, &so_tmp, ext, verbose);
    let c_path = dir.join(format!("{}{}", base, ext));
    let _ = std::fs::rename(&c_tmp, &c_path);
    if let Err(e) = r {
        let _ = std::fs::remove_file(&so_tmp);
        return Err(e);
    }
    std::fs::rename(&so_tmp, &so_path)
        .map_err(|e| verr(format!("cannot write {}: {}", so_path.display(), e)))?;
    Ok(so_path.canonicalize().unwrap_or(so_path))
}

/// Runs the compiler in `tmpdir`, as CFFI does (it chdirs there): relative `include_dirs`,
/// `library_dirs` and `sources` are relative to `tmpdir`. Library directories also go in the
/// module's rpath (absolute), so that no LD_LIBRARY_PATH is needed at import time.
fn run_compiler(
    cfg: &SourceConfig,
    tmpdir: &Path,
    c: &Path,
    so: &Path,
    ext: &str,
    verbose: bool,
) -> Result<()> {
    let verr = |m: String| Error::new(ErrorKind::Verification, m);
    let cpp = ext != ".c";
    let (var, default) = if cpp { ("CXX", "c++") } else { ("CC", "cc") };
    let cc = std::env::var(var).unwrap_or_else(|_| default.to_string());
    let mut words = cc.split_whitespace();
    let mut cmd = std::process::Command::new(words.next().unwrap_or(default));
    cmd.args(words).current_dir(tmpdir);
    let local = |p: &Path| p.strip_prefix(tmpdir).unwrap_or(p).to_path_buf();
    cmd.args(["-shared", "-fPIC", "-O2", "-o"])
        .arg(local(so))
        .arg(local(c));
    for s in &cfg.sources {
        cmd.arg(s);
    }
    for i in &cfg.include_dirs {
        cmd.arg(format!("-I{}", i));
    }
    for (k, v) in &cfg.define_macros {
        cmd.arg(match v {
            Some(v) => format!("-D{}={}", k, v),
            None => format!("-D{}", k),
        });
    }
    cmd.args(&cfg.extra_compile_args);
    for l in &cfg.library_dirs {
        cmd.arg(format!("-L{}", l));
        let abs = tmpdir.join(l);
        let abs = abs.canonicalize().unwrap_or(abs);
        cmd.arg(format!("-Wl,-rpath,{}", abs.display()));
    }
    for l in &cfg.libraries {
        cmd.arg(format!("-l{}", l));
    }
    if cfg.embedding.is_some() {
        // the runtime (interp/src/embed/): found at run time through the rpath, like CFFI's
        // embedding libraries find libpython
        let dir = cfg.runtime_dir.clone().unwrap_or_else(|| ".".into());
        let dir = dir.canonicalize().unwrap_or(dir);
        cmd.arg(format!("-L{}", dir.display()))
            .arg(format!("-Wl,-rpath,{}", dir.display()))
            .arg(format!("-l{}", crate::apimode_embed::RUNTIME_LIB));
    }
    cmd.args(&cfg.extra_link_args);
    if verbose {
        eprintln!("{:?}", cmd);
    }
    let out = cmd
        .output()
        .map_err(|e| verr(format!("cannot run the C compiler '{}': {}", cc, e)))?;
    if !out.status.success() {
        return Err(verr(format!(
            "CompileError: command '{}' failed with exit code {}\n{}{}",
            cc,
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        )));
    }
    Ok(())
}

/// Open a compiled module and install the compiler's answers into `d`.
pub fn load(d: &mut Declarations, so_path: &Path) -> Result<Library> {
    let lib = Library::open(Some(&so_path.to_string_lossy()), 0)
        .map_err(|e| Error::new(ErrorKind::Verification, e.message))?;
    apply_answers(d, &lib)?;
    Ok(lib)
}

fn ask(lib: &Library, sym: &str, n: usize) -> Result<Vec<i64>> {
    let f = lib.symbol(sym).map_err(|e| {
        Error::new(
            ErrorKind::Verification,
            format!("stale compiled module: {}", e.message),
        )
    })?;
    let mut out = vec![0i64; n];
    // SAFETY: the generated query functions have this signature and write at most `n` slots.
    unsafe {
        let f: extern "C" fn(*mut i64) = std::mem::transmute(f);
        f(out.as_mut_ptr());
    }
    Ok(out)
}

/// Query every [`Question`] from the compiled module and update the declarations.
pub fn apply_answers(d: &mut Declarations, lib: &Library) -> Result<()> {
    for q in questions(d) {
        let sym = q.symbol(d);
        match q {
            Question::NumberType { name } => {
                let pname = number_type(lib, &sym, &name)?;
                let id = d.types.primitive(&pname).ok_or_else(|| {
                    Error::ffi(format!("'{}' has an unsupported type {}", name, pname))
                })?;
                d.set_typedef(&name, id);
            }
            Question::StructLayout { ty } => {
                let members = d
                    .types
                    .struct_type(ty)
                    .unwrap()
                    .members
                    .clone()
                    .unwrap_or_default();
                let named: Vec<_> = members
                    .iter()
                    .filter(|m| !m.name.is_empty() && m.bitsize.is_none())
                    .collect();
                let a = ask(lib, &sym, 2 + 2 * named.len())?;
                let mut fields = Vec::new();
                for (i, m) in named.iter().enumerate() {
                    let (offset, fsize) = (a[2 + 2 * i] as usize, a[3 + 2 * i] as usize);
                    let mut fty = resolve(d, m.ty);
                    if m.length_from_compiler {
                        if let TypeKind::Array { item, .. } = *d.types.kind(fty) {
                            let isz = d.types.size_of(item).unwrap_or(1).max(1);
                            fty = d.types.array(item, Some(fsize / isz))?;
                        }
                    }
                    fields.push(Field {
                        name: m.name.clone(),
                        ty: fty,
                        offset,
                        bitshift: -1,
                        bitsize: -1,
                    });
                }
                d.types.set_struct_layout(
                    ty,
                    Layout {
                        size: a[0] as usize,
                        align: a[1] as usize,
                        fields,
                        has_bitfields: members.iter().any(|m| m.bitsize.is_some()),
                        custom_field_pos: true,
                        var_sized: false,
                    },
                );
            }
            Question::VarLength { name } => {
                let a = ask(lib, &sym, 1)?;
                if let Some(Decl::Variable { ty }) = d.lookup(&name).cloned() {
                    if let TypeKind::Array { item, .. } = *d.types.kind(ty) {
                        let ty = d.types.array(item, Some(a[0].max(0) as usize))?;
                        d.set_decl(&name, Decl::Variable { ty });
                    }
                }
            }
            Question::IntConstant { name } => {
                let a = ask(lib, &sym, 2)?;
                let value = if a[0] != 0 {
                    a[1] as i128
                } else {
                    a[1] as u64 as i128
                };
                let enum_type = match d.lookup(&name) {
                    Some(Decl::FromCompiler { ty: Some(t) }) if d.types.enum_info(*t).is_some() => {
                        Some(*t)
                    }
                    _ => None,
                };
                d.set_decl(&name, Decl::IntConstant { value, enum_type });
            }
        }
    }
    // partial enums: now that every value is known, compute their base type
    for i in 0..d.types.len() {
        let id = TypeId(i as u32);
        if let Some(e) = d.types.enum_info(id) {
            if e.partial {
                let values: Vec<_> = e
                    .values
                    .iter()
                    .map(|(n, v)| (n.clone(), v.or_else(|| d.integer_const(n))))
                    .collect();
                d.types.complete_enum(id, values, false)?;
            }
        }
    }
    // other constants (`static const double X;`): read through their accessor, like globals
    let values: Vec<(String, TypeId)> = d
        .names()
        .filter(|(n, _)| !d.included_names.contains(*n))
        .filter_map(|(n, decl)| match decl {
            Decl::FromCompiler { ty } => value_constant_type(d, *ty).map(|t| (n.to_string(), t)),
            _ => None,
        })
        .collect();
    for (n, ty) in values {
        d.set_decl(&n, Decl::Variable { ty });
    }
    d.types.finish_layouts();
    Ok(())
}

/// For a constant the compiler gives: `Some(type)` if it is not an integer (then it is read
/// as a value through an accessor), None for integer constants (asked as questions).
pub fn value_constant_type(d: &Declarations, ty: Option<TypeId>) -> Option<TypeId> {
    let t = ty?;
    if d.types.integer_repr(t).is_some() || d.types.enum_info(t).is_some() {
        None
    } else {
        Some(t)
    }
}

/// A member type after typedef resolution (`uid_t` declared `int...` is now a real integer).
fn resolve(d: &Declarations, ty: TypeId) -> TypeId {
    if let TypeKind::UnknownNumber { name, .. } = d.types.kind(ty) {
        if let Some(td) = d.typedef(name) {
            return td.ty;
        }
    }
    ty
}

/// The primitive type name the compiler gives for `typedef int... name` (or `float...`).
fn number_type(lib: &Library, sym: &str, name: &str) -> Result<String> {
    let a = ask(lib, sym, 3)?;
    let (size, signed, float) = (a[0] as usize, a[1] != 0, a[2] != 0);
    Ok(if float {
        match size {
            4 => "float".to_string(),
            8 => "double".to_string(),
            _ => "long double".to_string(),
        }
    } else if ![1, 2, 4, 8].contains(&size) {
        return Err(Error::ffi(format!(
            "'{}' has an unsupported size {}",
            name, size
        )));
    } else {
        format!("{}int{}_t", if signed { "" } else { "u" }, size * 8)
    })
}

/// Import a compiled module: open `path`, read its metadata (its module name must be `name`),
/// rebuild its declarations with every compiler answer installed (see the module docs) and put
/// the library in API mode. Errors are messages for an ImportError.
pub fn open_module(
    path: &Path,
    name: &str,
) -> std::result::Result<(Declarations, Library), String> {
    let shown = path.display();
    let lib = Library::open(Some(&path.to_string_lossy()), 0).map_err(|e| e.message)?;
    let meta = read_meta(&lib).ok_or_else(|| {
        format!(
            "'{shown}' is not a module compiled by minipy's cffi (rebuild it with ffi.compile())"
        )
    })?;
    let meta = apimode_meta::decode(&meta)
        .map_err(|e| format!("'{shown}': {e}; rebuild it with ffi.compile()"))?;
    if meta.module_name != name {
        return Err(format!(
            "'{shown}' was compiled for module '{}', not '{}'",
            meta.module_name, name
        ));
    }
    let stale = |e: Error| {
        format!(
            "stale compiled module '{shown}' ({}); rebuild it with ffi.compile()",
            e.message
        )
    };
    let mut first = Declarations::new();
    first.replay(&meta.cdefs).map_err(stale)?;
    let mut numbers = Vec::new();
    for q in questions(&first) {
        if let Question::NumberType { name } = &q {
            numbers.push((
                name.clone(),
                number_type(&lib, &q.symbol(&first), name).map_err(stale)?,
            ));
        }
    }
    let mut d = Declarations::new();
    for (n, pname) in numbers {
        if let Some(id) = d.types.primitive(&pname) {
            d.known_numbers.insert(n, id);
        }
    }
    d.replay(&meta.cdefs).map_err(stale)?;
    apply_answers(&mut d, &lib).map_err(stale)?;
    let mut lib = lib;
    lib.set_api_module(name);
    Ok((d, lib))
}

/// The metadata bytes embedded in a compiled module (None if it has none).
fn read_meta(lib: &Library) -> Option<Vec<u8>> {
    let p = lib.symbol(apimode_meta::META_SYMBOL).ok()?;
    let n = lib.symbol(apimode_meta::META_LEN_SYMBOL).ok()?;
    // SAFETY: the generated module defines both symbols: a byte array and its length.
    unsafe {
        let n = *(n as *const std::os::raw::c_ulong) as usize;
        if n > (1 << 30) {
            return None;
        }
        Some(std::slice::from_raw_parts(p as *const u8, n).to_vec())
    }
}
