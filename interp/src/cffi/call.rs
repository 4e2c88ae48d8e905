//! Calling C: `fp(args...)` on a function-pointer cdata (`lib.f(...)`). Arguments are converted
//! into non-moving buffers (on the Rust stack, or malloc'd when large); `bytes` for `char *` are
//! passed in place, pinned for the call (see `bytes_arg`); temporaries (lists for `T *`) live until
//! the call returns.
//! Non-variadic calls go through a prepared [`CallPlan`] (call interface plus conversions, cached per function type
//! and in the function cdata itself); variadic calls use the call interfaces cached per argument
//! types in `FfiShared::cifs`. `errno` is restored before and saved after every call (`ffi.errno`).
//!
//! While C runs, [`current_vm`] gives callbacks the VM (a thread-local raw pointer set for the
//! duration of the call; the VM runs on one thread). The caller holds no `Value` across the call:
//! everything is re-read from the value stack afterwards.

use super::cdata::{cdata_mut, cdata_of, CData, CDataObj};
use super::conv::{self, Cls};
use super::fast::{self, ArgConv, CallPlan};
use super::foreign_mut;
use super::pin::{bytes_data, PinGuard};
use super::{fr, Shared};
use crate::obj::layout::{BytesObj, Kind};
use crate::vm::{Args, PyResult, Vm};
use ffi::{TypeId, TypeKind};
use gc::Value;
use std::cell::Cell;
use std::ffi::c_void;
use std::rc::Rc;

thread_local! {
    static VM_PTR: Cell<*mut Vm> = const { Cell::new(std::ptr::null_mut()) };
    static SAVED_ERRNO: Cell<i32> = const { Cell::new(0) };
}

/// The VM running the current C call (null outside of calls into C).
pub fn current_vm() -> *mut Vm {
    VM_PTR.with(|c| c.get())
}

/// Runs `f` as a call into C made by `vm`: the callbacks C makes meanwhile find the VM (the
/// embedding runtime calls exported `extern "Python"` functions through this, embed/).
pub fn as_c_call<R>(vm: &mut Vm, f: impl FnOnce() -> R) -> R {
    let vmp: *mut Vm = vm;
    let prev = VM_PTR.with(|c| c.replace(vmp));
    let r = f();
    VM_PTR.with(|c| c.set(prev));
    r
}

pub fn saved_errno() -> i32 {
    SAVED_ERRNO.with(|c| c.get())
}

pub fn set_saved_errno(v: i32) {
    SAVED_ERRNO.with(|c| c.set(v))
}

/// Number of 16-byte units of the inline temporary arena (larger temporaries are malloc'd).
const INLINE_TEMP: usize = 16;
/// Argument slots, argument pointers and return units kept on the Rust stack.
const INLINE_SLOTS: usize = 8;
const INLINE_RET: usize = 4;

/// Temporaries of one call (lists for `T *`): a small inline arena,
/// then malloc'd buffers. Must not move once a temporary has been handed out.
/// `pins`: the young `bytes` arguments pinned for the call, with their lengths (`settle_pins` ends
/// them; on an error path, dropping the guards ends them at the next collection).
struct ArgBuffers {
    inline: std::mem::MaybeUninit<[u128; INLINE_TEMP]>,
    used: usize,
    temps: Vec<Vec<u128>>,
    pins: Vec<(PinGuard, usize)>,
}

impl ArgBuffers {
    fn new() -> ArgBuffers {
        ArgBuffers {
            inline: std::mem::MaybeUninit::uninit(),
            used: 0,
            temps: Vec::new(),
            pins: Vec::new(),
        }
    }

    /// A zeroed, 16-aligned temporary of `bytes` bytes, valid until the buffers are dropped.
    fn temp(&mut self, bytes: usize) -> *mut u8 {
        let n = bytes.div_ceil(16).max(1);
        if self.used + n <= INLINE_TEMP {
            // SAFETY: units used..used+n lie inside the inline arena; they are zeroed here.
            let p = unsafe { (self.inline.as_mut_ptr() as *mut u128).add(self.used) as *mut u8 };
            // SAFETY: p..p + n * 16 is inside the inline arena (checked just above).
            unsafe { std::ptr::write_bytes(p, 0, n * 16) };
            self.used += n;
            return p;
        }
        let mut v = vec![0u128; n];
        let p = v.as_mut_ptr() as *mut u8;
        self.temps.push(v);
        p
    }
}

