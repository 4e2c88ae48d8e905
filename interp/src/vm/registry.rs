//! The registry of everything the VM core does not define itself: native modules by import name,
//! bootstrap installers, and import hooks (CPython's inittab, RustPython's
//! `Interpreter::builder().add_native_modules`, MicroPython's `MP_REGISTER_MODULE`).
//!
//! Dependencies point one way: the core (vm/, obj/, compiler/, format/) never names the builtins or
//! cffi layers; those layers hand their entry points to a `Registry`, the binary builds one
//! (`crate::interpreter::standard_registry`) and gives it to `Vm::new`. `interp/tests/layering.rs`
//! fails if a core file names an upper layer.
//!
//! Invariants: module names are unique (a duplicate registration panics: it is a build mistake, not
//! a runtime condition); installers run once, in registration order, at the end of the bootstrap
//! (after the builtin types, the builtins namespace and the core natives exist); import hooks are
//! consulted in registration order, after the native modules and before the `.py` search.

use super::{PyResult, Vm};
use gc::Value;

/// Builds a fresh module object (the importer caches it in sys.modules).
pub type ModuleMaker = fn(&mut Vm) -> PyResult<Value>;
/// Adds functions, methods or types to the builtins at bootstrap.
pub type Installer = fn(&mut Vm);
/// Given a dotted module name: `Some(result)` when the hook handles this module, `None` to let the
/// next hook (then the `.py` search) run.
pub type ImportHook = fn(&mut Vm, &str) -> Option<PyResult<Value>>;

/// Calls the foreign (Kind::Foreign) callable at stack slot `fslot` with `nargs` positional arguments
/// above it and `kwnames`: `Some(result)` when handled, `None` (before any GC point) for the generic
/// `__call__` path. The caller truncates the stack to `fslot` after a `Some`.
pub type ForeignCall = fn(&mut Vm, usize, usize, Value) -> Option<PyResult<Value>>;
/// `o[k]` on a foreign object: `None` (before any GC point) for the generic `__getitem__` path.
pub type ForeignGetItem = fn(&mut Vm, Value, Value) -> Option<PyResult<Value>>;
/// `o[k] = v` on a foreign object: true if done, false (before any GC point) for `__setitem__`.
pub type ForeignSetItem = fn(&mut Vm, Value, Value, Value) -> bool;
/// `o.name` on a foreign object: `None` (before any GC point) for the generic lookup.
pub type ForeignGetAttr = fn(&mut Vm, Value, Value) -> Option<PyResult<Value>>;
/// `o.name = v` on a foreign object: true if done, false (before any GC point) for the generic path.
pub type ForeignSetAttr = fn(&mut Vm, Value, Value, Value) -> bool;

/// The fast paths an upper layer (cffi) offers for its foreign objects, so the eval loop and the
/// containers reach them without a special-method lookup.
#[derive(Clone, Copy, Default)]
pub struct ForeignFastPaths {
    pub call: Option<ForeignCall>,
    pub getitem: Option<ForeignGetItem>,
    pub setitem: Option<ForeignSetItem>,
    pub getattr: Option<ForeignGetAttr>,
    pub setattr: Option<ForeignSetAttr>,
}

/// What the embedding adds to a VM; built with the `add_*` builder methods.
#[derive(Clone, Default)]
pub struct Registry {
    modules: Vec<(&'static str, ModuleMaker)>,
    installers: Vec<Installer>,
    import_hooks: Vec<ImportHook>,
    /// Fast paths for Kind::Foreign objects (none by default).
    pub foreign: ForeignFastPaths,
}

impl Registry {
    /// An empty registry: a VM with only the core types and natives.
    pub fn new() -> Registry {
        Registry::default()
    }

    /// Registers the native module `name`.
    pub fn add_native_module(mut self, name: &'static str, make: ModuleMaker) -> Registry {
        assert!(
            self.native_module(name).is_none(),
            "native module '{name}' registered twice"
        );
        self.modules.push((name, make));
        self
    }

    /// Registers several native modules (a layer's table of `(name, maker)`).
    pub fn add_native_modules(self, modules: &[(&'static str, ModuleMaker)]) -> Registry {
        modules
            .iter()
            .fold(self, |r, &(name, make)| r.add_native_module(name, make))
    }

    /// Registers a bootstrap installer.
    pub fn add_installer(mut self, f: Installer) -> Registry {
        self.installers.push(f);
        self
    }

    /// Sets the fast paths for foreign objects.
    pub fn set_foreign_fast_paths(mut self, f: ForeignFastPaths) -> Registry {
        self.foreign = f;
        self
    }

    /// Registers an import hook.
    pub fn add_import_hook(mut self, h: ImportHook) -> Registry {
        self.import_hooks.push(h);
        self
    }

    /// The maker of native module `name`, if registered.
    pub fn native_module(&self, name: &str) -> Option<ModuleMaker> {
        self.modules
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, make)| make)
    }

    /// The names of the native modules, in registration order.
    pub fn native_module_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.modules.iter().map(|&(n, _)| n)
    }

    pub fn installers(&self) -> &[Installer] {
        &self.installers
    }

    pub fn import_hooks(&self) -> &[ImportHook] {
        &self.import_hooks
    }
}
