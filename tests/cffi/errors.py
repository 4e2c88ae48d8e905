# cffi conversion and usage errors: types and messages as CFFI raises them
from cffi import FFI
import cffi

ffi = FFI()
ffi.cdef("struct point { int x, y; }; int abs(int); size_t strlen(const char *);"
         "int printf(const char *, ...); void *memset(void *, int, size_t);"
         "struct bits { unsigned a: 2; int b: 3; };")
lib = ffi.dlopen(None)


def t(f):
    try:
        r = f()
        print("ok", r)
    except AttributeError as e:
        print("AttributeError")
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: lib.abs(1, 2))
t(lambda: lib.abs())
t(lambda: lib.abs(1.5))
t(lambda: lib.abs("x"))
t(lambda: lib.abs(1 << 40))
t(lambda: lib.strlen("abc"))
t(lambda: lib.strlen(None))
t(lambda: lib.strlen(ffi.new("int[3]")))
t(lambda: lib.strlen(ffi.new("char[]", b"abcd")))
t(lambda: lib.strlen([65, 66, 0]))
t(lambda: lib.strlen([b"A", b"B", b"\0"]))
t(lambda: lib.printf(b"%d\n", 5))
t(lambda: lib.nonexist)
t(lambda: ffi.new("int **", ffi.new("long *")))
t(lambda: ffi.new("int[2]", [1, 2, 3]))
t(lambda: ffi.new("char[4]", b"abcde"))
t(lambda: ffi.new("char[4]", b"abcd"))
t(lambda: ffi.new("struct point *", [1, 2, 3]))
t(lambda: ffi.new("struct point *", {"z": 1}))
t(lambda: ffi.new("int *", 1.5))
t(lambda: ffi.new("int *", 1 << 40))
t(lambda: ffi.new("unsigned char *", 256))
t(lambda: ffi.new("unsigned char *", -1))
t(lambda: ffi.new("char *", 65))
t(lambda: ffi.new("char *", "a"))
t(lambda: ffi.new("int **", 5))
t(lambda: ffi.new("double *", "x"))
t(lambda: ffi.new("_Bool *", 2))
t(lambda: ffi.new("void"))
t(lambda: ffi.new("int"))
t(lambda: ffi.new("void *"))
p = ffi.new("int[3]")
t(lambda: p[3])
t(lambda: p[-1])
q = ffi.new("int *")
t(lambda: q[1])
t(lambda: len(q))
t(lambda: iter(q))
t(lambda: ffi.cast("char *", 0) - ffi.cast("int *", 0))
t(lambda: int(q))
t(lambda: float(ffi.cast("int", 3)))
t(lambda: ffi.cast("double", ffi.NULL))
t(lambda: ffi.from_handle(q))
t(lambda: ffi.from_handle(ffi.NULL))
t(lambda: ffi.string(q))
t(lambda: ffi.string(ffi.cast("int", 3)))
t(lambda: ffi.string(ffi.cast("char *", 0)))
t(lambda: ffi.new("struct point *").z)
t(lambda: p[1:2])
t(lambda: p[:2])
t(lambda: p[0:2:1])
t(lambda: p[0:4])
t(lambda: ffi.cast("int", 3) + 1)


def f():
    p[0:2] = [1]


t(f)
b = ffi.new("struct bits *")
b.a = 3
b.b = -4
print(b.a, b.b)


def g():
    b.a = 4


t(g)
try:
    ffi.cdef("int x(")
except cffi.CDefError as e:
    print("CDefError", str(e).count("At end of input"))
t(lambda: ffi.typeof("unknown_t"))
t(lambda: ffi.sizeof("struct nope"))
try:
    ffi.cdef("int foo(;")
except cffi.CDefError as e:
    print("CDefError caught")
