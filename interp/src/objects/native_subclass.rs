//! Instances of Python subclasses of `set` and `bytearray`. Like list/dict/str (and unlike the
//! immutable builtins, which are boxed: vm/boxed.rs) they keep the builtin's own kind and layout,
//! with the class and a `__dict__` in the payload's `cls`/`attrs` fields, so every native that
//! takes a set or a bytes-like object accepts them as it is, and the VM's generic operations
//! (`len`, `in`, iteration, operators, repr) defer to the subclass's Python overrides through
//! `subclass_override`.
//!
//! Construction, as CPython's: `Sub(args)` reaches `set.__new__(Sub, args)` /
//! `bytearray.__new__(Sub, args)` (`boxed_builtin_of` routes the call there), which makes an empty
//! instance; CPython then runs `set.__init__`/`bytearray.__init__`, which fill it. The VM's
//! `call_type` runs a Python `__init__` only, so when the class still uses the builtin's native
//! `__init__` (`uses_native_init`) the `__new__` fills the object itself, with the same arguments
//! and errors. (So an explicit `set.__new__(Sub, x)` of such a class fills too, where CPython's
//! ignores `x`: the native cannot tell that call from the construction's.)
//!
//! GC: the fresh object and its class are kept in value-stack slots across the `__dict__`
//! allocation; `cls`/`attrs` are stored with a write barrier after the last GC point.

use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

/// The checks of `set.__new__(cls)` / `bytearray.__new__(cls)` on argument 0: Some(cls) when it is
/// a proper Python subclass of the builtin `tname`, None when it is the builtin itself; CPython's
/// errors when it is not a type or not a subtype.
pub fn subclass_arg(vm: &mut Vm, a: &Args, kind: Kind) -> PyResult<Option<Value>> {
    let tname = crate::vm::builtins_setup::kind_type_name(kind as usize);
    if a.n == 0 {
        return Err(vm.type_error(format!("{tname}.__new__(): not enough arguments")));
    }
    let cls = vm.arg(a, 0);
    let builtin = vm.type_of_kind(kind);
    if cls == builtin {
        return Ok(None);
    }
    if !vm.is(cls, Kind::Type) {
        let tn = vm.type_name(cls);
        return Err(vm.type_error(format!("{tname}.__new__(X): X is not a type object ({tn})")));
    }
    if !vm.is_subtype(cls, builtin) {
        let n = vm.str_of(vm.obj::<TypeObj>(cls).name).to_string();
        return Err(vm.type_error(format!(
            "{tname}.__new__({n}): {n} is not a subtype of {tname}"
        )));
    }
    Ok(Some(cls))
}

/// Does class `cls` still initialise its instances with a builtin's native `__init__` (no Python
/// `__init__` anywhere before it in the MRO)?
pub fn uses_native_init(vm: &mut Vm, cls: Value) -> bool {
    match vm.lookup_type_str(cls, "__init__") {
        Some(f) => vm.is(f, Kind::Native),
        None => true,
    }
}

/// Makes the fresh set or bytearray at stack slot `vslot` an instance of the class at `cls_slot`,
/// with an empty `__dict__`; returns it.
pub fn adopt_class(vm: &mut Vm, vslot: usize, cls_slot: usize) -> PyResult<Value> {
    let attrs = vm.new_dict()?;
    let (v, cls) = (vm.at(vslot), vm.at(cls_slot));
    // SAFETY: v and cls were re-read from the stack after the last GC point (new_dict); v is a Set or
    // ByteArray as the match says; the barrier on v follows the stores.
    unsafe {
        match vm.kind(v) {
            Kind::Set => {
                let p = vm.payload::<DictObj>(v);
                (*p).cls = cls;
                (*p).attrs = attrs;
            }
            Kind::ByteArray => {
                let p = vm.payload::<ByteArrayObj>(v);
                (*p).cls = cls;
                (*p).attrs = attrs;
            }
            _ => return Err(vm.type_error("cannot adopt a class")),
        }
    }
    vm.heap.write_barrier(v);
    vm.note_finalizable(v, cls);
    Ok(v)
}
