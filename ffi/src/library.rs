//! Shared libraries: `ffi.dlopen(name)` / `ffi.dlopen(None)` / `ffi.dlclose(lib)` and symbol
//! lookup, on top of `libloading`.
//!
//! Invariants: a [`Library`] keeps its handle open until [`Library::close`] or drop; after
//! `close`, lookups fail with a clear error instead of touching a dangling handle. Addresses
//! returned by [`Library::symbol`] are valid only while the library stays open.

use crate::error::{Error, ErrorKind, Result};
use libloading::os::unix::{Library as RawLib, Symbol};
use std::ffi::c_void;

pub const RTLD_LAZY: i32 = libc::RTLD_LAZY;
pub const RTLD_NOW: i32 = libc::RTLD_NOW;
pub const RTLD_GLOBAL: i32 = libc::RTLD_GLOBAL;
pub const RTLD_LOCAL: i32 = libc::RTLD_LOCAL;
pub const RTLD_NODELETE: i32 = libc::RTLD_NODELETE;
pub const RTLD_NOLOAD: i32 = libc::RTLD_NOLOAD;
pub const RTLD_DEEPBIND: i32 = libc::RTLD_DEEPBIND;

/// An opened shared library (or the process itself).
pub struct Library {
    lib: Option<RawLib>,
    name: String,
    /// A compiled API-mode module: functions are called through their `_cffi_d_` wrappers and
    /// globals found through their `_cffi_var_` accessors (see apimode.rs).
    api: bool,
}

impl Library {
    /// The backend's `load_library`: dlopen `path` (`None`: the process's own symbols, libc
    /// included) with `flags` (0 means `RTLD_NOW`). OSError "cannot load library 'x': ...".
    pub fn open(path: Option<&str>, flags: i32) -> Result<Library> {
        let flags = if flags == 0 { RTLD_NOW } else { flags };
        // SAFETY: running a library's initialisers is inherent to dlopen.
        let r = unsafe { RawLib::open(path, flags) };
        match r {
            Ok(lib) => Ok(Library {
                lib: Some(lib),
                name: path.unwrap_or("<None>").to_string(),
                api: false,
            }),
            Err(e) => Err(Error::new(
                ErrorKind::Os,
                format!(
                    "cannot load library '{}': {}",
                    path.unwrap_or("<None>"),
                    dl_message(&e)
                ),
            )),
        }
    }

    /// `ffi.dlopen(name)` as CFFI does it: a name containing `.` or `/` is tried as a path;
    /// otherwise (or if that fails) the library is searched like `ctypes.util.find_library`
    /// (`"c"` finds `libc.so.6`).
    pub fn open_cffi(name: Option<&str>, flags: i32) -> Result<Library> {
        let name = match name {
            None => return Self::open(None, flags),
            Some(n) => n,
        };
        let mut first_error = None;
        if name.contains('.') || name.contains('/') {
            match Self::open(Some(name), flags) {
                Ok(l) => return Ok(l),
                Err(e) => first_error = Some(e),
            }
        }
        match find_library(name) {
            Some(path) => Self::open(Some(&path), flags),
            None => {
                let mut msg = format!(
                    "ctypes.util.find_library() did not manage to locate a library called '{}'",
                    name
                );
                if let Some(e) = first_error {
                    msg = format!("{}.  Additionally, {}", e.message, msg);
                }
                Err(Error::new(ErrorKind::Os, msg))
            }
        }
    }

    /// The name given to dlopen (`"<None>"` for the process).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Turn this library into the compiled API-mode module `module` (its name in reprs).
    pub fn set_api_module(&mut self, module: &str) {
        self.api = true;
        self.name = module.to_string();
    }

    /// True for a compiled API-mode module.
    pub fn is_api(&self) -> bool {
        self.api
    }

    /// The address of symbol `name` (function or variable). AttributeError as CFFI's:
    /// `function/symbol 'x' not found in library '<None>': ...`. In API mode, a function's
    /// wrapper or a global's address (from its accessor) comes first.
    pub fn symbol(&self, name: &str) -> Result<*mut c_void> {
        if self.api {
            if let Ok(p) = self.raw_symbol(&format!("_cffi_d_{}", name)) {
                return Ok(p);
            }
            if let Ok(p) = self.raw_symbol(&format!("_cffi_var_{}", name)) {
                // SAFETY: the generated accessors take nothing and return the global's address.
                let f: extern "C" fn() -> *mut c_void = unsafe { std::mem::transmute(p) };
                return Ok(f());
            }
        }
        self.raw_symbol(name)
    }

    /// dlsym, with no API-mode translation.
    pub fn raw_symbol(&self, name: &str) -> Result<*mut c_void> {
        let lib = self.lib.as_ref().ok_or_else(|| {
            Error::value(format!("library '{}' has already been closed", self.name))
        })?;
        // SAFETY: the symbol is only returned as an address; using it is the caller's business.
        let r: std::result::Result<Symbol<*mut c_void>, _> = unsafe { lib.get(name.as_bytes()) };
        match r {
            Ok(s) => Ok(s.into_raw()),
            Err(e) => Err(Error::new(
                ErrorKind::Attribute,
                format!(
                    "function/symbol '{}' not found in library '{}': {}",
                    name,
                    self.name,
                    dl_message(&e)
                ),
            )),
        }
    }

    /// `ffi.dlclose(lib)`: close now. Closing twice is a ValueError.
    pub fn close(&mut self) -> Result<()> {
        match self.lib.take() {
            Some(l) => l
                .close()
                .map_err(|e| Error::new(ErrorKind::Os, dl_message(&e))),
            None => Err(Error::value(format!(
                "library '{}' has already been closed",
                self.name
            ))),
        }
    }

    /// True after [`Library::close`].
    pub fn is_closed(&self) -> bool {
        self.lib.is_none()
    }
}

fn dl_message(e: &libloading::Error) -> String {
    use std::error::Error as _;
    match e.source() {
        Some(s) => s.to_string(),
        None => e.to_string(),
    }
}

/// A small `ctypes.util.find_library` for Linux: ask `ldconfig -p`, then try `lib<name>.so`.
pub fn find_library(name: &str) -> Option<String> {
    let want = format!("lib{}.so", name);
    for ldconfig in ["/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig"] {
        if let Ok(out) = std::process::Command::new(ldconfig).arg("-p").output() {
            let text = String::from_utf8_lossy(&out.stdout);
            for line in text.lines() {
                let line = line.trim();
                let soname = line.split_whitespace().next().unwrap_or("");
                let marker = if cfg!(target_arch = "aarch64") {
                    "AArch64"
                } else {
                    "x86-64"
                };
                if (soname == want || soname.starts_with(&format!("{}.", want)))
                    && line.contains(marker)
                {
                    if let Some((_, path)) = line.split_once(" => ") {
                        return Some(path.trim().to_string());
                    }
                }
            }
            break;
        }
    }
    // SAFETY: probing a library with dlopen.
    if unsafe { RawLib::open(Some(&want), RTLD_NOW) }.is_ok() {
        return Some(want);
    }
    None
}
