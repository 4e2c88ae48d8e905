//! The opcode table: the one place where the instruction set is described. Every other view of an
//! opcode is generated from it or reads it:
//!
//! - the [`Op`] enum (`#[repr(u8)]`, variants in table order) that the compiler emits and the eval loop
//!   (`vm/eval.rs`) matches on;
//! - [`Op::operand`], what the `u32` argument means ([`Operand`]), which `dis.rs` uses to print it;
//! - [`Op::stack_effect`], the net stack effect on the fall-through path and on the jump path, which
//!   `compiler/stackdepth.rs` uses to compute `stacksize` and to check the compiler's output;
//! - [`Op::flow`], the control-flow class ([`Flow`]): whether the argument is an instruction index
//!   (patched from labels by `compiler/emit.rs`, marked `>>` by `dis.rs`) and whether execution can
//!   fall through to the next instruction.
//!
//! The argument enums ([`BinOp`], [`UnaryOp`], [`CmpOp`]) live here too, with their checked decoding.
//!
//! Invariants (checked by the tests at the bottom):
//! - an opcode has a jump target ([`Flow::is_jump`]) exactly when its operand is [`Operand::Jump`];
//! - only opcodes that can jump have a jump-path stack effect different from the fall-through one;
//! - stack effects are written `(pops -- pushes)`: the values an instruction reads off the top of the
//!   stack and the values it leaves there. Values deeper in the stack that an instruction uses in place
//!   (the list of `ListAppend`) are not counted. Only the net effect matters to the stack-depth
//!   analysis; the split keeps each row readable against its doc comment.
//!
//! Adding an opcode: add a row (the enum, `dis`, the stack-depth analysis and the label patching follow),
//! then handle it in the compiler and in the eval loop's `match` (which the compiler forces, since that
//! match is exhaustive).

/// What an instruction's `u32` argument means; `dis.rs` prints it accordingly.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Operand {
    /// No argument (the compiler emits 0; `dis` prints nothing).
    None,
    /// Index into the code unit's `consts`.
    Const,
    /// Index into `names` (globals, attributes, modules).
    Name,
    /// Fast local slot, index into `varnames`.
    Local,
    /// Cell slot: index into `cellvars`, then `freevars`.
    Cell,
    /// Absolute instruction index (a jump target or an exception handler).
    Jump,
    /// A number of stack values (items, call arguments, ...).
    Count,
    /// The depth of a container below the popped value(s) (comprehension appends, call-argument merges).
    Depth,
    /// A [`BinOp`], printed as its operator.
    BinOp,
    /// A [`BinOp`], printed as its augmented-assignment operator (`+=`).
    InplaceOp,
    /// A [`UnaryOp`].
    UnaryOp,
    /// A [`CmpOp`].
    CmpOp,
    /// 0 for `is`, 1 for `is not`.
    IsNot,
    /// 0 for `in`, 1 for `not in`.
    NotIn,
    /// `FormatValue` flags: conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 if a format spec is on the stack.
    FormatFlags,
    /// `MakeFunction` flags: 1 positional defaults, 2 keyword-only defaults, 4 annotations, 8 closure.
    FunctionFlags,
    /// `CallEx` flags: 1 if a kwargs dict is on the stack.
    CallExFlags,
    /// `UnpackEx` counts: before | (after << 8).
    UnpackCounts,
    /// `RaiseVarargs` form: 0 bare raise, 1 raise exc, 2 raise exc from cause.
    RaiseForm,
}

/// How an instruction passes control on.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Always continues with the next instruction; the argument is not an instruction index.
    Next,
    /// Always continues at the argument (never falls through).
    Jump,
    /// Continues at the argument or with the next instruction, depending on a value (conditional jumps,
    /// `ForIter`).
    Branch,
    /// Continues with the next instruction and pushes a block whose exception handler is the argument:
    /// control reaches the handler only when an exception unwinds to that block.
    Handler,
    /// Never reaches the next instruction: returns from the frame or raises.
    Stop,
}

