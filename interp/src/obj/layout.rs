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
use num_bigint::BigInt;
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
    Iter,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Ellipsis,
    NotImplemented,
    /// A native object owning a Rust value through a `Box<dyn Any>` (cffi cdata and friends).
    Foreign,
}

pub const NKINDS: usize = Kind::Foreign as usize + 1;

#[repr(C)]
pub struct BoolObj {
    pub value: u64,
}
#[repr(C)]
pub struct BigIntObj {
    pub n: BigInt,
}
#[repr(C)]
pub struct FloatObj {
    pub f: f64,
}
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
#[repr(C)]
pub struct BytesObj {
    pub len: usize,
    pub hash: u64,
    pub data: [u8; 0],
}
/// bytearray: storage outside the heap so its address is stable (ffi.from_buffer). `exports`
/// counts live buffer exports (cffi's from_buffer): while non-zero the storage must not be resized.
/// It is a non-GC shared cell because the exporting cdata's destructor decrements it and a
/// destructor must not touch another GC object (gc rule R7).
#[repr(C)]
pub struct ByteArrayObj {
    pub data: Vec<u8>,
    pub exports: std::rc::Rc<std::cell::Cell<usize>>,
}
#[repr(C)]
pub struct TupleObj {
    pub len: usize,
    pub hash: u64,
    pub items: [Value; 0],
}
#[repr(C)]
pub struct ValueArrayObj {
    pub len: usize,
    pub items: [Value; 0],
}
/// list: `items` is a ValueArray of capacity >= len (or null when empty). `cls`/`attrs` are null for a
/// plain list; an instance of a Python subclass of list has its class and its `__dict__` there.
#[repr(C)]
pub struct ListObj {
    pub len: usize,
    pub items: Value,
    pub cls: Value,
    pub attrs: Value,
}
/// dict/set/frozenset: insertion-ordered hash table.
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
    /// Python subclass of dict: its class and `__dict__` (null for a plain dict/set).
    pub cls: Value,
    pub attrs: Value,
}
#[repr(C)]
pub struct RangeObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
#[repr(C)]
pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}
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
}

pub type NativeFn = fn(&mut crate::vm::Vm, crate::vm::Args) -> crate::vm::PyResult<Value>;

#[repr(C)]
pub struct NativeObj {
    pub f: NativeFn,
    pub name: Value,
    /// Bound first argument (module functions: null; methods bound to an object: the object).
    pub bound: Value,
    pub qualname: Value,
}
#[repr(C)]
pub struct BoundMethodObj {
    pub func: Value,
    pub slf: Value,
}
#[repr(C)]
pub struct CodeObj {
    pub data: *mut crate::vm::code::CodeData,
    pub consts: Value,
    pub names: Value,
    pub name: Value,
    pub filename: Value,
}
#[repr(C)]
pub struct CellObj {
    pub value: Value,
}
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

#[repr(C)]
pub struct InstanceObj {
    pub cls: Value,
    pub dict: Value,
}
#[repr(C)]
pub struct ModuleObj {
    pub name: Value,
    pub dict: Value,
}
/// A generator's suspended frame lives in a Box so its Values can be traced by custom_trace.
#[repr(C)]
pub struct GeneratorObj {
    pub func: Value,
    pub code: Value,
    pub globals: Value,
    pub name: Value,
    pub state: *mut crate::vm::gen::GenState,
}
/// Every builtin iterator: `kind` says which; the fields' meaning depends on it (see vm/iter.rs).
#[repr(C)]
pub struct IterObj {
    pub kind: u64,
    pub a: Value,
    pub b: Value,
    pub c: Value,
    pub i: i64,
    pub n: i64,
}
#[repr(C)]
pub struct PropertyObj {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}
#[repr(C)]
pub struct WrapperObj {
    pub func: Value,
}
#[repr(C)]
pub struct SuperObj {
    pub typ: Value,
    pub obj: Value,
}
#[repr(C)]
pub struct ForeignObj {
    pub cls: Value,
    pub keep: Value,
    pub keep2: Value,
    pub data: *mut dyn std::any::Any,
}

unsafe fn drop_in_place_at<T>(p: *mut u8) {
    std::ptr::drop_in_place(p as *mut T);
}

unsafe fn drop_code(p: *mut u8) {
    let c = &mut *(p as *mut CodeObj);
    if !c.data.is_null() {
        drop(Box::from_raw(c.data));
        c.data = std::ptr::null_mut();
    }
}
unsafe fn drop_gen(p: *mut u8) {
    let g = &mut *(p as *mut GeneratorObj);
    if !g.state.is_null() {
        drop(Box::from_raw(g.state));
        g.state = std::ptr::null_mut();
    }
}
fn trace_gen(p: *mut u8, visit: &mut Visitor<'_>) {
    let g = unsafe { &mut *(p as *mut GeneratorObj) };
    if !g.state.is_null() {
        let st = unsafe { &mut *g.state };
        for v in st.stack.iter_mut().chain(st.handled.iter_mut()) {
            visit(v);
        }
    }
}
unsafe fn drop_foreign(p: *mut u8) {
    let f = &mut *(p as *mut ForeignObj);
    let raw: *mut u8 = f.data as *mut u8;
    if !raw.is_null() {
        drop(Box::from_raw(f.data));
        f.data = std::ptr::null_mut::<()>() as *mut dyn std::any::Any;
    }
}

