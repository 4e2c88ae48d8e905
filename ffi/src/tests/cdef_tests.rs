//! cdef parsing, type naming and CFFI-compatible errors (expected values observed on
//! CPython 3.11 + cffi 2.0).

use super::{decls, tname, ty};
use crate::cdef::{CdefOptions, Decl, Declarations};
use crate::error::ErrorKind;

const SRC: &str = "
typedef ... *foo_p;
typedef ... Opaque;
typedef struct { int quot, rem; } mydiv_t;
struct s { union { int a; float b; }; struct { int c, d; } named; };
typedef int fn_t(int);
enum e { A = 1 << 2, B = A + 1, C = -B };
enum f { X, Y };
struct bf { unsigned ready:1; int delta:4; int :0; char z; };
int (*table[3])(int);
typedef int (*cmp_t)(const void *, const void *);
#define FOO 0x1F
#define BAR -5
#define BAZ 010
";

#[test]
fn type_names_like_cffi() {
    let mut d = decls(SRC);
    let cases = [
        ("foo_p", "struct $$foo_p *"),
        ("Opaque *", "Opaque *"),
        ("mydiv_t", "mydiv_t"),
        ("struct s", "struct s"),
        ("fn_t *", "int(*)(int)"),
        ("enum e", "enum e"),
        ("FILE *", "FILE *"),
        ("int(**)(int)", "int(* *)(int)"),
        ("int(*[3])(int)", "int(*[3])(int)"),
        ("int(*)[5]", "int(*)[5]"),
        ("char *(*)(int)", "char *(*)(int)"),
        ("cmp_t", "int(*)(void *, void *)"),
        ("void(*)(void)", "void(*)()"),
        ("int[2][3]", "int[2][3]"),
        ("int *[5]", "int *[5]"),
        ("wchar_t", "wchar_t"),
        ("bool", "_Bool"),
        ("int_fast16_t", "int_fast16_t"),
        ("size_t", "size_t"),
        ("long double", "long double"),
        ("unsigned", "unsigned int"),
        ("short int", "short"),
        ("long long unsigned int", "unsigned long long"),
        ("signed", "int"),
        ("char16_t", "char16_t"),
        (
            "void *(*)(void *(*)(int), ...)",
            "void *(*)(void *(*)(int), ...)",
        ),
        ("char[]", "char[]"),
        ("int *  const*", "int * *"),
        ("const char *", "char *"),
        ("char **", "char * *"),
        ("struct nothere *", "struct nothere *"),
        ("union u2", "union u2"),
        ("int x", "int"),
        ("unsigned foo", "unsigned int"),
        ("int(*)(int[3])", "int(*)(int *)"),
    ];
    for (src, want) in cases {
        assert_eq!(tname(&mut d, src), want, "typeof({:?})", src);
    }
    // anonymous members are numbered in order: the union is $1, the struct $2
    let s = ty(&mut d, "struct s");
    let named = d.types.field(s, "named").unwrap().ty;
    assert_eq!(d.types.name(named), "struct $2");
}

#[test]
fn interning() {
    let mut d = decls(SRC);
    assert_eq!(ty(&mut d, "int*"), ty(&mut d, "int *"));
    assert_eq!(ty(&mut d, "fn_t *"), ty(&mut d, "int(*)(int)"));
    assert_eq!(ty(&mut d, "size_t"), ty(&mut d, "size_t"));
    assert_ne!(ty(&mut d, "size_t"), ty(&mut d, "unsigned long"));
    assert_eq!(ty(&mut d, "mydiv_t *"), {
        let t = ty(&mut d, "mydiv_t");
        d.types.pointer(t)
    });
    assert_eq!(
        d.parse_callback_type("fn_t").unwrap(),
        ty(&mut d, "int(*)(int)")
    );
    assert_eq!(
        d.parse_callback_type("int(int)").unwrap(),
        ty(&mut d, "int(*)(int)")
    );
}