impl Flow {
    /// Whether the argument is an instruction index (patched from a label by the compiler).
    pub const fn is_jump(self) -> bool {
        matches!(self, Flow::Jump | Flow::Branch | Flow::Handler)
    }

    /// Whether execution may continue with the next instruction.
    pub const fn falls_through(self) -> bool {
        !matches!(self, Flow::Jump | Flow::Stop)
    }
}

/// Values popped and pushed by an instruction, `(pops -- pushes)`.
#[derive(Copy, Clone, Debug)]
enum Effect {
    Fixed(u8, u8),
    /// Depends on the argument.
    Arg(fn(u32) -> (u32, u32)),
}

impl Effect {
    fn net(self, arg: u32) -> i32 {
        match self {
            Effect::Fixed(pops, pushes) => pushes as i32 - pops as i32,
            Effect::Arg(f) => {
                let (pops, pushes) = f(arg);
                pushes as i32 - pops as i32
            }
        }
    }
}

/// The argument-dependent stack effects named in the table, `arg -> (pops, pushes)`.
mod effects {
    /// (a1..an -- built)
    pub fn build(n: u32) -> (u32, u32) {
        (n, 1)
    }
    /// (k1 v1 .. kn vn -- dict)
    pub fn build_map(n: u32) -> (u32, u32) {
        (2 * n, 1)
    }
    /// Reserved opcode: (v1..vn keytuple -- dict)
    pub fn build_const_key_map(n: u32) -> (u32, u32) {
        (n + 1, 1)
    }
    /// (f a1..an -- result)
    pub fn call(n: u32) -> (u32, u32) {
        (n + 1, 1)
    }
    /// (meth self a1..an -- result), and (f a1..an kwnames -- result) for CallKw
    pub fn call_plus_two(n: u32) -> (u32, u32) {
        (n + 2, 1)
    }
    /// (f args [kwargs] -- result)
    pub fn call_ex(flags: u32) -> (u32, u32) {
        (2 + (flags & 1), 1)
    }
    /// ([defaults] [kwdefaults] [closure] code qualname -- function)
    pub fn make_function(flags: u32) -> (u32, u32) {
        (
            2 + (flags & 1) + ((flags >> 1) & 1) + ((flags >> 2) & 1) + ((flags >> 3) & 1),
            1,
        )
    }
    /// (value [spec] -- str)
    pub fn format_value(flags: u32) -> (u32, u32) {
        (1 + ((flags >> 2) & 1), 1)
    }
    /// (a1..an -- ), n = 0, 1 or 2
    pub fn pop_n(n: u32) -> (u32, u32) {
        (n, 0)
    }
    /// (seq -- vn..v1)
    pub fn unpack_sequence(n: u32) -> (u32, u32) {
        (1, n)
    }
    /// (seq -- after.. list before..)
    pub fn unpack_ex(counts: u32) -> (u32, u32) {
        (1, (counts & 0xff) + (counts >> 8) + 1)
    }
    /// (a_n .. a_1 -- a_n .. a_1 a_n)
    pub fn copy(n: u32) -> (u32, u32) {
        (n, n + 1)
    }
    /// (a_n .. a_1 -- a_1 .. a_n) with only the two ends exchanged
    pub fn swap(n: u32) -> (u32, u32) {
        (n, n)
    }
}

/// Everything the table says about one opcode.
struct OpInfo {
    name: &'static str,
    operand: Operand,
    flow: Flow,
    /// Effect when execution continues with the next instruction (for `Flow::Jump`/`Flow::Stop`, when
    /// the instruction has executed but before control leaves).
    next: Effect,
    /// Effect at the argument's instruction, for opcodes whose `flow` is a jump; for handlers, the depth
    /// at the handler relative to the depth before the instruction, the exception included.
    taken: Effect,
}

