//! Randomized model test: random object graphs mutated through the write barrier, roots added and dropped,
//! collections at random points; after every step the heap is compared with a plain Rust model of the
//! same graph (same shape, same payloads, stable identities and handles), and destructors must have run
//! exactly once for exactly the dead objects.
//!
//! Bounded for `cargo test`; `MINIPY_GC_MODEL_ITERS=N` (steps per run) and `MINIPY_GC_MODEL_SEED=S` make it
//! longer / reproducible. It runs once with a normal config and once in stress mode (plus whatever
//! MINIPY_GC_STRESS / MINIPY_GC_VERIFY say for the first one).
mod common;
use common::{config, Rng};
use gc::*;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

thread_local! {
    static DEAD: RefCell<HashSet<u64>> = RefCell::new(HashSet::new());
}

unsafe fn dnode_drop(p: *mut u8) {
    // SAFETY: the heap passes the payload of a dnode, whose first word is its serial.
    let serial = unsafe { *(p as *const u64) };
    DEAD.with(|d| {
        assert!(
            d.borrow_mut().insert(serial),
            "destructor of object {serial} ran twice"
        )
    });
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum MVal {
    Null,
    Int(i64),
    Ref(u64),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Node,
    Arr,
    Bytes,
    DNode,
}

struct MObj {
    kind: Kind,
    fields: Vec<MVal>,
    bytes: Vec<u8>,
}

struct T {
    node: TypeId,
    arr: TypeId,
    bytes: TypeId,
    dnode: TypeId,
}

fn types(h: &mut Heap) -> T {
    let ti = |name, fixed_size, item_size, offs: Vec<u32>, items, drop_fn| TypeInfo {
        name,
        fixed_size,
        item_size,
        value_offsets: offs,
        items_are_values: items,
        custom_trace: None,
        drop_fn,
    };
    T {
        // [serial][f0][f1]
        node: h.register_type(ti("node", 24, 0, vec![8, 16], false, None)),
        // [len][serial][items...]
        arr: h.register_type(ti("arr", 16, 8, vec![], true, None)),
        // [len][serial][bytes...]
        bytes: h.register_type(ti("bytes", 16, 1, vec![], false, None)),
        // [serial][child]
        dnode: h.register_type(ti("dnode", 16, 0, vec![8], false, Some(dnode_drop))),
    }
}

struct World {
    h: Heap,
    t: T,
    roots: RootStack,
    mroots: Vec<u64>,
    objs: HashMap<u64, MObj>,
    next_serial: u64,
    ids: HashMap<u64, u64>,
    handles: Vec<(u64, u64)>,
    released: Vec<u64>,
    dnodes: HashSet<u64>,
    rng: Rng,
}

impl World {
    fn serial_off(&self, kind: Kind) -> usize {
        match kind {
            Kind::Node | Kind::DNode => 0,
            Kind::Arr | Kind::Bytes => 8,
        }
    }
    fn field_off(kind: Kind, i: usize) -> usize {
        match kind {
            Kind::Node => 8 + 8 * i,
            Kind::DNode => 8,
            Kind::Arr => 16 + 8 * i,
            Kind::Bytes => unreachable!(),
        }
    }
    fn heap_serial(&self, v: Value) -> u64 {
        let tid = self.h.tid(v);
        let kind = self.kind_of(tid);
        // SAFETY: `v` is a live object of `kind`, re-read from the roots; serial_off(kind) is inside its
        // payload.
        unsafe { *(self.h.payload(v).add(self.serial_off(kind)) as *const u64) }
    }
    fn kind_of(&self, tid: TypeId) -> Kind {
        if tid == self.t.node {
            Kind::Node
        } else if tid == self.t.arr {
            Kind::Arr
        } else if tid == self.t.bytes {
            Kind::Bytes
        } else if tid == self.t.dnode {
            Kind::DNode
        } else {
            panic!("unknown tid {tid}")
        }
    }

    fn alloc(&mut self) {
        let kind = match self.rng.below(10) {
            0..=3 => Kind::Node,
            4..=5 => Kind::Arr,
            6..=7 => Kind::Bytes,
            _ => Kind::DNode,
        };
        let len = match kind {
            Kind::Arr => {
                if self.rng.chance(3) {
                    300 + self.rng.below(300) // large with a 16k nursery
                } else {
                    self.rng.below(8)
                }
            }
            Kind::Bytes => {
                if self.rng.chance(2) {
                    3000 + self.rng.below(3000)
                } else {
                    self.rng.below(40)
                }
            }
            _ => 0,
        };
        let tid = match kind {
            Kind::Node => self.t.node,
            Kind::Arr => self.t.arr,
            Kind::Bytes => self.t.bytes,
            Kind::DNode => self.t.dnode,
        };
        let v = if self.rng.chance(10) {
            self.h.alloc_old(tid, len).unwrap()
        } else {
            self.h.alloc(tid, len, &mut self.roots).unwrap()
        };
        let serial = self.next_serial;
        self.next_serial += 1;
        // SAFETY: `v` was just allocated with no GC point since; serial_off(kind) is inside its payload.
        unsafe { *(self.h.payload(v).add(self.serial_off(kind)) as *mut u64) = serial };
        let nfields = match kind {
            Kind::Node => 2,
            Kind::DNode => 1,
            Kind::Arr => len,
            Kind::Bytes => 0,
        };
        let mut bytes = Vec::new();
        if kind == Kind::Bytes {
            bytes = (0..len).map(|_| self.rng.next() as u8).collect();
            // SAFETY: `v` is a fresh bytes object of `len` items (data at offset 16) and no GC point
            // occurred since its allocation.
            unsafe {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.h.payload(v).add(16), len)
            };
        }
        if kind == Kind::DNode {
            self.dnodes.insert(serial);
        }
        self.objs.insert(
            serial,
            MObj {
                kind,
                fields: vec![MVal::Null; nfields],
                bytes,
            },
        );
        self.roots.slots.push(v);
        self.mroots.push(serial);
    }

    /// A random object reachable from a random root: (heap value, serial).
    fn walk(&mut self) -> Option<(Value, u64)> {
        if self.mroots.is_empty() {
            return None;
        }
        let i = self.rng.below(self.mroots.len());
        let (mut v, mut s) = (self.roots.slots[i], self.mroots[i]);
        for _ in 0..self.rng.below(5) {
            let o = &self.objs[&s];
            let refs: Vec<(usize, u64)> = o
                .fields
                .iter()
                .enumerate()
                .filter_map(|(k, f)| {
                    if let MVal::Ref(t) = f {
                        Some((k, *t))
                    } else {
                        None
                    }
                })
                .collect();
            if refs.is_empty() {
                break;
            }
            let (k, t) = refs[self.rng.below(refs.len())];
            v = self.h.get_field(v, Self::field_off(o.kind, k));
            s = t;
        }
        Some((v, s))
    }

    fn store(&mut self) {
        let Some((x, xs)) = self.walk() else { return };
        let kind = self.objs[&xs].kind;
        let n = self.objs[&xs].fields.len();
        if n == 0 {
            return;
        }
        let f = self.rng.below(n);
        let (val, mval) = match self.rng.below(10) {
            0 => (Value::NULL, MVal::Null),
            1 => {
                let i = self.rng.next() as i64 >> 20;
                (Value::from_int(i).unwrap(), MVal::Int(i))
            }
            _ => match self.walk() {
                Some((y, ys)) => (y, MVal::Ref(ys)),
                None => return,
            },
        };
        self.h.set_field(x, Self::field_off(kind, f), val);
        self.objs.get_mut(&xs).unwrap().fields[f] = mval;
    }

    fn reachable(&self) -> HashSet<u64> {
        let mut seen = HashSet::new();
        let mut stack: Vec<u64> = self.mroots.clone();
        while let Some(s) = stack.pop() {
            if seen.insert(s) {
                for f in &self.objs[&s].fields {
                    if let MVal::Ref(t) = f {
                        stack.push(*t);
                    }
                }
            }
        }
        seen
    }

    /// Compares the heap with the model; returns serial -> address of every reachable object.
    fn check(&mut self, after_major: bool) -> HashMap<u64, Value> {
        let mut addr: HashMap<u64, Value> = HashMap::new();
        let mut by_addr: HashMap<u64, u64> = HashMap::new();
        let mut stack: Vec<(Value, u64)> = self
            .roots
            .slots
            .iter()
            .copied()
            .zip(self.mroots.iter().copied())
            .collect();
        while let Some((v, s)) = stack.pop() {
            assert!(v.is_ptr(), "object {s}: heap has {v:?}");
            if let Some(&prev) = addr.get(&s) {
                assert_eq!(prev, v, "object {s} seen at two addresses");
                continue;
            }
            if let Some(&other) = by_addr.get(&v.0) {
                panic!("objects {s} and {other} share address {v:?}");
            }
            addr.insert(s, v);
            by_addr.insert(v.0, s);
            assert_eq!(self.heap_serial(v), s, "wrong object at {v:?}");
            let o = &self.objs[&s];
            assert_eq!(self.kind_of(self.h.tid(v)), o.kind);
            match o.kind {
                Kind::Bytes => {
                    assert_eq!(self.h.len(v), o.bytes.len());
                    // SAFETY: `v` is a live bytes object of o.bytes.len() items (data at offset 16);
                    // nothing allocates while `got` is used.
                    let got = unsafe {
                        std::slice::from_raw_parts(self.h.payload(v).add(16), o.bytes.len())
                    };
                    assert_eq!(got, &o.bytes[..], "bytes of object {s}");
                }
                Kind::Arr => assert_eq!(self.h.len(v), o.fields.len()),
                _ => {}
            }
            for (k, f) in o.fields.iter().enumerate() {
                let hv = self.h.get_field(v, Self::field_off(o.kind, k));
                match *f {
                    MVal::Null => assert!(
                        hv.is_null(),
                        "object {s} field {k}: expected null, got {hv:?}"
                    ),
                    MVal::Int(i) => {
                        assert!(hv.is_int() && hv.as_int() == i, "object {s} field {k}")
                    }
                    MVal::Ref(t) => stack.push((hv, t)),
                }
            }
        }
        // Destructors: only for the dead; after a major collection, for all the dead.
        let dead: HashSet<u64> = DEAD.with(|d| d.borrow().clone());
        for s in &dead {
            assert!(!addr.contains_key(s), "destructor ran for live object {s}");
        }
        if after_major {
            for s in &self.dnodes {
                assert_eq!(
                    dead.contains(s),
                    !addr.contains_key(s),
                    "object {s}: destructor run iff dead"
                );
            }
        }
        // Identity.
        for (s, id) in self.ids.clone() {
            if let Some(&v) = addr.get(&s) {
                assert_eq!(self.h.id_of(v), id, "id of object {s} changed");
            }
        }
        // Handles.
        for &(tok, s) in &self.handles {
            match addr.get(&s) {
                Some(&v) => assert_eq!(
                    self.h.from_handle(tok),
                    Some(v),
                    "handle of live object {s}"
                ),
                None if after_major => {
                    assert_eq!(self.h.from_handle(tok), None, "handle of dead object {s}")
                }
                None => {}
            }
        }
        for &tok in &self.released {
            assert_eq!(self.h.from_handle(tok), None, "released handle");
        }
        addr
    }
}

