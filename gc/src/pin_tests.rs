//! Unit tests of pinning (pin.rs): a pinned object stays in place across minor and major collections
//! while allocation fills the gaps around it, its references (and references to it from old objects)
//! are kept right, and once unpinned it moves like any young object. Each scenario runs in the normal,
//! stress, moving-stress and verify configurations; the heap verifier runs after every step.
use crate::test_types::test_type;
use crate::*;

struct T {
    blob: TypeId,
    pair: TypeId,
    dropped: TypeId,
}

static DROPS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// drop_fn of `dropped` objects: counts (R7: no heap access).
unsafe fn count_drop(_p: *mut u8) {
    DROPS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
}

fn heap(stress: u64, age: u32, verify: bool) -> (Heap, T) {
    let mut h = Heap::new(GcConfig {
        nursery_size: 64 << 10,
        stress,
        age,
        verify,
        ..GcConfig::default()
    });
    let blob = h.register_type(test_type("blob", 8, 1, vec![], false));
    let pair = h.register_type(test_type("pair", 16, 0, vec![0, 8], false));
    let dropped = h.register_type(TypeInfo {
        drop_fn: Some(count_drop),
        ..test_type("dropped", 8, 0, vec![], false)
    });
    (
        h,
        T {
            blob,
            pair,
            dropped,
        },
    )
}

/// Every configuration the scenarios run in: (stress, age, verify).
const CONFIGS: &[(u64, u32, bool)] = &[(0, 0, false), (1, 0, false), (1, 3, false), (0, 2, true)];

fn blob(h: &mut Heap, t: &T, n: usize, fill: u8, r: &mut RootStack) -> Value {
    let b = h.alloc(t.blob, n, r).unwrap();
    // SAFETY: b has n data bytes after its length word; no GC point since the allocation.
    unsafe { std::ptr::write_bytes(h.payload(b).add(8), fill, n) };
    b
}

fn data(h: &Heap, b: Value) -> Vec<u8> {
    let n = h.len(b);
    // SAFETY: b is a live blob of n bytes.
    unsafe { std::slice::from_raw_parts(h.payload(b).add(8), n).to_vec() }
}

/// Allocates about `bytes` of garbage pairs (collections happen along the way).
fn churn(h: &mut Heap, t: &T, bytes: usize, r: &mut RootStack) {
    for _ in 0..bytes / 24 {
        h.alloc(t.pair, 0, r).unwrap();
    }
}

fn check(h: &mut Heap, r: &mut RootStack) {
    h.verify(r).unwrap_or_else(|e| panic!("verifier: {e}"));
}

#[test]
fn pinned_object_stays_in_place_across_minors() {
    for &(stress, age, verify) in CONFIGS {
        let (mut h, t) = heap(stress, age, verify);
        let mut r = RootStack::default();
        churn(&mut h, &t, 1000, &mut r); // not at the nursery start
        let b = blob(&mut h, &t, 100, 0x5A, &mut r);
        r.slots.push(b);
        assert!(h.pin(b));
        assert!(h.is_pinned(b));
        let addr = b.0;
        for _ in 0..10 {
            churn(&mut h, &t, 100 << 10, &mut r); // more than the nursery: several collections
            h.minor_collect(&mut r);
            assert_eq!(r.slots[0].0, addr, "pinned object moved");
            assert_eq!(data(&h, r.slots[0]), vec![0x5A; 100]);
            check(&mut h, &mut r);
        }
        let s = h.stats();
        assert_eq!(s.pinned_objects, 1);
        assert!(s.pinned_lost_total > 0 && s.pins_total == 1);
        h.unpin(r.slots[0]);
        assert!(!h.is_pinned(r.slots[0]));
        h.minor_collect(&mut r);
        assert_ne!(r.slots[0].0, addr, "unpinned object should be promoted");
        assert!(!h.is_young(r.slots[0]));
        assert_eq!(data(&h, r.slots[0]), vec![0x5A; 100]);
        check(&mut h, &mut r);
    }
}

