//! Methods of the smaller builtin types: tuple (index, count), int (bit_length, bit_count, to_bytes,
//! from_bytes, conjugate, as_integer_ratio), float (is_integer, as_integer_ratio, hex, fromhex,
//! conjugate), range (index, count), generators (send, throw, close, __next__, __iter__). The builtin
//! iterators' __next__/__iter__ are in objects/iter/.
//!
//! Also the argument-checking helpers shared by the method files (`check_method`, `bind_params`,
//! `index_arg`, `slice_bounds`, `same_or_eq`), which reproduce CPython's error messages.

use crate::bytecode::Op;
use crate::obj::layout::*;
pub use crate::objects::args::{
    add_classmethod, bind_keywords, bind_params, check_method, check_self, count_error, index_arg,
    plural, same_or_eq, slice_bounds, Arity,
};
use crate::objects::iter::raise_stop_iteration;
use crate::vm::gen::GenResult;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

pub fn install(vm: &mut Vm) {
    vm.add_method("tuple", "index", tuple_index);
    vm.add_method("tuple", "count", tuple_count);
    install_int(vm);
    install_float(vm);
    vm.add_method("range", "index", range_index);
    vm.add_method("range", "count", range_count);
    vm.add_method("generator", "send", gen_send);
    vm.add_method("generator", "throw", gen_throw);
    vm.add_method("generator", "close", gen_close);
    vm.add_method("generator", "__next__", gen_next);
    vm.add_method("generator", "__iter__", gen_iter);
}

fn install_int(vm: &mut Vm) {
    vm.add_method("int", "bit_length", int_bit_length);
    vm.add_method("int", "bit_count", int_bit_count);
    vm.add_method("int", "to_bytes", int_to_bytes);
    vm.add_method("int", "conjugate", int_conjugate);
    vm.add_method("int", "as_integer_ratio", int_as_integer_ratio);
    add_classmethod(vm, "int", "from_bytes", int_from_bytes);
}

fn install_float(vm: &mut Vm) {
    vm.add_method("float", "is_integer", float_is_integer);
    vm.add_method("float", "as_integer_ratio", float_as_integer_ratio);
    vm.add_method("float", "hex", float_hex);
    vm.add_method("float", "conjugate", float_conjugate);
    add_classmethod(vm, "float", "fromhex", float_fromhex);
}

// ---- tuple ---------------------------------------------------------------------------------------

/// Position of the first item of the tuple (argument 0) equal to argument 1 in `lo..hi`.
fn tuple_find(vm: &mut Vm, a: &Args, lo: usize, hi: usize) -> PyResult<Option<usize>> {
    let n = vm.tuple_items(vm.arg(a, 0)).len();
    for i in lo..hi.min(n) {
        let item = vm.tuple_items(vm.arg(a, 0))[i];
        let x = vm.arg(a, 1);
        if same_or_eq(vm, item, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn tuple_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check_method(vm, &a, "tuple", "index", &[Kind::Tuple], Arity::Range(1, 3))?;
    let n = vm.tuple_items(vm.arg(&a, 0)).len();
    let (lo, hi) = slice_bounds(vm, &a, 2, nargs - 1, n)?;
    match tuple_find(vm, &a, lo, hi)? {
        Some(i) => vm.new_int(i as i64),
        None => Err(vm.value_error("tuple.index(x): x not in tuple")),
    }
}

fn tuple_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "tuple", "count", &[Kind::Tuple], Arity::One)?;
    let (mut c, mut i) = (0, 0);
    while let Some(j) = tuple_find(vm, &a, i, usize::MAX)? {
        c += 1;
        i = j + 1;
    }
    vm.new_int(c)
}

// ---- int -----------------------------------------------------------------------------------------

fn int_self(vm: &mut Vm, a: &Args, name: &str) -> PyResult<BigInt> {
    check_method(vm, a, "int", name, &[Kind::BigInt], Arity::NoArgs)?;
    Ok(vm.to_bigint(vm.arg(a, 0)).unwrap_or_default())
}

