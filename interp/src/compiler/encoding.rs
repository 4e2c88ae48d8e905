//! Source file decoding (PEP 263): a UTF-8 BOM, or a `coding[:=]name` comment on line 1 or 2,
//! decides how the bytes of a `.py` file become text; without either they must be UTF-8.
//! Pure functions (no VM): [`SourceError`] gives the SyntaxError messages CPython prints.
//! The codecs are those of the codec layer (objects/str/codecs.rs): utf-8, latin-1, ascii.

/// The codec named by a coding declaration, as CPython normalises it (`get_normal_name`):
/// "utf-8" and "iso-8859-1" spellings collapse; other names are matched as given.
fn normal_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    if lower == "utf-8" || lower.starts_with("utf-8-") {
        return "utf-8".into();
    }
    for p in ["latin-1", "iso-8859-1", "iso-latin-1"] {
        if lower == p || lower.starts_with(&format!("{p}-")) {
            return "iso-8859-1".into();
        }
    }
    name.to_string()
}

/// The encoding declared by `line` (a comment `# ... coding[:=] name`), if any.
fn declared(line: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(line).ok()?;
    let t = s.trim_start_matches([' ', '\t', '\x0c']);
    let comment = t.strip_prefix('#')?;
    let i = comment.find("coding")?;
    let rest = &comment[i + 6..];
    let rest = rest.strip_prefix([':', '='])?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Is `line` blank or only a comment (a declaration on line 2 counts only after such a line 1)?
fn blank_or_comment(line: &[u8]) -> bool {
    let t: Vec<u8> = line
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b' ' | b'\t' | b'\x0c'))
        .collect();
    t.is_empty() || t[0] == b'#' || t[0] == b'\n' || t[0] == b'\r'
}

/// Why source bytes could not be decoded.
#[derive(Debug, PartialEq)]
pub enum SourceError {
    /// Not UTF-8 and no declaration: the first bad byte, its 1-based line, and the codec error
    /// CPython's tokenizer reports (`pos` within the string literal holding the byte, `reason`).
    NonUtf8 {
        byte: u8,
        line: usize,
        pos: usize,
        reason: &'static str,
    },
    /// A declared codec that does not exist (or the codec layer lacks).
    Unknown(String),
    /// The bytes are not valid in the declared codec (ascii): the first bad byte and offset.
    Undecodable { enc: String, byte: u8, pos: usize },
    /// A BOM with a declaration other than utf-8.
    BomMismatch(String),
}

impl SourceError {
    /// The SyntaxError message CPython prints when running the script `filename`.
    pub fn script_message(&self, filename: &str) -> String {
        match self {
            SourceError::NonUtf8 { byte, line, .. } => format!(
                "Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} on line {line}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details"
            ),
            SourceError::Unknown(e) | SourceError::Undecodable { enc: e, .. } => {
                format!("encoding problem: {e}")
            }
            SourceError::BomMismatch(e) => format!("encoding problem: {e} with BOM"),
        }
    }

    /// The message of `compile(bytes)` and of an import (CPython decodes those differently from
    /// a script: the codec's own error).
    pub fn codec_message(&self) -> String {
        match self {
            SourceError::NonUtf8 {
                byte, pos, reason, ..
            } => format!(
                "(unicode error) 'utf-8' codec can't decode byte {byte:#x} in position {pos}: \
                 {reason}"
            ),
            SourceError::Unknown(e) => format!("unknown encoding: {e}"),
            SourceError::Undecodable { enc, byte, pos } => format!(
                "'{enc}' codec can't decode byte {byte:#x} in position {pos}: ordinal not in \
                 range(128)"
            ),
            SourceError::BomMismatch(e) => format!("encoding problem: {e} with BOM"),
        }
    }
}

/// CPython decodes a string literal's bytes when it meets one: the error's position is within
/// the literal holding the bad byte at `at` (from the start of the line when it is in none), and
/// the reason is the UTF-8 decoder's for what follows it in that literal.
fn literal_error(body: &[u8], at: usize) -> (usize, &'static str) {
    let line_start = body[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line_end = body[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(body.len(), |i| at + i);
    let mut open: Option<(u8, usize)> = None;
    let mut i = line_start;
    while i < at {
        let b = body[i];
        match open {
            Some((q, _)) if b == q => open = None,
            Some(_) if b == b'\\' => i += 1,
            None if b == b'\'' || b == b'"' => open = Some((b, i + 1)),
            None if b == b'#' => break,
            _ => {}
        }
        i += 1;
    }
    let (lit_start, lit_end) = match open {
        Some((q, s)) => (
            s,
            body[at..line_end]
                .iter()
                .position(|&b| b == q)
                .map_or(line_end, |j| at + j),
        ),
        None => (line_start, line_end),
    };
    let reason = match std::str::from_utf8(&body[at..lit_end]) {
        Err(e) if e.error_len().is_none() => "unexpected end of data",
        _ if (0xc2..=0xf4).contains(&body[at]) => "invalid continuation byte",
        _ => "invalid start byte",
    };
    (at - lit_start, reason)
}

/// Decodes a source file's bytes; the error says why not (see [`SourceError::script_message`]).
pub fn decode_source(bytes: &[u8]) -> Result<String, SourceError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    let l1 = lines.next().unwrap_or(b"");
    let mut enc = declared(l1);
    if enc.is_none() && blank_or_comment(l1) {
        enc = lines.next().and_then(declared);
    }
    let enc = enc.map(|e| normal_name(&e));
    if bom {
        if let Some(e) = &enc {
            if e != "utf-8" {
                return Err(SourceError::BomMismatch(e.clone()));
            }
        }
    }
    let lower = enc.as_deref().map(|e| e.to_ascii_lowercase());
    match lower.as_deref() {
        None | Some("utf-8") => match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => {
                let at = e.valid_up_to();
                let line = body[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                let (pos, reason) = literal_error(body, at);
                Err(SourceError::NonUtf8 {
                    byte: body[at],
                    line,
                    pos,
                    reason,
                })
            }
        },
        Some("iso-8859-1" | "latin1" | "l1" | "iso8859-1") => {
            Ok(body.iter().map(|&b| b as char).collect())
        }
        Some("ascii" | "us-ascii" | "646") => match body.iter().position(|b| !b.is_ascii()) {
            None => Ok(String::from_utf8_lossy(body).into_owned()),
            Some(pos) => Err(SourceError::Undecodable {
                enc: "ascii".into(),
                byte: body[pos],
                pos,
            }),
        },
        _ => Err(SourceError::Unknown(enc.unwrap_or_default())),
    }
}
