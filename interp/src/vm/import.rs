//! Running source files and importing modules, following importlib's `_bootstrap`:
//! `import_level` is `__import__` (relative names resolved against the importer's package,
//! `resolve_relative`/`package_of_globals`; the fromlist imports submodules, `handle_fromlist`),
//! `find_and_load` is `_find_and_load` (parents first; a loaded submodule becomes an attribute of
//! its parent). A module not in `sys.modules` (`roots.modules`) is the registry's native module,
//! an import hook's (compiled extension modules), or found along the search path: the live
//! `sys.path` (the script's directory first) for a top-level name, the parent's `__path__` for a
//! submodule; `name/__init__.py` (a package: `__path__` is its directory), then `name.py`, then a
//! directory without `__init__.py` (a namespace package). A module is in `sys.modules` while its
//! code runs (and its name in `vm.initializing`, for the "partially initialized module" error) and
//! removed if the code raises. Sources are decoded per PEP 263 (compiler/encoding.rs). Compile
//! errors become SyntaxError exceptions carrying filename/lineno/text like CPython's.
//! GC: module names travel as Rust strings; modules and keys are re-read from sys.modules or
//! rooted on the value stack across allocations.

use super::{Exc, PyResult, Vm};
use crate::compiler::CompileMode;
use crate::obj::layout::*;
use gc::Value;

impl Vm {
    /// Compiles `source` and raises SyntaxError on failure; returns the loaded code object.
    pub fn compile_source(
        &mut self,
        source: &str,
        filename: &str,
        interactive: bool,
    ) -> PyResult<Value> {
        let mode = if interactive {
            CompileMode::Single
        } else {
            CompileMode::Exec
        };
        self.compile_source_mode(source, filename, mode)
    }

