//! The eval loop's fast path (`run_fast`): the common cases of the hottest instructions, run in a
//! small loop of their own with the instruction pointer and the stack pointer in locals (the big
//! `execute` loop keeps nothing in registers). `execute` calls it, runs in full the instruction it
//! stops at, and calls it again.
//!
//! Invariants:
//! - an arm either completes its instruction or stops (`exit!`) having changed nothing (no pop, no
//!   push, no store): `execute` then flushes the ip and runs the full instruction from the start;
//! - the frame's ip is not kept current here: before anything that can raise, call Python,
//!   allocate or look at frames, an arm writes it (`frames[fidx].ip = pc + 1`, what `execute`
//!   would have written) and the stack length (`sync!`); after that it may return `Err` like any
//!   instruction;
//! - no `Value` is held across a GC point (operands stay on the stack and are re-read).

use super::{PyResult, Vm};
use crate::bytecode::{BinOp, CmpOp, Instr, Op, UnaryOp};
use crate::obj::layout::*;
use gc::Value;

/// The frame being run, as `execute` caches it.
#[derive(Clone, Copy)]
pub(super) struct FastFrame {
    pub instrs: *const Instr,
    pub fidx: usize,
    pub base: usize,
    pub code: Value,
    pub consts: Value,
    pub names: Value,
}

/// Room the fast loop wants above the stack top at each instruction (its arms push at most two
/// values; UnpackSequence checks its own count).
const HEADROOM: usize = 4;

