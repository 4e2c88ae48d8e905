# FFI objects as Python objects: subclassing FFI, attributes on instances, dir(ffi);
# C types shared across FFI instances; callback errors through sys.stderr, onerror;
# emit_c_code to a file object; new_allocator
import sys
import cffi
from cffi import FFI


class Cap:
    # a stand-in for sys.stderr / a file: anything with write()
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass

    def __repr__(self):
        return "<Cap>"


ffi = FFI()

# subclassing FFI
class MyFFI(FFI):
    extra = 5

    def __init__(self, n):
        FFI.__init__(self)
        self.n = n
        self.cdef("int abs(int);")

    def hello(self):
        return "hi %d %d" % (self.extra, self.n)


m = MyFFI(3)
print(m.hello(), isinstance(m, FFI), type(m).__name__, m.sizeof("int"))
C = m.dlopen(None)
print(C.abs(-4), m.typeof("int *"), m.new("int *", 9)[0])
m.n = 4
print(m.n, m.hello())

# attributes on plain instances
ffi.foo = 42
ffi.bar = [1, 2]
print(ffi.foo, ffi.bar, "foo" in dir(ffi), "new" in dir(ffi), "cdef" in dir(ffi))
del ffi.foo
try:
    ffi.foo
except AttributeError as e:
    print("AttributeError", e)
try:
    del ffi.nothing
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(FFI(), "bar"))

# C types shared across FFI instances
f1 = FFI()
f2 = FFI()
f1.cdef("struct s { int x; }; size_t strlen(const char *);")
f2.cdef("struct s { int x; }; size_t strlen(const char *);")
l1 = f1.dlopen(None)
l2 = f2.dlopen(None)
print(f1.typeof("int") is f2.typeof("int"), f1.typeof("char *") is f2.typeof("char*"))
print(f1.typeof("int(*)(int)") is f2.typeof("int(*)(int)"))
print(f1.typeof(l1.strlen) is f2.typeof(l2.strlen))
print(f1.typeof("int[3][4]") is f2.typeof("int[3][4]"), f1.typeof("int[3][4]").item is f2.typeof("int[4]"))
print(f1.typeof("struct s") is f2.typeof("struct s"), f1.typeof("struct s *") is f2.typeof("struct s *"))
p = f1.new("char[]", b"hello")
print(l2.strlen(p))
ip = f1.new("int *", 5)
q = f2.cast("int *", ip)
print(q[0], f2.typeof(q) is f1.typeof(ip))
arr = f2.new("int *[2]", [ip, f1.NULL])
print(arr[0][0], arr[1] == f2.NULL)

# callback errors go through sys.stderr (the Python-level object)
def bad(x):
    return 1 // 0


cb = ffi.callback("int(int)", bad)
old = sys.stderr
sys.stderr = c = Cap()
r = cb(3)
sys.stderr = old
lines = "".join(c.parts).splitlines()
print(r, lines[0].split(" at ")[0], lines[1], lines[-1])


def bad_ret(x):
    return "no"


cb4 = ffi.callback("int(int)", bad_ret, error=5)
sys.stderr = c = Cap()
r = cb4(1)
sys.stderr = old
lines = "".join(c.parts).splitlines()
print(r, lines[0].split(" at ")[0], lines[0].split(">")[-1], lines[-1])


def onerr(exc, val, tb):
    print("onerror", exc.__name__, val, tb is not None)
    return 42


print(ffi.callback("int(int)", bad, error=-1, onerror=onerr)(1))


def onerr_none(exc, val, tb):
    print("onerror2", exc.__name__)


print(ffi.callback("int(int)", bad, error=-7, onerror=onerr_none)(1))


def onerr_fails(exc, val, tb):
    raise KeyError("k")


sys.stderr = c = Cap()
r = ffi.callback("int(int)", bad, error=-2, onerror=onerr_fails)(1)
sys.stderr = old
lines = "".join(c.parts).splitlines()
print(r, lines[0].split(" at ")[0], lines[-1])

# emit_c_code / emit_python_code to a file object
ffi3 = FFI()
ffi3.cdef("int g(int);")
ffi3.set_source("_ffi_objects_x", "static int g(int x) { return x; }")
f = Cap()
ffi3.emit_c_code(f)
text = "".join(f.parts)
print(len(text) > 100, "g(" in text)
ffi4 = FFI()
ffi4.cdef("int g(int);")
ffi4.set_source("_ffi_objects_y", None)
f = Cap()
ffi4.emit_python_code(f)
print("_ffi_objects_y" in "".join(f.parts) or "ffi" in "".join(f.parts))

# new_allocator
log = []
ffi.cdef("void *malloc(size_t); void free(void *);")
libc = ffi.dlopen(None)


def myalloc(n):
    log.append(("alloc", n))
    return libc.malloc(n)


def myfree(p):
    log.append("free")
    libc.free(p)


alloc = ffi.new_allocator(myalloc, myfree, should_clear_after_alloc=False)
p = alloc("int[10]")
p[3] = 7
print(p[3], log)
del p
import gc
gc.collect()
print(log)
alloc2 = ffi.new_allocator(alloc=lambda n: ffi.NULL)
try:
    alloc2("int[4]")
except MemoryError as e:
    print("MemoryError", e)
alloc3 = ffi.new_allocator(should_clear_after_alloc=True)
print(list(alloc3("int[3]")), alloc3("int *", 5)[0])
