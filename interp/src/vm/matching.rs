//! The runtime half of the `match` statement (compiler/patterns.rs emits the sequences):
//! MatchSequence, MatchMapping, GetLen, MatchKeys, MatchClass and CopyDictWithoutKeys, with
//! CPython 3.11's semantics and messages.
//!
//! GC: the hooks these run (`__len__`, `get`, `__match_args__` lookups, attribute getters,
//! `__instancecheck__`) are Python code and may collect. Every operand and intermediate (the
//! subject, the class, `__match_args__`, the seen-names set, the collected values) is kept in a
//! value-stack slot and re-read from it after each call; nothing is held in a Rust local across one.

use super::{PyResult, Vm};
use crate::obj::layout::*;
use gc::Value;

/// The builtin classes whose class pattern `C(x)` matches the subject itself (CPython's
/// `_Py_TPFLAGS_MATCH_SELF`), as long as the class does not define `__match_args__`.
const MATCH_SELF: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "set",
    "str",
    "tuple",
];

impl Vm {
    /// Whether `type(v)` is (a subclass of) one of the builtin types `names`.
    fn type_is_one_of(&self, v: Value, names: &[&str]) -> bool {
        let t = self.type_of(v);
        names
            .iter()
            .any(|n| self.is_subtype(t, self.builtin_type(n)))
    }

    /// isinstance(stack[slot], module.cls) when `module` has been imported (a class can only
    /// derive from, or be registered with, a class of a module that was imported).
    fn isinstance_of_loaded(&mut self, slot: usize, module: &str, cls: &str) -> PyResult<bool> {
        let Some(m) = self.sys_module(module)? else {
            return Ok(false);
        };
        self.push(m);
        let name = self.intern(cls);
        let m = self.pop();
        let Some(c) = self.getattr_opt(m, name)? else {
            return Ok(false);
        };
        self.push(c);
        let k = self.intern("isinstance");
        let f = self.dict_get_str(self.roots.builtins, k);
        let r = match f {
            Some(f) => {
                let (v, c) = (self.at(slot), self.peek(0));
                self.call(f, &[v, c])
            }
            None => Ok(self.bool_val(false)),
        };
        self.pop();
        let r = r?;
        self.truthy(r)
    }

    /// MatchSequence: (subj -- subj bool). Sequences are list, tuple, range, memoryview, deque,
    /// array and what derives from or registers with collections.abc.Sequence, but never
    /// str, bytes or bytearray.
    pub(super) fn match_sequence(&mut self) -> PyResult<()> {
        let slot = self.sp() - 1;
        let v = self.at(slot);
        let r = if self.type_is_one_of(v, &["list", "tuple", "range", "memoryview"]) {
            true
        } else if self.type_is_one_of(v, &["str", "bytes", "bytearray", "dict"]) {
            false
        } else if self.is(v, Kind::Instance) {
            self.isinstance_of_loaded(slot, "collections", "deque")?
                || self.isinstance_of_loaded(slot, "array", "array")?
                || self.isinstance_of_loaded(slot, "collections.abc", "Sequence")?
        } else {
            false
        };
        let b = self.bool_val(r);
        self.push(b);
        Ok(())
    }

    /// MatchMapping: (subj -- subj bool). Mappings are dicts and what derives from or registers
    /// with collections.abc.Mapping.
    pub(super) fn match_mapping(&mut self) -> PyResult<()> {
        let slot = self.sp() - 1;
        let v = self.at(slot);
        let r = if self.type_is_one_of(v, &["dict"]) {
            true
        } else if self.is(v, Kind::Instance) {
            self.isinstance_of_loaded(slot, "collections.abc", "Mapping")?
        } else {
            false
        };
        let b = self.bool_val(r);
        self.push(b);
        Ok(())
    }

    /// GetLen: (subj -- subj len(subj)).
    pub(super) fn get_len(&mut self) -> PyResult<()> {
        let n = self.len(self.top())?;
        let v = self.new_int(n as i64)?;
        self.push(v);
        Ok(())
    }

    /// MatchKeys: (subj keys -- subj keys values). values is the tuple of `subj.get(key, dummy)`
    /// (a lookup that neither raises nor creates keys, so defaultdict's `__missing__` does not run),
    /// or None when some key is missing.
    pub(super) fn match_keys(&mut self) -> PyResult<()> {
        let base = self.sp() - 2; // subj, keys
        let nkeys = self.tuple_items(self.at(base + 1)).len();
        if nkeys == 0 {
            let t = self.new_tuple(&[])?;
            self.push(t);
            return Ok(());
        }
        let seen = self.new_dict_kind(Kind::Set)?;
        self.push(seen); // base + 2
        let object = self.builtin_type("object");
        let dummy = self.call(object, &[])?;
        self.push(dummy); // base + 3
        let get = self.getattr_str(self.at(base), "get");
        let get = match get {
            Ok(g) => g,
            Err(e) => {
                self.truncate(base + 2);
                return Err(e);
            }
        };
        self.push(get); // base + 4
        let r = self.match_keys_values(base, nkeys);
        let r = match r {
            Ok(Some(())) => self.new_tuple_from_stack(nkeys),
            Ok(None) => Ok(self.none()),
            Err(e) => Err(e),
        };
        self.truncate(base + 2);
        self.push(r?);
        Ok(())
    }