fn int_bit_length(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = int_self(vm, &a, "bit_length")?;
    vm.new_int(n.bits() as i64)
}

fn int_bit_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = int_self(vm, &a, "bit_count")?;
    let ones: u32 = n
        .magnitude()
        .to_u64_digits()
        .iter()
        .map(|d| d.count_ones())
        .sum();
    vm.new_int(ones as i64)
}

fn int_conjugate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = int_self(vm, &a, "conjugate")?;
    vm.new_bigint(n)
}

fn int_as_integer_ratio(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = int_self(vm, &a, "as_integer_ratio")?;
    let v = vm.new_bigint(n)?;
    vm.push(v);
    vm.push(Value::from_int(1).unwrap());
    vm.new_tuple_from_stack(2)
}

/// The `byteorder` argument: true for little-endian.
fn byteorder_arg(vm: &mut Vm, slot: Option<usize>, fname: &str) -> PyResult<bool> {
    let Some(s) = slot else { return Ok(false) };
    let v = vm.at(s);
    if !vm.is(v, Kind::Str) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {tn}"
        )));
    }
    match vm.str_of(v) {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn signed_arg(vm: &mut Vm, slot: Option<usize>) -> PyResult<bool> {
    match slot {
        Some(s) => vm.truthy(vm.at(s)),
        None => Ok(false),
    }
}

/// int.to_bytes(length=1, byteorder='big', *, signed=False)
fn int_to_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_self(vm, &a, "int", "to_bytes", &[Kind::BigInt])?;
    let p = bind_params(vm, &a, "to_bytes", &["length", "byteorder", "signed"], 2)?;
    let length = match p[0] {
        Some(s) => index_arg(vm, vm.at(s))?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder_arg(vm, p[1], "to_bytes")?;
    let signed = signed_arg(vm, p[2])?;
    let n = vm.to_bigint(vm.arg(&a, 0)).unwrap_or_default();
    if n.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if n.is_zero() {
        vec![]
    } else if signed {
        n.to_signed_bytes_le()
    } else {
        n.to_bytes_le().1
    };
    if bytes.len() > length as usize {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, fill);
    if !little {
        bytes.reverse();
    }
    vm.new_bytes(&bytes)
}

/// The bytes of a from_bytes() argument: bytes, bytearray, or an iterable of ints in 0..256.
fn bytes_like(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if vm.is(v, Kind::Bytes) {
        return Ok(vm.bytes_of(v).to_vec());
    }
    if vm.is(v, Kind::ByteArray) {
        return Ok(vm.bytearray_mut(v).clone());
    }
    if vm.is(v, Kind::Str) || !v.is_ptr() {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("cannot convert '{tn}' object to bytes")));
    }
    let l = vm.to_list(v)?;
    let items: Vec<Value> = vm.list_items(l).to_vec();
    let mut out = Vec::with_capacity(items.len());
    for x in items {
        match vm.to_i64(x) {
            Some(b) if (0..256).contains(&b) => out.push(b as u8),
            Some(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
            None => {
                let tn = vm.type_name(x);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        }
    }
    Ok(out)
}

/// int.from_bytes(bytes, byteorder='big', *, signed=False) (a classmethod: argument 0 is the class)
fn int_from_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = bind_params(vm, &a, "from_bytes", &["bytes", "byteorder", "signed"], 2)?;
    let Some(bslot) = p[0] else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder_arg(vm, p[1], "from_bytes")?;
    let signed = signed_arg(vm, p[2])?;
    let mut bytes = bytes_like(vm, vm.at(bslot))?;
    if !little {
        bytes.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(Sign::Plus, &bytes)
    };
    let v = vm.new_bigint(n)?;
    let cls = vm.arg(&a, 0);
    if cls == vm.builtin_type("int") {
        return Ok(v);
    }
    vm.call(cls, &[v])
}

// ---- float ---------------------------------------------------------------------------------------

fn float_self(vm: &mut Vm, a: &Args, name: &str) -> PyResult<f64> {
    check_method(vm, a, "float", name, &[Kind::Float], Arity::NoArgs)?;
    Ok(vm.float_val(vm.arg(a, 0)))
}

