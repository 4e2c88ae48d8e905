//! Slot wrappers: the dunder methods CPython shows on builtin types (`list.__len__`, `(1).__add__`,
//! `'a'.__lt__`, `bytearray.__setitem__`...), made from each kind's slots after every type has
//! installed its own methods. A type's explicit method of the same name wins (it is never replaced).
//!
//! Which wrappers a kind gets: one per slot it has (`len` -> `__len__`, `getitem` -> `__getitem__`,
//! `setitem` -> `__setitem__`, `delitem` -> `__delitem__`, `contains` -> `__contains__`, `iter` ->
//! `__iter__`, `next` -> `__next__`, `repr` -> `__repr__`, `str` -> `__str__`), the six comparisons
//! for every kind with a Python-visible type, and the number dunders its `TypeSlots::number_dunders`
//! lists (operators answered by the VM's builtin rules: `__add__`, `__radd__`, `__iadd__`, `__neg__`,
//! `__index__`..., and `__reversed__`). The hashable immutable builtins (int, float, complex, str, bytes, tuple,
//! frozenset) also get `__hash__`, what hash() answers. A wrapper answers exactly what the operator would answer for its operands without
//! running the other operand's Python dunders, and NotImplemented where the operator has no builtin
//! answer (as CPython's slot wrappers).
//!
//! GC: the wrappers' arguments sit on the value stack (native call); each wrapper makes one call into
//! the VM's generic operation, which roots what it needs.

use super::TypeSlots;
use crate::bytecode::{BinOp, CmpOp, UnaryOp};
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

/// Adds the wrappers to every builtin type (bootstrap, after all `install` slots ran).
pub fn install_all(vm: &mut Vm) {
    for k in 0..NKINDS {
        let slots = super::TABLE[k];
        if slots.name.is_empty() || !vm.has_builtin_type(slots.name) || k == Kind::Instance as usize
        {
            continue;
        }
        let t = vm.builtin_type(slots.name);
        for (name, f) in wrappers_for(slots) {
            if !has_own(vm, t, name) {
                vm.add_method(slots.name, name, f);
            }
        }
    }
    // The mutable containers are unhashable: `__hash__` is None on their types, as on CPython (the
    // VM's hash() already refuses them; this is what introspection and subclasses see).
    for name in ["list", "dict", "set", "bytearray"] {
        let t = vm.builtin_type(name);
        let none = vm.none();
        vm.add_type_attr(t, "__hash__", none);
    }
    // The hashable immutable builtins have their own `__hash__`, as on CPython: a class mixing one
    // with a Python base that defines `__hash__` (IntEnum = int + Enum) must find the builtin's
    // first in its MRO, not object's identity hash or the Python base's.
    for name in [
        "int",
        "float",
        "complex",
        "str",
        "bytes",
        "tuple",
        "frozenset",
    ] {
        let t = vm.builtin_type(name);
        if !has_own(vm, t, "__hash__") {
            vm.add_method(name, "__hash__", hash_w);
        }
    }
    // object's comparisons other than == and != answer NotImplemented (the operator then raises).
    for (name, f) in [
        ("__lt__", not_implemented as NativeFn),
        ("__le__", not_implemented),
        ("__gt__", not_implemented),
        ("__ge__", not_implemented),
    ] {
        let t = vm.builtin_type("object");
        if !has_own(vm, t, name) {
            vm.add_method("object", name, f);
        }
    }
}

fn has_own(vm: &mut Vm, t: Value, name: &str) -> bool {
    let d = vm.obj::<TypeObj>(t).dict;
    let k = vm.intern(name);
    vm.dict_get_str(d, k).is_some()
}

