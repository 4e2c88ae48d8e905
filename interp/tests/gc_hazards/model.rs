//! Index of the crate: functions (with their call edges and return shapes), struct fields, and the
//! "may collect" fixpoint. See the header of `tests/gc_hazards/main.rs` for the model.

use std::collections::{BTreeSet, HashMap, HashSet};
use syn::spanned::Spanned;
use syn::visit::Visit;

// ---- configuration ------------------------------------------------------------------------------

/// What the checker knows about the interpreter that it cannot infer from the code.
pub struct Config {
    /// `Vm` methods that may collect whatever their body says (the GC and Python-call entry points).
    pub seeds: Vec<&'static str>,
    /// `Heap` methods that collect (called as `<...>.heap.name(..)`).
    pub heap_collecting: Vec<&'static str>,
    /// Accessors whose result never moves (old-generation or immortal objects, or non-pointers).
    /// A local bound from them is not tracked.
    pub immortal_methods: Vec<&'static str>,
    /// Associated functions / paths whose result never moves (`Value::from_int`: an immediate).
    pub immortal_paths: Vec<&'static str>,
    /// Fields that only ever hold old-generation objects (`roots.named`, `roots.types`...).
    pub immortal_fields: Vec<&'static str>,
    /// Locals and parameters that only ever hold old-generation objects, by name.
    pub immortal_locals: Vec<&'static str>,
    /// Struct types that contain `Value`s but whose `Value`s never move (not tracked).
    pub exempt_structs: Vec<&'static str>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            // vm/mod.rs `alloc` calls `heap.alloc` (a seed by itself); `call`/`call_slot`/`run_frames`/
            // `execute` reach natives through fn pointers (also seeds by themselves): listed anyway.
            seeds: vec!["alloc", "call", "call_slot", "run_frames", "execute"],
            heap_collecting: vec!["alloc", "minor_collect", "major_collect", "collect", "poll"],
            // Verified in the code (December 2026):
            //  none/bool_val/named: roots.named, allocated with alloc_old at bootstrap (builtins_setup.rs);
            //  type_of_kind/builtin_type: roots.types, built by make_type (alloc_old);
            //  intern: alloc_old (new.rs); alloc_old/old_tuple/new_native_type/load_code: old space;
            //  take_exc is NOT here (an exception object is an ordinary young object).
            immortal_methods: vec![
                "none",
                "bool_val",
                "named",
                "type_of_kind",
                "builtin_type",
                "intern",
                "alloc_old",
                "old_tuple",
                "new_native_type",
                "load_code",
                // cffi/mod.rs `class` and cdata.rs `cdata_class`: builtin_type of a cffi class
                // (new_native_type: old space)
                "class",
                "cdata_class",
            ],
            immortal_paths: vec!["Value::from_int", "Value::NULL", "Value"],
            // sym_init: interned; named/types: see above; builtins/modules: alloc_old dicts
            // (builtins_setup.rs); consts/names/code: code objects and their constant tuples are
            // old (vm/code.rs).
            immortal_fields: vec![
                "sym_init", "named", "types", "builtins", "modules", "consts", "names", "code",
            ],
            // Args: base/n are indices and `kwnames` is always an old-generation tuple (a code
            // constant, or `old_tuple` in eval.rs spread_call_args).
            // Vm, VmRoots, Heap: the root set itself, reached by reference.
            exempt_structs: vec!["Args", "Vm", "VmRoots", "Heap"],
            // kwnames: the keyword-names tuple of a call, always a code constant or an `old_tuple`
            // (eval.rs CallKw / spread_call_args), as `Args::kwnames`.
            immortal_locals: vec!["kwnames"],
        }
    }
}

// ---- shapes: does a type / expression hold movable GC references? ------------------------------

#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// No GC reference (or one that never moves).
    No,
    /// An owned copy of GC references: `Value`, `*mut T`, `Vec<Value>`, `Option<Value>`, `Frame`...
    Val,
    /// A borrowed view into the heap or the VM (`&[Value]`, `&ListObj`): the borrow checker protects it,
    /// but values read out of it (`[i]`, `*`, `.to_vec()`, fields) are owned copies.
    Borrowed,
    /// A tuple: one shape per element.
    Tuple(Vec<Shape>),
}

impl Shape {
    pub fn tracked(&self) -> bool {
        match self {
            Shape::Val => true,
            Shape::Tuple(v) => v.iter().any(|s| s.tracked()),
            _ => false,
        }
    }
    pub fn has_refs(&self) -> bool {
        !matches!(self, Shape::No)
    }
    /// The shape of something read out of `self` (an element, a field, a deref).
    pub fn project(&self) -> Shape {
        match self {
            Shape::Borrowed => Shape::Val,
            s => s.clone(),
        }
    }
    pub fn join(a: &Shape, b: &Shape) -> Shape {
        match (a, b) {
            (Shape::No, x) | (x, Shape::No) => x.clone(),
            (Shape::Tuple(x), Shape::Tuple(y)) if x.len() == y.len() => {
                Shape::Tuple(x.iter().zip(y).map(|(a, b)| Shape::join(a, b)).collect())
            }
            (Shape::Borrowed, Shape::Borrowed) => Shape::Borrowed,
            _ => Shape::Val,
        }
    }
}

