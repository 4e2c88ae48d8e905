//! Symbol table: a first pass over the AST that records, per scope, which names are bound, used,
//! declared global/nonlocal or parameters, then resolves each name to local / cell / free / global
//! (a port of CPython's symtable.c analysis, including the implicit `__class__` cell for `super()`).
//! Unsupported constructs (type parameters) are rejected here, first.

use super::{mangle, CResult, CompileError, LineIndex};
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextSize;
use std::collections::{HashMap, HashSet};

pub(crate) const DEF_LOCAL: u32 = 1;
pub(crate) const DEF_PARAM: u32 = 2;
pub(crate) const DEF_GLOBAL: u32 = 4;
pub(crate) const DEF_NONLOCAL: u32 = 8;
pub(crate) const USE: u32 = 16;
pub(crate) const DEF_IMPORT: u32 = 32;
/// A class-body name that is also free in a method (the class passes the outer cell through).
pub(crate) const DEF_FREE_CLASS: u32 = 64;
/// A comprehension's iteration variable (a `:=` in the comprehension may not rebind it).
const DEF_COMP_ITER: u32 = 128;
const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum SymScope {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

#[derive(Debug)]
pub(crate) struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: SymScope,
}

#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameter names in slot order (positional, *args, keyword-only, **kwargs).
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub is_generator: bool,
    /// `async def` (a coroutine, or an async generator if it also yields).
    pub is_async: bool,
    /// Class scope whose methods use `super`/`__class__`: it owns a `__class__` cell.
    pub needs_class_cell: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_async: false,
            needs_class_cell: false,
        }
    }

    pub(crate) fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    fn flags(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    fn add(&mut self, name: &str, flag: u32) {
        match self.index.get(name) {
            Some(&i) => self.symbols[i].flags |= flag,
            None => {
                self.index.insert(name.to_string(), self.symbols.len());
                self.symbols.push(Symbol {
                    name: name.to_string(),
                    flags: flag,
                    scope: SymScope::GlobalImplicit,
                });
            }
        }
    }

    pub(crate) fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }

    /// Names of this scope's cell variables in CPython 3.11's order: parameters first (in parameter
    /// order), then the others sorted; `__class__` for classes whose methods need it.
    pub(crate) fn cellvars(&self) -> Vec<String> {
        let is_cell = |n: &String| self.lookup(n).is_some_and(|s| s.scope == SymScope::Cell);
        let mut v: Vec<String> = self.params.iter().filter(|p| is_cell(p)).cloned().collect();
        let mut rest: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymScope::Cell && !self.params.contains(&s.name))
            .map(|s| s.name.clone())
            .collect();
        if self.needs_class_cell {
            rest.push("__class__".into());
        }
        rest.sort();
        v.extend(rest);
        v
    }

    /// Names of this scope's free variables, sorted.
    pub(crate) fn freevars(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymScope::Free || s.flags & DEF_FREE_CLASS != 0)
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        v
    }
}

#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address -> scope id (function/class/lambda/comprehension nodes).
    by_node: HashMap<usize, usize>,
    /// Where each `nonlocal` name was declared (scope id, name), for error positions.
    nonlocal_at: HashMap<(usize, String), TextSize>,
}

impl SymbolTable {
    pub(crate) fn scope_of<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }
}

/// Builds and analyses the symbol table of a module.
pub(crate) fn build(body: &[ast::Stmt], index: &LineIndex, filename: &str) -> CResult<SymbolTable> {
    let mut b = Builder {
        table: SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, "<module>")],
            by_node: HashMap::new(),
            nonlocal_at: HashMap::new(),
        },
        stack: vec![0],
        private: vec![None],
        index,
        filename,
        comp_iter_depth: 0,
    };
    for s in body {
        b.stmt(s)?;
    }
    let mut table = b.table;
    analyze(
        &mut table,
        0,
        &HashSet::new(),
        &HashSet::new(),
        index,
        filename,
    )?;
    Ok(table)
}

struct Builder<'i, 's> {
    table: SymbolTable,
    stack: Vec<usize>,
    private: Vec<Option<String>>,
    index: &'i LineIndex<'s>,
    filename: &'i str,
    /// >0 while walking a comprehension's iterable expression, where `:=` is a SyntaxError.
    comp_iter_depth: usize,
}

