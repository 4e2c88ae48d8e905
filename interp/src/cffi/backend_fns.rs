//! `_cffi_backend`'s low-level type API, the one CFFI's own test_c.py is written against:
//! new_primitive_type, new_pointer_type, new_array_type, new_void_type, new_struct_type,
//! new_union_type, complete_struct_or_union, new_function_type, new_enum_type, getcname,
//! typeoffsetof; and the module-level sizeof/alignof/typeof/cast/newp/string/callback/...,
//! which are the bound methods of the same hidden FFI.
//!
//! Every type these functions make lives in one hidden FFI object per VM (the "backend FFI",
//! made on first use and rooted forever under [`KEY`]): a ctype argument from another FFI is
//! re-read in the backend's table by its C spelling (`type_arg`), and types without a struct,
//! union or enum are the VM-wide ctypes of typecache.rs anyway. A struct made by
//! new_struct_type is opaque until complete_struct_or_union gives it its fields.

use super::ctype_obj::{ctype_of, type_arg};
use super::ffi_obj::{ctype_object, FfiData};
use super::{foreign, fr, opt_arg, str_arg, Shared};
use crate::obj::layout::{Kind, NativeFn};
use crate::vm::{Args, PyResult, Vm};
use ffi::{Member, TypeId, TypeKind};
use gc::Value;

const KEY: &str = "_cffi_backend.__backend_ffi";

/// complete_struct_or_union's `sflags` bit for `packed` (CFFI's SF_PACKED).
const SF_PACKED: i64 = 0x08;

/// The backend FFI object (made on first use).
fn backend_obj(vm: &mut Vm) -> PyResult<Value> {
    if let Some(&i) = vm.type_names.get(KEY) {
        return Ok(vm.roots.types[i]);
    }
    let cls = super::class(vm, "_cffi_backend.FFI");
    let f = vm.call(cls, &[])?;
    vm.roots.types.push(f);
    vm.type_names
        .insert(KEY.to_string(), vm.roots.types.len() - 1);
    Ok(f)
}

/// The backend FFI's shared state.
pub(super) fn backend(vm: &mut Vm) -> PyResult<Shared> {
    let f = backend_obj(vm)?;
    match foreign::<FfiData>(vm, f) {
        Some(d) => Ok(d.sh.clone()),
        None => Err(vm.type_error("the cffi backend FFI is missing")),
    }
}

/// The ctype object of backend type `ty`.
fn mk(vm: &mut Vm, ty: TypeId) -> PyResult<Value> {
    let f = backend_obj(vm)?;
    ctype_object(vm, f, ty)
}

/// Argument `i` as a ctype, in the backend's table.
pub(super) fn ctype_arg(
    vm: &mut Vm,
    sh: &Shared,
    a: &Args,
    i: usize,
    fname: &str,
) -> PyResult<TypeId> {
    let v = vm.arg(a, i);
    if ctype_of(vm, v).is_none() {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("{fname}: expected a ctype, got '{tn}' object")));
    }
    type_arg(vm, sh, v)
}

/// Checks the number of positional arguments (`f() takes N arguments (n given)`).
fn nargs(vm: &mut Vm, a: &Args, fname: &str, lo: usize, hi: usize) -> PyResult<()> {
    let n = vm.npos(a);
    if n >= lo && n <= hi {
        return Ok(());
    }
    let want = if lo == hi {
        format!("exactly {lo}")
    } else if n < lo {
        format!("at least {lo}")
    } else {
        format!("at most {hi}")
    };
    let s = if lo == hi && lo == 1 { "" } else { "s" };
    Err(vm.type_error(format!("{fname}() takes {want} argument{s} ({n} given)")))
}