/// Containers whose shape is that of their (first) type argument.
const TRANSPARENT: &[&str] = &[
    "Vec", "Option", "Result", "PyResult", "Box", "VecDeque", "Rc", "Cell", "RefCell", "SmallVec",
];

pub struct Structs {
    /// struct name -> holds movable references
    pub by_name: HashMap<String, bool>,
    /// field name -> shape (joined over every struct having a field of that name)
    pub fields: HashMap<String, Shape>,
    /// Heap payload layouts (the structs of obj/layout.rs).
    pub payloads: HashSet<String>,
}

pub fn type_shape(ty: &syn::Type, structs: &Structs, cfg: &Config, in_ret: bool) -> Shape {
    match ty {
        syn::Type::Path(p) => {
            let Some(seg) = p.path.segments.last() else {
                return Shape::No;
            };
            let name = seg.ident.to_string();
            if name == "Value" {
                return Shape::Val;
            }
            let args: Vec<Shape> = match &seg.arguments {
                syn::PathArguments::AngleBracketed(a) => a
                    .args
                    .iter()
                    .filter_map(|g| match g {
                        syn::GenericArgument::Type(t) => Some(type_shape(t, structs, cfg, in_ret)),
                        _ => None,
                    })
                    .collect(),
                _ => vec![],
            };
            if TRANSPARENT.contains(&name.as_str()) {
                return args.into_iter().next().unwrap_or(Shape::No);
            }
            if cfg.exempt_structs.contains(&name.as_str()) {
                return Shape::No;
            }
            if structs.by_name.get(&name).copied().unwrap_or(false) {
                return Shape::Val;
            }
            if args.iter().any(|s| s.has_refs()) {
                return Shape::Val; // HashMap<_, Value> and other generic holders
            }
            Shape::No
        }
        syn::Type::Ptr(p) => {
            // Only pointers into the GC heap go stale: to a payload struct of obj/layout.rs, to a
            // Value or a GcHeader, or to a generic `T` (`payload::<T>`). C memory (`*mut u8` from
            // cffi), bytecode (`*const Instr`) and the like do not move.
            let gc = match &*p.elem {
                syn::Type::Path(tp) => tp.path.segments.last().is_some_and(|seg| {
                    let n = seg.ident.to_string();
                    n == "Value"
                        || n == "GcHeader"
                        || structs.payloads.contains(&n)
                        || (n.len() == 1 && n.chars().all(|c| c.is_ascii_uppercase()))
                }),
                _ => false,
            };
            if gc {
                Shape::Val
            } else {
                Shape::No
            }
        }
        syn::Type::Reference(r) => {
            let inner = type_shape(&r.elem, structs, cfg, in_ret);
            if !inner.has_refs() {
                Shape::No
            } else if in_ret {
                Shape::Borrowed
            } else {
                // A `&[Value]` parameter of a function that may collect cannot borrow from the VM
                // (it holds `&mut Vm`): it is a copy that goes stale like a local.
                inner.project()
            }
        }
        syn::Type::Tuple(t) => {
            let v: Vec<Shape> = t
                .elems
                .iter()
                .map(|e| type_shape(e, structs, cfg, in_ret))
                .collect();
            if v.iter().any(|s| s.has_refs()) {
                Shape::Tuple(v)
            } else {
                Shape::No
            }
        }
        syn::Type::Array(a) => type_shape(&a.elem, structs, cfg, in_ret),
        syn::Type::Slice(a) => type_shape(&a.elem, structs, cfg, in_ret),
        syn::Type::Paren(p) => type_shape(&p.elem, structs, cfg, in_ret),
        syn::Type::Group(p) => type_shape(&p.elem, structs, cfg, in_ret),
        _ => Shape::No,
    }
}

pub fn type_is_vm(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => type_is_vm(&r.elem),
        syn::Type::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "Vm"),
        _ => false,
    }
}

// ---- source files and functions -----------------------------------------------------------------

pub struct Source {
    /// Path as reported, e.g. `src/vm/containers.rs`.
    pub path: String,
    pub lines: Vec<String>,
    pub ast: syn::File,
}

