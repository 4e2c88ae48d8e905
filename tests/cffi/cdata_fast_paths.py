# The fast paths of short-lived cdata: handles made and dropped in loops, small ffi.new arrays
# (sized once per type), char items, and from_buffer of young bytes beyond what the heap pins
# (minipy copies those into the cdata). Results must not depend on which path was taken.
import gc
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    size_t strlen(const char *s);
    int memcmp(const void *a, const void *b, size_t n);
    struct pt { int x, y; };
""")
lib = ffi.dlopen(None)


class Obj:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Obj(%d)" % self.v


# handles: many made and dropped, some kept; each maps back to its own object
kept = []
total = 0
for i in range(6000):
    o = Obj(i)
    h = ffi.new_handle(o)
    total += ffi.from_handle(h).v
    if i % 997 == 0:
        kept.append((h, o))
gc.collect()
print(total, all(ffi.from_handle(h) is o for h, o in kept))
h, o = kept[3]
print(repr(h).startswith("<cdata 'void *' handle to Obj("), ffi.typeof(h))
# a handle's pointer through another cdata: the table path
p = ffi.cast("void *", h)
print(ffi.from_handle(p) is o, ffi.from_handle(ffi.cast("char *", h)) is o)
print(ffi.new_handle(o) != h, bool(h), h == ffi.cast("void *", h))
del kept, h, p
gc.collect()

# ffi.new of small arrays in a loop: zeroed each time, the memory stays put while the cdata lives
s = 0
addrs = set()
for i in range(6000):
    a = ffi.new("int[4]")
    s += a[0] + a[1] + a[2] + a[3]
    a[0] = i
    a[3] = -i
    s += a[0] + a[3] + len(a)
    if i % 1500 == 0:
        addrs.add(int(ffi.cast("intptr_t", a)))
print(s, len(addrs) >= 1)
keep = [ffi.new("int[10]") for i in range(300)]
for i, a in enumerate(keep):
    a[9] = i
where = [int(ffi.cast("intptr_t", a)) for a in keep]
gc.collect()
print(all(a[9] == i for i, a in enumerate(keep)), where == [int(ffi.cast("intptr_t", a)) for a in keep])
print(repr(ffi.new("int[4]")), repr(ffi.new("int[10]")), repr(ffi.new("struct pt *")))
t = ffi.typeof("int[4]")
print(repr(ffi.new(t)), list(ffi.new(t, [1, 2])), list(ffi.new(cdecl="int[4]", init=[5])))
big = ffi.new("char[100]")
print(repr(big), big[99])
try:
    a = ffi.new("int[4]")
    a[4] = 1
except IndexError as e:
    print("IndexError", e)
try:
    a[0] = 2 ** 31
except OverflowError as e:
    print("OverflowError", e)

# char items: bytes of length 1 in and out
c = ffi.new("char[4]", b"abc")
print(c[0], c[2], c[3], ffi.string(c))
c[1] = b"Z"
print(ffi.string(c), c[1])
for bad in ["Z", b"ZZ", 65, b""]:
    try:
        c[1] = bad
    except TypeError as e:
        print("TypeError", e)
q = ffi.new("struct pt *")
q.x = 5
print(q.x, q.y)

# from_buffer of young bytes, more of them alive than the heap will pin: all read right, and
# each keeps its address while it lives
small = [(b"sm%04d" % i) + b"!" for i in range(300)]
large = [(b"large-%04d-" % i) + b"x" * 60 for i in range(300)]
cds = [ffi.from_buffer(x) for x in small] + [ffi.from_buffer(x) for x in large]
srcs = small + large
where = [int(ffi.cast("intptr_t", c)) for c in cds]
junk = [[i] * 4 for i in range(20000)]
gc.collect()
ok = all(ffi.string(c) == x and len(c) == len(x) and lib.strlen(c) == len(x) for c, x in zip(cds, srcs))
print(ok, where == [int(ffi.cast("intptr_t", c)) for c in cds])
print(all(lib.memcmp(c, x, len(x)) == 0 for c, x in zip(cds, srcs)))
print(repr(cds[-1]), cds[-1][0], cds[-1][len(large[-1]) - 1], ffi.buffer(cds[5])[:])
ints = [ffi.from_buffer("int[]", b"\x01\x00\x00\x00\x02\x00\x00\x00" + b"") for i in range(200)]
print(all(list(x) == [1, 2] for x in ints), repr(ints[-1]))
ffi.release(cds[-1])
print(repr(cds[-1]))
with ffi.from_buffer(b"with" + b"-block") as w:
    print(ffi.string(w), len(w))
n = 0
for i in range(6000):
    p = ffi.from_buffer(b"hello, " + b"buffer")
    n += ord(p[3]) + len(p)
print(n)
del cds, ints, junk
gc.collect()
