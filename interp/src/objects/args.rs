//! Argument binding and checking shared by every native method, reproducing CPython's error
//! messages: parameter slots (`params`, `bind_keywords`, `bind_params`), argument counts
//! (`count_error`, `check_method` + `Arity`), `self` checks (`check_self`), index arguments
//! (`index_arg`, `index_of`, `int_arg`, `opt_index`, `slice_bounds`), and the registration helpers for
//! static and class methods of builtin types, and `pin_kwnames` (keyword names safe across GC points).
//!
//! Parameters are returned as stack slots (not `Value`s) so that they stay valid across GC points.

use crate::obj::layout::{Kind, NativeFn, NativeObj, TypeObj, WrapperObj};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_traits::Signed;

/// How a method parses its arguments in CPython, which decides the wording of its errors.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    /// Argument Clinic, positional only: "center expected at least 1 argument, got 0".
    Clinic,
    /// PyArg_ParseTuple: "find() takes at least 1 argument (0 given)".
    Old,
    /// Argument Clinic with keywords: "'x' is an invalid keyword argument for split()".
    Kw,
    /// METH_O, one argument: "str.join() takes exactly one argument (0 given)".
    One,
}

/// Stack slots of the parameters `names` of a method (after `self`), `None` when not given.
/// `qname` is the qualified name ("str.find").
pub fn params(
    vm: &mut Vm,
    a: &Args,
    qname: &str,
    names: &[&str],
    required: usize,
    style: Style,
) -> PyResult<Vec<Option<usize>>> {
    let fname = qname.rsplit('.').next().unwrap_or(qname);
    let npos = vm.npos(a).saturating_sub(1);
    let nkw = a.n - vm.npos(a);
    if nkw > 0 && style != Style::Kw {
        // every style names the type here, PyArg_ParseTuple's too ("str.find() takes no ...")
        return Err(vm.type_error(format!("{qname}() takes no keyword arguments")));
    }
    if style == Style::One && npos != 1 {
        return Err(vm.type_error(format!(
            "{qname}() takes exactly one argument ({npos} given)"
        )));
    }
    let (ms, rs) = (plural(names.len()), plural(required));
    if npos > names.len() {
        let m = names.len();
        return Err(vm.type_error(match style {
            Style::Clinic => format!("{fname} expected at most {m} argument{ms}, got {npos}"),
            _ if m == 0 => format!("{qname}() takes no arguments ({npos} given)"),
            _ => format!("{fname}() takes at most {m} argument{ms} ({npos} given)"),
        }));
    }
    let slots = bind_keywords(vm, a, fname, names)?;
    if let Some(i) = slots.iter().take(required).position(|s| s.is_none()) {
        return Err(vm.type_error(match style {
            Style::Kw => format!(
                "{fname}() missing required argument '{}' (pos {})",
                names[i],
                i + 1
            ),
            Style::Old => {
                format!("{fname}() takes at least {required} argument{rs} ({npos} given)")
            }
            _ => format!("{fname} expected at least {required} argument{rs}, got {npos}"),
        }));
    }
    Ok(slots)
}

/// `params` for a method named `fname` of self's type, slots in an array. The common call (no
/// keyword arguments, an accepted positional count) binds here without building the qualified
/// name ("str.find") or a Vec, which cost more than the work of a short str method; every other
/// call goes through `params` for its keyword binding and its exact error messages.
#[inline]
pub fn mparams<const N: usize>(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    names: &[&str; N],
    required: usize,
    style: Style,
) -> PyResult<[Option<usize>; N]> {
    let mut out = [None; N];
    if a.kwnames.is_null() && a.n >= 1 && (required..=N).contains(&(a.n - 1)) {
        for (i, s) in out.iter_mut().enumerate().take(a.n - 1) {
            *s = Some(a.base + 1 + i);
        }
        return Ok(out);
    }
    let p = params(vm, a, &qual(vm, a, fname), names, required, style)?;
    out.copy_from_slice(&p);
    Ok(out)
}

/// Stack slots of the parameters `names` (after self): the positionals in order, then the keyword
/// arguments by name, with CPython's "invalid keyword argument" and "given by name and position"
/// errors. The caller has checked the positional count.
pub fn bind_keywords(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    names: &[&str],
) -> PyResult<Vec<Option<usize>>> {
    bind_keywords_from(vm, a, 1, fname, names)
}

