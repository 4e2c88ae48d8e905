//! Layering: dependencies point one way (issue 9). Fails, naming file:line, when
//! - a core file (vm/, obj/, compiler/, format/, objects/ and the core files listed in `CORE_FILES`)
//!   names an upper layer (builtins, cffi, or the driver: interpreter, run, repl) by any path:
//!   `crate::builtins::..`, `super::super::cffi`, `use crate::{vm, builtins::x}`, inside macros too;
//! - the `gc` or `ffi` crate depends on another workspace crate (Cargo.toml);
//! - a `#[path]` attribute appears outside `PATH_ATTR_ALLOWED` (modules are real directories).
//!
//! The upper layers reach the core through the registry (vm/registry.rs), built by
//! interp/src/interpreter.rs. The scanner works on text with comments and string/char literals
//! blanked out (so docs may mention the layers), and resolves `super::` chains from the file's module
//! path, so `super::builtins_setup` in vm/ is fine while `super::super::builtins` is not.

use std::path::{Path, PathBuf};

/// The core directories under interp/src. A missing one fails the test (a rename must update this
/// list), except those in `OPTIONAL_CORE_DIRS`.
const CORE_DIRS: &[&str] = &["vm", "obj", "compiler", "format", "objects"];
/// Core directories that may not exist yet (the per-type object layer is being introduced).
const OPTIONAL_CORE_DIRS: &[&str] = &["objects"];
/// Core files directly under interp/src.
const CORE_FILES: &[&str] = &["bytecode.rs", "dis.rs", "stdlib.rs", "unicode.rs"];
/// Top-level modules of the crate that the core must not name.
const UPPER_LAYERS: &[&str] = &["builtins", "cffi", "interpreter", "run", "repl"];
/// Files (relative to the workspace root) allowed a `#[path]` attribute: none (modules are real
/// directories).
const PATH_ATTR_ALLOWED: &[&str] = &[];
/// Workspace crates that must not depend on any other workspace crate.
const LEAF_CRATES: &[&str] = &["gc", "ffi"];
/// Package names and directories of the workspace crates.
const WORKSPACE_CRATES: &[&str] = &[
    "minipy-gc",
    "minipy-ffi",
    "minipy",
    "../gc",
    "../ffi",
    "../interp",
];

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("interp/ has a parent")
        .to_path_buf()
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// `text` with comments and the contents of string and char literals replaced by spaces (newlines
/// kept, so byte offsets and line numbers still match the source).
fn strip_comments_and_literals(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            let end = b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |p| i + p);
            blank(&mut out, i, end);
            i = end;
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            // Block comments nest in Rust.
            let (mut depth, mut j) = (1, i + 2);
            while j < b.len() && depth > 0 {
                if b[j] == b'/' && b.get(j + 1) == Some(&b'*') {
                    depth += 1;
                    j += 2;
                } else if b[j] == b'*' && b.get(j + 1) == Some(&b'/') {
                    depth -= 1;
                    j += 2;
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if c == b'r'
            && (i == 0 || !ident(b[i - 1]) || b[i - 1] == b'b')
            && matches!(b.get(i + 1), Some(b'"') | Some(b'#'))
        {
            // A raw string r"..", r#".."#, br"..": ends at the quote followed by as many '#'.
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            if b.get(i + 1 + hashes) != Some(&b'"') {
                i += 1;
                continue;
            }
            let start = i + 2 + hashes;
            let mut j = start;
            while j < b.len() {
                if b[j] == b'"'
                    && b[j + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&c| c == b'#')
                        .count()
                        == hashes
                {
                    break;
                }
                j += 1;
            }
            blank(&mut out, start, j.min(b.len()));
            i = j + 1 + hashes;
        } else if c == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i + 1, j.min(b.len()));
            i = j + 1;
        } else if c == b'\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a, 'static): only the former ends
            // with a quote right after one (possibly escaped) char.
            if b.get(i + 1) == Some(&b'\\') {
                let end = b[i + 2..]
                    .iter()
                    .position(|&c| c == b'\'')
                    .map_or(b.len(), |p| i + 2 + p);
                blank(&mut out, i + 1, end);
                i = end + 1;
            } else {
                let ch_len = text[i + 1..].chars().next().map_or(0, char::len_utf8);
                if ch_len > 0 && b.get(i + 1 + ch_len) == Some(&b'\'') {
                    blank(&mut out, i + 1, i + 1 + ch_len);
                    i += 2 + ch_len;
                } else {
                    i += 1;
                }
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The module path of a source file relative to the crate's src/ (`vm/import.rs` -> ["vm", "import"],
/// `vm/mod.rs` -> ["vm"]).
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" && stem != "main" {
        parts.push(stem.to_string());
    }
    parts
}

