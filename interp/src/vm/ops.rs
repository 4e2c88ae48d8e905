//! Operators: truth, hashing, equality and ordering, arithmetic with int/float/bigint fast paths,
//! sequence operators, and dispatch to Python-level dunder methods (`__add__`/`__radd__`, ...).
//!
//! Hashes follow CPython where it is observable (ints: modulo 2^61-1; floats equal to ints hash alike)
//! and always fit in a small int (|h| < 2^62), which the dict layout relies on.

use super::{PyResult, Vm};
use crate::bytecode::{BinOp, CmpOp};
use crate::obj::layout::*;
use crate::objects;
use gc::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

const MODULUS: u64 = (1u64 << 61) - 1;

pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn hash_bigint(n: &BigInt) -> i64 {
    let m = (n.abs() % BigInt::from(MODULUS)).to_i64().unwrap();
    let h = if n.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn hash_f64(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.0e18 {
        return hash_i64(f as i64);
    }
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let h = if f < 0.0 { -(x as i64) } else { x as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 {
        return (0.0, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

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

/// CPython's float floor division (float_floor_div in floatobject.c).
fn f64_floor_div(vx: f64, wx: f64) -> f64 {
    let m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 && ((wx < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(vx / wx)
    }
}

fn py_fmod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        m + b
    } else if m == 0.0 {
        0.0f64.copysign(b)
    } else {
        m
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
            Kind::Bool => Ok(self.obj::<BoolObj>(v).value != 0),
            Kind::NoneType => Ok(false),
            Kind::Float => Ok(self.float_val(v) != 0.0),
            Kind::BigInt => Ok(!self.obj::<BigIntObj>(v).n.is_zero()),
            Kind::Str => Ok(self.obj::<StrObj>(v).len != 0),
            Kind::Bytes => Ok(self.obj::<BytesObj>(v).len != 0),
            Kind::Tuple => Ok(self.obj::<TupleObj>(v).len != 0),
            Kind::Dict | Kind::Set | Kind::FrozenSet => Ok(self.dict_len(v) != 0),
            Kind::ByteArray => Ok(!self.bytearray_mut(v).is_empty()),
            Kind::Range => Ok(self.range_len(v)? != 0),
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
    #[inline]
    pub fn str_hash(&mut self, s: Value) -> i64 {
        let p = self.payload::<StrObj>(s);
        // SAFETY: s is a live Str (caller's contract); p is re-derived here and nothing allocates while it
        // is used.
        unsafe {
            if (*p).hash != 0 {
                return (*p).hash as i64;
            }
            let b = std::slice::from_raw_parts((*p).data.as_ptr(), (*p).len);
            let mut h = hash_bytes(b);
            if h == 0 {
                h = 1;
            }
            (*p).hash = h as u64;
            h
        }
    }

    /// hash() of the value at stack slot `slot` (may call Python).
    pub fn hash_slot(&mut self, slot: usize) -> PyResult<i64> {
        let v = self.at(slot);
        self.hash(v)
    }

    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        if v.is_int() {
            return Ok(hash_i64(v.as_int()));
        }
        let kind = self.kind(v);
        if let Some(f) = objects::slots(kind).hash {
            return f(self, v);
        }
        match kind {
            Kind::Str => Ok(self.str_hash(v)),
            Kind::Bool => Ok(self.obj::<BoolObj>(v).value as i64),
            Kind::BigInt => Ok(hash_bigint(&self.obj::<BigIntObj>(v).n)),
            Kind::Float => Ok(hash_f64(self.float_val(v))),
            Kind::Bytes => Ok(hash_bytes(self.bytes_of(v))),
            Kind::NoneType => Ok(0xFCA86 >> 4),
            Kind::Tuple => {
                self.enter_native()?;
                let r = self.hash_tuple(v);
                self.native_depth -= 1;
                r
            }
            _ => self.hash_other(v),
        }
    }

    fn hash_tuple(&mut self, v: Value) -> PyResult<i64> {
        {
            {
                let base = self.sp();
                self.push(v);
                let n = self.tuple_items(v).len();
                let mut acc: u64 = 0x27D4EB2F165667C5;
                for i in 0..n {
                    let item = self.tuple_items(self.at(base))[i];
                    let h = match self.hash(item) {
                        Ok(h) => h,
                        Err(e) => {
                            self.truncate(base);
                            return Err(e);
                        }
                    };
                    acc = acc.wrapping_add((h as u64).wrapping_mul(0xC2B2AE3D27D4EB4F));
                    acc = acc.rotate_left(31).wrapping_mul(0x9E3779B185EBCA87);
                }
                self.truncate(base);
                acc = acc.wrapping_add(n as u64 ^ 0x27D4EB2F165667C5 ^ 3527539);
                Ok(((acc >> 2) as i64).max(-(1 << 61)))
            }
        }
    }

    fn hash_other(&mut self, v: Value) -> PyResult<i64> {
        match self.kind(v) {
            Kind::FrozenSet => {
                let mut acc: u64 = 0;
                let base = self.sp();
                self.push(v);
                let used = self.dict_used(v);
                for i in 0..used {
                    if let Some((k, _)) = self.dict_entry(self.at(base), i) {
                        match self.hash(k) {
                            Ok(h) => acc ^= (h as u64).wrapping_mul(0x9E3779B185EBCA87),
                            Err(e) => {
                                self.truncate(base);
                                return Err(e);
                            }
                        }
                    }
                }
                self.truncate(base);
                Ok((acc >> 2) as i64)
            }
            Kind::List | Kind::Dict | Kind::Set | Kind::ByteArray | Kind::Slice => {
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
                        return match self.to_bigint(r) {
                            Some(n) => Ok(hash_bigint(&n)),
                            None => {
                                Err(self.type_error("__hash__ method should return an integer"))
                            }
                        };
                    }
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
        let simple = |v: Value| {
            v.is_int()
                || matches!(
                    self.kind(v),
                    Kind::Str
                        | Kind::BigInt
                        | Kind::Float
                        | Kind::Bool
                        | Kind::NoneType
                        | Kind::Bytes
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

    fn num_as_f64(&self, v: Value) -> Option<f64> {
        if v.is_int() {
            return Some(v.as_int() as f64);
        }
        match self.kind(v) {
            Kind::Float => Some(self.float_val(v)),
            Kind::Bool => Some(self.obj::<BoolObj>(v).value as f64),
            Kind::BigInt => self.obj::<BigIntObj>(v).n.to_f64(),
            _ => None,
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

    fn seq_eq_inner(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let base = self.sp();
        self.push(a);
        self.push(b);
        let items = |vm: &Vm, v: Value| -> Vec<Value> {
            if vm.is(v, Kind::Tuple) {
                vm.tuple_items(v).to_vec()
            } else {
                vm.list_items(v).to_vec()
            }
        };
        let n = items(self, a).len();
        if n != items(self, b).len() {
            self.truncate(base);
            return Ok(false);
        }
        let mut i = 0;
        while i < n {
            let ia = items(self, self.at(base));
            let ib = items(self, self.at(base + 1));
            if i >= ia.len() || i >= ib.len() {
                break;
            }
            match self.eq(ia[i], ib[i]) {
                Ok(true) => {}
                Ok(false) => {
                    self.truncate(base);
                    return Ok(false);
                }
                Err(e) => {
                    self.truncate(base);
                    return Err(e);
                }
            }
            i += 1;
        }
        // A comparison may have resized either sequence: then they are not equal (as CPython).
        let (na, nb) = (
            items(self, self.at(base)).len(),
            items(self, self.at(base + 1)).len(),
        );
        self.truncate(base);
        Ok(na == nb)
    }

    /// Rich comparison returning a Python value.
    // gc-safe: builtin_compare returns None (the dunder path) before any GC point
    pub fn compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        // fast numeric path
        if a.is_int() && b.is_int() {
            let (x, y) = (a.as_int(), b.as_int());
            return Ok(self.bool_val(cmp_ord(x.cmp(&y), op)));
        }
        // A kind's richcompare slot: the left operand's, else the right one's, reflected (a slot
        // that does not answer must not have reached a GC point: a and b are not rooted).
        for (x, y, o) in [(a, b, op), (b, a, reflect(op))] {
            if x.is_ptr() {
                if let Some(f) = objects::slots(self.kind(x)).richcompare {
                    if let Some(r) = f(self, x, y, o)? {
                        return Ok(r);
                    }
                }
            }
        }
        if let Some(r) = self.builtin_compare(a, b, op)? {
            return Ok(r);
        }
        let (name, rname) = match op {
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::Le => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::Ge => ("__ge__", "__le__"),
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::Ne => ("__ne__", "__ne__"),
        };
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
    fn builtin_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Option<Value>> {
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
        let num = |k: Kind| matches!(k, Kind::BigInt | Kind::Bool | Kind::Float);
        if num(ka) && num(kb) {
            let ord = if ka == Kind::Float || kb == Kind::Float {
                let (x, y) = (
                    self.num_as_f64(a).unwrap_or(f64::NAN),
                    self.num_as_f64(b).unwrap_or(f64::NAN),
                );
                if x.is_nan() || y.is_nan() {
                    return Ok(Some(self.bool_val(op == CmpOp::Ne)));
                }
                match (self.to_bigint(a), self.to_bigint(b)) {
                    (Some(ia), None) if x == y => cmp_big_float(&ia, y),
                    (None, Some(ib)) if x == y => cmp_big_float(&ib, x).reverse(),
                    _ => x.partial_cmp(&y).unwrap(),
                }
            } else if let (Some(x), Some(y)) = (self.to_i64(a), self.to_i64(b)) {
                x.cmp(&y)
            } else {
                let small = |vm: &Vm, v: Value| {
                    if vm.is(v, Kind::BigInt) {
                        None
                    } else {
                        vm.to_bigint(v)
                    }
                };
                let (sa, sb) = (small(self, a), small(self, b));
                let x = sa.as_ref().unwrap_or_else(|| &self.obj::<BigIntObj>(a).n);
                let y = sb.as_ref().unwrap_or_else(|| &self.obj::<BigIntObj>(b).n);
                x.cmp(y)
            };
            return Ok(Some(self.bool_val(cmp_ord(ord, op))));
        }
        match (ka, kb) {
            (Kind::Str, Kind::Str) => {
                let o = self.str_of(a).cmp(self.str_of(b));
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
            (Kind::Tuple, Kind::Tuple) | (Kind::List, Kind::List) => {
                self.seq_compare(a, b, op).map(Some)
            }
            (Kind::NoneType, Kind::NoneType) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                Ok(Some(self.bool_val(op == CmpOp::Eq)))
            }
            (Kind::Dict, Kind::Dict) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let e = self.dict_eq(a, b)?;
                Ok(Some(self.bool_val(e == (op == CmpOp::Eq))))
            }
            (Kind::Set | Kind::FrozenSet, Kind::Set | Kind::FrozenSet) => {
                let r = self.set_compare(a, b, op)?;
                Ok(Some(self.bool_val(r)))
            }
            (Kind::Range, Kind::Range) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let (x, y) = (self.range_tuple(a)?, self.range_tuple(b)?);
                let same = if x.3 == 0 && y.3 == 0 { true } else { x == y };
                Ok(Some(self.bool_val(same == (op == CmpOp::Eq))))
            }
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

    fn seq_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
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
        let items = |vm: &Vm, v: Value| -> Vec<Value> {
            if vm.is(v, Kind::Tuple) {
                vm.tuple_items(v).to_vec()
            } else {
                vm.list_items(v).to_vec()
            }
        };
        let mut i = 0;
        let result = loop {
            let (ia, ib) = (items(self, self.at(base)), items(self, self.at(base + 1)));
            if i >= ia.len() || i >= ib.len() {
                let o = ia.len().cmp(&ib.len());
                break Ok(self.bool_val(cmp_ord(o, op)));
            }
            match self.eq(ia[i], ib[i]) {
                Ok(true) => {
                    i += 1;
                    continue;
                }
                Ok(false) => {
                    let (ia, ib) = (items(self, self.at(base)), items(self, self.at(base + 1)));
                    break self.compare(ia[i], ib[i], op);
                }
                Err(e) => break Err(e),
            }
        };
        self.truncate(base);
        result
    }

    fn dict_eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if self.dict_len(a) != self.dict_len(b) {
            return Ok(false);
        }
        let base = self.sp();
        self.push(a);
        self.push(b);
        let used = self.dict_used(a);
        let mut res = Ok(true);
        for i in 0..used {
            let a = self.at(base);
            if let Some((k, v)) = self.dict_entry(a, i) {
                self.push(v);
                let b = self.at(base + 1);
                match self.dict_get(b, k) {
                    Ok(Some(w)) => {
                        let v = self.pop();
                        match self.eq(v, w) {
                            Ok(true) => {}
                            Ok(false) => {
                                res = Ok(false);
                                break;
                            }
                            Err(e) => {
                                res = Err(e);
                                break;
                            }
                        }
                    }
                    Ok(None) => {
                        res = Ok(false);
                        break;
                    }
                    Err(e) => {
                        res = Err(e);
                        break;
                    }
                }
            }
        }
        self.truncate(base);
        res
    }

    /// Subset-based set comparisons.
    pub(crate) fn set_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<bool> {
        let (la, lb) = (self.dict_len(a), self.dict_len(b));
        let base = self.sp();
        self.push(a);
        self.push(b);
        let r = (|| -> PyResult<bool> {
            Ok(match op {
                CmpOp::Eq => la == lb && self.set_issubset(base, base + 1)?,
                CmpOp::Ne => !(la == lb && self.set_issubset(base, base + 1)?),
                CmpOp::Le => self.set_issubset(base, base + 1)?,
                CmpOp::Lt => la < lb && self.set_issubset(base, base + 1)?,
                CmpOp::Ge => self.set_issubset(base + 1, base)?,
                CmpOp::Gt => la > lb && self.set_issubset(base + 1, base)?,
            })
        })();
        self.truncate(base);
        r
    }

    /// Is the set at slot a a subset of the set at slot b?
    pub fn set_issubset(&mut self, a: usize, b: usize) -> PyResult<bool> {
        let used = self.dict_used(self.at(a));
        for i in 0..used {
            if let Some((k, _)) = self.dict_entry(self.at(a), i) {
                let bs = self.at(b);
                if self.dict_get(bs, k)?.is_none() {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }

    // ---- arithmetic ----------------------------------------------------------------------------
    // gc-safe: small_int_op only runs on immediates (ints never move); a and b are unchanged then
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        if a.is_int() && b.is_int() {
            if let Some(v) = self.small_int_op(a.as_int(), b.as_int(), op)? {
                return Ok(v);
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
        let intk = |k: Kind| matches!(k, Kind::BigInt | Kind::Bool);
        if ka == Kind::Bool && kb == Kind::Bool && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor)
        {
            let (x, y) = (
                self.obj::<BoolObj>(a).value != 0,
                self.obj::<BoolObj>(b).value != 0,
            );
            let r = match op {
                BinOp::And => x & y,
                BinOp::Or => x | y,
                _ => x ^ y,
            };
            return Ok(self.bool_val(r));
        }
        if intk(ka) && intk(kb) {
            return self.bigint_op_values(a, b, op);
        }
        if (ka == Kind::Float || intk(ka)) && (kb == Kind::Float || intk(kb)) {
            let x = self.num_as_f64(a);
            let y = self.num_as_f64(b);
            let (Some(x), Some(y)) = (x, y) else {
                return Err(self.overflow_error("int too large to convert to float"));
            };
            if op == BinOp::Pow && intk(kb) && ka == Kind::Float {
                return self.float_op(x, y, op);
            }
            return self.float_op(x, y, op);
        }
        // A kind's binop slot: the left operand's, else the right one's (a slot that does not
        // answer must not have reached a GC point: a and b are not rooted).
        for k in [ka, kb] {
            if let Some(f) = objects::slots(k).binop {
                if let Some(v) = f(self, a, b, op)? {
                    return Ok(v);
                }
            }
        }
        if let Some(v) = self.seq_op(a, b, ka, kb, op)? {
            return Ok(v);
        }
        self.dunder_binop(a, b, op)
    }

    pub fn inplace_op(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        if a.is_ptr() && matches!(self.kind(a), Kind::Instance) {
            let name = format!("__i{}", &binop_name(op)[2..]);
            if let Some(f) = self.special(a, &name) {
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
                return self.binary_op(a, b, op);
            }
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
        self.binary_op(a, b, op)
    }

    fn small_int_op(&mut self, x: i64, y: i64, op: BinOp) -> PyResult<Option<Value>> {
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(self.zero_div("integer division or modulo by zero"));
                }
                Some(Integer::div_floor(&x, &y))
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(self.zero_div("integer division or modulo by zero"));
                }
                Some(x.mod_floor(&y))
            }
            BinOp::TrueDiv => {
                if y == 0 {
                    return Err(self.zero_div("division by zero"));
                }
                return self.new_float(x as f64 / y as f64).map(Some);
            }
            BinOp::And => Some(x & y),
            BinOp::Or => Some(x | y),
            BinOp::Xor => Some(x ^ y),
            BinOp::LShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if y < 62 && (x.abs() < (1i64 << (62 - y))) {
                    Some(x << y)
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(x >> y.min(63))
            }
            BinOp::Pow => {
                if y < 0 {
                    return self.float_op(x as f64, y as f64, op).map(Some);
                }
                if y > u32::MAX as i64 {
                    None
                } else {
                    x.checked_pow(y as u32)
                }
            }
            BinOp::MatMul => return Ok(None),
        };
        match r {
            Some(i) => self.new_int(i).map(Some),
            None => {
                if op == BinOp::MatMul {
                    return Ok(None);
                }
                self.bigint_op(BigInt::from(x), BigInt::from(y), op)
                    .map(Some)
            }
        }
    }

    fn bigint_op(&mut self, x: BigInt, y: BigInt, op: BinOp) -> PyResult<Value> {
        let r = big_arith(&x, &y, op);
        self.big_result(r)
    }

    /// Big-int arithmetic on the operands' payloads in place (no clone of a big operand).
    fn bigint_op_values(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        let small = |vm: &Vm, v: Value| -> Option<BigInt> {
            if vm.is(v, Kind::BigInt) {
                None
            } else {
                vm.to_bigint(v)
            }
        };
        let (sa, sb) = (small(self, a), small(self, b));
        let r = {
            let x = sa.as_ref().unwrap_or_else(|| &self.obj::<BigIntObj>(a).n);
            let y = sb.as_ref().unwrap_or_else(|| &self.obj::<BigIntObj>(b).n);
            big_arith(x, y, op)
        };
        self.big_result(r)
    }

    fn big_result(&mut self, r: Result<BigOut, BigErr>) -> PyResult<Value> {
        match r {
            Ok(BigOut::Int(n)) => self.new_bigint(n),
            Ok(BigOut::Float(f)) => self.new_float(f),
            Ok(BigOut::FloatOp(x, y, op)) => self.float_op(x, y, op),
            Err(BigErr::ZeroDiv(m)) => Err(self.zero_div(m)),
            Err(BigErr::Overflow(m)) => Err(self.overflow_error(m)),
            Err(BigErr::Value(m)) => Err(self.value_error(m)),
            Err(BigErr::Type(m)) => Err(self.type_error(m)),
        }
    }

    pub fn float_op(&mut self, x: f64, y: f64, op: BinOp) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 {
                    return Err(self.zero_div("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_div("float floor division by zero"));
                }
                f64_floor_div(x, y)
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_div("float modulo"));
                }
                py_fmod(x, y)
            }
            BinOp::Pow => {
                if x == 0.0 && y < 0.0 {
                    return Err(self.zero_div("0.0 cannot be raised to a negative power"));
                }
                if x < 0.0 && y.fract() != 0.0 {
                    return Err(self.value_error("complex results are not supported by minipy"));
                }
                let r = x.powf(y);
                if r.is_infinite() && x.is_finite() && y.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => {
                let s = binop_symbol(op);
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {s}: 'float' and 'float'"
                )));
            }
        };
        self.new_float(r)
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
            (BinOp::Add, Kind::Str, Kind::Str) => {
                let s = format!("{}{}", self.str_of(a), self.str_of(b));
                self.new_str(&s).map(Some)
            }
            (BinOp::Add, Kind::Bytes, Kind::Bytes) => {
                let mut v = self.bytes_of(a).to_vec();
                v.extend_from_slice(self.bytes_of(b));
                self.new_bytes(&v).map(Some)
            }
            (BinOp::Add, Kind::ByteArray, Kind::ByteArray | Kind::Bytes) => {
                let mut v = self.bytearray_mut(a).clone();
                if kb == Kind::Bytes {
                    v.extend_from_slice(self.bytes_of(b));
                } else {
                    v.extend_from_slice(&self.bytearray_mut(b).clone());
                }
                self.new_bytearray(v).map(Some)
            }
            (BinOp::Add, Kind::Tuple, Kind::Tuple) => {
                let (x, y) = (self.tuple_items(a).to_vec(), self.tuple_items(b).to_vec());
                for v in x.iter().chain(y.iter()) {
                    self.push(*v);
                }
                self.new_tuple_from_stack(x.len() + y.len()).map(Some)
            }
            (BinOp::Add, Kind::List, Kind::List) => {
                let (x, y) = (self.list_items(a).to_vec(), self.list_items(b).to_vec());
                for v in x.iter().chain(y.iter()) {
                    self.push(*v);
                }
                self.new_list_from_stack(x.len() + y.len()).map(Some)
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

    fn seq_repeat(&mut self, s: Value, n: Value) -> PyResult<Value> {
        let Some(n) = self.to_i64(n) else {
            return Err(self.overflow_error("cannot fit 'int' into an index-sized integer"));
        };
        let n = n.max(0) as usize;
        match self.kind(s) {
            Kind::Str => {
                let r = self.str_of(s).repeat(n);
                self.new_str(&r)
            }
            Kind::Bytes => {
                let r = self.bytes_of(s).repeat(n);
                self.new_bytes(&r)
            }
            Kind::ByteArray => {
                let r = self.bytearray_mut(s).repeat(n);
                self.new_bytearray(r)
            }
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
            if binop && !matches!(self.kind_or_int(xv), Kind::Instance | Kind::Foreign) {
                continue;
            }
            if let Some(f) = self.special(xv, m) {
                let (xv, yv) = (self.at(x), self.at(y));
                let r = self.call(f, &[xv, yv])?;
                if r != ni {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    fn dunder_binop(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        let name = binop_name(op);
        let rname = format!("__r{}", &name[2..]);
        let base = self.sp();
        self.push(a);
        self.push(b);
        let r = self.try_dunder_pair(base, name, &rname, true);
        let (a, b) = (self.at(base), self.at(base + 1));
        self.truncate(base);
        match r? {
            Some(v) => Ok(v),
            None => {
                // names first: seq_repeat_index may run __index__ (a GC point)
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                if op == BinOp::Mul {
                    if let Some(r) = self.seq_repeat_index(a, b)? {
                        return Ok(r);
                    }
                }
                let s = binop_symbol(op);
                if op == BinOp::Add && ta == "str" {
                    return Err(
                        self.type_error(format!("can only concatenate str (not \"{tb}\") to str"))
                    );
                }
                if op == BinOp::Add && ta == "list" {
                    return Err(self
                        .type_error(format!("can only concatenate list (not \"{tb}\") to list")));
                }
                if op == BinOp::Pow {
                    return Err(self.type_error(format!(
                        "unsupported operand type(s) for ** or pow(): '{ta}' and '{tb}'"
                    )));
                }
                Err(self.type_error(format!(
                    "unsupported operand type(s) for {s}: '{ta}' and '{tb}'"
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

fn float_eq_int(f: f64, i: &BigInt) -> bool {
    f.fract() == 0.0 && BigInt::from_f64_exact(f).is_some_and(|x| &x == i)
}

trait FromF64Exact {
    fn from_f64_exact(f: f64) -> Option<BigInt>;
}
impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> Option<BigInt> {
        num_traits::FromPrimitive::from_f64(f)
    }
}

fn cmp_big_float(i: &BigInt, f: f64) -> std::cmp::Ordering {
    if f.is_infinite() {
        return if f > 0.0 {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        };
    }
    let fl = BigInt::from_f64_exact(f.floor()).unwrap();
    match i.cmp(&fl) {
        std::cmp::Ordering::Equal if f.fract() != 0.0 => std::cmp::Ordering::Less,
        o => o,
    }
}

fn big_true_div(x: &BigInt, y: &BigInt) -> f64 {
    match (x.to_f64(), y.to_f64()) {
        (Some(a), Some(b)) if a.abs() < 9.0e15 && b.abs() < 9.0e15 => a / b,
        _ => {
            // scale to keep precision
            let q = x.div_floor(y);
            let r = x - &q * y;
            q.to_f64().unwrap_or(f64::INFINITY)
                + r.to_f64().unwrap_or(0.0) / y.to_f64().unwrap_or(f64::INFINITY)
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

pub enum BigOut {
    Int(BigInt),
    Float(f64),
    FloatOp(f64, f64, BinOp),
}

pub enum BigErr {
    ZeroDiv(&'static str),
    Overflow(&'static str),
    Value(&'static str),
    Type(&'static str),
}

/// Python int arithmetic on borrowed big ints; the caller turns the outcome into a value or an error.
fn big_arith(x: &BigInt, y: &BigInt, op: BinOp) -> Result<BigOut, BigErr> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::FloorDiv | BinOp::Mod if y.is_zero() => {
            return Err(BigErr::ZeroDiv("integer division or modulo by zero"))
        }
        BinOp::FloorDiv => x.div_floor(y),
        BinOp::Mod => x.mod_floor(y),
        BinOp::TrueDiv => {
            if y.is_zero() {
                return Err(BigErr::ZeroDiv("division by zero"));
            }
            let f = big_true_div(x, y);
            if f.is_infinite() {
                return Err(BigErr::Overflow(
                    "integer division result too large for a float",
                ));
            }
            return Ok(BigOut::Float(f));
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::LShift => {
            let Some(s) = y.to_i64() else {
                return Err(BigErr::Overflow("too many digits in integer"));
            };
            if s < 0 {
                return Err(BigErr::Value("negative shift count"));
            }
            x << (s as usize)
        }
        BinOp::RShift => {
            let s = y.to_i64().unwrap_or(i64::MAX);
            if s < 0 {
                return Err(BigErr::Value("negative shift count"));
            }
            if s > 1 << 32 {
                if x.is_negative() {
                    BigInt::from(-1)
                } else {
                    BigInt::zero()
                }
            } else {
                x >> (s as usize)
            }
        }
        BinOp::Pow => {
            if y.is_negative() {
                let (Some(a), Some(b)) = (x.to_f64(), y.to_f64()) else {
                    return Err(BigErr::Overflow("int too large to convert to float"));
                };
                return Ok(BigOut::FloatOp(a, b, op));
            }
            let Some(e) = y.to_u32() else {
                return Err(BigErr::Overflow("exponent too large"));
            };
            num_traits::pow::Pow::pow(x, e)
        }
        BinOp::MatMul => {
            return Err(BigErr::Type(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ))
        }
    };
    Ok(BigOut::Int(r))
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
