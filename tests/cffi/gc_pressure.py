# ffi.gc(ptr, destructor, size=N) declares N bytes of C memory: a loop of malloc'd blocks handed to
# ffi.gc must trigger collections that run the destructors (free) while the loop goes on, not
# grow without bound. Prints only what CPython (refcounting, destructors run at once) prints too.
from cffi import FFI

ffi = FFI()
ffi.cdef("void *malloc(size_t); void free(void *);")
lib = ffi.dlopen(None)

N = 20000
freed = [0]


def free(p):
    freed[0] += 1
    lib.free(p)


for i in range(N):
    ffi.gc(lib.malloc(4096), free, size=4096)
# CPython frees each block at once; a tracing GC must have freed most of them by now
# (20000 x 4096 bytes = 80 MB declared, well above any major-collection trigger)
print("freed most during the loop:", freed[0] >= N // 2)

# size= accepts what CFFI's "n" argument parsing accepts
p = ffi.new("int *")
for s in [-1, 0, 10, True]:
    print("size", s, "->", ffi.typeof(ffi.gc(p, lambda x: None, size=s)))
for s in [2**63, 1.5, "a", None]:
    try:
        ffi.gc(p, lambda x: None, size=s)
    except Exception as e:
        print("size", repr(s), "->", type(e).__name__, e)

# removing the destructor (and its declared size) of an ffi.gc cdata
g = ffi.gc(lib.malloc(64), lib.free, size=64)
raw = ffi.cast("void *", g)
print(ffi.gc(g, None))
lib.free(raw)
try:
    ffi.gc(p, None, 10)
except TypeError as e:
    print("TypeError", e)

# new_allocator: frees run while allocating more
freed2 = [0]


def free2(q):
    freed2[0] += 1
    lib.free(q)


alloc = ffi.new_allocator(lib.malloc, free2)
for i in range(12000):
    alloc("char[]", 4096)
print("allocator frees ran:", freed2[0] > 0)
print("ok")
