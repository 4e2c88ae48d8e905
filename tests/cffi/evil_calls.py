# evil hooks in cffi calls and callbacks: arguments converted through allocating __int__/
# __index__/__float__ hooks, callbacks that allocate heavily and return evil objects or raise
# stress: 10
from cffi import FFI
from _evil import *

ffi = FFI()
ffi.cdef("""
    int abs(int);
    long labs(long);
    double sqrt(double);
    double ldexp(double, int);
    double frexp(double, int *);
    float fabsf(float);
    long strtol(const char *, char **, int);
    typedef struct { int quot, rem; } div_t;
    div_t div(int, int);
    int snprintf(char *, size_t, const char *, ...);
    void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));
""")
lib = ffi.dlopen(None)

# scalar arguments
show("abs Int", lambda: lib.abs(Int(-5)))
show("abs IntIdx", lambda: lib.abs(IntIdx(-6)))
show("abs Idx", lambda: lib.abs(Idx(-7)))
show("abs BadInt", lambda: lib.abs(BadInt()))
show("abs RaiseInt", lambda: lib.abs(RaiseInt()))
show("labs big", lambda: lib.labs(Int(2 ** 80)))
show("sqrt Flt", lambda: lib.sqrt(Flt(16.0)))
show("sqrt Idx", lambda: lib.sqrt(Idx(9)))
show("sqrt BadFloat", lambda: lib.sqrt(BadFloat()))
show("sqrt RaiseFloat", lambda: lib.sqrt(RaiseFloat()))
show("fabsf Flt", lambda: lib.fabsf(Flt(-2.5)))
show("ldexp", lambda: lib.ldexp(Flt(1.5), Int(4)))
show("ldexp bad 2nd", lambda: lib.ldexp(Flt(1.5), BadInt()))
show("ldexp bad 1st", lambda: lib.ldexp(BadFloat(), Int(1)))
show("div", lambda: (lambda r: (r.quot, r.rem))(lib.div(Int(17), IntIdx(5))))
show("div bad", lambda: lib.div(Int(17), RaiseInt()))

# pointer arguments from lists of evil items, bytes after an evil argument
def frexp_list():
    e = [Int(0)]
    m = lib.frexp(Flt(8.0), e)
    return m
show("frexp list", frexp_list)
show("frexp list bad", lambda: lib.frexp(Flt(8.0), [BadInt()]))
def frexp_out():
    e = ffi.new("int *", Int(0))
    m = lib.frexp(Flt(48.0), e)
    return (m, e[0])
show("frexp out", frexp_out)
show("strtol", lambda: lib.strtol(b"ff" + b"" * 3, ffi.NULL, Int(16)))
show("strtol young bytes", lambda: lib.strtol(bytes([0x37, 0x37]), ffi.NULL, Idx(8)))
show("strtol bad base", lambda: lib.strtol(bytes([0x37]), ffi.NULL, BadInt()))
def snp():
    buf = ffi.new("char[64]")
    n = lib.snprintf(buf, Int(64), b"%d-%.1f-%s", ffi.cast("int", Int(42)),
                     ffi.cast("double", Flt(2.5)), ffi.new("char[]", bytes([0x6f, 0x6b])))
    return (n, ffi.string(buf))
show("snprintf", snp)

# calling a callback directly (arguments converted, then Python runs inside C)
def twice(x):
    churn()
    return Int(x * 2)
cb = ffi.callback("int(int)", twice)
show("cb Int result", lambda: cb(Int(21)))
show("cb Idx arg", lambda: cb(Idx(5)))
show("cb bad arg", lambda: cb(BadInt()))

errors = []
def onerror(exc, val, tb):
    churn()
    errors.append((exc.__name__, str(val)))

def bad_result(x):
    churn()
    return BadInt()
cb2 = ffi.callback("int(int)", bad_result, error=-1, onerror=onerror)
show("cb BadInt result", lambda: (cb2(3), errors[-1]))

def raise_inside(x):
    churn()
    raise RuntimeError("inside %d" % x)
cb3 = ffi.callback("long(long)", raise_inside, error=-7, onerror=onerror)
show("cb raises", lambda: (cb3(Int(4)), errors[-1]))

def replacing(exc, val, tb):
    churn()
    return Int(77)
cb4 = ffi.callback("int(int)", raise_inside, error=-1, onerror=replacing)
show("cb onerror replaces", lambda: cb4(1))

def fhook(x):
    churn()
    return Flt(x / 4)
cbd = ffi.callback("double(double)", fhook)
show("cb double Flt", lambda: cbd(Flt(3.0)))
cbd2 = ffi.callback("double(double)", lambda x: BadFloat(), error=-1.5, onerror=onerror)
show("cb double BadFloat", lambda: (cbd2(1), errors[-1]))
cbd3 = ffi.callback("double(double)", lambda x: Idx(int(x)))
show("cb double Idx", lambda: cbd3(6.0))

def ptr_cb(p):
    churn()
    v = p[0]
    p[0] = Int(v + 1)
    return IntIdx(p[1] * 10)
cbp = ffi.callback("int(int *)", ptr_cb)
def ptr_call():
    a = ffi.new("int[2]", [Int(1), Int(2)])
    r = cbp(a)
    return (r, list(a))
show("cb pointer arg", ptr_call)
show("cb list arg", lambda: cbp([Int(5), Int(6)]))

# qsort with an allocating comparator returning evil ints
calls = [0]
@ffi.callback("int(void *, void *)")
def cmp(a, b):
    calls[0] += 1
    x = ffi.cast("int *", a)[0]
    y = ffi.cast("int *", b)[0]
    if calls[0] % 7 == 0:
        churn()
    return Int((x > y) - (x < y))
data = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0]
arr = ffi.new("int[]", [Int(x) for x in data])
lib.qsort(arr, IntIdx(len(data)), ffi.sizeof("int"), cmp)
print("qsort", list(arr), calls[0] > 0)

@ffi.callback("int(void *, void *)", error=0, onerror=onerror)
def cmp_bad(a, b):
    churn()
    return BadInt()
arr2 = ffi.new("int[]", [3, 1, 2])
lib.qsort(arr2, 3, ffi.sizeof("int"), cmp_bad)
print("qsort bad", sorted(arr2), errors[-1])

# handles through a callback
class Box:
    def __init__(self, v):
        self.v = v
def hcb(h, n):
    churn()
    b = ffi.from_handle(h)
    b.v.append(n)
    return len(b.v)
hc = ffi.callback("int(void *, int)", hcb)
def handle_round():
    box = Box([1])
    h = ffi.new_handle(box)
    churn()
    r1 = hc(h, Int(2))
    r2 = hc(h, IntIdx(3))
    return (r1, r2, ffi.from_handle(h) is box, box.v)
show("handle callback", handle_round)
print("churned", churned[0] > 20)
