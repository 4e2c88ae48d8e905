//! str.encode (utf-8 / ascii / latin-1 with strict, replace, ignore, backslashreplace,
//! xmlcharrefreplace), expandtabs, maketrans (a staticmethod) and translate.

use super::args::*;
use super::codecs::codec_args;
use super::methods::{new_text, self_text};
use crate::obj::layout::Kind;
use crate::objects::stringlib::{pad, Utf8};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_method("str", "encode", encode);
    vm.add_method("str", "expandtabs", expandtabs);
    vm.add_method("str", "translate", translate);
    add_static(vm, "str", "maketrans", maketrans);
    for t in ["str", "bytes", "bytearray"] {
        vm.add_method(t, "__len__", dunder_len);
        vm.add_method(t, "__contains__", dunder_contains);
        vm.add_method(t, "__mod__", dunder_mod);
    }
}

/// Checks self (argument 0) is a str, bytes or bytearray and that there are `n` arguments after it.
fn seq_self(vm: &mut Vm, a: &Args, fname: &str, n: usize) -> PyResult<()> {
    let v = if a.n > 0 { vm.arg(a, 0) } else { vm.none() };
    if a.n == 0 || !(vm.is(v, Kind::Str) || vm.is(v, Kind::Bytes) || vm.is(v, Kind::ByteArray)) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "descriptor '{fname}' requires a 'str' object but received a '{tn}'"
        )));
    }
    if a.n != n + 1 || vm.npos(a) != a.n {
        let what = if n == 0 {
            "no arguments".to_string()
        } else {
            "exactly one argument".to_string()
        };
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("{tn}.{fname}() takes {what} ({} given)", a.n - 1)));
    }
    Ok(())
}

fn dunder_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    seq_self(vm, &a, "__len__", 0)?;
    // the builtin's own slot: `bytearray.__len__(b)` ignores a subclass's override
    let v = vm.arg(&a, 0);
    let n = match crate::objects::slots(vm.kind(v)).len {
        Some(f) => f(vm, v)?,
        None => vm.len(v)?,
    };
    vm.new_int(n as i64)
}

fn dunder_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    seq_self(vm, &a, "__contains__", 1)?;
    let (v, x) = (vm.arg(&a, 0), vm.arg(&a, 1));
    let r = match crate::objects::slots(vm.kind(v)).contains {
        Some(f) => f(vm, v, x)?,
        None => vm.contains(v, x)?,
    };
    Ok(vm.bool_val(r))
}

/// s % args; bytes use the bytes rules (%s takes bytes, %r gives ascii()).
fn dunder_mod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    seq_self(vm, &a, "__mod__", 1)?;
    let (f, args) = (vm.arg(&a, 0), vm.arg(&a, 1));
    if vm.is(f, Kind::Str) {
        return vm.percent_format(f, args);
    }
    if vm.is(f, Kind::Bytes) {
        return vm.bytes_percent_format(f, args);
    }
    let data = vm.bytearray_mut(f).clone();
    let b = vm.new_bytes(&data)?;
    let r = vm.bytes_percent_format(b, vm.arg(&a, 1))?;
    let out = vm.bytes_of(r).to_vec();
    vm.new_bytearray(out)
}

fn encode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = self_text(vm, &a, "encode")?;
    let p = mparams(vm, &a, "encode", &["encoding", "errors"], 0, Style::Kw)?;
    let (codec, errors) = codec_args(vm, &p, "encode")?;
    let b = super::codecs::encode(vm, &s, codec, &errors)?;
    vm.new_bytes(&b)
}

fn expandtabs(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = self_text(vm, &a, "expandtabs")?;
    let tab = tabsize_arg(vm, &a)?;
    match pad::expandtabs::<Utf8>(s.as_bytes(), tab, "new string is too long") {
        Ok(out) => new_text(vm, &out),
        Err(e) => Err(e.raise(vm)),
    }
}

