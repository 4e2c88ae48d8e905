//! The cdata value ([`CData`]): a C type plus CFFI's `c_data` pointer, the memory it owns, and how
//! it prints (`<cdata 'int *' owning 4 bytes>`, `<cdata 'struct s &' 0x...>`, ...).
//!
//! `ptr` follows CFFI: for pointers and function pointers it is the pointer value itself; for
//! arrays, structs and unions the address of the first byte; for primitive cdata (`ffi.cast("int",
//! 5)`) the address of a small owned buffer holding the value. Owned memory is stored inline in
//! the boxed `CData` when small, else calloc'd ([`Mem`]); either way it is freed by the
//! destructor of the object owning the `CData` and never moved by the GC. With `MINIPY_FFI_CHECK`
//! every `ffi.new` gets a guard-paged mapping instead, quarantined when its owner dies (check/).
//!
//! A cdata object's data is a [`CDataObj`]: the `CData` (plain Rust, no GC references) plus the
//! objects the cdata keeps alive, one named, traced `Value` field per role (owner - also a
//! handle's object -, callback callable and onerror, destructor). References from [`cdata_of`] /
//! [`cdata_mut`] borrow the Vm: code that calls into the VM copies the fields out first
//! ([`CData::view`]).
//!
//! Cost: short-lived cdata (handles, `ffi.new("int[4]")`, views) are made by the hundred thousand
//! between minor collections, so a `CDataObj` is kept to 128 bytes (what few cdata need is boxed
//! apart: [`Extra`], [`MoreRefs`]) and its allocation comes from a thread-local pool refilled by
//! dead cdata (`ForeignData::free`), not from malloc. A pooled box is an ordinary `Box`: it never
//! moves, so inline memory given to C keeps its address for the cdata's lifetime.

use super::fast::{CallPlan, ItemPlan, StructPlan};
use super::{class, foreign, foreign_mut, new_foreign, Shared};
use crate::obj::layout::{ForeignData, ForeignRefs};
use crate::vm::{PyResult, Vm};
use ffi::convert;
use ffi::{PrimKind, TypeId, TypeKind, TypeTable};
use gc::Value;
use std::rc::Rc;

/// How a cdata came to be (decides its repr and what `release` does).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Flavor {
    /// Non-owning pointer/array/struct view, function pointer.
    Plain,
    /// `ffi.new`, struct results: owns `size` bytes.
    Owning,
    /// `p[0]` of an owning struct pointer: keeps the owner alive, prints as owning.
    CoOwning,
    /// `ffi.new_handle(obj)`: [`CDataObj::owner`] is the object, `ptr` the handle token.
    Handle,
    /// `ffi.from_buffer(obj)`: [`CDataObj::owner`] is the object, of type [`BufSrc`].
    FromBuffer(BufSrc),
    /// `ffi.callback(...)`: [`CDataObj::callable`] and [`CDataObj::onerror`].
    Callback,
    /// `ffi.gc(cdata, destructor)`: [`CDataObj::owner`] the original cdata,
    /// [`CDataObj::destructor`] the destructor.
    Gc,
    /// `a[i:j]`.
    Sliced,
    /// A value cdata of a primitive type (`ffi.cast("int", 5)`), `ptr` to an owned buffer.
    Primitive,
}

/// The type of an `ffi.from_buffer` source (named in the repr), kept as a byte rather than a
/// string so that a cdata needs no allocation for it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BufSrc {
    Bytes,
    ByteArray,
    CffiBuffer,
}

impl BufSrc {
    /// The source kind of a type name from `buffer::py_buffer`.
    pub fn of(name: &str) -> BufSrc {
        match name {
            "bytes" => BufSrc::Bytes,
            "bytearray" => BufSrc::ByteArray,
            _ => BufSrc::CffiBuffer,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            BufSrc::Bytes => "bytes",
            BufSrc::ByteArray => "bytearray",
            BufSrc::CffiBuffer => "_cffi_backend.buffer",
        }
    }
}

/// calloc'd memory owned by a cdata, counted in the heap's external bytes. In check mode
/// (`MINIPY_FFI_CHECK`), a guard-paged mapping of the lifetime checker instead (`checked`: its
/// registry slot), quarantined rather than freed when the owner dies.
pub struct Mem {
    pub ptr: *mut u8,
    pub size: usize,
    checked: Option<usize>,
}

