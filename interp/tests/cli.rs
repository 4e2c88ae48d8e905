//! The command line: `-c`, stdin as a script, `--dis`, `--help`, exit statuses, bad GC settings, and
//! the `__minipy__` introspection module (minipy-only, so it cannot live in the CPython-checked suites).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn minipy(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_minipy"));
    cmd.args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd.env_remove("MINIPY_GC_STRESS")
        .env_remove("MINIPY_GC_NURSERY");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("cannot run minipy");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn dash_c_runs_code_and_sets_argv() {
    let o = minipy(&["-c", "import sys; print(1 + 1, sys.argv)", "x"], "", &[]);
    assert_eq!(text(&o.stdout), "2 ['-c', 'x']\n");
    assert!(o.status.success());
}

#[test]
fn stdin_is_a_script_when_not_a_terminal() {
    let o = minipy(&[], "x = [i * i for i in range(4)]\nprint(x)\n", &[]);
    assert_eq!(text(&o.stdout), "[0, 1, 4, 9]\n");
}

#[test]
fn uncaught_exception_prints_traceback_and_exits_1() {
    let o = minipy(
        &["-c", "def f():\n    raise ValueError('bad')\nf()"],
        "",
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.starts_with("Traceback (most recent call last):"),
        "{err}"
    );
    assert!(err.contains("in f"), "{err}");
    assert!(err.ends_with("ValueError: bad\n"), "{err}");
}

#[test]
fn sys_exit_status() {
    let o = minipy(&["-c", "import sys; sys.exit(7)"], "", &[]);
    assert_eq!(o.status.code(), Some(7));
}

#[test]
fn syntax_error_names_file_and_line() {
    let o = minipy(&["-c", "x = 1\ny = = 2"], "", &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("SyntaxError: invalid syntax"), "{err}");
}

#[test]
fn dis_lists_every_code_object() {
    let dir = std::env::temp_dir().join(format!("minipy-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("d.py");
    std::fs::write(&f, "def g(a):\n    return a + 1\nprint(g(1))\n").unwrap();
    let o = minipy(&["--dis", f.to_str().unwrap()], "", &[]);
    let out = text(&o.stdout);
    assert!(out.contains("LOAD_CONST"), "{out}");
    assert!(out.contains("BINARY_OP"), "{out}");
    assert!(out.contains("code object g"), "{out}");
    assert!(
        !out.contains("\n2\n"),
        "--dis must not run the script: {out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn help_lists_the_gc_variables() {
    let o = minipy(&["--help"], "", &[]);
    let out = text(&o.stdout);
    for v in [
        "MINIPY_GC_NURSERY",
        "MINIPY_GC_STRESS",
        "MINIPY_GC_VERIFY",
        "MINIPY_GC_TRACE",
    ] {
        assert!(out.contains(v), "{v} missing from --help");
    }
}

#[test]
fn bad_gc_setting_is_a_clear_error() {
    let o = minipy(&["-c", "print(1)"], "", &[("MINIPY_GC_NURSERY", "lots")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("MINIPY_GC_NURSERY"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn introspection_shows_an_object_moving() {
    let code = "import gc, __minipy__ as m\n\
                x = [1, 2, 3]\n\
                a0, i0 = m.addr(x), id(x)\n\
                print(m.in_nursery(x), m.generation(x))\n\
                gc.collect(0)\n\
                print(m.in_nursery(x), m.generation(x), m.addr(x) != a0, id(x) == i0, x)\n\
                m.verify()\n\
                print(m.gc_counters()['minor_collections'] >= 1, m.generation(5))\n";
    let o = minipy(&["-c", code], "", &[]);
    assert_eq!(
        text(&o.stdout),
        "True young\nFalse old True True [1, 2, 3]\nTrue immediate\n",
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn gc_trace_writes_json_lines() {
    let o = minipy(
        &[
            "-c",
            "import gc\nfor i in range(3):\n    gc.collect(0)\ngc.collect()",
        ],
        "",
        &[("MINIPY_GC_TRACE", "-")],
    );
    let err = text(&o.stderr);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with('{')).collect();
    assert!(lines.len() >= 4, "{err}");
    assert!(lines.iter().any(|l| l.contains("major")), "{err}");
}
