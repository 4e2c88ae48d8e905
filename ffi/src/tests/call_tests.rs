//! Calls into libc and into a small C library compiled with `cc` for the test; callbacks
//! called from C (qsort, a stored callback called later).

use super::{decls, ty};
use crate::call::{vararg_promote, CallInterface};
use crate::cdef::Decl;
use crate::closure::Callback;
use crate::convert::{load, store, Scalar};
use crate::library::Library;
use std::ffi::{c_void, CString};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

fn func_type(d: &crate::cdef::Declarations, name: &str) -> crate::ctype::TypeId {
    match d.lookup(name) {
        Some(Decl::Function { ty, .. }) => *ty,
        other => panic!("{} is {:?}", name, other),
    }
}

#[repr(C, align(16))]
struct Ret([u8; 64]);

/// Call `name` with scalar arguments, returning the scalar result.
fn call_scalar(
    d: &crate::cdef::Declarations,
    lib: &Library,
    name: &str,
    args: &[Scalar],
) -> Scalar {
    let f = func_type(d, name);
    let cif = CallInterface::new(&d.types, f).unwrap();
    let mut bufs = vec![[0u64; 2]; args.len()];
    for (i, a) in args.iter().enumerate() {
        // SAFETY: bufs[i] is 16 bytes, enough for any scalar argument type.
        unsafe {
            store(
                &d.types,
                cif.arg_types()[i],
                bufs[i].as_mut_ptr() as *mut u8,
                *a,
            )
            .unwrap()
        };
    }
    let ptrs: Vec<*mut c_void> = bufs
        .iter_mut()
        .map(|b| b.as_mut_ptr() as *mut c_void)
        .collect();
    let mut ret = Ret([0; 64]);
    let code = lib.symbol(name).unwrap();
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(code, &ptrs, ret.0.as_mut_ptr() as *mut c_void);
        load(&d.types, cif.result(), ret.0.as_ptr()).unwrap()
    }
}

const LIBC: &str = "
    int abs(int);
    long labs(long);
    size_t strlen(const char *);
    int getpid(void);
    double sqrt(double);
    float sqrtf(float);
    int snprintf(char *str, size_t size, const char *format, ...);
    void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));
    int toupper(int);
    extern int optind;
";

#[test]
fn libc_calls() {
    let d = decls(LIBC);
    let lib = Library::open(None, 0).unwrap();
    assert_eq!(
        call_scalar(&d, &lib, "abs", &[Scalar::Int(-42)]),
        Scalar::Int(42)
    );
    assert_eq!(
        call_scalar(&d, &lib, "labs", &[Scalar::Int(-(1i128 << 40))]),
        Scalar::Int(1 << 40)
    );
    let s = CString::new("hello world").unwrap();
    assert_eq!(
        call_scalar(&d, &lib, "strlen", &[Scalar::Pointer(s.as_ptr() as usize)]),
        Scalar::Int(11)
    );
    assert_eq!(
        call_scalar(&d, &lib, "getpid", &[]),
        Scalar::Int(std::process::id() as i128)
    );
    let libm = Library::open_cffi(Some("m"), 0).unwrap();
    assert_eq!(
        call_scalar(&d, &libm, "sqrt", &[Scalar::Float(2.25)]),
        Scalar::Float(1.5)
    );
    assert_eq!(
        call_scalar(&d, &libm, "sqrtf", &[Scalar::Int(4)]),
        Scalar::Float(2.0)
    );
    assert_eq!(
        call_scalar(&d, &lib, "toupper", &[Scalar::Int(97)]),
        Scalar::Int(65)
    );
    // a global variable: its address, read through convert
    let optind = lib.symbol("optind").unwrap();
    let int = d.types.int();
    assert_eq!(
        // SAFETY: optind is an int global of the loaded C library.
        unsafe { load(&d.types, int, optind as *const u8) }.unwrap(),
        Scalar::Int(1)
    );
}

