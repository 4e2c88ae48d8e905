//! minipy: a small Python interpreter whose every object lives on the moving `gc` heap.
//!
//! Pipeline: source -> `rustpython-parser` AST -> `compiler` -> `bytecode::CodeUnit` (plain Rust, no heap
//! references) -> loaded into heap objects by the VM -> executed by `vm`.

pub mod builtins;
pub mod bytecode;
pub mod cffi;
pub mod compiler;
pub mod dis;
pub mod obj;
pub mod repl;
pub mod run;
pub mod vm;
