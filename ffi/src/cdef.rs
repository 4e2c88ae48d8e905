//! The `ffi.cdef()` parser and the declarations it produces, plus the parser for standalone
//! type strings (`ffi.new("int[10]")`, `ffi.typeof("int(*)(int)")`, `ffi.callback("int(int)")`).
//!
//! [`Declarations`] is the state of one FFI object: its [`TypeTable`], typedefs and the names a
//! `lib` exposes (functions, globals, integer constants, constants the compiler must give).
//! Invariants:
//! - cdef sources are parsed without a preprocessor; `#define NAME <int literal or ...>` is the
//!   only directive (plus line markers), as in CFFI.
//! - Re-declaring a name with the same meaning is a no-op; with a different one it is an
//!   FFIError unless `override` is set. Struct bodies may only be given once.
//! - After every successful `cdef`, struct layouts are computed for all complete structs.
//! - Parsed type strings are cached; the cache is cleared whenever declarations change.

use crate::ctype::{Member, TypeId, TypeKind, TypeTable};
use crate::error::{Error, ErrorKind, Result};
use crate::lexer::{lex, parse_int_literal, syntax_error, Lexed, Tok, Token};
use std::collections::HashMap;

/// Options of one `ffi.cdef()` call.
#[derive(Clone, Debug, Default)]
pub struct CdefOptions {
    /// `packed=True`: every struct/union of this cdef is packed (alignment 1).
    pub packed: bool,
    /// `pack=n`: maximum field alignment.
    pub pack: Option<usize>,
    /// `override=True`: later declarations replace earlier conflicting ones.
    pub override_: bool,
    /// `ffi.embedding_api(...)`: every function declared is an `extern "Python"` function that
    /// the built library exports (CFFI's `dllexport`); see [`Declarations::exported`].
    pub dllexport: bool,
}

/// One name visible on a `lib` object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decl {
    /// A function; `ty` is its function type. `extern_python` for `extern "Python"` (API mode).
    Function { ty: TypeId, extern_python: bool },
    /// A global variable (`extern int optind;`).
    Variable { ty: TypeId },
    /// An integer constant: `#define X 42`, enum values, `static const int X = 5;`.
    /// `enum_type` is set for enumerators.
    IntConstant {
        value: i128,
        enum_type: Option<TypeId>,
    },
    /// A constant whose value only the compiler knows: `#define X ...` (`ty == None`),
    /// `static const T X;` / `T *const X;`, enumerators `A = ...` (`ty` = the enum).
    FromCompiler { ty: Option<TypeId> },
}

impl Decl {
    fn kind_word(&self) -> &'static str {
        match self {
            Decl::Function { .. } => "function",
            Decl::Variable { .. } => "variable",
            Decl::IntConstant { .. } => "constant",
            Decl::FromCompiler { .. } => "constant",
        }
    }
}

/// A typedef: the type it names; `raw_function` when it names a function type (`typedef int
/// fn_t(int);`), usable in declarations (`fn_t abs;`) and as `fn_t *`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Typedef {
    pub ty: TypeId,
    pub raw_function: bool,
}

/// All declarations of one FFI object.
#[derive(Clone, Debug, Default)]
pub struct Declarations {
    pub types: TypeTable,
    typedefs: HashMap<String, Typedef>,
    typedef_order: Vec<String>,
    names: HashMap<String, Decl>,
    order: Vec<String>,
    type_cache: HashMap<String, TypeId>,
    callback_cache: HashMap<String, TypeId>,
    /// Every successful `cdef` (own and included), in order: what a compiled module replays.
    pub history: Vec<CdefRecord>,
    /// API mode: `typedef int... name` whose real type the compiler already gave (the parser
    /// then declares the typedef to this type directly).
    pub known_numbers: HashMap<String, TypeId>,
    /// Lib names that came from `include()`d FFIs (their module provides them, not ours).
    pub included_names: std::collections::HashSet<String>,
    /// Functions: the C spelling of each parameter type as written (qualifiers kept, name
    /// dropped), when known: API mode defines `extern "Python"` functions with it.
    pub c_params: HashMap<String, Vec<String>>,
    /// API mode: global arrays declared `T name[...]` (or `T name[...][N]`): the compiler gives
    /// their length (apimode.rs asks `sizeof(name) / sizeof(name[0])`).
    pub var_lengths: std::collections::HashSet<String>,
    /// Embedding: the functions declared by `embedding_api()` (always `extern "Python"`), which
    /// the built library exports under their own name (apimode_c.rs).
    pub exported: std::collections::HashSet<String>,
}

/// One recorded `cdef()` call.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CdefRecord {
    pub source: String,
    pub packed: bool,
    pub pack: Option<usize>,
    pub override_: bool,
    /// Came from an `include()`d FFI.
    pub included: bool,
    /// Came from `ffi.embedding_api()`.
    pub dllexport: bool,
}

impl CdefRecord {
    pub fn options(&self) -> CdefOptions {
        CdefOptions {
            packed: self.packed,
            pack: self.pack,
            override_: self.override_,
            dllexport: self.dllexport,
        }
    }
}

/// A type as the parser handles it: a raw function type is kept apart from a function pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Ty {
    id: TypeId,
    raw_fn: bool,
}

impl Ty {
    fn plain(id: TypeId) -> Ty {
        Ty { id, raw_fn: false }
    }
}

/// The base type of a declaration.
#[derive(Clone, Copy, Debug)]
enum Base {
    Type(Ty),
    /// `typedef int... name;`
    UnknownInt,
    /// `typedef float... name;`
    UnknownFloat,
    /// `typedef ... name;` / `typedef ... *name;`
    Opaque,
}

#[derive(Clone, Copy, Debug, Default)]
struct Storage {
    typedef: bool,
    is_static: bool,
    is_const: bool,
}

#[derive(Clone, Debug)]
enum ArrLen {
    Open,
    Known(usize),
    FromCompiler,
}

#[derive(Clone, Debug)]
enum Dtor {
    Name(Option<String>),
    Ptr(Box<Dtor>, bool),
    Array(Box<Dtor>, ArrLen),
    Func(Box<Dtor>, Vec<TypeId>, bool),
}

