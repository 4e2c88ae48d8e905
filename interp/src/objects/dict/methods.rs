//! The constructor (`dict(...)`, with `dict_update`, its mapping-or-pairs rule) and methods of
//! `dict`: get, setdefault, pop, popitem, keys, values, items, update, clear, copy,
//! fromkeys (a classmethod), and the `__getitem__`/`__setitem__`/`__delitem__`/`__contains__`/
//! `__len__` slots (for `super().__getitem__(k)` in subclasses). The views (`keys`, `values`, `items`)
//! are objects of their own kinds (objects/iter/dict.rs).

use crate::obj::layout::Kind;
use crate::objects::args::{
    add_classmethod, at_most, check_method, check_self, pin_kwnames, scoped, uarg, Arity,
};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_method("dict", "__new__", dict_new);
    vm.add_method("dict", "get", get);
    vm.add_method("dict", "setdefault", setdefault);
    vm.add_method("dict", "pop", pop);
    vm.add_method("dict", "popitem", popitem);
    vm.add_method("dict", "keys", keys);
    vm.add_method("dict", "values", values);
    vm.add_method("dict", "items", items);
    vm.add_method("dict", "update", update);
    vm.add_method("dict", "clear", clear);
    vm.add_method("dict", "copy", copy);
    vm.add_method("dict", "__getitem__", getitem);
    vm.add_method("dict", "__setitem__", setitem);
    vm.add_method("dict", "__delitem__", delitem);
    vm.add_method("dict", "__contains__", contains);
    vm.add_method("dict", "__len__", len);
    vm.add_method("dict", "__init__", init);
    add_classmethod(vm, "dict", "fromkeys", fromkeys);
}

fn check(vm: &mut Vm, a: &Args, name: &str, arity: Arity) -> PyResult<usize> {
    check_method(vm, a, "dict", name, &[Kind::Dict], arity)
}

/// The value at argument 2 if given, else None.
fn default_arg(vm: &Vm, a: &Args, nargs: usize) -> Value {
    if nargs >= 2 {
        vm.arg(a, 2)
    } else {
        vm.none()
    }
}

fn get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check(vm, &a, "get", Arity::Range(1, 2))?;
    match vm.dict_get_slots(a.base, a.base + 1)? {
        Some(v) => Ok(v),
        None => Ok(default_arg(vm, &a, nargs)),
    }
}

fn setdefault(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check(vm, &a, "setdefault", Arity::Range(1, 2))?;
    if let Some(v) = vm.dict_get_slots(a.base, a.base + 1)? {
        return Ok(v);
    }
    let dflt = default_arg(vm, &a, nargs);
    let (d, k) = (vm.arg(&a, 0), vm.arg(&a, 1));
    vm.dict_set(d, k, dflt)?;
    Ok(default_arg(vm, &a, nargs))
}

fn pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check(vm, &a, "pop", Arity::Range(1, 2))?;
    let (d, k) = (vm.arg(&a, 0), vm.arg(&a, 1));
    match vm.dict_del(d, k)? {
        Some(v) => Ok(v),
        None if nargs >= 2 => Ok(vm.arg(&a, 2)),
        None => {
            let k = vm.arg(&a, 1);
            Err(vm.key_error(k))
        }
    }
}

/// Removes and returns the last inserted (key, value) pair.
fn popitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "popitem", Arity::NoArgs)?;
    let d = vm.arg(&a, 0);
    let last = (0..vm.dict_used(d)).rev().find_map(|i| vm.dict_entry(d, i));
    let Some((k, v)) = last else {
        let msg = vm.new_str("popitem(): dictionary is empty")?;
        return Err(vm.key_error(msg));
    };
    vm.push(k);
    vm.push(v);
    let t = vm.new_tuple_from_stack(2)?;
    vm.push(t);
    let (d, k) = (vm.arg(&a, 0), vm.tuple_items(t)[0]);
    vm.dict_del(d, k)?;
    Ok(vm.pop())
}

