//! Nested code units: function definitions, lambdas, classes and comprehensions; defaults, closures,
//! decorators and qualified names.
//!
//! - def: `<decorators>; <defaults tuple>?; <kwdefaults dict>?; <closure tuple>?; LoadConst code;
//!   LoadConst qualname; MakeFunction flags; Call 1 per decorator (innermost first); Store name`.
//!   consts[0] of a function/lambda is its docstring or None.
//! - class: `<decorators>; LoadBuildClass; <MakeFunction of the body>; LoadConst name; <bases>;
//!   Call 2+n | CallKw | CallEx; Call 1 per decorator; Store name`. The body starts with
//!   `LoadName __name__; StoreName __module__; LoadConst qualname; StoreName __qualname__`
//!   (+ `StoreName __doc__`) and ends with `LoadClosure __class__; ReturnValue` when a method uses
//!   `super`/`__class__`, else `LoadConst None; ReturnValue`.
//! - comprehension: `<closure>?; LoadConst code; LoadConst qualname; MakeFunction; <outermost iterable>;
//!   GetIter; Call 1`; the body takes the iterator as parameter `.0`.

use super::emit::CodeBuilder;
use super::symtable::SymScope;
use super::{docstring, CResult, Compiler, Ctx, Unit};
use crate::bytecode::{CodeKind, CodeUnit, Const, Op};
use rustpython_parser::ast::{self, Ranged};

