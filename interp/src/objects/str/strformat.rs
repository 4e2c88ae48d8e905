//! str.format and str.format_map: replacement fields `{name.attr[key]!conv:spec}` with automatic or
//! manual numbering, nested fields in specs, `{{`/`}}` escapes, CPython's error messages.
//!
//! Field values are looked up when used; the ones being formatted are kept on the value stack.

use super::args::*;
use super::methods::self_text;
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    vm.add_method("str", "format", format);
    vm.add_method("str", "format_map", format_map);
}

/// Where field values come from: the call's positional/keyword arguments, or a mapping.
struct Source {
    pos: Vec<usize>,
    kw: Vec<(String, usize)>,
    map: Option<usize>,
}

/// Automatic numbering state.
struct Numbering {
    mode: Option<bool>,
    next: usize,
}

fn format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fmt = self_text(vm, &a, "format")?;
    let npos = vm.npos(&a);
    let mut src = Source {
        pos: (1..npos).map(|i| a.base + i).collect(),
        kw: Vec::new(),
        map: None,
    };
    if !a.kwnames.is_null() {
        let names: Vec<String> = vm
            .tuple_items(a.kwnames)
            .iter()
            .map(|k| vm.str_of(*k).to_string())
            .collect();
        for (j, n) in names.into_iter().enumerate() {
            src.kw.push((n, a.base + npos + j));
        }
    }
    render_to_str(vm, &fmt, &src)
}

fn format_map(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let fmt = self_text(vm, &a, "format_map")?;
    let p = mparams(vm, &a, "format_map", &["mapping"], 1, Style::One)?;
    let src = Source {
        pos: Vec::new(),
        kw: Vec::new(),
        map: p[0],
    };
    render_to_str(vm, &fmt, &src)
}

fn render_to_str(vm: &mut Vm, fmt: &str, src: &Source) -> PyResult<Value> {
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut num = Numbering {
        mode: None,
        next: 0,
    };
    render(vm, fmt, src, &mut num, 2, &mut out)?;
    vm.new_str(&out)
}

/// Expands `fmt` into `out`; `depth` limits nesting of fields inside format specs.
fn render(
    vm: &mut Vm,
    fmt: &str,
    src: &Source,
    num: &mut Numbering,
    depth: u32,
    out: &mut String,
) -> PyResult<()> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'}' {
            if b.get(i + 1) == Some(&b'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if c != b'{' {
            let next = fmt[i..].find(['{', '}']).map(|p| i + p).unwrap_or(b.len());
            out.push_str(&fmt[i..next]);
            i = next;
            continue;
        }
        if b.get(i + 1) == Some(&b'{') {
            out.push('{');
            i += 2;
            continue;
        }
        if i + 1 >= b.len() {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        let (f, next) = parse_field(vm, fmt, i + 1)?;
        replace_field(vm, f, src, num, depth, out)?;
        i = next;
    }
    Ok(())
}

/// A parsed replacement field: name, conversion char and spec.
struct Field<'a> {
    name: &'a str,
    conv: Option<char>,
    spec: &'a str,
}