#[test]
fn allocation_fills_the_gaps_around_pins() {
    let (mut h, t) = heap(0, 0, false);
    let mut r = RootStack::default();
    // Three pinned blobs spread over the nursery.
    for i in 0..3 {
        churn(&mut h, &t, 10 << 10, &mut r);
        let b = blob(&mut h, &t, 64, i as u8 + 1, &mut r);
        r.slots.push(b);
        assert!(h.pin(b));
    }
    h.minor_collect(&mut r);
    let pins: Vec<(u64, usize)> = r.slots.iter().map(|&b| (b.0, h.object_size(b))).collect();
    // Fill the nursery around them: every new object lies outside the pinned ranges.
    let n0 = h.stats().minor_collections;
    let mut allocated = 0;
    while h.stats().minor_collections == n0 {
        let v = h.alloc(t.blob, 40, &mut r).unwrap();
        if h.stats().minor_collections != n0 {
            break;
        }
        allocated += 1;
        let (s, e) = (v.0, v.0 + h.object_size(v) as u64);
        for &(p, size) in &pins {
            assert!(
                e <= p || s >= p + size as u64,
                "allocated over a pinned object"
            );
        }
    }
    assert!(allocated > 1000, "the gaps were not used ({allocated})");
    for (i, &b) in r.slots.iter().enumerate() {
        assert_eq!(b.0, pins[i].0);
        assert_eq!(data(&h, b), vec![i as u8 + 1; 64]);
    }
    check(&mut h, &mut r);
}

#[test]
fn old_references_to_a_pinned_object_are_updated_after_unpin() {
    for &(stress, age, verify) in CONFIGS {
        let (mut h, t) = heap(stress, age, verify);
        let mut r = RootStack::default();
        // An old pair, then a pinned young blob stored into it (remembered set).
        let p = h.alloc(t.pair, 0, &mut r).unwrap();
        r.slots.push(p);
        h.major_collect(&mut r);
        let b = blob(&mut h, &t, 32, 7, &mut r);
        assert!(h.pin(b));
        let p = r.slots[0];
        h.set_field(p, 0, b);
        // A young pair referencing the pinned blob: promoted while the blob stays.
        let q = h.alloc(t.pair, 0, &mut r).unwrap();
        let b = h.get_field(r.slots[0], 0);
        h.set_field(q, 8, b);
        r.slots.push(q);
        for _ in 0..5 {
            churn(&mut h, &t, 80 << 10, &mut r);
            h.minor_collect(&mut r);
            assert_eq!(h.get_field(r.slots[0], 0), b);
            assert_eq!(h.get_field(r.slots[1], 8), b);
            assert!(!h.is_young(r.slots[1]));
            check(&mut h, &mut r);
        }
        h.major_collect(&mut r);
        check(&mut h, &mut r);
        assert_eq!(h.get_field(r.slots[0], 0), b);
        h.unpin(b);
        h.minor_collect(&mut r);
        let nb = h.get_field(r.slots[0], 0);
        assert_ne!(nb, b);
        assert_eq!(h.get_field(r.slots[1], 8), nb);
        assert!(!h.is_young(nb));
        assert_eq!(data(&h, nb), vec![7; 32]);
        check(&mut h, &mut r);
        h.major_collect(&mut r);
        check(&mut h, &mut r);
    }
}

#[test]
fn pinned_object_fields_are_traced_in_place() {
    for &(stress, age, verify) in CONFIGS {
        let (mut h, t) = heap(stress, age, verify);
        let mut r = RootStack::default();
        let p = h.alloc(t.pair, 0, &mut r).unwrap();
        r.slots.push(p);
        assert!(h.pin(p));
        let b = blob(&mut h, &t, 16, 3, &mut r);
        h.set_field(r.slots[0], 0, b);
        let addr = p.0;
        h.minor_collect(&mut r);
        churn(&mut h, &t, 100 << 10, &mut r);
        h.major_collect(&mut r);
        assert_eq!(r.slots[0].0, addr);
        let b = h.get_field(Value(addr), 0);
        assert!(!h.is_young(b));
        assert_eq!(data(&h, b), vec![3; 16]);
        // Nested pins: two unpins needed.
        assert!(h.pin(Value(addr)));
        h.unpin(Value(addr));
        assert!(h.is_pinned(Value(addr)));
        check(&mut h, &mut r);
        h.unpin(Value(addr));
        h.minor_collect(&mut r);
        assert!(!h.is_young(r.slots[0]));
        assert_eq!(data(&h, h.get_field(r.slots[0], 0)), vec![3; 16]);
        check(&mut h, &mut r);
    }
}

