//! Raising exceptions from Rust, exception objects, tracebacks and their printing.
//!
//! An exception object is an `Instance` of a class derived from BaseException; its dict holds `args`
//! (a tuple), `__tb_entries__` (the traceback: a list of (code, line, globals, lasti) tuples,
//! innermost first; Python code sees `__traceback__`, a chain of traceback objects made from it by
//! vm/tbobj.rs), `__cause__`,
//! `__context__` and `__suppress_context__`. Raising sets `vm.roots.exc` (a root) and returns `Exc`.

use super::{Exc, PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

impl Vm {
    /// Creates an exception instance of the builtin class `tname` with one str argument.
    pub fn new_exception_msg(&mut self, tname: &str, msg: &str) -> PyResult<Value> {
        let t = self.builtin_type(tname);
        let base = self.sp();
        self.push(t);
        let s = self.new_str(msg)?;
        self.push(s);
        let args = self.new_tuple_from_stack(1)?;
        self.push(args);
        let e = self.new_exception_obj(base, base + 1)?;
        self.truncate(base);
        Ok(e)
    }

    /// An exception instance of the class at stack slot `tslot`, with the args tuple at `aslot`.
    pub fn new_exception_obj(&mut self, tslot: usize, aslot: usize) -> PyResult<Value> {
        let inst = self.alloc(Kind::Instance, 0)?;
        self.push(inst);
        let d = self.new_dict()?;
        let inst = self.pop();
        // SAFETY: inst was popped after the dict allocation (the last GC point) and the class is read from
        // the stack; the barrier on inst follows the stores.
        unsafe {
            let p = self.payload::<InstanceObj>(inst);
            (*p).cls = self.at(tslot);
            (*p).dict = d;
        }
        self.heap.write_barrier(inst);
        self.note_finalizable(inst, self.at(tslot));
        self.push(inst);
        let k = self.intern("args");
        let a = self.at(aslot);
        self.dict_set(d, k, a)?;
        Ok(self.pop())
    }

    /// Raises the OSError subclass CPython maps `e`'s errno to, with args `(errno, strerror)` and
    /// the `errno`/`strerror` attributes (an error without errno: OSError(message)).
    pub fn raise_io_error(&mut self, e: &std::io::Error) -> Exc {
        let Some(no) = e.raw_os_error() else {
            return self.raise("OSError", &e.to_string());
        };
        self.raise_os_error(no, None, None)
    }

    /// Raises `tname(msg)`. Returns the `Exc` marker to propagate with `Err`.
    pub fn raise(&mut self, tname: &str, msg: &str) -> Exc {
        match self.new_exception_msg(tname, msg) {
            Ok(e) => self.raise_value(e),
            Err(x) => x,
        }
    }
    /// Raises an existing exception object (sets __context__ from the handled exception).
    pub fn raise_value(&mut self, e: Value) -> Exc {
        if let Some(&ctx) = self.roots.handled.last() {
            if !ctx.is_null() && ctx != e && self.is(e, Kind::Instance) {
                let d = self.obj::<InstanceObj>(e).dict;
                let k = self.intern("__context__");
                if !d.is_null() {
                    self.push(e);
                    let has = self
                        .dict_get_str(d, k)
                        .is_some_and(|v| !v.is_null() && v != self.none());
                    if !has {
                        let _ = self.dict_set(d, k, ctx);
                    }
                    let e2 = self.pop();
                    self.roots.exc = e2;
                    return Exc;
                }
            }
        }
        self.roots.exc = e;
        Exc
    }
    pub fn type_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.raise("TypeError", msg.as_ref())
    }
    pub fn value_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.raise("ValueError", msg.as_ref())
    }
    pub fn index_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.raise("IndexError", msg.as_ref())
    }
    pub fn overflow_error(&mut self, msg: impl AsRef<str>) -> Exc {
        self.raise("OverflowError", msg.as_ref())
    }
    pub fn zero_div(&mut self, msg: impl AsRef<str>) -> Exc {
        self.raise("ZeroDivisionError", msg.as_ref())
    }
    pub fn memory_error(&mut self) -> Exc {
        // A MemoryError must not need memory: use a preallocated instance if the heap is exhausted.
        self.raise("MemoryError", "")
    }
    /// KeyError(key)
    pub fn key_error(&mut self, key: Value) -> Exc {
        let base = self.sp();
        let t = self.builtin_type("KeyError");
        self.push(t);
        self.push(key);
        let r = (|| -> PyResult<Value> {
            let args = self.new_tuple_from_stack(1)?;
            self.push(args);
            self.new_exception_obj(base, base + 1)
        })();
        self.truncate(base);
        match r {
            Ok(e) => self.raise_value(e),
            Err(x) => x,
        }
    }
    pub fn attr_error(&mut self, obj: Value, name: Value) -> Exc {
        let tn = self.type_name(obj);
        let n = self.str_of(name).to_string();
        if self.is(obj, Kind::Module) {
            let mn = self.obj::<ModuleObj>(obj).name;
            let mn = self.str_of(mn).to_string();
            return self.raise(
                "AttributeError",
                &format!("module '{mn}' has no attribute '{n}'"),
            );
        }
        if self.is(obj, Kind::Type) {
            let cn = self.str_of(self.obj::<TypeObj>(obj).name).to_string();
            return self.raise(
                "AttributeError",
                &format!("type object '{cn}' has no attribute '{n}'"),
            );
        }
        self.raise(
            "AttributeError",
            &format!("'{tn}' object has no attribute '{n}'"),
        )
    }

    /// Is `e` an instance of the builtin exception class `tname` (or a subclass)?
    pub fn exc_matches(&self, e: Value, tname: &str) -> bool {
        let t = self.builtin_type(tname);
        let cls = self.type_of(e);
        self.is_subtype(cls, t)
    }

    /// Takes the pending exception (clears vm.exc).
    pub fn take_exc(&mut self) -> Value {
        std::mem::replace(&mut self.roots.exc, Value::NULL)
    }

    /// Appends a traceback entry (code, line, globals, lasti) to the pending exception.
    pub fn add_traceback(&mut self, code: Value, line: u32, globals: Value, ip: usize) {
        let e = self.roots.exc;
        if !self.is(e, Kind::Instance) {
            return;
        }
        let saved = self.take_exc();
        let base = self.sp();
        self.push(saved);
        self.push(code);
        self.push(globals);
        let r = (|| -> PyResult<()> {
            let k = self.intern("__tb_entries__");
            let d = self.obj::<InstanceObj>(self.at(base)).dict;
            let tb = match self.dict_get_str(d, k) {
                Some(l) if self.is(l, Kind::List) => l,
                _ => {
                    let l = self.new_list()?;
                    self.push(l);
                    let d = self.obj::<InstanceObj>(self.at(base)).dict;
                    self.dict_set(d, k, l)?;
                    self.pop() // re-read: dict_set was a GC point
                }
            };
            self.push(tb);
            self.push(self.at(base + 1));
            self.push(Value::from_int(line as i64).unwrap());
            self.push(self.at(base + 2));
            self.push(Value::from_int(2 * ip as i64).unwrap());
            let t = self.new_tuple_from_stack(4)?;
            self.push(t);
            self.list_append_from_stack(base + 3)?;
            Ok(())
        })();
        let _ = r;
        self.roots.exc = self.at(base);
        self.truncate(base);
    }

    /// Renders `Type: message` for an exception, as the last line of a traceback.
    pub fn format_exception_only(&mut self, e: Value) -> String {
        let cls = self.type_of(e);
        let mut name = self.str_of(self.obj::<TypeObj>(cls).qualname).to_string();
        let m = self.obj::<TypeObj>(cls).module;
        if !m.is_null() && self.is(m, Kind::Str) {
            let ms = self.str_of(m);
            if ms != "builtins" && ms != "__main__" {
                name = format!("{ms}.{name}");
            }
        }
        let base = self.sp();
        self.push(e);
        let msg = match self.str_value(e) {
            Ok(s) => self.str_of(s).to_string(),
            Err(_) => {
                self.take_exc();
                "<exception str() failed>".to_string()
            }
        };
        self.truncate(base);
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    pub(super) fn exc_attr(&mut self, e: Value, name: &str) -> Option<Value> {
        if !self.is(e, Kind::Instance) {
            return None;
        }
        let d = self.obj::<InstanceObj>(e).dict;
        if d.is_null() {
            return None;
        }
        let k = self.intern(name);
        self.dict_get_str(d, k)
            .filter(|v| !v.is_null() && *v != self.none())
    }

    /// The full CPython-style report of an uncaught exception, with cause/context chains. The
    /// chain is followed iteratively and stops at an exception already in it (CPython's `_seen`),
    /// so cycles (`a.__context__ = b; b.__context__ = a`) and long chains stay linear.
    pub fn format_traceback(&mut self, e: Value) -> String {
        let base = self.sp();
        self.push(e);
        // links[i]: how stack[base + i] follows from stack[base + i + 1] (true: __cause__).
        let mut links: Vec<bool> = Vec::new();
        loop {
            let cur = self.at(self.sp() - 1);
            let next = if let Some(cause) = self.exc_attr(cur, "__cause__") {
                Some((cause, true))
            } else if let Some(ctx) = self.exc_attr(cur, "__context__") {
                let sup = self.exc_attr(cur, "__suppress_context__");
                let suppressed = sup.is_some_and(|v| v == self.bool_val(true));
                (!suppressed).then_some((ctx, false))
            } else {
                None
            };
            match next {
                Some((n, is_cause)) if !self.roots.stack[base..].contains(&n) => {
                    self.push(n);
                    links.push(is_cause);
                }
                _ => break,
            }
        }
        let mut out = String::new();
        for i in (0..links.len() + 1).rev() {
            let s = self.format_one_exception(base + i);
            out.push_str(&s);
            if i > 0 {
                out.push_str(if links[i - 1] {
                    "\nThe above exception was the direct cause of the following exception:\n\n"
                } else {
                    "\nDuring handling of the above exception, another exception occurred:\n\n"
                });
            }
        }
        self.truncate(base);
        out
    }

    /// One exception's traceback and message (the exception at stack slot `base`, the top); an
    /// exception group in CPython's boxed format (vm/exc_group_tb.rs).
    fn format_one_exception(&mut self, base: usize) -> String {
        if self.is_exception_group(self.at(base)) {
            return self.format_exception_group(base);
        }
        self.format_plain_exception(base)
    }

    /// One exception's traceback and message (the exception at stack slot `base`, the top).
    pub(super) fn format_plain_exception(&mut self, base: usize) -> String {
        let mut out = String::new();
        let e = self.at(base);
        if let Some(tb) = self
            .exc_attr(e, "__tb_entries__")
            .filter(|t| self.is(*t, Kind::List))
        {
            out.push_str("Traceback (most recent call last):\n");
            let n = self.list_len(tb);
            for i in (0..n).rev() {
                let ent = self.list_items(tb)[i];
                let (code, line) = (self.tuple_items(ent)[0], self.tuple_items(ent)[1].as_int());
                let cd = self.code_data(code);
                let name = if cd.kind == crate::bytecode::CodeKind::Module {
                    "<module>".to_string()
                } else {
                    cd.name.clone()
                };
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    cd.filename, line, name
                ));
                if let Some(src) = source_line(&cd.filename, line as usize) {
                    out.push_str(&format!("    {}\n", src.trim()));
                }
            }
        }
        let e = self.at(base);
        if self.exc_matches(e, "SyntaxError") {
            // CPython shows where the syntax error is instead of a code frame.
            let file = self
                .exc_attr(e, "filename")
                .map(|v| self.str_of(v).to_string());
            let line = self
                .exc_attr(self.at(base), "lineno")
                .and_then(|v| self.to_i64(v));
            let text = self
                .exc_attr(self.at(base), "text")
                .map(|v| self.str_of(v).to_string());
            if let (Some(f), Some(l)) = (file, line) {
                out.push_str(&format!("  File \"{f}\", line {l}\n"));
                if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
                    out.push_str(&format!("    {}\n", t.trim()));
                }
            }
            let e = self.at(base);
            let msg = self
                .exc_attr(e, "msg")
                .map(|v| self.str_of(v).to_string())
                .unwrap_or_default();
            let tn = self.type_name(e);
            out.push_str(&format!("{tn}: {msg}\n"));
            self.truncate(base + 1);
            return out;
        }
        let e = self.at(base);
        let last = self.format_exception_only(e);
        out.push_str(&last);
        out.push('\n');
        self.truncate(base + 1);
        out
    }
}

