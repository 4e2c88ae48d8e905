//! `generator`: a suspended frame (`GeneratorObj`). The resume machinery (`gen_send`, `gen_throw`,
//! frames) stays in vm/gen.rs, next to the eval loop it re-enters; this module holds the type's
//! behaviour: its slots (iter: a generator is its own iterator; repr) and its methods (send, throw,
//! close, __next__, __iter__). `for` loops and `next()` resume generators directly (vm/iter.rs
//! `next_fast`) without going through `__next__`.
//!
//! GC: resuming runs Python (a GC point); the methods keep the generator and the exception on the
//! value stack and address them by slot.

use super::args::{check_method, Arity};
use super::TypeSlots;
use crate::bytecode::Op;
use crate::obj::layout::*;
use crate::vm::gen::GenResult;
use crate::vm::{Args, Exc, PyResult, Vm};
use gc::Value;

pub static SLOTS: TypeSlots = TypeSlots {
    name: "generator",
    iter: Some(iter),
    repr: Some(repr),
    install: Some(install),
    ..TypeSlots::EMPTY
};

fn install(vm: &mut Vm) {
    vm.add_method("generator", "send", gen_send);
    vm.add_method("generator", "throw", gen_throw);
    vm.add_method("generator", "close", gen_close);
    vm.add_method("generator", "__next__", gen_next);
    vm.add_method("generator", "__iter__", gen_iter);
}

fn iter(_vm: &mut Vm, g: Value) -> PyResult<Value> {
    Ok(g)
}

fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let g = vm.obj::<GeneratorObj>(v);
    let q = vm.code_data(g.code).qualname.clone();
    let id = vm.heap.id_of(v);
    Ok(format!("<generator object {q} at {:#x}>", id))
}

/// Raises StopIteration(value) (no argument when the value is None).
pub fn raise_stop_iteration(vm: &mut Vm, value: Value) -> Exc {
    let t = vm.builtin_type("StopIteration");
    let r = if value == vm.none() || value.is_null() {
        vm.call(t, &[])
    } else {
        vm.call(t, &[value])
    };
    match r {
        Ok(e) => vm.raise_value(e),
        Err(x) => x,
    }
}

//
// A generator suspended in `yield from` sits on its YieldFrom instruction with the delegate iterator
// on top of its saved stack (the instruction re-runs on resume). throw() and close() are forwarded
// to the delegate first, like CPython; when the delegate finishes, the frame is "detached" from it
// (delegate popped, ip moved past YieldFrom) and resumed with the delegate's result or exception.

/// The value of a resumed generator, or StopIteration(return value).
pub(crate) fn gen_outcome(vm: &mut Vm, r: GenResult) -> PyResult<Value> {
    match r {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(raise_stop_iteration(vm, v)),
    }
}

fn gen_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(
        vm,
        &a,
        "generator",
        "__next__",
        &[Kind::Generator],
        Arity::NoArgs,
    )?;
    let (g, none) = (vm.arg(&a, 0), vm.none());
    let r = vm.gen_resume(g, none, false)?;
    gen_outcome(vm, r)
}

fn gen_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(
        vm,
        &a,
        "generator",
        "__iter__",
        &[Kind::Generator],
        Arity::NoArgs,
    )?;
    Ok(vm.arg(&a, 0))
}

fn gen_send(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "generator", "send", &[Kind::Generator], Arity::One)?;
    let (g, v) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let r = vm.gen_resume(g, v, false)?;
    gen_outcome(vm, r)
}

/// The iterator a suspended generator delegates to with `yield from`, if any.
pub(crate) fn gen_delegate(vm: &Vm, g: Value) -> Option<Value> {
    let st = vm.gen_state_ref(g);
    if !st.started || st.finished || st.running {
        return None;
    }
    let code = vm.obj::<GeneratorObj>(g).code;
    match vm.code_data(code).instrs.get(st.ip) {
        Some(i) if i.op == Op::YieldFrom => st.stack.last().copied(),
        _ => None,
    }
}

