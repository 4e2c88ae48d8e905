//! A small test object model: pairs, arrays of values, byte strings, objects with a destructor that
//! records its serial number, and a kind whose references live in a Rust `Vec` (custom_trace).
#![allow(dead_code)]
use gc::*;
use std::cell::RefCell;
use std::collections::HashSet;

pub struct Types {
    /// payload: [a: Value, b: Value]
    pub pair: TypeId,
    /// payload: [len][items: Value...]
    pub array: TypeId,
    /// payload: [len][bytes...]
    pub bytes: TypeId,
    /// payload: [serial: u64][child: Value]; drop_fn records the serial
    pub dropper: TypeId,
    /// payload: [vec: *mut Vec<Value>]; custom_trace visits the vec, drop_fn frees it
    pub vecobj: TypeId,
}

thread_local! {
    pub static DROPPED: RefCell<HashSet<u64>> = RefCell::new(HashSet::new());
    pub static DROP_COUNT: RefCell<u64> = const { RefCell::new(0) };
}

unsafe fn dropper_drop(p: *mut u8) {
    // SAFETY: the heap passes the payload of a dropper object, whose first word is its serial.
    let serial = unsafe { *(p as *const u64) };
    DROPPED.with(|d| {
        assert!(
            d.borrow_mut().insert(serial),
            "destructor of {serial} ran twice"
        )
    });
    DROP_COUNT.with(|c| *c.borrow_mut() += 1);
}

fn vec_trace(p: *mut u8, v: &mut Visitor<'_>) {
    // SAFETY: payload holds a Box<Vec<Value>> pointer or null.
    unsafe {
        let vp = *(p as *const *mut Vec<Value>);
        if !vp.is_null() {
            for s in (*vp).iter_mut() {
                v(s);
            }
        }
    }
}

unsafe fn vec_drop(p: *mut u8) {
    // SAFETY: payload holds a Box<Vec<Value>> pointer or null; the heap drops each object once.
    unsafe {
        let vp = *(p as *const *mut Vec<Value>);
        if !vp.is_null() {
            drop(Box::from_raw(vp));
        }
    }
    DROP_COUNT.with(|c| *c.borrow_mut() += 1);
}

pub fn reset_drops() {
    DROPPED.with(|d| d.borrow_mut().clear());
    DROP_COUNT.with(|c| *c.borrow_mut() = 0);
}

pub fn drop_count() -> u64 {
    DROP_COUNT.with(|c| *c.borrow())
}

pub fn was_dropped(serial: u64) -> bool {
    DROPPED.with(|d| d.borrow().contains(&serial))
}

pub fn register(h: &mut Heap) -> Types {
    let pair = h.register_type(TypeInfo {
        name: "pair",
        fixed_size: 16,
        item_size: 0,
        value_offsets: vec![0, 8],
        items_are_values: false,
        custom_trace: None,
        drop_fn: None,
    });
    let array = h.register_type(TypeInfo {
        name: "array",
        fixed_size: 8,
        item_size: 8,
        value_offsets: vec![],
        items_are_values: true,
        custom_trace: None,
        drop_fn: None,
    });
    let bytes = h.register_type(TypeInfo {
        name: "bytes",
        fixed_size: 8,
        item_size: 1,
        value_offsets: vec![],
        items_are_values: false,
        custom_trace: None,
        drop_fn: None,
    });
    let dropper = h.register_type(TypeInfo {
        name: "dropper",
        fixed_size: 16,
        item_size: 0,
        value_offsets: vec![8],
        items_are_values: false,
        custom_trace: None,
        drop_fn: Some(dropper_drop),
    });
    let vecobj = h.register_type(TypeInfo {
        name: "vecobj",
        fixed_size: 8,
        item_size: 0,
        value_offsets: vec![],
        items_are_values: false,
        custom_trace: Some(vec_trace),
        drop_fn: Some(vec_drop),
    });
    Types {
        pair,
        array,
        bytes,
        dropper,
        vecobj,
    }
}

/// The environment's config (so MINIPY_GC_STRESS / MINIPY_GC_VERIFY apply to every test) with a nursery.
pub fn config(nursery: usize) -> GcConfig {
    let mut c = GcConfig::from_env().expect("bad MINIPY_GC_* environment");
    c.nursery_size = nursery;
    c
}

pub fn new_heap(nursery: usize) -> (Heap, Types) {
    let mut h = Heap::new(config(nursery));
    let t = register(&mut h);
    (h, t)
}

pub fn int(i: i64) -> Value {
    Value::from_int(i).unwrap()
}

pub fn item_off(i: usize) -> usize {
    8 + 8 * i
}

pub fn set_bytes(h: &Heap, v: Value, data: &[u8]) {
    assert_eq!(h.len(v), data.len());
    // SAFETY: the payload holds len bytes after the length word.
    unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), h.payload(v).add(8), data.len()) };
}

pub fn get_bytes(h: &Heap, v: Value) -> Vec<u8> {
    let n = h.len(v);
    // SAFETY: as above.
    unsafe { std::slice::from_raw_parts(h.payload(v).add(8), n).to_vec() }
}

pub fn new_dropper(h: &mut Heap, t: &Types, serial: u64, roots: &mut dyn Roots) -> Value {
    let v = h.alloc(t.dropper, 0, roots).unwrap();
    // SAFETY: fresh object; raw (non-Value) field.
    unsafe { *(h.payload(v) as *mut u64) = serial };
    v
}

pub fn serial_of(h: &Heap, v: Value) -> u64 {
    // SAFETY: v is a dropper.
    unsafe { *(h.payload(v) as *const u64) }
}

/// A tiny deterministic PRNG (xorshift64*).
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545F4914F6CDD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}
