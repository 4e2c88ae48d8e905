//! Handle table tests: thousands of handles across hundreds of minor and major collections, stale and
//! forged tokens rejected, slots reused, and a handle to its own holder does not leak.
mod common;
use common::*;
use gc::*;

#[test]
fn thousands_of_handles_across_hundreds_of_collections() {
    let (mut h, t) = new_heap(32 << 10);
    let mut r = RootStack::default();
    let mut rng = Rng(42);
    // (token, index of the root slot holding the object, tag)
    let mut live: Vec<(u64, usize, i64)> = Vec::new();
    let mut dead: Vec<u64> = Vec::new();
    let mut released: Vec<u64> = Vec::new();
    let mut tag = 0i64;
    for round in 0..300 {
        for _ in 0..20 {
            let p = h.alloc(t.pair, 0, &mut r).unwrap();
            h.set_field(p, 8, int(tag));
            let tok = h.new_handle(p);
            assert_eq!(tok & 0xF, 0);
            assert_ne!(tok, 0);
            if rng.chance(50) {
                r.slots.push(p);
                live.push((tok, r.slots.len() - 1, tag));
                if rng.chance(20) {
                    // A second handle for the same object is a different token.
                    let tok2 = h.new_handle(p);
                    assert_ne!(tok2, tok);
                    live.push((tok2, r.slots.len() - 1, tag));
                }
            } else {
                dead.push(tok);
            }
            tag += 1;
            // Garbage to fill the nursery.
            // (Under MINIPY_GC_STRESS every allocation collects anyway: less garbage keeps the test fast.)
            let garbage = if h.config().stress > 0 { 2 } else { 10 };
            for _ in 0..garbage {
                h.alloc(t.array, 3, &mut r).unwrap();
            }
        }
        // Release a few live handles explicitly.
        for _ in 0..3 {
            if !live.is_empty() {
                let i = rng.below(live.len());
                let (tok, _, _) = live.swap_remove(i);
                h.release_handle(tok);
                released.push(tok);
            }
        }
        if round % 10 == 9 {
            h.major_collect(&mut r);
        } else {
            h.minor_collect(&mut r);
        }
        for &(tok, slot, tg) in &live {
            let v = h.from_handle(tok).expect("live handle");
            assert_eq!(v, r.slots[slot]);
            assert_eq!(h.get_field(v, 8).as_int(), tg);
        }
        for &tok in dead.iter().chain(released.iter()) {
            assert_eq!(h.from_handle(tok), None);
        }
    }
    let s = h.stats();
    assert!(
        s.minor_collections >= 300 && s.major_collections >= 30,
        "{s:?}"
    );
    assert_eq!(s.live_handles as usize, live.len());
    // Dropping every root frees every slot at the next major collection.
    r.slots.clear();
    h.major_collect(&mut r);
    assert_eq!(h.stats().live_handles, 0);
    for &(tok, _, _) in &live {
        assert_eq!(h.from_handle(tok), None);
    }
}

#[test]
fn forged_and_stale_tokens_are_rejected() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let p = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(p);
    let tok = h.new_handle(p);
    assert_eq!(h.from_handle(tok), Some(p));
    for forged in [
        0u64,
        1,
        tok + 1,
        tok + 8,
        tok + 16,
        tok | (1 << 40),
        p.0,
        r.slots[0].0,
        u64::MAX,
        !0xF,
        0x000d_eadb_eef0,
        (1u64 << 36) << 4,
    ] {
        assert_eq!(h.from_handle(forged), None, "forged token {forged:#x}");
    }
    let mut rng = Rng(7);
    for _ in 0..100_000 {
        let f = rng.next();
        if f != tok {
            assert_eq!(h.from_handle(f), None);
        }
    }
    h.release_handle(tok);
    assert_eq!(h.from_handle(tok), None);
    h.release_handle(tok); // double release is harmless
    h.release_handle(12345 << 4); // and so is releasing garbage
                                  // The slot is reused (FIFO) with a new generation: the old token stays dead.
    let tok2 = h.new_handle(r.slots[0]);
    assert_ne!(tok2, tok);
    assert_eq!(h.from_handle(tok), None);
    assert_eq!(h.from_handle(tok2), Some(r.slots[0]));
}