/// (line, message) for each path in `code` (already stripped) that names one of `UPPER_LAYERS` at
/// the crate root, seen from module `module`.
fn upward_paths(code: &str, module: &[String]) -> Vec<(usize, String)> {
    let b = code.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let line_of = |pos: usize| code[..pos].matches('\n').count() + 1;
    // Reads `::` (with optional whitespace) at `j`; returns the position after it.
    let sep = |j: usize| -> Option<usize> {
        let k = j + code[j..].len() - code[j..].trim_start().len();
        code[k..].starts_with("::").then(|| {
            let k = k + 2;
            k + code[k..].len() - code[k..].trim_start().len()
        })
    };
    let word = |j: usize| -> &str {
        let end = b[j..]
            .iter()
            .position(|&c| !ident(c))
            .map_or(b.len(), |p| j + p);
        &code[j..end]
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let w = word(i);
        if w.is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        i += w.len();
        if (start > 0 && (ident(b[start - 1]) || b[start - 1] == b':'))
            || (w != "crate" && w != "super")
        {
            continue;
        }
        // Resolve the crate/super prefix to a module path.
        let mut at: Vec<String> = if w == "crate" {
            Vec::new()
        } else {
            module.to_vec()
        };
        let mut j = i;
        let mut supers = usize::from(w == "super");
        let mut next = None;
        while let Some(k) = sep(j) {
            let nw = word(k);
            if nw == "super" {
                supers += 1;
                j = k + nw.len();
                continue;
            }
            next = Some(k);
            break;
        }
        if supers > at.len() {
            continue; // not a valid path (or not code): nothing to resolve
        }
        at.truncate(at.len() - supers);
        if !at.is_empty() {
            continue; // lands inside a module, not at the crate root
        }
        let Some(k) = next else { continue };
        let names: Vec<(usize, &str)> = if b[k] == b'{' {
            // `crate::{a, b::c, d as e}`: the first word of each top-level item of the group.
            let mut items = Vec::new();
            let (mut depth, mut m, mut item_start) = (0usize, k + 1, true);
            while m < b.len() {
                match b[m] {
                    b'{' => depth += 1,
                    b'}' if depth == 0 => break,
                    b'}' => depth -= 1,
                    b',' if depth == 0 => item_start = true,
                    c if item_start && ident(c) => {
                        items.push((m, word(m)));
                        item_start = false;
                    }
                    _ => {}
                }
                m += 1;
            }
            items
        } else {
            vec![(k, word(k))]
        };
        for (pos, name) in names {
            if UPPER_LAYERS.contains(&name) {
                let text = code[start..pos + name.len()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                found.push((
                    line_of(pos),
                    format!("names the upper layer `{name}` ({text})"),
                ));
            }
        }
    }
    found
}

#[test]
fn core_does_not_name_the_upper_layers() {
    let src = workspace_root().join("interp/src");
    let mut files = Vec::new();
    for d in CORE_DIRS {
        let dir = src.join(d);
        if !dir.is_dir() {
            assert!(
                OPTIONAL_CORE_DIRS.contains(d),
                "core directory interp/src/{d} is missing: update CORE_DIRS in {}",
                file!()
            );
            continue;
        }
        rs_files(&dir, &mut files);
    }
    for f in CORE_FILES {
        let p = src.join(f);
        assert!(
            p.is_file(),
            "core file interp/src/{f} is missing: update CORE_FILES"
        );
        files.push(p);
    }
    let mut bad = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let rel = f.strip_prefix(&src).unwrap();
        for (line, msg) in upward_paths(&strip_comments_and_literals(&text), &module_path(rel)) {
            bad.push(format!("interp/src/{}:{line}: {msg}", rel.display()));
        }
    }
    assert!(
        bad.is_empty(),
        "the core must not depend on the upper layers (register them in interp/src/interpreter.rs \
         instead):\n{}",
        bad.join("\n")
    );
}