impl Mem {
    /// Zero-filled memory of `size` bytes (at least 1), 16-aligned. None if malloc fails.
    pub fn calloc(vm: &mut Vm, size: usize) -> Option<Mem> {
        // SAFETY: plain calloc; freed in Drop.
        let ptr = unsafe { libc::calloc(1, size.max(1)) } as *mut u8;
        if ptr.is_null() {
            return None;
        }
        vm.heap.add_external_bytes(size);
        Some(Mem {
            ptr,
            size,
            checked: None,
        })
    }

    /// Check mode: zeroed guard-paged memory for an owning cdata of type `ty` made by the Python
    /// code running now (recorded for the checker's reports). None: use `calloc` instead.
    pub fn checked(vm: &mut Vm, sh: &Shared, ty: TypeId, size: usize) -> Option<Mem> {
        let (name, align) = {
            let tt = sh.tt();
            // the alignment of what is stored: the pointee of `T *`, the items of `T[]`
            let stored = match tt.kind(ty) {
                TypeKind::Pointer(t) => *t,
                _ => ty,
            };
            (sh.name(ty), tt.align_of(stored).unwrap_or(1))
        };
        let (file, line) = super::check::call_site(vm);
        let (ptr, slot) = super::check::guard::alloc(size, align, &name, &file, line)?;
        vm.heap.add_external_bytes(size);
        Some(Mem {
            ptr,
            size,
            checked: Some(slot),
        })
    }
}

impl Drop for Mem {
    fn drop(&mut self) {
        match self.checked {
            // kept mapped but inaccessible, so a late access faults and is reported
            Some(slot) => super::check::guard::retire(slot),
            // SAFETY: ptr came from calloc and is freed once.
            None => unsafe { libc::free(self.ptr as *mut libc::c_void) },
        }
        gc::external_bytes_freed(self.size);
    }
}

/// Memory pressure declared by `ffi.gc(ptr, destructor, size=N)`: `N` bytes of C memory the
/// destructor will free, counted in the heap's external bytes so that a loop of `ffi.gc(malloc(n),
/// free, size=n)` triggers major collections (which find the dead cdata and run their
/// destructors) as PyPy's `add_memory_pressure` does. Released when the destructor runs
/// ([`Pressure::release`]) or, failing that, when the cdata object is freed (Drop).
#[derive(Default)]
pub struct Pressure(usize);

impl Pressure {
    pub fn add(vm: &mut Vm, n: usize) -> Pressure {
        vm.heap.add_external_bytes(n);
        Pressure(n)
    }
    /// The destructor ran: the memory is gone now, not when the object is swept.
    pub fn release(&mut self, vm: &mut Vm) {
        let n = std::mem::take(&mut self.0);
        if n > 0 {
            vm.heap.sub_external_bytes(n);
        }
    }
}

impl Drop for Pressure {
    fn drop(&mut self) {
        if self.0 > 0 {
            gc::external_bytes_freed(self.0);
        }
    }
}

/// The Rust side of a cdata object. Kept small (about 140 bytes): every handle, `ffi.new`,
/// view and value cdata allocates one, so what only some cdata need lives in [`Extra`], boxed
/// and made on first use.
pub struct CData {
    pub sh: Shared,
    pub ptr: *mut u8,
    /// Number of items for arrays (known or allocated length).
    pub len: usize,
    /// Bytes owned (repr of owning cdata).
    pub size: usize,
    pub ty: TypeId,
    pub flavor: Flavor,
    pub released: bool,
    /// Pointer/array cdata: how items are indexed, with the generation it was computed in.
    pub item_plan: Option<(u32, ItemPlan)>,
    /// What only some cdata need (None until first needed).
    pub extra: Option<Box<Extra>>,
    /// Small owned memory (`ffi.new("int[10]")`, primitives) lives here, inside the boxed
    /// `CData` (which never moves), instead of a separate calloc.
    pub inline: [u128; INLINE_UNITS],
}

