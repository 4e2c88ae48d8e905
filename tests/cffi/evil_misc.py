# evil hooks around cffi helpers: ffi.string/buffer/unpack/memmove with evil lengths, buffers,
# handles, ffi.gc destructors, iteration while allocating, from_buffer of young objects,
# var-sized structs, allocators, init_once
# stress: 10
import gc
from cffi import FFI
from _evil import *

ffi = FFI()
ffi.cdef("""
    struct pt { int x, y; };
    struct var { int n; int data[]; };
    struct holder { int a[3]; struct pt p; };
""")

# lengths and sizes through __index__
s = ffi.new("char[]", b"hello world")
show("string Idx", lambda: ffi.string(s, Idx(5)))
show("string IntIdx", lambda: ffi.string(s, IntIdx(3)))
show("string BadIdx", lambda: ffi.string(s, BadIdx()))
show("string Int", lambda: ffi.string(s, Int(2)))
show("string RaiseIdx", lambda: ffi.string(s, RaiseIdx()))
ia = ffi.new("int[]", [Int(k) for k in range(6)])
show("unpack Idx", lambda: ffi.unpack(ia, Idx(4)))
show("unpack char Idx", lambda: ffi.unpack(s, Idx(5)))
show("unpack BadIdx", lambda: ffi.unpack(ia, BadIdx()))
show("unpack Int", lambda: ffi.unpack(ia, Int(2)))
show("buffer Idx", lambda: ffi.buffer(s, Idx(4))[:])
show("buffer BadIdx", lambda: ffi.buffer(s, BadIdx()))
show("buffer RaiseIdx", lambda: ffi.buffer(s, RaiseIdx()))
b = ffi.buffer(s)
show("buffer item Idx", lambda: b[Idx(1)])
show("buffer item BadIdx", lambda: b[BadIdx()])
show("buffer slice Idx", lambda: b[Idx(0):Idx(5)])
def bufstore():
    b[Idx(0)] = b"J"
    b[0:2] = bytes([0x4a, 0x45])
    return ffi.string(s)
show("buffer store", bufstore)
dst = ffi.new("char[8]")
show("memmove Idx", lambda: (ffi.memmove(dst, s, Idx(5)), ffi.string(dst))[1])
show("memmove BadIdx", lambda: ffi.memmove(dst, s, BadIdx()))

# iteration over cdata arrays while allocating
def iterate():
    arr = ffi.new("int[]", [Int(k * k) for k in range(5)])
    out = []
    for x in arr:
        churn()
        out.append(x)
    return out
show("iterate", iterate)
def iterate_structs():
    arr = ffi.new("struct pt[3]", [[Int(1), 2], {"y": Int(4)}, (Int(5), Int(6))])
    out = []
    for q in arr:
        churn()
        out.append((q.x, q.y))
    return out
show("iterate structs", iterate_structs)
def iterate_young():
    it = iter(ffi.new("double[3]", [Flt(0.5), Flt(1.5), Flt(2.5)]))
    churn()
    return list(it)
show("iterate young", iterate_young)

# handles
class Thing:
    def __init__(self, tag):
        self.tag = tag
def handles():
    objs = [Thing([k, "t%d" % k]) for k in range(5)]
    hs = [ffi.new_handle(o) for o in objs]
    churn()
    back = [ffi.from_handle(h) for h in hs]
    churn()
    return ([o.tag for o in back], all(a is b for a, b in zip(objs, back)))
show("handles", handles)
def handle_cast():
    o = Thing("young")
    h = ffi.new_handle(o)
    vp = ffi.cast("void *", h)
    del o
    churn()
    return ffi.from_handle(vp).tag
show("handle via void*", handle_cast)

# ffi.gc destructors that allocate
log = []
def destroy(c):
    churn()
    log.append(("destroyed", c[0]))
def gcs():
    p = ffi.gc(ffi.new("int *", Int(31)), destroy)
    r = p[0]
    del p
    gc.collect()
    churn()
    gc.collect()
    return (r, log)
show("ffi.gc", gcs)
def gc_release():
    p = ffi.gc(ffi.new("int[2]", [Int(1), Int(2)]), destroy)
    ffi.release(p)
    return log[-1]
show("ffi.gc release", gc_release)

# from_buffer of young objects followed by allocation
def from_young_bytearray():
    ba = bytearray(b"abcdef")
    c = ffi.from_buffer(ba)
    churn()
    c[0] = b"X"
    c[Idx(1)] = b"Y"
    churn()
    return (bytes(ba), c[2], len(c))
