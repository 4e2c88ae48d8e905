//! Generators: a suspended frame is saved in a malloc'd `GenState` owned by the generator object (its
//! Values are traced by the generator kind's custom_trace; one write barrier after each save).
//! Resuming copies the state back onto the value stack and pushes the frame: from Rust (`next()`,
//! send, throw, builtins draining an iterator) as an entry frame run by a nested `run_frames`; from
//! the eval loop's FOR_ITER as an ordinary frame of the same loop (`gen_enter_inline`), whose yield
//! and return pop back to the consumer frame. Either way, while it runs the frame (and for inlined
//! ones the consumer's stack too) roots the generator.

use super::{Block, BlockKind, Frame, PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

pub struct GenState {
    /// Frame slots and operand stack, saved at suspension.
    pub stack: Vec<Value>,
    /// Handled exceptions of the saved Handler blocks.
    pub handled: Vec<Value>,
    pub blocks: Vec<Block>,
    pub ip: usize,
    pub started: bool,
    pub running: bool,
    pub finished: bool,
    /// The last suspension was an async generator's own `yield` (not an `await` passing a value
    /// through): `__anext__` turns such a value into its result (StopIteration(value)).
    pub wrapped: bool,
}

// Generators are created and finished at a high rate (every genexpr makes one): the states of
// finished (and of collected) ones are kept for reuse, with their vectors' capacity, instead of
// two mallocs and two frees per generator. Plain Rust memory holding no live Values (emptied when
// pooled), so one pool per thread serves every VM on it.
thread_local! {
    // Boxes, not states: a generator owns its state through the Box's raw pointer, so pooled
    // states keep their address-stable allocation.
    #[allow(clippy::vec_box)]
    static STATE_POOL: std::cell::RefCell<Vec<Box<GenState>>> = const { std::cell::RefCell::new(Vec::new()) };
}
/// The state every finished generator reads as (its own was recycled by gen_finished).
pub const FINISHED: GenState = GenState {
    stack: Vec::new(),
    handled: Vec::new(),
    blocks: Vec::new(),
    ip: 0,
    started: true,
    running: false,
    finished: true,
    wrapped: false,
};
static FINISHED_REF: GenState = FINISHED;

/// States kept at most, and the largest saved stack capacity worth keeping (bounds the memory a
/// burst of big generator frames can leave in the pool).
const POOL_MAX: usize = 64;
const POOL_MAX_STACK: usize = 256;

/// A fresh (not started) generator state, recycled when possible (`recycle_state`: the states of
/// finished generators, and of ones collected unfinished).
fn new_state() -> Box<GenState> {
    STATE_POOL
        .with(|p| p.borrow_mut().pop())
        .unwrap_or_else(|| {
            Box::new(GenState {
                stack: Vec::new(),
                handled: Vec::new(),
                blocks: Vec::new(),
                ip: 0,
                started: false,
                running: false,
                finished: false,
                wrapped: false,
            })
        })
}

/// The state of a dead generator (its destructor): emptied and pooled, or freed.
pub(crate) fn recycle_state(mut st: Box<GenState>) {
    if st.stack.capacity() > POOL_MAX_STACK {
        return;
    }
    st.stack.clear();
    st.handled.clear();
    st.blocks.clear();
    st.ip = 0;
    st.started = false;
    st.running = false;
    st.finished = false;
    st.wrapped = false;
    // try_with: during thread teardown the pool may be gone; then the state is simply freed
    let _ = STATE_POOL.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            if p.len() < POOL_MAX {
                p.push(st);
            }
        }
    });
}

/// How messages name a generator-like object of `kind`.
pub fn gen_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Coroutine => "coroutine",
        Kind::AsyncGenerator => "async generator",
        _ => "generator",
    }
}

pub enum GenResult {
    Yield(Value),
    Return(Value),
}

impl Vm {
    /// Creates a generator from a bound frame: function at `fslot`, slots above it.
    pub fn new_generator(&mut self, fslot: usize) -> PyResult<Value> {
        let (kind, frame_size) = {
            let f = self.at(fslot);
            let cd = self.code_data(self.obj::<FunctionObj>(f).code);
            let kind = match (cd.is_async, cd.is_generator) {
                (false, _) => Kind::Generator,
                (true, false) => Kind::Coroutine,
                (true, true) => Kind::AsyncGenerator,
            };
            (kind, cd.nslots + cd.stacksize)
        };
        let g = self.alloc(kind, 0)?;
        let f = self.at(fslot);
        let (code, globals, name) = {
            let fo = self.obj::<FunctionObj>(f);
            (fo.code, fo.globals, fo.name)
        };
        let mut st = new_state();
        // room for the whole frame: suspensions then copy without growing the vector
        st.stack.reserve(frame_size);
        st.stack.extend_from_slice(&self.roots.stack[fslot + 1..]);
        // SAFETY: g was just allocated as a Generator (zeroed: no state to leak) and f, code, globals, name
        // were read after that allocation; no GC point before the stores (g is young and fresh: no
        // barrier). The GenState Box is owned by g from here on (freed by drop_gen).
        unsafe {
            let p = self.payload::<GeneratorObj>(g);
            (*p).func = f;
            (*p).code = code;
            (*p).globals = globals;
            (*p).name = name;
            (*p).state = Box::into_raw(st);
        }
        Ok(g)
    }

