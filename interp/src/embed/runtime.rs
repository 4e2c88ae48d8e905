//! The interpreter thread of the embedding runtime and the initialisation of each library.
//!
//! The first call from any thread spawns the thread "minipy-embed" (stack as the `minipy`
//! binary's main), which creates the VM from the MINIPY_GC_* environment (sys.argv is `['']`
//! as in an embedded CPython; sys.path starts with the directory of the first library) and then
//! serves [`Request`]s one at a time: initialise the request's library if that was not done
//! yet, run its thunk as a call into C made by the VM, flush Python's stdout (so that C and
//! Python output keep their order), reply.
//!
//! Initialising a library (once, keyed by the address of its descriptor): import it as the
//! cffi module named in its descriptor (api_import.rs, its path from `dladdr`), then run its init
//! code, compiled as `<init code for 'NAME'>`, in a fresh namespace holding only
//! `__builtins__`: its `@ffi.def_extern()` decorators attach the Python functions. If that
//! raises, the report CFFI prints goes to `sys.stderr` and every later call of the library
//! returns -1 (the C side prints "initialization code failed" and returns 0). A call made while
//! its library is being initialised (from the init code itself) goes ahead, as with CFFI.
//!
//! GC: nothing here holds a `Value` across a GC point outside the value stack.

use super::abi::{EmbedModule, Thunk};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ffi::{c_int, c_void, CStr};
use std::sync::mpsc::{channel, sync_channel, Sender, SyncSender};
use std::sync::Mutex;

/// One call of an `extern "Python"` function of a library (see abi.rs).
pub struct Request {
    pub module: *const EmbedModule,
    pub thunk: Thunk,
    pub ctx: *mut c_void,
}

// SAFETY: a Request only carries pointers into a loaded library (static data and code) and to
// the caller's argument struct; the caller blocks until the interpreter thread has replied, so
// the argument struct outlives its use there and is not touched concurrently.
unsafe impl Send for Request {}

type Job = (Request, SyncSender<c_int>);

/// The interpreter thread's queue (None until the first call).
static QUEUE: Mutex<Option<Sender<Job>>> = Mutex::new(None);

/// How far a library's initialisation got.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Running,
    Ready,
    Failed,
}

thread_local! {
    /// True on the interpreter thread.
    static ON_INTERP: Cell<bool> = const { Cell::new(false) };
    /// Per library descriptor address (interpreter thread only).
    static STATES: RefCell<HashMap<usize, State>> = RefCell::new(HashMap::new());
}

/// Runs `req` on the interpreter thread (see the module docs); 0 or -1.
pub fn call(req: Request) -> c_int {
    if ON_INTERP.with(|c| c.get()) {
        // Python -> C -> this library: the VM is suspended in that call into C, on this thread
        let vmp = crate::cffi::call::current_vm();
        if vmp.is_null() {
            return -1;
        }
        // SAFETY: the VM is suspended in the call into C that led here (same thread) and is not
        // used by its caller until that call returns, as for any cffi callback.
        return serve(unsafe { &mut *vmp }, req);
    }
    let tx = {
        let mut q = QUEUE.lock().unwrap_or_else(|e| e.into_inner());
        q.get_or_insert_with(spawn).clone()
    };
    let (rtx, rrx) = sync_channel(1);
    if tx.send((req, rtx)).is_err() {
        return -1;
    }
    rrx.recv().unwrap_or(-1)
}

fn spawn() -> Sender<Job> {
    let (tx, rx) = channel::<Job>();
    let r = std::thread::Builder::new()
        .name("minipy-embed".into())
        .stack_size(1 << 29)
        .spawn(move || {
            ON_INTERP.with(|c| c.set(true));
            let mut vm = None;
            while let Ok((req, reply)) = rx.recv() {
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    if vm.is_none() {
                        vm = new_vm(req.module);
                    }
                    match vm.as_mut() {
                        Some(vm) => serve(vm, req),
                        None => -1,
                    }
                }));
                let _ = reply.send(r.unwrap_or(-1));
            }
        });
    if let Err(e) = r {
        eprintln!("minipy: cannot start the embedded interpreter thread: {e}");
    }
    tx
}

/// The process's VM (None, after saying why, when the environment is invalid).
fn new_vm(first: *const EmbedModule) -> Option<Vm> {
    let cfg = match gc::GcConfig::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("minipy: {e}");
            return None;
        }
    };
    let mut vm = crate::interpreter::standard_vm(cfg);
    vm.argv = vec![String::new()];
    if let Some(dir) = library_path(first).as_deref().and_then(|p| p.parent()) {
        if !dir.as_os_str().is_empty() {
            vm.script_dir = dir.to_string_lossy().into_owned();
        }
    }
    Some(vm)
}

