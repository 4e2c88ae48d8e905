//! The eval loop: executes frames on the explicit frame stack (Python calls never recurse on the Rust
//! stack; only Rust code calling back into Python does, bounded by `native_depth`), and unwinds
//! exceptions through the frames' block stacks.
//!
//! GC: every instruction that allocates or calls is a GC point. Within an instruction, operands are
//! read from the value stack and not held in Rust locals across a GC point, except where the code
//! re-reads them. The frame's code object, constants and names are old objects (see code.rs), so
//! the cached `consts`/`names` pointers stay valid while the frame lives.

use super::{Block, BlockKind, Exc, PyResult, Vm};
use crate::bytecode::{BinOp, CmpOp, Op, UnaryOp};
use crate::obj::layout::*;
use gc::Value;

impl Vm {
    /// Runs the frame stack until the entry frame (pushed by prepare_call with entry=true) returns.
    pub fn run_frames(&mut self) -> PyResult<Value> {
        loop {
            match self.execute() {
                Ok(v) => return Ok(v),
                Err(Exc) => {
                    if !self.unwind() {
                        return Err(Exc);
                    }
                }
            }
        }
    }

    /// Finds a handler for `vm.exc`, popping frames up to (and including) the entry frame.
    /// Returns true if execution can resume in a handler.
    pub(super) fn unwind(&mut self) -> bool {
        loop {
            let Some(f) = self.roots.frames.last().copied() else {
                return false;
            };
            if !self.reraising {
                let line = self.code_data(f.code).line_at(f.ip.saturating_sub(1));
                self.add_traceback(f.code, line, f.globals, f.ip.saturating_sub(1));
            }
            self.reraising = false;
            // add_traceback allocates: re-read the frame's Values
            let f = *self.roots.frames.last().unwrap();
            while self.blocks.len() > f.block_base {
                let b = self.blocks.pop().unwrap();
                match b.kind {
                    BlockKind::Handler => {
                        self.roots.handled.pop();
                    }
                    _ => {
                        self.truncate(f.base + b.depth as usize);
                        let e = self.take_exc();
                        self.push(e);
                        self.roots.handled.push(e);
                        self.blocks.push(Block {
                            kind: BlockKind::Handler,
                            handler: 0,
                            depth: 0,
                        });
                        self.roots.frames.last_mut().unwrap().ip = b.handler as usize;
                        return true;
                    }
                }
            }
            self.roots.frames.pop();
            self.truncate(f.ret_slot);
            if f.is_entry {
                if !f.generator.is_null() {
                    self.gen_finished(f.generator);
                }
                return false;
            }
            if !f.generator.is_null() {
                self.gen_finished(f.generator);
                // an inlined generator's exception reaches its consumer as from next()
                self.gen_inline_raised();
            }
        }
    }

    /// Pops the current frame's blocks (restoring handled exceptions) and the frame itself.
    #[inline(always)]
    fn pop_frame(&mut self) -> super::Frame {
        let f = self.roots.frames.pop().unwrap();
        while self.blocks.len() > f.block_base {
            let b = self.blocks.pop().unwrap();
            if b.kind == BlockKind::Handler {
                self.roots.handled.pop();
            }
        }
        f
    }