#[test]
fn type_string_errors() {
    let mut d = decls(SRC);
    assert_eq!(
        tname(&mut d, "fn_t"),
        "CDef: the type 'fn_t' is a function type, not a pointer-to-function type"
    );
    assert_eq!(
        tname(&mut d, "int(int)"),
        "CDef: the type 'int(int)' is a function type, not a pointer-to-function type"
    );
    assert_eq!(tname(&mut d, "foo_t"), "CDef: unknown identifier 'foo_t'");
    assert_eq!(tname(&mut d, "foo bar"), "CDef: unknown identifier 'foo'");
    assert_eq!(
        tname(&mut d, "int["),
        "CDef: cannot parse \");\"\n<cdef source string>:3:1: before: )"
    );
    assert_eq!(
        tname(&mut d, "int(*)(...)"),
        "CDef: in expression: a function with only '(...)' as argument is not correct C"
    );
    assert_eq!(
        tname(&mut d, "int[3][]"),
        "Value: array item of unknown size: 'int[]'"
    );
}

#[test]
fn enums_and_constants() {
    let mut d = decls(SRC);
    assert_eq!(d.integer_const("A"), Some(4));
    assert_eq!(d.integer_const("B"), Some(5));
    assert_eq!(d.integer_const("C"), Some(-5));
    assert_eq!(d.integer_const("X"), Some(0));
    assert_eq!(d.integer_const("Y"), Some(1));
    assert_eq!(d.integer_const("FOO"), Some(31));
    assert_eq!(d.integer_const("BAR"), Some(-5));
    assert_eq!(d.integer_const("BAZ"), Some(8));
    let e = ty(&mut d, "enum e");
    assert_eq!(d.types.size_of(e), Some(4));
    assert_eq!(
        d.types.name(d.types.enum_info(e).unwrap().base.unwrap()),
        "int"
    );
    assert_eq!(d.types.enum_name_of(e, 5), Some("B"));
    let f = ty(&mut d, "enum f");
    assert_eq!(
        d.types.name(d.types.enum_info(f).unwrap().base.unwrap()),
        "unsigned int"
    );
    d.cdef(
        "enum big { BIG = 0x100000000 }; enum neg {NN=-1, PP=0xffffffff}; enum {Q=1, R=Q<<2};",
        &CdefOptions::default(),
    )
    .unwrap();
    let big = ty(&mut d, "enum big");
    assert_eq!(
        d.types.name(d.types.enum_info(big).unwrap().base.unwrap()),
        "unsigned long"
    );
    let neg = ty(&mut d, "enum neg");
    assert_eq!(d.types.size_of(neg), Some(8));
    assert_eq!(d.integer_const("R"), Some(4));
}

#[test]
fn bitfields_layout_like_cffi() {
    let mut d = decls(SRC);
    let bf = ty(&mut d, "struct bf");
    let f: Vec<_> = d
        .types
        .fields(bf)
        .unwrap()
        .iter()
        .map(|f| (f.name.clone(), f.offset, f.bitshift, f.bitsize))
        .collect();
    assert_eq!(
        f,
        vec![
            ("ready".to_string(), 0, 0, 1),
            ("delta".to_string(), 0, 1, 4),
            ("z".to_string(), 4, -1, -1)
        ]
    );
    assert_eq!(d.types.size_of(bf), Some(8));
}

#[test]
fn packed_structs() {
    let mut d = Declarations::new();
    let opts = CdefOptions {
        packed: true,
        ..Default::default()
    };
    d.cdef(
        "struct pk { char a; int b; }; struct pb {char a; int b:3; char c; int d:31;};",
        &opts,
    )
    .unwrap();
    let pk = ty(&mut d, "struct pk");
    assert_eq!(d.types.size_of(pk), Some(5));
    assert_eq!(d.types.field(pk, "b").unwrap().offset, 1);
    assert_eq!(d.types.align_of(pk), Some(1));
    let pb = ty(&mut d, "struct pb");
    assert_eq!(d.types.size_of(pb), Some(7));
    let f: Vec<_> = d
        .types
        .fields(pb)
        .unwrap()
        .iter()
        .map(|f| (f.offset, f.bitshift, f.bitsize))
        .collect();
    assert_eq!(f, vec![(0, -1, -1), (1, 0, 3), (2, -1, -1), (3, 0, 31)]);
    let mut d = Declarations::new();
    let opts = CdefOptions {
        pack: Some(2),
        ..Default::default()
    };
    d.cdef("struct pk { char a; int b; long c; };", &opts)
        .unwrap();
    let pk = ty(&mut d, "struct pk");
    assert_eq!(d.types.size_of(pk), Some(14));
    assert_eq!(d.types.field(pk, "c").unwrap().offset, 6);
    assert_eq!(d.types.align_of(pk), Some(2));
}

