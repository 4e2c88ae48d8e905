//! The iteration protocol: builtin iterators (one `IterObj` kind with a sub-kind), dict views,
//! `iter()`/`next()` over generators and Python classes, and helpers that drain an iterable
//! (list(), tuple(), extend; set and dict update live in `objects/set/`, `objects/dict/`).
//!
//! Iterators keep (container, index), never raw pointers into item arrays, so they survive moves and
//! reallocation of the container during the loop body.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use crate::objects;
use gc::Value;

pub const IT_LIST: u64 = 1;
pub const IT_TUPLE: u64 = 2;
pub const IT_RANGE: u64 = 3;
pub const IT_STR: u64 = 4;
pub const IT_DICT_KEYS: u64 = 5;
pub const IT_DICT_VALUES: u64 = 6;
pub const IT_DICT_ITEMS: u64 = 7;
pub const IT_ENUMERATE: u64 = 9;
pub const IT_ZIP: u64 = 10;
pub const IT_MAP: u64 = 11;
pub const IT_FILTER: u64 = 12;
pub const IT_REVERSED: u64 = 13;
pub const IT_SEQ: u64 = 14;
pub const IT_BYTES: u64 = 15;
pub const IT_CALLABLE: u64 = 16;
/// Views are iterables, not iterators.
pub const VIEW_KEYS: u64 = 101;
pub const VIEW_VALUES: u64 = 102;
pub const VIEW_ITEMS: u64 = 103;

impl Vm {
    /// A new IterObj of sub-kind `kind` over `a` (and `b`), starting at index `i`.
    pub fn new_iter(&mut self, kind: u64, a: Value, b: Value, i: i64, n: i64) -> PyResult<Value> {
        let base = self.sp();
        self.push(a);
        self.push(b);
        let it = self.alloc(Kind::Iter, 0)?;
        // SAFETY: it was just allocated as an Iter and a, b are re-read from the stack after that
        // allocation; no GC point before the stores.
        unsafe {
            let p = self.payload::<IterObj>(it);
            (*p).kind = kind;
            (*p).a = self.at(base);
            (*p).b = self.at(base + 1);
            (*p).i = i;
            (*p).n = n;
        }
        self.truncate(base);
        Ok(it)
    }

    pub fn iter_kind(&self, it: Value) -> u64 {
        self.obj::<IterObj>(it).kind
    }

