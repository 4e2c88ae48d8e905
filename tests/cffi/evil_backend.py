# evil hooks around the _cffi_backend low-level API and the FFI-object features: sequences that
# allocate while they are read (fields, argument types, enumerators), __index__ lengths, a
# sys.stderr whose write() allocates and replaces itself, emit_c_code to such a writer,
# attribute stores on FFI instances and subclasses while collecting
# stress: 10
import sys
import gc
from _cffi_backend import *
from cffi import FFI
from _evil import *


def churning(items):
    for x in items:
        churn()
        yield x


BInt = new_primitive_type("int")
BChar = new_primitive_type("char")
BDouble = new_primitive_type("double")
BIntP = new_pointer_type(BInt)
show("array Idx", lambda: new_array_type(BIntP, Idx(7)))
show("array BadIdx", lambda: new_array_type(BIntP, BadIdx()))
show("array RaiseIdx", lambda: new_array_type(BIntP, RaiseIdx()))
BS = new_struct_type("struct evil")
show("complete gen", lambda: complete_struct_or_union(BS, churning([("a", BInt, -1)])))
show("complete list item", lambda: complete_struct_or_union(BS, [["a", BInt]]))


class Fields(list):
    pass


fl = [("a", BInt, Idx(-1)), ("b", BDouble), ("c", BChar, -1, Idx(16)), ("d", BInt, Idx(-1))]
show("complete Idx", lambda: complete_struct_or_union(BS, fl))
print(sizeof(BS), [(n, f.offset, f.type) for n, f in BS.fields])
s = newp(new_pointer_type(BS), {"a": IntIdx(4), "b": Flt(1.5), "c": b"z", "d": IntIdx(-3)})
print(s.a, s.b, s.c, s.d)
BS2 = new_struct_type("struct evil2")
show("complete bad field", lambda: complete_struct_or_union(BS2, [("a", "int", -1)]))
show("complete bad bitsize", lambda: complete_struct_or_union(BS2, [("a", BInt, BadIdx())]))
show("complete raising bitsize", lambda: complete_struct_or_union(BS2, [("a", BInt, RaiseIdx())]))
show("complete short field", lambda: complete_struct_or_union(BS2, [("a",)]))
BF = new_function_type(tuple(churning([BInt, BDouble])), BDouble, Idx(1))
print(BF)
show("function gen", lambda: new_function_type(churning([BInt, BInt]), BInt))
show("function bad", lambda: new_function_type((BInt, 5), BInt))
show("function BadIdx", lambda: new_function_type((BInt,), BInt, BadIdx()))
BE = new_enum_type("enum evil", tuple(churning(["X", "Y"])), tuple(churning([1, 2])), BInt)
print(BE, cast(BE, 2))
show("enum sizes", lambda: new_enum_type("enum evil2", ("X",), (1, 2), BInt))


# sys.stderr replaced by an object whose write() allocates and swaps sys.stderr again
class EvilErr:
    def __init__(self):
        self.parts = []

    def write(self, s):
        churn()
        self.parts.append(s)
        sys.stderr = EvilErr()
        return len(s)

    def __repr__(self):
        churn()
        return "<EvilErr>"


ffi = FFI()
old = sys.stderr
first = EvilErr()
sys.stderr = first
r = ffi.callback("int(int)", lambda x: [0] * 10 + 1, error=Int(-3))(1)
sys.stderr = old
print(r, "".join(first.parts).splitlines()[-1])


class RaisingErr:
    def write(self, s):
        churn()
        raise OSError("no")


sys.stderr = RaisingErr()
r = ffi.callback("int(int)", lambda x: 1 // 0, error=-4)(1)
sys.stderr = old
print(r)

# emit_c_code to a writer that allocates
ffi2 = FFI()
ffi2.cdef("int g(int);")
ffi2.set_source("_evil_backend_x", "static int g(int x) { return x; }")
w = EvilErr()
ffi2.emit_c_code(w)
sys.stderr = old
print(len("".join(w.parts)) > 100, "g(" in "".join(w.parts))


class BadWriter:
    write = 5

    def __repr__(self):
        return "<BadWriter>"


show("emit bad writer", lambda: ffi2.emit_c_code(BadWriter()))


# FFI subclass whose __init__ and attributes allocate
class MyFFI(FFI):
    def __init__(self, n):
        churn()
        FFI.__init__(self)
        self.items = [Int(k) for k in range(n)]
        self.cdef("int abs(int);")


fs = [MyFFI(k) for k in range(3)]
gc.collect()
for f in fs:
    for k in range(20):
        setattr(f, "a%d" % k, [k] * 50)
    churn()
print([len(f.items) for f in fs], fs[2].a19[:3], fs[1].dlopen(None).abs(Int(-5)))
print(sorted(x for x in dir(fs[0]) if x.startswith("a1")))
# shared ctypes survive collections and stay shared
t1 = fs[0].typeof("int(*)(double, char *)")
churn()
gc.collect()
print(t1 is fs[1].typeof("int(*)(double, char *)"), t1)
