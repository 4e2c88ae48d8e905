//! FFI methods that make cdata: `new`, `cast`, `new_allocator`, `gc`, `release`, `addressof`,
//! and the `__minipy_finalize__` hook running `ffi.gc` destructors and allocator `free`s.

use super::cdata::{self, cdata_mut, cdata_of, CData, CDataObj, Flavor, Pressure};
use super::conv::{self, Cls};
use super::ctype_obj::type_arg;
use super::ffi_obj::ffi_self;
use super::lib_obj::LibData;
use super::{arity, foreign, fr, opt_arg, Shared};
use crate::obj::layout::{Kind, NativeFn};
use crate::vm::{Args, PyResult, Vm};
use ffi::convert::{self, Scalar};
use ffi::{TypeId, TypeKind};
use gc::Value;

pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("_cffi_backend.FFI");
    let methods: &[(&str, NativeFn)] = &[
        ("new", ffi_new),
        ("cast", ffi_cast),
        ("gc", ffi_gc),
        ("release", ffi_release),
        ("new_allocator", ffi_new_allocator),
        ("addressof", ffi_addressof),
    ];
    for (n, f) in methods {
        vm.add_native_method(t, n, *f);
    }
}

/// Size and array length of `ffi.new(ty, init)`; `ty` must be a pointer or array type. `init` is
/// the value stack slot of the initializer (re-read there: sizing may run `__index__`).
fn new_size(
    vm: &mut Vm,
    sh: &Shared,
    ty: TypeId,
    init: Option<usize>,
) -> PyResult<(usize, usize, bool)> {
    let r = sh.tt().check_usable(ty);
    fr(vm, r)?;
    // copied out of the type table (no clone of the kind, no borrow held)
    enum New {
        Pointer(TypeId),
        Array(TypeId, Option<usize>),
        Other,
    }
    let kind = match *sh.tt().kind(ty) {
        TypeKind::Pointer(t) => New::Pointer(t),
        TypeKind::Array { item, length } => New::Array(item, length),
        _ => New::Other,
    };
    match kind {
        New::Pointer(t) => {
            let size = sh.tt().size_of(t);
            match size {
                Some(s) => Ok((s.max(var_struct_size(vm, sh, t, init)?), 0, true)),
                None => {
                    let n = sh.name(t);
                    Err(vm.type_error(format!("cannot instantiate ctype '{n}' of unknown size")))
                }
            }
        }
        New::Array(item, length) => {
            let isz = sh.tt().size_of(item).unwrap_or(0);
            match length {
                // TypeTable::array refused lengths whose byte size exceeds isize::MAX
                Some(n) => Ok((n.saturating_mul(isz), n, true)),
                None => {
                    let Some(init) = init else {
                        return Err(vm.type_error(
                            "expected new array length or list/tuple/str, not NoneType",
                        ));
                    };
                    let item_cls = conv::cls_of(sh, item);
                    let n = conv::open_array_len(vm, &item_cls, vm.at(init))?;
                    // as CFFI: a byte size beyond Py_ssize_t is an OverflowError, a size that fits
                    // but cannot be allocated a MemoryError (from the allocation)
                    let Some(size) = n.checked_mul(isz).filter(|s| *s <= isize::MAX as usize)
                    else {
                        return Err(vm.overflow_error("array size would overflow a Py_ssize_t"));
                    };
                    // a count (int or `__index__`) gives zeroed memory, a sequence initializes it
                    let v = vm.at(init);
                    let counted = vm.is_int(v) || vm.is(v, Kind::Instance);
                    Ok((size, n, !counted))
                }
            }
        }
        New::Other => {
            let n = sh.name(ty);
            Err(vm.type_error(format!("expected a pointer or array ctype, got '{n}'")))
        }
    }
}

