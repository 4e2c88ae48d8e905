//! `memoryview`: a view of a bytes or bytearray object (or a buffer-hook exporter's storage),
//! `MemoryViewObj { obj, start, step, len, released, fmt, ndim, inner }`. Slicing makes a new view of
//! the same object. `cast(fmt, shape)` makes N-dimensional views (CPython's 1D -> ND and ND -> 1D
//! casts): dimension 0 is start/step/len, the others are C-contiguous rows of sizes `inner`
//! (a tuple), so slicing the first dimension keeps working; `ndim` 0 is a scalar view.
//! As CPython 3.11: multi-dimensional sub-views (`m[0]` of a 2-D view), multi-dimensional slicing
//! and slice assignment to N-D views raise NotImplementedError.
//!
//! GC: the view holds its object as a traced field and reads the bytes through it on every access,
//! never through a raw pointer kept across a GC point (the object moves; a bytearray's buffer may be
//! reallocated). A bytearray that shrank under a live view makes out-of-range accesses IndexError
//! rather than reads past the end. (CPython forbids resizing an exported bytearray; minipy's views
//! do not lock it yet.)

use super::args::{check_method, check_self, Arity};
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
        (*p).ndim = 1;
        (*p).inner = Value::NULL;
    }
    Ok(v)
}

/// As `make_fmt`, with `ndim` dimensions whose sizes after the first are the tuple at stack slot
/// `inner_slot` (or none: pass `usize::MAX`).
#[allow(clippy::too_many_arguments)]
fn make_shaped(
    vm: &mut Vm,
    slot: usize,
    start: i64,
    step: i64,
    len: i64,
    code: u64,
    ndim: u64,
    inner_slot: usize,
) -> PyResult<Value> {
    let v = make_fmt(vm, slot, start, step, len, code)?;
    let inner = if inner_slot == usize::MAX {
        Value::NULL
    } else {
        vm.at(inner_slot)
    };
    // SAFETY: v is the fresh young MemoryView just made; inner re-read after that allocation.
    unsafe {
        let p = vm.payload::<MemoryViewObj>(v);
        (*p).ndim = ndim;
        (*p).inner = inner;
    }
    Ok(v)
}

/// The geometry of a view, read once (plain integers: valid across GC points).
struct Geo {
    start: i64,
    step: i64,
    len: i64,
    ndim: usize,
    /// Sizes of dimensions 1..ndim.
    inner: Vec<i64>,
    size: usize,
}

impl Geo {
    /// Bytes of one row of dimension 0 (one item for a 1-D view).
    fn row_bytes(&self) -> usize {
        self.size * self.inner.iter().product::<i64>() as usize
    }
    fn shape(&self) -> Vec<i64> {
        if self.ndim == 0 {
            return vec![];
        }
        let mut s = vec![self.len];
        s.extend_from_slice(&self.inner);
        s
    }
    fn strides(&self) -> Vec<i64> {
        if self.ndim == 0 {
            return vec![];
        }
        let mut st = vec![self.step];
        for d in 0..self.inner.len() {
            st.push(self.size as i64 * self.inner[d + 1..].iter().product::<i64>());
        }
        st
    }
    fn nbytes(&self) -> i64 {
        self.shape().iter().product::<i64>() * self.size as i64
    }
    /// CPython's C-/Fortran-contiguity test over the shape and strides (dimensions of size 1 do
    /// not count; a view with a zero dimension is contiguous).
    fn contiguous(&self, fortran: bool) -> bool {
        let (shape, strides) = (self.shape(), self.strides());
        if shape.contains(&0) {
            return true;
        }
        let mut expect = self.size as i64;
        let order: Vec<usize> = if fortran {
            (0..shape.len()).collect()
        } else {
            (0..shape.len()).rev().collect()
        };
        for d in order {
            if shape[d] > 1 && strides[d] != expect {
                return false;
            }
            expect *= shape[d];
        }
        true
    }
}