/// Generates [`Op`] and its metadata from the table below. A row is
///
/// ```text
/// /// doc comment
/// Name(Operand) EFFECT [FLOW [(pops -- pushes) on the jump path]],
/// ```
///
/// where EFFECT is `(pops -- pushes)` or the name of an `effects` function of the argument, FLOW
/// (default `Next`) is a [`Flow`] variant, and the jump-path effect defaults to EFFECT.
macro_rules! opcodes {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident($operand:ident) $effect:tt $($flow:ident $(($jp:literal -- $jq:literal))?)?,
    )*) => {
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Op {
            $($(#[doc = $doc])* $name,)*
        }

        static OP_INFO: &[OpInfo] = &[$(OpInfo {
            name: stringify!($name),
            operand: Operand::$operand,
            flow: opcodes!(@flow $($flow)?),
            next: opcodes!(@effect $effect),
            taken: opcodes!(@taken $effect $($($jp $jq)?)?),
        },)*];

        impl Op {
            /// Every opcode, in discriminant order.
            pub const ALL: &'static [Op] = &[$(Op::$name,)*];
        }
    };
    (@flow) => { Flow::Next };
    (@flow $flow:ident) => { Flow::$flow };
    (@effect ($p:literal -- $q:literal)) => { Effect::Fixed($p, $q) };
    (@effect $f:ident) => { Effect::Arg(effects::$f) };
    (@taken $effect:tt) => { opcodes!(@effect $effect) };
    (@taken $effect:tt $p:literal $q:literal) => { Effect::Fixed($p, $q) };
}

opcodes! {
    /// Does nothing.
    Nop(None) (0 -- 0),

    // ---- stack ----
    /// (a -- )
    Pop(None) (1 -- 0),
    /// (a -- a a)
    Dup(None) (1 -- 2),
    /// (a b -- a b a b)
    Dup2(None) (2 -- 4),
    /// (a b -- b a)
    Rot2(None) (2 -- 2),
    /// (a b c -- c a b)
    Rot3(None) (3 -- 3),
    /// (a b c d -- d a b c)
    Rot4(None) (4 -- 4),

    // ---- constants and names; arg = index into consts / names / local slots ----
    /// ( -- consts[arg])
    LoadConst(Const) (0 -- 1),
    /// ( -- local) ; UnboundLocalError if unset
    LoadFast(Local) (0 -- 1),
    /// (v -- )
    StoreFast(Local) (1 -- 0),
    /// ( -- ) ; unbinds the local
    DeleteFast(Local) (0 -- 0),
    /// ( -- cell contents) ; arg indexes cellvars then freevars (slot nlocals+arg)
    LoadDeref(Cell) (0 -- 1),
    /// (v -- )
    StoreDeref(Cell) (1 -- 0),
    /// ( -- ) ; empties the cell
    DeleteDeref(Cell) (0 -- 0),
    /// ( -- the cell object itself), for building closures
    LoadClosure(Cell) (0 -- 1),
    /// ( -- globals[names[arg]] or builtins[...]) ; NameError if missing
    LoadGlobal(Name) (0 -- 1),
    /// (v -- )
    StoreGlobal(Name) (1 -- 0),
    /// ( -- )
    DeleteGlobal(Name) (0 -- 0),
    /// Module level and class bodies: locals dict, then globals, then builtins. ( -- v)
    LoadName(Name) (0 -- 1),
    /// (v -- )
    StoreName(Name) (1 -- 0),
    /// ( -- )
    DeleteName(Name) (0 -- 0),
    /// Class body reading a free variable: class namespace first, then the cell (arg as LoadDeref).
    /// ( -- v)
    LoadClassDeref(Cell) (0 -- 1),

    // ---- attributes and items ----
    /// (obj -- obj.names[arg])
    LoadAttr(Name) (1 -- 1),
    /// (v obj -- ) ; obj.names[arg] = v
    StoreAttr(Name) (2 -- 0),
    /// (obj -- )
    DeleteAttr(Name) (1 -- 0),
    /// (obj -- meth self) or (obj -- NULL boundattr): the pair CallMethod consumes.
    LoadMethod(Name) (1 -- 2),
    /// (meth self a1..an -- result) or (NULL f a1..an -- result); arg = n
    CallMethod(Count) call_plus_two,
    /// (obj key -- obj[key])
    Subscript(None) (2 -- 1),
    /// (v obj key -- ) ; obj[key] = v
    StoreSubscr(None) (3 -- 0),
    /// (obj key -- )
    DeleteSubscr(None) (2 -- 0),
    /// (start stop -- slice) arg=2 ; (start stop step -- slice) arg=3
    BuildSlice(Count) build,

    // ---- operators ----
    /// (a b -- a OP b); arg = BinOp as u32
    BinaryOp(BinOp) (2 -- 1),
    /// (a b -- a OP= b); arg = BinOp as u32 (tries __iop__ first)
    InplaceOp(InplaceOp) (2 -- 1),
    /// (a -- OP a); arg = UnaryOp as u32
    UnaryOp(UnaryOp) (1 -- 1),
    /// (a b -- a CMP b); arg = CmpOp as u32
    CompareOp(CmpOp) (2 -- 1),
    /// (a b -- a is b) ; arg=1 means `is not`
    IsOp(IsNot) (2 -- 1),
    /// (a b -- a in b) ; arg=1 means `not in`
    ContainsOp(NotIn) (2 -- 1),

    // ---- building ----
    /// (a1..an -- tuple)
    BuildTuple(Count) build,
    /// (a1..an -- list)
    BuildList(Count) build,
    /// (a1..an -- set)
    BuildSet(Count) build,
    /// (k1 v1 .. kn vn -- dict)
    BuildMap(Count) build_map,
    /// (v1..vn keytuple -- dict); not emitted, reserved
    BuildConstKeyMap(Count) build_const_key_map,
    /// (s1..sn -- "".join) for f-strings
    BuildString(Count) build,
    /// (list ... v -- list ...): appends v to the list at depth arg (after popping v, the list is at
    /// stack[len - arg]).
    ListAppend(Depth) (1 -- 0),
    /// (set ... v -- set ...): as ListAppend, for a set
    SetAdd(Depth) (1 -- 0),
    /// (dict ... k v -- dict ...): dict at depth arg after popping k and v.
    MapAdd(Depth) (2 -- 0),
    /// (list iterable -- list) list.extend(iterable), list at depth arg after pop
    ListExtend(Depth) (1 -- 0),
    /// (set iterable -- set)
    SetUpdate(Depth) (1 -- 0),
    /// (dict mapping -- dict) for {**m}
    DictUpdate(Depth) (1 -- 0),
    /// (dict mapping -- dict) for f(**m): TypeError on duplicate keys
    DictMerge(Depth) (1 -- 0),
    /// (list -- tuple)
    ListToTuple(None) (1 -- 1),
    /// (value -- str) or (value spec -- str); arg = conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 if a
    /// spec is on the stack
    FormatValue(FormatFlags) format_value,

    // ---- control flow; arg = target instruction index ----
    /// ( -- ) continues at arg
    Jump(Jump) (0 -- 0) Jump,
    /// (v -- ) jumps if v is false
    PopJumpIfFalse(Jump) (1 -- 0) Branch,
    /// (v -- ) jumps if v is true
    PopJumpIfTrue(Jump) (1 -- 0) Branch,
    /// (v -- v) if jumping (v is false), else (v -- )
    JumpIfFalseOrPop(Jump) (1 -- 0) Branch (1 -- 1),
    /// (v -- v) if jumping (v is true), else (v -- )
    JumpIfTrueOrPop(Jump) (1 -- 0) Branch (1 -- 1),
    /// (iterable -- iterator)
    GetIter(None) (1 -- 1),
    /// (iter -- iter next) or, when exhausted, (iter -- ) and jump to arg
    ForIter(Jump) (1 -- 2) Branch (1 -- 0),

    // ---- calls and functions ----
    /// (f a1..an -- result)
    Call(Count) call,
    /// (f a1..an kwnames -- result); arg = n = total number of arguments (positional + keyword);
    /// kwnames is a tuple constant of the last len(kwnames) argument names.
    CallKw(Count) call_plus_two,
    /// (f argstuple -- result) or (f argstuple kwargsdict -- result) if arg & 1
    CallEx(CallExFlags) call_ex,
    /// Builds a function: (defaults? kwdefaults? annotations? closure? code qualname -- function)
    /// arg flags: 1 = a tuple of positional defaults, 2 = a dict of kw-only defaults, 4 = a dict of
    /// annotations, 8 = a tuple of cells.
    MakeFunction(FunctionFlags) make_function,
    /// (v -- ) returns v from the frame
    ReturnValue(None) (1 -- 0) Stop,
    /// ( -- builtins.__build_class__) ; then Call with (func, name, *bases, **kw)
    LoadBuildClass(None) (0 -- 1),

    // ---- generators ----
    /// (v -- sent) suspends the generator yielding v; on resume pushes the sent value
    YieldValue(None) (1 -- 1),
    /// (iterable -- iterator) ; like GetIter but passes generators through
    GetYieldFromIter(None) (1 -- 1),
    /// (iter v -- iter) delegating send: if iter yields x, the frame yields x and re-executes this
    /// instruction on resume with the sent value in place of v; when iter finishes, pops iter and
    /// v and pushes the return value, continuing at the next instruction.
    YieldFrom(None) (2 -- 1),

    // ---- coroutines (compiler/asyncs.rs describes the sequences) ----
    /// (v -- iter) the iterator `await v` delegates to: a coroutine itself, else v.__await__()
    GetAwaitable(None) (1 -- 1),
    /// (v -- aiter) type(v).__aiter__(v) for `async for`
    GetAIter(None) (1 -- 1),
    /// (aiter -- aiter awaitable) the awaitable of type(aiter).__anext__(aiter)
    GetANext(None) (1 -- 2),
    /// (aiter exc -- ) end of `async for`: StopAsyncIteration leaves the loop (and its handler),
    /// anything else is re-raised
    EndAsyncFor(None) (2 -- 0),
    /// (mgr -- exit awaitable) bound __aexit__ and the result of __aenter__() for `async with`
    BeforeAsyncWith(None) (1 -- 2),
    /// (exit res -- exit res) pushes the `async with` block (handler arg, which gets (exit exc))
    SetupAsyncWith(Jump) (0 -- 0) Handler,
    /// Exception path of `async with`: (exit exc -- exit exc awaitable) calls exit(type(exc), exc, tb)
    AsyncWithExceptStart(None) (2 -- 3),

    // ---- exceptions; blocks live in the frame ----
    /// Pushes an exception-handler block; on an exception inside it, the value stack is truncated to the
    /// depth at setup, the exception is pushed and control jumps to arg. The handler is "active"
    /// (sys.exc_info, bare raise, __context__) until PopExcept. ( -- ), handler ( -- exc)
    SetupExcept(Jump) (0 -- 0) Handler (0 -- 1),
    /// Same mechanism as SetupExcept, used for `finally:` handlers (the compiler ends them with Reraise).
    SetupFinally(Jump) (0 -- 0) Handler (0 -- 1),
    /// Pops the innermost block (normal exit from the try body).
    PopBlock(None) (0 -- 0),
    /// Leaves an except handler: restores the previously handled exception.
    PopExcept(None) (0 -- 0),
    /// (exc -- ) re-raises exc, keeping its traceback.
    Reraise(None) (1 -- 0) Stop,
    /// arg 0: bare `raise`; 1: (exc -- ) raise exc; 2: (exc cause -- ) raise exc from cause
    RaiseVarargs(RaiseForm) pop_n Stop,
    /// (exc type -- exc bool) isinstance(exc, type) with type possibly a tuple
    CheckExcMatch(None) (2 -- 2),
    /// (mgr -- exit enterresult) calls __enter__, pushes a SetupFinally-like block whose handler is arg;
    /// handler (mgr -- exit exc)
    BeforeWith(Jump) (1 -- 2) Handler,
    /// Exception path of `with`: (exit exc -- exit exc suppress) calls exit(type(exc), exc, tb)
    WithExceptStart(None) (2 -- 3),
    /// ( -- AssertionError)
    LoadAssertionError(None) (0 -- 1),

    // ---- unpacking ----
    /// (seq -- vn .. v1) exactly arg items, first item on top
    UnpackSequence(Count) unpack_sequence,
    /// (seq -- after.. list before..) arg = before | (after << 8), as CPython's UNPACK_EX
    UnpackEx(UnpackCounts) unpack_ex,

    // ---- modules ----
    /// (fromlist level -- module) imports names[arg]
    ImportName(Name) (2 -- 1),
    /// (module -- module value) value = module.names[arg] (ImportError if missing)
    ImportFrom(Name) (1 -- 2),
    /// (module -- ) binds every public name into the current namespace
    ImportStar(None) (1 -- 0),

    /// (v -- ) REPL: prints repr(v) if not None
    PrintExpr(None) (1 -- 0),
    /// ( -- ) not emitted; reserved
    SetupAnnotations(None) (0 -- 0),

    // ---- structural pattern matching (compiler/patterns.rs describes the sequences) ----
    /// (a_n .. a_1 -- a_n .. a_1 a_n) pushes a copy of the arg-th item from the top (1 = TOS)
    Copy(Count) copy,
    /// (a_n .. a_1 -- a_1 .. a_n) exchanges TOS and the arg-th item from the top
    Swap(Count) swap,
    /// (subj -- subj bool) whether subj is a sequence for a sequence pattern (not str/bytes/bytearray)
    MatchSequence(None) (1 -- 2),
    /// (subj -- subj bool) whether subj is a mapping for a mapping pattern
    MatchMapping(None) (1 -- 2),
    /// (subj -- subj len(subj))
    GetLen(None) (1 -- 2),
    /// (subj keys -- subj keys values) values: a tuple of subj.get(key) for each key, or None if one
    /// is missing
    MatchKeys(None) (2 -- 3),
    /// (subj cls kwnames -- attrs) attrs: the tuple of the arg positional attributes (by
    /// `__match_args__`) and the keyword attributes, or None when subj is no instance of cls or
    /// lacks one of them
    MatchClass(Count) (3 -- 1),
    /// (subj keys -- rest) rest = dict(subj) without the keys (a mapping pattern's `**rest`)
    CopyDictWithoutKeys(None) (2 -- 1),

    // ---- except* (compiler/trystar.rs describes the sequence) ----
    /// (rest type -- rest' match) splits rest by an except* clause's type; match is None when
    /// nothing matches, else it becomes the handled exception
    CheckEgMatch(None) (2 -- 2),
    /// (orig raised -- exc) what an except* statement raises (None: nothing), from the original
    /// exception and the list of what its clauses raised plus the unhandled rest
    PrepReraiseStar(None) (2 -- 1),
}

impl Op {
    #[inline]
    fn info(self) -> &'static OpInfo {
        // `Op` is `#[repr(u8)]` with default discriminants, so `self as usize` indexes the table's row.
        &OP_INFO[self as usize]
    }

    /// The variant name (`LoadFast`).
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// What the argument means.
    pub fn operand(self) -> Operand {
        self.info().operand
    }

    /// How the instruction passes control on.
    pub fn flow(self) -> Flow {
        self.info().flow
    }

    /// Whether the argument is an instruction index (jumps, `ForIter`, the block setups, `BeforeWith`).
    pub fn is_jump(self) -> bool {
        self.flow().is_jump()
    }

    /// Net stack effect of the instruction with argument `arg`. `jump_taken` selects the effect when
    /// control continues at the argument (for block setups: the depth at the handler relative to the
    /// depth before the instruction, the exception included); it is ignored for non-jumps.
    pub fn stack_effect(self, arg: u32, jump_taken: bool) -> i32 {
        let info = self.info();
        if jump_taken {
            info.taken.net(arg)
        } else {
            info.next.net(arg)
        }
    }
}

