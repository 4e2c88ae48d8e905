//! One test per mechanism, on the test object model of `common`.
mod common;
use common::*;
use gc::*;

#[test]
fn alloc_is_zeroed_and_typed() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let p = h.alloc(t.pair, 0, &mut r).unwrap();
    assert_eq!(h.tid(p), t.pair);
    assert!(h.get_field(p, 0).is_null() && h.get_field(p, 8).is_null());
    let a = h.alloc(t.array, 10, &mut r).unwrap();
    assert_eq!(h.len(a), 10);
    for i in 0..10 {
        assert!(h.get_field(a, item_off(i)).is_null());
    }
    assert_eq!(h.generation(a), Generation::Young);
    assert_eq!(h.generation(int(3)), Generation::Immediate);
}

#[test]
fn minor_moves_and_updates_roots() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let p = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(p);
    let q = h.alloc(t.pair, 0, &mut r).unwrap();
    let p = r.slots[0];
    h.set_field(p, 0, q);
    h.set_field(p, 8, int(42));
    h.set_field(q, 0, p); // cycle
    let before = r.slots[0];
    let was_young = h.in_nursery(before); // not under MINIPY_GC_STRESS: allocating q promoted p
    h.minor_collect(&mut r);
    let p2 = r.slots[0];
    assert_eq!(p2 != before, was_young);
    assert!(!h.in_nursery(p2));
    assert_eq!(h.generation(p2), Generation::Old);
    let q2 = h.get_field(p2, 0);
    assert!(!h.in_nursery(q2));
    assert_eq!(h.get_field(q2, 0), p2);
    assert_eq!(h.get_field(p2, 8).as_int(), 42);
    h.verify(&mut r).unwrap();
    assert!(h.stats().objects_promoted >= 2);
}

#[test]
fn young_destructors_run_once_for_the_dead_only() {
    reset_drops();
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    for i in 0..100 {
        let d = new_dropper(&mut h, &t, i, &mut r);
        if i % 2 == 0 {
            r.slots.push(d);
        }
    }
    h.minor_collect(&mut r);
    for i in 0..100 {
        assert_eq!(was_dropped(i), i % 2 == 1, "serial {i}");
    }
    r.slots.clear();
    h.major_collect(&mut r);
    assert_eq!(drop_count(), 100);
    h.major_collect(&mut r);
    assert_eq!(drop_count(), 100);
}

#[test]
fn barrier_keeps_young_objects_alive_from_old_ones() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let old = h.alloc(t.array, 4, &mut r).unwrap();
    r.slots.push(old);
    h.minor_collect(&mut r);
    let old = r.slots[0];
    assert!(!h.in_nursery(old));
    let b = h.alloc(t.bytes, 5, &mut r).unwrap();
    set_bytes(&h, b, b"hello");
    let old = r.slots[0];
    h.set_field(old, item_off(2), b);
    h.verify(&mut r).unwrap();
    h.minor_collect(&mut r);
    let old = r.slots[0];
    let b2 = h.get_field(old, item_off(2));
    assert!(!h.in_nursery(b2));
    assert_eq!(get_bytes(&h, b2), b"hello");
    h.verify(&mut r).unwrap();
}

#[test]
fn verifier_catches_a_missed_barrier() {
    let mut c = config(64 << 10);
    c.stress = 0;
    c.verify = false;
    let mut h = Heap::new(c);
    let t = register(&mut h);
    let mut r = RootStack::default();
    let old = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(old);
    h.minor_collect(&mut r);
    let young = h.alloc(t.pair, 0, &mut r).unwrap();
    let old = r.slots[0];
    // A raw store without the barrier.
    // SAFETY: `old` was just re-read from the roots after the last GC point and has a Value at offset 0;
    // skipping the barrier is the point of the test.
    unsafe { *(h.payload(old) as *mut Value) = young };
    let e = h.verify(&mut r).unwrap_err();
    assert!(e.contains("missed write barrier"), "{e}");
    // Repair (so that drop and later checks stay sane).
    h.write_barrier(old);
    h.verify(&mut r).unwrap();
}

#[test]
fn verifier_catches_references_to_dead_objects() {
    let mut c = config(64 << 10);
    c.stress = 0;
    c.verify = false;
    let mut h = Heap::new(c);
    let t = register(&mut h);
    let mut r = RootStack::default();
    let p = h.alloc(t.pair, 0, &mut r).unwrap();
    h.minor_collect(&mut r); // p died, its address is stale now
    r.slots.push(p);
    let e = h.verify(&mut r).unwrap_err();
    assert!(e.contains("root #0"), "{e}");
    r.slots.clear();
}

