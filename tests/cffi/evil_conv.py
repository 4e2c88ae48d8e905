# evil hooks in cffi conversions: __int__/__index__/__float__ that allocate (minor collections)
# and/or return wrong types or raise, in ffi.new, ffi.cast, item/field/slice stores
# stress: 10
from cffi import FFI
from _evil import *

ffi = FFI()
ffi.cdef("""
    struct pt { int x, y; };
    struct pd { double d; int n; };
    struct bf { int a: 3; unsigned int b: 4; };
""")

# ffi.new of scalars
show("new int Int", lambda: ffi.new("int *", Int(5))[0])
show("new int Idx", lambda: ffi.new("int *", Idx(6))[0])
show("new int IntIdx", lambda: ffi.new("int *", IntIdx(7))[0])
show("new int BadInt", lambda: ffi.new("int *", BadInt())[0])
show("new int RaiseInt", lambda: ffi.new("int *", RaiseInt())[0])
show("new long long big", lambda: ffi.new("long long *", Int(2 ** 70))[0])
show("new uchar 300", lambda: ffi.new("unsigned char *", Int(300))[0])
show("new uint -1", lambda: ffi.new("unsigned int *", Int(-1))[0])
show("new bool Int", lambda: ffi.new("_Bool *", Int(1))[0])
show("new double Flt", lambda: ffi.new("double *", Flt(2.5))[0])
show("new double BadFloat", lambda: ffi.new("double *", BadFloat())[0])
show("new double Idx", lambda: ffi.new("double *", Idx(3))[0])
show("new float RaiseFloat", lambda: ffi.new("float *", RaiseFloat())[0])
show("new double Int", lambda: ffi.new("double *", Int(4))[0])

# ffi.new of arrays with evil items
show("new int[3]", lambda: list(ffi.new("int[3]", [1, Int(2), IntIdx(3)])))
show("new int[] Int", lambda: list(ffi.new("int[]", [Int(i * 10) for i in range(5)])))
show("new int[] tuple", lambda: list(ffi.new("int[]", (Int(-1), 2, Int(-3)))))
show("new double[]", lambda: list(ffi.new("double[]", [Flt(0.5), 1, Flt(1.5)])))
show("new int[3] BadInt", lambda: list(ffi.new("int[3]", [1, BadInt(), 3])))
show("new double[] BadFloat", lambda: list(ffi.new("double[]", [Flt(1.0), BadFloat()])))
show("new double[2][2]", lambda: [list(r) for r in ffi.new("double[2][2]", [[Flt(1), Flt(2)], [3, Flt(4)]])])
show("new double[2][2] bad", lambda: ffi.new("double[2][2]", [[Flt(1), 2], [3, BadFloat()]]))
show("new int[] Idx len", lambda: list(ffi.new("int[]", Idx(4))))
show("new int[] Idx neg", lambda: ffi.new("int[]", Idx(-1)))
show("new int[] BadIdx", lambda: ffi.new("int[]", BadIdx()))
show("new int[] RaiseIdx", lambda: ffi.new("int[]", RaiseIdx()))
show("new int[] Int len", lambda: ffi.new("int[]", Int(3)))

# struct initializers
show("new pt dict", lambda: (lambda s: (s.x, s.y))(ffi.new("struct pt *", {"x": Int(1), "y": IntIdx(2)})))
show("new pt list", lambda: (lambda s: (s.x, s.y))(ffi.new("struct pt *", [Int(3), Int(4)])))
show("new pt dict bad", lambda: ffi.new("struct pt *", {"x": Int(1), "y": BadInt()}))
show("new pd dict", lambda: (lambda s: (s.d, s.n))(ffi.new("struct pd *", {"d": Flt(0.25), "n": Int(9)})))
show("new pd bad", lambda: ffi.new("struct pd *", {"n": Int(9), "d": BadFloat()}))
show("new pt[2]", lambda: [(s.x, s.y) for s in ffi.new("struct pt[2]", [[Int(1), Int(2)], {"x": Int(3), "y": Int(4)}])])
show("new bf", lambda: (lambda s: (s.a, s.b))(ffi.new("struct bf *", [Int(-2), Int(9)])))
show("new bf overflow", lambda: ffi.new("struct bf *", [Int(1), Int(99)]))

