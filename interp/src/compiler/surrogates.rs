//! Lone surrogates in string literals (`'\ud800'`, `'\udcff'`): the parser turns such an escape
//! into U+FFFD because a Rust `String` cannot hold it. When the source has such an escape, this
//! pass re-reads the affected str constants from their source text and decodes the escapes itself,
//! storing each surrogate as crate::unicode describes (so `len('\ud83d\ude00')` is 2 and
//! `ord('\ud800')` is 0xD800, as CPython). f-strings and literals with `\N{...}` keep the parser's
//! value (a documented limitation).

use rustpython_parser::ast::{self, Fold};
use rustpython_parser::lexer::lex;
use rustpython_parser::text_size::TextRange;
use rustpython_parser::{Mode, StringKind, Tok};

/// Does `source` contain a `\u`/`\U` escape of a surrogate? (A cheap filter before the pass.)
pub fn has_surrogate_escape(source: &str) -> bool {
    let b = source.as_bytes();
    memchr::memmem::find_iter(b, b"\\").any(|i| {
        let rest = &b[i + 1..];
        let hex = match rest.first() {
            Some(b'u') => rest.get(1..5),
            Some(b'U') => rest.get(5..9).filter(|_| rest.get(1..5) == Some(b"0000")),
            _ => None,
        };
        hex.is_some_and(|h| {
            matches!(h[0], b'd' | b'D') && matches!(h[1], b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F')
        })
    })
}

/// The module with its str constants' surrogate escapes decoded.
pub fn fix_literals(source: &str, module: ast::Mod) -> ast::Mod {
    let mut f = Fixer { source };
    match f.fold_mod(module) {
        Ok(m) => m,
        Err(never) => match never {},
    }
}

struct Fixer<'s> {
    source: &'s str,
}

impl Fold<TextRange> for Fixer<'_> {
    type TargetU = TextRange;
    type Error = std::convert::Infallible;
    type UserContext = ();

    fn will_map_user(&mut self, _user: &TextRange) {}
    fn map_user(&mut self, user: TextRange, _c: ()) -> Result<TextRange, Self::Error> {
        Ok(user)
    }

    fn fold_expr_constant(
        &mut self,
        node: ast::ExprConstant<TextRange>,
    ) -> Result<ast::ExprConstant<TextRange>, Self::Error> {
        let mut node = node;
        if let ast::Constant::Str(s) = &node.value {
            if s.contains('\u{fffd}') {
                let (a, b): (usize, usize) = (node.range.start().into(), node.range.end().into());
                if let Some(t) = self.source.get(a..b).and_then(decode_literals) {
                    node.value = ast::Constant::Str(t);
                }
            }
        }
        Ok(node)
    }
}

/// The value of the (implicitly concatenated) string literals in `text`, or None if any piece is
/// not a plain or raw str literal, or has an escape this decoder leaves to the parser.
fn decode_literals(text: &str) -> Option<String> {
    let mut out = String::new();
    for tok in lex(text, Mode::Module) {
        let (tok, _) = tok.ok()?;
        match tok {
            Tok::String { value, kind, .. } => match kind {
                StringKind::String | StringKind::Unicode => out.push_str(&decode_escapes(&value)?),
                StringKind::RawString => out.push_str(&value),
                _ => return None,
            },
            Tok::Newline | Tok::EndOfFile => {}
            _ => return None,
        }
    }
    Some(out)
}

fn hex_value(digits: &str) -> Option<u32> {
    u32::from_str_radix(digits, 16).ok()
}

/// Python's escapes in a non-raw str literal body.
fn decode_escapes(body: &str) -> Option<String> {
    let mut out = String::with_capacity(body.len());
    let mut it = body.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = it.next() else {
            out.push('\\');
            break;
        };
        let simple = match e {
            '\n' => Some(None),
            '\\' => Some(Some('\\')),
            '\'' => Some(Some('\'')),
            '"' => Some(Some('"')),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'n' => Some(Some('\n')),
            'r' => Some(Some('\r')),
            't' => Some(Some('\t')),
            'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(ch) = simple {
            out.extend(ch);
            continue;
        }
        match e {
            '\r' => {
                if it.peek().map(|p| p.1) == Some('\n') {
                    it.next();
                }
            }
            '0'..='7' => {
                let mut v = e.to_digit(8)?;
                for _ in 0..2 {
                    match it.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            v = v * 8 + d.to_digit(8)?;
                            it.next();
                        }
                        _ => break,
                    }
                }
                out.push(crate::unicode::char_of(v)?);
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let start = i + 2;
                let digits = body.get(start..start + n)?;
                let v = hex_value(digits)?;
                for _ in 0..n {
                    it.next();
                }
                out.push(crate::unicode::char_of(v)?);
            }
            'N' => return None,
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::unicode::code_of;

    #[test]
    fn decodes_surrogate_escapes() {
        assert!(has_surrogate_escape(r"x = '\ud800'"));
        assert!(has_surrogate_escape(r"x = '\U0000DC80'"));
        assert!(!has_surrogate_escape(r"x = '\u0041\ue000'"));
        let s = decode_literals(r#"'a\ud83d' "\ude00\x41\n""#).unwrap();
        let cps: Vec<u32> = s.chars().map(code_of).collect();
        assert_eq!(cps, [0x61, 0xD83D, 0xDE00, 0x41, 0x0A]);
        assert_eq!(decode_literals(r"f'\ud800'"), None);
    }
}
