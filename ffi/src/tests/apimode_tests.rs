//! API mode: the compiler answers `...` questions (the talk's getpwnam example and more).

use super::{decls, tname, ty};
use crate::apimode::{compile, generate_c, load, questions, wrapper_symbol, SourceConfig};
use crate::call::CallInterface;
use crate::cdef::Decl;
use crate::convert::{load as load_scalar, Scalar};
use crate::error::ErrorKind;
use std::ffi::{c_void, CString};

fn tmpdir(tag: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("minipy-ffi-api-{}-{}", tag, std::process::id()))
}

#[test]
fn pwuid_example() {
    let mut d = decls(
        "
        typedef int... uid_t;
        struct passwd { uid_t pw_uid; char *pw_name; ...; };
        struct passwd *getpwnam(const char *);
        #define SHIFTED ...
        static const int ANSWER;
        enum color { RED, GREEN = ..., BLUE, ... };
        struct holder { int n; char buf[...]; ...; };
        int twice(int);
        extern int counter;
    ",
    );
    assert_eq!(questions(&d).len(), 1 + 2 + 4);
    let cfg = SourceConfig {
        module_name: "_pwuid_cffi".into(),
        c_source: "#include <sys/types.h>\n#include <pwd.h>\n#define SHIFTED (1LL << 40)\nstatic const int ANSWER = 42;\n\
                   enum color { RED, GREEN = 10, BLUE };\nstruct holder { long pad; int n; char buf[24]; };\n\
                   #define twice(x) ((x) * 2)\nint counter = 5;\n"
            .into(),
        ..Default::default()
    };
    assert!(generate_c(&d, &cfg).contains("_cffi_d_getpwnam"));
    let so = compile(&d, &cfg, &tmpdir("pw"), false).unwrap();
    let lib = load(&mut d, &so).unwrap();
    let uid = ty(&mut d, "uid_t");
    assert_eq!(d.types.name(uid), "uint32_t");
    let pw = ty(&mut d, "struct passwd");
    d.types.check_usable(pw).unwrap();
    assert_eq!(
        d.types.size_of(pw),
        Some(std::mem::size_of::<libc::passwd>())
    );
    assert_eq!(d.types.field(pw, "pw_uid").unwrap().offset, 16);
    assert_eq!(d.integer_const("SHIFTED"), Some(1 << 40));
    assert_eq!(d.integer_const("ANSWER"), Some(42));
    assert_eq!(d.integer_const("GREEN"), Some(10));
    assert_eq!(d.integer_const("BLUE"), Some(11));
    let color = ty(&mut d, "enum color");
    d.types.check_usable(color).unwrap();
    let holder = ty(&mut d, "struct holder");
    assert_eq!(d.types.size_of(holder), Some(40));
    assert_eq!(
        d.types.name(d.types.field(holder, "buf").unwrap().ty),
        "char[24]"
    );
    assert_eq!(d.types.field(holder, "n").unwrap().offset, 8);

    // getpwnam("root")->pw_uid == 0, through the generated wrapper
    let f = match d.lookup("getpwnam") {
        Some(Decl::Function { ty, .. }) => *ty,
        _ => panic!(),
    };
    let cif = CallInterface::new(&d.types, f).unwrap();
    let root = CString::new("root").unwrap();
    let mut a = root.as_ptr() as usize;
    let mut ret = [0u64; 2];
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(
            lib.symbol(&wrapper_symbol("getpwnam")).unwrap(),
            &[&mut a as *mut _ as *mut c_void],
            ret.as_mut_ptr() as *mut c_void,
        );
        let p = ret[0] as *const u8;
        assert!(!p.is_null());
        let off = d.types.field(pw, "pw_uid").unwrap().offset;
        assert_eq!(
            load_scalar(&d.types, uid, p.add(off)).unwrap(),
            Scalar::Int(0)
        );
    }
    // a macro called as a function
    let f = match d.lookup("twice") {
        Some(Decl::Function { ty, .. }) => *ty,
        _ => panic!(),
    };
    let cif = CallInterface::new(&d.types, f).unwrap();
    let mut x = 21i32;
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(
            lib.symbol("_cffi_d_twice").unwrap(),
            &[&mut x as *mut _ as *mut c_void],
            ret.as_mut_ptr() as *mut c_void,
        );
    }
    assert_eq!(ret[0] as i32, 42);
    let get: extern "C" fn() -> *const i32 =
        // SAFETY: the symbol is the generated accessor of the global, a C function of no arguments
        // returning its address.
        unsafe { std::mem::transmute(lib.symbol("_cffi_var_counter").unwrap()) };
    // SAFETY: the accessor returns the address of an int global of the loaded library, which stays loaded.
    assert_eq!(unsafe { *get() }, 5);
}

