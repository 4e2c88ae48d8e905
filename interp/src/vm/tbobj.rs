//! Traceback and frame objects as Python code sees them. The VM records a traceback as a list of
//! (code, line, globals, lasti) entries in the exception's `__tb_entries__` (vm/exc.rs `add_traceback`, cheap at every unwind step);
//! the objects are made on demand by the embedded library module `_tb` (interp/lib/_tb.py, whose
//! header documents the snapshot semantics of frames): `exc.__traceback__` builds a chain from the
//! entries, `with_traceback(tb)` stores a chain back as entries, and `live_frames` snapshots the
//! running frames for sys._getframe.
//!
//! GC: everything here calls Python; values are kept on the value stack and re-read by slot.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

impl Vm {
    /// Calls `_tb.<fname>(arg)`.
    fn tb_helper(&mut self, fname: &str, arg: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(arg);
        let r = (|| {
            let m = self.import_module("_tb", true)?;
            let f = self.getattr_str(m, fname)?;
            self.call(f, &[self.at(base)])
        })();
        self.truncate(base);
        r
    }

    /// `exc.__traceback__`: a traceback chain built from the recorded entries (None if there are
    /// none); a value stored by assignment (`exc.__traceback__ = x`, kept in the instance dict) is
    /// answered as it is.
    pub fn traceback_of(&mut self, e: Value) -> PyResult<Value> {
        let Some(d) = self.instance_dict(e) else {
            return Ok(self.none());
        };
        let k = self.intern("__traceback__");
        if let Some(v) = self.dict_get_str(d, k) {
            return Ok(v); // assigned by Python code
        }
        let k = self.intern("__tb_entries__");
        match self.dict_get_str(d, k) {
            Some(l) if self.is(l, Kind::List) => {
                if self.list_len(l) == 0 {
                    return Ok(self.none());
                }
                self.tb_helper("from_entries", l)
            }
            Some(v) => Ok(v),
            None => Ok(self.none()),
        }
    }

    /// `exc.with_traceback(tb)`: stores tb's entries (or None), dropping an assigned `__traceback__`.
    pub fn set_traceback(&mut self, e: Value, tb: Value) -> PyResult<()> {
        let base = self.sp();
        self.push(e);
        let r = (|| {
            let entries = if tb == self.none() {
                tb
            } else {
                self.tb_helper("to_entries", tb)?
            };
            self.push(entries);
            if let Some(d) = self.instance_dict(self.at(base)) {
                let k = self.intern("__traceback__");
                self.dict_del(d, k)?;
            }
            if let Some(d) = self.instance_dict(self.at(base)) {
                let k = self.intern("__tb_entries__");
                self.dict_set(d, k, self.at(base + 1))?;
            }
            Ok(())
        })();
        self.truncate(base);
        r
    }

    /// Snapshots of the running frames from the `depth`-th one down (0: the innermost), linked by
    /// f_back; ValueError("call stack is not deep enough") past the outermost.
    pub fn live_frames(&mut self, depth: usize) -> PyResult<Value> {
        let n = self.roots.frames.len();
        if depth >= n {
            return Err(self.value_error("call stack is not deep enough"));
        }
        let base = self.sp();
        let r = (|| {
            for fi in (0..n - depth).rev() {
                self.push_frame_info(fi)?;
            }
            let l = self.new_list()?;
            self.push(l);
            for i in 0..n - depth {
                self.push(self.at(base + i));
                self.list_append_from_stack(base + n - depth)?;
            }
            let l = self.at(base + n - depth);
            self.tb_helper("from_live", l)
        })();
        self.truncate(base);
        r
    }

    /// Pushes (code, lineno, globals, locals, lasti) for frame index `fi`.
    fn push_frame_info(&mut self, fi: usize) -> PyResult<()> {
        let f = self.roots.frames[fi];
        let start = self.sp();
        let cd = self.code_data(f.code);
        let ip = f.ip.saturating_sub(1);
        let line = cd.line_at(ip);
        let is_module = cd.kind == crate::bytecode::CodeKind::Module;
        self.push(f.code);
        self.push(Value::from_int(line as i64).unwrap_or(Value::NULL));
        self.push(f.globals);
        if !f.locals.is_null() {
            self.push(f.locals);
        } else if is_module {
            self.push(f.globals);
        } else {
            let d = self.fast_locals_dict(fi)?;
            self.push(d);
        }
        self.push(Value::from_int(2 * ip as i64).unwrap_or(Value::NULL));
        let t = self.new_tuple_from_stack(5)?;
        self.truncate(start);
        self.push(t);
        Ok(())
    }

    /// A dict of a function frame's bound fast locals and cell contents.
    fn fast_locals_dict(&mut self, fi: usize) -> PyResult<Value> {
        let d = self.new_dict()?;
        let base = self.sp();
        self.push(d);
        let names: Vec<String> = {
            let f = self.roots.frames[fi];
            let cd = self.code_data(f.code);
            cd.varnames
                .iter()
                .chain(cd.cellvars.iter())
                .chain(cd.freevars.iter())
                .cloned()
                .collect()
        };
        let nlocals = self.code_data(self.roots.frames[fi].code).nlocals;
        for (i, name) in names.iter().enumerate() {
            let f = self.roots.frames[fi];
            let mut v = self.at(f.base + i);
            if i >= nlocals && !v.is_null() && self.is(v, Kind::Cell) {
                v = self.obj::<CellObj>(v).value;
            }
            if v.is_null() {
                continue;
            }
            self.push(v);
            let k = self.new_str(name)?;
            let v = self.pop();
            self.dict_set(self.at(base), k, v)?;
        }
        Ok(self.pop())
    }
}
