//! The text codecs, one implementation for every caller: `str.encode`, `bytes.decode`,
//! `bytearray.decode`, and the constructors `str(b, encoding, errors)`, `bytes(s, ...)`,
//! `bytearray(s, ...)`. Codecs: utf-8, ascii, latin-1, utf-16 and utf-32 (with -le/-be; the plain
//! names write a BOM and read one). Error handlers: strict, ignore, replace, backslashreplace,
//! xmlcharrefreplace (encoding), surrogateescape and surrogatepass, with CPython's error ranges and
//! messages. Lone surrogates are stored as crate::unicode describes; this file is where they meet
//! bytes (strict utf-8 refuses them; surrogatepass writes/reads their 3-byte form; surrogateescape
//! maps undecodable bytes to U+DC80..U+DCFF and back).
//!
//! GC: everything here takes and returns Rust data except the constructor `str_new`, which copies
//! its bytes out before decoding and allocates only the result.

use crate::obj::layout::*;
use crate::objects::args::{pin_kwnames, uarg};
use crate::unicode::{char_of, code_of};
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

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// `bom`: the plain name (encoding writes a BOM, decoding honours one); `big`: byte order.
    Utf16 {
        bom: bool,
        big: bool,
    },
    Utf32 {
        bom: bool,
        big: bool,
    },
}

impl Codec {
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 { bom: true, .. } => "utf-16",
            Codec::Utf16 { big: false, .. } => "utf-16-le",
            Codec::Utf16 { .. } => "utf-16-be",
            Codec::Utf32 { bom: true, .. } => "utf-32",
            Codec::Utf32 { big: false, .. } => "utf-32-le",
            Codec::Utf32 { .. } => "utf-32-be",
        }
    }
    /// The first code point the 8-bit codecs cannot encode.
    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
            _ => 0x110000,
        }
    }
}

/// Looks an encoding name up like Python's codecs (case, '-', '_' and ' ' insensitive).
pub fn lookup_codec(vm: &mut Vm, name: &str) -> PyResult<Codec> {
    let n: String = name
        .to_ascii_lowercase()
        .chars()
        .map(|c| if c == '_' || c == ' ' { '-' } else { c })
        .collect();
    let le = cfg!(target_endian = "little");
    Ok(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "ascii" | "us-ascii" | "646" | "us" => Codec::Ascii,
        "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819"
        | "iso-ir-100" => Codec::Latin1,
        "utf-16" | "utf16" | "u16" => Codec::Utf16 {
            bom: true,
            big: !le,
        },
        "utf-16-le" | "utf-16le" => Codec::Utf16 {
            bom: false,
            big: false,
        },
        "utf-16-be" | "utf-16be" => Codec::Utf16 {
            bom: false,
            big: true,
        },
        "utf-32" | "utf32" | "u32" => Codec::Utf32 {
            bom: true,
            big: !le,
        },
        "utf-32-le" | "utf-32le" => Codec::Utf32 {
            bom: false,
            big: false,
        },
        "utf-32-be" | "utf-32be" => Codec::Utf32 {
            bom: false,
            big: true,
        },
        _ => return Err(vm.raise("LookupError", &format!("unknown encoding: {name}"))),
    })
}

