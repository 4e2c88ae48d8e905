//! range_iterator (`RangeIterObj { next, step, remaining }`): plain machine ints, no `Value` fields
//! (a range whose bounds do not fit an i64 is refused by `range_tuple` before an iterator is made).
//! `range_next` is inlined in the eval loop's FOR_ITER (through `Vm::next_fast`).

use super::{alloc_with, iterator_slots, payload_mut};
use crate::obj::layout::{Kind, RangeIterObj};
use crate::objects::TypeSlots;
use crate::vm::{PyResult, Vm};
use gc::Value;

pub static RANGE_ITER: TypeSlots = iterator_slots("range_iterator", range_next);

impl Vm {
    /// A new range iterator producing `len` values from `start` by `step`.
    pub fn new_range_iter(&mut self, start: i64, step: i64, len: i64) -> PyResult<Value> {
        alloc_with::<RangeIterObj>(self, Kind::RangeIter, &[], |p, _| {
            p.next = start;
            p.step = step;
            p.remaining = len;
        })
    }
}

#[inline(always)]
pub fn range_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let p = payload_mut::<RangeIterObj>(vm, it);
    if p.remaining <= 0 {
        return Ok(None);
    }
    let cur = p.next;
    p.remaining -= 1;
    p.next = cur.wrapping_add(p.step);
    vm.new_int(cur).map(Some)
}
