//! The repr of the builtin containers (list, tuple, dict, set, frozenset): one recursion guard shared
//! by all of them (`container_repr_with`), and the sequence body shared by list and tuple. The dict
//! and set bodies live with their types (`dict::repr_body`, `set::repr_body`); each type's repr slot
//! calls `container_repr`.
//!
//! The guard is a list of `id()`s (stable across moves), so a container that contains itself prints
//! `[...]`/`{...}`/`(...)` instead of recursing; nesting deeper than the recursion limit raises
//! RecursionError.
//!
//! GC contract: the container is rooted on the value stack for the whole repr and the body gets its
//! slot: an item's `__repr__` may run Python, which may collect and even mutate the container, so the
//! body re-reads the container (and its length) after every item.

use crate::obj::layout::*;
use crate::vm::{PyResult, Vm};
use gc::Value;

/// Renders the container at the given stack slot (the guard has been entered).
pub type ReprBody = fn(&mut Vm, usize) -> PyResult<String>;

impl Vm {
    /// repr of a list, tuple, dict, set or frozenset, by its kind.
    pub fn container_repr(&mut self, v: Value) -> PyResult<String> {
        match self.kind(v) {
            Kind::List | Kind::Tuple => self.container_repr_with(v, seq_body),
            Kind::Dict => self.container_repr_with(v, super::dict::repr_body),
            _ => self.container_repr_with(v, super::set::repr_body),
        }
    }

    /// Runs `body` on `v` inside the recursion guard.
    pub fn container_repr_with(&mut self, v: Value, body: ReprBody) -> PyResult<String> {
        let id = self.heap.id_of(v);
        let k = self.kind(v);
        if self.repr_guard.contains(&id) {
            return Ok(match k {
                Kind::List => "[...]",
                Kind::Dict => "{...}",
                _ => "(...)",
            }
            .into());
        }
        if self.repr_guard.len() > self.recursion_limit {
            return Err(self.raise(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.repr_guard.push(id);
        let base = self.sp();
        self.push(v);
        let r = body(self, base);
        self.truncate(base);
        self.repr_guard.pop();
        r
    }
}

/// `[a, b]` / `(a, b)` / `(a,)` for the list or tuple at `slot`.
fn seq_body(vm: &mut Vm, slot: usize) -> PyResult<String> {
    let k = vm.kind(vm.at(slot));
    let mut out = String::new();
    out.push(if k == Kind::List { '[' } else { '(' });
    let mut i = 0;
    loop {
        let v = vm.at(slot);
        let items = if k == Kind::List {
            vm.list_items(v)
        } else {
            vm.tuple_items(v)
        };
        if i >= items.len() {
            break;
        }
        let x = items[i];
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.repr_string(x)?);
        i += 1;
    }
    if k == Kind::Tuple && i == 1 {
        out.push(',');
    }
    out.push(if k == Kind::List { ']' } else { ')' });
    Ok(out)
}
