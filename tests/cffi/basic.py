# cffi basics: cdef, dlopen(None), calls, ffi.new, cast, string, reprs
from cffi import FFI
import cffi

ffi = FFI()
ffi.cdef("""
    int abs(int);
    long labs(long);
    size_t strlen(const char *);
    char *strcpy(char *, const char *);
    int atoi(const char *);
    double sqrt(double);
    float fabsf(float);
    int snprintf(char *, size_t, const char *, ...);
    struct point { int x, y; };
    typedef struct { int quot, rem; } div_t;
    div_t div(int, int);
    #define ANSWER 42
    enum color { RED, GREEN = 5, BLUE };
""")
lib = ffi.dlopen(None)
print(lib.abs(-5), lib.labs(-(1 << 40)), lib.strlen(b"hello"), lib.atoi(b"123"))
print(lib.sqrt(2.0), lib.sqrt(16), lib.fabsf(-1.5))
print(lib.ANSWER, lib.RED, lib.GREEN, lib.BLUE)
buf = ffi.new("char[64]")
n = lib.snprintf(buf, 64, b"%d-%s-%.2f", ffi.cast("int", 7), ffi.new("char[]", b"x"), ffi.cast("double", 2.5))
print(n, ffi.string(buf))
lib.strcpy(buf, b"copied")
print(ffi.string(buf), ffi.string(buf, 3))
r = lib.div(17, 5)
print(repr(r), r.quot, r.rem)

p = ffi.new("char[]", b"Some string")
print(repr(p), len(p), ffi.string(p))
print(repr(ffi.new("int[10]")), repr(ffi.new("int[]", 3)), repr(ffi.new("char *")))
print(repr(ffi.new("char **")), repr(ffi.new("struct point *")), repr(ffi.new("struct point *")[0]))
print(ffi.cast("int", 42), ffi.cast("char", 65), ffi.cast("double", 1.5), ffi.cast("_Bool", 2))
print(ffi.cast("enum color", 5), ffi.cast("enum color", 7), ffi.cast("long double", 1.5))
print(ffi.cast("unsigned char", 300), ffi.cast("signed char", 200), ffi.cast("int", -1.9))
print(ffi.cast("unsigned int", -1), ffi.cast("short", 70000))
print(ffi.NULL, ffi.cast("double *", 0), ffi.cast("int *", ffi.NULL))
print(ffi.typeof("int *"), ffi.typeof("char **"), ffi.typeof("int(*)(int, char *)"))
print(ffi.typeof("int *[5]"), ffi.typeof("int(*)[5]"), ffi.typeof("void(*)(void)"))
print(ffi.typeof("int(*)(const char *, ...)"), ffi.typeof("struct point"))
print(ffi.typeof("int*") is ffi.typeof("int *"), ffi.typeof(p), ffi.typeof(lib.abs))
print(str(ffi.cast("int", 3)) == repr(ffi.cast("int", 3)))
print(ffi.string(ffi.cast("enum color", 5)), ffi.string(ffi.cast("enum color", 7)), ffi.string(ffi.cast("char", 66)))
print(int(ffi.cast("int", 3)), int(ffi.cast("double", 3.7)), float(ffi.cast("double", 2.5)))
print(int(ffi.cast("char", b"\xff")), int(ffi.cast("int", ffi.cast("char", b"\xff"))))
print(bool(ffi.NULL), bool(ffi.cast("int *", 8)), bool(ffi.cast("int", 0)), bool(ffi.cast("double", 0.5)))
print(ffi.cast("int", 3) == 3, ffi.cast("int", 3) < ffi.cast("int", 4), hash(ffi.cast("int", 3)))
print(isinstance(p, ffi.CData), isinstance(ffi.typeof("int"), ffi.CType), isinstance(1, ffi.CData))
print(cffi.FFI is FFI, issubclass(cffi.CDefError, Exception), issubclass(cffi.VerificationMissing, Exception))
fp = ffi.new("float *", 0.1)
print(fp[0])
bp = ffi.new("_Bool *", True)
print(bp[0])
cp = ffi.new("char *", b"z")
print(cp[0])
f = lib.abs
print(f(-3), f(4))
