//! The `cffi` / `_cffi_backend` modules: CFFI's ABI mode on top of the `ffi` crate (C types, cdef
//! parser, conversions, libffi calls and closures, dlopen).
//!
//! Object model: every cffi object is a `Kind::Foreign` heap object whose `data` is a boxed Rust
//! struct, one per object kind, implementing `ForeignData`: [`ffi_obj::FfiData`] (the FFI
//! object), [`ctype_obj::CTypeData`], [`ctype_obj::CFieldData`], [`cdata::CDataObj`] (cdata,
//! including handles and callbacks), [`lib_obj::LibData`], [`buffer::BufData`] and the array
//! iterator of cdata_ops.rs. The per-FFI state ([`FfiShared`]: declarations, prepared call
//! interfaces) is plain Rust data shared through an `Rc` by the FFI object and every
//! ctype/cdata/lib made from it.
//!
//! GC rules: what an object keeps alive is a named `Value` field of its struct, with one meaning
//! (`CDataObj::owner`, `CDataObj::destructor`, `LibData::ffi_obj`...). Those fields are GC
//! references: the collector reaches them through the struct's `ForeignData::refs` (the
//! object's custom trace) and updates them when objects move. [`new_foreign`] roots them across
//! the allocation of the object; a later store goes through a setter that applies the write
//! barrier (`cdata::set_destructor`...). The boxed data itself never moves. [`foreign`] /
//! [`foreign_mut`] borrow the Vm (`&Vm -> &T`, `&mut Vm -> &mut T`), so a reference into the data
//! cannot be held across an allocation or a call into Python: callers copy out what they need
//! (`CData::view`, `LibHandle`, `Shared` clones, the Values themselves, re-read after GC points).
//!
//! Memory: C-visible memory (ffi.new, struct results, primitive cdata, closures) is malloc'd, so it
//! never moves; the cdata object that owns it may move freely and frees it in its destructor.
//!
//! Files: module.rs (module objects, classes, exceptions), ffi_obj.rs / ffi_new.rs / ffi_misc.rs
//! (the FFI methods), ctype_obj.rs, cdata.rs (the CData value and its repr), conv.rs (Python <-> C
//! conversions), cdata_ops.rs (operators), lib_obj.rs, call.rs (calling C), callback.rs,
//! handles.rs, buffer.rs, check/ (the `MINIPY_FFI_CHECK` lifetime checker); API mode: apimode.rs (set_source, compile, include), api_import.rs
//! (importing compiled modules), extern_python.rs (`@ffi.def_extern()`), embedding.rs
//! (`embedding_api`, `embedding_init_code`; the runtime is interp/src/embed/).

pub mod api_import;
pub mod apimode;
pub mod backend_fns;
pub mod backend_lib;
pub mod buffer;
pub mod call;
pub mod callback;
pub mod cdata;
pub mod cdata_ops;
pub mod check;
pub mod conv;
pub mod ctype_obj;
pub mod dir_attrs;
pub mod embedding;
pub mod extern_python;
pub mod fast;
pub mod ffi_attrs;
pub mod ffi_misc;
pub mod ffi_new;
pub mod ffi_obj;
pub mod handles;
pub mod lib_meta;
pub mod lib_obj;
pub mod module;
pub mod pin;
pub mod stderr;
pub mod typecache;

use crate::obj::layout::{ForeignData, ForeignObj, Kind};
use crate::vm::{Exc, PyResult, Vm};
use ffi::{CallInterface, Declarations, TypeId, TypeTable};
use gc::Value;
use std::any::Any;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

pub use module::make_module;

/// State shared by one FFI object and everything made from it.
pub struct FfiShared {
    pub decls: RefCell<Declarations>,
    /// Prepared call interfaces by (function type, variadic argument types).
    pub cifs: RefCell<CifCache>,
    /// API mode: set_source / compiled-module state (apimode.rs).
    pub api: RefCell<apimode::ApiState>,
    /// Call/struct plans and parsed cdecl strings (fast.rs); cleared when declarations change.
    pub plans: RefCell<fast::Plans>,
    /// Bumped whenever declarations change: plans cached in cdata objects check it.
    pub generation: Cell<u32>,
}

pub type Shared = Rc<FfiShared>;

/// Call interfaces by (function type, variadic argument types).
pub type CifCache = HashMap<(TypeId, Vec<TypeId>), Rc<CallInterface>>;