impl Source {
    pub fn parse(path: &str, text: &str) -> Result<Source, String> {
        let ast = syn::parse_file(text).map_err(|e| format!("{path}: {e}"))?;
        Ok(Source {
            path: path.to_string(),
            lines: text.lines().map(|l| l.to_string()).collect(),
            ast,
        })
    }
    /// `// gc-safe: <reason>` on line `line` (1-based); returns the reason if present and non-empty.
    pub fn gc_safe_on(&self, line: usize) -> Option<String> {
        let l = self.lines.get(line.checked_sub(1)?)?;
        let i = l.find("// gc-safe:")?;
        let reason = l[i + "// gc-safe:".len()..].trim();
        (!reason.is_empty()).then(|| reason.to_string())
    }
}

#[derive(Clone)]
pub enum Body {
    Item(syn::ItemFn),
    Method(syn::ImplItemFn),
}

impl Body {
    pub fn sig(&self) -> &syn::Signature {
        match self {
            Body::Item(f) => &f.sig,
            Body::Method(f) => &f.sig,
        }
    }
    pub fn block(&self) -> &syn::Block {
        match self {
            Body::Item(f) => &f.block,
            Body::Method(f) => &f.block,
        }
    }
}

pub struct FnInfo {
    pub name: String,
    /// The `impl` type, for methods.
    pub self_ty: Option<String>,
    /// Module path segments (from the file path and inline `mod`s), for free functions.
    pub module: Vec<String>,
    pub file: usize,
    pub line: usize,
    pub body: Body,
    /// Declared `/// gc: no-collect`.
    pub no_collect: bool,
    pub ret: Shape,
}

impl FnInfo {
    pub fn display(&self) -> String {
        match &self.self_ty {
            Some(t) => format!("{t}::{}", self.name),
            None => self.name.clone(),
        }
    }
}

pub fn has_no_collect_marker(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        if !a.path().is_ident("doc") {
            return false;
        }
        if let syn::Meta::NameValue(nv) = &a.meta {
            if let syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) = &nv.value
            {
                return s.value().trim() == "gc: no-collect";
            }
        }
        false
    })
}

fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        syn::Type::Reference(r) => type_name(&r.elem),
        _ => None,
    }
}

/// Collects every fn (free, nested, impl method) and every struct of one file.
struct Collector<'a> {
    file: usize,
    module: Vec<String>,
    self_ty: Vec<Option<String>>,
    fns: &'a mut Vec<(FnInfo, Option<syn::ReturnType>)>,
    structs: &'a mut Vec<syn::ItemStruct>,
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        self.module.push(m.ident.to_string());
        syn::visit::visit_item_mod(self, m);
        self.module.pop();
    }
    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        self.self_ty.push(type_name(&i.self_ty));
        syn::visit::visit_item_impl(self, i);
        self.self_ty.pop();
    }
    fn visit_item_trait(&mut self, _: &'ast syn::ItemTrait) {}
    fn visit_item_struct(&mut self, s: &'ast syn::ItemStruct) {
        self.structs.push(s.clone());
    }
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.fns.push((
            FnInfo {
                name: f.sig.ident.to_string(),
                self_ty: None,
                module: self.module.clone(),
                file: self.file,
                line: f.sig.ident.span().start().line,
                body: Body::Item(f.clone()),
                no_collect: has_no_collect_marker(&f.attrs),
                ret: Shape::No,
            },
            Some(f.sig.output.clone()),
        ));
        // nested fns are functions of their own (not in an impl)
        self.self_ty.push(None);
        syn::visit::visit_item_fn(self, f);
        self.self_ty.pop();
    }
    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.fns.push((
            FnInfo {
                name: f.sig.ident.to_string(),
                self_ty: self.self_ty.last().cloned().flatten(),
                module: self.module.clone(),
                file: self.file,
                line: f.sig.ident.span().start().line,
                body: Body::Method(f.clone()),
                no_collect: has_no_collect_marker(&f.attrs),
                ret: Shape::No,
            },
            Some(f.sig.output.clone()),
        ));
        self.self_ty.push(None);
        syn::visit::visit_impl_item_fn(self, f);
        self.self_ty.pop();
    }
}

// ---- the crate index and call resolution --------------------------------------------------------

pub struct Crate {
    /// Per file: names imported by `use`, to the module they come from.
    pub uses: Vec<HashMap<String, Vec<String>>>,
    pub cfg: Config,
    pub files: Vec<Source>,
    pub fns: Vec<FnInfo>,
    pub structs: Structs,
    pub methods: HashMap<(String, String), Vec<usize>>,
    pub methods_by_name: HashMap<String, Vec<usize>>,
    pub free_fns: HashMap<String, Vec<usize>>,
    /// Computed: may this function collect (claims of `gc: no-collect` trusted)?
    pub may_collect: Vec<bool>,
    /// Why (first collecting callee, for messages).
    pub why: Vec<String>,
    /// May collect on a path that returns normally (see `compute_may_collect`).
    pub collects_on_ok: Vec<bool>,
    /// Same, ignoring the function's own `no-collect` claim (to verify the claim).
    pub body_collects: Vec<Option<String>>,
}