#[test]
fn library_errors() {
    let lib = Library::open(None, 0).unwrap();
    let e = lib.symbol("no_such_symbol_xyz").unwrap_err();
    assert_eq!(e.kind, crate::error::ErrorKind::Attribute);
    assert!(
        e.message
            .starts_with("function/symbol 'no_such_symbol_xyz' not found in library '<None>': "),
        "{}",
        e.message
    );
    let e = Library::open_cffi(Some("nothere"), 0).err().unwrap();
    assert_eq!(e.kind, crate::error::ErrorKind::Os);
    assert_eq!(
        e.message,
        "ctypes.util.find_library() did not manage to locate a library called 'nothere'"
    );
    let e = Library::open(Some("/nonexistent/libx.so"), 0)
        .err()
        .unwrap();
    assert!(
        e.message
            .starts_with("cannot load library '/nonexistent/libx.so': "),
        "{}",
        e.message
    );
    let mut c = Library::open_cffi(Some("c"), 0).unwrap();
    assert!(!c.symbol("strlen").unwrap().is_null());
    c.close().unwrap();
    assert!(c.is_closed());
    assert!(c.symbol("strlen").is_err());
    assert!(c.close().is_err());
}

#[test]
fn variadic_snprintf() {
    let mut d = decls(LIBC);
    let lib = Library::open(None, 0).unwrap();
    let f = func_type(&d, "snprintf");
    // variadic part: an int, a double, a char *, and a char (promoted to int)
    let extra_decl = [
        ty(&mut d, "int"),
        ty(&mut d, "double"),
        ty(&mut d, "char *"),
        ty(&mut d, "char"),
    ];
    let extra: Vec<_> = extra_decl
        .iter()
        .map(|&t| vararg_promote(&mut d.types, t))
        .collect();
    assert_eq!(d.types.name(extra[3]), "int");
    let float = ty(&mut d, "float");
    let dbl = vararg_promote(&mut d.types, float);
    assert_eq!(d.types.name(dbl), "double");
    let cif = CallInterface::new_variadic(&d.types, f, &extra).unwrap();
    assert_eq!(cif.nfixed(), 3);
    let mut out = vec![0u8; 64];
    let fmt = CString::new("%d|%.2f|%s|%c").unwrap();
    let word = CString::new("word").unwrap();
    let mut a0 = out.as_mut_ptr() as usize;
    let mut a1 = out.len();
    let mut a2 = fmt.as_ptr() as usize;
    let mut a3: i32 = -7;
    let mut a4: f64 = 1.2549;
    let mut a5 = word.as_ptr() as usize;
    let mut a6: i32 = b'Z' as i32;
    let args: Vec<*mut c_void> = vec![
        &mut a0 as *mut _ as *mut c_void,
        &mut a1 as *mut _ as *mut c_void,
        &mut a2 as *mut _ as *mut c_void,
        &mut a3 as *mut _ as *mut c_void,
        &mut a4 as *mut _ as *mut c_void,
        &mut a5 as *mut _ as *mut c_void,
        &mut a6 as *mut _ as *mut c_void,
    ];
    let mut ret = Ret([0; 64]);
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(
            lib.symbol("snprintf").unwrap(),
            &args,
            ret.0.as_mut_ptr() as *mut c_void,
        )
    };
    // SAFETY: ret holds the call's result, of type cif.result().
    let n = unsafe { load(&d.types, cif.result(), ret.0.as_ptr()) }.unwrap();
    let s = std::ffi::CStr::from_bytes_until_nul(&out)
        .unwrap()
        .to_str()
        .unwrap();
    assert_eq!(s, "-7|1.25|word|Z");
    assert_eq!(n, Scalar::Int(s.len() as i128));
    // a variadic function called with no extra argument
    let cif0 = CallInterface::new(&d.types, f).unwrap();
    assert_eq!(cif0.arg_types().len(), 3);
    // a non-variadic function given extra arguments is an error
    let abs = func_type(&d, "abs");
    let int = d.types.int();
    let e = CallInterface::new_variadic(&d.types, abs, &[int])
        .err()
        .unwrap();
    assert_eq!(e.message, "'int(*)(int)' expects 1 arguments, got 2");
}

