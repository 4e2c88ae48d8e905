//! Opaque native state for the private data modules (`_hashlib`, `_random`): a `Kind::Foreign`
//! object of class `object` owning a boxed Rust value that holds no `Value`s. Python wrappers keep
//! such a handle in an attribute and pass it back to the module's functions; Python code never
//! looks inside it.
//!
//! GC: the boxed data holds no heap references (`refs` is empty), so the handle needs no tracing
//! beyond its class (an immortal builtin type) and can be re-read freely; `state_mut` borrows the
//! Vm, so the state cannot be held across a GC point.

use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;
use std::any::Any;

/// Rust data without heap references, wrapped so it can be a `ForeignData`.
struct Opaque<T: 'static>(T);

impl<T: 'static> ForeignData for Opaque<T> {
    fn refs(&mut self) -> ForeignRefs<'_> {
        Default::default()
    }
}

/// A new handle owning `data`.
pub fn new_handle<T: 'static>(vm: &mut Vm, data: T) -> PyResult<Value> {
    let o = vm.alloc(Kind::Foreign, 0)?;
    let cls = vm.builtin_type("object");
    let data: Box<dyn ForeignData> = Box::new(Opaque(data));
    // SAFETY: a freshly allocated (young) object: raw stores need no barrier; cls is a builtin type
    // (never moves) and the box holds no Values.
    unsafe {
        let p = vm.payload::<ForeignObj>(o);
        (*p).cls = cls;
        (*p).data = Box::into_raw(data);
    }
    Ok(o)
}

/// The state of handle `v`, or a TypeError if `v` is not a handle of this type.
pub fn state_mut<'a, T: 'static>(vm: &'a mut Vm, v: Value, what: &str) -> PyResult<&'a mut T> {
    let ok = v.is_ptr() && vm.is(v, Kind::Foreign) && {
        let d = vm.obj::<ForeignObj>(v).data;
        // SAFETY: a live Foreign object's data is null or its own box (see new_handle).
        !(d as *mut u8).is_null() && (unsafe { &*d } as &dyn Any).is::<Opaque<T>>()
    };
    if !ok {
        return Err(vm.type_error(format!("expected a {what} state")));
    }
    let d = vm.obj::<ForeignObj>(v).data;
    // SAFETY: checked above; the &mut Vm borrow makes this the only reference for its lifetime.
    let o = (unsafe { &mut *d } as &mut dyn Any).downcast_mut::<Opaque<T>>();
    Ok(&mut o.expect("checked").0)
}
