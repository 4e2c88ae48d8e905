//! verify.rs: the heap verifier.
//!
//! `verify_full` walks everything reachable from the roots, the remembered set, the finalizer lists and
//! the handle slots, and checks that:
//! - every reference is null, a small int, or the start of a live object (current nursery below `free`,
//!   allocated old-space block, large object), with a valid type id, not FORWARDED, not poisoned;
//! - nothing points into a retired (poisoned) nursery;
//! - an old object whose `TRACK_YOUNG_PTRS` flag is set has no reference to a young object (a missed write
//!   barrier), and an old object without it is in the remembered set;
//! - remembered-set entries are old objects with the flag clear; `VISITED` is clear outside a major collection;
//! - cards (cards.rs): an old object with the flag set may reference a young object from an item only if
//!   it has `HAS_CARDS` and `CARDS_SET` and the item's card is dirty; `carded` entries are old carded
//!   objects with `CARDS_SET`, and an object with `CARDS_SET` is in `carded`, one without it has no dirty card.
//!
//! `verify_after_minor` is the cheap variant stress mode runs after every minor collection: O(objects
//! promoted by this collection). It checks the new survivors' fields (no reference into the now empty or a
//! retired nursery, a sane header) and that the remembered set and the `carded` list are empty. The root slots are range-checked
//! by the minor collection itself as it visits them (no reference into a retired nursery or into the free
//! part of the current one), so stress mode never scans the roots twice.
//! Pinned objects (pin.rs): they are intact nursery objects with `PINNED`, the pinned bytes add up, the
//! barriers are ordered; references to them are young (so an old object holding one must be
//! remembered or carded, as for any young object).
//! The verifier only reads the heap; it never changes a flag or a slot.
use crate::cards::{card_count, item_card_dirty};
use crate::config::FULL_VERIFY_EVERY;
use crate::types::trace_fields;
use crate::*;
use std::collections::HashSet;

impl Heap {
    /// Checks one reference; Ok(Some(is_young)) for an object, Ok(None) for null / int.
    fn check_value(
        &self,
        v: Value,
        nursery_objs: Option<&HashSet<usize>>,
    ) -> Result<Option<bool>, String> {
        if !v.is_ptr() {
            return Ok(None);
        }
        let p = v.0 as usize;
        if p & 7 != 0 {
            return Err(format!("misaligned reference {p:#x}"));
        }
        let young;
        if p.wrapping_sub(self.nstart) < self.nsize {
            match nursery_objs {
                Some(set) if set.contains(&p) => young = true,
                Some(_) => {
                    return Err(format!(
                        "reference {p:#x} points into the nursery but not at a live object"
                    ))
                }
                None => {
                    return Err(format!(
                        "reference {p:#x} points into the nursery after a minor collection"
                    ))
                }
            }
        } else if self.nursery.is_retired(p) {
            return Err(format!(
                "stale reference {p:#x} into a retired (poisoned) nursery"
            ));
        } else if self.old.is_object(p) || self.large.contains(p) {
            young = false;
        } else {
            return Err(format!(
                "reference {p:#x} is not a live heap object ({})",
                self.describe_addr(p as u64)
            ));
        }
        // SAFETY: p is a known object start.
        let h = unsafe { &*(p as *const GcHeader) };
        if h.tid == u32::from_ne_bytes([POISON_BYTE; 4]) {
            return Err(format!("reference {p:#x} points at poisoned memory"));
        }
        if h.flags & flags::FORWARDED != 0 {
            return Err(format!("reference {p:#x} points at a FORWARDED object"));
        }
        if h.tid as usize >= self.types.len() {
            return Err(format!("object {p:#x} has a bad type id {:#x}", h.tid));
        }
        if h.flags & flags::VISITED != 0 {
            return Err(format!(
                "object {p:#x} <{}> has VISITED set outside a collection",
                self.types[h.tid as usize].name
            ));
        }
        Ok(Some(young || h.flags & flags::YOUNG_LARGE != 0))
    }