impl Dtor {
    fn name(&self) -> Option<&str> {
        match self {
            Dtor::Name(n) => n.as_deref(),
            Dtor::Ptr(d, _) | Dtor::Array(d, _) | Dtor::Func(d, _, _) => d.name(),
        }
    }
    fn is_plain_name(&self) -> bool {
        matches!(self, Dtor::Name(_))
    }
    fn has_compiler_length(&self) -> bool {
        match self {
            Dtor::Name(_) => false,
            Dtor::Array(_, ArrLen::FromCompiler) => true,
            Dtor::Ptr(d, _) | Dtor::Array(d, _) | Dtor::Func(d, _, _) => d.has_compiler_length(),
        }
    }
    /// `const` applies to the declared object itself (`const int X`, `int *const X`).
    fn top_const(&self, spec_const: bool) -> bool {
        match self {
            Dtor::Name(_) => spec_const,
            Dtor::Ptr(inner, c) if inner.is_plain_name() => *c,
            _ => false,
        }
    }
}

const QUALIFIERS: &[&str] = &[
    "const",
    "__const",
    "volatile",
    "__volatile__",
    "restrict",
    "__restrict",
    "__restrict__",
    "__extension__",
    "inline",
    "__inline",
    "__inline__",
    "__cdecl",
    "__stdcall",
    "__fastcall",
    "WINAPI",
    "register",
    "auto",
];

const TYPE_WORDS: &[&str] = &[
    "void",
    "char",
    "short",
    "int",
    "long",
    "float",
    "double",
    "signed",
    "unsigned",
    "_Bool",
    "_Complex",
    "__complex__",
    "__signed__",
    "__signed",
];

impl Declarations {
    pub fn new() -> Declarations {
        Declarations::default()
    }

    /// `ffi.cdef(source, packed=..., pack=..., override=...)`.
    pub fn cdef(&mut self, source: &str, opts: &CdefOptions) -> Result<()> {
        self.type_cache.clear();
        self.callback_cache.clear();
        let lexed = lex(source, 1)?;
        let pack = if opts.packed { Some(1) } else { opts.pack };
        let mut p = Parser {
            lx: &lexed,
            pos: 0,
            d: self,
            pack,
            override_: opts.override_,
            dllexport: opts.dllexport,
            type_string: None,
            param_depth: 0,
            names_seen: Vec::new(),
            last_params: None,
        };
        p.process_macros()?;
        let r = p.parse_all();
        self.types.finish_layouts();
        if r.is_ok() {
            self.history.push(CdefRecord {
                source: source.to_string(),
                packed: opts.packed,
                pack: opts.pack,
                override_: opts.override_,
                included: false,
                dllexport: opts.dllexport,
            });
        }
        r
    }

    /// Replay recorded cdefs (`include()`, loading a compiled module). Names declared by
    /// records marked `included` go to [`Declarations::included_names`].
    pub fn replay(&mut self, records: &[CdefRecord]) -> Result<()> {
        for rec in records {
            let before: std::collections::HashSet<String> = self.order.iter().cloned().collect();
            self.cdef(&rec.source, &rec.options())?;
            if let Some(last) = self.history.last_mut() {
                last.included = rec.included;
            }
            if rec.included {
                for n in &self.order {
                    if !before.contains(n) {
                        self.included_names.insert(n.clone());
                    }
                }
            }
        }
        Ok(())
    }

    /// `ffi.include(other)`: replay the other FFI's declarations here, marked as included.
    pub fn include(&mut self, other: &Declarations) -> Result<()> {
        let recs: Vec<CdefRecord> = other
            .history
            .iter()
            .map(|r| CdefRecord {
                included: true,
                ..r.clone()
            })
            .collect();
        self.replay(&recs)
    }

    /// Parse a type string as `ffi.typeof`/`ffi.new`/`ffi.cast` do. A raw function type
    /// (`"int(int)"`, a function typedef) is an error ("is a function type, not a
    /// pointer-to-function type").
    pub fn parse_type(&mut self, s: &str) -> Result<TypeId> {
        if let Some(&id) = self.type_cache.get(s) {
            return Ok(id);
        }
        let ty = self.parse_type_inner(s)?;
        if ty.raw_fn {
            return Err(Error::cdef(format!(
                "the type '{}' is a function type, not a pointer-to-function type",
                s
            )));
        }
        self.type_cache.insert(s.to_string(), ty.id);
        Ok(ty.id)
    }

    /// Parse a type string for `ffi.callback`: a function type given without `(*)` is accepted
    /// and gives the function (pointer) type.
    pub fn parse_callback_type(&mut self, s: &str) -> Result<TypeId> {
        if let Some(&id) = self.callback_cache.get(s) {
            return Ok(id);
        }
        let ty = self.parse_type_inner(s)?;
        self.callback_cache.insert(s.to_string(), ty.id);
        Ok(ty.id)
    }

    fn parse_type_inner(&mut self, s: &str) -> Result<Ty> {
        let lexed = lex(s, 2)?;
        let mut p = Parser {
            lx: &lexed,
            pos: 0,
            d: self,
            pack: None,
            override_: false,
            dllexport: false,
            type_string: Some(s),
            param_depth: 0,
            names_seen: Vec::new(),
            last_params: None,
        };
        let r = p.parse_type_name(true)?;
        if p.peek() != &Tok::Eof {
            return Err(p.syntax(None));
        }
        self.types.finish_layouts();
        Ok(r)
    }

    /// A declared name (function, variable, constant).
    pub fn lookup(&self, name: &str) -> Option<&Decl> {
        self.names.get(name)
    }

    /// All declared lib names in declaration order.
    pub fn names(&self) -> impl Iterator<Item = (&str, &Decl)> {
        self.order.iter().map(move |n| (n.as_str(), &self.names[n]))
    }

    /// The value of an integer constant (`#define`, enum value, `static const int = literal`).
    pub fn integer_const(&self, name: &str) -> Option<i128> {
        match self.names.get(name) {
            Some(Decl::IntConstant { value, .. }) => Some(*value),
            _ => None,
        }
    }

    /// A typedef by name.
    pub fn typedef(&self, name: &str) -> Option<Typedef> {
        self.typedefs.get(name).copied()
    }

    /// Replace what a typedef names (API mode: `typedef int... t` once the compiler told its
    /// size and signedness).
    pub fn set_typedef(&mut self, name: &str, ty: TypeId) {
        if !self.typedefs.contains_key(name) {
            self.typedef_order.push(name.to_string());
        }
        self.typedefs.insert(
            name.to_string(),
            Typedef {
                ty,
                raw_function: false,
            },
        );
        self.type_cache.clear();
        self.callback_cache.clear();
    }