fn view(vm: &mut Vm, a: &Args, name: &str, kind: Kind) -> PyResult<Value> {
    check(vm, a, name, Arity::NoArgs)?;
    let d = vm.arg(a, 0);
    vm.new_dict_view(kind, d)
}

fn keys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(vm, &a, "keys", Kind::DictKeys)
}

fn values(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(vm, &a, "values", Kind::DictValues)
}

fn items(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(vm, &a, "items", Kind::DictItems)
}

/// d.update([other], **kwargs)
fn update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, "dict", "update", &[Kind::Dict])?;
    update_slot(vm, &a, a.base, "update")?;
    Ok(vm.none())
}

/// Updates the dict at stack slot `dslot` from the arguments after argument 0 (at most one
/// positional mapping/iterable of pairs, then keyword arguments).
pub fn update_slot(vm: &mut Vm, a: &Args, dslot: usize, fname: &str) -> PyResult<()> {
    let npos = vm.npos(a) - 1;
    if npos > 1 {
        return Err(vm.type_error(format!("{fname} expected at most 1 argument, got {npos}")));
    }
    if npos == 1 {
        vm.dict_update_from(dslot, a.base + 1)?;
    }
    if !a.kwnames.is_null() {
        let nkw = vm.tuple_items(a.kwnames).len();
        for j in 0..nkw {
            let k = vm.tuple_items(a.kwnames)[j];
            let (d, v) = (vm.at(dslot), vm.at(a.base + a.n - nkw + j));
            vm.dict_set(d, k, v)?;
        }
    }
    Ok(())
}

fn clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "clear", Arity::NoArgs)?;
    let d = vm.arg(&a, 0);
    vm.dict_clear(d);
    Ok(vm.none())
}

fn copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "copy", Arity::NoArgs)?;
    let d = vm.arg(&a, 0);
    vm.dict_copy(d, Kind::Dict)
}

/// dict.fromkeys(iterable, value=None) (a classmethod: argument 0 is the class)
fn fromkeys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = vm.npos(&a).saturating_sub(1);
    if !a.kwnames.is_null() {
        return Err(vm.type_error("dict.fromkeys() takes no keyword arguments"));
    }
    if !(1..=2).contains(&nargs) {
        let which = if nargs < 1 {
            "at least 1 argument"
        } else {
            "at most 2 arguments"
        };
        return Err(vm.type_error(format!("fromkeys expected {which}, got {nargs}")));
    }
    let cls = vm.arg(&a, 0);
    let plain = cls == vm.builtin_type("dict");
    let d = if plain {
        vm.new_dict()?
    } else {
        vm.call(cls, &[])?
    };
    vm.push(d);
    let dslot = vm.sp() - 1;
    let it = vm.get_iter(vm.arg(&a, 1))?;
    vm.push(it);
    loop {
        let it = vm.at(dslot + 1);
        let Some(k) = vm.next(it)? else { break };
        let (d, v) = (vm.at(dslot), default_arg(vm, &a, nargs));
        if plain {
            vm.dict_set(d, k, v)?;
        } else {
            vm.setitem(d, k, v)?;
        }
    }
    let d = vm.at(dslot);
    vm.truncate(dslot);
    Ok(d)
}

// ---- slots, for explicit calls such as super().__getitem__(k) -------------------------------------

fn getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "__getitem__", Arity::One)?;
    match vm.dict_get_slots(a.base, a.base + 1)? {
        Some(v) => Ok(v),
        None => {
            let k = vm.arg(&a, 1);
            Err(vm.key_error(k))
        }
    }
}

fn setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "__setitem__", Arity::Range(2, 2))?;
    vm.dict_set_slots(a.base, a.base + 1, a.base + 2)?;
    Ok(vm.none())
}

