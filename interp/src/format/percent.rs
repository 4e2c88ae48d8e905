//! printf-style `%` formatting for str (`Vm::percent_format`) and bytes (`Vm::bytes_percent_format`): `%(key)`
//! mapping keys, flags `- + space # 0`, width and precision (`*` too), conversions
//! s r a b d i u x X o e E f F g G c %, with CPython's error messages.
//!
//! The format and its arguments stay on the value stack (`base`: format, `base + 1`: args); bytes are
//! handled as latin-1 text so that one engine serves both.

use super::float::float_body;
use crate::obj::layout::Kind;
use crate::vm::{PyResult, Vm};
use gc::Value;
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive};

/// One parsed conversion spec.
#[derive(Default)]
struct Conv {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    prec: Option<usize>,
    ty: char,
}

/// Argument cursor, following CPython: a tuple is consumed item by item, anything else is one argument.
struct Cursor {
    len: isize,
    idx: isize,
    dict: bool,
}

/// `%`-formats the str (or latin-1-decoded bytes when `bytes`) at stack slot `base` with the args at
/// `base + 1`.
pub fn percent_engine(vm: &mut Vm, base: usize, bytes: bool) -> PyResult<String> {
    let f = vm.at(base);
    let fmt: Vec<char> = if bytes {
        vm.bytes_of(f).iter().map(|&b| b as char).collect()
    } else {
        vm.str_of(f).chars().collect()
    };
    // a tuple subclass (a boxed tuple, vm/boxed.rs) is consumed item by item like a tuple
    if let Some(inner) = vm.boxed_base(vm.at(base + 1)) {
        if vm.is(inner, Kind::Tuple) {
            vm.set_at(base + 1, inner);
        }
    }
    let args = vm.at(base + 1);
    let is_tuple = vm.is(args, Kind::Tuple);
    // bytes formatting does not take bytes or bytearray arguments as mappings (str formatting does)
    let bytes_arg = bytes && (vm.is(args, Kind::Bytes) || vm.is(args, Kind::ByteArray));
    let dict = !is_tuple && !vm.is(args, Kind::Str) && !bytes_arg && is_mapping(vm, args);
    let mut cur = if is_tuple {
        Cursor {
            len: vm.tuple_items(args).len() as isize,
            idx: 0,
            dict,
        }
    } else {
        Cursor {
            len: -1,
            idx: -2,
            dict,
        }
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] != '%' {
            out.push(fmt[i]);
            i += 1;
            continue;
        }
        i = one_conversion(vm, base, &fmt, i + 1, &mut cur, bytes, &mut out)?;
    }
    if cur.idx < cur.len && !cur.dict {
        let what = if bytes { "bytes" } else { "string" };
        return Err(vm.type_error(format!(
            "not all arguments converted during {what} formatting"
        )));
    }
    Ok(out)
}

pub fn percent_format(vm: &mut Vm, base: usize) -> PyResult<String> {
    percent_engine(vm, base, false)
}

fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    if !v.is_ptr() {
        return false;
    }
    match vm.kind(v) {
        Kind::Dict | Kind::List | Kind::Bytes | Kind::ByteArray | Kind::Range => true,
        Kind::Instance => vm.special(v, "__getitem__").is_some(),
        _ => false,
    }
}

/// The next positional argument (pushed on the stack by the caller's use).
fn next_arg(vm: &mut Vm, base: usize, cur: &mut Cursor) -> PyResult<Value> {
    if cur.idx < cur.len {
        let args = vm.at(base + 1);
        let v = if cur.len < 0 {
            args
        } else {
            vm.tuple_items(args)[cur.idx as usize]
        };
        cur.idx += 1;
        return Ok(v);
    }
    Err(vm.type_error("not enough arguments for format string"))
}