    // `&mut self`: while the returned reference lives no other reference into the heap (from `obj`,
    // `str_of`...) and no GC point can occur. A finished generator has no state of its own (see
    // gen_finished): it reads as the VM's canonical finished state, reset here (its writers only
    // ever store the canonical values into it).
    pub fn gen_state(&mut self, g: Value) -> &mut GenState {
        let p = self.obj::<GeneratorObj>(g).state;
        if p.is_null() {
            self.finished_gen = FINISHED;
            return &mut self.finished_gen;
        }
        // SAFETY: g is a live Generator (caller's contract) whose state Box, when set, is freed only by
        // gen_finished and its destructor, both needing &mut self; &mut self keeps every other
        // reference to it and every GC point out while the &mut lives.
        unsafe { &mut *p }
    }
    /// Shared view of a generator's frame state.
    pub fn gen_state_ref(&self, g: Value) -> &GenState {
        let p = self.obj::<GeneratorObj>(g).state;
        if p.is_null() {
            return &FINISHED_REF;
        }
        // SAFETY: g is a live Generator (caller's contract) whose state Box, when set, is freed only by
        // gen_finished or its destructor (both need &mut self); the &self borrow keeps it alive and
        // unaliased by a &mut.
        unsafe { &*p }
    }

    /// Resumes `g` with `value` (or, if `throw`, raising `value` at the yield point).
    pub fn gen_resume(&mut self, g: Value, value: Value, throw: bool) -> PyResult<GenResult> {
        let word = gen_word(self.kind(g));
        let st = self.gen_state(g);
        st.wrapped = false;
        if st.running {
            return Err(self.value_error(format!("{word} already executing")));
        }
        if st.finished {
            if throw {
                self.roots.exc = value;
                return Err(super::Exc);
            }
            if word == "coroutine" {
                return Err(self.raise("RuntimeError", "cannot reuse already awaited coroutine"));
            }
            return Ok(GenResult::Return(self.none()));
        }
        if !st.started && !throw && value != self.none() {
            return Err(self.type_error(format!(
                "can't send non-None value to a just-started {word}"
            )));
        }
        let started = self.gen_push_frame(g, true)?;
        // g is rooted by its frame only while the frame runs: keep it in temps for after
        let gtemp = self.roots.temps.len();
        self.roots.temps.push(g);
        self.native_depth += 1;
        let r = if throw {
            self.roots.exc = value;
            if self.unwind_into_handler() {
                self.run_frames()
            } else {
                Err(super::Exc)
            }
        } else {
            if started {
                self.push(value);
            }
            self.run_frames()
        };
        self.native_depth -= 1;
        let g = self.roots.temps[gtemp];
        self.roots.temps.truncate(gtemp);
        match r {
            Ok(v) => {
                if self.yielded {
                    self.yielded = false;
                    Ok(GenResult::Yield(v))
                } else {
                    Ok(GenResult::Return(v))
                }
            }
            Err(e) => {
                let exc = self.roots.exc;
                let word = gen_word(self.kind(g));
                if self.exc_matches(exc, "StopIteration") {
                    return Err(self.stop_iteration_escaped(exc, word, "StopIteration"));
                }
                if word == "async generator" && self.exc_matches(exc, "StopAsyncIteration") {
                    return Err(self.stop_iteration_escaped(exc, word, "StopAsyncIteration"));
                }
                Err(e)
            }
        }
    }

