//! `ffi.buffer(cdata, size=-1)` (the `buffer` class: len, [i], [a:b], slice assignment,
//! `bytes()`), `ffi.from_buffer([cdecl,] obj, require_writable=False)` and `ffi.memmove`.
//!
//! from_buffer does not copy a `bytearray` (it points into its malloc'd storage, stable unless the
//! bytearray is resized while the cdata is in use) nor an old `bytes` (which never moves). A young
//! `bytes` is pinned in place while the cdata lives (pin.rs); if the heap refuses the pin (too many
//! pinned objects: a loop making short-lived from_buffer cdatas holds a pin per cdata until the next
//! minor collection), the cdata gets a private copy of the data, inline when small, as PyPy's cffi
//! does for movable strings. Writing into a bytes through from_buffer is undefined in CFFI (bytes are
//! immutable); only then does the copy show.

use super::cdata::{self, cdata_of, CData, CDataObj, Flavor, Mem, INLINE_UNITS};
use super::conv::{self, Cls};
use super::ctype_obj::type_arg;
use super::ffi_obj::ffi_self;
use super::pin::PinGuard;
use super::{arity, class, foreign, new_foreign, opt_arg};
use crate::obj::layout::{BytesObj, ForeignData, ForeignRefs, Kind, NativeFn, SliceObj};
use crate::vm::{Args, PyResult, Vm};
use ffi::TypeKind;
use gc::Value;

/// The memory a buffer object covers: plain data, copied out of the object by the methods (no
/// borrow of the object lives across a call into the VM).
#[derive(Clone, Copy)]
pub struct BufMem {
    pub ptr: *mut u8,
    pub len: usize,
}

/// A buffer object's data (`Kind::Foreign`).
pub struct BufData {
    pub mem: BufMem,
    /// The cdata owning the memory (kept alive while the buffer lives). A GC reference, traced.
    pub owner: Value,
}

impl ForeignData for BufData {
    fn refs(&mut self) -> ForeignRefs<'_> {
        [Some(&mut self.owner), None, None, None, None]
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.builtin_type("_cffi_backend.buffer");
    let methods: &[(&str, NativeFn)] = &[
        ("__new__", buffer_new),
        ("__len__", buf_len),
        ("__getitem__", buf_getitem),
        ("__setitem__", buf_setitem),
        ("__bytes__", buf_bytes),
        ("__eq__", buf_eq),
    ];
    for (n, f) in methods {
        vm.add_native_method(t, n, *f);
    }
}

/// Raw memory of a cdata for buffer purposes: (pointer, size in bytes).
fn cdata_extent(vm: &mut Vm, v: Value) -> PyResult<(*mut u8, usize)> {
    let Some(cd) = cdata_of(vm, v) else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("expected a cdata object, got '{tn}'")));
    };
    let tt = cd.sh.tt();
    let size = match tt.kind(cd.ty) {
        // a pointer slice may be longer than any memory (`p[0:2**62]`): never wrap the byte size
        TypeKind::Array { item, .. } => match cd.len.checked_mul(tt.size_of(*item).unwrap_or(0)) {
            Some(s) if s <= isize::MAX as usize => s,
            _ => {
                drop(tt);
                return Err(vm.overflow_error("array size would overflow a Py_ssize_t"));
            }
        },
        TypeKind::Pointer(t) => tt.size_of(*t).unwrap_or(0),
        TypeKind::Struct(_) => tt.size_of(cd.ty).unwrap_or(0),
        _ if cd.flavor == Flavor::Primitive => tt.size_of(cd.ty).unwrap_or(0),
        _ => {
            let n = tt.name(cd.ty).to_string();
            drop(tt);
            return Err(vm.type_error(format!(
                "expected a pointer or array cdata, got cdata '{n}'"
            )));
        }
    };
    Ok((cd.ptr, size))
}

/// `ffi.buffer(cdata, size=-1)` / `buffer(cdata, size)`.
fn buffer_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "buffer", &["cdata", "size"])?;
    let cls = class(vm, "_cffi_backend.buffer"); // first: it may allocate the class
    let Some(_) = opt_arg(vm, &a, 1, "cdata") else {
        return Err(vm.type_error("buffer() missing required argument 'cdata'"));
    };
    let size = match opt_arg(vm, &a, 2, "size") {
        Some(s) => conv::ssize_value(vm, s)?,
        None => -1,
    };
    // re-read: `__index__` of the size may have moved the cdata object
    let c = opt_arg(vm, &a, 1, "cdata").expect("cdata was given (checked above)");
    let (ptr, mut len) = cdata_extent(vm, c)?;
    if size >= 0 {
        len = size as usize;
    }
    let data = BufData {
        mem: BufMem { ptr, len },
        owner: c,
    };
    new_foreign(vm, cls, Box::new(data))
}

