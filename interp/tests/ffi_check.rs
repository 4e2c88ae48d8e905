//! The FFI lifetime checker (`MINIPY_FFI_CHECK=1`, interp/src/cffi/check/): child minipy processes
//! that touch `ffi.new` memory after its owner died, write past its end, or call `ffi.from_handle`
//! on a dead handle. Checks the report text, and that a bad memory access still ends the process
//! by SIGSEGV.

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Output};

/// GC settings the checks run under: normal, and the moving stress mode (cdata move at every
/// allocation; the checked memory must not).
const GC_MODES: [&[(&str, &str)]; 2] = [
    &[],
    &[
        ("MINIPY_GC_STRESS", "1"),
        ("MINIPY_GC_AGE", "8"),
        ("MINIPY_GC_NURSERY", "64k"),
    ],
];

fn run(name: &str, src: &str, check: bool) -> Output {
    run_gc(name, src, check, &[])
}

fn run_gc(name: &str, src: &str, check: bool, gc_env: &[(&str, &str)]) -> Output {
    let dir = std::env::temp_dir().join(format!("minipy_ffi_check_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, src).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_minipy"));
    cmd.arg(&path);
    cmd.env_remove("MINIPY_GC_STRESS")
        .env_remove("MINIPY_GC_AGE")
        .env_remove("MINIPY_GC_NURSERY");
    cmd.envs(gc_env.iter().copied());
    if check {
        cmd.env("MINIPY_FFI_CHECK", "1");
    } else {
        cmd.env_remove("MINIPY_FFI_CHECK");
    }
    cmd.output().unwrap()
}

const PRELUDE: &str = "import gc\nfrom cffi import FFI\nffi = FFI()\n\
ffi.cdef('size_t strlen(const char *); void *memset(void *, int, size_t);')\n\
libc = ffi.dlopen(None)\n";

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn use_after_free_is_reported_and_dies_by_sigsegv() {
    // line 6: the ffi.new call
    let src = format!(
        "{PRELUDE}buf = ffi.new('char[]', b'hello')\nkept = ffi.cast('char *', buf)\n\
         print(libc.strlen(kept))\ndel buf\ngc.collect()\nprint('after free')\nlibc.strlen(kept)\n\
         print('not reached')\n"
    );
    for gc_env in GC_MODES {
        let out = run_gc("uaf.py", &src, true, gc_env);
        let (so, se) = (text(&out.stdout), text(&out.stderr));
        assert_eq!(out.status.signal(), Some(libc::SIGSEGV), "{so}\n{se}");
        assert_eq!(so, "5\nafter free\n");
        assert!(
            se.contains("==minipy FFI check== SIGSEGV: invalid access at 0x"),
            "{se}"
        );
        assert!(se.contains("use after free"), "{se}");
        assert!(se.contains("6 bytes owned by cdata 'char[]'"), "{se}");
        assert!(
            se.contains("allocated by ffi.new() at ") && se.contains("uaf.py:6\n"),
            "{se}"
        );
        assert!(
            se.contains("freed: its owner died at GC collection #"),
            "{se}"
        );
    }
}

#[test]
fn read_from_python_after_free_is_reported() {
    // the interpreter itself reads the freed memory (ffi.string through a non-owning pointer)
    let src = format!(
        "{PRELUDE}p = ffi.new('int[4]', [1, 2, 3, 4])\nq = ffi.cast('int *', p)\ndel p\n\
         gc.collect()\nprint(q[2])\n"
    );
    let out = run("uaf_py.py", &src, true);
    let se = text(&out.stderr);
    assert_eq!(out.status.signal(), Some(libc::SIGSEGV), "{se}");
    assert!(se.contains("use after free"), "{se}");
    assert!(
        se.contains("offset 8 of the 16 bytes owned by cdata 'int[4]'"),
        "{se}"
    );
    assert!(se.contains("uaf_py.py:6\n"), "{se}");
}

#[test]
fn overflow_into_the_guard_page_is_reported() {
    let src = format!(
        "{PRELUDE}buf = ffi.new('char[8]')\nlibc.memset(buf, 65, 8)\nprint('8 ok')\n\
         libc.memset(buf, 65, 9)\nprint('not reached')\n"
    );
    let out = run("ovf.py", &src, true);
    let (so, se) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(out.status.signal(), Some(libc::SIGSEGV), "{so}\n{se}");
    assert_eq!(so, "8 ok\n");
    assert!(se.contains("buffer overflow: access past the end"), "{se}");
    assert!(
        se.contains("offset 8 of the 8 bytes owned by cdata 'char[8]'"),
        "{se}"
    );
    assert!(
        se.contains("ovf.py:6\n") && se.contains("the owner is still alive"),
        "{se}"
    );
}

#[test]
fn without_check_mode_nothing_changes() {
    let src = format!(
        "{PRELUDE}buf = ffi.new('char[8]')\nlibc.memset(buf, 65, 8)\nprint(ffi.string(buf, 8))\n"
    );
    let out = run("plain.py", &src, false);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "b'AAAAAAAA'\n");
    // and in check mode, correct programs run unchanged
    let out = run("plain.py", &src, true);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "b'AAAAAAAA'\n");
}

const HANDLE_SRC: &str = "import gc\nfrom cffi import FFI\nffi = FFI()\nclass Obj: pass\n\
h = ffi.new_handle(Obj())\np = ffi.cast('void *', h)\nprint(type(ffi.from_handle(p)).__name__)\n\
del h\ngc.collect()\ntry:\n    ffi.from_handle(p)\nexcept RuntimeError as e:\n    print(e)\n";

#[test]
fn dead_handle_names_its_new_handle_call_site() {
    for gc_env in GC_MODES {
        let out = run_gc("handle.py", HANDLE_SRC, true, gc_env);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let so = text(&out.stdout);
        let mut lines = so.lines();
        assert_eq!(lines.next(), Some("Obj"));
        let msg = lines.next().unwrap_or("");
        assert!(
            msg.starts_with("ffi.from_handle(): dead handle 0x"),
            "{msg}"
        );
        assert!(msg.contains("made by ffi.new_handle() at "), "{msg}");
        assert!(msg.contains("handle.py:5;"), "{msg}");
        assert!(msg.contains("died at GC collection #"), "{msg}");
    }
    // outside check mode: CFFI's plain message
    let out = run("handle.py", HANDLE_SRC, false);
    assert_eq!(
        text(&out.stdout),
        "Obj\nffi.from_handle(): dead or bogus handle\n"
    );
}

#[test]
fn bogus_handle_keeps_the_plain_message_in_check_mode() {
    let src = "from cffi import FFI\nffi = FFI()\ntry:\n    ffi.from_handle(ffi.cast('void *', 0x12340))\n\
               except RuntimeError as e:\n    print(e)\n";
    let out = run("bogus.py", src, true);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "ffi.from_handle(): dead or bogus handle\n"
    );
}

#[test]
fn many_allocations_recycle_the_quarantine() {
    // more dead objects than the quarantine holds (16384 mappings): the oldest are unmapped and
    // their registry slots reused, so a long-running program neither runs out of mappings nor slots
    let src = "from cffi import FFI\nffi = FFI()\nkeep = [ffi.new('char[100]') for i in range(1000)]\n\
               t = 0\nfor i in range(60000):\n    a = ffi.new('int[3]', [i, 1, 2])\n    t += a[0] + a[2]\n\
               p = ffi.new('struct { int x; double y; } *')\np.y = 2.5\nprint(t, len(keep), p.y)\n";
    let out = run("many.py", src, true);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "1800090000 1000 2.5\n");
}
