//! The hash table of `set` and `frozenset`: an open-addressed table that behaves like CPython's set
//! table, so that iteration order (table-slot order) equals CPython's for every sequence of
//! operations. Written from the documented algorithm:
//!
//! - the table has a power-of-two size (8 when first used); a key with hash `h` starts at slot
//!   `h & mask`, looks at up to `LINEAR_PROBES` following slots when they fit before the end of the
//!   table, then jumps with the perturbed sequence `i = 5*i + 1 + (perturb >>= 5)`;
//! - a discarded key leaves a dummy slot (skipped by lookups, reused by the next insertion that
//!   passed it); `fill` counts active + dummy slots, and an insertion into a never-used slot that
//!   makes `fill*5 >= mask*3` rebuilds the table for `len*4` (`len*2` above 50000) keys;
//! - a rebuild (and a copy into an empty table) re-inserts the active keys in old slot order.
//!
//! Storage (`DictObj` of kind Set/FrozenSet): `entries` is a ValueArray of 3 words per slot, or null
//! for an empty, never-used table (logically 8 empty slots); `used` is the number of slots (so the
//! generic `0..dict_used` + `dict_entry` iteration walks the table in slot order), `len` the number
//! of keys, `fill` active + dummy slots, `finger` where `pop` resumes; `index` stays null. A slot is
//! (low 32 hash bits, key, high 32 hash bits) when active: the full 64-bit hash (`Vm::hash_full`) is
//! kept because the probe sequence shifts its high bits in. Empty: all null. Dummy: null key with a
//! non-null first word.
//!
//! GC contract: hashing and `__eq__` are GC points (and may mutate the set): every function keeps the
//! set and the key in value-stack slots, re-reads them, and restarts a probe when the table changed
//! under it (the `version` changes on every insertion, removal and rebuild).

use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// What a table slot holds.
#[derive(Clone, Copy)]
enum Slot {
    Empty,
    Dummy,
    Active(i64, Value),
}

#[inline(always)]
fn split_hash(h: i64) -> (Value, Value) {
    let lo = (h as u64 & 0xffff_ffff) as i64;
    let hi = h >> 32;
    (Value::from_int(lo).unwrap(), Value::from_int(hi).unwrap())
}

impl Vm {
    /// (entries, mask) of the set `s`; entries is null for a never-used table (mask 7).
    #[inline(always)]
    fn set_table(&self, s: Value) -> (Value, usize) {
        let p = self.obj::<DictObj>(s);
        if p.entries.is_null() {
            (Value::NULL, MIN_SIZE - 1)
        } else {
            (p.entries, p.used - 1)
        }
    }

    #[inline(always)]
    fn set_slot(&self, entries: Value, i: usize) -> Slot {
        let e = self.varray(entries);
        let k = e[3 * i + 1];
        if !k.is_null() {
            Slot::Active((e[3 * i + 2].as_int() << 32) | e[3 * i].as_int(), k)
        } else if e[3 * i].is_null() {
            Slot::Empty
        } else {
            Slot::Dummy
        }
    }

    #[inline(always)]
    fn set_store(&mut self, entries: Value, i: usize, h: i64, k: Value) {
        let (lo, hi) = split_hash(h);
        let e = self.varray_mut(entries);
        e[3 * i] = lo;
        e[3 * i + 1] = k;
        e[3 * i + 2] = hi;
        self.heap.write_barrier(entries);
    }

    fn set_bump(&mut self, s: Value) {
        self.dict_version += 1;
        let v = self.dict_version;
        // SAFETY: s is a live set (callers re-read it from the stack); no GC point while p lives.
        unsafe { (*self.payload::<DictObj>(s)).version = v };
    }

    /// The key and full hash in slot i, if active: for walking a set in slot order.
    pub fn set_active(&self, s: Value, i: usize) -> Option<(i64, Value)> {
        let p = self.obj::<DictObj>(s);
        if p.entries.is_null() || i >= p.used {
            return None;
        }
        match self.set_slot(p.entries, i) {
            Slot::Active(h, k) => Some((h, k)),
            _ => None,
        }
    }