impl FfiShared {
    pub fn new() -> Shared {
        Rc::new(FfiShared {
            decls: RefCell::new(Declarations::new()),
            cifs: RefCell::new(HashMap::new()),
            api: RefCell::new(apimode::ApiState::default()),
            plans: RefCell::new(fast::Plans::default()),
            generation: Cell::new(0),
        })
    }

    /// The type table (borrow briefly: never across a call into Python).
    pub fn tt(&self) -> Ref<'_, TypeTable> {
        Ref::map(self.decls.borrow(), |d| &d.types)
    }

    /// Mutable access to the declarations; an error instead of a panic if they are in use.
    pub fn with_decls<R>(
        &self,
        f: impl FnOnce(&mut Declarations) -> ffi::Result<R>,
    ) -> ffi::Result<R> {
        match self.decls.try_borrow_mut() {
            Ok(mut d) => f(&mut d),
            Err(_) => Err(ffi::Error::new(
                ffi::ErrorKind::Ffi,
                "FFI declarations are busy",
            )),
        }
    }

    /// Parses a cdecl string (recently parsed strings come from a small cache).
    pub fn parse_type(&self, s: &str) -> ffi::Result<TypeId> {
        if let Some(t) = self.plans.borrow().type_str(s) {
            return Ok(t);
        }
        let t = self.with_decls(|d| d.parse_type(s))?;
        self.plans.borrow_mut().remember_type_str(s, t);
        Ok(t)
    }

    /// Forgets the plans derived from the declarations (call after cdef, include, import).
    pub fn decls_changed(&self) {
        self.cifs.borrow_mut().clear();
        self.plans.borrow_mut().clear();
        self.generation.set(self.generation.get().wrapping_add(1));
    }

    /// Pointer to `t` (never call with a borrow of the type table alive; recent answers come
    /// from a small cache).
    pub fn pointer_to(&self, t: TypeId) -> TypeId {
        if let Some(p) = self.plans.borrow().pointer(t) {
            return p;
        }
        match self.with_decls(|d| Ok(d.types.pointer(t))) {
            Ok(p) => {
                self.plans.borrow_mut().remember_pointer(t, p);
                p
            }
            Err(_) => t,
        }
    }

    /// `void *`.
    pub fn void_ptr(&self) -> TypeId {
        if let Some(t) = self.plans.borrow().void_ptr {
            return t;
        }
        let v = self.tt().void();
        let t = self.pointer_to(v);
        self.plans.borrow_mut().void_ptr = Some(t);
        t
    }

    pub fn array_of(&self, t: TypeId, n: Option<usize>) -> ffi::Result<TypeId> {
        self.with_decls(|d| d.types.array(t, n))
    }

    pub fn name(&self, t: TypeId) -> String {
        self.tt().name(t).to_string()
    }

    /// The cached call interface for `fn_type` with variadic argument types `extra`.
    pub fn cif(&self, fn_type: TypeId, extra: Vec<TypeId>) -> ffi::Result<Rc<CallInterface>> {
        let key = (fn_type, extra);
        if let Some(c) = self.cifs.borrow().get(&key) {
            return Ok(c.clone());
        }
        let c = {
            let tt = self.tt();
            if key.1.is_empty() && !tt.func(fn_type).is_some_and(|f| f.variadic) {
                CallInterface::new(&tt, fn_type)?
            } else {
                CallInterface::new_variadic(&tt, fn_type, &key.1)?
            }
        };
        let c = Rc::new(c);
        self.cifs.borrow_mut().insert(key, c.clone());
        Ok(c)
    }
}

/// Raises the Python exception CFFI raises for an `ffi` error.
pub fn raise_ffi(vm: &mut Vm, e: ffi::Error) -> Exc {
    use ffi::ErrorKind as K;
    let name = match e.kind {
        K::CDef => "cffi.CDefError",
        K::Ffi => "cffi.FFIError",
        K::VerificationMissing => "cffi.VerificationMissing",
        K::Verification => "cffi.VerificationError",
        K::NotImplemented => "NotImplementedError",
        K::Type => "TypeError",
        K::Value => "ValueError",
        K::Overflow => "OverflowError",
        K::Index => "IndexError",
        K::Attribute => "AttributeError",
        K::Os => "OSError",
        K::Memory => "MemoryError",
    };
    module::ensure_types(vm);
    vm.raise(name, &e.message)
}

/// `r.map_err(raise)` for ffi results.
pub fn fr<T>(vm: &mut Vm, r: ffi::Result<T>) -> PyResult<T> {
    r.map_err(|e| raise_ffi(vm, e))
}

