//! `function(code, globals, name=None, argdefs=None, closure=None)`: a function object made from a
//! code object, as `types.FunctionType` does. The arguments are type-checked with CPython's messages;
//! the closure must hold one cell per free variable of the code.
//!
//! GC: the arguments stay in their stack slots (`params` gives slots) and are re-read after the
//! allocation of the function.

use super::args::{params, Style};
use crate::obj::layout::*;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_method("function", "__new__", function_new);
}

fn function_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["code", "globals", "name", "argdefs", "closure"];
    let p = params(vm, &a, "function", &names, 2, Style::Kw)?;
    let slot = |vm: &Vm, i: usize| p[i].map(|s| vm.at(s)).filter(|v| *v != vm.none());
    let must = |vm: &mut Vm, i: usize, what: &str| {
        let v = vm.at(p[i].unwrap_or(0));
        // CPython's clinic names None as "None", other objects by type
        let tn = if v == vm.none() {
            "None".to_string()
        } else {
            vm.type_name(v)
        };
        Err(vm.type_error(format!(
            "function() argument '{}' must be {what}, not {tn}",
            names[i]
        )))
    };
    if !vm.is(vm.at(p[0].unwrap_or(0)), Kind::Code) {
        return must(vm, 0, "code");
    }
    if !vm.is(vm.at(p[1].unwrap_or(0)), Kind::Dict) {
        return must(vm, 1, "dict");
    }
    if slot(vm, 2).is_some_and(|n| !vm.is(n, Kind::Str)) {
        return Err(vm.type_error("arg 3 (name) must be None or string"));
    }
    if slot(vm, 3).is_some_and(|d| !vm.is(d, Kind::Tuple)) {
        return Err(vm.type_error("arg 4 (defaults) must be None or tuple"));
    }
    let nfree = vm.code_data(vm.at(p[0].unwrap_or(0))).freevars.len();
    let closure = slot(vm, 4);
    if closure.is_some_and(|c| !vm.is(c, Kind::Tuple)) {
        return Err(vm.type_error("arg 5 (closure) must be tuple"));
    }
    if nfree > 0 && closure.is_none() {
        return Err(vm.type_error("arg 5 (closure) must be tuple"));
    }
    let nclosure = closure.map_or(0, |c| vm.tuple_items(c).len());
    if nclosure != nfree {
        let code = vm.at(p[0].unwrap_or(0));
        let cn = vm.str_of(vm.obj::<CodeObj>(code).name).to_string();
        return Err(vm.value_error(format!(
            "{cn} requires closure of length {nfree}, not {nclosure}"
        )));
    }
    if let Some(c) = closure {
        if vm.tuple_items(c).iter().any(|x| !vm.is(*x, Kind::Cell)) {
            let bad = *vm
                .tuple_items(c)
                .iter()
                .find(|x| !vm.is(**x, Kind::Cell))
                .unwrap();
            let tn = vm.type_name(bad);
            return Err(vm.type_error(format!("arg 5 (closure) expected cell, found {tn}")));
        }
    }
    let f = vm.alloc(Kind::Function, 0)?;
    let code = vm.at(p[0].unwrap_or(0));
    let globals = vm.at(p[1].unwrap_or(0));
    let name = slot(vm, 2).unwrap_or(vm.obj::<CodeObj>(code).name);
    let defaults = slot(vm, 3).unwrap_or(Value::NULL);
    let closure = slot(vm, 4).unwrap_or(Value::NULL);
    // SAFETY: f was just allocated as a Function and every stored value was re-read from its stack
    // slot after that allocation; no GC point before the stores (f is young and fresh: no barrier).
    unsafe {
        let fp = vm.payload::<FunctionObj>(f);
        (*fp).code = code;
        (*fp).globals = globals;
        (*fp).defaults = defaults;
        (*fp).kwdefaults = Value::NULL;
        (*fp).closure = closure;
        (*fp).name = name;
        (*fp).qualname = name;
        (*fp).doc = vm.none();
    }
    Ok(f)
}