#[test]
fn born_old_objects_may_be_filled_without_barrier() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    for i in 0..50 {
        let p = h.alloc(t.pair, 0, &mut r).unwrap();
        h.set_field(p, 8, int(i));
        r.slots.push(p);
    }
    // No GC point from here to the stores: raw stores into the born-remembered array are fine.
    let arr = h.alloc_old(t.array, 50).unwrap();
    for i in 0..50 {
        // SAFETY: `arr` is an old array of 50 items allocated above with no GC point since, so item i is in
        // bounds (R3 born-remembered store).
        unsafe { *(h.payload(arr).add(item_off(i)) as *mut Value) = r.slots[i] };
    }
    r.slots.clear();
    r.slots.push(arr);
    h.minor_collect(&mut r);
    let arr = r.slots[0];
    for i in 0..50 {
        let p = h.get_field(arr, item_off(i));
        assert_eq!(h.get_field(p, 8).as_int(), i as i64);
    }
    h.verify(&mut r).unwrap();
}

#[test]
fn large_objects_never_move_and_die_young() {
    let (mut h, t) = new_heap(64 << 10); // large threshold: 8 KiB
    let mut r = RootStack::default();
    let big = h.alloc(t.bytes, 100_000, &mut r).unwrap();
    assert_eq!(h.generation(big), Generation::Large);
    assert!(h.is_young(big));
    let data: Vec<u8> = (0..100_000).map(|i| (i % 251) as u8).collect();
    set_bytes(&h, big, &data);
    r.slots.push(big);
    let holder = h.alloc_old(t.array, 1).unwrap();
    r.slots.push(holder);
    let bigarr = h.alloc(t.array, 5000, &mut r).unwrap();
    let bigarr_addr = bigarr;
    let holder = r.slots[1];
    h.set_field(holder, item_off(0), bigarr);
    let p = h.alloc(t.pair, 0, &mut r).unwrap();
    let bigarr = h.get_field(r.slots[1], item_off(0));
    h.set_field(bigarr, item_off(4999), p);
    let dead_big = h.alloc(t.bytes, 200_000, &mut r).unwrap();
    let _ = dead_big;
    let before = h.stats().large_objects;
    assert_eq!(before, 3);
    h.minor_collect(&mut r);
    assert_eq!(
        h.stats().large_objects,
        2,
        "the unreachable young large object is freed"
    );
    assert_eq!(r.slots[0], big, "large objects never move");
    assert_eq!(get_bytes(&h, r.slots[0]), data);
    let bigarr = h.get_field(r.slots[1], item_off(0));
    assert_eq!(bigarr, bigarr_addr);
    assert!(!h.is_young(bigarr));
    let p2 = h.get_field(bigarr, item_off(4999));
    assert!(!h.in_nursery(p2));
    h.verify(&mut r).unwrap();
    // Old large object gets a young reference through the barrier.
    let q = h.alloc(t.pair, 0, &mut r).unwrap();
    let bigarr = h.get_field(r.slots[1], item_off(0));
    h.set_field(bigarr, item_off(10), q);
    h.minor_collect(&mut r);
    h.verify(&mut r).unwrap();
    r.slots.clear();
    h.major_collect(&mut r);
    assert_eq!(h.stats().large_objects, 0);
    assert_eq!(h.stats().large_bytes, 0);
}

#[test]
fn cycles_are_collected_by_major() {
    reset_drops();
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    for i in 0..1000u64 {
        let a = new_dropper(&mut h, &t, 2 * i, &mut r);
        r.slots.push(a);
        let b = new_dropper(&mut h, &t, 2 * i + 1, &mut r);
        let a = r.slots.pop().unwrap();
        h.set_field(a, 8, b);
        h.set_field(b, 8, a);
        r.slots.push(a);
        if i % 100 == 0 {
            h.minor_collect(&mut r);
        }
    }
    h.minor_collect(&mut r);
    let old = h.stats().old_bytes;
    assert!(old > 0);
    r.slots.truncate(10);
    h.major_collect(&mut r);
    assert_eq!(drop_count(), 2000 - 20);
    assert!(h.stats().old_bytes < old / 10);
    h.verify(&mut r).unwrap();
}

