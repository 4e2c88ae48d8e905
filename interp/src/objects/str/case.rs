//! str case mapping (upper, lower, capitalize, title, swapcase, casefold), the is*() predicates and
//! padding (center, ljust, rjust, zfill). Character properties and case-mapping corrections come from
//! the CPython 3.11 tables of unicode.rs; the mappings otherwise are Rust's char methods.

use super::args::*;
use super::methods::{new_text, self_text, unchanged};
use super::unicode::*;
use crate::obj::layout::{Kind, NativeFn};
use crate::objects::stringlib::{pad, SizeError};
use crate::vm::{Args, PyResult, Vm};
use gc::Value;

pub fn install(vm: &mut Vm) {
    let methods: &[(&str, NativeFn)] = &[
        ("upper", upper),
        ("lower", lower),
        ("capitalize", capitalize),
        ("title", title),
        ("swapcase", swapcase),
        ("casefold", casefold),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("isidentifier", isidentifier),
        ("isnumeric", isnumeric),
        ("isdecimal", isdecimal),
        ("istitle", istitle),
        ("isascii", isascii),
        ("isprintable", isprintable),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
    ];
    for (name, f) in methods {
        vm.add_method("str", name, *f);
    }
}

/// Self's text for a method without arguments.
fn noarg_text(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<String> {
    let s = self_text(vm, a, fname)?;
    if a.n > 1 {
        return Err(vm.type_error(format!(
            "str.{fname}() takes no arguments ({} given)",
            a.n - 1
        )));
    }
    Ok(s)
}

// ---- case mapping ----------------------------------------------------------------------------------

/// Appends CPython's uppercase of `c` (Rust's mapping, corrected by the exception table).
fn push_upper(c: char, out: &mut String) {
    match case_exc(UPPER_EXC, c) {
        Some(m) => out.push_str(m),
        None => out.extend(c.to_uppercase()),
    }
}

/// Appends the titlecase of `c`.
fn push_title(c: char, out: &mut String) {
    match case_exc(TITLE_EXC, c) {
        Some(m) => out.push_str(m),
        None => out.extend(c.to_uppercase()),
    }
}

/// Appends the lowercase of `cs[i]`, with the final-sigma rule for U+03A3.
fn push_lower(cs: &[char], i: usize, out: &mut String) {
    let c = cs[i];
    if c == '\u{3a3}' {
        out.push(if final_sigma(cs, i) {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
        return;
    }
    match case_exc(LOWER_EXC, c) {
        Some(m) => out.push_str(m),
        None => out.extend(c.to_lowercase()),
    }
}

/// Case-ignorable chars (approximation: apostrophes, dots, colons, modifiers, combining marks).
fn case_ignorable(c: char) -> bool {
    matches!(c, '\'' | '.' | ':' | '^' | '`' | '\u{a8}' | '\u{ad}' | '\u{af}' | '\u{b4}' | '\u{b7}' | '\u{b8}'
        | '\u{2018}' | '\u{2019}' | '\u{2024}' | '\u{2027}' | '\u{200b}'..='\u{200f}' | '\u{2b0}'..='\u{36f}')
}

/// CPython's Final_Sigma context: a cased char before (skipping case-ignorables), none after.
fn final_sigma(cs: &[char], i: usize) -> bool {
    let before = cs[..i].iter().rev().find(|c| !case_ignorable(**c));
    if !before.is_some_and(|c| is_cased(*c)) {
        return false;
    }
    let after = cs[i + 1..].iter().find(|c| !case_ignorable(**c));
    !after.is_some_and(|c| is_cased(*c))
}

fn is_titlecase(c: char) -> bool {
    in_table(TITLE, c)
}
fn is_upper(c: char) -> bool {
    in_table(UPPER, c)
}
fn is_lower(c: char) -> bool {
    in_table(LOWER, c)
}
fn is_cased(c: char) -> bool {
    is_upper(c) || is_lower(c) || is_titlecase(c)
}

/// Applies a whole-string mapping to self; returns self unchanged when nothing changed.
fn case_result(vm: &mut Vm, a: &Args, fname: &str, f: fn(&[char]) -> String) -> PyResult<Value> {
    let s = noarg_text(vm, a, fname)?;
    let cs: Vec<char> = s.chars().collect();
    let r = f(&cs);
    if r == s {
        return unchanged(vm, vm.arg(a, 0));
    }
    vm.new_str(&r)
}

/// ASCII text maps byte by byte: the common case skips the Unicode tables entirely, writing the
/// mapped bytes straight into the new str (`map` is given the copy of self's bytes). None when
/// the call is not a plain `s.f()` on ASCII text.
fn ascii_case(vm: &mut Vm, a: &Args, map: fn(&mut [u8])) -> Option<PyResult<Value>> {
    let v = vm.arg(a, 0);
    if a.n != 1 || !vm.is(v, Kind::Str) || vm.str_nchars(v) != vm.str_of(v).len() {
        return None;
    }
    let n = vm.str_nchars(v);
    // self stays rooted in its argument slot across the allocation
    Some(vm.new_str_filled(n, n, |vm, out| {
        out.copy_from_slice(vm.str_of(vm.arg(a, 0)).as_bytes());
        map(out);
    }))
}

/// ASCII title case: a letter after a letter lowers, any other letter uppers.
fn ascii_title(out: &mut [u8]) {
    let mut prev_cased = false;
    for b in out {
        let c = *b;
        *b = if prev_cased {
            c.to_ascii_lowercase()
        } else {
            c.to_ascii_uppercase()
        };
        prev_cased = c.is_ascii_alphabetic();
    }
}

fn upper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if let Some(r) = ascii_case(vm, &a, <[u8]>::make_ascii_uppercase) {
        return r;
    }
    case_result(vm, &a, "upper", |cs| {
        let mut out = String::with_capacity(cs.len());
        cs.iter().for_each(|&c| push_upper(c, &mut out));
        out
    })
}

fn lower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if let Some(r) = ascii_case(vm, &a, <[u8]>::make_ascii_lowercase) {
        return r;
    }
    case_result(vm, &a, "lower", |cs| {
        let mut out = String::with_capacity(cs.len());
        (0..cs.len()).for_each(|i| push_lower(cs, i, &mut out));
        out
    })
}

fn casefold(vm: &mut Vm, a: Args) -> PyResult<Value> {
    case_result(vm, &a, "casefold", |cs| {
        let mut out = String::with_capacity(cs.len());
        for &c in cs {
            match case_exc(FOLD_EXC, c) {
                Some(m) => out.push_str(m),
                None => out.extend(c.to_lowercase()),
            }
        }
        out
    })
}

fn capitalize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let cap = |out: &mut [u8]| {
        out.make_ascii_lowercase();
        out[0].make_ascii_uppercase(); // never empty: new_str_filled makes "" itself
    };
    if let Some(r) = ascii_case(vm, &a, cap) {
        return r;
    }
    case_result(vm, &a, "capitalize", |cs| {
        let mut out = String::with_capacity(cs.len());
        for i in 0..cs.len() {
            if i == 0 {
                push_title(cs[0], &mut out);
            } else {
                push_lower(cs, i, &mut out);
            }
        }
        out
    })
}

