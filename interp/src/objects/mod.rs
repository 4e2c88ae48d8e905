//! The object layer: one module per builtin type, and the type table through which the VM's generic
//! operations reach them.
//!
//! A type module (`list/`, `str/`, ...) is the one home of everything about its type: its storage
//! accessors, its slots (the behaviour the VM's generic operations dispatch to), its methods and
//! constructor, its iterator. It exports a `pub static SLOTS: TypeSlots` and a `pub fn install(vm)`
//! registering its methods; `TABLE` below lists every kind's slots in `Kind` order.
//!
//! Dispatch: a generic operation (`Vm::getitem`, `len`, `contains`, `repr_string`, `hash`, `truthy`,
//! `get_iter`...) first honours a Python subclass's override (`subclass_override`), then calls the
//! kind's slot if it has one, then falls back to the generic protocol (`__getitem__` looked up on the
//! type, iteration for `in`, ...). Hot paths (a small-int list index in the eval loop, str hashing in
//! dicts) stay inline in the VM where the profile says they matter; a slot is the complete answer for
//! its kind, so a fast path may only ever be a shortcut of it.
//!
//! GC contract of every slot: arguments arrive unrooted (the slot roots what it needs across GC points,
//! exactly as the `Vm` methods of the same name) and results are fresh values.
//!
//! Adding a builtin type: see `ARCHITECTURE.md` ("Adding a builtin type").

pub mod args;
pub mod bool;
pub mod bytes;
pub mod code;
pub mod complex;
pub mod container_repr;
pub mod coroutine;
pub mod descriptors;
pub mod dict;
pub mod docs;
pub mod float;
pub mod function;
pub mod function_attrs;
pub mod function_new;
pub mod generator;
pub mod int;
pub mod iter;
pub mod list;
pub mod memoryview;
pub mod memoryview_fmt;
pub mod module;
pub mod native_subclass;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod slot_wrappers;
pub mod str;
pub mod stringlib;
pub mod tuple;
pub mod weakref;
pub mod weakref_count;

use crate::bytecode::{BinOp, CmpOp};
use crate::obj::layout::{Kind, NKINDS};
use crate::vm::{PyResult, Vm};
use gc::Value;

/// `len(o)`.
pub type LenFn = fn(&mut Vm, Value) -> PyResult<usize>;
/// `o[k]`.
pub type ItemFn = fn(&mut Vm, Value, Value) -> PyResult<Value>;
/// `o[k] = v`.
pub type SetItemFn = fn(&mut Vm, Value, Value, Value) -> PyResult<()>;
/// `del o[k]`.
pub type DelItemFn = fn(&mut Vm, Value, Value) -> PyResult<()>;
/// `item in o` (o first).
pub type ContainsFn = fn(&mut Vm, Value, Value) -> PyResult<bool>;
/// `repr(o)` / `str(o)` as a Rust string.
pub type ReprFn = fn(&mut Vm, Value) -> PyResult<String>;
/// `iter(o)`.
pub type IterFn = fn(&mut Vm, Value) -> PyResult<Value>;
/// `next(it)`: `None` when exhausted (no StopIteration object is made for builtin iterators).
pub type NextFn = fn(&mut Vm, Value) -> PyResult<Option<Value>>;
/// `hash(o)`.
pub type HashFn = fn(&mut Vm, Value) -> PyResult<i64>;
/// `bool(o)`.
pub type BoolFn = fn(&mut Vm, Value) -> PyResult<bool>;
/// `a OP b` for a binary operator with `a` (or, reflected, `b`) of this kind: `Some(result)`, or
/// `None` for NotImplemented.
/// `None` must be returned before any GC point: the VM goes on with its unrooted operands.
pub type BinopFn = fn(&mut Vm, Value, Value, BinOp) -> PyResult<Option<Value>>;
/// `o(*args)`: the callee and its arguments are on the value stack as for any native call.
pub type CallFn = fn(&mut Vm, Value, crate::vm::Args) -> PyResult<Value>;
/// `o.name` for kinds with their own attribute rules: `Some(value)`, or `None` to fall back to the
/// generic type lookup.
pub type GetattrFn = fn(&mut Vm, Value, Value) -> PyResult<Option<Value>>;
/// `a OP b` with `a` of this kind: `Some(result)`, or `None` when the kind has no answer for this
/// operand (the VM then tries the reflected operation and the Python-level dunders). `None` must be
/// answered before any GC point: the VM goes on with the operands it passed.
pub type CompareFn = fn(&mut Vm, Value, Value, CmpOp) -> PyResult<Option<Value>>;