    // `&mut self`: while the returned reference lives no other reference into the heap (from `obj`,
    // `str_of`...) and no GC point can occur.
    fn iter_mut(&mut self, it: Value) -> &mut IterObj {
        // SAFETY: it is a live Iter (caller's contract); &mut self keeps every other heap reference and
        // every GC point out while the &mut lives.
        unsafe { &mut *self.payload::<IterObj>(it) }
    }

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
            Kind::Iter => {
                let k = self.iter_kind(v);
                if k >= 100 {
                    let d = self.obj::<IterObj>(v).a;
                    let n = self.dict_len(d) as i64;
                    self.new_iter(k - 96, d, Value::NULL, 0, n)
                } else {
                    Ok(v)
                }
            }
            _ => {
                if let Some(f) = self.special(v, "__iter__") {
                    let it = self.call(f, &[v])?;
                    if self.special(it, "__next__").is_none()
                        && !self.is(it, Kind::Iter)
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
                    return self.new_iter(IT_SEQ, v, Value::NULL, 0, 0);
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

    #[inline]
    pub fn next_fast(&mut self, it: Value) -> PyResult<Option<Value>> {
        if self.is(it, Kind::Iter) {
            let p = self.obj::<IterObj>(it);
            match p.kind {
                IT_LIST => {
                    let (l, i) = (p.a, p.i as usize);
                    if i < self.list_len(l) {
                        let v = self.list_items(l)[i];
                        self.iter_mut(it).i += 1;
                        return Ok(Some(v));
                    }
                    return Ok(None);
                }
                IT_RANGE => {
                    if p.n <= 0 {
                        return Ok(None);
                    }
                    let cur = p.i;
                    let step = p.c.as_int();
                    let ip = self.iter_mut(it);
                    ip.n -= 1;
                    ip.i = cur.wrapping_add(step);
                    return self.new_int(cur).map(Some);
                }
                _ => return self.next_slow(it),
            }
        }
        if self.is(it, Kind::Generator) {
            return match self.gen_send(it, self.none())? {
                super::gen::GenResult::Yield(v) => Ok(Some(v)),
                super::gen::GenResult::Return(_) => Ok(None),
            };
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

    fn next_slow(&mut self, it: Value) -> PyResult<Option<Value>> {
        let (kind, a, i, n) = {
            let p = self.obj::<IterObj>(it);
            (p.kind, p.a, p.i, p.n)
        };
        match kind {
            IT_TUPLE => {
                let items = self.tuple_items(a);
                if (i as usize) < items.len() {
                    let v = items[i as usize];
                    self.iter_mut(it).i += 1;
                    Ok(Some(v))
                } else {
                    Ok(None)
                }
            }
            IT_STR => {
                let s = self.str_of(a);
                let i = i as usize;
                if i >= s.len() {
                    return Ok(None);
                }
                let c = s[i..].chars().next().unwrap();
                let mut buf = [0u8; 4];
                let cs = c.encode_utf8(&mut buf);
                self.iter_mut(it).i += cs.len() as i64;
                let s = cs.to_string();
                self.new_str(&s).map(Some)
            }
            IT_BYTES => {
                let b = self.bytes_of(a);
                if (i as usize) < b.len() {
                    let v = b[i as usize] as i64;
                    self.iter_mut(it).i += 1;
                    Ok(Some(Value::from_int(v).unwrap()))
                } else {
                    Ok(None)
                }
            }
            IT_DICT_KEYS | IT_DICT_VALUES | IT_DICT_ITEMS => {
                if self.dict_len(a) as i64 != n {
                    let what = if self.is(a, Kind::Dict) {
                        "dictionary"
                    } else {
                        "Set"
                    };
                    self.iter_mut(it).n = -1;
                    return Err(self.raise(
                        "RuntimeError",
                        &format!("{what} changed size during iteration"),
                    ));
                }
                let used = self.dict_used(a);
                let mut j = i as usize;
                while j < used {
                    if let Some((k, v)) = self.dict_entry(a, j) {
                        self.iter_mut(it).i = j as i64 + 1;
                        return match kind {
                            IT_DICT_KEYS => Ok(Some(k)),
                            IT_DICT_VALUES => Ok(Some(v)),
                            _ => self.new_tuple(&[k, v]).map(Some),
                        };
                    }
                    j += 1;
                }
                self.iter_mut(it).i = used as i64;
                Ok(None)
            }
            IT_ENUMERATE => {
                let base = self.sp();
                self.push(it);
                let r = self.next(a);
                let out = match r {
                    Ok(Some(v)) => {
                        self.push(v);
                        let it = self.at(base);
                        let idx = self.obj::<IterObj>(it).b;
                        self.push(idx);
                        let nidx = self.binary_op(
                            idx,
                            Value::from_int(1).unwrap(),
                            crate::bytecode::BinOp::Add,
                        );
                        match nidx {
                            Ok(nv) => {
                                let it = self.at(base);
                                self.iter_mut(it).b = nv;
                                self.heap.write_barrier(it);
                                let (v, idx) = (self.at(base + 1), self.at(base + 2));
                                self.new_tuple(&[idx, v]).map(Some)
                            }
                            Err(e) => Err(e),
                        }
                    }
                    other => other,
                };
                self.truncate(base);
                out
            }
            IT_ZIP => {
                let base = self.sp();
                self.push(it);
                if self.tuple_items(a).is_empty() {
                    self.truncate(base);
                    return Ok(None);
                }
                let out = match self.push_next_of_each(base, false) {
                    Ok(Some(k)) => self.new_tuple_from_stack(k).map(Some),
                    other => other.map(|_| None),
                };
                self.truncate(base);
                out
            }
            IT_MAP => {
                let base = self.sp();
                self.push(it);
                self.push(a);
                let out = match self.push_next_of_each(base, true) {
                    Ok(Some(k)) => self.call_slot(base + 1, k, Value::NULL).map(Some),
                    other => other.map(|_| None),
                };
                self.truncate(base);
                out
            }
            IT_FILTER => {
                let base = self.sp();
                self.push(it);
                loop {
                    let sub = self.obj::<IterObj>(self.at(base)).b;
                    let v = match self.next(sub) {
                        Ok(Some(v)) => v,
                        other => {
                            self.truncate(base);
                            return other;
                        }
                    };
                    self.push(v);
                    // re-read the predicate: next() was a GC point
                    let f = self.obj::<IterObj>(self.at(base)).a;
                    let keep = if f == self.none() {
                        self.truthy(v)
                    } else {
                        match self.call(f, &[v]) {
                            Ok(r) => self.truthy(r),
                            Err(e) => Err(e),
                        }
                    };
                    let v = self.pop();
                    match keep {
                        Ok(true) => {
                            self.truncate(base);
                            return Ok(Some(v));
                        }
                        Ok(false) => {}
                        Err(e) => {
                            self.truncate(base);
                            return Err(e);
                        }
                    }
                }
            }
            IT_REVERSED => {
                if i < 0 {
                    return Ok(None);
                }
                self.iter_mut(it).i -= 1;
                let idx = Value::from_int(i).unwrap();
                if self.is(a, Kind::List) {
                    if (i as usize) < self.list_len(a) {
                        return Ok(Some(self.list_items(a)[i as usize]));
                    }
                    return Ok(None);
                }
                self.getitem(a, idx).map(Some)
            }
            IT_SEQ => {
                let idx = Value::from_int(i).unwrap();
                self.iter_mut(it).i += 1;
                match self.getitem(a, idx) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => {
                        if self.exc_matches(self.roots.exc, "IndexError")
                            || self.exc_matches(self.roots.exc, "StopIteration")
                        {
                            self.take_exc();
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                }
            }
            IT_CALLABLE => {
                let base = self.sp();
                self.push(it);
                let r = self.call(a, &[]);
                let out = match r {
                    Ok(v) => {
                        self.push(v);
                        let sentinel = self.obj::<IterObj>(self.at(base)).b;
                        match self.eq(v, sentinel) {
                            Ok(true) => Ok(None),
                            Ok(false) => Ok(Some(self.at(base + 1))),
                            Err(e) => Err(e),
                        }
                    }
                    Err(e) => Err(e),
                };
                self.truncate(base);
                out
            }
            _ => Err(self.type_error("object is not an iterator")),
        }
    }

    /// zip/map: pushes the next value of each sub-iterator held in the tuple field (`a` for zip, `b`
    /// for map) of the iterator at stack slot `itslot`. Some(count) when all produced a value, None
    /// as soon as one is exhausted. The tuple is re-read after every `next`, which may collect.
    fn push_next_of_each(&mut self, itslot: usize, field_b: bool) -> PyResult<Option<usize>> {
        let tuple = |vm: &Vm| {
            let p = vm.obj::<IterObj>(vm.at(itslot));
            if field_b {
                p.b
            } else {
                p.a
            }
        };
        let k = self.tuple_items(tuple(self)).len();
        for j in 0..k {
            let sub = self.tuple_items(tuple(self))[j];
            match self.next(sub)? {
                Some(v) => self.push(v),
                None => return Ok(None),
            }
        }
        Ok(Some(k))
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
}