/// The parts of a [`CData`] that only some cdata have (see [`CData::extra_mut`]).
#[derive(Default)]
pub struct Extra {
    /// Owned memory too big for `CData::inline` (or check mode's guarded mapping).
    pub mem: Option<Mem>,
    pub callback: Option<Box<ffi::Callback>>,
    /// The C value returned when a callback fails (`error=`), result-type sized.
    pub cb_error: Vec<u8>,
    /// Function cdata: the prepared call, with the `FfiShared::generation` it was made in.
    pub call_plan: Option<(u32, Rc<CallPlan>)>,
    /// Struct (pointer) cdata: the fields, with the generation they were computed in.
    pub struct_plan: Option<(u32, Rc<StructPlan>)>,
    /// `from_buffer(bytearray)`: holds the bytearray's export count up while this cdata lives (or
    /// until `ffi.release`), so the bytearray refuses to resize under C's pointer.
    pub export: Option<ExportGuard>,
    /// `from_buffer(bytes)` of a young bytes, or a `char *` result pointing into a young bytes
    /// argument: the pin keeping that bytes (this cdata's `owner`) in place while this cdata lives
    /// (or until `ffi.release`).
    pub pin: Option<super::pin::PinGuard>,
    /// `ffi.gc(..., size=N)`: the declared size of the memory the destructor frees.
    pub pressure: Pressure,
    /// Check mode, handles: records when this handle died (for `ffi.from_handle`'s error).
    pub handle_tag: Option<super::check::handles::HandleTag>,
}

/// One export of a bytearray's storage; dropping it ends the export.
pub struct ExportGuard(std::rc::Rc<std::cell::Cell<usize>>);

impl ExportGuard {
    pub fn new(count: std::rc::Rc<std::cell::Cell<usize>>) -> ExportGuard {
        count.set(count.get() + 1);
        ExportGuard(count)
    }
}

impl Drop for ExportGuard {
    fn drop(&mut self) {
        self.0.set(self.0.get().saturating_sub(1));
    }
}

/// Owned memory up to this many 16-byte units is stored inline in the `CData` (48 bytes:
/// `int[10]`, a `struct` of a few fields, every primitive value).
pub const INLINE_UNITS: usize = 3;

impl CData {
    pub fn new(sh: &Shared, ty: TypeId, ptr: *mut u8, flavor: Flavor) -> CData {
        CData {
            sh: sh.clone(),
            ptr,
            len: 0,
            size: 0,
            ty,
            flavor,
            released: false,
            item_plan: None,
            extra: None,
            inline: [0; INLINE_UNITS],
        }
    }

    /// The rarely used parts, made on first use.
    pub fn extra_mut(&mut self) -> &mut Extra {
        self.extra.get_or_insert_with(Default::default)
    }

    /// The rarely used parts, if made.
    pub fn extra(&self) -> Option<&Extra> {
        self.extra.as_deref()
    }

    pub fn name(&self) -> String {
        self.sh.name(self.ty)
    }

    pub fn is_pointer_kind(&self) -> bool {
        matches!(
            self.sh.tt().kind(self.ty),
            TypeKind::Pointer(_) | TypeKind::Function(_)
        )
    }
}

/// A copy of the plain fields of a [`CData`] that the operations read: taken out of the object so
/// that no borrow of it lives across a call into the VM (an allocation, Python code).
#[derive(Clone)]
pub struct CDataView {
    pub sh: Shared,
    pub ty: TypeId,
    pub ptr: *mut u8,
    pub len: usize,
    pub flavor: Flavor,
    pub size: usize,
}

impl CDataView {
    pub fn name(&self) -> String {
        self.sh.name(self.ty)
    }

    pub fn is_pointer_kind(&self) -> bool {
        matches!(
            self.sh.tt().kind(self.ty),
            TypeKind::Pointer(_) | TypeKind::Function(_)
        )
    }
}

impl CData {
    /// The plain fields, copied (see [`CDataView`]).
    pub fn view(&self) -> CDataView {
        CDataView {
            sh: self.sh.clone(),
            ty: self.ty,
            ptr: self.ptr,
            len: self.len,
            flavor: self.flavor,
            size: self.size,
        }
    }
}

/// The view of the cdata `v`, if it is one.
pub fn view_of(vm: &Vm, v: Value) -> Option<CDataView> {
    cdata_of(vm, v).map(CData::view)
}

/// A cdata object's data (`Kind::Foreign`): the C side, and the objects it keeps alive, each in the
/// field of its role (null when unused). The Values are GC references, traced through `refs`; a
/// store after the allocation goes through a setter below (write barrier). The references only
/// callbacks and `ffi.gc` cdata have live in a box of their own ([`MoreRefs`]), keeping the
/// common cdata small.
pub struct CDataObj {
    pub cd: CData,
    /// The object whose memory `cd.ptr` points into or whose lifetime this cdata extends: the cdata
    /// a view / `p[0]` / slice was taken from, the `ffi.from_buffer` source, the cdata `ffi.gc`
    /// wraps, an allocator's raw memory, the object of a handle (`ffi.new_handle(x)`: x, what
    /// `ffi.from_handle` returns). `destructor` is called with it.
    pub owner: Value,
    /// Callbacks' and destructors' references (None when all would be null).
    pub more: Option<Box<MoreRefs>>,
}