fn run(cfg: GcConfig, steps: usize, seed: u64) {
    DEAD.with(|d| d.borrow_mut().clear());
    let mut h = Heap::new(cfg);
    let t = types(&mut h);
    let mut w = World {
        h,
        t,
        roots: RootStack::default(),
        mroots: Vec::new(),
        objs: HashMap::new(),
        next_serial: 1,
        ids: HashMap::new(),
        handles: Vec::new(),
        released: Vec::new(),
        dnodes: HashSet::new(),
        rng: Rng(seed | 1),
    };
    for step in 0..steps {
        let mut major = false;
        let nroots = w.mroots.len();
        match w.rng.below(100) {
            0..=34 => w.alloc(),
            35..=69 => w.store(),
            70..=84 => {
                if nroots > 0 {
                    let k = if nroots > 40 {
                        1 + w.rng.below(nroots / 4)
                    } else {
                        1
                    };
                    for _ in 0..k.min(w.mroots.len()) {
                        let i = w.rng.below(w.mroots.len());
                        w.roots.slots.swap_remove(i);
                        w.mroots.swap_remove(i);
                    }
                }
            }
            85..=88 => {
                if let Some((v, s)) = w.walk() {
                    w.roots.slots.push(v);
                    w.mroots.push(s);
                }
            }
            89..=92 => {
                if w.rng.chance(25) {
                    w.h.major_collect(&mut w.roots);
                    major = true;
                } else {
                    w.h.minor_collect(&mut w.roots);
                }
            }
            93..=95 => {
                if let Some((v, s)) = w.walk() {
                    let id = w.h.id_of(v);
                    if let Some(&old) = w.ids.get(&s) {
                        assert_eq!(old, id);
                    }
                    w.ids.insert(s, id);
                    if w.objs[&s].kind == Kind::Bytes && w.rng.chance(50) {
                        let p = w.h.stable_payload(v);
                        assert_eq!(p as u64, id + 8, "stable payload lives at the id address");
                    }
                }
            }
            96..=97 => {
                if let Some((v, s)) = w.walk() {
                    let tok = w.h.new_handle(v);
                    assert_eq!(w.h.from_handle(tok), Some(v));
                    w.handles.push((tok, s));
                }
            }
            _ => {
                if !w.handles.is_empty() {
                    let i = w.rng.below(w.handles.len());
                    let (tok, _) = w.handles.swap_remove(i);
                    w.h.release_handle(tok);
                    w.released.push(tok);
                }
            }
        }
        // Keep the graph small enough for a full comparison at every step.
        if w.objs.len() > 3000 && !major {
            w.h.major_collect(&mut w.roots);
            major = true;
        }
        let live = w.check(major);
        if major {
            let reach = w.reachable();
            assert_eq!(reach.len(), live.len());
            w.objs.retain(|s, _| reach.contains(s));
            w.ids.retain(|s, _| reach.contains(s));
            w.handles.retain(|(_, s)| reach.contains(s));
            w.dnodes.retain(|s| reach.contains(s));
            DEAD.with(|d| d.borrow_mut().clear());
            w.released.truncate(1000);
        }
        if step % 997 == 0 {
            w.h.verify(&mut w.roots)
                .unwrap_or_else(|e| panic!("step {step}: {e}"));
        }
    }
    w.h.major_collect(&mut w.roots);
    w.check(true);
    let s = w.h.stats();
    assert!(s.minor_collections > 0);
    eprintln!(
        "model: {steps} steps, {} objects allocated, {} minor / {} major collections, {} promoted, {} destructors, {} full verifications",
        w.next_serial - 1,
        s.minor_collections,
        s.major_collections,
        s.objects_promoted,
        s.destructors_run,
        s.full_verifications
    );
    // Dropping the heap runs the destructors of the survivors, each exactly once.
    let survivors = w.dnodes.clone();
    drop(w);
    DEAD.with(|d| assert_eq!(*d.borrow(), survivors));
}

fn steps(default: usize) -> usize {
    std::env::var("MINIPY_GC_MODEL_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn seed() -> u64 {
    std::env::var("MINIPY_GC_MODEL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_1234_abcd)
}

#[test]
fn model_normal() {
    let mut c = config(16 << 10);
    c.nursery_size = 16 << 10;
    run(c, steps(20000), seed());
}

#[test]
fn model_stress() {
    let mut c = config(16 << 10);
    c.stress = 1;
    run(c, steps(10000), seed() ^ 0x9e37_79b9);
}

#[test]
fn model_stress_every_7th() {
    let mut c = config(32 << 10);
    c.stress = 7;
    run(c, steps(10000), seed() ^ 0x1234_5678);
}

#[test]
fn model_moving() {
    // Moving stress mode: young objects are copied at each of their first 4 collections.
    let mut c = config(16 << 10);
    c.stress = 1;
    c.age = 4;
    run(c, steps(10000), seed() ^ 0x0bad_cafe);
}

#[test]
fn model_moving_every_5th() {
    let mut c = config(32 << 10);
    c.stress = 5;
    c.age = 15;
    run(c, steps(10000), seed() ^ 0x7777_1111);
}
