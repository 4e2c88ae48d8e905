//! CFFI's global type cache: a C type that names no struct, union or enum (`int`, `char *`,
//! `int(*)(double)`, `long[3][4]`; `FILE` counts as a primitive) is one ctype object for the whole VM, whatever FFI asked for it,
//! so that `ffi1.typeof("int") is ffi2.typeof("int")`. Such a type means the same in every FFI,
//! so the ctype made by the first FFI (and its type table) serves all; conversions between
//! tables already compare these types by their C spelling. Struct/union/enum types stay per FFI
//! (each cdef declares its own), as do the types built from them.
//!
//! The cache is a dict from the C spelling to the ctype, kept in the VM's rooted type list under
//! the registered name [`KEY`] (made once per VM by [`cache`]).

use super::Shared;
use crate::vm::{PyResult, Vm};
use ffi::{TypeId, TypeKind, TypeTable};
use gc::Value;

const KEY: &str = "_cffi_backend.__ctype_cache";

/// The VM's global ctype dict (made on first use; rooted forever).
fn cache(vm: &mut Vm) -> PyResult<Value> {
    if let Some(&i) = vm.type_names.get(KEY) {
        return Ok(vm.roots.types[i]);
    }
    let d = vm.new_dict()?;
    vm.roots.types.push(d);
    vm.type_names
        .insert(KEY.to_string(), vm.roots.types.len() - 1);
    Ok(d)
}

/// True if `t` is built only from void and primitive types (no struct, union, enum or
/// compiler-sized number anywhere in it).
fn structural(tt: &TypeTable, t: TypeId) -> bool {
    match tt.kind(t) {
        TypeKind::Void | TypeKind::Primitive(_) => true,
        TypeKind::Pointer(i) => structural(tt, *i),
        TypeKind::Array { item, .. } => structural(tt, *item),
        TypeKind::Function(f) => {
            structural(tt, f.result) && f.args.iter().all(|a| structural(tt, *a))
        }
        // `FILE`, the one predeclared struct: the same type in every FFI, as in CFFI
        TypeKind::Struct(s) => s.tag == "$FILE" && s.members.is_none(),
        _ => false,
    }
}

/// The cache key of `ty` (its C spelling) if it is shared across FFIs.
pub fn key_of(sh: &Shared, ty: TypeId) -> Option<String> {
    let tt = sh.tt();
    structural(&tt, ty).then(|| tt.name(ty).to_string())
}

/// The shared ctype for `key`, if one was made.
pub fn lookup(vm: &mut Vm, key: &str) -> PyResult<Option<Value>> {
    let d = cache(vm)?;
    let base = vm.sp();
    vm.push(d);
    let k = vm.new_str(key)?;
    let d = vm.at(base);
    vm.truncate(base);
    vm.dict_get(d, k)
}

/// Records `ctype` as the shared ctype for `key`.
pub fn remember(vm: &mut Vm, key: &str, ctype: Value) -> PyResult<()> {
    let base = vm.sp();
    vm.push(ctype);
    let r = (|| {
        let d = cache(vm)?;
        vm.push(d);
        let k = vm.new_str(key)?;
        vm.dict_set(vm.at(base + 1), k, vm.at(base))
    })();
    vm.truncate(base);
    r
}
