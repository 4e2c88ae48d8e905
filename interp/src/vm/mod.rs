//! The virtual machine: its state, its root set and the allocation entry points.
//!
//! GC rules (see gc's crate docs): every method taking `&mut self` may allocate and so may move every
//! young object. The root set is: the value stack (`stack`, which holds frame locals and operands), the
//! frames, the block stack, `vm.exc` (the exception being raised), the handled-exception stack, the
//! builtin type table, the intern table, modules, and the `temps` stack. A `Value` held in a Rust local
//! across an allocating call must be pushed onto `stack` (or `temps`) and re-read afterwards.
//! Natives receive their arguments as an [`Args`] window into `stack` and re-read them with `vm.arg()`.

pub mod annotations;
pub mod attrcache;
pub mod attrmap;
pub mod boxed;
pub mod builtins_setup;
pub mod call;
pub mod code;
pub mod containers;
pub mod coro;
pub mod docattr;
pub mod drain;
pub mod eval;
pub mod exc;
pub mod exc_group_tb;
pub mod excgroup;
pub mod fast_ops;
pub mod gen;
pub mod import;
pub mod iter;
pub mod matching;
pub mod metaclass;
pub mod new;
pub mod ops;
pub mod oserror;
pub mod registry;
pub mod repr;
pub mod tbobj;
pub mod types;

use crate::obj::layout::*;
use gc::{GcConfig, Heap, Roots, Value, Visitor};
use std::collections::HashMap;

/// Marker for "an exception is being raised"; the exception itself is `vm.exc` (a root).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exc;
pub type PyResult<T> = Result<T, Exc>;

/// A window of arguments on the value stack: positional args at `stack[base..base+n]`; if `kwnames` is
/// a tuple, its length names the last arguments of the window.
#[derive(Clone, Copy, Debug)]
pub struct Args {
    pub base: usize,
    pub n: usize,
    pub kwnames: Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Except,
    Finally,
    With,
    /// An active handler; `depth` holds nothing, `prev_exc` the handled exception to restore.
    Handler,
}

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    pub depth: u32,
}

/// A call frame. Locals live on `stack` at `base`.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub code: Value,
    pub func: Value,
    pub globals: Value,
    /// Namespace dict for LoadName/StoreName (module and class bodies), else null.
    pub locals: Value,
    pub generator: Value,
    pub base: usize,
    pub ip: usize,
    /// Index into `blocks` of this frame's first block.
    pub block_base: usize,
    /// Stack depth of the callee slot: on return the stack is cut here and the result pushed.
    pub ret_slot: usize,
    /// Raw pointer to the instructions (CodeData is malloc'd, so stable while `code` lives).
    pub instrs: *const crate::bytecode::Instr,
    /// This frame was entered from Rust (`vm.call`): the eval loop returns when it returns.
    pub is_entry: bool,
    /// For an `__init__` run inline by a class call: the instance, which the call returns.
    pub init_instance: Value,
}

/// The root set handed to the heap at every collection. Kept separate from `Heap` so that
/// `self.heap.alloc(.., &mut self.roots)` borrows the two disjointly.
pub struct VmRoots {
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub exc: Value,
    /// Stack of handled exceptions (sys.exc_info), one per active handler.
    pub handled: Vec<Value>,
    pub types: Vec<Value>,
    pub named: Vec<Value>,
    pub interned: HashMap<String, Value, BuildFx>,
    pub modules: Value,
    pub builtins: Value,
    pub temps: Vec<Value>,
    /// Items yielded by generators being drained (gen.rs `gen_next_drain`), not yet taken by
    /// their consumer: one region per active drain, nested ones above.
    pub drain: Vec<Value>,
    /// Hidden classes of instances (attrmap.rs); its attribute names are roots.
    pub attr_maps: attrmap::MapTable,
}

