//! Code builder for one code unit: instructions with symbolic jump labels, constant and name pools,
//! local/cell/free variable tables and the line table; `finish` patches jumps and computes the stack size.

use super::stackdepth::max_stack_depth;
use crate::bytecode::{CodeKind, CodeUnit, Const, Instr, Op};
use std::collections::HashMap;

/// A jump target; bound to an instruction index with `CodeBuilder::bind`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

const UNBOUND: u32 = u32::MAX;

pub(crate) struct CodeBuilder {
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    labels: Vec<u32>,
    pub consts: Vec<Const>,
    /// Where each pooled constant is in `consts` (pooling stays linear for 50k constants).
    const_index: HashMap<ConstKey, u32>,
    pub names: Vec<String>,
    name_index: HashMap<String, u32>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub cell2arg: Vec<(u32, u32)>,
    /// Line given to the instructions emitted from now on.
    pub line: u32,
}

/// Everything about a code unit that is not produced instruction by instruction.
pub(crate) struct Meta {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub kind: CodeKind,
    pub is_generator: bool,
    pub is_async: bool,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub has_varargs: bool,
    pub has_varkw: bool,
    pub firstlineno: u32,
}

impl CodeBuilder {
    pub(crate) fn new(line: u32) -> Self {
        CodeBuilder {
            instrs: Vec::new(),
            lines: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            cell2arg: Vec::new(),
            line,
        }
    }

    pub(crate) fn emit(&mut self, op: Op, arg: u32) {
        debug_assert!(!op.is_jump(), "use emit_jump for {op:?}");
        self.instrs.push(Instr { op, arg });
        self.lines.push(self.line);
    }

    /// Emits a jump (or a block setup / ForIter) whose target is `l`.
    pub(crate) fn emit_jump(&mut self, op: Op, l: Label) {
        debug_assert!(op.is_jump());
        self.instrs.push(Instr { op, arg: l.0 });
        self.lines.push(self.line);
    }

    pub(crate) fn new_label(&mut self) -> Label {
        self.labels.push(UNBOUND);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `l` to the next instruction.
    pub(crate) fn bind(&mut self, l: Label) {
        self.labels[l.0 as usize] = self.instrs.len() as u32;
    }

    /// Index of a constant, reusing an equal one (never for code objects).
    pub(crate) fn add_const(&mut self, c: Const) -> u32 {
        let key = const_key(&c);
        if let Some(k) = &key {
            if let Some(&i) = self.const_index.get(k) {
                return i;
            }
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        i
    }

    /// Index of a name in `names`.
    pub(crate) fn name(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.name_index.get(n) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(n.to_string());
        self.name_index.insert(n.to_string(), i);
        i
    }

    /// Index of a fast local (added if missing).
    pub(crate) fn varname(&mut self, n: &str) -> u32 {
        if let Some(i) = self.varnames.iter().position(|v| v == n) {
            return i as u32;
        }
        self.varnames.push(n.to_string());
        self.varnames.len() as u32 - 1
    }

    pub(crate) fn finish(mut self, meta: Meta) -> Result<CodeUnit, String> {
        for ins in self.instrs.iter_mut() {
            if ins.op.is_jump() {
                let target = self.labels[ins.arg as usize];
                if target == UNBOUND {
                    return Err(format!("unbound label for {:?}", ins.op));
                }
                ins.arg = target;
            }
        }
        let stacksize = max_stack_depth(&self.instrs)?;
        Ok(CodeUnit {
            name: meta.name,
            qualname: meta.qualname,
            filename: meta.filename,
            kind: meta.kind,
            is_generator: meta.is_generator,
            is_async: meta.is_async,
            flags: meta.flags,
            argcount: meta.argcount,
            posonlyargcount: meta.posonlyargcount,
            kwonlyargcount: meta.kwonlyargcount,
            has_varargs: meta.has_varargs,
            has_varkw: meta.has_varkw,
            varnames: self.varnames,
            cellvars: self.cellvars,
            freevars: self.freevars,
            cell2arg: self.cell2arg,
            names: self.names,
            consts: self.consts,
            code: self.instrs,
            lines: self.lines,
            firstlineno: meta.firstlineno,
            stacksize,
        })
    }
}

/// Constant identity for pooling: same variant and same value (floats by bit pattern, so 0.0 and
/// -0.0 are two constants; 1 and True too). Code objects are never pooled.
#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(num_bigint::BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
}

fn const_key(c: &Const) -> Option<ConstKey> {
    Some(match c {
        Const::None => ConstKey::None,
        Const::True => ConstKey::True,
        Const::False => ConstKey::False,
        Const::Ellipsis => ConstKey::Ellipsis,
        Const::Int(i) => ConstKey::Int(*i),
        Const::BigInt(b) => ConstKey::BigInt(b.clone()),
        Const::Float(f) => ConstKey::Float(f.to_bits()),
        Const::Complex(a, b) => ConstKey::Complex(a.to_bits(), b.to_bits()),
        Const::Str(s) => ConstKey::Str(s.clone()),
        Const::Bytes(b) => ConstKey::Bytes(b.clone()),
        Const::Tuple(items) => ConstKey::Tuple(items.iter().map(const_key).collect::<Option<_>>()?),
        Const::Code(_) => return None,
    })
}
