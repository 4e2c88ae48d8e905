//! bytes/bytearray decode, hex and fromhex (a staticmethod), and the bytearray mutators: append,
//! extend, pop, insert, remove, clear, copy, reverse. Bytearray storage is a Rust Vec
//! (`vm.bytearray_mut`), re-derived after every GC point.

use super::methods::{bytes_like, self_data};
use crate::obj::layout::{Kind, NativeFn};
use crate::objects::str::args::*;
use crate::objects::str::codecs::codec_args;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    for t in ["bytes", "bytearray"] {
        vm.add_method(t, "decode", decode);
        vm.add_method(t, "hex", hex);
    }
    add_static(vm, "bytes", "fromhex", fromhex_bytes);
    add_static(vm, "bytearray", "fromhex", fromhex_bytearray);
    let methods: &[(&str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("clear", clear),
        ("copy", copy),
        ("reverse", reverse),
    ];
    for (name, f) in methods {
        vm.add_method("bytearray", name, *f);
    }
}

// ---- decode ----------------------------------------------------------------------------------------

fn decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (data, _) = self_data(vm, &a, "decode")?;
    let p = mparams(vm, &a, "decode", &["encoding", "errors"], 0, Style::Kw)?;
    let (codec, errors) = codec_args(vm, &p, "decode")?;
    let s = crate::objects::str::codecs::decode(vm, &data, codec, &errors)?;
    vm.new_str(&s)
}

// ---- hex / fromhex ---------------------------------------------------------------------------------

pub(crate) fn hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (data, _) = self_data(vm, &a, "hex")?;
    let p = mparams(vm, &a, "hex", &["sep", "bytes_per_sep"], 0, Style::Kw)?;
    let digits: Vec<String> = data.iter().map(|b| format!("{b:02x}")).collect();
    let sep = if is_none(vm, p[0]) {
        None
    } else {
        let v = vm.at(p[0].unwrap_or(0));
        let s = if vm.is(v, Kind::Str) {
            vm.str_of(v).to_string()
        } else {
            bytes_like(vm, v)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default()
        };
        if s.chars().count() != 1 {
            return Err(vm.value_error("sep must be length 1."));
        }
        Some(s)
    };
    let per = match p[1] {
        Some(slot) => int_arg(vm, slot)?,
        None => 1,
    };
    let out = match sep {
        None => digits.concat(),
        Some(sep) => group_hex(&digits, &sep, per),
    };
    vm.new_str(&out)
}

/// Joins byte digits with `sep` every |per| bytes, counted from the right (per > 0) or left.
fn group_hex(digits: &[String], sep: &str, per: i64) -> String {
    if per == 0 || digits.is_empty() {
        return digits.concat();
    }
    let k = per.unsigned_abs() as usize;
    let n = digits.len();
    let mut out = String::new();
    for (i, d) in digits.iter().enumerate() {
        let boundary = if per > 0 {
            (n - i).is_multiple_of(k)
        } else {
            i % k == 0
        };
        if i > 0 && boundary {
            out.push_str(sep);
        }
        out.push_str(d);
    }
    out
}

fn fromhex_data(vm: &mut Vm, a: &Args) -> PyResult<Vec<u8>> {
    if vm.npos(a) != 1 || a.n != 1 {
        return Err(vm.type_error(format!(
            "fromhex() takes exactly one argument ({} given)",
            a.n
        )));
    }
    let v = vm.arg(a, 0);
    if !vm.is(v, Kind::Str) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("fromhex() argument must be str, not {tn}")));
    }
    let s: Vec<char> = vm.str_of(v).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = s[i].to_digit(16);
        let lo = s.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => return Err(bad_hex(vm, i)),
            (Some(_), None) => return Err(bad_hex(vm, i + 1)),
        }
        i += 2;
    }
    Ok(out)
}

fn bad_hex(vm: &mut Vm, pos: usize) -> crate::vm::Exc {
    vm.value_error(format!(
        "non-hexadecimal number found in fromhex() arg at position {pos}"
    ))
}

fn fromhex_bytes(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = fromhex_data(vm, &a)?;
    vm.new_bytes(&d)
}
fn fromhex_bytearray(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = fromhex_data(vm, &a)?;
    vm.new_bytearray(d)
}

// ---- bytearray mutators ----------------------------------------------------------------------------

