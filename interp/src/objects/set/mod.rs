//! `set` and `frozenset`: CPython's set table (`table.rs`; the dict entry points `dict_get`,
//! `dict_set`, `dict_del`, `dict_copy`, `dict_clear` route sets there, and `0..dict_used` +
//! `dict_entry` walks it in slot order). Here: their slots (len, `in`, iteration, repr, truth,
//! comparison by inclusion; frozenset hashes as CPython, set is unhashable), the set operations the
//! VM and the methods share, each following CPython's algorithm so that the resulting table (and so
//! the iteration order) is CPython's (`set_update`, `set_intersection`, `set_difference`,
//! `set_symmetric_difference_update`, `set_binop`, `set_inplace`, ...), and the methods (`methods.rs`).
//!
//! GC contract: every element lookup may run `__hash__`/`__eq__` (a GC point): operands are kept in
//! value-stack slots (several functions take slots rather than values) and re-read after each one.

pub mod methods;
pub mod table;

use super::TypeSlots;
use crate::bytecode::CmpOp;
use crate::obj::layout::*;
use crate::vm::drain::Accept;
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
    let base = vm.sp();
    vm.push(s);
    vm.push(item);
    if vm.is(item, Kind::Set) {
        // CPython: an (unhashable) set is looked up as the equal frozenset
        match vm.set_copy(item, Kind::FrozenSet) {
            Ok(f) => vm.set_at(base + 1, f),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    let r = vm.set_contains_slots(base, base + 1);
    vm.truncate(base);
    r
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
    // a set subclass shows its class, as CPython's set_repr: `S()`, `S({1, 2})`
    let sub = vm.is_py_subclass(vm.at(slot));
    let fs = k == Kind::FrozenSet || sub;
    let tname = if sub {
        vm.type_name(vm.at(slot))
    } else if fs {
        "frozenset".to_string()
    } else {
        "set".to_string()
    };
    if n == 0 {
        return Ok(format!("{tname}()"));
    }
    if fs {
        out.push_str(&tname);
        out.push('(');
    }
    out.push('{');
    if sub && vm.subclass_override(vm.at(slot), "__iter__").is_some() {
        // CPython's set_repr lists the set through its (here overridden) __iter__
        let l = vm.to_list(vm.at(slot))?;
        vm.push(l);
        let lslot = vm.sp() - 1;
        let mut i = 0;
        while i < vm.list_len(vm.at(lslot)) {
            if i > 0 {
                out.push_str(", ");
            }
            let item = vm.list_items(vm.at(lslot))[i];
            match vm.repr_string(item) {
                Ok(r) => out.push_str(&r),
                Err(e) => {
                    vm.truncate(lslot);
                    return Err(e);
                }
            }
            i += 1;
        }
        vm.truncate(lslot);
    } else {
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
    }
    out.push('}');
    if fs {
        out.push(')');
    }
    Ok(out)
}

/// The frozenset hash folded into the dict table's small-int range (see `Vm::hash_full`).
fn frozenset_hash(vm: &mut Vm, v: Value) -> PyResult<i64> {
    Ok(crate::vm::ops::small_hash(frozenset_hash_full(vm, v)?))
}

/// CPython's frozenset hash: order-independent (an xor of the shuffled element hashes), then mixed
/// with the size and dispersed. Uses the stored hashes: no Python code runs.
pub fn frozenset_hash_full(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut acc: u64 = 0;
    for i in 0..vm.dict_used(v) {
        if let Some((h, _)) = vm.set_active(v, i) {
            acc ^= shuffle(h as u64);
        }
    }
    acc ^= (vm.dict_len(v) as u64 + 1).wrapping_mul(1927868237);
    acc ^= (acc >> 11) ^ (acc >> 25);
    acc = acc.wrapping_mul(69069).wrapping_add(907133923);
    if acc == u64::MAX {
        acc = 590923713;
    }
    Ok(acc as i64)
}

/// set/frozenset OP set/frozenset: inclusion; other operands are left to the generic rules.
fn richcompare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    if !(b.is_ptr() && matches!(vm.kind(b), Kind::Set | Kind::FrozenSet)) {
        return Ok(None);
    }
    let r = vm.set_compare(a, b, op)?;
    Ok(Some(vm.bool_val(r)))
}

/// Is `v` a set or frozenset?
fn is_anyset(vm: &Vm, v: Value) -> bool {
    v.is_ptr() && matches!(vm.kind(v), Kind::Set | Kind::FrozenSet)
}

impl Vm {
    /// set.add(v)
    pub fn set_add(&mut self, s: Value, v: Value) -> PyResult<()> {
        let base = self.sp();
        self.push(s);
        self.push(v);
        let r = self.set_add_slots(base, base + 1);
        self.truncate(base);
        r
    }