    /// Pushes `g`'s saved frame onto the frame stack (slots, operand stack, blocks and handled
    /// exceptions restored; the function in the slot below its base, which is its `ret_slot`) and
    /// marks it running; true if it had started before (then it expects a sent value pushed).
    /// The caller checked that `g` is neither running nor finished. A frame stack at the recursion
    /// limit finishes the generator with a RecursionError (CPython completes the frame it could not
    /// enter).
    #[inline]
    pub(super) fn gen_push_frame(&mut self, g: Value, is_entry: bool) -> PyResult<bool> {
        if self.roots.frames.len() >= self.recursion_limit {
            self.gen_finished(g);
            return Err(self.raise("RecursionError", "maximum recursion depth exceeded"));
        }
        let fslot = self.sp();
        let (func, code, globals) = {
            let go = self.obj::<GeneratorObj>(g);
            (go.func, go.code, go.globals)
        };
        self.push(func);
        // SAFETY: g is a live generator (caller's contract) whose state Box lives as long as it; no
        // GC point while `st` is used (the value stack, blocks and handled are plain Vecs, disjoint
        // from the state).
        let st = unsafe { &mut *self.obj::<GeneratorObj>(g).state };
        let started = st.started;
        st.started = true;
        st.running = true;
        self.roots.stack.extend_from_slice(&st.stack);
        let block_base = self.blocks.len();
        if !st.blocks.is_empty() {
            self.blocks.extend_from_slice(&st.blocks);
            self.roots.handled.extend_from_slice(&st.handled);
        }
        // Emptied, not dropped: the next suspension refills them without a malloc/free pair per
        // yield, and the values they held are the frame's now (not kept alive by the state).
        st.stack.clear();
        st.blocks.clear();
        st.handled.clear();
        let ip = st.ip;
        let instrs = self.code_data(code).instrs.as_ptr();
        self.roots.frames.push(Frame {
            code,
            func,
            globals,
            locals: Value::NULL,
            generator: g,
            base: fslot + 1,
            ip,
            block_base,
            ret_slot: fslot,
            instrs,
            is_entry,
            init_instance: Value::NULL,
        });
        Ok(started)
    }

    /// FOR_ITER over a plain generator, inlined: pushes its frame (not an entry frame) on the frame
    /// stack above the consumer's, for the eval loop to continue in. Its `yield` pops back to the
    /// consumer with the value pushed, its return ends the consumer's loop (`gen_inline_returned`)
    /// and an exception escaping it unwinds into the consumer (PEP 479 applied in `unwind`), as if
    /// `next()` had been called. False (nothing done) when `g` is running or finished: the full
    /// path raises or ends the loop.
    pub(super) fn gen_enter_inline(&mut self, g: Value) -> PyResult<bool> {
        let st = self.gen_state_ref(g);
        if st.running || st.finished {
            return Ok(false);
        }
        if self.gen_push_frame(g, false)? {
            self.push(self.none());
        }
        Ok(true)
    }

    /// Whether run_fast may enter `g` inline without a GC point: a plain generator, neither
    /// running nor finished, and a frame stack below the recursion limit.
    #[inline(always)]
    pub(super) fn gen_can_enter_inline(&self, g: Value) -> bool {
        if !g.is_ptr() || self.kind(g) != Kind::Generator {
            return false;
        }
        let st = self.gen_state_ref(g);
        !st.running && !st.finished && self.roots.frames.len() < self.recursion_limit
    }

    /// An inlined generator frame (`gen_enter_inline`) returned with `v`, its frame popped: the
    /// consumer's FOR_ITER (at its ip - 1) drops the generator and jumps past the loop.
    pub(super) fn gen_inline_returned(&mut self) {
        let f = self.roots.frames.last_mut().unwrap();
        // SAFETY: the consumer's ip is past the FOR_ITER that entered the generator (it was
        // flushed before the instruction ran), an index into its code unit.
        let ins = unsafe { *f.instrs.add(f.ip - 1) };
        debug_assert_eq!(ins.op, crate::bytecode::Op::ForIter);
        f.ip = ins.arg as usize;
        self.pop();
    }

    /// An exception escaped an inlined generator frame (popped and finished by `unwind`): PEP 479
    /// turns a StopIteration into RuntimeError, as `gen_resume` does for a resumed one.
    pub(super) fn gen_inline_raised(&mut self) {
        let exc = self.roots.exc;
        if self.exc_matches(exc, "StopIteration") {
            self.stop_iteration_escaped(exc, "generator", "StopIteration");
        }
    }

    /// next(g) from Rust on a plain generator (`next_fast`: builtins draining an iterator, a
    /// generator resumed from native code): Ok(None) when it returns. `gen_resume` without what
    /// only send()/throw() need.
    pub fn gen_next(&mut self, g: Value) -> PyResult<Option<Value>> {
        let st = self.gen_state_ref(g);
        if st.running || st.finished {
            // the errors and the exhausted case, as gen_resume answers them
            return match self.gen_resume(g, self.none(), false)? {
                GenResult::Yield(v) => Ok(Some(v)),
                GenResult::Return(_) => Ok(None),
            };
        }
        if self.gen_push_frame(g, true)? {
            self.push(self.none());
        }
        // g is rooted by its frame only while the frame runs (see gen_resume)
        let gtemp = self.roots.temps.len();
        self.roots.temps.push(g);
        self.native_depth += 1;
        let r = self.run_frames();
        self.native_depth -= 1;
        self.roots.temps.truncate(gtemp);
        match r {
            Ok(v) if self.yielded => {
                self.yielded = false;
                Ok(Some(v))
            }
            Ok(_) => Ok(None),
            Err(e) => {
                let exc = self.roots.exc;
                if self.exc_matches(exc, "StopIteration") {
                    return Err(self.stop_iteration_escaped(exc, "generator", "StopIteration"));
                }
                Err(e)
            }
        }
    }

