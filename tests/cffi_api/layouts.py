# API mode: partial structs, int... types, #define / static const / enum constants, macros and
# static inline functions called as functions, globals; the module is built into _build/
import sys
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    typedef int... t_i8;
    typedef int... t_u16;
    typedef int... t_i32;
    typedef int... t_u64;
    typedef int... t_long;
    typedef float... t_real;
    struct rec { t_u16 b; double d; char c; ...; };
    struct hole { int n; char name[...]; ...; };
    struct full { t_i8 a; t_u64 b; };
    #define SMALL ...
    #define BIG ...
    #define NEG ...
    #define LITERAL 42
    static const int ANSWER;
    static const long MINUS;
    enum color { RED, GREEN = ..., BLUE, ... };
    int twice(int);
    t_u16 add16(t_u16, t_u16);
    t_i8 neg8(t_i8);
    t_u64 big(void);
    t_real half(t_real);
    int rec_sum(struct rec *);
    struct rec *rec_make(t_u16 b, double d, char c);
    void rec_free(struct rec *);
    int square_inline(int);
    extern int counter;
    extern struct rec global_rec;
    int bump(void);
""")
ffi.set_source("_api_layouts", r"""
    #include <stdint.h>
    #include <stdlib.h>
    typedef signed char t_i8;
    typedef uint16_t t_u16;
    typedef int t_i32;
    typedef unsigned long long t_u64;
    typedef long t_long;
    typedef double t_real;
    /* the real layouts differ from the declared order and have extra fields */
    struct rec { long pad1; char c; int extra[3]; double d; t_u16 b; };
    struct hole { char before[5]; char name[13]; int n; };
    struct full { t_i8 a; t_u64 b; };
    #define SMALL 7
    #define BIG (1ULL << 40)
    #define NEG (-12)
    #define LITERAL 42
    static const int ANSWER = 42;
    static const long MINUS = -5000000000L;
    enum color { RED, GREEN = 10, BLUE, YELLOW };
    #define twice(x) ((x) * 2)
    static t_u16 add16(t_u16 a, t_u16 b) { return (t_u16)(a + b); }
    static t_i8 neg8(t_i8 x) { return (t_i8)-x; }
    static t_u64 big(void) { return 0xFFFFFFFFFFFFFFFFULL; }
    static t_real half(t_real x) { return x / 2; }
    static int rec_sum(struct rec *r) { return r->b + (int)r->d + r->c; }
    static struct rec *rec_make(t_u16 b, double d, char c) {
        struct rec *r = calloc(1, sizeof *r);
        r->b = b; r->d = d; r->c = c; r->pad1 = -1;
        return r;
    }
    static void rec_free(struct rec *r) { free(r); }
    static inline int square_inline(int x) { return x * x; }
    int counter = 5;
    struct rec global_rec = { 1, 'g', {0, 0, 0}, 2.5, 300 };
    static int bump(void) { return ++counter; }
""")
path = ffi.compile(tmpdir="_build")
print(path.endswith(".so"))

sys.path.insert(0, "_build")
from _api_layouts import ffi, lib

for t in ["t_i8", "t_u16", "t_i32", "t_u64", "t_long", "t_real"]:
    print(t, ffi.typeof(t), ffi.sizeof(t))
print(ffi.typeof("t_u16 *"), ffi.typeof("struct full"), ffi.sizeof("struct full"))
print(ffi.sizeof("struct rec"), ffi.alignof("struct rec"))
print([(n, f.offset, f.type.cname) for n, f in ffi.typeof("struct rec").fields])
print([(n, f.offset, f.type.cname) for n, f in ffi.typeof("struct hole").fields])
print(ffi.sizeof("struct hole"), ffi.offsetof("struct hole", "name"))
print(lib.SMALL, lib.BIG, lib.NEG, lib.LITERAL, lib.ANSWER, lib.MINUS)
print(lib.RED, lib.GREEN, lib.BLUE, ffi.sizeof("enum color"))
print(lib.twice(21), lib.add16(65535, 2), lib.neg8(5), lib.big(), lib.half(5.0))
print(lib.square_inline(12))

r = ffi.new("struct rec *", {"b": 1000, "d": 2.75, "c": b"x"})
print(r.b, r.d, r.c, lib.rec_sum(r))
p = lib.rec_make(7, 1.5, b"A")
print(p.b, p.d, p.c, lib.rec_sum(p))
p.b = 65535
print(p.b, lib.rec_sum(p))
lib.rec_free(p)
h = ffi.new("struct hole *")
h.name = b"hello"
h.n = -3
print(ffi.string(h.name), len(h.name), h.n)
try:
    ffi.new("struct full *", {"a": 200})
except OverflowError as e:
    print("OverflowError", e)
try:
    lib.add16(-1, 0)
except OverflowError as e:
    print("OverflowError", e)

print(lib.counter, lib.bump(), lib.counter)
lib.counter = 100
print(lib.bump(), lib.counter)
print(lib.global_rec.b, lib.global_rec.d, lib.global_rec.c)
lib.global_rec.b = 9
print(lib.global_rec.b)