#[test]
fn qsort_with_rust_comparator() {
    let mut d = decls(LIBC);
    let lib = Library::open(None, 0).unwrap();
    let cmp_t = d
        .parse_callback_type("int(const void *, const void *)")
        .unwrap();
    assert_eq!(d.types.name(cmp_t), "int(*)(void *, void *)");
    let calls = Arc::new(AtomicUsize::new(0));
    let c2 = calls.clone();
    let cb = Callback::new(
        &d.types,
        cmp_t,
        // SAFETY: libffi passes one pointer per declared argument type and a result buffer of the declared
        // result type (the Callback contract); qsort passes pointers to elements of the int array.
        Box::new(move |args: &[*const c_void], ret: *mut c_void| unsafe {
            c2.fetch_add(1, Ordering::SeqCst);
            let a = **(args[0] as *const *const i32);
            let b = **(args[1] as *const *const i32);
            *(ret as *mut i32) = (a > b) as i32 - (a < b) as i32;
        }),
    )
    .unwrap();
    let mut data: Vec<i32> = vec![5, -3, 99, 0, 42, 7, -100, 8];
    let f = func_type(&d, "qsort");
    let cif = CallInterface::new(&d.types, f).unwrap();
    let mut base = data.as_mut_ptr() as usize;
    let mut n = data.len();
    let mut sz = 4usize;
    let mut cmp = cb.code_ptr() as usize;
    let args: Vec<*mut c_void> = vec![
        &mut base as *mut _ as *mut c_void,
        &mut n as *mut _ as *mut c_void,
        &mut sz as *mut _ as *mut c_void,
        &mut cmp as *mut _ as *mut c_void,
    ];
    let mut ret = Ret([0; 64]);
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(
            lib.symbol("qsort").unwrap(),
            &args,
            ret.0.as_mut_ptr() as *mut c_void,
        )
    };
    assert_eq!(data, vec![-100, -3, 0, 5, 7, 8, 42, 99]);
    assert!(calls.load(Ordering::SeqCst) >= 7);
    drop(cb);
}

#[test]
fn callback_errors_and_raw_handler() {
    let mut d = decls("");
    let v = d.parse_callback_type("int(int, ...)").unwrap();
    assert!(Callback::new(
        &d.types,
        v,
        Box::new(|_: &[*const c_void], _: *mut c_void| {})
    )
    .is_err());
    // a raw function handler, called directly through its code pointer; negative short result
    // must come back sign-extended.
    unsafe extern "C" fn h(ud: *mut c_void, args: *const *const c_void, ret: *mut c_void) {
        // SAFETY: called through a short(short) callback: args[0] points to a short and ret to a
        // result buffer of at least a short.
        unsafe {
            let x = *(*args as *const i16);
            *(ret as *mut i16) = x * (ud as usize as i16);
        }
    }
    let t = d.parse_callback_type("short(short)").unwrap();
    let cb = Callback::from_raw(&d.types, t, h, 3 as *mut c_void).unwrap();
    // SAFETY: the callback was built for short(short), so its code pointer is such a C function, alive
    // while cb is.
    let f: extern "C" fn(i16) -> i16 = unsafe { std::mem::transmute(cb.code_ptr()) };
    assert_eq!(f(-5), -15);
    // a panicking handler returns 0 instead of unwinding into C
    let t = d.parse_callback_type("int(int)").unwrap();
    let cb = Callback::new(
        &d.types,
        t,
        Box::new(|_: &[*const c_void], _: *mut c_void| panic!("boom")),
    )
    .unwrap();
    // SAFETY: the callback was built for int(int), so its code pointer is such a C function, alive while cb
    // is.
    let f: extern "C" fn(i32) -> i32 = unsafe { std::mem::transmute(cb.code_ptr()) };
    assert_eq!(f(1), 0);
}