/// `bind_keywords` for parameters starting at argument `first` (0 for a builtin function, 1 after
/// a method's self).
pub fn bind_keywords_from(
    vm: &mut Vm,
    a: &Args,
    first: usize,
    fname: &str,
    names: &[&str],
) -> PyResult<Vec<Option<usize>>> {
    let npos = vm.npos(a).saturating_sub(first);
    let mut slots: Vec<Option<usize>> = (0..names.len())
        .map(|i| {
            if i < npos {
                Some(a.base + first + i)
            } else {
                None
            }
        })
        .collect();
    if a.kwnames.is_null() {
        return Ok(slots);
    }
    let kwn: Vec<String> = vm
        .tuple_items(a.kwnames)
        .iter()
        .map(|k| vm.str_of(*k).to_string())
        .collect();
    let kbase = a.base + a.n - kwn.len();
    for (j, k) in kwn.iter().enumerate() {
        match names.iter().position(|n| n == k) {
            Some(i) if slots[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{k}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => slots[i] = Some(kbase + j),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )))
            }
        }
    }
    Ok(slots)
}

/// "" for one, "s" otherwise.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Argument Clinic's message when `n` positional arguments are not within `lo..=hi`:
/// "f expected 2 arguments, got 1", "f expected at least 1 argument, got 0", "f expected at most
/// 3 arguments, got 4". None when `n` is in range.
pub fn count_error(fname: &str, lo: usize, hi: usize, n: usize) -> Option<String> {
    if lo == hi && n != lo {
        Some(format!(
            "{fname} expected {lo} argument{}, got {n}",
            plural(lo)
        ))
    } else if n < lo {
        Some(format!(
            "{fname} expected at least {lo} argument{}, got {n}",
            plural(lo)
        ))
    } else if n > hi {
        Some(format!(
            "{fname} expected at most {hi} argument{}, got {n}",
            plural(hi)
        ))
    } else {
        None
    }
}

/// Is `v` of one of `kinds`? (A small int counts as BigInt, a bool as an int.)
fn kind_ok(vm: &Vm, v: Value, kinds: &[Kind]) -> bool {
    if v.is_int() {
        return kinds.contains(&Kind::BigInt);
    }
    if !v.is_ptr() {
        return false;
    }
    let k = vm.kind(v);
    kinds.contains(&k) || (k == Kind::Bool && kinds.contains(&Kind::BigInt))
}

/// Checks that argument 0 (self) of `tname.mname` is present and of one of `kinds`, with CPython's
/// "unbound method" and descriptor messages.
pub fn check_self(vm: &mut Vm, a: &Args, tname: &str, mname: &str, kinds: &[Kind]) -> PyResult<()> {
    if vm.npos(a) == 0 {
        return Err(vm.type_error(format!(
            "unbound method {tname}.{mname}() needs an argument"
        )));
    }
    let s = vm.arg(a, 0);
    if !kind_ok(vm, s, kinds) {
        let tn = vm.type_name(s);
        return Err(vm.type_error(format!(
            "descriptor '{mname}' for '{tname}' objects doesn't apply to a '{tn}' object"
        )));
    }
    Ok(())
}

/// Is the slot absent or None?
pub fn is_none(vm: &Vm, slot: Option<usize>) -> bool {
    match slot {
        None => true,
        Some(s) => vm.at(s) == vm.none(),
    }
}

/// A start/end argument: None, an int (big ints clamp), or an object with `__index__`.
pub fn opt_index(vm: &mut Vm, slot: Option<usize>) -> PyResult<Option<i64>> {
    if is_none(vm, slot) {
        return Ok(None);
    }
    let v = vm.at(slot.unwrap_or(0));
    index_of(
        vm,
        v,
        "slice indices must be integers or None or have an __index__ method",
    )
    .map(Some)
}

/// An integer argument (ints, bools, `__index__`); big ints clamp to i64. `msg` is the TypeError text.
pub fn index_of(vm: &mut Vm, v: Value, msg: &str) -> PyResult<i64> {
    if let Some(i) = vm.to_i64(v) {
        return Ok(i);
    }
    if let Some(b) = vm.to_bigint(v) {
        return Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        });
    }
    if v.is_ptr() && vm.is(v, Kind::Instance) {
        if let Some(f) = vm.special(v, "__index__") {
            let r = vm.call(f, &[v])?;
            if let Some(i) = vm.to_i64(r) {
                return Ok(i);
            }
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!("__index__ returned non-int (type {tn})")));
        }
    }
    Err(vm.type_error(msg))
}

/// An integer argument with CPython's "'X' object cannot be interpreted as an integer" message.
pub fn int_arg(vm: &mut Vm, slot: usize) -> PyResult<i64> {
    let v = vm.at(slot);
    if vm.is(v, Kind::Float) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let tn = vm.type_name(v);
    index_of(
        vm,
        v,
        &format!("'{tn}' object cannot be interpreted as an integer"),
    )
}

