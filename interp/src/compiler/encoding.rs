//! Source file decoding (PEP 263): a UTF-8 BOM, or a `coding[:=]name` comment on line 1 or 2,
//! decides how the bytes of a `.py` file become text; without either they must be UTF-8.
//! Pure functions (no VM): the errors are the SyntaxError messages CPython prints for a script.
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

/// Decodes a source file's bytes; `Err` is the SyntaxError message.
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, String> {
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
                return Err(format!("encoding problem: {e} with BOM"));
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
                Err(format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, \
                     but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    body[at]
                ))
            }
        },
        Some("iso-8859-1" | "latin1" | "l1" | "iso8859-1") => {
            Ok(body.iter().map(|&b| b as char).collect())
        }
        Some("ascii" | "us-ascii" | "646") => {
            if body.is_ascii() {
                Ok(String::from_utf8_lossy(body).into_owned())
            } else {
                Err(format!("encoding problem: {}", enc.unwrap_or_default()))
            }
        }
        _ => Err(format!("encoding problem: {}", enc.unwrap_or_default())),
    }
}
