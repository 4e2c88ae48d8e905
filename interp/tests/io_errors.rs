//! stdout failures and undecodable sources, which need the binary run with redirected streams
//! (not expressible in the script suites): a full stdout (/dev/full), a closed pipe, and a script
//! whose bytes are not UTF-8 without a coding declaration. The expected texts are CPython 3.11's.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

fn script(name: &str, body: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("minipy-io-errors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::File::create(&p).unwrap().write_all(body).unwrap();
    p
}

/// Runs `body` (written to `name`: tests run in parallel) with stdout on /dev/full.
fn run_to_dev_full(name: &str, body: &str) -> (Option<i32>, String) {
    let p = script(name, body.as_bytes());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let o = Command::new(env!("CARGO_BIN_EXE_minipy"))
        .arg(&p)
        .stdin(Stdio::null())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn print_to_full_stdout_raises_oserror() {
    // stdout is line-buffered: the failed write raises inside print (CPython with -u / a tty).
    let (code, err) = run_to_dev_full("full_print.py", "print('hi')\n");
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.ends_with("OSError: [Errno 28] No space left on device\n"),
        "{err}"
    );
}

#[test]
fn full_stdout_error_is_catchable() {
    let (code, err) = run_to_dev_full(
        "full_catch.py",
        "import sys\ntry:\n    print('x' * 100000)\nexcept OSError as e:\n    print('caught', e.errno, type(e).__name__, e, file=sys.stderr)\n",
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(
        err,
        "caught 28 OSError [Errno 28] No space left on device\n"
    );
}

#[test]
fn failed_final_flush_exits_120() {
    let (code, err) = run_to_dev_full("full_flush.py", "print('no newline', end='')\n");
    assert_eq!(code, Some(120), "{err}");
    assert_eq!(
        err,
        "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n\
         OSError: [Errno 28] No space left on device\n"
    );
}

#[test]
fn closed_pipe_is_broken_pipe_error_not_a_panic() {
    let p = script("pipe.py", b"for i in range(1000000):\n    print(i)\n");
    let mut child = Command::new(env!("CARGO_BIN_EXE_minipy"))
        .arg(&p)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first, "0\n");
    // the read end is dropped here: the next writes fail with EPIPE
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.ends_with("BrokenPipeError: [Errno 32] Broken pipe\n"),
        "{err}"
    );
}

#[test]
fn non_utf8_source_without_declaration_is_a_syntax_error() {
    let p = script("latin.py", b"print('never')\ns = 'caf\xe9'\n");
    let o = Command::new(env!("CARGO_BIN_EXE_minipy"))
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        err,
        format!(
            "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file {} on line 2, but no \
             encoding declared; see https://peps.python.org/pep-0263/ for details\n",
            p.display()
        )
    );
}