fn float_is_integer(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = float_self(vm, &a, "is_integer")?;
    Ok(vm.bool_val(f.is_finite() && f.fract() == 0.0))
}

fn float_conjugate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = float_self(vm, &a, "conjugate")?;
    vm.new_float(f)
}

/// (mantissa, exponent) with f == mantissa * 2**exponent exactly, mantissa odd or zero.
fn float_parts(f: f64) -> (i64, i64) {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    let (mut m, mut e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1i64 << 52), exp - 1075)
    };
    if m == 0 {
        return (0, 0);
    }
    while m & 1 == 0 {
        m >>= 1;
        e += 1;
    }
    (if f < 0.0 { -m } else { m }, e)
}

fn float_as_integer_ratio(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = float_self(vm, &a, "as_integer_ratio")?;
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (m, e) = float_parts(f);
    let (num, den) = if e >= 0 {
        (BigInt::from(m) << e as usize, BigInt::from(1))
    } else {
        (BigInt::from(m), BigInt::from(1) << (-e) as usize)
    };
    let n = vm.new_bigint(num)?;
    vm.push(n);
    let d = vm.new_bigint(den)?;
    vm.push(d);
    vm.new_tuple_from_stack(2)
}

/// float.hex() text, as CPython formats it.
pub fn float_hex_string(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f < 0.0 { "-inf".into() } else { "inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        format!("{sign}0x0.{frac:013x}p-1022")
    } else {
        format!("{sign}0x1.{frac:013x}p{:+}", exp - 1023)
    }
}

fn float_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = float_self(vm, &a, "hex")?;
    vm.new_str(&float_hex_string(f))
}

/// Parses CPython's hexadecimal float syntax ([sign] [0x] hexdigits [. hexdigits] [p [sign] digits],
/// or inf/infinity/nan). None if malformed; Some(Err) text for overflow.
fn parse_hex_float(s: &str) -> Option<Result<f64, &'static str>> {
    let s = s.trim();
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let sgn = if neg { -1.0 } else { 1.0 };
    if lower == "inf" || lower == "infinity" {
        return Some(Ok(sgn * f64::INFINITY));
    }
    if lower == "nan" {
        return Some(Ok(f64::NAN));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.find('p') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return None;
    }
    let mut digits = Vec::new();
    for c in ip.chars().chain(fp.chars()) {
        digits.push(c.to_digit(16)? as u64);
    }
    let e: i64 = match exp {
        Some(t) => {
            let t = t.strip_prefix('+').unwrap_or(t);
            let (eneg, digs) = match t.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, t),
            };
            if digs.is_empty() || !digs.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let v = digs.parse::<i64>().unwrap_or(1_000_000).min(1_000_000);
            if eneg {
                -v
            } else {
                v
            }
        }
        None => 0,
    };
    // value = sum(d * 16**-k) * 2**(e + 4*len(ip)); accumulate exactly as a big int then scale.
    let mut n = BigInt::zero();
    for d in &digits {
        n = (n << 4) + BigInt::from(*d);
    }
    let scale = e.saturating_sub(4 * fp.len() as i64);
    Some(bigint_times_pow2(&n, scale).map(|v| sgn * v))
}