/// The `char *` passed for the bytes object `v`: as on CPython, the object's own data, NUL-terminated
/// (bytes are allocated with a zero byte after their data). An old or large object never moves; a
/// young one is pinned in place for the call (pin.rs: no copy), and a `char *` result pointing into
/// it (`strchr`) keeps it pinned while that result cdata lives (`settle_pins`). If the heap refuses
/// the pin, the data is copied to the object's old-generation shadow, where it will live.
fn bytes_arg(vm: &mut Vm, v: Value, bufs: &mut ArgBuffers) -> *mut u8 {
    let (p, pin) = bytes_data(vm, v);
    if let Some(g) = pin {
        let len = vm.bytes_of(v).len();
        if bufs.pins.capacity() == 0 {
            // a vector kept from an earlier call: no malloc/free per call with a bytes argument
            bufs.pins = PIN_VEC.take();
        }
        bufs.pins.push((g, len));
    }
    p
}

thread_local! {
    /// The (empty) pin list of the last call that pinned, reused by the next one.
    static PIN_VEC: std::cell::Cell<Vec<(PinGuard, usize)>> = const { std::cell::Cell::new(Vec::new()) };
}

/// The pointer a C call returned in `ret`, if its result type is a pointer.
///
/// # Safety
/// `ret` holds the C result of type `rty`.
unsafe fn ret_pointer(sh: &Shared, rty: TypeId, ret: *mut u8) -> Option<usize> {
    // SAFETY: a pointer result is a pointer-sized value at `ret` (the caller's contract).
    matches!(conv::cls_of(sh, rty), Cls::Pointer(_)).then(|| unsafe { *(ret as *const usize) })
}

/// After a call: a `char *` result pointing into a pinned bytes argument (`retp`) takes over that
/// argument's pin and keeps the bytes alive (its owner), so the pointer stays valid while the
/// result lives, as on CPython; every other pin ends now.
fn settle_pins(
    vm: &mut Vm,
    mut pins: Vec<(PinGuard, usize)>,
    retp: Option<usize>,
    r: &PyResult<Value>,
) {
    for (g, len) in pins.drain(..) {
        let v = g.value();
        // SAFETY: a pinned bytes object is live and has not moved; its data follows the fields.
        let data = unsafe { (*(vm.heap.payload(v) as *mut BytesObj)).data.as_ptr() } as usize;
        let inside = retp.is_some_and(|p| p >= data && p <= data + len);
        let g = match (inside, r) {
            (true, Ok(rv)) => match adopt_pin(vm, *rv, g) {
                Ok(()) => continue,
                Err(g) => g,
            },
            _ => g,
        };
        g.release(vm);
    }
    PIN_VEC.set(pins);
}

/// Gives the result cdata `rv` the pin `g` and makes the pinned object its owner (kept alive).
fn adopt_pin(vm: &mut Vm, rv: Value, g: PinGuard) -> Result<(), PinGuard> {
    let v = g.value();
    match foreign_mut::<CDataObj>(vm, rv) {
        Some(o) if o.cd.extra().is_none_or(|x| x.pin.is_none()) && o.owner.is_null() => {
            o.owner = v;
            o.cd.extra_mut().pin = Some(g);
            vm.heap.write_barrier(rv);
            Ok(())
        }
        _ => Err(g),
    }
}

/// `__call__` of cdata: call the C function it points to.
pub fn cdata_call(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = vm.arg(&a, 0);
    let Some(cd) = cdata_mut(vm, f) else {
        return Err(vm.type_error("not a cdata"));
    };
    if a.kwnames.is_null() && !cd.ptr.is_null() {
        if let Some(plan) = plan_of(cd) {
            if plan.args.len() == a.n - 1 {
                let (sh, code) = (cd.sh.clone(), cd.ptr);
                return call_planned(vm, &a, &sh, &plan, code);
            }
        }
    }
    call_general(vm, a)
}

/// The eval loop's shortcut for calling a function cdata at stack slot `fslot` with `nargs`
/// positional arguments above it: straight to its prepared plan, without looking up the cdata
/// type's `__call__` (None: not a plannable function cdata, take the generic path).
pub fn fast_call(
    vm: &mut Vm,
    fslot: usize,
    nargs: usize,
    kwnames: Value,
) -> Option<PyResult<Value>> {
    if !kwnames.is_null() {
        return None;
    }
    let f = vm.at(fslot);
    let cd = cdata_mut(vm, f)?;
    if cd.ptr.is_null() {
        return None;
    }
    let plan = plan_of(cd)?;
    if plan.args.len() != nargs {
        return None;
    }
    let (sh, code) = (cd.sh.clone(), cd.ptr);
    // the cdata itself is argument 0, as for its `__call__`
    let a = Args {
        base: fslot,
        n: nargs + 1,
        kwnames,
    };
    Some(call_planned(vm, &a, &sh, &plan, code))
}