#[test]
fn handles_destructors_and_shadows_of_pinned_objects() {
    for &(stress, age, verify) in CONFIGS {
        let (mut h, t) = heap(stress, age, verify);
        let mut r = RootStack::default();
        let d = h.alloc(t.dropped, 0, &mut r).unwrap();
        r.slots.push(d);
        let tok = h.new_handle(d);
        let id = h.id_of(d);
        assert!(h.pin(d));
        let before = DROPS.load(std::sync::atomic::Ordering::SeqCst);
        for _ in 0..3 {
            churn(&mut h, &t, 80 << 10, &mut r);
            h.minor_collect(&mut r);
        }
        assert_eq!(h.from_handle(tok), Some(d));
        assert_eq!(h.id_of(d), id);
        assert_eq!(r.slots[0], d);
        check(&mut h, &mut r);
        // Deferred unpin (as a destructor does), then promotion into the shadow.
        unpin_deferred(d);
        h.minor_collect(&mut r);
        h.minor_collect(&mut r);
        assert_eq!(r.slots[0].0, id, "promoted into its shadow");
        assert_eq!(h.from_handle(tok), Some(r.slots[0]));
        r.slots.clear();
        h.major_collect(&mut r);
        assert!(DROPS.load(std::sync::atomic::Ordering::SeqCst) > before);
        assert_eq!(h.from_handle(tok), None);
        check(&mut h, &mut r);
    }
}

#[test]
fn an_unreachable_pinned_object_dies_with_its_pin() {
    for &(stress, age, verify) in CONFIGS {
        let (mut h, t) = heap(stress, age, verify);
        let mut r = RootStack::default();
        let d = h.alloc(t.dropped, 0, &mut r).unwrap();
        let tok = h.new_handle(d);
        assert!(h.pin(d));
        let before = DROPS.load(std::sync::atomic::Ordering::SeqCst);
        h.minor_collect(&mut r);
        assert_eq!(h.stats().pinned_objects, 0);
        assert_eq!(h.from_handle(tok), None);
        assert!(DROPS.load(std::sync::atomic::Ordering::SeqCst) > before);
        // A destructor's deferred unpin of a reached object: it stays in place for this cycle.
        let b = blob(&mut h, &t, 24, 9, &mut r);
        r.slots.push(b);
        assert!(h.pin(b));
        unpin_deferred(b);
        h.minor_collect(&mut r);
        assert!(!h.is_pinned(r.slots[0]));
        check(&mut h, &mut r);
        churn(&mut h, &t, 80 << 10, &mut r);
        h.minor_collect(&mut r);
        assert!(!h.is_young(r.slots[0]));
        assert_eq!(data(&h, r.slots[0]), vec![9; 24]);
        check(&mut h, &mut r);
    }
}

#[test]
fn pins_are_bounded_and_old_objects_need_none() {
    let (mut h, t) = heap(0, 0, false);
    let mut r = RootStack::default();
    let mut n = 0;
    for _ in 0..MAX_PINNED + 5 {
        let b = blob(&mut h, &t, 8, 0, &mut r);
        r.slots.push(b);
        if h.pin(b) {
            n += 1;
        }
    }
    assert_eq!(n, MAX_PINNED);
    assert_eq!(h.stats().pins_refused, 5);
    // Too many bytes: a blob over nursery / PIN_FRACTION is refused (it is not large either).
    let (mut h2, t2) = heap(0, 0, false);
    let big = blob(&mut h2, &t2, (64 << 10) / PIN_FRACTION - 64, 0, &mut r);
    let small = blob(&mut h2, &t2, 128, 0, &mut r);
    assert!(h2.pin(big) || h2.pin(small));
    // Old objects: nothing recorded.
    let o = h.alloc_old(t.pair, 0).unwrap();
    assert!(h.pin(o));
    assert!(!h.is_pinned(o));
    h.unpin(o);
    assert!(!h.pin(Value::from_int(3).unwrap()));
}