/// The memory of buffer `self` (argument 0).
fn me(vm: &mut Vm, a: &Args) -> PyResult<BufMem> {
    let v = vm.arg(a, 0);
    match foreign::<BufData>(vm, v) {
        Some(b) => Ok(b.mem),
        None => Err(vm.type_error("expected a buffer object")),
    }
}

fn contents(b: &BufMem) -> Vec<u8> {
    if b.len == 0 || b.ptr.is_null() {
        return Vec::new();
    }
    // SAFETY: the buffer covers len bytes of memory kept alive by its owner (`BufData::owner`).
    unsafe { std::slice::from_raw_parts(b.ptr, b.len).to_vec() }
}

fn buf_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = me(vm, &a)?;
    vm.new_int(b.len as i64)
}

fn buf_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = me(vm, &a)?;
    let c = contents(&b);
    vm.new_bytes(&c)
}

fn buf_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = me(vm, &a)?;
    let o = vm.arg(&a, 1);
    let c = contents(&b);
    if vm.is(o, Kind::Bytes) {
        let eq = vm.bytes_of(o) == c.as_slice();
        return Ok(vm.bool_val(eq));
    }
    if let Some(ob) = foreign::<BufData>(vm, o) {
        let eq = contents(&ob.mem) == c;
        return Ok(vm.bool_val(eq));
    }
    Ok(vm.named(crate::vm::Named::NotImplemented))
}

/// (start, stop, step) of a slice over `len` items, CPython-style clamping.
fn slice_of(vm: &mut Vm, k: Value, len: usize) -> PyResult<Vec<usize>> {
    let s = vm.obj::<SliceObj>(k);
    let (a, b, c) = (s.start, s.stop, s.step);
    // rooted: a bound's `__index__` may move the others
    let base = vm.sp();
    vm.push(a);
    vm.push(b);
    vm.push(c);
    let r = (|| -> PyResult<[Option<i64>; 3]> {
        let mut out = [None; 3];
        for (i, o) in out.iter_mut().enumerate() {
            *o = slice_bound(vm, vm.at(base + i))?;
        }
        Ok(out)
    })();
    vm.truncate(base);
    let [start, stop, step] = r?;
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let n = len as i64;
    let norm = |x: i64, lo: i64, hi: i64| if x < 0 { (x + n).max(lo) } else { x.min(hi) };
    let mut out = Vec::new();
    if step > 0 {
        let (s0, e0) = (
            norm(start.unwrap_or(0), 0, n),
            norm(stop.unwrap_or(n), 0, n),
        );
        let mut i = s0;
        while i < e0 {
            out.push(i as usize);
            i += step;
        }
    } else {
        let (s0, e0) = (
            norm(start.unwrap_or(n - 1), -1, n - 1),
            norm(stop.unwrap_or(-n - 1), -1, n - 1),
        );
        let mut i = s0;
        while i > e0 {
            out.push(i as usize);
            i += step;
        }
    }
    Ok(out)
}

/// A slice bound of a buffer: None, an int or `__index__` (CPython's slice rules; big ints
/// clamp).
fn slice_bound(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    if v.is_null() || v == vm.none() {
        return Ok(None);
    }
    let r = if vm.is_int(v) {
        v
    } else {
        match conv::index_hook(vm, v)? {
            Some(r) => r,
            None => {
                return Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        }
    };
    Ok(Some(vm.to_i64(r).unwrap_or_else(|| {
        let neg = vm
            .to_bigint(r)
            .is_some_and(|n| n.sign() == num_bigint::Sign::Minus);
        if neg {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        }
    })))
}

fn buf_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = me(vm, &a)?;
    let k = vm.arg(&a, 1);
    let c = contents(&b);
    if vm.is(k, Kind::Slice) {
        let idx = slice_of(vm, k, c.len())?;
        let out: Vec<u8> = idx.iter().map(|&i| c[i]).collect();
        return vm.new_bytes(&out);
    }
    let i = conv::item_index(vm, k, "buffer")?;
    let j = if i < 0 { i + c.len() as i64 } else { i };
    if j < 0 || j >= c.len() as i64 {
        return Err(vm.index_error("buffer index out of range"));
    }
    vm.new_bytes(&[c[j as usize]])
}

