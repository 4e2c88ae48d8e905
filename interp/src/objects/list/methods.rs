//! The constructor and methods of `list`: append, extend, insert, pop, remove, index, count, clear, copy, reverse and
//! sort (the merge sort lives in `sort.rs`), and the explicit dunders (`list.__getitem__(self, i)`).
//! `insert`, `pop(i)` and `remove` move the tail with one memmove (`storage.rs`), as CPython does.
//!
//! Every native re-reads its arguments from the value stack (`vm.arg`) after a GC point; the list itself
//! is argument 0, so `a.base` is the stack slot the list helpers (`list_reserve`...) want.

use super::sort::sort_list_slot;
use crate::obj::layout::Kind;
use crate::objects::args::{
    at_most, check_method, index_arg, no_kwargs, same_or_eq, slice_bounds, uarg, Arity,
};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_method("list", "__new__", list_new);
    vm.add_method("list", "append", append);
    vm.add_method("list", "extend", extend);
    vm.add_method("list", "insert", insert);
    vm.add_method("list", "pop", pop);
    vm.add_method("list", "remove", remove);
    vm.add_method("list", "index", index);
    vm.add_method("list", "count", count);
    vm.add_method("list", "clear", clear);
    vm.add_method("list", "copy", copy);
    vm.add_method("list", "reverse", reverse);
    vm.add_method("list", "sort", sort);
    vm.add_method("list", "__getitem__", getitem);
    vm.add_method("list", "__setitem__", setitem);
    vm.add_method("list", "__delitem__", delitem);
}

// ---- slots, for explicit calls such as list.__getitem__(self, i) in a subclass ----------------

fn getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "__getitem__", Arity::One)?;
    vm.getitem_builtin(vm.arg(&a, 0), vm.arg(&a, 1))
}

fn setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "__setitem__", Arity::Range(2, 2))?;
    vm.setitem_builtin(vm.arg(&a, 0), vm.arg(&a, 1), vm.arg(&a, 2))?;
    Ok(vm.none())
}

fn delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "__delitem__", Arity::One)?;
    vm.delitem_builtin(vm.arg(&a, 0), vm.arg(&a, 1))?;
    Ok(vm.none())
}

/// Validates a list method call; returns the number of arguments after self.
fn check(vm: &mut Vm, a: &Args, name: &str, arity: Arity) -> PyResult<usize> {
    check_method(vm, a, "list", name, &[Kind::List], arity)
}

fn append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "append", Arity::One)?;
    vm.list_reserve(a.base, 1)?;
    let (l, v) = (vm.arg(&a, 0), vm.arg(&a, 1));
    vm.list_push_reserved(l, v);
    Ok(vm.none())
}

fn extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "extend", Arity::One)?;
    vm.list_extend(a.base, a.base + 1)?;
    Ok(vm.none())
}

fn insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "insert", Arity::Range(2, 2))?;
    let i = index_arg(vm, vm.arg(&a, 1))?;
    vm.list_reserve(a.base, 1)?;
    let (l, v) = (vm.arg(&a, 0), vm.arg(&a, 2));
    let n = vm.list_len(l) as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    vm.list_insert_reserved(l, at, v);
    Ok(vm.none())
}

fn pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check(vm, &a, "pop", Arity::Range(0, 1))?;
    let i = if nargs == 1 {
        index_arg(vm, vm.arg(&a, 1))?
    } else {
        -1
    };
    let l = vm.arg(&a, 0);
    let n = vm.list_len(l) as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = vm.list_items(l)[j as usize];
    vm.list_delete_range(l, j as usize, 1);
    Ok(v)
}

/// Position of the first item equal to argument 1 in `lo..hi` (bounds re-checked as the list may
/// shrink while comparing), or None.
fn find(vm: &mut Vm, a: &Args, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let mut i = lo;
    loop {
        let l = vm.arg(a, 0);
        if i >= hi || i >= vm.list_len(l) {
            return Ok(None);
        }
        let item = vm.list_items(l)[i];
        if same_or_eq(vm, item, vm.arg(a, 1))? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "remove", Arity::One)?;
    match find(vm, &a, 0, usize::MAX)? {
        Some(i) => {
            let l = vm.arg(&a, 0);
            vm.list_delete_range(l, i, 1);
            Ok(vm.none())
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check(vm, &a, "index", Arity::Range(1, 3))?;
    let n = vm.list_len(vm.arg(&a, 0));
    let (lo, hi) = slice_bounds(vm, &a, 2, nargs - 1, n)?;
    match find(vm, &a, lo, hi)? {
        Some(i) => vm.new_int(i as i64),
        None => {
            let r = vm.repr_string(vm.arg(&a, 1))?;
            Err(vm.value_error(format!("{r} is not in list")))
        }
    }
}

fn count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "count", Arity::One)?;
    let mut c = 0;
    let mut i = 0;
    while let Some(j) = find(vm, &a, i, usize::MAX)? {
        c += 1;
        i = j + 1;
    }
    vm.new_int(c)
}

fn clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "clear", Arity::NoArgs)?;
    let l = vm.arg(&a, 0);
    vm.list_set_len(l, 0);
    Ok(vm.none())
}

fn copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "copy", Arity::NoArgs)?;
    let items: Vec<Value> = vm.list_items(vm.arg(&a, 0)).to_vec();
    vm.roots.stack.extend_from_slice(&items);
    vm.new_list_from_stack(items.len())
}

fn reverse(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check(vm, &a, "reverse", Arity::NoArgs)?;
    let l = vm.arg(&a, 0);
    let items: Vec<Value> = vm.list_items(l).to_vec();
    for (j, v) in items.iter().rev().enumerate() {
        vm.list_set(l, j, *v);
    }
    Ok(vm.none())
}

/// list.sort(*, key=None, reverse=False)
fn sort(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = vm.npos(&a);
    if npos == 0 {
        check(vm, &a, "sort", Arity::NoArgs)?;
    }
    let s = vm.arg(&a, 0);
    if !vm.is(s, Kind::List) {
        check(vm, &a, "sort", Arity::NoArgs)?;
    }
    if npos > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    if !a.kwnames.is_null() {
        let names: Vec<String> = vm
            .tuple_items(a.kwnames)
            .iter()
            .map(|k| vm.str_of(*k).to_string())
            .collect();
        if let Some(bad) = names.iter().find(|n| *n != "key" && *n != "reverse") {
            return Err(vm.type_error(format!("'{bad}' is an invalid keyword argument for sort()")));
        }
    }
    let rev = match vm.kwarg(&a, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    let key = vm.kwarg(&a, "key").unwrap_or(Value::NULL);
    sort_list_slot(vm, a.base, key, rev)?;
    Ok(vm.none())
}

// ---- the constructor: `call_type` passes the type as argument 0 ------------------------------

fn list_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    no_kwargs(vm, &a, "list")?;
    at_most(vm, &a, "list", 1)?;
    // list.__new__(Sub) (copy's reconstruction, a subclass's super().__new__): an empty Sub,
    // which Sub.__init__ fills, as on CPython
    let t = if a.n > 0 { vm.arg(&a, 0) } else { vm.none() };
    if vm.is(t, Kind::Type)
        && t != vm.builtin_type("list")
        && vm.is_subtype(t, vm.builtin_type("list"))
    {
        return vm.new_builtin_subclass_instance(a.base, true);
    }
    match uarg(vm, &a, 0, "") {
        None => vm.new_list(),
        Some(x) => vm.to_list(x),
    }
}