/// Installs the functions and the bound methods on the `_cffi_backend` module at `slot`.
pub fn fill(vm: &mut Vm, slot: usize) -> PyResult<()> {
    let fns: &[(&str, NativeFn)] = &[
        ("new_primitive_type", new_primitive_type),
        ("new_pointer_type", new_pointer_type),
        ("new_array_type", new_array_type),
        ("new_void_type", new_void_type),
        ("new_struct_type", new_struct_type),
        ("new_union_type", new_union_type),
        ("complete_struct_or_union", complete_struct_or_union),
        ("new_function_type", new_function_type),
        ("new_enum_type", new_enum_type),
        ("getcname", getcname),
        ("typeoffsetof", typeoffsetof),
        ("load_library", super::backend_lib::load_library),
        ("newp_handle", newp_handle),
        ("rawaddressof", rawaddressof),
        ("_get_types", get_types),
        ("get_errno", get_errno),
        ("set_errno", set_errno),
    ];
    for (n, f) in fns {
        vm.module_add_fn(vm.at(slot), n, *f)?;
    }
    for (n, m) in [
        ("sizeof", "sizeof"),
        ("alignof", "alignof"),
        ("typeof", "typeof"),
        ("cast", "cast"),
        ("newp", "new"),
        ("string", "string"),
        ("callback", "callback"),
        ("from_handle", "from_handle"),
        ("memmove", "memmove"),
        ("from_buffer", "from_buffer"),
        ("unpack", "unpack"),
        ("release", "release"),
        ("gcp", "gc"),
    ] {
        let f = backend_obj(vm)?; // rooted: re-read after each allocation
        let b = vm.getattr_str(f, m)?;
        vm.module_set(vm.at(slot), n, b)?;
    }
    for (n, v) in [("FFI_DEFAULT_ABI", 2), ("FFI_CDECL", 2)] {
        let v = vm.new_int(v)?;
        vm.module_set(vm.at(slot), n, v)?;
    }
    Ok(())
}

fn new_primitive_type(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "new_primitive_type", 1, 1)?;
    let v = vm.arg(&a, 0);
    let name = str_arg(vm, v, "new_primitive_type() argument")?;
    let sh = backend(vm)?;
    let t = sh
        .parse_type(&name)
        .ok()
        .filter(|t| sh.tt().prim(*t).is_some());
    match t {
        Some(t) => mk(vm, t),
        None => Err(vm.raise("KeyError", &name)),
    }
}

fn new_pointer_type(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "new_pointer_type", 1, 1)?;
    let sh = backend(vm)?;
    let t = ctype_arg(vm, &sh, &a, 0, "new_pointer_type")?;
    let p = sh.pointer_to(t);
    mk(vm, p)
}

fn new_array_type(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "new_array_type", 2, 2)?;
    let sh = backend(vm)?;
    let t = ctype_arg(vm, &sh, &a, 0, "new_array_type")?;
    let item = match sh.tt().kind(t) {
        TypeKind::Pointer(i) => Some(*i),
        _ => None,
    };
    let Some(item) = item else {
        return Err(vm.type_error("first arg must be a pointer ctype"));
    };
    if let TypeKind::Array { length: None, .. } = sh.tt().kind(item) {
        let n = sh.name(item);
        return Err(vm.value_error(format!("array item of unknown size: '{n}'")));
    }
    let n = vm.arg(&a, 1);
    let len = if n == vm.none() {
        None
    } else {
        let i = super::conv::index_ssize(vm, n)?;
        if i < 0 {
            return Err(vm.value_error("negative array length"));
        }
        Some(i as usize)
    };
    let r = sh.array_of(item, len);
    let t = fr(vm, r)?;
    mk(vm, t)
}

fn new_void_type(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "new_void_type", 0, 0)?;
    let sh = backend(vm)?;
    let v = sh.tt().void();
    mk(vm, v)
}

fn struct_or_union(vm: &mut Vm, a: &Args, is_union: bool) -> PyResult<Value> {
    let fname = if is_union {
        "new_union_type"
    } else {
        "new_struct_type"
    };
    nargs(vm, a, fname, 1, 1)?;
    let v = vm.arg(a, 0);
    let name = str_arg(vm, v, &format!("{fname}() argument"))?;
    let sh = backend(vm)?;
    // as CFFI: every call makes a new type, spelled exactly `name`
    let r = sh.with_decls(|d| Ok(d.types.fresh_struct_named(is_union, &name)));
    let t = fr(vm, r)?;
    mk(vm, t)
}

fn new_struct_type(vm: &mut Vm, a: Args) -> PyResult<Value> {
    struct_or_union(vm, &a, false)
}

