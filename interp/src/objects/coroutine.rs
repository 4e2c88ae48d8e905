//! `coroutine` (what calling an `async def` returns) and `async_generator` (an `async def` that
//! yields): both are generator frames (`GeneratorObj`, resumed by vm/gen.rs) under another kind, so
//! `await` delegates to a coroutine exactly as `yield from` does to a generator.
//!
//! coroutine: send/throw/close as a generator's, `__await__` returns a `coroutine_wrapper` (the
//! iterator protocol over the coroutine, written in Python: lib/_coro.py), cr_* attributes.
//! async_generator: `__aiter__`, and `__anext__`/`asend`/`athrow`/`aclose` return the awaitables of
//! lib/_coro.py, which drive the frame through the private `_step` method below: `_step(throw, v)`
//! resumes it (sending v, or throwing v) and answers `(wrapped, value)`, `wrapped` being true when the
//! frame stopped at its own `yield` rather than at an `await` inside it (GenState::wrapped).
//!
//! GC: resuming runs Python; arguments are re-read from the value stack by slot.

use super::args::{check_method, Arity};
use super::generator::{close_gen, gen_delegate, gen_outcome, throw_exception, throw_into};
use super::TypeSlots;
use crate::obj::layout::*;
use crate::vm::gen::GenResult;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub static COROUTINE: TypeSlots = TypeSlots {
    name: "coroutine",
    repr: Some(repr),
    getattr: Some(getattr),
    install: Some(install),
    ..TypeSlots::EMPTY
};

pub static ASYNC_GENERATOR: TypeSlots = TypeSlots {
    name: "async_generator",
    repr: Some(repr),
    getattr: Some(getattr),
    install: Some(install_agen),
    ..TypeSlots::EMPTY
};

const CORO: &[Kind] = &[Kind::Coroutine];
const AGEN: &[Kind] = &[Kind::AsyncGenerator];

fn install(vm: &mut Vm) {
    vm.add_method("coroutine", "send", coro_send);
    vm.add_method("coroutine", "throw", coro_throw);
    vm.add_method("coroutine", "close", coro_close);
    vm.add_method("coroutine", "__await__", coro_await);
}

fn install_agen(vm: &mut Vm) {
    vm.add_method("async_generator", "__aiter__", agen_aiter);
    vm.add_method("async_generator", "__anext__", agen_anext);
    vm.add_method("async_generator", "asend", agen_asend);
    vm.add_method("async_generator", "athrow", agen_athrow);
    vm.add_method("async_generator", "aclose", agen_aclose);
    vm.add_method("async_generator", "_step", agen_step);
}

fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let g = vm.obj::<GeneratorObj>(v);
    let q = vm.code_data(g.code).qualname.clone();
    let id = vm.heap.id_of(v);
    let tn = if vm.is(v, Kind::Coroutine) {
        "coroutine"
    } else {
        "async_generator"
    };
    Ok(format!("<{tn} object {q} at {:#x}>", id))
}

/// cr_running/cr_await/cr_code/cr_frame (ag_* for async generators).
fn getattr(vm: &mut Vm, v: Value, name: Value) -> PyResult<Option<Value>> {
    let n = vm.str_of(name).to_string();
    let prefix = if vm.is(v, Kind::Coroutine) {
        "cr_"
    } else {
        "ag_"
    };
    let Some(field) = n.strip_prefix(prefix) else {
        return Ok(None);
    };
    match field {
        "running" => {
            let r = vm.gen_state_ref(v).running;
            Ok(Some(vm.bool_val(r)))
        }
        "await" => Ok(Some(gen_delegate(vm, v).unwrap_or(vm.none()))),
        "code" => Ok(Some(vm.obj::<GeneratorObj>(v).code)),
        "frame" => {
            let st = vm.gen_state_ref(v);
            let _ = st;
            Ok(Some(vm.none()))
        }
        _ => Ok(None),
    }
}

fn coro_send(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "coroutine", "send", CORO, Arity::One)?;
    let (g, v) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let r = vm.gen_resume(g, v, false)?;
    gen_outcome(vm, r)
}

fn coro_throw(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check_method(vm, &a, "coroutine", "throw", CORO, Arity::Range(1, 3))?;
    let e = throw_exception(vm, &a, nargs)?;
    vm.push(e);
    let r = throw_into(vm, a.base, vm.sp() - 1)?;
    gen_outcome(vm, r)
}

fn coro_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "coroutine", "close", CORO, Arity::NoArgs)?;
    close_gen(vm, a.base)?;
    Ok(vm.none())
}

/// Calls `_coro.<fname>(*args)` (lib/_coro.py).
fn call_helper(vm: &mut Vm, fname: &str, args: &[Value]) -> PyResult<Value> {
    let base = vm.sp();
    for &v in args {
        vm.push(v);
    }
    let r = (|| {
        let m = vm.import_module("_coro", true)?;
        let f = vm.getattr_str(m, fname)?;
        let args: Vec<Value> = vm.roots.stack[base..base + args.len()].to_vec();
        vm.call(f, &args)
    })();
    vm.truncate(base);
    r
}

fn coro_await(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "coroutine", "__await__", CORO, Arity::NoArgs)?;
    call_helper(vm, "coroutine_wrapper", &[vm.arg(&a, 0)])
}

fn agen_aiter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "async_generator", "__aiter__", AGEN, Arity::NoArgs)?;
    Ok(vm.arg(&a, 0))
}

fn agen_anext(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "async_generator", "__anext__", AGEN, Arity::NoArgs)?;
    let none = vm.none();
    call_helper(vm, "async_generator_asend", &[vm.arg(&a, 0), none])
}

fn agen_asend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "async_generator", "asend", AGEN, Arity::One)?;
    call_helper(vm, "async_generator_asend", &[vm.arg(&a, 0), vm.arg(&a, 1)])
}

fn agen_athrow(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check_method(
        vm,
        &a,
        "async_generator",
        "athrow",
        AGEN,
        Arity::Range(1, 3),
    )?;
    let e = throw_exception(vm, &a, nargs)?;
    vm.push(e);
    call_helper(vm, "async_generator_athrow", &[vm.arg(&a, 0), vm.top()])
}

fn agen_aclose(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "async_generator", "aclose", AGEN, Arity::NoArgs)?;
    let none = vm.none();
    call_helper(vm, "async_generator_athrow", &[vm.arg(&a, 0), none])
}

/// `_step(throw, value)`: one resumption of the frame; `(wrapped, value)` when it suspends,
/// StopIteration when it returns, its exception when it raises.
fn agen_step(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "async_generator", "_step", AGEN, Arity::Range(2, 2))?;
    let throw = vm.arg(&a, 1);
    let throw = vm.truthy(throw)?;
    let r = if throw {
        throw_into(vm, a.base, a.base + 2)?
    } else {
        let (g, v) = (vm.arg(&a, 0), vm.arg(&a, 2));
        vm.gen_resume(g, v, false)?
    };
    match r {
        GenResult::Yield(v) => {
            let wrapped = vm.gen_state_ref(vm.arg(&a, 0)).wrapped;
            let w = vm.bool_val(wrapped);
            vm.new_tuple(&[w, v])
        }
        GenResult::Return(v) => gen_outcome(vm, GenResult::Return(v)),
    }
}