    fn execute(&mut self) -> PyResult<Value> {
        'frame: loop {
            let fidx = self.roots.frames.len() - 1;
            // gc-safe: code, consts and names are old objects (code.rs: they never move), the rest plain data
            let fast = self.fast_frame(fidx);
            let (instrs, base) = (fast.instrs, fast.base);
            // gc-safe: the code object is old (code.rs), and the frame keeps it alive
            let code = fast.code;
            // gc-safe: a code object's constants tuple is old (code.rs)
            let consts = fast.consts;
            // gc-safe: a code object's names tuple is old (code.rs)
            let names = fast.names;
            // The instruction pointer lives in `pc`; run_fast (fast_ops.rs) runs the common cases of
            // the hot instructions and stops at one to run in full here, with the ip flushed to the
            // frame (tracebacks, generators, sys._getframe and the callee's return read it).
            let mut pc = self.roots.frames[fidx].ip;
            loop {
                // SAFETY: instrs points into the CodeData of this frame's code (kept alive by the frame, a
                // root); every code unit ends with ReturnValue and jump targets are instruction indices of
                // the unit (compiler invariant), so pc < instrs.len().
                let mut ins = unsafe { *instrs.add(pc) };
                let mut ip = pc;
                if super::fast_ops::has_fast_path(ins.op) {
                    match self.run_fast(pc, fast)? {
                        Some(i) => ip = i,
                        None => continue 'frame,
                    }
                    // SAFETY: as above; run_fast returns an instruction index of the unit.
                    ins = unsafe { *instrs.add(ip) };
                }
                pc = ip + 1;
                let arg = ins.arg as usize;
                self.roots.frames[fidx].ip = pc;
                // The full instruction. An arm that moves the frame's ip must not `continue` (the
                // reload of `pc` after the match would be skipped); `continue 'frame` re-reads it.
                match ins.op {
                    Op::Nop => {}
                    Op::Pop => {
                        self.pop();
                    }
                    Op::Dup => {
                        let v = self.top();
                        self.push(v);
                    }
                    Op::Dup2 => {
                        let (a, b) = (self.peek(1), self.peek(0));
                        self.push(a);
                        self.push(b);
                    }
                    Op::Rot2 => {
                        let n = self.sp();
                        self.roots.stack.swap(n - 1, n - 2);
                    }
                    Op::Rot3 => {
                        let n = self.sp();
                        self.roots.stack[n - 3..].rotate_right(1);
                    }
                    Op::Rot4 => {
                        let n = self.sp();
                        self.roots.stack[n - 4..].rotate_right(1);
                    }
                    Op::LoadConst => {
                        let v = self.tuple_items(consts)[arg];
                        self.push(v);
                    }
                    Op::LoadFast => {
                        let v = self.at(base + arg);
                        if v.is_null() {
                            let n = self.code_data(code).varnames[arg].clone();
                            return Err(self.raise(
                                "UnboundLocalError",
                                &format!("cannot access local variable '{n}' where it is not associated with a value"),
                            ));
                        }
                        self.push(v);
                    }
                    Op::StoreFast => {
                        let v = self.pop();
                        self.set_at(base + arg, v);
                    }
                    Op::DeleteFast => {
                        if self.at(base + arg).is_null() {
                            let n = self.code_data(code).varnames[arg].clone();
                            return Err(self.raise(
                                "UnboundLocalError",
                                &format!("cannot access local variable '{n}' where it is not associated with a value"),
                            ));
                        }
                        self.set_at(base + arg, Value::NULL);
                    }
                    Op::LoadDeref | Op::LoadClassDeref => {
                        if ins.op == Op::LoadClassDeref {
                            let name = self.deref_name(code, arg);
                            let locals = self.roots.frames[fidx].locals;
                            let k = self.intern(&name);
                            if let Some(v) = self.dict_get_str(locals, k) {
                                self.push(v);
                                continue;
                            }
                        }
                        let nl = self.code_data(code).nlocals;
                        let cell = self.at(base + nl + arg);
                        let v = self.obj::<CellObj>(cell).value;
                        if v.is_null() {
                            return Err(self.unbound_deref(code, arg));
                        }
                        self.push(v);
                    }
                    Op::StoreDeref => {
                        let nl = self.code_data(code).nlocals;
                        let cell = self.at(base + nl + arg);
                        let v = self.pop();
                        // SAFETY: cell is a Cell (the compiler's LoadDeref/StoreDeref slots hold cells,
                        // created at frame entry) re-read from the stack with no GC point since; the
                        // barrier follows the store.
                        unsafe { (*self.payload::<CellObj>(cell)).value = v };
                        self.heap.write_barrier(cell);
                    }
                    Op::DeleteDeref => {
                        let nl = self.code_data(code).nlocals;
                        let cell = self.at(base + nl + arg);
                        if self.obj::<CellObj>(cell).value.is_null() {
                            return Err(self.unbound_deref(code, arg));
                        }
                        // SAFETY: cell is a Cell (the compiler's deref slots hold cells) re-read from the
                        // stack; storing null needs no barrier.
                        unsafe { (*self.payload::<CellObj>(cell)).value = Value::NULL };
                    }
                    Op::LoadClosure => {
                        let nl = self.code_data(code).nlocals;
                        let cell = self.at(base + nl + arg);
                        self.push(cell);
                    }
                    Op::LoadGlobal => {
                        let globals = self.roots.frames[fidx].globals;
                        let v = match self.cached_global(code, globals, arg) {
                            Some(v) => v,
                            None => self.load_global_slow(code, globals, names, arg)?,
                        };
                        self.push(v);
                    }
                    Op::StoreGlobal => {
                        let name = self.tuple_items(names)[arg];
                        let globals = self.roots.frames[fidx].globals;
                        let v = self.pop();
                        self.dict_set(globals, name, v)?;
                    }
                    Op::DeleteGlobal => {
                        let name = self.tuple_items(names)[arg];
                        let globals = self.roots.frames[fidx].globals;
                        if self.dict_del(globals, name)?.is_none() {
                            return Err(self.name_error(name));
                        }
                    }
                    Op::LoadName => {
                        let name = self.tuple_items(names)[arg];
                        let (locals, globals) = {
                            let f = &self.roots.frames[fidx];
                            (f.locals, f.globals)
                        };
                        let mut found = None;
                        let mut globals = globals;
                        if !locals.is_null() {
                            if self.is(locals, Kind::Dict) {
                                found = self.dict_get_str(locals, name);
                            } else {
                                found = self.mapping_lookup(locals, name)?;
                                // the lookup ran Python: re-read the globals
                                globals = self.roots.frames[fidx].globals;
                            }
                        }
                        if found.is_none() {
                            found = self.dict_get_str(globals, name);
                        }
                        if found.is_none() {
                            found = self.dict_get_str(self.roots.builtins, name);
                        }
                        let v = match found {
                            Some(v) => v,
                            None => self.lazy_builtin(name)?,
                        };
                        self.push(v);
                    }
                    Op::StoreName => {
                        let name = self.tuple_items(names)[arg];
                        let f = &self.roots.frames[fidx];
                        let ns = if f.locals.is_null() {
                            f.globals
                        } else {
                            f.locals
                        };
                        let v = self.pop();
                        if self.is(ns, Kind::Dict) {
                            self.dict_set(ns, name, v)?;
                        } else {
                            // exec() with a mapping as locals
                            self.setitem(ns, name, v)?;
                        }
                    }
                    Op::DeleteName => {
                        let name = self.tuple_items(names)[arg];
                        let f = &self.roots.frames[fidx];
                        let ns = if f.locals.is_null() {
                            f.globals
                        } else {
                            f.locals
                        };
                        if !self.is(ns, Kind::Dict) {
                            // exec() with a mapping as locals: KeyError means an unbound name
                            if let Err(e) = self.delitem(ns, name) {
                                if !self.exc_matches(self.roots.exc, "KeyError") {
                                    return Err(e);
                                }
                                self.take_exc();
                                return Err(self.name_error(name));
                            }
                        } else if self.dict_del(ns, name)?.is_none() {
                            return Err(self.name_error(name));
                        }
                    }
                    Op::LoadAttr => {
                        let name = self.tuple_items(names)[arg];
                        let obj = self.top();
                        if let Some(v) = self.map_cached_load(obj, name, code, ip) {
                            let n = self.sp();
                            self.roots.stack[n - 1] = v;
                            continue;
                        }
                        if let Some(e) = self.instance_attr_slot(obj, name, code, ip) {
                            let v = self.varray(e)[self.attr_hint(code, ip) * 3 + 2];
                            let n = self.sp();
                            self.roots.stack[n - 1] = v;
                            continue;
                        }
                        let obj = self.pop();
                        let v = self.getattr(obj, name)?;
                        self.push(v);
                    }
                    Op::StoreAttr => {
                        if self.map_cached_store(code, ip) {
                            continue;
                        }
                        let name = self.tuple_items(names)[arg];
                        let obj = self.top();
                        if let Some(e) = self.instance_attr_slot(obj, name, code, ip) {
                            let i = self.attr_hint(code, ip) * 3 + 2;
                            let n = self.sp();
                            let v = self.roots.stack[n - 2];
                            // SAFETY: e is the instance dict's entries array returned by
                            // instance_attr_slot, which checked attr_hint < used (so 3 * hint + 2 < its
                            // length); no GC point since, and the barrier follows the store.
                            unsafe {
                                *(*self.payload::<ValueArrayObj>(e))
                                    .items
                                    .as_mut_ptr()
                                    .add(i) = v
                            };
                            self.heap.write_barrier(e);
                            self.truncate(n - 2);
                            continue;
                        }
                        self.store_attr_slow(name, code, ip)?;
                    }
                    Op::DeleteAttr => {
                        let name = self.tuple_items(names)[arg];
                        let obj = self.pop();
                        self.delattr(obj, name)?;
                    }
                    Op::LoadMethod => {
                        let name = self.tuple_items(names)[arg];
                        let obj = self.top();
                        let t = self.type_of(obj);
                        let shadowed = match self.instance_dict(obj) {
                            None if self.map_of(obj) != super::attrmap::NO_MAP => {
                                self.map_shadows(obj, name, code, ip) == Some(true)
                            }
                            Some(d) => {
                                !self.is(obj, Kind::Instance)
                                    || self.dict_get_str(d, name).is_some()
                            }
                            None => false,
                        } || (self.is(obj, Kind::Instance)
                            && self.obj::<TypeObj>(t).flags & TYPE_CUSTOM_GETATTRIBUTE != 0);
                        let meth =
                            if shadowed || self.is(obj, Kind::Type) || self.is(obj, Kind::Super) {
                                None
                            } else {
                                self.lookup_type_cached(t, name, code, ip)
                            };
                        match meth {
                            Some(m)
                                if (self.is(m, Kind::Function) && !self.is_dunder_new(name))
                                    || (self.is(m, Kind::Native) && self.native_binds(m)) =>
                            {
                                // (obj -- meth obj)
                                let n = self.sp();
                                self.roots.stack[n - 1] = m;
                                self.push(obj);
                            }
                            _ => {
                                let v = self.getattr(obj, name)?;
                                let n = self.sp();
                                self.roots.stack[n - 1] = Value::NULL;
                                self.push(v);
                            }
                        }
                    }
                    Op::CallMethod => {
                        let n = self.sp();
                        if !self.at(n - arg - 2).is_null()
                            && self.try_enter_simple(n - arg - 2, arg + 1)
                        {
                            continue 'frame;
                        }
                        let (fslot, nargs) = if self.at(n - arg - 2).is_null() {
                            self.roots.stack.remove(n - arg - 2);
                            (n - arg - 2, arg)
                        } else {
                            (n - arg - 2, arg + 1)
                        };
                        match self.prepare_call(fslot, nargs, Value::NULL, false)? {
                            super::call::Prepared::Frame => continue 'frame,
                            super::call::Prepared::Done(v) => self.push(v),
                        }
                    }
                    Op::Call => {
                        let fslot = self.sp() - arg - 1;
                        if self.try_enter_simple(fslot, arg) {
                            continue 'frame;
                        }
                        match self.prepare_call(fslot, arg, Value::NULL, false)? {
                            super::call::Prepared::Frame => continue 'frame,
                            super::call::Prepared::Done(v) => self.push(v),
                        }
                    }
                    Op::CallKw => {
                        let kwnames = self.pop();
                        let fslot = self.sp() - arg - 1;
                        match self.prepare_call(fslot, arg, kwnames, false)? {
                            super::call::Prepared::Frame => continue 'frame,
                            super::call::Prepared::Done(v) => self.push(v),
                        }
                    }
                    Op::CallEx => {
                        let fslot = if arg & 1 != 0 {
                            self.sp() - 3
                        } else {
                            self.sp() - 2
                        };
                        let (nargs, kwnames) = self.spread_call_args(fslot, arg & 1 != 0)?;
                        // kwnames is an old-generation tuple, rooted in temps for the call's setup
                        // (Python callees copy the names at binding; natives read them during the call).
                        self.roots.temps.push(kwnames);
                        let r = self.prepare_call(fslot, nargs, kwnames, false);
                        self.roots.temps.pop();
                        match r? {
                            super::call::Prepared::Frame => continue 'frame,
                            super::call::Prepared::Done(v) => self.push(v),
                        }
                    }
                    Op::MakeFunction => {
                        let f = self.make_function(arg, fidx)?;
                        self.push(f);
                    }
                    Op::ReturnValue => {
                        if self.heap.has_pending_finalizers() {
                            self.run_pending_finalizers();
                        }
                        let mut v = self.pop();
                        let init_instance = self.roots.frames[fidx].init_instance;
                        if !init_instance.is_null() {
                            if v != self.none() {
                                let tn = self.type_name(v);
                                return Err(self.type_error(format!(
                                    "__init__() should return None, not '{tn}'"
                                )));
                            }
                            v = init_instance;
                        }
                        let f = self.pop_frame();
                        self.truncate(f.ret_slot);
                        if !f.generator.is_null() {
                            self.gen_finished(f.generator);
                            self.yielded = false;
                            if !f.is_entry {
                                // an inlined generator (FOR_ITER): its consumer's loop ends
                                self.gen_inline_returned();
                                continue 'frame;
                            }
                        }
                        if f.is_entry {
                            return Ok(v);
                        }
                        self.push(v);
                        continue 'frame;
                    }
                    Op::LoadBuildClass => {
                        let k = self.intern("__build_class__");
                        let v = self.dict_get_str(self.roots.builtins, k).unwrap();
                        self.push(v);
                    }
                    Op::Subscript => {
                        let (o, k) = (self.peek(1), self.peek(0));
                        let v = self.getitem(o, k)?;
                        self.pop();
                        self.pop();
                        self.push(v);
                    }
                    Op::StoreSubscr => {
                        let k = self.pop();
                        let o = self.pop();
                        let v = self.pop();
                        self.setitem(o, k, v)?;
                    }
                    Op::DeleteSubscr => {
                        let k = self.pop();
                        let o = self.pop();
                        self.delitem(o, k)?;
                    }
                    Op::BuildSlice => {
                        if arg == 2 {
                            let none = self.none();
                            self.push(none);
                        }
                        let s = self.new_slice_from_stack()?;
                        self.push(s);
                    }
                    Op::BinaryOp => {
                        let (a, b) = (self.peek(1), self.peek(0));
                        let op = BinOp::from_arg(ins.arg);
                        let r = match self.fast_arith(a, b, op)? {
                            Some(v) => v,
                            // re-read: fast_arith may have allocated before giving up
                            None => self.binary_op(self.peek(1), self.peek(0), op)?,
                        };
                        let n = self.sp();
                        self.roots.stack[n - 2] = r;
                        self.roots.stack.pop();
                    }
                    Op::InplaceOp => {
                        let (a, b) = (self.peek(1), self.peek(0));
                        let op = BinOp::from_arg(ins.arg);
                        let r = match self.fast_arith(a, b, op)? {
                            Some(v) => v,
                            None => self.inplace_op(self.peek(1), self.peek(0), op)?,
                        };
                        let n = self.sp();
                        self.roots.stack[n - 2] = r;
                        self.roots.stack.pop();
                    }
                    Op::UnaryOp => {
                        let a = self.top();
                        let op = UnaryOp::from_arg(ins.arg);
                        let r = self.unary_op(a, op)?;
                        let n = self.sp();
                        self.roots.stack[n - 1] = r;
                    }
                    Op::CompareOp => {
                        let (a, b) = (self.peek(1), self.peek(0));
                        let op = CmpOp::from_arg(ins.arg);
                        let r = if a.is_int() && b.is_int() {
                            self.bool_val(super::ops::cmp_ord(a.as_int().cmp(&b.as_int()), op))
                        } else {
                            self.compare(a, b, op)?
                        };
                        let n = self.sp();
                        self.roots.stack[n - 2] = r;
                        self.roots.stack.pop();
                    }
                    Op::IsOp => {
                        let b = self.pop();
                        let a = self.pop();
                        let r = (a == b) != (arg == 1);
                        let v = self.bool_val(r);
                        self.push(v);
                    }
                    Op::ContainsOp => {
                        let (a, b) = (self.peek(1), self.peek(0));
                        let r = self.contains(b, a)? != (arg == 1);
                        self.pop();
                        self.pop();
                        let v = self.bool_val(r);
                        self.push(v);
                    }
                    Op::BuildTuple => {
                        let t = self.new_tuple_from_stack(arg)?;
                        self.push(t);
                    }
                    Op::BuildList => {
                        let l = self.new_list_from_stack(arg)?;
                        self.push(l);
                    }
                    Op::BuildSet => {
                        let s = self.new_dict_kind(Kind::Set)?;
                        self.push(s);
                        let sslot = self.sp() - 1;
                        for i in 0..arg {
                            let (s, k) = (self.at(sslot), self.at(sslot - arg + i));
                            self.set_add(s, k)?;
                        }
                        let s = self.pop();
                        self.truncate(self.sp() - arg);
                        self.push(s);
                    }
                    Op::BuildMap | Op::BuildConstKeyMap => {
                        let d = self.new_dict()?;
                        self.push(d);
                        let dslot = self.sp() - 1;
                        let first = dslot - 2 * arg;
                        for i in 0..arg {
                            self.dict_set_slots(dslot, first + 2 * i, first + 2 * i + 1)?;
                        }
                        let d = self.pop();
                        self.truncate(first);
                        self.push(d);
                    }
                    Op::BuildString => {
                        // the parts stay on the stack (rooted) while the result is allocated
                        // and are copied straight into it
                        let n = self.sp();
                        let (mut len, mut nchars) = (0usize, 0usize);
                        for i in n - arg..n {
                            len = len.saturating_add(self.str_of(self.at(i)).len());
                            nchars += self.str_nchars(self.at(i));
                        }
                        if len > isize::MAX as usize {
                            return Err(self.overflow_error("strings are too large to concat"));
                        }
                        let v = self.new_str_filled(len, nchars, |vm, out| {
                            let mut at = 0;
                            for i in n - arg..n {
                                let b = vm.str_of(vm.at(i)).as_bytes();
                                out[at..at + b.len()].copy_from_slice(b);
                                at += b.len();
                            }
                        })?;
                        self.truncate(n - arg);
                        self.push(v);
                    }
                    Op::ListAppend => {
                        let slot = self.sp() - 1 - arg;
                        self.list_append_from_stack(slot)?;
                    }
                    Op::SetAdd => {
                        let v = self.top();
                        let s = self.at(self.sp() - 1 - arg);
                        self.set_add(s, v)?;
                        self.pop();
                    }
                    Op::MapAdd => {
                        let n = self.sp();
                        let dslot = n - 2 - arg;
                        self.dict_set_slots(dslot, n - 2, n - 1)?;
                        self.truncate(n - 2);
                    }
                    Op::ListExtend => {
                        let n = self.sp();
                        self.list_extend(n - 1 - arg, n - 1)?;
                        self.pop();
                    }
                    Op::SetUpdate => {
                        let n = self.sp();
                        self.set_update(n - 1 - arg, n - 1)?;
                        self.pop();
                    }
                    Op::DictUpdate | Op::DictMerge => {
                        let n = self.sp();
                        if ins.op == Op::DictMerge
                            && !self.is(self.at(n - 1), Kind::Dict)
                            && self.special(self.at(n - 1), "keys").is_none()
                        {
                            let tn = self.type_name(self.at(n - 1));
                            return Err(self.type_error(format!(
                                "argument after ** must be a mapping, not {tn}"
                            )));
                        }
                        if ins.op == Op::DictMerge {
                            self.check_duplicate_kwargs(n - 1 - arg, n - 1)?;
                        }
                        self.dict_update_from(n - 1 - arg, n - 1)?;
                        self.pop();
                    }
                    Op::ListToTuple => {
                        let l = self.pop();
                        let items = self.list_items(l).to_vec();
                        let t = self.new_tuple(&items)?;
                        self.push(t);
                    }
                    Op::FormatValue => {
                        let spec = if arg & 4 != 0 {
                            self.pop()
                        } else {
                            Value::NULL
                        };
                        let v = self.top();
                        let conv = arg & 3;
                        if conv == 0 && spec.is_null() && self.is_exact_str(v) {
                            continue; // f"{s}" of a str: s itself (format(s, "") is s)
                        }
                        let base0 = self.sp();
                        self.push(spec);
                        let v = match conv {
                            1 => self.str_value(v)?,
                            2 => self.repr(v)?,
                            3 => self.ascii(v)?,
                            _ => v,
                        };
                        let spec = self.at(base0);
                        let r = self.format(v, spec)?;
                        self.truncate(base0 - 1);
                        self.push(r);
                    }
                    Op::Jump => {
                        self.roots.frames[fidx].ip = arg;
                        // Loops are safe points too: a long loop must not hold finalizers back.
                        if self.heap.has_pending_finalizers() {
                            self.run_pending_finalizers();
                        }
                    }
                    Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                        let v = self.pop();
                        let t = if v == self.bool_val(true) {
                            true
                        } else if v == self.bool_val(false) {
                            false
                        } else {
                            self.truthy(v)?
                        };
                        if t == (ins.op == Op::PopJumpIfTrue) {
                            self.roots.frames[fidx].ip = arg;
                        }
                    }
                    Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                        let v = self.top();
                        let t = self.truthy(v)?;
                        if t == (ins.op == Op::JumpIfTrueOrPop) {
                            self.roots.frames[fidx].ip = arg;
                        } else {
                            self.pop();
                        }
                    }
                    Op::GetIter => {
                        let v = self.top();
                        let it = self.get_iter(v)?;
                        let n = self.sp();
                        self.roots.stack[n - 1] = it;
                    }
                    Op::ForIter => {
                        let it = self.top();
                        if it.is_ptr()
                            && self.kind(it) == Kind::Generator
                            && self.gen_enter_inline(it)?
                        {
                            continue 'frame;
                        }
                        match self.next_fast(it)? {
                            Some(v) => self.push(v),
                            None => {
                                self.pop();
                                self.roots.frames[fidx].ip = arg;
                            }
                        }
                    }
                    Op::YieldValue => {
                        let g = self.roots.frames[fidx].generator;
                        if self.is(g, Kind::AsyncGenerator) {
                            self.gen_state(g).wrapped = true;
                        }
                        let v = self.pop();
                        let inlined = !self.roots.frames[fidx].is_entry;
                        self.gen_suspend(fidx);
                        if inlined {
                            // back in the consumer's FOR_ITER (gen_enter_inline)
                            self.push(v);
                            continue 'frame;
                        }
                        self.yielded = true;
                        return Ok(v);
                    }
                    Op::GetYieldFromIter => {
                        let v = self.top();
                        if !self.is(v, Kind::Generator) {
                            let it = self.get_iter(v)?;
                            let n = self.sp();
                            self.roots.stack[n - 1] = it;
                        }
                    }
                    Op::YieldFrom => {
                        let (it, v) = (self.peek(1), self.peek(0));
                        let r = if self.is(it, Kind::Generator) || self.is(it, Kind::Coroutine) {
                            self.gen_send(it, v)?
                        } else if v == self.none() && !self.is(it, Kind::Instance) {
                            // a builtin iterator: a StopIteration it passes on raw carries the value
                            match self.next_raw(it) {
                                Ok(Some(x)) => super::gen::GenResult::Yield(x),
                                Ok(None) => super::gen::GenResult::Return(self.none()),
                                Err(e) => {
                                    if self.exc_matches(self.roots.exc, "StopIteration") {
                                        let ex = self.take_exc();
                                        super::gen::GenResult::Return(self.stop_iteration_value(ex))
                                    } else {
                                        return Err(e);
                                    }
                                }
                            }
                        } else {
                            let meth = if v == self.none() { "__next__" } else { "send" };
                            let m = self.getattr_str(it, meth)?;
                            let v = self.peek(0); // re-read after getattr (a GC point)
                            let args: &[Value] = if meth == "send" { &[v] } else { &[] };
                            match self.call(m, args) {
                                Ok(x) => super::gen::GenResult::Yield(x),
                                Err(e) => {
                                    if self.exc_matches(self.roots.exc, "StopIteration") {
                                        let ex = self.take_exc();
                                        super::gen::GenResult::Return(self.stop_iteration_value(ex))
                                    } else {
                                        return Err(e);
                                    }
                                }
                            }
                        };
                        match r {
                            super::gen::GenResult::Yield(x) => {
                                // re-execute YieldFrom on resume, with the sent value replacing v
                                self.pop();
                                self.roots.frames[fidx].ip = ip;
                                let inlined = !self.roots.frames[fidx].is_entry;
                                self.gen_suspend(fidx);
                                if inlined {
                                    self.push(x);
                                    continue 'frame;
                                }
                                self.yielded = true;
                                return Ok(x);
                            }
                            super::gen::GenResult::Return(x) => {
                                self.pop();
                                self.pop();
                                self.push(x);
                            }
                        }
                    }
                    Op::GetAwaitable => {
                        self.make_awaitable(self.sp() - 1, super::coro::AwaitCtx::Await)?
                    }
                    Op::GetAIter => self.get_aiter()?,
                    Op::GetANext => self.get_anext()?,
                    Op::EndAsyncFor => {
                        let e = self.top();
                        if self.exc_matches(e, "StopAsyncIteration") {
                            self.pop();
                            self.pop();
                            let b = self.blocks.pop();
                            debug_assert!(b.is_some_and(|b| b.kind == BlockKind::Handler));
                            self.roots.handled.pop();
                        } else {
                            let e = self.pop();
                            self.roots.exc = e;
                            self.reraising = true;
                            return Err(Exc);
                        }
                    }
                    Op::BeforeAsyncWith => self.before_async_with()?,
                    Op::SetupAsyncWith => {
                        let depth = (self.sp() - base - 1) as u32;
                        self.blocks.push(Block {
                            kind: BlockKind::With,
                            handler: ins.arg,
                            depth,
                        });
                    }
                    Op::AsyncWithExceptStart => {
                        let (exit, e) = (self.peek(1), self.peek(0));
                        let t = self.type_of(e);
                        let tb = self.none();
                        let r = self.call(exit, &[t, e, tb])?;
                        self.push(r);
                        self.make_awaitable(self.sp() - 1, super::coro::AwaitCtx::AsyncWithExit)?;
                    }
                    Op::SetupExcept | Op::SetupFinally => {
                        let depth = (self.sp() - base) as u32;
                        let kind = if ins.op == Op::SetupExcept {
                            BlockKind::Except
                        } else {
                            BlockKind::Finally
                        };
                        self.blocks.push(Block {
                            kind,
                            handler: ins.arg,
                            depth,
                        });
                    }
                    Op::PopBlock => {
                        self.blocks.pop();
                    }
                    Op::PopExcept => {
                        let b = self.blocks.pop();
                        debug_assert!(b.is_some_and(|b| b.kind == BlockKind::Handler));
                        self.roots.handled.pop();
                    }
                    Op::Reraise => {
                        let e = self.pop();
                        self.roots.exc = e;
                        self.reraising = true;
                        return Err(Exc);
                    }
                    Op::RaiseVarargs => return Err(self.do_raise(arg)),
                    Op::CheckExcMatch => {
                        let t = self.pop();
                        let e = self.top();
                        let m = self.exc_match_type(e, t)?;
                        let v = self.bool_val(m);
                        self.push(v);
                    }
                    Op::BeforeWith => {
                        let mgr = self.top();
                        let Some(enter) = self.special(mgr, "__enter__") else {
                            let tn = self.type_name(mgr);
                            return Err(self.type_error(format!(
                                "'{tn}' object does not support the context manager protocol"
                            )));
                        };
                        self.push(enter);
                        let Some(exit) = self.special(mgr, "__exit__") else {
                            let tn = self.type_name(mgr);
                            return Err(self.type_error(format!("'{tn}' object does not support the context manager protocol (missed __exit__ method)")));
                        };
                        let bound_exit = self.new_bound_method(exit, self.peek(1))?;
                        // stack: mgr enter -> exit ; then call enter(mgr)
                        let enter = self.pop();
                        let mgr = self.pop();
                        self.push(bound_exit);
                        let depth = (self.sp() - base) as u32;
                        // The with block starts once __enter__ has returned: if it raises,
                        // __exit__ must not run.
                        let r = self.call(enter, &[mgr])?;
                        self.blocks.push(Block {
                            kind: BlockKind::With,
                            handler: ins.arg,
                            depth,
                        });
                        self.push(r);
                    }
                    Op::WithExceptStart => {
                        let (exit, e) = (self.peek(1), self.peek(0));
                        let t = self.type_of(e);
                        let tb = self.none();
                        let r = self.call(exit, &[t, e, tb])?;
                        let s = self.truthy(r)?;
                        let v = self.bool_val(s);
                        self.push(v);
                    }
                    Op::LoadAssertionError => {
                        let t = self.builtin_type("AssertionError");
                        self.push(t);
                    }
                    Op::Copy => {
                        let v = self.peek(arg - 1);
                        self.push(v);
                    }
                    Op::Swap => {
                        let n = self.sp();
                        self.roots.stack.swap(n - 1, n - arg);
                    }
                    Op::MatchSequence => self.match_sequence()?,
                    Op::MatchMapping => self.match_mapping()?,
                    Op::GetLen => self.get_len()?,
                    Op::MatchKeys => self.match_keys()?,
                    Op::MatchClass => self.match_class(arg)?,
                    Op::CopyDictWithoutKeys => self.copy_dict_without_keys()?,
                    Op::CheckEgMatch => self.check_eg_match()?,
                    Op::PrepReraiseStar => self.prep_reraise_star()?,
                    Op::UnpackSequence => self.unpack_sequence(arg)?,
                    Op::UnpackEx => self.unpack_ex(arg & 0xff, arg >> 8)?,
                    Op::ImportName => {
                        let name = self.tuple_items(names)[arg];
                        let m = self.import_name(name, fidx)?;
                        self.pop();
                        self.pop();
                        self.push(m);
                    }
                    Op::ImportFrom => {
                        let name = self.tuple_items(names)[arg];
                        let m = self.top();
                        let v = match self.getattr_opt(m, name)? {
                            Some(v) => v,
                            None => {
                                let m = self.top(); // re-read: __getattr__ may have run
                                self.import_from_missing(m, name)?
                            }
                        };
                        self.push(v);
                    }
                    Op::ImportStar => {
                        let m = self.pop();
                        self.import_star(m, fidx)?;
                    }
                    Op::PrintExpr => {
                        let v = self.pop();
                        if v != self.none() {
                            let r = self.repr(v)?;
                            let s = self.str_of(r).to_string();
                            self.write_stdout_checked(&s)?;
                            self.write_stdout_checked("\n")?;
                        }
                    }
                    Op::SetupAnnotations => self.setup_annotations(fidx)?,
                }
                pc = self.roots.frames[fidx].ip;
            }
        }
    }

    /// Small-int and float arithmetic without the generic dispatch; None means "take the slow path".
    #[inline(always)]
    fn fast_arith(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
        if a.is_int() && b.is_int() {
            let (x, y) = (a.as_int(), b.as_int());
            return Ok(match op {
                BinOp::Add => Value::from_int(x + y),
                BinOp::Sub => Value::from_int(x - y),
                BinOp::Mul => x.checked_mul(y).and_then(Value::from_int),
                _ => None,
            });
        }
        let fa = if self.is(a, Kind::Float) {
            self.float_val(a)
        } else if a.is_int() {
            a.as_int() as f64
        } else {
            return Ok(None);
        };
        let fb = if self.is(b, Kind::Float) {
            self.float_val(b)
        } else if b.is_int() {
            b.as_int() as f64
        } else {
            return Ok(None);
        };
        let r = match op {
            BinOp::Add => fa + fb,
            BinOp::Sub => fa - fb,
            BinOp::Mul => fa * fb,
            BinOp::TrueDiv if fb != 0.0 => fa / fb,
            _ => return Ok(None),
        };
        self.new_float(r).map(Some)
    }

    #[inline(always)]
    /// `mapping[name]` for exec()'s non-dict locals; None when it raises KeyError.
    fn mapping_lookup(&mut self, m: Value, name: Value) -> PyResult<Option<Value>> {
        match self.getitem(m, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                if self.exc_matches(self.roots.exc, "KeyError") {
                    self.take_exc();
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    /// The entries array of an instance's dict when `name` is there (the hot path: the inline-cache
    /// hint hits; a miss looks the name up out of line and updates the hint).
    ///
    /// This cache serves instances in dict mode (map-mode ones take attrcache.rs's caches first):
    /// instances of a class usually get their attributes in the same order, so each
    /// LoadAttr/StoreAttr remembers the dict entry index where it last found its name and checks
    /// that the key there is still that (interned) name: a hit needs no hashing, and a wrong guess
    /// only costs the normal lookup, which refreshes the hint.
    #[inline(always)]
    fn instance_attr_slot(
        &mut self,
        obj: Value,
        name: Value,
        code: Value,
        ip: usize,
    ) -> Option<Value> {
        if !self.is(obj, Kind::Instance) || self.attr_flags_dynamic {
            return None;
        }
        let io = self.obj::<InstanceObj>(obj);
        let (cls, d) = (io.cls, io.dict);
        if d.is_null() || self.obj::<TypeObj>(cls).flags & (TYPE_HAS_PROPS | TYPE_CUSTOM_ATTRS) != 0
        {
            return None;
        }
        let dp = self.obj::<DictObj>(d);
        let (entries, used) = (dp.entries, dp.used);
        let hint = self.attr_hint(code, ip);
        if hint < used && self.varray(entries)[3 * hint + 1] == name {
            return Some(entries);
        }
        self.instance_attr_miss(d, entries, name, code, ip)
    }

    #[inline(never)]
    fn instance_attr_miss(
        &mut self,
        d: Value,
        entries: Value,
        name: Value,
        code: Value,
        ip: usize,
    ) -> Option<Value> {
        let idx = self.dict_find_str(d, name)?;
        // SAFETY: code is a live Code object (held by the running frame, a root; code objects are allocated
        // old and never move) whose CodeData Box is freed only by its destructor; no other reference to
        // this CodeData is live here (code_data() borrows end at each use), so this exclusive access does
        // not alias.
        unsafe { (&mut (*self.obj::<CodeObj>(code).data)).attr_hints[ip] = idx as u32 };
        Some(entries)
    }

    #[inline(always)]
    fn attr_hint(&self, code: Value, ip: usize) -> usize {
        // SAFETY: code is a live Code object (held by the running frame, a root; code objects are allocated
        // old and never move) whose CodeData Box is freed only by its destructor; no other reference to
        // this CodeData is live here (code_data() borrows end at each use), so this exclusive access does
        // not alias; attr_hints has one slot per instruction and ip is an instruction index.
        unsafe { (&(*self.obj::<CodeObj>(code).data)).attr_hints[ip] as usize }
    }

    /// LoadGlobal through the per-code cache: no hashing while the dicts keep their keys.
    #[inline(always)]
    pub(super) fn cached_global(&self, code: Value, globals: Value, arg: usize) -> Option<Value> {
        // SAFETY: code is a live Code object (held by the running frame, a root; code objects are allocated
        // old and never move) whose CodeData Box is freed only by its destructor; no other reference to
        // this CodeData is live here (code_data() borrows end at each use), so this exclusive access does
        // not alias; global_cache has one slot per name and arg is a name index.
        let c = unsafe { (&(*self.obj::<CodeObj>(code).data)).global_cache[arg] };
        let g = self.obj::<DictObj>(globals);
        if c.globals_version == 0 || c.globals_version != g.version {
            return None;
        }
        let d = if c.in_builtins {
            let b = self.obj::<DictObj>(self.roots.builtins);
            if c.builtins_version != b.version {
                return None;
            }
            b
        } else {
            g
        };
        let v = self.varray(d.entries)[3 * c.index as usize + 2];
        if v.is_null() {
            None
        } else {
            Some(v)
        }
    }

    #[cold]
    fn load_global_slow(
        &mut self,
        code: Value,
        globals: Value,
        names: Value,
        arg: usize,
    ) -> PyResult<Value> {
        let name = self.tuple_items(names)[arg];
        let builtins = self.roots.builtins;
        let (idx, in_builtins) = match self.dict_find_str(globals, name) {
            Some(i) => (i, false),
            None => match self.dict_find_str(builtins, name) {
                Some(i) => (i, true),
                None => return self.lazy_builtin(name),
            },
        };
        let (gv, bv) = (
            self.obj::<DictObj>(globals).version,
            self.obj::<DictObj>(builtins).version,
        );
        // SAFETY: code is a live Code object (held by the running frame, a root; code objects are allocated
        // old and never move) whose CodeData Box is freed only by its destructor; no other reference to
        // this CodeData is live here (code_data() borrows end at each use), so this exclusive access does
        // not alias.
        unsafe {
            (&mut (*self.obj::<CodeObj>(code).data)).global_cache[arg] = super::code::GlobalCache {
                globals_version: gv,
                builtins_version: bv,
                index: idx as u32,
                in_builtins,
            };
        }
        let d = if in_builtins { builtins } else { globals };
        let entries = self.obj::<DictObj>(d).entries;
        Ok(self.varray(entries)[3 * idx + 2])
    }

    fn deref_name(&self, code: Value, i: usize) -> String {
        let cd = self.code_data(code);
        if i < cd.cellvars.len() {
            cd.cellvars[i].clone()
        } else {
            cd.freevars[i - cd.cellvars.len()].clone()
        }
    }

    /// The NameError of reading or deleting an empty cell: a cell variable of this code is a
    /// "local variable", one from an enclosing function a "free variable" (CPython's wording).
    fn unbound_deref(&mut self, code: Value, i: usize) -> Exc {
        let n = self.deref_name(code, i);
        let msg = if i < self.code_data(code).cellvars.len() {
            format!("cannot access local variable '{n}' where it is not associated with a value")
        } else {
            format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope")
        };
        self.raise("NameError", &msg)
    }

    pub fn name_error(&mut self, name: Value) -> Exc {
        let n = self.str_of(name).to_string();
        self.raise("NameError", &format!("name '{n}' is not defined"))
    }

    /// isinstance(exc, t) for except clauses; t may be a tuple.
    fn exc_match_type(&mut self, e: Value, t: Value) -> PyResult<bool> {
        if self.is(t, Kind::Tuple) {
            let n = self.tuple_items(t).len();
            for i in 0..n {
                let ti = self.tuple_items(t)[i];
                if self.exc_match_type(e, ti)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if !self.is(t, Kind::Type) || !self.is_exception_class(t) {
            return Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        Ok(self.isinstance(e, t))
    }

    /// RAISE_VARARGS.
    fn do_raise(&mut self, arg: usize) -> Exc {
        if arg == 0 {
            return match self.roots.handled.last().copied() {
                Some(e) if !e.is_null() => {
                    self.roots.exc = e;
                    self.reraising = true;
                    Exc
                }
                _ => self.raise("RuntimeError", "No active exception to reraise"),
            };
        }
        let cause = if arg == 2 { self.pop() } else { Value::NULL };
        let e = self.pop();
        let base = self.sp();
        self.push(cause);
        let e = match self.make_exception(e) {
            Ok(e) => e,
            Err(x) => return x,
        };
        self.push(e);
        if arg == 2 {
            let cause = self.at(base);
            let cause = if cause == self.none() {
                cause
            } else {
                match self.make_exception(cause) {
                    Ok(c) => c,
                    Err(x) => return x,
                }
            };
            self.set_at(base, cause);
            let d = self.obj::<InstanceObj>(self.at(base + 1)).dict;
            let k = self.intern("__cause__");
            if let Err(x) = self.dict_set(d, k, self.at(base)) {
                return x;
            }
            let k = self.intern("__suppress_context__");
            let t = self.bool_val(true);
            let d = self.obj::<InstanceObj>(self.at(base + 1)).dict; // re-read after the GC point
            if let Err(x) = self.dict_set(d, k, t) {
                return x;
            }
        }
        let e = self.at(base + 1);
        self.truncate(base);
        self.raise_value(e)
    }

    /// An exception instance from a raise operand (instantiating classes).
    pub fn make_exception(&mut self, e: Value) -> PyResult<Value> {
        if self.is(e, Kind::Type) {
            if !self.is_exception_class(e) {
                return Err(self.type_error("exceptions must derive from BaseException"));
            }
            self.push(e);
            let r = self.call(e, &[]);
            let cls = self.pop();
            return self.check_made_exception(cls, r?, true);
        }
        let t = self.type_of(e);
        if !self.is(t, Kind::Type) || !self.is_exception_class(t) {
            return Err(self.type_error("exceptions must derive from BaseException"));
        }
        Ok(e)
    }

    /// The instance a call of exception class `cls` made: a `__new__` may return anything, and a
    /// non-exception is a TypeError (`raise` names its type by repr, `throw` by name, as CPython 3.11).
    pub fn check_made_exception(
        &mut self,
        cls: Value,
        e: Value,
        repr_type: bool,
    ) -> PyResult<Value> {
        let t = self.type_of(e);
        if self.is(t, Kind::Type) && self.is_exception_class(t) {
            return Ok(e);
        }
        let tn = self.type_name(e);
        let shown = if repr_type {
            format!("<class '{tn}'>")
        } else {
            tn
        };
        let cr = self.repr_string(cls)?;
        Err(self.type_error(format!(
            "calling {cr} should have returned an instance of BaseException, not {shown}"
        )))
    }

    /// MakeFunction: (defaults? kwdefaults? closure? code qualname -- function)
    fn make_function(&mut self, flags: usize, fidx: usize) -> PyResult<Value> {
        let f = self.alloc(Kind::Function, 0)?;
        let qualname = self.pop();
        let code = self.pop();
        let closure = if flags & 8 != 0 {
            self.pop()
        } else {
            Value::NULL
        };
        let annotations = if flags & 4 != 0 {
            self.pop()
        } else {
            Value::NULL
        };
        let kwdefaults = if flags & 2 != 0 {
            self.pop()
        } else {
            Value::NULL
        };
        let defaults = if flags & 1 != 0 {
            self.pop()
        } else {
            Value::NULL
        };
        let globals = self.roots.frames[fidx].globals;
        let name = self.obj::<CodeObj>(code).name;
        // SAFETY: f was allocated as a Function at the top of make_function and every stored value was
        // popped or read after that allocation; no GC point in between (f is young and fresh: no barrier).
        unsafe {
            let p = self.payload::<FunctionObj>(f);
            (*p).code = code;
            (*p).globals = globals;
            (*p).defaults = defaults;
            (*p).kwdefaults = kwdefaults;
            (*p).closure = closure;
            (*p).annotations = annotations;
            (*p).name = name;
            (*p).qualname = qualname;
        }
        // the compiler puts a def's or lambda's docstring (or None) in consts[0]
        let kind = self.code_data(code).kind;
        if matches!(
            kind,
            crate::bytecode::CodeKind::Function
                | crate::bytecode::CodeKind::Lambda
                | crate::bytecode::CodeKind::Generator
        ) {
            let consts = self.obj::<CodeObj>(code).consts;
            if let Some(&d) = self.tuple_items(consts).first() {
                if self.is(d, Kind::Str) {
                    // SAFETY: f is the Function allocated above and nothing allocated since; d is an old
                    // constant (code constants are old), so no barrier is needed.
                    unsafe { (*self.payload::<FunctionObj>(f)).doc = d };
                }
            }
        }
        Ok(f)
    }

    /// CallEx: turns (f argstuple [kwargs]) into (f a1..an [kw values]) + kwnames.
    fn spread_call_args(&mut self, fslot: usize, has_kw: bool) -> PyResult<(usize, Value)> {
        let args = self.at(fslot + 1);
        let args = if self.is(args, Kind::Tuple) {
            args
        } else {
            let t = self.to_tuple(args)?;
            self.set_at(fslot + 1, t);
            t
        };
        let kw = if has_kw {
            self.at(fslot + 2)
        } else {
            Value::NULL
        };
        let pos: Vec<Value> = self.tuple_items(args).to_vec();
        let mut keys = Vec::new();
        let mut vals = Vec::new();
        if has_kw {
            if !self.is(kw, Kind::Dict) {
                return Err(self.type_error("argument after ** must be a mapping"));
            }
            for i in 0..self.dict_used(kw) {
                if let Some((k, v)) = self.dict_entry(kw, i) {
                    if !self.is(k, Kind::Str) {
                        return Err(self.type_error("keywords must be strings"));
                    }
                    keys.push(k);
                    vals.push(v);
                }
            }
        }
        // no GC point since reading: lay out the arguments
        let _no_gc = gc::NoGcScope::new();
        self.truncate(fslot + 1);
        self.roots.stack.extend_from_slice(&pos);
        self.roots.stack.extend_from_slice(&vals);
        let kwnames = if keys.is_empty() {
            Value::NULL
        } else {
            self.old_tuple(&keys)
        };
        Ok((pos.len() + vals.len(), kwnames))
    }

    fn unpack_sequence(&mut self, n: usize) -> PyResult<()> {
        let seq = self.top();
        let len = if self.is(seq, Kind::Tuple) {
            Some(self.tuple_items(seq).len())
        } else if self.is(seq, Kind::List) && self.subclass_override(seq, "__iter__").is_none() {
            Some(self.list_len(seq))
        } else {
            None
        };
        let Some(len) = len else {
            return self.unpack_iterable(n);
        };
        if len != n {
            if len > n {
                return Err(self.value_error(format!("too many values to unpack (expected {n})")));
            }
            return Err(self.value_error(format!(
                "not enough values to unpack (expected {n}, got {len})"
            )));
        }
        // No GC point below: the items are pushed straight from the sequence, last first.
        self.pop();
        let tuple = self.is(seq, Kind::Tuple);
        for i in (0..n).rev() {
            let v = if tuple {
                self.tuple_items(seq)[i]
            } else {
                self.list_items(seq)[i]
            };
            self.push(v);
        }
        Ok(())
    }

    /// UNPACK_SEQUENCE of any other iterable, as CPython: at most n + 1 `next` calls (so an
    /// endless iterator is "too many values", not a hang).
    fn unpack_iterable(&mut self, n: usize) -> PyResult<()> {
        let seq = self.top();
        if !self.is_iterable(seq) {
            let tn = self.type_name(seq);
            return Err(self.type_error(format!("cannot unpack non-iterable {tn} object")));
        }
        let it = self.get_iter(seq)?;
        let islot = self.sp() - 1;
        self.set_at(islot, it);
        for got in 0..n {
            match self.next(self.at(islot))? {
                Some(v) => self.push(v),
                None => {
                    self.truncate(islot + 1);
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected {n}, got {got})"
                    )));
                }
            }
        }
        if self.next(self.at(islot))?.is_some() {
            self.truncate(islot + 1);
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        // [it, v0 .. vn-1] -> [vn-1 .. v0] (the first item on top, the iterator dropped)
        self.roots.stack[islot..].reverse();
        let top = self.sp() - 1;
        self.truncate(top);
        Ok(())
    }

    fn unpack_ex(&mut self, before: usize, after: usize) -> PyResult<()> {
        let seq = self.top();
        if !self.is_iterable(seq) {
            let tn = self.type_name(seq);
            return Err(self.type_error(format!("cannot unpack non-iterable {tn} object")));
        }
        let l = self.to_list(seq)?;
        let n = self.list_len(l);
        if n < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {n})",
                before + after
            )));
        }
        self.pop();
        self.push(l);
        let lslot = self.sp() - 1;
        let mid_end = n - after;
        for i in before..mid_end {
            let v = self.list_items(self.at(lslot))[i];
            self.push(v);
        }
        let m = self.new_list_from_stack(mid_end - before)?;
        // no GC point from here on: push after-items, the middle list, before-items (first on top)
        let _no_gc = gc::NoGcScope::new();
        let items: Vec<Value> = self.list_items(self.at(lslot)).to_vec();
        self.truncate(lslot);
        for v in items[mid_end..].iter().rev() {
            self.push(*v);
        }
        self.push(m);
        for v in items[..before].iter().rev() {
            self.push(*v);
        }
        Ok(())
    }
}
