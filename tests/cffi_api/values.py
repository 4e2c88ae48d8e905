# API mode: variadic functions, non-integer constants, structs by value, addresses of globals
import sys
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    int snprintf(char *, size_t, const char *, ...);
    struct pt { int x; int y; };
    struct pt mk(int, int);
    int pt_sum(struct pt);
    extern int counter;
    extern int table[4];
    static const double PI;
    static const char *const GREETING;
    #define SCALE ...
    static const struct pt ORIGIN;
""")
ffi.set_source("_api_values", """
    #include <stdio.h>
    struct pt { int x; int y; };
    static struct pt mk(int x, int y) { struct pt p = {x, y}; return p; }
    static int pt_sum(struct pt p) { return p.x + p.y; }
    int counter = 3;
    int table[4] = {1, 2, 3, 4};
    #define PI 3.25
    static const char *const GREETING = "hello";
    #define SCALE (3 * 7)
    static const struct pt ORIGIN = {-1, 1};
""")
ffi.compile(tmpdir="_build")

sys.path.insert(0, "_build")
from _api_values import ffi, lib

buf = ffi.new("char[32]")
n = lib.snprintf(buf, 32, b"%d-%s-%.1f", ffi.cast("int", 5), ffi.new("char[]", b"x"), ffi.cast("double", 1.5))
print(n, ffi.string(buf))
p = lib.mk(3, 4)
print(p.x, p.y, lib.pt_sum(p), lib.pt_sum({"x": 10, "y": 20}))
c = ffi.addressof(lib, "counter")
c[0] = 10
print(lib.counter, list(lib.table), lib.table[2])
lib.table[1] = 20
print(list(lib.table))
print(lib.PI, ffi.string(lib.GREETING), lib.SCALE, lib.ORIGIN.x, lib.ORIGIN.y)