impl Vm {
    /// Runs instructions from `pc` while their fast case applies; returns the index of the first
    /// instruction to run in full (nothing of it done). A small function of its own so that the
    /// compiler keeps pc, the stack pointer and the frame's fields in registers.
    ///
    /// The value stack is used through a raw pointer `sp` (its length is written back with `sync!`
    /// before every call that may look at the stack or collect, and on exit); the capacity is
    /// checked once per instruction (`HEADROOM`), so the pushes need no check.
    #[inline(never)]
    pub(super) fn run_fast(&mut self, mut pc: usize, fr: FastFrame) -> PyResult<Option<usize>> {
        let (mut instrs, mut fidx, mut base) = (fr.instrs, fr.fidx, fr.base);
        // gc-safe: the code object is old (code.rs), and the frame keeps it alive
        let mut code = fr.code;
        // gc-safe: a code object's constants tuple is old (code.rs)
        let mut consts = fr.consts;
        // gc-safe: a code object's names tuple is old (code.rs)
        let mut names = fr.names;
        // A simple call or return switched frames: on exit the ip goes to the (new) current frame
        // and `execute` re-reads its frame (`None`).
        let mut switched = false;
        // capacity >= HEADROOM from here on (it never shrinks), so `limit` below is in bounds
        self.roots.stack.reserve(HEADROOM);
        let mut ptr = self.roots.stack.as_mut_ptr();
        // The raw stack accesses below rely on: [ptr, sp) are the live stack slots and
        // [sp, limit + HEADROOM) reserved capacity; an instruction starts only with HEADROOM free
        // slots, pops never go below its operands (compiler invariant: the stack effects in the
        // opcode table), and ptr/sp/limit are re-derived after every call that may grow the stack.
        // SAFETY: len <= capacity: in the allocation.
        let mut sp = unsafe { ptr.add(self.roots.stack.len()) };
        // The last stack position at which an instruction may start (HEADROOM slots free above).
        // SAFETY: capacity >= HEADROOM (reserved above): in the allocation.
        let mut limit = unsafe { ptr.add(self.roots.stack.capacity() - HEADROOM) };
        macro_rules! sync {
            () => {
                // SAFETY: see above; sp - ptr slots are initialised.
                unsafe { self.roots.stack.set_len(sp.offset_from(ptr) as usize) }
            };
        }
        macro_rules! reload {
            () => {
                ptr = self.roots.stack.as_mut_ptr();
                // SAFETY: len <= capacity.
                unsafe {
                    sp = ptr.add(self.roots.stack.len());
                    limit = ptr.add(self.roots.stack.capacity() - HEADROOM);
                }
            };
        }
        macro_rules! exit {
            () => {{
                sync!();
                if switched {
                    self.roots.frames[fidx].ip = pc;
                    return Ok(None);
                }
                return Ok(Some(pc));
            }};
        }
        macro_rules! enter {
            ($f:expr) => {{
                let f: FastFrame = $f;
                instrs = f.instrs;
                fidx = f.fidx;
                base = f.base;
                code = f.code;
                consts = f.consts;
                names = f.names;
                switched = true;
            }};
        }
        macro_rules! push {
            ($v:expr) => {{
                let v = $v;
                // SAFETY: HEADROOM free slots at the start of the instruction.
                unsafe {
                    sp.write(v);
                    sp = sp.add(1);
                }
            }};
        }
        macro_rules! peek {
            ($d:expr) => {
                // SAFETY: the instruction's operands are on the stack.
                unsafe { *sp.sub(1 + $d) }
            };
        }
        // A stack slot read on its own: LLVM merges two adjacent `peek!`s into one 16-byte load,
        // which stalls when the slots were just written by separate 8-byte stores (the result of
        // the previous instruction: `b.x -= d` is InplaceOp, Rot2, StoreAttr). Volatile keeps the
        // loads apart.
        macro_rules! peek1 {
            ($d:expr) => {
                // SAFETY: the instruction's operands are on the stack.
                unsafe { sp.sub(1 + $d).read_volatile() }
            };
        }
        macro_rules! drop_n {
            ($n:expr) => {
                // SAFETY: the instruction's operands are on the stack.
                sp = unsafe { sp.sub($n) }
            };
        }
        macro_rules! set_top {
            ($d:expr, $v:expr) => {{
                let v = $v;
                // SAFETY: the instruction's operands are on the stack.
                unsafe { *sp.sub(1 + $d) = v }
            }};
        }
        macro_rules! local {
            ($i:expr) => {
                // SAFETY: frame slots base..base+nslots are below every operand of the frame.
                *unsafe { &mut *ptr.add(base + $i) }
            };
        }
        loop {
            // SAFETY: as in execute: pc is an instruction index of this code unit.
            let ins = unsafe { *instrs.add(pc) };
            let arg = ins.arg as usize;
            if sp > limit {
                exit!();
            }
            match ins.op {
                Op::Nop => {}
                Op::Pop => drop_n!(1),
                Op::Dup => push!(peek!(0)),
                Op::Dup2 => {
                    let (a, b) = (peek1!(1), peek1!(0));
                    push!(a);
                    push!(b);
                }
                Op::Rot2 => {
                    let (a, b) = (peek1!(1), peek1!(0));
                    set_top!(1, b);
                    set_top!(0, a);
                }
                Op::Rot3 => {
                    let (a, b, c) = (peek!(2), peek!(1), peek!(0));
                    set_top!(2, c);
                    set_top!(1, a);
                    set_top!(0, b);
                }
                Op::Copy => push!(peek!(arg - 1)),
                Op::Swap => {
                    let (a, b) = (peek!(arg - 1), peek!(0));
                    set_top!(arg - 1, b);
                    set_top!(0, a);
                }
                Op::LoadConst => push!(self.tuple_items(consts)[arg]),
                Op::LoadFast => {
                    let v = local!(arg);
                    if v.is_null() {
                        exit!(); // UnboundLocalError
                    }
                    push!(v);
                }
                Op::LoadDeref => {
                    // the cell of a cell or free variable (LoadClassDeref runs in full)
                    let cell = local!(self.code_data(code).nlocals + arg);
                    let v = self.obj::<CellObj>(cell).value;
                    if v.is_null() {
                        exit!(); // NameError
                    }
                    push!(v);
                }
                Op::StoreFast => {
                    let v = peek!(0);
                    drop_n!(1);
                    local!(arg) = v;
                }
                Op::LoadGlobal => {
                    let globals = self.roots.frames[fidx].globals;
                    let Some(v) = self.cached_global(code, globals, arg) else {
                        exit!();
                    };
                    push!(v);
                }
                Op::Jump => {
                    if self.heap.has_pending_finalizers() {
                        exit!(); // the full Jump runs them
                    }
                    pc = arg;
                    continue;
                }
                Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                    let Some(t) = self.bool_of(peek!(0)) else {
                        exit!(); // truthy() may call __bool__/__len__
                    };
                    drop_n!(1);
                    if t == (ins.op == Op::PopJumpIfTrue) {
                        pc = arg;
                        continue;
                    }
                }
                Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                    let Some(t) = self.bool_of(peek!(0)) else {
                        exit!();
                    };
                    if t == (ins.op == Op::JumpIfTrueOrPop) {
                        pc = arg;
                        continue;
                    }
                    drop_n!(1);
                }
                Op::CompareOp => {
                    let (a, b) = (peek!(1), peek!(0));
                    let op = CmpOp::from_arg(ins.arg);
                    let r = if a.is_int() && b.is_int() {
                        super::ops::cmp_ord(a.as_int().cmp(&b.as_int()), op)
                    } else {
                        let Some((x, y)) = self.float_pair(a, b) else {
                            exit!();
                        };
                        float_cmp(x, y, op)
                    };
                    drop_n!(1);
                    set_top!(0, self.bool_val(r));
                }
                Op::IsOp => {
                    let r = (peek!(1) == peek!(0)) != (arg == 1);
                    drop_n!(1);
                    set_top!(0, self.bool_val(r));
                }
                Op::BinaryOp | Op::InplaceOp => {
                    let (a, b) = (peek!(1), peek!(0));
                    let op = BinOp::from_arg(ins.arg);
                    let r = if a.is_int() && b.is_int() {
                        match small_int_op(a.as_int(), b.as_int(), op) {
                            Some(r) => r,
                            None => exit!(),
                        }
                    } else if op == BinOp::Add && self.concat_kind(a, b, ins.op).is_some() {
                        // tuple + tuple, plain list + list: one allocation (a GC point: the
                        // operands stay on the stack, the ip is flushed)
                        sync!();
                        self.roots.frames[fidx].ip = pc + 1;
                        let r = if self.kind(a) == Kind::Tuple {
                            self.tuple_concat_top()?
                        } else {
                            self.list_concat_top()?
                        };
                        reload!();
                        r
                    } else {
                        let Some((x, y)) = self.float_pair(a, b) else {
                            exit!();
                        };
                        let f = match op {
                            BinOp::Add => x + y,
                            BinOp::Sub => x - y,
                            BinOp::Mul => x * y,
                            BinOp::TrueDiv if y != 0.0 => x / y,
                            // a positive finite base to a finite power with a finite result
                            // (`d ** 0.5`): libm's pow, as float_op; zero, negative or infinite
                            // bases, an overflow (OverflowError) and NaNs run in full
                            BinOp::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
                                let r = x.powf(y);
                                if !r.is_finite() {
                                    exit!();
                                }
                                r
                            }
                            _ => exit!(),
                        };
                        // new_float is a GC point: the operands stay on the stack (rooted) and the
                        // ip is flushed for a MemoryError's traceback.
                        sync!();
                        self.roots.frames[fidx].ip = pc + 1;
                        let r = self.new_float(f)?;
                        reload!();
                        r
                    };
                    drop_n!(1);
                    set_top!(0, r);
                }
                Op::LoadAttr => {
                    let name = self.tuple_items(names)[arg];
                    let obj = peek!(0);
                    let v = match self.map_cached_load(obj, name, code, pc) {
                        Some(v) => v,
                        None => match self.module_attr_fast(obj, name) {
                            Some(v) => v,
                            None => exit!(),
                        },
                    };
                    set_top!(0, v);
                }
                Op::StoreAttr => {
                    sync!(); // map_cached_store reads its operands from the stack
                    if !self.map_cached_store(code, pc) {
                        exit!();
                    }
                    reload!();
                }
                Op::Subscript => {
                    let (o, k) = (peek!(1), peek!(0));
                    let v = match self.list_index_fast(o, k) {
                        Some(v) => v,
                        None => match self.dict_str_entry(o, k) {
                            Some(Some(v)) => v,
                            _ if self.foreign_item_hooked(o) => {
                                // a cdata item: the upper layer's hook, as getitem_builtin
                                // calls it (None: nothing done, in full); it may allocate the
                                // result (ip and stack flushed, pointers re-derived after)
                                sync!();
                                self.roots.frames[fidx].ip = pc + 1;
                                let fast = self.registry.foreign.getitem.unwrap();
                                let Some(r) = fast(self, o, k) else {
                                    exit!();
                                };
                                let v = r?;
                                reload!();
                                v
                            }
                            _ => exit!(), // KeyError, another key or container: in full
                        },
                    };
                    drop_n!(1);
                    set_top!(0, v);
                }
                Op::StoreSubscr => {
                    // (v o k -- )
                    let (v, o, k) = (peek!(2), peek!(1), peek!(0));
                    if let Some(i) = self.list_slot_fast(o, k) {
                        self.list_set(o, i, v);
                    } else if self.dict_str_entry(o, k).is_some() {
                        // a plain dict and a str key: no Python code runs, but a new key may
                        // grow the table (a GC point: the operands stay on the stack meanwhile)
                        sync!();
                        self.roots.frames[fidx].ip = pc + 1;
                        let n = self.roots.stack.len();
                        self.dict_set_slots(n - 2, n - 1, n - 3)?;
                        reload!();
                    } else if self.foreign_item_hooked(o) {
                        // a cdata item store through the upper layer's hook (false: nothing
                        // done, in full); a conversion may allocate: ip and stack flushed
                        sync!();
                        self.roots.frames[fidx].ip = pc + 1;
                        let fast = self.registry.foreign.setitem.unwrap();
                        if !fast(self, o, k, v) {
                            exit!();
                        }
                        reload!();
                    } else {
                        exit!();
                    }
                    drop_n!(3);
                }
                Op::ContainsOp => {
                    // `k in d` for a plain dict and a str key found there (an absent key runs in
                    // full: a non-str key of the same hash may still compare equal to it)
                    let (k, o) = (peek!(1), peek!(0));
                    let Some(Some(_)) = self.dict_str_entry(o, k) else {
                        exit!();
                    };
                    drop_n!(1);
                    set_top!(0, self.bool_val(arg != 1));
                }
                Op::ForIter => {
                    // list and range iterators step here without a GC point; a plain generator's
                    // frame is entered (vm/gen.rs gen_enter_inline); others run in full
                    let it = peek!(0);
                    let Some(next) = self.iter_step_fast(it) else {
                        if !self.gen_can_enter_inline(it) {
                            exit!();
                        }
                        sync!();
                        // the consumer's ip as execute would have flushed it: the generator's
                        // return ends the loop from there (gen_inline_returned)
                        self.roots.frames[fidx].ip = pc + 1;
                        // no GC point: the recursion limit was checked
                        if self.gen_push_frame(it, false)? {
                            self.push(self.none());
                        }
                        enter!(self.fast_frame(fidx + 1));
                        reload!();
                        pc = self.roots.frames[fidx].ip;
                        continue;
                    };
                    match next {
                        Some(v) => push!(v),
                        None => {
                            drop_n!(1);
                            pc = arg;
                            continue;
                        }
                    }
                }
                Op::BuildTuple => {
                    // `a, b = x, y`: BuildTuple n + UnpackSequence n only reverses the top n
                    // values (CPython's compiler emits a SWAP); no tuple is made. Any other
                    // BuildTuple runs in full.
                    // SAFETY: BuildTuple is never an instruction unit's last (it ends with a return).
                    let next = unsafe { *instrs.add(pc + 1) };
                    if next.op != Op::UnpackSequence || next.arg as usize != arg {
                        exit!();
                    }
                    // SAFETY: the instruction's arg operands are on the stack.
                    unsafe { std::slice::from_raw_parts_mut(sp.sub(arg), arg).reverse() };
                    pc += 2;
                    continue;
                }
                Op::UnpackSequence => {
                    let seq = peek!(0);
                    if !self.is(seq, Kind::Tuple)
                        || self.tuple_items(seq).len() != arg
                        // SAFETY: limit is in the stack's allocation (HEADROOM below its end).
                        || sp.wrapping_add(arg) > unsafe { limit.add(HEADROOM) }
                    {
                        exit!();
                    }
                    // no GC point: the items go straight from the tuple, last first
                    drop_n!(1);
                    for i in (0..arg).rev() {
                        push!(self.tuple_items(seq)[i]);
                    }
                }
                Op::UnaryOp => {
                    let a = peek!(0);
                    let r = match UnaryOp::from_arg(ins.arg) {
                        UnaryOp::Neg if a.is_int() => {
                            match a.as_int().checked_neg().and_then(Value::from_int) {
                                Some(r) => r,
                                None => exit!(),
                            }
                        }
                        UnaryOp::Not => match self.bool_of(a) {
                            Some(t) => self.bool_val(!t),
                            None => exit!(),
                        },
                        _ => exit!(),
                    };
                    set_top!(0, r);
                }
                Op::BuildSlice => {
                    // `l[a:b:c]` and `l[a:b:c] = m` on plain lists with small-int or None bounds,
                    // fused with the Subscript/StoreSubscr that follows: no slice object is made.
                    // (o start stop [step] -- ) then the next instruction's work, which is skipped.
                    // SAFETY: BuildSlice is never an instruction unit's last (it ends with a return).
                    let next = unsafe { (*instrs.add(pc + 1)).op };
                    let step = if arg == 3 {
                        match self.slice_bound_fast(peek!(0)) {
                            Some(Some(0)) | None => exit!(), // step 0: the ValueError in full
                            Some(st) => st.unwrap_or(1),
                        }
                    } else {
                        1
                    };
                    let (Some(start), Some(stop)) = (
                        self.slice_bound_fast(peek!(arg - 1)),
                        self.slice_bound_fast(peek!(arg - 2)),
                    ) else {
                        exit!();
                    };
                    let raw = crate::objects::slice::SliceRaw { start, stop, step };
                    let l = peek!(arg);
                    if !self.is_plain_list(l) {
                        exit!();
                    }
                    let s = crate::objects::slice::slice_adjust(raw, self.list_len(l));
                    match next {
                        Op::Subscript => {
                            // a new list of the selected items, pushed first (rooted for the
                            // allocation, a GC point: ip flushed for a MemoryError's traceback)
                            sync!();
                            self.roots.frames[fidx].ip = pc + 2;
                            for j in 0..s.len {
                                let v = self.list_items(l)[(s.start + j as i64 * s.step) as usize];
                                self.push(v);
                            }
                            let r = self.new_list_from_stack(s.len)?;
                            reload!();
                            drop_n!(arg);
                            set_top!(0, r);
                        }
                        Op::StoreSubscr => {
                            // (m l start stop [step] -- ): another plain list of the slice's
                            // length is stored item by item in place, no GC point (what set_slice
                            // does; other sources, resizing, `l[:] = l` run in full)
                            let m = peek!(arg + 1);
                            if m == l || !self.is_plain_list(m) || self.list_len(m) != s.len {
                                exit!();
                            }
                            for j in 0..s.len {
                                let v = self.list_items(m)[j];
                                self.list_set(l, (s.start + j as i64 * s.step) as usize, v);
                            }
                            drop_n!(arg + 2);
                        }
                        _ => exit!(),
                    }
                    pc += 2;
                    continue;
                }
                Op::LoadMethod => {
                    // (obj -- meth obj) for a builtin object (str, list, dict...: no instance
                    // attributes to shadow the method) or a map-mode instance whose method (a
                    // function or a binding native) this instruction's cache holds; the rest
                    // (types, instances with a dict, a cache miss) runs in full.
                    let obj = peek!(0);
                    if let Some(v) = self.module_attr_fast(obj, self.tuple_items(names)[arg]) {
                        // `math.sqrt(x)`: a module's function, called without self (NULL slot)
                        set_top!(0, Value::NULL);
                        push!(v);
                        pc += 1;
                        continue;
                    }
                    if !obj.is_ptr()
                        || matches!(self.kind(obj), Kind::Type | Kind::Super | Kind::Foreign)
                    {
                        exit!();
                    }
                    let name = self.tuple_items(names)[arg];
                    let t = self.type_of(obj);
                    if self.kind(obj) == Kind::Instance {
                        // a map-mode instance (no dict) whose own attributes do not shadow the
                        // name, of a class without its own __getattribute__: what the full
                        // instruction checks, through the same caches
                        if self.instance_dict(obj).is_some()
                            || self.obj::<TypeObj>(t).flags & TYPE_CUSTOM_GETATTRIBUTE != 0
                            || self.map_shadows(obj, name, code, pc) != Some(false)
                        {
                            exit!();
                        }
                    } else if self.instance_dict(obj).is_some() {
                        exit!();
                    }
                    let Some(m) = self.lookup_type_cache_hit(t, name, code, pc) else {
                        exit!();
                    };
                    let binds = if self.is(m, Kind::Function) {
                        !self.is_dunder_new(name)
                    } else {
                        self.is(m, Kind::Native) && self.native_binds(m)
                    };
                    if !binds {
                        exit!();
                    }
                    set_top!(0, m);
                    push!(obj);
                }
                Op::Call | Op::CallMethod => {
                    sync!();
                    let n = self.roots.stack.len();
                    let (fslot, nargs) = if ins.op == Op::Call {
                        (n - arg - 1, arg)
                    } else if !self.at(n - arg - 2).is_null() {
                        (n - arg - 2, arg + 1)
                    } else if self.is(self.at(n - arg - 1), Kind::Native) {
                        // (NULL f args -- r): a native without self is called here; the NULL
                        // slot below it then takes the result
                        self.roots.frames[fidx].ip = pc + 1;
                        let v = self.call_native_at(n - arg - 1, arg, Value::NULL)?;
                        reload!();
                        set_top!(0, v);
                        pc += 1;
                        continue;
                    } else {
                        exit!();
                    };
                    // the caller's ip, as execute would have flushed it (the callee's traceback
                    // and sys._getframe read it)
                    self.roots.frames[fidx].ip = pc + 1;
                    if !self.try_enter_simple(fslot, nargs) {
                        if self.is(self.at(fslot), Kind::Native) {
                            // a builtin function or method: called here, as prepare_call would
                            let v = self.call_native_at(fslot, nargs, Value::NULL)?;
                            reload!();
                            push!(v);
                            pc += 1;
                            continue;
                        }
                        // `C(args)`: the instance is made here, `__init__` runs as a frame
                        if !self.try_enter_init_simple(fslot, nargs, code, pc)? {
                            exit!();
                        }
                    }
                    enter!(self.fast_frame(fidx + 1));
                    reload!();
                    pc = 0;
                    continue;
                }
                Op::YieldValue => {
                    // the yield of an inlined generator (not an entry frame: see gen_enter_inline)
                    // back to its consumer's FOR_ITER; a resumed one returns from execute, unless
                    // it is being drained (drain.rs): then the value goes to the consumer's buffer
                    // and the generator goes on, as after a next() (no GC point)
                    let f = &self.roots.frames[fidx];
                    if f.is_entry {
                        let v = peek!(0);
                        if !self.drain_accepts(fidx, v) {
                            exit!();
                        }
                        self.roots.drain.push(v);
                        set_top!(0, self.none());
                        pc += 1;
                        continue;
                    }
                    if f.generator.is_null() {
                        exit!();
                    }
                    let v = peek!(0);
                    drop_n!(1);
                    sync!();
                    self.roots.frames[fidx].ip = pc + 1;
                    // no GC point: the frame's values go to the generator's state and the frame
                    // is popped (the stack cut at its ret_slot)
                    self.gen_suspend(fidx);
                    self.push(v);
                    enter!(self.fast_frame(fidx - 1));
                    reload!();
                    pc = self.roots.frames[fidx].ip;
                    continue;
                }
                Op::ReturnValue => {
                    let f = &self.roots.frames[fidx];
                    if f.is_entry
                        || !f.generator.is_null()
                        || self.blocks.len() != f.block_base
                        || self.heap.has_pending_finalizers()
                    {
                        exit!();
                    }
                    let (ret_slot, inst) = (f.ret_slot, f.init_instance);
                    let mut v = peek!(0);
                    if !inst.is_null() {
                        // an inlined `__init__` returns its instance (anything but None: the
                        // TypeError of the full path)
                        if v != self.none() {
                            exit!();
                        }
                        v = inst;
                    }
                    self.roots.frames.pop();
                    // SAFETY: ret_slot (the callee's slot) is below the frame's values.
                    sp = unsafe { ptr.add(ret_slot) };
                    push!(v);
                    enter!(self.fast_frame(fidx - 1));
                    pc = self.roots.frames[fidx].ip;
                    continue;
                }
                _ => exit!(),
            }
            pc += 1;
        }
    }

    /// Is `o` a foreign object (cdata) whose items the upper layer's registered hooks handle, with
    /// no builtin item slot before them (the order of `getitem_builtin`/`setitem_builtin`)?
    #[inline(always)]
    fn foreign_item_hooked(&self, o: Value) -> bool {
        o.is_ptr()
            && self.is(o, Kind::Foreign)
            && crate::objects::slots(Kind::Foreign).getitem.is_none()
            && crate::objects::slots(Kind::Foreign).setitem.is_none()
            && self.registry.foreign.getitem.is_some()
            && self.registry.foreign.setitem.is_some()
    }

    /// The fields of frame `fidx` that the eval loop caches.
    #[inline(always)]
    pub(super) fn fast_frame(&self, fidx: usize) -> FastFrame {
        let f = &self.roots.frames[fidx];
        let (instrs, base, code) = (f.instrs, f.base, f.code);
        let c = self.obj::<CodeObj>(code);
        FastFrame {
            instrs,
            fidx,
            base,
            code,
            consts: c.consts,
            names: c.names,
        }
    }

    /// One step of a list or range iterator when it needs no allocation: `Some(Some(v))` an item,
    /// `Some(None)` exhausted, None for the full path (another iterator, a range item beyond the
    /// small ints). The same steps as `list_next`/`range_next` (objects/iter/).
    #[inline(always)]
    fn iter_step_fast(&mut self, it: Value) -> Option<Option<Value>> {
        if self.is(it, Kind::RangeIter) {
            let p = self.payload::<RangeIterObj>(it);
            // SAFETY: it is a live RangeIter (checked) and nothing allocates while p is used.
            unsafe {
                if (*p).remaining <= 0 {
                    return Some(None);
                }
                let cur = (*p).next;
                let v = Value::from_int(cur)?;
                (*p).remaining -= 1;
                (*p).next = cur.wrapping_add((*p).step);
                return Some(Some(v));
            }
        }
        if self.is(it, Kind::ListIter) {
            let (l, i) = {
                let p = self.obj::<SeqIterObj>(it);
                (p.seq, p.index as usize)
            };
            if i < self.list_len(l) {
                let v = self.list_items(l)[i];
                // SAFETY: it is a live ListIter (checked); no GC point since the read.
                unsafe { (*self.payload::<SeqIterObj>(it)).index += 1 };
                return Some(Some(v));
            }
            return Some(None);
        }
        None
    }

    /// The truth of the two bools, a small int (`while k:`) and None; None for anything else
    /// (whose truth may call `__bool__`/`__len__`).
    #[inline(always)]
    fn bool_of(&self, v: Value) -> Option<bool> {
        if v == self.bool_val(true) {
            Some(true)
        } else if v == self.bool_val(false) {
            Some(false)
        } else if v.is_int() {
            Some(v.as_int() != 0)
        } else if v == self.none() {
            Some(false)
        } else {
            None
        }
    }

    /// A slice bound on the stack as `slice_unpack` reads it, when that needs nothing called: a
    /// small int, or None (`Some(None)`); None for anything else.
    #[inline(always)]
    fn slice_bound_fast(&self, v: Value) -> Option<Option<i64>> {
        if v.is_int() {
            Some(Some(v.as_int()))
        } else if v == self.none() {
            Some(None)
        } else {
            None
        }
    }

    /// `m.name` for a module whose dict holds `name`, not a dunder: what the generic getattr
    /// finds (a module's type has no non-dunder attributes, and none of a module's special
    /// attributes is a non-dunder one); None for anything else. No GC point, nothing called.
    #[inline(always)]
    fn module_attr_fast(&mut self, obj: Value, name: Value) -> Option<Value> {
        if !self.is(obj, Kind::Module) || self.str_of(name).starts_with("__") {
            return None;
        }
        let d = self.obj::<ModuleObj>(obj).dict;
        self.dict_get_str(d, name)
    }

    /// For a plain dict `o` (not a subclass: `__missing__`, overrides) and an exact str `k` (its
    /// hash and equality are the builtin ones): `Some(d[k])`, `Some(None)` when absent; None for
    /// any other pair. The dict's own str-key lookup (the hash is cached in the str; no GC point).
    #[inline(always)]
    fn dict_str_entry(&mut self, o: Value, k: Value) -> Option<Option<Value>> {
        if !self.is(o, Kind::Dict) || !self.obj::<DictObj>(o).cls.is_null() || !self.is_exact_str(k)
        {
            return None;
        }
        Some(self.dict_get_str(o, k))
    }

    /// Tuple when `a` and `b` are both tuples (always exact: subclasses are boxed), List when both
    /// are plain lists and `op` is BinaryOp (`l += x` extends `l` in place): the operands whose `+`
    /// is a new concatenation with nothing to call.
    #[inline(always)]
    fn concat_kind(&self, a: Value, b: Value, op: Op) -> Option<Kind> {
        if !a.is_ptr() || !b.is_ptr() {
            return None;
        }
        let k = self.kind(a);
        if k != self.kind(b) {
            return None;
        }
        match k {
            Kind::Tuple => Some(k),
            Kind::List if op == Op::BinaryOp && self.is_plain_list(a) && self.is_plain_list(b) => {
                Some(k)
            }
            _ => None,
        }
    }

    /// Is `o` a plain list (not an instance of a Python subclass, which may override its
    /// subscription)?
    #[inline(always)]
    fn is_plain_list(&self, o: Value) -> bool {
        self.is(o, Kind::List) && self.obj::<ListObj>(o).cls.is_null()
    }

    /// `o[k]` for a plain list or an exact tuple and an in-range small int (no GC point, nothing
    /// called).
    #[inline(always)]
    fn list_index_fast(&self, o: Value, k: Value) -> Option<Value> {
        if k.is_int() && self.is(o, Kind::Tuple) {
            let items = self.tuple_items(o);
            let n = items.len() as i64;
            let i = k.as_int();
            let i = if i < 0 { i + n } else { i };
            return (0..n).contains(&i).then(|| items[i as usize]);
        }
        let i = self.list_slot_fast(o, k)?;
        Some(self.list_items(o)[i])
    }

    /// The item index of `o[k]` for a plain list (not a subclass) and a small int in range.
    #[inline(always)]
    fn list_slot_fast(&self, o: Value, k: Value) -> Option<usize> {
        if !k.is_int() || !self.is(o, Kind::List) || !self.obj::<ListObj>(o).cls.is_null() {
            return None;
        }
        let n = self.list_len(o) as i64;
        let i = k.as_int();
        let i = if i < 0 { i + n } else { i };
        (0..n).contains(&i).then_some(i as usize)
    }

    /// Both operands as floats when one is a float and the other a float or an int that converts
    /// exactly (|i| <= 2**53: beyond that CPython compares exactly, and int + float rounds the int
    /// first, which the slow path does).
    #[inline(always)]
    fn float_pair(&self, a: Value, b: Value) -> Option<(f64, f64)> {
        const EXACT: i64 = 1 << 53;
        let fa = self.is(a, Kind::Float);
        let fb = self.is(b, Kind::Float);
        if !(fa || fb) {
            return None;
        }
        let conv = |vm: &Vm, v: Value, is_f: bool| -> Option<f64> {
            if is_f {
                Some(vm.float_val(v))
            } else if v.is_int() && (-EXACT..=EXACT).contains(&v.as_int()) {
                Some(v.as_int() as f64)
            } else {
                None
            }
        };
        Some((conv(self, a, fa)?, conv(self, b, fb)?))
    }
}