/// The behaviour of one builtin kind. A `None` slot means "use the generic protocol".
pub struct TypeSlots {
    /// The Python type name (`type(o).__name__`).
    pub name: &'static str,
    pub len: Option<LenFn>,
    pub getitem: Option<ItemFn>,
    pub setitem: Option<SetItemFn>,
    pub delitem: Option<DelItemFn>,
    pub contains: Option<ContainsFn>,
    pub iter: Option<IterFn>,
    pub next: Option<NextFn>,
    pub repr: Option<ReprFn>,
    pub str: Option<ReprFn>,
    pub hash: Option<HashFn>,
    pub truthy: Option<BoolFn>,
    pub richcompare: Option<CompareFn>,
    pub binop: Option<BinopFn>,
    pub call: Option<CallFn>,
    pub getattr: Option<GetattrFn>,
    /// The number dunders the type shows (`__add__`, `__radd__`, `__iadd__`, `__neg__`, `__index__`,
    /// ...): made into slot wrappers answering what the operator answers (slot_wrappers.rs).
    pub number_dunders: &'static [&'static str],
    /// Registers the type's methods and constructor on its type object (bootstrap, once).
    pub install: Option<fn(&mut Vm)>,
}

impl TypeSlots {
    /// No behaviour of its own: a starting point for `TypeSlots { name, ..TypeSlots::EMPTY }`.
    pub const EMPTY: TypeSlots = TypeSlots {
        name: "",
        len: None,
        getitem: None,
        setitem: None,
        delitem: None,
        contains: None,
        iter: None,
        next: None,
        repr: None,
        str: None,
        hash: None,
        truthy: None,
        richcompare: None,
        binop: None,
        call: None,
        getattr: None,
        number_dunders: &[],
        install: None,
    };

    /// A kind whose behaviour still lives in the VM's generic code (not yet given its own module).
    const fn legacy(name: &'static str) -> TypeSlots {
        TypeSlots {
            name,
            ..TypeSlots::EMPTY
        }
    }
}

static VALUEARRAY: TypeSlots = TypeSlots::legacy("valuearray");
static TYPE: TypeSlots = TypeSlots::legacy("type");
static INSTANCE: TypeSlots = TypeSlots::legacy("object");
static FOREIGN: TypeSlots = TypeSlots::legacy("cdata");

/// Every kind's slots, in `Kind` order (checked by `table_is_in_kind_order`).
static TABLE: [&TypeSlots; NKINDS] = [
    &singletons::NONE,
    &bool::SLOTS,
    &int::SLOTS,
    &float::SLOTS,
    &str::SLOTS,
    &bytes::SLOTS,
    &bytes::BYTEARRAY_SLOTS,
    &tuple::SLOTS,
    &list::SLOTS,
    &VALUEARRAY,
    &dict::SLOTS,
    &set::SLOTS,
    &set::FROZENSET_SLOTS,
    &range::SLOTS,
    &slice::SLOTS,
    &function::FUNCTION,
    &function::NATIVE,
    &function::BOUND_METHOD,
    &code::CODE,
    &code::CELL,
    &TYPE,
    &INSTANCE,
    &module::SLOTS,
    &generator::SLOTS,
    &iter::seq::LIST_ITER,
    &iter::seq::TUPLE_ITER,
    &iter::seq::STR_ITER,
    &iter::seq::STR_UITER,
    &iter::seq::BYTES_ITER,
    &iter::seq::BYTEARRAY_ITER,
    &iter::seq::SEQ_ITER,
    &iter::range::RANGE_ITER,
    &iter::dict::DICT_KEY_ITER,
    &iter::dict::DICT_VALUE_ITER,
    &iter::dict::DICT_ITEM_ITER,
    &iter::dict::SET_ITER,
    &iter::dict::DICT_KEYS,
    &iter::dict::DICT_VALUES,
    &iter::dict::DICT_ITEMS,
    &iter::functional::ENUMERATE,
    &iter::functional::ZIP,
    &iter::functional::MAP,
    &iter::functional::FILTER,
    &iter::functional::REVERSED,
    &iter::functional::LIST_REV_ITER,
    &iter::functional::DICT_REV_KEY_ITER,
    &iter::functional::DICT_REV_VALUE_ITER,
    &iter::functional::DICT_REV_ITEM_ITER,
    &iter::functional::CALLABLE_ITER,
    &descriptors::PROPERTY,
    &descriptors::STATICMETHOD,
    &descriptors::CLASSMETHOD,
    &descriptors::SUPER,
    &singletons::ELLIPSIS,
    &singletons::NOT_IMPLEMENTED,
    &memoryview::SLOTS,
    &complex::SLOTS,
    &weakref::SLOTS,
    &coroutine::COROUTINE,
    &coroutine::ASYNC_GENERATOR,
    &FOREIGN,
];