#[test]
fn identity_is_stable_across_moves() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let p = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(p);
    let id = h.id_of(p);
    assert_eq!(h.id_of(p), id);
    assert!(h.in_nursery(r.slots[0]));
    let a = h.alloc(t.array, 3, &mut r).unwrap();
    let ida = h.id_of(a); // dies young: its shadow is freed
    let _ = ida;
    h.minor_collect(&mut r);
    assert_eq!(r.slots[0].0, id, "the shadow became the object's address");
    assert_eq!(h.id_of(r.slots[0]), id);
    h.major_collect(&mut r);
    assert_eq!(h.id_of(r.slots[0]), id);
    h.verify(&mut r).unwrap();
}

#[test]
fn stable_payload_does_not_move() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let b = h.alloc(t.bytes, 11, &mut r).unwrap();
    set_bytes(&h, b, b"hello world");
    r.slots.push(b);
    let sp = h.stable_payload(b);
    // SAFETY: `sp` is the stable payload of a bytes object of length 11 (len word, then the data), kept
    // alive by the roots.
    let read = |sp: *mut u8| unsafe { std::slice::from_raw_parts(sp.add(8), 11).to_vec() };
    assert_eq!(read(sp), b"hello world");
    h.minor_collect(&mut r);
    assert_eq!(h.payload(r.slots[0]), sp);
    assert_eq!(read(sp), b"hello world");
    h.major_collect(&mut r);
    assert_eq!(h.stable_payload(r.slots[0]), sp);
}

#[test]
fn custom_trace_and_drop() {
    reset_drops();
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let v = h.alloc(t.vecobj, 0, &mut r).unwrap();
    let bx: Box<Vec<Value>> = Box::default();
    // SAFETY: `v` was just allocated (no GC point since); its payload is one pointer-sized word.
    unsafe { *(h.payload(v) as *mut *mut Vec<Value>) = Box::into_raw(bx) };
    r.slots.push(v);
    for i in 0..20 {
        let p = h.alloc(t.pair, 0, &mut r).unwrap();
        h.set_field(p, 0, int(i));
        let v = r.slots[0];
        h.write_barrier(v);
        // SAFETY: `v` was re-read from the roots after the last allocation; its payload holds the Box<Vec>
        // stored above.
        unsafe { (**(h.payload(v) as *mut *mut Vec<Value>)).push(p) };
    }
    h.minor_collect(&mut r);
    h.major_collect(&mut r);
    let v = r.slots[0];
    // SAFETY: `v` was re-read from the roots after the collections; its payload holds the Box<Vec> stored
    // above.
    let items = unsafe { (*(*(h.payload(v) as *mut *mut Vec<Value>))).clone() };
    for (i, p) in items.iter().enumerate() {
        assert_eq!(h.get_field(*p, 0).as_int(), i as i64);
    }
    h.verify(&mut r).unwrap();
    r.slots.clear();
    h.major_collect(&mut r);
    assert_eq!(drop_count(), 1);
}

#[test]
fn finalizers_resurrect_and_queue() {
    reset_drops();
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let f = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(f);
    let d = new_dropper(&mut h, &t, 7, &mut r);
    let f = r.slots[0];
    h.set_field(f, 0, d);
    h.register_finalizer(f);
    h.register_finalizer(f); // idempotent
    r.slots.clear();
    h.minor_collect(&mut r); // finalizer objects survive minor collections
    assert!(!h.has_pending_finalizers());
    assert!(!was_dropped(7));
    h.major_collect(&mut r);
    assert!(h.has_pending_finalizers());
    assert!(!was_dropped(7), "what the finalizer can reach stays alive");
    let f = h.pop_finalizer().unwrap();
    assert!(h.pop_finalizer().is_none());
    let d = h.get_field(f, 0);
    assert_eq!(serial_of(&h, d), 7);
    // Resurrect it for one more cycle, then drop it: it is not re-registered.
    r.slots.push(f);
    h.major_collect(&mut r);
    assert!(!h.has_pending_finalizers());
    r.slots.clear();
    h.major_collect(&mut r);
    assert!(!h.has_pending_finalizers());
    assert!(was_dropped(7));
    assert_eq!(h.stats().finalizers_queued, 1);
}

