//! Hidden classes ("maps", PyPy's mapdict) for instance attributes. Instances of plain Python
//! classes start with the empty map and store attribute values in slots (`InstanceObj::s0..s3`, then
//! the `slots` ValueArray); the map says which name lives in which slot. Adding an attribute follows
//! (or creates) a transition to a child map, so instances built the same way share maps, and the eval
//! loop's inline caches can key on the map id alone (eval.rs `cached_attr_load`).
//!
//! Anything unusual switches an instance to dict mode for good (`materialize_dict`): `__dict__`,
//! `vars()`, `del`, a non-str (or str-subclass) name, more than `MAX_ATTRS` attributes, and every
//! native path that wants a real dict. From then on the instance behaves exactly as before maps.
//!
//! GC: the map table is Rust-side and never moves; ids are stable u32 indices and never freed, so an
//! instance or a cache holding an id holds no GC reference. The names in the table are roots
//! (`MapTable::trace`, called from `VmRoots::trace`): a young name string is kept alive and its slot
//! updated when it moves, so code must re-read a name from the table after any GC point.

use super::{BuildFx, PyResult, Vm};
use crate::obj::layout::*;
use gc::{Value, Visitor};
use std::collections::HashMap;

/// Id of "no map" (dict mode, or an object without `__dict__`).
pub const NO_MAP: u64 = 0;
/// Id of the map of an instance without attributes.
pub const EMPTY_MAP: u64 = 1;
/// More attributes than this and the instance switches to dict mode (a map lookup walks the chain).
pub const MAX_ATTRS: usize = 32;
/// Maps are never freed: past this many, new attribute layouts go to dict mode instead (a
/// program inventing attribute names without end would otherwise grow the table without end).
pub const MAX_MAPS: usize = 1 << 16;
/// Slots held in the instance itself (s0..s3).
pub const INLINE: usize = 4;

struct Node {
    parent: u32,
    /// Attributes in this map; the last one added (`names[id]`) lives in slot `len - 1`.
    len: u32,
    /// Child maps, one per attribute name added to this map.
    children: Vec<u32>,
    /// Once there are many children: name -> child, so adding is not a linear scan.
    index: Option<HashMap<Box<str>, u32, BuildFx>>,
}

/// Children scanned linearly below this count; a hash index above.
const INDEX_CHILDREN: usize = 8;

/// All maps, indexed by id. Entry 0 is a placeholder for NO_MAP, entry 1 the empty map.
pub struct MapTable {
    nodes: Vec<Node>,
    /// `names[id]`: the attribute that map `id` added to its parent (null for 0 and 1).
    names: Vec<Value>,
}

impl Default for MapTable {
    fn default() -> Self {
        let leaf = || Node {
            parent: 0,
            len: 0,
            children: Vec::new(),
            index: None,
        };
        MapTable {
            nodes: vec![leaf(), leaf()],
            names: vec![Value::NULL, Value::NULL],
        }
    }
}

impl MapTable {
    pub fn trace(&mut self, visit: &mut Visitor<'_>) {
        for v in self.names.iter_mut() {
            visit(v);
        }
    }

    pub fn len_of(&self, map: u64) -> usize {
        self.nodes[map as usize].len as usize
    }

    pub fn parent_of(&self, map: u64) -> u64 {
        self.nodes[map as usize].parent as u64
    }

    pub fn name_of(&self, map: u64) -> Value {
        self.names[map as usize]
    }
}

impl Vm {
    /// Are two attribute names the same str? Map names are exact strs, so no Python `__eq__` runs.
    fn map_name_eq(&self, a: Value, b: Value) -> bool {
        a == b || (self.is(b, Kind::Str) && self.str_of(a) == self.str_of(b))
    }

    /// The slot of `name` in map `map`, walking from the newest attribute back to the empty map.
    pub fn map_find(&self, map: u64, name: Value) -> Option<usize> {
        let mut m = map;
        while m > EMPTY_MAP {
            if self.map_name_eq(self.roots.attr_maps.names[m as usize], name) {
                return Some(self.roots.attr_maps.len_of(m) - 1);
            }
            m = self.roots.attr_maps.parent_of(m);
        }
        None
    }