    /// Replace a declaration (API mode: constants whose value the compiler gave).
    pub fn set_decl(&mut self, name: &str, decl: Decl) {
        if !self.names.contains_key(name) {
            self.order.push(name.to_string());
        }
        self.names.insert(name.to_string(), decl);
    }

    /// Typedef names in declaration order.
    pub fn typedef_names(&self) -> &[String] {
        &self.typedef_order
    }

    /// `ffi.list_types()`: `(typedef names, struct names, union names)`, each sorted.
    pub fn list_types(&self) -> (Vec<String>, Vec<String>, Vec<String>) {
        let mut t = self.typedef_order.clone();
        t.sort();
        let (s, u) = self.types.struct_and_union_names();
        (t, s, u)
    }

    fn declare(&mut self, name: &str, decl: Decl, override_: bool) -> Result<()> {
        if let Some(prev) = self.names.get(name) {
            if *prev == decl {
                return Ok(());
            }
            if !override_ {
                if let (Decl::IntConstant { .. }, Decl::IntConstant { .. }) = (prev, &decl) {
                    return Err(Error::ffi(format!(
                        "multiple declarations of constant: {}",
                        name
                    )));
                }
                return Err(Error::ffi(format!(
                    "multiple declarations of {} {} (for interactive usage, try cdef(xx, override=True))",
                    decl.kind_word(),
                    name
                )));
            }
        } else {
            self.order.push(name.to_string());
        }
        self.names.insert(name.to_string(), decl);
        Ok(())
    }

    fn declare_typedef(&mut self, name: &str, td: Typedef, override_: bool) -> Result<()> {
        if let Some(prev) = self.typedefs.get(name) {
            if *prev == td {
                return Ok(());
            }
            if !override_ {
                return Err(Error::ffi(format!(
                    "multiple declarations of typedef {} (for interactive usage, try cdef(xx, override=True))",
                    name
                )));
            }
        } else {
            self.typedef_order.push(name.to_string());
        }
        self.typedefs.insert(name.to_string(), td);
        Ok(())
    }

    /// Resolve an identifier used as a type name: typedefs, then CFFI's predefined names.
    fn type_name(&mut self, name: &str) -> Option<Ty> {
        if let Some(td) = self.typedefs.get(name) {
            return Some(Ty {
                id: td.ty,
                raw_fn: td.raw_function,
            });
        }
        if name.contains(' ') {
            return None;
        }
        if let Some(id) = self.types.primitive(name) {
            return Some(Ty::plain(id));
        }
        match name {
            "bool" => self.types.primitive("_Bool").map(Ty::plain),
            "FILE" => Some(Ty::plain(self.types.opaque_named("FILE"))),
            _ => None,
        }
    }

    fn is_type_name(&self, name: &str) -> bool {
        self.typedefs.contains_key(name)
            || (!name.contains(' ') && self.types.primitive(name).is_some())
            || name == "bool"
            || name == "FILE"
    }
}

struct Parser<'a> {
    lx: &'a Lexed,
    pos: usize,
    d: &'a mut Declarations,
    pack: Option<usize>,
    override_: bool,
    /// `embedding_api()`: functions are exported `extern "Python"` functions.
    dllexport: bool,
    /// Set when parsing a standalone type string (changes error messages).
    type_string: Option<&'a str>,
    /// Nesting of parameter lists, and the (depth, token index) of every declared name seen.
    param_depth: usize,
    names_seen: Vec<(usize, usize)>,
    /// Parameter spellings of the last outermost parameter list.
    last_params: Option<Vec<String>>,
}

impl<'a> Parser<'a> {
    // ---- token helpers ----

