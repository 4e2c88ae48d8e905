//! Subscription, slicing, `in`, `len()` and range arithmetic for the builtin containers, with the
//! `__getitem__`/`__setitem__`/`__delitem__`/`__contains__`/`__len__` fallbacks for Python classes.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

/// Normalised slice: start, stop, step, and the number of selected items.
#[derive(Clone, Copy, Debug)]
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl Vm {
    /// len(v)
    pub fn len(&mut self, v: Value) -> PyResult<usize> {
        if let Some(f) = self.subclass_override(v, "__len__") {
            let r = self.call(f, &[v])?;
            return match self.to_i64(r) {
                Some(n) if n >= 0 => Ok(n as usize),
                _ => Err(self.type_error("__len__() should return a non-negative integer")),
            };
        }
        if v.is_ptr() {
            match self.kind(v) {
                Kind::Str => return Ok(self.str_nchars(v)),
                Kind::Bytes => return Ok(self.bytes_of(v).len()),
                Kind::ByteArray => return Ok(self.bytearray_mut(v).len()),
                Kind::Tuple => return Ok(self.tuple_items(v).len()),
                Kind::List => return Ok(self.list_len(v)),
                Kind::Dict | Kind::Set | Kind::FrozenSet => return Ok(self.dict_len(v)),
                Kind::Range => return Ok(self.range_len(v)? as usize),
                Kind::Iter if self.iter_kind(v) >= 100 => {
                    let d = self.obj::<IterObj>(v).a;
                    return Ok(self.dict_len(d));
                }
                _ => {}
            }
            if let Some(f) = self.special(v, "__len__") {
                let r = self.call(f, &[v])?;
                return match self.to_i64(r) {
                    Some(n) if n >= 0 => Ok(n as usize),
                    Some(_) => Err(self.value_error("__len__() should return >= 0")),
                    None => {
                        let tn = self.type_name(r);
                        Err(self.type_error(format!(
                            "'{tn}' object cannot be interpreted as an integer"
                        )))
                    }
                };
            }
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("object of type '{tn}' has no len()")))
    }

    /// An index operand as i64 (ints, bools, or objects with __index__).
    pub fn index_value(&mut self, k: Value, what: &str) -> PyResult<i64> {
        if let Some(i) = self.to_i64(k) {
            return Ok(i);
        }
        if self.is(k, Kind::BigInt) {
            return Err(self.raise("IndexError", "cannot fit 'int' into an index-sized integer"));
        }
        if let Some(f) = self.special(k, "__index__") {
            let r = self.call(f, &[k])?;
            if let Some(i) = self.to_i64(r) {
                return Ok(i);
            }
        }
        let tn = self.type_name(k);
        Err(self.type_error(format!(
            "{what} indices must be integers or slices, not {tn}"
        )))
    }

    pub fn slice_indices(&mut self, s: Value, len: usize) -> PyResult<SliceIdx> {
        let (a, b, c) = {
            let p = self.obj::<SliceObj>(s);
            (p.start, p.stop, p.step)
        };
        let none = self.none();
        let get = |vm: &mut Vm, v: Value| -> PyResult<Option<i64>> {
            if v == none || v.is_null() {
                Ok(None)
            } else if let Some(i) = vm.to_i64(v) {
                Ok(Some(i))
            } else if vm.is(v, Kind::BigInt) {
                Ok(Some(
                    if vm.to_bigint(v).unwrap() > num_bigint::BigInt::from(0) {
                        i64::MAX
                    } else {
                        i64::MIN + 1
                    },
                ))
            } else {
                Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        };
        let step = get(self, c)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let norm = |x: Option<i64>, default: i64| -> i64 {
            match x {
                None => default,
                Some(i) if i < 0 => (i.saturating_add(len)).max(lo),
                Some(i) => i.min(hi),
            }
        };
        let start = norm(get(self, a)?, if step < 0 { hi } else { lo });
        let stop = norm(get(self, b)?, if step < 0 { lo } else { hi });
        let n = if step > 0 {
            if stop > start {
                (stop - start + step - 1) / step
            } else {
                0
            }
        } else if start > stop {
            (start - stop + (-step) - 1) / (-step)
        } else {
            0
        };
        Ok(SliceIdx {
            start,
            stop,
            step,
            len: n as usize,
        })
    }

    fn norm_index(&mut self, k: Value, len: usize, what: &str) -> PyResult<usize> {
        let i = self.index_value(k, what)?;
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.index_error(format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    /// o[k]
    pub fn getitem(&mut self, o: Value, k: Value) -> PyResult<Value> {
        if !o.is_ptr() {
            let tn = self.type_name(o);
            return Err(self.type_error(format!("'{tn}' object is not subscriptable")));
        }
        let is_slice = self.is(k, Kind::Slice);
        if let Some(f) = self.subclass_override(o, "__getitem__") {
            return self.call(f, &[o, k]);
        }
        match self.kind(o) {
            Kind::List => {
                if !is_slice {
                    if k.is_int() {
                        let (i, n) = (k.as_int(), self.list_len(o) as i64);
                        let j = if i < 0 { i + n } else { i };
                        if j >= 0 && j < n {
                            return Ok(self.list_items(o)[j as usize]);
                        }
                    }
                    let n = self.list_len(o);
                    let i = self.norm_index(k, n, "list")?;
                    return Ok(self.list_items(o)[i]);
                }
                let n = self.list_len(o);
                let s = self.slice_indices(k, n)?;
                let items = self.list_items(o).to_vec();
                for j in 0..s.len {
                    self.push(items[(s.start + j as i64 * s.step) as usize]);
                }
                self.new_list_from_stack(s.len)
            }
            Kind::Tuple => {
                let n = self.tuple_items(o).len();
                if !is_slice {
                    let i = self.norm_index(k, n, "tuple")?;
                    return Ok(self.tuple_items(o)[i]);
                }
                let s = self.slice_indices(k, n)?;
                let items = self.tuple_items(o).to_vec();
                for j in 0..s.len {
                    self.push(items[(s.start + j as i64 * s.step) as usize]);
                }
                self.new_tuple_from_stack(s.len)
            }
            Kind::Str => {
                let ascii = self.str_nchars(o) == self.str_of(o).len();
                if !is_slice {
                    let n = self.str_nchars(o);
                    let i = self.norm_index(k, n, "string")?;
                    let c = if ascii {
                        (self.str_of(o).as_bytes()[i] as char).to_string()
                    } else {
                        self.str_of(o).chars().nth(i).unwrap().to_string()
                    };
                    return self.new_str(&c);
                }
                let n = self.str_nchars(o);
                let s = self.slice_indices(k, n)?;
                let out: String = if ascii && s.step == 1 {
                    let st = s.start as usize;
                    self.str_of(o)[st..st + s.len].to_string()
                } else {
                    let chars: Vec<char> = self.str_of(o).chars().collect();
                    (0..s.len)
                        .map(|j| chars[(s.start + j as i64 * s.step) as usize])
                        .collect()
                };
                self.new_str(&out)
            }
            Kind::Bytes | Kind::ByteArray => {
                let bytes = if self.is(o, Kind::Bytes) {
                    self.bytes_of(o).to_vec()
                } else {
                    self.bytearray_mut(o).clone()
                };
                if !is_slice {
                    let i = self.norm_index(k, bytes.len(), "index")?;
                    return Ok(Value::from_int(bytes[i] as i64).unwrap());
                }
                let s = self.slice_indices(k, bytes.len())?;
                let out: Vec<u8> = (0..s.len)
                    .map(|j| bytes[(s.start + j as i64 * s.step) as usize])
                    .collect();
                if self.is(o, Kind::Bytes) {
                    self.new_bytes(&out)
                } else {
                    self.new_bytearray(out)
                }
            }
            Kind::Dict => match self.dict_get(o, k)? {
                Some(v) => Ok(v),
                None => {
                    if let Some(f) = self.subclass_override(o, "__missing__") {
                        return self.call(f, &[o, k]);
                    }
                    Err(self.key_error(k))
                }
            },
            Kind::Range => {
                let (start, _, step, len) = self.range_tuple(o)?;
                if is_slice {
                    let s = self.slice_indices(k, len as usize)?;
                    let a = start + s.start * step;
                    let b = start + (s.start + s.len as i64 * s.step) * step;
                    let c = step * s.step;
                    return self.new_range(a, b, c);
                }
                let i = self.norm_index(k, len as usize, "range object")?;
                self.new_int(start + i as i64 * step)
            }
            Kind::Type => {
                // list[int] and friends: typing generics are accepted and ignored.
                if let Some(f) = self.lookup_type_str(o, "__class_getitem__") {
                    return self.call(f, &[o, k]);
                }
                Ok(o)
            }
            _ => {
                if let Some(f) = self.special(o, "__getitem__") {
                    return self.call(f, &[o, k]);
                }
                let tn = self.type_name(o);
                Err(self.type_error(format!("'{tn}' object is not subscriptable")))
            }
        }
    }

    /// o[k] = v
    pub fn setitem(&mut self, o: Value, k: Value, v: Value) -> PyResult<()> {
        if !o.is_ptr() {
            let tn = self.type_name(o);
            return Err(self.type_error(format!("'{tn}' object does not support item assignment")));
        }
        if let Some(f) = self.subclass_override(o, "__setitem__") {
            self.call(f, &[o, k, v])?;
            return Ok(());
        }
        match self.kind(o) {
            Kind::List => {
                if self.is(k, Kind::Slice) {
                    return self.list_set_slice(o, k, v);
                }
                let n = self.list_len(o);
                let base = self.sp();
                self.push(o);
                self.push(v);
                let i = self.norm_index(k, n, "list assignment");
                let (o, v) = (self.at(base), self.at(base + 1));
                self.truncate(base);
                let i = i?;
                self.list_set(o, i, v);
                Ok(())
            }
            Kind::Dict => self.dict_set(o, k, v),
            Kind::ByteArray if self.is(k, Kind::Slice) => {
                let newb: Vec<u8> = if self.is(v, Kind::Bytes) {
                    self.bytes_of(v).to_vec()
                } else if self.is(v, Kind::ByteArray) {
                    self.bytearray_mut(v).clone()
                } else {
                    let base = self.sp();
                    self.push(o);
                    self.push(k);
                    let l = self.to_list(v)?;
                    let mut out = Vec::new();
                    for &x in self.list_items(l).to_vec().iter() {
                        match self.to_i64(x).filter(|b| (0..256).contains(b)) {
                            Some(b) => out.push(b as u8),
                            None => {
                                self.truncate(base);
                                return Err(self.value_error("byte must be in range(0, 256)"));
                            }
                        }
                    }
                    self.truncate(base);
                    out
                };
                let n = self.bytearray_mut(o).len();
                let s = self.slice_indices(k, n)?;
                if s.step == 1 && newb.len() != s.len {
                    self.bytearray_check_resize(o)?;
                }
                let ba = self.bytearray_mut(o);
                if s.step == 1 {
                    let st = s.start as usize;
                    ba.splice(st..st + s.len, newb);
                    return Ok(());
                }
                if newb.len() != s.len {
                    return Err(self.value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        newb.len(),
                        s.len
                    )));
                }
                for (j, b) in newb.into_iter().enumerate() {
                    ba[(s.start + j as i64 * s.step) as usize] = b;
                }
                Ok(())
            }
            Kind::ByteArray => {
                let n = self.bytearray_mut(o).len();
                let i = self.norm_index(k, n, "bytearray")?;
                let b = self.to_i64(v).filter(|b| (0..256).contains(b));
                match b {
                    Some(b) => {
                        self.bytearray_mut(o)[i] = b as u8;
                        Ok(())
                    }
                    None => Err(self.value_error("byte must be in range(0, 256)")),
                }
            }
            _ => {
                if let Some(f) = self.special(o, "__setitem__") {
                    self.call(f, &[o, k, v])?;
                    return Ok(());
                }
                let tn = self.type_name(o);
                Err(self.type_error(format!("'{tn}' object does not support item assignment")))
            }
        }
    }

    fn list_set_slice(&mut self, l: Value, k: Value, v: Value) -> PyResult<()> {
        let base = self.sp();
        self.push(l);
        self.push(k);
        let newl = self.to_list(v)?;
        self.push(newl);
        let n = self.list_len(self.at(base));
        let s = self.slice_indices(self.at(base + 1), n)?;
        let new_items: Vec<Value> = self.list_items(self.at(base + 2)).to_vec();
        let old: Vec<Value> = self.list_items(self.at(base)).to_vec();
        if s.step == 1 {
            let (st, en) = (s.start as usize, (s.start as usize + s.len));
            let mut out = Vec::with_capacity(old.len() - s.len + new_items.len());
            out.extend_from_slice(&old[..st]);
            out.extend_from_slice(&new_items);
            out.extend_from_slice(&old[en..]);
            let cnt = out.len();
            self.truncate(base + 1);
            self.roots.stack.extend_from_slice(&out);
            let r = self.list_replace_from_stack(base, cnt);
            self.truncate(base);
            return r;
        }
        if new_items.len() != s.len {
            self.truncate(base);
            return Err(self.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                s.len
            )));
        }
        let l = self.at(base);
        for (j, v) in new_items.iter().enumerate() {
            self.list_set(l, (s.start + j as i64 * s.step) as usize, *v);
        }
        self.truncate(base);
        Ok(())
    }

    /// del o[k]
    pub fn delitem(&mut self, o: Value, k: Value) -> PyResult<()> {
        if !o.is_ptr() {
            let tn = self.type_name(o);
            return Err(self.type_error(format!("'{tn}' object doesn't support item deletion")));
        }
        match self.kind(o) {
            Kind::List => {
                let n = self.list_len(o);
                let mut items = self.list_items(o).to_vec();
                if self.is(k, Kind::Slice) {
                    let s = self.slice_indices(k, n)?;
                    let mut del: Vec<usize> = (0..s.len)
                        .map(|j| (s.start + j as i64 * s.step) as usize)
                        .collect();
                    del.sort_unstable();
                    for i in del.into_iter().rev() {
                        items.remove(i);
                    }
                } else {
                    let i = self.norm_index(k, n, "list assignment")?;
                    let items_now = self.list_items(o).to_vec();
                    items = items_now;
                    items.remove(i);
                }
                let cnt = items.len();
                let base = self.sp();
                self.push(o);
                self.roots.stack.extend_from_slice(&items);
                let r = self.list_replace_from_stack(base, cnt);
                self.truncate(base);
                r
            }
            Kind::Dict => match self.dict_del(o, k)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(k)),
            },
            Kind::ByteArray => {
                let n = self.bytearray_mut(o).len();
                let i = self.norm_index(k, n, "bytearray")?;
                self.bytearray_check_resize(o)?;
                self.bytearray_mut(o).remove(i);
                Ok(())
            }
            _ => {
                if let Some(f) = self.special(o, "__delitem__") {
                    self.call(f, &[o, k])?;
                    return Ok(());
                }
                let tn = self.type_name(o);
                Err(self.type_error(format!("'{tn}' object doesn't support item deletion")))
            }
        }
    }

    /// item in container
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if let Some(f) = self.subclass_override(container, "__contains__") {
            let r = self.call(f, &[container, item])?;
            return self.truthy(r);
        }
        if container.is_ptr() {
            match self.kind(container) {
                Kind::Str => {
                    if !self.is(item, Kind::Str) {
                        let tn = self.type_name(item);
                        return Err(self.type_error(format!(
                            "'in <string>' requires string as left operand, not {tn}"
                        )));
                    }
                    return Ok(self.str_of(container).contains(self.str_of(item)));
                }
                Kind::Bytes => {
                    let hay = self.bytes_of(container).to_vec();
                    if let Some(b) = self.to_i64(item) {
                        return Ok(hay.contains(&(b as u8)));
                    }
                    if self.is(item, Kind::Bytes) {
                        let needle = self.bytes_of(item);
                        return Ok(
                            needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
                        );
                    }
                    return Err(self.type_error("a bytes-like object is required"));
                }
                Kind::Dict | Kind::Set | Kind::FrozenSet => {
                    return Ok(self.dict_get(container, item)?.is_some())
                }
                Kind::Iter if self.iter_kind(container) == super::iter::VIEW_KEYS => {
                    let d = self.obj::<IterObj>(container).a;
                    return Ok(self.dict_get(d, item)?.is_some());
                }
                Kind::Iter if self.iter_kind(container) == super::iter::VIEW_ITEMS => {
                    // (k, v) in d.items(): look k up, compare the value
                    if !self.is(item, Kind::Tuple) || self.tuple_items(item).len() != 2 {
                        return Ok(false);
                    }
                    let base = self.sp();
                    self.push(item);
                    let d = self.obj::<IterObj>(container).a;
                    let k = self.tuple_items(item)[0];
                    let r = match self.dict_get(d, k) {
                        Ok(Some(v)) => {
                            let want = self.tuple_items(self.at(base))[1];
                            self.eq(v, want)
                        }
                        Ok(None) => Ok(false),
                        Err(e) => Err(e),
                    };
                    self.truncate(base);
                    return r;
                }
                Kind::Range => {
                    if let Some(i) = self.to_i64(item) {
                        let (start, _, step, len) = self.range_tuple(container)?;
                        let off = i - start;
                        return Ok(off % step == 0 && off / step >= 0 && off / step < len);
                    }
                }
                Kind::List | Kind::Tuple => {
                    let base = self.sp();
                    self.push(container);
                    self.push(item);
                    let mut i = 0;
                    let r = loop {
                        let c = self.at(base);
                        let items = if self.is(c, Kind::List) {
                            self.list_items(c)
                        } else {
                            self.tuple_items(c)
                        };
                        if i >= items.len() {
                            break Ok(false);
                        }
                        let x = items[i];
                        match self.eq(x, self.at(base + 1)) {
                            Ok(true) => break Ok(true),
                            Ok(false) => {}
                            Err(e) => break Err(e),
                        }
                        i += 1;
                    };
                    self.truncate(base);
                    return r;
                }
                Kind::Instance => {
                    if let Some(f) = self.special(container, "__contains__") {
                        let r = self.call(f, &[container, item])?;
                        return self.truthy(r);
                    }
                }
                _ => {}
            }
        }
        // generic: iterate
        let base = self.sp();
        self.push(item);
        let it = self.get_iter(container)?;
        self.push(it);
        let r = loop {
            let it = self.at(base + 1);
            match self.next(it) {
                Ok(Some(v)) => match self.eq(v, self.at(base)) {
                    Ok(true) => break Ok(true),
                    Ok(false) => {}
                    Err(e) => break Err(e),
                },
                Ok(None) => break Ok(false),
                Err(e) => break Err(e),
            }
        };
        self.truncate(base);
        r
    }

    // ---- range ---------------------------------------------------------------------------------
    pub fn new_range(&mut self, start: i64, stop: i64, step: i64) -> PyResult<Value> {
        let base = self.sp();
        for i in [start, stop, step] {
            let v = self.new_int(i)?;
            self.push(v);
        }
        let r = self.alloc(Kind::Range, 0)?;
        // SAFETY: r was just allocated as a Range and the three ints are re-read from the stack after that
        // allocation; no GC point before the stores.
        unsafe {
            let p = self.payload::<RangeObj>(r);
            (*p).start = self.at(base);
            (*p).stop = self.at(base + 1);
            (*p).step = self.at(base + 2);
        }
        self.truncate(base);
        Ok(r)
    }

    /// (start, stop, step, len) of a range with machine-sized bounds.
    pub fn range_tuple(&mut self, r: Value) -> PyResult<(i64, i64, i64, i64)> {
        let p = self.obj::<RangeObj>(r);
        let (a, b, c) = (p.start, p.stop, p.step);
        match (self.to_i64(a), self.to_i64(b), self.to_i64(c)) {
            (Some(start), Some(stop), Some(step)) => {
                let len = if step > 0 {
                    if stop > start {
                        ((stop as i128 - start as i128 + step as i128 - 1) / step as i128) as i64
                    } else {
                        0
                    }
                } else if start > stop {
                    ((start as i128 - stop as i128 - step as i128 - 1) / (-(step as i128))) as i64
                } else {
                    0
                };
                Ok((start, stop, step, len))
            }
            _ => Err(self.overflow_error("Python int too large to convert to C ssize_t")),
        }
    }

    pub fn range_len(&mut self, r: Value) -> PyResult<i64> {
        Ok(self.range_tuple(r)?.3)
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
}