/// n * 2**e rounded to the nearest double (ties to even); Err on overflow.
fn bigint_times_pow2(n: &BigInt, e: i64) -> Result<f64, &'static str> {
    if n.is_zero() {
        return Ok(0.0);
    }
    let bits = n.bits() as i64;
    // keep 55 significant bits (plus a sticky bit) and let the hardware round once
    let top = bits + e; // value in [2**(top-1), 2**top)
    if top > 1024 {
        return Err("hexadecimal value too large to represent as a float");
    }
    let shift = (bits - 55).max(0);
    let lost = shift > 0 && (n & ((BigInt::from(1) << shift as usize) - 1)) != BigInt::zero();
    let m = (n >> shift as usize).to_u64().unwrap_or(0) | lost as u64;
    let mut exp = e + shift;
    // subnormal result: round once at the 2**-1074 bit (the hardware would round twice)
    let min_exp = -1074;
    let m_bits = 64 - m.leading_zeros() as i64;
    let mut m = m;
    if exp < min_exp && exp + m_bits - 53 < min_exp {
        let drop = (min_exp - exp).min(70) as u32;
        let mm = m as u128;
        let (keep, rem, half) = (mm >> drop, mm & ((1u128 << drop) - 1), 1u128 << (drop - 1));
        let round_up = rem > half || (rem == half && keep & 1 == 1);
        m = (keep + round_up as u128) as u64;
        exp += drop as i64;
    }
    let v = (m as f64)
        * 2f64.powi(exp.clamp(-1100, 1100) as i32 / 2)
        * 2f64.powi((exp.clamp(-1100, 1100) - exp.clamp(-1100, 1100) / 2) as i32);
    if v.is_infinite() {
        return Err("hexadecimal value too large to represent as a float");
    }
    Ok(v)
}

/// float.fromhex(s) (a classmethod: argument 0 is the class)
fn float_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n != 2 || !a.kwnames.is_null() {
        return Err(vm.type_error(format!(
            "float.fromhex() takes exactly one argument ({} given)",
            a.n.saturating_sub(1)
        )));
    }
    let s = vm.arg(&a, 1);
    if !vm.is(s, Kind::Str) {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    let text = vm.str_of(s).to_string();
    let f = match parse_hex_float(&text) {
        Some(Ok(f)) => f,
        Some(Err(m)) => return Err(vm.overflow_error(m)),
        None => return Err(vm.value_error("invalid hexadecimal floating-point string")),
    };
    let v = vm.new_float(f)?;
    let cls = vm.arg(&a, 0);
    if cls == vm.builtin_type("float") {
        return Ok(v);
    }
    vm.call(cls, &[v])
}

// ---- range ---------------------------------------------------------------------------------------

/// Position of an int in a range, if it is one of its values.
fn range_pos(vm: &mut Vm, r: Value, x: &BigInt) -> PyResult<Option<i64>> {
    let (start, _, step, len) = vm.range_tuple(r)?;
    let Some(x) = x.to_i128() else {
        return Ok(None);
    };
    let off = x - start as i128;
    if off % step as i128 != 0 {
        return Ok(None);
    }
    let k = off / step as i128;
    Ok(if k >= 0 && k < len as i128 {
        Some(k as i64)
    } else {
        None
    })
}

/// Positions (scanning by equality) of the range items equal to argument 1: the first, and how many.
fn range_scan(vm: &mut Vm, a: &Args, first_only: bool) -> PyResult<(Option<i64>, i64)> {
    let (start, _, step, len) = vm.range_tuple(vm.arg(a, 0))?;
    let (mut first, mut count) = (None, 0);
    for k in 0..len {
        let v = vm.new_int(start + k * step)?;
        let x = vm.arg(a, 1);
        if vm.eq(v, x)? {
            first = first.or(Some(k));
            count += 1;
            if first_only {
                break;
            }
        }
    }
    Ok((first, count))
}

/// Is `v` an int for range arithmetic (int or bool, not a subclass with its own __eq__)?
fn exact_int(vm: &Vm, v: Value) -> Option<BigInt> {
    if v.is_int() || vm.is(v, Kind::BigInt) || vm.is(v, Kind::Bool) {
        vm.to_bigint(v)
    } else {
        None
    }
}

fn range_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "range", "index", &[Kind::Range], Arity::One)?;
    let pos = match exact_int(vm, vm.arg(&a, 1)) {
        Some(x) => range_pos(vm, vm.arg(&a, 0), &x)?.ok_or(true),
        None => range_scan(vm, &a, true)?.0.ok_or(false),
    };
    match pos {
        Ok(k) => vm.new_int(k),
        Err(true) => {
            let r = vm.repr_string(vm.arg(&a, 1))?;
            Err(vm.value_error(format!("{r} is not in range")))
        }
        Err(false) => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "range", "count", &[Kind::Range], Arity::One)?;
    let c = match exact_int(vm, vm.arg(&a, 1)) {
        Some(x) => range_pos(vm, vm.arg(&a, 0), &x)?.is_some() as i64,
        None => range_scan(vm, &a, false)?.1,
    };
    vm.new_int(c)
}

