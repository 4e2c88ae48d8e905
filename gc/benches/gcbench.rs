//! Micro-benchmarks of the heap (run: `cargo bench -p minipy-gc`; figures in gc/README.md).
//! Each figure is the median of several runs.
//! - alloc: ns per small-object allocation (a 2-field pair, 24 bytes), minor collections included;
//! - tree: build-and-drop binary trees (short-lived object graph) on the heap vs with `Box`: ratio;
//! - minor: pause per MiB of surviving data (a rooted binary tree evacuated from the nursery);
//! - major: mark-sweep time per MiB of live old data;
//! - nursery: the tree benchmark for several nursery sizes (how the default was chosen).
use gc::*;
use std::hint::black_box;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn pair_type(h: &mut Heap) -> TypeId {
    h.register_type(TypeInfo {
        name: "pair",
        fixed_size: 16,
        item_size: 0,
        value_offsets: vec![0, 8],
        items_are_values: false,
        custom_trace: None,
        drop_fn: None,
    })
}

fn heap(nursery: usize) -> (Heap, TypeId) {
    let cfg = GcConfig {
        nursery_size: nursery,
        ..GcConfig::default()
    };
    let mut h = Heap::new(cfg);
    let t = pair_type(&mut h);
    (h, t)
}

const RUNS: usize = 7;

fn bench_alloc() -> f64 {
    let n = 20_000_000u64;
    let (mut h, t) = heap(4 << 20);
    let mut roots = NoRoots;
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        let t0 = Instant::now();
        for i in 0..n {
            let v = h.alloc(t, 0, &mut roots).unwrap();
            // Initialize one field, as a constructor would (no barrier needed on a fresh object).
            // SAFETY: v was just allocated with a payload of at least 8 bytes; no GC point since.
            unsafe { *(h.payload(v) as *mut u64) = i };
            black_box(v);
        }
        runs.push(t0.elapsed().as_nanos() as f64 / n as f64);
    }
    median(runs)
}

/// Builds a binary tree of depth `d` on the heap; returns it on top of `r` (pushed).
fn make_tree(h: &mut Heap, t: TypeId, r: &mut RootStack, d: u32) {
    if d == 0 {
        let v = h.alloc(t, 0, r).unwrap();
        r.slots.push(v);
        return;
    }
    make_tree(h, t, r, d - 1);
    make_tree(h, t, r, d - 1);
    let v = h.alloc(t, 0, r).unwrap();
    let n = r.slots.len();
    // Fresh object: raw stores are allowed (R3).
    // SAFETY: v was just allocated with a two-Value payload and nothing allocated since.
    unsafe {
        *(h.payload(v) as *mut Value) = r.slots[n - 2];
        *(h.payload(v).add(8) as *mut Value) = r.slots[n - 1];
    }
    r.slots.truncate(n - 2);
    r.slots.push(v);
}

fn count_tree(h: &Heap, v: Value) -> usize {
    if v.is_null() {
        return 0;
    }
    1 + count_tree(h, h.get_field(v, 0)) + count_tree(h, h.get_field(v, 8))
}

struct BNode {
    l: Option<Box<BNode>>,
    r: Option<Box<BNode>>,
}

fn make_box(d: u32) -> Box<BNode> {
    if d == 0 {
        Box::new(BNode { l: None, r: None })
    } else {
        Box::new(BNode {
            l: Some(make_box(d - 1)),
            r: Some(make_box(d - 1)),
        })
    }
}

fn count_box(b: &BNode) -> usize {
    1 + b.l.as_ref().map_or(0, |x| count_box(x)) + b.r.as_ref().map_or(0, |x| count_box(x))
}

const TREE_DEPTH: u32 = 12;
const TREE_ITERS: usize = 400;

/// ns per tree node, building and dropping `TREE_ITERS` trees of depth TREE_DEPTH.
fn bench_tree_heap(nursery: usize) -> f64 {
    let (mut h, t) = heap(nursery);
    let mut r = RootStack::default();
    let nodes = (1usize << (TREE_DEPTH + 1)) - 1;
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        let t0 = Instant::now();
        for _ in 0..TREE_ITERS {
            make_tree(&mut h, t, &mut r, TREE_DEPTH);
            let v = r.slots.pop().unwrap();
            assert_eq!(count_tree(&h, v), nodes);
        }
        runs.push(t0.elapsed().as_nanos() as f64 / (TREE_ITERS * nodes) as f64);
    }
    median(runs)
}

fn bench_tree_box() -> f64 {
    let nodes = (1usize << (TREE_DEPTH + 1)) - 1;
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        let t0 = Instant::now();
        for _ in 0..TREE_ITERS {
            let b = make_box(black_box(TREE_DEPTH));
            assert_eq!(count_box(&b), nodes);
            drop(b);
        }
        runs.push(t0.elapsed().as_nanos() as f64 / (TREE_ITERS * nodes) as f64);
    }
    median(runs)
}

/// (ms per MiB of survivors, survivor MiB) for a minor collection evacuating a rooted tree.
fn bench_minor(depth: u32) -> (f64, f64) {
    let mut runs = Vec::new();
    let mut mib = 0.0;
    for _ in 0..RUNS {
        let (mut h, t) = heap(64 << 20);
        let mut r = RootStack::default();
        make_tree(&mut h, t, &mut r, depth);
        assert_eq!(h.stats().minor_collections, 0);
        let t0 = Instant::now();
        h.minor_collect(&mut r);
        let dt = t0.elapsed().as_secs_f64() * 1e3;
        mib = h.stats().bytes_copied as f64 / (1 << 20) as f64;
        runs.push(dt / mib);
    }
    (median(runs), mib)
}

/// (ms per MiB of live old data, live MiB) for a major collection.
fn bench_major(depth: u32) -> (f64, f64) {
    let (mut h, t) = heap(4 << 20);
    let mut r = RootStack::default();
    make_tree(&mut h, t, &mut r, depth);
    h.major_collect(&mut r);
    let mib = h.stats().old_bytes as f64 / (1 << 20) as f64;
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        let t0 = Instant::now();
        h.major_collect(&mut r);
        runs.push(t0.elapsed().as_secs_f64() * 1e3 / mib);
    }
    (median(runs), mib)
}

fn main() {
    // `cargo bench` passes --bench; ignore arguments.
    println!("minipy-gc micro-benchmarks (median of {RUNS} runs)");
    let a = bench_alloc();
    println!("alloc: {a:.2} ns per 24-byte object (bump + header + one field, minor collections included)");
    let th = bench_tree_heap(4 << 20);
    let tb = bench_tree_box();
    println!(
        "tree (depth {TREE_DEPTH}, build + walk + drop, x{TREE_ITERS}): heap {th:.2} ns/node, Box {tb:.2} ns/node, Box/heap = {:.2}x",
        tb / th
    );
    for d in [15, 17, 18] {
        let (ms, mib) = bench_minor(d);
        println!("minor: {ms:.2} ms per MiB of survivors ({mib:.1} MiB survived)");
    }
    for d in [17, 19, 20] {
        let (ms, mib) = bench_major(d);
        println!("major: {ms:.2} ms per MiB of live old data ({mib:.1} MiB live)");
    }
    for n in [256 << 10, 1 << 20, 2 << 20, 4 << 20, 8 << 20, 16 << 20] {
        let th = bench_tree_heap(n);
        println!("nursery {:>5} KiB: tree {th:.2} ns/node", n >> 10);
    }
}
