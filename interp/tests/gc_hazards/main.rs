//! Static GC rooting hazard checker for interp/src (issue 8), in the style of SpiderMonkey's rooting
//! hazard analysis and PyPy's collect analyzer.
//!
//! # What it checks
//! A `Value` (or a raw payload pointer) held in a Rust local is stale after a GC point, because the
//! moving collector may have relocated the object. The checker reports every local or parameter of a
//! "Value-like" type that is **used after a call that may collect**, without being re-read first:
//!
//! ```text
//! src/vm/containers.rs: in `Vm::getitem`, `o` (bound at ..:151) is live across GC call
//! `norm_index` (via `Vm::call`) (..:171) and used at ..:172
//! ```
//!
//! # The model
//! 1. **Call graph.** Every `fn` under interp/src (free fns, nested fns, methods of every `impl`) is
//!    indexed by name. Calls are resolved by name: `self.f()` to the method of the enclosing impl,
//!    `vm.f()` (any receiver typed `Vm`, or named `vm`, or a `.vm` field) to `Vm::f`, `x.heap.f()` to
//!    the gc crate's `Heap`, `Type::f()`/`Self::f()` to that impl, `f()` / `m::f()` to free fns of that
//!    name (filtered by module when the path names one). A method call on a receiver of unknown type
//!    resolves to every non-`Vm` crate method of that name (none: std, assumed not to collect).
//! 2. **May collect.** Seeds: `heap.alloc`/`minor_collect`/`major_collect`/`collect`/`poll`, the Vm entry
//!    points `alloc`, `call`, `call_slot`, `run_frames`, `execute` ([`Config::seeds`]), and every call
//!    through a fn pointer, a local callable (`dyn Fn`, generic `F`, a native from a table) or any
//!    non-path callee. Transitive closure over the call graph; with a name collision, a call collects
//!    if any candidate does.
//! 3. **Per function**, an ordered walk of the body in evaluation order (arguments before the call,
//!    the right-hand side of an assignment before the place), forking at `if`/`match` arms and joining
//!    (stale on any path = stale), running loop bodies twice (a use early in an iteration sees a GC
//!    point later in the previous one), with `return`/`break`/`continue`/`panic!` ending a path.
//!    Closures bound by `let` are analysed inline at each call; other closures in place, joined with
//!    the path where they do not run.
//! 4. **Value-like**: declared `Value`, `*mut T`/`*const T`, tuples/arrays/slices/`Vec`/`Option`/
//!    `Result` of those, a crate struct with such fields (`Frame`), or bound from an expression of that
//!    shape: a resolved callee whose return type is Value-like (`vm.arg(..)`, `vm.pop()`,
//!    `vm.new_str(..)?`, `vm.payload(..)`), a field of a Value type, an element of a borrowed
//!    `&[Value]` (`vm.list_items(o)[i]`, `.to_vec()`, `*x`). Borrowed views (`vm.obj::<T>(v)`,
//!    `&[Value]` from the VM) are not tracked: the borrow checker already protects them. A `&[Value]`
//!    **parameter** of a function is tracked (it cannot borrow from the VM the function mutates).
//! 5. **Never stale** (not tracked): results of the accessors in [`Config::immortal_methods`]
//!    (`none`, `bool_val`, `named`, `type_of_kind`, `builtin_type`, `intern`, `alloc_old`...: all
//!    old-generation objects, checked in the code), immediates (`Value::from_int`, `Value::NULL`),
//!    fields holding only old objects ([`Config::immortal_fields`]: `sym_init`, code `consts`...), and
//!    `Args` (indices plus an old-generation kwnames tuple).
//!
//! # Approximations (known imprecision)
//! * Flow-insensitive about values: a `Value` that is an immediate at run time (a checked small int)
//!   or an old object is still tracked; annotate it.
//! * Name-based resolution: an unresolved receiver type misses `Vm` methods called through it; trait
//!   dispatch is not modelled (no trait methods collect in interp today).
//! * A rooted-then-re-read value must really be re-read (`let o = vm.arg(&a, 0)` again, `vm.pop()`):
//!   pushing a local onto the stack and reading the local afterwards is (correctly) reported.
//!
//! # Annotations
//! * `// gc-safe: <reason>` on the binding's line or on the line above (reason mandatory): the local
//!   is not tracked. Every use is listed in the report.
//! * `/// gc: no-collect` as a doc-comment line of a function: callers treat it as not collecting
//!   (PyPy's `rgc.no_collect`), and the checker verifies the claim: a body that may collect (ignoring
//!   the claim) is a finding `<no-collect>`.
//!
//! # Running
//! `cargo test --release -p minipy --test gc_hazards -- --nocapture` prints the full report (findings,
//! per-file counts, gc-safe annotations). The test fails on a finding whose key
//! (`file:function:local`) is not in `tests/gc_hazards.baseline`, and on a baseline entry that no
//! longer occurs (the baseline only shrinks). `GC_HAZARDS_BLESS=1` rewrites the baseline.
//! `GC_HAZARDS_SRC=<dir>` checks `<dir>/src` instead and only reports: run on the parent trees of
//! commits 2890eb2 and cbb751e (`git archive <c>^ interp/src | tar -x -C /tmp/old`), it reports the
//! hazards those commits fixed (`Vm::inplace_op` a/b, `Vm::seq_repeat` items).
//!
//! # Reading a finding
//! Fix it by re-reading the value after the GC point (`vm.arg(&a, i)`, `vm.at(slot)`, `vm.pop()`,
//! `vm.get_temp(t)`), by rooting it before and re-reading it after, or, if it cannot move (an immediate
//! int on that path, an old object), with `// gc-safe: <why>`. A collection that can only happen on
//! the error path of a callee does not count when the call is directly under `?` (the caller returns).
//! Functions that only take `&Vm` cannot collect (the type system guarantees it).

