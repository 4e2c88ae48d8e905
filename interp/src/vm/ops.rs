//! Operators: truth, hashing, equality and ordering, arithmetic, sequence operators, and dispatch to
//! Python-level dunder methods (`__add__`/`__radd__`, ...). Each generic operation takes its inline
//! fast path (two small ints), then the kind's slot (`objects::slots`): the numbers' hashes, comparisons
//! and arithmetic live in `objects/int` and `objects/float`.
//!
//! Hashes follow CPython where it is observable (ints: modulo 2^61-1; floats equal to ints hash alike)
//! and always fit in a small int (|h| < 2^62), which the dict layout relies on.

use super::{PyResult, Vm};
use crate::bytecode::{BinOp, CmpOp};
use crate::obj::layout::*;
use crate::objects;
use crate::objects::float::float_eq_int;
use crate::objects::int::{hash_bigint, hash_i64};
use gc::Value;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// FNV-1a, truncated to 62 bits; str hashes are not randomized.
pub fn hash_bytes(b: &[u8]) -> i64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    let h = (h >> 2) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The dict table's small-int hash of an object whose `hash()` is `full`: itself when it fits the
/// small-int range (ints, str, most instances), else shifted into it. Every kind folds its full
/// hash through this one function, so objects with equal `hash()` (a namedtuple instance and its
/// tuple) land on the same dict slot.
pub fn small_hash(full: i64) -> i64 {
    if full.unsigned_abs() < 1 << 62 {
        full
    } else {
        full >> 2
    }
}

/// CPython's hash of the int a `__hash__` returned: itself if it fits 64 bits (-1 becomes -2),
/// else the int's own hash.
fn hash_of_hash_result(n: &BigInt) -> i64 {
    match n.to_i64() {
        Some(-1) => -2,
        Some(h) => h,
        None => hash_bigint(n),
    }
}

