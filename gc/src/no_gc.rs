//! no_gc.rs: `NoGcScope`, the client's promise that a stretch of code reaches no GC point
//! (SpiderMonkey's `JS::AutoCheckCannotGC`, PyPy's `rgc.no_collect`).
//!
//! Code that reads `Value`s into Rust locals or raw payload pointers and uses them afterwards is only
//! correct if nothing in between can collect. Such code opens a scope (`let _g = NoGcScope::new();`):
//! while one is alive (per thread), a collection panics with "GC point inside a NoGcScope", and in debug
//! builds so does any allocation that could collect. Under `MINIPY_GC_STRESS=1` every allocation
//! collects, so the stress passes turn a broken promise into a deterministic failure in release builds
//! too. The counter is thread-local (a heap is used from one thread) so a scope needs no borrow of the
//! heap and can coexist with `&mut` calls that do not collect.
use std::cell::Cell;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// While alive, any collection on this thread panics (see the module docs).
#[must_use = "the scope ends when the guard is dropped"]
pub struct NoGcScope {
    _not_send: std::marker::PhantomData<*const ()>,
}

impl NoGcScope {
    #[inline]
    pub fn new() -> NoGcScope {
        DEPTH.with(|d| d.set(d.get() + 1));
        NoGcScope {
            _not_send: std::marker::PhantomData,
        }
    }
}

impl Default for NoGcScope {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for NoGcScope {
    #[inline]
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

/// True while a `NoGcScope` is alive on this thread.
#[inline]
pub fn in_no_gc_scope() -> bool {
    DEPTH.with(|d| d.get() > 0)
}

/// Panics if a `NoGcScope` is alive: called where a collection (or, in debug builds, an allocation) starts.
#[inline]
pub(crate) fn check_gc_allowed(what: &str) {
    if in_no_gc_scope() {
        no_gc_violation(what);
    }
}

#[cold]
#[inline(never)]
fn no_gc_violation(what: &str) -> ! {
    panic!("minipy-gc: GC point inside a NoGcScope ({what}): the code that opened the scope promised none")
}
