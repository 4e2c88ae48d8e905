//! The format-spec mini-language, `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`:
//! parsing (`parse_spec`) and rendering ints (small and big), floats and strs. Pure functions of the
//! value and the spec: no VM, no heap, so no GC point. Errors are `(exception name, message)` or a
//! ValueError message for the caller to raise.

use super::float;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alt: bool,
    pub zero: bool,
    pub width: usize,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a spec; Err is the ValueError message.
pub fn parse_spec(spec: &str, tname: &str, default_align: char) -> Result<Spec, String> {
    let c: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let (w, ni) = digits(&c, i)?;
    s.width = w.unwrap_or(0);
    i = ni;
    if i < c.len() && matches!(c[i], ',' | '_') {
        s.grouping = Some(c[i]);
        i += 1;
        if i < c.len() && matches!(c[i], ',' | '_') {
            return Err(if c[i] == s.grouping.unwrap_or(',') {
                format!("Cannot specify '{}' with '{}'.", c[i], c[i])
            } else {
                "Cannot specify both ',' and '_'.".into()
            });
        }
    }
    if i < c.len() && c[i] == '.' {
        let (p, ni) = digits(&c, i + 1)?;
        if p.is_none() {
            return Err("Format specifier missing precision".into());
        }
        s.precision = p;
        i = ni;
    }
    if c.len() - i > 1 {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{tname}'"
        ));
    }
    if i < c.len() {
        s.ty = Some(c[i]);
    }
    if let Some(g) = s.grouping {
        let ok = match s.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !ok {
            let t = s.ty.unwrap_or(' ');
            let t = if (' '..'\x7f').contains(&t) && t != ' ' {
                t.to_string()
            } else {
                format!("\\x{:x}", t as u32)
            };
            return Err(format!("Cannot specify '{g}' with '{t}'."));
        }
    }
    if s.zero && s.fill.is_none() {
        s.fill = Some('0');
        if s.align.is_none() && default_align == '>' {
            s.align = Some('=');
        }
    }
    Ok(s)
}

fn digits(c: &[char], mut i: usize) -> Result<(Option<usize>, usize), String> {
    let start = i;
    let mut n: usize = 0;
    while i < c.len() && c[i].is_ascii_digit() {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(c[i] as usize - '0' as usize))
            .ok_or("Too many decimal digits in format string")?;
        i += 1;
    }
    if n > i32::MAX as usize {
        return Err("Too many decimal digits in format string".into());
    }
    Ok((if i > start { Some(n) } else { None }, i))
}

/// Pads `body` (already complete) to the spec's width with its fill and alignment (default `default`).
fn pad(body: &str, s: &Spec, default: char) -> String {
    let n = body.chars().count();
    if n >= s.width {
        return body.to_string();
    }
    let fill = s.fill.unwrap_or(' ');
    let m = s.width - n;
    let (l, r) = match s.align.unwrap_or(default) {
        '<' => (0, m),
        '^' => (m / 2, m - m / 2),
        _ => (m, 0),
    };
    padded(body, l, r, fill)
}