impl Vm {
    // ---- truth ---------------------------------------------------------------------------------
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        if v.is_int() {
            return Ok(v.as_int() != 0);
        }
        let kind = self.kind(v);
        if let Some(f) = objects::slots(kind).truthy {
            return f(self, v);
        }
        match kind {
            Kind::Instance | Kind::Foreign => {
                if let Some(f) = self.special(v, "__bool__") {
                    let r = self.call(f, &[v])?;
                    if !self.is(r, Kind::Bool) {
                        let tn = self.type_name(r);
                        return Err(
                            self.type_error(format!("__bool__ should return bool, returned {tn}"))
                        );
                    }
                    return Ok(self.obj::<BoolObj>(r).value != 0);
                }
                if let Some(f) = self.special(v, "__len__") {
                    let r = self.call(f, &[v])?;
                    return Ok(self.to_i64(r).unwrap_or(1) != 0);
                }
                Ok(true)
            }
            _ => Ok(true),
        }
    }

    // ---- hashing -------------------------------------------------------------------------------
    /// hash() of the value at stack slot `slot` (may call Python).
    pub fn hash_slot(&mut self, slot: usize) -> PyResult<i64> {
        let v = self.at(slot);
        self.hash(v)
    }

    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        if v.is_int() {
            return Ok(hash_i64(v.as_int()));
        }
        if self.is_py_subclass(v) {
            let base = self.sp();
            self.push(v);
            let r = self.subclass_hash(v);
            let v = self.at(base);
            self.truncate(base);
            if let Some(h) = r? {
                return Ok(small_hash(h));
            }
            return self.hash_builtin(v);
        }
        self.hash_builtin(v)
    }

    /// The hash of `v` by its kind's own rule, whatever `__hash__` a Python subclass of
    /// str/list/dict/set/bytearray defines (what `str.__hash__(s)` answers).
    pub fn hash_builtin(&mut self, v: Value) -> PyResult<i64> {
        if v.is_int() {
            return Ok(hash_i64(v.as_int()));
        }
        let kind = self.kind(v);
        if let Some(f) = objects::slots(kind).hash {
            return f(self, v);
        }
        Ok(small_hash(self.hash_other(v)?))
    }

    /// The `__hash__` a Python subclass of str/list/dict/set/bytearray defines (or sets to None,
    /// also implicitly by defining `__eq__`); None when it inherits the builtin's.
    fn subclass_hash(&mut self, v: Value) -> PyResult<Option<i64>> {
        let cls = self.py_subclass_of(v);
        let Some(f) = self.lookup_type_str(cls, "__hash__") else {
            return Ok(None);
        };
        if f == self.none() {
            let tn = self.type_name(v);
            return Err(self.type_error(format!("unhashable type: '{tn}'")));
        }
        if !self.is(f, Kind::Function) {
            return Ok(None);
        }
        let r = self.call(f, &[v])?;
        self.hash_result(r).map(Some)
    }

    /// What a Python `__hash__` returned, as CPython keeps it: an int that fits a Py_hash_t (-1
    /// becomes -2), a bigger int hashed again.
    fn hash_result(&mut self, r: Value) -> PyResult<i64> {
        if let Some(i) = self.to_i64(r).filter(|_| !self.is(r, Kind::Bool)) {
            return Ok(if i == -1 { -2 } else { i });
        }
        match self.to_bigint(r) {
            Some(n) => Ok(hash_of_hash_result(&n)),
            None => Err(self.type_error("__hash__ method should return an integer")),
        }
    }

    /// CPython's full 64-bit hash (what `hash()` returns). `hash` answers the same for every type
    /// except tuple and frozenset, whose 64-bit hashes it shifts into the small-int range the dict
    /// table stores; the set table (`objects/set/table.rs`) probes with these full hashes.
    pub fn hash_full(&mut self, v: Value) -> PyResult<i64> {
        if v.is_ptr() {
            match self.kind(v) {
                Kind::Tuple => {
                    // Nested tuples recurse in Rust: counted against the recursion limit.
                    self.enter_native()?;
                    let r = self.hash_tuple_full(v);
                    self.native_depth -= 1;
                    return r;
                }
                Kind::FrozenSet => return objects::set::frozenset_hash_full(self, v),
                Kind::Instance | Kind::Foreign => {
                    // a box without its own __hash__ hashes fully as its tuple/frozenset does
                    if let Some(b) = self.boxed_base(v) {
                        let own = self.special(v, "__hash__");
                        if own.is_some_and(|f| self.is(f, Kind::Native)) {
                            return self.hash_full(b);
                        }
                    }
                    return self.hash_other(v);
                }
                _ => {}
            }
        }
        self.hash(v)
    }

    /// The full hash (what `hash()` answers) of a kind without a hash slot.
    fn hash_other(&mut self, v: Value) -> PyResult<i64> {
        match self.kind(v) {
            // keys and items views are set-like, hence unhashable (values views hash by identity)
            Kind::List | Kind::ByteArray | Kind::DictKeys | Kind::DictItems => {
                let tn = self.type_name(v);
                Err(self.type_error(format!("unhashable type: '{tn}'")))
            }
            Kind::Instance | Kind::Foreign => {
                if let Some(f) = self.special(v, "__hash__") {
                    if f == self.none() {
                        let tn = self.type_name(v);
                        return Err(self.type_error(format!("unhashable type: '{tn}'")));
                    }
                    if !self.is(f, Kind::Native) || self.is(v, Kind::Foreign) {
                        let r = self.call(f, &[v])?;
                        return self.hash_result(r);
                    }
                }
                if let Some(b) = self.boxed_base(v) {
                    return self.hash(b);
                }
                // A class defining __eq__ without __hash__ is unhashable.
                if let Some(eq) = self.special(v, "__eq__") {
                    if self.is(eq, Kind::Function) {
                        let t = self.type_of(v);
                        let d = self.obj::<TypeObj>(t).dict;
                        let k = self.intern("__hash__");
                        if self.dict_get_str(d, k).is_none() {
                            let tn = self.type_name(v);
                            return Err(self.type_error(format!("unhashable type: '{tn}'")));
                        }
                    }
                }
                Ok(self.identity_hash(v))
            }
            _ => Ok(self.identity_hash(v)),
        }
    }

    pub fn identity_hash(&mut self, v: Value) -> i64 {
        let id = self.heap.id_of(v);
        ((id >> 4) ^ (id << 12)) as i64 & ((1 << 61) - 1)
    }

    // ---- equality ------------------------------------------------------------------------------
    /// Can `a == b` be decided without calling Python?
    #[inline]
    pub fn fast_eq_possible(&self, a: Value, b: Value) -> bool {
        // a str subclass may define __eq__ (its instances share the str layout): not simple
        let simple = |v: Value| {
            v.is_int()
                || self.is_exact_str(v)
                || matches!(
                    self.kind(v),
                    Kind::BigInt | Kind::Float | Kind::Bool | Kind::NoneType | Kind::Bytes
                )
        };
        simple(a) && simple(b)
    }
    /// Equality of two values for which `fast_eq_possible` holds.
    pub fn fast_eq(&self, a: Value, b: Value) -> bool {
        if a == b {
            return true;
        }
        if a.is_int() && b.is_int() {
            return false;
        }
        let (ka, kb) = (
            if a.is_int() {
                Kind::BigInt
            } else {
                self.kind(a)
            },
            if b.is_int() {
                Kind::BigInt
            } else {
                self.kind(b)
            },
        );
        match (ka, kb) {
            (Kind::Str, Kind::Str) => self.str_of(a) == self.str_of(b),
            (Kind::Bytes, Kind::Bytes) => self.bytes_of(a) == self.bytes_of(b),
            (Kind::Str, _) | (_, Kind::Str) | (Kind::Bytes, _) | (_, Kind::Bytes) => false,
            (Kind::NoneType, _) | (_, Kind::NoneType) => false,
            // exact comparison for big ints against floats
            (Kind::Float, _) | (_, Kind::Float) => match (self.num_as_f64(a), self.num_as_f64(b)) {
                (Some(x), Some(y)) if x == y => match (self.to_bigint(a), self.to_bigint(b)) {
                    (Some(ia), None) => float_eq_int(y, &ia),
                    (None, Some(ib)) => float_eq_int(x, &ib),
                    _ => true,
                },
                _ => false,
            },
            _ => self.to_bigint(a) == self.to_bigint(b),
        }
    }

    /// `stack[a] == stack[b]`, may call Python.
    pub fn eq_values(&mut self, a: usize, b: usize) -> PyResult<bool> {
        let (x, y) = (self.at(a), self.at(b));
        self.eq(x, y)
    }

    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a == b && !(self.is(a, Kind::Float) && self.float_val(a).is_nan()) {
            return Ok(true);
        }
        if self.fast_eq_possible(a, b) {
            return Ok(self.fast_eq(a, b));
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(r)
    }

    /// Equality of two sequences of values given by stack slots of containers (tuple/list).
    fn seq_eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        self.enter_native()?;
        let r = self.seq_eq_inner(a, b);
        self.native_depth -= 1;
        r
    }

    /// Counts one level of Rust recursion (nested containers compared, hashed or printed);
    /// RecursionError instead of overflowing the Rust stack.
    pub fn enter_native(&mut self) -> PyResult<()> {
        self.native_depth += 1;
        if self.native_depth > 200 + self.recursion_limit {
            self.native_depth -= 1;
            return Err(self.raise(
                "RecursionError",
                "maximum recursion depth exceeded in comparison",
            ));
        }
        Ok(())
    }

    /// Length of a tuple or list (the sequences seq_eq/seq_compare walk).
    fn seq_len(&self, v: Value) -> usize {
        if self.is(v, Kind::Tuple) {
            self.tuple_items(v).len()
        } else {
            self.list_items(v).len()
        }
    }

    /// Item i of a tuple or list, None past its end. Read afresh after every comparison: an `__eq__`
    /// may move both sequences (a collection) or resize a list.
    fn seq_item(&self, v: Value, i: usize) -> Option<Value> {
        if self.is(v, Kind::Tuple) {
            self.tuple_items(v).get(i).copied()
        } else {
            self.list_items(v).get(i).copied()
        }
    }

    fn seq_eq_inner(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if self.seq_len(a) != self.seq_len(b) {
            return Ok(false);
        }
        let base = self.sp();
        self.push(a);
        self.push(b);
        let mut i = 0;
        let result = loop {
            let (x, y) = match (
                self.seq_item(self.at(base), i),
                self.seq_item(self.at(base + 1), i),
            ) {
                (Some(x), Some(y)) => (x, y),
                // A comparison may have resized either sequence: then they are equal only if
                // their lengths still are (as CPython).
                _ => {
                    break Ok(self.seq_len(self.at(base)) == self.seq_len(self.at(base + 1)));
                }
            };
            if x == y && x.is_int() {
                i += 1;
                continue;
            }
            match self.eq(x, y) {
                Ok(true) => i += 1,
                Ok(false) => break Ok(false),
                Err(e) => break Err(e),
            }
        };
        self.truncate(base);
        result
    }

    /// Rich comparison returning a Python value.
    // gc-safe: builtin_compare returns None (the dunder path) before any GC point
    pub fn compare(&mut self, mut a: Value, mut b: Value, op: CmpOp) -> PyResult<Value> {
        // fast numeric path
        if a.is_int() && b.is_int() {
            let (x, y) = (a.as_int(), b.as_int());
            return Ok(self.bool_val(cmp_ord(x.cmp(&y), op)));
        }
        let (name, rname) = match op {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
        };
        // A Python subclass of list/dict/str that defines the comparison (OrderedDict's
        // order-sensitive ==) is asked before its base's builtin rules.
        let mut overridden = false;
        if self.is_py_subclass(a) || self.is_py_subclass(b) {
            // the lookups may intern (allocate): a and b are rooted and re-read
            let base = self.sp();
            self.push(a);
            self.push(b);
            let av = self.at(base);
            overridden = self.subclass_override(av, name).is_some();
            if !overridden {
                let bv = self.at(base + 1);
                overridden = self.subclass_override(bv, rname).is_some();
            }
            (a, b) = (self.at(base), self.at(base + 1));
            self.truncate(base);
        }
        if !overridden {
            if let Some(r) = self.builtin_compare(a, b, op)? {
                return Ok(r);
            }
        }
        let base = self.sp();
        self.push(a);
        self.push(b);
        let r = self.try_dunder_pair(base, name, rname, false);
        let (a, b) = (self.at(base), self.at(base + 1));
        self.truncate(base);
        match r? {
            Some(v) => Ok(v),
            None => match op {
                CmpOp::Eq => Ok(self.bool_val(a == b)),
                CmpOp::Ne => Ok(self.bool_val(a != b)),
                _ => {
                    let sym = match op {
                        CmpOp::Lt => "<",
                        CmpOp::Le => "<=",
                        CmpOp::Gt => ">",
                        _ => ">=",
                    };
                    let (ta, tb) = (self.type_name(a), self.type_name(b));
                    Err(self.type_error(format!(
                        "'{sym}' not supported between instances of '{ta}' and '{tb}'"
                    )))
                }
            },
        }
    }

    /// Comparisons between builtin kinds; None if a Python method must decide.
    pub(crate) fn builtin_compare(
        &mut self,
        // gc-safe: a richcompare slot answers None before any GC point (its contract), so a is unchanged then
        a: Value,
        // gc-safe: as a
        b: Value,
        op: CmpOp,
    ) -> PyResult<Option<Value>> {
        let ka = if a.is_int() {
            Kind::BigInt
        } else {
            self.kind(a)
        };
        let kb = if b.is_int() {
            Kind::BigInt
        } else {
            self.kind(b)
        };
        // A kind's slot answers first: the left operand's, else the right one's with the operator
        // reflected (`{1} == d.keys()` is answered by the view). Numbers compare across
        // int/bool/float, so either side's slot handles mixed numeric operands.
        if let Some(f) = objects::slots(ka).richcompare {
            if let Some(r) = f(self, a, b, op)? {
                return Ok(Some(r));
            }
        }
        if kb != ka {
            if let Some(f) = objects::slots(kb).richcompare {
                if let Some(r) = f(self, b, a, reflect(op))? {
                    return Ok(Some(r));
                }
            }
        }
        match (ka, kb) {
            (Kind::Str, Kind::Str) => {
                let o = crate::unicode::cmp_str(self.str_of(a), self.str_of(b));
                Ok(Some(self.bool_val(cmp_ord(o, op))))
            }
            (Kind::Bytes | Kind::ByteArray, Kind::Bytes | Kind::ByteArray) => {
                let x = if ka == Kind::Bytes {
                    self.bytes_of(a).to_vec()
                } else {
                    self.bytearray_mut(a).clone()
                };
                let y = if kb == Kind::Bytes {
                    self.bytes_of(b).to_vec()
                } else {
                    self.bytearray_mut(b).clone()
                };
                Ok(Some(self.bool_val(cmp_ord(x.cmp(&y), op))))
            }
            (Kind::List, Kind::List) => self.seq_compare(a, b, op).map(Some),
            (Kind::Instance | Kind::Foreign, _) | (_, Kind::Instance | Kind::Foreign) => Ok(None),
            _ => {
                if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                    let same = a == b;
                    Ok(Some(self.bool_val(same == (op == CmpOp::Eq))))
                } else {
                    Ok(None)
                }
            }
        }
    }

    /// Lexicographic comparison of two lists or two tuples (shared by both kinds).
    pub(crate) fn seq_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        self.enter_native()?;
        let r = self.seq_compare_inner(a, b, op);
        self.native_depth -= 1;
        r
    }

    fn seq_compare_inner(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let e = self.seq_eq(a, b)?;
            return Ok(self.bool_val(e == (op == CmpOp::Eq)));
        }
        let base = self.sp();
        self.push(a);
        self.push(b);
        // CPython's order: find the first index whose items are not equal, then compare those
        // two with `op` (or the lengths if one sequence ended first).
        let mut i = 0;
        let result = loop {
            let (x, y) = match (
                self.seq_item(self.at(base), i),
                self.seq_item(self.at(base + 1), i),
            ) {
                (Some(x), Some(y)) => (x, y),
                _ => {
                    let o = self
                        .seq_len(self.at(base))
                        .cmp(&self.seq_len(self.at(base + 1)));
                    break Ok(self.bool_val(cmp_ord(o, op)));
                }
            };
            // small ints: equality and order without the generic protocol
            if x.is_int() && y.is_int() {
                if x == y {
                    i += 1;
                    continue;
                }
                break Ok(self.bool_val(cmp_ord(x.as_int().cmp(&y.as_int()), op)));
            }
            match self.eq(x, y) {
                Ok(true) => i += 1,
                Ok(false) => {
                    break match (
                        self.seq_item(self.at(base), i),
                        self.seq_item(self.at(base + 1), i),
                    ) {
                        (Some(x), Some(y)) => self.compare(x, y, op),
                        _ => {
                            let o = self
                                .seq_len(self.at(base))
                                .cmp(&self.seq_len(self.at(base + 1)));
                            Ok(self.bool_val(cmp_ord(o, op)))
                        }
                    };
                }
                Err(e) => break Err(e),
            }
        };
        self.truncate(base);
        result
    }

    // ---- arithmetic ----------------------------------------------------------------------------
    // gc-safe: small ints never move; a binop slot returns None only before any GC point
    #[inline]
    // gc-safe: small ints never move (and small_int_op answers None before any allocation)
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        // the hot case first, without the call layers below
        if a.is_int() && b.is_int() {
            if let Some(v) = self.small_int_op(a.as_int(), b.as_int(), op)? {
                return Ok(v);
            }
        }
        // str + str (exact strs: a subclass may override __add__), without the slot search
        if op == BinOp::Add && self.is_exact_str(a) && self.is_exact_str(b) {
            return self.str_concat(a, b);
        }
        self.binary_op_as(a, b, op, false)
    }

    /// `a OP b`, or the fallback of `a OP= b` (`inplace`: the error names `OP=`).
    // gc-safe: builtin_binop answers None only before any GC point (a and b are then intact)
    fn binary_op_as(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        // A Python subclass of list/dict/str may override the operator (or its reflection): its
        // dunders come first, and the builtin type's own slot wrappers answer the rest.
        if !(a.is_int() && b.is_int()) && (self.is_py_subclass(a) || self.is_py_subclass(b)) {
            return self.dunder_binop(a, b, op, inplace);
        }
        if let Some(v) = self.builtin_binop(a, b, op)? {
            return Ok(v);
        }
        self.dunder_binop(a, b, op, inplace)
    }

    /// `a OP b` by the builtin rules only (numbers, sequences, sets...): None where only a Python
    /// dunder could answer (the slot wrappers' NotImplemented). Answers None before any GC point.
    // gc-safe: small ints never move; a binop slot returns None only before any GC point
    pub fn builtin_binop(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Option<Value>> {
        if a.is_int() && b.is_int() {
            if let Some(v) = self.small_int_op(a.as_int(), b.as_int(), op)? {
                return Ok(Some(v));
            }
        }
        let ka = if a.is_int() {
            Kind::BigInt
        } else {
            self.kind(a)
        };
        let kb = if b.is_int() {
            Kind::BigInt
        } else {
            self.kind(b)
        };
        // The left operand's kind answers first (numbers: mixed int/bool/float operands).
        if let Some(f) = objects::slots(ka).binop {
            if let Some(v) = f(self, a, b, op)? {
                return Ok(Some(v));
            }
        }
        // A kind's binop slot: the left operand's, else the right one's (a slot that does not
        // answer must not have reached a GC point: a and b are not rooted).
        for k in [ka, kb] {
            if let Some(f) = objects::slots(k).binop {
                if let Some(v) = f(self, a, b, op)? {
                    return Ok(Some(v));
                }
            }
        }
        self.seq_op(a, b, ka, kb, op)
    }

    pub fn inplace_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        // s += t on exact strs: immutable, so the same as s + t (no __iadd__ to look for)
        if op == BinOp::Add && self.is_exact_str(a) && self.is_exact_str(b) {
            return self.str_concat(a, b);
        }
        // Instances, and subclasses of builtins that keep the builtin's layout (a list/set/bytearray
        // ... with a class field), may define their own __iop__; for the latter, one inherited from
        // the builtin itself is the native operation below, not a hook.
        let user_op = if !a.is_ptr() {
            None
        } else if self.kind(a) == Kind::Instance {
            let name = format!("__i{}", &binop_name(op)[2..]);
            self.special(a, &name)
        } else if !self.py_subclass_of(a).is_null() {
            let name = format!("__i{}", &binop_name(op)[2..]);
            let builtin = self.roots.types[self.kind(a) as usize];
            let own = self.lookup_type_str(builtin, &name);
            self.special(a, &name).filter(|f| Some(*f) != own)
        } else {
            None
        };
        if let Some(f) = user_op {
            let ni = self.named(super::Named::NotImplemented);
            let base = self.sp();
            self.push(a);
            self.push(b);
            let r = self.call(f, &[a, b]);
            // the call was a GC point: continue with the rooted operands
            let (a, b) = (self.at(base), self.at(base + 1));
            self.truncate(base);
            let r = r?;
            if r != ni {
                return Ok(r);
            }
            return self.binary_op_as(a, b, op, true);
        }
        if self.set_inplace_applies(a, b, op) {
            return self.set_inplace(a, b, op);
        }
        if self.is(a, Kind::List)
            && op == BinOp::Mul
            && b.is_ptr()
            && self.kind(b) == Kind::Instance
            && self.special(b, "__index__").is_some()
        {
            // list *= x with x.__index__: convert x first (GC point), the list rooted
            let base = self.sp();
            self.push(a);
            let n = self.index_value(b, "repeat");
            let a = self.at(base);
            self.truncate(base);
            let n = Value::from_int(n?.max(0)).unwrap_or(Value::from_int(0).unwrap());
            return self.inplace_op(a, n, op);
        }
        if self.is(a, Kind::List) && op == BinOp::Mul && self.is_int(b) {
            // list *= n repeats in place
            let base = self.sp();
            self.push(a);
            let r = self.seq_repeat(a, b);
            let r = match r {
                Ok(r) => r,
                Err(e) => {
                    self.truncate(base);
                    return Err(e);
                }
            };
            let items = self.list_items(r).to_vec();
            let n = items.len();
            self.roots.stack.extend_from_slice(&items);
            let res = self.list_replace_from_stack(base, n);
            let a = self.at(base);
            self.truncate(base);
            res?;
            return Ok(a);
        }
        if self.is(a, Kind::List) && op == BinOp::Add {
            // list += iterable extends in place
            let base = self.sp();
            self.push(a);
            self.push(b);
            let r = self.list_extend(base, base + 1);
            let a = self.at(base);
            self.truncate(base);
            r?;
            return Ok(a);
        }
        // Mutable containers answer their augmented operators in place (the object keeps its
        // identity): dict |= (update: any mapping or pairs), bytearray += *= (sets: above).
        if a.is_ptr() {
            let in_place = match self.kind(a) {
                Kind::Dict => op == BinOp::Or,
                Kind::ByteArray => matches!(op, BinOp::Add | BinOp::Mul),
                _ => false,
            };
            if in_place {
                // `ba += bytes_like` appends (amortised O(len(b)), as CPython): going through a + b,
                // clear and extend made a loop building a buffer quadratic.
                if op == BinOp::Add
                    && self.is(a, Kind::ByteArray)
                    && b.is_ptr()
                    && matches!(self.kind(b), Kind::Bytes | Kind::ByteArray)
                {
                    self.bytearray_check_resize(a)?;
                    if a == b {
                        // CPython exports b's buffer before resizing a: the same object refuses.
                        return Err(self.raise(
                            "BufferError",
                            "Existing exports of data: object cannot be re-sized",
                        ));
                    }
                    let add = if self.is(b, Kind::Bytes) {
                        self.bytes_of(b).to_vec()
                    } else {
                        self.bytearray(b).clone()
                    };
                    self.bytearray_mut(a).extend_from_slice(&add);
                    self.bytearray_charge(a);
                    return Ok(a);
                }
                return self.inplace_mutate(a, b, op);
            }
        }
        self.binary_op_as(a, b, op, true)
    }

    /// `a OP= b` for a dict or bytearray: the result replaces a's contents through its own
    /// methods (clear, update/extend), so a keeps its identity.
    fn inplace_mutate(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        let base = self.sp();
        self.push(a);
        self.push(b);
        let r = (|| {
            let dict = self.is(self.at(base), Kind::Dict);
            let new = if dict {
                self.at(base + 1)
            } else {
                self.binary_op_as(self.at(base), self.at(base + 1), op, true)?
            };
            self.push(new);
            if !dict {
                let clear = self.getattr_str(self.at(base), "clear")?;
                self.call(clear, &[])?;
            }
            let fill = if self.is(self.at(base), Kind::ByteArray) {
                "extend"
            } else {
                "update"
            };
            let f = self.getattr_str(self.at(base), fill)?;
            let src = self.at(base + 2);
            self.call(f, &[src])?;
            Ok(self.at(base))
        })();
        self.truncate(base);
        r
    }

    /// str/bytes/list/tuple concatenation and repetition, str % formatting.
    fn seq_op(
        &mut self,
        a: Value,
        b: Value,
        ka: Kind,
        kb: Kind,
        op: BinOp,
    ) -> PyResult<Option<Value>> {
        match (op, ka, kb) {
            (BinOp::Add, Kind::Str, Kind::Str) => self.str_concat(a, b).map(Some),
            (
                BinOp::Add,
                Kind::Bytes | Kind::ByteArray,
                Kind::Bytes | Kind::ByteArray | Kind::MemoryView,
            ) => {
                // the left operand's type decides the result's (bytes + memoryview is bytes)
                let base = self.sp();
                self.push(a);
                self.push(b);
                let x = self.byteslike_data(self.at(base));
                let y = self.byteslike_data(self.at(base + 1));
                self.truncate(base);
                let mut v = x?;
                v.extend_from_slice(&y?);
                if ka == Kind::Bytes {
                    self.new_bytes(&v).map(Some)
                } else {
                    self.new_bytearray(v).map(Some)
                }
            }
            (BinOp::Add, Kind::Tuple, Kind::Tuple) | (BinOp::Add, Kind::List, Kind::List) => {
                let base = self.sp();
                self.push(a);
                self.push(b);
                let r = if ka == Kind::Tuple {
                    self.tuple_concat_top()
                } else {
                    self.list_concat_top()
                };
                self.truncate(base);
                r.map(Some)
            }
            (
                BinOp::Mul,
                Kind::Str | Kind::Bytes | Kind::List | Kind::Tuple | Kind::ByteArray,
                Kind::BigInt | Kind::Bool,
            ) => self.seq_repeat(a, b).map(Some),
            (
                BinOp::Mul,
                Kind::BigInt | Kind::Bool,
                Kind::Str | Kind::Bytes | Kind::List | Kind::Tuple | Kind::ByteArray,
            ) => self.seq_repeat(b, a).map(Some),
            (BinOp::Mod, Kind::Str, _) => self.percent_format(a, b).map(Some),
            (BinOp::Mod, Kind::Bytes, _) => self.bytes_percent_format(a, b).map(Some),
            (BinOp::Mod, Kind::ByteArray, _) => {
                // formatted as bytes, answered as a bytearray
                let fmt = self.bytearray(a).clone();
                self.push(b);
                let f = self.new_bytes(&fmt);
                let b = self.pop();
                let r = self.bytes_percent_format(f?, b)?;
                let v = self.bytes_of(r).to_vec();
                self.new_bytearray(v).map(Some)
            }
            (BinOp::Or, Kind::Dict, Kind::Dict) => {
                let base = self.sp();
                self.push(b);
                let d = self.dict_copy(a, Kind::Dict)?;
                self.push(d);
                let r = self.dict_update_from(base + 1, base);
                let d = self.at(base + 1);
                self.truncate(base);
                r?;
                Ok(Some(d))
            }
            (
                BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
                Kind::Set | Kind::FrozenSet,
                Kind::Set | Kind::FrozenSet,
            ) => self.set_binop(a, b, op).map(Some),
            _ => Ok(None),
        }
    }

    /// `seq * x` / `x * seq` where x has `__index__` (tried after the dunder methods, as in
    /// CPython's sq_repeat). The sequence is rooted across the `__index__` call (GC point).
    fn seq_repeat_index(&mut self, a: Value, b: Value) -> PyResult<Option<Value>> {
        let is_seq = |vm: &Vm, v: Value| {
            v.is_ptr()
                && matches!(
                    vm.kind(v),
                    Kind::Str | Kind::Bytes | Kind::List | Kind::Tuple | Kind::ByteArray
                )
        };
        let (s, n) = if is_seq(self, a) {
            (a, b)
        } else if is_seq(self, b) {
            (b, a)
        } else {
            return Ok(None);
        };
        if !n.is_ptr() || self.special(n, "__index__").is_none() {
            return Ok(None);
        }
        let base = self.sp();
        self.push(s);
        let r = self.index_value(n, "repeat");
        let s = self.at(base);
        self.truncate(base);
        let n = Value::from_int(r?.max(0)).unwrap_or(Value::from_int(0).unwrap());
        self.seq_repeat(s, n).map(Some)
    }

    /// str/bytes/bytearray repetition through `stringlib::join::repeat` (sizes checked before
    /// allocating: CPython's OverflowError or MemoryError, never an abort).
    fn text_repeat(&mut self, s: Value, n: usize) -> PyResult<Value> {
        use crate::objects::stringlib::{join::repeat, SizeError};
        let kind = self.kind(s);
        let (data, nunits, too_many) = match kind {
            Kind::Str => (
                self.str_of(s).as_bytes(),
                self.str_nchars(s),
                SizeError::Overflow("repeated string is too long"),
            ),
            Kind::Bytes => {
                let b = self.bytes_of(s);
                (
                    b,
                    b.len(),
                    SizeError::Overflow("repeated bytes are too long"),
                )
            }
            _ => {
                let b = self.bytearray(s).as_slice();
                (b, b.len(), SizeError::Memory)
            }
        };
        let r = match repeat(data, nunits, n, too_many) {
            Ok(r) => r,
            Err(e) => return Err(e.raise(self)),
        };
        match kind {
            Kind::Str => self.new_str(crate::objects::stringlib::as_text(&r)),
            Kind::Bytes => self.new_bytes(&r),
            _ => self.new_bytearray(r),
        }
    }

    fn seq_repeat(&mut self, s: Value, n: Value) -> PyResult<Value> {
        let Some(n) = self.to_i64(n) else {
            return Err(self.overflow_error("cannot fit 'int' into an index-sized integer"));
        };
        let n = n.max(0) as usize;
        match self.kind(s) {
            Kind::Str | Kind::Bytes | Kind::ByteArray => self.text_repeat(s, n),
            k => {
                let items = if k == Kind::Tuple {
                    self.tuple_items(s).to_vec()
                } else {
                    self.list_items(s).to_vec()
                };
                let total = items.len().saturating_mul(n);
                if total > (1 << 28) {
                    return Err(self.memory_error());
                }
                if k == Kind::Tuple {
                    for _ in 0..n {
                        for v in &items {
                            self.push(*v);
                        }
                    }
                    self.new_tuple_from_stack(total)
                } else {
                    // root the items first (no GC point since they were read), then allocate
                    let base = self.sp();
                    for v in &items {
                        self.push(*v);
                    }
                    let l = self.new_list()?;
                    self.push(l);
                    let lslot = base + items.len();
                    self.list_reserve(lslot, total)?;
                    let l = self.at(lslot);
                    for _ in 0..n {
                        for j in 0..items.len() {
                            let v = self.at(base + j);
                            self.list_push_reserved(l, v);
                        }
                    }
                    self.truncate(base);
                    Ok(l)
                }
            }
        }
    }

    /// Tries `stack[base].name(stack[base+1])`, then the reflected `stack[base+1].rname(stack[base])`
    /// (reflected first when the right operand's type is a proper subclass of the left's), stopping at
    /// the first result that is not NotImplemented. For arithmetic (`binop`) only Python-level objects
    /// are asked, and the reflected method is skipped when both operands have the same type.
    fn try_dunder_pair(
        &mut self,
        base: usize,
        name: &str,
        rname: &str,
        binop: bool,
    ) -> PyResult<Option<Value>> {
        let ni = self.named(super::Named::NotImplemented);
        // gc-safe: ta and tb are only compared with each other (a move keeps equal stale copies equal)
        let (ta, tb) = (self.type_of(self.at(base)), self.type_of(self.at(base + 1)));
        let b_first = ta != tb && self.is_subtype(tb, ta);
        let order = if b_first {
            [(base + 1, base, rname), (base, base + 1, name)]
        } else {
            [(base, base + 1, name), (base + 1, base, rname)]
        };
        for (idx, (x, y, m)) in order.into_iter().enumerate() {
            if binop && idx == 1 && ta == tb {
                break;
            }
            let xv = self.at(x);
            if binop
                && !matches!(self.kind_or_int(xv), Kind::Instance | Kind::Foreign)
                && !self.is_py_subclass(xv)
            {
                continue;
            }
            if let Some(f) = self.special(xv, m) {
                if binop
                    && !self.is(f, Kind::Function)
                    && !self.is_int(xv)
                    && self.is_py_subclass(xv)
                {
                    // the builtin base's own wrapper: the builtin rules answer after the pair
                    continue;
                }
                let (xv, yv) = (self.at(x), self.at(y));
                let r = self.call_special(f, &[xv, yv])?;
                if r != ni {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    fn dunder_binop(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        let name = binop_name(op);
        let rname = format!("__r{}", &name[2..]);
        let base = self.sp();
        self.push(a);
        self.push(b);
        let r = self.try_dunder_pair(base, name, &rname, true);
        // gc-safe: re-read after the dunders; builtin_binop below answers None before any GC point
        let (a, b) = (self.at(base), self.at(base + 1));
        self.truncate(base);
        if let Some(v) = r? {
            return Ok(v);
        }
        // A subclass of list/dict/str without its own dunder: the builtin rules of its base.
        if self.is_py_subclass(a) || self.is_py_subclass(b) {
            if let Some(v) = self.builtin_binop(a, b, op)? {
                return Ok(v);
            }
        }
        // A boxed int/tuple/bytes... (vm/boxed.rs) meets a builtin that does not know the box: the
        // builtin rules on the values inside (`(0,) + P(1, 2)`), as CPython's slots accept subclasses.
        if self.boxed_base(a).is_some() || self.boxed_base(b).is_some() {
            let (ua, ub) = (self.unboxed(a), self.unboxed(b));
            if let Some(v) = self.builtin_binop(ua, ub, op)? {
                return Ok(v);
            }
        }
        self.binop_type_error(a, b, op, inplace)
    }

    /// A copy of the bytes of a bytes, bytearray or memoryview value.
    fn byteslike_data(&mut self, v: Value) -> PyResult<Vec<u8>> {
        match self.kind(v) {
            Kind::Bytes => Ok(self.bytes_of(v).to_vec()),
            Kind::ByteArray => Ok(self.bytearray(v).clone()),
            Kind::MemoryView => objects::memoryview::view_bytes(self, v),
            _ => Ok(objects::memoryview_fmt::exported_bytes(self, v).unwrap_or_default()),
        }
    }

    /// The error of `a OP b` when no rule or dunder answers (sequence repetition by an `__index__`
    /// object is still tried: it is the one late answer).
    pub(crate) fn binop_type_error(
        &mut self,
        a: Value,
        b: Value,
        op: BinOp,
        inplace: bool,
    ) -> PyResult<Value> {
        {
            {
                if op == BinOp::Add
                    && (self.is(a, Kind::Bytes) || self.is(a, Kind::ByteArray))
                    && objects::memoryview_fmt::exporter(self, b).is_some()
                {
                    // the right operand exports a buffer (see memoryview_fmt.rs)
                    let tail = objects::memoryview_fmt::exported_bytes(self, b).unwrap_or_default();
                    let is_bytes = self.is(a, Kind::Bytes);
                    let mut v = if is_bytes {
                        self.bytes_of(a).to_vec()
                    } else {
                        self.bytearray(a).clone()
                    };
                    v.extend(tail);
                    return if is_bytes {
                        self.new_bytes(&v)
                    } else {
                        self.new_bytearray(v)
                    };
                }
                // names first: seq_repeat_index may run __index__ (a GC point)
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                // a subclass's sequence rules are its base's, and so are their messages
                let ta_base = if self.is_py_subclass(a) {
                    objects::slots(self.kind(a)).name.to_string()
                } else {
                    ta.clone()
                };
                let is_seq = |vm: &Vm, v: Value| {
                    v.is_ptr()
                        && matches!(
                            vm.kind(v),
                            Kind::Str | Kind::Bytes | Kind::ByteArray | Kind::List | Kind::Tuple
                        )
                };
                let (seq_a, seq_b) = (is_seq(self, a), is_seq(self, b));
                if op == BinOp::Mul {
                    if let Some(r) = self.seq_repeat_index(a, b)? {
                        return Ok(r);
                    }
                    // CPython tries the left operand's sequence repeat first, then the right's.
                    if seq_a || seq_b {
                        let other = if seq_a { &tb } else { &ta };
                        return Err(self.type_error(format!(
                            "can't multiply sequence by non-int of type '{other}'"
                        )));
                    }
                }
                if op == BinOp::Add && (ta_base == "bytes" || ta_base == "bytearray") {
                    return Err(self.type_error(format!("can't concat {tb} to {ta}")));
                }
                if op == BinOp::Add && ta_base == "tuple" {
                    return Err(self.type_error(format!(
                        "can only concatenate tuple (not \"{tb}\") to tuple"
                    )));
                }
                let s = binop_symbol(op);
                if op == BinOp::Add && ta_base == "str" {
                    return Err(
                        self.type_error(format!("can only concatenate str (not \"{tb}\") to str"))
                    );
                }
                if op == BinOp::Add && ta_base == "list" {
                    return Err(self
                        .type_error(format!("can only concatenate list (not \"{tb}\") to list")));
                }
                if op == BinOp::Pow && !inplace {
                    return Err(self.type_error(format!(
                        "unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'"
                    )));
                }
                let eq = if inplace { "=" } else { "" };
                Err(self.type_error(format!(
                    "unsupported operand type(s) for {s}{eq}: '{ta}' and '{tb}'"
                )))
            }
        }
    }

    #[inline]
    pub fn kind_or_int(&self, v: Value) -> Kind {
        if v.is_int() {
            Kind::BigInt
        } else {
            self.kind(v)
        }
    }

    pub fn unary_op(&mut self, a: Value, op: crate::bytecode::UnaryOp) -> PyResult<Value> {
        use crate::bytecode::UnaryOp as U;
        if op == U::Not {
            let t = self.truthy(a)?;
            return Ok(self.bool_val(!t));
        }
        if a.is_int() {
            let x = a.as_int();
            return match op {
                U::Neg => self.new_int(-x),
                U::Pos => Ok(a),
                U::Invert => self.new_int(!x),
                U::Not => unreachable!(),
            };
        }
        match self.kind(a) {
            Kind::BigInt | Kind::Bool => {
                let x = self.to_bigint(a).unwrap();
                match op {
                    U::Neg => self.new_bigint(-x),
                    U::Pos => self.new_bigint(x),
                    U::Invert => self.new_bigint(-x - 1),
                    U::Not => unreachable!(),
                }
            }
            Kind::Float if op != U::Invert => {
                let f = self.float_val(a);
                self.new_float(if op == U::Neg { -f } else { f })
            }
            _ => {
                let name = match op {
                    U::Neg => "__neg__",
                    U::Pos => "__pos__",
                    _ => "__invert__",
                };
                if let Some(f) = self.special(a, name) {
                    return self.call(f, &[a]);
                }
                let tn = self.type_name(a);
                let s = match op {
                    U::Neg => "-",
                    U::Pos => "+",
                    _ => "~",
                };
                Err(self.type_error(format!("bad operand type for unary {s}: '{tn}'")))
            }
        }
    }
}

pub fn cmp_ord(o: std::cmp::Ordering, op: CmpOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }
}

pub fn binop_name(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__add__",
        BinOp::Sub => "__sub__",
        BinOp::Mul => "__mul__",
        BinOp::TrueDiv => "__truediv__",
        BinOp::FloorDiv => "__floordiv__",
        BinOp::Mod => "__mod__",
        BinOp::Pow => "__pow__",
        BinOp::LShift => "__lshift__",
        BinOp::RShift => "__rshift__",
        BinOp::And => "__and__",
        BinOp::Or => "__or__",
        BinOp::Xor => "__xor__",
        BinOp::MatMul => "__matmul__",
    }
}

pub fn binop_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::TrueDiv => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "**",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::And => "&",
        BinOp::Or => "|",
        BinOp::Xor => "^",
        BinOp::MatMul => "@",
    }
}

/// The operator that gives the same answer with the operands swapped (`a < b` is `b > a`).
fn reflect(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        CmpOp::Eq => CmpOp::Eq,
        CmpOp::Ne => CmpOp::Ne,
    }
}