fn title(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if let Some(r) = ascii_case(vm, &a, ascii_title) {
        return r;
    }
    case_result(vm, &a, "title", |cs| {
        let mut out = String::with_capacity(cs.len());
        let mut prev_cased = false;
        for i in 0..cs.len() {
            if prev_cased {
                push_lower(cs, i, &mut out);
            } else {
                push_title(cs[i], &mut out);
            }
            prev_cased = is_cased(cs[i]);
        }
        out
    })
}

fn swapcase(vm: &mut Vm, a: Args) -> PyResult<Value> {
    case_result(vm, &a, "swapcase", |cs| {
        let mut out = String::with_capacity(cs.len());
        for (i, &c) in cs.iter().enumerate() {
            if is_upper(c) {
                push_lower(cs, i, &mut out);
            } else if is_lower(c) {
                push_upper(c, &mut out);
            } else {
                out.push(c);
            }
        }
        out
    })
}

// ---- predicates ------------------------------------------------------------------------------------

fn is_decimal(c: char) -> bool {
    in_table(DECIMAL, c)
}
fn is_digit(c: char) -> bool {
    in_table(DIGIT, c)
}
fn is_numeric(c: char) -> bool {
    in_table(NUMERIC, c)
}
fn is_alpha(c: char) -> bool {
    in_table(ALPHA, c)
}

fn all_chars(vm: &mut Vm, a: &Args, fname: &str, f: fn(char) -> bool) -> PyResult<Value> {
    let s = noarg_text(vm, a, fname)?;
    Ok(vm.bool_val(!s.is_empty() && s.chars().all(f)))
}