    /// Pushes the values of MatchKeys (None: a key is missing, nothing left pushed).
    fn match_keys_values(&mut self, base: usize, nkeys: usize) -> PyResult<Option<()>> {
        let first = self.sp();
        for i in 0..nkeys {
            let key = self.tuple_items(self.at(base + 1))[i];
            self.push(key);
            let kslot = self.sp() - 1;
            if self.set_contains_slots(base + 2, kslot)? {
                let r = self.repr_string(self.at(kslot))?;
                return Err(self.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
            self.set_add_slots(base + 2, kslot)?;
            let (get, key, dummy) = (self.at(base + 4), self.at(kslot), self.at(base + 3));
            let v = self.call(get, &[key, dummy])?;
            self.pop();
            if v == self.at(base + 3) {
                self.truncate(first);
                return Ok(None);
            }
            self.push(v);
        }
        Ok(Some(()))
    }

    /// CopyDictWithoutKeys: (subj keys -- rest), rest = dict(subj) minus the keys.
    pub(super) fn copy_dict_without_keys(&mut self) -> PyResult<()> {
        let base = self.sp() - 2;
        let d = self.new_dict()?;
        self.push(d); // base + 2
        self.dict_update_from(base + 2, base)?;
        let n = self.tuple_items(self.at(base + 1)).len();
        for i in 0..n {
            let k = self.tuple_items(self.at(base + 1))[i];
            if self.dict_del(self.at(base + 2), k)?.is_none() {
                let k = self.tuple_items(self.at(base + 1))[i];
                return Err(self.key_error(k));
            }
        }
        let d = self.at(base + 2);
        self.truncate(base);
        self.push(d);
        Ok(())
    }

    /// MatchClass(nargs): (subj cls kwnames -- attrs or None).
    pub(super) fn match_class(&mut self, nargs: usize) -> PyResult<()> {
        let base = self.sp() - 3; // subj, cls, kwnames
        let r = self.match_class_attrs(base, nargs);
        let r = match r {
            Ok(Some(n)) => self.new_tuple_from_stack(n),
            Ok(None) => Ok(self.none()),
            Err(e) => Err(e),
        };
        self.truncate(base);
        self.push(r?);
        Ok(())
    }

    /// Pushes the attributes a class pattern extracts and returns how many (None: no match).
    fn match_class_attrs(&mut self, base: usize, nargs: usize) -> PyResult<Option<usize>> {
        let cls = self.at(base + 1);
        if !self.is(cls, Kind::Type) {
            return Err(self.type_error("called match pattern must be a type"));
        }
        let k = self.intern("isinstance");
        if let Some(f) = self.dict_get_str(self.roots.builtins, k) {
            let (subj, cls) = (self.at(base), self.at(base + 1));
            let r = self.call(f, &[subj, cls])?;
            if !self.truthy(r)? {
                return Ok(None);
            }
        }
        let mut seen: Vec<String> = Vec::new();
        let tname = {
            let cls = self.at(base + 1);
            self.str_of(self.obj::<TypeObj>(cls).name).to_string()
        };
        // base + 3: __match_args__ (or None), then the attributes
        let none = self.none();
        self.push(none);
        let first = self.sp();
        if nargs > 0 {
            let k = self.intern("__match_args__");
            let ma = self.getattr_opt(self.at(base + 1), k)?;
            let match_self = match ma {
                Some(ma) => {
                    if !self.is(ma, Kind::Tuple) {
                        let tn = self.type_name(ma);
                        return Err(self.type_error(format!(
                            "{tname}.__match_args__ must be a tuple (got {tn})"
                        )));
                    }
                    self.set_at(base + 3, ma);
                    false
                }
                None => {
                    let t = self.new_tuple(&[])?;
                    self.set_at(base + 3, t);
                    let cls = self.at(base + 1);
                    MATCH_SELF
                        .iter()
                        .any(|n| self.is_subtype(cls, self.builtin_type(n)))
                }
            };
            let allowed = if match_self {
                1
            } else {
                self.tuple_items(self.at(base + 3)).len()
            };
            if allowed < nargs {
                let plural = if allowed == 1 { "" } else { "s" };
                return Err(self.type_error(format!(
                    "{tname}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)"
                )));
            }
            if match_self {
                self.push(self.at(base));
            } else {
                for i in 0..nargs {
                    let name = self.tuple_items(self.at(base + 3))[i];
                    let exact_str = self.is(name, Kind::Str) && !self.is_py_subclass(name);
                    if !exact_str {
                        let tn = self.type_name(name);
                        return Err(self.type_error(format!(
                            "__match_args__ elements must be strings (got {tn})"
                        )));
                    }
                    if !self.match_class_attr(base, name, &tname, &mut seen)? {
                        return Ok(None);
                    }
                }
            }
        }
        let nkw = self.tuple_items(self.at(base + 2)).len();
        for i in 0..nkw {
            let name = self.tuple_items(self.at(base + 2))[i];
            if !self.match_class_attr(base, name, &tname, &mut seen)? {
                return Ok(None);
            }
        }
        Ok(Some(self.sp() - first))
    }

    /// Pushes `subj.name` (false: the subject has no such attribute).
    fn match_class_attr(
        &mut self,
        base: usize,
        name: Value,
        tname: &str,
        seen: &mut Vec<String>,
    ) -> PyResult<bool> {
        let n = self.str_of(name).to_string();
        if seen.contains(&n) {
            let r = self.repr_string(name)?;
            return Err(self.type_error(format!(
                "{tname}() got multiple sub-patterns for attribute {r}"
            )));
        }
        seen.push(n);
        match self.getattr_opt(self.at(base), name)? {
            Some(v) => {
                self.push(v);
                Ok(true)
            }
            None => Ok(false),
        }
    }
}
