//! The coroutine protocol steps the eval loop runs for `await`, `async for` and `async with`
//! (compiler/asyncs.rs lists the instruction sequences): finding the iterator an awaitable delegates
//! to (a coroutine itself, or what `__await__` returns), `__aiter__`/`__anext__`, and the
//! `__aenter__`/`__aexit__` lookups. The delegation itself is the generators' `YieldFrom`.
//!
//! GC: every step calls Python; operands are kept on the value stack and re-read by slot.

use super::{PyResult, Vm};
use crate::obj::layout::*;

/// The context in which an awaitable was found, for CPython's error messages.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum AwaitCtx {
    Await,
    AsyncForNext,
    AsyncWithEnter,
    AsyncWithExit,
}

impl Vm {
    /// Replaces the value at stack slot `slot` by the iterator `await value` delegates to.
    pub fn make_awaitable(&mut self, slot: usize, ctx: AwaitCtx) -> PyResult<()> {
        let v = self.at(slot);
        if self.is(v, Kind::Coroutine) {
            return Ok(());
        }
        let Some(m) = self.special(v, "__await__") else {
            let tn = self.type_name(v);
            let msg = match ctx {
                AwaitCtx::Await => format!("object {tn} can't be used in 'await' expression"),
                AwaitCtx::AsyncForNext => {
                    format!("'async for' received an invalid object from __anext__: {tn}")
                }
                AwaitCtx::AsyncWithEnter => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {tn}"
                ),
                AwaitCtx::AsyncWithExit => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {tn}"
                ),
            };
            return Err(self.type_error(msg));
        };
        let r = self.call(m, &[self.at(slot)])?;
        if self.is(r, Kind::Coroutine) {
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        if !self.is(r, Kind::Generator) && self.special(r, "__next__").is_none() {
            let tn = self.type_name(r);
            return Err(
                self.type_error(format!("__await__() returned non-iterator of type '{tn}'"))
            );
        }
        self.roots.stack[slot] = r;
        Ok(())
    }

    /// `async for`: replaces the iterable at the top of the stack by its `__aiter__()`.
    pub fn get_aiter(&mut self) -> PyResult<()> {
        let slot = self.sp() - 1;
        let v = self.at(slot);
        let Some(m) = self.special(v, "__aiter__") else {
            let tn = self.type_name(v);
            return Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {tn}"
            )));
        };
        let r = self.call(m, &[self.at(slot)])?;
        if self.special(r, "__anext__").is_none() {
            let tn = self.type_name(r);
            return Err(self.type_error(format!(
                "'async for' received an object from __aiter__ that does not implement __anext__: {tn}"
            )));
        }
        self.roots.stack[slot] = r;
        Ok(())
    }

    /// `async for`: pushes the awaitable iterator of `aiter.__anext__()` (aiter stays below it).
    pub fn get_anext(&mut self) -> PyResult<()> {
        let v = self.top();
        let Some(m) = self.special(v, "__anext__") else {
            let tn = self.type_name(v);
            return Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {tn}"
            )));
        };
        let r = self.call(m, &[self.top()])?;
        self.push(r);
        self.make_awaitable(self.sp() - 1, AwaitCtx::AsyncForNext)
    }

    /// `async with`: (mgr -- exit awaitable): the bound `__aexit__` and the awaitable iterator of
    /// `__aenter__()`.
    pub fn before_async_with(&mut self) -> PyResult<()> {
        let slot = self.sp() - 1;
        let mgr = self.at(slot);
        let Some(enter) = self.special(mgr, "__aenter__") else {
            let tn = self.type_name(mgr);
            return Err(self.type_error(format!(
                "'{tn}' object does not support the asynchronous context manager protocol"
            )));
        };
        self.push(enter);
        let Some(exit) = self.special(mgr, "__aexit__") else {
            let tn = self.type_name(mgr);
            return Err(self.type_error(format!("'{tn}' object does not support the asynchronous context manager protocol (missed __aexit__ method)")));
        };
        let bound_exit = self.new_bound_method(exit, self.at(slot))?;
        let (mgr, enter) = (self.at(slot), self.at(slot + 1));
        self.roots.stack[slot] = bound_exit;
        self.truncate(slot + 1);
        self.push(mgr);
        let r = self.call(enter, &[mgr])?;
        self.roots.stack[slot + 1] = r;
        self.make_awaitable(slot + 1, AwaitCtx::AsyncWithEnter)
    }
}
