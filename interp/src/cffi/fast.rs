//! Fast paths for the hot cffi operations, computed once per C type and cached:
//! [`Fast`] (how to load/store a scalar without the type table), [`CallPlan`] (a prepared call:
//! call interface + argument/result conversions, cached per function type and in the function
//! cdata) and [`StructPlan`] (the fields of a struct with their offsets and conversions, looked
//! up by comparing name contents: no table keyed by object identity).
//!
//! Every fast path handles only the common, unambiguous cases (small ints in range, floats,
//! bytes for `char *`) and returns "not handled" otherwise, so the general code in conv.rs and
//! call.rs produces exactly the same results and errors as before.

use super::Shared;
use crate::vm::{PyResult, Vm};
use ffi::{CallInterface, PrimKind, TypeId, TypeKind, TypeTable};
use gc::Value;
use std::collections::HashMap;
use std::rc::Rc;

/// How a scalar of some C type converts, independent of the type table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fast {
    /// A plain (non-char, non-bool) integer of 1, 2, 4 or 8 bytes.
    Int {
        size: u8,
        signed: bool,
    },
    F32,
    F64,
    /// `char`: a bytes of length 1 (`a[i]` of a `char[]`, from_buffer data).
    Char,
    /// Anything else: use the general conversions.
    Slow,
}

/// The fast conversion of `ty`.
pub fn fast_of(tt: &TypeTable, ty: TypeId) -> Fast {
    let TypeKind::Primitive(p) = tt.kind(ty) else {
        return Fast::Slow;
    };
    match p.kind {
        PrimKind::Signed | PrimKind::Unsigned if matches!(p.size, 1 | 2 | 4 | 8) => Fast::Int {
            size: p.size as u8,
            signed: p.kind == PrimKind::Signed,
        },
        PrimKind::Float if p.size == 4 => Fast::F32,
        PrimKind::Float if p.size == 8 => Fast::F64,
        PrimKind::Char if p.size == 1 => Fast::Char,
        _ => Fast::Slow,
    }
}

/// Reads an integer of `size` bytes at `p`.
///
/// # Safety
/// `p` must be valid for reading `size` bytes.
unsafe fn read_int(p: *const u8, size: u8, signed: bool) -> i128 {
    // SAFETY: p is readable for `size` bytes (the function's contract); each arm reads `size` bytes
    // (Fast::Int sizes are 1, 2, 4 or 8) unaligned.
    unsafe {
        match (size, signed) {
            (1, true) => (p as *const i8).read_unaligned() as i128,
            (1, false) => p.read() as i128,
            (2, true) => (p as *const i16).read_unaligned() as i128,
            (2, false) => (p as *const u16).read_unaligned() as i128,
            (4, true) => (p as *const i32).read_unaligned() as i128,
            (4, false) => (p as *const u32).read_unaligned() as i128,
            (_, true) => (p as *const i64).read_unaligned() as i128,
            (_, false) => (p as *const u64).read_unaligned() as i128,
        }
    }
}

/// Loads the value at `p` as a Python value; `None` if `f` is [`Fast::Slow`].
///
/// # Safety
/// `p` must point to a readable value of the type `f` was computed for.
pub unsafe fn load(vm: &mut Vm, f: Fast, p: *const u8) -> Option<PyResult<Value>> {
    // p points to a readable value of the type `f` was computed for (the function's contract), and
    // each read happens before the allocation that follows it.
    Some(match f {
        Fast::Int { size, signed } => {
            // SAFETY: by the contract, an integer of `size` bytes is readable at p.
            let i = unsafe { read_int(p, size, signed) };
            super::conv::new_int128(vm, i)
        }
        Fast::F32 => {
            // SAFETY: by the contract, a float is readable at p.
            let x = unsafe { (p as *const f32).read_unaligned() };
            vm.new_float(x as f64)
        }
        Fast::F64 => {
            // SAFETY: by the contract, a double is readable at p.
            let x = unsafe { (p as *const f64).read_unaligned() };
            vm.new_float(x)
        }
        Fast::Char => {
            // SAFETY: by the contract, a char is readable at p.
            let c = unsafe { p.read() };
            vm.new_bytes(&[c])
        }
        Fast::Slow => return None,
    })
}

