//! Constructors and accessors for the basic value kinds (int, float, cell...). The storage of
//! the kinds with their own module lives there (`objects/list/storage.rs`, `objects/str/storage.rs`,
//! `objects/bytes/storage.rs`, `objects/tuple.rs`, `objects/slice.rs`).
//!
//! Constructors taking `Value` arguments take them from the value stack (`*_from_stack`), or are given
//! values they re-read after allocating, so no argument is held in a Rust local across the allocation.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

impl Vm {
    pub fn new_cell(&mut self, v: Value) -> PyResult<Value> {
        self.push(v);
        let c = self.alloc(Kind::Cell, 0)?;
        let v = self.pop();
        // SAFETY: c was just allocated as a Cell and v re-read from the stack after it; no GC point before
        // the store.
        unsafe { (*self.payload::<CellObj>(c)).value = v };
        Ok(c)
    }
}