#[test]
fn forward_references_and_incomplete() {
    let mut d = decls("struct a { struct b x; }; struct b { int y; };");
    let a = ty(&mut d, "struct a");
    assert_eq!(d.types.size_of(a), Some(4));
    d.cdef("struct c { struct d x; };", &CdefOptions::default())
        .unwrap();
    let c = ty(&mut d, "struct c");
    let e = d.types.require_size(c).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Type);
    assert_eq!(
        e.message,
        "field 'struct c.x' has ctype 'struct d' of unknown size"
    );
    d.cdef(
        "typedef struct { int a; ...; } part_t; struct q { int a; ...; }; enum pe { PA, PB, ... };",
        &CdefOptions::default(),
    )
    .unwrap();
    for (t, msg) in [
        ("part_t", "part_t"),
        ("struct q", "struct q"),
        ("enum pe", "enum pe"),
    ] {
        let id = ty(&mut d, t);
        let e = d.types.check_usable(id).unwrap_err();
        assert_eq!(
            (e.kind, e.message.as_str()),
            (ErrorKind::VerificationMissing, msg)
        );
    }
    let (tds, structs, unions) = d.list_types();
    assert_eq!(tds, vec!["part_t"]);
    assert_eq!(structs, vec!["a", "b", "c", "d", "q"]);
    assert!(unions.is_empty());
    let nothere = ty(&mut d, "struct nothere");
    assert_eq!(
        d.types.require_size(nothere).unwrap_err().message,
        "ctype 'struct nothere' is of unknown size"
    );
}

#[test]
fn unknown_int_typedef() {
    let mut d = decls("typedef int... u_t;\nu_t *p;\ntypedef float... real_t;");
    let u = ty(&mut d, "u_t");
    let e = d.types.check_usable(u).unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotImplemented);
    assert_eq!(
        e.message,
        "integer type 'u_t' can only be used after compilation"
    );
    assert!(matches!(d.lookup("p"), Some(Decl::Variable { .. })));
    let r = ty(&mut d, "real_t");
    assert_eq!(
        d.types.check_usable(r).unwrap_err().message,
        "float type 'real_t' can only be used after compilation"
    );
}

fn cdef_err(src: &str) -> (ErrorKind, String) {
    let mut d = Declarations::new();
    let e = d.cdef(src, &CdefOptions::default()).unwrap_err();
    (e.kind, e.message)
}

#[test]
fn cdef_errors() {
    assert_eq!(
        cdef_err("int x;\n\n  int f(;"),
        (
            ErrorKind::CDef,
            "cannot parse \"int f(;\"\n<cdef source string>:3:9: before: ;".into()
        )
    );
    assert_eq!(
        cdef_err("#include <stdio.h>"),
        (ErrorKind::CDef, "cannot parse \"#include <stdio.h>\"\n<cdef source string>:1:1: Directives not supported yet".into())
    );
    assert_eq!(
        cdef_err("#define X (1<<3)").1,
        "only supports one of the following syntax:\n  #define X ...     (literally dot-dot-dot)\n  #define X NUMBER  (with NUMBER an integer constant, decimal/hex/octal)\ngot:\n  #define X (1<<3)"
    );
    assert_eq!(
        cdef_err("struct s { int a; };\nstruct s { int a; };"),
        (
            ErrorKind::CDef,
            "<cdef source string>:2: duplicate declaration of struct s".into()
        )
    );
    assert_eq!(
        cdef_err("int f(int, ...);\nint g(...);"),
        (
            ErrorKind::CDef,
            "<cdef source string>:2: g: a function with only '(...)' as argument is not correct C"
                .into()
        )
    );
    assert_eq!(cdef_err("__int128 x;").0, ErrorKind::Ffi);
    assert_eq!(
        cdef_err("int abs(int);\nlong abs(int);"),
        (ErrorKind::Ffi, "multiple declarations of function abs (for interactive usage, try cdef(xx, override=True))".into())
    );
    assert_eq!(
        cdef_err("enum q { Z = W };"),
        (
            ErrorKind::Ffi,
            ":1: unsupported expression: expected a simple numeric constant".into()
        )
    );
    assert_eq!(
        cdef_err("struct bad { int a }"),
        (
            ErrorKind::CDef,
            "cannot parse \"struct bad { int a }\"\n<cdef source string>:1:20: before: }".into()
        )
    );
    assert_eq!(
        cdef_err("int f(int x) { return 1; }"),
        (ErrorKind::CDef, "<cdef source string>:1: unexpected <FuncDef>: this construct is valid C but not valid in cdef()".into())
    );
    let (k, m) = cdef_err("int x;\nfoo_t y;");
    assert_eq!(k, ErrorKind::CDef);
    assert!(
        m.starts_with("cannot parse \"foo_t y;\"\n<cdef source string>:2:1:"),
        "{}",
        m
    );
    // line numbers survive comments and macros
    let (_, m) = cdef_err("/* a\n b */\n#define X 1\nint y\n");
    assert!(
        m.contains("<cdef source string>:4:") || m.contains(":5:"),
        "{}",
        m
    );
}

