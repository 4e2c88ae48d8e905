//! Control-flow blocks: try/except/else/finally, `with`, and the unwinding emitted by break, continue
//! and return when they leave loops, handlers, finally bodies and with blocks (CPython 3.9 style).
//!
//! Exact sequences (the VM relies on them):
//! - try/except: `SetupExcept H; body; PopBlock; else-body; Jump end; H: (exc)` then per clause
//!   `<type>; CheckExcMatch; PopJumpIfFalse next; (StoreX e | Pop); body; PopExcept; [e = None; del e];
//!   Jump end; next:` and after the last clause `Reraise`. A named clause wraps its body in
//!   `SetupFinally C; body; PopBlock; PopExcept; e=None; del e; Jump end; C: (exc2) e=None; del e; Reraise`.
//! - try/finally: `SetupFinally H; body; PopBlock; finally-body; Jump end; H: (exc) finally-body; Reraise`.
//! - with: `<mgr>; BeforeWith H; (StoreX v | Pop); body; PopBlock; LoadConst None x3; Call 3; Pop;
//!   Jump end; H: (exit exc) WithExceptStart; PopJumpIfTrue S; Reraise; S: PopExcept; Pop; Pop; end:`.

use super::emit::Label;
use super::symtable::ScopeKind;
use super::{CResult, Compiler, Ctx};
use crate::bytecode::{Const, Op};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextSize;

/// The parts of a `try` statement (`star`: its handlers are except* clauses).
#[derive(Copy, Clone)]
pub(crate) struct TryParts<'a> {
    pub body: &'a [ast::Stmt],
    pub handlers: &'a [ast::ExceptHandler],
    pub orelse: &'a [ast::Stmt],
    pub finalbody: &'a [ast::Stmt],
    pub star: bool,
}

