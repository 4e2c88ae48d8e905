//! The per-function analysis: walks a body in evaluation order, tracking which Value-like locals are
//! stale (a GC point happened since they were bound or assigned) and reporting their uses.

use super::model::*;
use std::collections::{BTreeSet, HashMap, HashSet};
use syn::spanned::Spanned;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub file: String,
    pub func: String,
    /// The local's name, or `<no-collect>` for a false `gc: no-collect` claim.
    pub local: String,
    pub bind_line: usize,
    pub gc_call: String,
    pub gc_line: usize,
    pub use_line: usize,
}

impl Finding {
    pub fn key(&self) -> String {
        format!("{}:{}:{}", self.file, self.func, self.local)
    }
    pub fn message(&self) -> String {
        if self.local == "<no-collect>" {
            return format!(
                "{}:{}: `{}` is declared `gc: no-collect` but may collect: it calls {}",
                self.file, self.bind_line, self.func, self.gc_call
            );
        }
        format!(
            "{f}: in `{func}`, `{l}` (bound at {f}:{b}) is live across GC call `{g}` ({f}:{gl}) and used at {f}:{u}",
            f = self.file,
            func = self.func,
            l = self.local,
            b = self.bind_line,
            g = self.gc_call,
            gl = self.gc_line,
            u = self.use_line
        )
    }
}

/// A `// gc-safe: reason` annotation that silenced a binding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct GcSafe {
    pub file: String,
    pub line: usize,
    pub local: String,
    pub reason: String,
}

struct Var {
    name: String,
    line: usize,
    shape: Shape,
    exempt: bool,
}

#[derive(Clone)]
struct State {
    /// Per var id: the GC point it is stale since.
    stale: Vec<Option<(String, usize)>>,
    reachable: bool,
}

impl State {
    fn join(&mut self, o: &State) {
        if !o.reachable {
            return;
        }
        if !self.reachable {
            *self = o.clone();
            return;
        }
        if self.stale.len() < o.stale.len() {
            self.stale.resize(o.stale.len(), None);
        }
        for (i, s) in o.stale.iter().enumerate() {
            if self.stale[i].is_none() && s.is_some() {
                self.stale[i] = s.clone();
            }
        }
    }
    fn dead(n: usize) -> State {
        State {
            stale: vec![None; n],
            reachable: false,
        }
    }
}

struct LoopCtx {
    label: Option<String>,
    breaks: State,
    conts: State,
}

const OWNING: &[&str] = &[
    "copied",
    "cloned",
    "to_vec",
    "to_owned",
    "clone",
    "collect",
    "pop",
    "remove",
    "swap_remove",
    "take",
    "drain",
    "split_off",
    "into_inner",
    "get_temp",
    "read",
    "read_unaligned",
];
const PRESERVING: &[&str] = &[
    "unwrap",
    "expect",
    "unwrap_or",
    "unwrap_or_default",
    "unwrap_or_else",
    "unwrap_unchecked",
    "iter",
    "iter_mut",
    "into_iter",
    "rev",
    "last",
    "first",
    "get",
    "get_mut",
    "ok",
    "as_ref",
    "as_mut",
    "skip",
    "step_by",
    "peekable",
    "next",
    "next_back",
    "nth",
    "find",
    "values",
    "as_slice",
    "as_ptr",
    "as_mut_ptr",
    "cast",
    "add",
    "sub",
    "offset",
    "wrapping_add",
    "byte_add",
    "chain",
    "filter",
    "zip",
    "last_mut",
    "first_mut",
    "split_first",
    "split_last",
];
/// Std method names that are also collecting `Vm` methods: not listed as unresolved.
const STD_NAMES: &[&str] = &[
    "len", "contains", "next", "get", "insert", "iter", "hash", "repeat", "push", "pop", "remove",
    "clear", "extend", "call",
];
const DIVERGING_MACROS: &[&str] = &["panic", "unreachable", "todo", "unimplemented"];

pub struct Analyzer<'a> {
    k: &'a Crate,
    ctx: Ctx,
    src: &'a Source,
    func: String,
    vars: Vec<Var>,
    var_at: HashMap<(usize, usize, String), usize>,
    scopes: Vec<Vec<(String, usize)>>,
    st: State,
    closures: HashMap<String, syn::ExprClosure>,
    loops: Vec<LoopCtx>,
    exits: Vec<State>,
    inline_depth: usize,
    tried: HashSet<Pos>,
    /// Locals bound from never-moving expressions (a code object's `names` tuple...).
    immortal: HashSet<usize>,
    reported: HashSet<usize>,
    pub findings: Vec<Finding>,
    pub gc_safe: Vec<GcSafe>,
    /// Calls of a collecting `Vm` method name on a receiver not known to be the VM.
    pub unresolved: Vec<String>,
}

