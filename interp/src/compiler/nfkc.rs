//! Identifiers are NFKC-normalised (PEP 3131): `ﬁ = 1` binds `fi`. rustpython's parser keeps
//! names as written, so before parsing, every non-ASCII name token of the source is replaced by
//! its NFKC form (the lexer finds them: strings and comments are left alone). Only the lines of
//! such names change (normalisation adds no newline), so line numbers stay exact.

use rustpython_parser::lexer::lex;
use rustpython_parser::{Mode, Tok};
use std::borrow::Cow;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// `source` with its identifiers in NFKC form (borrowed when nothing changes: always for ASCII).
pub fn normalize_identifiers(source: &str, mode: Mode) -> Cow<'_, str> {
    if source.is_ascii() {
        return Cow::Borrowed(source);
    }
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for tok in lex(source, mode) {
        // A lexical error is reported by the parser, on the unchanged text before it.
        let Ok((tok, range)) = tok else { break };
        if let Tok::Name { name } = tok {
            if name.is_ascii() || is_nfkc_quick(name.chars()) == IsNormalized::Yes {
                continue;
            }
            let n: String = name.nfkc().collect();
            if n != name {
                edits.push((range.start().into(), range.end().into(), n));
            }
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