fn new_union_type(vm: &mut Vm, a: Args) -> PyResult<Value> {
    struct_or_union(vm, &a, true)
}

/// An optional int argument (`default` when absent or None).
fn int_opt(vm: &mut Vm, a: &Args, i: usize, name: &str, default: i64) -> PyResult<i64> {
    match opt_arg(vm, a, i, name) {
        Some(v) if v != vm.none() => vm.index_value(v, name),
        _ => Ok(default),
    }
}

/// `complete_struct_or_union(BStruct, fields, ignored=None, totalsize=-1, totalalignment=-1,
/// sflags=0, pack=0)`: `fields` is a list of `(name, ctype[, bitsize[, offset]])` (-1: computed).
fn complete_struct_or_union(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = vm.npos(&a);
    if n < 2 {
        return Err(vm.type_error(format!(
            "complete_struct_or_union() takes at least 2 arguments ({n} given)"
        )));
    }
    let sh = backend(vm)?;
    let st = ctype_arg(vm, &sh, &a, 0, "complete_struct_or_union")?;
    if sh.tt().struct_type(st).is_none_or(|s| s.members.is_some()) {
        return Err(vm.type_error("first arg must be a non-initialized struct or union ctype"));
    }
    // argument 2 is CFFI's `ignored`
    let totalsize = int_opt(vm, &a, 3, "totalsize", -1)?;
    let totalalign = int_opt(vm, &a, 4, "totalalignment", -1)?;
    let sflags = int_opt(vm, &a, 5, "sflags", 0)?;
    let mut pack = int_opt(vm, &a, 6, "pack", 0)?;
    if sflags & SF_PACKED != 0 {
        pack = 1;
    }
    let fields = vm.arg(&a, 1);
    if !vm.is(fields, Kind::List) {
        let tn = vm.type_name(fields);
        return Err(vm.type_error(format!(
            "complete_struct_or_union() argument 2 must be list, not {tn}"
        )));
    }
    let base = vm.sp();
    vm.push(fields);
    let r = read_fields(vm, &sh, base);
    vm.truncate(base);
    let (members, offsets) = r?;
    let r = sh.with_decls(|d| {
        d.types.set_struct_body(
            st,
            members,
            false,
            (pack > 0).then_some(pack as usize),
        )?;
        d.types.finish_layouts();
        if let Some(e) = d.types.struct_type(st).and_then(|s| s.layout_error.clone()) {
            return Err(e);
        }
        let custom = offsets.iter().any(|o| *o >= 0) || totalsize >= 0 || totalalign > 0;
        if custom {
            if let Some(mut l) = d.types.struct_type(st).and_then(|s| s.layout.clone()) {
                for (f, o) in l.fields.iter_mut().zip(offsets.iter()) {
                    if *o >= 0 {
                        f.offset = *o as usize;
                    }
                }
                if totalsize >= 0 {
                    let end = l
                        .fields
                        .iter()
                        .map(|f| f.offset + d.types.size_of(f.ty).unwrap_or(0))
                        .max()
                        .unwrap_or(0);
                    if (totalsize as usize) < end {
                        let n = d.types.name(st);
                        return Err(ffi::Error::new(
                            ffi::ErrorKind::Type,
                            format!("{n} cannot be of size {totalsize}: there are fields at least up to {end}"),
                        ));
                    }
                    l.size = totalsize as usize;
                }
                if totalalign > 0 {
                    l.align = totalalign as usize;
                }
                l.custom_field_pos = true;
                d.types.set_struct_layout(st, l);
            }
        }
        Ok(())
    });
    fr(vm, r)?;
    sh.decls_changed();
    Ok(vm.none())
}

