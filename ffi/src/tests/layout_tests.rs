//! Struct layouts compared with what the C compiler computes: a generated C program prints
//! sizeof/alignof/offsetof of every struct and field (and the bytes of each bitfield set to
//! all ones), and the output must match the TypeTable's layouts byte for byte.

use super::call_tests::build_so;
use crate::cdef::{CdefOptions, Declarations};
use crate::convert::write_bitfield_wrapping;
use std::fmt::Write;

const DECLS: &str = "
struct a1 { char c; int i; char d; };
struct a2 { char c; double d; short s; };
struct a3 { long double ld; char c; };
struct a4 { char name[13]; int *p; short tail; };
struct a5 { struct a1 inner; char c; struct a2 arr[2]; };
union  u1 { char c; double d; int a[3]; };
struct a6 { union { int x; float y; }; struct { char p, q; }; long z; };
struct bf1 { unsigned ready:1; int delta:4; int :0; char z; };
struct bf2 { char a; int b:7; int c:20; int d:10; short e:3; long long f:40; };
struct bf3 { unsigned char a:3, b:3, c:3; unsigned short d:9; };
struct bf4 { char a; int :3; char b; long long c:1; };
struct bf5 { short a:9; char b; int c:17; char d:2; };
struct bf6 { int a; char :0; char b; unsigned int c:31; unsigned int d:2; };
struct e1 { };
struct e2 { char c; struct e1 e; int i; };
struct v1 { int n; double data[]; };
struct n1 { int (*fp)(int); void *(*tbl[3])(void); _Bool flag; wchar_t w; char16_t c16; };
typedef struct { int quot, rem; } mydiv_t;
struct s64 { int8_t a; int64_t b; uint16_t c; size_t d; };
";

const PACKED: &str = "
struct p1 { char a; int b; short c; };
struct p2 { char a; double b[2]; struct { char x; int y; } in; };
struct p3 { char a; int b:3; char c; int d:31; };
";

fn all_structs(d: &mut Declarations, src: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in src.lines() {
        let line = line.trim();
        for kw in ["struct ", "union  ", "union "] {
            if let Some(r) = line.strip_prefix(kw) {
                let tag = r.split_whitespace().next().unwrap();
                if tag != "{" {
                    names.push(format!("{} {}", kw.trim(), tag));
                }
            }
        }
        if line.starts_with("typedef struct") {
            let n = line.trim_end_matches(';').rsplit(' ').next().unwrap();
            names.push(n.to_string());
        }
    }
    names.sort();
    names.dedup();
    let _ = d;
    names
}

/// Build the C program and our own expected output.
fn gen(d: &mut Declarations, names: &[String], prelude: &str, src: &str) -> (String, String) {
    let mut c = String::new();
    c.push_str("#include <stdio.h>\n#include <stddef.h>\n#include <stdint.h>\n#include <string.h>\n#include <wchar.h>\n#include <uchar.h>\n#include <stdbool.h>\n");
    c.push_str(prelude);
    c.push_str(src);
    c.push_str("\nint main(void) {\n");
    let mut want = String::new();
    for n in names {
        let t = d.parse_type(n).unwrap();
        let size = d.types.size_of(t).unwrap();
        let align = d.types.align_of(t).unwrap();
        writeln!(
            c,
            "  printf(\"{} %zu %zu\\n\", sizeof({}), _Alignof({}));",
            n, n, n
        )
        .unwrap();
        // empty structs: CFFI (like C++) gives size 1; GCC's C extension gives 0
        let size = if d.types.fields(t).unwrap().is_empty() {
            0
        } else {
            size
        };
        writeln!(want, "{} {} {}", n, size, align).unwrap();
        for f in d.types.fields(t).unwrap().to_vec() {
            if f.bitsize < 0 {
                writeln!(
                    c,
                    "  printf(\"  {} %zu\\n\", offsetof({}, {}));",
                    f.name, n, f.name
                )
                .unwrap();
                writeln!(want, "  {} {}", f.name, f.offset).unwrap();
            } else {
                writeln!(
                    c,
                    "  {{ {} s; memset(&s, 0, sizeof s); s.{} = -1; unsigned char *b = (unsigned char *)&s; printf(\"  {}\"); for (size_t i = 0; i < sizeof s; i++) printf(\" %02x\", b[i]); printf(\"\\n\"); }}",
                    n, f.name, f.name
                )
                .unwrap();
                let mut buf = vec![0u8; size];
                // SAFETY: buf has the size of the struct that holds the field.
                unsafe { write_bitfield_wrapping(buf.as_mut_ptr(), &f, -1) };
                write!(want, "  {}", f.name).unwrap();
                for b in &buf {
                    write!(want, " {:02x}", b).unwrap();
                }
                want.push('\n');
            }
        }
    }
    c.push_str("  return 0;\n}\n");
    (c, want)
}

fn run_c(tag: &str, c: &str) -> String {
    // reuse build_so's temp dir logic with an executable instead
    let so = build_so(&format!("{}_dummy", tag), "int unused_symbol;");
    let dir = so.parent().unwrap().to_path_buf();
    let src = dir.join(format!("{}.c", tag));
    std::fs::write(&src, c).unwrap();
    let exe = dir.join(tag);
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let out = std::process::Command::new(cc)
        .arg("-o")
        .arg(&exe)
        .arg(&src)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stderr),
        c
    );
    let out = std::process::Command::new(&exe).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn layouts_match_the_c_compiler() {
    let mut d = Declarations::new();
    d.cdef(DECLS, &CdefOptions::default()).unwrap();
    let names = all_structs(&mut d, DECLS);
    assert!(names.len() > 15);
    let (c, want) = gen(&mut d, &names, "", DECLS);
    let got = run_c("layout", &c);
    assert_eq!(got, want, "\n--- C program ---\n{}", c);
}

#[test]
fn packed_layouts_match_the_c_compiler() {
    let mut d = Declarations::new();
    d.cdef(
        PACKED,
        &CdefOptions {
            packed: true,
            ..Default::default()
        },
    )
    .unwrap();
    let names = all_structs(&mut d, PACKED);
    let (c, want) = gen(&mut d, &names, "#pragma pack(push, 1)\n", PACKED);
    let got = run_c("playout", &c);
    assert_eq!(got, want, "\n--- C program ---\n{}", c);
}