fn wrappers_for(s: &TypeSlots) -> Vec<(&'static str, NativeFn)> {
    let mut w: Vec<(&'static str, NativeFn)> = Vec::new();
    if s.len.is_some() {
        w.push(("__len__", len_w));
    }
    if s.getitem.is_some() {
        w.push(("__getitem__", getitem_w));
    }
    if s.setitem.is_some() {
        w.push(("__setitem__", setitem_w));
    }
    if s.delitem.is_some() {
        w.push(("__delitem__", delitem_w));
    }
    if s.contains.is_some() {
        w.push(("__contains__", contains_w));
    }
    if s.iter.is_some() {
        w.push(("__iter__", iter_w));
    }
    if s.next.is_some() {
        w.push(("__next__", next_w));
    }
    if s.repr.is_some() {
        w.push(("__repr__", repr_w));
    }
    if s.str.is_some() {
        w.push(("__str__", str_w));
    }
    w.extend([
        ("__eq__", cmp_w::<{ CmpOp::Eq as u32 }> as NativeFn),
        ("__ne__", cmp_w::<{ CmpOp::Ne as u32 }>),
        ("__lt__", cmp_w::<{ CmpOp::Lt as u32 }>),
        ("__le__", cmp_w::<{ CmpOp::Le as u32 }>),
        ("__gt__", cmp_w::<{ CmpOp::Gt as u32 }>),
        ("__ge__", cmp_w::<{ CmpOp::Ge as u32 }>),
    ]);
    for &name in s.number_dunders {
        if let Some(f) = number_wrapper(name) {
            w.push((name, f));
        }
    }
    w
}

/// The wrapper of a number dunder name (`__add__`, `__rsub__`, `__iand__`, `__neg__`, ...).
fn number_wrapper(name: &str) -> Option<NativeFn> {
    const FWD: u32 = 0;
    const REFL: u32 = 1;
    const INPLACE: u32 = 2;
    macro_rules! ops {
        ($($op:ident: $fwd:literal $refl:literal $inpl:literal;)*) => {
            match name {
                $(
                    $fwd => Some(binop_w::<{ BinOp::$op as u32 }, FWD> as NativeFn),
                    $refl => Some(binop_w::<{ BinOp::$op as u32 }, REFL> as NativeFn),
                    $inpl => Some(binop_w::<{ BinOp::$op as u32 }, INPLACE> as NativeFn),
                )*
                "__neg__" => Some(unary_w::<{ UnaryOp::Neg as u32 }> as NativeFn),
                "__pos__" => Some(unary_w::<{ UnaryOp::Pos as u32 }> as NativeFn),
                "__invert__" => Some(unary_w::<{ UnaryOp::Invert as u32 }> as NativeFn),
                "__bool__" => Some(bool_w as NativeFn),
                "__abs__" => Some(builtin_w::<ABS> as NativeFn),
                "__int__" | "__index__" | "__trunc__" => Some(builtin_w::<INT> as NativeFn),
                "__float__" => Some(builtin_w::<FLOAT> as NativeFn),
                "__round__" => Some(builtin_w::<ROUND> as NativeFn),
                "__reversed__" => Some(reversed_w as NativeFn),
                "__floor__" => Some(floor_ceil_w::<false> as NativeFn),
                "__ceil__" => Some(floor_ceil_w::<true> as NativeFn),
                _ => None,
            }
        };
    }
    ops! {
        Add: "__add__" "__radd__" "__iadd__";
        Sub: "__sub__" "__rsub__" "__isub__";
        Mul: "__mul__" "__rmul__" "__imul__";
        TrueDiv: "__truediv__" "__rtruediv__" "__itruediv__";
        FloorDiv: "__floordiv__" "__rfloordiv__" "__ifloordiv__";
        Mod: "__mod__" "__rmod__" "__imod__";
        Pow: "__pow__" "__rpow__" "__ipow__";
        LShift: "__lshift__" "__rlshift__" "__ilshift__";
        RShift: "__rshift__" "__rrshift__" "__irshift__";
        And: "__and__" "__rand__" "__iand__";
        Or: "__or__" "__ror__" "__ior__";
        Xor: "__xor__" "__rxor__" "__ixor__";
    }
    .or(match name {
        "__divmod__" => Some(divmod_w::<false> as NativeFn),
        "__rdivmod__" => Some(divmod_w::<true> as NativeFn),
        _ => None,
    })
}

/// Checks the argument count after `self` (CPython: "expected 1 argument, got 0").
fn nargs(vm: &mut Vm, a: &Args, want: usize) -> PyResult<()> {
    let got = a.n.saturating_sub(1);
    if got != want || (!a.kwnames.is_null() && !vm.tuple_items(a.kwnames).is_empty()) {
        if got != want {
            let s = if want == 1 { "" } else { "s" };
            return Err(vm.type_error(format!("expected {want} argument{s}, got {got}")));
        }
        return Err(vm.type_error("wrapper takes no keyword arguments"));
    }
    Ok(())
}

fn slots_of(vm: &Vm, v: Value) -> &'static TypeSlots {
    super::slots(vm.kind_or_int(v))
}

// The wrappers call the kind's slot, not the generic operation: the generic one would honour a
// Python subclass's override, which is what may have called the wrapper (`super().__len__()`).

