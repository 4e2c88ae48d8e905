//! minipy: a small Python interpreter whose every object lives on the moving `gc` heap.
//!
//! Pipeline: source -> `rustpython-parser` AST -> `compiler` -> `bytecode::CodeUnit` (plain Rust, no heap
//! references) -> loaded into heap objects by the VM -> executed by `vm`.
//!
//! # Layers (dependencies point one way)
//! The core: `vm`, `obj`, `compiler`, `format` (format specs, `%`, float digits), `bytecode`, `dis`,
//! `unicode`. Above it: `builtins` (builtin functions, methods, native modules) and `cffi`. On top:
//! `interpreter` (the standard registry), `run`, `repl`, the binary and `embed` (the runtime of
//! embedding libraries, exported as `libminipy.so`). The core never names a layer
//! above it; the upper layers reach it through `vm::registry::Registry` (native modules by name,
//! bootstrap installers, import hooks), which `interpreter::standard_registry` fills and `Vm::new`
//! takes. `interp/tests/layering.rs` enforces this (and that modules are real directories).
//!
//! # Rooting discipline (read this before writing a native)
//! Every Python object lives on the moving `gc` heap, so a `Value` (or a payload pointer) held in a
//! Rust local is stale after any GC point: an allocation (`vm.new_*`, `vm.alloc`) or any call that can
//! run Python code (`vm.call`, dunders through `getitem`/`hash`/`eq`/`len`/`repr`, `__index__` in
//! `index_value`, a sort key, a cffi conversion, a callback). Keep a value that you need after a GC point
//! in a root: the VM value stack (`let base = vm.sp(); vm.push(v); ...; let v = vm.at(base);
//! vm.truncate(base)`), `vm.roots.temps`, or re-read a native's argument with `vm.arg(&a, i)`. Borrowed
//! views (`vm.obj`, `list_items`, `str_of`) borrow `&Vm`, so the compiler already rejects them across a
//! `&mut Vm` call. Values that never move (immediates, `vm.none()`, interned strings, builtin types) are
//! exempt. Three checks enforce this: (1) `interp/tests/gc_hazards/` (main.rs), a static checker run by
//! `cargo test` with an empty baseline, reports every `Value` live across a call that may collect (mark
//! a path-dependent false positive with `// gc-safe: <reason>` on the binding's line, and a `&mut Vm`
//! function that never collects with `/// gc: no-collect`, which the checker verifies); (2) code that
//! relies on "no GC point here" opens a `gc::NoGcScope`, and a collection inside it panics; (3) the
//! `stress-moving` test pass (`MINIPY_GC_STRESS=1 MINIPY_GC_AGE=8`) copies every young object at each
//! of its first 8 collections and poisons the old copy, so a stale read fails at once; `tests/evil/` and
//! `tests/cffi/evil_*` drive every protocol hook through it with hooks that allocate and mutate.

pub mod builtins;
pub mod bytecode;
pub mod cffi;
pub mod compiler;
pub mod dis;
pub mod embed;
pub mod format;
pub mod gcreport;
pub mod interpreter;
pub mod obj;
pub mod objects;
pub mod repl;
pub mod run;
pub mod stdlib;
pub mod unicode;
pub mod vm;
