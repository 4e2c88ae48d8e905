//! Subscription, slicing, `in`, `len()` and range arithmetic for the builtin containers, with the
//! `__getitem__`/`__setitem__`/`__delitem__`/`__contains__`/`__len__` fallbacks for Python classes.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use crate::objects;
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
            let kind = self.kind(v);
            if let Some(f) = objects::slots(kind).len {
                return f(self, v);
            }
            match kind {
                Kind::Str => return Ok(self.str_nchars(v)),
                Kind::Bytes => return Ok(self.bytes_of(v).len()),
                Kind::ByteArray => return Ok(self.bytearray_mut(v).len()),
                Kind::Tuple => return Ok(self.tuple_items(v).len()),
                Kind::Dict | Kind::Set | Kind::FrozenSet => return Ok(self.dict_len(v)),
                Kind::Range => return Ok(self.range_len(v)? as usize),
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
            // `k` is stale after the call (GC point): only `r` is read.
            let r = self.call(f, &[k])?;
            if let Some(i) = self.to_i64(r) {
                return Ok(i);
            }
            if self.is(r, Kind::BigInt) {
                return Err(
                    self.raise("IndexError", "cannot fit 'int' into an index-sized integer")
                );
            }
            let tn = self.type_name(r);
            return Err(self.type_error(format!("__index__ returned non-int (type {tn})")));
        }
        let tn = self.type_name(k);
        Err(self.type_error(format!(
            "{what} indices must be integers or slices, not {tn}"
        )))
    }

    /// slice.indices-style normalisation of slice `s` for a sequence of `len` items.
    pub fn slice_indices(&mut self, s: Value, len: usize) -> PyResult<SliceIdx> {
        let raw = self.slice_unpack(s)?;
        Ok(slice_adjust(raw, len))
    }

    /// Converts the start/stop/step of slice `s` to integers (CPython's PySlice_Unpack): runs
    /// `__index__` hooks, so it is a GC point; callers read the sequence's length only after it.
    pub fn slice_unpack(&mut self, s: Value) -> PyResult<SliceRaw> {
        let (a, b, c) = {
            let p = self.obj::<SliceObj>(s);
            (p.start, p.stop, p.step)
        };
        // The three fields are rooted: converting one may run Python and move the others.
        let base = self.sp();
        self.push(a);
        self.push(b);
        self.push(c);
        let r = self.slice_unpack_rooted(base);
        self.truncate(base);
        r
    }

    fn slice_unpack_rooted(&mut self, base: usize) -> PyResult<SliceRaw> {
        let get = |vm: &mut Vm, i: usize| -> PyResult<Option<i64>> {
            let v = vm.at(base + i);
            if v == vm.none() || v.is_null() {
                Ok(None)
            } else if let Some(i) = vm.to_i64(v) {
                Ok(Some(i))
            } else if vm.is(v, Kind::BigInt) {
                Ok(Some(bigint_clamp(vm, v)))
            } else if let Some(f) = vm.special(v, "__index__") {
                let r = vm.call(f, &[v])?;
                if let Some(i) = vm.to_i64(r) {
                    Ok(Some(i))
                } else if vm.is(r, Kind::BigInt) {
                    Ok(Some(bigint_clamp(vm, r)))
                } else {
                    let tn = vm.type_name(r);
                    Err(vm.type_error(format!("__index__ returned non-int (type {tn})")))
                }
            } else {
                Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        };
        let step = get(self, 2)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let start = get(self, 0)?;
        let stop = get(self, 1)?;
        Ok(SliceRaw { start, stop, step })
    }

    /// Converts an index or slice subscript of a builtin sequence (may run `__index__`: a GC
    /// point) before the sequence is read, as CPython does; `o` stays rooted meanwhile and is
    /// returned re-read. `what` names the sequence in the TypeError for a bad index.
    pub(crate) fn seq_key(&mut self, o: Value, k: Value, what: &str) -> PyResult<(Value, SeqKey)> {
        if k.is_int() {
            return Ok((o, SeqKey::Index(k.as_int())));
        }
        let base = self.sp();
        self.push(o);
        let r = if self.is(k, Kind::Slice) {
            self.slice_unpack(k).map(SeqKey::Slice)
        } else {
            self.index_value(k, what).map(SeqKey::Index)
        };
        let o = self.at(base);
        self.truncate(base);
        Ok((o, r?))
    }

    /// A converted index checked against `len` (negative counts from the end).
    pub(crate) fn seq_pos(&mut self, i: i64, len: usize, what: &str) -> PyResult<usize> {
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
        if let Some(f) = self.subclass_override(o, "__getitem__") {
            return self.call(f, &[o, k]);
        }
        self.getitem_builtin(o, k)
    }

    /// o[k] by o's builtin type, ignoring a subclass's override (`list.__getitem__(self, k)`).
    pub fn getitem_builtin(&mut self, o: Value, k: Value) -> PyResult<Value> {
        let kind = self.kind(o);
        if let Some(f) = objects::slots(kind).getitem {
            return f(self, o, k);
        }
        match kind {
            Kind::Tuple => {
                let (o, key) = self.seq_key(o, k, "tuple")?;
                let n = self.tuple_items(o).len();
                match key {
                    SeqKey::Index(i) => {
                        let i = self.seq_pos(i, n, "tuple")?;
                        Ok(self.tuple_items(o)[i])
                    }
                    SeqKey::Slice(raw) => {
                        let s = slice_adjust(raw, n);
                        let items = self.tuple_items(o).to_vec();
                        for j in 0..s.len {
                            self.push(items[(s.start + j as i64 * s.step) as usize]);
                        }
                        self.new_tuple_from_stack(s.len)
                    }
                }
            }
            Kind::Str => {
                let (o, key) = self.seq_key(o, k, "string")?;
                let ascii = self.str_nchars(o) == self.str_of(o).len();
                let n = self.str_nchars(o);
                match key {
                    SeqKey::Index(i) => {
                        let i = self.seq_pos(i, n, "string")?;
                        let c = if ascii {
                            (self.str_of(o).as_bytes()[i] as char).to_string()
                        } else {
                            self.str_of(o).chars().nth(i).unwrap().to_string()
                        };
                        self.new_str(&c)
                    }
                    SeqKey::Slice(raw) => {
                        let s = slice_adjust(raw, n);
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
                }
            }
            Kind::Bytes | Kind::ByteArray => {
                let is_bytes = self.is(o, Kind::Bytes);
                let what = if is_bytes { "byte" } else { "bytearray" };
                let (o, key) = self.seq_key(o, k, what)?;
                let bytes = if is_bytes {
                    self.bytes_of(o).to_vec()
                } else {
                    self.bytearray_mut(o).clone()
                };
                match key {
                    SeqKey::Index(i) => {
                        let what = if is_bytes { "index" } else { "bytearray" };
                        let i = self.seq_pos(i, bytes.len(), what)?;
                        Ok(Value::from_int(bytes[i] as i64).unwrap())
                    }
                    SeqKey::Slice(raw) => {
                        let s = slice_adjust(raw, bytes.len());
                        let out: Vec<u8> = (0..s.len)
                            .map(|j| bytes[(s.start + j as i64 * s.step) as usize])
                            .collect();
                        if is_bytes {
                            self.new_bytes(&out)
                        } else {
                            self.new_bytearray(out)
                        }
                    }
                }
            }
            Kind::Dict => {
                // The lookup may run __hash__/__eq__ (GC point): o and k are re-read after it.
                let base = self.sp();
                self.push(o);
                self.push(k);
                let r = self.dict_get_slots(base, base + 1);
                let (o, k) = (self.at(base), self.at(base + 1));
                self.truncate(base);
                match r? {
                    Some(v) => Ok(v),
                    None => {
                        if let Some(f) = self.subclass_override(o, "__missing__") {
                            return self.call(f, &[o, k]);
                        }
                        Err(self.key_error(k))
                    }
                }
            }
            Kind::Range => {
                let (o, key) = self.seq_key(o, k, "range")?;
                let (start, _, step, len) = self.range_tuple(o)?;
                match key {
                    SeqKey::Slice(raw) => {
                        let s = slice_adjust(raw, len as usize);
                        let a = start + s.start * step;
                        let b = start + s.stop * step;
                        let c = step * s.step;
                        self.new_range(a, b, c)
                    }
                    SeqKey::Index(i) => {
                        let i = self.seq_pos(i, len as usize, "range object")?;
                        self.new_int(start + i as i64 * step)
                    }
                }
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
        self.setitem_builtin(o, k, v)
    }

    /// o[k] = v by o's builtin type, ignoring a subclass's override.
    pub fn setitem_builtin(&mut self, o: Value, k: Value, v: Value) -> PyResult<()> {
        let kind = self.kind(o);
        if let Some(f) = objects::slots(kind).setitem {
            return f(self, o, k, v);
        }
        match kind {
            Kind::Dict => self.dict_set(o, k, v),
            Kind::ByteArray => {
                let base = self.sp();
                self.push(o);
                self.push(v);
                let r = self.bytearray_setitem(base, k);
                self.truncate(base);
                r
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

    /// bytearray[k] = v with the bytearray at `stack[base]` and v at `stack[base + 1]` (both
    /// re-read after every conversion, which may run `__index__`/`__iter__`).
    fn bytearray_setitem(&mut self, base: usize, k: Value) -> PyResult<()> {
        let key = self.seq_key(self.at(base), k, "bytearray")?.1;
        let v = self.at(base + 1);
        let raw = match key {
            SeqKey::Index(i) => {
                let b = self.index_value(v, "byte")?;
                if !(0..256).contains(&b) {
                    return Err(self.value_error("byte must be in range(0, 256)"));
                }
                let o = self.at(base);
                let n = self.bytearray_mut(o).len();
                let i = self.seq_pos(i, n, "bytearray")?;
                self.bytearray_mut(o)[i] = b as u8;
                return Ok(());
            }
            SeqKey::Slice(raw) => raw,
        };
        let newb: Vec<u8> = if self.is(v, Kind::Bytes) {
            self.bytes_of(v).to_vec()
        } else if self.is(v, Kind::ByteArray) {
            self.bytearray_mut(v).clone()
        } else {
            let l = self.to_list(v)?;
            let mut out = Vec::new();
            for &x in self.list_items(l).to_vec().iter() {
                match self.to_i64(x).filter(|b| (0..256).contains(b)) {
                    Some(b) => out.push(b as u8),
                    None => return Err(self.value_error("byte must be in range(0, 256)")),
                }
            }
            out
        };
        let o = self.at(base);
        let n = self.bytearray_mut(o).len();
        let s = slice_adjust(raw, n);
        if s.step == 1 && newb.len() != s.len {
            self.bytearray_check_resize(o)?;
        }
        if s.step == 1 {
            let st = s.start as usize;
            self.bytearray_mut(o).splice(st..st + s.len, newb);
            return Ok(());
        }
        if newb.len() != s.len {
            return Err(self.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                newb.len(),
                s.len
            )));
        }
        let ba = self.bytearray_mut(o);
        for (j, b) in newb.into_iter().enumerate() {
            ba[(s.start + j as i64 * s.step) as usize] = b;
        }
        Ok(())
    }

    /// del o[k]
    pub fn delitem(&mut self, o: Value, k: Value) -> PyResult<()> {
        if !o.is_ptr() {
            let tn = self.type_name(o);
            return Err(self.type_error(format!("'{tn}' object doesn't support item deletion")));
        }
        if let Some(f) = self.subclass_override(o, "__delitem__") {
            self.call(f, &[o, k])?;
            return Ok(());
        }
        self.delitem_builtin(o, k)
    }

    /// del o[k] by o's builtin type, ignoring a subclass's override.
    pub fn delitem_builtin(&mut self, o: Value, k: Value) -> PyResult<()> {
        let kind = self.kind(o);
        if let Some(f) = objects::slots(kind).delitem {
            return f(self, o, k);
        }
        match kind {
            Kind::Dict => {
                // k is rooted across the lookup (GC point) for the KeyError.
                let base = self.sp();
                self.push(k);
                let r = self.dict_del(o, k);
                let k = self.at(base);
                self.truncate(base);
                match r? {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(k)),
                }
            }
            Kind::ByteArray => {
                let (o, key) = self.seq_key(o, k, "bytearray")?;
                let n = self.bytearray_mut(o).len();
                match key {
                    SeqKey::Index(i) => {
                        let i = self.seq_pos(i, n, "bytearray")?;
                        self.bytearray_check_resize(o)?;
                        self.bytearray_mut(o).remove(i);
                    }
                    SeqKey::Slice(raw) => {
                        let s = slice_adjust(raw, n);
                        if s.len > 0 {
                            self.bytearray_check_resize(o)?;
                        }
                        let mut del: Vec<usize> = (0..s.len)
                            .map(|j| (s.start + j as i64 * s.step) as usize)
                            .collect();
                        del.sort_unstable();
                        let ba = self.bytearray_mut(o);
                        for i in del.into_iter().rev() {
                            ba.remove(i);
                        }
                    }
                }
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
            let kind = self.kind(container);
            if let Some(f) = objects::slots(kind).contains {
                return f(self, container, item);
            }
            match kind {
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
                Kind::Range => {
                    if let Some(i) = self.to_i64(item) {
                        let (start, _, step, len) = self.range_tuple(container)?;
                        let off = i - start;
                        return Ok(off % step == 0 && off / step >= 0 && off / step < len);
                    }
                }
                Kind::Tuple => {
                    let base = self.sp();
                    self.push(container);
                    self.push(item);
                    let mut i = 0;
                    let r = loop {
                        let c = self.at(base);
                        let items = self.tuple_items(c);
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

/// Slice bounds converted to integers but not yet fitted to a length (see `Vm::slice_unpack`).
#[derive(Clone, Copy, Debug)]
pub struct SliceRaw {
    pub start: Option<i64>,
    pub stop: Option<i64>,
    pub step: i64,
}

/// A converted subscript of a builtin sequence.
#[derive(Clone, Copy, Debug)]
pub(crate) enum SeqKey {
    Index(i64),
    Slice(SliceRaw),
}

fn bigint_clamp(vm: &Vm, v: Value) -> i64 {
    if vm.to_bigint(v).unwrap() > num_bigint::BigInt::from(0) {
        i64::MAX
    } else {
        i64::MIN + 1
    }
}

/// Fits converted slice bounds to a sequence of `len` items (CPython's PySlice_AdjustIndices).
pub fn slice_adjust(raw: SliceRaw, len: usize) -> SliceIdx {
    let step = raw.step;
    let len = len as i64;
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let norm = |x: Option<i64>, default: i64| -> i64 {
        match x {
            None => default,
            Some(i) if i < 0 => (i.saturating_add(len)).max(lo),
            Some(i) => i.min(hi),
        }
    };
    let start = norm(raw.start, if step < 0 { hi } else { lo });
    let stop = norm(raw.stop, if step < 0 { lo } else { hi });
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
    SliceIdx {
        start,
        stop,
        step,
        len: n as usize,
    }
}