fn vals(offs: &[usize]) -> Vec<u32> {
    offs.iter().map(|&o| o as u32).collect()
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

/// Registers every kind with the heap, in `Kind` order; returns the TypeIds (tid == Kind as u32 + base).
pub fn register_kinds(heap: &mut Heap) -> Vec<TypeId> {
    let mut infos: Vec<TypeInfo> = Vec::new();
    infos.push(info("NoneType", 8, vec![]));
    infos.push(info("bool", size_of::<BoolObj>(), vec![]));
    let mut big = info("int", size_of::<BigIntObj>(), vec![]);
    big.drop_fn = Some(drop_in_place_at::<BigIntObj>);
    infos.push(big);
    infos.push(info("float", size_of::<FloatObj>(), vec![]));
    let mut s = info("str", size_of::<StrObj>(), vals(&[offset_of!(StrObj, cls)]));
    s.item_size = 1;
    infos.push(s);
    let mut b = info("bytes", size_of::<BytesObj>(), vec![]);
    b.item_size = 1;
    infos.push(b);
    let mut ba = info("bytearray", size_of::<ByteArrayObj>(), vec![]);
    ba.drop_fn = Some(drop_in_place_at::<ByteArrayObj>);
    infos.push(ba);
    let mut t = info("tuple", size_of::<TupleObj>(), vec![]);
    t.item_size = 8;
    t.items_are_values = true;
    infos.push(t);
    infos.push(info(
        "list",
        size_of::<ListObj>(),
        vals(&[
            offset_of!(ListObj, items),
            offset_of!(ListObj, cls),
            offset_of!(ListObj, attrs),
        ]),
    ));
    let mut va = info("valuearray", size_of::<ValueArrayObj>(), vec![]);
    va.item_size = 8;
    va.items_are_values = true;
    infos.push(va);
    let dict_offs = vals(&[
        offset_of!(DictObj, entries),
        offset_of!(DictObj, index),
        offset_of!(DictObj, cls),
        offset_of!(DictObj, attrs),
    ]);
    infos.push(info("dict", size_of::<DictObj>(), dict_offs.clone()));
    infos.push(info("set", size_of::<DictObj>(), dict_offs.clone()));
    infos.push(info("frozenset", size_of::<DictObj>(), dict_offs));
    let rs = vals(&[0, 8, 16]);
    infos.push(info("range", size_of::<RangeObj>(), rs.clone()));
    infos.push(info("slice", size_of::<SliceObj>(), rs));
    infos.push(info(
        "function",
        size_of::<FunctionObj>(),
        vals(&[0, 8, 16, 24, 32, 40, 48, 56, 64]),
    ));
    infos.push(info(
        "builtin_function_or_method",
        size_of::<NativeObj>(),
        vals(&[
            offset_of!(NativeObj, name),
            offset_of!(NativeObj, bound),
            offset_of!(NativeObj, qualname),
        ]),
    ));
    infos.push(info("method", size_of::<BoundMethodObj>(), vals(&[0, 8])));
    let mut code = info("code", size_of::<CodeObj>(), vals(&[8, 16, 24, 32]));
    code.drop_fn = Some(drop_code);
    infos.push(code);
    infos.push(info("cell", size_of::<CellObj>(), vals(&[0])));
    infos.push(info(
        "type",
        size_of::<TypeObj>(),
        vals(&[0, 8, 16, 24, 32, 40]),
    ));
    infos.push(info("object", size_of::<InstanceObj>(), vals(&[0, 8])));
    infos.push(info("module", size_of::<ModuleObj>(), vals(&[0, 8])));
    let mut g = info(
        "generator",
        size_of::<GeneratorObj>(),
        vals(&[0, 8, 16, 24]),
    );
    g.custom_trace = Some(trace_gen);
    g.drop_fn = Some(drop_gen);
    infos.push(g);
    infos.push(info("iterator", size_of::<IterObj>(), vals(&[8, 16, 24])));
    infos.push(info(
        "property",
        size_of::<PropertyObj>(),
        vals(&[0, 8, 16, 24]),
    ));
    infos.push(info("staticmethod", size_of::<WrapperObj>(), vals(&[0])));
    infos.push(info("classmethod", size_of::<WrapperObj>(), vals(&[0])));
    infos.push(info("super", size_of::<SuperObj>(), vals(&[0, 8])));
    infos.push(info("ellipsis", 8, vec![]));
    infos.push(info("NotImplementedType", 8, vec![]));
    let mut f = info("foreign", size_of::<ForeignObj>(), vals(&[0, 8, 16]));
    f.drop_fn = Some(drop_foreign);
    infos.push(f);
    assert_eq!(infos.len(), NKINDS);
    infos.into_iter().map(|i| heap.register_type(i)).collect()
}