/// Declares a `#[repr(u32)]` enum carried in an instruction's `arg`, with its checked decoding:
/// `TryFrom<u32>` and `from_arg`, which panics on a value no compiler emits (corrupt bytecode), and the
/// operator symbol `dis` prints for each variant.
macro_rules! arg_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($var:ident => $sym:literal,)* }) => {
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

            /// The operator as written in Python source.
            pub fn symbol(self) -> &'static str {
                match self {
                    $($name::$var => $sym,)*
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
    Add => "+",
    Sub => "-",
    Mul => "*",
    TrueDiv => "/",
    FloorDiv => "//",
    Mod => "%",
    Pow => "**",
    LShift => "<<",
    RShift => ">>",
    And => "&",
    Or => "|",
    Xor => "^",
    MatMul => "@",
}
}

arg_enum! {
/// `UnaryOp` argument.
pub enum UnaryOp {
    Neg => "-",
    Pos => "+",
    Not => "not",
    Invert => "~",
}
}

arg_enum! {
/// `CompareOp` argument.
pub enum CmpOp {
    Lt => "<",
    Le => "<=",
    Eq => "==",
    Ne => "!=",
    Gt => ">",
    Ge => ">=",
}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_match_discriminants() {
        assert_eq!(OP_INFO.len(), Op::ALL.len());
        for (i, op) in Op::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert_eq!(op.name(), format!("{op:?}"));
        }
    }

    #[test]
    fn jump_operand_iff_jump_flow() {
        for &op in Op::ALL {
            assert_eq!(op.operand() == Operand::Jump, op.is_jump(), "{op:?}");
        }
    }

    #[test]
    fn only_jumps_have_a_different_jump_path_effect() {
        for &op in Op::ALL {
            if !op.is_jump() {
                for arg in [0, 1, 2, 3, 7, 15, 0x203] {
                    assert_eq!(
                        op.stack_effect(arg, true),
                        op.stack_effect(arg, false),
                        "{op:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn variable_stack_effects() {
        assert_eq!(Op::CallMethod.stack_effect(2, false), -3);
        assert_eq!(Op::Call.stack_effect(3, false), -3);
        assert_eq!(Op::CallKw.stack_effect(3, false), -4);
        assert_eq!(Op::CallEx.stack_effect(1, false), -2);
        assert_eq!(Op::MakeFunction.stack_effect(1 | 2 | 8, false), -4);
        assert_eq!(Op::BuildMap.stack_effect(2, false), -3);
        assert_eq!(Op::BuildTuple.stack_effect(0, false), 1);
        assert_eq!(Op::FormatValue.stack_effect(4 | 2, false), -1);
        assert_eq!(Op::UnpackSequence.stack_effect(3, false), 2);
        assert_eq!(Op::UnpackEx.stack_effect(1 | (2 << 8), false), 3);
        assert_eq!(Op::RaiseVarargs.stack_effect(2, false), -2);
        assert_eq!(Op::ForIter.stack_effect(0, false), 1);
        assert_eq!(Op::ForIter.stack_effect(0, true), -1);
        assert_eq!(Op::JumpIfTrueOrPop.stack_effect(0, true), 0);
        assert_eq!(Op::JumpIfTrueOrPop.stack_effect(0, false), -1);
        assert_eq!(Op::SetupFinally.stack_effect(0, true), 1);
        assert_eq!(Op::BeforeWith.stack_effect(0, true), 1);
    }

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
        assert_eq!(BinOp::FloorDiv.symbol(), "//");
        assert_eq!(CmpOp::Ne.symbol(), "!=");
    }

    #[test]
    #[should_panic(expected = "invalid CmpOp argument 6 in bytecode")]
    fn invalid_arg_panics() {
        CmpOp::from_arg(6);
    }
}
