//! The operators of cdata objects (methods of the CData class): indexing and slicing, struct
//! field access, len, iteration, pointer arithmetic, comparison and hashing by address,
//! int/float/bool of primitive cdata, `with` (release), calls and repr.

use super::cdata::{self, cdata_mut, cdata_of, CData, CDataView, Flavor};
use super::conv::{self, Cls};
use super::fast::{self, Fast, ItemPlan, StructPlan};
use super::{class, foreign, foreign_mut, new_foreign, Shared};
use crate::obj::layout::{ForeignData, ForeignRefs, Kind, NativeFn, SliceObj};
use crate::vm::{Args, PyResult, Vm};
use ffi::convert::{self, Scalar};
use ffi::{TypeId, TypeKind};
use gc::Value;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("_cffi_backend.CData");
    let methods: &[(&str, NativeFn)] = &[
        ("__repr__", cd_repr),
        ("__str__", cd_repr),
        ("__call__", super::call::cdata_call),
        ("__getitem__", cd_getitem),
        ("__setitem__", cd_setitem),
        ("__getattr__", cd_getattr),
        ("__setattr__", cd_setattr),
        ("__len__", cd_len),
        ("__iter__", cd_iter),
        ("__add__", cd_add),
        ("__radd__", cd_add),
        ("__radd__", cd_add),
        ("__sub__", cd_sub),
        ("__eq__", cd_eq),
        ("__ne__", cd_ne),
        ("__lt__", cd_lt),
        ("__le__", cd_le),
        ("__gt__", cd_gt),
        ("__ge__", cd_ge),
        ("__hash__", cd_hash),
        ("__bool__", cd_bool),
        ("__int__", cd_int),
        ("__index__", cd_index),
        ("__float__", cd_float),
        ("__enter__", cd_enter),
        ("__exit__", cd_exit),
        ("__minipy_finalize__", super::ffi_new::cdata_finalize),
    ];
    for (n, f) in methods {
        vm.add_native_method(t, n, *f);
    }
    let it = vm.builtin_type("_cffi_backend.__CData_iterator");
    vm.add_native_method(it, "__next__", iter_next);
    vm.add_native_method(it, "__iter__", iter_iter);
}

/// The view of cdata `self` (argument 0).
fn me(vm: &mut Vm, a: &Args) -> PyResult<CDataView> {
    let v = vm.arg(a, 0);
    match cdata::view_of(vm, v) {
        Some(c) => Ok(c),
        None => Err(vm.type_error("descriptor requires a cdata object")),
    }
}

fn cd_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = cdata::repr(vm, vm.arg(&a, 0))?;
    vm.new_str(&s)
}

/// Item type, item size, and the array length (None for pointers) of a pointer/array cdata.
fn item_info(cd: &CDataView) -> Option<(TypeId, usize, Option<usize>)> {
    let tt = cd.sh.tt();
    match tt.kind(cd.ty) {
        TypeKind::Pointer(t) => Some((*t, tt.size_of(*t).unwrap_or(0), None)),
        TypeKind::Array { item, .. } => Some((*item, tt.size_of(*item).unwrap_or(0), Some(cd.len))),
        _ => None,
    }
}

/// Checks index `i` against cdata `cd`; returns the item address.
fn index_addr(vm: &mut Vm, cd: &CDataView, i: i64) -> PyResult<(TypeId, *mut u8)> {
    let Some((item, isz, len)) = item_info(cd) else {
        let n = cd.name();
        return Err(vm.type_error(format!("cdata of type '{n}' cannot be indexed")));
    };
    if let Some(l) = len {
        if i < 0 {
            return Err(vm.index_error("negative index"));
        }
        if i as u64 >= l as u64 {
            let n = cd.name();
            return Err(vm.index_error(format!(
                "index too large for cdata '{n}' (expected {i} < {l})"
            )));
        }
    } else if cd.flavor == Flavor::Owning && i != 0 {
        let n = cd.name();
        return Err(vm.index_error(format!("cdata '{n}' can only be indexed by 0")));
    } else if cd.ptr.is_null() {
        // CFFI checks the base pointer (not the item address, which may wrap back to 0)
        let n = cd.name();
        return Err(vm.raise(
            "RuntimeError",
            &format!("cannot dereference null pointer from cdata '{n}'"),
        ));
    }
    if matches!(cd.sh.tt().kind(item), TypeKind::Void) {
        let n = cd.name();
        return Err(vm.type_error(format!("cdata of type '{n}' cannot be indexed")));
    }
    Ok((item, item_addr(cd.ptr, i, isz)))
}