impl<'a> Analyzer<'a> {
    pub fn run(k: &'a Crate, i: usize) -> (Vec<Finding>, Vec<GcSafe>, Vec<String>) {
        let f = &k.fns[i];
        let mut a = Analyzer {
            k,
            ctx: k.ctx_for(i),
            src: &k.files[f.file],
            func: f.display(),
            vars: vec![],
            var_at: HashMap::new(),
            scopes: vec![vec![]],
            st: State {
                stale: vec![],
                reachable: true,
            },
            closures: HashMap::new(),
            loops: vec![],
            exits: vec![],
            inline_depth: 0,
            tried: HashSet::new(),
            immortal: HashSet::new(),
            reported: HashSet::new(),
            findings: vec![],
            gc_safe: vec![],
            unresolved: vec![],
        };
        let sig = f.body.sig().clone();
        for arg in &sig.inputs {
            if let syn::FnArg::Typed(pt) = arg {
                let sh = type_shape(&pt.ty, &k.structs, &k.cfg, false);
                a.bind_pat(&pt.pat, &sh, pt.pat.span().start().line);
            }
        }
        let block = f.body.block().clone();
        a.exits.push(State::dead(0));
        a.block(&block);
        (a.findings, a.gc_safe, a.unresolved)
    }

    fn line(&self, s: proc_macro2::Span) -> usize {
        s.start().line
    }

    // ---- variables ------------------------------------------------------------------------------

    fn lookup(&self, name: &str) -> Option<usize> {
        for s in self.scopes.iter().rev() {
            if let Some((_, id)) = s.iter().rev().find(|(n, _)| n == name) {
                return Some(*id);
            }
        }
        None
    }

    fn bind(&mut self, ident: &syn::Ident, shape: &Shape, stmt_line: usize) {
        let sp = ident.span().start();
        let name = ident.to_string();
        let key = (sp.line, sp.column, name.clone());
        let id = match self.var_at.get(&key) {
            Some(&id) => {
                self.vars[id].shape = Shape::join(&self.vars[id].shape, shape);
                id
            }
            None => {
                let mut exempt = self.k.cfg.immortal_locals.contains(&name.as_str());
                if shape.tracked() {
                    let mut cands = vec![sp.line, sp.line.saturating_sub(1)];
                    if stmt_line > 0 {
                        cands.push(stmt_line);
                        cands.push(stmt_line.saturating_sub(1));
                    }
                    for l in cands {
                        if let Some(reason) = self.src.gc_safe_on(l) {
                            exempt = true;
                            self.gc_safe.push(GcSafe {
                                file: self.src.path.clone(),
                                line: l,
                                local: name.clone(),
                                reason,
                            });
                            break;
                        }
                    }
                }
                self.vars.push(Var {
                    name: name.clone(),
                    line: sp.line,
                    shape: shape.clone(),
                    exempt,
                });
                let id = self.vars.len() - 1;
                self.var_at.insert(key, id);
                id
            }
        };
        if self.st.stale.len() <= id {
            self.st.stale.resize(id + 1, None);
        }
        self.st.stale[id] = None;
        self.scopes.last_mut().unwrap().push((name, id));
    }

    fn tracked(&self, id: usize) -> bool {
        let v = &self.vars[id];
        v.shape.tracked() && !v.exempt
    }

    fn bind_pat(&mut self, p: &syn::Pat, shape: &Shape, stmt_line: usize) {
        match p {
            syn::Pat::Ident(i) if i.ident.to_string().starts_with(char::is_uppercase) => {
                // a unit struct or constant (`Err(Exc)`), not a binding
            }
            syn::Pat::Ident(i) => {
                self.bind(&i.ident, shape, stmt_line);
                if let Some((_, s)) = &i.subpat {
                    self.bind_pat(s, shape, stmt_line);
                }
            }
            syn::Pat::Tuple(t) => {
                for (j, e) in t.elems.iter().enumerate() {
                    let s = match shape {
                        Shape::Tuple(v) if v.len() == t.elems.len() => v[j].clone(),
                        s => s.project(),
                    };
                    self.bind_pat(e, &s, stmt_line);
                }
            }
            syn::Pat::TupleStruct(t)
                if t.path.segments.last().is_some_and(|s| s.ident == "Err") =>
            {
                // `Err(e)`: the error side of PyResult is `Exc`, a marker (the exception is `vm.exc`)
                for e in &t.elems {
                    self.bind_pat(e, &Shape::No, stmt_line);
                }
            }
            syn::Pat::TupleStruct(t) => {
                if t.elems.len() == 1 {
                    self.bind_pat(&t.elems[0], shape, stmt_line);
                } else {
                    for e in &t.elems {
                        self.bind_pat(e, &shape.project(), stmt_line);
                    }
                }
            }
            syn::Pat::Struct(s) => {
                for f in &s.fields {
                    let sh = match &f.member {
                        syn::Member::Named(m) if shape.has_refs() => self
                            .k
                            .structs
                            .fields
                            .get(&m.to_string())
                            .cloned()
                            .unwrap_or(Shape::No),
                        _ => Shape::No,
                    };
                    self.bind_pat(&f.pat, &sh, stmt_line);
                }
            }
            syn::Pat::Slice(s) => {
                for e in &s.elems {
                    self.bind_pat(e, &shape.project(), stmt_line);
                }
            }
            syn::Pat::Reference(r) => self.bind_pat(&r.pat, &shape.project(), stmt_line),
            syn::Pat::Type(t) => {
                let sh = type_shape(&t.ty, &self.k.structs, &self.k.cfg, false);
                self.bind_pat(&t.pat, &sh, stmt_line)
            }
            syn::Pat::Or(o) => {
                for c in &o.cases {
                    self.bind_pat(c, shape, stmt_line);
                }
            }
            syn::Pat::Paren(p) => self.bind_pat(&p.pat, shape, stmt_line),
            _ => {}
        }
    }

