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