#[test]
fn a_dead_cycle_of_finalizable_objects_is_queued_at_once() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let a = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(a);
    let b = h.alloc(t.pair, 0, &mut r).unwrap();
    let a = r.slots[0];
    h.set_field(a, 0, b);
    h.set_field(b, 0, a);
    h.register_finalizer(a);
    h.register_finalizer(b);
    assert_eq!(h.finalizers_registered(), 2);
    r.slots.clear();
    // Both are found dead by one collection (each reaches the other: queueing one and marking what it
    // reaches before looking at the other would postpone the second to the next collection).
    let found = h.collect_counting(&mut r, true);
    assert_eq!(found, 2);
    assert_eq!(h.finalizers_registered(), 0);
    assert!(h.pop_finalizer().is_some());
    assert!(h.pop_finalizer().is_some());
    assert!(h.pop_finalizer().is_none());
    // Nothing left: popped objects are garbage now, and the collection counts them.
    let found = h.collect_counting(&mut r, true);
    assert_eq!(found, 2);
}

#[test]
fn disabled_heap_never_collects() {
    let mut c = config(16 << 10);
    c.stress = 0;
    let mut h = Heap::new(c);
    let t = register(&mut h);
    let mut r = RootStack::default();
    h.set_enabled(false);
    assert!(!h.is_enabled());
    let mut kept = Vec::new();
    for i in 0..5000 {
        let p = h.alloc(t.pair, 0, &mut r).unwrap();
        h.set_field(p, 8, int(i));
        kept.push(p); // unrooted, but nothing moves while disabled
    }
    assert_eq!(h.stats().minor_collections, 0);
    for (i, p) in kept.iter().enumerate() {
        assert_eq!(h.get_field(*p, 8).as_int(), i as i64);
    }
    h.set_enabled(true);
    r.slots.extend(kept.iter().copied());
    h.minor_collect(&mut r);
    for (i, p) in r.slots.iter().enumerate() {
        assert_eq!(h.get_field(*p, 8).as_int(), i as i64);
    }
    h.verify(&mut r).unwrap();
}

#[test]
fn allocation_triggers_minor_and_major() {
    let (mut h, t) = new_heap(16 << 10);
    let mut r = RootStack::default();
    let keep = h.alloc(t.array, 100, &mut r).unwrap();
    r.slots.push(keep);
    for i in 0..200_000usize {
        let p = h.alloc(t.pair, 0, &mut r).unwrap();
        if i % 7 == 0 {
            let keep = r.slots[0];
            h.set_field(keep, item_off(i % 100), p);
        }
    }
    let s = h.stats();
    assert!(s.minor_collections > 50, "{s:?}");
    if h.config().age == 0 {
        // (In the moving stress mode most garbage dies in the nursery: no major collection is needed.)
        assert!(s.major_collections > 0, "{s:?}");
    }
    assert!(
        s.old_bytes < 1 << 20,
        "garbage promoted objects are reclaimed: {s:?}"
    );
    h.verify(&mut r).unwrap();
}

#[test]
fn external_bytes_trigger_major() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    for _ in 0..100 {
        let _ = h.alloc(t.pair, 0, &mut r).unwrap();
        h.add_external_bytes(100_000);
        gc::external_bytes_freed(0);
        h.sub_external_bytes(100_000);
    }
    for _ in 0..100 {
        let _ = h.alloc(t.pair, 0, &mut r).unwrap();
        h.add_external_bytes(100_000);
    }
    assert!(h.stats().major_collections > 0);
}

/// External memory freed by finalizers after the major collection that found its owners dead must
/// not inflate the next trigger: else a loop of `ffi.gc(malloc(n), free, size=n)` doubles its
/// trigger at every major collection (the memory is counted at the major, released just after).
#[test]
fn released_external_bytes_lower_the_trigger() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let chunk = 1 << 20;
    let mut held = 0usize; // external bytes of "objects queued for finalization"
    let mut peak_trigger = 0u64;
    for _ in 0..2000 {
        h.add_external_bytes(chunk);
        held += chunk;
        let majors = h.stats().major_collections;
        let _ = h.alloc(t.pair, 0, &mut r).unwrap();
        if h.stats().major_collections != majors {
            peak_trigger = peak_trigger.max(h.stats().next_major_bytes);
            // the finalizers of everything held run after the collection and release it
            h.sub_external_bytes(held);
            held = 0;
        }
    }
    let s = h.stats();
    assert!(s.major_collections > 10, "{s:?}");
    assert!(
        s.next_major_bytes < 64 << 20,
        "the trigger stays near factor x the live heap: {s:?}"
    );
    // the trigger computed at a major collection counts the held bytes; it is lowered at release
    assert!(peak_trigger > s.next_major_bytes, "{s:?}");
    h.verify(&mut r).unwrap();
}

