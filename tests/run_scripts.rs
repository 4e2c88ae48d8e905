//! The script suite runner (see tests/README.md).
//!
//! Finds every `tests/<suite>/*.py` (files starting with `_` are helper modules, not tests), runs
//! `minipy <name>.py` with the script's directory as cwd, and compares stdout with `<name>.out`, the
//! normalised stderr tail with `<name>.err` (if present) and the exit status with `<name>.status`
//! (default 0). Four tests: `scripts_normal` (plain environment), `scripts_stress`
//! (`MINIPY_GC_STRESS=1`, `MINIPY_GC_NURSERY=64k`, or `# stress: N` / `# stress: skip <reason>`
//! in the script's first lines), `scripts_stress_shifted` (a collection at every 7th allocation) and
//! `scripts_stress_moving` (as `scripts_stress`, plus `MINIPY_GC_AGE=8`: young objects move at each of
//! their first 8 collections, so a `Value` kept across a GC point reads a poisoned copy).
//!
//! Environment knobs:
//! - `MINIPY_TEST_FILTER=substr`: only scripts whose `suite/name.py` contains substr.
//! - `MINIPY_TEST_JOBS=n`: worker threads (default: available parallelism).
//! - `MINIPY_TEST_TIMEOUT=secs`: per-script timeout (default 180: it catches hangs; the slowest stress-moving scripts take ~30 s alone on a loaded 2-core machine).
//! - `MINIPY_TEST_BIN=path`: run another interpreter instead of the built minipy (e.g. python3.11,
//!   to check the expected files themselves).
//! - `MINIPY_TEST_STRICT=1`: ignore known_failures.txt (every failure fails the test).

use std::collections::BTreeSet;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const STRESS_NURSERY: &str = "64k";
/// Lines at the top of a script searched for `# stress:` directives.
const DIRECTIVE_LINES: usize = 5;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    Normal,
    Stress,
    /// A collection every 7th allocation: shifts where collections land relative to `Stress`, which
    /// catches stale references that every-allocation stress happens to miss.
    StressShifted,
    /// The moving stress mode: as `Stress`, and every young object is copied at each of its first
    /// `MOVING_AGE` collections instead of being promoted at the first.
    StressMoving,
}

/// `MINIPY_GC_AGE` of the moving stress pass.
const MOVING_AGE: &str = "8";

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Normal => "normal",
            Mode::Stress => "stress",
            Mode::StressShifted => "stress-shifted",
            Mode::StressMoving => "stress-moving",
        }
    }
}

/// One script and what is expected of it.
struct Script {
    /// `suite/name.py`, the key used by the filter and known_failures.txt.
    key: String,
    dir: PathBuf,
    file_name: String,
    /// `None`: default stress level; `Some(None)`: skipped under stress; `Some(Some(n))`: stress n.
    stress: Option<Option<u32>>,
    /// A malformed directive: reported as a runner error for this script.
    directive_error: Option<String>,
}

enum Outcome {
    Pass,
    Skipped,
    /// The script ran but did not behave as expected.
    Fail(String),
    /// The suite itself is broken (missing .out, bad directive, ...): never excused.
    RunnerError(String),
}

fn tests_root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    root.canonicalize().unwrap_or(root)
}

fn find_scripts(root: &Path) -> Result<Vec<Script>, String> {
    let mut scripts = Vec::new();
    let mut suites: Vec<PathBuf> = fs::read_dir(root)
        .map_err(|e| format!("cannot read {}: {e}", root.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            !n.starts_with('.') && !n.starts_with('_') && n != "target"
        })
        .collect();
    suites.sort();
    for suite in suites {
        let suite_name = suite.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = fs::read_dir(&suite)
            .map_err(|e| format!("cannot read {}: {e}", suite.display()))?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "py"))
            .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('_'))
            .collect();
        files.sort();
        for path in files {
            let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
            let key = format!("{suite_name}/{file_name}");
            // Lossy: only the ASCII directives are read, and a script may be in another
            // encoding (the PEP 263 tests).
            let source = fs::read(&path)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .map_err(|e| format!("{key}: cannot read: {e}"))?;
            let (stress, directive_error) = match parse_stress_directive(&source) {
                Ok(s) => (s, None),
                Err(e) => (None, Some(e)),
            };
            scripts.push(Script {
                key,
                dir: suite.clone(),
                file_name,
                stress,
                directive_error,
            });
        }
    }
    Ok(scripts)
}