    /// Compiles `source` in `mode` (the `compile()` builtin's modes); SyntaxError on failure.
    pub fn compile_source_mode(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> PyResult<Value> {
        match crate::compiler::compile_mode(source, filename, mode) {
            Ok(cu) => Ok(self.load_code(&cu)),
            Err(e) => {
                let text = source
                    .lines()
                    .nth((e.line as usize).saturating_sub(1))
                    .unwrap_or("")
                    .to_string();
                // rustpython's parser says "invalid syntax. Got unexpected token ..."; CPython says less.
                let msg = if e.msg.starts_with("invalid syntax") {
                    "invalid syntax".to_string()
                } else {
                    e.msg.clone()
                };
                let exc = self.new_exception_msg(e.kind, &msg)?;
                self.push(exc);
                let slot = self.sp() - 1;
                let f = self.new_str(&e.filename)?;
                self.set_instance_attr(slot, "filename", f)?;
                self.set_instance_attr(slot, "lineno", Value::from_int(e.line as i64).unwrap())?;
                self.set_instance_attr(slot, "offset", Value::from_int(e.col as i64 + 1).unwrap())?;
                let t = self.new_str(&text)?;
                self.set_instance_attr(slot, "text", t)?;
                let m = self.new_str(&msg)?;
                self.set_instance_attr(slot, "msg", m)?;
                let exc = self.pop();
                Err(self.raise_value(exc))
            }
        }
    }

    /// Reads a module's source file and decodes it (PEP 263: compiler/encoding.rs); an undecodable
    /// file is a SyntaxError, an unreadable one an ImportError.
    pub fn read_source_file(&mut self, path: &std::path::Path) -> PyResult<String> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                return Err(self.raise(
                    "ImportError",
                    &format!("cannot read {}: {e}", path.display()),
                ))
            }
        };
        match crate::compiler::encoding::decode_source(&bytes) {
            Ok(s) => Ok(s),
            Err(e) => Err(self.raise("SyntaxError", &e.codec_message())),
        }
    }

    /// Sets an attribute in the dict of the instance at stack slot `slot` (re-read each time: every
    /// store may collect).
    fn set_instance_attr(&mut self, slot: usize, name: &str, v: Value) -> PyResult<()> {
        let d = self.obj::<InstanceObj>(self.at(slot)).dict;
        let k = self.intern(name);
        self.dict_set(d, k, v)
    }

    /// Runs a code object as the body of module `m` (GC point; returns when the module finishes).
    pub fn exec_module_code(&mut self, code: Value, m: Value) -> PyResult<()> {
        let base = self.sp();
        self.push(code);
        let d = self.obj::<ModuleObj>(m).dict;
        self.push(d);
        let r = self.run_code_with(base, base + 1, base + 1);
        self.truncate(base);
        r.map(|_| ())
    }

    /// Runs the code object at stack slot `code_slot` with the globals dict at `globals_slot` and
    /// the locals mapping at `locals_slot` (the same slot as the globals for module-like
    /// execution), as `exec`/`eval` do: returns the code's value (an `eval` code's expression).
    pub fn run_code_with(
        &mut self,
        code_slot: usize,
        globals_slot: usize,
        locals_slot: usize,
    ) -> PyResult<Value> {
        let f = self.alloc(Kind::Function, 0)?;
        let code = self.at(code_slot);
        let globals = self.at(globals_slot);
        let name = self.obj::<CodeObj>(code).name;
        // SAFETY: f was just allocated as a Function; code and globals re-read from the stack after
        // that allocation; no GC point before the stores (f is young and fresh: no barrier).
        unsafe {
            let p = self.payload::<FunctionObj>(f);
            (*p).code = code;
            (*p).globals = globals;
            (*p).name = name;
            (*p).qualname = name;
        }
        let fslot = self.sp();
        self.push(f);
        match self.prepare_call(fslot, 0, Value::NULL, true)? {
            super::call::Prepared::Frame => {
                if locals_slot != globals_slot {
                    self.roots.frames.last_mut().unwrap().locals = self.at(locals_slot);
                }
                self.native_depth += 1;
                let r = self.run_frames();
                self.native_depth -= 1;
                r
            }
            super::call::Prepared::Done(v) => Ok(v),
        }
    }

    /// Imports the module `name` (dotted, absolute), returning the top-level package unless `leaf`
    /// (`import a.b` binds `a`; `from a.b import x` works on `a.b`).
    pub fn import_module(&mut self, name: &str, leaf: bool) -> PyResult<Value> {
        let m = self.find_and_load(name)?;
        if leaf || !name.contains('.') {
            return Ok(m);
        }
        let first = name.split('.').next().unwrap_or(name);
        self.sys_module_or_error(first)
    }

    /// `__import__(name, globals, locals, fromlist, level)`: `package` is the importing module's
    /// package (see [`Vm::package_of_globals`]), needed when `level > 0`; `fromlist` is `None` when
    /// empty. Returns what the IMPORT_NAME opcode pushes.
    pub fn import_level(
        &mut self,
        name: &str,
        package: Option<&str>,
        fromlist: Option<&[String]>,
        level: usize,
    ) -> PyResult<Value> {
        let abs = if level > 0 {
            self.resolve_relative(name, package, level)?
        } else {
            if name.is_empty() {
                return Err(self.raise("ValueError", "Empty module name"));
            }
            name.to_string()
        };
        let m = self.find_and_load(&abs)?;
        let Some(fromlist) = fromlist else {
            if level == 0 {
                return self.import_module(&abs, false);
            }
            if name.is_empty() {
                return Ok(m);
            }
            // `from . import a.b` cannot happen; `__import__('a.b', level=1)` returns the module
            // named by cutting the tail of `name` off the absolute name (CPython's cut_off).
            let cut = name.len() - name.split('.').next().unwrap_or("").len();
            return self.sys_module_or_error(&abs[..abs.len() - cut]);
        };
        let base = self.sp();
        self.push(m);
        let r = self.handle_fromlist(base, fromlist, false);
        let m = self.at(base);
        self.truncate(base);
        r.map(|_| m)
    }

    /// importlib's `_resolve_name` after `_sanity_check`: the absolute name of a relative import.
    pub fn resolve_relative(
        &mut self,
        name: &str,
        package: Option<&str>,
        level: usize,
    ) -> PyResult<String> {
        let package = match package {
            Some(p) if !p.is_empty() => p,
            _ => {
                return Err(self.raise_import_error(
                    "ImportError",
                    "attempted relative import with no known parent package",
                    None,
                ))
            }
        };
        // package.rsplit('.', level - 1): fewer than `level` pieces means too many dots.
        let bits: Vec<&str> = package.rsplitn(level, '.').collect();
        if bits.len() < level {
            return Err(self.raise_import_error(
                "ImportError",
                "attempted relative import beyond top-level package",
                None,
            ));
        }
        let base = bits[bits.len() - 1];
        Ok(if name.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{name}")
        })
    }

    /// importlib's `_calc___package__`: `__package__` if set, else `__name__` (a package) or its
    /// parent. `None` when the globals say nothing (no `__name__`).
    pub fn package_of_globals(&mut self, globals: Value) -> PyResult<Option<String>> {
        if globals.is_null() || !self.is(globals, Kind::Dict) {
            return Ok(None);
        }
        if let Some(p) = self.dict_get_str_rust(globals, "__package__") {
            if p != self.none() {
                if !self.is(p, Kind::Str) {
                    return Err(self.type_error("package must be a string"));
                }
                return Ok(Some(self.str_of(p).to_string()));
            }
        }
        let Some(n) = self.dict_get_str_rust(globals, "__name__") else {
            return Err(self.raise("KeyError", "'__name__' not in globals"));
        };
        if !self.is(n, Kind::Str) {
            return Err(self.type_error("__name__ must be a string"));
        }
        let n = self.str_of(n).to_string();
        if self.dict_get_str_rust(globals, "__path__").is_some() {
            return Ok(Some(n));
        }
        Ok(Some(n.rsplit_once('.').map_or("", |(p, _)| p).to_string()))
    }

    /// importlib's `_handle_fromlist` for the module at stack slot `slot`: imports the submodules
    /// named in `fromlist` that are not attributes yet (a package only); `*` follows `__all__`.
    fn handle_fromlist(
        &mut self,
        slot: usize,
        fromlist: &[String],
        recursive: bool,
    ) -> PyResult<()> {
        let m = self.at(slot);
        if !self.is(m, Kind::Module) {
            return Ok(());
        }
        let d = self.obj::<ModuleObj>(m).dict;
        if self.dict_get_str_rust(d, "__path__").is_none() {
            return Ok(());
        }
        let mname = match self.dict_get_str_rust(d, "__name__") {
            Some(n) if self.is(n, Kind::Str) => self.str_of(n).to_string(),
            _ => return Ok(()),
        };
        for x in fromlist {
            if x == "*" {
                if recursive {
                    continue;
                }
                let d = self.obj::<ModuleObj>(self.at(slot)).dict;
                if let Some(all) = self.dict_get_str_rust(d, "__all__") {
                    let names = self.str_items_of(all, "Item in __all__")?;
                    self.handle_fromlist(slot, &names, true)?;
                }
                continue;
            }
            let key = self.new_str(x)?;
            let m = self.at(slot);
            if self.getattr_opt(m, key)?.is_some() {
                continue;
            }
            let from_name = format!("{mname}.{x}");
            if let Err(e) = self.find_and_load(&from_name) {
                // A missing submodule leaves the name for IMPORT_FROM to report.
                let exc = self.roots.exc;
                if self.exc_matches(exc, "ModuleNotFoundError")
                    && self.exc_name_is(exc, &from_name)
                    && !matches!(self.sys_module(&from_name)?, Some(v) if v == self.none())
                {
                    self.take_exc();
                    continue;
                }
                return Err(e);
            }
        }
        Ok(())
    }

    /// The str items of an iterable (a fromlist, `__all__`), with CPython's TypeError otherwise.
    fn str_items_of(&mut self, seq: Value, what: &str) -> PyResult<Vec<String>> {
        let base = self.sp();
        self.push(seq);
        let l = self.to_list(seq);
        let l = match l {
            Ok(l) => l,
            Err(e) => {
                self.truncate(base);
                return Err(e);
            }
        };
        self.truncate(base);
        let mut out = Vec::new();
        for v in self.list_items(l).to_vec() {
            if !self.is(v, Kind::Str) {
                let t = self.type_name(v);
                return Err(self.type_error(format!("{what} must be str, not {t}")));
            }
            out.push(self.str_of(v).to_string());
        }
        Ok(out)
    }

    /// The IMPORT_FROM fallback and error: `name` is not an attribute of the module `m`.
    /// A submodule already in sys.modules (a circular import in progress) is the answer;
    /// otherwise ImportError as CPython words it.
    pub fn import_from_missing(&mut self, m: Value, name: Value) -> PyResult<Value> {
        let n = self.str_of(name).to_string();
        if !self.is(m, Kind::Module) {
            // CPython reads `__name__` with getattr (cffi's `lib` answers "module.lib")
            let mn = match self.getattr_str(m, "__name__") {
                Ok(v) if self.is(v, Kind::Str) => self.str_of(v).to_string(),
                Ok(_) => "<unknown module name>".to_string(),
                Err(_) => {
                    self.take_exc();
                    "<unknown module name>".to_string()
                }
            };
            return Err(self.raise_import_error(
                "ImportError",
                &format!("cannot import name '{n}' from '{mn}' (unknown location)"),
                None,
            ));
        }
        let d = self.obj::<ModuleObj>(m).dict;
        let mname = match self.dict_get_str_rust(d, "__name__") {
            Some(v) if self.is(v, Kind::Str) => Some(self.str_of(v).to_string()),
            _ => None,
        };
        let file = match self.dict_get_str_rust(d, "__file__") {
            Some(v) if self.is(v, Kind::Str) => Some(self.str_of(v).to_string()),
            _ => None,
        };
        if let Some(mn) = &mname {
            if let Some(sub) = self.sys_module(&format!("{mn}.{n}"))? {
                return Ok(sub);
            }
        }
        let mn = mname.unwrap_or_else(|| "<unknown module name>".into());
        let msg = match &file {
            None => format!("cannot import name '{n}' from '{mn}' (unknown location)"),
            Some(f) if self.initializing.contains(&mn) => format!(
                "cannot import name '{n}' from partially initialized module '{mn}' \
                 (most likely due to a circular import) ({f})"
            ),
            Some(f) => format!("cannot import name '{n}' from '{mn}' ({f})"),
        };
        let exc = self.raise_import_error("ImportError", &msg, Some(&mn));
        if let Some(f) = file {
            let e = self.roots.exc;
            self.push(e);
            let slot = self.sp() - 1;
            let r = self
                .new_str(&f)
                .and_then(|s| self.set_instance_attr(slot, "path", s));
            self.roots.exc = self.pop();
            r?;
        }
        Err(exc)
    }

    /// Raises `tname(msg)` with its `name` attribute set (ImportError, ModuleNotFoundError).
    pub fn raise_import_error(&mut self, tname: &str, msg: &str, name: Option<&str>) -> Exc {
        let e = match self.new_exception_msg(tname, msg) {
            Ok(e) => e,
            Err(x) => return x,
        };
        self.push(e);
        let slot = self.sp() - 1;
        if let Some(n) = name {
            if let Err(x) = self
                .new_str(n)
                .and_then(|s| self.set_instance_attr(slot, "name", s))
            {
                self.pop();
                return x;
            }
        }
        let e = self.pop();
        self.raise_value(e)
    }

    /// Is the `name` attribute of exception `e` the str `n`?
    fn exc_name_is(&self, e: Value, n: &str) -> bool {
        if !self.is(e, Kind::Instance) {
            return false;
        }
        let d = self.obj::<InstanceObj>(e).dict;
        if d.is_null() {
            return false;
        }
        matches!(self.dict_get_str_rust(d, "name"), Some(v) if self.is(v, Kind::Str) && self.str_of(v) == n)
    }

    /// `sys.modules[name]` if present.
    pub fn sys_module(&mut self, name: &str) -> PyResult<Option<Value>> {
        let key = self.new_str(name)?;
        let mods = self.roots.modules;
        self.dict_get(mods, key)
    }

    fn sys_module_or_error(&mut self, name: &str) -> PyResult<Value> {
        match self.sys_module(name)? {
            Some(m) => Ok(m),
            None => Err(self.raise("KeyError", &format!("'{name}'"))),
        }
    }

    /// The directories a top-level module is searched in: the live `sys.path` list once `sys` was
    /// imported (scripts may change it), else the script's directory and `vm.sys_path`.
    pub fn import_search_dirs(&mut self) -> Vec<String> {
        if let Some(p) = self.live_sys_path() {
            return p;
        }
        let mut dirs = vec![self.script_dir.clone()];
        dirs.extend(self.sys_path.iter().cloned());
        dirs
    }

    fn live_sys_path(&mut self) -> Option<Vec<String>> {
        let key = self.new_str("sys").ok()?;
        let mods = self.roots.modules; // read after the allocation
        let sys = match self.dict_get(mods, key) {
            Ok(Some(m)) if self.is(m, Kind::Module) => m,
            Ok(_) => return None,
            Err(_) => {
                self.take_exc();
                return None;
            }
        };
        let d = self.obj::<ModuleObj>(sys).dict;
        let path = self.dict_get_str_rust(d, "path")?;
        if !self.is(path, Kind::List) {
            return None;
        }
        let items = self.list_items(path).to_vec();
        Some(
            items
                .into_iter()
                .filter(|v| self.is(*v, Kind::Str))
                .map(|v| self.str_of(v).to_string())
                .collect(),
        )
    }

    /// importlib's `_find_and_load`: the module `full` (absolute, dotted) from sys.modules, or
    /// found and executed, its parent packages first; a submodule becomes an attribute of its
    /// parent once loaded.
    pub fn find_and_load(&mut self, full: &str) -> PyResult<Value> {
        if let Some(m) = self.sys_module(full)? {
            if m == self.none() {
                return Err(self.raise_import_error(
                    "ModuleNotFoundError",
                    &format!("import of {full} halted; None in sys.modules"),
                    Some(full),
                ));
            }
            return Ok(m);
        }
        let mut search: Option<Vec<String>> = None;
        let parent = full.rsplit_once('.').map(|(p, _)| p.to_string());
        if let Some(parent) = &parent {
            self.find_and_load(parent)?;
            // Importing the parent may have imported this module.
            if let Some(m) = self.sys_module(full)? {
                return Ok(m);
            }
            let pm = self.sys_module_or_error(parent)?;
            let path = if self.is(pm, Kind::Module) {
                let d = self.obj::<ModuleObj>(pm).dict;
                self.dict_get_str_rust(d, "__path__")
            } else {
                None
            };
            let Some(path) = path else {
                return Err(self.raise_import_error(
                    "ModuleNotFoundError",
                    &format!("No module named '{full}'; '{parent}' is not a package"),
                    Some(full),
                ));
            };
            search = Some(self.str_items_of(path, "__path__ item")?);
        }
        let m = self.load_new(full, search)?;
        if let Some(parent) = parent {
            let base = self.sp();
            self.push(m);
            let key = self.new_str(&full[parent.len() + 1..])?;
            self.push(key);
            if let Some(pm) = self.sys_module(&parent)? {
                let (m, key) = (self.at(base), self.at(base + 1));
                self.setattr(pm, key, m)?;
            }
            let m = self.at(base);
            self.truncate(base);
            return Ok(m);
        }
        Ok(m)
    }

    /// Finds and runs the module `full` not yet in sys.modules: a native module, an import hook's,
    /// or `<name>.py` / `<name>/__init__.py` in `search` (the parent's `__path__`; the import
    /// search directories for a top-level module).
    fn load_new(&mut self, full: &str, search: Option<Vec<String>>) -> PyResult<Value> {
        if let Some(make) = self.registry.native_module(full) {
            let m = make(self)?;
            self.push(m);
            let key = self.new_str(full)?;
            let mods = self.roots.modules;
            self.dict_set(mods, key, self.top())?;
            return Ok(self.pop());
        }
        // Copied out of the registry: a hook takes `&mut self`.
        let hooks = self.registry.import_hooks().to_vec();
        for hook in hooks {
            if let Some(r) = hook(self, full) {
                return r;
            }
        }
        let leaf = full.rsplit('.').next().unwrap_or(full);
        let dirs = match search {
            Some(d) => d,
            None => self.import_search_dirs(),
        };
        let mut found = None;
        // Directories without `__init__.py`: a namespace package if nothing else is found.
        let mut portions = Vec::new();
        for d in dirs {
            let dir = std::path::Path::new(&d).join(leaf);
            let p = dir.join("__init__.py");
            if p.is_file() {
                found = Some((p, true));
                break;
            }
            let p = std::path::Path::new(&d).join(format!("{leaf}.py"));
            if p.is_file() {
                found = Some((p, false));
                break;
            }
            if dir.is_dir() {
                let s = dir.to_string_lossy().to_string();
                portions.push(s.strip_prefix("./").unwrap_or(&s).to_string());
            }
        }
        if found.is_none() {
            if let Some((is_pkg, fname, src)) = self.stdlib_module(full) {
                let code = self.compile_source(&src, &fname, false)?;
                return self.exec_new_module(full, code, &fname, is_pkg);
            }
        }
        let Some((path, is_pkg)) = found else {
            if !portions.is_empty() {
                return self.new_namespace_package(full, &portions);
            }
            return Err(self.raise_import_error(
                "ModuleNotFoundError",
                &format!("No module named '{full}'"),
                Some(full),
            ));
        };
        let src = self.read_source_file(&path)?;
        let fname = path.to_string_lossy().to_string();
        let fname = fname.strip_prefix("./").unwrap_or(&fname).to_string();
        let code = self.compile_source(&src, &fname, false)?;
        self.exec_new_module(full, code, &fname, is_pkg)
    }

    /// The library module `full` (crate::stdlib): (is a package, `__file__`, source). With
    /// `MINIPY_LIB=DIR` set, read from DIR instead of the copy embedded in the binary.
    fn stdlib_module(&mut self, full: &str) -> Option<(bool, String, String)> {
        if let Some(dir) = std::env::var_os("MINIPY_LIB") {
            let rel = full.replace('.', "/");
            let dir = std::path::Path::new(&dir);
            for (p, pkg) in [
                (dir.join(&rel).join("__init__.py"), true),
                (dir.join(format!("{rel}.py")), false),
            ] {
                if let Ok(src) = std::fs::read_to_string(&p) {
                    return Some((pkg, p.to_string_lossy().to_string(), src));
                }
            }
            return None;
        }
        crate::stdlib::find(full).map(|(pkg, f, s)| (pkg, f, s.to_string()))
    }

    /// Runs a module's compiled `code` as the new module `full` (registered in sys.modules while it
    /// runs, removed again if it raises), with `__file__` = `fname`; a package's `__path__` is
    /// `fname`'s directory.
    fn exec_new_module(
        &mut self,
        full: &str,
        code: Value,
        fname: &str,
        is_pkg: bool,
    ) -> PyResult<Value> {
        let path = std::path::Path::new(fname);
        let base = self.sp();
        self.push(code);
        let m = self.new_module(full)?;
        self.push(m);
        let f = self.new_str(fname)?;
        self.module_set(self.at(base + 1), "__file__", f)?;
        let package = if is_pkg {
            full
        } else {
            full.rsplit_once('.').map_or("", |(p, _)| p)
        };
        let p = self.new_str(package)?;
        self.module_set(self.at(base + 1), "__package__", p)?;
        if is_pkg {
            let dir = path
                .parent()
                .map(|d| d.to_string_lossy().to_string())
                .unwrap_or_default();
            let dir = dir.strip_prefix("./").unwrap_or(&dir).to_string();
            let dir = if dir.is_empty() { ".".to_string() } else { dir };
            let l = crate::objects::args::str_list(self, &[dir.as_str()])?;
            self.module_set(self.at(base + 1), "__path__", l)?;
        }
        let key = self.new_str(full)?;
        let mods = self.roots.modules;
        self.dict_set(mods, key, self.at(base + 1))?;
        self.initializing.push(full.to_string());
        let (code, m) = (self.at(base), self.at(base + 1));
        let r = self.exec_module_code(code, m);
        if let Some(i) = self.initializing.iter().rposition(|n| n == full) {
            self.initializing.remove(i);
        }
        self.truncate(base);
        if let Err(e) = r {
            let exc = self.take_exc();
            self.push(exc);
            let key = self.new_str(full);
            let exc = self.pop();
            self.roots.exc = exc;
            let key = key?;
            let mods = self.roots.modules;
            let saved = self.take_exc();
            self.push(saved);
            let _ = self.dict_del(mods, key);
            self.take_exc();
            self.roots.exc = self.pop();
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        self.sys_module_or_error(full)
    }

    /// A namespace package (PEP 420): no code, `__file__` None, `__path__` the directories found.
    fn new_namespace_package(&mut self, full: &str, portions: &[String]) -> PyResult<Value> {
        let base = self.sp();
        let m = self.new_module(full)?;
        self.push(m);
        let none = self.none();
        self.module_set(self.at(base), "__file__", none)?;
        let p = self.new_str(full)?;
        self.module_set(self.at(base), "__package__", p)?;
        let parts: Vec<&str> = portions.iter().map(|s| s.as_str()).collect();
        let l = crate::objects::args::str_list(self, &parts)?;
        self.module_set(self.at(base), "__path__", l)?;
        let key = self.new_str(full)?;
        let mods = self.roots.modules;
        self.dict_set(mods, key, self.at(base))?;
        let m = self.at(base);
        self.truncate(base);
        Ok(m)
    }

    /// ImportName: (fromlist level -- ) names[arg] -> module
    pub fn import_name(&mut self, name: Value, fidx: usize) -> PyResult<Value> {
        // a Python function put in builtins.__import__ takes over the import statement (CPython)
        let b = self.roots.builtins;
        if let Some(imp) = self.dict_get_str_rust(b, "__import__") {
            if !self.is(imp, Kind::Native) {
                let fr = &self.roots.frames[fidx];
                let (g, l, code) = (fr.globals, fr.locals, fr.code);
                let module = self.code_data(code).kind == crate::bytecode::CodeKind::Module;
                // a module body's locals are its globals; a function's are not materialised (None)
                let l = match (l.is_null(), module) {
                    (false, _) => l,
                    (true, true) => g,
                    (true, false) => self.none(),
                };
                let fromlist = self.peek(1);
                let fromlist = if fromlist.is_null() {
                    self.none()
                } else {
                    fromlist
                };
                let level = self.peek(0);
                return self.call(imp, &[name, g, l, fromlist, level]);
            }
        }
        let fromlist = self.peek(1);
        let level = self.to_i64(self.peek(0)).unwrap_or(0).max(0) as usize;
        let n = self.str_of(name).to_string();
        let fromlist = if fromlist.is_null() || fromlist == self.none() {
            None
        } else {
            let items = self.str_items_of(fromlist, "Item in ``from list''")?;
            (!items.is_empty()).then_some(items)
        };
        let package = if level > 0 {
            let g = self.roots.frames[fidx].globals;
            self.package_of_globals(g)?
        } else {
            None
        };
        self.import_level(&n, package.as_deref(), fromlist.as_deref(), level)
    }

    /// `from m import *`: the names in `m.__all__`, else every name not starting with `_`.
    pub fn import_star(&mut self, m: Value, fidx: usize) -> PyResult<()> {
        let base = self.sp();
        self.push(m);
        let names = if self.is(m, Kind::Module) {
            let d = self.obj::<ModuleObj>(m).dict;
            match self.dict_get_str_rust(d, "__all__") {
                Some(all) => Some(self.str_items_of(all, "Item in __all__")?),
                None => None,
            }
        } else {
            // an object standing in for a module (cffi's `lib` in sys.modules): its `__all__`,
            // else the public keys of its `__dict__`
            Some(self.star_names_of_object(base)?)
        };
        {
            if let Some(names) = names {
                for n in names {
                    let k = self.new_str(&n)?;
                    self.push(k);
                    let v = self.getattr(self.at(base), k)?;
                    let k = self.pop();
                    let f = &self.roots.frames[fidx];
                    let ns = if f.locals.is_null() {
                        f.globals
                    } else {
                        f.locals
                    };
                    self.dict_set(ns, k, v)?;
                }
                self.truncate(base);
                return Ok(());
            }
        }
        let d = self.obj::<ModuleObj>(self.at(base)).dict;
        let used = self.dict_used(d);
        for i in 0..used {
            let d = self.obj::<ModuleObj>(self.at(base)).dict;
            if let Some((k, v)) = self.dict_entry(d, i) {
                if self.str_of(k).starts_with('_') {
                    continue;
                }
                let f = &self.roots.frames[fidx];
                let ns = if f.locals.is_null() {
                    f.globals
                } else {
                    f.locals
                };
                self.dict_set(ns, k, v)?;
            }
        }
        self.truncate(base);
        Ok(())
    }

    /// The names `from obj import *` binds for a non-module `obj` (at stack slot `slot`).
    fn star_names_of_object(&mut self, slot: usize) -> PyResult<Vec<String>> {
        match self.getattr_str(self.at(slot), "__all__") {
            Ok(all) => return self.str_items_of(all, "Item in __all__"),
            Err(_) => {
                self.take_exc();
            }
        }
        let d = self.getattr_str(self.at(slot), "__dict__")?;
        if !self.is(d, Kind::Dict) {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for i in 0..self.dict_used(d) {
            if let Some((k, _)) = self.dict_entry(d, i) {
                if self.is(k, Kind::Str) && !self.str_of(k).starts_with('_') {
                    out.push(self.str_of(k).to_string());
                }
            }
        }
        Ok(out)
    }

    /// Runs a script as `__main__`.
    pub fn run_main(&mut self, source: &str, filename: &str) -> PyResult<()> {
        let m = self.new_module("__main__")?;
        self.push(m);
        let f = self.new_str(filename)?;
        self.module_set(self.top(), "__file__", f)?;
        let key = self.intern("__main__");
        let mods = self.roots.modules;
        self.dict_set(mods, key, self.top())?;
        let none = self.none();
        self.module_set(self.top(), "__package__", none)?;
        let b = self.roots.builtins;
        let k = self.intern("__builtins__");
        let d = self.obj::<ModuleObj>(self.top()).dict;
        self.dict_set(d, k, b)?;
        let code = self.compile_source(source, filename, false)?;
        let m = self.pop();
        self.exec_module_code(code, m)
    }
}