/// What a call resolves to.
#[derive(Clone, Debug)]
pub enum Callee {
    /// Crate functions (possibly several candidates for a name collision).
    Fns(Vec<usize>),
    /// A heap method that collects.
    Heap(String),
    /// A call through a fn pointer, a `dyn`/generic callable, a native table...
    Dynamic(String),
    /// Outside the crate (std, gc accessors, constructors...): assumed not to collect.
    External,
}

/// Static context for resolving calls inside one function body.
pub struct Ctx {
    pub file: usize,
    pub module: Vec<String>,
    pub self_ty: Option<String>,
    /// Locals / params known to be `Vm`.
    pub vm_names: HashSet<String>,
    /// All local binding names of the function (a call through one of them is a dynamic call,
    /// unless it is a closure bound by `let`).
    pub locals: HashSet<String>,
    pub closures: HashSet<String>,
}

/// Module path of every file, following `#[path = "x.rs"] mod m;` declarations (a file so declared is
/// module `m` of the declaring file's module).
fn module_paths(sources: &[Source]) -> Vec<Vec<String>> {
    let mut mods: Vec<Vec<String>> = sources.iter().map(|s| module_of(&s.path)).collect();
    for _ in 0..3 {
        for (i, s) in sources.iter().enumerate() {
            let dir = s.path.rsplit_once('/').map_or("", |(d, _)| d).to_string();
            for it in &s.ast.items {
                let syn::Item::Mod(m) = it else { continue };
                for a in &m.attrs {
                    let syn::Meta::NameValue(nv) = &a.meta else {
                        continue;
                    };
                    if !nv.path.is_ident("path") {
                        continue;
                    }
                    if let syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(f),
                        ..
                    }) = &nv.value
                    {
                        let target = format!("{dir}/{}", f.value());
                        if let Some(j) = sources.iter().position(|x| x.path == target) {
                            let mut p = mods[i].clone();
                            p.push(m.ident.to_string());
                            mods[j] = p;
                        }
                    }
                }
            }
        }
    }
    mods
}

/// `use` declarations of a file: imported name -> absolute module path (relative paths resolved).
fn use_map(f: &syn::File, module: &[String]) -> HashMap<String, Vec<String>> {
    fn walk(
        t: &syn::UseTree,
        prefix: Vec<String>,
        module: &[String],
        out: &mut HashMap<String, Vec<String>>,
    ) {
        match t {
            syn::UseTree::Path(p) => {
                let seg = p.ident.to_string();
                let mut next = prefix.clone();
                match seg.as_str() {
                    "crate" => next.clear(),
                    "super" => {
                        if next.is_empty() && prefix.is_empty() {
                            next = module.to_vec();
                        }
                        next.pop();
                    }
                    "self" if prefix.is_empty() => next = module.to_vec(),
                    _ => {
                        if prefix.is_empty() && next.is_empty() && seg != "crate" {
                            // an external crate path (std::, gc::) or a relative one
                            next = vec![format!("::{seg}")];
                        } else {
                            next.push(seg);
                        }
                    }
                }
                walk(&p.tree, next, module, out);
            }
            syn::UseTree::Name(n) => {
                out.insert(n.ident.to_string(), prefix);
            }
            syn::UseTree::Rename(r) => {
                out.insert(r.rename.to_string(), prefix);
            }
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    walk(t, prefix.clone(), module, out);
                }
            }
            syn::UseTree::Glob(_) => {}
        }
    }
    let mut out = HashMap::new();
    for it in &f.items {
        if let syn::Item::Use(u) = it {
            walk(&u.tree, vec![], module, &mut out);
        }
    }
    out
}

fn module_of(path: &str) -> Vec<String> {
    let p = path.trim_start_matches("src/").trim_end_matches(".rs");
    let mut v: Vec<String> = p.split('/').map(|s| s.to_string()).collect();
    if v.last()
        .is_some_and(|l| l == "mod" || l == "lib" || l == "main")
    {
        v.pop();
    }
    v
}