/// The members of the fields list at stack slot `slot`, and their explicit offsets (-1: none).
/// Each item is a tuple `(name, ctype[, bitsize[, offset]])`; bitsize and offset go through
/// `__index__`, so every item is re-read from the list after them.
fn read_fields(vm: &mut Vm, sh: &Shared, slot: usize) -> PyResult<(Vec<Member>, Vec<i64>)> {
    let mut members = Vec::new();
    let mut offsets = Vec::new();
    let mut i = 0;
    while i < vm.list_items(vm.at(slot)).len() {
        let f = vm.list_items(vm.at(slot))[i];
        if !vm.is(f, Kind::Tuple) {
            return Err(vm.raise(
                "SystemError",
                "new style getargs format but argument is not a tuple",
            ));
        }
        let n = vm.tuple_items(f).len();
        if !(2..=4).contains(&n) {
            let msg = if n < 2 {
                format!("list item() takes at least 2 arguments ({n} given)")
            } else {
                format!("list item() takes at most 4 arguments ({n} given)")
            };
            return Err(vm.type_error(msg));
        }
        let (name, fty) = (vm.tuple_items(f)[0], vm.tuple_items(f)[1]);
        if !vm.is(name, Kind::Str) {
            let tn = vm.type_name(name);
            return Err(vm.type_error(format!("list item() argument 1 must be str, not {tn}")));
        }
        if ctype_of(vm, fty).is_none() {
            let tn = vm.type_name(fty);
            return Err(vm.type_error(format!(
                "list item() argument 2 must be _cffi_backend.CType, not {tn}"
            )));
        }
        let name = vm.str_of(name).to_string();
        let ty = type_arg(vm, sh, fty)?;
        let mut nums = [-1i64, -1i64];
        for (j, num) in nums.iter_mut().enumerate() {
            let f = vm.list_items(vm.at(slot)).get(i).copied();
            let Some(f) = f.filter(|f| vm.is(*f, Kind::Tuple)) else {
                return Err(vm.raise("RuntimeError", "list changed size during iteration"));
            };
            if let Some(&v) = vm.tuple_items(f).get(2 + j) {
                *num = vm.index_value(v, "bitsize")?;
            }
        }
        members.push(Member {
            name,
            ty,
            bitsize: (nums[0] >= 0).then_some(nums[0] as u32),
            length_from_compiler: false,
        });
        offsets.push(nums[1]);
        i += 1;
    }
    Ok((members, offsets))
}