#[test]
fn deep_structures_do_not_recurse() {
    let (mut h, t) = new_heap(1 << 20);
    let mut r = RootStack::default();
    r.slots.push(Value::NULL);
    for i in 0..300_000 {
        let p = h.alloc(t.pair, 0, &mut r).unwrap();
        h.set_field(p, 0, r.slots[0]);
        h.set_field(p, 8, int(i));
        r.slots[0] = p;
    }
    h.major_collect(&mut r);
    let mut n = 0;
    let mut p = r.slots[0];
    while !p.is_null() {
        n += 1;
        p = h.get_field(p, 0);
    }
    assert_eq!(n, 300_000);
}

#[test]
fn describe_addr_classifies() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let p = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(p);
    assert!(h
        .describe_addr(p.0)
        .contains("current nursery, live object <pair>"));
    assert!(h.describe_addr(p.0 + 8).contains("inside"));
    h.minor_collect(&mut r);
    let d = h.describe_addr(p.0);
    assert!(!d.contains("live object"), "{d}");
    assert!(h
        .describe_addr(r.slots[0].0)
        .contains("old space object <pair>"));
    assert_eq!(h.describe_addr(8), "unknown");
}

#[test]
fn trace_file_gets_one_json_line_per_collection() {
    let path = std::env::temp_dir().join(format!("minipy-gc-trace-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let mut c = config(64 << 10);
    c.stress = 0;
    c.trace_file = Some(path.to_str().unwrap().to_string());
    let mut h = Heap::new(c);
    let t = register(&mut h);
    let mut r = RootStack::default();
    let p = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(p);
    h.minor_collect(&mut r);
    h.major_collect(&mut r);
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("{\"kind\":\"minor\"") && lines[0].contains("\"survivors\":1"));
    assert!(lines[2].starts_with("{\"kind\":\"major\"") && lines[2].contains("\"old_after\""));
    let _ = std::fs::remove_file(&path);
}

#[test]
fn stress_mode_collects_at_every_allocation() {
    let mut c = config(64 << 10);
    c.stress = 1;
    let mut h = Heap::new(c);
    let t = register(&mut h);
    let mut r = RootStack::default();
    for i in 0..1000 {
        let p = h.alloc(t.pair, 0, &mut r).unwrap();
        h.set_field(p, 8, int(i));
        r.slots.push(p);
    }
    assert!(h.stats().minor_collections >= 999);
    for (i, p) in r.slots.iter().enumerate() {
        assert_eq!(h.get_field(*p, 8).as_int(), i as i64);
    }
    let mut c = config(64 << 10);
    c.stress = 10;
    let mut h = Heap::new(c);
    let t = register(&mut h);
    let mut r2 = RootStack::default();
    for _ in 0..1000 {
        h.alloc(t.pair, 0, &mut r2).unwrap();
    }
    let n = h.stats().minor_collections;
    assert!((99..=101).contains(&n), "{n}");
    r.slots.clear();
}

#[cfg(debug_assertions)]
#[test]
#[should_panic(expected = "stale GC reference")]
fn debug_builds_catch_stale_references() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    let p = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(p);
    h.minor_collect(&mut r);
    let _ = h.get_field(p, 0); // p moved: stale
}

#[test]
fn config_defaults_and_sizes() {
    let c = GcConfig::default();
    assert_eq!(c.nursery_size, DEFAULT_NURSERY);
    assert!((c.major_factor - 1.82).abs() < 1e-9);
    assert_eq!(parse_size("256k").unwrap(), 256 << 10);
    let h = Heap::new(GcConfig {
        nursery_size: 10,
        ..GcConfig::default()
    });
    assert_eq!(h.config().nursery_size, MIN_NURSERY);
}