impl Crate {
    pub fn build(sources: Vec<Source>, cfg: Config) -> Crate {
        let mut raw = Vec::new();
        let mut structs_ast = Vec::new();
        let mut payloads = HashSet::new();
        let modules = module_paths(&sources);
        let uses: Vec<HashMap<String, Vec<String>>> = sources
            .iter()
            .zip(&modules)
            .map(|(s, m)| use_map(&s.ast, m))
            .collect();
        for (i, s) in sources.iter().enumerate() {
            if s.path.ends_with("obj/layout.rs") {
                for it in &s.ast.items {
                    if let syn::Item::Struct(st) = it {
                        payloads.insert(st.ident.to_string());
                    }
                }
            }
            let mut c = Collector {
                file: i,
                module: modules[i].clone(),
                self_ty: vec![],
                fns: &mut raw,
                structs: &mut structs_ast,
            };
            c.visit_file(&s.ast);
        }
        // Struct shapes: a fixpoint (a struct holding a struct holding a Value holds references).
        let mut structs = Structs {
            by_name: structs_ast
                .iter()
                .map(|s| (s.ident.to_string(), false))
                .collect(),
            fields: HashMap::new(),
            payloads: payloads.clone(),
        };
        loop {
            let mut changed = false;
            for s in &structs_ast {
                let name = s.ident.to_string();
                if cfg.exempt_structs.contains(&name.as_str()) {
                    continue;
                }
                let refs = s
                    .fields
                    .iter()
                    .any(|f| type_shape(&f.ty, &structs, &cfg, false).has_refs());
                if refs && !structs.by_name[&name] {
                    structs.by_name.insert(name, true);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for s in &structs_ast {
            for f in &s.fields {
                if let Some(id) = &f.ident {
                    let sh = type_shape(&f.ty, &structs, &cfg, false);
                    let e = structs.fields.entry(id.to_string()).or_insert(Shape::No);
                    *e = Shape::join(e, &sh);
                }
            }
        }
        let mut fns = Vec::new();
        for (mut f, out) in raw {
            if let Some(syn::ReturnType::Type(_, t)) = out {
                f.ret = type_shape(&t, &structs, &cfg, true);
            }
            fns.push(f);
        }
        let mut methods: HashMap<(String, String), Vec<usize>> = HashMap::new();
        let mut methods_by_name: HashMap<String, Vec<usize>> = HashMap::new();
        let mut free_fns: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in fns.iter().enumerate() {
            match &f.self_ty {
                Some(t) => {
                    methods
                        .entry((t.clone(), f.name.clone()))
                        .or_default()
                        .push(i);
                    methods_by_name.entry(f.name.clone()).or_default().push(i);
                }
                None => free_fns.entry(f.name.clone()).or_default().push(i),
            }
        }
        let n = fns.len();
        let mut k = Crate {
            uses,
            cfg,
            files: sources,
            fns,
            structs,
            methods,
            methods_by_name,
            free_fns,
            may_collect: vec![false; n],
            why: vec![String::new(); n],
            collects_on_ok: vec![false; n],
            body_collects: vec![None; n],
        };
        k.compute_may_collect();
        k
    }

    /// Resolves `recv.name(..)`.
    pub fn resolve_method(&self, ctx: &Ctx, recv: &syn::Expr, name: &str) -> Callee {
        let recv = strip(recv);
        let ty: Option<String> = match recv {
            syn::Expr::Path(p) if p.path.is_ident("self") => ctx.self_ty.clone(),
            syn::Expr::Path(p) => match p.path.get_ident() {
                Some(id) if ctx.vm_names.contains(&id.to_string()) => Some("Vm".into()),
                _ => None,
            },
            syn::Expr::Field(f) => match &f.member {
                syn::Member::Named(m) if m == "vm" => Some("Vm".into()),
                syn::Member::Named(m) if m == "heap" => Some("Heap".into()),
                _ => None,
            },
            _ => None,
        };
        match ty.as_deref() {
            Some("Heap") => {
                if self.cfg.heap_collecting.contains(&name) {
                    Callee::Heap(format!("heap.{name}"))
                } else {
                    Callee::External
                }
            }
            Some(t) => match self.methods.get(&(t.to_string(), name.to_string())) {
                Some(v) => Callee::Fns(v.clone()),
                None => Callee::External,
            },
            None => {
                // Unknown receiver: a method of a crate type other than Vm (Vm methods are only
                // reached through `self`/`vm`-typed receivers), or std.
                let c: Vec<usize> = self
                    .methods_by_name
                    .get(name)
                    .map(|v| {
                        v.iter()
                            .copied()
                            .filter(|&i| self.fns[i].self_ty.as_deref() != Some("Vm"))
                            .collect()
                    })
                    .unwrap_or_default();
                if c.is_empty() && name == "call" {
                    // `cif.call(..)` (libffi) and the like: foreign code can call back into Python.
                    Callee::Dynamic("a foreign `.call` (may run callbacks)".into())
                } else if c.is_empty() {
                    Callee::External
                } else {
                    Callee::Fns(c)
                }
            }
        }
    }

    /// Resolves `path(..)`.
    pub fn resolve_path_call(&self, ctx: &Ctx, path: &syn::Path) -> Callee {
        let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let name = segs.last().cloned().unwrap_or_default();
        if segs.len() == 1 {
            if ctx.closures.contains(&name) {
                return Callee::External; // analysed inline by the caller
            }
            if ctx.locals.contains(&name) {
                return Callee::Dynamic(format!("call through `{name}`"));
            }
        }
        if segs.len() >= 2 {
            let owner = &segs[segs.len() - 2];
            let owner = if owner == "Self" {
                ctx.self_ty.clone().unwrap_or_default()
            } else {
                owner.clone()
            };
            if let Some(v) = self.methods.get(&(owner.clone(), name.clone())) {
                return Callee::Fns(v.clone());
            }
            if self.structs.by_name.contains_key(&owner) || owner == "Vm" {
                return Callee::External;
            }
        }
        let Some(cands) = self.free_fns.get(&name) else {
            return Callee::External;
        };
        let mut c: Vec<usize> = cands.clone();
        if segs.len() == 1 {
            // A bare name is the caller's module's own fn if it has one (else an import).
            let local: Vec<usize> = c
                .iter()
                .copied()
                .filter(|&i| self.fns[i].module == ctx.module)
                .collect();
            if !local.is_empty() {
                c = local;
            } else if let Some(m) = self.uses[ctx.file].get(&name) {
                let imported: Vec<usize> = c
                    .iter()
                    .copied()
                    .filter(|&i| &self.fns[i].module == m)
                    .collect();
                if !imported.is_empty() {
                    c = imported;
                }
            }
        }
        if segs.len() >= 2 {
            let m = &segs[segs.len() - 2];
            if !matches!(m.as_str(), "self" | "super" | "crate") {
                let f: Vec<usize> = c
                    .iter()
                    .copied()
                    .filter(|&i| self.fns[i].module.last() == Some(m))
                    .collect();
                if f.is_empty() {
                    return Callee::External; // e.g. std::mem::swap
                }
                c = f;
            }
        }
        Callee::Fns(c)
    }

    /// Does this call collect? Returns a label for messages.
    /// Is there a `Vm` method of this name that may collect?
    pub fn vm_method_collects(&self, name: &str) -> bool {
        self.methods
            .get(&("Vm".to_string(), name.to_string()))
            .is_some_and(|v| v.iter().any(|&i| self.may_collect[i]))
    }

    /// Is this call a GC point for the code after it? `tried`: the call is the operand of `?`, so
    /// the code after it only runs if it returned normally.
    pub fn collects(&self, c: &Callee, tried: bool) -> Option<String> {
        match c {
            Callee::Fns(v) => v
                .iter()
                .find(|&&i| self.collects_on_ok[i] || (self.may_collect[i] && !tried))
                .map(|&i| self.fns[i].display()),
            Callee::Heap(s) => Some(s.clone()),
            Callee::Dynamic(s) => Some(s.clone()),
            Callee::External => None,
        }
    }

    fn compute_may_collect(&mut self) {
        // Edges, per function.
        let n = self.fns.len();
        let mut edges: Vec<Vec<Edge>> = Vec::with_capacity(n);
        for i in 0..n {
            let ctx = self.ctx_for(i);
            let mut ce = CallEdges {
                krate: self,
                ctx: &ctx,
                out: vec![],
                err_ctx: 0,
                tried: HashSet::new(),
            };
            ce.visit_block(self.fns[i].body.block());
            edges.push(ce.out);
        }
        let is_seed = |f: &FnInfo| {
            f.self_ty.as_deref() == Some("Vm") && self.cfg.seeds.contains(&f.name.as_str())
        };
        // body[i]: the body may collect on some path (ignoring its own no-collect claim).
        // succ[i]: it may collect on a path that returns Ok (a collection only while building the
        // exception it returns does not count: a caller that propagates it with `?` is not at risk).
        let mut body: Vec<Option<String>> = (0..n)
            .map(|i| is_seed(&self.fns[i]).then(|| "a GC entry point".to_string()))
            .collect();
        let mut succ: Vec<bool> = body.iter().map(|b| b.is_some()).collect();
        let shared_only: Vec<bool> = self.fns.iter().map(shared_vm_only).collect();
        loop {
            let mut changed = false;
            for i in 0..n {
                if shared_only[i] {
                    continue;
                }
                for e in &edges[i] {
                    let (any, ok_path, label) = match &e.callee {
                        Callee::Fns(v) => {
                            let live: Vec<usize> = v
                                .iter()
                                .copied()
                                .filter(|&j| body[j].is_some() && !self.fns[j].no_collect)
                                .collect();
                            let ok = live.iter().any(|&j| succ[j] || !e.tried);
                            match live.first() {
                                Some(&j) => (true, ok, self.fns[j].display()),
                                None => (false, false, String::new()),
                            }
                        }
                        Callee::Heap(s) | Callee::Dynamic(s) => (true, true, s.clone()),
                        Callee::External => (false, false, String::new()),
                    };
                    if !any {
                        continue;
                    }
                    if body[i].is_none() {
                        body[i] = Some(format!("`{label}` (line {})", e.line));
                        changed = true;
                    }
                    if ok_path && !e.err_ctx && !succ[i] {
                        succ[i] = true;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        for i in 0..n {
            self.may_collect[i] = body[i].is_some() && !self.fns[i].no_collect;
            self.collects_on_ok[i] = succ[i] && !self.fns[i].no_collect;
            self.why[i] = body[i].clone().unwrap_or_default();
        }
        self.body_collects = body;
    }

    pub fn ctx_for(&self, i: usize) -> Ctx {
        let f = &self.fns[i];
        let mut names = NameCollector::default();
        names.visit_block(f.body.block());
        let mut vm_names: HashSet<String> = ["vm".to_string()].into_iter().collect();
        let mut locals = names.locals;
        for a in &f.body.sig().inputs {
            if let syn::FnArg::Typed(pt) = a {
                let mut pn = Vec::new();
                pat_names(&pt.pat, &mut pn);
                for n in pn {
                    if type_is_vm(&pt.ty) {
                        vm_names.insert(n.clone());
                    }
                    locals.insert(n);
                }
            }
        }
        vm_names.extend(names.vm_names);
        Ctx {
            file: f.file,
            module: f.module.clone(),
            self_ty: f.self_ty.clone(),
            vm_names,
            locals,
            closures: names.closures,
        }
    }
}

/// The function reaches the VM only through a shared reference (`&self` of `impl Vm`, or `vm: &Vm`
/// parameters and no `&mut Vm`): the type system guarantees it cannot allocate or run Python.
fn shared_vm_only(f: &FnInfo) -> bool {
    let sig = f.body.sig();
    let mut shared = false;
    for a in &sig.inputs {
        match a {
            syn::FnArg::Receiver(r) if f.self_ty.as_deref() == Some("Vm") => {
                if r.mutability.is_some() || r.reference.is_none() {
                    return false;
                }
                shared = true;
            }
            syn::FnArg::Typed(pt) => match &*pt.ty {
                syn::Type::Reference(r) if type_is_vm(&r.elem) => {
                    if r.mutability.is_some() {
                        return false;
                    }
                    shared = true;
                }
                syn::Type::Ptr(_) => return false,
                _ => {}
            },
            _ => {}
        }
    }
    shared
}

pub fn strip(e: &syn::Expr) -> &syn::Expr {
    match e {
        syn::Expr::Paren(p) => strip(&p.expr),
        syn::Expr::Group(p) => strip(&p.expr),
        syn::Expr::Reference(r) => strip(&r.expr),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => strip(&u.expr),
        e => e,
    }
}

pub fn pat_names(p: &syn::Pat, out: &mut Vec<String>) {
    match p {
        syn::Pat::Ident(i) => {
            out.push(i.ident.to_string());
            if let Some((_, s)) = &i.subpat {
                pat_names(s, out);
            }
        }
        syn::Pat::Tuple(t) => t.elems.iter().for_each(|e| pat_names(e, out)),
        syn::Pat::TupleStruct(t) => t.elems.iter().for_each(|e| pat_names(e, out)),
        syn::Pat::Struct(s) => s.fields.iter().for_each(|f| pat_names(&f.pat, out)),
        syn::Pat::Slice(s) => s.elems.iter().for_each(|e| pat_names(e, out)),
        syn::Pat::Reference(r) => pat_names(&r.pat, out),
        syn::Pat::Type(t) => pat_names(&t.pat, out),
        syn::Pat::Or(o) => o.cases.iter().for_each(|e| pat_names(e, out)),
        syn::Pat::Paren(p) => pat_names(&p.pat, out),
        _ => {}
    }
}

/// Names bound anywhere in a body (lets, closure params, patterns), and which are closures / Vms.
#[derive(Default)]
struct NameCollector {
    locals: HashSet<String>,
    closures: HashSet<String>,
    vm_names: HashSet<String>,
}

impl<'ast> Visit<'ast> for NameCollector {
    fn visit_local(&mut self, l: &'ast syn::Local) {
        let mut v = Vec::new();
        pat_names(&l.pat, &mut v);
        if let (syn::Pat::Ident(id), Some(init)) = (&l.pat, &l.init) {
            if matches!(strip(&init.expr), syn::Expr::Closure(_)) {
                self.closures.insert(id.ident.to_string());
            }
        }
        if let syn::Pat::Type(pt) = &l.pat {
            if type_is_vm(&pt.ty) {
                v.iter().for_each(|n| {
                    self.vm_names.insert(n.clone());
                });
            }
        }
        self.locals.extend(v);
        syn::visit::visit_local(self, l);
    }
    fn visit_pat(&mut self, p: &'ast syn::Pat) {
        let mut v = Vec::new();
        pat_names(p, &mut v);
        if let syn::Pat::Type(pt) = p {
            if type_is_vm(&pt.ty) {
                v.iter().for_each(|n| {
                    self.vm_names.insert(n.clone());
                });
            }
        }
        self.locals.extend(v);
        syn::visit::visit_pat(self, p);
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

pub struct Edge {
    callee: Callee,
    line: usize,
    /// Inside `Err(..)` / `.ok_or_else(..)` / `.map_err(..)`: only runs on the way out with an error.
    err_ctx: bool,
    /// The operand of `?`.
    tried: bool,
}

/// Position of an expression, to recognise the operand of `?`.
pub fn pos(e: &syn::Expr) -> Pos {
    let (s, t) = (e.span().start(), e.span().end());
    (s.line, s.column, t.line, t.column)
}
pub type Pos = (usize, usize, usize, usize);

/// The call directly under a `?` (through parentheses).
pub fn tried_call(t: &syn::ExprTry) -> Option<Pos> {
    match strip_parens(&t.expr) {
        e @ (syn::Expr::Call(_) | syn::Expr::MethodCall(_)) => Some(pos(e)),
        _ => None,
    }
}

fn strip_parens(e: &syn::Expr) -> &syn::Expr {
    match e {
        syn::Expr::Paren(p) => strip_parens(&p.expr),
        syn::Expr::Group(p) => strip_parens(&p.expr),
        e => e,
    }
}

/// Every call in a body (closures and macro arguments included), resolved.
struct CallEdges<'a> {
    krate: &'a Crate,
    ctx: &'a Ctx,
    out: Vec<Edge>,
    err_ctx: usize,
    tried: HashSet<Pos>,
}

impl<'ast> Visit<'ast> for CallEdges<'_> {
    fn visit_item(&mut self, _: &'ast syn::Item) {} // nested fns are indexed separately
    fn visit_expr_try(&mut self, t: &'ast syn::ExprTry) {
        if let Some(p) = tried_call(t) {
            self.tried.insert(p);
        }
        syn::visit::visit_expr_try(self, t);
    }
    fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
        let name = m.method.to_string();
        let callee = self.krate.resolve_method(self.ctx, &m.receiver, &name);
        let tried = self.tried.contains(&pos(&syn::Expr::MethodCall(m.clone())));
        self.out.push(Edge {
            callee,
            line: m.method.span().start().line,
            err_ctx: self.err_ctx > 0,
            tried,
        });
        self.visit_expr(&m.receiver);
        let err = matches!(name.as_str(), "ok_or_else" | "map_err");
        self.err_ctx += err as usize;
        for a in &m.args {
            self.visit_expr(a);
        }
        self.err_ctx -= err as usize;
    }
    fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
        let line = c.span().start().line;
        let tried = self.tried.contains(&pos(&syn::Expr::Call(c.clone())));
        let mut err = false;
        match strip(&c.func) {
            syn::Expr::Path(p) => {
                let callee = self.krate.resolve_path_call(self.ctx, &p.path);
                err = p.path.segments.last().is_some_and(|s| s.ident == "Err");
                self.out.push(Edge {
                    callee,
                    line,
                    err_ctx: self.err_ctx > 0,
                    tried,
                });
            }
            syn::Expr::Closure(_) => {} // body visited below
            _ => self.out.push(Edge {
                callee: Callee::Dynamic("call through a fn pointer".into()),
                line,
                err_ctx: self.err_ctx > 0,
                tried,
            }),
        }
        self.visit_expr(&c.func);
        self.err_ctx += err as usize;
        for a in &c.args {
            self.visit_expr(a);
        }
        self.err_ctx -= err as usize;
    }
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        for e in macro_exprs(m) {
            self.visit_expr(&e);
        }
    }
}

/// The expressions of a macro call's arguments, when they parse as a comma-separated list (format!,
/// vec!, assert!...). Empty otherwise (matches!, custom syntax).
pub fn macro_exprs(m: &syn::Macro) -> Vec<syn::Expr> {
    use syn::parse::Parser;
    use syn::punctuated::Punctuated;
    let p = Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
    if let Ok(v) = p.parse2(m.tokens.clone()) {
        return v.into_iter().collect();
    }
    // vec![x; n]
    let p2 = |input: syn::parse::ParseStream| -> syn::Result<Vec<syn::Expr>> {
        let a: syn::Expr = input.parse()?;
        let _: syn::Token![;] = input.parse()?;
        let b: syn::Expr = input.parse()?;
        Ok(vec![a, b])
    };
    p2.parse2(m.tokens.clone()).unwrap_or_default()
}

/// Identifiers in a macro's tokens (for macros whose arguments do not parse as expressions).
pub fn macro_idents(ts: &proc_macro2::TokenStream, out: &mut BTreeSet<(String, usize)>) {
    for t in ts.clone() {
        match t {
            proc_macro2::TokenTree::Ident(i) => {
                out.insert((i.to_string(), i.span().start().line));
            }
            proc_macro2::TokenTree::Group(g) => macro_idents(&g.stream(), out),
            _ => {}
        }
    }
}