/// The prepared call of a function cdata (cached in the cdata, checked against the FFI's
/// declaration generation); None for variadic functions and non-functions.
fn plan_of(cd: &mut CData) -> Option<Rc<CallPlan>> {
    let gen = cd.sh.generation.get();
    if let Some((g, p)) = cd.extra().and_then(|x| x.call_plan.as_ref()) {
        if *g == gen && p.fty == cd.ty {
            return Some(p.clone());
        }
    }
    let p = fast::call_plan(&cd.sh, cd.ty)?;
    cd.extra_mut().call_plan = Some((gen, p.clone()));
    Some(p)
}

/// Calls `code` through its prepared plan: arguments converted into stack buffers (scalars and
/// `bytes` for `char *` directly, the rest through [`convert_arg`]), no lookups by name.
fn call_planned(
    vm: &mut Vm,
    a: &Args,
    sh: &Shared,
    plan: &CallPlan,
    code: *mut u8,
) -> PyResult<Value> {
    let mut inline_slots = [0u128; INLINE_SLOTS];
    let mut heap_slots = Vec::new();
    let slots = if plan.nslots <= INLINE_SLOTS {
        inline_slots.as_mut_ptr() as *mut u8
    } else {
        heap_slots = vec![0u128; plan.nslots];
        heap_slots.as_mut_ptr() as *mut u8
    };
    let mut inline_ptrs = [std::ptr::null_mut::<c_void>(); INLINE_SLOTS];
    let mut heap_ptrs = Vec::new();
    let ptrs: &mut [*mut c_void] = if plan.args.len() <= INLINE_SLOTS {
        &mut inline_ptrs[..plan.args.len()]
    } else {
        heap_ptrs.resize(plan.args.len(), std::ptr::null_mut());
        &mut heap_ptrs
    };
    // gc-safe: plain buffers, and the Values in `bufs.pins` are pinned objects, which never move
    let mut bufs = ArgBuffers::new();
    for (i, &(ty, conv, off)) in plan.args.iter().enumerate() {
        // SAFETY: slot `off` and its successors for this argument lie inside the slot buffer.
        let dst = unsafe { slots.add(off * 16) };
        ptrs[i] = dst as *mut c_void;
        let v = vm.arg(a, i + 1);
        let done = match conv {
            // SAFETY: dst is a 16-byte slot, large enough for any scalar.
            ArgConv::Scalar(f) => unsafe { fast::store(vm, f, dst, v) },
            ArgConv::BytePtr if vm.is(v, Kind::Bytes) => {
                let p = bytes_arg(vm, v, &mut bufs);
                // SAFETY: dst is a pointer-sized slot.
                unsafe { ffi::convert::write_pointer(dst, p as usize) };
                true
            }
            _ => false,
        };
        if !done {
            // SAFETY: dst is this argument's slot, sized for its type.
            unsafe { convert_arg(vm, sh, ty, v, dst, &mut bufs)? };
        }
    }
    let ret_units = plan.cif.ret_buffer_size().div_ceil(16).max(1);
    let mut inline_ret = [0u128; INLINE_RET];
    let mut heap_ret = Vec::new();
    let ret = if ret_units <= INLINE_RET {
        inline_ret.as_mut_ptr() as *mut u8
    } else {
        heap_ret = vec![0u128; ret_units];
        heap_ret.as_mut_ptr() as *mut u8
    };
    // SAFETY: `code` is a C function of the plan's type (what the cdata says); every argument
    // slot holds a converted value of its type; `ret` is 16-aligned and large enough.
    unsafe { call_c(vm, &plan.cif, code, ptrs, ret) };
    let pins = std::mem::take(&mut bufs.pins);
    drop(bufs);
    let r = match plan.ret {
        None => Ok(vm.none()),
        // SAFETY: ret holds the C result of the plan's result type.
        Some(f) => match unsafe { fast::load(vm, f, ret) } {
            Some(r) => r,
            // SAFETY: as above.
            None => unsafe { result_value(vm, sh, plan.result, ret) },
        },
    };
    if !pins.is_empty() {
        // SAFETY: ret holds the C result of the plan's result type.
        let retp = unsafe { ret_pointer(sh, plan.result, ret) };
        settle_pins(vm, pins, retp, &r);
    }
    drop((heap_slots, heap_ret));
    r
}