    fn name_of(&self, p: usize) -> &'static str {
        // SAFETY: p was checked to be a live object.
        let tid = unsafe { (*(p as *const GcHeader)).tid };
        self.types.get(tid as usize).map_or("?", |t| t.name)
    }

    /// The full verifier, as run by the collector; schedules the next periodic run in stress mode: after
    /// max(FULL_VERIFY_EVERY, objects checked now) collections, so its amortized cost stays O(1) objects
    /// per collection however large the heap grows.
    pub(crate) fn verify_full(&mut self, roots: &mut dyn Roots) -> Result<(), String> {
        let r = self.verify_walk(roots);
        self.stats.full_verifications += 1;
        if let Ok(n) = r {
            self.next_full_verify = self.collections + (n as u64).max(FULL_VERIFY_EVERY);
        }
        r.map(|_| ())
    }

    /// Returns the number of objects checked.
    fn verify_walk(&mut self, roots: &mut dyn Roots) -> Result<usize, String> {
        // Nursery object starts, walking the nursery from its start.
        let mut nursery_objs = HashSet::new();
        let mut corrupt = None;
        self.for_each_nursery_object(|o, tid| {
            if tid as usize >= self.types.len() {
                corrupt.get_or_insert(format!(
                    "corrupt nursery object at {o:#x} (type id {tid:#x})"
                ));
            }
            nursery_objs.insert(o);
        });
        if let Some(e) = corrupt {
            return Err(e);
        }
        self.check_pins(&nursery_objs)?;
        let remembered: HashSet<usize> = self.remembered.iter().copied().collect();
        let mut seen = HashSet::new();
        let mut stack = Vec::new();
        let mut root_vals = Vec::new();
        roots.trace(&mut |s: &mut Value| root_vals.push(*s));
        let push = |v: Value,
                    what: &dyn Fn() -> String,
                    seen: &mut HashSet<usize>,
                    stack: &mut Vec<usize>| {
            match self.check_value(v, Some(&nursery_objs)) {
                Ok(Some(_)) => {
                    if seen.insert(v.0 as usize) {
                        stack.push(v.0 as usize);
                    }
                    Ok(())
                }
                Ok(None) => Ok(()),
                Err(e) => Err(format!("{}: {e}", what())),
            }
        };
        for (i, &v) in root_vals.iter().enumerate() {
            push(v, &|| format!("root #{i}"), &mut seen, &mut stack)?;
        }
        for (i, &p) in self.remembered.iter().enumerate() {
            let v = Value(p as u64);
            push(
                v,
                &|| format!("remembered-set entry #{i}"),
                &mut seen,
                &mut stack,
            )?;
            if self.in_nursery(v) || self.is_young(v) {
                return Err(format!("remembered-set entry #{i} ({p:#x}) is young"));
            }
            // SAFETY: checked live.
            if unsafe { (*(p as *const GcHeader)).flags } & flags::TRACK_YOUNG_PTRS != 0 {
                return Err(format!(
                    "remembered-set entry #{i} ({p:#x}) has TRACK_YOUNG_PTRS set"
                ));
            }
        }
        let carded: HashSet<usize> = self.carded.iter().copied().collect();
        if carded.len() != self.carded.len() {
            return Err("an object is listed twice in `carded`".into());
        }
        for (i, &p) in self.carded.iter().enumerate() {
            let v = Value(p as u64);
            push(v, &|| format!("carded entry #{i}"), &mut seen, &mut stack)?;
            if self.is_young(v) {
                return Err(format!("carded entry #{i} ({p:#x}) is young"));
            }
            // SAFETY: checked live.
            let fl = unsafe { (*(p as *const GcHeader)).flags };
            if fl & (flags::HAS_CARDS | flags::CARDS_SET) != flags::HAS_CARDS | flags::CARDS_SET {
                return Err(format!(
                    "carded entry #{i} ({p:#x}) lacks HAS_CARDS or CARDS_SET (flags {fl:#x})"
                ));
            }
        }
        for (i, &v) in self.pending_finalizers.iter().enumerate() {
            push(
                v,
                &|| format!("pending finalizer #{i}"),
                &mut seen,
                &mut stack,
            )?;
        }
        for (i, &p) in self
            .young_finalizers
            .iter()
            .chain(self.old_finalizers.iter())
            .enumerate()
        {
            push(
                Value(p as u64),
                &|| format!("registered finalizer #{i}"),
                &mut seen,
                &mut stack,
            )?;
        }
        for (i, s) in self.handles.slots.iter().enumerate() {
            push(
                s.obj,
                &|| format!("handle slot #{i}"),
                &mut seen,
                &mut stack,
            )?;
        }
        for &p in &self.young_with_destructors {
            if !nursery_objs.contains(&p) {
                return Err(format!(
                    "young_with_destructors entry {p:#x} is not a nursery object"
                ));
            }
        }
        while let Some(p) = stack.pop() {
            let h = p as *mut GcHeader;
            // SAFETY: p was checked to be a live object.
            let (tid, fl) = unsafe { ((*h).tid as usize, (*h).flags) };
            let parent_old = !nursery_objs.contains(&p) && fl & flags::YOUNG_LARGE == 0;
            if parent_old && fl & flags::TRACK_YOUNG_PTRS == 0 && !remembered.contains(&p) {
                return Err(format!(
                    "old object {p:#x} <{}> has TRACK_YOUNG_PTRS clear but is not in the remembered set",
                    self.types[tid].name
                ));
            }
            let tracked = parent_old && fl & flags::TRACK_YOUNG_PTRS != 0;
            let carded_obj = parent_old && fl & flags::HAS_CARDS != 0;
            if carded_obj {
                self.check_cards(p, fl, &carded)?;
            }
            // Items of a carded object with a dirty card may reference young objects.
            let (items_lo, items_hi) = if carded_obj && fl & flags::CARDS_SET != 0 {
                let lo = p + HEADER_SIZE + self.types[tid].fixed_size;
                // SAFETY: a carded object's payload starts with its length.
                (lo, lo + 8 * unsafe { *((p + HEADER_SIZE) as *const usize) })
            } else {
                (0, 0)
            };
            let mut fields = Vec::new();
            // SAFETY: live object; the visitor only copies the slots.
            unsafe {
                trace_fields(&self.types[tid], h, &mut |s: &mut Value| {
                    fields.push((s as *mut Value as usize, *s))
                })
            };
            for (addr, v) in fields {
                // Slots reached by custom_trace may live outside the object (e.g. in a Rust Vec).
                let off = addr.wrapping_sub(p + HEADER_SIZE) as isize;
                let what = || {
                    format!(
                        "field at payload offset {off} of {p:#x} <{}>",
                        self.types[tid].name
                    )
                };
                match self.check_value(v, Some(&nursery_objs)) {
                    Err(e) => return Err(format!("{}: {e}", what())),
                    Ok(None) => {}
                    Ok(Some(young)) => {
                        // SAFETY: addr is item (addr - items_lo) / 8 of the carded object p.
                        let covered = addr >= items_lo
                            && addr < items_hi
                            && unsafe { item_card_dirty(p, (addr - items_lo) / 8) };
                        if tracked && young && !covered {
                            return Err(format!(
                                "missed write barrier: old object {p:#x} <{}> (not remembered) references young object {:#x} <{}> at payload offset {off}",
                                self.types[tid].name,
                                v.0,
                                self.name_of(v.0 as usize)
                            ));
                        }
                        if seen.insert(v.0 as usize) {
                            stack.push(v.0 as usize);
                        }
                    }
                }
            }
        }
        Ok(seen.len())
    }

    /// Pinned objects (pin.rs) are intact nursery objects with `PINNED`, their bytes add up, and the
    /// barriers are sorted, disjoint and inside the nursery.
    fn check_pins(&self, nursery_objs: &HashSet<usize>) -> Result<(), String> {
        let mut bytes = 0;
        for (&p, &c) in &self.pins {
            if !nursery_objs.contains(&p) || c == 0 {
                return Err(format!(
                    "pinned object {p:#x} (count {c}) is not a live nursery object"
                ));
            }
            // SAFETY: p is a nursery object start (checked just above).
            let h = unsafe { &*(p as *const GcHeader) };
            if h.flags & flags::PINNED == 0 || h.flags & flags::FORWARDED != 0 {
                return Err(format!(
                    "pinned object {p:#x} <{}> has flags {:#x}",
                    self.name_of(p),
                    h.flags
                ));
            }
            bytes += self.object_size(Value(p as u64));
        }
        if bytes != self.pinned_bytes {
            return Err(format!(
                "pinned bytes {} but the pinned objects add up to {bytes}",
                self.pinned_bytes
            ));
        }
        let mut at = self.nstart;
        for &(s, e) in &self.barriers {
            if s < at || e > self.nstart + self.nsize || !nursery_objs.contains(&s) {
                return Err(format!(
                    "barrier {s:#x}..{e:#x} out of order or not a nursery object"
                ));
            }
            at = e;
        }
        Ok(())
    }

    /// The card invariants of the old carded object `p` (flags `fl`): with `CARDS_SET` it is listed in
    /// `carded`; without it every card is clean. O(cards).
    fn check_cards(&self, p: usize, fl: u32, carded: &HashSet<usize>) -> Result<(), String> {
        let name = self.name_of(p);
        if fl & flags::CARDS_SET != 0 {
            if !carded.contains(&p) {
                return Err(format!(
                    "old object {p:#x} <{name}> has CARDS_SET but is not in the carded list"
                ));
            }
            return Ok(());
        }
        let n = card_count(self.len(Value(p as u64)));
        // SAFETY: a carded object has n card bytes just before its header.
        let cards = unsafe { std::slice::from_raw_parts((p - n) as *const u8, n) };
        if let Some(j) = cards.iter().position(|&b| b != 0) {
            return Err(format!(
                "old object {p:#x} <{name}> has dirty card {} but CARDS_SET clear",
                n - 1 - j
            ));
        }
        Ok(())
    }

    /// The cheap per-reference check of `verify_after_minor`: no reference into the (empty) nursery or a
    /// retired one, and a sane header (valid type, not forwarded, not freed, not poisoned). No set lookups.
    #[inline]
    fn check_value_fast(&self, v: Value, aging: bool) -> Result<(), String> {
        if !v.is_ptr() {
            return Ok(());
        }
        let p = v.0 as usize;
        if p & 7 != 0 {
            return Err(format!("misaligned reference {p:#x}"));
        }
        if p.wrapping_sub(self.nstart) < self.nsize
            && !(aging && p < self.free)
            && !self.is_barrier(p)
        {
            return Err(format!(
                "reference {p:#x} points into the nursery after a minor collection"
            ));
        }
        if self.nursery.is_retired(p) {
            return Err(format!(
                "stale reference {p:#x} into a retired (poisoned) nursery"
            ));
        }
        // SAFETY: a reference the client holds; a freed old-space block still has a readable header.
        let h = unsafe { &*(p as *const GcHeader) };
        if h.tid as usize >= self.types.len() || h.flags & (flags::FORWARDED | flags::VISITED) != 0
        {
            return Err(format!(
                "reference {p:#x} is not a live object (tid {:#x}, flags {:#x}: freed, poisoned or forwarded)",
                h.tid, h.flags
            ));
        }
        Ok(())
    }

    /// `aging`: the moving stress mode kept survivors in the nursery (`[nstart, free)`), which old objects
    /// in the remembered set may reference.
    pub(crate) fn verify_after_minor(
        &mut self,
        survivors: &[usize],
        aging: bool,
    ) -> Result<(), String> {
        // Old objects referencing pinned (or aging) objects stay remembered.
        let aging_or_pinned = aging || !self.barriers.is_empty();
        if !self.remembered.is_empty() && !aging_or_pinned {
            return Err("remembered set not empty after a minor collection".into());
        }
        if !self.carded.is_empty() && !aging_or_pinned {
            return Err("carded list not empty after a minor collection".into());
        }
        for (i, &v) in self.pending_finalizers.iter().enumerate() {
            self.check_value_fast(v, aging)
                .map_err(|e| format!("pending finalizer #{i}: {e}"))?;
        }
        for &p in survivors {
            let h = p as *mut GcHeader;
            self.check_value_fast(Value(p as u64), aging)
                .map_err(|e| format!("survivor: {e}"))?;
            if !aging_or_pinned {
                self.check_value(Value(p as u64), None)
                    .map_err(|e| format!("survivor: {e}"))?;
            }
            // SAFETY: survivors are live objects promoted by this collection.
            let tid = unsafe { (*h).tid } as usize;
            let mut err = None;
            // SAFETY: as above; the visitor only reads the slots.
            unsafe {
                trace_fields(&self.types[tid], h, &mut |s: &mut Value| {
                    if err.is_none() {
                        err = self.check_value_fast(*s, aging).err();
                    }
                })
            };
            if let Some(e) = err {
                return Err(format!(
                    "field of survivor {p:#x} <{}>: {e}",
                    self.types[tid].name
                ));
            }
        }
        Ok(())
    }
}