/// The slot `$field` of `$o`'s kind. A wrapper is only installed on types whose kind has the slot
/// and the owner check admits only their instances, so the TypeError is a safety net, not a path.
macro_rules! slot {
    ($vm:expr, $o:expr, $field:ident, $name:literal) => {
        match slots_of($vm, $o).$field {
            Some(f) => f,
            None => {
                let tn = $vm.type_name($o);
                return Err($vm.type_error(format!(
                    "descriptor '{}' doesn't apply to a '{tn}' object",
                    $name
                )));
            }
        }
    };
}

fn len_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 0)?;
    let o = vm.arg(&a, 0);
    let n = slot!(vm, o, len, "__len__")(vm, o)?;
    vm.new_int(n as i64)
}

/// `__hash__` of a hashable builtin: what hash() answers for the (unboxed) receiver.
fn hash_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 0)?;
    let o = vm.arg(&a, 0);
    let o = vm.unboxed(o);
    // the builtin's rule, never a subclass's own __hash__ (which may be what called this)
    let h = if vm.is_py_subclass(o) {
        vm.hash_builtin(o)?
    } else {
        vm.hash_full(o)?
    };
    vm.new_int(h)
}

fn getitem_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 1)?;
    let (o, k) = (vm.arg(&a, 0), vm.arg(&a, 1));
    slot!(vm, o, getitem, "__getitem__")(vm, o, k)
}

fn setitem_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 3 {
        // CPython unpacks this wrapper's arguments under an empty name
        let got = a.n.saturating_sub(1);
        return Err(vm.type_error(format!(" expected 2 arguments, got {got}")));
    }
    nargs(vm, &a, 2)?;
    let (o, k, v) = (vm.arg(&a, 0), vm.arg(&a, 1), vm.arg(&a, 2));
    slot!(vm, o, setitem, "__setitem__")(vm, o, k, v)?;
    Ok(vm.none())
}

fn delitem_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 1)?;
    let (o, k) = (vm.arg(&a, 0), vm.arg(&a, 1));
    slot!(vm, o, delitem, "__delitem__")(vm, o, k)?;
    Ok(vm.none())
}

fn contains_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 1)?;
    let (o, x) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let r = slot!(vm, o, contains, "__contains__")(vm, o, x)?;
    Ok(vm.bool_val(r))
}

fn iter_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 0)?;
    let o = vm.arg(&a, 0);
    slot!(vm, o, iter, "__iter__")(vm, o)
}

fn next_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 0)?;
    let it = vm.arg(&a, 0);
    match slot!(vm, it, next, "__next__")(vm, it)? {
        Some(v) => Ok(v),
        None => Err(super::generator::raise_stop_iteration(vm, Value::NULL)),
    }
}

fn repr_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 0)?;
    let o = vm.arg(&a, 0);
    let s = slot!(vm, o, repr, "__repr__")(vm, o)?;
    vm.new_str(&s)
}

fn str_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 0)?;
    let o = vm.arg(&a, 0);
    let s = slot!(vm, o, str, "__str__")(vm, o)?;
    vm.new_str(&s)
}

/// int's own slots answer only int operands (an int and a float meet in float's slots): so
/// `(1).__add__(1.5)` and `(1).__eq__(1.0)` are NotImplemented, as on CPython.
fn int_meets_non_int(vm: &Vm, x: Value, y: Value) -> bool {
    vm.is_int(x) && !vm.is_int(y)
}

fn cmp_w<const OP: u32>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 1)?;
    vm.unbox_slot(a.base + 1);
    let (x, y) = (vm.arg(&a, 0), vm.arg(&a, 1));
    if int_meets_non_int(vm, x, y) {
        return Ok(vm.named(crate::vm::Named::NotImplemented));
    }
    match vm.builtin_compare(x, y, CmpOp::from_arg(OP))? {
        Some(v) => Ok(v),
        None => Ok(vm.named(crate::vm::Named::NotImplemented)),
    }
}