/// The inclusive range of an integer of `size` bytes.
fn int_bounds(size: u8, signed: bool) -> (i64, i64) {
    match (size, signed) {
        (1, true) => (i8::MIN as i64, i8::MAX as i64),
        (1, false) => (0, u8::MAX as i64),
        (2, true) => (i16::MIN as i64, i16::MAX as i64),
        (2, false) => (0, u16::MAX as i64),
        (4, true) => (i32::MIN as i64, i32::MAX as i64),
        (4, false) => (0, u32::MAX as i64),
        (_, true) => (i64::MIN, i64::MAX),
        (_, false) => (0, i64::MAX),
    }
}

/// Stores `v` at `p` if it is a case the fast path handles (an int in range, a float); false
/// otherwise (nothing written: the caller uses the general, checked conversion).
///
/// # Safety
/// `p` must be valid for writing a value of the type `f` was computed for.
pub unsafe fn store(vm: &Vm, f: Fast, p: *mut u8, v: Value) -> bool {
    match f {
        Fast::Int { size, signed } => {
            let Some(i) = small_int(vm, v) else {
                return false;
            };
            let (lo, hi) = int_bounds(size, signed);
            if i < lo || i > hi {
                return false;
            }
            // SAFETY: p is writable for the type `f` was computed for (the function's contract): an
            // integer of `size` bytes (1, 2, 4 or 8), written unaligned.
            unsafe {
                match size {
                    1 => p.write(i as u8),
                    2 => (p as *mut u16).write_unaligned(i as u16),
                    4 => (p as *mut u32).write_unaligned(i as u32),
                    _ => (p as *mut u64).write_unaligned(i as u64),
                }
            }
            true
        }
        Fast::F32 | Fast::F64 => {
            let x = if vm.is(v, crate::obj::layout::Kind::Float) {
                vm.float_val(v)
            } else if v.is_int() {
                v.as_int() as f64
            } else {
                return false;
            };
            // SAFETY: p is writable for the type `f` was computed for (the function's contract): a
            // float for F32, a double for F64, written unaligned.
            unsafe {
                if f == Fast::F32 {
                    (p as *mut f32).write_unaligned(x as f32);
                } else {
                    (p as *mut f64).write_unaligned(x);
                }
            }
            true
        }
        Fast::Char => {
            if !vm.is(v, crate::obj::layout::Kind::Bytes) {
                return false;
            }
            let b = vm.bytes_of(v);
            if b.len() != 1 {
                return false;
            }
            // SAFETY: p is writable for a char (the function's contract).
            unsafe { p.write(b[0]) };
            true
        }
        Fast::Slow => false,
    }
}

/// A tagged small int or a bool (what the general path reads first, through `to_i64`).
fn small_int(vm: &Vm, v: Value) -> Option<i64> {
    if v.is_int() {
        Some(v.as_int())
    } else if vm.is(v, crate::obj::layout::Kind::Bool) {
        vm.to_i64(v)
    } else {
        None
    }
}

// ---- calls ----------------------------------------------------------------------------------

/// How one argument of a prepared call is converted.
#[derive(Clone, Copy, Debug)]
pub enum ArgConv {
    Scalar(Fast),
    /// A pointer to a byte-sized item (`char *`, `const char *`, `uint8_t *`): `bytes` are
    /// copied to a NUL-terminated temporary.
    BytePtr,
    /// The general conversion (pointers from cdata, structs, lists...).
    Slow,
}

/// A prepared call of a non-variadic function type.
pub struct CallPlan {
    pub cif: Rc<CallInterface>,
    pub fty: TypeId,
    /// Per argument: its type, conversion, and offset of its slot (in 16-byte units).
    pub args: Box<[(TypeId, ArgConv, usize)]>,
    /// Total number of 16-byte argument slots.
    pub nslots: usize,
    pub result: TypeId,
    /// `None` for void results; `Some(Fast::Slow)` for the general conversion.
    pub ret: Option<Fast>,
}

