//! Identifiers are NFKC-normalised (PEP 3131): `ﬁ = 1` binds `fi`. rustpython's parser keeps
//! names as written, so before parsing, every non-ASCII name token of the source is replaced by
//! its NFKC form (the lexer finds them: strings and comments are left alone). Only the lines of
//! such names change (normalisation adds no newline), so line numbers stay exact.

use rustpython_parser::lexer::lex;
use rustpython_parser::{Mode, StringKind, Tok};
use std::borrow::Cow;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// The NFKC form of identifier `name` when it differs.
fn normalized(name: &str) -> Option<String> {
    if name.is_ascii() || is_nfkc_quick(name.chars()) == IsNormalized::Yes {
        return None;
    }
    let n: String = name.nfkc().collect();
    (n != name).then_some(n)
}

/// Edits for the words inside the `{...}` fields of the f-string at `source[start..end]`
/// (outside nested string literals; `{{` and `}}` are literal braces).
fn fstring_names(source: &str, start: usize, end: usize, edits: &mut Vec<(usize, usize, String)>) {
    let text = &source[start..end];
    if text.is_ascii() {
        return;
    }
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut word: Option<usize> = None;
    let mut it = text.char_indices().peekable();
    let flush = |word: &mut Option<usize>, at: usize, edits: &mut Vec<_>| {
        if let Some(w) = word.take() {
            if let Some(n) = normalized(&text[w..at]) {
                edits.push((start + w, start + at, n));
            }
        }
    };
    while let Some((i, c)) = it.next() {
        if depth > 0 && quote.is_none() && (c.is_alphanumeric() || c == '_') {
            word.get_or_insert(i);
            continue;
        }
        flush(&mut word, i, edits);
        match (c, quote) {
            (_, Some(q)) if c == q => quote = None,
            (_, Some(_)) => {}
            ('\'' | '"', None) if depth > 0 => quote = Some(c),
            ('{', None) => {
                if depth == 0 && it.peek().is_some_and(|&(_, n)| n == '{') {
                    it.next();
                } else {
                    depth += 1;
                }
            }
            ('}', None) => {
                if depth == 0 {
                    it.next_if(|&(_, n)| n == '}');
                } else {
                    depth -= 1;
                }
            }
            _ => {}
        }
    }
    flush(&mut word, text.len(), edits);
}

/// `source` with its identifiers in NFKC form (borrowed when nothing changes: always for ASCII).
pub fn normalize_identifiers(source: &str, mode: Mode) -> Cow<'_, str> {
    if source.is_ascii() {
        return Cow::Borrowed(source);
    }
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for tok in lex(source, mode) {
        // A lexical error is reported by the parser, on the unchanged text before it.
        let Ok((tok, range)) = tok else { break };
        let (start, end): (usize, usize) = (range.start().into(), range.end().into());
        match tok {
            Tok::Name { name } => {
                if let Some(n) = normalized(&name) {
                    edits.push((start, end, n));
                }
            }
            // The parser reads an f-string's expressions from the token's text later.
            Tok::String {
                kind: StringKind::FString | StringKind::RawFString,
                ..
            } => fstring_names(source, start, end, &mut edits),
            _ => {}
        }
    }
    if edits.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for (s, e, n) in edits {
        out.push_str(&source[at..s]);
        out.push_str(&n);
        at = e;
    }
    out.push_str(&source[at..]);
    Cow::Owned(out)
}