/// Reads the optional int of a slice bound (CFFI takes ints only: no `__index__`).
fn slice_bound(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    if v.is_null() || v == vm.none() {
        Ok(None)
    } else {
        match vm.to_i64(v) {
            Some(i) => Ok(Some(i)),
            None if vm.is_int(v) => {
                Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
            }
            None => Err(vm.type_error("an integer is required")),
        }
    }
}

/// The address of item `i` of size `isz` from `base`: wrapping, as C pointer arithmetic (only
/// dereferencing it may be undefined, never computing it).
fn item_addr(base: *mut u8, i: i64, isz: usize) -> *mut u8 {
    (base as isize).wrapping_add((i as isize).wrapping_mul(isz as isize)) as *mut u8
}

/// (start, length) of a slice on cdata, with CFFI's checks.
fn slice_range(vm: &mut Vm, cd: &CDataView, k: Value) -> PyResult<(i64, usize)> {
    let s = vm.obj::<SliceObj>(k);
    let (start, stop, step) = (s.start, s.stop, s.step);
    let (start, stop, step) = (
        slice_bound(vm, start)?,
        slice_bound(vm, stop)?,
        slice_bound(vm, step)?,
    );
    let Some(start) = start else {
        return Err(vm.index_error("slice start must be specified"));
    };
    if step.is_some() {
        return Err(vm.index_error("slice with step not supported"));
    }
    let Some(stop) = stop else {
        return Err(vm.index_error("slice stop must be specified"));
    };
    if start > stop {
        return Err(vm.index_error("slice start > stop"));
    }
    if let Some((_, _, Some(len))) = item_info(cd) {
        if start < 0 {
            return Err(vm.index_error("negative index"));
        }
        if stop as u64 > len as u64 {
            return Err(vm.index_error(format!("index too large (expected {stop} <= {len})")));
        }
    }
    // a pointer slice may span more than isize::MAX items (start -2**63, stop 2**63-1): CFFI's
    // length wraps negative there; refuse it rather than make a cdata of a wrapped length
    let Some(n) = stop.checked_sub(start) else {
        return Err(vm.overflow_error("slice length would overflow a Py_ssize_t"));
    };
    Ok((start, n as usize))
}

/// The indexing plan of a pointer/array cdata (cached in the cdata).
fn item_plan_of(cd: &mut CData) -> Option<ItemPlan> {
    let gen = cd.sh.generation.get();
    if let Some((g, p)) = cd.item_plan {
        if g == gen {
            return Some(p);
        }
    }
    let p = ItemPlan::of(&cd.sh.tt(), cd.ty)?;
    cd.item_plan = Some((gen, p));
    Some(p)
}

/// The address and conversion of item `k` when the fast path applies: a small int index in
/// range of a scalar item (else the general path gives the value or the error).
fn fast_item(cd: &mut CData, k: Value) -> Option<(*mut u8, Fast)> {
    if !k.is_int() {
        return None;
    }
    let p = item_plan_of(cd)?;
    let i = k.as_int();
    let ok = if p.array {
        i >= 0 && (i as u64) < cd.len as u64
    } else {
        // a NULL pointer takes the slow path, which raises CFFI's RuntimeError
        !cd.ptr.is_null() && (cd.flavor != Flavor::Owning || i == 0)
    };
    if !ok || p.fast == Fast::Slow {
        return None;
    }
    let addr = (cd.ptr as isize).wrapping_add((i as isize).wrapping_mul(p.isz as isize));
    Some((addr as *mut u8, p.fast))
}

/// The fast path of item access on cdata `v` (see [`fast_item`]).
fn fast_item_of(vm: &mut Vm, v: Value, k: Value) -> Option<(*mut u8, Fast)> {
    fast_item(cdata_mut(vm, v)?, k)
}