/// (encoding, errors) string arguments of encode/decode; `slots` are the parameter slots.
pub fn codec_args(vm: &mut Vm, slots: &[Option<usize>], fname: &str) -> PyResult<(Codec, String)> {
    let mut names = ["utf-8".to_string(), "strict".to_string()];
    for (i, slot) in slots.iter().enumerate().take(2) {
        if let Some(s) = slot {
            let v = vm.at(*s);
            if !vm.is(v, Kind::Str) {
                let tn = vm.arg_type_name(v);
                let what = if i == 0 { "encoding" } else { "errors" };
                return Err(
                    vm.type_error(format!("{fname}() argument '{what}' must be str, not {tn}"))
                );
            }
            names[i] = vm.str_of(v).to_string();
        }
    }
    let c = lookup_codec(vm, &names[0])?;
    Ok((c, names[1].clone()))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a (stored) char.
pub fn backslash_escape(c: char) -> String {
    let n = code_of(c);
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// Why a codec failed: the exception to raise.
enum Fail {
    /// UnicodeEncodeError/UnicodeDecodeError with this message.
    Unicode(String),
    /// The handler name is unknown (raised only when an error needs a handler, as CPython).
    Handler,
}

fn raise_fail(vm: &mut Vm, f: Fail, codec: Codec, errors: &str, decoding: bool) -> crate::vm::Exc {
    match f {
        Fail::Handler => {
            let msg = format!("unknown error handler name '{errors}'");
            // CPython's fast paths (utf-8, ascii, latin-1, plain utf-16/32) raise it as is; the
            // codecs it reaches through the registry wrap it.
            let wrapped = matches!(
                codec,
                Codec::Utf16 { bom: false, .. } | Codec::Utf32 { bom: false, .. }
            );
            if wrapped {
                let how = if decoding { "decoding" } else { "encoding" };
                let name = codec.name();
                vm.raise(
                    "LookupError",
                    &format!("{how} with '{name}' codec failed (LookupError: {msg})"),
                )
            } else {
                vm.raise("LookupError", &msg)
            }
        }
        Fail::Unicode(m) if decoding => vm.raise("UnicodeDecodeError", &m),
        Fail::Unicode(m) => vm.raise("UnicodeEncodeError", &m),
    }
}

// ---- encoding ------------------------------------------------------------------------------------

/// Encodes `s` (stored text) with `codec` under the `errors` handler.
pub fn encode(vm: &mut Vm, s: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 && !crate::unicode::has_surrogates(s) {
        return Ok(s.as_bytes().to_vec());
    }
    encode_chars(s, codec, errors).map_err(|f| raise_fail(vm, f, codec, errors, false))
}

/// Is code point `c` one that `codec` cannot encode (strictly)?
fn unencodable(codec: Codec, c: u32) -> bool {
    match codec {
        Codec::Ascii | Codec::Latin1 => c >= codec.limit(),
        _ => (0xD800..0xE000).contains(&c),
    }
}

fn push_unit(out: &mut Vec<u8>, codec: Codec, c: u32) {
    match codec {
        Codec::Utf8 => {
            if let Some(ch) = char::from_u32(c) {
                let mut b = [0; 4];
                out.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
            } else {
                // A surrogate under surrogatepass: its 3-byte (CESU-like) form.
                out.extend([
                    0xE0 | (c >> 12) as u8,
                    0x80 | ((c >> 6) & 0x3F) as u8,
                    0x80 | (c & 0x3F) as u8,
                ]);
            }
        }
        Codec::Ascii | Codec::Latin1 => out.push(c as u8),
        Codec::Utf16 { big, .. } => {
            let mut put = |u: u16| {
                out.extend(if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                })
            };
            if c >= 0x10000 {
                let v = c - 0x10000;
                put(0xD800 | (v >> 10) as u16);
                put(0xDC00 | (v & 0x3FF) as u16);
            } else {
                put(c as u16);
            }
        }
        Codec::Utf32 { big, .. } => out.extend(if big {
            c.to_be_bytes()
        } else {
            c.to_le_bytes()
        }),
    }
}

fn encode_chars(s: &str, codec: Codec, errors: &str) -> Result<Vec<u8>, Fail> {
    let cps: Vec<u32> = s.chars().map(code_of).collect();
    let mut out = Vec::with_capacity(s.len());
    match codec {
        Codec::Utf16 { bom: true, .. } => push_unit(&mut out, codec, 0xFEFF),
        Codec::Utf32 { bom: true, .. } => push_unit(&mut out, codec, 0xFEFF),
        _ => {}
    }
    let mut i = 0;
    while i < cps.len() {
        let c = cps[i];
        if !unencodable(codec, c) {
            push_unit(&mut out, codec, c);
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < cps.len() && unencodable(codec, cps[j]) {
            j += 1;
        }
        let bad = &cps[i..j];
        let ok = match errors {
            "strict" => false,
            "ignore" => true,
            "replace" => {
                bad.iter()
                    .for_each(|_| push_unit(&mut out, codec, '?' as u32));
                true
            }
            "backslashreplace" => {
                for &c in bad {
                    let esc = backslash_escape(char_of(c).unwrap_or('?'));
                    esc.bytes()
                        .for_each(|b| push_unit(&mut out, codec, b as u32));
                }
                true
            }
            "xmlcharrefreplace" => {
                for &c in bad {
                    format!("&#{c};")
                        .bytes()
                        .for_each(|b| push_unit(&mut out, codec, b as u32));
                }
                true
            }
            "surrogateescape" => {
                let bytes: Option<Vec<u8>> = bad
                    .iter()
                    .map(|&c| (0xDC80..0xDD00).contains(&c).then_some((c - 0xDC00) as u8))
                    .collect();
                match bytes {
                    Some(b) => {
                        out.extend(b);
                        true
                    }
                    None => false,
                }
            }
            "surrogatepass" => {
                let pass = !matches!(codec, Codec::Ascii | Codec::Latin1)
                    && bad.iter().all(|c| (0xD800..0xE000).contains(c));
                if pass {
                    bad.iter().for_each(|&c| push_unit(&mut out, codec, c));
                }
                pass
            }
            _ => return Err(Fail::Handler),
        };
        if !ok {
            return Err(Fail::Unicode(encode_error(codec, s, i, j)));
        }
        i = j;
    }
    Ok(out)
}

fn encode_error(codec: Codec, s: &str, i: usize, j: usize) -> String {
    let reason = match codec {
        Codec::Ascii | Codec::Latin1 => format!("ordinal not in range({})", codec.limit()),
        _ => "surrogates not allowed".to_string(),
    };
    let what = if j - i == 1 {
        let c = s.chars().nth(i).unwrap_or('?');
        format!("character '{}' in position {i}", backslash_escape(c))
    } else {
        format!("characters in position {i}-{}", j - 1)
    };
    format!("'{}' codec can't encode {what}: {reason}", codec.name())
}

// ---- decoding ------------------------------------------------------------------------------------

/// Decodes `data` with `codec` under the `errors` handler into stored text.
pub fn decode(vm: &mut Vm, data: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    if let (Codec::Utf8, Ok(s)) = (codec, std::str::from_utf8(data)) {
        if !crate::unicode::has_reserved(s) {
            return Ok(s.to_string());
        }
    }
    decode_units(data, codec, errors).map_err(|f| raise_fail(vm, f, codec, errors, true))
}

/// CPython's UnicodeDecodeError text for bytes start..end of `data`.
fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> String {
    let name = codec.name();
    if end - start == 1 {
        format!(
            "'{name}' codec can't decode byte {:#04x} in position {start}: {reason}",
            data[start]
        )
    } else {
        format!(
            "'{name}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    }
}

/// One step of a decoder at `i`: a code point and its byte length, or an error (its byte length
/// and reason).
enum Step {
    Char(u32, usize),
    Bad(usize, &'static str),
}

fn utf8_step(d: &[u8], i: usize, pass: bool) -> Step {
    let b = d[i];
    if b < 0x80 {
        return Step::Char(b as u32, 1);
    }
    let (n, min, lo, hi) = match b {
        0xC2..=0xDF => (2, 0x80, 0x80, 0xBF),
        0xE0 => (3, 0x800, 0xA0, 0xBF),
        // ED A0..BF is a surrogate: only surrogatepass reads it.
        0xED if !pass => (3, 0x800, 0x80, 0x9F),
        0xE1..=0xEF => (3, 0x800, 0x80, 0xBF),
        0xF0 => (4, 0x10000, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x10000, 0x80, 0xBF),
        0xF4 => (4, 0x10000, 0x80, 0x8F),
        _ => return Step::Bad(1, "invalid start byte"),
    };
    let mut c = (b as u32) & (0x7F >> n);
    for k in 1..n {
        let Some(&x) = d.get(i + k) else {
            return Step::Bad(d.len() - i, "unexpected end of data");
        };
        let (l, h) = if k == 1 { (lo, hi) } else { (0x80, 0xBF) };
        if !(l..=h).contains(&x) {
            return Step::Bad(k, "invalid continuation byte");
        }
        c = (c << 6) | (x as u32 & 0x3F);
    }
    debug_assert!(c >= min);
    Step::Char(c, n)
}

fn utf16_step(d: &[u8], i: usize, big: bool, pass: bool) -> Step {
    let unit = |k: usize| -> Option<u32> {
        let b = d.get(k..k + 2)?;
        Some(if big {
            u16::from_be_bytes([b[0], b[1]])
        } else {
            u16::from_le_bytes([b[0], b[1]])
        } as u32)
    };
    let Some(u) = unit(i) else {
        return Step::Bad(d.len() - i, "truncated data");
    };
    if !(0xD800..0xE000).contains(&u) {
        return Step::Char(u, 2);
    }
    if u < 0xDC00 {
        match unit(i + 2) {
            Some(v) if (0xDC00..0xE000).contains(&v) => {
                return Step::Char(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), 4)
            }
            None if d.len() > i + 2 || !pass => {
                return Step::Bad(d.len() - i, "unexpected end of data")
            }
            _ => {}
        }
    }
    if pass {
        Step::Char(u, 2)
    } else if u < 0xDC00 {
        Step::Bad(2, "illegal UTF-16 surrogate")
    } else {
        Step::Bad(2, "illegal encoding")
    }
}

fn utf32_step(d: &[u8], i: usize, big: bool, pass: bool) -> Step {
    let Some(b) = d.get(i..i + 4) else {
        return Step::Bad(d.len() - i, "truncated data");
    };
    let b = [b[0], b[1], b[2], b[3]];
    let c = if big {
        u32::from_be_bytes(b)
    } else {
        u32::from_le_bytes(b)
    };
    if c >= 0x110000 {
        Step::Bad(4, "code point not in range(0x110000)")
    } else if (0xD800..0xE000).contains(&c) && !pass {
        Step::Bad(
            4,
            "code point in surrogate code point range(0xd800, 0xe000)",
        )
    } else {
        Step::Char(c, 4)
    }
}

fn decode_units(data: &[u8], codec: Codec, errors: &str) -> Result<String, Fail> {
    let pass = errors == "surrogatepass";
    let mut codec = codec;
    let mut i = 0;
    // The plain utf-16/utf-32 names read a BOM (and drop it); without one, native order.
    match codec {
        Codec::Utf16 { bom: true, .. }
            if data.len() >= 2 && (data[..2] == [0xFF, 0xFE] || data[..2] == [0xFE, 0xFF]) =>
        {
            codec = Codec::Utf16 {
                bom: true,
                big: data[0] == 0xFE,
            };
            i = 2;
        }
        Codec::Utf32 { bom: true, .. }
            if data.len() >= 4
                && (data[..4] == [0xFF, 0xFE, 0, 0] || data[..4] == [0, 0, 0xFE, 0xFF]) =>
        {
            codec = Codec::Utf32 {
                bom: true,
                big: data[0] == 0,
            };
            i = 4;
        }
        _ => {}
    }
    let mut out = String::with_capacity(data.len());
    while i < data.len() {
        let step = match codec {
            Codec::Utf8 => utf8_step(data, i, pass),
            Codec::Ascii | Codec::Latin1 => match data[i] as u32 {
                b if b < codec.limit() => Step::Char(b, 1),
                _ => Step::Bad(1, "ordinal not in range(128)"),
            },
            Codec::Utf16 { big, .. } => utf16_step(data, i, big, pass),
            Codec::Utf32 { big, .. } => utf32_step(data, i, big, pass),
        };
        match step {
            Step::Char(c, n) => {
                match char_of(c) {
                    Some(ch) => out.push(ch),
                    None => {
                        let why = "code point not supported by minipy (U+10F000..U+10F7FF hold lone surrogates)";
                        return Err(Fail::Unicode(decode_error(codec, data, i, i + n, why)));
                    }
                }
                i += n;
            }
            Step::Bad(n, reason) => {
                let bad = &data[i..i + n];
                match errors {
                    "strict" | "surrogatepass" | "xmlcharrefreplace" => {
                        return Err(Fail::Unicode(decode_error(codec, data, i, i + n, reason)))
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => bad
                        .iter()
                        .for_each(|b| out.push_str(&format!("\\x{b:02x}"))),
                    "surrogateescape" => {
                        if bad.iter().any(|&b| b < 0x80) {
                            return Err(Fail::Unicode(decode_error(codec, data, i, i + n, reason)));
                        }
                        bad.iter()
                            .for_each(|&b| out.extend(char_of(0xDC00 + b as u32)));
                    }
                    _ => return Err(Fail::Handler),
                }
                i += n;
            }
        }
    }
    Ok(out)
}

/// str.__new__(cls, ...): for a subclass `cls` (`super().__new__(cls, v)` in a str subclass's
/// __new__) the result is an instance of cls.
fn str_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.n == 0 {
        return str_new_plain(vm, a);
    }
    let cls = vm.arg(&a, 0);
    let st = vm.builtin_type("str");
    if cls != st && vm.is(cls, Kind::Type) && vm.is_subtype(cls, st) {
        return vm.new_str_subclass_instance(a.base, a.n - 1, a.kwnames);
    }
    str_new_plain(vm, a)
}

fn str_new_plain(vm: &mut Vm, a: Args) -> PyResult<Value> {
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
    let codec = lookup_codec(vm, &enc)?;
    let s = decode(vm, &data, codec, &errors)?;
    vm.new_str(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrogatepass_round_trips_through_utf8() {
        let s: String = [char_of(0xD800).unwrap(), 'a'].iter().collect();
        let b = encode_chars(&s, Codec::Utf8, "surrogatepass").ok().unwrap();
        assert_eq!(b, [0xED, 0xA0, 0x80, b'a']);
        let back = decode_units(&b, Codec::Utf8, "surrogatepass").ok().unwrap();
        assert_eq!(back, s);
        assert!(decode_units(&b, Codec::Utf8, "strict").is_err());
    }

    #[test]
    fn surrogateescape_maps_bad_bytes() {
        let s = decode_units(b"a\xff", Codec::Utf8, "surrogateescape")
            .ok()
            .unwrap();
        assert_eq!(s.chars().map(code_of).collect::<Vec<_>>(), [0x61, 0xDCFF]);
        let b = encode_chars(&s, Codec::Utf8, "surrogateescape")
            .ok()
            .unwrap();
        assert_eq!(b, b"a\xff");
    }
}