/// The file of the shared library holding `m`.
fn library_path(m: *const EmbedModule) -> Option<std::path::PathBuf> {
    // SAFETY: dladdr only reads the loader's tables; `info` is plain data it fills in.
    let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
    // SAFETY: as above; any address may be asked about.
    let found = unsafe { libc::dladdr(m as *const c_void, &mut info) };
    if found == 0 || info.dli_fname.is_null() {
        return None;
    }
    // SAFETY: dladdr gives a NUL-terminated path that lives as long as the library is loaded.
    let name = unsafe { CStr::from_ptr(info.dli_fname) };
    Some(std::path::PathBuf::from(
        name.to_string_lossy().into_owned(),
    ))
}

/// Initialise `req`'s library if needed, then run its thunk (0), or -1 if it failed to start.
fn serve(vm: &mut Vm, req: Request) -> c_int {
    let key = req.module as usize;
    let state = STATES.with(|s| s.borrow().get(&key).copied());
    let ok = match state {
        Some(State::Ready) | Some(State::Running) => true,
        Some(State::Failed) => false,
        None => {
            STATES.with(|s| s.borrow_mut().insert(key, State::Running));
            let ok = init_library(vm, req.module);
            let st = if ok { State::Ready } else { State::Failed };
            STATES.with(|s| s.borrow_mut().insert(key, st));
            ok
        }
    };
    if !ok {
        vm.flush_stdout();
        return -1;
    }
    crate::cffi::call::as_c_call(vm, || {
        // SAFETY: the thunk and its context come from the library's generated entry point
        // (abi.rs's contract), which waits for this call to finish.
        unsafe { (req.thunk)(req.ctx) }
    });
    vm.flush_stdout();
    0
}

/// Import the library as its module and run its init code; false (after the report) on error.
fn init_library(vm: &mut Vm, m: *const EmbedModule) -> bool {
    // SAFETY: `m` is the library's static descriptor (abi.rs's contract).
    let desc = unsafe { &*m };
    if desc.version != ffi::apimode_embed::ABI_VERSION
        || desc.module_name.is_null()
        || desc.init_code.is_null()
    {
        eprintln!(
            "minipy: an embedding library built by an incompatible minipy (descriptor version {}, expected {}): rebuild it with ffi.compile()",
            desc.version,
            ffi::apimode_embed::ABI_VERSION
        );
        return false;
    }
    // SAFETY: both strings are NUL-terminated static data of the library (generated C).
    let (name, code) = unsafe {
        (
            CStr::from_ptr(desc.module_name)
                .to_string_lossy()
                .into_owned(),
            CStr::from_ptr(desc.init_code as *const std::ffi::c_char)
                .to_string_lossy()
                .into_owned(),
        )
    };
    let base = vm.sp();
    let r = match library_path(m) {
        Some(path) => run_init(vm, &path, &name, &code),
        None => Err(vm.raise(
            "ImportError",
            &format!("cannot find the shared library of module '{name}'"),
        )),
    };
    vm.truncate(base);
    if r.is_err() {
        report_failure(vm, &name);
        return false;
    }
    true
}

fn run_init(vm: &mut Vm, path: &std::path::Path, name: &str, code: &str) -> PyResult<()> {
    crate::cffi::api_import::load(vm, path, name)?;
    let base = vm.sp();
    let k = vm.intern("compile");
    let compile = vm.dict_get_str(vm.roots.builtins, k);
    let k = vm.intern("exec");
    let exec = vm.dict_get_str(vm.roots.builtins, k);
    let (Some(compile), Some(exec)) = (compile, exec) else {
        return Err(vm.raise("RuntimeError", "builtins.compile/exec are missing"));
    };
    vm.push(compile);
    vm.push(exec);
    let r = (|| {
        let src = vm.new_str(code)?;
        vm.push(src);
        let fname = vm.new_str(&format!("<init code for '{name}'>"))?;
        vm.push(fname);
        let mode = vm.new_str("exec")?;
        let co = vm.call(vm.at(base), &[vm.at(base + 2), vm.at(base + 3), mode])?;
        vm.push(co);
        let g = vm.new_dict()?;
        vm.push(g);
        let k = vm.intern("__builtins__");
        vm.dict_set(vm.at(base + 5), k, vm.roots.builtins)?;
        vm.call(vm.at(base + 1), &[vm.at(base + 4), vm.at(base + 5)])
    })();
    vm.truncate(base);
    r.map(|_| ())
}

/// CFFI's report of a failed initialisation, on `sys.stderr`.
fn report_failure(vm: &mut Vm, name: &str) {
    let e = vm.take_exc();
    let base = vm.sp();
    vm.push(e);
    let tb = if e.is_null() {
        String::new()
    } else {
        vm.format_traceback(vm.at(base))
    };
    let path = vm
        .import_module("sys", true)
        .and_then(|sys| vm.getattr_str(sys, "path"))
        .and_then(|p| vm.repr_string(p))
        .unwrap_or_default();
    vm.take_exc();
    let msg = format!(
        "Failed to initialize the Python-CFFI embedding logic:\n\n{tb}\nFrom: {name}\ncompiled with minipy's cffi\n_cffi_backend module: built-in\nsys.path: {path}\n\n"
    );
    crate::cffi::stderr::write(vm, &msg);
    vm.truncate(base);
}