/// `v[k]` for the containers' fast path: a scalar item of an array or pointer cdata, read without
/// looking up `__getitem__` (None: anything else, take the general path).
pub fn fast_getitem(vm: &mut Vm, v: Value, k: Value) -> Option<PyResult<Value>> {
    let (p, f) = fast_item_of(vm, v, k)?;
    // SAFETY: an in-range item of the array, or the item a pointer points to (as C does).
    // gc-safe: fast::load returns None (the slow path) before any allocation.
    unsafe { fast::load(vm, f, p) }
}

/// `v[k] = x` for the containers' fast path: true if stored (a scalar item and a value that
/// converts without Python code), false for the general path (which also reports errors).
pub fn fast_setitem(vm: &mut Vm, v: Value, k: Value, x: Value) -> bool {
    match fast_item_of(vm, v, k) {
        // SAFETY: as in fast_getitem.
        Some((p, f)) => unsafe { fast::store(vm, f, p, x) },
        None => false,
    }
}

fn cd_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // gc-safe: fast_getitem answers None before any GC point, so k is intact on the slow path
    let k = vm.arg(&a, 1);
    if let Some(r) = fast_getitem(vm, vm.arg(&a, 0), k) {
        return r;
    }
    let cd = me(vm, &a)?;
    if vm.is(k, Kind::Slice) {
        if item_info(&cd).is_none() {
            let n = cd.name();
            return Err(vm.type_error(format!("cdata of type '{n}' cannot be indexed")));
        }
        let (start, len) = slice_range(vm, &cd, k)?;
        let (item, isz, _) = item_info(&cd).unwrap_or((cd.ty, 0, None));
        let r = cd.sh.array_of(item, None);
        let aty = super::fr(vm, r)?;
        let mut n = CData::new(&cd.sh, aty, item_addr(cd.ptr, start, isz), Flavor::Sliced);
        n.len = len;
        return cdata::wrap(vm, n, vm.arg(&a, 0));
    }
    let i = conv::item_index(vm, k, "cdata")?;
    let (item, p) = index_addr(vm, &cd, i)?;
    let sh = cd.sh.clone();
    if cd.flavor == Flavor::Owning
        && matches!(sh.tt().kind(item), TypeKind::Struct(_))
        && item_info(&cd).is_some_and(|x| x.2.is_none())
    {
        let mut n = CData::new(&sh, item, p, Flavor::CoOwning);
        n.size = cd.size;
        return cdata::wrap(vm, n, vm.arg(&a, 0));
    }
    // SAFETY: p is the address of item i (checked against the length of arrays).
    unsafe { conv::load(vm, &sh, item, p, vm.arg(&a, 0)) }
}

fn cd_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let k = vm.arg(&a, 1);
    if fast_setitem(vm, vm.arg(&a, 0), k, vm.arg(&a, 2)) {
        return Ok(vm.none());
    }
    let cd = me(vm, &a)?;
    let sh = cd.sh.clone();
    if vm.is(k, Kind::Slice) {
        if item_info(&cd).is_none() {
            let n = cd.name();
            return Err(vm.type_error(format!(
                "cdata of type '{n}' does not support slice assignment"
            )));
        }
        let (start, n) = slice_range(vm, &cd, k)?;
        let (item, isz, _) = item_info(&cd).unwrap_or((cd.ty, 0, None));
        let p = item_addr(cd.ptr, start, isz);
        return set_slice(vm, &sh, item, isz, p, n, vm.arg(&a, 2)).map(|_| vm.none());
    }
    let i = conv::item_index(vm, k, "cdata")?;
    let (item, p) = index_addr(vm, &cd, i)?;
    // SAFETY: p is the address of item i (checked against the length of arrays).
    unsafe { conv::store(vm, &sh, item, p, vm.arg(&a, 2))? };
    Ok(vm.none())
}

