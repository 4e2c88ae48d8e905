//! Embeds the Python part of the standard library (`interp/lib/**.py`) in the binary: writes
//! `$OUT_DIR/stdlib_files.rs`, a table of (dotted module name, is a package, source) that
//! `crate::stdlib` serves to the importer. A package is a directory with `__init__.py`.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, bool, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("interp/lib is readable")
        .map(|e| e.expect("interp/lib entry").path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            if name == "__pycache__" {
                continue;
            }
            let dotted = format!("{prefix}{name}");
            let init = p.join("__init__.py");
            if init.is_file() {
                out.push((dotted.clone(), true, init));
            }
            walk(&p, &format!("{dotted}."), out);
        } else if let Some(stem) = name.strip_suffix(".py") {
            if stem != "__init__" {
                out.push((format!("{prefix}{stem}"), false, p));
            }
        }
    }
}

fn main() {
    let lib = Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("lib");
    println!("cargo:rerun-if-changed={}", lib.display());
    let mut files = Vec::new();
    walk(&lib, "", &mut files);
    let mut src = String::from("pub static FILES: &[(&str, bool, &str)] = &[\n");
    for (name, pkg, path) in &files {
        src.push_str(&format!(
            "    ({name:?}, {pkg}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    src.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("stdlib_files.rs");
    std::fs::write(out, src).expect("write stdlib_files.rs");
}
