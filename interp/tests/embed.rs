//! Embedding (issue 13 part 4): minipy builds a shared library with `ffi.embedding_api()` +
//! `ffi.embedding_init_code()` + `ffi.compile(target=...)`, a plain C program (compiled here
//! with `cc`) links it and calls its exported functions; the first call starts minipy from
//! `libminipy.so` (next to the `minipy` binary, where cargo builds it).
//!
//! - `example_*`: `examples/embedding/` as shipped: its stdout must equal `main.out`, which is
//!   CPython 3.11 + cffi's output (`cd examples/embedding && python3.11 plugin_build.py &&
//!   cc main.c -o main -L. -lplugin -Wl,-rpath,$PWD -pthread && ./main > main.out`); stderr holds
//!   the one callback traceback. Normal and moving-stress GC (the init code allocates a lot).
//! - `init_failure`: init code that raises: CFFI's report once on stderr (at the library's
//!   `cffi_start_python()`), then every call prints "initialization code failed" and returns 0.
//! - `order_and_reentry`: minipy-specific: without any buffering setup in C or flush in Python,
//!   C and Python output keep call order (the generated function flushes C's stdout, the runtime
//!   Python's); a plain C function of the library calling a static `extern "Python"` function
//!   starts the runtime too; Python -> C -> exported function runs inline on the interpreter
//!   thread, also during the init code.
//!
//! - `types`: struct by value, float, unsigned long long, void, returned pointers, arrays; the
//!   expected output is CPython 3.11 + cffi's for the same two files.
//!
//! Every test is skipped, saying so, when there is no `cc`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn have_cc() -> bool {
    let ok = Command::new("cc")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("SKIPPED: no C compiler `cc` on this machine: embedding tests need one");
    }
    ok
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("minipy-embed-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn clean_env(cmd: &mut Command) -> &mut Command {
    for v in [
        "MINIPY_GC_STRESS",
        "MINIPY_GC_NURSERY",
        "MINIPY_GC_AGE",
        "MINIPY_EMBED_LIBDIR",
    ] {
        cmd.env_remove(v);
    }
    cmd
}

