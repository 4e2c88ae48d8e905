# ffi.new_handle / ffi.from_handle across minor and major collections
import gc
from cffi import FFI

ffi = FFI()


class Doc:
    def __init__(self, name):
        self.name = name
        self.calls = 0


d = Doc("a")
h = ffi.new_handle(d)
print(repr(ffi.new_handle([1, 2])))
v = int(ffi.cast("intptr_t", h))
print(v != 0, v % 16)
junk = [[i] * 3 for i in range(2000)]
gc.collect(0)
print(ffi.from_handle(h) is d, int(ffi.cast("intptr_t", h)) == v)
gc.collect()
print(ffi.from_handle(h) is d, ffi.from_handle(h).name)
h2 = ffi.new_handle(d)
print(h2 != h, ffi.from_handle(h2) is d)
p = ffi.cast("void *", v)
print(ffi.from_handle(p) is d)
cp = ffi.cast("char *", h)
print(ffi.from_handle(cp) is d)
store = ffi.new("void *[4]")
store[0] = h
store[1] = h2
gc.collect()
print(ffi.from_handle(store[0]).name, ffi.from_handle(store[1]) is d)
hs = [ffi.new_handle(Doc(str(i))) for i in range(100)]
gc.collect()
print("".join(ffi.from_handle(x).name for x in hs[:10]), ffi.from_handle(hs[99]).name)
objs = [ffi.from_handle(x) for x in hs]
print(len(set(id(o) for o in objs)))
with_self = []
for i in range(10):
    o = Doc(i)
    o.h = ffi.new_handle(o)
    with_self.append(o)
print(all(ffi.from_handle(o.h) is o for o in with_self))
