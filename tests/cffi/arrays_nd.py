# multi-dimensional arrays and flexible array members (ABI mode)
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    struct s { int n; int a[]; };
    struct t { int x; struct s inner; };
    struct u { char tag; double d[]; };
    struct grid { int w, h; int cells[2][3]; };
""")

a = ffi.new("int[3][4]")
print(ffi.typeof(a), ffi.sizeof(a), len(a), len(a[0]), ffi.typeof(a[0]))
for i in range(3):
    for j in range(4):
        a[i][j] = i * 10 + j
print([list(row) for row in a])
print(ffi.typeof(a[1]), a[2][3], ffi.sizeof(a[1]))
b = ffi.new("int[][4]", 2)
print(ffi.typeof(b), ffi.sizeof(b), len(b))
c = ffi.new("int[][4]", [[1, 2, 3, 4], [5, 6]])
print(len(c), list(c[0]), list(c[1]))
d = ffi.new("int[2][3][4]")
d[1][2][3] = 99
print(ffi.typeof(d), ffi.sizeof(d), ffi.typeof(d[1]), ffi.typeof(d[1][2]), d[1][2][3])
p = ffi.cast("int *", d)
print(p[1 * 12 + 2 * 4 + 3])
print(ffi.typeof("int[5][6]").length, ffi.typeof("int[5][6]").item)
print(ffi.typeof("int(*)[4]"), ffi.sizeof("int(*)[4]"))
q = ffi.cast("int(*)[4]", a)
print(q[2][1])
try:
    a[3]
except IndexError as e:
    print("IndexError", e)
try:
    a[0][4] = 1
except IndexError as e:
    print("IndexError", e)
try:
    ffi.new("int[2][2]", [[1, 2, 3]])
except IndexError as e:
    print("IndexError", e)
g = ffi.new("struct grid *", {"w": 3, "h": 2, "cells": [[1, 2, 3], [4, 5, 6]]})
print(g.w, g.h, list(g.cells[1]), ffi.typeof(g.cells), ffi.offsetof("struct grid", "cells"))
g.cells[0] = [7, 8, 9]
print(list(g.cells[0]))

# flexible array members
print(ffi.sizeof("struct s"), ffi.typeof("struct s").fields[1][1].type)
s = ffi.new("struct s *", [3, [10, 20, 30]])
print(s.n, list(s.a[0:3]), ffi.typeof(s.a), ffi.sizeof(s[0]))
s2 = ffi.new("struct s *", [2, 5])
print(s2.n, ffi.sizeof(s2[0]), s2.a[0], s2.a[4])
s3 = ffi.new("struct s *", {"n": 1, "a": [7]})
print(s3.n, s3.a[0], ffi.sizeof(s3[0]))
s4 = ffi.new("struct s *")
print(s4.n, ffi.sizeof(s4[0]))
u = ffi.new("struct u *", [b"x", [1.5, 2.5]])
print(u.tag, u.d[0], u.d[1], ffi.sizeof(u[0]), ffi.sizeof("struct u"))
t = ffi.new("struct t *", [1, [2, [3, 4]]])
print(t.x, t.inner.n, t.inner.a[0], t.inner.a[1], ffi.sizeof("struct t"), ffi.sizeof(t[0]))

# messages: open array without a length, subtracting differently typed pointers/arrays;
# a zero-length array field reads as a pointer
for f in [lambda: ffi.new("int[]", None), lambda: ffi.new("short *") - ffi.new("int[2]"),
          lambda: ffi.new("int[2]") - ffi.new("short *")]:
    try:
        f()
    except TypeError as e:
        print(e)
ffi.cdef("struct z { long a1[0]; };")
z = ffi.new("struct z *")
print(repr(z.a1).split(" 0x")[0], ffi.sizeof("struct z"))
# ffi.string of one-byte integers
for tn in ["signed char", "unsigned char", "int8_t", "uint8_t", "short"]:
    try:
        print(tn, ffi.string(ffi.cast(tn, 42)), ffi.string(ffi.cast(tn, 0)))
    except TypeError as e:
        print(tn, e)
print(ffi.string(ffi.new("signed char[]", [65, 66, 67])), ffi.string(ffi.new("unsigned char[]", [65, 66, 67])))