fn parse_stress_directive(source: &str) -> Result<Option<Option<u32>>, String> {
    for line in source.lines().take(DIRECTIVE_LINES) {
        let line = line.trim();
        let Some(rest) = line.strip_prefix('#') else {
            continue;
        };
        let Some(value) = rest.trim_start().strip_prefix("stress:") else {
            continue;
        };
        let value = value.trim();
        if let Some(reason) = value.strip_prefix("skip") {
            let reason =
                reason.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '-');
            if reason.trim().is_empty() {
                return Err(
                    "`# stress: skip` needs a written reason (`# stress: skip <why>`)".into(),
                );
            }
            return Ok(Some(None));
        }
        return match value.parse::<u32>() {
            Ok(n) if n > 0 => Ok(Some(Some(n))),
            _ => Err(format!(
                "bad directive `{line}` (want `# stress: N` or `# stress: skip <reason>`)"
            )),
        };
    }
    Ok(None)
}

fn load_known_failures(root: &Path) -> Result<BTreeSet<String>, String> {
    let path = root.join("known_failures.txt");
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    Ok(text
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect())
}

/// CPython 3.11 underlines the failing expression with lines of `^` and `~`; drop them (and
/// a trailing `\r`) so that an interpreter without them compares equal.
fn normalise_stderr(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| {
            let t = l.trim();
            t.is_empty() || !t.chars().all(|c| c == '^' || c == '~' || c.is_whitespace())
        })
        .map(String::from)
        .collect()
}

struct RunResult {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    status: Option<ExitStatus>,
    timed_out: bool,
    elapsed: Duration,
}