/// Registers `f` as a staticmethod `name` of builtin type `tname` (str.maketrans, bytes.fromhex).
pub fn add_static(vm: &mut Vm, tname: &str, name: &str, f: NativeFn) {
    let n = vm
        .new_native(name, f, Value::NULL)
        .expect("out of memory at startup");
    vm.push(n);
    let w = vm
        .alloc(Kind::StaticMethod, 0)
        .expect("out of memory at startup");
    let n = vm.pop();
    // SAFETY: w was just allocated as a StaticMethod (WrapperObj layout) and n popped after that
    // allocation; the barrier follows the store.
    unsafe { (*vm.payload::<WrapperObj>(w)).func = n };
    vm.heap.write_barrier(w);
    let t = vm.builtin_type(tname);
    vm.add_type_attr(t, name, w);
}

/// Builds a list from Rust strings.
pub fn str_list(vm: &mut Vm, parts: &[&str]) -> PyResult<Value> {
    push_strs(vm, parts)?;
    vm.new_list_from_stack(parts.len())
}

/// Builds a tuple from Rust strings.
pub fn str_tuple(vm: &mut Vm, parts: &[&str]) -> PyResult<Value> {
    push_strs(vm, parts)?;
    vm.new_tuple_from_stack(parts.len())
}

/// Pushes a new str for every part; on error the stack is cut back to where it was.
fn push_strs(vm: &mut Vm, parts: &[&str]) -> PyResult<()> {
    let base = vm.sp();
    for p in parts {
        match vm.new_str(p) {
            Ok(s) => vm.push(s),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
    }
    Ok(())
}

/// The qualified method name "type.fname" for self's type (argument 0).
pub fn qual(vm: &Vm, a: &Args, fname: &str) -> String {
    if a.n == 0 {
        return fname.to_string();
    }
    format!("{}.{fname}", vm.type_name(vm.arg(a, 0)))
}

/// Registers a native as a classmethod of a builtin type: it receives the class as argument 0,
/// whether called on the type (`int.from_bytes(b)`) or on an instance (`(5).from_bytes(b)`).
pub fn add_classmethod(vm: &mut Vm, tname: &str, name: &str, f: crate::obj::layout::NativeFn) {
    let t = vm.builtin_type(tname);
    vm.add_method(tname, name, f);
    let d = vm.obj::<TypeObj>(t).dict;
    let k = vm.intern(name);
    let native = vm.dict_get_str(d, k).expect("method just registered");
    // A classmethod receives the class, not an instance: no owner check on its native.
    // SAFETY: native is the old Native just registered (never moves); no GC point since the read.
    unsafe { (*vm.payload::<NativeObj>(native)).owner = Value::NULL };
    let cm = vm.alloc_old(Kind::ClassMethod, 0);
    // SAFETY: cm was just allocated with alloc_old (not a GC point) as a ClassMethod (WrapperObj layout)
    // and native read before with no GC point since; the barrier follows.
    unsafe { (*vm.payload::<WrapperObj>(cm)).func = native };
    vm.heap.write_barrier(cm);
    vm.add_type_attr(t, name, cm);
}

/// How many arguments (after self) a method takes, with CPython's matching error message.
#[derive(Clone, Copy)]
pub enum Arity {
    /// METH_NOARGS: "list.clear() takes no arguments (1 given)"
    NoArgs,
    /// METH_O: "list.append() takes exactly one argument (0 given)"
    One,
    /// Argument clinic positional range: "pop expected at most 1 argument, got 2"
    Range(usize, usize),
}

/// Checks a method call of `tname.mname`: self (argument 0) is one of `kinds`, no keyword arguments,
/// and the argument count matches `arity`. Returns the number of arguments after self.
pub fn check_method(
    vm: &mut Vm,
    a: &Args,
    tname: &str,
    mname: &str,
    kinds: &[Kind],
    arity: Arity,
) -> PyResult<usize> {
    check_self(vm, a, tname, mname, kinds)?;
    if !a.kwnames.is_null() && !vm.tuple_items(a.kwnames).is_empty() {
        return Err(vm.type_error(format!("{tname}.{mname}() takes no keyword arguments")));
    }
    let n = a.n - 1;
    let msg = match arity {
        Arity::NoArgs if n != 0 => format!("{tname}.{mname}() takes no arguments ({n} given)"),
        Arity::One if n != 1 => format!("{tname}.{mname}() takes exactly one argument ({n} given)"),
        Arity::Range(lo, hi) => match count_error(mname, lo, hi, n) {
            Some(msg) => msg,
            None => return Ok(n),
        },
        _ => return Ok(n),
    };
    Err(vm.type_error(msg))
}

/// Binds the arguments after self to the parameters `names` (the first `max_pos` may be given by
/// position, all by keyword). Returns, per parameter, the stack slot of its value if given.
pub fn bind_params(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    names: &[&str],
    max_pos: usize,
) -> PyResult<Vec<Option<usize>>> {
    let npos = vm.npos(a) - 1;
    if npos > max_pos {
        let msg = if max_pos == 0 {
            format!("{fname}() takes no positional arguments")
        } else {
            // Argument Clinic says "positional" only when keyword-only parameters exist.
            let kind = if max_pos == names.len() {
                ""
            } else {
                "positional "
            };
            format!(
                "{fname}() takes at most {max_pos} {kind}argument{} ({npos} given)",
                plural(max_pos)
            )
        };
        return Err(vm.type_error(msg));
    }
    bind_keywords(vm, a, fname, names)
}

/// An index argument (int, bool or `__index__`) as i64; OverflowError for huge ints.
pub fn index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = vm.to_i64(v) {
        return Ok(i);
    }
    if vm.is(v, Kind::BigInt) {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    if vm.is(v, Kind::Instance) {
        if let Some(f) = vm.special(v, "__index__") {
            let r = vm.call(f, &[v])?;
            if vm.is_int(r) {
                return index_arg(vm, r);
            }
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!("__index__ returned non-int (type {tn})")));
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
}

/// A start/stop argument of `index()`, clamped like a slice index.
fn slice_index_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(i) = vm.to_i64(v) {
        return Ok(i);
    }
    if let Some(b) = vm.to_bigint(v) {
        return Ok(if b.is_negative() { i64::MIN } else { i64::MAX });
    }
    if vm.is(v, Kind::Instance) && vm.special(v, "__index__").is_some() {
        return index_arg(vm, v);
    }
    Err(vm.type_error("slice indices must be integers or have an __index__ method"))
}