/// Bytes needed by a var-sized struct (`struct v { int n; int data[]; }`) for its initializer
/// (at value stack slot `init`): the last field's length comes from the list/tuple item or dict
/// entry (a sequence or a count).
fn var_struct_size(vm: &mut Vm, sh: &Shared, t: TypeId, init: Option<usize>) -> PyResult<usize> {
    let Some(slot) = init else { return Ok(0) };
    let last = {
        let tt = sh.tt();
        match tt.struct_type(t).and_then(|s| s.layout.as_ref()) {
            Some(l) if l.var_sized => l.fields.last().cloned().map(|f| (f, l.fields.len())),
            _ => None,
        }
    };
    let Some((f, nfields)) = last else {
        return Ok(0);
    };
    let nested = sh
        .tt()
        .struct_type(f.ty)
        .and_then(|s| s.layout.as_ref())
        .is_some_and(|l| l.var_sized);
    if nested {
        // The last field is a var-sized struct: its own initializer gives the length.
        let init = vm.at(slot);
        let x = if vm.is(init, Kind::Dict) {
            let k = vm.new_str(&f.name)?;
            vm.dict_get(vm.at(slot), k)?
        } else if conv::seq_len(vm, init) == Some(nfields) {
            conv::seq_item(vm, init, nfields - 1)
        } else {
            None
        };
        let Some(x) = x else { return Ok(0) };
        let sub = vm.sp();
        vm.push(x);
        let r = var_struct_size(vm, sh, f.ty, Some(sub));
        vm.truncate(sub);
        return Ok(r?.saturating_add(f.offset));
    }
    let Some(item) = sh.tt().item(f.ty) else {
        return Ok(0);
    };
    let isz = sh.tt().size_of(item).unwrap_or(0);
    let init = vm.at(slot);
    let x = if vm.is(init, Kind::Dict) {
        let k = vm.new_str(&f.name)?;
        // re-read: the key's allocation may have moved the dict
        vm.dict_get(vm.at(slot), k)?
    } else if conv::seq_len(vm, init) == Some(nfields) {
        conv::seq_item(vm, init, nfields - 1)
    } else {
        None
    };
    let Some(x) = x else { return Ok(0) };
    let item_cls = conv::cls_of(sh, item);
    let n = conv::open_array_len(vm, &item_cls, x)?;
    n.checked_mul(isz)
        .and_then(|s| s.checked_add(f.offset))
        .filter(|s| *s <= isize::MAX as usize)
        .ok_or_else(|| vm.overflow_error("array size would overflow a Py_ssize_t"))
}

/// Fills fresh memory at `p` for `ffi.new(ty, init)`.
///
/// # Safety
/// `p` must be the memory allocated for `ffi.new(ty, init)`.
unsafe fn init_new(vm: &mut Vm, sh: &Shared, ty: TypeId, p: *mut u8, init: Value) -> PyResult<()> {
    let kind = sh.tt().kind(ty).clone();
    match kind {
        // SAFETY: for a pointer type ffi.new allocated one pointee `t` at p (our contract); the memory
        // is owned by the new cdata, outside the GC heap.
        TypeKind::Pointer(t) => unsafe { conv::store(vm, sh, t, p, init) },
        // SAFETY: otherwise ffi.new allocated a `ty` (sized for the initializer when open) at p.
        _ => unsafe { conv::store(vm, sh, ty, p, init) },
    }
}

/// `ffi.new(cdecl, init=None)`.
pub fn ffi_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "new", &["cdecl", "init"])?;
    arity(vm, &a, "new", 1, 3)?;
    let sh = ffi_self(vm, &a)?;
    let Some(decl) = opt_arg(vm, &a, 1, "cdecl") else {
        return Err(vm.type_error("new() missing 1 required positional argument: 'cdecl'"));
    };
    let ty = type_arg(vm, &sh, decl)?;
    let init = opt_arg(vm, &a, 2, "init").filter(|v| *v != vm.none());
    new_with(vm, &sh, ty, init)
}