/// The references of a [`CDataObj`] that few cdata have.
pub struct MoreRefs {
    /// `ffi.callback`: the Python function C calls.
    pub callable: Value,
    /// `ffi.callback(onerror=...)`: called when `callable` raises.
    pub onerror: Value,
    /// `ffi.gc` / an allocator's `free`: called once with `owner` when this cdata dies (or on
    /// `ffi.release`); null once run.
    pub destructor: Value,
}

impl CDataObj {
    /// A cdata keeping only `owner` (may be null) alive.
    pub fn new(cd: CData, owner: Value) -> CDataObj {
        CDataObj {
            cd,
            owner,
            more: None,
        }
    }

    /// The rare references, made on first use (before the object is allocated, or followed by
    /// the write barrier: see [`set_destructor`]).
    pub fn more_mut(&mut self) -> &mut MoreRefs {
        self.more.get_or_insert_with(|| {
            Box::new(MoreRefs {
                callable: Value::NULL,
                onerror: Value::NULL,
                destructor: Value::NULL,
            })
        })
    }

    /// `ffi.callback`'s function (null if none).
    pub fn callable(&self) -> Value {
        self.more.as_ref().map_or(Value::NULL, |m| m.callable)
    }

    /// `ffi.callback`'s onerror (null if none).
    pub fn onerror(&self) -> Value {
        self.more.as_ref().map_or(Value::NULL, |m| m.onerror)
    }

    /// The pending destructor (null if none).
    pub fn destructor(&self) -> Value {
        self.more.as_ref().map_or(Value::NULL, |m| m.destructor)
    }
}

/// Allocations of dead cdata objects kept for reuse: a loop making short-lived cdata (handles,
/// small `ffi.new` arrays) would otherwise pay a malloc and a free per cdata, many thousands of
/// them freed together at each minor collection. Entries are uninitialized `CDataObj`-sized
/// allocations of the global allocator (what `Box<CDataObj>` uses); at most [`POOL_MAX`].
struct Pool(Vec<*mut CDataObj>);

const POOL_MAX: usize = 1 << 17;

impl Drop for Pool {
    fn drop(&mut self) {
        for p in self.0.drain(..) {
            // SAFETY: an allocation of the global allocator with CDataObj's layout, uninitialized
            // (its value was dropped before it entered the pool), owned by the pool.
            unsafe { std::alloc::dealloc(p as *mut u8, std::alloc::Layout::new::<CDataObj>()) };
        }
    }
}

thread_local! {
    static POOL: std::cell::RefCell<Pool> = const { std::cell::RefCell::new(Pool(Vec::new())) };
}

impl CDataObj {
    /// Boxes the cdata data, reusing a pooled allocation if there is one.
    pub fn boxed(self) -> Box<CDataObj> {
        let raw = POOL
            .try_with(|p| p.try_borrow_mut().ok().and_then(|mut p| p.0.pop()))
            .ok()
            .flatten();
        match raw {
            Some(raw) => {
                // SAFETY: a pooled allocation has CDataObj's layout and holds no value; writing
                // one makes it a valid Box (same allocator, same layout as Box::new).
                unsafe {
                    raw.write(self);
                    Box::from_raw(raw)
                }
            }
            None => Box::new(self),
        }
    }
}

impl ForeignData for CDataObj {
    fn free(self: Box<Self>) {
        let raw = Box::into_raw(self);
        // SAFETY: raw is the live, uniquely owned value of the box: dropped once, then only its
        // allocation is kept (or deallocated below).
        unsafe { std::ptr::drop_in_place(raw) };
        let kept = POOL
            .try_with(|p| match p.try_borrow_mut() {
                Ok(mut p) if p.0.len() < POOL_MAX => {
                    p.0.push(raw);
                    true
                }
                _ => false,
            })
            .unwrap_or(false);
        if !kept {
            // SAFETY: the allocation of a Box<CDataObj>, whose value was dropped above.
            unsafe { std::alloc::dealloc(raw as *mut u8, std::alloc::Layout::new::<CDataObj>()) };
        }
    }

