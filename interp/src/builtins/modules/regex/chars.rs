//! Character predicates and case folding of the regex engine, on Python code points (`u32`, a
//! surrogate is its own code point). Two worlds, as in CPython's `_sre`: ASCII (bytes patterns and
//! the ASCII flag: only [A-Za-z0-9_], " \t\n\r\f\v" and A-Z/a-z folding) and Unicode (str.isalnum,
//! str.isdecimal, str.isspace and simple case mappings).

use crate::objects::str::unicode::{in_table, ALPHA, DECIMAL, NUMERIC};

/// A `\d \D \w \W \s \S` category, as it appears alone or inside a class.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cat {
    Digit,
    NotDigit,
    Word,
    NotWord,
    Space,
    NotSpace,
}

fn as_char(c: u32) -> Option<char> {
    if (0xD800..=0xDFFF).contains(&c) {
        None
    } else {
        char::from_u32(c)
    }
}

pub fn is_digit(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return (b'0' as u32..=b'9' as u32).contains(&c);
    }
    !ascii && as_char(c).is_some_and(|ch| in_table(DECIMAL, ch))
}

pub fn is_word(c: u32, ascii: bool) -> bool {
    if c < 128 {
        let b = c as u8;
        return b.is_ascii_alphanumeric() || b == b'_';
    }
    !ascii && as_char(c).is_some_and(|ch| in_table(ALPHA, ch) || in_table(NUMERIC, ch))
}

pub fn is_space(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return matches!(c, 0x20 | 0x09..=0x0D) || (!ascii && (0x1C..=0x1F).contains(&c));
    }
    !ascii
        && matches!(
            c,
            0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000
        )
}

pub fn in_cat(cat: Cat, c: u32, ascii: bool) -> bool {
    match cat {
        Cat::Digit => is_digit(c, ascii),
        Cat::NotDigit => !is_digit(c, ascii),
        Cat::Word => is_word(c, ascii),
        Cat::NotWord => !is_word(c, ascii),
        Cat::Space => is_space(c, ascii),
        Cat::NotSpace => !is_space(c, ascii),
    }
}

/// Simple (one code point) lowercase mapping.
pub fn fold_lower(c: u32, ascii: bool) -> u32 {
    if c < 128 || ascii {
        return if (b'A' as u32..=b'Z' as u32).contains(&c) {
            c + 32
        } else {
            c
        };
    }
    if c == 0x130 {
        return 0x69; // İ: full mapping is two chars, the simple one is 'i'
    }
    match as_char(c) {
        Some(ch) => {
            let mut it = ch.to_lowercase();
            match (it.next(), it.next()) {
                (Some(l), None) => l as u32,
                _ => c,
            }
        }
        None => c,
    }
}

/// Simple (one code point) uppercase mapping.
pub fn fold_upper(c: u32, ascii: bool) -> u32 {
    if c < 128 || ascii {
        return if (b'a' as u32..=b'z' as u32).contains(&c) {
            c - 32
        } else {
            c
        };
    }
    match as_char(c) {
        Some(ch) => {
            let mut it = ch.to_uppercase();
            match (it.next(), it.next()) {
                (Some(u), None) => u as u32,
                _ => c,
            }
        }
        None => c,
    }
}

/// Do `a` and `b` match each other under IGNORECASE? Equal simple lowercase, or equal simple
/// uppercase (which covers CPython's extra case-fix pairs such as 's'/'ſ' and 'i'/'ı').
pub fn eq_icase(a: u32, b: u32, ascii: bool) -> bool {
    a == b
        || fold_lower(a, ascii) == fold_lower(b, ascii)
        || fold_upper(a, ascii) == fold_upper(b, ascii)
}