impl Builder<'_, '_> {
    fn err(&self, off: TextSize, msg: impl Into<String>) -> CompileError {
        let (line, col) = self.index.line_col(off);
        CompileError {
            kind: "SyntaxError",
            msg: msg.into(),
            filename: self.filename.to_string(),
            line,
            col,
        }
    }

    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap();
        &mut self.table.scopes[id]
    }

    fn cur_kind(&self) -> ScopeKind {
        self.table.scopes[*self.stack.last().unwrap()].kind
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.private.last().unwrap().as_deref(), name)
    }

    fn def(&mut self, name: &str, flag: u32) {
        let n = self.mangled(name);
        self.cur().add(&n, flag);
    }

    fn push_scope<T>(&mut self, node: &T, kind: ScopeKind, name: &str, private: Option<String>) {
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, name));
        let parent = *self.stack.last().unwrap();
        self.table.scopes[parent].children.push(id);
        self.table.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
        let p = private.or_else(|| self.private.last().unwrap().clone());
        self.private.push(p);
    }

    fn pop_scope(&mut self) {
        self.stack.pop();
        self.private.pop();
    }

    /// The current comprehension is asynchronous (`async for` or `await` in it): it becomes a
    /// coroutine (an async generator for a generator expression), and a list/set/dict comprehension
    /// is awaited where it is evaluated, so its enclosing scope must be able to await too (an outer
    /// comprehension becomes asynchronous in turn).
    fn async_comprehension(&mut self, at: TextSize) -> CResult<()> {
        for i in (0..self.stack.len()).rev() {
            let sc = &mut self.table.scopes[self.stack[i]];
            if sc.kind != ScopeKind::Comprehension {
                if sc.is_async {
                    return Ok(());
                }
                break;
            }
            sc.is_async = true;
            if sc.is_generator {
                return Ok(()); // an async generator expression is not awaited where it is made
            }
        }
        Err(self.err(
            at,
            "asynchronous comprehension outside of an asynchronous function",
        ))
    }

    /// A SyntaxError `msg` unless the current scope is an `async def`.
    fn require_async(&mut self, off: TextSize, msg: &str) -> CResult<()> {
        if self.cur().is_async {
            Ok(())
        } else {
            Err(self.err(off, msg))
        }
    }

    fn unsupported(&self, off: TextSize, what: &str) -> CompileError {
        self.err(off, format!("{what} is not supported by minipy"))
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params(&mut self, args: &ast::Arguments, at: TextSize) -> CResult<()> {
        let mut names: Vec<&str> = Vec::new();
        for a in args.posonlyargs.iter().chain(&args.args) {
            names.push(a.def.arg.as_str());
        }
        if let Some(v) = &args.vararg {
            names.push(v.arg.as_str());
        }
        for a in &args.kwonlyargs {
            names.push(a.def.arg.as_str());
        }
        if let Some(k) = &args.kwarg {
            names.push(k.arg.as_str());
        }
        for n in names {
            let m = self.mangled(n);
            if self.cur().flags(&m) & DEF_PARAM != 0 {
                return Err(self.err(
                    at,
                    format!("duplicate argument '{n}' in function definition"),
                ));
            }
            self.cur().add(&m, DEF_PARAM);
            self.cur().params.push(m);
        }
        Ok(())
    }

    /// Parameter and return annotations are evaluated in the scope that defines the function.
    fn annotations(&mut self, args: &ast::Arguments, returns: Option<&ast::Expr>) -> CResult<()> {
        let params = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .map(|a| &a.def)
            .chain(args.vararg.as_deref())
            .chain(args.kwonlyargs.iter().map(|a| &a.def))
            .chain(args.kwarg.as_deref());
        for p in params {
            if let Some(a) = &p.annotation {
                self.expr(a)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    fn defaults(&mut self, args: &ast::Arguments) -> CResult<()> {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn stmt(&mut self, s: &ast::Stmt) -> CResult<()> {
        use ast::Stmt as S;
        match s {
            S::FunctionDef(f) => {
                if !f.type_params.is_empty() {
                    return Err(self.unsupported(f.start(), "type parameter syntax"));
                }
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.defaults(&f.args)?;
                self.annotations(&f.args, f.returns.as_deref())?;
                self.def(&f.name, DEF_LOCAL);
                self.push_scope(f, ScopeKind::Function, &f.name, None);
                self.params(&f.args, f.start())?;
                self.stmts(&f.body)?;
                self.pop_scope();
            }
            S::AsyncFunctionDef(f) => {
                if !f.type_params.is_empty() {
                    return Err(self.unsupported(f.start(), "type parameter syntax"));
                }
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.defaults(&f.args)?;
                self.annotations(&f.args, f.returns.as_deref())?;
                self.def(&f.name, DEF_LOCAL);
                self.push_scope(f, ScopeKind::Function, &f.name, None);
                self.cur().is_async = true;
                self.params(&f.args, f.start())?;
                self.stmts(&f.body)?;
                self.pop_scope();
            }
            S::ClassDef(c) => {
                if !c.type_params.is_empty() {
                    return Err(self.unsupported(c.start(), "type parameter syntax"));
                }
                for d in &c.decorator_list {
                    self.expr(d)?;
                }
                for e in &c.bases {
                    self.expr(e)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.def(&c.name, DEF_LOCAL);
                self.push_scope(c, ScopeKind::Class, &c.name, Some(c.name.to_string()));
                self.stmts(&c.body)?;
                self.pop_scope();
            }
            S::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            S::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            S::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.expr(t)?;
                }
            }
            S::AugAssign(a) => {
                self.expr(&a.value)?;
                if let ast::Expr::Name(n) = &*a.target {
                    self.def(&n.id, DEF_LOCAL | USE);
                } else {
                    self.expr(&a.target)?;
                }
            }
            S::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
                if let ast::Expr::Name(n) = &*a.target {
                    let m = self.mangled(&n.id);
                    if self.cur().flags(&m) & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple {
                        return Err(self.err(
                            a.start(),
                            format!("annotated name '{}' can't be global", n.id),
                        ));
                    }
                    self.def(&n.id, DEF_LOCAL);
                } else if a.value.is_some() {
                    self.expr(&a.target)?;
                }
            }
            S::AsyncFor(f) => {
                self.require_async(f.start(), "'async for' outside async function")?;
                self.expr(&f.iter)?;
                self.expr(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            S::AsyncWith(w) => {
                self.require_async(w.start(), "'async with' outside async function")?;
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            S::For(f) => {
                self.expr(&f.iter)?;
                self.expr(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            S::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            S::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)?;
            }
            S::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            S::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            S::Try(ast::StmtTry {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            })
            | S::TryStar(ast::StmtTryStar {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            }) => {
                self.stmts(body)?;
                for h in handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.def(n, DEF_LOCAL);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            S::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            S::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.to_string(),
                        None => a.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.def(&bound, DEF_IMPORT);
                }
            }
            S::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        if self.cur_kind() != ScopeKind::Module {
                            return Err(
                                self.err(i.start(), "import * only allowed at module level")
                            );
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name).to_string();
                    self.def(&bound, DEF_IMPORT);
                }
            }
            S::Global(g) => {
                for n in &g.names {
                    let m = self.mangled(n);
                    let f = self.cur().flags(&m);
                    let problem = if f & DEF_PARAM != 0 {
                        Some("is parameter and global")
                    } else if f & DEF_NONLOCAL != 0 {
                        Some("is nonlocal and global")
                    } else if f & (DEF_LOCAL | DEF_IMPORT) != 0 {
                        Some("is assigned to before global declaration")
                    } else if f & USE != 0 {
                        Some("is used prior to global declaration")
                    } else {
                        None
                    };
                    if let Some(p) = problem {
                        return Err(self.err(g.start(), format!("name '{n}' {p}")));
                    }
                    self.cur().add(&m, DEF_GLOBAL);
                }
            }
            S::Nonlocal(g) => {
                if self.cur_kind() == ScopeKind::Module {
                    return Err(self.err(
                        g.start(),
                        "nonlocal declaration not allowed at module level",
                    ));
                }
                for n in &g.names {
                    let m = self.mangled(n);
                    let f = self.cur().flags(&m);
                    let problem = if f & DEF_PARAM != 0 {
                        Some("is parameter and nonlocal")
                    } else if f & DEF_GLOBAL != 0 {
                        Some("is nonlocal and global")
                    } else if f & (DEF_LOCAL | DEF_IMPORT) != 0 {
                        Some("is assigned to before nonlocal declaration")
                    } else if f & USE != 0 {
                        Some("is used prior to nonlocal declaration")
                    } else {
                        None
                    };
                    if let Some(p) = problem {
                        return Err(self.err(g.start(), format!("name '{n}' {p}")));
                    }
                    self.cur().add(&m, DEF_NONLOCAL);
                    let id = *self.stack.last().unwrap();
                    self.table.nonlocal_at.insert((id, m), g.start());
                }
            }
            S::Expr(e) => self.expr(&e.value)?,
            S::Pass(_) | S::Break(_) | S::Continue(_) => {}
            S::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            S::TypeAlias(t) => return Err(self.unsupported(t.start(), "'type' alias statement")),
        }
        Ok(())
    }

    /// A `match` pattern: its captures are local bindings, its value expressions uses.
    fn pattern(&mut self, p: &ast::Pattern) -> CResult<()> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for q in &s.patterns {
                    self.pattern(q)?;
                }
            }
            P::MatchMapping(m) => {
                self.exprs(&m.keys)?;
                for q in &m.patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = &m.rest {
                    self.def(r, DEF_LOCAL);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for q in c.patterns.iter().chain(&c.kwd_patterns) {
                    self.pattern(q)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.def(n, DEF_LOCAL);
                }
            }
            P::MatchAs(a) => {
                if let Some(q) = &a.pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = &a.name {
                    self.def(n, DEF_LOCAL);
                }
            }
            P::MatchOr(o) => {
                for q in &o.patterns {
                    self.pattern(q)?;
                }
            }
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[ast::Expr]) -> CResult<()> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        name: &str,
        gens: &[ast::Comprehension],
        elts: &[&ast::Expr],
        at: TextSize,
    ) -> CResult<()> {
        self.comp_iter(&gens[0].iter)?;
        self.push_scope(node, ScopeKind::Comprehension, name, None);
        if name == "<genexpr>" {
            self.cur().is_generator = true;
        }
        if gens.iter().any(|g| g.is_async) {
            self.async_comprehension(at)?;
        }
        self.cur().add(".0", DEF_PARAM);
        self.cur().params.push(".0".into());
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.comp_iter(&g.iter)?;
            }
            self.expr(&g.target)?;
            self.mark_comp_iter(&g.target);
            self.exprs(&g.ifs)?;
        }
        for e in elts {
            self.expr(e)?;
        }
        self.pop_scope();
        Ok(())
    }

    /// A comprehension's iterable expression (no `:=` allowed in it).
    fn comp_iter(&mut self, e: &ast::Expr) -> CResult<()> {
        self.comp_iter_depth += 1;
        let r = self.expr(e);
        self.comp_iter_depth -= 1;
        r
    }

    /// Flags the names bound by a comprehension's `for` target as iteration variables.
    fn mark_comp_iter(&mut self, target: &ast::Expr) {
        use ast::Expr as E;
        match target {
            E::Name(n) => {
                let m = self.mangled(&n.id);
                self.cur().add(&m, DEF_COMP_ITER);
            }
            E::Tuple(t) => t.elts.iter().for_each(|e| self.mark_comp_iter(e)),
            E::List(l) => l.elts.iter().for_each(|e| self.mark_comp_iter(e)),
            E::Starred(s) => self.mark_comp_iter(&s.value),
            _ => {}
        }
    }

    fn named_target(&mut self, n: &ast::ExprName) -> CResult<()> {
        let m = self.mangled(&n.id);
        if self.cur_kind() != ScopeKind::Comprehension {
            self.cur().add(&m, DEF_LOCAL);
            return Ok(());
        }
        // no comprehension on the way out may use the name as its iteration variable
        let comps: Vec<usize> = self
            .stack
            .iter()
            .rev()
            .copied()
            .take_while(|&id| self.table.scopes[id].kind == ScopeKind::Comprehension)
            .collect();
        if comps
            .iter()
            .any(|&id| self.table.scopes[id].flags(&m) & DEF_COMP_ITER != 0)
        {
            return Err(self.err(
                n.start(),
                format!(
                    "assignment expression cannot rebind comprehension iteration variable '{m}'"
                ),
            ));
        }
        // The target of `:=` in a comprehension binds in the nearest enclosing non-comprehension scope.
        let owner = self
            .stack
            .iter()
            .rev()
            .copied()
            .find(|&id| self.table.scopes[id].kind != ScopeKind::Comprehension)
            .unwrap_or(0);
        match self.table.scopes[owner].kind {
            ScopeKind::Class => {
                return Err(self.err(
                    n.start(),
                    "assignment expression within a comprehension cannot be used in a class body",
                ))
            }
            ScopeKind::Module => {
                self.table.scopes[owner].add(&m, DEF_LOCAL);
                for &id in self.stack.iter().rev().take_while(|&&id| id != owner) {
                    self.table.scopes[id].add(&m, DEF_GLOBAL);
                }
            }
            _ => {
                // a name the function declares global stays global in the comprehension (CPython)
                let cur = *self.stack.last().unwrap();
                if self.table.scopes[owner].flags(&m) & DEF_GLOBAL != 0 {
                    self.table.scopes[cur].add(&m, DEF_GLOBAL);
                } else {
                    self.table.scopes[owner].add(&m, DEF_LOCAL);
                    self.table.scopes[cur].add(&m, DEF_NONLOCAL);
                }
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &ast::Expr) -> CResult<()> {
        use ast::Expr as E;
        match e {
            E::BoolOp(b) => self.exprs(&b.values)?,
            E::NamedExpr(n) => {
                if self.comp_iter_depth > 0 {
                    return Err(self.err(
                        n.start(),
                        "assignment expression cannot be used in a comprehension iterable expression",
                    ));
                }
                self.expr(&n.value)?;
                match &*n.target {
                    E::Name(name) => self.named_target(name)?,
                    other => {
                        return Err(self.err(
                            other.start(),
                            "cannot use assignment expressions with this target",
                        ))
                    }
                }
            }
            E::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            E::UnaryOp(u) => self.expr(&u.operand)?,
            E::Lambda(l) => {
                self.defaults(&l.args)?;
                self.push_scope(l, ScopeKind::Lambda, "<lambda>", None);
                self.params(&l.args, l.start())?;
                self.expr(&l.body)?;
                self.pop_scope();
            }
            E::IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            E::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(&d.values)?;
            }
            E::Set(s) => self.exprs(&s.elts)?,
            E::ListComp(c) => {
                self.comprehension(c, "<listcomp>", &c.generators, &[&c.elt], c.start())?
            }
            E::SetComp(c) => {
                self.comprehension(c, "<setcomp>", &c.generators, &[&c.elt], c.start())?
            }
            E::DictComp(c) => self.comprehension(
                c,
                "<dictcomp>",
                &c.generators,
                &[&c.key, &c.value],
                c.start(),
            )?,
            E::GeneratorExp(c) => {
                self.comprehension(c, "<genexpr>", &c.generators, &[&c.elt], c.start())?
            }
            E::Await(a) => {
                if self.cur_kind() == ScopeKind::Comprehension {
                    self.async_comprehension(a.start())?;
                    self.expr(&a.value)?;
                    return Ok(());
                }
                let msg = if self.cur().is_function_like() {
                    "'await' outside async function"
                } else {
                    "'await' outside function"
                };
                self.require_async(a.start(), msg)?;
                self.expr(&a.value)?;
            }
            E::Yield(_) | E::YieldFrom(_) => {
                let kind = self.cur_kind();
                match kind {
                    ScopeKind::Module | ScopeKind::Class => {
                        return Err(self.err(e.start(), "'yield' outside function"))
                    }
                    ScopeKind::Comprehension => {
                        let name = self.cur().name.clone();
                        let what = match name.as_str() {
                            "<listcomp>" => "list comprehension",
                            "<setcomp>" => "set comprehension",
                            "<dictcomp>" => "dict comprehension",
                            _ => "generator expression",
                        };
                        return Err(self.err(e.start(), format!("'yield' inside {what}")));
                    }
                    _ => self.cur().is_generator = true,
                }
                if matches!(e, E::YieldFrom(_)) && self.cur().is_async {
                    return Err(self.err(e.start(), "'yield from' inside async function"));
                }
                match e {
                    E::Yield(y) => {
                        if let Some(v) = &y.value {
                            self.expr(v)?;
                        }
                    }
                    E::YieldFrom(y) => self.expr(&y.value)?,
                    _ => {}
                }
            }
            E::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)?;
            }
            E::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.args)?;
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
            }
            E::FormattedValue(f) => {
                self.expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.expr(s)?;
                }
            }
            E::JoinedStr(j) => self.exprs(&j.values)?,
            E::Constant(_) => {}
            E::Attribute(a) => self.expr(&a.value)?,
            E::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            E::Starred(s) => self.expr(&s.value)?,
            E::Name(n) => match n.ctx {
                ast::ExprContext::Load => {
                    self.def(&n.id, USE);
                    if n.id.as_str() == "super"
                        && self.table.scopes[*self.stack.last().unwrap()].is_function_like()
                    {
                        self.cur().add("__class__", USE);
                    }
                }
                _ => self.def(&n.id, DEF_LOCAL),
            },
            E::List(l) => self.exprs(&l.elts)?,
            E::Tuple(t) => self.exprs(&t.elts)?,
            E::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }
}

