//! `memoryview`: a one-dimensional view (format 'B', itemsize 1) of a bytes or bytearray object,
//! `MemoryViewObj { obj, start, step, len, released }`. Slicing makes a new view of the same object.
//!
//! GC: the view holds its object as a traced field and reads the bytes through it on every access,
//! never through a raw pointer kept across a GC point (the object moves; a bytearray's buffer may be
//! reallocated). A bytearray that shrank under a live view makes out-of-range accesses IndexError
//! rather than reads past the end. (CPython forbids resizing an exported bytearray; minipy's views
//! do not lock it yet.)

use super::args::{check_method, Arity};
use super::memoryview_fmt as fmt;
use super::TypeSlots;
use crate::bytecode::CmpOp;
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "memoryview",
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(setitem),
    delitem: Some(delitem),
    iter: Some(iter),
    repr: Some(repr),
    hash: Some(hash),
    richcompare: Some(richcompare),
    getattr: Some(getattr),
    install: Some(install),
    ..TypeSlots::EMPTY
};

fn install(vm: &mut Vm) {
    vm.add_method("memoryview", "__new__", new);
    for (name, f) in [
        ("tobytes", tobytes as NativeFn),
        ("tolist", tolist),
        ("hex", hex),
        ("cast", cast),
        ("release", release),
        ("__enter__", enter),
        ("__exit__", exit),
    ] {
        vm.add_method("memoryview", name, f);
    }
}

/// A view of `obj` (bytes, bytearray or memoryview, at stack slot `slot`) over `start`, `step`, `len`.
fn make(vm: &mut Vm, slot: usize, start: i64, step: i64, len: i64) -> PyResult<Value> {
    make_fmt(vm, slot, start, step, len, 0)
}

/// As `make`, with the item format (`MemoryViewObj::fmt`).
fn make_fmt(
    vm: &mut Vm,
    slot: usize,
    start: i64,
    step: i64,
    len: i64,
    code: u64,
) -> PyResult<Value> {
    let v = vm.alloc(Kind::MemoryView, 0)?;
    let obj = vm.at(slot);
    // SAFETY: v was just allocated as a MemoryView and obj re-read from the stack after that
    // allocation; no GC point before the stores (a fresh young object needs no barrier).
    unsafe {
        let p = vm.payload::<MemoryViewObj>(v);
        (*p).obj = obj;
        (*p).start = start;
        (*p).step = step;
        (*p).len = len;
        (*p).released = 0;
        (*p).fmt = code;
    }
    Ok(v)
}

/// memoryview(object)
fn new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // memoryview(object): one argument, by position or as `object=`.
    let nkw = a.n - vm.npos(&a);
    let named_ok = nkw == 1 && vm.str_of(vm.tuple_items(a.kwnames)[0]) == "object";
    if a.n < 2 {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    }
    if a.n > 2 || (nkw == 1 && !named_ok) {
        let got = a.n - 1;
        return Err(vm.type_error(format!(
            "memoryview() takes at most 1 argument ({got} given)"
        )));
    }
    let o = vm.arg(&a, 1);
    if vm.is(o, Kind::MemoryView) {
        check_live(vm, o)?;
        let p = vm.obj::<MemoryViewObj>(o);
        let (obj, start, step, len, code) = (p.obj, p.start, p.step, p.len, p.fmt);
        vm.push(obj);
        let slot = vm.sp() - 1;
        let r = make_fmt(vm, slot, start, step, len, code);
        vm.truncate(slot);
        return r;
    }
    if let Some((storage, c)) = fmt::exporter(vm, o) {
        let size = fmt::itemsize(c).unwrap_or(1) as i64;
        let n = data(vm, storage).len() as i64 / size;
        vm.push(storage);
        let slot = vm.sp() - 1;
        let r = make_fmt(vm, slot, 0, size, n, c as u64);
        vm.truncate(slot);
        return r;
    }
    if !vm.is(o, Kind::Bytes) && !vm.is(o, Kind::ByteArray) {
        let tn = vm.type_name(o);
        return Err(vm.type_error(format!(
            "memoryview: a bytes-like object is required, not '{tn}'"
        )));
    }
    let n = data(vm, o).len() as i64;
    make(vm, a.base + 1, 0, 1, n)
}

/// The bytes of the object under the view (valid until the next GC point).
fn data(vm: &Vm, obj: Value) -> &[u8] {
    if vm.is(obj, Kind::Bytes) {
        vm.bytes_of(obj)
    } else {
        vm.bytearray(obj)
    }
}

