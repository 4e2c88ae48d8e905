//! `set` and `frozenset`: the dict table (`objects/dict/table.rs`) with None values. Here: their
//! slots (len, `in`, iteration, repr, truth, comparison by inclusion; frozenset hashes, set is
//! unhashable), the set operations the VM and the methods share (`set_add`, `set_update`,
//! `set_binop`, `set_compare`, `set_issubset`) and the methods (`methods.rs`).
//!
//! GC contract: every element lookup may run `__hash__`/`__eq__` (a GC point): operands are kept in
//! value-stack slots (several functions take slots rather than values) and re-read after each one.

pub mod methods;

use super::TypeSlots;
use crate::bytecode::CmpOp;
use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "set",
    number_dunders: &[
        "__and__", "__rand__", "__iand__", "__or__", "__ror__", "__ior__", "__xor__", "__rxor__",
        "__ixor__", "__sub__", "__rsub__", "__isub__",
    ],
    len: Some(len),
    contains: Some(contains),
    iter: Some(iter),
    repr: Some(repr),
    hash: Some(super::dict::unhashable),
    truthy: Some(truthy),
    richcompare: Some(richcompare),
    // Registers the methods of both set and frozenset.
    install: Some(methods::install),
    ..TypeSlots::EMPTY
};

pub static FROZENSET_SLOTS: TypeSlots = TypeSlots {
    name: "frozenset",
    number_dunders: &[
        "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__", "__sub__", "__rsub__",
    ],
    len: Some(len),
    contains: Some(contains),
    iter: Some(iter),
    repr: Some(repr),
    hash: Some(frozenset_hash),
    truthy: Some(truthy),
    richcompare: Some(richcompare),
    ..TypeSlots::EMPTY
};

fn len(vm: &mut Vm, s: Value) -> PyResult<usize> {
    Ok(vm.dict_len(s))
}

fn truthy(vm: &mut Vm, s: Value) -> PyResult<bool> {
    Ok(vm.dict_len(s) != 0)
}

fn contains(vm: &mut Vm, s: Value, item: Value) -> PyResult<bool> {
    Ok(vm.dict_get(s, item)?.is_some())
}

fn iter(vm: &mut Vm, s: Value) -> PyResult<Value> {
    vm.new_dict_iter(Kind::SetIter, s)
}

fn repr(vm: &mut Vm, s: Value) -> PyResult<String> {
    vm.container_repr_with(s, repr_body)
}

/// `{a, b}` / `frozenset({a, b})` / `set()` for the set at `slot` (inside the container repr guard).
pub fn repr_body(vm: &mut Vm, slot: usize) -> PyResult<String> {
    let k = vm.kind(vm.at(slot));
    let mut out = String::new();
    let n = vm.dict_len(vm.at(slot));
    let fs = k == Kind::FrozenSet;
    if n == 0 {
        return Ok(if fs {
            "frozenset()".into()
        } else {
            "set()".into()
        });
    }
    if fs {
        out.push_str("frozenset(");
    }
    out.push('{');
    let mut first = true;
    let mut i = 0;
    while i < vm.dict_used(vm.at(slot)) {
        if let Some((key, _)) = vm.dict_entry(vm.at(slot), i) {
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_str(&vm.repr_string(key)?);
        }
        i += 1;
    }
    out.push('}');
    if fs {
        out.push(')');
    }
    Ok(out)
}

/// Order-independent: the xor of the mixed element hashes.
fn frozenset_hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let mut acc: u64 = 0;
    let base = vm.sp();
    vm.push(v);
    let used = vm.dict_used(v);
    for i in 0..used {
        if let Some((k, _)) = vm.dict_entry(vm.at(base), i) {
            match vm.hash(k) {
                Ok(h) => acc ^= (h as u64).wrapping_mul(0x9E3779B185EBCA87),
                Err(e) => {
                    vm.truncate(base);
                    return Err(e);
                }
            }
        }
    }
    vm.truncate(base);
    Ok((acc >> 2) as i64)
}

