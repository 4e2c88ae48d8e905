//! cffi scripts that need the project's own C library, and the cffi examples.
//!
//! `tests/cffi/_lib/testlib.c` is compiled with `cc -shared -fPIC` into
//! `tests/cffi/_lib/libtestlib.so` (once per run), then every `tests/cffi/_lib/*.py` runs with
//! that directory as cwd and its stdout must equal the `.out` next to it (expected outputs come
//! from CPython 3.11 + cffi: `cd tests/cffi/_lib && python3 name.py > name.out`). Each script runs
//! normally and under `MINIPY_GC_STRESS=1 MINIPY_GC_NURSERY=64k MINIPY_GC_AGE=8`. The examples in `examples/`
//! that use cffi assert what they print: they must exit with status 0.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Once;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn lib_dir() -> PathBuf {
    root().join("tests/cffi/_lib")
}

static BUILD: Once = Once::new();

fn build_testlib() {
    BUILD.call_once(|| {
        let dir = lib_dir();
        let tmp = dir.join(format!("libtestlib.so.{}", std::process::id()));
        let st = Command::new("cc")
            .args(["-shared", "-fPIC", "-O1", "-o"])
            .arg(&tmp)
            .arg(dir.join("testlib.c"))
            .status()
            .expect("cannot run cc");
        assert!(st.success(), "cc failed on testlib.c");
        std::fs::rename(&tmp, dir.join("libtestlib.so")).expect("cannot install libtestlib.so");
    });
}

/// Runs `script` (in `dir`) with minipy; returns (status, stdout, stderr).
fn run(dir: &Path, script: &str, stress: bool) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_minipy"));
    cmd.arg(script).current_dir(dir);
    cmd.env_remove("MINIPY_GC_STRESS")
        .env_remove("MINIPY_GC_NURSERY")
        .env_remove("MINIPY_GC_AGE");
    if stress {
        cmd.env("MINIPY_GC_STRESS", "1")
            .env("MINIPY_GC_NURSERY", "64k")
            .env("MINIPY_GC_AGE", "8"); // moving stress: young objects move at each collection
    }
    let out = cmd.output().expect("cannot run minipy");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scripts(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".py") && !n.starts_with('_'))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn tail(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(8)..].join("\n")
}

fn check_lib_scripts(stress: bool) {
    build_testlib();
    let dir = lib_dir();
    let mut failures = Vec::new();
    for s in scripts(&dir) {
        let expected =
            std::fs::read_to_string(dir.join(s.replace(".py", ".out"))).unwrap_or_default();
        let (status, out, err) = run(&dir, &s, stress);
        if status != 0 || out != expected {
            let first = expected.lines().zip(out.lines()).position(|(a, b)| a != b);
            failures.push(format!(
                "{s} (stress={stress}): status {status}, first differing line {first:?}\n--- stdout:\n{}\n--- stderr tail:\n{}",
                tail(&out),
                tail(&err)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn lib_scripts_normal() {
    check_lib_scripts(false);
}

#[test]
fn lib_scripts_stress() {
    check_lib_scripts(true);
}

#[test]
fn examples_run() {
    let dir = root().join("examples");
    let mut failures = Vec::new();
    for s in scripts(&dir) {
        let text = std::fs::read_to_string(dir.join(&s)).unwrap_or_default();
        if !text.contains("cffi") {
            continue;
        }
        for stress in [false, true] {
            let (status, out, err) = run(&dir, &s, stress);
            if status != 0 {
                failures.push(format!(
                    "{s} (stress={stress}): status {status}\n{}\n{}",
                    tail(&out),
                    tail(&err)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