/// The slots of kind `k`.
#[inline(always)]
pub fn slots(k: Kind) -> &'static TypeSlots {
    TABLE[k as usize]
}

/// Registers every type's methods (bootstrap, after the type objects exist).
pub fn install(vm: &mut Vm) {
    for t in TABLE.iter() {
        if let Some(f) = t.install {
            f(vm);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table is indexed by `Kind`: each entry must name the kind at its index (the heap registers
    /// the kinds under the same names).
    #[test]
    fn table_is_in_kind_order() {
        let kinds = [
            (Kind::NoneType, "NoneType"),
            (Kind::Bool, "bool"),
            (Kind::BigInt, "int"),
            (Kind::Float, "float"),
            (Kind::Str, "str"),
            (Kind::Bytes, "bytes"),
            (Kind::ByteArray, "bytearray"),
            (Kind::Tuple, "tuple"),
            (Kind::List, "list"),
            (Kind::Dict, "dict"),
            (Kind::Set, "set"),
            (Kind::FrozenSet, "frozenset"),
            (Kind::Range, "range"),
            (Kind::Slice, "slice"),
            (Kind::Function, "function"),
            (Kind::Type, "type"),
            (Kind::Module, "module"),
            (Kind::Generator, "generator"),
            (Kind::ListIter, "list_iterator"),
            (Kind::TupleIter, "tuple_iterator"),
            (Kind::StrIter, "str_ascii_iterator"),
            (Kind::StrUIter, "str_iterator"),
            (Kind::BytesIter, "bytes_iterator"),
            (Kind::ByteArrayIter, "bytearray_iterator"),
            (Kind::SeqIter, "iterator"),
            (Kind::RangeIter, "range_iterator"),
            (Kind::DictKeyIter, "dict_keyiterator"),
            (Kind::DictValueIter, "dict_valueiterator"),
            (Kind::DictItemIter, "dict_itemiterator"),
            (Kind::SetIter, "set_iterator"),
            (Kind::DictKeys, "dict_keys"),
            (Kind::DictValues, "dict_values"),
            (Kind::DictItems, "dict_items"),
            (Kind::Enumerate, "enumerate"),
            (Kind::Zip, "zip"),
            (Kind::Map, "map"),
            (Kind::Filter, "filter"),
            (Kind::Reversed, "reversed"),
            (Kind::ListRevIter, "list_reverseiterator"),
            (Kind::DictRevKeyIter, "dict_reversekeyiterator"),
            (Kind::DictRevValueIter, "dict_reversevalueiterator"),
            (Kind::DictRevItemIter, "dict_reverseitemiterator"),
            (Kind::CallableIter, "callable_iterator"),
            (Kind::Property, "property"),
            (Kind::MemoryView, "memoryview"),
            (Kind::Complex, "complex"),
            (Kind::WeakRef, "ReferenceType"),
            (Kind::Coroutine, "coroutine"),
            (Kind::AsyncGenerator, "async_generator"),
            (Kind::Foreign, "cdata"),
        ];
        for (k, name) in kinds {
            assert_eq!(slots(k).name, name, "{k:?}");
        }
        assert_eq!(TABLE.len(), NKINDS);
    }
}
