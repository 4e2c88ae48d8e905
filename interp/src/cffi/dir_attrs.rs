//! `dir()` of ctype and cdata objects, as CFFI answers it: a ctype lists the attributes of its
//! kind (`kind`, `cname`, then `item`/`length`/`fields`/`args`...); a struct or union cdata, or
//! a pointer to one, lists its field names (sorted); other cdata list nothing.

use super::cdata::cdata_of;
use super::ctype_obj::ctype_of;
use crate::vm::{Args, PyResult, Vm};
use ffi::{TypeId, TypeKind, TypeTable};
use gc::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("_cffi_backend.CType");
    vm.add_native_method(t, "__dir__", ctype_dir);
    let t = vm.builtin_type("_cffi_backend.CData");
    vm.add_native_method(t, "__dir__", cdata_dir);
}

fn str_list(vm: &mut Vm, mut names: Vec<String>) -> PyResult<Value> {
    names.sort();
    let base = vm.sp();
    for n in &names {
        match vm.new_str(n) {
            Ok(s) => vm.push(s),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    let r = vm.new_list_from_stack(names.len());
    vm.truncate(base);
    r
}

fn ctype_dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    let names: Vec<&str> = match ctype_of(vm, v) {
        None => Vec::new(),
        Some(c) => {
            let extra: &[&str] = match c.sh.tt().kind(c.ty) {
                TypeKind::Pointer(_) => &["item"],
                TypeKind::Array { .. } => &["item", "length"],
                TypeKind::Struct(_) => &["fields"],
                TypeKind::Function(_) => &["abi", "args", "ellipsis", "result"],
                TypeKind::Enum(_) => &["elements", "relements"],
                _ => &[],
            };
            let mut n = vec!["cname", "kind"];
            n.extend_from_slice(extra);
            n
        }
    };
    let names = names.into_iter().map(String::from).collect();
    str_list(vm, names)
}

/// The field names of struct `t` (or of the struct `t` points to).
fn fields(tt: &TypeTable, t: TypeId, through_pointer: bool) -> Vec<String> {
    match tt.kind(t) {
        TypeKind::Struct(_) => tt
            .fields(t)
            .map(|f| f.iter().map(|f| f.name.clone()).collect())
            .unwrap_or_default(),
        TypeKind::Pointer(i) if through_pointer => fields(tt, *i, false),
        _ => Vec::new(),
    }
}

fn cdata_dir(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    let names = match cdata_of(vm, v) {
        Some(cd) => fields(&cd.sh.tt(), cd.ty, true),
        None => Vec::new(),
    };
    str_list(vm, names)
}