/// Compile `src` into a shared library in a fresh temporary directory.
pub fn build_so(tag: &str, src: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("minipy-ffi-{}-{}", tag, std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let c = dir.join(format!("{}.c", tag));
    std::fs::write(&c, src).unwrap();
    let so = dir.join(format!("lib{}.so", tag));
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let out = std::process::Command::new(cc)
        .args(["-shared", "-fPIC", "-O1", "-o"])
        .arg(&so)
        .arg(&c)
        .output()
        .expect("cc");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    so
}

const TESTLIB_C: &str = r#"
#include <string.h>
typedef struct { int quot; int rem; } mydiv_t;
struct point { double x, y; };
struct mixed { char c; int i; short s[3]; long long l; };
struct big { long a[8]; };
mydiv_t my_div(int a, int b) { mydiv_t r = { a / b, a % b }; return r; }
struct point mid(struct point a, struct point b) { struct point r = { (a.x + b.x) / 2, (a.y + b.y) / 2 }; return r; }
long mixed_sum(struct mixed m) { return m.c + m.i + m.s[0] + m.s[1] + m.s[2] + m.l; }
struct big make_big(long k) { struct big b; for (int i = 0; i < 8; i++) b.a[i] = k * i; return b; }
unsigned char ret_uchar(int x) { return (unsigned char)x; }
signed char ret_schar(int x) { return (signed char)x; }
float halve(float f) { return f / 2; }
long double ld_add(long double a, long double b) { return a + b; }
_Bool is_odd(int x) { return x & 1; }

static int (*stored)(void *, int);
static void *stored_ud;
void store_callback(int (*cb)(void *, int), void *ud) { stored = cb; stored_ud = ud; }
int fire(int v) { return stored(stored_ud, v) + 1; }
int apply_twice(int (*f)(int), int x) { return f(f(x)); }
struct point call_point_cb(struct point (*f)(struct point)) { struct point p = { 1.5, -2.0 }; return f(p); }
int global_counter = 41;
"#;

const TESTLIB_CDEF: &str = "
typedef struct { int quot; int rem; } mydiv_t;
struct point { double x, y; };
struct mixed { char c; int i; short s[3]; long long l; };
struct big { long a[8]; };
mydiv_t my_div(int a, int b);
struct point mid(struct point a, struct point b);
long mixed_sum(struct mixed m);
struct big make_big(long k);
unsigned char ret_uchar(int x);
signed char ret_schar(int x);
float halve(float f);
long double ld_add(long double a, long double b);
_Bool is_odd(int x);
void store_callback(int (*cb)(void *, int), void *ud);
int fire(int v);
int apply_twice(int (*f)(int), int x);
struct point call_point_cb(struct point (*f)(struct point));
extern int global_counter;
";

#[test]
fn own_c_library() {
    let so = build_so("testlib", TESTLIB_C);
    let mut d = decls(TESTLIB_CDEF);
    let lib = Library::open_cffi(Some(so.to_str().unwrap()), 0).unwrap();
    // small-int and float results
    assert_eq!(
        call_scalar(&d, &lib, "ret_uchar", &[Scalar::Int(300)]),
        Scalar::Int(44)
    );
    assert_eq!(
        call_scalar(&d, &lib, "ret_schar", &[Scalar::Int(255)]),
        Scalar::Int(-1)
    );
    assert_eq!(
        call_scalar(&d, &lib, "halve", &[Scalar::Float(3.0)]),
        Scalar::Float(1.5)
    );
    assert_eq!(
        call_scalar(&d, &lib, "is_odd", &[Scalar::Int(3)]),
        Scalar::Int(1)
    );
    assert_eq!(
        call_scalar(&d, &lib, "is_odd", &[Scalar::Int(4)]),
        Scalar::Int(0)
    );
    #[cfg(target_arch = "x86_64")]
    assert_eq!(
        call_scalar(
            &d,
            &lib,
            "ld_add",
            &[Scalar::Float(1.25), Scalar::Float(2.5)]
        ),
        Scalar::Float(3.75)
    );
    let g = lib.symbol("global_counter").unwrap();
    let int = d.types.int();
    assert_eq!(
        // SAFETY: global_counter is an int global of the loaded C library.
        unsafe { load(&d.types, int, g as *const u8) }.unwrap(),
        Scalar::Int(41)
    );

    // struct returned by value
    let f = func_type(&d, "my_div");
    let cif = CallInterface::new(&d.types, f).unwrap();
    let (mut a, mut b) = (17i32, 5i32);
    let mut ret = Ret([0; 64]);
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(
            lib.symbol("my_div").unwrap(),
            &[
                &mut a as *mut _ as *mut c_void,
                &mut b as *mut _ as *mut c_void,
            ],
            ret.0.as_mut_ptr() as *mut c_void,
        )
    };
    let div_t = ty(&mut d, "mydiv_t");
    let quot = d.types.field(div_t, "quot").unwrap().offset;
    let rem = d.types.field(div_t, "rem").unwrap().offset;
    // SAFETY: ret holds a div_t returned by the call; quot and rem are its field offsets.
    unsafe {
        assert_eq!(
            load(&d.types, int, ret.0.as_ptr().add(quot)).unwrap(),
            Scalar::Int(3)
        );
        assert_eq!(
            load(&d.types, int, ret.0.as_ptr().add(rem)).unwrap(),
            Scalar::Int(2)
        );
    }

    // structs by value as arguments (two doubles: SSE class) and mixed with an array field
    let f = func_type(&d, "mid");
    let cif = CallInterface::new(&d.types, f).unwrap();
    let mut p1 = [1.0f64, 2.0];
    let mut p2 = [3.0f64, 6.0];
    let mut ret = Ret([0; 64]);
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(
            lib.symbol("mid").unwrap(),
            &[
                p1.as_mut_ptr() as *mut c_void,
                p2.as_mut_ptr() as *mut c_void,
            ],
            ret.0.as_mut_ptr() as *mut c_void,
        );
        let r = std::slice::from_raw_parts(ret.0.as_ptr() as *const f64, 2);
        assert_eq!(r, &[2.0, 4.0]);
    }
    let mixed = ty(&mut d, "struct mixed");
    assert_eq!(d.types.size_of(mixed), Some(24));
    let mut m = [0u8; 24];
    let fl = |n: &str| d.types.field(mixed, n).unwrap().offset;
    // SAFETY: m is 24 bytes, the size of struct mixed, and each access is at a field's offset with the
    // field's type.
    unsafe {
        let char_t = ty(&mut d.clone(), "char");
        store(
            &d.types,
            char_t,
            m.as_mut_ptr().add(fl("c")),
            Scalar::Int(1),
        )
        .unwrap();
        *(m.as_mut_ptr().add(fl("i")) as *mut i32) = 10;
        let s = m.as_mut_ptr().add(fl("s")) as *mut i16;
        *s = 100;
        *s.add(1) = 1000;
        *s.add(2) = 10000;
        *(m.as_mut_ptr().add(fl("l")) as *mut i64) = 1 << 40;
    }
    assert_eq!(
        call_struct_arg(&d, &lib, "mixed_sum", m.as_mut_ptr()),
        Scalar::Int(1 + 10 + 100 + 1000 + 10000 + (1i128 << 40))
    );
    // big struct returned through memory
    let f = func_type(&d, "make_big");
    let cif = CallInterface::new(&d.types, f).unwrap();
    assert_eq!(cif.ret_buffer_size(), 64);
    let mut k = 3i64;
    let mut ret = Ret([0; 64]);
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(
            lib.symbol("make_big").unwrap(),
            &[&mut k as *mut _ as *mut c_void],
            ret.0.as_mut_ptr() as *mut c_void,
        );
        let r = std::slice::from_raw_parts(ret.0.as_ptr() as *const i64, 8);
        assert_eq!(r, &[0, 3, 6, 9, 12, 15, 18, 21]);
    }
}