    /// The map `map` + `name` (an exact str not already in `map`), created on first use; None
    /// when the table is full.
    fn map_add(&mut self, map: u64, name: Value) -> Option<u64> {
        let t = &self.roots.attr_maps;
        let node = &t.nodes[map as usize];
        match &node.index {
            Some(ix) => {
                if let Some(&c) = ix.get(self.str_of(name)) {
                    return Some(c as u64);
                }
            }
            None => {
                for &c in &node.children {
                    if self.map_name_eq(t.names[c as usize], name) {
                        return Some(c as u64);
                    }
                }
            }
        }
        if t.nodes.len() >= MAX_MAPS {
            return None;
        }
        let key: Box<str> = self.str_of(name).into();
        let t = &mut self.roots.attr_maps;
        let id = t.nodes.len() as u32;
        let len = t.nodes[map as usize].len + 1;
        t.nodes.push(Node {
            parent: map as u32,
            len,
            children: Vec::new(),
            index: None,
        });
        t.names.push(name);
        let node = &mut t.nodes[map as usize];
        node.children.push(id);
        if let Some(ix) = node.index.as_mut() {
            ix.insert(key, id);
        } else if node.children.len() > INDEX_CHILDREN {
            let children = node.children.clone();
            let mut ix = HashMap::with_hasher(BuildFx);
            for c in children {
                let n = self.roots.attr_maps.names[c as usize];
                ix.insert(self.str_of(n).into(), c);
            }
            self.roots.attr_maps.nodes[map as usize].index = Some(ix);
        }
        Some(id as u64)
    }

    /// Slot `i` of a map-mode instance.
    #[inline(always)]
    pub fn inst_slot(&self, obj: Value, i: usize) -> Value {
        let io = self.obj::<InstanceObj>(obj);
        match i {
            0 => io.s0,
            1 => io.s1,
            2 => io.s2,
            3 => io.s3,
            _ => self.varray(io.slots)[i - INLINE],
        }
    }

    /// Can slot `i` of `obj` be stored without growing the overflow array?
    #[inline(always)]
    pub fn inst_has_slot(&self, obj: Value, i: usize) -> bool {
        if i < INLINE {
            return true;
        }
        let s = self.obj::<InstanceObj>(obj).slots;
        !s.is_null() && i - INLINE < self.varray(s).len()
    }

    /// Stores slot `i` (which must exist: `inst_has_slot`), with the write barrier.
    #[inline(always)]
    pub fn inst_set_slot(&mut self, obj: Value, i: usize, v: Value) {
        let p = self.payload::<InstanceObj>(obj);
        // SAFETY: obj is a live Instance (callers check the kind); slot i exists (inst_has_slot), so
        // the overflow index is in bounds; no GC point before the barrier on the object written.
        unsafe {
            match i {
                0 => (*p).s0 = v,
                1 => (*p).s1 = v,
                2 => (*p).s2 = v,
                3 => (*p).s3 = v,
                _ => {
                    let s = (*p).slots;
                    self.varray_mut(s)[i - INLINE] = v;
                    self.heap.write_barrier(s);
                    return;
                }
            }
        }
        self.heap.write_barrier(obj);
    }

    /// Grows the overflow array of the instance at stack slot `at` so that slot `i` exists.
    /// A GC point: callers re-read the instance from the stack.
    fn inst_grow_slots(&mut self, at: usize, i: usize) -> PyResult<()> {
        let need = i + 1 - INLINE;
        let old = self.obj::<InstanceObj>(self.at(at)).slots;
        let old_len = if old.is_null() {
            0
        } else {
            self.varray(old).len()
        };
        let arr = self.alloc(Kind::ValueArray, need.max(old_len * 2).max(4))?;
        let obj = self.at(at);
        let old = self.obj::<InstanceObj>(obj).slots;
        if !old.is_null() {
            let n = self.varray(old).len();
            for k in 0..n {
                let v = self.varray(old)[k];
                self.varray_mut(arr)[k] = v;
            }
        }
        // SAFETY: obj was re-read from the stack after the allocation; the barrier follows.
        unsafe { (*self.payload::<InstanceObj>(obj)).slots = arr };
        self.heap.write_barrier(obj);
        Ok(())
    }