/// Inserts `sep` every `g` digits from the right, zero-extending to at least `min_width` chars
/// (CPython's grouping with the `0` flag).
fn group_digits(d: &str, sep: char, g: usize, min_width: isize) -> String {
    let b = d.as_bytes();
    let mut groups: Vec<String> = Vec::new();
    let mut remaining = b.len() as isize;
    let mut mw = min_width;
    let mut pos = b.len();
    loop {
        let l = remaining.max(mw).max(1).min(g as isize);
        let n_chars = remaining.min(l).max(0) as usize;
        let n_zeros = (l - remaining).max(0) as usize;
        let mut grp = "0".repeat(n_zeros);
        grp.push_str(std::str::from_utf8(&b[pos - n_chars..pos]).unwrap_or(""));
        pos -= n_chars;
        groups.push(grp);
        remaining -= n_chars as isize;
        mw -= l;
        if remaining <= 0 && mw <= 0 {
            break;
        }
        mw -= 1;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

/// Lays out a number: sign, prefix, integer digits (grouped), rest (fraction, exponent, '%').
fn layout_number(
    neg: bool,
    prefix: &str,
    int_digits: &str,
    rest: &str,
    s: &Spec,
    group: usize,
) -> String {
    let sign = if neg {
        "-"
    } else {
        match s.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let zero_pad = s.align == Some('=') && s.fill == Some('0');
    let digits = match s.grouping {
        Some(g) => {
            let mw = if zero_pad {
                s.width as isize - (sign.len() + prefix.len() + rest.chars().count()) as isize
            } else {
                0
            };
            group_digits(int_digits, g, group, mw)
        }
        None => int_digits.to_string(),
    };
    let body_len = sign.len() + prefix.len() + digits.chars().count() + rest.chars().count();
    if s.align == Some('=') && body_len < s.width {
        let fill: String = std::iter::repeat_n(s.fill.unwrap_or(' '), s.width - body_len).collect();
        return format!("{sign}{prefix}{fill}{digits}{rest}");
    }
    pad(&format!("{sign}{prefix}{digits}{rest}"), s, '>')
}

/// format(int, spec) for a parsed spec; Err is (exception name, message).
pub fn format_bigint(n: &BigInt, s: &Spec, tname: &str) -> Result<String, (&'static str, String)> {
    let ty = s.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        let f = n.to_f64().filter(|f| f.is_finite()).ok_or((
            "OverflowError",
            "int too large to convert to float".to_string(),
        ))?;
        return format_f64(f, s, tname).map_err(|m| ("ValueError", m));
    }
    if !matches!(ty, 'd' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c') {
        return Err((
            "ValueError",
            format!("Unknown format code '{ty}' for object of type '{tname}'"),
        ));
    }
    if s.precision.is_some() {
        return Err((
            "ValueError",
            "Precision not allowed in integer format specifier".into(),
        ));
    }
    if s.z {
        return Err((
            "ValueError",
            "Negative zero coercion (z) not allowed in integer format specifier".into(),
        ));
    }
    if let Some(g) = s.grouping {
        if (g == ',' && ty != 'd') || (g == '_' && matches!(ty, 'n' | 'c')) {
            return Err(("ValueError", format!("Cannot specify '{g}' with '{ty}'.")));
        }
    }
    if ty == 'c' {
        return format_char(n, s);
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        crate::objects::int::decimal_digits(n).map_err(|m| ("ValueError", m))?
    } else {
        n.abs().to_str_radix(radix)
    };
    if ty == 'X' {
        digits = digits.to_uppercase();
    }
    let prefix = if s.alt { prefix } else { "" };
    let group = if radix == 10 { 3 } else { 4 };
    Ok(layout_number(
        n.is_negative(),
        prefix,
        &digits,
        "",
        s,
        group,
    ))
}

fn format_char(n: &BigInt, s: &Spec) -> Result<String, (&'static str, String)> {
    if s.sign.is_some() {
        return Err((
            "ValueError",
            "Sign not allowed with integer format specifier 'c'".into(),
        ));
    }
    if s.alt {
        return Err((
            "ValueError",
            "Alternate form (#) not allowed with integer format specifier 'c'".into(),
        ));
    }
    if n.to_i64().is_none() {
        return Err((
            "OverflowError",
            "Python int too large to convert to C long".into(),
        ));
    }
    let c = n
        .to_u32()
        .filter(|&u| u < 0x110000)
        .and_then(crate::unicode::char_of)
        .ok_or(("OverflowError", "%c arg not in range(0x110000)".to_string()))?;
    Ok(pad(&c.to_string(), s, '>'))
}

/// format(float, spec); Err is the ValueError message.
pub fn format_f64(f: f64, s: &Spec, tname: &str) -> Result<String, String> {
    if let Some(g) = s.grouping {
        if matches!(s.ty, Some('n')) {
            return Err(format!("Cannot specify '{g}' with 'n'."));
        }
    }
    if let Some(p) = s.precision {
        if p > 1_000_000 {
            return Err("precision too big".into());
        }
    }
    let body = match float::float_body(f.abs(), s.ty, s.precision, s.alt) {
        Some(b) => b,
        None => {
            let ty = s.ty.unwrap_or(' ');
            return Err(format!(
                "Unknown format code '{ty}' for object of type '{tname}'"
            ));
        }
    };
    let mut neg = f.is_sign_negative() && !f.is_nan();
    if neg && s.z && f.is_finite() && !body.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        neg = false;
    }
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(layout_number(
            neg,
            "",
            &body,
            "",
            &Spec {
                grouping: None,
                ..s.clone()
            },
            3,
        ));
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    Ok(layout_number(neg, "", &body[..split], &body[split..], s, 3))
}

/// format(str, spec); Err is the ValueError message.
pub fn format_text(text: &str, s: &Spec) -> Result<String, String> {
    if let Some(t) = s.ty {
        if t != 's' {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'str'"
            ));
        }
    }
    if s.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    if s.alt {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if s.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    if let Some(g) = s.grouping {
        return Err(format!("Cannot specify '{g}' with 's'."));
    }
    let t = match s.precision {
        Some(p) => match text.char_indices().nth(p) {
            Some((b, _)) => &text[..b],
            None => text,
        },
        None => text,
    };
    Ok(pad(t, s, '<'))
}