    fn use_var(&mut self, id: usize, line: usize) {
        if !self.st.reachable || !self.tracked(id) || self.reported.contains(&id) {
            return;
        }
        if let Some(Some((g, gl))) = self.st.stale.get(id) {
            let v = &self.vars[id];
            self.findings.push(Finding {
                file: self.src.path.clone(),
                func: self.func.clone(),
                local: v.name.clone(),
                bind_line: v.line,
                gc_call: g.clone(),
                gc_line: *gl,
                use_line: line,
            });
            self.reported.insert(id);
        }
    }

    fn gc_point(&mut self, label: String, line: usize) {
        if !self.st.reachable {
            return;
        }
        let ids: Vec<usize> = self.scopes.iter().flatten().map(|(_, id)| *id).collect();
        for id in ids {
            if self.tracked(id) && self.st.stale[id].is_none() {
                self.st.stale[id] = Some((label.clone(), line));
            }
        }
    }

    fn kill(&mut self, id: usize, shape: &Shape) {
        self.vars[id].shape = Shape::join(&self.vars[id].shape, shape);
        if self.st.reachable {
            self.st.stale[id] = None;
        }
    }

    fn nvars(&self) -> usize {
        self.vars.len()
    }

    // ---- statements -----------------------------------------------------------------------------

    fn block(&mut self, b: &syn::Block) -> Shape {
        self.scopes.push(vec![]);
        let mut last = Shape::No;
        let n = b.stmts.len();
        for (i, s) in b.stmts.iter().enumerate() {
            last = self.stmt(s, i + 1 == n);
        }
        self.scopes.pop();
        last
    }

    fn stmt(&mut self, s: &syn::Stmt, is_last: bool) -> Shape {
        match s {
            syn::Stmt::Local(l) => {
                let line = self.line(l.let_token.span);
                let mut sh = Shape::No;
                if let Some(init) = &l.init {
                    if let (syn::Pat::Ident(id), syn::Expr::Closure(c)) =
                        (&l.pat, strip_paren(&init.expr))
                    {
                        self.closures.insert(id.ident.to_string(), c.clone());
                    }
                    sh = self.expr(&init.expr);
                    if self.is_immortal_expr(&init.expr) {
                        sh = Shape::No;
                    }
                    if let Some((_, els)) = &init.diverge {
                        let saved = self.st.clone();
                        self.expr(els);
                        self.st = saved;
                    }
                }
                let before = self.scopes.last().map_or(0, |s| s.len());
                self.bind_pat(&l.pat, &sh, line);
                if l.init
                    .as_ref()
                    .is_some_and(|i| self.is_immortal_expr(&i.expr))
                {
                    let ids: Vec<usize> = self.scopes.last().unwrap()[before..]
                        .iter()
                        .map(|(_, id)| *id)
                        .collect();
                    self.immortal.extend(ids);
                }
                Shape::No
            }
            syn::Stmt::Item(_) => Shape::No,
            syn::Stmt::Expr(e, semi) => {
                let sh = self.expr(e);
                if semi.is_none() && is_last {
                    sh
                } else {
                    Shape::No
                }
            }
            syn::Stmt::Macro(m) => {
                self.mac(&m.mac);
                Shape::No
            }
        }
    }

