# _cffi_backend.FFI used directly, as CFFI's testing/cffi1/test_ffi_obj.py does: subclass with its
# own __init__, cached and shared ctypes, callbacks and their decorator form, onerror, getctype,
# handles, memmove, allocators, FILE, init_once
import sys
import _cffi_backend as B
def t(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, str(e).replace("\n", "|"))
    else:
        print(label, "=", r)
class FOO(B.FFI):
    def __init__(self, x):
        self.x = x
foo = FOO(42)
print(foo.x, foo.new("int *")[0])
ffi = B.FFI()
t1 = ffi.typeof("int **"); t2 = ffi.typeof("int *")
print(t2.item is t1.item.item, t2 is t1.item, ffi.typeof("int[][10]") is ffi.typeof("int[][10]"), ffi.typeof("int(*)()") is ffi.typeof("int(*)()"))
print(B.FFI().typeof("int *") is B.FFI().typeof("int *"))
t("int[10][]", lambda: ffi.typeof("int[10][]"))
print(ffi.sizeof("int[41]"), ffi.sizeof(ffi.new("int[]", 41)), ffi.alignof("short[41]"), ffi.alignof(ffi.new("int[]", 41)))
p = ffi.new("char[]", init=b"foobar\x00baz")
print(ffi.string(p), ffi.string(cdata=p, maxlen=3))
ffi.errno = 42
print(ffi.errno)
print(ffi.callback("int(int)", lambda x: x + 42)(10), ffi.callback("int(*)(int)", lambda x: x + 42)(10))
old_err = sys.stderr
sys.stderr = None
print(ffi.callback("int(int)", lambda x: x + "", -66)(10), ffi.callback("int(int)", lambda x: x + "", error=-66)(10))
print(ffi.callback(ffi.typeof("int(*)(int)"))(lambda x: x + 42)(10))
deco = ffi.callback("int(int)", error=-66)
print(deco(lambda x: x + "")(10), deco(lambda x: x + 42)(10))
sys.stderr = old_err
seen = []
def oops(*args):
    seen.append(args)
@ffi.callback("int(int)", onerror=oops)
def fn1(x):
    return x + ""
print(fn1(10), len(seen), seen[0][0] is TypeError, isinstance(seen[0][1], TypeError), seen[0][2] is not None)
t("onerror 42", lambda: ffi.callback("int(int)", lambda x: x, onerror=42))
for args in [("int",), ("int", "x"), ("int*",), ("int*", ""), ("int*", "x"), ("int", "*"), ("int[5]", "[6]"), ("int[5]", "(*)"), ("int[5]", "*"), ("int[5]", "*foo"), ("int[5]", " ** foo ")]:
    print(repr(ffi.getctype(*args)), end=" ")
print(repr(ffi.getctype("int", replace_with=' * x ')), repr(ffi.getctype(ffi.typeof("int*"), '*')))
a = ffi.new("int[10]")
b = ffi.addressof(a, 5)
b[2] = -123
print(a[7])
x = [2, 4, 6]
xp = ffi.new_handle(x)
print(ffi.typeof(xp) == ffi.typeof("void *"), ffi.from_handle(xp) is x, ffi.new_handle(None) != ffi.new_handle(None))
print(ffi.cast("int(*)(int)", 0) == ffi.NULL)
try:
    ffi.cast("int(int)", 0)
except ffi.error as e:
    print("ffi.error", e)
p = ffi.new("short[]", [-1234, -2345, -3456, -4567, -5678])
ffi.memmove(p, p + 1, 4)
print(list(p))
ba = bytearray(b"xxxxx")
ffi.memmove(dest=ba, src=ffi.new("char[]", b"ABC"), n=3)
print(ba)
print(isinstance(ffi.cast("int", 42), B.FFI.CData), isinstance(ffi.typeof("int"), B.FFI.CType))
t("allocator free only", lambda: ffi.new_allocator(free=lambda x: None))
def myalloc2(size):
    raise LookupError
t("alloc raises", lambda: ffi.new_allocator(myalloc2)("int[5]"))
t("alloc int", lambda: ffi.new_allocator(lambda n: 42)("int[5]"))
t("alloc cast", lambda: ffi.new_allocator(lambda n: ffi.cast("int", 42))("int[5]"))
seen = []
def myalloc(size):
    seen.append(size)
    return ffi.new("char[]", b"X" * size)
def myfree(raw):
    seen.append(raw)
alloc2 = ffi.new_allocator(alloc=myalloc, free=myfree, should_clear_after_alloc=False)
p2 = alloc2("int[]", 10)
print(seen, ffi.typeof(p2), ffi.sizeof(p2), p2[6] == ord('X') * 0x01010101)
del p2
import gc; gc.collect()
print(len(seen), repr(seen[-1]))
print(repr(ffi.typeof("int(*callback)(bool is_valid)").args[0]))
print(repr(B.FFI().typeof("FILE *")), B.FFI().typeof("FILE *") is B.FFI().typeof("FILE *"))
print([int(ffi.cast("_Bool", ffi.cast(s + " " + b, 42))) for s in ["signed", "unsigned"] for b in ["char", "short", "long long"]])
seen = []
def do_init():
    seen.append(1)
    return 42
print([ffi.init_once(do_init, "tag1") for i in range(3)], seen)
print(B.FFI.NULL == ffi.NULL, B.FFI().typeof(B.FFI.NULL).cname)
