//! CFFI API mode (issue 5): scripts that need more than the script runner gives.
//!
//! - `tests/cffi_api/_lib/`: `proj.c` is compiled into `libproj.so` (once per run), then every
//!   `_lib/*.py` builds a module linked with it (`libraries=['proj']`) and its stdout must equal
//!   the `.out` next to it. Expected outputs come from CPython 3.11 + cffi:
//!   `cd tests/cffi_api/_lib && cc -shared -fPIC -o libproj.so proj.c && python3.11 linked.py > linked.out`.
//! - `tests/cffi_api/_minipy/`: minipy-only behaviour (compiler errors, stale and foreign files,
//!   emit_c_code): the scripts assert what they check and print `ok`. The files they import are
//!   created here first.
//! - `examples/pwuid/`: `pwuid_build.py` then `pwuid_use.py` prints `0`.
//!
//! Everything runs normally and under `MINIPY_GC_STRESS=1 MINIPY_GC_NURSERY=64k MINIPY_GC_AGE=8`. The scripts of
//! `tests/cffi_api/*.py` themselves are run by the script runner (tests/run_scripts.rs).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, Once};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn suite() -> PathBuf {
    root().join("tests/cffi_api")
}

static BUILD: Once = Once::new();
/// The tests of one directory share its `_build/`: run them one at a time.
static SERIAL: Mutex<()> = Mutex::new(());

fn cc(args: &[&str], out: &Path, src: &Path) {
    let tmp = out.with_extension(format!("tmp{}", std::process::id()));
    let st = Command::new("cc")
        .args(args)
        .arg("-o")
        .arg(&tmp)
        .arg(src)
        .status()
        .expect("cannot run cc");
    assert!(st.success(), "cc failed on {}", src.display());
    std::fs::rename(&tmp, out).expect("cannot install the library");
}

fn build_projlib() {
    BUILD.call_once(|| {
        let dir = suite().join("_lib");
        cc(
            &["-shared", "-fPIC", "-O1"],
            &dir.join("libproj.so"),
            &dir.join("proj.c"),
        );
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
    lines[lines.len().saturating_sub(12)..].join("\n")
}

/// Runs every script of `dir`; stdout must be `expected(script)`.
fn check_dir(dir: &Path, stress: bool, expected: impl Fn(&str) -> String) {
    let mut failures = Vec::new();
    for s in scripts(dir) {
        let want = expected(&s);
        let (status, out, err) = run(dir, &s, stress);
        if status != 0 || out != want {
            failures.push(format!(
                "{s} (stress={stress}): status {status}\n--- expected:\n{}\n--- stdout:\n{}\n--- stderr tail:\n{}",
                tail(&want),
                tail(&out),
                tail(&err)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn lib_scripts(stress: bool) {
    build_projlib();
    let _g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = suite().join("_lib");
    check_dir(&dir, stress, |s| {
        std::fs::read_to_string(dir.join(s.replace(".py", ".out"))).unwrap_or_default()
    });
}

#[test]
fn lib_scripts_normal() {
    lib_scripts(false);
}

#[test]
fn lib_scripts_stress() {
    lib_scripts(true);
}

/// The files `_minipy/stale_files.py` imports; a fresh start for `build_errors.py`.
fn make_stale_files(dir: &Path) {
    let build = dir.join("_build");
    std::fs::create_dir_all(&build).unwrap();
    // build_errors.py checks that the first emit_c_code writes the file
    let _ = std::fs::remove_file(build.join("_api_emit_copy.c"));
    std::fs::write(build.join("_junk.minipy.so"), b"this is not an ELF file\n").unwrap();
    std::fs::write(
        build.join("_foreign.cpython-311-x86_64-linux-gnu.so"),
        b"pretend CPython build\n",
    )
    .unwrap();
    let (status, _, err) = run(dir, "_make_orig.py", false);
    assert_eq!(status, 0, "{err}");
    std::fs::copy(
        build.join("_api_orig.minipy.so"),
        build.join("_renamed.minipy.so"),
    )
    .unwrap();
    let src = build.join("plain.c");
    std::fs::write(&src, "int plain_value = 1;\n").unwrap();
    cc(&["-shared", "-fPIC"], &build.join("_plain.minipy.so"), &src);
}

fn minipy_scripts(stress: bool) {
    let _g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = suite().join("_minipy");
    make_stale_files(&dir);
    check_dir(&dir, stress, |s| {
        if s == "build_errors.py" {
            "generating _build/_api_emit_copy.c\ngenerating _build/_api_emit_copy.c\n(already up-to-date)\nok\n"
                .to_string()
        } else {
            "ok\n".to_string()
        }
    });
}

#[test]
fn minipy_only_normal() {
    minipy_scripts(false);
}

#[test]
fn minipy_only_stress() {
    minipy_scripts(true);
}

#[test]
fn pwuid_example() {
    let _g = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = root().join("examples/pwuid");
    for stress in [false, true] {
        let (status, out, err) = run(&dir, "pwuid_build.py", stress);
        assert_eq!((status, out.as_str()), (0, ""), "{err}");
        let (status, out, err) = run(&dir, "pwuid_use.py", stress);
        assert_eq!((status, out.as_str()), (0, "0\n"), "{err}");
    }
}
