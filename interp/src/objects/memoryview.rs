//! `memoryview`: a one-dimensional view (format 'B', itemsize 1) of a bytes or bytearray object,
//! `MemoryViewObj { obj, start, step, len, released }`. Slicing makes a new view of the same object.
//!
//! GC: the view holds its object as a traced field and reads the bytes through it on every access,
//! never through a raw pointer kept across a GC point (the object moves; a bytearray's buffer may be
//! reallocated). A bytearray that shrank under a live view makes out-of-range accesses IndexError
//! rather than reads past the end. (CPython forbids resizing an exported bytearray; minipy's views
//! do not lock it yet.)

use super::args::{check_method, Arity};
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
        ("release", release),
        ("__enter__", enter),
        ("__exit__", exit),
    ] {
        vm.add_method("memoryview", name, f);
    }
}

/// A view of `obj` (bytes, bytearray or memoryview, at stack slot `slot`) over `start`, `step`, `len`.
fn make(vm: &mut Vm, slot: usize, start: i64, step: i64, len: i64) -> PyResult<Value> {
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
        let (obj, start, step, len) = (p.obj, p.start, p.step, p.len);
        vm.push(obj);
        let slot = vm.sp() - 1;
        let r = make(vm, slot, start, step, len);
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
    let d = data(vm, obj);
    let mut out = Vec::with_capacity(n as usize);
    for i in 0..n {
        match d.get((start + i * step) as usize) {
            Some(b) => out.push(*b),
            None => return Err(vm.index_error("index out of bounds on dimension 1")),
        }
    }
    Ok(out)
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
            match data(vm, obj).get(off) {
                Some(b) => Ok(Value::from_int(*b as i64).unwrap()),
                None => Err(vm.index_error("index out of bounds on dimension 1")),
            }
        }
        None => {
            let n = vm.obj::<MemoryViewObj>(vm.at(base)).len as usize;
            let s = vm.slice_indices(vm.at(base + 1), n)?;
            check_live(vm, vm.at(base))?;
            let p = vm.obj::<MemoryViewObj>(vm.at(base));
            let (obj, start, step) = (p.obj, p.start, p.step);
            vm.push(obj);
            make(
                vm,
                base + 2,
                start + s.start * step,
                step * s.step,
                s.len as i64,
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
            let x = vm.at(base + 2);
            if !vm.is_int(x) {
                return Err(vm.type_error("memoryview: invalid type for format 'B'"));
            }
            let b = match vm.to_i64(x) {
                Some(b) if (0..256).contains(&b) => b as u8,
                _ => return Err(vm.value_error("memoryview: invalid value for format 'B'")),
            };
            let off = offset(vm, vm.at(base), i)?;
            store(vm, vm.at(base), &[(off, b)])
        }
        None => {
            let n = vm.obj::<MemoryViewObj>(vm.at(base)).len as usize;
            let s = vm.slice_indices(vm.at(base + 1), n)?;
            let x = vm.at(base + 2);
            let src = if vm.is(x, Kind::MemoryView) {
                view_bytes(vm, x)?
            } else if vm.is(x, Kind::Bytes) || vm.is(x, Kind::ByteArray) {
                data(vm, x).to_vec()
            } else {
                let tn = vm.type_name(x);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
            };
            if src.len() != s.len {
                return Err(vm.value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            let mut writes = Vec::with_capacity(src.len());
            for (j, b) in src.into_iter().enumerate() {
                let off = offset(vm, vm.at(base), s.start + j as i64 * s.step)?;
                writes.push((off, b));
            }
            store(vm, vm.at(base), &writes)
        }
    })();
    vm.truncate(base);
    r
}

/// Writes bytes at byte offsets of the bytearray under view `v` (no GC point).
fn store(vm: &mut Vm, v: Value, writes: &[(usize, u8)]) -> PyResult<()> {
    let obj = vm.obj::<MemoryViewObj>(v).obj;
    let buf = vm.bytearray_mut(obj);
    if writes.iter().any(|(off, _)| *off >= buf.len()) {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    for (off, b) in writes {
        buf[*off] = *b;
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
    for b in &bytes {
        vm.push(Value::from_int(*b as i64).unwrap());
    }
    vm.new_list_from_stack(bytes.len())
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
        vm.is(x, Kind::Bytes) || vm.is(x, Kind::ByteArray) || vm.is(x, Kind::MemoryView)
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
    let contiguous = step == 1 || len <= 1;
    Ok(Some(match n.as_str() {
        "obj" => obj,
        "nbytes" => vm.new_int(len)?,
        "readonly" => vm.bool_val(vm.is(obj, Kind::Bytes)),
        "itemsize" | "ndim" => Value::from_int(1).unwrap(),
        "format" => vm.new_str("B")?,
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

/// hex([sep[, bytes_per_sep]]): the viewed bytes go through bytes.hex, which owns the sep rules.
fn hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n == 0 || !vm.is(vm.arg(&a, 0), Kind::MemoryView) {
        self_view(vm, &a, "hex", Arity::Range(0, 2))?;
    }
    let v = vm.arg(&a, 0);
    let b = view_bytes(vm, v)?;
    let bytes = vm.new_bytes(&b)?;
    vm.roots.stack[a.base] = bytes;
    super::bytes::bytearray::hex(vm, a)
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