/// Resolves the scopes of the names of scope `id` and its children; returns the names free in it.
fn analyze(
    t: &mut SymbolTable,
    id: usize,
    bound: &HashSet<String>,
    global: &HashSet<String>,
    index: &LineIndex,
    filename: &str,
) -> CResult<HashSet<String>> {
    let mut bound = bound.clone();
    let mut global = global.clone();
    let mut local: HashSet<String> = HashSet::new();
    let mut free: HashSet<String> = HashSet::new();
    let is_class = t.scopes[id].kind == ScopeKind::Class;
    let is_module = t.scopes[id].kind == ScopeKind::Module;
    // Class bindings are not visible in nested scopes: the sets passed down are taken before.
    let mut newbound: HashSet<String> = HashSet::new();
    let mut newglobal: HashSet<String> = HashSet::new();
    if is_class {
        newglobal.extend(global.iter().cloned());
        newbound.extend(bound.iter().cloned());
        newbound.insert("__class__".into());
    }
    let nsyms = t.scopes[id].symbols.len();
    for i in 0..nsyms {
        let (name, flags) = {
            let s = &t.scopes[id].symbols[i];
            (s.name.clone(), s.flags)
        };
        let scope = if flags & DEF_GLOBAL != 0 {
            global.insert(name.clone());
            bound.remove(&name);
            SymScope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            if !bound.contains(&name) {
                let at = t
                    .nonlocal_at
                    .get(&(id, name.clone()))
                    .copied()
                    .unwrap_or_default();
                let (line, col) = index.line_col(at);
                return Err(CompileError {
                    kind: "SyntaxError",
                    msg: format!("no binding for nonlocal '{name}' found"),
                    filename: filename.to_string(),
                    line,
                    col,
                });
            }
            free.insert(name.clone());
            SymScope::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
            global.remove(&name);
            SymScope::Local
        } else if !is_module && bound.contains(&name) {
            free.insert(name.clone());
            SymScope::Free
        } else {
            SymScope::GlobalImplicit
        };
        t.scopes[id].symbols[i].scope = scope;
    }
    if !is_class {
        if t.scopes[id].is_function_like() {
            newbound.extend(local.iter().cloned());
        }
        newbound.extend(bound.iter().cloned());
        newglobal.extend(global.iter().cloned());
    }
    let mut child_free: HashSet<String> = HashSet::new();
    let children = t.scopes[id].children.clone();
    for c in children {
        let f = analyze(t, c, &newbound, &newglobal, index, filename)?;
        child_free.extend(f);
    }
    if is_class && child_free.remove("__class__") {
        t.scopes[id].needs_class_cell = true;
    }
    let scope = &mut t.scopes[id];
    if scope.is_function_like() {
        for s in scope.symbols.iter_mut() {
            if s.scope == SymScope::Local && child_free.remove(&s.name) {
                s.scope = SymScope::Cell;
            }
        }
    }
    // Free names of children not resolved here propagate up (or mark a class's pass-through).
    let mut names: Vec<String> = child_free.into_iter().collect();
    names.sort();
    for name in names {
        if let Some(&i) = scope.index.get(&name) {
            let s = &mut scope.symbols[i];
            if is_class && s.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                s.flags |= DEF_FREE_CLASS;
            }
            if matches!(s.scope, SymScope::GlobalImplicit) && bound.contains(&name) && !is_module {
                s.scope = SymScope::Free;
            }
            if s.scope == SymScope::Free || s.flags & DEF_FREE_CLASS != 0 {
                free.insert(name);
            }
            continue;
        }
        if !bound.contains(&name) {
            continue;
        }
        scope.add(&name, 0);
        let i = scope.index[&name];
        scope.symbols[i].scope = SymScope::Free;
        free.insert(name);
    }
    Ok(free)
}
