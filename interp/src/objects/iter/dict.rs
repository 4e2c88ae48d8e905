//! dict and set iteration: the iterators dict_keyiterator, dict_valueiterator, dict_itemiterator and
//! set_iterator (`DictIterObj { dict, pos, expect_len }`), and the views dict_keys, dict_values,
//! dict_items (`DictViewObj { dict }`: live, re-iterable, with len/in/bool/repr; keys and items are
//! set-like: `==`/`<`... and `| & - ^` against any iterable, as sets).
//!
//! Invariant: an iterator checks the container's length at every step against the length at its
//! start: a change raises "dictionary changed size during iteration" (CPython's rule), and keeps
//! raising (expect_len = -1). It walks entry indices, so a rebuilt table (same length) is not an
//! error, as in CPython. GC: the item tuple of dict_itemiterator is the only allocation of `next`.

use super::{alloc_with, iterator_slots, payload_mut};
use crate::bytecode::{BinOp, CmpOp};
use crate::obj::layout::{DictIterObj, DictViewObj, Kind};
use crate::objects::TypeSlots;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static DICT_KEY_ITER: TypeSlots = iterator_slots("dict_keyiterator", dict_iter_next);
pub static DICT_VALUE_ITER: TypeSlots = iterator_slots("dict_valueiterator", dict_iter_next);
pub static DICT_ITEM_ITER: TypeSlots = iterator_slots("dict_itemiterator", dict_iter_next);
pub static SET_ITER: TypeSlots = iterator_slots("set_iterator", dict_iter_next);

/// The view kinds (iterables, not iterators).
pub(crate) const VIEW_KINDS: [Kind; 3] = [Kind::DictKeys, Kind::DictValues, Kind::DictItems];

/// The operators of the set-like views (keys and items), as slot wrappers.
const SET_LIKE_VIEW_DUNDERS: &[&str] = &[
    "__and__",
    "__rand__",
    "__or__",
    "__ror__",
    "__xor__",
    "__rxor__",
    "__sub__",
    "__rsub__",
    "__reversed__",
];

pub static DICT_KEYS: TypeSlots = TypeSlots {
    name: "dict_keys",
    number_dunders: SET_LIKE_VIEW_DUNDERS,
    contains: Some(keys_contains),
    richcompare: Some(set_like_compare),
    binop: Some(set_like_binop),
    ..VIEW_SLOTS
};
pub static DICT_VALUES: TypeSlots = TypeSlots {
    name: "dict_values",
    number_dunders: &["__reversed__"],
    ..VIEW_SLOTS
};
pub static DICT_ITEMS: TypeSlots = TypeSlots {
    name: "dict_items",
    number_dunders: SET_LIKE_VIEW_DUNDERS,
    contains: Some(items_contains),
    richcompare: Some(set_like_compare),
    binop: Some(set_like_binop),
    ..VIEW_SLOTS
};
/// What the three views share (`in` on dict_values is the generic iteration).
const VIEW_SLOTS: TypeSlots = TypeSlots {
    len: Some(view_len),
    iter: Some(view_iter),
    repr: Some(view_repr),
    truthy: Some(view_truthy),
    ..TypeSlots::EMPTY
};

impl Vm {
    /// A new iterator of `kind` (DictKeyIter, DictValueIter, DictItemIter, SetIter) over the dict
    /// or set `d`, expecting its current length.
    pub fn new_dict_iter(&mut self, kind: Kind, d: Value) -> PyResult<Value> {
        let n = self.dict_len(d) as i64;
        alloc_with::<DictIterObj>(self, kind, &[d], |p, v| {
            p.dict = v[0];
            p.pos = 0;
            p.expect_len = n;
        })
    }

    /// A new view of `kind` (DictKeys, DictValues, DictItems) on the dict `d`.
    pub fn new_dict_view(&mut self, kind: Kind, d: Value) -> PyResult<Value> {
        alloc_with::<DictViewObj>(self, kind, &[d], |p, v| p.dict = v[0])
    }
}

fn dict_iter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let kind = vm.kind(it);
    let p = vm.obj::<DictIterObj>(it);
    let (a, i, n) = (p.dict, p.pos, p.expect_len);
    if vm.dict_len(a) as i64 != n {
        let what = if vm.is(a, Kind::Dict) {
            "dictionary"
        } else {
            "Set"
        };
        payload_mut::<DictIterObj>(vm, it).expect_len = -1;
        return Err(vm.raise(
            "RuntimeError",
            &format!("{what} changed size during iteration"),
        ));
    }
    let used = vm.dict_used(a);
    let mut j = i as usize;
    while j < used {
        if let Some((k, v)) = vm.dict_entry(a, j) {
            payload_mut::<DictIterObj>(vm, it).pos = j as i64 + 1;
            return match kind {
                Kind::DictValueIter => Ok(Some(v)),
                Kind::DictItemIter => vm.new_tuple(&[k, v]).map(Some),
                _ => Ok(Some(k)),
            };
        }
        j += 1;
    }
    payload_mut::<DictIterObj>(vm, it).pos = used as i64;
    Ok(None)
}

