//! Unit tests of card marking (cards.rs): which objects get cards, what the item and range barriers
//! mark, what a minor collection scans and cleans, and that the verifier catches a store the cards do
//! not cover. Each test builds its own heap; no GC invariant outlives a test.
use crate::test_types::test_type;
use crate::*;

/// A 64 KiB nursery: large objects start at 8 KiB, i.e. arrays of about 1K items.
fn heap() -> (Heap, TypeId, TypeId) {
    heap_aging(0)
}

/// `age` > 0: the moving stress mode (nursery buffers in rotation).
fn heap_aging(age: u32) -> (Heap, TypeId, TypeId) {
    let mut h = Heap::new(GcConfig {
        nursery_size: 64 << 10,
        age,
        ..GcConfig::default()
    });
    let array = h.register_type(test_type("array", 8, 8, vec![], true));
    let pair = h.register_type(test_type("pair", 16, 0, vec![0, 8], false));
    (h, array, pair)
}

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap()
}

fn set_item(h: &mut Heap, a: Value, i: usize, v: Value) {
    // SAFETY: a is a live array with more than i items; the barrier follows the store (no GC point).
    unsafe { *(h.payload(a).add(8 + 8 * i) as *mut Value) = v };
    h.write_barrier_item(a, i, v);
}

fn get_item(h: &Heap, a: Value, i: usize) -> Value {
    h.get_field(a, 8 + 8 * i)
}

/// An old carded array of `n` items, rooted at r.slots[0], each item a small int.
fn old_array(h: &mut Heap, t: TypeId, n: usize, r: &mut RootStack) -> Value {
    let a = h.alloc(t, n, r).unwrap();
    r.slots.push(a);
    for i in 0..n {
        set_item(h, a, i, int(i as i64));
    }
    h.major_collect(r);
    let a = r.slots[0];
    assert!(h.has_cards(a) && !h.is_young(a));
    a
}

#[test]
fn only_large_value_arrays_get_cards() {
    let (mut h, array, pair) = heap();
    let mut r = RootStack::default();
    let small = h.alloc(array, 10, &mut r).unwrap();
    assert!(!h.has_cards(small));
    let big = h.alloc(array, 5000, &mut r).unwrap();
    assert!(h.has_cards(big));
    let p = h.alloc(pair, 0, &mut r).unwrap();
    assert!(!h.has_cards(p));
    assert_eq!(
        crate::cards::card_count(5000),
        5000usize.div_ceil(CARD_SLOTS)
    );
    assert_eq!(crate::cards::card_prefix(1) % 16, 0);
}

#[test]
fn young_large_arrays_mark_no_cards() {
    let (mut h, array, _) = heap();
    let mut r = RootStack::default();
    let a = h.alloc(array, 5000, &mut r).unwrap();
    r.slots.push(a);
    let a = r.slots[0];
    set_item(&mut h, a, 7, int(1));
    assert_eq!(h.dirty_cards(a), 0);
    assert!(h.carded.is_empty());
}

#[test]
fn item_store_marks_one_card_and_minor_scans_only_it() {
    let (mut h, array, pair) = heap();
    let mut r = RootStack::default();
    let n = 100_000;
    old_array(&mut h, array, n, &mut r);
    let before = h.stats();
    let y = h.alloc(pair, 0, &mut r).unwrap();
    h.set_field(y, 8, int(42));
    let a = r.slots[0];
    set_item(&mut h, a, 54_321, y);
    set_item(&mut h, a, 54_322, y); // same card: no second listing
    assert_eq!(h.dirty_cards(a), 1);
    assert_eq!(h.carded.len(), 1);
    assert!(h.remembered.is_empty(), "a carded array is not remembered");
    h.verify(&mut r).unwrap();
    h.minor_collect(&mut r);
    let a = r.slots[0];
    let y2 = get_item(&h, a, 54_321);
    assert!(
        !h.is_young(y2),
        "the young object was promoted through the card"
    );
    assert_eq!(get_item(&h, a, 54_322), y2);
    assert_eq!(h.get_field(y2, 8).as_int(), 42);
    assert_eq!(h.dirty_cards(a), 0);
    assert!(h.carded.is_empty());
    let s = h.stats();
    assert_eq!(s.cards_scanned - before.cards_scanned, 1);
    assert_eq!(s.carded_objects_scanned - before.carded_objects_scanned, 1);
    h.verify(&mut r).unwrap();
}

#[test]
fn stores_across_many_cards_keep_everything_alive() {
    let (mut h, array, pair) = heap();
    let mut r = RootStack::default();
    let n = 20_000;
    old_array(&mut h, array, n, &mut r);
    let mut x: u64 = 1;
    for round in 0..20 {
        for k in 0..300 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let i = (x >> 33) as usize % n;
            let y = h.alloc(pair, 0, &mut r).unwrap(); // may collect: re-read the array after it
            h.set_field(y, 0, int(i as i64));
            h.set_field(y, 8, int(round * 1000 + k));
            let a = r.slots[0];
            set_item(&mut h, a, i, y);
        }
        h.verify(&mut r).unwrap();
        if round % 3 == 0 {
            h.major_collect(&mut r);
        } else {
            h.minor_collect(&mut r);
        }
        h.verify(&mut r).unwrap();
    }
    let a = r.slots[0];
    for i in 0..n {
        let v = get_item(&h, a, i);
        if v.is_int() {
            assert_eq!(v.as_int(), i as i64);
        } else {
            assert_eq!(h.get_field(v, 0).as_int(), i as i64);
        }
    }
}