impl Roots for VmRoots {
    fn trace(&mut self, visit: &mut Visitor<'_>) {
        for v in self.stack.iter_mut() {
            visit(v);
        }
        for f in self.frames.iter_mut() {
            visit(&mut f.code);
            visit(&mut f.func);
            visit(&mut f.globals);
            visit(&mut f.locals);
            visit(&mut f.generator);
            visit(&mut f.init_instance);
        }
        visit(&mut self.exc);
        for v in self.handled.iter_mut() {
            visit(v);
        }
        for v in self.types.iter_mut() {
            visit(v);
        }
        for v in self.named.iter_mut() {
            visit(v);
        }
        for v in self.interned.values_mut() {
            visit(v);
        }
        visit(&mut self.modules);
        visit(&mut self.builtins);
        for v in self.temps.iter_mut().chain(self.drain.iter_mut()) {
            visit(v);
        }
        self.attr_maps.trace(visit);
    }
}

/// A small, fast hasher for the interning table (FxHash's multiply-rotate; keys are not adversarial
/// in a way that matters here, and SipHash showed up in profiles of attribute-heavy code).
#[derive(Default, Clone, Copy)]
pub struct BuildFx;
pub struct FxHasher(u64);
impl std::hash::BuildHasher for BuildFx {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}
impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

/// Frequently used objects, indexes into `roots.named`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum Named {
    None,
    True,
    False,
    Ellipsis,
    NotImplemented,
    EmptyTuple,
    EmptyStr,
    Count,
}

pub struct Vm {
    pub heap: Heap,
    pub roots: VmRoots,
    pub blocks: Vec<Block>,
    /// Python-level recursion depth (frames) and Rust re-entrancy depth.
    pub recursion_limit: usize,
    pub native_depth: usize,
    pub argv: Vec<String>,
    pub script_dir: String,
    pub sys_path: Vec<String>,
    /// Names of the modules whose code is running (import.rs): an ImportError on them says
    /// "partially initialized module" as CPython's does.
    pub initializing: Vec<String>,
    /// Exceptions types by name, for raising from Rust.
    pub exc_types: HashMap<&'static str, usize>,
    pub finalizers_running: bool,
    /// Weak references with a callback: the target's weak token -> the weak token of the
    /// weakref object itself (objects/weakref.rs; entries go when the callback runs or, for
    /// weakrefs that died first, at the next sweep of the map).
    pub weak_callbacks: std::collections::HashMap<u64, u64>,
    /// The map's size after its last sweep (it is swept when it doubles).
    pub weak_callbacks_swept: usize,
    /// Every weakref's referent id -> weak tokens of the weakrefs (objects/weakref_count.rs:
    /// getweakrefcount/getweakrefs), and the map's size after its last sweep.
    pub weakrefs_by_id: std::collections::HashMap<u64, Vec<u64>>,
    pub weakrefs_by_id_swept: usize,
    /// Builtin type objects by Kind and by extra names (object, exceptions...).
    pub type_names: HashMap<String, usize, BuildFx>,
    /// ids of containers being repr'd (recursion guard).
    pub repr_guard: Vec<u64>,
    /// Set by YieldValue: the entry frame suspended instead of returning.
    pub yielded: bool,
    /// The generator being drained (gen.rs `gen_next_drain`): its frame index (usize::MAX when
    /// none), whether any value may go to the buffer (else only hash-safe ones), and the length
    /// of `roots.drain` at which it suspends anyway.
    pub drain: drain::Drain,
    /// What a finished generator's state reads as through `gen_state` (gen.rs).
    pub finished_gen: gen::GenState,
    /// Set by Reraise / bare raise: do not add another traceback entry for the current frame.
    pub reraising: bool,
    /// Set once a property or attribute hook is added to an existing class: disables the
    /// instance-attribute fast paths (see types.rs).
    pub attr_flags_dynamic: bool,
    /// "__init__", interned at startup (old generation: never moves).
    pub sym_init: Value,
    /// Direct-mapped cache in front of the intern table, keyed by the &str's address and checked by
    /// content (so a reused address cannot give a wrong answer).
    pub intern_cache: Vec<(usize, Value)>,
    /// Source of dict version numbers (see DictObj::version).
    pub dict_version: u64,
    /// Source of type tags (TypeObj::tag, assigned on first use by attrcache.rs).
    pub type_tags: u64,
    /// LoadMethod's second-level cache, shared by all call sites (attrcache.rs): no Values.
    pub method_table: Vec<(usize, attrcache::MethodCache)>,
    /// Native modules, bootstrap installers and import hooks given by the embedding (registry.rs).
    pub registry: registry::Registry,
}

