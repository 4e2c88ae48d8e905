//! The bytecode: the contract between the compiler (which knows nothing of the heap) and the VM.
//!
//! The compiler produces a tree of [`CodeUnit`]s whose constants are plain Rust values ([`Const`]);
//! the VM loads a `CodeUnit` into heap objects once (see `vm/loader.rs`). Instructions are a fixed 8
//! bytes (`Op` + `u32` argument); jump arguments are absolute instruction indices.
//!
//! Frame layout on the VM value stack: `[fast locals (nlocals)][cells (cellvars then freevars)][operand stack]`.
//! Arguments occupy the first local slots in order: positional params, then `*args` (if any), then
//! keyword-only params, then `**kwargs` (if any). A cell slot holds a cell object; a parameter that is
//! also a cell variable is listed in `cell2arg` so the VM moves it into its cell at frame entry.
//!
//! Stack effects are written `(before -- after)`, top of stack on the right.

use num_bigint::BigInt;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Op {
    Nop,
    // ---- stack ----
    /// (a -- )
    Pop,
    /// (a -- a a)
    Dup,
    /// (a b -- a b a b)
    Dup2,
    /// (a b -- b a)
    Rot2,
    /// (a b c -- c a b)
    Rot3,
    /// (a b c d -- d a b c)
    Rot4,

    // ---- constants and names; arg = index into consts / names / local slots ----
    /// ( -- consts[arg])
    LoadConst,
    /// ( -- local) ; UnboundLocalError if unset
    LoadFast,
    /// (v -- )
    StoreFast,
    DeleteFast,
    /// ( -- cell contents) ; arg indexes cellvars then freevars (slot nlocals+arg)
    LoadDeref,
    /// (v -- )
    StoreDeref,
    DeleteDeref,
    /// ( -- the cell object itself), for building closures
    LoadClosure,
    /// ( -- globals[names[arg]] or builtins[...]) ; NameError if missing
    LoadGlobal,
    StoreGlobal,
    DeleteGlobal,
    /// Module level and class bodies: locals dict, then globals, then builtins.
    LoadName,
    StoreName,
    DeleteName,
    /// Class body reading a free variable: class namespace first, then the cell (arg as LoadDeref).
    LoadClassDeref,

    // ---- attributes and items ----
    /// (obj -- obj.names[arg])
    LoadAttr,
    /// (v obj -- ) ; obj.names[arg] = v
    StoreAttr,
    /// (obj -- )
    DeleteAttr,
    /// (obj -- meth self) or (obj -- NULL boundattr): the pair CallMethod consumes.
    LoadMethod,
    /// (meth self a1..an -- result) or (NULL f a1..an -- result); arg = n
    CallMethod,
    /// (obj key -- obj[key])
    Subscript,
    /// (v obj key -- ) ; obj[key] = v
    StoreSubscr,
    /// (obj key -- )
    DeleteSubscr,
    /// (start stop -- slice) arg=2 ; (start stop step -- slice) arg=3
    BuildSlice,

    // ---- operators ----
    /// (a b -- a OP b); arg = BinOp as u32
    BinaryOp,
    /// (a b -- a OP= b); arg = BinOp as u32 (tries __iop__ first)
    InplaceOp,
    /// (a -- OP a); arg = UnaryOp as u32
    UnaryOp,
    /// (a b -- a CMP b); arg = CmpOp as u32
    CompareOp,
    /// (a b -- a is b) ; arg=1 means `is not`
    IsOp,
    /// (a b -- a in b) ; arg=1 means `not in`
    ContainsOp,

    // ---- building ----
    /// (a1..an -- tuple)
    BuildTuple,
    BuildList,
    BuildSet,
    /// (k1 v1 .. kn vn -- dict)
    BuildMap,
    /// (keys... values... keytuple) not used; reserved
    BuildConstKeyMap,
    /// (s1..sn -- "".join) for f-strings
    BuildString,
    /// (list x1 .. x(arg-1)? no:) (container ... v -- container ...): appends v to the list at depth arg
    /// (after popping v, the list is at stack[len - arg]).
    ListAppend,
    SetAdd,
    /// (... dict ... k v -- ...) dict at depth arg after popping k and v.
    MapAdd,
    /// (list iterable -- list) list.extend(iterable), list at depth arg after pop
    ListExtend,
    /// (set iterable -- set)
    SetUpdate,
    /// (dict mapping -- dict) for {**m}
    DictUpdate,
    /// (dict mapping -- dict) for f(**m): TypeError on duplicate keys
    DictMerge,
    /// (list -- tuple)
    ListToTuple,
    /// (value -- str) or (value spec -- str); arg = conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 if a spec is on the stack
    FormatValue,

    // ---- control flow; arg = target instruction index ----
    Jump,
    /// (v -- )
    PopJumpIfFalse,
    PopJumpIfTrue,
    /// (v -- v) if jumping, else (v -- )
    JumpIfFalseOrPop,
    JumpIfTrueOrPop,
    /// (iterable -- iterator)
    GetIter,
    /// (iter -- iter next) or, when exhausted, (iter -- ) and jump to arg
    ForIter,

    // ---- calls and functions ----
    /// (f a1..an -- result)
    Call,
    /// (f a1..an kwnames -- result); arg = n = total number of arguments (positional + keyword);
    /// kwnames is a tuple constant of the last len(kwnames) argument names.
    CallKw,
    /// (f argstuple -- result) or (f argstuple kwargsdict -- result) if arg & 1
    CallEx,
    /// Builds a function: (defaults? kwdefaults? closure? code qualname -- function)
    /// arg flags: 1 = a tuple of positional defaults, 2 = a dict of kw-only defaults, 8 = a tuple of cells.
    MakeFunction,
    /// (v -- ) returns v from the frame
    ReturnValue,
    /// ( -- builtins.__build_class__) ; then Call with (func, name, *bases, **kw)
    LoadBuildClass,

    // ---- generators ----
    /// (v -- sent) suspends the generator yielding v; on resume pushes the sent value
    YieldValue,
    /// (iterable -- iterator) ; like GetIter but passes generators through
    GetYieldFromIter,
    /// (iter v -- iter) delegating send: if iter yields x, the frame yields x and re-executes this
    /// instruction on resume with the sent value in place of v; when iter finishes, pops iter and
    /// v and pushes the return value, continuing at the next instruction.
    YieldFrom,

    // ---- exceptions; blocks live in the frame ----
    /// Pushes an exception-handler block; on an exception inside it, the value stack is truncated to the
    /// depth at setup, the exception is pushed and control jumps to arg. The handler is "active"
    /// (sys.exc_info, bare raise, __context__) until PopExcept.
    SetupExcept,
    /// Same mechanism as SetupExcept, used for `finally:` handlers (the compiler ends them with Reraise).
    SetupFinally,
    /// Pops the innermost block (normal exit from the try body).
    PopBlock,
    /// Leaves an except handler: restores the previously handled exception.
    PopExcept,
    /// (exc -- ) re-raises exc, keeping its traceback.
    Reraise,
    /// arg 0: bare `raise`; 1: (exc -- ) raise exc; 2: (exc cause -- ) raise exc from cause
    RaiseVarargs,
    /// (exc type -- exc bool) isinstance(exc, type) with type possibly a tuple
    CheckExcMatch,
    /// (mgr -- exit enterresult) calls __enter__, pushes a SetupFinally-like block whose handler is arg
    BeforeWith,
    /// Exception path of `with`: (exit exc -- exit exc suppress) calls exit(type(exc), exc, tb)
    WithExceptStart,
    /// ( -- AssertionError)
    LoadAssertionError,

    // ---- unpacking ----
    /// (seq -- vn .. v1) exactly arg items, first item on top
    UnpackSequence,
    /// (seq -- after.. list before..) arg = before | (after << 8), as CPython's UNPACK_EX
    UnpackEx,

    // ---- modules ----
    /// (fromlist level -- module) imports names[arg]
    ImportName,
    /// (module -- module value) value = module.names[arg] (ImportError if missing)
    ImportFrom,
    /// (module -- ) binds every public name into the current namespace
    ImportStar,

    /// (v -- ) REPL: prints repr(v) if not None
    PrintExpr,
    /// (v -- ) sets __annotations__? unused; reserved
    SetupAnnotations,
}