fn arg_conv(tt: &TypeTable, ty: TypeId) -> ArgConv {
    match tt.kind(ty) {
        TypeKind::Primitive(_) => ArgConv::Scalar(fast_of(tt, ty)),
        TypeKind::Pointer(item) => {
            let byteish = match tt.kind(*item) {
                TypeKind::Primitive(p) => p.kind == PrimKind::Char || p.is_integer() && p.size == 1,
                TypeKind::Void => true,
                _ => false,
            };
            if byteish {
                ArgConv::BytePtr
            } else {
                ArgConv::Slow
            }
        }
        _ => ArgConv::Slow,
    }
}

impl CallPlan {
    /// Builds the plan of the non-variadic function type `fty` (None for variadic functions).
    fn build(sh: &Shared, fty: TypeId) -> ffi::Result<Option<CallPlan>> {
        let func = match sh.tt().func(fty) {
            Some(f) if !f.variadic => f.clone(),
            _ => return Ok(None),
        };
        let cif = sh.cif(fty, Vec::new())?;
        let tt = sh.tt();
        let mut args = Vec::with_capacity(func.args.len());
        let mut nslots = 0;
        for &t in &func.args {
            args.push((t, arg_conv(&tt, t), nslots));
            nslots += tt.size_of(t).unwrap_or(8).max(8).div_ceil(16);
        }
        let ret = match tt.kind(func.result) {
            TypeKind::Void => None,
            _ => Some(fast_of(&tt, func.result)),
        };
        Ok(Some(CallPlan {
            cif,
            fty,
            args: args.into_boxed_slice(),
            nslots,
            result: func.result,
            ret,
        }))
    }
}

// ---- structs --------------------------------------------------------------------------------

/// A field of a struct plan.
pub struct FieldPlan {
    pub field: ffi::Field,
    /// [`Fast::Slow`] for bitfields, open arrays and non-scalar fields.
    pub fast: Fast,
}

/// The fields of a complete struct or union type (anonymous members' fields included).
pub struct StructPlan {
    pub sty: TypeId,
    pub fields: Box<[FieldPlan]>,
}

impl StructPlan {
    fn build(tt: &TypeTable, sty: TypeId) -> Option<StructPlan> {
        tt.check_usable(sty).ok()?;
        let fields = tt.fields(sty)?;
        let fields = fields
            .iter()
            .map(|f| FieldPlan {
                fast: if f.is_bitfield() {
                    Fast::Slow
                } else {
                    fast_of(tt, f.ty)
                },
                field: f.clone(),
            })
            .collect();
        Some(StructPlan { sty, fields })
    }

    /// The field named `name` (the first one, as `TypeTable::field`).
    #[inline(always)]
    pub fn find(&self, name: &str) -> Option<&FieldPlan> {
        // a plain loop, lengths first: this runs for every `p.x` of the fast path
        for f in self.fields.iter() {
            let n = f.field.name.as_bytes();
            if n.len() == name.len() && n == name.as_bytes() {
                return Some(f);
            }
        }
        None
    }
}

// ---- indexing ------------------------------------------------------------------------------

/// Indexing of a pointer or array cdata: the item's conversion and size.
#[derive(Clone, Copy, Debug)]
pub struct ItemPlan {
    pub fast: Fast,
    /// Item size (u32 keeps the plan, stored in every pointer/array cdata, small: a bigger item
    /// gets no plan and takes the general path).
    pub isz: u32,
    /// Arrays check the index against their length; pointers do not.
    pub array: bool,
}

impl ItemPlan {
    /// The plan of pointer/array type `ty` (None for other types).
    pub fn of(tt: &TypeTable, ty: TypeId) -> Option<ItemPlan> {
        let (item, array) = match tt.kind(ty) {
            TypeKind::Pointer(t) => (*t, false),
            TypeKind::Array { item, .. } => (*item, true),
            _ => return None,
        };
        Some(ItemPlan {
            fast: fast_of(tt, item),
            isz: u32::try_from(tt.size_of(item).unwrap_or(0)).ok()?,
            array,
        })
    }
}

