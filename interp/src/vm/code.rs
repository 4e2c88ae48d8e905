//! Loading compiled `CodeUnit`s into heap code objects.
//!
//! A code object's instructions and metadata live in a malloc'd `CodeData` (stable address: frames keep
//! a raw pointer to the instructions). The code object, its constants tuple and its names tuple are
//! allocated in the old generation, so they never move and the eval loop may cache pointers to them
//! for as long as the frame (which roots the code object) is alive.

use super::Vm;
use crate::bytecode::{CodeKind, CodeUnit, Const, Instr};
use crate::obj::layout::*;
use gc::Value;

/// Where LoadGlobal found a name last time: valid while the dicts' versions are unchanged.
#[derive(Clone, Copy, Default)]
pub struct GlobalCache {
    pub globals_version: u64,
    pub builtins_version: u64,
    /// Entry index in globals (or in builtins if `in_builtins`).
    pub index: u32,
    pub in_builtins: bool,
}

pub struct CodeData {
    /// One LoadGlobal cache per name (indexed like `names`).
    pub global_cache: Vec<GlobalCache>,
    /// LoadAttr/StoreAttr inline cache: the dict entry index where each instruction last found its
    /// attribute (indexed by instruction; see eval.rs `instance_attr_slot`).
    pub attr_hints: Vec<u32>,
    /// LoadAttr/StoreAttr/LoadMethod inline cache for map-mode instances (indexed by instruction;
    /// see attrcache.rs). Holds map ids only, no GC references.
    pub attr_cache: Vec<super::attrcache::AttrCache>,
    /// LoadMethod's cache of where the method was found in the type's MRO (attrcache.rs).
    pub method_cache: Vec<super::attrcache::MethodCache>,
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub kind: CodeKind,
    pub is_generator: bool,
    pub is_async: bool,
    pub flags: u32,
    pub argcount: usize,
    pub posonly: usize,
    pub kwonly: usize,
    pub has_varargs: bool,
    pub has_varkw: bool,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub cell2arg: Vec<(u32, u32)>,
    pub names: Vec<String>,
    pub firstlineno: u32,
    pub stacksize: usize,
    /// Slots in the frame: locals + cells + free vars.
    pub nlocals: usize,
    pub nslots: usize,
    /// Total number of parameters (positional + *args + kwonly + **kwargs).
    pub nparams: usize,
    /// Fast path: only positional parameters, no cells, no defaults needed.
    pub simple: bool,
}

impl CodeData {
    /// The malloc'd bytes this code owns, as told to the heap (`add_external_bytes` in load_code,
    /// `gc::external_bytes_freed` by the code object's destructor). Computed from lengths that never
    /// change after loading, so both ends agree. Without it, `compile()` in a loop grew without bound:
    /// code objects are small in the heap and own their instructions and caches outside it.
    pub fn external_bytes(&self) -> usize {
        use std::mem::size_of;
        let per_instr = size_of::<Instr>()
            + size_of::<u32>() * 2
            + size_of::<super::attrcache::AttrCache>()
            + size_of::<super::attrcache::MethodCache>();
        let strings = |v: &[String]| {
            v.iter()
                .map(|s| s.len() + size_of::<String>())
                .sum::<usize>()
        };
        size_of::<CodeData>()
            + self.instrs.len() * per_instr
            + self.global_cache.len() * size_of::<GlobalCache>()
            + strings(&self.varnames)
            + strings(&self.names)
            + strings(&self.cellvars)
            + strings(&self.freevars)
    }
}

impl CodeData {
    pub fn line_at(&self, ip: usize) -> u32 {
        self.lines.get(ip).copied().unwrap_or(self.firstlineno)
    }
}

impl Vm {
    pub fn code_data(&self, code: Value) -> &CodeData {
        // SAFETY: code is a live Code object (caller's contract) whose data Box is set at creation and
        // freed only by its destructor, which needs a collection, that is `&mut self`: the &self borrow
        // keeps it alive.
        unsafe { &*self.obj::<CodeObj>(code).data }
    }