/// Runs `minipy script` in `dir`; it must succeed.
fn build(dir: &Path, script: &str) {
    let out = clean_env(&mut Command::new(env!("CARGO_BIN_EXE_minipy")))
        .arg(script)
        .current_dir(dir)
        .output()
        .expect("cannot run minipy");
    assert!(
        out.status.success(),
        "minipy {script} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Compiles `main.c` in `dir` against `lib<lib>.so` there.
fn cc_main(dir: &Path, lib: &str) {
    let st = Command::new("cc")
        .args(["main.c", "-o", "main", "-L."])
        .arg(format!("-l{lib}"))
        .arg(format!("-Wl,-rpath,{}", dir.display()))
        .arg("-pthread")
        .current_dir(dir)
        .status()
        .expect("cannot run cc");
    assert!(st.success(), "cc main.c failed in {}", dir.display());
}

/// Runs `./main` (optionally under the moving GC stress mode); (status, stdout, stderr).
fn run_main(dir: &Path, stress: bool) -> (i32, String, String) {
    let mut cmd = Command::new(dir.join("main"));
    clean_env(&mut cmd).current_dir(dir);
    if stress {
        cmd.env("MINIPY_GC_STRESS", "1")
            .env("MINIPY_GC_NURSERY", "64k")
            .env("MINIPY_GC_AGE", "8");
    }
    let out = cmd.output().expect("cannot run main");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn example(stress: bool) {
    if !have_cc() {
        return;
    }
    let dir = scratch(if stress { "example-stress" } else { "example" });
    let ex = root().join("examples/embedding");
    for f in ["plugin_build.py", "main.c"] {
        std::fs::copy(ex.join(f), dir.join(f)).unwrap();
    }
    build(&dir, "plugin_build.py");
    assert!(dir.join("libplugin.so").is_file(), "target= not honoured");
    cc_main(&dir, "plugin");
    let want = std::fs::read_to_string(ex.join("main.out")).unwrap();
    let (status, out, err) = run_main(&dir, stress);
    assert_eq!(status, 0, "stderr:\n{err}");
    assert_eq!(out, want, "stderr:\n{err}");
    assert!(
        err.starts_with("Exception ignored from cffi callback <function fail at 0x"),
        "{err}"
    );
    assert!(
        err.ends_with(
            "  File \"<init code for '_plugin'>\", line 42, in fail\nZeroDivisionError: integer division or modulo by zero\n"
        ),
        "{err}"
    );
    assert_eq!(err.matches("Traceback").count(), 1, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn example_normal() {
    example(false);
}

#[test]
fn example_stress() {
    example(true);
}

const BROKEN_BUILD: &str = r#"
import cffi
ffibuilder = cffi.FFI()
ffibuilder.embedding_api("int get(int); double getd(void); void poke(void);")
ffibuilder.set_source("_broken", "int start(void) { return cffi_start_python(); }")
ffibuilder.embedding_init_code("""
    from _broken import ffi
    print("broken: init starts", flush=True)
    @ffi.def_extern()
    def get(x):
        return x
    raise ValueError("init failed on purpose")
""")
ffibuilder.compile(target="libbroken.*")
"#;

const BROKEN_MAIN: &str = r#"
#include <errno.h>
#include <stdio.h>
int start(void);
int get(int);
double getd(void);
void poke(void);
int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("start() = %d\n", start());
    printf("get(5) = %d\n", get(5));
    errno = 42;
    printf("getd() = %g\n", getd());
    poke();
    printf("errno kept: %d\n", errno);
    printf("get(6) = %d\n", get(6));
    return 0;
}
"#;

#[test]
fn init_failure() {
    if !have_cc() {
        return;
    }
    let dir = scratch("broken");
    std::fs::write(dir.join("build.py"), BROKEN_BUILD).unwrap();
    std::fs::write(dir.join("main.c"), BROKEN_MAIN).unwrap();
    build(&dir, "build.py");
    cc_main(&dir, "broken");
    for stress in [false, true] {
        let (status, out, err) = run_main(&dir, stress);
        assert_eq!(status, 0, "{err}");
        assert_eq!(
            out,
            "broken: init starts\nstart() = -1\nget(5) = 0\ngetd() = 0\nerrno kept: 42\nget(6) = 0\n"
        );
        // CFFI's report (its version lines name minipy instead of cffi's version)
        let head = "Failed to initialize the Python-CFFI embedding logic:\n\n\
             Traceback (most recent call last):\n  \
             File \"<init code for '_broken'>\", line 6, in <module>\n\
             ValueError: init failed on purpose\n\nFrom: _broken\n";
        assert!(err.starts_with(head), "{err}");
        assert!(
            err.contains(&format!("sys.path: ['{}']", dir.display())),
            "{err}"
        );
        let fail = |f: &str| {
            format!(
                "function _broken.{f}() called, but initialization code failed.  Returning 0.\n"
            )
        };
        let tail = [fail("get"), fail("getd"), fail("poke"), fail("get")].concat();
        assert!(err.ends_with(&format!("\n\n{tail}")), "{err}");
        assert_eq!(err.matches("Failed to initialize").count(), 1, "{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

const ORDER_BUILD: &str = r#"
import cffi
ffibuilder = cffi.FFI()
ffibuilder.embedding_api("int add(int, int); void say(const char *);")
ffibuilder.cdef("""
    extern "Python" int helper(int);
    int via_c(int);
""")
ffibuilder.set_source("_order", """
    static int helper(int);
    CFFI_DLLEXPORT int add(int, int);
    /* plain C functions of the library */
    int via_c(int x) { return add(x, 1) * 2; }
    int use_helper(int x) { return helper(x) + 1; }
""")
ffibuilder.embedding_init_code("""
    from _order import ffi, lib

    print("py: init")

    @ffi.def_extern()
    def add(a, b):
        print("py: add", a, b)
        return a + b

    @ffi.def_extern()
    def say(s):
        print("py: say", ffi.string(s).decode())

    @ffi.def_extern()
    def helper(x):
        print("py: helper", x)
        return lib.via_c(x) * 10

    # Python -> C -> the library's exported function, while the init code runs
    print("py: via_c(1) =", lib.via_c(1))
""")
ffibuilder.compile(target="liborder.so")
"#;

const ORDER_MAIN: &str = r#"
#include <stdio.h>
int add(int, int);
void say(const char *);
int use_helper(int);
int main(void) {
    printf("c: start\n");
    printf("c: use_helper(3) = %d\n", use_helper(3));
    printf("c: before say\n");
    say("hi");
    printf("c: add = %d\n", add(20, 22));
    say("bye");
    printf("c: end\n");
    return 0;
}
"#;

#[test]
fn order_and_reentry() {
    if !have_cc() {
        return;
    }
    let dir = scratch("order");
    std::fs::write(dir.join("build.py"), ORDER_BUILD).unwrap();
    std::fs::write(dir.join("main.c"), ORDER_MAIN).unwrap();
    build(&dir, "build.py");
    cc_main(&dir, "order");
    let want = "c: start\npy: init\npy: add 1 1\npy: via_c(1) = 4\npy: helper 3\npy: add 3 1\n\
                c: use_helper(3) = 81\nc: before say\npy: say hi\npy: add 20 22\nc: add = 42\n\
                py: say bye\nc: end\n";
    for stress in [false, true] {
        let (status, out, err) = run_main(&dir, stress);
        assert_eq!((status, out.as_str(), err.as_str()), (0, want, ""));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

const TYPES_BUILD: &str = r#"import cffi
ffibuilder = cffi.FFI()
ffibuilder.embedding_api("""
    typedef struct { double x, y; } vec2;
    vec2 mid(vec2 a, vec2 b);
    float halve(float);
    unsigned long long big(unsigned char);
    void ping(void);
    const char *name_of(int);
    char first(const char *);
    int sum_array(int *xs, int n);
    void *echo_ptr(void *);
""")
ffibuilder.set_source("_types", "typedef struct { double x, y; } vec2;")
ffibuilder.embedding_init_code("""
    from _types import ffi
    names = {i: ffi.new("char[]", ("n%d" % i).encode()) for i in range(3)}
    @ffi.def_extern()
    def mid(a, b):
        return {"x": (a.x + b.x) / 2, "y": (a.y + b.y) / 2}
    @ffi.def_extern()
    def halve(f):
        return f / 2
    @ffi.def_extern()
    def big(c):
        return 2**64 - 1 - c
    @ffi.def_extern()
    def ping():
        print("ping", flush=True)
    @ffi.def_extern()
    def name_of(i):
        return names[i]
    @ffi.def_extern()
    def first(s):
        return s[0]
    @ffi.def_extern()
    def sum_array(xs, n):
        return sum(xs[0:n])
    @ffi.def_extern()
    def echo_ptr(p):
        return p
""")
ffibuilder.compile(target="libtypes.*")
"#;

const TYPES_MAIN: &str = r#"#include <stdio.h>
typedef struct { double x, y; } vec2;
vec2 mid(vec2 a, vec2 b); float halve(float); unsigned long long big(unsigned char);
void ping(void); const char *name_of(int); char first(const char *); int sum_array(int *xs, int n); void *echo_ptr(void *);
int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    vec2 a = {1, 2}, b = {3, 8};
    vec2 m = mid(a, b);
    printf("mid %g %g\n", m.x, m.y);
    printf("halve %g\n", halve(5.0f));
    printf("big %llu\n", big(7));
    ping();
    printf("name_of %s %s\n", name_of(1), name_of(2));
    printf("first %c\n", first("zebra"));
    int xs[] = {1, 2, 3, 4};
    printf("sum_array %d\n", sum_array(xs, 4));
    printf("echo_ptr %d\n", echo_ptr(xs) == (void *)xs);
    return 0;
}
"#;

/// What CPython 3.11 + cffi 2.0 prints for TYPES_BUILD + TYPES_MAIN.
const TYPES_OUT: &str = "mid 2 5\nhalve 2.5\nbig 18446744073709551608\nping\nname_of n1 n2\nfirst z\nsum_array 10\necho_ptr 1\n";

#[test]
fn types() {
    if !have_cc() {
        return;
    }
    let dir = scratch("types");
    std::fs::write(dir.join("build.py"), TYPES_BUILD).unwrap();
    std::fs::write(dir.join("main.c"), TYPES_MAIN).unwrap();
    build(&dir, "build.py");
    cc_main(&dir, "types");
    for stress in [false, true] {
        let (status, out, err) = run_main(&dir, stress);
        assert_eq!((status, out.as_str(), err.as_str()), (0, TYPES_OUT, ""));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