    fn is_immortal_expr(&self, e: &syn::Expr) -> bool {
        match strip_paren(e) {
            syn::Expr::Path(p) if p.path.get_ident().is_some() => self
                .lookup(&p.path.get_ident().unwrap().to_string())
                .is_some_and(|id| self.immortal.contains(&id)),
            syn::Expr::Block(b) => {
                b.block.stmts.last().is_some_and(
                    |s| matches!(s, syn::Stmt::Expr(e, None) if self.is_immortal_expr(e)),
                )
            }
            syn::Expr::Tuple(t) => {
                !t.elems.is_empty() && t.elems.iter().all(|e| self.is_immortal_expr(e))
            }
            // the items of an old-generation tuple are old (code constants and names)
            syn::Expr::MethodCall(m)
                if m.method == "tuple_items"
                    && m.args.len() == 1
                    && self.is_immortal_expr(&m.args[0]) =>
            {
                true
            }
            syn::Expr::Try(t) => self.is_immortal_expr(&t.expr),
            syn::Expr::MethodCall(m) => {
                let name = m.method.to_string();
                if matches!(name.as_str(), "unwrap" | "expect") {
                    return self.is_immortal_expr(&m.receiver);
                }
                self.k.cfg.immortal_methods.contains(&name.as_str())
            }
            syn::Expr::Call(c) => match strip_paren(&c.func) {
                syn::Expr::Path(p) => {
                    self.is_immortal_path(&p.path)
                        || p.path.segments.last().is_some_and(|s| {
                            self.k.cfg.immortal_methods.contains(&&*s.ident.to_string())
                        })
                }
                _ => false,
            },
            syn::Expr::Path(p) => self.is_immortal_path(&p.path) && p.path.segments.len() > 1,
            syn::Expr::Field(f) => match &f.member {
                syn::Member::Named(m) => self.k.cfg.immortal_fields.contains(&&*m.to_string()),
                _ => false,
            },
            syn::Expr::Index(i) => self.is_immortal_expr(&i.expr),
            syn::Expr::If(i) => {
                let t = i.then_branch.stmts.last().is_some_and(
                    |s| matches!(s, syn::Stmt::Expr(e, None) if self.is_immortal_expr(e)),
                );
                let e = match &i.else_branch {
                    Some((_, e)) => match &**e {
                        syn::Expr::Block(b) => b.block.stmts.last().is_some_and(
                            |s| matches!(s, syn::Stmt::Expr(e, None) if self.is_immortal_expr(e)),
                        ),
                        e => self.is_immortal_expr(e),
                    },
                    None => false,
                };
                t && e
            }
            _ => false,
        }
    }

    fn is_immortal_path(&self, p: &syn::Path) -> bool {
        let s: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        let n = s.len();
        let full = s.join("::");
        let tail2 = if n >= 2 {
            format!("{}::{}", s[n - 2], s[n - 1])
        } else {
            full.clone()
        };
        self.k
            .cfg
            .immortal_paths
            .iter()
            .any(|i| *i == full || *i == tail2)
    }

    // ---- expressions ----------------------------------------------------------------------------