fn call_struct_arg(d: &crate::cdef::Declarations, lib: &Library, name: &str, p: *mut u8) -> Scalar {
    let f = func_type(d, name);
    let cif = CallInterface::new(&d.types, f).unwrap();
    let mut ret = Ret([0; 64]);
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(
            lib.symbol(name).unwrap(),
            &[p as *mut c_void],
            ret.0.as_mut_ptr() as *mut c_void,
        );
        load(&d.types, cif.result(), ret.0.as_ptr()).unwrap()
    }
}

#[test]
fn callbacks_stored_in_c_and_struct_callbacks() {
    let so = build_so("cblib", TESTLIB_C);
    let mut d = decls(TESTLIB_CDEF);
    let lib = Library::open(Some(so.to_str().unwrap()), 0).unwrap();
    // C stores the callback with a user-data word and calls it later
    let cbt = d.parse_callback_type("int(void *, int)").unwrap();
    let cb = Callback::new(
        &d.types,
        cbt,
        // SAFETY: libffi passes one pointer per declared argument type and a result buffer of the declared
        // result type (the Callback contract).
        Box::new(|args: &[*const c_void], ret: *mut c_void| unsafe {
            let ud = *(args[0] as *const usize);
            let v = *(args[1] as *const i32);
            *(ret as *mut i32) = v * 10 + ud as i32;
        }),
    )
    .unwrap();
    let f = func_type(&d, "store_callback");
    let cif = CallInterface::new(&d.types, f).unwrap();
    let mut code = cb.code_ptr() as usize;
    let mut ud = 7usize;
    let mut ret = Ret([0; 64]);
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(
            lib.symbol("store_callback").unwrap(),
            &[
                &mut code as *mut _ as *mut c_void,
                &mut ud as *mut _ as *mut c_void,
            ],
            ret.0.as_mut_ptr() as *mut c_void,
        )
    };
    for v in [1, 2, 3] {
        assert_eq!(
            call_scalar(&d, &lib, "fire", &[Scalar::Int(v)]),
            Scalar::Int(v * 10 + 7 + 1)
        );
    }
    // a callback passed and called twice
    let t = d.parse_callback_type("int(int)").unwrap();
    let sq = Callback::new(
        &d.types,
        t,
        // SAFETY: libffi passes one pointer per declared argument type and a result buffer of the declared
        // result type (the Callback contract).
        Box::new(|a: &[*const c_void], r: *mut c_void| unsafe {
            let x = *(a[0] as *const i32);
            *(r as *mut i32) = x * x;
        }),
    )
    .unwrap();
    assert_eq!(
        call_scalar(
            &d,
            &lib,
            "apply_twice",
            &[Scalar::Pointer(sq.code_ptr() as usize), Scalar::Int(3)]
        ),
        Scalar::Int(81)
    );
    // a callback taking and returning a struct by value
    let t = d.parse_callback_type("struct point(struct point)").unwrap();
    let swap = Callback::new(
        &d.types,
        t,
        // SAFETY: libffi passes one pointer per declared argument type and a result buffer of the declared
        // result type (the Callback contract); struct point is two doubles.
        Box::new(|a: &[*const c_void], r: *mut c_void| unsafe {
            let p = a[0] as *const f64;
            let o = r as *mut f64;
            *o = *p.add(1);
            *o.add(1) = *p;
        }),
    )
    .unwrap();
    let f = func_type(&d, "call_point_cb");
    let cif = CallInterface::new(&d.types, f).unwrap();
    let mut code = swap.code_ptr() as usize;
    let mut ret = Ret([0; 64]);
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(
            lib.symbol("call_point_cb").unwrap(),
            &[&mut code as *mut _ as *mut c_void],
            ret.0.as_mut_ptr() as *mut c_void,
        );
        let r = std::slice::from_raw_parts(ret.0.as_ptr() as *const f64, 2);
        assert_eq!(r, &[-2.0, 1.5]);
    }
    let _ = ty(&mut d, "int");
}

#[test]
fn by_value_restrictions() {
    let mut d = decls(
        "union u { int a; float b; }; struct bits { int a:3; }; struct anon { union { int x; }; };
         union u fu(void); int fb(struct bits); int fa(struct anon);",
    );
    for (name, needle) in [
        ("fu", "It is a union"),
        ("fb", "bit fields"),
        ("fa", "anonymous"),
    ] {
        let f = func_type(&d, name);
        let e = CallInterface::new(&d.types, f).err().unwrap();
        assert_eq!(e.kind, crate::error::ErrorKind::NotImplemented);
        assert!(e.message.contains(needle), "{}", e.message);
    }
    let mut p = crate::cdef::Declarations::new();
    p.cdef(
        "struct pk { char a; int b; }; int fp(struct pk);",
        &crate::cdef::CdefOptions {
            packed: true,
            ..Default::default()
        },
    )
    .unwrap();
    let f = func_type(&p, "fp");
    assert!(CallInterface::new(&p.types, f)
        .err()
        .unwrap()
        .message
        .contains("'packed'"));
    let _ = ty(&mut d, "int");
}
