//! The iteration protocol: `iter()`/`next()` dispatching to the kinds' `iter`/`next` slots (the
//! builtin iterators and dict views live in objects/iter/), over generators and Python classes, and
//! helpers that drain an iterable (list(), tuple(), extend, set/dict update).

use super::{PyResult, Vm};
use crate::obj::layout::*;
use crate::objects;
use gc::Value;

impl Vm {
    /// iter(v)
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        if v.is_int() {
            return Err(self.type_error("'int' object is not iterable"));
        }
        if let Some(f) = self.subclass_override(v, "__iter__") {
            return self.call(f, &[v]);
        }
        let kind = self.kind(v);
        if let Some(f) = objects::slots(kind).iter {
            return f(self, v);
        }
        if let Some(f) = self.special(v, "__iter__") {
            let boxed = self.boxed_base(v).is_some();
            let base = self.sp();
            self.push(v);
            let r = self.call(f, &[v]);
            let v = self.at(base);
            self.truncate(base);
            let mut it = r?;
            // a box of an iterator (`class M(map)`): the builtin's __iter__ answers the plain
            // iterator inside, but iter(m) is m itself, whose own __next__ may be overridden
            if boxed && self.boxed_base(v) == Some(it) {
                it = v;
            }
            if self.special(it, "__next__").is_none()
                && !self.is_builtin_iterator(it)
                && !self.is(it, Kind::Generator)
            {
                let tn = self.type_name(it);
                return Err(self.type_error(format!("iter() returned non-iterator of type '{tn}'")));
            }
            return Ok(it);
        }
        if self.special(v, "__getitem__").is_some() {
            return self.new_seq_iter(Kind::SeqIter, v);
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("'{tn}' object is not iterable")))
    }

    /// Whether iter(v) can work (CPython's check before unpacking: an `__iter__` or a sequence
    /// `__getitem__`); does not call anything.
    pub fn is_iterable(&mut self, v: Value) -> bool {
        !v.is_int()
            && (objects::slots(self.kind(v)).iter.is_some()
                || self.subclass_override(v, "__iter__").is_some()
                || self.special(v, "__iter__").is_some()
                || self.special(v, "__getitem__").is_some())
    }

    /// next(it): None when exhausted (StopIteration is not materialised for builtin iterators).
    pub fn next(&mut self, it: Value) -> PyResult<Option<Value>> {
        self.next_fast(it)
    }

    /// next(it) for the eval loop's FOR_ITER: `for` over a list or a range inlines their `next`;
    /// every other builtin iterator goes through its kind's `next` slot.
    #[inline]
    pub fn next_fast(&mut self, it: Value) -> PyResult<Option<Value>> {
        if it.is_ptr() {
            let kind = self.kind(it);
            if kind == Kind::ListIter {
                return objects::iter::seq::list_next(self, it);
            }
            if kind == Kind::RangeIter {
                return objects::iter::range::range_next(self, it);
            }
            if kind == Kind::Generator {
                return self.gen_next(it);
            }
            if let Some(f) = objects::slots(kind).next {
                // a wrapper (map, enumerate, ...) passes its source's StopIteration on raw: it ends a loop
                return match f(self, it) {
                    Err(_) if self.exc_matches(self.roots.exc, "StopIteration") => {
                        self.take_exc();
                        Ok(None)
                    }
                    r => r,
                };
            }
        }
        let Some(f) = self.special(it, "__next__") else {
            let tn = self.type_name(it);
            return Err(self.type_error(format!("'{tn}' object is not an iterator")));
        };
        match self.call(f, &[it]) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                if self.exc_matches(self.roots.exc, "StopIteration") {
                    self.take_exc();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// next(it) as CPython's tp_iternext: Ok(None) when exhausted without a StopIteration object, and
    /// a StopIteration raised by a Python `__next__`, a native wrapper's source or a generator's
    /// non-None return propagates as Err with its value (next(), `__next__` and `yield from` use it).
    pub fn next_raw(&mut self, it: Value) -> PyResult<Option<Value>> {
        if it.is_ptr() {
            let kind = self.kind(it);
            if kind == Kind::ListIter || kind == Kind::RangeIter {
                return self.next_fast(it);
            }
            if let Some(f) = objects::slots(kind).next {
                return f(self, it);
            }
            if kind == Kind::Generator {
                return match self.gen_send(it, self.none())? {
                    super::gen::GenResult::Yield(v) => Ok(Some(v)),
                    super::gen::GenResult::Return(r) if r == self.none() => Ok(None),
                    super::gen::GenResult::Return(r) => {
                        Err(objects::generator::raise_stop_iteration(self, r))
                    }
                };
            }
        }
        let Some(f) = self.special(it, "__next__") else {
            let tn = self.type_name(it);
            return Err(self.type_error(format!("'{tn}' object is not an iterator")));
        };
        self.call(f, &[it]).map(Some)
    }

    /// Drains any iterable into a new list.
    pub fn to_list(&mut self, v: Value) -> PyResult<Value> {
        // Lists and tuples: the items are pushed (rooted) for the allocation; pushing is no GC point.
        if self.is(v, Kind::List) && self.subclass_override(v, "__iter__").is_none() {
            let n = self.list_len(v);
            for i in 0..n {
                let x = self.list_items(v)[i];
                self.push(x);
            }
            return self.new_list_from_stack(n);
        }
        if self.is(v, Kind::Tuple) {
            let n = self.tuple_items(v).len();
            for i in 0..n {
                let x = self.tuple_items(v)[i];
                self.push(x);
            }
            return self.new_list_from_stack(n);
        }
        let base = self.sp();
        self.push(v);
        let l = self.new_list()?;
        self.push(l);
        let r = if self.is(self.at(base), Kind::Generator) {
            // the new list is not reachable from Python yet: the generator may be drained
            self.drain_iter(base, super::drain::Accept::Any, &mut |vm, x| {
                vm.push(x);
                vm.list_append_from_stack(base + 1)
            })
        } else {
            self.list_extend(base + 1, base)
        };
        let l = self.at(base + 1);
        self.truncate(base);
        r.map(|_| l)
    }

    pub fn to_tuple(&mut self, v: Value) -> PyResult<Value> {
        if self.is(v, Kind::Tuple) {
            return Ok(v);
        }
        let l = self.to_list(v)?;
        let items = self.list_items(l).to_vec();
        self.new_tuple(&items)
    }

    /// list at `lslot` .extend(iterable at `srcslot`)
    pub fn list_extend(&mut self, lslot: usize, srcslot: usize) -> PyResult<()> {
        let src = self.at(srcslot);
        if (self.is(src, Kind::List) && self.subclass_override(src, "__iter__").is_none())
            || self.is(src, Kind::Tuple)
        {
            let n = if self.is(src, Kind::List) {
                self.list_len(src)
            } else {
                self.tuple_items(src).len()
            };
            self.list_reserve(lslot, n)?;
            let src = self.at(srcslot);
            let items: Vec<Value> = if self.is(src, Kind::List) {
                self.list_items(src).to_vec()
            } else {
                self.tuple_items(src).to_vec()
            };
            let l = self.at(lslot);
            for v in items {
                self.list_push_reserved(l, v);
            }
            return Ok(());
        }
        // CPython pre-sizes from the length hint of a sized builtin: list(range(10**12)) fails at once
        // with MemoryError (or OverflowError beyond ssize_t) instead of growing until killed.
        if src.is_ptr() && !self.is_py_subclass(src) {
            let hint = match self.kind(src) {
                Kind::Range => Some(self.range_len(src)? as usize),
                k @ (Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::Dict | Kind::Set) => {
                    crate::objects::slots(k)
                        .len
                        .map(|f| f(self, src))
                        .transpose()?
                }
                _ => None,
            };
            if let Some(n) = hint {
                self.list_reserve(lslot, n)?;
            }
        }
        let src = self.at(srcslot);
        let it = self.get_iter(src)?;
        self.push(it);
        let itslot = self.sp() - 1;
        loop {
            let it = self.at(itslot);
            match self.next(it) {
                Ok(Some(v)) => {
                    self.push(v);
                    if let Err(e) = self.list_append_from_stack(lslot) {
                        self.truncate(itslot);
                        return Err(e);
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    self.truncate(itslot);
                    return Err(e);
                }
            }
        }
        self.truncate(itslot);
        Ok(())
    }
}
