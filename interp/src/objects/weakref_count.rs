//! `weakref.getweakrefcount(o)` / `weakref.getweakrefs(o)`: which weak references to `o` are alive.
//! CPython walks the referent's weakref list; a minipy referent has no such list (a weakref holds
//! its referent through its own weak slot of the heap's handle table), so the VM keeps
//! `weakrefs_by_id`: the referent's stable id (`heap.id_of`) -> weak tokens of the weakref objects
//! made for it (`note_weakref`, called by `ref.__new__`).
//!
//! Invariants: an entry's tokens are released when found dead (the weakref died, or its referent
//! did: ids of dead objects are reused, so a lookup also checks that the weakref still refers to
//! the object asked about). The map is swept when it has doubled since its last sweep, as
//! `weak_callbacks` is, so it stays proportional to the live weakrefs.

use super::weakref::referent;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

impl Vm {
    /// Records the new weakref `w` to `o` (no GC point: ids and weak slots are not allocations).
    pub fn note_weakref(&mut self, o: Value, w: Value) {
        let id = self.heap.id_of(o);
        let me = self.heap.new_weak(w, false);
        self.weakrefs_by_id.entry(id).or_default().push(me);
        if self.weakrefs_by_id.len() > 2 * self.weakrefs_by_id_swept.max(64) {
            self.sweep_weakref_ids();
        }
    }

    /// Drops the dead tokens of every entry, and entries left empty.
    fn sweep_weakref_ids(&mut self) {
        let mut map = std::mem::take(&mut self.weakrefs_by_id);
        for tokens in map.values_mut() {
            tokens.retain(|&t| self.weakref_token_target(t).is_some());
        }
        map.retain(|_, t| !t.is_empty());
        self.weakrefs_by_id_swept = map.len();
        self.weakrefs_by_id = map;
    }

    /// The referent of the weakref behind `token`; None (and the token released) when the weakref
    /// or its referent died.
    fn weakref_token_target(&mut self, token: u64) -> Option<Value> {
        let r = self.heap.from_handle(token).and_then(|w| referent(self, w));
        if r.is_none() {
            self.heap.release_handle(token);
        }
        r
    }

    /// The live weakrefs to `o`, oldest first.
    pub fn weakrefs_to(&mut self, o: Value) -> Vec<Value> {
        if !o.is_ptr() {
            return Vec::new();
        }
        let id = self.heap.id_of(o);
        let Some(tokens) = self.weakrefs_by_id.remove(&id) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut keep = Vec::new();
        for t in tokens {
            // a live weakref whose referent is another object reusing a dead one's id stays
            if let Some(r) = self.weakref_token_target(t) {
                if r == o {
                    out.extend(self.heap.from_handle(t));
                }
                keep.push(t);
            }
        }
        if !keep.is_empty() {
            self.weakrefs_by_id.insert(id, keep);
        }
        out
    }
}

/// `getweakrefcount(o)`
pub fn getweakrefcount(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let o = one(vm, &a, "getweakrefcount")?;
    let n = vm.weakrefs_to(o).len();
    vm.new_int(n as i64)
}

/// `getweakrefs(o)`: a list of the live weakrefs to o.
pub fn getweakrefs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let o = one(vm, &a, "getweakrefs")?;
    let refs = vm.weakrefs_to(o);
    // no GC point since the weakrefs were read: push them before the list allocation
    let base = vm.sp();
    for w in refs {
        vm.push(w);
    }
    let n = vm.sp() - base;
    vm.new_list_from_stack(n)
}

fn one(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Value> {
    if a.n != 1 || vm.npos(a) != 1 {
        return Err(vm.type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            a.n
        )));
    }
    Ok(vm.arg(a, 0))
}
