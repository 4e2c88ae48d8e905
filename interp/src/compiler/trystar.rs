//! `try` statements: the dispatch between try/except, try/finally and try/except* (PEP 654), and
//! the except* sequence, as CPython 3.11 compiles it (flow.rs has the others).
//!
//! ```text
//!     SetupExcept H; body; PopBlock; else-body; Jump end
//! H:  (orig)  BuildList 0; Copy 2                       -> orig raised rest
//!     per clause: <type>; CheckEgMatch                  -> orig raised rest match
//!         Copy 1; LoadConst None; IsOp 1; PopJumpIfTrue M; Pop; Jump next
//!     M:  (StoreX e | Pop); SetupFinally C; body; PopBlock; [e = None; del e]; Jump next
//!     C:  (exc) [e = None; del e]; ListAppend 2; PopExcept; Jump next     # collects what it raised
//!     next:
//!     ListAppend 1; PrepReraiseStar                     -> exc or None
//!     Copy 1; LoadConst None; IsOp 1; PopJumpIfTrue R; Pop; PopExcept; Jump end
//! R:  Reraise
//! end:
//! ```
//!
//! CheckEgMatch splits the rest by the clause's type (vm/excgroup.rs, lib/_excgroup.py) and makes
//! the match the handled exception; PrepReraiseStar combines what the clauses raised with the
//! unhandled rest. break/continue/return may not leave a clause body (FBlock::ExceptStar).

use super::flow::{FBlock, TryParts};
use super::{CResult, Compiler, Ctx};
use crate::bytecode::{Const, Op};
use rustpython_parser::ast::{self, Ranged};

impl<'a> Compiler<'a> {
    pub(crate) fn compile_try(&mut self, t: TryParts<'a>) -> CResult<()> {
        if !t.finalbody.is_empty() {
            self.compile_try_finally(t)
        } else if t.star {
            self.compile_try_star(t)
        } else {
            self.compile_try_except(t)
        }
    }

    /// Jumps to `target` if TOS is not None, leaving TOS in place.
    fn jump_if_not_none(&mut self, target: super::emit::Label) {
        self.emit(Op::Copy, 1);
        self.load_const(Const::None);
        self.emit(Op::IsOp, 1);
        self.unit.b.emit_jump(Op::PopJumpIfTrue, target);
    }

    pub(crate) fn compile_try_star(&mut self, t: TryParts<'a>) -> CResult<()> {
        let end = self.compile_try_body(t)?;
        self.emit(Op::BuildList, 0);
        self.emit(Op::Copy, 2);
        for h in t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_line(h.start());
            let next = self.unit.b.new_label();
            let matched = self.unit.b.new_label();
            let Some(ty) = &h.type_ else {
                return Err(self.error(h.start(), "expected one or more exception types"));
            };
            self.compile_expr(ty)?;
            self.emit(Op::CheckEgMatch, 0);
            self.jump_if_not_none(matched);
            self.emit(Op::Pop, 0);
            self.unit.b.emit_jump(Op::Jump, next);
            self.unit.b.bind(matched);
            let name: Option<&'a str> = h.name.as_ref().map(|n| n.as_str());
            match name {
                Some(n) => self.name_op(n, Ctx::Store),
                None => self.emit(Op::Pop, 0),
            }
            let cleanup = self.unit.b.new_label();
            self.unit.b.emit_jump(Op::SetupFinally, cleanup);
            self.unit.fblocks.push(FBlock::ExceptStar);
            self.compile_body(&h.body)?;
            self.unit.fblocks.pop();
            self.emit(Op::PopBlock, 0);
            if let Some(n) = name {
                self.clear_name(n);
            }
            self.unit.b.emit_jump(Op::Jump, next);
            // The clause raised: collect the exception and go on with the next clause.
            self.unit.b.bind(cleanup);
            if let Some(n) = name {
                self.clear_name(n);
            }
            self.emit(Op::ListAppend, 2);
            self.emit(Op::PopExcept, 0);
            self.unit.b.emit_jump(Op::Jump, next);
            self.unit.b.bind(next);
        }
        // The unhandled rest (or None) joins what the clauses raised.
        self.emit(Op::ListAppend, 1);
        self.emit(Op::PrepReraiseStar, 0);
        let reraise = self.unit.b.new_label();
        self.jump_if_not_none(reraise);
        self.emit(Op::Pop, 0);
        self.emit(Op::PopExcept, 0);
        self.unit.b.emit_jump(Op::Jump, end);
        self.unit.b.bind(reraise);
        self.emit(Op::Reraise, 0);
        self.unit.b.bind(end);
        Ok(())
    }
}