#[test]
fn leaf_crates_depend_on_no_workspace_crate() {
    let mut bad = Vec::new();
    for c in LEAF_CRATES {
        let path = workspace_root().join(c).join("Cargo.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let mut in_deps = false;
        for (n, line) in text.lines().enumerate() {
            let t = line.trim();
            if t.starts_with('[') {
                // [dependencies], [dev-dependencies], [build-dependencies], [target.'..'.dependencies],
                // [dependencies.name]
                in_deps = t.contains("dependencies");
            }
            if in_deps && WORKSPACE_CRATES.iter().any(|w| t.contains(w)) {
                bad.push(format!("{c}/Cargo.toml:{}: {t}", n + 1));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "gc and ffi are leaf crates (no workspace dependencies):\n{}",
        bad.join("\n")
    );
}

#[test]
fn no_path_attributes() {
    let root = workspace_root();
    let mut files = Vec::new();
    for d in ["gc", "ffi", "interp"] {
        for sub in ["src", "tests", "benches"] {
            rs_files(&root.join(d).join(sub), &mut files);
        }
    }
    let mut bad = Vec::new();
    for f in &files {
        let rel = f
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if PATH_ATTR_ALLOWED.contains(&rel.as_str()) {
            continue;
        }
        let code = strip_comments_and_literals(&std::fs::read_to_string(f).unwrap());
        for (n, line) in code.lines().enumerate() {
            let squeezed: String = line.split_whitespace().collect();
            if squeezed.contains("#[path=") || squeezed.contains("#![path=") {
                bad.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "#[path] attributes (use a real directory: name/mod.rs and name/child.rs):\n{}",
        bad.join("\n")
    );
}

// ---- the scanner itself ------------------------------------------------------------------------

fn scan(code: &str, module: &[&str]) -> Vec<usize> {
    let module: Vec<String> = module.iter().map(|s| s.to_string()).collect();
    upward_paths(&strip_comments_and_literals(code), &module)
        .into_iter()
        .map(|(l, _)| l)
        .collect()
}

#[test]
fn scanner_finds_every_spelling() {
    let m = &["vm", "import"];
    assert_eq!(scan("use crate::builtins::install;", m), vec![1]);
    assert_eq!(
        scan("x(); crate :: cffi :: api_import::hook(vm)", m),
        vec![1]
    );
    assert_eq!(scan("use super::super::builtins;", m), vec![1]);
    assert_eq!(
        scan("use crate::{\n  vm::Vm,\n  builtins::{a, b},\n};", m),
        vec![3]
    );
    assert_eq!(
        scan("let f = format!(\"{}\", crate::run::x());", m),
        vec![1]
    );
    // vm/mod.rs is module `vm`: one super reaches the root.
    assert_eq!(scan("use super::cffi;", &["vm"]), vec![1]);
}

#[test]
fn scanner_ignores_comments_literals_and_inner_modules() {
    let m = &["vm", "import"];
    assert!(scan("// crate::builtins::install\n/* crate::cffi */", m).is_empty());
    assert!(scan(
        "let s = \"crate::builtins\"; let r = r#\"crate::cffi\"#;",
        m
    )
    .is_empty());
    assert!(scan("use super::builtins_setup; use super::repr::x;", m).is_empty());
    assert!(scan("use crate::vm::{builtins_setup, run_main};", m).is_empty());
    assert!(scan("fn f<'a>(c: char) -> bool { c == '\"' } use crate::obj;", m).is_empty());
    assert!(scan("mycrate::builtins::x; a::crate_builtins", m).is_empty());
}
