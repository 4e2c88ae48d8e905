//! What a compiled API-mode module embeds so that minipy can rebuild its `ffi` object at import
//! time: the module name and every recorded `cdef()` (own and included), serialised as text and
//! stored in the shared library as the byte array `_minipy_cffi_meta` (length in
//! `_minipy_cffi_meta_len`).
//!
//! Format (version line first; each cdef source is length-prefixed so it may hold anything):
//! ```text
//! minipy-cffi-module 1
//! module <name>
//! cdef <packed 0|1> <pack n|-> <override 0|1> <included 0|1> <byte length> [<dllexport 0|1>]
//! <source bytes>
//! ```
//! The last field (an `embedding_api()` cdef) is written only when set, so modules built before
//! it existed still load.

use crate::cdef::CdefRecord;

pub const MAGIC: &str = "minipy-cffi-module 1";
pub const META_SYMBOL: &str = "_minipy_cffi_meta";
pub const META_LEN_SYMBOL: &str = "_minipy_cffi_meta_len";

/// The metadata of one module.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleMeta {
    pub module_name: String,
    pub cdefs: Vec<CdefRecord>,
}

/// Serialise.
pub fn encode(m: &ModuleMeta) -> String {
    let mut s = format!("{}\nmodule {}\n", MAGIC, m.module_name);
    for r in &m.cdefs {
        let pack = r.pack.map_or("-".to_string(), |p| p.to_string());
        s.push_str(&format!(
            "cdef {} {} {} {} {}{}\n",
            r.packed as u8,
            pack,
            r.override_ as u8,
            r.included as u8,
            r.source.len(),
            if r.dllexport { " 1" } else { "" }
        ));
        s.push_str(&r.source);
        s.push('\n');
    }
    s
}

fn bad(what: &str) -> String {
    format!("corrupt module metadata ({})", what)
}

/// Parse what [`encode`] wrote; an error message for anything else (other versions included).
pub fn decode(bytes: &[u8]) -> Result<ModuleMeta, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| bad("not UTF-8"))?;
    let rest = text.strip_prefix(MAGIC).ok_or_else(|| {
        let first = text.lines().next().unwrap_or("");
        format!(
            "built by an incompatible minipy (metadata '{}', expected '{}')",
            first.chars().take(40).collect::<String>(),
            MAGIC
        )
    })?;
    let rest = rest.strip_prefix('\n').ok_or_else(|| bad("header"))?;
    let (line, mut rest) = rest.split_once('\n').ok_or_else(|| bad("module line"))?;
    let module_name = line
        .strip_prefix("module ")
        .ok_or_else(|| bad("module line"))?
        .to_string();
    let mut cdefs = Vec::new();
    while !rest.is_empty() {
        let (line, after) = rest.split_once('\n').ok_or_else(|| bad("cdef line"))?;
        let f: Vec<&str> = line.split(' ').collect();
        if !(f.len() == 6 || f.len() == 7) || f[0] != "cdef" {
            return Err(bad("cdef line"));
        }
        let flag = |s: &str| s == "1";
        let pack = if f[2] == "-" {
            None
        } else {
            Some(f[2].parse::<usize>().map_err(|_| bad("pack"))?)
        };
        let len: usize = f[5].parse().map_err(|_| bad("length"))?;
        let source = after.get(..len).ok_or_else(|| bad("source"))?.to_string();
        rest = after
            .get(len..)
            .and_then(|r| r.strip_prefix('\n'))
            .ok_or_else(|| bad("source end"))?;
        cdefs.push(CdefRecord {
            source,
            packed: flag(f[1]),
            pack,
            override_: flag(f[3]),
            included: flag(f[4]),
            dllexport: f.get(6).is_some_and(|s| flag(s)),
        });
    }
    Ok(ModuleMeta { module_name, cdefs })
}

/// The C definitions embedding `m` (exported symbols, see the module docs).
pub fn c_definitions(m: &ModuleMeta) -> String {
    let bytes = encode(m).into_bytes();
    let mut c = String::from("_MINIPY_EXPORT const unsigned char _minipy_cffi_meta[] = {");
    for (i, b) in bytes.iter().enumerate() {
        if i % 24 == 0 {
            c.push_str("\n  ");
        }
        c.push_str(&format!("{},", b));
    }
    c.push_str("\n  0 };\n");
    c.push_str(&format!(
        "_MINIPY_EXPORT const unsigned long _minipy_cffi_meta_len = {};\n",
        bytes.len()
    ));
    c
}