#[test]
fn range_barrier_covers_a_memmove() {
    let (mut h, array, pair) = heap();
    let mut r = RootStack::default();
    let n = 2048.max(20 * CARD_SLOTS);
    let cards = crate::cards::card_count(n);
    old_array(&mut h, array, n, &mut r);
    let y = h.alloc(pair, 0, &mut r).unwrap();
    let a = r.slots[0];
    set_item(&mut h, a, 0, y);
    // Shift items 0..n-1 up by three cards (as list.insert does): the young reference moves from
    // card 0 to card 3, which the item barrier never marked.
    let shift = 3 * CARD_SLOTS;
    // SAFETY: both ranges lie inside the array; no GC point until the barrier.
    unsafe {
        let base = h.payload(a).add(8) as *mut Value;
        std::ptr::copy(base, base.add(shift), n - shift);
        *base = int(0);
    }
    h.write_barrier_range(a, 0, n);
    assert_eq!(h.dirty_cards(a), cards);
    h.verify(&mut r).unwrap();
    h.minor_collect(&mut r);
    let a = r.slots[0];
    assert!(!h.is_young(get_item(&h, a, shift)));
    h.verify(&mut r).unwrap();
    h.write_barrier_range(a, 5, 5); // empty: marks nothing
    assert_eq!(h.dirty_cards(a), 0);
    // A move inside an array with clean cards cannot carry a young reference: nothing marked.
    h.write_barrier_moved(a, 0, n);
    assert_eq!(h.dirty_cards(a), 0);
    set_item(&mut h, a, 1, a);
    h.write_barrier_moved(a, 0, n);
    assert_eq!(h.dirty_cards(a), cards);
    h.minor_collect(&mut r);
    assert_eq!(h.dirty_cards(r.slots[0]), 0);
}

#[test]
fn verifier_catches_an_uncovered_item() {
    let (mut h, array, pair) = heap();
    let mut r = RootStack::default();
    old_array(&mut h, array, 2048.max(10 * CARD_SLOTS), &mut r);
    let y = h.alloc(pair, 0, &mut r).unwrap();
    let a = r.slots[0];
    set_item(&mut h, a, 0, a); // card 0 dirty, CARDS_SET
                               // SAFETY: in bounds; the barrier is deliberately marked on another card.
    unsafe { *(h.payload(a).add(8 + 8 * (5 * CARD_SLOTS)) as *mut Value) = y };
    let e = h.verify(&mut r).unwrap_err();
    assert!(e.contains("missed write barrier"), "{e}");
    h.write_barrier_item(a, 5 * CARD_SLOTS, y);
    h.verify(&mut r).unwrap();
    h.minor_collect(&mut r);
}

#[test]
fn object_barrier_on_a_carded_array_remembers_it_whole() {
    let (mut h, array, pair) = heap();
    let mut r = RootStack::default();
    old_array(&mut h, array, 3000, &mut r);
    let y = h.alloc(pair, 0, &mut r).unwrap();
    let a = r.slots[0];
    h.set_field(a, 8 + 8 * 2999, y);
    set_item(&mut h, a, 10, y); // flag clear now: no card marked
    assert_eq!(h.remembered.len(), 1);
    assert_eq!(h.dirty_cards(a), 0);
    h.verify(&mut r).unwrap();
    h.minor_collect(&mut r);
    let a = r.slots[0];
    assert!(!h.is_young(get_item(&h, a, 2999)));
    assert_eq!(get_item(&h, a, 10), get_item(&h, a, 2999));
    h.verify(&mut r).unwrap();
}

#[test]
fn aging_survivors_keep_their_card_dirty() {
    let (mut h, array, pair) = heap_aging(2);
    let mut r = RootStack::default();
    old_array(&mut h, array, 5000, &mut r);
    let y = h.alloc(pair, 0, &mut r).unwrap();
    h.set_field(y, 8, int(9));
    let a = r.slots[0];
    set_item(&mut h, a, 4000, y);
    h.minor_collect_aging(&mut r, 2);
    let a = r.slots[0];
    assert!(
        h.in_nursery(get_item(&h, a, 4000)),
        "still aging in the nursery"
    );
    assert_eq!(h.dirty_cards(a), 1);
    assert_eq!(h.carded.len(), 1);
    h.verify(&mut r).unwrap();
    h.minor_collect_aging(&mut r, 2);
    h.verify(&mut r).unwrap();
    h.minor_collect(&mut r); // promotes everything
    let a = r.slots[0];
    let y = get_item(&h, a, 4000);
    assert!(!h.is_young(y));
    assert_eq!(h.get_field(y, 8).as_int(), 9);
    assert_eq!(h.dirty_cards(a), 0);
    assert!(h.carded.is_empty());
    h.verify(&mut r).unwrap();
}

#[test]
fn dead_carded_arrays_are_freed() {
    let (mut h, array, _) = heap();
    let mut r = RootStack::default();
    old_array(&mut h, array, 50_000, &mut r);
    let before = h.stats().large_objects;
    r.slots.clear();
    h.major_collect(&mut r);
    assert_eq!(h.stats().large_objects, before - 1);
    // Born old (alloc_old): remembered, cards only after the next collection.
    let a = h.alloc_old(array, 50_000).unwrap();
    assert!(h.has_cards(a));
    r.slots.push(a);
    h.minor_collect(&mut r);
    let a = r.slots[0];
    set_item(&mut h, a, 49_999, int(3));
    assert_eq!(h.dirty_cards(a), 0, "a small int store marks nothing");
    let a = r.slots[0];
    set_item(&mut h, a, 49_999, a); // an old reference: marked (the barrier tests null/int only)
    assert_eq!(h.dirty_cards(a), 1);
    h.minor_collect(&mut r);
    assert_eq!(h.dirty_cards(a), 0);
}
