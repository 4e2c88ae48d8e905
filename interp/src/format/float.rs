//! Float to text for format() and `%`: the e/f/g/% presentation types and the no-type rule, with
//! CPython's exponent form (`e+05`) and trailing-zero handling. Rust's fixed-precision formatting is
//! correctly rounded (round-half-even on the exact binary value), like CPython's dtoa.

use crate::vm::repr::float_repr;

/// Rewrites Rust's `1.5e3` / `1.5e-7` exponent into Python's `1.5e+03` / `1.5e-07`.
fn py_exponent(s: &str) -> String {
    match s.split_once('e') {
        Some((m, e)) => {
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            let pad = if digits.len() < 2 { "0" } else { "" };
            format!("{m}e{sign}{pad}{digits}")
        }
        None => s.to_string(),
    }
}

/// Digits beyond which a double's exact decimal expansion has only zeros (it has at most 1074
/// fraction digits and 767 significant ones). Rust's formatter refuses precisions above 65535, so
/// longer requests are formatted at this precision and padded with zeros.
const EXACT_DIGITS: usize = 1100;

/// `x` (finite, >= 0) in scientific notation with `prec` digits after the point.
pub fn fmt_e(x: f64, prec: usize, alt: bool) -> String {
    let mut s = format!("{:.*e}", prec.min(EXACT_DIGITS), x);
    if prec > EXACT_DIGITS {
        let e = s.find('e').unwrap_or(s.len());
        s.insert_str(e, &"0".repeat(prec - EXACT_DIGITS));
    }
    let s = py_exponent(&s);
    if alt && prec == 0 {
        return s.replacen('e', ".e", 1);
    }
    s
}

/// `x` (finite, >= 0) in fixed notation with `prec` digits after the point.
pub fn fmt_f(x: f64, prec: usize, alt: bool) -> String {
    let mut s = format!("{:.*}", prec.min(EXACT_DIGITS), x);
    if prec > EXACT_DIGITS {
        s.push_str(&"0".repeat(prec - EXACT_DIGITS));
    }
    if alt && prec == 0 {
        return s + ".";
    }
    s
}

/// Decimal exponent of `x` once rounded to `prec` significant digits.
fn rounded_exponent(x: f64, prec: usize) -> i32 {
    if x == 0.0 {
        return 0;
    }
    let s = format!("{:.*e}", prec.saturating_sub(1).min(EXACT_DIGITS), x);
    s.split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0)
}

/// Strips trailing zeros of the fraction (and a bare point), keeping any exponent.
fn strip_zeros(s: &str) -> String {
    let (m, e) = match s.find('e') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    if !m.contains('.') {
        return s.to_string();
    }
    let m = m.trim_end_matches('0').trim_end_matches('.');
    format!("{m}{e}")
}

/// General format ('g'): `prec` significant digits, exponent form when exp < -4 or exp >= prec.
pub fn fmt_g(x: f64, prec: usize, alt: bool) -> String {
    fmt_g_limit(x, prec, alt, 0)
}

/// 'g' with the exponent threshold lowered by `lower` (1 for format()'s empty type, which then adds ".0").
fn fmt_g_limit(x: f64, prec: usize, alt: bool, lower: i32) -> String {
    let p = prec.max(1);
    let exp = rounded_exponent(x, p);
    let s = if exp < -4 || exp >= p as i32 - lower {
        fmt_e(x, p - 1, alt)
    } else {
        fmt_f(x, (p as i32 - 1 - exp) as usize, alt)
    };
    if alt {
        if !s.contains('.') {
            return match s.find('e') {
                Some(i) => format!("{}.{}", &s[..i], &s[i..]),
                None => s + ".",
            };
        }
        s
    } else {
        strip_zeros(&s)
    }
}

/// The body (no sign) of a finite non-negative float for a presentation type, or None for a bad type.
/// `ty` None is format()'s empty type; 'r' is repr (the `%r`-less default of str()).
pub fn float_body(x: f64, ty: Option<char>, prec: Option<usize>, alt: bool) -> Option<String> {
    if !matches!(
        ty,
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')
    ) {
        return None;
    }
    if !x.is_finite() || (ty == Some('%') && !(x * 100.0).is_finite()) {
        let s = if x.is_nan() { "nan" } else { "inf" };
        return Some(upper_if(
            ty,
            if ty == Some('%') {
                format!("{s}%")
            } else {
                s.into()
            },
        ));
    }
    let s = match ty {
        Some('e' | 'E') => fmt_e(x, prec.unwrap_or(6), alt),
        Some('f' | 'F') => fmt_f(x, prec.unwrap_or(6), alt),
        Some('g' | 'G' | 'n') => fmt_g(x, prec.unwrap_or(6), alt),
        Some('%') => fmt_f(x * 100.0, prec.unwrap_or(6), alt) + "%",
        None => match prec {
            None => {
                let r = float_repr(x);
                if alt && !r.contains('.') {
                    match r.find('e') {
                        Some(i) => format!("{}.{}", &r[..i], &r[i..]),
                        None => r + ".",
                    }
                } else {
                    r
                }
            }
            Some(p) => {
                let s = fmt_g_limit(x, p, alt, 1);
                if !s.contains(['.', 'e']) {
                    s + ".0"
                } else {
                    s
                }
            }
        },
        _ => return None,
    };
    Some(upper_if(ty, s))
}

fn upper_if(ty: Option<char>, s: String) -> String {
    match ty {
        Some('E' | 'F' | 'G') => s.to_uppercase(),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_types() {
        assert_eq!(fmt_e(12345.678, 6, false), "1.234568e+04");
        assert_eq!(fmt_g(0.0001, 6, false), "0.0001");
        assert_eq!(fmt_g(1e20, 6, false), "1e+20");
        assert_eq!(fmt_g(123456789.0, 6, false), "1.23457e+08");
        assert_eq!(float_body(1.0, None, Some(3), false).unwrap(), "1.0");
        assert_eq!(float_body(1e16, None, Some(3), false).unwrap(), "1e+16");
        assert_eq!(fmt_f(2.5, 0, false), "2");
        assert_eq!(fmt_f(1.005, 2, false), "1.00");
    }
}