/// Runs the C call with `errno` restored/saved and the VM published for callbacks.
///
/// # Safety
/// As [`ffi::CallInterface::call`].
unsafe fn call_c(
    vm: &mut Vm,
    cif: &ffi::CallInterface,
    code: *mut u8,
    ptrs: &[*mut c_void],
    ret: *mut u8,
) {
    let vmp: *mut Vm = vm;
    let prev = VM_PTR.with(|c| c.replace(vmp));
    ffi::call::set_errno(saved_errno());
    // SAFETY: the caller upholds CallInterface::call's contract (this function's contract).
    unsafe { cif.call(code as *const c_void, ptrs, ret as *mut c_void) };
    set_saved_errno(ffi::call::errno());
    VM_PTR.with(|c| c.set(prev));
}

/// The general call path: variadic functions, keyword arguments, wrong argument counts.
fn call_general(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = vm.arg(&a, 0);
    let Some(cd) = cdata_of(vm, f) else {
        return Err(vm.type_error("not a cdata"));
    };
    let sh = cd.sh.clone();
    let (fty, code) = (cd.ty, cd.ptr);
    let Some(func) = sh.tt().func(fty).cloned() else {
        let n = sh.name(fty);
        return Err(vm.type_error(format!("cdata '{n}' is not callable")));
    };
    if !a.kwnames.is_null() {
        return Err(vm.type_error("keyword arguments not supported for C functions"));
    }
    let nargs = a.n - 1;
    let nfixed = func.args.len();
    if (!func.variadic && nargs != nfixed) || nargs < nfixed {
        let n = sh.name(fty);
        let least = if func.variadic { "at least " } else { "" };
        return Err(vm.type_error(format!(
            "'{n}' expects {least}{nfixed} arguments, got {nargs}"
        )));
    }
    if code.is_null() {
        return Err(vm.raise("RuntimeError", "cannot call a NULL function pointer"));
    }
    let mut types: Vec<TypeId> = func.args.clone();
    let mut extra = Vec::new();
    for i in nfixed..nargs {
        let v = vm.arg(&a, i + 1);
        let Some(c) = cdata_of(vm, v) else {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!(
                "argument {} passed in the variadic part needs to be a cdata object (got {tn})",
                i + 1
            )));
        };
        let t = if std::rc::Rc::ptr_eq(&c.sh, &sh) {
            c.ty
        } else {
            let r = sh.parse_type(&c.name());
            fr(vm, r)?
        };
        let r = sh.with_decls(|d| Ok(ffi::vararg_promote(&mut d.types, t)));
        let t = fr(vm, r)?;
        extra.push(t);
        types.push(t);
    }
    let r = sh.cif(fty, extra);
    let cif = fr(vm, r)?;
    // gc-safe: plain buffers, and the Values in `bufs.pins` are pinned objects, which never move
    let mut bufs = ArgBuffers::new();
    let mut offsets = Vec::with_capacity(types.len());
    let mut total = 0usize;
    for t in &types {
        offsets.push(total);
        let size = sh.tt().size_of(*t).unwrap_or(8).max(8);
        total += size.div_ceil(16);
    }
    let mut slots = vec![0u128; total.max(1)];
    for (i, t) in types.iter().enumerate() {
        // SAFETY: the argument's slots lie inside `slots`.
        let dst = unsafe { (slots.as_mut_ptr() as *mut u8).add(offsets[i] * 16) };
        let v = vm.arg(&a, i + 1);
        // SAFETY: dst is this argument's slot, sized for its type.
        unsafe { convert_arg(vm, &sh, *t, v, dst, &mut bufs)? };
    }
    let base_ptr = slots.as_mut_ptr() as *mut u8;
    let ptrs: Vec<*mut c_void> = offsets
        .iter()
        // SAFETY: every argument's slot (offset * 16) lies inside `slots`, as above.
        .map(|o| unsafe { base_ptr.add(o * 16) } as *mut c_void)
        .collect();
    let mut ret = vec![0u128; cif.ret_buffer_size().div_ceil(16).max(1)];
    // SAFETY: `code` is a C function of type `fty` (what the cdata says); every argument buffer
    // holds a converted value of its type; `ret` is 16-aligned and large enough.
    unsafe { call_c(vm, &cif, code, &ptrs, ret.as_mut_ptr() as *mut u8) };
    let pins = std::mem::take(&mut bufs.pins);
    drop(bufs);
    let retb = ret.as_mut_ptr() as *mut u8;
    // SAFETY: ret holds the C result of type `func.result`.
    let r = unsafe { result_value(vm, &sh, func.result, retb) };
    if !pins.is_empty() {
        // SAFETY: as above.
        let retp = unsafe { ret_pointer(&sh, func.result, retb) };
        settle_pins(vm, pins, retp, &r);
    }
    r
}