#[test]
fn compiler_errors_are_verification_errors() {
    let d = decls("#define BAR ...\n");
    let cfg = SourceConfig {
        module_name: "_bad".into(),
        c_source: "/* BAR is not defined */\n".into(),
        ..Default::default()
    };
    let e = compile(&d, &cfg, &tmpdir("bad"), false).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Verification);
    assert!(e.message.contains("BAR"), "{}", e.message);
}

#[test]
fn open_module_resolves_int_dots_everywhere() {
    let mut d = decls(
        "
        typedef int... uid_t;
        typedef int... small_t;
        struct passwd { uid_t pw_uid; ...; };
        struct passwd *getpwnam(const char *);
        struct pair { small_t a; uid_t b; };
        uid_t echo_uid(uid_t);
        small_t *small_ptr(void);
        extern \"Python\" int cb(int);
        int call_cb(int);
    ",
    );
    let other = decls("typedef struct { int x, y; } point_t;\nint inc(int);\n");
    d.include(&other).unwrap();
    let cfg = SourceConfig {
        module_name: "_open_mod".into(),
        c_source: "#include <sys/types.h>\n#include <pwd.h>\ntypedef short small_t;\n\
                   typedef struct { int x, y; } point_t;\nstruct pair { small_t a; uid_t b; };\n\
                   static uid_t echo_uid(uid_t u) { return u + 1; }\n\
                   static small_t s = 7; static small_t *small_ptr(void) { return &s; }\n\
                   static int cb(int);\nstatic int call_cb(int x) { return cb(x) + 1; }\n"
            .into(),
        ..Default::default()
    };
    let so = compile(&d, &cfg, &tmpdir("open"), false).unwrap();
    assert!(so.to_string_lossy().ends_with("_open_mod.minipy.so"));
    assert!(crate::apimode::open_module(&so, "_other_name").is_err());
    let (mut m, lib) = crate::apimode::open_module(&so, "_open_mod").unwrap();
    assert_eq!(lib.name(), "_open_mod");
    assert!(m.included_names.contains("inc"));
    let f = match m.lookup("echo_uid") {
        Some(Decl::Function { ty, .. }) => *ty,
        _ => panic!(),
    };
    m.types.check_usable(f).unwrap();
    assert_eq!(m.types.name(f), "uint32_t(*)(uint32_t)");
    let pair = ty(&mut m, "struct pair");
    assert_eq!(m.types.size_of(pair), Some(8));
    assert_eq!(tname(&mut m, "small_t *"), "int16_t *");
    assert_eq!(tname(&mut m, "point_t"), "point_t");
    let cif = CallInterface::new(&m.types, f).unwrap();
    let mut a = 41u32;
    let mut ret = [0u64; 2];
    // SAFETY: the cif was built from the called function's C declaration, each argument pointer points to a
    // live local of the declared type, and the result buffer is large enough and aligned.
    unsafe {
        cif.call(
            lib.symbol("echo_uid").unwrap(),
            &[&mut a as *mut _ as *mut c_void],
            ret.as_mut_ptr() as *mut c_void,
        );
    }
    assert_eq!(ret[0] as u32, 42);
    // the extern "Python" slot exists and starts empty
    let slot = lib
        .symbol(&crate::apimode::extern_slot_symbol("cb"))
        .unwrap();
    // SAFETY: the symbol is the generated slot accessor, a C function of no arguments returning the slot's
    // address.
    let get: extern "C" fn() -> *mut *mut c_void = unsafe { std::mem::transmute(slot) };
    // SAFETY: the accessor returns the address of the callback slot, a pointer-sized global of the loaded
    // library.
    assert!(unsafe { (*get()).is_null() });
    // included names get no wrapper
    assert!(lib.raw_symbol("_cffi_d_inc").is_err());
}

#[test]
fn foreign_files_are_refused() {
    let dir = tmpdir("foreign");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("_junk.minipy.so");
    std::fs::write(&p, b"not an ELF file").unwrap();
    let Err(e) = crate::apimode::open_module(&p, "_junk") else {
        panic!("a junk file was loaded")
    };
    assert!(e.contains("_junk.minipy.so"), "{e}");
}

#[test]
fn metadata_round_trip() {
    use crate::apimode_meta::{decode, encode, ModuleMeta};
    use crate::cdef::CdefRecord;
    let m = ModuleMeta {
        module_name: "pkg._m".into(),
        cdefs: vec![
            CdefRecord {
                source: "int f(int);\n\ncdef 1 2 3\n".into(),
                packed: true,
                pack: Some(2),
                override_: false,
                included: true,
                dllexport: false,
            },
            CdefRecord {
                source: "int g(int);".into(),
                dllexport: true,
                ..Default::default()
            },
            CdefRecord::default(),
        ],
    };
    assert_eq!(decode(encode(&m).as_bytes()).unwrap(), m);
    assert!(decode(b"minipy-cffi-module 0\n").is_err());
    assert!(decode(b"minipy-cffi-module 1\nmodule x\ncdef 0 - 0 0 99\nabc\n").is_err());
}