    fn refs(&mut self) -> ForeignRefs<'_> {
        let (c, e, d) = match self.more.as_deref_mut() {
            Some(m) => (
                Some(&mut m.callable),
                Some(&mut m.onerror),
                Some(&mut m.destructor),
            ),
            None => (None, None, None),
        };
        [Some(&mut self.owner), c, e, d, None]
    }
}

/// The cdata object data of a value, if it is one (borrows the Vm: see `cffi::foreign`).
pub fn cdata_obj(vm: &Vm, v: Value) -> Option<&CDataObj> {
    foreign::<CDataObj>(vm, v)
}

/// The CData of a value, if it is one (borrows the Vm: see `cffi::foreign`).
pub fn cdata_of(vm: &Vm, v: Value) -> Option<&CData> {
    foreign::<CDataObj>(vm, v).map(|o| &o.cd)
}

/// Mutable access to the CData of a value, if it is one.
pub fn cdata_mut(vm: &mut Vm, v: Value) -> Option<&mut CData> {
    foreign_mut::<CDataObj>(vm, v).map(|o| &mut o.cd)
}

/// Sets the destructor of cdata `v` (null to remove it), with the write barrier.
pub fn set_destructor(vm: &mut Vm, v: Value, d: Value) {
    if let Some(o) = foreign_mut::<CDataObj>(vm, v) {
        if d.is_null() && o.more.is_none() {
            return;
        }
        o.more_mut().destructor = d;
        vm.heap.write_barrier(v);
    }
}

/// Wraps a `CData` into a new cdata object keeping `owner` alive.
pub fn wrap(vm: &mut Vm, cd: CData, owner: Value) -> PyResult<Value> {
    wrap_obj(vm, CDataObj::new(cd, owner).boxed())
}

/// Wraps a boxed cdata object data (the box becomes the object's data: addresses inside it stay
/// valid). Its Values need not be rooted (new_foreign roots them across the allocations).
pub fn wrap_obj(vm: &mut Vm, cd: Box<CDataObj>) -> PyResult<Value> {
    // gc-safe: a Rust box (never moves); its Values are re-read from the stack after the GC point
    let mut cd = cd;
    let cached = cd.cd.sh.plans.borrow().cdata_cls;
    if let Some(cls) = cached.and_then(|i| vm.roots.types.get(i).copied()) {
        return new_foreign(vm, cls, cd);
    }
    let base = vm.sp();
    // The first cdata of a class allocates the class: root the references meanwhile.
    for v in cd.refs().into_iter().flatten() {
        vm.push(*v);
    }
    let cls = cdata_class(vm, &cd.cd.sh);
    for (i, v) in cd.refs().into_iter().flatten().enumerate() {
        *v = vm.at(base + i);
    }
    vm.truncate(base);
    new_foreign(vm, cls, cd)
}

/// A boxed cdata whose `ptr` is its zeroed inline memory (`size` <= the inline capacity).
fn boxed_inline(sh: &Shared, ty: TypeId, flavor: Flavor) -> Box<CDataObj> {
    let mut b = CDataObj::new(
        CData::new(sh, ty, std::ptr::null_mut(), flavor),
        Value::NULL,
    )
    .boxed();
    b.cd.ptr = b.cd.inline.as_mut_ptr() as *mut u8;
    b
}

/// The CData class (its index among the VM's builtin types is cached in the FFI's plans).
fn cdata_class(vm: &mut Vm, sh: &Shared) -> Value {
    let idx = sh.plans.borrow().cdata_cls;
    if let Some(v) = idx.and_then(|i| vm.roots.types.get(i).copied()) {
        return v;
    }
    let cls = class(vm, "_cffi_backend.CData");
    let idx = vm.type_names.get("_cffi_backend.CData").copied();
    sh.plans.borrow_mut().cdata_cls = idx;
    cls
}

/// A non-owning pointer (or function pointer) cdata with value `addr`.
pub fn new_pointer(vm: &mut Vm, sh: &Shared, ty: TypeId, addr: usize) -> PyResult<Value> {
    wrap(
        vm,
        CData::new(sh, ty, addr as *mut u8, Flavor::Plain),
        Value::NULL,
    )
}

