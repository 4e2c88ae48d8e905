//! Check mode: where each `ffi.new_handle` token was issued and at which GC collection its handle
//! cdata died, so that `ffi.from_handle` of a dead token names the `new_handle` call site.
//!
//! Tokens are unique until their slot's generation wraps (gc/src/handles.rs), so a table keyed by
//! token is unambiguous. It remembers the last [`MAX_SITES`] handles (older records go first) and
//! hashes tokens with a multiply (they are distinct integers; SipHash was most of the cost). Nothing
//! here holds a `Value`; [`HandleTag`]'s drop runs inside the collector (R7: no allocation of GC
//! objects, no Python code; it only updates this table).

use crate::vm::Vm;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Mutex, MutexGuard};

/// Records kept at most (a program making more handles forgets the oldest).
const MAX_SITES: usize = 1 << 16;

/// A hasher for distinct u64 tokens: one multiply by an odd constant (Fibonacci hashing).
#[derive(Default)]
struct TokenHasher(u64);

impl Hasher for TokenHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (v ^ (v >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

struct Site {
    /// Index into `Sites::files`.
    file: u32,
    line: u32,
    /// The collection during which the handle cdata was freed.
    died_at: Option<u64>,
}

#[derive(Default)]
struct Sites {
    by_token: HashMap<u64, Site, BuildHasherDefault<TokenHasher>>,
    order: VecDeque<u64>,
    /// Script file names, interned (a handle record stores an index).
    files: Vec<String>,
    file_ids: HashMap<String, u32>,
}

static SITES: Mutex<Option<Sites>> = Mutex::new(None);

fn lock() -> MutexGuard<'static, Option<Sites>> {
    SITES.lock().unwrap_or_else(|e| e.into_inner())
}

/// Owned by a check-mode handle cdata: its drop (the cdata died) records the collection number.
pub struct HandleTag(u64);

impl Drop for HandleTag {
    fn drop(&mut self) {
        let n = gc::collections_started();
        if let Some(site) = lock().as_mut().and_then(|s| s.by_token.get_mut(&self.0)) {
            site.died_at = Some(n);
        }
    }
}

/// Records that `ffi.new_handle`, called by the Python code running now, issued `token`.
pub fn note_new_handle(vm: &Vm, token: u64) -> HandleTag {
    let (file, line) = match vm.roots.frames.last() {
        Some(f) => {
            let cd = vm.code_data(f.code);
            (cd.filename.as_str(), cd.line_at(f.ip.saturating_sub(1)))
        }
        None => ("<unknown>", 0),
    };
    let mut g = lock();
    let s = g.get_or_insert_with(Sites::default);
    let file = match s.file_ids.get(file) {
        Some(&i) => i,
        None => {
            let i = s.files.len() as u32;
            s.files.push(file.to_string());
            s.file_ids.insert(file.to_string(), i);
            i
        }
    };
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
    let s = g.as_ref()?;
    let site = s.by_token.get(&token)?;
    let when = match site.died_at {
        Some(n) => format!("its handle cdata died at GC collection #{n}"),
        None => "its handle cdata is gone".to_string(),
    };
    let file = s.files.get(site.file as usize).map_or("?", |f| f.as_str());
    Some(format!(
        "ffi.from_handle(): dead handle {token:#x}: made by ffi.new_handle() at {file}:{}; {when} \
         (keep the cdata returned by new_handle() alive while C holds the pointer)",
        site.line
    ))
}
