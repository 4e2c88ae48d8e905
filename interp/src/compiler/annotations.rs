//! Variable annotations in module and class bodies: CPython makes `__annotations__ = {}` at the top of
//! a body holding a simple annotated name (`x: int`, anywhere in its compound statements but not in
//! nested defs or classes) and stores `__annotations__['x'] = <annotation>` after the assignment.
//! In function bodies annotations are never evaluated. `from __future__ import annotations` (string
//! annotations) is not modelled.

use super::{CResult, Compiler};
use crate::bytecode::{Const, Op};
use rustpython_parser::ast;

/// Does this body (through its compound statements) hold a simple annotated name?
pub(crate) fn has_simple_annotations(body: &[ast::Stmt]) -> bool {
    use ast::Stmt as S;
    body.iter().any(|s| match s {
        S::AnnAssign(a) => a.simple && matches!(*a.target, ast::Expr::Name(_)),
        S::If(i) => has_simple_annotations(&i.body) || has_simple_annotations(&i.orelse),
        S::For(f) => has_simple_annotations(&f.body) || has_simple_annotations(&f.orelse),
        S::AsyncFor(f) => has_simple_annotations(&f.body) || has_simple_annotations(&f.orelse),
        S::While(w) => has_simple_annotations(&w.body) || has_simple_annotations(&w.orelse),
        S::With(w) => has_simple_annotations(&w.body),
        S::AsyncWith(w) => has_simple_annotations(&w.body),
        S::Try(t) => {
            has_simple_annotations(&t.body)
                || has_simple_annotations(&t.orelse)
                || has_simple_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_simple_annotations(&h.body)
                })
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// `__annotations__ = {}` at the top of a module or class body that needs it.
    pub(crate) fn setup_annotations(&mut self, body: &'a [ast::Stmt]) {
        if has_simple_annotations(body) {
            self.emit(Op::BuildMap, 0);
            let n = self.unit.b.name("__annotations__");
            self.emit(Op::StoreName, n);
        }
    }

    /// After `x: T [= v]` in a module or class body: `__annotations__['x'] = T`.
    pub(crate) fn store_annotation(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        if self.is_function_like() || !a.simple {
            return Ok(());
        }
        let ast::Expr::Name(n) = &*a.target else {
            return Ok(());
        };
        self.compile_expr(&a.annotation)?;
        let d = self.unit.b.name("__annotations__");
        self.emit(Op::LoadName, d);
        let name = self.mangle(n.id.as_str());
        self.load_const(Const::Str(name));
        self.emit(Op::StoreSubscr, 0);
        Ok(())
    }
}
