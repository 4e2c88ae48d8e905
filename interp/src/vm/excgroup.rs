//! The VM side of exception groups (PEP 654). The classes and the except* runtime are Python, in
//! the embedded module `_excgroup` (interp/lib/_excgroup.py), imported on first use: when a
//! program names `ExceptionGroup`/`BaseExceptionGroup` (a lookup that misses builtins lands in
//! [`Vm::lazy_builtin`]) or runs an except* clause (the CheckEgMatch and PrepReraiseStar opcodes).
//!
//! GC: operands stay in their value-stack slots while the helpers (Python code) run; results are
//! written back only after the calls return.

use super::{PyResult, Vm};
use gc::Value;

/// The builtins that live in `_excgroup`.
const LAZY: &[&str] = &["BaseExceptionGroup", "ExceptionGroup"];

impl Vm {
    /// The last resort of a name lookup that missed builtins: a builtin defined by an embedded
    /// module, loaded on the first lookup of its name (`name` is a str), else the NameError.
    pub fn lazy_builtin(&mut self, name: Value) -> PyResult<Value> {
        let n = self.str_of(name);
        if !LAZY.contains(&n) {
            return Err(self.name_error(name));
        }
        self.push(name);
        let r = self.import_module("_excgroup", true);
        let name = self.pop();
        r?;
        match self.dict_get_str(self.roots.builtins, name) {
            Some(v) => Ok(v),
            None => Err(self.name_error(name)),
        }
    }

    /// Calls `_excgroup.<fname>` with the values at stack slots `base..sp`.
    fn excgroup_helper(&mut self, fname: &str, base: usize) -> PyResult<Value> {
        let m = self.import_module("_excgroup", true)?;
        let f = self.getattr_str(m, fname)?;
        let args: Vec<Value> = self.roots.stack[base..].to_vec();
        self.call(f, &args)
    }

    /// CheckEgMatch: (rest type -- rest' match). match is None when the clause does not apply;
    /// otherwise it becomes the handled exception (sys.exc_info(), the context of what the
    /// clause raises).
    pub(super) fn check_eg_match(&mut self) -> PyResult<()> {
        let base = self.sp() - 2;
        let pair = self.excgroup_helper("_check_eg_match", base)?;
        let (rest, m) = {
            let items = self.tuple_items(pair);
            (items[0], items[1])
        };
        self.set_at(base, rest);
        self.set_at(base + 1, m);
        if m != self.none() {
            if let Some(h) = self.roots.handled.last_mut() {
                *h = m;
            }
        }
        Ok(())
    }

    /// PrepReraiseStar: (orig list -- exc) what the except* statement raises, or None.
    pub(super) fn prep_reraise_star(&mut self) -> PyResult<()> {
        let base = self.sp() - 2;
        let r = self.excgroup_helper("_prep_reraise_star", base)?;
        self.truncate(base);
        self.push(r);
        Ok(())
    }
}
