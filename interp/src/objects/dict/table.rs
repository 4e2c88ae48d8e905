//! The insertion-ordered hash table behind dict, set and frozenset, stored entirely on the gc heap
//! (moved here from vm/dict.rs; the dict slots live in `mod.rs`, the set algebra in `objects/set/`).
//!
//! Layout (see `DictObj`): `entries` is a ValueArray of (hash, key, value) triples appended in insertion
//! order (a deleted entry has a null key); `index` is a power-of-two ValueArray of small ints (entry + 1,
//! 0 = empty) probed with CPython's perturbed sequence, or null for tables of at most `LINEAR_MAX`
//! entries, which are scanned linearly (instance dicts: one allocation instead of two). Hashes always fit
//! in a small int (|h| < 2^62): see `ops::hash`. Lookups may call Python (`__hash__`, `__eq__`), which
//! may collect or even mutate the table: every function here keeps the dict and key in value-stack
//! slots and re-reads them (and re-checks the table) after such calls.

use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;

const MIN_CAP: usize = 4;
/// Largest table kept without an index (linear scans beat hashing at this size).
const LINEAR_MAX: usize = 8;

/// CPython's open-addressing probe sequence: `i = 5*i + perturb + 1`, with the high bits of the hash
/// shifted in, so that runs of consecutive integer keys and deleted entries do not form long clusters.
struct Probe {
    slot: usize,
    perturb: u64,
}

impl Probe {
    #[inline(always)]
    fn new(hash: i64) -> Probe {
        Probe {
            slot: hash as u64 as usize,
            perturb: hash as u64,
        }
    }
    #[inline(always)]
    fn next(&mut self, mask: usize) {
        self.perturb >>= 5;
        self.slot = (self
            .slot
            .wrapping_mul(5)
            .wrapping_add(self.perturb as usize)
            .wrapping_add(1))
            & mask;
    }
}

impl Vm {
    /// Sets keep CPython's set table (`objects/set/table.rs`): the dict entry points route there.
    #[inline(always)]
    pub fn is_set_table(&self, d: Value) -> bool {
        matches!(self.kind(d), Kind::Set | Kind::FrozenSet)
    }
    pub fn new_dict_kind(&mut self, kind: Kind) -> PyResult<Value> {
        self.alloc(kind, 0)
    }
    pub fn new_dict(&mut self) -> PyResult<Value> {
        self.alloc(Kind::Dict, 0)
    }
    #[inline(always)]
    pub fn dict_len(&self, d: Value) -> usize {
        self.obj::<DictObj>(d).len
    }
    /// Number of entry slots in use (including deleted ones): iterate `0..dict_used` with `dict_entry`.
    pub fn dict_used(&self, d: Value) -> usize {
        self.obj::<DictObj>(d).used
    }
    /// The (key, value) of entry i, or None if deleted.
    #[inline]
    pub fn dict_entry(&self, d: Value, i: usize) -> Option<(Value, Value)> {
        let p = self.obj::<DictObj>(d);
        if i >= p.used {
            return None;
        }
        let e = self.varray(p.entries);
        let k = e[3 * i + 1];
        if k.is_null() {
            None
        } else {
            Some((k, e[3 * i + 2]))
        }
    }
    #[inline(always)]
    pub fn varray(&self, a: Value) -> &[Value] {
        // SAFETY: a is a live ValueArray (callers pass a dict's non-null entries/index array); the &self
        // borrow keeps GC points out while the slice lives.
        unsafe {
            let p = self.payload::<ValueArrayObj>(a);
            std::slice::from_raw_parts((*p).items.as_ptr(), (*p).len)
        }
    }
    // `&mut self`: while the returned reference lives no other reference into the heap (from `obj`,
    // `str_of`...) and no GC point can occur.
    #[inline(always)]
    pub(crate) fn varray_mut(&mut self, a: Value) -> &mut [Value] {
        // SAFETY: a is a live ValueArray (callers pass a dict's non-null entries/index array); &mut self
        // keeps every other heap reference and every GC point out while the slice lives.
        unsafe {
            let p = self.payload::<ValueArrayObj>(a);
            std::slice::from_raw_parts_mut((*p).items.as_mut_ptr(), (*p).len)
        }
    }