#[test]
fn moving_stress_mode_moves_young_objects_until_their_age() {
    let mut c = config(16 << 10);
    c.age = 3;
    c.stress = 0; // collections only when the nursery fills: the loop below counts them
    let mut h = Heap::new(c);
    let t = register(&mut h);
    let mut r = RootStack::default();
    let keep = h.alloc_old(t.array, 4).unwrap(); // old, references young objects
    r.slots.push(keep);
    let p = h.alloc(t.pair, 0, &mut r).unwrap();
    h.set_field(p, 8, int(42));
    h.set_field(keep, item_off(0), p);
    let d = new_dropper(&mut h, &t, 777, &mut r); // a GC point: re-read p from its root below
    r.slots.push(d);
    let p = h.get_field(r.slots[0], item_off(0));
    let token = h.new_handle(p);
    let mut addrs = vec![p.0];
    // Allocation-triggered collections: fill the nursery with garbage.
    let mut last = h.stats().minor_collections;
    let target = last + 5;
    while h.stats().minor_collections < target {
        let _ = h.alloc(t.pair, 0, &mut r).unwrap();
        if h.stats().minor_collections != last {
            last = h.stats().minor_collections;
            let now = h.get_field(r.slots[0], item_off(0));
            assert_eq!(
                h.from_handle(token),
                Some(now),
                "the handle follows every move"
            );
            assert_eq!(h.get_field(now, 8).as_int(), 42);
            addrs.push(now.0);
            h.verify(&mut r).unwrap();
        }
    }
    // Moved at each collection: 3 times within the nursery, then promoted by the 4th; old from then on.
    for i in 1..=4 {
        assert_ne!(
            addrs[i],
            addrs[i - 1],
            "moves at each collection: {addrs:x?}"
        );
    }
    assert_eq!(addrs[5], addrs[4], "old objects do not move: {addrs:x?}");
    let now = h.get_field(r.slots[0], item_off(0));
    assert_eq!(h.generation(now), Generation::Old);
    assert!(
        !was_dropped(777),
        "a live young object's destructor does not run when it moves"
    );
    r.slots.pop();
    h.major_collect(&mut r);
    assert!(was_dropped(777));
    // gc.collect(0)-style minor collections promote everything at once.
    let q = h.alloc(t.pair, 0, &mut r).unwrap();
    r.slots.push(q);
    h.minor_collect(&mut r);
    assert_eq!(h.generation(r.slots[1]), Generation::Old);
}

#[test]
#[should_panic(expected = "GC point inside a NoGcScope")]
fn no_gc_scope_rejects_a_collection() {
    let (mut h, _t) = new_heap(16 << 10);
    let mut r = RootStack::default();
    let _g = NoGcScope::new();
    h.minor_collect(&mut r);
}

#[test]
fn no_gc_scope_ends_with_its_guard() {
    let (mut h, t) = new_heap(16 << 10);
    let mut r = RootStack::default();
    {
        let _g = NoGcScope::new();
        assert!(in_no_gc_scope());
    }
    assert!(!in_no_gc_scope());
    let _ = h.alloc(t.pair, 0, &mut r).unwrap();
    h.minor_collect(&mut r);
}

