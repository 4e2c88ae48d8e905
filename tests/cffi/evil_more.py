# more evil hooks: struct results of callbacks, evil iterables in slice stores, var-sized struct
# counts, char/wchar open arrays sized by __index__
# stress: 10
from cffi import FFI
from _evil import *

ffi = FFI()
ffi.cdef("""
    struct pt { int x, y; };
    struct var { int n; double data[]; };
""")


class Items:
    # an iterable whose __iter__ and items allocate
    def __init__(self, *vals):
        self.vals = vals

    def __iter__(self):
        churn()
        for v in self.vals:
            yield Int(v)


q = ffi.new("int[4]")
show("slice Items", lambda: (q.__setitem__(slice(0, 3), Items(7, 8, 9)), list(q))[1])
show("slice Items short", lambda: q.__setitem__(slice(0, 3), Items(1, 2)))
show("slice Items long", lambda: q.__setitem__(slice(0, 2), Items(1, 2, 3)))
show("new Items", lambda: ffi.new("int[]", Items(1, 2)))
show("new int[3] Items", lambda: ffi.new("int[3]", Items(1, 2)))

show("var count Idx", lambda: (lambda v: (v.n, len(v.data), list(v.data)))(ffi.new("struct var *", {"n": Int(3), "data": Idx(3)})))
show("var count list", lambda: (lambda v: (v.n, list(v.data)))(ffi.new("struct var *", [Int(2), [Flt(0.5), Idx(7)]])))
show("var count bad", lambda: ffi.new("struct var *", {"n": 1, "data": BadIdx()}))
show("char[] Idx", lambda: ffi.string(ffi.new("char[]", Idx(4))))
show("char[] len", lambda: len(ffi.new("char[]", Idx(4))))
show("wchar_t[] Idx", lambda: len(ffi.new("wchar_t[]", Idx(2))))
show("double[] Idx", lambda: list(ffi.new("double[]", IntIdx(2))))


def make_pt(x):
    churn()
    return {"x": Int(x), "y": IntIdx(x + 1)}


cbs = ffi.callback("struct pt(int)", make_pt)
show("cb struct result", lambda: (lambda r: (r.x, r.y))(cbs(Int(4))))
errors = []


def onerror(exc, val, tb):
    churn()
    errors.append((exc.__name__, str(val)))


cbs2 = ffi.callback("struct pt(int)", lambda x: {"x": BadInt()}, onerror=onerror)
show("cb struct bad", lambda: ((lambda r: (r.x, r.y))(cbs2(1)), errors[-1]))


def sum_pt(p):
    churn()
    return Int(p.x + p.y)


cbp = ffi.callback("int(struct pt)", sum_pt)
show("cb struct arg dict", lambda: cbp({"x": Int(2), "y": Int(3)}))
show("cb struct arg list", lambda: cbp([IntIdx(5), Int(6)]))
show("cb struct arg bad", lambda: cbp([Int(5), BadInt()]))
pt = ffi.new("struct pt *", [Int(7), Int(8)])
show("cb struct arg cdata", lambda: cbp(pt[0]))
print("churned", churned[0] > 10)
