//! CPython's SyntaxError for a `try` whose handlers mix `except` and `except*` ("cannot have both
//! 'except' and 'except*' on the same 'try'", at the first handler of the other kind). The
//! parser only says "invalid syntax" there, so when a parse fails this scans the source's lines
//! for such a `try` (the handlers of a `try` are the `except` lines at its indentation, up to the
//! next line there that is no handler, `else` or `finally`).
//!
//! A line scan, not a tokenizer: lines inside a triple-quoted string could be mistaken for code,
//! so the answer is used only to explain a parse error, never to reject a source that parsed.

/// (1-based line, 0-based column) of the first handler of the other kind in the first `try`
/// that mixes both, if any.
pub fn find(source: &str) -> Option<(u32, u32)> {
    let lines: Vec<&str> = source.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let indent = indent_of(line);
        let body = line[indent..].trim_end();
        if !(body.starts_with("try") && body["try".len()..].trim_start().starts_with(':')) {
            continue;
        }
        let mut first_star: Option<bool> = None;
        for (j, other) in lines.iter().enumerate().skip(i + 1) {
            let text = other.trim();
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            let ind = indent_of(other);
            if ind > indent {
                continue;
            }
            if ind < indent {
                break;
            }
            let Some(star) = handler_kind(text) else {
                break;
            };
            match first_star {
                None => first_star = Some(star),
                Some(s) if s != star => return Some((j as u32 + 1, ind as u32)),
                Some(_) => {}
            }
        }
    }
    None
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// Some(is `except*`) for an `except` line; None for anything else but `else`/`finally` (which
/// end the handlers too, but cannot be followed by more of them).
fn handler_kind(text: &str) -> Option<bool> {
    let rest = text.strip_prefix("except")?;
    let next = rest.chars().next()?;
    if next.is_alphanumeric() || next == '_' {
        return None;
    }
    Some(rest.trim_start().starts_with('*'))
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn finds_the_first_handler_of_the_other_kind() {
        let src = "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n";
        assert_eq!(find(src), Some((5, 0)));
        let nested =
            "def f():\n    try:\n        x\n    except *E:\n        y\n    except:\n        z\n";
        assert_eq!(find(nested), Some((6, 4)));
        assert_eq!(
            find("try:\n    x\nexcept E:\n    y\nexcept F:\n    z\n"),
            None
        );
        assert_eq!(
            find("try:\n    x\nexcept E:\n    y\nz = 1\nexcept* F:\n    z\n"),
            None
        );
    }
}