mod flow;
mod model;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn rs_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn interp_report() -> flow::Report {
    // GC_HAZARDS_SRC=<dir containing src/>: check another tree (e.g. an old commit, to validate the
    // checker against hazards fixed in the past).
    let root_buf = std::env::var_os("GC_HAZARDS_SRC")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf());
    let root = root_buf.as_path();
    let mut files = Vec::new();
    rs_files(&root.join("src"), &mut files);
    let sources = files
        .iter()
        .map(|p| {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(p).unwrap();
            model::Source::parse(&rel, &text).unwrap()
        })
        .collect();
    flow::analyze(sources, model::Config::default())
}

#[test]
fn interp_has_no_new_gc_hazards() {
    let r = interp_report();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let baseline_path = root.join("tests/gc_hazards.baseline");

    println!(
        "== GC hazard report ({} functions, {} may collect) ==",
        r.nfns, r.ncollecting
    );
    for f in &r.findings {
        println!("{}", f.message());
    }
    let mut per_file: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &r.findings {
        *per_file.entry(&f.file).or_default() += 1;
    }
    println!("== findings per file ==");
    for (f, n) in &per_file {
        println!("{n:5} {f}");
    }
    println!("{:5} total", r.findings.len());
    println!("== gc-safe annotations: {} ==", r.gc_safe.len());
    for s in &r.gc_safe {
        println!("{}:{} `{}`: {}", s.file, s.line, s.local, s.reason);
    }
    println!(
        "== calls of a collecting Vm method name on a receiver not known to be the VM (assumed std): {} ==",
        r.unresolved.len()
    );
    for u in &r.unresolved {
        println!("{u}");
    }
    println!("== gc: no-collect claims: {} ==", r.no_collect_claims.len());
    for c in &r.no_collect_claims {
        println!("{c}");
    }

    let found: BTreeSet<String> = r.findings.iter().map(|f| f.key()).collect();
    if std::env::var_os("GC_HAZARDS_SRC").is_some() {
        return; // report only
    }
    if std::env::var_os("GC_HAZARDS_BLESS").is_some() {
        let mut text = String::from(
            "# GC hazard baseline (tests/gc_hazards/main.rs): file:function:local, one per line.\n\
             # Only shrinks: fix a hazard, then delete its line. Goal: empty.\n",
        );
        for k in &found {
            text.push_str(k);
            text.push('\n');
        }
        std::fs::write(&baseline_path, text).unwrap();
        println!("baseline rewritten: {} entries", found.len());
        return;
    }
    let baseline: BTreeSet<String> = std::fs::read_to_string(&baseline_path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.to_string())
        .collect();
    let new: Vec<_> = r
        .findings
        .iter()
        .filter(|f| !baseline.contains(&f.key()))
        .collect();
    let gone: Vec<_> = baseline.difference(&found).collect();
    let mut msg = String::new();
    if !new.is_empty() {
        msg += "new GC hazards (fix them: re-read the value after the GC point, or root it; or annotate \
                with `// gc-safe: <reason>` if it cannot move):\n";
        for f in &new {
            msg += &format!("  {}\n", f.message());
        }
    }
    if !gone.is_empty() {
        msg +=
            "baseline entries that no longer occur (delete them from tests/gc_hazards.baseline):\n";
        for k in &gone {
            msg += &format!("  {k}\n");
        }
    }
    if !r.gc_safe_without_reason.is_empty() {
        msg += "`// gc-safe:` without a reason (not honoured):\n";
        for k in &r.gc_safe_without_reason {
            msg += &format!("  {k}\n");
        }
    }
    assert!(msg.is_empty(), "{msg}");
}

