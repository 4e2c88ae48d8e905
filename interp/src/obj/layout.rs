//! Payload layouts of every heap object kind, and their registration with the gc heap.
//!
//! Each kind is a `#[repr(C)]` struct placed right after the gc header. `Value` fields are listed by
//! offset in the kind's `TypeInfo` so the collector traces (and updates) them. Variable-sized kinds start
//! with `len: usize`; their items follow the fixed part. Payloads start zeroed: a zero Value is null.
//!
//! Invariant: a payload reference (`&T` / `*mut T`) obtained from the heap is valid only until the next
//! GC point (allocation, Python call). Code that allocates re-derives it afterwards.

use gc::{Heap, TypeId, TypeInfo, Value, Visitor};
use memoffset::offset_of;
use std::mem::size_of;

/// Every kind of heap object minipy creates. The discriminant order is the registration order.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum Kind {
    NoneType,
    Bool,
    BigInt,
    Float,
    Str,
    Bytes,
    ByteArray,
    Tuple,
    List,
    ValueArray,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    Native,
    BoundMethod,
    Code,
    Cell,
    Type,
    Instance,
    Module,
    Generator,
    // The builtin iterators and dict views (objects/iter/), one kind per Python type.
    ListIter,
    TupleIter,
    StrIter,
    /// The iterator of a non-ASCII str (CPython's `str_iterator`; ASCII ones are str_ascii_iterator).
    StrUIter,
    BytesIter,
    ByteArrayIter,
    SeqIter,
    RangeIter,
    DictKeyIter,
    DictValueIter,
    DictItemIter,
    SetIter,
    DictKeys,
    DictValues,
    DictItems,
    Enumerate,
    Zip,
    Map,
    Filter,
    Reversed,
    /// reversed(list), reversed(dict) and the dict views' reversed: CPython names these iterator
    /// types apart; they share `ReversedObj` and its `next` with `reversed`.
    ListRevIter,
    DictRevKeyIter,
    DictRevValueIter,
    DictRevItemIter,
    CallableIter,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Ellipsis,
    NotImplemented,
    MemoryView,
    Complex,
    WeakRef,
    /// `async def` objects: a generator frame (`GeneratorObj`) under another type (objects/coroutine.rs).
    Coroutine,
    AsyncGenerator,
    /// A native object owning a boxed Rust value (`ForeignData`: cffi cdata and friends).
    Foreign,
}

pub const NKINDS: usize = Kind::Foreign as usize + 1;

/// A payload struct: the layout of the objects of `KINDS`. `Vm::obj::<T>` / `Vm::payload::<T>` check
/// (in debug builds) that the object's kind is one of them.
pub trait Payload: 'static {
    /// The kinds whose objects have this layout.
    const KINDS: &'static [Kind];
    /// Name and byte offset of every field of type `Value` (the fields the collector traces and
    /// updates), derived from the struct's declaration by `payload!`.
    fn value_fields() -> Vec<(&'static str, usize)>;
}

fn is_value<T: 'static>() -> bool {
    std::any::TypeId::of::<T>() == std::any::TypeId::of::<Value>()
}