    fn exprs<'e>(&mut self, es: impl IntoIterator<Item = &'e syn::Expr>) -> Vec<Shape> {
        es.into_iter().map(|e| self.expr(e)).collect()
    }

    fn expr(&mut self, e: &syn::Expr) -> Shape {
        use syn::Expr as E;
        match e {
            E::Path(p) => {
                if let Some(id) = p.path.get_ident() {
                    if let Some(v) = self.lookup(&id.to_string()) {
                        self.use_var(v, self.line(id.span()));
                        return if self.vars[v].exempt {
                            Shape::No
                        } else {
                            self.vars[v].shape.clone()
                        };
                    }
                }
                Shape::No
            }
            E::Assign(a) => {
                let sh = self.expr(&a.right);
                let sh = if self.is_immortal_expr(&a.right) {
                    Shape::No
                } else {
                    sh
                };
                self.assign_to(&a.left, &sh);
                Shape::No
            }
            E::Binary(b) => {
                let compound = matches!(
                    b.op,
                    syn::BinOp::AddAssign(_)
                        | syn::BinOp::SubAssign(_)
                        | syn::BinOp::MulAssign(_)
                        | syn::BinOp::DivAssign(_)
                        | syn::BinOp::RemAssign(_)
                        | syn::BinOp::BitOrAssign(_)
                        | syn::BinOp::BitAndAssign(_)
                        | syn::BinOp::BitXorAssign(_)
                        | syn::BinOp::ShlAssign(_)
                        | syn::BinOp::ShrAssign(_)
                );
                if compound {
                    self.expr(&b.right);
                    self.expr(&b.left);
                } else if matches!(b.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) {
                    self.expr(&b.left);
                    let saved = self.st.clone();
                    self.expr(&b.right);
                    self.st.join(&saved);
                } else {
                    self.expr(&b.left);
                    self.expr(&b.right);
                }
                Shape::No
            }
            E::Unary(u) => {
                let s = self.expr(&u.expr);
                match u.op {
                    syn::UnOp::Deref(_) => s.project(),
                    _ => Shape::No,
                }
            }
            E::Paren(p) => self.expr(&p.expr),
            E::Group(p) => self.expr(&p.expr),
            E::Reference(r) => {
                let s = self.expr(&r.expr);
                if self.rooted_in_vm(&r.expr) && s.has_refs() {
                    Shape::Borrowed
                } else {
                    s
                }
            }
            E::Field(f) => {
                let base = self.expr(&f.base);
                match &f.member {
                    syn::Member::Named(m) => {
                        let m = m.to_string();
                        if self.k.cfg.immortal_fields.contains(&m.as_str()) {
                            Shape::No
                        } else if base.has_refs() || self.rooted_in_vm(&f.base) {
                            self.k.structs.fields.get(&m).cloned().unwrap_or(Shape::No)
                        } else {
                            Shape::No
                        }
                    }
                    syn::Member::Unnamed(i) => match base {
                        Shape::Tuple(v) => v.get(i.index as usize).cloned().unwrap_or(Shape::No),
                        s => s.project(),
                    },
                }
            }
            E::Index(i) => {
                let b = self.expr(&i.expr);
                self.expr(&i.index);
                b.project()
            }
            E::Cast(c) => {
                let s = self.expr(&c.expr);
                let t = type_shape(&c.ty, &self.k.structs, &self.k.cfg, false);
                match &*c.ty {
                    syn::Type::Ptr(_) => t,
                    _ if t.has_refs() => s,
                    _ => Shape::No,
                }
            }
            E::Tuple(t) => {
                let v = self.exprs(&t.elems);
                if v.iter().any(|s| s.has_refs()) {
                    Shape::Tuple(v)
                } else {
                    Shape::No
                }
            }
            E::Array(a) => {
                let v = self.exprs(&a.elems);
                v.iter()
                    .fold(Shape::No, |a, b| Shape::join(&a, &b.project()))
            }
            E::Repeat(r) => {
                let s = self.expr(&r.expr);
                self.expr(&r.len);
                s.project()
            }
            E::Struct(s) => {
                let mut any = false;
                for f in &s.fields {
                    any |= self.expr(&f.expr).has_refs();
                }
                if let Some(r) = &s.rest {
                    self.expr(r);
                }
                let name = s
                    .path
                    .segments
                    .last()
                    .map(|s| s.ident.to_string())
                    .unwrap_or_default();
                if self.k.cfg.exempt_structs.contains(&name.as_str()) {
                    Shape::No
                } else if any || self.k.structs.by_name.get(&name).copied().unwrap_or(false) {
                    Shape::Val
                } else {
                    Shape::No
                }
            }
            E::Lit(_) | E::Verbatim(_) | E::Infer(_) => Shape::No,
            E::Range(r) => {
                if let Some(s) = &r.start {
                    self.expr(s);
                }
                if let Some(s) = &r.end {
                    self.expr(s);
                }
                Shape::No
            }
            E::Try(t) => {
                if let Some(p) = tried_call(t) {
                    self.tried.insert(p);
                }
                self.expr(&t.expr)
            }
            E::Block(b) => self.labeled_block(b),
            E::Unsafe(u) => self.block(&u.block),
            E::Const(c) => self.block(&c.block),
            E::If(i) => self.if_expr(i),
            E::Match(m) => {
                let sh = self.expr(&m.expr);
                let entry = self.st.clone();
                let mut out = State::dead(self.nvars());
                let mut res = Shape::No;
                for arm in &m.arms {
                    self.st = entry.clone();
                    self.scopes.push(vec![]);
                    self.bind_pat(&arm.pat, &sh, 0);
                    if let Some((_, g)) = &arm.guard {
                        self.expr(g);
                    }
                    let r = self.expr(&arm.body);
                    res = Shape::join(&res, &r);
                    self.scopes.pop();
                    out.join(&self.st);
                }
                self.st = out;
                res
            }
            E::Let(l) => {
                // Only reached outside if/while conditions (e.g. in `matches!`-like positions).
                let sh = self.expr(&l.expr);
                self.bind_pat(&l.pat, &sh, 0);
                Shape::No
            }
            E::While(w) => {
                let label = w.label.as_ref().map(|l| l.name.ident.to_string());
                self.looping(label, true, |a| {
                    a.scopes.push(vec![]);
                    a.cond(&w.cond);
                    let after_cond = a.st.clone();
                    a.block(&w.body);
                    a.scopes.pop();
                    Some(after_cond)
                });
                Shape::No
            }
            E::ForLoop(f) => {
                let it = self.expr(&f.expr);
                let label = f.label.as_ref().map(|l| l.name.ident.to_string());
                self.looping(label, true, |a| {
                    a.scopes.push(vec![]);
                    a.bind_pat(&f.pat, &it.project(), 0);
                    a.block(&f.body);
                    a.scopes.pop();
                    None
                });
                Shape::No
            }
            E::Loop(l) => {
                let label = l.label.as_ref().map(|l| l.name.ident.to_string());
                self.looping(label, false, |a| {
                    a.block(&l.body);
                    None
                });
                Shape::No
            }
            E::Break(b) => {
                if let Some(e) = &b.expr {
                    self.expr(e);
                }
                let label = b.label.as_ref().map(|l| l.ident.to_string());
                let st = self.st.clone();
                if let Some(l) = self.find_loop(label) {
                    l.breaks.join(&st);
                }
                self.st.reachable = false;
                Shape::No
            }
            E::Continue(c) => {
                let label = c.label.as_ref().map(|l| l.ident.to_string());
                let st = self.st.clone();
                if let Some(l) = self.find_loop(label) {
                    l.conts.join(&st);
                }
                self.st.reachable = false;
                Shape::No
            }
            E::Return(r) => {
                if let Some(e) = &r.expr {
                    self.expr(e);
                }
                let st = self.st.clone();
                if let Some(x) = self.exits.last_mut() {
                    x.join(&st);
                }
                self.st.reachable = false;
                Shape::No
            }
            E::Closure(c) => {
                // A closure passed along (not bound by `let`): it may run now or later; its effects
                // are joined with the path where it does not run.
                let saved = self.st.clone();
                self.inline_closure(c, &[]);
                self.st.join(&saved);
                Shape::No
            }
            E::Macro(m) => {
                self.mac(&m.mac);
                Shape::No
            }
            E::MethodCall(m) => self.method_call(m),
            E::Call(c) => self.call(c),
            E::Async(_) | E::Await(_) | E::Yield(_) | E::TryBlock(_) => Shape::No,
            _ => Shape::No,
        }
    }

    fn labeled_block(&mut self, b: &syn::ExprBlock) -> Shape {
        if let Some(l) = &b.label {
            // `'a: { ... break 'a ... }`
            let label = Some(l.name.ident.to_string());
            let n = self.nvars();
            self.loops.push(LoopCtx {
                label,
                breaks: State::dead(n),
                conts: State::dead(n),
            });
            let s = self.block(&b.block);
            let l = self.loops.pop().unwrap();
            self.st.join(&l.breaks);
            s
        } else {
            self.block(&b.block)
        }
    }

    fn find_loop(&mut self, label: Option<String>) -> Option<&mut LoopCtx> {
        match label {
            None => self.loops.iter_mut().rev().find(|_| true),
            Some(l) => self
                .loops
                .iter_mut()
                .rev()
                .find(|c| c.label.as_deref() == Some(&l)),
        }
    }

    /// Runs a loop body twice (so that a use early in the body sees a GC point later in the body).
    /// `body` returns the state after the loop condition (the exit path of `while`), if any.
    fn looping(
        &mut self,
        label: Option<String>,
        may_skip: bool,
        body: impl Fn(&mut Self) -> Option<State>,
    ) {
        let entry = self.st.clone();
        let mut exit = if may_skip {
            entry.clone()
        } else {
            State::dead(self.nvars())
        };
        for _pass in 0..2 {
            let n = self.nvars();
            self.loops.push(LoopCtx {
                label: label.clone(),
                breaks: State::dead(n),
                conts: State::dead(n),
            });
            if let Some(c) = body(self) {
                exit.join(&c);
            }
            let l = self.loops.pop().unwrap();
            exit.join(&l.breaks);
            let mut end = self.st.clone();
            end.join(&l.conts);
            if may_skip {
                exit.join(&end);
            }
            // next iteration starts from the entry or the end of this one
            let mut next = entry.clone();
            next.join(&end);
            self.st = next;
        }
        self.st = exit;
    }

    fn cond(&mut self, c: &syn::Expr) {
        match c {
            syn::Expr::Let(l) => {
                let sh = self.expr(&l.expr);
                self.bind_pat(&l.pat, &sh, 0);
            }
            syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                self.cond(&b.left);
                self.cond(&b.right);
            }
            e => {
                self.expr(e);
            }
        }
    }

    fn if_expr(&mut self, i: &syn::ExprIf) -> Shape {
        self.scopes.push(vec![]);
        self.cond(&i.cond);
        let after_cond = self.st.clone();
        let t = self.block(&i.then_branch);
        self.scopes.pop();
        let then_state = std::mem::replace(&mut self.st, after_cond);
        let e = match &i.else_branch {
            Some((_, e)) => self.expr(e),
            None => Shape::No,
        };
        self.st.join(&then_state);
        Shape::join(&t, &e)
    }

    fn assign_to(&mut self, lhs: &syn::Expr, sh: &Shape) {
        match lhs {
            syn::Expr::Path(p) if p.path.get_ident().is_some() => {
                let name = p.path.get_ident().unwrap().to_string();
                if let Some(id) = self.lookup(&name) {
                    self.kill(id, sh);
                }
            }
            syn::Expr::Tuple(t) => {
                for (j, e) in t.elems.iter().enumerate() {
                    let s = match sh {
                        Shape::Tuple(v) if v.len() == t.elems.len() => v[j].clone(),
                        s => s.project(),
                    };
                    self.assign_to(e, &s);
                }
            }
            syn::Expr::Paren(p) => self.assign_to(&p.expr, sh),
            e => {
                // a place expression: its operands are read after the right-hand side
                self.expr(e);
            }
        }
    }

    /// Is `e` a place inside the VM (`self.roots.stack`, `vm.heap`)? A reference to it is a borrow.
    fn rooted_in_vm(&self, e: &syn::Expr) -> bool {
        match strip_paren(e) {
            syn::Expr::Path(p) => p.path.get_ident().is_some_and(|i| {
                i == "self" && self.ctx.self_ty.as_deref() == Some("Vm")
                    || self.ctx.vm_names.contains(&i.to_string())
            }),
            syn::Expr::Field(f) => self.rooted_in_vm(&f.base),
            syn::Expr::Index(i) => self.rooted_in_vm(&i.expr),
            syn::Expr::MethodCall(m) => {
                matches!(
                    m.method.to_string().as_str(),
                    "iter" | "last" | "first" | "get" | "last_mut" | "get_mut" | "iter_mut"
                ) && self.rooted_in_vm(&m.receiver)
            }
            _ => false,
        }
    }

    fn method_call(&mut self, m: &syn::ExprMethodCall) -> Shape {
        let name = m.method.to_string();
        // `items.len()` on a local Vec/slice reads no GC reference
        let recv = match strip_paren(&m.receiver) {
            syn::Expr::Path(p)
                if p.path.get_ident().is_some()
                    && matches!(name.as_str(), "len" | "is_empty" | "capacity") =>
            {
                Shape::No
            }
            r => self.expr(r),
        };
        let args = self.exprs(&m.args);
        let line = self.line(m.method.span());
        let callee = self.k.resolve_method(&self.ctx, &m.receiver, &name);
        let tried = self.tried.contains(&pos(&syn::Expr::MethodCall(m.clone())));
        if !matches!(&callee, Callee::Heap(_))
            && !matches!(&callee, Callee::Fns(v) if v.iter().any(|&i| self.k.fns[i].self_ty.as_deref() == Some("Vm")))
            && self.k.vm_method_collects(&name)
            && !STD_NAMES.contains(&name.as_str())
        {
            self.unresolved
                .push(format!("{}:{} `.{name}(..)`", self.src.path, line));
        }
        if let Some(g) = self.k.collects(&callee, tried) {
            let label = if g == name || g.ends_with(&format!("::{name}")) {
                g
            } else {
                format!("{name}` (via `{g}")
            };
            self.gc_point(label, line);
        }
        match callee {
            Callee::Fns(v) => v
                .iter()
                .fold(Shape::No, |a, &i| Shape::join(&a, &self.k.fns[i].ret)),
            _ => {
                if name == "enumerate" && recv.has_refs() {
                    Shape::Tuple(vec![Shape::No, recv])
                } else if OWNING.contains(&name.as_str()) {
                    recv.project()
                } else if PRESERVING.contains(&name.as_str()) {
                    let r = if self.rooted_in_vm(&m.receiver) && recv.has_refs() {
                        Shape::Borrowed
                    } else {
                        recv
                    };
                    if matches!(name.as_str(), "unwrap_or" | "unwrap_or_else") {
                        args.iter().fold(r, |a, b| Shape::join(&a, b))
                    } else {
                        r
                    }
                } else {
                    Shape::No
                }
            }
        }
    }

    fn call(&mut self, c: &syn::ExprCall) -> Shape {
        let line = self.line(c.span());
        match strip_paren(&c.func) {
            syn::Expr::Closure(cl) => {
                // immediately invoked closure
                let args = self.exprs(&c.args);
                self.inline_closure(cl, &args)
            }
            syn::Expr::Path(p) => {
                let name = p
                    .path
                    .segments
                    .last()
                    .map(|s| s.ident.to_string())
                    .unwrap_or_default();
                if p.path.segments.len() == 1 && self.lookup(&name).is_some() {
                    if let Some(cl) = self.closures.get(&name).cloned() {
                        let args = self.exprs(&c.args);
                        return self.inline_closure(&cl, &args);
                    }
                }
                if p.path.segments.len() == 1 {
                    if let Some(v) = self.lookup(&name) {
                        self.use_var(v, line);
                    }
                }
                let args = self.exprs(&c.args);
                let callee = self.k.resolve_path_call(&self.ctx, &p.path);
                let tried = self.tried.contains(&pos(&syn::Expr::Call(c.clone())));
                if let Some(g) = self.k.collects(&callee, tried) {
                    self.gc_point(g, line);
                }
                if self.is_immortal_path(&p.path) {
                    return Shape::No;
                }
                match callee {
                    Callee::Fns(v) => v
                        .iter()
                        .fold(Shape::No, |a, &i| Shape::join(&a, &self.k.fns[i].ret)),
                    _ => {
                        let ctor = name.chars().next().is_some_and(|c| c.is_uppercase());
                        if ctor {
                            args.iter().fold(Shape::No, |a, b| Shape::join(&a, b))
                        } else {
                            Shape::No
                        }
                    }
                }
            }
            f => {
                self.expr(f);
                self.exprs(&c.args);
                self.gc_point("a call through a fn pointer".into(), line);
                Shape::No
            }
        }
    }

    fn inline_closure(&mut self, c: &syn::ExprClosure, args: &[Shape]) -> Shape {
        if self.inline_depth > 3 {
            return Shape::No;
        }
        self.inline_depth += 1;
        self.scopes.push(vec![]);
        for (j, p) in c.inputs.iter().enumerate() {
            let sh = args.get(j).cloned().unwrap_or(Shape::No);
            self.bind_pat(p, &sh, 0);
        }
        self.exits.push(State::dead(self.nvars()));
        let saved_loops = std::mem::take(&mut self.loops);
        let r = self.expr(&c.body);
        self.loops = saved_loops;
        let ex = self.exits.pop().unwrap();
        self.st.join(&ex);
        self.scopes.pop();
        self.inline_depth -= 1;
        r
    }

    fn mac(&mut self, m: &syn::Macro) {
        let name = m
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        let es = macro_exprs(m);
        if es.is_empty() && !m.tokens.is_empty() {
            let mut ids = BTreeSet::new();
            macro_idents(&m.tokens, &mut ids);
            for (id, line) in ids {
                if let Some(v) = self.lookup(&id) {
                    self.use_var(v, line);
                }
            }
        } else {
            for e in &es {
                self.expr(e);
            }
            // format strings: `{x}` captures
            if let Some(syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            })) = es.first()
            {
                let text = s.value();
                let line = self.line(s.span());
                for part in text.split('{').skip(1) {
                    let id: String = part
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if let Some(v) = self.lookup(&id) {
                        self.use_var(v, line);
                    }
                }
            }
        }
        if DIVERGING_MACROS.contains(&name.as_str()) {
            self.st.reachable = false;
        }
    }
}