// ---- the checker's own tests ---------------------------------------------------------------------

/// A miniature VM with the same shapes as interp's: the snippets below are checked against it.
const PRELUDE: &str = r#"
pub struct Value(u64);
pub struct Args { pub base: usize, pub n: usize, pub kwnames: Value }
pub struct ListObj { pub items: Value, pub len: usize }
pub type PyResult<T> = Result<T, Exc>;
impl Vm {
    pub fn alloc(&mut self, k: Kind, n: usize) -> PyResult<Value> { self.heap.alloc(k, n, &mut self.roots) }
    pub fn call(&mut self, f: Value, args: &[Value]) -> PyResult<Value> { let nf = self.native(f); nf(self, args) }
    pub fn arg(&self, a: &Args, i: usize) -> Value { self.roots.stack[a.base + i] }
    pub fn push(&mut self, v: Value) { self.roots.stack.push(v) }
    pub fn pop(&mut self) -> Value { self.roots.stack.pop().unwrap() }
    pub fn none(&self) -> Value { self.roots.named[0] }
    pub fn list_items(&self, v: Value) -> &[Value] { unimplemented!() }
    pub fn payload<T>(&self, v: Value) -> *mut T { unimplemented!() }
    pub fn special(&self, v: Value, name: &str) -> Option<Value> { None }
    pub fn new_str(&mut self, s: &str) -> PyResult<Value> { self.alloc(Kind::Str, s.len()) }
    pub fn index_value(&mut self, k: Value) -> PyResult<i64> {
        if let Some(f) = self.special(k, "__index__") {
            let r = self.call(f, &[k])?;
            return Ok(0);
        }
        Ok(1)
    }
    pub fn len_of(&self, v: Value) -> usize { 0 }
}
"#;

fn check(snippet: &str) -> flow::Report {
    let text = format!("{PRELUDE}\n{snippet}");
    let src = model::Source::parse("src/t.rs", &text).unwrap();
    flow::analyze(vec![src], model::Config::default())
}

fn locals(r: &flow::Report) -> Vec<String> {
    r.findings
        .iter()
        .map(|f| format!("{}:{}", f.func, f.local))
        .collect()
}

#[test]
fn rejects_the_getitem_pattern() {
    let r = check(
        r#"
        fn getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
            let o = vm.arg(&a, 0);
            let x = vm.arg(&a, 1);
            let i = vm.index_value(x)?;
            Ok(vm.list_items(o)[i as usize])
        }"#,
    );
    assert_eq!(locals(&r), ["getitem:o"], "{:?}", r.findings);
    let m = r.findings[0].message();
    assert!(m.contains("index_value") && m.contains("used at"), "{m}");
}

