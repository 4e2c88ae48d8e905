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
        match kind {
            Kind::Tuple => self.new_seq_iter(Kind::TupleIter, v),
            Kind::Str => self.new_seq_iter(Kind::StrIter, v),
            Kind::Bytes => self.new_seq_iter(Kind::BytesIter, v),
            Kind::ByteArray => self.new_seq_iter(Kind::SeqIter, v),
            Kind::Dict => self.new_dict_iter(Kind::DictKeyIter, v),
            Kind::Set | Kind::FrozenSet => self.new_dict_iter(Kind::SetIter, v),
            Kind::Range => {
                let (start, _stop, step, len) = self.range_tuple(v)?;
                self.new_range_iter(start, step, len)
            }
            Kind::Generator => Ok(v),
            _ => {
                if let Some(f) = self.special(v, "__iter__") {
                    let it = self.call(f, &[v])?;
                    if self.special(it, "__next__").is_none()
                        && !self.is_builtin_iterator(it)
                        && !self.is(it, Kind::Generator)
                    {
                        let tn = self.type_name(it);
                        return Err(
                            self.type_error(format!("iter() returned non-iterator of type '{tn}'"))
                        );
                    }
                    return Ok(it);
                }
                if self.special(v, "__getitem__").is_some() {
                    return self.new_seq_iter(Kind::SeqIter, v);
                }
                let tn = self.type_name(v);
                Err(self.type_error(format!("'{tn}' object is not iterable")))
            }
        }
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
            if let Some(f) = objects::slots(kind).next {
                return f(self, it);
            }
            if kind == Kind::Generator {
                return match self.gen_send(it, self.none())? {
                    super::gen::GenResult::Yield(v) => Ok(Some(v)),
                    super::gen::GenResult::Return(_) => Ok(None),
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

    /// Drains any iterable into a new list.
    pub fn to_list(&mut self, v: Value) -> PyResult<Value> {
        if self.is(v, Kind::List) && self.subclass_override(v, "__iter__").is_none() {
            let items = self.list_items(v).to_vec();
            for x in &items {
                self.push(*x);
            }
            return self.new_list_from_stack(items.len());
        }
        if self.is(v, Kind::Tuple) {
            let items = self.tuple_items(v).to_vec();
            for x in &items {
                self.push(*x);
            }
            return self.new_list_from_stack(items.len());
        }
        let base = self.sp();
        self.push(v);
        let l = self.new_list()?;
        self.push(l);
        let r = self.list_extend(base + 1, base);
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
