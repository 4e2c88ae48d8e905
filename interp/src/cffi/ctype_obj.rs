//! ctype objects (`ffi.typeof("int *")` -> `<ctype 'int *'>`): unique per type and FFI (see
//! `ffi_obj::ctype_object`), keeping their FFI object alive. Attributes: kind, cname, item, length,
//! fields (list of (name, CField)), args, result, ellipsis, abi, elements, relements.
//! Also [`type_arg`]: the C type named by a str or given as a ctype argument.

use super::cdata::cdata_of;
use super::ffi_obj::ctype_object;
use super::{class, foreign, fr, new_foreign, Shared};
use crate::obj::layout::{ForeignData, ForeignRefs, Kind, NativeFn};
use crate::vm::{Args, PyResult, Vm};
use ffi::{TypeId, TypeKind};
use gc::Value;

/// A ctype object's data (`Kind::Foreign`).
pub struct CTypeData {
    pub sh: Shared,
    pub ty: TypeId,
    /// The FFI object this ctype belongs to (its ctype cache holds this object; `item`, `fields`...
    /// make their ctypes through it). A GC reference, traced.
    pub ffi_obj: Value,
}

impl ForeignData for CTypeData {
    fn refs(&mut self) -> ForeignRefs<'_> {
        [Some(&mut self.ffi_obj), None, None, None, None]
    }
}

/// A CField object's data (an item of `ctype.fields`).
pub struct CFieldData {
    pub offset: usize,
    pub bitshift: i32,
    pub bitsize: i32,
    /// The ctype of the field (`.type`). A GC reference, traced.
    pub ctype: Value,
}

impl ForeignData for CFieldData {
    fn refs(&mut self) -> ForeignRefs<'_> {
        [Some(&mut self.ctype), None, None, None, None]
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("_cffi_backend.CType");
    let methods: &[(&str, NativeFn)] = &[
        ("__repr__", ctype_repr),
        ("__str__", ctype_repr),
        ("__getattr__", ctype_getattr),
    ];
    for (n, f) in methods {
        vm.add_native_method(t, n, *f);
    }
    let t = vm.builtin_type("_cffi_backend.CField");
    vm.add_native_method(t, "__getattr__", cfield_getattr);
}

/// The ctype data of a value.
pub fn ctype_of(vm: &Vm, v: Value) -> Option<&CTypeData> {
    foreign::<CTypeData>(vm, v)
}

/// The type meant by a `cdecl` argument: a str parsed by this FFI, or a ctype object.
pub fn type_arg(vm: &mut Vm, sh: &Shared, v: Value) -> PyResult<TypeId> {
    if vm.is(v, Kind::Str) {
        let r = sh.parse_type(vm.str_of(v));
        return fr(vm, r);
    }
    if let Some(c) = ctype_of(vm, v) {
        if std::rc::Rc::ptr_eq(&c.sh, sh) {
            return Ok(c.ty);
        }
        let name = c.sh.name(c.ty);
        let r = sh.parse_type(&name);
        return fr(vm, r);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "expected a cdecl string or a ctype, got '{tn}' object"
    )))
}

fn ctype_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    let Some(c) = ctype_of(vm, v) else {
        return vm.new_str("<ctype>");
    };
    let s = format!("<ctype '{}'>", c.sh.name(c.ty));
    vm.new_str(&s)
}