/// A client that only allocates outside the nursery (old-generation objects owning malloc'd memory)
/// never reaches the allocation slow path: `poll` is where its requested collection runs.
#[test]
fn poll_runs_a_requested_collection_without_allocating() {
    let (mut h, _t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    h.poll(&mut r);
    assert_eq!(h.stats().major_collections, 0, "nothing was requested");
    for _ in 0..100 {
        h.add_external_bytes(1 << 20);
        h.poll(&mut r);
        gc::external_bytes_freed(1 << 20); // the owner died: its destructor reports the memory
    }
    let s = h.stats();
    assert!(s.major_collections > 0, "{s:?}");
    assert!(s.external_bytes < 64 << 20, "{s:?}");
}

/// Young owners of big malloc'd buffers (fresh big ints, cdata): once a nursery's worth of external
/// memory was charged since the last minor collection, the next allocation runs one, so the memory
/// of the dead owners comes back long before the major trigger (at least `MIN_MAJOR_NURSERIES` nurseries).
#[test]
fn external_charges_trigger_a_minor_collection() {
    let (mut h, t) = new_heap(64 << 10);
    if h.config().stress > 0 {
        return; // collections at every allocation: the counts below do not apply
    }
    let mut r = RootStack::default();
    let _ = h.alloc(t.pair, 0, &mut r).unwrap();
    h.add_external_bytes(32 << 10);
    let _ = h.alloc(t.pair, 0, &mut r).unwrap();
    assert_eq!(
        h.stats().minor_collections,
        0,
        "half a nursery: no collection yet"
    );
    h.add_external_bytes(40 << 10);
    let _ = h.alloc(t.pair, 0, &mut r).unwrap();
    let s = h.stats();
    assert_eq!(s.minor_collections, 1, "{s:?}");
    assert_eq!(s.major_collections, 0, "{s:?}");
    // the count restarts after the collection
    let _ = h.alloc(t.pair, 0, &mut r).unwrap();
    assert_eq!(h.stats().minor_collections, 1);
}

/// Young objects with destructors own memory the heap does not see (a cdata's Rust side and buffer):
/// once nursery / `DROP_OWNED_ESTIMATE` of them were allocated since the last minor collection, the
/// next allocation runs one, so the dead ones' memory comes back before the nursery fills.
#[test]
fn young_objects_with_destructors_trigger_a_minor_collection() {
    reset_drops();
    let (mut h, t) = new_heap(64 << 10);
    if h.config().stress > 0 {
        return; // collections at every allocation: the counts below do not apply
    }
    let cap = (64 << 10) / gc::DROP_OWNED_ESTIMATE;
    let mut r = RootStack::default();
    for i in 0..cap as u64 - 1 {
        let _ = new_dropper(&mut h, &t, i, &mut r);
    }
    let _ = h.alloc(t.pair, 0, &mut r).unwrap();
    assert_eq!(h.stats().minor_collections, 0, "below the cap");
    let _ = new_dropper(&mut h, &t, cap as u64, &mut r);
    assert_eq!(h.stats().minor_collections, 0, "not a collection yet");
    let _ = h.alloc(t.pair, 0, &mut r).unwrap();
    let s = h.stats();
    assert_eq!(s.minor_collections, 1, "{s:?}");
    assert_eq!(drop_count(), cap as u64, "the dead ones were dropped");
    // the count restarts after the collection
    let _ = new_dropper(&mut h, &t, cap as u64 + 1, &mut r);
    let _ = h.alloc(t.pair, 0, &mut r).unwrap();
    assert_eq!(h.stats().minor_collections, 1);
}

/// Old-space pages emptied by a major collection are given back to the kernel beyond a nursery's worth
/// (pages.rs), and the survivors on the pages that stay are intact.
#[test]
fn major_collection_gives_free_pages_back() {
    let (mut h, t) = new_heap(64 << 10);
    let mut r = RootStack::default();
    // About 2 MiB of promoted pairs, every 64th kept.
    for i in 0..80_000i64 {
        let p = h.alloc(t.pair, 0, &mut r).unwrap();
        h.set_field(p, 8, int(i));
        r.slots.push(p);
        if r.slots.len() >= 2048 {
            h.minor_collect(&mut r);
            let keep: Vec<Value> = r.slots.iter().step_by(64).copied().collect();
            r.slots = keep;
        }
    }
    h.minor_collect(&mut r);
    let before = h.stats();
    // Drop all but the survivors kept so far, then collect.
    let keep: Vec<Value> = r.slots.iter().take(1000).copied().collect();
    r.slots = keep;
    h.major_collect(&mut r);
    let after = h.stats();
    assert!(after.old_pages <= before.old_pages, "{before:?}\n{after:?}");
    // A nursery (64 KiB: 4 pages) of free pages stays resident, the rest goes. (Stress mode collects
    // all along, so few pages are emptied at once there.)
    if h.config().stress == 0 {
        assert!(
            before.old_pages >= after.old_pages + 20,
            "{before:?}\n{after:?}"
        );
    }
    if before.old_pages >= after.old_pages + 5 {
        assert!(after.old_pages_released > 0, "{after:?}");
    }
    for (k, &v) in r.slots.iter().enumerate() {
        assert_eq!(h.tid(v), t.pair, "survivor {k}");
        let i = h.get_field(v, 8);
        assert!(
            i.is_int() && (0..80_000).contains(&i.as_int()),
            "survivor {k}"
        );
    }
    h.verify(&mut r).unwrap();
    // The released pages are reused: allocating again works and verifies.
    for i in 0..20_000i64 {
        let p = h.alloc(t.array, 3, &mut r).unwrap();
        h.set_field(p, item_off(0), int(i));
        if i % 100 == 0 {
            r.slots.push(p);
        }
    }
    h.major_collect(&mut r);
    h.verify(&mut r).unwrap();
}
