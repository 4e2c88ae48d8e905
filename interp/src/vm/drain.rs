//! Draining a generator into a native consumer: `set(x for x in ...)`, `list(genexpr)`,
//! `tuple(genexpr)`, `sorted(genexpr)`, `sum(genexpr)`, `min(genexpr)`, `max(genexpr)`.
//!
//! Resuming a generator from Rust costs a frame push, a nested eval loop and a suspension per item.
//! A consumer that (1) takes every item in order, (2) cannot be observed by the generator (a
//! container it is building, not yet reachable from Python) and (3) handles an item without running
//! Python code and without failing (except MemoryError) cannot tell whether it received each item
//! as it was yielded or a few of them later. So `drain_iter` resumes a generator with the `Drain`
//! mark on its frame: its `yield` of a value the consumer accepts (`Drain::accepts`) stores the
//! value in `roots.drain` and goes on (the yield's result is None, as for `next()`) instead of
//! suspending, up to `CHUNK` values; then it suspends at the next yield as usual. The consumer
//! takes the buffered values first, then the one the generator suspended with. If the generator
//! raises, the buffered values were yielded before the error: they are taken, then the error
//! propagates, as it would have after them. Once the generator yields a value the consumer does not
//! accept, the rest is taken one item at a time: handling that value may make the next ones run
//! Python code (`max()` comparing numbers with an object that became the maximum).
//!
//! Which values a consumer accepts: a list accepts anything (appending runs no Python code); a
//! set only values whose hash and equality are builtin and cannot fail (small ints, exact strs,
//! floats, None, bools): a user `__hash__`/`__eq__` would otherwise run after the generator had
//! moved on; `sum()` from a number, `min()` and `max()` without a key only numbers (small ints,
//! floats, bools).
//!
//! GC: the buffered values are roots (`roots.drain`, traced with the temps). Nested drains (a
//! drained generator calling `set(genexpr)` itself) use the region above the outer one's and put
//! back the outer `Drain` mark when done; the mark names the generator's frame index, so a yield
//! of any other frame (an inlined generator, an outer drained one) suspends as usual.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

/// Values a drained generator may buffer before it suspends anyway (bounds the buffer and the
/// work a consumer receives at once).
const CHUNK: usize = 64;

/// Which values the consumer takes without running Python code.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// Any value (a list being built).
    Any,
    /// Values with a builtin hash and equality that cannot fail (a set being built).
    Hashable,
    /// Small ints, floats and bools (`sum()` from a number: adding them runs no Python code and
    /// cannot fail).
    Number,
}

/// The drain mark: the frame index of the generator being drained, what it may buffer and the
/// length of `roots.drain` at which it suspends.
#[derive(Clone, Copy)]
pub struct Drain {
    pub fidx: usize,
    pub accept: Accept,
    pub limit: usize,
}

impl Drain {
    pub const NONE: Drain = Drain {
        fidx: usize::MAX,
        accept: Accept::Any,
        limit: 0,
    };
}

impl Vm {
    /// Whether the yield of `v` by the entry frame `fidx` goes to the drain buffer (no GC point).
    #[inline(always)]
    pub(super) fn drain_accepts(&self, fidx: usize, v: Value) -> bool {
        let d = self.drain;
        d.fidx == fidx && self.roots.drain.len() < d.limit && self.accepts(d.accept, v)
    }

    /// Whether a consumer of this `Accept` handles `v` without running Python code.
    #[inline(always)]
    fn accepts(&self, accept: Accept, v: Value) -> bool {
        match accept {
            Accept::Any => true,
            Accept::Hashable => {
                v.is_int()
                    || v == self.none()
                    || self.is_exact_str(v)
                    || self.is(v, Kind::Float)
                    || self.is(v, Kind::Bool)
            }
            Accept::Number => v.is_int() || self.is(v, Kind::Float) || self.is(v, Kind::Bool),
        }
    }

    /// Calls `each` on every item of the iterator at `itslot`, in order; a plain generator is
    /// drained (above). `each` gets the item rooted nowhere but in its argument: it roots what it
    /// keeps across its own GC points, and leaves the value stack as it found it (values may sit
    /// above the consumer's own slots).
    pub fn drain_iter(
        &mut self,
        itslot: usize,
        accept: Accept,
        each: &mut dyn FnMut(&mut Vm, Value) -> PyResult<()>,
    ) -> PyResult<()> {
        let mut draining = true;
        loop {
            let it = self.at(itslot);
            if !draining || !it.is_ptr() || self.kind(it) != Kind::Generator {
                match self.next(it)? {
                    Some(v) => each(self, v)?,
                    None => return Ok(()),
                }
                continue;
            }
            let start = self.roots.drain.len();
            // gc-safe: a Drain is plain data (a frame index, a length), no Value
            let saved = self.drain;
            self.drain = Drain {
                fidx: self.roots.frames.len(),
                accept,
                limit: start + CHUNK,
            };
            let r = self.gen_next(it);
            self.drain = saved;
            // the value it suspended with waits (rooted) behind the buffered ones
            let vslot = self.sp();
            let step = match r {
                Ok(Some(v)) => {
                    // a value the consumer does not accept may change how it handles the next
                    // ones (max() comparing numbers with an object that became the maximum):
                    // from then on, one item at a time
                    draining = self.accepts(accept, v);
                    self.push(v);
                    Ok(true)
                }
                Ok(None) => Ok(false),
                Err(e) => Err(e),
            };
            let mut i = start;
            while i < self.roots.drain.len() {
                let x = self.roots.drain[i];
                if let Err(e) = each(self, x) {
                    self.roots.drain.truncate(start);
                    self.truncate(vslot);
                    return Err(e);
                }
                i += 1;
            }
            self.roots.drain.truncate(start);
            match step {
                Ok(true) => {
                    let v = self.at(vslot);
                    self.truncate(vslot);
                    each(self, v)?;
                }
                Ok(false) => return Ok(()),
                Err(e) => return Err(e),
            }
        }
    }
}
