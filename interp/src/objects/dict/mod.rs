//! `dict`: the insertion-ordered hash table (`table.rs`, shared with set and frozenset), its slots
//! (here: subscription with `__missing__`, assignment, deletion, `in`, iteration, repr, truth, ==,
//! unhashable), dict-level operations (`dict_eq`, `dict_update_from`) and its methods (`methods.rs`).
//! The views (`d.keys()`...) are iterator objects of the VIEW_* sub-kinds (vm/iter.rs).
//!
//! GC contract: every lookup may run a key's `__hash__`/`__eq__` (a GC point, possibly mutating the
//! dict): the slots root the dict and the key on the value stack across it and re-read them after.
//! str keys never run Python (`dict_find_str`, the fast path of attribute and global lookups).

pub mod methods;
pub mod table;

use super::TypeSlots;
use crate::bytecode::CmpOp;
use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "dict",
    number_dunders: &["__or__", "__ror__", "__ior__", "__reversed__"],
    len: Some(len),
    getitem: Some(getitem),
    setitem: Some(setitem),
    delitem: Some(delitem),
    contains: Some(contains),
    iter: Some(iter),
    repr: Some(repr),
    hash: Some(unhashable),
    truthy: Some(truthy),
    richcompare: Some(richcompare),
    install: Some(methods::install),
    ..TypeSlots::EMPTY
};

fn len(vm: &mut Vm, d: Value) -> PyResult<usize> {
    Ok(vm.dict_len(d))
}

fn truthy(vm: &mut Vm, d: Value) -> PyResult<bool> {
    Ok(vm.dict_len(d) != 0)
}

fn iter(vm: &mut Vm, d: Value) -> PyResult<Value> {
    vm.new_dict_iter(Kind::DictKeyIter, d)
}

fn repr(vm: &mut Vm, d: Value) -> PyResult<String> {
    vm.container_repr_with(d, repr_body)
}

/// `{k: v, ...}` for the dict at `slot` (inside the container repr guard). Each key and value is
/// read again from the rooted dict after the previous one's `__repr__` ran.
pub fn repr_body(vm: &mut Vm, slot: usize) -> PyResult<String> {
    let mut out = String::new();
    out.push('{');
    let mut first = true;
    let mut i = 0;
    while i < vm.dict_used(vm.at(slot)) {
        if let Some((key, val)) = vm.dict_entry(vm.at(slot), i) {
            if !first {
                out.push_str(", ");
            }
            first = false;
            vm.push(val);
            out.push_str(&vm.repr_string(key)?);
            out.push_str(": ");
            let val = vm.pop();
            out.push_str(&vm.repr_string(val)?);
        }
        i += 1;
    }
    out.push('}');
    Ok(out)
}

/// dict, set (and list, bytearray, slice) are unhashable.
pub(crate) fn unhashable(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("unhashable type: '{tn}'")))
}

/// dict == dict (no ordering between dicts).
fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    if !(b.is_ptr() && vm.kind(b) == Kind::Dict && matches!(op, CmpOp::Eq | CmpOp::Ne)) {
        return Ok(None);
    }
    let e = vm.dict_eq(a, b)?;
    Ok(Some(vm.bool_val(e == (op == CmpOp::Eq))))
}

fn getitem(vm: &mut Vm, o: Value, k: Value) -> PyResult<Value> {
    // The lookup may run __hash__/__eq__ (GC point): o and k are re-read after it.
    let base = vm.sp();
    vm.push(o);
    vm.push(k);
    let r = vm.dict_get_slots(base, base + 1);
    let (o, k) = (vm.at(base), vm.at(base + 1));
    vm.truncate(base);
    match r? {
        Some(v) => Ok(v),
        None => {
            if let Some(f) = vm.subclass_override(o, "__missing__") {
                return vm.call(f, &[o, k]);
            }
            Err(vm.key_error(k))
        }
    }
}