fn set_slice(
    vm: &mut Vm,
    sh: &Shared,
    item: TypeId,
    isz: usize,
    p: *mut u8,
    n: usize,
    v: Value,
) -> PyResult<()> {
    if let Some(src) = cdata_of(vm, v) {
        if let Some((_, sisz, Some(slen))) = item_info(&src.view()) {
            if sisz == isz && src.sh.name(src.ty).starts_with(&sh.name(item)) {
                if slen != n {
                    return Err(vm.value_error(format!("need {n} values to unpack, got {slen}")));
                }
                // SAFETY: both ranges hold n items of the same size.
                unsafe { std::ptr::copy(src.ptr, p, n * isz) };
                return Ok(());
            }
        }
    }
    if vm.is(v, Kind::Bytes) && matches!(conv::cls_of(sh, item), Cls::Char) {
        let b = vm.bytes_of(v).to_vec();
        if b.len() != n {
            return Err(vm.value_error(format!("need {n} values to unpack, got {}", b.len())));
        }
        // SAFETY: the slice holds n bytes.
        unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), p, n) };
        return Ok(());
    }
    if vm.is(v, Kind::Str)
        && matches!(conv::cls_of(sh, item), Cls::UniChar(2))
        && vm
            .str_of(v)
            .chars()
            .any(|c| crate::unicode::code_of(c) > 0xffff)
    {
        // CFFI converts a str's characters before counting them: an astral one cannot be a
        // single char16_t item
        return Err(vm.type_error(
            "initializer for ctype 'char16_t' must be a unicode string of length 1, not larger-than-0xFFFF character",
        ));
    }
    let base = vm.sp();
    let l = vm.to_list(v)?;
    vm.push(l);
    let got = vm.list_len(l);
    if got != n {
        vm.truncate(base);
        let msg = if got > n {
            format!("got more than {n} values to unpack")
        } else {
            format!("need {n} values to unpack, got {got}")
        };
        return Err(vm.value_error(msg));
    }
    for i in 0..n {
        let x = vm.list_items(vm.at(base))[i];
        // SAFETY: i < n items in the slice.
        if let Err(e) = unsafe { conv::store(vm, sh, item, p.add(i * isz), x) } {
            vm.truncate(base);
            return Err(e);
        }
    }
    vm.truncate(base);
    Ok(())
}

/// The struct type and base address for field access on a struct or pointer-to-struct cdata.
fn struct_base(cd: &CDataView) -> Option<(TypeId, *mut u8)> {
    let tt = cd.sh.tt();
    match tt.kind(cd.ty) {
        TypeKind::Struct(_) => Some((cd.ty, cd.ptr)),
        TypeKind::Pointer(t) if matches!(tt.kind(*t), TypeKind::Struct(_)) => Some((*t, cd.ptr)),
        _ => None,
    }
}

fn field_of(
    vm: &mut Vm,
    cd: &CDataView,
    name: Value,
    write: bool,
) -> PyResult<(ffi::Field, *mut u8)> {
    let n = vm.str_of(name).to_string();
    let Some((sty, base)) = struct_base(cd) else {
        let tn = cd.name();
        return Err(vm.raise(
            "AttributeError",
            &format!("cdata '{tn}' has no attribute '{n}'"),
        ));
    };
    if cd
        .sh
        .tt()
        .struct_type(sty)
        .is_some_and(|s| s.members.is_none())
    {
        let tn = cd.name();
        let what = if write { "write" } else { "read" };
        return Err(vm.raise(
            "AttributeError",
            &format!("cdata '{tn}' points to an opaque type: cannot {what} fields"),
        ));
    }
    let r = cd.sh.tt().check_usable(sty);
    super::fr(vm, r)?;
    let f = cd.sh.tt().field(sty, &n).cloned();
    match f {
        Some(f) => {
            if base.is_null() {
                return Err(vm.raise(
                    "RuntimeError",
                    &format!("cannot access field '{n}' of a NULL pointer"),
                ));
            }
            Ok((f, base))
        }
        None => {
            let tn = cd.name();
            Err(vm.raise(
                "AttributeError",
                &format!("cdata '{tn}' has no field '{n}'"),
            ))
        }
    }
}