fn view_dict(vm: &Vm, v: Value) -> Value {
    vm.obj::<DictViewObj>(v).dict
}

fn view_len(vm: &mut Vm, v: Value) -> PyResult<usize> {
    Ok(vm.dict_len(view_dict(vm, v)))
}

fn view_truthy(vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(vm.dict_len(view_dict(vm, v)) != 0)
}

/// iter(view): a new iterator of the matching kind over the dict.
fn view_iter(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let kind = match vm.kind(v) {
        Kind::DictKeys => Kind::DictKeyIter,
        Kind::DictValues => Kind::DictValueIter,
        _ => Kind::DictItemIter,
    };
    let d = view_dict(vm, v);
    vm.new_dict_iter(kind, d)
}

/// `dict_keys(['a', 'b'])`
fn view_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let name = vm.type_name(v);
    let l = vm.to_list(v)?;
    let inner = vm.repr_string(l)?;
    Ok(format!("{name}({inner})"))
}

fn keys_contains(vm: &mut Vm, v: Value, item: Value) -> PyResult<bool> {
    let d = view_dict(vm, v);
    Ok(vm.dict_get(d, item)?.is_some())
}

/// (k, v) in d.items(): look k up, compare the value.
fn items_contains(vm: &mut Vm, view: Value, item: Value) -> PyResult<bool> {
    if !vm.is(item, Kind::Tuple) || vm.tuple_items(item).len() != 2 {
        return Ok(false);
    }
    let base = vm.sp();
    vm.push(item);
    let d = view_dict(vm, view);
    let k = vm.tuple_items(item)[0];
    let r = match vm.dict_get(d, k) {
        Ok(Some(v)) => {
            let want = vm.tuple_items(vm.at(base))[1];
            vm.eq(v, want)
        }
        Ok(None) => Ok(false),
        Err(e) => Err(e),
    };
    vm.truncate(base);
    r
}

/// dict_keys/dict_items compare like sets: each view operand becomes a set, then sets compare; any
/// other operand is unequal. The VM calls this with the view as `a`, or reflected (the view was the
/// right operand, `op` mirrored). Always answers (no NotImplemented).
fn set_like_compare(vm: &mut Vm, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
    let base = vm.sp();
    vm.push(a);
    vm.push(b);
    for i in 0..2 {
        let v = vm.at(base + i);
        if is_set_like_view(vm, v) {
            let s = vm.new_dict_kind(Kind::Set)?;
            vm.push(s);
            let r = vm.set_update(base + 2, base + i);
            let s = vm.pop();
            if let Err(e) = r {
                vm.truncate(base);
                return Err(e);
            }
            vm.set_at(base + i, s);
        }
    }
    let (x, y) = (vm.at(base), vm.at(base + 1));
    vm.truncate(base);
    if vm.is(x, Kind::Set) && (vm.is(y, Kind::Set) || vm.is(y, Kind::FrozenSet))
        || vm.is(y, Kind::Set) && vm.is(x, Kind::FrozenSet)
    {
        let r = vm.set_compare(x, y, op)?;
        return Ok(Some(vm.bool_val(r)));
    }
    Ok(Some(vm.bool_val(op == CmpOp::Ne)))
}

fn is_set_like_view(vm: &Vm, v: Value) -> bool {
    vm.is(v, Kind::DictKeys) || vm.is(v, Kind::DictItems)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` with a dict_keys/dict_items view on either side and any
/// iterable on the other: both become sets. None for the other operators (without a GC point).
fn set_like_binop(vm: &mut Vm, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
    if !matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) {
        return Ok(None);
    }
    let base = vm.sp();
    vm.push(b);
    vm.push(a); // rooted across the allocation, then moved above the new set
    let sa = vm.new_dict_kind(Kind::Set)?;
    let a = vm.at(base + 1);
    vm.set_at(base + 1, sa);
    vm.push(a);
    let r = vm.set_update(base + 1, base + 2);
    vm.truncate(base + 2);
    r?;
    let sb = vm.new_dict_kind(Kind::Set)?;
    vm.push(sb);
    let r = vm.set_update(base + 2, base);
    if let Err(e) = r {
        vm.truncate(base);
        return Err(e);
    }
    let (sa, sb) = (vm.at(base + 1), vm.at(base + 2));
    let r = vm.set_binop(sa, sb, op);
    vm.truncate(base);
    r.map(Some)
}
