//! The compiled programs of `_re`, by id. A program is shared by every compile of the same
//! (pattern, type, flags) and reference-counted: `compile` takes a reference, `release` (called by
//! `Pattern.__del__` in re.py) drops one, and the last drop frees the program and its id for reuse.
//! Plain Rust data only: no `Value` lives here.

use super::parser::PErr;
use super::program::Prog;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// (pattern code points, is str, flags).
pub type Key = (Vec<u32>, bool, u32);
/// (number of groups, (name, group) pairs, flags after inline flags).
pub type Meta = (usize, Vec<(String, usize)>, u32);

struct Entry {
    prog: Rc<Prog>,
    meta: Meta,
    key: Key,
    refs: usize,
}

#[derive(Default)]
struct Table {
    slots: Vec<Option<Entry>>,
    free: Vec<usize>,
    by_key: HashMap<Key, usize>,
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

/// The id and metadata of the program for `key`, compiled by `make` if not already there; takes a
/// reference.
pub fn acquire(
    key: Key,
    make: impl FnOnce(&Key) -> Result<(Prog, Meta), PErr>,
) -> Result<(usize, Meta), PErr> {
    let known = TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let id = *t.by_key.get(&key)?;
        let e = t.slots[id].as_mut()?;
        e.refs += 1;
        Some((id, e.meta.clone()))
    });
    if let Some(r) = known {
        return Ok(r);
    }
    let (prog, meta) = make(&key)?;
    Ok(TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let entry = Entry {
            prog: Rc::new(prog),
            meta: meta.clone(),
            key: key.clone(),
            refs: 1,
        };
        let id = match t.free.pop() {
            Some(id) => {
                t.slots[id] = Some(entry);
                id
            }
            None => {
                t.slots.push(Some(entry));
                t.slots.len() - 1
            }
        };
        t.by_key.insert(key, id);
        (id, meta)
    }))
}

pub fn get(id: i64) -> Option<Rc<Prog>> {
    let i = usize::try_from(id).ok()?;
    TABLE.with(|t| t.borrow().slots.get(i)?.as_ref().map(|e| e.prog.clone()))
}

/// Drops one reference; false if `id` names no program.
pub fn release(id: i64) -> bool {
    let Ok(i) = usize::try_from(id) else {
        return false;
    };
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let Some(Some(e)) = t.slots.get_mut(i) else {
            return false;
        };
        e.refs -= 1;
        if e.refs == 0 {
            let e = t.slots[i].take().unwrap();
            t.by_key.remove(&e.key);
            t.free.push(i);
        }
        true
    })
}