// ---- the per-FFI caches ---------------------------------------------------------------------

/// What `ffi.new(ty)` without an initializer allocates: `size` zeroed bytes, array length `len`,
/// and the new cdata's indexing plan (so a loop of `ffi.new("int[4]")` sizes the type and plans
/// its item access once, not per cdata).
#[derive(Clone, Copy, Debug)]
pub struct NewPlan {
    pub ty: TypeId,
    pub size: usize,
    pub len: usize,
    pub item: Option<ItemPlan>,
}

/// Maximum number of cdecl strings remembered by [`Plans::types`].
const TYPE_STRS: usize = 64;

/// Caches of one FFI (in `FfiShared::plans`); cleared whenever declarations change.
#[derive(Default)]
pub struct Plans {
    calls: HashMap<TypeId, Option<Rc<CallPlan>>>,
    structs: HashMap<TypeId, Option<Rc<StructPlan>>>,
    /// Recently parsed cdecl strings (`ffi.new("int[10]")`), compared by contents.
    types: Vec<(Box<str>, TypeId)>,
    /// Recently asked (item, pointer-to-item) type pairs.
    pointers: Vec<(TypeId, TypeId)>,
    /// `ffi.new(T)` without initializer, by type: what to allocate (see [`NewPlan`]).
    news: Vec<NewPlan>,
    /// Index of the CData class in the VM's builtin types.
    pub cdata_cls: Option<usize>,
    /// `void *` (every handle's type).
    pub void_ptr: Option<TypeId>,
}

impl Plans {
    /// Forgets everything derived from the declarations.
    pub fn clear(&mut self) {
        self.calls.clear();
        self.structs.clear();
        self.types.clear();
        self.pointers.clear();
        self.news.clear();
        self.void_ptr = None;
    }

    /// The plan of `ffi.new(ty)` (no initializer), if remembered.
    pub fn new_plan(&self, ty: TypeId) -> Option<NewPlan> {
        self.news.iter().find(|p| p.ty == ty).copied()
    }

    pub fn remember_new_plan(&mut self, p: NewPlan) {
        if self.news.len() < TYPE_STRS {
            self.news.push(p);
        }
    }

    pub fn pointer(&self, item: TypeId) -> Option<TypeId> {
        self.pointers
            .iter()
            .find(|(i, _)| *i == item)
            .map(|(_, p)| *p)
    }

    pub fn remember_pointer(&mut self, item: TypeId, ptr: TypeId) {
        if self.pointers.len() < TYPE_STRS {
            self.pointers.push((item, ptr));
        }
    }

    pub fn type_str(&self, s: &str) -> Option<TypeId> {
        self.types
            .iter()
            .find(|(k, _)| k.len() == s.len() && **k == *s)
            .map(|(_, t)| *t)
    }

    pub fn remember_type_str(&mut self, s: &str, t: TypeId) {
        if self.types.len() < TYPE_STRS {
            self.types.push((s.into(), t));
        }
    }
}

/// The call plan of function type `fty` (None if it has none: variadic, or not preparable).
pub fn call_plan(sh: &Shared, fty: TypeId) -> Option<Rc<CallPlan>> {
    if let Some(p) = sh.plans.borrow().calls.get(&fty) {
        return p.clone();
    }
    let p = CallPlan::build(sh, fty).ok().flatten().map(Rc::new);
    sh.plans.borrow_mut().calls.insert(fty, p.clone());
    p
}

/// The struct plan of struct type `sty` (None if it is not a complete, usable struct).
pub fn struct_plan(sh: &Shared, sty: TypeId) -> Option<Rc<StructPlan>> {
    if let Some(p) = sh.plans.borrow().structs.get(&sty) {
        return p.clone();
    }
    let p = StructPlan::build(&sh.tt(), sty).map(Rc::new);
    if p.is_some() {
        sh.plans.borrow_mut().structs.insert(sty, p.clone());
    }
    p
}