/// The fields of a struct or pointer-to-struct cdata (cached in the cdata, checked against the
/// FFI's declaration generation); None for other cdata and unusable structs.
fn struct_plan_of(cd: &mut CData) -> Option<Rc<StructPlan>> {
    let gen = cd.sh.generation.get();
    let valid =
        matches!(cd.extra().and_then(|x| x.struct_plan.as_ref()), Some((g, _)) if *g == gen);
    if !valid {
        let (sty, _) = struct_base(&cd.view())?;
        let p = fast::struct_plan(&cd.sh, sty)?;
        cd.extra_mut().struct_plan = Some((gen, p));
    }
    cd.extra()
        .and_then(|x| x.struct_plan.as_ref())
        .map(|(_, p)| p.clone())
}

/// The offset and fast conversion of field `name` of a struct cdata, when the fast path applies
/// (a scalar field of a complete struct at a non-NULL address).
/// (The plan is cached in cdata `v`'s CData.)
fn fast_field(vm: &mut Vm, v: Value, name: Value) -> Option<(usize, Fast)> {
    if !vm.is(name, Kind::Str) {
        return None;
    }
    let cd = cdata_of(vm, v)?;
    if cd.ptr.is_null() {
        return None;
    }
    // the plan cached in the cdata, read in place (no Rc clone) when it is current
    let gen = cd.sh.generation.get();
    if let Some((g, plan)) = cd.extra().and_then(|x| x.struct_plan.as_ref()) {
        if *g == gen {
            let f = plan.find(vm.str_of(name))?;
            return (f.fast != Fast::Slow).then_some((f.field.offset, f.fast));
        }
    }
    let plan = struct_plan_of(cdata_mut(vm, v)?)?;
    let f = plan.find(vm.str_of(name))?;
    (f.fast != Fast::Slow).then_some((f.field.offset, f.fast))
}

/// `v.name` for the attribute fast path: a scalar field of a struct cdata, read without the generic
/// attribute lookup (None, before any GC point: anything else).
pub fn fast_getattr(vm: &mut Vm, v: Value, name: Value) -> Option<PyResult<Value>> {
    let (off, f) = fast_field(vm, v, name)?;
    let p = cdata_mut(vm, v)?.ptr;
    // SAFETY: the field lies inside the struct at p (fast_field checked p is not NULL).
    // gc-safe: fast::load returns None before any allocation.
    unsafe { fast::load(vm, f, p.add(off)) }
}

/// `v.name = x` for the attribute fast path: true if stored (a scalar field and a value that
/// converts without Python code), false (before any GC point) for the general path.
pub fn fast_setattr(vm: &mut Vm, v: Value, name: Value, x: Value) -> bool {
    let Some((off, f)) = fast_field(vm, v, name) else {
        return false;
    };
    let Some(p) = cdata_mut(vm, v).map(|cd| cd.ptr) else {
        return false;
    };
    // SAFETY: as in fast_getattr.
    unsafe { fast::store(vm, f, p.add(off), x) }
}

fn cd_getattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if let Some(r) = fast_getattr(vm, vm.arg(&a, 0), vm.arg(&a, 1)) {
        return r;
    }
    let cd = me(vm, &a)?;
    let (f, base) = field_of(vm, &cd, vm.arg(&a, 1), false)?;
    let sh = cd.sh.clone();
    let open_item = match sh.tt().kind(f.ty) {
        TypeKind::Array { item, length: None } => Some(*item),
        _ => None,
    };
    if let Some(item) = open_item {
        // the last field of a var-sized struct: its length comes from the allocated size
        let isz = sh.tt().size_of(item).unwrap_or(1).max(1);
        // SAFETY: pointer arithmetic inside the struct.
        let p = unsafe { base.add(f.offset) };
        let mut n = CData::new(&sh, f.ty, p, Flavor::Sliced);
        n.len = cd.size.saturating_sub(f.offset) / isz;
        return cdata::wrap(vm, n, vm.arg(&a, 0));
    }
    let zero_item = match sh.tt().kind(f.ty) {
        TypeKind::Array {
            item,
            length: Some(0),
        } => Some(*item),
        _ => None,
    };
    if let Some(item) = zero_item {
        // as CFFI: a `T x[0]` field reads as a `T *` to where it starts
        let pty = sh.pointer_to(item);
        // SAFETY: pointer arithmetic inside the struct.
        let p = unsafe { base.add(f.offset) };
        return cdata::new_pointer(vm, &sh, pty, p as usize);
    }
    let nested_var = sh
        .tt()
        .struct_type(f.ty)
        .and_then(|s| s.layout.as_ref())
        .is_some_and(|l| l.var_sized);
    if nested_var && !f.is_bitfield() {
        // a var-sized struct as the last field: it extends to the end of the allocation
        // SAFETY: pointer arithmetic inside the struct.
        let p = unsafe { base.add(f.offset) };
        let mut n = CData::new(&sh, f.ty, p, Flavor::Plain);
        n.size = n.size.max(cd.size.saturating_sub(f.offset));
        return cdata::wrap(vm, n, vm.arg(&a, 0));
    }
    // SAFETY: base is the (non-NULL) address of a struct that has field f.
    unsafe { conv::load_field(vm, &sh, base, &f, vm.arg(&a, 0)) }
}

