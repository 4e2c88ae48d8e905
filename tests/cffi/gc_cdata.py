# ffi.gc destructors, release / with, new_allocator, pinned ffi.new memory
import gc
from cffi import FFI

ffi = FFI()
log = []


def collect():
    # destructors run at the next safe point (a return) after the collection that found the
    # object dead; CPython runs them at once (refcounting)
    gc.collect()



p = ffi.gc(ffi.new("int[4]", [11, 22, 33, 44]), lambda c: log.append(c[1]))
print(p[1], log)
del p
collect()
print(log)

q = ffi.new("int *", 5)
g = ffi.gc(q, lambda c: log.append("q%d" % c[0]))
g2 = ffi.gc(g, None)
print(g2)
del g, g2
collect()
print(log)

keep = []
r = ffi.gc(ffi.new("int *", 9), lambda c: keep.append(c))
del r
collect()
print(len(keep), keep[0][0])
keep.clear()
collect()

x = ffi.gc(ffi.new("char[]", b"abc"), lambda c: log.append(ffi.string(c)))
ffi.release(x)
print(log[-1])
ffi.release(x)
del x
collect()
print(log.count(b"abc"))

with ffi.gc(ffi.new("int *", 3), lambda c: log.append("with")) as w:
    print(w[0])
print(log[-1])

allocs = []


def my_alloc(n):
    allocs.append(n)
    return ffi.new("char[]", n)


def my_free(ptr):
    allocs.append("free")


alloc = ffi.new_allocator(my_alloc, my_free)
a = alloc("int[4]", [1, 2, 3, 4])
print(list(a), allocs)
del a
collect()
print(allocs)
alloc2 = ffi.new_allocator()
b = alloc2("int[3]")
print(list(b))
alloc3 = ffi.new_allocator(should_clear_after_alloc=False)
print(len(alloc3("char[10]")))

addrs = []
bufs = [ffi.new("int[8]", list(range(8))) for i in range(50)]
addrs = [int(ffi.cast("intptr_t", b)) for b in bufs]
junk = [[i] for i in range(5000)]
gc.collect(0)
collect()
print(addrs == [int(ffi.cast("intptr_t", b)) for b in bufs], sum(b[7] for b in bufs))
for i in range(2000):
    t = ffi.new("char[1000]")
print("done")