    /// Finds the entry for the key at stack slot `kslot` in the dict at `dslot`. GC point when keys
    /// have Python-level `__eq__`.
    fn dict_find(&mut self, dslot: usize, kslot: usize, hash: i64) -> PyResult<Option<usize>> {
        let mut probe = Probe::new(hash);
        let mut linear = 0usize;
        'probe: loop {
            // Re-read everything each round: a key's __eq__ may have mutated or cleared the dict.
            let d = self.at(dslot);
            let key = self.at(kslot);
            let p = self.obj::<DictObj>(d);
            if p.entries.is_null() {
                return Ok(None);
            }
            let e = if p.index.is_null() {
                // small table: linear scan of the entries
                if linear >= p.used.min(self.varray(p.entries).len() / 3) {
                    return Ok(None);
                }
                linear += 1;
                linear - 1
            } else {
                let index = self.varray(p.index);
                let mask = index.len() - 1;
                let ix = index[probe.slot & mask];
                if ix.as_int() == 0 {
                    return Ok(None);
                }
                probe.next(mask);
                let e = (ix.as_int() - 1) as usize;
                if e >= p.used {
                    continue;
                }
                e
            };
            let entries = self.varray(p.entries);
            let k = entries[3 * e + 1];
            if !k.is_null() && entries[3 * e].as_int() == hash {
                if k == key {
                    return Ok(Some(e));
                }
                if self.fast_eq_possible(k, key) {
                    if self.fast_eq(k, key) {
                        return Ok(Some(e));
                    }
                } else {
                    let version = p.version;
                    self.push(k);
                    let kv = self.sp() - 1;
                    let r = self.eq_values(kv, kslot);
                    self.truncate(kv);
                    let eq = r?;
                    // CPython's rule: if __eq__ replaced the table or the entry, the answer is about a
                    // table that no longer exists; start the lookup again on the current one.
                    // (The version changes on every insert, delete, clear and resize.)
                    let d = self.at(dslot);
                    if self.obj::<DictObj>(d).version != version {
                        probe = Probe::new(hash);
                        linear = 0;
                        continue 'probe;
                    }
                    if eq {
                        return Ok(Some(e));
                    }
                }
            }
        }
    }

    /// Value for the key, or None. `d` and `key` need not be rooted by the caller.
    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let base = self.sp();
        self.push(d);
        self.push(key);
        let r = self.dict_get_slots(base, base + 1);
        self.truncate(base);
        r
    }
    pub fn dict_get_slots(&mut self, dslot: usize, kslot: usize) -> PyResult<Option<Value>> {
        if self.is_set_table(self.at(dslot)) {
            let found = self.set_contains_slots(dslot, kslot)?;
            return Ok(found.then(|| self.at(kslot)));
        }
        let h = self.hash_slot(kslot)?;
        match self.dict_find(dslot, kslot, h)? {
            Some(e) => {
                let d = self.at(dslot);
                Ok(self.dict_entry(d, e).map(|(_, v)| v))
            }
            None => Ok(None),
        }
    }
    /// Entry index of a str key (no Python calls).
    #[inline]
    pub fn dict_find_str(&mut self, d: Value, key: Value) -> Option<usize> {
        let h = self.str_hash(key);
        let p = self.obj::<DictObj>(d);
        if p.entries.is_null() {
            return None;
        }
        let entries = self.varray(p.entries);
        let matches = |e: usize| {
            let k = entries[3 * e + 1];
            k == key
                || (!k.is_null()
                    && entries[3 * e].as_int() == h
                    && self.is(k, Kind::Str)
                    && self.str_of(k) == self.str_of(key))
        };
        if p.index.is_null() {
            // small table: the key is usually the very same interned object, so check identity first
            let n = p.used;
            if let Some(e) = (0..n).find(|&e| entries[3 * e + 1] == key) {
                return Some(e);
            }
            return (0..n).find(|&e| matches(e));
        }
        let index = self.varray(p.index);
        let mask = index.len() - 1;
        let mut probe = Probe::new(h);
        loop {
            let ix = index[probe.slot & mask];
            if ix.as_int() == 0 {
                return None;
            }
            let e = (ix.as_int() - 1) as usize;
            if matches(e) {
                return Some(e);
            }
            probe.next(mask);
        }
    }

    /// Does `d` hold a key that is not a str with hash `h`? Such a key (`__hash__` returning a
    /// str's hash) may compare equal to a str key that `dict_find_str` did not find, so inserting
    /// that str as new needs the full lookup first. Walks the probe sequence of `h` (no GC point).
    fn dict_may_hold_other_equal(&self, d: Value, h: i64) -> bool {
        let p = self.obj::<DictObj>(d);
        if p.entries.is_null() {
            return false;
        }
        let entries = self.varray(p.entries);
        let other = |e: usize| {
            let k = entries[3 * e + 1];
            !k.is_null() && entries[3 * e].as_int() == h && !self.is_exact_str(k)
        };
        if p.index.is_null() {
            return (0..p.used).any(other);
        }
        let index = self.varray(p.index);
        let mask = index.len() - 1;
        let mut probe = Probe::new(h);
        loop {
            let ix = index[probe.slot & mask];
            if ix.as_int() == 0 {
                return false;
            }
            let e = (ix.as_int() - 1) as usize;
            if e < p.used && other(e) {
                return true;
            }
            probe.next(mask);
        }
    }

    /// Fast lookup of a str key (no Python calls): for attribute and global lookups.
    #[inline]
    pub fn dict_get_str(&mut self, d: Value, key: Value) -> Option<Value> {
        let e = self.dict_find_str(d, key)?;
        let entries = self.obj::<DictObj>(d).entries;
        Some(self.varray(entries)[3 * e + 2])
    }

    /// d[key] = value. None of the three needs to be rooted by the caller.
    pub fn dict_set(&mut self, d: Value, key: Value, value: Value) -> PyResult<()> {
        let base = self.sp();
        self.push(d);
        self.push(key);
        self.push(value);
        let r = self.dict_set_slots(base, base + 1, base + 2);
        self.truncate(base);
        r
    }

    pub fn dict_set_slots(&mut self, dslot: usize, kslot: usize, vslot: usize) -> PyResult<()> {
        if self.is_set_table(self.at(dslot)) {
            return self.set_add_slots(dslot, kslot);
        }
        let key = self.at(kslot);
        if self.is_exact_str(key) {
            // exact str keys (a subclass may define __hash__/__eq__): no Python code can run, so
            // the lookup needs no rooting dance
            let d = self.at(dslot);
            if let Some(e) = self.dict_find_str(d, key) {
                let entries = self.obj::<DictObj>(d).entries;
                let v = self.at(vslot);
                self.varray_mut(entries)[3 * e + 2] = v;
                self.heap.write_barrier_item(entries, 3 * e + 2, v);
                return Ok(());
            }
            let h = self.str_hash(key);
            if !self.dict_may_hold_other_equal(d, h) {
                self.dict_reserve(dslot, 1)?;
                let d = self.at(dslot);
                let (k, v) = (self.at(kslot), self.at(vslot));
                self.dict_insert_new(d, h, k, v);
                return Ok(());
            }
            // a key of another type with this hash may compare equal: the full lookup below
        }
        let h = self.hash_slot(kslot)?;
        if let Some(e) = self.dict_find(dslot, kslot, h)? {
            let d = self.at(dslot);
            let entries = self.obj::<DictObj>(d).entries;
            let v = self.at(vslot);
            self.varray_mut(entries)[3 * e + 2] = v;
            self.heap.write_barrier_item(entries, 3 * e + 2, v);
            return Ok(());
        }
        self.dict_reserve(dslot, 1)?;
        let d = self.at(dslot);
        let (k, v) = (self.at(kslot), self.at(vslot));
        self.dict_insert_new(d, h, k, v);
        Ok(())
    }

    /// Inserts a key known to be absent, with room reserved (no GC point).
    fn dict_insert_new(&mut self, d: Value, h: i64, k: Value, v: Value) {
        // SAFETY: d is a live dict/set with room reserved (caller's contract, nothing allocates here); p
        // points into d's payload, which no other reference covers while p lives (varray_mut borrows other
        // objects, the entries/index arrays).
        let p = unsafe { &mut *self.payload::<DictObj>(d) };
        let e = p.used;
        let entries = p.entries;
        let index = p.index;
        {
            let ent = self.varray_mut(entries);
            ent[3 * e] = Value::from_int(h).unwrap();
            ent[3 * e + 1] = k;
            ent[3 * e + 2] = v;
        }
        // Card-marks only the entry's items on a big old entries array (gc/src/cards.rs); the hash is
        // a small int, and int keys/values need no barrier.
        self.heap.write_barrier_item(entries, 3 * e + 1, k);
        self.heap.write_barrier_item(entries, 3 * e + 2, v);
        p.used += 1;
        p.len += 1;
        self.dict_version += 1;
        p.version = self.dict_version;
        if index.is_null() {
            return; // small table: no index
        }
        let idx = self.varray_mut(index);
        let mask = idx.len() - 1;
        let mut probe = Probe::new(h);
        while idx[probe.slot & mask].as_int() != 0 {
            probe.next(mask);
        }
        idx[probe.slot & mask] = Value::from_int(e as i64 + 1).unwrap();
    }

    /// Makes room for `extra` more entries (GC point): grows or compacts.
    fn dict_reserve(&mut self, dslot: usize, extra: usize) -> PyResult<()> {
        let d = self.at(dslot);
        let p = self.obj::<DictObj>(d);
        let cap = if p.entries.is_null() {
            0
        } else {
            self.varray(p.entries).len() / 3
        };
        if p.used + extra <= cap {
            return Ok(());
        }
        let need = p.len + extra;
        let mut newcap = MIN_CAP;
        while newcap < need * 3 / 2 {
            newcap *= 2;
        }
        // gc-safe: used directly only when no index is allocated; otherwise re-read from the stack
        let entries = self.alloc(Kind::ValueArray, 3 * newcap)?;
        // Tables of up to LINEAR_MAX entries have no index: lookups scan the entries.
        let index = if newcap <= LINEAR_MAX {
            Value::NULL
        } else {
            self.push(entries);
            let index = self.alloc(Kind::ValueArray, 2 * newcap)?;
            for x in self.varray_mut(index).iter_mut() {
                *x = Value::from_int(0).unwrap();
            }
            index
        };
        let entries = if index.is_null() { entries } else { self.pop() };
        let d = self.at(dslot);
        let (old_entries, used) = {
            let p = self.obj::<DictObj>(d);
            (p.entries, p.used)
        };
        // SAFETY: d was re-read from the stack after the last allocation, the index/entries arrays are
        // fresh or popped after it, and no GC point occurs before the stores; the barrier on d follows.
        unsafe {
            let p = &mut *self.payload::<DictObj>(d);
            p.entries = entries;
            p.index = index;
            p.used = 0;
            p.len = 0;
            self.dict_version += 1;
            p.version = self.dict_version;
        }
        self.heap.write_barrier(d);
        if !old_entries.is_null() {
            for i in 0..used {
                let (h, k, v) = {
                    let o = self.varray(old_entries);
                    (o[3 * i], o[3 * i + 1], o[3 * i + 2])
                };
                if !k.is_null() {
                    self.dict_insert_new(d, h.as_int(), k, v);
                }
            }
        }
        Ok(())
    }

    /// Removes key; returns its value if present.
    pub fn dict_del(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let base = self.sp();
        self.push(d);
        self.push(key);
        if self.is_set_table(d) {
            let r = self.set_discard_slots(base, base + 1);
            self.truncate(base);
            return r.map(|found| found.then(|| self.none()));
        }
        let h = self.hash_slot(base + 1);
        let r = match h {
            Ok(h) => self.dict_find(base, base + 1, h),
            Err(e) => Err(e),
        };
        let out = match r {
            Ok(Some(e)) => {
                let d = self.at(base);
                // SAFETY: d is re-read from the stack after dict_find (the last GC point) and no GC point
                // occurs while p lives; dict_find only answers Some(e) for the table as it is now (it
                // restarts when a key's __eq__ changed it), so p.entries is non-null and e in range.
                let p = unsafe { &mut *self.payload::<DictObj>(d) };
                let ent = self.varray_mut(p.entries);
                let v = ent[3 * e + 2];
                ent[3 * e + 1] = Value::NULL;
                ent[3 * e + 2] = Value::NULL;
                p.len -= 1;
                self.dict_version += 1;
                p.version = self.dict_version;
                Ok(Some(v))
            }
            Ok(None) => Ok(None),
            Err(e) => Err(e),
        };
        self.truncate(base);
        out
    }

    pub fn dict_clear(&mut self, d: Value) {
        if self.is_set_table(d) {
            return self.set_clear(d);
        }
        // SAFETY: d is a live dict/set (caller's contract) and nothing allocates while p lives; only null
        // Values are stored (no barrier needed).
        let p = unsafe { &mut *self.payload::<DictObj>(d) };
        self.dict_version += 1;
        p.version = self.dict_version;
        p.entries = Value::NULL;
        p.index = Value::NULL;
        p.len = 0;
        p.used = 0;
        self.dict_version += 1;
        p.version = self.dict_version;
    }

    /// A shallow copy of a dict/set into a new table of `kind`.
    pub fn dict_copy(&mut self, d: Value, kind: Kind) -> PyResult<Value> {
        if self.is_set_table(d) {
            return self.set_copy(d, kind);
        }
        let base = self.sp();
        self.push(d);
        let nd = self.alloc(kind, 0)?;
        self.push(nd);
        let n = self.dict_len(self.at(base));
        self.dict_reserve(base + 1, n)?;
        let used = self.dict_used(self.at(base));
        for i in 0..used {
            let src = self.at(base);
            let h = {
                let p = self.obj::<DictObj>(src);
                self.varray(p.entries)[3 * i]
            };
            if let Some((k, v)) = self.dict_entry(src, i) {
                let nd = self.at(base + 1);
                self.dict_insert_new(nd, h.as_int(), k, v);
            }
        }
        let nd = self.at(base + 1);
        self.truncate(base);
        Ok(nd)
    }
}