/// A `*` width or precision.
fn star_arg(vm: &mut Vm, base: usize, cur: &mut Cursor) -> PyResult<i64> {
    let v = next_arg(vm, base, cur)?;
    if !vm.is_int(v) {
        return Err(vm.type_error("* wants int"));
    }
    match vm.to_i64(v) {
        Some(n) if n.abs() <= i32::MAX as i64 => Ok(n),
        _ => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn digits(fmt: &[char], i: &mut usize) -> Option<usize> {
    let start = *i;
    let mut n: usize = 0;
    while *i < fmt.len() && fmt[*i].is_ascii_digit() {
        n = n
            .saturating_mul(10)
            .saturating_add(fmt[*i] as usize - '0' as usize);
        *i += 1;
    }
    if *i > start {
        Some(n)
    } else {
        None
    }
}

/// Parses and renders the conversion starting after the '%' at `i`; returns the index after it.
fn one_conversion(
    vm: &mut Vm,
    base: usize,
    fmt: &[char],
    mut i: usize,
    cur: &mut Cursor,
    bytes: bool,
    out: &mut String,
) -> PyResult<usize> {
    let first = i;
    let sp = vm.sp();
    let mut keyed = false;
    if i < fmt.len() && fmt[i] == '(' {
        let v = mapping_value(vm, base, fmt, &mut i, cur, bytes)?;
        vm.push(v);
        keyed = true;
    }
    let mut c = Conv::default();
    while i < fmt.len() {
        match fmt[i] {
            '-' => c.left = true,
            '+' => c.plus = true,
            ' ' => c.space = true,
            '#' => c.alt = true,
            '0' => c.zero = true,
            _ => break,
        }
        i += 1;
    }
    if i < fmt.len() && fmt[i] == '*' {
        let w = star_arg(vm, base, cur)?;
        if w < 0 {
            c.left = true;
        }
        c.width = w.unsigned_abs() as usize;
        i += 1;
    } else {
        c.width = digits(fmt, &mut i).unwrap_or(0);
    }
    if i < fmt.len() && fmt[i] == '.' {
        i += 1;
        if i < fmt.len() && fmt[i] == '*' {
            c.prec = Some(star_arg(vm, base, cur)?.max(0) as usize);
            i += 1;
        } else {
            c.prec = Some(digits(fmt, &mut i).unwrap_or(0));
        }
    }
    while i < fmt.len() && matches!(fmt[i], 'h' | 'l' | 'L') {
        i += 1;
    }
    if i >= fmt.len() {
        return Err(vm.value_error("incomplete format"));
    }
    c.ty = fmt[i];
    if c.ty == '%' && i == first {
        out.push('%');
        vm.truncate(sp);
        return Ok(i + 1);
    }
    if c.prec.is_some_and(|p| p > i32::MAX as usize) || c.width > i32::MAX as usize {
        return Err(vm.value_error("precision too big"));
    }
    if keyed {
        // CPython's cursor: the keyed value was the one argument, so a later positional `%s`
        // finds none left ("%(a)s %s" % {...} is "not enough arguments")
        cur.len = -1;
        cur.idx = -1;
    } else {
        let v = next_arg(vm, base, cur)?;
        vm.push(v);
    }
    let r = render(vm, &c, bytes, i);
    vm.truncate(sp);
    out.push_str(&r?);
    Ok(i + 1)
}

/// `%(key)`: looks the key up in the mapping argument.
fn mapping_value(
    vm: &mut Vm,
    base: usize,
    fmt: &[char],
    i: &mut usize,
    cur: &mut Cursor,
    bytes: bool,
) -> PyResult<Value> {
    let mut depth = 1;
    let kstart = *i + 1;
    let mut j = kstart;
    while j < fmt.len() {
        match fmt[j] {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        j += 1;
    }
    if j >= fmt.len() {
        return Err(vm.value_error("incomplete format key"));
    }
    if !cur.dict {
        return Err(vm.type_error("format requires a mapping"));
    }
    let key: String = fmt[kstart..j].iter().collect();
    *i = j + 1;
    cur.len = -1;
    cur.idx = -2;
    let k = if bytes {
        let raw: Vec<u8> = key.chars().map(|c| c as u32 as u8).collect();
        vm.new_bytes(&raw)?
    } else {
        vm.new_str(&key)?
    };
    let m = vm.at(base + 1);
    vm.getitem(m, k)
}

/// Renders one conversion of the value on top of the stack.
fn render(vm: &mut Vm, c: &Conv, bytes: bool, at: usize) -> PyResult<String> {
    let v = vm.top();
    let body = match c.ty {
        's' | 'r' | 'a' => return text_conv(vm, c, bytes),
        'b' if bytes => return text_conv(vm, c, bytes),
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
            let n = int_operand(vm, v, c.ty)?;
            return int_conv(&n, c).map_err(|m| vm.value_error(m));
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = float_operand(vm, v)?;
            return Ok(float_conv(f, c));
        }
        'c' => char_operand(vm, v, bytes)?,
        t => {
            let msg = format!(
                "unsupported format character '{}' ({:#x}) at index {at}",
                t, t as u32
            );
            return Err(vm.value_error(msg));
        }
    };
    Ok(justify(&body, c))
}

/// Pads with spaces to the width, left or right.
fn justify(body: &str, c: &Conv) -> String {
    let n = body.chars().count();
    if n >= c.width {
        return body.to_string();
    }
    let fill = " ".repeat(c.width - n);
    if c.left {
        format!("{body}{fill}")
    } else {
        format!("{fill}{body}")
    }
}

/// %s %r %a %b
fn text_conv(vm: &mut Vm, c: &Conv, bytes: bool) -> PyResult<String> {
    let v = vm.top();
    let s = match c.ty {
        'r' | 'a' if bytes => {
            let r = vm.ascii(v)?;
            vm.str_of(r).to_string()
        }
        'r' => {
            let r = vm.repr(v)?;
            vm.str_of(r).to_string()
        }
        'a' => {
            let r = vm.ascii(v)?;
            vm.str_of(r).to_string()
        }
        _ if bytes => bytes_operand(vm, v)?,
        _ => {
            let r = vm.str_value(v)?;
            vm.str_of(r).to_string()
        }
    };
    let s = match c.prec {
        Some(p) => s.chars().take(p).collect(),
        None => s,
    };
    Ok(justify(&s, c))
}

/// The bytes of a %s/%b operand in bytes formatting, as latin-1 text.
fn bytes_operand(vm: &mut Vm, v: Value) -> PyResult<String> {
    if vm.is(v, Kind::Bytes) {
        return Ok(vm.bytes_of(v).iter().map(|&b| b as char).collect());
    }
    if vm.is(v, Kind::ByteArray) {
        return Ok(vm.bytearray_mut(v).iter().map(|&b| b as char).collect());
    }
    // the type name is taken before `__bytes__` (a GC point) runs
    let tn = vm.type_name(v);
    if v.is_ptr() && vm.is(v, Kind::Instance) {
        if let Some(f) = vm.special(v, "__bytes__") {
            let r = vm.call(f, &[v])?;
            if vm.is(r, Kind::Bytes) {
                return Ok(vm.bytes_of(r).iter().map(|&b| b as char).collect());
            }
        }
    }
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'"
    )))
}