#[cold]
#[inline(never)]
fn stale_reference(tid: u32) -> ! {
    panic!(
        "stale GC reference: heap type id {tid} is not a minipy kind (a Value used after its object \
         moved or died: see the GC rules at the top of vm/mod.rs)"
    )
}

impl Vm {
    /// A VM with the core types and natives, then what `registry` adds (its installers run at the
    /// end of the bootstrap; its modules and hooks serve imports).
    pub fn new(cfg: GcConfig, registry: registry::Registry) -> Vm {
        let mut heap = Heap::new(cfg);
        let tids = register_kinds(&mut heap);
        for (i, t) in tids.iter().enumerate() {
            assert_eq!(*t as usize, i, "gc type ids must follow registration order");
        }
        let roots = VmRoots {
            stack: Vec::with_capacity(1 << 16),
            frames: Vec::with_capacity(256),
            exc: Value::NULL,
            handled: Vec::new(),
            types: Vec::new(),
            named: vec![Value::NULL; Named::Count as usize],
            interned: HashMap::with_hasher(BuildFx),
            modules: Value::NULL,
            builtins: Value::NULL,
            temps: Vec::new(),
            drain: Vec::new(),
            attr_maps: attrmap::MapTable::default(),
        };
        let mut vm = Vm {
            heap,
            roots,
            blocks: Vec::with_capacity(256),
            recursion_limit: 1000,
            native_depth: 0,
            argv: Vec::new(),
            script_dir: ".".into(),
            sys_path: Vec::new(),
            initializing: Vec::new(),
            exc_types: HashMap::new(),
            finalizers_running: false,
            weak_callbacks: std::collections::HashMap::new(),
            weak_callbacks_swept: 0,
            weakrefs_by_id: std::collections::HashMap::new(),
            weakrefs_by_id_swept: 0,
            type_names: HashMap::with_hasher(BuildFx),
            repr_guard: Vec::new(),
            yielded: false,
            drain: drain::Drain::NONE,
            finished_gen: gen::FINISHED,
            reraising: false,
            attr_flags_dynamic: false,
            sym_init: Value::NULL,
            intern_cache: vec![(0, Value::NULL); 256],
            dict_version: 0,
            type_tags: 0,
            method_table: Vec::new(),
            registry,
        };
        builtins_setup::bootstrap(&mut vm);
        vm.sym_init = vm.intern("__init__");
        vm
    }

    // ---- allocation -------------------------------------------------------------------------

    /// Allocates a zeroed object of `kind` (GC point). MemoryError on exhaustion.
    #[inline(always)]
    pub fn alloc(&mut self, kind: Kind, len: usize) -> PyResult<Value> {
        match self.heap.alloc(kind as u32, len, &mut self.roots) {
            Ok(v) => Ok(v),
            Err(()) => Err(self.memory_error()),
        }
    }

    /// A GC point without an allocation: runs a collection the heap asked for (see `Heap::poll`).
    pub fn gc_poll(&mut self) {
        self.heap.poll(&mut self.roots);
    }

    /// Allocates in the old generation (never moves, not a GC point): interned strings, code constants.
    pub fn alloc_old(&mut self, kind: Kind, len: usize) -> Value {
        self.heap
            .alloc_old(kind as u32, len)
            .expect("out of memory allocating a permanent object")
    }

    /// Raw pointer to the payload of `v`, an object of one of `T::KINDS` (checked in debug builds);
    /// valid until the next GC point.
    #[inline(always)]
    pub fn payload<T: Payload>(&self, v: Value) -> *mut T {
        self.debug_check_kind::<T>(v);
        self.heap.payload(v) as *mut T
    }