fn cd_setattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if fast_setattr(vm, vm.arg(&a, 0), vm.arg(&a, 1), vm.arg(&a, 2)) {
        return Ok(vm.none());
    }
    let cd = me(vm, &a)?;
    let (f, base) = field_of(vm, &cd, vm.arg(&a, 1), true)?;
    let sh = cd.sh.clone();
    // SAFETY: base is the (non-NULL) address of a struct that has field f.
    unsafe { conv::store_field(vm, &sh, base, &f, vm.arg(&a, 2))? };
    Ok(vm.none())
}

fn cd_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cd = me(vm, &a)?;
    match item_info(&cd) {
        Some((_, _, Some(l))) => vm.new_int(l as i64),
        _ => {
            let n = cd.name();
            Err(vm.type_error(format!("cdata of type '{n}' has no len()")))
        }
    }
}

/// An iterator object's data (`iter(array_cdata)`, `Kind::Foreign`).
struct CIter {
    /// Index of the next item.
    i: usize,
    /// The array cdata iterated over. A GC reference, traced.
    array: Value,
}

impl ForeignData for CIter {
    fn refs(&mut self) -> ForeignRefs<'_> {
        [Some(&mut self.array), None, None, None, None]
    }
}

fn cd_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cd = me(vm, &a)?;
    if !matches!(item_info(&cd), Some((_, _, Some(_)))) {
        let n = cd.name();
        return Err(vm.type_error(format!("cdata '{n}' does not support iteration")));
    }
    let cls = class(vm, "_cffi_backend.__CData_iterator");
    new_foreign(
        vm,
        cls,
        Box::new(CIter {
            i: 0,
            array: vm.arg(&a, 0),
        }),
    )
}

fn iter_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(vm.arg(&a, 0))
}

fn iter_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let it = vm.arg(&a, 0);
    let Some(st) = foreign::<CIter>(vm, it) else {
        return Err(vm.type_error("bad iterator"));
    };
    let (i, arr) = (st.i, st.array);
    let Some(cd) = cdata_of(vm, arr) else {
        return Err(vm.raise("StopIteration", ""));
    };
    let Some((item, isz, Some(len))) = item_info(&cd.view()) else {
        return Err(vm.raise("StopIteration", ""));
    };
    if i >= len {
        return Err(vm.raise("StopIteration", ""));
    }
    // SAFETY: i < len items of the array.
    let p = unsafe { cd.ptr.add(i * isz) };
    let sh = cd.sh.clone();
    if let Some(st) = foreign_mut::<CIter>(vm, it) {
        st.i = i + 1;
    }
    // SAFETY: p is item i < len of the array.
    unsafe { conv::load(vm, &sh, item, p, arr) }
}

/// The scalar value of a primitive cdata.
fn prim_value(cd: &CDataView) -> Option<Scalar> {
    if cd.flavor != Flavor::Primitive {
        return None;
    }
    let tt = cd.sh.tt();
    // SAFETY: a primitive cdata's buffer holds its value.
    unsafe { convert::load(&tt, cd.ty, cd.ptr) }.ok()
}

fn ni(vm: &Vm) -> Value {
    vm.named(crate::vm::Named::NotImplemented)
}

