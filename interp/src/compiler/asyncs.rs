//! Coroutine syntax: `await`, `async for`, `async with` (`async def` is an ordinary def whose symbol
//! table scope is marked async: compiler/func.rs).
//!
//! Exact sequences (the VM relies on them):
//! - await: `<v>; GetAwaitable; LoadConst None; YieldFrom`.
//! - async for: `<iterable>; GetAIter; start: SetupExcept H; GetANext; <delegate>; PopBlock; <store>;
//!   body; Jump start; H: (aiter exc) EndAsyncFor; else-body; end:` (break pops the aiter like `for`).
//! - async with: `<mgr>; BeforeAsyncWith; <delegate>; SetupAsyncWith H; (StoreX v | Pop); body; PopBlock;
//!   LoadConst None x3; Call 3; <await>; Pop; Jump end; H: (exit exc) AsyncWithExceptStart;
//!   <delegate>; PopJumpIfTrue S; Reraise; S: PopExcept; Pop; Pop; end:`.
//!   `<delegate>` is `LoadConst None; YieldFrom`: the instruction before it already left the
//!   awaitable's iterator (with the error message of its context).
//!
//! A `yield` inside an `async def` makes an async generator: the VM marks the values its YieldValue
//! produces as "wrapped" so that `__anext__` can tell them from what an `await` passes through.

use super::flow::FBlock;
use super::{CResult, Compiler};
use crate::bytecode::{Const, Op};
use rustpython_parser::ast::{self, Ranged};

impl<'a> Compiler<'a> {
    /// Awaits the value on top of the stack, leaving the result.
    pub(crate) fn emit_await(&mut self) {
        self.emit(Op::GetAwaitable, 0);
        self.load_const(Const::None);
        self.emit(Op::YieldFrom, 0);
    }

    /// Runs the await iterator on top of the stack (GetANext, BeforeAsyncWith and
    /// AsyncWithExceptStart leave one), leaving its result.
    pub(crate) fn emit_delegate(&mut self) {
        self.load_const(Const::None);
        self.emit(Op::YieldFrom, 0);
    }

    pub(crate) fn compile_async_for(&mut self, f: &'a ast::StmtAsyncFor) -> CResult<()> {
        let start = self.unit.b.new_label();
        let handler = self.unit.b.new_label();
        let end = self.unit.b.new_label();
        self.compile_expr(&f.iter)?;
        self.emit(Op::GetAIter, 0);
        self.unit.b.bind(start);
        self.set_line(f.start());
        self.unit.b.emit_jump(Op::SetupExcept, handler);
        self.emit(Op::GetANext, 0);
        self.emit_delegate();
        self.emit(Op::PopBlock, 0);
        self.compile_store(&f.target)?;
        self.unit.fblocks.push(FBlock::ForLoop { start, end });
        self.compile_body(&f.body)?;
        self.unit.fblocks.pop();
        self.set_line(f.start());
        self.unit.b.emit_jump(Op::Jump, start);
        self.unit.b.bind(handler);
        self.emit(Op::EndAsyncFor, 0);
        self.compile_body(&f.orelse)?;
        self.unit.b.bind(end);
        Ok(())
    }

    /// `aexit` is on top of the stack: awaits aexit(None, None, None) and drops the result.
    pub(crate) fn call_aexit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(Op::Call, 3);
        self.emit_await();
        self.emit(Op::Pop, 0);
    }
}