/// A block of the current code unit that break/continue/return may have to leave.
#[derive(Clone)]
pub(crate) enum FBlock<'a> {
    /// `continue` jumps to `start`, `break` to `end`.
    WhileLoop { start: Label, end: Label },
    /// Like `WhileLoop`; the iterator is on the stack.
    ForLoop { start: Label, end: Label },
    /// Inside a try body protected by SetupExcept.
    TryExcept,
    /// Inside a try body protected by SetupFinally: leaving runs the finally body inline.
    FinallyTry { body: &'a [ast::Stmt] },
    /// Inside the exception path of a finally body: the exception is on the stack, its handler active.
    FinallyEnd,
    /// Inside a with body: the exit function is on the stack.
    With,
    /// Inside an `async with` body: the __aexit__ method is on the stack.
    AsyncWith,
    /// Inside an except clause body (handler active); `name` is bound by `as` (and has a cleanup block).
    HandlerCleanup { name: Option<&'a str> },
    /// Inside an except* clause body: break, continue and return may not leave it.
    ExceptStar,
    /// Inside a finally body inlined by `return`: the return value is on the stack, so a break,
    /// continue or return in that body must drop it (CPython's POP_VALUE).
    PopValue,
}

impl<'a> Compiler<'a> {
    /// Emits the code that leaves one block. `preserve_tos` keeps a return value on top of the stack.
    fn unwind_block(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> CResult<()> {
        match fb {
            FBlock::WhileLoop { .. } | FBlock::ExceptStar => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Op::Rot2, 0);
                }
                self.emit(Op::Pop, 0);
            }
            FBlock::TryExcept => self.emit(Op::PopBlock, 0),
            FBlock::FinallyTry { body } => {
                self.emit(Op::PopBlock, 0);
                if preserve_tos {
                    self.unit.fblocks.push(FBlock::PopValue);
                }
                let r = self.compile_body(body);
                if preserve_tos {
                    self.unit.fblocks.pop();
                }
                r?;
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Op::Rot2, 0);
                }
                self.emit(Op::Pop, 0);
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Rot2, 0);
                }
                self.emit(Op::Pop, 0);
                self.emit(Op::PopExcept, 0);
            }
            FBlock::With => {
                self.emit(Op::PopBlock, 0);
                if preserve_tos {
                    self.emit(Op::Rot2, 0);
                }
                self.call_exit_with_nones();
            }
            FBlock::AsyncWith => {
                self.emit(Op::PopBlock, 0);
                if preserve_tos {
                    self.emit(Op::Rot2, 0);
                }
                self.call_aexit_with_nones();
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit(Op::PopBlock, 0);
                }
                self.emit(Op::PopExcept, 0);
                if let Some(n) = name {
                    self.clear_name(n);
                }
            }
        }
        Ok(())
    }

    /// Unwinds blocks from the innermost outwards. With `to_loop`, stops at (and returns) the innermost
    /// loop without unwinding it; otherwise unwinds everything (for `return`).
    fn unwind_stack(&mut self, preserve_tos: bool, to_loop: bool) -> CResult<Option<FBlock<'a>>> {
        let mut saved = Vec::new();
        let mut found = None;
        let mut result = Ok(());
        while let Some(top) = self.unit.fblocks.last().cloned() {
            if to_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
                found = Some(top);
                break;
            }
            self.unit.fblocks.pop();
            saved.push(top.clone());
            // The block is popped while its unwinding code (e.g. an inline finally body) is compiled.
            result = self.unwind_block(&top, preserve_tos);
            if result.is_err() {
                break;
            }
        }
        while let Some(b) = saved.pop() {
            self.unit.fblocks.push(b);
        }
        result.map(|_| found)
    }

    pub(crate) fn compile_break_continue(&mut self, is_break: bool, at: TextSize) -> CResult<()> {
        let what = if is_break {
            "'break' outside loop"
        } else {
            "'continue' not properly in loop"
        };
        let has_loop = self
            .unit
            .fblocks
            .iter()
            .any(|b| matches!(b, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }));
        if !has_loop {
            return Err(self.error(at, what));
        }
        self.check_no_except_star(at, true)?;
        let lp = self.unwind_stack(false, true)?;
        let (start, end, is_for) = match lp {
            Some(FBlock::WhileLoop { start, end }) => (start, end, false),
            Some(FBlock::ForLoop { start, end }) => (start, end, true),
            _ => return Err(self.error(at, what)),
        };
        if is_break {
            if is_for {
                self.emit(Op::Pop, 0);
            }
            self.unit.b.emit_jump(Op::Jump, end);
        } else {
            self.unit.b.emit_jump(Op::Jump, start);
        }
        Ok(())
    }

    pub(crate) fn compile_return(&mut self, r: &'a ast::StmtReturn) -> CResult<()> {
        let kind = self.st.scopes[self.unit.scope].kind;
        if matches!(kind, ScopeKind::Module | ScopeKind::Class) {
            return Err(self.error(r.start(), "'return' outside function"));
        }
        let sc = &self.st.scopes[self.unit.scope];
        if sc.is_async && sc.is_generator && r.value.is_some() {
            return Err(self.error(r.start(), "'return' with value in async generator"));
        }
        self.check_no_except_star(r.start(), false)?;
        match &r.value {
            Some(v) => self.compile_expr(v)?,
            None => self.load_const(Const::None),
        }
        if !self.unit.fblocks.is_empty() {
            self.unwind_stack(true, false)?;
            self.set_line(r.start());
        }
        self.emit(Op::ReturnValue, 0);
        Ok(())
    }

    /// break/continue (`to_loop`: up to the innermost loop) and return may not leave an except*
    /// clause body.
    fn check_no_except_star(&self, at: TextSize, to_loop: bool) -> CResult<()> {
        for b in self.unit.fblocks.iter().rev() {
            match b {
                FBlock::WhileLoop { .. } | FBlock::ForLoop { .. } if to_loop => break,
                FBlock::ExceptStar => {
                    return Err(self.error(
                        at,
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                    ))
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// `exit` is on top of the stack: calls exit(None, None, None) and drops the result.
    fn call_exit_with_nones(&mut self) {
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.load_const(Const::None);
        self.emit(Op::Call, 3);
        self.emit(Op::Pop, 0);
    }

    /// `name = None; del name` (the end of an `except ... as name:` clause).
    pub(crate) fn clear_name(&mut self, name: &str) {
        self.load_const(Const::None);
        self.name_op(name, Ctx::Store);
        self.name_op(name, Ctx::Del);
    }

    /// `with` and `async with` (one item per nesting level): the same block, where the async form
    /// awaits `__aenter__`/`__aexit__` (compiler/asyncs.rs has its await steps).
    pub(crate) fn compile_with(
        &mut self,
        items: &'a [ast::WithItem],
        body: &'a [ast::Stmt],
        i: usize,
        is_async: bool,
    ) -> CResult<()> {
        let item = &items[i];
        let handler = self.unit.b.new_label();
        let suppressed = self.unit.b.new_label();
        let end = self.unit.b.new_label();
        self.compile_expr(&item.context_expr)?;
        let line = self.unit.b.line;
        if is_async {
            self.emit(Op::BeforeAsyncWith, 0);
            self.emit_delegate();
            self.unit.b.emit_jump(Op::SetupAsyncWith, handler);
            self.unit.fblocks.push(FBlock::AsyncWith);
        } else {
            self.unit.b.emit_jump(Op::BeforeWith, handler);
            self.unit.fblocks.push(FBlock::With);
        }
        match &item.optional_vars {
            Some(v) => self.compile_store(v)?,
            None => self.emit(Op::Pop, 0),
        }
        if i + 1 < items.len() {
            self.compile_with(items, body, i + 1, is_async)?;
        } else {
            self.compile_body(body)?;
        }
        self.unit.fblocks.pop();
        self.unit.b.line = line;
        self.emit(Op::PopBlock, 0);
        if is_async {
            self.call_aexit_with_nones();
        } else {
            self.call_exit_with_nones();
        }
        self.unit.b.emit_jump(Op::Jump, end);
        self.unit.b.bind(handler);
        if is_async {
            self.emit(Op::AsyncWithExceptStart, 0);
            self.emit_delegate();
        } else {
            self.emit(Op::WithExceptStart, 0);
        }
        self.unit.b.emit_jump(Op::PopJumpIfTrue, suppressed);
        self.emit(Op::Reraise, 0);
        self.unit.b.bind(suppressed);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Pop, 0);
        self.emit(Op::Pop, 0);
        self.unit.b.bind(end);
        Ok(())
    }

    /// try/finally around a try body or a try/except (or try/except*, `star`) statement.
    pub(crate) fn compile_try_finally(&mut self, t: TryParts<'a>) -> CResult<()> {
        let handler = self.unit.b.new_label();
        let end = self.unit.b.new_label();
        let line = self.unit.b.line;
        self.unit.b.emit_jump(Op::SetupFinally, handler);
        self.unit
            .fblocks
            .push(FBlock::FinallyTry { body: t.finalbody });
        if t.handlers.is_empty() {
            self.compile_body(t.body)?;
        } else if t.star {
            self.compile_try_star(t)?;
        } else {
            self.compile_try_except(t)?;
        }
        self.unit.fblocks.pop();
        self.unit.b.line = line;
        self.emit(Op::PopBlock, 0);
        self.compile_body(t.finalbody)?;
        self.unit.b.emit_jump(Op::Jump, end);
        self.unit.b.bind(handler);
        self.unit.fblocks.push(FBlock::FinallyEnd);
        self.compile_body(t.finalbody)?;
        self.unit.fblocks.pop();
        self.emit(Op::Reraise, 0);
        self.unit.b.bind(end);
        Ok(())
    }

    /// What try/except and try/except* share: the body under SetupExcept, then the else part
    /// and a jump to the returned end label; the handler label is bound after it (the raised
    /// exception on the stack), where the caller compiles its handlers.
    pub(crate) fn compile_try_body(&mut self, t: TryParts<'a>) -> CResult<Label> {
        let handler = self.unit.b.new_label();
        let end = self.unit.b.new_label();
        let line = self.unit.b.line;
        self.unit.b.emit_jump(Op::SetupExcept, handler);
        self.unit.fblocks.push(FBlock::TryExcept);
        self.compile_body(t.body)?;
        self.unit.fblocks.pop();
        self.unit.b.line = line;
        self.emit(Op::PopBlock, 0);
        self.compile_body(t.orelse)?;
        self.unit.b.emit_jump(Op::Jump, end);
        self.unit.b.bind(handler);
        Ok(end)
    }

    pub(crate) fn compile_try_except(&mut self, t: TryParts<'a>) -> CResult<()> {
        let end = self.compile_try_body(t)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.start());
            let next = self.unit.b.new_label();
            match &h.type_ {
                Some(ty) => {
                    self.compile_expr(ty)?;
                    self.emit(Op::CheckExcMatch, 0);
                    self.unit.b.emit_jump(Op::PopJumpIfFalse, next);
                }
                None if i + 1 < n => {
                    return Err(self.error(h.start(), "default 'except:' must be last"))
                }
                None => {}
            }
            match &h.name {
                Some(name) => {
                    let name: &'a str = name.as_str();
                    self.name_op(name, Ctx::Store);
                    let cleanup = self.unit.b.new_label();
                    self.unit.b.emit_jump(Op::SetupFinally, cleanup);
                    self.unit
                        .fblocks
                        .push(FBlock::HandlerCleanup { name: Some(name) });
                    self.compile_body(&h.body)?;
                    self.unit.fblocks.pop();
                    self.emit(Op::PopBlock, 0);
                    self.emit(Op::PopExcept, 0);
                    self.clear_name(name);
                    self.unit.b.emit_jump(Op::Jump, end);
                    self.unit.b.bind(cleanup);
                    self.clear_name(name);
                    self.emit(Op::Reraise, 0);
                }
                None => {
                    self.emit(Op::Pop, 0);
                    self.unit
                        .fblocks
                        .push(FBlock::HandlerCleanup { name: None });
                    self.compile_body(&h.body)?;
                    self.unit.fblocks.pop();
                    self.emit(Op::PopExcept, 0);
                    self.unit.b.emit_jump(Op::Jump, end);
                }
            }
            self.unit.b.bind(next);
        }
        if t.handlers.last().is_some_and(|h| {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            h.type_.is_some()
        }) {
            self.emit(Op::Reraise, 0);
        }
        self.unit.b.bind(end);
        Ok(())
    }
}