/// `s` with `left` and `right` fill chars around it.
pub fn padded(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// format(complex, spec) (CPython's `format_complex_internal`); Err is the ValueError message. With
/// no presentation type it is str() (repr digits, the real part left out when +0, parentheses
/// otherwise); with one, both parts are formatted by it, the imaginary part always signed. The
/// padding applies to the whole `re+imj`.
pub fn format_complex(re: f64, im: f64, s: &Spec) -> Result<String, String> {
    if s.fill == Some('0') {
        return Err("Zero padding is not allowed in complex format specifier".into());
    }
    if s.align == Some('=') {
        return Err("'=' alignment flag is not allowed in complex format specifier".into());
    }
    if let Some(t) = s.ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
            return Err(format!(
                "Unknown format code '{t}' for object of type 'complex'"
            ));
        }
    }
    if let Some(p) = s.precision {
        if p > 1_000_000 {
            return Err("precision too big".into());
        }
    }
    let skip_re = s.ty.is_none() && re == 0.0 && re.is_sign_positive();
    let parens = s.ty.is_none() && !skip_re;
    let body = |x: f64| -> String {
        let a = x.abs();
        match (s.ty, s.precision) {
            (None, None) if a.is_finite() => {
                let r = crate::objects::float::float_repr(a);
                let r = r.strip_suffix(".0").map(str::to_string).unwrap_or(r);
                if s.alt && !r.contains('.') {
                    match r.find('e') {
                        Some(i) => format!("{}.{}", &r[..i], &r[i..]),
                        None => r + ".",
                    }
                } else {
                    r
                }
            }
            (None | Some('n'), p) => {
                float::float_body(a, Some('g'), Some(p.unwrap_or(6)), s.alt).unwrap_or_default()
            }
            (t, p) => float::float_body(a, t, Some(p.unwrap_or(6)), s.alt).unwrap_or_default(),
        }
    };
    let part = |x: f64, sign: Option<char>| -> String {
        let b = body(x);
        let mut neg = x.is_sign_negative() && !x.is_nan();
        if neg && s.z && x.is_finite() && !b.bytes().any(|c| (b'1'..=b'9').contains(&c)) {
            neg = false;
        }
        let sg = if neg {
            "-"
        } else {
            match sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let b = match s.grouping {
            Some(g) if b.starts_with(|c: char| c.is_ascii_digit()) => {
                let split = b.find(|c: char| !c.is_ascii_digit()).unwrap_or(b.len());
                format!("{}{}", group_digits(&b[..split], g, 3, 0), &b[split..])
            }
            _ => b,
        };
        format!("{sg}{b}")
    };
    let mut out = String::new();
    if parens {
        out.push('(');
    }
    if !skip_re {
        out.push_str(&part(re, s.sign));
    }
    out.push_str(&part(im, if skip_re { s.sign } else { Some('+') }));
    out.push('j');
    if parens {
        out.push(')');
    }
    Ok(pad(&out, s, '>'))
}
