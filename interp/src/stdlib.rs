//! The Python part of the standard library, shipped inside the binary: the modules under
//! `interp/lib/` (embedded by `interp/build.rs`). The importer (vm/import.rs) looks here after the
//! search path, as CPython finds its stdlib after the script's directory: a script's own `json.py`
//! shadows ours. An embedded module's `__file__` is `<minipy-lib>/<path>.py`; tracebacks read its
//! lines from here.
//!
//! `MINIPY_LIB=DIR` makes the importer read the library from DIR instead (edit-and-run while
//! developing a module, no rebuild).

include!(concat!(env!("OUT_DIR"), "/stdlib_files.rs"));

/// The pseudo-directory embedded modules' `__file__` starts with.
pub const PREFIX: &str = "<minipy-lib>";

/// The embedded module `dotted`: (is a package, its `__file__`, its source).
pub fn find(dotted: &str) -> Option<(bool, String, &'static str)> {
    FILES
        .iter()
        .find(|f| f.0 == dotted)
        .map(|&(name, pkg, src)| {
            let rel = name.replace('.', "/");
            let file = if pkg {
                format!("{PREFIX}/{rel}/__init__.py")
            } else {
                format!("{PREFIX}/{rel}.py")
            };
            (pkg, file, src)
        })
}

/// The source of the embedded file named `filename` (a `__file__` made by [`find`]).
pub fn source_of(filename: &str) -> Option<&'static str> {
    let rel = filename.strip_prefix(PREFIX)?.strip_prefix('/')?;
    let rel = rel.strip_suffix(".py")?;
    let (dotted, pkg) = match rel.strip_suffix("/__init__") {
        Some(p) => (p.replace('/', "."), true),
        None => (rel.replace('/', "."), false),
    };
    FILES
        .iter()
        .find(|f| f.0 == dotted && f.1 == pkg)
        .map(|f| f.2)
}

/// The names of the embedded modules (for `help('modules')`-like listings and tests).
pub fn names() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|f| f.0)
}
