//! `bytes` and `bytearray`: immutable and mutable byte strings. Everything about them lives in this
//! folder: their storage (`storage.rs`: bytes inline, bytearray a Rust `Vec<u8>` with an export
//! counter), their slots (here: len, subscription, bytearray item/slice assignment and deletion, `in`
//! for bytes, iteration, truth, repr, hash for bytes), the methods they share (`methods.rs`, on top of
//! the shared `objects::stringlib`; results have the type of `self`), decode/hex/fromhex plus the
//! bytearray mutators (`bytearray.rs`) and the constructors (`new.rs`). Concatenation, repetition and
//! `%` stay in the VM's `binary_op`/`seq_op` (shared with str/list/tuple there).
//!
//! GC contract of the slots: arguments arrive unrooted; a subscript is converted first (`__index__`
//! may run Python), `seq_key` returning the re-read object. Data is copied out (`to_vec`) before any
//! allocation; a bytearray being assigned to is rooted on the value stack and re-read after every
//! conversion (which may run `__index__`/`__iter__` and resize it).

pub mod bytearray;
pub mod methods;
pub mod new;
pub mod storage;
pub mod translate;

use super::TypeSlots;
use crate::obj::layout::Kind;
use crate::vm::containers::{slice_adjust, SeqKey};
use crate::vm::ops::hash_bytes;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "bytes",
    number_dunders: &["__add__", "__mul__", "__rmul__", "__mod__", "__rmod__"],
    len: Some(len),
    getitem: Some(getitem),
    contains: Some(bytes_contains),
    iter: Some(bytes_iter),
    repr: Some(bytes_repr_slot),
    hash: Some(bytes_hash),
    truthy: Some(truthy),
    // Registers the constructors and methods of both bytes and bytearray.
    install: Some(install),
    ..TypeSlots::EMPTY
};

/// The constructors and methods of bytes and bytearray.
fn install(vm: &mut Vm) {
    methods::install(vm);
    new::install(vm);
    translate::install(vm);
}

/// bytearray: no hash slot (unhashable through the generic rule).
pub static BYTEARRAY_SLOTS: TypeSlots = TypeSlots {
    name: "bytearray",
    number_dunders: &[
        "__add__", "__mul__", "__rmul__", "__mod__", "__rmod__", "__iadd__", "__imul__",
    ],
    len: Some(len),
    contains: Some(bytes_contains),
    getitem: Some(getitem),
    setitem: Some(bytearray_setitem),
    delitem: Some(bytearray_delitem),
    iter: Some(bytearray_iter),
    repr: Some(bytearray_repr),
    // CPython's bytearray has its own __str__ (its repr), which a subclass's __repr__ leaves alone
    str: Some(bytearray_repr),
    truthy: Some(truthy),
    ..TypeSlots::EMPTY
};

/// The data of a bytes or bytearray, borrowed until the next GC point.
fn data(vm: &Vm, v: Value) -> &[u8] {
    if vm.is(v, Kind::Bytes) {
        vm.bytes_of(v)
    } else {
        vm.bytearray(v)
    }
}

fn len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    Ok(data(vm, v).len())
}

fn truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(!data(vm, v).is_empty())
}

fn bytes_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    vm.new_seq_iter(Kind::BytesIter, v)
}

/// bytearray_iterator (it re-reads the length: a bytearray may change size while iterated).
fn bytearray_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    vm.new_seq_iter(Kind::ByteArrayIter, v)
}

fn bytes_repr_slot(vm: &mut Vm, v: Value) -> PyResult<String> {
    match crate::vm::repr::bytes_repr_checked(vm.bytes_of(v), false) {
        Some(r) => Ok(r),
        None => Err(vm.memory_error()),
    }
}

fn bytearray_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    match crate::vm::repr::bytes_repr_checked(vm.bytearray(v), true) {
        Some(r) => {
            // a subclass shows its class, as CPython's bytearray_repr: `B(b'..')`
            let tname = vm.type_name(v);
            let mut out = String::new();
            if out.try_reserve_exact(r.len() + tname.len() + 2).is_err() {
                return Err(vm.memory_error());
            }
            out.push_str(&tname);
            out.push('(');
            out.push_str(&r);
            out.push(')');
            Ok(out)
        }
        None => Err(vm.memory_error()),
    }
}

fn bytes_hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    Ok(hash_bytes(vm.bytes_of(v)))
}

fn getitem(vm: &mut Vm, o: Value, k: Value) -> PyResult<Value> {
    let is_bytes = vm.is(o, Kind::Bytes);
    let what = if is_bytes { "byte" } else { "bytearray" };
    let (o, key) = vm.seq_key(o, k, what)?;
    match key {
        SeqKey::Index(i) => {
            let what = if is_bytes { "" } else { "bytearray" };
            let n = data(vm, o).len();
            let i = vm.seq_pos(i, n, what)?;
            Ok(Value::from_int(data(vm, o)[i] as i64).unwrap())
        }
        SeqKey::Slice(raw) => {
            let bytes = data(vm, o);
            let s = slice_adjust(raw, bytes.len());
            let out: Vec<u8> = (0..s.len)
                .map(|j| bytes[(s.start + j as i64 * s.step) as usize])
                .collect();
            if is_bytes {
                vm.new_bytes(&out)
            } else {
                vm.new_bytearray(out)
            }
        }
    }
}