/// What a comprehension builds.
pub(crate) enum Comp<'a> {
    List(&'a ast::Expr),
    Set(&'a ast::Expr),
    Dict(&'a ast::Expr, &'a ast::Expr),
    Gen(&'a ast::Expr),
}

impl<'a> Compiler<'a> {
    /// Qualified name of a definition named `name` in the current unit.
    fn qualname_for(&self, name: &str) -> String {
        let mangled = self.mangle(name);
        let global = self.st.scopes[self.unit.scope]
            .lookup(&mangled)
            .is_some_and(|s| s.scope == SymScope::GlobalExplicit);
        match self.unit.kind {
            CodeKind::Module => name.to_string(),
            _ if global => name.to_string(),
            CodeKind::Class | CodeKind::Comprehension => format!("{}.{}", self.unit.qualname, name),
            _ => format!("{}.<locals>.{}", self.unit.qualname, name),
        }
    }

    /// Starts compiling a nested code unit for symbol-table scope `scope`.
    fn enter_unit(
        &mut self,
        scope: usize,
        kind: CodeKind,
        name: &str,
        qualname: String,
        line: u32,
    ) {
        let st = &self.st.scopes[scope];
        let mut b = CodeBuilder::new(line);
        if st.is_function_like() {
            b.varnames = st.params.clone();
            for s in &st.symbols {
                if s.scope == SymScope::Local && !b.varnames.contains(&s.name) {
                    b.varnames.push(s.name.clone());
                }
            }
        }
        b.cellvars = st.cellvars();
        b.freevars = st.freevars();
        for (ci, cell) in b.cellvars.iter().enumerate() {
            if let Some(ai) = st.params.iter().position(|p| p == cell) {
                b.cell2arg.push((ci as u32, ai as u32));
            }
        }
        let private = if kind == CodeKind::Class {
            Some(name.to_string())
        } else {
            self.unit.private.clone()
        };
        let unit = Unit {
            b,
            scope,
            kind,
            name: name.to_string(),
            qualname,
            fblocks: Vec::new(),
            private,
            firstlineno: line,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkw: false,
        };
        let outer = std::mem::replace(&mut self.unit, unit);
        self.outer.push(outer);
    }

    fn leave_unit(&mut self) -> CResult<CodeUnit> {
        let outer = self.outer.pop().expect("leave_unit without enter_unit");
        let unit = std::mem::replace(&mut self.unit, outer);
        self.finish_unit(unit)
    }

    fn scope_id<T>(&self, node: &T, at: ast::text_size::TextSize) -> CResult<usize> {
        self.st
            .scope_of(node)
            .ok_or_else(|| self.error(at, "internal compiler error: no scope for node"))
    }

    /// Pushes positional defaults (a tuple) and keyword-only defaults (a dict); returns the flags.
    fn compile_defaults(&mut self, args: &'a ast::Arguments) -> CResult<u32> {
        let mut flags = 0;
        let defaults: Vec<&'a ast::Expr> = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            let consts: Option<Vec<Const>> = defaults
                .iter()
                .map(|d| match d {
                    ast::Expr::Constant(c) => Some(super::expr::to_const(&c.value)),
                    _ => None,
                })
                .collect();
            match consts {
                Some(c) => self.load_const(Const::Tuple(c)),
                None => {
                    for d in &defaults {
                        self.compile_expr(d)?;
                    }
                    self.emit(Op::BuildTuple, defaults.len() as u32);
                }
            }
            flags |= 1;
        }
        let mut nkw = 0;
        for a in &args.kwonlyargs {
            if let Some(d) = &a.default {
                let name = self.mangle(&a.def.arg);
                self.load_const(Const::Str(name));
                self.compile_expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Op::BuildMap, nkw);
            flags |= 2;
        }
        Ok(flags)
    }

    fn set_arg_counts(&mut self, args: &ast::Arguments) {
        let u = &mut self.unit;
        u.posonlyargcount = args.posonlyargs.len() as u32;
        u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
        u.kwonlyargcount = args.kwonlyargs.len() as u32;
        u.has_varargs = args.vararg.is_some();
        u.has_varkw = args.kwarg.is_some();
    }

    /// Emits the closure tuple (if any), the code and qualname constants and MakeFunction.
    fn make_function(&mut self, code: CodeUnit, qualname: String, mut flags: u32) {
        if !code.freevars.is_empty() {
            for fv in &code.freevars {
                let i = self.deref_index(fv);
                self.emit(Op::LoadClosure, i);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32);
            flags |= 8;
        }
        self.load_const(Const::Code(Box::new(code)));
        self.load_const(Const::Str(qualname));
        self.emit(Op::MakeFunction, flags);
    }

    pub(crate) fn compile_function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<()> {
        for d in &f.decorator_list {
            self.compile_expr(d)?;
        }
        self.set_line(f.start());
        let flags = self.compile_defaults(&f.args)?;
        let scope = self.scope_id(f, f.start())?;
        let qualname = self.qualname_for(&f.name);
        let kind = if self.st.scopes[scope].is_generator {
            CodeKind::Generator
        } else {
            CodeKind::Function
        };
        let line = self.index.line(f.start());
        self.enter_unit(scope, kind, &f.name, qualname.clone(), line);
        self.set_arg_counts(&f.args);
        let doc = docstring(&f.body).map_or(Const::None, |d| Const::Str(d.to_string()));
        self.unit.b.add_const(doc);
        let body = self.compile_body(&f.body);
        if let Err(e) = body {
            self.outer_restore();
            return Err(e);
        }
        self.load_const(Const::None);
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit()?;
        self.set_line(f.start());
        self.make_function(code, qualname, flags);
        for _ in &f.decorator_list {
            self.emit(Op::Call, 1);
        }
        self.name_op(&f.name, Ctx::Store);
        Ok(())
    }

    /// Drops the current nested unit after an error (the error is what gets reported).
    fn outer_restore(&mut self) {
        if let Some(outer) = self.outer.pop() {
            self.unit = outer;
        }
    }

    pub(crate) fn compile_lambda(&mut self, l: &'a ast::ExprLambda) -> CResult<()> {
        let flags = self.compile_defaults(&l.args)?;
        let scope = self.scope_id(l, l.start())?;
        let qualname = self.qualname_for("<lambda>");
        let line = self.index.line(l.start());
        self.enter_unit(scope, CodeKind::Lambda, "<lambda>", qualname.clone(), line);
        self.set_arg_counts(&l.args);
        self.unit.b.add_const(Const::None);
        if let Err(e) = self.compile_expr(&l.body) {
            self.outer_restore();
            return Err(e);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit()?;
        self.make_function(code, qualname, flags);
        Ok(())
    }

    pub(crate) fn compile_class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult<()> {
        for d in &c.decorator_list {
            self.compile_expr(d)?;
        }
        self.set_line(c.start());
        self.emit(Op::LoadBuildClass, 0);
        let scope = self.scope_id(c, c.start())?;
        let qualname = self.qualname_for(&c.name);
        let line = self.index.line(c.start());
        self.enter_unit(scope, CodeKind::Class, &c.name, qualname.clone(), line);
        let r = self.compile_class_body(c, &qualname, scope);
        if let Err(e) = r {
            self.outer_restore();
            return Err(e);
        }
        let code = self.leave_unit()?;
        self.set_line(c.start());
        self.make_function(code, qualname, 0);
        self.load_const(Const::Str(c.name.to_string()));
        self.check_genexp_args(&c.bases, &c.keywords, None)?;
        self.compile_call_args(2, &c.bases, &c.keywords)?;
        for _ in &c.decorator_list {
            self.emit(Op::Call, 1);
        }
        self.name_op(&c.name, Ctx::Store);
        Ok(())
    }

    fn compile_class_body(
        &mut self,
        c: &'a ast::StmtClassDef,
        qualname: &str,
        scope: usize,
    ) -> CResult<()> {
        let n = self.unit.b.name("__name__");
        self.emit(Op::LoadName, n);
        let n = self.unit.b.name("__module__");
        self.emit(Op::StoreName, n);
        self.load_const(Const::Str(qualname.to_string()));
        let n = self.unit.b.name("__qualname__");
        self.emit(Op::StoreName, n);
        if let Some(doc) = docstring(&c.body) {
            self.load_const(Const::Str(doc.to_string()));
            let n = self.unit.b.name("__doc__");
            self.emit(Op::StoreName, n);
        }
        self.setup_annotations(&c.body);
        self.compile_body(&c.body)?;
        if self.st.scopes[scope].needs_class_cell {
            let i = self.deref_index("__class__");
            self.emit(Op::LoadClosure, i);
        } else {
            self.load_const(Const::None);
        }
        self.emit(Op::ReturnValue, 0);
        Ok(())
    }

    pub(crate) fn compile_comprehension<T>(
        &mut self,
        node: &'a T,
        comp: Comp<'a>,
        gens: &'a [ast::Comprehension],
    ) -> CResult<()>
    where
        T: Ranged,
    {
        let scope = self.scope_id(node, node.start())?;
        let name = match comp {
            Comp::List(_) => "<listcomp>",
            Comp::Set(_) => "<setcomp>",
            Comp::Dict(..) => "<dictcomp>",
            Comp::Gen(_) => "<genexpr>",
        };
        let qualname = self.qualname_for(name);
        let line = self.index.line(node.start());
        self.enter_unit(scope, CodeKind::Comprehension, name, qualname.clone(), line);
        self.unit.argcount = 1;
        match comp {
            Comp::List(_) => self.emit(Op::BuildList, 0),
            Comp::Set(_) => self.emit(Op::BuildSet, 0),
            Comp::Dict(..) => self.emit(Op::BuildMap, 0),
            Comp::Gen(_) => {}
        }
        if let Err(e) = self.compile_comp_generator(gens, 0, &comp) {
            self.outer_restore();
            return Err(e);
        }
        if let Comp::Gen(_) = comp {
            self.load_const(Const::None);
        }
        self.emit(Op::ReturnValue, 0);
        let code = self.leave_unit()?;
        self.make_function(code, qualname, 0);
        self.compile_expr(&gens[0].iter)?;
        self.emit(Op::GetIter, 0);
        self.set_line(node.start());
        self.emit(Op::Call, 1);
        Ok(())
    }

    fn compile_comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        i: usize,
        comp: &Comp<'a>,
    ) -> CResult<()> {
        let g = &gens[i];
        let start = self.unit.b.new_label();
        let end = self.unit.b.new_label();
        if i == 0 {
            self.emit(Op::LoadFast, 0);
        } else {
            self.compile_expr(&g.iter)?;
            self.emit(Op::GetIter, 0);
        }
        self.unit.b.bind(start);
        self.unit.b.emit_jump(Op::ForIter, end);
        self.compile_store(&g.target)?;
        for cond in &g.ifs {
            self.compile_jump_if(cond, false, start)?;
        }
        if i + 1 < gens.len() {
            self.compile_comp_generator(gens, i + 1, comp)?;
        } else {
            let depth = gens.len() as u32 + 1;
            match comp {
                Comp::List(e) => {
                    self.compile_expr(e)?;
                    self.emit(Op::ListAppend, depth);
                }
                Comp::Set(e) => {
                    self.compile_expr(e)?;
                    self.emit(Op::SetAdd, depth);
                }
                Comp::Dict(k, v) => {
                    self.compile_expr(k)?;
                    self.compile_expr(v)?;
                    self.emit(Op::MapAdd, depth);
                }
                Comp::Gen(e) => {
                    self.compile_expr(e)?;
                    self.emit(Op::YieldValue, 0);
                    self.emit(Op::Pop, 0);
                }
            }
        }
        self.unit.b.emit_jump(Op::Jump, start);
        self.unit.b.bind(end);
        Ok(())
    }
}