#[test]
fn slots_are_reused() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    for _ in 0..100 {
        let mut toks = Vec::new();
        for _ in 0..100 {
            let p = h.alloc(t.pair, 0, &mut r).unwrap();
            toks.push(h.new_handle(p));
        }
        h.minor_collect(&mut r); // all dead: slots freed
        for tok in toks {
            assert_eq!(h.from_handle(tok), None);
        }
    }
    // 10,000 handles issued, never more than 100 alive: the table stayed small.
    let p = h.alloc(t.pair, 0, &mut r).unwrap();
    let tok = h.new_handle(p);
    let idx = ((tok >> 4) & 0xFFFF_FFFF) - 1;
    assert!(idx < 200, "slot index {idx}");
    assert_eq!(h.stats().live_handles, 1);
}

#[test]
fn a_handle_held_by_its_own_target_does_not_leak() {
    // `self.h = ffi.new_handle(self)`: the table is weak, so the cycle is collected.
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let base = h.stats().live_handles;
    for i in 0..10_000 {
        let p = h.alloc(t.pair, 0, &mut r).unwrap();
        let tok = h.new_handle(p);
        h.set_field(p, 0, Value::from_int((tok >> 4) as i64).unwrap());
        h.set_field(p, 8, p);
        if i % 1000 == 0 {
            r.slots.push(p);
            h.minor_collect(&mut r); // some of them old
            r.slots.pop();
        }
    }
    h.major_collect(&mut r);
    assert_eq!(h.stats().live_handles, base);
}

#[test]
fn handles_to_large_and_old_objects() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let big = h.alloc(t.bytes, 50_000, &mut r).unwrap();
    let tb = h.new_handle(big);
    r.slots.push(big);
    let old = h.alloc_old(t.pair, 0).unwrap();
    let to = h.new_handle(old);
    r.slots.push(old);
    let big_dead = h.alloc(t.bytes, 50_000, &mut r).unwrap();
    let td = h.new_handle(big_dead);
    h.minor_collect(&mut r);
    assert_eq!(h.from_handle(tb), Some(big));
    assert_eq!(h.from_handle(to), Some(old));
    assert_eq!(h.from_handle(td), None);
    r.slots.clear();
    h.major_collect(&mut r);
    assert_eq!(h.from_handle(tb), None);
    assert_eq!(h.from_handle(to), None);
}

/// Weak references with notification: the token of a notify slot whose object dies is reported
/// once, by the collection that finds it dead (minor for a young object, major for an old one);
/// a slot released by its owner (at once, or deferred from a destructor) is never reported.
#[test]
fn weak_slots_report_dead_objects_once() {
    let (mut h, t) = new_heap(32 << 10);
    let mut r = RootStack::default();
    let keep = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(keep);
    let kept2 = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(kept2);
    let gone = h.alloc(t.pair, 0, &mut r).unwrap();
    let w_keep = h.new_weak(r.slots[0], true);
    let w_gone = h.new_weak(gone, true);
    let w_quiet = h.new_weak(gone, false);
    let w_released = h.new_weak(r.slots[1], true);
    let w_deferred = h.new_weak(r.slots[1], true);
    h.release_handle(w_released);
    release_handle_deferred(w_deferred);
    h.minor_collect(&mut r);
    assert_eq!(h.take_dead_weak(), vec![w_gone]);
    assert!(h.from_handle(w_gone).is_none() && h.from_handle(w_quiet).is_none());
    assert!(h.from_handle(w_released).is_none() && h.from_handle(w_deferred).is_none());
    assert_eq!(h.from_handle(w_keep), Some(r.slots[0]));
    h.minor_collect(&mut r);
    assert!(h.take_dead_weak().is_empty());
    // Both objects are old now: only a major collection finds them dead.
    r.slots.clear();
    h.minor_collect(&mut r);
    assert!(h.take_dead_weak().is_empty());
    h.major_collect(&mut r);
    assert_eq!(h.take_dead_weak(), vec![w_keep]);
    assert!(!h.has_dead_weak());
}