#[test]
fn redeclaration_rules() {
    let mut d = decls("int abs(int);");
    d.cdef("int abs(int);", &CdefOptions::default()).unwrap();
    d.cdef(
        "long abs(long);",
        &CdefOptions {
            override_: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(tname(&mut d, "long"), "long");
    let e = d
        .cdef("#define FOO 1\n#define FOO 2", &CdefOptions::default())
        .unwrap_err();
    assert_eq!(e.message, "multiple declarations of constant: FOO");
}

#[test]
fn realistic_headers() {
    let mut d = decls(
        r#"
        typedef unsigned int uid_t;   // from sys/types.h
        typedef unsigned int gid_t;
        struct passwd {
            char   *pw_name;       /* username */
            char   *pw_passwd;     /* user password */
            uid_t   pw_uid;        /* user ID */
            gid_t   pw_gid;        /* group ID */
            char   *pw_gecos;      /* user information */
            char   *pw_dir;        /* home directory */
            char   *pw_shell;      /* shell program */
        };
        struct passwd *getpwnam(const char *name);
        void qsort(void *base, size_t nmemb, size_t size,
                   int (*compar)(const void *, const void *));
        int printf(const char *format, ...);
        int snprintf(char *str, size_t size, const char *format, ...);
        size_t strlen(const char *), abs(int);
        extern char **environ;
        extern int optind;
        static const int SCONST = 5;
        static const int SUNKNOWN;
        int *const CPTR;
        const char *not_const_ptr;
        typedef struct { int quot; int rem; } div_t;
        div_t div(int numerator, int denominator);
        int (*signal_handler)(int);
        extern "Python" int py_cb(int, void *);
    "#,
    );
    let pw = ty(&mut d, "struct passwd");
    assert_eq!(d.types.size_of(pw), Some(48));
    assert_eq!(d.types.field(pw, "pw_uid").unwrap().offset, 16);
    assert_eq!(d.types.field(pw, "pw_shell").unwrap().offset, 40);
    let get = match d.lookup("getpwnam") {
        Some(Decl::Function { ty, .. }) => *ty,
        other => panic!("{:?}", other),
    };
    assert_eq!(d.types.name(get), "struct passwd *(*)(char *)");
    let q = match d.lookup("qsort") {
        Some(Decl::Function { ty, .. }) => *ty,
        _ => panic!(),
    };
    assert_eq!(
        d.types.name(q),
        "void(*)(void *, size_t, size_t, int(*)(void *, void *))"
    );
    let p = match d.lookup("printf") {
        Some(Decl::Function { ty, .. }) => *ty,
        _ => panic!(),
    };
    assert_eq!(d.types.name(p), "int(*)(char *, ...)");
    assert!(d.types.func(p).unwrap().variadic);
    assert!(matches!(d.lookup("abs"), Some(Decl::Function { .. })));
    assert!(matches!(d.lookup("environ"), Some(Decl::Variable { .. })));
    assert_eq!(d.integer_const("SCONST"), Some(5));
    assert!(matches!(
        d.lookup("SUNKNOWN"),
        Some(Decl::FromCompiler { ty: Some(_) })
    ));
    assert!(matches!(
        d.lookup("CPTR"),
        Some(Decl::FromCompiler { ty: Some(_) })
    ));
    assert!(matches!(
        d.lookup("not_const_ptr"),
        Some(Decl::Variable { .. })
    ));
    assert!(matches!(
        d.lookup("signal_handler"),
        Some(Decl::Variable { .. })
    ));
    assert!(matches!(
        d.lookup("py_cb"),
        Some(Decl::Function {
            extern_python: true,
            ..
        })
    ));
    let dv = ty(&mut d, "div_t");
    assert_eq!(d.types.name(dv), "div_t");
    assert_eq!(d.types.size_of(dv), Some(8));
}

#[test]
fn var_sized_and_arrays_in_structs() {
    let mut d = decls(
        "struct v { int n; int data[]; };
         struct arr { char name[16]; double d[2][3]; struct v *next; };
         struct fp { int (*cb)(int); int (*tbl[2])(void); };
         struct api { int x; char buf[...]; };
         union U { char c; double d; int a[3]; };",
    );
    let v = ty(&mut d, "struct v");
    assert_eq!(d.types.size_of(v), Some(4));
    assert!(
        d.types
            .struct_type(v)
            .unwrap()
            .layout
            .as_ref()
            .unwrap()
            .var_sized
    );
    let a = ty(&mut d, "struct arr");
    assert_eq!(d.types.size_of(a), Some(16 + 48 + 8));
    assert_eq!(tname(&mut d, "struct arr"), "struct arr");
    let fp = ty(&mut d, "struct fp");
    assert_eq!(
        d.types.name(d.types.field(fp, "tbl").unwrap().ty),
        "int(*[2])()"
    );
    let api = ty(&mut d, "struct api");
    assert!(d.types.struct_type(api).unwrap().partial);
    let u = ty(&mut d, "union U");
    assert_eq!(d.types.size_of(u), Some(16));
    assert_eq!(d.types.kind_name(u), "union");
}

#[test]
fn getctype() {
    let mut d = Declarations::new();
    let t = ty(&mut d, "char[80]");
    assert_eq!(d.types.getctype(t, "a"), "char a[80]");
    let t = ty(&mut d, "int[5]");
    assert_eq!(d.types.getctype(t, "*p"), "int(*p)[5]");
    let t = ty(&mut d, "int(*)(int)");
    assert_eq!(d.types.getctype(t, "f"), "int(* f)(int)");
    let t = ty(&mut d, "int *");
    assert_eq!(d.types.getctype(t, ""), "int *");
}

#[test]
fn no_panics_on_truncated_or_garbled_sources() {
    let src = "typedef struct { int a:3; union { char c; } ; } t; enum e { A = 1 << 2, B, ... };
        int (*fp[2])(int, ...); struct s { struct s *next; char n[...]; ...; };
        #define X 0x10\n static const long Y = -3; typedef int... u; extern \"Python\" int cb(void *);";
    for end in 0..=src.len() {
        if !src.is_char_boundary(end) {
            continue;
        }
        let mut d = Declarations::new();
        let _ = d.cdef(&src[..end], &CdefOptions::default());
        let mut d = Declarations::new();
        let _ = d.cdef(&src[end..], &CdefOptions::default());
    }
    let mut d = Declarations::new();
    for s in [
        "",
        "(",
        ")",
        "[",
        "int[",
        "int(*",
        "int(*)(",
        "struct",
        "enum {",
        "int[-1]",
        "char[99999999999999999999999]",
        "int:3",
        "...",
        "int[1<<200]",
        "int[3/0]",
        "char[4611686018427387904][4]",
    ] {
        let _ = d.parse_type(s);
        let _ = d.parse_callback_type(s);
        if let Ok(t) = d.parse_type(s) {
            let _ = d.types.size_of(t);
        }
    }
}