    fn tok(&self) -> &'a Token {
        &self.lx.tokens[self.pos.min(self.lx.tokens.len() - 1)]
    }
    fn peek(&self) -> &'a Tok {
        &self.tok().tok
    }
    fn peek_at(&self, n: usize) -> &'a Tok {
        &self.lx.tokens[(self.pos + n).min(self.lx.tokens.len() - 1)].tok
    }
    fn advance(&mut self) -> &'a Token {
        let t = self.tok();
        if self.pos < self.lx.tokens.len() - 1 {
            self.pos += 1;
        }
        t
    }
    fn is_punct(&self, p: &str) -> bool {
        matches!(self.peek(), Tok::Punct(q) if *q == p)
    }
    fn eat_punct(&mut self, p: &str) -> bool {
        if self.is_punct(p) {
            self.advance();
            true
        } else {
            false
        }
    }
    fn expect_punct(&mut self, p: &str) -> Result<()> {
        if self.eat_punct(p) {
            Ok(())
        } else {
            Err(self.syntax(None))
        }
    }
    fn is_ident(&self, s: &str) -> bool {
        matches!(self.peek(), Tok::Ident(i) if i == s)
    }

    // ---- errors ----

    /// A syntax error at the current token, CFFI/pycparser style.
    fn syntax(&self, detail: Option<&str>) -> Error {
        let t = self.tok();
        if let Some(ts) = self.type_string {
            if t.tok == Tok::Eof {
                return syntax_error(crate::lexer::CDEF_SOURCE_STRING, 3, 1, ");", "before: )");
            }
            let d = detail
                .map(str::to_string)
                .unwrap_or_else(|| format!("before: {}", t.text));
            return syntax_error(crate::lexer::CDEF_SOURCE_STRING, t.line, t.col, ts, &d);
        }
        let file = &self.lx.files[t.file];
        let detail = match (detail, &t.tok) {
            (Some(d), _) => d.to_string(),
            (None, Tok::Eof) => "At end of input".to_string(),
            (None, _) => format!("before: {}", t.text),
        };
        let line_text = self.lx.lines.get(t.phys).map(String::as_str).unwrap_or("");
        syntax_error(file, t.line, t.col, line_text, &detail)
    }

    /// A semantic error naming the line of token `at`: `FILE:L: message`.
    fn err_at(&self, at: &Token, kind: ErrorKind, msg: &str) -> Error {
        if self.type_string.is_some() {
            return Error::new(kind, msg.to_string());
        }
        Error::new(
            kind,
            format!("{}:{}: {}", self.lx.files[at.file], at.line, msg),
        )
    }

    /// Prefix an error from a lower layer with the line (if it has none yet).
    fn locate(&self, at: &Token, e: Error) -> Error {
        if e.kind == ErrorKind::CDef
            && !e.message.starts_with('<')
            && !e.message.starts_with("cannot parse")
        {
            self.err_at(at, e.kind, &e.message)
        } else {
            e
        }
    }

    // ---- macros ----

    fn process_macros(&mut self) -> Result<()> {
        for m in &self.lx.macros {
            let decl = if m.value == "..." {
                Decl::FromCompiler { ty: None }
            } else if let Some(v) = parse_int_literal(&m.value) {
                Decl::IntConstant {
                    value: v,
                    enum_type: None,
                }
            } else {
                return Err(Error::cdef(format!(
                    "only supports one of the following syntax:\n  #define {0} ...     (literally dot-dot-dot)\n  #define {0} NUMBER  (with NUMBER an integer constant, decimal/hex/octal)\ngot:\n  #define {0} {1}",
                    m.name, m.value
                )));
            };
            self.d.declare(&m.name, decl, self.override_)?;
        }
        Ok(())
    }

    // ---- top level ----

    fn parse_all(&mut self) -> Result<()> {
        while self.peek() != &Tok::Eof {
            self.parse_declaration()?;
        }
        Ok(())
    }

    fn parse_declaration(&mut self) -> Result<()> {
        if self.eat_punct(";") {
            return Ok(());
        }
        // extern "Python" / extern "Python+C", possibly as a { ... } block.
        if self.is_ident("extern") {
            if let Tok::Str(s) = self.peek_at(1) {
                let start = self.tok();
                if s != "Python" && s != "Python+C" && s != "C" {
                    return Err(self.err_at(
                        start,
                        ErrorKind::CDef,
                        &format!("unexpected extern \"{}\"", s),
                    ));
                }
                let python = s != "C";
                self.advance();
                self.advance();
                if self.eat_punct("{") {
                    while !self.eat_punct("}") {
                        if self.peek() == &Tok::Eof {
                            return Err(self.syntax(None));
                        }
                        self.parse_one(python)?;
                    }
                    return Ok(());
                }
                return self.parse_one(python);
            }
        }
        self.parse_one(false)
    }

    fn parse_one(&mut self, extern_python: bool) -> Result<()> {
        if self.eat_punct(";") {
            return Ok(());
        }
        let start = self.tok();
        let (storage, base) = self.parse_specs(true)?;
        if self.eat_punct(";") {
            return Ok(());
        }
        loop {
            let decl_tok = self.tok();
            self.last_params = None;
            let dtor = self.parse_declarator(false)?;
            let name = match dtor.name() {
                Some(n) => n.to_string(),
                None => return Err(self.syntax(None)),
            };
            if self.is_punct("{") {
                return Err(self.err_at(
                    start,
                    ErrorKind::CDef,
                    "unexpected <FuncDef>: this construct is valid C but not valid in cdef()",
                ));
            }
            if storage.typedef {
                self.define_typedef(&name, base, &dtor, decl_tok)?;
            } else {
                let ty = match base {
                    Base::Type(t) => t,
                    _ => return Err(self.syntax(None)),
                };
                let ty = self.apply(ty, &dtor, decl_tok)?;
                if ty.raw_fn {
                    if let Some(p) = self.last_params.take() {
                        self.d.c_params.insert(name.clone(), p);
                    }
                    let decl = Decl::Function {
                        ty: ty.id,
                        extern_python: extern_python || self.dllexport,
                    };
                    self.d
                        .declare(&name, decl, self.override_)
                        .map_err(|e| self.locate(decl_tok, e))?;
                    if self.dllexport {
                        self.d.exported.insert(name.clone());
                    }
                } else if self.eat_punct("=") {
                    let at = self.tok();
                    let value = self.parse_expr()?;
                    let is_int = self.d.types.integer_repr(ty.id).is_some();
                    let decl = match value {
                        Some(v) if is_int => Decl::IntConstant {
                            value: v,
                            enum_type: None,
                        },
                        _ => Decl::FromCompiler { ty: Some(ty.id) },
                    };
                    let _ = at;
                    self.d
                        .declare(&name, decl, self.override_)
                        .map_err(|e| self.locate(decl_tok, e))?;
                } else if dtor.top_const(storage.is_const) {
                    self.d
                        .declare(
                            &name,
                            Decl::FromCompiler { ty: Some(ty.id) },
                            self.override_,
                        )
                        .map_err(|e| self.locate(decl_tok, e))?;
                } else {
                    self.d
                        .declare(&name, Decl::Variable { ty: ty.id }, self.override_)
                        .map_err(|e| self.locate(decl_tok, e))?;
                    let open = matches!(
                        self.d.types.kind(ty.id),
                        TypeKind::Array { length: None, .. }
                    );
                    if open && dtor.has_compiler_length() {
                        self.d.var_lengths.insert(name.clone());
                    }
                }
            }
            if self.eat_punct(",") {
                continue;
            }
            if self.eat_punct(";") {
                return Ok(());
            }
            return Err(self.syntax(None));
        }
    }

    fn define_typedef(&mut self, name: &str, base: Base, dtor: &Dtor, at: &Token) -> Result<()> {
        let td = match base {
            Base::Type(t) => {
                let t = self.apply(t, dtor, at)?;
                Typedef {
                    ty: t.id,
                    raw_function: t.raw_fn,
                }
            }
            Base::UnknownInt | Base::UnknownFloat => {
                if !dtor.is_plain_name() {
                    return Err(self.err_at(
                        at,
                        ErrorKind::CDef,
                        &format!("{}: unsupported '...' type", name),
                    ));
                }
                if let Some(prev) = self.d.typedefs.get(name) {
                    if matches!(self.d.types.kind(prev.ty), TypeKind::UnknownNumber { .. }) {
                        return Ok(());
                    }
                }
                if let Some(&known) = self.d.known_numbers.get(name) {
                    return self.d.declare_typedef(
                        name,
                        Typedef {
                            ty: known,
                            raw_function: false,
                        },
                        true,
                    );
                }
                let id = self
                    .d
                    .types
                    .unknown_number(name, matches!(base, Base::UnknownFloat));
                Typedef {
                    ty: id,
                    raw_function: false,
                }
            }
            Base::Opaque => {
                let id = match dtor {
                    Dtor::Name(_) => self.d.types.opaque_named(name),
                    Dtor::Ptr(inner, _) if inner.is_plain_name() => {
                        let s = self.d.types.struct_or_union(false, &format!("$${}", name));
                        self.d.types.pointer(s)
                    }
                    _ => {
                        return Err(self.err_at(
                            at,
                            ErrorKind::CDef,
                            &format!("{}: unsupported '...' type", name),
                        ))
                    }
                };
                Typedef {
                    ty: id,
                    raw_function: false,
                }
            }
        };
        self.d
            .declare_typedef(name, td, self.override_)
            .map_err(|e| self.locate(at, e))
    }

    // ---- declaration specifiers ----

    /// Parse storage classes, qualifiers and type specifiers. With `allow_storage` false,
    /// storage classes are errors. For `typedef struct {..} name;` the anonymous struct is named
    /// after the typedef.
    fn parse_specs(&mut self, allow_storage: bool) -> Result<(Storage, Base)> {
        let mut st = Storage::default();
        let mut words: Vec<&str> = Vec::new();
        let mut named: Option<Ty> = None;
        let mut dots = false;
        let start = self.tok();
        loop {
            let t = self.tok();
            match &t.tok {
                Tok::Ident(w) => {
                    let w = w.as_str();
                    if QUALIFIERS.contains(&w) {
                        if w == "const" || w == "__const" {
                            st.is_const = true;
                        }
                        self.advance();
                    } else if allow_storage && (w == "typedef" || w == "extern" || w == "static") {
                        match w {
                            "typedef" => st.typedef = true,
                            "static" => st.is_static = true,
                            _ => {}
                        }
                        self.advance();
                    } else if w == "__int128" || w == "__int128_t" || w == "__uint128_t" {
                        return Err(Error::ffi(format!(
                            "Unsupported type: '{}'.  Please look at http://cffi.readthedocs.io/en/latest/cdef.html#ffi-cdef-limitations and file an issue if you think this type should really be supported.",
                            if w == "__int128" { "__int128" } else { w }
                        )));
                    } else if TYPE_WORDS.contains(&w) {
                        if named.is_some() {
                            return Err(self.syntax(None));
                        }
                        words.push(match w {
                            "__complex__" => "_Complex",
                            "__signed__" | "__signed" => "signed",
                            _ => w,
                        });
                        self.advance();
                    } else if w == "struct" || w == "union" || w == "enum" {
                        if named.is_some() || !words.is_empty() {
                            return Err(self.syntax(None));
                        }
                        named = Some(self.parse_tagged(st.typedef)?);
                    } else if named.is_none() && words.is_empty() && !dots {
                        if self.d.is_type_name(w) {
                            named = self.d.type_name(w);
                            self.advance();
                        } else {
                            // Not a type: `foo_t x;` (unknown type) or a declarator name.
                            if matches!(self.peek_at(1), Tok::Ident(_) | Tok::Punct("*")) {
                                if self.type_string.is_some() {
                                    return Err(Error::cdef(format!("unknown identifier '{}'", w)));
                                }
                                return Err(
                                    self.syntax(Some(&format!("unknown type name '{}'", w)))
                                );
                            }
                            if self.type_string.is_some() {
                                return Err(Error::cdef(format!("unknown identifier '{}'", w)));
                            }
                            break;
                        }
                    } else {
                        break;
                    }
                }
                Tok::Punct("...") if st.typedef && named.is_none() && !dots => {
                    dots = true;
                    self.advance();
                }
                _ => break,
            }
        }
        if dots {
            if words.is_empty() {
                return Ok((st, Base::Opaque));
            }
            if words.iter().any(|w| *w == "float" || *w == "double") {
                return Ok((st, Base::UnknownFloat));
            }
            return Ok((st, Base::UnknownInt));
        }
        if let Some(t) = named {
            return Ok((st, Base::Type(t)));
        }
        if words.is_empty() {
            if self.type_string.is_some() {
                return Err(self.syntax(None));
            }
            let _ = start;
            return Err(self.syntax(None));
        }
        let pname = prim_name(&words).ok_or_else(|| self.syntax(None))?;
        let id = if pname == "void" {
            self.d.types.void()
        } else {
            self.d.types.primitive(pname).unwrap()
        };
        Ok((st, Base::Type(Ty::plain(id))))
    }

    /// `struct|union|enum [tag] [{ body }]`. Current token is the keyword.
    fn parse_tagged(&mut self, in_typedef: bool) -> Result<Ty> {
        let kw_tok = self.advance();
        let kw = match &kw_tok.tok {
            Tok::Ident(s) => s.clone(),
            _ => unreachable!(),
        };
        let tag = match self.peek() {
            Tok::Ident(t) if !QUALIFIERS.contains(&t.as_str()) => {
                let t = t.clone();
                self.advance();
                Some(t)
            }
            _ => None,
        };
        let has_body = self.is_punct("{");
        if tag.is_none() && !has_body {
            return Err(self.syntax(Some("Invalid struct/union declaration")));
        }
        // typedef struct { ... } name;  ->  the struct is spelled `name`.
        let typedef_name = if tag.is_none() && in_typedef {
            self.typedef_name_after_body()
        } else {
            None
        };
        if kw == "enum" {
            let id = self
                .d
                .types
                .enum_type(tag.as_deref(), typedef_name.as_deref());
            if has_body {
                self.parse_enum_body(id, kw_tok)?;
            }
            return Ok(Ty::plain(id));
        }
        let is_union = kw == "union";
        let id = match &tag {
            Some(t) => self.d.types.struct_or_union(is_union, t),
            None => self
                .d
                .types
                .anonymous_struct(is_union, typedef_name.as_deref()),
        };
        if has_body {
            self.parse_struct_body(id, kw_tok)?;
        }
        Ok(Ty::plain(id))
    }

    /// Looking at `{`: if the matching `}` is followed by `name ;` or `name ,`, return `name`.
    fn typedef_name_after_body(&self) -> Option<String> {
        let mut depth = 0usize;
        let mut i = self.pos;
        while i < self.lx.tokens.len() {
            match &self.lx.tokens[i].tok {
                Tok::Punct("{") => depth += 1,
                Tok::Punct("}") => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                Tok::Eof => return None,
                _ => {}
            }
            i += 1;
        }
        let mut j = i + 1;
        // skip qualifiers between } and the name
        while let Some(Tok::Ident(q)) = self.lx.tokens.get(j).map(|t| &t.tok) {
            if QUALIFIERS.contains(&q.as_str()) {
                j += 1;
            } else {
                break;
            }
        }
        match (
            self.lx.tokens.get(j).map(|t| &t.tok),
            self.lx.tokens.get(j + 1).map(|t| &t.tok),
        ) {
            (Some(Tok::Ident(n)), Some(Tok::Punct(";" | ","))) => Some(n.clone()),
            _ => None,
        }
    }

    fn parse_struct_body(&mut self, id: TypeId, kw_tok: &Token) -> Result<()> {
        self.expect_punct("{")?;
        let mut members = Vec::new();
        let mut partial = false;
        loop {
            if self.eat_punct("}") {
                break;
            }
            if self.peek() == &Tok::Eof {
                return Err(self.syntax(None));
            }
            if self.is_punct("...") {
                self.advance();
                self.expect_punct(";")?;
                partial = true;
                continue;
            }
            if self.eat_punct(";") {
                continue;
            }
            let (_, base) = self.parse_specs(false)?;
            let base = match base {
                Base::Type(t) => t,
                _ => return Err(self.syntax(None)),
            };
            if self.eat_punct(";") {
                // anonymous struct/union member
                if self.d.types.struct_type(base.id).is_some() {
                    members.push(Member {
                        name: String::new(),
                        ty: base.id,
                        bitsize: None,
                        length_from_compiler: false,
                    });
                }
                continue;
            }
            loop {
                let at = self.tok();
                if self.eat_punct(":") {
                    let w = self.parse_bitsize(at)?;
                    members.push(Member {
                        name: String::new(),
                        ty: base.id,
                        bitsize: Some(w),
                        length_from_compiler: false,
                    });
                } else {
                    let dtor = self.parse_declarator(false)?;
                    let name = dtor.name().ok_or_else(|| self.syntax(None))?.to_string();
                    let t = self.apply(base, &dtor, at)?;
                    if t.raw_fn {
                        return Err(self.err_at(
                            at,
                            ErrorKind::CDef,
                            &format!("{}: function type as a struct field", name),
                        ));
                    }
                    let from_compiler = dtor.has_compiler_length();
                    partial |= from_compiler;
                    let bitsize = if self.eat_punct(":") {
                        Some(self.parse_bitsize(at)?)
                    } else {
                        None
                    };
                    if members.iter().any(|m: &Member| m.name == name) {
                        return Err(self.err_at(
                            at,
                            ErrorKind::CDef,
                            &format!("duplicate field name '{}'", name),
                        ));
                    }
                    members.push(Member {
                        name,
                        ty: t.id,
                        bitsize,
                        length_from_compiler: from_compiler,
                    });
                }
                if self.eat_punct(",") {
                    continue;
                }
                self.expect_punct(";")?;
                break;
            }
        }
        self.d
            .types
            .set_struct_body(id, members, partial, self.pack)
            .map_err(|e| self.err_at(kw_tok, e.kind, &e.message))
    }

    fn parse_bitsize(&mut self, at: &Token) -> Result<u32> {
        match self.parse_expr()? {
            Some(v) if (0..=64 * 8).contains(&v) => Ok(v as u32),
            _ => Err(self.err_at(at, ErrorKind::CDef, "invalid bit field width")),
        }
    }

    fn parse_enum_body(&mut self, id: TypeId, kw_tok: &Token) -> Result<()> {
        self.expect_punct("{")?;
        let mut values: Vec<(String, Option<i128>)> = Vec::new();
        let mut partial = false;
        let mut next: Option<i128> = Some(0);
        loop {
            if self.eat_punct("}") {
                break;
            }
            if self.eat_punct("...") {
                partial = true;
                self.eat_punct(",");
                continue;
            }
            let at = self.tok();
            let name = match &self.advance().tok {
                Tok::Ident(n) => n.clone(),
                _ => return Err(self.syntax(None)),
            };
            let value = if self.eat_punct("=") {
                if self.eat_punct("...") {
                    partial = true;
                    None
                } else {
                    Some(self.parse_expr_resolved(at)?)
                }
            } else {
                next
            };
            next = value.map(|v| v + 1);
            let decl = match value {
                Some(v) => Decl::IntConstant {
                    value: v,
                    enum_type: Some(id),
                },
                None => Decl::FromCompiler { ty: Some(id) },
            };
            self.d
                .declare(&name, decl, self.override_)
                .map_err(|e| self.locate(at, e))?;
            values.push((name, value));
            if !self.eat_punct(",") {
                self.expect_punct("}")?;
                break;
            }
        }
        if self
            .d
            .types
            .enum_info(id)
            .is_some_and(|e| !e.values.is_empty())
        {
            let name = self.d.types.name(id).to_string();
            return Err(self.err_at(
                kw_tok,
                ErrorKind::CDef,
                &format!("duplicate declaration of {}", name),
            ));
        }
        self.d
            .types
            .complete_enum(id, values, partial)
            .map_err(|e| self.locate(kw_tok, e))
    }

    // ---- declarators ----

    /// Parse a (possibly abstract) declarator.
    fn parse_declarator(&mut self, abstract_ok: bool) -> Result<Dtor> {
        if self.eat_punct("*") {
            let mut is_const = false;
            while let Tok::Ident(q) = self.peek() {
                if QUALIFIERS.contains(&q.as_str()) {
                    if q == "const" || q == "__const" {
                        is_const = true;
                    }
                    self.advance();
                } else {
                    break;
                }
            }
            let inner = self.parse_declarator(abstract_ok)?;
            return Ok(Dtor::Ptr(Box::new(inner), is_const));
        }
        if self.eat_punct("&") {
            return Err(self.syntax(None));
        }
        let mut d = if self.is_punct("(") && self.nested_declarator_follows() {
            self.advance();
            while let Tok::Ident(q) = self.peek() {
                if QUALIFIERS.contains(&q.as_str()) {
                    self.advance();
                } else {
                    break;
                }
            }
            let inner = self.parse_declarator(abstract_ok)?;
            self.expect_punct(")")?;
            inner
        } else if let Tok::Ident(n) = self.peek() {
            if self.d.is_type_name(n) && abstract_ok {
                Dtor::Name(None)
            } else {
                let n = n.clone();
                self.names_seen.push((self.param_depth, self.pos));
                self.advance();
                Dtor::Name(Some(n))
            }
        } else {
            Dtor::Name(None)
        };
        loop {
            if self.eat_punct("[") {
                let len = if self.eat_punct("]") {
                    ArrLen::Open
                } else if self.eat_punct("...") {
                    self.expect_punct("]")?;
                    ArrLen::FromCompiler
                } else {
                    let at = self.tok();
                    let v = self.parse_expr_resolved(at)?;
                    self.expect_punct("]")?;
                    if v < 0 {
                        return Err(self.err_at(at, ErrorKind::CDef, "negative array length"));
                    }
                    if v > isize::MAX as i128 {
                        // CFFI passes the length as a Py_ssize_t (PyNumber_AsSsize_t's message)
                        return Err(Error::overflow(
                            "cannot fit 'int' into an index-sized integer",
                        ));
                    }
                    ArrLen::Known(v as usize)
                };
                d = Dtor::Array(Box::new(d), len);
            } else if self.is_punct("(") {
                self.advance();
                let (args, variadic) = self.parse_params()?;
                d = Dtor::Func(Box::new(d), args, variadic);
            } else {
                break;
            }
        }
        Ok(d)
    }

    /// After `(`: does a nested declarator follow (rather than a parameter list)?
    fn nested_declarator_follows(&self) -> bool {
        match self.peek_at(1) {
            Tok::Punct("*") | Tok::Punct("(") | Tok::Punct("[") | Tok::Punct("^") => true,
            Tok::Ident(n) => {
                if n == "__cdecl" || n == "__stdcall" || n == "WINAPI" || n == "__fastcall" {
                    return true;
                }
                !(self.d.is_type_name(n)
                    || TYPE_WORDS.contains(&n.as_str())
                    || QUALIFIERS.contains(&n.as_str())
                    || n == "struct"
                    || n == "union"
                    || n == "enum")
            }
            _ => false,
        }
    }

    /// Parameter list after `(`, up to and including `)`.
    fn parse_params(&mut self) -> Result<(Vec<TypeId>, bool)> {
        self.param_depth += 1;
        let mut spellings = Vec::new();
        let r = self.parse_params_list(&mut spellings);
        self.param_depth -= 1;
        if r.is_ok() && self.param_depth == 0 {
            self.last_params = Some(spellings);
        }
        r
    }

    /// The C text of tokens `start..end` without the token at `skip`.
    fn spelling(&self, start: usize, end: usize, skip: Option<usize>) -> String {
        let words: Vec<&str> = (start..end)
            .filter(|i| Some(*i) != skip)
            .map(|i| self.lx.tokens[i].text.as_str())
            .collect();
        words.join(" ")
    }

    fn parse_params_list(&mut self, spellings: &mut Vec<String>) -> Result<(Vec<TypeId>, bool)> {
        let mut args = Vec::new();
        let mut variadic = false;
        if self.eat_punct(")") {
            return Ok((args, false));
        }
        // (void)
        if self.is_ident("void") && matches!(self.peek_at(1), Tok::Punct(")")) {
            self.advance();
            self.advance();
            return Ok((args, false));
        }
        loop {
            if self.eat_punct("...") {
                variadic = true;
                self.expect_punct(")")?;
                break;
            }
            let at = self.tok();
            let start = self.pos;
            let t = self.parse_type_name(false)?;
            let depth = self.param_depth;
            let name_at = self
                .names_seen
                .iter()
                .rev()
                .find(|(d, p)| *d == depth && *p >= start && *p < self.pos)
                .map(|(_, p)| *p);
            spellings.push(self.spelling(start, self.pos, name_at));
            if self.d.types.kind(t.id) == &TypeKind::Void && !t.raw_fn {
                return Err(self.err_at(at, ErrorKind::CDef, "'void' must be the only parameter"));
            }
            args.push(self.decay(t)?);
            if self.eat_punct(",") {
                continue;
            }
            self.expect_punct(")")?;
            break;
        }
        Ok((args, variadic))
    }

    /// Parameter adjustment: arrays become pointers, functions function pointers.
    fn decay(&mut self, t: Ty) -> Result<TypeId> {
        if t.raw_fn {
            return Ok(t.id);
        }
        if let TypeKind::Array { item, .. } = *self.d.types.kind(t.id) {
            return Ok(self.d.types.pointer(item));
        }
        Ok(t.id)
    }

    /// specifiers + abstract (or named, name ignored) declarator: a parameter or a type string.
    fn parse_type_name(&mut self, top: bool) -> Result<Ty> {
        let at = self.tok();
        let (_, base) = self.parse_specs(false)?;
        let base = match base {
            Base::Type(t) => t,
            _ => return Err(self.syntax(None)),
        };
        let dtor = self.parse_declarator(true)?;
        if top && dtor.has_compiler_length() {
            return Err(Error::cdef("unsupported '[...]' in a type string"));
        }
        self.apply(base, &dtor, at)
    }

    /// Build the declared type from the base type and the declarator.
    fn apply(&mut self, base: Ty, d: &Dtor, at: &Token) -> Result<Ty> {
        match d {
            Dtor::Name(_) => Ok(base),
            Dtor::Ptr(inner, _) => {
                let p = if base.raw_fn {
                    Ty::plain(base.id)
                } else {
                    Ty::plain(self.d.types.pointer(base.id))
                };
                self.apply(p, inner, at)
            }
            Dtor::Array(inner, len) => {
                if base.raw_fn {
                    return Err(self.err_at(at, ErrorKind::CDef, "array of functions"));
                }
                let len = match len {
                    ArrLen::Known(n) => Some(*n),
                    _ => None,
                };
                let a = self
                    .d
                    .types
                    .array(base.id, len)
                    .map_err(|e| self.locate(at, e))?;
                self.apply(Ty::plain(a), inner, at)
            }
            Dtor::Func(inner, args, variadic) => {
                if base.raw_fn {
                    return Err(self.err_at(at, ErrorKind::CDef, "function returning a function"));
                }
                if args.is_empty() && *variadic {
                    let msg = match (d.name(), self.type_string) {
                        (Some(n), None) => {
                            format!("{}: a function with only '(...)' as argument is not correct C", n)
                        }
                        _ => "in expression: a function with only '(...)' as argument is not correct C"
                            .to_string(),
                    };
                    return Err(self.err_at(at, ErrorKind::CDef, &msg));
                }
                let f = self
                    .d
                    .types
                    .function(base.id, args, *variadic)
                    .map_err(|e| self.locate(at, e))?;
                self.apply(
                    Ty {
                        id: f,
                        raw_fn: true,
                    },
                    inner,
                    at,
                )
            }
        }
    }

    // ---- constant expressions ----

    /// Parse a constant expression; `None` if it refers to something without a known value.
    fn parse_expr(&mut self) -> Result<Option<i128>> {
        self.expr_bin(0)
    }

    fn parse_expr_resolved(&mut self, at: &Token) -> Result<i128> {
        match self.parse_expr()? {
            Some(v) => Ok(v),
            None => Err(Error::ffi(format!(
                ":{}: unsupported expression: expected a simple numeric constant",
                at.line
            ))),
        }
    }

    fn expr_bin(&mut self, min_prec: u8) -> Result<Option<i128>> {
        let mut lhs = self.expr_unary()?;
        while let Tok::Punct(p) = self.peek() {
            let (op, prec) = match *p {
                "|" => ("|", 1),
                "^" => ("^", 2),
                "&" => ("&", 3),
                "<<" | ">>" => (*p, 4),
                "+" | "-" => (*p, 5),
                "*" | "/" | "%" => (*p, 6),
                _ => break,
            };
            if prec < min_prec {
                break;
            }
            let at = self.advance();
            let rhs = self.expr_bin(prec + 1)?;
            lhs = match (lhs, rhs) {
                (Some(a), Some(b)) => Some(match op {
                    "|" => a | b,
                    "^" => a ^ b,
                    "&" => a & b,
                    "<<" => {
                        if !(0..=126).contains(&b) {
                            return Err(self.err_at(
                                at,
                                ErrorKind::CDef,
                                "shift count out of range",
                            ));
                        }
                        a << b
                    }
                    ">>" => {
                        if !(0..=126).contains(&b) {
                            return Err(self.err_at(
                                at,
                                ErrorKind::CDef,
                                "shift count out of range",
                            ));
                        }
                        a >> b
                    }
                    "+" => a
                        .checked_add(b)
                        .ok_or_else(|| self.err_at(at, ErrorKind::CDef, "overflow"))?,
                    "-" => a
                        .checked_sub(b)
                        .ok_or_else(|| self.err_at(at, ErrorKind::CDef, "overflow"))?,
                    "*" => a
                        .checked_mul(b)
                        .ok_or_else(|| self.err_at(at, ErrorKind::CDef, "overflow"))?,
                    "/" | "%" => {
                        if b == 0 {
                            return Err(self.err_at(at, ErrorKind::CDef, "division by zero"));
                        }
                        // C semantics: truncation toward zero.
                        // checked: i128::MIN / -1 would panic even in release
                        let r = if op == "/" {
                            a.checked_div(b)
                        } else {
                            a.checked_rem(b)
                        };
                        r.ok_or_else(|| self.err_at(at, ErrorKind::CDef, "overflow"))?
                    }
                    _ => unreachable!(),
                }),
                _ => None,
            };
        }
        Ok(lhs)
    }

    fn expr_unary(&mut self) -> Result<Option<i128>> {
        if self.peek() == &Tok::Eof {
            return Err(self.syntax(None));
        }
        let t = self.advance();
        match &t.tok {
            Tok::Punct("-") => match self.expr_unary()? {
                Some(v) => match v.checked_neg() {
                    Some(n) => Ok(Some(n)),
                    None => Err(self.err_at(t, ErrorKind::CDef, "overflow")),
                },
                None => Ok(None),
            },
            Tok::Punct("+") => self.expr_unary(),
            Tok::Punct("~") => Ok(self.expr_unary()?.map(|v| !v)),
            Tok::Punct("!") => Ok(self.expr_unary()?.map(|v| (v == 0) as i128)),
            Tok::Punct("(") => {
                let v = self.parse_expr()?;
                self.expect_punct(")")?;
                Ok(v)
            }
            Tok::Int(v) => Ok(Some(*v)),
            Tok::Float(_) => Ok(None),
            Tok::Ident(n) if n == "sizeof" => {
                self.expect_punct("(")?;
                let ty = self.parse_type_name(false)?;
                self.expect_punct(")")?;
                Ok(self.d.types.size_of(ty.id).map(|s| s as i128))
            }
            Tok::Ident(n) => match self.d.names.get(n) {
                Some(Decl::IntConstant { value, .. }) => Ok(Some(*value)),
                Some(Decl::FromCompiler { .. }) => Ok(None),
                _ => Err(Error::ffi(format!(
                    ":{}: unsupported expression: expected a simple numeric constant",
                    t.line
                ))),
            },
            _ => {
                self.pos -= 1;
                Err(self.syntax(None))
            }
        }
    }
}

