# Calls whose signatures minipy calls without libffi (register-only: integer-class or double
# arguments): narrow argument and result types, pointers, doubles, void results.
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    int abs(int);
    long labs(long);
    long long llabs(long long);
    int toupper(int);
    size_t strlen(const char *);
    int memcmp(const void *, const void *, size_t);
    unsigned short htons(unsigned short);
    unsigned int htonl(unsigned int);
    int ffs(int);
    double pow(double, double);
    double hypot(double, double);
    double fabs(double);
    double fma(double, double, double);
    long strtol(const char *, char **, int);
    void *memset(void *, int, size_t);
    void srand(unsigned int);
    float fabsf(float);
    int snprintf(char *, size_t, const char *, ...);
""")
lib = ffi.dlopen(None)

print(lib.abs(-5), lib.abs(-2**31 + 1), lib.labs(-2**62), lib.llabs(-2**63 + 1))
print(lib.toupper(ord("q")), lib.ffs(0), lib.ffs(1 << 20))
print(lib.strlen(b"hello, world"), lib.strlen(b""))
print(lib.memcmp(b"abc", b"abd", 3) < 0, lib.memcmp(b"abc", b"abc", 3))
print(hex(lib.htons(0x1234)), hex(lib.htons(0xFFFE)), hex(lib.htonl(0x12345678)))
print(lib.pow(2.0, 10), lib.pow(2, 0.5), lib.hypot(3, 4), lib.fabs(-1.5), lib.fma(2.0, 3.0, 1.0))
end = ffi.new("char **")
print(lib.strtol(b"  -1234xyz", end, 10), ffi.string(end[0]))
print(lib.strtol(b"ff", ffi.NULL, 16), lib.strtol(b"-0x10", ffi.NULL, 0))
buf = ffi.new("char[8]")
r = lib.memset(buf, ord("z"), 5)
print(r == buf, ffi.string(buf))
print(lib.srand(7))
print(lib.fabsf(-2.5))
print(lib.snprintf(buf, 8, b"%d-%s", ffi.cast("int", 42), ffi.new("char[]", b"ab")), ffi.string(buf))
for bad in (lambda: lib.abs(2**31), lambda: lib.htons(-1), lambda: lib.pow("x", 1.0), lambda: lib.abs()):
    try:
        bad()
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