fn strip_paren(e: &syn::Expr) -> &syn::Expr {
    match e {
        syn::Expr::Paren(p) => strip_paren(&p.expr),
        syn::Expr::Group(p) => strip_paren(&p.expr),
        e => e,
    }
}

// ---- the whole crate ------------------------------------------------------------------------------

pub struct Report {
    pub findings: Vec<Finding>,
    pub gc_safe: Vec<GcSafe>,
    /// `// gc-safe:` comments without a reason (not honoured).
    pub gc_safe_without_reason: Vec<String>,
    pub no_collect_claims: Vec<String>,
    pub unresolved: Vec<String>,
    pub nfns: usize,
    pub ncollecting: usize,
}

pub fn analyze(sources: Vec<Source>, cfg: Config) -> Report {
    let mut bad_safe = Vec::new();
    for s in &sources {
        for (i, l) in s.lines.iter().enumerate() {
            if l.contains("// gc-safe:") && s.gc_safe_on(i + 1).is_none() {
                bad_safe.push(format!("{}:{}", s.path, i + 1));
            }
        }
    }
    let k = Crate::build(sources, cfg);
    let mut findings = Vec::new();
    let mut gc_safe = Vec::new();
    let mut claims = Vec::new();
    let mut unresolved = Vec::new();
    for i in 0..k.fns.len() {
        let f = &k.fns[i];
        if f.no_collect {
            claims.push(format!("{}:{}", k.files[f.file].path, f.display()));
            if let Some(why) = &k.body_collects[i] {
                findings.push(Finding {
                    file: k.files[f.file].path.clone(),
                    func: f.display(),
                    local: "<no-collect>".into(),
                    bind_line: f.line,
                    gc_call: why.clone(),
                    gc_line: f.line,
                    use_line: f.line,
                });
            }
        }
        let (fi, gs, un) = Analyzer::run(&k, i);
        unresolved.extend(un);
        findings.extend(fi);
        gc_safe.extend(gs);
    }
    findings.sort();
    findings.dedup();
    gc_safe.sort();
    gc_safe.dedup();
    claims.sort();
    Report {
        findings,
        gc_safe,
        gc_safe_without_reason: bad_safe,
        no_collect_claims: claims,
        unresolved: {
            unresolved.sort();
            unresolved.dedup();
            unresolved
        },
        nfns: k.fns.len(),
        ncollecting: k.may_collect.iter().filter(|b| **b).count(),
    }
}