/// `x op y` on small ints when the result is a small int and needs no allocation (Python's
/// floor division and modulo round toward minus infinity); None for the full path.
#[inline(always)]
fn small_int_op(x: i64, y: i64, op: BinOp) -> Option<Value> {
    match op {
        BinOp::Add => Value::from_int(x + y),
        BinOp::Sub => Value::from_int(x - y),
        BinOp::Mul => x.checked_mul(y).and_then(Value::from_int),
        BinOp::FloorDiv if y != 0 => {
            let q = x / y;
            let q = if x % y != 0 && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            };
            Value::from_int(q)
        }
        BinOp::Mod if y != 0 => {
            let r = x % y;
            let r = if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            };
            Value::from_int(r)
        }
        BinOp::And => Value::from_int(x & y),
        BinOp::Or => Value::from_int(x | y),
        BinOp::Xor => Value::from_int(x ^ y),
        BinOp::RShift if y >= 0 => Value::from_int(x >> y.min(63)),
        BinOp::LShift if (0..63).contains(&y) => {
            let r = x << y;
            if r >> y == x {
                Value::from_int(r)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Does `run_fast` have a case for `op`? (`execute` runs the others without calling it: a call
/// that stops at once costs more than it saves.)
#[inline(always)]
pub(super) fn has_fast_path(op: Op) -> bool {
    matches!(
        op,
        Op::Nop
            | Op::Pop
            | Op::Dup
            | Op::Dup2
            | Op::Rot2
            | Op::Rot3
            | Op::Copy
            | Op::Swap
            | Op::LoadConst
            | Op::LoadFast
            | Op::StoreFast
            | Op::LoadDeref
            | Op::LoadGlobal
            | Op::Jump
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::JumpIfFalseOrPop
            | Op::JumpIfTrueOrPop
            | Op::CompareOp
            | Op::IsOp
            | Op::BinaryOp
            | Op::InplaceOp
            | Op::LoadAttr
            | Op::StoreAttr
            | Op::Subscript
            | Op::StoreSubscr
            | Op::ForIter
            | Op::YieldValue
            | Op::UnpackSequence
            | Op::LoadMethod
            | Op::UnaryOp
            | Op::BuildSlice
            | Op::ContainsOp
    )
}

/// A float comparison as CPython's (any comparison with a NaN is false, except `!=`).
#[inline(always)]
fn float_cmp(x: f64, y: f64, op: CmpOp) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}