/// Allocates and initializes an owning cdata of pointer/array type `ty`. `init` must be rooted.
pub fn new_with(vm: &mut Vm, sh: &Shared, ty: TypeId, init: Option<Value>) -> PyResult<Value> {
    if init.is_none() {
        return new_plain(vm, sh, ty);
    }
    // rooted first: sizing the array may run `__index__` and allocates
    let base = vm.sp();
    if let Some(i) = init {
        vm.push(i);
    }
    let slot = init.map(|_| base);
    let has_init = init.is_some();
    let (size, len, do_init) = match new_size(vm, sh, ty, slot) {
        Ok(x) => x,
        Err(e) => {
            vm.truncate(base);
            return Err(e);
        }
    };
    let r = cdata::new_owning(vm, sh, ty, size, len);
    let v = match r {
        Ok(v) => v,
        Err(e) => {
            vm.truncate(base);
            return Err(e);
        }
    };
    if has_init && do_init {
        let i = vm.at(base);
        vm.push(v);
        let p = cdata_of(vm, v)
            .map(|c| c.ptr)
            .unwrap_or(std::ptr::null_mut());
        // SAFETY: p is the fresh memory of the new cdata, sized by new_size for ty and init.
        let r = unsafe { init_new(vm, sh, ty, p, i) };
        let v = vm.at(base + 1);
        vm.truncate(base);
        return r.map(|_| v);
    }
    vm.truncate(base);
    Ok(v)
}

/// `ffi.new(ty)` without initializer: sized and planned once per type (the FFI's plans remember
/// it; they are cleared when declarations change, as a type's size may then change).
fn new_plain(vm: &mut Vm, sh: &Shared, ty: TypeId) -> PyResult<Value> {
    let cached = sh.plans.borrow().new_plan(ty);
    let plan = match cached {
        Some(p) => p,
        None => {
            let (size, len, _) = new_size(vm, sh, ty, None)?;
            let item = super::fast::ItemPlan::of(&sh.tt(), ty);
            let p = super::fast::NewPlan {
                ty,
                size,
                len,
                item,
            };
            sh.plans.borrow_mut().remember_new_plan(p);
            p
        }
    };
    let v = cdata::new_owning(vm, sh, ty, plan.size, plan.len)?;
    if let (Some(ip), Some(cd)) = (plan.item, cdata_mut(vm, v)) {
        cd.item_plan = Some((sh.generation.get(), ip));
    }
    Ok(v)
}

/// The scalar a Python value or cdata gives to `ffi.cast`.
fn cast_source(vm: &mut Vm, target: &Cls, tname: &str, v: Value) -> PyResult<Scalar> {
    if let Some(cd) = cdata_of(vm, v) {
        let cls = conv::cls_of(&cd.sh, cd.ty);
        return match cls {
            Cls::Pointer(_) | Cls::Function | Cls::Array { .. } => {
                if matches!(target, Cls::Float(_) | Cls::LongDouble) {
                    let s = cd.name();
                    return Err(
                        vm.type_error(format!("cannot cast ctype '{s}' to ctype '{tname}'"))
                    );
                }
                Ok(Scalar::Pointer(cd.ptr as usize))
            }
            _ if cd.flavor == Flavor::Primitive => {
                let tt = cd.sh.tt();
                // SAFETY: a primitive cdata's buffer holds its value.
                let r = unsafe { convert::load(&tt, cd.ty, cd.ptr) };
                drop(tt);
                fr(vm, r)
            }
            _ => {
                let s = cd.name();
                Err(vm.type_error(format!("cannot cast cdata '{s}'")))
            }
        };
    }
    if vm.is(v, Kind::Float) {
        return Ok(Scalar::Float(vm.float_val(v)));
    }
    if let Some(i) = vm.to_i64(v) {
        return Ok(Scalar::Int(i as i128));
    }
    if vm.is(v, Kind::BigInt) {
        let n = vm.to_bigint(v).unwrap_or_default();
        let m = n & num_bigint::BigInt::from(u128::MAX);
        return Ok(Scalar::Int(
            num_traits::ToPrimitive::to_u128(&m).unwrap_or(0) as i128,
        ));
    }
    // CFFI's cast to a primitive: a bytes or str of length 1 gives its character's code, to any
    // primitive type (`cast("double", b"a")` is 97.0, `cast("_Bool", "a")` is True)
    let int_like = matches!(target, Cls::Int | Cls::Char | Cls::UniChar(_) | Cls::Bool);
    let float_like = matches!(target, Cls::Float(_) | Cls::LongDouble);
    if vm.is(v, Kind::Bytes) && (int_like || float_like) {
        let b = vm.bytes_of(v);
        if b.len() == 1 {
            return Ok(Scalar::Int(b[0] as i128));
        }
        if int_like {
            return Err(vm.type_error(
                "initializer for ctype 'char' must be a bytes of length 1, not bytes",
            ));
        }
        return Err(vm.type_error(format!("cannot cast bytes object to ctype '{tname}'")));
    }
    if vm.is(v, Kind::Str) && (int_like || float_like) {
        let s = vm.str_of(v);
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(Scalar::Int(c as i128));
        }
        if int_like {
            let n = s.chars().count();
            return Err(vm.type_error(format!(
                "cannot cast unicode string of length {n} to ctype '{tname}'"
            )));
        }
        return Err(vm.type_error(format!("cannot cast str object to ctype '{tname}'")));
    }
    if vm.is(v, Kind::Instance) {
        // CFFI: PyFloat_AsDouble for float targets, else the `__int__` step (unchecked range);
        // `v` is dead after the hooks
        if matches!(target, Cls::Float(_) | Cls::LongDouble) {
            return Ok(Scalar::Float(conv::float_value(vm, v)?));
        }
        let Some(r) = conv::int_hook(vm, v)? else {
            return Err(vm.type_error("an integer is required"));
        };
        return cast_source(vm, target, tname, r);
    }
    // what CFFI's number conversions say about anything else
    if matches!(target, Cls::Bool) {
        return Err(vm.type_error("integer/float expected"));
    }
    if int_like {
        return Err(vm.type_error("an integer is required"));
    }
    if float_like {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("must be real number, not {tn}")));
    }
    let w = conv::what_is(vm, v);
    Err(vm.type_error(format!("cannot cast {w} object to ctype")))
}

