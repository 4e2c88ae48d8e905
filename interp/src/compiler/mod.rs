//! AST -> bytecode compiler: the entry point, compile errors, the line index and the compiler state
//! shared by the statement/expression/function submodules.
//!
//! Pipeline: source text (decoded from bytes by `encoding`, PEP 263) -> identifiers NFKC-normalised
//! (`nfkc`) -> `rustpython-parser` AST -> `symtable` (scope analysis) -> `Compiler` (one `CodeBuilder`
//! per code unit; `emit` patches labels, builds the line table and computes the stack depth).

mod annotations;
mod asyncs;
mod const_sets;
mod emit;
pub mod encoding;
mod expr;
mod flow;
mod fold;
mod func;
mod mixed_except;
mod nfkc;
mod patterns;
mod stackdepth;
mod stmt;
mod surrogates;
mod symtable;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_flow;
mod trystar;

use crate::bytecode::{CodeKind, CodeUnit, Const, Op};
use emit::CodeBuilder;
use flow::FBlock;
use rustpython_parser::ast::{self, Ranged};
use rustpython_parser::text_size::TextSize;
use rustpython_parser::{parse, Mode, ParseError};
use symtable::{ScopeKind, SymScope, SymbolTable};

/// A compile-time error, reported by the VM as a Python exception of class `kind` (usually "SyntaxError";
/// "IndentationError"/"TabError" for indentation problems, both subclasses of SyntaxError).
#[derive(Debug, Clone)]
pub struct CompileError {
    pub kind: &'static str,
    pub msg: String,
    pub filename: String,
    pub line: u32,
    pub col: u32,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "File \"{}\", line {}\n{}: {}",
            self.filename, self.line, self.kind, self.msg
        )
    }
}

impl std::error::Error for CompileError {}

pub(crate) type CResult<T> = Result<T, CompileError>;

/// Compiles a module. `interactive` (REPL) makes expression statements print their value (PrintExpr).
pub fn compile(source: &str, filename: &str, interactive: bool) -> Result<CodeUnit, CompileError> {
    let mode = if interactive {
        CompileMode::Single
    } else {
        CompileMode::Exec
    };
    compile_mode(source, filename, mode)
}

/// The three modes of the `compile()` builtin.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CompileMode {
    /// A module: statements, returns None.
    Exec,
    /// One expression, whose value the code returns (`eval`).
    Eval,
    /// Statements whose expression values are printed (the REPL; `compile(..., 'single')`).
    Single,
}

/// Compiles `source` in `mode` into a module-level code unit (names resolve through the frame's
/// locals dict, then globals, then builtins).
pub fn compile_mode(
    source: &str,
    filename: &str,
    mode: CompileMode,
) -> Result<CodeUnit, CompileError> {
    let pmode = if mode == CompileMode::Eval {
        Mode::Expression
    } else {
        Mode::Module
    };
    let normalized = nfkc::normalize_identifiers(source, pmode);
    let source: &str = &normalized;
    let index = LineIndex::new(source);
    let mut module = parse(source, pmode, filename).map_err(|e| {
        let mut err = parse_error(e, &index, filename);
        if err.kind == "SyntaxError" {
            if let Some((line, col)) = mixed_except::find(source) {
                err.msg = "cannot have both 'except' and 'except*' on the same 'try'".into();
                (err.line, err.col) = (line, col);
            }
        }
        err
    })?;
    if surrogates::has_surrogate_escape(source) {
        module = surrogates::fix_literals(source, module);
    }
    let body = match module {
        ast::Mod::Module(m) => m.body,
        ast::Mod::Interactive(m) => m.body,
        ast::Mod::Expression(e) => {
            let range = e.body.range();
            vec![ast::Stmt::Expr(ast::StmtExpr {
                value: e.body,
                range,
            })]
        }
        _ => Vec::new(),
    };
    let table = symtable::build(&body, &index, filename)?;
    let mut c = Compiler::new(table, &index, filename, mode == CompileMode::Single);
    if mode == CompileMode::Eval {
        c.compile_eval(&body)
    } else {
        c.compile_module(&body)
    }
}

fn parse_error(e: ParseError, index: &LineIndex, filename: &str) -> CompileError {
    let (line, col) = index.line_col(e.offset);
    let kind = if e.error.is_tab_error() {
        "TabError"
    } else if e.error.is_indentation_error() {
        "IndentationError"
    } else {
        "SyntaxError"
    };
    CompileError {
        kind,
        msg: e.error.to_string(),
        filename: filename.to_string(),
        line,
        col,
    }
}

/// Maps byte offsets to 1-based (line, column).
pub(crate) struct LineIndex<'s> {
    src: &'s str,
    starts: Vec<u32>,
}

impl<'s> LineIndex<'s> {
    pub(crate) fn new(src: &'s str) -> Self {
        let mut starts = vec![0u32];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { src, starts }
    }

