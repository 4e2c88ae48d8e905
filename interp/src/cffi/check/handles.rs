//! Check mode: where each `ffi.new_handle` token was issued and at which GC collection its handle
//! cdata died, so that `ffi.from_handle` of a dead token names the `new_handle` call site.
//!
//! Tokens are unique until their slot's generation wraps (gc/src/handles.rs), so a table keyed by
//! token is unambiguous. It is capped ([`MAX_SITES`]): the oldest records go first. Nothing here
//! holds a `Value`; [`HandleTag`]'s drop runs inside the collector (R7: no allocation of GC objects,
//! no Python code; it only updates this table).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// Records kept at most (a program making more handles forgets the oldest).
const MAX_SITES: usize = 1 << 20;

struct Site {
    file: String,
    line: u32,
    /// The collection during which the handle cdata was freed.
    died_at: Option<u64>,
}

#[derive(Default)]
struct Sites {
    by_token: HashMap<u64, Site>,
    order: VecDeque<u64>,
}

static SITES: Mutex<Option<Sites>> = Mutex::new(None);

fn lock() -> std::sync::MutexGuard<'static, Option<Sites>> {
    SITES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Owned by a check-mode handle cdata: its drop (the cdata died) records the collection number.
pub struct HandleTag(pub u64);

impl Drop for HandleTag {
    fn drop(&mut self) {
        let n = gc::collections_started();
        if let Some(site) = lock().as_mut().and_then(|s| s.by_token.get_mut(&self.0)) {
            site.died_at = Some(n);
        }
    }
}

/// Records that `ffi.new_handle` at `file:line` issued `token`.
pub fn note_new_handle(token: u64, file: String, line: u32) -> HandleTag {
    let mut g = lock();
    let s = g.get_or_insert_with(Sites::default);
    if s.order.len() >= MAX_SITES {
        if let Some(old) = s.order.pop_front() {
            s.by_token.remove(&old);
        }
    }
    s.order.push_back(token);
    s.by_token.insert(
        token,
        Site {
            file,
            line,
            died_at: None,
        },
    );
    HandleTag(token)
}

/// The error text for `ffi.from_handle` of `token`, if it is a handle this run issued (now dead).
pub fn describe_dead(token: u64) -> Option<String> {
    let g = lock();
    let site = g.as_ref()?.by_token.get(&token)?;
    let when = match site.died_at {
        Some(n) => format!("its handle cdata died at GC collection #{n}"),
        None => "its handle cdata is gone".to_string(),
    };
    Some(format!(
        "ffi.from_handle(): dead handle {token:#x}: made by ffi.new_handle() at {}:{}; {when} \
         (keep the cdata returned by new_handle() alive while C holds the pointer)",
        site.file, site.line
    ))
}
