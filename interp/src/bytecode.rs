//! The bytecode: the contract between the compiler (which knows nothing of the heap) and the VM.
//!
//! The compiler produces a tree of [`CodeUnit`]s whose constants are plain Rust values ([`Const`]);
//! the VM loads a `CodeUnit` into heap objects once (see `vm/code.rs`). Instructions are a fixed 8
//! bytes (`Op` + `u32` argument); jump arguments are absolute instruction indices.
//!
//! Frame layout on the VM value stack: `[fast locals (nlocals)][cells (cellvars then freevars)][operand stack]`.
//! Arguments occupy the first local slots in order: positional params, then `*args` (if any), then
//! keyword-only params, then `**kwargs` (if any). A cell slot holds a cell object; a parameter that is
//! also a cell variable is listed in `cell2arg` so the VM moves it into its cell at frame entry.
//!
//! The instruction set itself (the `Op` enum, each opcode's operand kind, stack effect and control
//! flow, and the argument enums `BinOp`/`UnaryOp`/`CmpOp`) is one table in `bytecode/opcodes.rs`.
//! Stack effects are written `(before -- after)`, top of stack on the right.

mod opcodes;

pub use opcodes::{BinOp, CmpOp, Flow, Op, Operand, UnaryOp};

use num_bigint::BigInt;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    Code(Box<CodeUnit>),
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
    Lambda,
    Generator,
    /// List/set/dict comprehension or generator expression body (a Function / Generator).
    Comprehension,
}

/// One compiled code object.
#[derive(Clone, Debug, PartialEq)]
pub struct CodeUnit {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub kind: CodeKind,
    pub is_generator: bool,
    /// `async def`: a coroutine (an async generator if `is_generator` too).
    pub is_async: bool,
    /// CPython's `co_flags` bits (CO_OPTIMIZED, CO_NESTED, CO_GENERATOR, CO_COROUTINE...).
    pub flags: u32,
    /// Number of positional parameters (including positional-only).
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    /// Names of all fast locals; parameters first, in the order described in the module docs.
    pub varnames: Vec<String>,
    /// Variables of this scope captured by inner scopes.
    pub cellvars: Vec<String>,
    /// Variables captured from enclosing scopes (filled from the function's closure tuple).
    pub freevars: Vec<String>,
    /// For each cellvar that is a parameter: (cell index, argument slot).
    pub cell2arg: Vec<(u32, u32)>,
    /// Attribute, global and other names used by instructions.
    pub names: Vec<String>,
    pub consts: Vec<Const>,
    pub code: Vec<Instr>,
    /// Source line of each instruction (same length as `code`).
    pub lines: Vec<u32>,
    pub firstlineno: u32,
    /// Maximum operand-stack depth (an upper bound is fine).
    pub stacksize: u32,
}
