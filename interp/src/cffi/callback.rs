//! `ffi.callback(cdecl, python_callable=None, error=None, onerror=None)`: a libffi closure
//! calling Python. The callback cdata owns the closure (`Box<ffi::Callback>` in its data) and
//! keeps the callable ([`CDataObj::callable`]) and `onerror` ([`CDataObj::onerror`]) alive. The
//! closure's userdata is NOT an address on the moving heap: it is the handle token of the callback
//! cdata, looked up when C calls back. C calls back only during a call into C made by this VM ([`current_vm`]); the
//! callback may allocate and collect: every Value it holds is on the value stack.

use super::call::current_vm;
use super::cdata::{self, cdata_mut, cdata_of, CData, CDataObj, Flavor};
use super::conv::{self, Cls};
use super::ffi_obj::ffi_self;
use super::{fr, opt_arg, Shared};
use crate::obj::layout::Kind;
use crate::vm::{Args, PyResult, Vm};
use ffi::TypeId;
use gc::Value;
use std::ffi::c_void;

/// `ffi.callback(...)`; without a callable, a decorator.
pub fn ffi_callback(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(
        &a,
        "callback",
        &["cdecl", "python_callable", "error", "onerror"],
    )?;
    let sh = ffi_self(vm, &a)?;
    let none = vm.none();
    let Some(decl) = opt_arg(vm, &a, 1, "cdecl") else {
        return Err(vm.type_error("callback() missing 1 required positional argument: 'cdecl'"));
    };
    let fty = callback_type(vm, &sh, decl)?;
    // re-read: callback_type may allocate (ctype objects)
    let decl = opt_arg(vm, &a, 1, "cdecl").expect("cdecl was given (checked above)");
    let f = opt_arg(vm, &a, 2, "python_callable").unwrap_or(none);
    let error = opt_arg(vm, &a, 3, "error").unwrap_or(none);
    let onerror = opt_arg(vm, &a, 4, "onerror").unwrap_or(none);
    if f == none {
        let t = vm.new_tuple(&[vm.arg(&a, 0), decl, error, onerror])?;
        return vm.new_native("callback_decorator", decorator, t);
    }
    make_callback(vm, &sh, fty, f, error, onerror)
}

fn decorator(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let st = vm.arg(&a, 0);
    let items = vm.tuple_items(st).to_vec();
    if a.n < 2 {
        return Err(vm.type_error("callback decorator expects a function"));
    }
    let Some(d) = super::foreign::<super::ffi_obj::FfiData>(vm, items[0]) else {
        return Err(vm.type_error("bad decorator"));
    };
    let sh = d.sh.clone();
    let fty = callback_type(vm, &sh, items[1])?;
    let st = vm.arg(&a, 0);
    let items = vm.tuple_items(st).to_vec();
    make_callback(vm, &sh, fty, vm.arg(&a, 1), items[2], items[3])
}

fn callback_type(vm: &mut Vm, sh: &Shared, decl: Value) -> PyResult<TypeId> {
    let ty = if vm.is(decl, Kind::Str) {
        let s = vm.str_of(decl).to_string();
        let r = sh.with_decls(|d| d.parse_callback_type(&s));
        fr(vm, r)?
    } else {
        super::ctype_obj::type_arg(vm, sh, decl)?
    };
    if sh.tt().func(ty).is_none() {
        let n = sh.name(ty);
        return Err(vm.type_error(format!("expected a function ctype, got '{n}'")));
    }
    Ok(ty)
}

fn is_callable(vm: &mut Vm, f: Value) -> bool {
    if !f.is_ptr() {
        return false;
    }
    match vm.kind(f) {
        Kind::Function | Kind::Native | Kind::BoundMethod | Kind::Type => true,
        Kind::Instance | Kind::Foreign => vm.special(f, "__call__").is_some(),
        _ => false,
    }
}

/// Builds the callback cdata (see the module docs).
pub fn make_callback(
    vm: &mut Vm,
    sh: &Shared,
    fty: TypeId,
    f: Value,
    error: Value,
    onerror: Value,
) -> PyResult<Value> {
    let base = vm.sp();
    vm.push(f);
    vm.push(error);
    vm.push(onerror);
    let r = build(vm, sh, fty, base);
    vm.truncate(base);
    r
}