#[test]
fn rejects_parameters_payload_pointers_and_values_read_from_borrowed_views() {
    let r = check(
        r#"
        impl Vm {
            fn param(&mut self, o: Value) -> PyResult<Value> {
                let s = self.new_str("x")?;
                self.push(o);
                Ok(s)
            }
            fn ptr(&mut self, o: Value) -> PyResult<()> {
                let p = self.payload::<ListObj>(o);
                let s = self.new_str("x")?;
                unsafe { (*p).items = s; }
                Ok(())
            }
            fn elem(&mut self, o: Value) -> PyResult<Value> {
                let first = self.list_items(o)[0];
                let copy = self.list_items(o).to_vec();
                self.new_str("x")?;
                self.push(copy[0]);
                Ok(first)
            }
        }"#,
    );
    assert_eq!(
        locals(&r),
        [
            "Vm::elem:copy",
            "Vm::elem:first",
            "Vm::param:o",
            "Vm::ptr:p"
        ],
        "{:?}",
        r.findings
    );
}

#[test]
fn loop_use_after_gc_later_in_the_body_is_rejected() {
    let r = check(
        r#"
        fn each(vm: &mut Vm, a: Args) -> PyResult<()> {
            let o = vm.arg(&a, 0);
            for _ in 0..3 {
                let n = vm.len_of(o);
                vm.new_str("x")?;
            }
            Ok(())
        }"#,
    );
    assert_eq!(locals(&r), ["each:o"]);
}

#[test]
fn accepts_rooted_reread_and_early_return_patterns() {
    let r = check(
        r#"
        fn reread(vm: &mut Vm, a: Args) -> PyResult<Value> {
            let x = vm.arg(&a, 1);
            let i = vm.index_value(x)?;
            let o = vm.arg(&a, 0);
            Ok(vm.list_items(o)[i as usize])
        }
        fn rooted(vm: &mut Vm, v: Value) -> PyResult<Value> {
            vm.push(v);
            let s = vm.new_str("x")?;
            let v = vm.pop();
            vm.push(s);
            Ok(v)
        }
        fn reassigned(vm: &mut Vm, a: Args) -> PyResult<Value> {
            let mut o = vm.arg(&a, 0);
            vm.new_str("x")?;
            o = vm.arg(&a, 0);
            Ok(o)
        }
        fn early_return(vm: &mut Vm, o: Value) -> PyResult<Value> {
            if let Some(f) = vm.special(o, "__len__") {
                return vm.call(f, &[o]);
            }
            Ok(o)
        }
        fn after_branch_only(vm: &mut Vm, o: Value, c: bool) -> PyResult<usize> {
            let n = vm.len_of(o);
            if c {
                vm.new_str("x")?;
            }
            Ok(n)
        }"#,
    );
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn accepts_immortal_accessors_and_gc_safe_annotations() {
    let r = check(
        r#"
        fn immortal(vm: &mut Vm) -> PyResult<Value> {
            let none = vm.none();
            let s = vm.new_str("x")?;
            vm.push(none);
            Ok(s)
        }
        fn annotated(vm: &mut Vm, a: Args) -> PyResult<Value> {
            // gc-safe: the test says so
            let o = vm.arg(&a, 0);
            vm.new_str("x")?;
            Ok(o)
        }"#,
    );
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.gc_safe.len(), 1);
    assert_eq!(r.gc_safe[0].reason, "the test says so");
}

#[test]
fn gc_safe_needs_a_reason() {
    let r = check(
        r#"
        fn annotated(vm: &mut Vm, a: Args) -> PyResult<Value> {
            // gc-safe:
            let o = vm.arg(&a, 0);
            vm.new_str("x")?;
            Ok(o)
        }"#,
    );
    assert_eq!(locals(&r), ["annotated:o"]);
    assert_eq!(r.gc_safe_without_reason.len(), 1);
}

