//! Iterators over sequences by position (`SeqIterObj { seq, index }`): list_iterator,
//! tuple_iterator, str_ascii_iterator and str_iterator (index = byte offset, on a char boundary; the
//! names tell ASCII from other strings, as CPython's types do), bytes_iterator, and
//! the generic `iterator` (SeqIter) that calls `seq[index]` until IndexError/StopIteration (bytearray
//! and Python classes with only `__getitem__`).
//!
//! The length is re-read at every step (the sequence may grow or shrink in the loop body). GC: only
//! SeqIter's `getitem` is a GC point; it advances the index before the call.

use super::{alloc_with, iterator_slots, payload_mut};
use crate::obj::layout::{Kind, SeqIterObj};
use crate::objects::TypeSlots;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static LIST_ITER: TypeSlots = TypeSlots {
    // The iterator types' Python methods are registered once, from here.
    install: Some(super::install),
    ..iterator_slots("list_iterator", list_next)
};
pub static TUPLE_ITER: TypeSlots = iterator_slots("tuple_iterator", tuple_next);
pub static STR_ITER: TypeSlots = iterator_slots("str_ascii_iterator", str_next);
pub static STR_UITER: TypeSlots = iterator_slots("str_iterator", str_next);
pub static BYTES_ITER: TypeSlots = iterator_slots("bytes_iterator", bytes_next);
pub static BYTEARRAY_ITER: TypeSlots = iterator_slots("bytearray_iterator", bytearray_next);
pub static SEQ_ITER: TypeSlots = iterator_slots("iterator", seq_next);

impl Vm {
    /// A new iterator of `kind` (ListIter, TupleIter, StrIter, BytesIter, ByteArrayIter or SeqIter)
    /// over `seq`.
    pub fn new_seq_iter(&mut self, kind: Kind, seq: Value) -> PyResult<Value> {
        alloc_with::<SeqIterObj>(self, kind, &[seq], |p, v| {
            p.seq = v[0];
            p.index = 0;
        })
    }
}

/// The list iterator's `next`; inlined in the eval loop's FOR_ITER (through `Vm::next_fast`).
#[inline(always)]
pub fn list_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let p = vm.obj::<SeqIterObj>(it);
    let (l, i) = (p.seq, p.index as usize);
    if i < vm.list_len(l) {
        let v = vm.list_items(l)[i];
        payload_mut::<SeqIterObj>(vm, it).index += 1;
        return Ok(Some(v));
    }
    Ok(None)
}

fn tuple_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let p = vm.obj::<SeqIterObj>(it);
    let (t, i) = (p.seq, p.index as usize);
    let items = vm.tuple_items(t);
    if i < items.len() {
        let v = items[i];
        payload_mut::<SeqIterObj>(vm, it).index += 1;
        Ok(Some(v))
    } else {
        Ok(None)
    }
}

fn str_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let p = vm.obj::<SeqIterObj>(it);
    let (s, i) = (p.seq, p.index as usize);
    let s = vm.str_of(s);
    if i >= s.len() {
        return Ok(None);
    }
    let c = s[i..].chars().next().unwrap();
    let mut buf = [0u8; 4];
    let cs = c.encode_utf8(&mut buf);
    payload_mut::<SeqIterObj>(vm, it).index += cs.len() as i64;
    let s = cs.to_string();
    vm.new_str(&s).map(Some)
}

fn bytes_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let p = vm.obj::<SeqIterObj>(it);
    let (b, i) = (p.seq, p.index as usize);
    let b = vm.bytes_of(b);
    if i < b.len() {
        let v = b[i] as i64;
        payload_mut::<SeqIterObj>(vm, it).index += 1;
        Ok(Some(Value::from_int(v).unwrap()))
    } else {
        Ok(None)
    }
}

/// Re-reads the length each step: the bytearray may change size while iterated.
fn bytearray_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let p = vm.obj::<SeqIterObj>(it);
    let (b, i) = (p.seq, p.index as usize);
    match vm.bytearray(b).get(i) {
        Some(&v) => {
            payload_mut::<SeqIterObj>(vm, it).index += 1;
            Ok(Some(Value::from_int(v as i64).unwrap()))
        }
        None => Ok(None),
    }
}

fn seq_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let p = vm.obj::<SeqIterObj>(it);
    let (a, i) = (p.seq, p.index);
    let idx = Value::from_int(i).unwrap();
    payload_mut::<SeqIterObj>(vm, it).index += 1;
    match vm.getitem(a, idx) {
        Ok(v) => Ok(Some(v)),
        Err(e) => {
            if vm.exc_matches(vm.roots.exc, "IndexError")
                || vm.exc_matches(vm.roots.exc, "StopIteration")
            {
                vm.take_exc();
                Ok(None)
            } else {
                Err(e)
            }
        }
    }
}