fn build(vm: &mut Vm, sh: &Shared, fty: TypeId, base: usize) -> PyResult<Value> {
    let (f, error, onerror) = (vm.at(base), vm.at(base + 1), vm.at(base + 2));
    if !is_callable(vm, f) {
        return Err(vm.type_error("the 'python_callable' argument is not callable"));
    }
    if onerror != vm.none() && !is_callable(vm, onerror) {
        let tn = vm.type_name(onerror);
        return Err(vm.type_error(format!(
            "expected a callable object for 'onerror', not {tn}"
        )));
    }
    let rty = sh.tt().func(fty).map(|f| f.result).unwrap_or(fty);
    let rsize = sh.tt().size_of(rty).unwrap_or(0);
    let mut err_bytes = vec![0u8; rsize.max(8).next_multiple_of(16)];
    if error != vm.none() && matches!(conv::cls_of(sh, rty), Cls::Void) {
        return Err(vm.type_error("callback with the return type 'void' must return None"));
    }
    if error != vm.none() {
        // SAFETY: err_bytes is large enough for a value of the result type.
        unsafe { conv::store(vm, sh, rty, err_bytes.as_mut_ptr(), error)? };
    }
    let mut cd = CData::new(sh, fty, std::ptr::null_mut(), Flavor::Callback);
    cd.extra_mut().cb_error = err_bytes;
    let mut obj = CDataObj::new(cd, Value::NULL);
    obj.more_mut().callable = vm.at(base);
    obj.more_mut().onerror = vm.at(base + 2);
    let v = cdata::wrap_obj(vm, Box::new(obj))?;
    vm.push(v);
    let token = vm.heap.new_handle(v);
    let r = {
        let tt = sh.tt();
        ffi::Callback::from_raw(&tt, fty, trampoline, token as *mut c_void)
    };
    let cb = fr(vm, r)?;
    let v = vm.pop();
    if let Some(cd) = cdata_mut(vm, v) {
        cd.ptr = cb.code_ptr() as *mut u8;
        cd.extra_mut().callback = Some(cb);
    }
    Ok(v)
}

/// The Python callable of callback cdata `v` (null if `v` is not a cdata).
fn callable_of(vm: &Vm, v: Value) -> Value {
    cdata::cdata_obj(vm, v).map_or(Value::NULL, |o| o.callable())
}

/// The `onerror` handler of callback cdata `v` (None or null when there is none).
fn onerror_of(vm: &Vm, v: Value) -> Value {
    cdata::cdata_obj(vm, v).map_or(Value::NULL, |o| o.onerror())
}

/// Called by libffi when C calls the closure: runs the Python callable.
unsafe extern "C" fn trampoline(
    userdata: *mut c_void,
    args: *const *const c_void,
    ret: *mut c_void,
) {
    let vmp = current_vm();
    if vmp.is_null() {
        eprintln!(
            "minipy: a cffi callback was called while no call into C is running; returning 0"
        );
        return;
    }
    // SAFETY: the VM is suspended in the C call that led here (same thread); it is not used by
    // the caller until the C call returns.
    let vm = unsafe { &mut *vmp };
    let Some(cbv) = vm.heap.from_handle(userdata as u64) else {
        eprintln!("minipy: a cffi callback was called after its cdata died; returning 0");
        return;
    };
    let base = vm.sp();
    vm.push(cbv);
    // SAFETY: libffi passes one pointer per declared argument of the callback's C type and a result
    // buffer of its result type (the trampoline's contract).
    unsafe { run_callback(vm, base, args, ret as *mut u8) };
    vm.truncate(base);
}