    pub(crate) fn line(&self, off: TextSize) -> u32 {
        let off = u32::from(off);
        match self.starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    pub(crate) fn line_col(&self, off: TextSize) -> (u32, u32) {
        let line = self.line(off);
        let start = self.starts[line as usize - 1] as usize;
        let end = (u32::from(off) as usize).min(self.src.len());
        let col = self
            .src
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        (line, col as u32 + 1)
    }
}

/// Mangles a private name (`__x` inside class `C` -> `_C__x`), as CPython does.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    if let Some(class) = private {
        if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') {
            let stripped = class.trim_start_matches('_');
            if !stripped.is_empty() {
                return format!("_{stripped}{name}");
            }
        }
    }
    name.to_string()
}

/// One code unit being compiled.
pub(crate) struct Unit<'a> {
    pub b: CodeBuilder,
    pub scope: usize,
    pub kind: CodeKind,
    pub name: String,
    pub qualname: String,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<String>,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
}

/// How a name is accessed from the current scope.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

pub(crate) struct Compiler<'a> {
    pub filename: String,
    pub index: &'a LineIndex<'a>,
    pub st: SymbolTable,
    pub interactive: bool,
    pub unit: Unit<'a>,
    pub outer: Vec<Unit<'a>>,
    /// The module's constant frozensets, by first occurrence (iteration order; const_sets.rs).
    pub const_sets: const_sets::ConstSets<'a>,
    /// Integer constant folding (fold.rs).
    pub folder: fold::Folder,
}

impl<'a> Compiler<'a> {
    fn new(st: SymbolTable, index: &'a LineIndex<'a>, filename: &str, interactive: bool) -> Self {
        let unit = Unit {
            b: CodeBuilder::new(1),
            scope: 0,
            kind: CodeKind::Module,
            name: "<module>".into(),
            qualname: "<module>".into(),
            fblocks: Vec::new(),
            private: None,
            firstlineno: 1,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkw: false,
        };
        Compiler {
            filename: filename.to_string(),
            index,
            st,
            interactive,
            unit,
            outer: Vec::new(),
            const_sets: Default::default(),
            folder: Default::default(),
        }
    }

    fn compile_module(&mut self, body: &'a [ast::Stmt]) -> CResult<CodeUnit> {
        if let Some(first) = body.first() {
            self.set_line(first.start());
        }
        if let Some(doc) = docstring(body).filter(|_| !self.interactive) {
            self.load_const(Const::Str(doc.to_string()));
            let n = self.unit.b.name("__doc__");
            self.emit(Op::StoreName, n);
        }
        self.setup_annotations(body);
        self.compile_body(body)?;
        self.load_const(Const::None);
        self.emit(Op::ReturnValue, 0);
        let blank = self.blank_unit();
        let unit = std::mem::replace(&mut self.unit, blank);
        self.finish_unit(unit)
    }

    /// An `eval` body: the single expression statement's value is returned.
    fn compile_eval(&mut self, body: &'a [ast::Stmt]) -> CResult<CodeUnit> {
        if let [ast::Stmt::Expr(e)] = body {
            self.set_line(e.value.start());
            self.compile_expr(&e.value)?;
        } else {
            self.load_const(Const::None);
        }
        self.emit(Op::ReturnValue, 0);
        let blank = self.blank_unit();
        let unit = std::mem::replace(&mut self.unit, blank);
        self.finish_unit(unit)
    }