/// The integer operand of %d/%x/%o (floats truncate for %d only).
fn int_operand(vm: &mut Vm, v: Value, ty: char) -> PyResult<BigInt> {
    if let Some(n) = vm.to_bigint(v) {
        return Ok(n);
    }
    let decimal = matches!(ty, 'd' | 'i' | 'u');
    if vm.is(v, Kind::Float) && decimal {
        let f = vm.float_val(v);
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        return BigInt::from_f64(f.trunc())
            .ok_or_else(|| vm.overflow_error("cannot convert float infinity to integer"));
    }
    if v.is_ptr() && vm.is(v, Kind::Instance) {
        let names: &[&str] = if decimal {
            &["__index__", "__int__"]
        } else {
            &["__index__"]
        };
        for name in names {
            if let Some(f) = vm.special(v, name) {
                let r = vm.call(f, &[v])?;
                if let Some(n) = vm.to_bigint(r) {
                    return Ok(n);
                }
                let tn = vm.type_name(r);
                return Err(vm.type_error(format!("{name} returned non-int (type {tn})")));
            }
        }
    }
    let tn = vm.type_name(v);
    let msg = if decimal {
        format!("%{ty} format: a real number is required, not {tn}")
    } else {
        format!("%{ty} format: an integer is required, not {tn}")
    };
    Err(vm.type_error(msg))
}

// gc-safe: `v` is read after index_dunder only when it returned None without calling Python
fn float_operand(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if vm.is(v, Kind::Float) {
        return Ok(vm.float_val(v));
    }
    if let Some(n) = vm.to_bigint(v) {
        return n
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| vm.overflow_error("int too large to convert to float"));
    }
    if v.is_ptr() && vm.is(v, Kind::Instance) {
        if let Some(f) = vm.special(v, "__float__") {
            let r = vm.call(f, &[v])?;
            if vm.is(r, Kind::Float) {
                return Ok(vm.float_val(r));
            }
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!("__float__ returned non-float (type {tn})")));
        }
        if let Some(n) = index_dunder(vm, v)? {
            return n
                .to_f64()
                .filter(|f| f.is_finite())
                .ok_or_else(|| vm.overflow_error("int too large to convert to float"));
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {tn}")))
}