    fn load_const(&mut self, c: &Const) -> Value {
        match c {
            Const::None => self.none(),
            Const::True => self.bool_val(true),
            Const::False => self.bool_val(false),
            Const::Ellipsis => self.named(super::Named::Ellipsis),
            Const::Int(i) => match Value::from_int(*i) {
                Some(v) => v,
                None => self.old_bigint(num_bigint::BigInt::from(*i)),
            },
            Const::BigInt(b) => {
                match num_traits::ToPrimitive::to_i64(b).and_then(Value::from_int) {
                    Some(v) => v,
                    None => self.old_bigint(b.clone()),
                }
            }
            Const::Complex(re, im) => {
                let v = self.alloc_old(Kind::Complex, 0);
                // SAFETY: v was just allocated as a Complex in the old generation (never moves); no GC
                // point before the stores.
                unsafe {
                    let p = self.payload::<ComplexObj>(v);
                    (*p).re = *re;
                    (*p).im = *im;
                }
                v
            }
            Const::Float(f) => {
                let v = self.alloc_old(Kind::Float, 0);
                // SAFETY: v was just allocated as a Float in the old generation (never moves); no GC point
                // before the store.
                unsafe { (*self.payload::<FloatObj>(v)).f = *f };
                v
            }
            Const::Str(s) => self.intern(s),
            Const::Bytes(b) => {
                let v = self.alloc_old(Kind::Bytes, b.len());
                // SAFETY: v was just allocated in the old generation as Bytes with room for b.len() bytes;
                // no GC point before the copy.
                unsafe {
                    let p = self.payload::<BytesObj>(v);
                    std::ptr::copy_nonoverlapping(b.as_ptr(), (*p).data.as_mut_ptr(), b.len());
                }
                v
            }
            Const::Tuple(items) => {
                let vals: Vec<Value> = items.iter().map(|c| self.load_const(c)).collect();
                self.old_tuple(&vals)
            }
            Const::Code(cu) => self.load_code(cu),
        }
    }

    fn old_bigint(&mut self, n: num_bigint::BigInt) -> Value {
        let v = self.alloc_old(Kind::BigInt, n.magnitude().iter_u64_digits().len());
        self.fill_bigint(v, &n);
        v
    }

    /// A tuple in the old generation; `vals` must be immediates or old objects.
    pub fn old_tuple(&mut self, vals: &[Value]) -> Value {
        let t = self.alloc_old(Kind::Tuple, vals.len());
        // SAFETY: t was just allocated in the old generation with vals.len() items (alloc_old is not a GC
        // point); the barrier on t follows the copy.
        unsafe {
            let p = self.payload::<TupleObj>(t);
            std::ptr::copy_nonoverlapping(vals.as_ptr(), (*p).items.as_mut_ptr(), vals.len());
        }
        self.heap.write_barrier(t);
        t
    }

    /// Loads a compiled unit (recursively) into old-generation code objects. Not a GC point.
    pub fn load_code(&mut self, cu: &CodeUnit) -> Value {
        let consts: Vec<Value> = cu.consts.iter().map(|c| self.load_const(c)).collect();
        let consts = self.old_tuple(&consts);
        let names: Vec<Value> = cu.names.iter().map(|n| self.intern(n)).collect();
        let names = self.old_tuple(&names);
        let name = self.intern(&cu.name);
        let filename = self.intern(&cu.filename);
        let nparams = cu.argcount as usize
            + cu.kwonlyargcount as usize
            + cu.has_varargs as usize
            + cu.has_varkw as usize;
        let nlocals = cu.varnames.len();
        let data = CodeData {
            global_cache: vec![GlobalCache::default(); cu.names.len()],
            attr_hints: vec![0; cu.code.len()],
            attr_cache: vec![Default::default(); cu.code.len()],
            method_cache: vec![Default::default(); cu.code.len()],
            instrs: cu.code.clone(),
            lines: cu.lines.clone(),
            name: cu.name.clone(),
            qualname: cu.qualname.clone(),
            filename: cu.filename.clone(),
            kind: cu.kind,
            is_generator: cu.is_generator,
            is_async: cu.is_async,
            flags: cu.flags,
            argcount: cu.argcount as usize,
            posonly: cu.posonlyargcount as usize,
            kwonly: cu.kwonlyargcount as usize,
            has_varargs: cu.has_varargs,
            has_varkw: cu.has_varkw,
            varnames: cu.varnames.clone(),
            cellvars: cu.cellvars.clone(),
            freevars: cu.freevars.clone(),
            cell2arg: cu.cell2arg.clone(),
            names: cu.names.clone(),
            firstlineno: cu.firstlineno,
            stacksize: cu.stacksize as usize,
            nlocals,
            nslots: nlocals + cu.cellvars.len() + cu.freevars.len(),
            nparams,
            simple: cu.kwonlyargcount == 0
                && !cu.has_varargs
                && !cu.has_varkw
                && cu.cellvars.is_empty()
                && cu.freevars.is_empty()
                && !cu.is_generator
                && !cu.is_async,
        };
        let code = self.alloc_old(Kind::Code, 0);
        self.heap.add_external_bytes(data.external_bytes());
        // SAFETY: code was just allocated in the old generation as a Code object (zeroed: no data to leak);
        // the barrier follows the stores.
        unsafe {
            let p = self.payload::<CodeObj>(code);
            (*p).data = Box::into_raw(Box::new(data));
            (*p).consts = consts;
            (*p).names = names;
            (*p).name = name;
            (*p).filename = filename;
        }
        self.heap.write_barrier(code);
        code
    }
}
