# _cffi_backend's low-level API, as CFFI's test_c.py uses it
from _cffi_backend import *
import _cffi_backend
BInt = new_primitive_type("int")
BChar = new_primitive_type("char")
BLong = new_primitive_type("long")
BDouble = new_primitive_type("double")
print(BInt, BInt.kind, BInt.cname, sizeof(BInt), alignof(BDouble))
BIntP = new_pointer_type(BInt)
BIntPP = new_pointer_type(BIntP)
print(BIntP, BIntPP, BIntP.item is BInt)
BArr = new_array_type(BIntP, 10)
BOpen = new_array_type(BIntP, None)
print(BArr, BArr.length, sizeof(BArr), BOpen, BOpen.length)
BArr2 = new_array_type(new_pointer_type(BArr), 3)
print(BArr2, sizeof(BArr2))
p = newp(BIntP, 42)
print(p[0], typeof(p) is BIntP)
a = newp(BOpen, [1, 2, 3])
print(len(a), list(a))
x = cast(BInt, 3.9)
print(int(x), x)
BVoid = new_void_type()
print(BVoid, new_pointer_type(BVoid))
BStruct = new_struct_type("struct foo")
print(BStruct, BStruct.kind)
complete_struct_or_union(BStruct, [('a1', BInt, -1), ('a2', BChar, -1), ('a3', BDouble, -1)])
print(sizeof(BStruct), alignof(BStruct))
print([(n, f.type, f.offset) for n, f in BStruct.fields])
BStructP = new_pointer_type(BStruct)
s = newp(BStructP, [5, b'x', 2.5])
print(s.a1, s.a2, s.a3, s[0].a1)
s.a1 = 7
print(s.a1, typeoffsetof(BStruct, 'a3'))
BUnion = new_union_type("union bar")
complete_struct_or_union(BUnion, [('i', BInt, -1), ('d', BDouble, -1)])
print(BUnion, sizeof(BUnion))
BFunc = new_function_type((BInt, BInt), BInt, False)
print(BFunc, BFunc.kind, BFunc.args, BFunc.result, BFunc.ellipsis)
def add(x, y):
    return x + y
cb = callback(BFunc, add)
print(cb(2, 3), typeof(cb) is BFunc)
def bad(x, y):
    raise ValueError
cb2 = callback(BFunc, bad, -1)
BEnum = new_enum_type("enum foo", ('A', 'B', 'C'), (0, 1, -20), BInt)
print(BEnum, BEnum.kind, BEnum.elements, cast(BEnum, 1), cast(BEnum, 5))
BCharP = new_pointer_type(BChar)
BCharA = new_array_type(BCharP, None)
print(string(newp(BCharA, b"hello")))
lib = load_library(None)
BSizeT = new_primitive_type("size_t")
strlen = lib.load_function(new_function_type((BCharP,), BSizeT, False), "strlen")
print(typeof(strlen), strlen(b"abcd"), repr(lib).startswith("<clibrary"))
try:
    lib.load_function(BFunc, "no_such_function_xyz")
except AttributeError as e:
    print("AttributeError")
print(getcname(BIntP, "a"), getcname(BArr, "b"), getcname(BFunc, "c"))
print(getcname(BInt, "$"))
try:
    new_primitive_type("foo")
except KeyError as e:
    print("KeyError", e)
print(new_array_type(BIntP, 5) is new_array_type(BIntP, 5))
print(cast(BIntP, 0) == cast(BIntP, 0))
# globals through read_variable / write_variable: environ is a char ** in libc
BCharPP = new_pointer_type(BCharP)
env = lib.read_variable(BCharPP, "environ")
print(typeof(env) is BCharPP)
# explicit offsets and total size
BS2 = new_struct_type("struct two")
complete_struct_or_union(BS2, [('a', BInt, -1, 0), ('b', BInt, -1, 8)], None, 16, 8)
try:
    complete_struct_or_union(new_struct_type('struct small'), [('a', BInt, -1, 0), ('b', BInt, -1, 8)], None, 8)
except TypeError as e:
    print(e)
print(sizeof(BS2), alignof(BS2), [(n, f.offset) for n, f in BS2.fields])
s2 = newp(new_pointer_type(BS2), {'a': 1, 'b': 2})
print(s2.a, s2.b, cast(BIntP, s2)[2])
# a struct holding a struct and an array
BS3 = new_struct_type("struct three")
complete_struct_or_union(BS3, [('p', BStruct, -1), ('arr', BArr, -1)])
print(sizeof(BS3), BS3.fields[1][1].type)
s3 = newp(new_pointer_type(BS3), [[1, b'a', 0.5], list(range(10))])
print(s3.p.a1, s3.arr[9])
# bitfields
BS4 = new_struct_type("struct four")
complete_struct_or_union(BS4, [('x', BInt, 3), ('y', BInt, 5)])
s4 = newp(new_pointer_type(BS4), [3, -2])
print(sizeof(BS4), s4.x, s4.y)
# variadic function types and callbacks with several types
BVar = new_function_type((BCharP,), BInt, True)
print(BVar, BVar.ellipsis)
BFD = new_function_type((BDouble, BLong), BDouble)
print(callback(BFD, lambda d, l: d * l)(1.5, 4))
# errors
for bad in [lambda: new_pointer_type("int"), lambda: new_array_type(BInt, 3),
            lambda: new_array_type(BIntP, -1), lambda: complete_struct_or_union(BInt, [])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