fn binop_w<const OP: u32, const HOW: u32>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let op = BinOp::from_arg(OP);
    if op == BinOp::Pow && HOW == 0 && a.n == 3 {
        // pow(self, other, mod): the three-argument form of the builtin
        let f = builtin(vm, "pow");
        let (x, y, m) = (vm.arg(&a, 0), vm.arg(&a, 1), vm.arg(&a, 2));
        return vm.call(f, &[x, y, m]);
    }
    nargs(vm, &a, 1)?;
    vm.unbox_slot(a.base + 1);
    let (x, y) = (vm.arg(&a, 0), vm.arg(&a, 1));
    if int_meets_non_int(vm, x, y) {
        return Ok(vm.named(crate::vm::Named::NotImplemented));
    }
    let (l, r) = if HOW == 1 { (y, x) } else { (x, y) };
    if HOW == 2 {
        return vm.inplace_op(l, r, op);
    }
    let answer = vm.builtin_binop(l, r, op)?;
    // re-read: a builtin answer may have collected (None is answered before any GC point, but say so)
    let (x, y) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let (l, r) = if HOW == 1 { (y, x) } else { (x, y) };
    match answer {
        Some(v) => Ok(v),
        // Sequence concatenation and repetition raise at once, as CPython's sq_concat/sq_repeat
        // ("can only concatenate list (not "int") to list"); number slots answer NotImplemented.
        None if op == BinOp::Mul
            && is_sequence(vm, x)
            && !vm.is_int(y)
            && vm.special(y, "__index__").is_none() =>
        {
            let tn = vm.type_name(y);
            Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
        }
        None if matches!(op, BinOp::Add | BinOp::Mul) && is_sequence(vm, x) => {
            vm.binop_type_error(l, r, op, false)
        }
        None => Ok(vm.named(crate::vm::Named::NotImplemented)),
    }
}

fn is_sequence(vm: &Vm, v: Value) -> bool {
    v.is_ptr()
        && matches!(
            vm.kind(v),
            Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::List | Kind::Tuple
        )
}

fn divmod_w<const REFLECTED: bool>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 1)?;
    vm.unbox_slot(a.base + 1);
    let (x, y) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let (x, y) = if REFLECTED { (y, x) } else { (x, y) };
    let is_number = |v: Value| vm.is_int(v) || vm.is(v, Kind::Float);
    if !(is_number(x) && is_number(y)) {
        return Ok(vm.named(crate::vm::Named::NotImplemented));
    }
    let f = builtin(vm, "divmod");
    vm.call(f, &[x, y])
}

fn unary_w<const OP: u32>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 0)?;
    vm.unary_op(vm.arg(&a, 0), UnaryOp::from_arg(OP))
}

fn bool_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 0)?;
    let t = vm.truthy(vm.arg(&a, 0))?;
    Ok(vm.bool_val(t))
}

const ABS: u8 = 0;
const INT: u8 = 1;
const FLOAT: u8 = 2;
const ROUND: u8 = 3;

/// A number dunder that is the builtin function of the same meaning applied to self.
fn builtin_w<const WHICH: u8>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let name = ["abs", "int", "float", "round"][WHICH as usize];
    if WHICH == ROUND {
        if a.n > 2 {
            let got = a.n - 1;
            return Err(vm.type_error(format!("__round__ expected at most 1 argument, got {got}")));
        }
    } else {
        nargs(vm, &a, 0)?;
    }
    let f = builtin(vm, name);
    let args: Vec<Value> = (0..a.n).map(|i| vm.arg(&a, i)).collect();
    vm.call(f, &args)
}

fn reversed_w(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 0)?;
    let f = builtin(vm, "reversed");
    let o = vm.arg(&a, 0);
    vm.call(f, &[o])
}

/// `__floor__`/`__ceil__`: the int below/above self (ints answer themselves).
fn floor_ceil_w<const CEIL: bool>(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 1 {
        // a plain method on CPython, not a slot wrapper: its own message
        let tn = vm.type_name(vm.arg(&a, 0));
        let m = if CEIL { "__ceil__" } else { "__floor__" };
        let given = a.n - 1;
        return Err(vm.type_error(format!("{tn}.{m}() takes no arguments ({given} given)")));
    }
    let v = vm.arg(&a, 0);
    let v = if vm.is(v, Kind::Float) {
        let f = vm.float_val(v);
        vm.new_float(if CEIL { f.ceil() } else { f.floor() })?
    } else {
        v
    };
    let f = builtin(vm, "int");
    vm.call(f, &[v])
}

fn not_implemented(vm: &mut Vm, a: Args) -> PyResult<Value> {
    nargs(vm, &a, 1)?;
    Ok(vm.named(crate::vm::Named::NotImplemented))
}

/// A function of the builtins module (always there: set up before the types install).
fn builtin(vm: &mut Vm, name: &str) -> Value {
    let d = vm.roots.builtins;
    let k = vm.intern(name);
    vm.dict_get_str(d, k).unwrap_or_else(|| vm.none())
}
