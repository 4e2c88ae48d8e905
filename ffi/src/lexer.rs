//! Tokenizer for cdef sources and type strings.
//!
//! Removes comments, collects `#define NAME value` lines (with `\` continuations) as
//! [`Macro`]s, honours `# 42 "file.h"` line markers and rejects every other directive as CFFI
//! does. Each token carries the (file, line, column) used in CDefError messages.

use crate::error::{Error, Result};

/// The file name CFFI uses for cdef sources in error messages.
pub const CDEF_SOURCE_STRING: &str = "<cdef source string>";

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Ident(String),
    /// Integer literal (suffixes dropped) or character literal.
    Int(i128),
    Float(f64),
    Str(String),
    Punct(&'static str),
    Eof,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    /// Index into [`Lexed::files`].
    pub file: usize,
    pub line: u32,
    pub col: u32,
    /// The source text of the token (for "before: X" messages).
    pub text: String,
    /// Index of the physical source line holding the token (to quote it in messages).
    pub phys: usize,
}

/// A `#define` line.
#[derive(Clone, Debug)]
pub struct Macro {
    pub name: String,
    pub value: String,
    pub file: usize,
    pub line: u32,
}

/// The result of lexing a source.
#[derive(Clone, Debug)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    /// The comment-free source lines (indexed by [`Token::phys`]).
    pub lines: Vec<String>,
    pub macros: Vec<Macro>,
    pub files: Vec<String>,
}

const PUNCTS: &[&str] = &[
    "...", "<<", ">>", "*", "(", ")", "[", "]", "{", "}", ";", ",", "=", ":", "+", "-", "/", "%",
    "|", "&", "^", "~", "!", "<", ">", "?", ".",
];

/// Lex `src`; `first_line` is the number of its first line (CFFI-style messages).
pub fn lex(src: &str, first_line: u32) -> Result<Lexed> {
    let cleaned = strip_comments(src);
    let mut out = Lexed {
        tokens: Vec::new(),
        lines: Vec::new(),
        macros: Vec::new(),
        files: vec![CDEF_SOURCE_STRING.to_string()],
    };
    let lines: Vec<&str> = cleaned.split('\n').collect();
    out.lines = lines.iter().map(|l| l.to_string()).collect();
    let mut file = 0usize;
    let mut line_no = first_line;
    let mut i = 0;
    while i < lines.len() {
        let raw = lines[i];
        let trimmed = raw.trim_start();
        if let Some(rest) = trimmed.strip_prefix('#') {
            let rest = rest.trim_start();
            if let Some(def) = rest.strip_prefix("define") {
                if def.starts_with(|c: char| c.is_whitespace()) {
                    let mut value = def.to_string();
                    let start_line = line_no;
                    while value.trim_end().ends_with('\\') && i + 1 < lines.len() {
                        let v = value.trim_end();
                        value = format!("{} {}", &v[..v.len() - 1], lines[i + 1]);
                        i += 1;
                        line_no += 1;
                    }
                    let value = value.trim();
                    let name_end = value
                        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .unwrap_or(value.len());
                    let name = &value[..name_end];
                    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
                        return Err(syntax_error(
                            &out.files[file],
                            start_line,
                            1,
                            raw,
                            "Directives not supported yet",
                        ));
                    }
                    if value[name_end..].starts_with('(') {
                        return Err(Error::cdef(format!(
                            "only supports one of the following syntax:\n  #define {0} ...     (literally dot-dot-dot)\n  #define {0} NUMBER  (with NUMBER an integer constant, decimal/hex/octal)\ngot:\n  #define {1}",
                            name, value
                        )));
                    }
                    out.macros.push(Macro {
                        name: name.to_string(),
                        value: value[name_end..].trim().to_string(),
                        file,
                        line: start_line,
                    });
                    i += 1;
                    line_no += 1;
                    continue;
                }
            }
            // `# 42 "file"` or `#line 42 "file"` line markers.
            let marker = rest.strip_prefix("line").unwrap_or(rest).trim_start();
            let digits: String = marker.chars().take_while(|c| c.is_ascii_digit()).collect();
            if !digits.is_empty() {
                let after = marker[digits.len()..].trim();
                if let Some(f) = after.strip_prefix('"') {
                    if let Some(end) = f.find('"') {
                        out.files.push(f[..end].to_string());
                        file = out.files.len() - 1;
                    }
                }
                line_no = digits.parse::<u32>().unwrap_or(1);
                i += 1;
                continue;
            }
            let col = (raw.len() - trimmed.len()) as u32 + 1;
            return Err(syntax_error(
                &out.files[file],
                line_no,
                col,
                raw,
                "Directives not supported yet",
            ));
        }
        lex_line(
            raw,
            i,
            file,
            line_no,
            &out.files[file].clone(),
            &mut out.tokens,
        )?;
        i += 1;
        line_no += 1;
    }
    out.tokens.push(Token {
        tok: Tok::Eof,
        file,
        line: line_no.saturating_sub(1).max(first_line),
        col: 1,
        text: String::new(),
        phys: lines.len().saturating_sub(1),
    });
    Ok(out)
}

