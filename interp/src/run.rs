//! Running a whole program: VM creation from the environment, `__main__`, exit status, uncaught
//! exception reports and `SystemExit`.

use crate::obj::layout::{Kind, ModuleObj};
use crate::vm::Vm;
use gc::GcConfig;

/// Creates a VM configured from the MINIPY_GC_* environment variables (exits with status 2 on a bad value).
pub fn new_vm(argv: Vec<String>, filename: &str) -> Vm {
    let cfg = match GcConfig::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("minipy: {e}");
            std::process::exit(2);
        }
    };
    let mut vm = crate::interpreter::standard_vm(cfg);
    let dir = std::path::Path::new(filename)
        .parent()
        .map(|p| p.to_string_lossy().to_string())
        .unwrap_or_default();
    vm.script_dir = if dir.is_empty() { ".".into() } else { dir };
    vm.argv = argv;
    vm
}

/// Runs a script; returns the process exit status.
pub fn run_script(source: &str, filename: &str, argv: Vec<String>) -> i32 {
    let mut vm = new_vm(argv, filename);
    let r = vm.run_main(source, filename);
    let status = match r {
        Ok(()) => 0,
        Err(_) => vm.report_uncaught(),
    };
    vm.run_atexit();
    vm.finalize_main();
    match vm.flush_stdout_at_exit() {
        Some(s) => s,
        None => status,
    }
}

impl Vm {
    /// If the program imported `atexit`, runs its registered functions (last first) through the
    /// module's `_run_exitfuncs`, which reports their exceptions itself, as CPython does at exit.
    pub fn run_atexit(&mut self) {
        let Ok(Some(m)) = self.sys_module("atexit") else {
            return;
        };
        let r = match self.getattr_str(m, "_run_exitfuncs") {
            Ok(f) => self.call(f, &[]).map(|_| ()),
            Err(e) => Err(e),
        };
        if r.is_err() {
            self.take_exc();
        }
        self.flush_stdout();
    }

    pub fn flush_stdout(&mut self) {
        use std::io::Write;
        let _ = std::io::stdout().flush();
    }

    /// Shutdown as CPython finalizes `__main__`: dropping the module frees its dict, which releases
    /// the globals in dict order, so the objects each alone kept alive die and their `__del__`,
    /// generator `finally` and ffi.gc destructors run before exit, in that order. One full
    /// collection per global keeps CPython's order; on a big heap (or past a budget of collections),
    /// a single collection after clearing the rest (finalizers then run in creation order).
    pub fn finalize_main(&mut self) {
        if self.heap.finalizers_registered() == 0 {
            return;
        }
        let key = self.intern("__main__");
        let Some(m) = self.dict_get_str(self.roots.modules, key) else {
            return;
        };
        if !self.is(m, Kind::Module) {
            return;
        }
        let base = self.sp();
        self.push(self.obj::<ModuleObj>(m).dict);
        // One full collection per global while that stays cheap: a small heap, and at most
        // PER_GLOBAL_BUDGET of them (a finalizable object that some other module keeps alive must
        // not cost a collection per global of a big script).
        const PER_GLOBAL_BUDGET: usize = 256;
        let per_global = self.heap.heap_bytes() < 16 << 20;
        let mut collections = 0;
        for i in 0..self.dict_used(self.at(base)) {
            let Some((k, _)) = self.dict_entry(self.at(base), i) else {
                continue;
            };
            if self.is(k, Kind::Str) && self.str_of(k) == "__builtins__" {
                continue;
            }
            let none = self.none();
            if self.dict_set(self.at(base), k, none).is_err() {
                self.take_exc();
            }
            if per_global && collections < PER_GLOBAL_BUDGET {
                collections += 1;
                self.heap.major_collect(&mut self.roots);
                self.run_pending_finalizers();
                if self.heap.finalizers_registered() == 0 {
                    break;
                }
            }
        }
        self.heap.major_collect(&mut self.roots);
        self.run_pending_finalizers();
        self.truncate(base);
    }

    /// The final flush of stdout: when it fails (a full disk, a closed pipe) CPython reports the
    /// error as an unraisable exception of the stdout object and exits with status 120.
    pub fn flush_stdout_at_exit(&mut self) -> Option<i32> {
        use std::io::Write;
        let e = std::io::stdout().flush().err()?;
        let _ = self.raise_io_error(&e);
        let exc = self.take_exc();
        let line = if exc.is_null() {
            e.to_string()
        } else {
            let t = self.type_name(exc);
            let s = self.str_string(exc).unwrap_or_default();
            format!("{t}: {s}")
        };
        let mut err = std::io::stderr().lock();
        let _ = writeln!(
            err,
            "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n{line}"
        );
        Some(120)
    }

    /// Prints the pending exception like CPython and returns the exit status (SystemExit aware).
    pub fn report_uncaught(&mut self) -> i32 {
        let e = self.take_exc();
        self.flush_stdout();
        if e.is_null() {
            return 1;
        }
        if self.exc_matches(e, "SystemExit") {
            let args = self.exc_args(e);
            let items = self.tuple_items(args).to_vec();
            let code = if items.is_empty() {
                self.none()
            } else {
                items[0]
            };
            if code == self.none() {
                return 0;
            }
            if let Some(i) = self.to_i64(code) {
                return i as i32;
            }
            let s = self.str_string(code).unwrap_or_default();
            eprintln!("{}", crate::unicode::for_stderr(&s));
            return 1;
        }
        let text = self.format_traceback(e);
        eprint!("{}", crate::unicode::for_stderr(&text));
        1
    }
}