    /// Shared view of a payload of `v`, an object of one of `T::KINDS` (checked in debug builds);
    /// valid until the next GC point.
    #[inline(always)]
    pub fn obj<T: Payload>(&self, v: Value) -> &T {
        self.debug_check_kind::<T>(v);
        // SAFETY: v is a live heap object (callers hold it from a root since the last GC point) of a
        // kind laid out as T (checked above in debug builds); the borrow of self ties the reference to
        // the heap, and no GC point can run while it is held (they need `&mut self`).
        unsafe { &*(self.heap.payload(v) as *const T) }
    }

    #[inline(always)]
    fn debug_check_kind<T: Payload>(&self, v: Value) {
        if cfg!(debug_assertions) {
            let k = self.kind(v);
            assert!(
                T::KINDS.contains(&k),
                "payload {} read from an object of kind {k:?}",
                std::any::type_name::<T>()
            );
        }
    }

    /// The kind of a heap value. Panics ("stale GC reference") when the header does not hold a
    /// minipy kind: `v` was read before a GC point and used after its object moved or died.
    #[inline(always)]
    pub fn kind(&self, v: Value) -> Kind {
        debug_assert!(v.is_ptr());
        let t = self.heap.tid(v);
        if t as usize >= NKINDS {
            stale_reference(t);
        }
        // SAFETY: Kind is `repr(u32)` with the default discriminants 0..NKINDS (NKINDS is the last
        // variant + 1), and t < NKINDS was checked just above.
        unsafe { std::mem::transmute::<u32, Kind>(t) }
    }

    #[inline(always)]
    pub fn is(&self, v: Value, k: Kind) -> bool {
        v.is_ptr() && self.heap.tid(v) == k as u32
    }

    #[inline(always)]
    pub fn none(&self) -> Value {
        self.roots.named[Named::None as usize]
    }
    #[inline(always)]
    pub fn bool_val(&self, b: bool) -> Value {
        self.roots.named[if b { Named::True } else { Named::False } as usize]
    }
    #[inline(always)]
    pub fn named(&self, n: Named) -> Value {
        self.roots.named[n as usize]
    }

    // ---- the value stack --------------------------------------------------------------------

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        self.roots.stack.push(v);
    }
    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        self.roots.stack.pop().expect("value stack underflow")
    }
    #[inline(always)]
    pub fn top(&self) -> Value {
        *self.roots.stack.last().expect("value stack underflow")
    }
    #[inline(always)]
    pub fn peek(&self, depth: usize) -> Value {
        let s = &self.roots.stack;
        s[s.len() - 1 - depth]
    }
    #[inline(always)]
    pub fn sp(&self) -> usize {
        self.roots.stack.len()
    }
    #[inline(always)]
    pub fn at(&self, i: usize) -> Value {
        self.roots.stack[i]
    }
    #[inline(always)]
    pub fn set_at(&mut self, i: usize, v: Value) {
        self.roots.stack[i] = v;
    }
    pub fn truncate(&mut self, n: usize) {
        self.roots.stack.truncate(n);
    }

    /// The i-th argument of a native call, re-read from the stack (R2).
    #[inline(always)]
    pub fn arg(&self, a: &Args, i: usize) -> Value {
        debug_assert!(i < a.n);
        self.roots.stack[a.base + i]
    }

    /// Roots `v` until `untemp` (LIFO).
    pub fn temp(&mut self, v: Value) -> usize {
        self.roots.temps.push(v);
        self.roots.temps.len() - 1
    }
    pub fn get_temp(&self, i: usize) -> Value {
        self.roots.temps[i]
    }
    pub fn untemp(&mut self, i: usize) {
        debug_assert!(
            self.roots.temps.len() == i + 1,
            "temps must be released LIFO"
        );
        self.roots.temps.truncate(i);
    }

    /// Builtin type object of a Kind.
    #[inline(always)]
    pub fn type_of_kind(&self, k: Kind) -> Value {
        self.roots.types[k as usize]
    }

    /// A builtin type or exception class by name ("object", "ValueError"...).
    pub fn has_builtin_type(&self, name: &str) -> bool {
        self.type_names.contains_key(name)
    }
    pub fn builtin_type(&self, name: &str) -> Value {
        match self.type_names.get(name) {
            Some(&i) => self.roots.types[i],
            None => panic!("no builtin type {name}"),
        }
    }
}