/// The `start`, `stop` arguments (`count` of them, from argument `first`) of a sequence `index()`,
/// normalised against `len`: the half-open range of positions to search.
pub fn slice_bounds(
    vm: &mut Vm,
    a: &Args,
    first: usize,
    count: usize,
    len: usize,
) -> PyResult<(usize, usize)> {
    let norm = |i: i64| -> usize {
        if i < 0 {
            i.saturating_add(len as i64).max(0) as usize
        } else {
            i as usize
        }
    };
    let lo = if count >= 1 {
        norm(slice_index_arg(vm, vm.arg(a, first))?)
    } else {
        0
    };
    let hi = if count >= 2 {
        norm(slice_index_arg(vm, vm.arg(a, first + 1))?)
    } else {
        usize::MAX
    };
    Ok((lo, hi.min(len)))
}

/// `a is b or a == b`, the comparison containers use (may call Python).
pub fn same_or_eq(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(true);
    }
    vm.eq(a, b)
}

/// Makes `a.kwnames` safe to read after GC points. A call like `f(*args, **kw)` hands natives a
/// young, unrooted kwnames tuple (vm/eval.rs spread_call_args); this replaces it by an old-space
/// tuple of interned names, rooted on the value stack until the native returns (old objects never
/// move). Not a GC point.
pub fn pin_kwnames(vm: &mut Vm, a: Args) -> Args {
    if a.kwnames.is_null() || !vm.heap.is_young(a.kwnames) {
        return a;
    }
    let names: Vec<String> = vm
        .tuple_items(a.kwnames)
        .iter()
        .map(|k| vm.str_of(*k).to_string())
        .collect();
    let interned: Vec<Value> = names.iter().map(|n| vm.intern(n)).collect();
    let t = vm.old_tuple(&interned);
    vm.push(t);
    Args { kwnames: t, ..a }
}

/// Number of keyword arguments of a native call.
pub fn nkw(vm: &Vm, a: &Args) -> usize {
    a.n - vm.npos(a)
}

/// TypeError unless the call has no keyword arguments.
pub fn no_kwargs(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<()> {
    if nkw(vm, a) > 0 {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    Ok(())
}

// ---- constructors: `call_type` passes the type as argument 0, user arguments start at 1 ----------

/// User positional arguments (after the type).
pub fn user_npos(vm: &Vm, a: &Args) -> usize {
    vm.npos(a).saturating_sub(1)
}

/// User positional argument i, else keyword `name` (empty name: positional only).
pub fn uarg(vm: &Vm, a: &Args, i: usize, name: &str) -> Option<Value> {
    if i < user_npos(vm, a) {
        Some(vm.arg(a, i + 1))
    } else if name.is_empty() {
        None
    } else {
        vm.kwarg(a, name)
    }
}

/// `T expected at most N argument(s), got n` for constructors taking at most `max` positionals.
pub fn at_most(vm: &mut Vm, a: &Args, tname: &str, max: usize) -> PyResult<()> {
    match count_error(tname, 0, max, user_npos(vm, a)) {
        Some(msg) => Err(vm.type_error(msg)),
        None => Ok(()),
    }
}

/// Runs `f` with the stack cut back to `base` afterwards, whatever the outcome.
pub fn scoped<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm, usize) -> PyResult<T>) -> PyResult<T> {
    let base = vm.sp();
    let r = f(vm, base);
    vm.truncate(base);
    r
}