/// The code point of a one-char str key of a maketrans dict.
fn key_ord(vm: &mut Vm, k: Value) -> PyResult<Value> {
    if vm.is(k, Kind::Str) {
        let mut it = vm.str_of(k).chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => vm.new_int(c as i64),
            _ => Err(vm.value_error("string keys in translate table must be of length 1")),
        };
    }
    if vm.is_int(k) {
        return Ok(k);
    }
    Err(vm.type_error("keys in translate table must be strings or integers"))
}

fn maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = vm.npos(&a);
    if a.n != n {
        return Err(vm.type_error("maketrans() takes no keyword arguments"));
    }
    if n == 0 || n > 3 {
        let m = if n == 0 {
            "at least 1 argument, got 0".to_string()
        } else {
            format!("at most 3 arguments, got {n}")
        };
        return Err(vm.type_error(format!("maketrans expected {m}")));
    }
    let base = vm.sp();
    let d = vm.new_dict()?;
    vm.push(d);
    let r = if n == 1 {
        maketrans_dict(vm, &a, base)
    } else {
        maketrans_strs(vm, &a, base, n)
    };
    let d = vm.at(base);
    vm.truncate(base);
    r.map(|_| d)
}

fn maketrans_dict(vm: &mut Vm, a: &Args, dslot: usize) -> PyResult<()> {
    let src = vm.arg(a, 0);
    if !vm.is(src, Kind::Dict) {
        return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
    }
    let mut i = 0;
    while i < vm.dict_used(vm.arg(a, 0)) {
        if let Some((k, v)) = vm.dict_entry(vm.arg(a, 0), i) {
            vm.push(v);
            let k = key_ord(vm, k)?;
            vm.push(k);
            let (k, v) = (vm.pop(), vm.pop());
            let d = vm.at(dslot);
            vm.dict_set(d, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn maketrans_strs(vm: &mut Vm, a: &Args, dslot: usize, n: usize) -> PyResult<()> {
    let mut texts = Vec::new();
    for i in 0..n {
        let v = vm.arg(a, i);
        if !vm.is(v, Kind::Str) {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!(
                "maketrans() argument {} must be str, not {tn}",
                i + 1
            )));
        }
        texts.push(vm.str_of(v).chars().collect::<Vec<char>>());
    }
    if texts[0].len() != texts[1].len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (x, y) in texts[0].iter().zip(texts[1].iter()) {
        let (k, v) = (vm.new_int(*x as i64)?, vm.new_int(*y as i64)?);
        let d = vm.at(dslot);
        vm.dict_set(d, k, v)?;
    }
    if n == 3 {
        for x in &texts[2] {
            let k = vm.new_int(*x as i64)?;
            let (d, none) = (vm.at(dslot), vm.none());
            vm.dict_set(d, k, none)?;
        }
    }
    Ok(())
}

fn translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = self_text(vm, &a, "translate")?;
    let p = mparams(vm, &a, "translate", &["table"], 1, Style::One)?;
    let tslot = p[0].unwrap_or(0);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let k = vm.new_int(c as i64)?;
        let t = vm.at(tslot);
        let r = match vm.getitem(t, k) {
            Ok(r) => r,
            Err(e) => {
                if vm.exc_matches(vm.roots.exc, "LookupError") {
                    vm.take_exc();
                    out.push(c);
                    continue;
                }
                return Err(e);
            }
        };
        translate_one(vm, r, &mut out)?;
    }
    vm.new_str(&out)
}

/// Appends the translation `r` (None, an int code point or a str) of one char.
fn translate_one(vm: &mut Vm, r: Value, out: &mut String) -> PyResult<()> {
    if r == vm.none() {
        return Ok(());
    }
    if vm.is(r, Kind::Str) {
        out.push_str(vm.str_of(r));
        return Ok(());
    }
    if let Some(i) = vm.to_i64(r) {
        return match u32::try_from(i).ok().and_then(crate::unicode::char_of) {
            Some(c) => {
                out.push(c);
                Ok(())
            }
            None => Err(vm.value_error("character mapping must be in range(0x110000)")),
        };
    }
    Err(vm.type_error("character mapping must return integer, None or str"))
}
