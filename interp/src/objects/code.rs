//! `code` (a compiled code object: `CodeObj` pointing at its Rust `CodeData`, built by vm/code.rs
//! from the compiler's output) and `cell` (a closure variable's box). The VM owns how they are
//! built and run; this module holds the types' behaviour: repr and the read-only `co_*` attributes
//! (CPython's names and flag bits; `co_consts` holds minipy's constants, which are CPython's for the
//! docstring slot and literal values but not for folded expressions) and `cell_contents`.
//! The bytecode and line-table views (`co_code`, `co_lnotab`, `co_lines()`, `co_positions()`) live
//! in code/lines.rs.
//!
//! GC: each attribute allocates at most one object, after reading everything it needs from the
//! CodeData into plain Rust values.

mod lines;

use super::TypeSlots;
use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static CODE: TypeSlots = TypeSlots {
    name: "code",
    repr: Some(code_repr),
    getattr: Some(code_getattr),
    install: Some(lines::install),
    ..TypeSlots::EMPTY
};

pub static CELL: TypeSlots = TypeSlots {
    name: "cell",
    repr: Some(cell_repr),
    getattr: Some(cell_getattr),
    ..TypeSlots::EMPTY
};

fn code_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let cd = vm.code_data(v);
    let (n, f, l) = (cd.name.clone(), cd.filename.clone(), cd.firstlineno);
    let id = vm.heap.id_of(v);
    Ok(format!(
        "<code object {n} at {id:#x}, file \"{f}\", line {l}>"
    ))
}

/// A tuple of str from Rust strings.
fn str_tuple(vm: &mut Vm, items: &[String]) -> PyResult<Value> {
    let base = vm.sp();
    for s in items {
        let v = match vm.new_str(s) {
            Ok(v) => v,
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        };
        vm.push(v);
    }
    let r = vm.new_tuple_from_stack(items.len());
    vm.truncate(base);
    r
}

fn code_getattr(vm: &mut Vm, v: Value, name: Value) -> PyResult<Option<Value>> {
    let n = vm.str_of(name).to_string();
    if !n.starts_with("co_") {
        return Ok(None);
    }
    let cd = vm.code_data(v);
    let int = |i: usize| Value::from_int(i as i64).unwrap_or(Value::NULL);
    let r = match n.as_str() {
        "co_argcount" => int(cd.argcount),
        "co_posonlyargcount" => int(cd.posonly),
        "co_kwonlyargcount" => int(cd.kwonly),
        "co_nlocals" => int(cd.nlocals),
        "co_stacksize" => int(cd.stacksize),
        "co_firstlineno" => int(cd.firstlineno as usize),
        "co_flags" => int(cd.flags as usize),
        "co_name" => {
            let s = cd.name.clone();
            return vm.new_str(&s).map(Some);
        }
        "co_qualname" => {
            let s = cd.qualname.clone();
            return vm.new_str(&s).map(Some);
        }
        "co_filename" => return Ok(Some(vm.obj::<CodeObj>(v).filename)),
        "co_names" => return Ok(Some(vm.obj::<CodeObj>(v).names)),
        "co_code" => return lines::co_code(vm, v).map(Some),
        "co_lnotab" => return lines::co_lnotab(vm, v).map(Some),
        "co_consts" => return Ok(Some(vm.obj::<CodeObj>(v).consts)),
        "co_varnames" => {
            // minipy's slots put *args before the keyword-only parameters; CPython after them
            let mut s = cd.varnames.clone();
            if cd.has_varargs && cd.kwonly > 0 && s.len() > cd.argcount + cd.kwonly {
                let va = s.remove(cd.argcount);
                s.insert(cd.argcount + cd.kwonly, va);
            }
            return str_tuple(vm, &s).map(Some);
        }
        "co_cellvars" => {
            let s = cd.cellvars.clone();
            return str_tuple(vm, &s).map(Some);
        }
        "co_freevars" => {
            let s = cd.freevars.clone();
            return str_tuple(vm, &s).map(Some);
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

fn cell_repr(_vm: &mut Vm, _v: Value) -> PyResult<String> {
    Ok("<cell>".into())
}

fn cell_getattr(vm: &mut Vm, v: Value, name: Value) -> PyResult<Option<Value>> {
    if vm.str_of(name) != "cell_contents" {
        return Ok(None);
    }
    let c = vm.obj::<CellObj>(v).value;
    if c.is_null() {
        return Err(vm.value_error("Cell is empty"));
    }
    Ok(Some(c))
}