/// The CFFI name of a primitive from its keywords (`unsigned long int` -> `unsigned long`).
fn prim_name(words: &[&str]) -> Option<&'static str> {
    let count = |w: &str| words.iter().filter(|x| **x == w).count();
    let (signed, unsigned) = (count("signed"), count("unsigned"));
    let (short, long, int) = (count("short"), count("long"), count("int"));
    let (chr, flt, dbl, void, b, cplx) = (
        count("char"),
        count("float"),
        count("double"),
        count("void"),
        count("_Bool"),
        count("_Complex"),
    );
    if signed + unsigned > 1 || int > 1 || short > 1 || long > 2 || chr + flt + dbl + void + b > 1 {
        return None;
    }
    let sign_words = signed + unsigned;
    if void == 1 {
        return (words.len() == 1).then_some("void");
    }
    if b == 1 {
        return (words.len() == 1).then_some("_Bool");
    }
    if flt == 1 {
        if sign_words + short + long + int > 0 {
            return None;
        }
        return Some(if cplx == 1 { "float _Complex" } else { "float" });
    }
    if dbl == 1 {
        if sign_words + short + int > 0 || long > 1 {
            return None;
        }
        return Some(match (long, cplx) {
            (1, 0) => "long double",
            (0, 1) => "double _Complex",
            (0, 0) => "double",
            _ => return None,
        });
    }
    if cplx > 0 {
        return None;
    }
    if chr == 1 {
        if short + long + int > 0 {
            return None;
        }
        return Some(if unsigned == 1 {
            "unsigned char"
        } else if signed == 1 {
            "signed char"
        } else {
            "char"
        });
    }
    if short == 1 {
        if long > 0 {
            return None;
        }
        return Some(if unsigned == 1 {
            "unsigned short"
        } else {
            "short"
        });
    }
    Some(match (long, unsigned) {
        (0, 0) => "int",
        (0, _) => "unsigned int",
        (1, 0) => "long",
        (1, _) => "unsigned long",
        (_, 0) => "long long",
        _ => "unsigned long long",
    })
}