    /// PEP 479: a StopIteration escaping a generator's frame becomes
    /// `RuntimeError("generator raised StopIteration")`, caused by it.
    fn stop_iteration_escaped(&mut self, stop: Value, word: &str, what: &str) -> super::Exc {
        let base = self.sp();
        self.push(stop);
        let r = (|| -> PyResult<Value> {
            let msg = format!("{word} raised {what}");
            let e = self.new_exception_msg("RuntimeError", &msg)?;
            self.push(e);
            for name in ["__cause__", "__context__"] {
                let d = self.obj::<InstanceObj>(self.at(base + 1)).dict;
                let k = self.intern(name);
                self.dict_set(d, k, self.at(base))?;
            }
            Ok(self.at(base + 1))
        })();
        self.truncate(base);
        match r {
            Ok(e) => self.raise_value(e),
            Err(x) => x,
        }
    }

    /// throw(): unwinds the resumed generator frame (an entry frame) as if the exception had been
    /// raised at its yield: true if a handler in the generator caught it.
    fn unwind_into_handler(&mut self) -> bool {
        self.reraising = false;
        self.unwind()
    }

    pub fn gen_send(&mut self, g: Value, value: Value) -> PyResult<GenResult> {
        self.gen_resume(g, value, false)
    }

    /// Saves the top frame (index fidx) into its generator and pops it.
    #[inline]
    pub fn gen_suspend(&mut self, fidx: usize) {
        debug_assert_eq!(fidx, self.roots.frames.len() - 1);
        let f = &self.roots.frames[fidx];
        let (g, base, block_base, ip, ret_slot) =
            (f.generator, f.base, f.block_base, f.ip, f.ret_slot);
        // SAFETY: g is the live generator of the running frame (which roots it); no GC point while
        // `st` is used. Its vectors were emptied by gen_push_frame: refilling them reuses their
        // capacity (no malloc/free per yield).
        let st = unsafe { &mut *self.obj::<GeneratorObj>(g).state };
        st.stack.clear();
        st.stack.extend_from_slice(&self.roots.stack[base..]);
        st.ip = ip;
        st.running = false;
        if self.blocks.len() > block_base {
            st.blocks.clear();
            st.blocks.extend_from_slice(&self.blocks[block_base..]);
            let nh = st
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Handler)
                .count();
            let hlen = self.roots.handled.len();
            st.handled.clear();
            st.handled
                .extend_from_slice(&self.roots.handled[hlen - nh..]);
            self.roots.handled.truncate(hlen - nh);
            self.blocks.truncate(block_base);
            // Suspended inside try/with: if the generator dies like this, its finally/__exit__
            // must still run (close() at the collection that finds it dead, as on PyPy).
            self.heap.register_finalizer(g);
        }
        self.heap.write_barrier(g);
        self.roots.frames.pop();
        self.truncate(ret_slot);
    }

    /// Marks `g` finished: its state (no longer needed: a finished generator only answers
    /// "finished") goes back to the pool at once, so that a generator run to its end (every genexpr
    /// consumed by set(), sum()...) costs no malloc/free, whenever it is collected.
    pub fn gen_finished(&mut self, g: Value) {
        let p = self.obj::<GeneratorObj>(g).state;
        if p.is_null() {
            return;
        }
        // SAFETY: g is a live generator (caller's contract) whose non-null state is the Box made by
        // new_state, owned by it; no reference to it is live (they all borrow the Vm), and the
        // pointer is nulled before the Box is reused (a null state reads as finished).
        unsafe {
            (*self.payload::<GeneratorObj>(g)).state = std::ptr::null_mut();
            recycle_state(Box::from_raw(p));
        }
    }

    /// The value carried by a StopIteration instance (args[0] or None).
    pub fn stop_iteration_value(&mut self, e: Value) -> Value {
        if self.is(e, Kind::Instance) {
            let d = self.obj::<InstanceObj>(e).dict;
            let k = self.intern("args");
            if let Some(a) = self.dict_get_str(d, k) {
                if self.is(a, Kind::Tuple) && !self.tuple_items(a).is_empty() {
                    return self.tuple_items(a)[0];
                }
            }
        }
        self.none()
    }
}