/// The Python value of a C result in `ret`.
///
/// # Safety
/// `ret` must point to a C value of type `rty` (a call's return buffer).
pub unsafe fn result_value(vm: &mut Vm, sh: &Shared, rty: TypeId, ret: *mut u8) -> PyResult<Value> {
    match conv::cls_of(sh, rty) {
        Cls::Void => Ok(vm.none()),
        // SAFETY: ret holds a struct of type rty (the function's contract), `size` bytes.
        Cls::Struct { size, .. } => unsafe { conv::owning_copy(vm, sh, rty, ret, size) },
        // SAFETY: ret holds a C value of type rty (the function's contract), outside the GC heap.
        _ => unsafe { conv::load(vm, sh, rty, ret, Value::NULL) },
    }
}

/// Converts argument `v` for a parameter of type `ty` into `dst`.
///
/// # Safety
/// `dst` must be an argument slot large enough for a value of type `ty`.
unsafe fn convert_arg(
    vm: &mut Vm,
    sh: &Shared,
    ty: TypeId,
    v: Value,
    dst: *mut u8,
    bufs: &mut ArgBuffers,
) -> PyResult<()> {
    let cls = conv::cls_of(sh, ty);
    let Cls::Pointer(item) = cls else {
        // SAFETY: dst is a slot large enough for a `ty` (the function's contract), outside the GC heap
        // (so it stays valid across the conversion's GC points).
        return unsafe { conv::store(vm, sh, ty, dst, v) };
    };
    if cdata_of(vm, v).is_some() {
        let p = conv::pointer_value(vm, sh, ty, v, true)?;
        // SAFETY: dst is a pointer-sized slot.
        unsafe { ffi::convert::write_pointer(dst, p) };
        return Ok(());
    }
    let item_cls = conv::cls_of(sh, item);
    let byteish = matches!(item_cls, Cls::Char | Cls::Void)
        || matches!(item_cls, Cls::Int) && sh.tt().size_of(item) == Some(1);
    if vm.is(v, Kind::Bytes) && byteish {
        let p = bytes_arg(vm, v, bufs);
        // SAFETY: dst is a pointer-sized slot.
        unsafe { ffi::convert::write_pointer(dst, p as usize) };
        return Ok(());
    }
    if let Some(n) = conv::seq_len(vm, v) {
        if !matches!(item_cls, Cls::Void | Cls::Other) {
            let isz = sh.tt().size_of(item).unwrap_or(0);
            let p = bufs.temp(n * isz + 1);
            let base = vm.sp();
            vm.push(v);
            for i in 0..n {
                let Some(x) = conv::seq_item(vm, vm.at(base), i) else {
                    break;
                };
                // SAFETY: the temporary holds n items.
                let q = unsafe { p.add(i * isz) };
                // SAFETY: q is item i of the temporary.
                if let Err(e) = unsafe { conv::store(vm, sh, item, q, x) } {
                    vm.truncate(base);
                    return Err(e);
                }
            }
            vm.truncate(base);
            // SAFETY: dst is a pointer-sized slot.
            unsafe { ffi::convert::write_pointer(dst, p as usize) };
            return Ok(());
        }
    }
    let tn = sh.name(ty);
    let w = vm.type_name(v);
    if (vm.is(v, Kind::Str) || vm.is(v, Kind::Bytes)) && matches!(item_cls, Cls::Char) {
        return Err(vm.type_error(format!(
            "initializer for ctype '{tn}' must be a bytes or list or tuple, not {w}"
        )));
    }
    if vm.is(v, Kind::Str) || vm.is(v, Kind::Bytes) {
        let kinds = if matches!(sh.tt().kind(item), TypeKind::Void) {
            "cdata pointer"
        } else {
            "list or tuple"
        };
        return Err(vm.type_error(format!(
            "initializer for ctype '{tn}' must be a {kinds}, not {w}"
        )));
    }
    Err(vm.type_error(format!(
        "initializer for ctype '{tn}' must be a cdata pointer, not {w}"
    )))
}