/// The result of `v.__index__()` if `v` is an instance that has one.
fn index_dunder(vm: &mut Vm, v: Value) -> PyResult<Option<BigInt>> {
    if !(v.is_ptr() && vm.is(v, Kind::Instance)) {
        return Ok(None);
    }
    let f = match vm.special(v, "__index__") {
        Some(f) => f,
        None => return Ok(None),
    };
    let r = vm.call(f, &[v])?;
    match vm.to_bigint(r) {
        Some(n) => Ok(Some(n)),
        None => {
            let tn = vm.type_name(r);
            Err(vm.type_error(format!("__index__ returned non-int (type {tn})")))
        }
    }
}

/// %c: an int code point or a one-char str (a byte or one-byte bytes when formatting bytes).
fn char_operand(vm: &mut Vm, v: Value, bytes: bool) -> PyResult<String> {
    let n = match vm.to_bigint(v) {
        Some(n) => Some(n),
        None => index_dunder(vm, v)?,
    };
    let v = vm.top();
    if let Some(n) = n {
        let lim = if bytes { 256 } else { 0x110000 };
        return match n
            .to_u32()
            .filter(|&u| u < lim)
            .and_then(crate::unicode::char_of)
        {
            Some(c) => Ok(c.to_string()),
            None if bytes => Err(vm.overflow_error("%c arg not in range(256)")),
            None => Err(vm.overflow_error("%c arg not in range(0x110000)")),
        };
    }
    if bytes {
        if vm.is(v, Kind::Bytes) && vm.bytes_of(v).len() == 1 {
            return Ok((vm.bytes_of(v)[0] as char).to_string());
        }
        return Err(vm.type_error("%c requires an integer in range(256) or a single byte"));
    }
    if vm.is(v, Kind::Str) && vm.str_nchars(v) == 1 {
        return Ok(vm.str_of(v).to_string());
    }
    Err(vm.type_error("%c requires int or char"))
}

/// Sign string for a number.
fn sign_of(neg: bool, c: &Conv) -> &'static str {
    if neg {
        "-"
    } else if c.plus {
        "+"
    } else if c.space {
        " "
    } else {
        ""
    }
}

/// Assembles sign, prefix and digits with width padding ('-' left, '0' zero fill after the prefix).
fn assemble(sign: &str, prefix: &str, digits: &str, c: &Conv, zero_ok: bool) -> String {
    let n = sign.len() + prefix.len() + digits.chars().count();
    if n >= c.width {
        return format!("{sign}{prefix}{digits}");
    }
    let pad = c.width - n;
    if c.left {
        format!("{sign}{prefix}{digits}{}", " ".repeat(pad))
    } else if c.zero && zero_ok {
        format!("{sign}{prefix}{}{digits}", "0".repeat(pad))
    } else {
        format!("{}{sign}{prefix}{digits}", " ".repeat(pad))
    }
}

fn int_conv(n: &BigInt, c: &Conv) -> Result<String, String> {
    let (radix, prefix) = match c.ty {
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'o' => (8, "0o"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        crate::objects::int::decimal_digits(n)?
    } else {
        n.abs().to_str_radix(radix)
    };
    if c.ty == 'X' {
        digits = digits.to_uppercase();
    }
    if let Some(p) = c.prec {
        if digits.len() < p {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let prefix = if c.alt { prefix } else { "" };
    Ok(assemble(
        sign_of(n.is_negative(), c),
        prefix,
        &digits,
        c,
        true,
    ))
}

fn float_conv(f: f64, c: &Conv) -> String {
    let body =
        float_body(f.abs(), Some(c.ty), Some(c.prec.unwrap_or(6)), c.alt).unwrap_or_default();
    let neg = f.is_sign_negative() && !f.is_nan();
    assemble(sign_of(neg, c), "", &body, c, true)
}

impl Vm {
    /// `fmt % args`
    pub fn percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(fmt);
        self.push(args);
        let r = percent_format(self, base);
        self.truncate(base);
        let out = r?;
        self.new_str(&out)
    }

    /// `bytes % args` (bytes-specific conversions: %s/%b take bytes, %r/%a give ascii()).
    pub fn bytes_percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        let base = self.sp();
        self.push(fmt);
        self.push(args);
        let r = percent_engine(self, base, true);
        self.truncate(base);
        let out: Vec<u8> = r?.chars().map(|c| c as u32 as u8).collect();
        self.new_bytes(&out)
    }
}