/// Detaches a generator from its delegate: on resume it continues after the YieldFrom.
fn gen_detach(vm: &mut Vm, g: Value) {
    let st = vm.gen_state(g);
    st.stack.pop();
    st.ip += 1;
}

/// Closes the iterator at stack slot `slot` (a generator, or anything with a close() method).
fn close_iter(vm: &mut Vm, slot: usize) -> PyResult<()> {
    let d = vm.at(slot);
    if vm.is(d, Kind::Generator) || vm.is(d, Kind::Coroutine) {
        return close_gen(vm, slot);
    }
    let name = vm.intern("close");
    if let Some(f) = vm.getattr_opt(d, name)? {
        vm.call(f, &[])?;
    }
    Ok(())
}

/// Throws the exception at stack slot `eslot` into the generator at `gslot`, forwarding it to the
/// generator's `yield from` delegate first.
pub(crate) fn throw_into(vm: &mut Vm, gslot: usize, eslot: usize) -> PyResult<GenResult> {
    let Some(d) = gen_delegate(vm, vm.at(gslot)) else {
        let (g, e) = (vm.at(gslot), vm.at(eslot));
        return vm.gen_resume(g, e, true);
    };
    vm.push(d);
    let dslot = vm.sp() - 1;
    let r = if vm.exc_matches(vm.at(eslot), "GeneratorExit") {
        // close the delegate, then raise GeneratorExit (or the delegate's error) in the generator
        close_iter(vm, dslot).map(|_| None)
    } else if vm.is(d, Kind::Generator) || vm.is(d, Kind::Coroutine) {
        throw_into(vm, dslot, eslot).map(Some)
    } else {
        let name = vm.intern("throw");
        match vm.getattr_opt(d, name)? {
            Some(f) => match vm.call(f, &[vm.at(eslot)]) {
                Ok(v) => Ok(Some(GenResult::Yield(v))),
                Err(x) if vm.exc_matches(vm.roots.exc, "StopIteration") => {
                    let e = vm.take_exc();
                    let v = vm.stop_iteration_value(e);
                    let _ = x;
                    Ok(Some(GenResult::Return(v)))
                }
                Err(x) => Err(x),
            },
            None => Ok(None),
        }
    };
    vm.truncate(dslot);
    let g = vm.at(gslot);
    match r {
        Ok(Some(GenResult::Yield(v))) => Ok(GenResult::Yield(v)),
        Ok(Some(GenResult::Return(v))) => {
            gen_detach(vm, g);
            vm.gen_resume(g, v, false)
        }
        Ok(None) => {
            gen_detach(vm, g);
            let e = vm.at(eslot);
            vm.gen_resume(g, e, true)
        }
        Err(_) => {
            gen_detach(vm, g);
            let e = vm.take_exc();
            vm.gen_resume(g, e, true)
        }
    }
}

