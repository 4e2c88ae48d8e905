//! Variable annotations (`x: int = 1`) in module and class bodies: the body starts with
//! `SetupAnnotations` (which makes `__annotations__` in the namespace if it is missing) when it has
//! any annotated assignment outside nested defs/classes, and each annotated simple name stores
//! `__annotations__[name] = <annotation>` (evaluated) after the assignment:
//! `<annotation>; LoadName __annotations__; LoadConst name; StoreSubscr`. In functions annotations
//! are neither evaluated nor stored, as in CPython.

use super::symtable::ScopeKind;
use super::{CResult, Compiler};
use crate::bytecode::{Const, Op};
use rustpython_parser::ast;

/// True if `body` has an annotated assignment at this level (not inside defs or classes).
pub(crate) fn has_annotations(body: &[ast::Stmt]) -> bool {
    use ast::Stmt as S;
    body.iter().any(|s| match s {
        S::AnnAssign(_) => true,
        S::If(i) => has_annotations(&i.body) || has_annotations(&i.orelse),
        S::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        S::AsyncFor(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        S::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        S::With(w) => has_annotations(&w.body),
        S::AsyncWith(w) => has_annotations(&w.body),
        S::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    has_annotations(&h.body)
                })
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// Emits SetupAnnotations if a module or class body needs `__annotations__`.
    pub(crate) fn setup_annotations(&mut self, body: &'a [ast::Stmt]) {
        if has_annotations(body) {
            self.emit(Op::SetupAnnotations, 0);
        }
    }

    /// `__annotations__[name] = <annotation>` for an annotated simple name in a module or class.
    pub(crate) fn compile_annotation_store(&mut self, a: &'a ast::StmtAnnAssign) -> CResult<()> {
        let kind = self.st.scopes[self.unit.scope].kind;
        if !matches!(kind, ScopeKind::Module | ScopeKind::Class) {
            return Ok(());
        }
        let ast::Expr::Name(n) = &*a.target else {
            return Ok(());
        };
        if !a.simple {
            return Ok(());
        }
        self.compile_expr(&a.annotation)?;
        let ann = self.unit.b.name("__annotations__");
        self.emit(Op::LoadName, ann);
        let name = self.mangle(&n.id);
        self.load_const(Const::Str(name));
        self.emit(Op::StoreSubscr, 0);
        Ok(())
    }
}
