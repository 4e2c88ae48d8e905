# structs, unions, nested members, arrays, bitfields, pointer arithmetic, slicing, iteration
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    struct inner { int a; char name[8]; };
    struct outer {
        struct inner inn;
        struct inner *pin;
        union { int i; float f; };
        struct { short c, d; } named;
        double vals[3];
    };
    struct flags { unsigned ready: 1; int delta: 4; unsigned mode: 3; };
    struct v { int n; int data[]; };
    typedef struct outer outer_t;
""")
o = ffi.new("outer_t *")
print(ffi.sizeof("struct outer"), ffi.sizeof(o[0]), ffi.offsetof("struct outer", "vals"))
o.inn.a = 5
o.inn.name = b"abc"
print(o.inn.a, ffi.string(o.inn.name), len(o.inn.name), o.inn.name[1])
print(repr(o.inn)[:23], repr(o.vals)[:18])
o.i = 0x3f800000
print(o.f, o.i)
o.named.c = -3
o.named.d = 9
print(o.named.c, o.named.d)
o.vals = [1.5, 2.5]
print(list(o.vals), o.vals[2])
o.pin = ffi.addressof(o, "inn")
print(o.pin.a, o.pin == ffi.addressof(o[0], "inn"), o.pin.name[0])
s = ffi.new("struct outer *", {"inn": {"a": 7, "name": b"xy"}, "named": [1, 2], "vals": [0.5]})
print(s.inn.a, ffi.string(s.inn.name), s.named.c, s.named.d, list(s.vals))
s2 = ffi.new("struct outer *", s[0])
print(s2.inn.a, list(s2.vals))
s2[0] = o[0]
print(s2.inn.a, list(s2.vals))

fl = ffi.new("struct flags *", [1, -3, 5])
print(fl.ready, fl.delta, fl.mode, ffi.sizeof("struct flags"))
fl.delta = 7
print(fl.delta)

arr = ffi.new("int[]", [10, 20, 30, 40, 50])
print(len(arr), list(arr), [x * 2 for x in arr])
sl = arr[1:4]
print(repr(sl), list(sl), len(sl))
arr[1:3] = [21, 31]
print(list(arr))
p = arr + 2
print(p[0], p[-1], (p + 1)[0], (p - 2)[0], p - arr, arr + 1 - p)
try:
    arr - p
except TypeError as e:
    print("TypeError", e)
q = ffi.cast("int *", arr)
print(q == arr, q[4], ffi.cast("void *", q) == q, q + 1 > q, q != p)
d = {q: "key"}
print(d[ffi.cast("int *", arr)])
m = ffi.new("int[2][3]", [[1, 2, 3], [4, 5, 6]])
print(len(m), len(m[0]), m[1][2], [list(r) for r in m])
m[0] = [9, 9]
print(list(m[0]))
pts = ffi.new("struct inner[2]", [{"a": 1}, {"a": 2}])
print(pts[0].a, pts[1].a, [x.a for x in pts])
vv = ffi.new("struct v *", {"n": 3})
print(vv.n, ffi.sizeof("struct v"), len(vv.data))
vv = ffi.new("struct v *", [5, [6, 7]])
print(vv, vv.n, vv.data, list(vv.data), ffi.sizeof(vv[0]))
vv = ffi.new("struct v *", {"n": 3, "data": 4})
print(vv, len(vv.data), ffi.sizeof(vv[0]))
ptrs = ffi.new("char *[]", [ffi.new("char[]", b"k")])
print(len(ptrs), ptrs[0] != ffi.NULL)
u = ffi.new("union { int i; unsigned char b[4]; } *")
u.i = 0x01020304
print(list(u.b))
