//! str case mapping (upper, lower, capitalize, title, swapcase, casefold), the is*() predicates and
//! padding (center, ljust, rjust, zfill). Unicode properties come from Rust's char methods, plus small
//! tables for titlecase digraphs and decimal digits.

use super::args::*;
use super::self_text;
use crate::obj::layout::{Kind, NativeFn};
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

/// Titlecase of one char (Unicode's titlecase differs from uppercase for a few digraphs).
pub fn to_title(c: char, out: &mut String) {
    match c {
        'Ǆ' | 'ǅ' | 'ǆ' => out.push('ǅ'),
        'Ǉ' | 'ǈ' | 'ǉ' => out.push('ǈ'),
        'Ǌ' | 'ǋ' | 'ǌ' => out.push('ǋ'),
        'Ǳ' | 'ǲ' | 'ǳ' => out.push('ǲ'),
        'ß' => out.push_str("Ss"),
        'ﬀ' => out.push_str("Ff"),
        'ﬁ' => out.push_str("Fi"),
        'ﬂ' => out.push_str("Fl"),
        _ => out.extend(c.to_uppercase()),
    }
}

fn is_titlecase(c: char) -> bool {
    matches!(c, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
        || ('\u{1f88}'..='\u{1faf}').contains(&c) && (c as u32 & 0xf) >= 8
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}

fn case_result(vm: &mut Vm, a: &Args, fname: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let s = noarg_text(vm, a, fname)?;
    let r = f(&s);
    if r == s {
        return Ok(vm.arg(a, 0));
    }
    vm.new_str(&r)
}

fn upper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    case_result(vm, &a, "upper", |s| s.to_uppercase())
}
fn lower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    case_result(vm, &a, "lower", |s| s.to_lowercase())
}
fn casefold(vm: &mut Vm, a: Args) -> PyResult<Value> {
    case_result(vm, &a, "casefold", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match c {
                'ß' | 'ẞ' => out.push_str("ss"),
                'ς' => out.push('σ'),
                'ﬁ' => out.push_str("fi"),
                'ﬂ' => out.push_str("fl"),
                'ﬀ' => out.push_str("ff"),
                _ => out.extend(c.to_lowercase()),
            }
        }
        out
    })
}

fn capitalize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    case_result(vm, &a, "capitalize", |s| {
        let mut out = String::with_capacity(s.len());
        let mut it = s.chars();
        if let Some(c) = it.next() {
            to_title(c, &mut out);
        }
        out.push_str(&it.as_str().to_lowercase());
        out
    })
}

fn title(vm: &mut Vm, a: Args) -> PyResult<Value> {
    case_result(vm, &a, "title", |s| {
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for c in s.chars() {
            if prev_cased {
                out.extend(c.to_lowercase());
            } else {
                to_title(c, &mut out);
            }
            prev_cased = is_cased(c);
        }
        out
    })
}

fn swapcase(vm: &mut Vm, a: Args) -> PyResult<Value> {
    case_result(vm, &a, "swapcase", |s| {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}

// ---- predicates ------------------------------------------------------------------------------------

/// Code points of the '0' of every run of ten Unicode decimal digits (category Nd).
const DECIMAL_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The decimal value of a Unicode decimal digit (category Nd).
pub fn decimal_value(c: char) -> Option<u32> {
    let u = c as u32;
    if u < 0x80 {
        return c.to_digit(10);
    }
    DECIMAL_ZEROS
        .iter()
        .find(|&&z| u >= z && u < z + 10)
        .map(|z| u - z)
}

/// Digits that are not decimal (superscripts, circled digits...): Numeric_Type=Digit.
fn is_digit_only(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0xB2 | 0xB3 | 0xB9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247C
        | 0x2488..=0x2490 | 0x24EA | 0x24F5..=0x24FD | 0x24FF | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792
        | 0x1369..=0x1371 | 0x19DA | 0x10A40..=0x10A43 | 0x1F100..=0x1F10A)
}

fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}
fn is_digit(c: char) -> bool {
    is_decimal(c) || is_digit_only(c)
}
fn is_numeric(c: char) -> bool {
    c.is_numeric()
        || matches!(
            c,
            '〇' | '一'
                | '二'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '億'
                | '兆'
        )
}
fn is_alpha(c: char) -> bool {
    c.is_alphabetic()
        && !c.is_numeric()
        && !matches!(c as u32, 0x345 | 0x5B0..=0x5C7 | 0x610..=0x61A | 0x64B..=0x657)
}

/// Python's str.isprintable for one char (approximation: no controls, separators other than space).
fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c as u32, 0xAD | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064 | 0xFEFF | 0xD800..=0xDFFF))
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
    Ok(vm.bool_val(s.chars().all(is_printable)))
}

/// isupper/islower: at least one cased char, and no cased char of the other case.
fn case_pred(vm: &mut Vm, a: &Args, fname: &str, upper: bool) -> PyResult<Value> {
    let s = noarg_text(vm, a, fname)?;
    let mut cased = false;
    for c in s.chars() {
        let (this, other) = if upper {
            (c.is_uppercase(), c.is_lowercase() || is_titlecase(c))
        } else {
            (c.is_lowercase(), c.is_uppercase() || is_titlecase(c))
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
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return Ok(vm.bool_val(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
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

/// XID_Start / XID_Continue approximations for identifiers.
pub fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    it.all(|c| {
        c == '_'
            || c.is_alphanumeric()
            || is_decimal(c)
            || matches!(c as u32, 0x300..=0x36F | 0xB7 | 0x203F | 0x2040)
    })
}

fn isidentifier(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = noarg_text(vm, &a, "isidentifier")?;
    Ok(vm.bool_val(is_identifier(&s)))
}

// ---- padding ---------------------------------------------------------------------------------------

/// (self text, char count, width, fill char) for center/ljust/rjust.
fn pad_args(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<(String, usize, i64, char)> {
    let s = self_text(vm, a, fname)?;
    let p = params(
        vm,
        a,
        &qual(vm, a, fname),
        &["width", "fillchar"],
        1,
        Style::Clinic,
    )?;
    let width = int_arg(vm, p[0].unwrap_or(0))?;
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
    if width <= n as i64 {
        return Ok(vm.arg(a, 0));
    }
    let marg = width as usize - n;
    let (l, r) = match fname {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let l = marg / 2 + (marg & width as usize & 1);
            (l, marg - l)
        }
    };
    let out = padded(&s, l, r, fill);
    vm.new_str(&out)
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
    let p = params(vm, &a, &qual(vm, &a, "zfill"), &["width"], 1, Style::One)?;
    let width = int_arg(vm, p[0].unwrap_or(0))?;
    let n = vm.str_nchars(vm.arg(&a, 0));
    if width <= n as i64 {
        return Ok(vm.arg(&a, 0));
    }
    let zeros = "0".repeat(width as usize - n);
    let out = match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    };
    vm.new_str(&out)
}