/// CFFI's message for a syntax error: `cannot parse "LINE"\nFILE:L:C: DETAIL`.
pub fn syntax_error(file: &str, line: u32, col: u32, line_text: &str, detail: &str) -> Error {
    let prefix = if line_text.trim().is_empty() {
        "parse error".to_string()
    } else {
        format!("cannot parse \"{}\"", line_text.trim())
    };
    Error::cdef(format!("{}\n{}:{}:{}: {}", prefix, file, line, col, detail))
}

/// Replace comments by spaces, keeping newlines (so line numbers do not change).
fn strip_comments(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'/' && i + 1 < b.len() && b[i + 1] == b'*' {
            i += 2;
            out.push(b' ');
            while i < b.len() && !(b[i] == b'*' && i + 1 < b.len() && b[i + 1] == b'/') {
                if b[i] == b'\n' {
                    out.push(b'\n');
                }
                i += 1;
            }
            i += 2;
        } else if b[i] == b'/' && i + 1 < b.len() && b[i + 1] == b'/' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i] == b'"' || b[i] == b'\'' {
            let q = b[i];
            out.push(b[i]);
            i += 1;
            while i < b.len() && b[i] != q && b[i] != b'\n' {
                if b[i] == b'\\' && i + 1 < b.len() {
                    out.push(b[i]);
                    i += 1;
                }
                out.push(b[i]);
                i += 1;
            }
            if i < b.len() && b[i] == q {
                out.push(q);
                i += 1;
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

fn lex_line(
    line: &str,
    phys: usize,
    file: usize,
    line_no: u32,
    fname: &str,
    out: &mut Vec<Token>,
) -> Result<()> {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let col = i as u32 + 1;
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let tok = if c.is_ascii_alphabetic() || c == b'_' || c == b'$' {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'$') {
                i += 1;
            }
            Tok::Ident(line[start..i].to_string())
        } else if c.is_ascii_digit() || (c == b'.' && i + 1 < b.len() && b[i + 1].is_ascii_digit())
        {
            while i < b.len()
                && (b[i].is_ascii_alphanumeric()
                    || b[i] == b'.'
                    || b[i] == b'_'
                    || (i > start
                        && (b[i] == b'+' || b[i] == b'-')
                        && matches!(b[i - 1], b'e' | b'E')
                        && !line[start..i].starts_with("0x")
                        && !line[start..i].starts_with("0X")))
            {
                i += 1;
            }
            match parse_number(&line[start..i]) {
                Some(t) => t,
                None => {
                    return Err(syntax_error(
                        fname,
                        line_no,
                        col,
                        line,
                        &format!("before: {}", &line[start..i]),
                    ))
                }
            }
        } else if c == b'\'' {
            i += 1;
            let (v, n) = parse_char_body(&b[i..])
                .ok_or_else(|| syntax_error(fname, line_no, col, line, "bad character literal"))?;
            i += n;
            if i >= b.len() || b[i] != b'\'' {
                return Err(syntax_error(
                    fname,
                    line_no,
                    col,
                    line,
                    "bad character literal",
                ));
            }
            i += 1;
            Tok::Int(v)
        } else if c == b'"' {
            i += 1;
            let s = i;
            while i < b.len() && b[i] != b'"' {
                i += 1;
            }
            let text = line[s..i.min(b.len())].to_string();
            i += 1;
            Tok::Str(text)
        } else {
            match PUNCTS.iter().find(|p| line[i..].starts_with(**p)) {
                Some(p) => {
                    i += p.len();
                    Tok::Punct(p)
                }
                None => {
                    return Err(syntax_error(
                        fname,
                        line_no,
                        col,
                        line,
                        &format!("before: {}", c as char),
                    ))
                }
            }
        };
        out.push(Token {
            tok,
            file,
            line: line_no,
            col,
            text: line[start..i.min(line.len())].to_string(),
            phys,
        });
    }
    Ok(())
}