/// A view (array or struct) of memory at `p`, keeping `owner` alive.
pub fn new_view(
    vm: &mut Vm,
    sh: &Shared,
    ty: TypeId,
    p: *mut u8,
    len: usize,
    owner: Value,
) -> PyResult<Value> {
    let mut cd = CData::new(sh, ty, p, Flavor::Plain);
    cd.len = len;
    wrap(vm, cd, owner)
}

/// A fresh owning cdata of type `ty` with `size` zeroed bytes (array length `len`).
pub fn new_owning(
    vm: &mut Vm,
    sh: &Shared,
    ty: TypeId,
    size: usize,
    len: usize,
) -> PyResult<Value> {
    if super::check::enabled() {
        if let Some(mem) = Mem::checked(vm, sh, ty, size) {
            let mut cd = CData::new(sh, ty, mem.ptr, Flavor::Owning);
            cd.size = size;
            cd.len = len;
            cd.extra_mut().mem = Some(mem);
            return wrap(vm, cd, Value::NULL);
        }
    }
    if size <= INLINE_UNITS * 16 {
        let mut b = boxed_inline(sh, ty, Flavor::Owning);
        b.cd.size = size;
        b.cd.len = len;
        return wrap_obj(vm, b);
    }
    let Some(mem) = Mem::calloc(vm, size) else {
        return Err(vm.memory_error());
    };
    let mut cd = CData::new(sh, ty, mem.ptr, Flavor::Owning);
    cd.size = size;
    cd.len = len;
    cd.extra_mut().mem = Some(mem);
    wrap(vm, cd, Value::NULL)
}

/// A primitive value cdata (`ffi.cast`) holding the bytes of `value` (a 16-byte buffer).
pub fn new_primitive(vm: &mut Vm, sh: &Shared, ty: TypeId, bytes: &[u8]) -> PyResult<Value> {
    let b = boxed_inline(sh, ty, Flavor::Primitive);
    let n = bytes.len().min(16);
    // SAFETY: the inline memory holds at least 16 bytes.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), b.cd.ptr, n) };
    wrap_obj(vm, b)
}

fn addr_text(p: *mut u8) -> String {
    if p.is_null() {
        "NULL".to_string()
    } else {
        format!("0x{:x}", p as usize)
    }
}

/// `long double` as CFFI prints it (`%LE`: 1.500000E+00).
pub fn long_double_text(f: f64) -> String {
    if !f.is_finite() {
        return if f.is_nan() {
            "NAN".into()
        } else if f > 0.0 {
            "INF".into()
        } else {
            "-INF".into()
        };
    }
    let s = format!("{:.6E}", f);
    // Rust prints 1.500000E0: CFFI (C) prints 1.500000E+00.
    match s.split_once('E') {
        Some((m, e)) => {
            let (sign, digits) = if let Some(d) = e.strip_prefix('-') {
                ('-', d)
            } else {
                ('+', e)
            };
            format!("{m}E{sign}{:0>2}", digits)
        }
        None => s,
    }
}

/// The value part of a primitive cdata's repr (`42`, `b'A'`, `1.5`, `5: GREEN`).
fn primitive_text(vm: &Vm, tt: &TypeTable, ty: TypeId, p: *mut u8) -> String {
    if let TypeKind::Enum(_) = tt.kind(ty) {
        // SAFETY: p holds a value of the type.
        if let Ok(convert::Scalar::Int(i)) = unsafe { convert::load(tt, ty, p) } {
            return match tt.enum_name_of(ty, i) {
                Some(n) => format!("{i}: {n}"),
                None => format!("{i}"),
            };
        }
    }
    let Some(prim) = tt.prim(ty) else {
        return "?".into();
    };
    // SAFETY: as above.
    let v = unsafe { convert::load(tt, ty, p) };
    match (prim.kind, v) {
        (PrimKind::Char, Ok(convert::Scalar::Int(i))) => crate::vm::repr::bytes_repr(&[i as u8]),
        (PrimKind::UniChar, Ok(convert::Scalar::Int(i))) => {
            let c = crate::unicode::char_of(i as u32)
                .unwrap_or('\u{fffd}')
                .to_string();
            crate::vm::repr::str_repr(&c)
        }
        (PrimKind::Bool, Ok(convert::Scalar::Int(i))) => {
            if i != 0 { "True" } else { "False" }.into()
        }
        (PrimKind::LongDouble, Ok(convert::Scalar::Float(f))) => long_double_text(f),
        (_, Ok(convert::Scalar::Float(f))) => crate::vm::repr::float_repr(f),
        (_, Ok(convert::Scalar::Int(i))) => format!("{i}"),
        _ => {
            let _ = vm;
            "?".into()
        }
    }
}

