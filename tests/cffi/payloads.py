# Every object a cffi object keeps alive (its named payload fields: a view's owner, a handle's
# target, a callback's callable and onerror, an ffi.gc / allocator destructor, a lib's FFI and
# attribute cache, a ctype's FFI, a CField's type, a buffer's owner, an iterator's array)
# survives collections while only the cffi object refers to it, and is found again after moves.
import gc
from cffi import FFI

ffi = FFI()
ffi.cdef("""
    struct pt { int x; int y; };
    int abs(int);
    void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));
""")
lib = ffi.dlopen(None)


def churn():
    junk = []
    for i in range(2000):
        junk.append([i, str(i)])
    gc.collect()
    return len(junk)


# a view keeps its owner (the ffi.new array) alive
def view():
    arr = ffi.new("struct pt[3]", [(1, 2), (3, 4), (5, 6)])
    return arr[1]
v = view()
churn()
print(v.x, v.y)

# a slice keeps the array alive
def sliced():
    a = ffi.new("int[5]", [10, 20, 30, 40, 50])
    return a[1:4]
s = sliced()
churn()
print(list(s))

# from_buffer keeps the buffer object alive
def frombuf():
    return ffi.from_buffer(bytearray(b"payload"))
fb = frombuf()
churn()
print(ffi.string(ffi.cast("char *", fb), 7))

# a handle keeps its object alive
class Thing:
    def __init__(self, n):
        self.n = n
h = ffi.new_handle(Thing(42))
churn()
print(ffi.from_handle(h).n)

# a callback keeps its callable and onerror alive
def make_cb():
    seen = []
    def onerr(t, e, tb):
        seen.append(t.__name__)
        return -1
    def cmp(a, b):
        x = ffi.cast("int *", a)[0]
        y = ffi.cast("int *", b)[0]
        if x == 99 or y == 99:
            raise KeyError(x)
        return (x > y) - (x < y)
    return ffi.callback("int(const void *, const void *)", cmp, onerror=onerr), seen
cb, seen = make_cb()
churn()
data = ffi.new("int[4]", [4, 2, 3, 1])
lib.qsort(data, 4, ffi.sizeof("int"), cb)
print(list(data), repr(cb).startswith("<cdata 'int(*)(void *, void *)' calling"))
bad = ffi.new("int[2]", [99, 1])
lib.qsort(bad, 2, ffi.sizeof("int"), cb)
print(seen[:1])

# ffi.gc: the destructor and the original cdata stay alive until the destructor runs
log = []
def make_gc():
    return ffi.gc(ffi.new("int *", 7), lambda c: log.append(c[0]))
g = make_gc()
churn()
ffi.release(g)
print(log)

# an allocator's free gets the raw memory back
freed = []
alloc = ffi.new_allocator(lambda n: ffi.new("char[]", n), lambda raw: freed.append(len(ffi.buffer(raw))))
p = alloc("int[2]", [5, 6])
churn()
print(p[0] + p[1])
ffi.release(p)
print(freed)

# lib: the attribute cache and the FFI object
f1 = lib.abs
churn()
print(lib.abs is f1, lib.abs(-3))

# ctype: its FFI (item), CField: its type
t = ffi.typeof("struct pt[2]")
churn()
print(t.item, t.item.fields[1][0], t.item.fields[1][1].type, t.item.fields[1][1].offset)

# buffer keeps its cdata alive
def buf():
    return ffi.buffer(ffi.new("char[4]", b"abc"))
b = buf()
churn()
print(b[:])

# an iterator keeps its array alive
def it():
    return iter(ffi.new("int[3]", [7, 8, 9]))
i = it()
churn()
print(list(i))