    /// Slot of the key at `kslot` (hash `h`) in the set at `sslot`, if present. GC point when keys
    /// have Python-level `__eq__`.
    pub fn set_find(&mut self, sslot: usize, kslot: usize, h: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let (mut entries, mask) = self.set_table(self.at(sslot));
            if entries.is_null() {
                return Ok(None);
            }
            let version = self.obj::<DictObj>(self.at(sslot)).version;
            let mut i = h as u64 as usize & mask;
            let mut perturb = h as u64;
            loop {
                let probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for j in i..=i + probes {
                    match self.set_slot(entries, j) {
                        Slot::Empty => return Ok(None),
                        Slot::Dummy => {}
                        Slot::Active(eh, k) => {
                            if eh != h {
                                continue;
                            }
                            let key = self.at(kslot);
                            if k == key {
                                return Ok(Some(j));
                            }
                            if self.fast_eq_possible(k, key) {
                                if self.fast_eq(k, key) {
                                    return Ok(Some(j));
                                }
                                continue;
                            }
                            self.push(k);
                            let kv = self.sp() - 1;
                            let r = self.eq_values(kv, kslot);
                            self.truncate(kv);
                            let eq = r?;
                            // __eq__ may have changed the table: then the answer is about a table
                            // that no longer exists; look again in the current one (CPython's rule).
                            if self.obj::<DictObj>(self.at(sslot)).version != version {
                                continue 'restart;
                            }
                            // same table, but the call was a GC point: the array may have moved
                            entries = self.obj::<DictObj>(self.at(sslot)).entries;
                            if eq {
                                return Ok(Some(j));
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            }
        }
    }

    /// Is the key at `kslot` in the set at `sslot`?
    pub fn set_contains_slots(&mut self, sslot: usize, kslot: usize) -> PyResult<bool> {
        let h = self.hash_full(self.at(kslot))?;
        Ok(self.set_find(sslot, kslot, h)?.is_some())
    }

    /// Adds the key at `kslot` with hash `h` to the set at `sslot` (no-op if an equal key is there).
    pub fn set_add_hashed(&mut self, sslot: usize, kslot: usize, h: i64) -> PyResult<()> {
        'restart: loop {
            // (also after a restart: a key's __eq__ may have cleared the set)
            if self.obj::<DictObj>(self.at(sslot)).entries.is_null() {
                self.set_resize(sslot, 0)?;
            }
            let (mut entries, mask) = self.set_table(self.at(sslot));
            let version = self.obj::<DictObj>(self.at(sslot)).version;
            let mut freeslot = None;
            let mut i = h as u64 as usize & mask;
            let mut perturb = h as u64;
            let unused = 'probe: loop {
                let probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
                for j in i..=i + probes {
                    match self.set_slot(entries, j) {
                        Slot::Empty => break 'probe j,
                        Slot::Dummy => {
                            if freeslot.is_none() {
                                freeslot = Some(j);
                            }
                        }
                        Slot::Active(eh, k) => {
                            if eh != h {
                                continue;
                            }
                            let key = self.at(kslot);
                            if k == key {
                                return Ok(());
                            }
                            if self.fast_eq_possible(k, key) {
                                if self.fast_eq(k, key) {
                                    return Ok(());
                                }
                                continue;
                            }
                            self.push(k);
                            let kv = self.sp() - 1;
                            let r = self.eq_values(kv, kslot);
                            self.truncate(kv);
                            let eq = r?;
                            if self.obj::<DictObj>(self.at(sslot)).version != version {
                                continue 'restart;
                            }
                            // same table, but the call was a GC point: the array may have moved
                            entries = self.obj::<DictObj>(self.at(sslot)).entries;
                            if eq {
                                return Ok(());
                            }
                        }
                    }
                }
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
            };
            let s = self.at(sslot);
            let k = self.at(kslot);
            self.set_bump(s);
            if let Some(f) = freeslot {
                self.set_store(entries, f, h, k);
                // SAFETY: s was re-read from the stack; no GC point while the payload is written.
                unsafe { (*self.payload::<DictObj>(s)).len += 1 };
                return Ok(());
            }
            self.set_store(entries, unused, h, k);
            // SAFETY: as above.
            let (len, fill) = unsafe {
                let p = &mut *self.payload::<DictObj>(s);
                p.len += 1;
                p.fill += 1;
                (p.len, p.fill)
            };
            if fill * 5 < mask * 3 {
                return Ok(());
            }
            return self.set_resize(sslot, if len > 50000 { len * 2 } else { len * 4 });
        }
    }

    /// set.add for the key at `kslot`.
    pub fn set_add_slots(&mut self, sslot: usize, kslot: usize) -> PyResult<()> {
        let h = self.hash_full(self.at(kslot))?;
        self.set_add_hashed(sslot, kslot, h)
    }

    /// Removes the key at `kslot` (hash `h`), leaving a dummy; whether it was there.
    pub fn set_discard_hashed(&mut self, sslot: usize, kslot: usize, h: i64) -> PyResult<bool> {
        let Some(i) = self.set_find(sslot, kslot, h)? else {
            return Ok(false);
        };
        let s = self.at(sslot);
        let entries = self.obj::<DictObj>(s).entries;
        let e = self.varray_mut(entries);
        e[3 * i] = Value::from_int(-1).unwrap();
        e[3 * i + 1] = Value::NULL;
        e[3 * i + 2] = Value::NULL;
        self.set_bump(s);
        // SAFETY: s is live (re-read above); no GC point while the payload is written.
        unsafe { (*self.payload::<DictObj>(s)).len -= 1 };
        Ok(true)
    }

    pub fn set_discard_slots(&mut self, sslot: usize, kslot: usize) -> PyResult<bool> {
        let h = self.hash_full(self.at(kslot))?;
        self.set_discard_hashed(sslot, kslot, h)
    }

    /// Rebuilds the set at `sslot` with the smallest table size above `minused` (GC point), moving
    /// its active keys in old slot order.
    pub fn set_resize(&mut self, sslot: usize, minused: usize) -> PyResult<()> {
        let mut size = MIN_SIZE;
        while size <= minused {
            size = size.checked_mul(2).ok_or_else(|| self.memory_error())?;
        }
        let words = size.checked_mul(3).ok_or_else(|| self.memory_error())?;
        // (zero-filled: every slot starts empty)
        let new = self.alloc(Kind::ValueArray, words)?;
        let s = self.at(sslot);
        let (old, old_mask) = self.set_table(s);
        let len = self.dict_len(s);
        self.set_bump(s);
        // SAFETY: s was re-read after the allocation; no GC point until the barrier below.
        unsafe {
            let p = &mut *self.payload::<DictObj>(s);
            p.entries = new;
            p.used = size;
            p.fill = len;
        }
        self.heap.write_barrier(s);
        if !old.is_null() {
            for i in 0..=old_mask {
                if let Slot::Active(h, k) = self.set_slot(old, i) {
                    self.set_insert_clean(new, size - 1, h, k);
                }
            }
        }
        Ok(())
    }

    /// Puts a key into a table known to have neither it nor dummies (no comparisons, no GC point).
    fn set_insert_clean(&mut self, entries: Value, mask: usize, h: i64, k: Value) {
        let mut i = h as u64 as usize & mask;
        let mut perturb = h as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if let Slot::Empty = self.set_slot(entries, j) {
                    self.set_store(entries, j, h, k);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Empties the set (back to a never-used table).
    pub fn set_clear(&mut self, s: Value) {
        self.set_bump(s);
        // SAFETY: s is a live set (caller's contract); only nulls are stored (no barrier needed).
        let p = unsafe { &mut *self.payload::<DictObj>(s) };
        p.entries = Value::NULL;
        p.used = 0;
        p.len = 0;
        p.fill = 0;
    }

    /// set.pop: the first active slot at or after the finger (wrapping); None when empty.
    pub fn set_pop(&mut self, s: Value) -> Option<Value> {
        let p = self.obj::<DictObj>(s);
        if p.len == 0 {
            return None;
        }
        let (entries, mask, mut i) = (p.entries, p.used - 1, p.finger & (p.used - 1));
        let key = loop {
            if let Slot::Active(_, k) = self.set_slot(entries, i) {
                break k;
            }
            i = (i + 1) & mask;
        };
        let e = self.varray_mut(entries);
        e[3 * i] = Value::from_int(-1).unwrap();
        e[3 * i + 1] = Value::NULL;
        e[3 * i + 2] = Value::NULL;
        self.set_bump(s);
        // SAFETY: s is live; no GC point while the payload is written.
        let p = unsafe { &mut *self.payload::<DictObj>(s) };
        p.len -= 1;
        p.finger = i + 1;
        Some(key)
    }

    /// dst |= src for two sets (CPython's merge: pre-sizes dst, and when dst is empty copies the
    /// table or re-inserts src's keys in slot order without comparisons).
    pub fn set_merge(&mut self, dslot: usize, sslot: usize) -> PyResult<()> {
        let (d, s) = (self.at(dslot), self.at(sslot));
        let slen = self.dict_len(s);
        if d == s || slen == 0 {
            return Ok(());
        }
        let (dfill, dlen) = {
            let p = self.obj::<DictObj>(d);
            (p.fill, p.len)
        };
        let (_, dmask) = self.set_table(d);
        if (dfill + slen) * 5 >= dmask * 3 {
            self.set_resize(dslot, (dlen + slen) * 2)?;
        } else if self.obj::<DictObj>(d).entries.is_null() {
            // a never-used table is logically 8 empty slots: materialise it for the copy below
            self.set_resize(dslot, 0)?;
        }
        let (d, s) = (self.at(dslot), self.at(sslot));
        let (dentries, dmask) = self.set_table(d);
        let (sentries, smask) = self.set_table(s);
        let (dfill, sfill) = (self.obj::<DictObj>(d).fill, self.obj::<DictObj>(s).fill);
        if dfill == 0 {
            if dmask == smask && sfill == slen {
                for i in 0..=smask {
                    if let Slot::Active(h, k) = self.set_slot(sentries, i) {
                        self.set_store(dentries, i, h, k);
                    }
                }
            } else {
                for i in 0..=smask {
                    if let Slot::Active(h, k) = self.set_slot(sentries, i) {
                        self.set_insert_clean(dentries, dmask, h, k);
                    }
                }
            }
            self.set_bump(d);
            // SAFETY: d is live; no GC point while the payload is written.
            let p = unsafe { &mut *self.payload::<DictObj>(d) };
            p.len = slen;
            p.fill = slen;
            return Ok(());
        }
        let mut i = 0;
        while i < self.dict_used(self.at(sslot)) {
            if let Some((h, k)) = self.set_active(self.at(sslot), i) {
                self.push(k);
                let r = self.set_add_hashed(dslot, self.sp() - 1, h);
                self.pop();
                r?;
            }
            i += 1;
        }
        Ok(())
    }

    /// After many removals (more than a quarter of the slots dummies), rebuilds the table.
    pub fn set_shrink_dummies(&mut self, sslot: usize) -> PyResult<()> {
        let s = self.at(sslot);
        let (entries, mask) = self.set_table(s);
        let p = self.obj::<DictObj>(s);
        if entries.is_null() || p.fill - p.len <= mask / 4 {
            return Ok(());
        }
        let len = p.len;
        self.set_resize(sslot, if len > 50000 { len * 2 } else { len * 4 })
    }

    /// Moves the table of the set `b` into the set `a` (intersection_update); `b` is left empty.
    pub fn set_take_body(&mut self, a: Value, b: Value) {
        let (entries, used, len, fill) = {
            let p = self.obj::<DictObj>(b);
            (p.entries, p.used, p.len, p.fill)
        };
        self.set_bump(a);
        // SAFETY: a and b are live sets; no GC point until the barrier.
        unsafe {
            let p = &mut *self.payload::<DictObj>(a);
            p.entries = entries;
            p.used = used;
            p.len = len;
            p.fill = fill;
        }
        self.heap.write_barrier(a);
        self.set_clear(b);
    }

    /// A new empty set of `kind` holding the keys of the set `s` (CPython's copy: a merge).
    pub fn set_copy(&mut self, s: Value, kind: Kind) -> PyResult<Value> {
        let base = self.sp();
        self.push(s);
        let r = (|| {
            let n = self.new_dict_kind(kind)?;
            self.push(n);
            self.set_merge(base + 1, base)?;
            Ok(self.at(base + 1))
        })();
        self.truncate(base);
        r
    }
}
