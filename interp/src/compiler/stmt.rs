//! Statements: assignment (all target kinds), augmented/annotated assignment, del, if/while/for,
//! imports, assert, raise, expression statements; dispatches defs/classes to `func` and
//! try/with/break/continue/return to `flow`.

use super::flow::FBlock;
use super::{CResult, Compiler, Ctx};
use crate::bytecode::{Const, Op};
use rustpython_parser::ast::{self, Ranged};

impl<'a> Compiler<'a> {
    pub(crate) fn compile_stmt(&mut self, s: &'a ast::Stmt) -> CResult<()> {
        use ast::Stmt as S;
        self.set_line(s.start());
        match s {
            S::FunctionDef(f) => self.compile_function_def(f)?,
            S::AsyncFunctionDef(f) => self.compile_async_function_def(f)?,
            S::AsyncFor(f) => self.compile_async_for(f)?,
            S::AsyncWith(w) => self.compile_with(&w.items, &w.body, 0, true)?,
            S::ClassDef(c) => self.compile_class_def(c)?,
            S::Return(r) => self.compile_return(r)?,
            S::Delete(d) => {
                for t in &d.targets {
                    self.compile_delete(t)?;
                }
            }
            S::Assign(a) => {
                self.compile_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Op::Dup, 0);
                    }
                    self.compile_store(t)?;
                }
            }
            S::AugAssign(a) => self.compile_aug_assign(a)?,
            S::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.compile_expr(v)?;
                    self.compile_store(&a.target)?;
                }
                self.compile_annotation_store(a)?;
            }
            S::For(f) => self.compile_for(f)?,
            S::While(w) => self.compile_while(w)?,
            S::If(i) => {
                let else_l = self.unit.b.new_label();
                self.compile_jump_if(&i.test, false, else_l)?;
                self.compile_body(&i.body)?;
                if i.orelse.is_empty() {
                    self.unit.b.bind(else_l);
                } else {
                    let end = self.unit.b.new_label();
                    self.unit.b.emit_jump(Op::Jump, end);
                    self.unit.b.bind(else_l);
                    self.compile_body(&i.orelse)?;
                    self.unit.b.bind(end);
                }
            }
            S::With(w) => self.compile_with(&w.items, &w.body, 0, false)?,
            S::Raise(r) => match (&r.exc, &r.cause) {
                (None, _) => self.emit(Op::RaiseVarargs, 0),
                (Some(e), None) => {
                    self.compile_expr(e)?;
                    self.emit(Op::RaiseVarargs, 1);
                }
                (Some(e), Some(c)) => {
                    self.compile_expr(e)?;
                    self.compile_expr(c)?;
                    self.emit(Op::RaiseVarargs, 2);
                }
            },
            S::Try(t) => self.compile_try(super::flow::TryParts {
                body: &t.body,
                handlers: &t.handlers,
                orelse: &t.orelse,
                finalbody: &t.finalbody,
                star: false,
            })?,
            S::TryStar(t) => self.compile_try(super::flow::TryParts {
                body: &t.body,
                handlers: &t.handlers,
                orelse: &t.orelse,
                finalbody: &t.finalbody,
                star: true,
            })?,
            S::Assert(a) => {
                let end = self.unit.b.new_label();
                self.compile_jump_if(&a.test, true, end)?;
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.compile_expr(m)?;
                    self.emit(Op::Call, 1);
                }
                self.emit(Op::RaiseVarargs, 1);
                self.unit.b.bind(end);
            }
            S::Import(i) => {
                for alias in &i.names {
                    self.load_const(Const::None);
                    self.load_const(Const::Int(0));
                    let n = self.unit.b.name(&alias.name);
                    self.emit(Op::ImportName, n);
                    match &alias.asname {
                        Some(asname) => {
                            let mut parts = alias.name.split('.');
                            parts.next();
                            for p in parts {
                                let n = self.unit.b.name(p);
                                self.emit(Op::ImportFrom, n);
                                self.emit(Op::Rot2, 0);
                                self.emit(Op::Pop, 0);
                            }
                            self.name_op(asname, Ctx::Store);
                        }
                        None => {
                            let first = alias.name.split('.').next().unwrap_or("");
                            self.name_op(first, Ctx::Store);
                        }
                    }
                }
            }
            S::ImportFrom(i) => self.compile_import_from(i)?,
            S::Global(_) | S::Nonlocal(_) | S::Pass(_) => {}
            S::Expr(e) => {
                if self.interactive && self.outer.is_empty() {
                    self.compile_expr(&e.value)?;
                    self.emit(Op::PrintExpr, 0);
                } else if !matches!(&*e.value, ast::Expr::Constant(_)) {
                    self.compile_expr(&e.value)?;
                    self.emit(Op::Pop, 0);
                }
            }
            S::Break(b) => self.compile_break_continue(true, b.start())?,
            S::Continue(c) => self.compile_break_continue(false, c.start())?,
            S::Match(m) => self.compile_match(m)?,
            S::TypeAlias(_) => {
                // Rejected by the symbol table pass; keep a clear message anyway.
                return Err(self.error(s.start(), "this statement is not supported by minipy"));
            }
        }
        Ok(())
    }

    fn compile_import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult<()> {
        let level = i.level.map_or(0, |l| l.to_u32());
        let module = i.module.as_ref().map_or("", |m| m.as_str());
        if module == "__future__" && level == 0 {
            return Ok(());
        }
        let names: Vec<Const> = i
            .names
            .iter()
            .map(|a| Const::Str(a.name.to_string()))
            .collect();
        self.load_const(Const::Tuple(names));
        self.load_const(Const::Int(level as i64));
        let n = self.unit.b.name(module);
        self.emit(Op::ImportName, n);
        if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
            self.emit(Op::ImportStar, 0);
            return Ok(());
        }
        for alias in &i.names {
            let n = self.unit.b.name(&alias.name);
            self.emit(Op::ImportFrom, n);
            let bound = alias.asname.as_ref().unwrap_or(&alias.name);
            self.name_op(bound, Ctx::Store);
        }
        self.emit(Op::Pop, 0);
        Ok(())
    }

    fn compile_while(&mut self, w: &'a ast::StmtWhile) -> CResult<()> {
        let start = self.unit.b.new_label();
        let orelse = self.unit.b.new_label();
        let end = self.unit.b.new_label();
        self.unit.b.bind(start);
        self.compile_jump_if(&w.test, false, orelse)?;
        self.unit.fblocks.push(FBlock::WhileLoop { start, end });
        self.compile_body(&w.body)?;
        self.unit.fblocks.pop();
        self.set_line(w.start());
        self.unit.b.emit_jump(Op::Jump, start);
        self.unit.b.bind(orelse);
        self.compile_body(&w.orelse)?;
        self.unit.b.bind(end);
        Ok(())
    }

    fn compile_for(&mut self, f: &'a ast::StmtFor) -> CResult<()> {
        let start = self.unit.b.new_label();
        let orelse = self.unit.b.new_label();
        let end = self.unit.b.new_label();
        self.compile_iterable(&f.iter)?;
        self.emit(Op::GetIter, 0);
        self.unit.b.bind(start);
        self.set_line(f.start());
        self.unit.b.emit_jump(Op::ForIter, orelse);
        self.compile_store(&f.target)?;
        self.unit.fblocks.push(FBlock::ForLoop { start, end });
        self.compile_body(&f.body)?;
        self.unit.fblocks.pop();
        self.set_line(f.start());
        self.unit.b.emit_jump(Op::Jump, start);
        self.unit.b.bind(orelse);
        self.compile_body(&f.orelse)?;
        self.unit.b.bind(end);
        Ok(())
    }

    /// Stores the value on top of the stack into an assignment target.
    pub(crate) fn compile_store(&mut self, t: &'a ast::Expr) -> CResult<()> {
        use ast::Expr as E;
        match t {
            E::Name(n) => self.name_op(&n.id, Ctx::Store),
            E::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let n = self.attr_name(&a.attr);
                self.emit(Op::StoreAttr, n);
            }
            E::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Op::StoreSubscr, 0);
            }
            E::Tuple(ast::ExprTuple { elts, .. }) | E::List(ast::ExprList { elts, .. }) => {
                let stars: Vec<usize> = elts
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.is_starred_expr())
                    .map(|(i, _)| i)
                    .collect();
                match stars.as_slice() {
                    [] => self.emit(Op::UnpackSequence, elts.len() as u32),
                    [i] => {
                        let before = *i as u32;
                        let after = (elts.len() - i - 1) as u32;
                        if before > 255 || after > 0xff_ffff {
                            return Err(self.error(
                                t.start(),
                                "too many expressions in star-unpacking assignment",
                            ));
                        }
                        self.emit(Op::UnpackEx, before | (after << 8));
                    }
                    _ => {
                        return Err(
                            self.error(t.start(), "multiple starred expressions in assignment")
                        )
                    }
                }
                for e in elts {
                    match e {
                        E::Starred(s) => self.compile_store(&s.value)?,
                        _ => self.compile_store(e)?,
                    }
                }
            }
            E::Starred(_) => {
                return Err(self.error(
                    t.start(),
                    "starred assignment target must be in a list or tuple",
                ))
            }
            _ => return Err(self.error(t.start(), format!("cannot assign to {}", describe(t)))),
        }
        Ok(())
    }

    fn compile_delete(&mut self, t: &'a ast::Expr) -> CResult<()> {
        use ast::Expr as E;
        match t {
            E::Name(n) => self.name_op(&n.id, Ctx::Del),
            E::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let n = self.attr_name(&a.attr);
                self.emit(Op::DeleteAttr, n);
            }
            E::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Op::DeleteSubscr, 0);
            }
            E::Tuple(ast::ExprTuple { elts, .. }) | E::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.compile_delete(e)?;
                }
            }
            _ => return Err(self.error(t.start(), format!("cannot delete {}", describe(t)))),
        }
        Ok(())
    }

    fn compile_aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult<()> {
        use ast::Expr as E;
        let op = super::expr::binop(a.op) as u32;
        match &*a.target {
            E::Name(n) => {
                self.name_op(&n.id, Ctx::Load);
                self.compile_expr(&a.value)?;
                self.emit(Op::InplaceOp, op);
                self.name_op(&n.id, Ctx::Store);
            }
            E::Attribute(at) => {
                self.compile_expr(&at.value)?;
                self.emit(Op::Dup, 0);
                let n = self.attr_name(&at.attr);
                self.emit(Op::LoadAttr, n);
                self.compile_expr(&a.value)?;
                self.emit(Op::InplaceOp, op);
                self.emit(Op::Rot2, 0);
                self.emit(Op::StoreAttr, n);
            }
            E::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_expr(&s.slice)?;
                self.emit(Op::Dup2, 0);
                self.emit(Op::Subscript, 0);
                self.compile_expr(&a.value)?;
                self.emit(Op::InplaceOp, op);
                self.emit(Op::Rot3, 0);
                self.emit(Op::StoreSubscr, 0);
            }
            t => {
                return Err(self.error(
                    t.start(),
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        describe(t)
                    ),
                ))
            }
        }
        Ok(())
    }

    /// Index in `names` of an attribute name (mangled when private).
    pub(crate) fn attr_name(&mut self, attr: &str) -> u32 {
        let m = self.mangle(attr);
        self.unit.b.name(&m)
    }
}

/// A short description of an expression kind for error messages (as CPython words them).
pub(crate) fn describe(e: &ast::Expr) -> &'static str {
    use ast::Expr as E;
    match e {
        E::BoolOp(_) | E::BinOp(_) | E::UnaryOp(_) => "expression",
        E::NamedExpr(_) => "named expression",
        E::Lambda(_) => "lambda",
        E::IfExp(_) => "conditional expression",
        E::Dict(_) => "dict literal",
        E::Set(_) => "set display",
        E::ListComp(_) => "list comprehension",
        E::SetComp(_) => "set comprehension",
        E::DictComp(_) => "dict comprehension",
        E::GeneratorExp(_) => "generator expression",
        E::Await(_) => "await expression",
        E::Yield(_) | E::YieldFrom(_) => "yield expression",
        E::Compare(_) => "comparison",
        E::Call(_) => "function call",
        E::FormattedValue(_) | E::JoinedStr(_) => "f-string expression",
        E::Constant(_) => "literal",
        E::Attribute(_) => "attribute",
        E::Subscript(_) => "subscript",
        E::Starred(_) => "starred",
        E::Name(_) => "name",
        E::List(_) => "list",
        E::Tuple(_) => "tuple",
        E::Slice(_) => "slice",
    }
}
