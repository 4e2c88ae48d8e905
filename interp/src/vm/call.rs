//! Calls: argument binding for Python functions, frame setup, natives, bound methods, classes, and
//! the re-entrant `vm.call` used by Rust code.
//!
//! Calling convention: the callee sits at stack slot `fslot`, its arguments right above it
//! (`nargs` values; if `kwnames` is a tuple, its names label the last arguments). A Python function's
//! frame is built in place: the arguments become the first local slots (`base = fslot + 1`). When the
//! call completes, the stack is cut back to `fslot`.

use super::{Args, Frame, PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

/// What `prepare_call` did.
pub enum Prepared {
    /// A Python frame was pushed; the eval loop must run it.
    Frame,
    /// The call completed with this result (stack already cut back to fslot).
    Done(Value),
}

impl Vm {
    /// DictMerge (`f(**a, **b)`): a key of the dict at `src` already in the kwargs dict at `dst`
    /// is CPython's "f() got multiple values for keyword argument 'k'". The callable sits two
    /// slots below the kwargs dict (func, positional tuple, kwargs).
    pub(crate) fn check_duplicate_kwargs(&mut self, dst: usize, src: usize) -> PyResult<()> {
        if !self.is(self.at(src), Kind::Dict) {
            return Ok(());
        }
        for i in 0..self.dict_used(self.at(src)) {
            let Some((k, _)) = self.dict_entry(self.at(src), i) else {
                continue;
            };
            if !self.is(k, Kind::Str) {
                return Err(self.type_error("keywords must be strings"));
            }
            if self.dict_get_str(self.at(dst), k).is_some() {
                let key = self.str_of(k).to_string();
                let f = self.at(dst.saturating_sub(2));
                let fname = self.callable_display_name(f);
                return Err(self.type_error(format!(
                    "{fname} got multiple values for keyword argument '{key}'"
                )));
            }
        }
        Ok(())
    }

    /// How CPython names a callable in call errors: `module.qualname()` for Python functions,
    /// `name()` for builtins and types.
    pub(crate) fn callable_display_name(&mut self, f: Value) -> String {
        if self.is(f, Kind::Function) {
            let (q, g) = {
                let fo = self.obj::<FunctionObj>(f);
                (fo.qualname, fo.globals)
            };
            let q = self.str_of(q).to_string();
            let k = self.intern("__name__");
            return match self.dict_get_str(g, k) {
                Some(m) if self.is(m, Kind::Str) && self.str_of(m) != "builtins" => {
                    format!("{}.{q}()", self.str_of(m))
                }
                _ => format!("{q}()"),
            };
        }
        if self.is(f, Kind::Native) {
            let n = self.obj::<NativeObj>(f).name;
            return format!("{}()", self.str_of(n));
        }
        if self.is(f, Kind::Type) {
            let n = self.obj::<TypeObj>(f).qualname;
            return format!("{}()", self.str_of(n));
        }
        format!("{} object", self.type_name(f))
    }

    /// CPython's checks of an unbound builtin method call `T.m(self, *args)` (also how a method
    /// loaded with LoadMethod is called): `self` must be an instance of `T` (the owner), and a slot
    /// dunder gets exactly its number of arguments (`arity` - 1; 0 means the native checks).
    fn check_method_call(
        &mut self,
        fslot: usize,
        nargs: usize,
        kwnames: Value,
        owner: Value,
        arity: u64,
    ) -> PyResult<()> {
        // The common case passes both checks without building any name (every method call).
        let self_ok = nargs > 0 && {
            let st = self.type_of(self.at(fslot + 1));
            st == owner || self.is_subtype(st, owner)
        };
        let count_ok = arity == 0
            || (kwnames.is_null() || self.tuple_items(kwnames).is_empty())
                && nargs == arity as usize;
        if self_ok && count_ok {
            if owner != self.roots.types[Kind::Instance as usize] {
                self.unbox_slot(fslot + 1);
            }
            return Ok(());
        }
        let f = self.at(fslot);
        let name = self.str_of(self.obj::<NativeObj>(f).name).to_string();
        let tname = self.str_of(self.obj::<TypeObj>(owner).qualname).to_string();
        let dunder = name.starts_with("__") && name.ends_with("__");
        if nargs == 0 {
            return Err(self.type_error(if dunder {
                format!("descriptor '{name}' of '{tname}' object needs an argument")
            } else {
                format!("unbound method {tname}.{name}() needs an argument")
            }));
        }
        if !self_ok {
            let sn = self.type_name(self.at(fslot + 1));
            return Err(self.type_error(if dunder {
                format!("descriptor '{name}' requires a '{tname}' object but received a '{sn}'")
            } else {
                format!(
                    "descriptor '{name}' for '{tname}' objects doesn't apply to a '{sn}' object"
                )
            }));
        }
        if arity != 0 {
            let nkw = if kwnames.is_null() {
                0
            } else {
                self.tuple_items(kwnames).len()
            };
            if nkw > 0 {
                return Err(self.type_error(format!("wrapper {name}() takes no keyword arguments")));
            }
            let (want, got) = (arity as usize - 1, nargs - 1);
            if want != got {
                let s = if want == 1 { "" } else { "s" };
                return Err(self.type_error(format!("expected {want} argument{s}, got {got}")));
            }
        }
        Ok(())
    }

    /// Calls `f(*args)` from Rust. `f` and `args` need not be rooted: they are pushed at once.
    pub fn call(&mut self, f: Value, args: &[Value]) -> PyResult<Value> {
        let fslot = self.sp();
        self.push(f);
        for a in args {
            self.push(*a);
        }
        self.call_slot(fslot, args.len(), Value::NULL)
    }

    /// Calls the callee at `fslot` with the arguments above it; runs Python frames to completion.
    pub fn call_slot(&mut self, fslot: usize, nargs: usize, kwnames: Value) -> PyResult<Value> {
        self.native_depth += 1;
        if self.native_depth > 200 + self.recursion_limit / 4 {
            self.native_depth -= 1;
            self.truncate(fslot);
            return Err(self.raise("RecursionError", "maximum recursion depth exceeded"));
        }
        let r = match self.prepare_call(fslot, nargs, kwnames, true) {
            Ok(Prepared::Done(v)) => Ok(v),
            Ok(Prepared::Frame) => self.run_frames(),
            Err(e) => {
                self.truncate(fslot);
                Err(e)
            }
        };
        self.native_depth -= 1;
        r
    }

    /// The eval loop's shortcut for the commonest call: a Python function whose parameters are
    /// exactly `nargs` positional ones (`CodeData::simple`: no defaults used, no cells, not a
    /// generator). Pushes its frame as `enter_function` + `push_frame` would and returns true;
    /// false (nothing done) for anything else, including a call that would exceed the recursion
    /// limit (the full path raises). No GC point.
    #[inline(always)]
    pub(super) fn try_enter_simple(&mut self, fslot: usize, nargs: usize) -> bool {
        let f = self.at(fslot);
        if !self.is(f, Kind::Function) || self.roots.frames.len() >= self.recursion_limit {
            return false;
        }
        let (code, globals) = {
            let fo = self.obj::<FunctionObj>(f);
            (fo.code, fo.globals)
        };
        let cd = self.code_data(code);
        if !cd.simple || cd.argcount != nargs {
            return false;
        }
        let (nlocals, instrs) = (cd.nlocals, cd.instrs.as_ptr());
        self.roots.stack.resize(fslot + 1 + nlocals, Value::NULL);
        self.push_function_frame(f, code, globals, instrs, fslot, false);
        true
    }

    /// Pushes the frame of Python function `f` (its code, globals and instructions given) whose
    /// callee slot is `fslot` and whose locals start just above it. No checks, no GC point.
    #[inline(always)]
    fn push_function_frame(
        &mut self,
        f: Value,
        code: Value,
        globals: Value,
        instrs: *const crate::bytecode::Instr,
        fslot: usize,
        entry: bool,
    ) {
        self.roots.frames.push(Frame {
            code,
            func: f,
            globals,
            locals: Value::NULL,
            generator: Value::NULL,
            base: fslot + 1,
            ip: 0,
            block_base: self.blocks.len(),
            ret_slot: fslot,
            instrs,
            is_entry: entry,
            init_instance: Value::NULL,
        });
    }

    /// Sets up a call. For Python functions pushes a frame (marked `is_entry` if `entry`).
    /// Calls the Native at `fslot` with the `nargs` arguments above it (the method checks of its
    /// owner type first); the stack is cut back to `fslot`. The eval loop's fast path calls this
    /// directly for natives (`s.lower()`, `len(x)`).
    #[inline]
    pub(super) fn call_native_at(
        &mut self,
        fslot: usize,
        nargs: usize,
        kwnames: Value,
    ) -> PyResult<Value> {
        let f = self.at(fslot);
        let (nf, bound, owner, arity) = {
            let n = self.obj::<NativeObj>(f);
            (n.f, n.bound, n.owner, n.arity)
        };
        if bound.is_null() && !owner.is_null() {
            if let Err(e) = self.check_method_call(fslot, nargs, kwnames, owner, arity) {
                self.truncate(fslot);
                return Err(e);
            }
        }
        let (base, n) = if !bound.is_null() {
            // insert the bound object as first argument
            self.roots.stack.insert(fslot + 1, bound);
            (fslot + 1, nargs + 1)
        } else {
            (fslot + 1, nargs)
        };
        let r = nf(self, Args { base, n, kwnames });
        self.truncate(fslot);
        r
    }

    pub fn prepare_call(
        &mut self,
        fslot: usize,
        nargs: usize,
        kwnames: Value,
        entry: bool,
    ) -> PyResult<Prepared> {
        // gc-safe: the foreign call hook answers None before any GC point (its contract): f intact
        let f = self.at(fslot);
        if !f.is_ptr() {
            return Err(self.not_callable(f));
        }
        match self.kind(f) {
            Kind::Function => self.enter_function(fslot, nargs, kwnames, entry),
            Kind::Native => self
                .call_native_at(fslot, nargs, kwnames)
                .map(Prepared::Done),
            Kind::BoundMethod => {
                let (func, slf) = {
                    let m = self.obj::<BoundMethodObj>(f);
                    (m.func, m.slf)
                };
                self.set_at(fslot, func);
                self.roots.stack.insert(fslot + 1, slf);
                self.prepare_call(fslot, nargs + 1, kwnames, entry)
            }
            Kind::Type => {
                if let Some(c) = self.meta_hook(f, "__call__") {
                    // a metaclass's __call__(cls, *args)
                    self.roots.stack.insert(fslot, c);
                    return self.prepare_call(fslot, nargs + 1, kwnames, entry);
                }
                if let Some(p) = self.try_inline_init(fslot, nargs, kwnames, entry)? {
                    return Ok(p);
                }
                let r = self.call_type(fslot, nargs, kwnames)?;
                self.truncate(fslot);
                Ok(Prepared::Done(r))
            }
            Kind::Instance | Kind::Foreign => {
                if let (Kind::Foreign, Some(fast)) = (self.kind(f), self.registry.foreign.call) {
                    if let Some(r) = fast(self, fslot, nargs, kwnames) {
                        self.truncate(fslot);
                        return r.map(Prepared::Done);
                    }
                }
                let Some(c) = self.special(f, "__call__") else {
                    return Err(self.not_callable(f));
                };
                self.roots.stack.insert(fslot, c);
                // now: c, f(self), args...
                self.prepare_call(fslot, nargs + 1, kwnames, entry)
            }
            Kind::StaticMethod | Kind::ClassMethod => {
                let inner = self.obj::<WrapperObj>(f).func;
                self.set_at(fslot, inner);
                self.prepare_call(fslot, nargs, kwnames, entry)
            }
            k => match crate::objects::slots(k).call {
                // A builtin kind with a call slot (weakref.ref): the arguments follow the callee.
                Some(cf) => {
                    let r = cf(
                        self,
                        f,
                        Args {
                            base: fslot + 1,
                            n: nargs,
                            kwnames,
                        },
                    );
                    self.truncate(fslot);
                    r.map(Prepared::Done)
                }
                None => Err(self.not_callable(f)),
            },
        }
    }

    /// callable(v) without calling anything.
    pub fn is_callable(&mut self, v: Value) -> bool {
        if !v.is_ptr() {
            return false;
        }
        match self.kind(v) {
            Kind::Function | Kind::Native | Kind::BoundMethod | Kind::Type | Kind::StaticMethod => {
                true
            }
            Kind::Instance | Kind::Foreign => self.special(v, "__call__").is_some(),
            k => crate::objects::slots(k).call.is_some(),
        }
    }

    fn not_callable(&mut self, f: Value) -> super::Exc {
        let tn = self.type_name(f);
        self.type_error(format!("'{tn}' object is not callable"))
    }

    /// Binds arguments into a new frame for the Python function at `fslot`.
    fn enter_function(
        &mut self,
        fslot: usize,
        nargs: usize,
        kwnames: Value,
        entry: bool,
    ) -> PyResult<Prepared> {
        let f = self.at(fslot);
        let code = self.obj::<FunctionObj>(f).code;
        let cd = self.code_data(code);
        let base = fslot + 1;
        let simple = cd.simple && kwnames.is_null();
        let (argcount, nslots, nlocals) = (cd.argcount, cd.nslots, cd.nlocals);
        // Positional arguments that fill the parameters exactly need no binding, also for generators
        // and closures (their cells are made by init_cells).
        let exact_positional = kwnames.is_null()
            && nargs == argcount
            && cd.kwonly == 0
            && !cd.has_varargs
            && !cd.has_varkw;
        if simple && nargs == argcount {
            for _ in argcount..nlocals {
                self.push(Value::NULL);
            }
        } else if exact_positional {
            for _ in argcount..nslots {
                self.push(Value::NULL);
            }
            self.init_cells(fslot)?;
        } else {
            self.bind_general(fslot, nargs, kwnames)?;
            self.init_cells(fslot)?;
        }
        debug_assert_eq!(self.sp(), base + nslots);
        let f = self.at(fslot);
        let code = self.obj::<FunctionObj>(f).code;
        if self.code_data(code).is_generator || self.code_data(code).is_async {
            let g = self.new_generator(fslot)?;
            self.truncate(fslot);
            return Ok(Prepared::Done(g));
        }
        self.push_frame(fslot, entry)?;
        Ok(Prepared::Frame)
    }

    pub fn push_frame(&mut self, fslot: usize, entry: bool) -> PyResult<()> {
        if self.roots.frames.len() >= self.recursion_limit {
            self.truncate(fslot);
            return Err(self.raise("RecursionError", "maximum recursion depth exceeded"));
        }
        let f = self.at(fslot);
        let (code, globals) = {
            let fo = self.obj::<FunctionObj>(f);
            (fo.code, fo.globals)
        };
        let instrs = self.code_data(code).instrs.as_ptr();
        self.push_function_frame(f, code, globals, instrs, fslot, entry);
        Ok(())
    }

    /// General binding: keywords, defaults, *args, **kwargs. Leaves exactly `nslots` values above fslot.
    fn bind_general(&mut self, fslot: usize, nargs: usize, kwnames: Value) -> PyResult<()> {
        let f = self.at(fslot);
        let (code, defaults, kwdefaults) = {
            let fo = self.obj::<FunctionObj>(f);
            (fo.code, fo.defaults, fo.kwdefaults)
        };
        // CPython names the function by its __qualname__ in these errors ("C.__init__() missing")
        let qn = self.obj::<FunctionObj>(f).qualname;
        let cd = self.code_data(code);
        let fname = if self.is(qn, Kind::Str) {
            self.str_of(qn).to_string()
        } else {
            cd.qualname.clone()
        };
        let cd = self.code_data(code);
        let (argcount, kwonly, has_varargs, has_varkw, nslots, posonly) = (
            cd.argcount,
            cd.kwonly,
            cd.has_varargs,
            cd.has_varkw,
            cd.nslots,
            cd.posonly,
        );
        let varnames: Vec<String> = cd.varnames.clone();
        let nkw = if kwnames.is_null() {
            0
        } else {
            self.tuple_items(kwnames).len()
        };
        let npos = nargs - nkw;
        let base = fslot + 1;
        // Read everything into Rust (no GC point until the slots are written back below).
        let args: Vec<Value> = self.roots.stack[base..base + nargs].to_vec();
        let kwn: Vec<String> = if nkw > 0 {
            self.tuple_items(kwnames)
                .iter()
                .map(|k| self.str_of(*k).to_string())
                .collect()
        } else {
            vec![]
        };
        let mut slots = vec![Value::NULL; nslots];
        let take = npos.min(argcount);
        slots[..take].copy_from_slice(&args[..take]);
        if npos > argcount && !has_varargs {
            let given = npos;
            let msg = if defaults.is_null() || argcount == 0 {
                format!(
                    "{fname}() takes {argcount} positional argument{} but {given} {} given",
                    plural(argcount),
                    if given == 1 { "was" } else { "were" }
                )
            } else {
                let nd = self.tuple_items(defaults).len();
                format!("{fname}() takes from {} to {argcount} positional arguments but {given} were given", argcount - nd)
            };
            return Err(self.type_error(msg));
        }
        let extra_pos: Vec<Value> = if npos > argcount {
            args[argcount..npos].to_vec()
        } else {
            vec![]
        };
        let mut extra_kw: Vec<(Value, Value)> = Vec::new();
        let nparams_named = argcount + kwonly;
        let kw_index = |name: &str| -> Option<usize> {
            let mut idx = None;
            for (i, v) in varnames.iter().enumerate().take(argcount) {
                if v == name && i >= posonly {
                    idx = Some(i);
                }
            }
            if idx.is_none() {
                let start = argcount + has_varargs as usize;
                for (i, v) in varnames.iter().enumerate().skip(start).take(kwonly) {
                    if v == name {
                        idx = Some(i);
                    }
                }
            }
            idx
        };
        let _ = nparams_named;
        for (j, name) in kwn.iter().enumerate() {
            let v = args[npos + j];
            match kw_index(name) {
                Some(i) => {
                    if !slots[i].is_null() {
                        return Err(self.type_error(format!(
                            "{fname}() got multiple values for argument '{name}'"
                        )));
                    }
                    slots[i] = v;
                }
                None => {
                    if has_varkw {
                        extra_kw.push((self.tuple_items(kwnames)[j], v));
                    } else {
                        return Err(self.type_error(format!(
                            "{fname}() got an unexpected keyword argument '{name}'"
                        )));
                    }
                }
            }
        }
        // defaults
        if npos < argcount {
            let defs: Vec<Value> = if defaults.is_null() {
                vec![]
            } else {
                self.tuple_items(defaults).to_vec()
            };
            let first_def = argcount - defs.len();
            let mut missing = Vec::new();
            for i in npos..argcount {
                if slots[i].is_null() {
                    if i >= first_def {
                        slots[i] = defs[i - first_def];
                    } else {
                        missing.push(varnames[i].clone());
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(missing_msg(&fname, &missing, "positional")));
            }
        }
        let kw_start = argcount + has_varargs as usize;
        let mut missing = Vec::new();
        for i in kw_start..kw_start + kwonly {
            if slots[i].is_null() {
                let name = &varnames[i];
                let d = if kwdefaults.is_null() {
                    None
                } else {
                    self.dict_get_str_rust(kwdefaults, name)
                };
                match d {
                    Some(v) => slots[i] = v,
                    None => missing.push(name.clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(missing_msg(&fname, &missing, "keyword-only")));
        }
        // write back: slots, then the extras above them (rooted), then build *args / **kwargs.
        // Write back (no GC point since the reads above): slots, then the extras above them, so
        // that everything is rooted before *args / **kwargs are allocated.
        self.truncate(base);
        self.roots.stack.extend_from_slice(&slots);
        let extras_base = self.sp();
        self.roots.stack.extend_from_slice(&extra_pos);
        let kw_base = self.sp();
        for (k, v) in &extra_kw {
            self.push(*k);
            self.push(*v);
        }
        let npos_extra = extra_pos.len();
        let nkw_extra = extra_kw.len();
        if has_varargs {
            let t = if npos_extra == 0 {
                self.named(super::Named::EmptyTuple)
            } else {
                self.alloc(Kind::Tuple, npos_extra)?
            };
            for j in 0..npos_extra {
                let v = self.at(extras_base + j);
                // SAFETY: t was allocated with npos_extra items just above (or is the empty tuple when the
                // loop does not run), v is re-read from the stack, and nothing in the loop allocates; t is
                // young and fresh, so no barrier.
                unsafe { *(*self.payload::<TupleObj>(t)).items.as_mut_ptr().add(j) = v };
            }
            self.set_at(base + argcount, t);
        }
        if has_varkw {
            let d = self.new_dict()?;
            self.push(d);
            for j in 0..nkw_extra {
                let (k, v) = (self.at(kw_base + 2 * j), self.at(kw_base + 2 * j + 1));
                let d = self.top();
                self.dict_set(d, k, v)?;
            }
            let d = self.pop();
            self.set_at(base + kw_start + kwonly, d);
        }
        self.truncate(extras_base);
        Ok(())
    }

    /// Creates the cells of a frame whose slots are already bound (cell2arg), and copies free vars.
    fn init_cells(&mut self, fslot: usize) -> PyResult<()> {
        let f = self.at(fslot);
        let code = self.obj::<FunctionObj>(f).code;
        let cd = self.code_data(code);
        let (nlocals, ncells, nfree) = (cd.nlocals, cd.cellvars.len(), cd.freevars.len());
        if ncells == 0 && nfree == 0 {
            return Ok(());
        }
        let cell2arg = cd.cell2arg.clone();
        let base = fslot + 1;
        for i in 0..ncells {
            let init = cell2arg
                .iter()
                .find(|(c, _)| *c as usize == i)
                .map(|(_, a)| self.at(base + *a as usize));
            let c = self.new_cell(init.unwrap_or(Value::NULL))?;
            self.set_at(base + nlocals + i, c);
        }
        if nfree > 0 {
            let f = self.at(fslot);
            let closure = self.obj::<FunctionObj>(f).closure;
            for j in 0..nfree {
                let c = self.tuple_items(closure)[j];
                self.set_at(base + nlocals + ncells + j, c);
            }
        }
        Ok(())
    }

    /// Looks up a str key given as a Rust string in a dict without allocating (linear scan fallback).
    pub fn dict_get_str_rust(&self, d: Value, name: &str) -> Option<Value> {
        let used = self.dict_used(d);
        for i in 0..used {
            if let Some((k, v)) = self.dict_entry(d, i) {
                if self.is(k, Kind::Str) && self.str_of(k) == name {
                    return Some(v);
                }
            }
        }
        None
    }

    /// The common case of instantiating a Python class (plain instance, no custom `__new__`, a
    /// Python `__init__`): allocate the instance and run `__init__` as an ordinary frame of the eval
    /// loop (no Rust recursion); its ReturnValue yields the instance (`Frame::init_instance`).
    fn try_inline_init(
        &mut self,
        fslot: usize,
        nargs: usize,
        kwnames: Value,
        entry: bool,
    ) -> PyResult<Option<Prepared>> {
        let t = self.at(fslot);
        let Some(init) = self.inline_init_target(t, None) else {
            return Ok(None);
        };
        self.push(init);
        let inst = self.object_new(t)?;
        let init = self.pop();
        // (type a1..an) -> (init inst a1..an)
        self.set_at(fslot, init);
        self.roots.stack.insert(fslot + 1, inst);
        match self.enter_function(fslot, nargs + 1, kwnames, entry)? {
            Prepared::Frame => {
                let inst = self.at(fslot + 1);
                self.roots.frames.last_mut().unwrap().init_instance = inst;
                Ok(Some(Prepared::Frame))
            }
            Prepared::Done(v) => Ok(Some(Prepared::Done(v))),
        }
    }

    /// The `__init__` that a call of class `t` can run in a frame of its own, after `object_new`:
    /// a Python function, on a plain Python class (not builtin, no exception class, no custom
    /// `__new__`, instances of kind Instance). The metaclass `__call__` is the caller's check.
    /// `cache`: look `__init__` up through the method cache of instruction (code, ip).
    #[inline(always)]
    fn inline_init_target(&mut self, t: Value, cache: Option<(Value, usize)>) -> Option<Value> {
        let tp = self.obj::<TypeObj>(t);
        if tp.flags & (TYPE_BUILTIN | TYPE_EXCEPTION | TYPE_CUSTOM_NEW) != 0
            || tp.inst_kind != Kind::Instance as u64
            || self.attr_flags_dynamic
        {
            return None;
        }
        // interned, so old: its address is a stable key for the method caches
        let name = self.sym_init;
        let init = match cache {
            Some((code, ip)) => self.lookup_type_cached(t, name, code, ip)?,
            None => self.lookup_type(t, name)?,
        };
        self.is(init, Kind::Function).then_some(init)
    }

    /// The fast loop's class call `C(a1..an)` (positional arguments at fslot+1..): when `C` has no
    /// metaclass and an inline `__init__` (above) whose code is simple and takes exactly the instance
    /// and the arguments, makes the instance and pushes `__init__`'s frame (its ReturnValue yields
    /// the instance). Ok(false): nothing changed, nothing allocated. GC point (the instance).
    /// (code, ip): the Call instruction, whose method cache slot holds the `__init__` lookup.
    pub(super) fn try_enter_init_simple(
        &mut self,
        fslot: usize,
        nargs: usize,
        code: Value,
        ip: usize,
    ) -> PyResult<bool> {
        let t = self.at(fslot);
        if !self.is(t, Kind::Type)
            || !self.obj::<TypeObj>(t).meta.is_null()
            || self.roots.frames.len() >= self.recursion_limit
        {
            return Ok(false);
        }
        let Some(init) = self.inline_init_target(t, Some((code, ip))) else {
            return Ok(false);
        };
        let cd = self.code_data(self.obj::<FunctionObj>(init).code);
        if !cd.simple || cd.argcount != nargs + 1 {
            return Ok(false);
        }
        // (type a1..an) -> (init inst a1..an): init takes the callee slot and the type the one
        // above it, rooted there while the instance is allocated, which then replaces it.
        self.set_at(fslot, init);
        self.roots.stack.insert(fslot + 1, t);
        let inst = self.object_new(t)?;
        self.set_at(fslot + 1, inst);
        // the checks above hold (nothing but the instance changed): __init__'s frame is pushed
        let entered = self.try_enter_simple(fslot, nargs + 1);
        debug_assert!(entered);
        self.roots.frames.last_mut().unwrap().init_instance = inst;
        Ok(true)
    }

    /// Calling a type: construction.
    pub(crate) fn call_type(
        &mut self,
        fslot: usize,
        nargs: usize,
        kwnames: Value,
    ) -> PyResult<Value> {
        let t = self.at(fslot);
        let tp = self.obj::<TypeObj>(t);
        // builtin types other than the exception classes construct through their native __new__
        if tp.flags & TYPE_BUILTIN != 0
            && (tp.inst_kind != Kind::Instance as u64 || tp.flags & TYPE_EXCEPTION == 0)
        {
            // builtin constructor stored as __new__ native in the type dict
            let k = self.intern("__new__");
            let d = self.obj::<TypeObj>(t).dict;
            if let Some(ctor) = self.dict_get_str(d, k) {
                if self.is(ctor, Kind::Native) {
                    let nf = self.obj::<NativeObj>(ctor).f;
                    // the type itself is passed as argument 0
                    return nf(
                        self,
                        Args {
                            base: fslot,
                            n: nargs + 1,
                            kwnames,
                        },
                    );
                }
            }
        }
        if t == self.roots.types[Kind::Type as usize] && nargs == 1 && kwnames.is_null() {
            let v = self.at(fslot + 1);
            return Ok(self.type_of(v));
        }
        // user classes (and exceptions): __new__ then __init__
        let inst = self.make_instance(fslot, nargs, kwnames)?;
        // CPython: __init__ runs only when __new__ returned an instance of the class (or of a
        // subclass, whose __init__ then runs).
        let it = self.type_of(inst);
        if !self.is_subtype(it, self.at(fslot)) {
            return Ok(inst);
        }
        let base = self.sp();
        self.push(inst);
        let init = self.lookup_type_str(it, "__init__");
        if let Some(init) = init {
            if self.is(init, Kind::Function) {
                // call init(inst, *args)
                let cs = self.sp();
                self.push(init);
                self.push(self.at(base));
                for i in 0..nargs {
                    self.push(self.at(fslot + 1 + i));
                }
                let r = self.call_slot(cs, nargs + 1, kwnames)?;
                if r != self.none() {
                    let tn = self.type_name(r);
                    self.truncate(base);
                    return Err(
                        self.type_error(format!("__init__() should return None, not '{tn}'"))
                    );
                }
            } else if self.is(init, Kind::Native)
                && (self.is(self.at(base), Kind::List) || self.is(self.at(base), Kind::Dict))
            {
                // list/dict subclass without its own __init__: list.__init__ / dict.__init__ fill it
                let cs = self.sp();
                self.push(init);
                self.push(self.at(base));
                for i in 0..nargs {
                    self.push(self.at(fslot + 1 + i));
                }
                self.call_slot(cs, nargs + 1, kwnames)?;
            } else if nargs > 0
                && !self.is_exception_class(self.at(fslot))
                && self.is(self.at(base), Kind::Instance)
                && self.boxed_base(self.at(base)).is_none()
            {
                let custom_new = self
                    .lookup_type_str(self.at(fslot), "__new__")
                    .is_some_and(|n| !self.is(n, Kind::Native));
                if !custom_new {
                    let tn = self
                        .str_of(self.obj::<TypeObj>(self.at(fslot)).name)
                        .to_string();
                    self.truncate(base);
                    return Err(self.type_error(format!("{tn}() takes no arguments")));
                }
            }
        }
        let inst = self.at(base);
        self.truncate(base);
        Ok(inst)
    }

    /// `ImportError(msg, name=..., path=...)`: the instance on top of the stack gets `msg` (the
    /// only argument) and the `name`/`path` keywords as attributes (the class has them as None).
    fn import_error_attrs(
        &mut self,
        fslot: usize,
        nargs: usize,
        nkw: usize,
        kwnames: Value,
    ) -> PyResult<()> {
        let npos = nargs - nkw;
        for j in 0..nkw {
            let k = self.tuple_items(kwnames)[j];
            let kn = self.str_of(k).to_string();
            if kn != "name" && kn != "path" {
                let tn = self.type_name(self.top());
                return Err(
                    self.type_error(format!("'{kn}' is an invalid keyword argument for {tn}()"))
                );
            }
            let v = self.at(fslot + 1 + npos + j);
            let d = self.obj::<InstanceObj>(self.top()).dict;
            self.dict_set(d, k, v)?;
        }
        if npos == 1 {
            let k = self.intern("msg");
            let v = self.at(fslot + 1);
            let d = self.obj::<InstanceObj>(self.top()).dict;
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    pub fn is_exception_class(&self, t: Value) -> bool {
        self.obj::<TypeObj>(t).flags & TYPE_EXCEPTION != 0
    }

    /// Allocates an instance of the user class at fslot (calling a Python __new__ if defined).
    fn make_instance(&mut self, fslot: usize, nargs: usize, kwnames: Value) -> PyResult<Value> {
        self.os_error_pick_subclass(fslot, nargs, kwnames);
        let t = self.at(fslot);
        if let Some(nw) = self.lookup_type_str(t, "__new__") {
            if !self.is(nw, Kind::Native) {
                let nw = if self.is(nw, Kind::StaticMethod) {
                    self.obj::<WrapperObj>(nw).func
                } else {
                    nw
                };
                let cs = self.sp();
                self.push(nw);
                self.push(self.at(fslot));
                for i in 0..nargs {
                    self.push(self.at(fslot + 1 + i));
                }
                return self.call_slot(cs, nargs + 1, kwnames);
            }
        }
        if let Some(bt) = self.boxed_builtin_of(self.at(fslot)) {
            // a subclass of int, tuple...: the builtin's __new__ makes the value and boxes it
            let k = self.intern("__new__");
            let d = self.obj::<TypeObj>(bt).dict;
            if let Some(ctor) = self.dict_get_str(d, k) {
                let nf = self.obj::<NativeObj>(ctor).f;
                return nf(
                    self,
                    Args {
                        base: fslot,
                        n: nargs + 1,
                        kwnames,
                    },
                );
            }
        }
        let ik = self.obj::<TypeObj>(self.at(fslot)).inst_kind;
        if ik == Kind::Foreign as u64 {
            // A Python subclass of a native class whose instances are Foreign (cffi's FFI): the
            // inherited native constructor makes the object, given the subclass.
            let k = self.intern("__new__");
            if let Some(ctor) = self.lookup_type(self.at(fslot), k) {
                if self.is(ctor, Kind::Native) {
                    let nf = self.obj::<NativeObj>(ctor).f;
                    return nf(
                        self,
                        Args {
                            base: fslot,
                            n: nargs + 1,
                            kwnames,
                        },
                    );
                }
            }
        }
        if ik == Kind::Type as u64 {
            // a metaclass without its own __new__: type.__new__(M, name, bases, ns, **kw)
            return super::metaclass::type_new3(
                self,
                Args {
                    base: fslot,
                    n: nargs + 1,
                    kwnames,
                },
            );
        }
        if ik == Kind::Str as u64 {
            return self.new_str_subclass_instance(fslot, nargs, kwnames);
        }
        if ik == Kind::List as u64 || ik == Kind::Dict as u64 {
            return self.new_builtin_subclass_instance(fslot, ik == Kind::List as u64);
        }
        let inst = self.alloc(Kind::Instance, 0)?;
        if !self.is_exception_class(self.at(fslot)) {
            // attributes go to slots described by a hidden class (attrmap.rs); no dict yet
            // SAFETY: inst was just allocated (no GC point since); the barrier follows.
            unsafe {
                let p = self.payload::<InstanceObj>(inst);
                (*p).cls = self.at(fslot);
                (*p).map = super::attrmap::EMPTY_MAP;
            }
            self.heap.write_barrier(inst);
            self.note_finalizable(inst, self.at(fslot));
            return Ok(inst);
        }
        self.push(inst);
        let d = self.new_dict()?;
        let inst = self.pop();
        // SAFETY: inst was popped after the dict allocation (the last GC point) and the class is read from
        // the stack; the barrier on inst follows the stores.
        unsafe {
            let p = self.payload::<InstanceObj>(inst);
            (*p).cls = self.at(fslot);
            (*p).dict = d;
        }
        // the dict allocation was a GC point: inst may already be old
        self.heap.write_barrier(inst);
        self.note_finalizable(inst, self.at(fslot));
        if self.is_exception_class(self.at(fslot)) {
            self.push(inst);
            let nkw = if kwnames.is_null() {
                0
            } else {
                self.tuple_items(kwnames).len()
            };
            for i in 0..nargs - nkw {
                self.push(self.at(fslot + 1 + i));
            }
            let args = self.new_tuple_from_stack(nargs - nkw)?;
            let inst = self.pop();
            let d = self.obj::<InstanceObj>(inst).dict;
            self.push(inst);
            self.push(args);
            let k = self.intern("args");
            self.dict_set(d, k, args)?;
            // StopIteration.value and SystemExit.code mirror args[0]
            let args = self.pop();
            let inst = self.top();
            let cls = self.type_of(inst);
            let attr = if self.is_subtype(cls, self.builtin_type("StopIteration")) {
                Some("value")
            } else if self.is_subtype(cls, self.builtin_type("SystemExit")) {
                Some("code")
            } else {
                None
            };
            if let Some(attr) = attr {
                let items = self.tuple_items(args);
                let v = match items.len() {
                    0 => self.none(),
                    1 => items[0],
                    _ if attr == "code" => args,
                    _ => items[0],
                };
                let k = self.intern(attr);
                let d = self.obj::<InstanceObj>(self.top()).dict;
                self.dict_set(d, k, v)?;
            }
            let cls = self.type_of(self.top()); // re-read: dict_set may have collected
            if self.is_subtype(cls, self.builtin_type("ImportError")) {
                self.import_error_attrs(fslot, nargs, nkw, kwnames)?;
            }
            let cls = self.type_of(self.top());
            if self.is_subtype(cls, self.builtin_type("OSError")) {
                self.os_error_attrs(fslot, nargs - nkw)?;
            }
            return Ok(self.pop());
        }
        Ok(inst)
    }

    /// `Sub(x)` for a Python subclass of str: str(x) as usual, copied into a fresh str that records
    /// the subclass (a plain str may be shared or interned, so it is never relabelled).
    pub(crate) fn new_str_subclass_instance(
        &mut self,
        fslot: usize,
        nargs: usize,
        kwnames: Value,
    ) -> PyResult<Value> {
        let st = self.roots.types[Kind::Str as usize];
        let k = self.intern("__new__");
        let d = self.obj::<TypeObj>(st).dict;
        let Some(ctor) = self.dict_get_str(d, k) else {
            return Err(self.type_error("str has no constructor"));
        };
        let nf = self.obj::<NativeObj>(ctor).f;
        // str.__new__ makes a subclass instance through here: it must see `str` itself as its cls.
        let cls_slot = self.sp();
        self.push(self.at(fslot));
        self.set_at(fslot, st);
        let s = nf(
            self,
            Args {
                base: fslot,
                n: nargs + 1,
                kwnames,
            },
        );
        self.set_at(fslot, self.at(cls_slot));
        self.truncate(cls_slot);
        let s = s?;
        let text = self.str_of(s).to_string();
        let v = self.alloc(Kind::Str, text.len())?;
        self.fill_str_text(v, &text);
        let cls = self.at(fslot);
        // SAFETY: v was just allocated as a Str (fill_str_text does not allocate) and cls is re-read from
        // the stack after that allocation; v is young and fresh, so no barrier.
        unsafe { (*self.payload::<StrObj>(v)).cls = cls };
        self.note_finalizable(v, cls);
        Ok(v)
    }

    /// An empty list/dict whose class is the Python subclass at `fslot`, with its own `__dict__`.
    pub fn new_builtin_subclass_instance(
        &mut self,
        fslot: usize,
        is_list: bool,
    ) -> PyResult<Value> {
        let v = if is_list {
            self.new_list()?
        } else {
            self.new_dict()?
        };
        self.push(v);
        let attrs = self.new_dict()?;
        let v = self.pop();
        let cls = self.at(fslot);
        // SAFETY: v was popped after the attrs allocation (the last GC point) and is a List or Dict as
        // is_list says; the barrier on v follows the stores.
        unsafe {
            if is_list {
                let p = self.payload::<ListObj>(v);
                (*p).cls = cls;
                (*p).attrs = attrs;
            } else {
                let p = self.payload::<DictObj>(v);
                (*p).cls = cls;
                (*p).attrs = attrs;
            }
        }
        self.heap.write_barrier(v);
        self.note_finalizable(v, cls);
        Ok(v)
    }

    /// The instance created by object.__new__(cls) (used by Python __new__ via super().__new__(cls)).
    pub fn object_new(&mut self, cls: Value) -> PyResult<Value> {
        self.push(cls);
        let inst = self.alloc(Kind::Instance, 0)?;
        if self.top() == self.roots.types[Kind::Instance as usize] {
            // plain object() instances have no __dict__
            let cls = self.pop();
            // SAFETY: inst was just allocated as an Instance and cls popped after that allocation; no GC
            // point before the store.
            unsafe { (*self.payload::<InstanceObj>(inst)).cls = cls };
            return Ok(inst);
        }
        if !self.is_exception_class(self.top()) {
            // attributes go to slots described by a hidden class (attrmap.rs); no dict yet
            let cls = self.pop();
            // SAFETY: inst was just allocated and cls popped after that allocation; no GC point
            // before the stores, and the barrier follows.
            unsafe {
                let p = self.payload::<InstanceObj>(inst);
                (*p).cls = cls;
                (*p).map = super::attrmap::EMPTY_MAP;
            }
            self.heap.write_barrier(inst);
            self.note_finalizable(inst, cls);
            return Ok(inst);
        }
        self.push(inst);
        let d = self.new_dict()?;
        let inst = self.pop();
        let cls = self.pop();
        // SAFETY: inst and cls were popped after the dict allocation (the last GC point); the barrier on
        // inst follows the stores.
        unsafe {
            let p = self.payload::<InstanceObj>(inst);
            (*p).cls = cls;
            (*p).dict = d;
        }
        self.heap.write_barrier(inst);
        self.note_finalizable(inst, cls);
        Ok(inst)
    }

    /// Instances of a class with `__del__` get a heap finalizer: the major collection that finds one
    /// dead queues it, and `run_pending_finalizers` calls its `__del__` once.
    #[inline]
    pub fn note_finalizable(&mut self, inst: Value, cls: Value) {
        if self.obj::<TypeObj>(cls).flags & TYPE_HAS_DEL != 0 {
            self.heap.register_finalizer(inst);
        }
    }

    /// Keyword argument `name` of a native call, if given.
    pub fn kwarg(&self, a: &Args, name: &str) -> Option<Value> {
        if a.kwnames.is_null() {
            return None;
        }
        let names = self.tuple_items(a.kwnames);
        let npos = a.n - names.len();
        for (j, k) in names.iter().enumerate() {
            if self.str_of(*k) == name {
                return Some(self.at(a.base + npos + j));
            }
        }
        None
    }
    /// Number of positional arguments of a native call.
    pub fn npos(&self, a: &Args) -> usize {
        if a.kwnames.is_null() {
            a.n
        } else {
            a.n - self.tuple_items(a.kwnames).len()
        }
    }
    /// Rejects keyword arguments other than `allowed`.
    pub fn check_kwargs(&mut self, a: &Args, fname: &str, allowed: &[&str]) -> PyResult<()> {
        if a.kwnames.is_null() {
            return Ok(());
        }
        let names: Vec<String> = self
            .tuple_items(a.kwnames)
            .iter()
            .map(|k| self.str_of(*k).to_string())
            .collect();
        for n in names {
            if !allowed.contains(&n.as_str()) {
                return Err(self.type_error(format!(
                    "{fname}() got an unexpected keyword argument '{n}'"
                )));
            }
        }
        Ok(())
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn missing_msg(fname: &str, missing: &[String], what: &str) -> String {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    };
    format!(
        "{fname}() missing {} required {what} argument{}: {list}",
        missing.len(),
        plural(missing.len())
    )
}