fn run_with_timeout(mut cmd: Command, timeout: Duration) -> std::io::Result<RunResult> {
    let start = Instant::now();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let mut timed_out = false;
    let status = loop {
        if let Some(st) = child.try_wait()? {
            break Some(st);
        }
        if start.elapsed() >= timeout {
            timed_out = true;
            let _ = child.kill();
            break child.wait().ok();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(RunResult {
        stdout,
        stderr,
        status,
        timed_out,
        elapsed: start.elapsed(),
    })
}

fn describe_status(status: Option<ExitStatus>) -> String {
    let Some(st) = status else {
        return "unknown".into();
    };
    if let Some(code) = st.code() {
        return format!("exit {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = st.signal() {
            return format!(
                "killed by signal {sig}{}",
                if st.core_dumped() {
                    " (core dumped)"
                } else {
                    ""
                }
            );
        }
    }
    format!("{st}")
}

fn show_line(l: Option<&String>) -> String {
    match l {
        Some(s) => format!("{s:?}"),
        None => "<end of output>".into(),
    }
}

/// The first differing line of two texts (as lines), or None when equal.
fn first_difference(expected: &[String], got: &[String]) -> Option<String> {
    let n = expected.len().max(got.len());
    for i in 0..n {
        let (e, g) = (expected.get(i), got.get(i));
        if e != g {
            return Some(format!(
                "line {}:\n      expected: {}\n      got:      {}",
                i + 1,
                show_line(e),
                show_line(g)
            ));
        }
    }
    None
}

fn lines_of(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(String::from)
        .collect()
}

fn tail(lines: &[String], n: usize) -> String {
    let start = lines.len().saturating_sub(n);
    lines[start..]
        .iter()
        .map(|l| format!("      | {l}\n"))
        .collect()
}

fn interpreter() -> PathBuf {
    match std::env::var_os("MINIPY_TEST_BIN") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_minipy")),
    }
}

fn run_script(script: &Script, mode: Mode, timeout: Duration) -> Outcome {
    if let Some(e) = &script.directive_error {
        return Outcome::RunnerError(e.clone());
    }
    let base = script.file_name.trim_end_matches(".py");
    let expected_out = match fs::read(script.dir.join(format!("{base}.out"))) {
        Ok(b) => b,
        Err(e) => {
            return Outcome::RunnerError(format!("missing {base}.out ({e}): run tests/regen.py"))
        }
    };
    let expected_err = match fs::read(script.dir.join(format!("{base}.err"))) {
        Ok(b) => Some(b),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Outcome::RunnerError(format!("cannot read {base}.err: {e}")),
    };
    let expected_status = match fs::read_to_string(script.dir.join(format!("{base}.status"))) {
        Ok(s) => match s.trim().parse::<i32>() {
            Ok(n) => n,
            Err(_) => {
                return Outcome::RunnerError(format!(
                    "{base}.status does not hold an integer: {s:?}"
                ))
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => 0,
        Err(e) => return Outcome::RunnerError(format!("cannot read {base}.status: {e}")),
    };

    let mut cmd = Command::new(interpreter());
    cmd.arg(&script.file_name).current_dir(&script.dir);
    cmd.env_remove("MINIPY_GC_STRESS")
        .env_remove("MINIPY_GC_NURSERY")
        .env_remove("MINIPY_GC_AGE");
    cmd.env("PYTHONDONTWRITEBYTECODE", "1");
    if mode != Mode::Normal {
        let level = match script.stress {
            None => 1,
            Some(None) => return Outcome::Skipped,
            Some(Some(n)) => n,
        };
        let level = if mode == Mode::StressShifted {
            level * 7
        } else {
            level
        };
        cmd.env("MINIPY_GC_STRESS", level.to_string())
            .env("MINIPY_GC_NURSERY", STRESS_NURSERY);
        if mode == Mode::StressMoving {
            cmd.env("MINIPY_GC_AGE", MOVING_AGE);
        }
    }
    let res = match run_with_timeout(cmd, timeout) {
        Ok(r) => r,
        Err(e) => {
            return Outcome::RunnerError(format!("cannot run {}: {e}", interpreter().display()))
        }
    };

    // CPython names the script by its absolute path in tracebacks; accept that spelling too (it is
    // what lets MINIPY_TEST_BIN=python3.11 check the expected files).
    let abs_prefix = format!("File \"{}/", script.dir.display());
    let got_err =
        normalise_stderr(&String::from_utf8_lossy(&res.stderr).replace(&abs_prefix, "File \""));
    let mut problems = Vec::new();
    if res.timed_out {
        problems.push(format!(
            "timed out after {:.1}s (killed)",
            res.elapsed.as_secs_f64()
        ));
    }
    let got_status = res.status.and_then(|s| s.code());
    if got_status != Some(expected_status) {
        problems.push(format!(
            "status: expected exit {expected_status}, got {}",
            describe_status(res.status)
        ));
    }
    let (exp_out, got_out) = (lines_of(&expected_out), lines_of(&res.stdout));
    if let Some(d) = first_difference(&exp_out, &got_out) {
        problems.push(format!("stdout differs at {d}"));
    } else if expected_out != res.stdout {
        problems.push("stdout differs (line endings or final newline)".into());
    }
    if let Some(exp) = expected_err {
        // The .err file is the expected *tail* of the normalised stderr.
        let exp = normalise_stderr(&String::from_utf8_lossy(&exp));
        let start = got_err.len().saturating_sub(exp.len());
        let got_tail = &got_err[start..];
        if let Some(d) = first_difference(&exp, got_tail) {
            problems.push(format!(
                "stderr tail (last {} lines) differs at {d}",
                exp.len()
            ));
        }
    }
    if problems.is_empty() {
        return Outcome::Pass;
    }
    let mut msg = problems.join("\n    ");
    if !got_err.is_empty() {
        msg.push_str(&format!(
            "\n    stderr tail:\n{}",
            tail(&got_err, 8).trim_end()
        ));
    }
    Outcome::Fail(msg)
}

/// The two tests would otherwise run at the same time, each with a full set of workers.
static ONE_SUITE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn stderr_note(s: &str) {
    // Written straight to the process's stderr: visible even when the test harness captures output.
    let _ = writeln!(std::io::stderr(), "{s}");
}

fn run_suite(mode: Mode) {
    let _guard = ONE_SUITE_AT_A_TIME
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    let root = tests_root();
    let scripts = find_scripts(&root).unwrap_or_else(|e| panic!("script runner: {e}"));
    let strict = std::env::var("MINIPY_TEST_STRICT").is_ok_and(|v| !v.is_empty() && v != "0");
    let known = if strict {
        BTreeSet::new()
    } else {
        load_known_failures(&root).unwrap_or_else(|e| panic!("{e}"))
    };
    let all_keys: BTreeSet<&str> = scripts.iter().map(|s| s.key.as_str()).collect();
    let stale: Vec<&String> = known
        .iter()
        .filter(|k| !all_keys.contains(k.as_str()))
        .collect();
    assert!(
        !scripts.is_empty(),
        "no scripts found under {}",
        root.display()
    );

    let filter = std::env::var("MINIPY_TEST_FILTER").unwrap_or_default();
    let selected: Vec<Script> = scripts
        .into_iter()
        .filter(|s| s.key.contains(filter.as_str()))
        .collect();
    let timeout = Duration::from_secs_f64(
        std::env::var("MINIPY_TEST_TIMEOUT")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(180.0),
    );
    let jobs = std::env::var("MINIPY_TEST_JOBS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
        .min(selected.len().max(1));

    let selected = Arc::new(selected);
    let next = Arc::new(AtomicUsize::new(0));
    let results: Arc<Mutex<Vec<(usize, Outcome)>>> = Arc::new(Mutex::new(Vec::new()));
    let start = Instant::now();
    let workers: Vec<_> = (0..jobs)
        .map(|_| {
            let (selected, next, results) = (selected.clone(), next.clone(), results.clone());
            std::thread::spawn(move || loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= selected.len() {
                    break;
                }
                let outcome = run_script(&selected[i], mode, timeout);
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((i, outcome));
            })
        })
        .collect();
    let mut runner_panics = 0;
    for w in workers {
        if w.join().is_err() {
            runner_panics += 1;
        }
    }
    let mut results = std::mem::take(&mut *results.lock().unwrap_or_else(|e| e.into_inner()));
    results.sort_by_key(|(i, _)| *i);

    let mode_name = mode.name();
    let (mut passed, mut skipped, mut known_failing) = (0, 0, 0);
    let mut failures = Vec::new();
    let mut errors = Vec::new();
    let mut now_passing = Vec::new();
    for (i, outcome) in &results {
        let s = &selected[*i];
        let listed = known.contains(&s.key);
        match outcome {
            Outcome::Pass => {
                passed += 1;
                if listed {
                    now_passing.push(s.key.clone());
                }
            }
            Outcome::Skipped => skipped += 1,
            Outcome::Fail(msg) if listed => {
                known_failing += 1;
                eprintln!("known failure [{mode_name}] {}:\n    {msg}\n", s.key);
            }
            Outcome::Fail(msg) => {
                failures.push(format!("FAIL [{mode_name}] {}:\n    {msg}\n", s.key))
            }
            Outcome::RunnerError(msg) => {
                errors.push(format!("ERROR [{mode_name}] {}: {msg}", s.key))
            }
        }
    }
    if results.len() != selected.len() {
        errors.push(format!(
            "runner: only {} of {} scripts reported a result ({runner_panics} worker thread(s) panicked)",
            results.len(),
            selected.len()
        ));
    }

    for k in &now_passing {
        stderr_note(&format!(
            "[{mode_name}] {k}: now passes: remove it from known_failures.txt"
        ));
    }
    if filter.is_empty() {
        for k in &stale {
            stderr_note(&format!(
                "known_failures.txt lists {k}, which is not a script"
            ));
        }
    }
    stderr_note(&format!(
        "scripts_{mode_name}: {} scripts in {:.1}s on {jobs} threads: {passed} passed, {} failed, \
         {known_failing} known failures, {skipped} skipped, {} runner errors{}",
        selected.len(),
        start.elapsed().as_secs_f64(),
        failures.len(),
        errors.len(),
        if filter.is_empty() {
            String::new()
        } else {
            format!(" (filter {filter:?})")
        },
    ));
    if !failures.is_empty() || !errors.is_empty() {
        let mut report = String::new();
        for f in failures.iter().chain(errors.iter()) {
            report.push_str(f);
            report.push('\n');
        }
        eprintln!("{report}");
        panic!(
            "{} script(s) failed and {} runner error(s) in {mode_name} mode (see above; \
             MINIPY_TEST_FILTER=<name> to rerun one)",
            failures.len(),
            errors.len()
        );
    }
}

#[test]
fn scripts_normal() {
    run_suite(Mode::Normal);
}

#[test]
fn scripts_stress() {
    run_suite(Mode::Stress);
}

#[test]
fn scripts_stress_shifted() {
    run_suite(Mode::StressShifted);
}

#[test]
fn scripts_stress_moving() {
    run_suite(Mode::StressMoving);
}