/// Declares a `#[repr(u32)]` enum carried in an instruction's `arg`, with its checked decoding:
/// `TryFrom<u32>` and `from_arg`, which panics on a value no compiler emits (corrupt bytecode).
macro_rules! arg_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($var:ident,)* }) => {
        $(#[$m])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        #[repr(u32)]
        pub enum $name {
            $($var,)*
        }
        impl TryFrom<u32> for $name {
            type Error = u32;
            #[inline(always)]
            #[allow(non_upper_case_globals)]
            fn try_from(x: u32) -> Result<$name, u32> {
                // One constant per variant so that the match compiles to a range check (the
                // discriminants are consecutive).
                $(const $var: u32 = $name::$var as u32;)*
                match x {
                    $($var => Ok($name::$var),)*
                    _ => Err(x),
                }
            }
        }
        impl $name {
            /// Decodes an instruction argument; panics on an invalid value (corrupt bytecode).
            #[inline(always)]
            pub fn from_arg(x: u32) -> $name {
                match $name::try_from(x) {
                    Ok(v) => v,
                    Err(x) => bad_arg(stringify!($name), x),
                }
            }
        }
    };
}

#[cold]
#[inline(never)]
fn bad_arg(what: &str, x: u32) -> ! {
    panic!("invalid {what} argument {x} in bytecode (corrupt code object)")
}

arg_enum! {
/// `BinaryOp`/`InplaceOp` argument.
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}
}

arg_enum! {
pub enum UnaryOp {
    Neg,
    Pos,
    Not,
    Invert,
}
}

arg_enum! {
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}
}

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

#[cfg(test)]
mod arg_enum_tests {
    use super::*;

    #[test]
    fn arg_enums_round_trip() {
        for op in [BinOp::Add, BinOp::Pow, BinOp::MatMul] {
            assert_eq!(BinOp::from_arg(op as u32), op);
        }
        assert_eq!(BinOp::try_from(BinOp::MatMul as u32 + 1), Err(13));
        assert_eq!(UnaryOp::from_arg(UnaryOp::Invert as u32), UnaryOp::Invert);
        assert_eq!(UnaryOp::try_from(4), Err(4));
        assert_eq!(CmpOp::from_arg(CmpOp::Ge as u32), CmpOp::Ge);
        assert_eq!(CmpOp::try_from(u32::MAX), Err(u32::MAX));
    }

    #[test]
    #[should_panic(expected = "invalid CmpOp argument 6 in bytecode")]
    fn invalid_arg_panics() {
        CmpOp::from_arg(6);
    }
}