/// `new_function_type(args_tuple, result, ellipsis=False, abi=FFI_DEFAULT_ABI)`.
fn new_function_type(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = vm.npos(&a);
    if !(2..=4).contains(&n) {
        return Err(vm.type_error(format!(
            "new_function_type() takes from 2 to 4 arguments ({n} given)"
        )));
    }
    let sh = backend(vm)?;
    let res = ctype_arg(vm, &sh, &a, 1, "new_function_type")?;
    let variadic = int_opt(vm, &a, 2, "ellipsis", 0)? != 0;
    let args = vm.arg(&a, 0);
    if !vm.is(args, Kind::Tuple) {
        let tn = vm.type_name(args);
        return Err(vm.type_error(format!(
            "new_function_type() argument 1 must be tuple, not {tn}"
        )));
    }
    let base = vm.sp();
    vm.push(args);
    let mut tys = Vec::new();
    let n = vm.tuple_items(vm.at(base)).len();
    for i in 0..n {
        let t = vm.tuple_items(vm.at(base))[i];
        if ctype_of(vm, t).is_none() {
            vm.truncate(base);
            return Err(vm.type_error("expected a tuple of ctypes"));
        }
        match type_arg(vm, &sh, t) {
            Ok(t) => tys.push(t),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    vm.truncate(base);
    let bad_arg = tys
        .iter()
        .find(|t| matches!(sh.tt().kind(**t), TypeKind::Void))
        .map(|t| sh.name(*t));
    if let Some(n) = bad_arg {
        return Err(vm.type_error(format!("ctype '{n}' has incomplete type")));
    }
    if matches!(sh.tt().kind(res), TypeKind::Array { .. }) {
        let n = sh.name(res);
        return Err(vm.type_error(format!("invalid result type: '{n}'")));
    }
    // Array arguments decay to pointers, as in a C prototype.
    let tys: Vec<TypeId> = tys
        .into_iter()
        .map(|t| {
            let item = match sh.tt().kind(t) {
                TypeKind::Array { item, .. } => Some(*item),
                _ => None,
            };
            item.map_or(t, |i| sh.pointer_to(i))
        })
        .collect();
    let r = sh.with_decls(|d| d.types.function(res, &tys, variadic));
    let t = fr(vm, r)?;
    mk(vm, t)
}

/// `new_enum_type(name, enumerators, values, basetype)`.
fn new_enum_type(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "new_enum_type", 4, 4)?;
    let v = vm.arg(&a, 0);
    let name = str_arg(vm, v, "new_enum_type() argument 1")?;
    let sh = backend(vm)?;
    let basety = ctype_arg(vm, &sh, &a, 3, "new_enum_type")?;
    if sh.tt().integer_repr(basety).is_none() {
        return Err(vm.type_error("expected a primitive signed or unsigned base type"));
    }
    let (names, values) = (vm.arg(&a, 1), vm.arg(&a, 2));
    for (i, v) in [(2, names), (3, values)] {
        if !vm.is(v, Kind::Tuple) {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!(
                "new_enum_type() argument {i} must be tuple, not {tn}"
            )));
        }
    }
    let (ns, vs) = (vm.tuple_items(names), vm.tuple_items(values));
    if ns.len() != vs.len() {
        return Err(vm.value_error("tuple args must have the same size"));
    }
    let mut out = Vec::with_capacity(ns.len());
    for (k, v) in ns.iter().zip(vs.iter()) {
        if !vm.is(*k, Kind::Str) {
            return Err(vm.type_error("enumerators must be a tuple of str"));
        }
        let Some(big) = vm.to_bigint(*v) else {
            return Err(vm.type_error("enumvalues must be a tuple of int"));
        };
        let Some(i) = num_traits::ToPrimitive::to_i128(&big) else {
            let b = sh.name(basety);
            return Err(vm.overflow_error(format!("integer {big} does not fit '{b}'")));
        };
        if let Some(p) = sh.tt().integer_repr(basety) {
            // as CFFI: PyLong_As(Unsigned)LongLong's errors first, then the size check
            if !p.is_signed() && i < 0 {
                return Err(vm.overflow_error("can't convert negative number to unsigned"));
            }
            let wide = if p.is_signed() {
                i64::try_from(i).is_err()
            } else {
                u64::try_from(i).is_err()
            };
            if wide {
                return Err(vm.overflow_error("int too big to convert"));
            }
            let bits = 8 * p.size as u32;
            let (lo, hi) = if p.is_signed() {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            if !(lo..=hi).contains(&i) {
                let b = sh.name(basety);
                return Err(vm.overflow_error(format!("integer {i} does not fit '{b}'")));
            }
        }
        out.push((vm.str_of(*k).to_string(), Some(i)));
    }
    let r = sh.with_decls(|d| {
        let id = d.types.fresh_enum_named(&name);
        d.types.set_enum_base(id, basety, out);
        Ok(id)
    });
    let t = fr(vm, r)?;
    sh.decls_changed();
    mk(vm, t)
}

/// `getcname(ctype, replace)`: the C spelling with `replace` put where a declarator goes.
fn getcname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "getcname", 2, 2)?;
    let sh = backend(vm)?;
    let t = ctype_arg(vm, &sh, &a, 0, "getcname")?;
    let v = vm.arg(&a, 1);
    let r = str_arg(vm, v, "getcname() argument 2")?;
    let s = sh.tt().name_with(t, &r);
    vm.new_str(&s)
}