/// Body of the trampoline; the callback cdata is at stack slot `base`.
///
/// # Safety
/// `args` holds one pointer per argument of the callback's C type, each to a value of that type, and
/// `ret` is a writable buffer for its result type (what libffi passes the trampoline).
unsafe fn run_callback(vm: &mut Vm, base: usize, args: *const *const c_void, ret: *mut u8) {
    let Some(cd) = cdata_of(vm, vm.at(base)) else {
        return;
    };
    let sh = cd.sh.clone();
    let Some(func) = sh.tt().func(cd.ty).cloned() else {
        return;
    };
    let saved_exc = vm.take_exc();
    vm.push(saved_exc);
    let fslot = vm.sp();
    vm.push(callable_of(vm, vm.at(base)));
    let mut ok = true;
    for (i, t) in func.args.iter().enumerate() {
        // SAFETY: args holds one pointer per declared argument (the function's contract).
        let p = unsafe { *args.add(i) } as *mut u8;
        let r = match conv::cls_of(&sh, *t) {
            // SAFETY: p points to argument i, a struct of type t (`size` bytes), owned by libffi
            // (outside the GC heap) for the duration of the callback.
            Cls::Struct { size, .. } => unsafe { conv::owning_copy(vm, &sh, *t, p, size) },
            // SAFETY: p points to argument i, a value of type t, outside the GC heap.
            _ => unsafe { conv::load(vm, &sh, *t, p, Value::NULL) },
        };
        match r {
            Ok(v) => vm.push(v),
            Err(_) => {
                ok = false;
                break;
            }
        }
    }
    let r = if ok {
        vm.call_slot(fslot, func.args.len(), Value::NULL)
    } else {
        Err(crate::vm::Exc)
    };
    vm.truncate(fslot);
    let mut failed_convert = false;
    let good = match r {
        Ok(v) => {
            if matches!(conv::cls_of(&sh, func.result), Cls::Void) {
                true
            } else {
                vm.push(v);
                // SAFETY: ret is a buffer for the result type (the function's contract), outside the
                // GC heap; v is rooted on the stack above.
                let r = unsafe { conv::store(vm, &sh, func.result, ret, v) };
                vm.truncate(fslot);
                failed_convert = r.is_err();
                r.is_ok()
            }
        }
        Err(_) => false,
    };
    if !good {
        // SAFETY: ret is a buffer for the result type (the function's contract).
        unsafe { report_error(vm, base, &sh, func.result, ret, failed_convert) };
    }
    vm.roots.exc = vm.at(base + 1);
}

/// The error path: onerror(exc_type, exc, tb) or a report on stderr, then the `error` value.
///
/// # Safety
/// `ret` is a writable buffer for a value of type `rty`, outside the GC heap.
unsafe fn report_error(
    vm: &mut Vm,
    base: usize,
    sh: &Shared,
    rty: TypeId,
    ret: *mut u8,
    converting: bool,
) {
    let e = vm.take_exc();
    let slot = vm.sp();
    vm.push(e);
    if let Some(x) = cdata_of(vm, vm.at(base)).and_then(|cd| cd.extra()) {
        let n = sh.tt().size_of(rty).unwrap_or(0).min(x.cb_error.len());
        // SAFETY: n is at most the size of rty, for which ret has room (the function's contract),
        // and at most cb_error's length.
        unsafe { std::ptr::copy_nonoverlapping(x.cb_error.as_ptr(), ret, n) };
    }
    let onerror = onerror_of(vm, vm.at(base));
    if !onerror.is_null() && onerror != vm.none() {
        let e = vm.at(slot);
        let tb = match vm.getattr_str(e, "__traceback__") {
            Ok(tb) => tb,
            Err(_) => {
                vm.take_exc();
                vm.none()
            }
        };
        let onerror = onerror_of(vm, vm.at(base));
        let e = vm.at(slot);
        let t = vm.type_of(e);
        match vm.call(onerror, &[t, e, tb]) {
            Ok(r) if r != vm.none() && !matches!(conv::cls_of(sh, rty), Cls::Void) => {
                vm.push(r);
                // SAFETY: ret is a buffer for an rty outside the GC heap (the function's contract);
                // r is rooted on the stack above.
                if unsafe { conv::store(vm, sh, rty, ret, r) }.is_err() {
                    let e2 = vm.take_exc();
                    print_ignored(vm, base, e2, true);
                }
            }
            Ok(_) => {}
            Err(_) => {
                let e2 = vm.take_exc();
                print_ignored(vm, base, e2, false);
            }
        }
    } else {
        let e = vm.at(slot);
        print_ignored(vm, base, e, converting);
    }
    vm.truncate(slot);
}

fn print_ignored(vm: &mut Vm, base: usize, e: Value, converting: bool) {
    let slot = vm.sp();
    vm.push(e);
    let f = callable_of(vm, vm.at(base));
    let what = vm.repr_string(f).unwrap_or_else(|_| "<callback>".into());
    vm.take_exc();
    let text = vm.format_traceback(vm.at(slot));
    let extra = if converting {
        ", trying to convert the result back to C"
    } else {
        ""
    };
    let msg = format!("Exception ignored from cffi callback {what}{extra}:\n{text}");
    super::stderr::write(vm, &msg);
    vm.truncate(slot);
}