/// set/frozenset OP set/frozenset: inclusion; other operands are left to the generic rules.
fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    if !(b.is_ptr() && matches!(vm.kind(b), Kind::Set | Kind::FrozenSet)) {
        return Ok(None);
    }
    let r = vm.set_compare(a, b, op)?;
    Ok(Some(vm.bool_val(r)))
}

impl Vm {
    /// set.add(v)
    pub fn set_add(&mut self, s: Value, v: Value) -> PyResult<()> {
        let none = self.none();
        let base = self.sp();
        self.push(s);
        self.push(v);
        self.push(none);
        let r = self.dict_set_slots(base, base + 1, base + 2);
        self.truncate(base);
        r
    }

    /// set at `sslot` |= iterable at `srcslot`
    pub fn set_update(&mut self, sslot: usize, srcslot: usize) -> PyResult<()> {
        let it = self.get_iter(self.at(srcslot))?;
        self.push(it);
        let itslot = self.sp() - 1;
        let r = loop {
            let it = self.at(itslot);
            match self.next(it) {
                Ok(Some(v)) => {
                    let s = self.at(sslot);
                    if let Err(e) = self.set_add(s, v) {
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

    /// Set algebra for | & - ^ on sets/frozensets; the result has a's kind.
    pub fn set_binop(&mut self, a: Value, b: Value, op: crate::bytecode::BinOp) -> PyResult<Value> {
        use crate::bytecode::BinOp;
        let kind = self.kind(a);
        let base = self.sp();
        self.push(a);
        self.push(b);
        let r = (|| -> PyResult<Value> {
            let out = self.new_dict_kind(kind)?;
            self.push(out);
            let oslot = base + 2;
            let keep = |vm: &mut Vm,
                        src: usize,
                        other: usize,
                        want_in: bool,
                        oslot: usize|
             -> PyResult<()> {
                let used = vm.dict_used(vm.at(src));
                for i in 0..used {
                    if let Some((k, _)) = vm.dict_entry(vm.at(src), i) {
                        vm.push(k);
                        let inother = vm.dict_get(vm.at(other), k)?.is_some();
                        let k = vm.pop();
                        if inother == want_in {
                            let o = vm.at(oslot);
                            vm.set_add(o, k)?;
                        }
                    }
                }
                Ok(())
            };
            match op {
                BinOp::Or => {
                    self.set_update(oslot, base)?;
                    self.set_update(oslot, base + 1)?;
                }
                BinOp::And => keep(self, base, base + 1, true, oslot)?,
                BinOp::Sub => keep(self, base, base + 1, false, oslot)?,
                _ => {
                    keep(self, base, base + 1, false, oslot)?;
                    keep(self, base + 1, base, false, oslot)?;
                }
            }
            Ok(self.at(oslot))
        })();
        self.truncate(base);
        r
    }

    /// Subset-based set comparisons.
    pub(crate) fn set_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<bool> {
        let (la, lb) = (self.dict_len(a), self.dict_len(b));
        let base = self.sp();
        self.push(a);
        self.push(b);
        let r = (|| -> PyResult<bool> {
            Ok(match op {
                CmpOp::Eq => la == lb && self.set_issubset(base, base + 1)?,
                CmpOp::Ne => !(la == lb && self.set_issubset(base, base + 1)?),
                CmpOp::Le => self.set_issubset(base, base + 1)?,
                CmpOp::Lt => la < lb && self.set_issubset(base, base + 1)?,
                CmpOp::Ge => self.set_issubset(base + 1, base)?,
                CmpOp::Gt => la > lb && self.set_issubset(base + 1, base)?,
            })
        })();
        self.truncate(base);
        r
    }

    /// Is the set at slot a a subset of the set at slot b?
    pub fn set_issubset(&mut self, a: usize, b: usize) -> PyResult<bool> {
        let used = self.dict_used(self.at(a));
        for i in 0..used {
            if let Some((k, _)) = self.dict_entry(self.at(a), i) {
                let bs = self.at(b);
                if self.dict_get(bs, k)?.is_none() {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }
}
