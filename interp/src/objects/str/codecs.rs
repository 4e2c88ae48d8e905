//! The codecs of the constructors: `str(b, encoding, errors)` decodes and `bytes(s, encoding,
//! errors)`/`bytearray(...)` encode with utf-8, ascii or latin-1 and the errors strict, replace or
//! ignore (`decode`, `encode`, `str_param`), shared by `str` (its constructor, here) and `bytes`
//! (`bytes/new.rs`). The `str.encode`/`bytes.decode` methods have their own, richer codecs
//! (`misc.rs`, `bytes/bytearray.rs`: backslashreplace, xmlcharrefreplace, CPython's exact error
//! ranges); the constructors kept these simpler ones, whose messages the tests pin.
//!
//! GC: the helpers take and return Rust data; `str_new` copies the bytes out before decoding and
//! allocates only the result.

use crate::obj::layout::*;
use crate::objects::args::{pin_kwnames, uarg};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

/// Registers `str.__new__` (the type's install slot, with the methods).
pub fn install(vm: &mut Vm) {
    vm.add_method("str", "__new__", str_new);
}

/// An optional str parameter (encoding/errors) with its default.
pub fn str_param(
    vm: &mut Vm,
    v: Option<Value>,
    fname: &str,
    what: &str,
    dflt: &str,
) -> PyResult<String> {
    match v {
        None => Ok(dflt.to_string()),
        Some(v) if vm.is(v, Kind::Str) => Ok(vm.str_of(v).to_string()),
        Some(v) => {
            let tn = vm.arg_type_name(v);
            Err(vm.type_error(format!("{fname}() argument '{what}' must be str, not {tn}")))
        }
    }
}

/// Canonical codec name, or None if unknown.
fn codec(enc: &str) -> Option<&'static str> {
    match enc.to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" | "u8" => Some("utf-8"),
        "ascii" | "us-ascii" => Some("ascii"),
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => Some("latin-1"),
        _ => None,
    }
}

fn unknown_codec(vm: &mut Vm, enc: &str) -> crate::vm::Exc {
    vm.raise("LookupError", &format!("unknown encoding: {enc}"))
}

/// Decodes bytes with utf-8/ascii/latin-1 and errors strict/replace/ignore.
pub fn decode(vm: &mut Vm, data: &[u8], enc: &str, errors: &str) -> PyResult<String> {
    let Some(c) = codec(enc) else {
        return Err(unknown_codec(vm, enc));
    };
    match c {
        "latin-1" => Ok(data.iter().map(|&b| b as char).collect()),
        "ascii" => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    match errors {
                        "replace" => out.push('\u{fffd}'),
                        "ignore" => {}
                        _ => {
                            let msg = format!("'ascii' codec can't decode byte {b:#04x} in position {i}: ordinal not in range(128)");
                            return Err(vm.raise("UnicodeDecodeError", &msg));
                        }
                    }
                }
            }
            Ok(out)
        }
        _ => decode_utf8(vm, data, errors),
    }
}

fn decode_utf8(vm: &mut Vm, data: &[u8], errors: &str) -> PyResult<String> {
    match std::str::from_utf8(data) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => match errors {
            "replace" => Ok(String::from_utf8_lossy(data).into_owned()),
            "ignore" => Ok(String::from_utf8_lossy(data).replace('\u{fffd}', "")),
            _ => {
                let pos = e.valid_up_to();
                let b = data[pos];
                let why = match e.error_len() {
                    None => "unexpected end of data",
                    Some(_) if (0x80..0xc0).contains(&b) || b >= 0xf8 => "invalid start byte",
                    Some(_) => "invalid continuation byte",
                };
                let msg =
                    format!("'utf-8' codec can't decode byte {b:#04x} in position {pos}: {why}");
                Err(vm.raise("UnicodeDecodeError", &msg))
            }
        },
    }
}

/// Encodes a str with utf-8/ascii/latin-1 and errors strict/replace/ignore.
pub fn encode(vm: &mut Vm, s: &str, enc: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(c) = codec(enc) else {
        return Err(unknown_codec(vm, enc));
    };
    let limit = match c {
        "utf-8" => return Ok(s.as_bytes().to_vec()),
        "ascii" => 0x80u32,
        _ => 0x100u32,
    };
    let mut out = Vec::with_capacity(s.len());
    for (i, ch) in s.chars().enumerate() {
        if (ch as u32) < limit {
            out.push(ch as u32 as u8);
        } else {
            match errors {
                "replace" => out.push(b'?'),
                "ignore" => {}
                _ => {
                    let shown = match ch as u32 {
                        n if n < 0x100 => format!("\\x{n:02x}"),
                        n if n < 0x10000 => format!("\\u{n:04x}"),
                        n => format!("\\U{n:08x}"),
                    };
                    let msg = format!("'{c}' codec can't encode character '{shown}' in position {i}: ordinal not in range({limit})");
                    return Err(vm.raise("UnicodeEncodeError", &msg));
                }
            }
        }
    }
    Ok(out)
}

fn str_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let a = pin_kwnames(vm, a);
    vm.check_kwargs(&a, "str", &["object", "encoding", "errors"])?;
    if a.n - 1 > 3 {
        return Err(vm.type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            a.n - 1
        )));
    }
    let enc = uarg(vm, &a, 1, "encoding");
    let errors = uarg(vm, &a, 2, "errors");
    let Some(x) = uarg(vm, &a, 0, "object") else {
        return vm.new_str("");
    };
    if enc.is_none() && errors.is_none() {
        return vm.str_value(x);
    }
    let enc = str_param(vm, enc, "str", "encoding", "utf-8")?;
    let errors = str_param(vm, errors, "str", "errors", "strict")?;
    let x = uarg(vm, &a, 0, "object").unwrap_or(Value::NULL);
    let data = if vm.is(x, Kind::Bytes) {
        vm.bytes_of(x).to_vec()
    } else if vm.is(x, Kind::ByteArray) {
        vm.bytearray_mut(x).clone()
    } else {
        let tn = vm.type_name(x);
        let msg = if vm.is(x, Kind::Str) {
            "decoding str is not supported".to_string()
        } else {
            format!("decoding to str: need a bytes-like object, {tn} found")
        };
        return Err(vm.type_error(msg));
    };
    let s = decode(vm, &data, &enc, &errors)?;
    vm.new_str(&s)
}