/// Declares a payload struct and its `Payload` impl: the kinds it serves and its `Value` fields, found
/// from the field types of this one declaration (so the tracer's offsets cannot drift from the struct).
macro_rules! payload {
    ([$($kind:ident),+]
     $(#[$m:meta])*
     pub struct $name:ident {
        $($(#[$fm:meta])* pub $f:ident: $t:ty,)*
     }) => {
        $(#[$m])*
        pub struct $name {
            $($(#[$fm])* pub $f: $t,)*
        }
        impl Payload for $name {
            const KINDS: &'static [Kind] = &[$(Kind::$kind),+];
            fn value_fields() -> Vec<(&'static str, usize)> {
                let mut v = Vec::new();
                $(if is_value::<$t>() {
                    v.push((stringify!($f), offset_of!($name, $f)));
                })*
                v
            }
        }
    };
}

payload! { [Bool]
#[repr(C)]
pub struct BoolObj {
    pub value: u64,
}
}
payload! { [BigInt]
/// A big int: sign and magnitude, the magnitude's `len` little-endian 64-bit limbs inline after the
/// fixed part (so the GC heap owns them: no malloc, no destructor, and the nursery's size paces the
/// collections of short-lived big ints as it does for every other object). Invariants: the top limb
/// is non-zero, and the value never fits a small int (`Vm::new_int_from_limbs` normalizes).
#[repr(C)]
pub struct BigIntObj {
    pub len: usize,
    /// 1 for a negative int, else 0.
    pub neg: u64,
    pub limbs: [u64; 0],
}
}
payload! { [Float]
#[repr(C)]
pub struct FloatObj {
    pub f: f64,
}
}
payload! { [Str]
/// str: UTF-8 bytes. `hash` is 0 until computed (a computed hash of 0 is stored as 1). `cls` is
/// null for a plain str, else the Python subclass of str this object is an instance of.
#[repr(C)]
pub struct StrObj {
    pub len: usize,
    pub hash: u64,
    pub nchars: usize,
    pub cls: Value,
    pub data: [u8; 0],
}
}
/// Bytes objects are allocated one zero byte longer than their data, as CPython's: C code given a
/// `bytes` as `char *` (in place, see cffi/call.rs) always finds the terminating NUL.
pub const BYTES_NUL: usize = 1;
payload! { [Bytes]
#[repr(C)]
pub struct BytesObj {
    pub len: usize,
    pub hash: u64,
    pub data: [u8; 0],
}
}
payload! { [ByteArray]
/// bytearray: storage outside the heap so its address is stable (ffi.from_buffer). `exports`
/// counts live buffer exports (cffi's from_buffer): while non-zero the storage must not be resized.
/// It is a non-GC shared cell because the exporting cdata's destructor decrements it and a
/// destructor must not touch another GC object (gc rule R7). `cls`/`attrs` are null for a plain
/// bytearray; an instance of a Python subclass of bytearray has its class and `__dict__` there.
#[repr(C)]
pub struct ByteArrayObj {
    pub data: Vec<u8>,
    pub exports: std::rc::Rc<std::cell::Cell<usize>>,
    /// The bytes of `data`'s buffer counted with `Heap::add_external_bytes` so far (brought up to the
    /// capacity when the bytearray is made and after every method that can grow it); the destructor
    /// reports exactly this many as freed.
    pub charged: usize,
    pub cls: Value,
    pub attrs: Value,
}
}
payload! { [Tuple]
#[repr(C)]
pub struct TupleObj {
    pub len: usize,
    pub hash: u64,
    pub items: [Value; 0],
}
}
payload! { [ValueArray]
#[repr(C)]
pub struct ValueArrayObj {
    pub len: usize,
    pub items: [Value; 0],
}
}
payload! { [List]
/// list: `items` is a ValueArray of capacity >= len (or null when empty). `cls`/`attrs` are null for a
/// plain list; an instance of a Python subclass of list has its class and its `__dict__` there.
#[repr(C)]
pub struct ListObj {
    pub len: usize,
    pub items: Value,
    pub cls: Value,
    pub attrs: Value,
}
}
payload! { [Dict, Set, FrozenSet]
/// dict: insertion-ordered hash table; set/frozenset use the same payload for CPython's open-addressed
/// set table instead (`objects/set/table.rs`: there `used` is the table size, `index` is null).
/// `entries` is a ValueArray of `3 * cap` words: (hash as small int, key, value); a deleted entry has a
/// null key. `index` is a ValueArray of `2 * cap` small ints (entry index + 1, 0 = empty); it is a
/// power of two in size.
#[repr(C)]
pub struct DictObj {
    pub len: usize,
    pub used: usize,
    pub entries: Value,
    pub index: Value,
    /// Changes (to a VM-wide unique number) whenever a key is added or removed or the table is
    /// rebuilt, never when a value is replaced: caches of entry positions check it. 0 = never cached.
    pub version: u64,
    /// Python subclass of dict or set: its class and `__dict__` (null for a plain dict/set, and
    /// always for a frozenset, whose subclasses are boxes: vm/boxed.rs).
    pub cls: Value,
    pub attrs: Value,
    /// set/frozenset only (`objects/set/table.rs`): active + dummy slots, and where `pop` resumes.
    pub fill: usize,
    pub finger: usize,
}
}
payload! { [Range]
#[repr(C)]
pub struct RangeObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
}
payload! { [Slice]
#[repr(C)]
pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
}
payload! { [Function]
#[repr(C)]
pub struct FunctionObj {
    pub code: Value,
    pub globals: Value,
    pub defaults: Value,
    pub kwdefaults: Value,
    pub closure: Value,
    pub name: Value,
    pub qualname: Value,
    pub dict: Value,
    pub doc: Value,
    /// `__annotations__`: the dict MakeFunction got (flag 4), else null until first read.
    pub annotations: Value,
}
}

pub type NativeFn = fn(&mut crate::vm::Vm, crate::vm::Args) -> crate::vm::PyResult<Value>;

payload! { [Native]
#[repr(C)]
pub struct NativeObj {
    pub f: NativeFn,
    pub name: Value,
    /// Bound first argument (module functions: null; methods bound to an object: the object).
    pub bound: Value,
    pub qualname: Value,
    /// The builtin type a method belongs to (null for functions, constructors and class/static
    /// methods): an unbound call checks that its first argument is an instance of it.
    pub owner: Value,
    /// A slot dunder's argument count after self, plus one (0: the native checks its own arguments;
    /// `NATIVE_FUNCTION`: a builtin or module function, which a class attribute does not bind).
    pub arity: u64,
}
}
pub const NATIVE_FUNCTION: u64 = u64::MAX;
payload! { [BoundMethod]
#[repr(C)]
pub struct BoundMethodObj {
    pub func: Value,
    pub slf: Value,
}
}
payload! { [Code]
#[repr(C)]
pub struct CodeObj {
    pub data: *mut crate::vm::code::CodeData,
    pub consts: Value,
    pub names: Value,
    pub name: Value,
    pub filename: Value,
}
}
payload! { [Cell]
#[repr(C)]
pub struct CellObj {
    pub value: Value,
}
}
payload! { [Type]
#[repr(C)]
pub struct TypeObj {
    pub name: Value,
    pub bases: Value,
    pub mro: Value,
    pub dict: Value,
    pub qualname: Value,
    pub module: Value,
    /// The Kind of this type's instances (Instance for user classes).
    pub inst_kind: u64,
    /// Bit flags (TYPE_*).
    pub flags: u64,
    /// The metaclass (`type(cls)`); NULL means `type` (every builtin type and plain class).
    pub meta: Value,
    /// A unique id, stable when the type moves (0 until first needed): the key of the LoadMethod
    /// cache (vm/attrcache.rs).
    pub tag: u64,
}
}
pub const TYPE_BUILTIN: u64 = 1;
pub const TYPE_BASETYPE: u64 = 2;
pub const TYPE_EXCEPTION: u64 = 4;
/// The type or a base defines a data descriptor (property): instance-dict-first lookup is not valid.
pub const TYPE_HAS_PROPS: u64 = 8;
/// The type or a base defines `__setattr__`/`__delattr__`/`__getattribute__` in Python.
pub const TYPE_CUSTOM_ATTRS: u64 = 16;
/// The type or a base (other than object) defines `__new__`.
pub const TYPE_CUSTOM_NEW: u64 = 32;
/// The type or a base defines `__del__`: its instances get a heap finalizer at creation.
pub const TYPE_HAS_DEL: u64 = 64;
/// The type or a base defines `__getattribute__` in Python: every instance attribute lookup calls it.
pub const TYPE_CUSTOM_GETATTRIBUTE: u64 = 128;

payload! { [Instance]
/// `base`: null, or for an instance of a Python subclass of int/float/complex/tuple/bytes/frozenset
/// the plain builtin value it boxes (vm/boxed.rs); the builtin's methods see that value.
#[repr(C)]
///
/// Attributes live either in `dict` (dict mode) or, when `map` is non-zero, in slots described by
/// that hidden class (vm/attrmap.rs): slot i is `inline[i]` for i < 4, else `slots[i - 4]` (a
/// ValueArray, null until needed). Invariant: `map != 0` implies `dict` is null.
pub struct InstanceObj {
    pub cls: Value,
    pub dict: Value,
    pub base: Value,
    /// Hidden-class id (an index into the Vm's map table, not a pointer); 0: no map.
    pub map: u64,
    pub s0: Value,
    pub s1: Value,
    pub s2: Value,
    pub s3: Value,
    pub slots: Value,
}
}
payload! { [Module]
#[repr(C)]
pub struct ModuleObj {
    pub name: Value,
    pub dict: Value,
}
}
payload! { [Generator, Coroutine, AsyncGenerator]
/// A generator's suspended frame lives in a Box so its Values can be traced by custom_trace.
#[repr(C)]
pub struct GeneratorObj {
    pub func: Value,
    pub code: Value,
    pub globals: Value,
    pub name: Value,
    pub state: *mut crate::vm::gen::GenState,
}
}
payload! { [ListIter, TupleIter, StrIter, StrUIter, BytesIter, ByteArrayIter, SeqIter]
/// An iterator over a sequence by position: `seq` is the list/tuple/str/bytes (any object with
/// `__getitem__` for SeqIter), `index` the next position (for StrIter a byte offset into the UTF-8,
/// always on a char boundary). No pointer into the items is kept: the sequence may move or resize.
#[repr(C)]
pub struct SeqIterObj {
    pub seq: Value,
    pub index: i64,
}
}
payload! { [RangeIter]
/// range iterator: `next` is the value to produce, `remaining` how many are left.
#[repr(C)]
pub struct RangeIterObj {
    pub next: i64,
    pub step: i64,
    pub remaining: i64,
}
}
payload! { [DictKeyIter, DictValueIter, DictItemIter, SetIter]
/// dict/set iterator: `pos` is the next entry index to look at; `expect_len` the container's length
/// when the iteration started (-1 once a size change was reported, so it keeps failing).
#[repr(C)]
pub struct DictIterObj {
    pub dict: Value,
    pub pos: i64,
    pub expect_len: i64,
}
}
payload! { [DictKeys, DictValues, DictItems]
/// dict_keys/dict_values/dict_items: a live view of `dict`.
#[repr(C)]
pub struct DictViewObj {
    pub dict: Value,
}
}
payload! { [Enumerate]
/// enumerate: `count` is the next index (a small or big int).
#[repr(C)]
pub struct EnumerateObj {
    pub iter: Value,
    pub count: Value,
}
}
payload! { [MemoryView]
/// memoryview: row `i` starts at byte `start + i * step` of `obj` (a bytes or bytearray).
#[repr(C)]
pub struct MemoryViewObj {
    pub obj: Value,
    pub start: i64,
    pub step: i64,
    pub len: i64,
    /// 1 after release() (or the end of a `with` block).
    pub released: u64,
    /// The item format's struct code (0 for 'B'); start/step are in bytes, len in items.
    pub fmt: u64,
    /// Dimensions (0 for a `cast(fmt, ())` scalar view). Dimension 0 is start/step/len; the
    /// others are C-contiguous rows whose sizes are `inner`.
    pub ndim: u64,
    /// The sizes of dimensions 1.. (a tuple of ints) when ndim > 1, else null.
    pub inner: Value,
}
}
payload! { [WeakRef]
/// weakref.ref: `target` is the heap's weak token of the referent (a handle slot the collector
/// clears when the referent dies, never a traced reference); `hash` caches hash(referent) once
/// computed (`hashed` = 1).
#[repr(C)]
pub struct WeakRefObj {
    pub callback: Value,
    pub target: u64,
    pub hash: i64,
    pub hashed: u64,
}
}
/// # Safety
/// `p` is the payload of a dead WeakRef (gc's drop_fn contract).
unsafe fn drop_weakref(p: *mut u8) {
    // SAFETY: the function's contract: p is a WeakRefObj payload no one else uses any more.
    let w = unsafe { &*(p as *const WeakRefObj) };
    gc::release_handle_deferred(w.target);
}
payload! { [Complex]
/// complex: a pair of IEEE doubles (`re + im*j`), immutable.
#[repr(C)]
pub struct ComplexObj {
    pub re: f64,
    pub im: f64,
}
}
payload! { [Zip]
/// zip: `iters` is a tuple of iterators.
#[repr(C)]
pub struct ZipObj {
    pub iters: Value,
    /// zip(strict=True): 1 when iterators of unequal lengths raise ValueError.
    pub strict: u64,
}
}
payload! { [Map]
/// map: `iters` is a tuple of iterators, `func` is called with one item of each.
#[repr(C)]
pub struct MapObj {
    pub func: Value,
    pub iters: Value,
}
}
payload! { [Filter]
/// filter: `func` is None (keep the true items) or the predicate.
#[repr(C)]
pub struct FilterObj {
    pub func: Value,
    pub iter: Value,
}
}
payload! { [Reversed, ListRevIter, DictRevKeyIter, DictRevValueIter, DictRevItemIter]
/// reversed: `index` is the next position to produce, counting down (< 0: exhausted).
#[repr(C)]
pub struct ReversedObj {
    pub seq: Value,
    pub index: i64,
}
}
payload! { [CallableIter]
/// iter(func, sentinel): calls `func` until it returns a value equal to `sentinel`.
#[repr(C)]
pub struct CallableIterObj {
    pub func: Value,
    pub sentinel: Value,
}
}
payload! { [Property]
#[repr(C)]
pub struct PropertyObj {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}
}
payload! { [StaticMethod, ClassMethod]
#[repr(C)]
pub struct WrapperObj {
    pub func: Value,
}
}
payload! { [Super]
#[repr(C)]
pub struct SuperObj {
    pub typ: Value,
    pub obj: Value,
}
}
/// The most `Value` fields a [`ForeignData`] struct may have.
pub const MAX_FOREIGN_REFS: usize = 5;

/// The `Value` fields of a [`ForeignData`] struct (unused entries `None`).
pub type ForeignRefs<'a> = [Option<&'a mut Value>; MAX_FOREIGN_REFS];

/// The Rust side of a `Kind::Foreign` object (cffi: one struct per object kind, with named fields,
/// see `cffi/mod.rs`). It is boxed, so it never moves; the `Value`s it holds are GC references
/// that the collector reaches only through [`ForeignData::refs`] (the object's `custom_trace`).
/// Storing a `Value` into it after the object's allocation needs the write barrier on the object.
pub trait ForeignData: std::any::Any {
    /// Every `Value` field, always in the same order (the collector traces and updates them in
    /// place; `new_foreign` roots them across the allocation). A list rather than a visitor
    /// callback: it is a plain accessor that cannot allocate.
    fn refs(&mut self) -> ForeignRefs<'_>;

    /// Frees the data when its object dies (default: drops the box). A kind with many
    /// short-lived objects may keep the allocation for reuse (cffi's cdata pool). Runs inside a
    /// collection: must not reach the heap (R7).
    fn free(self: Box<Self>) {
        drop(self)
    }
}

payload! { [Foreign]
/// A native object owning a Rust value: `cls` is its Python class, `data` the boxed
/// [`ForeignData`] (null only between the allocation and the constructor's store), owned by the
/// object and dropped with it.
#[repr(C)]
pub struct ForeignObj {
    pub cls: Value,
    pub data: *mut dyn ForeignData,
}
}

/// # Safety
/// `p` is the payload of a dead ByteArray (gc's drop_fn contract).
unsafe fn drop_bytearray(p: *mut u8) {
    // SAFETY: the function's contract: p is an initialized ByteArrayObj, never used again.
    let o = unsafe { &mut *(p as *mut ByteArrayObj) };
    gc::external_bytes_freed(o.charged);
    // SAFETY: as above.
    unsafe { std::ptr::drop_in_place(o) };
}

/// # Safety
/// `p` is the payload of a dead Code object (gc's drop_fn contract).
unsafe fn drop_code(p: *mut u8) {
    // SAFETY: the function's contract; data is null or the Box set by load_code, freed only here.
    let c = unsafe { &mut *(p as *mut CodeObj) };
    if !c.data.is_null() {
        // SAFETY: data was made by Box::into_raw in load_code and is nulled after the drop.
        let data = unsafe { Box::from_raw(c.data) };
        gc::external_bytes_freed(data.external_bytes());
        drop(data);
        c.data = std::ptr::null_mut();
    }
}
/// # Safety
/// `p` is the payload of a dead Generator (gc's drop_fn contract).
unsafe fn drop_gen(p: *mut u8) {
    // SAFETY: the function's contract: p is a GeneratorObj payload no one else uses any more.
    let g = unsafe { &mut *(p as *mut GeneratorObj) };
    if !g.state.is_null() {
        // SAFETY: state was made by Box::into_raw in new_generator and is nulled after the drop.
        crate::vm::gen::recycle_state(unsafe { Box::from_raw(g.state) });
        g.state = std::ptr::null_mut();
    }
}
fn trace_gen(p: *mut u8, visit: &mut Visitor<'_>) {
    // SAFETY: the collector calls custom_trace with the payload of a live Generator, and holds no other
    // reference to it during the call.
    let g = unsafe { &mut *(p as *mut GeneratorObj) };
    if !g.state.is_null() {
        // SAFETY: state is null or the Box set by new_generator, owned by this generator; no Rust code
        // holds a reference to it across a collection (gen_state borrows &mut Vm).
        let st = unsafe { &mut *g.state };
        for v in st.stack.iter_mut().chain(st.handled.iter_mut()) {
            visit(v);
        }
    }
}
/// # Safety
/// `p` is the payload of a dead Foreign object (gc's drop_fn contract).
unsafe fn drop_foreign(p: *mut u8) {
    // SAFETY: the function's contract: p is a ForeignObj payload no one else uses any more.
    let f = unsafe { &mut *(p as *mut ForeignObj) };
    let raw: *mut u8 = f.data as *mut u8;
    if !raw.is_null() {
        // SAFETY: data is non-null, so it is the Box set by the cffi constructor (Box::into_raw),
        // owned by this object and nulled after the drop.
        unsafe { Box::from_raw(f.data) }.free();
        f.data = std::ptr::null_mut::<NoData>() as *mut dyn ForeignData;
    }
}
/// The type of a null `ForeignObj::data` (a fat null pointer needs a concrete type).
struct NoData;
impl ForeignData for NoData {
    fn refs(&mut self) -> ForeignRefs<'_> {
        Default::default()
    }
}
fn trace_foreign(p: *mut u8, visit: &mut Visitor<'_>) {
    // SAFETY: the collector calls custom_trace with the payload of a live Foreign object.
    let f = unsafe { &mut *(p as *mut ForeignObj) };
    let raw: *mut u8 = f.data as *mut u8;
    if !raw.is_null() {
        // SAFETY: data is null or the Box set by the cffi constructor, owned by this object. No Rust
        // reference into it is alive during a collection: references handed out by
        // `cffi::foreign` borrow the Vm, and a collection needs `&mut Vm`.
        let data = unsafe { &mut *f.data };
        for v in data.refs().into_iter().flatten() {
            visit(v);
        }
    }
}

/// The `TypeInfo` of the kinds whose payload is `T`: its size and its `Value` fields.
fn info_of<T: Payload>(name: &'static str) -> TypeInfo {
    let offs = T::value_fields().iter().map(|&(_, o)| o as u32).collect();
    info(name, size_of::<T>(), offs)
}

fn info(name: &'static str, fixed: usize, offs: Vec<u32>) -> TypeInfo {
    TypeInfo {
        name,
        fixed_size: fixed,
        item_size: 0,
        value_offsets: offs,
        items_are_values: false,
        custom_trace: None,
        drop_fn: None,
    }
}

/// The `TypeInfo` of every kind, in `Kind` order.
fn kind_infos() -> Vec<TypeInfo> {
    let mut infos: Vec<TypeInfo> = Vec::new();
    infos.push(info("NoneType", 8, vec![]));
    infos.push(info_of::<BoolObj>("bool"));
    let mut big = info_of::<BigIntObj>("int");
    big.item_size = 8;
    infos.push(big);
    infos.push(info_of::<FloatObj>("float"));
    let mut s = info_of::<StrObj>("str");
    s.item_size = 1;
    infos.push(s);
    let mut b = info_of::<BytesObj>("bytes");
    b.item_size = 1;
    b.fixed_size += BYTES_NUL;
    infos.push(b);
    let mut ba = info_of::<ByteArrayObj>("bytearray");
    ba.drop_fn = Some(drop_bytearray);
    infos.push(ba);
    let mut t = info_of::<TupleObj>("tuple");
    t.item_size = 8;
    t.items_are_values = true;
    infos.push(t);
    infos.push(info_of::<ListObj>("list"));
    let mut va = info_of::<ValueArrayObj>("valuearray");
    va.item_size = 8;
    va.items_are_values = true;
    infos.push(va);
    infos.push(info_of::<DictObj>("dict"));
    infos.push(info_of::<DictObj>("set"));
    infos.push(info_of::<DictObj>("frozenset"));
    infos.push(info_of::<RangeObj>("range"));
    infos.push(info_of::<SliceObj>("slice"));
    infos.push(info_of::<FunctionObj>("function"));
    infos.push(info_of::<NativeObj>("builtin_function_or_method"));
    infos.push(info_of::<BoundMethodObj>("method"));
    let mut code = info_of::<CodeObj>("code");
    code.drop_fn = Some(drop_code);
    infos.push(code);
    infos.push(info_of::<CellObj>("cell"));
    infos.push(info_of::<TypeObj>("type"));
    infos.push(info_of::<InstanceObj>("object"));
    infos.push(info_of::<ModuleObj>("module"));
    let mut g = info_of::<GeneratorObj>("generator");
    g.custom_trace = Some(trace_gen);
    g.drop_fn = Some(drop_gen);
    infos.push(g);
    infos.push(info_of::<SeqIterObj>("list_iterator"));
    infos.push(info_of::<SeqIterObj>("tuple_iterator"));
    infos.push(info_of::<SeqIterObj>("str_ascii_iterator"));
    infos.push(info_of::<SeqIterObj>("str_iterator"));
    infos.push(info_of::<SeqIterObj>("bytes_iterator"));
    infos.push(info_of::<SeqIterObj>("bytearray_iterator"));
    infos.push(info_of::<SeqIterObj>("iterator"));
    infos.push(info_of::<RangeIterObj>("range_iterator"));
    infos.push(info_of::<DictIterObj>("dict_keyiterator"));
    infos.push(info_of::<DictIterObj>("dict_valueiterator"));
    infos.push(info_of::<DictIterObj>("dict_itemiterator"));
    infos.push(info_of::<DictIterObj>("set_iterator"));
    infos.push(info_of::<DictViewObj>("dict_keys"));
    infos.push(info_of::<DictViewObj>("dict_values"));
    infos.push(info_of::<DictViewObj>("dict_items"));
    infos.push(info_of::<EnumerateObj>("enumerate"));
    infos.push(info_of::<ZipObj>("zip"));
    infos.push(info_of::<MapObj>("map"));
    infos.push(info_of::<FilterObj>("filter"));
    infos.push(info_of::<ReversedObj>("reversed"));
    infos.push(info_of::<ReversedObj>("list_reverseiterator"));
    infos.push(info_of::<ReversedObj>("dict_reversekeyiterator"));
    infos.push(info_of::<ReversedObj>("dict_reversevalueiterator"));
    infos.push(info_of::<ReversedObj>("dict_reverseitemiterator"));
    infos.push(info_of::<CallableIterObj>("callable_iterator"));
    infos.push(info_of::<PropertyObj>("property"));
    infos.push(info_of::<WrapperObj>("staticmethod"));
    infos.push(info_of::<WrapperObj>("classmethod"));
    infos.push(info_of::<SuperObj>("super"));
    infos.push(info("ellipsis", 8, vec![]));
    infos.push(info("NotImplementedType", 8, vec![]));
    infos.push(info_of::<MemoryViewObj>("memoryview"));
    infos.push(info_of::<ComplexObj>("complex"));
    let mut w = info_of::<WeakRefObj>("ReferenceType");
    w.drop_fn = Some(drop_weakref);
    infos.push(w);
    for name in ["coroutine", "async_generator"] {
        let mut g = info_of::<GeneratorObj>(name);
        g.custom_trace = Some(trace_gen);
        g.drop_fn = Some(drop_gen);
        infos.push(g);
    }
    let mut f = info_of::<ForeignObj>("foreign");
    f.custom_trace = Some(trace_foreign);
    f.drop_fn = Some(drop_foreign);
    infos.push(f);
    infos
}

/// Registers every kind with the heap, in `Kind` order; returns the TypeIds (tid == Kind as u32 + base).
pub fn register_kinds(heap: &mut Heap) -> Vec<TypeId> {
    let infos = kind_infos();
    assert_eq!(infos.len(), NKINDS);
    infos.into_iter().map(|i| heap.register_type(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<T: Payload>() -> Vec<&'static str> {
        T::value_fields().iter().map(|&(n, _)| n).collect()
    }

    /// The derivation finds exactly the `Value` fields (not `[Value; 0]` items, ints or pointers).
    #[test]
    fn value_fields_are_derived_from_the_declarations() {
        assert_eq!(names::<StrObj>(), ["cls"]);
        assert_eq!(names::<TupleObj>(), Vec::<&str>::new());
        assert_eq!(names::<ListObj>(), ["items", "cls", "attrs"]);
        assert_eq!(names::<DictObj>(), ["entries", "index", "cls", "attrs"]);
        assert_eq!(names::<ByteArrayObj>(), ["cls", "attrs"]);
        assert_eq!(
            names::<FunctionObj>(),
            [
                "code",
                "globals",
                "defaults",
                "kwdefaults",
                "closure",
                "name",
                "qualname",
                "dict",
                "doc",
                "annotations"
            ]
        );
        assert_eq!(names::<NativeObj>(), ["name", "bound", "qualname", "owner"]);
        assert_eq!(names::<CodeObj>(), ["consts", "names", "name", "filename"]);
        assert_eq!(names::<GeneratorObj>(), ["func", "code", "globals", "name"]);
        assert_eq!(names::<SeqIterObj>(), ["seq"]);
        assert_eq!(names::<RangeIterObj>(), Vec::<&str>::new());
        assert_eq!(names::<DictIterObj>(), ["dict"]);
        assert_eq!(names::<DictViewObj>(), ["dict"]);
        assert_eq!(names::<EnumerateObj>(), ["iter", "count"]);
        assert_eq!(names::<MapObj>(), ["func", "iters"]);
        assert_eq!(names::<CallableIterObj>(), ["func", "sentinel"]);
        assert_eq!(names::<TypeObj>().len(), 7);
        assert_eq!(names::<ForeignObj>(), ["cls"]);
        for &(_, off) in FunctionObj::value_fields().iter() {
            assert_eq!(off % std::mem::align_of::<Value>(), 0);
        }
    }

    /// Every kind is registered with the size and the traced fields of the payload struct that
    /// declares it in its `KINDS`.
    #[test]
    fn registered_kinds_match_their_payload_structs() {
        fn check<T: Payload>(infos: &[TypeInfo], seen: &mut Vec<Kind>) {
            for &k in T::KINDS {
                let i = &infos[k as usize];
                let extra = if k == Kind::Bytes { BYTES_NUL } else { 0 };
                assert_eq!(i.fixed_size, size_of::<T>() + extra, "{k:?}");
                let offs: Vec<u32> = T::value_fields().iter().map(|&(_, o)| o as u32).collect();
                assert_eq!(i.value_offsets, offs, "{k:?}");
                seen.push(k);
            }
        }
        let infos = kind_infos();
        assert_eq!(infos.len(), NKINDS);
        let mut seen = vec![Kind::NoneType, Kind::Ellipsis, Kind::NotImplemented];
        check::<BoolObj>(&infos, &mut seen);
        check::<BigIntObj>(&infos, &mut seen);
        check::<FloatObj>(&infos, &mut seen);
        check::<StrObj>(&infos, &mut seen);
        check::<BytesObj>(&infos, &mut seen);
        check::<ByteArrayObj>(&infos, &mut seen);
        check::<TupleObj>(&infos, &mut seen);
        check::<ValueArrayObj>(&infos, &mut seen);
        check::<ListObj>(&infos, &mut seen);
        check::<DictObj>(&infos, &mut seen);
        check::<RangeObj>(&infos, &mut seen);
        check::<SliceObj>(&infos, &mut seen);
        check::<FunctionObj>(&infos, &mut seen);
        check::<NativeObj>(&infos, &mut seen);
        check::<BoundMethodObj>(&infos, &mut seen);
        check::<CodeObj>(&infos, &mut seen);
        check::<CellObj>(&infos, &mut seen);
        check::<TypeObj>(&infos, &mut seen);
        check::<InstanceObj>(&infos, &mut seen);
        check::<ModuleObj>(&infos, &mut seen);
        check::<GeneratorObj>(&infos, &mut seen);
        check::<SeqIterObj>(&infos, &mut seen);
        check::<RangeIterObj>(&infos, &mut seen);
        check::<DictIterObj>(&infos, &mut seen);
        check::<DictViewObj>(&infos, &mut seen);
        check::<EnumerateObj>(&infos, &mut seen);
        check::<ZipObj>(&infos, &mut seen);
        check::<MapObj>(&infos, &mut seen);
        check::<FilterObj>(&infos, &mut seen);
        check::<ReversedObj>(&infos, &mut seen);
        check::<CallableIterObj>(&infos, &mut seen);
        check::<PropertyObj>(&infos, &mut seen);
        check::<WrapperObj>(&infos, &mut seen);
        check::<SuperObj>(&infos, &mut seen);
        check::<MemoryViewObj>(&infos, &mut seen);
        check::<WeakRefObj>(&infos, &mut seen);
        check::<ComplexObj>(&infos, &mut seen);
        check::<ForeignObj>(&infos, &mut seen);
        // Each kind is declared by exactly one struct (or has no payload).
        seen.sort_by_key(|&k| k as u32);
        let ids: Vec<usize> = seen.iter().map(|&k| k as usize).collect();
        assert_eq!(ids, (0..NKINDS).collect::<Vec<_>>());
    }
}