/// `x in b` for bytes and bytearray: an int in range(256) or a bytes-like substring.
fn bytes_contains(vm: &mut Vm, container: Value, item: Value) -> PyResult<bool> {
    if vm.is_int(item) {
        return match vm.to_i64(item) {
            Some(b) if (0..256).contains(&b) => Ok(data(vm, container).contains(&(b as u8))),
            _ => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    if vm.is(item, Kind::Bytes) || vm.is(item, Kind::ByteArray) {
        let (hay, needle) = (data(vm, container), data(vm, item));
        return Ok(memchr::memmem::find(hay, needle).is_some());
    }
    if let Some(needle) = crate::objects::memoryview_fmt::exported_bytes(vm, item) {
        return Ok(memchr::memmem::find(data(vm, container), &needle).is_some());
    }
    if vm.is(item, Kind::MemoryView) {
        let needle = crate::objects::memoryview::view_bytes(vm, item)?;
        return Ok(memchr::memmem::find(data(vm, container), &needle).is_some());
    }
    if item.is_ptr() && vm.special(item, "__index__").is_some() {
        // __index__ runs Python: keep the container rooted and re-read it.
        let base = vm.sp();
        vm.push(container);
        let r = crate::objects::args::index_of(vm, item, "byte must be in range(0, 256)");
        let container = vm.at(base);
        vm.truncate(base);
        return match r? {
            b if (0..256).contains(&b) => Ok(data(vm, container).contains(&(b as u8))),
            _ => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    let tn = vm.type_name(item);
    Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
}

fn bytearray_setitem(vm: &mut Vm, o: Value, k: Value, v: Value) -> PyResult<()> {
    let base = vm.sp();
    vm.push(o);
    vm.push(v);
    let r = bytearray_setitem_at(vm, base, k);
    vm.truncate(base);
    r
}

/// bytearray[k] = v with the bytearray at `stack[base]` and v at `stack[base + 1]` (both
/// re-read after every conversion, which may run `__index__`/`__iter__`).
fn bytearray_setitem_at(vm: &mut Vm, base: usize, k: Value) -> PyResult<()> {
    let key = vm.seq_key(vm.at(base), k, "bytearray")?.1;
    let v = vm.at(base + 1);
    let raw = match key {
        SeqKey::Index(i) => {
            let b = vm.index_value(v, "byte")?;
            if !(0..256).contains(&b) {
                return Err(vm.value_error("byte must be in range(0, 256)"));
            }
            let o = vm.at(base);
            let n = vm.bytearray_mut(o).len();
            let i = vm.seq_pos(i, n, "bytearray")?;
            vm.bytearray_mut(o)[i] = b as u8;
            return Ok(());
        }
        SeqKey::Slice(raw) => raw,
    };
    let newb: Vec<u8> = if vm.is(v, Kind::Bytes) {
        vm.bytes_of(v).to_vec()
    } else if vm.is(v, Kind::ByteArray) {
        vm.bytearray_mut(v).clone()
    } else {
        let l = vm.to_list(v)?;
        let mut out = Vec::new();
        for &x in vm.list_items(l).to_vec().iter() {
            match vm.to_i64(x).filter(|b| (0..256).contains(b)) {
                Some(b) => out.push(b as u8),
                None => return Err(vm.value_error("byte must be in range(0, 256)")),
            }
        }
        out
    };
    let o = vm.at(base);
    let n = vm.bytearray_mut(o).len();
    let s = slice_adjust(raw, n);
    if s.step == 1 && newb.len() != s.len {
        vm.bytearray_check_resize(o)?;
    }
    if s.step == 1 {
        let st = s.start as usize;
        vm.bytearray_mut(o).splice(st..st + s.len, newb);
        vm.bytearray_charge(o);
        return Ok(());
    }
    if newb.len() != s.len {
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            newb.len(),
            s.len
        )));
    }
    let ba = vm.bytearray_mut(o);
    for (j, b) in newb.into_iter().enumerate() {
        ba[(s.start + j as i64 * s.step) as usize] = b;
    }
    Ok(())
}

fn bytearray_delitem(vm: &mut Vm, o: Value, k: Value) -> PyResult<()> {
    let (o, key) = vm.seq_key(o, k, "bytearray")?;
    let n = vm.bytearray_mut(o).len();
    match key {
        SeqKey::Index(i) => {
            let i = vm.seq_pos(i, n, "bytearray")?;
            vm.bytearray_check_resize(o)?;
            vm.bytearray_mut(o).remove(i);
        }
        SeqKey::Slice(raw) => {
            let s = slice_adjust(raw, n);
            if s.len > 0 {
                vm.bytearray_check_resize(o)?;
            }
            let mut del: Vec<usize> = (0..s.len)
                .map(|j| (s.start + j as i64 * s.step) as usize)
                .collect();
            del.sort_unstable();
            let ba = vm.bytearray_mut(o);
            for i in del.into_iter().rev() {
                ba.remove(i);
            }
        }
    }
    Ok(())
}