fn check_live(vm: &mut Vm, v: Value) -> PyResult<()> {
    if vm.obj::<MemoryViewObj>(v).released != 0 {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(())
}

/// The bytes seen through the view (a copy).
pub(crate) fn view_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    check_live(vm, v)?;
    let p = vm.obj::<MemoryViewObj>(v);
    let (obj, start, step, n) = (p.obj, p.start, p.step, p.len);
    let size = item_size(vm, v);
    let d = data(vm, obj);
    let mut out = Vec::with_capacity(n as usize * size);
    for i in 0..n {
        let off = (start + i * step) as usize;
        match d.get(off..off + size) {
            Some(b) => out.extend_from_slice(b),
            None => return Err(vm.index_error("index out of bounds on dimension 1")),
        }
    }
    Ok(out)
}

/// The format code of view `v`.
fn code_of(vm: &Vm, v: Value) -> u8 {
    fmt::code(vm.obj::<MemoryViewObj>(v).fmt)
}

/// The item size of view `v`.
fn item_size(vm: &Vm, v: Value) -> usize {
    fmt::itemsize(code_of(vm, v)).unwrap_or(1)
}

fn len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    check_live(vm, v)?;
    Ok(vm.obj::<MemoryViewObj>(v).len as usize)
}

/// Byte offset in the object of item `k` of the view (an index already checked by the caller's
/// `__index__`), with CPython's errors.
fn offset(vm: &mut Vm, v: Value, k: i64) -> PyResult<usize> {
    let p = vm.obj::<MemoryViewObj>(v);
    let (start, step, n) = (p.start, p.step, p.len);
    let i = if k < 0 { k + n } else { k };
    if i < 0 || i >= n {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok((start + i * step) as usize)
}

/// An integer index (int or `__index__`), or None for a slice.
fn int_key(vm: &mut Vm, k: Value) -> PyResult<Option<i64>> {
    if vm.is(k, Kind::Slice) {
        return Ok(None);
    }
    if !vm.is_int(k) && vm.special(k, "__index__").is_none() {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    super::args::index_of(vm, k, "cannot fit 'int' into an index-sized integer").map(Some)
}

fn getitem(vm: &mut Vm, v: Value, k: Value) -> PyResult<Value> {
    check_live(vm, v)?;
    let base = vm.sp();
    vm.push(v);
    vm.push(k);
    let r = (|| match int_key(vm, vm.at(base + 1))? {
        Some(i) => {
            let off = offset(vm, vm.at(base), i)?;
            let obj = vm.obj::<MemoryViewObj>(vm.at(base)).obj;
            let (c, size) = (code_of(vm, vm.at(base)), item_size(vm, vm.at(base)));
            match data(vm, obj).get(off..off + size).map(|b| b.to_vec()) {
                Some(b) => fmt::decode(vm, c, &b),
                None => Err(vm.index_error("index out of bounds on dimension 1")),
            }
        }
        None => {
            let n = vm.obj::<MemoryViewObj>(vm.at(base)).len as usize;
            let s = vm.slice_indices(vm.at(base + 1), n)?;
            check_live(vm, vm.at(base))?;
            let p = vm.obj::<MemoryViewObj>(vm.at(base));
            let (obj, start, step, code) = (p.obj, p.start, p.step, p.fmt);
            vm.push(obj);
            make_fmt(
                vm,
                base + 2,
                start + s.start * step,
                step * s.step,
                s.len as i64,
                code,
            )
        }
    })();
    vm.truncate(base);
    r
}

fn setitem(vm: &mut Vm, v: Value, k: Value, x: Value) -> PyResult<()> {
    check_live(vm, v)?;
    if !vm.is(vm.obj::<MemoryViewObj>(v).obj, Kind::ByteArray) {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let base = vm.sp();
    vm.push(v);
    vm.push(k);
    vm.push(x);
    let r = (|| match int_key(vm, vm.at(base + 1))? {
        Some(i) => {
            let c = code_of(vm, vm.at(base));
            let b = fmt::encode(vm, c, vm.at(base + 2))?;
            let off = offset(vm, vm.at(base), i)?;
            store(vm, vm.at(base), &[(off, b)])
        }
        None => {
            let n = vm.obj::<MemoryViewObj>(vm.at(base)).len as usize;
            let s = vm.slice_indices(vm.at(base + 1), n)?;
            let x = vm.at(base + 2);
            let (src, src_code) = if vm.is(x, Kind::MemoryView) {
                check_live(vm, x)?;
                (view_bytes(vm, x)?, code_of(vm, x))
            } else if vm.is(x, Kind::Bytes) || vm.is(x, Kind::ByteArray) {
                (data(vm, x).to_vec(), b'B')
            } else if let Some((_, c)) = fmt::exporter(vm, x) {
                (fmt::exported_bytes(vm, x).unwrap_or_default(), c)
            } else {
                let tn = vm.type_name(x);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
            };
            let (c, size) = (code_of(vm, vm.at(base)), item_size(vm, vm.at(base)));
            // CPython's rule: same format (up to the '@' prefix) and the same number of items.
            if src_code != c || src.len() != s.len * size {
                return Err(vm.value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            let mut writes = Vec::with_capacity(s.len);
            for (j, b) in src.chunks(size).enumerate() {
                let off = offset(vm, vm.at(base), s.start + j as i64 * s.step)?;
                writes.push((off, b.to_vec()));
            }
            store(vm, vm.at(base), &writes)
        }
    })();
    vm.truncate(base);
    r
}

/// Writes bytes at byte offsets of the bytearray under view `v` (no GC point).
fn store(vm: &mut Vm, v: Value, writes: &[(usize, Vec<u8>)]) -> PyResult<()> {
    let obj = vm.obj::<MemoryViewObj>(v).obj;
    let buf = vm.bytearray_mut(obj);
    if writes.iter().any(|(off, b)| off + b.len() > buf.len()) {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    for (off, b) in writes {
        buf[*off..*off + b.len()].copy_from_slice(b);
    }
    Ok(())
}

fn delitem(vm: &mut Vm, _v: Value, _k: Value) -> PyResult<()> {
    Err(vm.type_error("cannot delete memory"))
}

fn iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let l = to_list(vm, v)?;
    vm.new_seq_iter(Kind::ListIter, l)
}

fn to_list(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let bytes = view_bytes(vm, v)?;
    let (c, size) = (code_of(vm, v), item_size(vm, v));
    let base = vm.sp();
    for b in bytes.chunks(size) {
        match fmt::decode(vm, c, b) {
            Ok(x) => vm.push(x),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    vm.new_list_from_stack(bytes.len() / size)
}

fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let id = vm.heap.id_of(v);
    let released = vm.obj::<MemoryViewObj>(v).released != 0;
    Ok(if released {
        format!("<released memory at {id:#x}>")
    } else {
        format!("<memory at {id:#x}>")
    })
}

fn hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    check_live(vm, v)?;
    if vm.is(vm.obj::<MemoryViewObj>(v).obj, Kind::ByteArray) {
        return Err(vm.value_error("cannot hash writable memoryview object"));
    }
    let b = view_bytes(vm, v)?;
    Ok(crate::vm::ops::hash_bytes(&b))
}

/// `==`/`!=` against bytes-like objects compare the bytes; a released view equals only itself.
fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(None);
    }
    let bytes_like = |vm: &Vm, x: Value| {
        vm.is(x, Kind::Bytes)
            || vm.is(x, Kind::ByteArray)
            || vm.is(x, Kind::MemoryView)
            || fmt::exporter(vm, x).is_some()
    };
    if !bytes_like(vm, b) {
        return Ok(None);
    }
    let released =
        |vm: &Vm, x: Value| vm.is(x, Kind::MemoryView) && vm.obj::<MemoryViewObj>(x).released != 0;
    let eq = if a == b {
        true
    } else if released(vm, a) || released(vm, b) {
        false
    } else {
        // Raising (a view of a shrunk bytearray) allocates: keep both operands rooted.
        let base = vm.sp();
        vm.push(a);
        vm.push(b);
        let r = bytes_of_operand(vm, base).and_then(|x| Ok(x == bytes_of_operand(vm, base + 1)?));
        vm.truncate(base);
        r?
    };
    Ok(Some(vm.bool_val(eq == (op == CmpOp::Eq))))
}

/// The bytes of the bytes-like operand at stack slot `slot` (a copy).
fn bytes_of_operand(vm: &mut Vm, slot: usize) -> PyResult<Vec<u8>> {
    let x = vm.at(slot);
    if vm.is(x, Kind::MemoryView) {
        view_bytes(vm, x)
    } else if let Some(b) = fmt::exported_bytes(vm, x) {
        Ok(b)
    } else {
        Ok(data(vm, x).to_vec())
    }
}

fn getattr(vm: &mut Vm, v: Value, name: Value) -> PyResult<Option<Value>> {
    let n = vm.str_of(name).to_string();
    let known = matches!(
        n.as_str(),
        "obj"
            | "nbytes"
            | "readonly"
            | "itemsize"
            | "format"
            | "ndim"
            | "shape"
            | "strides"
            | "c_contiguous"
            | "f_contiguous"
            | "contiguous"
    );
    if !known {
        return Ok(None);
    }
    check_live(vm, v)?;
    let p = vm.obj::<MemoryViewObj>(v);
    let (obj, step, len) = (p.obj, p.step, p.len);
    let (c, size) = (code_of(vm, v), item_size(vm, v) as i64);
    let contiguous = step == size || len <= 1;
    Ok(Some(match n.as_str() {
        "obj" => obj,
        "nbytes" => vm.new_int(len * size)?,
        "readonly" => vm.bool_val(vm.is(obj, Kind::Bytes)),
        "itemsize" => Value::from_int(size).unwrap(),
        "ndim" => Value::from_int(1).unwrap(),
        "format" => vm.new_str(&(c as char).to_string())?,
        "shape" => {
            let l = vm.new_int(len)?;
            vm.new_tuple(&[l])?
        }
        "strides" => {
            let s = vm.new_int(step)?;
            vm.new_tuple(&[s])?
        }
        _ => vm.bool_val(contiguous),
    }))
}

fn self_view(vm: &mut Vm, a: &Args, name: &str, arity: Arity) -> PyResult<Value> {
    check_method(vm, a, "memoryview", name, &[Kind::MemoryView], arity)?;
    Ok(vm.arg(a, 0))
}

fn tobytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = self_view(vm, &a, "tobytes", Arity::NoArgs)?;
    let b = view_bytes(vm, v)?;
    vm.new_bytes(&b)
}

fn tolist(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = self_view(vm, &a, "tolist", Arity::NoArgs)?;
    to_list(vm, v)
}

/// hex([sep[, bytes_per_sep]]): bytes.hex of the viewed bytes (the receiver's slot is replaced
/// by a bytes copy, which bytes.hex then reads with the same arguments).
fn hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // keywords (sep=, bytes_per_sep=) are bytes.hex's to check
    if a.n == 0 || !vm.is(vm.arg(&a, 0), Kind::MemoryView) {
        check_method(
            vm,
            &a,
            "memoryview",
            "hex",
            &[Kind::MemoryView],
            Arity::Range(0, 2),
        )?;
    }
    let b = view_bytes(vm, vm.arg(&a, 0))?;
    let b = vm.new_bytes(&b)?;
    vm.set_at(a.base, b);
    super::bytes::bytearray::hex(vm, a)
}

/// cast(format): the same bytes seen with another item format (1-D, C-contiguous views only).
fn cast(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = self_view(vm, &a, "cast", Arity::Range(1, 2))?;
    check_live(vm, v)?;
    let f = vm.arg(&a, 1);
    if !vm.is(f, Kind::Str) {
        let tn = vm.type_name(f);
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {tn}")));
    }
    let Some(c) = fmt::parse(vm.str_of(f)) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let p = vm.obj::<MemoryViewObj>(v);
    let (obj, start, step, len) = (p.obj, p.start, p.step, p.len);
    let old = item_size(vm, v) as i64;
    if step != old && len > 1 {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let size = fmt::itemsize(c).unwrap_or(1) as i64;
    let nbytes = len * old;
    if nbytes % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    vm.push(obj);
    let slot = vm.sp() - 1;
    let r = make_fmt(vm, slot, start, size, nbytes / size, c as u64);
    vm.truncate(slot);
    r
}

fn release(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = self_view(vm, &a, "release", Arity::NoArgs)?;
    // SAFETY: v is a live MemoryView (checked); a plain integer store, no GC point.
    unsafe { (*vm.payload::<MemoryViewObj>(v)).released = 1 };
    Ok(vm.none())
}

fn enter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = self_view(vm, &a, "__enter__", Arity::NoArgs)?;
    check_live(vm, v)?;
    Ok(vm.arg(&a, 0))
}

fn exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(
        vm,
        &a,
        "memoryview",
        "__exit__",
        &[Kind::MemoryView],
        Arity::Range(0, 3),
    )?;
    let v = vm.arg(&a, 0);
    // SAFETY: v is a live MemoryView (checked); a plain integer store, no GC point.
    unsafe { (*vm.payload::<MemoryViewObj>(v)).released = 1 };
    Ok(vm.none())
}
