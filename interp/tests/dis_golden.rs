//! Golden tests of `minipy --dis`: every `interp/tests/dis/<name>.py` is disassembled and the listing
//! compared byte for byte with `<name>.dis`.
//!
//! The listings pin down the compiler's output (instruction sequences, stack sizes, line table) and
//! the disassembler's format, both of which come from the opcode table in `src/bytecode.rs`; a change
//! to either shows up here as a diff to review. The scripts live under `interp/tests/`, not the
//! top-level `tests/`, because the script runner treats every folder there as a suite of scripts
//! with CPython `.out` expectations.
//!
//! `GOLDEN_BLESS=1 cargo test -p minipy --test dis_golden` rewrites the `.dis` files from the current
//! binary (review the diff before committing). The scripts also run on CPython 3.11 and minipy
//! alike, so they stay valid Python, but only their disassembly is checked.

use std::path::{Path, PathBuf};
use std::process::Command;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis")
}

/// `minipy --dis <file_name>` run from `dir`, so the listing names the file without a directory.
fn disassemble(dir: &Path, file_name: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_minipy"))
        .arg("--dis")
        .arg(file_name)
        .current_dir(dir)
        .env_remove("MINIPY_GC_STRESS")
        .env_remove("MINIPY_GC_NURSERY")
        .env_remove("MINIPY_GC_AGE")
        .output()
        .expect("cannot run minipy");
    assert!(
        out.status.success(),
        "minipy --dis {file_name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("--dis output is not UTF-8")
}

/// The first line where `got` differs from `want`, for a readable failure.
fn first_difference(want: &str, got: &str) -> String {
    let (mut w, mut g) = (want.lines(), got.lines());
    for n in 1.. {
        match (w.next(), g.next()) {
            (None, None) => return "no line differs (line endings?)".into(),
            (a, b) if a == b => continue,
            (a, b) => return format!("line {n}:\n  expected: {a:?}\n  got:      {b:?}"),
        }
    }
    unreachable!()
}

#[test]
fn dis_listings_match_golden_files() {
    let dir = golden_dir();
    let bless = std::env::var_os("GOLDEN_BLESS").is_some_and(|v| v != "0");
    let mut scripts: Vec<String> = std::fs::read_dir(&dir)
        .expect("cannot read interp/tests/dis")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py"))
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty(), "no scripts in {}", dir.display());
    let mut failures = Vec::new();
    for script in &scripts {
        let got = disassemble(&dir, script);
        let golden = dir.join(script.replace(".py", ".dis"));
        if bless {
            std::fs::write(&golden, &got).expect("cannot write golden file");
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!("{script}: {}", first_difference(&want, &got))),
            Err(e) => failures.push(format!(
                "{script}: cannot read {} ({e}); run with GOLDEN_BLESS=1 to create it",
                golden.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "--dis output differs from the golden files (GOLDEN_BLESS=1 rewrites them):\n{}",
        failures.join("\n")
    );
}