/// `ffi.cast(cdecl, value)`.
fn ffi_cast(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "cast", 3, 3)?;
    let sh = ffi_self(vm, &a)?;
    let ty = type_arg(vm, &sh, vm.arg(&a, 1))?;
    let r = sh.tt().check_usable(ty);
    fr(vm, r)?;
    cast_to(vm, &sh, ty, vm.arg(&a, 2))
}

/// The cdata `ffi.cast(ty, v)` gives.
pub fn cast_to(vm: &mut Vm, sh: &Shared, ty: TypeId, v: Value) -> PyResult<Value> {
    let target = conv::cls_of(sh, ty);
    let tn = sh.name(ty);
    match target {
        Cls::Int | Cls::Char | Cls::UniChar(_) | Cls::Bool | Cls::Float(_) | Cls::LongDouble => {
            let s = cast_source(vm, &target, &tn, v)?;
            let mut buf = [0u8; 16];
            // SAFETY: 16 bytes hold any primitive.
            let r = unsafe { convert::store_cast(&sh.tt(), ty, buf.as_mut_ptr(), s) };
            fr(vm, r)?;
            cdata::new_primitive(vm, sh, ty, &buf)
        }
        Cls::Pointer(_) | Cls::Function => {
            let s = cast_source(vm, &target, &tn, v)?;
            let addr = match s {
                Scalar::Pointer(p) => p,
                Scalar::Int(i) => convert::wrap_int(i, 8, false) as usize,
                // CFFI takes the float's integer value first: NaN and infinities have none
                Scalar::Float(f) if f.is_nan() => {
                    return Err(vm.value_error("cannot convert float NaN to integer"))
                }
                Scalar::Float(f) if f.is_infinite() => {
                    return Err(vm.overflow_error("cannot convert float infinity to integer"))
                }
                Scalar::Float(_) => {
                    return Err(vm.type_error(format!("cannot cast a float to ctype '{tn}'")))
                }
            };
            cdata::new_pointer(vm, sh, ty, addr)
        }
        _ => Err(vm.type_error(format!("cannot cast to ctype '{tn}'"))),
    }
}