// ---- generators ----------------------------------------------------------------------------------
//
// A generator suspended in `yield from` sits on its YieldFrom instruction with the delegate iterator
// on top of its saved stack (the instruction re-runs on resume). throw() and close() are forwarded
// to the delegate first, like CPython; when the delegate finishes, the frame is "detached" from it
// (delegate popped, ip moved past YieldFrom) and resumed with the delegate's result or exception.

/// The value of a resumed generator, or StopIteration(return value).
fn gen_outcome(vm: &mut Vm, r: GenResult) -> PyResult<Value> {
    match r {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(raise_stop_iteration(vm, v)),
    }
}

fn gen_next(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(
        vm,
        &a,
        "generator",
        "__next__",
        &[Kind::Generator],
        Arity::NoArgs,
    )?;
    let (g, none) = (vm.arg(&a, 0), vm.none());
    let r = vm.gen_resume(g, none, false)?;
    gen_outcome(vm, r)
}

fn gen_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(
        vm,
        &a,
        "generator",
        "__iter__",
        &[Kind::Generator],
        Arity::NoArgs,
    )?;
    Ok(vm.arg(&a, 0))
}

fn gen_send(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "generator", "send", &[Kind::Generator], Arity::One)?;
    let (g, v) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let r = vm.gen_resume(g, v, false)?;
    gen_outcome(vm, r)
}

/// The iterator a suspended generator delegates to with `yield from`, if any.
fn gen_delegate(vm: &Vm, g: Value) -> Option<Value> {
    let st = vm.gen_state_ref(g);
    if !st.started || st.finished || st.running {
        return None;
    }
    let code = vm.obj::<GeneratorObj>(g).code;
    match vm.code_data(code).instrs.get(st.ip) {
        Some(i) if i.op == Op::YieldFrom => st.stack.last().copied(),
        _ => None,
    }
}

/// Detaches a generator from its delegate: on resume it continues after the YieldFrom.
fn gen_detach(vm: &mut Vm, g: Value) {
    let st = vm.gen_state(g);
    st.stack.pop();
    st.ip += 1;
}

/// Closes the iterator at stack slot `slot` (a generator, or anything with a close() method).
fn close_iter(vm: &mut Vm, slot: usize) -> PyResult<()> {
    let d = vm.at(slot);
    if vm.is(d, Kind::Generator) {
        return close_gen(vm, slot);
    }
    let name = vm.intern("close");
    if let Some(f) = vm.getattr_opt(d, name)? {
        vm.call(f, &[])?;
    }
    Ok(())
}

/// Throws the exception at stack slot `eslot` into the generator at `gslot`, forwarding it to the
/// generator's `yield from` delegate first.
fn throw_into(vm: &mut Vm, gslot: usize, eslot: usize) -> PyResult<GenResult> {
    let Some(d) = gen_delegate(vm, vm.at(gslot)) else {
        let (g, e) = (vm.at(gslot), vm.at(eslot));
        return vm.gen_resume(g, e, true);
    };
    vm.push(d);
    let dslot = vm.sp() - 1;
    let r = if vm.exc_matches(vm.at(eslot), "GeneratorExit") {
        // close the delegate, then raise GeneratorExit (or the delegate's error) in the generator
        close_iter(vm, dslot).map(|_| None)
    } else if vm.is(d, Kind::Generator) {
        throw_into(vm, dslot, eslot).map(Some)
    } else {
        let name = vm.intern("throw");
        match vm.getattr_opt(d, name)? {
            Some(f) => match vm.call(f, &[vm.at(eslot)]) {
                Ok(v) => Ok(Some(GenResult::Yield(v))),
                Err(x) if vm.exc_matches(vm.roots.exc, "StopIteration") => {
                    let e = vm.take_exc();
                    let v = vm.stop_iteration_value(e);
                    let _ = x;
                    Ok(Some(GenResult::Return(v)))
                }
                Err(x) => Err(x),
            },
            None => Ok(None),
        }
    };
    vm.truncate(dslot);
    let g = vm.at(gslot);
    match r {
        Ok(Some(GenResult::Yield(v))) => Ok(GenResult::Yield(v)),
        Ok(Some(GenResult::Return(v))) => {
            gen_detach(vm, g);
            vm.gen_resume(g, v, false)
        }
        Ok(None) => {
            gen_detach(vm, g);
            let e = vm.at(eslot);
            vm.gen_resume(g, e, true)
        }
        Err(_) => {
            gen_detach(vm, g);
            let e = vm.take_exc();
            vm.gen_resume(g, e, true)
        }
    }
}