/// The Rust data of a Foreign object, if it is a `T`.
///
/// The reference borrows the Vm: it cannot be held across a GC point or a call into Python (both
/// need `&mut Vm`), so it never aliases a mutable reference to the same data nor outlives the
/// object. Copy out what is needed across such calls.
pub fn foreign<T: ForeignData>(vm: &Vm, v: Value) -> Option<&T> {
    let d = foreign_ptr(vm, v)?;
    // SAFETY: `d` is the live box owned by `v` (see foreign_ptr); the shared borrow of the Vm
    // excludes every `&mut` to it for the returned lifetime (foreign_mut needs `&mut Vm`).
    (unsafe { &*d } as &dyn Any).downcast_ref::<T>()
}

/// Mutable access to the Rust data of a Foreign object, if it is a `T`. A `Value` stored into it
/// needs `vm.heap.write_barrier(v)` afterwards (the setters of each kind do it).
pub fn foreign_mut<T: ForeignData>(vm: &mut Vm, v: Value) -> Option<&mut T> {
    let d = foreign_ptr(vm, v)?;
    // SAFETY: as foreign; the exclusive borrow of the Vm makes this the only reference.
    (unsafe { &mut *d } as &mut dyn Any).downcast_mut::<T>()
}

/// The boxed data of a Foreign object (None for other objects, or before the constructor ran).
/// The box never moves and lives as long as the object.
fn foreign_ptr(vm: &Vm, v: Value) -> Option<*mut dyn ForeignData> {
    if !vm.is(v, Kind::Foreign) {
        return None;
    }
    let d = vm.obj::<ForeignObj>(v).data;
    if (d as *mut u8).is_null() {
        return None;
    }
    Some(d)
}

/// Allocates a Foreign object of class `cls` owning `data`. Neither `cls` nor the `Value`s in
/// `data` need be rooted: they are pushed across the allocation and written back after it
/// (`refs` lists them in the same order both times).
pub fn new_foreign<T: ForeignData>(vm: &mut Vm, cls: Value, mut data: Box<T>) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(cls);
    for v in data.refs().into_iter().flatten() {
        vm.push(*v);
    }
    let r = vm.alloc(Kind::Foreign, 0);
    let cls = vm.at(base);
    for (i, v) in data.refs().into_iter().flatten().enumerate() {
        *v = vm.at(base + 1 + i);
    }
    vm.truncate(base);
    let o = r?;
    let data: Box<dyn ForeignData> = data;
    // SAFETY: a freshly allocated (young) object: raw stores need no barrier, and the box's
    // Values are reached through trace_foreign from now on.
    unsafe {
        let p = vm.payload::<ForeignObj>(o);
        (*p).cls = cls;
        (*p).data = Box::into_raw(data);
    }
    Ok(o)
}

/// A class object created by module.rs, by its registered name ("_cffi_backend.CData"...).
pub fn class(vm: &mut Vm, name: &str) -> Value {
    module::ensure_types(vm);
    vm.builtin_type(name)
}

/// Reads an optional argument: positional index `i` or keyword `name`.
pub fn opt_arg(vm: &Vm, a: &crate::vm::Args, i: usize, name: &str) -> Option<Value> {
    if vm.npos(a) > i {
        return Some(vm.arg(a, i));
    }
    vm.kwarg(a, name)
}

/// The str value of an argument, or a TypeError naming `what`.
pub fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    if vm.is(v, Kind::Str) {
        return Ok(vm.str_of(v).to_string());
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("{what} must be a str, not {tn}")))
}

/// Checks the number of positional arguments of a method (self excluded in the message).
pub fn arity(
    vm: &mut Vm,
    a: &crate::vm::Args,
    name: &str,
    min: usize,
    max: usize,
) -> PyResult<usize> {
    let n = vm.npos(a);
    if n < min || n > max {
        let (lo, hi) = (min.saturating_sub(1), max.saturating_sub(1));
        let msg = if lo == hi {
            format!(
                "{name}() takes exactly {lo} argument{} ({} given)",
                if lo == 1 { "" } else { "s" },
                n.saturating_sub(1)
            )
        } else if n < min {
            format!(
                "{name}() takes at least {lo} argument{} ({} given)",
                if lo == 1 { "" } else { "s" },
                n.saturating_sub(1)
            )
        } else {
            format!(
                "{name}() takes at most {hi} argument{} ({} given)",
                if hi == 1 { "" } else { "s" },
                n.saturating_sub(1)
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(n)
}