fn ctype_getattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (v, n) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let Some(c) = ctype_of(vm, v) else {
        return Err(vm.attr_error(v, n));
    };
    let ffi_obj = c.ffi_obj;
    let sh = c.sh.clone();
    let name = vm.str_of(n).to_string();
    let ty = c.ty;
    let kind = sh.tt().kind(ty).clone();
    let kind_name = sh.tt().kind_name(ty);
    match (name.as_str(), &kind) {
        ("kind", _) => vm.new_str(kind_name),
        ("cname", _) => {
            let s = sh.name(ty);
            vm.new_str(&s)
        }
        ("item", TypeKind::Pointer(t)) | ("item", TypeKind::Array { item: t, .. }) => {
            ctype_object(vm, ffi_obj, *t)
        }
        ("length", TypeKind::Array { length, .. }) => match length {
            Some(l) => vm.new_int(*l as i64),
            None => Ok(vm.none()),
        },
        ("fields", TypeKind::Struct(_)) => fields_list(vm, &sh, ffi_obj, ty),
        ("args", TypeKind::Function(f)) => {
            let base = vm.sp();
            vm.push(ffi_obj);
            for t in &f.args {
                let c = match ctype_object(vm, vm.at(base), *t) {
                    Ok(c) => c,
                    Err(e) => {
                        vm.truncate(base);
                        return Err(e);
                    }
                };
                vm.push(c);
            }
            let r = vm.new_tuple_from_stack(f.args.len());
            vm.truncate(base);
            r
        }
        ("result", TypeKind::Function(f)) => ctype_object(vm, ffi_obj, f.result),
        ("ellipsis", TypeKind::Function(f)) => Ok(vm.bool_val(f.variadic)),
        ("abi", TypeKind::Function(_)) => vm.new_int(2),
        ("elements", TypeKind::Enum(e)) | ("relements", TypeKind::Enum(e)) => {
            let rev = name == "relements";
            let base = vm.sp();
            let d = vm.new_dict()?;
            vm.push(d);
            for (n, val) in e.values.iter().rev() {
                let Some(val) = val else { continue };
                let r = (|| -> PyResult<()> {
                    let k = super::conv::new_int128(vm, *val)?;
                    vm.push(k);
                    let s = vm.new_str(n)?;
                    vm.push(s);
                    let (k, s) = (vm.at(base + 1), vm.at(base + 2));
                    if rev {
                        vm.dict_set(vm.at(base), s, k)
                    } else {
                        vm.dict_set(vm.at(base), k, s)
                    }
                })();
                vm.truncate(base + 1);
                r?;
            }
            let d = vm.at(base);
            vm.truncate(base);
            Ok(d)
        }
        _ => {
            let tn = sh.name(ty);
            Err(vm.raise(
                "AttributeError",
                &format!("ctype '{tn}' has no attribute '{name}'"),
            ))
        }
    }
}

fn fields_list(vm: &mut Vm, sh: &Shared, ffi_obj: Value, ty: TypeId) -> PyResult<Value> {
    let fields: Vec<ffi::Field> = match sh.tt().fields(ty) {
        Some(f) => f.to_vec(),
        None => {
            let base = vm.sp();
            let _ = base;
            return Ok(vm.none());
        }
    };
    let base = vm.sp();
    vm.push(ffi_obj);
    let r = (|| -> PyResult<Value> {
        for f in &fields {
            let n = vm.new_str(&f.name)?;
            vm.push(n);
            let cls = class(vm, "_cffi_backend.CField");
            let ct = ctype_object(vm, vm.at(base), f.ty)?;
            let cf = new_foreign(
                vm,
                cls,
                Box::new(CFieldData {
                    offset: f.offset,
                    bitshift: f.bitshift,
                    bitsize: f.bitsize,
                    ctype: ct,
                }),
            )?;
            vm.push(cf);
            let t = vm.new_tuple_from_stack(2)?;
            vm.push(t);
        }
        vm.new_list_from_stack(fields.len())
    })();
    vm.truncate(base);
    r
}

fn cfield_getattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (v, n) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let Some(f) = foreign::<CFieldData>(vm, v) else {
        return Err(vm.attr_error(v, n));
    };
    let (offset, bitshift, bitsize, ctype) = (f.offset, f.bitshift, f.bitsize, f.ctype);
    match vm.str_of(n) {
        "type" => Ok(ctype),
        "offset" => vm.new_int(offset as i64),
        "bitshift" => vm.new_int(bitshift as i64),
        "bitsize" => vm.new_int(bitsize as i64),
        "flags" => vm.new_int(0),
        _ => Err(vm.attr_error(v, n)),
    }
}

/// `ffi.typeof(x)`: x a cdecl string, a ctype or a cdata.
pub fn typeof_value(vm: &mut Vm, ffi_obj: Value, sh: &Shared, x: Value) -> PyResult<TypeId> {
    if let Some(cd) = cdata_of(vm, x) {
        if std::rc::Rc::ptr_eq(&cd.sh, sh) {
            return Ok(cd.ty);
        }
        let name = cd.name();
        let r = sh.parse_type(&name);
        return fr(vm, r);
    }
    let _ = ffi_obj;
    if !vm.is(x, Kind::Str) && ctype_of(vm, x).is_none() {
        let tn = vm.type_name(x);
        return Err(vm.type_error(format!(
            "expected a cdata or a ctype or a str, got '{tn}' object"
        )));
    }
    type_arg(vm, sh, x)
}
