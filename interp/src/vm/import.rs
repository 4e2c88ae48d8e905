//! Running source files and importing modules: the registry's native modules first, then its import
//! hooks (compiled extension modules), then `name.py` or `name/__init__.py` found along `sys.path`
//! (the script's directory first). Modules are cached in `sys.modules` (`roots.modules`). Compile
//! errors become SyntaxError exceptions carrying filename/lineno/text like CPython's.

use super::{PyResult, Vm};
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
        self.push(m);
        self.push(code);
        let f = self.alloc(Kind::Function, 0)?;
        let (m, code) = (self.at(base), self.at(base + 1));
        let globals = self.obj::<ModuleObj>(m).dict;
        let name = self.obj::<CodeObj>(code).name;
        // SAFETY: f was just allocated as a Function and m, code re-read from the stack after that
        // allocation; no GC point before the stores (f is young and fresh: no barrier).
        unsafe {
            let p = self.payload::<FunctionObj>(f);
            (*p).code = code;
            (*p).globals = globals;
            (*p).name = name;
            (*p).qualname = name;
        }
        self.truncate(base);
        let r = self.call(f, &[]);
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

    /// Imports the module `name` (dotted), returning the top-level package unless `leaf`.
    pub fn import_module(&mut self, name: &str, leaf: bool) -> PyResult<Value> {
        let parts: Vec<&str> = name.split('.').collect();
        let mut cur = Value::NULL;
        let base = self.sp();
        self.push(Value::NULL);
        for i in 0..parts.len() {
            let full = parts[..=i].join(".");
            let m = self.import_one(&full)?;
            if i == 0 {
                self.set_at(base, m);
                cur = m;
            } else {
                // bind submodule on its parent
                self.push(m); // rooted across the parent's import
                let parent = match self.import_one(&parts[..i].join(".")) {
                    Ok(p) => p,
                    Err(e) => {
                        self.pop();
                        return Err(e);
                    }
                };
                let m = self.top();
                self.module_set(parent, parts[i], m)?;
                cur = self.pop();
            }
        }
        let top = self.at(base);
        self.truncate(base);
        Ok(if leaf { cur } else { top })
    }

    fn import_one(&mut self, full: &str) -> PyResult<Value> {
        let key = self.new_str(full)?;
        let mods = self.roots.modules;
        if let Some(m) = self.dict_get(mods, key)? {
            return Ok(m);
        }
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
        let rel = full.replace('.', "/");
        let mut found = None;
        let mut dirs = vec![self.script_dir.clone()];
        dirs.extend(self.sys_path.iter().cloned());
        for d in dirs {
            let p = std::path::Path::new(&d).join(format!("{rel}.py"));
            if p.is_file() {
                found = Some((p, false));
                break;
            }
            let p = std::path::Path::new(&d).join(&rel).join("__init__.py");
            if p.is_file() {
                found = Some((p, true));
                break;
            }
        }
        let Some((path, _is_pkg)) = found else {
            return Err(self.raise("ModuleNotFoundError", &format!("No module named '{full}'")));
        };
        let src = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                return Err(self.raise(
                    "ImportError",
                    &format!("cannot read {}: {e}", path.display()),
                ))
            }
        };
        let fname = path.to_string_lossy().to_string();
        let fname = fname.strip_prefix("./").unwrap_or(&fname).to_string();
        let code = self.compile_source(&src, &fname, false)?;
        self.push(code);
        let m = self.new_module(full)?;
        self.push(m);
        let f = self.new_str(&fname)?;
        self.module_set(self.top(), "__file__", f)?;
        let key = self.new_str(full)?;
        let mods = self.roots.modules;
        self.dict_set(mods, key, self.top())?;
        let (code, m) = (self.peek(1), self.peek(0));
        let r = self.exec_module_code(code, m);
        let m = self.pop();
        self.pop();
        if let Err(e) = r {
            let key = self.new_str(full)?;
            let mods = self.roots.modules;
            let _ = self.dict_del(mods, key);
            return Err(e);
        }
        Ok(m)
    }

    /// ImportName: (fromlist level -- ) names[arg] -> module
    pub fn import_name(&mut self, name: Value, _fidx: usize) -> PyResult<Value> {
        let fromlist = self.peek(1);
        let leaf = fromlist != self.none() && !fromlist.is_null();
        let n = self.str_of(name).to_string();
        self.import_module(&n, leaf)
    }

    pub fn import_star(&mut self, m: Value, fidx: usize) -> PyResult<()> {
        let base = self.sp();
        self.push(m);
        let d = self.obj::<ModuleObj>(m).dict;
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

    /// Runs a script as `__main__`.
    pub fn run_main(&mut self, source: &str, filename: &str) -> PyResult<()> {
        let m = self.new_module("__main__")?;
        self.push(m);
        let f = self.new_str(filename)?;
        self.module_set(self.top(), "__file__", f)?;
        let key = self.intern("__main__");
        let mods = self.roots.modules;
        self.dict_set(mods, key, self.top())?;
        let b = self.roots.builtins;
        let k = self.intern("__builtins__");
        let d = self.obj::<ModuleObj>(self.top()).dict;
        self.dict_set(d, k, b)?;
        let code = self.compile_source(source, filename, false)?;
        let m = self.pop();
        self.exec_module_code(code, m)
    }
}