    /// set at `sslot` |= iterable at `srcslot` (CPython's order: a set is merged, a dict's keys
    /// are added after pre-sizing, anything else is added item by item).
    pub fn set_update(&mut self, sslot: usize, srcslot: usize) -> PyResult<()> {
        let src = self.at(srcslot);
        if is_anyset(self, src) {
            return self.set_merge(sslot, srcslot);
        }
        if src.is_ptr() && self.kind(src) == Kind::Dict && self.obj::<DictObj>(src).cls.is_null() {
            let n = self.dict_len(src);
            let s = self.at(sslot);
            let (fill, len) = (self.obj::<DictObj>(s).fill, self.dict_len(s));
            let mask = if self.obj::<DictObj>(s).entries.is_null() {
                7
            } else {
                self.dict_used(s) - 1
            };
            if (fill + n) * 5 >= mask * 3 {
                self.set_resize(sslot, (len + n) * 2)?;
            }
        }
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

    /// `set_update` for a set that Python code cannot reach yet (a constructor's): a generator
    /// source is drained (vm/drain.rs).
    pub fn set_update_fresh(&mut self, sslot: usize, srcslot: usize) -> PyResult<()> {
        if !self.is(self.at(srcslot), Kind::Generator) {
            return self.set_update(sslot, srcslot);
        }
        self.drain_iter(srcslot, Accept::Hashable, &mut |vm, v| {
            let s = vm.at(sslot);
            vm.set_add(s, v)
        })
    }

    /// A new set of `kind` with the items of the iterable at `slot`.
    pub fn set_from(&mut self, slot: usize, kind: Kind) -> PyResult<Value> {
        let s = self.new_dict_kind(kind)?;
        self.push(s);
        let sslot = self.sp() - 1;
        let r = self.set_update_fresh(sslot, slot);
        let s = self.at(sslot);
        self.truncate(sslot);
        r.map(|_| s)
    }

    /// Pushes `a & other` (other any iterable) with the kind of a, as CPython computes it: for a
    /// set, walks the smaller one; returns the result's slot.
    pub fn set_intersection(&mut self, aslot: usize, oslot: usize) -> PyResult<Value> {
        let (a, o) = (self.at(aslot), self.at(oslot));
        let kind = self.kind(a);
        if a == o {
            return self.set_copy(a, kind);
        }
        let base = self.sp();
        let r = (|| -> PyResult<Value> {
            let out = self.new_dict_kind(kind)?;
            self.push(out);
            let rslot = base;
            let o = self.at(oslot);
            if is_anyset(self, o) {
                let (mut big, mut small) = (aslot, oslot);
                if self.dict_len(o) > self.dict_len(self.at(aslot)) {
                    std::mem::swap(&mut big, &mut small);
                }
                let mut i = 0;
                while i < self.dict_used(self.at(small)) {
                    if let Some((h, k)) = self.set_active(self.at(small), i) {
                        self.push(k);
                        let kslot = self.sp() - 1;
                        if self.set_find(big, kslot, h)?.is_some() {
                            self.set_add_hashed(rslot, kslot, h)?;
                        }
                        self.truncate(kslot);
                    }
                    i += 1;
                }
                return Ok(self.at(rslot));
            }
            let it = self.get_iter(o)?;
            self.push(it);
            loop {
                let it = self.at(base + 1);
                let Some(k) = self.next(it)? else { break };
                self.push(k);
                let h = self.hash_full(k)?;
                if self.set_find(aslot, base + 2, h)?.is_some() {
                    self.set_add_hashed(rslot, base + 2, h)?;
                    // CPython stops once every element of the set is found (the rest of the
                    // iterable is never read, nor hashed)
                    if self.dict_len(self.at(rslot)) == self.dict_len(self.at(aslot)) {
                        break;
                    }
                }
                self.truncate(base + 2);
            }
            Ok(self.at(rslot))
        })();
        self.truncate(base);
        r
    }

    /// The set at `sslot` -= the iterable at `oslot` (then rebuilt if dummies took over).
    pub fn set_difference_update(&mut self, sslot: usize, oslot: usize) -> PyResult<()> {
        let (s, o) = (self.at(sslot), self.at(oslot));
        if s == o {
            self.set_clear(s);
            return Ok(());
        }
        let base = self.sp();
        let r = (|| -> PyResult<()> {
            if is_anyset(self, o) {
                let mut i = 0;
                while i < self.dict_used(self.at(oslot)) {
                    if let Some((h, k)) = self.set_active(self.at(oslot), i) {
                        self.push(k);
                        self.set_discard_hashed(sslot, base, h)?;
                        self.truncate(base);
                    }
                    i += 1;
                }
            } else {
                let it = self.get_iter(o)?;
                self.push(it);
                loop {
                    let it = self.at(base);
                    let Some(k) = self.next(it)? else { break };
                    self.push(k);
                    self.set_discard_slots(sslot, base + 1)?;
                    self.truncate(base + 1);
                }
            }
            Ok(())
        })();
        self.truncate(base);
        r?;
        self.set_shrink_dummies(sslot)
    }

    /// `a - other` with the kind of a (CPython: copy-and-remove when a is much bigger or other is
    /// not a set/dict, else keep a's items not in other).
    pub fn set_difference(&mut self, aslot: usize, oslot: usize) -> PyResult<Value> {
        let (a, o) = (self.at(aslot), self.at(oslot));
        let kind = self.kind(a);
        let osize = if is_anyset(self, o)
            || (o.is_ptr() && self.kind(o) == Kind::Dict && self.obj::<DictObj>(o).cls.is_null())
        {
            Some(self.dict_len(o))
        } else {
            None
        };
        let base = self.sp();
        let r = (|| -> PyResult<Value> {
            match osize {
                Some(n) if (self.dict_len(a) >> 2) <= n => {
                    let out = self.new_dict_kind(kind)?;
                    self.push(out);
                    let mut i = 0;
                    while i < self.dict_used(self.at(aslot)) {
                        if let Some((h, k)) = self.set_active(self.at(aslot), i) {
                            self.push(k);
                            let other = self.at(oslot);
                            let found = if self.kind(other) == Kind::Dict {
                                self.dict_get_slots(oslot, base + 1)?.is_some()
                            } else {
                                self.set_find(oslot, base + 1, h)?.is_some()
                            };
                            if !found {
                                self.set_add_hashed(base, base + 1, h)?;
                            }
                            self.truncate(base + 1);
                        }
                        i += 1;
                    }
                }
                _ => {
                    let out = self.set_copy(a, kind)?;
                    self.push(out);
                    self.set_difference_update(base, oslot)?;
                }
            }
            Ok(self.at(base))
        })();
        self.truncate(base);
        r
    }

    /// The set at `sslot` ^= the iterable at `oslot`.
    pub fn set_symmetric_difference_update(&mut self, sslot: usize, oslot: usize) -> PyResult<()> {
        let (s, o) = (self.at(sslot), self.at(oslot));
        if s == o {
            self.set_clear(s);
            return Ok(());
        }
        let base = self.sp();
        let r = (|| -> PyResult<()> {
            let oset = if is_anyset(self, o) {
                o
            } else {
                let kind = self.kind(s);
                self.set_from(oslot, kind)?
            };
            self.push(oset);
            let mut i = 0;
            while i < self.dict_used(self.at(base)) {
                if let Some((h, k)) = self.set_active(self.at(base), i) {
                    self.push(k);
                    if !self.set_discard_hashed(sslot, base + 1, h)? {
                        self.set_add_hashed(sslot, base + 1, h)?;
                    }
                    self.truncate(base + 1);
                }
                i += 1;
            }
            Ok(())
        })();
        self.truncate(base);
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
            match op {
                BinOp::Or => {
                    let out = self.set_copy(a, kind)?;
                    self.push(out);
                    self.set_update(base + 2, base + 1)?;
                    Ok(self.at(base + 2))
                }
                BinOp::And => self.set_intersection(base, base + 1),
                BinOp::Sub => self.set_difference(base, base + 1),
                _ => {
                    let out = self.set_copy(b, kind)?;
                    self.push(out);
                    self.set_symmetric_difference_update(base + 2, base)?;
                    Ok(self.at(base + 2))
                }
            }
        })();
        self.truncate(base);
        r
    }

    /// Does `a op= b` work in place on the set a (b a set/frozenset, op one of | & - ^)?
    pub fn set_inplace_applies(&self, a: Value, b: Value, op: crate::bytecode::BinOp) -> bool {
        use crate::bytecode::BinOp;
        a.is_ptr()
            && self.kind(a) == Kind::Set
            && is_anyset(self, b)
            && matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor)
    }

    /// `a op= b` in place, as CPython (when `set_inplace_applies`); returns a.
    pub fn set_inplace(
        &mut self,
        a: Value,
        b: Value,
        op: crate::bytecode::BinOp,
    ) -> PyResult<Value> {
        use crate::bytecode::BinOp;
        let base = self.sp();
        self.push(a);
        self.push(b);
        let r = match op {
            BinOp::Or => self.set_update(base, base + 1),
            BinOp::And => self.set_intersection(base, base + 1).map(|r| {
                let a = self.at(base);
                if a != r {
                    self.set_take_body(a, r);
                }
            }),
            BinOp::Sub => self.set_difference_update(base, base + 1),
            _ => self.set_symmetric_difference_update(base, base + 1),
        };
        let a = self.at(base);
        self.truncate(base);
        r.map(|_| a)
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
        if self.dict_len(self.at(a)) > self.dict_len(self.at(b)) {
            return Ok(false);
        }
        let mut i = 0;
        while i < self.dict_used(self.at(a)) {
            if let Some((h, k)) = self.set_active(self.at(a), i) {
                self.push(k);
                let kslot = self.sp() - 1;
                let found = self.set_find(b, kslot, h);
                self.truncate(kslot);
                if found?.is_none() {
                    return Ok(false);
                }
            }
            i += 1;
        }
        Ok(true)
    }
}