# ffi.cast
show("cast int Int", lambda: int(ffi.cast("int", Int(7))))
show("cast int Idx", lambda: int(ffi.cast("int", Idx(8))))
show("cast int RaiseInt", lambda: ffi.cast("int", RaiseInt()))
show("cast int BadInt", lambda: ffi.cast("int", BadInt()))
show("cast short wrap", lambda: int(ffi.cast("short", Int(65537))))
show("cast double Flt", lambda: float(ffi.cast("double", Flt(1.25))))
show("cast double BadFloat", lambda: ffi.cast("double", BadFloat()))
show("cast double Int", lambda: float(ffi.cast("double", Int(3))))
show("cast void* Int", lambda: int(ffi.cast("intptr_t", ffi.cast("void *", Int(4096)))))
show("cast char Int", lambda: ffi.cast("char", Int(65)))

# item stores
p = ffi.new("int[4]")
def stores():
    p[0] = Int(11)
    p[Idx(1)] = Int(12)
    p[IntIdx(2)] = 13
    p[3] = IntIdx(14)
    return list(p)
show("item stores", stores)
show("item store Idx out", lambda: p.__setitem__(Idx(7), 1))
show("item store BadIdx", lambda: p.__setitem__(BadIdx(), 1))
show("item store BadInt", lambda: p.__setitem__(Idx(0), BadInt()))
show("item load Idx", lambda: p[Idx(2)])
d = ffi.new("double[2]")
def dstores():
    d[0] = Flt(0.5)
    d[Idx(1)] = Idx(2)
    return list(d)
show("double stores", dstores)
show("double store bad", lambda: d.__setitem__(0, BadFloat()))
show("double store raise", lambda: d.__setitem__(Idx(1), RaiseFloat()))
pp = ffi.new("int *")
def pstore():
    pp[0] = Int(99)
    return pp[0]
show("pointer store", pstore)

# field stores
s = ffi.new("struct pt *")
def fstores():
    s.x = Int(5)
    s.y = IntIdx(6)
    return (s.x, s.y)
show("field stores", fstores)
show("field store bad", lambda: setattr(s, "y", BadInt()))
sd = ffi.new("struct pd *")
def fdstores():
    sd.d = Flt(9.5)
    sd.n = Int(-4)
    return (sd.d, sd.n)
show("field double", fdstores)
show("field double bad", lambda: setattr(sd, "d", BadFloat()))
sb = ffi.new("struct bf *")
def bfstores():
    sb.a = Int(3)
    sb.b = IntIdx(15)
    return (sb.a, sb.b)
show("bitfield stores", bfstores)
show("bitfield bad", lambda: setattr(sb, "b", Int(16)))
show("bitfield IntIdx", lambda: (setattr(sb, "a", IntIdx(-3)), setattr(sb, "b", IntIdx(12)), (sb.a, sb.b))[2])
show("bitfield IntIdx big", lambda: setattr(sb, "b", IntIdx(16)))
show("new bf IntIdx", lambda: (lambda s: (s.a, s.b))(ffi.new("struct bf *", [IntIdx(-2), IntIdx(9)])))
arr = ffi.new("struct pt[2]")
def astores():
    arr[1] = {"x": Int(7), "y": Int(8)}
    arr[Idx(0)] = [Int(1), Int(2)]
    return [(q.x, q.y) for q in arr]
show("struct item stores", astores)

# slice stores
q = ffi.new("int[5]")
def slices():
    q[0:3] = [Int(1), Int(2), Int(3)]
    q[3:5] = (IntIdx(4), Int(5))
    return list(q)
show("slice store", slices)
show("slice store bad", lambda: q.__setitem__(slice(0, 2), [Int(1), BadInt()]))
show("slice Idx bounds", lambda: q.__setitem__(slice(Idx(1), Idx(3)), [8, 9]))
show("slice Idx get", lambda: list(q[Idx(1):Idx(4)]))
show("slice store gen", lambda: (q.__setitem__(slice(0, 3), (Int(k) for k in range(3))), list(q))[1])
show("after slices", lambda: list(q))
dq = ffi.new("double[3]")
show("slice double", lambda: (dq.__setitem__(slice(0, 3), [Flt(1.5), Idx(2), Int(3)]), list(dq))[1])
print("churned", churned[0] > 50)
