//! The `cffi` / `_cffi_backend` modules: CFFI's ABI mode on top of the `ffi` crate (C types, cdef
//! parser, conversions, libffi calls and closures, dlopen).
//!
//! Object model: every cffi object is a `Kind::Foreign` heap object whose `data` is a Rust value:
//! [`ffi_obj::FfiData`] (the FFI object), [`ctype_obj::CTypeData`], [`cdata::CData`],
//! [`lib_obj::LibData`], [`buffer::BufData`]. The per-FFI state ([`FfiShared`]: declarations,
//! prepared call interfaces) is plain Rust data shared through an `Rc` by the FFI object and every
//! ctype/cdata/lib made from it. No `Value` is ever stored in Rust data: what an object must keep
//! alive goes in the traced `keep`/`keep2` fields.
//!
//! Memory: C-visible memory (ffi.new, struct results, primitive cdata, closures) is malloc'd, so it
//! never moves; the cdata object that owns it may move freely and frees it in its destructor.
//!
//! Files: module.rs (module objects, classes, exceptions), ffi_obj.rs / ffi_new.rs / ffi_misc.rs
//! (the FFI methods), ctype_obj.rs, cdata.rs (the CData value and its repr), conv.rs (Python <-> C
//! conversions), cdata_ops.rs (operators), lib_obj.rs, call.rs (calling C), callback.rs,
//! handles.rs, buffer.rs; API mode: apimode.rs (set_source, compile, include), api_import.rs
//! (importing compiled modules), extern_python.rs (`@ffi.def_extern()`).

pub mod api_import;
pub mod apimode;
pub mod buffer;
pub mod call;
pub mod callback;
pub mod cdata;
pub mod cdata_ops;
pub mod conv;
pub mod ctype_obj;
pub mod extern_python;
pub mod fast;
pub mod ffi_misc;
pub mod ffi_new;
pub mod ffi_obj;
pub mod handles;
pub mod lib_obj;
pub mod module;

use crate::obj::layout::{ForeignObj, Kind};
use crate::vm::{Exc, PyResult, Vm};
use ffi::{CallInterface, Declarations, TypeId, TypeTable};
use gc::Value;
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
        let v = self.tt().void();
        self.pointer_to(v)
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
/// The returned reference points into the object's boxed data, which never moves: it stays valid
/// while the object is alive (callers keep it rooted, e.g. as a native argument), across GC points.
pub fn foreign<T: 'static>(vm: &Vm, v: Value) -> Option<&'static mut T> {
    if !vm.is(v, Kind::Foreign) {
        return None;
    }
    let d = vm.obj::<ForeignObj>(v).data;
    if (d as *mut u8).is_null() {
        return None;
    }
    // SAFETY: `data` is a live Box<dyn Any> owned by the object (see above for the lifetime).
    unsafe { (*d).downcast_mut::<T>() }
}

/// Allocates a Foreign object of class `cls` owning `data`, keeping `keep` and `keep2` alive.
/// `cls`, `keep` and `keep2` need not be rooted (they are pushed across the allocation).
pub fn new_foreign(
    vm: &mut Vm,
    cls: Value,
    data: Box<dyn std::any::Any>,
    keep: Value,
    keep2: Value,
) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(cls);
    vm.push(keep);
    vm.push(keep2);
    let r = vm.alloc(Kind::Foreign, 0);
    let (cls, keep, keep2) = (vm.at(base), vm.at(base + 1), vm.at(base + 2));
    vm.truncate(base);
    let o = r?;
    // SAFETY: a freshly allocated (young) object: raw stores need no barrier.
    unsafe {
        let p = vm.payload::<ForeignObj>(o);
        (*p).cls = cls;
        (*p).keep = keep;
        (*p).keep2 = keep2;
        (*p).data = Box::into_raw(data);
    }
    Ok(o)
}

/// The `keep` field of a Foreign object.
pub fn keep_of(vm: &Vm, v: Value) -> Value {
    vm.obj::<ForeignObj>(v).keep
}

/// The `keep2` field of a Foreign object.
pub fn keep2_of(vm: &Vm, v: Value) -> Value {
    vm.obj::<ForeignObj>(v).keep2
}

/// Sets the `keep` field (with the write barrier).
pub fn set_keep(vm: &mut Vm, obj: Value, v: Value) {
    // SAFETY: obj is a live Foreign object; the barrier follows the store.
    unsafe { (*vm.payload::<ForeignObj>(obj)).keep = v };
    vm.heap.write_barrier(obj);
}

/// Sets the `keep2` field (with the write barrier).
pub fn set_keep2(vm: &mut Vm, obj: Value, v: Value) {
    // SAFETY: as set_keep.
    unsafe { (*vm.payload::<ForeignObj>(obj)).keep2 = v };
    vm.heap.write_barrier(obj);
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