show("from_buffer bytearray", from_young_bytearray)
def from_young_bytes():
    by = bytes(range(65, 75))
    c = ffi.from_buffer("char[]", by)
    churn()
    return (ffi.string(c, 4), ffi.unpack(c, Idx(3)))
show("from_buffer bytes", from_young_bytes)
def from_typed():
    ba = bytearray(16)
    c = ffi.from_buffer("int[]", ba)
    c[Idx(1)] = Int(258)
    churn()
    return (list(c), bytes(ba[4:8]))
show("from_buffer int[]", from_typed)

# var-sized structs from young initializers
def var_struct():
    v = ffi.new("struct var *", {"n": Int(3), "data": [Int(7), Int(8), Int(9)]})
    return (v.n, list(v.data))
show("var struct dict", var_struct)
show("var struct list", lambda: (lambda v: (v.n, list(v.data)))(ffi.new("struct var *", [Int(2), [Int(5), IntIdx(6)]])))
show("var struct bad", lambda: ffi.new("struct var *", {"n": 1, "data": [BadInt()]}))

# nested initializers and field views
def holder():
    h = ffi.new("struct holder *", {"a": [Int(1), Int(2), Int(3)], "p": {"x": Int(4), "y": Int(5)}})
    a = h.a
    churn()
    a[Idx(2)] = Int(30)
    h.p = [Int(40), Int(50)]
    return (list(h.a), h.p.x, h.p.y)
show("holder", holder)
def holder_array_store():
    h = ffi.new("struct holder *")
    h.a = [Int(7), IntIdx(8), 9]
    return list(h.a)
show("holder array field", holder_array_store)
show("holder array bad", lambda: setattr(ffi.new("struct holder *"), "a", [1, BadInt(), 3]))

# allocators
def alloc_churn(n):
    churn()
    return ffi.new("char[]", n)
allocator = ffi.new_allocator(alloc_churn, should_clear_after_alloc=True)
show("allocator list", lambda: list(allocator("int[]", [Int(3), Int(4)])))
show("allocator Idx", lambda: list(allocator("int[]", Idx(3))))
show("allocator struct", lambda: (lambda p: (p.x, p.y))(allocator("struct pt *", {"x": Int(1), "y": Int(2)})))

# init_once with an allocating function
def init_fn():
    churn()
    return [Int(5)]
r1 = ffi.init_once(init_fn, "tag")
r2 = ffi.init_once(init_fn, "tag")
print("init_once", r1 is r2, int(r1[0]))

# casts of young cdata after allocation
def casts():
    p = ffi.new("int[4]", [Int(1), Int(2), Int(3), Int(4)])
    q = ffi.cast("int *", p)
    churn()
    r = ffi.cast("intptr_t", q)
    churn()
    return (q[Idx(3)], int(ffi.cast("int *", r)[1]))
show("casts", casts)
print("churned", churned[0] > 30)

# pointer arithmetic and errno through __index__
pa = ffi.new("int[4]", [Int(10), Int(20), Int(30), Int(40)])
show("ptr + Idx", lambda: (pa + Idx(2))[0])
show("Idx + ptr", lambda: (Idx(1) + pa)[0])
show("ptr - Idx", lambda: (pa + 3 - IntIdx(1))[0])
show("ptr + Int", lambda: pa + Int(1))
show("ptr + BadIdx", lambda: pa + BadIdx())
show("ptr - RaiseIdx", lambda: pa - RaiseIdx())
def errno_idx():
    ffi.errno = Idx(5)
    return ffi.errno
show("errno Idx", errno_idx)
show("errno Int", lambda: setattr(ffi, "errno", Int(6)))

# callback error values given as evil objects
show("cb error Int", lambda: ffi.callback("int(int)", lambda x: 1 // 0, error=Int(-9), onerror=lambda *e: None)(1))
show("cb error Flt", lambda: ffi.callback("double(int)", lambda x: 1 // 0, error=Flt(-0.5), onerror=lambda *e: None)(1))
show("cb error BadInt", lambda: ffi.callback("int(int)", lambda x: 1, error=BadInt()))
print("churned again", churned[0] > 40)

# offsetof/addressof take plain ints only (no hook runs)
show("offsetof Idx", lambda: ffi.offsetof("int[5]", Idx(2)))
show("addressof Idx", lambda: ffi.addressof(pa, Idx(2)))
show("addressof int", lambda: ffi.addressof(pa, 2)[0])