    fn blank_unit(&self) -> Unit<'a> {
        Unit {
            b: CodeBuilder::new(0),
            scope: 0,
            kind: CodeKind::Module,
            name: String::new(),
            qualname: String::new(),
            fblocks: Vec::new(),
            private: None,
            firstlineno: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            has_varargs: false,
            has_varkw: false,
        }
    }

    /// Turns a finished unit into a `CodeUnit` (patching jumps and computing the stack size).
    fn finish_unit(&self, u: Unit<'a>) -> CResult<CodeUnit> {
        let is_generator = self.st.scopes[u.scope].is_generator;
        let is_async = self.st.scopes[u.scope].is_async;
        let flags = self.co_flags(&u, is_generator, is_async);
        let name = u.name.clone();
        let line = u.firstlineno;
        u.b.finish(emit::Meta {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            kind: u.kind,
            is_generator,
            is_async,
            flags,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            has_varargs: u.has_varargs,
            has_varkw: u.has_varkw,
            firstlineno: u.firstlineno,
        })
        .map_err(|msg| CompileError {
            kind: "SystemError",
            msg: format!("internal compiler error in {name}: {msg}"),
            filename: self.filename.clone(),
            line,
            col: 1,
        })
    }

    /// CPython's co_flags for unit `u` (finished after its parent became `self.unit` again).
    fn co_flags(&self, u: &Unit<'a>, is_generator: bool, is_async: bool) -> u32 {
        let func_like = |k: CodeKind| !matches!(k, CodeKind::Module | CodeKind::Class);
        let mut f = 0;
        if func_like(u.kind) {
            f |= 0x1 | 0x2; // CO_OPTIMIZED | CO_NEWLOCALS
        }
        if u.has_varargs {
            f |= 0x4;
        }
        if u.has_varkw {
            f |= 0x8;
        }
        let parent_is_function = !std::ptr::eq(u, &self.unit)
            && (func_like(self.unit.kind) || self.outer.iter().any(|o| func_like(o.kind)));
        if parent_is_function && u.kind != CodeKind::Module {
            f |= 0x10; // CO_NESTED
        }
        f |= match (is_generator, is_async) {
            (true, false) => 0x20,
            (false, true) => 0x80,
            (true, true) => 0x200,
            _ => 0,
        };
        f
    }

    // ---- small emission helpers ----

    pub(crate) fn emit(&mut self, op: Op, arg: u32) {
        self.unit.b.emit(op, arg);
    }

    pub(crate) fn load_const(&mut self, c: Const) {
        let i = self.unit.b.add_const(c);
        self.emit(Op::LoadConst, i);
    }

    pub(crate) fn set_line(&mut self, off: TextSize) {
        self.unit.b.line = self.index.line(off);
    }

    pub(crate) fn error(&self, off: TextSize, msg: impl Into<String>) -> CompileError {
        let (line, col) = self.index.line_col(off);
        CompileError {
            kind: "SyntaxError",
            msg: msg.into(),
            filename: self.filename.clone(),
            line,
            col,
        }
    }

    pub(crate) fn mangle(&self, name: &str) -> String {
        mangle(self.unit.private.as_deref(), name)
    }

    pub(crate) fn is_function_like(&self) -> bool {
        !matches!(
            self.st.scopes[self.unit.scope].kind,
            ScopeKind::Module | ScopeKind::Class
        )
    }

    /// Emits the load/store/delete of a (source) name according to its scope.
    pub(crate) fn name_op(&mut self, name: &str, ctx: Ctx) {
        let name = self.mangle(name);
        let scope = &self.st.scopes[self.unit.scope];
        let sym_scope = scope
            .lookup(&name)
            .map_or(SymScope::GlobalImplicit, |s| s.scope);
        let function_like = self.is_function_like();
        let is_class = scope.kind == ScopeKind::Class;
        let (op, arg) = match sym_scope {
            SymScope::Free | SymScope::Cell => {
                let idx = self.deref_index(&name);
                let op = match ctx {
                    Ctx::Load if is_class => Op::LoadClassDeref,
                    Ctx::Load => Op::LoadDeref,
                    Ctx::Store => Op::StoreDeref,
                    Ctx::Del => Op::DeleteDeref,
                };
                (op, idx)
            }
            SymScope::Local if function_like => {
                let idx = self.unit.b.varname(&name);
                (pick(ctx, Op::LoadFast, Op::StoreFast, Op::DeleteFast), idx)
            }
            SymScope::GlobalExplicit => (
                pick(ctx, Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal),
                self.unit.b.name(&name),
            ),
            SymScope::GlobalImplicit if function_like => (
                pick(ctx, Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal),
                self.unit.b.name(&name),
            ),
            _ => (
                pick(ctx, Op::LoadName, Op::StoreName, Op::DeleteName),
                self.unit.b.name(&name),
            ),
        };
        self.emit(op, arg);
    }

    /// Index of a cell or free variable (cellvars first, then freevars).
    pub(crate) fn deref_index(&mut self, name: &str) -> u32 {
        let b = &mut self.unit.b;
        if let Some(i) = b.cellvars.iter().position(|n| n == name) {
            return i as u32;
        }
        if let Some(i) = b.freevars.iter().position(|n| n == name) {
            return (b.cellvars.len() + i) as u32;
        }
        // Should not happen with a consistent symbol table; keep going with a fresh free variable.
        b.freevars.push(name.to_string());
        (b.cellvars.len() + b.freevars.len() - 1) as u32
    }

    /// Compiles a statement list.
    pub(crate) fn compile_body(&mut self, body: &'a [ast::Stmt]) -> CResult<()> {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }
}

fn pick(ctx: Ctx, load: Op, store: Op, del: Op) -> Op {
    match ctx {
        Ctx::Load => load,
        Ctx::Store => store,
        Ctx::Del => del,
    }
}

/// The docstring of a body: its first statement when it is a string constant.
pub(crate) fn docstring(body: &[ast::Stmt]) -> Option<&str> {
    if let Some(ast::Stmt::Expr(e)) = body.first() {
        if let ast::Expr::Constant(c) = &*e.value {
            if let ast::Constant::Str(s) = &c.value {
                return Some(s.as_str());
            }
        }
    }
    None
}