/// `ffi.gc(cdata, destructor, size=0)`.
fn ffi_gc(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // The VM runs queued finalizers when a Python function returns; a module-level loop of
    // `ffi.gc(lib.malloc(n), lib.free, size=n)` calls none, so the destructors of the cdata the
    // last major collection found dead run here (a GC point: the arguments are re-read below).
    run_finalizers(vm);
    vm.check_kwargs(&a, "gc", &["cdata", "destructor", "size"])?;
    arity(vm, &a, "gc", 2, 4)?;
    // first, as CFFI's argument parsing ("OO|n"): `__index__` may run (args are re-read below)
    let size = match opt_arg(vm, &a, 3, "size") {
        Some(s) => conv::ssize_value(vm, s)?,
        None => 0,
    };
    let c = vm.arg(&a, 1);
    let Some(cd) = cdata_of(vm, c) else {
        let tn = vm.type_name(c);
        return Err(vm.type_error(format!("expected a cdata object, got '{tn}'")));
    };
    let destructor = opt_arg(vm, &a, 2, "destructor").unwrap_or(vm.none());
    if destructor == vm.none() {
        if cd.flavor == Flavor::Gc {
            cdata::set_destructor(vm, c, Value::NULL);
            // no destructor will free the memory through this cdata any more
            if let Some(cd) = cdata_mut(vm, c) {
                if let Some(x) = cd.extra.as_deref_mut() {
                    let mut p = std::mem::take(&mut x.pressure);
                    p.release(vm);
                }
            }
            return Ok(vm.none());
        }
        return Err(
            vm.type_error("Can remove destructor only on a object previously returned by ffi.gc()")
        );
    }
    let mut n = CData::new(&cd.sh, cd.ty, cd.ptr, Flavor::Gc);
    n.len = cd.len;
    n.size = cd.size;
    // counted now: may request a major collection at the next allocation (not a GC point itself)
    n.extra_mut().pressure = Pressure::add(vm, size.max(0) as usize);
    let mut obj = CDataObj::new(n, vm.arg(&a, 1));
    obj.more_mut().destructor = destructor;
    let v = cdata::wrap_obj(vm, Box::new(obj))?;
    vm.heap.register_finalizer(v);
    Ok(v)
}

/// Runs the finalizers queued by the last major collection (the destructors of dead `ffi.gc` cdata
/// and allocator frees), if any: called by the cffi entry points that register more of them.
fn run_finalizers(vm: &mut Vm) {
    if vm.heap.has_pending_finalizers() {
        vm.run_pending_finalizers();
    }
}

/// Runs the destructor of a gc cdata (or an allocator's free) at most once.
pub fn run_destructor(vm: &mut Vm, v: Value) -> PyResult<()> {
    let Some(o) = cdata::cdata_obj(vm, v) else {
        return Ok(());
    };
    if !matches!(o.cd.flavor, Flavor::Gc | Flavor::Owning) {
        return Ok(());
    }
    let (d, orig) = (o.destructor(), o.owner);
    if d.is_null() || d == vm.none() {
        return Ok(());
    }
    cdata::set_destructor(vm, v, Value::NULL);
    if let Some(x) = cdata_mut(vm, v).and_then(|cd| cd.extra.as_deref_mut()) {
        let mut p = std::mem::take(&mut x.pressure);
        p.release(vm);
    }
    vm.call(d, &[orig])?;
    Ok(())
}

/// `__minipy_finalize__` of cdata: called by the VM after the GC found a registered cdata dead.
pub fn cdata_finalize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.arg(&a, 0);
    run_destructor(vm, v)?;
    Ok(vm.none())
}