/// The exception to throw for throw(typ[, val[, tb]]): an instance, or a class instantiated with val.
fn throw_exception(vm: &mut Vm, a: &Args, nargs: usize) -> PyResult<Value> {
    let typ = vm.arg(a, 1);
    let val = if nargs >= 2 { vm.arg(a, 2) } else { vm.none() };
    let none = vm.none();
    if vm.is(typ, Kind::Type) && vm.is_exception_class(typ) {
        if val == none {
            return vm.call(typ, &[]);
        }
        if vm.isinstance(val, typ) {
            return Ok(val);
        }
        if vm.is(val, Kind::Tuple) {
            let items: Vec<Value> = vm.tuple_items(val).to_vec();
            return vm.call(typ, &items);
        }
        return vm.call(typ, &[val]);
    }
    let t = vm.type_of(typ);
    if vm.is_exception_class(t) {
        if val != none {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        return Ok(typ);
    }
    let tn = vm.type_name(typ);
    Err(vm.type_error(format!(
        "exceptions must be classes or instances deriving from BaseException, not {tn}"
    )))
}

fn gen_throw(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let nargs = check_method(
        vm,
        &a,
        "generator",
        "throw",
        &[Kind::Generator],
        Arity::Range(1, 3),
    )?;
    let e = throw_exception(vm, &a, nargs)?;
    vm.push(e);
    let r = throw_into(vm, a.base, vm.sp() - 1)?;
    gen_outcome(vm, r)
}

/// generator.close() on the generator at stack slot `gslot`.
fn close_gen(vm: &mut Vm, gslot: usize) -> PyResult<()> {
    let g = vm.at(gslot);
    let st = vm.gen_state(g);
    if st.running {
        return Err(vm.value_error("generator already executing"));
    }
    if !st.started || st.finished {
        vm.gen_finished(g);
        return Ok(());
    }
    let t = vm.builtin_type("GeneratorExit");
    let e = vm.call(t, &[])?;
    vm.push(e);
    let r = throw_into(vm, gslot, vm.sp() - 1);
    vm.pop();
    match r {
        Ok(GenResult::Yield(_)) => Err(vm.raise("RuntimeError", "generator ignored GeneratorExit")),
        Ok(GenResult::Return(_)) => Ok(()),
        Err(x) => {
            let exc = vm.roots.exc;
            if vm.exc_matches(exc, "GeneratorExit") || vm.exc_matches(exc, "StopIteration") {
                vm.take_exc();
                Ok(())
            } else {
                Err(x)
            }
        }
    }
}

fn gen_close(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(
        vm,
        &a,
        "generator",
        "close",
        &[Kind::Generator],
        Arity::NoArgs,
    )?;
    close_gen(vm, a.base)?;
    Ok(vm.none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_roundtrip() {
        for f in [
            1.5,
            0.1,
            -2.0,
            1e300,
            5e-324,
            2.2250738585072014e-308,
            123456.789,
        ] {
            let h = float_hex_string(f);
            assert_eq!(parse_hex_float(&h), Some(Ok(f)), "{h}");
        }
        assert_eq!(float_hex_string(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_hex_string(-0.0), "-0x0.0p+0");
        assert_eq!(parse_hex_float("0x1p-1075"), Some(Ok(0.0)));
        assert_eq!(parse_hex_float("0x3p-1075"), Some(Ok(1e-323)));
    }
}