fn buf_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = me(vm, &a)?;
    let (k, v) = (vm.arg(&a, 1), vm.arg(&a, 2));
    let src: Vec<u8> = if vm.is(v, Kind::Bytes) {
        vm.bytes_of(v).to_vec()
    } else if vm.is(v, Kind::ByteArray) {
        vm.bytearray_mut(v).clone()
    } else if let Some(ob) = foreign::<BufData>(vm, v) {
        contents(&ob.mem)
    } else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
    };
    if vm.is(k, Kind::Slice) {
        let idx = slice_of(vm, k, b.len)?;
        if idx.len() != src.len() {
            return Err(vm.value_error("right operand length must match slice length"));
        }
        for (j, i) in idx.iter().enumerate() {
            // SAFETY: i < len.
            unsafe { *b.ptr.add(*i) = src[j] };
        }
        return Ok(vm.none());
    }
    let i = conv::item_index(vm, k, "buffer")?;
    let j = if i < 0 { i + b.len as i64 } else { i };
    if j < 0 || j >= b.len as i64 {
        return Err(vm.index_error("buffer index out of range"));
    }
    if src.len() != 1 {
        return Err(vm.value_error("right operand must be a single byte"));
    }
    // SAFETY: j < len.
    unsafe { *b.ptr.add(j as usize) = src[0] };
    Ok(vm.none())
}

/// (pointer, length, writable, type name) of a Python buffer object. The pointer is valid until
/// the next GC point (from_buffer pins or copies a young bytes to keep it longer).
fn py_buffer(vm: &mut Vm, v: Value) -> PyResult<(*mut u8, usize, bool, &'static str)> {
    if vm.is(v, Kind::Bytes) {
        let len = vm.bytes_of(v).len();
        // SAFETY: the data follows the BytesObj header.
        let data = unsafe { (*(vm.heap.payload(v) as *mut BytesObj)).data.as_mut_ptr() };
        return Ok((data, len, false, "bytes"));
    }
    if vm.is(v, Kind::ByteArray) {
        let d = vm.bytearray_mut(v);
        return Ok((d.as_mut_ptr(), d.len(), true, "bytearray"));
    }
    if let Some(b) = foreign::<BufData>(vm, v) {
        return Ok((b.mem.ptr, b.mem.len, true, "_cffi_backend.buffer"));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
}

/// `ffi.from_buffer([cdecl,] python_buffer, require_writable=False)`.
pub fn ffi_from_buffer(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(
        &a,
        "from_buffer",
        &["cdecl", "python_buffer", "require_writable"],
    )?;
    let sh = ffi_self(vm, &a)?;
    let npos = vm.npos(&a);
    let obj_i = if npos >= 3 { 2 } else { 1 };
    let Some(_) = opt_arg(vm, &a, obj_i, "python_buffer") else {
        return Err(vm.type_error("from_buffer() missing required argument 'python_buffer'"));
    };
    let writable = match vm.kwarg(&a, "require_writable").or(if npos > obj_i + 1 {
        Some(vm.arg(&a, obj_i + 1))
    } else {
        None
    }) {
        // an int, as CFFI parses it (`__index__`, TypeError for None or a float)
        Some(w) => conv::ssize_value(vm, w)? != 0,
        None => false,
    };
    // read after `__index__` of require_writable (a GC point)
    let decl = if npos >= 3 {
        Some(vm.arg(&a, 1))
    } else {
        vm.kwarg(&a, "cdecl")
    };
    let ty = match decl {
        Some(dv) => type_arg(vm, &sh, dv)?,
        None => {
            let r = sh.parse_type("char[]");
            super::fr(vm, r)?
        }
    };
    let obj =
        opt_arg(vm, &a, obj_i, "python_buffer").expect("python_buffer was given (checked above)");
    // A pin ends with this guard (deferred) on the error paths below, else with the cdata. A young
    // bytes the heap will not pin is copied into the cdata (`copy`, below).
    let mut pin = None;
    let mut copy = false;
    if vm.is(obj, Kind::Bytes) && vm.heap.in_nursery(obj) {
        if vm.heap.pin(obj) {
            pin = Some(PinGuard::adopt(obj));
        } else {
            copy = true;
        }
    }
    // the payload pointer is right for old and pinned bytes, and unused for copied ones
    let (ptr, nbytes, can_write, src) = py_buffer(vm, obj)?;
    if writable && !can_write {
        return Err(vm.raise(
            "BufferError",
            &format!(
                "from_buffer() cannot return the address of the raw string within a {src} object"
            ),
        ));
    }
    let kind = sh.tt().kind(ty).clone();
    let (len, flavor_ty) = match kind {
        TypeKind::Array { item, length } => {
            let isz = sh.tt().size_of(item).unwrap_or(1).max(1);
            match length {
                Some(l) => {
                    if l * isz > nbytes {
                        return Err(vm.value_error(format!(
                            "buffer is too small ({nbytes} bytes) for '{}' ({} bytes)",
                            sh.name(ty),
                            l * isz
                        )));
                    }
                    (l, ty)
                }
                None => (nbytes / isz, ty),
            }
        }
        TypeKind::Pointer(_) => (0, ty),
        _ => {
            let n = sh.name(ty);
            return Err(vm.type_error(format!("expected a pointer or array ctype, got '{n}'")));
        }
    };
    let mut cd = CData::new(
        &sh,
        flavor_ty,
        ptr,
        Flavor::FromBuffer(cdata::BufSrc::of(src)),
    );
    cd.len = len;
    if pin.is_some() {
        cd.extra_mut().pin = pin;
    }
    let obj = opt_arg(vm, &a, obj_i, "python_buffer").unwrap_or(Value::NULL);
    if vm.is(obj, Kind::ByteArray) {
        cd.extra_mut().export = Some(cdata::ExportGuard::new(vm.bytearray_exports(obj)));
    }
    if copy {
        return from_bytes_copy(vm, cd, &a, obj_i, nbytes);
    }
    cdata::wrap(vm, cd, obj)
}

/// The from_buffer cdata `cd` of a young bytes (argument `obj_i`, `n` bytes) the heap would not pin:
/// its own copy of the data and the terminating NUL, inline or calloc'd; the bytes stays its owner.
fn from_bytes_copy(vm: &mut Vm, cd: CData, a: &Args, obj_i: usize, n: usize) -> PyResult<Value> {
    let mut b = CDataObj::new(cd, Value::NULL).boxed();
    let size = n + 1;
    if size <= INLINE_UNITS * 16 {
        b.cd.ptr = b.cd.inline.as_mut_ptr() as *mut u8;
    } else {
        let Some(mem) = Mem::calloc(vm, size) else {
            return Err(vm.memory_error());
        };
        b.cd.ptr = mem.ptr;
        b.cd.extra_mut().mem = Some(mem);
    }
    // re-read: no GC point from here to the copy (calloc only counts external bytes)
    let obj = opt_arg(vm, a, obj_i, "python_buffer").unwrap_or(Value::NULL);
    let data = vm.bytes_of(obj);
    let k = data.len().min(n);
    // SAFETY: b.cd.ptr has room for n + 1 bytes (inline or calloc'd above), zero-filled.
    unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), b.cd.ptr, k) };
    b.owner = obj;
    cdata::wrap_obj(vm, b)
}