fn check_ba(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<()> {
    check_self(vm, a, "bytearray", fname, &[Kind::ByteArray])
}

/// A byte value argument: an int in range(256).
fn byte_arg(vm: &mut Vm, slot: usize) -> PyResult<u8> {
    let n = int_arg(vm, slot)?;
    if !(0..256).contains(&n) {
        return Err(vm.value_error("byte must be in range(0, 256)"));
    }
    Ok(n as u8)
}

fn append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_ba(vm, &a, "append")?;
    let p = mparams(vm, &a, "append", &["item"], 1, Style::One)?;
    let b = byte_arg(vm, p[0].unwrap_or(0))?;
    vm.bytearray_check_resize(vm.arg(&a, 0))?;
    vm.bytearray_mut(vm.arg(&a, 0)).push(b);
    vm.bytearray_charge(vm.arg(&a, 0));
    Ok(vm.none())
}

fn extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_ba(vm, &a, "extend")?;
    let p = mparams(vm, &a, "extend", &["iterable_of_ints"], 1, Style::One)?;
    let slot = p[0].unwrap_or(0);
    let src = vm.at(slot);
    let data = match bytes_like(vm, src) {
        Some(d) => d,
        None => {
            if vm.is_int(src) {
                let tn = vm.type_name(src);
                return Err(vm.type_error(format!("can't extend bytearray with {tn}")));
            }
            ints_of(vm, slot)?
        }
    };
    vm.bytearray_check_resize(vm.arg(&a, 0))?;
    vm.bytearray_mut(vm.arg(&a, 0)).extend_from_slice(&data);
    vm.bytearray_charge(vm.arg(&a, 0));
    Ok(vm.none())
}

/// The byte values of an iterable of ints at stack slot `slot`.
fn ints_of(vm: &mut Vm, slot: usize) -> PyResult<Vec<u8>> {
    let base = vm.sp();
    let l = vm.to_list(vm.at(slot))?;
    vm.push(l);
    let mut out = Vec::new();
    let mut i = 0;
    while i < vm.list_len(vm.at(base)) {
        vm.push(vm.list_items(vm.at(base))[i]);
        let r = byte_arg(vm, base + 1);
        vm.truncate(base + 1);
        match r {
            Ok(b) => out.push(b),
            Err(e) => {
                vm.truncate(base);
                return Err(e);
            }
        }
        i += 1;
    }
    vm.truncate(base);
    Ok(out)
}

fn pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_ba(vm, &a, "pop")?;
    let p = mparams(vm, &a, "pop", &["index"], 0, Style::Clinic)?;
    let i = match p[0] {
        Some(slot) => int_arg(vm, slot)?,
        None => -1,
    };
    vm.bytearray_check_resize(vm.arg(&a, 0))?;
    let v = vm.bytearray_mut(vm.arg(&a, 0));
    if v.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let n = v.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let b = v.remove(j as usize);
    vm.new_int(b as i64)
}

fn insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_ba(vm, &a, "insert")?;
    let p = mparams(vm, &a, "insert", &["index", "item"], 2, Style::Clinic)?;
    let i = int_arg(vm, p[0].unwrap_or(0))?;
    let b = byte_arg(vm, p[1].unwrap_or(0))?;
    vm.bytearray_check_resize(vm.arg(&a, 0))?;
    let v = vm.bytearray_mut(vm.arg(&a, 0));
    let n = v.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(j as usize, b);
    vm.bytearray_charge(vm.arg(&a, 0));
    Ok(vm.none())
}

fn remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_ba(vm, &a, "remove")?;
    let p = mparams(vm, &a, "remove", &["value"], 1, Style::One)?;
    let b = byte_arg(vm, p[0].unwrap_or(0))?;
    vm.bytearray_check_resize(vm.arg(&a, 0))?;
    let v = vm.bytearray_mut(vm.arg(&a, 0));
    match v.iter().position(|&x| x == b) {
        Some(i) => {
            v.remove(i);
            Ok(vm.none())
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn noargs(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<()> {
    check_ba(vm, a, fname)?;
    if a.n > 1 {
        return Err(vm.type_error(format!(
            "bytearray.{fname}() takes no arguments ({} given)",
            a.n - 1
        )));
    }
    Ok(())
}

fn clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    noargs(vm, &a, "clear")?;
    vm.bytearray_check_resize(vm.arg(&a, 0))?;
    vm.bytearray_mut(vm.arg(&a, 0)).clear();
    Ok(vm.none())
}

fn copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    noargs(vm, &a, "copy")?;
    let d = vm.bytearray_mut(vm.arg(&a, 0)).clone();
    vm.new_bytearray(d)
}

fn reverse(vm: &mut Vm, a: Args) -> PyResult<Value> {
    noargs(vm, &a, "reverse")?;
    vm.bytearray_mut(vm.arg(&a, 0)).reverse();
    Ok(vm.none())
}
