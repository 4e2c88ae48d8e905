//! Inline caches of LoadAttr/StoreAttr/LoadMethod for instances in map mode (attrmap.rs). Each
//! instruction remembers the map it last saw and the slot of its name there; a hit is one compare
//! and a slot read. A StoreAttr that added an attribute also remembers the transition, so
//! `__init__` building a fresh instance takes the fast path too.
//!
//! Validity: the slot of a name in a map never changes (maps are immutable), so a cache entry keyed
//! by map id is right for any instance with that map whatever its class. What the class decides —
//! whether a data descriptor or an attribute hook takes precedence — is checked on every hit from
//! the instance's current class flags (`TYPE_HAS_PROPS | TYPE_CUSTOM_ATTRS`) and the global
//! `attr_flags_dynamic`, exactly as the dict fast path does; so class mutation, `__class__`
//! assignment and dict-mode switches need no invalidation.
//!
//! GC: entries hold u32 map ids and slot numbers, no Values. The code object is old and never
//! moves; its CodeData is reached by raw pointer with no GC point while a reference is live.

use super::attrmap::NO_MAP;
use super::{PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

/// log2 of the number of entries of the shared LoadMethod table (`Vm::method_table`).
const METHOD_TABLE_BITS: u32 = 10;

/// `slot` value meaning "the name is not in `map`" (a LoadMethod that found no shadowing attribute).
const ABSENT: u32 = u32::MAX;

#[derive(Clone, Copy, Default)]
pub struct AttrCache {
    /// The map seen last (0: empty cache).
    pub map: u32,
    /// The name's slot in `map` (or in `new_map` for a transition), or ABSENT.
    pub slot: u32,
    /// StoreAttr only: non-zero when the store added the attribute, moving `map` to `new_map`.
    pub new_map: u32,
}

impl Vm {
    #[inline(always)]
    fn attr_cache(&self, code: Value, ip: usize) -> AttrCache {
        // SAFETY: code is a live Code object (held by the running frame, a root; code objects are
        // allocated old and never move); attr_cache has one entry per instruction and ip is an
        // instruction index; the shared borrow ends here.
        unsafe { (&(*self.obj::<CodeObj>(code).data)).attr_cache[ip] }
    }

    fn set_attr_cache(&mut self, code: Value, ip: usize, c: AttrCache) {
        // SAFETY: as in attr_cache; no other reference to this CodeData is live here.
        unsafe { (&mut (*self.obj::<CodeObj>(code).data)).attr_cache[ip] = c };
    }

    /// The map of `obj` if it is a map-mode instance whose class lets the instance's own
    /// attributes be read and written directly (no data descriptors, no attribute hooks).
    #[inline(always)]
    fn plain_map_of(&self, obj: Value) -> u64 {
        if !self.is(obj, Kind::Instance) || self.attr_flags_dynamic {
            return NO_MAP;
        }
        let io = self.obj::<InstanceObj>(obj);
        if io.map == NO_MAP
            || self.obj::<TypeObj>(io.cls).flags & (TYPE_HAS_PROPS | TYPE_CUSTOM_ATTRS) != 0
        {
            return NO_MAP;
        }
        io.map
    }

    /// LoadAttr fast path: `obj.name` from a slot, or None (take the generic path).
    #[inline(always)]
    pub(super) fn map_cached_load(
        &mut self,
        obj: Value,
        name: Value,
        code: Value,
        ip: usize,
    ) -> Option<Value> {
        let m = self.plain_map_of(obj);
        if m == NO_MAP {
            return None;
        }
        let c = self.attr_cache(code, ip);
        if c.map as u64 == m && c.new_map == 0 && c.slot != ABSENT {
            return Some(self.inst_slot(obj, c.slot as usize));
        }
        self.map_load_miss(obj, m, name, code, ip)
    }

    #[inline(never)]
    fn map_load_miss(
        &mut self,
        obj: Value,
        m: u64,
        name: Value,
        code: Value,
        ip: usize,
    ) -> Option<Value> {
        let i = self.map_find(m, name)?;
        let c = AttrCache {
            map: m as u32,
            slot: i as u32,
            new_map: 0,
        };
        self.set_attr_cache(code, ip, c);
        Some(self.inst_slot(obj, i))
    }

    /// StoreAttr fast path, (v obj -- ): true when done (the two operands are popped).
    #[inline(always)]
    pub(super) fn map_cached_store(&mut self, code: Value, ip: usize) -> bool {
        let n = self.sp();
        let obj = self.roots.stack[n - 1];
        let m = self.plain_map_of(obj);
        if m == NO_MAP {
            return false;
        }
        let c = self.attr_cache(code, ip);
        if c.map as u64 != m || c.slot == ABSENT {
            return false;
        }
        let i = c.slot as usize;
        if c.new_map != 0 && !self.inst_has_slot(obj, i) {
            return false;
        }
        self.inst_set_slot(obj, i, self.roots.stack[n - 2]);
        if c.new_map != 0 {
            // SAFETY: obj is a live Instance (plain_map_of checked); no GC point since.
            unsafe { (*self.payload::<InstanceObj>(obj)).map = c.new_map as u64 };
        }
        self.truncate(n - 2);
        true
    }

    /// StoreAttr slow path, (v obj -- ): the generic setattr, then the cache learns what it did
    /// when that was a slot store or a one-attribute transition.
    // gc-safe: `code` and `name` (an interned name of that code) are old objects, which never move
    pub(super) fn store_attr_slow(&mut self, name: Value, code: Value, ip: usize) -> PyResult<()> {
        let n = self.sp();
        let (obj, v) = (self.at(n - 1), self.at(n - 2));
        let before = self.plain_map_of(obj);
        // obj and v stay on the stack (rooted) through setattr, which may run Python code
        self.setattr(obj, name, v)?;
        let obj = self.at(n - 1);
        let after = self.plain_map_of(obj);
        if before != NO_MAP && after != NO_MAP {
            let t = &self.roots.attr_maps;
            let c = if after == before {
                self.map_find(after, name).map(|i| AttrCache {
                    map: before as u32,
                    slot: i as u32,
                    new_map: 0,
                })
            } else if t.parent_of(after) == before {
                Some(AttrCache {
                    map: before as u32,
                    slot: (t.len_of(after) - 1) as u32,
                    new_map: after as u32,
                })
            } else {
                None
            };
            if let Some(c) = c {
                self.set_attr_cache(code, ip, c);
            }
        }
        self.truncate(n - 2);
        Ok(())
    }

    /// LoadMethod: does a map-mode instance's own attribute shadow the method `name`? None: `obj`
    /// is not a map-mode instance (the caller checks its dict as before).
    #[inline(always)]
    pub(super) fn map_shadows(
        &mut self,
        obj: Value,
        name: Value,
        code: Value,
        ip: usize,
    ) -> Option<bool> {
        let m = self.map_of(obj);
        if m == NO_MAP {
            return None;
        }
        let c = self.attr_cache(code, ip);
        if c.map as u64 == m && c.new_map == 0 {
            return Some(c.slot != ABSENT);
        }
        let slot = self.map_find(m, name).map_or(ABSENT, |i| i as u32);
        let c = AttrCache {
            map: m as u32,
            slot,
            new_map: 0,
        };
        self.set_attr_cache(code, ip, c);
        Some(slot != ABSENT)
    }
}

/// Where LoadMethod last found its name on the receiver's type: the `depth`-th class of the MRO,
/// dict entry `entry`. Valid for the type tagged `tag` while the dicts of the classes before it
/// have not changed their keys since `stamp` (a value of the global dict version counter: any
/// insert, delete, clear or resize gives a dict a newer version) and the entry still holds the
/// name. The value is re-read from the entry on each hit, so rebinding a method needs nothing.
#[derive(Clone, Copy, Default)]
pub struct MethodCache {
    pub tag: u64,
    pub stamp: u64,
    pub depth: u32,
    pub entry: u32,
}

impl Vm {
    /// The type's tag, assigned on first use.
    fn type_tag(&mut self, t: Value) -> u64 {
        let tag = self.obj::<TypeObj>(t).tag;
        if tag != 0 {
            return tag;
        }
        self.type_tags += 1;
        // SAFETY: t is a live type; no GC point while the field is written (a plain integer).
        unsafe { (*self.payload::<TypeObj>(t)).tag = self.type_tags };
        self.type_tags
    }

    /// LoadMethod's per-instruction cache alone: the method when it hits, None otherwise (the
    /// full instruction then walks the MRO and fills it). No GC point, nothing called.
    #[inline(always)]
    pub(super) fn lookup_type_cache_hit(
        &self,
        t: Value,
        name: Value,
        code: Value,
        ip: usize,
    ) -> Option<Value> {
        // SAFETY: as in attr_cache: the code object is old and live; the borrow ends here.
        let c = unsafe { (&(*self.obj::<CodeObj>(code).data)).method_cache[ip] };
        if c.tag != 0 && c.tag == self.obj::<TypeObj>(t).tag {
            return self.method_cache_hit(t, name, c);
        }
        None
    }

    /// `lookup_type(t, name)` through LoadMethod's per-instruction cache.
    #[inline(always)]
    pub(super) fn lookup_type_cached(
        &mut self,
        t: Value,
        name: Value,
        code: Value,
        ip: usize,
    ) -> Option<Value> {
        if let Some(v) = self.lookup_type_cache_hit(t, name, code, ip) {
            return Some(v);
        }
        self.lookup_type_shared(t, name, code, ip)
    }

    /// The slot of (tag, name) in `method_table`. `name` is a code object's interned name: an old
    /// object that never moves, so its address identifies it.
    fn method_table_slot(tag: u64, name: Value) -> usize {
        let h = (tag ^ (name.as_ptr() as u64 >> 3)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> (64 - METHOD_TABLE_BITS)) as usize
    }

    /// A polymorphic call site misses its own cache: try the shared table before the MRO walk.
    #[inline(never)]
    fn lookup_type_shared(
        &mut self,
        t: Value,
        name: Value,
        code: Value,
        ip: usize,
    ) -> Option<Value> {
        let tag = self.obj::<TypeObj>(t).tag;
        if tag != 0 && !self.method_table.is_empty() {
            let (nb, c) = self.method_table[Self::method_table_slot(tag, name)];
            if nb == name.as_ptr() as usize && c.tag == tag {
                if let Some(v) = self.method_cache_hit(t, name, c) {
                    // SAFETY: as in set_attr_cache.
                    unsafe { (&mut (*self.obj::<CodeObj>(code).data)).method_cache[ip] = c };
                    return Some(v);
                }
            }
        }
        self.lookup_type_fill(t, name, code, ip)
    }

    #[inline(always)]
    fn method_cache_hit(&self, t: Value, name: Value, c: MethodCache) -> Option<Value> {
        let mro = self.obj::<TypeObj>(t).mro;
        let k = c.depth as usize;
        let holder = if mro.is_null() {
            if k != 0 {
                return None;
            }
            t
        } else {
            let items = self.tuple_items(mro);
            if k >= items.len() {
                return None;
            }
            for &b in &items[..k] {
                let d = self.obj::<TypeObj>(b).dict;
                if self.obj::<DictObj>(d).version > c.stamp {
                    return None;
                }
            }
            items[k]
        };
        let dp = self.obj::<DictObj>(self.obj::<TypeObj>(holder).dict);
        let e = c.entry as usize;
        if e >= dp.used {
            return None;
        }
        let ent = self.varray(dp.entries);
        if ent[3 * e + 1] != name {
            return None;
        }
        Some(ent[3 * e + 2])
    }

    /// The MRO walk of `lookup_type`, remembering where the name was found.
    #[inline(never)]
    fn lookup_type_fill(&mut self, t: Value, name: Value, code: Value, ip: usize) -> Option<Value> {
        let mro = self.obj::<TypeObj>(t).mro;
        let n = if mro.is_null() {
            1
        } else {
            self.tuple_items(mro).len()
        };
        for i in 0..n {
            let c = if mro.is_null() {
                t
            } else {
                self.tuple_items(mro)[i]
            };
            let d = self.obj::<TypeObj>(c).dict;
            if let Some(e) = self.dict_find_str(d, name) {
                let mc = MethodCache {
                    tag: self.type_tag(t),
                    stamp: self.dict_version,
                    depth: i as u32,
                    entry: e as u32,
                };
                // SAFETY: as in set_attr_cache.
                unsafe { (&mut (*self.obj::<CodeObj>(code).data)).method_cache[ip] = mc };
                if self.method_table.is_empty() {
                    self.method_table = vec![Default::default(); 1 << METHOD_TABLE_BITS];
                }
                self.method_table[Self::method_table_slot(mc.tag, name)] =
                    (name.as_ptr() as usize, mc);
                let entries = self.obj::<DictObj>(d).entries;
                return Some(self.varray(entries)[3 * e + 2]);
            }
        }
        None
    }
}