/// Writable or readable memory of a memmove operand.
fn mem_operand(vm: &mut Vm, v: Value, write: bool) -> PyResult<*mut u8> {
    if let Some(cd) = cdata_of(vm, v) {
        let cls = conv::cls_of(&cd.sh, cd.ty);
        if matches!(cls, Cls::Pointer(_) | Cls::Array { .. }) {
            return Ok(cd.ptr);
        }
        let n = cd.name();
        return Err(vm.type_error(format!(
            "expected a pointer or array cdata, got cdata '{n}'"
        )));
    }
    // No GC point between this and the copy: the plain payload will do.
    let (p, _, w, src) = py_buffer(vm, v)?;
    if write && !w {
        return Err(vm.type_error(format!("a writable buffer is required, not '{src}'")));
    }
    Ok(p)
}

/// `ffi.memmove(dest, src, n)`.
pub fn ffi_memmove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    vm.check_kwargs(&a, "memmove", &["dest", "src", "n"])?;
    arity(vm, &a, "memmove", 1, 4)?;
    let (Some(_), Some(_), Some(n)) = (
        opt_arg(vm, &a, 1, "dest"),
        opt_arg(vm, &a, 2, "src"),
        opt_arg(vm, &a, 3, "n"),
    ) else {
        return Err(vm.type_error("memmove() missing required arguments"));
    };
    let n = conv::ssize_value(vm, n)?;
    if n < 0 {
        return Err(vm.value_error("negative size"));
    }
    // re-read: `__index__` of n may have moved both operands
    let (d, s) = (
        opt_arg(vm, &a, 1, "dest").expect("dest was given (checked above)"),
        opt_arg(vm, &a, 2, "src").expect("src was given (checked above)"),
    );
    let dp = mem_operand(vm, d, true)?;
    let sp = mem_operand(vm, s, false)?;
    if n > 0 {
        // SAFETY: the caller promises both ranges are valid (C semantics, as CFFI).
        unsafe { std::ptr::copy(sp, dp, n as usize) };
    }
    Ok(vm.none())
}
