# The GC story: Python objects move (a minor collection copies them out of the nursery), yet
#  - the handle given to C keeps its value and from_handle still finds the object;
#  - memory from ffi.new never moves (it is malloc'd, owned by the cdata object, which may move).
import gc
import __minipy__ as mp
from cffi import FFI

ffi = FFI()


class Doc:
    def __init__(self, title):
        self.title = title


doc = Doc("minipy")
young = mp.in_nursery(doc)             # False only under MINIPY_GC_STRESS (a GC at every allocation)
print("doc in nursery:", young)
a0 = mp.addr(doc)
h = ffi.new_handle(doc)
v0 = int(ffi.cast("intptr_t", h))
arr = ffi.new("int[4]", [1, 2, 3, 4])
c0 = int(ffi.cast("intptr_t", arr))
arr_young = mp.in_nursery(arr)
hdr0 = mp.addr(arr)

gc.collect(0)                          # minor collection: young survivors move to the old space

a1 = mp.addr(doc)
v1 = int(ffi.cast("intptr_t", h))
c1 = int(ffi.cast("intptr_t", arr))
hdr1 = mp.addr(arr)
print("doc address:   0x%x -> 0x%x (moved: %s, in nursery now: %s)" % (a0, a1, a0 != a1, mp.in_nursery(doc)))
print("handle value:  0x%x -> 0x%x (same: %s)" % (v0, v1, v0 == v1))
print("from_handle finds the object:", ffi.from_handle(h) is doc, ffi.from_handle(h).title)
print("cdata header:  0x%x -> 0x%x (moved: %s)" % (hdr0, hdr1, hdr0 != hdr1))
print("C memory:      0x%x -> 0x%x (same: %s)" % (c0, c1, c0 == c1))
assert (a0 != a1) == young and not mp.in_nursery(doc)
assert v0 == v1 and ffi.from_handle(h) is doc
assert (hdr0 != hdr1) == arr_young and c0 == c1 and list(arr) == [1, 2, 3, 4]

gc.collect()                           # a major collection does not change any of it
assert int(ffi.cast("intptr_t", h)) == v0 and ffi.from_handle(h) is doc
assert int(ffi.cast("intptr_t", arr)) == c0

bogus = ffi.cast("void *", a1)         # a raw object address is not a handle
try:
    ffi.from_handle(bogus)
except RuntimeError as e:
    print("raw address:", e)
del h
gc.collect()
try:
    ffi.from_handle(ffi.cast("void *", v0))
except RuntimeError as e:
    print("dead handle:", e)
print("ok")
