//! Generators: a suspended frame is saved in a malloc'd `GenState` owned by the generator object (its
//! Values are traced by the generator kind's custom_trace; one write barrier after each save).
//! Resuming copies the state back onto the value stack and runs the frame as an entry frame.

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
        let kind = {
            let f = self.at(fslot);
            let cd = self.code_data(self.obj::<FunctionObj>(f).code);
            match (cd.is_async, cd.is_generator) {
                (false, _) => Kind::Generator,
                (true, false) => Kind::Coroutine,
                (true, true) => Kind::AsyncGenerator,
            }
        };
        let g = self.alloc(kind, 0)?;
        let f = self.at(fslot);
        let (code, globals, name) = {
            let fo = self.obj::<FunctionObj>(f);
            (fo.code, fo.globals, fo.name)
        };
        let stack = self.roots.stack[fslot + 1..].to_vec();
        let st = Box::new(GenState {
            stack,
            handled: Vec::new(),
            blocks: Vec::new(),
            ip: 0,
            started: false,
            running: false,
            finished: false,
            wrapped: false,
        });
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
    // `str_of`...) and no GC point can occur.
    pub fn gen_state(&mut self, g: Value) -> &mut GenState {
        // SAFETY: g is a live Generator (caller's contract) whose state Box is set at creation and freed
        // only by its destructor; &mut self keeps every other reference to it and every GC point out while
        // the &mut lives.
        unsafe { &mut *self.obj::<GeneratorObj>(g).state }
    }
    /// Shared view of a generator's frame state.
    pub fn gen_state_ref(&self, g: Value) -> &GenState {
        // SAFETY: g is a live Generator (caller's contract) whose state Box is set at creation and freed
        // only by its destructor (a collection, which needs &mut self); the &self borrow keeps it alive and
        // unaliased by a &mut.
        unsafe { &*self.obj::<GeneratorObj>(g).state }
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
        let fslot = self.sp();
        let (func, code, globals) = {
            let go = self.obj::<GeneratorObj>(g);
            (go.func, go.code, go.globals)
        };
        self.push(func);
        let st = self.gen_state(g);
        let started = st.started;
        st.started = true;
        st.running = true;
        // The saved vectors are emptied in place, not dropped: the next suspension refills them
        // without a malloc/free pair per yield (no GC point while they are taken out).
        let mut saved = std::mem::take(&mut st.stack);
        let mut blocks = std::mem::take(&mut st.blocks);
        let mut handled = std::mem::take(&mut st.handled);
        let ip = st.ip;
        self.roots.stack.extend_from_slice(&saved);
        let block_base = self.blocks.len();
        self.blocks.extend_from_slice(&blocks);
        self.roots.handled.extend_from_slice(&handled);
        saved.clear();
        blocks.clear();
        handled.clear();
        let st = self.gen_state(g);
        st.stack = saved;
        st.blocks = blocks;
        st.handled = handled;
        if self.roots.frames.len() >= self.recursion_limit {
            self.truncate(fslot);
            self.gen_state(g).running = false;
            self.gen_state(g).finished = true;
            return Err(self.raise("RecursionError", "maximum recursion depth exceeded"));
        }
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
            is_entry: true,
            init_instance: Value::NULL,
        });
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
        let g2 = self.gen_from_result_context(g);
        let _ = g2;
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

    fn gen_from_result_context(&self, g: Value) -> Value {
        g
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
    pub fn gen_suspend(&mut self, fidx: usize) {
        let f = self.roots.frames[fidx];
        debug_assert_eq!(fidx, self.roots.frames.len() - 1);
        let g = f.generator;
        // Refill the state's own (empty, see gen_resume) vectors: their capacity is reused.
        let st = self.gen_state(g);
        let mut stack = std::mem::take(&mut st.stack);
        let mut blocks = std::mem::take(&mut st.blocks);
        let mut handled = std::mem::take(&mut st.handled);
        stack.clear();
        stack.extend_from_slice(&self.roots.stack[f.base..]);
        blocks.clear();
        blocks.extend_from_slice(&self.blocks[f.block_base..]);
        let nh = blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Handler)
            .count();
        let hlen = self.roots.handled.len();
        handled.clear();
        handled.extend_from_slice(&self.roots.handled[hlen - nh..]);
        self.roots.handled.truncate(hlen - nh);
        self.blocks.truncate(f.block_base);
        // Suspended inside try/with: if the generator dies like this, its finally/__exit__ must still run
        // (close() at the collection that finds it dead, as on PyPy).
        if !blocks.is_empty() {
            self.heap.register_finalizer(g);
        }
        let st = self.gen_state(g);
        st.stack = stack;
        st.blocks = blocks;
        st.handled = handled;
        st.ip = f.ip;
        st.running = false;
        self.heap.write_barrier(g);
        self.roots.frames.pop();
        self.truncate(f.ret_slot);
    }

    pub fn gen_finished(&mut self, g: Value) {
        let st = self.gen_state(g);
        st.finished = true;
        st.running = false;
        st.stack.clear();
        st.blocks.clear();
        st.handled.clear();
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