fn delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "__delitem__", Arity::One)?;
    let (d, k) = (vm.arg(&a, 0), vm.arg(&a, 1));
    match vm.dict_del(d, k)? {
        Some(_) => Ok(vm.none()),
        None => {
            let k = vm.arg(&a, 1);
            Err(vm.key_error(k))
        }
    }
}

fn contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "__contains__", Arity::One)?;
    let found = vm.dict_get_slots(a.base, a.base + 1)?.is_some();
    Ok(vm.bool_val(found))
}

fn len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "__len__", Arity::NoArgs)?;
    let n = vm.dict_len(vm.arg(&a, 0));
    vm.new_int(n as i64)
}

/// dict.__init__(self, mapping_or_pairs=(), **kw)
fn init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = vm.npos(&a);
    if n > 2 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {}", n - 1)));
    }
    if n == 2 {
        vm.dict_update_from(a.base, a.base + 1)?;
    }
    if !a.kwnames.is_null() {
        let k = vm.tuple_items(a.kwnames).len();
        for j in 0..k {
            let key = vm.tuple_items(a.kwnames)[j];
            let v = vm.at(a.base + n + j);
            let d = vm.arg(&a, 0);
            vm.dict_set(d, key, v)?;
        }
    }
    Ok(vm.none())
}

// ---- the constructor: `call_type` passes the type as argument 0 ------------------------------

fn dict_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    at_most(vm, &a, "dict", 1)?;
    // dict.__new__(Sub): an empty Sub (see list_new)
    let t = if a.n > 0 { vm.arg(&a, 0) } else { vm.none() };
    if vm.is(t, Kind::Type)
        && t != vm.builtin_type("dict")
        && vm.is_subtype(t, vm.builtin_type("dict"))
    {
        return vm.new_builtin_subclass_instance(a.base, false);
    }
    scoped(vm, |vm, base| {
        let d = vm.new_dict()?;
        vm.push(d);
        if let Some(src) = uarg(vm, &a, 0, "") {
            vm.push(src);
            dict_update(vm, base, base + 1)?;
        }
        let npos = vm.npos(&a);
        for j in 0..a.n - npos {
            let k = vm.tuple_items(a.kwnames)[j];
            let v = vm.arg(&a, npos + j);
            vm.dict_set(vm.at(base), k, v)?;
        }
        Ok(vm.at(base))
    })
}

/// dict at `dslot` updated from the mapping or iterable of pairs at `srcslot` (CPython's messages).
pub fn dict_update(vm: &mut Vm, dslot: usize, srcslot: usize) -> PyResult<()> {
    let src = vm.at(srcslot);
    if vm.is(src, Kind::Dict)
        || (src.is_ptr() && vm.is(src, Kind::Instance) && vm.special(src, "keys").is_some())
    {
        return vm.dict_update_from(dslot, srcslot);
    }
    let it = vm.get_iter(src)?;
    scoped(vm, |vm, base| {
        vm.push(it);
        let mut i = 0usize;
        while let Some(item) = vm.next(vm.at(base))? {
            vm.push(item);
            let iterable = item.is_ptr()
                && (matches!(
                    vm.kind(item),
                    Kind::List
                        | Kind::Tuple
                        | Kind::Str
                        | Kind::Bytes
                        | Kind::Dict
                        | Kind::Set
                        | Kind::FrozenSet
                        | Kind::Generator
                        | Kind::Range
                ) || vm.special(item, "__iter__").is_some());
            if !iterable {
                return Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )));
            }
            let l = vm.to_list(item)?;
            let n = vm.list_len(l);
            if n != 2 {
                return Err(vm.value_error(format!(
                    "dictionary update sequence element #{i} has length {n}; 2 is required"
                )));
            }
            let (k, v) = (vm.list_items(l)[0], vm.list_items(l)[1]);
            vm.dict_set(vm.at(dslot), k, v)?;
            vm.truncate(base + 1);
            i += 1;
        }
        Ok(())
    })
}