fn setitem(vm: &mut Vm, d: Value, k: Value, v: Value) -> PyResult<()> {
    vm.dict_set(d, k, v)
}

fn delitem(vm: &mut Vm, o: Value, k: Value) -> PyResult<()> {
    // k is rooted across the lookup (GC point) for the KeyError.
    let base = vm.sp();
    vm.push(k);
    let r = vm.dict_del(o, k);
    let k = vm.at(base);
    vm.truncate(base);
    match r? {
        Some(_) => Ok(()),
        None => Err(vm.key_error(k)),
    }
}

fn contains(vm: &mut Vm, d: Value, item: Value) -> PyResult<bool> {
    Ok(vm.dict_get(d, item)?.is_some())
}

impl Vm {
    /// dict == dict: same keys, and equal values (values compared with `==`, which may run Python).
    pub(crate) fn dict_eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if self.dict_len(a) != self.dict_len(b) {
            return Ok(false);
        }
        let base = self.sp();
        self.push(a);
        self.push(b);
        let used = self.dict_used(a);
        let mut res = Ok(true);
        for i in 0..used {
            let a = self.at(base);
            if let Some((k, v)) = self.dict_entry(a, i) {
                self.push(v);
                let b = self.at(base + 1);
                match self.dict_get(b, k) {
                    Ok(Some(w)) => {
                        let v = self.pop();
                        match self.eq(v, w) {
                            Ok(true) => {}
                            Ok(false) => {
                                res = Ok(false);
                                break;
                            }
                            Err(e) => {
                                res = Err(e);
                                break;
                            }
                        }
                    }
                    Ok(None) => {
                        res = Ok(false);
                        break;
                    }
                    Err(e) => {
                        res = Err(e);
                        break;
                    }
                }
            }
        }
        self.truncate(base);
        res
    }

    /// dict at `dslot`.update(mapping or iterable of pairs at `srcslot`)
    pub fn dict_update_from(&mut self, dslot: usize, srcslot: usize) -> PyResult<()> {
        let src = self.at(srcslot);
        if self.is(src, Kind::Dict) {
            let used = self.dict_used(src);
            for i in 0..used {
                let src = self.at(srcslot);
                if let Some((k, v)) = self.dict_entry(src, i) {
                    let d = self.at(dslot);
                    self.dict_set(d, k, v)?;
                }
            }
            return Ok(());
        }
        if self.is(src, Kind::Instance) {
            if let Some(keys) = self.special(src, "keys") {
                let ks = self.call(keys, &[src])?;
                let kl = self.to_list(ks)?;
                self.push(kl);
                let klslot = self.sp() - 1;
                let n = self.list_len(kl);
                for i in 0..n {
                    let k = self.list_items(self.at(klslot))[i];
                    self.push(k);
                    let v = self.getitem(self.at(srcslot), k)?;
                    let k = self.pop();
                    let d = self.at(dslot);
                    self.dict_set(d, k, v)?;
                }
                self.truncate(klslot);
                return Ok(());
            }
        }
        let it = self.get_iter(src)?;
        self.push(it);
        let itslot = self.sp() - 1;
        let r = loop {
            let it = self.at(itslot);
            match self.next(it) {
                Ok(Some(pair)) => {
                    self.push(pair);
                    let l = match self.to_list(pair) {
                        Ok(l) => l,
                        Err(e) => break Err(e),
                    };
                    if self.list_len(l) != 2 {
                        let n = self.list_len(l);
                        break Err(self.value_error(format!(
                            "dictionary update sequence element has length {n}; 2 is required"
                        )));
                    }
                    let (k, v) = (self.list_items(l)[0], self.list_items(l)[1]);
                    self.pop();
                    let d = self.at(dslot);
                    if let Err(e) = self.dict_set(d, k, v) {
                        break Err(e);
                    }
                }
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        self.truncate(itslot);
        r
    }
}