/// The integer of `p + n` / `p - n`: ints, or instances through `__index__` (CFFI's
/// PyNumber_AsSsize_t). Ok(None): not an operand (NotImplemented). A GC point for instances;
/// the cdata `p` stays valid (its `CData` is boxed and the argument rooted).
fn offset_operand(vm: &mut Vm, other: Value) -> PyResult<Option<i64>> {
    if cdata_of(vm, other).is_some() {
        return Ok(None);
    }
    // CFFI converts any other operand with PyNumber_AsSsize_t: floats, strs... are TypeErrors and
    // ints beyond 64 bits OverflowErrors (never NotImplemented, never a wrapped offset)
    conv::index_ssize(vm, other).map(Some)
}

fn cd_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cd = me(vm, &a)?;
    let other = vm.arg(&a, 1);
    let Some((item, isz, _)) = item_info(&cd) else {
        if vm.is_int(other) || vm.is(other, Kind::Float) {
            let n = cd.name();
            return Err(vm.type_error(format!("cannot add a cdata '{n}' and a number")));
        }
        return Ok(ni(vm));
    };
    let Some(n) = offset_operand(vm, other)? else {
        return Ok(ni(vm));
    };
    let step = if matches!(cd.sh.tt().kind(item), TypeKind::Void) {
        1
    } else {
        isz
    };
    let pty = cd.sh.pointer_to(item);
    let addr = (cd.ptr as isize).wrapping_add((n as isize).wrapping_mul(step as isize)) as usize;
    let sh = cd.sh.clone();
    cdata::new_pointer(vm, &sh, pty, addr)
}

fn cd_sub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cd = me(vm, &a)?;
    let other = vm.arg(&a, 1);
    let Some((item, isz, _)) = item_info(&cd) else {
        if vm.is_int(other) || vm.is(other, Kind::Float) {
            let n = cd.name();
            return Err(vm.type_error(format!("cannot subtract a cdata '{n}' and a number")));
        }
        return Ok(ni(vm));
    };
    let step = if matches!(cd.sh.tt().kind(item), TypeKind::Void) {
        1
    } else {
        isz.max(1)
    };
    if let Some(o) = cdata_of(vm, other) {
        let left_array = matches!(cd.sh.tt().kind(cd.ty), TypeKind::Array { .. });
        let (pa, pb) = (
            cd.sh.name(cd.sh.pointer_to(item)),
            item_info(&o.view()).map(|(t, _, _)| o.sh.name(o.sh.pointer_to(t))),
        );
        if left_array || Some(&pa) != pb.as_ref() {
            // the right operand is named as the pointer it decays to (CFFI)
            let (x, y) = (cd.name(), pb.unwrap_or_else(|| o.name()));
            return Err(vm.type_error(format!("cannot subtract cdata '{x}' and cdata '{y}'")));
        }
        let diff = (cd.ptr as isize).wrapping_sub(o.ptr as isize);
        if diff % step as isize != 0 {
            return Err(vm.value_error(
                "pointer subtraction: the distance between the two pointers is not a multiple of the item size",
            ));
        }
        // wrapping: isize::MIN / -1 cannot happen (step > 0), but a step above isize::MAX can
        let d = diff.wrapping_div(step as isize);
        return vm.new_int(d as i64);
    }
    let Some(n) = offset_operand(vm, other)? else {
        return Ok(ni(vm));
    };
    let pty = cd.sh.pointer_to(item);
    let addr = (cd.ptr as isize).wrapping_sub((n as isize).wrapping_mul(step as isize)) as usize;
    let sh = cd.sh.clone();
    cdata::new_pointer(vm, &sh, pty, addr)
}

/// What a cdata compares as: an address (pointers, arrays, structs) or a number (primitives).
enum CmpKey {
    Addr(usize),
    Num(Scalar),
}

fn cmp_key(vm: &Vm, v: Value) -> Option<CmpKey> {
    if let Some(cd) = cdata_of(vm, v) {
        return Some(match prim_value(&cd.view()) {
            Some(s) => CmpKey::Num(s),
            None => CmpKey::Addr(cd.ptr as usize),
        });
    }
    if vm.is(v, Kind::Float) {
        return Some(CmpKey::Num(Scalar::Float(vm.float_val(v))));
    }
    vm.to_i64(v).map(|i| CmpKey::Num(Scalar::Int(i as i128)))
}