#[test]
fn no_collect_claims_are_trusted_and_verified() {
    let r = check(
        r#"
        impl Vm {
            /// Looks up a type attribute.
            /// gc: no-collect
            fn lookup(&mut self, v: Value) -> Option<Value> { self.special(v, "x") }
            /// gc: no-collect
            fn liar(&mut self, v: Value) -> Value { self.new_str("x").unwrap() }
        }
        fn user(vm: &mut Vm, o: Value) -> Option<Value> {
            let f = vm.lookup(o)?;
            vm.push(o);
            Some(f)
        }"#,
    );
    assert_eq!(locals(&r), ["Vm::liar:<no-collect>"], "{:?}", r.findings);
    assert!(r.findings[0].message().contains("Vm::new_str"));
}

#[test]
fn dynamic_calls_and_closures_collect() {
    let r = check(
        r#"
        fn through_ptr(vm: &mut Vm, f: fn(&mut Vm) -> PyResult<Value>, o: Value) -> PyResult<Value> {
            f(vm)?;
            Ok(o)
        }
        fn via_closure(vm: &mut Vm, o: Value) -> PyResult<Value> {
            let mk = |vm: &mut Vm| vm.new_str("x");
            mk(vm)?;
            Ok(o)
        }
        fn harmless_closure(vm: &mut Vm, o: Value) -> PyResult<Value> {
            let n = |vm: &mut Vm, v: Value| vm.len_of(v);
            n(vm, o);
            Ok(o)
        }"#,
    );
    assert_eq!(
        locals(&r),
        ["through_ptr:o", "via_closure:o"],
        "{:?}",
        r.findings
    );
}

#[test]
fn collection_only_on_the_error_path_is_not_a_gc_point_under_question_mark() {
    let r = check(
        r#"
        impl Vm {
            fn raise(&mut self, m: &str) -> Exc { self.new_str(m).unwrap(); Exc }
            fn enter(&mut self, deep: bool) -> PyResult<()> {
                if deep {
                    return Err(self.raise("RecursionError"));
                }
                Ok(())
            }
        }
        fn propagated(vm: &mut Vm, o: Value) -> PyResult<Value> {
            vm.enter(true)?;
            Ok(o)
        }
        fn handled(vm: &mut Vm, o: Value) -> PyResult<Value> {
            let _ = vm.enter(true);
            Ok(o)
        }"#,
    );
    assert_eq!(locals(&r), ["handled:o"], "{:?}", r.findings);
}

#[test]
fn shared_vm_functions_and_same_module_names_do_not_collect() {
    let r = check(
        r#"
        mod other {
            pub fn data(vm: &mut Vm, v: Value) -> usize { vm.new_str("x").unwrap(); 0 }
        }
        fn data(vm: &Vm, v: Value) -> usize { vm.len_of(v) }
        fn user(vm: &mut Vm, o: Value) -> PyResult<Value> {
            let n = data(vm, o);
            Ok(o)
        }"#,
    );
    assert!(r.findings.is_empty(), "{:?}", r.findings);
}

#[test]
fn structs_holding_values_and_copied_vecs_are_tracked() {
    // The shapes of two hazards fixed in the past: a copied `Frame` used after add_traceback
    // (9bd2cc5), and list repetition reading a `Vec<Value>` copy after allocating (cbb751e).
    let r = check(
        r#"
        pub struct Frame { pub code: Value, pub func: Value, pub base: usize }
        impl Vm {
            fn frame(&self) -> Frame { unimplemented!() }
            fn unwind(&mut self) -> PyResult<()> {
                let f = self.frame();
                self.new_str("traceback")?;
                self.push(f.func);
                Ok(())
            }
            fn repeat(&mut self, s: usize) -> PyResult<()> {
                let items = self.list_items(self.arg(&Args { base: s, n: 1, kwnames: self.none() }, 0)).to_vec();
                let l = self.new_str("list")?;
                for v in &items {
                    self.push(*v);
                }
                let n = items.len();
                Ok(())
            }
        }"#,
    );
    assert_eq!(
        locals(&r),
        ["Vm::repeat:items", "Vm::unwind:f"],
        "{:?}",
        r.findings
    );
}