/// Parses the field starting at byte `start` (after its '{'), like CPython's parse_field; returns it
/// and the index after its closing '}'.
fn parse_field<'a>(vm: &mut Vm, fmt: &'a str, start: usize) -> PyResult<(Field<'a>, usize)> {
    let b = fmt.as_bytes();
    let mut i = start;
    let mut c = 0u8;
    while i < b.len() {
        c = b[i];
        i += 1;
        match c {
            b'{' => return Err(vm.value_error("unexpected '{' in field name")),
            b'[' => {
                while i < b.len() && b[i] != b']' {
                    i += 1;
                }
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    if !matches!(c, b'}' | b':' | b'!') {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    let name = &fmt[start..i - 1];
    if c == b'}' {
        return Ok((
            Field {
                name,
                conv: None,
                spec: "",
            },
            i,
        ));
    }
    let mut conv = None;
    if c == b'!' {
        let ch = match fmt[i..].chars().next() {
            Some(ch) => ch,
            None => {
                return Err(vm.value_error("end of string while looking for conversion specifier"))
            }
        };
        conv = Some(ch);
        i += ch.len_utf8();
        if i < b.len() {
            let d = b[i];
            i += 1;
            if d == b'}' {
                return Ok((
                    Field {
                        name,
                        conv,
                        spec: "",
                    },
                    i,
                ));
            }
            if d != b':' {
                return Err(vm.value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = i;
    let mut depth = 1;
    while i < b.len() {
        let d = b[i];
        i += 1;
        if d == b'{' {
            depth += 1;
        } else if d == b'}' {
            depth -= 1;
            if depth == 0 {
                return Ok((
                    Field {
                        name,
                        conv,
                        spec: &fmt[spec_start..i - 1],
                    },
                    i,
                ));
            }
        }
    }
    Err(vm.value_error("unmatched '{' in format spec"))
}

fn replace_field(
    vm: &mut Vm,
    f: Field,
    src: &Source,
    num: &mut Numbering,
    depth: u32,
    out: &mut String,
) -> PyResult<()> {
    let base = vm.sp();
    let r = format_field(vm, f.name, f.conv, f.spec, src, num, depth, base);
    vm.truncate(base);
    out.push_str(&r?);
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn format_field(
    vm: &mut Vm,
    name: &str,
    conv: Option<char>,
    spec: &str,
    src: &Source,
    num: &mut Numbering,
    depth: u32,
    base: usize,
) -> PyResult<String> {
    let v = resolve(vm, name, src, num)?;
    vm.push(v);
    let v = match conv {
        None => v,
        Some('r') => vm.repr(v)?,
        Some('s') => vm.str_value(v)?,
        Some('a') => vm.ascii(v)?,
        Some(c) => return Err(vm.value_error(format!("Unknown conversion specifier {c}"))),
    };
    vm.set_at(base, v);
    let spec = if spec.contains('{') {
        let mut s = String::new();
        render(vm, spec, src, num, depth - 1, &mut s)?;
        s
    } else {
        spec.to_string()
    };
    let sv = vm.new_str(&spec)?;
    let r = vm.format(vm.at(base), sv)?;
    Ok(vm.str_of(r).to_string())
}

/// The value named by a field name: `arg_name` then `.attr` / `[key]` accessors.
fn resolve(vm: &mut Vm, name: &str, src: &Source, num: &mut Numbering) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let base = vm.sp();
    let v = first_value(vm, first, src, num)?;
    vm.push(v);
    let r = apply_accessors(vm, &name[first_end..], base);
    vm.truncate(base);
    r
}

fn first_value(vm: &mut Vm, first: &str, src: &Source, num: &mut Numbering) -> PyResult<Value> {
    let index = if first.is_empty() {
        if num.mode == Some(false) {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        num.mode = Some(true);
        num.next += 1;
        Some(num.next - 1)
    } else if first.bytes().all(|c| c.is_ascii_digit()) {
        if num.mode == Some(true) {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        num.mode = Some(false);
        Some(first.parse::<usize>().unwrap_or(usize::MAX))
    } else {
        None
    };
    if let Some(mslot) = src.map {
        if index.is_some() {
            return Err(vm.value_error("Format string contains positional fields"));
        }
        let k = vm.new_str(first)?;
        let m = vm.at(mslot);
        return vm.getitem(m, k);
    }
    match index {
        Some(i) => match src.pos.get(i) {
            Some(&slot) => Ok(vm.at(slot)),
            None => Err(vm.index_error(format!(
                "Replacement index {i} out of range for positional args tuple"
            ))),
        },
        None => match src.kw.iter().find(|(n, _)| n == first) {
            Some((_, slot)) => Ok(vm.at(*slot)),
            None => {
                let k = vm.new_str(first)?;
                Err(vm.key_error(k))
            }
        },
    }
}

/// Applies `.attr` and `[key]` accessors to the value at stack slot `slot`.
fn apply_accessors(vm: &mut Vm, mut rest: &str, slot: usize) -> PyResult<Value> {
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            if end == 0 {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let n = vm.new_str(&r[..end])?;
            let v = vm.getattr(vm.at(slot), n)?;
            vm.set_at(slot, v);
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = match r.find(']') {
                Some(e) => e,
                None => return Err(vm.value_error("Missing ']' in format string")),
            };
            let key = &r[..end];
            if key.is_empty() {
                return Err(vm.value_error("Empty attribute in format string"));
            }
            let k = match key.parse::<i64>() {
                Ok(i) if key.bytes().all(|c| c.is_ascii_digit()) => vm.new_int(i)?,
                _ => vm.new_str(key)?,
            };
            let v = vm.getitem(vm.at(slot), k)?;
            vm.set_at(slot, v);
            rest = &r[end + 1..];
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    Ok(vm.at(slot))
}