fn geo(vm: &Vm, v: Value) -> Geo {
    let p = vm.obj::<MemoryViewObj>(v);
    let inner = if p.inner.is_null() {
        vec![]
    } else {
        vm.tuple_items(p.inner).iter().map(|x| x.as_int()).collect()
    };
    Geo {
        start: p.start,
        step: p.step,
        len: p.len,
        ndim: p.ndim as usize,
        inner,
        size: item_size(vm, v),
    }
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
        let (ndim, inner) = (p.ndim, p.inner);
        vm.push(obj);
        let slot = vm.sp() - 1;
        vm.push(inner);
        let inner_slot = if inner.is_null() {
            usize::MAX
        } else {
            slot + 1
        };
        let r = make_shaped(vm, slot, start, step, len, code, ndim, inner_slot);
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
    let g = geo(vm, v);
    let obj = vm.obj::<MemoryViewObj>(v).obj;
    let row = g.row_bytes();
    let d = data(vm, obj);
    let mut out = Vec::with_capacity(g.len.max(0) as usize * row);
    for i in 0..g.len {
        let off = (g.start + i * g.step) as usize;
        match d.get(off..off + row) {
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
    let p = vm.obj::<MemoryViewObj>(v);
    Ok(if p.ndim == 0 { 1 } else { p.len as usize })
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

/// What a subscript key asks for (CPython's memory_subscript order of tests).
enum Key {
    Index(i64),
    Slice,
    /// A tuple of indexes, one per dimension given.
    Multi(Vec<i64>),
    /// `()` or `...`: the item (or the view) of a 0-dim view.
    Scalar,
}

fn is_index(vm: &mut Vm, k: Value) -> bool {
    vm.is_int(k) || (vm.is(k, Kind::Instance) && vm.special(k, "__index__").is_some())
}

/// Classifies subscript `key` of view `v` (at stack slots `vslot`, `kslot`), raising CPython's
/// errors for the keys views do not support. May run `__index__`.
fn key_of(vm: &mut Vm, vslot: usize, kslot: usize, setting: bool) -> PyResult<Key> {
    let k = vm.at(kslot);
    let ndim = vm.obj::<MemoryViewObj>(vm.at(vslot)).ndim;
    let is_tuple = vm.is(k, Kind::Tuple);
    if ndim == 0 {
        let empty = is_tuple && vm.tuple_items(k).is_empty();
        if empty || vm.is(k, Kind::Ellipsis) {
            return Ok(Key::Scalar);
        }
        return Err(vm.type_error("invalid indexing of 0-dim memory"));
    }
    if is_index(vm, k) {
        if ndim > 1 {
            let msg = if setting {
                "sub-views are not implemented"
            } else {
                "multi-dimensional sub-views are not implemented"
            };
            return Err(vm.raise("NotImplementedError", msg));
        }
        let i = super::args::index_of(vm, k, "cannot fit 'int' into an index-sized integer")?;
        return Ok(Key::Index(i));
    }
    if vm.is(k, Kind::Slice) {
        if setting && ndim > 1 {
            return Err(vm.raise(
                "NotImplementedError",
                "memoryview slice assignments are currently restricted to ndim = 1",
            ));
        }
        return Ok(Key::Slice);
    }
    if is_tuple {
        let n = vm.tuple_items(k).len();
        let all_index = (0..n).all(|j| {
            let x = vm.tuple_items(vm.at(kslot))[j];
            is_index(vm, x)
        });
        if all_index {
            if (n as u64) < ndim {
                return Err(vm.raise("NotImplementedError", "sub-views are not implemented"));
            }
            if n as u64 > ndim {
                return Err(vm.type_error(format!(
                    "cannot index {ndim}-dimension view with {n}-element tuple"
                )));
            }
            let mut idx = Vec::with_capacity(n);
            for j in 0..n {
                let x = vm.tuple_items(vm.at(kslot))[j];
                idx.push(super::args::index_of(
                    vm,
                    x,
                    "cannot fit 'int' into an index-sized integer",
                )?);
            }
            return Ok(Key::Multi(idx));
        }
        let items = vm.tuple_items(k);
        if !items.is_empty() && items.iter().all(|x| vm.is(*x, Kind::Slice)) {
            let msg = if setting {
                "memoryview slice assignments are currently restricted to ndim = 1"
            } else {
                "multi-dimensional slicing is not implemented"
            };
            return Err(vm.raise("NotImplementedError", msg));
        }
    }
    Err(vm.type_error("memoryview: invalid slice key"))
}

/// Byte offset of the item at `idx` (one index per dimension), with CPython's errors.
fn offset_multi(vm: &mut Vm, g: &Geo, idx: &[i64]) -> PyResult<usize> {
    let shape = g.shape();
    let strides = g.strides();
    let mut off = g.start;
    for (d, &k) in idx.iter().enumerate() {
        let n = shape[d];
        let i = if k < 0 { k + n } else { k };
        if i < 0 || i >= n {
            return Err(vm.index_error(format!("index out of bounds on dimension {}", d + 1)));
        }
        off += i * strides[d];
    }
    Ok(off as usize)
}

fn getitem(vm: &mut Vm, v: Value, k: Value) -> PyResult<Value> {
    check_live(vm, v)?;
    let base = vm.sp();
    vm.push(v);
    vm.push(k);
    let r = (|| {
        let key = key_of(vm, base, base + 1, false)?;
        let g = geo(vm, vm.at(base));
        let off = match key {
            Key::Index(i) => offset_multi(vm, &g, &[i])?,
            Key::Multi(idx) => offset_multi(vm, &g, &idx)?,
            Key::Scalar if vm.is(vm.at(base + 1), Kind::Ellipsis) => return Ok(vm.at(base)),
            Key::Scalar => g.start as usize,
            Key::Slice => {
                let s = vm.slice_indices(vm.at(base + 1), g.len as usize)?;
                check_live(vm, vm.at(base))?;
                let p = vm.obj::<MemoryViewObj>(vm.at(base));
                let (obj, code, ndim, inner) = (p.obj, p.fmt, p.ndim, p.inner);
                vm.push(obj);
                vm.push(inner);
                let inner_slot = if inner.is_null() {
                    usize::MAX
                } else {
                    base + 3
                };
                return make_shaped(
                    vm,
                    base + 2,
                    g.start + s.start * g.step,
                    g.step * s.step,
                    s.len as i64,
                    code,
                    ndim,
                    inner_slot,
                );
            }
        };
        let obj = vm.obj::<MemoryViewObj>(vm.at(base)).obj;
        let c = code_of(vm, vm.at(base));
        match data(vm, obj).get(off..off + g.size).map(|b| b.to_vec()) {
            Some(b) => fmt::decode(vm, c, &b),
            None => Err(vm.index_error("index out of bounds on dimension 1")),
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
    let r = (|| match key_of(vm, base, base + 1, true)? {
        Key::Slice => {
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
        key => {
            let c = code_of(vm, vm.at(base));
            let b = fmt::encode(vm, c, vm.at(base + 2))?;
            let g = geo(vm, vm.at(base));
            let off = match key {
                Key::Index(i) => offset_multi(vm, &g, &[i])?,
                Key::Multi(idx) => offset_multi(vm, &g, &idx)?,
                _ => g.start as usize,
            };
            store(vm, vm.at(base), &[(off, b)])
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
    check_live(vm, v)?;
    match vm.obj::<MemoryViewObj>(v).ndim {
        0 => return Err(vm.type_error("invalid indexing of 0-dim memory")),
        1 => {}
        _ => {
            return Err(vm.raise(
                "NotImplementedError",
                "multi-dimensional sub-views are not implemented",
            ))
        }
    }
    let l = to_list(vm, v)?;
    vm.new_seq_iter(Kind::ListIter, l)
}

/// tolist(): the items, nested one list per dimension (the item itself for a 0-dim view).
fn to_list(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let bytes = view_bytes(vm, v)?;
    let g = geo(vm, v);
    let c = code_of(vm, v);
    let base = vm.sp();
    let r = (|| {
        for b in bytes.chunks(g.size) {
            let x = fmt::decode(vm, c, b)?;
            vm.push(x);
        }
        if g.ndim == 0 {
            return Ok(vm.at(base));
        }
        // Group the items into lists from the innermost dimension out.
        let shape = g.shape();
        let mut count = bytes.len() / g.size;
        for &n in shape[1..].iter().rev() {
            let n = n as usize;
            let rows = count / n;
            // Row r's items are copied to the top and listed; its list goes to slot base + r,
            // which no later row reads (rows start at base + r * n).
            for r in 0..rows {
                for j in 0..n {
                    let x = vm.at(base + r * n + j);
                    vm.push(x);
                }
                let l = vm.new_list_from_stack(n)?;
                vm.set_at(base + r, l);
            }
            vm.truncate(base + rows);
            count = rows;
        }
        vm.new_list_from_stack(count)
    })();
    vm.truncate(base);
    r
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
    let shape_of = |vm: &Vm, x: Value| -> Option<Vec<i64>> {
        vm.is(x, Kind::MemoryView).then(|| geo(vm, x).shape())
    };
    let eq = if a == b {
        true
    } else if released(vm, a)
        || released(vm, b)
        || !same_shape(vm, shape_of(vm, a), shape_of(vm, b), a, b)
    {
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

/// Whether two bytes-like operands have the same shape (a non-view is one-dimensional, its length
/// in items).
fn same_shape(vm: &Vm, sa: Option<Vec<i64>>, sb: Option<Vec<i64>>, a: Value, b: Value) -> bool {
    let flat = |vm: &Vm, x: Value| -> Vec<i64> {
        let n = if let Some((st, c)) = fmt::exporter(vm, x) {
            data(vm, st).len() / fmt::itemsize(c).unwrap_or(1)
        } else {
            data(vm, x).len()
        };
        vec![n as i64]
    };
    let sa = sa.unwrap_or_else(|| flat(vm, a));
    let sb = sb.unwrap_or_else(|| flat(vm, b));
    sa == sb
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
    let g = geo(vm, v);
    let obj = vm.obj::<MemoryViewObj>(v).obj;
    let c = code_of(vm, v);
    Ok(Some(match n.as_str() {
        "obj" => obj,
        "nbytes" => vm.new_int(g.nbytes())?,
        "readonly" => vm.bool_val(vm.is(obj, Kind::Bytes)),
        "itemsize" => Value::from_int(g.size as i64).unwrap(),
        "ndim" => Value::from_int(g.ndim as i64).unwrap(),
        "format" => vm.new_str(&(c as char).to_string())?,
        "shape" => ints_tuple(vm, &g.shape())?,
        "strides" => ints_tuple(vm, &g.strides())?,
        "f_contiguous" => vm.bool_val(g.contiguous(true)),
        "c_contiguous" => vm.bool_val(g.contiguous(false)),
        _ => vm.bool_val(g.contiguous(false) || g.contiguous(true)),
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

/// The byte formats, between which and any other format a cast may go.
fn is_byte_format(c: u8) -> bool {
    matches!(c, b'B' | b'b' | b'c')
}

/// cast(format[, shape]): the same bytes seen with another item format, as a 1-D view or, with a
/// shape, an N-D one (CPython's checks and messages, in its order).
fn cast(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, "memoryview", "cast", &[Kind::MemoryView])?;
    let slots = super::args::bind_params(vm, &a, "cast", &["format", "shape"], 2)?;
    let Some(fslot) = slots[0] else {
        return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let v = vm.arg(&a, 0);
    check_live(vm, v)?;
    let f = vm.at(fslot);
    if !vm.is(f, Kind::Str) {
        let tn = vm.type_name(f);
        return Err(vm.type_error(format!("cast() argument 'format' must be str, not {tn}")));
    }
    let g = geo(vm, v);
    if !g.contiguous(false) {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let mut shape: Option<Vec<i64>> = None;
    if let Some(sslot) = slots[1] {
        let sh = vm.at(sslot);
        if !vm.is(sh, Kind::Tuple) && !vm.is(sh, Kind::List) {
            return Err(vm.type_error("shape must be a list or a tuple"));
        }
        let items: Vec<Value> = if vm.is(sh, Kind::Tuple) {
            vm.tuple_items(sh).to_vec()
        } else {
            vm.list_items(sh).to_vec()
        };
        if items.len() > 64 {
            return Err(vm.value_error("memoryview: number of dimensions must not exceed 64"));
        }
        if g.ndim != 1 && items.len() != 1 {
            return Err(vm.type_error("memoryview: cast must be 1D -> ND or ND -> 1D"));
        }
        let mut dims = Vec::with_capacity(items.len());
        for x in items {
            match x.is_int().then(|| x.as_int()).filter(|&d| d > 0) {
                Some(d) => dims.push(d),
                None => {
                    return Err(
                        vm.value_error("memoryview.cast(): elements of shape must be integers > 0")
                    )
                }
            }
        }
        shape = Some(dims);
    }
    if (shape.is_some() || g.ndim != 1) && (g.shape().contains(&0) || g.strides().contains(&0)) {
        return Err(vm.type_error("memoryview: cannot cast view with zeros in shape or strides"));
    }
    let Some(c) = fmt::parse(vm.str_of(vm.at(fslot))) else {
        return Err(vm.value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !is_byte_format(code_of(vm, v)) && !is_byte_format(c) {
        return Err(vm.type_error("memoryview: cannot cast between two non-byte formats"));
    }
    let size = fmt::itemsize(c).unwrap_or(1) as i64;
    let nbytes = g.nbytes();
    if nbytes % size != 0 {
        return Err(vm.type_error("memoryview: length is not a multiple of itemsize"));
    }
    let dims = shape.unwrap_or_else(|| vec![nbytes / size]);
    let product = dims.iter().try_fold(1i64, |acc, &d| acc.checked_mul(d));
    if product.and_then(|p| p.checked_mul(size)) != Some(nbytes) {
        return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
    }
    let obj = vm.obj::<MemoryViewObj>(v).obj;
    let base = vm.sp();
    vm.push(obj);
    let r = (|| {
        let (ndim, len) = (dims.len() as u64, dims.first().copied().unwrap_or(1));
        let inner_slot = if dims.len() > 1 {
            let inner = ints_tuple(vm, &dims[1..])?;
            vm.push(inner);
            base + 1
        } else {
            usize::MAX
        };
        let row = size * dims.get(1..).map_or(1, |d| d.iter().product::<i64>());
        make_shaped(vm, base, g.start, row, len, c as u64, ndim, inner_slot)
    })();
    vm.truncate(base);
    r
}

/// A tuple of small ints.
fn ints_tuple(vm: &mut Vm, xs: &[i64]) -> PyResult<Value> {
    let base = vm.sp();
    for &x in xs {
        let i = vm.new_int(x)?;
        vm.push(i);
    }
    vm.new_tuple_from_stack(vm.sp() - base)
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