/// The exception to throw for throw(typ[, val[, tb]]): an instance, or a class instantiated with val.
pub(crate) fn throw_exception(vm: &mut Vm, a: &Args, nargs: usize) -> PyResult<Value> {
    let typ = vm.arg(a, 1);
    let val = if nargs >= 2 { vm.arg(a, 2) } else { vm.none() };
    let none = vm.none();
    if vm.is(typ, Kind::Type) && vm.is_exception_class(typ) {
        let made = if val == none {
            vm.call(typ, &[])?
        } else if vm.isinstance(val, typ) {
            return Ok(val);
        } else if vm.is(val, Kind::Tuple) {
            let items: Vec<Value> = vm.tuple_items(val).to_vec();
            vm.call(typ, &items)?
        } else {
            vm.call(typ, &[val])?
        };
        // a __new__ may have returned a non-exception
        return vm.check_made_exception(vm.arg(a, 1), made, false);
    }
    let t = vm.type_of(typ);
    if vm.is_exception_class(t) {
        if val != none {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        return Ok(typ);
    }
    let tn = vm.type_name(typ);
    Err(vm.type_error(format!(
        "exceptions must be classes or instances deriving from BaseException, not {tn}"
    )))
}

fn gen_throw(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check_method(
        vm,
        &a,
        "generator",
        "throw",
        &[Kind::Generator],
        Arity::Range(1, 3),
    )?;
    if let Some(r) = throw_raw_to_delegate(vm, &a, nargs)? {
        return gen_outcome(vm, r);
    }
    let e = throw_exception(vm, &a, nargs)?;
    vm.push(e);
    let r = throw_into(vm, a.base, vm.sp() - 1)?;
    gen_outcome(vm, r)
}

/// throw(typ[, val[, tb]]) on a generator delegating (`yield from`) to a non-generator with a
/// `throw` method: CPython passes the arguments on as given, unchecked (they are checked only when
/// thrown into a frame). None when that does not apply.
fn throw_raw_to_delegate(vm: &mut Vm, a: &Args, nargs: usize) -> PyResult<Option<GenResult>> {
    let Some(d) = gen_delegate(vm, vm.arg(a, 0)) else {
        return Ok(None);
    };
    if vm.is(d, Kind::Generator) || vm.is(d, Kind::Coroutine) {
        return Ok(None);
    }
    let typ = vm.arg(a, 1);
    let gexit = vm.builtin_type("GeneratorExit");
    let is_exit = if vm.is(typ, Kind::Type) {
        vm.is_subtype(typ, gexit)
    } else {
        vm.exc_matches(typ, "GeneratorExit")
    };
    if is_exit {
        return Ok(None);
    }
    vm.push(d);
    let dslot = vm.sp() - 1;
    let name = vm.intern("throw");
    let Some(f) = vm.getattr_opt(d, name)? else {
        vm.truncate(dslot);
        return Ok(None);
    };
    let args: Vec<Value> = (1..=nargs).map(|i| vm.arg(a, i)).collect();
    let r = vm.call(f, &args);
    vm.truncate(dslot);
    let g = vm.arg(a, 0);
    match r {
        Ok(v) => Ok(Some(GenResult::Yield(v))),
        Err(_) if vm.exc_matches(vm.roots.exc, "StopIteration") => {
            let e = vm.take_exc();
            let v = vm.stop_iteration_value(e);
            vm.push(v);
            gen_detach(vm, g);
            let (g, v) = (vm.arg(a, 0), vm.pop());
            vm.gen_resume(g, v, false).map(Some)
        }
        Err(_) => {
            gen_detach(vm, g);
            let e = vm.take_exc();
            let g = vm.arg(a, 0);
            vm.gen_resume(g, e, true).map(Some)
        }
    }
}

/// generator.close() on the generator at stack slot `gslot`.
pub(crate) fn close_gen(vm: &mut Vm, gslot: usize) -> PyResult<()> {
    let g = vm.at(gslot);
    let st = vm.gen_state(g);
    if st.running {
        return Err(vm.value_error("generator already executing"));
    }
    if !st.started || st.finished {
        vm.gen_finished(g);
        return Ok(());
    }
    let t = vm.builtin_type("GeneratorExit");
    let e = vm.call(t, &[])?;
    vm.push(e);
    let r = throw_into(vm, gslot, vm.sp() - 1);
    vm.pop();
    match r {
        Ok(GenResult::Yield(_)) => {
            let word = crate::vm::gen::gen_word(vm.kind(vm.at(gslot)));
            Err(vm.raise("RuntimeError", &format!("{word} ignored GeneratorExit")))
        }
        Ok(GenResult::Return(_)) => Ok(()),
        Err(x) => {
            let exc = vm.roots.exc;
            if vm.exc_matches(exc, "GeneratorExit") || vm.exc_matches(exc, "StopIteration") {
                vm.take_exc();
                Ok(())
            } else {
                Err(x)
            }
        }
    }
}

fn gen_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(
        vm,
        &a,
        "generator",
        "close",
        &[Kind::Generator],
        Arity::NoArgs,
    )?;
    close_gen(vm, a.base)?;
    Ok(vm.none())
}
