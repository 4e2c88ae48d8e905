//! `minipy --gc-report`: the command's errors and outputs on a real trace, and the HTML report
//! opened in a real headless browser (chromium), which must run its script without a console error.
//! Where no browser is installed the browser test prints SKIPPED and passes: CI may lack one.
//! (No heap is touched in this process; the GC invariants concern only the minipy child processes.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn minipy(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_minipy"));
    cmd.args(args).stdin(Stdio::null());
    for k in [
        "MINIPY_GC_STRESS",
        "MINIPY_GC_NURSERY",
        "MINIPY_GC_TRACE",
        "MINIPY_GC_AGE",
    ] {
        cmd.env_remove(k);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("cannot run minipy")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A fresh directory for one test (removed first if an earlier run left it).
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("minipy-gcreport-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs a small program with the trace on: minor collections, one full collection that queues
/// ffi.gc finalizers, handles.
fn make_trace(dir: &Path) -> PathBuf {
    let trace = dir.join("trace.jsonl");
    let code = "import gc\nfrom cffi import FFI\nffi = FFI()\nkeep = []\n\
        for i in range(30000):\n    t = [i, str(i)]\n    if i % 10 == 0:\n        keep.append(t)\n\
        bufs = [ffi.gc(ffi.new('char[]', 64), lambda p: None) for i in range(50)]\n\
        hs = [ffi.new_handle(b) for b in bufs[:5]]\ndel bufs, hs\ngc.collect()\nx = [str(i) for i in range(3000)]\nprint('done')\n";
    let o = minipy(
        &["-c", code],
        &[
            ("MINIPY_GC_TRACE", trace.to_str().unwrap()),
            ("MINIPY_GC_NURSERY", "64k"),
        ],
    );
    assert_eq!(text(&o.stdout), "done\n", "{}", text(&o.stderr));
    trace
}

#[test]
fn gcreport_bad_input_is_a_clear_error() {
    let dir = scratch("errors");
    let missing = dir.join("missing.jsonl");
    let garbage = dir.join("garbage.jsonl");
    let empty = dir.join("empty.jsonl");
    let binary = dir.join("binary.jsonl");
    std::fs::write(&garbage, "hello world\n").unwrap();
    std::fs::write(&empty, "").unwrap();
    std::fs::write(&binary, [0xffu8, 0xfe, 0, 1]).unwrap();
    let cases: [(Vec<&str>, &str); 7] = [
        (vec![missing.to_str().unwrap()], "cannot read"),
        (vec![garbage.to_str().unwrap()], "garbage.jsonl: line 1:"),
        (vec![empty.to_str().unwrap()], "no collections in the trace"),
        (vec![binary.to_str().unwrap()], "not UTF-8"),
        (vec![], "no trace file given"),
        (
            vec![garbage.to_str().unwrap(), "-o", "x.png"],
            "must end in .html or .svg",
        ),
        (
            vec![garbage.to_str().unwrap(), "-o"],
            "-o needs a file name",
        ),
    ];
    for (args, msg) in cases {
        let mut all = vec!["--gc-report"];
        all.extend(args.iter().copied());
        let o = minipy(&all, &[]);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{all:?}: {err}");
        assert!(err.starts_with("minipy --gc-report: "), "{all:?}: {err}");
        assert!(err.contains(msg), "{all:?}: {err}");
        assert!(!err.contains("panicked"), "{all:?}: {err}");
    }
    // Writing into a directory that does not exist is an error too, after the summary.
    let trace = make_trace(&dir);
    let bad_out = dir.join("no/such/dir/r.html");
    let o = minipy(
        &[
            "--gc-report",
            trace.to_str().unwrap(),
            "-o",
            bad_out.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("cannot write"),
        "{}",
        text(&o.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn gcreport_summary_svg_and_html() {
    let dir = scratch("outputs");
    let trace = make_trace(&dir);
    let lines = std::fs::read_to_string(&trace).unwrap().lines().count();
    assert!(lines >= 3, "expected several collections, got {lines}");
    let svg = dir.join("r.svg");
    let o = minipy(
        &[
            "--gc-report",
            trace.to_str().unwrap(),
            "-o",
            svg.to_str().unwrap(),
        ],
        &[],
    );
    let out = text(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(out.starts_with("kind "), "{out}");
    assert!(
        out.contains("\nminor ") && out.contains("\nmajor "),
        "{out}"
    );
    assert!(out.contains(&format!("{lines} collections over")), "{out}");
    let s = std::fs::read_to_string(&svg).unwrap();
    assert!(s.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(s.matches("<title>").count(), lines);
    // The full collection queued the 50 finalizers; every line has the new fields.
    assert!(out.contains("finalizers 50 queued"), "{out}");
    let html = dir.join("r.html");
    let o = minipy(
        &[
            "--gc-report",
            trace.to_str().unwrap(),
            "-o",
            html.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0));
    let h = std::fs::read_to_string(&html).unwrap();
    assert!(h.starts_with("<!DOCTYPE html>") && h.contains("<svg id=\"gc-timeline\""));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The first browser found on PATH (or `MINIPY_BROWSER`).
fn find_browser() -> Option<PathBuf> {
    if let Some(b) = std::env::var_os("MINIPY_BROWSER") {
        return Some(PathBuf::from(b));
    }
    let path = std::env::var_os("PATH")?;
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Runs the browser with a time limit (a headless browser can hang); None if it did not finish.
/// Output goes to files, not pipes: a DOM larger than a pipe buffer would block the browser while
/// this loop only polls.
fn run_with_timeout(mut cmd: Command, dir: &Path, limit: Duration) -> Option<(String, String)> {
    let (out_path, err_path) = (dir.join("browser.out"), dir.join("browser.err"));
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).ok()?)
        .stderr(std::fs::File::create(&err_path).ok()?)
        .spawn()
        .ok()?;
    let start = Instant::now();
    loop {
        if child.try_wait().ok()?.is_some() {
            let read = |p: &Path| text(&std::fs::read(p).unwrap_or_default());
            return Some((read(&out_path), read(&err_path)));
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn gcreport_draws_in_a_headless_browser() {
    let Some(browser) = find_browser() else {
        println!("SKIPPED gcreport_draws_in_a_headless_browser: no chromium/chrome on PATH (set MINIPY_BROWSER to one)");
        return;
    };
    let dir = scratch("browser");
    let trace = make_trace(&dir);
    let lines = std::fs::read_to_string(&trace).unwrap().lines().count();
    let html = dir.join("report.html");
    let o = minipy(
        &[
            "--gc-report",
            trace.to_str().unwrap(),
            "-o",
            html.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let mut cmd = Command::new(&browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--enable-logging=stderr",
        "--v=0",
        "--dump-dom",
    ])
    .arg(format!("--user-data-dir={}", dir.join("profile").display()))
    .arg(format!("file://{}", html.display()));
    let Some((dom, log)) = run_with_timeout(cmd, &dir, Duration::from_secs(120)) else {
        panic!("{} did not finish in 120 s", browser.display());
    };
    // Console messages (uncaught exceptions included) are logged as "...:CONSOLE(...)] ..." lines.
    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(
        console.is_empty(),
        "the page logged to the console:\n{}",
        console.join("\n")
    );
    let body = dom
        .find("<body")
        .map(|i| &dom[i..i + dom[i..].find('>').unwrap_or(0)])
        .unwrap_or_else(|| panic!("no <body> in the browser's DOM:\n{dom}\n{log}"));
    assert!(
        body.contains("data-gc-report=\"ready\""),
        "the script did not finish: {body}\n{log}"
    );
    assert!(
        body.contains(&format!("data-collections=\"{lines}\"")),
        "{body} (trace has {lines} lines)"
    );
    println!("browser {} drew {lines} collections", browser.display());
    let _ = std::fs::remove_dir_all(&dir);
}
