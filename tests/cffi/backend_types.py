# _cffi_backend low-level API, continued (as CFFI's src/c/test_c.py uses it): fresh struct types
# per call, dir() of ctypes and cdata, typeoffsetof through pointers and arrays, rawaddressof,
# functions returning function pointers, _get_types
import _cffi_backend
from _cffi_backend import *


def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__)
    else:
        print(label, "=", r)


def d(x):
    return [n for n in dir(x) if not n.startswith("_")]


BInt = new_primitive_type("int")
BChar = new_primitive_type("char")
BIntP = new_pointer_type(BInt)
print(d(BInt), d(BIntP), d(new_array_type(BIntP, 3)), d(new_void_type()))
print(d(new_function_type((BInt,), BInt)))
S1 = new_struct_type("struct foo")
S2 = new_struct_type("struct foo")
print(S1 is S2, S1, S2, S1.fields, d(S1))
complete_struct_or_union(S1, [("a2", BInt, -1), ("a1", BInt, -1)])
complete_struct_or_union(S2, [("x", BChar, -1)])
print(sizeof(S1), sizeof(S2), [n for n, f in S1.fields], [n for n, f in S2.fields])
S1P = new_pointer_type(S1)
p = newp(S1P, [1, 2])
print(d(p), d(p[0]), d(cast(BInt, 42)), d(newp(new_array_type(BIntP, None), 5)))
pp = newp(new_pointer_type(S1P), p)
print(d(pp), d(pp[0]))
try:
    newp(new_pointer_type(new_pointer_type(S2)), p)
except TypeError as e:
    print("mixup", e)
print(typeoffsetof(S1P, "a1"), typeoffsetof(S1, "a2"), typeoffsetof(S1P, "a1", 0))
t("typeoffsetof following", lambda: typeoffsetof(S1P, "a1", 1))
t("typeoffsetof None", lambda: typeoffsetof(S1, None))
t("typeoffsetof missing", lambda: typeoffsetof(S1, "zz"))
t("typeoffsetof int on struct", lambda: typeoffsetof(S1, 42))
t("typeoffsetof str on int", lambda: typeoffsetof(BChar, "a1"))
BArr = new_array_type(BIntP, None)
print(typeoffsetof(BArr, 5), typeoffsetof(BIntP, 51))
t("typeoffsetof array str", lambda: typeoffsetof(BArr, "a1"))
S3 = new_struct_type("struct opaque")
t("typeoffsetof opaque", lambda: typeoffsetof(S3, "a"))
s = p[0]
a = rawaddressof(S1P, s, 0)
print(a == p, rawaddressof(new_pointer_type(BChar), s, 4) == cast(new_pointer_type(BChar), p) + 4)
t("rawaddressof not pointer", lambda: rawaddressof(S1, s, 0))
t("rawaddressof primitive", lambda: rawaddressof(S1P, cast(BChar, b"?"), 0))
BFunc = new_function_type((BInt, BInt), BInt, False)
BFunc2 = new_function_type((), BFunc, False)
print(BFunc2, BFunc2.result is BFunc)
t("array result", lambda: new_function_type((), new_array_type(BIntP, 5)))
add = callback(BFunc, lambda x, y: x + y)
getter = callback(BFunc2, lambda: add)
print(getter()(20, 22))
print(_cffi_backend._get_types() == (_cffi_backend._CDataBase, _cffi_backend.CType))
# packed structs (sflags SF_PACKED = 8, or pack=1), a flexible array member's bitshift (-2)
SP = new_struct_type("struct packed")
complete_struct_or_union(SP, [("a", BChar, -1), ("b", BInt, -1)], None, -1, -1, 8)
SP2 = new_struct_type("struct packed2")
complete_struct_or_union(SP2, [("a", BChar, -1), ("b", BInt, -1)], None, -1, -1, 0, 1)
print(sizeof(SP), alignof(SP), [f.offset for n, f in SP.fields], sizeof(SP2), alignof(SP2))
SF = new_struct_type("struct flex")
complete_struct_or_union(SF, [("n", BInt, -1), ("a", BArr, -1)])
print([(f.bitshift, f.bitsize) for n, f in SF.fields], sizeof(SF))
t("open array not last", lambda: complete_struct_or_union(new_struct_type("struct bad"), [("a", BArr, -1), ("n", BInt, -1)]))
# enums spelled freely, duplicate values
BUInt = new_primitive_type("unsigned int")
E = new_enum_type("foo", (), (), BUInt)
print(E, E.kind, E.cname, E.elements)
E2 = new_enum_type("enum bar", ("ab", "cd"), (5, 5), BUInt)
print(E2.elements, sorted(E2.relements.items()), new_enum_type("enum bar", (), (), BUInt) is E2)
# opaque structs
op = cast(new_pointer_type(new_struct_type("struct op")), 42)
for f in [lambda: op.a1, lambda: setattr(op, "a1", 10)]:
    try:
        f()
    except AttributeError as e:
        print(e)
# enum values must fit the base type; typeoffsetof limits; void callbacks take no error value
BLong = new_primitive_type("long")
BULong = new_primitive_type("unsigned long")
print(int(cast(new_enum_type("e1", ("AA",), (2**64 - 1,), BULong), 2**64 - 1)))
for base, v in [(BInt, 2**31), (BUInt, -1), (BLong, 2**63), (BULong, 2**64)]:
    try:
        new_enum_type("e2", ("AA",), (v,), base)
    except OverflowError as e:
        print("OverflowError", e)
BSB = new_struct_type("struct bits")
complete_struct_or_union(BSB, [("a1", BInt, 4)])
t("typeoffsetof bitfield", lambda: typeoffsetof(BSB, "a1"))
print(typeoffsetof(BArr, -3))
t("typeoffsetof overflow", lambda: typeoffsetof(BIntP, 2**62))
try:
    callback(new_function_type((), new_void_type()), lambda: None, -42)
except TypeError as e:
    print(e)
# the cdata class
x = cast(BInt, 17)
print(type(x), type(x) is _cffi_backend._CDataBase, x.__module__)