/// `ffi.release(cdata)` / `cdata.__exit__`: destructor now, from_buffer released.
pub fn release(vm: &mut Vm, v: Value) -> PyResult<()> {
    let Some(cd) = cdata_mut(vm, v) else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("expected a cdata object, got '{tn}'")));
    };
    match cd.flavor {
        Flavor::Gc | Flavor::Owning => run_destructor(vm, v),
        Flavor::FromBuffer(_) => {
            cd.released = true;
            let Some(x) = cd.extra.as_deref_mut() else {
                return Ok(());
            };
            x.export = None; // the bytearray may resize again
            if let Some(g) = x.pin.take() {
                g.release(vm); // the bytes may move again
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn ffi_release(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "release", 2, 2)?;
    release(vm, vm.arg(&a, 1))?;
    Ok(vm.none())
}

/// `ffi.new_allocator(alloc=None, free=None, should_clear_after_alloc=True)`: a callable
/// `allocator(cdecl, init=None)`; state in a bound tuple (ffi, alloc, free, clear).
fn ffi_new_allocator(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(
        &a,
        "new_allocator",
        &["alloc", "free", "should_clear_after_alloc"],
    )?;
    let clear = match opt_arg(vm, &a, 3, "should_clear_after_alloc") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let none = vm.none();
    let alloc = opt_arg(vm, &a, 1, "alloc").unwrap_or(none);
    let free = opt_arg(vm, &a, 2, "free").unwrap_or(none);
    if alloc == none && free != none {
        return Err(vm.type_error("cannot pass 'free' without 'alloc'"));
    }
    let clear = vm.bool_val(clear);
    let t = vm.new_tuple(&[vm.arg(&a, 0), alloc, free, clear])?;
    vm.new_native("allocator", allocator_call, t)
}

fn allocator_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    run_finalizers(vm); // as in ffi_gc: frees of dead allocations before allocating more
    let st = vm.arg(&a, 0);
    let items = vm.tuple_items(st).to_vec();
    let ffi_obj = items[0];
    let Some(d) = foreign::<super::ffi_obj::FfiData>(vm, ffi_obj) else {
        return Err(vm.type_error("bad allocator"));
    };
    let sh = d.sh.clone();
    let Some(decl) = opt_arg(vm, &a, 1, "cdecl") else {
        return Err(vm.type_error("allocator() missing 1 required positional argument: 'cdecl'"));
    };
    let ty = type_arg(vm, &sh, decl)?;
    let init = opt_arg(vm, &a, 2, "init").filter(|v| *v != vm.none());
    let has_init = init.is_some();
    // re-read: type_arg may have allocated
    let alloc = vm.tuple_items(vm.arg(&a, 0))[1];
    if alloc == vm.none() {
        return new_with(vm, &sh, ty, init);
    }
    let base = vm.sp();
    vm.push(vm.arg(&a, 0)); // re-read: type_arg may have allocated
    if let Some(i) = init {
        vm.push(i);
    }
    let r = new_size(vm, &sh, ty, init.map(|_| base + 1));
    vm.truncate(base + 1);
    let (size, len, do_init) = match r {
        Ok(x) => x,
        Err(e) => {
            vm.truncate(base);
            return Err(e);
        }
    };
    let sz = vm.new_int(size as i64)?;
    let alloc = vm.tuple_items(vm.at(base))[1];
    let r = vm.call(alloc, &[sz]);
    let raw = match r {
        Ok(r) => r,
        Err(e) => {
            vm.truncate(base);
            return Err(e);
        }
    };
    vm.push(raw);
    let ptr = match cdata_of(vm, raw) {
        Some(c)
            if c.is_pointer_kind() || matches!(conv::cls_of(&c.sh, c.ty), Cls::Array { .. }) =>
        {
            c.ptr
        }
        Some(c) => {
            let n = c.name();
            vm.truncate(base);
            return Err(vm.type_error(format!("alloc() must return a cdata pointer, not '{n}'")));
        }
        None => {
            let tn = vm.type_name(raw);
            vm.truncate(base);
            return Err(vm.type_error(format!("alloc() must return a cdata object (got {tn})")));
        }
    };
    if ptr.is_null() {
        vm.truncate(base);
        return Err(vm.raise("MemoryError", "alloc() returned NULL"));
    }
    let clear = vm.tuple_items(vm.at(base))[3];
    if vm.truthy(clear)? {
        // SAFETY: the allocator returned at least `size` bytes (its contract).
        unsafe { std::ptr::write_bytes(ptr, 0, size) };
    }
    let mut cd = CData::new(&sh, ty, ptr, Flavor::Owning);
    cd.size = size;
    cd.len = len;
    // `free` (if any) is called with the raw cdata when this one dies.
    let mut obj = CDataObj::new(cd, vm.at(base + 1));
    let free = vm.tuple_items(vm.at(base))[2];
    if free != vm.none() {
        obj.more_mut().destructor = free;
        // the memory `free` releases counts toward the major-collection trigger, as ffi.new's own
        obj.cd.extra_mut().pressure = Pressure::add(vm, size);
    }
    let r = cdata::wrap_obj(vm, Box::new(obj));
    let v = match r {
        Ok(v) => v,
        Err(e) => {
            vm.truncate(base);
            return Err(e);
        }
    };
    vm.push(v);
    let free = vm.tuple_items(vm.at(base))[2];
    if free != vm.none() {
        vm.heap.register_finalizer(vm.at(base + 2));
    }
    if has_init && do_init {
        let init = opt_arg(vm, &a, 2, "init").unwrap_or(Value::NULL);
        // SAFETY: ptr is the allocator's memory of the size new_size computed for ty and init.
        let r = unsafe { init_new(vm, &sh, ty, ptr, init) };
        if let Err(e) = r {
            vm.truncate(base);
            return Err(e);
        }
    }
    let v = vm.at(base + 2);
    vm.truncate(base);
    Ok(v)
}

/// Walks `fields_or_indexes` from type `ty`: (final type, byte offset). Strings name struct
/// fields (through one pointer level at the start), ints index arrays/pointers.
pub fn walk_fields(
    vm: &mut Vm,
    sh: &Shared,
    mut ty: TypeId,
    a: &Args,
    first: usize,
) -> PyResult<(TypeId, usize)> {
    let mut off: i64 = 0;
    let n = vm.npos(a);
    for i in first..n {
        let k = vm.arg(a, i);
        if vm.is(k, Kind::Str) {
            let name = vm.str_of(k).to_string();
            if i == first {
                if let TypeKind::Pointer(t) = sh.tt().kind(ty).clone() {
                    if matches!(sh.tt().kind(t), TypeKind::Struct(_)) {
                        ty = t;
                    }
                }
            }
            let f = sh.tt().field(ty, &name).cloned();
            match f {
                Some(f) => {
                    let Some(o) = off.checked_add(f.offset as i64) else {
                        return Err(vm.overflow_error("array offset would overflow a Py_ssize_t"));
                    };
                    off = o;
                    ty = f.ty;
                }
                None => {
                    if !matches!(sh.tt().kind(ty), TypeKind::Struct(_)) {
                        let tn = sh.name(ty);
                        return Err(
                            vm.type_error(format!("expected a struct or union ctype, got '{tn}'"))
                        );
                    }
                    return Err(vm.key_error(k));
                }
            }
        } else if let Some(idx) = vm.to_i64(k) {
            let item = sh.tt().item(ty);
            let Some(item) = item else {
                let tn = sh.name(ty);
                return Err(
                    vm.type_error(format!("expected an array or pointer ctype, got '{tn}'"))
                );
            };
            let isz = sh.tt().size_of(item).unwrap_or(0) as i64;
            let Some(o) = idx.checked_mul(isz).and_then(|d| off.checked_add(d)) else {
                return Err(vm.overflow_error("array offset would overflow a Py_ssize_t"));
            };
            off = o;
            ty = item;
        } else {
            // CFFI takes ints only here (no __index__)
            return Err(vm.type_error("field name or array index expected"));
        }
    }
    Ok((ty, off as usize))
}

/// `ffi.addressof(cdata, *fields_or_indexes)` / `ffi.addressof(lib, "name")`.
fn ffi_addressof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "addressof", 2, usize::MAX)?;
    let sh = ffi_self(vm, &a)?;
    let x = vm.arg(&a, 1);
    if let Some(l) = foreign::<LibData>(vm, x) {
        let ld = l.handle.clone();
        return super::lib_obj::address_of_symbol(vm, &ld, &a);
    }
    let Some(cd) = cdata_of(vm, x) else {
        let tn = vm.type_name(x);
        return Err(vm.type_error(format!(
            "expected a cdata struct/union/array object, got '{tn}'"
        )));
    };
    let kind = cd.sh.tt().kind(cd.ty).clone();
    let ok = match &kind {
        TypeKind::Struct(_) | TypeKind::Array { .. } => true,
        TypeKind::Pointer(t) => {
            vm.npos(&a) > 2 && matches!(cd.sh.tt().kind(*t), TypeKind::Struct(_))
        }
        _ => false,
    };
    if !ok || cd.flavor == Flavor::Primitive {
        return Err(vm.type_error("expected a cdata struct/union/array object"));
    }
    let csh = cd.sh.clone();
    let base_ptr = cd.ptr;
    let (ty, off) = walk_fields(vm, &csh, cd.ty, &a, 2)?;
    let pty = csh.pointer_to(ty);
    let _ = sh;
    // SAFETY: pointer arithmetic only (the result is a raw address).
    let p = unsafe { base_ptr.add(off) };
    cdata::new_pointer(vm, &csh, pty, p as usize)
}