/// `repr(cdata)` (also its `str`).
pub fn repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let Some(cd) = cdata_of(vm, v) else {
        return Ok("<cdata>".into());
    };
    let name = cd.name();
    // Handles and callbacks print an object's repr, which may run Python: no borrow of the cdata
    // lives across it.
    let (shown, what) = match (&cd.flavor, cdata_obj(vm, v)) {
        (Flavor::Handle, Some(o)) => (o.owner, "handle to"),
        (Flavor::Callback, Some(o)) => (o.callable(), "calling"),
        _ => (Value::NULL, ""),
    };
    if !what.is_empty() {
        let r = vm.repr_string(shown)?;
        return Ok(format!("<cdata '{name}' {what} {r}>"));
    }
    let Some(cd) = cdata_of(vm, v) else {
        return Ok("<cdata>".into());
    };
    Ok(match &cd.flavor {
        Flavor::Owning | Flavor::CoOwning => format!("<cdata '{name}' owning {} bytes>", cd.size),
        // Printed above (the cdata object data exists whenever its CData does).
        Flavor::Handle | Flavor::Callback => format!("<cdata '{name}'>"),
        Flavor::FromBuffer(_) if cd.released => format!("<cdata '{name}' buffer RELEASED>"),
        Flavor::FromBuffer(src) => {
            let src = src.name();
            format!("<cdata '{name}' buffer len {} from '{src}' object>", cd.len)
        }
        Flavor::Sliced => format!("<cdata '{name}' sliced length {}>", cd.len),
        Flavor::Primitive => {
            let tt = cd.sh.tt();
            if let (Some(PrimKind::UniChar), Ok(convert::Scalar::Int(i))) = (
                tt.prim(cd.ty).map(|p| p.kind),
                // SAFETY: a primitive cdata's buffer holds its value.
                unsafe { convert::load(&tt, cd.ty, cd.ptr) },
            ) {
                if !(0..=0x10ffff).contains(&i) {
                    // `ffi.cast("wchar_t", -1)`: CFFI's repr fails building the character
                    drop(tt);
                    return super::conv::unichar_char(vm, i).map(|_| String::new());
                }
            }
            let t = primitive_text(vm, &tt, cd.ty, cd.ptr);
            format!("<cdata '{name}' {t}>")
        }
        Flavor::Plain | Flavor::Gc => {
            let is_struct = matches!(cd.sh.tt().kind(cd.ty), TypeKind::Struct(_));
            if is_struct {
                format!("<cdata '{name} &' {}>", addr_text(cd.ptr))
            } else {
                format!("<cdata '{name}' {}>", addr_text(cd.ptr))
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every handle and small `ffi.new` allocates one `CDataObj` (pooled): two cache lines. Rare
    /// fields go to `Extra` / `MoreRefs`, not here.
    #[test]
    fn cdata_object_stays_small() {
        assert!(std::mem::size_of::<CDataObj>() <= 128);
        assert!(std::mem::size_of::<Option<(u32, ItemPlan)>>() <= 16);
        assert!(std::mem::size_of::<Flavor>() <= 2);
    }

    /// Boxes made from pooled allocations are ordinary boxes: a freed one is reused, and its
    /// fields are those of the new value.
    #[test]
    fn pooled_boxes_are_reused() {
        let sh = crate::cffi::FfiShared::new();
        let ty = sh.void_ptr();
        let a = CDataObj::new(
            CData::new(&sh, ty, 8 as *mut u8, Flavor::Plain),
            Value::NULL,
        )
        .boxed();
        let pa = &*a as *const CDataObj;
        a.free();
        let b = CDataObj::new(
            CData::new(&sh, ty, 16 as *mut u8, Flavor::Handle),
            Value::NULL,
        )
        .boxed();
        assert_eq!(&*b as *const CDataObj, pa);
        assert_eq!(b.cd.ptr as usize, 16);
        assert_eq!(b.cd.flavor, Flavor::Handle);
        assert!(b.cd.extra.is_none() && b.more.is_none());
        assert_eq!(Rc::strong_count(&sh), 2);
        b.free();
        assert_eq!(Rc::strong_count(&sh), 1);
    }
}