fn source_line(filename: &str, line: usize) -> Option<String> {
    let text = match crate::stdlib::source_of(filename) {
        Some(t) => t.to_string(),
        None => std::fs::read_to_string(filename).ok()?,
    };
    let l = text.lines().nth(line.checked_sub(1)?)?;
    if l.trim().is_empty() {
        None
    } else {
        Some(l.to_string())
    }
}

impl Vm {
    /// Reports the pending exception as CPython reports one it cannot raise (from `__del__`, a
    /// weakref callback): "Exception ignored in: <repr of the object at `named_slot`>" and the
    /// traceback, on stderr.
    pub fn report_ignored(&mut self, named_slot: usize) {
        let e = self.take_exc();
        self.push(e); // rooted across the repr (a GC point)
        let named = self.at(named_slot);
        let what = self
            .repr_string(named)
            .unwrap_or_else(|_| "<object>".into());
        self.take_exc();
        let e = self.pop();
        let text = self.format_traceback(e);
        self.flush_stdout();
        let msg = format!("Exception ignored in: {what}\n{text}");
        eprint!("{}", crate::unicode::for_stderr(&msg));
    }

    /// Runs client-level finalizers queued by the heap (objects registered with
    /// `heap.register_finalizer` and found dead by a major collection). Each object's type provides
    /// `__minipy_finalize__` (e.g. cffi's `ffi.gc` cdata). Called at safe points: between bytecodes
    /// (on calls and returns) and by `gc.collect()`. Exceptions are reported as CPython does for
    /// `__del__` ("Exception ignored in: ...") and never propagate.
    pub fn run_pending_finalizers(&mut self) {
        if self.finalizers_running {
            return;
        }
        self.finalizers_running = true;
        let saved_exc = self.take_exc();
        let base = self.sp();
        self.push(saved_exc);
        while let Some(obj) = self.heap.pop_finalizer() {
            self.push(obj);
            // Generators are closed (their `finally` blocks run); instances of classes with `__del__`
            // get it called; runtime objects (cffi's ffi.gc cdata) provide `__minipy_finalize__`.
            // A failure names what CPython names: the `__del__` function, else the object.
            let (f, names_obj) = if self.is(obj, Kind::Generator) {
                (self.special(obj, "close"), true)
            } else if let Some(f) = self.special(obj, "__minipy_finalize__") {
                (Some(f), true)
            } else {
                (self.special(obj, "__del__"), false)
            };
            if let Some(f) = f {
                self.push(f); // base + 2, obj is at base + 1
                let obj = self.at(base + 1);
                if self.call(f, &[obj]).is_err() {
                    self.report_ignored(if names_obj { base + 1 } else { base + 2 });
                }
            }
            self.truncate(base + 1);
        }
        self.run_weak_callbacks();
        self.roots.exc = self.at(base);
        self.truncate(base);
        self.finalizers_running = false;
    }
}