    /// The map id of `obj` if it is an Instance in map mode.
    #[inline(always)]
    pub fn map_of(&self, obj: Value) -> u64 {
        if self.is(obj, Kind::Instance) {
            self.obj::<InstanceObj>(obj).map
        } else {
            NO_MAP
        }
    }

    /// `obj.name` from the slots of a map-mode instance (None: not there, or not map mode).
    pub fn map_get_attr(&self, obj: Value, name: Value) -> Option<Value> {
        let m = self.map_of(obj);
        if m == NO_MAP {
            return None;
        }
        let i = self.map_find(m, name)?;
        Some(self.inst_slot(obj, i))
    }

    /// `obj.name = v` for the map-mode instance at stack slot `at` (name at `at + 1`, value at
    /// `at + 2`): stores into the slot, or adds the attribute through a transition, or switches the
    /// instance to dict mode when the name is not an exact str or there are too many attributes.
    pub fn map_set_attr(&mut self, at: usize) -> PyResult<()> {
        let (obj, name) = (self.at(at), self.at(at + 1));
        let m = self.obj::<InstanceObj>(obj).map;
        if let Some(i) = self.map_find(m, name) {
            self.inst_set_slot(obj, i, self.at(at + 2));
            return Ok(());
        }
        let exact = self.is(name, Kind::Str) && self.obj::<StrObj>(name).cls.is_null();
        let nm = if exact && self.roots.attr_maps.len_of(m) < MAX_ATTRS {
            self.map_add(m, name)
        } else {
            None
        };
        let Some(nm) = nm else {
            let d = self.materialize_dict(at)?;
            return self.dict_set(d, self.at(at + 1), self.at(at + 2));
        };
        let i = self.roots.attr_maps.len_of(m);
        if !self.inst_has_slot(obj, i) {
            self.inst_grow_slots(at, i)?;
        }
        // re-read after the possible GC point; map ids are plain integers and survived it
        let obj = self.at(at);
        self.inst_set_slot(obj, i, self.at(at + 2));
        // SAFETY: obj is a live Instance read from the stack; no GC point since.
        unsafe { (*self.payload::<InstanceObj>(obj)).map = nm };
        Ok(())
    }

    /// Switches the instance at stack slot `at` to dict mode (a no-op if it already is) and returns
    /// its dict: a real dict holding the attributes in insertion order, as CPython's would.
    pub fn materialize_dict(&mut self, at: usize) -> PyResult<Value> {
        let m = self.obj::<InstanceObj>(self.at(at)).map;
        if m == NO_MAP {
            return Ok(self.obj::<InstanceObj>(self.at(at)).dict);
        }
        let mut chain = Vec::new();
        let mut c = m;
        while c > EMPTY_MAP {
            chain.push(c);
            c = self.roots.attr_maps.parent_of(c);
        }
        chain.reverse();
        let d = self.new_dict()?;
        self.push(d);
        for (i, &c) in chain.iter().enumerate() {
            // re-read everything each time: dict_set is a GC point
            let (obj, d) = (self.at(at), self.top());
            let name = self.roots.attr_maps.name_of(c);
            let v = self.inst_slot(obj, i);
            self.dict_set(d, name, v)?;
        }
        let d = self.pop();
        let obj = self.at(at);
        // SAFETY: obj is a live Instance read from the stack after the last GC point; the barrier
        // follows. The slots are cleared so the old values are not kept alive twice.
        unsafe {
            let p = self.payload::<InstanceObj>(obj);
            (*p).dict = d;
            (*p).map = NO_MAP;
            (*p).s0 = Value::NULL;
            (*p).s1 = Value::NULL;
            (*p).s2 = Value::NULL;
            (*p).s3 = Value::NULL;
            (*p).slots = Value::NULL;
        }
        self.heap.write_barrier(obj);
        Ok(d)
    }

    /// The instance dict of `obj`, switching a map-mode instance to dict mode first (None: `obj`
    /// has no `__dict__`). For the native paths that need a real dict.
    pub fn instance_dict_mat(&mut self, obj: Value) -> PyResult<Option<Value>> {
        if self.map_of(obj) == NO_MAP {
            return Ok(self.instance_dict(obj));
        }
        let at = self.sp();
        self.push(obj);
        let r = self.materialize_dict(at);
        self.truncate(at);
        r.map(Some)
    }
}
