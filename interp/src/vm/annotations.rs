//! `SetupAnnotations`: a module or class body with variable annotations starts by making
//! `__annotations__` (an empty dict) in its namespace unless it is already there.

use super::{PyResult, Vm};
use crate::obj::layout::*;

impl Vm {
    pub fn setup_annotations(&mut self, fidx: usize) -> PyResult<()> {
        let f = &self.roots.frames[fidx];
        let ns = if f.locals.is_null() {
            f.globals
        } else {
            f.locals
        };
        if !self.is(ns, Kind::Dict) {
            return Ok(()); // exec() with a non-dict mapping: left to the mapping
        }
        let k = self.intern("__annotations__");
        if self.dict_get_str(ns, k).is_some() {
            return Ok(());
        }
        let d = self.new_dict()?;
        let f = &self.roots.frames[fidx];
        let ns = if f.locals.is_null() {
            f.globals
        } else {
            f.locals
        };
        self.dict_set(ns, k, d)
    }
}