/// `typeoffsetof(ctype, field_or_index, following=0)`: `(field ctype, offset)` of a field of a
/// struct (or of the struct a pointer points to, when `following` is 0), or `(item ctype,
/// index * itemsize)` for a pointer or an array and an int.
fn typeoffsetof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "typeoffsetof", 2, 3)?;
    let sh = backend(vm)?;
    let t = ctype_arg(vm, &sh, &a, 0, "typeoffsetof")?;
    let following = int_opt(vm, &a, 2, "following", 0)?;
    let k = vm.arg(&a, 1);
    let (fty, off) = if vm.is(k, Kind::Str) {
        let name = vm.str_of(k).to_string();
        let st = match sh.tt().kind(t) {
            TypeKind::Struct(_) => Some(t),
            TypeKind::Pointer(i) if following == 0 => {
                sh.tt().struct_type(*i).is_some().then_some(*i)
            }
            _ => None,
        };
        let Some(st) = st else {
            return Err(
                vm.type_error("with a field name argument, expected a struct or union ctype")
            );
        };
        if sh.tt().struct_type(st).is_some_and(|s| s.members.is_none()) {
            let n = sh.name(st);
            return Err(vm.type_error(format!("struct/union is opaque: '{n}'")));
        }
        let r = sh.tt().require_size(st).map(|_| ());
        fr(vm, r)?;
        let f = sh
            .tt()
            .field(st, &name)
            .map(|f| (f.ty, f.offset, f.is_bitfield()));
        match f {
            Some((_, _, true)) => return Err(vm.type_error("not supported for bitfields")),
            Some((t, o, false)) => (t, o as i64),
            None => return Err(vm.raise("KeyError", &name)),
        }
    } else if vm.is_int(k) {
        let i = vm.index_value(k, "index")?;
        let item = match sh.tt().kind(t) {
            TypeKind::Pointer(i) | TypeKind::Array { item: i, .. } => Some(*i),
            _ => None,
        };
        let Some(item) = item else {
            return Err(
                vm.type_error("with an integer argument, expected an array or pointer ctype")
            );
        };
        let r = sh.tt().require_size(item);
        let sz = fr(vm, r)?;
        let Some(off) = i.checked_mul(sz as i64) else {
            return Err(vm.overflow_error("array offset would overflow a Py_ssize_t"));
        };
        (item, off)
    } else {
        return Err(vm.type_error("expected a field name (str) or an index (int)"));
    };
    let c = mk(vm, fty)?;
    let base = vm.sp();
    vm.push(c);
    let o = vm.new_int(off);
    let r = o.and_then(|o| {
        vm.push(o);
        vm.new_tuple_from_stack(2)
    });
    vm.truncate(base);
    r
}

/// `rawaddressof(BPointer, cdata, offset)`: a `BPointer` cdata at the address of `cdata`'s
/// memory (a struct, array or pointer cdata) plus `offset` bytes.
fn rawaddressof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "rawaddressof", 3, 3)?;
    let sh = backend(vm)?;
    let t = ctype_arg(vm, &sh, &a, 0, "rawaddressof")?;
    if !matches!(sh.tt().kind(t), TypeKind::Pointer(_)) {
        return Err(vm.type_error("expected a pointer ctype"));
    }
    let off = vm.arg(&a, 2);
    let off = super::conv::index_ssize(vm, off)?;
    let v = vm.arg(&a, 1);
    let addr = match super::cdata::cdata_of(vm, v) {
        Some(cd)
            if cd.is_pointer_kind()
                || matches!(
                    cd.sh.tt().kind(cd.ty),
                    TypeKind::Struct(_) | TypeKind::Array { .. }
                ) =>
        {
            cd.ptr as usize
        }
        _ => {
            return Err(vm.type_error("expected a cdata struct/union/array/pointer object"));
        }
    };
    super::cdata::new_pointer(vm, &sh, t, addr.wrapping_add(off as usize))
}

/// `newp_handle(ctype, x)`: `ffi.new_handle(x)` (the ctype is CFFI's `void *`).
fn newp_handle(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "newp_handle", 2, 2)?;
    let f = backend_obj(vm)?;
    let m = vm.getattr_str(f, "new_handle")?;
    let x = vm.arg(&a, 1);
    vm.call(m, &[x])
}

fn get_errno(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "get_errno", 0, 0)?;
    vm.new_int(super::call::saved_errno() as i64)
}

fn set_errno(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "set_errno", 1, 1)?;
    let v = vm.arg(&a, 0);
    let i = super::conv::ssize_value(vm, v)?;
    super::call::set_saved_errno(i as i32);
    Ok(vm.none())
}

/// `_get_types()`: `(CData, CType)`.
fn get_types(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, "_get_types", 0, 0)?;
    let c = super::class(vm, "_cffi_backend.CData");
    let t = super::class(vm, "_cffi_backend.CType");
    vm.new_tuple(&[c, t])
}
