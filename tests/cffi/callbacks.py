# ffi.callback: qsort with a Python comparator, decorator form, error= and onerror=
import gc
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));
    typedef int (*cmp_t)(const void *, const void *);
""")
lib = ffi.dlopen(None)
calls = [0]


@ffi.callback("int(void *, void *)")
def cmp(a, b):
    calls[0] += 1
    x = ffi.cast("int *", a)[0]
    y = ffi.cast("int *", b)[0]
    junk = [str(x)] * 5       # allocates during the callback
    return (x > y) - (x < y)


data = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0] * 3
arr = ffi.new("int[]", data)
lib.qsort(arr, len(data), ffi.sizeof("int"), cmp)
print(list(arr), calls[0] > 0)
print(repr(cmp).startswith("<cdata 'int(*)(void *, void *)' calling <function cmp at "))


def by_key(a, b):
    pa = ffi.cast("double *", a)
    pb = ffi.cast("double *", b)
    gc.collect(0)
    return -1 if pa[0] > pb[0] else (1 if pa[0] < pb[0] else 0)


cb = ffi.callback("cmp_t", by_key)
vals = ffi.new("double[6]", [0.5, 2.5, -1.0, 3.25, 1.0, 2.0])
lib.qsort(vals, 6, ffi.sizeof("double"), cb)
print(list(vals))

add = ffi.callback("int(int, int)", lambda a, b: a + b)
print(add(2, 3), ffi.typeof(add))
sq = ffi.callback("double(double)", lambda x: x * x)
print(sq(1.5))
cs = ffi.callback("char *(char *)", lambda s: s)
buf = ffi.new("char[]", b"echo")
print(ffi.string(cs(buf)))
vd = ffi.callback("void(int)", lambda x: None)
print(vd(1))
err = ffi.callback("int(int)", lambda x: x // 0, error=-1)
seen = []


def onerr(exc, val, tb):
    seen.append(exc.__name__)
    return 99


err2 = ffi.callback("int(int)", lambda x: x // 0, onerror=onerr)
print(err2(3), seen)


def onerr_none(exc, val, tb):
    seen.append(str(val))


err3 = ffi.callback("int(int)", lambda x: x // 0, error=5, onerror=onerr_none)
print(err3(3), seen)
try:
    ffi.callback("int(int)", 42)
except TypeError as e:
    print("TypeError", e)