fn num_f(s: Scalar) -> f64 {
    match s {
        Scalar::Int(i) => i as f64,
        Scalar::Float(f) => f,
        Scalar::Pointer(p) => p as f64,
    }
}

fn compare(vm: &mut Vm, a: &Args) -> Option<std::cmp::Ordering> {
    let (x, y) = (cmp_key(vm, vm.arg(a, 0))?, cmp_key(vm, vm.arg(a, 1))?);
    match (x, y) {
        (CmpKey::Addr(p), CmpKey::Addr(q)) => Some(p.cmp(&q)),
        (CmpKey::Num(Scalar::Int(i)), CmpKey::Num(Scalar::Int(j))) => Some(i.cmp(&j)),
        (CmpKey::Num(s), CmpKey::Num(t)) => num_f(s).partial_cmp(&num_f(t)),
        _ => None,
    }
}

fn cmp_op(vm: &mut Vm, a: Args, f: fn(std::cmp::Ordering) -> bool) -> PyResult<Value> {
    Ok(match compare(vm, &a) {
        Some(o) => vm.bool_val(f(o)),
        None => ni(vm),
    })
}

fn cd_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    cmp_op(vm, a, |o| o.is_eq())
}
fn cd_ne(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match compare(vm, &a) {
        Some(o) => Ok(vm.bool_val(o.is_ne())),
        None => Ok(ni(vm)),
    }
}
fn cd_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    cmp_op(vm, a, |o| o.is_lt())
}
fn cd_le(vm: &mut Vm, a: Args) -> PyResult<Value> {
    cmp_op(vm, a, |o| o.is_le())
}
fn cd_gt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    cmp_op(vm, a, |o| o.is_gt())
}
fn cd_ge(vm: &mut Vm, a: Args) -> PyResult<Value> {
    cmp_op(vm, a, |o| o.is_ge())
}

fn cd_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cd = me(vm, &a)?;
    match prim_value(&cd) {
        Some(Scalar::Int(i)) => conv::new_int128(vm, i),
        Some(Scalar::Float(f)) => {
            let v = vm.new_float(f)?;
            let h = vm.hash(v)?;
            vm.new_int(h)
        }
        _ => {
            let p = cd.ptr as usize;
            vm.new_int((p >> 4 | p << 60) as i64 & ((1 << 61) - 1))
        }
    }
}

fn cd_bool(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cd = me(vm, &a)?;
    let b = match prim_value(&cd) {
        Some(Scalar::Int(i)) => i != 0,
        Some(Scalar::Float(f)) => f != 0.0,
        _ => !cd.ptr.is_null() || !cd.is_pointer_kind(),
    };
    Ok(vm.bool_val(b))
}

fn cd_int(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cd = me(vm, &a)?;
    match prim_value(&cd) {
        Some(Scalar::Int(i)) => conv::new_int128(vm, i),
        Some(Scalar::Float(f)) if f.is_finite() => {
            vm.new_bigint(num_bigint::BigInt::from(f.trunc() as i128))
        }
        Some(Scalar::Float(_)) => {
            Err(vm.overflow_error("cannot convert float infinity to integer"))
        }
        _ => {
            let n = cd.name();
            Err(vm.type_error(format!("int() not supported on cdata '{n}'")))
        }
    }
}

fn cd_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cd = me(vm, &a)?;
    match prim_value(&cd) {
        Some(Scalar::Int(i)) => conv::new_int128(vm, i),
        _ => {
            let n = cd.name();
            Err(vm.type_error(format!(
                "cdata of type '{n}' cannot be interpreted as an integer"
            )))
        }
    }
}

fn cd_float(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cd = me(vm, &a)?;
    match prim_value(&cd) {
        Some(Scalar::Float(f)) => vm.new_float(f),
        _ => {
            let n = cd.name();
            Err(vm.type_error(format!("float() not supported on cdata '{n}'")))
        }
    }
}

fn cd_enter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(vm.arg(&a, 0))
}

fn cd_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::ffi_new::release(vm, vm.arg(&a, 0))?;
    Ok(vm.bool_val(false))
}