fn isdigit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    all_chars(vm, &a, "isdigit", is_digit)
}
fn isdecimal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    all_chars(vm, &a, "isdecimal", is_decimal)
}
fn isnumeric(vm: &mut Vm, a: Args) -> PyResult<Value> {
    all_chars(vm, &a, "isnumeric", is_numeric)
}
fn isalpha(vm: &mut Vm, a: Args) -> PyResult<Value> {
    all_chars(vm, &a, "isalpha", is_alpha)
}
fn isalnum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    all_chars(vm, &a, "isalnum", |c| is_alpha(c) || is_numeric(c))
}
fn isspace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    all_chars(vm, &a, "isspace", py_space)
}
fn isascii(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = noarg_text(vm, &a, "isascii")?;
    Ok(vm.bool_val(s.is_ascii()))
}
fn isprintable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = noarg_text(vm, &a, "isprintable")?;
    Ok(vm.bool_val(s.chars().all(py_printable)))
}

/// isupper/islower: at least one cased char, and no cased char of the other case.
fn case_pred(vm: &mut Vm, a: &Args, fname: &str, upper: bool) -> PyResult<Value> {
    let s = noarg_text(vm, a, fname)?;
    let mut cased = false;
    for c in s.chars() {
        let (this, other) = if upper {
            (is_upper(c), is_lower(c) || is_titlecase(c))
        } else {
            (is_lower(c), is_upper(c) || is_titlecase(c))
        };
        if other {
            return Ok(vm.bool_val(false));
        }
        cased |= this;
    }
    Ok(vm.bool_val(cased))
}
fn isupper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    case_pred(vm, &a, "isupper", true)
}
fn islower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    case_pred(vm, &a, "islower", false)
}

fn istitle(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = noarg_text(vm, &a, "istitle")?;
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if is_upper(c) || is_titlecase(c) {
            if prev_cased {
                return Ok(vm.bool_val(false));
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return Ok(vm.bool_val(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(vm.bool_val(cased))
}

/// str.isidentifier: XID_Start or '_', then XID_Continue.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if in_table(ID_START, c) => it.all(|c| in_table(ID_CONTINUE, c)),
        _ => false,
    }
}

fn isidentifier(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = noarg_text(vm, &a, "isidentifier")?;
    Ok(vm.bool_val(is_identifier(&s)))
}

// ---- padding ---------------------------------------------------------------------------------------

/// (self text, char count, width, fill char) for center/ljust/rjust.
fn pad_args(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<(String, usize, i64, char)> {
    let s = self_text(vm, a, fname)?;
    let p = mparams(vm, a, fname, &["width", "fillchar"], 1, Style::Clinic)?;
    let width = ssize_arg(vm, p[0].unwrap_or(0))?;
    let fill = match p[1] {
        None => ' ',
        Some(slot) => {
            let v = vm.at(slot);
            if !vm.is(v, Kind::Str) {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "The fill character must be a unicode character, not {tn}"
                )));
            }
            let mut it = vm.str_of(v).chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(
                        vm.type_error("The fill character must be exactly one character long")
                    )
                }
            }
        }
    };
    let n = vm.str_nchars(vm.arg(a, 0));
    Ok((s, n, width, fill))
}

fn pad_impl(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<Value> {
    let (s, n, width, fill) = pad_args(vm, a, fname)?;
    let mut buf = [0u8; 4];
    let fill = fill.encode_utf8(&mut buf).as_bytes();
    let r = pad::pad(s.as_bytes(), n, width, fill, pad::Align::of(fname));
    sized(vm, a, r)
}

/// The str result of a stringlib call: a new text, or None for self unchanged.
fn sized(vm: &mut Vm, a: &Args, r: Result<Option<Vec<u8>>, SizeError>) -> PyResult<Value> {
    match r {
        Ok(Some(out)) => new_text(vm, &out),
        Ok(None) => unchanged(vm, vm.arg(a, 0)),
        Err(e) => Err(e.raise(vm)),
    }
}

fn center(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, &a, "center")
}
fn ljust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, &a, "ljust")
}
fn rjust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pad_impl(vm, &a, "rjust")
}

fn zfill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = self_text(vm, &a, "zfill")?;
    let p = mparams(vm, &a, "zfill", &["width"], 1, Style::One)?;
    let width = ssize_arg(vm, p[0].unwrap_or(0))?;
    let n = vm.str_nchars(vm.arg(&a, 0));
    sized(vm, &a, pad::zfill(s.as_bytes(), n, width))
}