/// Parse an integer literal (decimal, 0x hex, 0 octal, 0b binary; u/l suffixes) or a float.
pub fn parse_number(s: &str) -> Option<Tok> {
    let lower = s.to_ascii_lowercase();
    let is_hex = lower.starts_with("0x");
    if !is_hex && (lower.contains('.') || lower.contains('e')) {
        let t = lower.trim_end_matches(['f', 'l']);
        return t.parse::<f64>().ok().map(Tok::Float);
    }
    parse_int_literal(s).map(Tok::Int)
}

/// Parse a C integer literal with optional sign: `42`, `-5`, `0x1F`, `010`, `0b101`, `42UL`.
pub fn parse_int_literal(s: &str) -> Option<i128> {
    let s = s.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r.trim_start()),
        None => (false, s.strip_prefix('+').unwrap_or(s).trim_start()),
    };
    let body = s.trim_end_matches(['u', 'U', 'l', 'L']);
    if body.is_empty() {
        return None;
    }
    let (digits, radix) =
        if let Some(h) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
            (h, 16)
        } else if let Some(b) = body.strip_prefix("0b").or_else(|| body.strip_prefix("0B")) {
            (b, 2)
        } else if body.len() > 1 && body.starts_with('0') {
            (&body[1..], 8)
        } else {
            (body, 10)
        };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let v = i128::from_str_radix(digits, radix).ok()?;
    Some(if neg { -v } else { v })
}

fn parse_char_body(b: &[u8]) -> Option<(i128, usize)> {
    let c = *b.first()?;
    if c != b'\\' {
        return Some((c as i128, 1));
    }
    let e = *b.get(1)?;
    Some(match e {
        b'n' => (10, 2),
        b't' => (9, 2),
        b'r' => (13, 2),
        b'a' => (7, 2),
        b'b' => (8, 2),
        b'f' => (12, 2),
        b'v' => (11, 2),
        b'\\' | b'\'' | b'"' | b'?' => (e as i128, 2),
        b'x' => {
            let n = b[2..].iter().take_while(|c| c.is_ascii_hexdigit()).count();
            let s = std::str::from_utf8(&b[2..2 + n]).ok()?;
            (i128::from_str_radix(s, 16).ok()?, 2 + n)
        }
        b'0'..=b'7' => {
            let n = b[1..]
                .iter()
                .take(3)
                .take_while(|c| (b'0'..=b'7').contains(c))
                .count();
            let s = std::str::from_utf8(&b[1..1 + n]).ok()?;
            (i128::from_str_radix(s, 8).ok()?, 1 + n)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals() {
        assert_eq!(parse_int_literal("0x1F"), Some(31));
        assert_eq!(parse_int_literal("-5"), Some(-5));
        assert_eq!(parse_int_literal("010"), Some(8));
        assert_eq!(parse_int_literal("42UL"), Some(42));
        assert_eq!(parse_int_literal("0"), Some(0));
        assert_eq!(parse_int_literal("(1<<3)"), None);
        assert_eq!(parse_int_literal("08"), None);
    }

    #[test]
    fn tokens_and_macros() {
        let l = lex("int x; /* c\n */ // d\n#define FOO 0x10\nchar c = 'a';", 1).unwrap();
        assert_eq!(l.macros.len(), 1);
        assert_eq!(l.macros[0].name, "FOO");
        assert_eq!(l.macros[0].value, "0x10");
        assert_eq!(l.macros[0].line, 3);
        let t: Vec<_> = l.tokens.iter().map(|t| t.tok.clone()).collect();
        assert_eq!(t[0], Tok::Ident("int".into()));
        assert_eq!(t[3], Tok::Ident("char".into()));
        assert_eq!(l.tokens[3].line, 4);
        assert_eq!(t[6], Tok::Int(97));
    }

    #[test]
    fn directives_rejected() {
        let e = lex("int x;\n#include <stdio.h>\n", 1).unwrap_err();
        assert_eq!(
            e.message,
            "cannot parse \"#include <stdio.h>\"\n<cdef source string>:2:1: Directives not supported yet"
        );
    }

    #[test]
    fn line_markers() {
        let l = lex("# 42 \"foo.h\"\nint x;", 1).unwrap();
        assert_eq!(l.tokens[0].line, 42);
        assert_eq!(l.files[l.tokens[0].file], "foo.h");
    }
}
